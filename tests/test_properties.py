"""Property-based tests (hypothesis): random text, markup and bytes go through the pipeline without a crash.

One spaCy pipeline is loaded for the session; examples are few and small so the file runs in seconds.
"""

from __future__ import annotations

import json

import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.ingest import Article, SkippedFile, clean_text, decode, html_to_text
from kg.pipeline import extract_batch, split_text
from kg.rdf import corpus_graph
from kg.resolve import resolve

BOUNDED = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Words that make spaCy find names, titles and verbs, so that random text gives facts to check.
NEWS_WORDS = [
    "Iranian", "Foreign", "Minister", "Javad", "Zarif", "President", "Donald", "Trump", "the", "United",
    "States", "killed", "General", "Qassem", "Soleimani", "in", "Baghdad", "Iraq", "said", "not", "attacked",
    "former", "Pentagon", "of", "and", "Hezbollah", "leader", "Hassan", "Nasrallah", "condemned", "would",
]
PUNCTUATION = [".", ",", "’s", "'s", "“", "”", "(", ")", "-", "—", ";", ":", "!", "?", "\n", "\n\n", "\t", "  "]
news_like = st.lists(st.sampled_from(NEWS_WORDS + PUNCTUATION), max_size=80).map(" ".join)
any_text = st.text(max_size=300)
texts = st.one_of(news_like, any_text, st.tuples(news_like, any_text).map("".join))


@BOUNDED
@given(texts)
@example("leader Iranian Iranian Iranian Javad \n")  # a title ran past its sentence's last word
def test_random_text_gives_facts_whose_offsets_point_into_it(nlp, text):
    text = clean_text(text)
    [facts] = extract_batch(nlp, [Article("random.txt", "random.txt", text)])
    for mention in facts.mentions:
        assert text[mention.start:mention.end] == mention.text
    for fact in (*facts.roles, *facts.events):
        evidence = fact.evidence
        assert text[evidence.sentence_start:evidence.sentence_end] == evidence.sentence
        assert evidence.sentence_start <= evidence.start <= evidence.end <= evidence.sentence_end
    graph = corpus_graph([facts], resolve([facts]))
    turtle = graph.serialize(format="turtle")
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == len(graph)


TAGS = ["p", "div", "span", "article", "main", "section", "nav", "footer", "header", "aside", "h1", "li", "b"]


@st.composite
def html_pages(draw):
    """A page of random nesting and text, with script and style blocks that must never come through."""
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(TAGS))
        parts.append(f"<{tag}>{draw(texts)}</{tag}>" if draw(st.booleans()) else draw(st.sampled_from(
            [f"<{tag}>", f"</{tag}>", "<br>", "&amp;", "&#x2014;", "<!-- a comment -->", "<"])))
    body = "".join(parts)
    return (f"<html><head><title>{draw(news_like)}</title><script>var marker = 'Zqxscriptmarker';</script>"
            f"<style>.Zqxstylemarker {{ color: red }}</style></head><body>{body}</body></html>")


@BOUNDED
@given(html_pages())
def test_random_markup_never_crashes_and_never_leaks_script_or_style(nlp, page):
    page_text = html_to_text(page)
    title, text = page_text.title, page_text.text
    assert "Zqxscriptmarker" not in text and "Zqxstylemarker" not in text
    extract_batch(nlp, [Article("page.html", "page.html", clean_text(text), title=title)])


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_decode_to_text_or_are_skipped(data):
    try:
        text = decode(data, "random.txt", warn=lambda message: None)
    except SkippedFile:
        return
    assert isinstance(text, str)
    clean_text(text).encode("utf-8")  # always writable as UTF-8


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=40),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                           max_leaves=8)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(
    json_values.map(json.dumps),
    st.fixed_dictionaries({"text": st.text(max_size=60)},
                          optional={"id": json_values, "title": json_values, "url": json_values,
                                    "published": json_values}).map(json.dumps),
    st.text(max_size=40).map(lambda line: line.replace("\n", " ")),
), max_size=8))
def test_random_jsonl_lines_give_articles_or_warnings(tmp_path_factory, lines):
    from kg.errors import KgError
    from kg.ingest import iter_articles

    folder = tmp_path_factory.mktemp("jsonl")
    (folder / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    try:
        articles = list(iter_articles([folder]))
    except KgError as error:
        assert "no readable articles" in str(error)
        return
    assert all(a.text.strip() and a.id.split("/")[-1].startswith("feed.jsonl#") for a in articles)
    assert len({a.id for a in articles}) == len(articles)  # every record kept, under an id of its own


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n."), max_size=400), st.integers(1, 50))
def test_split_text_pieces_join_back_and_fit(text, limit):
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= limit for piece in pieces) or pieces == [""]
