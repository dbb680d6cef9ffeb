"""A document's resolved facts as RDF: one named graph whose IRI is the document's.

The graph is written straight to N-Quads lines (kg.rdf.nquads), byte for byte
what pyoxigraph would serialize; `to_quads` gives pyoxigraph terms and
`to_rdflib` an rdflib Dataset where those APIs are more convenient.
"""
from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox

from kg import namespaces as ns
from kg.rdf import nquads as nq
from kg.types import ResolvedFacts

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_SUBJECT = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")
RDF_PREDICATE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate")
RDF_OBJECT = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#object")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
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


# The same terms as N-Quads bytes, for writing a document's graph directly.
_TYPE, _LABEL, _ALT = nq.named(RDF_TYPE.value), nq.named(RDFS_LABEL.value), nq.named(SKOS_ALT.value)
_SUBJECT, _PREDICATE, _OBJECT = nq.named(RDF_SUBJECT.value), nq.named(RDF_PREDICATE.value), nq.named(RDF_OBJECT.value)
_KG = {name: nq.named(node.value) for name, node in KG.items()}
_DCT = {name: nq.named(node.value) for name, node in DCT.items()}
_ORG = {name: nq.named(node.value) for name, node in ORG.items()}
_int = nq.integer


def _decimal(d: Decimal) -> bytes:
    # the form Oxigraph writes back (no trailing zeros, no ".0"), so that the
    # export cache need not send it through a store (kg.store.cache)
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return nq.typed(text, "decimal")


def _period(p: str) -> bytes:
    kind = {4: "gYear", 7: "gYearMonth", 10: "date"}.get(len(p), "string")
    return nq.typed(p, kind) if kind != "string" else nq.literal(p)  # xsd:string is written plain


def _graph(r: ResolvedFacts) -> nq.Graph:
    graph = nq.Graph(r.doc_iri)
    iri, add, lit, zh = graph.iri, graph.add, graph.literal, nq.zh
    doc = iri(r.doc_iri)
    facts = r.facts
    text = facts.normalized.text
    sentences: dict = {}  # span -> literal: a sentence is the evidence of many facts

    def evidence(start: int | None) -> bytes:
        span = None if start is None else facts.sentence_of(start)
        term = sentences.get(span)
        if term is None:
            term = sentences[span] = lit(sentence(span))
        return term

    def sentence(span: tuple[int, int] | None) -> str:
        """The sentence text, with garbled runs masked: mojibake never becomes a
        literal."""
        if span is None:
            return ""
        s, e = span
        out, pos = [], s
        for gs, ge in facts.normalized.garbled:
            if gs < e and s < ge:
                out.append(text[pos:max(gs, s)])
                out.append(GARBLED_MARK)
                pos = min(ge, e)
        out.append(text[pos:e])
        return "".join(out).replace("\ufffd", "").strip()

    add(doc, _TYPE, _KG["Document"])
    add(doc, _DCT["title"], zh(facts.title or facts.source.source))
    add(doc, _DCT["source"], lit(facts.source.source))
    add(doc, _DCT["identifier"], lit(facts.source.sha256))
    if facts.issued and len(facts.issued) == 10:
        add(doc, _DCT["issued"], nq.typed(facts.issued, "date"))
    if r.publisher_iri:
        add(doc, _DCT["publisher"], iri(r.publisher_iri))
    elif facts.publisher:
        add(doc, _DCT["publisher"], zh(facts.publisher))
    if r.city_iri:
        add(doc, _KG["city"], iri(r.city_iri))

    for e in r.entities:
        node = iri(e.iri)
        add(node, _TYPE, _KG[e.type])
        add(node, _LABEL, zh(e.label))
        for alt in e.alt_labels:
            add(node, _ALT, zh(alt))
        if e.code:
            add(node, _KG["divisionCode"], lit(e.code))
        add(doc, _KG["mentions"], node)

    for m in r.mentions:
        node = iri(ns.mention_iri(r.doc_iri, m.start, m.end, m.entity))
        raw_s, raw_e = facts.normalized.to_raw(m.start, m.end)
        add(node, _TYPE, _KG["Mention"])
        add(node, _KG["inDocument"], doc)
        add(node, _KG["refersTo"], iri(m.entity))
        add(node, _KG["surface"], lit(m.surface))
        add(node, _KG["sentence"], evidence(m.start))
        add(node, _KG["start"], _int(m.start))
        add(node, _KG["end"], _int(m.end))
        add(node, _KG["rawStart"], _int(raw_s))
        add(node, _KG["rawEnd"], _int(raw_e))
        add(node, _KG["rule"], lit(m.rule))

    indicators = {}
    for o in r.observations:
        node = iri(o.iri)
        add(node, _TYPE, _KG["Observation"])
        add(node, _KG["inDocument"], doc)
        add(node, _KG["indicator"], iri(o.indicator_iri))
        indicators[o.indicator_iri] = o.indicator
        add(node, _KG["value"], _decimal(o.value))
        add(node, _KG["unit"], lit(o.unit))
        if o.period:
            add(node, _KG["period"], _period(o.period))
        if o.area:
            add(node, _KG["refArea"], iri(o.area))
        if o.program:
            add(node, _KG["about"], iri(o.program))
        if o.qualifier:
            add(node, _KG["qualifier"], lit(o.qualifier))
        add(node, _KG["evidence"], evidence(o.start))
        add(node, _KG["start"], _int(o.start))
        add(node, _KG["end"], _int(o.end))
        add(node, _KG["rule"], lit(o.rule))
    for ind, label in indicators.items():
        add(iri(ind), _TYPE, _KG["Indicator"])
        add(iri(ind), _LABEL, zh(label))

    for rel in r.relations:
        s, o = iri(rel.subject), iri(rel.object)
        pred = _KG[rel.predicate]
        add(s, pred, o)
        a = iri(ns.assertion_iri(r.doc_iri, rel.subject, rel.predicate, rel.object, rel.start))
        add(a, _TYPE, _KG["Assertion"])
        add(a, _KG["inDocument"], doc)
        add(a, _SUBJECT, s)
        add(a, _PREDICATE, pred)
        add(a, _OBJECT, o)
        add(a, _KG["rule"], lit(rel.rule))
        if rel.start is not None:
            add(a, _KG["evidence"], evidence(rel.start))
            add(a, _KG["start"], _int(rel.start))
            add(a, _KG["end"], _int(rel.end))
        if rel.predicate == "memberOf":
            ms = iri(ns.membership_iri(rel.subject, rel.object, rel.role))
            add(ms, _TYPE, _ORG["Membership"])
            add(ms, _ORG["member"], s)
            add(ms, _ORG["organization"], o)
            if rel.role:
                role = iri(ns.role_iri(rel.role))
                add(ms, _ORG["role"], role)
                add(role, _TYPE, _ORG["Role"])
                add(role, _LABEL, zh(rel.role))
    return graph


def to_nquads(r: ResolvedFacts) -> bytes:
    """The document's named graph as canonical N-Quads (what pyoxigraph writes)."""
    return _graph(r).to_bytes()


def to_quads(r: ResolvedFacts) -> list[ox.Quad]:
    return list(ox.parse(to_nquads(r), format=ox.RdfFormat.N_QUADS))


def to_rdflib(quads):
    """An rdflib Dataset holding the given quads (for notebooks and small graphs)."""
    import rdflib

    ds = rdflib.Dataset()
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    ds.parse(data=data.decode("utf-8"), format="nquads")
    return ds
