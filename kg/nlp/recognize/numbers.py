"""Reported numbers: value (万/亿 multiplied out, Chinese numerals converted),
unit, approximate qualifier, completion-rate flag, and the indicator phrase."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from kg.nlp.lexicon import Lexicon
from kg.nlp.recognize.figures import (ARABIC, NumberMention, base_unit, cell_figures, named_unit_figures, parse_value,
                                      trim_phrase)
from kg.nlp.recognize.tables import table_figures


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
_RATE_CONTEXT = re.compile(r"完成(?:了)?(?:年度|全年)?(?:目标)?(?:任务)?(?:的)?$|完成(?:目标)?率(?:为|达|达到)?$|任务完成率$")


# a Chinese numeral of two characters or more, 万 and 亿 inside it (一万二千) and
# a decimal part after 点 (三点六万, 八十七点五)
_CN_DECIMALS = "点[零〇一二三四五六七八九]+"
# never the tail of a longer numeral (十一 of 第二十一次, whose 第 keeps it out)
_CN_NUMBER = "(?<![" + _CN_DIGITS + "])[" + _CN_DIGITS + "万亿]{2,}(?:" + _CN_DECIMALS + ")?|[" + _CN_DIGITS + "]" + _CN_DECIMALS
# one numeral before a unit of events, batches or sites (检查两轮, 举办八场, 新建三处): 一 is left out,
# it mostly means "a" (开展一次…)
# (or before 个, 家 or 名 where the clause ends on it: 建成“青翼家园”九个，, not 两个确保)
# (前十名, 前三个: a rank)
_CN_SINGLE = ("(?<![" + _CN_DIGITS + "])(?:[两二三四五六七八九](?=[场轮期支所趟批处])"
              "|(?<!前)[两二三四五六七八九十](?=[个家名][，。；、]))")


def _number_regex(lex: Lexicon) -> re.Pattern:
    return re.compile(
        r"(?<![\d.A-Za-z第\-－~～/])(?<![居列名入]前)"  # 居前10位: a rank, not 10 people
        r"(?:百分之(?P<percent>" + _CN_NUMBER + "|" + ARABIC + "|[一二三四五六七八九十])"  # 百分之九十六点三: the unit comes first
        r"|(?P<num>(?!0\d)(?:" + ARABIC + ")|" + _CN_NUMBER + "|" + _CN_SINGLE + r")"  # 00%: the tail of a broken 100%
        # a form's amount with its unit in brackets: 中标金额：58.32（万元）
        r"(?P<open>(?<=\d)[（(](?=(?:万|亿)?(?:" + lex.unit_re + r")[）)]))?"
        r"(?P<mag>万|亿|千)?(?P<approx>余|多)?(?P<mag2>(?<=[余多])万|(?<=[余多])亿)?"  # 1.2万余人, 四百六十余万元
        r"(?P<unit>" + lex.unit_re + r")(?(open)[）)]))"
        r"(?P<after>以上|余|多)?"
    )


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
    before = trim_phrase(text[clause_start:start], lex)
    name_texts = {text[s:e] for s, e in near if clause_start <= s < start}
    for name in sorted(name_texts, key=lambda w: (-len(w), w)):
        if before.startswith(name):  # 团市委计划新建… : the subject is not the indicator
            before = trim_phrase(before[len(name):], lex)
            break
    # forward to a clause break, a lost character or a garbled run, at most _AFTER_CHARS
    stop = min([len(text), end + _AFTER_CHARS] + [s for s, e in garbled if s >= end])
    after_end = _AFTER.match(text, end, stop).end()
    after = trim_phrase(text[end:after_end], lex)
    if not before and clause_start == start and (label := _LABEL_BEFORE.search(text, max(0, start - _LABEL_CHARS - 1), start)):
        before = trim_phrase(label.group("label"), lex)  # a form's field: 中标（成交）金额：58.32万元
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
    free_lines = [(x.start(), x.end()) for x in lex.number_free_line_re.finditer(text)]
    for m in number_re.finditer(text):
        if free_lines and any(s <= m.start() < e for s, e in free_lines):
            continue  # 抄送：市政协提案委（3份）: copies sent, not a figure of the work
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
            if unit.unit in lex.deadline_units and text[max(0, m.start() - 6):m.start()].endswith(lex.deadline_openers):
                continue  # 自本公告发布之日起1个工作日: a notice's time limit
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
        value, unit_text = base_unit(value, unit.unit, bool(m.group("mag") or m.group("mag2")))
        prefix = text[max(0, m.start() - 14):m.start()]
        is_rate = unit.kind == "rate" and bool(_RATE_CONTEXT.search(prefix))
        indicator = _indicator(text, m.start(), m.end(), lex, names, garbled, longest)
        if not indicator:
            indicator = _breakdown_of(text, m.start(), unit.unit, out)
        if is_rate and "完成率" not in indicator:
            indicator = (indicator.replace("目标任务", "").replace("任务", "") or "年度目标任务") + "完成率"
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
        out.append(NumberMention(m.start(), m.end(), value, unit_text, qualifier, is_rate, indicator or unit_text))
    out = _listed_units_completed(text, out)
    out += _yuan_sign_amounts(text, lex, out, names, garbled, longest)
    out += _bracketed_field_amounts(text, lex, out)
    out, cells = table_figures(text, lex, out, names)
    return sorted(out + cells, key=lambda n: (n.start, n.end))


def _listed_units_completed(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """Figures listed with 、 or 和 whose unit the last one's completes (分别提高0.4个、0.2个和
    0.7个百分点): each in the last one's unit."""
    out = list(found)
    for k in range(len(out) - 2, -1, -1):
        n, nxt = out[k], out[k + 1]
        if (text[n.end:nxt.start] in ("、", "和", "及") and nxt.unit != n.unit and nxt.unit.startswith(n.unit)
                and text.endswith(n.unit, n.start, n.end)):
            out[k] = replace(n, unit=nxt.unit)
    return out


# an amount after the yuan sign (中标金额：…元整（¥1,863,500.00）), as a procurement notice writes it
_YUAN_SIGN_AMOUNT = re.compile(r"[¥￥][ \t]?(?P<num>" + ARABIC + r")(?![\d.])")
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
        out += cell_figures(m.start("num"), m.end("num"), m.group("num"), None, lex.units["元"], indicator)
    return out


@lru_cache(maxsize=4)
def _bracketed_field_regex(unit_re: str) -> re.Pattern:
    # a field whose label gives the unit in brackets before its value (投资（万元）：8650); found
    # by its bracket, the label read back from it (a search for labels from every
    # ideograph would try each start of every run of them)
    return re.compile(r"[（(](?P<mag>万|亿)?(?P<unit>" + unit_re + r")[）)][：:]"
                      r"[ \t\u3000]*(?P<num>" + ARABIC + r")(?![\d.%])")


_FIELD_LABEL_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,12}$")


def _bracketed_field_amounts(text: str, lex: Lexicon, found: list[NumberMention]) -> list[NumberMention]:
    """A field's value in the unit its label brackets (投资（万元）：8650: 86500000 元)."""
    taken = {n.start for n in found}
    out = []
    for m in _bracketed_field_regex(lex.unit_re).finditer(text):
        label = _FIELD_LABEL_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if label and m.start("num") not in taken:
            out += named_unit_figures(m.start("num"), m.end("num"), m.group("num"), m, lex,
                                      trim_phrase(label.group(), lex) or label.group())
    return out
