"""Text normalization with an offset map, sentence splitting, metadata cues.

Pure functions over strings; never imports spaCy.
"""
from kg.text.pipeline import normalize

__all__ = ["normalize"]
