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
_IDEOGRAPHS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# Strings are compared a block at a time (in C) before looking at characters.
_BLOCK = 128


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _differences(a: str, b: str) -> list[int]:
    """Indices where two strings of the same length differ."""
    out = []
    for s in range(0, len(a), _BLOCK):
        if a[s:s + _BLOCK] != b[s:s + _BLOCK]:
            out.extend(i for i in range(s, min(s + _BLOCK, len(a))) if a[i] != b[i])
    return out


def _is_traditional(text: str, converted: str, differences: list[int] | None = None) -> bool:
    ideographs = len(text) - len("".join(_IDEOGRAPHS.split(text)))
    if not ideographs:
        return False
    if len(converted) != len(text):
        return True  # phrase conversions only happen in traditional text
    changed = len(_differences(text, converted) if differences is None else differences)
    return changed >= max(1, TRADITIONAL_SHARE * ideographs)


def convert_with_offsets(text: str, offs: list[int]) -> tuple[str, list[int]]:
    """t2s on `text` while keeping `offs` (one raw offset per char) valid.

    OpenCC t2s is character-for-character in practice, so a conversion of the
    whole text that keeps its length is taken as aligned. Otherwise lines whose
    length changed are converted character by character, keeping a character
    unchanged when its conversion is not exactly one character.
    """
    out = to_simplified(text)
    differences = _differences(text, out) if len(out) == len(text) else None
    if not _is_traditional(text, out, differences):
        # A simplified document: t2s would also rewrite variants that are names
        # here (民昇 -> 民升), so only characters simplified text never uses
        # (outside GB2312, like 發) are converted.
        if not differences:
            return text, offs
        chars = list(text)
        for i in differences:
            if not _in_gb2312(text[i]):
                chars[i] = out[i]
        return "".join(chars), offs
    if len(out) == len(text):
        return out, offs
    pieces = []
    for line in text.split("\n"):
        conv = to_simplified(line)
        if len(conv) != len(line):
            conv = "".join(c if len(s := to_simplified(c)) != 1 else s for c in line)
        pieces.append(conv)
    return "\n".join(pieces), offs
