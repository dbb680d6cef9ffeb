"""Spans sorted by start, to find those starting in a window in log time (a
scan of every span for every candidate made long documents quadratic)."""
from __future__ import annotations

from bisect import bisect_left


class SpanIndex:
    """Tuples (start, end, ...) sorted; anything after end rides along (an index,
    a mention) and must sort after the index before it."""

    def __init__(self, spans=()):
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]

    def starting_in(self, lo: int, hi: int) -> list[tuple]:
        """The spans with lo <= start < hi, by start."""
        return self.spans[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def within(self, lo: int, hi: int) -> list[tuple]:
        """The spans with lo <= start and end <= hi, by start."""
        return [s for s in self.starting_in(lo, hi) if s[1] <= hi]

    def any_starting_in(self, lo: int, hi: int) -> bool:
        return bisect_left(self.starts, lo) < bisect_left(self.starts, hi)


def mention_index(pairs) -> SpanIndex:
    """(start, end, index, mention) of (index, mention) pairs."""
    return SpanIndex((m.start, m.end, i, m) for i, m in pairs)
