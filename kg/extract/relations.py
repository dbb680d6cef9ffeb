"""Sentence-level relation patterns: runs, partnerOf, issuedBy, operatesIn,
memberOf and subOrganizationOf, with the cue words from relation_cues.json."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from kg.nlp.lexicon import load_lexicon
from kg.types import Mention, RelationFact

_LIST_SEP = re.compile(r"^(?:、|和|及|以及|与|，)?$")
# An organization this close to the sentence start is its grammatical subject
# (“2024年，市住建局…”); leading time phrases fit in the window.
_SUBJECT_WINDOW = 8
# A runs cue counts only this close before the program (开展“…”, 建设…驿站).
_CUE_REACH = 24
_OWN_VERB_REACH = 4  # 具体实施, 负责: the verb right after the organization


@lru_cache(maxsize=1)
def _cues():
    c = load_lexicon().relation_cues
    alt = lambda words: re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))
    return {
        "runs": alt(c["runs"]),
        "passive": alt(c["runs_passive"]),
        "partner": alt(c["partner"]),
        "partner_tail": alt(c["partner_tail"]),
        "issue": alt(c["issue"]),
    }


def _speaker_turns(text: str, mentions, person_posts, orgs) -> list[tuple[int, int]]:
    """(position, organization) of each 【name】 speaker tag whose speaker's post is known."""
    org_of = {}
    orgs_by_start: dict[int, list[tuple[int, Mention]]] = {}
    for i, o in orgs:
        orgs_by_start.setdefault(o.start, []).append((i, o))
    for link in person_posts:
        if link.organization is not None:
            org = link.organization
            parent = [i for i, o in orgs_by_start.get(mentions[org].start, ()) if o.end < mentions[org].end]
            org_of.setdefault(mentions[link.person].text, parent[0] if parent else org)
    turns = []
    for m in re.finditer(r"【([^】]{2,8})】", text):
        if m.group(1) in org_of:
            turns.append((m.start(), org_of[m.group(1)]))
    return turns


def _org_for_role(text: str, role: str, mentions, orgs, publisher: int | None) -> int | None:
    """The organization a post without one belongs to (role_bodies.tsv)."""
    target = load_lexicon().role_bodies.get(role)
    if target is None:
        return None
    if target == "@publisher":
        return publisher
    if target == "@contact":
        label = re.search(r"联系单位[：:]\s*", text)
        if label:
            for i, o in orgs:
                if o.start == label.end():
                    return i
        return publisher
    words = target.split("|")
    for i, o in orgs:
        if any(w in (o.canonical or o.text) for w in words):
            return i
    return None


def _in(m: Mention, s: int, e: int) -> bool:
    return s <= m.start and m.end <= e


def _org_list_after(orgs: list[tuple[int, Mention]], pos: int, text: str) -> list[int]:
    """Indices of organizations listed right after pos (A、B和C)."""
    out = []
    for i, m in orgs:
        if m.start < pos:
            continue
        if _LIST_SEP.match(text[pos:m.start]):
            out.append(i)
            pos = m.end
        elif m.start > pos:
            break
    return out


def extract_relations(text: str, mentions: list[Mention], sentences, person_posts, publisher: int | None) -> list[RelationFact]:
    cues = _cues()
    rels: list[RelationFact] = []
    orgs_all = [(i, m) for i, m in enumerate(mentions) if m.type == "Organization"]
    last_subject: int | None = publisher
    turns = _speaker_turns(text, mentions, person_posts, orgs_all)  # in text order
    turn_starts = [pos for pos, _ in turns]
    # mentions bucketed by sentence once: a scan per sentence made long documents quadratic
    starts = [s for s, _ in sentences]
    by_sentence: dict[int, list[tuple[int, Mention]]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(bisect.bisect_right(starts, m.start) - 1, []).append((i, m))
    for k, (s, e) in enumerate(sentences):
        here = by_sentence.get(k, [])
        if s == 0 or text[s - 1] == "\n":
            # a new paragraph starts from the voice of the current speaker, else the document's
            k = bisect.bisect_right(turn_starts, s)
            last_subject = turns[k - 1][1] if k else publisher
        if not here:
            continue  # no mention: no relation, and the subject carries over unchanged
        orgs = [(i, m) for i, m in here if m.type == "Organization" and _in(m, s, e)]
        programs = [(i, m) for i, m in here if m.type == "Program" and _in(m, s, e)]
        policies = [(i, m) for i, m in here if m.type == "PolicyDocument" and _in(m, s, e)]
        places = [(i, m) for i, m in here
                  if m.type == "Location" and _in(m, s, e) and not any(_in(m, o.start, o.end) for _, o in orgs)]
        # subject: an organization at the head of the sentence, else the one carried over
        subject = last_subject
        if orgs and orgs[0][1].start - s <= _SUBJECT_WINDOW and not cues["partner"].search(text, s, orgs[0][1].start):
            subject = last_subject = orgs[0][0]
        # partnerOf: A 联合/会同 B、C …  and  与 B 合作
        partners: list[int] = []
        for cue in cues["partner"].finditer(text, s, e):
            before = [(i, m) for i, m in orgs if m.end <= cue.start()]
            lead = before[-1][0] if before else subject
            listed = _org_list_after(orgs, cue.end(), text)
            if cue.group(0) in ("与", "同", "加强与") and listed:
                tail_from = mentions[listed[-1]].end
                if not cues["partner_tail"].search(text, tail_from, min(e, tail_from + 8)):
                    continue
            for j in listed:
                if lead is not None and lead != j:
                    rels.append(RelationFact(lead, "partnerOf", j, "rel.partner.cue", start=s, end=e))
                    partners.append(j)
        # runs: ORG <verb> … PROGRAM
        for pi, p in programs:
            runner = None
            near = max(s, p.start - _CUE_REACH)
            for oi, o in orgs:
                # the first organization that is not itself a partner named after a cue
                if oi not in partners and o.end <= p.start and cues["runs"].search(text, max(o.end, near), p.start):
                    runner = oi
                    break
            if runner is None and subject is not None and subject not in partners and cues["runs"].search(text, near, p.start):
                runner = subject
            passive = cues["passive"].search(text, p.end, e)
            if passive:
                after = [oi for oi, o in orgs if o.start >= passive.end()]
                if after:
                    runner = after[0]
            if runner is not None:
                rels.append(RelationFact(runner, "runs", pi, "rel.runs.cue", start=s, end=e))
                # 由A牵头、B具体实施的…: each organization its own verb follows runs it too
                for oi, o in orgs:
                    if (oi != runner and oi not in partners and mentions[runner].end <= o.start and o.end <= p.start
                            and cues["runs"].search(text, o.end, min(o.end + _OWN_VERB_REACH, p.start))):
                        rels.append(RelationFact(oi, "runs", pi, "rel.runs.own-verb", start=s, end=e))
        # issuedBy: ORG (联合 …) 印发/出台 《…》, or a title that starts with its issuer
        for pi, p in policies:
            issuers = []
            cue = None
            for c in cues["issue"].finditer(text, s, p.start):
                cue = c
            if cue is not None:
                before = [oi for oi, o in orgs if o.end <= cue.start() and not _in(o, p.start, p.end)]
                if before:
                    issuers.append(before[0])
                elif subject is not None:
                    issuers.append(subject)
                issuers += [j for j in partners if mentions[j].end <= cue.start()]
            inner = [oi for oi, o in orgs if o.start == p.start]
            issuers += inner
            for oi in dict.fromkeys(issuers):
                rels.append(RelationFact(pi, "issuedBy", oi, "rel.issued.cue", start=s, end=e))
        # operatesIn: a program with a place named in its sentence, or counted city-wide
        for pi, p in programs:
            for li, l in places:
                rels.append(RelationFact(pi, "operatesIn", li, "rel.operates.place", start=s, end=e))
            if load_lexicon().city_scope_re.search(text, s, e):
                rels.append(RelationFact(pi, "operatesIn", -1, "rel.operates.city-scope", start=s, end=e))
    # A village or community is part of the town or street it was named after
    # (武篆镇拉甲村、东里村): the nearest gazetteer place before it
    coded = sorted((n.end, j) for j, n in enumerate(mentions) if n.type == "Location" and n.code)
    coded_ends = [e for e, _ in coded]
    for i, m in enumerate(mentions):
        if m.type == "Location" and m.rule == "loc.settlement":
            k = bisect.bisect_right(coded_ends, m.start)
            if k:
                rels.append(RelationFact(i, "partOf", coded[k - 1][1], "rel.part-of.settlement", start=m.start,
                                         end=m.end))
    # A program a city's document talks about, with no place named for it anywhere
    # in the document, operates in the document's city.
    placed = {r.subject for r in rels if r.predicate == "operatesIn"}
    programs_by_name: dict = {}
    for j, n in enumerate(mentions):
        if n.type == "Program":
            programs_by_name.setdefault(n.canonical, []).append(j)
    for i, m in enumerate(mentions):
        if m.type == "Program" and i not in placed:
            same = programs_by_name[m.canonical]
            if not any(j in placed for j in same):
                rels.append(RelationFact(i, "operatesIn", -1, "rel.operates.document-city", start=m.start, end=m.end))
                placed.update(same)
    for link in person_posts:
        m = mentions[link.person]
        org, rule = link.organization, "rel.member.post"
        if org is None and link.role:
            org, rule = _org_for_role(text, link.role, mentions, orgs_all, publisher), "rel.member.role-body"
        if org is not None:
            rels.append(RelationFact(link.person, "memberOf", org, rule, role=link.role, start=m.start, end=m.end))
    for i, m in orgs_all:
        if m.rule == "org.sub-unit":
            for j, parent in orgs_all:
                if parent.start == m.start and parent.end < m.end:
                    rels.append(RelationFact(i, "subOrganizationOf", j, "rel.sub-unit", start=m.start, end=m.end))
    return rels
