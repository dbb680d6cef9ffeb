"""Character classes shared by the normalizers: data, built once at import.

* regex class fragments (`CJK`, `CJK_PUNCT`, ...) to splice into patterns;
* `CHAR_MAP`, the 1:1 `str.translate` table (full-width digits/letters,
  exotic spaces and line separators);
* a frequency tier for every CJK ideograph, used to spot mojibake: tier 1 is
  GB2312 level 1 (the 3755 common characters) or a traditional character whose
  OpenCC t2s form is level 1; tier 2 the same for GB2312 level 2; everything
  else is rare.
"""
from __future__ import annotations

import re

from kg.charclass import GB2312_LEVEL1, IDEOGRAPH, decode_pairs
from kg.text.convert import t2s_chars

# -- regex class fragments (no brackets, so they can be combined) ----------
CJK = IDEOGRAPH
# CJK punctuation and full-width forms that hug CJK text without spaces
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014\u00b7\u2022"
CJKISH = CJK + CJK_PUNCT
PINYIN_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"

# -- 1:1 translation table ------------------------------------------------
CHAR_MAP: dict[int, str] = {}
for _cp in range(0xFF10, 0xFF1A):  # ０-９
    CHAR_MAP[_cp] = chr(_cp - 0xFEE0)
for _cp in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):  # Ａ-Ｚ ａ-ｚ
    CHAR_MAP[_cp] = chr(_cp - 0xFEE0)
CHAR_MAP[0xFF05] = "%"  # ％
for _ch in "\t\u00a0\u1680\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
    CHAR_MAP[ord(_ch)] = " "
for _ch in "\r\x0b\x0c\x85\u2028\u2029":
    CHAR_MAP[ord(_ch)] = "\n"

# characters dropped outright: CR of CRLF, C0/C1 controls, zero-width marks,
# BOM, soft hyphen, lone surrogates, non-characters
RE_JUNK = re.compile(
    "\r(?=\n)|[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\u00ad"
    "\u200b-\u200f\u2060\ufeff\ud800-\udfff\ufffe\uffff]+"
)


# -- frequency tiers ---------------------------------------------------------
def _ranges(chars) -> str:
    """A regex class body covering `chars`, as compact ranges."""
    cps = sorted(ord(c) for c in chars)
    if not cps:
        return ""
    out, start, prev = [], cps[0], cps[0]
    for cp in cps[1:]:
        if cp == prev + 1:
            prev = cp
            continue
        out.append((start, prev))
        start = prev = cp
    out.append((start, prev))
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in out)


def _tiers() -> tuple[frozenset[str], frozenset[str], list[str]]:
    level1, level2 = GB2312_LEVEL1, decode_pairs("gb2312", range(0xD8, 0xF8), range(0xA1, 0xFF))
    chars = [chr(c) for c in range(0x3400, 0x4DC0)] + [chr(c) for c in range(0x4E00, 0xA000)]
    tier1, tier2, rare = set(), set(), []
    for ch, simp in zip(chars, t2s_chars(chars)):
        if ch in level1 or simp in level1:
            tier1.add(ch)
        elif ch in level2 or simp in level2:
            tier2.add(ch)
        else:
            rare.append(ch)
    return frozenset(tier1), frozenset(tier2), rare


TIER1, TIER2, _RARE = _tiers()
TIER1_CLASS = _ranges(TIER1)
TIER2_CLASS = _ranges(TIER2)
# rare ideographs: outside GB2312 even after t2s (plus compatibility ideographs)
RARE_CLASS = _ranges(_RARE) + "\uf900-\ufaff"
# symbols GBK mis-decoding scatters around: kana, bopomofo, box drawing,
# Greek, Cyrillic, a few GB2312 row-1 oddities, private use, replacement char
ODD_SYMBOLS = (
    "\u0370-\u03ff\u0400-\u04ff\u2500-\u257f\u3040-\u30fa\u30fc-\u30ff\u3100-\u312f"
    "\u2225\u2016\u02c7\u02c9\u00a8\u3003\u3005\ue000-\uf8ff\ufffd"
)
