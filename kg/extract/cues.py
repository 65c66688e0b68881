"""Negation and modality as cue rules read from data (`kg/data/cues.tsv`), in the manner of medspaCy's ConText.

A cue is a literal, the category it gives (NEGATED_EXISTENCE, HYPOTHETICAL), a direction and a scope. Where
ConText reads a window of words left or right of a cue, these cues read the dependency tree: a cue is a
dependent of the trigger or of a word governing it ("did *not* foresee", "*will* pay", "*if* Iran
retaliates", "the *attempted* murder"), or it is a governor itself ("*denied* killing", "*plans* to
strike", "a *plot* to kill"). A FACTIVE cue terminates the scope: "can't *remember* shooting Kennedy"
says he shot him, so the negation above does not reach the shooting.

>>> sorted(cue.literal for cue in cue_rules() if cue.category == FACTIVE)[:3]
['acknowledge', 'confess', 'discover']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from kg.data import cue_table, event_words, verb_lexicon, verbal_categories
from kg.extract.labels import COMPLEMENTS, OBJECTS, PASSIVE_SUBJECTS

NEGATED = "NEGATED_EXISTENCE"
HYPOTHETICAL = "HYPOTHETICAL"
FACTIVE = "FACTIVE"
ANY_WORD = "*"
_WORDS = event_words()
# A deed noun is as real as the verb of doing it: "plans to launch attacks", "did not carry out the bombing".
LAUNCH_VERBS = _WORDS["launch_verb"]
# A deed is as real as its confirmation too: "Officials have not confirmed the killing of the commander".
CONFIRM_VERBS = _WORDS["confirm_verb"]
# Nouns of many deeds at once, and counts of them: "plans to launch a series of attacks" (the series is what
# is launched), "a wave of bombings", "The Houthis have launched dozens of attacks on ships".
SERIES_NOUNS = _WORDS["series_noun"] | _WORDS["quantity_noun"]
# "Singh called Obama to congratulate him", "met Iwaya to discuss the alliance": the purpose of a contact is
# said in it when it is a thing said (a verbal CAMEO category), so it is done, not intended.
CONTACT_VERBS = _WORDS["contact_verb"]


@dataclass(frozen=True)
class Cue:
    """One cue rule: `literal` (a word, "*" any), `category`, `direction` (dependent, governor, terminate),
    `scope` (trigger, clause, purpose; complement, infinitive) and, for a dependent, its labels `deps`."""

    literal: str
    category: str
    direction: str
    scope: str
    deps: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Index:
    """A category's cues for look-up: (scope, label) → literals of dependents; the lemmas governing a trigger
    through a complement, and those governing it as their object (`asking`)."""

    dependents: dict[tuple[str, str], frozenset[str]]
    governing: frozenset[str]
    asking: frozenset[str]


@cache
def cue_rules() -> tuple[Cue, ...]:
    """The cue rules in file order."""
    return tuple(Cue(row["literal"], row["category"], row["direction"], row["scope"],
                     frozenset(d for d in (row.get("dep") or "").split("|") if d)) for row in cue_table())


@cache
def _index(category: str) -> _Index:
    dependents: dict[tuple[str, str], set[str]] = {}
    governing, asking = set(), set()
    for cue in cue_rules():
        if cue.category != category:
            continue
        if cue.direction == "dependent":
            for dep in cue.deps:
                dependents.setdefault((cue.scope, dep), set()).add(cue.literal)
        elif cue.direction == "governor":
            (asking if cue.scope == "object" else governing).add(cue.literal)
    return _Index({key: frozenset(words) for key, words in dependents.items()}, frozenset(governing),
                  frozenset(asking))


@cache
def _lemmas(direction: str, scope: str) -> frozenset[str]:
    return frozenset(c.literal for c in cue_rules() if c.direction == direction and c.scope == scope)


def cued(category: str, governors: list[Token]) -> bool:
    """Whether a cue of `category` reaches a trigger, given the trigger and its governors (`governors`).

    "Iran would want that to happen": "would" is an auxiliary of the governor "want", itself a cue.
    """
    index = _index(category)
    for (scope, dep), literals in index.dependents.items():
        for word in _in_scope(scope, governors):
            if any(c.dep_ == dep and (ANY_WORD in literals or c.lower_ in literals) for c in word.children):
                return True
    # A governor matches by its lemma, or as written where the lemmatizer misreads it ("hopes" → "hop"); one
    # whose object the word below is matches as a verb asking for it ("ordered the arrest"): "committed the
    # murder" is done, although "committed to using" is not.
    for below, word in zip(governors, governors[1:]):
        lemmas = index.asking if below.dep_ in OBJECTS and below.head == word else index.governing
        if word.lemma_.lower() in lemmas or word.lower_ in lemmas or _phrasal(word) in lemmas:
            return True
    return False


def _phrasal(verb: Token) -> str:
    """A verb with its particle, as a phrasal verb's cue is written: "has not ruled out strikes" → "rule out"."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles[:1]])


def _in_scope(scope: str, governors: list[Token]) -> list[Token]:
    if scope == "trigger":
        return governors[:1]
    if scope == "purpose":
        # "deployed 750 soldiers ... to help bolster the defense": a purpose says what for, not what was done.
        return [word for word in governors if word.dep_ == "advcl" and not _said_in_contact(word)]
    return governors


def _governs_infinitive(word: Token) -> bool:
    return word.lemma_.lower() in _lemmas("governor", "infinitive") or word.lower_ in _lemmas("governor", "infinitive")


def _preposition_governor(preposition: Token) -> Token:
    """The word a preposition's phrase completes: its head, or the noun the parser passed over for the verb.

    "Interpol issued a Red Notice for the arrest of X", "a warrant was issued for Smith's arrest": the parser
    hangs "for" on "issued"; the arrest is what the notice or warrant is for.
    """
    head = preposition.head
    if head.pos_ == "VERB" and not _governs_infinitive(head):
        # Only a noun the preposition directly follows, or the verb's that it does: "In meetings with X, Adeyemo
        # discussed efforts" is not meetings for efforts.
        held = [c for c in head.children if c.dep_ in OBJECTS | PASSIVE_SUBJECTS and _governs_infinitive(c)
                and preposition.i - 1 in {c.right_edge.i, head.i} and c.i < preposition.i]
        if held:
            return held[0]
    return head


def _requested(deed: Token) -> bool:
    """Whether a deed noun is the object of a verb asking for it: "ordered the arrest of X", "sought strikes"."""
    return deed.dep_ in OBJECTS and deed.head.pos_ in {"VERB", "AUX"} and (
        deed.head.lemma_.lower() in _lemmas("governor", "object")
        or _phrasal(deed.head) in _lemmas("governor", "object"))


def _said_in_contact(purpose: Token) -> bool:
    return (purpose.head.lemma_.lower() in CONTACT_VERBS
            and verb_lexicon().get(purpose.lemma_.lower(), "") in verbal_categories())


def governors(trigger: Token) -> Iterator[Token]:
    """The trigger and the verbs (or adjectives, or nouns) whose complement it is: the scope of its cues.

    "he did not foresee [the U.S. going to war]": going, foresee.
    """
    token = trigger
    yield token
    if token.pos_ in {"NOUN", "PROPN"}:
        # "plans to launch attacks on X", "did not carry out the bombing", "the attack was not carried out by X": a
        # deed noun is as real as the verb of doing it; the clause of that verb decides. Not a verb of planning it:
        # "convicted of planning the slaying of Mendes" says the slaying happened. A verb asking for it is a cue
        # ("The court ordered the arrest of X", "Iran threatened a wave of attacks"): asked for, not done.
        deed = token.head.head if token.dep_ == "pobj" and token.head.head.lemma_.lower() in SERIES_NOUNS else token
        done = deed.dep_ in OBJECTS | PASSIVE_SUBJECTS and deed.head.lemma_.lower() in LAUNCH_VERBS | CONFIRM_VERBS
        if done or _requested(deed):
            if deed is not token:
                yield deed
            token = deed.head
            yield token
    if token.dep_ == "pcomp" and token.head.lower_ in _lemmas("governor", "complement"):
        # "acted as an agent of China without first notifying the Attorney General", "warned Putin against
        # invading Ukraine": the preposition is the cue.
        yield token.head
    if token.dep_ == "acl" and token.head.lemma_.lower() in _lemmas("governor", "infinitive"):
        # "with intent to kill", "a plot to assassinate", "conspiracy to murder".
        yield token.head
    if token.dep_ == "pcomp" and token.head.head.pos_ == "ADJ":
        # "capable of targeting personnel": what someone is capable of has not happened.
        yield token.head.head
    elif (token.dep_ in {"pcomp", "pobj"} and token.head.dep_ == "prep"
          and _governs_infinitive(_preposition_governor(token.head))):
        # "looks forward to working with Iwaya", "stressed the importance of holding Russia accountable": the
        # gerund of such a word's preposition is what is looked forward to, not what was done, and so is a deed
        # noun there ("raised the possibility of sanctions against Iran", "a call for the release of X"); the
        # walk goes on above it ("noted that he looks forward to ..."); so is the deed a warrant is for ("a
        # warrant for the arrest of X"). Not every preposition's gerund: "convicted of murdering" says the murder
        # happened.
        token = _preposition_governor(token.head)
        yield token
    while token.dep_ in COMPLEMENTS and token.head is not token:
        if token.head.lemma_.lower() in _lemmas("terminate", "complement"):
            # A factive verb presupposes its complement, so neither its negation nor its modal reaches it.
            return
        token = token.head
        yield token
        if token.pos_ == "ADJ" and token.head is not token:
            # "ready to take action": the adjective's copula carries the auxiliaries.
            token = token.head
            yield token
