"""Pronoun resolution: which named entity "he", "they", "its" or "them" stands for.

The project's own rules (a statistical coreference model is not available for spaCy 3.8), in the spirit
of Hobbs and of Lappin & Leass, narrowed to what news prose needs:

1. A pronoun that is the subject of a reporting verb after a quotation ("'...,' he said") is the
   speaker of the last attribution ("..., Bill Roggio ... told VOA"): quotes are attributed to speakers.
2. Otherwise the nearest compatible antecedent before the pronoun, in the same sentence or one of the
   two before it. Compatible means: "he"/"she" a person; "it" an organization or country; "they" a
   coordination ("the IRGC and Quds Force"), a named group ("the Iraqi Shia militias"), an
   organization or country. In earlier sentences a logical subject (a subject, or the agent of a
   passive verb) is preferred to other mentions, and "it" takes nothing else; within the pronoun's own
   sentence the nearest wins.
3. A resolved pronoun is itself an antecedent for the pronouns after it ("he tweeted ... But he told
   reporters ..."), so chains follow the speaker through a paragraph.
4. What cannot be meant is skipped: a pronoun object is not its own clause's subject ("the State
   Department designated them"); a name modifying a noun ("a Dallas gun shop") is no antecedent; an
   unnamed noun phrase nearer than any name ("Matters will get worse before they ...") blocks the names
   further back, so the pronoun stays unresolved rather than wrong.

A capitalised subject the small model left unlabelled counts as a person ("Booth thought he ...").
Gender is not guessed from names: "he" and "she" both take the nearest person. First-person
pronouns ("I", "we") are left alone: inside a quote they are the speaker, but what speakers say of
themselves is rarely a fact between entities.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.data import event_words, verb_lexicon
from kg.extract.facts import entity_containing, entity_of
from kg.extract.labels import ANY_SUBJECTS, BLOCKING_DEPS, COLLECTIVE_LABELS, PRONOUN_OBJECTS
from kg.gazetteer import country_of_form

_WORDS = event_words()
# Reflexives ("the strike itself") refer inside their own clause and are left alone.
PERSON_PRONOUNS = _WORDS["person_pronoun"]
THING_PRONOUNS = _WORDS["thing_pronoun"]
PLURAL_PRONOUNS = _WORDS["plural_pronoun"]
# Verbs that attribute a quotation to its speaker. Not the event rules' `speech_verb` list (see
# kg.extract.events.SPEECH_VERBS for why the two differ).
REPORTING_VERBS = _WORDS["reporting_verb"]
# Quotation marks as written and as the tokenizer normalises them (punctuation, not a word list).
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})
# Entity labels a person pronoun can stand for (the others: `COLLECTIVE_LABELS`).
PERSON_LABELS = frozenset({"PERSON"})
# Plural nouns that, modified by a named people or place, name a group the text can call "they":
# "the Iraqi Shia militias", "Iranian-backed militias", "Kurdish rebels".
GROUP_NOUNS = _WORDS["group_noun"]
# Plural nouns of a state's armed forces: modified by a country alone ("Iraqi forces", "U.S. troops") they
# name no group of their own.
STATE_FORCE_NOUNS = _WORDS["state_force_noun"]
# Common nouns for a state's bodies, which stand for the country that modifies them: "the Israeli army".
STATE_NOUNS = _WORDS["state_noun"]
# The parts of speech of a noun phrase's head that is not a name.
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
# Nouns for the two who met or spoke, after "the" or "both": "The two leaders discussed ...", "The two
# discussed ...", "Both sides agreed ...".
PAIR_NOUNS = _WORDS["pair_noun"]
PAIR_DETERMINERS = _WORDS["pair_determiner"]
# The CAMEO root of consulting (meeting, calling, visiting, speaking with); events.py reads it from here.
CONSULT = "04"
# How many sentences back an antecedent may be.
WINDOW = 2


@dataclass(frozen=True)
class Referent:
    """Something named that a later pronoun can stand for: one entity, or several coordinated."""

    spans: tuple[Span, ...]
    kind: str  # "person", "thing" (an organization or country), "plural", or "pair" (the two who met)
    position: int  # token index of its head, for distance
    sentence: int  # index of its sentence in the document
    subject: bool  # a logical subject: the doer of its clause
    # An unnamed object that blocks only pronoun objects: "rejected the accusation, calling it a lie".
    object_only: bool = False


def group_span(noun: Token) -> Span | None:
    """The span of a named group: a plural group noun modified by a named people, place or organization.

    "the Iraqi Shia militias" → "Iraqi Shia militias", labelled ORG so that it becomes an entity.
    """
    if noun.lemma_.lower() not in GROUP_NOUNS or noun.tag_ not in {"NNS", "NNPS"}:
        return None
    modifiers = [t for t in noun.lefts if t.dep_ in {"compound", "amod", "nmod"}]
    named = [t for m in modifiers for t in m.subtree if t.ent_type_ in {"NORP", "GPE", "ORG"}]
    if not named or _state_forces(noun, named):
        return None
    start = min(t.i for m in modifiers for t in m.subtree)
    return Span(noun.doc, start, noun.i + 1, label="ORG")


def _state_forces(noun: Token, named: list[Token]) -> bool:
    """Whether a group is a country's armed forces: "Iraqi forces", "U.S. troops", "Turkish soldiers".

    They are no organization of their own but a noun phrase, a nominal party (`kg.extract.parties`); the
    gold of bench/news and the issue's entity count treat them so. Militias, rebels and protesters named by
    a people ("the Iraqi Shia militias") stay groups.
    """
    return noun.lemma_.lower() in STATE_FORCE_NOUNS and all(country_of_form(entity_of(t).text) for t in named)


def antecedents(doc: Doc) -> dict[int, tuple[Span, ...]]:
    """Each resolvable third-person pronoun's token index → the entity spans it stands for."""
    sentence_of = {}
    for number, sentence in enumerate(doc.sents):
        for token in sentence:
            sentence_of[token.i] = number
    referents: list[Referent] = []
    resolved: dict[int, tuple[Span, ...]] = {}
    speaker: tuple[Span, ...] | None = None  # () after an unnamed speaker ("the statement said")
    for token in doc:
        referents.extend(_referents_at(token, sentence_of))
        kind = _pronoun_kind(token)
        if kind is not None:
            if _is_quote_attribution(token) and speaker is not None:
                found = speaker if speaker and (kind == "person") == _is_person(speaker) else None
            else:
                found = _nearest(referents, kind, token, sentence_of[token.i])
            if found:
                resolved[token.i] = found
            referents.append(Referent(found or (), kind, token.i, sentence_of[token.i], token.dep_ in ANY_SUBJECTS))
        # Track the speaker of the last attribution, direct or indirect, named or not: after "the
        # statement said", "it said" belongs to the statement, not to an organization further back.
        if token.lemma_.lower() in REPORTING_VERBS and token.pos_ == "VERB":
            clause = token.head if token.dep_ == "conj" else token  # "called for ... and warned"
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            if subjects:
                subject = subjects[0]
                speaker = resolved.get(subject.i) or _entity_spans(subject)
    return resolved


def _referents_at(token: Token, sentence_of: dict[int, int]) -> Iterator[Referent]:
    if not token.ent_type_ and token.pos_ not in NOMINAL_POS:
        return  # only a name or a noun is something a pronoun can refer to (and most tokens are neither)
    sentence = sentence_of[token.i]
    # A logical subject: the subject of an active verb, or the agent of a passive one ("revered by X").
    subject = token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.dep_ == "agent")
    spans = _entity_spans(token) or _unlabelled_name(token) or _state_noun(token)
    if spans and token.dep_ in {"compound", "amod", "nmod"}:
        return  # "a Dallas gun shop": a name modifying a noun is not what a later "it" refers to
    if not spans:
        # An unnamed noun phrase is an antecedent too, one that resolves to nothing: in "Matters will get
        # worse before they get worse", "they" is the matters, not the countries named a sentence before;
        # in "rejected the accusation, calling it a lie", "it" is the accusation.
        if token.pos_ == "NOUN" and not token.ent_type_ and token.dep_ in BLOCKING_DEPS and not _is_pair_noun(token):
            kind = "plural" if token.tag_ == "NNS" else "thing"
            object_only = kind == "thing" and token.dep_ != "nsubj"
            yield Referent((), kind, token.i, sentence, subject, object_only)
        return
    if spans[0].label_ in {"GPE", "NORP"} and spans[0].root.i != token.i:
        # "The Israeli army said it struck ...": the army is its country, an organization to "it".
        yield Referent(spans, "thing", token.i, sentence, subject)
        return
    ent = spans[0]
    if ent.label_ == "NORP" and ent.root.pos_ not in {"NOUN", "PROPN"}:
        return  # "Iranian" as an adjective names no one the text can call "they"
    kind = {"PERSON": "person", "NORP": "plural"}.get(ent.label_, "thing")
    if ent.label_ == "ORG" and ent.root.tag_ == "NNS":
        kind = "plural"  # a named group: "the Iraqi Shia militias"
    yield Referent(spans, kind, token.i, sentence, subject)
    # A coordination of entities is one more, plural referent: "the IRGC and Quds Force".
    if token.dep_ != "conj":
        # The parser may hang the conjunct on any word of the name: "Revolutionary Guards [Corps] and Quds Force".
        conjuncts = [c for t in ent for c in t.conjuncts if c.i >= ent.end and c.dep_ == "conj"]
        members = list(spans) + [s for c in conjuncts for s in _entity_spans(c)]
        if len(members) > 1:
            yield Referent(tuple(members), "plural", token.i, sentence, subject)
    if kind == "person" and token.dep_ == "nsubj":
        # "President Obama spoke today with Prime Minister Cameron. The two discussed ...": the one who met
        # and the one met are a pair a later "they" or "the two leaders" stands for.
        partners = _partners(token.head)
        if partners:
            yield Referent((*spans, *partners), "pair", token.i, sentence, subject)


def _partners(verb: Token) -> tuple[Span, ...]:
    """The people a verb of meeting or calling says were met: "spoke with Cameron", "met President Xi", "held a
    call with Dar" (the verb's object, or the object of its or its object's "with" or "to")."""
    lexicon = verb_lexicon()
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if CONSULT not in {lexicon.get(lemma), lexicon.get(f"{lemma} with"),
                       *(lexicon.get(f"{lemma} {o.lemma_.lower()}") for o in objects)}:
        return ()
    words = objects + [o for h in (verb, *objects) for p in h.children if p.dep_ == "prep" and p.lower_ in {"with", "to"}
                       for o in p.children if o.dep_ == "pobj"]
    words += [c for w in words for c in w.conjuncts if c.i > w.i]
    return tuple(s for w in words for s in _entity_spans(w) if s.label_ in PERSON_LABELS)


def _is_pair_noun(token: Token) -> bool:
    """Whether a noun phrase stands for the two who met: "the two leaders", "the two", "both sides"."""
    if token.lemma_.lower() not in PAIR_NOUNS and token.lower_ not in PAIR_NOUNS:
        return False
    plural = token.tag_ in {"NNS", "NNPS"} or token.lower_ == "two"
    return plural and any(c.dep_ in {"det", "predet"} and c.lower_ in PAIR_DETERMINERS for c in token.children)


def _state_noun(token: Token) -> tuple[Span, ...]:
    """The country a state body stands for: "the Israeli army", "U.S. officials"."""
    # Not `kg.extract.participants._state_noun`: an antecedent is a span within one sentence and never a
    # word already in an entity; merging the two would change which antecedents are found.
    if token.lemma_.lower() not in STATE_NOUNS or token.ent_type_:
        return ()
    for child in token.children:
        if child.dep_ in {"amod", "compound", "nmod", "poss"} and child.ent_type_ in {"GPE", "NORP"}:
            ent = _entity_of(child)
            if ent is not None:
                return (ent,)
    return ()


def _unlabelled_name(token: Token) -> tuple[Span, ...]:
    """A capitalised subject the tagger left unlabelled, as a person: "Booth thought he could ..."."""
    # Not `kg.extract.killing.bare_name`, which reads any position but only for the parties of killings,
    # convictions and meetings, and skips titles and month names: the two answer different questions.
    if token.dep_ != "nsubj" or token.pos_ != "PROPN" or token.ent_type_ or not token.text[:1].isupper():
        return ()
    if any(c.dep_ in {"det", "poss"} for c in token.children) or token.tag_ == "NNPS":
        return ()
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].dep_ == "compound" \
            and not token.doc[start - 1].ent_type_:
        start -= 1  # "Darci Alves Pereira": the compounds before the surname, however they nest
    return (Span(token.doc, start, token.i + 1, label="PERSON"),)


def _entity_spans(token: Token) -> tuple[Span, ...]:
    """The entity a noun phrase's head token names, when the token is that entity's head."""
    ent = _entity_of(token)
    if ent is not None and ent.label_ in PERSON_LABELS | COLLECTIVE_LABELS and ent.root.i == token.i:
        return (ent,)
    group = group_span(token)
    return (group,) if group is not None else ()


def _entity_of(token: Token) -> Span | None:
    """The entity `token` is part of, unless the entity runs across a sentence boundary."""
    ent = entity_containing(token)
    if ent is None or any(t.is_sent_start for t in ent[1:]):
        return None
    return ent


def _pronoun_kind(token: Token) -> str | None:
    if _is_pair_noun(token):
        return "pair"
    if token.pos_ != "PRON" and token.tag_ not in {"PRP", "PRP$"}:
        return None
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        return "person"
    if lower in THING_PRONOUNS:
        # "It is a threat", "it is unclear": the subject of a copula is rarely an organization.
        if token.dep_ == "nsubj" and token.head.lemma_ == "be":
            return None
        return "thing"
    if lower in PLURAL_PRONOUNS:
        return "plural"
    return None


def _compatible(referent: Referent, kind: str) -> bool:
    if kind == "person":
        return referent.kind == "person"
    if kind == "thing":
        return referent.kind == "thing"
    if kind == "pair":
        return referent.kind == "pair"
    return referent.kind in {"plural", "pair"} or (referent.kind == "thing" and bool(referent.spans)
                                         and referent.spans[0].label_ == "ORG")


def _nearest(referents: list[Referent], kind: str, pronoun: Token, sentence: int) -> tuple[Span, ...] | None:
    candidates = [
        r for r in referents
        if _compatible(r, kind) and r.position < pronoun.i and 0 <= sentence - r.sentence <= WINDOW
        and not (r.object_only and (pronoun.dep_ in ANY_SUBJECTS or r.sentence != sentence))
        and not _contains(r, pronoun)
        # A pronoun object is never its own clause's subject: in "the State Department designated them",
        # "them" is not the State Department.
        and not (pronoun.dep_ in PRONOUN_OBJECTS and r.subject and r.sentence == sentence
                 and any(span.root.head == pronoun.head for span in r.spans))
        # "it" across a sentence boundary is the previous sentence's subject or nothing.
        and (kind != "thing" or r.sentence == sentence or r.subject)
    ]
    if not candidates:
        return None
    # "they": a group or coordination beats a single organization in the same window.
    if kind == "plural" and any(r.kind in {"plural", "pair"} for r in candidates):
        candidates = [r for r in candidates if r.kind in {"plural", "pair"}]
    best = min(candidates, key=lambda r: (sentence - r.sentence, 0 if r.sentence == sentence or r.subject else 1,
                                          -r.position))
    return best.spans or None


def _contains(referent: Referent, pronoun: Token) -> bool:
    return any(span.start <= pronoun.i < span.end for span in referent.spans)


def _is_person(spans: tuple[Span, ...]) -> bool:
    return len(spans) == 1 and spans[0].label_ == "PERSON"


def _is_quote_attribution(pronoun: Token) -> bool:
    # "'...,' he said": a pronoun subject of a reporting verb in a sentence that quotes someone.
    verb = pronoun.head
    return (pronoun.dep_ == "nsubj" and verb.lemma_.lower() in REPORTING_VERBS
            and _in_quoting_sentence(verb))


def _in_quoting_sentence(verb: Token) -> bool:
    return any(t.text in QUOTE_MARKS or t.tag_ in {"``", "''"} for t in verb.sent)
