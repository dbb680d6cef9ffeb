"""The kg side of the query benchmark, in a child process: open the store
read-only and time canned queries through kg.query, one JSON line per query
as soon as it is done (the parent kills the child when a query runs past its
timeout: an Oxigraph query cannot be interrupted from Python).

    python -m benchmarks.kg_queries JOB.json
JOB: {"store": path, "queries": [{"name", "params"}], "budget": s}
"""
from __future__ import annotations

import json
import statistics
import sys
import time


def main(job_path: str) -> None:
    from kg.query import run_on_store
    from kg.store import open_store

    job = json.loads(open(job_path, encoding="utf-8").read())
    store = open_store(job["store"], read_only=True)
    budget = job.get("budget", 5.0)
    # the first canned query of a process pays about 0.9 s of one-time set-up
    # (imports the query layer makes lazily), whichever query it is: run one first
    if job["queries"]:
        run_on_store(store, job["queries"][0]["name"], job["queries"][0]["params"])
    for q in job["queries"]:
        start = time.perf_counter()
        rows = len(run_on_store(store, q["name"], q["params"]).rows)  # warm-up, kept when slow
        first = time.perf_counter() - start
        times = []
        while first < budget / 5 and len(times) < 7 and sum(times) < budget:
            start = time.perf_counter()
            rows = len(run_on_store(store, q["name"], q["params"]).rows)
            times.append(time.perf_counter() - start)
        print(json.dumps({"name": q["name"], "median_s": statistics.median(times) if times else first, "rows": rows,
                          "runs": len(times) or 1}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
