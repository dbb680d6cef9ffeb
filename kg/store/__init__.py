"""The embedded persistent SPARQL store (Oxigraph); the exports are in `exports.py`.

One named graph per document: rebuilding a document replaces its graph in one
store transaction and touches nothing else; new documents' graphs are added
in batches by bulk loads, each ingested whole or not at all. Exports are
written to a temporary file and renamed, so a killed build leaves the previous
files whole.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no check (see writer_lock)
    fcntl = None

import pyoxigraph as ox

from kg.errors import StoreError
from kg.namespaces import DCTERMS, KG



def resolve_store_dir(path: str | os.PathLike) -> Path:
    """Accept a build's output folder or its `store/` folder."""
    p = Path(path)
    if (p / "store").is_dir():
        return p / "store"
    if p.is_dir() and (p / "CURRENT").exists():
        return p
    raise StoreError(f"{p}: no store here (expected a build output folder with store/ inside, or a store folder)")


# held (flock, exclusive) by a build for as long as it writes the store
WRITER_LOCK = "kg-writer.lock"
# held (flock, shared) by `kg serve` for as long as its server reads the
# store, and exclusive by a build: the two never overlap
READER_LOCK = "kg-reader.lock"


def _try_lock(f, mode: int, message: str) -> None:
    try:
        fcntl.flock(f, mode | fcntl.LOCK_NB)
    except BlockingIOError:
        raise StoreError(message) from None


@contextmanager
def writer_lock(store_dir: str | os.PathLike):
    """Mark the store as being written, for the duration of the block; StoreError
    at once if another build writes it or a `kg serve` reads it.

    Oxigraph's read-only mode does not follow a writer: a store opened
    read-only while a build writes can fail with RocksDB errors or show a
    state that is neither the old nor the new. `open_store(read_only=True)`
    and `kg serve` refuse such a store with a clear error, and a build refuses
    a store that a server holds open (`reader_lock`)."""
    if fcntl is None:
        yield
        return
    d = Path(store_dir)
    d.mkdir(parents=True, exist_ok=True)
    with open(d / WRITER_LOCK, "a+b") as writer, open(d / READER_LOCK, "a+b") as reader:
        _try_lock(writer, fcntl.LOCK_EX, f"{d}: another build is writing this store; run the build again when it "
                                         "has finished")
        try:
            _try_lock(reader, fcntl.LOCK_EX, f"{d}: a `kg serve` is reading this store, and its read-only view "
                                             "would not follow the build; stop the server (or build into another "
                                             "folder) and build again")
            yield
        finally:
            fcntl.flock(reader, fcntl.LOCK_UN)
            fcntl.flock(writer, fcntl.LOCK_UN)


def reader_lock(store_dir: Path):
    """The store's reader lock, held shared by the returned open file until it
    is closed (pass its descriptor to a child process to let the child hold it);
    None where there is no flock. StoreError if a build is writing the store."""
    if fcntl is None:
        return None
    try:
        f = open(store_dir / READER_LOCK, "a+b")
    except OSError:
        return None  # a store this user cannot write to: no build of theirs writes it either
    try:
        _try_lock(f, fcntl.LOCK_SH, _being_written(store_dir))
    except BaseException:
        f.close()
        raise
    return f


def _being_written(store_dir: Path) -> str:
    return (f"{store_dir}: a build is writing this store; run the command again when it has finished "
            "(or build into another folder)")


def refuse_while_written(store_dir: Path) -> None:
    """StoreError if a build holds the store's writer lock (see writer_lock)."""
    if fcntl is None:
        return
    try:
        f = open(store_dir / WRITER_LOCK, "rb")
    except OSError:
        return  # never built by this version, or unreadable: nothing to go by
    with f:
        _try_lock(f, fcntl.LOCK_SH, _being_written(store_dir))
        fcntl.flock(f, fcntl.LOCK_UN)


def open_store(path: str | os.PathLike, read_only: bool = False, create: bool = False) -> ox.Store:
    p = Path(path)
    if create:
        p.mkdir(parents=True, exist_ok=True)
        try:
            return ox.Store(str(p))
        except OSError as e:
            raise StoreError(f"{p}: cannot open the store for writing ({e})") from e
    d = resolve_store_dir(p)
    if read_only:
        refuse_while_written(d)
    try:
        return ox.Store.read_only(str(d)) if read_only else ox.Store(str(d))
    except OSError as e:
        raise StoreError(f"{d}: cannot open the store ({e})") from e


def document_hashes(store: ox.Store) -> dict[str, str]:
    """sha256 of each document graph in the store, keyed by document IRI."""
    q = (
        "SELECT ?g ?sha WHERE { GRAPH ?g { ?g a <%s> ; <%s> ?sha } }"
        % (KG.Document, DCTERMS.identifier)
    )
    return {sol["g"].value: sol["sha"].value for sol in store.query(q)}


def replace_graph(store: ox.Store, graph_iri: str, nquads: bytes, exists: bool = True) -> None:
    """Replace one document's named graph with the given N-Quads, atomically.

    The N-Quads are checked (every quad must be in `graph_iri`) and handed to
    the store as N-Triples text: no Python object per quad."""
    store_graph(store, graph_iri, graph_ntriples(graph_iri, nquads), exists)


def store_graph(store: ox.Store, graph_iri: str, ntriples: bytes, exists: bool = True) -> None:
    """Replace one named graph with the given N-Triples, atomically: a new graph
    is one `load` (one transaction); an existing one is dropped and re-inserted
    in one SPARQL update (one transaction), so a reader, or a build killed at
    any moment, sees either the old graph or the new one, never a mix."""
    g = ox.NamedNode(graph_iri)
    try:
        if not exists:
            store.load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=g)
            return
        store.update(
            f"DROP SILENT GRAPH <{graph_iri}> ; INSERT DATA {{ GRAPH <{graph_iri}> {{ {ntriples.decode('utf-8')} }} }}"
        )
    except (SyntaxError, ValueError) as e:
        raise StoreError(f"{graph_iri}: the document graph is not valid N-Triples ({e})") from e


def update_graph(store: ox.Store, graph_iri: str, old_lines: bytes, new_lines: bytes) -> int:
    """Turn a stored graph whose N-Triples lines, in the form the store gives
    them back, are `old_lines` into `new_lines` in one SPARQL update (one
    transaction): delete only the triples the new version lacks and insert only
    those it adds. A document rebuilt unchanged (`--force`) costs nothing, an
    edited one the size of its difference. The number of triples changed.

    Blank nodes cannot be deleted by DELETE DATA: a graph with any `_:` goes
    through `store_graph` whole."""
    if b"_:" in old_lines or b"_:" in new_lines:
        store_graph(store, graph_iri, new_lines, exists=True)
        return new_lines.count(b"\n")
    old, new = set(old_lines.split(b"\n")), set(new_lines.split(b"\n"))
    gone, added = sorted(old - new - {b""}), sorted(new - old - {b""})
    parts = [f"{verb} DATA {{ GRAPH <{graph_iri}> {{ {_lines_text(lines)} }} }}"
             for verb, lines in (("DELETE", gone), ("INSERT", added)) if lines]
    if parts:
        try:
            store.update(" ;\n".join(parts))
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"{graph_iri}: the document graph is not valid N-Triples ({e})") from e
    return len(gone) + len(added)


def stored_lines(store: ox.Store, graph_iri: str) -> bytes:
    """A stored graph as N-Triples lines, in the store's order."""
    return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph_iri))


def _lines_text(lines: list[bytes]) -> str:
    return b"\n".join(lines).decode("utf-8")


def add_graphs(store: ox.Store, graphs: list[tuple[str, bytes]]) -> None:
    """Add named graphs that are not in the store yet, each given as canonical
    N-Triples (every line ending in " .\n"), in one bulk load.

    Oxigraph's bulk loader writes sorted index files and RocksDB ingests them
    in one step, so a reader, or a build killed at any moment, sees all of
    these graphs or none of them (tests/test_crash_safety.py kills builds
    here). It skips the transaction machinery and runs about 2.5x faster than
    `load`. It only adds quads: a graph that is already stored goes through
    `store_graph`. `lenient` skips IRI validation, which the caller has done
    (the lines were parsed by Oxigraph when their TriG block was made)."""
    if not graphs:
        return
    data = b"".join(nt.replace(b" .\n", f" <{iri}> .\n".encode("utf-8")) for iri, nt in graphs)
    try:
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
    except (SyntaxError, ValueError) as e:
        raise StoreError(f"{', '.join(iri for iri, _ in graphs)}: not valid N-Triples ({e})") from e


def remove_bulk_leftovers(store_dir: str | os.PathLike) -> None:
    """Index files of a bulk load that a killed build left unfinished; RocksDB
    never ingested them (ingestion is the last step, and moves the files).
    Call only while holding the store (its lock keeps other writers out)."""
    for p in Path(store_dir).glob("bulk-*.sst"):
        try:
            p.unlink()
        except OSError:
            pass


def graph_ntriples(graph_iri: str, nquads: bytes) -> bytes:
    """The quads of one graph as N-Triples bytes; StoreError for a quad in
    another graph (or in the default graph)."""
    suffix = f" <{graph_iri}> .".encode("utf-8")
    if nquads.endswith(b"\n") and nquads.count(suffix + b"\n") == nquads.count(b"\n"):
        # canonical N-Quads (one quad per line; a line break inside a literal is
        # escaped), every line ending with the graph: one pass in C
        return nquads.replace(suffix + b"\n", b" .\n")
    out = []
    for line in nquads.splitlines():
        line = line.strip()
        if not line or line.startswith(b"#"):
            continue
        if line.endswith(suffix):
            # "<s> <p> <o> <g> ." -> "<s> <p> <o> ."; a default-graph quad whose
            # object is <g> would become "<s> <p> ." and fail to parse, in one piece
            out.append(line[: -len(suffix)] + b" .")
            continue
        # not the canonical form: let the parser decide
        try:
            quads = list(ox.parse(line, format=ox.RdfFormat.N_QUADS))
        except SyntaxError as e:
            raise StoreError(f"{graph_iri}: not valid N-Quads ({e}): {line[:200]!r}") from e
        for q in quads:
            if q.graph_name != ox.NamedNode(graph_iri):
                raise StoreError(f"{graph_iri}: quad outside the document's graph ({q.graph_name})")
            out.append(ox.serialize([ox.Triple(q.subject, q.predicate, q.object)], format=ox.RdfFormat.N_TRIPLES).strip())
    return b"\n".join(out) + b"\n"


def drop_graph(store: ox.Store, graph_iri: str) -> None:
    store.update(f"DROP SILENT GRAPH <{graph_iri}>")


from kg.store.exports import EXPORT_FORMATS, export, export_many  # noqa: E402,F401  (the public API)
