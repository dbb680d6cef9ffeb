"""Find, and where possible repair, mojibake: text whose bytes were decoded
with the wrong codec (typically UTF-8 read as GBK).

Detection scores suspicious items and clusters them:

* a rare ideograph (outside GB2312 even after t2s), a kana/bopomofo/box/Greek/
  Cyrillic symbol, a private-use character or U+FFFD: 2 points each;
* a GB2312 level-2 ideograph or a ``?`` (a lost byte): 1 point;
* a lone Latin letter squeezed between two ideographs: 1 point;
* a pinyin gloss whose ``(`` was eaten by a lost byte (``?hé)``): 2 points.

Items at most `GAP` characters apart, with no line break, space or CJK
punctuation between them, form a cluster; a cluster is mojibake when it
scores at least `MIN_SCORE`, at least `MIN_DENSITY` points per character, and
holds a 2-point item (or scores `MIN_SCORE` + 1). A cluster of ideographs
alone (no ``?``, symbol, gloss or stray letter) must score
`IDEOGRAPHS_ONLY_SCORE` at `IDEOGRAPHS_ONLY_DENSITY`: names with uncommon
characters look like that. Ordinary prose scores 0-3 per cluster.

A cluster is repaired by re-encoding it as GBK (GB18030 for what GBK cannot
encode) and decoding as UTF-8, trying boundaries a few characters either side, and the
repair is kept only when the result is clean common text. Otherwise the
cluster is reported as garbled. A text that is mojibake as a whole is repaired
in one go first.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.charclass import IDEOGRAPH, TEXTLIKE
from kg.text.charsets import CJK, ODD_SYMBOLS, PINYIN_VOWELS, RARE_CLASS, TIER1, TIER2_CLASS
from kg.text.edits import apply_edits
from kg.types import Problem

GAP = 3
MIN_SCORE = 4
MIN_DENSITY = 0.3
WHOLE_MIN_CHARS = 6  # non-ASCII chars needed to judge a whole text
WHOLE_MIN_RATIO = 0.4  # share of suspicious among non-ASCII chars

IDEOGRAPHS_ONLY_SCORE = 8  # a cluster of rare ideographs alone (names?) needs more
IDEOGRAPHS_ONLY_DENSITY = 0.6
BREAKERS = "\n \u3000\u00a0\t、，。；：！？"  # clusters do not span these (lists of rare names)

_ITEM_RE = re.compile(
    rf"(?P<gloss>[?\ufffd](?=[a-z]*[{PINYIN_VOWELS}])[a-z{PINYIN_VOWELS}]{{1,6}}[)）])"
    rf"|(?P<rare>[{RARE_CLASS}]+)"
    rf"|(?P<odd>[{ODD_SYMBOLS}]+)"
    rf"|(?P<tier2>[{TIER2_CLASS}]+)"
    rf"|(?P<lost>\?+)"
    rf"|(?P<sand>[A-Za-zＡ-Ｚａ-ｚ](?<=[{CJK}][A-Za-zＡ-Ｚａ-ｚ])(?=[{CJK}]))"
)
_SCORE = {"gloss": 2, "rare": 2, "odd": 2, "tier2": 1, "lost": 1, "sand": 1}  # per character (gloss: once)
_BREAK_RE = re.compile(f"[{BREAKERS}]")
# where an item can start: one class, so the scan runs at C speed
_START_RE = re.compile(rf"[{RARE_CLASS}{ODD_SYMBOLS}{TIER2_CLASS}?A-Za-zＡ-Ｚａ-ｚ]")
_IDEOGRAPH_RE = re.compile(f"[{IDEOGRAPH}]")  # (planes 2-3 are foreign to is_clean anyway)
_ODD_RE = re.compile(rf"[{ODD_SYMBOLS}\x00-\x08\x0b-\x1f]")
_RARE_RE = re.compile(rf"[{RARE_CLASS}]")
_FOREIGN_RE = re.compile(f"[^{TEXTLIKE}]")  # not a character of our genre


def fix_whole_text(raw: str, text: str, offs: list[int]) -> tuple[str, list[int], list, list[Problem]] | None:
    """Repair a text that is UTF-8 read as GBK from start to end, or None.

    Run first, before anything joins lines: the repaired text still has its
    own punctuation and line structure to be normalized.
    """
    _, bad = find_clusters(text)
    wide = len(text) - len(text.encode("ascii", "ignore"))
    if wide < WHOLE_MIN_CHARS or bad < WHOLE_MIN_RATIO * wide:
        return None
    garbled: list[tuple[int, int]] = []
    problems: list[Problem] = []
    fixed = _fix_whole(raw, text, offs, garbled, problems)
    return None if fixed is None else (*fixed, garbled, problems)


def fix_runs(raw: str, text: str, offs: list[int]) -> tuple[str, list[int], list[tuple[int, int]], list[Problem]]:
    """Repair or flag mojibake runs in (normalized) `text`.

    Detection reads `text`; a repair re-encodes the RAW characters the run came
    from (before width mapping and t2s changed them). Returns the text,
    offsets, garbled RAW spans and problems (start/end in raw offsets).
    """
    problems: list[Problem] = []
    garbled: list[tuple[int, int]] = []
    clusters, _ = find_clusters(text)
    edits = []
    taken = 0  # end of the last repair: windows must not overlap
    for s, e in clusters:
        s = max(s, taken)
        if s >= e:
            continue
        line = raw.count("\n", 0, offs[s]) + 1
        repair = _repair_run(raw, text, offs, s, e, taken)
        leftovers = [(s, e)]
        if repair is not None:
            rs, re_, fixed, sources = repair
            edits.append((rs, re_, fixed, sources))
            taken = re_
            problems.append(Problem(
                "mojibake-repaired",
                f"line {line}: repaired text mis-decoded as GBK: "
                f"{excerpt(raw[offs[rs]:offs[re_ - 1] + 1])!r} -> {excerpt(fixed)!r}",
                offs[rs], offs[re_ - 1] + 1))
            leftovers = [(a, b) for a, b in ((s, rs), (re_, e)) if b > a]
            for k, ch in enumerate(fixed):
                if ch == "\ufffd":
                    lost = offs[sources[k]]
                    garbled.append((lost, lost + 1))
                    problems.append(Problem(
                        "mojibake", f"line {line}, raw offset {lost}: a character lost when the text was "
                        "mis-decoded (U+FFFD)", lost, lost + 1))
        for a, b in leftovers:
            raw_span = (offs[a], offs[b - 1] + 1)
            garbled.append(raw_span)
            problems.append(Problem(
                "mojibake",
                f"line {line}, raw offset {raw_span[0]}-{raw_span[1]}: garbled text (mojibake), "
                f"not used for extraction: {excerpt(raw[raw_span[0]:raw_span[1]])!r}",
                *raw_span))
    if edits:
        text, offs = apply_edits(text, offs, edits)
    return text, offs, garbled, problems


def find_clusters(text: str) -> tuple[list[tuple[int, int]], int]:
    """Spans of `text` that look like mojibake (see module docstring), and
    the number of suspicious non-ASCII characters seen."""
    found = []
    bad = 0
    cur = None  # [start, end, score, strong item seen, non-ideograph evidence seen]
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
        score = _SCORE[kind] * (1 if kind == "gloss" else n)
        if kind in ("rare", "odd", "tier2"):
            bad += n
        strong = kind in ("gloss", "rare", "odd")
        evidence = kind in ("gloss", "odd", "lost", "sand")
        if cur and m.start() - cur[1] <= GAP and not _BREAK_RE.search(text, cur[1], m.start()):
            cur[1] = m.end()
            cur[2] += score
            cur[3] = cur[3] or strong
            cur[4] = cur[4] or evidence
            continue
        if cur and _is_mojibake(*cur):
            found.append((cur[0], cur[1]))
        cur = [m.start(), m.end(), score, strong, evidence]
    if cur and _is_mojibake(*cur):
        found.append((cur[0], cur[1]))
    return found, bad


def _is_mojibake(start: int, end: int, score: int, strong: bool, evidence: bool) -> bool:
    density = score / (end - start)
    if score < MIN_SCORE or density < MIN_DENSITY or not (strong or score > MIN_SCORE):
        return False
    return evidence or (score >= IDEOGRAPHS_ONLY_SCORE and density >= IDEOGRAPHS_ONLY_DENSITY)


def excerpt(s: str, limit: int = 24) -> str:
    return s if len(s) <= limit else s[:limit] + "…"


def is_clean(s: str, rare_share: float = 0.0) -> bool:
    """Common text: only characters of our genre (no odd symbols, no U+FFFD,
    no other scripts), (almost) no rare ideographs, mostly tier 1."""
    if "\ufffd" in s or _ODD_RE.search(s) or _FOREIGN_RE.search(s):
        return False
    ideographs = _IDEOGRAPH_RE.findall(s)
    if len(ideographs) < 2 or len(_RARE_RE.findall(s)) > rare_share * len(ideographs):
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


def _repair_run(raw: str, text: str, offs: list[int], s: int, e: int, floor: int = 0):
    """Best repair of text around [s, e): (start, end, fixed, sources) or None.

    First strictly: windows up to 3 characters wider or 2 narrower on each
    side (within the line), widest first, whose GB18030 bytes decode as UTF-8
    to clean text; a window covering the whole cluster wins at once. Then, if
    the cluster holds U+FFFD (lost bytes), leniently on windows covering it:
    each lost character becomes U+FFFD, the rest must be clean; the window
    losing the fewest characters wins, then the narrowest.
    Else the best strict window that covers part of the cluster. Windows
    start at `floor` or later (the end of the previous repair).
    """
    lo = max(text.rfind("\n", 0, s) + 1, s - 3, floor)
    hi = text.find("\n", e)
    hi = min(len(text) if hi < 0 else hi, e + 3)
    original = "".join(raw[offs[i]] for i in range(lo, hi))  # before width mapping and t2s
    try:
        data, starts = _regbk(original, errors_as_lost=True)
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
        if mapped is None or mapped[0] == original[s2 - lo:e2 - lo]:
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
    if "\ufffd" in original[s - lo:e - lo]:
        covering = [window(s2, e2, lossy=True) for s2 in range(lo, s + 1) for e2 in range(e, hi + 1)]
        covering = [x for x in covering if x]
        if covering:  # fewest lost characters, then the narrowest window
            return min(covering, key=lambda x: (x[2].count("\ufffd"), x[1] - x[0]))
    return partial


def _fix_whole(raw: str, text: str, offs: list[int], garbled: list, problems: list):
    """(text, offs) of the whole text re-decoded, or None when that is not clean."""
    lossy = "\ufffd" in text
    try:
        data, starts = _regbk(text, errors_as_lost=lossy)
    except UnicodeEncodeError:
        return None
    mapped = _utf8_mapped(data, starts, 0, lossy=lossy)
    if mapped is None:
        return None
    fixed, sources = mapped
    if not is_clean(fixed.replace("\ufffd", ""), rare_share=0.01) or 3 * fixed.count("\ufffd") > len(fixed):
        return None
    problems.append(Problem(
        "mojibake-repaired",
        f"the whole text was UTF-8 decoded as GBK and has been repaired: {excerpt(text)!r} -> {excerpt(fixed)!r}",
        offs[0], offs[-1] + 1))
    new_text, new_offs = apply_edits(text, offs, [(0, len(text), fixed, sources)])
    for m in re.finditer("\ufffd+", new_text):
        rs, re_ = new_offs[m.start()], new_offs[m.end() - 1] + 1
        garbled.append((rs, re_))
        problems.append(Problem(
            "mojibake",
            f"line {raw.count(chr(10), 0, rs) + 1}, raw offset {rs}-{re_}: bytes lost when the text was "
            f"mis-decoded; {m.end() - m.start()} character(s) unrecoverable",
            rs, re_))
    return new_text, new_offs
