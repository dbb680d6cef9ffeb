"""Attach period, area and program to each reported number."""
from __future__ import annotations

import bisect
import re

from kg.types import Mention, ObservationFact

_YEAR = re.compile(r"((?:19|20)\d{2})(?:年)")
_RELATIVE_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1}
EACH_PLACE_RULE = "obs.each-place"
# 安海镇、东石镇、英林镇各2个: the number holds for each place of the list before 各
# (a verb or a hedge may stand between 各 and the number: 樟树市、高安市各建成12个, 各不少于5个)
_EACH_GAP = 8  # the most ideographs between 各 and the number
_EACH_BEFORE = re.compile("各[\u4e00-\u9fff]{0,%d}$" % _EACH_GAP)
_PLACE_LIST_SEP = ("、", "和", "及")


def _each_places(text: str, places: list[tuple[int, Mention]], place_starts: list[int], lo: int, at: int) -> list[int]:
    """The places listed right before 各 at `at` (among places[lo:]), in text order; else none."""
    out: list[int] = []
    pos = at
    for i, m in reversed(places[lo:bisect.bisect_left(place_starts, at)]):
        if m.end != pos:
            break
        out.append(i)
        pos = m.start - 1
        if text[pos:pos + 1] not in _PLACE_LIST_SEP:
            break
    return out[::-1] if len(out) > 1 else []


def _years(text: str) -> tuple[list[int], list[str]]:
    pos, years = [], []
    for m in _YEAR.finditer(text):
        pos.append(m.start())
        years.append(m.group(1))
    return pos, years


def attach_observations(text: str, numbers, mentions: list[Mention], sentences, doc_year: str | None) -> list[ObservationFact]:
    year_pos, years = _years(text)
    places = sorted(((i, m) for i, m in enumerate(mentions) if m.type == "Location"), key=lambda x: x[1].start)
    place_starts = [m.start for _, m in places]
    programs = sorted(((i, m) for i, m in enumerate(mentions) if m.type == "Program"), key=lambda x: x[1].start)
    program_starts = [m.start for _, m in programs]
    orgs = sorted((m for m in mentions if m.type == "Organization"), key=lambda m: m.start)
    org_starts = [m.start for m in orgs]
    sent_starts = [s for s, _ in sentences]
    out = []
    for n in numbers:
        k = bisect.bisect_right(sent_starts, n.start) - 1
        s_start, s_end = sentences[k] if k >= 0 else (0, len(text))
        # period: the nearest year before the number (in the sentence, else the document)
        j = bisect.bisect_right(year_pos, n.start) - 1
        period = years[j] if j >= 0 else doc_year
        sentence_text = text[s_start:n.start]
        if doc_year and (j < 0 or year_pos[j] < s_start):
            for word, delta in _RELATIVE_YEAR.items():
                if word in sentence_text:
                    period = str(int(doc_year) + delta)
        # area: the nearest place before the number in its sentence, outside organization names
        area = None
        lo, hi = bisect.bisect_left(place_starts, s_start), bisect.bisect_left(place_starts, n.start)
        for i, m in reversed(places[lo:hi]):
            near = orgs[max(0, bisect.bisect_right(org_starts, m.start) - 8):bisect.bisect_right(org_starts, m.start)]
            if not any(o.start <= m.start and m.end <= o.end for o in near):
                area = i
                break
        # program: one named in the sentence before the number, or right after it
        program = None
        lo, hi = bisect.bisect_left(program_starts, s_start), bisect.bisect_right(program_starts, n.end + 2)
        for i, m in programs[lo:hi]:
            if s_start <= m.start < n.start or (n.end <= m.start <= n.end + 2):
                program = i
        each_at = _EACH_BEFORE.search(text, max(s_start, n.start - 1 - _EACH_GAP), n.start)
        each = (_each_places(text, places, place_starts, bisect.bisect_left(place_starts, s_start), each_at.start())
                if each_at else [])
        if each:
            # the indicator of the sentence's last number of that unit (计划新建长者食堂12个，其中…各2个)
            indicator = next((o.indicator for o in reversed(out) if o.unit == n.unit and o.start >= s_start),
                             n.indicator)
            out += [ObservationFact(indicator=indicator, value=n.value, unit=n.unit, start=n.start, end=n.end,
                                    rule=EACH_PLACE_RULE, period=period, area=i, program=program,
                                    qualifier=n.qualifier, is_rate=n.is_rate) for i in each]
            continue
        out.append(ObservationFact(
            indicator=n.indicator, value=n.value, unit=n.unit, start=n.start, end=n.end, rule="obs.number-unit",
            period=period, area=area, program=program, qualifier=n.qualifier, is_rate=n.is_rate,
        ))
    return out

