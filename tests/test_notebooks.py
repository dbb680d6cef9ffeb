"""The notebooks run top to bottom on the bundled sample corpus (offline),
executed with nbclient. Slow: each builds the samples and starts a kernel."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"

pytestmark = pytest.mark.slow


def execute(name: str, out: Path):
    """Run the notebook with its output folder at `out` (KG_NOTEBOOK_OUT), so that a
    test run leaves nothing behind in the system's temporary folder."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    env = {"PYTHONPATH": str(NOTEBOOKS.parent) + (os.pathsep + os.environ["PYTHONPATH"]
                                                  if os.environ.get("PYTHONPATH") else ""),
           "KG_NOTEBOOK_OUT": str(out)}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    assert (out / "store").is_dir(), "the notebook did not build into KG_NOTEBOOK_OUT"
    return nb


def outputs(nb, kind: str) -> list:
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"{out.get('ename')}: {out.get('evalue')}"
            data = out.get("data", {})
            if kind in data:
                found.append(data[kind])
            if kind == "text/plain" and out.get("output_type") == "stream":
                found.append(out.get("text", ""))
    return found


def test_sparql_walkthrough_notebook_runs_on_the_samples(tmp_path):
    nb = execute("sparql-walkthrough.ipynb", tmp_path / "out")
    tables = outputs(nb, "text/html")
    assert len(tables) >= 15 and all("<table>" in t for t in tables)
    text = "\n".join(outputs(nb, "text/plain"))
    assert "programs-in-several-cities" in text and "http://127.0.0.1:" in text and " programs" in text


def test_cross_city_notebook_runs_with_graph_and_plot(tmp_path):
    nb = execute("cross-city-exploration.ipynb", tmp_path / "out")
    html_out = "\n".join(outputs(nb, "text/html"))
    assert '<iframe srcdoc="' in html_out and "vis.Network" in html_out
    assert outputs(nb, "image/png"), "no matplotlib figure"
    assert "Cross-city bridges" in "\n".join(outputs(nb, "text/plain"))
