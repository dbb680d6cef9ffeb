"""`kg explain NAME`: an entity's labels, aliases, types and relations, with the
documents and sentences behind each (from kg:Mention and kg:Assertion nodes)."""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.api import run_sparql
from kg.store import open_store

_FIND = """
SELECT DISTINCT ?e ?q WHERE {
  GRAPH ?g { ?e rdfs:label|skos:altLabel ?name . FILTER(STR(?name) = STR(?q)) }
}"""
_LABELS = "SELECT DISTINCT ?e ?label ?alt ?type WHERE { GRAPH ?g { ?e rdfs:label ?label ; a ?type . OPTIONAL { ?e skos:altLabel ?alt } } }"
_RELATIONS = """
SELECT DISTINCT ?e ?dir ?p ?other ?otherLabel ?source ?evidence ?rule WHERE {
  GRAPH ?g {
    ?a a kg:Assertion ; rdf:predicate ?p ; kg:rule ?rule .
    { ?a rdf:subject ?e ; rdf:object ?other . BIND("out" AS ?dir) }
    UNION { ?a rdf:object ?e ; rdf:subject ?other . BIND("in" AS ?dir) }
    OPTIONAL { ?a kg:evidence ?evidence }
    ?other rdfs:label ?otherLabel .
    ?g dcterms:source ?source .
  }
} ORDER BY ?dir ?p ?otherLabel ?source"""
_MENTIONS = """
SELECT ?e ?source ?surface ?sentence ?start ?rule WHERE {
  GRAPH ?g { ?m a kg:Mention ; kg:refersTo ?e ; kg:surface ?surface ; kg:sentence ?sentence ; kg:start ?start ; kg:rule ?rule .
             ?g dcterms:source ?source . }
} ORDER BY ?source ?start"""


@dataclass
class Explanation:
    iri: str
    label: str
    types: list[str]
    aliases: list[str]
    relations: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return self.__dict__.copy()


def explain(name: str, store_dir) -> list[Explanation]:
    store = open_store(store_dir, read_only=True)
    found = run_sparql(store, _FIND, {"q": ox.Literal(name)})
    out = []
    for (iri,) in sorted(found.rows):
        e = {"e": ox.NamedNode(iri)}
        rows = run_sparql(store, _LABELS, e).rows
        label = rows[0][0] if rows else iri
        types = sorted({r[2].rsplit("#", 1)[-1] for r in rows})
        aliases = sorted({r[1] for r in rows if r[1]})
        rels = run_sparql(store, _RELATIONS, e).as_dicts()
        for r in rels:
            r["p"] = r["p"].rsplit("#", 1)[-1]
        mentions = run_sparql(store, _MENTIONS, e).as_dicts()
        out.append(Explanation(iri, label, types, aliases, rels, mentions))
    return out


def format_explanation(x: Explanation) -> str:
    lines = [f"{x.label}  <{x.iri}>", f"  type: {', '.join(x.types)}"]
    if x.aliases:
        lines.append(f"  aliases: {'、'.join(x.aliases)}")
    if x.relations:
        lines.append("  relations:")
        for r in x.relations:
            arrow = f"{r['p']} → {r['otherLabel']}" if r["dir"] == "out" else f"← {r['p']} {r['otherLabel']}"
            lines.append(f"    {arrow}   [{r['source']}; {r['rule']}]")
            if r.get("evidence"):
                lines.append(f"      “{r['evidence']}”")
    if x.mentions:
        lines.append(f"  mentioned {len(x.mentions)} times:")
        for m in x.mentions:
            lines.append(f"    {m['source']} @{m['start']} “{m['surface']}” ({m['rule']}): {m['sentence']}")
    return "\n".join(lines)
