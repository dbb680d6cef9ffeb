"""Find, and where possible repair, mojibake: text whose bytes were decoded
with the wrong codec (typically UTF-8 read as GBK).

Detection scores suspicious items and clusters them:

* a rare ideograph (outside GB2312 even after t2s), a kana/bopomofo/box/Greek/
  Cyrillic symbol, a private-use character or U+FFFD: 2 points each;
* a GB2312 level-2 ideograph or a ``?`` (a lost byte): 1 point;
* a lone Latin letter squeezed between two ideographs: 1 point;
* a pinyin gloss whose ``(`` was eaten by a lost byte (``?nèi)``): 2 points.

Items at most `GAP` characters apart on one line form a cluster; a cluster
is mojibake when it scores at least `MIN_SCORE`, at least `MIN_DENSITY` points
per character, and holds a 2-point item (or scores `MIN_SCORE` + 1). Ordinary
prose scores 0-3 per cluster (an uncommon name, a question mark).

A cluster is repaired by re-encoding it as GBK (GB18030 for what GBK cannot
encode) and decoding as UTF-8, trying boundaries a few characters either side, and the
repair is kept only when the result is clean common text. Otherwise the
cluster is reported as garbled. A text that is mojibake as a whole is repaired
in one go first.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.text.charsets import CJK, ODD_SYMBOLS, PINYIN_VOWELS, RARE_CLASS, TIER1, TIER2_CLASS
from kg.text.edits import apply_edits
from kg.types import Problem

GAP = 3
MIN_SCORE = 4
MIN_DENSITY = 0.3
WHOLE_MIN_CHARS = 6  # non-ASCII chars needed to judge a whole text
WHOLE_MIN_RATIO = 0.4  # share of suspicious among non-ASCII chars

_ITEM_RE = re.compile(
    rf"(?P<gloss>[?\ufffd](?=[a-z]*[{PINYIN_VOWELS}])[a-z{PINYIN_VOWELS}]{{1,6}}[)）])"
    rf"|(?P<strong>[{RARE_CLASS}{ODD_SYMBOLS}]+)"
    rf"|(?P<weak>[{TIER2_CLASS}?]+)"
    rf"|(?P<sand>[A-Za-z](?<=[{CJK}][A-Za-z])(?=[{CJK}]))"
)
# where an item can start: one class, so the scan runs at C speed
_START_RE = re.compile(rf"[{RARE_CLASS}{ODD_SYMBOLS}{TIER2_CLASS}?A-Za-z]")
_IDEOGRAPH_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ODD_RE = re.compile(rf"[{ODD_SYMBOLS}\x00-\x08\x0b-\x1f]")
_RARE_RE = re.compile(rf"[{RARE_CLASS}]")


def fix_mojibake(text: str, offs: list[int]) -> tuple[str, list[int], list[tuple[int, int]], list[Problem]]:
    """Repair or flag mojibake; returns text, offsets, garbled RAW spans, problems."""
    problems: list[Problem] = []
    garbled: list[tuple[int, int]] = []
    clusters, bad = find_clusters(text)
    if not bad:
        return text, offs, garbled, problems
    wide = len(text) - len(text.encode("ascii", "ignore"))
    if wide >= WHOLE_MIN_CHARS and bad >= WHOLE_MIN_RATIO * wide:
        text, offs, whole = _fix_whole(text, offs, garbled, problems)
        if whole:
            return text, offs, garbled, problems
    edits = []
    line, counted = 1, 0
    for s, e in clusters:
        line += text.count("\n", counted, s)
        counted = s
        repair = _repair_run(text, s, e)
        leftovers = [(s, e)]
        if repair is not None:
            rs, re_, fixed, sources = repair
            edits.append((rs, re_, fixed, sources))
            problems.append(Problem(
                "mojibake-repaired",
                f"line {line}: repaired text mis-decoded as GBK: {_excerpt(text[rs:re_])!r} -> {_excerpt(fixed)!r}",
                offs[rs], offs[re_ - 1] + 1))
            leftovers = [(a, b) for a, b in ((s, rs), (re_, e)) if b > a]
            for k, ch in enumerate(fixed):
                if ch == "\ufffd":
                    raw = offs[sources[k]]
                    garbled.append((raw, raw + 1))
                    problems.append(Problem(
                        "mojibake", f"line {line}, raw offset {raw}: a character lost when the text was "
                        "mis-decoded (U+FFFD)", raw, raw + 1))
        for a, b in leftovers:
            raw_span = (offs[a], offs[b - 1] + 1)
            garbled.append(raw_span)
            problems.append(Problem(
                "mojibake",
                f"line {line}, raw offset {raw_span[0]}-{raw_span[1]}: garbled text (mojibake), "
                f"not used for extraction: {_excerpt(text[a:b])!r}",
                *raw_span))
    if edits:
        text, offs = apply_edits(text, offs, edits)
    return text, offs, garbled, problems


def find_clusters(text: str) -> tuple[list[tuple[int, int]], int]:
    """Spans of `text` that look like mojibake (see module docstring), and
    the number of suspicious characters seen."""
    found = []
    bad = 0
    cur = None  # [start, end, score, strong]
    pos = 0
    while True:
        start = _START_RE.search(text, pos)
        if start is None:
            break
        m = _ITEM_RE.match(text, start.start())
        if m is None:
            pos = start.start() + 1
            continue
        pos = m.end()
        kind = m.lastgroup
        n = m.end() - m.start()
        score = 2 if kind == "gloss" else 2 * n if kind == "strong" else n
        if kind != "sand":  # suspicious non-ASCII characters, for the whole-text test
            bad += n - m.group().count("?") - (kind == "gloss") * (n - 1)
        strong = kind in ("gloss", "strong")
        if cur and m.start() - cur[1] <= GAP and text.find("\n", cur[1], m.start()) < 0:
            cur[1] = m.end()
            cur[2] += score
            cur[3] = cur[3] or strong
            continue
        if cur and _is_mojibake(*cur):
            found.append((cur[0], cur[1]))
        cur = [m.start(), m.end(), score, strong]
    if cur and _is_mojibake(*cur):
        found.append((cur[0], cur[1]))
    return found, bad


def _is_mojibake(start: int, end: int, score: int, strong: bool) -> bool:
    return (score >= MIN_SCORE and score / (end - start) >= MIN_DENSITY
            and (strong or score > MIN_SCORE))


def _excerpt(s: str, limit: int = 24) -> str:
    return s if len(s) <= limit else s[:limit] + "…"


def is_clean(s: str, rare_share: float = 0.0) -> bool:
    """Common text: no odd symbols or U+FFFD, (almost) no rare ideographs,
    mostly tier 1."""
    if "\ufffd" in s or _ODD_RE.search(s):
        return False
    ideographs = _IDEOGRAPH_RE.findall(s)
    if not ideographs or len(_RARE_RE.findall(s)) > rare_share * len(ideographs):
        return False
    return sum(c in TIER1 for c in ideographs) >= 0.75 * len(ideographs)


def _regbk(chars: str, errors_as_lost: bool = False) -> tuple[bytes, list[int]]:
    """GBK bytes of `chars` (GB18030 for what GBK cannot encode, e.g. the
    private-use characters a GB18030 decoder produces) and each char's start.

    With `errors_as_lost`, U+FFFD (a byte the GBK decoder dropped) becomes one
    0xFF byte, which no UTF-8 decoder accepts.
    """
    parts, starts, pos = [], [], 0
    for ch in chars:
        if errors_as_lost and ch == "\ufffd":
            b = b"\xff"
        else:
            try:
                b = ch.encode("gbk")
            except UnicodeEncodeError:
                b = ch.encode("gb18030")
        parts.append(b)
        starts.append(pos)
        pos += len(b)
    return b"".join(parts), starts


_UTF8_SIZE = bytes(1 if b < 0x80 else 2 if 0xC2 <= b < 0xE0 else 3 if 0xE0 <= b < 0xF0
                   else 4 if 0xF0 <= b < 0xF5 else 0 for b in range(256))


def _utf8_mapped(data: bytes, starts: list[int], base: int, lossy: bool) -> tuple[str, list[int]] | None:
    """Decode `data` as UTF-8; each output char maps to the input char holding its first byte.

    Strict unless `lossy`: then each character whose bytes were lost becomes
    one U+FFFD (one per undecodable lead byte). Returns None when strict
    decoding fails or the map would not be strictly increasing.
    """
    out: list[str] = []
    sources: list[int] = []
    pos, n, failing = 0, len(data), False
    while pos < n:
        size = _UTF8_SIZE[data[pos]]
        ch = None
        if size:
            try:
                ch = data[pos:pos + size].decode("utf-8")
            except UnicodeDecodeError:
                ch = None
        src = base + bisect_right(starts, pos) - 1
        if ch is None:
            if not lossy:
                return None
            # one U+FFFD per character whose bytes were lost: at each lead byte
            if (not failing or size) and not (sources and src <= sources[-1]):
                out.append("\ufffd")
                sources.append(src)
            failing = True
            pos += 1
            continue
        failing = False
        if sources and src <= sources[-1]:
            if out[-1] != "\ufffd":
                return None
            out.pop()
            sources.pop()
        out.append(ch)
        sources.append(src)
        pos += size
    return "".join(out), sources


def _repair_run(text: str, s: int, e: int):
    """Best repair of text around [s, e): (start, end, fixed, sources) or None.

    First strictly: windows up to 3 characters wider or 2 narrower on each
    side (within the line), widest first, whose GB18030 bytes decode as UTF-8
    to clean text; a window covering the whole cluster wins at once. Then, if
    the cluster holds U+FFFD (lost bytes), leniently on windows covering it,
    narrowest first: each lost character becomes U+FFFD, the rest must be clean.
    Else the best strict window that covers part of the cluster.
    """
    lo = max(text.rfind("\n", 0, s) + 1, s - 3)
    hi = text.find("\n", e)
    hi = min(len(text) if hi < 0 else hi, e + 3)
    try:
        data, starts = _regbk(text[lo:hi], errors_as_lost=True)
    except UnicodeEncodeError:
        return None
    starts.append(len(data))

    def window(s2: int, e2: int, lossy: bool):
        chunk = data[starts[s2 - lo]:starts[e2 - lo]]
        rel = [x - starts[s2 - lo] for x in starts[s2 - lo:e2 - lo]]
        if not lossy:
            try:
                chunk.decode("utf-8")
            except UnicodeDecodeError:
                return None
        mapped = _utf8_mapped(chunk, rel, s2, lossy=lossy)
        if mapped is None or mapped[0] == text[s2:e2]:
            return None
        fixed = mapped[0]
        lost = fixed.count("\ufffd")
        if not is_clean(fixed.replace("\ufffd", "")) or 3 * lost > len(fixed):
            return None
        return (s2, e2, fixed, mapped[1])

    partial = None
    for width in range(hi - lo, max(2, e - s - 4) - 1, -1):
        for s2 in range(lo, hi - width + 1):
            e2 = s2 + width
            if s2 > s + 2 or e2 < e - 2:
                continue
            found = window(s2, e2, lossy=False)
            if found and s2 <= s and e2 >= e:
                return found
            partial = partial or found
    if "\ufffd" in text[s:e]:
        for width in range(e - s, hi - lo + 1):
            for s2 in range(s, max(lo, e - width) - 1, -1):
                found = window(s2, s2 + width, lossy=True) if s2 + width <= hi else None
                if found:
                    return found
    return partial


def _fix_whole(text: str, offs: list[int], garbled: list, problems: list) -> tuple[str, list[int], bool]:
    """Repair a text that is UTF-8 read as GBK from start to end."""
    lossy = "\ufffd" in text
    try:
        data, starts = _regbk(text, errors_as_lost=lossy)
    except UnicodeEncodeError:
        return text, offs, False
    mapped = _utf8_mapped(data, starts, 0, lossy=lossy)
    if mapped is None:
        return text, offs, False
    fixed, sources = mapped
    if not is_clean(fixed.replace("\ufffd", ""), rare_share=0.01):
        return text, offs, False
    problems.append(Problem(
        "mojibake-repaired",
        f"the whole text was UTF-8 decoded as GBK and has been repaired: {_excerpt(text)!r} -> {_excerpt(fixed)!r}",
        offs[0], offs[-1] + 1))
    new_text, new_offs = apply_edits(text, offs, [(0, len(text), fixed, sources)])
    for m in re.finditer("\ufffd+", new_text):
        rs, re_ = new_offs[m.start()], new_offs[m.end() - 1] + 1
        garbled.append((rs, re_))
        problems.append(Problem(
            "mojibake",
            f"raw offset {rs}-{re_}: bytes lost when the text was mis-decoded; "
            f"{m.end() - m.start()} character(s) unrecoverable",
            rs, re_))
    return new_text, new_offs, True
