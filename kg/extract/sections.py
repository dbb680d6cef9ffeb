"""runs from sections headed by bodies alone: a progress report or a notice
that groups its items under the bodies in charge of them ((一)市民政局 | 1.提高城乡
低保标准… | (二)团市委、市教育局 | …)."""
from __future__ import annotations

import bisect
import re

from kg.text.lines import heading_level, line_end
from kg.types import Mention, RelationFact

# a line's start, where a heading's number may follow (its level: kg.text.lines.heading_level)
_LINE_START = re.compile(r"^[ \t\u3000]*", re.MULTILINE)
_GAP = re.compile(r"[ \t\u3000]*")
# what stands between the bodies of one heading (a lead's mark may follow one: 市残联（牵头）、市教育局)
_BETWEEN = re.compile(r"(?:[（(][^）)\n]{1,6}[）)])?[、，,和及与 \t\u3000]*")
# what may close the heading's line: a colon, or a bracket ((牵头), (责任人：局长 李某))
_CLOSE = re.compile(r"(?:[（(][^）)\n]{1,30}[）)])?[：:]?[ \t\u3000]*")
SECTION_RULE = "rel.runs.section-body"


def section_bodies(text: str, mentions: list[Mention], orgs: list[tuple[int, Mention]]) -> list[RelationFact]:
    """Each heading whose line holds only bodies (and the 、 between them) opens a
    section that ends at the next heading of its level or above: its bodies run
    every program named in the section."""
    by_start = {m.start: i for i, m in orgs}
    headings = []
    for line in _LINE_START.finditer(text):
        if (heading := heading_level(text, line.end())) is not None:
            level, number_end = heading
            headings.append((line.start(), _GAP.match(text, number_end).end(), level))
    programs = sorted((m.start, i) for i, m in enumerate(mentions) if m.type == "Program")
    program_starts = [s for s, _ in programs]
    out = []
    for k, (start, end, level) in enumerate(headings):
        heading_end = line_end(text, end)
        bodies = _bodies_filling(text, end, heading_end, mentions, by_start)
        if not bodies:
            continue
        close = next((s for s, _, lv in headings[k + 1:] if lv <= level), len(text))
        lo, hi = bisect.bisect_left(program_starts, heading_end), bisect.bisect_left(program_starts, close)
        out += [RelationFact(oi, "runs", pi, SECTION_RULE, start=start, end=close)
                for oi in bodies for _, pi in programs[lo:hi]]
    return out


def _bodies_filling(text: str, pos: int, end: int, mentions: list[Mention], by_start: dict[int, int]) -> list[int]:
    """The bodies that fill text[pos:end] one after another; none if anything else is there."""
    bodies = []
    while pos < end:
        i = by_start.get(pos)
        if i is None:
            return [] if _CLOSE.fullmatch(text, pos, end) is None or not bodies else bodies
        bodies.append(i)
        pos = _BETWEEN.match(text, mentions[i].end, end).end()
    return bodies
