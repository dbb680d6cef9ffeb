"""Policy documents named in 《》 (with nested 〈〉/<> titles); newspapers in 《》 are not policies."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.types import Mention

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_INNER = re.compile(r"[<〈]([^<>〈〉]{4,70})[>〉]")
_NOT_POLICY = re.compile(r"(?:报|日报|晚报|杂志|周刊|月刊|期刊|网)$")


def clean_title(title: str) -> str:
    return title.strip().replace("(", "（").replace(")", "）")


@lru_cache(maxsize=1)
def _unbracketed_re() -> re.Pattern:
    from kg.nlp.lexicon import _alternation, _lines

    return re.compile(r"(?<![\u4e00-\u9fff])[市县区省][\u4e00-\u9fff（）]{4,30}?(?:" + _alternation(_lines("policy_heads.txt")) + ")")


def recognize_policies(text: str, places=()) -> list[Mention]:
    out = []
    place_alt = "|".join(re.escape(p) for p in sorted({p.text for p in places if p.code}, key=len, reverse=True))
    patterns = [_unbracketed_re()]
    if place_alt:
        patterns.append(re.compile(r"(?:" + place_alt + r")[\u4e00-\u9fff（）]{4,30}?(?:" + _unbracketed_re().pattern.rsplit("(?:", 1)[1]))
    bracketed = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
    for pat in patterns:
        for m in pat.finditer(text):
            if any(s <= m.start() < e for s, e in bracketed):
                continue
            name = m.group(0)
            out.append(Mention("PolicyDocument", name, m.start(), m.end(), "policy.head", canonical=clean_title(name)))
    for m in _TITLE.finditer(text):
        title = m.group(1)
        if _NOT_POLICY.search(title):
            continue
        out.append(Mention("PolicyDocument", title, m.start(1), m.end(1), "policy.title", canonical=clean_title(title)))
        # 《关于印发<X方案>的通知》 names two documents: the notice and the plan.
        for inner in _INNER.finditer(title):
            s = m.start(1) + inner.start(1)
            out.append(Mention("PolicyDocument", inner.group(1), s, s + len(inner.group(1)), "policy.nested-title",
                               canonical=clean_title(inner.group(1))))
    return out
