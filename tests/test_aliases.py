"""Aliases: another name the text gives an entity right after its name, and the one entity they make."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract import ArticleFacts, Mention
from kg.extract.aliases import aliases
from kg.ingest import Article
from kg.resolve import resolve

VOCAB = spacy.blank("en").vocab


def pairs(words, ents):
    return [(name.text, alias.text, alias.type) for name, alias in aliases(Doc(VOCAB, words=words, ents=ents))]


def test_a_marker_and_a_list_of_aliases():
    words = ["Mikhail", "Matveev", ",", "aka", "Wazawaka", ",", "aka", "m1x", ",", "and", "aka", "Boriscelcin", ",",
             "30", ",", "was", "charged"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O", "B-ORG", "O", "B-DATE", "O",
            "O", "O"]
    assert pairs(words, ents) == [("Mikhail Matveev", "Wazawaka", "Person"), ("Mikhail Matveev", "m1x", "Person"),
                                  ("Mikhail Matveev", "Boriscelcin", "Person")]


def test_a_quoted_alias_and_a_phrase_marker():
    words = ["Ruben", "Oseguera-Gonzalez", ",", "also", "known", "as", "“", "El", "Menchito", ",", "”", "34", ","]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-DATE", "O"]
    assert pairs(words, ents) == [("Ruben Oseguera-Gonzalez", "El Menchito", "Person")]
    words = ["Iran", "'s", "Revolutionary", "Guards", ",", "known", "as", "the", "IRGC", ","]
    ents = ["B-GPE", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "B-ORG", "O"]
    assert pairs(words, ents) == [("Revolutionary Guards", "IRGC", "Organization")]
    # No marker, no alias: an apposition is no other name.
    assert pairs(["Ruben", "Oseguera", ",", "El", "Menchito"], ["B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG"]) == []


def test_a_noun_of_other_names_and_its_list():
    words = ["Mikhail", "Matveev", ",", "alleged", "to", "use", "the", "online", "monikers", "Wazawaka", ",", "m1x",
             ",", "and", "Uhodiransomwar", ",", "30", ",", "is", "charged"]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * 7 + ["B-ORG", "O", "O", "O", "O", "B-ORG", "O", "B-DATE", "O", "O", "O"]
    assert pairs(words, ents) == [("Mikhail Matveev", "Wazawaka", "Person"), ("Mikhail Matveev", "m1x", "Person"),
                                  ("Mikhail Matveev", "Uhodiransomwar", "Person")]
    # Too far after the name, or after a comma ends the phrase, the noun introduces no list of its names.
    words = ["Matveev", ",", "who", "was", "charged", "today", "in", "Newark", "under", "the", "aliases", "Wazawaka"]
    assert pairs(words, ["B-PERSON"] + ["O"] * 10 + ["B-PERSON"]) == []


def test_an_organization_s_other_names_in_brackets():
    words = ["the", "Constituent", "Assembly", "(", "Asamblea", "Constituyente", "or", "AC", ")", "met"]
    ents = ["O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "B-ORG", "O", "O"]
    assert pairs(words, ents) == [("Constituent Assembly", "Asamblea Constituyente", "Organization")]
    # A place in brackets is where the organization is, not another name of it.
    assert pairs(["Gazprom", "(", "Russia", ")", "said"], ["B-ORG", "O", "B-GPE", "O", "O"]) == []


def test_an_alias_is_one_entity_with_the_name():
    article = Article(id="a.txt", source="a.txt", text="")
    name, alias = Mention("Ruben Oseguera-Gonzalez", "Person", 0, 23), Mention("El Menchito", "Person", 38, 49)
    tagged = Mention("El Menchito", "Organization", 38, 49)  # as the model typed it
    resolution = resolve([ArticleFacts(article, (name, tagged), (), (), aliases=((name, alias),))])
    assert [(e.name, e.type, e.aliases) for e in resolution.entities] == [
        ("Ruben Oseguera-Gonzalez", "Person", ("El Menchito",))]


def test_aliases_on_the_real_model(nlp):
    from kg.extract import extract

    text = "A federal jury convicted Ruben Oseguera-Gonzalez, also known as El Menchito, today of conspiring."
    facts = extract(nlp(text), Article(id="t", source="t", text=text))
    assert [(n.text, a.text, a.type) for n, a in facts.aliases] == [("Ruben Oseguera-Gonzalez", "El Menchito", "Person")]
