"""Reading articles: formats, encodings, bad files."""

from __future__ import annotations

import json

import pytest

from kg.errors import KgError
from kg.ingest import estimate_articles, iter_articles


def test_reads_text_markdown_and_jsonl_in_sorted_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second article.")
    (tmp_path / "a.md").write_text("# A title\n\nFirst article.")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "x1", "title": "T", "text": "Third.", "url": "http://e.org/1", "published": "2020-01-03"})
        + "\n\n" + json.dumps({"id": "x2", "text": "Fourth."}) + "\n")
    articles = list(iter_articles([tmp_path]))
    assert [a.id for a in articles] == ["a.md", "b.txt", "c.jsonl#x1", "c.jsonl#x2"]
    assert articles[0].title == "A title"
    assert articles[2].published == "2020-01-03" and articles[2].source == "c.jsonl:1"


def test_html_keeps_article_text_and_drops_scripts_and_footer(tmp_path):
    body = " ".join(["The minister visited the capital and met the president of the republic."] * 5)
    (tmp_path / "page.html").write_text(
        f"<html><head><title>Visit</title><script>var tracker = 'SCRIPTTEXT';</script></head><body>"
        f"<nav>NAVTEXT home about</nav><article><h1>Visit</h1><p>{body}</p><p>{body}</p></article>"
        f"<footer>FOOTERTEXT copyright</footer></body></html>")
    [article] = iter_articles([tmp_path / "page.html"])
    assert "minister visited" in article.text
    for chrome in ("SCRIPTTEXT", "NAVTEXT", "FOOTERTEXT"):
        assert chrome not in article.text


def test_html_metadata_gives_url_and_date_but_prose_dates_are_not_guessed(tmp_path):
    body = " ".join(["The minister visited the capital on 4 May 2001 and met the president."] * 5)
    (tmp_path / "dated.html").write_text(
        '<html><head><title>Visit | Example News</title>'
        '<meta property="article:published_time" content="2020-01-03T10:00:00Z">'
        '<link rel="canonical" href="https://news.example/a/visit.html"></head>'
        f"<body><article><h1>Minister visits</h1><p>{body}</p></article></body></html>")
    (tmp_path / "undated.html").write_text(f"<html><body><article><p>{body}</p><p>{body}</p></article></body></html>")
    dated, undated = iter_articles([tmp_path])
    assert (dated.url, dated.published) == ("https://news.example/a/visit.html", "2020-01-03")
    assert dated.title == "Minister visits"  # the headline, not the <title> with the site name
    assert (undated.url, undated.published) == ("", "")  # "4 May 2001" in the text is not a publication date


def test_latin1_is_decoded_with_a_warning(tmp_path, caplog):
    (tmp_path / "latin.txt").write_bytes("Le président François Hollande a visité Besançon à l'été.".encode("latin-1"))
    [article] = iter_articles([tmp_path])
    assert "François" in article.text
    assert "not UTF-8" in caplog.text


def test_binary_and_blank_files_are_skipped(tmp_path, caplog):
    (tmp_path / "random.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "blank.txt").write_text("  \n\n ")
    (tmp_path / "good.txt").write_text("A real sentence.")
    assert [a.id for a in iter_articles([tmp_path])] == ["good.txt"]
    assert "random.txt" in caplog.text and "blank.txt" in caplog.text


def test_missing_path_raises():
    with pytest.raises(KgError, match="no such file"):
        list(iter_articles(["/no/such/path"]))


def test_jsonl_lines_without_text_are_skipped_with_a_warning(tmp_path, caplog):
    (tmp_path / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "a", "text": "Iran's president spoke on Friday."}),
        "{not json",
        json.dumps({"id": "b", "text": 42}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "title": None, "text": "Trump spoke too.", "published": 2020}),
    ]) + "\n")
    articles = list(iter_articles([tmp_path]))
    assert [(a.id, a.source, a.published) for a in articles] == [
        ("feed.jsonl#a", "feed.jsonl:1", ""), ("feed.jsonl#7", "feed.jsonl:5", "2020")]
    skipped = [r.getMessage() for r in caplog.records if "skipped" in r.getMessage()]
    assert [m.split(":")[0:2] for m in skipped] == [["skipped feed.jsonl", str(n)] for n in (2, 3, 4)]


def test_utf16_with_a_byte_order_mark_is_text(tmp_path):
    (tmp_path / "wide.txt").write_bytes("President Macron visited Berlin.".encode("utf-16"))
    [article] = iter_articles([tmp_path])
    assert article.text == "President Macron visited Berlin."


def test_control_characters_and_crlf_are_cleaned(tmp_path):
    (tmp_path / "dos.txt").write_bytes(b"First line.\r\nSecond\x07line.\r\n")
    [article] = iter_articles([tmp_path])
    assert article.text == "First line.\nSecond line.\n"


def test_html_blocks_become_paragraphs(tmp_path):
    paragraph = "The minister visited the capital and met the president of the republic. " * 3
    (tmp_path / "page.html").write_text(
        f"<html><body><article><h1>Minister visits</h1><p>{paragraph}</p><p>{paragraph}</p></article></body></html>")
    [article] = iter_articles([tmp_path])
    assert article.text.startswith("Minister visits\n\nThe minister")


def test_non_english_text_is_read_with_a_warning(tmp_path, caplog):
    (tmp_path / "fr.txt").write_text("Le président de la République a annoncé mardi une série de mesures pour "
                                     "soutenir les entreprises touchées par la crise économique.")
    (tmp_path / "en.txt").write_text("The president announced on Tuesday a series of measures to support the "
                                     "companies that were hit by the economic crisis.")
    assert [a.id for a in iter_articles([tmp_path])] == ["en.txt", "fr.txt"]
    warnings = [r.getMessage() for r in caplog.records if "English" in r.getMessage()]
    assert warnings == ["fr.txt does not look like English; the model is English, so few facts will be found"]


def test_nothing_readable_is_one_error_and_no_warnings(tmp_path, caplog):
    (tmp_path / "random.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "blank.md").write_text("\n \n")
    with pytest.raises(KgError, match=r"no readable articles in .*skipped blank.md: no text; skipped random.txt"):
        list(iter_articles([tmp_path]))
    assert "skipped" not in caplog.text  # the error says it, once


def test_a_folder_without_article_files_says_so(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(KgError, match=r"no article files \(.*\.txt"):
        list(iter_articles([tmp_path]))


def test_estimate_counts_jsonl_lines_and_files(tmp_path):
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}')
    (tmp_path / "c.pdf").write_text("ignored")
    assert estimate_articles([tmp_path]) == 4
