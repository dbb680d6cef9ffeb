"""Relations from a procurement award notice (中标（成交）结果公告), the national
template: 项目名称：<the project> … 包1（真州镇）：供应商名称：<a body>; 供应商地址：… .

The project (a Program) is run by each supplier awarded a package and by the
purchaser (采购人名称：…, or the body an agency acts for: 受某局委托); it operates
in the places each package's line names, other than in an address field. A
notice with no supplier (a call for tenders) awards nothing."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp.lexicon import alternation, load_lexicon
from kg.nlp.recognize.notes import SHORT_NAME_NOTE
from kg.nlp.recognize.spans import mention_index
from kg.text.lines import RE_SECTION, line_end
from kg.types import RelationFact

AWARD_RUNS_RULE = "rel.runs.award"
REPRESENTATIVE_RULE = "rel.member.purchaser-representative"
_LABEL_GAP = re.compile(r"[ \t\u3000“\"]*")  # between a field's label and its value
_FIELD_END = re.compile(r"[；;\n]")
_NAME_MAX = 40  # a body's name before its short-name note is at most this long
_BLOCK_LINES = 6  # a contact block's lines above a contact: 名称, 地址, 联系方式, 3.项目联系方式 …


@lru_cache(maxsize=1)
def _award_cues() -> dict:
    c = load_lexicon().relation_cues["award"]
    return {
        "project": re.compile(r"(?:" + alternation(c["project"]) + r")[：:]"),
        "supplier": re.compile(r"(?:" + alternation(c["supplier"]) + r")[：:]"),
        "purchaser": re.compile(r"(?:" + alternation(c["purchaser"]) + r")[：:]|(?:" + alternation(c["purchaser_section"])
                                + r")[：:]?[ \t\u3000]*\n[ \t\u3000]*(?:" + alternation(c["name_label"]) + r")[：:]"),
        "purchaser_words": frozenset(c["purchaser"]),
        "agent_open": re.compile(alternation(c["agent_open"])),
        "agent_close": tuple(c["agent_close"]),
        # a package's line: 包1（真州镇）, 合同包2：, 第3包, 标项一
        "package": re.compile(r"(?m)^[ \t\u3000]*(?:第[0-9一二三四五六七八九十]+(?:" + alternation(c["package"]) + r")|(?:"
                              + alternation(c["package"]) + r")[0-9一二三四五六七八九十]+)"),
        "representative": re.compile(r"[（(](?P<role>" + alternation(c["representative"]) + r")[）)]"),
        "name_field": re.compile(r"[ \t\u3000]*(?:" + alternation(c["name_label"]) + r")[：:]"),
        "address": re.compile(r"[\u4e00-\u9fff]{0,6}(?:" + alternation(c["address"]) + r")[：:][^；;\n|｜]*"),
    }


def award_relations(text: str, mentions, orgs) -> list[RelationFact]:
    cues = _award_cues()
    suppliers = [m.end() for m in cues["supplier"].finditer(text)]
    project_field = cues["project"].search(text)
    if not suppliers or project_field is None:
        return []
    programs = mention_index((i, m) for i, m in enumerate(mentions) if m.type == "Program")
    value = _LABEL_GAP.match(text, project_field.end()).end()
    field_end = _FIELD_END.search(text, value)
    named = programs.starting_in(value, field_end.start() if field_end else len(text))
    if not named:
        return []
    project = named[0][2]
    bodies = mention_index(orgs)
    runners = [(_body_at(text, pos, bodies), pos) for pos in suppliers] + _purchasers(text, mentions, bodies, cues)
    out, seen = [], set()
    for body, pos in runners:
        if body is not None and body not in seen:
            seen.add(body)
            out.append(RelationFact(body, "runs", project, AWARD_RUNS_RULE, start=pos, end=line_end(text, pos)))
    out += _package_places(text, mentions, project, cues)
    return out


def _purchasers(text: str, mentions, bodies, cues) -> list[tuple[int | None, int]]:
    """(body, where it is named) for each naming of the purchaser, in the text's order."""
    named = [(_body_at(text, m.end(), bodies), m.end()) for m in cues["purchaser"].finditer(text)]
    # 界首市残疾人联合会（以下简称“采购人”）: the body right before the note
    named += [(b[2], m.start()) for m in SHORT_NAME_NOTE.finditer(text) if m.group(1) in cues["purchaser_words"]
              for b in bodies.starting_in(max(0, m.start() - _NAME_MAX), m.start()) if b[1] == m.start()]
    # 湖北某项目管理有限公司受恩施市民政局委托: the purchaser an agency acts for
    named += [(b, m.end()) for m in cues["agent_open"].finditer(text)
              if (b := _body_at(text, m.end(), bodies)) is not None
              and text.startswith(cues["agent_close"], mentions[b].end)]
    return named


def purchaser_representatives(text: str, mentions, orgs) -> list[RelationFact]:
    """A member of a procurement's review panel noted as the purchaser's (周春丽（采购人
    代表）) is a member of the purchaser (采购人信息 名称：蒙自市民政局), in that role."""
    cues = _award_cues()
    notes = list(cues["representative"].finditer(text))
    if not notes:
        return []
    purchaser = next((b for b, _ in _purchasers(text, mentions, mention_index(orgs), cues) if b is not None), None)
    if purchaser is None:
        return []
    persons = {m.end: i for i, m in enumerate(mentions) if m.type == "Person"}
    return [RelationFact(persons[note.start()], "memberOf", purchaser, REPRESENTATIVE_RULE, role=note.group("role"),
                         start=note.start(), end=note.end()) for note in notes if note.start() in persons]


def contact_block_body(text: str, pos: int, orgs) -> int | None:
    """The body of the contact block a contact at pos is in, in the template's
    closing section (1.采购人信息⏎名称：某市民政局⏎地址：…⏎联系人：王某): the body on
    the block's 名称 line, a few lines up. The project's contacts after the blocks
    (3.项目联系方式⏎项目联系人：…) are the last block's, the agency's. A section's
    heading (九、凡对本次公告…) ends the search."""
    cues = _award_cues()
    line_start = text.rfind("\n", 0, pos) + 1
    for _ in range(_BLOCK_LINES):
        if line_start == 0:
            return None
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above:line_start - 1]
        if RE_SECTION.match(line.lstrip(" \t\u3000")):
            return None
        field = cues["name_field"].match(line)
        if field:
            return _body_at(text, above + field.end(), mention_index(orgs))
        line_start = above
    return None


def _body_at(text: str, pos: int, bodies) -> int | None:
    """The body whose name starts a field's value at pos."""
    start = _LABEL_GAP.match(text, pos).end()
    found = bodies.starting_in(start, start + 1)
    return max(found, key=lambda s: s[1])[2] if found else None


def _package_places(text: str, mentions, project: int, cues) -> list[RelationFact]:
    """The project operates in the places each package's line names, outside its
    address fields and the names of bodies."""
    places = mention_index((i, m) for i, m in enumerate(mentions) if m.type == "Location")
    inside = mention_index((i, m) for i, m in enumerate(mentions) if m.type in ("Organization", "Program"))
    out, seen = [], set()
    for package in cues["package"].finditer(text):
        start, end = package.start(), line_end(text, package.start())
        addresses = [a.span() for a in cues["address"].finditer(text, start, end)]
        for s, e, li, _ in places.within(start, end):
            if li in seen or any(a <= s < b for a, b in addresses) \
                    or any(o[0] <= s and e <= o[1] for o in inside.starting_in(start, e)):
                continue
            seen.add(li)
            out.append(RelationFact(project, "operatesIn", li, "rel.operates.award-package", start=start, end=end))
    return out
