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


def execute(name: str):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    env_path = os.environ.get("PYTHONPATH", "")
    root = str(NOTEBOOKS.parent)
    os.environ["PYTHONPATH"] = root + (os.pathsep + env_path if env_path else "")
    try:
        nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    finally:
        if env_path:
            os.environ["PYTHONPATH"] = env_path
        else:
            os.environ.pop("PYTHONPATH", None)
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


def test_sparql_walkthrough_notebook_runs_on_the_samples():
    nb = execute("sparql-walkthrough.ipynb")
    tables = outputs(nb, "text/html")
    assert len(tables) >= 15 and all("<table>" in t for t in tables)
    text = "\n".join(outputs(nb, "text/plain"))
    assert "programs-in-several-cities" in text and "http://127.0.0.1:" in text and " programs" in text


def test_cross_city_notebook_runs_with_graph_and_plot():
    nb = execute("cross-city-exploration.ipynb")
    html_out = "\n".join(outputs(nb, "text/html"))
    assert '<iframe srcdoc="' in html_out and "vis.Network" in html_out
    assert outputs(nb, "image/png"), "no matplotlib figure"
    assert "Cross-city bridges" in "\n".join(outputs(nb, "text/plain"))
