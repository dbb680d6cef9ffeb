"""Figures in tables: rows of a name and numbers under a head line of units,
a unit column, a last column of figures, heads stacked over their units, and
the declared tables of declared.py; each cell in its column's unit, counted
as its column's head."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from kg.nlp.lexicon import Lexicon, alternation
from kg.nlp.recognize.declared import (declaration_regex, declared_cells, declared_units, unit_list_cells,
                                       unit_list_regex)
from kg.nlp.recognize.flattened import flattened_cells
from kg.nlp.recognize.figures import (CELL, CELL_NUMBER, CELL_TOKEN, NumberMention, ROW_NUMBER, SIGN, TRAILING_CELLS,
                                      cell_figures, named_unit_figures, parse_value, trim_phrase)
from kg.nlp.recognize.table_heads import (HEAD_BRACKET, RE_DIGITS, column_head_regex, column_heads, declared_heads,
                                          unit_heads, wrapped_heads)
from kg.text.lines import EMPTY_CELL, RE_NUMBERED_HEADING, TABLE_HEAD, lines_with_starts, table_words


@lru_cache(maxsize=4)
def _table_row_regex(unit_re: str) -> re.Pattern:
    # a flattened table row: a label whose unit is in brackets, then bare numbers
    # (65岁及以上老年人健康体检人数（万人）28 30.2 107.9%); the match starts at the
    # bracket, a literal the scanner finds fast, and the label is read back from it;
    # no year after it (2024年完成数（人） 2025年目标任务（人）: the next column's head)
    return re.compile(r"[（(](?P<mag>万|亿)?(?P<unit>" + unit_re + r")[）)]"
                      r"[ \t]*(?P<cells>" + CELL_NUMBER + r"(?:[ \t]+" + CELL_NUMBER + r"%?)*)(?![\d.]*年)")


_ROW_LABEL_CHARS = 40
_ROW_INDEX = re.compile(r"^\s*\d{1,2}\s*")


def _table_cells(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """The bare numbers of flattened table rows, counted in the unit the row's
    label gives (a percentage cell is read by the number pattern already)."""
    # (a number the running text reads with its own unit is no bare cell: 社区卫生服务中心（站）4个)
    taken = {n.start for n in found}
    out = []
    head_regex = column_head_regex(lex.unit_re)
    for row in _table_row_regex(lex.unit_re).finditer(text):
        line_start = text.rfind("\n", 0, row.start()) + 1
        label = text[max(line_start, row.start() - _ROW_LABEL_CHARS):row.start()]
        if len(label) < 2:
            continue
        unit = lex.units[row.group("unit")]
        indicator = trim_phrase(_ROW_INDEX.sub("", label), lex) or unit.unit
        cells = list(CELL.finditer(text, row.start("cells"), row.end("cells")))
        # a column whose head names its own unit keeps it (完成率（%） over 签约人数（万人） 22 23.6 107.3)
        heads = _head_words_above(text, line_start)
        heads = heads[len(heads) - len(cells):] if len(heads) > len(cells) else [None] * len(cells)
        for cell, head in zip(cells, heads):
            if cell.group().endswith("%") or cell.start() in taken:
                continue
            own = head_regex.fullmatch(head) if head else None
            out += (named_unit_figures(cell.start(), cell.end(), cell.group(), own, lex, indicator + own.group("label"))
                    if own and own.group("unit") != row.group("unit")
                    else cell_figures(cell.start(), cell.end(), cell.group(), row.group("mag"), unit, indicator))
    return out


_HEAD_LINES_UP = 30  # the most rows between a flattened row and its table's head line


def _head_words_above(text: str, line_start: int) -> list[str]:
    """The words of the head line over a table's row: the nearest line above that holds no digit."""
    end = line_start - 1
    for _ in range(_HEAD_LINES_UP):
        if end <= 0:
            return []
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip() and not RE_DIGITS.search(line):
            return line.split()
        if not line.strip():
            return []
        end = start - 1
    return []


def _note_under_rows(line: str) -> bool:
    """Whether a line opens on what ends a table's rows (注, 附件, 制表 …: table_rows.txt)."""
    return line.lstrip(" \t\u3000").startswith(table_words("after_rows"))


_UNIT_COLUMN_CELL = re.compile(r"(?P<sign>" + SIGN + r"?)(?P<num>" + CELL_NUMBER + r")(?P<pct>%?)|" + EMPTY_CELL)


@lru_cache(maxsize=4)
def _unit_column_row_regex(unit_re: str) -> re.Pattern:
    # 持证残疾人总数人12486 +1.8%, 临时救助支出 万元583.6: the row's name, its unit (or a dash
    # for none: 一、最低生活保障——2186.42), then its cells; a row whose name is left blank
    # goes on with the row above it (人2105 312.87 under （一）城市低保户1382—)
    # (a bracket in the name may hold figures: 高龄津贴（80—89周岁） 人9826 147.39)
    return re.compile(r"[ \t\u3000]*(?P<name>[^\d\s](?:[（(][^）)\n]{1,12}[）)]|[^\d\s]|[ \t\u3000](?=[^\d\s])){1,40}?)?"
                      r"[ \t\u3000]*"
                      r"(?:(?P<mag>万|亿)?(?P<unit>" + unit_re + r")|" + EMPTY_CELL + r")"
                      r"(?P<cells>(?:[ \t\u3000]*(?:" + SIGN + "?" + CELL_NUMBER + r"%?|" + EMPTY_CELL + r"))+)(?![\d.%])")


def _unit_column_cells(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """A table whose rows name their unit in a column of its own (指标名称 单位 数值 同比;
    项目 单位 人数/户数 金额（万元）): each row's first figure counts in the unit before it,
    under the row's name (持证残疾人总数 人 12486: 12486 人), and a later figure in the unit
    its column's head gives in brackets (312.87 under 金额（万元）). A dash is an empty
    cell; a heading between rows (二、康复服务) goes on with the table; a line of figures
    that is no such row ends it, and a total row is passed over."""
    taken = {(n.start, n.end) for n in found}
    row_re = _unit_column_row_regex(lex.unit_re)
    out, heads, pos, name, indexed = [], None, 0, None, False
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        head = lex.unit_column_head_re.fullmatch(line)
        if head:
            # the value columns after the unit column, each (its bracket, its word, whether it counts in
            # the row's unit): the first counts in each row's unit, a later one in its bracket's unit,
            # else (完成数 after 年度目标) in the row's, unless it holds shares or money (完成率, 投入)
            heads = [(column_head_regex(lex.unit_re).fullmatch(w), w,
                      not w.endswith(lex.table_share_heads + lex.table_money_heads))
                     for w in line[head.start("values"):].split()]
            name, indexed = None, line.lstrip(" \t\u3000").startswith(TABLE_HEAD)
            continue
        if heads is not None and _note_under_rows(line):
            heads = None  # 注：一次性创业补贴按每户5000元…: a note under the rows ends them
            continue
        index = ROW_NUMBER.match(line) if heads is not None and indexed else None
        row = row_re.match(line, index.end() if index else 0) if heads is not None else None
        if row is None:
            heads = heads if heads is not None and line.strip() and not RE_DIGITS.search(line) else None
            continue
        if row.group("name"):
            name = re.split(r"[：:]", row.group("name"))[-1].strip()  # 其中：视力残疾
            item = RE_NUMBERED_HEADING.match(name)  # （一）城市低保
            name = name[item.end():] if item and item.end() < len(name) else name
            name = trim_phrase(name, lex) or name
        if name is None or name.startswith(lex.table_total_words):
            continue
        cells = list(_UNIT_COLUMN_CELL.finditer(line, row.start("cells"), row.end("cells")))
        for k, cell in enumerate(cells):
            begin, end = start + cell.start(), start + cell.end()
            if not cell.group("num") or cell.group("pct") or (begin, end) in taken:
                continue
            if k == 0 and row.group("unit"):
                read = named_unit_figures(begin, end, cell.group("num"), row, lex, name)
            elif k and k < len(heads) and heads[k][0] is not None:
                read = named_unit_figures(begin, end, cell.group("num"), heads[k][0], lex, name + heads[k][0].group("label"))
            elif k and k < len(heads) and heads[k][2] and row.group("unit"):
                read = named_unit_figures(begin, end, cell.group("num"), row, lex, name + heads[k][1])
            else:
                continue
            # a fall keeps its sign (比上年末增长（%） -0.9)
            out += [replace(n, value=-n.value) for n in read] if cell.group("sign") not in ("", "+", "＋") else read
    return out


_LAST_FIGURE = re.compile(r"(?<=[^\d.\s%])[ \t\u3000]*(?P<num>" + CELL_NUMBER + r")[ \t\u3000]*$")


def _last_column_cells(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """A 序号 table whose one column with a unit is its last (序号 项目名称 建设内容
    责任单位 投资（万元）), its rows' words holding figures of their own: the figure
    that ends each numbered row, in that column's unit (…市民政局4860: 4860 万元).
    Not in a list of persons, whose figures are each one's own."""
    taken = {(n.start, n.end) for n in found}
    out, column, pos = [], None, 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        heads = column_heads(line, lex) if line.startswith(TABLE_HEAD) else None
        if heads is not None:
            columns = heads[0]
            units = [k for k, (head, _) in enumerate(columns) if head is not None]
            # (a list of persons, 序号 姓名 … 补贴标准（元/月）, gives each one's own amount: no figure to report)
            persons = any(c in line for c in lex.person_name_columns)
            column = columns[-1] if units == [len(columns) - 1] and not persons else None
            continue
        if column is None or line.startswith(lex.table_total_words):
            continue  # (a total row's figure repeats the rows')
        if not ROW_NUMBER.match(line):
            column = None  # a line that opens on no row's number: the rows are over
            continue
        last = _LAST_FIGURE.search(line)
        if last and (start + last.start("num"), start + last.end("num")) not in taken:
            head, label = column
            out += cell_figures(start + last.start("num"), start + last.end("num"), last.group("num"), head.group("mag"),
                         lex.units[head.group("unit")], label)
    return out


# a cell may carry its own unit (完成率 111.5%): the number recognizer reads it
# a row's name may hold a column of words too (双塔街道 江山市康颐居家养老服务有限公司18 286 420)
# (and a last column of remarks, 备注, may close it: …9 412 36老城区困难家庭集中)
# (a bracket in it may hold figures: 其他乡镇中心幼儿园（6所） 71 3.55)
# (a name may open on a figure of its own: 65岁以上老年人, 2型糖尿病患者)
_ROW_NAME = r"(?P<name>(?:\d{1,3}(?=[\u4e00-\u9fff]))?[^\d\s](?:[（(][^）)\n]{1,12}[）)]|[^\d\s]|[ \t\u3000](?=[^\d\s])){1,40}?)[ \t\u3000]*"
_ROW = re.compile(_ROW_NAME + r"(?P<cells>" + CELL_NUMBER + r"%?(?:[ \t\u3000]+(?:" + SIGN + ")?" + CELL_NUMBER + r"%?)+)"
                  r"[ \t\u3000]*(?P<remark>[^\d\s%.].*)?$")
_RULE_LINE = re.compile(r"[ \t\u3000|｜:：\-－—]*-[ \t\u3000|｜:：\-－—]*")
# …a row of a table with one column of figures: its name, the figure, maybe a remark
# (1张玉芬 钢都街道新华社区3000本人患乳腺癌住院治疗)
_ONE_CELL_ROW = re.compile(_ROW_NAME + r"(?P<cells>" + CELL_NUMBER + r")(?![\d.%])[ \t\u3000]*(?P<remark>[^\d\s%.].*)?$")
_HEAD_LINES_MAX = 8  # a head wrapped over more lines is no head


def _column_cells(text: str, lex: Lexicon, found: list[NumberMention]
                  ) -> tuple[list[NumberMention], dict[int, str | None]]:
    """A table whose head line names its columns with units (街道 长者食堂（个）
    适老化改造（户）) and whose rows are a name and one number per column
    (玉林街道4 86), after a row number where the head opens on 序号: each number in
    its column's unit, counted as its column's head (the first head without the
    first column's name: table_row_heads.txt).
    Also, by start, the columns' heads of the cells that carry their own unit
    (完成率 111.5%), None for those of a total row."""
    taken = {(n.start, n.end) for n in found}
    out = []
    own_unit: dict[int, str | None] = {}
    columns, indexed = None, False
    pos = 0
    recent: list[str] = []  # the lines since the last row, for a head wrapped over several
    wider = None  # the head with the lines above its last line, when those read as its start too
    listed = False  # whether the line before declared a list of units
    declared = None  # the one unit the line before declared (单位：万人)
    for line in text.split("\n"):  # an empty line, or any line that is no row, ends a table
        start, pos = pos, pos + len(line) + 1
        if columns and _RULE_LINE.fullmatch(line):
            continue  # |---|---|: a markdown table's rule under its head
        if columns and _note_under_rows(line):
            columns = None  # 注：服务人数为截至2024年…: a note under the rows ends them
            continue
        # (under a declared unit its reading comes first: 单位：万元 | 项目名称 牵头单位 年度计划投资 完成比例（%）)
        found_heads = (declared is not None and declared_heads(line, declared, lex)) or column_heads(line, lex)
        if found_heads and listed and unit_heads(line, lex) is None:
            recent, listed = [], False  # words alone under a declared list of units (单位：名、名、人次): the list's table
            continue
        if found_heads and declared is not None:
            found_heads = (_declared_count_columns(found_heads[0], declared, lex), found_heads[1])
        listed = "单位" in line and declared_units(line, unit_list_regex(lex.unit_re)) is not None
        declared = declaration_regex(lex.unit_re).search(line) if "单位" in line else None
        if found_heads:
            columns, indexed = found_heads
            # 临时救助年度 | 任务（人次） 已实施（人次） 完成率: the last line reads as a head
            # by itself; the first row's cells tell which head is the table's
            wider = wrapped_heads(recent + [line], lex) if recent else None
            recent = []
            continue
        row_like = _row_like(line)
        if columns is None and row_like:
            columns, indexed = wrapped_heads(recent, lex) or (None, False)
        if wider is not None and row_like:
            if _cell_count(line, wider) == len(wider[0]) and _cell_count(line, (columns, indexed)) != len(columns):
                columns, indexed = wider
            wider = None
        recent = [] if row_like else (recent + [line])[-_HEAD_LINES_MAX:]
        index = ROW_NUMBER.match(line) if columns and indexed else None
        row = _row(line, index.end() if index else 0, columns) if columns else None
        cells = list(CELL.finditer(line, row.start("cells"), row.end("cells"))) if row else []
        remark = bool(row and row.group("remark"))
        # a last column without a unit holds the words after a row's numbers (备注, 评定等级: 三级)
        remark_column = bool(columns) and columns[-1][0] is None and (
            columns[-1][1].endswith(lex.table_remark_heads) or remark)
        if remark and not remark_column:
            row = None  # words after the numbers, with no column of remarks for them
        name = row.group("name") if row else ""
        if columns and not remark_column and (not row or len(cells) != len(columns)):
            # 11创业担保贷款贴息 海南东方农村商业银行股份有限公司—23.46: a dash for an empty cell
            dashed, dashed_name = _dashed_cells(line, index.end() if index else 0, len(columns))
            if dashed:
                cells, name, row = dashed, dashed_name, row or True
        if not row or len(cells) != len(columns) - remark_column:  # a row's remark may be empty
            columns = None if not row else columns
            continue
        if index:  # a row's number is no figure (7天凝镇: not 7 days)
            own_unit[start + len(index.group()) - len(index.group().lstrip(" \t\u3000"))] = None
        total = name.startswith(lex.table_total_words)  # skipped, the table goes on
        for cell, (head, label) in zip(cells, _part_whole(columns, cells)):
            if not RE_DIGITS.search(cell.group()):
                continue  # a dash for an empty cell (a sign before digits is a fall's: -2.1)
            begin, end = start + cell.start(), start + cell.end()
            if cell.group().endswith("%"):
                own_unit[begin] = None if total else label
            if total or head is None or cell.group().endswith("%") or (begin, end) in taken:
                continue
            sign = _SIGN_ALONE.match(cell.group())
            read = cell_figures(begin, end, cell.group()[1:] if sign else cell.group(), head.group("mag"),
                         lex.units[head.group("unit")], label)
            # a fall keeps its sign (同比（%） -2.1)
            out += [replace(n, value=-n.value) for n in read] if sign and sign.group() not in "+＋" else read
    return out, own_unit


def _part_whole(columns: list, cells: list[re.Match]) -> list:
    """A row's columns where its part columns (其中：急难型 支出型, given the unit of the
    column before them) add up to another column's cell than that one's: the part of
    that column, in its unit (救助人次 救助金额（元） 其中：… | 412 836400 96 316: 96 + 316
    = 412 人次, not 元)."""
    heads = [head for head, _ in columns]
    # (a part column shares the head match of the column before the parts: column_heads)
    whole = next((k for k in range(len(heads) - 1) if heads[k] is not None and heads[k] is heads[k + 1]), None)
    if whole is None or len(cells) != len(columns):
        return columns
    values = [parse_value(c.group(), None) if RE_DIGITS.match(c.group()) else None for c in cells]
    parts = [k for k in range(whole + 1, len(heads)) if heads[k] is heads[whole]]
    if any(values[k] is None for k in parts + [whole]):
        return columns
    total = sum(values[k] for k in parts)
    if total == values[whole]:
        return columns
    other = next((k for k in range(whole) if heads[k] is not None and values[k] == total), None)
    if other is None:
        return columns
    whole_name, other_name = HEAD_BRACKET.sub("", columns[whole][1]), HEAD_BRACKET.sub("", columns[other][1])
    out = list(columns)
    for k in parts:
        own = columns[k][1][:len(columns[k][1]) - len(whole_name)]
        out[k] = (heads[other], own + other_name)
    return out


def _declared_count_columns(columns: list, declared: re.Match, lex: Lexicon) -> list:
    """Columns named by a count word (年末参保人数: 人) under a line that declares their
    unit with a magnitude (单位：万人): counted in the declared unit."""
    unit, mag = declared.group("unit"), declared.group("mag") or ""
    out = []
    for head, label in columns:
        counted = head is not None and head.string == head.group(0) and head.group("unit") == unit
        out.append((column_head_regex(lex.unit_re).fullmatch(f"{label}（{mag}{unit}）"), label) if counted
                   else (head, label))
    return out


def _dashed_cells(line: str, pos: int, columns: int) -> tuple[list[re.Match], str]:
    """A row's last cells where a dash stands for an empty one (…有限公司—23.46 under
    人数 金额（万元）): one per column, at least one a number and one a dash, after
    the row's name; none if the line ends otherwise."""
    trailing = TRAILING_CELLS.search(line, pos)
    if trailing is None:
        return [], ""
    tokens = list(CELL_TOKEN.finditer(line, trailing.start()))[-columns:]
    name = line[pos:tokens[0].start()].strip(" \t\u3000") if tokens else ""
    kinds = {_EMPTY.match(t.group()) is not None for t in tokens}
    if len(tokens) != columns or kinds != {True, False} or not _ROW_NAME_WORD.match(name) \
            or any(_SIGN_ALONE.fullmatch(t.group()) and line[t.end():t.end() + 1].isdigit() for t in tokens):
        return [], ""  # (-0.9: a fall, no empty cell; a dash — is never a sign)
    return tokens, name


_EMPTY = re.compile(EMPTY_CELL)
_SIGN_ALONE = re.compile(SIGN)
_ROW_NAME_WORD = re.compile(r"[^\d\s]")


def _row_like(line: str) -> bool:
    """Whether a line reads as a table's row: a name and its cells, maybe after a
    row number (1武安镇 郝志刚（…）42 52360, under a head wrapped one column a line)."""
    index = ROW_NUMBER.match(line)
    return _ROW.match(line) is not None or (index is not None and _ROW.match(line, index.end()) is not None)


def _row(line: str, pos: int, columns: list) -> re.Match | None:
    """A row under the columns: a name and its cells (one, where one column counts)."""
    if sum(head is not None for head, _ in columns) == 1:
        return _ONE_CELL_ROW.match(line, pos) or _ROW.match(line, pos)
    return _ROW.match(line, pos)


def _cell_count(line: str, head: tuple[list, bool]) -> int:
    """How many number cells a row has under a head (after its row number, if indexed)."""
    index = ROW_NUMBER.match(line) if head[1] else None
    row = _row(line, index.end() if index else 0, head[0])
    return len(CELL.findall(line, row.start("cells"), row.end("cells"))) if row else -1


@lru_cache(maxsize=4)
def _unit_line_regex(unit_re: str) -> re.Pattern:
    # the second line of a two-line head: what each column counts, in brackets,
    # some after the rest of a column's name (建设情况（个）（个）（人次）完成率（%）)
    return re.compile(r"(?:[\u4e00-\u9fff]{0,8}[（(](?:万|亿)?(?:" + unit_re + r")[）)][ \t\u3000]*"
                      r"|[\u4e00-\u9fff]{2,8}[ \t\u3000]*)+")


_UNIT_ITEM = re.compile(r"(?P<label>[\u4e00-\u9fff]{0,8})(?:[（(](?P<mag>万|亿)?(?P<unit>[^）)]+)[）)])?[ \t\u3000]*")
_HEAD_WORDS = re.compile(r"[\u4e00-\u9fff（）()、]+(?:[ \t\u3000]+[\u4e00-\u9fff（）()、]+)+")


def _stacked_head_cells(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """A table whose head takes two lines, the columns' names on the first and
    their units below them (乡镇 就业驿站 发布岗位 | （个）（个）), as a wrapped head
    reads once spaces are gone: the columns with a unit are the last ones, so the
    cells at the end of each row (numbers, or a dash for an empty cell) fill
    them from the right; a total row is not counted again."""
    taken = {(n.start, n.end) for n in found}
    lines, starts = lines_with_starts(text)
    out = []
    for i in range(len(lines) - 2):
        names, units = lines[i].strip(), lines[i + 1].strip()
        if not _HEAD_WORDS.fullmatch(names) or not _unit_line_regex(lex.unit_re).fullmatch(units):
            continue
        items = [m for m in _UNIT_ITEM.finditer(units) if m.group(0)]
        with_unit = [m for m in items if m.group("unit") in lex.units]
        words = names.split()
        # the units close the line and each names a column of the first line
        if len(with_unit) < 2 or items[-len(with_unit):] != with_unit or len(with_unit) >= len(words):
            continue
        # 建设情况（个）: the rest of a column of words before it, then a bare unit
        columns = [(words[len(words) - len(with_unit) + k]
                    + ("" if m.group("label").endswith(lex.table_status_ends) else m.group("label")), m)
                   for k, m in enumerate(with_unit)]
        for row in range(i + 2, len(lines)):
            cells = TRAILING_CELLS.search(lines[row])
            if not cells or cells.start() == 0:
                break  # a line that is no row ends the table
            if lines[row].lstrip().startswith(lex.table_total_words):
                continue
            tokens = list(CELL_TOKEN.finditer(lines[row], cells.start()))[-len(columns):]
            for token, (label, head) in zip(tokens, columns[len(columns) - len(tokens):]):
                begin, end = starts[row] + token.start(), starts[row] + token.end()
                if token.group()[0].isdigit() and (begin, end) not in taken and not token.group().endswith("%"):
                    out += named_unit_figures(begin, end, token.group(), head, lex, label)
    return out


def table_figures(text: str, lex: Lexicon, found: list[NumberMention], names=()
                  ) -> tuple[list[NumberMention], list[NumberMention]]:
    """The figures of the text's tables, and `found` (the running text's figures)
    without those a table reads in its own way; `names`: the (start, end) of the
    bodies and places the text names."""
    cells = _table_cells(text, lex, found)
    flat, flat_spans = flattened_cells(text, lex, found + cells)
    cells += flat
    column_cells, own_unit = _column_cells(text, lex, found + cells)
    if column_cells:  # a column's figure is read in the column's unit (3000本人患…: 3000 元, not 3000 本)
        in_columns = {n.start for n in column_cells}
        found = [n for n in found if n.start not in in_columns]
    if own_unit:  # a cell with its own unit: its column's head says what it counts; none in a total row
        found = [replace(n, indicator=own_unit.get(n.start) or n.indicator) for n in found
                 if own_unit.get(n.start, "") is not None]
    cells += column_cells
    cells += _stacked_head_cells(text, lex, found + cells)
    cells += unit_list_cells(text, lex, found + cells)
    cells += _unit_column_cells(text, lex, found + cells)
    cells += _last_column_cells(text, lex, found + cells)
    cells += _figures_before_bodies(text, lex, found + cells, names)
    cells += declared_cells(text, lex, found + cells)
    if flat_spans:  # a flattened table's rows are read by it alone (a share with its % sign by the running text)
        own = {id(n) for n in flat}
        found = [n for n in found if n.unit == "%" or not _inside(n, flat_spans)]
        cells = [n for n in cells if id(n) in own or not _inside(n, flat_spans)]
    return found, cells


def _inside(n: NumberMention, spans: list[tuple[int, int]]) -> bool:
    return any(start <= n.start < end for start, end in spans)


@lru_cache(maxsize=4)
def _figure_before_bodies_head(unit_re: str, body_heads: tuple[str, ...]) -> re.Pattern:
    # 投资（万元） 牵头单位: a column with a unit right before the column of lead bodies
    return re.compile(r"(?P<label>[\u4e00-\u9fff]{1,8})[（(](?P<mag>万|亿)?(?P<unit>" + unit_re + r")[）)]"
                      r"[ \t\u3000]*(?:" + alternation(body_heads) + ")")


_FIGURE_AT_END = re.compile(r"(?<![\d.])(?:" + CELL_NUMBER + r")[ \t\u3000]*$")
_ROW_OR_GROUP = re.compile(r"\d{1,3}(?!\d)|[一二三四五六七八九十]+、")


def _figures_before_bodies(text: str, lex: Lexicon, found: list[NumberMention], names) -> list[NumberMention]:
    """A table of projects whose head puts a column with a unit right before the
    column of lead bodies (序号 项目名称 目标任务 投资（万元） 牵头单位 …): once the
    cells' bars are gone, that column's figure runs into the body's name (…实施无障碍
    改造680县残联); each row's, in the column's unit. Rows open on their number, or
    name a group of them (一、兜底保障类)."""
    if not names:
        return []
    heads = _figure_before_bodies_head(lex.unit_re, lex.table_body_heads)
    starts = sorted({s for s, _ in names})
    taken = {(n.start, n.end) for n in found}
    lines, line_starts = lines_with_starts(text)
    out = []
    head = None
    for line, start in zip(lines, line_starts):
        found_head = heads.search(line) if not RE_DIGITS.search(line) else None
        if found_head:
            head = found_head
            continue
        if head is None or not _ROW_OR_GROUP.match(line):
            head = None
            continue
        end = start + len(line)
        for body in starts[bisect_left(starts, start + 1):bisect_left(starts, end)]:
            figure = _FIGURE_AT_END.search(text, start, body)
            if figure is not None and figure.start() > start:  # not the row's number
                digits = figure.group().strip(" \t\u3000")
                span = (figure.start(), figure.start() + len(digits))
                if span not in taken:
                    out += named_unit_figures(*span, digits, head, lex, head.group("label"))
                break
    return out
