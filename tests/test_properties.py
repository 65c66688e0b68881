"""Property-based tests (hypothesis): random text, markup and bytes go through the pipeline without a crash.

One spaCy pipeline is loaded for the session; examples are few and small so the file runs in seconds.
"""

from __future__ import annotations

import json

import pytest
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
    assert all(a.text.strip() and a.id.startswith(("feed.jsonl#", f"{folder.name}/feed.jsonl#")) for a in articles)
    assert len({a.id for a in articles}) == len(articles)  # every record kept, under an id of its own


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n."), max_size=400), st.integers(1, 50))
def test_split_text_pieces_join_back_and_fit(text, limit):
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= limit for piece in pieces) or pieces == [""]


# ----------------------------------------------------------------------------- issue 16: ingest and the facts cache

from hypothesis import assume  # noqa: E402

from kg.extract import ArticleFacts, Evidence, EventFact, Mention, RoleFact  # noqa: E402
from kg.ingest import looks_western, markdown_page  # noqa: E402

# Text with every kind of line break str.splitlines knows, which JSON keeps inside a string.
BREAKS = ["\u2028", "\u2029", "\u0085", "\x1c", "\x1d", "\x1e", "\x0b", "\x0c", "\r"]
record_text = st.lists(st.one_of(st.sampled_from(NEWS_WORDS + BREAKS), st.text(min_size=1, max_size=5)),
                       min_size=1, max_size=20).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(record_text, min_size=1, max_size=6), st.booleans())
def test_every_jsonl_record_with_text_is_kept(tmp_path_factory, texts, ascii_only):
    from kg.ingest import clean_text, iter_articles

    assume(all(clean_text(t).strip() for t in texts))
    folder = tmp_path_factory.mktemp("records")
    lines = [json.dumps({"id": f"r{n}", "text": t}, ensure_ascii=ascii_only) for n, t in enumerate(texts)]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = list(iter_articles([folder]))
    assert [a.id for a in articles] == [f"feed.jsonl#r{n}" for n in range(len(texts))]
    assert [a.text for a in articles] == [clean_text(t) for t in texts]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["day1", "day2", "day1/sub", "x"]), st.sampled_from(["a.txt", "b.md"])),
                min_size=1, max_size=8, unique=True), st.booleans())
def test_ids_are_unique_whatever_the_folders(tmp_path_factory, files, as_separate_inputs):
    from kg.ingest import iter_articles

    root = tmp_path_factory.mktemp("folders")
    for folder, name in files:
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / name).write_text(f"An article in {folder}.")
    inputs = sorted({root / folder.split("/")[0] for folder, _ in files}) if as_separate_inputs else [root]
    articles = list(iter_articles(inputs))
    assert len(articles) == len(files)
    assert len({a.id for a in articles}) == len(articles)


LATIN_LETTERS = "éèêëàâäçñöüßÉÖÜ"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(NEWS_WORDS + [" ", ", ", ". ", "\n"]),
                          st.text(alphabet=LATIN_LETTERS, min_size=1, max_size=2)), min_size=1, max_size=60).map("".join))
def test_western_text_in_latin1_reads_back_as_written(text):
    letters = sum(ch.isalpha() for ch in text)
    accented = sum(ch in LATIN_LETTERS for ch in text)
    assume(accented and letters and accented / letters <= 0.3)
    assert decode(text.encode("latin-1"), "west.txt", warn=lambda message: None) == text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_utf8_always_reads_as_itself(text):
    data = text.encode("utf-8", "surrogatepass")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return  # lone surrogates are not UTF-8
    try:
        assert decode(data, "text.txt", warn=lambda message: None) == text.removeprefix("\ufeff")
    except SkippedFile:
        assert sum(ord(ch) < 32 and ch not in "\t\n\r\f" or ch == "\x7f" for ch in text) > 0.05 * len(data)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_clean_text_is_idempotent_and_leaves_no_control_or_bidi(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in cleaned)
    assert not any(ch in cleaned for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_markdown_front_matter_never_crashes(front, body):
    page = markdown_page(f"---\n{front}\n---\n{body}", "a.md", warn=lambda message: None)
    assert isinstance(page.title, str) and isinstance(page.published, str)
    assert page.text.endswith(body) or page.text.endswith(f"{front}\n---\n{body}")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_looks_western_never_crashes(text):
    assert looks_western(text) in (True, False)


small_text = st.text(max_size=20)
offsets = st.integers(0, 10_000)
mentions = st.builds(Mention, small_text, st.sampled_from(["Person", "Organization", "Place", "Group"]), offsets, offsets)
evidence = st.builds(Evidence, small_text, offsets, offsets, offsets, offsets)
article_facts = st.builds(
    ArticleFacts,
    st.builds(Article, small_text, small_text, st.just(""), small_text, small_text, small_text, small_text),
    st.lists(mentions, max_size=3).map(tuple),
    st.lists(st.builds(RoleFact, mentions, small_text, st.none() | mentions, st.booleans(), evidence), max_size=2).map(tuple),
    st.lists(st.builds(EventFact, mentions, small_text, st.none() | mentions, st.booleans(),
                       st.sampled_from(["asserted", "hypothetical"]), small_text, evidence), max_size=2).map(tuple),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(article_facts, max_size=5), st.data())
def test_the_facts_cache_reads_back_whole_or_refuses_a_cut(tmp_path_factory, facts, data):
    from kg.errors import KgError
    from kg.pipeline import read_facts, write_facts

    path = tmp_path_factory.mktemp("cache") / "facts.jsonl"
    write_facts(facts, "model", path)
    assert read_facts(path).facts == tuple(facts)
    whole = path.read_bytes()
    cut = data.draw(st.integers(0, len(whole) - 1))
    path.write_bytes(whole[:cut])
    with pytest.raises(KgError):
        read_facts(path)


def test_an_empty_cache_cut_before_its_last_newline_is_refused(tmp_path):
    # Hypothesis found it: a cache of no articles is its header alone, and cut by one byte it still parsed.
    from kg.errors import KgError
    from kg.pipeline import read_facts, write_facts

    path = tmp_path / "facts.jsonl"
    write_facts([], "model", path)
    path.write_bytes(path.read_bytes()[:-1])
    with pytest.raises(KgError, match="cut short"):
        read_facts(path)
