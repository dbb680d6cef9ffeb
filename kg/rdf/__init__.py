"""A document's resolved facts as RDF: one named graph whose IRI is the document's.

Quads are built as pyoxigraph terms (Rust-backed, fast to load and serialize);
`to_rdflib` gives an rdflib Dataset where that API is more convenient.
"""
from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox

from kg import namespaces as ns
from kg.types import ResolvedFacts

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_SUBJECT = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")
RDF_PREDICATE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate")
RDF_OBJECT = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#object")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"
# stands in an evidence sentence for a garbled run that was not extracted from
GARBLED_MARK = "〔…〕"


def _n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


KG = {name: _n(ns.KG[name]) for name in (
    "Organization", "Program", "Location", "Person", "PolicyDocument", "Indicator", "Observation", "Document",
    "Mention", "Assertion", "runs", "partnerOf", "operatesIn", "locatedIn", "partOf", "memberOf",
    "subOrganizationOf", "issuedBy", "indicator", "value", "unit", "period", "refArea", "about", "evidence",
    "mentions", "inDocument", "refersTo", "surface", "sentence", "start", "end", "rawStart", "rawEnd", "rule",
    "qualifier", "city", "divisionCode", "level",
)}
SKOS_ALT = _n(ns.SKOS.altLabel)
DCT = {name: _n(ns.DCTERMS[name]) for name in ("title", "source", "identifier", "issued", "publisher")}
ORG = {name: _n(ns.ORG[name]) for name in ("Membership", "Role", "member", "organization", "role")}


def _zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def _int(i: int) -> ox.Literal:
    return ox.Literal(str(i), datatype=ox.NamedNode(XSD + "integer"))


def _decimal(d: Decimal) -> ox.Literal:
    text = format(d, "f")
    if "." not in text:
        text += ".0"
    return ox.Literal(text, datatype=ox.NamedNode(XSD + "decimal"))


def _period(p: str) -> ox.Literal:
    kind = {4: "gYear", 7: "gYearMonth", 10: "date"}.get(len(p), "string")
    return ox.Literal(p, datatype=ox.NamedNode(XSD + kind))


def to_quads(r: ResolvedFacts) -> list[ox.Quad]:
    g = ox.NamedNode(r.doc_iri)
    doc = g
    facts = r.facts
    text = facts.normalized.text
    out: list[ox.Quad] = []

    def add(s, p, o) -> None:
        out.append(ox.Quad(s, p, o, g))

    def sentence(start: int | None) -> str:
        """The sentence around `start`, with garbled runs masked: mojibake never
        becomes a literal."""
        if start is None:
            return ""
        s, e = facts.sentence_of(start)
        out, pos = [], s
        for gs, ge in facts.normalized.garbled:
            if gs < e and s < ge:
                out.append(text[pos:max(gs, s)])
                out.append(GARBLED_MARK)
                pos = min(ge, e)
        out.append(text[pos:e])
        return "".join(out).replace("\ufffd", "").strip()

    add(doc, RDF_TYPE, KG["Document"])
    add(doc, DCT["title"], _zh(facts.title or facts.source.source))
    add(doc, DCT["source"], ox.Literal(facts.source.source))
    add(doc, DCT["identifier"], ox.Literal(facts.source.sha256))
    if facts.issued and len(facts.issued) == 10:
        add(doc, DCT["issued"], ox.Literal(facts.issued, datatype=ox.NamedNode(XSD + "date")))
    if r.publisher_iri:
        add(doc, DCT["publisher"], ox.NamedNode(r.publisher_iri))
    elif facts.publisher:
        add(doc, DCT["publisher"], _zh(facts.publisher))
    if r.city_iri:
        add(doc, KG["city"], ox.NamedNode(r.city_iri))

    for e in r.entities:
        node = ox.NamedNode(e.iri)
        add(node, RDF_TYPE, KG[e.type])
        add(node, RDFS_LABEL, _zh(e.label))
        for alt in e.alt_labels:
            add(node, SKOS_ALT, _zh(alt))
        if e.code:
            add(node, KG["divisionCode"], ox.Literal(e.code))
        add(doc, KG["mentions"], node)

    for m in r.mentions:
        node = ox.NamedNode(ns.mention_iri(r.doc_iri, m.start, m.end, m.entity))
        raw_s, raw_e = facts.normalized.to_raw(m.start, m.end)
        add(node, RDF_TYPE, KG["Mention"])
        add(node, KG["inDocument"], doc)
        add(node, KG["refersTo"], ox.NamedNode(m.entity))
        add(node, KG["surface"], ox.Literal(m.surface))
        add(node, KG["sentence"], ox.Literal(sentence(m.start)))
        add(node, KG["start"], _int(m.start))
        add(node, KG["end"], _int(m.end))
        add(node, KG["rawStart"], _int(raw_s))
        add(node, KG["rawEnd"], _int(raw_e))
        add(node, KG["rule"], ox.Literal(m.rule))

    indicators = {}
    for o in r.observations:
        node = ox.NamedNode(o.iri)
        add(node, RDF_TYPE, KG["Observation"])
        add(node, KG["inDocument"], doc)
        add(node, KG["indicator"], ox.NamedNode(o.indicator_iri))
        indicators[o.indicator_iri] = o.indicator
        add(node, KG["value"], _decimal(o.value))
        add(node, KG["unit"], ox.Literal(o.unit))
        if o.period:
            add(node, KG["period"], _period(o.period))
        if o.area:
            add(node, KG["refArea"], ox.NamedNode(o.area))
        if o.program:
            add(node, KG["about"], ox.NamedNode(o.program))
        if o.qualifier:
            add(node, KG["qualifier"], ox.Literal(o.qualifier))
        add(node, KG["evidence"], ox.Literal(sentence(o.start)))
        add(node, KG["start"], _int(o.start))
        add(node, KG["end"], _int(o.end))
        add(node, KG["rule"], ox.Literal(o.rule))
    for iri, label in indicators.items():
        add(ox.NamedNode(iri), RDF_TYPE, KG["Indicator"])
        add(ox.NamedNode(iri), RDFS_LABEL, _zh(label))

    for rel in r.relations:
        s, o = ox.NamedNode(rel.subject), ox.NamedNode(rel.object)
        pred = KG[rel.predicate]
        add(s, pred, o)
        a = ox.NamedNode(ns.assertion_iri(r.doc_iri, rel.subject, rel.predicate, rel.object, rel.start))
        add(a, RDF_TYPE, KG["Assertion"])
        add(a, KG["inDocument"], doc)
        add(a, RDF_SUBJECT, s)
        add(a, RDF_PREDICATE, pred)
        add(a, RDF_OBJECT, o)
        add(a, KG["rule"], ox.Literal(rel.rule))
        if rel.start is not None:
            add(a, KG["evidence"], ox.Literal(sentence(rel.start)))
            add(a, KG["start"], _int(rel.start))
            add(a, KG["end"], _int(rel.end))
        if rel.predicate == "memberOf":
            ms = ox.NamedNode(ns.membership_iri(rel.subject, rel.object, rel.role))
            add(ms, RDF_TYPE, ORG["Membership"])
            add(ms, ORG["member"], s)
            add(ms, ORG["organization"], o)
            if rel.role:
                role = ox.NamedNode(ns.role_iri(rel.role))
                add(ms, ORG["role"], role)
                add(role, RDF_TYPE, ORG["Role"])
                add(role, RDFS_LABEL, _zh(rel.role))
    return out


def to_nquads(r: ResolvedFacts) -> bytes:
    return ox.serialize(to_quads(r), format=ox.RdfFormat.N_QUADS)


def to_rdflib(quads):
    """An rdflib Dataset holding the given quads (for notebooks and small graphs)."""
    import rdflib

    ds = rdflib.Dataset()
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    ds.parse(data=data.decode("utf-8"), format="nquads")
    return ds
