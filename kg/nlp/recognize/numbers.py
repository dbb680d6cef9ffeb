"""Reported numbers: value (万/亿 multiplied out, Chinese numerals converted),
unit, approximate qualifier, completion-rate flag, and the indicator phrase."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

from kg.nlp.lexicon import Lexicon

_MAGNITUDE = {"万": Decimal(10000), "亿": Decimal(100000000), "千": Decimal(1000), "百": Decimal(100)}
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CLAUSE_BREAK = re.compile(r"[，。；：！？,;:!?、\n（）()]")
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


def _number_regex(lex: Lexicon) -> re.Pattern:
    return re.compile(
        r"(?<![\d.A-Za-z第\-－~～/])"
        r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[" + _CN_DIGITS + r"]{2,})"
        r"(?P<mag>万|亿|千)?(?P<approx>余|多)?"
        r"(?P<unit>" + lex.unit_re + r")"
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


def _trim(phrase: str, lex: Lexicon) -> str:
    phrase = _AGE.sub("", phrase)
    changed = True
    while changed and phrase:
        changed = False
        y = _YEAR_PREFIX.match(phrase)
        if y and y.end() > 0:
            phrase, changed = phrase[y.end():], True
        for w in lex.indicator_trim:  # longest first; restart after each cut
            if phrase.startswith(w) and len(phrase) - len(w) >= 2:
                phrase, changed = phrase[len(w):], True
                break
            if phrase.endswith(w) and len(phrase) - len(w) >= 2:
                phrase, changed = phrase[: -len(w)], True
                break
    phrase = phrase.strip("“”\"的 ")
    if phrase.count("“") != phrase.count("”"):
        phrase = phrase.replace("“", "").replace("”", "")  # a quote cut in half by the clause edge
    return phrase


def _indicator(text: str, start: int, end: int, lex: Lexicon, names=(), garbled=()) -> str:
    clause_start = start
    while clause_start > 0 and not _CLAUSE_BREAK.match(text[clause_start - 1]) and start - clause_start < 30:
        clause_start -= 1
    # never across a garbled run or a lost character (U+FFFD): it is not text
    clause_start = max([clause_start] + [e for s, e in garbled if e <= start])
    lost = text.rfind("\ufffd", clause_start, start)
    clause_start = max(clause_start, lost + 1)
    # organizations and places that open the clause are its subject or scope, not what was counted
    for s, e in names:
        if s <= clause_start < e or (clause_start <= s < start and text[clause_start:s].strip("，、 ") == ""):
            clause_start = min(max(clause_start, e), start)
    before = _trim(text[clause_start:start], lex)
    name_texts = {text[s:e] for s, e in names if clause_start <= s < start}
    for name in sorted(name_texts, key=len, reverse=True):
        if before.startswith(name):  # 团市委计划新建… : the subject is not the indicator
            before = _trim(before[len(name):], lex)
            break
    after_end = end
    stop = min([len(text)] + [s for s, e in garbled if s >= end])
    while after_end < stop and text[after_end] != "\ufffd" and not _CLAUSE_BREAK.match(text[after_end]) and after_end - end < 16:
        if text[after_end] in "的和及等" and after_end > end:
            break
        after_end += 1
    after = _trim(text[end:after_end], lex)
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


def recognize_numbers(text: str, lex: Lexicon, number_re: re.Pattern | None = None, names=(),
                      garbled=()) -> list[NumberMention]:
    """`names`: (start, end) of organization and place mentions, kept out of
    indicators; `garbled`: spans no indicator may reach into."""
    number_re = number_re or _number_regex(lex)
    names = sorted(names)
    out = []
    for m in number_re.finditer(text):
        unit = lex.units[m.group("unit")]
        nxt = text[m.end("unit"):m.end("unit") + 1]
        if nxt and nxt in unit.not_after:
            continue
        num = m.group("num")
        if not num[0].isdigit() and num in ("一一",):
            continue
        value = parse_value(num, m.group("mag"))
        if value is None:
            continue
        qualifier = m.group("approx") or m.group("after")
        before = text[max(0, m.start() - 2):m.start()]
        for word, q in lex.number_prefixes.items():
            if q and before.endswith(word):
                qualifier = qualifier or q
        unit_text = unit.unit
        if unit_text in ("万元", "亿元"):
            unit_text = "元"
        prefix = text[max(0, m.start() - 14):m.start()]
        is_rate = unit.kind == "rate" and bool(_RATE_CONTEXT.search(prefix))
        indicator = _indicator(text, m.start(), m.end(), lex, names, garbled)
        if not indicator:
            indicator = _breakdown_of(text, m.start(), unit.unit, out)
        if is_rate and "完成率" not in indicator:
            indicator = (indicator.replace("目标任务", "").replace("任务", "") or "年度目标任务") + "完成率"
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
        out.append(NumberMention(m.start(), m.end(), value, unit_text, qualifier, is_rate, indicator or unit_text))
    return out
