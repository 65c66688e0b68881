"""Person–role–organization facts: titles before names, appositions, and the rest of news usage."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from kg.extract.facts import Mention, RoleFact, entity_of, evidence_of, mention_of

# Modifiers that stand between a title and the name it qualifies: "Foreign Minister Javad Zarif".
PRENOMINAL = frozenset({"compound", "amod", "nmod", "nn", "poss", "case", "punct", "cc", "conj"})
# Prepositions that link a role to its organization: "a senior fellow at X", "an analyst with X".
ROLE_PREPOSITIONS = frozenset({"of", "at", "with", "for", "in", "from"})
FORMER_MARKERS = frozenset({"former", "ex", "then", "late", "onetime", "erstwhile"})


@cache
def role_nouns() -> frozenset[str]:
    """Head nouns of titles and positions: "minister", "commander", "fellow", ..."""
    text = resources.files("kg.data").joinpath("roles.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


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
    yield RoleFact(mention_of(person), role, organization, former, evidence_of(person.sent, prefix[0].idx, person.end_char))


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
        yield RoleFact(mention_of(person), role, organization, former, evidence_of(person.sent, person.start_char, end))


def _organization_after(noun: Token) -> Mention | None:
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ROLE_PREPOSITIONS:
            for token in prep.subtree:
                if token.ent_type_ in {"ORG", "GPE", "NORP"}:
                    return mention_of(entity_of(token))
    return None


def _organization_in(tokens: list[Token]) -> Mention | None:
    for label in ("ORG", "GPE", "NORP"):
        for token in tokens:
            if token.ent_type_ == label:
                return mention_of(entity_of(token))
    return None
