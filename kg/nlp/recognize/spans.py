"""Spans sorted by start, to find those starting in a window in log time (a
scan of every span for every candidate made long documents quadratic)."""
from __future__ import annotations

from bisect import bisect_left


class SpanIndex:
    def __init__(self, spans=()):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def starting_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The (start, end) spans with lo <= start < hi, by start."""
        return self.spans[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]
