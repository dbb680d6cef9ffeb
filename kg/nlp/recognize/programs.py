"""Programs: national brands, quoted names classified by their head and what
follows the quote, and unquoted names ending in a program head (行动, 驿站 …)."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from itertools import accumulate

from kg.nlp.lexicon import Lexicon, Words, heads_by_end
from kg.nlp.recognize.local_bodies import LOCAL_BODY_RULE
from kg.nlp.recognize.notes import SHORT_NAME_NOTE
from kg.nlp.recognize.spans import SpanIndex
from kg.types import Mention
from kg.text.lines import RE_NUMBERED_HEADING, RE_ROW_INDEX, TABLE_HEAD, lines_with_starts, names_columns

_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』。！？；\n]{2,24})[”\"」』]")
_OPENING_QUOTES = frozenset("“\"「『")
_QUOTE_MARKS = re.compile(r"[“”\"「」『』]")
_PROGRAM_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()·]")
_MAX_LEN = 26
# Quoted text that reads as a slogan or a mode: formulas with +, 一X一Y idioms.
_SLOGAN = re.compile(r"[+＋\-－](?!$)|^一.一.$|^[^\u4e00-\u9fff]*$|^[一二两三四五六七八九十]{1,2}[^\u4e00-\u9fff]?.{0,3}$(?<!行动)(?<!工程)(?<!计划)")
_CONJUNCTIONS = "和与及或"
# “送政策、送岗位、送服务”, “评估—适配—回访”: three or more parallel short phrases
_PARALLEL_ITEMS = re.compile(r"^[^、—－]{1,9}(?:[、—－][^、—－]{1,9}){2,}$")
_LONG_TAIL = 3  # “学业务、比服务、强作风”岗位练兵活动: a list with a head of its own is a name
_EDITION = re.compile(r"第[一二三四五六七八九十百\d]{1,4}[届期次]$")
_YEAR = re.compile(r"^(?:19|20)\d{2}年")
_ENUMERATOR = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|附?表\d{1,2})")  # （二）, 表2
# a table row's number run into the name in its next cell once spaces are gone (1社区（村）食堂建设工程)
_DATE_UNITS = ("年", "月", "日")  # after a date's digits (2024年…, 7月…): no part of a name
_ROW_NUMBER = re.compile(r"^\d{1,3}(?=[\u4e00-\u9fff“\"（(])")


def canonical_program(name: str) -> str:
    # Half-width brackets and quote marks vary between documents of one program.
    return name.replace("(", "（").replace(")", "）").strip("“”\"「」 ")


def _brands(text: str, lex: Lexicon) -> list[Mention]:
    out = []
    for canonical, pattern, context in lex.brands:
        for m in pattern.finditer(text):
            if context is not None:
                window = text[max(0, m.start() - 6): m.end() + 6]
                if m.group(0).isdigit() and not context.search(window):
                    continue  # a bare number with nothing around it saying it is the hotline
            surface, start, end = m.group(0), m.start(), m.end()
            if surface.count("“") != surface.count("”"):  # “12355 or 12355”: the quote is the text's, not the name's
                inner = surface.strip("“”\"")
                start += surface.index(inner)
                surface, end = inner, start + len(inner)
            out.append(Mention("Program", surface, start, end, "program.brand", canonical=canonical))
    return out


_HEAD_WINDOW = 14


def _head_after(text: str, pos: int, heads: Words) -> str | None:
    """A head word right after the quote, or closing a short modifier after it
    (“阳光成长”心理健康教育系列活动); the longest one."""
    window = re.match(r"[\u4e00-\u9fff]{0,%d}" % _HEAD_WINDOW, text[pos:pos + _HEAD_WINDOW + 4]).group(0)
    head = heads.longest_prefix(window)
    return head if head is not None else heads.longest_suffix(window, min_len=2)


def _is_brand(name: str, lex: Lexicon) -> bool:
    return name in lex.national_programs or any(p.fullmatch(name) for _, p, _ in lex.brands)


def _slogan_list(name: str, lex: Lexicon) -> bool:
    """Three or more parallel short phrases that are not the places a campaign goes into."""
    if not _PARALLEL_ITEMS.match(name):
        return False
    # the first phrase may carry the campaign's topic (心理健康进社区、进校园…)
    items = re.split(r"[、—－]", name)
    return not all(item.startswith(lex.program_campaign_moves) for item in items[1:])


def _name_tail(text: str, pos: int, lex: Lexicon) -> str:
    """The words right after a quote when they end in a program head
    (工程, 计划, 热线, 课堂, 系列活动 …); empty when they do not."""
    window = re.match(r"[\u4e00-\u9fffA-Za-z0-9]{0,20}", text[pos:pos + 20]).group(0)
    if window[:1] in _CONJUNCTIONS:
        return ""  # “青少年之家”和12355青少年服务台: another name follows
    cut = lex.program_tail_cut_re.search(window)  # a predicate starts (…两项工作列入…项目)
    if cut:
        window = window[:cut.start()]
    # the first head ends the name
    return lex.program_name_tail_words.shortest_prefix_ending_in_word(window, min_len=2) or ""


# a social-assistance scheme a document names in passing: a program, but placed nowhere
PASSING_SCHEME_RULE = "program.national-passing"


def _national(text: str, lex: Lexicon) -> list[Mention]:
    out = []
    for end_idx, alias in lex.national_program_automaton.iter_long(text):
        start = end_idx - len(alias) + 1
        if alias in lex.assistance_abbreviations and lex.program_people_after_re.match(text, end_idx + 1):
            continue  # 低保户, 低保、特困老年人: people, not the scheme (最低生活保障家庭 still cites it)
        out.append(Mention("Program", alias, start, end_idx + 1, "program.national", canonical=lex.national_programs[alias]))
    # social-assistance schemes are programs only in a document that lays several out
    named = {m.canonical for m in out} & lex.assistance_schemes
    if len(named) < lex.assistance_min_named:
        # …or where it is named by its full name, not only by an abbreviation (低保)
        in_full = {m.canonical for m in out if m.text not in lex.assistance_abbreviations}
        counts = Counter(m.canonical for m in out)
        several = len(named) >= lex.assistance_passing_min_named

        def kept(m: Mention) -> bool:
            return m.canonical not in lex.assistance_schemes or m.canonical in in_full

        def passing(m: Mention) -> bool:  # named once among others: placed nowhere
            return (several and m.canonical in lex.assistance_schemes
                    and counts[m.canonical] < lex.assistance_placed_min_mentions)
        out = [replace(m, rule=PASSING_SCHEME_RULE) if passing(m) else m for m in out if kept(m)]
    # a kind of facility only ever counted (家庭养老床位316张) is what is counted, no program
    talked_of = {m.canonical for m in out if m.canonical in lex.counted_programs
                 and not lex.program_count_re.match(text, m.end)
                 and not lex.program_count_before_re.search(text, max(0, m.start - 8), m.start)}
    return [m for m in out if m.canonical not in lex.counted_programs or m.canonical in talked_of]


_TOPIC_MAX = 10
_LIST_MARK = re.compile(r"[一二三四五六七八九十]是")  # 一是…二是…: a list's items


def _topic_start(text: str, quote: int, lex: Lexicon) -> int:
    """Where a project's name starts when its topic comes before its quoted
    brand (二是青少年心理健康“知心屋”建设项目): after the last punctuation, list
    mark, boundary word or lead verb before the quote; the quote itself where
    no such edge is within reach or the topic is a place (衢州“…”工程 keeps its
    name as quoted)."""
    i = quote
    while i > 0 and quote - i < 3 * _TOPIC_MAX and "\u4e00" <= text[i - 1] <= "\u9fff":
        i -= 1
    if i and text[i - 1].isdigit() and text.startswith(_DATE_UNITS, i):
        i += 1  # 2024年随州市“随心护苗”…: a date ends before the topic
    words = text[i:quote]
    edge = 0 if i == 0 or not "\u4e00" <= text[i - 1] <= "\u9fff" else None  # after punctuation
    for cut in (*lex.boundary_re.finditer(words), *lex.program_verb_re.finditer(words),
                *_LIST_MARK.finditer(words)):
        edge = max(edge or 0, cut.end())
    if edge is None:
        return quote
    topic = words[edge:]
    lead = lex.program_lead_re.match(topic)
    if lead:
        topic = topic[lead.end():]
    placed = lex.place_words.has_prefix(topic[:8]) or lex.short_place_words.has_prefix(topic[:8])
    # 市民政局以“护苗彭城”关爱行动: a clause ending in a preposition is no topic
    if placed or not 4 <= len(topic) <= _TOPIC_MAX or topic[-1] in lex.program_lead_chars:
        return quote
    return quote - len(topic)


def _quoted(text: str, lex: Lexicon) -> list[Mention]:
    matches = list(_QUOTED.finditer(text))
    out = []
    undecided = []  # quotes that nothing around them shows to be a program
    for i, m in enumerate(matches):
        name = m.group(1).strip()
        if (_SLOGAN.search(name) and not name.startswith(lex.program_numeral_words)) or name in lex.program_stop:
            continue
        if name.endswith(lex.program_manner_ends):
            continue  # 开展“订单式”培训: a manner
        # Consecutive quotes (“A”“B”等活动) share the head after the last one.
        j = i
        while j + 1 < len(matches) and matches[j + 1].start() - matches[j].end() <= 1:
            j += 1
        after = matches[j].end()
        grouped = text.startswith("等", after)
        if grouped:
            after += 1
        tail = _name_tail(text, m.end(), lex) if j == i and not _is_brand(name, lex) else ""
        if name.endswith(lex.program_suffix_tuple) and tail in lex.program_head_words.words:
            tail = ""  # “南海家长学堂”讲座: a name with its head already, then a bare kind noun
        if _slogan_list(name, lex) and len(tail) < _LONG_TAIL:
            continue  # a slogan or the steps of a procedure, whatever bare noun follows
        if tail:  # “心晴守护”校园心理护航工程: the words after the quote complete the name
            end = m.end() + len(tail)
            # 第六届“创青春”…大赛: the edition belongs to the event's name
            edition = _EDITION.search(text, max(0, m.start() - 6), m.start())
            start = edition.start() if edition else _topic_start(text, m.start(), lex)
            out.append(Mention("Program", text[start:end], start, end, "program.quoted-head",
                               canonical=canonical_program(text[start:m.start()] + name + tail), alias=name))
            continue
        if _head_after(text, after, lex.program_not_head_words):
            continue  # “…”模式, “…”原则: a mode or slogan
        # (“家门口”的心灵驿站: a head past 的 is what the quote describes, not the quote's own)
        describes = text.startswith("的", after)
        is_program = (not describes and _head_after(text, after, lex.program_head_words) is not None) or any(
            name.endswith(s) and len(name) - len(s) >= 1 for s in (*lex.program_suffixes, *lex.program_quoted_suffixes)
        ) or lex.program_count_re.match(text, after) is not None or _carried(text, m.start(), after, lex) or (
            grouped and _name_tail(text, after, lex)) or (
            _on_project_list(text, m.start(), m.end(), lex)) or (
            text.endswith(lex.program_launch_verbs, 0, m.start()) and not describes)
        if not is_program:
            undecided.append(m)
            continue
        begin = m.start(1)
        lead = lex.program_lead_re.match(name)
        if lead and len(name) - lead.end() >= 4 and _on_project_list(text, m.start(), m.end(), lex):
            name, begin = name[lead.end():], begin + lead.end()  # 将“新建户外劳动者服务站点”列入…: the sites
        out.append(Mention("Program", name, begin, begin + len(name), "program.quoted",
                           canonical=canonical_program(name)))
    # a name the document shows to be a program once (开设“邻里互助餐桌”17处) is one
    # wherever else it is quoted (…开设“邻里互助餐桌”，由低龄老人…)
    known = {m.text for m in out if m.rule == "program.quoted"}
    out += [Mention("Program", m.group(1), m.start(1), m.end(1), "program.quoted", canonical=canonical_program(m.group(1)))
            for m in undecided if m.group(1) in known]
    return sorted(out, key=lambda m: (m.start, m.end))


_CARRIER_REACH = 20


def carrier_close(text: str, start: int, end: int, lex: Lexicon) -> re.Match | None:
    """以 <name> … 为载体/为抓手 around text[start:end], within one clause: the
    closing words, else None."""
    if not text.endswith(lex.carrier_open, 0, start):
        return None
    clause = re.match(r"[^，。；！？\n]{0,%d}" % _CARRIER_REACH, text[end:end + _CARRIER_REACH]).group(0)
    return lex.carrier_close_re.search(clause)


def _on_project_list(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """“…” among the quoted items that 将/把 … 纳入/列入 put on the year's livelihood
    projects (将“心理援助热线扩容提质”和“社区心理健康服务站建设”纳入市级民生实事)."""
    return (lex.project_frame_before_re.search(text, max(0, start - 60), start) is not None
            and lex.project_frame_after_re.match(text, end) is not None)


def _carried(text: str, start: int, after: int, lex: Lexicon) -> bool:
    # 新建“青翼家园”9家 (a count), 以“阳光心苑”…建设为抓手 (what the work goes through)
    return carrier_close(text, start, after, lex) is not None


def _by_suffix(text: str, lex: Lexicon) -> list[Mention]:
    out = []
    for end, suffix in heads_by_end(lex.program_suffix_automaton, text):
        if text.startswith(lex.program_suffix_not_before[suffix], end) if lex.program_suffix_not_before[suffix] else False:
            continue  # 行动方案 is a plan, not a program
        i = end - len(suffix)
        while i > 0 and end - (i - 1) <= _MAX_LEN and _PROGRAM_CHAR.match(text[i - 1]):
            i -= 1
        span = text[i:end]
        # a boundary word inside a place's name is none (呼和浩特市…运动会: not 和)
        in_place = [(e - len(w) + 1, e + 1) for e, w in lex.place_automaton.iter_long(span)]
        cut = 0
        for bm in lex.boundary_re.finditer(span[: -len(suffix)]):
            if not any(a < bm.end() and bm.start() < b and (a, b) != (bm.start(), bm.end()) for a, b in in_place):
                cut = max(cut, bm.end())
        for lm in lex.program_lead_any_re.finditer(span[: -len(suffix)]):
            if lm.end() < len(span) - len(suffix) or lm.group(0) not in lex.program_head_verbs:
                cut = max(cut, lm.end())  # but …改造提升工程: 提升 right before the head is part of the name
        span = span[cut:]
        enum = _ENUMERATOR.match(span)  # （二）建设…平台, 表2上半年…驿站: a heading's or table's number
        if enum:
            span = span[enum.end():]
        elif (row := _ROW_NUMBER.match(span)) and (end - len(span) == 0 or text[end - len(span) - 1] == "\n"):
            span = span[row.end():]  # a row's 序号 at the start of its line
        if span.startswith(_DATE_UNITS) and text[end - len(span) - 1:end - len(span)].isdigit():
            span = span[1:]  # 7月老年健康宣传周: a date's unit, not a row's number and the name
        if text[end - len(span) - 1:end - len(span)] in ("”", '"', "」"):
            continue  # the quoted name before it is the program; this is its head noun
        lead = lex.program_lead_re.match(span)
        if lead and lead.end() < len(span) - len(suffix) + 1:
            span = span[lead.end():]
        start = end - len(span)
        if len(span) - len(suffix) < lex.program_suffixes[suffix] or span in lex.program_stop:
            continue
        if lex.program_description_re.search(span):
            continue  # 一项重要民生工程, 希望这个项目: said of a program, not its name
        if span[: -len(suffix)] in lex.full_place_names:
            continue  # 奎文区计划(新建…): a place's plan, not a named program
        year = _YEAR.match(span)
        if any(c.isdigit() for c in span[year.end() if year else 0:]):
            continue  # counts (企业75个项目) are not names; numbered brands come from brands.json
        if lex.program_not_contain.search(span):
            continue
        if span.count("（") != span.count("）") or span.count("(") != span.count(")"):
            continue
        if year and span[year.end():] in lex.program_stop:
            continue  # 2025年工作计划: a heading
        if year:  # “2023年…系列新闻发布会”: the year belongs to the canonical name, not the surface
            out.append(Mention("Program", span[year.end():], start + year.end(), end, "program.head",
                               canonical=canonical_program(span)))
            continue
        out.append(Mention("Program", span, start, end, "program.head", canonical=canonical_program(span)))
    return out


def _outside(spans):
    """A test of whether a mention lies inside none of the spans: among the
    spans starting at or before it, the farthest end is before its end."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))

    def outside(m: Mention) -> bool:
        k = bisect_right(starts, m.start)
        return k == 0 or reach[k - 1] < m.end

    return outside


def _after_orgs(m: Mention, orgs: SpanIndex) -> Mention:
    """Cut an unquoted name after an organization inside it (市卫健委全面推进…行动)."""
    cut = max((e for _, e in orgs.starting_in(m.start, m.end) if e < m.end), default=None)
    if cut is None:
        return m
    from dataclasses import replace

    # the full form (南阳市…信息平台) stays an alias of the program it names
    return replace(m, text=m.text[cut - m.start:], start=cut, canonical=canonical_program(m.text[cut - m.start:]),
                   alias=m.text)


_HONOR_REACH = 10  # characters before a name: 被评为 and a year (获评2023年度…)


def recognize_programs(text: str, lex: Lexicon, orgs=(), policy_spans=(), places=()) -> list[Mention]:
    """Programs; unquoted names inside policy titles are part of the title, not mentions."""
    from kg.nlp.recognize.organizations import select_non_overlapping

    by_suffix = []
    org_spans = SpanIndex((o.start, o.end) for o in orgs)
    for m in _by_suffix(text, lex):
        m = _after_orgs(m, org_spans)
        lead = lex.program_lead_re.match(m.text)
        if lead and lead.end() < len(m.text) - 1:
            from dataclasses import replace

            m = replace(m, text=m.text[lead.end():], start=m.start + lead.end(),
                        canonical=canonical_program(m.text[lead.end():]))
        if len(m.text) >= 3 and m.text not in lex.program_stop:
            by_suffix.append(m)
    counts = {}
    for m in by_suffix:
        counts[m.text] = counts.get(m.text, 0) + 1
    quoted = {q.group(1) for q in _QUOTED.finditer(text)}
    def _placed(name: str) -> bool:
        return lex.place_words.has_prefix(name[:8]) or lex.short_place_words.has_prefix(name[:8])

    by_suffix = [m for m in by_suffix if len(m.text) >= 6 or counts[m.text] > 1 or m.text in quoted
                 or m.canonical != canonical_program(m.text) or _placed(m.text)]
    org_spans = [(o.start, o.end) for o in orgs]
    fixed = _brands(text, lex) + _national(text, lex)
    # a head-word name ending in a brand or national scheme is that scheme with words before it (全年长期护理保险)
    by_suffix = [m for m in by_suffix if not any(n.end == m.end and n.start > m.start for n in fixed)]
    found = list(filter(_outside(policy_spans), fixed + by_suffix + _project_items(text, lex, fixed)
                        + _labelled(text, lex) + _column_named(text, lex) + _headings(text, lex)))
    quoted_found = _quoted(text, lex)
    # “瓷心晴”驿站 named with its head: an unquoted 校园驿站 or 课间就能来驿站 is one of its
    # sites or a kind of them, not another program (a place-named one still is)
    brand_heads = {h for q in quoted_found if q.rule == "program.quoted-head" and q.alias
                   for h in lex.program_site_heads if q.text.endswith(h) and not q.alias.endswith(h)}
    found = [m for m in found if not (m.rule == "program.head" and m.text.endswith(tuple(brand_heads))
                                      and m.text not in quoted and not _placed(m.text))]
    # a program's site named after its place (垂杨镇残疾人之家) still names the program at its end
    site_ends = {o.end for o in orgs if o.rule == LOCAL_BODY_RULE}
    outside_orgs = _outside(org_spans)
    found = [m for m in found + quoted_found + _repeated(text, quoted_found, lex)
             if m.end in site_ends or outside_orgs(m)]
    # 获评…优秀志愿服务项目: an honour's title
    found = [m for m in found if not lex.program_honor_before_re.search(text, max(0, m.start - _HONOR_REACH), m.start)]
    found = select_non_overlapping(found)
    again = list(filter(_outside(policy_spans), filter(_outside(org_spans), _named_again(text, found))))
    return _with_short_names(text, select_non_overlapping(found + again) if again else found)


# rules that name a program by where it stands (a heading, a table's column, a label,
# a list of projects), not by words that recur wherever it is named
_PLACED_RULES = ("program.heading", "program.column", "program.label", "program.project-item")


def _named_again(text: str, found: list[Mention]) -> list[Mention]:
    """A program named by a heading or a table (（三）推进居家适老化改造…), named
    again in running text (县民政局…实施居家适老化改造210户): the same program
    wherever it is not already a mention (the caller keeps the longest of those
    that overlap, as for every other rule)."""
    spans = {(m.start, m.end) for m in found}
    out = []
    placed = {(m.text, m.canonical) for m in found if m.rule in _PLACED_RULES and len(m.text) >= 4}
    for name, canonical in sorted(placed):
        pos = text.find(name)
        while pos >= 0:
            if (pos, pos + len(name)) not in spans:
                out.append(Mention("Program", name, pos, pos + len(name), "program.repeated", canonical=canonical))
            pos = text.find(name, pos + len(name))
    return out




def _with_short_names(text: str, found: list[Mention]) -> list[Mention]:
    """A short name a note gives a program is that program wherever it stands
    after the note: each later occurrence is a mention of it, and a longer
    unquoted name that only ends in it is no program (市级财政安排提升行动专项资金
    names no 财政安排提升行动)."""
    ends = {m.end: m for m in found}
    aliases = []
    for note in SHORT_NAME_NOTE.finditer(text):
        full = ends.get(note.start()) or ends.get(note.start() + 1)
        short = note.group(1)
        if full is None or len(short) < 2 or full.text == short or text[full.start - 1:full.start] in "和与及、":
            continue  # …生活补贴和…护理补贴（以下简称“两项补贴”）: the note names the list
        canonical = full.canonical or canonical_program(full.text)
        pos = text.find(short, note.start(1))
        while pos >= 0:
            aliases.append(Mention("Program", short, pos, pos + len(short), "program.short-name",
                                   canonical=canonical))
            pos = text.find(short, pos + len(short))
    if not aliases:
        return found
    spans = [(a.start, a.end) for a in aliases]
    kept = [m for m in found if not any(m.start < e and s < m.end for s, e in spans)]
    return sorted(kept + aliases, key=lambda m: (m.start, m.end))


# 三、残疾人康复和托养服务项目 / （五）适龄妇女“两癌”免费筛查项目: a numbered heading line, or a
# heading sentence that opens its item's line and joins two things (（二）残疾儿童康复救助和辅具适配项目。为…)
_HEADING = re.compile(r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                      r"|\d{1,2}[、.．](?!\d))[ \t\u3000]*([^，。；：:,;！？\n]{4,30}?)(?:[ \t\u3000]*$|(。))", re.MULTILINE)


_JOINED = ("和", "及")  # the words a name in running text is cut at


def _headings(text: str, lex: Lexicon) -> list[Mention]:
    """A numbered heading that is nothing but a program's name names it whole,
    with the words a name in running text is cut at (和, a quote inside it)."""
    out = []
    for m in _HEADING.finditer(text):
        name, start = m.group(1), m.start(1)
        if m.group(2) and not any(w in name for w in _JOINED):
            continue  # a heading sentence names a program whole only where running text would cut it
        lead = lex.program_lead_re.match(name)
        if lead and lead.end() < len(name) - 2:
            name, start = name[lead.end():], start + lead.end()
        suffix = next((x for x in lex.program_suffix_tuple if name.endswith(x)), None)
        if (suffix is None or len(name) - len(suffix) < max(lex.program_suffixes[suffix], 2)
                or name in lex.program_stop or lex.program_not_contain.search(name) or _YEAR.match(name)
                or re.search(r"\d(?:" + lex.unit_re + ")", name)  # 新建助餐点120个: a count, no name
                or name.count("“") != name.count("”") or name.count("（") != name.count("）")):
            continue
        # the quote marks go, as for a quoted name with its head (“银龄助餐”扩面工程)
        out.append(Mention("Program", name, start, start + len(name), "program.heading",
                           canonical=canonical_program(_QUOTE_MARKS.sub("", name))))
    return out


def _labelled(text: str, lex: Lexicon) -> list[Mention]:
    """The value of a project-name label (项目名称：…项目), a name as given."""
    out = []
    for m in lex.program_label_re.finditer(text):
        name = m.group(1).strip()
        if name.count("（") == name.count("）") and name.count("(") == name.count(")"):
            out.append(Mention("Program", name, m.start(1), m.start(1) + len(name), "program.label",
                               canonical=canonical_program(name)))
    return out


_NAME_CELL = re.compile(r"[\u4e00-\u9fff（）()、“”]{3,25}(?= )")


def _column_named(text: str, lex: Lexicon) -> list[Mention]:
    """The names in a table's project-name column, first or after 序号 (项目名称
    目标任务 牵头单位 …, each row a line): the cell up to the space after it."""
    out = []
    lines, starts = lines_with_starts(text)
    for i, line in enumerate(lines):
        if not names_columns(line):
            continue
        cells = line.split(" ")
        numbered = cells[0] == TABLE_HEAD
        if cells[int(numbered)] not in lex.program_label_words:
            continue
        for k in range(i + 1, len(lines)):
            row = lines[k]
            if " " not in row or RE_NUMBERED_HEADING.match(row):
                break  # a line of prose or a heading: the table has ended
            index = RE_ROW_INDEX.match(row) if numbered else None
            # (a numbered table's wrapped row goes on unnumbered: no name there)
            cell = _NAME_CELL.match(row, index.end() if index else 0) if index or not numbered else None
            if cell and cell.group() not in lex.program_stop:
                # “儿童之家”提质建设: as in running text, the quoted name is another name of it
                quoted = _QUOTED.search(cell.group())
                out.append(Mention("Program", cell.group(), starts[k] + cell.start(), starts[k] + cell.end(),
                                   "program.column", canonical=canonical_program(_QUOTE_MARKS.sub("", cell.group())),
                                   alias=quoted.group(1) if quoted and quoted.group(0) != cell.group() else None))
    return out


_LIST_PUNCT = "，。；：,;:\n（）()"
_LEADING_COUNT = re.compile(r"^[\d一二两三四五六七八九十百千万余]+(?:个|项|座|块|处|家|所)")


def _project_items(text: str, lex: Lexicon, fixed: list[Mention]) -> list[Mention]:
    """The items of a list closed by 等民生实事 / 两项民生实事 that end in a
    project's word (公共充电桩建设, 停车泊位增建扩能); an item holding a brand or
    national scheme is that program already."""
    out = []
    for m in lex.project_list_re.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in _LIST_PUNCT) + 1
        segment = text[start:m.start()]
        # the verb that opens the list (负责, 统筹推进, 聚焦), not one that ends an item (…建设、)
        cut = max((c.end() for c in (*lex.program_verb_re.finditer(segment), *lex.boundary_re.finditer(segment))
                   if len(c.group(0)) > 1 and c.end() < len(segment) and segment[c.end()] not in "、和及"),
                  default=0)
        pos = start + cut
        for item in re.split(r"[、和及]", text[pos:m.start()]):
            first, last = pos, pos + len(item)
            pos = last + 1
            count = _LEADING_COUNT.match(item)
            name = item[count.end():] if count else item
            begin = last - len(name)
            if any(q in name for q in "“”\""):
                continue  # “瓶改管”改造: the quoted name is the program
            if (not 4 <= len(name) <= 16 or not name.endswith(lex.project_item_ends)
                    or any(f.start < last and begin < f.end for f in fixed)):
                continue
            out.append(Mention("Program", text[begin:last], begin, last, "program.project-item",
                               canonical=canonical_program(name)))
    return out


def _repeated(text: str, quoted: list[Mention], lex: Lexicon) -> list[Mention]:
    """A program once named in quotes, named again without them (“残疾人之家”
    … 今年新建残疾人之家4个): the same program, if its name ends in a program's
    head (a quoted “嵌入式” is no name inside 社区嵌入式服务设施); another mention
    that covers the words wins (the longest span is kept)."""
    out = []
    for name in sorted({m.text for m in quoted if m.rule == "program.quoted" and len(m.text) >= 3
                        and m.text.endswith((*lex.program_suffix_tuple, *lex.program_quoted_suffixes))}):
        pos = text.find(name)
        while pos >= 0:
            if text[pos - 1:pos] not in _OPENING_QUOTES:
                out.append(Mention("Program", name, pos, pos + len(name), "program.repeated",
                                   canonical=canonical_program(name)))
            pos = text.find(name, pos + len(name))
    return out
