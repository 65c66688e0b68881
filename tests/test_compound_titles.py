"""Titles of several words (`kg/data/compound_titles.txt`) are one word to the tagger, and a short title
takes the office its holder was given in full."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract.roles import _fuller_title, role_facts
BLANK = spacy.blank("en")
VOCAB = BLANK.vocab
compound_titles_merged = BLANK.add_pipe("kg_compound_titles")
entity_corrections = BLANK.add_pipe("kg_entity_corrections")


def merged(words: list[str], spaces: list[bool] | None = None) -> list[str]:
    return [t.text for t in compound_titles_merged(Doc(VOCAB, words=words, spaces=spaces))]


def test_a_compound_title_is_one_token():
    assert merged(["Special", "Agent", "in", "Charge", "Jody", "Norris", "spoke"]) == [
        "Special Agent in Charge", "Jody", "Norris", "spoke"]
    # Hyphens joining the words, and the plural.
    assert merged(["Special", "Agent", "-", "in", "-", "Charge", "Wheeler"],
                  [True, False, False, False, False, True, False]) == ["Special Agent-in-Charge", "Wheeler"]
    assert merged(["Assistant", "U.S.", "Attorneys", "Vikas", "Didwania"]) == ["Assistant U.S. Attorneys", "Vikas", "Didwania"]
    assert merged(["Chief", "of", "Staff", "Mick", "Mulvaney"]) == ["Chief of Staff", "Mick", "Mulvaney"]


def test_a_compound_title_is_not_merged_into_a_name_or_a_longer_title():
    assert merged(["the", "U.S.", "Attorney", "'s", "Office"]) == ["the", "U.S.", "Attorney", "'s", "Office"]
    assert merged(["U.S.", "Attorney", "General", "Merrick", "Garland"]) == ["U.S.", "Attorney", "General", "Merrick", "Garland"]
    assert merged(["a", "trial", "attorney"]) == ["a", "trial", "attorney"]
    # A hyphen set off by spaces is a dash between two things, not a joint of one title.
    words = ["Special", "Agent", "-", "in", "-", "Charge", "Wheeler"]
    assert merged(words, [True, True, True, False, False, True, False]) == words


def test_the_title_is_no_part_of_the_name():
    doc = compound_titles_merged(Doc(VOCAB, words=["Special", "Agent", "in", "Charge", "Jody", "Norris", "spoke"]))
    doc = Doc(VOCAB, words=[t.text for t in doc], pos=["PROPN", "PROPN", "PROPN", "VERB"], heads=[0] * 4,
              deps=["ROOT", "dep", "dep", "dep"], ents=["B-PERSON", "I-PERSON", "I-PERSON", "O"])
    assert [(e.text, e.label_) for e in entity_corrections(doc).ents] == [("Jody Norris", "PERSON")]


def test_a_portfolio_after_of_ends_a_title_before_a_name():
    words = ["Australian", "Minister", "of", "Defense", "Marise", "Payne", "spoke"]
    doc = Doc(VOCAB, words=words, pos=["ADJ", "PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB"],
              heads=[0] * 7, deps=["ROOT"] + ["dep"] * 6, ents=["B-NORP", "O", "O", "O", "O", "O", "O"])
    assert [(e.text, e.label_) for e in entity_corrections(doc).ents] == [("Australian", "NORP"),
                                                                          ("Marise Payne", "PERSON")]


def test_a_short_title_is_a_form_of_the_fuller_one():
    known = {("yellen", "secretary of the treasury"), ("mnuchin", "treasury secretary"), ("biden", "vice president")}
    assert _fuller_title(("yellen", "secretary"), known) == ("yellen", "secretary of the treasury")
    assert _fuller_title(("mnuchin", "secretary"), known) == ("mnuchin", "treasury secretary")
    # A President is no short form of a Vice President, nor one person's title another's.
    assert _fuller_title(("biden", "president"), known) == ("biden", "president")
    assert _fuller_title(("obama", "secretary"), known) == ("obama", "secretary")


def facts(nlp, text: str) -> set[tuple[str, str, str, str]]:
    return {(f.person.text, f.role, f.organization.text if f.organization else "", f.state.text if f.state else "")
            for f in role_facts(nlp(text))}


def test_titles_with_the_organization_after_the_name(nlp):
    text = ("Assistant Attorney General for National Security John C. Demers, U.S. Attorney Sherri A. Lydon for "
            "the District of South Carolina and Special Agent in Charge Jody Norris of the FBI’s Columbia Division "
            "made the announcement.")
    assert facts(nlp, text) == {
        ("John C. Demers", "Assistant Attorney General for National Security", "Department of Justice", "United States"),
        ("Sherri A. Lydon", "U.S. Attorney", "District of South Carolina", ""),
        ("Jody Norris", "Special Agent in Charge", "Columbia Division", "")}


def test_compound_titles_name_no_organization_of_their_own(nlp):
    text = ("“We are grateful to Assistant U.S. Attorney Robert J. Emery and Trial Attorney Rebecca A. Haciski of "
            "the Criminal Division’s Office of International Affairs,” he said. Senior U.S. District Judge T.S. "
            "Ellis III accepted the verdict.")
    assert facts(nlp, text) == {
        ("Robert J. Emery", "Assistant U.S. Attorney", "Department of Justice", "United States"),
        ("Rebecca A. Haciski", "Trial Attorney", "Office of International Affairs", ""),
        ("T.S. Ellis III", "Senior U.S. District Judge", "United States", "")}


def test_a_bare_title_takes_the_office_given_in_full(nlp):
    text = ("U.S. Secretary of the Treasury Janet L. Yellen met with Vice Premier He Lifeng. Secretary Yellen "
            "said the talks were productive.\n\nSecretary of Defense Jim Mattis hosted Australian Minister of "
            "Defense Marise Payne. Secretary Mattis thanked Minister Payne.")
    assert facts(nlp, text) == {
        ("Janet L. Yellen", "Secretary of the Treasury", "Department of the Treasury", "U.S."),
        ("Yellen", "Secretary", "Department of the Treasury", "U.S."),
        ("He Lifeng", "Vice Premier", "", ""),
        ("Jim Mattis", "Secretary of Defense", "Department of Defense", "United States"),
        ("Mattis", "Secretary", "Department of Defense", "United States"),
        ("Marise Payne", "Minister of Defense", "Australian", ""),
        ("Payne", "Minister", "Australian", "")}


def test_a_head_of_state_title_goes_to_the_one_country_named_that_has_the_office(nlp):
    # France is only where they met; the United Kingdom has no president, the United States no prime minister.
    text = ("Today, President Donald J. Trump and Prime Minister Boris Johnson met in Biarritz, France. They "
            "celebrated the Special Relationship between the United States and the United Kingdom.")
    assert facts(nlp, text) == {("Donald J. Trump", "President", "United States", ""),
                                ("Boris Johnson", "Prime Minister", "United Kingdom", "")}


def test_a_seat_of_government_names_its_state_and_department(nlp):
    text = ("President Joseph R. Biden, Jr. met today with Prime Minister Keir Starmer of the United Kingdom at "
            "the White House.\n\nSecretary of Defense Mark T. Esper spoke at the Pentagon.")
    assert facts(nlp, text) == {("Joseph R. Biden, Jr.", "President", "United States", ""),
                                ("Keir Starmer", "Prime Minister", "United Kingdom", ""),
                                ("Mark T. Esper", "Secretary of Defense", "Pentagon", "United States")}


def test_a_judicial_district_after_the_name_is_where_the_office_is(nlp):
    text = ("U.S. Attorney G. Zachary Terwilliger for the Eastern District of Virginia and U.S. Attorney Ariana "
            "Fajardo Orshan of the Southern District of Florida made the announcement.")
    assert facts(nlp, text) == {("G. Zachary Terwilliger", "U.S. Attorney", "Eastern District of Virginia", ""),
                                ("Ariana Fajardo Orshan", "U.S. Attorney", "Southern District of Florida", "")}


def test_a_district_the_title_is_for_is_where_the_office_is(nlp):
    text = ("The charges were announced by U.S. Attorney for the District of Columbia Matthew M. Graves. “Data "
            "theft is corrosive,” said U.S. Attorney Graves.")
    assert facts(nlp, text) == {
        ("Matthew M. Graves", "U.S. Attorney for the District of Columbia", "District of Columbia", ""),
        ("Graves", "U.S. Attorney", "District of Columbia", "")}


def test_deputy_and_under_secretaries_of_a_department(nlp):
    text = ("Today, Deputy Secretary of the Treasury Wally Adeyemo met with counterparts. Deputy Secretary "
            "Adeyemo also met with leaders.")
    assert facts(nlp, text) == {
        ("Wally Adeyemo", "Deputy Secretary of the Treasury", "Department of the Treasury", "United States"),
        ("Adeyemo", "Deputy Secretary", "Department of the Treasury", "United States")}


def test_a_title_opening_a_sentence_stays_with_its_name(nlp):
    doc = nlp("He spoke. Assistant U.S. Attorney Robert J. Emery handled the case.")
    assert [s.text for s in doc.sents] == ["He spoke.", "Assistant U.S. Attorney Robert J. Emery handled the case."]


def test_a_part_of_a_department_is_not_the_department(nlp):
    # ERO's "Field Office Director" is one title; the Criminal Division is no Department of Justice.
    text = ("“ERO is committed to removing criminal fugitives,” said acting Field Office Director Corey A. Price "
            "of ERO Atlanta.\n\nAssistant Attorney General Brian A. Benczkowski of the U.S. Department of "
            "Justice’s Criminal Division and U.S. Attorney Ariana Fajardo Orshan made the announcement.")
    assert facts(nlp, text) == {
        ("Corey A. Price", "Field Office Director", "ERO Atlanta", ""),
        ("Brian A. Benczkowski", "Assistant Attorney General", "Criminal Division", ""),
        ("Ariana Fajardo Orshan", "U.S. Attorney", "U.S. Department of Justice", "United States")}
