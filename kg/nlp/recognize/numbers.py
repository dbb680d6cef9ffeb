"""Reported numbers: value (万/亿 multiplied out, Chinese numerals converted),
unit, approximate qualifier, completion-rate flag, and the indicator phrase."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an

from kg.nlp.lexicon import Lexicon
from kg.text.lines import (EMPTY_CELL, RE_NUMBER_ROW, RE_NUMBERED_HEADING, TABLE_HEAD, line_end, lines_with_starts,
                           table_words)

_MAGNITUDE = {"万": Decimal(10000), "亿": Decimal(100000000), "千": Decimal(1000), "百": Decimal(100)}
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_BREAKS = "，。；：！？,;:!?、\n（）()"  # characters that end a clause
_UP_TO_LAST_BREAK = re.compile(f".*[{_BREAKS}]", re.S)
# a field's label right before its value: back to a clause break, brackets allowed (中标（成交）金额：)
_LABEL_CHARS = 16
_LABEL_BEFORE = re.compile(r"(?<![^，。；：！？,;:!?\n])(?P<label>[^，。；：！？,;:!?\n\d]{2,%d})[：:]$" % _LABEL_CHARS)
_CLAUSE_CHARS = 30  # an indicator phrase reaches back at most this far
_AFTER_CHARS = 16  # and forward at most this far
# forward up to a break or a lost character; 的/和/及/等 end it too, except first
_AFTER = re.compile(f"(?:[^{_BREAKS}\ufffd][^{_BREAKS}\ufffd的和及等]*)?")
_YEAR_PREFIX = re.compile(r"^(?:(?:19|20)\d{2}年(?:度|底|末|年底|年末)?(?:\d{1,2}月份?)?(?:的)?|\d{1,2}月份?)")
_AGE = re.compile(r"\d+岁?[~～\-－至到]\d+岁|\d+周岁以上|\d+岁以上")
_RATE_CONTEXT = re.compile(r"完成(?:了)?(?:年度|全年)?(?:目标)?(?:任务)?(?:的)?$|完成(?:目标)?率(?:为|达|达到)?$|任务完成率$")


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    value: Decimal
    unit: str
    qualifier: str | None
    is_rate: bool
    indicator: str


# a Chinese numeral of two characters or more, 万 and 亿 inside it (一万二千) and
# a decimal part after 点 (三点六万, 八十七点五)
_CN_DECIMALS = "点[零〇一二三四五六七八九]+"
# never the tail of a longer numeral (十一 of 第二十一次, whose 第 keeps it out)
_CN_NUMBER = "(?<![" + _CN_DIGITS + "])[" + _CN_DIGITS + "万亿]{2,}(?:" + _CN_DECIMALS + ")?|[" + _CN_DIGITS + "]" + _CN_DECIMALS
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# a table cell's number: the same forms, grouped digits (3,120) first
_CELL_NUMBER = "(?:" + _ARABIC + ")"
# one numeral before a unit of events, batches or sites (检查两轮, 举办八场, 新建三处): 一 is left out,
# it mostly means "a" (开展一次…)
# (or before 个, 家 or 名 where the clause ends on it: 建成“青翼家园”九个，, not 两个确保)
# (前十名, 前三个: a rank)
_CN_SINGLE = ("(?<![" + _CN_DIGITS + "])(?:[两二三四五六七八九](?=[场轮期支所趟批处])"
              "|(?<!前)[两二三四五六七八九十](?=[个家名][，。；、]))")


def _number_regex(lex: Lexicon) -> re.Pattern:
    return re.compile(
        r"(?<![\d.A-Za-z第\-－~～/])(?<![居列名入]前)"  # 居前10位: a rank, not 10 people
        r"(?:百分之(?P<percent>" + _CN_NUMBER + "|" + _ARABIC + "|[一二三四五六七八九十])"  # 百分之九十六点三: the unit comes first
        r"|(?P<num>" + _ARABIC + "|" + _CN_NUMBER + "|" + _CN_SINGLE + r")"
        # a form's amount with its unit in brackets: 中标金额：58.32（万元）
        r"(?P<open>(?<=\d)[（(](?=(?:万|亿)?(?:" + lex.unit_re + r")[）)]))?"
        r"(?P<mag>万|亿|千)?(?P<approx>余|多)?(?P<mag2>(?<=[余多])万|(?<=[余多])亿)?"  # 1.2万余人, 四百六十余万元
        r"(?P<unit>" + lex.unit_re + r")(?(open)[）)]))"
        r"(?P<after>以上|余|多)?"
    )


def parse_value(num: str, magnitude: str | None) -> Decimal | None:
    try:
        value = Decimal(num.replace(",", "")) if num[0].isdigit() else Decimal(str(cn2an.cn2an(num, "smart")))
    except (InvalidOperation, ValueError, KeyError):
        return None
    if magnitude:
        value *= _MAGNITUDE[magnitude]
    return value


def _trim_word(phrase: str, lex: Lexicon) -> tuple[int, int] | None:
    """The cut the first word of `lex.indicator_trim` (in its order) allows:
    (0, n) to drop it from the start, (1, n) from the end; a word that is both
    is cut at the start. No cut falls inside a word of `lex.indicator_whole_words`
    at that end (签约 keeps its 约)."""
    rank = lex.indicator_trim_rank
    best = None
    for n in lex.indicator_trim_lengths:
        if len(phrase) - n < 2:
            break
        for side, word in ((0, phrase[:n]), (1, phrase[-n:])):
            r = rank.get(word)
            if r is not None and (best is None or (r, side) < best[:2]) and not _cuts_into_word(phrase, side, n, lex):
                best = (r, side, n)
    return best[1:] if best else None


def _cuts_into_word(phrase: str, side: int, n: int, lex: Lexicon) -> bool:
    """Whether cutting n characters from that end splits a longer whole word there."""
    return any((phrase[:m] if side == 0 else phrase[-m:]) in lex.indicator_whole_words
               for m in lex.indicator_whole_lengths if n < m < len(phrase))


def _trim(phrase: str, lex: Lexicon) -> str:
    phrase = _AGE.sub("", phrase)
    changed = True
    while changed and phrase:
        changed = False
        y = _YEAR_PREFIX.match(phrase)
        if y and y.end() > 0:
            phrase, changed = phrase[y.end():], True
        cut = _trim_word(phrase, lex)  # longest first; restart after each cut
        if cut is not None:
            side, n = cut
            phrase, changed = (phrase[n:] if side == 0 else phrase[:-n]), True
    phrase = phrase.strip("“”\"的 ")
    if phrase.count("“") != phrase.count("”"):
        phrase = phrase.replace("“", "").replace("”", "")  # a quote cut in half by the clause edge
    return phrase


def _indicator(text: str, start: int, end: int, lex: Lexicon, names=(), garbled=(),
               longest: int | None = None) -> str:
    """`names`: sorted (start, end) spans, the longest `longest` characters long."""
    # back to the last clause break, at most _CLAUSE_CHARS characters
    lo = max(0, start - _CLAUSE_CHARS)
    last_break = _UP_TO_LAST_BREAK.match(text, lo, start)
    clause_start = last_break.end() if last_break else lo
    # never across a garbled run or a lost character (U+FFFD): it is not text
    clause_start = max([clause_start] + [e for s, e in garbled if e <= start])
    lost = text.rfind("\ufffd", clause_start, start)
    clause_start = max(clause_start, lost + 1)
    # organizations and places that open the clause are its subject or scope, not what was counted
    # (only names ending after the earliest clause start and starting before the number can matter)
    if longest is None:
        longest = max((e - s for s, e in names), default=0)
    near = names[bisect_left(names, (start - _CLAUSE_CHARS - longest,)):bisect_left(names, (start,))]
    for s, e in near:
        if s <= clause_start < e or (clause_start <= s < start and text[clause_start:s].strip("，、 ") == ""):
            clause_start = min(max(clause_start, e), start)
    before = _trim(text[clause_start:start], lex)
    name_texts = {text[s:e] for s, e in near if clause_start <= s < start}
    for name in sorted(name_texts, key=lambda w: (-len(w), w)):
        if before.startswith(name):  # 团市委计划新建… : the subject is not the indicator
            before = _trim(before[len(name):], lex)
            break
    # forward to a clause break, a lost character or a garbled run, at most _AFTER_CHARS
    stop = min([len(text), end + _AFTER_CHARS] + [s for s, e in garbled if s >= end])
    after_end = _AFTER.match(text, end, stop).end()
    after = _trim(text[end:after_end], lex)
    if not before and clause_start == start and (label := _LABEL_BEFORE.search(text, max(0, start - _LABEL_CHARS - 1), start)):
        before = _trim(label.group("label"), lex)  # a form's field: 中标（成交）金额：58.32万元
    if before in lex.indicator_trim_set:
        before = ""  # only a scope word (全市) is left: the thing counted comes after the number
    verb = lex.count_verb_re.match(before) if before else None
    if after and (not before or verb or len(before) < 2):
        return (before if verb else "") + after
    return before or after


def _breakdown_of(text: str, start: int, unit: str, earlier: list[NumberMention]) -> str:
    """A number with only a place before it is part of a breakdown (…26个，其中华龙区7个、
    濮阳县5个): it counts what the total before 其中 counts."""
    k = text.rfind("其中", max(0, start - 40), start)
    for n in reversed(earlier):
        if n.unit == unit and (n.end <= k if k >= 0 else start - n.end < 12):
            return n.indicator
        if n.end < start - 80:
            break
    return ""


_PRODUCT_SIGNS = "×*＊"


def _inside_name(start: int, end: int, names, name_starts, longest: int) -> bool:
    k = bisect_right(name_starts, start)
    while k and names[k - 1][0] >= start - longest:
        k -= 1
        if names[k][0] <= start and end <= names[k][1] and (names[k][0], names[k][1]) != (start, end):
            return True
    return False


def recognize_numbers(text: str, lex: Lexicon, number_re: re.Pattern | None = None, names=(),
                      garbled=()) -> list[NumberMention]:
    """`names`: (start, end) of organization and place mentions, kept out of
    indicators; `garbled`: spans no indicator may reach into."""
    number_re = number_re or _number_regex(lex)
    names = sorted(names)
    longest = max((e - s for s, e in names), default=0)
    name_starts = [s for s, _ in names]
    out = []
    for m in number_re.finditer(text):
        if _inside_name(m.start(), m.end(), names, name_starts, longest):
            continue  # 九所镇, 五道街社区: a place's or a body's name, not 9 schools
        if m.group("percent"):
            unit, num = lex.units["%"], m.group("percent")
        else:
            unit, num = lex.units[m.group("unit")], m.group("num")
            nxt = text[m.end("unit"):m.end("unit") + 1]
            if nxt and nxt in unit.not_after:
                continue
            if any(x.match(text, m.end("num")) for x in lex.number_exclusions):
                continue  # 下午4点: a time of day, not 4 sites
            if m.start() and text[m.start() - 1] in _PRODUCT_SIGNS:
                continue  # 7×24小时: a span of service, not 24 hours of it
            if m.start() and text[m.start() - 1] in unit.not_before:
                continue  # 9时30分: a time of day, not a score
        if not num[0].isdigit() and num in ("一一",):
            continue
        value = parse_value(num, m.group("mag") or m.group("mag2"))
        if value is None:
            continue
        qualifier = m.group("approx") or m.group("after")
        before = text[max(0, m.start() - 2):m.start()]
        for word, q in lex.number_prefixes.items():
            if q and before.endswith(word):
                qualifier = qualifier or q
        value, unit_text = _base_unit(value, unit.unit, bool(m.group("mag") or m.group("mag2")))
        prefix = text[max(0, m.start() - 14):m.start()]
        is_rate = unit.kind == "rate" and bool(_RATE_CONTEXT.search(prefix))
        indicator = _indicator(text, m.start(), m.end(), lex, names, garbled, longest)
        if not indicator:
            indicator = _breakdown_of(text, m.start(), unit.unit, out)
        if is_rate and "完成率" not in indicator:
            indicator = (indicator.replace("目标任务", "").replace("任务", "") or "年度目标任务") + "完成率"
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
        out.append(NumberMention(m.start(), m.end(), value, unit_text, qualifier, is_rate, indicator or unit_text))
    out += _yuan_sign_amounts(text, lex, out, names, garbled, longest)
    out += _bracketed_field_amounts(text, lex, out)
    cells = _table_cells(text, lex, out)
    column_cells, own_unit = _column_cells(text, lex, out + cells)
    if column_cells:  # a column's figure is read in the column's unit (3000本人患…: 3000 元, not 3000 本)
        in_columns = {n.start for n in column_cells}
        out = [n for n in out if n.start not in in_columns]
    if own_unit:  # a cell with its own unit: its column's head says what it counts; none in a total row
        out = [replace(n, indicator=own_unit.get(n.start) or n.indicator) for n in out
               if own_unit.get(n.start, "") is not None]
    cells += column_cells
    cells += _stacked_head_cells(text, lex, out + cells)
    cells += _unit_list_cells(text, lex, out + cells)
    cells += _unit_column_cells(text, lex, out + cells)
    cells += _last_column_cells(text, lex, out + cells)
    return sorted(out + cells + _declared_cells(text, lex, out + cells), key=lambda n: (n.start, n.end))


# an amount after the yuan sign (中标金额：…元整（¥1,863,500.00）), as a procurement notice writes it
_YUAN_SIGN_AMOUNT = re.compile(r"[¥￥][ \t]?(?P<num>" + _ARABIC + r")(?![\d.])")
_SPELLED_AMOUNT = re.compile(r"(?:人民币)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿圆元角分整]+[（(]$")


def _yuan_sign_amounts(text: str, lex: Lexicon, found: list[NumberMention], names, garbled, longest: int
                       ) -> list[NumberMention]:
    """Amounts written after ¥ or ￥, in 元; counted under the words before them, past
    the amount spelled in capitals that a bracketed one repeats."""
    taken = {n.start for n in found}
    out = []
    for m in _YUAN_SIGN_AMOUNT.finditer(text):
        if m.start("num") in taken:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        spelled = _SPELLED_AMOUNT.search(text, line_start, m.start())
        label_end = spelled.start() if spelled else m.start()
        indicator = _indicator(text, label_end, m.end(), lex, names, garbled, longest)
        out += _cell(m.start("num"), m.end("num"), m.group("num"), None, lex.units["元"], indicator)
    return out


@lru_cache(maxsize=4)
def _bracketed_field_regex(unit_re: str) -> re.Pattern:
    # a field whose label gives the unit in brackets before its value (投资（万元）：8650); found
    # by its bracket, the label read back from it (a search for labels from every
    # ideograph would try each start of every run of them)
    return re.compile(r"[（(](?P<mag>万|亿)?(?P<unit>" + unit_re + r")[）)][：:]"
                      r"[ \t\u3000]*(?P<num>" + _ARABIC + r")(?![\d.%])")


_FIELD_LABEL_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,12}$")


def _bracketed_field_amounts(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """A field's value in the unit its label brackets (投资（万元）：8650: 86500000 元)."""
    taken = {n.start for n in found}
    out = []
    for m in _bracketed_field_regex(lex.unit_re).finditer(text):
        label = _FIELD_LABEL_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if label and m.start("num") not in taken:
            out += _cell(m.start("num"), m.end("num"), m.group("num"), m.group("mag"), lex.units[m.group("unit")],
                         _trim(label.group(), lex) or label.group())
    return out


@lru_cache(maxsize=4)
def _table_row_regex(unit_re: str) -> re.Pattern:
    # a flattened table row: a label whose unit is in brackets, then bare numbers
    # (65岁及以上老年人健康体检人数（万人）28 30.2 107.9%); the match starts at the
    # bracket, a literal the scanner finds fast, and the label is read back from it
    return re.compile(r"[（(](?P<mag>万|亿)?(?P<unit>" + unit_re + r")[）)]"
                      r"[ \t]*(?P<cells>" + _CELL_NUMBER + r"(?:[ \t]+" + _CELL_NUMBER + r"%?)*)")


_ROW_LABEL_CHARS = 40
_SIGN = "[+＋\\-－−]"  # a change's sign (同比 +1.8%)
_CELL = re.compile("(?:" + _SIGN + ")?" + _CELL_NUMBER + r"%?")  # (a fall: 中山街道1207 -2.1 30.2)
_ROW_INDEX = re.compile(r"^\s*\d{1,2}\s*")


def _table_cells(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """The bare numbers of flattened table rows, counted in the unit the row's
    label gives (a percentage cell is read by the number pattern already)."""
    taken = {(n.start, n.end) for n in found}
    out = []
    for row in _table_row_regex(lex.unit_re).finditer(text):
        label = text[max(text.rfind("\n", 0, row.start()) + 1, row.start() - _ROW_LABEL_CHARS):row.start()]
        if len(label) < 2:
            continue
        unit = lex.units[row.group("unit")]
        indicator = _trim(_ROW_INDEX.sub("", label), lex) or unit.unit
        for cell in _CELL.finditer(text, row.start("cells"), row.end("cells")):
            if cell.group().endswith("%") or (cell.start(), cell.end()) in taken:
                continue
            out += _cell(cell.start(), cell.end(), cell.group(), row.group("mag"), unit, indicator)
    return out


_UNIT_COLUMN_CELL = re.compile(r"(?P<sign>" + _SIGN + r"?)(?P<num>" + _CELL_NUMBER + r")(?P<pct>%?)|" + EMPTY_CELL)


@lru_cache(maxsize=4)
def _unit_column_row_regex(unit_re: str) -> re.Pattern:
    # 持证残疾人总数人12486 +1.8%, 临时救助支出 万元583.6: the row's name, its unit (or a dash
    # for none: 一、最低生活保障——2186.42), then its cells; a row whose name is left blank
    # goes on with the row above it (人2105 312.87 under （一）城市低保户1382—)
    # (a bracket in the name may hold figures: 高龄津贴（80—89周岁） 人9826 147.39)
    return re.compile(r"[ \t\u3000]*(?P<name>[^\d\s](?:[（(][^）)\n]{1,12}[）)]|[^\d\s]|[ \t\u3000](?=[^\d\s])){1,40}?)?"
                      r"[ \t\u3000]*"
                      r"(?:(?P<mag>万|亿)?(?P<unit>" + unit_re + r")|" + EMPTY_CELL + r")"
                      r"(?P<cells>(?:[ \t\u3000]*(?:" + _SIGN + "?" + _CELL_NUMBER + r"%?|" + EMPTY_CELL + r"))+)(?![\d.%])")


def _unit_column_cells(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """A table whose rows name their unit in a column of its own (指标名称 单位 数值 同比;
    项目 单位 人数/户数 金额（万元）): each row's first figure counts in the unit before it,
    under the row's name (持证残疾人总数 人 12486: 12486 人), and a later figure in the unit
    its column's head gives in brackets (312.87 under 金额（万元）). A dash is an empty
    cell; a heading between rows (二、康复服务) goes on with the table; a line of figures
    that is no such row ends it, and a total row is passed over."""
    taken = {(n.start, n.end) for n in found}
    row_re = _unit_column_row_regex(lex.unit_re)
    out, heads, pos, name = [], None, 0, None
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        head = lex.unit_column_head_re.fullmatch(line)
        if head:
            # the value columns after the unit column: the first counts in each row's unit
            heads = [_column_head_regex(lex.unit_re).fullmatch(w) for w in line[head.start("values"):].split()]
            name = None
            continue
        row = row_re.match(line) if heads is not None else None
        if row is None:
            heads = heads if heads is not None and line.strip() and not RE_DIGITS.search(line) else None
            continue
        if row.group("name"):
            name = re.split(r"[：:]", row.group("name"))[-1].strip()  # 其中：视力残疾
            item = RE_NUMBERED_HEADING.match(name)  # （一）城市低保
            name = name[item.end():] if item and item.end() < len(name) else name
            name = _trim(name, lex) or name
        if name is None or name.startswith(lex.table_total_words):
            continue
        cells = list(_UNIT_COLUMN_CELL.finditer(line, row.start("cells"), row.end("cells")))
        for k, cell in enumerate(cells):
            begin, end = start + cell.start(), start + cell.end()
            if not cell.group("num") or cell.group("pct") or (begin, end) in taken:
                continue
            if k == 0 and row.group("unit"):
                read = _cell(begin, end, cell.group("num"), row.group("mag"), lex.units[row.group("unit")], name)
            elif k and k < len(heads) and heads[k] is not None:
                read = _cell(begin, end, cell.group("num"), heads[k].group("mag"), lex.units[heads[k].group("unit")],
                             name + heads[k].group("label"))
            else:
                continue
            # a fall keeps its sign (比上年末增长（%） -0.9)
            out += [replace(n, value=-n.value) for n in read] if cell.group("sign") not in ("", "+", "＋") else read
    return out


_LAST_FIGURE = re.compile(r"(?<=[^\d.\s%])[ \t\u3000]*(?P<num>" + _CELL_NUMBER + r")[ \t\u3000]*$")


def _last_column_cells(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """A 序号 table whose one column with a unit is its last (序号 项目名称 建设内容
    责任单位 投资（万元）), its rows' words holding figures of their own: the figure
    that ends each numbered row, in that column's unit (…市民政局4860: 4860 万元).
    Not in a list of persons, whose figures are each one's own."""
    taken = {(n.start, n.end) for n in found}
    out, column, pos = [], None, 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        heads = _column_heads(line, lex) if line.startswith(TABLE_HEAD) else None
        if heads is not None:
            columns = heads[0]
            units = [k for k, (head, _) in enumerate(columns) if head is not None]
            # (a list of persons, 序号 姓名 … 补贴标准（元/月）, gives each one's own amount: no figure to report)
            persons = any(c in line for c in lex.person_name_columns)
            column = columns[-1] if units == [len(columns) - 1] and not persons else None
            continue
        if column is None or line.startswith(lex.table_total_words):
            continue  # (a total row's figure repeats the rows')
        if not _ROW_NUMBER.match(line):
            column = None  # a line that opens on no row's number: the rows are over
            continue
        last = _LAST_FIGURE.search(line)
        if last and (start + last.start("num"), start + last.end("num")) not in taken:
            head, label = column
            out += _cell(start + last.start("num"), start + last.end("num"), last.group("num"), head.group("mag"),
                         lex.units[head.group("unit")], label)
    return out


def _base_unit(value: Decimal, unit: str, magnitude_written: bool) -> tuple[Decimal, str]:
    """A unit with its magnitude in it (万人次, 万元) counts in the unit without
    it; the value is scaled unless the magnitude was already written before it."""
    if unit[0] in "万亿" and len(unit) > 1:
        return (value if magnitude_written else value * _MAGNITUDE[unit[0]]), unit[1:]
    return value, unit


def _cell(start: int, end: int, digits: str, magnitude: str | None, unit,
          indicator: str | None) -> list[NumberMention]:
    """A table cell's number in its column's or row's unit (万元 counted in 元);
    none where the digits do not parse."""
    value = parse_value(digits, magnitude)
    if value is None:
        return []
    value, unit_text = _base_unit(value, unit.unit, magnitude is not None)
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return [NumberMention(start, end, value, unit_text, None, False, indicator or unit_text)]


# a cell may carry its own unit (完成率 111.5%): the number recognizer reads it
# a row's name may hold a column of words too (双塔街道 江山市康颐居家养老服务有限公司18 286 420)
# (and a last column of remarks, 备注, may close it: …9 412 36老城区困难家庭集中)
# (a bracket in it may hold figures: 其他乡镇中心幼儿园（6所） 71 3.55)
_ROW_NAME = r"(?P<name>[^\d\s](?:[（(][^）)\n]{1,12}[）)]|[^\d\s]|[ \t\u3000](?=[^\d\s])){1,40}?)[ \t\u3000]*"
_ROW = re.compile(_ROW_NAME + r"(?P<cells>" + _CELL_NUMBER + r"%?(?:[ \t\u3000]+(?:" + _SIGN + ")?" + _CELL_NUMBER + r"%?)+)"
                  r"[ \t\u3000]*(?P<remark>[^\d\s%.].*)?$")
_RULE_LINE = re.compile(r"[ \t\u3000|｜:：\-－—]*-[ \t\u3000|｜:：\-－—]*")
# …a row of a table with one column of figures: its name, the figure, maybe a remark
# (1张玉芬 钢都街道新华社区3000本人患乳腺癌住院治疗)
_ONE_CELL_ROW = re.compile(_ROW_NAME + r"(?P<cells>" + _CELL_NUMBER + r")(?![\d.%])[ \t\u3000]*(?P<remark>[^\d\s%.].*)?$")
_ROW_NUMBER = re.compile(r"[ \t\u3000]*\d{1,3}(?![\d.%])[ \t\u3000]*")  # a 序号 cell (1魏塘街道8 8 100%)
# heads after the last head with a unit that name none (… 目标任务（人） 完成率):
# their cells carry their own unit
# (normalization may have joined the first to the bracket before it)
# (words of two ideographs or more, each alternative unambiguous: a nested repeat
# backtracked over every split of a long run, 15% of a build's time)
# (the first may open on a part's mark: 救助金额（元） 其中：住院 门诊)
_PLAIN_HEADS = re.compile(r"(?<=[）)])[ \t\u3000]*[\u4e00-\u9fff]{2,}(?:[：:][\u4e00-\u9fff]{2,})?"
                          r"(?:[ \t\u3000]+[\u4e00-\u9fff]{2,})*[ \t\u3000]*$")


@lru_cache(maxsize=4)
def _column_head_regex(unit_re: str) -> re.Pattern:
    # a column's head with its unit in brackets: 长者食堂（个）, 资金（万元）
    # (a label holds no bracket, so the greedy run stops at the first one)
    return re.compile(r"(?P<label>[^（()）\s]+)[（(](?P<mag>万|亿)?(?P<unit>" + unit_re + r")[）)]")


@lru_cache(maxsize=4)
def _head_line_regex(unit_re: str) -> re.Pattern:
    return re.compile(r"(?:" + _column_head_regex(unit_re).pattern + r")+")


_BRACKETED_FIRST = re.compile(r"[\u4e00-\u9fff]{1,4}[（(][\u4e00-\u9fff、，,]{1,6}[）)]")


def _column_heads(line: str, lex: Lexicon) -> tuple[list[tuple[re.Match | None, str]], bool] | None:
    """The columns of a table's head line when the line is nothing else (the
    first column's name, 街道, runs into the first head once spaces are gone):
    each column's head with a unit, or None for a unit-less head between or
    after them (完成率), with its label; and whether the rows open on a 序号
    number (序号 镇（街道） 年度目标（个） …)."""
    stripped = line.lstrip(" \t\u3000")
    indexed = stripped.startswith(TABLE_HEAD)
    if indexed:
        line = stripped[len(TABLE_HEAD):]
    plain = _PLAIN_HEADS.search(line)
    heads = _unit_heads(line[:plain.start()] if plain else line, lex)
    if not heads:
        words = _bare_heads(line, lex)
        return (words, indexed) if words else None
    columns: list[tuple[re.Match | None, str]] = []
    for k, h in enumerate(heads):
        if k:  # a unit-less head kept apart by a space (已建成（个） 完成率 累计…（万人次）)
            columns += [(None, w) for w in line[heads[k - 1].end():h.start()].split()]
        columns.append((h, _QUOTE_MARKS.sub("", h.group("label"))))
    label = columns[0][1]
    first = next((w for w in lex.table_row_heads if label.startswith(w) and len(label) > len(w)), "")
    columns[0] = (heads[0], label[len(first):])
    # a plain head after them counts in its count word's unit where it ends in one
    # (投资（万元） 受益人数: 人), else its cells carry their own (完成率, 县级妇联联系人);
    # a part's heads count in the unit of the head before them (其中：住院 门诊)
    words = plain.group().split() if plain else []
    if words and words[0].startswith(lex.table_part_heads):
        return _leading_columns(line[:heads[0].start()], lex) + columns + [
            (heads[-1], _part_name(w, columns[-1][1], lex)) for w in words], indexed
    return _leading_columns(line[:heads[0].start()], lex) + columns + [
        (_count_column(w, lex) if w.endswith(lex.table_count_words) else None) or (None, w)
        for w in words], indexed


def _bare_heads(line: str, lex: Lexicon) -> list[tuple[re.Match | None, str]] | None:
    """A head of words alone (诉求类别 件数 占比 办结率): after the rows' column,
    columns that count in a count word's unit (件数: 件) or whose cells carry their
    own (占比 35.2%); None unless every later word is one and one counts."""
    words = line.split()
    if len(words) < 3 or len(words) > 8:
        return None
    columns = []
    for word in words[1:]:
        column = _count_column(word, lex)
        if column is None or column[0] is None:
            if not word.endswith(lex.table_share_heads):
                return None
            column = (None, word)
        columns.append(column)
    return columns if any(head for head, _ in columns) else None


def _leading_columns(before: str, lex: Lexicon) -> list[tuple[re.Match, str]]:
    """Columns before the first head with a bracketed unit whose names end in a unit
    (县（区） 医疗救助人次 救助资金（万元） …: 医疗救助人次 counts 人次), after the rows' own
    column; none unless every such name ends in one."""
    words = before.split()
    if not words:
        return []
    bracketed = _BRACKETED_FIRST.match(words[0])
    row_head = bracketed.group(0) if bracketed else next(
        (w for w in lex.table_row_heads if words[0].startswith(w)), "")
    own_name = words[0] != row_head  # 单位名称: a row head with more to it still names the rows
    words = [w for w in [words[0][len(row_head):], *words[1:]] if w]
    if len(words) > 1 and own_name and _count_column(words[0], lex) is None:
        words = words[1:]  # 用人单位 岗位人数 补贴月数 补贴金额（元）: the rows' own column, then counts
    while len(words) > 1 and _count_column(words[0], lex) is None and _count_column(words[1], lex) is not None:
        words = words[1:]  # 项目 单位 人数 金额（万元）: another column of words (a unit's name), then counts
    columns = []
    for word in words:
        column = _count_column(word, lex)
        if column is None:
            return []
        columns.append(column)
    return columns


def _count_column(word: str, lex: Lexicon) -> tuple[re.Match | None, str] | None:
    """A column named without a bracket: one whose name ends in a unit (医疗救助人次)
    or a count word (岗位人数: 人), or in 数 (补贴月数: its figures kept apart, not
    read); None for any other name."""
    if word.endswith(lex.table_word_heads) or word in lex.person_name_columns:
        return None  # 单位, 责任单位, 工种, 借款人: a column of bodies, kinds or persons, though 位, 种 and 人 are units
    unit = next((u for u in _units_longest_first(lex) if word.endswith(u) and len(word) > len(u)), None)
    # (人数 alone, after the rows' column: 乡镇 人数 金额（万元）, counts 人)
    unit = unit or next((u for w, u in lex.table_count_heads.items() if word.endswith(w)), None)
    head = _column_head_regex(lex.unit_re).fullmatch(f"{word}（{unit}）") if unit else None
    if head is not None:
        return head, word
    return (None, word) if word.endswith(lex.table_figure_heads) and len(word) > 2 else None


@lru_cache(maxsize=1)
def _units_longest_first(lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted((u for u in lex.units if not u[0].isascii()), key=len, reverse=True))


_HEAD_LINES_MAX = 8  # a head wrapped over more lines is no head


def _wrapped_heads(lines: list[str], lex: Lexicon) -> tuple[list, bool] | None:
    """A table's head wrapped over the lines right above its first row (街道 帮扶就业困难|
    人员就业（人）|职业技能培训|（人次）|…): the most of the last lines that read,
    joined, as a head line (a line with a number, prose or a caption, ends them;
    a line opening on 序号 is the first)."""
    k = 0
    while k < len(lines) and not RE_DIGITS.search(lines[-1 - k]):
        k += 1
        if lines[-k].lstrip().startswith(TABLE_HEAD):
            break  # 序号 opens the head: the caption above it is none of it
    for n in range(k, 1, -1):
        if found := _column_heads("".join(lines[-n:]), lex):
            return found
    return None


RE_DIGITS = re.compile(r"\d")


def _unit_heads(line: str, lex: Lexicon) -> list[re.Match] | None:
    # Anchored once over the whole line first: searching every start of a long
    # line that holds no head would be quadratic.
    squeezed = re.sub(r"[ \t\u3000]", "", line)
    # a first column named with a bracket of its own: 县（区）, 县（市、区）
    bracketed = _BRACKETED_FIRST.match(squeezed)
    if bracketed and _column_head_regex(lex.unit_re).fullmatch(bracketed.group(0)):
        bracketed = None  # 资金（万元）: a column's head itself
    if not _head_line_regex(lex.unit_re).fullmatch(squeezed, bracketed.end() if bracketed else 0):
        return _heads_after_word_columns(line, lex)
    heads = list(_column_head_regex(lex.unit_re).finditer(line))  # 县（区）: 区 is no unit
    if len(heads) == 1 and line.split()[0] in lex.table_row_heads and len(line.split()) == 2:
        return heads  # 镇街 低保户数（户）: the rows' column, set apart, and one column of figures
    if len(heads) < 2:  # 用人单位 岗位人数 补贴月数 补贴金额（元）: one head after words set apart
        return _heads_after_word_columns(line, lex)
    # the first column's name stands apart where a space was kept (街道 长者食堂（个）…)
    first = squeezed[:len(squeezed) - len(re.sub(r"[ \t\u3000]", "", line[heads[0].start():]))]
    if first and line.split()[0] != first and not (bracketed and first == bracketed.group(0)):
        return _heads_after_word_columns(line, lex)  # 服务机构名称 所在街道 床位数（张）…: several columns of words
    return heads


# two or more columns of words before a table's heads with units (单位名称 所在乡镇（街道） 安置人数（名） …),
# the last one's bracket maybe run into the first head once spaces are gone
# (one ideograph before a bracket is a column too: 村（社区）)
_WORD_COLUMN = r"(?:[\u4e00-\u9fff]{1,8}[（(](?!(?:万|亿)?(?:%s)[）)])[\u4e00-\u9fff、]{1,6}[）)]|[\u4e00-\u9fff]{2,8})"
_COLUMN_GAP = r"(?:[ \t\u3000]+|(?<=[）)]))"  # a space, or none after a bracket


@lru_cache(maxsize=4)
def _word_columns_regex(unit_re: str) -> re.Pattern:
    # anchored at the line's start and ending where a head with a unit begins: a search
    # for heads over every start of a line that holds none would be quadratic
    # (a column's bracket may run into the next column once spaces are gone: 所在村（社区）救助金额（元）)
    # (and a column whose bracket holds a unit is a head with a unit, no column of words)
    word = _WORD_COLUMN % unit_re
    return re.compile(r"[ \t\u3000]*%s(?:%s%s){1,3}%s(?=%s)"
                      % (word, _COLUMN_GAP, word, _COLUMN_GAP, _column_head_regex(unit_re).pattern))


def _heads_after_word_columns(line: str, lex: Lexicon) -> list[re.Match] | None:
    """The heads with units of a line that opens on columns of words (the rows'
    name and place, 单位名称 所在乡镇（街道）), whose cells the rows' names hold."""
    columns = _word_columns_regex(lex.unit_re).match(line)
    if columns is None or not _head_line_regex(lex.unit_re).fullmatch(re.sub(r"[ \t\u3000]", "", line[columns.end():])):
        return None
    return list(_column_head_regex(lex.unit_re).finditer(line, columns.end()))


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
        if columns and line.lstrip(" \t\u3000").startswith(table_words("after_rows")):
            columns = None  # 注：服务人数为截至2024年…: a note under the rows ends them
            continue
        found_heads = _column_heads(line, lex)
        if found_heads and listed and _unit_heads(line, lex) is None:
            recent, listed = [], False  # words alone under a declared list of units (单位：名、名、人次): the list's table
            continue
        if found_heads and declared is not None:
            found_heads = (_declared_count_columns(found_heads[0], declared, lex), found_heads[1])
        listed = "单位" in line and _declared_units(line, _unit_list_regex(lex.unit_re)) is not None
        declared = _declaration_regex(lex.unit_re).search(line) if "单位" in line else None
        if found_heads:
            columns, indexed = found_heads
            # 临时救助年度 | 任务（人次） 已实施（人次） 完成率: the last line reads as a head
            # by itself; the first row's cells tell which head is the table's
            wider = _wrapped_heads(recent + [line], lex) if recent else None
            recent = []
            continue
        row_like = _row_like(line)
        if columns is None and row_like:
            columns, indexed = _wrapped_heads(recent, lex) or (None, False)
        if wider is not None and row_like:
            if _cell_count(line, wider) == len(wider[0]) and _cell_count(line, (columns, indexed)) != len(columns):
                columns, indexed = wider
            wider = None
        recent = [] if row_like else (recent + [line])[-_HEAD_LINES_MAX:]
        index = _ROW_NUMBER.match(line) if columns and indexed else None
        row = _row(line, index.end() if index else 0, columns) if columns else None
        cells = list(_CELL.finditer(line, row.start("cells"), row.end("cells"))) if row else []
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
            if not _DIGIT.search(cell.group()):
                continue  # a dash for an empty cell (a sign before digits is a fall's: -2.1)
            begin, end = start + cell.start(), start + cell.end()
            if cell.group().endswith("%"):
                own_unit[begin] = None if total else label
            if total or head is None or cell.group().endswith("%") or (begin, end) in taken:
                continue
            sign = _SIGN_ALONE.match(cell.group())
            read = _cell(begin, end, cell.group()[1:] if sign else cell.group(), head.group("mag"),
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
    # (a part column shares the head match of the column before the parts: _column_heads)
    whole = next((k for k in range(len(heads) - 1) if heads[k] is not None and heads[k] is heads[k + 1]), None)
    if whole is None or len(cells) != len(columns):
        return columns
    values = [parse_value(c.group(), None) if _DIGIT.match(c.group()) else None for c in cells]
    parts = [k for k in range(whole + 1, len(heads)) if heads[k] is heads[whole]]
    if any(values[k] is None for k in parts + [whole]):
        return columns
    total = sum(values[k] for k in parts)
    if total == values[whole]:
        return columns
    other = next((k for k in range(whole) if heads[k] is not None and values[k] == total), None)
    if other is None:
        return columns
    whole_name, other_name = _HEAD_BRACKET.sub("", columns[whole][1]), _HEAD_BRACKET.sub("", columns[other][1])
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
        out.append((_column_head_regex(lex.unit_re).fullmatch(f"{label}（{mag}{unit}）"), label) if counted
                   else (head, label))
    return out


def _dashed_cells(line: str, pos: int, columns: int) -> tuple[list[re.Match], str]:
    """A row's last cells where a dash stands for an empty one (…有限公司—23.46 under
    人数 金额（万元）): one per column, at least one a number and one a dash, after
    the row's name; none if the line ends otherwise."""
    trailing = _TRAILING_CELLS.search(line, pos)
    if trailing is None:
        return [], ""
    tokens = list(_CELL_TOKEN.finditer(line, trailing.start()))[-columns:]
    name = line[pos:tokens[0].start()].strip(" \t\u3000") if tokens else ""
    kinds = {_EMPTY.match(t.group()) is not None for t in tokens}
    if len(tokens) != columns or kinds != {True, False} or not _ROW_NAME_WORD.match(name) \
            or any(_SIGN_ALONE.fullmatch(t.group()) and line[t.end():t.end() + 1].isdigit() for t in tokens):
        return [], ""  # (-0.9: a fall, no empty cell; a dash — is never a sign)
    return tokens, name


_EMPTY = re.compile(EMPTY_CELL)
_SIGN_ALONE = re.compile(_SIGN)
_DIGIT = re.compile(r"\d")
_ROW_NAME_WORD = re.compile(r"[^\d\s]")


def _row_like(line: str) -> bool:
    """Whether a line reads as a table's row: a name and its cells, maybe after a
    row number (1武安镇 郝志刚（…）42 52360, under a head wrapped one column a line)."""
    index = _ROW_NUMBER.match(line)
    return _ROW.match(line) is not None or (index is not None and _ROW.match(line, index.end()) is not None)


def _row(line: str, pos: int, columns: list) -> re.Match | None:
    """A row under the columns: a name and its cells (one, where one column counts)."""
    if sum(head is not None for head, _ in columns) == 1:
        return _ONE_CELL_ROW.match(line, pos) or _ROW.match(line, pos)
    return _ROW.match(line, pos)


def _cell_count(line: str, head: tuple[list, bool]) -> int:
    """How many number cells a row has under a head (after its row number, if indexed)."""
    index = _ROW_NUMBER.match(line) if head[1] else None
    row = _row(line, index.end() if index else 0, head[0])
    return len(_CELL.findall(line, row.start("cells"), row.end("cells"))) if row else -1


@lru_cache(maxsize=4)
def _unit_line_regex(unit_re: str) -> re.Pattern:
    # the second line of a two-line head: what each column counts, in brackets,
    # some after the rest of a column's name (建设情况（个）（个）（人次）完成率（%）)
    return re.compile(r"(?:[\u4e00-\u9fff]{0,8}[（(](?:万|亿)?(?:" + unit_re + r")[）)][ \t\u3000]*"
                      r"|[\u4e00-\u9fff]{2,8}[ \t\u3000]*)+")


_UNIT_ITEM = re.compile(r"(?P<label>[\u4e00-\u9fff]{0,8})(?:[（(](?P<mag>万|亿)?(?P<unit>[^）)]+)[）)])?[ \t\u3000]*")
_HEAD_WORDS = re.compile(r"[\u4e00-\u9fff（）()、]+(?:[ \t\u3000]+[\u4e00-\u9fff（）()、]+)+")
# a row's cells at its end: numbers, or a dash for an empty cell
_TRAILING_CELLS = re.compile(r"(?:(?:" + _CELL_NUMBER + r"%?|" + EMPTY_CELL + r"+)[ \t\u3000]*)+$")
_CELL_TOKEN = re.compile(_CELL_NUMBER + r"%?|" + EMPTY_CELL + "+")


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
            cells = _TRAILING_CELLS.search(lines[row])
            if not cells or cells.start() == 0:
                break  # a line that is no row ends the table
            if lines[row].lstrip().startswith(lex.table_total_words):
                continue
            tokens = list(_CELL_TOKEN.finditer(lines[row], cells.start()))[-len(columns):]
            for token, (label, head) in zip(tokens, columns[len(columns) - len(tokens):]):
                begin, end = starts[row] + token.start(), starts[row] + token.end()
                if token.group()[0].isdigit() and (begin, end) not in taken and not token.group().endswith("%"):
                    out += _cell(begin, end, token.group(), head.group("mag"), lex.units[head.group("unit")], label)
    return out


@lru_cache(maxsize=4)
def _unit_list_regex(unit_re: str) -> re.Pattern:
    # a list of units declared over a table ((单位：人、家), 单位：个、万元): one per kind of column
    item = r"(?:万|亿)?(?:" + unit_re + r")"
    return re.compile(r"[（(]?单位[：:][ \t]*(?P<units>" + item + r"(?:[、，,/]" + item + r")+)[）)]?")


def _declared_units(line: str, unit_list: re.Pattern) -> re.Match | None:
    """The list of units a line declares on its own or at the end of its caption
    (…实施情况如下（单位：人次、万元）：)."""
    line = line.strip().rstrip("：:")
    if (whole := unit_list.fullmatch(line)) is not None:
        return whole
    at_end = unit_list.search(line)
    return at_end if at_end is not None and at_end.end() == len(line) and line[at_end.start()] in "（(" else None


_QUOTE_MARKS = re.compile("[“”‘’\"]")
_UNIT_ITEM_PARTS = re.compile(r"(?P<mag>万|亿)?(?P<unit>.+)")


def _unit_list_cells(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """A table under a line that declares a list of units (（单位：人、家）|地区 适配人数
    “残疾人之家”数 服务残疾人数|张家港市 1125 41 902): each column takes the unit its
    head names last (“残疾人之家”数: 家, not the 人 of 残疾人), a money column (补助金额)
    the list's unit of money, any other the list's one other unit; the cells at the end
    of each row fill the columns from the right; a total row is not counted again."""
    taken = {(n.start, n.end) for n in found}
    lines, starts = lines_with_starts(text)
    out = []
    for i, line in enumerate(lines[:-2]):
        declared = _declared_units(line, _unit_list_regex(lex.unit_re))
        if declared is None:
            continue
        units = []
        for item in re.split("[、，,/]", declared.group("units")):
            parts = _UNIT_ITEM_PARTS.fullmatch(item)
            mag, unit = (parts.group("mag"), parts.group("unit")) if parts.group("unit") in lex.units else (None, item)
            units.append((mag, unit))
        heads = _head_line_heads(lines[i + 1], lex)
        if len(heads) < 2 or any(ch.isdigit() for ch in lines[i + 1]):
            continue
        columns = _part_columns([(norm_head, _column_unit(norm_head, units, lex))
                                 for norm_head in (_QUOTE_MARKS.sub("", h) for h in heads[1:])], units, lex)
        first_row = i + 2
        if (grouped := _grouped_columns(heads[1:], lines[i + 2], units, lex)) is not None:
            columns, first_row = grouped, i + 3
        if any(unit is None for _, unit in columns):
            continue  # a column no unit of the list fits: the table is not understood
        for row in range(first_row, len(lines)):
            cells = _TRAILING_CELLS.search(lines[row])
            if not cells or cells.start() == 0:
                break  # a line that is no row ends the table
            if _ROW_NUMBER.sub("", lines[row], count=1).lstrip().startswith(lex.table_total_words):
                continue
            tokens = list(_CELL_TOKEN.finditer(lines[row], cells.start()))[-len(columns):]
            for token, (label, (mag, unit)) in zip(tokens, columns[len(columns) - len(tokens):]):
                begin, end = starts[row] + token.start(), starts[row] + token.end()
                if token.group()[0].isdigit() and (begin, end) not in taken and not token.group().endswith("%"):
                    out += _cell(begin, end, token.group(), mag, lex.units[unit], label)
    return out


_PART_MARK = re.compile(r"[：:、]")
_HEAD_BRACKET = re.compile(r"[（(][^）)]*[）)]$")


def _part_columns(columns: list, units: list, lex: Lexicon) -> list:
    """Columns under a declared list of units: where the list repeats a unit
    (（单位：名、名、人次）), each column takes the list's unit in its place; the columns
    of a part (救助金额（元） 其中：住院 门诊) take the unit of the column they are
    part of and its name after their own (住院救助金额)."""
    if len(units) == len(columns) and len(set(units)) < len(units):
        columns = [(label, unit) for (label, _), unit in zip(columns, units)]
    part = next((k for k, (label, _) in enumerate(columns) if k and label.startswith(lex.table_part_heads)), None)
    if part is None:
        return columns
    whole_label, whole_unit = columns[part - 1]
    named = {unit for _, unit in units}
    # (a part that names its own unit keeps it: 其中：新增人数（人）)
    return columns[:part] + [(label, unit) if any(u in label for u in named)
                             else (_part_name(label, whole_label, lex), whole_unit) for label, unit in columns[part:]]


def _part_name(head: str, whole: str, lex: Lexicon) -> str:
    """A part column's name: its own word, without the part's mark (其中：), before
    the name of the column it is part of, without its bracket (住院救助金额)."""
    own = _PART_MARK.split(head)[-1]
    own = next((own[len(w):] for w in lex.table_part_heads if own.startswith(w) and len(own) > len(w)), own)
    return own + _HEAD_BRACKET.sub("", whole)


def _head_line_heads(line: str, lex: Lexicon) -> list[str]:
    """A table's head line as its columns' heads, the rows' own first, without a
    序号 column; a rows' head that the next head ran into once spaces were gone
    (镇（街道）新建点数) is split off it."""
    heads = line.split()
    if heads and heads[0].startswith(TABLE_HEAD):
        heads[0] = heads[0][len(TABLE_HEAD):]
    heads = [h for h in heads if h]
    row_head = next((h for h in lex.table_row_heads if heads and heads[0].startswith(h)), None)
    if row_head and len(heads[0]) > len(row_head):
        heads[:1] = [row_head, heads[0][len(row_head):]]
    elif (heads and (glued := _HEAD_BEFORE_DIGIT.match(heads[0]))  # 责任单位65岁及以上老年人口数
          and glued.group(1).endswith(lex.table_row_heads)):
        heads[:1] = [glued.group(1), heads[0][glued.end(1):]]
    return heads


def _grouped_columns(groups: list[str], line: str, units, lex: Lexicon) -> list | None:
    """A head of two lines (困难残疾人生活补贴 重度残疾人护理补贴 | 享受人数 发放金额 享受人数
    发放金额): each group's share of the second line's heads are its columns, named by
    both and counted in the unit the lower head takes."""
    subheads = [_QUOTE_MARKS.sub("", h) for h in line.split()]
    if (not groups or len(subheads) <= len(groups) or len(subheads) % len(groups)
            or any(ch.isdigit() for ch in line)):
        return None
    share = len(subheads) // len(groups)
    return [(_QUOTE_MARKS.sub("", group) + sub, _column_unit(sub, units, lex))
            for k, group in enumerate(groups) for sub in subheads[k * share:(k + 1) * share]]


def _column_unit(head: str, units: list[tuple[str | None, str]], lex: Lexicon) -> tuple[str | None, str] | None:
    """The unit of a declared list a column's head takes (see _unit_list_cells)."""
    named = [(head.rfind(unit), k) for k, (_, unit) in enumerate(units) if unit in head]
    if named:
        return units[max(named)[1]]
    money = [u for u in units if lex.units[u[1]].kind == "money"]
    rates = [u for u in units if lex.units[u[1]].kind == "rate"]  # （单位：个、%）: 完成率 takes %, 已建成 个
    others = [u for u in units if lex.units[u[1]].kind not in ("money", "rate")]
    if head.endswith(lex.table_money_heads):
        return money[0] if len(money) == 1 else None
    if head.endswith(lex.table_share_heads):
        return rates[0] if len(rates) == 1 else None
    return others[0] if len(others) == 1 else None


@lru_cache(maxsize=4)
def _declaration_regex(unit_re: str) -> re.Pattern:
    # a unit declared for what follows (（单位：名）, 单位：万元): one unit only
    return re.compile(r"单位[：:][ \t]*(?P<mag>万|亿)?(?P<unit>" + unit_re + r")(?![、，,/])")


_PAIRS_LINE = re.compile(r"(?:[\u4e00-\u9fff]{2,12}[ \t\u3000]*" + _CELL_NUMBER + r"[ \t\u3000]*)+")


_BARE_CELL = re.compile(r"(?<![\d.])" + _CELL_NUMBER + r"(?![\d.%])")
_CELL_LABEL = re.compile(r"[\u4e00-\u9fff]{2,12}$")


def _declared_cells(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """Bare numbers on the line of a unit declaration, after it, each after its
    label (按户籍所在镇分（单位：名）：文林街道41怀仁街道36 …), and on the lines
    right below that hold nothing but such pairs: counted in that unit."""
    taken = {(n.start, n.end) for n in found}
    unit_after = re.compile(lex.unit_re)
    out = []
    for d in _declaration_regex(lex.unit_re).finditer(text):
        pairs_end = line_end(text, d.end())
        # the pairs may run on over the next lines (a wrapped or flattened list)
        while pairs_end < len(text) and _PAIRS_LINE.fullmatch(text, pairs_end + 1, line_end(text, pairs_end + 1)):
            pairs_end = line_end(text, pairs_end + 1)
        unit = lex.units[d.group("unit")]
        for cell in _BARE_CELL.finditer(text, d.end(), pairs_end):
            label = _CELL_LABEL.search(text, d.end(), cell.start())
            if (cell.start(), cell.end()) in taken or label is None or unit_after.match(text, cell.end()):
                continue
            out += _cell(cell.start(), cell.end(), cell.group(), d.group("mag"), unit, _trim(label.group(), lex))
        if not text[d.end():pairs_end].strip(" \t\u3000）)"):  # (a caption may close on it: …情况（单位：人）)
            out += _declared_rows(text, d, pairs_end, unit, lex, taken)
    return out


# a rows' head run into a next head that opens on a digit (责任单位|65岁及以上…)
_HEAD_BEFORE_DIGIT = re.compile(r"([\u4e00-\u9fff（）()]{2,})(?=\d)")
# a head line's last words wrapped onto a line of their own (目标任务数)
_WRAPPED_HEAD = re.compile(r"[\u4e00-\u9fff（）()]{2,12}")
# a row of a month (1月378.81 58.02 39.05): its cells follow the month
_MONTH_ROW = re.compile(r"\d{1,2}月份?[ \t\u3000]*(?P<cells>" + _CELL_NUMBER + r"%?(?:[ \t\u3000]+" + _CELL_NUMBER + r"%?)+)")


def _declared_rows(text: str, declaration: re.Match, pos: int, unit, lex: Lexicon, taken) -> list[NumberMention]:
    """A table under a line that only declares its unit (统计表|单位：人|县（区）
    年度目标任务 完成数 完成率|潞州区1500 1392 92.80%): each bare number of its rows,
    below the columns' head line, in that unit, counted as the table's title says;
    a total row is not counted again. A row may be a month's (1月378.81 58.02)."""
    declaration_line = text.rfind("\n", 0, declaration.start()) + 1
    # the caption the declaration closes (表1 …完成情况（单位：人）), else the line above
    title = text[declaration_line:declaration.start()].rstrip(" \t\u3000（(") or text[
        text.rfind("\n", 0, max(0, declaration_line - 1)) + 1:max(0, declaration_line - 1)]
    label = _trim(_title_subject(title, lex), lex) if title else ""
    row, heads = pos + 1, []
    if row < len(text) and not _number_row(text, row, line_end(text, row)):
        heads = _head_line_heads(text[row:line_end(text, row)], lex)  # the columns' head line
        row = line_end(text, row) + 1
        # a head wrapped onto a line of its own (… 中医药健康管理|目标任务数) goes on the last
        wrapped_end = line_end(text, row)
        if (heads and _WRAPPED_HEAD.fullmatch(text, row, wrapped_end) and wrapped_end < len(text)
                and _number_row(text, wrapped_end + 1, line_end(text, wrapped_end + 1))):
            heads[-1] += text[row:wrapped_end]
            row = wrapped_end + 1
    out = []
    while row < len(text) and ((by_month := _MONTH_ROW.fullmatch(text, row, end := line_end(text, row)))
                               or (numbered := _number_row(text, row, end))):
        if not text.startswith(lex.table_total_words, row):
            first = by_month.start("cells") if by_month else re.search(r"\d", text[numbered:end]).start() + numbered
            cells = list(_BARE_CELL.finditer(text, first, end))
            # one head a column, after the rows' own (月份 低保金 特困供养金): each cell its column's
            labels = heads[1:] if len(heads) == len(cells) + 1 else [label] * len(cells)
            for cell, cell_label in zip(cells, labels):
                if (cell.start(), cell.end()) not in taken:
                    out += _cell(cell.start(), cell.end(), cell.group(), declaration.group("mag"), unit, cell_label)
        row = end + 1
    return out


def _number_row(text: str, start: int, end: int) -> int:
    """Where the row at text[start:end] starts after its 序号 cell (1云阳街道…31250 20625),
    if it is a row of a name and numbers; else 0."""
    index = _ROW_NUMBER.match(text, start, end)
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
    return re.compile(r"^.*?(?:" + "|".join(map(re.escape, scope_words)) + r")(?:"
                      + "|".join(map(re.escape, row_heads)) + r"|[\u4e00-\u9fff]{1,4}(?:（[^）]*）)?)")
