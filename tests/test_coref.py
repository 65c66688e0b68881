"""Pronoun resolution (kg.extract.coref) on sentences of the seed article, through the real model."""

from __future__ import annotations

import re

import pytest

from kg.extract.coref import antecedents


def resolved(nlp, text: str) -> dict[str, list[str]]:
    """Each pronoun (as "word@character offset") → the texts of the entities it stands for."""
    doc = nlp(text)
    return {f"{doc[i].text}@{doc[i].idx}": [s.text for s in spans] for i, spans in antecedents(doc).items()}


def pronoun(text: str, word: str) -> str:
    """The key of the first `word` of `text` standing alone."""
    start = re.search(rf"\b{word}\b", text).start()
    return f"{word}@{start}"


ROGGIO = ("“There is significant risk here,” Bill Roggio, a senior fellow at the Washington-based Foundation for "
          "the Defense of Democracies, told VOA, calling the strike that killed Soleimani, “the most significant” "
          "since the U.S. killed al-Qaida founder Osama bin Laden.\n\n"
          "“Soleimani and Muhandis were revered by the Iraqi Shia militias. They will want blood,” he said.")


def test_quote_attribution_goes_to_the_last_speaker_not_the_nearest_person(nlp):
    # "he said" after a quote is Roggio, who spoke last, although bin Laden is the nearest person.
    found = resolved(nlp, ROGGIO)
    assert found[pronoun(ROGGIO, "he")] == ["Bill Roggio"]


def test_they_is_the_named_group_the_previous_clause_is_about(nlp):
    found = resolved(nlp, ROGGIO)
    assert found[pronoun(ROGGIO, "They")] == ["Iraqi Shia militias"]


def test_he_and_its_take_the_nearest_person_and_country(nlp):
    text = ("Just days earlier, Trump warned Iran he was holding its leaders accountable for a series of "
            "repeated attacks on the U.S. Embassy in Baghdad.")
    found = resolved(nlp, text)
    assert found[pronoun(text, "he")] == ["Trump"]
    assert found[pronoun(text, "its")] == ["Iran"]


def test_them_is_a_coordination_of_organizations(nlp):
    text = ("Although Iran’s Revolutionary Guards Corps and Quds Force are part of the Iranian military, the U.S. "
            "State Department designated them as Foreign Terrorist Organizations this past April.")
    found = resolved(nlp, text)
    assert found[pronoun(text, "them")] == ["Revolutionary Guards Corps", "Quds Force"]


@pytest.mark.parametrize("text, word", [
    # "they" is the matters, an unnamed noun closer than the countries.
    (("“The key question is whether this will lead to war between the U.S. and Iran,” Aaron David Miller "
      "tweeted. “Matters will get worse before they get worse.”"), "they"),
    # "it said" after "the statement said" is the statement, not the Pentagon named earlier.
    (("The Pentagon confirmed the death of Qassem Soleimani. “He was developing plans to attack American "
      "diplomats,” the statement said. “This strike was aimed at deterring future attack plans,” it said."), "it"),
])
def test_a_pronoun_with_no_named_antecedent_stays_unresolved(nlp, text, word):
    assert pronoun(text, word) not in resolved(nlp, text)


def test_an_unlabelled_subject_name_is_a_person_antecedent(nlp):
    # The small model leaves "Booth" unlabelled here; "he" is still Booth, not Lee named before him.
    text = ("Lee's surrender of the Army of Northern Virginia had virtually ended the war by that time, but Booth "
            "thought he could save the South by killing Lincoln, said Tidwell, a retired CIA officer.")
    assert resolved(nlp, text)[pronoun(text, "he")] == ["Booth"]


def test_a_name_modifying_a_noun_is_no_antecedent(nlp):
    # "it" is the revolver, not Dallas, which only says which gun shop.
    text = "Jack Ruby bought the revolver in a Dallas gun shop and used it to shoot Oswald."
    assert pronoun(text, "it") not in resolved(nlp, text)


@pytest.mark.parametrize("text, word, expected", [
    # A state body stands for its country.
    ("The Israeli army said it struck Hezbollah positions in response.", "it", ["Israeli"]),
    # A pronoun object takes the nearer unnamed object: "it" is the accusation, not Tehran.
    (("He said Israel would not allow Tehran to build nuclear weapons. Iranian Foreign Ministry spokesman Abbas "
      "Mousavi rejected the accusation, calling it a lie."), "it", None),
])
def test_state_bodies_and_unnamed_objects(nlp, text, word, expected):
    assert resolved(nlp, text).get(pronoun(text, word)) == expected
