"""Patterns with a slot for the document's own place names, compiled once.

A rule such as `共青团(?P<place>{PLACE})委` used to be compiled per document with
the place names spelled out as an alternation (longest first); the names differ
per document, so `re` compiled every time (several percent of a build). Here the
names are found with str.find and only the rest of the pattern is a regex,
compiled once, matched right after each name. That finds exactly what
`re.finditer` over the spelled-out pattern finds: at each start, left to right,
the longest name after which the rest matches; no overlaps.

A template of another shape (a regex before the slot, or a back-reference to
it) is compiled per document as before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.nlp.lexicon import alternation

SLOT = "(?P<place>{PLACE})"


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    groups: dict  # named groups, "place" included


def place_starts(text: str, names) -> list[tuple[int, tuple[str, ...]]]:
    """(position, names starting there longest first) for every occurrence of
    every name, in text order."""
    at: dict[int, list[str]] = {}
    for name in set(names):
        i = text.find(name)
        while i >= 0:
            at.setdefault(i, []).append(name)
            i = text.find(name, i + 1)
    return [(i, tuple(sorted(at[i], key=lambda w: (-len(w), w)))) for i in sorted(at)]


@lru_cache(maxsize=64)
def _spelled_out(template: str, places: str) -> re.Pattern:
    return re.compile(template.replace("{PLACE}", places))


def _plain_tail(tail: str) -> bool:
    """The rest of a pattern can be matched on its own: balanced, no top-level
    `|` (it would split the whole pattern), no quantifier on the place group, no
    reference to it or to groups by number."""
    if "{PLACE}" in tail or tail.startswith(("?", "*", "+", "{")) or re.search(r"\\[1-9]|\(\?P=|\(\?\(", tail):
        return False
    depth, in_class, i = 0, False, 0
    while i < len(tail):
        c = tail[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True  # a ] right after [ or [^ is a literal
            i += 2 if tail.startswith("^]", i + 1) else 1 if tail.startswith("]", i + 1) else 0
        elif c in "()":
            depth += 1 if c == "(" else -1
            if depth < 0:
                return False
        elif c == "|" and depth == 0:
            return False
        i += 1
    if depth:
        return False
    try:
        re.compile(tail)
    except re.error:
        return False
    return True


class PlacePattern:
    """A regex template with at most one SLOT, compiled once: literal text
    before the slot (the head), the slot, and a regex after it (the tail)."""

    def __init__(self, template: str) -> None:
        self.template = template
        self.head = self.tail = None
        if SLOT not in template:
            self.whole = re.compile(template)  # no place slot: an ordinary regex
            return
        self.whole = None
        head, tail = template.split(SLOT, 1)
        if head == re.escape(head) and _plain_tail(tail):
            self.head, self.tail = head, re.compile(tail)

    def finditer(self, text: str, names, starts=None) -> list[Found]:
        """Matches with {PLACE} standing for any of `names`; `starts` is
        place_starts(text, names) when the caller already has it."""
        if self.whole is not None:
            return [Found(m.start(), m.end(), m.groupdict()) for m in self.whole.finditer(text)]
        names = set(names)
        if self.tail is None or "" in names:
            return [Found(m.start(), m.end(), m.groupdict())
                    for m in _spelled_out(self.template, alternation(names) or "(?!)").finditer(text)]
        head, tail, out, pos = self.head, self.tail, [], 0
        for q, cands in place_starts(text, names) if starts is None else starts:
            s = q - len(head)
            if s < pos or (head and not text.startswith(head, s)):
                continue
            for name in cands:
                m = tail.match(text, q + len(name))
                if m:
                    out.append(Found(s, m.end(), {"place": name, **m.groupdict()}))
                    pos = m.end()
                    break
        return out
