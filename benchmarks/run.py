"""minsheng-kg benchmarks: build throughput, peak memory, query latency, export and
viz, each beside a reference measured in the same run.

    python -m benchmarks.run --out benchmarks/results            # everything (~15 min on 2 cores)
    python -m benchmarks.run --out /tmp/bench --quick            # smaller sizes (~3 min)
    python -m benchmarks.run --out /tmp/bench --only throughput,memory
    python -m benchmarks.run --out /tmp/bench --only profile     # pyinstrument profile of a build

Writes results.json and results.md into --out and prints the table. See
docs/benchmarks.md for what each figure means.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import write_corpus

SECTIONS = ("throughput", "memory", "longdoc", "query", "export", "viz")
TARGETS = {
    "build_vs_jieba": 1.5,
    "workers2_speedup": 1.6,
    "memory_10x_ratio": 1.5,
    "query_scaling_max": 10.0,
    "query_vs_rdflib_min": 10.0,
    "export_triples_per_s": 500_000,
    "viz_20k_vs_1k": 30.0,
}


# -- processes ----------------------------------------------------------------
# A small launcher between us and the measured process: a child's peak RSS
# (ru_maxrss) starts at its parent's RSS at fork time and survives exec, so the
# measured command must be forked from a small process, not from this one.
LAUNCHER = r"""
import json, os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    json.dump({"maxrss_kb": usage.ru_maxrss}, f)
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)
"""


def run_child(args: list[str], timeout: float = 3600, env: dict | None = None) -> dict:
    """Run a child process; wall time, peak RSS (of that process, through a small
    launcher: see LAUNCHER), exit code, output."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(suffix=".json") as rss:
        args = [sys.executable, "-S", "-c", LAUNCHER, rss.name, shutil.which(args[0]) or args[0], *args[1:]]
        proc = subprocess.Popen(args, stdout=out, stderr=err, env=env, start_new_session=True)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, 9)  # the launcher and the measured process
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        try:
            maxrss_kb = json.loads(Path(rss.name).read_text() or "{}").get("maxrss_kb")
        except (OSError, ValueError):
            maxrss_kb = None
        return {"wall_s": wall, "maxrss_mb": (maxrss_kb or 0) / 1024, "rc": proc.returncode,
                "stdout": out.read().decode("utf-8", "replace"), "stderr": err.read().decode("utf-8", "replace")}


def kg_build(src: Path, out: Path, workers: int = 1, fresh: bool = True) -> dict:
    if fresh and out.exists():
        shutil.rmtree(out)
    res = run_child([sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out), "--workers", str(workers),
                     "--no-progress"])
    if res["rc"] != 0:
        raise RuntimeError(f"kg build failed ({res['rc']}): {res['stderr'][-2000:]}")
    return res


JIEBA = r"""
import json, sys, time
t0 = time.perf_counter()
paths = open(sys.argv[1], encoding="utf-8").read().splitlines()
text = "".join(open(p, encoding="utf-8").read() for p in paths)
t1 = time.perf_counter()
import jieba
jieba.setLogLevel(60)
jieba.initialize()
t2 = time.perf_counter()
words = jieba.lcut(text)
t3 = time.perf_counter()
print(json.dumps({"chars": len(text), "read_s": t1 - t0, "init_s": t2 - t1, "cut_s": t3 - t2, "words": len(words)}))
"""


def jieba_ref(paths: list[Path], work: Path) -> dict:
    lst = work / "jieba_files.txt"
    lst.write_text("\n".join(str(p) for p in paths), "utf-8")
    res = run_child([sys.executable, "-c", JIEBA, str(lst)])
    if res["rc"] != 0:
        return {"error": res["stderr"][-500:]}
    data = json.loads(res["stdout"])
    data["wall_s"] = res["wall_s"]
    return data


def corpus(work: Path, n: int, seed: int = 0) -> tuple[Path, list[Path], int]:
    src = work / f"corpus_{n}_{seed}"
    if src.exists():
        paths = sorted(src.iterdir())
        return src, paths, sum(len(p.read_text("utf-8")) for p in paths)
    paths, chars = write_corpus(src, n, seed=seed)
    return src, paths, chars


def store_size(out: Path) -> int:
    from kg.store import open_store

    return len(open_store(out, read_only=True))


# -- sections -----------------------------------------------------------------
THROUGHPUT_ROUNDS = 3


def _median_run(runs: list[dict]) -> dict:
    """The run of median wall time, with every run's wall time beside it."""
    ok = sorted((r for r in runs if "wall_s" in r), key=lambda r: r["wall_s"])
    if not ok:
        return runs[0]
    return dict(ok[len(ok) // 2], walls_s=[r["wall_s"] for r in runs if "wall_s" in r])


def bench_throughput(work: Path, n: int, log) -> dict:
    src, paths, chars = corpus(work, n)
    log(f"throughput: {n} documents, {chars:,} characters")
    # interleaved rounds, the median of each: a single run here varies by 20-30%
    rounds = [(jieba_ref(paths, work), kg_build(src, work / "tp_w1", 1), kg_build(src, work / "tp_w2", 2))
              for _ in range(THROUGHPUT_ROUNDS)]
    jieba, one, two = (_median_run([r[i] for r in rounds]) for i in range(3))
    same = (work / "tp_w1" / "graph.nq").read_bytes() == (work / "tp_w2" / "graph.nq").read_bytes()
    res = {
        "documents": n, "chars": chars, "quads": store_size(work / "tp_w1"),
        "kg_w1_s": one["wall_s"], "kg_w2_s": two["wall_s"],
        "kg_w1_chars_per_s": chars / one["wall_s"], "kg_w2_chars_per_s": chars / two["wall_s"],
        "jieba": jieba, "workers_identical": same, "rounds": THROUGHPUT_ROUNDS,
        "kg_w1_walls_s": one.get("walls_s"), "kg_w2_walls_s": two.get("walls_s"),
    }
    if "cut_s" in jieba:
        res["jieba_process_chars_per_s"] = chars / jieba["wall_s"]
        res["jieba_cut_chars_per_s"] = chars / jieba["cut_s"]
        res["build_vs_jieba_process"] = res["kg_w1_chars_per_s"] / res["jieba_process_chars_per_s"]
        res["build_vs_jieba_cut"] = res["kg_w1_chars_per_s"] / res["jieba_cut_chars_per_s"]
    res["workers2_speedup"] = one["wall_s"] / two["wall_s"]
    res.update(rebuild_times(src, work / "tp_w1", work))
    log(f"  kg w1 {one['wall_s']:.1f}s, w2 {two['wall_s']:.1f}s, jieba {jieba.get('wall_s', 0):.1f}s")
    return res


def rebuild_times(src: Path, out: Path, work: Path) -> dict:
    """Builds over a finished build: nothing changed, then one document changed
    (in a copy of the input, so the corpus stays as generated)."""
    nothing = kg_build(src, out, fresh=False)
    edited = work / "tp_edited"
    if edited.exists():
        shutil.rmtree(edited)
    shutil.copytree(src, edited)
    first = min(edited.iterdir())
    first.write_bytes(first.read_bytes() + "\n全市新建青翼家园站点7个，服务青少年1200人次。\n".encode("utf-8"))
    one_changed = kg_build(edited, out, fresh=False)
    return {"rebuild_unchanged_s": nothing["wall_s"], "rebuild_one_changed_s": one_changed["wall_s"]}


def bench_memory(work: Path, n: int, log) -> dict:
    out = {}
    for k in (n, 10 * n):
        src, _, chars = corpus(work, k)
        res = kg_build(src, work / f"store_{k}", 1)
        out[k] = {"chars": chars, "maxrss_mb": res["maxrss_mb"], "wall_s": res["wall_s"],
                  "quads": store_size(work / f"store_{k}")}
        log(f"memory: {k} documents, {out[k]['quads']:,} quads: peak {res['maxrss_mb']:.0f} MB, {res['wall_s']:.1f}s")
    return {"small": out[n], "large": out[10 * n], "documents": [n, 10 * n],
            "ratio": out[10 * n]["maxrss_mb"] / out[n]["maxrss_mb"]}


def _canned(values: dict | None = None):
    from kg.query import bindings_for, list_queries

    out = []
    for q in list_queries():
        mine = {p.name: values[p.name] for p in q.params if values and p.name in values}
        out.append((q, mine, bindings_for(q, mine)))
    return out


def query_values(store_out: Path) -> dict[str, str]:
    """Parameter values that occur in every benchmark store: taken from the first
    generated document (documents 0..n-1 are in every store)."""
    from kg.api import run_sparql
    from kg.namespaces import document_iri
    from kg.store import open_store

    store = open_store(store_out, read_only=True)
    first = min(q.object.value for q in store.quads_for_pattern(
        None, __import__("pyoxigraph").NamedNode("http://purl.org/dc/terms/source"), None, None))
    doc = document_iri(first)

    def one(sparql: str) -> str | None:
        rows = run_sparql(store, sparql).rows
        return rows[0][0] if rows else None

    city = one(f"SELECT ?l WHERE {{ <{doc}> kg:city/rdfs:label ?l }}")
    program = one(f"SELECT ?l WHERE {{ GRAPH <{doc}> {{ ?p a kg:Program ; rdfs:label ?l }} }} ORDER BY ?l LIMIT 1")
    org = one(f"SELECT ?l WHERE {{ GRAPH <{doc}> {{ ?m kg:memberOf ?o }} ?o rdfs:label ?l }} ORDER BY ?l LIMIT 1") or one(
        f"SELECT ?l WHERE {{ GRAPH <{doc}> {{ ?o a kg:Organization ; rdfs:label ?l }} }} ORDER BY ?l LIMIT 1")
    indicator = one(f"SELECT ?l WHERE {{ GRAPH <{doc}> {{ ?o kg:indicator ?i }} ?i rdfs:label ?l }} ORDER BY ?l LIMIT 1")
    values = {"city": city, "program": program, "organization": org, "name": org, "entity": org,
              "indicator": indicator, "place": city, "source": first}
    return {k: v for k, v in values.items() if v}


def _term_spec(t) -> dict:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return {"type": "iri", "value": t.value}
    return {"type": "literal", "value": t.value, "lang": t.language,
            "datatype": None if t.language else t.datatype.value}


def _kg_query_times(out: Path, values: dict, work: Path, timeout: float) -> dict:
    """Median latency of each canned query through kg.query, in a child process
    that is killed (and restarted for the next query) when a query runs past
    `timeout`."""
    import select

    todo = [{"name": q.name, "params": mine} for q, mine, _ in _canned(values)]
    res: dict[str, dict] = {}
    while todo:
        job = work / "kg_queries_job.json"
        job.write_text(json.dumps({"store": str(out), "queries": todo, "budget": 5.0}, ensure_ascii=False), "utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "benchmarks.kg_queries", str(job)], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
        startup = 60.0  # imports and store opening
        deadline = time.monotonic() + startup + timeout
        buf = b""
        while todo:
            wait = deadline - time.monotonic()
            ready, _, _ = select.select([proc.stdout], [], [], max(wait, 0))
            if not ready:  # the current query ran past its timeout
                proc.kill()
                res[todo[0]["name"]] = {"median_s": None, "rows": None, "params": todo[0]["params"]}
                todo.pop(0)
                break
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                for q in todo:  # the child died: report the rest as errors
                    res[q["name"]] = {"median_s": None, "rows": None, "params": q["params"], "error": "child died"}
                todo = []
                break
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                data = json.loads(line)
                res[data["name"]] = {"median_s": data["median_s"], "rows": data["rows"], "params": todo[0]["params"]}
                todo.pop(0)
                # the next query starts now: one run may take `timeout`, the repeats share a 5 s budget
                deadline = time.monotonic() + timeout + 10
        proc.wait()
        proc.stdout.close()
    return res


def rdflib_ref(nq: Path, work: Path, timeout: float, export_timeout: float | None, values: dict | None = None) -> dict:
    job = {"nq": str(nq), "timeout": timeout, "export_dir": str(work) if export_timeout else None,
           "export_timeout": export_timeout or 0,
           "queries": [{"name": q.name, "sparql": q.sparql, "bindings": {k: _term_spec(v) for k, v in b.items()}}
                       for q, _, b in _canned(values)]}
    path = work / "rdflib_job.json"
    path.write_text(json.dumps(job, ensure_ascii=False), "utf-8")
    res = run_child([sys.executable, "-m", "benchmarks.rdflib_ref", str(path)], timeout=3 * 3600)
    if res["rc"] != 0:
        return {"error": res["stderr"][-1000:]}
    data = json.loads(res["stdout"])
    data["maxrss_mb"] = res["maxrss_mb"]
    return data


def bench_query(work: Path, sizes: dict[str, int], timeout: float, kg_timeout: float, log) -> dict:
    """sizes: label -> documents."""
    out = {}
    values = None
    for label, n in sizes.items():
        store_out = work / f"store_{n}"
        if not (store_out / "graph.nq").exists():
            src, _, _ = corpus(work, n)
            kg_build(src, store_out, 2)
        values = values or query_values(store_out)
        quads = store_size(store_out)
        kg = _kg_query_times(store_out, values, work, kg_timeout)
        ref = rdflib_ref(store_out / "graph.nq", work, timeout, None, values)
        out[label] = {"documents": n, "quads": quads, "kg": kg, "rdflib": ref}
        log(f"query: {label} ({quads:,} quads): kg total {sum(v['median_s'] or 0 for v in kg.values()) * 1000:.0f} ms, "
            f"{sum(v['median_s'] is None for v in kg.values())} past the cap")
    labels = list(sizes)
    lo, hi = labels[0], labels[-1]
    scaling, vs = {}, {}
    for name in out[lo]["kg"]:
        k_lo, k_hi = out[lo]["kg"][name]["median_s"], out[hi]["kg"][name]["median_s"]
        scaling[name] = (k_hi / max(k_lo, 1e-6)) if k_lo and k_hi else None
        r = out[hi]["rdflib"].get("queries", {}).get(name, {}).get("median_s")
        vs[name] = (r / max(k_hi, 1e-6)) if r and k_hi else None
    return {"sizes": out, "scaling": scaling, "vs_rdflib": vs, "timeout_s": timeout, "kg_timeout_s": kg_timeout,
            "params": values}


EXPORT_RUNS = 3


def bench_export(work: Path, n: int, export_timeout: float, log) -> dict:
    """Export the 10^6 store: from its build folder, as `kg export` does (the
    export cache beside the store: every document graph is a file), and from
    the bare store (every graph read from RocksDB)."""
    from kg.store import export, export_many, open_store, resolve_store_dir
    from kg.store.exports import cache_beside

    store_out = work / f"store_{n}"
    if not (store_out / "graph.nq").exists():
        src, _, _ = corpus(work, n)
        kg_build(src, store_out, 2)
    store = open_store(store_out, read_only=True)
    cache = cache_beside(resolve_store_dir(store_out))
    quads = len(store)
    dest = work / "exports"
    dest.mkdir(exist_ok=True)
    kg, bare = {}, {}
    for fmt in ("nq", "trig", "ttl"):
        times = []
        for _ in range(EXPORT_RUNS):  # the median: one run varies by 30% here
            start = time.perf_counter()
            export(store, fmt, dest / f"kg.{fmt}", cache=cache)
            times.append(time.perf_counter() - start)
        kg[fmt] = statistics.median(times)
        start = time.perf_counter()
        export(store, fmt, dest / f"bare.{fmt}")
        bare[fmt] = time.perf_counter() - start
        if (dest / f"kg.{fmt}").read_bytes() != (dest / f"bare.{fmt}").read_bytes():
            raise SystemExit(f"export: {fmt} from the cache differs from {fmt} from the store")
    times = []
    for _ in range(EXPORT_RUNS):
        start = time.perf_counter()
        export_many(store, [(f, dest / f"all.{f}") for f in ("nq", "trig", "ttl")], cache=cache)
        times.append(time.perf_counter() - start)
    kg["all_three"] = statistics.median(times)
    start = time.perf_counter()
    store.dump(format=__import__("pyoxigraph").RdfFormat.N_QUADS)
    kg["raw_store_dump_nq"] = time.perf_counter() - start
    ref = rdflib_ref(store_out / "graph.nq", dest, 1, export_timeout)
    for p in dest.iterdir():
        p.unlink()
    log(f"export: {quads:,} quads: kg nq {kg['nq']:.2f}s trig {kg['trig']:.2f}s ttl {kg['ttl']:.2f}s "
        f"(bare store: nq {bare['nq']:.2f}s trig {bare['trig']:.2f}s ttl {bare['ttl']:.2f}s); rdflib {ref.get('exports')}")
    return {"documents": n, "quads": quads, "kg_s": kg, "bare_store_s": bare, "rdflib_s": ref.get("exports", {}),
            "rdflib_load_s": ref.get("load_s"), "export_timeout_s": export_timeout,
            "kg_triples_per_s": {k: quads / v for k, v in kg.items()},
            "bare_store_triples_per_s": {k: quads / v for k, v in bare.items()},
            "rdflib_triples_per_s": {k: (quads / v if v else None) for k, v in ref.get("exports", {}).items()}}


LONG_DOC_CHARS = (50_000, 600_000)


def bench_longdoc(work: Path, log) -> dict:
    """One long document (generated documents joined) per build, at two lengths:
    extraction should not slow down per character as a document grows, and peak
    memory follows the document."""
    _, paths, _ = corpus(work, 300)
    texts = [p.read_text("utf-8") for p in paths]
    res = {}
    for size in LONG_DOC_CHARS:
        src = work / f"long_{size}"
        src.mkdir(exist_ok=True)
        parts, n = [], 0
        for t in texts:
            if n >= size:
                break
            parts.append(t)
            n += len(t) + 1
        text = "\n".join(parts)
        (src / "long.txt").write_text(text, "utf-8")
        run = kg_build(src, work / f"long_{size}_out")
        res[str(size)] = {"chars": len(text), "wall_s": run["wall_s"], "chars_per_s": len(text) / run["wall_s"],
                          "maxrss_mb": run["maxrss_mb"]}
        log(f"long document: {len(text):,} chars, {run['wall_s']:.1f}s, {run['maxrss_mb']:.0f} MB")
    small, large = (res[str(s)] for s in LONG_DOC_CHARS)
    res["rate_ratio"] = large["chars_per_s"] / small["chars_per_s"]
    return res


def bench_viz(work: Path, n: int, log) -> dict:
    try:
        from kg.query.graph import load_graph
        from kg.viz import render_graph, select
    except ImportError as e:
        return {"skipped": f"kg.viz is not available ({e})"}
    from kg.store import open_store

    store_out = work / f"store_{n}"
    store = open_store(store_out, read_only=True)
    start = time.perf_counter()
    g = load_graph(store)
    load_s = time.perf_counter() - start
    res = {"documents": n, "graph_nodes": g.number_of_nodes(), "graph_edges": g.number_of_edges(),
           "load_graph_s": load_s, "render": {}}
    for nodes in (1000, 20000):
        if nodes > g.number_of_nodes():
            res["render"][nodes] = None
            continue
        start = time.perf_counter()
        r = render_graph(g, select.whole(g), work / f"viz_{nodes}.html", max_nodes=nodes)
        res["render"][nodes] = {"s": time.perf_counter() - start, "nodes": r.nodes, "edges": r.edges,
                                "html_mb": (work / f"viz_{nodes}.html").stat().st_size / 1e6}
    if res["render"].get(1000) and res["render"].get(20000):
        res["ratio"] = res["render"][20000]["s"] / res["render"][1000]["s"]
    log(f"viz: {res}")
    return res


def bench_profile(work: Path, n: int, results: Path, log) -> dict:
    src, _, chars = corpus(work, n)
    out = work / "profile_out"
    if out.exists():
        shutil.rmtree(out)
    report = results / "profile.txt"
    res = run_child([sys.executable, "-m", "pyinstrument", "-r", "text", "-o", str(report), "-m", "kg.cli", "build",
                     str(src), "--out", str(out), "--no-progress"])
    log(f"profile: {report} (rc {res['rc']})")
    return {"documents": n, "chars": chars, "report": str(report), "rc": res["rc"], "wall_s": res["wall_s"]}


# -- report -------------------------------------------------------------------
def _fmt_s(v) -> str:
    if v is None:
        return ">timeout"
    return f"{v * 1000:.1f} ms" if v < 1 else f"{v:.2f} s"


def _ratio(v) -> str:
    if v is None or v == float("inf"):
        return "n/a (timeout)"
    return f"{v:.1f}x"


def _verdict(value, target, higher_is_better=True) -> str:
    if value is None:
        return "n/a"
    ok = value >= target if higher_is_better else value <= target
    return "met" if ok else "NOT met"


def summary(results: dict) -> dict:
    s = {}
    tp = results.get("throughput")
    if tp and "build_vs_jieba_process" in tp:
        s["build_vs_jieba_process"] = tp["build_vs_jieba_process"]
        s["build_vs_jieba_cut"] = tp["build_vs_jieba_cut"]
        s["workers2_speedup"] = tp["workers2_speedup"]
    if results.get("memory"):
        s["memory_10x_ratio"] = results["memory"]["ratio"]
    q = results.get("query")
    if q:
        known = [v for v in q["scaling"].values() if v is not None]
        s["query_kg_timeouts"] = sum(1 for v in q["scaling"].values() if v is None)
        s["query_scaling_max"] = max(known) if not s["query_kg_timeouts"] else float("inf")
        s["query_scaling_median"] = statistics.median(known) if known else None
        s["query_within_10x"] = sum(1 for v in known if v <= 10)
        vs = [v for v in q["vs_rdflib"].values() if v is not None]
        hi = list(q["sizes"])[-1]
        rq = q["sizes"][hi]["rdflib"].get("queries", {})
        timeouts = sum(1 for n in q["vs_rdflib"] if n in rq and rq[n]["median_s"] is None and not rq[n].get("error"))
        s["query_rdflib_errors"] = sum(1 for n in q["vs_rdflib"] if n in rq and rq[n].get("error"))
        if timeouts:  # a timeout means rdflib is at least timeout/kg slower
            vs += [q["timeout_s"] / q["sizes"][hi]["kg"][n]["median_s"] for n in q["vs_rdflib"]
                   if n in rq and rq[n]["median_s"] is None and not rq[n].get("error")
                   and q["sizes"][hi]["kg"][n]["median_s"]]
        s["query_vs_rdflib_min"] = min(vs) if vs else None
        s["query_vs_rdflib_median"] = statistics.median(vs) if vs else None
        s["query_rdflib_timeouts"] = timeouts
    e = results.get("export")
    if e:
        s["export_triples_per_s"] = {k: v for k, v in e["kg_triples_per_s"].items()}
    v = results.get("viz")
    if v and "ratio" in v:
        s["viz_20k_vs_1k"] = v["ratio"]
    return s


def markdown(results: dict) -> str:
    lines = [f"# Benchmark results ({results['meta']['date']}, {results['meta']['cpus']} CPUs, "
             f"Python {results['meta']['python']}, {results['meta']['mode']})", ""]
    if results["meta"].get("merged_from_earlier_run"):
        lines += ["Sections from an earlier run: " + ", ".join(results["meta"]["merged_from_earlier_run"]), ""]
    tp = results.get("throughput")
    if tp:
        j = tp["jieba"]
        lines += ["## Build throughput (whole `kg build` processes)", "",
                  f"{tp['documents']} generated documents, {tp['chars']:,} characters, {tp['quads']:,} quads. "
                  f"Each run is the median of {tp.get('rounds', 1)} interleaved rounds"
                  + (f" (kg --workers 1: {', '.join(f'{w:.2f}' for w in tp['kg_w1_walls_s'])} s)."
                     if tp.get("kg_w1_walls_s") else "."), "",
                  "| run | wall | characters/s |", "|---|---|---|",
                  f"| kg build --workers 1 | {tp['kg_w1_s']:.2f} s | {tp['kg_w1_chars_per_s']:,.0f} |",
                  f"| kg build --workers 2 | {tp['kg_w2_s']:.2f} s | {tp['kg_w2_chars_per_s']:,.0f} |"]
        if "cut_s" in j:
            lines += [f"| jieba.lcut, whole process (import, dictionary, cut) | {j['wall_s']:.2f} s | "
                      f"{tp['jieba_process_chars_per_s']:,.0f} |",
                      f"| jieba.lcut, cut only | {j['cut_s']:.2f} s | {tp['jieba_cut_chars_per_s']:,.0f} |"]
        lines += ["", f"--workers 2 output byte-identical to --workers 1: {tp['workers_identical']}", ""]
        if "rebuild_unchanged_s" in tp:
            lines += [f"Rebuilding over the --workers 1 build: nothing changed {tp['rebuild_unchanged_s']:.2f} s, "
                      f"one document changed {tp['rebuild_one_changed_s']:.2f} s.", ""]
    m = results.get("memory")
    if m:
        lines += ["## Peak memory (kg build --workers 1, max RSS of the process)", "",
                  "| documents | characters | quads | peak RSS | wall |", "|---|---|---|---|---|"]
        for key in ("small", "large"):
            r = m[key]
            lines.append(f"| {m['documents'][0 if key == 'small' else 1]} | {r['chars']:,} | {r['quads']:,} | "
                         f"{r['maxrss_mb']:.0f} MB | {r['wall_s']:.1f} s |")
        lines += ["", f"10x corpus / 1x corpus peak memory: {m['ratio']:.2f}", ""]
    ld = results.get("longdoc")
    if ld:
        lines += ["## One long document per build (whole `kg build` process)", "",
                  "| characters | wall | characters/s | peak RSS |", "|---|---|---|---|"]
        lines += [f"| {v['chars']:,} | {v['wall_s']:.2f} s | {v['chars_per_s']:,.0f} | {v['maxrss_mb']:.0f} MB |"
                  for k, v in ld.items() if k != "rate_ratio"]
        lines += ["", f"characters/s of the long one / the short one: {ld['rate_ratio']:.2f}", ""]
    q = results.get("query")
    if q:
        labels = list(q["sizes"])
        head = " | ".join(f"kg {lb} ({q['sizes'][lb]['quads']:,} q)" for lb in labels)
        head += " | " + " | ".join(f"rdflib {lb}" for lb in labels)
        lines += ["## Canned-query latency (median; kg.query on the store vs rdflib Dataset in memory)", "",
                  f"rdflib per-query timeout {q['timeout_s']:.0f} s; kg per-query cap {q.get('kg_timeout_s', 0):.0f} s. "
                  "rows: kg / rdflib at the largest size.", "",
                  f"| query | {head} | {labels[-1]}/{labels[0]} (kg) | rdflib/kg at {labels[-1]} | rows |",
                  "|---" * (2 * len(labels) + 4) + "|"]
        for name in q["scaling"]:
            kg_cells = [_fmt_s(q["sizes"][lb]["kg"][name]["median_s"]) for lb in labels]
            rd_cells = []
            for lb in labels:
                rq = q["sizes"][lb]["rdflib"].get("queries", {}).get(name)
                rd_cells.append("-" if not rq else "error" if rq.get("error") else _fmt_s(rq["median_s"]))
            vs = q["vs_rdflib"][name]
            kg_hi = q["sizes"][labels[-1]]["kg"][name]
            rq = q["sizes"][labels[-1]]["rdflib"].get("queries", {}).get(name) or {}
            if vs is not None:
                vs_cell = f"{vs:,.1f}x" if vs < 10 else f"{vs:,.0f}x"
            elif rq.get("error"):
                vs_cell = "rdflib error"
            elif kg_hi["median_s"] is None:
                vs_cell = "n/a (both time out)" if rq.get("median_s") is None else "rdflib faster"
            elif kg_hi["median_s"] > q["timeout_s"]:
                vs_cell = "n/a (kg slower than the rdflib timeout)"
            else:
                vs_cell = f"> {q['timeout_s'] / kg_hi['median_s']:,.1f}x (timeout)"
            lines.append(f"| {name} | " + " | ".join(kg_cells + rd_cells) +
                         f" | {_ratio(q['scaling'][name])} | {vs_cell} | {kg_hi['rows']} / {rq.get('rows', '-')} |")
        errors = {n: r.get("error") for n, r in q["sizes"][labels[-1]]["rdflib"].get("queries", {}).items() if r.get("error")}
        if errors:
            lines += ["", "rdflib errors: " + "; ".join(f"{n}: {e}" for n, e in errors.items())]
        lines += ["", "parameters: " + ", ".join(f"{k}={v}" for k, v in (q.get("params") or {}).items())]
        lines += ["", "rdflib load time: " + ", ".join(
            f"{lb}: {_fmt_s(q['sizes'][lb]['rdflib'].get('load_s'))}" for lb in labels), ""]
    e = results.get("export")
    if e:
        lines += [f"## Export ({e['quads']:,} quads, {e['documents']} documents)", "",
                  "| format | kg.store.export (build folder) | triples/s | bare store | triples/s "
                  "| rdflib serializer | triples/s |", "|---|---|---|---|---|---|---|"]
        for fmt in ("nq", "trig", "ttl"):
            r = e["rdflib_s"].get(fmt)
            b = e.get("bare_store_s", {}).get(fmt)
            lines.append(f"| {fmt} | {_fmt_s(e['kg_s'][fmt])} | {e['kg_triples_per_s'][fmt]:,.0f} | {_fmt_s(b)} | "
                         f"{(e['quads'] / b if b else 0):,.0f} | {_fmt_s(r)} | {(e['quads'] / r if r else 0):,.0f} |")
        lines += [f"| nq+trig+ttl in one pass (a build's exports) | {_fmt_s(e['kg_s']['all_three'])} | "
                  f"{e['kg_triples_per_s']['all_three']:,.0f} | | | | |",
                  f"| raw `Store.dump` N-Quads (no sorting; the store's read speed) | {_fmt_s(e['kg_s']['raw_store_dump_nq'])} | "
                  f"{e['kg_triples_per_s']['raw_store_dump_nq']:,.0f} | | | | |", ""]
    v = results.get("viz")
    if v:
        if "skipped" in v:
            lines += ["## Viz", "", v["skipped"], ""]
        else:
            lines += [f"## Viz (graph of {v['documents']} documents: {v['graph_nodes']:,} nodes; "
                      f"load_graph {v['load_graph_s']:.2f} s)", "", "| nodes drawn | render_graph | HTML |", "|---|---|---|"]
            for nodes, r in v["render"].items():
                if r:
                    lines.append(f"| {r['nodes']:,} | {_fmt_s(r['s'])} | {r['html_mb']:.1f} MB |")
            if "ratio" in v:
                lines += ["", f"20k / 1k nodes: {v['ratio']:.1f}x", ""]
    s = results.get("summary", {})
    lines += ["## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    if "build_vs_jieba_process" in s:
        lines.append(f"| build throughput on 1 worker >= 1.5x jieba | {s['build_vs_jieba_process']:.2f}x (whole process), "
                     f"{s['build_vs_jieba_cut']:.3f}x (cut only) | {_verdict(s['build_vs_jieba_process'], 1.5)} |")
        lines.append(f"| --workers 2 >= 1.6x --workers 1 | {s['workers2_speedup']:.2f}x | "
                     f"{_verdict(s['workers2_speedup'], 1.6)} |")
    if "memory_10x_ratio" in s:
        lines.append(f"| peak memory of a 10x corpus < 1.5x | {s['memory_10x_ratio']:.2f}x | "
                     f"{_verdict(s['memory_10x_ratio'], 1.5, False)} |")
    if "query_scaling_max" in s:
        lines.append(f"| queries at 10^6 within 10x of 10^4 | {s['query_within_10x']} of {len(results['query']['scaling'])} "
                     f"queries; worst {_ratio(s['query_scaling_max'])}, median {_ratio(s['query_scaling_median'])}"
                     f"{', ' + str(s['query_kg_timeouts']) + ' time out at the largest size' if s['query_kg_timeouts'] else ''} | "
                     f"{_verdict(s['query_scaling_max'], 10, False)} |")
        lines.append(f"| queries >= 10x faster than rdflib | worst {s['query_vs_rdflib_min'] or 0:.1f}x, median "
                     f"{s['query_vs_rdflib_median'] or 0:.1f}x at the largest size (an rdflib timeout counts as timeout/kg; "
                     f"queries where kg passes its cap are left out) | "
                     f"{_verdict(s['query_vs_rdflib_min'], 10)} |")
    if "export_triples_per_s" in s:
        ex = s["export_triples_per_s"]
        lines.append(f"| export >= 0.5 M triples/s | nq {ex['nq']:,.0f}, trig {ex['trig']:,.0f}, ttl {ex['ttl']:,.0f} | "
                     f"{_verdict(min(ex['nq'], ex['trig'], ex['ttl']), 500_000)} |")
    if "viz_20k_vs_1k" in s:
        lines.append(f"| viz 20k nodes within 30x of 1k | {s['viz_20k_vs_1k']:.1f}x | {_verdict(s['viz_20k_vs_1k'], 30, False)} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="benchmarks/results", help="where results.json and results.md go")
    ap.add_argument("--work", default=None, help="scratch folder (default: a temporary folder, removed)")
    ap.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated: {', '.join(SECTIONS)}, profile")
    ap.add_argument("--quick", action="store_true", help="smaller corpora (10^4/10^5 triples; no 10^6)")
    ap.add_argument("--merge", action="store_true",
                    help="keep the sections of an earlier results.json in --out that this run does not measure")
    ap.add_argument("--docs", type=int, default=None, help="documents for the throughput corpus (default 300, quick 60)")
    ap.add_argument("--timeout", type=float, default=30, help="rdflib per-query timeout, seconds")
    ap.add_argument("--kg-timeout", type=float, default=60,
                    help="kg per-query cap, seconds (a guard: a query past it is reported as >timeout)")
    ap.add_argument("--export-timeout", type=float, default=120, help="rdflib per-format export timeout, seconds")
    ap.add_argument("--render", action="store_true", help="only rewrite results.md from results.json in --out")
    args = ap.parse_args(argv)
    if args.render:
        results = json.loads((Path(args.out) / "results.json").read_text("utf-8"))
        results["summary"] = summary(results)
        md = markdown(results)
        (Path(args.out) / "results.md").write_text(md, "utf-8")
        print(md)
        return 0

    only = set(args.only.split(","))
    results_dir = Path(args.out)
    results_dir.mkdir(parents=True, exist_ok=True)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    small = 6  # ~10^4 quads
    mid = 60 if not args.quick else 20  # ~10^5 quads
    big = 600 if not args.quick else 60  # ~10^6 quads
    docs = args.docs or (300 if not args.quick else 60)

    def log(msg):
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    earlier = {}
    if args.merge and (results_dir / "results.json").exists():
        earlier = json.loads((results_dir / "results.json").read_text("utf-8"))
    results = {"meta": {"date": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count(), "python": platform.python_version(),
                        "platform": platform.platform(), "mode": "quick" if args.quick else "full"}}
    try:
        if "throughput" in only:
            results["throughput"] = bench_throughput(work, docs, log)
        if "memory" in only:
            results["memory"] = bench_memory(work, mid if not args.quick else 20, log)
        if "longdoc" in only:
            results["longdoc"] = bench_longdoc(work, log)
        if "query" in only:
            sizes = {"10^4": small, "10^5": mid} if args.quick else {"10^4": small, "10^5": mid, "10^6": big}
            results["query"] = bench_query(work, sizes, args.timeout, args.kg_timeout, log)
        if "export" in only:
            results["export"] = bench_export(work, big, args.export_timeout, log)
        if "viz" in only:
            results["viz"] = bench_viz(work, big, log) if (work / f"store_{big}").exists() else bench_viz_build(work, big, log)
        if "profile" in only:
            results["profile"] = bench_profile(work, docs, results_dir, log)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    dates = {k: results["meta"]["date"] for k in SECTIONS + ("profile",) if k in results}
    for section in SECTIONS + ("profile",):
        if section not in results and section in earlier:
            results[section] = earlier[section]
            dates[section] = earlier["meta"].get("section_dates", {}).get(section, earlier["meta"]["date"])
            results["meta"].setdefault("merged_from_earlier_run", []).append(f"{section} ({dates[section]})")
    results["meta"]["section_dates"] = dates
    results["summary"] = summary(results)
    (results_dir / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), "utf-8")
    md = markdown(results)
    (results_dir / "results.md").write_text(md, "utf-8")
    print(md)
    return 0


def bench_viz_build(work: Path, n: int, log) -> dict:
    src, _, _ = corpus(work, n)
    kg_build(src, work / f"store_{n}", 2)
    return bench_viz(work, n, log)


if __name__ == "__main__":
    sys.exit(main())
