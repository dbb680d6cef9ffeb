"""The rdflib side of the benchmarks, run in a child process (so a slow query can
be cut off and the memory is returned): load graph.nq into a plain in-memory
rdflib Dataset, time the canned queries and the serializers.

    python -m benchmarks.rdflib_ref JOB.json  ->  JSON on stdout

JOB: {"nq": path, "queries": [{"name", "sparql", "bindings"}], "timeout": s,
      "export_dir": path or null, "export_timeout": s}
Each query or export that takes longer than its timeout is reported as null
(shown as ">timeout").
"""
from __future__ import annotations

import json
import os
import signal
import statistics
import sys
import time


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def _timed(fn, timeout: float):
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    start = time.perf_counter()
    try:
        value = fn()
        return time.perf_counter() - start, value
    except Timeout:
        return None, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _term(spec):
    from rdflib import Literal, URIRef

    if spec["type"] == "iri":
        return URIRef(spec["value"])
    return Literal(spec["value"], lang=spec.get("lang"), datatype=URIRef(spec["datatype"]) if spec.get("datatype") else None)


def main(job_path: str) -> None:
    import rdflib

    from kg.namespaces import PREFIXES

    job = json.loads(open(job_path, encoding="utf-8").read())
    out = {"load_s": None, "quads": None, "queries": {}, "exports": {}}
    ds = rdflib.Dataset(default_union=True)
    load_s, _ = _timed(lambda: ds.parse(job["nq"], format="nquads"), job.get("load_timeout", 900))
    out["load_s"] = load_s
    if load_s is None:
        print(json.dumps(out))
        return
    out["quads"] = sum(1 for _ in ds.quads((None, None, None, None)))
    header = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
    for q in job["queries"]:
        bindings = {k: _term(v) for k, v in q["bindings"].items()}
        times, rows, error = [], None, None
        for _ in range(3):
            try:
                t, rows_now = _timed(lambda: list(ds.query(header + q["sparql"], initBindings=bindings)), job["timeout"])
            except Exception as e:  # noqa: BLE001 - rdflib fails on some valid SPARQL; report it
                times, error = None, f"{type(e).__name__}: {e}"[:200]
                break
            if t is None:
                times = None
                break
            times.append(t)
            rows = len(rows_now)
            if sum(times) > 2:
                break
        out["queries"][q["name"]] = {"median_s": statistics.median(times) if times else None, "rows": rows,
                                     "error": error}
    if job.get("export_dir"):
        d = job["export_dir"]
        for name, fn in (
            ("nq", lambda: ds.serialize(os.path.join(d, "rdflib.nq"), format="nquads")),
            ("trig", lambda: ds.serialize(os.path.join(d, "rdflib.trig"), format="trig")),
            ("ttl", lambda: _merged(ds).serialize(os.path.join(d, "rdflib.ttl"), format="turtle")),
        ):
            t, _ = _timed(fn, job["export_timeout"])
            out["exports"][name] = t
        for name in ("rdflib.nq", "rdflib.trig", "rdflib.ttl"):
            p = os.path.join(d, name)
            if os.path.exists(p):
                os.unlink(p)
    print(json.dumps(out))


def _merged(ds):
    import rdflib

    g = rdflib.Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns)
    for t in ds.triples((None, None, None)):
        g.add(t)
    return g


if __name__ == "__main__":
    main(sys.argv[1])
