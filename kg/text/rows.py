"""Table rows: one row a line.

A notice's table flattened by copying often keeps several rows to a line
(``1 洎阳街道 24 61 78600 因病 2 塔山街道 19 47 60300 因病``,
``1 张某强 肢体 一级 骥江社区　2 王某兰 视力 二级 城北社区``). The rows are
told apart by their numbers: the line opens on row N, and N+1, N+2 … each
start a cell at the same distance in cells, so every row has the same number
of cells. The space before each next row becomes a line break; a total row
(合计 112) after the last row of the line is set apart the same way.

A 序号 head may run on into its rows on the same line (``序号 姓名 性别 补贴标准（元/月）
1 王某 女 200 2 …``): the line is first broken before row 1, which opens as many
cells after 序号 as the head has.

Under a 序号 head, a PDF's page width also wraps a row: the line holds one row
and the start of the next (``14 朱文学 男 1944.08 奎光社区 60 15 胡春兰 女``),
whose other cells open the next line (``1944.09 光明社区 60``). The next
row is set apart, and a row short of the table's cells is joined to the line
after it when that line opens on no row number and the two hold no more cells
than the table's rows.

A 序号 head may also run on into rows that differ in cells (a 责任单位 column of
one to three bodies): the rows are then told apart by their numbers in order,
each closing a row at least as wide as the head.

A table copied from a web page may hold a cell a line (序号|乡镇|人数（人）|1|
辛集镇|86|2|…): its head and each row are put on a line of their own. Without
序号 (乡镇|人数|金额（万元）|晋州镇|612|49.57|…) the rows tell the table: a name
and the same count of figures each, under as many lines of heads.

All are 1:1 (a space for a line break and back), so the offset map is
unchanged. They run before spaces are removed, which glue the row numbers to
the cells around them.
"""
from __future__ import annotations

import re

from kg.text.edits import apply_edits
from kg.text.lines import (EMPTY_CELL, RE_PROSE_PUNCT, RE_ROW_INDEX, RE_SECTION, TABLE_HEAD, line_end, lines_with_starts, rows_end,
                           seam, table_words)

# a line break of a row that wraps, joined once spaces are gone (a control
# character: normalization has dropped every other one by then)
ROW_WRAP = "\x1f"
RE_ROW_WRAP = re.compile(" *\x1f *")

# a line opening on a row number and a cell after a space (spaces are " " here: the
# character map has run)
RE_NUMBERED_LINE = re.compile(r"(?m)^\d{1,3} [^\n]*$")
RE_HEAD_LINE = re.compile(r"(?m)^%s [^\n]*$" % TABLE_HEAD)
MIN_HEAD_CELLS = 3  # 序号 and two columns at least
RE_ROW_START = re.compile(r"(\d{1,3}) ")
RE_CELL = re.compile(r"[^ ]+")
RE_CLAUSE = re.compile(r"[，,；;。：:]")
MIN_CELLS = 2  # a row of a number and one cell is a list of names (1 张某 2 李某 3 王某)
MIN_ROWS_OF_TWO = 3  # such short rows must come three to a line to be told from prose
MIN_NUMBERED_ROWS = 3  # rows of differing cells, told apart by their numbers alone


def one_row_a_line(text: str) -> str:
    """Put each row of a line of rows run together on its own line, and join a
    wrapped row of a 序号 table to the rest of its cells."""
    if " " not in text:
        return text
    text = _broken_at(text, _head_breaks(text))
    head = _first_head(text)  # rows may wrap under a 序号 head only
    breaks = []
    for m in RE_NUMBERED_LINE.finditer(text):
        under_head = 0 <= head < m.start()
        following = text[m.end() + 1:line_end(text, m.end() + 1)] if under_head else None
        breaks += [m.start() + b for b in _row_breaks(m.group(), following)]
    text = _broken_at(text, breaks)
    return _join_wrapped_rows(text) if head >= 0 else text


# a table copied from a web page one cell a line: 序号, its other heads, then each
# row's number and cells, a line each (a merged cell leaves an empty line)
HEAD_CELL_MAX = 20  # a head line longer than this, or one with a clause, is no column's name
COLUMNS_MAX = 12
RE_TOTAL_CELL = re.compile(r"[ \t]*(?:[\d.,%]+|" + EMPTY_CELL + r"+)?[ \t]*")  # a figure, a dash or nothing


def one_cell_a_line(text: str) -> str:
    """Put each row of a table copied one cell a line on a line of its own,
    its cells set apart by spaces, and its head on one line too (序号 乡镇
    适配人数（人）…): the head is the lines from 序号 to the first row's number,
    and every row as many lines, opening on its number (1:1: a space for
    each line break within a row). A table without 序号 (乡镇|人数|金额（万元）|
    晋州镇|612|49.57|…) is told by its rows: a name and the same count of figures
    each, under as many lines of heads."""
    lines, starts = lines_with_starts(text)
    groups = _unnumbered_groups(lines)
    chars = list(text) if groups else None
    for first, count in groups:
        for k in range(first, first + count - 1):
            chars[starts[k + 1] - 1] = " "
    if TABLE_HEAD not in text:
        return text if chars is None else "".join(chars)
    for head in (i for i, line in enumerate(lines) if line.strip() == TABLE_HEAD):
        width = next((k for k, line in enumerate(lines[head:head + COLUMNS_MAX + 1]) if line.strip() == "1"), 0)
        if not 3 <= width <= COLUMNS_MAX or any(not line.strip() or len(line.strip()) > HEAD_CELL_MAX
                                                or RE_PROSE_PUNCT.search(line) for line in lines[head + 1:head + width]):
            continue
        rows = 0
        while (at := head + width * (rows + 1)) + width <= len(lines) and lines[at].strip() == str(rows + 1):
            rows += 1
        if rows < 2:
            continue
        groups = [(head + width * k, width) for k in range(rows + 1)]  # (first line, lines): the head's, then each row's
        total = head + width * (rows + 1)
        if total < len(lines) and lines[total].strip().startswith(table_words("totals")):
            cells = 1
            while cells < width and total + cells < len(lines) and RE_TOTAL_CELL.fullmatch(lines[total + cells]):
                cells += 1
            groups.append((total, cells))
        chars = chars if chars is not None else list(text)
        for first, count in groups:
            for k in range(first, first + count - 1):
                chars[starts[k + 1] - 1] = " "  # the line break after line k
    return text if chars is None else "".join(chars)


RE_FIGURE_CELL = re.compile(r"[ \t]*(?:-?[\d.,]+%?|" + EMPTY_CELL + r"+)[ \t]*")
MIN_UNNUMBERED_ROWS = 2


def _name_cell(line: str) -> bool:
    """A cell of words: a column's head or a row's name (晋州镇, 金额（万元）)."""
    cell = line.strip()
    return bool(cell) and len(cell) <= HEAD_CELL_MAX and not RE_FIGURE_CELL.fullmatch(line) \
        and not RE_PROSE_PUNCT.search(cell)


def _unnumbered_groups(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, lines) of the head and of each row of every table a cell a line
    without 序号: rows of a name and figures, two or more, right under as many
    lines of heads (a head with 序号 has its rows' numbers: one_cell_a_line)."""
    groups: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        width = 1
        while i + width < len(lines) and RE_FIGURE_CELL.fullmatch(lines[i + width]):
            width += 1
        head = i - width
        if not (2 <= width <= COLUMNS_MAX and head >= 0 and _name_cell(lines[i])
                and all(_name_cell(line) and line.strip() != TABLE_HEAD for line in lines[head:i])):
            i += 1
            continue
        rows = 0
        while (at := i + width * rows) + width <= len(lines) and _name_cell(lines[at]) \
                and all(RE_FIGURE_CELL.fullmatch(line) for line in lines[at + 1:at + width]):
            rows += 1
        if rows < MIN_UNNUMBERED_ROWS:
            i += 1
            continue
        groups += [(head, width)] + [(i + width * k, width) for k in range(rows)]
        i += width * rows
    return groups


def _first_head(text: str) -> int:
    """Where the first line opening on 序号 and a space starts; -1 if none does."""
    if text.startswith(TABLE_HEAD + " "):
        return 0
    at = text.find("\n" + TABLE_HEAD + " ")
    return at + 1 if at >= 0 else -1


def _broken_at(text: str, spaces: list[int]) -> str:
    """The text with a line break for the space at each of these offsets (1:1)."""
    if not spaces:
        return text
    chars = list(text)
    for at in spaces:
        chars[at] = "\n"
    return "".join(chars)


def _head_breaks(text: str) -> list[int]:
    """Offsets of the space before row 1 where a 序号 head runs on into its rows
    (序号 姓名 性别 年龄 补贴标准（元/月） 1 王某 女 86 200 2 …): the row opens as
    many cells after 序号 as the head has, and row 2 as many after it, or the line
    ends there. The rows are then set apart as any rows run together. Rows that
    differ in cells are set apart here, by their numbers in order."""
    out = []
    for m in RE_HEAD_LINE.finditer(text):
        cells = [(c.start(), c.group()) for c in RE_CELL.finditer(m.group())]
        for width in range(MIN_HEAD_CELLS, min(len(cells), COLUMNS_MAX + 1)):
            if any(c[0].isdigit() for _, c in cells[:width]):
                break  # a figure: no head's name
            if cells[width][1] == "1" and (len(cells) == 2 * width or (len(cells) > 2 * width
                                                                        and cells[2 * width][1] == "2")):
                out.append(m.start() + cells[width][0] - 1)
                break
            if cells[width][1] == "1":
                out += [m.start() + at - 1 for at in _numbered_rows(cells, width)]
                break
    return out


def _numbered_rows(cells: list[tuple[int, str]], width: int) -> list[int]:
    """Where rows 1, 2, 3 … start in a 序号 head's line whose rows differ in cells
    (a column of several bodies: 市残联 市民政局 市财政局): each next number that
    closes a row of the head's cells at least and opens one on words (a 2 inside a
    row's cells, 惠及 2 个乡镇, closes too short a row); none unless three rows or more."""
    starts, row_start, number = [], width, 1
    for k in range(width, len(cells)):
        if cells[k][1] == str(number) and (number == 1 or k - row_start >= width) \
                and k + 1 < len(cells) and not cells[k + 1][1][0].isdigit():
            starts.append(cells[k][0])
            row_start, number = k, number + 1
    return starts if len(starts) >= MIN_NUMBERED_ROWS else []


def _row_breaks(line: str, following: str | None) -> list[int]:
    """Offsets in `line` of the spaces before its second and later rows (and a
    total after them); empty where the line is not rows run together. Under a
    序号 head (`following`: the next line), the line may end on the start of its
    next row."""
    cells = [(c.start(), c.group()) for c in RE_CELL.finditer(line)]
    first = int(cells[0][1])
    for width in range(MIN_CELLS, len(cells)):
        if cells[width][1] != str(first + 1):
            continue
        rows = 1
        while (rows + 1) * width <= len(cells) and cells[rows * width][1] == str(first + rows):
            rows += 1
        rest = cells[rows * width:]
        # one row and the start of the next, whose other cells wrapped to the next
        # line: only under a 序号 head (elsewhere a line of counts, 3 个街道 12 个社区
        # 4 个村, looks the same) and where the next line does not open on a row
        partial = (following is not None and rows == 1 and width > MIN_CELLS and rest[0][1] == str(first + 1)
                   and _starts_row(rest[1:]) and not _opens_row(following, first + 1))
        if (rows < 2 and not partial) or (width == MIN_CELLS and rows < MIN_ROWS_OF_TWO):
            continue
        if rest and not (rest[0][1] == str(first + rows) or rest[0][1].startswith(table_words("totals"))):
            continue  # a tail of another shape: not rows of one table
        # (a last row short of a cell, whose remark is empty, or a total row ends the line)
        return [cells[k * width][0] - 1 for k in range(1, rows + (1 if rest else 0))]
    return []


def _starts_row(cells: list[tuple[int, str]]) -> bool:
    """Cells after a row number that open a row: a name or two, no figure
    first and no clause (阵地 5 个；依托… is a count in a sentence)."""
    return bool(cells) and not cells[0][1][0].isdigit() and not any(RE_CLAUSE.search(c) for _, c in cells)


def _opens_row(line: str, number: int) -> bool:
    """The line opens on the row number `number`."""
    m = RE_ROW_INDEX.match(line)
    return m is not None and int(m.group()) == number


def _join_wrapped_rows(text: str) -> str:
    """Join each row of a 序号 table that is short of the table's cells to the
    next line, where that line goes on with its cells."""
    lines = text.split("\n")
    chars = None
    pos = 0
    cells = 0  # the most cells of the table's head or a row so far; 0: no table
    for i, line in enumerate(lines[:-1]):
        end = pos + len(line)
        if line.startswith(TABLE_HEAD + " "):
            cells = len(line.split())
        elif not line.strip():
            cells = 0  # a blank line ends the table
        elif cells and (row := RE_ROW_START.match(line)):
            have = len(line.split())
            after = lines[i + 1]
            number = int(row.group(1))
            if (have < cells and after[:1].isalnum() and have + len(after.split()) <= cells
                    and not _opens_row(after, number) and not _opens_row(after, number + 1)
                    and not RE_SECTION.match(after) and not after.startswith(rows_end())
                    and not (line[-1:].isdigit() and after[0].isdigit())):  # 2800|2650: two cells or one number?
                chars = chars if chars is not None else list(text)
                chars[end] = ROW_WRAP
            cells = max(cells, have)
        pos = end + 1
    return text if chars is None else "".join(chars)


def join_row_wraps(text: str, offs: list[int]) -> tuple[str, list[int]]:
    """Join the wrapped rows `one_row_a_line` marked, as line joining joins a
    wrapped line (nothing between ideographs or digits, a space between words)."""
    edits = [(m.start(), m.end(), seam(text[m.start() - 1], text[m.end()])) for m in RE_ROW_WRAP.finditer(text)]
    return apply_edits(text, offs, edits)
