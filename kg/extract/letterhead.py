"""partnerOf from a joint document's letterhead."""
from __future__ import annotations

from itertools import combinations

from kg.types import Mention, RelationFact


def letterhead_partners(text: str, orgs: list[tuple[int, Mention]]) -> list[RelationFact]:
    """A notice several bodies issue together names each of them on a line of
    its own above everything else (四平市残疾人联合会 / 四平市教育局 / …): they act
    together. The lines read from the top, past blank ones, up to the first line
    that is not one organization's whole name."""
    whole = {(m.start, m.end): i for i, m in orgs}
    issuers: list[int] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        lead = len(line) - len(line.lstrip())
        body = line.strip()
        if not body:
            if issuers:
                break
            continue
        i = whole.get((start + lead, start + lead + len(body)))
        if i is None:
            break
        issuers.append(i)
    if len(issuers) < 2:
        return []
    by_index = dict(orgs)
    start, end = by_index[issuers[0]].start, by_index[issuers[-1]].end
    return [RelationFact(a, "partnerOf", b, "rel.partner.letterhead", start=start, end=end)
            for a, b in combinations(issuers, 2)]
