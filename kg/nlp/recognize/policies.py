"""Policy documents named in 《》 (with nested 〈〉/<> titles); newspapers in 《》 are not policies."""
from __future__ import annotations

import re

from kg.types import Mention

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_INNER = re.compile(r"[<〈]([^<>〈〉]{4,70})[>〉]")
_NOT_POLICY = re.compile(r"(?:报|日报|晚报|杂志|周刊|月刊|期刊|网)$")


def clean_title(title: str) -> str:
    return title.strip().replace("(", "（").replace(")", "）")


def recognize_policies(text: str) -> list[Mention]:
    out = []
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
