"""The ontology (ontology/kg.ttl), its SHACL shapes and the generated kg/vocab.py.

* both files parse with rdflib and load into Oxigraph;
* every class and property of the public contract exists, with the contract's
  alignment, domain and range; every kg: term used in docs/graph-model.md or in
  the shapes is defined; every term has English and Chinese labels/comments;
* a small graph written after docs/graph-model.md conforms to the shapes, and
  broken variants of it do not (each with the expected focus node and path);
* kg/vocab.py is exactly what scripts/gen_vocab.py produces from kg.ttl.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the package may not be installed
    sys.path.insert(0, str(ROOT))

from kg.namespaces import KG_NS  # noqa: E402

KG_TTL = ROOT / "ontology" / "kg.ttl"
SHAPES_TTL = ROOT / "ontology" / "shapes.ttl"
GRAPH_MODEL = ROOT / "docs" / "graph-model.md"
VOCAB_PY = ROOT / "kg" / "vocab.py"
GEN_VOCAB = ROOT / "scripts" / "gen_vocab.py"

KG = Namespace(KG_NS)
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SH = Namespace("http://www.w3.org/ns/shacl#")
# rdflib's own TriG parser trips its Dataset deprecations; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

ONTOLOGY_IRI = URIRef("https://w3id.org/minsheng-kg/ontology")
ID = "https://w3id.org/minsheng-kg/id/"

# --- the public contract (ontology-contract.md), kept here verbatim --------

CONTRACT_CLASSES = {
    "Organization": {ORG.Organization, SCHEMA.Organization},
    "Program": {SCHEMA.GovernmentService},
    "Location": {SCHEMA.AdministrativeArea, SCHEMA.Place},
    "Person": {SCHEMA.Person},
    "PolicyDocument": {SCHEMA.Legislation, DCTERMS.BibliographicResource},
    "Indicator": {SKOS.Concept},
    "Observation": {QB.Observation},
    "Document": {PROV.Entity, SCHEMA.CreativeWork},
}

# property: (domain, range); None = no declared range ("any entity").
# A set means a datatype union; the contract's kg:period allows gYear or date
# (the graph model adds gYearMonth).
CONTRACT_PROPERTIES = {
    "runs": ("Organization", "Program"),
    "partnerOf": ("Organization", "Organization"),
    "operatesIn": ("Program", "Location"),
    "locatedIn": ("Organization", "Location"),
    "partOf": ("Location", "Location"),
    "memberOf": ("Person", "Organization"),
    "subOrganizationOf": ("Organization", "Organization"),
    "issuedBy": ("PolicyDocument", "Organization"),
    "indicator": ("Observation", "Indicator"),
    "value": ("Observation", XSD.decimal),
    "unit": ("Observation", XSD.string),
    "period": ("Observation", {XSD.gYear, XSD.date}),
    "refArea": ("Observation", "Location"),
    "about": ("Observation", "Program"),
    "evidence": ("Observation", XSD.string),
    "mentions": ("Document", None),
}

CONTRACT_SUPERPROPERTIES = {
    "memberOf": ORG.memberOf,
    "subOrganizationOf": ORG.subOrganizationOf,
    "mentions": SCHEMA.mentions,
    "inDocument": PROV.wasDerivedFrom,
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(KG_TTL, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


def _defined(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(KG_NS)}


def _members(g: Graph, node) -> set:
    """A named class/datatype, or the members of an owl:unionOf blank node."""
    if isinstance(node, BNode):
        union = g.value(node, OWL.unionOf)
        assert union is not None, "anonymous domain/range must be an owl:unionOf"
        return set(Collection(g, union))
    return {node}


# --- parsing and loading ---------------------------------------------------


@pytest.mark.parametrize("path", [KG_TTL, SHAPES_TTL], ids=lambda p: p.name)
def test_parses_with_rdflib_and_loads_into_oxigraph(path: Path) -> None:
    g = Graph().parse(path, format="turtle")
    assert len(g) > 50
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g)


def test_oxigraph_answers_sparql_over_ontology() -> None:
    store = pyoxigraph.Store()
    store.load(path=str(KG_TTL), format=pyoxigraph.RdfFormat.TURTLE)
    rows = list(store.query(
        "PREFIX owl: <http://www.w3.org/2002/07/owl#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        f"SELECT ?c WHERE {{ ?c a owl:Class ; rdfs:subClassOf <{ORG.Organization}> . "
        f"FILTER(STRSTARTS(STR(?c), \"{KG_NS}\")) }}"
    ))
    assert [r["c"].value for r in rows] == [str(KG.Organization)]


# --- the ontology itself ---------------------------------------------------


def test_ontology_header(onto: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert str(dict(onto.namespaces())["kg"]) == KG_NS


@pytest.mark.parametrize("name", sorted(CONTRACT_CLASSES))
def test_contract_class(onto: Graph, name: str) -> None:
    cls = KG[name]
    assert (cls, RDF.type, OWL.Class) in onto
    assert CONTRACT_CLASSES[name] <= set(onto.objects(cls, RDFS.subClassOf))


def test_indicator_is_not_a_property(onto: Graph) -> None:
    # Aligned with qb:MeasureProperty only by comment/seeAlso, so that
    # indicators stay concepts rather than becoming properties.
    supers = set(onto.transitive_objects(KG.Indicator, RDFS.subClassOf))
    assert QB.MeasureProperty not in supers and RDF.Property not in supers


def test_project_classes(onto: Graph) -> None:
    assert {RDF.Statement, PROV.Entity} <= set(onto.objects(KG.Assertion, RDFS.subClassOf))
    assert PROV.Entity in set(onto.objects(KG.Mention, RDFS.subClassOf))


@pytest.mark.parametrize("name", sorted(CONTRACT_PROPERTIES))
def test_contract_property(onto: Graph, name: str) -> None:
    prop = KG[name]
    domain, rng = CONTRACT_PROPERTIES[name]
    to_entity = rng is None or not isinstance(rng, (URIRef, set))  # a kg: class name
    kind = OWL.ObjectProperty if to_entity else OWL.DatatypeProperty
    assert (prop, RDF.type, kind) in onto

    domains = list(onto.objects(prop, RDFS.domain))
    assert len(domains) == 1
    assert KG[domain] in _members(onto, domains[0])

    ranges = list(onto.objects(prop, RDFS.range))
    if rng is None:
        assert ranges == []
        return
    assert len(ranges) == 1
    declared = _members(onto, ranges[0])
    if isinstance(rng, set):
        assert rng <= declared
    elif isinstance(rng, URIRef):
        assert declared == {rng}
    else:
        assert declared == {KG[rng]}


def test_partner_of_is_symmetric_and_part_of_is_plain(onto: Graph) -> None:
    assert (KG.partnerOf, RDF.type, OWL.SymmetricProperty) in onto
    assert (KG.partOf, RDF.type, OWL.TransitiveProperty) not in onto


@pytest.mark.parametrize("name", sorted(CONTRACT_SUPERPROPERTIES))
def test_property_alignment(onto: Graph, name: str) -> None:
    assert CONTRACT_SUPERPROPERTIES[name] in set(onto.objects(KG[name], RDFS.subPropertyOf))


def test_period_range_is_gyear_gyearmonth_or_date(onto: Graph) -> None:
    (rng,) = onto.objects(KG.period, RDFS.range)
    assert _members(onto, rng) == {XSD.gYear, XSD.gYearMonth, XSD.date}


def test_every_term_has_english_and_chinese_label_and_comment(onto: Graph) -> None:
    terms = _defined(onto) | {ONTOLOGY_IRI}
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(term, prop) if isinstance(o, Literal)}
            assert {"en", "zh"} <= langs, f"{term} lacks an en/zh {prop}"


def test_every_kg_iri_in_the_ontology_is_defined(onto: Graph) -> None:
    used = {t for triple in onto for t in triple if isinstance(t, URIRef) and str(t).startswith(KG_NS)}
    assert used - _defined(onto) == set()


def test_graph_model_terms_are_defined(onto: Graph) -> None:
    text = GRAPH_MODEL.read_text(encoding="utf-8")
    named = {KG[m] for m in re.findall(r"\bkg:([A-Za-z_][A-Za-z0-9_]*)", text)}
    assert len(named) > 30
    assert named - _defined(onto) == set()


def test_shapes_use_only_defined_kg_terms(onto: Graph, shapes: Graph) -> None:
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(KG_NS)}
    assert used - _defined(onto) == set()


# --- the generated vocabulary ----------------------------------------------


def _gen_vocab():
    spec = importlib.util.spec_from_file_location("gen_vocab", GEN_VOCAB)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vocab_is_generated_from_ontology() -> None:
    expected = _gen_vocab().render(KG_TTL)
    assert VOCAB_PY.read_text(encoding="utf-8") == expected, "run: python scripts/gen_vocab.py"


def test_vocab_lists_exactly_the_ontology_terms(onto: Graph) -> None:
    from kg.vocab import KG as VOCAB

    assert str(VOCAB) == KG_NS
    listed = {VOCAB[name] for name in VOCAB.__annotations__}
    assert listed == _defined(onto)
    assert VOCAB.runs == KG.runs and VOCAB.Observation == KG.Observation
    with pytest.raises(AttributeError):
        VOCAB.runBy  # noqa: B018 - not a term


# --- SHACL -----------------------------------------------------------------

SHA_A = "a" * 64
SHA_B = "0123456789abcdef" * 4

# Two documents written after docs/graph-model.md (invented names and codes).
# Each document's statements live in the named graph of its IRI; shared
# entities are repeated, with the same label, in every graph that uses them.
GOOD_TRIG = f"""
@base <{ID}> .
@prefix kg: <{KG_NS}> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .

<doc/a.txt> {{
  <doc/a.txt> a kg:Document ;
      dcterms:title "晨光市青年服务中心2023年工作总结"@zh ; dcterms:source "a.txt" ;
      dcterms:identifier "{SHA_A}" ; dcterms:issued "2024-01-15"^^xsd:date ;
      dcterms:publisher <org/晨光市青年服务中心> ; kg:city <place/990100> ;
      kg:mentions <org/晨光市青年服务中心>, <program/暖阳驿站>, <place/990100>,
          <person/晨光市/林晓>, <policy/晨光市青年发展规划>, <org/晨光市图书馆> .

  <org/晨光市青年服务中心> a kg:Organization ;
      rdfs:label "晨光市青年服务中心"@zh ; skos:altLabel "青服中心"@zh, "晨光市青年服務中心"@zh-Hant ;
      kg:locatedIn <place/990100> ; kg:runs <program/暖阳驿站> ;
      kg:partnerOf <org/晨光市图书馆> ; kg:subOrganizationOf <org/晨光市人民政府> .
  <org/晨光市图书馆> a kg:Organization ; rdfs:label "晨光市图书馆"@zh .
  <org/晨光市人民政府> a kg:Organization ; rdfs:label "晨光市人民政府"@zh .
  <program/暖阳驿站> a kg:Program ; rdfs:label "暖阳驿站"@zh ; kg:operatesIn <place/990100> .
  <place/990100> a kg:Location ; rdfs:label "晨光市"@zh ;
      kg:divisionCode "990100" ; kg:level "city" ; kg:partOf <place/990000> .
  <place/990000> a kg:Location ; rdfs:label "云岭省"@zh ; kg:divisionCode "990000" ; kg:level "province" .

  <mention/m1> a kg:Mention ; kg:inDocument <doc/a.txt> ;
      kg:refersTo <org/晨光市青年服务中心> ; kg:surface "青服中心" ;
      kg:sentence "青服中心联合市图书馆建设暖阳驿站。" ;
      kg:start 120 ; kg:end 124 ; kg:rawStart 131 ; kg:rawEnd 135 ; kg:rule "org.abbreviation" .

  <assertion/r1> a kg:Assertion ; kg:inDocument <doc/a.txt> ;
      rdf:subject <org/晨光市青年服务中心> ; rdf:predicate kg:runs ; rdf:object <program/暖阳驿站> ;
      kg:evidence "青服中心联合市图书馆建设暖阳驿站。" ; kg:start 120 ; kg:end 137 ; kg:rule "rel.runs.verb" .

  <obs/o1> a kg:Observation ; kg:inDocument <doc/a.txt> ;
      kg:indicator <indicator/心理咨询> ; kg:value 19478.0 ; kg:unit "人次" ;
      kg:period "2023"^^xsd:gYear ; kg:refArea <place/990100> ; kg:about <program/暖阳驿站> ;
      kg:qualifier "余" ; kg:evidence "全年开展心理咨询19478余人次。" ;
      kg:start 200 ; kg:end 209 ; kg:rule "obs.number-unit" .
  <indicator/心理咨询> a kg:Indicator ; rdfs:label "心理咨询"@zh .

  <person/晨光市/林晓> a kg:Person ; rdfs:label "林晓"@zh ; kg:memberOf <org/晨光市青年服务中心> .
  <membership/p1> a org:Membership ; org:member <person/晨光市/林晓> ;
      org:organization <org/晨光市青年服务中心> ; org:role <role/主任> .
  <role/主任> a org:Role ; rdfs:label "主任"@zh .

  <policy/晨光市青年发展规划> a kg:PolicyDocument ; rdfs:label "晨光市青年发展规划"@zh ;
      kg:issuedBy <org/晨光市人民政府> .
}}

<doc/b.html> {{
  <doc/b.html> a kg:Document ;
      dcterms:title "b.html" ; dcterms:source "b.html" ; dcterms:identifier "{SHA_B}" ;
      kg:mentions <org/晨光市青年服务中心> .
  <org/晨光市青年服务中心> a kg:Organization ; rdfs:label "晨光市青年服务中心"@zh .
  <place/990100> a kg:Location ; rdfs:label "晨光市"@zh .
  <indicator/完成率> a kg:Indicator ; rdfs:label "完成率"@zh .
  <mention/m2> a kg:Mention ; kg:inDocument <doc/b.html> ;
      kg:refersTo <org/晨光市青年服务中心> ; kg:sentence "晨光市青年服务中心发布季度数据。" ;
      kg:start 0 ; kg:end 9 .
  <obs/o2> a kg:Observation ; kg:inDocument <doc/b.html> ;
      kg:indicator <indicator/完成率> ; kg:value 98.5 ; kg:unit "%" ;
      kg:period "2024-03"^^xsd:gYearMonth ; kg:refArea <place/990100> ;
      kg:evidence "三月完成率达98.5%。" ; kg:start 30 ; kg:end 35 .
  <obs/o3> a kg:Observation ; kg:inDocument <doc/b.html> ;
      kg:indicator <indicator/完成率> ; kg:value 97.0 ; kg:unit "%" ;
      kg:period "2024-03-31"^^xsd:date ; kg:evidence "截至3月31日完成率97%。" .
}}
"""


def _merged() -> Graph:
    ds = Dataset()
    ds.parse(data=GOOD_TRIG, format="trig")
    merged = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def _validate(data: Graph) -> tuple[bool, Graph]:
    conforms, results, _ = validate(data, shacl_graph=str(SHAPES_TTL), shacl_graph_format="turtle")
    return conforms, results


def _violations(results: Graph) -> set[tuple]:
    return {
        (results.value(r, SH.focusNode), results.value(r, SH.resultPath))
        for r in results.subjects(RDF.type, SH.ValidationResult)
    }


def test_good_trig_loads_into_oxigraph_with_named_graphs() -> None:
    store = pyoxigraph.Store()
    store.load(input=GOOD_TRIG, format=pyoxigraph.RdfFormat.TRIG)
    rows = store.query(
        f"SELECT ?doc WHERE {{ GRAPH ?doc {{ ?obs <{KG.unit}> \"%\" }} }}"
    )
    assert {r["doc"].value for r in rows} == {ID + "doc/b.html"}


def test_conforming_graph_passes() -> None:
    conforms, results = _validate(_merged())
    assert conforms, results.serialize(format="turtle")


ORG_IRI = URIRef(ID + "org/晨光市青年服务中心")
OBS_IRI = URIRef(ID + "obs/o1")


def _two_labels(g: Graph):
    g.add((ORG_IRI, RDFS.label, Literal("晨光青年服务中心", lang="zh")))
    return ORG_IRI, RDFS.label


def _no_value(g: Graph):
    g.remove((OBS_IRI, KG.value, None))
    return OBS_IRI, KG.value


def _string_value(g: Graph):
    g.set((OBS_IRI, KG.value, Literal("19478", datatype=XSD.string)))
    return OBS_IRI, KG.value


def _integer_value(g: Graph):
    # Turtle `97` is xsd:integer; sh:datatype wants exactly xsd:decimal.
    g.set((OBS_IRI, KG.value, Literal(19478)))
    return OBS_IRI, KG.value


def _untagged_label(g: Graph):
    node = URIRef(ID + "indicator/心理咨询")
    g.set((node, RDFS.label, Literal("心理咨询")))
    return node, RDFS.label


def _runs_a_place(g: Graph):
    g.add((ORG_IRI, KG.runs, URIRef(ID + "place/990100")))
    return ORG_IRI, KG.runs


def _bad_period(g: Graph):
    g.set((OBS_IRI, KG.period, Literal("2023")))
    return OBS_IRI, KG.period


def _bad_sha(g: Graph):
    doc = URIRef(ID + "doc/a.txt")
    g.set((doc, DCTERMS.identifier, Literal("not-a-hash")))
    return doc, DCTERMS.identifier


def _mention_without_end(g: Graph):
    node = URIRef(ID + "mention/m1")
    g.remove((node, KG.end, None))
    return node, KG.end


def _unasserted_relation(g: Graph):
    g.remove((ORG_IRI, KG.runs, URIRef(ID + "program/暖阳驿站")))
    return URIRef(ID + "assertion/r1"), None


BROKEN = {
    "two-labels": _two_labels,
    "observation-without-value": _no_value,
    "value-typed-string": _string_value,
    "value-typed-integer": _integer_value,
    "label-without-language": _untagged_label,
    "runs-a-location": _runs_a_place,
    "period-plain-string": _bad_period,
    "identifier-not-sha256": _bad_sha,
    "mention-without-end": _mention_without_end,
    "reified-but-not-asserted": _unasserted_relation,
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_graph_fails(name: str) -> None:
    g = _merged()
    expected = BROKEN[name](g)
    conforms, results = _validate(g)
    assert not conforms
    assert expected in _violations(results), _violations(results)
