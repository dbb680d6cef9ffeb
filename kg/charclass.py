"""Character classes shared by `kg.ingest` and `kg.text`; imports nothing of kg.

Regex class bodies (no brackets, so they can be combined) and character
sets built once at import.
"""
from __future__ import annotations

# CJK ideographs: extension A, unified, compatibility, planes 2-3
IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

# the middle dots documents write (a transliterated name's parts, a compound unit: 元/人·月)
MIDDLE_DOTS = "·•・"

# what text in our genre is made of: ASCII text, Latin-1, general punctuation,
# symbols and enclosed numbers (①), box/arrows, CJK punctuation, ideographs,
# full-width forms
TEXTLIKE = (
    "\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2100-\u23ff\u2460-\u27bf\u3000-\u303f"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
)


def decode_pairs(encoding: str, leads: range, trails: range) -> set[str]:
    """Every character the two-byte sequences lead+trail decode to."""
    out = set()
    for lead in leads:
        for trail in trails:
            try:
                out.add(bytes((lead, trail)).decode(encoding))
            except UnicodeDecodeError:
                pass
    return out


# GB2312 level 1: the 3755 common simplified characters
GB2312_LEVEL1 = frozenset(decode_pairs("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)))

# -- GBK bytes shown by a Latin-1 or cp1252 decoder ---------------------------
# GB2312 bytes are A1-FE, so their Latin-1 face is ¡-þ; the soft hyphen (AD)
# is left out because normalization deletes it
LATIN1_HIGH = "\u00a1-\u00ac\u00ae-\u00ff"
# what cp1252 shows for bytes 80-9F (GBK extension bytes); Latin-1 shows C1
# controls there, which are bytes as they stand
CP1252_EXTRA = {ch: b for b in range(0x80, 0xA0)
                if (ch := bytes((b,)).decode("cp1252", errors="ignore"))}
NOT_ONE_BYTE = "^\x00-\u00ff" + "".join(CP1252_EXTRA)  # negated class body


def one_byte_each(s: str) -> bytes | None:
    """The bytes a Latin-1/cp1252 decoder read `s` from, or None if it cannot have."""
    try:
        return s.encode("latin-1")
    except UnicodeEncodeError:
        pass
    try:
        return bytes(ord(c) if c < "\u0100" else CP1252_EXTRA[c] for c in s)
    except KeyError:
        return None
