"""A reported figure and the words beside it, as running text and tables both
read them: the value (万/亿 multiplied out, Chinese numerals converted), the
unit counted without its magnitude, an indicator phrase trimmed to its words,
and the number forms of a table's cells."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

from kg.nlp.lexicon import Lexicon
from kg.text.lines import EMPTY_CELL


_MAGNITUDE = {"万": Decimal(10000), "亿": Decimal(100000000), "千": Decimal(1000), "百": Decimal(100)}
_YEAR_PREFIX = re.compile(r"^(?:(?:19|20)\d{2}年(?:度|底|末|年底|年末)?(?:\d{1,2}月份?)?(?:的)?|\d{1,2}月份?)")
_AGE = re.compile(r"\d+岁?[~～\-－至到]\d+岁|\d+周岁以上|\d+岁以上")


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    value: Decimal
    unit: str
    qualifier: str | None
    is_rate: bool
    indicator: str


ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# a table cell's number: the same forms, grouped digits (3,120) first
CELL_NUMBER = "(?:" + ARABIC + ")"


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


def trim_phrase(phrase: str, lex: Lexicon) -> str:
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


SIGN = "[+＋\\-－−]"  # a change's sign (同比 +1.8%)
CELL = re.compile("(?:" + SIGN + ")?" + CELL_NUMBER + r"%?")  # (a fall: 中山街道1207 -2.1 30.2)


def base_unit(value: Decimal, unit: str, magnitude_written: bool) -> tuple[Decimal, str]:
    """A unit with its magnitude in it (万人次, 万元) counts in the unit without
    it; the value is scaled unless the magnitude was already written before it."""
    if unit[0] in "万亿" and len(unit) > 1:
        return (value if magnitude_written else value * _MAGNITUDE[unit[0]]), unit[1:]
    return value, unit


def cell_figures(start: int, end: int, digits: str, magnitude: str | None, unit,
          indicator: str | None) -> list[NumberMention]:
    """A table cell's number in its column's or row's unit (万元 counted in 元);
    none where the digits do not parse."""
    value = parse_value(digits, magnitude)
    if value is None:
        return []
    value, unit_text = base_unit(value, unit.unit, magnitude is not None)
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return [NumberMention(start, end, value, unit_text, None, False, indicator or unit_text)]


def named_unit_figures(start: int, end: int, digits: str, named: re.Match, lex: Lexicon,
                       indicator: str | None) -> list[NumberMention]:
    """A cell's number in the unit a head's, row's or label's match names (its groups
    mag and unit: 资金（万元）, 签约人数（万人）)."""
    return cell_figures(start, end, digits, named.group("mag"), lex.units[named.group("unit")], indicator)


ROW_NUMBER = re.compile(r"[ \t\u3000]*\d{1,3}(?![\d.%])[ \t\u3000]*")  # a 序号 cell (1魏塘街道8 8 100%)
# a row's cells at its end: numbers, or a dash for an empty cell
TRAILING_CELLS = re.compile(r"(?:(?:" + CELL_NUMBER + r"%?|" + EMPTY_CELL + r"+)[ \t\u3000]*)+$")
CELL_TOKEN = re.compile(CELL_NUMBER + r"%?|" + EMPTY_CELL + "+")
