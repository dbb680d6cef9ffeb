"""Traditional -> simplified conversion with OpenCC, offset-safe.

The C++ binding (`opencc` 1.1+, module ``opencc`` with ``opencc.clib``) is used
when it loads; it is ~40x faster than `opencc-python-reimplemented` and has the
newer dictionaries (see docs/normalization.md). Both distributions install a
module called ``opencc``; the pure-Python one then lives at ``opencc.opencc``.
The converter is created once, at import.
"""
from __future__ import annotations

import re


def _load_converter():
    try:  # C++ binding
        import opencc

        if hasattr(opencc, "clib") or getattr(opencc, "opencc_clib", None) is not None:
            conv = opencc.OpenCC("t2s")
            conv.convert("測試")
            return conv, "opencc (C++ binding)"
    except Exception:  # noqa: BLE001 - any load failure means: try the next one
        pass
    try:  # opencc-python-reimplemented, possibly shadowed by the C++ package
        try:
            from opencc.opencc import OpenCC as PyOpenCC
        except ImportError:
            from opencc import OpenCC as PyOpenCC
        conv = PyOpenCC("t2s")
        conv.convert("測試")
        return conv, "opencc-python-reimplemented"
    except Exception as exc:  # noqa: BLE001
        raise ImportError(
            "kg.text needs OpenCC for traditional->simplified conversion: "
            "pip install 'opencc>=1.1.6'"
        ) from exc


_CONVERTER, BACKEND = _load_converter()


def to_simplified(text: str) -> str:
    """OpenCC t2s on a whole string (phrase-aware; may change length)."""
    return _CONVERTER.convert(text) if text else text


def t2s_chars(chars: list[str]) -> list[str]:
    """Convert single characters one by one (one OpenCC call in total)."""
    out = to_simplified("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # cannot happen with t2s, but never misalign
        return [to_simplified(c) for c in chars]
    return out


# A document is converted when at least this share of its ideographs change
# under t2s; simplified documents change in a handful of variant characters.
TRADITIONAL_SHARE = 0.03
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _is_traditional(text: str, converted: str) -> bool:
    ideographs = len(_IDEOGRAPH.findall(text))
    if not ideographs:
        return False
    if len(converted) != len(text):
        return True  # phrase conversions only happen in traditional text
    changed = sum(1 for a, b in zip(text, converted) if a != b)
    return changed >= max(1, TRADITIONAL_SHARE * ideographs)


def convert_with_offsets(text: str, offs: list[int]) -> tuple[str, list[int]]:
    """t2s on `text` while keeping `offs` (one raw offset per char) valid.

    OpenCC t2s is character-for-character in practice, so a conversion of the
    whole text that keeps its length is taken as aligned. Otherwise lines whose
    length changed are converted character by character, keeping a character
    unchanged when its conversion is not exactly one character.
    """
    out = to_simplified(text)
    if not _is_traditional(text, out):
        # A simplified document: t2s would also rewrite variants that are names
        # here (民昇 -> 民升), so only characters simplified text never uses
        # (outside GB2312, like 發) are converted.
        if len(out) != len(text):
            return text, offs
        return "".join(b if a != b and not _in_gb2312(a) else a for a, b in zip(text, out)), offs
    if len(out) == len(text):
        return out, offs
    pieces = []
    for line in text.split("\n"):
        conv = to_simplified(line)
        if len(conv) != len(line):
            conv = "".join(c if len(s := to_simplified(c)) != 1 else s for c in line)
        pieces.append(conv)
    return "\n".join(pieces), offs
