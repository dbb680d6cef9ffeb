"""Resolution: canonical names, aliases and stable IRIs for one document's facts.

Identity across documents needs no shared state: an entity's IRI is a pure
function of its canonical name (and division code, for places), so the same
青翼家园 in three cities is one node while each city's 团市委, whose canonical
name carries the city, is its own.
"""
from __future__ import annotations

import re

from kg import namespaces as ns
from kg.extract import CITY_OF_DOCUMENT
from kg.extract.awards import AWARD_RUNS_RULE
from kg.extract.observations import EACH_PLACE_RULE
from kg.nlp.lexicon import load_lexicon
from kg.nlp.recognize.organizations import LEVELS
from kg.text.convert import to_simplified
from kg.types import (DocFacts, Entity, Mention, ResolvedFacts, ResolvedMention, ResolvedObservation,
                      ResolvedRelation)


def _canonical(m: Mention) -> str:
    name = (m.canonical or m.text).strip().replace("(", "（").replace(")", "）")
    return _county_body_name(name) if m.type == "Organization" else name


# a county-level body written with its city first: 共青团天津市河西区委员会, 温州市鹿城区教育局
_PARTY_PREFIXES = ("共青团", "中共")  # what may stand before a county's body's place
_CITY_COUNTY = re.compile(r"^(?P<pre>" + "|".join(_PARTY_PREFIXES)
                          + r")?(?P<city>[\u4e00-\u9fff]{2,9}?市)(?P<county>[\u4e00-\u9fff]{1,9}?[区县])")


def _county_body_name(name: str) -> str:
    """A county's body has one name, with or without its city written before the
    county (团区委 -> 共青团河西区委员会 = 共青团天津市河西区委员会), when the
    county's name is the country's only one; else the city keeps it apart."""
    m = _CITY_COUNTY.match(name)
    if m is None:
        return name
    gaz = load_lexicon().gazetteer
    counties = [d for d in gaz.lookup(m.group("county")) if d.level == "county"]
    if len(counties) != 1 or not any(a.name == m.group("city") for a in gaz.ancestors(counties[0].code)):
        return name
    return (m.group("pre") or "") + name[m.end("city"):]


_CITY_BRAND_REST_MIN = 3  # 青年驿站 after 台州: a name of its own, not a bare head (驿站)


_PROJECT_WORD = "项目"  # a generic word after a program's name


def _program_names(mentions) -> dict[str, str]:
    """One name per quoted program in a document: “桂林颐养”智慧养老服务平台 and
    later “桂林颐养”平台 or “桂林颐养” alone are one platform, named as it was
    first written in full."""
    named: dict[str, str] = {}
    for m in mentions:
        if m.type == "Program" and m.alias and m.alias not in named and _canonical(m) != m.alias:
            named[m.alias] = _canonical(m)
    # 台州青年驿站 and later 青年驿站 alone: the document's one brand, by its city's short name
    labels = {_canonical(m) for m in mentions if m.type == "Program"}
    for label in sorted(labels):
        # 2024年太仓市家庭教育指导周 and 2024年家庭教育指导周: the year may come first, the
        # place's full name may stand for its short one
        year = _YEAR_PREFIX.match(label)
        head, body = label[:year.end()], label[year.end():]
        place = _short_place_prefix(body)
        rest = head + body[len(place.short):] if place is not None else ""
        if not rest and (full := _full_place_prefix(body)):
            rest = head + body[len(full):]
        if len(rest) - len(head) >= _CITY_BRAND_REST_MIN and rest in labels and rest not in named:
            named[rest] = label
        # 困难老年人居家适老化改造项目 after the table's 困难老年人居家适老化改造: one project
        bare = label.removesuffix(_PROJECT_WORD)
        if bare != label and len(bare) >= _CITY_BRAND_REST_MIN and bare in labels and label not in named:
            named[label] = named.get(bare, bare)
    return named


# an organization's name that starts with a bare level (区民政局, 县委, 团县委, 中共县委)
_PLACELESS = re.compile(rf"^(?:中共|共青团|团)?[{LEVELS}]")


def _city_division(name: str | None, levels=("city", "province"), within=None):
    """The one division of that name and level; where several share the name
    (通州区), the one inside the division `within`, if only one is."""
    if not name:
        return None
    gaz = load_lexicon().gazetteer
    cands = [d for d in gaz.lookup(name) if d.level in levels]
    if len(cands) > 1 and within is not None:
        cands = [d for d in cands if any(a.code == within.code for a in gaz.ancestors(d.code))]
    return cands[0] if len(cands) == 1 else None


def _with_city(label: str, district_code: str | None, gaz) -> str | None:
    """A district's body by its name with the city first (番禺区民政局养老服务科 ->
    广州市番禺区民政局养老服务科), a name it is known by as well: a district's name,
    unlike a county's, is mostly written after its city's."""
    district = gaz.by_code(district_code) if district_code else None
    if district is None or district.level != "county" or not district.name.endswith("区"):
        return None
    city = gaz.by_code(district.parent) if district.parent else None
    if city is None or city.level != "city" or city.name in label:
        return None
    prefix = next((p for p in _PARTY_PREFIXES if label.startswith(p + district.name)), "")
    if not label.startswith(prefix + district.name):
        return None
    return prefix + city.name + label[len(prefix):]


_YEAR_PREFIX = re.compile(r"(?:(?:19|20)\d{2}年度?)?")


def _full_place_prefix(name: str) -> str | None:
    """The full name of a province, city or county that starts `name` (太仓市…)."""
    lex = load_lexicon()
    place = lex.place_words.longest_prefix(name)
    levels = ("province", "city", "county")
    return place if place and any(d.name == place and d.level in levels for d in lex.gazetteer.lookup(place)) else None


def _short_place_prefix(name: str):
    """The city or province whose short name (洛阳, 江苏) starts `name`."""
    gaz = load_lexicon().gazetteer
    for n in (4, 3, 2):  # 齐齐哈尔日报, 哈尔滨…, 洛阳日报
        cands = [d for d in gaz.lookup(name[:n]) if d.level in ("city", "province") and d.short == name[:n]]
        if len(cands) == 1:
            return cands[0]
    return None


def _branch_place(name: str, within=None):
    """The place named right before a branch's head (…有限公司齐齐哈尔分公司, 江苏银行盐城分行)."""
    suffix = next((x for x in load_lexicon().branch_suffixes if name.endswith(x)), None)
    if suffix is None:
        return None
    before = name[:-len(suffix)]
    for n in range(min(7, len(before)), 1, -1):
        place = _city_division(before[-n:], ("province", "city", "county"), within=within)
        if place is not None:
            return place
    return None


def _raw_surface(facts: DocFacts, m: Mention) -> str | None:
    """The surface as written in the source when it is another spelling of the
    same name (traditional characters); never a garbled or repaired form."""
    raw = facts.source.raw_text
    s, e = facts.normalized.to_raw(m.start, m.end)
    surface = raw[s:e]
    if surface != m.text and len(surface) == len(m.text) and to_simplified(surface) == m.text:
        return surface
    return None


def _location_iri(m: Mention) -> str:
    """A place's IRI: by its code, else scoped to its city (names of villages and
    communities repeat across cities)."""
    if m.code:
        return ns.entity_iri("Location", _canonical(m), code=m.code)
    return ns.entity_iri("Location", _canonical(m), scope=m.city or None)


def _place_chain(places_at: dict, start: int, end: int):
    """The last of the places that follow one another from the start of a
    name (歙县|深渡镇|敬老院: 深渡镇): a body is located in its most specific place."""
    last, pos = None, start
    while True:
        nxt = next((p for p in places_at.get(pos, ()) if p.end <= end), None)
        if nxt is None:
            return last
        last, pos = nxt, nxt.end


def _town_led(label: str, places_at: dict, start: int, end: int) -> bool:
    """Whether a body's name starts with a town, street or village (朝阳镇妇女联合会),
    not with its county or city: of the places written from the start of the
    name (辉南县|朝阳镇|妇联), the one the name begins with is below a county."""
    pos = start
    while nxt := next((p for p in places_at.get(pos, ()) if p.end <= end), None):
        if label.startswith(_canonical(nxt)):
            return not nxt.code or len(nxt.code) > 6  # a village, or a town's nine-digit code
        pos = nxt.end
    return False


def resolve(facts: DocFacts) -> ResolvedFacts:
    doc_iri = ns.document_iri(facts.source.source)
    gaz = load_lexicon().gazetteer
    city_div = gaz.by_code(facts.city_code) if facts.city_code else _city_division(facts.city)
    city_iri = ns.entity_iri("Location", city_div.name, code=city_div.code) if city_div else None

    mention_iri: list[str] = []
    labels: dict[str, tuple[str, str]] = {}  # iri -> (type, label)
    aliases: dict[str, set[str]] = {}
    codes: dict[str, str] = {}
    located: dict[str, str] = {}
    settlements: set[str] = set()
    # places by start, in mention order: the gazetteer's, and the villages and
    # communities of this city (湖滨社区居民委员会 is in 湖滨社区)
    places_at: dict[int, list[Mention]] = {}
    for p in facts.mentions:
        if p.type == "Location" and (p.code or p.city):
            places_at.setdefault(p.start, []).append(p)
    named = _program_names(facts.mentions)
    # every mention of a body one mention shows to be named by its town (街道办事处
    # in 中华街道's report is 中华街道办事处 too)
    town_bodies = {_canonical(m) for m in facts.mentions
                   if m.type == "Organization" and _town_led(_canonical(m), places_at, m.start, m.end)}
    for m in facts.mentions:
        label = _canonical(m)
        if m.type == "Program" and (m.alias or label) in named:
            label = named[m.alias or label]
        if m.type == "Location" and m.code:
            iri = _location_iri(m)
            codes[iri] = m.code
        elif m.type == "Person":
            iri = ns.entity_iri("Person", label, scope=facts.city or "")
        elif m.type == "Location" and m.city:  # a village or community
            iri = _location_iri(m)
            settlements.add(iri)
        elif m.type == "Organization" and (_PLACELESS.match(label) or label in town_bodies):
            # 区民政局, 团县委 with no district or county to expand to: every county has
            # one, so it is scoped to this document's city (or province), never shared;
            # so is a body named by its town (朝阳镇妇联: many counties have a 朝阳镇)
            iri = ns.entity_iri("Organization", label, scope=facts.city or facts.province or "")
        else:
            iri = ns.entity_iri(m.type, label)
        mention_iri.append(iri)
        labels.setdefault(iri, (m.type, label))
        forms = aliases.setdefault(iri, set())
        forms.add(m.text)
        if m.alias:
            forms.add(m.alias)
        raw = _raw_surface(facts, m)
        if raw:
            forms.add(raw)
        if m.type == "Organization" and iri not in located:
            nested = _place_chain(places_at, m.start, m.end)
            if (branch := _branch_place(label, city_div)) is not None:
                located[iri] = ns.entity_iri("Location", branch.name, code=branch.code)
            elif nested:
                located[iri] = _location_iri(nested)
            elif m.city:
                # a county's own body (团县委, 区教育局 in its document) is located in the
                # county, when the gazetteer knows only one county of that name
                scope = _city_division(m.city, ("city", "province", "county"), within=city_div)
                if scope is not None:
                    located[iri] = ns.entity_iri("Location", scope.name, code=scope.code)
            elif m.rule != "org.sub-unit":  # 洛阳日报, 江苏通途…: a short place name starts the name
                scope = _short_place_prefix(label)
                if scope is None and city_div is not None and city_div.short and label.startswith(city_div.short):
                    scope = city_div  # 瑞安日报 in a 瑞安市 document: the county-level city's own
                if scope is not None:
                    located[iri] = ns.entity_iri("Location", scope.name, code=scope.code)

    if city_iri and city_iri not in labels:
        labels[city_iri] = ("Location", city_div.name)
        aliases[city_iri] = set()
        codes[city_iri] = city_div.code

    # 县民政局 read as 东兰县民政局: a body whose full name starts with a place of
    # this document is located there
    places_by_length = sorted(((lab, iri) for iri, (t, lab) in labels.items()
                               if t == "Location" and (iri in codes or iri in settlements)),
                              key=lambda x: (-len(x[0]), x[0]))
    for iri, (etype, label) in labels.items():
        if etype == "Organization" and iri not in located:
            for name, place_iri in places_by_length:
                if label.startswith(name) and len(label) > len(name):
                    located[iri] = place_iri
                    break

    for iri, (etype, label) in labels.items():
        if etype == "Organization" and (full := _with_city(label, codes.get(located.get(iri, "")), gaz)):
            aliases[iri].add(full)
    code_to_iri = {c: i for i, c in codes.items()}
    entities = []
    for iri in sorted(labels):
        etype, label = labels[iri]
        part_of = None
        if etype == "Location" and iri in codes:
            div = gaz.by_code(codes[iri])
            parent = gaz.by_code(div.parent) if div and div.parent else None
            while parent is not None and parent.code not in code_to_iri:
                parent = gaz.by_code(parent.parent) if parent.parent else None
            part_of = code_to_iri.get(parent.code) if parent is not None else None
        entities.append(Entity(iri, etype, label, tuple(sorted(aliases[iri] - {label})), code=codes.get(iri),
                               located_in=located.get(iri), part_of=part_of))

    mentions = tuple(ResolvedMention(mention_iri[i], m.text, m.start, m.end, m.rule) for i, m in enumerate(facts.mentions))

    def ref(i: int | None) -> str | None:
        if i is None:
            return None
        return city_iri if i == CITY_OF_DOCUMENT else mention_iri[i]

    observations = []
    for o in facts.observations:
        area = ref(o.area) or city_iri
        observations.append(ResolvedObservation(
            iri=ns.observation_iri(doc_iri, o.start, o.end, o.unit, area if o.rule == EACH_PLACE_RULE else None),
            indicator_iri=ns.indicator_iri(o.indicator),
            indicator=o.indicator, value=o.value, unit=o.unit, start=o.start, end=o.end, rule=o.rule,
            period=o.period, area=area, program=ref(o.program), qualifier=o.qualifier, is_rate=o.is_rate,
        ))

    relations: dict[tuple, ResolvedRelation] = {}

    def add(rel: ResolvedRelation) -> None:
        if rel.subject and rel.object and rel.subject != rel.object:
            key = (rel.subject, rel.predicate, rel.object)
            if rel.predicate == "partnerOf":
                key = (min(rel.subject, rel.object), rel.predicate, max(rel.subject, rel.object))
            relations.setdefault(key, rel)

    for r in facts.relations:
        add(ResolvedRelation(ref(r.subject), r.predicate, ref(r.object), r.rule, role=r.role, start=r.start, end=r.end))
    # A body of a district, county or town runs its programs there (湛河区民政局在
    # 吉祥社区引入“长者餐桌”: in 湛河区 too), and so does another city's body; the
    # document city's or a province's bodies run theirs in some of its places,
    # which their sentences name; an awarded supplier runs its project where its
    # package lies, which the notice names, not where the supplier is
    for r in list(relations.values()):
        place = located.get(r.subject) if r.predicate == "runs" and r.rule != AWARD_RUNS_RULE else None
        division = gaz.by_code(codes[place]) if place in codes else None
        if division is not None and division.level != "province" and (place != city_iri or city_div.level == "county"):
            add(ResolvedRelation(r.object, "operatesIn", place, "rel.operates.runner-place", start=r.start, end=r.end))
    for e in entities:
        if e.located_in:
            add(ResolvedRelation(e.iri, "locatedIn", e.located_in, "rel.located.name"))
        if e.part_of:
            add(ResolvedRelation(e.iri, "partOf", e.part_of, "rel.part-of.gazetteer"))

    publisher_iri = None
    if facts.publisher:
        for e in entities:
            if e.type == "Organization" and (facts.publisher in (e.label, *e.alt_labels)):
                publisher_iri = e.iri
                break
    return ResolvedFacts(
        doc_iri=doc_iri, facts=facts, entities=tuple(entities), mentions=mentions,
        observations=tuple(sorted(observations, key=lambda o: (o.start, o.end))),
        relations=tuple(sorted(relations.values(), key=lambda r: (r.subject, r.predicate, r.object))),
        publisher_iri=publisher_iri, city_iri=city_iri,
    )
