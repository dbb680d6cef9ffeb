"""Text normalization with an offset map, sentence splitting, metadata cues.

Pure functions over strings; never imports spaCy.

* `normalize(raw) -> NormalizedText`
* `split_sentences(text) -> tuple[tuple[int, int], ...]`
* `guess_metadata(text) -> {"title", "issued", "publisher"}`
"""
from kg.text.metadata import guess_metadata
from kg.text.pipeline import normalize
from kg.text.sentences import split_sentences

__all__ = ["guess_metadata", "normalize", "split_sentences"]
