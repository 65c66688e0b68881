"""One node per entity for the forms press releases write: a country's government, a command's short
name, an acronym after a possessive, a Spanish name's first surname, a seat of government."""

from __future__ import annotations

from dataclasses import replace

from kg.extract import extract
from kg.ingest import Article
from kg.gazetteer import country_of_form
from kg.resolve import _first_surnames, resolve


def facts_of(nlp, text: str, article_id: str):
    facts = extract(nlp(text), Article(id=article_id, source=article_id, text=text))
    return replace(facts, article=replace(facts.article, text=""))


def test_a_government_or_formal_name_of_a_state_is_the_country():
    assert country_of_form("Federal Government of Somalia").name == "Somalia"
    assert country_of_form("Government of the Islamic Republic of Afghanistan").name == "Afghanistan"
    assert country_of_form("People’s Republic of China").name == "China"
    assert country_of_form("Islamic State of Iraq") is None
    assert country_of_form("Government Accountability Office") is None


def test_a_first_surname_is_the_spanish_full_name():
    assert _first_surnames(["Andres Arias", "Andres Felipe Arias Leiva"], {}) == {
        "Andres Arias": "Andres Felipe Arias Leiva"}
    # Two full names it could be part of: neither.
    assert _first_surnames(["Andres Arias", "Andres Felipe Arias Leiva", "Andres Jose Arias Gomez"], {}) == {}


def test_forms_of_one_entity_are_one_node(nlp):
    text = ("U.S. Central Command conducted a strike in Syria. CENTCOM said no civilians were hurt.\n\n"
            "The Federal Government of Somalia welcomed the strike, Somalia said.\n\n"
            "The case was investigated by Charleston’s Joint Terrorism Task Force. The JTTF thanked the FBI.")
    resolution = resolve([facts_of(nlp, text, "a")])
    names = {(e.type, e.name): set(e.aliases) for e in resolution.entities}
    assert names[("Organization", "U.S. Central Command")] == {"CENTCOM"}
    assert names[("Country", "Somalia")] == {"Federal Government of Somalia"}
    assert names[("Organization", "Charleston’s Joint Terrorism Task Force")] == {"JTTF"}


def test_a_surname_finds_the_full_name_through_the_first_surname(nlp):
    text = ("The United States extradited Andres Felipe Arias Leiva, who served as a minister, to face a "
            "sentence. “Andres Arias’s extradition "
            "is a testament to our treaty,” he said. Arias was convicted in 2014.")
    resolution = resolve([facts_of(nlp, text, "a")])
    people = {e.name: set(e.aliases) for e in resolution.entities if e.type == "Person"}
    assert people == {"Andres Felipe Arias Leiva": {"Andres Arias", "Arias"}}


def test_the_gazetteer_knows_every_sovereign_state_and_its_people():
    """The small states news names ("the Ambassadors to the EU from Greece, Cyprus, and Malta") are countries
    too, by name, alias or demonym; Georgia is not, since the U.S. state shares its name."""
    from kg.gazetteer import countries

    for form, country in [("Malta", "Malta"), ("Maltese", "Malta"), ("Swaziland", "Eswatini"),
                          ("Macedonia", "North Macedonia"), ("Cape Verde", "Cabo Verde"), ("Togolese", "Togo"),
                          ("Luxembourg", "Luxembourg"), ("South Sudanese", "South Sudan")]:
        assert countries()[form.lower()].name == country
    assert "georgia" not in countries()
