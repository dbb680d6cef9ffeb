"""`normalize`: raw document text -> `NormalizedText` with an exact offset map.

Steps, in order (each keeps `offs`, one raw index per current character):

1. drop junk: CR of CRLF, control and zero-width characters, BOMs;
2. drop markdown ``**`` and pinyin glosses (``發(fā)`` -> ``發``);
3. a text that is mojibake as a whole is repaired: GBK read as Latin-1/cp1252
   (on the raw text, before step 1; again after step 4), else UTF-8 read as GBK;
4. structure, repeated until nothing changes (at most `MAX_PASSES`): markup
   and glosses again (a join can bring ``發`` and ``(fā)`` together), the 1:1
   character map (full-width digits/letters/％ -> ASCII, exotic spaces -> " ",
   line separators -> "\\n"), spaces (trim lines; remove between CJK
   characters, except one between two words of two or more ideographs, and
   between CJK and digits/%; ``．`` between digits -> ``.``), a PDF page's
   footer on a line of its own (－ 4 －, 第3页 共8页), a table's cell bars
   (临夏市｜180｜5200: spaces, 1:1), a table's rows a line each (a web page's
   table copied a cell a line, or rows run together: `kg.text.rows`, 1:1), hard line breaks (`kg.text.lines`), then traditional -> simplified (OpenCC
   t2s, `kg.text.convert`; phrase-aware, so it runs after joins);
5. runs of GBK read as Latin-1 (`kg.text.latin1`; also tried before step 4,
   since they hide sentence ends from line joining) are repaired from the text
   itself or flagged, step 4 running again after a repair until no run is
   repaired; then UTF-8-as-GBK mojibake runs are detected on the result (so a
   second normalization sees the same clusters) and repaired from the raw
   characters they came from, or flagged; after a repair, step 4 runs again.

The character map and t2s never change the length, the other steps only
delete or shorten, so `raw_offsets` stays strictly increasing.
"""
from __future__ import annotations

from array import array

import re
from bisect import bisect_left

from kg.text.charsets import CHAR_MAP, CJK, CJKISH, PINYIN_VOWELS, RE_JUNK
from kg.text.convert import convert_with_offsets
from kg.text.edits import apply_edits, delete_matches
from kg.text.latin1 import fix_latin1_runs, fix_whole_latin1
from kg.text.lines import join_lines
from kg.text.mojibake import fix_runs, fix_whole_text
from kg.text.rows import ROW_WRAP, join_row_wraps, one_cell_a_line, one_row_a_line
from kg.types import NormalizedText

MAX_PASSES = 4

# markdown bold, and a pinyin gloss after an ideograph (or a letter/lost byte):
# the lookbehind sits after "(" so the scan can skip to "(" and "*" quickly
RE_MARKUP_GLOSS = re.compile(
    r"\*\*"
    rf"|[(（](?<=[{CJK}A-Za-z?\ufffd][(（])(?=[a-z]*[{PINYIN_VOWELS}])[a-z{PINYIN_VOWELS}]{{1,6}}[)）]"
)
# a PDF page's footer on a line of its own (－ 4 －, — 2 —, 第3页 共8页): dropped with
# the blank lines around it, so that the lines around it join as one page's did
# (…困难重度残疾 ⏎ －4－ ⏎ 人家庭…, …共有执委312 ⏎⏎ －2－ ⏎⏎ 0名): a page break is no paragraph's end
RE_PAGE_LINE = re.compile(r"(?m)(?:(?:\n[ \t]*)*\n|^)[ \t]*(?:[－—\-–―][ \t]*[0-9]{1,3}[ \t]*[－—\-–―]"
                          r"|第[ \t]*[0-9]{1,3}[ \t]*页(?:[ \t]*[，,]?[ \t]*共[ \t]*[0-9]{1,3}[ \t]*页)?)[ \t]*$"
                          r"(?:\n[ \t]*(?=\n))*")
# a table row whose cells are set apart by bars (临夏市｜180｜5200, | 序号 | 项目 |)
RE_BAR_ROW = re.compile(r"(?m)^[^\n|｜]*[|｜][^\n|｜]*[|｜][^\n]*$")
RE_BAR = re.compile("[|｜]")
RE_FULLWIDTH_DOT = re.compile(r"(?<=[0-9])．(?=[0-9])")
RE_CHAR_MAP = re.compile("[" + "".join(re.escape(chr(c)) for c in CHAR_MAP) + "]+")
RE_SPACE_RUN = re.compile(" +")
RE_CJKISH = re.compile(f"[{CJKISH}]")
RE_CJKISH_DIGIT = re.compile(f"[{CJKISH}0-9%]")
RE_DIGIT = re.compile("[0-9%]")
# a short label such as 联系电话： keeps one space before it ("王某  联系电话：")
RE_LABEL = re.compile(rf"[{CJK}]{{2,6}}[：:]")
# a space between two words of two or more ideographs separates fields (记者 陈卓,
# 主持人 陈慧, a letterhead's two bodies, a table's columns); one between single
# ideographs is letter spacing (发 展 改 革) and goes
# (a quoted name may open or close a word: 适配人数 “残疾人之家”数 服务残疾人数, a table's head)
RE_HAN_WORD_BEFORE = re.compile(rf"[{CJK}][”’]?[{CJK}]$")
RE_HAN_WORD_AFTER = re.compile(rf"[“‘]?[{CJK}]{{2}}|[{CJK}][0-9]")  # (a cell may open on 为1200名…)


def normalize(raw: str) -> NormalizedText:
    """Normalize `raw`; see the module docstring for the steps."""
    text, offs = raw, list(range(len(raw)))
    garbled_raw: list[tuple[int, int]] = []
    problems: list = []
    whole = fix_whole_latin1(raw, text, offs)
    if whole is not None:
        text, offs, problems = whole
    text, offs = delete_matches(text, offs, RE_JUNK)
    text, offs = delete_matches(text, offs, RE_MARKUP_GLOSS)
    if whole is None:
        whole = fix_whole_text(raw, text, offs)
        if whole is not None:
            text, offs, garbled_raw, problems = whole
    if whole is None:  # before lines are joined: a garbled run hides where its sentence ends
        text, offs, _, early = fix_latin1_runs(raw, text, offs)
        problems = [p for p in early if p.code == "mojibake-repaired"]  # the rest is judged again below
    text, offs = _settle(text, offs)
    if whole is None:  # what a second normalization would repair as a whole
        whole = fix_whole_latin1(raw, text, offs)
        if whole is not None:
            text, offs, problems = whole
            text, offs = _settle(text, offs)
    if whole is None:
        text, offs, latin_garbled, latin_problems = _latin1_runs(raw, text, offs)
        text, offs, run_garbled, run_problems = fix_runs(raw, text, offs)
        if run_problems and any(p.code == "mojibake-repaired" for p in run_problems):
            text, offs = _settle(text, offs)
        # a Latin-1 run flagged as a whole is not flagged again in pieces
        garbled_raw = latin_garbled + [g for g in run_garbled if not _within(g, latin_garbled)]
        problems += latin_problems + [p for p in run_problems if not _within((p.start, p.end), latin_garbled)]
    garbled = _to_normalized(garbled_raw, offs)
    offs.append(len(raw))  # the list is ours: every step returns a new one or the one it got
    # a compact array: 8 bytes a character instead of a Python int object each
    return NormalizedText(text=text, raw_offsets=array("q", offs), garbled=garbled, warnings=tuple(problems))


def _within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _latin1_runs(raw: str, text: str, offs: list[int]):
    """`fix_latin1_runs` until it repairs nothing more: settling a repair can
    join two runs, which a second normalization would see as one."""
    repaired: list = []
    for _ in range(MAX_PASSES):
        text, offs, garbled, problems = fix_latin1_runs(raw, text, offs)
        new = [p for p in problems if p.code == "mojibake-repaired"]
        if not new:
            break
        repaired += new
        text, offs = _settle(text, offs)
    return text, offs, garbled, repaired + [p for p in problems if p.code != "mojibake-repaired"]


def _settle(text: str, offs: list[int]) -> tuple[str, list[int]]:
    """The structure steps, repeated until the text stops changing."""
    for _ in range(MAX_PASSES):
        new_text, new_offs = _structure(text, offs)
        if new_text == text:
            break
        text, offs = new_text, new_offs
    return text, offs


def _structure(text: str, offs: list[int]) -> tuple[str, list[int]]:
    text, offs = delete_matches(text, offs, RE_MARKUP_GLOSS)
    text = RE_CHAR_MAP.sub(_map_chars, text)
    if "|" in text or "｜" in text:  # cells set apart by bars: by spaces, as other tables' (1:1)
        text = RE_BAR_ROW.sub(lambda m: RE_BAR.sub(" ", m.group()), text)
    text = one_cell_a_line(text)  # a web page's table, a cell a line: a row a line (1:1)
    text = one_row_a_line(text)  # before spaces go: they tell a row's number from its cells (1:1)
    text, offs = _delete_spaces(text, offs)
    if "．" in text:  # "2 ．5" became "2．5"
        text = RE_FULLWIDTH_DOT.sub(".", text)
    if ROW_WRAP in text:
        text, offs = join_row_wraps(text, offs)
    text, offs = delete_matches(text, offs, RE_PAGE_LINE)
    text, offs = join_lines(text, offs)
    # after joining: OpenCC converts some characters by phrase (覆 in 答覆), and
    # a join can make a phrase
    return convert_with_offsets(text, offs)


def _map_chars(m: re.Match) -> str:
    return m.group().translate(CHAR_MAP)


def _delete_spaces(text: str, offs: list[int]) -> tuple[str, list[int]]:
    """Trim lines; drop spaces between CJK chars (but keep one between two
    words of two or more ideographs) and between CJK and digits/%; squeeze
    other runs of spaces to one."""
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
            elif RE_HAN_WORD_AFTER.match(text, e) and RE_HAN_WORD_BEFORE.search(text, max(0, s - 3), s):
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
