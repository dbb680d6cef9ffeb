"""Organizations: place-prefixed bodies (tables), fixed names, and open-class
names found from their head word (协会, 联盟, 有限公司 …) with the left edge
set by boundary words, so a leading verb such as 联合 is never part of a name."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from kg.nlp.lexicon import Lexicon, _read, heads_by_end
from kg.nlp.recognize.local_bodies import recognize_local_bodies
from kg.nlp.recognize.locations import PlaceContext, resolve_place
from kg.nlp.recognize.notes import SHORT_NAME_NOTE
from kg.nlp.recognize.placed import PlacePattern, place_starts
from kg.nlp.recognize.spans import SpanIndex
from kg.types import Mention

_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9“”\"‘’·]")
_MAX_OPEN_LEN = 22
_PLACE_REACH = 20  # characters: how far before a fixed name a place holding it may start
# the level words of 市民政局, 县委, 区残联; an autonomous prefecture's 州民政局,
# a league's 盟民政局 and a banner's 旗委 only in a document of such a division
LEVELS = "省市县区州盟旗"
_DIVISION_LEVELS = "州盟旗"
_COUNTY_LEVELS = "县区旗"
# a prefecture (喀什地区) names its own bodies 地区教育局, 团地委, 地委: its level word
_PREFECTURE_LEVEL = "地区|地(?=委)"
_PREFECTURE_WORDS = ("地区", "地")
# A character right after a fixed name that shows the name is part of a longer word.
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
# 各县（市）区妇联, 各辖市、区人民政府, 全市9个旗县区残联: each division's body of a level, none named
_EACH_LEVEL = re.compile(r"(?:各辖?[" + LEVELS + r"镇乡（）()、]*|[0-9一二三四五六七八九十]+个[" + LEVELS + r"镇乡（）()、]+)$")


@lru_cache(maxsize=1)
def _pattern_rows() -> tuple[tuple[str, str, str], ...]:
    rows = []
    for line in _read("org_patterns.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            regex, canonical, rule = line.split("\t")
            rows.append((regex, canonical, rule))
    return tuple(rows)


_PARTY = "中共"  # what {party} in a canonical template stands for, before a Party organ


@lru_cache(maxsize=1)
def _unplaced_forms() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words around {place} in org_patterns.tsv's canonical templates (共青团{place}委员会,
    {party}{place}{body}): what stands before the level in an unplaced body's name, longest
    first, and what closes one that has no body of its own."""
    templates = [t for _, t, _ in _pattern_rows() if "{place}" in t]
    before = {t.split("{place}")[0].replace("{party}", party) for t in templates for party in ("", _PARTY)}
    after = tuple({t.split("{place}")[1] for t in templates if "{body}" not in t})
    return tuple(sorted(before, key=len, reverse=True)), after


@lru_cache(maxsize=4)
def _compiled_patterns(body_re: str) -> tuple[PlacePattern, ...]:
    """The pattern table compiled once; {PLACE} is left for the document's own
    place names (see kg.nlp.recognize.placed)."""
    return tuple(PlacePattern(regex.replace("{BODY}", body_re).replace("{LEVEL}", f"(?:{_PREFECTURE_LEVEL}|[{LEVELS}])"))
                 for regex, _, _ in _pattern_rows())


def _place_for_level(level: str, ctx: PlaceContext) -> str | None:
    if level == "市" and ctx.county_city:
        return ctx.county.name  # 市民政局 in 义乌市's own report
    if level == "市" and ctx.city is not None:
        return ctx.city.name
    if level in "县区旗" and ctx.county is not None and ctx.county.name.endswith(level):
        return ctx.county.name  # 县民政局 in a 东兰县 document
    if level in "州盟" and ctx.city is not None and ctx.city.name.endswith(level):
        return ctx.city.name  # 州民政局 in a 黔东南苗族侗族自治州 document
    if level in _PREFECTURE_WORDS:
        # 地区教育局 in a 喀什地区 document; elsewhere 地区 is a region, no division
        return ctx.city.name if ctx.city is not None and ctx.city.name.endswith("地区") else None
    if level in ("省", "自治区") and ctx.province is not None:
        return ctx.province.name
    return None


def _patterned(text: str, lex: Lexicon, ctx: PlaceContext, place_names: list[str]) -> list[Mention]:
    names = set(place_names)
    starts = place_starts(text, names)
    out = []
    for (template, rule), pattern in zip(((t, r) for _, t, r in _pattern_rows()), _compiled_patterns(lex.org_body_re)):
        for m in pattern.finditer(text, names, starts):
            groups = m.groups
            body = lex.org_body(groups.get("body") or "")
            place = groups.get("place")
            city = None
            if place is None and groups.get("level"):
                if _EACH_LEVEL.search(text, max(0, m.start - 12), m.start):
                    continue
                place = _place_for_level(groups["level"], ctx)
                if place is None and (groups["level"] in _DIVISION_LEVELS or groups["level"] in _PREFECTURE_WORDS):
                    continue  # 州 in 福州, 旗 in 红旗, 地区 in 贫困地区: no such division here
            start = m.start
            if place is not None:
                place = lex.gazetteer.official_name(place)  # 黔东南州妇联: the prefecture's full name
                county = _county_before_town(text, start, place, names, lex)
                if county:  # 辉南县朝阳镇妇联: the town's body, written with its county
                    start -= len(county)
            city = place
            if place is None:
                # keep the level in the place's stead (县民政局, 共青团县委员会): the sentence may name the county
                canonical = template.format(place=groups["level"], body=body.full if body else "",
                                            party=_PARTY if body and body.kind == "party" else "")
            else:
                canonical = template.format(
                    place=place, body=body.full if body else "", party=_PARTY if body and body.kind == "party" else ""
                )
            out.append(Mention("Organization", text[start:m.end], start, m.end, rule, canonical=canonical, city=city))
    return out


def _county_before_town(text: str, start: int, place: str, names: set[str], lex: Lexicon) -> str | None:
    """The county written right before a town or street that starts a body's name
    (辉南县朝阳镇妇联): a place name of the document ending at start, whose
    division holds a town of that name."""
    if not place.endswith(lex.town_heads):
        return None
    towns = lex.gazetteer.lookup(place)
    for n in range(2, 9):
        county = text[max(0, start - n):start]
        if (len(county) == n and county in names and county[-1] in _COUNTY_LEVELS + "市"
                and any(lex.gazetteer.within(t.code, c.code) for c in lex.gazetteer.lookup(county) for t in towns)):
            return county
    return None


def _bare_bodies(text: str, lex: Lexicon, ctx: PlaceContext) -> list[Mention]:
    """Department names with no place prefix inside a list of bodies (与公安局、检察院…)."""
    out = []
    pat = re.compile(r"(?:(?<=[、，：；（\s与和及同])|^)(?P<body>" + lex.org_body_re + r")(?=[、，。；和及与等）\s]|$)")
    for m in pat.finditer(text):
        body = lex.org_body(m.group("body"))
        if body.kind not in ("department", "judiciary", "mass"):
            continue
        if text[max(0, m.start() - 2):m.start()].endswith(("各级", "各", "相关", "有关", "级")):
            continue
        clause = max(text.rfind(mark, 0, m.start()) for mark in "，。：；\n") + 1
        if text.startswith("各", clause):
            continue  # 各县（市、区）残联、教育局…: each county's bureau, none named
        canonical = (ctx.city.name + body.full) if ctx.city is not None else None
        out.append(Mention("Organization", m.group(0), m.start(), m.end(), "org.bare-body", canonical=canonical,
                           city=ctx.city.name if ctx.city else None))
    return out


_COUNTY_LEAGUE = re.compile(r"团(?P<level>[区县])委")


def _county_leagues(text: str, lex: Lexicon, ctx: PlaceContext) -> list[Mention]:
    """A district's or county's Youth League committee named by the county's
    short name (崇川团区委, 如东县团县委), for the counties of the document's city."""
    if ctx.city is None:
        return []
    counties = lex.gazetteer.children(ctx.city.code)
    out = []
    for m in _COUNTY_LEAGUE.finditer(text):
        level = m.group("level")
        for n in (3, 2):  # the county's name right before 团, longest first
            name = text[max(0, m.start() - n):m.start()]
            county = next((d for d in counties if d.name.endswith(level) and name in (d.name, d.short, d.name[:-1])),
                          None)
            if county is not None and text[m.start() - n - 2:m.start() - n] != "共青":
                # a county name that other cities have too (通州区) keeps its city
                shared = sum(d.level == "county" for d in lex.gazetteer.lookup(county.name)) > 1
                name = ctx.city.name + county.name if shared else county.name
                out.append(Mention("Organization", text[m.start() - n:m.end()], m.start() - n, m.end(),
                                   "org.youth-league-abbr", canonical=f"共青团{name}委员会", city=county.name))
                break
    return out


def _set_up_groups(text: str, lex: Lexicon, ctx: PlaceContext) -> list[Mention]:
    """A working group a sentence sets up, named by its task (市民政局成立特困人员供养服务机构
    提质增效工作专班): the body of the place of the body that sets it up (by the level
    word that body starts with), else of the document's county or city."""
    out = []
    for m in lex.org_set_up_re.finditer(text):
        name, start = m.group("name"), m.start("name")
        if (name.count("“") != name.count("”") or _starts_proper(name, lex) or name[0] in LEVELS
                or len(task := m.group("task").removesuffix(lex.org_set_up_task_tail)) < _TASK_MIN
                or task in lex.org_set_up_generic):
            continue  # a place starts it: the open class names it (孝感市老年助餐工作专班)
        clause = max(text.rfind(c, 0, m.start()) for c in "，。；;\n") + 1
        founder = text[clause:m.start()].lstrip(" \t\u3000")
        level = founder[:1] if founder[:1] in LEVELS else founder[:2] if founder.startswith("地区") else ""
        place = (_place_for_level(level, ctx) if level
                 else (ctx.county or ctx.city).name if (ctx.county or ctx.city) is not None else None)
        if place is None:
            continue
        out.append(Mention("Organization", name, start, start + len(name), "org.set-up",
                           canonical=place + _QUOTES.sub("", name), city=place))
    return out


_QUOTES = re.compile("[“”]")
_TASK_MIN = 4  # 康复工作专班, 相应工作专班: no task of their own once 工作 is off


def _source_outlets(text: str, lex: Lexicon) -> list[Mention]:
    """The outlet a story is credited to (来源：西双版纳报　2024年…): a body by its name,
    a medium (it reports; it never acts in a sentence)."""
    return [Mention("Organization", m.group("name"), m.start("name"), m.end("name"), "org.head.media",
                    canonical=m.group("name")) for m in lex.source_outlet_re.finditer(text)
            if not m.group("name").endswith(lex.source_outlet_not_ends)]


def _fixed_names(text: str, lex: Lexicon) -> list[Mention]:
    out = []
    for end_idx, name in lex.org_name_automaton.iter_long(text):
        if text[end_idx + 1:end_idx + 2] in lex.org_name_continuations or text[end_idx:end_idx + 2] in lex.org_name_straddles:
            continue  # 民政部门 is not 民政部; 新华社区 is a community, not 新华社
        canonical, _kind = lex.org_names[name]
        out.append(Mention("Organization", name, end_idx - len(name) + 1, end_idx + 1, "org.fixed-name", canonical=canonical))
    return out


def _starts_proper(span: str, lex: Lexicon) -> bool:
    if span[0] in LEVELS or span[0] in "“\"" or span.startswith(lex.org_proper_prefixes):
        return True
    return any(words.has_prefix(span[:12]) for words in (lex.place_words, lex.short_place_words, lex.org_name_words))


def _has_proper_name(span: str, lex: Lexicon) -> bool:
    """A name, not a generic head: a place (full or short), a fixed name or a
    national prefix at its start, a level prefix (市/县/区/省), a quoted name, or a
    service number (12355青少年心理守护志愿服务队: the hotline's team)."""
    return _starts_proper(span, lex) or "“" in span or '"' in span or _SERVICE_NUMBER.match(span) is not None


_SERVICE_NUMBER = re.compile(r"\d{5}(?!\d)")
# a figure after a space or at the start of a line, as a table's cells stand; not a service
# number (12355青少年服务台, 110指挥中心) nor a year (2025年…领导小组)
_CELL_FIGURE = re.compile(r"(?:(?<=[ \t\u3000])|(?<![^\n]))(?!" + _SERVICE_NUMBER.pattern
                          + r"|1[12]\d(?!\d)|\d+年)\d+(?:\.\d+)?%?")


def _left_edge(text: str, suffix_start: int, end: int, lex: Lexicon, inner_orgs: SpanIndex) -> int:
    """The start of a name ending in a head word: the leftmost candidate start
    (after a boundary word, or where a place or national prefix begins) that
    begins with a proper name, with no multi-character boundary word and no
    other organization inside; else just after the last boundary word."""
    i = suffix_start
    while i > 0 and end - (i - 1) <= _MAX_OPEN_LEN and _NAME_CHAR.match(text[i - 1]):
        i -= 1
    modifier = text[i:suffix_start]
    # a boundary word is none inside quotes, or where a place's full name starts with it (新建区),
    # unless a body's head ends right before it (儿童福利院和县社会福利院: not 和县)
    # (新建镇级颐康中心: a level word, 镇级, follows; no town 新建镇 is named)
    in_places = [(e - len(name) + 1, e + 1) for e, name in lex.place_automaton.iter_long(modifier)]
    place_starts_here = {s for s, e in in_places if text[i + e:i + e + 1] != "级"}
    # read with the head, so that a word holding a boundary (指导中心) can guard it;
    # none inside a place's name either (抱由镇, 米各庄镇: not 由, 各)
    cuts = [m for m in lex.boundary_re.finditer(text[i:end]) if m.end() <= len(modifier)
            and modifier.count("“", 0, m.start()) <= modifier.count("”", 0, m.start())
            and (m.start() not in place_starts_here or modifier[:m.start()].endswith(lex.org_suffix_tuple))
            and not any(s < m.start() and m.end() <= e for s, e in in_places)]
    cuts += lex.post_holder_re.finditer(modifier)  # 局长方文华任|办公室主任
    cuts += lex.org_count_re.finditer(modifier)  # 长涂镇两家|乡镇敬老院: a count is no part of a name
    cuts += lex.house_number_re.finditer(modifier)  # 江西路118号|青岛市青少年宫: an address ends there
    cuts += _CELL_FIGURE.finditer(modifier)  # 永安镇720 720|县中医院: a table's cell before its name
    starts = {0} | {m.end() for m in cuts}
    for words in (lex.place_words, lex.short_place_words):
        # a name does not start inside a boundary word (建成县级…: not 成县)
        starts |= {k for k in words.starts(modifier) if not any(m.start() < k < m.end() for m in cuts)}
    for prefix in lex.org_proper_prefixes:
        k = modifier.find(prefix)
        while 0 <= k < len(modifier):
            if not any(m.start() < k < m.end() for m in cuts):  # 其中|共青团…: not 中共
                starts.add(k)
            k = modifier.find(prefix, k + 1)
    # the last organization inside the modifier: a start at or before it would contain it
    last_inner = max((s for s, e in inner_orgs.starting_in(i, suffix_start + 1) if e <= suffix_start), default=-1)
    # a one-character boundary (和, 与, 、) may sit inside a name (人力资源和社会保障局),
    # but not right after an organization's head (妇幼保健院与…康复中心 is two names)
    # nor right before a place's name, full or short (…社区康复站与平遥县人民医院, 街道与玉溪…公司)
    short_place_starts = set(lex.short_place_words.starts(modifier))
    # nor right after a quoted program's name (“心灵护航”工程向幼儿园延伸)
    # nor, 与 or 及, right before the head (…分台与学校: the head word alone, no school's name)
    after_head = {m.start() for m in cuts
                  if len(m.group(0)) == 1
                  and ((m.end() == len(modifier) and m.group(0) in lex.org_name_conjunctions)
                       or modifier[:m.start()].endswith(lex.org_suffix_tuple)
                       or modifier[:m.start()].endswith(lex.post_tuple)  # 康复科医生和乡镇卫生院医生
                       or m.end() in place_starts_here or m.end() in short_place_starts
                       or (modifier[:m.start()].endswith(lex.program_suffix_tuple) and "”" in modifier[:m.start()]))}
    # a place before a province's name (平利县陕西…有限公司) is no part of a name: names run
    # from the province down, so the name starts at the province
    provinces = set(lex.province_names.starts(modifier))
    for c in sorted(starts):
        if c >= len(modifier):
            continue
        if any(c < k and (modifier[c:k] in lex.full_place_names or modifier[c:k] in lex.short_place_words.words)
               for k in provinces):
            continue
        inner = [m for m in cuts if m.start() >= c
                 and (len(m.group(0)) > 1 or m.start() in after_head or m.group(0) in lex.org_never_inside)]
        contains_org = last_inner >= i + c
        if not inner and not contains_org and _starts_proper(text[i + c:end], lex):
            return i + c
    return i + (max(m.end() for m in cuts) if cuts else 0)


def _named_school(text: str, start: int, modifier: str, lex: Lexicon) -> bool:
    """鲁东大学, 嘉应学院: a short name with no generic word, where a boundary
    (punctuation, a boundary word) ends the text before it."""
    if not 2 <= len(modifier) <= 4 or not _CJK_CHAR.fullmatch(modifier[-1]) or lex.org_generic_modifier_re.search(modifier):
        return False
    if start == 0 or not _NAME_CHAR.match(text[start - 1]):
        return True
    return any(m.end() == start for m in lex.boundary_re.finditer(text, max(0, start - 4), start))


_FACULTY_MAX = 10  # characters of a faculty's own name (法学与公共管理)


def _faculty_of_named_school(text: str, start: int, modifier: str, lex: Lexicon) -> bool:
    """华中师范大学心理学院, 三峡大学法学与公共管理学院: a faculty named after a
    university (faculty_parent_heads.txt) whose own name is a named school's."""
    for head in lex.faculty_parent_heads:
        k = modifier.find(head)
        faculty = modifier[k + len(head):]
        if k >= 2 and 0 < len(faculty) <= _FACULTY_MAX and _named_school(text, start, modifier[:k], lex):
            return True
    return False


def _faculty_start(text: str, start: int, suffix_start: int, lex: Lexicon, inner_orgs: SpanIndex) -> int:
    """三峡大学法学与公共管理学院: where a conjunction cut a faculty's name, the start
    of its university's name if the whole reads as a faculty of a named school; else start."""
    for head in lex.faculty_parent_heads:
        k = text.rfind(head, max(0, start - _FACULTY_MAX - len(head)), start)
        if k < 0 or k + len(head) >= start - 1:  # 三峡大学与…学院: two bodies
            continue
        parent = _left_edge(text, k, k + len(head), lex, inner_orgs)
        if _faculty_of_named_school(text, parent, text[parent:suffix_start], lex):
            return parent
    return start


def _home_town(places: list[Mention], lex: Lexicon) -> str | None:
    """The street or town a document is about: named twice at least and more
    often than any other (中华街道's own report). Its bare 街道办事处 is its office."""
    counts = Counter(p.canonical for p in places if p.code and p.canonical and p.canonical.endswith(lex.town_heads))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


_LONGER_NAME = 10  # characters a county's full name may have before its last two (塔什库尔干塔吉克自治县)


def _past_foreign_short_county(text: str, start: int, suffix_start: int, ctx: PlaceContext, lex: Lexicon) -> int:
    """Where a name runs over a two-character county's name that is no place here,
    right after an ideograph that is no conjunction (完成县中心敬老院, 服务站建设和县人民医院:
    成县 and 和县 are Gansu's and Anhui's; not …与藤县残联), the name starts at its 县:
    the document's own county's body; else start. (Not the end of a longer name:
    巴青县 holds Hebei's 青县.)"""
    for k in range(max(start, 1), suffix_start - 1):
        name = text[k:k + 2]
        if (name[1] == "县" and _CJK_CHAR.match(text[k - 1]) and text[k - 1] not in lex.org_name_conjunctions
                and lex.gazetteer.lookup(name)
                and not any(lex.gazetteer.lookup(text[j:k + 2]) for j in range(max(0, k - _LONGER_NAME), k))
                and resolve_place(name, k, text, ctx, lex) is None):
            return k + 1
    return start


def _past_unplaced_county(text: str, start: int, suffix_start: int, lex: Lexicon) -> int:
    """Where a name runs over words into 县 that no place's name ends or holds
    (全年县人民医院, 对口帮扶县人民医院, 有限公司合作运营县社会福利院), the name starts
    at its 县: the document's own county's body; else start (county_level_words.txt)."""
    for k in range(start + 1, suffix_start):
        if (text[k] != "县" or text.startswith(lex.county_not_bodies, k) or not _CJK_CHAR.match(text[k - 1])
                or any(text.startswith(w, k + 1 - len(w)) for w in lex.county_name_ends)):
            continue
        # a place's name (its last character at start + e) that holds or ends on the character before 县
        covered = any(start + e - len(name) + 1 <= k - 1 <= start + e
                      for e, name in lex.place_automaton.iter_long(text[start:k + 1]))
        if not covered and not any(text[j:k] in lex.short_place_words.words for j in range(start, k - 1)):
            return k
    return start


def _without_province(name: str, ctx: PlaceContext) -> str:
    """西藏自治区拉萨市残疾人联合会 is 拉萨市残疾人联合会: the document's province
    before its own city or county adds nothing to a body's name."""
    if ctx.province is None or not name.startswith(ctx.province.name):
        return name
    rest = name[len(ctx.province.name):]
    own = [d.name for d in (ctx.city, ctx.county) if d is not None]
    return rest if any(rest.startswith(n) and len(rest) > len(n) for n in own) else name


def _open_class(text: str, lex: Lexicon, ctx: PlaceContext, inner_orgs: SpanIndex,
                home_town: str | None = None) -> list[Mention]:
    town_head = next((h for h in lex.town_heads if home_town.endswith(h)), None) if home_town else None
    out = []
    for end, suffix in heads_by_end(lex.org_suffix_automaton, text):
        needs_name, _kind = lex.org_suffixes[suffix]
        if text[end:end + 1] and text[end] in lex.org_suffix_not_after[suffix]:
            continue
        start = _left_edge(text, end - len(suffix), end, lex, inner_orgs)
        if _kind == "school" and start and text[start - 1] in lex.org_name_conjunctions:
            start = _faculty_start(text, start, end - len(suffix), lex, inner_orgs)
        if text[start] in "和与及" and text[start + 1:start + 2] in LEVELS and start and (
                _CJK_CHAR.match(text[start - 1]) or text[start - 1] in "》”）)"):
            start += 1  # 热线和县…中心, 《…》和县政府办公室: the conjunction and the county's short form, not 和县
        start = _past_foreign_short_county(text, start, end - len(suffix), ctx, lex)
        start = _past_unplaced_county(text, start, end - len(suffix), lex)
        while start < end and text[start] in "”」』":
            start += 1  # “…很充实。”健康路社区党委: a quote closing before the name
        if text.count("“", start, end) > text.count("”", start, end) and text[end:end + 1] == "”":
            end += 1  # 市青少年心理健康“专业志愿服务团”
        span = text[start:end]
        if span.endswith(lex.org_group_heads):
            continue  # 驻马店市中小学: every school of the city
        if span.startswith(lex.org_group_starts) and not span.startswith(lex.org_group_bodies):
            continue  # 市直学校: the schools directly under the city
        modifier = span[: span.rfind(suffix)]
        level_only = len(modifier) == 1 and modifier in LEVELS and not needs_name  # 县人民医院: the county's own
        if (len(modifier.strip("“”\"")) < 2 and not level_only) or span.count("“") != span.count("”"):
            continue  # too short, or a quote opened outside the name (“孩子白天在中心)
        canonical = span
        prefecture = _place_for_level("地区", ctx) if span.startswith("地区") else None
        if prefecture:  # 地区公共就业服务中心 in a 喀什地区 document: the prefecture's own
            out.append(Mention("Organization", span, start, end, f"org.head.{_kind}",
                               canonical=prefecture + span[2:], city=prefecture))
            continue
        if needs_name and not _has_proper_name(span, lex) and not (needs_name == 2 and (
                _named_school(text, start, modifier, lex) or _faculty_of_named_school(text, start, modifier, lex))):
            if town_head is None or not span.startswith(town_head) or lex.every_unit_before_re.search(text, max(0, start - 4), start):
                continue
            canonical = home_town + span[len(town_head):]  # 街道办事处 in 中华街道's report: its office
        if span.startswith("“") and span.endswith("”") and span[1:-1].endswith(lex.program_quoted_suffixes):
            continue  # “邻里中心” alone: a quoted facility brand, a program
        if span[0] in "“\"" and lex.org_count_re.match(text, end):
            continue  # “阳光家园”残疾人日间照料中心4个: a brand's kind of site, counted, not one body
        canonical = _without_province(canonical, ctx)
        if span[0] in _DIVISION_LEVELS and _place_for_level(span[0], ctx) is None:
            continue
        if len(span) > 2 and span[0] in LEVELS and span[1] in LEVELS and span[0] != span[1]:
            continue  # 8个县市人民医院: two levels, each county's and city's body, no one body
        if span[0] in LEVELS:
            place = _place_for_level(span[0], ctx)
            canonical = place + span[1:] if place else span
        scope = _place_for_level(span[0], ctx) if span[0] in LEVELS else None
        out.append(Mention("Organization", span, start, end, f"org.head.{_kind}", canonical=canonical, city=scope))
    return out


def _sub_units(text: str, parents: list[Mention], lex: Lexicon) -> list[Mention]:
    out = []
    for p in parents:
        word = next((w for w in lex.body_committees if text.startswith(w, p.end)), None)
        template, not_before = lex.body_committees[word] if word else ("", ())
        if word and p.rule.startswith("org.head.") and not text.startswith(not_before, p.end + len(word)):
            canonical = template.format(body=p.canonical or p.text)
            out.append(Mention("Organization", p.text + word, p.start, p.end + len(word), "org.sub-unit",
                               canonical=canonical, city=p.city))
            continue
        m = lex.sub_unit_re.match(text, p.end)
        # on a contact line the person's name may follow the department at once
        # (联系人：市总工会权益保障部王某, normalization having joined the cells)
        labelled = m is not None and text.endswith(lex.person_label_colons, 0, p.start)
        # a branch (…局江山分局) is one whatever follows it
        if not m or not (labelled or m.group(0).endswith(lex.branch_suffixes) or lex.sub_unit_follow_re.match(text, m.end())):
            continue
        unit = m.group(0)
        if lex.post_holder_re.match(unit):
            continue  # 县民政局局长方文华任办公室主任: a post and a person, not a department
        lead = lex.boundary_re.match(unit)
        if lead and (not unit.endswith(("委员会", "办公室")) or lex.partner_cue_re.match(unit)
                     or _another_body(unit, lex)):
            continue  # 市卫健委安排部署: a verb; 市残联会同市卫健委: another body; not a department
        inner = [b.start() for b in lex.boundary_re.finditer(unit) if b.start() and b.end() - b.start() > 1]
        # (a department that ends its line is one whatever words it holds: 名称：某县财政局政府采购监督管理股)
        line_end = text[m.end():m.end() + 1] in ("\n", "")
        if inner and (not (unit.endswith(("委员会", "办公室")) or line_end)
                      or any(lex.partner_cue_re.match(unit, i) for i in inner)):
            continue  # 卫生院合作设立康复室: what a body sets up; …将会同市卫健委: another body
        if unit.endswith(lex.town_offices) and not unit.startswith(lex.town_offices):
            continue  # 徐汇区人民政府|田林街道办事处: a town's own office, the body it names elsewhere
        canonical = (p.canonical or p.text) + unit
        out.append(Mention("Organization", p.text + unit, p.start, m.end(), "org.sub-unit", canonical=canonical, city=p.city))
    return out


def _another_body(unit: str, lex: Lexicon) -> bool:
    """认真落实市委办公室: a level and a body of its own inside the words after a
    body, past a verb: the verb's object, not a department."""
    return any(unit[k] in LEVELS and (unit[k + 1] == "委" or lex.org_body_pattern.match(unit, k + 1))
               for k in range(1, len(unit) - 1))


def select_non_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Longest span wins; ties go to the earlier rule in the list."""
    order = sorted(range(len(mentions)), key=lambda i: (-(mentions[i].end - mentions[i].start), i))
    keep = []
    if all(0 <= m.start < m.end for m in mentions):
        # characters already taken, marked in one buffer: no pairwise comparisons
        taken = bytearray(max((m.end for m in mentions), default=0))
        for i in order:
            m = mentions[i]
            if 1 in taken[m.start:m.end]:
                continue
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
            keep.append(m)
    else:  # an empty span overlaps what strictly contains it: compare pairs
        spans: list[tuple[int, int]] = []
        for i in order:
            m = mentions[i]
            if any(m.start < e and s < m.end for s, e in spans):
                continue
            spans.append((m.start, m.end))
            keep.append(m)
    return sorted(keep, key=lambda m: (m.start, m.end))


def recognize_organizations(text: str, lex: Lexicon, ctx: PlaceContext, places: list[Mention]) -> list[Mention]:
    # the document's own city and province may be written short (郑州慈善总会)
    place_names = [p.text for p in places if p.code] + [d.short for d in (ctx.city, ctx.province) if d is not None and d.short]
    patterned = _patterned(text, lex, ctx, place_names)
    # a fixed short name inside a place's name is no body (民建 of 民建彝族乡)
    place_spans = SpanIndex((p.start, p.end) for p in places)
    fixed = [m for m in _fixed_names(text, lex)
             if not any(e >= m.end and e - s > m.end - m.start for s, e in place_spans.starting_in(m.start - _PLACE_REACH, m.start + 1))]
    inner = SpanIndex((m.start, m.end) for m in patterned + fixed)
    # a village's or town's body first: of two readings of one span, its full name is the surer
    found = (recognize_local_bodies(text, lex, places) + patterned + _bare_bodies(text, lex, ctx) + fixed
             + _open_class(text, lex, ctx, inner, _home_town(places, lex))
             + _county_leagues(text, lex, ctx) + _source_outlets(text, lex) + _set_up_groups(text, lex, ctx))
    chosen = select_non_overlapping(found)
    subs = _sub_units(text, chosen, lex)
    if subs:
        chosen = select_non_overlapping(subs + chosen)
        # The parent named inside a sub-unit (团市委 in 团市委学少部) is a mention too.
        by_start: dict[int, list[Mention]] = {}
        for parent in {(m.start, m.end): m for m in found}.values():
            by_start.setdefault(parent.start, []).append(parent)
        for sub in (m for m in chosen if m.rule == "org.sub-unit"):
            # the longest (川北医学院附属医院, not 川北医学院: the department is the hospital's)
            inside = [parent for parent in by_start.get(sub.start, ()) if parent.end < sub.end]
            if inside:
                chosen.append(max(inside, key=lambda parent: parent.end))
        chosen.sort(key=lambda m: (m.start, m.end))
    chosen = _with_short_names(text, _counties_of_their_sentences(
        text, _cities_of_their_sentences(text, chosen, places, ctx, lex), places, lex))
    chosen = _level_names_of_the_one_body(chosen, lex)
    chosen = _without_their_county(chosen, places)
    chosen = _after_their_system(text, chosen, places, lex)
    chosen = _within_their_system(chosen, lex)
    chosen = _not_counted(text, chosen, places, lex)
    chosen = _from_the_wider_place(chosen, places, lex)
    chosen += _bare_sub_units(text, chosen, lex)
    chosen += _group_offices(text, chosen, lex)
    chosen = [_with_party_prefix(text, m) for m in chosen]
    return sorted(chosen + _sharing_a_head(text, chosen, places), key=lambda m: (m.start, m.end))


def _group_offices(text: str, found: list[Mention], lex: Lexicon) -> list[Mention]:
    """领导小组办公室 written bare after a group was named (成立…关爱服务工作领导小组，
    …领导小组办公室设在县民政局): that group's office, named by its full name."""
    out = []
    for head, office in lex.group_offices:
        pos = text.find(office)
        while pos >= 0:
            end = pos + len(office)
            group = max((m for m in found if m.end <= pos and (m.canonical or m.text).endswith(head)),
                        key=lambda m: m.start, default=None)
            if group is not None and not any(m.start < end and pos < m.end for m in found):  # (not inside a name)
                out.append(Mention("Organization", office, pos, end, "org.group-office",
                                   canonical=(group.canonical or group.text) + lex.group_office_word, city=group.city))
            pos = text.find(office, end)
    return out


def _with_party_prefix(text: str, m: Mention) -> Mention:
    """A Party organ written with 中共 before its place (中共新密市委宣传部) is
    mentioned from 中共 on: what follows the whole name (its head's post, 副部长)
    and what stands before it (主持人：韩雪　) meet the mention, not the place."""
    if m.start >= len(_PARTY) and (m.canonical or "").startswith(_PARTY) and not m.text.startswith(_PARTY) \
            and text.startswith(_PARTY, m.start - len(_PARTY)):
        return replace(m, text=_PARTY + m.text, start=m.start - len(_PARTY))
    return m


_CLAUSE_END = re.compile("[。；;，,]")


_SECTION_SPLIT = re.compile(r"(?:^|(?<=[股科])[、和及与])(.+?[股科])(?=[、和及与]|$)")  # (人口监测与家庭发展股: one)


_SECTION_MIN = 4  # characters of a section named alone (医政医管股), as bare_section_re reads them


def _bare_sub_units(text: str, orgs: list[Mention], lex: Lexicon) -> list[Mention]:
    """A department named without its body right before its head's post (联系人：
    冯建民，社会救助股股长), or a section opening a clause before what it does
    (医政医管股牵头…): the department named in full elsewhere, else one of
    the body of its kind the document names most often, its author as a rule
    (bare_sub_units.tsv). On a line that names a body (a table row) the post is
    that body's (茂南区人社局 380 黄少华 就业股股长)."""
    counts = Counter(m.canonical for m in orgs if m.canonical)
    out = []
    found = [(m.group("unit"), m.group("head"), m.start(), m.end("unit"), m.end()) for m in lex.bare_sub_unit_re.finditer(text)]
    for m in lex.bare_section_re.finditer(text):
        items = list(_SECTION_SPLIT.finditer(m.group("list")))
        if len(items) > 1 or m.group("after") not in "等，。；、":
            for i in items:
                # 明确由养老服务股具体承办: the clause's words before the section are no part of it
                cut = max((b.end() for b in lex.boundary_re.finditer(i.group(1)) if b.start()
                           and b.group() not in lex.org_name_conjunctions), default=0)
                if len(i.group(1)) - cut >= _SECTION_MIN:
                    found.append((i.group(1)[cut:], i.group(1)[-1], m.start() + i.start(1) + cut, m.start() + i.end(1), None))
    for unit, head, start, end, post_at in found:
        if (post_at is not None and not text.startswith(lex.bare_sub_unit_posts[head], post_at)
                or any(o.start < end and start < o.end for o in out)
                or unit[0] in LEVELS or lex.boundary_re.match(unit) or lex.org_body(unit)
                or "委" + unit in lex.org_bodies or any(o.start < end and start < o.end for o in orgs)):
            continue  # 市民政局科长: a level body's; 宣传部部长: the party's, another rule's
        named = next((o for o in orgs if o.rule == "org.sub-unit" and (o.canonical or "").endswith(unit)), None)
        if named is not None:
            out.append(replace(named, text=unit, start=start, end=end, rule="org.bare-sub-unit"))
            continue
        bodies = [o for o in orgs if o.canonical and o.canonical.endswith(lex.bare_sub_unit_parents[head])]
        line_start = text.rfind("\n", 0, start) + 1
        if not bodies or post_at is not None and any(
                line_start <= o.start and o.end <= start and not _CLAUSE_END.search(text, o.end, start) for o in orgs):
            continue  # 茂南区人社局 380 黄少华 就业股股长: a table row's post in the body it names
        # the first of the most named; a section that acts, the first named (its report's author)
        parent = max(bodies, key=lambda o: counts[o.canonical]) if post_at is not None else min(bodies, key=lambda o: o.start)
        # (委基层卫生健康股, 局社会救助股: the body's own section, its one-character mark first)
        mark = lex.own_section_marks.get(unit[0])
        own = unit[1:] if mark and parent.canonical.endswith(mark) and len(unit) > 4 else unit
        out.append(Mention("Organization", unit, start, end, "org.bare-sub-unit",
                           canonical=parent.canonical + own, city=parent.city))
    return out


def _from_the_wider_place(orgs: list[Mention], places: list[Mention], lex: Lexicon) -> list[Mention]:
    """A town right before a county or city that starts a body's name says where
    the body is, and is no part of its name (走进前川街道黄陂区前川第三中学)."""
    by_start = {p.start: p for p in places if p.code}
    out = []
    for m in orgs:
        town, wider = by_start.get(m.start), None
        if town is not None and town.end < m.end:
            wider = by_start.get(town.end)
        levels = [(d.level if (d := lex.gazetteer.by_code(p.code)) else None) for p in (town, wider) if p is not None]
        if wider is not None and wider.end < m.end and levels in (["town", "county"], ["town", "city"]):
            cut = wider.start - m.start
            canonical = m.canonical[cut:] if m.canonical and m.canonical.startswith(m.text[:cut]) else m.canonical
            m = replace(m, text=m.text[cut:], start=wider.start, canonical=canonical)
        out.append(m)
    return out


def _not_counted(text: str, orgs: list[Mention], places: list[Mention], lex: Lexicon) -> list[Mention]:
    """A body's name counted right after it, more than one (电子城街道、等驾坡街道综合养老服务中心2个，)
    is a kind of body in the places it names, not a body; a place's own name counted
    (其中丹阳市3家) is a breakdown of another count."""
    place_spans = {(p.start, p.end) for p in places}
    return [m for m in orgs if (m.start, m.end) in place_spans or not lex.org_plural_count_re.match(text, m.end)]


def _level_names_of_the_one_body(orgs: list[Mention], lex: Lexicon) -> list[Mention]:
    """A county's short name left unexpanded (县慈善会 in a province's document) is
    the body of that kind the document names in full before it, with a county of
    the gazetteer, where it names only one (苍溪县慈善会 … 县慈善会)."""
    out = []
    seen: dict[tuple[str, str], set[str]] = {}  # (level, body) -> full names so far: (县, 慈善会) -> {苍溪县慈善会}
    for m in orgs:
        name = m.canonical or m.text
        if m.rule == "org.level-body":
            full = seen.get((name[0], name[1:]), set()) if name[0] in _COUNTY_LEVELS and len(name) >= 3 else set()
            out.append(replace(m, canonical=next(iter(full))) if len(full) == 1 else m)
            continue
        out.append(m)
        if (m.city and name.startswith(m.city) and m.city[-1] in _COUNTY_LEVELS
                and any(d.level == "county" for d in lex.gazetteer.lookup(m.city))):
            seen.setdefault((m.city[-1], name[len(m.city):]), set()).add(name)
    return out


_LONGEST_NAME = 40  # characters: how far back a name that holds a later short name may start


def _with_short_names(text: str, orgs: list[Mention]) -> list[Mention]:
    """A short name a note gives a body is that body wherever it stands after
    the note, as a name of its own (not inside a longer one: 市残联 in 冷水江市残联)
    or as a name recognized with another full form (康乐中心, 社事办)."""
    ends = {m.end: m for m in orgs}
    index = SpanIndex((m.start, m.end) for m in orgs)
    replaced: dict[tuple[int, int], Mention] = {}
    for note in SHORT_NAME_NOTE.finditer(text):
        full, short = ends.get(note.start()) or ends.get(note.start() + 1), note.group(1)
        if full is None or len(short) < 2 or full.text == short or text[full.start - 1:full.start] in ("和", "与", "及", "、"):
            continue  # A和B（以下简称“两部门”）: the note names the list
        canonical = full.canonical or full.text
        pos = text.find(short, note.start(1))
        while pos >= 0:
            span = (pos, pos + len(short))
            inside = any(span[0] < e and (b, e) != span for b, e in index.starting_in(pos - _LONGEST_NAME, span[1]))
            if not inside:
                replaced[span] = Mention("Organization", short, pos, pos + len(short), "org.short-name",
                                         canonical=canonical, city=full.city)
            pos = text.find(short, pos + len(short))
    if not replaced:
        return orgs
    return sorted([m for m in orgs if (m.start, m.end) not in replaced] + list(replaced.values()),
                  key=lambda m: (m.start, m.end))


def _without_their_county(orgs: list[Mention], places: list[Mention]) -> list[Mention]:
    """A town's body named first with its county (南华县五街镇敬老院) and later with
    the town alone (五街镇敬老院) is one body, of the full name; so is a village's
    (乐陵市杨安镇刘武官村幸福院, later 刘武官村幸福院)."""
    by_start = {p.start: p for p in places}
    full: dict[str, str] = {}
    out = []
    for m in orgs:
        run = [by_start[m.start]] if m.start in by_start else []
        while run[-1:] and run[-1].end in by_start and by_start[run[-1].end].end < m.end:
            run.append(by_start[run[-1].end])
        if len(run) > 1 and m.rule != "org.sub-unit":
            for lower in run[1:]:
                full.setdefault(m.text[lower.start - m.start:], m.canonical or m.text)
        elif m.text in full and run and (m.canonical or m.text) == m.text:
            m = replace(m, canonical=full[m.text])
        out.append(m)
    return out


def _after_their_system(text: str, orgs: list[Mention], places: list[Mention], lex: Lexicon) -> list[Mention]:
    """A body written after its national system and the places around its own
    (国家税务总局天津市南开区税务局) is mentioned from the system on, and named
    with the system before its own place (国家税务总局南开区税务局)."""
    by_end = {p.end: p for p in places}
    out = []
    for m in orgs:
        pos = m.start
        while (wider := by_end.get(pos)) is not None:
            pos = wider.start
        name = m.canonical or m.text
        prefix = next((p for p in lex.org_system_prefixes if text.startswith(p, pos - len(p))), None)
        if prefix is not None and pos < m.start and not name.startswith(prefix):
            m = replace(m, text=text[pos - len(prefix):m.end], start=pos - len(prefix), canonical=prefix + name)
        out.append(m)
    return out


def _within_their_system(orgs: list[Mention], lex: Lexicon) -> list[Mention]:
    """A body the document names in full with its national system (国家税务总局来宾市税务局)
    is that body where it names it without (来宾市税务局, 市税务局)."""
    full = {}
    for m in orgs:
        name = m.canonical or m.text
        prefix = next((p for p in lex.org_system_prefixes if name.startswith(p) and len(name) > len(p)), None)
        if prefix:
            full[name[len(prefix):]] = name
    if not full:
        return orgs
    return [replace(m, canonical=full[m.canonical or m.text]) if (m.canonical or m.text) in full else m for m in orgs]


def _sharing_a_head(text: str, orgs: list[Mention], places: list[Mention]) -> list[Mention]:
    """Places listed before a body of the last of them share its head
    (京口区、润州区、丹徒区人民政府; 马官镇、化处镇区域性养老服务中心): each names a body
    of its own, mentioned by the place's words."""
    by_end = {p.end: p for p in places}
    by_start = {p.start: p for p in places}
    out = []
    for o in orgs:
        last = by_start.get(o.start)
        if last is None or last.end >= o.end or o.rule == "org.sub-unit":
            continue
        head = o.text[last.end - o.start:]
        if "等" in head or o.rule == "org.head.school":
            continue  # 莱阳市、栖霞市等地农村学校: places that a kind of body is in, not bodies named by them
        pos = o.start
        while text[pos - 1:pos] == "、" and (prev := by_end.get(pos - 1)) is not None:
            name = prev.canonical or prev.text
            canonical = (o.canonical or o.text).replace(last.canonical or last.text, name, 1)
            if canonical == (o.canonical or o.text):
                canonical = name + head
            out.append(Mention("Organization", prev.text, prev.start, prev.end, "org.shared-head",
                               canonical=canonical, city=o.city))
            pos = prev.start
    return out


_SENTENCE_END = re.compile(r"[。！？；\n]")


def _cities_of_their_sentences(text: str, orgs: list[Mention], places: list[Mention], ctx: PlaceContext,
                               lex: Lexicon) -> list[Mention]:
    """In a document about several cities, 市民政局 is the body of the city its
    sentence is about (在十堰市，市民政局联合市残联…), not of the document's."""
    if ctx.city is None or not ctx.regional:
        return orgs
    gaz = lex.gazetteer
    cities = sorted(((p.start, p.end, gaz.by_code(p.code)) for p in places
                     if p.code and gaz.by_code(p.code).level == "city"), key=lambda c: (c[1], c[0]))
    city_ends = [e for _, e, _ in cities]
    from dataclasses import replace

    out = []
    for m in orgs:
        if m.text[:1] == "市" or (m.text[:2] == "团市" and m.rule.startswith("org.youth-league")):
            # the nearest city before it, if its sentence is the same
            k = bisect.bisect_right(city_ends, m.start) - 1
            local = cities[k][2] if k >= 0 and not _SENTENCE_END.search(text, cities[k][1], m.start) else None
            if local is not None and local.code != ctx.city.code and m.canonical and ctx.city.name in m.canonical:
                m = replace(m, canonical=m.canonical.replace(ctx.city.name, local.name, 1), city=local.name)
        out.append(m)
    return out


def _counties_of_their_sentences(text: str, orgs: list[Mention], places: list[Mention], lex: Lexicon) -> list[Mention]:
    """县教育局 or 区残联 left unexpanded (no home county) is the body of the county
    or district of that level its sentence names before it (在石门县，由县教育局牵头…;
    在秀洲区，区残联联合区卫生健康局…)."""
    gaz = lex.gazetteer
    by_level: dict[str, list] = {}  # level character -> (end, division) of its places, in text order
    for p in sorted(places, key=lambda p: p.end):
        division = gaz.by_code(p.code) if p.code else None
        if division is not None and division.level == "county" and division.name[-1:] in _COUNTY_LEVELS:
            by_level.setdefault(division.name[-1], []).append((p.end, division))
    ends = {level: [e for e, _ in named] for level, named in by_level.items()}
    from dataclasses import replace

    out = []
    for m in orgs:
        level = next((c for c in m.text[:2] if c in LEVELS), None)
        prefixes, closings = _unplaced_forms()
        prefix = next((p for p in prefixes if level and m.canonical and m.canonical.startswith(p + level)), None)
        if prefix is not None and level in by_level:
            k = bisect.bisect_right(ends[level], m.start) - 1
            end, division = by_level[level][k] if k >= 0 else (0, None)
            if division is not None and not _SENTENCE_END.search(text, end, m.start):
                m = replace(m, canonical=prefix + division.name + m.canonical[len(prefix) + 1:], city=division.name)
        if prefix is not None and m.canonical.startswith(tuple(prefix + level + c for c in closings)):
            # 团区委(学校部) of no county named: its own words say more than 共青团区委员会(学校部)
            m = replace(m, canonical=None)
        out.append(m)
    return out



_COUNTY_LEVELS = LEVELS[2:4]  # 县, 区: the levels of a county-level body's short form
