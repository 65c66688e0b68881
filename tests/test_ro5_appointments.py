"""ro5: the organization that names one of its own to a role, FEMA's coordinating officer, a "final" holder."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract.roles import role_facts

VOCAB = spacy.blank("en").vocab


def facts(doc: Doc) -> set[tuple[str, str, str, bool]]:
    return {(f.person.text, f.role, f.organization.text if f.organization else "", f.former) for f in role_facts(doc)}


def test_the_appointing_organization_employs_the_one_appointed():
    """_appointing_organization: Acme Corp. has appointed John Doe as chief executive."""
    doc = Doc(VOCAB, words=['Acme', 'Corp.', 'has', 'appointed', 'John', 'Doe', 'as', 'chief', 'executive', '.'],
              heads=[1, 3, 3, 3, 5, 3, 3, 8, 6, 3],
              deps=['compound', 'nsubj', 'aux', 'ROOT', 'compound', 'dobj', 'prep', 'amod', 'pobj', 'punct'],
              tags=['NNP', 'NNP', 'VBZ', 'VBN', 'NNP', 'NNP', 'IN', 'JJ', 'NN', '.'],
              pos=['PROPN', 'PROPN', 'AUX', 'VERB', 'PROPN', 'PROPN', 'ADP', 'ADJ', 'NOUN', 'PUNCT'],
              lemmas=['Acme', 'Corp.', 'have', 'appoint', 'John', 'Doe', 'as', 'chief', 'executive', '.'],
              ents=['B-ORG', 'I-ORG', 'O', 'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'O'])
    assert facts(doc) == {("John Doe", "chief executive", "Acme Corp.", False)}


def test_appointments_by_an_organization(nlp):
    cases = {
        "The Red Cross named Maria Lopez its regional director on Monday.":
            {("Maria Lopez", "regional director", "Red Cross", False)},
        "General Motors hired Lisa Chang as chief financial officer last year.":
            {("Lisa Chang", "chief financial officer", "General Motors", False)},
    }
    for text, expected in cases.items():
        assert facts(nlp(text)) == expected, text


def test_a_federal_coordinating_officer_serves_in_fema(nlp):
    text = ("W. Craig Fugate, Administrator, Federal Emergency Management Agency (FEMA), Department of Homeland "
            "Security, named Donald L. Keldsen as the Federal Coordinating Officer for federal recovery operations "
            "in the affected area.")
    assert facts(nlp(text)) == {("W. Craig Fugate", "Administrator", "Federal Emergency Management Agency", False),
                                ("Donald L. Keldsen", "Federal Coordinating Officer",
                                 "Federal Emergency Management Agency", False)}


def test_the_final_holder_of_an_office_held_it_in_the_past(nlp):
    assert facts(nlp("Austin was the final commander of U.S. Forces Iraq.")) == {
        ("Austin", "commander", "U.S. Forces Iraq", True)}
