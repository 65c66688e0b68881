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
from kg.extract.parties import resolved_heads
from kg.extract.when import in_dateline

E = sys.modules["kg.extract.events"]
VOCAB = English().vocab


def doc(words, heads, deps, pos, tags, lemmas, ents, spaces=None) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents,
               spaces=spaces)


def _text(mention, party) -> str:
    return party.text if party is not None else mention.text if mention is not None else ""


def facts(d: Doc) -> set[tuple]:
    """(actor, action, target, negated, modality) of every event."""
    return {(_text(e.actor, e.actor_party), e.action, _text(e.target, e.target_party), e.negated, e.modality)
            for e in E.events(d, roles=(), published="")}


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
    assert "enable" in E.POWER_WORDS
    assert facts(d) == {("Treasury", "sanction", "Kim", False, "hypothetical")}


# ------------------------------------------------------------------------------------------ sentences


def sentence_facts(nlp, text: str) -> set[tuple]:
    return {(_text(e.actor, e.actor_party), e.action, _text(e.target, e.target_party), e.negated, e.modality)
            for e in E.events(nlp(text), published="2023-07-10")}


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
])
def test_press_release_sentences(nlp, text, expected):
    assert sentence_facts(nlp, text) == expected
