"""kg stats on the fixture store (tests/fixtures/explore.trig)."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.stats import compute, core_graph, format_table



@pytest.fixture(scope="module")
def store_dir(explore_store_dir) -> Path:
    return explore_store_dir


@pytest.fixture(scope="module")
def report(store_dir) -> dict:
    return compute(ox.Store.read_only(str(store_dir / "store")))


def test_stats_counts_nodes_by_type(report):
    assert report["counts"] == {"Organization": 6, "Program": 3, "Person": 3, "PolicyDocument": 2, "Location": 9,
                                "Indicator": 5, "Observation": 7, "Document": 3, "Mention": 5, "Assertion": 8}
    assert report["edges"] == 55


def test_stats_programs_by_number_of_cities(report):
    # 长者助餐 in 苏州 only, 青翼家园 in 新乡 and 濮阳, 12355青少年服务台 in all three
    assert report["programs_by_city_count"] == {"1": 1, "2": 1, "3": 1}


def test_stats_most_connected_organizations(report):
    top = report["most_connected_organizations"]
    assert [o["label"] for o in top[:2]] == ["共青团新乡市委员会", "共青团濮阳市委员会"]
    assert top[0]["degree"] == 5 and top[0]["programs"] == 2
    assert len(top) == 6


def test_stats_communities_and_components(report):
    comp = report["components"]
    assert comp["count"] == 1 and comp["nodes"] == 18  # programs, organizations, places
    communities = report["communities"]
    assert sum(c["size"] for c in communities) == 18
    suzhou = next(c for c in communities if "苏州市民政局" in c["members"])
    assert suzhou["cities"][0] == "苏州市" and "共青团新乡市委员会" not in suzhou["members"]
    henan = next(c for c in communities if "共青团新乡市委员会" in c["members"])
    assert "共青团濮阳市委员会" in henan["members"]


def test_stats_cross_city_bridges(report):
    got = {(b["type"], b["label"]): b["cities"] for b in report["cross_city_bridges"]}
    assert got == {
        ("Program", "12355青少年服务台"): ["新乡市", "濮阳市", "苏州市"],
        ("Program", "青翼家园"): ["新乡市", "濮阳市"],
        ("Organization", "共青团新乡市委员会"): ["新乡市", "濮阳市"],  # through its 濮阳 partner
        ("Organization", "共青团濮阳市委员会"): ["新乡市", "濮阳市"],
    }
    org = next(b for b in report["cross_city_bridges"] if b["label"] == "共青团新乡市委员会")
    assert org["own_cities"] == ["新乡市"]


def test_stats_core_graph_keeps_programs_organizations_and_places_only(store_dir):
    from kg.query.graph import load_graph

    g = load_graph(ox.Store.read_only(str(store_dir / "store")))
    core = core_graph(g)
    assert {d["type"] for _, d in core.nodes(data=True)} == {"Program", "Organization", "Location"}


def test_stats_table_and_json_output(store_dir, report):
    from kg.cli import main

    table = format_table(report)
    for heading in ("Counts by type", "Programs by number of cities", "Most-connected organizations",
                    "Connected components", "Communities", "Cross-city bridges"):
        assert heading in table
    out = CliRunner().invoke(main, ["stats", "--store", str(store_dir), "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["programs_by_city_count"] == {"1": 1, "2": 1, "3": 1}
    out = CliRunner().invoke(main, ["stats", "--store", str(store_dir)])
    assert out.exit_code == 0 and "12355青少年服务台: 新乡市、濮阳市、苏州市" in out.stdout
