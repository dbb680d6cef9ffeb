"""Bytes -> str with the encoding detected, not assumed.

Order of evidence:

1. binary magic numbers (PNG, JPEG, GIF, ZIP, PDF, gzip, ...) -> refuse;
2. a BOM (UTF-32, UTF-8, UTF-16);
3. NUL bytes: UTF-16/UTF-32 without BOM (ASCII and line breaks put NULs on
   one byte parity) when one of them decodes and reads as text, else binary;
4. strict UTF-8;
5. GB18030 (a superset of GB2312/GBK) against Big5 (big5, cp950, big5hkscs):
   each decoded on a sample, the one yielding more common ideographs (GB2312
   level 1 or the Big5 frequent set) wins; charset-normalizer breaks near-ties;
6. UTF-16 without BOM and without ASCII (no NULs), by the same score;
7. charset-normalizer as the last resort.

A few undecodable bytes (a truncated last character, a damaged byte) are
tolerated with U+FFFD and reported; more is an error. The decoded text must
look like text: few control characters and, when it has ideographs, mostly
common ones (random bytes that happen to decode as GB18030 do not).
"""
from __future__ import annotations

import codecs
import re

from kg.charclass import GB2312_LEVEL1, IDEOGRAPH, TEXTLIKE, decode_pairs, one_byte_each
from kg.types import Problem

SAMPLE_BYTES = 1 << 18  # bytes scored per candidate encoding
MAX_BAD_SHARE = 0.001  # tolerated share of undecodable bytes
MIN_COMMON_SHARE = 0.5  # common ideographs among ideographs, for real text
MIN_IDEOGRAPHS = 8  # below this, the ideograph share is not judged
MAX_CONTROL_SHARE = 0.01

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (old Office) document"),
    (b"SQLite format 3\x00", "SQLite database"),
)

BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _class(chars: set[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


# GB2312 level 1 (3755 common simplified) and the Big5 frequent set (5401
# common traditional characters, lead bytes A4-C6)
_COMMON = GB2312_LEVEL1 | (
    decode_pairs("big5", range(0xA4, 0xC7), range(0x40, 0x7F))
    | decode_pairs("big5", range(0xA4, 0xC6), range(0xA1, 0xFF))
)
RE_COMMON = re.compile(f"[{_class(_COMMON)}]+")
RE_IDEOGRAPH = re.compile(f"[{IDEOGRAPH}]+")
RE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]+")
RE_UNUSUAL = re.compile(r"[\ue000-\uf8ff\ufffd]+")
RE_TEXTLIKE = re.compile(f"[{TEXTLIKE}]+")
MIN_TEXTLIKE_SHARE = 0.85
# what charset-normalizer may choose: the encodings of Chinese documents
CHINESE_ENCODINGS = frozenset(("utf-8", "gb18030", "big5", "cp950", "big5hkscs",
                               "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"))


class DecodeError(ValueError):
    """Why bytes are not text; `kg.ingest` turns it into an IngestError."""


def sniff_binary(data: bytes) -> str | None:
    """A human name for a binary format recognized by its magic number."""
    for magic, name in MAGIC:
        if data.startswith(magic):
            return name
    return None


def decode_bytes(data: bytes) -> tuple[str, str, list[Problem]]:
    """Decode `data`; returns (text, encoding, warnings) or raises DecodeError."""
    if not data:
        raise DecodeError("empty file")
    kind = sniff_binary(data)
    if kind:
        raise DecodeError(f"binary content ({kind}), not text")
    for bom, enc in BOMS:
        if data.startswith(bom):
            return _finish(data[len(bom):], enc.replace("-sig", ""), enc)
    if b"\x00" in data:
        enc = _wide_encoding(data)
        if enc is None:
            raise DecodeError("binary content (NUL bytes), not text")
        return _finish(data, enc, enc)
    try:
        return _checked(data.decode("utf-8"), "utf-8", [])
    except UnicodeDecodeError:
        pass
    return _finish(data, *_best_legacy(data))


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16/UTF-32 without BOM: the candidate that decodes best, if it reads as text."""
    scored = []
    for enc in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        text = _sample_decode(data, enc)
        if text is not None:
            scored.append((_score(text), enc, text))
    if not scored:
        return None
    score, enc, text = max(scored)
    try:
        _checked(text, enc, [])
    except DecodeError:
        return None
    return enc if score > 0 else None


RE_ASCII_TEXT = re.compile(r"[\x20-\x7e\t\n\r]+")


def _score(text: str) -> int:
    """Common ideographs and printable ASCII, minus a penalty for control
    characters and U+FFFD."""
    return (_count(RE_COMMON, text) + _count(RE_ASCII_TEXT, text)
            - 20 * (_count(RE_CONTROL, text) + _count(RE_UNUSUAL, text)))


def _sample_decode(data: bytes, encoding: str) -> str | None:
    """Decode the first SAMPLE_BYTES (a split last character is fine), strictly."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        return decoder.decode(data[:SAMPLE_BYTES], final=len(data) <= SAMPLE_BYTES)
    except UnicodeDecodeError:
        return None


def _best_legacy(data: bytes) -> tuple[str, str]:
    """Choose among GB18030, Big5/cp950 and BOM-less UTF-16 by sample score."""
    scored = []
    candidates = ["gb18030", "big5", "cp950", "big5hkscs"]  # HKSCS adds pinyin letters (í ǎ) and more
    if len(data) % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"]
    for enc in candidates:
        text = _sample_decode(data, enc)
        if text is not None:
            scored.append((_score(text), enc))
    scored.sort(reverse=True)
    if not scored or scored[0][0] <= 0:  # nothing reads as text: lenient decoding, charset-normalizer
        return _fallback(data)
    best_score, best = scored[0]
    if len(scored) > 1 and scored[1][0] >= 0.95 * best_score > 0:
        tie = _charset_normalizer(data, {enc for s, enc in scored if s >= 0.95 * best_score})
        if tie:
            best = tie
    return best, best


def _fallback(data: bytes) -> tuple[str, str]:
    """No strict decoding: the candidate with the fewest bad bytes, if few enough."""
    best = None
    for enc in ("utf-8", "gb18030", "big5hkscs"):
        text = data[:SAMPLE_BYTES].decode(enc, errors="replace")
        bad = text.count("\ufffd")
        key = (bad, -_score(text))
        if best is None or key < best[0]:
            best = (key, enc)
    bad, enc = best[0][0], best[1]
    if bad <= max(2, MAX_BAD_SHARE * min(len(data), SAMPLE_BYTES)):
        return enc, enc
    guess = _charset_normalizer(data, None)
    if guess:
        return guess, guess
    raise DecodeError("not decodable as UTF-8, GB18030, Big5 or UTF-16")


def _charset_normalizer(data: bytes, allowed: set[str] | None) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: detection still works without it
        return None
    result = from_bytes(data[:SAMPLE_BYTES]).best()
    if result is None:
        return None
    try:
        enc = codecs.lookup(result.encoding).name
    except LookupError:
        return None
    enc = {"gbk": "gb18030", "gb2312": "gb18030", "hz": "gb18030"}.get(enc, enc)
    if enc not in CHINESE_ENCODINGS or (allowed is not None and enc not in allowed):
        return None
    return enc


def _finish(data: bytes, codec: str, name: str) -> tuple[str, str, list[Problem]]:
    """Decode everything with `codec`, tolerating a few bad bytes."""
    try:
        return _checked(data.decode(codec), name, [])
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad > max(2, MAX_BAD_SHARE * len(data)):
        raise DecodeError("not decodable as UTF-8, GB18030, Big5 or UTF-16")
    first = text.index("\ufffd")
    warning = Problem("decode-errors", f"{bad} undecodable byte sequence(s) replaced by U+FFFD as {name}",
                      first, first + 1)
    return _checked(text, name, [warning])


def _count(runs: re.Pattern, text: str) -> int:
    """Characters of a class in `text`; `runs` matches runs of them (a list of
    runs, not one string per character: 4x faster on Chinese text)."""
    return sum(map(len, runs.findall(text)))


def _checked(text: str, encoding: str, warnings: list[Problem]) -> tuple[str, str, list[Problem]]:
    """Refuse decoded text that is not text."""
    sample = text[:SAMPLE_BYTES]
    if not sample.strip():
        raise DecodeError("no text (only whitespace)")
    if _count(RE_CONTROL, sample) > MAX_CONTROL_SHARE * len(sample) + 1 and not _reversible_latin1(sample):
        # (GBK read as Latin-1 shows GBK extension bytes as C1 controls: kg.text repairs it)
        raise DecodeError(f"binary content (control characters when read as {encoding}), not text")
    textlike = _count(RE_TEXTLIKE, sample)
    if textlike < MIN_TEXTLIKE_SHARE * len(sample):
        raise DecodeError(f"mostly not text: few letters, digits or Chinese characters when read as {encoding}")
    ideographs = _count(RE_IDEOGRAPH, sample)
    if ideographs >= MIN_IDEOGRAPHS and _count(RE_COMMON, sample) < MIN_COMMON_SHARE * ideographs:
        if not _reversible_mojibake(sample):
            raise DecodeError(f"mostly not text: few common Chinese characters when read as {encoding}")
        # UTF-8 that was once read as GBK and saved again: kg.text repairs it and says so
    return text, encoding, warnings


def _reversible_mojibake(sample: str) -> bool:
    """Whether re-encoding as GBK and decoding as UTF-8 gives common Chinese text."""
    return _common_chinese(sample.encode("gbk", errors="replace").decode("utf-8", errors="replace"))


def _reversible_latin1(sample: str) -> bool:
    """Whether `sample` reads as GBK bytes once re-encoded as Latin-1/cp1252."""
    data = one_byte_each(sample)
    return data is not None and _common_chinese(data.decode("gbk", errors="replace"))


def _common_chinese(fixed: str) -> bool:
    ideographs = _count(RE_IDEOGRAPH, fixed)
    return (ideographs >= MIN_IDEOGRAPHS and fixed.count("\ufffd") < 0.25 * len(fixed)
            and _count(RE_COMMON, fixed) >= MIN_COMMON_SHARE * ideographs)
