"""Entities on text kg's corrections were not written for: kg against raw spaCy, and what each rule does.

Scored: person, organization and place entities (spans and classes) of `kg.nlp`'s pipeline after its
components, against the spaCy model's own, on
- CoNLL04 train and dev (../shared/data/conll04: gold `Peop`, `Org`, `Loc`; `Other` is not scored, so a
  nationality tagged NORP is neither right nor wrong), each sentence one document;
- WikiEvents dev (../shared/data/wikievents): the named mentions (capitalised, of type PER, ORG, GPE, LOC,
  FAC) of 20 whole articles; WikiEvents types nationalities ("Russian") GPE, so NORP counts as a place there.
A predicted span is right when its characters and class equal a gold mention's (exact match, but for a
leading "the", which the gold of either set leaves out or keeps by no rule kg could follow).

Per correction rule (the steps of `EntityCorrections.steps`, then `filter_spans` and the page chrome): how
many scored spans the rule added or removed, how many of the added ones are gold (+right) or not (+wrong),
how many of the removed ones were gold (-right) or not (-wrong), and the net change of true and false
positives. A rule with more harm than good on this text is one to narrow.

    .venv/bin/python bench/entities.py                  # all three sets
    .venv/bin/python bench/entities.py --only wikievents
    .venv/bin/python bench/entities.py --errors 10      # the first harmful changes of each rule
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.util import filter_spans

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from extraction import Score  # noqa: E402
SHARED = next((base / "shared" / "data" for base in (ROOT.parent, ROOT.parent.parent)
               if (base / "shared" / "data").is_dir()), ROOT.parent / "shared" / "data")

from kg.nlp import choose_model, load_pipeline  # noqa: E402

CONLL_CLASSES = {"Peop": "person", "Org": "organization", "Loc": "place"}
WIKIEVENTS_CLASSES = {"PER": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
SPACY_CLASSES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}

Mention = tuple[int, int, str]  # start, end (characters), class


@dataclass
class Document:
    id: str
    text: str
    gold: set[Mention]


def add(score: Score, predicted: set[Mention], gold: set[Mention]) -> None:
    """Count one document's mentions into `score`: right, predicted but not gold, gold but not predicted."""
    score.tp += len(predicted & gold)
    score.fp += len(predicted - gold)
    score.fn += len(gold - predicted)


@dataclass
class RuleEffect:
    added_right: int = 0
    added_wrong: int = 0
    removed_right: int = 0
    removed_wrong: int = 0
    harm: list[str] = field(default_factory=list)

    def row(self, name: str) -> str:
        tp = self.added_right - self.removed_right
        fp = self.added_wrong - self.removed_wrong
        changed = self.added_right + self.added_wrong + self.removed_right + self.removed_wrong
        return (f"    {name:<36} changed {changed:>4}  +right {self.added_right:>3}  +wrong {self.added_wrong:>3}  "
                f"-right {self.removed_right:>3}  -wrong {self.removed_wrong:>3}  net tp {tp:+d} fp {fp:+d}")


def load_conll(split: str) -> list[Document]:
    path = SHARED / "conll04" / f"{split}.jsonl"
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        s = json.loads(line)
        gold = {mention(s["text"], e["start"], e["end"], CONLL_CLASSES[e["type"]])
                for e in s["entities"] if e["type"] in CONLL_CLASSES}
        documents.append(Document(s["id"], s["text"], gold))
    return documents


def load_wikievents() -> list[Document]:
    path = SHARED / "wikievents" / "dev.jsonl"
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        gold = {mention(d["text"], e["start"], e["end"], WIKIEVENTS_CLASSES[e["type"]]) for e in d["entities"]
                if e["type"] in WIKIEVENTS_CLASSES and e["text"][:1].isupper()}
        documents.append(Document(d["id"], d["text"], gold))
    return documents


def mention(text: str, start: int, end: int, cls: str) -> Mention:
    """A mention without its leading article: "the State Department" as "State Department"."""
    if text[start:end].lower().startswith("the ") and end - start > 4:
        start += 4
    return start, end, cls


def scored(spans, classes: dict[str, str]) -> set[Mention]:
    return {mention(s.doc.text, s.start_char, s.end_char, classes[s.label_]) for s in spans if s.label_ in classes}


def effect_of(effect: RuleEffect, before: set[Mention], after: set[Mention], document: Document) -> None:
    for mention in sorted(after - before):
        if mention in document.gold:
            effect.added_right += 1
        else:
            effect.added_wrong += 1
            effect.harm.append(f"+ {_shown(mention, document)}")
    for mention in sorted(before - after):
        if mention in document.gold:
            effect.removed_right += 1
            effect.harm.append(f"- {_shown(mention, document)}")
        else:
            effect.removed_wrong += 1


def _shown(mention: Mention, document: Document) -> str:
    start, end, cls = mention
    gold_here = sorted(f"{document.text[s:e]!r} {c}" for s, e, c in document.gold if s < end and e > start)
    context = document.text[max(0, start - 50):end + 30].replace("\n", " ")
    return f"{document.text[start:end]!r} {cls} (gold: {', '.join(gold_here) or 'none'})  [{document.id}] ...{context}..."


def run(name: str, documents: list[Document], kg_nlp, raw_nlp, errors: int) -> None:
    classes = dict(SPACY_CLASSES, NORP="place") if name.startswith("WikiEvents") else SPACY_CLASSES
    corrections = kg_nlp.get_pipe("kg_entity_corrections")
    chrome = kg_nlp.get_pipe("kg_page_chrome")
    raw, before, after = Score(), Score(), Score()
    effects: dict[str, RuleEffect] = defaultdict(RuleEffect)
    texts = [d.text for d in documents]
    raw_docs = raw_nlp.pipe(texts, batch_size=64)
    kg_docs = kg_nlp.pipe(texts, batch_size=64, disable=["kg_entity_corrections", "kg_page_chrome"])
    for document, raw_doc, doc in zip(documents, raw_docs, kg_docs):
        add(raw, scored(raw_doc.ents, classes), document.gold)
        current = scored(doc.ents, classes)
        add(before, current, document.gold)
        spans = list(doc.ents)
        for rule, spans in corrections.steps(doc):
            now = scored(spans, classes)
            effect_of(effects[rule], current, now, document)
            current = now
        doc.ents = filter_spans(spans)
        doc = chrome(doc)
        final = scored(doc.ents, classes)
        effect_of(effects["filter_spans, page chrome"], current, final, document)
        add(after, final, document.gold)
    print(f"{name}: {len(documents)} documents, {after.tp + after.fn} gold person/organization/place mentions")
    print(raw.row("raw spaCy"))
    print(before.row("kg before corrections"))
    print(after.row("kg"))
    print("  per rule (in the order run; rules that changed nothing are not shown):")
    for rule, effect in effects.items():
        if effect.added_right + effect.added_wrong + effect.removed_right + effect.removed_wrong:
            print(effect.row(rule))
            for line in effect.harm[:errors]:
                print(f"        {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="conll-train,conll-dev,wikievents",
                        help="comma-separated: conll-train, conll-dev, wikievents")
    parser.add_argument("--errors", type=int, default=0, help="print the first N harmful changes of each rule")
    args = parser.parse_args()
    model = choose_model()
    kg_nlp, raw_nlp = load_pipeline(model), spacy.load(model)
    print(f"model: {model}")
    sets = {"conll-train": lambda: ("CoNLL04 train", load_conll("train")),
            "conll-dev": lambda: ("CoNLL04 dev", load_conll("dev")),
            "wikievents": lambda: ("WikiEvents dev (named)", load_wikievents())}
    for key in args.only.split(","):
        if key not in sets:
            sys.exit(f"bench: unknown set {key!r}; known: {', '.join(sets)}")
        name, documents = sets[key]()
        run(name, documents, kg_nlp, raw_nlp, args.errors)


if __name__ == "__main__":
    main()
