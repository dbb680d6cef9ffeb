"""Administrative-division gazetteer: province, city, county, town.

Loaded once per process from ``divisions.tsv`` next to this module, which
``scripts/build_gazetteer.py`` generates from a maintained package's data
(see docs/gazetteer.md). Codes are strings: six digits (GB/T 2260 style) for
province, city and county, nine digits (statistical code) for towns; twelve-
digit statistical codes are accepted and shortened.

    gz = Gazetteer.load()
    gz.by_code("410700").name                     # '新乡市'
    gz.resolve("三井街道", context_codes=["320400"]).parent   # '320411' (新北区)
    gz.resolve("鼓楼区")                           # None: several cities have one

Municipalities (北京, 天津, 上海, 重庆) have a province entry (110000) and a
city-level entry of the same name (110100) that parents their districts, so
every county has a city; ``resolve`` folds the pair to the province.
Counties administered directly by a province (济源市, 仙桃市, 五指山市, ...)
have the province as parent and no city.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

DEFAULT_PATH = Path(__file__).with_name("divisions.tsv")
# common names (大通县) of autonomous divisions whose short form another division shares
COMMON_NAMES_PATH = Path(__file__).with_name("division_common_names.tsv")
LEVELS = ("province", "city", "county", "town")
_RANK = {lv: i for i, lv in enumerate(LEVELS)}


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    level: str  # province | city | county | town
    parent: str | None  # parent code; None for provinces
    short: str | None  # name without its generic suffix, only where unambiguous


def normalize_code(code: str | int) -> str:
    """'410700000000' -> '410700', '320411002000' -> '320411002'."""
    s = str(code).strip()
    if len(s) == 12 and s.isdigit():
        if s.endswith("000000"):
            return s[:6]
        if s.endswith("000"):
            return s[:9]
    return s


class Gazetteer:
    """In-memory index over the divisions. Build with ``Gazetteer.load()``."""

    def __init__(self, divisions: Iterable[Division], path: Path | None = None,
                 common_names: Iterable[tuple[str, str]] = ()):
        self.path = path
        self._by_code: dict[str, Division] = {}
        self._children: dict[str, list[Division]] = {}
        self._by_name: dict[str, list[Division]] = {}
        self._by_short: dict[str, Division] = {}
        for d in divisions:
            self._by_code[d.code] = d
            if d.parent:
                self._children.setdefault(d.parent, []).append(d)
            self._by_name.setdefault(d.name, []).append(d)
            if d.short:
                self._by_short[d.short] = d
        # an autonomous prefecture or county is mostly written by its short name
        # and level (恩施州, 北川县): a full name too, where no division has it
        self._common: dict[str, Division] = {}
        for d in self._by_code.values():
            for full, level in (("自治州", "州"), ("自治县", "县")):
                if d.short and d.name.endswith(full) and d.short + level not in self._by_name:
                    self._common[d.short + level] = d
        for code, name in common_names:  # 大通县: 大通 is also 淮南市大通区
            if code in self._by_code and name not in self._by_name:
                self._common[name] = self._by_code[code]
        for name, d in self._common.items():
            self._by_name.setdefault(name, []).append(d)
        # Beijing's 地区 (四季青地区) are each a town or township: written 四季青镇
        self._written: set[tuple[str, Division]] = set()
        for d in list(self._by_code.values()):
            if d.level == "town" and d.name.endswith("地区") and not d.name.endswith("街道地区"):
                for level in ("镇", "乡"):
                    self._written.add((d.name[:-2] + level, d))
                    self._by_name.setdefault(d.name[:-2] + level, []).append(d)
            # a street named for its street (火车站街街道) is mostly written without the
            # street's 街 (火车站街道), where its county has no street of that name
            if d.level == "town" and d.name.endswith("街街道") and len(d.name) >= 5 and d.name[-4] != "大":
                written = d.name[:-3] + "街道"
                if not any(c.name == written for c in self._children.get(d.parent, ())):
                    self._written.add((written, d))
                    self._by_name.setdefault(written, []).append(d)

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Gazetteer":
        """The gazetteer from ``path`` (default: the packaged divisions.tsv),
        parsed once per process and path."""
        p = Path(path).resolve() if path is not None else DEFAULT_PATH
        return _load(str(p))

    @classmethod
    def parse(cls, lines: Iterable[str], path: Path | None = None,
              common_names: Iterable[str] = ()) -> "Gazetteer":
        divisions = []
        for line in lines:
            if not line or line[0] == "#":
                continue
            code, name, level, parent, short = line.rstrip("\n").split("\t")
            divisions.append(Division(code, name, level, parent or None, short or None))
        common = [tuple(line.rstrip("\n").split("\t")) for line in common_names if line.strip() and line[0] != "#"]
        return cls(divisions, path, common)

    # ------------------------------------------------------------------ access

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Division]:
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return isinstance(code, (str, int)) and normalize_code(code) in self._by_code

    def by_code(self, code: str | int) -> Division | None:
        return self._by_code.get(normalize_code(code))

    def lookup(self, name: str) -> list[Division]:
        """Divisions whose full name, or unambiguous short name, is ``name``;
        sorted by code."""
        name = name.strip()
        found = list(self._by_name.get(name, ()))
        d = self._by_short.get(name)
        if d is not None and d not in found:
            found.append(d)
        return sorted(found, key=lambda x: x.code)

    def ancestors(self, code: str | int) -> list[Division]:
        """Parent chain, nearest first, ending with the province."""
        out: list[Division] = []
        d = self.by_code(code)
        while d is not None and d.parent:
            d = self._by_code.get(d.parent)
            if d is None:
                break
            out.append(d)
        return out

    def children(self, code: str | int) -> list[Division]:
        return list(self._children.get(normalize_code(code), ()))

    def within(self, code: str | int, ancestor: str | int) -> bool:
        """True when ``code`` is ``ancestor`` or lies under it."""
        a = normalize_code(ancestor)
        c = normalize_code(code)
        return c == a or any(x.code == a for x in self.ancestors(c))

    def city_of(self, code: str | int) -> Division | None:
        """The prefecture-level (city) ancestor, or the division itself.

        A division with no city above it (a province, or a county-level city
        administered directly by its province such as 济源市) gives its
        highest non-province ancestor-or-self: a town of 济源市 gives 济源市.
        """
        d = self.by_code(code)
        if d is None:
            return None
        chain = [d, *self.ancestors(d.code)]
        for x in chain:
            if x.level == "city":
                return x
        below = [x for x in chain if x.level != "province"]
        return below[-1] if below else d

    def province_of(self, code: str | int) -> Division | None:
        d = self.by_code(code)
        if d is None:
            return None
        chain = [d, *self.ancestors(d.code)]
        return chain[-1]

    # ------------------------------------------------------------------ resolution

    def resolve(self, name: str, context_codes: Iterable[str | int | Division] = ()) -> Division | None:
        """The one division ``name`` denotes, or None.

        Candidates are ``lookup(name)``; a municipality's province/city pair
        counts as one (the province). With several left, the candidates under
        the most specific context division(s) (the document's county, city,
        province...) are kept; None if that is not exactly one.
        """
        cands = self._fold_nested(self.lookup(name))
        if len(cands) <= 1:
            return cands[0] if cands else None
        contexts = []
        for c in context_codes:
            d = c if isinstance(c, Division) else self.by_code(c)
            if d is not None:
                contexts.append(d)
        for rank in sorted({_RANK[d.level] for d in contexts}, reverse=True):
            scope = [d.code for d in contexts if _RANK[d.level] == rank]
            under = [x for x in cands if any(self.within(x.code, s) for s in scope)]
            if under:
                return under[0] if len(under) == 1 else None
        return None

    def _fold_nested(self, cands: list[Division]) -> list[Division]:
        if len(cands) < 2:
            return cands
        codes = {d.code for d in cands}
        return [d for d in cands if not any(a.code in codes for a in self.ancestors(d.code))]

    def names(self) -> Iterator[tuple[str, Division]]:
        """Every (surface, division) pair for dictionary matching: full names of
        all levels, and the unambiguous short names (province, city, county)."""
        for d in self._by_code.values():
            yield d.name, d
            if d.short:
                yield d.short, d
        yield from self._common.items()
        yield from sorted(self._written, key=lambda pair: pair[1].code + pair[0])

    def official_name(self, surface: str) -> str:
        """The official name of a division written by its common name (黔东南州 ->
        黔东南苗族侗族自治州); any other surface as it is."""
        d = self._common.get(surface)
        return d.name if d is not None else surface

    def canonical_name(self, surface: str, d: Division) -> str:
        """The name a mention of d is known by: its official name, but the way a
        Beijing 地区 is written (四季青镇 for 四季青地区)."""
        return surface if (surface, d) in self._written else d.name

    def is_full_name(self, surface: str, d: Division) -> bool:
        """Whether a surface of `names()` names the division in full (恩施州 does,
        恩施 does not)."""
        return surface == d.name or self._common.get(surface) is d or (surface, d) in self._written


@functools.lru_cache(maxsize=None)
def _load(path: str) -> Gazetteer:
    p = Path(path)
    common = COMMON_NAMES_PATH.read_text(encoding="utf-8").splitlines() if p == DEFAULT_PATH else []
    with p.open(encoding="utf-8") as fh:
        return Gazetteer.parse(fh, p, common)


def load(path: str | Path | None = None) -> Gazetteer:
    """Shortcut for ``Gazetteer.load``."""
    return Gazetteer.load(path)
