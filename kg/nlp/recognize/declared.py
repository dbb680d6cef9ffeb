"""Tables whose units are declared apart from their heads: a list of units
above the columns (（单位：名、名、人次）), or one unit for a block of
labelled figures (单位：万元 城区 120 乡镇 80)."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp.lexicon import Lexicon
from kg.nlp.recognize.figures import (CELL_NUMBER, CELL_TOKEN, NumberMention, ROW_NUMBER, TRAILING_CELLS, cell_figures,
                                      named_unit_figures, trim_phrase)
from kg.nlp.recognize.table_heads import QUOTE_MARKS, column_head_regex, head_line_heads, part_name
from kg.text.lines import RE_NUMBER_ROW, line_end, lines_with_starts


_UNIT_SEPARATOR = "[、，,/；;]"


@lru_cache(maxsize=4)
def unit_list_regex(unit_re: str) -> re.Pattern:
    # a list of units declared over a table ((单位：人、家), 单位：个、万元, 单位：名；件): one per kind of column
    item = r"(?:万|亿)?(?:" + unit_re + r")"
    return re.compile(r"[（(]?单位[：:][ \t]*(?P<units>" + item + r"(?:" + _UNIT_SEPARATOR + item + r")+)[）)]?")


def declared_units(line: str, unit_list: re.Pattern) -> re.Match | None:
    """The list of units a line declares on its own or at the end of its caption
    (…实施情况如下（单位：人次、万元）：)."""
    line = line.strip().rstrip("：:")
    if (whole := unit_list.fullmatch(line)) is not None:
        return whole
    at_end = unit_list.search(line)
    return at_end if at_end is not None and at_end.end() == len(line) and line[at_end.start()] in "（(" else None


_UNIT_ITEM_PARTS = re.compile(r"(?P<mag>万|亿)?(?P<unit>.+)")


_HEAD_WORDS_ONLY = re.compile(r"[\u4e00-\u9fff（）()]{2,}(?:[ \t\u3000]+[\u4e00-\u9fff（）()]{2,})*")


def unit_list_cells(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """A table under a line that declares a list of units (（单位：人、家）|地区 适配人数
    “残疾人之家”数 服务残疾人数|张家港市 1125 41 902): each column takes the unit its
    head names last (“残疾人之家”数: 家, not the 人 of 残疾人), a money column (补助金额)
    the list's unit of money, any other the list's one other unit; the cells at the end
    of each row fill the columns from the right; a total row is not counted again."""
    taken = {(n.start, n.end) for n in found}
    lines, starts = lines_with_starts(text)
    out = []
    for i, line in enumerate(lines[:-2]):
        declared = declared_units(line, unit_list_regex(lex.unit_re))
        if declared is None:
            continue
        units = _listed_units(declared, lex)
        heads = head_line_heads(lines[i + 1], lex)
        if len(heads) < 2 or any(ch.isdigit() for ch in lines[i + 1]):
            continue
        first_row = i + 2
        grouped = _grouped_columns(heads[1:], lines[i + 2], units, lex)
        if grouped is None and _HEAD_WORDS_ONLY.fullmatch(lines[i + 2]):
            heads, first_row = heads + lines[i + 2].split(), i + 3  # a head line wrapped: its last heads below
        columns = _listed_columns([QUOTE_MARKS.sub("", h) for h in heads[1:]], units, lex)
        if grouped is not None:
            columns, first_row = grouped, i + 3
        if any(unit is None for _, unit in columns):
            continue  # a column no unit of the list fits: the table is not understood
        for row in range(first_row, len(lines)):
            cells = TRAILING_CELLS.search(lines[row])
            if not cells or cells.start() == 0:
                break  # a line that is no row ends the table
            if ROW_NUMBER.sub("", lines[row], count=1).lstrip().startswith(lex.table_total_words):
                continue
            tokens = list(CELL_TOKEN.finditer(lines[row], cells.start()))[-len(columns):]
            for token, (label, (mag, unit)) in zip(tokens, columns[len(columns) - len(tokens):]):
                begin, end = starts[row] + token.start(), starts[row] + token.end()
                if token.group()[0].isdigit() and (begin, end) not in taken and not token.group().endswith("%"):
                    out += cell_figures(begin, end, token.group(), mag, lex.units[unit], label)
    return out


def _listed_units(declared: re.Match, lex: Lexicon) -> list[tuple[str | None, str]]:
    """The (magnitude, unit) of each item of a declared list of units."""
    units = []
    for item in re.split(_UNIT_SEPARATOR, declared.group("units")):
        parts = _UNIT_ITEM_PARTS.fullmatch(item)
        units.append((parts.group("mag"), parts.group("unit")) if parts.group("unit") in lex.units else (None, item))
    return units


def _listed_columns(names: list[str], units: list, lex: Lexicon) -> list:
    """(label, (magnitude, unit) or None) of each column named under a declared list of units."""
    columns = _part_columns([(name, _column_unit(name, units, lex)) for name in names], units, lex)
    if any(unit is None for _, unit in columns):
        # (no head of people, and not one unit a column in order: sites and the rest)
        columns = _part_columns([(name, _column_unit(name, units, lex, by_site=True)) for name in names], units, lex)
    return _benefit_recipients(columns, units, lex)


def _benefit_recipients(columns: list, units: list, lex: Lexicon) -> list:
    """Beside a column of the amount (金额), a column named for a benefit (生活补贴) counts its
    recipients: it takes the list's one unit that is neither money nor a rate."""
    def money(unit) -> bool:
        return unit is not None and lex.units[unit[1]].kind == "money"
    benefits = [k for k, (label, unit) in enumerate(columns) if money(unit) and label.endswith(lex.table_benefit_heads)]
    counted = [u for u in units if lex.units[u[1]].kind not in ("money", "rate")]
    if not benefits or len(counted) != 1 or not any(
            money(unit) and k not in benefits for k, (_, unit) in enumerate(columns)):
        return columns
    return [(label, counted[0]) if k in benefits else (label, unit) for k, (label, unit) in enumerate(columns)]


def declared_columns(names: list[str], declared: re.Match, lex: Lexicon) -> list:
    """The columns `names` under a declared list of units (unit_list_regex's match), as unit_list_cells reads them."""
    return _listed_columns(names, _listed_units(declared, lex), lex)


def _part_columns(columns: list, units: list, lex: Lexicon) -> list:
    """Columns under a declared list of units: where the list repeats a unit
    (（单位：名、名、人次）) or gives one unit a column that no head contradicts,
    each column takes the list's unit in its place; the columns
    of a part (救助金额（元） 其中：住院 门诊) take the unit of the column they are
    part of and its name after their own (住院救助金额)."""
    if len(units) == len(columns) and (len(set(units)) < len(units) or all(
            unit is None or unit == listed for (_, unit), listed in zip(columns, units))):
        # (one unit a column, in their order: 儿童之家 儿童主任 服务人次 under （单位：个、名、人次）,
        # unless a head names another column's unit)
        columns = [(label, unit) for (label, _), unit in zip(columns, units)]
    part = next((k for k, (label, _) in enumerate(columns) if k and label.startswith(lex.table_part_heads)), None)
    if part is None:
        return columns
    whole_label, whole_unit = columns[part - 1]
    named = {unit for _, unit in units}
    # (a part that names its own unit keeps it: 其中：新增人数（人）; so does a count after the
    # parts whose head takes a unit of its own: 儿童之家数 其中2024年新建 留守儿童数, not 其中：住院 门诊)
    return columns[:part] + [(label, unit) if any(u in label for u in named) or (
        k > part and unit is not None and unit != whole_unit and label.endswith(lex.table_figure_heads)
        and not label.startswith(lex.table_part_heads))
        else (part_name(label, whole_label, lex), whole_unit) for k, (label, unit) in enumerate(columns[part:], part)]


def _grouped_columns(groups: list[str], line: str, units, lex: Lexicon) -> list | None:
    """A head of two lines (困难残疾人生活补贴 重度残疾人护理补贴 | 享受人数 发放金额 享受人数
    发放金额): each group's share of the second line's heads are its columns, named by
    both and counted in the unit the lower head takes."""
    subheads = [QUOTE_MARKS.sub("", h) for h in line.split()]
    if (not groups or len(subheads) <= len(groups) or len(subheads) % len(groups)
            or any(ch.isdigit() for ch in line)):
        return None
    share = len(subheads) // len(groups)
    return [(QUOTE_MARKS.sub("", group) + sub, _column_unit(sub, units, lex))
            for k, group in enumerate(groups) for sub in subheads[k * share:(k + 1) * share]]


def _column_unit(head: str, units: list[tuple[str | None, str]], lex: Lexicon,
                 by_site: bool = False) -> tuple[str | None, str] | None:
    """The unit of a declared list a column's head takes (see unit_list_cells);
    by_site: under a list with no unit of people, whether a site's head takes the sites'
    unit and any other the other (_site_or_other_unit)."""
    # a unit the head names at its end, before its count word or in its bracket (服务人次,
    # 救助人数, 救助金额（元）), not inside a word (the 人 of 残疾人之家)
    # (补助资金合计: the column of the total of 补助资金)
    head = next((head[:-len(w)] for w in lex.table_total_words if head.endswith(w) and len(head) > len(w)), head)
    named = [(head.rfind(unit), k) for k, (_, unit) in enumerate(units)
             if head.endswith(unit) or any(head.endswith(unit + w) for w in (*lex.table_figure_heads, "）", ")"))]
    if named:
        return units[max(named)[1]]
    money = [u for u in units if lex.units[u[1]].kind == "money"]
    rates = [u for u in units if lex.units[u[1]].kind == "rate"]  # （单位：个、%）: 完成率 takes %, 已建成 个
    others = [u for u in units if lex.units[u[1]].kind not in ("money", "rate")]
    if head.endswith(lex.table_money_heads):
        return money[0] if len(money) == 1 else None
    if head.endswith(lex.table_share_heads):
        return rates[0] if len(rates) == 1 else None
    if len(others) > 1:  # 人、人次: the unit of people for a head of people, the other for the rest
        people = [u for u in others if u[1] in lex.table_people_units]
        counted = head[:-1] if head.endswith(lex.table_figure_heads) else head
        things = [u for u in others if u not in people]
        if not people:
            return _site_or_other_unit(counted, others, lex) if by_site else None
        if counted.endswith(lex.table_people_heads):
            others = people
        elif (counted == head and not counted.endswith(lex.table_site_heads)
              and all(u[1] in lex.table_site_units for u in things)):
            others = people  # 托养服务 under （单位：个、人）: the people served, not the sites
        else:
            others = things
        if len(people) != 1:
            return None
    return others[0] if len(others) == 1 else None


def _site_or_other_unit(counted: str, units: list, lex: Lexicon) -> tuple[str | None, str] | None:
    """Under one unit of sites and one other (单位：个、人次): a site's head (助餐点, 日间照料中心)
    takes the sites' unit, any other head (累计助餐) the other; None under any other list."""
    sites = [u for u in units if u[1] in lex.table_site_units]
    rest = [u for u in units if u not in sites]
    if len(sites) != 1 or len(rest) != 1:
        return None
    return sites[0] if counted.endswith(lex.table_site_heads) else rest[0]


@lru_cache(maxsize=4)
def declaration_regex(unit_re: str) -> re.Pattern:
    # a unit declared for what follows (（单位：名）, 单位：万元): one unit only
    return re.compile(r"单位[：:][ \t]*(?P<mag>万|亿)?(?P<unit>" + unit_re + r")(?!" + _UNIT_SEPARATOR + ")")


_PAIRS_LINE = re.compile(r"(?:[\u4e00-\u9fff]{2,12}[ \t\u3000]*" + CELL_NUMBER + r"[ \t\u3000]*)+")


_BARE_CELL = re.compile(r"(?<![\d.])" + CELL_NUMBER + r"(?![\d.%])")
_CELL_LABEL = re.compile(r"[\u4e00-\u9fff]{2,12}$")


def declared_cells(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """Bare numbers on the line of a unit declaration, after it, each after its
    label (按户籍所在镇分（单位：名）：文林街道41怀仁街道36 …), and on the lines
    right below that hold nothing but such pairs: counted in that unit."""
    taken = {(n.start, n.end) for n in found}
    unit_after = re.compile(lex.unit_re)
    out = []
    for d in declaration_regex(lex.unit_re).finditer(text):
        pairs_end = line_end(text, d.end())
        # the pairs may run on over the next lines (a wrapped or flattened list)
        while pairs_end < len(text) and _PAIRS_LINE.fullmatch(text, pairs_end + 1, line_end(text, pairs_end + 1)):
            pairs_end = line_end(text, pairs_end + 1)
        unit = lex.units[d.group("unit")]
        for cell in _BARE_CELL.finditer(text, d.end(), pairs_end):
            label = _CELL_LABEL.search(text, d.end(), cell.start())
            if (cell.start(), cell.end()) in taken or label is None or unit_after.match(text, cell.end()):
                continue
            out += cell_figures(cell.start(), cell.end(), cell.group(), d.group("mag"), unit, trim_phrase(label.group(), lex))
        if not text[d.end():pairs_end].strip(" \t\u3000）)"):  # (a caption may close on it: …情况（单位：人）)
            out += _declared_rows(text, d, pairs_end, unit, lex, taken)
    return out


# a head line's last words wrapped onto a line of their own (目标任务数)
_WRAPPED_HEAD = re.compile(r"[\u4e00-\u9fff（）()]{2,12}")
# a row of a month (1月378.81 58.02 39.05): its cells follow the month
_MONTH_ROW = re.compile(r"\d{1,2}月份?[ \t\u3000]*(?P<cells>" + CELL_NUMBER + r"%?(?:[ \t\u3000]+" + CELL_NUMBER + r"%?)+)")


def _declared_rows(text: str, declaration: re.Match, pos: int, unit, lex: Lexicon, taken) -> list[NumberMention]:
    """A table under a line that only declares its unit (统计表|单位：人|县（区）
    年度目标任务 完成数 完成率|潞州区1500 1392 92.80%): each bare number of its rows,
    below the columns' head line, in that unit, counted as the table's title says;
    a total row is not counted again. A row may be a month's (1月378.81 58.02)."""
    declaration_line = text.rfind("\n", 0, declaration.start()) + 1
    # the caption the declaration closes (表1 …完成情况（单位：人）), else the line above
    title = text[declaration_line:declaration.start()].rstrip(" \t\u3000（(") or text[
        text.rfind("\n", 0, max(0, declaration_line - 1)) + 1:max(0, declaration_line - 1)]
    label = trim_phrase(_title_subject(title, lex), lex) if title else ""
    row, heads = pos + 1, []
    if row < len(text) and not _number_row(text, row, line_end(text, row)):
        heads = head_line_heads(text[row:line_end(text, row)], lex)  # the columns' head line
        row = line_end(text, row) + 1
        # a head wrapped onto a line of its own (… 中医药健康管理|目标任务数) goes on the last
        wrapped_end = line_end(text, row)
        if (heads and _WRAPPED_HEAD.fullmatch(text, row, wrapped_end) and wrapped_end < len(text)
                and _number_row(text, wrapped_end + 1, line_end(text, wrapped_end + 1))):
            heads[-1] += text[row:wrapped_end]
            row = wrapped_end + 1
    out = []
    head_regex = column_head_regex(lex.unit_re)
    while row < len(text) and ((by_month := _MONTH_ROW.fullmatch(text, row, end := line_end(text, row)))
                               or (numbered := _number_row(text, row, end))):
        if not text.startswith(lex.table_total_words, row):
            first = by_month.start("cells") if by_month else re.search(r"\d", text[numbered:end]).start() + numbered
            cells = list(_BARE_CELL.finditer(text, first, end))
            # one head a column, after the rows' own (月份 低保金 特困供养金): each cell its column's
            labels = heads[1:] if len(heads) == len(cells) + 1 else [label] * len(cells)
            for cell, cell_label in zip(cells, labels):
                if (cell.start(), cell.end()) in taken:
                    continue
                # a head that names its own unit keeps it (拨付率（%） under 单位：万元)
                own = head_regex.fullmatch(cell_label)
                out += (named_unit_figures(cell.start(), cell.end(), cell.group(), own, lex, own.group("label")) if own else
                        cell_figures(cell.start(), cell.end(), cell.group(), declaration.group("mag"), unit, cell_label))
        row = end + 1
    return out


def _number_row(text: str, start: int, end: int) -> int:
    """Where the row at text[start:end] starts after its 序号 cell (1云阳街道…31250 20625),
    if it is a row of a name and numbers; else 0."""
    index = ROW_NUMBER.match(text, start, end)
    first = index.end() if index and index.end() < end and not text[index.end()].isdigit() else start
    return first if RE_NUMBER_ROW.fullmatch(text, first, end) else 0


def _title_subject(title: str, lex: Lexicon) -> str:
    """What a table's title says its cells count: without the words that close it
    (情况统计表) and the period and scope that open it (2024年1—9月各县（区）)."""
    end = next((w for w in lex.table_title_ends if title.endswith(w)), "")
    return _title_scope_regex(lex.table_title_scope, lex.table_row_heads).sub("", title[:len(title) - len(end)])


@lru_cache(maxsize=4)
def _title_scope_regex(scope_words: tuple[str, ...], row_heads: tuple[str, ...]) -> re.Pattern:
    # the scope is a rows' head where one follows (各单位|老年人健康管理…), else a short word (各县（区）)
    # (a rows' head with a bracket after it is read with it: 各县（区）)
    return re.compile(r"^.*?(?:" + "|".join(map(re.escape, scope_words)) + r")(?:(?:"
                      + "|".join(map(re.escape, row_heads)) + r")(?:（[^）]*）)?|[\u4e00-\u9fff]{1,4}(?:（[^）]*）)?)")
