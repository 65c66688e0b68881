"""The entity repairs and typing rules of `kg.nlp`, one by one on hand-built parses, then on the real model.

Each hand-built test runs the whole `kg_entity_corrections` component (or `kg_page_chrome`), as a pipeline
makes it from its configuration; `test_a_rule_taken_out_fails_its_test` runs each rule's test with a component
configured without that rule.
"""

from __future__ import annotations

import sys

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract import extract
from kg.ingest import Article
from kg.nlp import CHROME_SHAPES, DOCUMENT_RULES, SPAN_REPAIRS

BLANK = spacy.blank("en")
VOCAB = BLANK.vocab
entity_corrections = BLANK.add_pipe("kg_entity_corrections")
page_chrome = BLANK.add_pipe("kg_page_chrome")


def corrected(words, pos, ents, heads=None, deps=None, spaces=None):
    """The entities `kg_entity_corrections` leaves on a hand-built Doc."""
    heads = heads or list(range(len(words)))  # each word its own head: one sentence per word unless told
    if heads == list(range(len(words))):
        heads = [0] * len(words)
    deps = deps or ["ROOT" if i == 0 else "dep" for i in range(len(words))]
    doc = Doc(VOCAB, words=words, spaces=spaces, pos=pos, heads=heads, deps=deps, ents=ents)
    return [(e.text, e.label_) for e in entity_corrections(doc).ents]


def test_the_registries_hold_every_rule_in_order():
    assert [r.__name__ for r in SPAN_REPAIRS] == [
        "trimmed", "title_between_organizations", "comma_ends_a_name", "no_name_in_a_number_or_a_plural", "no_name_in_lower_case",
        "no_organization_in_a_title", "lowercase_tail_dropped", "document_words_dropped",
        "possessive_split", "country_pairs_dropped", "split_at_dash", "page_words_dropped", "title_inside_name", "title_makes_a_person",
        "country_before_name", "place_of"]
    assert [r.__name__ for r in DOCUMENT_RULES] == [
        "people_by_construction", "titled_names", "services_before_a_rank", "name_kinds", "datelines_are_places", "named_operations", "event_hosts",
        "gazetteer", "whole_known_names", "untagged_organizations", "whole_organization_names", "field_offices", "numbered_units",
        "acronym_expansions", "portfolio_words_dropped", "consistent_people", "consistent_types", "whole_names",
        "consistent_vessels", "generational_suffixes", "acronym_before_a_title", "acronyms", "common_acronyms_dropped",
        "designations_dropped", "names_in_capitals", "quoted_titles_dropped"]
    assert [r.__name__ for r in CHROME_SHAPES] == ["headline", "breadcrumb", "caption_or_credit"]


def test_services_before_a_rank():
    # "Spokesman Navy Capt. Bill Urban said", "The commander, Air Force Gen. Tod Wolters, visited", "Press Secretary
    # Navy Rear Adm. John Kirby told": the model's person before the rank is the service.
    pos = ["PROPN"] * 5 + ["VERB"]
    assert corrected(["Spokesman", "Navy", "Capt.", "Bill", "Urban", "said"], pos,
                     ["O", "B-PERSON", "O", "B-PERSON", "I-PERSON", "O"]) == [("Navy", "ORG"), ("Bill Urban", "PERSON")]
    assert corrected(["Air", "Force", "Gen.", "Tod", "Wolters", "visited"], pos,
                     ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"]) == [
        ("Air Force", "ORG"), ("Tod Wolters", "PERSON")]
    words = ["Secretary", "Navy", "Rear", "Adm.", "John", "Kirby", "told"]
    assert corrected(words, ["PROPN"] * 6 + ["VERB"], ["O", "B-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O"]) == [
        ("Navy", "ORG"), ("John Kirby", "PERSON")]
    # A person before another with no rank between stays one: "President Joe Biden met Gen. Mark Milley".
    words = ["Joe", "Biden", "met", "Gen.", "Mark", "Milley"]
    assert corrected(words, ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PROPN"],
                     ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON"]) == [
        ("Joe Biden", "PERSON"), ("Mark Milley", "PERSON")]


def test_trimmed_drops_a_title():
    assert corrected(["President", "Lincoln", "spoke"], ["PROPN", "PROPN", "VERB"],
                     ["B-PERSON", "I-PERSON", "O"]) == [("Lincoln", "PERSON")]


def test_title_between_organizations():
    # "Joint Staff Spokesperson Navy Capt. Jereal Dorsey" (the model tagged "Joint Staff Spokesperson Navy").
    words = ["Joint", "Staff", "Spokesperson", "Navy", "Capt.", "Jereal", "Dorsey", "said"]
    pos = ["PROPN"] * 7 + ["VERB"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O"]
    assert corrected(words, pos, ents) == [("Joint Staff", "ORG"), ("Navy", "ORG"), ("Jereal Dorsey", "PERSON")]
    # No rank before the name: the words after the title may be the name's.
    words = ["Joint", "Staff", "Spokesperson", "Navy", "Jereal", "Dorsey", "said"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-PERSON", "I-PERSON", "O"]
    assert corrected(words, ["PROPN"] * 6 + ["VERB"], ents) == [("Joint Staff Spokesperson Navy", "ORG"),
                                                               ("Jereal Dorsey", "PERSON")]


def test_trimmed_keeps_the_full_stop_of_an_abbreviation():
    # "St. Albans, Vt., blowing down": the full stop the tokenizer split off is the abbreviation's.
    words = ["Albans", ",", "Vt", ".", ",", "blowing", "in", "Iowa", "."]
    pos = ["PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT"]
    spaces = [False, True, False, False, True, True, True, False, False]
    ents = ["B-GPE", "O", "B-GPE", "I-GPE", "O", "O", "O", "B-GPE", "I-GPE"]
    assert corrected(words, pos, ents, spaces=spaces) == [("Albans", "GPE"), ("Vt.", "GPE"), ("Iowa", "GPE")]


def test_lowercase_tail_dropped():
    assert corrected(["Al", "Shabab", "militants", "attacked"], ["PROPN", "PROPN", "NOUN", "VERB"],
                     ["B-ORG", "I-ORG", "I-ORG", "O"]) == [("Al Shabab", "ORG")]


def test_split_at_dash():
    words = ["Kim", "Yo", "Jong", "-", "Kim", "Jong", "Un", "met"]
    assert corrected(words, ["PROPN"] * 7 + ["VERB"], ["B-PERSON"] + ["I-PERSON"] * 6 + ["O"]) == [
        ("Kim Yo Jong", "PERSON"), ("Kim Jong Un", "PERSON")]


def test_page_words_dropped():
    assert corrected(["HTML5", "Carlos", "Ghosn", "fled"], ["PROPN", "PROPN", "PROPN", "VERB"],
                     ["B-PERSON", "I-PERSON", "I-PERSON", "O"]) == [("Carlos Ghosn", "PERSON")]
    # Initials and a generational suffix are parts of the name.
    assert corrected(["J.D.", "Tippit", "III", "fell"], ["PROPN", "PROPN", "PROPN", "VERB"],
                     ["B-PERSON", "I-PERSON", "I-PERSON", "O"]) == [("J.D. Tippit III", "PERSON")]


def test_page_words_dropped_leave_a_name_with_a_note_mark_and_cut_no_name_to_one_word():
    # "Vorderbruggen[897]": lower case with a digit is a name with a note mark, not page text.
    assert corrected(["Adrianna", "M.", "Vorderbruggen[897]", "died"], ["PROPN", "PROPN", "PROPN", "VERB"],
                     ["B-PERSON", "I-PERSON", "I-PERSON", "O"]) == [("Adrianna M. Vorderbruggen[897]", "PERSON")]
    # A dateline and a newspaper in capitals: the repair makes no person "Beijing" of it; the model's span stays.
    assert corrected(["Beijing", "JINGJI", "YANJIU", "in", "Chinese"], ["PROPN", "PROPN", "PROPN", "ADP", "PROPN"],
                     ["B-PERSON", "I-PERSON", "I-PERSON", "O", "B-NORP"]) == [
        ("Beijing JINGJI YANJIU", "PERSON"), ("Chinese", "NORP")]


def test_title_inside_name():
    assert corrected(["Boston", "Mayor", "Tom", "Menino", "said"], ["PROPN"] * 4 + ["VERB"],
                     ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"]) == [("Tom Menino", "PERSON")]


def test_title_makes_a_person():
    assert corrected(["Spokesperson", "Ned", "Price", "said"], ["PROPN"] * 3 + ["VERB"],
                     ["B-ORG", "I-ORG", "I-ORG", "O"]) == [("Ned Price", "PERSON")]


def test_title_makes_no_person_of_a_place():
    # "King County", "Grand Isle": an honorific before one word of a place's name is part of it.
    assert corrected(["King", "County", "police"], ["PROPN", "PROPN", "NOUN"], ["B-GPE", "I-GPE", "O"]) == [
        ("King County", "GPE")]


def test_title_makes_no_person_of_a_company():
    assert corrected(["General", "Motors", "said"], ["PROPN", "PROPN", "VERB"], ["B-ORG", "I-ORG", "O"]) == [
        ("General Motors", "ORG")]


def test_country_before_name():
    words = ["envoy", "for", "Syria", "Staffan", "de", "Mistura", "said"]
    assert corrected(words, ["NOUN", "ADP", "PROPN", "PROPN", "X", "PROPN", "VERB"],
                     ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]) == [
        ("Syria", "GPE"), ("Staffan de Mistura", "PERSON")]


def test_country_before_name_of_a_known_organization():
    words = ["Ambassador", "to", "the", "United", "Nations", "Kelly", "Craft", "spoke"]
    assert corrected(words, ["PROPN", "ADP", "DET", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
                     ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]) == [
        ("the United Nations", "ORG"), ("Kelly Craft", "PERSON")]


def test_country_before_name_only_after_a_title():
    # "pilots from the Netherlands Air Force": no title before it, one organization's name.
    words = ["pilots", "from", "the", "Netherlands", "Air", "Force", "flew"]
    assert corrected(words, ["NOUN", "ADP", "DET", "PROPN", "PROPN", "PROPN", "VERB"],
                     ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]) == [("the Netherlands Air Force", "ORG")]


def test_country_before_name_keeps_a_place_whole():
    words = ["near", "Baghdad", "International", "Airport"]
    assert corrected(words, ["ADP", "PROPN", "PROPN", "PROPN"], ["O", "B-FAC", "I-FAC", "I-FAC"]) == [
        ("Baghdad International Airport", "FAC")]


def test_place_of():
    assert corrected(["the", "Strait", "of", "Hormuz"], ["DET", "PROPN", "ADP", "PROPN"],
                     ["O", "O", "O", "B-PERSON"]) == [("Strait of Hormuz", "LOC")]


def test_people_by_construction():
    words = ["Warner", ",", "70", ",", "left"]
    assert corrected(words, ["PROPN", "PUNCT", "NUM", "PUNCT", "VERB"], ["B-ORG", "O", "O", "O", "O"]) == [
        ("Warner", "PERSON")]


def test_people_by_construction_with_a_particle_inside_the_name():
    # "Staffan de Mistura, the special envoy for Syria" (tagged an organization).
    words = ["Staffan", "de", "Mistura", ",", "the", "special", "envoy", "for", "Syria", ",", "said"]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT", "VERB"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "B-GPE", "O", "O"]
    assert corrected(words, pos, ents) == [("Staffan de Mistura", "PERSON"), ("Syria", "GPE")]


def test_people_by_construction_not_of_what_a_noun_is_of():
    # "the governor of Aragua, who ...": the clause is about the governor.
    words = ["the", "governor", "of", "Aragua", ",", "who", "denies", "it"]
    pos = ["DET", "NOUN", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "PRON"]
    assert corrected(words, pos, ["O", "O", "O", "B-GPE", "O", "O", "O", "O"]) == [("Aragua", "GPE")]


def test_titled_names():
    assert corrected(["President", "Biden", "spoke"], ["PROPN", "PROPN", "VERB"], ["O", "B-ORG", "O"]) == [
        ("Biden", "PERSON")]


def test_titled_names_take_no_word_of_an_organization():
    # "Ukraine’s General Staff denied": a staff is an organization's, whatever title stands before it.
    words = ["Ukraine", "’s", "General", "Staff", "denied"]
    assert corrected(words, ["PROPN", "PART", "PROPN", "PROPN", "VERB"], ["B-GPE", "O", "O", "O", "O"]) == [
        ("Ukraine", "GPE")]


def test_titled_names_after_a_role_in_lower_case():
    # "the African Union Commission chairperson Moussa Faki Mahamat" (tagged an organization); one word is not enough.
    words = ["the", "Commission", "chairperson", "Moussa", "Faki", "Mahamat", "and", "the", "spokesman", "Hamas"]
    pos = ["DET", "PROPN", "NOUN", "PROPN", "PROPN", "PROPN", "CCONJ", "DET", "NOUN", "PROPN"]
    ents = ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-ORG"]
    assert corrected(words, pos, ents) == [("the Commission", "ORG"), ("Moussa Faki Mahamat", "PERSON"), ("Hamas", "ORG")]


def test_titled_names_leave_a_first_name_to_the_name_it_starts():
    words = ["Baghdad", "Mayor", "Tahir", "Muhammad", "Hassun", "spoke"]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"]
    assert corrected(words, pos, ["B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O"]) == [
        ("Baghdad", "GPE"), ("Tahir Muhammad Hassun", "PERSON")]


def test_titled_names_leave_a_name_before_a_title_to_it():
    # "Centcom Commander Marine Corps Gen. Kenneth F. McKenzie": the Marine Corps is where the general serves.
    words = ["Centcom", "Commander", "Marine", "Corps", "Gen.", "Kenneth", "McKenzie", "said"]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"]
    ents = ["B-ORG", "O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O"]
    assert corrected(words, pos, ents) == [("Centcom", "ORG"), ("Marine Corps", "ORG"), ("Kenneth McKenzie", "PERSON")]


def test_titled_names_after_a_role_of_an_organization():
    words = ["The", "chief", "of", "Nissan", ",", "Makoto", "Uchida", ",", "apologized"]
    heads = [1, 8, 1, 2, 1, 6, 1, 1, 8]
    deps = ["det", "nsubj", "prep", "pobj", "punct", "compound", "appos", "punct", "ROOT"]
    pos = ["DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB"]
    ents = ["O", "O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "O", "O"]
    assert corrected(words, pos, ents, heads, deps) == [("Nissan", "ORG"), ("Makoto Uchida", "PERSON")]


def test_name_kinds_laws_events_vessels():
    words = ["under", "the", "Arms", "Export", "Control", "Act", "near", "the", "tanker", "DELTA", "SOUNION"]
    pos = ["ADP", "DET", "PROPN", "PROPN", "PROPN", "PROPN", "ADP", "DET", "NOUN", "PROPN", "PROPN"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "B-PERSON"]
    assert corrected(words, pos, ents) == [("the Arms Export Control Act", "LAW"), ("DELTA SOUNION", "PRODUCT")]


def test_datelines_are_places():
    # "MARINE CORPS AIR STATION MIRAMAR, Calif. –": the model tagged "MIRAMAR" an organization.
    words = ["MARINE", "CORPS", "AIR", "STATION", "MIRAMAR", ",", "Calif.", "–", "Five", "Marines", "died"]
    pos = ["PROPN"] * 5 + ["PUNCT", "PROPN", "PUNCT", "NUM", "PROPN", "VERB"]
    ents = ["O", "O", "O", "O", "B-ORG", "O", "B-GPE", "O", "O", "B-NORP", "O"]
    assert corrected(words, pos, ents) == [("MARINE CORPS AIR STATION MIRAMAR", "FAC"), ("Calif.", "GPE"),
                                           ("Marines", "NORP")]
    # An acronym opening a sentence before a comma is no dateline.
    words = ["ICE", ",", "the", "agency", ",", "said", "so"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "ADV"]
    assert corrected(words, pos, ["B-ORG", "O", "O", "O", "O", "O", "O"]) == [("ICE", "ORG")]
    # Nor a name in capitals with no dash after it: "ACME WIDGET CORP, the maker, said".
    words = ["ACME", "WIDGET", "CORP", ",", "the", "maker", ",", "said", "so"]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "ADV"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"]
    assert corrected(words, pos, ents) == [("ACME WIDGET CORP", "ORG")]


def test_consistent_vessels():
    # "USS Curtis Wilbur" ... "the Sailors on Curtis Wilbur" (tagged a person).
    words = ["USS", "Curtis", "Wilbur", "responded", "and", "Sailors", "on", "Curtis", "Wilbur", "helped"]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "CCONJ", "NOUN", "ADP", "PROPN", "PROPN", "VERB"]
    ents = ["B-PRODUCT", "I-PRODUCT", "I-PRODUCT", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]
    assert corrected(words, pos, ents) == [("USS Curtis Wilbur", "PRODUCT"), ("Curtis Wilbur", "PRODUCT")]


def test_named_operations():
    words = ["under", "Operation", "Inherent", "Resolve", "and", "Exercise", "Cobra", "Gold"]
    pos = ["ADP", "PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG"]
    assert corrected(words, pos, ents) == [("Operation Inherent Resolve", "EVENT"), ("Exercise Cobra Gold", "EVENT")]


def test_event_hosts():
    # "the EU Summit", "the NATO Summit": the organization that holds the event; "the Colin Cramphorn Memorial
    # Lecture" (named after a person) and "the Boston Marathon" are events.
    words = ["the", "EU", "Summit", "and", "the", "NATO", "Summit", "and", "the", "Colin", "Cramphorn", "Memorial",
             "Lecture", "and", "the", "Boston", "Marathon"]
    pos = ["DET", "PROPN", "PROPN", "CCONJ"] * 2 + ["DET", "PROPN", "PROPN", "PROPN", "PROPN", "CCONJ", "DET", "PROPN",
                                                     "PROPN"]
    ents = ["B-EVENT", "I-EVENT", "I-EVENT", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG",
            "I-ORG", "O", "B-EVENT", "I-EVENT", "I-EVENT"]
    assert corrected(words, pos, ents) == [("EU", "ORG"), ("NATO", "ORG"), ("the Colin Cramphorn Memorial Lecture", "EVENT"),
                                           ("the Boston Marathon", "EVENT")]


def test_gazetteer():
    words = ["in", "Buenos", "Aires", "and", "on", "Twitter", "in", "Sana'a"]
    pos = ["ADP", "PROPN", "PROPN", "CCONJ", "ADP", "PROPN", "ADP", "PROPN"]
    assert corrected(words, pos, ["O", "B-ORG", "I-ORG", "O", "O", "B-PERSON", "O", "O"]) == [
        ("Buenos Aires", "GPE"), ("Twitter", "ORG"), ("Sana'a", "GPE")]
    # An organization the model left untagged, by its full name only: not "Republican" for the Republican Party.
    words = ["a", "Republican", "post", "on", "Twitter"]
    assert corrected(words, ["DET", "PROPN", "NOUN", "ADP", "PROPN"], ["O"] * 5) == [("Twitter", "ORG")]


def test_whole_organization_names_after_a_word_of_an_organization_and_after_and():
    # "the U.S. Court of Appeals" + "for the First Circuit"; "Islamic State of Iraq" + "and the Levant".
    words = ["the", "Court", "of", "Appeals", "for", "the", "First", "Circuit", "and", "Islamic", "State", "of", "Iraq",
             "and", "the", "Levant", ",", "not", "the", "Office", "of", "Justice", "and", "the", "FBI"]
    pos = ["DET", "PROPN", "ADP", "PROPN", "ADP", "DET", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "ADP", "PROPN",
           "CCONJ", "DET", "PROPN", "PUNCT", "PART", "DET", "PROPN", "ADP", "PROPN", "CCONJ", "DET", "PROPN"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG",
            "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG"]
    assert corrected(words, pos, ents) == [("the Court of Appeals for the First Circuit", "ORG"),
                                           ("Islamic State of Iraq and the Levant", "ORG"),
                                           ("the Office of Justice", "ORG"), ("FBI", "ORG")]
    # "the Office of International Affairs" + "of the Department of Justice": an organization of its own.
    words = ["the", "Office", "of", "International", "Affairs", "of", "the", "Department", "of", "Justice"]
    pos = ["DET", "PROPN", "ADP", "PROPN", "PROPN", "ADP", "DET", "PROPN", "ADP", "PROPN"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    assert corrected(words, pos, ents) == [("the Office of International Affairs", "ORG"),
                                           ("the Department of Justice", "ORG")]


def test_untagged_organizations():
    # "the chief constable of the West Yorkshire Police" (untagged); "the Department" alone is an anaphor.
    words = ["of", "the", "West", "Yorkshire", "Police", "and", "the", "Department"]
    pos = ["ADP", "DET", "PROPN", "PROPN", "PROPN", "CCONJ", "DET", "PROPN"]
    assert corrected(words, pos, ["O"] * 8) == [("West Yorkshire Police", "ORG")]


def test_whole_known_names():
    # "U.S. Customs" + "and Border Protection's Border Patrol officers"; "U.S." + "Immigration and Customs Enforcement".
    words = ["U.S.", "Customs", "and", "Border", "Protection", "'s", "officers", "and", "U.S.", "Immigration", "and",
             "Customs", "Enforcement", "agents"]
    pos = ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PART", "NOUN", "CCONJ", "PROPN", "PROPN", "CCONJ", "PROPN",
           "PROPN", "NOUN"]
    ents = ["B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "B-ORG", "I-ORG", "O"]
    assert corrected(words, pos, ents) == [("U.S. Customs and Border Protection", "ORG"),
                                           ("U.S. Immigration and Customs Enforcement", "ORG")]


def test_whole_organization_names_of_a_body_posted_in_a_place():
    words = ["with", "Africa", "Union", "Mission", "in", "Somalia", "and", "the", "Union", "Mission", "in", "Kosovo",
             "Police"]
    pos = ["ADP", "PROPN", "PROPN", "PROPN", "ADP", "PROPN", "CCONJ", "DET", "PROPN", "PROPN", "ADP", "PROPN", "PROPN"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O"]
    assert corrected(words, pos, ents) == [("Africa Union Mission in Somalia", "ORG"), ("the Union Mission", "ORG"),
                                           ("Kosovo", "GPE")]


def test_whole_organization_names_end_before_a_known_name():
    # "the Laredo Field Office on Twitter": Twitter is a name of its own.
    words = ["the", "Laredo", "Field", "Office", "on", "Twitter", "today"]
    pos = ["DET", "PROPN", "PROPN", "PROPN", "ADP", "PROPN", "NOUN"]
    assert corrected(words, pos, ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O"]) == [
        ("the Laredo Field Office", "ORG"), ("Twitter", "ORG")]


def test_whole_organization_names():
    words = ["of", "the", "Carnegie", "Foundation", "for", "the", "Advancement", "of", "Teaching", "and", "the",
             "Federation", "of", "State", ",", "County", "and", "Municipal", "Employees", "and", "the", "House",
             "delegation"]
    pos = ["ADP", "DET", "PROPN", "PROPN", "ADP", "DET", "PROPN", "ADP", "PROPN", "CCONJ", "DET", "PROPN", "ADP",
           "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "PROPN", "CCONJ", "DET", "PROPN", "NOUN"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O",
            "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O"]
    spaces = [True] * len(words)
    spaces[13] = False  # "State,"
    assert corrected(words, pos, ents, spaces=spaces) == [
        ("the Carnegie Foundation for the Advancement of Teaching", "ORG"),
        ("Federation of State, County and Municipal Employees", "ORG"), ("House delegation", "ORG")]


def test_whole_organization_names_of_courts_and_offices():
    # The district a court is for, tagged a place, is part of the court's name; so is the country before it.
    words = ["before", "the", "U.S.", "District", "Court", "for", "the", "Southern", "District", "of", "New", "York"]
    pos = ["ADP", "DET", "PROPN", "PROPN", "PROPN", "ADP", "DET", "PROPN", "PROPN", "ADP", "PROPN", "PROPN"]
    ents = ["O", "B-ORG", "I-ORG", "B-ORG", "I-ORG", "O", "B-LOC", "I-LOC", "I-LOC", "O", "B-GPE", "I-GPE"]
    assert corrected(words, pos, ents) == [("the U.S. District Court for the Southern District of New York", "ORG")]
    # The holder of an office names it: "the Calcasieu Parish Sheriff's Office"; a part of an organization does not.
    words = ["to", "the", "Calcasieu", "Parish", "Sheriff", "’s", "Office", "and", "the", "Criminal", "Division", "’s",
             "Office", "of", "Affairs"]
    pos = ["ADP", "DET", "PROPN", "PROPN", "PROPN", "PART", "PROPN", "CCONJ", "DET", "PROPN", "PROPN", "PART",
           "PROPN", "ADP", "PROPN"]
    ents = ["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG"]
    spaces = [True] * 4 + [False] + [True] * 6 + [False, True, True, False]
    assert corrected(words, pos, ents, spaces=spaces) == [
        ("Calcasieu Parish Sheriff’s Office", "ORG"), ("Criminal Division", "ORG"), ("Office of Affairs", "ORG")]


def test_portfolio_words_dropped():
    words = ["Secretary", "of", "State", "Mike", "Pompeo"]
    assert corrected(words, ["PROPN", "ADP", "PROPN", "PROPN", "PROPN"], ["O", "O", "B-ORG", "B-PERSON", "I-PERSON"]) == [
        ("Mike Pompeo", "PERSON")]


def test_office_titles_dropped():
    words = ["and", "National", "Security", "Adviser", "John", "Bolton"]
    assert corrected(words, ["CCONJ", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN"],
                     ["O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON"]) == [("John Bolton", "PERSON")]


def test_consistent_people():
    words = ["Qassem", "Soleimani", "died", ".", "Soleimani", "led"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB"]
    assert corrected(words, pos, ["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O"]) == [
        ("Qassem Soleimani", "PERSON"), ("Soleimani", "PERSON")]


def test_consistent_people_with_a_capital_inside_the_surname():
    words = ["Timothy", "McVeigh", "rented", "it", ".", "McVeigh", "fled"]
    pos = ["PROPN", "PROPN", "VERB", "PRON", "PUNCT", "PROPN", "VERB"]
    assert corrected(words, pos, ["B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "O"]) == [
        ("Timothy McVeigh", "PERSON"), ("McVeigh", "PERSON")]


def test_consistent_people_by_a_lone_surname():
    words = ["Eva", "Forest", "wrote", ".", "Forest", "left"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB"]
    assert corrected(words, pos, ["B-ORG", "I-ORG", "O", "O", "B-PERSON", "O"]) == [
        ("Eva Forest", "PERSON"), ("Forest", "PERSON")]


def test_consistent_people_by_a_surname_with_a_particle_and_a_family_name_written_first():
    words = ["Jean", "-", "Yves", "Le", "Drian", "met", "Hayashi", "Yoshimasa", ".", "Le", "Drian", "and", "Hayashi",
             "spoke"]
    pos = ["PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "CCONJ",
           "PROPN", "VERB"]
    spaces = [False, False, True, True, True, True, True, False, True, True, True, True, True, False]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-ORG",
            "I-ORG", "O", "B-ORG", "O"]
    assert corrected(words, pos, ents, spaces=spaces) == [
        ("Jean-Yves Le Drian", "PERSON"), ("Hayashi Yoshimasa", "PERSON"), ("Le Drian", "PERSON"),
        ("Hayashi", "PERSON")]


def test_consistent_people_not_of_the_place_before_a_title():
    # "Borno state ... Borno Governor Babagana Zulum": the model's person "Borno" is the governor's state.
    words = ["in", "Borno", "state", ".", "Borno", "Governor", "Babagana", "Zulum", "spoke"]
    pos = ["ADP", "PROPN", "NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"]
    ents = ["O", "B-GPE", "O", "O", "B-PERSON", "O", "B-PERSON", "I-PERSON", "O"]
    assert corrected(words, pos, ents) == [("Borno", "GPE"), ("Borno", "GPE"), ("Babagana Zulum", "PERSON")]


def test_people_by_what_is_done_only_to_people():
    words = ["Eva", "Forest", "was", "arrested", "with", "Acme", "Steel"]
    doc = Doc(VOCAB, words=words, pos=["PROPN", "PROPN", "AUX", "VERB", "ADP", "PROPN", "PROPN"],
              heads=[1, 3, 3, 3, 3, 6, 4], deps=["compound", "nsubjpass", "auxpass", "ROOT", "prep", "compound", "pobj"],
              lemmas=["Eva", "Forest", "be", "arrest", "with", "Acme", "Steel"],
              ents=["B-ORG", "I-ORG", "O", "O", "O", "B-ORG", "I-ORG"])
    assert [(e.text, e.label_) for e in entity_corrections(doc).ents] == [("Eva Forest", "PERSON"), ("Acme Steel", "ORG")]


def test_people_by_kin_in_apposition():
    words = ["Eva", "Forest", ",", "wife", "of", "Sastre", ",", "spoke"]
    pos = ["PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "PROPN", "PUNCT", "VERB"]
    assert corrected(words, pos, ["B-ORG", "I-ORG", "O", "O", "O", "B-PERSON", "O", "O"]) == [
        ("Eva Forest", "PERSON"), ("Sastre", "PERSON")]


def test_consistent_types():
    words = ["Acme", "sued", "Acme", "and", "Acme"]
    pos = ["PROPN", "VERB", "PROPN", "CCONJ", "PROPN"]
    assert corrected(words, pos, ["B-ORG", "O", "B-ORG", "O", "B-PERSON"]) == [
        ("Acme", "ORG"), ("Acme", "ORG"), ("Acme", "ORG")]


def test_whole_names():
    words = ["Then", "Antony", "J.", "Blinken", "met", "Jean-Yves", "Le", "Drian", "and", "Kim", "Jae", "-", "kyu"]
    pos = ["ADV", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT",
           "PROPN"]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON",
            "I-PERSON", "I-PERSON"]
    assert corrected(words, pos, ents, spaces=[True] * 10 + [False, False, False]) == [
        ("Antony J. Blinken", "PERSON"), ("Jean-Yves Le Drian", "PERSON"),
        ("Kim Jae-kyu", "PERSON")]
    assert corrected(["Premier", "Liu", "He", "will", "visit"], ["PROPN", "PROPN", "PRON", "AUX", "VERB"],
                     ["O", "B-PERSON", "O", "O", "O"]) == [("Liu He", "PERSON")]


def test_whole_names_join_a_first_name_cut_off():
    words = ["Edwin", "Alexander", "Cruz", "Canas", "was", "charged"]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "AUX", "VERB"]
    assert corrected(words, pos, ["B-PERSON", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O"]) == [
        ("Edwin Alexander Cruz Canas", "PERSON")]


def test_no_name_in_a_number_or_a_plural():
    assert corrected(["the", "499th", "addition"], ["DET", "ADJ", "NOUN"], ["O", "B-ORG", "O"]) == []
    doc = Doc(VOCAB, words=["its", "Member", "States"], pos=["PRON", "PROPN", "PROPN"], tags=["PRP$", "NNP", "NNPS"],
              heads=[0, 0, 0], deps=["ROOT", "dep", "dep"], ents=["O", "O", "B-PERSON"])
    assert [(e.text, e.label_) for e in entity_corrections(doc).ents] == []
    doc = Doc(VOCAB, words=["Groups", "of", "radicals"], pos=["NOUN", "ADP", "NOUN"], tags=["NNS", "IN", "NNS"],
              heads=[0, 0, 1], deps=["ROOT", "prep", "pobj"], ents=["B-ORG", "O", "O"])
    assert [(e.text, e.label_) for e in entity_corrections(doc).ents] == []


def test_possessive_split():
    words = ["the", "Criminal", "Division", "’s", "Office", "of", "International", "Affairs"]
    pos = ["DET", "PROPN", "PROPN", "PART", "PROPN", "ADP", "PROPN", "PROPN"]
    ents = ["B-ORG"] + ["I-ORG"] * 7
    assert corrected(words, pos, ents) == [("the Criminal Division", "ORG"), ("Office of International Affairs", "ORG")]
    # The department alone is no name; a people's possessive is part of a country's.
    assert corrected(words[:1] + words[2:], pos[:1] + pos[2:], ents[:7]) == [("Office of International Affairs", "ORG")]
    words = ["People", "’s", "Republic", "of", "China"]
    assert corrected(words, ["PROPN", "PART", "PROPN", "ADP", "PROPN"], ["B-GPE"] + ["I-GPE"] * 4) == [
        ("People ’s Republic of China", "GPE")]


def test_possessive_split_before_a_country_and_a_role():
    words = ["Amnesty", "International", "'s", "Nigeria", "director", "spoke"]
    pos = ["PROPN", "PROPN", "PART", "PROPN", "NOUN", "VERB"]
    spaces = [True, False, True, True, True, False]
    assert corrected(words, pos, ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"], spaces=spaces) == [
        ("Amnesty International", "ORG"), ("Nigeria", "GPE")]
    # "the Democratic People's Republic of Korea's (DPRK)": no role after it, one name.
    words = ["the", "Democratic", "People", "'s", "Republic", "of", "Korea", "launched"]
    pos = ["DET", "PROPN", "PROPN", "PART", "PROPN", "ADP", "PROPN", "VERB"]
    spaces = [True, True, False, True, True, True, True, False]
    assert corrected(words, pos, ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"], spaces=spaces) == [
        ("Democratic People's Republic of Korea", "GPE")]


def test_field_offices():
    # "Special Agent in Charge, FBI New Orleans"; "ERO Miami Field Office Director" (tagged a person).
    words = ["FBI", "New", "Orleans", "and", "ERO", "Miami", "Field", "Office", "Director", "Moore", "and", "ERO"]
    pos = ["PROPN"] * 3 + ["CCONJ"] + ["PROPN"] * 6 + ["CCONJ", "PROPN"]
    ents = ["B-ORG", "B-GPE", "I-GPE", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "O", "B-ORG"]
    assert corrected(words, pos, ents) == [("FBI New Orleans", "ORG"), ("ERO Miami", "ORG"), ("Moore", "PERSON"),
                                           ("ERO", "ORG")]
    # Not an acronym the document does not tag an organization.
    words = ["near", "USA", "Today", "and", "Boston"]
    assert corrected(words, ["ADP", "PROPN", "PROPN", "CCONJ", "PROPN"], ["O", "B-GPE", "I-GPE", "O", "B-GPE"]) == [
        ("USA Today", "GPE"), ("Boston", "GPE")]


def test_numbered_units():
    # "the 10th Mountain Division": the model tags the ordinal apart; "Marine Aircraft Group 16": the number after.
    words = ["the", "10th", "Mountain", "Division", "and", "Marine", "Aircraft", "Group", "16", "of", "3rd", "MAW"]
    pos = ["DET", "ADJ", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "NUM", "ADP", "ADJ", "PROPN"]
    ents = ["O", "B-ORDINAL", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "B-CARDINAL", "O", "B-ORDINAL", "B-ORG"]
    assert corrected(words, pos, ents) == [("10th Mountain Division", "ORG"), ("Marine Aircraft Group 16", "ORG"),
                                           ("3rd", "ORDINAL"), ("MAW", "ORG")]
    # "3rd MAW" after the document names the "3rd Marine Aircraft Wing"; no year or counted noun after a unit.
    words = ["3rd", "Marine", "Aircraft", "Wing", "and", "3rd", "MAW", "and", "Group", "20", "leaders"]
    pos = ["ADJ", "PROPN", "PROPN", "PROPN", "CCONJ", "ADJ", "PROPN", "CCONJ", "PROPN", "NUM", "NOUN"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORDINAL", "B-ORG", "O", "B-ORG", "B-CARDINAL", "O"]
    assert corrected(words, pos, ents) == [("3rd Marine Aircraft Wing", "ORG"), ("3rd MAW", "ORG"), ("Group", "ORG"),
                                           ("20", "CARDINAL")]


def test_acronym_expansions():
    words = ["to", "the", "Islamic", "State", "of", "Iraq", "and", "al", "-", "Sham", "(", "ISIS", ")"]
    pos = ["ADP", "DET", "PROPN", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PUNCT"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "B-ORG", "O"]
    spaces = [True] * 7 + [False, False, True, False, False, False]
    assert corrected(words, pos, ents, spaces=spaces) == [("the Islamic State of Iraq and al-Sham", "ORG"), ("ISIS", "ORG")]
    # Words that do not spell the acronym are left as they were.
    words = ["the", "Border", "Patrol", "and", "Smith", "(", "ISIS", ")"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "O", "B-ORG", "O"]
    assert corrected(words, ["DET", "PROPN", "PROPN", "CCONJ", "PROPN", "PUNCT", "PROPN", "PUNCT"], ents) == [
        ("the Border Patrol", "ORG"), ("Smith", "PERSON"), ("ISIS", "ORG")]


def test_acronym_expansions_before_a_possessive_and_after_a_country():
    # "U.S. Immigration and Customs Enforcement’s (ICE) officers": the model tagged "Customs Enforcement" alone.
    words = ["with", "U.S.", "Immigration", "and", "Customs", "Enforcement", "’s", "(", "ICE", ")", "officers"]
    pos = ["ADP", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PART", "PUNCT", "PROPN", "PUNCT", "NOUN"]
    ents = ["O", "B-GPE", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    spaces = [True, True, True, True, True, False, True, False, False, True, False]
    assert corrected(words, pos, ents, spaces=spaces) == [("U.S. Immigration and Customs Enforcement", "ORG"),
                                                          ("ICE", "ORG")]


def test_descriptors_and_titles_are_no_part_of_a_name():
    words = ["Fugitive", "Jose", "Garcia", "returned"]
    assert corrected(words, ["NOUN", "PROPN", "PROPN", "VERB"], ["B-PERSON", "I-PERSON", "I-PERSON", "O"]) == [
        ("Jose Garcia", "PERSON")]
    # "U.S. Army Brig. Gen. John Smith": the ranks between the organization and the name are titles.
    words = ["the", "U.S.", "Army", "Brig", ".", "Gen.", "John", "Smith", "said"]
    pos = ["DET", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON", "O"]
    assert corrected(words, pos, ents) == [("the U.S. Army", "ORG"), ("John Smith", "PERSON")]


def test_kinds_of_names_by_their_last_word():
    # An embassy is an organization, not the building; an institution named after a person is no person.
    assert corrected(["the", "Indian", "Embassy"], ["DET", "PROPN", "PROPN"], ["B-FAC", "I-FAC", "I-FAC"]) == [
        ("the Indian Embassy", "ORG")]
    # So is a port of entry, the border service's office there.
    assert corrected(["at", "Roma", "Port", "of", "Entry"], ["ADP", "PROPN", "PROPN", "ADP", "PROPN"],
                     ["O", "B-FAC", "I-FAC", "I-FAC", "I-FAC"]) == [("Roma Port of Entry", "ORG")]
    # The register that publishes laws is typed with them.
    assert corrected(["in", "the", "Federal", "Register"], ["ADP", "DET", "PROPN", "PROPN"],
                     ["O", "B-ORG", "I-ORG", "I-ORG"]) == [("the Federal Register", "LAW")]
    words = ["the", "John", "F.", "Kennedy", "Center", "for", "the", "Performing", "Arts"]
    pos = ["DET", "PROPN", "PROPN", "PROPN", "PROPN", "ADP", "DET", "PROPN", "PROPN"]
    ents = ["O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "B-ORG", "I-ORG"]
    assert corrected(words, pos, ents) == [("John F. Kennedy Center for the Performing Arts", "ORG")]
    words = ["at", "the", "NATO", "Defense", "Ministerial"]
    assert corrected(words, ["ADP", "DET", "PROPN", "PROPN", "PROPN"], ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]) == [
        ("the NATO Defense Ministerial", "EVENT")]


def test_a_ruler_is_a_person_throughout():
    # consistent_people: "the Maduro regime" makes Maduro a person, also where the model tagged him an
    # organization again ("Maduro's attempts"); an organization the gazetteer knows stays one.
    words = ["the", "Maduro", "regime", "and", "in", "Maduro", "'s", "attempts", "and", "the", "Pentagon", "administration"]
    pos = ["DET", "PROPN", "NOUN", "CCONJ", "ADP", "PROPN", "PART", "NOUN", "CCONJ", "DET", "PROPN", "NOUN"]
    ents = ["O", "B-ORG", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "B-ORG", "O"]
    assert corrected(words, pos, ents) == [("Maduro", "PERSON"), ("Maduro", "PERSON"), ("Pentagon", "ORG")]


def test_aircraft_by_their_designation():
    words = ["the", "MQ-9s", "and", "the", "MV-22", "Osprey", "and", "MS-13"]
    pos = ["DET", "PROPN", "CCONJ", "DET", "PROPN", "PROPN", "CCONJ", "PROPN"]
    ents = ["O", "B-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG"]
    assert corrected(words, pos, ents) == [("MQ-9s", "PRODUCT"), ("the MV-22 Osprey", "PRODUCT"), ("MS-13", "ORG")]


def test_a_portfolio_after_a_people_names_no_organization():
    # portfolio_words_dropped: "Indian External Affairs Minister" (tagged an organization before the title).
    words = ["with", "Indian", "External", "Affairs", "Minister", "Subrahmanyam", "Jaishankar"]
    pos = ["ADP", "ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON"]
    assert corrected(words, pos, ents) == [("Indian", "NORP"), ("Subrahmanyam Jaishankar", "PERSON")]


def test_document_words_dropped():
    words = ["WASHINGTON", "(", "Department", "of", "Justice", "Press", "Release", ")"]
    pos = ["PROPN", "PUNCT", "PROPN", "ADP", "PROPN", "PROPN", "PROPN", "PUNCT"]
    ents = ["B-GPE", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    assert corrected(words, pos, ents) == [("WASHINGTON", "GPE"), ("Department of Justice", "ORG")]


def test_a_one_word_law_takes_the_name_before_it():
    # "Executive Order 13692": the model reads a person, "Order", titled "Executive".
    words = ["pursuant", "to", "Executive", "Order", "13692"]
    pos = ["VERB", "ADP", "PROPN", "PROPN", "NUM"]
    assert corrected(words, pos, ["O", "O", "B-PERSON", "I-PERSON", "O"]) == [("Executive Order", "LAW")]
    assert corrected(["Bill", "spoke"], ["PROPN", "VERB"], ["B-PERSON", "O"]) == [("Bill", "PERSON")]


def test_generational_suffixes():
    # The model tags "Jr." as a person of its own after the comma, or leaves it untagged without one.
    words = ["by", "John", "R.", "Lausch", ",", "Jr.", ",", "United", "States", "Attorney"]
    pos = ["ADP", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN"]
    ents = ["O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "O", "O", "O", "O"]
    spaces = [True, True, True, False, True, False, True, True, True, False]
    assert corrected(words, pos, ents, spaces=spaces) == [("John R. Lausch, Jr.", "PERSON"), ("United States", "GPE")]
    words = ["Martin", "Luther", "King", "Jr", "spoke"]
    assert corrected(words, ["PROPN"] * 4 + ["VERB"], ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O"]) == [
        ("Martin Luther King Jr", "PERSON")]


def test_acronym_before_a_title():
    words = ["IAEA", "Director", "Rafael", "Grossi", "and", "ACME", "trucks"]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "NOUN"]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    assert corrected(words, pos, ents) == [("IAEA", "ORG"), ("Rafael Grossi", "PERSON")]


def test_a_title_alone_is_no_person():
    words = ["Chinese", "State", "Councilor", "and", "Foreign", "Minister", "Wang", "Yi"]
    pos = ["ADJ", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "PROPN"]
    ents = ["B-NORP", "O", "B-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON"]
    assert corrected(words, pos, ents) == [("Chinese", "NORP"), ("Wang Yi", "PERSON")]


def test_acronyms():
    words = ["the", "Border", "Patrol", "Police", "(", "BPP", ")", "said", "BPP", "agents"]
    pos = ["DET", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "PROPN", "NOUN"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"]
    assert corrected(words, pos, ents) == [("Border Patrol Police", "ORG"), ("BPP", "ORG"), ("BPP", "ORG")]
    # After the organization's possessive: "Customs Enforcement’s (ICE)".
    words = ["the", "Customs", "Enforcement", "’s", "(", "ICE", ")", "office"]
    pos = ["DET", "PROPN", "PROPN", "PART", "PUNCT", "PROPN", "PUNCT", "NOUN"]
    ents = ["O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    assert corrected(words, pos, ents) == [("Customs Enforcement", "ORG"), ("ICE", "ORG")]


def test_no_name_in_lower_case():
    words = ["He", "graduated", "summa", "cum", "laude", "from", "Yale"]
    pos = ["PRON", "VERB", "ADJ", "ADP", "NOUN", "ADP", "PROPN"]
    assert corrected(words, pos, ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-ORG"]) == [("Yale", "ORG")]
    assert corrected(["the", "kingdom", "said"], ["DET", "NOUN", "VERB"], ["B-GPE", "I-GPE", "O"]) == []


def test_common_acronyms_dropped():
    words = ["weapons", "of", "mass", "destruction", "(", "WMD", ")", "and", "WMD", "and", "Iran", "(", "IR", ")"]
    pos = ["NOUN", "ADP", "NOUN", "NOUN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "PROPN", "CCONJ", "PROPN", "PUNCT",
           "PROPN", "PUNCT"]
    ents = ["O", "O", "O", "O", "O", "B-ORG", "O", "O", "B-ORG", "O", "B-GPE", "O", "B-ORG", "O"]
    assert corrected(words, pos, ents) == [("Iran", "GPE"), ("IR", "ORG")]


def test_designations_dropped():
    words = ["as", "a", "Specially", "Designated", "Global", "Terrorist", "(", "SDGT", ")", "entity", ";", "the", "SDGT",
             "list", "and", "Hamas"]
    pos = ["ADP", "DET", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "NOUN", "PUNCT", "DET", "PROPN",
           "NOUN", "CCONJ", "PROPN"]
    ents = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O", "O", "B-ORG", "O", "O", "B-ORG"]
    assert corrected(words, pos, ents) == [("Hamas", "ORG")]


def test_names_in_capitals():
    words = ["A", "jury", "convicted", "JI", "CHAOQUN", ",", "31", ",", "of", "fraud", "in", "LOS", "ANGELES"]
    pos = ["DET", "NOUN", "VERB", "PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "ADP", "NOUN", "ADP", "PROPN", "PROPN"]
    ents = ["O", "O", "O", "B-ORG", "O", "O", "B-DATE", "O", "O", "O", "O", "B-GPE", "I-GPE"]
    assert corrected(words, pos, ents) == [("JI CHAOQUN", "PERSON"), ("31", "DATE"), ("LOS ANGELES", "GPE")]


def test_a_date_keeps_its_noun():
    assert corrected(["It", "happened", "last", "year"], ["PRON", "VERB", "ADJ", "NOUN"],
                     ["O", "O", "B-DATE", "I-DATE"]) == [("last year", "DATE")]


def test_country_pairs_dropped():
    assert corrected(["strengthening", "U.S.-Georgia", "cooperation", "with", "Georgia", "Power"],
                     ["VERB", "PROPN", "NOUN", "ADP", "PROPN", "PROPN"],
                     ["O", "B-ORG", "O", "O", "B-ORG", "I-ORG"]) == [("Georgia Power", "ORG")]
    # The model may tag "the" with the pair: "reaffirmed the U.S.-Japan Alliance".
    assert corrected(["reaffirmed", "the", "U.S.-Japan", "Alliance"], ["VERB", "DET", "PROPN", "PROPN"],
                     ["O", "B-ORG", "I-ORG", "I-ORG"]) == []


def test_quoted_titles_dropped():
    words = ["E.O.", "“", "Imposing", "Sanctions", "on", "the", "Global", "Drug", "Trade", ",", "”", "the", "Office",
             "of", "Foreign", "Assets", "Control", "said"]
    pos = ["PROPN", "PUNCT", "VERB", "NOUN", "ADP", "DET", "PROPN", "PROPN", "PROPN", "PUNCT", "PUNCT", "DET", "PROPN",
           "ADP", "PROPN", "PROPN", "PROPN", "VERB"]
    ents = ["O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG",
            "I-ORG", "I-ORG", "I-ORG", "O"]
    tags = ["NNP", "``", "VBG", "NNS", "IN", "DT", "NNP", "NNP", "NNP", ",", "''", "DT", "NNP", "IN", "NNP", "NNP",
            "NNP", "VBD"]
    doc = Doc(VOCAB, words=words, pos=pos, tags=tags, ents=ents)
    assert [(e.text, e.label_) for e in entity_corrections(doc).ents] == [
        ("the Office of Foreign Assets Control", "ORG")]
    # The tagger may call the verb form a proper noun.
    tags[2] = "NNP"
    doc = Doc(VOCAB, words=words, pos=pos, tags=tags, ents=ents)
    assert [(e.text, e.label_) for e in entity_corrections(doc).ents] == [
        ("the Office of Foreign Assets Control", "ORG")]


def test_comma_ends_a_name():
    words = ["W.", "Craig", "Fugate", ",", "Administrator", ",", "and", "John", "Lausch", ",", "Jr.", "spoke"]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "PROPN", "PROPN", "PUNCT", "PROPN", "VERB"]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON",
            "I-PERSON", "O"]
    spaces = [True, True, False, True, False, True, True, True, False, True, True, False]
    assert corrected(words, pos, ents, spaces=spaces) == [("W. Craig Fugate", "PERSON"), ("John Lausch, Jr.", "PERSON")]


def test_no_organization_in_a_title():
    words = ["named", "him", "the", "Federal", "Coordinating", "Officer", "of", "the", "Federal", "Reserve", "Board"]
    pos = ["VERB", "PRON", "DET", "PROPN", "PROPN", "PROPN", "ADP", "DET", "PROPN", "PROPN", "PROPN"]
    ents = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    assert corrected(words, pos, ents) == [("the Federal Reserve Board", "ORG")]


def test_whole_names_across_a_hyphen_and_from_a_proper_noun_opening_the_sentence():
    words = ["Minister", "Jean", "-", "Yves", "Le", "Drian", "met", "."]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    spaces = [True, False, False, True, True, True, False, False]
    ents = ["O", "B-PERSON", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O"]
    assert corrected(words, pos, ents, spaces=spaces) == [("Jean-Yves Le Drian", "PERSON")]
    doc = Doc(VOCAB, words=["Ezequiel", "Cardenas", "Guillen", "led"], pos=["PROPN", "PROPN", "PROPN", "VERB"],
              tags=["NNP", "NNP", "NNP", "VBD"], heads=[3, 3, 3, 3], deps=["compound", "compound", "nsubj", "ROOT"],
              ents=["O", "B-PERSON", "I-PERSON", "O"])
    assert [(e.text, e.label_) for e in entity_corrections(doc).ents] == [("Ezequiel Cardenas Guillen", "PERSON")]


def test_people_by_an_age_written_as_a_word():
    words = ["Krystle", "Marie", "Campbell", ",", "a", "29", "-", "year", "-", "old", "native"]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "DET", "NUM", "PUNCT", "NOUN", "PUNCT", "ADJ", "NOUN"]
    spaces = [True, True, False, True, True, False, False, False, False, True, False]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE", "O"]
    assert corrected(words, pos, ents, spaces=spaces) == [("Krystle Marie Campbell", "PERSON"), ("29-year-old", "DATE")]


def test_people_apposed_after_a_role():
    words = ["Nigeria", "'s", "president", ",", "Muhammadu", "Buhari", ",", "spoke"]
    pos = ["PROPN", "PART", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB"]
    ents = ["B-GPE", "O", "O", "O", "B-ORG", "I-ORG", "O", "O"]
    assert corrected(words, pos, ents) == [("Nigeria", "GPE"), ("Muhammadu Buhari", "PERSON")]


def test_a_name_tagged_a_person_as_often_as_not_is_one():
    words = ["Polad", "Omarov", "fled", ".", "Polad", "Omarov", "was", "caught"]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "PROPN", "AUX", "VERB"]
    ents = ["B-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    assert corrected(words, pos, ents) == [("Polad Omarov", "PERSON"), ("Polad Omarov", "PERSON")]


def test_a_place_among_the_organizations_one_leads_is_one():
    words = ["leaders", "of", "the", "Gulf", "Cartel", "and", "Los", "Zetas", "in", "Mexico"]
    doc = Doc(VOCAB, words=words, pos=["NOUN", "ADP", "DET", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "ADP", "PROPN"],
              heads=[0, 0, 4, 4, 1, 4, 7, 4, 0, 8], deps=["ROOT", "prep", "det", "compound", "pobj", "cc", "compound",
                                                         "conj", "prep", "pobj"],
              lemmas=["leader", "of", "the", "Gulf", "Cartel", "and", "Los", "Zetas", "in", "Mexico"],
              ents=["O", "O", "B-FAC", "I-FAC", "I-FAC", "O", "B-GPE", "I-GPE", "O", "B-GPE"])
    assert [(e.text, e.label_) for e in entity_corrections(doc).ents] == [
        ("the Gulf Cartel", "ORG"), ("Los Zetas", "ORG"), ("Mexico", "GPE")]


# ----------------------------------------------------------------------------- page chrome by shape

def chrome_lines(text: str) -> list[str]:
    doc = spacy.blank("en")(text)
    return [span.text for span in page_chrome(doc).spans["kg_chrome"]]


@pytest.mark.parametrize("line", [
    "Xi, Trump Talk Trade Over Dinner",
    "Justice Department Charges Twelve Executives in Fraud Scheme",
])
def test_headline(line):
    assert chrome_lines(f"{line}\n\nThe talks began on Monday.") == [line]


@pytest.mark.parametrize("line", ["News / USA", "Images of Boston Bombing Suspects • Photos"])
def test_breadcrumb(line):
    assert chrome_lines(f"{line}\n\nThe talks began on Monday.") == [line]


@pytest.mark.parametrize("line", ["Photo: Officials meet in Geneva on Monday.", "By Jane Doe, VOA News",
                                  "Officials meet in Geneva. (AP Photo/Evan Vucci)"])
def test_caption_or_credit(line):
    assert chrome_lines(f"{line}\n\nThe talks began on Monday.") == [line]


def test_prose_and_a_lone_line_are_no_chrome():
    assert chrome_lines("Talks began on Monday.\nThe minister said talks went well.") == []
    assert chrome_lines("SECRETARY BLINKEN: Thank you all.\nMR PRICE: Good afternoon.") == []  # speakers
    assert chrome_lines("Oswald Kills Kennedy In Dallas") == []  # a one-line text is its own article


# ----------------------------------------------------------------------------- the real model

def facts(nlp, text: str):
    return extract(nlp(text), Article(id="t", source="t", text=text))


def test_whole_names_on_the_real_model(nlp):
    text = "Secretary of State Antony J. Blinken met French Foreign Minister Jean-Yves Le Drian in Paris on Monday."
    assert {(m.text, m.type) for m in facts(nlp, text).mentions} == {
        ("Antony J. Blinken", "Person"), ("French", "Group"), ("Jean-Yves Le Drian", "Person"), ("Paris", "Place")}


def test_types_that_hold_on_the_real_model(nlp):
    text = ("U.N. envoy for Syria Staffan de Mistura said talks would resume. The sanctions were imposed under "
            "the Arms Export Control Act. The tanker DELTA SOUNION was attacked in the Red Sea.")
    assert {(m.text, m.type) for m in facts(nlp, text).mentions} == {
        ("U.N.", "Organization"), ("Syria", "Place"), ("Staffan de Mistura", "Person"), ("Red Sea", "Place")}


def test_page_chrome_yields_nothing_on_the_real_model(nlp):
    text = ("News / USA\n\nXi, Trump Talk Trade Over Dinner\n\nBy Jane Doe, VOA News\n\n"
            "Photo: Secretary Blinken meets President Biden at the White House.\n\n"
            "U.S. President Donald Trump met Chinese President Xi Jinping in Buenos Aires on Saturday.")
    found = facts(nlp, text)
    assert {(m.text, m.type) for m in found.mentions} == {
        ("U.S.", "Place"), ("Donald Trump", "Person"), ("Chinese", "Group"), ("Xi Jinping", "Person"),
        ("Buenos Aires", "Place")}
    assert {(f.person.text, f.role, f.organization.text) for f in found.roles} == {
        ("Donald Trump", "President", "U.S."), ("Xi Jinping", "President", "Chinese")}


def test_a_place_in_an_address_is_no_person(nlp):
    text = "John A. Smith, 54, of Miami, the former chief executive of Acme Health LLC, directed the scheme."
    assert {(m.text, m.type) for m in facts(nlp, text).mentions} == {
        ("John A. Smith", "Person"), ("Miami", "Place"), ("Acme Health LLC", "Organization")}


def test_trimmed_leaves_the_organization_before_a_title_and_a_name():
    # "Chief Pentagon Spokesperson Jonathan Hoffman": the model's person "Pentagon Spokesperson".
    words = ["Chief", "Pentagon", "Spokesperson", "Jonathan", "Hoffman", "spoke"]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "VERB"]
    assert corrected(words, pos, ["O", "B-PERSON", "I-PERSON", "B-PERSON", "I-PERSON", "O"]) == [
        ("Pentagon", "ORG"), ("Jonathan Hoffman", "PERSON")]


def test_title_makes_a_person_after_a_title_word():
    # "Assistant Attorney General Demers": a rank after a title word is no company's first word.
    words = ["Assistant", "Attorney", "General", "Demers", "spoke"]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "VERB"]
    assert corrected(words, pos, ["O", "O", "B-ORG", "I-ORG", "O"]) == [("Demers", "PERSON")]


def test_place_of_a_district():
    words = ["for", "the", "Eastern", "District", "of", "Virginia", "."]
    pos = ["ADP", "DET", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT"]
    assert corrected(words, pos, ["O", "B-LOC", "I-LOC", "I-LOC", "O", "B-GPE", "O"]) == [
        ("the Eastern District of Virginia", "LOC")]


# ----------------------------------------------------------------------------- each rule is needed

# The test that shows each rule of the components' configurations at work.
RULE_TESTS = {
    ("span_repairs", "trimmed"): test_trimmed_drops_a_title,
    ("span_repairs", "title_between_organizations"): test_title_between_organizations,
    ("span_repairs", "no_name_in_a_number_or_a_plural"): test_no_name_in_a_number_or_a_plural,
    ("span_repairs", "no_name_in_lower_case"): test_no_name_in_lower_case,
    ("span_repairs", "comma_ends_a_name"): test_comma_ends_a_name,
    ("span_repairs", "no_organization_in_a_title"): test_no_organization_in_a_title,
    ("span_repairs", "lowercase_tail_dropped"): test_lowercase_tail_dropped,
    ("span_repairs", "document_words_dropped"): test_document_words_dropped,
    ("span_repairs", "possessive_split"): test_possessive_split,
    ("span_repairs", "country_pairs_dropped"): test_country_pairs_dropped,
    ("span_repairs", "split_at_dash"): test_split_at_dash,
    ("span_repairs", "page_words_dropped"): test_page_words_dropped,
    ("span_repairs", "title_inside_name"): test_title_inside_name,
    ("span_repairs", "title_makes_a_person"): test_title_makes_a_person,
    ("span_repairs", "country_before_name"): test_country_before_name,
    ("span_repairs", "place_of"): test_place_of,
    ("document_rules", "people_by_construction"): test_people_by_construction,
    ("document_rules", "titled_names"): test_titled_names,
    ("document_rules", "services_before_a_rank"): test_services_before_a_rank,
    ("document_rules", "name_kinds"): test_name_kinds_laws_events_vessels,
    ("document_rules", "datelines_are_places"): test_datelines_are_places,
    ("document_rules", "consistent_vessels"): test_consistent_vessels,
    ("document_rules", "named_operations"): test_named_operations,
    ("document_rules", "event_hosts"): test_event_hosts,
    ("document_rules", "gazetteer"): test_gazetteer,
    ("document_rules", "whole_known_names"): test_whole_known_names,
    ("document_rules", "untagged_organizations"): test_untagged_organizations,
    ("document_rules", "whole_organization_names"): test_whole_organization_names,
    ("document_rules", "field_offices"): test_field_offices,
    ("document_rules", "numbered_units"): test_numbered_units,
    ("document_rules", "acronym_expansions"): test_acronym_expansions,
    ("document_rules", "portfolio_words_dropped"): test_portfolio_words_dropped,
    ("document_rules", "consistent_people"): test_consistent_people,
    ("document_rules", "consistent_types"): test_consistent_types,
    ("document_rules", "whole_names"): test_whole_names,
    ("document_rules", "generational_suffixes"): test_generational_suffixes,
    ("document_rules", "acronym_before_a_title"): test_acronym_before_a_title,
    ("document_rules", "acronyms"): test_acronyms,
    ("document_rules", "common_acronyms_dropped"): test_common_acronyms_dropped,
    ("document_rules", "designations_dropped"): test_designations_dropped,
    ("document_rules", "names_in_capitals"): test_names_in_capitals,
    ("document_rules", "quoted_titles_dropped"): test_quoted_titles_dropped,
    ("shapes", "headline"): lambda: test_headline("Xi, Trump Talk Trade Over Dinner"),
    ("shapes", "breadcrumb"): lambda: test_breadcrumb("News / USA"),
    ("shapes", "caption_or_credit"): lambda: test_caption_or_credit("Photo: Officials meet in Geneva on Monday."),
}
FACTORIES = {"span_repairs": "kg_entity_corrections", "document_rules": "kg_entity_corrections",
             "shapes": "kg_page_chrome"}


def test_every_configured_rule_has_a_test():
    configured = {(key, rule) for key, factory in FACTORIES.items()
                  for rule in BLANK.get_factory_meta(factory).default_config[key]}
    assert configured == set(RULE_TESTS)


@pytest.mark.parametrize("key, rule", list(RULE_TESTS), ids=lambda v: v)
def test_a_rule_taken_out_fails_its_test(key, rule, monkeypatch):
    factory = FACTORIES[key]
    rules = [r for r in BLANK.get_factory_meta(factory).default_config[key] if r != rule]
    component = spacy.blank("en").add_pipe(factory, config={key: rules})
    monkeypatch.setattr(sys.modules[__name__], "page_chrome" if factory == "kg_page_chrome" else "entity_corrections",
                        component)
    with pytest.raises(AssertionError):
        RULE_TESTS[key, rule]()


def test_an_unknown_rule_in_a_configuration_is_named():
    with pytest.raises(ValueError, match="unknown document rule 'gazeteer'"):
        spacy.blank("en").add_pipe("kg_entity_corrections", config={"document_rules": ["gazeteer"]})
