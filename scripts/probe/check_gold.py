"""python scripts/probe/check_gold.py GOLD.json...: the structural checks a probe
reader runs on their gold files before handing them in (shared/design/gold-format.md):
entity types, one entity per canonical name, relation endpoints that are canonical
names of entities of the right types, numeric values with units and indicators.
Errors must be fixed; warnings (a text form not found in the document, usually a
matter of normalization) are to be read. Exit status 1 when a file has an error."""
import json
import re
import sys
import unicodedata
from pathlib import Path

TYPES = {"Organization", "Program", "Location", "Person", "PolicyDocument"}
SIG = {"runs": ("Organization", "Program"), "partnerOf": ("Organization", "Organization"), "operatesIn": ("Program", "Location"),
       "locatedIn": ("Organization", "Location"), "partOf": ("Location", "Location"), "memberOf": ("Person", "Organization"),
       "subOrganizationOf": ("Organization", "Organization"), "issuedBy": ("PolicyDocument", "Organization")}


def flat(s: str) -> str:
    """A text as a reader's form is looked for in it: NFKC, no white space, no quote marks."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s)).replace("“", "").replace("”", "").replace('"', "")


def check(path) -> tuple[list[str], list[str]]:
    """(errors, warnings) of one gold file."""
    p = Path(path)
    errs, warns = [], []
    try:
        g = json.loads(p.read_text(encoding="utf-8"))
    except Exception as e:
        return [f"not JSON: {e}"], []
    for k in ("doc", "city", "entities", "observations", "relations"):
        if k not in g:
            errs.append(f"missing key {k}")
    txt = p.parent.parent / "fixtures" / "probe" / g.get("doc", "")  # tests/gold_probe/x.json -> tests/fixtures/probe/x.txt
    if g.get("doc") != p.stem + ".txt":
        errs.append(f"doc {g.get('doc')!r} should be {p.stem}.txt")
    body = flat(txt.read_text(encoding="utf-8")) if txt.is_file() else None
    if body is None:
        errs.append(f"document {txt} not found")
    canon = {}
    for e in g.get("entities", []):
        if e.get("type") not in TYPES:
            errs.append(f"entity type {e.get('type')!r} ({e.get('text')})")
        c = e.get("canonical") or e.get("text")
        if not e.get("text"):
            errs.append(f"entity without text: {e}")
        if c in canon:
            errs.append(f"two entities with canonical {c!r}")
        canon[c] = e.get("type")
        if body is not None and e.get("text") and flat(e["text"]) not in body:
            warns.append(f"entity text not in document: {e['text']!r}")
        for a in e.get("aliases", []) or []:
            if body is not None and flat(a) not in body:
                warns.append(f"alias not in document: {a!r}")
    for o in g.get("observations", []):
        if not isinstance(o.get("value"), (int, float)) or isinstance(o.get("value"), bool):
            errs.append(f"observation value not a number: {o}")
        if not o.get("unit"):
            errs.append(f"observation without unit: {o}")
        if not o.get("indicator"):
            errs.append(f"observation without indicator: {o}")
        if o.get("program") and o["program"] not in canon:
            warns.append(f"observation program {o['program']!r} is not an entity canonical")
    seen = set()
    for r in g.get("relations", []):
        pr = r.get("predicate")
        if pr not in SIG:
            errs.append(f"predicate {pr!r}")
            continue
        for end, want in zip(("subject", "object"), SIG[pr]):
            v = r.get(end)
            if v not in canon:
                errs.append(f"{pr} {end} {v!r} is not an entity canonical")
            elif canon[v] != want:
                errs.append(f"{pr} {end} {v!r} is {canon[v]}, expected {want}")
        if pr != "memberOf" and r.get("role"):
            errs.append(f"role only for memberOf: {r}")
        key = (r.get("subject"), pr, r.get("object"))
        if key in seen:
            errs.append(f"duplicate relation {key}")
        seen.add(key)
    return errs, warns


def main(paths) -> int:
    bad = 0
    for fn in paths:
        errs, warns = check(fn)
        for m in errs:
            print(f"{fn}: ERROR {m}")
        for m in warns:
            print(f"{fn}: warning {m}")
        bad += bool(errs)
        print(f"{fn}: {len(errs)} errors, {len(warns)} warnings")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
