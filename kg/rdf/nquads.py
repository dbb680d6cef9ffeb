"""N-Quads written directly as bytes, byte for byte as pyoxigraph serializes
them (canonical N-Quads): several times faster than building a pyoxigraph Quad
per triple and serializing the list. Terms are UTF-8 bytes, encoded once each
(an IRI once per graph), and a graph is one join of them at the end.

Escaping follows pyoxigraph 0.5 (checked over every code point): \\b \\t \\n \\f \\r
\\" \\\\ by name, the other C0 controls, DEL, U+FFFE and U+FFFF as \\uXXXX
(upper-case hex); everything else is written as is.
"""
from __future__ import annotations

import re

import pyoxigraph as ox

from kg.namespaces import XSD_NS as XSD

_NEEDS_ESCAPE = re.compile('[\x00-\x1f"\\\\\x7f\ufffe\uffff]')
_ESCAPES = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"})
_SP = b" "


def quoted(text: str) -> str:
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    return f'"{text}"'


def literal(text: str) -> bytes:
    """A plain (xsd:string) literal."""
    return quoted(text).encode("utf-8")


def zh(text: str) -> bytes:
    return (quoted(text) + "@zh").encode("utf-8")


def typed(text: str, xsd_type: str) -> bytes:
    return f"{quoted(text)}^^<{XSD}{xsd_type}>".encode("utf-8")


_INTEGER = f'"^^<{XSD}integer>'.encode()


def integer(i: int) -> bytes:
    return b'"%d' % i + _INTEGER


def named(iri: str) -> bytes:
    """A constant IRI term (a class or property), checked by pyoxigraph."""
    return str(ox.NamedNode(iri)).encode("utf-8")


class Graph:
    """The N-Quads of one named graph, in the order triples are added.

    Every IRI is checked once per graph by pyoxigraph, so an IRI it would refuse
    still raises ValueError, as building the Quad did."""

    def __init__(self, graph_iri: str) -> None:
        self._iris: dict[str, bytes] = {}
        self._literals: dict[str, bytes] = {}
        self._tail = b" " + self.iri(graph_iri) + b" .\n"
        self._parts: list[bytes] = []

    def iri(self, iri: str) -> bytes:
        term = self._iris.get(iri)
        if term is None:
            ox.NamedNode(iri)  # validates
            term = self._iris[iri] = f"<{iri}>".encode("utf-8")
        return term

    def literal(self, text: str) -> bytes:
        """A plain literal, written once per graph (rules, units, surfaces repeat)."""
        term = self._literals.get(text)
        if term is None:
            term = self._literals[text] = literal(text)
        return term

    def add(self, s: bytes, p: bytes, o: bytes) -> None:
        self._parts += (s, _SP, p, _SP, o, self._tail)

    def to_bytes(self) -> bytes:
        return b"".join(self._parts)
