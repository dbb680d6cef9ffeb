"""`normalize`: raw document text -> `NormalizedText` with an exact offset map.

Steps, in order (each keeps `offs`, one raw index per current character):

1. drop junk: CR of CRLF, control and zero-width characters, BOMs;
2. drop markdown ``**`` and pinyin glosses (``發(fā)`` -> ``發``);
3. repair or flag mojibake (`kg.text.mojibake`), on the still-raw characters;
4. 1:1 character map: full-width digits/letters/％ -> ASCII, exotic spaces ->
   " ", line/paragraph separators -> "\\n"; ``．`` between digits -> ``.``;
5. traditional -> simplified (OpenCC t2s, `kg.text.convert`);
6. structure, repeated until nothing changes (at most `MAX_PASSES`): markup
   and glosses again (a join can bring ``發`` and ``(fā)`` together), spaces
   (trim lines; remove between CJK characters and between CJK and digits/%),
   and hard line breaks (`kg.text.lines`).

Steps 4-5 never change the length, steps 1-3 and 6 only delete or shorten, so
`raw_offsets` stays strictly increasing.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from kg.text.charsets import CHAR_MAP, CJK, CJKISH, PINYIN_VOWELS, RE_JUNK
from kg.text.convert import convert_with_offsets
from kg.text.edits import apply_edits, delete_matches
from kg.text.lines import join_lines
from kg.text.mojibake import fix_mojibake
from kg.types import NormalizedText

MAX_PASSES = 4

# markdown bold, and a pinyin gloss after an ideograph (or a letter/lost byte):
# the lookbehind sits after "(" so the scan can skip to "(" and "*" quickly
RE_MARKUP_GLOSS = re.compile(
    r"\*\*"
    rf"|[(（](?<=[{CJK}A-Za-z?\ufffd][(（])(?=[a-z]*[{PINYIN_VOWELS}])[a-z{PINYIN_VOWELS}]{{1,6}}[)）]"
)
RE_FULLWIDTH_DOT = re.compile(r"(?<=[0-9])．(?=[0-9])")
RE_CHAR_MAP = re.compile("[" + "".join(re.escape(chr(c)) for c in CHAR_MAP) + "]+")
RE_SPACE_RUN = re.compile(" +")
RE_CJKISH = re.compile(f"[{CJKISH}]")
RE_CJKISH_DIGIT = re.compile(f"[{CJKISH}0-9%]")
RE_DIGIT = re.compile("[0-9%]")
# a short label such as 联系电话： keeps one space before it ("赵芳石  联系电话：")
RE_LABEL = re.compile(rf"[{CJK}]{{2,6}}[：:]")

def normalize(raw: str) -> NormalizedText:
    """Normalize `raw`; see the module docstring for the steps."""
    offs = list(range(len(raw)))
    text, offs = delete_matches(raw, offs, RE_JUNK)
    text, offs = delete_matches(text, offs, RE_MARKUP_GLOSS)
    text, offs, garbled_raw, problems = fix_mojibake(text, offs)
    text = RE_CHAR_MAP.sub(_map_chars, text)
    if "．" in text:
        text = RE_FULLWIDTH_DOT.sub(".", text)
    text, offs = convert_with_offsets(text, offs)
    for _ in range(MAX_PASSES):
        new_text, new_offs = _structure(text, offs)
        if new_text == text:
            break
        text, offs = new_text, new_offs
    garbled = _to_normalized(garbled_raw, offs)
    offs.append(len(raw))  # the list is ours: every step returns a new one or the one it got
    return NormalizedText(text=text, raw_offsets=tuple(offs), garbled=garbled, warnings=tuple(problems))


def _structure(text: str, offs: list[int]) -> tuple[str, list[int]]:
    text, offs = delete_matches(text, offs, RE_MARKUP_GLOSS)
    text, offs = _delete_spaces(text, offs)
    return join_lines(text, offs)


def _map_chars(m: re.Match) -> str:
    return m.group().translate(CHAR_MAP)


def _delete_spaces(text: str, offs: list[int]) -> tuple[str, list[int]]:
    """Trim lines; drop spaces between CJK chars and between CJK and digits/%;
    squeeze other runs of spaces to one."""
    edits = []
    n = len(text)
    for m in RE_SPACE_RUN.finditer(text):
        s, e = m.span()
        before = text[s - 1] if s else "\n"
        after = text[e] if e < n else "\n"
        if before == "\n" or after == "\n":
            edits.append((s, e, ""))
        elif RE_CJKISH.match(before):
            if RE_LABEL.match(text, e):
                if e - s > 1:
                    edits.append((s + 1, e, ""))
            elif RE_CJKISH_DIGIT.match(after):
                edits.append((s, e, ""))
            elif e - s > 1:
                edits.append((s + 1, e, ""))
        elif RE_DIGIT.match(before) and (RE_CJKISH.match(after) or (after == "%" and before != "%")):
            edits.append((s, e, ""))
        elif e - s > 1:
            edits.append((s + 1, e, ""))
    return apply_edits(text, offs, edits) if edits else (text, offs)


def _to_normalized(raw_spans: list[tuple[int, int]], offs: list[int]) -> tuple[tuple[int, int], ...]:
    """Raw spans -> normalized spans (dropping spans that vanished), merged."""
    out: list[list[int]] = []
    for rs, re_ in sorted(raw_spans):
        s, e = bisect_left(offs, rs), bisect_left(offs, re_)
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return tuple((s, e) for s, e in out)
