"""Participants: which named entity, noun phrase or no one a word of the parse stands for.

A participant is a named entity, or what stands for one: a pronoun (`kg.extract.coref`), a relative
pronoun, a noun in apposition to a name, a role ("the leader of the Quds Force" is the person the text
names as its commander, else the organization), a country's officials ("Iraqi officials" → Iraq), a
named group ("the Iraqi Shia militias"), an attack's author ("the U.S. strike" → the United States).
The ways a word comes to stand for one are the ordered rules of `PARTICIPANTS`; the subjects, agents and
patients of a verb and the parties of an event noun are read here too, for the triggers of
`kg.extract.events` and the killing inference of `kg.extract.killing`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from kg.data import event_maps, event_words, role_nouns, verb_lexicon
from kg.gazetteer import countries
from kg.extract.coref import PLURAL_PRONOUNS, REPORTING_VERBS, STATE_NOUNS, THING_PRONOUNS, group_span
from kg.extract.facts import ENTITY_TYPES, Mention, NominalParty, RoleFact, entity_of, mention_of
from kg.extract.labels import (AGENTS, NAMED_LABELS, NOUN_CLAUSES, OBJECTS, PASSIVE_SUBJECTS, QUALIFIERS,
                               SUBJECTLESS_CLAUSES, SUBJECTS)
from kg.extract.parties import counted_people, definite_title, head_lemma, nominal_party, party_nouns, plural
from kg.extract.when import in_dateline
from kg.names import mention_key, surname_key

_WORDS = event_words()
_MAPS = event_maps()
# Event nouns → the verb lemma they name.
EVENT_NOUNS = _MAPS["event_noun"]
# Event nouns whose possessor or compound is the one it happens to: "Kennedy's assassination".
PATIENT_NOUNS = _WORDS["patient_noun"]
# Doer nouns → the verb lemma of their deed: "X, the assassin of Y".
DOER_NOUNS = _MAPS["doer_noun"]
# The CAMEO root of providing aid.
AID = "07"
# Verbs whose (passive subject or active object) is held responsible for the deed they mention:
# "X was convicted of killing Y", "police arrested X after the assassination of Y".
CULPRIT_PATIENT_VERBS = _WORDS["culprit_patient_verb"]
# Verbs whose subject brings a deed about: "planned the slaying", "ordered the killing".
DEED_VERBS = _WORDS["deed_verb"]
# Verbs whose object is a deed their subject does: "launched a series of attacks", "staged the raid".
LAUNCH_VERBS = _WORDS["launch_verb"]
# Nouns of belonging: "members of Iranian-backed militias" act as the militias.
MEMBER_NOUNS = _WORDS["member_noun"]
# Verbs that keep their object from doing what their "from" says: "banned Yoon from leaving the country".
PREVENTION_VERBS = _WORDS["prevention_verb"]
# Nouns of what a person loses or keeps, which stand for whose it is: "took the lives of three individuals".
LIFE_NOUNS = _WORDS["life_noun"]
# Verbs whose object is made to do their complement: "urging Oswald to ... kill Kennedy".
OBJECT_CONTROL = _WORDS["object_control_verb"]
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
# Words that start a relative clause and stand for the noun it modifies: "Booth, who assassinated Lincoln".
RELATIVE_PRONOUNS = frozenset({"who", "whom", "that", "which", "whose"})
# Verbs whose objects are the named members of their subject: "a group that included Brutus and Cassius".
INCLUDING_VERBS = frozenset({"include", "comprise"})
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
    # Whether the killing inference of `kg.extract.killing` runs (the culprit arrested or convicted for a
    # killing, the victim of the sentence's other killing, lone surnames as people): the explicit switch.
    killing: bool = True
    # How a capitalised name the tagger left unlabelled reads as a person, when it does: for the parties
    # of a killing, a conviction or a meeting (`kg.extract.killing.bare_name`); None elsewhere.
    bare_name: Callable[[Token], Mention | None] | None = None


def verb_actors(verb: Token, context: Context) -> list[Party]:
    if is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        # Passive: "X were revered by Y" — the agent Y acts, the grammatical subject X undergoes.
        return [p for agent in agents_of(verb) for p in parties_of(agent, context)]
    return logical_subjects(verb, context)


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children):
        return True
    # "Lincoln was shot and mortally wounded by Booth": a participle coordinated with a passive is passive.
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head is not verb and is_passive(verb.head)


def patients_of(verb: Token) -> list[Token]:
    """The grammatical subjects of a passive verb, shared by the participles coordinated with it."""
    patients = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
    if not patients and verb.dep_ == "conj" and verb.tag_ == "VBN":
        patients = [c for c in verb.head.children if c.dep_ in PASSIVE_SUBJECTS]
        if not patients and any(c.dep_ == "auxpass" for c in verb.children):
            # "Guevara arrived on U.S. soil and was transported to the local authorities": a passive joined to
            # an active verb undergoes what it says to the active verb's subject.
            patients = [c for c in verb.head.children if c.dep_ in SUBJECTS]
    return _past_dateline(patients)


def agents_of(verb: Token) -> list[Token]:
    """The words for who does what a passive verb says: those of the first of `AGENT_READERS` that decides."""
    for reader in AGENT_READERS:
        found = reader(verb)
        if found is not None:
            return found
    return []


def _written_agents(verb: Token) -> list[Token] | None:
    """The objects of the verb's "by": "Garfield was shot by Charles J. Guiteau" → Guiteau."""
    return [o for c in verb.children if c.dep_ in AGENTS for o in c.children if o.dep_ == "pobj"] or None


def _conjunct_agents(verb: Token) -> list[Token] | None:
    """Coordinated participles share their agent: "was shot and mortally wounded by John Wilkes Booth"."""
    for conj in verb.conjuncts:
        if conj.tag_ == "VBN":
            agents = [o for c in conj.children if c.dep_ in AGENTS for o in c.children if o.dep_ == "pobj"]
            if agents:
                return agents
    return None


def _repair_agent_on_a_noun(verb: Token) -> list[Token] | None:
    """Parser repair: "Lennon was shot to death in the courtyard of the Dakota by Mark David Chapman" parsed
    with "by Chapman" hung on a noun of the clause: the first "by" below the verb names the agent, when it
    names someone."""
    for prep in preposition_chain(verb):
        if prep.lower_ == "by":
            return [o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ in NAMED_LABELS]
    return None


def _instigators(verb: Token) -> list[Token] | None:
    """Who ordered it: "murdered on the orders of Francisco Pizarro", "launched at the direction of Trump"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"on", "at", "under", "by"}:
            continue
        for order in prep.children:
            if order.dep_ == "pobj" and order.lemma_.lower() in ORDER_NOUNS:
                of = next((c for c in order.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                if of is not None:
                    return [o for o in of.children if o.dep_ == "pobj"]
    return None


def _deed_of_the_clause(verb: Token) -> list[Token] | None:
    """The deed a passive happened in does it, for whoever did the deed: "Three soldiers were killed in a U.S.
    airstrike" (the United States), "were killed in IS attacks"; "killed in the attack" with no author written
    leaves the actor unknown."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}:
            deeds = [o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in INSTRUMENT_NOUNS]
            if deeds:
                return deeds
    return None


def _deed_of_a_conjunct(verb: Token) -> list[Token] | None:
    """Coordinated participles share the deed they happened in: "At least 30 people were killed and dozens
    wounded in a Russian missile strike" (Russia kills them too)."""
    for conj in verb.conjuncts:
        if conj.tag_ == "VBN":
            deeds = _deed_of_the_clause(conj)
            if deeds:
                return deeds
    return None


# The readers of a passive verb's agents, in order; a reader that decides (a list, even empty) ends the look-up.
AGENT_READERS = (_written_agents, _conjunct_agents, _repair_agent_on_a_noun, _instigators, _deed_of_the_clause,
                 _deed_of_a_conjunct)


def preposition_chain(verb: Token) -> Iterator[Token]:
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


def logical_subjects(verb: Token, context: Context, depth: int = 0) -> list[Party]:
    """Who does what an active verb says, written as its subject or inherited from the clause it joins."""
    if depth > PARTICIPANTS.bound:
        return []
    subjects = subjects_of(verb)
    if subjects:
        return [p for s in subjects for p in parties_of(s, context, depth)]
    head = verb.head
    if head is verb:
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        # "photos claiming to show ...": a participle modifying a noun has that noun as its subject.
        return parties_of(head, context, depth)
    if verb.dep_ in SUBJECTLESS_CLAUSES:
        if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            # "urging Oswald to follow their example ... by killing Kennedy", "prompting Ankara to shoot down",
            # "called on Russia to stop": the object acts.
            objects = [c for c in head.children if c.dep_ in OBJECTS] or [
                o for c in head.children if c.dep_ == "prep" and c.lower_ in {"on", "upon", "to"}
                for o in c.children if o.dep_ == "pobj"]
            if objects:
                return [p for o in objects for p in parties_of(o, context, depth)]
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and is_passive(head) and agents_of(head):
            # "The building was shattered by an explosion, killing 168 people": the agent's deed kills, not
            # the building.
            return [p for agent in agents_of(head) for p in parties_of(agent, context, depth)]
        if head.pos_ in {"VERB", "AUX"}:
            return responsible(head, context, depth + 1)
        if head.pos_ == "ADJ":
            return responsible_for_adjective(head, context, depth + 1)
        return []
    if verb.dep_ == "pcomp":
        # "the broadcast of Jack Ruby fatally shooting Oswald": the name before the gerund is its subject.
        named = [o for o in head.children if o.dep_ == "pobj" and o.i < verb.i]
        if named:
            return [p for o in named for p in parties_of(o, context, depth)]
    if verb.dep_ in {"pcomp", "pobj"} and head.dep_ in {"prep", "agent"}:
        # A gerund after a preposition: "acted alone in killing Kennedy", "convicted of killing Y",
        # "arrested after shooting Kennedy": its doer is the one the governing clause is about.
        governor = head.head
        if governor.pos_ in {"VERB", "AUX"}:
            return responsible(governor, context, depth + 1)
        if governor.pos_ == "ADJ":
            return responsible_for_adjective(governor, context, depth + 1)
        if governor.pos_ in {"NOUN", "PROPN"}:
            return responsible_for_noun(governor, context, depth + 1)
    return []


def subjects_of(verb: Token) -> list[Token]:
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


def misread_objects(verb: Token) -> list[Token]:
    """Objects the parser labelled as a second subject, after the verb (see `subjects_of`)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if any(s.i < verb.i for s in subjects):
        return [s for s in subjects if s.i > verb.i]
    return []


def responsible(verb: Token, context: Context, depth: int) -> list[Party]:
    """The party a clause is about: its logical subject, or the one it holds to account."""
    lemma = verb.lemma_.lower()
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "John Harvey Adamson, convicted of murdering ...": the participle's noun, not its conjuncts.
        return refer(verb.head, context, depth)
    if is_passive(verb):
        patients = patients_of(verb)
        if patients:
            return [p for c in patients for p in parties_of(c, context, depth)]
        if verb.dep_ in SUBJECTLESS_CLAUSES | {"pcomp"}:
            # "after being convicted of ...", "and was charged with ...": the passive is about the subject above.
            return logical_subjects(verb, context, depth)
        return []
    if lemma in CULPRIT_PATIENT_VERBS or lemma in PREVENTION_VERBS:
        # "convicted X of killing Y": X killed; "banned X from leaving the country": X is who would leave.
        objects = [c for c in verb.children if c.dep_ in OBJECTS]
        if objects:
            return [p for o in objects for p in parties_of(o, context, depth)]
    return logical_subjects(verb, context, depth)


def responsible_for_adjective(adjective: Token, context: Context, depth: int) -> list[Party]:
    # "found Jack Ruby guilty of murdering ...", "X was found guilty of ...", "X is guilty of ...".
    verb = adjective.head
    if verb is not adjective and is_passive(verb):
        return [p for c in patients_of(verb) for p in parties_of(c, context, depth)]
    if adjective.dep_ in {"oprd", "ccomp", "xcomp"}:
        objects = [c for c in verb.children if c.dep_ in OBJECTS]
        if objects:
            return [p for o in objects for p in parties_of(o, context, depth)]
    subjects = [c for c in adjective.children if c.dep_ in SUBJECTS]
    if subjects:
        return [p for s in subjects for p in parties_of(s, context, depth)]
    return logical_subjects(verb, context, depth) if verb is not adjective else []


def responsible_for_noun(noun: Token, context: Context, depth: int) -> list[Party]:
    # "a 99-year sentence for the slaying of King", "a charge of murder in ...": whoever the noun's clause
    # is about; "the idea for killing Lennon" that Chapman got.
    for child in noun.children:
        if child.dep_ == "poss":
            return parties_of(child, context, depth)
    if noun.dep_ in OBJECTS and noun.head.lemma_.lower() in CULPRIT_PATIENT_VERBS:
        # "convicted Highway 50 sniper Kenneth Earl Millikan of killing ...": the one convicted.
        return refer(noun, context, depth)
    if noun.dep_ in OBJECTS | {"attr"} and noun.head.pos_ in {"VERB", "AUX"}:
        return logical_subjects(noun.head, context, depth)
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"VERB", "AUX"}:
        return responsible(noun.head.head, context, depth)
    return []


def noun_parties(noun: Token, context: Context) -> tuple[list[Party], list[Party]]:
    """An event noun's doers and the ones it is done to."""
    lemma = noun.lemma_.lower()
    patient_noun = lemma in PATIENT_NOUNS
    of = pobj_parties(noun_preposition(noun, "of"), context)
    by = pobj_parties(noun_preposition(noun, "by"), context)
    aimed = pobj_parties(noun_preposition(noun, "against") or noun_preposition(noun, "on"), context)
    if not aimed and verb_lexicon().get(EVENT_NOUNS.get(lemma, "")) == AID:
        # "Iran and North Korea's provision of lethal weapons to Russia": aid goes to its recipient.
        aimed = pobj_parties(noun_preposition(noun, "to"), context)
    if not aimed:
        # "attacks by members of militias on the U.S. Embassy": the parser hangs "on" on the last noun before.
        aimed = [p for prep in preposition_chain(noun) if prep.lower_ in {"on", "against"} and prep.head.i != noun.i
                 and prep.head.dep_ == "pobj" and prep.head.head.lower_ in {"by", "of"}
                 for p in pobj_parties(prep, context)]
    # "Iran's targeting", "the U.S. strike"; but "the Guadalajara slayings" says where, not who.
    owners = [p for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.ent_type_
              and (c.dep_ == "poss" or c.ent_type_ not in {"GPE", "LOC", "FAC"} or not patient_noun)
              for p in parties_of(c, context)]
    if patient_noun:
        # "Kennedy's assassination", "the Kennedy slaying": the owner is the victim unless "of" names one.
        actors = by or (owners if of else [])
        targets = of or ([] if by and not owners else owners)
    else:
        # "the U.S. strike against Soleimani", "Iran's targeting of Americans", "the Israeli strike on Gaza",
        # "Houthi attacks on the ship"; "the Manchester bombing" says where, not who.
        authors = [p for p in owners if p.mention.type != "Place" or _is_country(p.mention.text)]
        authors += [p for c in noun.children if c.dep_ in {"amod", "compound"} for p in _author_modifier(c, bool(aimed))]
        actors = by or authors or [p for c in noun.children if c.dep_ in {"amod", "compound"}
                                   for p in _fighters_modifier(c, context)]
        targets = of or aimed
    return actors, targets


def _author_modifier(modifier: Token, aimed: bool) -> list[Party]:
    """A modifier of a deed that names its author and no rule of `refer` reads: a nationality adjective
    ("the Israeli strike": Israel) or, when the deed is aimed at someone ("on", "against"), a capitalised
    name the tagger left unlabelled ("Houthi attacks on the ship"; but "the Cafeteria Rolando bombing")."""
    if modifier.ent_type_ == "NORP" and modifier.pos_ == "ADJ":
        return [Party(mention_of(entity_of(modifier)), modifier)]
    if aimed and modifier.dep_ == "compound" and modifier.pos_ == "PROPN" and not modifier.ent_type_ \
            and modifier.text[:1].isupper() and modifier.lower_ not in NOT_NAMES:
        return [Party(Mention(modifier.text, "Organization", modifier.idx, modifier.idx + len(modifier)), modifier)]
    return []


def _fighters_modifier(modifier: Token, context: Context) -> list[Party]:
    """A modifier of a deed that names the forces who did it, when nothing else does: "continued separatist
    attacks against Ukrainian forces", "rebel attacks on the convoy" (the separatists, the rebels); "U.S.
    military strikes" (the United States, as "the U.S. military" is)."""
    head = head_lemma(modifier)
    if modifier.ent_type_ or not head or party_nouns()[head] != "forces":
        return []
    named = _state_noun(modifier, context, 0)
    if named:
        return named
    party = NominalParty(modifier.text, head, "forces", modifier.idx, modifier.idx + len(modifier))
    return [_nominal_party(party, modifier)]


def _is_country(name: str) -> bool:
    return name.lower() in countries() or name.lower().removeprefix("the ") in countries()


def noun_preposition(noun: Token, word: str) -> Token | None:
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


def pobj_parties(prep: Token | None, context: Context, depth: int = 0) -> list[Party]:
    if prep is None:
        return []
    return [p for o in prep.children if o.dep_ == "pobj" for p in parties_of(o, context, depth)]


def parties_of(token: Token, context: Context, depth: int = 0) -> list[Party]:
    """The named parties a noun phrase stands for: itself and its conjuncts ("the IRGC and Quds Force")."""
    if in_dateline(token):
        return []  # "CHICAGO — A Chinese national was sentenced": where the release was filed
    parties: list[Party] = []
    members = [token]
    if token.dep_ != "conj":
        # Conjuncts may hang on any word of a name: "Revolutionary Guards [Corps] and Quds Force".
        words = entity_of(token) if token.ent_type_ else [token]
        members += [c for w in words for c in w.conjuncts if c.i > token.i and c.dep_ == "conj"]
    # The parser may read "the IRGC and Quds Force" as one name with a coordinated modifier, or "Secretary Austin
    # and Defense Minister Marles" with the modifier hung on a title before the name.
    members = [c for c in token.subtree if c.i < token.i and c.dep_ in {"nmod", "compound"} and c.pos_ == "PROPN"
               and (c.head == token or c.head.dep_ in {"nmod", "compound"} and c.ent_type_ == "PERSON")
               and any(g.dep_ == "cc" for g in c.children)] \
        + members
    for member in members:
        found = refer(member, context, depth)
        if not found and member.dep_ in {"nmod", "compound"} and member.text.isupper() and len(member.text) > 1:
            found = [Party(Mention(member.text, "Organization", member.idx, member.idx + len(member)), member)]
        if not found:
            found = _nominal(member, context, depth)
        for party in found:
            if all(not same_entity(party.mention, p.mention) for p in parties):
                parties.append(party)
    return parties


def refer(token: Token, context: Context, depth: int = 0, doer: bool = False) -> list[Party]:
    """The named entities one noun-phrase head stands for, by the first rule of `PARTICIPANTS` that decides.

    `doer` reads a doer noun ("Kennedy's assassin, Sirhan Sirhan"), which only the rules marked for doers
    may read: the assassin is whom the apposition names, not a role or a group.
    """
    return PARTICIPANTS.refer(token, context, depth, doer)


def _here(token: Token, mentions: list[Mention]) -> list[Party]:
    return [Party(m, token) for m in mentions]


def _anchored(token: Token, found: list[Party]) -> list[Party]:
    """Parties found through another word, anchored at this one (the word the sentence writes)."""
    return [replace(p, anchor=token) for p in found]


# The rules: each takes a noun-phrase head, the document's context and the depth of the look-up, and
# returns the parties it stands for, [] when the rule decides it stands for none, None when the rule does
# not apply and the next one is asked.


def _repair_misread_apposition(token: Token, context: Context, depth: int) -> list[Party] | None:
    """Parser repair: a date or place the parser made the head of a person's apposition is that person.

    "In 44 B.C., Roman Emperor Julius Caesar, was assassinated": the parse makes "B.C." the subject and
    "Julius Caesar" its apposition.
    """
    if not _is_name(token) or token.ent_type_ == "PERSON":
        return None
    for child in token.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return _here(token, [mention_of(entity_of(child))])
    return None


def _counted_people(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A count of a people is so many people, not their country: "the attack killed two Americans" →
    "two Americans" (`kg.extract.parties.counted_people`), where the name alone would be the United States."""
    party = counted_people(token)
    return None if party is None else [_nominal_party(party, token)]


def _name(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A name stands for itself: "Lee Harvey Oswald shot Kennedy" → Lee Harvey Oswald.

    An adjective of nationality names no party on its own: "Iranian" in "Iranian officials".
    """
    return _here(token, [mention_of(entity_of(token))]) if _is_name(token) else None


def _is_name(token: Token) -> bool:
    return token.ent_type_ in ENTITY_TYPES and not (token.ent_type_ == "NORP" and token.pos_ == "ADJ")


def _pronoun(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A pronoun stands for its antecedent (`kg.extract.coref`): "Soleimani ... He was killed" → Soleimani."""
    if token.i in context.coref:
        return _here(token, [mention_of(span) for span in context.coref[token.i]])
    return None


def _reported_speaker(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A pronoun subject of what an unnamed speaker says stands for the speaker, in number: "Police said they
    arrested three suspects", "The army said it killed 30 militants" (`kg.extract.coref` leaves such a
    pronoun unresolved: a noun phrase is no named antecedent)."""
    clause = token.head
    if token.pos_ != "PRON" or token.dep_ not in SUBJECTS or clause.dep_ != "ccomp" \
            or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    many = token.lower_ in PLURAL_PRONOUNS
    if not many and token.lower_ not in THING_PRONOUNS:
        return None
    speakers = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and not c.ent_type_
                and (plural(c) or c.lemma_.lower() == "police") == many]
    return _anchored(token, parties_of(speakers[0], context, depth + 1)) if speakers else None


def _relative_pronoun(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A relative pronoun stands for the noun its clause modifies: "John Wilkes Booth, who assassinated
    Lincoln" → Booth; "the strike that killed Soleimani" → the strike (and so its author)."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ in NOUN_CLAUSES:
        return _anchored(token, refer(token.head.head, context, depth + 1))
    return None


def _not_a_noun(token: Token, context: Context, depth: int) -> list[Party] | None:
    """Beyond names and pronouns only a noun stands for a party: "Kennedy was shot *yesterday*"."""
    return [] if token.pos_ not in {"NOUN", "PROPN"} else None


def _bare_name(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A capitalised name the tagger left unlabelled, where the context reads one as a person
    (`kg.extract.killing.bare_name`): "Ruby fatally shot Oswald" → Ruby."""
    if context.bare_name is None:
        return None
    name = context.bare_name(token)
    return _here(token, [name]) if name is not None else None


def _apposition(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A noun with a name in apposition stands for the name: "Kennedy's assassin, Sirhan Sirhan, was
    arrested" → Sirhan Sirhan."""
    for child in token.children:
        if child.dep_ == "appos":
            found = refer(child, context, depth + 1)
            if found:
                return _anchored(token, found)
    return None


def _apposed(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A noun in apposition to a name stands for the name: "Charles J. Guiteau, a disappointed
    office-seeker, shot Garfield" → Guiteau. Not to a dateline: "SAN SALVADOR, El Salvador — A ... man"."""
    if token.dep_ == "appos" and not in_dateline(token.head):
        found = refer(token.head, context, depth + 1)
        if found:
            return _anchored(token, found)
    return None


def _repair_unseen_apposition(token: Token, context: Context, depth: int) -> list[Party] | None:
    """Parser repair: a doer noun followed by a comma and a name, which the parser did not attach as its
    apposition: "killed President Kennedy's assassin, Lee Harvey Oswald," → Oswald."""
    if token.lemma_.lower() in DOER_NOUNS:
        found = surface_apposition(token)
        if found:
            return _anchored(token, found)
    return None


def _title_before_name(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A title written before a name stands for the name: "assassin James Earl Ray", "anarchist Leon
    Czolgosz"."""
    if token.dep_ == "compound" and token.head.ent_type_ == "PERSON":
        return _anchored(token, refer(token.head, context, depth + 1))
    return None


def _repair_title_cut_from_its_name(token: Token, context: Context, depth: int) -> list[Party] | None:
    """Parser repair: "Secretary Blinken and Foreign Minister Kuleba discussed ..." parsed with "Minister" the
    conjunct and "Kuleba" an apposition of Blinken: a title right before a name it does not govern is the name's."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.pos_ != "PROPN" or token.ent_type_ or token.lemma_.lower() not in role_nouns() or following is None \
            or following.ent_type_ != "PERSON" or following.ent_iob_ != "B" or following.head == token:
        return None
    return _anchored(token, refer(following, context, depth + 1))


def _predicate_noun(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A predicate noun stands for the subject: "Oswald was the lone gunman who killed Kennedy" → Oswald."""
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        subjects = [c for c in token.head.children if c.dep_ in SUBJECTS]
        return [p for s in subjects for p in _anchored(token, refer(s, context, depth + 1))]
    return None


def _named_by_participle(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A noun a participle names: "Brown was slain by a gunman identified as John Smith" → John Smith."""
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
            named = [o for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "as"
                     for o in prep.children if o.dep_ == "pobj"]
            found = [p for o in named for p in refer(o, context, depth + 1)]
            if found:
                return _anchored(token, found)
    return None


def _identified_as(token: Token, context: Context, depth: int) -> list[Party] | None:
    """What someone is identified or recognised as stands for them: "Oswald was identified as the lone
    assassin" → Oswald."""
    if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.pos_ == "VERB":
        verb = token.head.head
        holders = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS | OBJECTS]
        return [p for h in holders for p in _anchored(token, refer(h, context, depth + 1))]
    return None


def _group_members(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A group that includes named members stands for them: "a group of nobles that included Brutus and
    Cassius" → Brutus, Cassius."""
    for child in token.children:
        if child.dep_ in NOUN_CLAUSES and child.lemma_.lower() in INCLUDING_VERBS:
            members = [o for o in child.children if o.dep_ in OBJECTS]
            return [p for o in members for p in _anchored(token, parties_of(o, context, depth + 1))]
    return None


def _role_holder(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A role stands for its one holder, else its organization: "the leader of the nation's elite Quds
    Force" → the person the text names as its commander, or the Quds Force; "the Deputy Secretary" → the one
    person the article gives that title."""
    lemma = token.lemma_.lower()
    if lemma not in role_nouns() and lemma not in LEADERSHIP_NOUNS:
        return None
    organization = _organization_of(token, context)
    if organization is not None:
        if token.tag_ in {"NN", "NNP"} and lemma not in STATE_NOUNS:
            holders = context.holders.get(mention_key(organization.text), ())
            if len(holders) == 1:
                return _here(token, list(holders))
        return _here(token, [organization])
    holder = _title_holder(token, context) or _named_after_title(token)
    return _here(token, [holder]) if holder is not None else None


def _state_noun(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A state's body stands for its country: "Iraqi officials", "top U.S. defense officials", "the Israeli
    army" → Iraq, the U.S., Israel."""
    if token.lemma_.lower() not in STATE_NOUNS:
        return None
    for child in token.children:
        if child.dep_ in QUALIFIERS and child.ent_type_ in {"GPE", "NORP"}:
            return _here(token, [mention_of(entity_of(child))])
    return None


def _members(token: Token, context: Context, depth: int) -> list[Party] | None:
    """Members named by their organization act as it: "al-Shabaab terrorists" → al-Shabaab; counted ones
    are the people counted ("six NATO service members")."""
    if token.lemma_.lower() not in MEMBER_NOUNS or any(c.dep_ == "nummod" for c in token.children):
        return None
    named = [c for c in token.lefts if c.dep_ in {"compound", "nmod", "amod"} and c.ent_type_ == "ORG"]
    return _here(token, [mention_of(entity_of(named[0]))]) if named else None


def _lives(token: Token, context: Context, depth: int) -> list[Party] | None:
    """The lives of people are the people: "took the lives of three individuals", "the bombing claimed the
    lives of 20 civilians" (those killed)."""
    if token.lemma_.lower() not in LIFE_NOUNS:
        return None
    return pobj_parties(noun_preposition(token, "of"), context, depth + 1) or None


def _named_group(token: Token, context: Context, depth: int) -> list[Party] | None:
    """A group named by its people or place: "the Iraqi Shia militias" (`kg.extract.coref.group_span`)."""
    group = group_span(token)
    return _here(token, [mention_of(group)]) if group is not None else None


def _instrument(token: Token, context: Context, depth: int) -> list[Party] | None:
    """An instrument or deed stands for its author: "the U.S. strike" → the United States; "Oswald fired
    the shots that killed Kennedy" → Oswald."""
    if token.lemma_.lower() not in INSTRUMENT_NOUNS:
        return None
    return _anchored(token, _instrument_author(token, context, depth))


@dataclass(frozen=True)
class Rule:
    """A way a word comes to stand for a participant; `doers` says whether it also reads a doer noun."""

    find: Callable[[Token, Context, int], list[Party] | None]
    doers: bool = False

    @property
    def name(self) -> str:
        return self.find.__name__.lstrip("_")


@dataclass(frozen=True)
class Resolver:
    """Who a noun-phrase head stands for: the first of `rules` that decides, with one bound on how deep
    look-ups chain through each other (a relative pronoun → its noun → the noun's apposition → ...)."""

    rules: tuple[Rule, ...]
    bound: int

    def refer(self, token: Token, context: Context, depth: int = 0, doer: bool = False) -> list[Party]:
        if depth > self.bound:
            return []
        for rule in self.rules:
            if doer and not rule.doers:
                continue
            found = rule.find(token, context, depth)
            if found is not None:
                return found
        return []


# The order matters: a name is itself before it is anything else, a pronoun its antecedent; a doer noun
# ("the assassin") is read by the rules that find whom it names, never as a role, a body or a group.
PARTICIPANTS = Resolver((
    Rule(_repair_misread_apposition),
    Rule(_counted_people),
    Rule(_name),
    Rule(_pronoun, doers=True),
    Rule(_reported_speaker),
    Rule(_relative_pronoun, doers=True),
    Rule(_not_a_noun),  # a doer noun is a noun whatever its tag
    Rule(_bare_name),
    Rule(_apposition, doers=True),
    Rule(_apposed, doers=True),
    Rule(_repair_unseen_apposition, doers=True),
    Rule(_title_before_name, doers=True),
    Rule(_repair_title_cut_from_its_name),
    Rule(_predicate_noun, doers=True),
    Rule(_named_by_participle, doers=True),
    Rule(_identified_as, doers=True),
    Rule(_group_members),
    Rule(_role_holder),
    Rule(_state_noun),
    Rule(_members),
    Rule(_lives),
    Rule(_named_group),
    Rule(_instrument),
), bound=MAX_DEPTH)


def _nominal(token: Token, context: Context, depth: int) -> list[Party]:
    """A participant named by a noun phrase only: "Iran seized several oil tankers", "killed 126 people".

    It is the named entity the article writes beside the same noun, when there is one only ("a federal
    judge sentenced him ... U.S. District Judge George O'Toole Jr."); else a party of its own.
    """
    party = nominal_party(token)
    if party is None:
        return []
    if party.head in MEMBER_NOUNS:
        # "members of Iranian-backed militias", "fighters of the Islamic State", "counterparts from the
        # European Commission": the named group acts. A person is no group: "supporters of Imran Khan" are not he.
        groups = [p for word in ("of", "from") for p in pobj_parties(noun_preposition(token, word), context, depth + 1)
                  if p.nominal is None and p.mention.type != "Person"]
        if groups:
            return [replace(p, anchor=token) for p in groups]
    named = (context.named_heads or {}).get((party.head, plural(token)))
    if named is not None and not (definite_title(token) and named.start > first_written(token)):
        # "Today the President spoke by phone with ... French President Nicolas Sarkozy": a title with "the"
        # names again one named before it.
        return [Party(named, token)]
    return [_nominal_party(party, token)]


def _nominal_party(party: NominalParty, anchor: Token) -> Party:
    # A noun phrase's party names no entity: its mention is the phrase, typed "Nominal".
    return Party(Mention(party.text, "Nominal", party.start, party.end), anchor, party)


def _instrument_author(noun: Token, context: Context, depth: int) -> list[Party]:
    for child in noun.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"}:
            return refer(child, context, depth + 1) or [Party(mention_of(entity_of(child)), noun)]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return pobj_parties(child, context, depth + 1)
    if noun.dep_ in OBJECTS and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in FIRING_VERBS:
        # "Oswald fired the shots that killed Kennedy".
        return logical_subjects(noun.head, context, depth + 1)
    if is_definite(noun):
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
                    return [replace(p, anchor=noun) for p in logical_subjects(earlier.head, context, depth + 1)]
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


def role_holders(roles: Iterable[RoleFact]) -> dict[str, tuple[Mention, ...]]:
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


def title_holders(roles: Iterable[RoleFact]) -> dict[str, tuple[Mention, ...]]:
    holders: dict[str, list[Mention]] = {}
    for fact in roles:
        if not fact.former:
            people = holders.setdefault(fact.role.lower(), [])
            # "Arseniy Yatsenyuk ... Prime Minister Yatsenyuk" is one holder.
            if all(surname_key(p.text) != surname_key(fact.person.text) for p in people):
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
    titled = context.titled or {}
    holders = titled.get(" ".join(w.lower_ for w in words), ())
    if not holders:
        # "Secretary of State Antony J. Blinken met with External Affairs Minister Subrahmanyam Jaishankar ...
        # The Secretary and the Foreign Minister discussed": a readout names a title again by its head word,
        # or with other words before it; it is the one person the article gives a title of that head word.
        holders = tuple({surname_key(p.text): p for title, people in titled.items()
                         if title.split(" of ")[0].split()[-1] == role.lower_ for p in people}.values())
    # A definite title names again one the article has named: "Today the President spoke by phone with ...
    # French President Nicolas Sarkozy" is not Sarkozy speaking.
    first = first_written(role)
    named_before = {surname_key(p.text) for people in titled.values() for p in people if p.start < first}
    holders = tuple(h for h in holders if surname_key(h.text) in named_before)
    return holders[0] if len(holders) == 1 else None


def first_written(title: Token) -> int:
    """Where the article first writes a title with "the": a readout's "the President" is one person throughout,
    so "Today the President spoke with ... French President Nicolas Sarkozy. ... The President congratulated
    Prime Minister Cameron" is not Sarkozy congratulating him."""
    return next((t.idx for t in title.doc if t.lower_ == title.lower_ and definite_title(t)), title.idx)


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


def same_entity(a: Mention, b: Mention) -> bool:
    return (a.start, a.end) == (b.start, b.end) or mention_key(a.text) == mention_key(b.text)


def surface_apposition(noun: Token) -> list[Party]:
    # "Kennedy's assassin, Lee Harvey Oswald, who ...": the parser does not always see the apposition
    # that the commas write; a name right after the comma is it.
    doc = noun.doc
    following = noun.i + 2
    if following < len(doc) and doc[noun.i + 1].text == "," and doc[following].ent_iob_ == "B" \
            and doc[following].ent_type_ == "PERSON":
        return [Party(mention_of(entity_of(doc[following])), doc[following])]
    return []


def is_definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"} for c in noun.children)
