"""Namespaces and IRI minting: the only module that builds IRI strings.

Entity IRIs are a pure function of (type, canonical name), so the same
canonical entity gets the same IRI on every run and machine, whatever order
documents arrive in. IRIs keep Chinese characters readable (RFC 3987 allows
them; Oxigraph, Jena and GraphDB load them) and percent-encode only what an
IRI may not contain.
"""
from __future__ import annotations

import hashlib
import os
import re
from contextlib import contextmanager
from contextvars import ContextVar

from rdflib import Namespace

KG_NS = "https://w3id.org/minsheng-kg/ontology#"
DEFAULT_DATA_BASE = "https://w3id.org/minsheng-kg/id/"

KG = Namespace(KG_NS)
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
XSD_NS = "http://www.w3.org/2001/XMLSchema#"

PREFIXES = {
    "kg": KG_NS,
    "org": str(ORG),
    "qb": str(QB),
    "prov": str(PROV),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": XSD_NS,
    "owl": "http://www.w3.org/2002/07/owl#",
}

# Path segment for each entity type.
_TYPE_SEGMENT = {
    "Organization": "org",
    "Program": "program",
    "Location": "place",
    "Person": "person",
    "PolicyDocument": "policy",
}

# ASCII characters allowed unescaped in an IRI path segment (RFC 3987 iunreserved
# plus a few sub-delims); everything else ASCII is percent-encoded, non-ASCII kept.
_SAFE_ASCII = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'*+,;=:@")
# the characters _segment keeps as they are, as one regex class
_ALL_SAFE = re.compile("[" + re.escape("".join(sorted(_SAFE_ASCII))) + "\u00a0-\udfff\uf900-\uffef]*")


# Set inside `one_data_base()`: the environment is read once for a block that
# mints many IRIs (a document needs tens of thousands; each read costs more
# than building the IRI).
_FIXED_BASE: ContextVar[str | None] = ContextVar("kg_data_base", default=None)


def data_base() -> str:
    """The instance namespace; `KG_DATA_BASE` overrides the default."""
    fixed = _FIXED_BASE.get()
    if fixed is not None:
        return fixed
    base = os.environ.get("KG_DATA_BASE", DEFAULT_DATA_BASE)
    return base if base.endswith(("/", "#")) else base + "/"


@contextmanager
def one_data_base():
    """Within the block, data_base() is what it was on entry."""
    token = _FIXED_BASE.set(data_base())
    try:
        yield
    finally:
        _FIXED_BASE.reset(token)


def _segment(text: str) -> str:
    text = text.strip()
    if _ALL_SAFE.fullmatch(text):  # the usual case: nothing to encode
        return text or "_"
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _SAFE_ASCII or (code >= 0xA0 and not 0xE000 <= code <= 0xF8FF and code < 0xFFF0):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out) or "_"


def _short_hash(*parts: object) -> str:
    h = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8"))
    return h.hexdigest()[:16]


def entity_iri(entity_type: str, canonical: str, scope: str | None = None, code: str | None = None) -> str:
    """IRI of a canonical entity. Locations with a division code are keyed by it;
    persons are scoped (by city) because names are not unique."""
    seg = _TYPE_SEGMENT[entity_type]
    if code:
        return f"{data_base()}{seg}/{_segment(code)}"
    if scope:
        return f"{data_base()}{seg}/{_segment(scope)}/{_segment(canonical)}"
    return f"{data_base()}{seg}/{_segment(canonical)}"


def division_code_of(iri: str) -> str | None:
    """The division code of a gazetteer place's IRI (the inverse of entity_iri
    with a code), else None."""
    prefix = f"{data_base()}{_TYPE_SEGMENT['Location']}/"
    rest = iri[len(prefix):] if iri.startswith(prefix) else ""
    return rest if rest.isdigit() else None


def document_iri(source: str) -> str:
    """A document is identified by its source name relative to the input root."""
    return f"{data_base()}doc/" + "/".join(_segment(p) for p in source.replace("\\", "/").split("/") if p)


def indicator_iri(phrase: str) -> str:
    return f"{data_base()}indicator/{_segment(phrase)}"


def role_iri(title: str) -> str:
    return f"{data_base()}role/{_segment(title)}"


def observation_iri(doc_iri: str, start: int, end: int, unit: str, place: str | None = None) -> str:
    """One number's observation; `place` tells apart the ones a number makes for
    each place of a list (安海镇、东石镇各2个)."""
    if place is None:
        return f"{data_base()}obs/{_short_hash(doc_iri, start, end, unit)}"
    return f"{data_base()}obs/{_short_hash(doc_iri, start, end, unit, place)}"


def mention_iri(doc_iri: str, start: int, end: int, entity: str) -> str:
    return f"{data_base()}mention/{_short_hash(doc_iri, start, end, entity)}"


def assertion_iri(doc_iri: str, subject: str, predicate: str, obj: str, start: int | None) -> str:
    return f"{data_base()}assertion/{_short_hash(doc_iri, subject, predicate, obj, start)}"


def membership_iri(person: str, organization: str, role: str | None) -> str:
    return f"{data_base()}membership/{_short_hash(person, organization, role)}"


def gazetteer_graph_iri() -> str:
    """The named graph holding the administrative hierarchy of every place referenced."""
    return f"{data_base()}graph/gazetteer"
