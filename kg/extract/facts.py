"""The records extraction produces, and the span helpers every rule shares."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

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
    # The state the organization is part of: "Treasury Secretary Steven Mnuchin" holds his role in the
    # Department of the Treasury, part of the United States. None when the text says nothing of it.
    state: Mention | None = None


@dataclass(frozen=True)
class NominalParty:
    """A participant the text names by a noun phrase only: "several oil tankers", "126 people".

    Local to its article: two articles' "the attackers" are never one party.
    """

    text: str  # the noun phrase as written, without a leading article: "more than 100 members"
    head: str  # its head noun's lemma: "member"
    kind: str  # coarse kind of the head noun (kg/data/party_nouns.tsv): people, forces, vessel, ...
    start: int  # character offsets in the article text, end exclusive
    end: int
    quantity: int | None = None  # "126 people" → 126
    qualifier: str = ""  # "more than 100 members" → "more than"


@dataclass(frozen=True)
class When:
    """The date expression of an event's clause, and its value when the text or the publication date
    fixes one: "2018-01-19" (a day), "2018-01" (a month) or "2018" (a year)."""

    text: str  # as written: "On Friday"
    value: str  # ISO 8601 of the granularity the text gives; "" when it cannot be placed in time


def unnamed(at: int) -> Mention:
    """The actor of an event whose actor has no name: not written ("Tamerlan was killed") or written as a
    noun phrase only (`EventFact.actor_party`). It names no entity (resolution skips an empty name)."""
    return Mention("", "", at, at)


@dataclass(frozen=True)
class EventFact:
    """An actor does something to a target, maybe at a place and a time."""

    actor: Mention  # `unnamed` when the text names no actor
    action: str  # the verb's lemma
    target: Mention | None
    negated: bool
    modality: str  # "asserted" or "hypothetical"
    cameo: str  # CAMEO root code, "" when the lexicon has no entry for the action
    evidence: Evidence
    actor_party: NominalParty | None = None  # the actor's noun phrase when it has no name
    target_party: NominalParty | None = None
    place: Mention | None = None  # the named location of the event's clause
    when: When | None = None


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    mentions: tuple[Mention, ...]
    roles: tuple[RoleFact, ...]
    events: tuple[EventFact, ...]
    # (name, alias): "Ruben Oseguera-Gonzalez, also known as El Menchito" (`kg.extract.aliases`).
    aliases: tuple[tuple[Mention, Mention], ...] = ()


def entity_of(token: Token) -> Span:
    return entity_containing(token) or token.doc[token.i : token.i + 1]


def entity_containing(token: Token) -> Span | None:
    """The entity span `token` is part of, read from the IOB tags around it.

    Not a scan of `doc.ents`: that builds every entity span of the document on each call, which made
    extraction quadratic in an article's length (bench/speed.py; issue 7).
    """
    if token.ent_iob_ not in {"B", "I"}:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[start].ent_type_)


def mention_of(span: Span) -> Mention:
    # Entity spans often start with "the" ("the United States"); the name is what follows it.
    label = span.label_  # slicing a Span drops its label
    if span[0].lower_ == "the" and len(span) > 1:
        span = span[1:]
    return Mention(span.text, ENTITY_TYPES.get(label, "Group"), span.start_char, span.end_char)


def evidence_of(sentence: Span, start: int, end: int) -> Evidence:
    # Sentences can carry the whitespace between paragraphs; the evidence is the words alone, and the
    # words of the fact lie within them (a span that ends on a whitespace token stops at the last word).
    text = sentence.text
    leading = len(text) - len(text.lstrip())
    stripped = text.strip()
    sentence_start = sentence.start_char + leading
    sentence_end = sentence_start + len(stripped)
    start = min(max(start, sentence_start), sentence_end)
    return Evidence(stripped, sentence_start, sentence_end, start, max(start, min(end, sentence_end)))


def is_chrome(token: Token) -> bool:
    """Whether a token is page chrome ("Accessibility links", a repeated caption), which yields no facts.
    Set by the `kg_page_chrome` component of `kg.nlp`; always False on a Doc made without it."""
    return Token.has_extension("kg_chrome") and bool(token._.kg_chrome)
