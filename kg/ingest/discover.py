"""Find the documents to read under files, folders and globs."""
from __future__ import annotations

import glob
import os
import unicodedata
from collections.abc import Iterator, Sequence

from kg.errors import IngestError

SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".pdf", ".docx")
GLOB_CHARS = frozenset("*?[")


def is_supported(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def discover(paths: Sequence[str]) -> list[tuple[str, str]]:
    """Sorted, de-duplicated (absolute path, source name) pairs under `paths`.

    Each input is a file (source name: its file name), a folder, searched
    recursively (source name: the path relative to that folder, with "/"), or
    a glob (source name: relative to the glob's fixed leading folders). Only
    .txt .text .md .html .htm .pdf .docx files are taken (any case); hidden
    files and folders are skipped when searching. Symlinks to files are
    followed; symlinked folders are entered once (by real path), so loops end.
    The same real file reached twice is listed once, under its first name in
    sorted order.

    Raises IngestError for an input that does not exist and matches nothing,
    or a file given by name whose type is not supported.
    """
    files, errors = discover_with_errors(paths)
    if errors:
        raise errors[0]
    return files


def discover_with_errors(paths: Sequence[str]) -> tuple[list[tuple[str, str]], list[IngestError]]:
    """Like `discover`, but bad inputs are returned as errors, not raised."""
    found: list[tuple[str, str]] = []
    errors: list[IngestError] = []
    for given in paths:
        try:
            found.extend(_expand(os.fspath(given)))
        except IngestError as exc:
            errors.append(exc)
    found.sort()
    seen: set[str] = set()
    out = []
    for path, source in found:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            out.append((path, source))
    return out, errors


def _expand(given: str) -> Iterator[tuple[str, str]]:
    if os.path.isdir(given):
        yield from _walk(given, "")
    elif os.path.isfile(given):
        if not is_supported(given):
            raise IngestError(given, f"unsupported file type (expected one of {' '.join(SUFFIXES)})")
        yield os.path.abspath(given), _name(os.path.basename(given))
    elif GLOB_CHARS & set(given):
        root = _glob_root(given)
        for match in sorted(glob.glob(given, recursive=True)):
            rel = os.path.relpath(match, root) if root else match
            if _hidden(rel):
                continue
            if os.path.isdir(match):
                yield from _walk(match, rel)
            elif os.path.isfile(match) and is_supported(match):
                yield os.path.abspath(match), _name(rel)
    else:
        raise IngestError(given, "no such file or directory")


def _walk(top: str, prefix: str) -> Iterator[tuple[str, str]]:
    """Files under `top`; symlinked folders are walked once each, by real path."""
    visited: set[str] = set()
    pending = [(top, prefix)]
    while pending:
        root, root_prefix = pending.pop()
        real_root = os.path.realpath(root)
        if real_root in visited:
            continue
        visited.add(real_root)
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=lambda e: None):
            visited.add(os.path.realpath(dirpath))
            rel_dir = os.path.relpath(dirpath, root)
            rel_dir = "" if rel_dir == "." else rel_dir
            kept = []
            for d in sorted(dirnames):
                if d.startswith("."):
                    continue
                full = os.path.join(dirpath, d)
                if os.path.islink(full):
                    if os.path.isdir(full) and os.path.realpath(full) not in visited:
                        pending.append((full, _join(root_prefix, rel_dir, d)))
                    continue
                kept.append(d)
            dirnames[:] = kept
            for f in sorted(filenames):
                full = os.path.join(dirpath, f)
                if f.startswith(".") or not is_supported(f) or not os.path.isfile(full):
                    continue
                yield os.path.abspath(full), _name(_join(root_prefix, rel_dir, f))


def _join(*parts: str) -> str:
    return "/".join(p.replace(os.sep, "/").strip("/") for p in parts if p)


def _name(rel: str) -> str:
    """Stable source name: forward slashes, NFC (macOS stores names as NFD)."""
    return unicodedata.normalize("NFC", rel.replace(os.sep, "/"))


def _hidden(rel: str) -> bool:
    return any(part.startswith(".") and part not in (".", "..") for part in rel.replace(os.sep, "/").split("/"))


def _glob_root(pattern: str) -> str:
    """The leading folders of a glob pattern that contain no wildcard."""
    parts = pattern.replace(os.sep, "/").split("/")
    fixed = []
    for part in parts[:-1]:
        if GLOB_CHARS & set(part):
            break
        fixed.append(part)
    root = "/".join(fixed)
    if pattern.startswith("/") and not root:
        return "/"
    return root
