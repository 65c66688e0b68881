"""Events as government press releases write them: datelines, what did not happen, what only may.

Each rule has a unit test on a hand-built parse; the sentence tests run the real model and assert the
whole set of facts of the sentence.
"""

from __future__ import annotations

import sys

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

import kg.extract.events  # noqa: F401  (the module; `kg.extract.events` the name is the function)
from kg.extract.cues import cue_rules
from kg.extract.killing import bare_name
from kg.extract.when import in_dateline

E = sys.modules["kg.extract.events"]
VOCAB = English().vocab


def doc(words, heads, deps, pos, tags, lemmas, ents, spaces=None) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents,
               spaces=spaces)



def row(event) -> tuple:
    """An event as (actor, action, target, negated, modality), parties as written (empty: not written)."""
    return (E._party_text(event.actor, event.actor_party), event.action,
            E._party_text(event.target, event.target_party), event.negated, event.modality)


def facts(d: Doc) -> set[tuple]:
    return {row(e) for e in E.events(d, roles=(), published="")}


# ------------------------------------------------------------------------------------------ unit rules

# "CHICAGO — Smith was sentenced ."
SENTENCED = dict(words=["CHICAGO", "—", "Smith", "was", "sentenced", "."], heads=[4, 4, 4, 4, 4, 4],
                 deps=["nsubjpass", "punct", "nsubjpass", "auxpass", "ROOT", "punct"],
                 pos=["PROPN", "PUNCT", "PROPN", "AUX", "VERB", "PUNCT"], tags=["NNP", ":", "NNP", "VBD", "VBN", "."],
                 lemmas=["CHICAGO", "—", "Smith", "be", "sentence", "."],
                 ents=["B-GPE", "O", "B-PERSON", "O", "O", "O"], spaces=[True, True, True, True, False, False])


def test_a_dateline_is_no_patient():
    d = doc(**SENTENCED)
    assert [in_dateline(t) for t in d] == [True, False, False, False, False, False]
    assert facts(d) == {("", "sentence", "Smith", False, "asserted")}


def test_a_dateline_subject_gives_way_to_its_apposition():
    # "WASHINGTON — The Treasury sanctioned Kim ."
    d = doc(words=["WASHINGTON", "—", "The", "Treasury", "sanctioned", "Kim", "."], heads=[4, 0, 3, 0, 4, 4, 4],
            deps=["nsubj", "punct", "det", "appos", "ROOT", "dobj", "punct"],
            pos=["PROPN", "PUNCT", "DET", "PROPN", "VERB", "PROPN", "PUNCT"],
            tags=["NNP", ":", "DT", "NNP", "VBD", "NNP", "."],
            lemmas=["WASHINGTON", "—", "the", "Treasury", "sanction", "Kim", "."],
            ents=["B-GPE", "O", "O", "B-ORG", "O", "B-PERSON", "O"],
            spaces=[True, True, True, True, True, False, False])
    assert facts(d) == {("Treasury", "sanction", "Kim", False, "asserted")}


def test_a_hyphen_inside_a_name_is_no_dateline():
    # "Jean - Pierre attacked Kinshasa ." written "Jean-Pierre attacked Kinshasa."
    d = doc(words=["Jean", "-", "Pierre", "attacked", "Kinshasa", "."], heads=[2, 2, 3, 3, 3, 3],
            deps=["compound", "punct", "nsubj", "ROOT", "dobj", "punct"],
            pos=["PROPN", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT"], tags=["NNP", "HYPH", "NNP", "VBD", "NNP", "."],
            lemmas=["Jean", "-", "Pierre", "attack", "Kinshasa", "."],
            ents=["B-PERSON", "I-PERSON", "I-PERSON", "O", "B-GPE", "O"],
            spaces=[False, False, True, True, False, False])
    assert not any(in_dateline(t) for t in d)
    assert facts(d) == {("Jean-Pierre", "attack", "Kinshasa", False, "asserted")}


def test_no_one_as_the_patient_negates_the_event():
    # "No civilians were killed ."
    d = doc(words=["No", "civilians", "were", "killed", "."], heads=[1, 3, 3, 3, 3],
            deps=["det", "nsubjpass", "auxpass", "ROOT", "punct"], pos=["DET", "NOUN", "AUX", "VERB", "PUNCT"],
            tags=["DT", "NNS", "VBD", "VBN", "."], lemmas=["no", "civilian", "be", "kill", "."],
            ents=["O", "O", "O", "O", "O"])
    assert E._no_one(d[3])
    assert facts(d) == {("", "kill", "No civilians", True, "asserted")}


def test_the_content_of_a_noun_there_is_none_of_is_negated():
    # "There are no indications that civilians were killed ."
    d = doc(words=["There", "are", "no", "indications", "that", "civilians", "were", "killed", "."],
            heads=[1, 1, 3, 1, 7, 7, 7, 3, 1],
            deps=["expl", "ROOT", "det", "attr", "mark", "nsubjpass", "auxpass", "acl", "punct"],
            pos=["PRON", "VERB", "DET", "NOUN", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"],
            tags=["EX", "VBP", "DT", "NNS", "IN", "NNS", "VBD", "VBN", "."],
            lemmas=["there", "be", "no", "indication", "that", "civilian", "be", "kill", "."],
            ents=["O"] * 9)
    assert E._denied_claim(d[7])
    assert facts(d) == {("", "kill", "civilians", True, "asserted")}


def test_what_someone_is_enabled_to_do_is_hypothetical():
    # "It enables Treasury to sanction Kim ."
    d = doc(words=["It", "enables", "Treasury", "to", "sanction", "Kim", "."], heads=[1, 1, 1, 4, 1, 4, 1],
            deps=["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj", "punct"],
            pos=["PRON", "VERB", "PROPN", "PART", "VERB", "PROPN", "PUNCT"],
            tags=["PRP", "VBZ", "NNP", "TO", "VB", "NNP", "."],
            lemmas=["it", "enable", "Treasury", "to", "sanction", "Kim", "."],
            ents=["O", "O", "B-ORG", "O", "O", "B-PERSON", "O"])
    assert any(cue.literal == "enable" and cue.direction == "governor" for cue in cue_rules())
    assert facts(d) == {("Treasury", "sanction", "Kim", False, "hypothetical")}


# ------------------------------------------------------------------------------------------ sentences


def sentence_facts(nlp, text: str) -> set[tuple]:
    return {row(e) for e in E.events(nlp(text), published="2023-07-10")}


@pytest.mark.parametrize("text, expected", [
    ("CHICAGO — A Chinese national was sentenced today to eight years in federal prison.",
     {("", "sentence", "Chinese national", False, "asserted")}),
    ("WASHINGTON — The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today "
     "sanctioned two banks.", {("U.S. Department of the Treasury", "sanction", "two banks", False, "asserted")}),
    ("We currently assess no civilians were injured or killed as a result of this airstrike.",
     {("", "injure", "no civilians", True, "asserted"), ("", "kill", "no civilians", True, "asserted")}),
    ("There are no indications that any civilians were killed in this strike.",
     {("", "kill", "any civilians", True, "asserted")}),
    ("It further enables Treasury to sanction foreign persons.",
     {("Treasury", "sanction", "foreign persons", False, "hypothetical")}),
    # The man in apposition to the dateline is no one the dateline names.
    ("SAN SALVADOR, El Salvador — A 32-year-old Salvadoran man wanted in his home country on aggravated homicide "
     "charges was removed Friday by officers with U.S. Immigration and Customs Enforcement.",
     {("officers", "remove", "32-year-old Salvadoran man", False, "asserted")}),
])
def test_press_release_sentences(nlp, text, expected):
    assert sentence_facts(nlp, text) == expected


def parse(*rows, spaces=None) -> Doc:
    """A hand-built parse from (word, head, dep, pos, tag, lemma, ent) rows."""
    words, heads, deps, pos, tags, lemmas, ents = (list(column) for column in zip(*rows))
    return doc(words, heads, deps, pos, tags, lemmas, ents, spaces)


def test_a_meeting_noun_meets_its_owner_with_its_partner_and_its_joiner_with_both():
    # "Obama joined Biden 's meeting with Garibashvili ."
    d = parse(("Obama", 1, "nsubj", "PROPN", "NNP", "Obama", "B-PERSON"),
              ("joined", 1, "ROOT", "VERB", "VBD", "join", "O"),
              ("Biden", 4, "poss", "PROPN", "NNP", "Biden", "B-PERSON"),
              ("'s", 2, "case", "PART", "POS", "'s", "O"),
              ("meeting", 1, "dobj", "NOUN", "NN", "meeting", "O"),
              ("with", 4, "prep", "ADP", "IN", "with", "O"),
              ("Garibashvili", 5, "pobj", "PROPN", "NNP", "Garibashvili", "B-PERSON"),
              (".", 1, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == {("Biden", "meet with", "Garibashvili", False, "asserted"),
                        ("Obama", "meet with", "Biden", False, "asserted"),
                        ("Obama", "meet with", "Garibashvili", False, "asserted")}


def test_returning_a_call_is_calling_its_owner():
    # "Obama returned Singh 's call ."
    d = parse(("Obama", 1, "nsubj", "PROPN", "NNP", "Obama", "B-PERSON"),
              ("returned", 1, "ROOT", "VERB", "VBD", "return", "O"),
              ("Singh", 4, "poss", "PROPN", "NNP", "Singh", "B-PERSON"),
              ("'s", 2, "case", "PART", "POS", "'s", "O"),
              ("call", 1, "dobj", "NOUN", "NN", "call", "O"),
              (".", 1, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == {("Obama", "call with", "Singh", False, "asserted")}


def test_a_clause_set_in_a_meeting_has_its_subject_meet_the_partner():
    # "In meetings with Gentiloni , Adeyemo discussed efforts ."
    d = parse(("In", 6, "prep", "ADP", "IN", "in", "O"),
              ("meetings", 0, "pobj", "NOUN", "NNS", "meeting", "O"),
              ("with", 1, "prep", "ADP", "IN", "with", "O"),
              ("Gentiloni", 2, "pobj", "PROPN", "NNP", "Gentiloni", "B-PERSON"),
              (",", 6, "punct", "PUNCT", ",", ",", "O"),
              ("Adeyemo", 6, "nsubj", "PROPN", "NNP", "Adeyemo", "B-PERSON"),
              ("discussed", 6, "ROOT", "VERB", "VBD", "discuss", "O"),
              ("efforts", 6, "dobj", "NOUN", "NNS", "effort", "O"),
              (".", 6, "punct", "PUNCT", ".", ".", "O"))
    # discussing efforts is no event between parties: "effort" is no party.
    assert facts(d) == {("Adeyemo", "meet with", "Gentiloni", False, "asserted"),
                        ("Adeyemo", "discuss", "", False, "asserted")}


def test_the_guest_of_a_meeting_is_a_person_whatever_the_tagger_missed_but_a_title_is_no_name():
    # "Secretary Mattis hosted Minister Marise Payne ." with Payne and Secretary untagged.
    d = parse(("Secretary", 1, "compound", "PROPN", "NNP", "Secretary", "O"),
              ("Mattis", 2, "nsubj", "PROPN", "NNP", "Mattis", "B-PERSON"),
              ("hosted", 2, "ROOT", "VERB", "VBD", "host", "O"),
              ("Minister", 5, "compound", "PROPN", "NNP", "Minister", "O"),
              ("Marise", 5, "compound", "PROPN", "NNP", "Marise", "O"),
              ("Payne", 2, "dobj", "PROPN", "NNP", "Payne", "O"),
              (".", 2, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == {("Mattis", "host", "Marise Payne", False, "asserted")}
    assert bare_name(d[0]) is None


def test_a_preposition_of_time_is_no_particle():
    # "Singh called Obama on Friday ." is no "call on".
    d = parse(("Singh", 1, "nsubj", "PROPN", "NNP", "Singh", "B-PERSON"),
              ("called", 1, "ROOT", "VERB", "VBD", "call", "O"),
              ("Obama", 1, "dobj", "PROPN", "NNP", "Obama", "B-PERSON"),
              ("on", 1, "prep", "ADP", "IN", "on", "O"),
              ("Friday", 3, "pobj", "PROPN", "NNP", "Friday", "B-DATE"),
              (".", 1, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == {("Singh", "call", "Obama", False, "asserted")}


def test_a_title_with_the_is_the_one_person_the_article_gives_it():
    # "the Deputy Secretary met Gentiloni ." with Adeyemo the article's Deputy Secretary, named before it.
    from kg.extract.facts import Evidence, Mention, RoleFact

    d = parse(("the", 2, "det", "DET", "DT", "the", "O"),
              ("Deputy", 2, "compound", "PROPN", "NNP", "Deputy", "O"),
              ("Secretary", 3, "nsubj", "PROPN", "NNP", "Secretary", "O"),
              ("met", 3, "ROOT", "VERB", "VBD", "meet", "O"),
              ("Gentiloni", 3, "dobj", "PROPN", "NNP", "Gentiloni", "B-PERSON"),
              (".", 3, "punct", "PUNCT", ".", ".", "O"))
    adeyemo = Mention("Wally Adeyemo", "Person", 0, 0)
    role = RoleFact(adeyemo, "Deputy Secretary", None, False, Evidence("", 0, 0, 0, 0))
    found = {(e.actor.text, e.action, e.target.text) for e in E.events(d, roles=[role])}
    assert found == {("Wally Adeyemo", "meet", "Gentiloni")}


def test_a_title_of_a_name_is_that_name():
    # "Secretary of the Treasury Adeyemo met Gentiloni ." parsed "Secretary of [Treasury Adeyemo]".
    d = parse(("Secretary", 5, "nsubj", "PROPN", "NNP", "Secretary", "O"),
              ("of", 0, "prep", "ADP", "IN", "of", "O"),
              ("the", 4, "det", "DET", "DT", "the", "O"),
              ("Treasury", 4, "compound", "PROPN", "NNP", "Treasury", "B-ORG"),
              ("Adeyemo", 1, "pobj", "PROPN", "NNP", "Adeyemo", "B-PERSON"),
              ("met", 5, "ROOT", "VERB", "VBD", "meet", "O"),
              ("Gentiloni", 5, "dobj", "PROPN", "NNP", "Gentiloni", "B-PERSON"),
              (".", 5, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == {("Adeyemo", "meet", "Gentiloni", False, "asserted")}


def test_counterparts_from_a_named_body_are_that_body():
    # "Adeyemo met with counterparts from the Commission ."
    d = parse(("Adeyemo", 1, "nsubj", "PROPN", "NNP", "Adeyemo", "B-PERSON"),
              ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
              ("with", 1, "prep", "ADP", "IN", "with", "O"),
              ("counterparts", 2, "pobj", "NOUN", "NNS", "counterpart", "O"),
              ("from", 3, "prep", "ADP", "IN", "from", "O"),
              ("the", 6, "det", "DET", "DT", "the", "O"),
              ("Commission", 4, "pobj", "PROPN", "NNP", "Commission", "B-ORG"),
              (".", 1, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == {("Adeyemo", "meet with", "Commission", False, "asserted")}


@pytest.mark.parametrize("text, expected", [
    ("President Obama joined Vice President Biden’s meeting today with Georgian Prime Minister Irakli Garibashvili.",
     {("Biden", "meet with", "Irakli Garibashvili", False, "asserted"),
      ("Obama", "meet with", "Biden", False, "asserted"),
      ("Obama", "meet with", "Irakli Garibashvili", False, "asserted")}),
    ("Late Saturday morning, President Obama returned Indian Prime Minister Singh's phone call.",
     {("Obama", "call with", "Singh", False, "asserted")}),
    ("On September 20, Secretary of Defense Jim Mattis hosted Australian Minister of Defense Marise Payne for a "
     "bilateral meeting.", {("Jim Mattis", "host", "Marise Payne", False, "asserted")}),
    ("Today, Deputy Secretary of the Treasury Wally Adeyemo met with foreign counterparts from the European "
     "Commission and European Union.", {("Wally Adeyemo", "meet with", "European Commission", False, "asserted"),
                                        ("Wally Adeyemo", "meet with", "European Union", False, "asserted")}),
])
def test_meetings_and_calls_as_readouts_write_them(nlp, text, expected):
    assert sentence_facts(nlp, text) == expected


# "Command conducted a strike that resulted in the death of Usamah ."
STRIKE = [("Command", 1, "nsubj", "PROPN", "NNP", "Command", "B-ORG"),
          ("conducted", 1, "ROOT", "VERB", "VBD", "conduct", "O"),
          ("a", 3, "det", "DET", "DT", "a", "O"),
          ("strike", 1, "dobj", "NOUN", "NN", "strike", "O"),
          ("that", 5, "nsubj", "PRON", "WDT", "that", "O"),
          ("resulted", 3, "relcl", "VERB", "VBD", "result", "O"),
          ("in", 5, "prep", "ADP", "IN", "in", "O"),
          ("the", 8, "det", "DET", "DT", "the", "O"),
          ("death", 6, "pobj", "NOUN", "NN", "death", "O"),
          ("of", 8, "prep", "ADP", "IN", "of", "O"),
          ("Usamah", 9, "pobj", "PROPN", "NNP", "Usamah", "B-PERSON"),
          (".", 1, "punct", "PUNCT", ".", ".", "O")]


def test_a_strike_that_results_in_a_death_kills_and_targets_the_dead():
    d = parse(*STRIKE)
    assert E._deadly_deed(d[8]).i == 3
    assert facts(d) == {("Command", "strike", "Usamah", False, "asserted"),
                        ("Command", "kill", "Usamah", False, "asserted")}


def test_a_death_with_no_cause_written_is_dying():
    # "the death of Usamah ." as the object of "mourned": no deed brought it about.
    rows = [("Iran", 1, "nsubj", "PROPN", "NNP", "Iran", "B-GPE"),
            ("mourned", 1, "ROOT", "VERB", "VBD", "mourn", "O"), *STRIKE[7:11],
            (".", 1, "punct", "PUNCT", ".", ".", "O")]
    rows[2] = ("the", 3, "det", "DET", "DT", "the", "O")
    rows[3] = ("death", 1, "dobj", "NOUN", "NN", "death", "O")
    rows[4] = ("of", 3, "prep", "ADP", "IN", "of", "O")
    rows[5] = ("Usamah", 4, "pobj", "PROPN", "NNP", "Usamah", "B-PERSON")
    d = parse(*rows)
    assert E._deadly_deed(d[3]) is None
    assert ("Usamah", "die", "", False, "asserted") in facts(d)


# "Obama accepted the resignation of Bryson ."
RESIGNATION = [("Obama", 1, "nsubj", "PROPN", "NNP", "Obama", "B-PERSON"),
               ("accepted", 1, "ROOT", "VERB", "VBD", "accept", "O"),
               ("the", 3, "det", "DET", "DT", "the", "O"),
               ("resignation", 1, "dobj", "NOUN", "NN", "resignation", "O"),
               ("of", 3, "prep", "ADP", "IN", "of", "O"),
               ("Bryson", 4, "pobj", "PROPN", "NNP", "Bryson", "B-PERSON"),
               (".", 1, "punct", "PUNCT", ".", ".", "O")]


def test_the_resignation_of_someone_is_their_resigning_unless_it_is_asked_for():
    assert ("Bryson", "resign", "", False, "asserted") in facts(parse(*RESIGNATION))
    # "Obama demanded the resignation of Bryson .": asked for, not done.
    demanded = list(RESIGNATION)
    demanded[1] = ("demanded", 1, "ROOT", "VERB", "VBD", "demand", "O")
    assert not {f for f in facts(parse(*demanded)) if f[1] == "resign"}


def test_a_deed_targeting_someone_targets_them_and_members_named_by_their_group_are_the_group():
    # "Command conducted an airstrike targeting al-Shabaab terrorists ."
    d = parse(("Command", 1, "nsubj", "PROPN", "NNP", "Command", "B-ORG"),
              ("conducted", 1, "ROOT", "VERB", "VBD", "conduct", "O"),
              ("an", 3, "det", "DET", "DT", "an", "O"),
              ("airstrike", 1, "dobj", "NOUN", "NN", "airstrike", "O"),
              ("targeting", 3, "acl", "VERB", "VBG", "target", "O"),
              ("al-Shabaab", 6, "compound", "PROPN", "NNP", "al-Shabaab", "B-ORG"),
              ("terrorists", 4, "dobj", "NOUN", "NNS", "terrorist", "O"),
              (".", 1, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == {("Command", "strike", "al-Shabaab", False, "asserted"),
                        ("Command", "target", "al-Shabaab", False, "asserted")}


def test_this_airstrike_is_the_one_its_launcher_conducted_before():
    # "Command conducted an airstrike . This airstrike killed two terrorists ."
    d = parse(("Command", 1, "nsubj", "PROPN", "NNP", "Command", "B-ORG"),
              ("conducted", 1, "ROOT", "VERB", "VBD", "conduct", "O"),
              ("an", 3, "det", "DET", "DT", "an", "O"),
              ("airstrike", 1, "dobj", "NOUN", "NN", "airstrike", "O"),
              (".", 1, "punct", "PUNCT", ".", ".", "O"),
              ("This", 6, "det", "DET", "DT", "this", "O"),
              ("airstrike", 7, "nsubj", "NOUN", "NN", "airstrike", "O"),
              ("killed", 7, "ROOT", "VERB", "VBD", "kill", "O"),
              ("two", 9, "nummod", "NUM", "CD", "two", "B-CARDINAL"),
              ("terrorists", 7, "dobj", "NOUN", "NNS", "terrorist", "O"),
              (".", 7, "punct", "PUNCT", ".", ".", "O"))
    # The first sentence's deed, with no target written, is a strike of its own.
    assert facts(d) == {("Command", "strike", "", False, "asserted"),
                        ("Command", "kill", "two terrorists", False, "asserted")}


@pytest.mark.parametrize("text, expected", [
    ("TAMPA, Fla. – On July 7, U.S. Central Command conducted a strike in Syria that resulted in the death of "
     "Usamah al-Muhajir, an ISIS leader in eastern Syria.",
     {("U.S. Central Command", "strike", "Usamah al-Muhajir", "Syria", "2023-07-07"),
      ("U.S. Central Command", "kill", "Usamah al-Muhajir", "Syria", "2023-07-07")}),
    ("U.S. Africa Command conducted an airstrike targeting al-Shabaab terrorists near Jilib, Somalia, on July 2. "
     "The command’s initial assessment concluded this airstrike killed two terrorists.",
     {("U.S. Africa Command", "strike", "al-Shabaab", "Jilib", "2023-07-02"),
      ("U.S. Africa Command", "target", "al-Shabaab", "Jilib", "2023-07-02"),
      ("U.S. Africa Command", "kill", "two terrorists", "", "")}),
])
def test_strikes_as_military_releases_write_them(nlp, text, expected):
    found = {(E._party_text(e.actor, e.actor_party), e.action, E._party_text(e.target, e.target_party),
              e.place.text if e.place else "", e.when.value if e.when else "")
             for e in E.events(nlp(text), published="2023-07-10")}
    assert found == expected


def test_the_one_convicted_is_a_person_whatever_the_tagger_missed():
    # "A jury convicted CHAOQUN ." with the name untagged.
    d = parse(("A", 1, "det", "DET", "DT", "a", "O"),
              ("jury", 2, "nsubj", "NOUN", "NN", "jury", "O"),
              ("convicted", 2, "ROOT", "VERB", "VBD", "convict", "O"),
              ("CHAOQUN", 2, "dobj", "PROPN", "NNP", "CHAOQUN", "O"),
              (".", 2, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == {("jury", "convict", "CHAOQUN", False, "asserted")}


def test_a_dateline_subject_gives_way_to_an_apposition_on_any_of_its_words():
    # "Miami , Florida - The United States extradited Arias ." parsed [Miami [Florida [States]]].
    d = parse(("Miami", 7, "nsubj", "PROPN", "NNP", "Miami", "B-GPE"),
              (",", 0, "punct", "PUNCT", ",", ",", "O"),
              ("Florida", 0, "npadvmod", "PROPN", "NNP", "Florida", "B-GPE"),
              ("-", 2, "punct", "PUNCT", ":", "-", "O"),
              ("The", 6, "det", "DET", "DT", "the", "B-GPE"),
              ("United", 6, "compound", "PROPN", "NNP", "United", "I-GPE"),
              ("States", 2, "appos", "PROPN", "NNP", "States", "I-GPE"),
              ("extradited", 7, "ROOT", "VERB", "VBD", "extradite", "O"),
              ("Arias", 7, "dobj", "PROPN", "NNP", "Arias", "B-PERSON"),
              (".", 7, "punct", "PUNCT", ".", ".", "O"),
              spaces=[False, True, True, True, True, True, True, True, False, False])
    assert facts(d) == {("United States", "extradite", "Arias", False, "asserted")}


def test_signing_an_appointment_appoints_and_is_no_event_of_its_own():
    # "Bush signed the appointment of Edelman ."
    d = parse(("Bush", 1, "nsubj", "PROPN", "NNP", "Bush", "B-PERSON"),
              ("signed", 1, "ROOT", "VERB", "VBD", "sign", "O"),
              ("the", 3, "det", "DET", "DT", "the", "O"),
              ("appointment", 1, "dobj", "NOUN", "NN", "appointment", "O"),
              ("of", 3, "prep", "ADP", "IN", "of", "O"),
              ("Edelman", 4, "pobj", "PROPN", "NNP", "Edelman", "B-PERSON"),
              (".", 1, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == {("Bush", "appoint", "Edelman", False, "asserted")}


def test_aid_goes_to_its_recipient():
    # "Iran 's provision of weapons to Russia ."
    d = parse(("Iran", 2, "poss", "PROPN", "NNP", "Iran", "B-GPE"),
              ("'s", 0, "case", "PART", "POS", "'s", "O"),
              ("provision", 2, "ROOT", "NOUN", "NN", "provision", "O"),
              ("of", 2, "prep", "ADP", "IN", "of", "O"),
              ("weapons", 3, "pobj", "NOUN", "NNS", "weapon", "O"),
              ("to", 2, "prep", "ADP", "IN", "to", "O"),
              ("Russia", 5, "pobj", "PROPN", "NNP", "Russia", "B-GPE"),
              (".", 2, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == {("Iran", "provide", "Russia", False, "asserted")}


@pytest.mark.parametrize("text, expected", [
    ("President George W. Bush met Blair. The President has signed the recess appointment of Eric S. Edelman of "
     "Virginia.", {("George W. Bush", "meet", "Blair", False, "asserted"),
                   ("George W. Bush", "appoint", "Eric S. Edelman", False, "asserted")}),
    ("They expressed deep concern about Iran and North Korea’s provision of lethal weapons to Russia.",
     {("Iran", "provide", "Russia", False, "asserted"), ("North Korea", "provide", "Russia", False, "asserted")}),
])
def test_appointments_and_aid_as_releases_write_them(nlp, text, expected):
    assert sentence_facts(nlp, text) == expected


def test_pleading_guilty_is_an_event_with_no_target():
    # "Smith pleaded guilty to fraud ." / "Smith pleaded not guilty to fraud ."
    rows = [("Smith", 1, "nsubj", "PROPN", "NNP", "Smith", "B-PERSON"),
            ("pleaded", 1, "ROOT", "VERB", "VBD", "plead", "O"),
            ("guilty", 1, "acomp", "ADJ", "JJ", "guilty", "O"),
            ("to", 2, "prep", "ADP", "IN", "to", "O"),
            ("fraud", 3, "pobj", "NOUN", "NN", "fraud", "O"),
            (".", 1, "punct", "PUNCT", ".", ".", "O")]
    assert facts(parse(*rows)) == {("Smith", "plead guilty", "", False, "asserted")}
    denied = [rows[0], rows[1], ("not", 3, "neg", "PART", "RB", "not", "O"),
              ("guilty", 1, "acomp", "ADJ", "JJ", "guilty", "O"), *[(w, h + 1, *r) for w, h, *r in rows[3:]]]
    assert facts(parse(*denied)) == set()


@pytest.mark.parametrize("text, expected", [
    ("Zakaryia Abdin, 19, of Ladson, South Carolina, pleaded guilty today to attempting to provide material "
     "support to the Islamic State of Iraq and al-Sham (ISIS), a designated foreign terrorist organization.",
     {("Zakaryia Abdin", "plead guilty", "", False, "asserted"), ("Zakaryia Abdin", "provide", "", False, "hypothetical")}),
    ("Smith pleaded not guilty to wire fraud.", set()),
])
def test_pleas_as_justice_releases_write_them(nlp, text, expected):
    assert sentence_facts(nlp, text) == expected


def test_a_participle_describing_its_noun_is_no_event(monkeypatch):
    # "3,177 were convicted sex offenders .": the parser hangs the copula on "convicted" as its auxiliary.
    d = parse(("3,177", 2, "nsubjpass", "NUM", "CD", "3,177", "B-CARDINAL"),
              ("were", 2, "auxpass", "AUX", "VBD", "be", "O"),
              ("convicted", 4, "amod", "VERB", "VBN", "convict", "O"),
              ("sex", 4, "compound", "NOUN", "NN", "sex", "O"),
              ("offenders", 4, "ROOT", "NOUN", "NNS", "offender", "O"),
              (".", 4, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == set()
    monkeypatch.setattr(E, "_adjectival", lambda verb: False)
    assert facts(d) == {("", "convict", "3,177", False, "asserted")}


def test_a_death_said_as_a_finding_is_a_death(monkeypatch):
    # "Five Marines were confirmed deceased ."
    d = parse(("Five", 1, "nummod", "NUM", "CD", "five", "B-CARDINAL"),
              ("Marines", 3, "nsubjpass", "PROPN", "NNPS", "Marines", "B-ORG"),
              ("were", 3, "auxpass", "AUX", "VBD", "be", "O"),
              ("confirmed", 3, "ROOT", "VERB", "VBN", "confirm", "O"),
              ("deceased", 3, "oprd", "ADJ", "JJ", "deceased", "O"),
              (".", 3, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == {("Marines", "die", "", False, "asserted")}
    monkeypatch.setattr(E, "DEATH_ADJECTIVES", frozenset())
    assert not any(f[1] == "die" for f in facts(d))


def test_naming_someone_to_a_title_is_appointing_them_but_a_name_is_no_title(monkeypatch):
    # "Howard was named Federal Coordinating Officer ."
    d = parse(("Howard", 2, "nsubjpass", "PROPN", "NNP", "Howard", "B-PERSON"),
              ("was", 2, "auxpass", "AUX", "VBD", "be", "O"),
              ("named", 2, "ROOT", "VERB", "VBN", "name", "O"),
              ("Federal", 5, "compound", "PROPN", "NNP", "Federal", "O"),
              ("Coordinating", 5, "compound", "PROPN", "NNP", "Coordinating", "O"),
              ("Officer", 2, "oprd", "PROPN", "NNP", "Officer", "O"),
              (".", 2, "punct", "PUNCT", ".", ".", "O"))
    assert facts(d) == {("", "appoint", "Howard", False, "asserted")}
    # "Police named Smith ." stays naming: no title follows.
    named = parse(("Police", 1, "nsubj", "NOUN", "NNS", "police", "O"),
                  ("named", 1, "ROOT", "VERB", "VBD", "name", "O"),
                  ("Smith", 1, "oprd", "PROPN", "NNP", "Smith", "B-PERSON"),
                  (".", 1, "punct", "PUNCT", ".", ".", "O"))
    assert not any(f[1] == "appoint" for f in facts(named))
    monkeypatch.setattr(E, "PREDICATE_SYNONYMS", {})
    assert not any(f[1] == "appoint" for f in facts(d))
