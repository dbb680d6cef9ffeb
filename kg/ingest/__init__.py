"""Files -> `SourceDocument`: discovery, encoding detection, container readers.

* `discover(paths) -> list[(absolute path, source name)]`
* `discover_with_errors(paths) -> (that list, [IngestError for bad inputs])`
* `read_document(path, source) -> SourceDocument`

Imports nothing of `kg` but `kg.types`, `kg.errors` and `kg.charclass`.
"""
from __future__ import annotations

import hashlib
import os

from kg.errors import IngestError
from kg.ingest.containers import ContainerError, read_docx, read_pdf
from kg.ingest.decode import DecodeError, decode_bytes, sniff_binary
from kg.ingest.discover import SUFFIXES, discover, discover_with_errors
from kg.types import SourceDocument

__all__ = ["SUFFIXES", "discover", "discover_with_errors", "read_document"]

MEDIA_TYPES = {
    ".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown",
    ".html": "text/html", ".htm": "text/html", ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def read_document(path: str, source: str) -> SourceDocument:
    """Read and decode one file; raises IngestError with the reason on failure."""
    data = _read_bytes(path)
    if not data:
        raise IngestError(path, "empty file")
    suffix = os.path.splitext(path)[1].lower()
    media_type = MEDIA_TYPES.get(suffix, "text/plain")
    sha256 = hashlib.sha256(data).hexdigest()
    title = issued = publisher = None
    warnings = []
    try:
        if suffix == ".pdf":
            text, title, issued, publisher = read_pdf(data)
            encoding = "pdf"
        elif suffix == ".docx":
            text, title, issued, publisher = read_docx(data)
            encoding = "docx"
        elif suffix in (".html", ".htm"):
            from kg.ingest.webpage import extract  # BeautifulSoup: imported for web pages only

            html, encoding, warnings = _decode_html(data)
            text, title, issued, publisher = extract(html)
            if not text.strip():
                raise DecodeError("HTML page has no text")
        else:
            text, encoding, warnings = decode_bytes(data)
    except (DecodeError, ContainerError) as exc:
        raise IngestError(path, str(exc)) from None
    return SourceDocument(
        source=source, path=path, sha256=sha256, raw_text=text, encoding=encoding,
        media_type=media_type, title=title, issued=issued, publisher=publisher,
        warnings=tuple(warnings),
    )


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise IngestError(path, "file not found") from None
    except IsADirectoryError:
        raise IngestError(path, "is a directory, not a file") from None
    except PermissionError:
        raise IngestError(path, "permission denied") from None
    except OSError as exc:
        raise IngestError(path, f"cannot read file ({exc.strerror or exc})") from None


def _decode_html(data: bytes):
    """Strict UTF-8 first (pages often declare gb2312 wrongly), then the
    declared charset when it decodes strictly, else detection."""
    from kg.ingest.webpage import declared_charset

    kind = sniff_binary(data)
    if kind:
        raise DecodeError(f"binary content ({kind}), not text")
    declared = declared_charset(data)
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return data.decode(declared), declared, []
            except (UnicodeDecodeError, LookupError):
                pass
    return decode_bytes(data)
