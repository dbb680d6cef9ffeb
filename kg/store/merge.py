"""The merged graph's last step: sorted runs of N-Triples lines merged,
deduplicated and written as N-Triples or Turtle.

Turtle of a large graph is written in two halves split at a subject, the upper
half by a child process (`python -m kg.store.merge`), because Oxigraph's
serializer holds the GIL and is most of the cost (about 1.1 s per 10^6
triples). Oxigraph writes Turtle one subject after the other, so the two halves
put together, without the second one's @prefix lines, are byte for byte the
Turtle of the whole (tested).
"""
from __future__ import annotations

import heapq
import io
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from operator import itemgetter
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.namespaces import PREFIXES

BATCH_LINES = 65536


def distinct_lines(runs: list[str], lo: bytes | None = None, hi: bytes | None = None):
    """The distinct lines (with b"\\n") of sorted run files, in order, from `lo`
    (included) to `hi` (excluded). Yields from open files: exhaust or close it."""
    files = [open(p, "rb", buffering=1 << 20) for p in runs]
    try:
        parts = []
        for f in files:
            part = iter(f)
            if lo is not None:
                part = itertools.dropwhile(lo.__gt__, part)
            if hi is not None:
                part = itertools.takewhile(hi.__gt__, part)
            parts.append(part)
        yield from map(itemgetter(0), itertools.groupby(heapq.merge(*parts)))
    finally:
        for f in files:
            f.close()


def write_lines(lines, out) -> int:
    """Write an iterator of lines in batches; the number written."""
    count = 0
    while batch := list(itertools.islice(lines, BATCH_LINES)):
        out.write(b"".join(batch))
        count += len(batch)
    return count


class _LinesReader(io.RawIOBase):
    """An iterator of lines as a binary file, for the parser to read from
    without a temporary file in between; counts the lines."""

    def __init__(self, lines):
        self.lines, self.count, self.rest = lines, 0, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        pieces, size = [self.rest], len(self.rest)
        while size < len(buffer):
            batch = list(itertools.islice(self.lines, 1024))
            if not batch:
                break
            self.count += len(batch)
            pieces.append(b"".join(batch))
            size += len(pieces[-1])
        data = b"".join(pieces)
        n = min(len(buffer), len(data))
        buffer[:n] = memoryview(data)[:n]
        self.rest = data[n:]
        return n


def write_turtle(runs: list[str], out, lo: bytes | None = None, hi: bytes | None = None) -> int:
    """The merged lines from `lo` to `hi` as Turtle (with the @prefix lines) to
    `out`; the number of triples."""
    reader = _LinesReader(distinct_lines(runs, lo, hi))
    # lenient: the lines were checked when they were made (kg.store.cache) or read from the store
    ox.serialize(ox.parse(io.BufferedReader(reader, 1 << 20), format=ox.RdfFormat.N_TRIPLES, lenient=True), out,
                 ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return reader.count


def subject_key(line: bytes) -> bytes:
    """The bytes every line of this line's subject starts with: the subject and
    the space after it (a subject term holds no space)."""
    return line[: line.index(b" ") + 1]


def write_turtle_split(runs: list[str], out, tmp_dir: str | os.PathLike, pivot: bytes) -> int:
    """Like `write_turtle` over all lines, the lines from `pivot` (a
    `subject_key`) on written by a child process at the same time."""
    fd, upper = tempfile.mkstemp(prefix=".merged.", suffix=".ttl", dir=tmp_dir)
    os.close(fd)
    package_root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)}
    try:
        child = subprocess.Popen([sys.executable, "-m", "kg.store.merge", pivot.hex(), upper, *runs],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        try:
            count = write_turtle(runs, out, hi=pivot)
        except BaseException:
            child.kill()
            child.communicate()
            raise
        stdout, stderr = child.communicate()
        if child.returncode != 0:
            raise StoreError(f"Turtle export: the process writing its second half failed: "
                             f"{stderr.decode('utf-8', 'replace')[-1000:]}")
        upper_count = int(stdout)
        with open(upper, "rb") as f:
            if count:  # the first half wrote the @prefix lines already
                while (line := f.readline()).startswith(b"@prefix"):
                    pass
                out.write(line)
            shutil.copyfileobj(f, out, 1 << 20)
        return count + upper_count
    finally:
        os.unlink(upper)


def _child(argv: list[str]) -> int:
    pivot, dest, *runs = argv
    with open(dest, "wb") as out:
        count = write_turtle(runs, out, lo=bytes.fromhex(pivot))
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
