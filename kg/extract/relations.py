"""Sentence-level relation patterns: runs, partnerOf, issuedBy, operatesIn,
memberOf and subOrganizationOf, with the cue words from relation_cues.json."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from kg.extract.awards import award_relations, contact_block_body, purchaser_representatives
from kg.extract.assignments import (ITEM_NUMBER, addressed_rows, assigned_projects, designated_rows, duty_items,
                                    item_relations, place_rows, table_rows)
from kg.extract.hierarchy import parents_by_cue, parents_by_name
from kg.extract.sections import section_bodies
from kg.extract.letterhead import letterhead_partners
from kg.extract.notices import notice_title_runs
from kg.nlp.lexicon import alternation, load_lexicon
from kg.nlp.recognize.local_bodies import LOCAL_BODY_RULE
from kg.nlp.recognize.notes import SHORT_NAME_NOTE
from kg.nlp.recognize.programs import PASSING_SCHEME_RULE, carrier_close
from kg.text.lines import TABLE_HEAD
from kg.types import Mention, RelationFact

_CLAUSE_BREAK = re.compile(r"[，,；;。\n]")
_LIST_WORD = r"(?:、|和|及|以及|与|，)?"  # what stands between two listed bodies
_LIST_SEP = re.compile("^" + _LIST_WORD + "$")
_LIST_SEP_PREFIX = re.compile(_LIST_WORD)
# An organization this close to the sentence start is its grammatical subject
# (“2024年，市住建局…”); leading time phrases fit in the window.
_SUBJECT_WINDOW = 8
# A runs cue counts only this close before the program (开展“…”, 建设…驿站).
_CUE_REACH = 24
# the start of a list item: 一是, （三）, 二、, 3.
_LIST_ITEM = re.compile(r"\s*(?:[一二三四五六七八九十]+是|" + ITEM_NUMBER + ")")
_PARTNER_TAIL_REACH = 8  # characters after the last partner named after 与 where 合作/共建… must follow
_SPEAKER_TAG = re.compile(r"【([^】]{2,8})】|^[ \t\u3000]*([^\s：:，。、【】]{2,8})[：:]", re.M)
_BODY_SPEAKER_TAG = re.compile(r"^[ \t\u3000]*【([^】\n]{9,40})】[ \t\u3000]*$", re.M)
# a transcript's line that names the next speaker and ends with a colon (伊春市民政局局长 王德胜：)
_LINE_SPEAKER_TAG = re.compile(r"^[ \t\u3000]*([^\n：:。，；;！？]{5,40})[：:][ \t\u3000]*$", re.M)
_TOPIC_REACH = 1  # sentences after a program's own that may count its sites
_BREAKDOWN_REACH = 15  # sentences after the last program named that may break its count down by place
_BREAKDOWN_RULE = "rel.operates.breakdown"  # such a breakdown leaves the program its document city too
_OWN_NOUN_MIN = 3  # the shortest end of a program's name that calls its sites (青年驿站, not 驿站)
_BARE_HEAD = 2, 4  # lengths of a program's own head word that may stand for it (驿站, 服务中心)
_PASSIVE_GAP = 2  # 由各县区残联: a determiner at most before the body
_COMMISSION_GAP = 3  # 委托本地…: characters at most between 委托 and the body commissioned
_FRAME_MAX = 40  # characters of a guidance frame's bodies (市委、市政府的坚强领导和省民政厅的精心)
_COMMISSIONED_VERB_REACH = 12  # 引入某公司等专业机构连锁化运营: the verb within the commissioned body's clause
_OWN_VERB_REACH = 4  # 具体实施, 负责: the verb right after the organization


# 牵头单位：…, or a label set apart by a space inside a field (责任单位：牵头单位 市民政局；配合单位 市财政局)
_ASSIGNMENT_LABEL = r"(?P<word>{0})[：:]|(?<=[：:；;])[ \t\u3000]*(?P<inner>{0})[ \t\u3000]+"


@lru_cache(maxsize=1)
def _cues():
    c = load_lexicon().relation_cues
    alt = lambda words: re.compile(alternation(words))
    labels = alt(c["assignment"]["lead"] + c["assignment"]["other"]).pattern
    # 等, 等部门, 等五部门 after a list of bodies
    group = r"等(?:[一二三四五六七八九十0-9]*个?(?:" + alt(c["group_tail"]["nouns"]).pattern + r"))?"
    return {
        "runs": alt(c["runs"]),
        "passive": alt(c["runs_passive"]),
        "commission": alt(c["commission"]),
        # one body a unit of another: 所属的, 组建 a team, 作为…下属
        "sub_between": alt(c["affiliation"]["between"]),
        "sub_founding": alt(c["affiliation"]["founding"]),
        "sub_founded_heads": tuple(c["affiliation"]["founded_heads"]),
        "sub_reverse_open": alt(c["affiliation"]["reverse_open"]),
        "sub_reverse_close": alt(c["affiliation"]["reverse_close"]),
        # 据郴州市民政局统计: the body a figure is quoted from, not one that acts
        "source": re.compile("(?:" + alt(c["source"]).pattern + ")$"),
        "partner": alt(c["partner"]),
        "partner_tail": alt(c["partner_tail"]),
        "issue": alt(c["issue"]),
        "lead": alt(c["lead_assist"]["lead"]),
        "assist": alt(c["lead_assist"]["assist"]),
        "self": alt(c["lead_assist"]["self"]),
        # between the last of a list of organizations and the verb after it: 等部门, 等五部门, 共同
        "group_tail": re.compile(r"^(?:" + group + r")?(?:" + alt(c["group_tail"]["adverbs"]).pattern + r")?$"),
        "joint": frozenset(c["joint"]),
        "silent_publisher_ends": tuple(c["silent_publishers"]["ends"]),
        "questioner_ends": tuple(c["questioner_ends"]),
        "assignment": re.compile(_ASSIGNMENT_LABEL.format(labels)),
        # a table of projects: its head line names a unit-in-charge column (序号 项目名称 … 责任单位 …)
        # or whose head line names its columns (项目名称 目标任务 牵头单位 责任单位)
        "table_head": re.compile("^.*(?:" + labels + ").*$", re.MULTILINE),
        "table_lead": alt(c["assignment"]["lead"]),
        "table_other": alt(c["assignment"]["other"]),
        "table_assist": alt(c["assignment"]["assisting"]),
        # a table of institutions (序号 机构名称 …) and the list words of the line naming its program
        "designation_head": re.compile("^" + TABLE_HEAD + ".*(?:" + alt(c["designation"]["columns"]).pattern + ")",
                                       re.MULTILINE),
        "address_column": alt(c["designation"]["address_columns"]),
        "designation_list": alt(c["designation"]["list"]),
        # a table of places: the head line starts with a column of them (地区 长者食堂 …)
        "place_column": re.compile(r"[ \t\u3000]*(?:" + alt(c["place_table"]["columns"]).pattern + ")"),
        "assignment_lead": frozenset(c["assignment"]["lead"]),
        "assignment_partnering": frozenset(c["assignment"]["partnering"]),
        "assignment_assisting": frozenset(c["assignment"]["assisting"]),
        "assignment_responsible": frozenset(c["assignment"]["responsible"]),
        # an assignment's list of bodies ends with its line, its sentence or the next label
        "assignment_end": re.compile(r"[\n。；;]|" + _ASSIGNMENT_LABEL.format(labels)),
        # a breakdown by place starts with the place (其中，平城区新建…; 从各地完成情况看，朝阳区…)
        "breakdown_head": re.compile(r"\s*(?:" + alt(c["breakdown_head"]).pattern + r")?[，,：:]?\s*$"),
        # or a later clause of a counting sentence starts with it (上半年新建47个，其中昆都仑区12个)
        "placement_head": re.compile(r"\s*(?:" + alt(c["placement_head"]).pattern + r")\s*$"),
        "breakdown_clause": re.compile(r"\s*(?:" + alt(c["breakdown_head"]).pattern + r")[，,：:]?\s*$"),
        "town_office": dict(c["town_office"]),
        "venue": re.compile("(?:" + alt(c["venue"]).pattern + r")$"),
        # 在…的坚强领导和…精心指导下，: an adverbial of who guides, within one clause; and
        # 按照省民政厅、省财政厅印发的《…》，: of whose plan the sentence follows, up to its comma
        "guidance_frame": re.compile("(?:" + alt(c["guidance_frame"]["open"]).pattern + r")[^，,。；;！？\n]{2,%d}?(?:"
                                     % _FRAME_MAX + alt(c["guidance_frame"]["close"]).pattern + ")|(?:"
                                     + alt(c["guidance_frame"]["according"]).pattern + r")[^，,。；;！？\n]{2,%d}[，,]"
                                     % _FRAME_MAX),
        # a sentence that opens on the program before it: 该项目 (a determiner and a generic head)
        "anaphor": re.compile(r"[ \t\u3000]*(?:" + alt(c["anaphor"]["determiners"]).pattern + ")(?:"
                              + alt(c["anaphor"]["heads"]).pattern + ")"),
        "joint_adverb": alt(c["joint_adverbs"]),
        # 1．市教育局。负责…: a body's duty in a list of them
        "duty": re.compile(r"[。：:，,][ \t\u3000]*(?:" + alt(c["duty"]).pattern + ")"),
        "group_noun": re.compile(group),
        "frame_open": alt(c["list_frame"]["open"]),
        "frame_close": alt(c["list_frame"]["close"]),
        "frame_not_runner": re.compile("|".join(c["list_frame"]["not_runner"])),
    }


def _list_frame_runner(text: str, s: int, e: int, p: Mention, orgs, places, subject: int | None, mentions,
                       cues) -> int | None:
    """ORG 将/把 P、Q 列入/纳入 …: the body that puts its programs on a list runs
    them (市残联将“A”和“B”两项工作列入市级民生实事项目), unless it is a body that
    only draws up the list (市委、市政府将…列入)."""
    opened = None
    for opened in cues["frame_open"].finditer(text, s, p.start):
        pass
    if opened is None:
        return None
    closed = cues["frame_close"].search(text, p.end, e)
    # one clause: 将老年心理关爱行动项目点扩大至50个，逐步将…纳入 is no list frame
    if closed is None or _CLAUSE_BREAK.search(text, opened.end(), closed.start()):
        return None
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, s, opened.start())), default=s)
    own = [oi for oi, o in orgs if clause_start <= o.start and o.end <= opened.start()]
    if own:
        runner = own[-1]
    elif any(clause_start <= l.start and l.end <= opened.start() for _, l in places) or load_lexicon().city_scope_re.search(
            text, clause_start, opened.start()):
        return None  # 我市将…列入, 东兰县把…列入: the place lists it; who runs it is said elsewhere
    else:
        before = [oi for oi, o in orgs if o.end <= opened.start()]
        runner = before[0] if before else subject
    if runner is None or cues["frame_not_runner"].search(mentions[runner].canonical or mentions[runner].text):
        return None
    return runner


def _speaker_turns(text: str, mentions, person_posts, orgs, cues) -> list[tuple[int, int | None]]:
    """(position, organization) of each speaker tag whose speaker's post is
    known: 【name】, or a transcript's name and colon at the start of a line
    (马晓军：我们与…); a reporter's or host's tag ends the turn before it
    (organization None: the document's voice)."""
    org_of = {}
    orgs_by_start: dict[int, list[tuple[int, Mention]]] = {}
    for i, o in orgs:
        orgs_by_start.setdefault(o.start, []).append((i, o))
    for link in person_posts:
        if link.organization is not None:
            org = link.organization
            parent = [i for i, o in orgs_by_start.get(mentions[org].start, ()) if o.end < mentions[org].end]
            org_of.setdefault(mentions[link.person].text, parent[0] if parent else org)
    turns = []
    for m in _SPEAKER_TAG.finditer(text):
        name = m.group(1) or m.group(2)
        if name in org_of:
            turns.append((m.start(), org_of[name]))
        elif turns and name.endswith(cues["questioner_ends"]):
            turns.append((m.start(), None))
    # 【宜春市民政局党组书记、局长 胡建华】: a tag that names the speaker's body and post;
    # or a line of its own that names them and ends with the speaker's name and a colon
    # (an addressee line, 尊敬的王某代表： or 市公共就业服务中心：, does not)
    # (or that starts with the name and names the body and post in brackets: 蔡某（团市委副书记）：)
    name_ends = {m.end for m in mentions if m.type == "Person"}
    name_at = {m.start: m.end for m in mentions if m.type == "Person"}
    for m in [*_BODY_SPEAKER_TAG.finditer(text), *_LINE_SPEAKER_TAG.finditer(text)]:
        line = m.re is _LINE_SPEAKER_TAG
        inside = [(i, o) for i, o in orgs if m.start(1) <= o.start and o.end <= m.end(1)]
        named = m.end(1) in name_ends or (m.start(1) in name_at and text[name_at[m.start(1)]:][:1] in "（("
                                           and text[m.end(1) - 1] in "）)")
        if any(w in m.group(1) for w in cues["questioner_ends"]):
            if turns:  # 【主持人 邹晓蕾】, 【宜春日报记者】, 主持人（…孙丽华）：
                turns.append((m.start(), None))
        elif inside and (not line or named):
            # the outermost body named first (团市委学校部: 团市委's department speaks for it)
            turns.append((m.start(), min(inside, key=lambda a: (a[1].start, -a[1].end))[0]))
    return sorted(turns, key=lambda turn: turn[0])


def _org_for_role(text: str, role: str, person: Mention, orgs, publisher: int | None) -> int | None:
    """The organization a post without one belongs to (role_bodies.tsv)."""
    target = load_lexicon().role_bodies.get(role)
    if target is None:
        return None
    if target == "@publisher":
        return publisher
    if target.startswith("@publisher-if:"):
        # 我局…局长陈某带队: the post of a bureau's own head, in the bureau's document
        ends = tuple(target[len("@publisher-if:"):].split("|"))
        own = publisher is not None and any(i == publisher and (o.canonical or o.text).endswith(ends) for i, o in orgs)
        return publisher if own else None
    if target.startswith("@before:"):
        # 来源：襄阳日报 … 记者 周某: the last body before the name whose name ends so
        ends = tuple(target[len("@before:"):].split("|"))
        before = [i for i, o in orgs if o.end <= person.start and (o.canonical or o.text).endswith(ends)]
        return before[-1] if before else None
    if target.startswith("@ends:"):
        ends = tuple(target[len("@ends:"):].split("|"))
        return next((i for i, o in orgs if (o.canonical or o.text).endswith(ends)), None)
    if target == "@block":
        # 项目经理：马某 under a procurement notice's agency: that agency, and nothing elsewhere
        return contact_block_body(text, person.start, orgs)
    if target == "@contact":
        # the last body the contact's line names in its clause before the name: its own, right
        # before the label (市民政局社会救助股  联系人：万某), or one a field or two before
        # (采购监督部门：珲春市财政局，监督电话：…，联系人：全某)
        line_start = text.rfind("\n", 0, person.start) + 1
        clause = max(line_start, text.rfind("。", 0, person.start) + 1)
        named = [(o.end, i) for i, o in orgs if clause <= o.start and o.end <= person.start]
        if named:
            return max(named)[1]
        block = contact_block_body(text, person.start, orgs)
        if block is not None:
            return block
        label = re.search(r"联系单位[：:]\s*", text)
        if label:
            # the longest body named there: the department (市医保局待遇保障科), not its bureau
            named = [(o.end, i) for i, o in orgs if o.start == label.end()]
            if named:
                return max(named)[1]
        return publisher
    words = target.split("|")
    for i, o in orgs:
        if any(w in (o.canonical or o.text) for w in words):
            return i
    return None


def _quote_start(text: str, m: Mention) -> int:
    """Where a mention starts, with its opening quote mark if it has one."""
    return m.start - 1 if m.start and text[m.start - 1] in "“\"「" else m.start


def _commissioned(text: str, lo: int, o: Mention, cues) -> bool:
    """委托/引入 right before the body (from lo on): it is commissioned."""
    return cues["commission"].search(text, max(lo, o.start - _COMMISSION_GAP), o.start) is not None


def _commissioned_after(text: str, start: int, e: int, orgs, cues) -> list[int]:
    """Bodies commissioned after `start` (委托/引入 ORG) whose own verb follows in the same clause."""
    found = []
    for oi, o in orgs:
        if o.start < start or not _commissioned(text, start, o, cues):
            continue
        brk = _CLAUSE_BREAK.search(text, o.end, e)
        if cues["runs"].search(text, o.end, min(brk.start() if brk else e, o.end + _COMMISSIONED_VERB_REACH)):
            found.append(oi)
    return found


def _in(m: Mention, s: int, e: int) -> bool:
    return s <= m.start and m.end <= e


def _past_note(text: str, pos: int) -> int:
    """pos, or the end of a short-name note standing there (市卫生健康委员会（以下简称市卫健委）)."""
    note = SHORT_NAME_NOTE.match(text, pos)
    return note.end() if note else pos


def _clause_start(text: str, s: int, pos: int) -> int:
    """The start of the clause pos is in: after the last comma or semicolon since s."""
    return max(s, max(text.rfind(c, s, pos) for c in "，,；;") + 1)


def _org_list_after(orgs: list[tuple[int, Mention]], pos: int, text: str) -> list[int]:
    """Indices of organizations listed right after pos (A、B和C); a short-name note
    after a body (以下简称…) is part of it."""
    out = []
    for i, m in orgs:
        if m.start < pos:
            continue
        gap = text[pos:m.start]
        sep = _LIST_SEP_PREFIX.match(gap).end()
        # 联合珠海市香洲区教育局、珠海市…: a city written before each body only qualifies it
        if _LIST_SEP.match(gap) or gap[sep:] in load_lexicon().full_place_names:
            out.append(i)
            pos = _past_note(text, m.end)
        elif m.start > pos:
            break
    return out


def _org_list_before(orgs: list[tuple[int, Mention]], pos: int, text: str) -> list[int]:
    """Indices of organizations listed right before pos (B、C和D等部门 配合), in text order."""
    out: list[int] = []
    for i, m in reversed(orgs):
        if m.end > pos:
            continue
        gap = text[m.end:pos]
        if (_LIST_SEP.match(gap) if out else _cues()["group_tail"].match(gap)):
            out.append(i)
            pos = m.start
        else:
            break
    return out[::-1]


def _lead_assist(text: str, s: int, e: int, orgs, publisher: int | None, cues) -> list[tuple[int, int]]:
    """由A牵头、B、C配合 / 由我局主办，B、C会办: (A, B) and (A, C)."""
    pairs = []
    for assist in cues["assist"].finditer(text, s, e):
        group = _org_list_before(orgs, assist.start(), text)
        if not group:
            continue
        first = next(o for i, o in orgs if i == group[0])
        lead_word = None
        for lead_word in cues["lead"].finditer(text, max(s, first.start - 4), first.start):
            pass
        if lead_word is None or not _LIST_SEP.match(text[lead_word.end():first.start]):
            continue
        leads = [i for i, o in orgs if o.end == lead_word.start()]
        if not leads and publisher is not None and cues["self"].search(text, max(s, lead_word.start() - 2),
                                                                       lead_word.start()):
            leads = [publisher]
        pairs += [(leads[0], j) for j in group if leads and leads[0] != j]
    return pairs


def _brand_operators(mentions: list[Mention], sentences, rels: list[RelationFact]) -> list[RelationFact]:
    """A national brand is run by the same kind of body wherever it is (12355: the
    Youth League, brands.json "operator"): in a document that names the brand and
    no runner for it, the first such body it names runs it, preferring one in the
    brand's own sentence."""
    operators = load_lexicon().brand_operators
    run = {r.object for r in rels if r.predicate == "runs"}
    starts = [s for s, _ in sentences]
    out, done = [], set()
    for i, m in enumerate(mentions):
        pattern = operators.get(m.canonical) if m.type == "Program" else None
        if pattern is None or m.canonical in done:
            continue
        same = [j for j, n in enumerate(mentions) if n.type == "Program" and n.canonical == m.canonical]
        done.add(m.canonical)
        if any(j in run for j in same):
            continue
        bodies = [j for j, o in enumerate(mentions) if o.type == "Organization" and pattern.search(o.canonical or o.text)]
        if not bodies:
            continue
        k = bisect.bisect_right(starts, m.start) - 1
        s, e = sentences[k] if k >= 0 else (m.start, m.end)
        near = [j for j in bodies if s <= mentions[j].start < e]
        out.append(RelationFact((near or bodies)[0], "runs", i, "rel.runs.brand-operator", start=s, end=e))
    return out


def _counts_sites(text: str, s: int, e: int, head: str, lex) -> bool:
    """A count in text[s:e] of sites named bare (新建47个) or by `head`, the
    program's head word (建成工坊78个 for 洞庭助残工坊)."""
    for c in lex.program_count_re.finditer(text, s, e):
        for n in range(1, 5):
            if c.start() - n >= s and lex.count_verb_re.match(text[c.start() - n:c.start()]):
                return True
            if (head and text.startswith(head, c.start() - len(head)) and c.start() - len(head) - n >= s
                    and lex.count_verb_re.match(text[c.start() - len(head) - n:c.start() - len(head)])):
                return True
    return False


def _breaks_down_own_count(text: str, s: int, place_start: int, name: str, cues, lex) -> bool:
    """A clause opened by a breakdown word at the place at `place_start` after a
    count, in text[s:], of sites called by the end of the program's name
    (建成青年驿站21家，其中椒江区5家 for 台州青年驿站)."""
    clause = _breakdown_clause(text, s, place_start, cues)
    if clause is None:
        return False
    for c in lex.program_count_re.finditer(text, s, clause):
        for size in range(len(name), _OWN_NOUN_MIN - 1, -1):
            noun_start = c.start() - size
            if noun_start >= s and text.startswith(name[-size:], noun_start) and any(
                    lex.count_verb_re.match(text[noun_start - n:noun_start]) for n in range(1, 5) if noun_start - n >= s):
                return True
    return False


def _opens_breakdown(text: str, s: int, e: int, place_start: int, topic_name: str, cues, lex) -> bool:
    """The sentence text[s:e] breaks a count down by place from the place at
    `place_start`: the place opens it (其中，平城区新建…); a placement word opens it
    before a count of the program's sites (我们在岳阳楼区…建成工坊78个); or a breakdown
    word opens a clause after a bare count of the sites (上半年新建47个，其中昆都仑区12个;
    not 新建服务站点126个，其中…, which counts something else)."""
    if cues["breakdown_head"].match(text, s, place_start):
        return True
    head = next((h for h in lex.program_head_tuple if topic_name.endswith(h)), "")
    if cues["placement_head"].match(text, s, place_start):
        return _counts_sites(text, s, e, head, lex)
    clause = _breakdown_clause(text, s, place_start, cues)
    return clause is not None and _counts_sites(text, s, clause, "", lex)


def _breakdown_clause(text: str, s: int, place_start: int, cues) -> int | None:
    """Where the clause holding the place at `place_start` starts, if a breakdown
    word opens it (…，其中椒江区5家) and it is not the sentence's first."""
    clause = max(text.rfind(mark, s, place_start) for mark in "，,；;") + 1
    if clause <= s or not cues["breakdown_clause"].match(text, clause, place_start):
        return None
    return clause


def _venue(text: str, s: int, org: Mention, cues) -> bool:
    """A centre named after 依托/借助 is where a program runs, not who runs it
    (依托街道党群服务中心开设…); a company or a bureau there still builds it."""
    return org.rule == "org.head.centre" and cues["venue"].search(text, max(s, org.start - 3), org.start) is not None


def _group_end(text: str, pos: int, cues) -> int:
    """Past 等 and a group noun after a list of bodies (…香洲区妇联等部门|共同主办)."""
    m = cues["group_noun"].match(text, pos)
    return m.end() if m else pos


def _anaphor_runs(text: str, s: int, e: int, program: Mention, pi: int, orgs, programs,
                  cues) -> list[RelationFact]:
    """A sentence that opens on the program the sentence before named, then 由
    and bodies, with no program before its verb (该项目由区民政局牵头实施;
    驿站由心语社工中心运营, 驿站 the head of that program's name): the first
    body after 由 runs it, with the bodies listed before the verb."""
    opening = cues["anaphor"].match(text, s)
    if opening is None:
        name = program.canonical or program.text
        lead = len(text[s:e]) - len(text[s:e].lstrip(" \t\u3000"))
        bare = next((n for n in range(_BARE_HEAD[1], _BARE_HEAD[0] - 1, -1)
                     if len(name) > n and name.endswith(text[s + lead:s + lead + n])), None)
        if bare is None:
            return []
        after_opening = s + lead + bare
    else:
        after_opening = opening.end()
    passive = cues["passive"].match(text, after_opening)
    if passive is None:
        return []
    after = [(oi, o) for oi, o in orgs if o.start >= passive.end()]
    if not after or after[0][1].start - passive.end() > 1:
        return []
    verb = cues["runs"].search(text, after[0][1].end, e)
    if verb is None or any(p.start < verb.end() for _, p in programs):
        return []
    runners = [oi for oi, o in after if o.end <= verb.start() and not cues["assist"].match(text, o.end)]
    return [RelationFact(oi, "runs", pi, "rel.runs.anaphor", start=s, end=e) for oi in runners]


def _town_offices(mentions: list[Mention], cues) -> dict[str, int]:
    """The offices a document names (张掖路街道办事处, 乳城镇人民政府), keyed by the
    street or town they act for; a bare 街道办事处 under its head (街道)."""
    out: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.type != "Organization":
            continue
        for head, office in cues["town_office"].items():
            name = m.canonical or m.text
            if name.endswith(office):
                place = name[: -len(office)] + head
                out.setdefault(place if len(place) > len(head) else head, i)
    return out


def _acting_town(text: str, s: int, places, offices: dict[str, int], cues) -> int | None:
    """The office of a street or town that heads the sentence as its actor
    (中华街道联合团区委…开设…): the office the document names for it, else its
    only bare one; the bare head itself (街道会同…) in a document that names one
    office of its kind."""
    bare = next((h for h in cues["town_office"] if text.startswith(h, s)), None)
    if bare is not None:
        # 街道会同区市场监管局…, in a street's own report: its one office acts
        kind = [i for place, i in offices.items() if place.endswith(bare)]
        end, name = s + len(bare), None
    elif places:
        i, m = places[0]
        name, end = m.text, m.end
        bare = next((h for h in cues["town_office"] if m.text.endswith(h)), None)
        if bare is None or m.start - s > _SUBJECT_WINDOW:
            return None
    else:
        return None
    if not (cues["partner"].match(text, end) or cues["runs"].match(text, end) or cues["lead"].match(text, end)):
        return None
    if name is None:
        return kind[0] if len(set(kind)) == 1 else None
    return offices.get(name, offices.get(bare))


def extract_relations(text: str, mentions: list[Mention], sentences, person_posts, publisher: int | None,
                      home_code: str | None = None, regional: bool = False,
                      county_city: bool = False) -> list[RelationFact]:
    """Relations between the mentions; `home_code` is the county a county's
    document is about, or the province a `regional` one reports on (its
    unplaced programs operate there, not in the city); with `county_city`
    the home is a county-level city whose 全市 is itself."""
    cues = _cues()
    lex = load_lexicon()
    # what 全县 (全区) or, in a province's report, 全省 scope a sentence to
    home_scope_re = lex.province_scope_re if regional else lex.county_scope_re
    rels: list[RelationFact] = []
    orgs_all = [(i, m) for i, m in enumerate(mentions) if m.type == "Organization"]
    # a newspaper or a media centre reports; it is never who acts in the sentence
    # (县融媒体中心 is also read as a place's body: its name says what it is)
    media = {i for i, m in orgs_all if m.rule == "org.head.media" or (m.canonical or m.text).endswith(lex.media_suffixes)}
    # the document's own, where no body heads a sentence; a press or general office publishes for others
    silent = publisher in media or (publisher is not None and (mentions[publisher].canonical or mentions[publisher].text)
                                    .endswith(cues["silent_publisher_ends"]))
    voice = None if silent else publisher
    last_subject: int | None = voice
    home = next((i for i, m in enumerate(mentions) if m.type == "Location" and home_code and m.code == home_code), None)
    turns = _speaker_turns(text, mentions, person_posts, orgs_all, cues)  # in text order
    turn_starts = [pos for pos, _ in turns]
    # mentions bucketed by sentence once: a scan per sentence made long documents quadratic
    starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[tuple[int, Mention]]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(bisect.bisect_right(starts, m.start) - 1, []).append((i, m))
    topic, topic_k = None, 0  # the program the last sentences were about, and where
    named = None  # the last program named (topic_k: the sentence naming it)
    previous_program, previous_k = None, -2  # the last program named, and the sentence naming it
    offices = _town_offices(mentions, cues)
    for k, (s, e) in enumerate(sentences):
        here = by_sentence.get(k, [])
        if s == 0 or text[s - 1] == "\n":
            # a new paragraph starts from the voice of the current speaker, else the document's
            turn = bisect.bisect_right(turn_starts, s)
            last_subject = turns[turn - 1][1] if turn and turns[turn - 1][1] is not None else voice
        if not here:
            continue  # no mention: no relation, and the subject carries over unchanged
        orgs = [(i, m) for i, m in here if m.type == "Organization" and _in(m, s, e)]
        programs = [(i, m) for i, m in here if m.type == "Program" and _in(m, s, e)]
        policies = [(i, m) for i, m in here if m.type == "PolicyDocument" and _in(m, s, e)]
        # a place inside a body's name or a document's title (《河北省…实施办法》) is not where anything runs
        # (but a village's or a town's own body or site, 万福闸村幸福食堂, is where its sentence's programs run)
        places = [(i, m) for i, m in here if m.type == "Location" and _in(m, s, e)
                  and not any(_in(m, o.start, o.end) for _, o in (*orgs, *policies) if o.rule != LOCAL_BODY_RULE)]
        # a place right before another place or a body only qualifies it (保康县马桥镇,
        # 陕西省|富平县人社局): the program is where the last of them is
        qualifiers = {m.start for _, m in here if m.type in ("Location", "Organization")}
        # …入选江苏省养老服务创新案例: a place right after an award's verb scopes the award
        targets = [(i, m) for i, m in places if m.end not in qualifiers
                   and not lex.after_award(text, m.start, s)]
        # subject: an organization at the head of the sentence, else the one carried over
        subject = last_subject
        # a department before its body where both start together (团市委学校部, 团市委): the department acts
        framed = [(f.start(), f.end()) for f in cues["guidance_frame"].finditer(text, s, e)]
        actors = sorted(((i, m) for i, m in orgs if i not in media
                         and not cues["source"].search(text, max(s, m.start - 2), m.start)
                         and not any(a <= m.start and m.end <= b for a, b in framed)
                         # 根据《国务院关于…的意见》…开展: the issuer inside a title does not act here
                         and not any(_in(m, t.start, t.end) for _, t in policies)),
                        key=lambda a: (a[1].start, -a[1].end))
        if (actors and actors[0][1].start - s <= _SUBJECT_WINDOW
                and not cues["partner"].search(text, s, actors[0][1].start) and not _venue(text, s, actors[0][1], cues)):
            subject = last_subject = actors[0][0]
        elif (office := _acting_town(text, s, places, offices, cues)) is not None:
            subject = last_subject = office
        elif publisher is not None and cues["self"].search(text, s, min(e, s + _SUBJECT_WINDOW)):
            subject = last_subject = publisher  # 我局会同市财政局联合印发…: the document's own body
        # partnerOf: A 联合/会同 B、C …  and  与 B 合作
        partners: list[int] = []
        partner_lead: dict[int, int] = {}
        partner_list: dict[int, int] = {}  # each partner's list's length, at the cue that first named it
        joint_group: set[int] = set()
        for cue in cues["partner"].finditer(text, s, e):
            # a body with a policy title between it and the cue issued that title
            # (落实教育部等部门印发的《…》，会同…): it is not the one who acts with the partners
            before = [(i, m) for i, m in orgs if m.end <= cue.start()
                      and not any(m.end <= q.start and q.end <= cue.start() for _, q in policies)]
            lead = before[-1][0] if before else subject
            if (subject is not None and before and mentions[before[-1][0]].end <= _clause_start(text, s, cue.start())
                    and not cues["lead"].match(text, mentions[before[-1][0]].end)):
                # …贯彻渭南市妇联关于…的部署要求，会同区教育局 (or ，并会同): a clause that opens
                # on the cue has the sentence's subject, not the last body named before it
                # (but 由团市委牵头，联合…: the body that leads is the one the partners join)
                lead = subject
            # A、B联合C: each of the organizations listed right before the cue
            leads = (_org_list_before(orgs, cue.start(), text) if before and before[-1][1].end == cue.start()
                     else []) or [lead]
            listed = _org_list_after(orgs, cue.end(), text)
            if (not listed and len(leads) > 1 and None not in leads and cue.group(0) in cues["joint"]
                    and not cues["partner"].search(text, max(s, mentions[leads[0]].start - 3), mentions[leads[0]].start)):
                # A、B、C联合举办…: the bodies listed before the cue act together
                for a_k, a in enumerate(leads):
                    for b in leads[a_k + 1:]:
                        rels.append(RelationFact(a, "partnerOf", b, "rel.partner.joint", start=s, end=e))
                joint_group.update(leads)
                continue
            if cue.group(0) in ("与", "同", "加强与") and listed:
                tail_from = _past_note(text, mentions[listed[-1]].end)
                # 与A、B等公益社会组织进行有效融合: a group noun after 等 widens the reach
                reach = _PARTNER_TAIL_REACH * (2 if text.startswith("等", tail_from) else 1)
                if text.startswith("在", tail_from):
                    # A与B在通山县、崇阳县等地区联合开展…: where they act, then how, in one clause
                    brk = _CLAUSE_BREAK.search(text, tail_from, e)
                    reach = (brk.start() if brk else e) - tail_from
                if not cues["partner_tail"].search(text, tail_from, min(e, tail_from + reach)):
                    continue
            for j in listed:
                for other in leads:
                    if other is not None and other != j and other not in listed:
                        rels.append(RelationFact(other, "partnerOf", j, "rel.partner.cue", start=s, end=e))
                if lead is not None and lead != j:
                    partners.append(j)
                    partner_lead.setdefault(j, lead)
                    partner_list.setdefault(j, len(listed))
        for a, b in _lead_assist(text, s, e, orgs, publisher, cues):
            rels.append(RelationFact(a, "partnerOf", b, "rel.partner.lead-assist", start=s, end=e))
        if previous_k == k - 1:
            rels += _anaphor_runs(text, s, e, mentions[previous_program], previous_program, orgs, programs, cues)
        if programs:
            previous_program, previous_k = programs[-1][0], k
        # 中国儿童少年基金会“春蕾计划”: a body right before a quoted program's name owns it
        org_ends = {o.end: oi for oi, o in orgs}
        for pi, p in programs:
            qs = _quote_start(text, p)
            if qs < p.start and qs in org_ends:
                rels.append(RelationFact(org_ends[qs], "runs", pi, "rel.runs.owner", start=s, end=e))
        # runs: ORG <verb> … PROGRAM
        for pi, p in programs:
            runner = None
            near = max(s, p.start - _CUE_REACH)
            for oi, o in actors:
                # the first organization that is not itself a partner named after a cue,
                # nor a venue (依托街道党群服务中心开设…)
                if (oi not in partners and o.end <= p.start and cues["runs"].search(text, max(o.end, near), p.start)
                        and not _venue(text, s, o, cues)):
                    runner = oi
                    break
            if runner is None and subject is not None and subject not in partners and cues["runs"].search(text, near, p.start):
                runner = subject
            rule = "rel.runs.cue"
            if runner is None:
                runner = _list_frame_runner(text, s, e, p, orgs, places, subject, mentions, cues)
                rule = "rel.runs.list-frame"
            carried = runner is None and subject is not None and carrier_close(text, _quote_start(text, p), p.end,
                                                                             lex) is not None
            if carried:  # 县妇联联合团县委，以“暖心驿家”…项目为载体
                runner, rule = subject, "rel.runs.carrier"
            passive = cues["passive"].search(text, p.end, e)
            co_runners = []
            if passive:
                after = [oi for oi, o in orgs if o.start >= passive.end()]
                # 由市残联负责: the body follows 由 at once (组建由86名社工组成的服务队 is no runner)
                if after and mentions[after[0]].start - passive.end() <= _PASSIVE_GAP:
                    runner, rule = after[0], "rel.runs.passive"
                    # 由A联合B运营: the bodies named before the verb run it together (not one that 配合)
                    verb = cues["runs"].search(text, mentions[runner].end, e)
                    co_runners = [oi for oi in after[1:] if verb and mentions[oi].end <= verb.start()
                                  and not cues["assist"].match(text, mentions[oi].end)] if verb else []
            # “乐龄食堂”…委托某公司运营: a body commissioned after the program, with its own verb, runs it
            for oi in _commissioned_after(text, p.end, e, orgs, cues):
                if oi != runner:
                    rels.append(RelationFact(oi, "runs", pi, "rel.runs.commissioned-after", start=s, end=e))
            if runner is not None:
                rels.append(RelationFact(runner, "runs", pi, rule, start=s, end=e))
                # 市民政局委托某社工中心在…实施“…”项目: the body commissioned runs it too
                for oi, o in orgs:
                    if (oi != runner and mentions[runner].end <= o.start and o.end <= p.start
                            and _commissioned(text, s, o, cues)
                            and cues["runs"].search(text, o.end, p.start)):
                        rels.append(RelationFact(oi, "runs", pi, "rel.runs.commissioned", start=s, end=e))
                rels += [RelationFact(oi, "runs", pi, "rel.runs.passive-joint", start=s, end=e) for oi in co_runners]
                for j in sorted(joint_group - {runner}) if runner in joint_group else ():
                    if mentions[j].end <= p.start:
                        rels.append(RelationFact(j, "runs", pi, "rel.runs.joint", start=s, end=e))
                # A联合B开展P: one or two partners named before the verb run P with A
                # (after a longer list, 联合B、C、D实施, the others mostly assist)
                joint = [j for j, lead in partner_lead.items() if lead == runner and partner_list[j] <= 2]
                # A联合B、C、D共同主办的P: the whole list hosts P with A
                listed = [j for j in partner_lead if mentions[j].end <= p.start]
                together = bool(listed) and cues["joint_adverb"].match(
                    text, _group_end(text, mentions[listed[-1]].end, cues)) is not None
                for j in listed if together else joint:
                    if mentions[j].end <= p.start and (carried or cues["runs"].search(text, max(mentions[j].end, near),
                                                                                       p.start)):
                        rels.append(RelationFact(j, "runs", pi, "rel.runs.partner", start=s, end=e))
                # 由A牵头、B具体实施的…: each organization its own verb follows runs it too
                for oi, o in orgs:
                    if (oi != runner and oi not in partners and mentions[runner].end <= o.start and o.end <= p.start
                            and cues["runs"].search(text, o.end, min(o.end + _OWN_VERB_REACH, p.start))
                            and not _venue(text, s, o, cues)):
                        rels.append(RelationFact(oi, "runs", pi, "rel.runs.own-verb", start=s, end=e))
        # issuedBy: ORG (联合 …) 印发/出台 《…》, or a title that starts with its issuer
        for pi, p in policies:
            issuers = []
            cue = None
            for c in cues["issue"].finditer(text, s, p.start):
                cue = c
            if cue is not None:
                # the last body before the verb that is not a partner named after a cue
                # (经市政府同意，市政府办公室印发; 我局会同市财政局联合印发: 我局, the subject)
                before = [oi for oi, o in orgs if o.end <= cue.start() and not _in(o, p.start, p.end)
                          and oi not in partners]
                if before and subject is not None and mentions[before[-1]].end <= _clause_start(text, s, cue.start()):
                    before = []  # …的支持下，…，并会同市民政局联合印发: the clause's body is the subject
                issuer = before[-1] if before else subject
                if issuer is not None:
                    issuers.append(issuer)
                    issuers += sorted(joint_group - {issuer}) if issuer in joint_group else []
                # (partners of the cue's own clause where it names bodies: 会同…建立机制，按照A、B联合
                # 制定的《…》 names A and B; 会同…，落实三部门联合印发的《…》 the partners before it)
                clause = _clause_start(text, s, cue.start())
                if not any(clause <= o.start and o.end <= cue.start() for _, o in orgs):
                    clause = s
                issuers += [j for j in partners if clause <= mentions[j].start and mentions[j].end <= cue.start()]
            inner = [oi for oi, o in orgs if o.start == p.start]
            # the bodies written right before the title, and the list they close, issued it
            # (人力资源社会保障部、财政部《关于…的通知》, 省卫生健康委《…》)
            issuers += inner + _org_list_before(orgs, p.start - (text[p.start - 1:p.start] == "《"), text)
            for oi in dict.fromkeys(issuers):
                rels.append(RelationFact(pi, "issuedBy", oi, "rel.issued.cue", start=s, end=e))
        # operatesIn: a program with a place named in its sentence, or counted city-wide
        for pi, p in programs:
            for li, l in targets:
                rels.append(RelationFact(pi, "operatesIn", li, "rel.operates.place", start=s, end=e))
            if not regional and lex.city_scope_re.search(text, s, e):
                city = home if county_city and home is not None else -1
                rels.append(RelationFact(pi, "operatesIn", city, "rel.operates.city-scope", start=s, end=e))
            elif home is not None and home_scope_re.search(text, s, e):
                rels.append(RelationFact(pi, "operatesIn", home, "rel.operates.home-scope", start=s, end=e))
        # a sentence that counts sites in places, naming no program (朝阳区建成21个),
        # counts them for the program whose sites the sentence before it counted
        if programs:
            # a sentence that counts its program's sites, or a list item that introduces
            # it (一是建设“洞庭助残工坊”。我们在岳阳楼区、君山区等地建成工坊78个)
            counted = lex.program_count_re.search(text, s, e) or _LIST_ITEM.match(text, s)
            topic, topic_k = (programs[-1][0], k) if counted else (None, k)
            named = programs[-1][0]
        elif (targets and topic is not None and k - topic_k <= _TOPIC_REACH
              and _opens_breakdown(text, s, e, targets[0][1].start, mentions[topic].canonical or "", cues, lex)
              and lex.program_count_re.search(text, s, e)):
            for li, l in targets:
                rels.append(RelationFact(topic, "operatesIn", li, "rel.operates.topic", start=s, end=e))
            topic_k = k
        elif (targets and named is not None and k - topic_k <= _TOPIC_REACH
              and _breaks_down_own_count(text, s, targets[0][1].start, mentions[named].canonical or "", cues, lex)):
            # 布局建设“台州青年驿站”…。全市已建成青年驿站21家，其中椒江区5家: the sites
            # the sentence counts are by their name the program's, though it named no count
            for li, l in targets:
                rels.append(RelationFact(named, "operatesIn", li, "rel.operates.topic", start=s, end=e))
        elif (targets and named is not None and k - topic_k <= _BREAKDOWN_REACH
              and cues["breakdown_clause"].match(text, s, targets[0][1].start)
              and lex.program_count_re.search(text, s, e)):
            # 从各地完成情况看：崇安街道32户，新丰街道28户: a breakdown by place with no
            # program of its own counts the last program named, paragraphs before
            for li, l in targets:
                rels.append(RelationFact(named, "operatesIn", li, _BREAKDOWN_RULE, start=s, end=e))
    rels += assigned_projects(text, mentions, orgs_all, cues)
    rels += item_relations(text, mentions, orgs_all, cues)
    rels += duty_items(text, mentions, orgs_all, cues)
    rels += section_bodies(text, mentions, orgs_all)
    rels += letterhead_partners(text, orgs_all)
    rels += notice_title_runs(text, mentions, orgs_all)
    rels += table_rows(text, mentions, orgs_all, cues)
    rels += designated_rows(text, mentions, orgs_all, cues)
    rels += addressed_rows(text, mentions, orgs_all, cues)
    rels += place_rows(text, mentions, cues)
    rels += award_relations(text, mentions, orgs_all)
    rels += purchaser_representatives(text, mentions, orgs_all)
    rels += _brand_operators(mentions, sentences, rels)
    # A village or community is part of the town or street it was named after
    # (武篆镇拉甲村、东里村), a town the gazetteer lacks of its county (六枝特区落别乡):
    # the nearest gazetteer place or such a town before it
    parents = sorted((n.end, j) for j, n in enumerate(mentions) if n.type == "Location"
                     and (n.code or (n.rule == "loc.settlement" and n.text.endswith(lex.town_heads))))
    parent_ends = [e for e, _ in parents]
    placed_names = set()
    for i, m in enumerate(mentions):
        if m.type == "Location" and m.rule in ("loc.settlement", "loc.community", "loc.community-column",
                                               "loc.listed-settlement", "loc.row-settlement"):
            if m.canonical in placed_names:
                continue  # named again later, after other streets: its first mention placed it
            k = bisect.bisect_right(parent_ends, m.start)
            if m.text.endswith(lex.town_heads):
                # a town or street the gazetteer lacks (广瑞路街道) is part of a county, not of
                # the street named before it
                while k and not _county_level(mentions[parents[k - 1][1]], lex):
                    k -= 1
            # a community named after a cue (位于宜山居民区) is part of the street or town before it, not a district
            if k and (m.rule == "loc.settlement" or mentions[parents[k - 1][1]].text.endswith(lex.town_heads)):
                rels.append(RelationFact(i, "partOf", parents[k - 1][1], "rel.part-of.settlement", start=m.start,
                                         end=m.end))
                placed_names.add(m.canonical)
    # A program a city's document talks about, with no place named for it anywhere
    # in the document, operates in the document's city (a county's document: the county).
    # (a breakdown of its count by place, paragraphs after it, leaves it the city's too)
    placed = {r.subject for r in rels if r.predicate == "operatesIn" and r.rule != _BREAKDOWN_RULE}
    programs_by_name: dict = {}
    for j, n in enumerate(mentions):
        if n.type == "Program":
            programs_by_name.setdefault(n.canonical, []).append(j)
    for i, m in enumerate(mentions):
        if m.type == "Program" and i not in placed:
            same = programs_by_name[m.canonical]
            if not any(j in placed for j in same) and (home is not None or not regional):
                rels.append(RelationFact(i, "operatesIn", -1 if home is None else home, "rel.operates.document-city",
                                         start=m.start, end=m.end))
                placed.update(same)
    for link in person_posts:
        m = mentions[link.person]
        org, rule = link.organization, "rel.member.post"
        if org is None and m.rule == "person.self-post-name":
            org, rule = publisher, "rel.member.self-body"
        elif org is None and link.role:
            org, rule = _org_for_role(text, link.role, m, orgs_all, publisher), "rel.member.role-body"
        if org is not None:
            rels.append(RelationFact(link.person, "memberOf", org, rule, role=link.role, start=m.start, end=m.end))
    for i, m in orgs_all:
        if m.rule == "org.sub-unit":
            for j, parent in orgs_all:
                if parent.start == m.start and parent.end < m.end and text[parent.end:m.end] not in lex.org_own_body_tails:
                    rels.append(RelationFact(i, "subOrganizationOf", j, "rel.sub-unit", start=m.start, end=m.end))
    rels += parents_by_name(orgs_all)
    rels += parents_by_cue(text, orgs_all, cues)
    # a scheme named only in passing is placed nowhere (see assistance_schemes.txt); a site
    # (明化镇残疾人之家) does not run the program its own name ends with
    return [r for r in rels if not (r.predicate == "operatesIn" and mentions[r.subject].rule == PASSING_SCHEME_RULE)
            and not (r.predicate == "runs" and mentions[r.subject].rule == LOCAL_BODY_RULE
                     and mentions[r.subject].text.endswith(mentions[r.object].text))]


def _county_level(mention, lex) -> bool:
    division = lex.gazetteer.by_code(mention.code) if mention.code else None
    return division is not None and division.level == "county"
