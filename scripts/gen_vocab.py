#!/usr/bin/env python3
"""Generate kg/vocab.py (an rdflib DefinedNamespace) from ontology/kg.ttl.

ontology/kg.ttl is the single source of truth for kg: terms; kg/vocab.py is
derived from it and must not be edited by hand.

    python scripts/gen_vocab.py           # rewrite kg/vocab.py
    python scripts/gen_vocab.py --check   # exit 1 if kg/vocab.py is stale
    python scripts/gen_vocab.py --stdout  # print the module instead

The output is deterministic: it depends only on the triples of kg.ttl (not on
their order, the rdflib version's serializer, the clock or the machine).
"""
from __future__ import annotations

import argparse
import keyword
import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

ROOT = Path(__file__).resolve().parent.parent
TTL = ROOT / "ontology" / "kg.ttl"
OUT = ROOT / "kg" / "vocab.py"
KG_NS = "https://w3id.org/minsheng-kg/ontology#"

# Groups, in output order: (heading, rdf:type that puts a term in the group).
_GROUPS = (
    ("Classes", OWL.Class),
    ("Object properties", OWL.ObjectProperty),
    ("Datatype properties", OWL.DatatypeProperty),
)


def _ns(graph: Graph) -> str:
    """The kg: namespace as bound in the ttl; it must be the contract's IRI."""
    bound = dict(graph.namespaces()).get("kg")
    if bound is None or str(bound) != KG_NS:
        raise SystemExit(f"{TTL}: prefix kg: must be bound to {KG_NS}, got {bound}")
    return KG_NS


def _english(graph: Graph, term: URIRef, prop: URIRef) -> str:
    values = sorted(str(o) for o in graph.objects(term, prop) if isinstance(o, Literal) and o.language == "en")
    return values[0] if values else ""


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    cut = text.find(". ")
    return text if cut < 0 else text[: cut + 1]


def collect_terms(graph: Graph) -> list[tuple[str, list[tuple[str, str]]]]:
    """kg: terms defined in the ontology (subjects with an rdf:type), grouped."""
    ns = _ns(graph)
    defined = sorted(
        {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(ns)},
        key=str,
    )
    groups: dict[str, list[tuple[str, str]]] = {heading: [] for heading, _ in _GROUPS}
    for term in defined:
        name = str(term)[len(ns):]
        if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
            raise SystemExit(f"{TTL}: kg:{name} is not usable as a Python attribute name")
        types = set(graph.objects(term, RDF.type))
        for heading, rdf_type in _GROUPS:
            if rdf_type in types:
                break
        else:
            raise SystemExit(f"{TTL}: kg:{name} is neither an owl:Class nor an OWL object/datatype property")
        doc = _first_sentence(_english(graph, term, RDFS.comment)) or _english(graph, term, RDFS.label)
        groups[heading].append((name, doc))
    return [(heading, groups[heading]) for heading, _ in _GROUPS if groups[heading]]


def _version(graph: Graph) -> str:
    for onto in sorted(graph.subjects(RDF.type, OWL.Ontology), key=str):
        for v in sorted(graph.objects(onto, OWL.versionInfo), key=str):
            return str(v)
    return "unknown"


def render(ttl: Path = TTL) -> str:
    """The text of kg/vocab.py for the given ontology file."""
    graph = Graph()
    graph.parse(ttl, format="turtle")
    lines = [
        "# GENERATED FILE - DO NOT EDIT.",
        "# Generated from ontology/kg.ttl by scripts/gen_vocab.py; regenerate with:",
        "#     python scripts/gen_vocab.py",
        "# tests/test_ontology.py fails when this file and kg.ttl disagree.",
        '"""The kg: vocabulary as an rdflib DefinedNamespace.',
        "",
        "Referencing a term that ontology/kg.ttl does not define raises",
        "AttributeError (`_fail = True`), so a typo cannot mint a stray IRI.",
        '"""',
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class KG(DefinedNamespace):",
        f'    """minsheng-kg ontology, version {_version(graph)}."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{_ns(graph)}")',
    ]
    for heading, terms in collect_terms(graph):
        lines += ["", f"    # {heading}"]
        for name, doc in terms:
            lines.append(f"    {name}: URIRef  # {doc}" if doc else f"    {name}: URIRef")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if kg/vocab.py is out of date")
    mode.add_argument("--stdout", action="store_true", help="print instead of writing kg/vocab.py")
    args = parser.parse_args(argv)
    text = render()
    if args.stdout:
        sys.stdout.write(text)
        return 0
    current = OUT.read_text(encoding="utf-8") if OUT.exists() else None
    if args.check:
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is out of date; run: python scripts/gen_vocab.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
