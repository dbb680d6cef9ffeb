"""Canned queries (queries/*.rq) against the hand-written fixture graph
tests/fixtures/explore.trig: three invented documents in 新乡市, 濮阳市 and
苏州市, and the gazetteer graph."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.errors import QueryError
from kg.query import bindings_for, get_query, list_queries, run_on_store

ID = "https://w3id.org/minsheng-kg/id/"


@pytest.fixture(scope="module")
def store_dir(explore_store_dir) -> Path:
    return explore_store_dir


@pytest.fixture(scope="module")
def store(store_dir) -> ox.Store:
    return ox.Store.read_only(str(store_dir / "store"))


def run(store, name, /, **params):
    return run_on_store(store, name, {k: str(v) for k, v in params.items()})


def rows(result, *cols) -> list[tuple]:
    return [tuple(d[c] for c in cols) for d in result.as_dicts()]


# ---------------------------------------------------------------- the files

def test_there_are_at_least_ten_canned_queries_with_headers():
    qs = list_queries()
    assert len(qs) >= 10
    assert {"programs-in-several-cities", "observations-by-program"} <= {q.name for q in qs}
    for q in qs:
        assert q.title and q.answers, q.name
        assert q.example.startswith(f"kg query {q.name}"), q.name
        assert all(f"{name}=" in q.example for name in re.findall(r"--param (\w+)=", q.example))
        assert set(re.findall(r"--param (\w+)=", q.example)) <= {p.name for p in q.params}, q.name


def test_every_parameter_is_projected_and_never_tested_with_bound():
    # Oxigraph substitutes only variables of the outer projection, and BOUND()
    # of a substituted variable is false: both would silently break a query.
    for q in list_queries():
        body = "\n".join(line for line in q.sparql.splitlines() if not line.lstrip().startswith("#"))
        projection = body[body.index("SELECT"): body.index("WHERE")]
        for p in q.params:
            assert re.search(rf"\?{p.name}\b", projection), f"{q.name}: ?{p.name} is not projected"
            assert not re.search(rf"BOUND\s*\(\s*\?{p.name}\b", body), f"{q.name}: BOUND(?{p.name})"


def test_every_query_runs_with_its_defaults(store):
    for q in list_queries():
        result = run_on_store(store, q.name)
        assert result.variables, q.name


def test_substituted_parameter_works_in_having_when_grouped_and_projected(store):
    from kg.api import run_sparql

    sparql = """SELECT ?p ?min (COUNT(DISTINCT ?city) AS ?n) WHERE {
                  ?p kg:operatesIn/kg:partOf* ?city . ?city kg:level "city" }
                GROUP BY ?p ?min HAVING (COUNT(DISTINCT ?city) >= ?min)"""
    three = ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    result = run_sparql(store, sparql, {"min": three})
    assert [r[0] for r in result.rows] == [ID + "program/12355青少年服务台"]


def test_parameter_values_are_bound_not_pasted_into_the_query(store):
    result = run(store, "city-entities", city='新乡市" } } ; DROP ALL ; SELECT * { ?s ?p ?o')
    assert result.rows == []


def test_unknown_parameter_is_reported(store):
    with pytest.raises(QueryError, match="no parameter"):
        run(store, "city-entities", town="红旗区")
    with pytest.raises(QueryError, match="not a number"):
        bindings_for(get_query("programs-in-several-cities"), {"min_cities": "two"})


# ---------------------------------------------------------------- answers

def test_programs_in_several_cities(store):
    result = run(store, "programs-in-several-cities")
    got = {(label, int(n), frozenset(names.split("、"))) for label, n, names in rows(result, "label", "cities", "cityNames")}
    assert got == {("12355青少年服务台", 3, frozenset({"新乡市", "濮阳市", "苏州市"})),
                   ("青翼家园", 2, frozenset({"新乡市", "濮阳市"}))}
    assert rows(run(store, "programs-in-several-cities", min_cities=3), "label") == [("12355青少年服务台",)]
    assert len(run(store, "programs-in-several-cities", min_cities=1).rows) == 3


def test_program_organizations_by_city(store):
    result = run(store, "program-organizations-by-city")
    assert set(rows(result, "programLabel", "cityLabel", "organizations")) == {
        ("12355青少年服务台", "新乡市", "共青团新乡市委员会"),
        ("12355青少年服务台", "濮阳市", "共青团濮阳市委员会"),
        ("12355青少年服务台", "苏州市", "共青团苏州市委员会"),
        ("青翼家园", "新乡市", "共青团新乡市委员会"),
        ("青翼家园", "濮阳市", "共青团濮阳市委员会"),
    }
    assert len(run(store, "program-organizations-by-city", min_cities=3).rows) == 3


def test_cross_city_partners(store):
    pair = {("共青团新乡市委员会", "新乡市", "共青团濮阳市委员会", "濮阳市", "濮阳市启动“青翼家园”项目")}
    cols = ("orgLabel", "orgCity", "partnerLabel", "partnerCity", "documents")
    assert set(rows(run(store, "cross-city-partners"), *cols)) == pair  # same-city partners left out
    assert set(rows(run(store, "cross-city-partners", city="濮阳市"), *cols)) == pair
    assert run(store, "cross-city-partners", city="苏州市").rows == []


def test_fact_provenance(store):
    result = run(store, "fact-provenance")
    assert set(rows(result, "subjectLabel", "relation", "objectLabel", "source", "rule")) == {
        ("共青团新乡市委员会", "runs", "青翼家园", "xinxiang/qingyi-2024.txt", "rel.runs.verb"),
        ("共青团新乡市委员会", "partnerOf", "新乡市教育局", "xinxiang/qingyi-2024.txt", "rel.partner.jointly"),
        ("共青团濮阳市委员会", "partnerOf", "共青团新乡市委员会", "puyang/qingyi-news.txt", "rel.partner.agreement"),
    }
    narrowed = run(store, "fact-provenance", entity="团市委", related="青翼家园")  # an alias works
    assert rows(narrowed, "relation", "evidence", "start", "end", "docTitle") == [
        ("runs", "团市委联合市教育局打造“青翼家园”青少年心理健康服务平台。", "0", "28",
         "新乡市“青翼家园”青少年心理健康服务工作总结")]


def test_persons_by_organization(store):
    assert set(rows(run(store, "persons-by-organization"), "organizationLabel", "personLabel", "role", "cityLabel")) == {
        ("共青团新乡市委员会", "高敏", "副书记", "新乡市"),
        ("共青团濮阳市委员会", "李娜", "书记", "濮阳市"),
        ("苏州市民政局", "王强", "局长", "苏州市"),
    }
    assert rows(run(store, "persons-by-organization", organization="市民政局"), "personLabel", "role") == [("王强", "局长")]


def test_locations_with_parents(store):
    result = run(store, "locations-with-parents")
    assert len(result.rows) == 9
    assert rows(run(store, "locations-with-parents", place="西街街道"),
                "level", "code", "countyLabel", "cityLabel", "provinceLabel") == [
        ("town", "410702001", "红旗区", "新乡市", "河南省")]
    assert rows(run(store, "locations-with-parents", place="苏州市"), "cityLabel", "provinceLabel") == [(None, "江苏省")]
    other = run(store, "locations-with-parents", gazetteer="https://example.org/no-such-graph")
    assert other.rows == []


def test_policies_and_issuers(store):
    cols = ("policyLabel", "issuerLabel", "issuerCity", "docTitle")
    assert set(rows(run(store, "policies-and-issuers"), *cols)) == {
        ("新乡市青少年心理健康促进行动方案", "新乡市教育局", "新乡市", "新乡市“青翼家园”青少年心理健康服务工作总结"),
        ("苏州市居家养老服务实施办法", "苏州市民政局", "苏州市", "苏州市居家养老服务工作报告"),
    }
    assert rows(run(store, "policies-and-issuers", city="苏州市"), "policyLabel") == [("苏州市居家养老服务实施办法",)]


def test_completion_rates_below_target(store):
    cols = ("indicatorLabel", "value", "areaLabel", "programLabel")
    assert rows(run(store, "completion-rates-below-target"), *cols) == [
        ("助餐点建设完成率", "85", "苏州市", "长者助餐"),
        ("心理健康服务完成率", "96.5", "新乡市", "青翼家园"),
    ]  # 项目完成率 100 % is not below 100
    assert rows(run(store, "completion-rates-below-target", threshold=90), "indicatorLabel") == [("助餐点建设完成率",)]


def test_document_statements(store):
    result = run(store, "document-statements", source="puyang/qingyi-news.txt")
    got = set(rows(result, "subjectLabel", "relation", "objectLabel"))
    assert ("共青团濮阳市委员会", "partnerOf", "共青团新乡市委员会") in got
    assert ("青翼家园", "operatesIn", "华龙区") in got
    assert ("学生个案咨询", "value", "5200人次") in got
    assert ("长者助餐", "operatesIn", "姑苏区") not in got  # another document's statement
    evidence = {r["relation"]: r["evidence"] for r in result.as_dicts() if r["subjectLabel"] == "共青团濮阳市委员会"
                and r["evidence"]}
    assert evidence["runs"] == "濮阳团市委与新乡团市委签署合作协议，在华龙区试点“青翼家园”。"


def test_city_entities(store):
    got = {(t, label) for t, label in rows(run(store, "city-entities", city="新乡市"), "type", "label")}
    assert got == {
        ("Location", "新乡市"), ("Location", "红旗区"), ("Location", "西街街道"),
        ("Organization", "共青团新乡市委员会"), ("Organization", "新乡市教育局"),
        ("Program", "青翼家园"), ("Program", "12355青少年服务台"),
        ("Person", "高敏"), ("PolicyDocument", "新乡市青少年心理健康促进行动方案"),
    }


def test_indicator_across_cities(store):
    cols = ("indicator", "cityLabel", "period", "value", "programLabel")
    assert rows(run(store, "indicator-across-cities"), *cols) == [
        ("学生个案咨询", "新乡市", "2023", "19478", "青翼家园"),
        ("学生个案咨询", "濮阳市", "2023", "5200", "青翼家园"),
        ("学生个案咨询", "苏州市", "2024", "3100", "12355青少年服务台"),
    ]
    single = run(store, "indicator-across-cities", indicator="助餐服务", min_cities=1)
    assert rows(single, "cityLabel", "value") == [("苏州市", "120000")]


def test_observations_by_program(store):
    cols = ("areaLabel", "indicatorLabel", "value", "unit")
    assert rows(run(store, "observations-by-program"), *cols) == [
        ("新乡市", "学生个案咨询", "19478", "人次"),
        ("新乡市", "心理健康服务完成率", "96.5", "%"),
        ("濮阳市", "学生个案咨询", "5200", "人次"),
        ("濮阳市", "项目完成率", "100", "%"),
    ]


def test_entity_mentions(store):
    result = run(store, "entity-mentions", name="团市委")
    assert set(rows(result, "surface", "source")) == {("团市委", "xinxiang/qingyi-2024.txt"),
                                                      ("新乡团市委", "puyang/qingyi-news.txt")}


def test_documents_by_city(store):
    assert rows(run(store, "documents-by-city"), "cityLabel", "source", "entities") == [
        ("新乡市", "xinxiang/qingyi-2024.txt", "9"),
        ("濮阳市", "puyang/qingyi-news.txt", "8"),
        ("苏州市", "suzhou/elderly-care.html", "9"),
    ]
    assert rows(run(store, "documents-by-city", city="濮阳市"), "title") == [("濮阳市启动“青翼家园”项目",)]


# ------------------------------------- rewritten for Oxigraph's planner

def test_fact_provenance_finds_an_entity_that_is_only_an_object(store):
    got = set(rows(run(store, "fact-provenance", entity="新乡市教育局"), "subjectLabel", "relation", "objectLabel"))
    assert got == {("共青团新乡市委员会", "partnerOf", "新乡市教育局"),
                   ("新乡市青少年心理健康促进行动方案", "issuedBy", "新乡市教育局")}


def test_city_entities_says_how_each_entity_is_tied_to_the_city(store):
    got = set(rows(run(store, "city-entities", city="新乡市"), "type", "label", "via", "placeLabel"))
    assert {("Location", "西街街道", "partOf", "西街街道"),
            ("Organization", "新乡市教育局", "locatedIn", "新乡市"),
            ("Person", "高敏", "memberOf", "新乡市"),
            ("PolicyDocument", "新乡市青少年心理健康促进行动方案", "issuedBy", "新乡市"),
            ("Program", "青翼家园", "operatesIn", "西街街道"),
            ("Program", "12355青少年服务台", "operatesIn", "红旗区")} <= got


def test_document_statements_keeps_relations_without_an_assertion(store):
    result = run(store, "document-statements", source="xinxiang/qingyi-2024.txt")
    got = set(rows(result, "subjectLabel", "relation", "objectLabel", "evidence", "start"))
    assert ("共青团新乡市委员会", "locatedIn", "新乡市", None, None) in got
    assert ("共青团新乡市委员会", "runs", "青翼家园", "团市委联合市教育局打造“青翼家园”青少年心理健康服务平台。", "0") in got
    assert ("共青团新乡市委员会", "runs", "12355青少年服务台", None, None) in got
    assert len(result.rows) == len(got) == 15


def test_persons_and_locations_by_alias_or_name(store):
    assert rows(run(store, "persons-by-organization", organization="团市委"), "personLabel", "role", "cityLabel") == [
        ("高敏", "副书记", "新乡市")]
    assert rows(run(store, "locations-with-parents", place="红旗区"), "countyLabel", "cityLabel", "provinceLabel") == [
        (None, "新乡市", "河南省")]


_TWO_DOCS = """
@base <https://w3id.org/minsheng-kg/id/> .
@prefix kg: <https://w3id.org/minsheng-kg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<doc/a> {
  <doc/a> a kg:Document ; dcterms:title "甲乙合作A"@zh ; dcterms:source "a.txt" ; kg:mentions <org/甲>, <org/乙> .
  <org/甲> a kg:Organization ; rdfs:label "甲单位"@zh ; skos:altLabel "甲"@zh ; kg:locatedIn <place/1> ; kg:partnerOf <org/乙> .
  <org/乙> a kg:Organization ; rdfs:label "乙单位"@zh ; kg:locatedIn <place/2> .
  <mention/a1> a kg:Mention ; kg:refersTo <org/甲> ; kg:surface "甲" ; kg:sentence "甲与乙合作。" ; kg:start 0 ; kg:end 1 .
  <assertion/a1> a kg:Assertion ; rdf:subject <org/甲> ; rdf:predicate kg:partnerOf ; rdf:object <org/乙> ;
      kg:evidence "甲与乙合作。" ; kg:start 0 ; kg:end 6 ; kg:rule "r" .
}
<doc/b> {
  <doc/b> a kg:Document ; dcterms:title "甲乙合作B"@zh ; dcterms:source "b.txt" ; kg:mentions <org/甲>, <org/乙> .
  <org/甲> a kg:Organization ; rdfs:label "甲单位"@zh ; skos:altLabel "甲"@zh ; kg:locatedIn <place/1> ; kg:partnerOf <org/乙> .
  <org/乙> a kg:Organization ; rdfs:label "乙单位"@zh ; kg:locatedIn <place/2> .
  <mention/b1> a kg:Mention ; kg:refersTo <org/甲> ; kg:surface "甲单位" ; kg:sentence "甲单位续签协议。" ; kg:start 5 ; kg:end 8 .
  <assertion/b1> a kg:Assertion ; rdf:subject <org/甲> ; rdf:predicate kg:partnerOf ; rdf:object <org/乙> ;
      kg:evidence "甲单位续签协议。" ; kg:start 5 ; kg:end 13 ; kg:rule "r" .
}
<graph/gazetteer> {
  <place/1> a kg:Location ; rdfs:label "一市"@zh ; kg:level "city" .
  <place/2> a kg:Location ; rdfs:label "二市"@zh ; kg:level "city" .
}
"""


@pytest.fixture(scope="module")
def two_docs() -> ox.Store:
    """The same entities stated in two document graphs (the union default graph repeats their triples)."""
    s = ox.Store()
    s.load(_TWO_DOCS.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return s


def test_a_fact_stated_in_two_documents_is_reported_once_per_document(two_docs):
    assert sorted(rows(run(two_docs, "entity-mentions", name="甲"), "surface", "source")) == [
        ("甲", "a.txt"), ("甲单位", "b.txt")]
    assert sorted(rows(run(two_docs, "fact-provenance", entity="乙单位"), "subjectLabel", "relation", "source")) == [
        ("甲单位", "partnerOf", "a.txt"), ("甲单位", "partnerOf", "b.txt")]
    for city in ("", "二市"):
        got = rows(run(two_docs, "cross-city-partners", city=city), "orgLabel", "orgCity", "partnerLabel", "partnerCity",
                   "documents")
        assert [(*r[:4], set(r[4].split(" | "))) for r in got] == [
            ("乙单位", "二市", "甲单位", "一市", {"甲乙合作A", "甲乙合作B"})]  # ordered by IRI
    assert rows(run(two_docs, "city-entities", city="一市"), "type", "label", "via") == [
        ("Location", "一市", "partOf"), ("Organization", "甲单位", "locatedIn")]


# ---------------------------------------------------------------- the commands

def test_kg_queries_lists_names_titles_and_params():
    from kg.cli import main

    out = CliRunner().invoke(main, ["queries", "--format", "json"])
    assert out.exit_code == 0, out.output
    listed = {q["name"]: q for q in json.loads(out.stdout)}
    assert set(listed) == {q.name for q in list_queries()}
    assert listed["city-entities"]["params"] == [{"name": "city", "default": "新乡市", "kind": "literal@zh"}]
    table = CliRunner().invoke(main, ["queries"])
    assert "programs-in-several-cities" in table.stdout and "min_cities=2 (integer)" in table.stdout


def test_kg_query_runs_a_canned_query_with_a_param(store_dir):
    from kg.cli import main

    out = CliRunner().invoke(main, ["query", "city-entities", "--param", "city=苏州市", "--store", str(store_dir),
                                    "--format", "json"])
    assert out.exit_code == 0, out.output
    labels = {r["label"] for r in json.loads(out.stdout)}
    assert {"苏州市民政局", "长者助餐", "王强", "姑苏区"} <= labels and "青翼家园" not in labels
