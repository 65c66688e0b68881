"""Extraction quality: kg against two peers, scored in one run on the same sentences.

- CoNLL04 (default: the dev split): Work_For and Kill, scored with the rules of
  ../shared/data/README.md — each sentence is one document, built as one corpus through kg's own
  library API (the same path as `kg build DIR`), rows read from the bundled `roles` and `events` queries
  and matched to their sentence by `source`.
- The seed article against the hand-made gold in bench/gold/ (role facts and core events).

Peers: people and organizations of a sentence paired (what most spaCy KG tutorials do), and textacy's
`subject_verb_object_triples` (actions filtered to killing verbs for Kill).

    .venv/bin/python bench/extraction.py                 # CoNLL04 dev and the seed
    .venv/bin/python bench/extraction.py --split train   # tune elsewhere than you measure
    .venv/bin/python bench/extraction.py --errors 20     # also print kg's first misses and false alarms
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared/data beside the checkout, or beside the directory of worktrees (/work/wt/i13 -> /work/shared).
DATA = next((base / "shared" / "data" / "conll04" for base in (ROOT.parent, ROOT.parent.parent)
             if (base / "shared" / "data" / "conll04").is_dir()), ROOT.parent / "shared" / "data" / "conll04")
GOLD = Path(__file__).resolve().parent / "gold"

# Actions that count as killing (../shared/data/README.md).
KILL_ACTIONS = frozenset({"kill", "murder", "assassinate", "shoot", "slay", "execute", "behead", "strangle",
                          "stab", "poison", "gun", "lynch", "massacre", "slaughter", "hang"})


# ------------------------------------------------------------------------------------------ matching

# Titles and honorifics dropped anywhere in a name when matching: the scorer's own list, not kg's.
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "dr", "sir", "president", "general", "gen", "minister", "senator", "sen",
    "secretary", "ayatollah", "sheikh", "king", "queen", "prince", "pope", "rep", "gov", "governor",
    "commander", "colonel", "col", "major", "lt", "captain", "capt", "admiral", "adm", "judge", "justice",
    "chairman", "director", "prime", "vice", "leader", "supreme", "former",
})


@cache
def _titles() -> frozenset[str]:
    # A title of any kind before a name is no part of it when matching ("Officer Tippit" = "J.D. Tippit"):
    # ranks, honorifics and the role nouns of kg/data.
    from kg.data import role_nouns, title_words

    return role_nouns() | {w.rstrip(".") for w, kind in title_words().items() if kind in {"rank", "honorific"}}


def normalise(name: str) -> str:
    """Lower case, no punctuation, no leading article, no titles: how names are compared."""
    from kg.resolve import countries

    name = re.sub(r"[’']s\b", "", name)
    country = countries().get(name.strip().lower()) or countries().get(name.strip().lower().removeprefix("the "))
    if country is not None:
        return country.name.lower()
    name = re.sub(r"(?<=\b[A-Z])\.(?=[A-Z])", "", name)  # "U.N." = "UN"
    words = re.sub(r"[^\w\s-]", " ", name.lower()).split()
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    while len(words) > 1 and words[0] in _titles():
        words.pop(0)
    kept = [w for w in words if w not in HONORIFICS]
    return " ".join(kept or words)


def same_name(predicted: str, gold: str) -> bool:
    """Loose match: equal after normalising, or the shorter is the longer's surname or a part of it."""
    a, b = normalise(predicted), normalise(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a.split(), b.split()), key=len)
    return short[-1] == long_[-1] and set(short) <= set(long_)


def matches_any(predicted: str, alternatives: str) -> bool:
    return any(same_name(predicted, alt) for alt in alternatives.split("|"))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    unjudged: int = 0
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return (f"  {name:<34} P {self.precision:5.2f}  R {self.recall:5.2f}  F1 {self.f1:5.2f}"
                f"   (tp {self.tp}, fp {self.fp}, fn {self.fn}" + (f", unjudged {self.unjudged})" if self.unjudged else ")"))


# ------------------------------------------------------------------------------------------ CoNLL04

def load_conll(split: str) -> list[dict]:
    path = DATA / f"{split}.jsonl"
    if not path.is_file():
        sys.exit(f"bench: no such data file: {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_pairs(sentence: dict, relation: str) -> list[tuple[str, str]]:
    ents = sentence["entities"]
    return [(ents[r["head"]]["text"], ents[r["tail"]]["text"]) for r in sentence["relations"] if r["type"] == relation]


def score_pairs(predicted: dict[str, set[tuple[str, str]]], sentences: list[dict], relation: str) -> Score:
    """Score predicted (head, tail) pairs per sentence; a country or gold Loc/Other as org is unjudged."""
    from kg.resolve import countries

    score = Score()
    for sentence in sentences:
        gold = gold_pairs(sentence, relation)
        matched = [False] * len(gold)
        places = [e["text"] for e in sentence["entities"] if e["type"] in {"Loc", "Other"}]
        for head, tail in sorted(predicted.get(sentence["id"], set())):
            hit = next((i for i, (h, t) in enumerate(gold) if not matched[i] and same_name(head, h) and same_name(tail, t)), None)
            if hit is not None:
                matched[hit] = True
                score.tp += 1
            elif relation == "Work_For" and (tail.lower() in countries() or normalise(tail) in
                                             {c.name.lower() for c in countries().values()}
                                             or any(same_name(tail, p) for p in places)):
                score.unjudged += 1
            else:
                score.fp += 1
                score.false_alarms.append((sentence["id"], head, tail, sentence["text"]))
        for i, (h, t) in enumerate(gold):
            if not matched[i]:
                score.fn += 1
                score.misses.append((sentence["id"], h, t, sentence["text"]))
    return score


def kg_predictions(texts: dict[str, str], jobs: int, killing: bool = True) -> tuple[dict, dict, list[list[str]], list[list[str]]]:
    """Build the texts as one corpus (one file per text) and read the roles and events queries.

    With `killing=False` the corpus is built without the killing inference of `kg.extract.killing`
    (`kg build --no-killing-inference`): how much of Kill it finds.
    """
    from rdflib import RDF
    from rdflib.namespace import SKOS

    from kg.namespace import KG
    from kg.pipeline import build_corpus
    from kg.query import run_query

    with tempfile.TemporaryDirectory() as tmp:
        for key, text in texts.items():
            (Path(tmp) / f"{key}.txt").write_text(text, encoding="utf-8")
        graph = build_corpus([tmp], jobs=jobs, killing=killing).graph
    roles = run_query(graph, "roles")
    events = run_query(graph, "events")
    role_rows = [dict(zip(roles.columns, r)) for r in roles.rows]
    event_rows = [dict(zip(events.columns, r)) for r in events.rows]
    work_for: dict[str, set] = {}
    kill: dict[str, set] = {}
    for row in role_rows:
        if row["organization"]:
            work_for.setdefault(row["source"].removesuffix(".txt"), set()).add((row["person"], row["organization"]))
    # A party named by a noun phrase only ("two people") or not at all (an empty actor) is no named killer
    # or victim: CoNLL04 relates named entities.
    nominal = {str(label) for node in graph.subjects(RDF.type, KG.NominalParty)
               for label in graph.objects(node, SKOS.prefLabel)}
    event_rows = [{**r, "target": "" if r["target"] in nominal else r["target"]} for r in event_rows
                  if r["actor"] and r["actor"] not in nominal]
    for row in event_rows:
        if row["action"] in KILL_ACTIONS and row["target"] and row["negated"] == "false":
            kill.setdefault(row["source"].removesuffix(".txt"), set()).add((row["actor"], row["target"]))
    return work_for, kill, role_rows, event_rows


def pairing_predictions(docs: dict) -> dict[str, set[tuple[str, str]]]:
    """Peer: every person paired with every organization of the sentence."""
    return {key: {(p.text, o.text) for p in doc.ents if p.label_ == "PERSON" for o in doc.ents if o.label_ == "ORG"}
            for key, doc in docs.items()}


def textacy_predictions(docs: dict, actions: frozenset[str] | None = KILL_ACTIONS) -> dict[str, set[tuple[str, str, str]]]:
    """Peer: textacy's subject–verb–object triples (actor, action lemma, target)."""
    from textacy.extract import subject_verb_object_triples

    out: dict[str, set] = {}
    for key, doc in docs.items():
        for triple in subject_verb_object_triples(doc):
            lemma = triple.verb[-1].lemma_.lower()
            if actions is None or lemma in actions:
                subject = " ".join(t.text for t in triple.subject)
                obj = " ".join(t.text for t in triple.object)
                out.setdefault(key, set()).add((subject, lemma, obj))
    return out


def run_conll(split: str, jobs: int, errors: int) -> None:
    import spacy

    from kg.nlp import choose_model

    sentences = load_conll(split)
    texts = {s["id"]: s["text"] for s in sentences}
    work_for, kill, _, _ = kg_predictions(texts, jobs)
    nlp = spacy.load(choose_model())
    docs = dict(zip(texts, nlp.pipe(texts.values())))
    pairing = pairing_predictions(docs)
    svo = {k: {(a, t) for a, _, t in v} for k, v in textacy_predictions(docs).items()}

    print(f"CoNLL04 {split}: {len(sentences)} sentences, "
          f"{sum(len(gold_pairs(s, 'Work_For')) for s in sentences)} Work_For, "
          f"{sum(len(gold_pairs(s, 'Kill')) for s in sentences)} Kill")
    print(" Work_For")
    kg_work = score_pairs(work_for, sentences, "Work_For")
    print(kg_work.row("kg"))
    print(score_pairs(pairing, sentences, "Work_For").row("peer: pairing"))
    print(" Kill")
    kg_kill = score_pairs(kill, sentences, "Kill")
    print(kg_kill.row("kg"))
    print(score_pairs(kg_predictions(texts, jobs, killing=False)[1], sentences, "Kill").row("kg without killing inference"))
    print(score_pairs(svo, sentences, "Kill").row("peer: textacy SVO"))
    for name, score in (("Work_For", kg_work), ("Kill", kg_kill)):
        _print_errors(name, score, errors)


def _print_errors(name: str, score: Score, limit: int) -> None:
    if not limit:
        return
    print(f"\n kg {name} misses (gold head, tail):")
    for sid, h, t, text in score.misses[:limit]:
        print(f"   {sid}: {h} -> {t}  | {text[:160]}")
    print(f" kg {name} false alarms (predicted head, tail):")
    for sid, h, t, text in score.false_alarms[:limit]:
        print(f"   {sid}: {h} -> {t}  | {text[:160]}")


# ------------------------------------------------------------------------------------------ the seed

def read_gold(name: str) -> list[dict]:
    text = (GOLD / name).read_text(encoding="utf-8")
    return list(csv.DictReader((line for line in text.splitlines() if line and not line.startswith("#")),
                               delimiter="\t"))


def _role_matches(row: dict, gold: dict) -> bool:
    predicted_role = row["role"].lower()
    former = predicted_role.startswith("former ")
    if former != (gold["former"] == "yes"):
        return False
    role_ok = any(alt.lower() in predicted_role or predicted_role.removeprefix("former ") in alt.lower()
                  for alt in gold["role"].split("|"))
    org_ok = (not row["organization"]) if gold["organization"] == "-" else matches_any(row["organization"], gold["organization"])
    return role_ok and org_ok and matches_any(row["person"], gold["person"])


def score_seed_roles(rows: list[dict], gold: list[dict]) -> Score:
    score = Score()
    matched = set()
    for row in rows:
        hit = next((i for i, g in enumerate(gold) if _role_matches(row, g)), None)
        if hit is None:
            score.fp += 1
            score.false_alarms.append(("seed", row["person"], f"{row['role']} @ {row['organization']}", row["sentence"]))
        elif gold[hit]["optional"] == "no" and hit not in matched:
            matched.add(hit)
            score.tp += 1
    for i, g in enumerate(gold):
        if g["optional"] == "no" and i not in matched:
            score.fn += 1
            score.misses.append(("seed", g["person"], f"{g['role']} @ {g['organization']}", ""))
    return score


def score_pairing_roles(pairs: set[tuple[str, str]], gold: list[dict]) -> Score:
    """The pairing peer names no role: a pair is right when some gold fact has that person and organization."""
    score = Score()
    matched = set()
    for person, organization in sorted(pairs):
        hit = next((i for i, g in enumerate(gold) if matches_any(person, g["person"])
                    and g["organization"] != "-" and matches_any(organization, g["organization"])), None)
        if hit is None:
            score.fp += 1
        elif gold[hit]["optional"] == "no" and hit not in matched:
            matched.add(hit)
            score.tp += 1
    score.fn = sum(1 for i, g in enumerate(gold) if g["optional"] == "no" and i not in matched)
    return score


def _event_matches(actor: str, action: str, target: str, gold: dict) -> bool:
    if action not in gold["action"].split("|") or not matches_any(actor, gold["actor"]):
        return False
    targets = gold["target"].split("|")
    return "*" in targets or (bool(target) and matches_any(target, gold["target"]))


def score_seed_events(events: list[tuple[str, str, str, bool]], gold: list[dict]) -> tuple[Score, Score, int]:
    """(recall over core events, precision among events with both actor and target named, asserted errors)."""
    core = [g for g in gold if g["status"] == "core"]
    fair = [g for g in gold if g["status"] in {"core", "optional"}]
    not_asserted = [g for g in gold if g["status"] == "not-asserted"]
    asserted = [(a, act, t) for a, act, t, negated in events if not negated]
    recall = Score()
    for g in core:
        if any(_event_matches(a, act, t, g) for a, act, t in asserted):
            recall.tp += 1
        else:
            recall.fn += 1
            recall.misses.append(("seed", g["actor"], f"{g['action']} {g['target']}", ""))
    precision = Score()
    for a, act, t in sorted(set(asserted)):
        if not t:
            continue
        if any(_event_matches(a, act, t, g) for g in fair):
            precision.tp += 1
        else:
            precision.fp += 1
            precision.false_alarms.append(("seed", a, f"{act} {t}", ""))
    errors = sum(1 for a, act, t in asserted if any(_event_matches(a, act, t, g) for g in not_asserted))
    return recall, precision, errors


def run_seed(jobs: int, errors: int) -> None:
    import spacy

    from kg.nlp import choose_model

    seed = ROOT / "seeds" / "voa-soleimani.txt"
    text = seed.read_text(encoding="utf-8")
    _, _, role_rows, event_rows = kg_predictions({"voa-soleimani": text}, jobs)
    gold_roles = read_gold("voa-soleimani.roles.tsv")
    gold_events = read_gold("voa-soleimani.events.tsv")

    nlp = spacy.load(choose_model())
    doc = nlp(text)
    pairs = {(p.text, o.text) for sent in doc.sents for p in sent.ents if p.label_ == "PERSON"
             for o in sent.ents if o.label_ in {"ORG", "GPE", "NORP"}}
    svo = textacy_predictions({"seed": doc}, actions=None).get("seed", set())

    print(f"\nSeed article: {sum(g['optional'] == 'no' for g in gold_roles)} gold role facts, "
          f"{sum(g['status'] == 'core' for g in gold_events)} core events")
    print(" Role facts (person, role, organization, former)")
    kg_roles = score_seed_roles(role_rows, gold_roles)
    print(kg_roles.row("kg"))
    print(score_pairing_roles(pairs, gold_roles).row("peer: pairing (person, org only)"))
    kg_events = [(r["actor"], r["action"], r["target"], r["negated"] == "true") for r in event_rows]
    recall, precision, wrong = score_seed_events(kg_events, gold_events)
    peer_recall, peer_precision, peer_wrong = score_seed_events([(a, v, t, False) for a, v, t in svo], gold_events)
    print(" Events: recall over core events; precision among events between named entities")
    print(f"  {'kg':<34} recall {recall.recall:5.2f} ({recall.tp}/{recall.tp + recall.fn})  "
          f"precision {precision.precision:5.2f} ({precision.tp}/{precision.tp + precision.fp})  "
          f"negated or hypothetical asserted: {wrong}")
    print(f"  {'peer: textacy SVO':<34} recall {peer_recall.recall:5.2f} ({peer_recall.tp}/{peer_recall.tp + peer_recall.fn})  "
          f"precision {peer_precision.precision:5.2f} ({peer_precision.tp}/{peer_precision.tp + peer_precision.fp})  "
          f"negated or hypothetical asserted: {peer_wrong}")
    if errors:
        _print_errors("seed roles", kg_roles, errors)
        _print_errors("seed events (recall)", recall, errors)
        _print_errors("seed events (precision)", precision, errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", help="CoNLL04 split: dev (default) or train")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for kg")
    parser.add_argument("--errors", type=int, default=0, help="print this many of kg's misses and false alarms")
    parser.add_argument("--skip-conll", action="store_true", help="score the seed only")
    args = parser.parse_args()
    if not args.skip_conll:
        run_conll(args.split, args.jobs, args.errors)
    run_seed(args.jobs, args.errors)


if __name__ == "__main__":
    main()
