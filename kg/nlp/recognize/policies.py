"""Policy documents named in 《》 (with nested 〈〉/<> titles); newspapers and proposals in 《》 are not policies."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp.recognize.placed import SLOT, PlacePattern
from kg.types import Mention

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_INNER = re.compile(r"[<〈]([^<>〈〉]{4,70})[>〉]")


def clean_title(title: str) -> str:
    return title.strip().replace("(", "（").replace(")", "）")


@lru_cache(maxsize=1)
def _not_title_ends() -> tuple[str, ...]:
    from kg.nlp.lexicon import _words

    return tuple(_words("policy_not_title_ends.txt"))


@lru_cache(maxsize=1)
def _unbracketed_re() -> re.Pattern:
    from kg.nlp.lexicon import alternation, _lines

    return re.compile(r"(?<![\u4e00-\u9fff])[市县区省][\u4e00-\u9fff（）]{4,30}?(?:" + alternation(_lines("policy_heads.txt")) + ")")


@lru_cache(maxsize=1)
def _placed_re() -> PlacePattern:
    """A name starting with one of the document's places (洛阳市…实施方案)."""
    return PlacePattern(SLOT + r"[\u4e00-\u9fff（）]{4,30}?(?:" + _unbracketed_re().pattern.rsplit("(?:", 1)[1])


def recognize_policies(text: str, places=()) -> list[Mention]:
    out = []
    # a title that is a line of its own heads the document itself (or the plan
    # a 关于印发《…》的通知 carries), which is no policy it cites
    own_titles = {line.strip() for line in text.split("\n")}
    names = {p.text for p in places if p.code}
    found = [(m.start(), m.end()) for m in _unbracketed_re().finditer(text)]
    if names:
        found += [(m.start, m.end) for m in _placed_re().finditer(text, names)]
    bracketed = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
    for start, end in found:
        if any(s <= start < e for s, e in bracketed):
            continue
        name = text[start:end]
        if name in own_titles or name.find("）") < name.find("（") or (name.find("（") < 0 <= name.find("）")):
            continue  # …县（市、区）卫生健康委…方案: a bracket closing first is the tail of a list, not a title
        out.append(Mention("PolicyDocument", name, start, end, "policy.head", canonical=clean_title(name)))
    for m in _TITLE.finditer(text):
        title = m.group(1)
        if title.endswith(_not_title_ends()) or title.strip() in own_titles:
            continue
        # the title as cited, in its title marks, is an alias: readers (and
        # annotators) name a policy either way
        out.append(Mention("PolicyDocument", title, m.start(1), m.end(1), "policy.title", canonical=clean_title(title),
                           alias=m.group(0)))
        # 《关于印发<X方案>的通知》 names two documents: the notice and the plan.
        for inner in _INNER.finditer(title):
            s = m.start(1) + inner.start(1)
            out.append(Mention("PolicyDocument", inner.group(1), s, s + len(inner.group(1)), "policy.nested-title",
                               canonical=clean_title(inner.group(1))))
    return out
