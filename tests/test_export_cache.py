"""The export cache (kg.store.cache): exports made from it are the exports the
store itself gives, and it never disagrees with the store."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.api import build
from kg.store import open_store
from kg.store.cache import CACHE_DIR, GraphCache, store_canonical
from kg.store.exports import export_many

FORMATS = ("nq", "trig", "ttl", "nt")


def _exports(store, folder, cache=None) -> dict[str, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    export_many(store, [(fmt, folder / f"g.{fmt}") for fmt in FORMATS], cache=cache)
    return {fmt: (folder / f"g.{fmt}").read_bytes() for fmt in FORMATS}


@pytest.fixture()
def sample_out(sample_build, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(sample_build[0], out)
    return out


def test_exports_from_the_cache_equal_exports_from_the_store(sample_out, tmp_path):
    store = open_store(sample_out, read_only=True)
    cached = _exports(store, tmp_path / "cached", GraphCache(sample_out / CACHE_DIR))
    plain = _exports(store, tmp_path / "plain")
    assert cached == plain
    assert (sample_out / "graph.nq").read_bytes() == plain["nq"]
    assert (sample_out / "graph.trig").read_bytes() == plain["trig"]
    assert (sample_out / "graph.ttl").read_bytes() == plain["ttl"]


def test_missing_cache_entries_are_read_from_the_store_and_written_back(sample_out, tmp_path):
    shutil.rmtree(sample_out / CACHE_DIR)
    (sample_out / CACHE_DIR).mkdir()
    store = open_store(sample_out, read_only=True)
    plain = _exports(store, tmp_path / "plain")
    assert _exports(store, tmp_path / "refilled", GraphCache(sample_out / CACHE_DIR)) == plain
    documents = len([g for g in store.named_graphs() if "/doc/" in g.value])
    assert len(list((sample_out / CACHE_DIR).glob("*.nt"))) == documents


def test_typed_literals_take_the_form_the_store_gives_back():
    lines = (b'<http://a/x> <http://a/v> "1.50"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n'
             b'<http://a/x> <http://a/n> "007"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
             b'<http://a/x> <http://a/s> "007"^^<http://www.w3.org/2001/XMLSchema#string> .\n')
    out = store_canonical(lines).decode()
    assert '"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>' in out
    assert '"7"^^<http://www.w3.org/2001/XMLSchema#integer>' in out
    assert '"007"' in out
    assert out.splitlines() == sorted(out.splitlines(), key=str.encode)


def test_a_changed_document_replaces_its_cache_entry(samples_dir, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(samples_dir, src)
    out = tmp_path / "out"
    build([src], out, progress=False)
    before = sorted(p.name for p in (out / CACHE_DIR).iterdir())
    victim = sorted(p for p in src.iterdir() if p.suffix == ".txt")[0]
    victim.write_bytes(victim.read_bytes() + "\n共青团示范市委员会开通12355青少年服务台。\n".encode("utf-8"))
    build([src], out, progress=False)
    after = sorted(p.name for p in (out / CACHE_DIR).iterdir())
    assert len(after) == len(before) and after != before  # one entry replaced, none left behind
    store = open_store(out, read_only=True)
    assert _exports(store, tmp_path / "plain")["nq"] == (out / "graph.nq").read_bytes()


def test_a_graph_the_store_rejects_fails_that_document_only(samples_dir, tmp_path, monkeypatch):
    import kg.build as build_mod

    real = build_mod.process_star

    def corrupting(args):
        res = real(args)
        if res.status == "built" and "01_" in res.source:
            res.nquads = res.nquads.replace(b" <", b" <bad iri ", 1)
        return res

    monkeypatch.setattr(build_mod, "process_star", corrupting)
    report = build([samples_dir], tmp_path / "out", progress=False)
    failed = [d for d in report.documents if d["status"] == "failed"]
    assert len(failed) == 1 and "01_" in failed[0]["source"]
    assert failed[0]["error"].startswith(failed[0]["path"])
    assert sum(d["status"] == "built" for d in report.documents) == len(report.documents) - 1


_XSD = "http://www.w3.org/2001/XMLSchema#"


def _through_a_store(line: bytes) -> bytes:
    mem = ox.Store()
    mem.load(line, format=ox.RdfFormat.N_TRIPLES)
    return b"".join(sorted(mem.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).splitlines(True)))


_lexical = st.one_of(
    st.tuples(st.integers(-10**9, 10**9).map(str), st.just("integer")),
    st.tuples(st.from_regex(r"-?[0-9]{1,3}(\.[0-9]{1,3})?", fullmatch=True), st.just("decimal")),
    st.tuples(st.decimals(min_value=-10**12, max_value=10**12, places=4, allow_nan=False).map(str), st.just("decimal")),
    st.tuples(st.from_regex(r"[0-9]{4}(-[0-9]{2}){0,2}", fullmatch=True),
              st.sampled_from(["gYear", "gYearMonth", "date"])),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_lexical, min_size=1, max_size=5), st.booleans())
def test_property_typed_literal_fast_path_agrees_with_the_store(lexicals, fake):
    """store_canonical skips the store for literals it takes to be in the
    store's form already (checked over the whole text when it can); for any
    lexical forms, and a label that only looks like a typed literal, it must
    still give what the store gives."""
    lines = [f'<http://a/x> <http://a/v{i}> "{text}"^^<{_XSD}{xsd_type}> .\n'
             for i, (text, xsd_type) in enumerate(lexicals)]
    if fake:
        lines.append(f'<http://a/x> <http://a/l> "7\\"^^<{_XSD}integer> ." .\n')
    data = "".join(lines).encode()
    assert store_canonical(data) == _through_a_store(data)


@given(st.decimals(min_value=-10**15, max_value=10**15, places=6, allow_nan=False, allow_infinity=False))
def test_property_written_decimals_are_in_the_store_form(value):
    from kg.rdf import _decimal

    line = b"<http://a/x> <http://a/v> " + _decimal(value) + b" .\n"
    assert _through_a_store(line) == line


def test_trig_blocks_are_what_the_trig_serializer_writes(samples_dir, tmp_path):
    """trig_block builds a graph's TriG from its Turtle; Oxigraph's TriG
    serializer, given the same quads, writes the same bytes (line breaks and
    quotes in literals, typed literals, blank nodes and the default graph too)."""
    from kg.namespaces import PREFIXES
    from kg.store.cache import trig_block

    out = tmp_path / "out"
    build([samples_dir], out, progress=False)
    store = open_store(out, read_only=True)
    graphs = [g for g in store.named_graphs()] + [ox.DefaultGraph()]
    odd = (b'<http://a/x> <http://a/p> "line1\\nline2\\ttab \\"q\\"" .\n'
           b'<http://a/x> <http://a/q> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
           b'<http://a/y> <http://a/p> _:b1 .\n_:b1 <http://a/p> "z"@zh .\n')
    for graph in graphs:
        if isinstance(graph, ox.DefaultGraph):
            lines = odd
        else:
            lines = b"".join(sorted(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).splitlines(True)))
        suffix = b" .\n" if isinstance(graph, ox.DefaultGraph) else b" " + str(graph).encode() + b" .\n"
        expected = ox.serialize(ox.parse(lines.replace(b" .\n", suffix), format=ox.RdfFormat.N_QUADS),
                                format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
        header, block = trig_block(graph, lines)
        assert header + block == expected, graph
    named = ox.NamedNode("http://g/")
    expected = ox.serialize(ox.parse(odd.replace(b" .\n", b" <http://g/> .\n"), format=ox.RdfFormat.N_QUADS),
                            format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    assert b"".join(trig_block(named, odd)) == expected
