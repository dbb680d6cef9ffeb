"""Text and metadata out of PDF and DOCX containers.

Each reader returns (text, title, issued ISO date, publisher) or raises
`ContainerError` with a reason a person can act on.
"""
from __future__ import annotations

import datetime as _dt
import io
import logging
import re
import zipfile

PAGE_BREAK = "\n\n"  # pages are joined like paragraphs; kg.text joins split sentences


class ContainerError(ValueError):
    """Why a container cannot be read; `kg.ingest` turns it into an IngestError."""


# -- PDF ---------------------------------------------------------------------
def read_pdf(data: bytes) -> tuple[str, str | None, str | None, str | None]:
    if b"%PDF-" not in data[:1024]:
        raise ContainerError("not a PDF file (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        raise ContainerError("truncated PDF (no %%EOF marker at the end)")
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ContainerError("encrypted PDF (a password is required)")
        pages = []
        for page in reader.pages:
            try:
                pages.append(page.extract_text() or "")
            except Exception:  # noqa: BLE001 - one bad page must not lose the others
                pages.append("")
        info = reader.metadata
    except ContainerError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on bad input
        raise ContainerError(f"corrupt or truncated PDF ({type(exc).__name__}: {exc})") from None
    if not pages:
        raise ContainerError("PDF has no pages")
    text = PAGE_BREAK.join(p.strip("\n") for p in pages)
    if not text.strip():
        text = _pdfminer_text(data)
    if not text.strip():
        raise ContainerError("PDF has no text layer (scanned image?)")
    title = issued = None
    if info:
        title = _str(info.get("/Title"))
        issued = _pdf_date(_str(info.get("/CreationDate")))
    return text, title, issued, None  # /Author is a person or a user name, not a publisher


def _pdfminer_text(data: bytes) -> str:
    """Second opinion for PDFs whose fonts pypdf cannot map (CID fonts)."""
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        return ""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        return extract_text(io.BytesIO(data)) or ""
    except Exception:  # noqa: BLE001
        return ""


def _str(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _pdf_date(value: str | None) -> str | None:
    """PDF date string (D:20240703120000+08'00') -> 2024-07-03."""
    if not value:
        return None
    m = _PDF_DATE.match(value)
    if not m or not m.group(2) or not m.group(3):
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


# -- DOCX --------------------------------------------------------------------
def read_docx(data: bytes) -> tuple[str, str | None, str | None, str | None]:
    if not data.startswith(b"PK"):
        raise ContainerError("not a DOCX file (not a ZIP archive)")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines = []
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, document).text)
            elif tag == "tbl":
                lines.extend(_table_lines(Table(child, document)))
        props = document.core_properties
        title, created = props.title, props.created
        if props.author == "python-docx" and created == _TEMPLATE_CREATED:
            created = None  # python-docx's template date, not the document's
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ContainerError(f"corrupt DOCX ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many types on bad input
        raise ContainerError(f"corrupt DOCX ({type(exc).__name__}: {exc})") from None
    text = "\n".join(lines)
    if not text.strip():
        raise ContainerError("DOCX has no text")
    issued = created.date().isoformat() if isinstance(created, _dt.datetime) else None
    return text, (title or "").strip() or None, issued, None


_TEMPLATE_CREATED = _dt.datetime(2013, 12, 23, 23, 15, tzinfo=_dt.timezone.utc)


def _table_lines(table) -> list[str]:
    out = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            text = cell.text.strip()
            if text and (not cells or cells[-1] != text):  # merged cells repeat
                cells.append(text)
        if cells:
            out.append(" ".join(cells))
    return out
