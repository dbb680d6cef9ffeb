"""Optional statistical NER beside the rules.

When a user has a spaCy Chinese pipeline installed (e.g. zh_core_web_sm, or a
folder of their own trained pipeline), `--spacy-model NAME` runs its NER on the
same text and adds the entities the rules did not find, mapped to our types.
The rules stay the default and never depend on it; nothing is downloaded.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ConfigError
from kg.types import Mention

# spaCy's OntoNotes labels (zh_core_web_*) mapped to our entity types.
LABEL_MAP = {"ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location",
             "PERSON": "Person", "PER": "Person", "NORP": None}
_ATTR = {"Organization": "orgs", "Location": "places", "Person": "persons"}
COMPONENT_PREFIX = "minsheng_statistical_ner_"


def load_statistical(name: str) -> Language:
    try:
        return spacy.load(name, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler"])
    except OSError as e:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed (install its package, e.g. "
            f"`pip install zh_core_web_sm-<version>.whl`, or pass a pipeline folder): {e}"
        ) from e


def statistical_mentions(stat: Language, text: str, taken: list[tuple[int, int]], model: str) -> list[Mention]:
    doc = stat(text)
    out = []
    for ent in doc.ents:
        etype = LABEL_MAP.get(ent.label_)
        if etype is None or len(ent.text.strip()) < 2:
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue  # the rules already explain this text
        out.append(Mention(etype, ent.text, ent.start_char, ent.end_char, f"stat.{model}"))
    return out


def add_statistical_ner(nlp: Language, name: str) -> None:
    stat = load_statistical(name)
    model = name.rstrip("/").rsplit("/", 1)[-1]

    def statistical(doc: Doc) -> Doc:
        taken = [(m.start, m.end) for attr in ("kg_places", "kg_orgs", "kg_programs", "kg_persons", "kg_policies")
                 for m in getattr(doc._, attr) or []]
        extra: dict[str, list] = {"orgs": [], "places": [], "persons": []}
        from kg.nlp import text_of

        for m in statistical_mentions(stat, text_of(doc), taken, model):
            extra[_ATTR[m.type]].append(m)
        doc._.kg_extra = extra
        return doc

    # A plain component wrapping a loaded pipeline; registered under a unique
    # name because spaCy's registry is global and a user may load two models.
    component = f"{COMPONENT_PREFIX}{id(statistical)}"
    Language.component(component, func=statistical)
    nlp.add_pipe(component, last=True)
