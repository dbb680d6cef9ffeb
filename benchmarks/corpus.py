"""A synthetic corpus in the genre of the bundled samples, of any size.

Each generated document is one of the bundled sample documents (decoded and
normalized), with one or two paragraphs borrowed from another sample, and
with its entities and numbers substituted:

* the sample's city, its short name, its province and the districts/counties
  it names become a city drawn from ``kg/resources/divisions.tsv`` (all 300+
  prefecture-level cities), that city's province and its own districts;
* names in quotes (“青翼家园”, mostly programs and campaigns) become names
  from a pool shared by all documents, so programs recur across cities;
* person names after a post title are drawn from common surnames;
* numbers become other numbers of the same shape (digits, decimals), except
  years, months, days, ages and ordinals, so every document reports
  different figures.

The output is deterministic for a given (n, seed). Used by the benchmarks
(`python -m benchmarks.run`) and by tests that need many documents.

    from benchmarks.corpus import write_corpus
    paths, chars = write_corpus("/tmp/corpus", 200)
"""
from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass
from pathlib import Path

DIVISIONS = Path(__file__).resolve().parents[1] / "kg" / "resources" / "divisions.tsv"

PROGRAM_PREFIXES = ("暖心", "阳光", "同心", "安康", "幸福", "春雨", "红烛", "护苗", "银龄", "邻里",
                    "守望", "晨曦", "向阳", "青苗", "爱心", "颐养", "康乐", "融情", "和美", "启航")
PROGRAM_SUFFIXES = ("家园", "驿站", "工程", "行动", "计划", "课堂", "食堂", "之家", "服务站", "成长营")
GIVEN_CHARS = "思远嘉禾晓岚明哲立新慧敏建国志强丽华海燕文杰春梅秀英德明玉兰晨阳子涵俊峰雅琴"

RE_QUOTED = re.compile(r"“([\u4e00-\u9fff]{2,8})”")
RE_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
# a number followed by these is a date part, an age or an identifier: kept
KEEP_AFTER = ("年", "月", "日", "号", "岁", "周岁", "时", "点", "届", "次会议", "期")
POSTS = ("副书记", "书记", "局长", "副局长", "主任", "副主任", "理事长", "副理事长", "副市长", "市长")
RE_PERSON = re.compile("(" + "|".join(sorted(POSTS, key=len, reverse=True)) + r")([\u4e00-\u9fff]{2,3})(?=[，、。（(介表说出主])")


@dataclass(frozen=True)
class City:
    code: str
    name: str
    short: str
    province: str
    counties: tuple[tuple[str, str], ...]  # (name, short)


@functools.lru_cache(maxsize=1)
def cities() -> tuple[City, ...]:
    rows = []
    for line in DIVISIONS.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t") + [""] * 5
        code, name, level, parent, short = parts[:5]
        if level in ("province", "city", "county"):
            rows.append((code, name, level, parent, short))
    provinces = {c: n for c, n, lv, _, _ in rows if lv == "province"}
    counties: dict[str, list[tuple[str, str]]] = {}
    for code, name, level, parent, short in rows:
        if level == "county" and len(name) >= 3:
            counties.setdefault(parent, []).append((name, short or ""))
    out = []
    for code, name, level, parent, short in rows:
        if level != "city" or len(counties.get(code, ())) < 3 or name == provinces.get(parent):
            continue
        if not short:
            short = name[:-1] if name.endswith("市") and len(name) >= 3 else ""
        out.append(City(code, name, short, provinces.get(parent, ""), tuple(counties[code])))
    return tuple(out)


@dataclass(frozen=True)
class Sample:
    name: str
    paragraphs: tuple[str, ...]
    city: City | None
    counties: tuple[tuple[str, str], ...]  # the sample city's counties that the text names


def _decode_sample(path: Path) -> str:
    from kg.ingest import read_document
    from kg.text import normalize

    try:
        raw = read_document(str(path), path.name).raw_text
    except Exception:  # noqa: BLE001 - fall back to the encoding the file name states
        data = path.read_bytes()
        for enc in ("utf-8", "gb18030", "big5hkscs"):
            try:
                raw = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raw = data.decode("utf-8", "replace")
    return normalize(raw).text


@functools.lru_cache(maxsize=1)
def samples() -> tuple[Sample, ...]:
    from kg.api import samples_dir

    out = []
    for path in sorted(samples_dir().iterdir()):
        if path.name.startswith(".") or path.suffix not in (".txt", ".html", ".htm", ".md"):
            continue
        text = _decode_sample(path)
        paragraphs = tuple(p.strip() for p in text.split("\n") if p.strip())
        best, best_n = None, 0
        for c in cities():
            n = text.count(c.name) * 3 + (text.count(c.short) if c.short else 0)
            if n > best_n:
                best, best_n = c, n
        named = tuple((n, s) for n, s in best.counties if n in text) if best else ()
        out.append(Sample(path.name, paragraphs, best, named))
    return tuple(out)


def _substitute(text: str, sample: Sample, city: City, rng: random.Random, programs: dict[str, str]) -> str:
    mapping: dict[str, str] = {}
    if sample.city is not None:
        mapping[sample.city.name] = city.name
        if sample.city.short and city.short:
            mapping[sample.city.short] = city.short
        if sample.city.province and city.province and sample.city.province != city.province:
            mapping[sample.city.province] = city.province
            mapping[sample.city.province[:-1]] = city.province[:-1]
        targets = list(city.counties)
        rng.shuffle(targets)
        for (name, short), (new, new_short) in zip(sample.counties, targets):
            mapping[name] = new
            if short and new_short and len(short) >= 2:
                mapping[short] = new_short
    if mapping:
        pattern = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)))
        text = pattern.sub(lambda m: mapping[m.group()], text)

    def program(m: re.Match) -> str:
        old = m.group(1)
        if old not in programs:
            programs[old] = rng.choice(PROGRAM_PREFIXES) + rng.choice(PROGRAM_SUFFIXES)
        return f"“{programs[old]}”"

    text = RE_QUOTED.sub(program, text)
    text = RE_PERSON.sub(lambda m: m.group(1) + _person(rng, len(m.group(2))), text)
    return RE_NUMBER.sub(lambda m: _number(m, text, rng), text)


@functools.lru_cache(maxsize=1)
def _surnames() -> tuple[str, ...]:
    path = DIVISIONS.with_name("surnames.txt")
    names = [w for line in path.read_text("utf-8").splitlines() if not line.startswith("#") for w in line.split()]
    return tuple(n for n in names if len(n) == 1)[:100]


def _person(rng: random.Random, length: int) -> str:
    return rng.choice(_surnames()) + "".join(rng.choice(GIVEN_CHARS) for _ in range(max(1, length - 1)))


def _number(m: re.Match, text: str, rng: random.Random) -> str:
    s = m.group()
    after = text[m.end():m.end() + 4]
    before = text[max(0, m.start() - 1):m.start()]
    if before in ("第", "~", "～", "至") or after.startswith(KEEP_AFTER) or (len(s) == 4 and s[:2] in ("19", "20")):
        return s
    whole, _, frac = s.partition(".")
    d = len(whole)
    new = str(rng.randint(10 ** (d - 1) if d > 1 else 1, 10 ** d - 1))
    if frac:
        new += "." + "".join(str(rng.randint(0, 9)) for _ in range(len(frac) - 1)) + str(rng.randint(1, 9))
    return new


def document(i: int, seed: int = 0) -> tuple[str, str]:
    """The i-th generated document: (file name, text)."""
    rng = random.Random(seed * 1_000_003 + i)
    pool = samples()
    sample = pool[i % len(pool)]
    city = rng.choice(cities())
    programs: dict[str, str] = {}
    paragraphs = [_substitute(p, sample, city, rng, programs) for p in sample.paragraphs]
    for _ in range(rng.randint(1, 2)):
        other = pool[rng.randrange(len(pool))]
        body = other.paragraphs[3:] or other.paragraphs
        borrowed = _substitute(rng.choice(body), other, city, rng, programs)
        paragraphs.insert(rng.randint(min(3, len(paragraphs)), len(paragraphs)), borrowed)
    return f"{i:05d}_{city.code}.txt", "\n\n".join(paragraphs) + "\n"


def generate(n: int, seed: int = 0):
    """Yield (file name, text) for n documents."""
    for i in range(n):
        yield document(i, seed)


def write_corpus(folder, n: int, seed: int = 0, start: int = 0) -> tuple[list[Path], int]:
    """Write documents start..start+n-1 as UTF-8 .txt files into `folder`;
    returns (paths, total characters)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths, chars = [], 0
    for i in range(start, start + n):
        name, text = document(i, seed)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        chars += len(text)
    return paths, chars
