"""Event arguments in whole news articles: kg against textacy's SVO triples on WikiEvents dev.

Rules of ../shared/data/README.md: the events scored are attacks, killings (Life.Die), injuries, arrests,
charges and sentences (with convictions); an event's agent argument (Attacker, Killer, Injurer, Jailer,
Prosecutor, JudgeCourt) is kg's actor, its patient argument (Target, Victim, Detainee, Defendant) kg's
target. A gold argument is recalled when a predicted event of the same action kind, stated in the
sentence of the gold trigger, has a party on the same side that matches any mention of the argument's
coreference cluster: loosely by name for a named argument (a cluster with a capitalised name of a
person, organisation or country), by head noun for a nominal one ("126 people", "the attackers").
Whoever dies is the victim of a killing whichever slot holds them ("X died": kg's actor of "die").

Precision, where judgeable: a predicted party of an event whose sentence holds a gold event of the same
kind is right when it matches an argument on its side of one of those gold events, wrong otherwise;
parties of events in sentences without such a gold event are not judged (the annotation is of the
article's salient events only).

kg runs as a user runs it: `kg build` of a folder of .txt files, then `kg query OUT/graph.ttl events
--format csv`.

    .venv/bin/python bench/wikievents.py               # scores
    .venv/bin/python bench/wikievents.py --errors 20   # also kg's first misses and false alarms
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared next to the main checkout; a worktree under /work/wt/NAME finds it one level further up.
DATA = next((base / "shared" / "data" / "wikievents" / "dev.jsonl" for base in (ROOT.parent, ROOT.parent.parent)
             if (base / "shared" / "data").is_dir()), ROOT.parent / "shared" / "data" / "wikievents" / "dev.jsonl")
KG = ROOT / ".venv" / "bin" / "kg"

# Gold event type (its first two parts) → the action kind kg must name.
KINDS = {
    "Conflict.Attack": "attack",
    "Life.Die": "kill",
    "Life.Injure": "injure",
    "Justice.ArrestJailDetain": "arrest",
    "Justice.ChargeIndict": "charge",
    "Justice.Sentence": "sentence",
    "Justice.Convict": "sentence",
}
AGENT_ROLES = frozenset({"Attacker", "Killer", "Injurer", "Jailer", "Prosecutor", "JudgeCourt"})
PATIENT_ROLES = frozenset({"Target", "Victim", "Detainee", "Defendant"})
# Action lemmas of each kind, fixed here rather than read from kg's own lexicon, so that the bench
# cannot be moved by editing the lexicon it measures. A shooting may attack, kill or wound.
ACTIONS = {
    "attack": {"attack", "strike", "bomb", "shoot", "fire", "raid", "target", "invade", "ambush", "assault",
               "hit", "shell", "storm", "open fire", "detonate", "explode", "blow up", "stab", "fight", "clash",
               "shoot down", "behead", "massacre"},
    "kill": {"kill", "murder", "assassinate", "slay", "execute", "die", "behead", "massacre", "slaughter",
             "shoot", "strangle", "lynch", "stab"},
    "injure": {"injure", "wound", "hurt", "maim", "shoot", "stab"},
    "arrest": {"arrest", "detain", "capture", "apprehend", "jail", "imprison", "seize", "hold", "take into custody"},
    "charge": {"charge", "indict", "accuse", "prosecute"},
    "sentence": {"sentence", "convict", "find guilty"},
}
NAMED_TYPES = frozenset({"PER", "ORG", "GPE"})


def load() -> list[dict]:
    if not DATA.is_file():
        sys.exit(f"bench: no such data file: {DATA}")
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


# ------------------------------------------------------------------------------------------ matching

def normalise(name: str) -> str:
    name = re.sub(r"[’']s\b", "", name)
    words = re.sub(r"[^\w\s-]", " ", name.lower()).split()
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    return " ".join(words)


def same_name(predicted: str, gold: str) -> bool:
    """Equal after normalising, or one is the other's last word (a surname) or a run of its words."""
    a, b = normalise(predicted).split(), normalise(gold).split()
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return short == long_ or any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


@dataclass
class Argument:
    doc: str
    sentence: int  # index of the gold trigger's sentence
    kind: str
    side: str  # "actor" or "target"
    names: tuple[str, ...]  # the capitalised names of its cluster (empty: nominal)
    heads: tuple[str, ...]  # lower-cased head words of its cluster's mentions
    text: str
    context: str = ""  # the trigger and its sentence, for --errors

    @property
    def named(self) -> bool:
        return bool(self.names)

    def matches(self, party: str, head: str) -> bool:
        if not party:
            return False
        if self.named and any(same_name(party, n) for n in self.names):
            return True
        return head in self.heads or any(same_name(party, h) for h in self.heads if h[:1].isupper())


def gold_arguments(docs: list[dict]) -> list[Argument]:
    arguments = []
    for doc in docs:
        entities = doc["entities"]
        cluster_of = {i: cluster for cluster in doc["clusters"] for i in cluster}
        for event in doc["events"]:
            kind = KINDS.get(".".join(event["type"].split(".")[:2]))
            if kind is None:
                continue
            for argument in event["arguments"]:
                side = "actor" if argument["role"] in AGENT_ROLES else "target" if argument["role"] in PATIENT_ROLES else ""
                if not side:
                    continue
                members = [entities[i] for i in cluster_of.get(argument["entity"], [argument["entity"]])]
                names = tuple(m["text"] for m in members if m["type"] in NAMED_TYPES and m["text"][:1].isupper())
                heads = tuple(m["text"].split()[-1].lower() for m in members)
                start, end = doc["sentences"][event["trigger"]["sent"]]
                arguments.append(Argument(doc["id"], event["trigger"]["sent"], kind, side, names, heads,
                                          argument["text"], f'[{event["trigger"]["text"]}] {doc["text"][start:end]}'))
    return arguments


@dataclass(frozen=True)
class Prediction:
    doc: str
    sentence: int
    action: str
    actor: str
    target: str


@dataclass
class Score:
    found: int = 0
    total: int = 0
    right: int = 0
    wrong: int = 0
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    def recall(self) -> str:
        return f"{self.found / self.total if self.total else 0:.2f} ({self.found}/{self.total})"

    def precision(self) -> str:
        judged = self.right + self.wrong
        return f"{self.right / judged if judged else 0:.2f} ({self.right}/{judged})"


def score(predictions: list[Prediction], arguments: list[Argument], head_of) -> tuple[Score, Score]:
    """(named, nominal) scores of `predictions` against the gold `arguments`."""
    by_sentence: dict[tuple[str, int], list[Prediction]] = {}
    for p in predictions:
        by_sentence.setdefault((p.doc, p.sentence), []).append(p)
    named, nominal = Score(), Score()
    for argument in arguments:
        result = named if argument.named else nominal
        result.total += 1
        candidates = [p for p in by_sentence.get((argument.doc, argument.sentence), [])
                      if p.action in ACTIONS[argument.kind]]
        if any(argument.matches(party, head_of(party)) for p in candidates for party in _sides(p, argument)):
            result.found += 1
        else:
            result.misses.append((argument.doc, argument.kind, argument.side, argument.text, argument.context[:220]))
    for p in predictions:
        gold = [a for a in arguments if a.doc == p.doc and a.sentence == p.sentence and p.action in ACTIONS[a.kind]]
        if not gold:
            continue
        for side, party in (("actor", p.actor), ("target", p.target)):
            if not party or (side == "actor" and p.action == "die"):
                continue
            if any(a.matches(party, head_of(party)) for a in gold if a.side == side):
                named.right += 1
            else:
                named.wrong += 1
                named.false_alarms.append((p.doc, p.action, side, party))
    return named, nominal


def _sides(p: Prediction, argument: Argument) -> list[str]:
    if p.action == "die":
        return [p.actor] if argument.side == "target" else []  # whoever dies is the victim
    return [p.actor] if argument.side == "actor" else [p.target]


# ------------------------------------------------------------------------------------------ systems

def sentence_index(doc: dict, offset: int) -> int:
    for i, (start, end) in enumerate(doc["sentences"]):
        if start <= offset < end:
            return i
    return -1


def kg_predictions(docs: list[dict]) -> list[Prediction]:
    """Build the articles with the CLI and read the `events` query's CSV."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for doc in docs:
            (folder / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
        out = Path(tmp) / "out"
        subprocess.run([str(KG), "build", str(folder), "-o", str(out)], check=True, capture_output=True)
        answer = subprocess.run([str(KG), "query", str(out / "graph.ttl"), "events", "--format", "csv"],
                                check=True, capture_output=True, text=True).stdout
    texts = {doc["id"]: doc for doc in docs}
    predictions = []
    for row in csv.DictReader(io.StringIO(answer)):
        if row["negated"] == "true":
            continue
        doc = texts[row["source"].removesuffix(".txt")]
        at = doc["text"].find(row["sentence"][:80])
        if at < 0:
            continue
        predictions.append(Prediction(doc["id"], sentence_index(doc, at + len(row["sentence"]) // 2),
                                      row["action"], row["actor"], row["target"]))
    return predictions


def textacy_predictions(nlp, docs: list[dict]) -> list[Prediction]:
    from textacy.extract import subject_verb_object_triples

    predictions = []
    for doc, parsed in zip(docs, nlp.pipe(d["text"] for d in docs)):
        for triple in subject_verb_object_triples(parsed):
            verb = triple.verb[-1]
            predictions.append(Prediction(doc["id"], sentence_index(doc, verb.idx), verb.lemma_.lower(),
                                          " ".join(t.text for t in triple.subject),
                                          " ".join(t.text for t in triple.object)))
    return predictions


def head_finder(nlp):
    """The lower-cased head word of a party's text ("126 people" → "people"), parsed once each."""
    cache: dict[str, str] = {}

    def head_of(text: str) -> str:
        if text not in cache:
            parsed = nlp(text) if text else None
            cache[text] = parsed[:].root.lower_ if parsed is not None and len(parsed) else ""
        return cache[text]

    return head_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many of kg's misses and false alarms")
    args = parser.parse_args()
    import spacy

    sys.path.insert(0, str(ROOT))
    from kg.nlp import choose_model

    docs = load()
    arguments = gold_arguments(docs)
    nlp = spacy.load(choose_model())
    head_of = head_finder(nlp)
    systems = {"kg": kg_predictions(docs), "peer: textacy SVO": textacy_predictions(nlp, docs)}
    print(f"WikiEvents dev: {len(docs)} articles, {sum(a.named for a in arguments)} named and "
          f"{sum(not a.named for a in arguments)} nominal arguments of attacks, killings, injuries, arrests, "
          f"charges and sentences")
    results = {}
    for name, predictions in systems.items():
        named, nominal = score(predictions, arguments, head_of)
        results[name] = (named, nominal)
        print(f"  {name:<20} named recall {named.recall()}  nominal recall {nominal.recall()}  "
              f"precision {named.precision()}")
    if args.errors:
        named, nominal = results["kg"]
        for title, rows in (("named misses", named.misses), ("nominal misses", nominal.misses),
                            ("false alarms", named.false_alarms)):
            print(f"\n kg {title}:")
            for row in rows[:args.errors]:
                print("   " + " | ".join(map(str, row)))


if __name__ == "__main__":
    main()
