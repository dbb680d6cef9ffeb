"""The gazetteer graph: the administrative parents of every place the documents
mention (labels, codes, levels, kg:partOf), kept apart from the document graphs
so that a document's graph holds only what its text says."""
from __future__ import annotations

import pyoxigraph as ox

from kg import namespaces as ns
from kg.rdf import KG, RDF_TYPE, RDFS_LABEL, _zh
from kg.resources.gazetteer import Gazetteer
from kg.store import drop_graph, graph_ntriples, stored_lines, update_graph


def gazetteer_quads(codes) -> list[ox.Quad]:
    gaz = Gazetteer.load()  # the one the lexicon matches places with
    g = ox.NamedNode(ns.gazetteer_graph_iri())
    seen, out = set(), []
    for code in sorted(codes):
        div = gaz.by_code(code)
        while div is not None and div.code not in seen:
            seen.add(div.code)
            node = ox.NamedNode(ns.entity_iri("Location", div.name, code=div.code))
            out += [
                ox.Quad(node, RDF_TYPE, KG["Location"], g),
                ox.Quad(node, RDFS_LABEL, _zh(div.name), g),
                ox.Quad(node, KG["divisionCode"], ox.Literal(div.code), g),
                ox.Quad(node, KG["level"], ox.Literal(div.level), g),
            ]
            parent = gaz.by_code(div.parent) if div.parent else None
            if parent is not None:
                out.append(ox.Quad(node, KG["partOf"], ox.NamedNode(ns.entity_iri("Location", parent.name, code=parent.code)), g))
            div = parent
    return out


def refresh_gazetteer_graph(store: ox.Store) -> None:
    """Bring the gazetteer graph up to the places the document graphs name or
    locate a body in, in one transaction that writes only what changed
    (usually nothing)."""
    graph = ns.gazetteer_graph_iri()
    q = f"SELECT DISTINCT ?code WHERE {{ GRAPH ?g {{ ?p <{KG['divisionCode'].value}> ?code }} FILTER(?g != <{graph}>) }}"
    codes = {sol["code"].value for sol in store.query(q)}
    # a place a body is located in though no mention names it (崇川团区委 -> 崇川区)
    q = f"SELECT DISTINCT ?o WHERE {{ GRAPH ?g {{ ?s <{KG['locatedIn'].value}> ?o }} FILTER(?g != <{graph}>) }}"
    codes |= {c for sol in store.query(q) if (c := ns.division_code_of(sol["o"].value))}
    quads = gazetteer_quads(codes)
    if quads:
        new = graph_ntriples(graph, ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        update_graph(store, graph, stored_lines(store, graph), new)
    else:
        drop_graph(store, graph)
