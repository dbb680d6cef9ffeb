"""Join hard line breaks, keep paragraph breaks.

Input lines are already trimmed. Between two non-empty lines A and B (with
any number of blank lines between, e.g. a page break) the break is removed when
A is not finished:

* A ends with sentence-final punctuation (``。！？!?…`` plus closing
  quotes/brackets) or an emoji (a post's ``…笑声😊``) -> keep: paragraph break;
* A ends with ``；：`` or a bare ``”``       -> keep, unless A is a full line of
  a hard-wrapped text (a wrap after a clause);
* B starts a numbered item or a field label (``二、`` ``牵头单位：``) after a blank
  line, after a line shorter than a full one, or in a text that is not
  hard-wrapped -> keep;
* B starts the next item of the list that A's logical line opened (``1.…`` then
  ``2.…``, ``（三）…`` then ``（四）…``), or A ends with ``：`` and B starts a
  numbered item -> keep;
* A's logical line is a field (``责任单位：…``) and B starts a numbered item or
  another field                             -> keep;
* B is a table's head: no punctuation, and a row of numbers under it, or it
  opens on ``序号`` and a space, or is ``序号`` alone -> keep;
* B is a row of three or more cells set apart, after a line with no
  punctuation                               -> keep;
* B is a table's caption (``表1 2024年…情况``, no punctuation in it) -> keep;
* A's logical line is a numbered heading or a table's caption (``表1 …``)
  with no sentence punctuation, and B starts a numbered item or A is the
  caption                                   -> keep;
* B starts with a row number under a table's head line (``序号 项目名称 …``),
  up to the next blank line or section that opens on prose (``（二）…，``) -> keep;
* B is any line under a head line that names a table of tasks' columns
  (``项目名称 目标任务 牵头单位 …``), up to the next blank line -> keep;
* B starts with punctuation that cannot start a sentence  -> join;
* A ends with a dangling character (``，、`` an opening bracket, ``的 和 与``) -> join;
* the document is hard-wrapped (most lines, or most of the lines at least
  half as wide when short label lines abound, share one page's display
  width W) and A
  is a full line (`FULL_LINE` to `OVERFULL_LINE` times W) -> join, unless
  the logical line has no punctuation at all and blank lines follow (a
  masthead, byline or headline of a wrapped page) or it is a line of fields
  or names set apart (``…　来源：郴州日报``, ``承德市残联 承德市财政局``);
* the logical line so far (A plus what was joined to it) is long
  (>= `LONG_LINE` chars), or reads as prose: contains sentence punctuation,
  is >= `PROSE_LINE` chars and does not start like a numbered heading -> join;
  but a field label with no sentence end after it (``责任单位：A、B，各街道``) is
  a field's value, not prose                -> keep;
* otherwise A is a heading/label line      -> keep.

Decisions use the logical line, so joining is idempotent: a second pass sees
the same logical lines and keeps the same breaks.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from itertools import accumulate

from kg.text.edits import apply_edits

FULL_LINE = 0.8  # fraction of the wrap width that counts as a full line
OVERFULL_LINE = 1.15  # wider lines are not wrapped lines but standalone ones
LONG_LINE = 60  # chars: longer than any heading
PROSE_LINE = 12  # chars: a shorter line with a comma may still be a heading
MIN_WRAP_WIDTH = 24  # display width (CJK = 2): narrower "wraps" are lists
MIN_WRAPPED_LINES = 4
WRAPPED_SHARE = 0.5  # share of lines within 15% of the wrap width
WRAPPED_WIDE_SHARE = 0.6  # or: share of the lines at least half as wide, when
MAX_PAGE_WIDTH = 120  # the width is a page's (60 CJK characters at most)
MIN_PAGE_LINES = 10  # and that many lines have it

CLOSERS = frozenset("”’\"'」』）)】》〉]")
HARD_FINAL = frozenset("。！？!?…")
SOFT_FINAL = frozenset("；;：:")
CONTINUATION_START = frozenset("，,。、；;：:！!？?”’」』）)】》〉]…%")
DANGLING_END = frozenset("，,、“‘（(《【「『〔的和与及或")
# an emoji at a line's end, maybe with its variation selector (✂️) or a joiner
RE_PICTOGRAPH_END = re.compile("[\u231a-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff][\ufe0e\ufe0f\u200d]*$")
RE_PROSE_PUNCT = re.compile(r"[，,；;。！？!?]")
RE_DIGIT = re.compile(r"\d")
RE_SENTENCE_END = re.compile(r"[。！？!?]")
# words set apart by a space, or a field label at the start or after a space
# (its value short: 张某：残疾人朋友可以拨打… is a speaker's turn, which wraps)
RE_FIELDS_LINE = re.compile(r"[\u4e00-\u9fff）)] [\u4e00-\u9fff（(]"
                            r"|(?:^|(?<=[ \t\u3000\n\d]))[\u4e00-\u9fff]{2,5}[：:][^，。；：:]{0,%d}$" % 12)
# a row of three or more cells apart (茂南区人社局　380　黄少华　就业股股长)
RE_CELLS_LINE = re.compile(r"[^\s，,。；;]+(?:[ \t\u3000]+[^\s，,。；;]+){2,}")
RE_SECTION = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]")
# a group of a table's rows headed by its place and count, unnumbered: 古桥街道（7人）
RE_GROUP_HEAD = re.compile(r"[\u4e00-\u9fff]{2,12}[（(][^）)\n\d]{0,4}\d+[^）)\n\d]{0,3}[）)]")
RE_CAPTION = re.compile(r"附?表[一二三四五六七八九十\d]{1,3}(?![\d.．万])")  # 表1 2024年…情况
RE_NUMBERED_HEADING = re.compile(
    r"(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d)|"
    r"第[一二三四五六七八九十百\d]+[章节条部篇])"
)


def wrap_width(widths: list[int]) -> int | None:
    """The common display width of a hard-wrapped text, or None if lines are paragraphs."""
    if len(widths) < MIN_WRAPPED_LINES:
        return None
    widths = sorted(widths)
    w = widths[(3 * len(widths)) // 4]
    if w < MIN_WRAP_WIDTH:
        return None
    near = sum(1 for x in widths if abs(x - w) <= 0.15 * w)
    if near >= WRAPPED_SHARE * len(widths):
        return w
    # many short lines (field labels, headings) under a page of wrapped prose:
    # most of the wider lines still share a page's width
    wide = sum(1 for x in widths if x >= w / 2)
    return w if w <= MAX_PAGE_WIDTH and near >= MIN_PAGE_LINES and near >= WRAPPED_WIDE_SHARE * wide else None


def join_lines(text: str, offs: list[int]) -> tuple[str, list[int]]:
    """Remove unfinished line breaks, turn kept breaks into one "\\n", trim the ends."""
    parts = text.split("\n")
    starts = accumulate((len(p) + 1 for p in parts), initial=0)
    kept = [(start, p) for start, p in zip(starts, parts) if p]
    if not kept:
        return apply_edits(text, offs, [(0, len(text), "")]) if text else (text, offs)
    spans = [(start, start + len(p)) for start, p in kept]
    lines = [p for _, p in kept]
    widths = [2 * len(x) - len(x.encode("ascii", "ignore")) for x in lines]
    wrap = wrap_width(widths)
    lo, hi = (FULL_LINE * wrap, OVERFULL_LINE * wrap) if wrap else (1, 0)
    edits = []
    if spans[0][0] > 0:
        edits.append((0, spans[0][0], ""))
    logical_start = spans[0][0]
    table = False
    row_number = None  # the number of the table's last row so far
    for i in range(len(spans) - 1):
        a_start, a_end = spans[i]
        b_start = spans[i + 1][0]
        line = lines[i]
        last = line[-1]
        if text.startswith(TABLE_HEAD, spans[i][0]):
            table, row_number = True, None  # 序号 项目名称 …: the head of a table whose rows start with their number
        elif names_columns(line):
            table = "rows"  # 项目名称 目标任务 牵头单位 …: each line under it is a row
        elif (b_start - a_end > 1 and not (not wrap and _table_goes_on(text, lines, spans, i + 1,
                                                                      row_number if table is True else -1))
              or (table and RE_SECTION.match(line) and RE_PROSE_PUNCT.search(line))):
            # a blank line ends a table, or the next section's prose (（二）健全…，…); a
            # heading with no punctuation (一、心理援助热线) may head the table's next rows
            # (and a blank line may stand between rows of a text not hard-wrapped: 1 …人民政府|(blank)|2 …)
            table = False
        row = _next_row(text, b_start, row_number) if table is True else None
        if last in HARD_FINAL or RE_PICTOGRAPH_END.search(line):
            join = False  # …小屋里满是笑声😊: in a post, an emoji ends its paragraph as 。 would
        elif _unclosed(text, logical_start, a_end) and RE_CLOSES.match(text, b_start):
            join = True  # …补贴标准（元/|月）: a bracket closes on the next line
        elif table == "rows" or (table and (row or RE_SECTION.match(text, b_start))):
            join = False  # a table row starts a line of its own, and so does the next section
            row_number = row or row_number
        elif table is True and text.startswith(rows_end(), b_start):
            join = False  # …迎祥村60|合计：28人: a total or a note after a table's rows
        elif table is True and RE_GROUP_HEAD.fullmatch(lines[i + 1]):
            join = False  # …西街社区50|古桥街道（7人）|9吴春林…: the heading of the rows' next group
        elif (table is True and text.startswith(TABLE_HEAD, logical_start) and lo <= widths[i] <= hi
              and " " not in lines[i + 1] and not RE_DIGIT.search(lines[i + 1])
              and not RE_PROSE_PUNCT.search(lines[i + 1])):
            # 序号 户主姓名 … 保障人数（人） 月|保障金额（元）: a head as wide as the page wraps
            # (a line of cells under it is the head's second line: 享受人数 发放金额 …)
            join = True
        elif text.startswith(TABLE_HEAD + " ", b_start) or lines[i + 1] == TABLE_HEAD:
            # …贴息金额合计19799.59元）|序号 姓名 …: a table's head starts a line of its own
            # (…情况一览表|序号|乡镇|团队长…: a head set one column a line, as a web page's table copies)
            join = False
        elif _row_line(lines[i + 1]) or _row_line(line):
            join = False  # 港北区 6850 7420 260: a row of a table flattened with spaces, and what follows it
        elif i + 2 < len(lines) and RE_NUMBER_ROW.fullmatch(lines[i + 2]) and not RE_PROSE_PUNCT.search(lines[i + 1]):
            join = False  # …情况|县（市） 招聘会（场）…|都匀市 38 21600: B heads a table of numbers
        elif RE_CELLS_LINE.fullmatch(lines[i + 1]) and not RE_PROSE_PUNCT.search(text, logical_start, a_end):
            join = False  # …联络员名单|单位　帮扶就业目标（人）　联络员　职务: a row of cells
        elif RE_CAPTION.match(text, b_start) and not RE_PROSE_PUNCT.search(lines[i + 1]):
            join = False  # …完成情况如下：|表1 2024年…情况: a table's caption starts a line of its own
        elif _titles(text, logical_start, a_end) and (RE_NUMBERED_HEADING.match(text, b_start)
                                                      or RE_CAPTION.match(text, logical_start)):
            # （一）社会救助兜底保障更加有力|1.城乡低保…, 表1 …情况|县（区） 低保户数…: a heading or a
            # table's caption as wide as a wrapped line, then its first item or the table's head
            join = False
        elif RE_FIELD_LABEL.match(text, logical_start) and _starts_item(text, b_start):
            join = False  # 责任单位：市民政局、…|…人民政府|（二）深化…: a field's value ends before the next item
        elif (after := _item_number(text, b_start)) is not None and _item_number(text, logical_start) == (after[0], after[1] - 1):
            join = False  # 1.稳岗就业促进工程。…各街道办事处|2.老年助餐…: the next item of the list
        elif (b_start - a_end > 1 or not wrap or widths[i] < lo) and _starts_item(text, b_start):
            # 二、… or 牵头单位：… starts a line of its own; in a hard-wrapped text, after a
            # line that stops short (…各县（区）|人民政府|（二）…: the paragraph ended there)
            join = False
        elif last in "：:" and RE_NUMBERED_HEADING.match(text, b_start):
            join = False  # …现将有关情况通报如下：|一、总体进展情况: the list the colon announces
        elif (last in SOFT_FINAL or last in CLOSERS) and (ending := _ending(line)):
            join = ending == "soft" and lo <= widths[i] <= hi
        elif text[b_start] in CONTINUATION_START or last in DANGLING_END:
            join = True
        elif lo <= widths[i] <= hi:
            # a full line wraps, unless a gap follows a logical line with no
            # punctuation at all: a masthead, a byline, a headline
            punctuated = RE_PROSE_PUNCT.search(text, logical_start, a_end) is not None
            # …nor does a line of fields or names set apart (发布时间… 来源：郴州日报;
            # 承德市残联 承德市财政局): no sentence runs on from it
            join = punctuated or (b_start - a_end == 1 and not RE_FIELDS_LINE.search(text, logical_start, a_end))
        else:
            join = _prose(text, logical_start, a_end)
        if join:
            edits.append((a_end, b_start, seam(last, text[b_start])))
        else:
            if b_start - a_end > 1:
                edits.append((a_end, b_start, "\n"))
            logical_start = b_start
    if spans[-1][1] < len(text):
        edits.append((spans[-1][1], len(text), ""))
    return apply_edits(text, offs, edits)


# a row of a column table: a name, then two or more bare numbers apart (港北区 6850 7420 ≥85)
# (the space after the name may be gone: spaces between CJK and digits are dropped first)
RE_NUMBER_ROW = re.compile(r"[^\d\s]{1,20}[ \t\u3000]*[≥≤]?\d+(?:\.\d+)?%?(?:[ \t\u3000]+[≥≤]?\d+(?:\.\d+)?%?)+")
# …and a last cell of remarks, which may hold prose (新华街道 4 3.2 12.1 新建1个，配建中央厨房1处)
_REMARKED_ROW = re.compile(RE_NUMBER_ROW.pattern + r"[ \t\u3000]*[^\d\s.%．][^\n]*")


def seam(a: str, b: str) -> str:
    """What joins a wrapped line ending on a to the next, opening on b: a space
    between two Latin words, else nothing (ideographs, a number cut in two)."""
    latin = a.isascii() and b.isascii() and a.isalnum() and b.isalnum() and not (a.isdigit() and b.isdigit())
    return " " if latin else ""


def _unclosed(text: str, start: int, end: int) -> bool:
    """The logical line text[start:end] leaves a bracket open."""
    opened = text.count("（", start, end) + text.count("(", start, end)
    return opened > text.count("）", start, end) + text.count(")", start, end)


# the rest of a bracket that a line left open (…（元/|月）)
RE_CLOSES = re.compile(r"[^（()）\n]{0,8}[）)]")


def _row_line(line: str) -> bool:
    return RE_NUMBER_ROW.fullmatch(line) is not None or _REMARKED_ROW.fullmatch(line) is not None


# a table's head line (序号 项目名称 责任单位 …) and the number that starts each of its rows
TABLE_HEAD = "序号"
EMPTY_CELL = "[—\\-－/]"  # a table's cell with no figure: a dash or a slash
RE_ROW_INDEX = re.compile(r"\d{1,3}(?![\d.．%％万亿年月日])")

# a line of three or more cells of words, apart (项目名称 目标任务 牵头单位 责任单位)
_CELLS_LINE = re.compile(r"[\u4e00-\u9fff（）()]{2,10}(?: [\u4e00-\u9fff（）()]{2,10}){2,}")


@lru_cache(maxsize=None)
def table_words(key: str) -> tuple[str, ...]:
    """The words of one @key line of kg/resources/table_rows.txt."""
    data = resources.files("kg.resources").joinpath("table_rows.txt").read_text(encoding="utf-8")
    return tuple(next(line for line in data.splitlines() if line.startswith(f"@{key} ")).split()[1:])


@lru_cache(maxsize=1)
def subtotals() -> tuple[str, ...]:
    """What opens a group's total line, after which a table's rows may go on (小计)."""
    return table_words("subtotals")


@lru_cache(maxsize=1)
def rows_end() -> tuple[str, ...]:
    """What opens a line after a table's last row: a total, a note, the next table's head."""
    return (TABLE_HEAD, *table_words("totals"), *table_words("after_rows"))


def numbered_table_line(line: str) -> str:
    """How a line under a 序号 table's head reads: "row" (it opens on a row's
    number), "end" (a total, a note, the next head or a line of prose: the rows
    are over) or "between" (a group's heading 一、河东街道（6人） or its total 小计：6人，…,
    a blank line: the next group's rows may follow)."""
    if RE_ROW_INDEX.match(line):
        return "row"
    if line.startswith(subtotals()):
        return "between"
    return "end" if line.startswith(rows_end()) or RE_PROSE_PUNCT.search(line) else "between"


@lru_cache(maxsize=1)
def _column_names() -> frozenset[str]:
    data = resources.files("kg.resources").joinpath("table_columns.txt").read_text(encoding="utf-8")
    return frozenset(w for line in data.splitlines() if not line.startswith("#") for w in line.split())


def names_columns(line: str) -> bool:
    """The head line of a table of tasks or projects: three or more cells, two
    of them names of such a table's columns (kg/resources/table_columns.txt)."""
    return bool(_CELLS_LINE.fullmatch(line)) and sum(c in _column_names() for c in line.split(" ")) >= 2


# a field label at the start of a line: 牵头单位：, 联系人：, 年度目标：
RE_FIELD_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}[：:]")


def _table_goes_on(text: str, lines: list[str], spans: list[tuple[int, int]], k: int, last: int | None) -> bool:
    """Whether line k, after a blank line, is a 序号 table's next row, or a heading with no
    punctuation (二、社会救助) over it; `last` is -1 outside such a table."""
    if last == -1:
        return False
    if RE_SECTION.match(lines[k]) and not RE_PROSE_PUNCT.search(lines[k]) and k + 1 < len(lines):
        k += 1
    return _next_row(text, spans[k][0], last) is not None


def _next_row(text: str, pos: int, last: int | None) -> int | None:
    """The number of the row a line at pos starts: the one after the last row's (or
    the last row's again: its wrapped line may have opened on that number, …达到|
    10个。), or any where none came yet. A wrapped row's next line may start with
    the rest of a number (为11|0名) or with a figure (150户 市残联): no row."""
    m = RE_ROW_INDEX.match(text, pos)
    if m is None:
        return None
    number = int(m.group())
    return number if (last is None and number > 0) or number in (last, (last or 0) + 1) else None


def lines_with_starts(text: str) -> tuple[list[str], list[int]]:
    """The lines of text and where each starts (and, last, where a next one would)."""
    lines = text.split("\n")
    return lines, list(accumulate((len(line) + 1 for line in lines), initial=0))


def line_end(text: str, pos: int) -> int:
    """Where the line that holds pos ends: its line break, or the end of the text."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


_ITEM_NUMBER = re.compile(r"(?P<open>[（(]?)(?:(?P<cn>[一二三四五六七八九十]{1,3})|(?P<n>\d{1,2}))(?P<close>[、.．]|[）)])(?!\d)")
_CN_DIGITS = "一二三四五六七八九"


def _item_number(text: str, pos: int) -> tuple[str, int] | None:
    """The number of the item starting at pos (3. -> ("N.", 3), （二） -> ("（一）", 2)):
    its style, and its value."""
    m = _ITEM_NUMBER.match(text, pos)
    if m is None or bool(m.group("open")) != (m.group("close") in "）)"):
        return None
    if m.group("n"):
        return ("(N)" if m.group("open") else "N" + m.group("close").replace("．", "."), int(m.group("n")))
    cn = m.group("cn")  # 一 … 九十九
    tens, _, ones = cn.rpartition("十")
    value = (_CN_DIGITS.index(tens) + 1 if tens else 1 if "十" in cn else 0) * 10 + (_CN_DIGITS.index(ones) + 1 if ones else 0)
    return ("(一)" if m.group("open") else "一" + m.group("close"), value)


def heading_level(text: str, pos: int) -> tuple[int, int] | None:
    """The level of the item number at pos, 一、 above （一） above 1. above （1）
    (0 to 3), and where the number ends; None where no item number starts there."""
    number = _item_number(text, pos)
    if number is None:
        return None
    style = number[0]
    level = 1 if style == "(一)" else 3 if style == "(N)" else 0 if style.startswith("一") else 2
    return level, _ITEM_NUMBER.match(text, pos).end()


def _starts_item(text: str, pos: int) -> bool:
    """A numbered item or a field label starts here (outside a hard-wrapped
    paragraph these always begin a line)."""
    return bool(RE_NUMBERED_HEADING.match(text, pos) or RE_FIELD_LABEL.match(text, pos))


def _titles(text: str, logical_start: int, a_end: int) -> bool:
    """The logical line is a numbered heading or a table's caption, with no
    sentence punctuation in it."""
    return ((RE_NUMBERED_HEADING.match(text, logical_start) or RE_CAPTION.match(text, logical_start)) is not None
            and RE_PROSE_PUNCT.search(text, logical_start, a_end) is None)


def _ending(line: str) -> str | None:
    """"hard" (。！？…), "soft" (；： or a bare ”) or None, looking past closers."""
    stripped = line.rstrip("".join(CLOSERS))
    if stripped:
        if stripped[-1] in HARD_FINAL:
            return "hard"
        if stripped[-1] in SOFT_FINAL:
            return "soft"
    return "soft" if line[-1] == "”" else None


def _prose(text: str, logical_start: int, a_end: int) -> bool:
    """A logical line without a decisive ending: long or sentence-like prose joins."""
    length = a_end - logical_start
    if length >= LONG_LINE:
        return True
    if RE_FIELD_LABEL.match(text, logical_start) and not RE_SENTENCE_END.search(text, logical_start, a_end):
        return False  # 责任单位：A、B，各街道（镇）| (a field's value, not a sentence)
    # a numbered heading is no prose, unless a sentence ended in it: a run-in heading
    # (（四）守护心灵，护航成长。州妇联…) whose paragraph goes on
    return (length >= PROSE_LINE and RE_PROSE_PUNCT.search(text, logical_start, a_end) is not None
            and (not RE_NUMBERED_HEADING.match(text, logical_start)
                 or RE_SENTENCE_END.search(text, logical_start, a_end) is not None))
