"""Edit text while carrying a per-character offset list along.

`offs[i]` is the raw-text index that character i of the current text came
from. Every edit here either deletes characters or replaces a span by a
string no longer than the span, whose characters take the offsets of the span's
first characters, so `offs` stays strictly increasing. Work is per edit, with
C-level slicing for the text in between, never per character.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# (start, end, replacement) or (start, end, replacement, sources): without
# sources, replacement char k takes the offset of char start+k; with sources,
# it takes the offset of char sources[k] (strictly increasing, inside the span)
Edit = tuple


def apply_edits(text: str, offs: list[int], edits: Iterable[Edit]) -> tuple[str, list[int]]:
    """Apply sorted, non-overlapping edits (see `Edit`)."""
    pieces: list[str] = []
    new_offs: list[int] = []
    prev = 0
    for edit in edits:
        start, end, repl = edit[0], edit[1], edit[2]
        if start < prev:  # overlapping edit: skip it rather than corrupt the map
            continue
        if start > prev:
            pieces.append(text[prev:start])
            new_offs += offs[prev:start]
        if repl:
            sources = edit[3] if len(edit) > 3 else None
            if sources is None:
                if len(repl) > end - start:
                    raise ValueError(f"replacement {repl!r} longer than span {start}-{end}")
                new_offs += offs[start:start + len(repl)]
            else:
                if len(sources) != len(repl):
                    raise ValueError("one source index per replacement character expected")
                new_offs += [offs[i] for i in sources]
            pieces.append(repl)
        prev = end
    if prev == 0 and not pieces:
        return text, offs
    pieces.append(text[prev:])
    new_offs += offs[prev:]
    return "".join(pieces), new_offs


def delete_matches(text: str, offs: list[int], pattern: re.Pattern, group: int = 0) -> tuple[str, list[int]]:
    """Delete every match of `pattern` (or just its `group`) from the text."""
    edits = []
    for m in pattern.finditer(text):
        s, e = m.span(group)
        if s >= 0 and e > s:
            edits.append((s, e, ""))
    if not edits:
        return text, offs
    return apply_edits(text, offs, edits)

