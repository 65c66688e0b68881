"""Actor–action–target events: active and passive voice, shared subjects, negation and modality."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from kg.extract.facts import ENTITY_TYPES, EventFact, Mention, entity_of, evidence_of, mention_of

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj", "attr", "oprd"})
AGENTS = frozenset({"agent"})
NEGATIONS = frozenset({"neg"})
# Clauses that share the subject of the clause they hang from: "..., killing the leader of ...".
SUBJECTLESS_CLAUSES = frozenset({"advcl", "xcomp", "conj"})
# Complement clauses, whose truth depends on the verb they complete: "did not foresee [X going to war]".
COMPLEMENTS = frozenset({"ccomp", "xcomp"})
# Auxiliaries that make a statement hypothetical rather than reported as fact.
HYPOTHETICAL_AUXILIARIES = frozenset({"will", "would", "could", "may", "might", "should", "can", "shall", "must"})


@cache
def verb_lexicon() -> dict[str, str]:
    """The action lemma → CAMEO root code map the project owns (`kg/data/verbs.tsv`)."""
    text = resources.files("kg.data").joinpath("verbs.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {row["lemma"]: row["cameo"] for row in rows}


def events(doc: Doc) -> Iterator[EventFact]:
    """Yield the events of a document in text order: a verb with a named actor."""
    lexicon = verb_lexicon()
    for token in doc:
        if token.pos_ != "VERB":
            continue
        actors, targets = _participants(token)
        if not actors:
            continue
        negated = _is_negated(token)
        modality = "hypothetical" if _is_hypothetical(token) else "asserted"
        for actor in actors:
            for target in targets or [None]:
                if target is not None and target == actor:
                    continue
                yield EventFact(
                    actor=actor,
                    action=token.lemma_.lower(),
                    target=target,
                    negated=negated,
                    modality=modality,
                    cameo=lexicon.get(token.lemma_.lower(), ""),
                    evidence=evidence_of(token.sent, *_clause_offsets(token, actor, target)),
                )


def _participants(verb: Token) -> tuple[list[Mention], list[Mention]]:
    children = list(verb.children)
    if any(c.dep_ in PASSIVE_SUBJECTS for c in children):
        # Passive: "X were revered by Y" — the agent Y acts, the grammatical subject X undergoes.
        actors = [m for c in children if c.dep_ in AGENTS for p in c.children for m in _named(p)]
        targets = [m for c in children if c.dep_ in PASSIVE_SUBJECTS for m in _named(c)]
        return actors, targets
    subjects = [c for c in children if c.dep_ in SUBJECTS]
    if not subjects and verb.dep_ in SUBJECTLESS_CLAUSES and verb.head is not verb:
        # "The United States struck ..., killing the leader": the participle shares its head's subject.
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECTS]
    actors = [m for s in subjects for m in _named(s)]
    targets = [m for c in children if c.dep_ in OBJECTS for m in _named(c)]
    return actors, targets


def _named(token: Token) -> list[Mention]:
    """The named entities a participant stands for: itself, its conjuncts ("the IRGC and Quds Force")."""
    mentions = []
    for member in [token, *token.conjuncts]:
        if member.ent_type_ in ENTITY_TYPES:
            mentions.append(mention_of(entity_of(member)))
    return mentions


def _is_negated(verb: Token) -> bool:
    # "he did not foresee the U.S. going to war": a negated governing verb negates its complement too.
    return any(c.dep_ in NEGATIONS for t in _governors(verb) for c in t.children)


def _is_hypothetical(verb: Token) -> bool:
    # "They will want blood", "Iran would want that to happen": not reported as having happened.
    return any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUXILIARIES for t in _governors(verb) for c in t.children)


def _governors(verb: Token) -> Iterator[Token]:
    """The verb and the verbs whose complement it is."""
    token = verb
    yield token
    while token.dep_ in COMPLEMENTS and token.head is not token:
        token = token.head
        yield token


def _clause_offsets(verb: Token, actor: Mention, target: Mention | None) -> tuple[int, int]:
    points = [verb.idx, verb.idx + len(verb), actor.start, actor.end]
    if target is not None:
        points += [target.start, target.end]
    return min(points), max(points)
