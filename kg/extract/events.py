"""Actor–action–target events: who did what to whom, as news writes it.

The words that can make an event are the trigger patterns of `kg/data/triggers.json` (`kg.extract.triggers`),
each kind with its callback here (`TRIGGERS`), read from spaCy's dependency parse:

- a verb: active and passive voice ("X was killed by Y": Y acts), subjects shared by participial,
  coordinated and prepositional clauses ("..., killing the leader of ...", "X shot and killed Y",
  "X was convicted of killing Y"), relative clauses ("X, who assassinated Y", "the strike that killed Y");
- an event noun: "the assassination of Y by X", "Y's killing", "the U.S. strike against Y", and, when
  no doer is written, the person the sentence arrests, charges, convicts or sentences for it;
- a doer noun: "X, the assassin of Y", "Y's assassin, X", "Y assassin X", "X was the gunman who ...";
- a noun of meeting or calling: "Biden's meeting with Garibashvili", "held a call with Dar";
- a death: "the death of Qassem Soleimani", "a strike that resulted in the death of X".

Who a word of the parse stands for is read by `kg.extract.participants`; the inference of a killing's
culprit or victim written away from its trigger by `kg.extract.killing`, behind the `killing` switch.

Every event carries the action's lemma (phrasal verbs keep their particle: "call for"), its CAMEO root
category from `kg/data/verbs.tsv`, whether the text negates it ("did not foresee", "denied killing",
"refused to meet"), and whether the text asserts it or only calls it possible, intended, attempted or
future ("would want", "will pay", "could be targeted", "plans to", "the attempted murder", "to help
bolster"); a factive verb keeps its complement asserted ("can't remember shooting Kennedy"). Negation
and modality are the cue rules of `kg/data/cues.tsv` (`kg.extract.cues`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc, Token

from kg.data import event_maps, event_words, framed_lexicon, interaction_nouns, verb_lexicon, verbal_categories
from kg.extract.coref import CONSULT, antecedents
from kg.extract.cues import HYPOTHETICAL, NEGATED, SERIES_NOUNS, cued, governors
from kg.extract.facts import EventFact, Mention, NominalParty, RoleFact, entity_of, evidence_of, mention_of, unnamed
from kg.extract.killing import KILLING, culprits, sentence_victims, with_bare_names
from kg.extract.labels import (AGENTS, NAMED_LABELS, NEGATIONS, OBJECTS, PASSIVE_SUBJECTS, PREDICATE_COMPLEMENTS,
                               SUBJECTLESS_CLAUSES, SUBJECTS, TIME_LABELS)
from kg.extract.participants import (CULPRIT_PATIENT_VERBS, DEED_VERBS, DOER_NOUNS, EVENT_NOUNS, INSTRUMENT_NOUNS,
                                     LAUNCH_VERBS, OBJECT_CONTROL, ORDER_NOUNS, PARTICIPANTS, PATIENT_NOUNS, Context,
                                     Party, agents_of, is_definite, is_passive, logical_subjects, misread_objects,
                                     noun_parties, noun_preposition, parties_of, patients_of, pobj_parties,
                                     preposition_chain, refer, role_holders, same_entity, subjects_of,
                                     surface_apposition, title_holders, verb_actors)
from kg.extract.parties import press_party, resolved_heads
from kg.extract.roles import role_facts
from kg.extract.triggers import trigger_kinds
from kg.extract.when import clause_place, clause_time

_WORDS = event_words()
_MAPS = event_maps()
# Verbs that state no event between parties on their own.
LIGHT_VERBS = _WORDS["light_verb"]
# Lexicon verbs that state an event only with the one it is done to: "X harassed" or "Y was elected" alone says
# nothing of whom ("the MQ-9s that had been harassed by Russian aircraft", parsed with no patient).
PATIENT_VERBS = _WORDS["patient_verb"]
# Verbs of speech: their object is what was said, not a party ("told VOA" names a channel, not a target).
# Not coref's `reporting_verb` list, which says which verbs attribute a quotation to a speaker: "speak" and
# "report" are speech here but attribute no quote there; "warn" and "ask" attribute quotes but their object
# is a party ("warned Iran", "asked Congress"). Merging them would change both.
SPEECH_VERBS = _WORDS["speech_verb"]
# Speech verbs whose object is the one spoken to: "Bill Roggio ... told VOA".
ADDRESSEE_VERBS = _WORDS["addressee_verb"]
# Prepositions that name the target of a verb or of its object: "struck a blow against Iran".
TARGET_PREPOSITIONS = frozenset({"against"})
# Prepositions that name the counterpart of a verb-and-object phrase: "opened fire on", "imposed sanctions
# on", "held talks with", "signed a deal with".
FIRE_PREPOSITIONS = _WORDS["phrase_preposition"]
# CAMEO roots of cooperating and consulting: their phrases name the counterpart with "with" only ("signed a deal
# with X", "held talks with X"; "signed a peace deal at the White House" names where), and those who do them
# together are each other's counterparts ("Ethiopia and Eritrea signed a peace agreement").
PARTNER_CATEGORIES = _WORDS["partner_category"]
# Phrases that name a simpler action: "fired at Kennedy" is shooting at him.
ACTION_SYNONYMS = _MAPS["action_synonym"]
# A verb whose predicate noun is a title states an appointment: "has been named Federal Coordinating Officer".
PREDICATE_SYNONYMS = _MAPS["predicate_synonym"]
# "with" names a counterpart only after these: "going to war with Iran", "talks with Iran".
WITH_HEADS = _WORDS["with_head"]
# Things that happen and harm with no one named as doing them: "the blast killed 126 people".
CAUSE_NOUNS = _WORDS["cause_noun"]
# Personal pronouns that stand for a doer: one whose antecedent was not found is an unknown actor.
UNRESOLVED_PRONOUNS = _WORDS["unresolved_pronoun"]
# Pleas: the verb and its adjective ("pleaded guilty"); their object is a charge, never a party.
PLEAS = _WORDS["plea"]
# Verbs that hold, join or answer a meeting or call: "joined Biden's meeting with X", "returned Singh's call".
HOLDING_VERBS = _WORDS["holding_verb"]
# Prepositions that set a clause in a meeting: "In meetings with X, the Secretary discussed ...".
SETTING_PREPOSITIONS = _WORDS["setting_preposition"]
# Verbs whose subject brings about the death they name: "a strike that resulted in the death of X".
RESULT_VERBS = _WORDS["result_verb"]
# "were confirmed deceased", "was pronounced dead", "was found dead": a death said as a finding.
DECLARING_VERBS = _WORDS["declaring_verb"]
DEATH_ADJECTIVES = _WORDS["death_adjective"]
# Words that say no one underwent or did it: "no civilians were killed", "There are no indications that ...".
NEGATIVE_WORDS = _WORDS["negative_word"]
# Verbs of interaction between the parties that do them together: "Trump and Putin spoke by phone".
RECIPROCAL_VERBS = _WORDS["reciprocal_verb"]
# A deed noun of one party, the one its "of" phrase or possessor names: "the resignation of John Bryson".
SUBJECT_NOUNS = _MAPS["subject_noun"]
# What one files with a court or an authority, and so stands for the one who filed it: "dismissed his appeal".
FILING_NOUNS = _WORDS["filing_noun"]
# The means a conversation is held by, and the prepositions that name them: "spoke by telephone with X".
MEDIUM_NOUNS = _WORDS["medium_noun"]
MEDIUM_PREPOSITIONS = _WORDS["medium_preposition"]


def events(doc: Doc, roles: Iterable[RoleFact] | None = None, published: str = "",
           killing: bool = True) -> Iterator[EventFact]:
    """Yield the events of a document in text order: an action with an actor, named, nominal or unknown.

    `roles` are the document's role facts when the caller has them already ("the leader of the Quds
    Force" is the person the text names its commander); without them they are read again. `published`
    (YYYY-MM-DD) places dates written relative to it ("on Friday") in time. `killing=False` leaves out
    the killing inference of `kg.extract.killing`.
    """
    roles = list(role_facts(doc) if roles is None else roles)
    context = Context(antecedents(doc), role_holders(roles), named_heads=resolved_heads(doc),
                      titled=title_holders(roles), published=published, killing=killing)
    seen: set[tuple[int, str, str, str]] = set()
    kinds = trigger_kinds(doc)
    for token in doc:
        if token.i not in kinds:
            continue
        found = TRIGGERS[kinds[token.i]](token, context)
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


def _adjectival(verb: Token) -> bool:
    """Whether a participle only describes the noun it modifies: "3,177 were convicted sex offenders", "4,269
    wanted fugitives" say who they are, not that a conviction or a search is reported here. The parser hangs
    the copula of "were convicted sex offenders" on the participle as its passive auxiliary. One with a subject
    of its own is a verb misread: "The two discussed efforts" (parsed "discussed" amod of "efforts")."""
    return (verb.dep_ == "amod" and verb.head.pos_ in {"NOUN", "PROPN"}
            and not any(c.dep_ in SUBJECTS for c in verb.children))


def _declared_deaths(verb: Token, context: Context) -> Iterator[EventFact]:
    """A death said as a finding: "Five Marines have been confirmed deceased following a CH-53E helicopter
    crash" (the crash killed them), "The pilot was pronounced dead at the scene" (he died)."""
    if verb.lemma_.lower() not in DECLARING_VERBS or not any(
            c.dep_ in {"oprd", "acomp"} and c.lower_ in DEATH_ADJECTIVES for c in verb.children):
        return
    the_dead = [p for c in verb.children if c.dep_ in PASSIVE_SUBJECTS for p in parties_of(c, context)]
    deed = next((o for p in _prepositions(verb) for o in p.children
                 if o.dep_ == "pobj" and (o.lemma_.lower() in EVENT_NOUNS or o.lemma_.lower() in CAUSE_NOUNS)), None)
    if deed is None:
        yield from _facts(verb, "die", the_dead, [], context)
        return
    actors = noun_parties(deed, context)[0] or _deed_author(deed, context) or [Party(unnamed(deed.idx), deed)]
    yield from _facts(verb, "kill", actors, the_dead, with_bare_names(context))


def _verb_events(verb: Token, context: Context) -> Iterator[EventFact]:
    lemma = verb.lemma_.lower()
    if lemma in LIGHT_VERBS or _adjectival(verb):
        return
    yield from _declared_deaths(verb, context)
    action, phrase_preposition = _action_of(verb)
    if action in KILLING or action in CULPRIT_PATIENT_VERBS or verb_lexicon().get(action) == CONSULT:
        # The parties of a killing, a conviction or a meeting are people or groups, whatever the tagger
        # missed: "hosted Australian Minister of Defense Marise Payne", "a jury convicted JI CHAOQUN".
        context = with_bare_names(context)
    actors = verb_actors(verb, context) or _unwritten_actor(verb, action)
    if not actors:
        return
    if lemma in SPEECH_VERBS and action == lemma:
        # What was said is no party; whom it was told to is, when the text names them: "told VOA".
        targets = [p for c in verb.children if c.dep_ in OBJECTS | {"dative"} and lemma in ADDRESSEE_VERBS
                   for p in parties_of(c, context)]
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
    mutual = len(actors) > 1 and (_each_other(verb) or _consulted_together(verb, action, phrase_preposition))
    if mutual:
        # "The leaders thanked each other": each thanks the other; "Secretary Rubio and Foreign Minister
        # Wadephul discussed Iran": each discusses it with the other, and Iran is what they talked about.
        targets = []
    if not targets and len(actors) > 1 and (lemma in RECIPROCAL_VERBS or _held_interaction(verb, action) or mutual):
        yield from _reciprocal(verb, action, actors, context)
        return
    if not targets and (action not in verb_lexicon() or action in PATIENT_VERBS
                        or not actors[0].mention.text and not actors[0].nominal):
        # A verb outside the event lexicon states an event only between two parties ("Patricia Campbell
        # looked", "Tsarnaev rose" are none), as a verb of `PATIENT_VERBS` does; an unwritten actor with no
        # target is no event either.
        return
    yield from _facts(verb, action, actors, targets, context)


def _interaction_events(noun: Token, context: Context) -> Iterator[EventFact]:
    """A meeting or a call written as a noun, with its parties from the noun and the verb that holds it.

    "Vice President Biden's meeting with Garibashvili" (Biden meets Garibashvili); "President Obama joined
    Biden's meeting with Garibashvili" (Obama meets both); "Obama returned Singh's phone call", "held a call
    with Dar" (the one who returns or holds it calls the other); "In meetings with Dombrovskis and Gentiloni,
    the Deputy Secretary discussed ...", "After meetings with Modi, the Secretary flew to Tokyo" (the clause's
    subject meets them).
    """
    action = interaction_nouns()[noun.lemma_.lower()]
    owners = [p for c in noun.children if c.dep_ == "poss" for p in parties_of(c, context)]
    partners = pobj_parties(noun_preposition(noun, "with"), context)
    holders: list[Party] = []
    # "Following discussions with X, I directed ...": the parser reads "following" as a verb holding its object.
    setting = noun.head if noun.dep_ == "pobj" or noun.head.dep_ == "prep" else None
    if noun.dep_ in OBJECTS and noun.head.lemma_.lower() in HOLDING_VERBS:
        holders = verb_actors(noun.head, context)
    elif setting is not None and setting.lower_ in SETTING_PREPOSITIONS and setting.head.pos_ == "VERB":
        holders = logical_subjects(setting.head, context)
    if owners and partners:
        yield from _facts(noun, action, owners, partners, context)
    counterparts = [p for p in owners + partners if all(not same_entity(p.mention, h.mention) for h in holders)]
    # "President Biden received a call from Prime Minister Modi": the one it is from made it.
    senders = pobj_parties(noun_preposition(noun, "from"), context) if holders and not partners else []
    if senders:
        yield from _facts(noun, action, senders, holders, context)
    elif holders and counterparts:
        yield from _facts(noun, action, holders, counterparts, context)
    elif len(holders) > 1 and not counterparts:
        # "The President and Prime Minister Brown had a productive call", "Hagel and Shoigu conducted their
        # inaugural video teleconference": those who hold it call or meet each other.
        for holder in holders:
            yield from _facts(noun, action, [holder], [h for h in holders if h is not holder], context)


def _each_other(verb: Token) -> bool:
    """Whether a verb's object is "each other" or "one another": "The leaders thanked each other"."""
    return any(c.dep_ in OBJECTS and (c.lower_, next((d.lower_ for d in c.children if d.dep_ == "det"), ""))
               in {("other", "each"), ("one", "another")} for c in verb.children)


def _consulted_together(verb: Token, action: str, phrase_preposition: str) -> bool:
    """Whether a verb of consulting names no one it was done with: its object is a topic ("discussed Iran")."""
    return verb.lemma_.lower() in RECIPROCAL_VERBS and verb_lexicon().get(action) == CONSULT \
        and phrase_preposition != "with"


def _held_interaction(verb: Token, action: str) -> bool:
    """Whether a verb-and-object phrase holds talks or makes a deal: "President Biden and President Xi held
    talks", "Ethiopia and Eritrea signed a peace agreement" (each with the other), not "Biden and Harris hosted
    a reception" (a visit or hosting names its guest)."""
    return action != verb.lemma_.lower() and verb_lexicon().get(action) in PARTNER_CATEGORIES


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
    passive = is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ == "acl")
    if not passive and not any(_no_one_named(s) for s in _inherited_doers(verb)):
        return []
    return [Party(unnamed(verb.idx), verb)]


def _inherited_doers(verb: Token) -> list[Token]:
    """The words that say who does what a verb says: its subjects, or those of the clause it joins.

    "the bomb killed 13 people and wounded 71" (a coordinated verb), "Twin bombs exploded near the finish
    line, killing three people" (a participle), "the building was shattered by an explosion, killing 168
    people" (the agent of a passive).
    """
    for _ in range(PARTICIPANTS.bound):
        doers = subjects_of(verb)
        if doers:
            return doers
        if verb.dep_ not in SUBJECTLESS_CLAUSES or verb.head.i == verb.i:
            return []
        verb = verb.head
        if is_passive(verb):
            return agents_of(verb)
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
                     and c.i < child.i for p in parties_of(c, context)]
            if found:
                return found
    return []


def _death_events(noun: Token, context: Context) -> Iterator[EventFact]:
    # "the death of Quds Force Commander General Qassem Soleimani", "Soleimani's death": who died.
    the_dead = pobj_parties(noun_preposition(noun, "of"), context)
    the_dead += [p for c in noun.children if c.dep_ == "poss" for p in parties_of(c, context)]
    the_dead = [p for p in the_dead if p.mention.type in {"Person", "Nominal"}]
    deed = _deadly_deed(noun)
    if deed is not None and the_dead:
        # "U.S. Central Command conducted a strike that resulted in the death of X": the strike killed X.
        actors = noun_parties(deed, context)[0] or _deed_author(deed, context) or [Party(unnamed(deed.idx), deed)]
        yield from _facts(noun, "kill", actors, the_dead, with_bare_names(context))
        return
    yield from _facts(noun, "die", the_dead, [], context)


def _subject_noun_events(noun: Token, context: Context) -> Iterator[EventFact]:
    """"Last night I accepted the resignation of John Bryson": John Bryson resigned; "following his surrender
    to authorities in Mexico": he surrendered. The doer is a person or a noun phrase, as for a death."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if any(cued(category, [noun, verb]) for category in (HYPOTHETICAL, NEGATED)):
        # "called for the resignation of X", "denied his resignation": what is asked for or denied.
        return
    doers = pobj_parties(noun_preposition(noun, "of"), context)
    doers += [p for c in noun.children if c.dep_ == "poss" for p in parties_of(c, context)]
    yield from _facts(noun, SUBJECT_NOUNS[noun.lemma_.lower()],
                      [p for p in doers if p.mention.type in {"Person", "Nominal"}], [], context)


def _deadly_deed(death: Token) -> Token | None:
    """The deed a death is the result of: "a strike ... that resulted in the death of X", "the raid caused
    the death of X"; None when the text gives no cause."""
    verb = death.head.head if death.dep_ == "pobj" and death.head.lower_ in {"in", "to"} else \
        death.head if death.dep_ in OBJECTS else None
    if verb is None or verb.lemma_.lower() not in RESULT_VERBS:
        return None
    for subject in subjects_of(verb):
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
            found = [p for d in deaths for p in pobj_parties(noun_preposition(d, "of"), context)]
        elif _violent(clause) and not is_passive(clause):
            found = [p for o in clause.children if o.dep_ in OBJECTS for p in parties_of(o, context)]
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
        context = with_bare_names(context)
    actors, targets = noun_parties(noun, context)
    if not actors:
        actors = _deed_author(noun, context)
    if not actors and action in KILLING:
        actors = culprits(noun, context)
    if not targets and action in KILLING:
        # "charged with first-degree murder in the death of Mary Brown": the death names the victim.
        targets = [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in {"in", "for"}
                   for death in prep.children if death.dep_ == "pobj" and death.lemma_.lower() in PATIENT_NOUNS
                   for p in pobj_parties(noun_preposition(death, "of"), context)]
    if not targets:
        targets = _clause_targets(noun, context)
    if actors and not targets and action in KILLING and is_definite(noun):
        # "Oswald was arrested hours after the assassination": the killing the sentence names elsewhere.
        targets = sentence_victims(noun, context)
    if not actors and targets:
        # "the slaying of seven more demonstrators", "attacks on security forces": no doer written.
        actors = [Party(unnamed(noun.idx), noun)]
    if not actors or (not targets and noun.lemma_.lower() in PATIENT_NOUNS):
        return
    yield from _facts(noun, action, actors, targets, context)


def _deed_author(noun: Token, context: Context) -> list[Party]:
    """Who carried out a deed the text names by a noun: the subject of a verb of doing or of owning it.

    "the Islamic State launched a series of attacks across Paris", "ETA carried out the bombing", "the attack
    was carried out by the Islamic State", "the Provisional IRA accepted responsibility for the bombings".
    """
    token = noun
    if token.dep_ == "pobj" and token.head.head.lemma_.lower() in SERIES_NOUNS:
        token = token.head.head  # "a series of attacks"
    if token.dep_ in OBJECTS and token.head.lemma_.lower() in DEED_VERBS | LAUNCH_VERBS:
        return logical_subjects(token.head, context)
    if token.dep_ in PASSIVE_SUBJECTS and token.head.lemma_.lower() in DEED_VERBS | LAUNCH_VERBS:
        # "That attack was launched by Iranian-backed militia Kataeb Hezbollah": the agent did the deed; not who
        # directed it ("launched at the direction of Trump") nor the machine it was done with ("conducted by the
        # same MQ-9s").
        return [p for agent in token.head.children if agent.dep_ in AGENTS for p in pobj_parties(agent, context)
                if p.nominal is None or p.nominal.kind != "machine"]
    if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lemma_.lower() in {"responsibility",
                                                                                                  "credit"}:
        owner = token.head.head
        if owner.dep_ in OBJECTS and owner.head.pos_ == "VERB" and not _disowned(owner):
            return logical_subjects(owner.head, context)
    return []


def _disowned(responsibility: Token) -> bool:
    """Whether a claim of a deed is denied, negated or made by no one: "The Taliban denied responsibility for
    the bombing", "did not claim responsibility", "No group claimed responsibility for the attack". Its
    subject is then no author of the deed."""
    verb = responsibility.head
    return cued(NEGATED, [responsibility, verb]) or _is_negated(verb)


def _doer_events(noun: Token, context: Context) -> Iterator[EventFact]:
    # "X, the assassin of Y" / "Y's assassin, X" / "Y assassin X" / "X was the gunman who ...".
    context = with_bare_names(context)
    doers = refer(noun, context, 0, doer=True) or surface_apposition(noun)
    owners = [c for c in noun.children if c.dep_ in {"poss", "compound"}]
    if noun.dep_ == "compound" and noun.head.ent_type_ == "PERSON":
        # "William McKinley's assassin Leon Czolgosz": the victim hangs from the doer's name, left of the noun.
        owners += [c for c in noun.head.children if c.dep_ in {"poss", "compound"} and c.i < noun.i]
    # The tagger sometimes calls a lone surname an organization ("Lincoln's killer"); a place is never a victim.
    victims = [p for c in owners for p in parties_of(c, context) if p.mention.type in {"Person", "Organization"}]
    victims += [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for o in prep.children if o.dep_ == "pobj" for p in parties_of(o, context)]
    if doers and not victims and noun.i > 0:
        # "defended Kennedy assassin Sirhan B. Sirhan": a name written right before the title is the victim,
        # however the parser attached it.
        before = noun.doc[noun.i - 1 if noun.doc[noun.i - 1].tag_ != "POS" else max(noun.i - 2, 0)]
        if before.ent_type_ == "PERSON" and before.ent_iob_ != "O" and entity_of(before).end == before.i + 1:
            victims = [Party(mention_of(entity_of(before)), before)]
    if doers and not victims:
        # "... the assassination of President Kennedy ... that Lee Harvey Oswald was the lone assassin".
        victims = sentence_victims(noun, context, doers)
    if doers and victims:
        yield from _facts(noun, DOER_NOUNS.get(noun.lemma_.lower()) or DOER_NOUNS[noun.lower_], doers, victims,
                          context)


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
            if target is not None and actor.mention.text and same_entity(target.mention, actor.mention):
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
        if not _particle(verb, child):
            continue
        if f"{lemma} {child.lower_}" in ACTION_SYNONYMS:
            return ACTION_SYNONYMS[f"{lemma} {child.lower_}"], ""  # "gunned down" is shot
        if f"{lemma} {child.lower_}" in lexicon:
            return f"{lemma} {child.lower_}", ""  # "shoot down", "lash out"
    for child in _prepositions(verb):
        if f"{lemma} {child.lower_}" in ACTION_SYNONYMS and not _of_time(child):
            # "fired a rifle at Kennedy" is shooting at him; "launched three missiles on May 24" is no attack on it.
            return ACTION_SYNONYMS[f"{lemma} {child.lower_}"], child.lower_
        if f"{lemma} {child.lower_}" in lexicon and not _of_time(child):
            return f"{lemma} {child.lower_}", child.lower_  # "call for", "call on", "vote against"
    if lemma in PREDICATE_SYNONYMS and _titled_predicate(verb):
        return PREDICATE_SYNONYMS[lemma], ""
    addressee = _addressee_preposition(verb)
    if addressee is not None:
        return f"{lemma} to", "to"  # "underscored the importance of the alliance to Foreign Minister Wong"
    for child in verb.children:
        if child.dep_ == "acomp" and f"{lemma} {child.lower_}" in lexicon \
                and not any(c.dep_ in NEGATIONS for c in child.children):
            return f"{lemma} {child.lower_}", ""  # "pleaded guilty" (not "pleaded not guilty")
    for child in verb.children:
        phrase = _object_phrase(verb, child) if child.dep_ in OBJECTS else ""
        if phrase:
            # "opened fire on the convoy", "imposed sanctions on X", "held talks with X": the object is part
            # of the action, its target follows a preposition.
            # A phrase listed with its own preposition takes it too: "issue warrant for" ("issued a warrant for X").
            allowed = ({"with"} if lexicon.get(phrase) in PARTNER_CATEGORIES else FIRE_PREPOSITIONS) \
                | {p.lower_ for p in _prepositions(verb) + list(child.children) if f"{phrase} {p.lower_}" in lexicon}
            preposition = next((p.lower_ for p in child.children if p.dep_ == "prep" and p.lower_ in allowed),
                               next((p.lower_ for p in _prepositions(verb) if p.lower_ in allowed), ""))
            return ACTION_SYNONYMS.get(phrase, phrase), preposition
    return lemma, ""


def _titled_predicate(verb: Token) -> bool:
    """Whether a verb's predicate noun is a title, not a name: "Brett H. Howard has been named Federal
    Coordinating Officer", "Fugate named Keldsen as the Federal Coordinating Officer"; not "a man named John
    Smith", "the suspect, named as Ahmed Ali"."""
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    predicates += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
                   if o.dep_ == "pobj"]
    return verb.dep_ != "acl" and any(p.pos_ in {"NOUN", "PROPN"} and p.ent_type_ != "PERSON" for p in predicates)


def _prepositions(verb: Token) -> list[Token]:
    """The verb's prepositions, with those the parser hung on the medium it was said by or read as a dative
    ("issued an arrest warrant March 30 for Cortez")."""
    return [c for c in verb.children if c.dep_ == "prep" or c.dep_ == "dative" and c.pos_ == "ADP"] \
        + _repair_with_on_the_medium(verb)


def _repair_with_on_the_medium(verb: Token) -> list[Token]:
    """Parser repair: "President Obama spoke today by telephone with Prime Minister Netanyahu", "spoke via
    videoconference with Defense Minister Shoigu" parsed with "with" hung on the medium noun ("telephone"):
    the "with" is the verb's, and names whom it was said with."""
    return [w for p in verb.children if p.dep_ == "prep" and p.lower_ in MEDIUM_PREPOSITIONS
            for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in MEDIUM_NOUNS
            for w in o.children if w.dep_ == "prep" and w.lower_ == "with"]


def _particle(verb: Token, child: Token) -> bool:
    """Whether a child is the verb's particle: tagged so, or an adverb right after it that the parser did not
    tag a particle ("Ariel Henry stepped down")."""
    return child.dep_ == "prt" or child.dep_ == "advmod" and child.i == verb.i + 1 and child.pos_ == "ADV"


def _addressee_preposition(verb: Token) -> Token | None:
    """The "to" of a verb of conveying a message, on the verb or on what it conveys, when the lexicon lists
    the verb with "to" (`verbs.tsv`: "underscore to"): "expressed condolences to Prime Minister Albanese",
    "underscored the importance of the alliance to Foreign Minister Wong" (the parser hangs "to" on the
    object). Its object is the one spoken to."""
    if f"{verb.lemma_.lower()} to" not in verb_lexicon():
        return None
    for word in [verb, *(o for o in verb.children if o.dep_ == "dobj")]:
        for child in word.children:
            # On the object, "to" names someone spoken to only when it names a person, country or body: in
            # "reaffirmed their commitment to the alliance" it says what the commitment is to.
            if child.dep_ == "prep" and child.lower_ == "to" and any(
                    o.dep_ == "pobj" and (word == verb or o.ent_type_ in NAMED_LABELS) for o in child.children):
                return child
    return None


def _of_time(preposition: Token) -> bool:
    """Whether a preposition says when or on whose orders: "called President Obama on Friday" is no "call on",
    "the strike was launched at the direction of Trump" no "launch at". A length of something is no time:
    "called for three days of national mourning" calls for the mourning."""
    return any(o.dep_ == "pobj" and (o.ent_type_ in TIME_LABELS and not _measures_something(o)
                                     or o.lemma_.lower() in ORDER_NOUNS)
               for o in preposition.children)


def _measures_something(noun: Token) -> bool:
    """Whether a noun of time measures what its "of" names: "three days of national mourning"."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.ent_type_ not in TIME_LABELS
                                                               for o in c.children) for c in noun.children)


def _object_phrase(verb: Token, obj: Token) -> str:
    """The verb-and-object phrase the lexicon lists, as written or by the object's lemma ("hold talks")."""
    lemma = verb.lemma_.lower()
    for phrase in (f"{lemma} {obj.lower_}", f"{lemma} {obj.lemma_.lower()}"):
        if phrase in verb_lexicon():
            return phrase
    return ""


# Verb participants -----------------------------------------------------------------------------------


def _verb_targets(verb: Token, phrase_preposition: str, context: Context) -> list[Party]:
    if is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        patients = patients_of(verb)
        if patients:
            return [p for c in patients for p in parties_of(c, context) or _filer(c, context)] \
                + _included(verb, context)
        if verb.dep_ == "acl":
            # "President William Tolbert, assassinated in a coup": the participle's noun undergoes it.
            return parties_of(verb.head, context)
        return []
    objects = _objects(verb)
    if phrase_preposition:
        # "called on Iran to ...", "opened fire on the convoy": the object of the phrase's preposition.
        addressee = _addressee_preposition(verb)
        conveyed = addressee.head if addressee is not None else None  # "underscored the importance ... to X"
        holders = [verb, *[o for o in objects if _object_phrase(verb, o) or o == conveyed]]
        phrase_objects = [o for h in holders
                          for c in (_prepositions(h) if h == verb else [c for c in h.children if c.dep_ == "prep"])
                          if c.lower_ == phrase_preposition for o in c.children if o.dep_ == "pobj"]
        # "fired his Colt Cobra at Oswald": the object is the weapon, the phrase's object the target.
        objects = phrase_objects or [o for o in objects if o not in holders]
    targets = [p for o in objects for p in _object_parties(o, context)]
    if phrase_preposition == "with":
        targets = _repair_origin_on_the_verb(verb, targets, context) or targets
    if not targets:
        targets = _prepositional_targets(verb, objects, context)
    return targets


def _repair_origin_on_the_verb(verb: Token, partners: list[Party], context: Context) -> list[Party]:
    """Parser repair: "met with the Ambassadors to the EU from Greece, Cyprus, and Malta", "spoke with officials
    from the European Commission" parsed with "from" hung on the verb: the named ones the partners come
    from are the parties met, as "counterparts from the European Commission" are the Commission. Only when
    no partner is named ("met with executives from companies" keeps the executives)."""
    if any(p.nominal is None for p in partners):
        return []
    return [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "from"
            for p in pobj_parties(prep, context) if p.nominal is None]


def _objects(verb: Token) -> list[Token]:
    """The words for what an active verb is done to: those of the first of `OBJECT_READERS` that finds any."""
    for reader in OBJECT_READERS:
        found = reader(verb)
        if found:
            return found
    return []


def _written_objects(verb: Token) -> list[Token]:
    """The verb's objects: "Oswald shot Kennedy" → Kennedy."""
    return [c for c in verb.children if c.dep_ in OBJECTS]


def _repair_second_subject(verb: Token) -> list[Token]:
    """Parser repair: "Jack Ruby shot and mortally wounded Lee Harvey Oswald" parsed with Oswald as a second
    subject after the verb (see `misread_objects`)."""
    return misread_objects(verb)


def _repair_participle_read_as_clause(verb: Token) -> list[Token]:
    """Parser repair: "an immigration judge ordered Samayoa removed from the United States" parsed as a clause
    "[Samayoa] [removed from ...]" under "ordered": the one ordered removed is the object."""
    if verb.lemma_.lower() not in OBJECT_CONTROL:
        return []
    return [s for c in verb.children if c.dep_ == "ccomp" and c.tag_ == "VBN"
            and not any(a.dep_ in {"aux", "auxpass", "mark"} for a in c.children)
            for s in c.children if s.dep_ == "nsubj" and s.i == c.i - 1]


def _small_clause_subject(verb: Token) -> list[Token]:
    """The subject of an adjective's small clause: "holding its leaders accountable" → its leaders."""
    return [g for c in verb.children if c.dep_ in PREDICATE_COMPLEMENTS and c.pos_ == "ADJ"
            for g in c.children if g.dep_ in SUBJECTS]


def _gerund_object(verb: Token) -> list[Token]:
    """A gerund written as a noun takes its object with "of": "Iran's targeting of Americans" → Americans."""
    if verb.tag_ != "VBG" or not any(c.dep_ == "poss" or c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return []
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]


def _shared_object(verb: Token) -> list[Token]:
    """Coordinated verbs share the object written after the last of them: "X shot and killed Y" → Y."""
    return [o for conj in verb.conjuncts if conj.i > verb.i and conj.pos_ == "VERB"
            for o in conj.children if o.dep_ in OBJECTS][:1]


def _repair_object_read_as_conjunct(verb: Token) -> list[Token]:
    """Parser repair: "shot and mortally wounded Lee Harvey Oswald" parsed as "shot [and] Oswald", a noun
    coordinated with a violent verb: the noun is its object."""
    if not _violent(verb):
        return []
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} and c.i > verb.i]


def _repair_one_victim_of_two_blows(verb: Token) -> list[Token]:
    """Parser repair: "shot and mortally wounded Oswald" parsed as "shot Oswald and mortally wounded": the
    second blow, left with no object, has the first one's."""
    if verb.dep_ != "conj" or not _violent(verb) or not _violent(verb.head):
        return []
    return _written_objects(verb.head) or misread_objects(verb.head)


# The readers of a verb's objects, in order: what the parse writes, then what it misreads.
OBJECT_READERS = (_written_objects, _repair_second_subject, _repair_participle_read_as_clause, _small_clause_subject,
                  _gerund_object, _shared_object, _repair_object_read_as_conjunct, _repair_one_victim_of_two_blows)


def _included(verb: Token, context: Context) -> list[Party]:
    """The named members of a passive's patients: "Leftists were arrested, including Eva Forest and ..."."""
    return [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in {"including", "among"}
            for p in pobj_parties(prep, context)]


def _violent(verb: Token) -> bool:
    return verb_lexicon().get(verb.lemma_.lower(), "") in {"18", "19", "20"}


def _object_parties(obj: Token, context: Context) -> list[Party]:
    """The parties an object names; an event noun stands for its named author.

    "praised the U.S. strike against Soleimani" is directed at the United States. Whom the deed hit is no
    target of the praise, nor is the dead of "confirmed the death of X" the target of a confirmation: that
    death is an event of its own.
    """
    parties = parties_of(obj, context) or _filer(obj, context)
    if parties:
        return parties
    if obj.lemma_.lower() in EVENT_NOUNS:
        return noun_parties(obj, context)[0]
    return _owner_of_what_is_said_of(obj, context)


def _filer(noun: Token, context: Context) -> list[Party]:
    """The one whose appeal, petition or motion it is, for what is done to it: "the Board of Immigration Appeals
    dismissed his appeal", "His petition for review was denied" (he)."""
    if noun.lemma_.lower() not in FILING_NOUNS:
        return []
    return [p for c in noun.children if c.dep_ == "poss" for p in parties_of(c, context)]


def _owner_of_what_is_said_of(obj: Token, context: Context) -> list[Party]:
    """The owner of a thing a verb of saying is about is the party it is about: "The Secretary welcomed the
    Minister's commitment to ...", "condemned China's decision" (the Minister, China). Not for deeds: "shot
    his neighbour's dog" does nothing to the neighbour; nor is it for consulting: "They discussed China's actions
    in the South China Sea" is no talk with China."""
    category = verb_lexicon().get(obj.head.lemma_.lower(), "")
    if obj.dep_ not in OBJECTS or category not in verbal_categories() or category == CONSULT:
        return []
    return [p for c in obj.children if c.dep_ == "poss" for p in parties_of(c, context)]


def _prepositional_targets(verb: Token, objects: list[Token], context: Context) -> list[Party]:
    # "struck a ... blow against Iran", "going to war with Iran".
    heads = [verb, *objects]
    chain = list(preposition_chain(verb))
    # "going to war with Iran": "with" may hang on the verb while "war" is the object of another preposition.
    warlike = {t.lemma_.lower() for t in heads} | {o.lemma_.lower() for p in chain for o in p.children if o.dep_ == "pobj"}
    for prep in chain:
        if prep.head not in heads and prep.head.dep_ != "pobj":
            continue
        if prep.lower_ in TARGET_PREPOSITIONS or (prep.lower_ == "with" and warlike & WITH_HEADS):
            found = [p for o in prep.children if o.dep_ == "pobj" for p in parties_of(o, context)]
            if found:
                return found
    for obj in objects:
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS:
                return [p for o in prep.children if o.dep_ == "pobj" for p in parties_of(o, context)]
    return []


# Event-noun participants -----------------------------------------------------------------------------


# Participants ----------------------------------------------------------------------------------------


# Negation and modality -------------------------------------------------------------------------------


def _is_negated(trigger: Token) -> bool:
    """Whether a negation cue (`kg/data/cues.tsv`) reaches the trigger, or its subject says no one.

    "he did not foresee the U.S. going to war": a negated governing verb negates its complement too;
    "Smith denied killing Jones", "Iran refused to meet": the governor says it did not happen.
    """
    scope = list(governors(trigger))
    first = _bare_conjunct_head(trigger)
    # "did not injure or kill any civilians": a verb joined by "or" to a negated one is negated with it.
    disjunct = first is not None and any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in first.children)
    return cued(NEGATED, scope) or _no_one(trigger) or any(_denied_claim(t) for t in scope) \
        or disjunct and _is_negated(first)


def _bare_conjunct_head(verb: Token) -> Token | None:
    """The verb a coordinated verb with no subject or auxiliary of its own shares them with: "Dunford will stop
    in Guam and meet with service members" (meet → stop); None for any other word."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.pos_ not in {"VERB", "AUX"} \
            or any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS | {"aux", "auxpass"} for c in verb.children):
        return None
    return verb.head


def _no_one(verb: Token) -> bool:
    """Whether the verb's subject says no one: "We assess no civilians were injured or killed", "none died"."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    words = patients_of(verb) + [c for c in verb.children if c.dep_ in SUBJECTS]
    return any(w.lower_ in NEGATIVE_WORDS or any(c.dep_ == "det" and c.lower_ in NEGATIVE_WORDS for c in w.children)
               for w in words)


def _denied_claim(clause: Token) -> bool:
    """Whether a clause is the content of a noun the text says there is none of.

    "There are no indications that any civilians were killed", "no evidence that Iran attacked".
    """
    return clause.dep_ == "acl" and any(c.dep_ == "mark" for c in clause.children) \
        and any(c.dep_ == "det" and c.lower_ in NEGATIVE_WORDS for c in clause.head.children)


def _is_hypothetical(trigger: Token) -> bool:
    """Whether a modality cue (`kg/data/cues.tsv`) reaches the trigger, or the verb it shares its auxiliary with.

    "They will want blood", "Iran would want that to happen", "plans to strike", "if Iran retaliates", "the
    attempted murder of X", "will stop in Guam and meet with service members".
    """
    first = _bare_conjunct_head(trigger)
    return cued(HYPOTHETICAL, list(governors(trigger))) or first is not None and _is_hypothetical(first)


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


# The callbacks of the trigger entries of `kg/data/triggers.json`: how each kind of trigger finds its parties.
TRIGGERS: dict[str, Callable[[Token, Context], Iterator[EventFact]]] = {
    "doer_noun": _doer_events,
    "interaction_noun": _interaction_events,
    "verb": _verb_events,
    "event_noun": _noun_events,
    "death": _death_events,
    "subject_noun": _subject_noun_events,
}
