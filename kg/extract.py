"""Extract: person–role–organization facts and actor–action–target events from a parsed article.

The rules read spaCy's dependency parse. Dependency labels are gathered in named sets below; each rule
says in a comment which construction of news prose it reads. Facts are yielded in text order, each with
its evidence: the sentence and the character offsets of the words that state it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from kg.ingest import Article

# spaCy entity labels and the entity type each stands for in the graph.
ENTITY_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
}

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj", "attr", "oprd"})
AGENTS = frozenset({"agent"})
NEGATIONS = frozenset({"neg"})
# Modifiers that stand between a title and the name it qualifies: "Foreign Minister Javad Zarif".
PRENOMINAL = frozenset({"compound", "amod", "nmod", "nn", "poss", "case", "punct", "cc", "conj"})
# Clauses that share the subject of the clause they hang from: "..., killing the leader of ...".
SUBJECTLESS_CLAUSES = frozenset({"advcl", "xcomp", "conj"})
# Complement clauses, whose truth depends on the verb they complete: "did not foresee [X going to war]".
COMPLEMENTS = frozenset({"ccomp", "xcomp"})
# Auxiliaries that make a statement hypothetical rather than reported as fact.
HYPOTHETICAL_AUXILIARIES = frozenset({"will", "would", "could", "may", "might", "should", "can", "shall", "must"})
# Prepositions that link a role to its organization: "a senior fellow at X", "an analyst with X".
ROLE_PREPOSITIONS = frozenset({"of", "at", "with", "for", "in", "from"})
FORMER_MARKERS = frozenset({"former", "ex", "then", "late", "onetime", "erstwhile"})


@dataclass(frozen=True)
class Mention:
    """A named entity as written in the text."""

    text: str
    type: str  # Person, Organization, Place, Group
    start: int  # character offsets in the article text, end exclusive
    end: int


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: its sentence and the character offsets of the words that state it."""

    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int


@dataclass(frozen=True)
class RoleFact:
    """A person holds (or held) a role in an organization."""

    person: Mention
    role: str
    organization: Mention | None
    former: bool
    evidence: Evidence


@dataclass(frozen=True)
class EventFact:
    """An actor does something to a target."""

    actor: Mention
    action: str  # the verb's lemma
    target: Mention | None
    negated: bool
    modality: str  # "asserted" or "hypothetical"
    cameo: str  # CAMEO root code, "" when the lexicon has no entry for the action
    evidence: Evidence


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    mentions: tuple[Mention, ...]
    roles: tuple[RoleFact, ...]
    events: tuple[EventFact, ...]


@cache
def role_nouns() -> frozenset[str]:
    """Head nouns of titles and positions: "minister", "commander", "fellow", ..."""
    text = resources.files("kg.data").joinpath("roles.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def verb_lexicon() -> dict[str, str]:
    """The action lemma → CAMEO root code map the project owns (`kg/data/verbs.tsv`)."""
    text = resources.files("kg.data").joinpath("verbs.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {row["lemma"]: row["cameo"] for row in rows}


def extract(doc: Doc, article: Article) -> ArticleFacts:
    """All mentions, role facts and events of one parsed article."""
    mentions = tuple(_mention(ent) for ent in doc.ents if ent.label_ in ENTITY_TYPES)
    return ArticleFacts(
        article=article,
        mentions=mentions,
        roles=tuple(_dedupe(role_facts(doc))),
        events=tuple(_dedupe(events(doc))),
    )


def _dedupe(facts):
    seen = set()
    for fact in facts:
        if fact not in seen:
            seen.add(fact)
            yield fact


# ---------------------------------------------------------------------------------------------------
# Person–role–organization


def role_facts(doc: Doc) -> Iterator[RoleFact]:
    """Yield the role facts of a document in text order."""
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        yield from _titles_before_name(ent)
        yield from _apposition(ent)


def _titles_before_name(person: Span) -> Iterator[RoleFact]:
    # "Iranian Foreign Minister Javad Zarif", "U.S. President Donald Trump": the words left of the name
    # that hang from it form its title; a country, people or organization among them is the employer.
    prefix = _prefix_tokens(person)
    if not prefix:
        return
    organization = _organization_in(prefix)
    role_words = [t for t in prefix if not t.ent_type_ and t.pos_ in {"PROPN", "NOUN", "ADJ"}]
    if not role_words or role_words[-1].lower_ not in role_nouns():
        return
    former = any(t.lower_ in FORMER_MARKERS for t in prefix)
    role = " ".join(t.text for t in role_words if t.lower_ not in FORMER_MARKERS)
    yield RoleFact(_mention(person), role, organization, former, _evidence(person.sent, prefix[0].idx, person.end_char))


def _prefix_tokens(person: Span) -> list[Token]:
    tokens: list[Token] = []
    i = person.start - 1
    doc = person.doc
    while i >= person.sent.start:
        token = doc[i]
        if token.dep_ not in PRENOMINAL or not (person.start <= token.head.i < person.end or token.head in tokens):
            break
        tokens.insert(0, token)
        i -= 1
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def _apposition(person: Span) -> Iterator[RoleFact]:
    # "Bill Roggio, a senior fellow at the ... Foundation for the Defense of Democracies": the apposed
    # noun is the role; an organization in its prepositional phrase is where the role is held.
    for appos in person.root.children:
        if appos.dep_ != "appos" or appos.lower_ not in role_nouns():
            continue
        modifiers = [t for t in appos.lefts if t.dep_ in {"amod", "compound"} and not t.ent_type_]
        former = any(t.lower_ in FORMER_MARKERS for t in modifiers)
        role = " ".join(t.text for t in [*modifiers, appos] if t.lower_ not in FORMER_MARKERS)
        organization = _organization_after(appos)
        end = max(t.idx + len(t) for t in appos.subtree)
        yield RoleFact(_mention(person), role, organization, former, _evidence(person.sent, person.start_char, end))


def _organization_after(noun: Token) -> Mention | None:
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ROLE_PREPOSITIONS:
            for token in prep.subtree:
                if token.ent_type_ in {"ORG", "GPE", "NORP"}:
                    return _mention(_entity_of(token))
    return None


def _organization_in(tokens: list[Token]) -> Mention | None:
    for label in ("ORG", "GPE", "NORP"):
        for token in tokens:
            if token.ent_type_ == label:
                return _mention(_entity_of(token))
    return None


# ---------------------------------------------------------------------------------------------------
# Actor–action–target


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
                    evidence=_evidence(token.sent, *_clause_offsets(token, actor, target)),
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
            mentions.append(_mention(_entity_of(member)))
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


# ---------------------------------------------------------------------------------------------------
# Helpers


def _entity_of(token: Token) -> Span:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return token.doc[token.i : token.i + 1]


def _mention(span: Span) -> Mention:
    # Entity spans often start with "the" ("the United States"); the name is what follows it.
    if span[0].lower_ == "the" and len(span) > 1:
        span = span[1:]
    return Mention(span.text, ENTITY_TYPES.get(span.label_, "Group"), span.start_char, span.end_char)


def _evidence(sentence: Span, start: int, end: int) -> Evidence:
    # Sentences can carry the whitespace between paragraphs; the evidence is the words alone.
    text = sentence.text
    leading = len(text) - len(text.lstrip())
    stripped = text.strip()
    sentence_start = sentence.start_char + leading
    return Evidence(stripped, sentence_start, sentence_start + len(stripped), start, end)
