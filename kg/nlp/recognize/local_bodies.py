"""Bodies of a town, village, community or street (村委会, 镇政府, 村党支部 …), written
after the level word alone or right after the place's name: the body of that place,
or, written bare, of the last place of that level the document named before it
(稻田镇崔岭村… 村党支部书记崔建国: 崔岭村党支部). With no such place named, a bare
one is no body the graph can tell apart from every other village's, and is left out."""
from __future__ import annotations

import bisect
import re

from kg.charclass import IDEOGRAPH
from kg.nlp.lexicon import Lexicon
from kg.types import Mention

_IDEOGRAPH = re.compile(f"[{IDEOGRAPH}]")
LOCAL_BODY_RULE = "org.local-body"


def recognize_local_bodies(text: str, lex: Lexicon, places: list[Mention]) -> list[Mention]:
    forms = lex.local_bodies  # level word -> [(short form, full-name template, bare)], longest first
    by_level: dict[str, list[tuple[int, Mention]]] = {}
    for p in sorted(places, key=lambda p: p.end):
        level = next((w for w in forms if p.text.endswith(w) and len(p.text) > len(w)), None)
        if level is not None:
            by_level.setdefault(level, []).append((p.end, p))
    ends = {level: [e for e, _ in named] for level, named in by_level.items()}
    by_end = {p.end: p for p in places}  # the place that ends where another starts
    out = []
    for level, shorts in forms.items():
        if level not in by_level:
            continue
        pos = text.find(level)
        while pos >= 0:
            after = pos + len(level)
            short, template, bare = next((f for f in shorts if text.startswith(f[0], after)), (None, "", False))
            if short is not None:
                k = bisect.bisect_right(ends[level], after) - 1
                end, place = by_level[level][k] if k >= 0 else (0, None)
                name = place.canonical or place.text if place is not None else ""
                if place is not None and end == after and not lex.boundary_re.search(place.text):
                    # 崔岭村党支部: after the place's own name (not 幸福院由村党支部: a misread place);
                    # the places written right before it are part of the name (杨安镇刘武官村幸福院)
                    # (a county before them too, for a site: 修武县周庄镇孙窑村幸福院, the full name)
                    start, county = (_written_from(place, by_end, lex, not bare) if template.startswith("{place}")
                                     else (place.start, False))
                    canonical = template.format(place=name)
                    out.append(Mention("Organization", text[start:after + len(short)], start,
                                       after + len(short), LOCAL_BODY_RULE,
                                       canonical=text[start:place.start] + canonical if county else canonical,
                                       city=name))
                elif place is not None and bare and _stands_alone(text, pos, lex):
                    out.append(Mention("Organization", level + short, pos, after + len(short), LOCAL_BODY_RULE,
                                       canonical=template.format(place=name), city=name))
            pos = text.find(level, pos + 1)
    return out


def _written_from(place: Mention, by_end: dict[int, Mention], lex: Lexicon, counties: bool) -> tuple[int, bool]:
    """Where the run of towns and villages (with `counties`, of any places) that ends with
    place starts (杨安镇|刘武官村, 修武县|周庄镇|孙窑村), and whether a county is among them."""
    start, county = place.start, False
    while start in by_end and by_end[start].start < start and (counties or _below_county(by_end[start], lex)):
        county = county or not _below_county(by_end[start], lex)
        start = by_end[start].start
    return start, county


def _below_county(place: Mention, lex: Lexicon) -> bool:
    division = lex.gazetteer.by_code(place.code) if place.code else None
    return division is None or division.level == "town"


def _stands_alone(text: str, pos: int, lex: Lexicon) -> bool:
    """The level word starts a word of its own: no name or counting word before it."""
    if pos == 0 or not _IDEOGRAPH.match(text[pos - 1]):
        return True
    if text[pos - 1] in lex.local_body_not_after:
        return False
    return text[pos - 1] in lex.local_body_openers or any(
        m.end() == pos for m in lex.boundary_re.finditer(text, max(0, pos - 4), pos))
