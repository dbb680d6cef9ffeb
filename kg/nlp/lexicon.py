"""Rules, lexicons and gazetteers from kg/resources, loaded once per process.

Code holds the mechanism; every word list lives in a resource file. Loading
builds the automata and regexes the recognizers share.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as ir

import ahocorasick

from kg.charclass import MIDDLE_DOTS
from kg.resources.gazetteer import Gazetteer
from kg.text.lines import TABLE_HEAD


def _read(name: str) -> str:
    return ir.files("kg.resources").joinpath(name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    out = []
    for line in _read(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in _read(name).splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.rstrip("\n").split("\t"))
    return out


def _words(name: str) -> list[str]:
    return [w for line in _lines(name) for w in line.split()]


def _keyed_lines(name: str) -> dict[str, list[str]]:
    """A resource of keyed lines (@key word word …): each line's words by its first."""
    return {line.split()[0]: line.split()[1:] for line in _lines(name)}


def _keyed(lines: list[str], key: str) -> list[str]:
    """The words after @key on the lines of a resource that open with it."""
    return [w for line in lines if line.split()[0] == "@" + key for w in line.split()[1:]]


def _unkeyed(lines: list[str]) -> list[str]:
    """The words of the lines of a resource that open with no @key."""
    return [w for line in lines if not line.startswith("@") for w in line.split()]


_UNIT_MARKS = {"/": "/／", "·": MIDDLE_DOTS}  # a rate's slash and a compound unit's dot, as documents write them


def _mark_variants(unit: str) -> set[str]:
    """The unit written with each other form of its slash and dot (元/人·月: 元／人•月 …)."""
    variants = {""}
    for ch in unit:
        variants = {v + alt for v in variants for alt in _UNIT_MARKS.get(ch, ch)}
    return variants - {unit}


def alternation(words) -> str:
    """A regex alternation of the words, longest first (a shorter word never wins over one it begins)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _guarded_alternation(words, inside) -> str:
    """As alternation, but a word does not match where it stands inside one of
    `inside` (等 in 高等)."""
    def guarded(w: str) -> str:
        guards = []
        for host in inside:
            k = host.find(w)
            if k >= 0:
                before, after = host[:k], host[k + len(w):]
                guards.append("(?!" + (f"(?<={re.escape(before)})" if before else "") + re.escape(w + after) + ")")
        return "".join(guards) + re.escape(w)
    return "|".join(guarded(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _automaton(words) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for w in set(words):
        a.add_word(w, w)
    a.make_automaton()
    return a


def _char_class(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _runs_with_final(words) -> re.Pattern:
    """Maximal runs of characters that occur in `words` and contain a character
    that ends one of them: the only stretches of text where an automaton of the
    words can find anything (see kg.nlp.recognize.locations.find_place_names)."""
    chars = {c for w in words for c in w}
    finals = {w[-1] for w in words}
    word_char, final = _char_class(chars), _char_class(finals)
    # the first two classes are disjoint, so the greedy scan never backtracks into a final
    return re.compile(f"(?<!{word_char}){_char_class(chars - finals)}*{final}{word_char}*")


def heads_by_end(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, str]]:
    """(end, head) for the longest head word ending at each position, in text order."""
    best: dict[int, str] = {}
    for end_idx, head in automaton.iter(text):
        if len(head) > len(best.get(end_idx + 1, "")):
            best[end_idx + 1] = head
    return sorted(best.items())


class Words:
    """A word list looked up at the ends of a string by slicing, a few set
    lookups instead of a startswith/endswith per word."""

    def __init__(self, words) -> None:
        self.words = frozenset(words)
        self.lengths = sorted({len(w) for w in self.words}, reverse=True)
        by_first: dict[str, set[int]] = {}
        for w in self.words:
            if w:
                by_first.setdefault(w[0], set()).add(len(w))
        self._by_first = {c: tuple(sorted(ns, reverse=True)) for c, ns in by_first.items()}

    def has_prefix(self, s: str) -> bool:
        """Whether a (non-empty) word starts s."""
        return bool(s) and self._starts_at(s, 0)

    def starts(self, s: str) -> set[int]:
        """Where (non-empty) words occur in s: their start indices."""
        words, by_first, size = self.words, self._by_first, len(s)
        out = set()
        for k in range(size):
            for n in by_first.get(s[k], ()):
                if k + n <= size and s[k:k + n] in words:
                    out.add(k)
                    break
        return out

    def _starts_at(self, s: str, k: int) -> bool:
        for n in self._by_first.get(s[k], ()):
            if k + n <= len(s) and s[k:k + n] in self.words:
                return True
        return False

    def longest_prefix(self, s: str) -> str | None:
        for n in self.lengths:
            if n <= len(s) and s[:n] in self.words:
                return s[:n]
        return None

    def longest_suffix(self, s: str, min_len: int = 0) -> str | None:
        for n in self.lengths:
            if min_len <= n <= len(s) and s[len(s) - n:] in self.words:
                return s[len(s) - n:]
        return None

    def shortest_prefix_ending_in_word(self, s: str, min_len: int = 0) -> str | None:
        """The shortest s[:k] (k >= min_len) that ends with a word."""
        for k in range(min_len, len(s) + 1):
            for n in self.lengths:
                if n <= k and s[k - n:k] in self.words:
                    return s[:k]
        return None


@dataclass(frozen=True)
class OrgBody:
    surface: str
    full: str
    kind: str


@dataclass(frozen=True)
class Unit:
    unit: str
    kind: str
    not_after: str
    not_before: str = ""  # characters right before the number that show it is no count of this unit


def _listed_in_full_regex(heads) -> re.Pattern:
    """A 、-list of names each ending in one of heads, the last whatever follows it."""
    any_head = alternation(heads)
    return re.compile(r"(?:[\u4e00-\u9fff]{2,10}?(?:" + any_head + r")、)+[\u4e00-\u9fff]{2,6}?(?:" + any_head + r")")


class Lexicon:
    """All vocabulary the recognizers use, compiled once."""

    def __init__(self) -> None:
        self.gazetteer = Gazetteer.load()
        # Locations: full names of every level for mentions; short names (新乡,
        # 江苏) only as evidence that a name is proper.
        self.place_automaton = ahocorasick.Automaton()
        self.short_places: set[str] = set()
        full_names: set[str] = set()
        for surface, div in self.gazetteer.names():
            if self.gazetteer.is_full_name(surface, div):
                self.place_automaton.add_word(surface, surface)
                full_names.add(surface)
            else:
                self.short_places.add(surface)
        self.short_places -= set(_words("short_place_stop.txt"))  # common words (新建, 合作)
        self.division_common_words = frozenset(_words("division_common_words.txt"))  # 老城区
        self.place_automaton.make_automaton()
        self.place_run_re = _runs_with_final(full_names)
        self.short_place_automaton = _automaton(self.short_places) if self.short_places else None
        # the same names for prefix checks on short strings, where a lookup per
        # length beats the automaton (slow per character with this many names)
        self.place_words = Words(full_names)
        self.full_place_names = frozenset(full_names)
        self.province_names = Words(surface for surface, div in self.gazetteer.names() if div.level == "province")
        self.short_place_words = Words(self.short_places)

        self.org_bodies = {r[0]: OrgBody(r[0], r[1], r[2]) for r in _rows("org_bodies.tsv")}
        field_lines = _lines("department_fields.txt")
        fields, ends = alternation(_unkeyed(field_lines)), alternation(_keyed(field_lines, "ends"))
        # two or more fields before 局: a department org_bodies.tsv does not list
        self.department_re = f"(?:{fields})(?:[和与]?(?:{fields})){{1,5}}(?:{ends})"
        self._department = re.compile(self.department_re)
        # institution suffix -> parent name templates, longest institution first
        self.org_demonstratives = {r[0]: tuple(r[1].split("|")) for r in _rows("org_demonstratives.tsv")}
        self.affiliated_bodies = sorted(((r[0], tuple(r[1].split("|"))) for r in _rows("affiliated_bodies.tsv")),
                                        key=lambda r: (-len(r[0]), r[0]))
        self.org_own_body_tails = tuple(_words("org_own_bodies.txt"))
        self.org_name_conjunctions = frozenset(_words("org_name_conjunctions.txt"))
        # a body's surface that a word after it shows to be part of another word (人大代表: deputies)
        not_before = {r[0]: r[3] for r in _rows("org_bodies.tsv") if len(r) > 3 and r[3]}
        self.org_body_re = "|".join(
            [self.department_re]
            + [re.escape(w) + (f"(?!{alternation(not_before[w].split('|'))})" if w in not_before else "")
               for w in sorted(self.org_bodies, key=lambda w: (-len(w), w))])
        self.org_body_pattern = re.compile(self.org_body_re)
        self.org_suffixes = {r[0]: (int(r[1]), r[2]) for r in _rows("org_suffixes.tsv")}
        self.media_suffixes = tuple(w for w, (_, kind) in self.org_suffixes.items() if kind == "media")
        self.org_generic_modifier_re = re.compile(alternation(_words("org_generic_modifiers.txt")))
        group_lines = _lines("org_group_heads.txt")
        self.org_group_heads = tuple(_unkeyed(group_lines))
        self.org_group_starts = tuple(_keyed(group_lines, "starts"))
        self.org_group_bodies = tuple(_keyed(group_lines, "bodies"))
        self.org_suffix_not_after = {r[0]: (r[3] if len(r) > 3 else "") for r in _rows("org_suffixes.tsv")}
        self.org_suffix_automaton = _automaton(self.org_suffixes)
        self.org_suffix_tuple = tuple(self.org_suffixes)
        self.org_names = {r[0]: (r[1], r[2]) for r in _rows("org_names.tsv")}
        self.org_name_automaton = _automaton(self.org_names)
        self.org_name_words = Words(self.org_names)
        self.org_name_continuations = frozenset(w for w in _words("org_name_continuations.txt") if len(w) == 1)
        self.org_name_straddles = frozenset(w for w in _words("org_name_continuations.txt") if len(w) == 2)
        self.boundaries = sorted(set(_lines("org_boundaries.txt")), key=lambda w: (-len(w), w))
        self.boundary_re = re.compile(_guarded_alternation(self.boundaries, _words("org_boundary_inside.txt")))
        self.org_never_inside = frozenset(_words("org_never_inside.txt"))
        self.sub_unit_follow_re = re.compile(r"(?:$|[\s，。、；：:（(）)]|" + alternation(_words("sub_unit_follow.txt")) + ")")
        self.body_committees = {r[0]: (r[1], tuple(r[2]) if len(r) > 2 else ()) for r in _rows("body_committees.tsv")}
        bare = _rows("bare_sub_units.tsv")
        # 社会救助股股长: a department named without its body, right before its head's post
        self.bare_sub_unit_posts = {r[0]: tuple(r[1].split("|")) for r in bare}
        self.bare_sub_unit_re = re.compile(r"(?<![\u4e00-\u9fff])(?P<unit>[\u4e00-\u9fff]{2,8}?(?P<head>"
                                           + "|".join(re.escape(r[0]) for r in bare) + r"))[ \u3000]?(?="
                                           + alternation([p for posts in self.bare_sub_unit_posts.values() for p in posts])
                                           + ")")
        self.bare_sub_unit_parents = {r[0]: tuple(r[2].split("|")) for r in bare}
        # 医政医管股牵头…, 疾病预防控制股、妇幼健康股和老龄健康股按季度…: sections of four
        # characters or more opening a clause, before what they do (or, two or more, before 等)
        # (no 股 or 科 inside but first: 针灸科建成市级重点专科 is no section; 科技教育科 is)
        section = r"[\u4e00-\u9fff](?:(?![股科])[\u4e00-\u9fff]){2,9}?[股科]"
        section_lines = _keyed_lines("bare_sub_unit_acts.txt")
        # 委基层卫生健康股: the body's own section, called by its one-character mark (mark -> end of its name)
        self.own_section_marks = dict(w.split(":") for w in section_lines["@own_marks"])
        self.bare_section_re = re.compile(r"(?:(?<=[。；;，,、：:\n])|^)(?P<list>" + section + r"(?:[、和及与]" + section
                                          + r")*)(?P<after>[\u4e00-\u9fff]{0,4}?(?:" + alternation(section_lines["@acts"])
                                          + r")|等|[，。；、])", re.M)
        self.sub_unit_re = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:" + alternation(_words("sub_unit_heads.txt")) + ")")
        self.org_proper_prefixes = tuple(_lines("org_proper_prefixes.txt"))
        set_up = _keyed_lines("org_set_up.txt")
        # 成立[了][由…任组长的]<task>[工作]<head>: the task, four characters or more (not 的, 由 or 以)
        self.org_set_up_re = re.compile(
            r"(?:" + alternation(set_up["@verbs"]) + r")了?(?:[由以][^，。；;\n]{1,30}?(?:任|为)[^，。；;\n]{0,20}?的)?"
            r"(?P<name>(?P<task>[^\W\d_的由以]{4,28}?)(?:" + alternation(set_up["@task_tail"]) + ")?(?:"
            + alternation(set_up["@heads"]) + r"))(?![\u4e00-\u9fff])")
        self.org_set_up_task_tail = set_up["@task_tail"][0]
        self.org_set_up_generic = frozenset(set_up["@generic"])
        self.group_office_word = set_up["@office"][0]
        self.group_offices = tuple((head, head + self.group_office_word) for head in set_up["@office_of"])
        outlets = _keyed_lines("source_outlets.txt")
        self.source_outlet_re = re.compile(r"(?:" + alternation(outlets["@labels"]) + r")[：:][ \t\u3000]*"
                                           r"(?P<name>[\u4e00-\u9fff]{1,9}(?:" + alternation(outlets["@heads"])
                                           + r"))(?=[ \t\u3000\n0-9]|$)")
        self.source_outlet_not_ends = tuple(outlets["@not_ends"])

        self.program_suffixes = {r[0]: int(r[1]) for r in _rows("program_suffixes.tsv")}
        self.program_suffix_not_before = {r[0]: tuple(w for w in (r[2] if len(r) > 2 else "").split("|") if w)
                                          for r in _rows("program_suffixes.tsv")}
        self.program_name_heads = sorted(set(_lines("program_name_heads.txt")), key=lambda w: (-len(w), w))
        table_lines = _keyed_lines("table_rows.txt")
        self.table_row_heads = tuple(sorted(table_lines["@row_heads"], key=len, reverse=True))
        self.table_total_words = tuple(table_lines["@totals"])
        self.table_remark_heads = tuple(table_lines["@remarks"])
        self.unit_column_head_re = re.compile(r"(?:%s[ \t\u3000]+)?(?:%s)[ \t\u3000]*(?:%s)[ \t\u3000]+(?P<values>[^\d\n]{1,24})" % (
            TABLE_HEAD, alternation(table_lines["@indicator_columns"]), alternation(table_lines["@unit_columns"])))
        self.table_title_ends = tuple(sorted(table_lines["@title_ends"], key=len, reverse=True))
        self.table_title_scope = tuple(table_lines["@title_scope"])
        self.table_status_ends = tuple(table_lines["@status_ends"])
        self.table_money_heads = tuple(table_lines["@money_heads"])
        self.table_benefit_heads = tuple(table_lines["@benefit_heads"])
        self.table_people_heads = tuple(table_lines["@people_heads"])
        self.table_body_heads = tuple(table_lines["@body_heads"])
        self.table_people_units = frozenset(table_lines["@people_units"])
        self.table_site_heads = tuple(table_lines["@site_heads"])
        self.table_site_units = frozenset(table_lines["@site_units"])
        self.table_count_heads = dict(w.split(":") for w in table_lines["@count_heads"])
        self.table_count_words = tuple(self.table_count_heads)
        self.table_figure_heads = tuple(table_lines["@figure_heads"])
        self.table_share_heads = tuple(table_lines["@share_heads"])
        self.table_word_heads = tuple(table_lines["@word_heads"])
        self.table_part_heads = tuple(table_lines["@part_heads"])
        self.table_settlement_columns = tuple(sorted(table_lines["@settlement_columns"], key=len, reverse=True))
        self.table_settlement_cell_re = re.compile(
            r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,6}?(?:" + alternation(table_lines["@settlement_heads"])
            + r")(?![\u4e00-\u9fff])")
        person_columns = _keyed_lines("person_columns.txt")
        self.person_name_columns = frozenset(person_columns["@name"])
        self.person_post_columns = tuple(person_columns["@post"])
        self.person_post_name_columns = frozenset(person_columns["@holds_post"])
        self.person_sex_columns = frozenset(person_columns["@sex"])
        self.person_sex_values = tuple(person_columns["@sex_values"])
        item_lines = _lines("project_items.txt")
        closes = _keyed(item_lines, "close")
        self.program_label_words = frozenset(_words("program_labels.txt"))
        self.program_label_re = re.compile(r"(?:" + alternation(_words("program_labels.txt"))
                                           + r")[：:][ \t]*([^\n，。；;：:]{4,40})(?=[\n，。；;]|$)")
        self.project_list_re = re.compile(r"(?:等|[两三四五六七八九十\d]+项)(?:" + alternation(closes) + ")")
        self.project_item_ends = tuple(_unkeyed(item_lines))
        scheme_lines = _lines("assistance_schemes.txt")
        self.assistance_min_named = int(_keyed(scheme_lines, "min_named")[0])
        self.assistance_abbreviations = frozenset(_keyed(scheme_lines, "abbreviations"))
        self.assistance_passing_min_named = int(_keyed(scheme_lines, "passing_min_named")[0])
        self.assistance_placed_min_mentions = int(_keyed(scheme_lines, "placed_min_mentions")[0])
        self.assistance_schemes = frozenset(_unkeyed(scheme_lines))
        self.program_not_contain = re.compile(alternation(_lines("program_not_contain.txt")))
        self.program_manner_ends = tuple(_words("program_manner_ends.txt"))
        self.program_campaign_moves = tuple(_words("program_campaign_moves.txt"))
        self.program_site_heads = tuple(_words("program_site_heads.txt"))
        self.national_programs: dict[str, str] = {}
        for r in _rows("national_programs.tsv"):
            for alias in [r[0], *(r[1].split("|") if len(r) > 1 else [])]:
                self.national_programs[alias] = r[0]
        self.national_program_automaton = _automaton(self.national_programs)
        self.counted_programs = frozenset(r[0] for r in _rows("national_programs.tsv") if r[2:] == ["counted"])
        self.place_heads = {r[0]: r[1] == "1" for r in _rows("place_heads.tsv")}
        self.zone_heads = frozenset(r[0] for r in _rows("place_heads.tsv") if r[2:] == ["1"])
        self.zone_short_forms = {r[0]: (r[1], r[2] == "full") for r in _rows("zone_short_forms.tsv")}
        # a village or community after a town, then after each 、 of its list
        self.settlement_re = re.compile(r"、?(?P<name>[\u4e00-\u9fff]{2,4}?(?:" + alternation(_words("settlement_heads.txt")) + "))")
        self.settlement_heads = tuple(_words("settlement_heads.txt"))
        not_start = _keyed_lines("settlement_not_start.txt")
        numerals = "".join(not_start["@numerals"])
        self.settlement_not_start_re = re.compile(
            "[" + "".join(not_start["@never"]) + "]|[" + numerals + "]+(?:[" + "".join(not_start["@counters"])
            + "]|(?:" + alternation(_words("settlement_heads.txt") + _words("town_heads.txt")) + ")$)")
        self.town_heads = tuple(_words("town_heads.txt"))
        local = _rows("local_bodies.tsv")
        self.local_bodies: dict[str, list[tuple[str, str, bool]]] = {}
        for levels, short, template, bare in (r for r in local if not r[0].startswith("@")):
            for level in levels.split("|"):
                self.local_bodies.setdefault(level, []).append((short, template, bare == "1"))
        for forms in self.local_bodies.values():
            forms.sort(key=lambda f: -len(f[0]))
        chars = {r[0]: frozenset("".join(r[1].split())) for r in local if r[0].startswith("@")}
        self.local_body_not_after, self.local_body_openers = chars["@not_after"], chars["@openers"]
        self.town_re = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4}?(?:" + alternation(_words("town_heads.txt")) + "))")
        # after a cue word, after another community in a 、-list, or right after a
        # community (琵琶亭社区滨江花园小区: the compound inside it)
        self.community_heads = tuple(_words("community_heads.txt"))
        self.community_re = re.compile(r"(?:(?<=" + ")|(?<=".join(re.escape(w) for w in _words("community_cues.txt"))
                                       + ")|" + "|".join(r"(?<=[\u4e00-\u9fff]" + h + "、)" for h in self.community_heads)
                                       + r"|(?<=[\u4e00-\u9fff]{2}社区))(?P<name>[\u4e00-\u9fff]{2,4}?(?:"
                                       + alternation(self.community_heads) + "))")
        self.community_generic_re = re.compile(alternation(_words("community_generic.txt")))
        self.place_generic_names = frozenset(_words("place_generic_names.txt"))
        self.listed_place_heads = {r[0]: r[1] for r in _rows("listed_place_heads.tsv")}
        heads_not_after = {r[0]: r[2] for r in _rows("listed_place_heads.tsv") if len(r) > 2}
        self.listed_places_re = re.compile(
            r"(?P<items>(?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,5})等(?:[0-9]+|[一二三四五六七八九十两几]+)?个?(?P<head>"
            + "|".join(re.escape(h) + (f"(?![{heads_not_after[h]}])" if h in heads_not_after else "")
                       for h in sorted(self.listed_place_heads, key=len, reverse=True)) + ")")
        self.listed_place_cues = tuple(_words("community_cues.txt") + _words("listed_place_cues.txt"))
        # towns named in full in a 、-list (在陆家镇、淀山湖镇等地), the last whatever follows it
        # (在小北街道、津桥街道建成: the shortest name ending in a town head)
        self.listed_towns_re = _listed_in_full_regex(self.town_heads)
        # villages and communities likewise (在郎家村、现龙村再开…)
        self.listed_settlements_re = _listed_in_full_regex(_words("settlement_heads.txt") + _words("community_heads.txt"))
        self.town_generic_ends = tuple(_words("town_generic_ends.txt"))
        self.place_head_automaton = _automaton(self.place_heads)
        self.program_suffix_automaton = _automaton(self.program_suffixes)
        self.program_suffix_tuple = tuple(self.program_suffixes)
        self.program_numeral_words = tuple(_words("program_numeral_words.txt"))
        self.program_description_re = re.compile(alternation(_words("program_description_words.txt")))
        self.program_quoted_suffixes = tuple(_words("program_quoted_suffixes.txt"))
        # every head a program's name may end in, longest first (its head word: 工坊 of 洞庭助残工坊)
        self.program_head_tuple = tuple(sorted((*self.program_suffixes, *self.program_quoted_suffixes), key=len,
                                               reverse=True))
        self.program_head_verbs = frozenset(_words("program_head_verbs.txt"))
        self.program_launch_verbs = tuple(_words("program_launch_verbs.txt"))
        self.program_heads = sorted(set(_lines("program_heads.txt")), key=lambda w: (-len(w), w))
        self.program_not_heads = sorted(set(_lines("program_not_heads.txt")), key=lambda w: (-len(w), w))
        self.program_stop = set(_lines("program_stop.txt"))
        self.program_head_words = Words(self.program_heads)
        # 低保、特困老年人: at most one list separator and a few characters before the people word
        self.program_people_after_re = re.compile(
            r"(?:[、及和与或](?:" + alternation(_words("program_people_list.txt")) + r"))?(?:等)?(?:困难)?(?:"
            + alternation(_words("program_people_after.txt")) + ")")
        program_count = (r"(?:[0-9]+|[一二两三四五六七八九十百千]+)余?(?:"
                         + alternation(_words("program_count_units.txt")) + ")")
        self.program_count_re = re.compile(program_count)
        self.program_count_before_re = re.compile(program_count + "$")  # 新增316张家庭养老床位
        self.program_not_head_words = Words(self.program_not_heads)
        self.program_name_tail_words = Words(list(self.program_suffixes) + self.program_name_heads)
        lead = alternation(w for w in _words("program_cut_words.txt") if len(w) > 1)
        self.program_lead_re = re.compile(
            "^(?:" + _guarded_alternation(_words("program_lead_words.txt") + _words("program_cut_words.txt"),
                                          _words("program_lead_inside.txt")) + ")+")
        self.program_lead_any_re = re.compile(lead)
        self.branch_suffixes = tuple(sorted(_words("branch_suffixes.txt"), key=lambda w: (-len(w), w)))
        self.program_lead_chars = frozenset(w for w in _words("program_lead_words.txt") if len(w) == 1)
        # any verb of two characters or more that may lead a name, wherever it stands
        self.program_verb_re = re.compile(alternation(
            w for w in _words("program_lead_words.txt") + _words("program_cut_words.txt") if len(w) > 1))
        self.program_tail_cut_re = re.compile(alternation(_words("program_tail_cut.txt")))
        # the honour's year may stand between the verb and its title (获评2023年度湖北省…优秀…项目)
        honor_year = "[“\"]?(?:(?:19|20)\\d{2}年度?)?[“\"]?$"
        self.award_before_re = re.compile("(?:" + alternation(_words("award_verbs.txt")) + ")" + honor_year)
        self.program_honor_before_re = re.compile("(?:" + alternation(_words("program_honor_verbs.txt")) + ")"
                                                  + honor_year)
        brands = json.loads(_read("brands.json"))["brands"]
        self.brands = [
            (b["canonical"], re.compile(b["pattern"]), re.compile(b["require_context"]) if b.get("require_context") else None)
            for b in brands
        ]
        self.brand_operators = {b["canonical"]: re.compile(b["operator"]) for b in brands if b.get("operator")}

        self.posts = sorted(set(_lines("posts.txt")), key=lambda w: (-len(w), w))
        self.post_re = alternation(self.posts)
        self.post_tuple = tuple(self.posts)
        # (a title may follow the name: 副院长彭志强教授担任…)
        self.post_holder_re = re.compile(r"(?:" + self.post_re + r")[\u4e00-\u9fff]{2,3}?(?:" + self.post_re + r")?(?:"
                                         + alternation(_words("post_holder_verbs.txt")) + ")")
        # 社区党委书记、居委会主任陈某: another body's post after a first one
        # (or the person's age: 志愿服务队队长、45岁的钱某)
        self.second_post_re = re.compile(r"、(?:[\u4e00-\u9fff]{1,6}?(?:" + self.post_re + r")|\d{1,3}岁的)")
        self.org_count_re = re.compile(
            r"(?:[0-9]+|[两几多数]|[一二三四五六七八九十]+)(?:" + alternation(_words("org_count_units.txt")) + ")")
        self.house_number_re = re.compile(r"[0-9]+(?:[-－—][0-9]+)?(?:" + alternation(_words("house_number_marks.txt")) + ")")
        # a body's name counted right after it (…街道综合养老服务中心2个，): a kind of body
        self.org_plural_count_re = re.compile(
            r"(?:[0-9]*[02-9]|[0-9]+0|[1-9][0-9]+|[两几多数]|[二三四五六七八九十][一二三四五六七八九十]*)(?:"
            + alternation(_words("org_count_units.txt")) + r")(?=[，。、；,;）)])")
        self.person_label_objects = tuple(_words("person_label_objects.txt"))
        self.person_contact_labels = tuple(_words("person_contact_labels.txt"))
        # a bracket's duty label and colon between a body and its post before a name
        # (市民政局（责任人：局长 李某）)
        self.body_post_label_re = re.compile(r"[（(](?:%s)[：:][ \t\u3000]*" % alternation(_words("person_duty_labels.txt")))
        self.person_cues = {r[0]: r[1] for r in _rows("person_cues.tsv")}
        self.person_cues_alone = {r[0] for r in _rows("person_cues.tsv") if len(r) > 2 and r[2] == "1"}
        self.person_cue_tuple = tuple(self.person_cues)
        self.person_label_colons = tuple(label + colon for label in self.person_cues for colon in "：:")
        self.person_cues_colon = {r[0] for r in _rows("person_cues.tsv") if len(r) > 3 and r[3] == "1"}
        self.posts_after_name = _lines("posts_after_name.txt")
        surnames = _words("surnames.txt")
        self.surnames_two = {s for s in surnames if len(s) == 2}
        self.surnames_one = {s for s in surnames if len(s) == 1}
        parts = _words("dotted_name_parts.txt")
        # part -> whether it may end a name (阿不都- never does)
        self.dotted_name_parts = {w.rstrip("-"): not w.endswith("-") for w in parts if not w.startswith("-")}
        self.dotted_name_suffixes = tuple(sorted((w[1:] for w in parts if w.startswith("-")), key=len, reverse=True))
        self.transliteration_chars = frozenset("".join(_words("transliteration_chars.txt")))
        stops = _words("name_stop.txt")
        self.name_stop = {w for w in stops if len(w) == 1}
        self.name_stop_words = tuple(w for w in stops if len(w) > 1)
        # words that start with a surname and are no name (关于, 农村, 高校), nor is a post (任组长)
        self.not_name_starts = tuple(_words("person_not_name_starts.txt"))
        self.not_given_names = tuple(_words("person_not_given_names.txt"))
        self.given_name_openers = frozenset(_words("person_given_name_openers.txt"))
        speakers_words = _words("person_speakers.txt")
        self.speaker_word_re = re.compile("|".join(
            [alternation(w for w in speakers_words if not w.startswith("*"))]
            # the ending alone is matched (what the word starts with does not matter, and a
            # pattern of ideographs before it would cost the scan its literal fast path);
            # …残疾员工: not where a listed word (员工) runs on from it
            + [re.escape(w[1:]) + "(?!" + alternation(
                x[len(w) - 1:] for x in speakers_words if x.startswith(w[1:]) and len(x) > len(w) - 1) + ")"
               for w in speakers_words if w.startswith("*")]))
        self.speech_verb_re = re.compile(alternation(_words("speech_verbs.txt")))
        # a post or a word for who someone is that ends a run of words (…心理咨询师, …儿童主任)
        self.describing_word_end_re = re.compile("(?:%s|%s)$" % (self.post_re, self.speaker_word_re.pattern))
        self.person_act_re = re.compile(alternation(_words("person_acts.txt")))
        # a label before its colon or at its line's end (评审专家（单一来源采购人员）名单：,
        # 六、磋商小组成员名单): the names follow on its line or on the next
        self.roster_label_re = re.compile("(?:" + alternation(_words("person_roster_labels.txt"))
                                          + r")(?:[：:][ \t\u3000]*|[ \t\u3000]*(?=\n))")
        self.speaker_name_end_re = re.compile(alternation(_words("person_acts.txt") + _words("speaker_name_ends.txt")))
        # what a person does, maybe after a particle (咨询师谭静的带领下)
        self.person_act_particles = tuple(_words("person_act_particles.txt"))
        self.faculty_parent_heads = tuple(_words("faculty_parent_heads.txt"))
        self.person_act_after_particle_re = re.compile("(?:%s)?(?:%s)" % (alternation(self.person_act_particles),
                                                                           self.person_act_re.pattern))
        self.word_surnames = frozenset(_words("surnames_also_words.txt"))
        self.org_system_prefixes = tuple(_words("org_system_prefixes.txt"))
        # longest first, so that 卓玛吉 is read before 卓玛
        self.name_syllables = tuple(sorted(set(_words("name_syllables.txt")), key=len, reverse=True))
        self.name_syllable_starts = frozenset(w[0] for w in self.name_syllables)
        # longest first, as the tuple: the syllable a scan of the tuple would find first
        self.name_syllable_re = re.compile("|".join(map(re.escape, self.name_syllables)))
        self.name_syllable_finals = frozenset(_words("name_syllable_finals.txt"))
        county_words = _keyed_lines("county_level_words.txt")
        self.county_not_bodies = tuple(county_words["@not_bodies"])
        self.county_name_ends = tuple(county_words["@name_ends"])
        self.leading_posts = tuple(_words("leading_posts.txt"))
        group_roles = alternation(_words("group_roles.txt"))
        self.group_role_verbs = tuple(_words("group_role_verbs.txt"))
        self.group_role_re = re.compile("(?:" + alternation(self.group_role_verbs) + ")(" + group_roles + ")")  # 由某某任组长
        self.group_role_by_re = re.compile("(" + group_roles + r")由")  # 组长由某某担任
        self.group_heads = tuple(_words("group_heads.txt"))
        self.person_affiliation_re = re.compile(alternation(_words("person_affiliations.txt")))
        self.address_forms = tuple(_words("person_address_forms.txt"))
        # the forms that follow a full name too (刘德明大爷): not a word for who someone is
        # (由低龄老人: 老人 is one, person_speakers.txt), nor the placeholder 某
        speakers = set(speakers_words)
        self.name_address_forms = tuple(f for f in self.address_forms if f not in speakers and f != "某")
        # one that is such a word too follows a full name only right after 的 or 和
        # (家住新康社区的刘淑珍老人说), since after a qualifier (由低龄老人) it is the qualifier's
        self.opened_name_address_forms = tuple(f for f in self.address_forms if f in speakers)
        self.name_openers = frozenset(_words("person_name_openers.txt"))

        # (a colloquial unit is reported as the standard one its fourth column names: 8块钱 is 8 元)
        self.units = {r[0]: Unit(r[3] if len(r) > 3 and r[3] else r[0], r[1], r[2] if len(r) > 2 else "",
                                 r[4] if len(r) > 4 else "")
                      for r in _rows("units.tsv")}
        # 50元／天, 1180元/人•月: the same unit written with another slash or dot
        self.units |= {variant: unit for written, unit in list(self.units.items())
                       for variant in _mark_variants(written) if variant not in self.units}
        self.unit_re = alternation(self.units)
        self.number_exclusions = [re.compile(r[0]) for r in _rows("number_exclusions.tsv")]
        deadlines = _keyed_lines("number_deadlines.txt")
        self.deadline_units = frozenset(deadlines["@units"])
        self.deadline_openers = tuple(deadlines["@before"])
        # (抄 送：, as a letter spaces it; a line ending on a comma goes on on the next)
        free_words = ("[ \\t\\u3000]*".join(w) for w in _words("number_free_lines.txt"))
        self.number_free_line_re = re.compile(r"^[ \t\u3000]*[（(]?(?:" + "|".join(free_words)
                                              + r")[^\n]*(?:[，、,]\n[^\n]*)*", re.MULTILINE)
        self.number_prefixes = {r[0]: (r[1] if len(r) > 1 else "") for r in _rows("number_prefixes.tsv")}
        self.indicator_trim = sorted(set(_lines("indicator_trim.txt")), key=lambda w: (-len(w), w))
        self.indicator_trim_set = frozenset(self.indicator_trim)
        # the list order (longest first) decides which word is cut; lookups by
        # rank and length find the same word without scanning the list
        self.indicator_trim_rank = {w: i for i, w in enumerate(self.indicator_trim)}
        self.indicator_trim_lengths = sorted({len(w) for w in self.indicator_trim})
        self.indicator_whole_words = frozenset(_words("indicator_whole_words.txt"))
        self.indicator_whole_lengths = sorted({len(w) for w in self.indicator_whole_words})
        self.count_verb_re = re.compile("^(?:" + alternation(_words("count_verbs.txt")) + ")(?:了)?$")
        self.city_scope_re = re.compile(alternation(_words("city_scope_words.txt")))
        self.county_scope_re = re.compile(alternation(_words("county_scope_words.txt")))
        self.province_scope_re = re.compile(alternation(_words("province_scope_words.txt")))
        # 各街道办事处, 全区街道综合养老服务中心: every unit of a kind, not one of them
        self.every_unit_before_re = re.compile("(?:各|" + alternation(
            _words("city_scope_words.txt") + _words("county_scope_words.txt") + _words("province_scope_words.txt")) + ")$")
        self.relation_cues = json.loads(_read("relation_cues.json"))
        # how a document's own body calls itself (我局), for its people's posts too
        # a word that joins another body to this one (联合, 会同 …), at the start of the words after it
        # 将“A”和“B”纳入市级民生实事: quoted items that a list frame puts on the year's projects
        frame = self.relation_cues["list_frame"]
        quoted_items = r"(?:[、和及与]?“[^“”。；\n]{1,24}”)*"
        self.project_frame_before_re = re.compile("(?:" + alternation(frame["open"]) + ")" + quoted_items + "[、和及与]?$")
        self.project_frame_after_re = re.compile(quoted_items + "(?:" + alternation(frame["close"]) + r")[^，。；\n]{0,10}(?:"
                                                 + alternation(closes) + ")")
        self.partner_cue_re = re.compile("(?:" + alternation(self.relation_cues["partner"]) + ")")
        self.town_offices = tuple(self.relation_cues["town_office"].values())  # 街道办事处, 镇人民政府
        self.self_body_re = re.compile(alternation(self.relation_cues["lead_assist"]["self"]))
        # 局党组书记、局长张某…: the bare kind at a clause's start
        self.self_clause_re = re.compile(r"(?:^|(?<=[。，；：\n]))(?:"
                                         + alternation(self.relation_cues["lead_assist"]["self_clause"]) + ")")
        # 以 … 为载体: what a body works through (see relation_cues.json "carrier")
        self.carrier_open = tuple(self.relation_cues["carrier"]["open"])
        self.carrier_close_re = re.compile(alternation(self.relation_cues["carrier"]["close"]))
        self.role_bodies = {r[0]: r[1] for r in _rows("role_bodies.tsv")}
        # a notice's title: 关于…的公示 (its issuers run the programs it names, kg/extract/notices.py)
        notice = self.relation_cues["notice_title"]
        self.notice_title_re = re.compile(r"(?P<about>" + alternation(notice["about"]) + r").*(?:"
                                          + alternation(notice["ends"]) + r")[ \t\u3000]*$")

    def org_body(self, surface: str) -> OrgBody | None:
        """The body a surface of org_body_re names: org_bodies.tsv's row, else a
        department built of fields (department_fields.txt), named in full."""
        body = self.org_bodies.get(surface)
        if body is None and self._department.fullmatch(surface):
            body = OrgBody(surface, surface, "department")
        return body

    def after_award(self, text: str, pos: int, floor: int = 0) -> bool:
        """Whether an award's verb (and its year) stands right before pos: a place
        there scopes the award (入选江苏省…, 获评2023年度湖北省…), not a program."""
        return self.award_before_re.search(text, max(floor, pos - _AWARD_REACH), pos) is not None


_AWARD_REACH = 10  # characters: 被评为, a quote and a year (获评2023年度)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return Lexicon()
