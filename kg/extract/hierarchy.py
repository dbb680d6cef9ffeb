"""subOrganizationOf from the names of the bodies a document names, and from
the words that tie one body to another (所属的, 组建)."""
from __future__ import annotations

from kg.nlp.lexicon import load_lexicon
from kg.types import Mention, RelationFact


def parents_by_name(orgs: list[tuple[int, Mention]]) -> list[RelationFact]:
    """subOrganizationOf between bodies the document names, from their full names:
    the longest other name a name starts with (X市人民政府办公室 -> X市人民政府,
    江苏银行盐城分行 -> 江苏银行), else the parent of an institution of the same
    place (affiliated_bodies.tsv: X市残疾人康复中心 -> X市残疾人联合会)."""
    first: dict[str, tuple[int, Mention]] = {}
    for i, m in orgs:
        first.setdefault(m.canonical or m.text, (i, m))
    own_tails = load_lexicon().org_own_body_tails
    out = []
    for name, (i, m) in first.items():
        # the longest proper prefix that is a name here (a lookup per length: a
        # scan of all names per name was quadratic on long documents)
        parent = next((name[:k] for k in range(len(name) - 1, 3, -1)
                       if name[:k] in first and name[k:] not in own_tails), None)
        if parent is None:
            parent = _affiliation_parent(name, first)
        if parent is not None:
            out.append(RelationFact(i, "subOrganizationOf", first[parent][0], "rel.sub-org.name", start=m.start,
                                    end=m.end))
    return out


def _affiliation_parent(name: str, names) -> str | None:
    for institution, parents in load_lexicon().affiliated_bodies:
        if name.endswith(institution) and len(name) > len(institution):
            place = name[: -len(institution)]
            for template in parents:
                parent = template.format(place=place) if "{place}" in template else place + template
                if parent in names:
                    return parent
            return None
    return None


def parents_by_cue(text: str, orgs: list[tuple[int, Mention]], cues) -> list[RelationFact]:
    """subOrganizationOf from the words between two bodies: 市人社局所属的石嘴山市就业
    创业服务中心, 团省委直属的…; and a team a body forms, 咸宁职业技术学院组建“青心守护”
    心理志愿服务队; and the other way round, 县社会福利中心作为县民政局下属事业单位
    (relation_cues.json: affiliation)."""
    ordered = sorted(orgs, key=lambda a: (a[1].start, -a[1].end))
    out = []
    for (i, parent), (j, child) in zip(ordered, ordered[1:]):
        gap = text[parent.end:child.start]
        founded = cues["sub_founding"].fullmatch(gap) and (child.canonical or child.text).endswith(
            cues["sub_founded_heads"])
        if cues["sub_between"].fullmatch(gap) or founded:
            out.append(RelationFact(j, "subOrganizationOf", i, "rel.sub-org.cue", start=parent.start, end=child.end))
        elif cues["sub_reverse_open"].fullmatch(gap) and cues["sub_reverse_close"].match(text, child.end):
            # 县社会福利中心作为县民政局下属事业单位: the body named second is the parent
            out.append(RelationFact(i, "subOrganizationOf", j, "rel.sub-org.cue", start=parent.start, end=child.end))
    return out
