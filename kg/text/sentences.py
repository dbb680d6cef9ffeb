"""Sentence spans over normalized text."""
from __future__ import annotations

import re

# one or more sentence-final marks plus the closing quotes/brackets after them,
# or a line break
RE_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’\"'」』）)】》〉\]]*|\n")


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Spans (start, end) of the sentences of `text`, in order.

    A sentence ends after ``。！？!?；;`` (with any closing quotes or brackets
    that follow) and at every line break. Spans exclude surrounding
    whitespace; whitespace-only stretches produce no span.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in RE_SENTENCE_END.finditer(text):
        end = m.start() if m.group() == "\n" else m.end()
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return tuple(spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
