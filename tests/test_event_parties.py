"""Events as news reports them (issue 12): parties that are not names, unwritten actors, interaction
phrases, the press, frames, what is no event, and when and where.

Each rule has a unit test on a hand-built parse (so a model upgrade fails the sentence tests, not the
rule's); the sentence tests run the real model and assert the whole set of facts of the sentence.
"""

from __future__ import annotations

import sys

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

import kg.extract.events  # noqa: F401  (the module; `kg.extract.events` the name is the function)
from kg.extract.facts import Mention, NominalParty
from kg.extract.participants import _author_modifier
from kg.extract.parties import nominal_party, press_party, resolved_heads
from kg.extract.when import clause_place, clause_time, normalise

E = sys.modules["kg.extract.events"]


VOCAB = English().vocab  # English lexical attributes: lower case, like_num


def doc(words, heads, deps, pos, tags=None, lemmas=None, ents=None) -> Doc:
    """A hand-built parse; `heads` are absolute token indices; every word is followed by a space."""
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags or ["" for _ in words],
               lemmas=lemmas or [w.lower() for w in words], ents=ents or ["O" for _ in words])


def context(d: Doc, published: str = "") -> object:
    return E.Context({}, {}, named_heads=resolved_heads(d), published=published)


def facts(d: Doc, published: str = "") -> set[tuple]:
    return {(E._party_text(e.actor, e.actor_party), e.action, E._party_text(e.target, e.target_party), e.cameo)
            for e in E.events(d, roles=(), published=published)}



# ------------------------------------------------------------------------------------------ unit rules

# "Iran seized more than 100 tankers ."
SEIZED = dict(words=["Iran", "seized", "more", "than", "100", "tankers", "."], heads=[1, 1, 4, 4, 5, 1, 1],
              deps=["nsubj", "ROOT", "amod", "quantmod", "nummod", "dobj", "punct"],
              pos=["PROPN", "VERB", "ADJ", "ADP", "NUM", "NOUN", "PUNCT"],
              tags=["NNP", "VBD", "JJR", "IN", "CD", "NNS", "."],
              lemmas=["Iran", "seize", "more", "than", "100", "tanker", "."],
              ents=["B-GPE", "O", "B-CARDINAL", "I-CARDINAL", "I-CARDINAL", "O", "O"])


def test_nominal_party_reads_text_head_kind_and_quantity():
    d = doc(**SEIZED)
    assert nominal_party(d[5]) == NominalParty("more than 100 tankers", "tanker", "vessel", 12, 33, 100, "more than")
    assert facts(d) == {("Iran", "seize", "more than 100 tankers", "17")}


def test_a_noun_outside_the_party_table_is_no_party():
    d = doc(**{**SEIZED, "lemmas": ["Iran", "seize", "more", "than", "100", "statement", "."],
               "words": ["Iran", "seized", "more", "than", "100", "statements", "."]})
    assert nominal_party(d[5]) is None


def test_a_noun_written_beside_one_name_is_that_name():
    # "a judge sentenced Tsarnaev . Judge O'Toole ruled ."
    d = doc(words=["a", "judge", "sentenced", "Tsarnaev", ".", "Judge", "O'Toole", "ruled", "."],
            heads=[1, 2, 2, 2, 2, 6, 7, 7, 7],
            deps=["det", "nsubj", "ROOT", "dobj", "punct", "compound", "nsubj", "ROOT", "punct"],
            pos=["DET", "NOUN", "VERB", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"],
            tags=["DT", "NN", "VBD", "NNP", ".", "NNP", "NNP", "VBD", "."],
            lemmas=["a", "judge", "sentence", "Tsarnaev", ".", "Judge", "O'Toole", "rule", "."],
            ents=["O", "O", "O", "B-PERSON", "O", "O", "B-PERSON", "O", "O"])
    assert resolved_heads(d) == {("judge", False): Mention("O'Toole", "Person", 35, 42)}
    assert facts(d) == {("O'Toole", "sentence", "Tsarnaev", "17")}


# "Tamerlan was killed ."
KILLED = dict(words=["Tamerlan", "was", "killed", "."], heads=[2, 2, 2, 2],
              deps=["nsubjpass", "auxpass", "ROOT", "punct"], pos=["PROPN", "AUX", "VERB", "PUNCT"],
              tags=["NNP", "VBD", "VBN", "."], lemmas=["Tamerlan", "be", "kill", "."],
              ents=["B-PERSON", "O", "O", "O"])


def test_an_agentless_passive_has_an_unknown_actor():
    d = doc(**KILLED)
    assert facts(d) == {("", "kill", "Tamerlan", "18")}
    assert E._unwritten_actor(d[2], "kill")


def test_an_agentless_passive_of_speech_is_no_event():
    d = doc(**{**KILLED, "lemmas": ["Tamerlan", "be", "say", "."], "words": ["Tamerlan", "was", "said", "."]})
    assert facts(d) == set()


def test_a_deed_as_subject_has_an_unknown_actor():
    # "The blast killed Tamerlan ."
    d = doc(words=["The", "blast", "killed", "Tamerlan", "."], heads=[1, 2, 2, 2, 2],
            deps=["det", "nsubj", "ROOT", "dobj", "punct"], pos=["DET", "NOUN", "VERB", "PROPN", "PUNCT"],
            tags=["DT", "NN", "VBD", "NNP", "."], lemmas=["the", "blast", "kill", "Tamerlan", "."],
            ents=["O", "O", "O", "B-PERSON", "O"])
    assert facts(d) == {("", "kill", "Tamerlan", "18")}


def test_a_verb_outside_the_lexicon_without_a_second_party_is_no_event():
    # "Campbell looked ." / "Campbell watched Tsarnaev ."
    alone = doc(words=["Campbell", "looked", "."], heads=[1, 1, 1], deps=["nsubj", "ROOT", "punct"],
                pos=["PROPN", "VERB", "PUNCT"], tags=["NNP", "VBD", "."], lemmas=["Campbell", "look", "."],
                ents=["B-PERSON", "O", "O"])
    assert facts(alone) == set()
    both = doc(words=["Campbell", "watched", "Tsarnaev", "."], heads=[1, 1, 1, 1],
               deps=["nsubj", "ROOT", "dobj", "punct"], pos=["PROPN", "VERB", "PROPN", "PUNCT"],
               tags=["NNP", "VBD", "NNP", "."], lemmas=["Campbell", "watch", "Tsarnaev", "."],
               ents=["B-PERSON", "O", "B-PERSON", "O"])
    assert facts(both) == {("Campbell", "watch", "Tsarnaev", "")}


def test_spoke_with_makes_the_prepositional_party_the_target():
    # "Rubio spoke with Dar ."
    d = doc(words=["Rubio", "spoke", "with", "Dar", "."], heads=[1, 1, 1, 2, 1],
            deps=["nsubj", "ROOT", "prep", "pobj", "punct"], pos=["PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
            tags=["NNP", "VBD", "IN", "NNP", "."], lemmas=["Rubio", "speak", "with", "Dar", "."],
            ents=["B-PERSON", "O", "O", "B-PERSON", "O"])
    assert facts(d) == {("Rubio", "speak with", "Dar", "04")}


def test_a_verb_and_object_phrase_takes_its_target_after_a_preposition():
    # "Treasury imposed sanctions on Kim ."
    d = doc(words=["Treasury", "imposed", "sanctions", "on", "Kim", "."], heads=[1, 1, 1, 2, 3, 1],
            deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
            pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"], tags=["NNP", "VBD", "NNS", "IN", "NNP", "."],
            lemmas=["Treasury", "impose", "sanction", "on", "Kim", "."],
            ents=["B-ORG", "O", "O", "O", "B-PERSON", "O"])
    assert facts(d) == {("Treasury", "impose sanctions", "Kim", "16")}


def test_telling_the_press_is_an_untyped_event():
    # "Roggio told VOA ."
    d = doc(words=["Roggio", "told", "VOA", "."], heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
            pos=["PROPN", "VERB", "PROPN", "PUNCT"], tags=["NNP", "VBD", "NNP", "."],
            lemmas=["Roggio", "tell", "VOA", "."], ents=["B-PERSON", "O", "B-ORG", "O"])
    assert press_party(Mention("VOA", "Organization", 0, 3), None)
    assert not press_party(Mention("Hamas", "Organization", 0, 5), None)
    assert facts(d) == {("Roggio", "tell", "VOA", "")}


def test_call_x_y_is_an_accusation():
    # "Zarif called Trump a terrorist ."
    d = doc(words=["Zarif", "called", "Trump", "a", "terrorist", "."], heads=[1, 1, 1, 4, 1, 1],
            deps=["nsubj", "ROOT", "dobj", "det", "oprd", "punct"],
            pos=["PROPN", "VERB", "PROPN", "DET", "NOUN", "PUNCT"], tags=["NNP", "VBD", "NNP", "DT", "NN", "."],
            lemmas=["Zarif", "call", "Trump", "a", "terrorist", "."],
            ents=["B-PERSON", "O", "B-PERSON", "O", "O", "O"])
    assert E._frame(d[1]) == "predicate"
    assert facts(d) == {("Zarif", "call", "Trump", "11")}


# "On Friday , troops attacked fighters in Afrin ."
AFRIN = dict(words=["On", "Friday", ",", "troops", "attacked", "fighters", "in", "Afrin", "."],
             heads=[4, 0, 4, 4, 4, 4, 4, 6, 4],
             deps=["prep", "pobj", "punct", "nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
             pos=["ADP", "PROPN", "PUNCT", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
             tags=["IN", "NNP", ",", "NNS", "VBD", "NNS", "IN", "NNP", "."],
             lemmas=["on", "Friday", ",", "troop", "attack", "fighter", "in", "Afrin", "."],
             ents=["O", "B-DATE", "O", "O", "O", "O", "O", "B-GPE", "O"])


def test_the_place_is_the_named_location_of_the_clause():
    d = doc(**AFRIN)
    assert clause_place(d[4], []) == Mention("Afrin", "Place", 40, 45)
    assert clause_place(d[4], [Mention("Afrin", "Place", 40, 45)]) is None  # a party is no place


def test_the_date_is_read_against_the_publication_date():
    d = doc(**AFRIN)
    when = clause_time(d[4], "2018-01-23")
    assert (when.text, when.value) == ("On Friday", "2018-01-19")
    assert clause_time(d[4], "").value == ""  # a weekday with no publication date is in no known week


@pytest.mark.parametrize("text, published, value", [
    ("Friday", "2018-01-23", "2018-01-19"),
    ("Tuesday", "2018-01-23", "2018-01-23"),  # the day of publication itself
    ("late Thursday", "2018-01-23", "2018-01-18"),
    ("early Friday local time", "2018-01-23", "2018-01-19"),
    ("this past July", "2018-01-23", "2017-07"),
    ("May", "2018-01-23", "2017-05"),
    ("April 15, 2013", "", "2013-04-15"),
    ("2017", "", "2017"),
    ("three years", "2018-01-23", ""),
    ("May", "", ""),
])
def test_dates_are_normalised_to_the_granularity_the_text_gives(text, published, value):
    assert normalise(text, published) == value


# ------------------------------------------------------------------------------------------ sentences


def sentence_facts(nlp, text: str, published: str = "") -> set[tuple]:
    """(actor, action, target, place, date) of every event, parties as written (empty: not written)."""
    return {(E._party_text(e.actor, e.actor_party), e.action, E._party_text(e.target, e.target_party),
             e.place.text if e.place else "", e.when.value if e.when else "")
            for e in E.events(nlp(text), published=published)}


@pytest.mark.parametrize("text, published, expected", [
    ("On Friday, Turkish troops attacked Kurdish fighters in Afrin.", "2018-01-23",
     {("Turkish troops", "attack", "Kurdish fighters", "Afrin", "2018-01-19")}),
    ("Secretary Rubio spoke with Pakistani Deputy Prime Minister Dar on Tuesday.", "2018-01-23",
     {("Rubio", "speak with", "Dar", "", "2018-01-23")}),
    ("A federal judge sentenced Dzhokhar Tsarnaev to death. U.S. District Judge George O'Toole Jr. read the verdict.",
     "", {("George O'Toole Jr.", "sentence", "Dzhokhar Tsarnaev", "", "")}),
    ("Tamerlan was killed during the getaway.", "", {("", "kill", "Tamerlan", "", "")}),
    ("Krystle Campbell, 29, who was killed in the attack, was a restaurant manager.", "",
     {("", "kill", "Krystle Campbell", "", "")}),
    ("Patricia Campbell looked at the crowd and Dzhokhar Tsarnaev rose.", "", set()),
    ("The Treasury imposed sanctions on Kim Jong Un.", "", {("Treasury", "impose sanctions", "Kim Jong Un", "", "")}),
    ("Police arrested more than 100 members of the group in May.", "2018-01-23",
     {("Police", "arrest", "more than 100 members", "", "2017-05")}),
    ("The attack killed 126 people near Baghdad International Airport late Thursday.", "2018-01-23",
     {("", "kill", "126 people", "Baghdad International Airport", "2018-01-18")}),
    ("Rebels clashed with government forces this past July.", "2018-01-23",
     {("Rebels", "clash", "government forces", "", "2017-07")}),
])
def test_sentence_facts(nlp, text, published, expected):
    assert sentence_facts(nlp, text, published) == expected


def test_an_interview_is_no_cooperation_and_call_x_y_accuses(nlp):
    found = {(e.actor.text, e.action, e.target.text if e.target else "", e.cameo)
             for e in E.events(nlp("Bill Roggio told VOA that the risk was significant. "
                                   "Zarif called the U.S. strike an act of terrorism."))}
    assert found == {("Bill Roggio", "tell", "VOA", ""), ("Zarif", "call", "U.S.", "11")}


def test_a_nominal_party_keeps_its_quantity(nlp):
    (event,) = E.events(nlp("Police arrested more than 100 members of the group."))
    assert (event.target, event.target_party.head, event.target_party.kind, event.target_party.quantity,
            event.target_party.qualifier) == (None, "member", "people", 100, "more than")


def test_places_people_gather_in_are_targets(nlp):
    # A bakery, a cafe or a stadium bombed or attacked is a facility party, as a mosque or a hotel is.
    found = {(e.action, e.target_party.text, e.target_party.kind) for e in E.events(nlp(
        "Gunmen attacked a crowded restaurant in Kabul."))}
    assert found == {("attack", "crowded restaurant", "facility")}


def test_a_parliament_or_a_junta_is_a_party(nlp):
    found = {(e.actor_party.text, e.action, e.target.text) for e in E.events(nlp(
        "The parliament impeached President Yoon on Saturday."))}
    assert found == {("parliament", "impeach", "Yoon")}


def test_a_dated_article_gives_place_and_date_through_the_cli(tmp_path):
    from conftest import run_kg

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(
        '{"id": "afrin", "text": "On Friday, Turkish troops attacked Kurdish fighters in Afrin.", '
        '"published": "2018-01-23"}\n', encoding="utf-8")
    run_kg("build", tmp_path / "in", "-o", tmp_path / "out", check=True)
    rows = run_kg("query", tmp_path / "out" / "graph.ttl", "events", "--format", "csv", check=True).stdout
    assert rows.splitlines()[1].endswith(",Afrin,2018-01-19")
    timeline = run_kg("query", tmp_path / "out" / "graph.ttl", "timeline", "--format", "csv", check=True).stdout
    assert timeline.splitlines()[1].startswith("2018-01-19,On Friday,Turkish troops,attack,Kurdish fighters,Afrin,")
    assert "conforms" in run_kg("validate", tmp_path / "out" / "graph.ttl", check=True).stdout


# ------------------------------------------------------------------------------------------ more unit rules


def test_a_deed_launched_is_its_launchers():
    # "ETA launched a series of attacks ."
    d = doc(words=["ETA", "launched", "a", "series", "of", "attacks", "."], heads=[1, 1, 3, 1, 3, 4, 1],
            deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
            pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT"],
            tags=["NNP", "VBD", "DT", "NN", "IN", "NNS", "."],
            lemmas=["ETA", "launch", "a", "series", "of", "attack", "."], ents=["B-ORG", "O", "O", "O", "O", "O", "O"])
    assert facts(d) == {("ETA", "attack", "", "18")}


def test_a_deed_noun_with_a_target_and_no_doer_has_an_unknown_actor():
    # "the attacks on soldiers continued ."
    d = doc(words=["the", "attacks", "on", "soldiers", "continued", "."], heads=[1, 4, 1, 2, 4, 4],
            deps=["det", "nsubj", "prep", "pobj", "ROOT", "punct"],
            pos=["DET", "NOUN", "ADP", "NOUN", "VERB", "PUNCT"], tags=["DT", "NNS", "IN", "NNS", "VBD", "."],
            lemmas=["the", "attack", "on", "soldier", "continue", "."])
    assert facts(d) == {("", "attack", "soldiers", "18")}


def test_a_number_stands_for_whom_it_counts_and_a_conjunct_shares_its_subject():
    # "the blast wounded 71 ."  /  "the blast killed Tamerlan and wounded 71 ."
    d = doc(words=["the", "blast", "killed", "Tamerlan", "and", "wounded", "71", "."],
            heads=[1, 2, 2, 2, 2, 2, 5, 2], deps=["det", "nsubj", "ROOT", "dobj", "cc", "conj", "dobj", "punct"],
            pos=["DET", "NOUN", "VERB", "PROPN", "CCONJ", "VERB", "NUM", "PUNCT"],
            tags=["DT", "NN", "VBD", "NNP", "CC", "VBD", "CD", "."],
            lemmas=["the", "blast", "kill", "Tamerlan", "and", "wound", "71", "."],
            ents=["O", "O", "O", "B-PERSON", "O", "O", "B-CARDINAL", "O"])
    assert nominal_party(d[6]) == NominalParty("71", "71", "unspecified", 38, 40, 71, "")
    assert facts(d) == {("", "kill", "Tamerlan", "18"), ("", "wound", "71", "18")}


def test_an_unresolved_pronoun_is_an_unknown_actor():
    # "They killed Tamerlan ." with no antecedent
    d = doc(words=["They", "killed", "Tamerlan", "."], heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
            pos=["PRON", "VERB", "PROPN", "PUNCT"], tags=["PRP", "VBD", "NNP", "."],
            lemmas=["they", "kill", "Tamerlan", "."], ents=["O", "O", "B-PERSON", "O"])
    assert facts(d) == {("", "kill", "Tamerlan", "18")}


def test_the_named_members_of_the_patients_are_patients_too():
    # "Leftists were arrested , including Forest ."
    d = doc(words=["Leftists", "were", "arrested", ",", "including", "Forest", "."], heads=[2, 2, 2, 2, 2, 4, 2],
            deps=["nsubjpass", "auxpass", "ROOT", "punct", "prep", "pobj", "punct"],
            pos=["NOUN", "AUX", "VERB", "PUNCT", "VERB", "PROPN", "PUNCT"],
            tags=["NNS", "VBD", "VBN", ",", "VBG", "NNP", "."],
            lemmas=["leftist", "be", "arrest", ",", "include", "Forest", "."],
            ents=["O", "O", "O", "O", "O", "B-PERSON", "O"])
    assert facts(d) == {("", "arrest", "Leftists", "17"), ("", "arrest", "Forest", "17")}


def test_dying_is_an_event_of_the_one_who_dies():
    d = doc(words=["Gladkikh", "died", "."], heads=[1, 1, 1], deps=["nsubj", "ROOT", "punct"],
            pos=["PROPN", "VERB", "PUNCT"], tags=["NNP", "VBD", "."], lemmas=["Gladkikh", "die", "."],
            ents=["B-PERSON", "O", "O"])
    assert facts(d) == {("Gladkikh", "die", "", "")}


def test_an_event_noun_of_a_verb_phrase_is_no_second_event():
    # "Treasury imposed sanctions on Kim ." (the verb's phrase states it; "sanctions" alone would too)
    d = doc(words=["Treasury", "imposed", "sanctions", "on", "Kim", "."], heads=[1, 1, 1, 2, 3, 1],
            deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
            pos=["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"], tags=["NNP", "VBD", "NNS", "IN", "NNP", "."],
            lemmas=["Treasury", "impose", "sanction", "on", "Kim", "."],
            ents=["B-ORG", "O", "O", "O", "B-PERSON", "O"])
    assert list(E._noun_events(d[2], context(d))) == []


def test_a_deed_noun_takes_its_author_from_a_nationality_or_an_unlabelled_name_not_from_a_city():
    # "Israeli strikes on Gaza" / "Houthi attacks on Gaza" / "Manchester attacks on Gaza"
    def deed(modifier: str, pos: str, ent: str) -> Doc:
        return doc(words=[modifier, "strikes", "on", "Gaza", "continued", "."], heads=[1, 4, 1, 2, 4, 4],
                   deps=["amod" if pos == "ADJ" else "compound", "nsubj", "prep", "pobj", "ROOT", "punct"],
                   pos=[pos, "NOUN", "ADP", "PROPN", "VERB", "PUNCT"], tags=["JJ", "NNS", "IN", "NNP", "VBD", "."],
                   lemmas=[modifier, "strike", "on", "Gaza", "continue", "."],
                   ents=[ent, "O", "O", "B-GPE", "O", "O"])

    assert facts(deed("Israeli", "ADJ", "B-NORP")) == {("Israeli", "strike", "Gaza", "18")}
    assert facts(deed("Houthi", "PROPN", "O")) == {("Houthi", "strike", "Gaza", "18")}
    assert facts(deed("Manchester", "PROPN", "B-GPE")) == {("", "strike", "Gaza", "18")}
    # An unlabelled name before a deed aimed at no one may be where it happened: "the Rolando bombing".
    assert _author_modifier(deed("Houthi", "PROPN", "O")[0], aimed=False) == []


def test_a_deed_noun_is_as_real_as_the_verb_of_doing_it():
    # "ETA did not launch attacks on Madrid ."
    d = doc(words=["ETA", "did", "not", "launch", "attacks", "on", "Madrid", "."], heads=[3, 3, 3, 3, 3, 4, 5, 3],
            deps=["nsubj", "aux", "neg", "ROOT", "dobj", "prep", "pobj", "punct"],
            pos=["PROPN", "AUX", "PART", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
            tags=["NNP", "VBD", "RB", "VB", "NNS", "IN", "NNP", "."],
            lemmas=["ETA", "do", "not", "launch", "attack", "on", "Madrid", "."],
            ents=["B-ORG", "O", "O", "O", "O", "O", "B-GPE", "O"])
    assert {(e.actor.text, e.action, e.target.text, e.negated) for e in E.events(d, roles=())} == {
        ("ETA", "attack", "Madrid", True)}


def test_members_of_a_named_group_act_as_the_group_and_a_deed_by_them_on_y_targets_y():
    # "attacks by members of Hezbollah on Israel continued ."
    d = doc(words=["attacks", "by", "members", "of", "Hezbollah", "on", "Israel", "continued", "."],
            heads=[7, 0, 1, 2, 3, 4, 5, 7, 7],
            deps=["nsubj", "prep", "pobj", "prep", "pobj", "prep", "pobj", "ROOT", "punct"],
            pos=["NOUN", "ADP", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
            tags=["NNS", "IN", "NNS", "IN", "NNP", "IN", "NNP", "VBD", "."],
            lemmas=["attack", "by", "member", "of", "Hezbollah", "on", "Israel", "continue", "."],
            ents=["O", "O", "O", "O", "B-ORG", "O", "B-GPE", "O", "O"])
    assert facts(d) == {("Hezbollah", "attack", "Israel", "18")}


def test_a_participle_of_a_deed_clause_has_an_unknown_actor():
    # "bombs exploded , killing Tamerlan ."  /  "Boston was shaken by a blast , killing Tamerlan ."
    exploded = doc(words=["bombs", "exploded", ",", "killing", "Tamerlan", "."], heads=[1, 1, 1, 1, 3, 1],
                   deps=["nsubj", "ROOT", "punct", "advcl", "dobj", "punct"],
                   pos=["NOUN", "VERB", "PUNCT", "VERB", "PROPN", "PUNCT"], tags=["NNS", "VBD", ",", "VBG", "NNP", "."],
                   lemmas=["bomb", "explode", ",", "kill", "Tamerlan", "."], ents=["O", "O", "O", "O", "B-PERSON", "O"])
    assert facts(exploded) == {("", "kill", "Tamerlan", "18")}
    shaken = doc(words=["Boston", "was", "shaken", "by", "a", "blast", ",", "killing", "Tamerlan", "."],
                 heads=[2, 2, 2, 2, 5, 3, 2, 2, 7, 2],
                 deps=["nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "punct", "advcl", "dobj", "punct"],
                 pos=["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT", "VERB", "PROPN", "PUNCT"],
                 tags=["NNP", "VBD", "VBN", "IN", "DT", "NN", ",", "VBG", "NNP", "."],
                 lemmas=["Boston", "be", "shake", "by", "a", "blast", ",", "kill", "Tamerlan", "."],
                 ents=["B-GPE", "O", "O", "O", "O", "O", "O", "O", "B-PERSON", "O"])
    assert facts(shaken) == {("", "kill", "Tamerlan", "18")}


def test_a_deed_planned_or_ordered_keeps_its_own_modality():
    # "ETA planned the attack on Madrid ." (the attack happened; "plans to launch attacks" would not say so)
    d = doc(words=["ETA", "planned", "the", "attack", "on", "Madrid", "."], heads=[1, 1, 3, 1, 3, 4, 1],
            deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
            pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
            tags=["NNP", "VBD", "DT", "NN", "IN", "NNP", "."],
            lemmas=["ETA", "plan", "the", "attack", "on", "Madrid", "."],
            ents=["B-ORG", "O", "O", "O", "O", "B-GPE", "O"])
    assert {(e.actor.text, e.action, e.target.text, e.modality) for e in E.events(d, roles=())
            if e.action == "attack"} == {("ETA", "attack", "Madrid", "asserted")}


def test_a_statement_is_typed_as_one():
    # "Campbell said ." — the press rule leaves a statement to no one its CAMEO category.
    d = doc(words=["Campbell", "said", "."], heads=[1, 1, 1], deps=["nsubj", "ROOT", "punct"],
            pos=["PROPN", "VERB", "PUNCT"], tags=["NNP", "VBD", "."], lemmas=["Campbell", "say", "."],
            ents=["B-PERSON", "O", "O"])
    assert facts(d) == {("Campbell", "say", "", "01")}


def test_coordinated_subjects_of_an_interaction_are_each_others_counterparts():
    # "Trump and Putin spoke ."
    d = doc(words=["Trump", "and", "Putin", "spoke", "."], heads=[3, 0, 0, 3, 3],
            deps=["nsubj", "cc", "conj", "ROOT", "punct"], pos=["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"],
            tags=["NNP", "CC", "NNP", "VBD", "."], lemmas=["Trump", "and", "Putin", "speak", "."],
            ents=["B-PERSON", "O", "B-PERSON", "O", "O"])
    assert facts(d) == {("Trump", "speak with", "Putin", "04"), ("Putin", "speak with", "Trump", "04")}


# ------------------------------------------------------------------------------------------ news constructions
# The constructions of readouts, court and sanctions releases and disaster reports (tests/test_event_rules.py has
# their unit tests), on the real model: the whole set of facts of each text.


@pytest.mark.parametrize("text, expected", [
    # The addressee of what is conveyed, with "to" on the verb's object.
    ("Secretary Rubio underscored the importance of the alliance to Foreign Minister Penny Wong.",
     {("Rubio", "underscore to", "Penny Wong", "", "")}),
    ("Secretary Rubio and Foreign Minister Penny Wong reaffirmed their commitment to the alliance.", set()),
    ("Secretary Blinken expressed condolences to Prime Minister Anthony Albanese for the victims of the attack.",
     {("Blinken", "express to", "Anthony Albanese", "", "")}),
    # A particle the parser calls an adverb.
    ("Haiti's prime minister Ariel Henry stepped down on Tuesday.", {("Ariel Henry", "step down", "", "", "2024-03-05")}),
    # Elections and disasters: one party, or a target and no one named as doing it.
    ("Opposition leader Bassirou Diomaye Faye won the presidential election.",
     {("Bassirou Diomaye Faye", "win election", "", "", "")}),
    ("The earthquake killed more than 2,000 people in Herat province.", {("", "kill", "more than 2,000 people", "", "")}),
    ("Floods displaced 300,000 people in Pakistan.", {("", "displace", "300,000 people", "Pakistan", "")}),
    # A named law is a party; who approves a deed does it; an indictment is a party; counted actors.
    ("President Biden signed a new Executive Order.", {("Biden", "sign", "Executive Order", "", "")}),
    ("Esper approved the deployment of additional forces.", {("Esper", "deploy", "additional forces", "", "")}),
    ("An indictment was unsealed today in Boston.", {("", "unseal", "indictment", "Boston", "2024-03-08")}),
    ("The Treasury Department designated 25 actors in four countries.",
     {("Treasury Department", "designate", "25 actors", "", "")}),
    # Launching at someone attacks them; an event noun's modifier is its author, its "on" the target.
    ("Iran launched drones and missiles at Israel.", {("Iran", "attack", "Israel", "", "")}),
    ("On May 24, 2022, the DPRK launched three missiles.", set()),  # "on" a date is no one attacked
    # "at the direction of" says on whose orders, not whom it is launched at.
    ("The Pentagon said the strike was launched at the direction of U.S. President Donald Trump.",
     {("Pentagon", "say", "", "", "")}),
    ("They condemned Houthi attacks on commercial shipping in the Red Sea.",
     {("", "condemn", "Houthi", "Red Sea", ""), ("Houthi", "attack", "commercial shipping", "Red Sea", "")}),
    # Whom one met, by where they come from when the parser hangs "from" on the verb.
    ("Deputy Secretary Adeyemo met with the Ambassadors to the EU from Greece, Cyprus, and Malta to discuss sanctions.",
     {("Adeyemo", "meet with", "Greece", "", ""), ("Adeyemo", "meet with", "Cyprus", "", ""),
      ("Adeyemo", "meet with", "Malta", "", ""), ("Adeyemo", "discuss", "", "", "")}),
    ("Adeyemo met with executives from companies in the clean energy industry.",
     {("Adeyemo", "meet with", "executives", "", "")}),
    # Moving a person into custody; a passive joined to an active verb; a patient verb with none is no event.
    ("Top Ten Fugitive Jose Manuel Garcia Guevara was returned to Lake Charles, Louisiana, this morning.",
     {("", "return", "Jose Manuel Garcia Guevara", "", "")}),
    ("Accompanied by FBI agents, Guevara arrived on U.S. soil yesterday and was transported to the local authorities.",
     {("", "transport", "Guevara", "", ""), ("Guevara", "arrive", "", "", "2024-03-07")}),
    ("Smith fled to Mexico and was arrested in 2019.", {("", "arrest", "Smith", "", "2019")}),
    ("The hostages returned home and the company removed the tariffs.", set()),
    # The deed a passive happened in does it, for its author.
    ("Three soldiers were killed in a U.S. airstrike near Baghdad.",
     {("U.S.", "kill", "Three soldiers", "Baghdad", ""), ("U.S.", "strike", "", "Baghdad", "")}),
    # Counted by a noun; an impeachment by a body named by a noun.
    ("The floods killed hundreds of people and displaced thousands of families.",
     {("", "kill", "people", "", ""), ("", "displace", "families", "", "")}),
    ("South Korean President Yoon Suk Yeol was impeached by parliament on Saturday.",
     {("parliament", "impeach", "Yoon Suk Yeol", "", "2024-03-02")}),
    # A readout names its two principals again by their titles' head words; what the Minister commits to is his.
    (("Secretary of State Antony J. Blinken met with Indian External Affairs Minister Subrahmanyam Jaishankar in "
      "Washington. The Secretary and the Foreign Minister discussed regional security. The Secretary welcomed the "
      "Minister's commitment to a free and open Indo-Pacific."),
     {("Antony J. Blinken", "meet with", "Subrahmanyam Jaishankar", "Washington", ""),
      ("Antony J. Blinken", "discuss", "Subrahmanyam Jaishankar", "", ""),
      ("Subrahmanyam Jaishankar", "discuss", "Antony J. Blinken", "", ""),
      ("Antony J. Blinken", "welcome", "Subrahmanyam Jaishankar", "", "")}),
])
def test_news_construction_facts(nlp, text, expected):
    assert sentence_facts(nlp, text, "2024-03-08") == expected


def test_what_a_candidate_hopes_for_is_not_asserted(nlp):
    # The lemmatizer reads "hopes" as "hop": the cue matches the word as written.
    found = {(E._party_text(e.actor, e.actor_party), e.action, e.negated, e.modality)
             for e in E.events(nlp("Opposition leader Bassirou Diomaye Faye hopes to win the presidential election."))}
    assert found == {("Bassirou Diomaye Faye", "win election", False, "hypothetical")}
