"""Score a built graph against gold annotations (see gold-format.md).

Per document (its named graph found through dcterms:source):
* an entity matches when one of its rdfs:label/skos:altLabel equals the gold
  text, canonical or an alias (ignoring whitespace and quote marks) and the type agrees;
* an observation matches when kg:value and kg:unit agree; its indicator agrees
  when one indicator label contains the other (reported separately);
* a relation matches when the predicate agrees and both endpoints match by name
  (either direction for partnerOf).
Matching is one-to-one; precision, recall and F1 are micro-averaged.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KGError
from kg.namespaces import DCTERMS, KG, SKOS

ENTITY_TYPES = ("Organization", "Program", "Location", "Person", "PolicyDocument")
RELATIONS = ("runs", "partnerOf", "operatesIn", "locatedIn", "partOf", "memberOf", "subOrganizationOf", "issuedBy")
_IGNORED = re.compile(r"[\s“”\"‘’'「」『』]")
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def norm_name(s: str) -> str:
    return _IGNORED.sub("", s)


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    def as_dict(self) -> dict:
        return {"tp": self.tp, "predicted": self.predicted, "gold": self.gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class EvalReport:
    entities: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    observations: Score = field(default_factory=Score)
    indicator_agree: int = 0
    relations: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    documents: dict[str, dict] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def total(self, scores: dict[str, Score]) -> Score:
        t = Score()
        for s in scores.values():
            t.add(s)
        return t

    def as_dict(self) -> dict:
        return {
            "entities": {"all": self.total(self.entities).as_dict(), **{k: v.as_dict() for k, v in sorted(self.entities.items())}},
            "observations": {**self.observations.as_dict(),
                             "indicator_agreement": round(self.indicator_agree / self.observations.tp, 4) if self.observations.tp else 0.0},
            "relations": {"all": self.total(self.relations).as_dict(), **{k: v.as_dict() for k, v in sorted(self.relations.items())}},
            "documents": self.documents,
            "missing_documents": self.missing,
        }


def load_dataset(path) -> ox.Store:
    """A TriG/N-Quads file, or a build output folder (its graph.nq)."""
    p = Path(path)
    if p.is_dir():
        p = p / "graph.nq"
    if not p.is_file():
        raise KGError(f"{path}: no graph file (expected a .trig/.nq file or a build output folder)")
    fmt = ox.RdfFormat.TRIG if p.suffix == ".trig" else ox.RdfFormat.N_QUADS
    store = ox.Store()
    store.bulk_load(path=str(p), format=fmt)
    return store


def _graph_for(store: ox.Store, doc: str):
    q = f'SELECT ?g WHERE {{ GRAPH ?g {{ ?g <{DCTERMS.source}> ?s }} FILTER(STR(?s) = {json.dumps(doc)} || STRENDS(STR(?s), {json.dumps("/" + doc)})) }}'
    rows = list(store.query(q))
    return rows[0]["g"] if rows else None


def _predicted(store: ox.Store, g) -> tuple[dict, list, list]:
    names: dict[str, set[str]] = defaultdict(set)
    types: dict[str, str] = {}
    for t in ENTITY_TYPES:
        for q in store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(str(KG[t])), g):
            types[q.subject.value] = t
    for pred in (RDFS_LABEL, str(SKOS.altLabel)):
        for q in store.quads_for_pattern(None, ox.NamedNode(pred), None, g):
            if q.subject.value in types:
                names[q.subject.value].add(norm_name(q.object.value))
    obs = []
    for row in store.query(
        f"SELECT ?o ?v ?u ?il WHERE {{ GRAPH <{g.value}> {{ ?o <{KG.value}> ?v ; <{KG.unit}> ?u . "
        f"OPTIONAL {{ ?o <{KG.indicator}> ?i . ?i <{RDFS_LABEL}> ?il }} }} }}"
    ):
        obs.append((Decimal(row["v"].value), row["u"].value, row["il"].value if row["il"] else ""))
    rels = []
    for r in RELATIONS:
        for q in store.quads_for_pattern(None, ox.NamedNode(str(KG[r])), None, g):
            if q.subject.value in types and q.object.value in types:
                rels.append((q.subject.value, r, q.object.value))
    entities = {iri: (types[iri], names[iri]) for iri in types}
    return entities, obs, rels


def _gold_names(e: dict) -> set[str]:
    return {norm_name(x) for x in [e.get("text", ""), e.get("canonical", ""), *e.get("aliases", [])] if x}


def score_document(store: ox.Store, gold: dict, report: EvalReport) -> None:
    g = _graph_for(store, gold["doc"])
    if g is None:
        report.missing.append(gold["doc"])
    entities, obs, rels = _predicted(store, g) if g is not None else ({}, [], [])
    doc_scores: dict[str, dict] = {}

    # entities: one-to-one, per type
    gold_by_canonical: dict[str, set[str]] = {}
    matched_iri: dict[str, set[str]] = defaultdict(set)  # predicted iri -> gold names it matched
    for t in ENTITY_TYPES:
        s = Score(predicted=sum(1 for ty, _ in entities.values() if ty == t))
        used: set[str] = set()
        for e in (x for x in gold["entities"] if x["type"] == t):
            s.gold += 1
            gn = _gold_names(e)
            gold_by_canonical[norm_name(e.get("canonical") or e["text"])] = gn
            for iri, (ty, names) in entities.items():
                if ty == t and iri not in used and names & gn:
                    used.add(iri)
                    s.tp += 1
                    break
        for iri, (ty, names) in entities.items():
            for gn in gold_by_canonical.values():
                if names & gn:
                    matched_iri[iri] |= gn
        report.entities[t].add(s)
        doc_scores[t] = s.as_dict()

    # observations: value + unit, preferring a partner whose indicator agrees
    s = Score(predicted=len(obs), gold=len(gold["observations"]))
    free = list(range(len(obs)))
    for o in gold["observations"]:
        value, unit, ind = Decimal(str(o["value"])), o["unit"], o.get("indicator") or ""
        cands = [i for i in free if obs[i][0] == value and obs[i][1] == unit]
        if not cands:
            continue
        agree = [i for i in cands if ind and obs[i][2] and (ind in obs[i][2] or obs[i][2] in ind)]
        pick = (agree or cands)[0]
        free.remove(pick)
        s.tp += 1
        report.indicator_agree += bool(agree)
    report.observations.add(s)
    doc_scores["observations"] = s.as_dict()

    # relations
    used_rel: set[int] = set()
    rel_scores = {r: Score(predicted=sum(1 for x in rels if x[1] == r)) for r in RELATIONS}
    for gr in gold["relations"]:
        r = gr["predicate"]
        rel_scores[r].gold += 1
        sn = gold_by_canonical.get(norm_name(gr["subject"]), {norm_name(gr["subject"])})
        on = gold_by_canonical.get(norm_name(gr["object"]), {norm_name(gr["object"])})
        for k, (ps, pr, po) in enumerate(rels):
            if k in used_rel or pr != r:
                continue
            psn, pon = entities[ps][1], entities[po][1]
            ok = bool(psn & sn and pon & on) or (r == "partnerOf" and bool(psn & on and pon & sn))
            if ok:
                used_rel.add(k)
                rel_scores[r].tp += 1
                break
    for r, sc in rel_scores.items():
        report.relations[r].add(sc)
    doc_scores["relations"] = report.total(rel_scores).as_dict()
    report.documents[gold["doc"]] = doc_scores


def evaluate(gold_dir, graph) -> EvalReport:
    gold_files = sorted(Path(gold_dir).glob("*.json"))
    if not gold_files:
        raise KGError(f"{gold_dir}: no gold .json files")
    store = load_dataset(graph)
    report = EvalReport()
    for f in gold_files:
        try:
            gold = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise KGError(f"{f}: not valid JSON ({e})") from e
        score_document(store, gold, report)
    return report


def format_table(report: EvalReport) -> str:
    d = report.as_dict()
    lines = [f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}"]

    def row(name, s):
        lines.append(f"{name:<22}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['tp']:>6}{s['predicted']:>6}{s['gold']:>6}")

    for k, v in d["entities"].items():
        row("entities" if k == "all" else f"  {k}", v)
    row("observations", d["observations"])
    lines.append(f"  indicator agreement {d['observations']['indicator_agreement']:.3f}")
    for k, v in d["relations"].items():
        row("relations" if k == "all" else f"  {k}", v)
    if d["missing_documents"]:
        lines.append("missing documents: " + ", ".join(d["missing_documents"]))
    return "\n".join(lines)
