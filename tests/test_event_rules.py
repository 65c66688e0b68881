"""The rules of event extraction one by one, on hand-built parses: the participant rules
(kg.extract.participants.PARTICIPANTS), the cues of kg/data/cues.tsv, the trigger patterns of
kg/data/triggers.json and the object readers (kg.extract.events.OBJECT_READERS). A test says what its rule
finds, and that without the rule (taken out of its registry or file) it is not found.

Each parse is written out (words, heads as absolute indices, labels), so a model upgrade that changes a
parse fails the sentence tests of test_events.py, not these.
"""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc, Span

import kg.extract.events  # noqa: F401  (the module; `kg.extract.events` the name is the function)
import kg.extract.participants as P
from kg.extract.coref import group_span
from kg.extract.cues import FACTIVE, HYPOTHETICAL, NEGATED, cue_rules, cued, governors
from kg.extract.killing import bare_name

VOCAB = English().vocab


def doc(words, heads, deps, pos, lemmas=None, ents=None, tags=None) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags or ["" for _ in words],
               lemmas=lemmas or [w.lower() for w in words], ents=ents or ["O" for _ in words])


def context(**changes) -> P.Context:
    return replace(P.Context({}, {}, named_heads={}, titled={}), **changes)


# ------------------------------------------------------------------------------------------ participant rules
# rule → (the parse, the word looked up, the context, what it stands for)


def _misread_apposition():
    # "Dallas , Kennedy , was shot ."
    d = doc(["Dallas", ",", "Kennedy", ",", "was", "shot", "."], [5, 0, 0, 0, 5, 5, 5],
            ["nsubjpass", "punct", "appos", "punct", "auxpass", "ROOT", "punct"],
            ["PROPN", "PUNCT", "PROPN", "PUNCT", "AUX", "VERB", "PUNCT"],
            ents=["B-GPE", "O", "B-PERSON", "O", "O", "O", "O"])
    return d[0], context(), ["Kennedy"]


def _counted_people():
    # "the attack killed two Americans ." : two people, not the United States.
    d = doc(["the", "attack", "killed", "two", "Americans", "."], [1, 2, 2, 4, 2, 2],
            ["det", "nsubj", "ROOT", "nummod", "dobj", "punct"], ["DET", "NOUN", "VERB", "NUM", "PROPN", "PUNCT"],
            lemmas=["the", "attack", "kill", "two", "Americans", "."], ents=["O", "O", "O", "B-CARDINAL", "B-NORP", "O"],
            tags=["DT", "NN", "VBD", "CD", "NNPS", "."])
    return d[4], context(), ["two Americans"]


def _name():
    # "Oswald shot Kennedy ."
    d = doc(["Oswald", "shot", "Kennedy", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"],
            ["PROPN", "VERB", "PROPN", "PUNCT"], ents=["B-PERSON", "O", "B-PERSON", "O"])
    return d[0], context(), ["Oswald"]


def _pronoun():
    # "Oswald said he shot Kennedy ." with "he" → Oswald
    d = doc(["Oswald", "said", "he", "shot", "Kennedy", "."], [1, 1, 3, 1, 3, 1],
            ["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"], ["PROPN", "VERB", "PRON", "VERB", "PROPN", "PUNCT"],
            ents=["B-PERSON", "O", "O", "O", "B-PERSON", "O"])
    return d[2], context(coref={2: (Span(d, 0, 1, label="PERSON"),)}), ["Oswald"]


def _relative_pronoun():
    # "Booth , who assassinated Lincoln , was an actor ."
    d = doc(["Booth", ",", "who", "assassinated", "Lincoln", ",", "was", "an", "actor", "."],
            [6, 0, 3, 0, 3, 0, 6, 8, 6, 6],
            ["nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT", "det", "attr", "punct"],
            ["PROPN", "PUNCT", "PRON", "VERB", "PROPN", "PUNCT", "AUX", "DET", "NOUN", "PUNCT"],
            ents=["B-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O"])
    return d[2], context(), ["Booth"]


def _not_a_noun():
    # "accused Oswald died ." with "accused" read as a compound of the name: a verb is no one.
    d = doc(["accused", "Oswald", "died", "."], [1, 2, 2, 2], ["compound", "nsubj", "ROOT", "punct"],
            ["VERB", "PROPN", "VERB", "PUNCT"], ents=["O", "B-PERSON", "O", "O"])
    return d[0], context(), []


def _bare_name():
    # "Ruby shot Oswald ." with no entity labels, for a killing
    d = doc(["Ruby", "shot", "Oswald", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"],
            ["PROPN", "VERB", "PROPN", "PUNCT"])
    return d[0], context(bare_name=bare_name), ["Ruby"]


def _apposition():
    # "a man , Sirhan , was arrested ."
    d = doc(["a", "man", ",", "Sirhan", ",", "was", "arrested", "."], [1, 6, 1, 1, 1, 6, 6, 6],
            ["det", "nsubjpass", "punct", "appos", "punct", "auxpass", "ROOT", "punct"],
            ["DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "AUX", "VERB", "PUNCT"],
            ents=["O", "O", "O", "B-PERSON", "O", "O", "O", "O"])
    return d[1], context(), ["Sirhan"]


def _apposed():
    # "Guiteau , an office-seeker , shot Garfield ."
    d = doc(["Guiteau", ",", "an", "office-seeker", ",", "shot", "Garfield", "."], [5, 0, 3, 0, 0, 5, 5, 5],
            ["nsubj", "punct", "det", "appos", "punct", "ROOT", "dobj", "punct"],
            ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PROPN", "PUNCT"],
            ents=["B-PERSON", "O", "O", "O", "O", "O", "B-PERSON", "O"])
    return d[3], context(), ["Guiteau"]


def _unseen_apposition():
    # "Ruby killed the assassin , Oswald ." with "Oswald" hung on the verb, not on "assassin"
    d = doc(["Ruby", "killed", "the", "assassin", ",", "Oswald", "."], [1, 1, 3, 1, 1, 1, 1],
            ["nsubj", "ROOT", "det", "dobj", "punct", "npadvmod", "punct"],
            ["PROPN", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "PUNCT"],
            ents=["B-PERSON", "O", "O", "O", "O", "B-PERSON", "O"])
    return d[3], context(), ["Oswald"]


def _title_before_name():
    # "anarchist Czolgosz shot McKinley ."
    d = doc(["anarchist", "Czolgosz", "shot", "McKinley", "."], [1, 2, 2, 2, 2],
            ["compound", "nsubj", "ROOT", "dobj", "punct"], ["NOUN", "PROPN", "VERB", "PROPN", "PUNCT"],
            ents=["O", "B-PERSON", "O", "B-PERSON", "O"])
    return d[0], context(), ["Czolgosz"]


def _title_cut_from_its_name():
    # "Blinken and Minister Kuleba spoke ." parsed with "Minister" the conjunct and "Kuleba" Blinken's apposition
    d = doc(["Blinken", "and", "Minister", "Kuleba", "spoke", "."], [4, 0, 0, 0, 4, 4],
            ["nsubj", "cc", "conj", "appos", "ROOT", "punct"], ["PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PUNCT"],
            ents=["B-PERSON", "O", "O", "B-PERSON", "O", "O"])
    return d[2], context(), ["Kuleba"]


def _predicate_noun():
    # "Oswald was the gunman ."
    d = doc(["Oswald", "was", "the", "gunman", "."], [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "attr", "punct"],
            ["PROPN", "AUX", "DET", "NOUN", "PUNCT"], lemmas=["oswald", "be", "the", "gunman", "."],
            ents=["B-PERSON", "O", "O", "O", "O"])
    return d[3], context(), ["Oswald"]


def _named_by_participle():
    # "a gunman identified as Smith fled ."
    d = doc(["a", "gunman", "identified", "as", "Smith", "fled", "."], [1, 5, 1, 2, 3, 5, 5],
            ["det", "nsubj", "acl", "prep", "pobj", "ROOT", "punct"],
            ["DET", "NOUN", "VERB", "ADP", "PROPN", "VERB", "PUNCT"],
            lemmas=["a", "gunman", "identify", "as", "smith", "flee", "."],
            ents=["O", "O", "O", "O", "B-PERSON", "O", "O"])
    return d[1], context(), ["Smith"]


def _identified_as():
    # "Oswald was recognized as the man ."
    d = doc(["Oswald", "was", "recognized", "as", "the", "man", "."], [2, 2, 2, 2, 5, 3, 2],
            ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "punct"],
            ["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"], ents=["B-PERSON", "O", "O", "O", "O", "O", "O"])
    return d[5], context(), ["Oswald"]


def _group_members():
    # "a group that included Brutus and Cassius ."
    d = doc(["a", "group", "that", "included", "Brutus", "and", "Cassius", "."], [1, 1, 3, 1, 3, 4, 4, 1],
            ["det", "ROOT", "nsubj", "relcl", "dobj", "cc", "conj", "punct"],
            ["DET", "NOUN", "PRON", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"],
            lemmas=["a", "group", "that", "include", "brutus", "and", "cassius", "."],
            ents=["O", "O", "O", "O", "B-PERSON", "O", "B-PERSON", "O"])
    return d[1], context(), ["Brutus", "Cassius"]


def _role_holder():
    # "the leader of Hezbollah spoke ."
    d = doc(["the", "leader", "of", "Hezbollah", "spoke", "."], [1, 4, 1, 2, 4, 4],
            ["det", "nsubj", "prep", "pobj", "ROOT", "punct"], ["DET", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
            ents=["O", "O", "O", "B-ORG", "O", "O"])
    return d[1], context(), ["Hezbollah"]


def _state_noun():
    # "the Israeli army struck ."
    d = doc(["the", "Israeli", "army", "struck", "."], [2, 2, 3, 3, 3], ["det", "amod", "nsubj", "ROOT", "punct"],
            ["DET", "ADJ", "NOUN", "VERB", "PUNCT"], ents=["O", "B-NORP", "O", "O", "O"])
    return d[2], context(), ["Israeli"]


def _members():
    # "al-Shabaab terrorists attacked ."
    d = doc(["al-Shabaab", "terrorists", "attacked", "."], [1, 2, 2, 2], ["compound", "nsubj", "ROOT", "punct"],
            ["PROPN", "NOUN", "VERB", "PUNCT"], lemmas=["al-shabaab", "terrorist", "attack", "."],
            ents=["B-ORG", "O", "O", "O"])
    return d[1], context(), ["al-Shabaab"]


def _reported_speaker():
    # "police said they arrested ."
    d = doc(["police", "said", "they", "arrested", "."], [1, 1, 3, 1, 1], ["nsubj", "ROOT", "nsubj", "ccomp", "punct"],
            ["NOUN", "VERB", "PRON", "VERB", "PUNCT"], lemmas=["police", "say", "they", "arrest", "."],
            tags=["NNS", "VBD", "PRP", "VBD", "."])
    return d[2], context(), ["police"]


def _lives():
    # "took the lives of three people ."
    d = doc(["took", "the", "lives", "of", "three", "people", "."], [0, 2, 0, 2, 5, 3, 0],
            ["ROOT", "det", "dobj", "prep", "nummod", "pobj", "punct"],
            ["VERB", "DET", "NOUN", "ADP", "NUM", "NOUN", "PUNCT"], lemmas=["take", "the", "life", "of", "three", "people", "."])
    return d[2], context(), ["three people"]


def _named_group():
    # "the Iraqi militias attacked ."
    d = doc(["the", "Iraqi", "militias", "attacked", "."], [2, 2, 3, 3, 3], ["det", "amod", "nsubj", "ROOT", "punct"],
            ["DET", "ADJ", "NOUN", "VERB", "PUNCT"], lemmas=["the", "iraqi", "militia", "attack", "."],
            ents=["O", "B-NORP", "O", "O", "O"], tags=["DT", "JJ", "NNS", "VBD", "."])
    return d[2], context(), ["Iraqi militias"]


def _instrument():
    # "the U.S. strike killed Soleimani ."
    d = doc(["the", "U.S.", "strike", "killed", "Soleimani", "."], [2, 2, 3, 3, 3, 3],
            ["det", "compound", "nsubj", "ROOT", "dobj", "punct"], ["DET", "PROPN", "NOUN", "VERB", "PROPN", "PUNCT"],
            ents=["O", "B-GPE", "O", "O", "B-PERSON", "O"])
    return d[2], context(), ["U.S."]


CASES = {
    "repair_misread_apposition": _misread_apposition, "counted_people": _counted_people, "name": _name,
    "pronoun": _pronoun,
    "reported_speaker": _reported_speaker, "relative_pronoun": _relative_pronoun, "not_a_noun": _not_a_noun, "bare_name": _bare_name,
    "apposition": _apposition, "apposed": _apposed, "repair_unseen_apposition": _unseen_apposition,
    "title_before_name": _title_before_name, "repair_title_cut_from_its_name": _title_cut_from_its_name,
    "predicate_noun": _predicate_noun,
    "named_by_participle": _named_by_participle, "identified_as": _identified_as, "group_members": _group_members,
    "role_holder": _role_holder, "state_noun": _state_noun, "members": _members, "lives": _lives,
    "named_group": _named_group,
    "instrument": _instrument,
}


def texts(found) -> list[str]:
    return [p.mention.text for p in found]


def test_every_rule_has_a_case():
    assert [rule.name for rule in P.PARTICIPANTS.rules] == list(CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_rule_finds_its_participant_and_nothing_else_does(name, monkeypatch):
    token, ctx, expected = CASES[name]()
    assert texts(P.refer(token, ctx)) == expected
    # Without the rule the word stands for someone else or no one: the rule is what finds it.
    without = replace(P.PARTICIPANTS, rules=tuple(r for r in P.PARTICIPANTS.rules if r.name != name))
    monkeypatch.setattr(P, "PARTICIPANTS", without)
    assert texts(P.refer(token, ctx)) != expected


def test_a_countrys_forces_are_no_named_group():
    # "the Iraqi forces attacked .": Iraq's forces are a noun phrase, not an organization "Iraqi forces".
    d = doc(["the", "Iraqi", "forces", "attacked", "."], [2, 2, 3, 3, 3], ["det", "amod", "nsubj", "ROOT", "punct"],
            ["DET", "ADJ", "NOUN", "VERB", "PUNCT"], lemmas=["the", "iraqi", "force", "attack", "."],
            ents=["O", "B-NORP", "O", "O", "O"], tags=["DT", "JJ", "NNS", "VBD", "."])
    assert group_span(d[2]) is None and texts(P.refer(d[2], context())) == []
    militias, _, _ = _named_group()
    assert group_span(militias).text == "Iraqi militias"


def test_a_doer_noun_is_read_only_by_the_rules_for_doers():
    # "the leader of Hezbollah": a role for the role rules; as a doer noun no rule for doers names anyone.
    token, ctx, _ = _role_holder()
    assert texts(P.refer(token, ctx, doer=True)) == []
    token, ctx, expected = _apposition()
    assert texts(P.refer(token, ctx, doer=True)) == expected


def test_the_depth_bound_stops_a_chain(monkeypatch):
    # "who" → "Booth" is one step; with no step allowed, "who" stands for no one.
    token, ctx, expected = _relative_pronoun()
    monkeypatch.setattr(P, "PARTICIPANTS", replace(P.PARTICIPANTS, bound=0))
    assert texts(P.refer(token, ctx)) == []


# ------------------------------------------------------------------------------------------ cue rules


def _dependent_cue(cue):
    """A parse in which the cue word depends on the trigger "attack" with the cue's label."""
    dep = sorted(cue.deps)[0]
    word = "not" if cue.literal == "*" else cue.literal
    if cue.scope == "trigger":
        # "the attempted attack ."
        return doc(["the", word, "attack", "."], [2, 2, 2, 2], ["det", dep, "ROOT", "punct"],
                   ["DET", "ADJ", "NOUN", "PUNCT"])[2]
    if cue.scope == "purpose":
        # "Troops deployed to attack ."
        return doc(["Troops", "deployed", word, "attack", "."], [1, 1, 3, 1, 1],
                   ["nsubj", "ROOT", dep, "advcl", "punct"], ["NOUN", "VERB", "PART", "VERB", "PUNCT"])[3]
    # "Iran would attack Israel ."
    return doc(["Iran", word, "attack", "Israel", "."], [2, 2, 2, 2, 2], ["nsubj", dep, "ROOT", "dobj", "punct"],
               ["PROPN", "AUX", "VERB", "PROPN", "PUNCT"])[2]


def _governor_cue(cue, negated: bool = False):
    """A parse in which the cue word governs the trigger "attack"."""
    if cue.scope == "object":
        # "Iran ordered the attack ."
        return doc(["Iran", cue.literal, "the", "attack", "."], [1, 1, 3, 1, 1],
                   ["nsubj", "ROOT", "det", "dobj", "punct"], ["PROPN", "VERB", "DET", "NOUN", "PUNCT"])[3]
    if cue.scope == "infinitive":
        # "a plot to attack Israel ."
        return doc(["a", cue.literal, "to", "attack", "Israel", "."], [1, 1, 3, 1, 3, 1],
                   ["det", "ROOT", "aux", "acl", "dobj", "punct"], ["DET", "NOUN", "PART", "VERB", "PROPN", "PUNCT"])[3]
    # "Iran (did not) plan to attack Israel ."
    words = ["Iran", "did", "not", cue.literal, "to", "attack", "Israel", "."]
    d = doc(words, [3, 3, 3, 3, 5, 3, 5, 3], ["nsubj", "aux", "neg", "ROOT", "aux", "xcomp", "dobj", "punct"],
            ["PROPN", "AUX", "PART", "VERB", "PART", "VERB", "PROPN", "PUNCT"])
    if not negated:
        d = doc([w for i, w in enumerate(words) if i not in {1, 2}], [1, 1, 3, 1, 3, 1],
                ["nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"], ["PROPN", "VERB", "PART", "VERB", "PROPN", "PUNCT"])
    return d[-3]


def _without(cue, monkeypatch):
    import kg.extract.cues as C

    rules = tuple(r for r in cue_rules() if r != cue)
    for cached in (C._index, C._lemmas):
        cached.cache_clear()
    monkeypatch.setattr(C, "cue_rules", lambda: rules)


@pytest.fixture(autouse=True)
def _fresh_cue_index():
    import kg.extract.cues as C

    yield
    C._index.cache_clear()
    C._lemmas.cache_clear()


@pytest.mark.parametrize("cue", cue_rules(), ids=lambda c: f"{c.category}-{c.direction}-{c.literal}")
def test_cue_reaches_its_trigger_and_only_it_does(cue, monkeypatch):
    if cue.direction == "terminate":
        # "Iran did not remember to attack Israel": the factive verb keeps the attack asserted.
        trigger = _governor_cue(cue, negated=True)
        assert not cued(NEGATED, list(governors(trigger)))
        _without(cue, monkeypatch)
        assert cued(NEGATED, list(governors(trigger)))
        return
    trigger = _dependent_cue(cue) if cue.direction == "dependent" else _governor_cue(cue)
    assert cued(cue.category, list(governors(trigger)))
    _without(cue, monkeypatch)
    assert not cued(cue.category, list(governors(trigger)))


def _preposition_gerund(governor: str) -> Doc:
    """"Iran <governor> to attacking Israel .": the trigger is the gerund of the governor's preposition."""
    return doc(["Iran", governor, "to", "attacking", "Israel", "."], [1, 1, 1, 2, 3, 1],
               ["nsubj", "ROOT", "prep", "pcomp", "dobj", "punct"], ["PROPN", "VERB", "ADP", "VERB", "PROPN", "PUNCT"])


def test_an_infinitive_cue_reaches_the_gerund_of_its_preposition(monkeypatch):
    # "looks forward to working with Iwaya": what is looked forward to has not happened.
    look = next(c for c in cue_rules() if c.literal == "look")
    assert cued(HYPOTHETICAL, list(governors(_preposition_gerund("look")[3])))
    # "convicted of attacking": a preposition's gerund is as real as its governor, unless that is a cue.
    assert not cued(HYPOTHETICAL, list(governors(_preposition_gerund("convicted")[3])))
    _without(look, monkeypatch)
    assert not cued(HYPOTHETICAL, list(governors(_preposition_gerund("look")[3])))


def test_a_verb_asking_for_its_object_is_a_cue_but_one_governing_a_complement_is_not():
    # "Smith committed the attack .": "commit" is a cue of its complement ("committed to using"), not its object.
    d = doc(["Smith", "committed", "the", "attack", "."], [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct"],
            ["PROPN", "VERB", "DET", "NOUN", "PUNCT"], lemmas=["smith", "commit", "the", "attack", "."])
    assert not cued(HYPOTHETICAL, list(governors(d[3])))
    # "Iran ordered a series of attacks .": the series is what is ordered.
    d = doc(["Iran", "ordered", "a", "series", "of", "attacks", "."], [1, 1, 3, 1, 3, 4, 1],
            ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
            ["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT"], lemmas=["iran", "order", "a", "series", "of",
                                                                             "attack", "."])
    assert cued(HYPOTHETICAL, list(governors(d[5])))


def test_a_deed_is_as_real_as_its_confirmation(monkeypatch):
    import kg.extract.cues as C

    # "Officials did not confirm the killing .": the killing is not said to have happened.
    d = doc(["Officials", "did", "not", "confirm", "the", "killing", "."], [3, 3, 3, 3, 5, 3, 3],
            ["nsubj", "aux", "neg", "ROOT", "det", "dobj", "punct"],
            ["NOUN", "AUX", "PART", "VERB", "DET", "NOUN", "PUNCT"])
    assert cued(NEGATED, list(governors(d[5])))
    monkeypatch.setattr(C, "CONFIRM_VERBS", frozenset())
    assert not cued(NEGATED, list(governors(d[5])))


def test_a_warrant_is_for_the_deed_its_preposition_names_where_the_verb_took_the_preposition(monkeypatch):
    warrant = next(c for c in cue_rules() if c.literal == "warrant")
    # "a warrant was issued for Smith 's arrest .": the parser hangs "for" on "issued".
    d = doc(["a", "warrant", "was", "issued", "for", "Smith", "'s", "arrest", "."], [1, 3, 3, 3, 3, 7, 5, 4, 3],
            ["det", "nsubjpass", "auxpass", "ROOT", "prep", "poss", "case", "pobj", "punct"],
            ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PART", "NOUN", "PUNCT"])
    assert cued(HYPOTHETICAL, list(governors(d[7])))
    # "Police made an arrest for the theft .": a verb's object that is no such noun leaves the deed done.
    made = doc(["Police", "made", "an", "arrest", "for", "the", "theft", "."], [1, 1, 3, 1, 1, 6, 4, 1],
               ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"],
               ["NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"])
    assert not cued(HYPOTHETICAL, list(governors(made[6])))
    _without(warrant, monkeypatch)
    assert not cued(HYPOTHETICAL, list(governors(d[7])))


def test_a_thing_said_as_the_purpose_of_a_contact_is_said_in_it(monkeypatch):
    import kg.extract.cues as C

    # "Singh called Obama to congratulate him .": the call congratulates; "deployed troops to help" intends.
    words = ["Singh", "called", "Obama", "to", "congratulate", "him", "."]
    d = doc(words, [1, 1, 1, 4, 1, 4, 1], ["nsubj", "ROOT", "dobj", "aux", "advcl", "dobj", "punct"],
            ["PROPN", "VERB", "PROPN", "PART", "VERB", "PRON", "PUNCT"],
            lemmas=["singh", "call", "obama", "to", "congratulate", "he", "."])
    assert not cued(HYPOTHETICAL, list(governors(d[4])))
    monkeypatch.setattr(C, "CONTACT_VERBS", frozenset())
    assert cued(HYPOTHETICAL, list(governors(d[4])))


def test_cue_categories_are_the_ones_the_rules_read():
    assert {cue.category for cue in cue_rules()} == {NEGATED, HYPOTHETICAL, FACTIVE}


# ------------------------------------------------------------------------------------------ trigger patterns
# entry of kg/data/triggers.json → (words, pos, lemmas, the index of the trigger)

TRIGGER_CASES = {
    "doer_noun": (["Kennedy", "assassin", "Sirhan"], ["PROPN", "NOUN", "PROPN"], ["kennedy", "assassin", "sirhan"], 1),
    "interaction_noun": (["Biden", "'s", "meeting"], ["PROPN", "PART", "NOUN"], ["biden", "'s", "meeting"], 2),
    "verb": (["Ruby", "shot", "Oswald"], ["PROPN", "VERB", "PROPN"], ["ruby", "shoot", "oswald"], 1),
    "event_noun": (["the", "U.S.", "strike"], ["DET", "PROPN", "NOUN"], ["the", "u.s.", "strike"], 2),
    "death": (["Soleimani", "'s", "death"], ["PROPN", "PART", "NOUN"], ["soleimani", "'s", "death"], 2),
    "subject_noun": (["Bryson", "'s", "resignation"], ["PROPN", "PART", "NOUN"], ["bryson", "'s", "resignation"], 2),
}


def _trigger_doc(words, pos, lemmas) -> Doc:
    return doc(words, [len(words) - 1] * len(words), ["dep"] * (len(words) - 1) + ["ROOT"], pos, lemmas=lemmas)


@pytest.fixture
def _fresh_matcher():
    import kg.extract.triggers as T

    T._matcher.cache_clear()
    yield T
    T._matcher.cache_clear()


def test_every_trigger_entry_has_a_case():
    from kg.data import trigger_table

    assert [entry["id"] for entry in trigger_table()] == list(TRIGGER_CASES)
    assert all(entry["example"] and entry["patterns"] for entry in trigger_table())


@pytest.mark.parametrize("kind", list(TRIGGER_CASES))
def test_trigger_entry_matches_its_word_and_only_it_does(kind, _fresh_matcher, monkeypatch):
    T = _fresh_matcher
    words, pos, lemmas, index = TRIGGER_CASES[kind]
    assert T.trigger_kinds(_trigger_doc(words, pos, lemmas)).get(index) == kind
    entries = [entry for entry in T.trigger_table() if entry["id"] != kind]
    monkeypatch.setattr(T, "trigger_table", lambda: entries)
    T._matcher.cache_clear()
    assert T.trigger_kinds(_trigger_doc(words, pos, lemmas)).get(index) != kind


def test_a_trigger_lemma_matches_whatever_its_case(_fresh_matcher):
    # "Assassin" as a headline writes it, lemmatised as written.
    d = _trigger_doc(["Assassin", "Sirhan"], ["PROPN", "PROPN"], ["Assassin", "Sirhan"])
    assert _fresh_matcher.trigger_kinds(d) == {0: "doer_noun"}


def test_the_first_entry_a_word_matches_decides(_fresh_matcher):
    # "attack" tagged as a verb is a verb trigger, as a noun an event noun; "assassin" a doer noun first.
    assert _fresh_matcher.trigger_kinds(_trigger_doc(["attack"], ["VERB"], ["attack"])) == {0: "verb"}
    assert _fresh_matcher.trigger_kinds(_trigger_doc(["attack"], ["NOUN"], ["attack"])) == {0: "event_noun"}
    assert _fresh_matcher.trigger_kinds(_trigger_doc(["assassin"], ["VERB"], ["assassin"])) == {0: "doer_noun"}


# ------------------------------------------------------------------------------------------ object readers
# reader of kg.extract.events.OBJECT_READERS → (the parse, the verb, the words it finds as objects)


def _written():
    # "Oswald shot Kennedy ."
    d = doc(["Oswald", "shot", "Kennedy", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"],
            ["PROPN", "VERB", "PROPN", "PUNCT"], lemmas=["oswald", "shoot", "kennedy", "."])
    return d[1], ["Kennedy"]


def _second_subject():
    # "Ruby shot Oswald ." with "Oswald" read as a second subject
    d = doc(["Ruby", "shot", "Oswald", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "nsubj", "punct"],
            ["PROPN", "VERB", "PROPN", "PUNCT"], lemmas=["ruby", "shoot", "oswald", "."])
    return d[1], ["Oswald"]


def _participle_read_as_clause():
    # "a judge ordered Samayoa removed ." parsed as a clause "Samayoa removed" under "ordered"
    d = doc(["a", "judge", "ordered", "Samayoa", "removed", "."], [1, 2, 2, 4, 2, 2],
            ["det", "nsubj", "ROOT", "nsubj", "ccomp", "punct"], ["DET", "NOUN", "VERB", "PROPN", "VERB", "PUNCT"],
            lemmas=["a", "judge", "order", "samayoa", "remove", "."], tags=["DT", "NN", "VBD", "NNP", "VBN", "."])
    return d[2], ["Samayoa"]


def _small_clause():
    # "Trump holds its leaders accountable ."
    d = doc(["Trump", "holds", "its", "leaders", "accountable", "."], [1, 1, 3, 4, 1, 1],
            ["nsubj", "ROOT", "poss", "nsubj", "ccomp", "punct"], ["PROPN", "VERB", "PRON", "NOUN", "ADJ", "PUNCT"],
            lemmas=["trump", "hold", "its", "leader", "accountable", "."])
    return d[1], ["leaders"]


def _gerund():
    # "Iran 's targeting of Americans" with "targeting" a verb
    d = doc(["Iran", "'s", "targeting", "of", "Americans"], [2, 0, 2, 2, 3], ["poss", "case", "ROOT", "prep", "pobj"],
            ["PROPN", "PART", "VERB", "ADP", "PROPN"], lemmas=["iran", "'s", "target", "of", "americans"],
            tags=["NNP", "POS", "VBG", "IN", "NNPS"])
    return d[2], ["Americans"]


def _shared():
    # "Oswald shot and killed Kennedy ."
    d = doc(["Oswald", "shot", "and", "killed", "Kennedy", "."], [1, 1, 1, 1, 3, 1],
            ["nsubj", "ROOT", "cc", "conj", "dobj", "punct"], ["PROPN", "VERB", "CCONJ", "VERB", "PROPN", "PUNCT"],
            lemmas=["oswald", "shoot", "and", "kill", "kennedy", "."])
    return d[1], ["Kennedy"]


def _read_as_conjunct():
    # "Ruby shot and Oswald ." as the parser read "Ruby shot and mortally wounded Oswald"
    d = doc(["Ruby", "shot", "and", "Oswald", "."], [1, 1, 1, 1, 1], ["nsubj", "ROOT", "cc", "conj", "punct"],
            ["PROPN", "VERB", "CCONJ", "PROPN", "PUNCT"], lemmas=["ruby", "shoot", "and", "oswald", "."])
    return d[1], ["Oswald"]


def _two_blows():
    # "Ruby shot Oswald and wounded ." as the parser read "Ruby shot and mortally wounded Oswald"
    d = doc(["Ruby", "shot", "Oswald", "and", "wounded", "."], [1, 1, 1, 1, 1, 1],
            ["nsubj", "ROOT", "dobj", "cc", "conj", "punct"], ["PROPN", "VERB", "PROPN", "CCONJ", "VERB", "PUNCT"],
            lemmas=["ruby", "shoot", "oswald", "and", "wound", "."])
    return d[4], ["Oswald"]


OBJECT_CASES = {
    "_written_objects": _written, "_repair_second_subject": _second_subject,
    "_repair_participle_read_as_clause": _participle_read_as_clause, "_small_clause_subject": _small_clause,
    "_gerund_object": _gerund, "_shared_object": _shared, "_repair_object_read_as_conjunct": _read_as_conjunct,
    "_repair_one_victim_of_two_blows": _two_blows,
}


def test_every_object_reader_has_a_case():
    E = sys.modules["kg.extract.events"]
    assert [reader.__name__ for reader in E.OBJECT_READERS] == list(OBJECT_CASES)


@pytest.mark.parametrize("name", list(OBJECT_CASES))
def test_object_reader_finds_its_object_and_nothing_else_does(name, monkeypatch):
    E = sys.modules["kg.extract.events"]
    verb, expected = OBJECT_CASES[name]()
    assert [t.text for t in E._objects(verb)] == expected
    monkeypatch.setattr(E, "OBJECT_READERS", tuple(r for r in E.OBJECT_READERS if r.__name__ != name))
    assert [t.text for t in E._objects(verb)] != expected


# ------------------------------------------------------------------------------------------ agent readers
# reader of kg.extract.participants.AGENT_READERS → (the parse, the passive verb, the words it finds as agents)


def _agent_written():
    # "Garfield was shot by a gunman ." (the repair below reads only names)
    d = doc(["Garfield", "was", "shot", "by", "a", "gunman", "."], [2, 2, 2, 2, 5, 3, 2],
            ["nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "punct"],
            ["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"], ents=["B-PERSON", "O", "O", "O", "O", "O", "O"],
            tags=["NNP", "VBD", "VBN", "IN", "DT", "NN", "."])
    return d[2], ["gunman"]


def _agent_of_conjunct():
    # "Lincoln was shot and wounded by Booth ."
    d = doc(["Lincoln", "was", "shot", "and", "wounded", "by", "Booth", "."], [2, 2, 2, 2, 2, 4, 5, 2],
            ["nsubjpass", "auxpass", "ROOT", "cc", "conj", "agent", "pobj", "punct"],
            ["PROPN", "AUX", "VERB", "CCONJ", "VERB", "ADP", "PROPN", "PUNCT"],
            ents=["B-PERSON", "O", "O", "O", "O", "O", "B-PERSON", "O"],
            tags=["NNP", "VBD", "VBN", "CC", "VBN", "IN", "NNP", "."])
    return d[2], ["Booth"]


def _agent_on_a_noun():
    # "Lennon was shot in the courtyard by Chapman ." with "by Chapman" hung on "courtyard"
    d = doc(["Lennon", "was", "shot", "in", "the", "courtyard", "by", "Chapman", "."], [2, 2, 2, 2, 5, 3, 5, 6, 2],
            ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
            ["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
            ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "B-PERSON", "O"])
    return d[2], ["Chapman"]


def _instigator():
    # "Atahualpa was murdered on the orders of Pizarro ."
    d = doc(["Atahualpa", "was", "murdered", "on", "the", "orders", "of", "Pizarro", "."], [2, 2, 2, 2, 5, 3, 5, 6, 2],
            ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
            ["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
            lemmas=["atahualpa", "be", "murder", "on", "the", "order", "of", "pizarro", "."],
            ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "B-PERSON", "O"])
    return d[2], ["Pizarro"]


def _deed_of_clause():
    # "Three soldiers were killed in a U.S. airstrike ."
    d = doc(["Three", "soldiers", "were", "killed", "in", "a", "U.S.", "airstrike", "."], [1, 3, 3, 3, 3, 7, 7, 4, 3],
            ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "det", "compound", "pobj", "punct"],
            ["NUM", "NOUN", "AUX", "VERB", "ADP", "DET", "PROPN", "NOUN", "PUNCT"],
            lemmas=["three", "soldier", "be", "kill", "in", "a", "u.s.", "airstrike", "."],
            ents=["O", "O", "O", "O", "O", "O", "B-GPE", "O", "O"])
    return d[3], ["airstrike"]


def _deed_of_conjunct():
    # "Ten were killed and two wounded in an airstrike ."
    d = doc(["Ten", "were", "killed", "and", "two", "wounded", "in", "an", "airstrike", "."],
            [2, 2, 2, 2, 5, 2, 5, 8, 6, 2],
            ["nsubjpass", "auxpass", "ROOT", "cc", "nsubjpass", "conj", "prep", "det", "pobj", "punct"],
            ["NUM", "AUX", "VERB", "CCONJ", "NUM", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
            lemmas=["ten", "be", "kill", "and", "two", "wound", "in", "an", "airstrike", "."],
            tags=["CD", "VBD", "VBN", "CC", "CD", "VBN", "IN", "DT", "NN", "."])
    return d[2], ["airstrike"]


AGENT_CASES = {"_written_agents": _agent_written, "_conjunct_agents": _agent_of_conjunct,
               "_repair_agent_on_a_noun": _agent_on_a_noun, "_instigators": _instigator,
               "_deed_of_the_clause": _deed_of_clause, "_deed_of_a_conjunct": _deed_of_conjunct}


def test_every_agent_reader_has_a_case():
    assert [reader.__name__ for reader in P.AGENT_READERS] == list(AGENT_CASES)


@pytest.mark.parametrize("name", list(AGENT_CASES))
def test_agent_reader_finds_its_agent_and_nothing_else_does(name, monkeypatch):
    verb, expected = AGENT_CASES[name]()
    assert [t.text for t in P.agents_of(verb)] == expected
    monkeypatch.setattr(P, "AGENT_READERS", tuple(r for r in P.AGENT_READERS if r.__name__ != name))
    assert [t.text for t in P.agents_of(verb)] != expected


def test_a_by_phrase_that_names_no_one_ends_the_look_up():
    # "Lennon was shot in the courtyard by night on the orders of Chapman ." : "by night" decides, for no one.
    d = doc(["Lennon", "was", "shot", "in", "the", "courtyard", "by", "night", "on", "the", "orders", "of", "Chapman"],
            [2, 2, 2, 2, 5, 3, 5, 6, 2, 10, 8, 10, 11],
            ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "prep", "pobj", "prep", "det", "pobj", "prep", "pobj"],
            ["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN"],
            lemmas=["lennon", "be", "shoot", "in", "the", "courtyard", "by", "night", "on", "the", "order", "of",
                    "chapman"],
            ents=["B-PERSON"] + ["O"] * 11 + ["B-PERSON"])
    assert P.agents_of(d[2]) == []


# ------------------------------------------------------------------------------------------ news constructions
# Each case is a construction of news prose read by a named function or a data row: the parse, what it gives,
# and that without the function's condition or the row (taken out of its set) it is not given.


def _events(d: Doc) -> set[tuple[str, str, str]]:
    E = sys.modules["kg.extract.events"]
    return {(E._party_text(e.actor, e.actor_party), e.action, E._party_text(e.target, e.target_party))
            for e in E.events(d, roles=())}


def test_the_addressee_of_what_is_conveyed_is_its_target(monkeypatch):
    # "Rubio underscored the importance to Wong ." with "to Wong" hung on the object
    E = sys.modules["kg.extract.events"]
    d = doc(["Rubio", "underscored", "the", "importance", "to", "Wong", "."], [1, 1, 3, 1, 3, 4, 1],
            ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
            ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
            lemmas=["rubio", "underscore", "the", "importance", "to", "wong", "."],
            ents=["B-PERSON", "O", "O", "O", "O", "B-PERSON", "O"])
    assert _events(d) == {("Rubio", "underscore to", "Wong")}
    # "Rubio reaffirmed the commitment to the alliance .": on the object, "to" a thing says what it is to.
    thing = doc(["Rubio", "reaffirmed", "the", "commitment", "to", "the", "alliance", "."], [1, 1, 3, 1, 3, 6, 4, 1],
                ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"],
                ["PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
                lemmas=["rubio", "reaffirm", "the", "commitment", "to", "the", "alliance", "."],
                ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "O"])
    assert E._addressee_preposition(thing[1]) is None
    monkeypatch.setattr(E, "_addressee_preposition", lambda verb: None)
    assert _events(d) == set()


def test_an_adverb_right_after_a_verb_is_its_particle(monkeypatch):
    # "Henry stepped down ." with "down" an adverb
    E = sys.modules["kg.extract.events"]
    d = doc(["Henry", "stepped", "down", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "advmod", "punct"],
            ["PROPN", "VERB", "ADV", "PUNCT"], lemmas=["henry", "step", "down", "."], ents=["B-PERSON", "O", "O", "O"])
    assert _events(d) == {("Henry", "step down", "")}
    monkeypatch.setattr(E, "_particle", lambda verb, child: child.dep_ == "prt")
    assert _events(d) == set()


def test_a_named_law_or_machine_is_a_party(monkeypatch):
    # "Biden signed a new Executive Order ."
    import kg.extract.parties as parties

    d = doc(["Biden", "signed", "a", "new", "Executive", "Order", "."], [1, 1, 5, 5, 5, 1, 1],
            ["nsubj", "ROOT", "det", "amod", "compound", "dobj", "punct"],
            ["PROPN", "VERB", "DET", "ADJ", "PROPN", "PROPN", "PUNCT"],
            lemmas=["biden", "sign", "a", "new", "executive", "order", "."],
            ents=["B-PERSON", "O", "O", "O", "B-LAW", "I-LAW", "O"])
    assert _events(d) == {("Biden", "sign", "Executive Order")}
    monkeypatch.setattr(parties, "NAMED_THINGS", {})
    assert _events(d) == {("Biden", "sign", "")}


def test_a_patient_verb_with_no_patient_is_no_event(monkeypatch):
    # "Russian aircraft harassed ." / "Russian aircraft harassed the drones ."
    E = sys.modules["kg.extract.events"]
    alone = doc(["aircraft", "harassed", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"], ["NOUN", "VERB", "PUNCT"],
                lemmas=["aircraft", "harass", "."])
    both = doc(["aircraft", "harassed", "the", "drones", "."], [1, 1, 3, 1, 1],
               ["nsubj", "ROOT", "det", "dobj", "punct"], ["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
               lemmas=["aircraft", "harass", "the", "drone", "."], tags=["NN", "VBD", "DT", "NNS", "."])
    assert _events(alone) == set()
    assert _events(both) == {("aircraft", "harass", "drones")}
    monkeypatch.setattr(E, "PATIENT_VERBS", E.PATIENT_VERBS - {"harass"})
    assert _events(alone) == {("aircraft", "harass", "")}


def test_a_disaster_that_kills_is_no_one_named(monkeypatch):
    # "the earthquake killed 2,000 people ."
    E = sys.modules["kg.extract.events"]
    d = doc(["the", "earthquake", "killed", "2,000", "people", "."], [1, 2, 2, 4, 2, 2],
            ["det", "nsubj", "ROOT", "nummod", "dobj", "punct"], ["DET", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
            lemmas=["the", "earthquake", "kill", "2,000", "people", "."], tags=["DT", "NN", "VBD", "CD", "NNS", "."])
    assert _events(d) == {("", "kill", "2,000 people")}
    monkeypatch.setattr(E, "CAUSE_NOUNS", E.CAUSE_NOUNS - {"earthquake"})
    assert _events(d) == set()


def test_who_approves_a_deed_does_it(monkeypatch):
    # "Esper approved the deployment of forces ."
    d = doc(["Esper", "approved", "the", "deployment", "of", "forces", "."], [1, 1, 3, 1, 3, 4, 1],
            ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
            ["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT"],
            lemmas=["esper", "approve", "the", "deployment", "of", "force", "."],
            tags=["NNP", "VBD", "DT", "NN", "IN", "NNS", "."], ents=["B-PERSON", "O", "O", "O", "O", "O", "O"])
    assert _events(d) == {("Esper", "deploy", "forces")}
    monkeypatch.setattr(P, "DEED_VERBS", P.DEED_VERBS - {"approve"})
    monkeypatch.setattr(sys.modules["kg.extract.events"], "DEED_VERBS", P.DEED_VERBS)
    assert _events(d) == {("", "deploy", "forces")}


def test_winning_an_election_is_an_event(monkeypatch):
    # "Faye won the election ."
    from kg.data import verb_lexicon

    d = doc(["Faye", "won", "the", "election", "."], [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct"],
            ["PROPN", "VERB", "DET", "NOUN", "PUNCT"], lemmas=["faye", "win", "the", "election", "."],
            ents=["B-PERSON", "O", "O", "O", "O"])
    assert _events(d) == {("Faye", "win election", "")}
    lexicon = {k: v for k, v in verb_lexicon().items() if k != "win election"}
    monkeypatch.setattr(sys.modules["kg.extract.events"], "verb_lexicon", lambda: lexicon)
    assert _events(d) == set()


def test_a_title_named_by_its_head_word_is_its_one_holder():
    # "Jaishankar arrived . the Foreign Minister spoke ." in an article that gives Jaishankar the title
    # "External Affairs Minister"
    from kg.extract.facts import Mention

    d = doc(["Jaishankar", "arrived", ".", "the", "Foreign", "Minister", "spoke", "."], [1, 1, 1, 5, 5, 6, 6, 6],
            ["nsubj", "ROOT", "punct", "det", "compound", "nsubj", "ROOT", "punct"],
            ["PROPN", "VERB", "PUNCT", "DET", "PROPN", "PROPN", "VERB", "PUNCT"],
            lemmas=["jaishankar", "arrive", ".", "the", "foreign", "minister", "speak", "."],
            ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "O"])
    jaishankar = Mention("Subrahmanyam Jaishankar", "Person", 0, 10)
    blinken = Mention("Antony J. Blinken", "Person", 0, 10)
    one = context(titled={"external affairs minister": (jaishankar,), "secretary of state": (blinken,)})
    assert [p.mention.text for p in P.refer(d[5], one)] == ["Subrahmanyam Jaishankar"]
    # Two people with titles of that head word: the title is neither's.
    two = context(titled={"external affairs minister": (jaishankar,), "defense minister": (blinken,)})
    assert P.refer(d[5], two) == []
    # A definite title names again one named before it: "the Foreign Minister spoke . Jaishankar ..." is not he.
    later = Mention("Subrahmanyam Jaishankar", "Person", 40, 50)
    assert P.refer(d[5], context(titled={"external affairs minister": (later,)})) == []


def test_the_owner_of_what_is_praised_is_its_target(monkeypatch):
    # "Blinken welcomed India 's commitment ." / "Oswald shot India 's dog ."
    E = sys.modules["kg.extract.events"]

    def sentence(verb, lemma, thing):
        return doc(["Blinken", verb, "India", "'s", thing, "."], [1, 1, 4, 2, 1, 1],
                   ["nsubj", "ROOT", "poss", "case", "dobj", "punct"], ["PROPN", "VERB", "PROPN", "PART", "NOUN", "PUNCT"],
                   lemmas=["blinken", lemma, "india", "'s", thing, "."], ents=["B-PERSON", "O", "B-GPE", "O", "O", "O"])

    assert _events(sentence("welcomed", "welcome", "commitment")) == {("Blinken", "welcome", "India")}
    assert _events(sentence("shot", "shoot", "dog")) == {("Blinken", "shoot", "")}  # a deed: not India's
    monkeypatch.setattr(E, "_owner_of_what_is_said_of", lambda obj, context: [])
    assert _events(sentence("welcomed", "welcome", "commitment")) == {("Blinken", "welcome", "")}


def test_launching_at_someone_attacks_them(monkeypatch):
    # "Iran launched drones at Israel ."
    E = sys.modules["kg.extract.events"]
    d = doc(["Iran", "launched", "drones", "at", "Israel", "."], [1, 1, 1, 1, 3, 1],
            ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
            lemmas=["iran", "launch", "drone", "at", "israel", "."], tags=["NNP", "VBD", "NNS", "IN", "NNP", "."],
            ents=["B-GPE", "O", "O", "O", "B-GPE", "O"])
    assert _events(d) == {("Iran", "attack", "Israel")}
    # "Iran launched drones on Friday .": a date is not whom it is launched on.
    dated = doc(["Iran", "launched", "drones", "on", "Friday", "."], [1, 1, 1, 1, 3, 1],
                ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
                lemmas=["iran", "launch", "drone", "on", "friday", "."], tags=["NNP", "VBD", "NNS", "IN", "NNP", "."],
                ents=["B-GPE", "O", "O", "O", "B-DATE", "O"])
    assert _events(dated) == set()
    monkeypatch.setattr(E, "ACTION_SYNONYMS", {k: v for k, v in E.ACTION_SYNONYMS.items() if k != "launch at"})
    assert _events(d) == set()


def test_the_origin_of_whom_one_met_hung_on_the_verb_is_whom_one_met(monkeypatch):
    # "Adeyemo met with ambassadors from Greece ." with "from Greece" hung on "met"
    E = sys.modules["kg.extract.events"]
    d = doc(["Adeyemo", "met", "with", "ambassadors", "from", "Greece", "."], [1, 1, 1, 2, 1, 4, 1],
            ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
            ["PROPN", "VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"],
            lemmas=["adeyemo", "meet", "with", "ambassador", "from", "greece", "."],
            tags=["NNP", "VBD", "IN", "NNS", "IN", "NNP", "."], ents=["B-PERSON", "O", "O", "O", "O", "B-GPE", "O"])
    assert _events(d) == {("Adeyemo", "meet with", "Greece")}
    monkeypatch.setattr(E, "_repair_origin_on_the_verb", lambda verb, partners, context: [])
    assert _events(d) == {("Adeyemo", "meet with", "ambassadors")}


def test_a_passive_joined_to_an_active_verb_undergoes_it_to_its_subject():
    # "Smith fled and was arrested ."
    d = doc(["Smith", "fled", "and", "was", "arrested", "."], [1, 1, 1, 4, 1, 1],
            ["nsubj", "ROOT", "cc", "auxpass", "conj", "punct"], ["PROPN", "VERB", "CCONJ", "AUX", "VERB", "PUNCT"],
            lemmas=["smith", "flee", "and", "be", "arrest", "."], tags=["NNP", "VBD", "CC", "VBD", "VBN", "."],
            ents=["B-PERSON", "O", "O", "O", "O", "O"])
    assert [t.text for t in P.patients_of(d[4])] == ["Smith"]
    assert _events(d) == {("", "arrest", "Smith")}
    # Without its own auxiliary the participle is no passive of its own: "Smith fled and hid ." says nothing.
    active = doc(["Smith", "fled", "and", "arrested", "."], [1, 1, 1, 1, 1], ["nsubj", "ROOT", "cc", "conj", "punct"],
                 ["PROPN", "VERB", "CCONJ", "VERB", "PUNCT"], lemmas=["smith", "flee", "and", "arrest", "."],
                 tags=["NNP", "VBD", "CC", "VBN", "."], ents=["B-PERSON", "O", "O", "O", "O"])
    assert P.patients_of(active[3]) == []


def test_a_quantity_noun_stands_for_whom_it_counts(monkeypatch):
    # "police arrested dozens of protesters ."
    import kg.extract.parties as parties

    d = doc(["police", "arrested", "dozens", "of", "protesters", "."], [1, 1, 1, 2, 3, 1],
            ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], ["NOUN", "VERB", "NOUN", "ADP", "NOUN", "PUNCT"],
            lemmas=["police", "arrest", "dozen", "of", "protester", "."], tags=["NNS", "VBD", "NNS", "IN", "NNS", "."])
    party = parties.nominal_party(d[2])
    assert (party.text, party.head, party.kind, party.qualifier) == ("protesters", "protester", "people", "dozens of")
    assert _events(d) == {("police", "arrest", "protesters")}
    monkeypatch.setattr(parties, "QUANTITY_NOUNS", frozenset())
    assert _events(d) == {("police", "arrest", "")}


def test_with_hung_on_the_medium_is_the_verbs(monkeypatch):
    # "Obama spoke by telephone with Netanyahu ." with "with" hung on "telephone"
    E = sys.modules["kg.extract.events"]
    d = doc(["Obama", "spoke", "by", "telephone", "with", "Netanyahu", "."], [1, 1, 1, 2, 3, 4, 1],
            ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
            ["PROPN", "VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"],
            lemmas=["obama", "speak", "by", "telephone", "with", "netanyahu", "."],
            tags=["NNP", "VBD", "IN", "NN", "IN", "NNP", "."],
            ents=["B-PERSON", "O", "O", "O", "O", "B-PERSON", "O"])
    assert _events(d) == {("Obama", "speak with", "Netanyahu")}
    monkeypatch.setattr(E, "_repair_with_on_the_medium", lambda verb: [])
    assert _events(d) == {("Obama", "speak", "")}


def test_a_title_with_the_and_no_holder_is_a_nominal_party():
    # "The President welcomed Rasmussen ." in an article that names no President
    d = doc(["The", "President", "welcomed", "Rasmussen", "."], [1, 2, 2, 2, 2],
            ["det", "nsubj", "ROOT", "dobj", "punct"], ["DET", "PROPN", "VERB", "PROPN", "PUNCT"],
            lemmas=["the", "president", "welcome", "rasmussen", "."], tags=["DT", "NNP", "VBD", "NNP", "."],
            ents=["O", "O", "O", "B-PERSON", "O"])
    assert _events(d) == {("President", "welcome", "Rasmussen")}
    # Without "the" a capitalised word is no title: "President welcomed Rasmussen" names no one.
    d = doc(["President", "welcomed", "Rasmussen", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"],
            ["PROPN", "VERB", "PROPN", "PUNCT"], lemmas=["president", "welcome", "rasmussen", "."],
            tags=["NNP", "VBD", "NNP", "."], ents=["O", "O", "B-PERSON", "O"])
    assert _events(d) == set()


def test_a_definite_title_is_not_a_name_written_after_it():
    # "the President spoke with Sarkozy ." where the article writes "President" beside Sarkozy only, after it
    from kg.extract.facts import Mention

    d = doc(["the", "President", "spoke", "."], [1, 2, 2, 2], ["det", "nsubj", "ROOT", "punct"],
            ["DET", "PROPN", "VERB", "PUNCT"], lemmas=["the", "president", "speak", "."])
    sarkozy = Mention("Nicolas Sarkozy", "Person", 30, 45)
    found = P.parties_of(d[1], context(named_heads={("president", False): sarkozy}))
    assert [(p.mention.text, p.nominal is not None) for p in found] == [("President", True)]
    before = Mention("Nicolas Sarkozy", "Person", 0, 0)
    found = P.parties_of(d[1], context(named_heads={("president", False): before}))
    assert [p.mention.text for p in found] == ["Nicolas Sarkozy"]


def test_a_preposition_cue_reaches_its_gerund(monkeypatch):
    # "Iran acted without notifying Israel ."
    d = doc(["Iran", "acted", "without", "notifying", "Israel", "."], [1, 1, 1, 2, 3, 1],
            ["nsubj", "ROOT", "prep", "pcomp", "dobj", "punct"], ["PROPN", "VERB", "ADP", "VERB", "PROPN", "PUNCT"])
    assert cued(NEGATED, list(governors(d[3])))
    _without(next(c for c in cue_rules() if c.literal == "without"), monkeypatch)
    assert not cued(NEGATED, list(governors(d[3])))


def _coordinated(cue: str, cc: str) -> Doc:
    """"Iran <cue> attack <cc> kill Israel .": a second verb with no subject or auxiliary of its own."""
    return doc(["Iran", cue, "attack", cc, "kill", "Israel", "."], [2, 2, 2, 2, 2, 4, 2],
               ["nsubj", "neg" if cue == "not" else "aux", "ROOT", "cc", "conj", "dobj", "punct"],
               ["PROPN", "PART" if cue == "not" else "AUX", "VERB", "CCONJ", "VERB", "PROPN", "PUNCT"],
               lemmas=["iran", cue, "attack", cc, "kill", "israel", "."],
               ents=["B-GPE", "O", "O", "O", "O", "B-GPE", "O"])


def test_a_bare_conjunct_shares_the_negation_of_or_and_the_modal(monkeypatch):
    E = sys.modules["kg.extract.events"]
    assert E._is_negated(_coordinated("not", "or")[4])  # "did not attack or kill"
    assert not E._is_negated(_coordinated("not", "and")[4])  # "did not fire and withdrew"
    assert E._is_hypothetical(_coordinated("will", "and")[4])  # "will stop in Guam and meet"
    monkeypatch.setattr(E, "_bare_conjunct_head", lambda verb: None)
    assert not E._is_negated(_coordinated("not", "or")[4])
    assert not E._is_hypothetical(_coordinated("will", "and")[4])


def test_what_is_done_to_a_filing_is_done_to_its_filer(monkeypatch):
    # "Lopez 's appeal was dismissed by Ward ."
    E = sys.modules["kg.extract.events"]
    d = doc(["Lopez", "'s", "appeal", "was", "dismissed", "by", "Ward", "."], [2, 0, 4, 4, 4, 4, 5, 4],
            ["poss", "case", "nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
            ["PROPN", "PART", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
            lemmas=["lopez", "'s", "appeal", "be", "dismiss", "by", "ward", "."],
            tags=["NNP", "POS", "NN", "VBD", "VBN", "IN", "NNP", "."],
            ents=["B-PERSON", "O", "O", "O", "O", "O", "B-PERSON", "O"])
    assert _events(d) == {("Ward", "dismiss", "Lopez")}
    monkeypatch.setattr(E, "FILING_NOUNS", frozenset())
    assert _events(d) == {("Ward", "dismiss", "")}


def test_a_title_first_written_before_any_holder_is_no_later_holder():
    # "the President spoke . Sarkozy spoke . the President spoke ." with Sarkozy the article's only President
    from kg.extract.facts import Mention

    words = ["the", "President", "spoke", ".", "Sarkozy", "spoke", ".", "the", "President", "spoke", "."]
    d = doc(words, [1, 2, 2, 2, 5, 5, 5, 8, 9, 9, 9],
            ["det", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"],
            ["DET", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT", "DET", "PROPN", "VERB", "PUNCT"],
            lemmas=[w.lower() if w != "spoke" else "speak" for w in words],
            ents=["O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O"])
    sarkozy = Mention("Sarkozy", "Person", d[4].idx, d[4].idx + 7)
    assert P.first_written(d[8]) == d[1].idx
    assert P.refer(d[8], context(titled={"president": (sarkozy,)})) == []
    # An article that writes "the President" first after naming him: he is the President.
    later = doc(words[4:], [1, 1, 1, 4, 5, 5, 5], ["nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"],
                ["PROPN", "VERB", "PUNCT", "DET", "PROPN", "VERB", "PUNCT"],
                lemmas=["sarkozy", "speak", ".", "the", "president", "speak", "."],
                ents=["B-PERSON", "O", "O", "O", "O", "O", "O"])
    named = Mention("Sarkozy", "Person", 0, 7)
    assert [p.mention.text for p in P.refer(later[4], context(titled={"president": (named,)}))] == ["Sarkozy"]


def test_a_coordinated_modifier_of_a_title_is_a_party():
    # "Secretary Austin and Defense Minister Marles discussed security ." parsed with Austin a modifier of "Minister"
    words = ["Secretary", "Austin", "and", "Defense", "Minister", "Marles", "discussed", "security", "."]
    d = doc(words, [1, 4, 1, 1, 5, 6, 6, 6, 6],
            ["nmod", "nmod", "cc", "conj", "compound", "nsubj", "ROOT", "dobj", "punct"],
            ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT"],
            lemmas=["secretary", "austin", "and", "defense", "minister", "marles", "discuss", "security", "."],
            ents=["O", "B-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "O"])
    assert texts(P.parties_of(d[5], context())) == ["Austin", "Marles"]


def test_those_who_consult_together_consult_each_other(monkeypatch):
    # "Rubio and Wadephul discussed Iran ."
    E = sys.modules["kg.extract.events"]
    d = doc(["Rubio", "and", "Wadephul", "discussed", "Iran", "."], [3, 0, 0, 3, 3, 3],
            ["nsubj", "cc", "conj", "ROOT", "dobj", "punct"], ["PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PUNCT"],
            lemmas=["rubio", "and", "wadephul", "discuss", "iran", "."],
            ents=["B-PERSON", "O", "B-PERSON", "O", "B-GPE", "O"])
    assert _events(d) == {("Rubio", "discuss", "Wadephul"), ("Wadephul", "discuss", "Rubio")}
    monkeypatch.setattr(E, "_consulted_together", lambda verb, action, preposition: False)
    assert _events(d) == {("Rubio", "discuss", "Iran"), ("Wadephul", "discuss", "Iran")}


def test_a_phrase_listed_with_its_preposition_takes_it(monkeypatch):
    # "Mexico issued a warrant for Cortez ."
    from kg.data import verb_lexicon

    d = doc(["Mexico", "issued", "a", "warrant", "for", "Cortez", "."], [1, 1, 3, 1, 3, 4, 1],
            ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
            ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
            lemmas=["mexico", "issue", "a", "warrant", "for", "cortez", "."],
            ents=["B-GPE", "O", "O", "O", "O", "B-PERSON", "O"])
    assert _events(d) == {("Mexico", "issue warrant", "Cortez")}
    lexicon = {k: v for k, v in verb_lexicon().items() if k != "issue warrant for"}
    monkeypatch.setattr(sys.modules["kg.extract.events"], "verb_lexicon", lambda: lexicon)
    assert _events(d) == {("Mexico", "issue warrant", "")}


def test_the_agent_of_a_deed_done_is_its_author():
    # "the attack was launched by Hezbollah ." / "the attack was not launched by Hezbollah ."
    d = doc(["the", "attack", "was", "launched", "by", "Hezbollah", "."], [1, 3, 3, 3, 3, 4, 3],
            ["det", "nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
            ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
            lemmas=["the", "attack", "be", "launch", "by", "hezbollah", "."],
            tags=["DT", "NN", "VBD", "VBN", "IN", "NNP", "."],
            ents=["O", "O", "O", "O", "O", "B-ORG", "O"])
    assert _events(d) == {("Hezbollah", "attack", "")}
    E = sys.modules["kg.extract.events"]
    assert not any(e.negated for e in E.events(d, roles=()))
    d = doc(["the", "attack", "was", "not", "launched", "by", "Hezbollah", "."], [1, 4, 4, 4, 4, 4, 5, 4],
            ["det", "nsubjpass", "auxpass", "neg", "ROOT", "agent", "pobj", "punct"],
            ["DET", "NOUN", "AUX", "PART", "VERB", "ADP", "PROPN", "PUNCT"],
            lemmas=["the", "attack", "be", "not", "launch", "by", "hezbollah", "."],
            tags=["DT", "NN", "VBD", "RB", "VBN", "IN", "NNP", "."], ents=["O", "O", "O", "O", "O", "O", "B-ORG", "O"])
    assert all(e.negated for e in E.events(d, roles=())) and _events(d) == {("Hezbollah", "attack", "")}


def test_the_forces_a_deed_is_named_by_did_it(monkeypatch):
    # "separatist attacks on Kyiv ." / "U.S. strikes on ISIS ." with "U.S." read as an nmod
    d = doc(["separatist", "attacks", "on", "Kyiv", "."], [1, 1, 1, 2, 1], ["amod", "ROOT", "prep", "pobj", "punct"],
            ["ADJ", "NOUN", "ADP", "PROPN", "PUNCT"], lemmas=["separatist", "attack", "on", "kyiv", "."],
            tags=["JJ", "NNS", "IN", "NNP", "."], ents=["O", "O", "O", "B-GPE", "O"])
    assert _events(d) == {("separatist", "attack", "Kyiv")}
    monkeypatch.setattr(P, "_fighters_modifier", lambda modifier, context: [])
    assert _events(d) == {("", "attack", "Kyiv")}
    d = doc(["U.S.", "strikes", "on", "ISIS", "."], [1, 1, 1, 2, 1], ["nmod", "ROOT", "prep", "pobj", "punct"],
            ["PROPN", "NOUN", "ADP", "PROPN", "PUNCT"], lemmas=["u.s.", "strike", "on", "isis", "."],
            tags=["NNP", "NNS", "IN", "NNP", "."], ents=["B-GPE", "O", "O", "B-ORG", "O"])
    assert _events(d) == {("U.S.", "strike", "ISIS")}


def test_a_call_received_from_someone_is_theirs():
    # "Biden received a call from Modi ."
    d = doc(["Biden", "received", "a", "call", "from", "Modi", "."], [1, 1, 3, 1, 3, 4, 1],
            ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
            ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
            lemmas=["biden", "receive", "a", "call", "from", "modi", "."],
            tags=["NNP", "VBD", "DT", "NN", "IN", "NNP", "."],
            ents=["B-PERSON", "O", "O", "O", "O", "B-PERSON", "O"])
    assert ("Modi", "call with", "Biden") in _events(d) and ("Biden", "call with", "Modi") not in _events(d)


def test_an_infinitive_cue_reaches_the_deed_noun_of_its_preposition(monkeypatch):
    # "Iran raised the possibility of attacks ."
    d = doc(["Iran", "raised", "the", "possibility", "of", "attacks", "."], [1, 1, 3, 1, 3, 4, 1],
            ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
            ["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT"],
            lemmas=["iran", "raise", "the", "possibility", "of", "attack", "."])
    assert cued(HYPOTHETICAL, list(governors(d[5])))
    _without(next(c for c in cue_rules() if c.literal == "possibility"), monkeypatch)
    assert not cued(HYPOTHETICAL, list(governors(d[5])))
