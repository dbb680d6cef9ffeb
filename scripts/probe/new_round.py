"""Prompts for probe readers (docs/probe-history.md).

    python scripts/probe/new_round.py --pick 8 --seed 1     # 8 counties, of 8 provinces, no probe document names
    python scripts/probe/new_round.py 922 ahz:654026 ...    # write prompt_ahz.md … for rounds 922 …

Each prompt asks one reader, who has not seen the rules, for three documents of
three genres drawn from genres.tsv (seeded by the round) about one county, and their
gold files by the design files alone; the county's towns come from the gazetteer.
File names take the county's name in pinyin (pypinyin, if installed; else --stem)."""
from __future__ import annotations

import argparse
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
# city rows of the divisions data that hold counties no city governs: their province stands in
_NO_CITY = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def _gazetteer():
    import sys
    sys.path.insert(0, str(REPO))
    from kg.resources.gazetteer import load
    return load()


def pick(n: int, seed: int) -> list[tuple[str, str]]:
    """n counties (县 or 旗) with five towns or more whose names no probe document holds, of
    n provinces where that many provinces still have one, else some of them of one province;
    where fewer than n such counties are left, county-level cities (市) of the same kind."""
    gaz = _gazetteer()
    probe = "".join(p.read_text(encoding="utf-8", errors="ignore") for p in (REPO / "tests/fixtures/probe").glob("*.txt"))
    kinds = ([], [])
    for d in gaz:
        if (d.level == "county" and d.name.endswith(("县", "旗", "市")) and len(gaz.children(d.code)) >= 5
                and len(d.short or d.name[:-1]) >= 2 and (d.short or d.name[:-1]) not in probe and d.name not in probe):
            kinds[d.name.endswith("市")].append((d.code, d.name))
    for counties in kinds:
        random.Random(seed).shuffle(counties)
    first = spread(kinds[0], n)
    return first + spread(kinds[1], n - len(first))


def spread(counties: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    """The first n (code, name) of counties, one a province (the code's first two
    digits) while provinces last; then the next ones whatever their province."""
    out, provinces = [], set()
    for code, name in counties:
        if code[:2] not in provinces and len(out) < n:
            provinces.add(code[:2])
            out.append((code, name))
    picked = {code for code, _ in out}
    return out + [c for c in counties if c[0] not in picked][:n - len(out)]


def prompts(first_round: int, assignments: list[str], out: Path, stem: str | None = None) -> list[Path]:
    gaz = _gazetteer()
    genres = [line.rstrip("\n").split("\t") for line in (HERE / "genres.tsv").open(encoding="utf-8")]
    template = (HERE / "prompt_template.md").read_text(encoding="utf-8")
    written = []
    for k, arg in enumerate(assignments):
        prefix, _, code = arg.partition(":")
        county = gaz.by_code(code) if code else None
        if not prefix or county is None or county.level != "county":
            raise SystemExit(f"new_round.py: {arg!r}: not PREFIX:COUNTY_CODE of a county in the gazetteer")
        city, province = gaz.city_of(code), gaz.province_of(code)
        city_name = province.name if city is None or city.name in _NO_CITY or city.code == county.code else city.name
        short = county.short or county.name.rstrip("县")
        if stem is None:
            from pypinyin import lazy_pinyin  # only to name the files
            word = "".join(lazy_pinyin(short))
        else:
            word = stem
        round_no = first_round + k
        chosen = random.Random(round_no * 7919).sample(genres, 3)
        fields = {"{ROUND}": str(round_no), "{COUNTY}": county.name, "{COUNTY_FULL}": county.name, "{CITY}": city_name,
                  "{PROVINCE}": province.name, "{PX}": prefix, "{PINYIN}": word,
                  "{TOWNS}": "、".join(t.name for t in gaz.children(code)[:40]),
                  "{EXAMPLE}": "afe1_anren_yanglao", "{REPO}": str(REPO), "{SHARED}": str(REPO.parent / "shared")}
        for i, (slug, _, desc) in enumerate(chosen, 1):
            fields[f"{{SLUG{i}}}"], fields[f"{{DESC{i}}}"] = slug, desc
        text = template
        for key, value in fields.items():
            text = text.replace(key, value)
        path = out / f"prompt_{prefix}.md"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("round", nargs="?", type=int, help="the first round's number")
    ap.add_argument("assignments", nargs="*", help="PREFIX:COUNTY_CODE, one per reader")
    ap.add_argument("--pick", type=int, help="list this many counties instead")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=".", help="folder for the prompts")
    ap.add_argument("--stem", help="the word for the county in file names (default: its pinyin)")
    a = ap.parse_args(argv)
    if a.pick:
        for code, name in pick(a.pick, a.seed):
            print(code, name)
        return 0
    if a.round is None or not a.assignments:
        ap.error("give a round number and PREFIX:CODE assignments, or --pick N")
    for path in prompts(a.round, a.assignments, Path(a.out), a.stem):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
