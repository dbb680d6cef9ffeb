"""Main text, title, date and publisher of an HTML page.

Boilerplate elements are dropped, the article-like container is preferred
when there is one, block elements become line breaks. lxml repairs broken
markup; nothing here raises on bad HTML.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

DROP_TAGS = ("script", "style", "noscript", "nav", "aside", "form", "iframe", "template", "svg",
             "button", "select", "object", "embed", "canvas")
PAGE_CHROME = ("header", "footer")  # dropped unless inside the article
BLOCK_TAGS = frozenset((
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "dl", "dt", "dd", "tr", "table", "tbody", "thead", "tfoot", "blockquote", "pre", "hr", "address",
    "figure", "figcaption", "center", "header", "footer", "caption", "body", "html", "title",
))
CELL_TAGS = frozenset(("td", "th"))
# id/class values of content containers on news and government sites
CONTENT_HINT = re.compile(
    r"(?:^|[\s_-])(?:content|article|main|detail|zoom|trs_editor|text|body|post|entry|zw|wenzhang|con)"
    r"(?:$|[\s_-]|\d)", re.I)
MIN_CONTAINER_SHARE = 0.2  # a container must hold this share of the page text
DATE_META = ("article:published_time", "og:published_time", "og:article:published_time", "pubdate",
             "publishdate", "publish_date", "publication_date", "publishtime", "firstpublishedtime",
             "articlepublishtime", "dc.date", "dc.date.issued", "dcterms.issued", "date",
             "citation_publication_date", "sailthru.date")
PUBLISHER_META = ("contentsource", "source", "publisher", "dc.publisher", "dcterms.publisher", "author")
TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜| - | – | — |－)\s*")
WHITESPACE = re.compile(r"[ \t\r\n\f\u00a0\u3000]+")
DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag, mapped to a superset codec."""
    m = META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    return {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "cp950"}.get(name, name)


def extract(html: str) -> tuple[str, str | None, str | None, str | None]:
    """(main text, title, ISO date, publisher) of an HTML document."""
    soup = _parse(html.replace("\x00", ""))
    issued, publisher = _meta_date(soup), _meta_publisher(soup)
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(PAGE_CHROME):
        if not tag.find_parent(("article", "main")):
            tag.decompose()
    container = _main_container(soup)
    title = _title(soup, container)
    text = _text_of(container)
    return text, title, issued, publisher


def _parse(html: str) -> BeautifulSoup:
    try:
        return BeautifulSoup(html, "lxml")
    except Exception:  # noqa: BLE001 - fall back to the forgiving stdlib parser
        return BeautifulSoup(html, "html.parser")


def _main_container(soup: BeautifulSoup) -> Tag:
    """<article>/<main>, else the tightest content-like container holding
    (nearly) all the text that is not link text, else <body>."""
    body = soup.body or soup
    total = _prose_length(body)
    for tag in soup.find_all(("article", "main"), limit=20):
        if _prose_length(tag) >= MIN_CONTAINER_SHARE * total > 0:
            return tag
    scored = []
    for tag in soup.find_all(("div", "section", "td"), limit=5000):
        hint = " ".join([tag.get("id") or ""] + list(tag.get("class") or []))
        if CONTENT_HINT.search(hint):
            prose = _prose_length(tag)
            if prose >= MIN_CONTAINER_SHARE * total > 0:
                scored.append((prose, len(tag.get_text(strip=True)), tag))
            if len(scored) >= 50:
                break
    if not scored:
        return body
    best = max(prose for prose, _, _ in scored)
    return min((x for x in scored if x[0] >= 0.9 * best), key=lambda x: x[1])[2]


def _prose_length(tag: Tag) -> int:
    """Characters of text outside links."""
    return len(tag.get_text(strip=True)) - sum(len(a.get_text(strip=True)) for a in tag.find_all("a"))


def _title(soup: BeautifulSoup, container: Tag) -> str | None:
    """<h1> of the article, else <title> without the site name, else any <h1>."""
    if container is not (soup.body or soup):
        text = _clean(container.find("h1"))
        if text:
            return text
    title = _clean(soup.title)
    if title:
        parts = [p for p in TITLE_SEPARATORS.split(title) if p]
        return parts[0] if parts and len(parts[0]) >= 4 else max(parts or [title], key=len)
    return _clean(soup.find("h1"))


def _clean(tag: Tag | None) -> str | None:
    if tag is None:
        return None
    text = WHITESPACE.sub(" ", tag.get_text(" ", strip=True)).strip()
    return text if text and len(text) <= 300 else None


def _meta_values(soup: BeautifulSoup, names: tuple[str, ...]) -> list[str]:
    found = {}
    for meta in soup.find_all("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or meta.get("http-equiv") or "").lower()
        value = (meta.get("content") or "").strip()
        if key in names and value and key not in found:
            found[key] = value
    return [found[n] for n in names if n in found]


def _meta_date(soup: BeautifulSoup) -> str | None:
    for value in _meta_values(soup, DATE_META):
        iso = _iso(value)
        if iso:
            return iso
    time = soup.find("time", attrs={"datetime": True})
    return _iso(time["datetime"]) if time else None


def _iso(value: str) -> str | None:
    m = DATE.search(value)
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _meta_publisher(soup: BeautifulSoup) -> str | None:
    for value in _meta_values(soup, PUBLISHER_META):
        if not value.startswith(("http://", "https://")):
            return value
    return None


def _text_of(root: Tag) -> str:
    """Text with block elements as line breaks and whitespace squeezed."""
    parts: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append("\n")
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, SKIP_STRINGS):
                parts.append(WHITESPACE.sub(" ", str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        if node.name == "br":
            parts.append("\n")
            continue
        if node.name in BLOCK_TAGS:
            parts.append("\n")
            stack.append((node, True))
        elif node.name in CELL_TAGS:
            parts.append(" ")
        stack.extend((child, False) for child in reversed(node.contents))
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
