"""One document through every stage, as a pure function that can run in a worker.

ingest -> text -> nlp -> extract -> resolve -> rdf. The result carries the
document's named graph as N-Quads bytes, so a worker process hands back
something small and the parent only loads it into the store.
"""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ConfigError, IngestError, KGError

# The stages are imported where they are first called: spaCy and the lexicons
# take about a second, which a build with nothing to extract does not pay.
if TYPE_CHECKING:
    from kg.types import PipelineConfig, ResolvedFacts

_NLP = {}


def _nlp(config: PipelineConfig | None):
    from kg.nlp import build_pipeline
    from kg.types import PipelineConfig

    config = config or PipelineConfig()
    key = repr(config)
    if key not in _NLP:
        _NLP.clear()
        _NLP[key] = build_pipeline(config)
    return _NLP[key]


def warm_pipeline(config: PipelineConfig | None = None) -> None:
    """Import the stages and build the NLP pipeline now (before forking workers,
    which then share them)."""
    import kg.extract, kg.ingest, kg.rdf, kg.resolve, kg.text  # noqa: E401, F401

    _nlp(config)


@dataclass
class DocResult:
    source: str
    path: str
    doc_iri: str
    sha256: str
    status: str  # "built", "unchanged", "failed", "pruned"
    nquads: bytes = b""
    counts: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    error: str | None = None

    def report(self) -> dict:
        d = {"source": self.source, "path": self.path, "iri": self.doc_iri, "sha256": self.sha256,
             "status": self.status, "counts": self.counts, "warnings": self.warnings}
        if self.error:
            d["error"] = self.error
        return d


def counts_of(r: ResolvedFacts) -> dict:
    c = Counter(e.type for e in r.entities)
    out = {t: c.get(t, 0) for t in ("Organization", "Program", "Location", "Person", "PolicyDocument")}
    out["Observation"] = len(r.observations)
    out["Relation"] = len(r.relations)
    return out


# Extraction time grows faster than linearly with a document's length (see
# docs/benchmarks.md), so one huge file could hold a build for hours. Longer
# documents are refused with a clear reason; KG_MAX_DOC_CHARS raises the limit
# (0: no limit).
MAX_DOC_CHARS = 1_000_000
PLAIN_TEXT_SUFFIXES = (".txt", ".text", ".md")


def max_doc_chars() -> int:
    value = os.environ.get("KG_MAX_DOC_CHARS", "").strip()
    if not value:
        return MAX_DOC_CHARS
    try:
        return max(0, int(value))
    except ValueError:
        raise ConfigError("KG_MAX_DOC_CHARS", value, "a number of characters (0: no limit)") from None


def _check_size(path: str, chars: int | None = None) -> None:
    limit = max_doc_chars()
    if not limit:
        return
    if chars is None:
        # a plain-text file of more than 4 bytes per allowed character is too long
        # in any encoding: refuse it without reading it
        if not path.lower().endswith(PLAIN_TEXT_SUFFIXES):
            return
        try:
            size = os.path.getsize(path)
        except OSError:
            return  # read_document reports it
        if size > 4 * limit:
            raise IngestError(path, f"document too large: {size:,} bytes of text, more than the limit of "
                                    f"{limit:,} characters (set KG_MAX_DOC_CHARS to raise it, 0 for no limit)")
    elif chars > limit:
        raise IngestError(path, f"document too large: {chars:,} characters, more than the limit of "
                                f"{limit:,} (set KG_MAX_DOC_CHARS to raise it, 0 for no limit)")


def analyze(path: str, source: str, config: PipelineConfig | None = None) -> ResolvedFacts:
    """Read and extract one document; raises KGError on bad input."""
    from kg.extract import extract
    from kg.ingest import read_document
    from kg.nlp import recognize
    from kg.resolve import resolve
    from kg.text import normalize

    path = os.fspath(path)  # a str or a pathlib.Path
    _check_size(path)
    doc = read_document(path, source)
    _check_size(path, len(doc.raw_text))
    norm = normalize(doc.raw_text)
    if not norm.text.strip():
        raise KGError(f"{path}: no text after normalization")
    found = recognize(_nlp(config), norm.text, norm.garbled)
    return resolve(extract(doc, norm, found))


def process_document(path: str, source: str, config: PipelineConfig | None = None) -> DocResult:
    """Never raises for a bad document: the failure is in the result."""
    from kg.namespaces import document_iri, one_data_base
    from kg.rdf import to_nquads

    path = os.fspath(path)
    with one_data_base():  # the document's IRIs all share one base
        iri = document_iri(source)
        try:
            r = analyze(path, source, config)
        except KGError as e:
            return DocResult(source, path, iri, _sha256(path), "failed", error=str(e))
        except Exception as e:  # a bug must not take the other documents down
            return DocResult(source, path, iri, _sha256(path), "failed",
                             error=f"{path}: internal error: {type(e).__name__}: {e}")
        warnings = [w.as_dict() for w in r.facts.warnings]
        return DocResult(source, path, iri, r.facts.source.sha256, "built", to_nquads(r), counts_of(r), warnings)


# what a document's graph is a function of, besides its bytes: the stages'
# code and the resources they read (the CLI, the store and the viz are not)
_EXTRACTOR_PARTS = ("ingest", "text", "nlp", "extract", "resolve", "rdf", "resources", "namespaces.py", "types.py",
                    "pipeline.py")


def files_fingerprint(root: Path, parts=_EXTRACTOR_PARTS) -> str:
    """A hash of the files named by `parts` (files, or folders taken whole) under `root`."""
    h = hashlib.sha256()
    for part in parts:
        paths = [root / part] if (root / part).is_file() else sorted(
            p for p in (root / part).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for p in paths:
            h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A hash of the extractor's files: a document is re-extracted when it
    changes, as when the document itself does (a new version's rules apply to
    every document on the next build, not only to new ones)."""
    return files_fingerprint(Path(__file__).resolve().parent)


def extractor_id(config: PipelineConfig | None = None) -> str:
    """The extractor's fingerprint with the pipeline's configuration (a spaCy
    model beside the rules changes what is found)."""
    from kg.types import PipelineConfig

    config_hash = hashlib.sha256(repr(config or PipelineConfig()).encode("utf-8")).hexdigest()[:8]
    return f"{extractor_fingerprint()}-{config_hash}"


def _sha256(path: str) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return ""
    return h.hexdigest()


def process_star(args) -> DocResult:
    return process_document(*args)
