"""runs from a notice's title: the bodies that issue a 公示, 公告 or 通知 run each
program its title names (宜城市医疗保障局 宜城市民政局 | 关于…依申请医疗救助拟救助对象的公示).
The issuers are named on the lines above the title, each line nothing but bodies'
names, or in the title before its 关于 (某市民政局关于…的公示). On the probe, readers
gave 39 of 44 such pairs."""
from __future__ import annotations

import re

from kg.nlp.lexicon import load_lexicon
from kg.types import Mention, RelationFact

NOTICE_RUNS_RULE = "rel.runs.notice-title"
_HEAD_LINES = 6  # the title is among the first lines that hold anything
_BLANKS = re.compile(r"[ \t\u3000、]*")


def notice_title_runs(text: str, mentions: list[Mention], orgs: list[tuple[int, Mention]]) -> list[RelationFact]:
    title_re = load_lexicon().notice_title_re
    issuers: list[int] = []
    pos, seen = 0, 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > _HEAD_LINES:
            return []
        title = title_re.search(line)
        on_line = [(i, m) for i, m in orgs if start <= m.start and m.end <= start + len(line)]
        if title is None:
            if _only_names(line, start, [m for _, m in on_line]):  # a letterhead's line
                issuers += [i for i, _ in on_line]
            continue
        about = start + title.start("about")
        issuers += [i for i, m in on_line if m.end <= about]
        programs = [j for j, m in enumerate(mentions) if m.type == "Program"
                    and about <= m.start and m.end <= start + len(line)]
        return [RelationFact(i, "runs", j, NOTICE_RUNS_RULE, start=start, end=start + len(line))
                for i in dict.fromkeys(issuers) for j in programs]
    return []


def _only_names(line: str, start: int, names: list[Mention]) -> bool:
    """Whether the line holds bodies' names and nothing else (blanks and 、 apart)."""
    if not names:
        return False
    at = 0
    for m in sorted(names, key=lambda m: (m.start, -m.end)):
        s, e = m.start - start, m.end - start
        if s < at:
            continue  # a shorter name inside one already read
        if not _BLANKS.fullmatch(line, at, s):
            return False
        at = e
    return _BLANKS.fullmatch(line, at) is not None
