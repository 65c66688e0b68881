"""Actor–action–target events: who did what to whom, as news writes it.

Three kinds of trigger make an event, each read from spaCy's dependency parse:

- a verb: active and passive voice ("X was killed by Y": Y acts), subjects shared by participial,
  coordinated and prepositional clauses ("..., killing the leader of ...", "X shot and killed Y",
  "X was convicted of killing Y"), relative clauses ("X, who assassinated Y", "the strike that killed Y");
- an event noun: "the assassination of Y by X", "Y's killing", "the U.S. strike against Y", and, when
  no doer is written, the person the sentence arrests, charges, convicts or sentences for it;
- a doer noun: "X, the assassin of Y", "Y's assassin, X", "Y assassin X", "X was the gunman who ...".

A participant is a named entity, or what stands for one: a pronoun (`kg.extract.coref`), a relative
pronoun, a noun in apposition to a name, a role ("the leader of the Quds Force" is the person the text
names as its commander, else the organization), a country's officials ("Iraqi officials" → Iraq), a
named group ("the Iraqi Shia militias"), an attack's author ("the U.S. strike" → the United States).

Every event carries the action's lemma (phrasal verbs keep their particle: "call for"), its CAMEO root
category from `kg/data/verbs.tsv`, whether the text negates it ("did not foresee", "denied killing",
"refused to meet"), and whether the text asserts it or only calls it possible, intended, attempted or
future ("would want", "will pay", "could be targeted", "plans to", "the attempted murder", "to help
bolster"); a factive verb keeps its complement asserted ("can't remember shooting Kennedy").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.data import event_maps, event_words, table_rows
from kg.extract.coref import STATE_NOUNS, antecedents, group_span
from kg.extract.cues import HYPOTHETICAL, NEGATED, cued, governors
from kg.extract.facts import (ENTITY_TYPES, EventFact, Mention, NominalParty, RoleFact, entity_of, evidence_of,
                              mention_of, unnamed)
from kg.extract.labels import (AGENTS, MISREAD_LABELS, NEGATIONS, OBJECTS,
                               PASSIVE_SUBJECTS, SUBJECTLESS_CLAUSES, SUBJECTS)
from kg.extract.parties import nominal_party, plural, press_party, resolved_heads
from kg.extract.roles import role_facts, role_nouns
from kg.extract.when import clause_place, clause_time, in_dateline
from kg.names import mention_key

_WORDS = event_words()
_MAPS = event_maps()
# Verbs that state no event between parties on their own.
LIGHT_VERBS = _WORDS["light_verb"]
# Verbs of speech: their object is what was said, not a party ("told VOA" names a channel, not a target).
# Not coref's `reporting_verb` list, which says which verbs attribute a quotation to a speaker: "speak" and
# "report" are speech here but attribute no quote there; "warn" and "ask" attribute quotes but their object
# is a party ("warned Iran", "asked Congress"). Merging them would change both.
SPEECH_VERBS = _WORDS["speech_verb"]
# Speech verbs whose object is the one spoken to: "Bill Roggio ... told VOA".
ADDRESSEE_VERBS = _WORDS["addressee_verb"]
# Verbs whose object is made to do their complement: "urging Oswald to ... kill Kennedy".
OBJECT_CONTROL = _WORDS["object_control_verb"]
# Prepositions that name the target of a verb or of its object: "struck a blow against Iran".
TARGET_PREPOSITIONS = frozenset({"against"})
# Prepositions that name the counterpart of a verb-and-object phrase: "opened fire on", "imposed sanctions
# on", "held talks with", "signed a deal with".
FIRE_PREPOSITIONS = _WORDS["phrase_preposition"]
# Phrases that name a simpler action: "fired at Kennedy" is shooting at him.
ACTION_SYNONYMS = _MAPS["action_synonym"]
# "with" names a counterpart only after these: "going to war with Iran", "talks with Iran".
WITH_HEADS = _WORDS["with_head"]
# Event nouns → the verb lemma they name.
EVENT_NOUNS = _MAPS["event_noun"]
# Event nouns whose possessor or compound is the one it happens to: "Kennedy's assassination".
PATIENT_NOUNS = _WORDS["patient_noun"]
# Doer nouns → the verb lemma of their deed: "X, the assassin of Y".
DOER_NOUNS = _MAPS["doer_noun"]
# Actions of killing, whose doer may be named only as the one arrested, charged or convicted for it.
KILLING = _WORDS["killing"]
# Verbs whose (passive subject or active object) is held responsible for the deed they mention:
# "X was convicted of killing Y", "police arrested X after the assassination of Y".
CULPRIT_PATIENT_VERBS = _WORDS["culprit_patient_verb"]
# Verbs whose subject is held responsible for the deed they mention: "X pleaded guilty to killing Y".
CULPRIT_AGENT_VERBS = _WORDS["culprit_agent_verb"]
# Nouns for the one held responsible for a deed: "the only official suspect in Kennedy's assassination".
CULPRIT_NOUNS = _WORDS["culprit_noun"]
# Verbs whose subject brings a deed about: "planned the slaying", "ordered the killing".
DEED_VERBS = _WORDS["deed_verb"]
# Things that happen and harm with no one named as doing them: "the blast killed 126 people".
CAUSE_NOUNS = _WORDS["cause_noun"]
# Personal pronouns that stand for a doer: one whose antecedent was not found is an unknown actor.
UNRESOLVED_PRONOUNS = _WORDS["unresolved_pronoun"]
# Pleas: the verb and its adjective ("pleaded guilty"); their object is a charge, never a party.
PLEAS = _WORDS["plea"]
# The CAMEO roots of consulting (meeting, calling, visiting) and of providing aid.
CONSULT = "04"
AID = "07"
# Verbs that hold, join or answer a meeting or call: "joined Biden's meeting with X", "returned Singh's call".
HOLDING_VERBS = _WORDS["holding_verb"]
# Prepositions that set a clause in a meeting: "In meetings with X, the Secretary discussed ...".
SETTING_PREPOSITIONS = _WORDS["setting_preposition"]
# Verbs whose subject brings about the death they name: "a strike that resulted in the death of X".
RESULT_VERBS = _WORDS["result_verb"]
# Words that say no one underwent or did it: "no civilians were killed", "There are no indications that ...".
NEGATIVE_WORDS = _WORDS["negative_word"]
# Verbs whose object is a deed their subject does: "launched a series of attacks", "staged the raid".
LAUNCH_VERBS = _WORDS["launch_verb"]
# Nouns of many deeds at once: "a series of attacks", "a wave of bombings".
SERIES_NOUNS = _WORDS["series_noun"]
# Verbs of interaction between the parties that do them together: "Trump and Putin spoke by phone".
RECIPROCAL_VERBS = _WORDS["reciprocal_verb"]
# Nouns of belonging: "members of Iranian-backed militias" act as the militias.
MEMBER_NOUNS = _WORDS["member_noun"]
# How many prepositional steps separate a killing from the clause that names its culprit:
# "charged with violent crime in aid of racketeering in the Guadalajara slayings of ...".
CULPRIT_DEPTH = 7
# Nouns of command: "on the orders of X", "at the direction of X" name who had it done.
ORDER_NOUNS = _WORDS["order_noun"]
# Things that act for whoever wields them: "the shots that killed Kennedy" were fired by someone.
INSTRUMENT_NOUNS = _WORDS["instrument_noun"]
# Verbs whose object is an instrument their subject uses: "Oswald fired the shots that killed Kennedy".
FIRING_VERBS = _WORDS["firing_verb"]
# Role synonyms: "the leader of the Quds Force" is whoever the text names as its commander or head.
LEADERSHIP_NOUNS = _WORDS["leadership_noun"]
# Capitalised words that are no one's name.
NOT_NAMES = _WORDS["not_name"]
# Participles that name the noun they modify: "a gunman identified as John Smith".
NAMING_VERBS = _WORDS["naming_verb"]
# How deep participant look-ups may chain (relative pronoun → noun → apposition → ...).
MAX_DEPTH = 4
# How far back (in sentences) "the strike" may refer to an earlier "U.S. strike".
INSTRUMENT_WINDOW = 8


@dataclass(frozen=True)
class Party:
    """A participant: the entity it names, and the word in the trigger's sentence that stands for it.

    A participant with no name has `nominal` set ("several oil tankers") or none at all (no actor written);
    its `mention` then names nothing (`unnamed` offsets, or the noun phrase's with type "Nominal").
    """

    mention: Mention
    anchor: Token
    nominal: NominalParty | None = None


@dataclass(frozen=True)
class Context:
    """Per-document look-ups the rules share."""

    coref: dict[int, tuple[Span, ...]]
    holders: dict[str, tuple[Mention, ...]]  # organization name → the people the text says lead it
    # (head lemma, tag) of a noun the article writes beside one name only → that name ("a federal judge ...
    # U.S. District Judge George O'Toole Jr."): the named entity a noun-phrase party is.
    named_heads: dict[tuple[str, str], Mention] | None = None
    # A role's title, lower case → the people the article gives it now ("deputy secretary" → Wally Adeyemo):
    # "the Deputy Secretary" is the one of them when there is one.
    titled: dict[str, tuple[Mention, ...]] | None = None
    published: str = ""  # the article's publication date (YYYY-MM-DD), for dates written without a year
    # Whether a capitalised name the tagger left unlabelled counts as a person: true for the parties of a
    # killing, which are people or armed groups ("Ruby fatally shot Oswald"), where the small model often
    # misses a lone surname.
    bare_names: bool = False


@cache
def verb_lexicon() -> dict[str, str]:
    """The action lemma → CAMEO root code map the project owns (`kg/data/verbs.tsv`), default frames."""
    return {row["lemma"]: row["cameo"] for row in table_rows("verbs.tsv") if not row.get("frame")}


@cache
def framed_lexicon() -> dict[tuple[str, str], str]:
    """(lemma, frame) → CAMEO root code, for verbs whose category depends on their frame ("call X Y")."""
    return {(row["lemma"], row["frame"]): row["cameo"] for row in table_rows("verbs.tsv") if row.get("frame")}


@cache
def interaction_nouns() -> dict[str, str]:
    """Nouns of meeting and calling → the action they name (`kg/data/interaction_nouns.tsv`)."""
    return {row["noun"]: row["action"] for row in table_rows("interaction_nouns.tsv")}


def events(doc: Doc, roles: Iterable[RoleFact] | None = None, published: str = "") -> Iterator[EventFact]:
    """Yield the events of a document in text order: an action with an actor, named, nominal or unknown.

    `roles` are the document's role facts when the caller has them already ("the leader of the Quds
    Force" is the person the text names its commander); without them they are read again. `published`
    (YYYY-MM-DD) places dates written relative to it ("on Friday") in time.
    """
    roles = list(role_facts(doc) if roles is None else roles)
    context = Context(antecedents(doc), _role_holders(roles), named_heads=resolved_heads(doc),
                      titled=_title_holders(roles), published=published)
    seen: set[tuple[int, str, str, str]] = set()
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma in DOER_NOUNS or token.lower_ in DOER_NOUNS:
            # "assassin" is only ever a noun, whatever the tagger says in "Kennedy assassin Sirhan".
            found = _doer_events(token, context)
        elif token.pos_ in {"NOUN", "PROPN"} and lemma in interaction_nouns():
            found = _interaction_events(token, context)
        elif token.pos_ == "VERB":
            found = _verb_events(token, context)
        elif token.pos_ in {"NOUN", "PROPN"} and lemma in EVENT_NOUNS:
            found = _noun_events(token, context)
        elif token.pos_ == "NOUN" and lemma == "death":
            found = _death_events(token, context)
        else:
            continue
        for event in found:
            # One fact per sentence: "Jack Ruby, who killed Kennedy assassin Oswald" states Oswald's deed once
            # through "assassin"; a second trigger for the same triple adds nothing.
            key = (event.evidence.sentence_start, _party_text(event.actor, event.actor_party), event.action,
                   _party_text(event.target, event.target_party))
            if key not in seen:
                seen.add(key)
                yield event


def _party_text(mention: Mention | None, party: NominalParty | None) -> str:
    return party.text if party is not None else mention.text if mention is not None else ""


# Triggers --------------------------------------------------------------------------------------------


def _verb_events(verb: Token, context: Context) -> Iterator[EventFact]:
    lemma = verb.lemma_.lower()
    if lemma in LIGHT_VERBS:
        return
    action, phrase_preposition = _action_of(verb)
    if action in KILLING or action in CULPRIT_PATIENT_VERBS or verb_lexicon().get(action) == CONSULT:
        # The parties of a killing, a conviction or a meeting are people or groups, whatever the tagger
        # missed: "hosted Australian Minister of Defense Marise Payne", "a jury convicted JI CHAOQUN".
        context = replace(context, bare_names=True)
    actors = _verb_actors(verb, context) or _unwritten_actor(verb, action)
    if not actors:
        return
    if lemma in SPEECH_VERBS and action == lemma:
        # What was said is no party; whom it was told to is, when the text names them: "told VOA".
        targets = [p for c in verb.children if c.dep_ in OBJECTS | {"dative"} and lemma in ADDRESSEE_VERBS
                   for p in _parties(c, context)]
        # Talking to the press is no relation between parties: "Bill Roggio told VOA" stays a fact, untyped.
        press = [p for p in targets if press_party(p.mention, p.nominal)]
        if press:
            yield from _facts(verb, action, actors, press, context, typed=False)
            targets = [p for p in targets if p not in press]
            if not targets:
                return
    elif _frame(verb) == "predicate":
        targets = _predicated(verb, context)
    elif action in PLEAS:
        targets = []  # what one pleads guilty to is a charge, not a party: "pleaded guilty to wire fraud"
    else:
        targets = _verb_targets(verb, phrase_preposition, context)
    if lemma in LAUNCH_VERBS and any(o.dep_ in OBJECTS and o.lemma_.lower() in EVENT_NOUNS for o in verb.children):
        return  # "signed the recess appointment of X", "conducted a strike": the deed noun states the event
    if not targets and len(actors) > 1 and lemma in RECIPROCAL_VERBS:
        yield from _reciprocal(verb, action, actors, context)
        return
    if not targets and (action not in verb_lexicon() or not actors[0].mention.text and not actors[0].nominal):
        # A verb outside the event lexicon states an event only between two parties ("Patricia Campbell
        # looked", "Tsarnaev rose" are none); an unwritten actor with no target is no event either.
        return
    yield from _facts(verb, action, actors, targets, context)


def _interaction_events(noun: Token, context: Context) -> Iterator[EventFact]:
    """A meeting or a call written as a noun, with its parties from the noun and the verb that holds it.

    "Vice President Biden's meeting with Garibashvili" (Biden meets Garibashvili); "President Obama joined
    Biden's meeting with Garibashvili" (Obama meets both); "Obama returned Singh's phone call", "held a call
    with Dar" (the one who returns or holds it calls the other); "In meetings with Dombrovskis and Gentiloni,
    the Deputy Secretary discussed ..." (the clause's subject meets them).
    """
    action = interaction_nouns()[noun.lemma_.lower()]
    owners = [p for c in noun.children if c.dep_ == "poss" for p in _parties(c, context)]
    partners = _pobj_parties(_noun_preposition(noun, "with"), context)
    holders: list[Party] = []
    if noun.dep_ in OBJECTS and noun.head.lemma_.lower() in HOLDING_VERBS:
        holders = _verb_actors(noun.head, context)
    elif noun.dep_ == "pobj" and noun.head.lower_ in SETTING_PREPOSITIONS and noun.head.head.pos_ == "VERB":
        holders = _logical_subjects(noun.head.head, context)
    if owners and partners:
        yield from _facts(noun, action, owners, partners, context)
    counterparts = [p for p in owners + partners if all(not _same(p.mention, h.mention) for h in holders)]
    if holders and counterparts:
        yield from _facts(noun, action, holders, counterparts, context)


def _reciprocal(verb: Token, action: str, actors: list[Party], context: Context) -> Iterator[EventFact]:
    """Coordinated subjects of a verb of interaction are each other's counterparts.

    "President Trump and President Putin spoke by phone": Trump speaks with Putin and Putin with Trump, as
    "spoke with" would say ("The Secretary and the Foreign Minister discussed regional security").
    """
    phrase = f"{verb.lemma_.lower()} with"
    action = phrase if phrase in verb_lexicon() else action
    for actor in actors:
        yield from _facts(verb, action, [actor], [p for p in actors if p is not actor], context)


def _unwritten_actor(verb: Token, action: str) -> list[Party]:
    """An event with no actor written: an agentless passive of an event verb, or a deed as its subject.

    "Tamerlan was killed during the getaway", "Krystle Campbell, 29, who was killed in the attack", "the
    blast killed 126 people" (a deed whose author the text does not name): the target is known, the actor
    is not. Speech ("it was said") is no such event.
    """
    if verb_lexicon().get(action, "01") == "01":
        return []
    passive = _is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ == "acl")
    if not passive and not any(_no_one_named(s) for s in _inherited_doers(verb)):
        return []
    return [Party(unnamed(verb.idx), verb)]


def _inherited_doers(verb: Token) -> list[Token]:
    """The words that say who does what a verb says: its subjects, or those of the clause it joins.

    "the bomb killed 13 people and wounded 71" (a coordinated verb), "Twin bombs exploded near the finish
    line, killing three people" (a participle), "the building was shattered by an explosion, killing 168
    people" (the agent of a passive).
    """
    for _ in range(MAX_DEPTH):
        doers = _subjects(verb)
        if doers:
            return doers
        if verb.dep_ not in SUBJECTLESS_CLAUSES or verb.head.i == verb.i:
            return []
        verb = verb.head
        if _is_passive(verb):
            return _agents(verb)
    return []


def _no_one_named(subject: Token) -> bool:
    """A subject that names no doer: a deed or device ("the blast"), or a pronoun with no antecedent found
    ("They killed 23 Afghan soldiers" after a paragraph about no one named)."""
    lemma = subject.lemma_.lower()
    return lemma in INSTRUMENT_NOUNS | CAUSE_NOUNS or lemma in EVENT_NOUNS or subject.pos_ == "PRON" \
        and lemma in UNRESOLVED_PRONOUNS


def _frame(verb: Token) -> str:
    """The frame of a verb that the lexicon types by frame: "predicate" for "call X Y".

    "Zarif called the U.S. strike an act of terrorism": a predicate noun after the object (the parser
    reads it as an object predicate, or as a clause "strike [is] an act") makes the call an accusation.
    """
    if not any(lemma == verb.lemma_.lower() for lemma, _ in framed_lexicon()):
        return ""
    for child in verb.children:
        if child.dep_ == "oprd" and child.pos_ in {"NOUN", "PROPN"}:
            return "predicate"
        if child.dep_ in {"ccomp", "xcomp"} and not any(c.dep_ in {"aux", "mark"} for c in child.children) \
                and any(c.dep_ in OBJECTS | {"attr"} and c.pos_ in {"NOUN", "PROPN"} for c in child.children):
            return "predicate"
    return ""


def _predicated(verb: Token, context: Context) -> list[Party]:
    """Whom "call X Y" is about: X, or the author of X when X is a deed ("called the U.S. strike ...")."""
    for child in verb.children:
        if child.dep_ in OBJECTS:
            return _object_parties(child, context)
        if child.dep_ in {"ccomp", "xcomp"}:
            # "called [the U.S. strike] [an act of terrorism]" parsed as a clause: its first word is X.
            found = [p for c in child.children if c.dep_ in SUBJECTS | {"compound", "amod", "poss"}
                     and c.i < child.i for p in _parties(c, context)]
            if found:
                return found
    return []


def _death_events(noun: Token, context: Context) -> Iterator[EventFact]:
    # "the death of Quds Force Commander General Qassem Soleimani", "Soleimani's death": who died.
    the_dead = _pobj_parties(_noun_preposition(noun, "of"), context)
    the_dead += [p for c in noun.children if c.dep_ == "poss" for p in _parties(c, context)]
    the_dead = [p for p in the_dead if p.mention.type in {"Person", "Nominal"}]
    deed = _deadly_deed(noun)
    if deed is not None and the_dead:
        # "U.S. Central Command conducted a strike that resulted in the death of X": the strike killed X.
        actors = _noun_parties(deed, context)[0] or _deed_author(deed, context) or [Party(unnamed(deed.idx), deed)]
        yield from _facts(noun, "kill", actors, the_dead, replace(context, bare_names=True))
        return
    yield from _facts(noun, "die", the_dead, [], context)


def _deadly_deed(death: Token) -> Token | None:
    """The deed a death is the result of: "a strike ... that resulted in the death of X", "the raid caused
    the death of X"; None when the text gives no cause."""
    verb = death.head.head if death.dep_ == "pobj" and death.head.lower_ in {"in", "to"} else \
        death.head if death.dep_ in OBJECTS else None
    if verb is None or verb.lemma_.lower() not in RESULT_VERBS:
        return None
    for subject in _subjects(verb):
        if subject.lower_ in {"that", "which"} and verb.dep_ == "relcl":
            subject = verb.head  # "a strike in Syria that resulted in ..."
        if subject.lemma_.lower() in EVENT_NOUNS or subject.lemma_.lower() in INSTRUMENT_NOUNS:
            return subject
    return None


def _clause_targets(noun: Token, context: Context) -> list[Party]:
    """Whom a deed is aimed at or kills, said in a clause on its noun.

    "U.S. Africa Command conducted an airstrike targeting al-Shabaab terrorists", "a strike in Syria that
    resulted in the death of Usamah al-Muhajir".
    """
    for clause in noun.children:
        if clause.dep_ not in {"acl", "relcl"} or clause.pos_ != "VERB":
            continue
        if clause.lemma_.lower() in RESULT_VERBS:
            deaths = [d for d in clause.subtree if d.lemma_.lower() == "death" and _deadly_deed(d) is not None]
            found = [p for d in deaths for p in _pobj_parties(_noun_preposition(d, "of"), context)]
        elif _violent(clause) and not _is_passive(clause):
            found = [p for o in clause.children if o.dep_ in OBJECTS for p in _parties(o, context)]
        else:
            continue
        if found:
            return found
    return []


def _noun_events(noun: Token, context: Context) -> Iterator[EventFact]:
    if noun.dep_ in OBJECTS and _object_phrase(noun.head, noun):
        return  # "imposed sanctions on X": the verb's phrase states this event already
    action = EVENT_NOUNS[noun.lemma_.lower()]
    if action in KILLING:
        context = replace(context, bare_names=True)
    actors, targets = _noun_parties(noun, context)
    if not actors:
        actors = _deed_author(noun, context)
    if not actors and action in KILLING:
        actors = _culprits(noun, context)
    if not targets and action in KILLING:
        # "charged with first-degree murder in the death of Mary Brown": the death names the victim.
        targets = [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in {"in", "for"}
                   for death in prep.children if death.dep_ == "pobj" and death.lemma_.lower() in PATIENT_NOUNS
                   for p in _pobj_parties(_noun_preposition(death, "of"), context)]
    if not targets:
        targets = _clause_targets(noun, context)
    if actors and not targets and action in KILLING and _is_definite(noun):
        # "Oswald was arrested hours after the assassination": the killing the sentence names elsewhere.
        targets = _sentence_victims(noun, context)
    if not actors and targets:
        # "the slaying of seven more demonstrators", "attacks on security forces": no doer written.
        actors = [Party(unnamed(noun.idx), noun)]
    if not actors or (not targets and noun.lemma_.lower() in PATIENT_NOUNS):
        return
    yield from _facts(noun, action, actors, targets, context)


def _deed_author(noun: Token, context: Context) -> list[Party]:
    """Who carried out a deed the text names by a noun: the subject of a verb of doing or of owning it.

    "the Islamic State launched a series of attacks across Paris", "ETA carried out the bombing", "the
    Provisional IRA accepted responsibility for the bombings".
    """
    token = noun
    if token.dep_ == "pobj" and token.head.head.lemma_.lower() in SERIES_NOUNS:
        token = token.head.head  # "a series of attacks"
    if token.dep_ in OBJECTS and token.head.lemma_.lower() in DEED_VERBS | LAUNCH_VERBS:
        return _logical_subjects(token.head, context)
    if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lemma_.lower() in {"responsibility",
                                                                                                  "credit"}:
        owner = token.head.head
        if owner.dep_ in OBJECTS and owner.head.pos_ == "VERB":
            return _logical_subjects(owner.head, context)
    return []


def _doer_events(noun: Token, context: Context) -> Iterator[EventFact]:
    # "X, the assassin of Y" / "Y's assassin, X" / "Y assassin X" / "X was the gunman who ...".
    context = replace(context, bare_names=True)
    doers = _refer(noun, context, 0, doer=True) or _surface_apposition(noun)
    owners = [c for c in noun.children if c.dep_ in {"poss", "compound"}]
    if noun.dep_ == "compound" and noun.head.ent_type_ == "PERSON":
        # "William McKinley's assassin Leon Czolgosz": the victim hangs from the doer's name, left of the noun.
        owners += [c for c in noun.head.children if c.dep_ in {"poss", "compound"} and c.i < noun.i]
    # The tagger sometimes calls a lone surname an organization ("Lincoln's killer"); a place is never a victim.
    victims = [p for c in owners for p in _parties(c, context) if p.mention.type in {"Person", "Organization"}]
    victims += [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for o in prep.children if o.dep_ == "pobj" for p in _parties(o, context)]
    if doers and not victims and noun.i > 0:
        # "defended Kennedy assassin Sirhan B. Sirhan": a name written right before the title is the victim,
        # however the parser attached it.
        before = noun.doc[noun.i - 1 if noun.doc[noun.i - 1].tag_ != "POS" else max(noun.i - 2, 0)]
        if before.ent_type_ == "PERSON" and before.ent_iob_ != "O" and entity_of(before).end == before.i + 1:
            victims = [Party(mention_of(entity_of(before)), before)]
    if doers and not victims:
        # "... the assassination of President Kennedy ... that Lee Harvey Oswald was the lone assassin".
        victims = _sentence_victims(noun, context, doers)
    if doers and victims:
        yield from _facts(noun, DOER_NOUNS.get(noun.lemma_.lower()) or DOER_NOUNS[noun.lower_], doers, victims,
                          context)


def _surface_apposition(noun: Token) -> list[Party]:
    # "Kennedy's assassin, Lee Harvey Oswald, who ...": the parser does not always see the apposition
    # that the commas write; a name right after the comma is it.
    doc = noun.doc
    following = noun.i + 2
    if following < len(doc) and doc[noun.i + 1].text == "," and doc[following].ent_iob_ == "B" \
            and doc[following].ent_type_ == "PERSON":
        return [Party(mention_of(entity_of(doc[following])), doc[following])]
    return []


def _is_definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"} for c in noun.children)


def _sentence_victims(trigger: Token, context: Context, doers: list[Party] = ()) -> list[Party]:
    """The victims of the nearest other killing the trigger's sentence names, for "the lone assassin".

    A killing the doers underwent themselves is not theirs: "Oswald, the lone gunman, was himself shot".
    """
    found: list[tuple[int, list[Party]]] = []
    for token in trigger.sent:
        if token.i == trigger.i:
            continue
        lemma = token.lemma_.lower()
        victims: list[Party] = []
        if token.pos_ in {"NOUN", "PROPN"} and EVENT_NOUNS.get(lemma) in KILLING:
            victims = _noun_parties(token, context)[1]
        elif token.pos_ == "VERB" and lemma in KILLING and _is_passive(token):
            victims = [p for c in _patients(token) for p in _parties(c, context)]
        elif lemma == "victim" and token.dep_ == "attr":
            # "Kennedy was the victim of a conspiracy".
            victims = [p for c in token.head.children if c.dep_ in SUBJECTS for p in _parties(c, context)]
        victims = [p for p in victims if p.mention.type == "Person"
                   and not any(_same(p.mention, d.mention) for d in doers)]
        if victims:
            found.append((abs(token.i - trigger.i), victims))
    return min(found, key=lambda pair: pair[0])[1] if found else []


def _facts(trigger: Token, action: str, actors: list[Party], targets: list[Party], context: Context,
           typed: bool = True) -> Iterator[EventFact]:
    if not actors:
        return
    negated = _is_negated(trigger)
    modality = "hypothetical" if _is_hypothetical(trigger) else "asserted"
    cameo = (framed_lexicon().get((trigger.lemma_.lower(), _frame(trigger)), "") if trigger.pos_ == "VERB" else "") \
        or _complement_category(trigger) or verb_lexicon().get(action, "")
    taken = [p.mention for p in (*actors, *targets)]
    place = clause_place(trigger, taken)
    when = clause_time(trigger, context.published)
    # "On July 7, U.S. Central Command conducted a strike", "an airstrike targeting al-Shabaab near Jilib on
    # July 2": a deed noun's place and time are those of its doing or of the clause that says what it hit.
    doing = [_doing_verb(trigger)] if trigger.pos_ in {"NOUN", "PROPN"} else []
    doing += [c for c in trigger.children if c.dep_ == "acl" and c.pos_ == "VERB" and trigger.pos_ != "VERB"]
    for verb in (v for v in doing if v is not None):
        place = place or clause_place(verb, taken)
        when = when or clause_time(verb, context.published)
    for actor in actors:
        for target in targets or [None]:
            if target is not None and actor.mention.text and _same(target.mention, actor.mention):
                continue
            yield EventFact(
                actor=actor.mention if actor.nominal is None else unnamed(actor.mention.start),
                action=action,
                target=target.mention if target is not None and target.nominal is None else None,
                negated=negated,
                modality=modality,
                cameo=cameo if typed else "",
                evidence=evidence_of(trigger.sent, *_offsets(trigger, actor, target)),
                actor_party=actor.nominal,
                target_party=target.nominal if target is not None else None,
                place=place,
                when=when,
            )


def _doing_verb(trigger: Token) -> Token | None:
    """The verb of doing a deed noun is the object of ("conducted a strike"), or of the deed a death is the
    result of ("conducted a strike that resulted in the death of X")."""
    deed = _deadly_deed(trigger) if trigger.lemma_.lower() == "death" else trigger
    if deed is not None and deed.pos_ in {"NOUN", "PROPN"} and deed.dep_ in OBJECTS \
            and deed.head.lemma_.lower() in LAUNCH_VERBS:
        return deed.head
    return None


def _complement_category(verb: Token) -> str:
    """The CAMEO category of a verb with its adjective complement: "hold ... accountable" blames."""
    lexicon = verb_lexicon()
    for child in verb.children:
        if child.dep_ in {"acomp", "oprd", "ccomp", "xcomp"} and child.pos_ == "ADJ":
            code = lexicon.get(f"{verb.lemma_.lower()} {child.lower_}")
            if code:
                return code
    return ""


def _action_of(verb: Token) -> tuple[str, str]:
    """The action's lemma, with its particle or preposition when the lexicon lists the phrase."""
    lemma = verb.lemma_.lower()
    lexicon = verb_lexicon()
    for child in verb.children:
        if child.dep_ == "prt" and f"{lemma} {child.lower_}" in ACTION_SYNONYMS:
            return ACTION_SYNONYMS[f"{lemma} {child.lower_}"], ""  # "gunned down" is shot
        if child.dep_ == "prt" and f"{lemma} {child.lower_}" in lexicon:
            return f"{lemma} {child.lower_}", ""  # "shoot down", "lash out"
    for child in verb.children:
        if child.dep_ == "prep" and f"{lemma} {child.lower_}" in ACTION_SYNONYMS:
            # "fired a rifle at Kennedy" is shooting at him.
            return ACTION_SYNONYMS[f"{lemma} {child.lower_}"], child.lower_
        if child.dep_ == "prep" and f"{lemma} {child.lower_}" in lexicon and not _of_time(child):
            return f"{lemma} {child.lower_}", child.lower_  # "call for", "call on", "vote against"
    for child in verb.children:
        if child.dep_ == "acomp" and f"{lemma} {child.lower_}" in lexicon \
                and not any(c.dep_ in NEGATIONS for c in child.children):
            return f"{lemma} {child.lower_}", ""  # "pleaded guilty" (not "pleaded not guilty")
    for child in verb.children:
        phrase = _object_phrase(verb, child) if child.dep_ in OBJECTS else ""
        if phrase:
            # "opened fire on the convoy", "imposed sanctions on X", "held talks with X": the object is part
            # of the action, its target follows a preposition.
            preposition = next((p.lower_ for p in child.children if p.dep_ == "prep" and p.lower_ in FIRE_PREPOSITIONS),
                               next((p.lower_ for p in verb.children if p.dep_ == "prep"
                                     and p.lower_ in FIRE_PREPOSITIONS), ""))
            return ACTION_SYNONYMS.get(phrase, phrase), preposition
    return lemma, ""


def _of_time(preposition: Token) -> bool:
    """Whether a preposition says when: "called President Obama on Friday" is no "call on"."""
    return any(o.dep_ == "pobj" and o.ent_type_ in {"DATE", "TIME"} for o in preposition.children)


def _object_phrase(verb: Token, obj: Token) -> str:
    """The verb-and-object phrase the lexicon lists, as written or by the object's lemma ("hold talks")."""
    lemma = verb.lemma_.lower()
    for phrase in (f"{lemma} {obj.lower_}", f"{lemma} {obj.lemma_.lower()}"):
        if phrase in verb_lexicon():
            return phrase
    return ""


# Verb participants -----------------------------------------------------------------------------------


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children):
        return True
    # "Lincoln was shot and mortally wounded by Booth": a participle coordinated with a passive is passive.
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head is not verb and _is_passive(verb.head)


def _patients(verb: Token) -> list[Token]:
    """The grammatical subjects of a passive verb, shared by the participles coordinated with it."""
    patients = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
    if not patients and verb.dep_ == "conj" and verb.tag_ == "VBN":
        patients = [c for c in verb.head.children if c.dep_ in PASSIVE_SUBJECTS]
    return _past_dateline(patients)


def _verb_actors(verb: Token, context: Context) -> list[Party]:
    if _is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        # Passive: "X were revered by Y" — the agent Y acts, the grammatical subject X undergoes.
        return [p for agent in _agents(verb) for p in _parties(agent, context)]
    return _logical_subjects(verb, context)


def _agents(verb: Token) -> list[Token]:
    agents = [o for c in verb.children if c.dep_ in AGENTS for o in c.children if o.dep_ == "pobj"]
    if agents:
        return agents
    # "was shot and mortally wounded by John Wilkes Booth": coordinated participles share their agent.
    for conj in verb.conjuncts:
        if conj.tag_ == "VBN":
            agents = [o for c in conj.children if c.dep_ in AGENTS for o in c.children if o.dep_ == "pobj"]
            if agents:
                return agents
    # The parser often hangs "by X" on a noun of the clause: "shot to death in the courtyard ... by Chapman".
    for prep in _preposition_chain(verb):
        if prep.lower_ == "by":
            return [o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}]
    return _instigators(verb)


def _instigators(verb: Token) -> list[Token]:
    """Who ordered it: "murdered on the orders of Francisco Pizarro", "launched at the direction of Trump"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"on", "at", "under", "by"}:
            continue
        for order in prep.children:
            if order.dep_ == "pobj" and order.lemma_.lower() in ORDER_NOUNS:
                of = next((c for c in order.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                if of is not None:
                    return [o for o in of.children if o.dep_ == "pobj"]
    return []


def _preposition_chain(verb: Token) -> Iterator[Token]:
    """Prepositions hanging from the verb, or from the objects of those prepositions, three levels deep."""
    frontier = [verb]
    for _ in range(3):
        following = []
        for head in frontier:
            for child in head.children:
                if child.dep_ in {"prep", "agent"}:
                    yield child
                    following += [o for o in child.children if o.dep_ == "pobj"]
        frontier = following


def _logical_subjects(verb: Token, context: Context, depth: int = 0) -> list[Party]:
    """Who does what an active verb says, written as its subject or inherited from the clause it joins."""
    if depth > MAX_DEPTH:
        return []
    subjects = _subjects(verb)
    if subjects:
        return [p for s in subjects for p in _parties(s, context)]
    head = verb.head
    if head is verb:
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        # "photos claiming to show ...": a participle modifying a noun has that noun as its subject.
        return _parties(head, context)
    if verb.dep_ in SUBJECTLESS_CLAUSES:
        if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            # "urging Oswald to follow their example ... by killing Kennedy", "prompting Ankara to shoot down",
            # "called on Russia to stop": the object acts.
            objects = [c for c in head.children if c.dep_ in OBJECTS] or [
                o for c in head.children if c.dep_ == "prep" and c.lower_ in {"on", "upon", "to"}
                for o in c.children if o.dep_ == "pobj"]
            if objects:
                return [p for o in objects for p in _parties(o, context)]
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and _is_passive(head) and _agents(head):
            # "The building was shattered by an explosion, killing 168 people": the agent's deed kills, not
            # the building.
            return [p for agent in _agents(head) for p in _parties(agent, context)]
        if head.pos_ in {"VERB", "AUX"}:
            return _responsible(head, context, depth + 1)
        if head.pos_ == "ADJ":
            return _responsible_for_adjective(head, context, depth + 1)
        return []
    if verb.dep_ == "pcomp":
        # "the broadcast of Jack Ruby fatally shooting Oswald": the name before the gerund is its subject.
        named = [o for o in head.children if o.dep_ == "pobj" and o.i < verb.i]
        if named:
            return [p for o in named for p in _parties(o, context)]
    if verb.dep_ in {"pcomp", "pobj"} and head.dep_ in {"prep", "agent"}:
        # A gerund after a preposition: "acted alone in killing Kennedy", "convicted of killing Y",
        # "arrested after shooting Kennedy": its doer is the one the governing clause is about.
        governor = head.head
        if governor.pos_ in {"VERB", "AUX"}:
            return _responsible(governor, context, depth + 1)
        if governor.pos_ == "ADJ":
            return _responsible_for_adjective(governor, context, depth + 1)
        if governor.pos_ in {"NOUN", "PROPN"}:
            return _responsible_for_noun(governor, context, depth + 1)
    return []


def _subjects(verb: Token) -> list[Token]:
    subjects = _past_dateline([c for c in verb.children if c.dep_ in SUBJECTS])
    if any(s.i < verb.i for s in subjects):
        # "Jack Ruby shot and mortally wounded Lee Harvey Oswald": the parser sometimes reads the object
        # after a coordination as a second subject; a subject is written before its verb.
        subjects = [s for s in subjects if s.i < verb.i]
    return subjects


def _past_dateline(subjects: list[Token]) -> list[Token]:
    """Subjects with a dateline read as one replaced by what it stands in apposition to.

    "WASHINGTON — The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today
    sanctioned ...": the parser makes WASHINGTON the subject and the Department its apposition.
    """
    # "Miami, Florida - The United States Friday extradited ...": the apposition may hang on any word of it.
    return [s for subject in subjects for s in ([c for c in subject.subtree if c.dep_ == "appos"
                                                 and not in_dateline(c) and in_dateline(c.head)]
                                                if in_dateline(subject) else [subject])]


def _misread_objects(verb: Token) -> list[Token]:
    """Objects the parser labelled as a second subject, after the verb (see `_subjects`)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if any(s.i < verb.i for s in subjects):
        return [s for s in subjects if s.i > verb.i]
    return []


def _responsible(verb: Token, context: Context, depth: int) -> list[Party]:
    """The party a clause is about: its logical subject, or the one it holds to account."""
    lemma = verb.lemma_.lower()
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "John Harvey Adamson, convicted of murdering ...": the participle's noun, not its conjuncts.
        return _refer(verb.head, context, depth)
    if _is_passive(verb):
        patients = _patients(verb)
        if patients:
            return [p for c in patients for p in _parties(c, context)]
        if verb.dep_ in SUBJECTLESS_CLAUSES | {"pcomp"}:
            # "after being convicted of ...", "and was charged with ...": the passive is about the subject above.
            return _logical_subjects(verb, context, depth)
        return []
    if lemma in CULPRIT_PATIENT_VERBS:
        objects = [c for c in verb.children if c.dep_ in OBJECTS]
        if objects:
            return [p for o in objects for p in _parties(o, context)]
    return _logical_subjects(verb, context, depth)


def _responsible_for_adjective(adjective: Token, context: Context, depth: int) -> list[Party]:
    # "found Jack Ruby guilty of murdering ...", "X was found guilty of ...", "X is guilty of ...".
    verb = adjective.head
    if verb is not adjective and _is_passive(verb):
        return [p for c in _patients(verb) for p in _parties(c, context)]
    if adjective.dep_ in {"oprd", "ccomp", "xcomp"}:
        objects = [c for c in verb.children if c.dep_ in OBJECTS]
        if objects:
            return [p for o in objects for p in _parties(o, context)]
    subjects = [c for c in adjective.children if c.dep_ in SUBJECTS]
    if subjects:
        return [p for s in subjects for p in _parties(s, context)]
    return _logical_subjects(verb, context, depth) if verb is not adjective else []


def _responsible_for_noun(noun: Token, context: Context, depth: int) -> list[Party]:
    # "a 99-year sentence for the slaying of King", "a charge of murder in ...": whoever the noun's clause
    # is about; "the idea for killing Lennon" that Chapman got.
    for child in noun.children:
        if child.dep_ == "poss":
            return _parties(child, context)
    if noun.dep_ in OBJECTS and noun.head.lemma_.lower() in CULPRIT_PATIENT_VERBS:
        # "convicted Highway 50 sniper Kenneth Earl Millikan of killing ...": the one convicted.
        return _refer(noun, context, depth)
    if noun.dep_ in OBJECTS | {"attr"} and noun.head.pos_ in {"VERB", "AUX"}:
        return _logical_subjects(noun.head, context, depth)
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"VERB", "AUX"}:
        return _responsible(noun.head.head, context, depth)
    return []


def _verb_targets(verb: Token, phrase_preposition: str, context: Context) -> list[Party]:
    if _is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        patients = _patients(verb)
        if patients:
            return [p for c in patients for p in _parties(c, context)] + _included(verb, context)
        if verb.dep_ == "acl":
            # "President William Tolbert, assassinated in a coup": the participle's noun undergoes it.
            return _parties(verb.head, context)
        return []
    objects = [c for c in verb.children if c.dep_ in OBJECTS] or _misread_objects(verb)
    if not objects:
        # "holding its leaders accountable": the object is the subject of an adjective's small clause.
        objects = [g for c in verb.children if c.dep_ in {"ccomp", "xcomp", "oprd"} and c.pos_ == "ADJ"
                   for g in c.children if g.dep_ in SUBJECTS]
    if not objects and verb.tag_ == "VBG" and any(c.dep_ == "poss" or c.dep_ == "nsubj" and c.i < verb.i
                                                  for c in verb.children):
        # "Iran's targeting of Americans": a gerund written as a noun takes its object with "of".
        objects = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                   if o.dep_ == "pobj"]
    if not objects:
        # "X shot and killed Y": coordinated verbs share the object written after the last of them.
        objects = [o for conj in verb.conjuncts if conj.i > verb.i and conj.pos_ == "VERB"
                   for o in conj.children if o.dep_ in OBJECTS][:1]
    if not objects and _violent(verb):
        # "shot and mortally wounded Lee Harvey Oswald" read as "shot [and] Oswald": a noun coordinated with
        # a verb is its object.
        objects = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} and c.i > verb.i]
    if not objects and verb.dep_ == "conj" and _violent(verb) and _violent(verb.head):
        # "shot and mortally wounded Oswald" read as "shot Oswald and mortally wounded": two blows, one victim.
        objects = [c for c in verb.head.children if c.dep_ in OBJECTS] or _misread_objects(verb.head)
    if phrase_preposition:
        # "called on Iran to ...", "opened fire on the convoy": the object of the phrase's preposition.
        holders = [verb, *[o for o in objects if _object_phrase(verb, o)]]
        phrase_objects = [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == phrase_preposition
                          for o in c.children if o.dep_ == "pobj"]
        # "fired his Colt Cobra at Oswald": the object is the weapon, the phrase's object the target.
        objects = phrase_objects or [o for o in objects if o not in holders]
    targets = [p for o in objects for p in _object_parties(o, context)]
    if not targets:
        targets = _prepositional_targets(verb, objects, context)
    return targets


def _included(verb: Token, context: Context) -> list[Party]:
    """The named members of a passive's patients: "Leftists were arrested, including Eva Forest and ..."."""
    return [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in {"including", "among"}
            for p in _pobj_parties(prep, context)]


def _violent(verb: Token) -> bool:
    return verb_lexicon().get(verb.lemma_.lower(), "") in {"18", "19", "20"}


def _object_parties(obj: Token, context: Context) -> list[Party]:
    """The parties an object names; an event noun stands for its named author.

    "praised the U.S. strike against Soleimani" is directed at the United States. Whom the deed hit is no
    target of the praise, nor is the dead of "confirmed the death of X" the target of a confirmation: that
    death is an event of its own.
    """
    parties = _parties(obj, context)
    if parties:
        return parties
    if obj.lemma_.lower() in EVENT_NOUNS:
        return _noun_parties(obj, context)[0]
    return []


def _prepositional_targets(verb: Token, objects: list[Token], context: Context) -> list[Party]:
    # "struck a ... blow against Iran", "going to war with Iran".
    heads = [verb, *objects]
    chain = list(_preposition_chain(verb))
    # "going to war with Iran": "with" may hang on the verb while "war" is the object of another preposition.
    warlike = {t.lemma_.lower() for t in heads} | {o.lemma_.lower() for p in chain for o in p.children if o.dep_ == "pobj"}
    for prep in chain:
        if prep.head not in heads and prep.head.dep_ != "pobj":
            continue
        if prep.lower_ in TARGET_PREPOSITIONS or (prep.lower_ == "with" and warlike & WITH_HEADS):
            found = [p for o in prep.children if o.dep_ == "pobj" for p in _parties(o, context)]
            if found:
                return found
    for obj in objects:
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS:
                return [p for o in prep.children if o.dep_ == "pobj" for p in _parties(o, context)]
    return []


# Event-noun participants -----------------------------------------------------------------------------


def _noun_parties(noun: Token, context: Context) -> tuple[list[Party], list[Party]]:
    """An event noun's doers and the ones it is done to."""
    lemma = noun.lemma_.lower()
    patient_noun = lemma in PATIENT_NOUNS
    of = _pobj_parties(_noun_preposition(noun, "of"), context)
    by = _pobj_parties(_noun_preposition(noun, "by"), context)
    aimed = _pobj_parties(_noun_preposition(noun, "against") or _noun_preposition(noun, "on"), context)
    if not aimed and verb_lexicon().get(EVENT_NOUNS.get(lemma, "")) == AID:
        # "Iran and North Korea's provision of lethal weapons to Russia": aid goes to its recipient.
        aimed = _pobj_parties(_noun_preposition(noun, "to"), context)
    if not aimed:
        # "attacks by members of militias on the U.S. Embassy": the parser hangs "on" on the last noun before.
        aimed = [p for prep in _preposition_chain(noun) if prep.lower_ in {"on", "against"} and prep.head.i != noun.i
                 and prep.head.dep_ == "pobj" and prep.head.head.lower_ in {"by", "of"}
                 for p in _pobj_parties(prep, context)]
    # "Iran's targeting", "the U.S. strike"; but "the Guadalajara slayings" says where, not who.
    owners = [p for c in noun.children if c.dep_ in {"poss", "compound", "amod"} and c.ent_type_
              and (c.dep_ == "poss" or c.ent_type_ not in {"GPE", "LOC", "FAC"} or not patient_noun)
              for p in _parties(c, context)]
    if patient_noun:
        # "Kennedy's assassination", "the Kennedy slaying": the owner is the victim unless "of" names one.
        actors = by or (owners if of else [])
        targets = of or ([] if by and not owners else owners)
    else:
        # "the U.S. strike against Soleimani", "Iran's targeting of Americans", "the Israeli strike on Gaza",
        # "Houthi attacks on the ship"; "the Manchester bombing" says where, not who.
        authors = [p for p in owners if p.mention.type != "Place" or _is_country(p.mention.text)]
        authors += [p for c in noun.children if c.dep_ in {"amod", "compound"} for p in _author_modifier(c, bool(aimed))]
        actors = by or authors
        targets = of or aimed
    return actors, targets


def _author_modifier(modifier: Token, aimed: bool) -> list[Party]:
    """A modifier of a deed that names its author and no rule of `_refer` reads: a nationality adjective
    ("the Israeli strike": Israel) or, when the deed is aimed at someone ("on", "against"), a capitalised
    name the tagger left unlabelled ("Houthi attacks on the ship"; but "the Cafeteria Rolando bombing")."""
    if modifier.ent_type_ == "NORP" and modifier.pos_ == "ADJ":
        return [Party(mention_of(entity_of(modifier)), modifier)]
    if aimed and modifier.dep_ == "compound" and modifier.pos_ == "PROPN" and not modifier.ent_type_ \
            and modifier.text[:1].isupper() and modifier.lower_ not in NOT_NAMES:
        return [Party(Mention(modifier.text, "Organization", modifier.idx, modifier.idx + len(modifier)), modifier)]
    return []


@cache
def _countries() -> frozenset[str]:
    """Every name, alias and demonym of a country (`kg/data/countries.tsv`), lower case."""
    names = set()
    for row in table_rows("countries.tsv"):
        for field in ("name", "aliases", "demonyms"):
            names.update(n.strip().lower() for n in (row.get(field) or "").split("|") if n.strip())
    return frozenset(names)


def _is_country(name: str) -> bool:
    return name.lower() in _countries() or name.lower().removeprefix("the ") in _countries()


def _noun_preposition(noun: Token, word: str) -> Token | None:
    """The noun's preposition `word`, or one hanging from a phrase between ("the assassination in 1914 of X")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == word:
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "on", "at", "during"}:
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "FAC"} or obj.like_num):
                    for grandchild in obj.children:
                        if grandchild.dep_ == "prep" and grandchild.lower_ == word:
                            return grandchild
    return None


def _pobj_parties(prep: Token | None, context: Context) -> list[Party]:
    if prep is None:
        return []
    return [p for o in prep.children if o.dep_ == "pobj" for p in _parties(o, context)]


def _culprits(noun: Token, context: Context) -> list[Party]:
    """The one a sentence holds responsible for a killing it names without a doer.

    "Sirhan was convicted of Kennedy's killing", "police arrested Oswald after the assassination of X",
    "Ray is serving 99 years ... for the slaying of King", "conspiring with John Wilkes Booth in the
    assassination of Lincoln".
    """
    token = noun
    for _ in range(CULPRIT_DEPTH):
        if token.dep_ in OBJECTS and token.head.lemma_.lower() in DEED_VERBS:
            # "convicted of planning the shotgun slaying of Mendes", "ordered the killing of X".
            return _logical_subjects(token.head, context)
        if token.dep_ not in {"pobj", "pcomp"} or token.head.dep_ != "prep":
            return []
        governor = token.head.head
        if governor.pos_ in {"NOUN", "PROPN"} and governor.lemma_.lower() in CULPRIT_NOUNS:
            # "Lee Harvey Oswald, the only official suspect in Kennedy's assassination".
            return _refer(governor, context, 0)
        lemma = governor.lemma_.lower()
        if governor.pos_ in {"VERB", "AUX"}:
            if lemma == "conspire":
                # The conspirators' partner is the one who did it: "conspiring with Booth in ...".
                partners = [p for c in governor.children if c.dep_ == "prep" and c.lower_ == "with"
                            for p in _pobj_parties(c, context)]
                if partners:
                    return partners
            if lemma in CULPRIT_PATIENT_VERBS or lemma in CULPRIT_AGENT_VERBS:
                return _responsible(governor, context, 0)
            return []
        if governor.pos_ == "ADJ":
            return _responsible_for_adjective(governor, context, 0)
        token = governor  # "a sentence for the slaying", "a charge of murder in the assassination"
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in OBJECTS | {"npadvmod"}:
            verb = token.head
            if verb.lemma_.lower() in CULPRIT_PATIENT_VERBS | CULPRIT_AGENT_VERBS:
                return _responsible(verb, context, 0)
            return []
    return []


# Participants ----------------------------------------------------------------------------------------


def _parties(token: Token, context: Context) -> list[Party]:
    """The named parties a noun phrase stands for: itself and its conjuncts ("the IRGC and Quds Force")."""
    if in_dateline(token):
        return []  # "CHICAGO — A Chinese national was sentenced": where the release was filed
    parties: list[Party] = []
    members = [token]
    if token.dep_ != "conj":
        # Conjuncts may hang on any word of a name: "Revolutionary Guards [Corps] and Quds Force".
        words = entity_of(token) if token.ent_type_ else [token]
        members += [c for w in words for c in w.conjuncts if c.i > token.i and c.dep_ == "conj"]
    # The parser may read "the IRGC and Quds Force" as one name with a coordinated modifier.
    members = [c for c in token.lefts if c.dep_ in {"nmod", "compound"} and c.pos_ == "PROPN"
               and any(g.dep_ == "cc" for g in c.children)] + members
    for member in members:
        found = _refer(member, context, 0)
        if not found and member.dep_ in {"nmod", "compound"} and member.text.isupper() and len(member.text) > 1:
            found = [Party(Mention(member.text, "Organization", member.idx, member.idx + len(member)), member)]
        if not found:
            found = _nominal(member, context)
        for party in found:
            if all(not _same(party.mention, p.mention) for p in parties):
                parties.append(party)
    return parties


def _refer(token: Token, context: Context, depth: int, doer: bool = False) -> list[Party]:
    """The named entities one noun-phrase head stands for, with the rule that finds them."""
    if depth > MAX_DEPTH:
        return []

    def here(mentions: list[Mention]) -> list[Party]:
        return [Party(m, token) for m in mentions]

    # A name: "Lee Harvey Oswald". An adjective of nationality names no party on its own.
    if token.ent_type_ in ENTITY_TYPES and not doer and not (token.ent_type_ == "NORP" and token.pos_ == "ADJ"):
        if token.ent_type_ != "PERSON":
            # "44 B.C., Roman Emperor Julius Caesar, was assassinated": a mis-parsed date or place whose
            # apposition is a person stands for that person.
            for child in token.children:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    return here([mention_of(entity_of(child))])
        return here([mention_of(entity_of(token))])
    lower = token.lower_
    # A pronoun: "he", "they", "them" → its antecedent (kg.extract.coref).
    if token.i in context.coref:
        return here([mention_of(span) for span in context.coref[token.i]])
    # A relative pronoun: "X, who assassinated Y" → X; "the strike that killed Y" → the strike.
    if lower in {"who", "whom", "that", "which", "whose"} and token.head.dep_ in {"relcl", "acl"}:
        return [replace(p, anchor=token) for p in _refer(token.head.head, context, depth + 1)]
    if token.pos_ not in {"NOUN", "PROPN"} and not doer:  # a doer noun is a noun whatever its tag
        return []
    if context.bare_names and not doer:
        name = _bare_name(token)
        if name is not None:
            return here([name])
    # A noun in apposition with a name, either way round: "Kennedy's assassin, Sirhan Sirhan";
    # "Charles J. Guiteau, a disappointed office-seeker".
    for child in token.children:
        if child.dep_ == "appos":
            found = _refer(child, context, depth + 1)
            if found:
                return [replace(p, anchor=token) for p in found]
    if token.dep_ == "appos" and not in_dateline(token.head):  # "SAN SALVADOR, El Salvador — A ... man"
        found = _refer(token.head, context, depth + 1)
        if found:
            return [replace(p, anchor=token) for p in found]
    if token.lemma_.lower() in DOER_NOUNS:
        # "killed President Kennedy's assassin, Lee Harvey Oswald,": the apposition the commas write.
        found = _surface_apposition(token)
        if found:
            return [replace(p, anchor=token) for p in found]
    # A title before a name: "assassin James Earl Ray", "anarchist Leon Czolgosz".
    if token.dep_ == "compound" and token.head.ent_type_ == "PERSON":
        return [replace(p, anchor=token) for p in _refer(token.head, context, depth + 1)]
    # A predicate noun: "Oswald was the lone gunman who killed Kennedy".
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        subjects = [c for c in token.head.children if c.dep_ in SUBJECTS]
        return [replace(p, anchor=token) for s in subjects for p in _refer(s, context, depth + 1)]
    # "a gunman identified as John Smith": a participle names the noun.
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
            named = [o for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "as"
                     for o in prep.children if o.dep_ == "pobj"]
            found = [p for o in named for p in _refer(o, context, depth + 1)]
            if found:
                return [replace(p, anchor=token) for p in found]
    # "identified as the lone assassin", "recognized as the man who killed ...".
    if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.pos_ == "VERB":
        verb = token.head.head
        holders = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS | OBJECTS]
        return [replace(p, anchor=token) for h in holders for p in _refer(h, context, depth + 1)]
    if doer:
        return []
    lemma = token.lemma_.lower()
    # "a group of nobles that included Brutus and Cassius": the members named.
    for child in token.children:
        if child.dep_ in {"relcl", "acl"} and child.lemma_.lower() in {"include", "comprise"}:
            members = [o for o in child.children if o.dep_ in OBJECTS]
            return [replace(p, anchor=token) for o in members for p in _parties(o, context)]
    # A role in an organization: "the leader of the nation's elite Quds Force" → the person the text names
    # as its commander, else the organization itself.
    if lemma in role_nouns() or lemma in LEADERSHIP_NOUNS:
        organization = _organization_of(token, context)
        if organization is not None:
            if token.tag_ in {"NN", "NNP"} and lemma not in STATE_NOUNS:
                holders = context.holders.get(mention_key(organization.text), ())
                if len(holders) == 1:
                    return here(list(holders))
            return here([organization])
        holder = _title_holder(token, context) or _named_after_title(token)
        if holder is not None:
            return here([holder])
    # A country's government: "Iraqi officials", "top U.S. defense officials", "the Israeli army".
    if lemma in STATE_NOUNS:
        for child in token.children:
            if child.dep_ in {"amod", "compound", "nmod", "poss"} and child.ent_type_ in {"GPE", "NORP"}:
                return here([mention_of(entity_of(child))])
    # Members named by their organization act as it: "al-Shabaab terrorists", "Hamas militants"; counted
    # ones are the people counted ("six NATO service members").
    if lemma in MEMBER_NOUNS and not any(c.dep_ == "nummod" for c in token.children):
        named = [c for c in token.lefts if c.dep_ in {"compound", "nmod", "amod"} and c.ent_type_ == "ORG"]
        if named:
            return here([mention_of(entity_of(named[0]))])
    # A named group: "the Iraqi Shia militias".
    group = group_span(token)
    if group is not None:
        return here([mention_of(group)])
    # An instrument stands for its author: "the U.S. strike", "the shots [Oswald fired]".
    if lemma in INSTRUMENT_NOUNS:
        return [replace(p, anchor=token) for p in _instrument_author(token, context, depth)]
    return []


def _nominal(token: Token, context: Context) -> list[Party]:
    """A participant named by a noun phrase only: "Iran seized several oil tankers", "killed 126 people".

    It is the named entity the article writes beside the same noun, when there is one only ("a federal
    judge sentenced him ... U.S. District Judge George O'Toole Jr."); else a party of its own.
    """
    party = nominal_party(token)
    if party is None:
        return []
    if party.head in MEMBER_NOUNS:
        # "members of Iranian-backed militias", "fighters of the Islamic State", "counterparts from the
        # European Commission": the named group acts.
        groups = [p for word in ("of", "from") for p in _pobj_parties(_noun_preposition(token, word), context)
                  if p.nominal is None]
        if groups:
            return [replace(p, anchor=token) for p in groups]
    named = (context.named_heads or {}).get((party.head, plural(token)))
    if named is not None:
        return [Party(named, token)]
    return [Party(Mention(party.text, "Nominal", party.start, party.end), token, party)]


def _bare_name(token: Token) -> Mention | None:
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


def _instrument_author(noun: Token, context: Context, depth: int) -> list[Party]:
    for child in noun.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"}:
            return _refer(child, context, depth + 1) or [Party(mention_of(entity_of(child)), noun)]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return _pobj_parties(child, context)
    if noun.dep_ in OBJECTS and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in FIRING_VERBS:
        # "Oswald fired the shots that killed Kennedy".
        return _logical_subjects(noun.head, context, depth + 1)
    if _is_definite(noun):
        # "the strike" names again the strike the article named before: "the U.S. strike".
        sentences = [s for s in noun.doc.sents if s.start <= noun.sent.start][-(INSTRUMENT_WINDOW + 1):]
        for sentence in reversed(sentences):
            for earlier in reversed(list(sentence)):
                if earlier.i >= noun.i or earlier.lemma_.lower() != noun.lemma_.lower():
                    continue
                for child in earlier.children:
                    if child.dep_ in {"poss", "compound", "amod"} and child.ent_type_ in {"GPE", "ORG", "NORP"}:
                        return [Party(mention_of(entity_of(child)), noun)]
                if earlier.dep_ in OBJECTS and earlier.head.lemma_.lower() in LAUNCH_VERBS:
                    # "U.S. Africa Command conducted an airstrike ... this airstrike killed two terrorists".
                    return [replace(p, anchor=noun) for p in _logical_subjects(earlier.head, context, depth + 1)
                            if p.nominal is None]
    return []


def _organization_of(role: Token, context: Context) -> Mention | None:
    for child in role.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "at", "for"}:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in {"ORG", "GPE", "NORP"}:
                    return mention_of(entity_of(obj))
        if child.dep_ == "poss" and child.ent_type_ in {"ORG", "GPE"}:
            return mention_of(entity_of(child))
        if child.dep_ == "poss" and len(context.coref.get(child.i, ())) == 1:
            # "its leaders": the organization or country the pronoun stands for.
            span = context.coref[child.i][0]
            if span.label_ in {"ORG", "GPE"}:
                return mention_of(span)
    return None


def _role_holders(roles: Iterable[RoleFact]) -> dict[str, tuple[Mention, ...]]:
    holders: dict[str, list[Mention]] = {}
    for fact in roles:
        if fact.organization is None or fact.former:
            continue
        if fact.role.split()[-1].lower() not in LEADERSHIP_NOUNS:
            continue
        people = holders.setdefault(mention_key(fact.organization.text), [])
        if all(mention_key(p.text) != mention_key(fact.person.text) for p in people):
            people.append(fact.person)
    return {name: tuple(people) for name, people in holders.items()}


def _title_holders(roles: Iterable[RoleFact]) -> dict[str, tuple[Mention, ...]]:
    holders: dict[str, list[Mention]] = {}
    for fact in roles:
        if not fact.former:
            people = holders.setdefault(fact.role.lower(), [])
            if all(mention_key(p.text) != mention_key(fact.person.text) for p in people):
                people.append(fact.person)
    return {title: tuple(people) for title, people in holders.items()}


def _title_holder(role: Token, context: Context) -> Mention | None:
    """The one person the article gives a title written with "the" and no organization.

    "Deputy Secretary of the Treasury Wally Adeyemo met with ... In meetings with X, the Deputy Secretary
    discussed ...": the Deputy Secretary is Adeyemo.
    """
    # "The President and Prime Minister discussed": the article is written once for the coordination.
    written = [role, role.head] if role.dep_ == "conj" else [role]
    if not any(c.dep_ == "det" and c.lower_ == "the" for w in written for c in w.children):
        return None
    words = [c for c in role.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [role]
    holders = (context.titled or {}).get(" ".join(w.lower_ for w in words), ())
    return holders[0] if len(holders) == 1 else None


def _named_after_title(role: Token) -> Mention | None:
    """The person a title's "of" phrase ends in, as the parser reads "Title of Organization Name".

    "Deputy Secretary of [the Treasury Wally Adeyemo] met with ...": the title is Adeyemo's.
    """
    for child in role.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ == "PERSON":
                    return mention_of(entity_of(obj))
    return None


def _same(a: Mention, b: Mention) -> bool:
    return (a.start, a.end) == (b.start, b.end) or mention_key(a.text) == mention_key(b.text)


# Negation and modality -------------------------------------------------------------------------------


def _is_negated(trigger: Token) -> bool:
    """Whether a negation cue (`kg/data/cues.tsv`) reaches the trigger, or its subject says no one.

    "he did not foresee the U.S. going to war": a negated governing verb negates its complement too;
    "Smith denied killing Jones", "Iran refused to meet": the governor says it did not happen.
    """
    scope = list(governors(trigger))
    return cued(NEGATED, scope) or _no_one(trigger) or any(_denied_claim(t) for t in scope)


def _no_one(verb: Token) -> bool:
    """Whether the verb's subject says no one: "We assess no civilians were injured or killed", "none died"."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    words = _patients(verb) + [c for c in verb.children if c.dep_ in SUBJECTS]
    return any(w.lower_ in NEGATIVE_WORDS or any(c.dep_ == "det" and c.lower_ in NEGATIVE_WORDS for c in w.children)
               for w in words)


def _denied_claim(clause: Token) -> bool:
    """Whether a clause is the content of a noun the text says there is none of.

    "There are no indications that any civilians were killed", "no evidence that Iran attacked".
    """
    return clause.dep_ == "acl" and any(c.dep_ == "mark" for c in clause.children) \
        and any(c.dep_ == "det" and c.lower_ in NEGATIVE_WORDS for c in clause.head.children)


def _is_hypothetical(trigger: Token) -> bool:
    """Whether a modality cue (`kg/data/cues.tsv`) reaches the trigger.

    "They will want blood", "Iran would want that to happen", "plans to strike", "if Iran retaliates", "the
    attempted murder of X".
    """
    return cued(HYPOTHETICAL, list(governors(trigger)))


def _offsets(trigger: Token, actor: Party, target: Party | None) -> tuple[int, int]:
    # The evidence is the words of the trigger's sentence that state the event: pronouns and relative
    # pronouns stand in for antecedents written elsewhere.
    sentence = trigger.sent
    points = [trigger.idx, trigger.idx + len(trigger)]
    for party in (actor, target):
        if party is None:
            continue
        mention = party.mention
        if sentence.start_char <= mention.start and mention.end <= sentence.end_char:
            points += [mention.start, mention.end]
        elif sentence.start <= party.anchor.i < sentence.end:
            points += [party.anchor.idx, party.anchor.idx + len(party.anchor)]
    return min(points), max(points)
