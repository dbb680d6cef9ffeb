"""The spaCy pipeline: a Chinese `Language` assembled from registered factories.

Each recognizer is a component registered under a namespaced name
(`minsheng_organizations`, …); `build_pipeline` reads the list from a config,
so a user can add, drop or swap components without touching this code.
Recognizers work on characters, not tokens, so entity recognition never
depends on the segmenter's word boundaries; spans are aligned to tokens only
when written to `doc.spans["kg"]`.
"""
from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.errors import ConfigError
from kg.types import DEFAULT_COMPONENTS, PipelineConfig  # noqa: F401 (re-exported)
from kg.nlp.lexicon import load_lexicon
from kg.nlp.recognize.locations import PlaceContext, find_place_names, infer_context, recognize_locations, resolve_place
from kg.nlp.recognize.numbers import _number_regex, recognize_numbers
from kg.nlp.recognize.organizations import recognize_organizations
from kg.nlp.recognize.persons import recognize_persons
from kg.nlp.recognize.places import (recognize_column_communities, recognize_communities, recognize_listed_places,
                                     recognize_row_settlements,
                                     recognize_places_listed_in_full, recognize_named_places, recognize_settlements,
                                     places_named_again)
from kg.nlp.recognize.policies import recognize_policies
from kg.nlp.recognize.programs import recognize_programs
from kg.nlp.statistical import COMPONENT_PREFIX as STATISTICAL_COMPONENT  # runs its own pipeline on the text

for _attr in ("kg_text", "kg_context", "kg_garbled", "kg_place_names", "kg_places", "kg_orgs", "kg_programs",
              "kg_persons", "kg_person_posts", "kg_policies", "kg_numbers", "kg_extra"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


def text_of(doc: Doc) -> str:
    """The document text, computed once: spaCy rebuilds `doc.text` from the
    tokens on every access, which dominated the pipeline's time."""
    if doc._.kg_text is None:
        doc._.kg_text = doc.text
    return doc._.kg_text


def _clean(doc: Doc, mentions: list) -> list:
    garbled = doc._.kg_garbled or ()
    if not garbled:
        return list(mentions)
    return [m for m in mentions if not any(s < m.end and m.start < e for s, e in garbled)]


def place_names_of(doc: Doc) -> list:
    """Gazetteer names in the text, found once (the scan over every place name is
    one of the costlier steps)."""
    if doc._.kg_place_names is None:
        doc._.kg_place_names = find_place_names(text_of(doc), load_lexicon())
    return doc._.kg_place_names


def context_of(doc: Doc) -> PlaceContext:
    if doc._.kg_context is None:
        doc._.kg_context = infer_context(text_of(doc), place_names_of(doc), load_lexicon())
    return doc._.kg_context


@Language.factory("minsheng_locations", assigns=["doc._.kg_places", "doc._.kg_context"])
def make_locations(nlp: Language, name: str):
    lex = load_lexicon()

    def locations(doc: Doc) -> Doc:
        ctx = context_of(doc)
        divisions = recognize_locations(text_of(doc), lex, ctx, place_names_of(doc))
        settlements = recognize_settlements(text_of(doc), divisions, lex)
        # a community's name may end in a street's (健康路社区): the community wins
        communities = recognize_communities(text_of(doc), lex, ctx.city.name if ctx.city else None,
                                            divisions + settlements)
        communities += recognize_column_communities(text_of(doc), lex, ctx.city.name if ctx.city else None,
                                                    divisions + settlements + communities)
        communities += recognize_row_settlements(text_of(doc), lex, ctx.city.name if ctx.city else None,
                                                 divisions + settlements + communities)
        named = [m for m in recognize_named_places(text_of(doc), lex, None if ctx.county_city or ctx.regional else ctx.city)
                 if not any(d.start <= m.start < d.end or m.start <= d.start < m.end for d in divisions + communities)]
        listed = recognize_listed_places(text_of(doc), lex, lambda name, start: resolve_place(name, start, text_of(doc),
                                                                                             ctx, lex),
                                         ctx.city.name if ctx.city else None, divisions + settlements + communities + named)
        listed += recognize_places_listed_in_full(text_of(doc), lex, ctx.city.name if ctx.city else None,
                                         divisions + settlements + communities + named + listed)
        places = divisions + named + settlements + communities + listed
        places += places_named_again(text_of(doc), places)
        doc._.kg_places = _clean(doc, sorted(places, key=lambda m: (m.start, m.end)))
        return doc

    return locations


@Language.factory("minsheng_organizations", assigns=["doc._.kg_orgs"], requires=["doc._.kg_places"])
def make_organizations(nlp: Language, name: str):
    lex = load_lexicon()

    def organizations(doc: Doc) -> Doc:
        doc._.kg_orgs = _clean(doc, recognize_organizations(text_of(doc), lex, context_of(doc), doc._.kg_places or []))
        return doc

    return organizations


@Language.factory("minsheng_programs", assigns=["doc._.kg_programs"])
def make_programs(nlp: Language, name: str):
    lex = load_lexicon()

    def programs(doc: Doc) -> Doc:
        titles = [(m.start, m.end) for m in doc._.kg_policies or []]
        doc._.kg_programs = _clean(doc, recognize_programs(text_of(doc), lex, doc._.kg_orgs or [], titles, doc._.kg_places or []))
        return doc

    return programs


@Language.factory("minsheng_persons", assigns=["doc._.kg_persons", "doc._.kg_person_posts"], requires=["doc._.kg_orgs"])
def make_persons(nlp: Language, name: str):
    lex = load_lexicon()

    def persons(doc: Doc) -> Doc:
        mentions, posts = recognize_persons(text_of(doc), lex, doc._.kg_orgs or [])
        keep = set(range(len(mentions)))
        garbled = doc._.kg_garbled or ()
        keep = {i for i in keep if not any(s < mentions[i].end and mentions[i].start < e for s, e in garbled)}
        remap = {old: new for new, old in enumerate(sorted(keep))}
        doc._.kg_persons = [mentions[i] for i in sorted(keep)]
        doc._.kg_person_posts = [p.__class__(remap[p.person], p.organization, p.role) for p in posts if p.person in remap]
        return doc

    return persons


@Language.factory("minsheng_policies", assigns=["doc._.kg_policies"])
def make_policies(nlp: Language, name: str):
    def policies(doc: Doc) -> Doc:
        doc._.kg_policies = _clean(doc, recognize_policies(text_of(doc), doc._.kg_places or []))
        return doc

    return policies


@Language.factory("minsheng_numbers", assigns=["doc._.kg_numbers"])
def make_numbers(nlp: Language, name: str):
    lex = load_lexicon()
    number_re = _number_regex(lex)

    def numbers(doc: Doc) -> Doc:
        names = [(m.start, m.end) for attr in ("kg_places", "kg_orgs") for m in getattr(doc._, attr) or []]
        doc._.kg_numbers = _clean(doc, recognize_numbers(text_of(doc), lex, number_re, names, doc._.kg_garbled or ()))
        return doc

    return numbers


@Language.factory("minsheng_spans", assigns=["doc.spans", "doc.ents"])
def make_spans(nlp: Language, name: str):
    """Writes every mention to doc.spans['kg'] and the non-overlapping ones to doc.ents."""

    def spans(doc: Doc) -> Doc:
        out = []
        for attr in ("kg_places", "kg_orgs", "kg_programs", "kg_persons", "kg_policies"):
            for m in getattr(doc._, attr) or []:
                span = doc.char_span(m.start, m.end, label=m.type, alignment_mode="expand")
                if span is not None:
                    out.append(span)
        doc.spans["kg"] = out
        doc.ents = filter_spans(out)
        return doc

    return spans


def build_pipeline(config: PipelineConfig | None = None) -> Language:
    config = config or PipelineConfig()
    if config.segmenter not in ("char", "pkuseg", "jieba"):
        raise ConfigError(f"segmenter {config.segmenter!r}: expected 'char', 'jieba' or 'pkuseg'")
    if config.segmenter == "pkuseg" and not config.pkuseg_model:
        raise ConfigError("segmenter 'pkuseg' needs pkuseg_model (a spacy-pkuseg model name or folder)")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": config.segmenter}}})
    if config.segmenter == "pkuseg":
        try:
            nlp.tokenizer.initialize(pkuseg_model=config.pkuseg_model)
        except Exception as e:  # spaCy raises several types for a missing/broken model
            raise ConfigError(f"pkuseg model {config.pkuseg_model!r} could not be loaded: {e}") from e
    for name in config.components:
        nlp.add_pipe(name)
    if config.spacy_model:
        from kg.nlp.statistical import add_statistical_ner

        add_statistical_ner(nlp, config.spacy_model)
    return nlp


@dataclass(frozen=True)
class Recognized:
    """What the pipeline found in one document, in normalized-text offsets."""

    context: PlaceContext
    places: tuple
    orgs: tuple
    programs: tuple
    persons: tuple
    person_posts: tuple
    policies: tuple
    numbers: tuple


# Very long documents are processed in chunks cut at paragraph breaks, so memory
# follows the chunk size rather than the document size.
CHUNK_CHARS = 100_000


def _chunks(text: str, size: int = CHUNK_CHARS):
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            end = cut + 1 if cut > 0 else end
        yield start, end
        start = end


def _shift(items, offset: int):
    from dataclasses import replace

    if not offset:
        return list(items)
    return [replace(m, start=m.start + offset, end=m.end + offset) for m in items]


# Components that read only the text (doc._.kg_text), never the tokens, and
# minsheng_spans, whose token spans recognize() does not read. With nothing else
# in the pipeline, recognize() skips tokenization (a fifth of its time with the
# character segmenter) and runs the rules on an empty Doc carrying the text.
_TEXT_ONLY = frozenset(DEFAULT_COMPONENTS) - {"minsheng_spans"}
_TOKEN_VIEWS = frozenset({"minsheng_spans"})


def _text_only(nlp: Language) -> bool:
    return all(name in _TEXT_ONLY or name in _TOKEN_VIEWS or name.startswith(STATISTICAL_COMPONENT)
               for name in nlp.pipe_names)


def recognize(nlp: Language, text: str, garbled: tuple = ()) -> Recognized:
    """Run the pipeline over a document's normalized text."""
    lex = load_lexicon()
    names = find_place_names(text, lex)
    context = infer_context(text, names, lex)
    parts = {k: [] for k in ("places", "orgs", "programs", "persons", "person_posts", "policies", "numbers")}
    text_only = _text_only(nlp)
    pipeline = [(n, p) for n, p in nlp.pipeline if not (text_only and n in _TOKEN_VIEWS)]
    for start, end in _chunks(text):
        doc = Doc(nlp.vocab) if text_only else nlp.make_doc(text[start:end])
        doc._.kg_text = text[start:end]
        doc._.kg_context = context
        if start == 0 and end == len(text):
            doc._.kg_place_names = names
        doc._.kg_garbled = tuple((max(s - start, 0), e - start) for s, e in garbled if s < end and start < e)
        for _name, proc in pipeline:
            doc = proc(doc)
        org_base = len(parts["orgs"])
        person_base = len(parts["persons"])
        parts["places"] += _shift(doc._.kg_places or [], start)
        parts["orgs"] += _shift(doc._.kg_orgs or [], start)
        parts["programs"] += _shift(doc._.kg_programs or [], start)
        parts["persons"] += _shift(doc._.kg_persons or [], start)
        parts["policies"] += _shift(doc._.kg_policies or [], start)
        parts["numbers"] += _shift(doc._.kg_numbers or [], start)
        for p in doc._.kg_person_posts or []:
            parts["person_posts"].append(p.__class__(p.person + person_base,
                                                     None if p.organization is None else p.organization + org_base, p.role))
        if doc._.kg_extra:
            parts["orgs"] += _shift(doc._.kg_extra.get("orgs", []), start)
            parts["places"] += _shift(doc._.kg_extra.get("places", []), start)
            parts["persons"] += _shift(doc._.kg_extra.get("persons", []), start)
    return Recognized(context, *(tuple(parts[k]) for k in ("places", "orgs", "programs", "persons",
                                                              "person_posts", "policies", "numbers")))
