"""kg eval: matching rules on a tiny hand-made graph, and the quality floor on real documents."""
import importlib.util
import json
from pathlib import Path

import pytest

from kg.eval import evaluate, format_table

KG = "https://w3id.org/minsheng-kg/ontology#"
ID = "https://w3id.org/minsheng-kg/id/"
G = ID + "doc/a.txt"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ROOT = Path(__file__).resolve().parents[1]


def _q(s, p, o):
    return f"{s} {p} {o} <{G}> .\n"


def _graph(tmp_path):
    org, org2, prog = f"<{ID}org/共青团洛阳市委员会>", f"<{ID}org/洛阳市教育局>", f"<{ID}program/青翼家园>"
    obs = f"<{ID}obs/1>"
    nq = "".join([
        _q(f"<{G}>", "<http://purl.org/dc/terms/source>", '"a.txt"'),
        _q(org, f"<{TYPE}>", f"<{KG}Organization>"), _q(org, f"<{LABEL}>", '"共青团洛阳市委员会"@zh'),
        _q(org, f"<{ALT}>", '"团市委"@zh'),
        _q(org2, f"<{TYPE}>", f"<{KG}Organization>"), _q(org2, f"<{LABEL}>", '"洛阳市教育局"@zh'),
        _q(prog, f"<{TYPE}>", f"<{KG}Program>"), _q(prog, f"<{LABEL}>", '"青翼家园"@zh'),
        _q(org, f"<{KG}runs>", prog), _q(org2, f"<{KG}partnerOf>", org),
        _q(obs, f"<{KG}value>", '"24.0"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
        _q(obs, f"<{KG}unit>", '"家"'),
    ])
    path = tmp_path / "g.nq"
    path.write_text(nq, encoding="utf-8")
    return path


def _gold(tmp_path, **over):
    gold = {"doc": "a.txt", "city": "洛阳市",
            "entities": [{"text": "团市委", "type": "Organization", "canonical": "共青团洛阳市委员会"},
                         {"text": "“青翼家园”", "type": "Program", "canonical": "青翼家园"},
                         {"text": "市残联", "type": "Organization", "canonical": "洛阳市残疾人联合会"}],
            "observations": [{"indicator": "青翼家园站点", "value": 24, "unit": "家"},
                             {"indicator": "个案咨询", "value": 19478, "unit": "人次"}],
            "relations": [{"subject": "共青团洛阳市委员会", "predicate": "runs", "object": "青翼家园", "role": None},
                          {"subject": "共青团洛阳市委员会", "predicate": "partnerOf", "object": "洛阳市教育局", "role": None}]}
    gold.update(over)
    d = tmp_path / "gold"
    d.mkdir()
    (d / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return d


def test_eval_matches_by_label_or_alias_ignoring_quotes(tmp_path):
    r = evaluate(_gold(tmp_path), _graph(tmp_path)).as_dict()
    assert r["entities"]["Organization"] == {"tp": 1, "predicted": 2, "gold": 2, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert r["entities"]["Program"]["f1"] == 1.0


def test_eval_observations_by_value_and_unit(tmp_path):
    r = evaluate(_gold(tmp_path), _graph(tmp_path)).as_dict()["observations"]
    assert (r["tp"], r["predicted"], r["gold"]) == (1, 1, 2)


def test_eval_partner_relations_match_either_direction(tmp_path):
    r = evaluate(_gold(tmp_path), _graph(tmp_path)).as_dict()["relations"]
    assert r["runs"]["tp"] == 1
    assert r["partnerOf"]["tp"] == 1  # gold says 团市委 → 教育局, the graph the reverse
    assert r["all"]["tp"] >= 1


def test_eval_reports_missing_documents(tmp_path):
    r = evaluate(_gold(tmp_path, doc="other.txt"), _graph(tmp_path))
    assert r.missing == ["other.txt"]
    assert "missing documents: other.txt" in format_table(r)


# The quality floor on the seed documents and the samples: what `kg eval` measured
# when these lines were written, minus a small margin, so a regression fails.
@pytest.mark.parametrize("which, floors", [
    ("corpus", {"entities": 0.90, "observations": 0.93, "relations": 0.77}),
    ("samples", {"entities": 0.94, "observations": 0.96, "relations": 0.84}),
    ("probe", {"entities": 0.90, "observations": 0.93, "relations": 0.79}),
])
def test_eval_quality_floor(which, floors, request):
    from pathlib import Path

    out, _ = request.getfixturevalue({"corpus": "corpus_build", "samples": "sample_build", "probe": "probe_build"}[which])
    gold = Path(__file__).parent / {"corpus": "gold", "samples": "gold_samples", "probe": "gold_probe"}[which]
    r = evaluate(gold, out).as_dict()
    assert r["entities"]["all"]["f1"] >= floors["entities"], format_table(evaluate(gold, out))
    assert r["observations"]["f1"] >= floors["observations"]
    assert r["relations"]["all"]["f1"] >= floors["relations"]
    assert not r["missing_documents"]


def _probe_script(name: str):
    """A module of scripts/probe/ (check_gold: what each probe reader ran before handing a round in)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "probe" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_probe_gold_file_passes_the_readers_format_check():
    check_gold = _probe_script("check_gold")
    files = sorted((ROOT / "tests" / "gold_probe").glob("*.json"))
    assert len(files) > 2500
    failed = {f.name: errs for f in files if (errs := check_gold.check(f)[0])}
    assert not failed, list(failed.items())[:3]


def test_the_readers_format_check_names_a_relation_whose_end_is_no_entity(tmp_path):
    check_gold = _probe_script("check_gold")
    (tmp_path / "fixtures" / "probe").mkdir(parents=True)
    (tmp_path / "gold_probe").mkdir()
    (tmp_path / "fixtures" / "probe" / "x1_demo.txt").write_text("县民政局开展“银龄助餐”行动。", encoding="utf-8")
    gold = {"doc": "x1_demo.txt", "city": "某县", "entities": [
        {"text": "县民政局", "type": "Organization", "canonical": "某县民政局", "aliases": []}],
        "observations": [{"indicator": "助餐点", "value": "3", "unit": "个"}],
        "relations": [{"subject": "某县民政局", "predicate": "runs", "object": "银龄助餐", "role": None}]}
    path = tmp_path / "gold_probe" / "x1_demo.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    errors, _ = check_gold.check(path)
    assert any("'银龄助餐' is not an entity canonical" in e for e in errors), errors
    assert any("value not a number" in e for e in errors), errors


def test_a_probe_prompt_names_its_county_its_towns_and_three_genres_for_the_files(tmp_path):
    new_round = _probe_script("new_round")
    [path] = new_round.prompts(922, ["zzz:654026"], tmp_path, stem="zhaosu")
    text = path.read_text(encoding="utf-8")
    assert "昭苏县" in text and "伊犁哈萨克自治州" in text and "昭苏镇" in text
    assert len({line for line in text.splitlines() if "/tests/fixtures/probe/zzz" in line and "_zhaosu_" in line}) == 3
    assert "{" not in text.replace("{\"doc\"", "")


def test_a_probe_pick_fills_up_with_a_provinces_second_county_and_a_bad_assignment_is_named(tmp_path):
    new_round = _probe_script("new_round")
    counties = [("410101", "甲县"), ("410102", "乙县"), ("520101", "丙县"), ("410103", "丁县")]
    assert new_round.spread(counties, 2) == [("410101", "甲县"), ("520101", "丙县")]
    assert new_round.spread(counties, 3) == [("410101", "甲县"), ("520101", "丙县"), ("410102", "乙县")]
    assert len(new_round.spread(counties, 9)) == 4
    with pytest.raises(SystemExit, match="'zzz:4101'"):
        new_round.prompts(922, ["zzz:4101"], tmp_path, stem="x")
