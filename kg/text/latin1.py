"""Find, and where possible repair, GBK bytes shown by a Latin-1 (or cp1252)
decoder: 南阳市 -> ``ÄÏÑôÊÐ``.

A run is a stretch of ``¡``-``ÿ`` (the Latin-1 face of GB2312 bytes) on one
line, with at most `MAX_GAP` ASCII or cp1252 characters (digits, punctuation)
between two of them and no space. A run is judged only when it reads as bytes
rather than words: at least `MIN_HIGH` such characters, `MIN_DISTINCT`
different ones, and at most one ASCII letter per two of them (English,
French names and pinyin with tone marks are mostly ASCII letters).

Such a run is repaired when its bytes decode as GBK, strictly, into clean
common text (see `_repair` for the bytes normalization deleted and the edges);
else it is flagged as garbled when it is long and dense (`FLAG_MIN_HIGH`
characters, `FLAG_MIN_STRETCH` of them in a row), else left alone. A text
whose characters are all one byte, that passes the same run test and decodes
as GBK into clean text is repaired in one go first.
"""
from __future__ import annotations

import re
from itertools import pairwise

from kg.charclass import CP1252_EXTRA, LATIN1_HIGH, NOT_ONE_BYTE, one_byte_each
from kg.text.edits import apply_edits
from kg.text.mojibake import excerpt, is_clean
from kg.types import Problem

MAX_GAP = 12
MIN_HIGH = 4
MIN_DISTINCT = 3  # "××××" is a placeholder, not bytes
FLAG_MIN_HIGH = 6
FLAG_MIN_STRETCH = 4
RUN_RARE_SHARE = 0.25  # names with GBK extension characters are still repaired
WHOLE_RARE_SHARE = 0.01  # as for whole-text UTF-8-as-GBK

_RUN_RE = re.compile(
    f"[{LATIN1_HIGH}](?:[\\x21-\\x7e{re.escape(''.join(CP1252_EXTRA))}]{{0,{MAX_GAP}}}[{LATIN1_HIGH}])*")
_HIGH_RE = re.compile(f"[{LATIN1_HIGH}]")
_STRETCH_RE = re.compile(f"[{LATIN1_HIGH}]+")
_LETTER_RE = re.compile("[A-Za-z]")
_NOT_ONE_BYTE_RE = re.compile(f"[{NOT_ONE_BYTE}]")
_DELETED_TAIL_RE = re.compile("[\x80-\x9f\xad]+$")
_TRAILS = frozenset(map(chr, range(0x40, 0x7F)))  # ASCII a GBK trail byte can be
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # normalization's business, not judged


def fix_whole_latin1(raw: str, text: str, offs: list[int]) -> tuple[str, list[int], list[Problem]] | None:
    """Repair a `text` that is GBK read as Latin-1/cp1252 from start to end, or None.

    Tried on the raw text first (C1 controls, Latin-1's face of GBK extension
    bytes, are still there; no line is joined yet), then on the normalized
    text, which is what a second normalization sees. Strict: a text that lost
    a byte is left to the runs.
    """
    if _NOT_ONE_BYTE_RE.search(text) or not _looks_like_bytes(text):
        return None
    fixed, sources = gbk_units(one_byte_each(text))
    if "\ufffd" in fixed or not is_clean(_CONTROL_RE.sub("", fixed), WHOLE_RARE_SHARE):
        return None
    problem = Problem(
        "mojibake-repaired",
        f"the whole text was GBK decoded as {_codec(text)} and has been repaired: "
        f"{excerpt(text)!r} -> {excerpt(fixed)!r}", offs[0], offs[-1] + 1)
    return (*apply_edits(text, offs, [(0, len(text), fixed, sources)]), [problem])


def fix_latin1_runs(raw: str, text: str, offs: list[int]) -> tuple[str, list[int], list[tuple[int, int]], list[Problem]]:
    """Repair or flag runs of GBK-as-Latin-1 in (normalized) `text`.

    Detection reads `text` (so normalizing again sees the same runs); a repair
    reads the run's characters plus the C1 controls and soft hyphens
    normalization deleted from it (GBK bytes too), or else the run alone.
    Returns the text, offsets, garbled RAW spans and problems (raw offsets).
    """
    edits, garbled, problems = [], [], []
    taken = 0  # end of the last repair
    line, seen = 1, 0  # line numbers counted as we go: a damaged file has many runs
    for m in _RUN_RE.finditer(text):
        s, e = m.span()
        if s < taken or not _looks_like_bytes(m.group()):
            continue
        line, seen = line + raw.count("\n", seen, offs[s]), offs[s]
        repair = _repair(raw, text, offs, s, e, taken)
        if repair is not None:
            rs, start, end, fixed, sources = repair
            edits.append((start, end, fixed, sources))
            taken = end
            span = (rs, offs[end - 1] + 1)
            problems.append(Problem(
                "mojibake-repaired",
                f"line {line}: repaired GBK text mis-decoded as {_codec(raw[span[0]:span[1]])}: "
                f"{excerpt(raw[span[0]:span[1]])!r} -> {excerpt(fixed)!r}", *span))
        elif (len(_HIGH_RE.findall(m.group())) >= FLAG_MIN_HIGH
              and max(map(len, _STRETCH_RE.findall(m.group()))) >= FLAG_MIN_STRETCH):
            span = (offs[s], offs[e - 1] + 1)
            garbled.append(span)
            problems.append(Problem(
                "mojibake",
                f"line {line}, raw offset {span[0]}-{span[1]}: garbled text (GBK read as Latin-1, not "
                f"reversible), not used for extraction: {excerpt(raw[span[0]:span[1]])!r}", *span))
    if edits:
        text, offs = apply_edits(text, offs, edits)
    return text, offs, garbled, problems


def _looks_like_bytes(s: str) -> bool:
    high = _HIGH_RE.findall(s)
    return (len(high) >= MIN_HIGH and len(set(high)) >= MIN_DISTINCT
            and 2 * len(_LETTER_RE.findall(s)) <= len(high))


def _repair(raw: str, text: str, offs: list[int], s: int, e: int, floor: int):
    """(raw start, start, end, fixed, sources) for the run at text[s:e] read
    back as GBK, or None.

    Tried first with the bytes normalization deleted, then on the text alone
    (what a second normalization sees, so it decides the same): each time with
    the start widened over GBK lead/trail bytes just before the run (cp1252
    characters, an ASCII trail after one or after a deleted C1 control), then
    as found. The end may move over one or two characters (a last GBK
    character whose trail byte is ASCII).
    """
    wide = _widen(raw, text, offs, s, floor, True)
    deleted = offs[e - 1] - offs[wide] != e - 1 - wide or _deleted_bytes(raw, offs, wide)
    attempts = [(wide, True)] if deleted else []
    attempts += [(_widen(raw, text, offs, s, floor, False), False), (s, False)]
    for end in range(e, min(e + 2, len(text)) + 1):
        for start, with_deleted in attempts:
            chars, where = [], []
            for k in range(start, end):
                if with_deleted:
                    junk = _deleted_bytes(raw, offs, k)
                    chars.append(junk)
                    where += [k] * len(junk)
                chars.append(text[k])
                where.append(k)
            data = one_byte_each("".join(chars))
            if data is None:
                continue
            fixed, firsts = gbk_units(data)
            sources = [where[i] for i in firsts]
            if ("\ufffd" not in fixed and all(a < b for a, b in pairwise(sources))
                    and is_clean(fixed, RUN_RARE_SHARE)):
                rs = offs[start] - len(_deleted_bytes(raw, offs, start)) if with_deleted else offs[start]
                return rs, start, end, fixed, sources
    return None


def _widen(raw: str, text: str, offs: list[int], s: int, floor: int, with_deleted: bool) -> int:
    while s > floor and (text[s - 1] in CP1252_EXTRA or text[s - 1] in _TRAILS and (
            with_deleted and _deleted_bytes(raw, offs, s - 1) or s - 1 > floor and text[s - 2] in CP1252_EXTRA)):
        s -= 1
    return s


def _deleted_bytes(raw: str, offs: list[int], k: int) -> str:
    """The C1 controls and soft hyphens normalization deleted right before text[k]."""
    lo = offs[k - 1] + 1 if k else 0
    m = _DELETED_TAIL_RE.search(raw, lo, offs[k])
    return m.group() if m else ""


def gbk_units(data: bytes) -> tuple[str, list[int]]:
    """Decode `data` as GBK (GB18030's two-byte part) one character at a time:
    the text and each character's first byte. An undecodable lead byte, or
    pair, becomes one U+FFFD."""
    out: list[str] = []
    sources: list[int] = []
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        size = 2 if 0x81 <= b <= 0xFE and i + 1 < n and 0x40 <= data[i + 1] <= 0xFE and data[i + 1] != 0x7F else 1
        try:
            out.append(data[i:i + size].decode("gb18030"))
        except UnicodeDecodeError:
            out.append("\ufffd")
        sources.append(i)
        i += size
    return "".join(out), sources


def _codec(s: str) -> str:
    return "Latin-1" if s.isascii() or max(s) < "\u0100" else "cp1252"
