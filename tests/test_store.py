"""The embedded store: per-document graph replacement, exports, path handling."""
import sys

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.store import document_hashes, export, open_store, replace_graph, resolve_store_dir

G1, G2 = "https://w3id.org/minsheng-kg/id/doc/a.txt", "https://w3id.org/minsheng-kg/id/doc/b.txt"
KG = "https://w3id.org/minsheng-kg/ontology#"
DCT = "http://purl.org/dc/terms/"


def _doc_nq(graph: str, sha: str, label: str) -> bytes:
    return (
        f'<{graph}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KG}Document> <{graph}> .\n'
        f'<{graph}> <{DCT}identifier> "{sha}" <{graph}> .\n'
        f'<https://w3id.org/minsheng-kg/id/program/{label}> <http://www.w3.org/2000/01/rdf-schema#label> "{label}"@zh <{graph}> .\n'
    ).encode("utf-8")


def test_store_replacing_a_graph_leaves_other_documents(tmp_path):
    store = open_store(tmp_path / "store", create=True)
    replace_graph(store, G1, _doc_nq(G1, "1" * 64, "青翼家园"), exists=False)
    replace_graph(store, G2, _doc_nq(G2, "2" * 64, "梦想小屋"), exists=False)
    replace_graph(store, G1, _doc_nq(G1, "3" * 64, "时间银行"), exists=True)
    assert document_hashes(store) == {G1: "3" * 64, G2: "2" * 64}
    labels = {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None, None)}
    assert labels == {"时间银行", "梦想小屋"}


def test_store_rejects_quads_outside_the_document_graph(tmp_path):
    store = open_store(tmp_path / "store", create=True)
    with pytest.raises(StoreError, match="outside"):
        replace_graph(store, G1, _doc_nq(G2, "1" * 64, "x"), exists=False)


def test_store_exports_are_deterministic_and_keep_graphs(tmp_path):
    store = open_store(tmp_path / "store", create=True)
    replace_graph(store, G2, _doc_nq(G2, "2" * 64, "梦想小屋"), exists=False)
    replace_graph(store, G1, _doc_nq(G1, "1" * 64, "青翼家园"), exists=False)
    a = export(store, "nq", tmp_path / "a.nq").read_bytes()
    b = export(store, "nq", tmp_path / "b.nq").read_bytes()
    assert a == b and a.count(b"\n") == 6
    ttl = export(store, "ttl", tmp_path / "g.ttl").read_text("utf-8")
    assert "青翼家园" in ttl and "@prefix kg:" in ttl
    trig = export(store, "trig", tmp_path / "g.trig")
    ds = ox.Store()
    ds.load(path=str(trig), format=ox.RdfFormat.TRIG)
    assert {g.value for g in ds.named_graphs()} == {G1, G2}
    with pytest.raises(StoreError, match="unknown export format"):
        export(store, "xml", tmp_path / "x")


def test_store_dir_accepts_build_folder_or_store_folder(tmp_path):
    open_store(tmp_path / "out" / "store", create=True).flush()
    assert resolve_store_dir(tmp_path / "out") == tmp_path / "out" / "store"
    assert resolve_store_dir(tmp_path / "out" / "store") == tmp_path / "out" / "store"
    with pytest.raises(StoreError, match="no store"):
        resolve_store_dir(tmp_path)


def _lines(graph: str, sha: str, label: str) -> bytes:
    from kg.store import graph_ntriples

    return graph_ntriples(graph, _doc_nq(graph, sha, label))


def _stored(store, graph: str) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))}


def test_update_graph_changes_only_what_differs(tmp_path):
    from kg.store import add_graphs, stored_lines, update_graph

    store = open_store(tmp_path / "store", create=True)
    add_graphs(store, [(G1, _lines(G1, "1" * 64, "青翼家园")), (G2, _lines(G2, "2" * 64, "梦想小屋"))])
    other = _stored(store, G2)
    new = _lines(G1, "3" * 64, "时间银行") + b'<urn:x:s> <urn:x:p> "1.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n'
    # two triples go (old label, old hash), three come (new label, new hash, the value)
    assert update_graph(store, G1, stored_lines(store, G1), new) == 5
    reference = open_store(tmp_path / "reference", create=True)
    add_graphs(reference, [(G1, new)])
    assert _stored(store, G1) == _stored(reference, G1)
    assert _stored(store, G2) == other
    assert update_graph(store, G1, stored_lines(store, G1), stored_lines(store, G1)) == 0  # unchanged: no write


def test_update_graph_replaces_a_graph_with_blank_nodes_whole(tmp_path):
    from kg.store import add_graphs, stored_lines, update_graph

    store = open_store(tmp_path / "store", create=True)
    add_graphs(store, [(G1, b"<urn:x:s> <urn:x:p> _:b1 .\n_:b1 <urn:x:p> \"a\" .\n")])
    new = b"<urn:x:s> <urn:x:p> _:b2 .\n_:b2 <urn:x:p> \"b\" .\n"
    update_graph(store, G1, stored_lines(store, G1), new)
    objects = {q.object.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode(G1))
               if isinstance(q.object, ox.Literal)}
    assert objects == {"b"} and len(_stored(store, G1)) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_second_writer_is_refused_at_once_while_a_build_holds_the_store(tmp_path):
    from kg.store import writer_lock

    store_dir = tmp_path / "out" / "store"
    with writer_lock(store_dir):
        with pytest.raises(StoreError, match="another build is writing this store") as e:
            with writer_lock(store_dir):
                pass
        assert str(store_dir) in str(e.value)
    with writer_lock(store_dir):  # released with the first
        pass


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_store_being_written_is_refused_to_readers_until_the_writer_is_done(tmp_path):
    from kg.serve import start_server
    from kg.store import writer_lock

    store_dir = tmp_path / "out" / "store"
    store = open_store(store_dir, create=True)
    replace_graph(store, "urn:doc:a", b"<urn:s> <urn:p> <urn:o> <urn:doc:a> .\n", exists=False)
    del store
    with writer_lock(store_dir):
        for read in (lambda: open_store(tmp_path / "out", read_only=True), lambda: start_server(tmp_path / "out")):
            with pytest.raises(StoreError, match="a build is writing this store") as e:
                read()
            assert str(store_dir) in str(e.value)
    assert len(open_store(tmp_path / "out", read_only=True)) == 1
