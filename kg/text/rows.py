"""Table rows run together on one line, one row a line again.

A notice's table flattened by copying often keeps several rows to a line
(``1 洎阳街道 24 61 78600 因病 2 塔山街道 19 47 60300 因病``,
``1 张某强 肢体 一级 骥江社区　2 王某兰 视力 二级 城北社区``). The rows are
told apart by their numbers: the line opens on row N, and N+1, N+2 … each
start a cell at the same distance in cells, so every row has the same number
of cells. The space before each next row becomes a line break (1:1, so the
offset map is unchanged); a total row (合计 112) after the last row of the
line is set apart the same way. It runs before spaces are removed, which
glue the row numbers to the cells around them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# a line opening on a row number and a cell after a space (spaces are " " here: the
# character map has run)
RE_NUMBERED_LINE = re.compile(r"(?m)^\d{1,3} [^\n]*$")
RE_CELL = re.compile(r"[^ ]+")
MIN_CELLS = 2  # a row of a number and one cell is a list of names (1 张某 2 李某 3 王某)
MIN_ROWS_OF_TWO = 3  # such short rows must come three to a line to be told from prose


@lru_cache(maxsize=1)
def _total_words() -> tuple[str, ...]:
    data = resources.files("kg.resources").joinpath("table_rows.txt").read_text(encoding="utf-8")
    line = next(line for line in data.splitlines() if line.startswith("@totals"))
    return tuple(line.split()[1:])


def split_run_rows(text: str) -> str:
    """Put each row of a line of rows run together on its own line."""
    if " " not in text:
        return text
    chars = None
    for m in RE_NUMBERED_LINE.finditer(text):
        breaks = _row_breaks(m.group())
        if breaks:
            chars = chars if chars is not None else list(text)
            for b in breaks:
                chars[m.start() + b] = "\n"
    return text if chars is None else "".join(chars)


def _row_breaks(line: str) -> list[int]:
    """Offsets in `line` of the spaces before its second and later rows (and a
    total after them); empty where the line is not rows run together."""
    cells = [(c.start(), c.group()) for c in RE_CELL.finditer(line)]
    first = int(cells[0][1])
    for width in range(MIN_CELLS, len(cells) // 2 + 1):
        if cells[width][1] != str(first + 1):
            continue
        rows = 1
        while (rows + 1) * width <= len(cells) and cells[rows * width][1] == str(first + rows):
            rows += 1
        rest = cells[rows * width:]
        if rows < 2 or (width == MIN_CELLS and rows < MIN_ROWS_OF_TWO):
            continue
        if rest and not (rest[0][1] == str(first + rows) or rest[0][1].startswith(_total_words())):
            continue  # a tail of another shape: not rows of one table
        # (a last row short of a cell, whose remark is empty, or a total row ends the line)
        return [cells[k * width][0] - 1 for k in range(1, rows + (1 if rest else 0))]
    return []
