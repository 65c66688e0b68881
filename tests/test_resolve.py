"""Entity resolution and the model corrections it relies on, on real text through the real model."""

from __future__ import annotations

from dataclasses import replace

from kg.extract import extract
from kg.ingest import Article
from kg.resolve import resolve

SEED_LIKE = """Accessibility links

Breaking News

Protest against the assassination of Major-General Soleimani in Tehran
Protest against the assassination of Major-General Soleimani in Tehran

The Pentagon confirmed the death of Quds Force Commander General Qassem Soleimani, saying the strike was launched at the direction of U.S. President Donald Trump.

Even before the U.S. Defense Department confirmed the strike on Soleimani, photos were circulating.

Iranian-backed militias in Iraq, as well as Iran's Revolutionary Guards, confirmed the deaths of Soleimani and al-Muhandis, blaming the United States.

Abu Mahdi al-Muhandis, the deputy commander of the Popular Mobilization Forces, also died, Iraqi officials said.

President Trump did not immediately comment. Iran also disrupted naval traffic in the Strait of Hormuz.

Although Iran's Revolutionary Guards Corps [IRGC] and Quds Force are part of the Iranian military, the US blames the IRGC for the deaths.
"""


def facts_of(nlp, text: str, article_id: str):
    facts = extract(nlp(text), Article(id=article_id, source=article_id, text=text))
    # The pipeline drops the text once an article is extracted; resolution must not need it.
    return replace(facts, article=replace(facts.article, text=""))


def test_one_node_per_entity_within_an_article(nlp):
    facts = facts_of(nlp, SEED_LIKE, "seed")
    resolution = resolve([facts])
    by_name = {e.name: e for e in resolution.entities}
    # Titles stripped, surnames linked to the full name.
    assert {"Trump", "Donald Trump"} <= {by_name["Donald Trump"].name, *by_name["Donald Trump"].aliases}
    assert "Soleimani" in by_name["Qassem Soleimani"].aliases
    assert {"al-Muhandis"} <= set(by_name["Abu Mahdi al-Muhandis"].aliases)
    # "U.S." = "US" = "the United States"; a demonym standing for its country.
    assert {"U.S.", "US", "United States"} <= {by_name["United States"].name, *by_name["United States"].aliases}
    assert "Iranian" in by_name["Iran"].aliases
    # An acronym defined in brackets, and the shortened name, are the Corps.
    corps = by_name["IRGC"]  # the form the article uses most names the group
    assert {"Revolutionary Guards Corps", "Revolutionary Guards"} <= set(corps.aliases)
    # Document-level corrections: no person called Hormuz, Soleimani is never a place.
    assert by_name["Strait of Hormuz"].type == "Place"
    assert not any(e.type != "Person" and "Soleimani" in (e.name, *e.aliases) for e in resolution.entities)
    # Every mention of an entity resolves to it.
    for mention in facts.mentions:
        if mention.text in {"Trump", "Donald Trump"}:
            assert resolution.entity_of("seed", mention).name == "Donald Trump"


def test_page_chrome_yields_nothing(nlp):
    doc = nlp(SEED_LIKE)
    chrome = [span.text for span in doc.spans["kg_chrome"]]
    assert chrome[:2] == ["Accessibility links", "Breaking News"]
    assert len(chrome) == 4  # the caption shown twice is chrome, both times
    assert not any(t._.kg_chrome for ent in doc.ents for t in ent)
    facts = facts_of(nlp, SEED_LIKE, "seed")
    chrome_end = SEED_LIKE.index("The Pentagon")
    assert all(m.start >= chrome_end for m in facts.mentions)


def test_across_a_corpus_and_deterministic(nlp):
    first = facts_of(nlp, "U.S. Defense Secretary Mark Esper warned Iran on Tuesday.", "a")
    second = facts_of(nlp, "Esper said the United States was ready to take action.", "b")
    resolution = resolve([first, second])
    esper = [e for e in resolution.entities if e.name == "Mark Esper"]
    assert len(esper) == 1 and esper[0].mentions == 2
    assert next(e for e in resolution.entities if e.name == "United States").mentions == 2
    assert resolve([first, second]) == resolution


def test_titles_are_stripped_only_before_a_name():
    from kg.extract import ArticleFacts, Mention

    article = Article(id="a.txt", source="a.txt", text="")
    names = ["John Major", "Martin Luther King Jr.", "President Trump", "Donald Trump", "King Hussein"]
    mentions = tuple(Mention(name, "Person", 100 * i, 100 * i + len(name)) for i, name in enumerate(names))
    entities = {e.name for e in resolve([ArticleFacts(article, mentions, (), ())]).entities}
    assert entities == {"John Major", "Martin Luther King Jr.", "Donald Trump", "Hussein"}


def test_a_shared_surname_never_merges_two_people(nlp):
    texts = {
        "george": "President George W. Bush visited Texas on Monday. Bush met Governor Rick Perry in Austin.",
        "jeb": "Former Florida Governor Jeb Bush spoke in Miami on Tuesday. Bush criticized the Senate.",
        "bare": "Bush returned to Washington on Wednesday.",
        "trump": "President Trump spoke on Thursday.",
        "donald": "President Donald Trump signed the bill.",
    }
    corpus = [facts_of(nlp, text, article_id) for article_id, text in texts.items()]
    resolution = resolve(corpus)
    people = {e.name: e for e in resolution.entities if e.type == "Person"}
    # Each article's "Bush" is the Bush it names in full; a "Bush" no article explains stays its own entity.
    assert {"George W. Bush", "Jeb Bush", "Bush"} <= set(people)
    for article_id, expected in [("george", "George W. Bush"), ("jeb", "Jeb Bush"), ("bare", "Bush")]:
        facts = next(f for f in corpus if f.article.id == article_id)
        bush = [m for m in facts.mentions if m.text == "Bush"]
        assert bush and {resolution.entity_of(article_id, m).name for m in bush} == {expected}
    # A surname the corpus names in full for one person only is that person, in any article.
    trump = next(m for m in corpus[3].mentions if m.text == "Trump")
    assert resolution.entity_of("trump", trump).name == "Donald Trump"


def test_a_shortened_name_two_organizations_share_never_merges_them(nlp):
    texts = {
        "iran": "The Iranian Foreign Ministry condemned the strike on Monday. The Foreign Ministry also summoned the Swiss ambassador.",
        "russia": "The Russian Foreign Ministry criticized the decision on Tuesday. The Foreign Ministry said Moscow would respond.",
        "bare": "The Foreign Ministry declined to comment.",
    }
    corpus = [facts_of(nlp, text, article_id) for article_id, text in texts.items()]
    resolution = resolve(corpus)
    organizations = {e.name for e in resolution.entities if e.type == "Organization"}
    assert {"Iranian Foreign Ministry", "Russian Foreign Ministry", "Foreign Ministry"} <= organizations
    for facts, expected in zip(corpus, ["Iranian Foreign Ministry", "Russian Foreign Ministry", "Foreign Ministry"]):
        short = [m for m in facts.mentions if m.text.removeprefix("the ").removeprefix("The ") == "Foreign Ministry"]
        assert short and {resolution.entity_of(facts.article.id, m).name for m in short} == {expected}


def test_an_unexplained_short_name_joins_the_person_the_corpus_names_far_more_often(nlp):
    texts = {f"wilkes-{n}": "John Wilkes Booth fled Washington on Friday." for n in range(9)}
    texts |= {"edwin": "Edwin Booth performed in New York.", "bare": "Police said Booth escaped on a horse.",
              "wilson": "President Thomas Woodrow Wilson spoke.", "woodrow": "Woodrow Wilson met Congress."}
    corpus = [facts_of(nlp, text, article_id) for article_id, text in texts.items()]
    resolution = resolve(corpus)
    named = {f.article.id: {resolution.entity_of(f.article.id, m).name for m in f.mentions
                            if m.text in {"Booth", "Woodrow Wilson"}} for f in corpus}
    assert named["bare"] == {"John Wilkes Booth"}  # 9 of the 10 full-name mentions of a Booth
    assert named["woodrow"] == {"Thomas Woodrow Wilson"}  # part of the one longer name the corpus has
    assert "Edwin Booth" in {e.name for e in resolution.entities}


def test_short_forms_join_the_full_name_of_their_article(nlp):
    text = ("Chinese President Xi Jinping met U.N. envoy for Syria Staffan de Mistura on Monday. Xi said the "
            "talks were useful. De Mistura did not comment.\n\nNigerian President Muhammadu Buhari arrived "
            "later. Buhari said little.")
    resolution = resolve([facts_of(nlp, text, "a")])
    people = {e.name: set(e.aliases) for e in resolution.entities if e.type == "Person"}
    assert people == {"Xi Jinping": {"Xi"}, "Staffan de Mistura": {"De Mistura"}, "Muhammadu Buhari": {"Buhari"}}


def test_a_department_is_one_node_however_it_is_written(nlp):
    first = facts_of(nlp, "Secretary of State Antony J. Blinken met the press on Monday.", "a")
    second = facts_of(nlp, "The State Department said the talks would resume.", "b")
    third = facts_of(nlp, "The U.S. Department of State said the talks would resume.", "c")
    resolution = resolve([first, second, third])
    departments = [e for e in resolution.entities if e.type == "Organization"]
    assert [(e.name, e.aliases) for e in departments] == [
        ("Department of State", ("State Department", "U.S. Department of State"))]
    blinken = first.roles[0]
    assert resolution.entity_of("a", blinken.organization).name == "Department of State"
    assert resolution.entity_of("a", blinken.state).name == "United States"


def test_a_department_is_part_of_its_state_in_a_graph_that_validates(nlp):
    from rdflib.namespace import ORG, SKOS

    from kg.rdf import corpus_graph
    from kg.validate import validate

    facts = facts_of(nlp, "Treasury Secretary Steven Mnuchin and Defense Secretary Jim Mattis met on Monday.", "a")
    graph = corpus_graph([facts], resolve([facts]))
    parts = {(str(graph.value(s, SKOS.prefLabel)), str(graph.value(o, SKOS.prefLabel)))
             for s, o in graph.subject_objects(ORG.subOrganizationOf)}
    assert parts == {("Department of the Treasury", "United States"), ("Department of Defense", "United States")}
    assert validate(graph).conforms



def test_a_department_part_of_a_person_fails_validation(nlp):
    from rdflib.namespace import ORG

    from kg.rdf import corpus_graph
    from kg.validate import validate

    facts = facts_of(nlp, "Treasury Secretary Steven Mnuchin met the press on Monday.", "a")
    graph = corpus_graph([facts], resolve([facts]))
    department = next(graph.subjects(ORG.subOrganizationOf, None))
    person = next(s for s in graph.subjects() if "/person/" in str(s))
    graph.add((department, ORG.subOrganizationOf, person))
    assert not validate(graph).conforms


def test_a_surname_two_people_share_is_the_one_named_last_before_it():
    from kg.extract import ArticleFacts, Mention

    article = Article(id="a.txt", source="a.txt", text="")
    names = ["Alan R. Nelson", "Nelson", "Pamela Nelson", "Nelson"]
    mentions = tuple(Mention(name, "Person", 100 * i, 100 * i + len(name)) for i, name in enumerate(names))
    resolution = resolve([ArticleFacts(article, mentions, (), ())])
    assert {e.name for e in resolution.entities} == {"Alan R. Nelson", "Pamela Nelson"}
    assert [resolution.keys[("a.txt", m.start, m.end)] for m in mentions] == [
        "person/alan-r-nelson", "person/alan-r-nelson", "person/pamela-nelson", "person/pamela-nelson"]
    # Before either full name, the surname is nobody's yet.
    first = (Mention("Nelson", "Person", 0, 6), *(Mention(m.text, m.type, m.start + 10, m.end + 10) for m in mentions[:1]),
             Mention("Pamela Nelson", "Person", 500, 513))
    assert {e.name for e in resolve([ArticleFacts(article, first, (), ())]).entities} == {
        "Nelson", "Alan R. Nelson", "Pamela Nelson"}


def test_an_acronym_of_a_name_after_a_country_or_a_unit_number_is_that_name():
    from kg.extract import ArticleFacts, Mention

    article = Article(id="a.txt", source="a.txt", text="")
    names = ["U.S. Customs and Border Protection", "CBP", "3rd Marine Aircraft Wing", "3rd MAW", "2nd MAW",
             "Africa Union Mission in Somalia", "AMISOM"]
    mentions = tuple(Mention(name, "Organization", 100 * i, 100 * i + len(name)) for i, name in enumerate(names))
    assert {e.name: set(e.aliases) for e in resolve([ArticleFacts(article, mentions, (), ())]).entities} == {
        "CBP": {"U.S. Customs and Border Protection"}, "3rd Marine Aircraft Wing": {"3rd MAW"}, "2nd MAW": set(),
        "Africa Union Mission in Somalia": {"AMISOM"}}


def test_an_acronym_after_a_name_is_not_its_when_few_of_the_names_initials_spell_it():
    from kg.extract import ArticleFacts, Mention

    article = Article(id="a.txt", source="a.txt", text="")
    # "... wanted by Rio Grande City Police Department. CBP officers ...", "the Revolutionary Guards Corps [IRGC]"
    mentions = (Mention("Rio Grande City Police Department", "Organization", 0, 33), Mention("CBP", "Organization", 35, 38),
                Mention("Revolutionary Guards Corps", "Organization", 100, 126), Mention("IRGC", "Organization", 128, 132))
    assert {e.name: set(e.aliases) for e in resolve([ArticleFacts(article, mentions, (), ())]).entities} == {
        "Rio Grande City Police Department": set(), "CBP": set(), "Revolutionary Guards Corps": {"IRGC"}}


def test_a_stream_of_facts_resolves_as_the_list_does_and_keeps_no_key_per_mention(tmp_path):
    """A build resolves its facts file in passes, keeping tables of names only; each article's keys are
    worked out again when its graph part is written, and are those of the resolution in memory."""
    import pytest

    from kg.extract import ArticleFacts, Mention
    from kg.pipeline import FactsFile, write_facts

    def article(article_id, names):
        mentions, start = [], 0
        for text, kind in names:
            mentions.append(Mention(text, kind, start, start + len(text)))
            start += len(text) + 10
        return ArticleFacts(Article(id=article_id, source=article_id, text=""), tuple(mentions), (), ())

    # "Foreign Ministry" is Iran's in one article and Russia's in the other: resolved in each alone.
    corpus = [article("a", [("Iranian Foreign Ministry", "Organization"), ("Foreign Ministry", "Organization"),
                            ("Alan Nelson", "Person"), ("Nelson", "Person")]),
              article("b", [("Russian Foreign Ministry", "Organization"), ("Foreign Ministry", "Organization"),
                            ("Nelson", "Person")])]
    write_facts(corpus, "model", tmp_path / "facts.jsonl")
    streamed, in_memory = resolve(FactsFile(tmp_path / "facts.jsonl")), resolve(corpus)
    assert streamed == in_memory
    assert streamed.names.ambiguous == {"Foreign Ministry"}
    assert streamed.keys_in(corpus[1]) == {(0, 24): "organization/russian-foreign-ministry",
                                           (34, 50): "organization/russian-foreign-ministry", (60, 66): "person/alan-nelson"}
    for facts in corpus:
        assert streamed.keys_in(facts) == {(start, end): key for (article_id, start, end), key in in_memory.keys.items()
                                           if article_id == facts.article.id}
    with pytest.raises(ValueError):
        streamed.keys  # noqa: B018 - the stream's resolution holds no key per mention
