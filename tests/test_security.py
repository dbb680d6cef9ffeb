"""Security: query parameters are RDF terms, queries cannot write, hostile file
names cannot reach the SPARQL text, and a build never touches the network."""
from __future__ import annotations

import shutil
import socket

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main as cli
from kg.errors import QueryError
from kg.query import list_queries, run_canned
from kg.store import open_store

INJECTION = '"} ; DROP ALL ; #'
INJECTIONS = (
    INJECTION,
    '新乡市"@zh } } ; DROP ALL ; #',
    "'} ; CLEAR ALL ; INSERT DATA { <urn:x> <urn:y> <urn:z> } #",
    '> } ; DROP ALL ; SELECT * WHERE { <x',
    "\\\" ) } UNION { ?s ?p ?o } #",
)


def _snapshot(out):
    store = open_store(out, read_only=True)
    return sorted(str(q) for q in store.quads_for_pattern(None, None, None, None))


@pytest.fixture(scope="module")
def store_copy(sample_build, tmp_path_factory):
    """A private copy of the sample build (the tests try to damage it)."""
    out, _ = sample_build
    copy = tmp_path_factory.mktemp("security") / "out"
    shutil.copytree(out, copy)
    return copy, _snapshot(copy)


CANNED_PARAMS = [(q.name, p.name, p.kind) for q in list_queries() for p in q.params]


@pytest.mark.parametrize("payload", INJECTIONS, ids=[f"payload{i}" for i in range(len(INJECTIONS))])
@pytest.mark.parametrize("query, param, kind", CANNED_PARAMS, ids=[f"{q}.{p}" for q, p, _ in CANNED_PARAMS])
def test_security_parameter_is_a_term_not_query_text(store_copy, query, param, kind, payload):
    out, before = store_copy
    try:
        result = run_canned(query, out, {param: payload})
    except QueryError as e:  # a number or an IRI parameter refuses the value outright
        assert kind in ("integer", "decimal", "iri"), e
        assert "not a number" in str(e) or "not an IRI" in str(e) or "failed in the store" in str(e)
    else:
        # bound as a literal: it matches nothing, or it comes back as itself
        for row in result.as_dicts():
            if param in row and row[param] is not None:
                assert row[param] == payload
        assert not any(r == ["urn:x", "urn:y", "urn:z"] for r in result.rows)
    assert _snapshot(out) == before


def test_security_injection_through_the_cli_leaves_the_store_unchanged(store_copy):
    out, before = store_copy
    runner = CliRunner()
    result = runner.invoke(cli, ["query", "entity-mentions", "--param", f"name={INJECTION}", "--store", str(out),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "[]"
    for update in ("DROP ALL", "CLEAR DEFAULT", "INSERT DATA { <urn:x> <urn:y> <urn:z> }",
                   "DELETE WHERE { ?s ?p ?o }", "LOAD <http://example.invalid/x.ttl>"):
        result = runner.invoke(cli, ["query", update, "--store", str(out)])
        assert result.exit_code != 0, update
        assert "Traceback" not in result.output
    assert _snapshot(out) == before


def test_security_queries_open_the_store_read_only(store_copy):
    from kg.api import query

    out, before = store_copy
    with pytest.raises(QueryError):
        query("DROP ALL", out)
    store = open_store(out, read_only=True)
    with pytest.raises((OSError, RuntimeError), match="read-write|read only|read-only"):
        store.update("DROP ALL")
    assert _snapshot(out) == before


def test_security_hostile_file_names_cannot_reach_sparql(tmp_path, samples_dir):
    from kg.api import build
    from kg.namespaces import document_iri

    src = tmp_path / "in"
    src.mkdir()
    good = next(samples_dir.glob("01_*.txt"))
    shutil.copy(good, src / "good.txt")
    hostile = "x> } ; DROP ALL ; INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> \"o\" } } #.txt"
    shutil.copy(good, src / hostile)
    report = build([src], tmp_path / "out", progress=False)
    assert report.ok, report.as_dict()
    assert sorted(d["source"] for d in report.documents) == sorted(["good.txt", hostile])
    store = open_store(tmp_path / "out", read_only=True)
    graphs = {g.value for g in store.named_graphs()}
    assert document_iri(hostile) in graphs and document_iri("good.txt") in graphs
    assert "urn:g" not in graphs
    ox.NamedNode(document_iri(hostile))  # a valid IRI: < > { } " and spaces are percent-encoded
    # building it again (a graph replacement: DROP + INSERT in one SPARQL update) is just as safe
    report = build([src], tmp_path / "out", progress=False, force=True)
    assert report.ok and "urn:g" not in {g.value for g in open_store(tmp_path / "out", read_only=True).named_graphs()}


# -- no network at run time --------------------------------------------------------
@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args[1:] if args and isinstance(args[0], socket.socket) else args)
        raise OSError("network access attempted during a build (blocked by the test)")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.mark.parametrize("workers", [1, 2])
def test_security_build_of_the_samples_needs_no_network(no_network, samples_dir, tmp_path, workers):
    from kg.api import build
    from kg.query import run_canned as canned

    report = build([samples_dir], tmp_path / "out", workers=workers, progress=False)
    assert report.ok, report.as_dict()["errors"] + [d.get("error") for d in report.documents if d.get("error")]
    assert len(report.documents) == 6 and all(d["counts"]["Organization"] for d in report.documents)
    assert canned("programs-in-several-cities", tmp_path / "out").rows is not None
    assert no_network == []
    with pytest.raises(OSError, match="blocked by the test"):
        socket.create_connection(("example.invalid", 80))  # the block is in force
