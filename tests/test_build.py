"""End to end: documents in, a queryable, exportable, valid graph out."""
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.api import build, query
from kg.query import run_canned

REPO = Path(__file__).resolve().parents[1]


def _labels(out, sparql):
    return [r[0] for r in query(sparql, out).rows]


def test_build_samples_every_document_yields_facts(sample_build):
    out, report = sample_build
    assert report.ok, report.as_dict()
    assert len(report.documents) == 6
    for d in report.documents:
        c = d["counts"]
        assert d["status"] == "built"
        assert c["Organization"] and c["Program"] and c["Location"] and c["Observation"], d
    for name in ("graph.trig", "graph.nq", "graph.ttl", "report.json", "store"):
        assert (out / name).exists()


def test_build_exports_load_back_into_oxigraph_and_rdflib(sample_build):
    import rdflib

    out, _ = sample_build
    s = ox.Store()
    s.load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    nq = ox.Store()
    nq.load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    assert len(s) == len(nq) > 1000
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    ds = rdflib.Dataset()
    ds.parse(out / "graph.nq", format="nquads")
    assert len(g) > 500 and len(list(ds.graphs())) >= 7


@pytest.mark.parametrize("build", ["sample_build", "corpus_build"])
def test_build_output_conforms_to_shapes(build, request):
    pyshacl = pytest.importorskip("pyshacl")
    import rdflib

    out, _ = request.getfixturevalue(build)
    data = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    shapes = rdflib.Graph().parse(REPO / "ontology" / "shapes.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, advanced=True)
    assert conforms, text[:3000]


def test_build_is_byte_identical_when_rerun(sample_build, samples_dir, tmp_path):
    out, _ = sample_build
    again = tmp_path / "again"
    build([samples_dir], again, progress=False)
    for name in ("graph.nq", "graph.trig", "graph.ttl"):
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


def test_build_two_workers_give_the_same_graph(sample_build, samples_dir, tmp_path):
    out, _ = sample_build
    par = tmp_path / "par"
    build([samples_dir], par, workers=2, progress=False)
    assert (out / "graph.nq").read_bytes() == (par / "graph.nq").read_bytes()


def test_build_bad_files_are_reported_and_others_kept(samples_dir, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(next(samples_dir.glob("01_*.txt")), src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    out = tmp_path / "out"
    report = build([src], out, progress=False)
    assert not report.ok
    by_source = {d["source"]: d for d in report.documents}
    assert by_source["good.txt"]["status"] == "built"
    for bad in ("empty.txt", "image.txt"):
        assert by_source[bad]["status"] == "failed"
        assert bad in by_source[bad]["error"]
    saved = json.loads((out / "report.json").read_text("utf-8"))
    assert {d["status"] for d in saved["documents"]} == {"built", "failed"}
    assert _labels(out, "SELECT ?l WHERE { ?p a kg:Program ; rdfs:label ?l } LIMIT 1")


def test_build_incremental_skips_unchanged_replaces_changed_and_prunes(samples_dir, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    files = sorted(samples_dir.glob("0[12]_*.txt"))
    for f in files:
        shutil.copy(f, src / f.name)
    out = tmp_path / "out"
    build([src], out, progress=False)
    second = build([src], out, progress=False)
    assert {d["status"] for d in second.documents} == {"unchanged"}
    changed = src / files[0].name
    changed.write_bytes(changed.read_bytes() + "\n全市新建青翼家园站点7个。\n".encode("utf-8"))
    (src / files[1].name).unlink()
    third = build([src], out, prune=True, progress=False)
    statuses = {d["source"]: d["status"] for d in third.documents}
    assert statuses == {files[0].name: "built", files[1].name: "pruned"}
    sources = _labels(out, "SELECT ?s WHERE { GRAPH ?g { ?g dcterms:source ?s } }")
    assert sources == [files[0].name]


def test_build_corpus_links_programs_across_cities(corpus_build):
    out, report = corpus_build
    assert report.ok, report.as_dict()
    assert len(report.documents) == 5
    for d in report.documents:
        assert all(d["counts"][t] for t in ("Organization", "Program", "Location", "Observation")), d
    rows = query("""SELECT ?p (GROUP_CONCAT(DISTINCT ?cl; separator=",") AS ?cities) WHERE {
        ?p a kg:Program ; rdfs:label "青翼家园"@zh ; kg:operatesIn ?c . ?c rdfs:label ?cl } GROUP BY ?p""", out).rows
    assert len(rows) == 1, rows  # one node
    assert {"新乡市", "濮阳市", "三门峡市"} <= set(rows[0][1].split(","))
    several = {r["label"]: int(r["cities"]) for r in run_canned("programs-in-several-cities", out).as_dicts()}
    assert several.get("青翼家园", 0) >= 3 and several.get("12355青少年服务台", 0) >= 2


def test_build_corpus_each_city_has_its_own_youth_league(corpus_build):
    out, _ = corpus_build
    labels = set(_labels(out, "SELECT DISTINCT ?l WHERE { ?o a kg:Organization ; skos:altLabel \"团市委\"@zh ; rdfs:label ?l }"))
    assert {"共青团新乡市委员会", "共青团三门峡市委员会", "共青团常州市委员会"} <= labels


def test_build_corpus_traditional_document_is_simplified(corpus_build):
    out, _ = corpus_build
    progs = set(_labels(out, "SELECT ?l WHERE { GRAPH ?g { ?g dcterms:source ?s . FILTER(STRSTARTS(?s, \"004_\")) ?p a kg:Program ; rdfs:label ?l } }"))
    assert {"梦想小屋", "时间银行", "长期护理保险"} <= progs


def test_build_store_opens_as_an_rdflib_dataset(sample_build):
    from kg.api import rdflib_dataset

    out, _ = sample_build
    ds = rdflib_dataset(out)
    try:
        rows = list(ds.query("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?p a <https://w3id.org/minsheng-kg/ontology#Program> } }"))
        assert int(rows[0][0]) > 10
    finally:
        ds.close()



def test_build_output_does_not_depend_on_the_hash_seed(samples_dir, tmp_path):
    """Word lists are ordered longest first with ties broken by the words
    themselves, never by set iteration order (which changes with PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(samples_dir), "--out", str(out)],
                       check=True, env=env, capture_output=True)
        outs.append((out / "graph.nq").read_bytes())
    assert outs[0] == outs[1] and outs[0]


def test_a_document_path_may_be_a_pathlib_path(samples_dir):
    """Notebooks pass pathlib.Path objects; a str and a Path give the same graph."""
    from kg.pipeline import process_document

    path = sorted(p for p in Path(samples_dir).iterdir() if p.suffix == ".txt")[0]
    as_path = process_document(path, path.name)
    as_str = process_document(str(path), path.name)
    assert as_path.status == "built", as_path.error
    assert as_path.nquads == as_str.nquads and as_path.path == str(path)


def test_a_build_without_progress_bar_starts_no_progress_thread(samples_dir, tmp_path):
    import threading

    before = {t.name for t in threading.enumerate()}
    build(next(samples_dir.glob("04_*.txt")), tmp_path / "out", progress=False)
    assert {t.name for t in threading.enumerate()} - before == set()


def _export_stamps(out):
    return {name: (out / name).stat().st_mtime_ns for name in ("graph.nq", "graph.trig", "graph.ttl")}


def test_a_build_that_changes_nothing_leaves_the_exports_alone(samples_dir, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for f in sorted(samples_dir.glob("0[12]_*.txt")):
        shutil.copy(f, src / f.name)
    out = tmp_path / "out"
    build([src], out, progress=False)
    stamps = _export_stamps(out)
    again = build([src], out, progress=False)
    assert {d["status"] for d in again.documents} == {"unchanged"}
    assert _export_stamps(out) == stamps
    # an export changed or removed by hand is written again, the same as before
    reference = (out / "graph.ttl").read_bytes()
    (out / "graph.ttl").write_bytes(b"# edited\n")
    (out / "graph.nq").unlink()
    build([src], out, progress=False)
    assert (out / "graph.ttl").read_bytes() == reference
    assert (out / "graph.nq").exists()
    # a changed document rewrites them
    stamps = _export_stamps(out)
    changed = next(src.iterdir())
    changed.write_bytes(changed.read_bytes() + "\n全市新建青翼家园站点7个。\n".encode("utf-8"))
    build([src], out, progress=False)
    assert all(_export_stamps(out)[n] != stamps[n] for n in stamps)


def test_a_build_with_nothing_to_extract_does_not_load_the_nlp_pipeline(samples_dir, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "out"
    doc = next(samples_dir.glob("04_*.txt"))
    build(doc, out, progress=False)
    code = ("import sys; from kg.api import build\n"
            f"r = build({str(doc)!r}, {str(out)!r}, progress=False)\n"
            "print([d['status'] for d in r.documents], 'spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['unchanged'] False"


def test_build_outputs_are_readable_by_others_as_the_umask_allows(sample_build):
    import os

    out, _ = sample_build
    mask = os.umask(0)
    os.umask(mask)
    for name in ("graph.nq", "graph.trig", "graph.ttl", "report.json", "state.json"):
        assert (out / name).stat().st_mode & 0o777 == 0o666 & ~mask, name


def test_an_invalid_bulk_batch_size_is_a_clear_error(samples_dir, tmp_path, monkeypatch):
    from kg.errors import ConfigError

    monkeypatch.setenv("KG_BULK_QUADS", "many")
    with pytest.raises(ConfigError, match="KG_BULK_QUADS"):
        build(next(samples_dir.glob("04_*.txt")), tmp_path / "out", progress=False)


def test_the_store_writer_holds_back_extraction_only_past_its_queue_bound(tmp_path, monkeypatch):
    """Extracted graphs wait for the store writer up to QUEUED_QUADS: the
    producer goes on while fewer are waiting, and waits once more would be."""
    import threading

    import kg.build as kb
    from kg.pipeline import DocResult
    from kg.store import open_store
    from kg.store.cache import GraphCache, graph_export

    monkeypatch.setattr(kb, "QUEUED_QUADS", 5)

    def doc(i: int, quads: int):
        iri = f"urn:doc:{i}"
        lines = "".join(f"<urn:s:{i}> <urn:p:{k}> \"{k}\" .\n" for k in range(quads)).encode()
        return DocResult(str(i), str(i), iri, f"{i:064d}", "built"), graph_export(iri, lines)

    writer = kb._StoreWriter(open_store(tmp_path / "store", create=True), GraphCache(tmp_path / "graphs"), {},
                             tmp_path / "store")
    writer.put(*doc(0, 3))
    writer.put(*doc(1, 2))  # 5 waiting: at the bound, not past it
    third = threading.Thread(target=writer.put, args=doc(2, 1))
    third.start()
    third.join(0.3)
    assert third.is_alive()  # 6 would be past the bound: waits for the writer
    writer.start()
    third.join(10)
    assert not third.is_alive()
    writer.close()
    assert len(writer.store) == 6


def test_a_new_extractor_re_extracts_unchanged_documents(samples_dir, tmp_path, monkeypatch):
    """A document's graph follows from its bytes and the extractor (rules,
    resources, configuration): after an upgrade the next build applies the new
    rules to every document, not only to new ones."""
    import kg.build as kb
    from kg.pipeline import extractor_id

    doc = next(samples_dir.glob("04_*.txt"))
    out = tmp_path / "out"
    build(doc, out, progress=False)
    assert {d["status"] for d in build(doc, out, progress=False).documents} == {"unchanged"}
    state = json.loads((out / "state.json").read_text("utf-8"))
    assert {e["extractor"] for e in state.values()} == {extractor_id()}
    monkeypatch.setattr(kb, "extractor_id", lambda config=None: "other-rules")
    again = build(doc, out, progress=False)
    assert [(d["status"], d["graph"]) for d in again.documents] == [("built", "replaced")]


def test_the_extractor_fingerprint_follows_the_rules_and_the_configuration(tmp_path):
    from kg.pipeline import extractor_id, files_fingerprint
    from kg.types import PipelineConfig

    for name, text in (("nlp/rules.py", "A = 1"), ("resources/words.txt", "新建"), ("viz/page.py", "B = 2")):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    parts = ("nlp", "resources")
    first = files_fingerprint(tmp_path, parts)
    (tmp_path / "viz/page.py").write_text("B = 3", "utf-8")
    assert files_fingerprint(tmp_path, parts) == first  # not part of the extractor
    (tmp_path / "resources/words.txt").write_text("新建 合作", "utf-8")
    assert files_fingerprint(tmp_path, parts) != first
    assert extractor_id(PipelineConfig(spacy_model="zh_core_web_sm")) != extractor_id() == extractor_id(PipelineConfig())
