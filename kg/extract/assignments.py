"""Relations from lists and tables: runs from a list of projects that assigns
each item to bodies (牵头单位：… 责任单位：…, or 由市民政局牵头 in a later
sentence of the item), the form of a city's yearly list of livelihood projects;
from tables of projects and of designated institutions; operatesIn from tables
of places."""
from __future__ import annotations

import bisect
import re

from kg.nlp.lexicon import load_lexicon
from kg.nlp.recognize.spans import mention_index
from kg.text.lines import (RE_FIELD_LABEL, RE_NUMBER_ROW, RE_ROW_INDEX, RE_SECTION, TABLE_HEAD, line_end,
                            names_columns)
from kg.types import RelationFact

# an item of a numbered list starts a line: 一、 （三） 3. 3、
# an item's number: 一、 （三） 3. 3、 (relations reads a list item's start with it too)
ITEM_NUMBER = r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]"
_ITEM_HEAD = re.compile(r"^[ \t\u3000]*(?:" + ITEM_NUMBER + ")", re.MULTILINE)
_ITEM_LINES = 4  # an item's heading is at most this many lines above its assignment


def _inside_any(mentions, spans) -> list[bool]:
    """For each mention, whether one of spans (start, end) holds it."""
    spans = sorted(spans)
    starts, reach, furthest = [s for s, _ in spans], [], -1
    for _, e in spans:
        furthest = max(furthest, e)
        reach.append(furthest)
    out = []
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        out.append(k >= 0 and reach[k] >= m.end)
    return out


def assigned_projects(text: str, mentions, orgs, cues) -> list[RelationFact]:
    """A list of projects, each item closed by the bodies it is assigned to
    (牵头单位：市民政局 责任单位：市财政局、…): those bodies run its programs; the
    lead body every program of the item, the others those of its heading."""
    out = []
    programs = mention_index((i, m) for i, m in enumerate(mentions) if m.type == "Program")
    bodies = mention_index(orgs)
    prev_end, item_start, heading_end, first_label = 0, 0, 0, 0
    leads: list[int] = []  # the bodies of the item's lead label
    labels = list(cues["assignment"].finditer(text))
    # a list that names no lead label anywhere: its responsible bodies lead their items
    unled = not any((m.group("word") or m.group("inner")) in cues["assignment_lead"] for m in labels)
    partnering = False  # whether that label hosts (主办单位) rather than leads (牵头单位)
    for label in labels:
        if text[prev_end:label.start()].strip(" \t\u3000\n；;，,。") or not prev_end:
            leads, partnering, first_label = [], False, label.start()
            # a new item (not the next label of the same one): it starts at its heading,
            # and never before the bodies the item above was assigned to
            line_start = max(text.rfind("\n", 0, label.start()) + 1, prev_end)
            item_start = line_start
            for head in _ITEM_HEAD.finditer(text, max(prev_end, _nth_line_before(text, line_start, _ITEM_LINES)),
                                            label.start()):
                item_start = head.start()
            heading_end = line_end(text, item_start)
            stop = text.find("。", item_start, heading_end)
            if stop >= 0 and _ITEM_HEAD.match(text, item_start) and programs.any_starting_in(item_start, stop):
                # （二）开展“阳光救助”专项行动。市民政局联合…: a heading that names its
                # program, run into its account on one line, ends at its first full stop
                heading_end = stop
        end = cues["assignment_end"].search(text, label.end())
        end = end.start() if end else len(text)
        prev_end = end
        word = label.group("word") or label.group("inner")
        lead = word in cues["assignment_lead"] or (unled and word in cues["assignment_responsible"])
        own = [pi for _, _, pi, p in programs.within(item_start, label.start())
               if lead or p.end <= heading_end or _ITEM_HEAD.match(text, item_start) is None]
        if heading_end < first_label and not text[heading_end:first_label].strip() \
                and _ITEM_HEAD.match(text, item_start) and not programs.any_starting_in(item_start, heading_end):
            # the labels right under a heading that names no program, the item's
            # account after them ((一)织密社会救助保障网|牵头单位：…|责任单位：…|完善
            # “岳麓救助通”…): every body assigned runs the programs of that account
            # (not of fields such as 进展情况：…, which tell of other bodies' work)
            own = [pi for _, _, pi, _ in programs.within(*_account(text, label.start(), cues))]
        if lead and _labels_in_heading(text, item_start, label.start()):
            # （一）老年助餐服务提升工程（牵头单位：市民政局）⏎ 市民政局以“幸福食堂”为品牌…: the lead
            # named in the heading's brackets runs the programs its account tells of too
            # (its account is the rest of the heading's line and the paragraph under it: the
            # last item's would otherwise take in the closing paragraphs after the list)
            own += [pi for _, _, pi, _ in programs.within(end, line_end(text, end))]
            below = line_end(text, end) + 1
            if below < len(text) and not _ITEM_HEAD.match(text, below):
                own += [pi for _, _, pi, _ in programs.within(below, line_end(text, below))]
        labelled = [oi for _, _, oi, _ in bodies.within(label.end(), end)]
        # 牵头单位：A；配合单位：B、C: the bodies that assist work with the lead, they do not run the item
        assisting = word in cues["assignment_assisting"]
        for oi in dict.fromkeys(labelled) if not assisting else ():
            for pi in own:
                out.append(RelationFact(oi, "runs", pi, "rel.runs.assigned", start=label.start(), end=end))
        # 主办单位：A；会办单位：B、C: a lead that hosts works with each body the item assigns after it
        if lead:
            leads, partnering = labelled, word in cues["assignment_partnering"]
        elif partnering or assisting:
            out += [RelationFact(a, "partnerOf", b, "rel.partner.assigned", start=label.start(), end=end)
                    for a in leads for b in labelled if a != b]
    return out


def _labels_in_heading(text: str, item_start: int, label_start: int) -> bool:
    """The label opens a bracket on the item's heading line ((一)…工程（牵头单位：…）)."""
    return (_ITEM_HEAD.match(text, item_start) is not None and label_start > item_start
            and text[label_start - 1] in "（(" and "\n" not in text[item_start:label_start])


def _account(text: str, pos: int, cues) -> tuple[int, int]:
    """The account under an item's labels: the lines after the label lines from
    pos on, up to the next item or field line (进展情况：…), _ITEM_LINES at most."""
    start = pos
    while (line := text.find("\n", start) + 1) and cues["assignment"].match(text, line):
        start = line  # the next label line of the same item
    line = text.find("\n", start) + 1
    if not line:
        return len(text), len(text)
    end = line
    for _ in range(_ITEM_LINES):
        if _ITEM_HEAD.match(text, end) or RE_FIELD_LABEL.match(text, end):
            break
        nxt = text.find("\n", end)
        if nxt < 0:
            return line, len(text)
        end = nxt + 1
    return line, end


def _nth_line_before(text: str, pos: int, n: int) -> int:
    for _ in range(n):
        prev = text.rfind("\n", 0, max(0, pos - 1))
        if prev < 0:
            return 0
        pos = prev + 1
    return pos


_SENTENCE_END = re.compile(r"[。！？!?]")


def _field_block_end(text: str, pos: int, cues) -> int | None:
    """The end of the run of field lines (牵头单位：… 完成情况：…) right after the
    line ending at pos, or None if the next line is no field line."""
    end = None
    line = pos + 1
    while line < len(text) and (cues["assignment"].match(text, line) or RE_FIELD_LABEL.match(text, line)):
        end = line_end(text, line)
        line = end + 1
    return end


def item_relations(text: str, mentions, orgs, cues) -> list[RelationFact]:
    """An item of a numbered list that names its project in its first sentence,
    then tells of it in sentences with no program of their own ((二)青少年心理健康
    “护苗驿站”建设项目。…由团市委牵头、市教育局配合。天元区建成12个。): the body
    after 由 runs the heading's program, and it operates in the places named
    (if the heading names only that one). An item headed by a place alone
    ((一)西安市。…) places every program it tells of there."""
    out = []
    programs = mention_index((i, m) for i, m in enumerate(mentions) if m.type == "Program")
    # a place right before another place or a body only qualifies it (天元区嵩山路街道)
    fronts = {m.start for m in mentions if m.type in ("Location", "Organization")}
    # …获评2023年度湖北省…: a place an award's verb scopes is not where the item's program is
    lex = load_lexicon()
    candidates = [(i, m) for i, m in enumerate(mentions) if m.type == "Location" and m.end not in fronts
                  and not lex.after_award(text, m.start)]
    in_org = _inside_any([m for _, m in candidates], [(o.start, o.end) for _, o in orgs])
    places = mention_index(pair for pair, inside in zip(candidates, in_org) if not inside)
    for head in _ITEM_HEAD.finditer(text):
        head_line_end = line_end(text, head.end())
        first = _SENTENCE_END.search(text, head.end(), head_line_end)
        if first is not None:
            heading_end, account_start, account_end = first.start(), first.end(), head_line_end
        elif (block_end := _field_block_end(text, head_line_end, cues)) is not None:
            # a heading alone on its line over field lines ((一)城镇老旧小区改造工程|牵头单位：…|
            # 完成情况：…凌河区榴花街道7个小区…): the same, with the field lines as its account
            heading_end, account_start, account_end = head_line_end, head_line_end, block_end
        else:
            continue
        # an item headed by a place alone ((一)西安市。…): its programs are that place's
        place = next((li for _, _, li, l in places.within(head.end(), heading_end)
                      if l.start == head.end() and l.end == heading_end), None)
        if place is not None:
            out += [RelationFact(pi, "operatesIn", place, "rel.operates.item-place", start=head.start(),
                                 end=head_line_end) for _, _, pi, _ in programs.within(account_start, account_end)]
            continue
        heading = [pi for _, _, pi, _ in programs.within(head.end(), heading_end)]
        if not heading:
            continue
        s = account_start
        while s < account_end:
            stop = _SENTENCE_END.search(text, s, account_end)
            e = stop.end() if stop else account_end
            if not programs.any_starting_in(s, e):
                if len({mentions[pi].canonical for pi in heading}) == 1:
                    out += [RelationFact(heading[0], "operatesIn", li, "rel.operates.item", start=s, end=e)
                            for _, _, li, _ in places.within(s, e)]
                for by in cues["passive"].finditer(text, s, e):
                    runner = next((oi for oi, o in orgs if o.start == by.end()), None)
                    if runner is not None and cues["runs"].search(text, mentions[runner].end,
                                                                  min(e, mentions[runner].end + 6)):
                        out += [RelationFact(runner, "runs", pi, "rel.runs.item", start=s, end=e) for pi in heading]
                        break
            s = e
    return out


_HEADING_END = re.compile(r"[。；;？?！!]|[：:][ \t\u3000]*$", re.MULTILINE)  # where a document's body starts
_MAX_TITLE_PROGRAMS = 2  # a title about more programs is about none of them in particular


def duty_items(text: str, mentions, orgs, cues) -> list[RelationFact]:
    """A list of each body's duties (五、职责分工 | 1．市教育局。负责…; （二）市财政局：负责…)
    in a document whose heading names its program (关于推进“青心驿站”…建设的通知):
    each body that opens an item and is then said to be in charge of something
    runs the heading's programs."""
    body_start = _HEADING_END.search(text)
    heading_end = body_start.start() if body_start else 0
    titled = {}
    for i, m in enumerate(mentions):
        if m.type == "Program" and m.end <= heading_end:
            titled.setdefault(m.canonical or m.text, i)
    if not titled or len(titled) > _MAX_TITLE_PROGRAMS:
        return []
    at = {o.start: oi for oi, o in orgs}
    out = []
    for item in _DUTY_ITEM.finditer(text, heading_end):
        oi = at.get(item.end())
        if oi is not None and cues["duty"].match(text, mentions[oi].end):
            out += [RelationFact(oi, "runs", pi, "rel.runs.duty", start=item.start(), end=line_end(text, item.end()))
                    for pi in titled.values()]
    return out


_DUTY_ITEM = re.compile(r"^[ \t\u3000]*(?:" + ITEM_NUMBER + r")[ \t\u3000]*", re.MULTILINE)


_UNIT_RULES = ("org.level", "org.place", "org.youth-league", "org.bare-body", "org.party")
# the rows normalization keeps as lines under a table's head line (kg.text.lines)
_TABLE_ROW = re.compile("^" + RE_ROW_INDEX.pattern, re.MULTILINE)
_SECTION_LINE = re.compile("^(?:" + RE_SECTION.pattern + ")", re.MULTILINE)


def table_rows(text: str, mentions, orgs, cues) -> list[RelationFact]:
    """A table of projects flattened into lines, one row a line: under a head
    line that starts with 序号 (序号 项目名称 … 责任单位 …), each line that starts
    with its number; under one that names its columns (项目名称 目标任务 牵头单位
    责任单位), each line up to prose or a heading. The bodies of the row's first
    run of adjacent bodies (its 责任单位 cell) run the program the row starts with;
    where a lead column (牵头单位) comes first, that cell's bodies run every
    program of the row and the later cells' bodies the one it starts with."""
    out = []
    programs = mention_index((i, m) for i, m in enumerate(mentions) if m.type == "Program")
    bodies = mention_index(orgs)
    for head in cues["table_head"].finditer(text):
        head_line = head.group(0)
        numbered = head_line.startswith(TABLE_HEAD)
        if not numbered and not names_columns(head_line):
            continue
        rows = _numbered_rows(text, head.end()) if numbered else _plain_rows(text, head.end())
        lead = cues["table_lead"].search(head_line)
        other = cues["table_other"].search(head_line)
        lead_first = lead is not None and (other is None or lead.start() < other.start())
        assist_after_lead = lead_first and other is not None and cues["table_assist"].fullmatch(other.group(0))
        for r_start, r_end in zip(rows, rows[1:]):
            program = next((i for _, _, i, _ in programs.starting_in(r_start, r_start + 5)), None)
            if program is None:
                continue
            # runs of adjacent bodies after the program, joined by a list mark (市残联、市卫健局)
            # or a space; in a lead-first table a space separates two cells, so only a list mark
            joins = "、，," if lead_first else " \t\u3000\n、，,"  # (or a space, where one cell holds them all)
            runs: list[list[int]] = []
            last_end = None
            for _, _, oi, o in bodies.within(mentions[program].end, r_end):
                if last_end is None or text[last_end:o.start].strip(joins) != "":
                    runs.append([])
                runs[-1].append(oi)
                last_end = o.end
            # the cells of units in charge: runs with a government body or a mass organization
            # in them (a centre named in the 主要内容 cell is no unit in charge)
            cells = [r for r in runs if any(mentions[oi].rule.startswith(_UNIT_RULES) for oi in r)]
            if not cells:
                continue
            if lead_first:
                cell_start = mentions[cells[0][0]].start
                led = [pi for _, _, pi, _ in programs.within(r_start, cell_start)]
                out += [RelationFact(oi, "runs", pi, "rel.runs.table-lead", start=r_start, end=r_end)
                        for oi in cells[0] for pi in led]
                if assist_after_lead:  # 牵头单位 配合单位: the later cells' bodies work with the lead's
                    out += [RelationFact(a, "partnerOf", b, "rel.partner.table-assist", start=r_start, end=r_end)
                            for a in cells[0] for cell in cells[1:] for b in cell if a != b]
                else:
                    out += [RelationFact(oi, "runs", program, "rel.runs.table-row", start=r_start, end=r_end)
                            for cell in cells[1:] for oi in cell]
            else:
                out += [RelationFact(oi, "runs", program, "rel.runs.table-row", start=r_start, end=r_end)
                        for oi in cells[0]]
    return out


def _numbered_rows(text: str, head_end: int) -> list[int]:
    """The starts of the rows under a 序号 head line, then the table's end: a blank
    line, or the next section's heading (三、工作要求), which a normalized text has
    in place of one (the last row would otherwise run over the rest of the document)."""
    end_of_table = text.find("\n\n", head_end)
    end_of_table = len(text) if end_of_table < 0 else end_of_table
    # (a heading right over a row heads the table's next rows: 二、社会救助|3残疾儿童康复救助 …)
    section = next((s for s in _SECTION_LINE.finditer(text, head_end, end_of_table)
                    if not _TABLE_ROW.match(text, line_end(text, s.start()) + 1)), None)
    end_of_table = section.start() if section else end_of_table
    return [r.start() for r in _TABLE_ROW.finditer(text, head_end, end_of_table)] + [end_of_table]


def _plain_rows(text: str, head_end: int) -> list[int]:
    """The starts of the lines under a head line that names its columns, up to
    a line of prose (no space between cells) or a heading, then that line's start."""
    starts = []
    pos = head_end + 1
    while pos < len(text):
        end = line_end(text, pos)
        if " " not in text[pos:end] or _ITEM_HEAD.match(text, pos):
            break
        starts.append(pos)
        pos = end + 1
    return starts + [min(pos, len(text))]


_DESIGNATION_LINES = 8  # the line naming the program is at most this many lines above the table


def designated_rows(text: str, mentions, orgs, cues) -> list[RelationFact]:
    """A table of institutions (序号 机构名称 …) under a line that names a program
    and a list word (…残疾儿童康复救助定点服务机构名单, 拟确定以下14家机构为…定点
    服务机构): the body each row starts with runs that program."""
    out = []
    programs = mention_index((i, m) for i, m in enumerate(mentions) if m.type == "Program")
    bodies = mention_index(orgs)
    for head in cues["designation_head"].finditer(text):
        program = _listed_program(text, head.start(), programs, cues)
        if program is None:
            continue
        pos, number = text.find("\n", head.end()), 1
        while pos >= 0:  # the rows, numbered 1, 2, 3 …, each number right before its institution
            row = _numbered_body(text, pos, number, bodies)
            if row is None:
                break
            pos, number = row[1], number + 1
            out.append(RelationFact(row[0], "runs", program, "rel.runs.designated", start=row[1], end=row[2]))
    return out


def addressed_rows(text: str, mentions, orgs, cues) -> list[RelationFact]:
    """A table of institutions whose head line also names an address or a place
    column (序号 机构名称 地址 电话, 序号 机构名称 所在镇（街道） …), one row a line: the
    body a row starts with, after its number, is located in the most specific
    place the row names outside a body's name (佳木斯市东风区光复路1126号: 东风区).
    Section lines (二、精神卫生医疗机构) may stand between rows."""
    out = []
    bodies = mention_index(orgs)
    in_body = _inside_any(mentions, [(o.start, o.end) for _, o in orgs])
    places = mention_index((i, m) for i, m in enumerate(mentions)
                           if m.type == "Location" and (m.code or m.city) and not in_body[i])
    for head in cues["designation_head"].finditer(text):
        pos = line_end(text, head.start())
        if not cues["address_column"].search(text, head.start(), pos):
            continue
        while pos < len(text):
            start, pos = pos + 1, line_end(text, pos + 1)
            number = _ROW_NUMBER.match(text, start, pos)
            if number is None:
                if _ITEM_HEAD.match(text, start):
                    continue  # a section of the table
                break
            first = bodies.starting_in(number.end(), number.end() + 1)
            if not first:
                continue  # a row that starts with no body (a hotline's name)
            body, body_end = first[-1][2], first[-1][1]
            named = places.within(body_end, pos)
            # each column's place (水磨沟区 | 七道湾街道温泉东路318号), not one that only
            # qualifies the next (佳木斯市东风区光复路: 东风区)
            starts = {s for s, *_ in named}
            for _, end, place, _ in named:
                if end not in starts:
                    out.append(RelationFact(body, "locatedIn", place, "rel.located.address-row", start=start, end=pos))
    return out


_ROW_REACH_LINES = 2  # a wrapped table's next row starts at most this many lines on


def _numbered_body(text: str, pos: int, number: int, bodies) -> tuple[int, int, int] | None:
    """(body, start, end) of the table row numbered `number` at or after pos:
    the number at a line's start or after a space, an institution right after
    it (rows wrapped into lines of their own or run together: …60 58 2仁寿县中医医院…)."""
    reach = pos
    for _ in range(_ROW_REACH_LINES):
        nxt = text.find("\n", reach + 1)
        reach = len(text) if nxt < 0 else nxt
    for m in re.finditer(r"(?:^|(?<=[ \t\u3000\n]))" + str(number) + r"(?![\d.．%])[ \t\u3000]*", text[pos:reach]):
        first = bodies.starting_in(pos + m.end(), pos + m.end() + 1)
        if first:
            return first[-1][2], pos + m.start(), first[-1][1]
    return None


def _listed_program(text: str, table_start: int, programs, cues) -> int | None:
    """The program of the nearest line above the table that names one with a
    list word; none where a line above names programs but no list."""
    end = table_start
    for _ in range(_DESIGNATION_LINES):
        if end <= 0:
            break
        start = text.rfind("\n", 0, end - 1) + 1
        named = programs.within(start, end)
        if named:
            return named[0][2] if cues["designation_list"].search(text, start, end) else None
        end = start
    return None


_NUMBERED = RE_ROW_INDEX.pattern + r"[ \t\u3000.、．]*"  # a row's number and what separates it from the row
_ROW_NUMBER = re.compile(r"[ \t\u3000]*" + _NUMBERED)
_ROW_LEAD = re.compile(r"[ \t\u3000]*(?:" + _NUMBERED + ")?")
_HEAD_END = re.compile(r"[：:][ \t\u3000]*$")
# a row's cells at its end: two or more numbers apart
_ROW_CELLS = re.compile(r"\d+(?:\.\d+)?%?(?:[ \t\u3000]+\d+(?:\.\d+)?%?)+[ \t\u3000]*$")
# 表1 …, 附表：…, 附表2 …, or a line ending in 表 (…统计表) or 情况, maybe with its
# date (各居民区“时间银行”运行情况（截至2024年9月30日）)
_TABLE_TITLE = re.compile(r"^[ \t\u3000]*附?表[ \t\u3000]*[\d：:]|(?:表|情况(?:[（(][^）)\n]{2,20}[）)])?)[ \t\u3000]*$",
                          re.MULTILINE)


def place_rows(text: str, mentions, cues) -> list[RelationFact]:
    """A table of places under a head line that names programs (现将各市完成情况
    摘列如下（依次为新建“楚天幸福食堂”、…）：, or 地区 长者食堂（个） …, or a column of
    places under a table title that names them: 表1 “就业援助月”…统计表), each row a
    line that starts with a place and has a number in it: each program of the
    head line operates in each row's place."""
    out = []
    programs = mention_index((i, m) for i, m in enumerate(mentions) if m.type == "Program")
    places = mention_index((i, m) for i, m in enumerate(mentions) if m.type == "Location")
    line_start = 0
    while line_start < len(text):
        row_end = line_end(text, line_start)
        named = programs.within(line_start, row_end)
        # 序号 乡镇（街道） …: a numbered table's place column comes second
        numbered = text.startswith(TABLE_HEAD, line_start)
        by_place = cues["place_column"].match(text, line_start + len(TABLE_HEAD) if numbered else line_start)
        if by_place and not named and line_start:
            # 表1 2024年“就业援助月”各旗县市区开展情况统计表 | 旗县市区 走访… : the title names them
            title_start = text.rfind("\n", 0, line_start - 1) + 1
            if _TABLE_TITLE.search(text, title_start, line_start - 1):
                named = programs.within(title_start, line_start - 1)
        if by_place:
            named = named + _column_programs(text, by_place.end(), row_end, mentions)
        rows = []
        if named and (_HEAD_END.search(text, line_start, row_end) or by_place
                      or _TABLE_TITLE.search(text, line_start, row_end)):
            rows = _place_rows_below(text, row_end, places)
        for place, r_start, r_end in rows:
            out += [RelationFact(pi, "operatesIn", place, "rel.operates.place-row", start=r_start, end=r_end)
                    for pi in dict.fromkeys(i for _, _, i, _ in named)]
        line_start = (rows[-1][2] if rows else row_end) + 1
    return out


# a column's head with its unit (长者食堂（个）); normalization may have run the heads together
_COLUMN_HEAD = re.compile(r"([^（()）\s]+)[（(][^（()）]{1,4}[）)]")
_COLUMN_LABEL_MIN = 3  # 长者食堂, 就业服务站: a column's label long enough to stand for a program


def _column_programs(text: str, start: int, end: int, mentions) -> list:
    """(start, end, index, mention) of the programs a table's head line names by
    the end of their names (街道 长者食堂（个） 就业服务站（个） under “武侯颐养”社区
    长者食堂 and “家门口”就业服务站): one program of the document per label."""
    out = []
    for head in _COLUMN_HEAD.finditer(text, start, end):
        label = head.group(1).strip("“”\"")
        if len(label) < _COLUMN_LABEL_MIN:
            continue
        ending = {m.canonical or m.text: i for i, m in enumerate(mentions)
                  if m.type == "Program" and (m.canonical or m.text).endswith(label)}
        if len(ending) == 1:
            i = next(iter(ending.values()))
            out.append((mentions[i].start, mentions[i].end, i, mentions[i]))
    return out


def _place_rows_below(text: str, head_end: int, places) -> list[tuple[int, int, int]]:
    """(place, start, end) of the lines right below head_end (and below the
    columns' head line, if one comes first) that start with a place and count
    something; fewer than two is no table."""
    rows = []
    first_line = line_end(text, head_end + 1)
    if not any(ch.isdigit() for ch in text[head_end + 1:first_line]):
        head_end = first_line  # the columns' head line under a title (序号 县（市、区） 新建站点数（个）)
    while head_end < len(text):
        start = head_end + 1
        end = line_end(text, start)
        lead = _ROW_LEAD.match(text, start).end()
        first = places.starting_in(lead, lead + 1)
        if not first or not any(ch.isdigit() for ch in text[first[0][1]:end]):
            index = RE_ROW_INDEX.match(text, start)
            if RE_NUMBER_ROW.fullmatch(text, start, end) or (
                    index and text[index.end():index.end() + 1] not in ".、．" and _ROW_CELLS.search(text, start, end)):
                # 西南镇6 37 141, 1县本级 已运营 5860 …: a row of a place the gazetteer
                # lacks, or a numbered row of a unit that is no place; the table goes on
                head_end = end
                continue
            break
        rows.append((first[0][2], start, end))
        head_end = end
    return rows if len(rows) >= 2 else []
