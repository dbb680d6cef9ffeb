"""From recognized mentions to a document's facts (DocFacts): a pure function."""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.observations import attach_observations
from kg.extract.relations import extract_relations
from kg.nlp import Recognized
from kg.text import guess_metadata, split_sentences
from kg.types import DocFacts, NormalizedText, SourceDocument

# RelationFact.object == CITY_OF_DOCUMENT stands for the document's own city
# (全市/我市), which need not be named in the sentence.
CITY_OF_DOCUMENT = -1


def _publisher_index(mentions, publisher: str | None) -> int | None:
    if not publisher:
        return None
    for i, m in enumerate(mentions):
        if m.type == "Organization" and (m.text == publisher or publisher.startswith(m.text) or m.text in publisher):
            return i
    return None


def extract(source: SourceDocument, normalized: NormalizedText, found: Recognized) -> DocFacts:
    text = normalized.text
    sentences = split_sentences(text)
    meta = guess_metadata(text)
    title = source.title or meta.get("title")
    issued = source.issued or meta.get("issued")
    publisher = source.publisher or meta.get("publisher")

    places, orgs, programs, persons, policies = (list(found.places), list(found.orgs), list(found.programs),
                                                 list(found.persons), list(found.policies))
    # a program's name never holds a person's (市残联副理事长王丽娜任竞赛…): its head word was found too far on
    programs = [p for p in programs if not any(q.start < p.end and p.start < q.end for q in persons)]
    mentions = places + orgs + programs + persons + policies
    org_base = len(places)
    person_base = len(places) + len(orgs) + len(programs)
    posts = [replace(p, person=p.person + person_base,
                     organization=None if p.organization is None else p.organization + org_base)
             for p in found.person_posts]

    doc_year = issued[:4] if issued else None
    if doc_year is None and title:
        y = re.search(r"(?:19|20)\d{2}", title)
        doc_year = y.group(0) if y else None
    observations = attach_observations(text, found.numbers, mentions, sentences, doc_year)
    ctx = found.context
    # a county's document is about the county; a province's report on its cities, the province
    home = (ctx.province.code if ctx.regional and ctx.province is not None
            else ctx.county.code if ctx.county is not None else None)
    relations = extract_relations(text, mentions, sentences, posts, _publisher_index(mentions, publisher), home,
                                  regional=ctx.regional, county_city=ctx.county_city)

    warnings = tuple(source.warnings) + tuple(normalized.warnings)
    # a county-level city's own report (义乌市, 林州市) is about it, not its prefecture
    own = ctx.county if ctx.county_city and ctx.county is not None else ctx.city
    return DocFacts(
        source=source, normalized=normalized, sentences=sentences,
        city=own.name if own is not None else None,
        province=ctx.province.name if ctx.province is not None else None,
        title=title, issued=issued, publisher=publisher,
        mentions=tuple(mentions), observations=tuple(observations), relations=tuple(relations),
        warnings=warnings, city_code=own.code if own is not None and own.level == "county" else None,
    )
