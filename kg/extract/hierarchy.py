"""subOrganizationOf from the names of the bodies a document names."""
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
    out = []
    for name, (i, m) in first.items():
        # the longest proper prefix that is a name here (a lookup per length: a
        # scan of all names per name was quadratic on long documents)
        parent = next((name[:k] for k in range(len(name) - 1, 3, -1) if name[:k] in first), None)
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
