"""Reading articles: formats, encodings, bad files."""

from __future__ import annotations

import json

import pytest

from kg.errors import KgError
from kg.ingest import iter_articles


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
