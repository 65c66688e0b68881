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
    # A JSON-lines article's source is its own id (issue 15), not the file and line.
    assert articles[2].published == "2020-01-03" and articles[2].source == "x1"


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
    assert "latin.txt is not UTF-8; decoded as Latin-1 (ISO-8859-1)" in caplog.text


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
        json.dumps({"id": 7, "title": None, "text": "Trump spoke too.", "published": "2020"}),
    ]) + "\n")
    articles = list(iter_articles([tmp_path]))
    assert [(a.id, a.source, a.published) for a in articles] == [
        ("feed.jsonl#a", "a", ""), ("feed.jsonl#7", "7", "2020")]
    skipped = [r.getMessage() for r in caplog.records if "skipped" in r.getMessage()]
    assert [m.split(":")[0:2] for m in skipped] == [["skipped feed.jsonl", str(n)] for n in (2, 3, 4)]


def test_utf16_with_a_byte_order_mark_is_text_with_a_warning(tmp_path, caplog):
    (tmp_path / "wide.txt").write_bytes("President Macron visited Berlin.".encode("utf-16"))
    [article] = iter_articles([tmp_path])
    assert article.text == "President Macron visited Berlin."
    assert "wide.txt is not UTF-8; decoded as UTF-16" in caplog.text


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


# ----------------------------------------------------------------------------- issue 16: every record kept


def test_jsonl_lines_end_at_newline_only(tmp_path):
    # U+2028, U+2029 and U+0085 are valid inside a JSON string; str.splitlines would cut the line there.
    records = [{"id": "a", "text": "Iran’s president spoke\u2028on Friday."},
               {"id": "b", "text": "Trump\u0085spoke too.\u2029Then he left."},
               {"id": "c", "text": "A third record."}]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                                         encoding="utf-8")
    articles = list(iter_articles([tmp_path]))
    assert [a.id for a in articles] == ["feed.jsonl#a", "feed.jsonl#b", "feed.jsonl#c"]
    assert estimate_articles([tmp_path]) == 3


def test_same_named_files_of_two_folders_are_both_kept(tmp_path, caplog):
    for day in ("day1", "day2"):
        (tmp_path / day).mkdir()
        (tmp_path / day / "article1.txt").write_text(f"An article of {day}.")
    articles = list(iter_articles([tmp_path / "day1", tmp_path / "day2"]))
    assert [(a.id, a.text) for a in articles] == [("article1.txt", "An article of day1."),
                                                 ("day2/article1.txt", "An article of day2.")]
    [warning] = [r.getMessage() for r in caplog.records if "both are kept" in r.getMessage()]
    assert str(tmp_path / "day1" / "article1.txt") in warning and str(tmp_path / "day2" / "article1.txt") in warning


def test_an_update_tells_a_new_version_from_a_namesake(tmp_path, caplog):
    (tmp_path / "day2").mkdir()
    (tmp_path / "day2" / "a.txt").write_text("Day two.")
    same = {"a.txt": str((tmp_path / "day2" / "a.txt").resolve())}
    assert [a.id for a in iter_articles([tmp_path / "day2"], taken=same)] == ["a.txt"]  # a new version
    other = {"a.txt": "/elsewhere/day1/a.txt"}
    assert [a.id for a in iter_articles([tmp_path / "day2"], taken=other)] == ["day2/a.txt"]
    assert "/elsewhere/day1/a.txt" in caplog.text
    # Updated again, the namesake is a new version of itself, not a third article.
    both = {**other, "day2/a.txt": same["a.txt"]}
    assert [a.id for a in iter_articles([tmp_path / "day2"], taken=both)] == ["day2/a.txt"]


def test_duplicate_ids_in_one_feed_are_both_kept(tmp_path):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "x", "text": "One."}) + "\n"
                                         + json.dumps({"id": "x", "text": "Two."}) + "\n")
    assert [a.id for a in iter_articles([tmp_path])] == ["feed.jsonl#x", f"{tmp_path.name}/feed.jsonl#x"]


def test_a_kg_output_folder_inside_the_input_is_never_read(tmp_path, caplog):
    (tmp_path / "a.txt").write_text("An article.")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "report.md").write_text("# Report\n\nEvents everywhere.")
    (tmp_path / "out" / "facts.jsonl").write_text('{"articles": 1, "format": "kg-facts", "version": 2}\n')
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "b.md").write_text("Mine.")
    assert [a.id for a in iter_articles([tmp_path])] == ["a.txt", "mine/b.md"]
    assert "it holds kg's outputs" in caplog.text
    assert [a.id for a in iter_articles([tmp_path], exclude=[tmp_path / "mine"])] == ["a.txt"]


def test_a_thousand_nested_folders_are_walked(tmp_path):
    deep = tmp_path
    for _ in range(1100):  # one by one: Path.mkdir(parents=True) itself recurses
        deep = deep / "d"
        deep.mkdir()
    (deep / "a.txt").write_text("Deep down.")
    (tmp_path / "b.txt").write_text("Up here.")
    try:
        assert [a.text for a in iter_articles([tmp_path])] == ["Up here.", "Deep down."]
    finally:  # pytest's clean-up (shutil.rmtree) recurses too
        (deep / "a.txt").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


def test_folders_are_walked_in_sorted_path_order(tmp_path):
    for name in ("a/x.txt", "a.txt", "a-b/y.txt", "b/c/z.md", "b/a.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    expected = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert [a.id for a in iter_articles([tmp_path])] == expected


# ----------------------------------------------------------------------------- issue 16: text read right


@pytest.mark.parametrize("encoding, name", [("latin-1", "Latin-1 (ISO-8859-1)"), ("cp1252", "Windows-1252")])
def test_western_text_is_read_as_latin1_or_windows1252(tmp_path, caplog, encoding, name):
    text = "“José Müller”, the mayor, met Zoë Ångström in Besançon."
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"')
    (tmp_path / "west.txt").write_bytes(text.encode(encoding))
    [article] = iter_articles([tmp_path])
    assert article.text == text
    assert f"west.txt is not UTF-8; decoded as {name}" in caplog.text


def test_utf8_mixed_with_latin1_keeps_both(tmp_path, caplog):
    (tmp_path / "mix.txt").write_bytes("The mayor of Kraków".encode() + " met José Müller.".encode("latin-1"))
    [article] = iter_articles([tmp_path])
    assert article.text == "The mayor of Kraków met José Müller."
    assert "UTF-8 with some Windows-1252 / Latin-1" in caplog.text


def test_other_code_pages_are_still_detected(tmp_path, caplog):
    russian = ("Президент России Владимир Путин провёл в пятницу переговоры с министром иностранных дел "
               "Ирана в Москве, сообщили в Кремле. Стороны обсудили ситуацию на Ближнем Востоке.")
    (tmp_path / "ru.txt").write_bytes(russian.encode("cp1251"))
    [article] = iter_articles([tmp_path])
    assert article.text == russian
    assert "decoded as cp1251" in caplog.text


@pytest.mark.parametrize("where", [10, 5000])
def test_a_nul_byte_is_a_space_wherever_it_is(tmp_path, where):
    text = ("The minister spoke. " * 400).encode()
    (tmp_path / "nul.txt").write_bytes(text[:where] + b"\x00" + text[where + 1:])
    [article] = iter_articles([tmp_path])
    assert article.text == text[:where].decode() + " " + text[where + 1:].decode()


def test_json_fields_of_the_wrong_type_are_a_warning_for_that_record(tmp_path, caplog):
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": ["x"], "title": {"a": 1}, "text": "One.", "url": 5, "published": "not a date"},
        {"id": "ok", "title": "Fine", "text": "Two.", "published": "3 January 2020"},
    ]) + "\n")
    first, second = iter_articles([tmp_path])
    assert (first.id, first.title, first.url, first.published) == ("c.jsonl#1", "", "", "")
    assert (second.id, second.title, second.published) == ("c.jsonl#ok", "Fine", "2020-01-03")
    messages = [r.getMessage() for r in caplog.records]
    assert "c.jsonl:1: its 'id' is a list, not text; ignored" in messages
    assert "c.jsonl:1: its 'title' is an object, not text; ignored" in messages
    assert "c.jsonl:1: its 'url' is a number, not text; ignored" in messages
    assert "c.jsonl:1: its 'published' value 'not a date' is not a date; ignored" in messages
    assert not any("c.jsonl:2" in m for m in messages)


def test_markdown_front_matter_is_metadata_not_text(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: \"Talks in Doha\"\ndate: 2020-01-03\nurl: https://e.org/doha\n"
                                   "tags: [a, b]\n---\n\nThe talks began on Friday.\n")
    (tmp_path / "b.md").write_text("---\n: not: yaml: [\n---\nBody.\n")
    first, second = iter_articles([tmp_path])
    assert (first.title, first.published, first.url) == ("Talks in Doha", "2020-01-03", "https://e.org/doha")
    assert first.text == "\nThe talks began on Friday.\n"
    assert second.text == "Body.\n"


def test_bidi_controls_are_stripped(tmp_path):
    (tmp_path / "a.txt").write_text("Minister Ali\u202e Reza\u202c met \u2066Javad\u2069 Zarif\u200f.")
    [article] = iter_articles([tmp_path])
    assert article.text == "Minister Ali Reza met Javad Zarif."
