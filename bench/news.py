"""Entities, roles and events on public-domain U.S. government press releases, scored through the CLI.

The articles are in bench/news/texts/ (`<id>.txt`: headline, blank line, body; `<id>.meta.json`: title,
publication date, URL, agency). Their gold, written by annotators who never saw kg's output, is in
bench/gold/news/ (`<id>.entities.tsv`, `.roles.tsv`, `.events.tsv`; the format is described in
bench/news/README.md). The articles become one JSON-lines corpus (title and publication date as
fields, as a feed would give them), built with `kg build` and read back with `kg query ... --format csv`
only: what a user of the command line gets is what is scored.

Peers, in the same run and on the same texts: spaCy's own entities (entities), every person paired with
every organization of a sentence (roles), textacy's subject-verb-object triples (events).

    .venv/bin/python bench/news.py                # all articles
    .venv/bin/python bench/news.py --errors 30    # also list kg's misses and false alarms
    .venv/bin/python bench/news.py --only doj     # articles whose id starts with doj
    .venv/bin/python bench/news.py --set heldout  # the held-out set (bench/heldout/texts, bench/gold/heldout)

The held-out set was written later, by annotators who saw neither kg nor its output, and is scored only to
check figures, never read to tune rules: run it without --errors.
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
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction import Score, _role_matches, matches_any, normalise, same_name  # noqa: E402

HERE = Path(__file__).resolve().parent
# The article set scored, by name: its texts and its gold (`--set`).
SETS = {"news": (HERE / "news" / "texts", HERE / "gold" / "news"),
        "heldout": (HERE / "heldout" / "texts", HERE / "gold" / "heldout"),
        "blind2": (HERE / "blind2" / "texts", HERE / "gold" / "blind2"),
        "blind3": (HERE / "blind3" / "texts", HERE / "gold" / "blind3")}
TEXTS, GOLD = SETS["news"]
SCORED_TYPES = {"Person", "Organization", "Country"}
# Meeting and talking are mutual: the gold writes one direction (host -> guest); either one matches.
SYMMETRIC_ACTIONS = {"meet", "speak", "talk", "confer", "discuss", "negotiate", "consult"}


# ------------------------------------------------------------------------------------------ names

def strip_suffix(name: str) -> str:
    """"Joseph R. Biden, Jr." is "Joseph R. Biden" for matching: a generational suffix is no part of who."""
    return re.sub(r",?\s+(?:Jr|Sr|II|III|IV)\.?$", "", name.strip())


def name_matches(predicted: str, gold: str) -> bool:
    return same_name(strip_suffix(predicted), strip_suffix(gold))


def article_forms(article_id: str) -> dict[str, list[str]]:
    """Each name the article's entity gold writes -> every form of that entity (name and aliases)."""
    forms: dict[str, list[str]] = {}
    for row in read_tsv(GOLD / f"{article_id}.entities.tsv"):
        names = [f.strip() for f in [row["name"], *row.get("aliases", "").split("|")] if f.strip()]
        for name in names:
            forms.setdefault(normalise(name), names)
    return forms


DEPARTMENT_OF = re.compile(r"^(?:(?:the )?(?:U\.S\.|United States) )?Department of (?:the )?(?P<portfolio>[A-Z][\w ]*)$")
DEPARTMENT_AFTER = re.compile(r"^(?:(?:the )?(?:U\.S\.|United States) )?(?P<portfolio>[A-Z][\w ]*?) Department$")


def department_forms(name: str) -> list[str]:
    """The ways news writes one U.S. department's name: "Treasury Department" is "Department of the
    Treasury" and "U.S. Department of the Treasury" (the gold writes one of them).

    >>> department_forms("Treasury Department")
    ['Department of the Treasury', 'Department of Treasury', 'Treasury Department', 'U.S. Department of the Treasury', 'U.S. Treasury Department']
    """
    match = DEPARTMENT_OF.match(name) or DEPARTMENT_AFTER.match(name)
    if match is None:
        return []
    portfolio = match["portfolio"]
    return [f"Department of the {portfolio}", f"Department of {portfolio}", f"{portfolio} Department",
            f"U.S. Department of the {portfolio}", f"U.S. {portfolio} Department"]


def expand(alternatives: str, forms: dict[str, list[str]]) -> str:
    """A gold party's alternatives plus the other forms the article's entity gold gives each of them, and
    the other ways of writing a department's name."""
    out: list[str] = []
    for alt in (a.strip() for a in alternatives.split("|")):
        out.append(alt)
        if alt and alt[0] not in "~-*":
            out += [strip_suffix(f) for f in forms.get(normalise(alt), [])]
    out += [form for alt in list(out) for form in department_forms(alt)]
    return "|".join(dict.fromkeys(strip_suffix(a) if a and a[0] not in "~-*" else a for a in out))


# ------------------------------------------------------------------------------------------ the data

@dataclass(frozen=True)
class NewsArticle:
    id: str
    title: str
    body: str
    published: str
    url: str


def load_articles(only: str) -> list[NewsArticle]:
    articles = []
    for path in sorted(TEXTS.glob("*.txt")):
        if not path.stem.startswith(only):
            continue
        meta_path = path.with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        headline, _, body = path.read_text(encoding="utf-8").strip().partition("\n\n")
        articles.append(NewsArticle(path.stem, meta.get("title") or headline.strip(), body.strip(),
                                    meta.get("published", ""), meta.get("url", "")))
    if not articles:
        sys.exit(f"bench: no articles in {TEXTS}")
    return articles


def read_tsv(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


# ------------------------------------------------------------------------------------------ kg, through the CLI

def kg_command() -> list[str]:
    script = Path(sys.executable).parent / "kg"
    return [str(script)] if script.exists() else ["kg"]


def run_kg(articles: list[NewsArticle], out: Path) -> dict[str, list[dict]]:
    corpus = out / "news.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for a in articles:
            record = {"id": a.id, "title": a.title, "text": a.body, "url": a.url}
            if a.published:
                record["published"] = a.published
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    build = subprocess.run([*kg_command(), "build", str(corpus), "-o", str(out / "build")],
                           capture_output=True, text=True)
    if build.returncode:
        sys.exit(f"bench: kg build failed:\n{build.stderr}")
    print(build.stdout.strip().splitlines()[-1])
    results = {}
    for query in ("entities", "roles", "events"):
        answer = subprocess.run([*kg_command(), "query", str(out / "build" / "graph.ttl"), query, "--format", "csv"],
                                capture_output=True, text=True)
        if answer.returncode:
            sys.exit(f"bench: kg query {query} failed:\n{answer.stderr}")
        results[query] = list(csv.DictReader(io.StringIO(answer.stdout)))
    return results


def article_of(source: str, ids: list[str]) -> str:
    """The article id behind a `source` column: `news.jsonl:3`, `news.jsonl#id` or the id itself."""
    if "#" in source:
        return source.split("#", 1)[1]
    line = re.fullmatch(r".*:(\d+)", source)
    if line:
        return ids[int(line.group(1)) - 1]
    return source


# ------------------------------------------------------------------------------------------ entities

@dataclass
class EntityScore:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    split: list = field(default_factory=list)
    merged: list = field(default_factory=list)
    cut_or_padded: list = field(default_factory=list)
    wrong_type: list = field(default_factory=list)
    phantoms: list = field(default_factory=list)
    missed: list = field(default_factory=list)

    def row(self, name: str) -> str:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (f"  {name:<30} P {p:5.2f}  R {r:5.2f}  F1 {f:5.2f}   (gold {self.gold}, nodes {self.predicted}; "
                f"split {len(self.split)}, merged {len(self.merged)}, cut/padded {len(self.cut_or_padded)}, "
                f"wrong type {len(self.wrong_type)}, unmatched {len(self.phantoms)})")


def gold_entities(articles: list[NewsArticle]) -> list[dict]:
    """One gold entity per real entity of the corpus: rows of the articles with the same name are one."""
    by_name: dict[str, dict] = {}
    for article in articles:
        for row in read_tsv(GOLD / f"{article.id}.entities.tsv"):
            key = normalise(row["name"])
            entity = by_name.setdefault(key, {"name": row["name"], "type": row["type"], "forms": set()})
            entity["forms"] |= {normalise(strip_suffix(f)) for f in [row["name"], *row.get("aliases", "").split("|")]
                                if f.strip()}
    # One real entity, named in full in one article and by a short form in another ("Biden"): the short
    # form is an alias of exactly one fuller gold entity of the same type.
    for key, entity in list(by_name.items()):
        fuller = [other for k, other in by_name.items() if k != key and other["type"] == entity["type"]
                  and key in other["forms"]]
        if len(fuller) == 1:
            fuller[0]["forms"] |= entity["forms"]
            del by_name[key]
    return list(by_name.values())


def _partial(predicted: str, gold_name: str) -> bool:
    """A name cut or padded: one is a run of the other's words (and they are not the same)."""
    a, b = predicted.split(), gold_name.split()
    short, long_ = sorted((a, b), key=len)
    if not short or short == long_:
        return False
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1)) and len(short) > 1 \
        or (len(short) == 1 and short[0] in long_ and len(a) > len(b))


def score_entities(rows: list[dict], gold: list[dict]) -> EntityScore:
    score = EntityScore(gold=sum(g["type"] in SCORED_TYPES for g in gold))
    hits: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        name = normalise(strip_suffix(row["entity"]))
        forms = {name} | {normalise(strip_suffix(a)) for a in (row.get("aliases") or "").split(" | ") if a.strip()}
        exact = [i for i, g in enumerate(gold) if name in g["forms"]]
        named = [i for i, g in enumerate(gold) if normalise(g["name"]) in forms]
        partial = [i for i, g in enumerate(gold) if not exact and g["type"] == "Person" and row["type"] == "Person"
                   and _partial(name, normalise(g["name"]))]
        matched = exact or partial or named
        scored_gold = [i for i in matched if gold[i]["type"] in SCORED_TYPES]
        if matched and not scored_gold:
            continue  # a place the gold lists as a place: not scored
        if not matched and row["type"] not in SCORED_TYPES | {"Group"}:
            continue  # a place no gold names: places are not scored
        score.predicted += 1
        if not scored_gold:
            score.phantoms.append(f"{row['entity']} ({row['type']})")
            continue
        score.correct += 1
        if len({normalise(gold[i]["name"]) for i in named}) > 1:
            score.merged.append(f"{row['entity']}: " + " + ".join(gold[i]["name"] for i in named))
        if not exact:
            score.cut_or_padded.append(f"{row['entity']} for {gold[scored_gold[0]]['name']}")
        for i in scored_gold[:1]:
            hits[i].append(row["entity"])
            if row["type"] != gold[i]["type"]:
                score.wrong_type.append(f"{row['entity']}: {row['type']} for {gold[i]['type']}")
    for i, g in enumerate(gold):
        if g["type"] not in SCORED_TYPES:
            continue
        if hits[i]:
            score.found += 1
            if len(hits[i]) > 1:
                score.split.append(f"{g['name']}: " + " / ".join(hits[i]))
        else:
            score.missed.append(f"{g['name']} ({g['type']})")
    return score


def spacy_entities(docs: dict) -> list[dict]:
    """Peer: spaCy's own entities, one node per distinct text, no merging."""
    from kg.resolve import countries

    seen: dict[str, dict] = {}
    types = {"PERSON": "Person", "ORG": "Organization", "NORP": "Group"}
    for doc in docs.values():
        for ent in doc.ents:
            if ent.label_ == "GPE":
                kind = "Country" if ent.text.lower().removeprefix("the ") in countries() else "Place"
            else:
                kind = types.get(ent.label_)
            if kind:
                seen.setdefault(ent.text, {"entity": ent.text, "type": kind, "aliases": ""})
    return list(seen.values())


# ------------------------------------------------------------------------------------------ roles

def score_roles(rows_by_article: dict[str, list[dict]], articles: list[NewsArticle]) -> Score:
    score = Score()
    for article in articles:
        forms = article_forms(article.id)
        gold = [{**g, "person": expand(g["person"], forms), "organization": expand(g["organization"], forms)}
                for g in read_tsv(GOLD / f"{article.id}.roles.tsv")]
        matched: set[int] = set()
        for row in rows_by_article.get(article.id, []):
            row = {**row, "person": strip_suffix(row["person"])}
            hit = next((i for i, g in enumerate(gold) if _role_matches(row, g)), None)
            if hit is None:
                score.fp += 1
                score.false_alarms.append((article.id, row["person"], f"{row['role']} @ {row['organization']}", row["sentence"]))
            elif gold[hit]["optional"] != "yes" and hit not in matched:
                matched.add(hit)
                score.tp += 1
        for i, g in enumerate(gold):
            if g["optional"] != "yes" and i not in matched:
                score.fn += 1
                score.misses.append((article.id, g["person"], f"{g['role']} @ {g['organization']}", ""))
    return score


def score_pairing(pairs_by_article: dict[str, set[tuple[str, str]]], articles: list[NewsArticle]) -> Score:
    """The pairing peer names no role: a pair is right when a gold fact has that person and organization."""
    score = Score()
    for article in articles:
        forms = article_forms(article.id)
        gold = read_tsv(GOLD / f"{article.id}.roles.tsv")
        matched: set[int] = set()
        for person, organization in sorted(pairs_by_article.get(article.id, set())):
            hit = next((i for i, g in enumerate(gold) if matches_any(strip_suffix(person), expand(g["person"], forms))
                        and g["organization"] != "-" and matches_any(organization, expand(g["organization"], forms))),
                       None)
            if hit is None:
                score.fp += 1
            elif gold[hit]["optional"] != "yes" and hit not in matched:
                matched.add(hit)
                score.tp += 1
        score.fn += sum(1 for i, g in enumerate(gold) if g["optional"] != "yes" and i not in matched)
    return score


# ------------------------------------------------------------------------------------------ events

@dataclass(frozen=True)
class Predicted:
    actor: str
    action: str
    target: str
    place: str = ""
    date: str = ""


def _head(phrase: str) -> str:
    words = re.findall(r"[a-z]+", phrase.lower())
    return words[-1].removesuffix("s") if words else ""


def party_matches(predicted: str, gold: str) -> bool:
    for alt in gold.split("|"):
        alt = alt.strip()
        if alt == "*":
            return True
        if alt == "-":
            if not predicted:
                return True
        elif alt.startswith("~"):
            if predicted and _head(predicted) == _head(alt[1:]):
                return True
        elif predicted and name_matches(predicted, alt):
            return True
    return False


def action_matches(predicted: str, gold: str) -> bool:
    predicted = predicted.lower()
    return any(predicted == alt or predicted.split()[0] == alt.split()[0] for alt in (a.strip().lower() for a in gold.split("|")) if alt)


def event_matches(p: Predicted, g: dict) -> bool:
    if not action_matches(p.action, g["action"]):
        return False
    if party_matches(p.actor, g["actor"]) and party_matches(p.target, g["target"]):
        return True
    return (p.action.split()[0].lower() in SYMMETRIC_ACTIONS and party_matches(p.target, g["actor"])
            and party_matches(p.actor, g["target"]))


@dataclass
class EventScore:
    core: int = 0
    found: int = 0
    nominal_core: int = 0
    nominal_found: int = 0
    predicted: int = 0
    correct: int = 0
    unasserted_asserted: int = 0
    places: list = field(default_factory=lambda: [0, 0])
    dates: list = field(default_factory=lambda: [0, 0])
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    def row(self, name: str) -> str:
        r = self.found / self.core if self.core else 0.0
        p = self.correct / self.predicted if self.predicted else 0.0
        return (f"  {name:<30} core recall {r:5.2f} ({self.found}/{self.core})  precision {p:5.2f} "
                f"({self.correct}/{self.predicted})  with a nominal party {self.nominal_found}/{self.nominal_core}  "
                f"place {self.places[0]}/{self.places[1]}  date {self.dates[0]}/{self.dates[1]}  "
                f"negated or hypothetical asserted: {self.unasserted_asserted}")


def score_events(predicted_by_article: dict[str, list[Predicted]], articles: list[NewsArticle]) -> EventScore:
    score = EventScore()
    for article in articles:
        forms = article_forms(article.id)
        gold = [{**g, "actor": expand(g["actor"], forms), "target": expand(g["target"], forms)}
                for g in read_tsv(GOLD / f"{article.id}.events.tsv")]
        predicted = sorted(set(predicted_by_article.get(article.id, [])), key=lambda p: (p.actor, p.action, p.target))
        for g in gold:
            if g["status"] != "core":
                continue
            nominal = "~" in g["actor"] + g["target"]
            score.core += 1
            score.nominal_core += nominal
            hit = next((p for p in predicted if event_matches(p, g)), None)
            if hit is None:
                score.misses.append((article.id, g["actor"], f"{g['action']} {g['target']}", ""))
                continue
            score.found += 1
            score.nominal_found += nominal
            if g.get("place"):
                score.places[1] += 1
                score.places[0] += any(event_matches(p, g) and p.place and matches_any(p.place, g["place"]) for p in predicted)
            if g.get("date"):
                score.dates[1] += 1
                score.dates[0] += any(event_matches(p, g) and p.date == g["date"] for p in predicted)
        fair = [g for g in gold if g["status"] in {"core", "optional"}]
        unasserted = [g for g in gold if g["status"] == "not-asserted"]
        for p in {(p.actor, p.action, p.target): p for p in predicted}.values():
            score.predicted += 1
            if any(event_matches(p, g) for g in fair):
                score.correct += 1
            else:
                score.false_alarms.append((article.id, p.actor, f"{p.action} {p.target}", ""))
            score.unasserted_asserted += any(event_matches(p, g) for g in unasserted) and not any(event_matches(p, g) for g in fair)
    return score


def textacy_events(docs: dict) -> dict[str, list[Predicted]]:
    from textacy.extract import subject_verb_object_triples

    return {key: [Predicted(" ".join(t.text for t in triple.subject), triple.verb[-1].lemma_.lower(),
                            " ".join(t.text for t in triple.object)) for triple in subject_verb_object_triples(doc)]
            for key, doc in docs.items()}


# ------------------------------------------------------------------------------------------ the run

def _print_errors(title: str, items: list, limit: int) -> None:
    if limit and items:
        print(f"\n {title}:")
        for item in items[:limit]:
            print("   " + (" | ".join(str(x) for x in item if x) if isinstance(item, tuple) else str(item)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="score the articles whose id starts with this")
    parser.add_argument("--errors", type=int, default=0, help="print this many of kg's misses and false alarms")
    parser.add_argument("--set", choices=sorted(SETS), default="news", help="the article set to score")
    args = parser.parse_args()
    global TEXTS, GOLD
    TEXTS, GOLD = SETS[args.set]

    import spacy

    from kg.nlp import choose_model

    articles = load_articles(args.only)
    ids = [a.id for a in articles]
    with tempfile.TemporaryDirectory() as tmp:
        results = run_kg(articles, Path(tmp))
    by_article: dict[str, dict[str, list]] = {"roles": defaultdict(list), "events": defaultdict(list)}
    for query in ("roles", "events"):
        for row in results[query]:
            by_article[query][article_of(row["source"], ids)].append(row)
    kg_events = {key: [Predicted(r["actor"], r["action"], r["target"], r.get("place", ""), r.get("date", ""))
                       for r in rows if r["negated"] != "true"] for key, rows in by_article["events"].items()}

    nlp = spacy.load(choose_model())
    docs = {a.id: doc for a, doc in zip(articles, nlp.pipe(a.body for a in articles))}
    pairs = {key: {(p.text, o.text) for sent in doc.sents for p in sent.ents if p.label_ == "PERSON"
                   for o in sent.ents if o.label_ in {"ORG", "GPE", "NORP"}} for key, doc in docs.items()}

    gold = gold_entities(articles)
    words = sum(len(a.body.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words; gold: {sum(g['type'] in SCORED_TYPES for g in gold)} entities, "
          f"{sum(len([r for r in read_tsv(GOLD / f'{a.id}.roles.tsv') if r['optional'] != 'yes']) for a in articles)} role facts, "
          f"{sum(len([r for r in read_tsv(GOLD / f'{a.id}.events.tsv') if r['status'] == 'core']) for a in articles)} core events")
    print(" Entities (people, organizations, countries; one node each)")
    kg_entities = score_entities(results["entities"], gold)
    print(kg_entities.row("kg"))
    print(score_entities(spacy_entities(docs), gold).row("peer: spaCy entities"))
    print(" Role facts (person, role, organization, former)")
    kg_roles = score_roles(by_article["roles"], articles)
    print(kg_roles.row("kg") + f"  without an organization: {sum(not r['organization'] for r in results['roles'])}")
    print(score_pairing(pairs, articles).row("peer: pairing (person, org only)"))
    print(" Events (actor, action, target)")
    kg_score = score_events(kg_events, articles)
    print(kg_score.row("kg"))
    print(score_events(textacy_events(docs), articles).row("peer: textacy SVO"))

    for title, items in (("entities missed", kg_entities.missed), ("entity nodes matching no gold entity", kg_entities.phantoms),
                         ("split", kg_entities.split), ("merged", kg_entities.merged),
                         ("names cut or padded", kg_entities.cut_or_padded), ("wrong type", kg_entities.wrong_type),
                         ("role misses", kg_roles.misses), ("role false alarms", kg_roles.false_alarms),
                         ("core events missed", kg_score.misses), ("events matching no gold row", kg_score.false_alarms)):
        _print_errors(title, items, args.errors)


if __name__ == "__main__":
    main()
