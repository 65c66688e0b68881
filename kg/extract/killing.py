"""Killing inference: the parties of a killing where the sentence does not write them beside its trigger.

CoNLL04's Kill relation and wire copy about assassinations name a killer or a victim far from the word of
killing: "Sirhan was convicted of Kennedy's killing" (the one convicted killed), "Oswald was arrested hours
after the assassination" (whom the sentence's other killing killed), "Ruby fatally shot Oswald" (a lone
surname the small model leaves unlabelled is a person). These inferences hold for killings, convictions
and meetings, not for events in general, so they live here, behind the switch `Context.killing`
(`events(doc, killing=False)` turns them off; `bench/extraction.py` scores Kill with and without them).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.data import event_words, role_nouns
from kg.extract.facts import Mention
from kg.extract.labels import MISREAD_LABELS, OBJECTS, SUBJECTS
from kg.extract.participants import (CULPRIT_PATIENT_VERBS, DEED_VERBS, EVENT_NOUNS, NOT_NAMES, Context, Party,
                                     is_passive, logical_subjects, noun_parties, parties_of, patients_of,
                                     pobj_parties, refer, responsible, responsible_for_adjective, same_entity)

_WORDS = event_words()
# Actions of killing, whose doer may be named only as the one arrested, charged or convicted for it.
KILLING = _WORDS["killing"]
# Verbs whose subject is held responsible for the deed they mention: "X pleaded guilty to killing Y".
CULPRIT_AGENT_VERBS = _WORDS["culprit_agent_verb"]
# Nouns for the one held responsible for a deed: "the only official suspect in Kennedy's assassination".
CULPRIT_NOUNS = _WORDS["culprit_noun"]
# How many prepositional steps separate a killing from the clause that names its culprit:
# "charged with violent crime in aid of racketeering in the Guadalajara slayings of ...".
CULPRIT_DEPTH = 7


def bare_name(token: Token) -> Mention | None:
    """A capitalised name with no entity label, as a person: "Oswald", "President Lincoln"."""
    if token.pos_ != "PROPN" or token.ent_type_ not in MISREAD_LABELS or not token.text[:1].isupper() \
            or token.lower_ in NOT_NAMES or token.lemma_.lower() in role_nouns():
        return None  # a title is no name: "Deputy Secretary of the Treasury Wally Adeyemo met with ..."
    if any(c.dep_ in {"det", "poss"} for c in token.children):
        return None  # "Today's Highlight", "the Ides": a name takes no article or possessor
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].dep_ == "compound" \
            and token.doc[start - 1].ent_type_ in MISREAD_LABELS and token.doc[start - 1].head.i <= token.i \
            and token.doc[start - 1].lemma_.lower() not in role_nouns():
        start -= 1  # "Darci Alves Pereira": the compounds before the surname, however they nest
    span = token.doc[start : token.i + 1]
    if any(t.lower_ in NOT_NAMES for t in span):
        return None
    return Mention(span.text, "Person", span.start_char, span.end_char)


def sentence_victims(trigger: Token, context: Context, doers: list[Party] = ()) -> list[Party]:
    """The victims of the nearest other killing the trigger's sentence names, for "the lone assassin".

    A killing the doers underwent themselves is not theirs: "Oswald, the lone gunman, was himself shot".
    """
    if not context.killing:
        return []
    found: list[tuple[int, list[Party]]] = []
    for token in trigger.sent:
        if token.i == trigger.i:
            continue
        lemma = token.lemma_.lower()
        victims: list[Party] = []
        if token.pos_ in {"NOUN", "PROPN"} and EVENT_NOUNS.get(lemma) in KILLING:
            victims = noun_parties(token, context)[1]
        elif token.pos_ == "VERB" and lemma in KILLING and is_passive(token):
            victims = [p for c in patients_of(token) for p in parties_of(c, context)]
        elif lemma == "victim" and token.dep_ == "attr":
            # "Kennedy was the victim of a conspiracy".
            victims = [p for c in token.head.children if c.dep_ in SUBJECTS for p in parties_of(c, context)]
        victims = [p for p in victims if p.mention.type == "Person"
                   and not any(same_entity(p.mention, d.mention) for d in doers)]
        if victims:
            found.append((abs(token.i - trigger.i), victims))
    return min(found, key=lambda pair: pair[0])[1] if found else []


def culprits(noun: Token, context: Context, depth: int = 0) -> list[Party]:
    """The one a sentence holds responsible for a killing it names without a doer.

    "Sirhan was convicted of Kennedy's killing", "police arrested Oswald after the assassination of X",
    "Ray is serving 99 years ... for the slaying of King", "conspiring with John Wilkes Booth in the
    assassination of Lincoln".
    """
    if not context.killing:
        return []
    token = noun
    for _ in range(CULPRIT_DEPTH):
        if token.dep_ in OBJECTS and token.head.lemma_.lower() in DEED_VERBS:
            # "convicted of planning the shotgun slaying of Mendes", "ordered the killing of X".
            return logical_subjects(token.head, context, depth)
        if token.dep_ not in {"pobj", "pcomp"} or token.head.dep_ != "prep":
            return []
        governor = token.head.head
        if governor.pos_ in {"NOUN", "PROPN"} and governor.lemma_.lower() in CULPRIT_NOUNS:
            # "Lee Harvey Oswald, the only official suspect in Kennedy's assassination".
            return refer(governor, context, depth)
        lemma = governor.lemma_.lower()
        if governor.pos_ in {"VERB", "AUX"}:
            if lemma == "conspire":
                # The conspirators' partner is the one who did it: "conspiring with Booth in ...".
                partners = [p for c in governor.children if c.dep_ == "prep" and c.lower_ == "with"
                            for p in pobj_parties(c, context, depth)]
                if partners:
                    return partners
            if lemma in CULPRIT_PATIENT_VERBS or lemma in CULPRIT_AGENT_VERBS:
                return responsible(governor, context, depth)
            return []
        if governor.pos_ == "ADJ":
            return responsible_for_adjective(governor, context, depth)
        token = governor  # "a sentence for the slaying", "a charge of murder in the assassination"
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in OBJECTS | {"npadvmod"}:
            verb = token.head
            if verb.lemma_.lower() in CULPRIT_PATIENT_VERBS | CULPRIT_AGENT_VERBS:
                return responsible(verb, context, depth)
            return []
    return []


def with_bare_names(context: Context) -> Context:
    """The context for the parties of a killing, a conviction or a meeting, which are people or groups
    whatever the tagger missed: a lone capitalised surname is a person ("Ruby fatally shot Oswald")."""
    return replace(context, bare_name=bare_name) if context.killing else context
