"""The spaCy pipeline kg loads: its own components are factories configured by data, saved and loaded with
the model like spaCy's own."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import kg.nlp  # noqa: F401  (registers kg's factories with spaCy)

TEXT = ("Secretary of State Antony J. Blinken met French Foreign Minister Jean-Yves Le Drian in Paris.\n\n"
        "News / USA\n\nThe vice-president spoke later.")
KG_COMPONENTS = ["kg_hyphenated_titles", "kg_compound_titles", "kg_paragraph_sentences", "kg_entity_corrections",
                 "kg_page_chrome"]


def test_kg_components_stand_where_they_act(nlp):
    names = [n for n in nlp.pipe_names if n.startswith("kg_")]
    assert names == KG_COMPONENTS
    assert nlp.pipe_names.index("kg_paragraph_sentences") < nlp.pipe_names.index("parser")
    assert nlp.pipe_names.index("kg_entity_corrections") == nlp.pipe_names.index("ner") + 1


def test_the_pipeline_saved_to_disk_loads_back_with_its_configuration(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.pipe_names == nlp.pipe_names
    for name in KG_COMPONENTS:
        assert loaded.config["components"][name] == nlp.config["components"][name]
    before, after = nlp(TEXT), loaded(TEXT)
    assert [(e.text, e.label_) for e in after.ents] == [(e.text, e.label_) for e in before.ents]
    assert [s.text for s in after.spans["kg_chrome"]] == ["News / USA"]
    assert "vice-president" in [t.text for t in after]


def test_a_configured_component_reads_what_its_configuration_says():
    words = ["Title", "\n\n", "Body", "\n\n\n", "End"]
    blank = spacy.blank("en")
    one_empty_line = blank.add_pipe("kg_paragraph_sentences", name="default")
    two_empty_lines = blank.add_pipe("kg_paragraph_sentences", name="two", config={"newlines": 3})
    starts = [t.is_sent_start for t in one_empty_line(Doc(blank.vocab, words=words, spaces=[False] * 5))]
    assert starts == [True, True, True, True, True]
    starts = [t.is_sent_start for t in two_empty_lines(Doc(blank.vocab, words=words, spaces=[False] * 5))]
    assert starts == [True, None, None, True, True]
