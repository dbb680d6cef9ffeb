"""The typed objects that cross stage boundaries.

files --ingest--> SourceDocument --text--> NormalizedText --nlp--> spaCy Doc
      --extract--> DocFacts --resolve--> ResolvedFacts --rdf--> named graph

Every object here is immutable and picklable, so a stage can run in another
process and hand its result back.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Sequence

# the spaCy components the pipeline is assembled from (kg.nlp defines them)
DEFAULT_COMPONENTS = (
    "minsheng_locations",
    "minsheng_organizations",
    "minsheng_policies",
    "minsheng_programs",
    "minsheng_persons",
    "minsheng_numbers",
    "minsheng_spans",
)


@dataclass(frozen=True)
class PipelineConfig:
    """How to assemble the NLP pipeline (kg.nlp.build_pipeline). `segmenter` is
    "char" (offline default) or "pkuseg" with `pkuseg_model` a name
    spacy-pkuseg knows or a model folder. Defined here, without spaCy, so that
    a build with nothing to extract never imports it."""

    segmenter: str = "char"
    pkuseg_model: str | None = None
    components: tuple[str, ...] = DEFAULT_COMPONENTS
    spacy_model: str | None = None  # an installed spaCy Chinese pipeline whose NER runs beside the rules
    extra: dict = field(default_factory=dict)


ENTITY_TYPES = ("Organization", "Program", "Location", "Person", "PolicyDocument")
RELATION_TYPES = (
    "runs", "partnerOf", "operatesIn", "locatedIn", "partOf",
    "memberOf", "subOrganizationOf", "issuedBy",
)


@dataclass(frozen=True)
class Problem:
    """A warning or error about one document, with a position where known."""

    code: str
    message: str
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict:
        d = {"code": self.code, "message": self.message}
        if self.start is not None:
            d["start"], d["end"] = self.start, self.end
        return d


@dataclass(frozen=True)
class SourceDocument:
    """A file read and decoded: the output of `kg.ingest`."""

    source: str  # stable name relative to the input root; the document IRI is minted from it
    path: str  # where it was read from on this machine (not part of the graph)
    sha256: str  # of the file's bytes
    raw_text: str  # decoded text (main text only, for HTML/PDF/DOCX)
    encoding: str  # detected encoding, or the container format ("pdf", "docx")
    media_type: str
    title: str | None = None  # from the container (HTML <title>, PDF/DOCX metadata)
    issued: str | None = None  # ISO date from the container
    publisher: str | None = None
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text plus a map back to the raw text.

    `raw_offsets[i]` is the raw-text index of normalized character i, and
    `raw_offsets[len(text)]` is the raw end, so a normalized span [s, e) came
    from raw_text[raw_offsets[s]:raw_offsets[e]] (e > s).
    """

    text: str
    raw_offsets: Sequence[int]  # an array("q") in practice: compact for very long documents
    garbled: tuple[tuple[int, int], ...] = ()  # spans never extracted from
    warnings: tuple[Problem, ...] = ()

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.raw_offsets[start], self.raw_offsets[start]
        return self.raw_offsets[start], self.raw_offsets[end - 1] + 1

    def is_garbled(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.garbled)


@dataclass(frozen=True)
class Mention:
    """One recognized entity mention, in normalized-text offsets."""

    type: str  # one of ENTITY_TYPES
    text: str  # the surface form
    start: int
    end: int
    rule: str  # which recognizer/rule produced it
    canonical: str | None = None  # a fuller name the rule already knows (lexicon expansion)
    code: str | None = None  # administrative division code, for gazetteer locations
    city: str | None = None  # place name the mention is scoped to, when the rule can tell
    alias: str | None = None  # another surface form the rule saw for the same entity


@dataclass(frozen=True)
class ObservationFact:
    """One reported number."""

    indicator: str
    value: Decimal
    unit: str
    start: int  # span of the number and unit
    end: int
    rule: str
    period: str | None = None  # "2023" or "2023-07" or "2023-07-01"
    area: int | None = None  # index into DocFacts.mentions (a Location)
    program: int | None = None  # index into DocFacts.mentions (a Program)
    qualifier: str | None = None  # 余, 近, 超, 以上, 约 ...
    is_rate: bool = False  # a completion rate


@dataclass(frozen=True)
class RelationFact:
    subject: int  # index into DocFacts.mentions
    predicate: str  # one of RELATION_TYPES
    object: int
    rule: str
    role: str | None = None  # post title, for memberOf
    start: int | None = None  # evidence span (a sentence) in normalized text
    end: int | None = None


@dataclass(frozen=True)
class DocFacts:
    """Everything extracted from one document, before resolution."""

    source: SourceDocument
    normalized: NormalizedText
    sentences: tuple[tuple[int, int], ...]
    city: str | None  # the city that 市/我市/全市 refer to
    province: str | None
    title: str | None
    issued: str | None
    publisher: str | None
    mentions: tuple[Mention, ...]
    observations: tuple[ObservationFact, ...]
    relations: tuple[RelationFact, ...]
    warnings: tuple[Problem, ...] = ()
    city_code: str | None = None  # its division code: the city may be a county-level city (仙桃市, 林州市)

    def sentence_of(self, start: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sentences, (start, float("inf"))) - 1
        if k >= 0 and self.sentences[k][0] <= start < self.sentences[k][1]:
            return self.sentences[k]
        return start, start


@dataclass(frozen=True)
class Entity:
    """A resolved entity: one node of the graph."""

    iri: str
    type: str
    label: str  # canonical name, simplified Chinese
    alt_labels: tuple[str, ...] = ()
    code: str | None = None  # administrative division code
    located_in: str | None = None  # IRI of a Location (organizations)
    part_of: str | None = None  # IRI of the parent Location (locations)


@dataclass(frozen=True)
class ResolvedMention:
    entity: str  # IRI
    surface: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class ResolvedObservation:
    iri: str
    indicator_iri: str
    indicator: str
    value: Decimal
    unit: str
    start: int
    end: int
    rule: str
    period: str | None = None
    area: str | None = None  # IRI
    program: str | None = None  # IRI
    qualifier: str | None = None
    is_rate: bool = False


@dataclass(frozen=True)
class ResolvedRelation:
    subject: str  # IRI
    predicate: str
    object: str  # IRI
    rule: str
    role: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class ResolvedFacts:
    """A document's facts with canonical names and stable IRIs: ready for RDF."""

    doc_iri: str
    facts: DocFacts
    entities: tuple[Entity, ...]
    mentions: tuple[ResolvedMention, ...]
    observations: tuple[ResolvedObservation, ...]
    relations: tuple[ResolvedRelation, ...]
    publisher_iri: str | None = None
    city_iri: str | None = None
    extra: dict = field(default_factory=dict, compare=False)
