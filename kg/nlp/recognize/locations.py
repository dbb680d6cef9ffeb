"""Administrative divisions from the gazetteer, disambiguated by the document's city."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.nlp.lexicon import Lexicon
from kg.types import Mention

# Matches near the top of a document (title, publisher line) weigh more when
# deciding which city the document is about.
_HEAD_CHARS = 400
_HEAD_WEIGHT = 3


@dataclass(frozen=True)
class PlaceContext:
    city: object | None  # gazetteer Division of the document's city
    province: object | None
    county: object | None = None  # the county or district a county's document is about (see _home_county)
    regional: bool = False  # the document reports on several cities of its province (see _is_regional)
    # the home county is a county-level city named more often than its prefecture
    # (义乌市's own work report): its 市民政局 and 全市 are the county-level city's
    county_city: bool = False


def find_place_names(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Non-overlapping longest full-name matches: (start, end, name).

    The automaton of every place name is slow per character (pyahocorasick
    looks a character up among the ~2,500 first characters one by one), so it
    runs only over `lex.place_run_re` runs, about a quarter of the text. Same
    result as one pass over the text: a character in no place name sends the
    automaton back to its root with nothing pending once it has been read (so
    each run is scanned up to and including the character after it: the end of
    the input would drop a pending fail-over match), and a run without a
    name's last character cannot give a match."""
    out = []
    automaton, size = lex.place_automaton, len(text)
    for run in lex.place_run_re.finditer(text):
        # a slice, not (text, start, end): pyahocorasick converts the whole
        # string it is given on every call, which made long documents quadratic
        base = run.start()
        for end_idx, name in automaton.iter_long(text[base:min(run.end() + 1, size)]):
            out.append((base + end_idx - len(name) + 1, base + end_idx + 1, name))
    return out


def infer_context(text: str, matches, lex: Lexicon) -> PlaceContext:
    gaz = lex.gazetteer
    votes: Counter = Counter()
    for start, _end, name in matches:
        weight = _HEAD_WEIGHT if start < _HEAD_CHARS else 1
        cands = gaz.lookup(name)
        cities = [d for d in cands if d.level == "city"]
        if len(cities) == 1:
            votes[cities[0].code] += weight
        elif len(cands) == 1 and cands[0].level in ("county", "town"):
            city = gaz.city_of(cands[0].code)
            if city is not None and city.level == "city":
                votes[city.code] += 0.5 * weight
            elif city is not None and city.level == "county":
                # 仙桃市, 济源市: a county-level city under its province, a city's peer
                votes[city.code] += (1 if city.code == cands[0].code else 0.5) * weight
    if not votes:
        provinces = [d for _s, _e, n in matches for d in gaz.lookup(n) if d.level == "province"]
        return PlaceContext(None, provinces[0] if provinces else None)
    code = max(sorted(votes), key=lambda c: votes[c])
    city = gaz.by_code(code)
    province = next((d for d in gaz.ancestors(code) if d.level == "province"), None)
    if city.level == "county":  # a province's own county-level city is the document's city and its home
        return PlaceContext(city, province, city, _is_regional(matches, gaz), True)
    home = _home_county(matches, city, gaz)
    # a county-level city named more often than its prefecture, or as often and first
    # (应城市人民政府办公室's notice, citing 孝感市's bureaus as often), is the document's own city
    county_city = home is not None and home.name.endswith("市") and _prominence(matches, home, gaz) > _prominence(
        matches, city, gaz)
    return PlaceContext(city, province, home, _is_regional(matches, gaz), county_city)


def _named_starts(matches, division, gaz) -> list[int]:
    return [s for s, _e, name in matches if any(d.code == division.code for d in gaz.lookup(name))]


def _times_named(matches, division, gaz) -> int:
    return len(_named_starts(matches, division, gaz))


def _prominence(matches, division, gaz) -> tuple[int, int]:
    """How often a division is named, and how early first (negated: earlier is more)."""
    starts = _named_starts(matches, division, gaz)
    return len(starts), -min(starts, default=1 << 30)


# A province's report names many of its cities, none of them most of the time
# (a city's own document named at most two other cities in every gold set)
_REGIONAL_CITIES = 3
_REGIONAL_TOP_SHARE = 0.5


def _is_regional(matches, gaz) -> bool:
    named: Counter = Counter()
    for _s, _e, name in matches:
        cities = [d for d in gaz.lookup(name) if d.level == "city"]
        if len(cities) == 1:
            named[cities[0].code] += 1
    if len(named) < _REGIONAL_CITIES:
        return False
    return named.most_common(1)[0][1] < _REGIONAL_TOP_SHARE * sum(named.values())


# a county named this early (the title, the lead) can be what the document is about
_HOME_HEAD_CHARS = 80
# three times: a prefecture's paper on one of its county-level cities (来源：丹东日报,
# the title 凤城：… in its short form, then 凤城市 three times in the story)
_HOME_DOMINANT_TIMES = 3
_HOME_DOMINANT_RATIO = 2


def _home_county(matches, city, gaz):
    """The county or district the document is about: one of the city's, named in
    the head and more often than any other of its county-level places, twice at
    least (长兴县…, 富平县人社局…). Its 县/区 short forms (县民政局) and its
    全县 sentences refer to it."""
    seen: dict[str, list[int]] = {}
    for start, _end, name in matches:
        for d in gaz.lookup(name):
            if d.level == "county" and gaz.within(d.code, city.code):
                seen.setdefault(d.code, []).append(start)
    ranked = sorted(seen.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    if not ranked:
        return None
    code, starts = ranked[0]
    if len(starts) < 2 or (len(ranked) > 1 and len(ranked[1][1]) == len(starts)):
        return None
    if starts[0] >= _HOME_HEAD_CHARS:
        # named late (a news story's byline first) but all through the text: more
        # often than its city and, by far, than any other county
        runner_up = len(ranked[1][1]) if len(ranked) > 1 else 0
        if not (len(starts) >= _HOME_DOMINANT_TIMES and len(starts) > _HOME_DOMINANT_RATIO * runner_up
                and len(starts) > _times_named(matches, city, gaz)):
            return None
    return gaz.by_code(code)


def _preceded_by_parent(text: str, start: int, div, lex: Lexicon) -> bool:
    parent = lex.gazetteer.by_code(div.parent) if div.parent else None
    if parent is None:
        return False
    for form in (parent.name, parent.short):
        if form and text.endswith(form, 0, start):
            return True
    return False


# a list of places around a name (郧阳区、竹山县、房县等地): what stands right before
# or after it is another place name ending in a level
_LIST_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,8}[省市县区旗州]、$")
_LIST_AFTER = re.compile(r"(?:、[\u4e00-\u9fff]{1,8}[市县区旗]|等地|等县)")


def _in_place_list(text: str, start: int, end: int) -> bool:
    return bool(_LIST_BEFORE.search(text, max(0, start - 10), start) or _LIST_AFTER.match(text, end))


def resolve_place(name: str, start: int, text: str, ctx: PlaceContext, lex: Lexicon):
    """The division a full name refers to here, or None when it is not a place
    mention (ambiguous, out of context, or a common word)."""
    gaz = lex.gazetteer
    context = tuple(d.code for d in (ctx.county, ctx.city, ctx.province) if d is not None)
    cands = gaz.lookup(name)
    if not cands:
        return None
    div = gaz.resolve(name, context_codes=context)
    if div is None:
        return None
    if div.level in ("province", "city"):
        return div
    under_context = any(a.code in context for a in gaz.ancestors(div.code))
    if div.level == "town":
        # Town names repeat across the country: only inside the document's city
        # (a city's document: not another city's town of the same province, 部分乡镇
        # is no 分乡镇), or after its parent's name.
        home = ctx.city if ctx.city is not None and not ctx.regional else None
        inside = any(a.code == home.code for a in gaz.ancestors(div.code)) if home is not None else under_context
        return div if inside or _preceded_by_parent(text, start, div, lex) else None
    # county: two-character names (郊区, 城区, 和县) are common words unless the
    # parent is written right before them.
    in_city = ctx.city is not None and any(a.code == ctx.city.code for a in gaz.ancestors(div.code))
    if len(name) <= 2 and not in_city and not _preceded_by_parent(text, start, div, lex) and not (
            under_context and _in_place_list(text, start, start + len(name))):
        return None
    if name in lex.division_common_words and not in_city and not _preceded_by_parent(text, start, div, lex):
        return None  # 老城区: a city's old town, not Luoyang's district
    # a county whose name starts with a verb (会同县: 会同 县财政局 …) is that verb
    # unless it lies in the document's own city, or its parent precedes it
    verb = lex.boundary_re.match(name)
    if verb and len(verb.group(0)) > 1 and not in_city and not _preceded_by_parent(text, start, div, lex):
        return None
    if under_context or len(cands) == 1:
        return div
    return None


def recognize_locations(text: str, lex: Lexicon, ctx: PlaceContext, matches=None) -> list[Mention]:
    matches = find_place_names(text, lex) if matches is None else matches
    out = []
    county = None  # the last county named, and where its name ends
    for start, end, name in matches:
        div = resolve_place(name, start, text, ctx, lex)
        if div is None and county is not None and "。" not in text[county[1]:start]:
            # 满洲里市民政局…在兴华街道: a town whose name recurs in the city, in the county
            # the same sentence named before it
            town = lex.gazetteer.resolve(name, context_codes=(county[0],))
            div = town if town is not None and town.parent == county[0] else None
        if div is None:
            continue
        if div.level == "county":
            county = (div.code, end)
        city = lex.gazetteer.city_of(div.code)
        out.append(Mention("Location", name, start, end, "loc.gazetteer", canonical=lex.gazetteer.canonical_name(name, div),
                           code=div.code, city=city.name if city else None))
    return out
