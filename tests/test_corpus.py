"""Corpus builds (issue 7): many articles, worker processes, the facts cache and `--update`."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_kg
from kg.errors import KgError

sys.path.insert(0, str(ROOT / "bench"))
from corpus import corpus_texts  # noqa: E402


def _write_corpus(folder: Path, count: int, jsonl_from: int | None = None) -> Path:
    """`count` generated articles: .txt files, and from `jsonl_from` on one .jsonl feed."""
    folder.mkdir(parents=True, exist_ok=True)
    feed = []
    for number, text in enumerate(corpus_texts(count=count)):
        if jsonl_from is not None and number >= jsonl_from:
            feed.append(json.dumps({"id": f"wire-{number}", "title": f"Wire {number}", "text": text,
                                    "url": f"https://example.org/{number}", "published": "2020-01-03"}))
        else:
            (folder / f"article-{number:03d}.txt").write_text(text, encoding="utf-8")
    if feed:
        (folder / "wire.jsonl").write_text("\n".join(feed) + "\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_jobs_do_not_change_the_graph(tmp_path):
    corpus = _write_corpus(tmp_path / "corpus", 40, jsonl_from=30)
    one = run_kg("build", corpus, "-o", tmp_path / "one", "--jobs", "1", check=True)
    two = run_kg("build", corpus, "-o", tmp_path / "two", "--jobs", "2", check=True)
    assert one.stdout.splitlines()[-1].startswith("40 articles, ")
    assert one.stdout.splitlines()[-1] == two.stdout.splitlines()[-1]
    for name in ("graph.ttl", "facts.jsonl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert "<text>" not in (tmp_path / "one" / "facts.jsonl").read_text()
    assert '"wire-39"' in (tmp_path / "one" / "graph.ttl").read_text()  # the feed's last line, by its own id
    # A corpus graph (entities merged across articles, a feed's URLs and dates) satisfies the shapes too.
    assert run_kg("validate", tmp_path / "one" / "graph.ttl", check=True).stdout.startswith("conforms: ")


@pytest.mark.slow
def test_update_adds_replaces_and_never_rereads(tmp_path):
    texts = corpus_texts(count=3)
    everything = tmp_path / "everything"
    everything.mkdir()
    for number, text in enumerate(texts):
        (everything / f"a{number}.txt").write_text(text)
    run_kg("build", everything, "-o", tmp_path / "full", "--jobs", "1", check=True)

    # The first two articles, then the third added to them.
    first = tmp_path / "first"
    first.mkdir()
    for name in ("a0.txt", "a1.txt"):
        shutil.copy(everything / name, first / name)
    incremental = tmp_path / "incremental"
    run_kg("build", first, "-o", incremental, "--jobs", "1", check=True)
    shutil.rmtree(first)  # the old articles cannot be read again: the cache must stand for them
    added = run_kg("build", everything / "a2.txt", "-o", incremental, "--update", "--jobs", "1", check=True)
    assert added.stdout.splitlines()[-1].startswith("3 articles, ")
    full_turtle = (tmp_path / "full" / "graph.ttl").read_bytes()
    assert (incremental / "graph.ttl").read_bytes() == full_turtle

    # The same article again changes nothing; a new version of it (the same file) replaces the old one.
    run_kg("build", everything / "a2.txt", "-o", incremental, "--update", "--jobs", "1", check=True)
    assert (incremental / "graph.ttl").read_bytes() == full_turtle
    (everything / "a2.txt").write_text("Iranian Foreign Minister Javad Zarif met Chinese President Xi Jinping in Beijing.")
    replaced = run_kg("build", everything / "a2.txt", "-o", incremental, "--update", "--jobs", "1", check=True)
    assert replaced.stdout.splitlines()[-1].startswith("3 articles, ")
    turtle = (incremental / "graph.ttl").read_text()
    assert "Xi Jinping" in turtle
    lines = (incremental / "facts.jsonl").read_text().splitlines()
    assert json.loads(lines[0])["articles"] == 3 and len(lines) == 4
    assert [json.loads(line)["article"]["id"] for line in lines[1:]] == ["a0.txt", "a1.txt", "a2.txt"]

    # Another day's article of the same name is another article: both are kept, with a warning.
    day2 = tmp_path / "day2"
    day2.mkdir()
    (day2 / "a2.txt").write_text("Chinese President Xi Jinping visited Moscow on Monday.")
    kept = run_kg("build", day2, "-o", incremental, "--update", "--jobs", "1", check=True)
    assert kept.stdout.splitlines()[-1].startswith("4 articles, ")
    [warning] = [line for line in kept.stderr.splitlines() if "both are kept" in line]
    assert str(everything / "a2.txt") in warning and str(day2 / "a2.txt") in warning
    lines = (incremental / "facts.jsonl").read_text().splitlines()
    assert [json.loads(line)["article"]["id"] for line in lines[1:]] == ["a0.txt", "a1.txt", "a2.txt", "day2/a2.txt"]


def test_update_without_a_cache_is_one_line_and_writes_nothing(tmp_path):
    (tmp_path / "a.txt").write_text("Iranian Foreign Minister Javad Zarif spoke.")
    out = tmp_path / "out"
    out.mkdir()
    result = run_kg("build", tmp_path / "a.txt", "-o", out, "--update")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "facts.jsonl" in result.stderr
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("content, says", [
    ("this is not json\n", "is not a kg facts cache"),
    ('{"format": "kg-facts", "version": 0, "schema": "old"}\n', "another version of kg"),
])
def test_a_cache_that_cannot_be_read_is_refused(tmp_path, content, says):
    from kg.pipeline import read_facts

    (tmp_path / "facts.jsonl").write_text(content)
    with pytest.raises(KgError, match=says):
        read_facts(tmp_path / "facts.jsonl")


def test_a_damaged_cache_line_is_refused(tmp_path, nlp):
    from kg.ingest import Article
    from kg.pipeline import extract_batch, read_facts, write_facts

    facts = extract_batch(nlp, [Article("a.txt", "a.txt", "Iranian Foreign Minister Javad Zarif spoke.")])
    write_facts(facts, "model", tmp_path / "facts.jsonl")
    assert read_facts(tmp_path / "facts.jsonl").facts == tuple(facts)
    with (tmp_path / "facts.jsonl").open("a") as stream:
        stream.write('{"article": {"id": 3}}\n')
    with pytest.raises(KgError, match=r"facts.jsonl:3 is damaged"):
        read_facts(tmp_path / "facts.jsonl")


def _cache(tmp_path, nlp, count: int):
    from kg.ingest import Article
    from kg.pipeline import extract_batch, write_facts

    articles = [Article(f"a{n}.txt", f"a{n}.txt", f"Iranian Foreign Minister Javad Zarif spoke {n} times.")
                for n in range(count)]
    write_facts(extract_batch(nlp, articles), "model", tmp_path / "facts.jsonl")
    return tmp_path / "facts.jsonl"


def test_a_cache_cut_at_a_line_boundary_is_refused(tmp_path, nlp):
    from kg.pipeline import read_facts

    path = _cache(tmp_path, nlp, 5)
    assert len(read_facts(path).facts) == 5
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:4]))
    with pytest.raises(KgError, match=r"cut short or altered: its header says 5 articles, it holds 3"):
        read_facts(path)


def test_a_cache_edited_in_place_is_refused(tmp_path, nlp):
    from kg.pipeline import read_facts

    path = _cache(tmp_path, nlp, 2)
    path.write_bytes(path.read_bytes().replace(b"Zarif spoke 1", b"Zarif spoke 9"))
    with pytest.raises(KgError, match=r"do not match the checksum"):
        read_facts(path)


def test_a_long_article_is_parsed_in_pieces_with_true_offsets(nlp, monkeypatch):
    import kg.pipeline
    from kg.ingest import Article

    text = "\n\n".join(corpus_texts(count=4))
    monkeypatch.setattr(kg.pipeline, "LONG_ARTICLE_PIECE", 2000)
    assert len(kg.pipeline.split_text(text, 2000)) >= 4
    [facts] = kg.pipeline.extract_batch(nlp, [Article("long.txt", "long.txt", text)])
    assert len(facts.mentions) > 20 and facts.roles and facts.events
    for mention in facts.mentions:
        assert text[mention.start:mention.end] == mention.text
    for fact in (*facts.roles, *facts.events):
        assert text[fact.evidence.sentence_start:fact.evidence.sentence_end] == fact.evidence.sentence


def test_progress_is_reported_for_every_article(tmp_path):
    from kg.pipeline import build_corpus

    corpus = _write_corpus(tmp_path / "corpus", 3)
    calls = []
    result = build_corpus([corpus], jobs=1, progress=lambda *call: calls.append(call))
    assert calls == [(1, 3, 1), (2, 3, 1), (3, 3, 1)]  # (done, expected, workers)
    assert all(facts.article.text == "" for facts in result.facts)  # texts are not kept


def test_a_long_article_is_extracted_a_piece_at_a_time(nlp, monkeypatch):
    # No Doc of more than a piece exists: extraction's time and memory follow the piece, not the article.
    import kg.pipeline
    from kg.ingest import Article

    text = "\n\n".join(corpus_texts(count=6))
    sizes = []
    extract = kg.pipeline.extract
    monkeypatch.setattr(kg.pipeline, "LONG_ARTICLE_PIECE", 3000)
    monkeypatch.setattr(kg.pipeline, "extract", lambda doc, article, killing=True: sizes.append(len(doc.text))
                        or extract(doc, article, killing))
    [facts] = kg.pipeline.extract_batch(nlp, [Article("long.txt", "long.txt", text)])
    assert len(sizes) >= 4 and max(sizes) <= 3000
    assert facts.roles and facts.events and facts.article.text == text


def test_an_update_made_without_the_killing_inference_says_so(tmp_path):
    (tmp_path / "a.txt").write_text("Jack Ruby shot Lee Harvey Oswald in Dallas.")
    (tmp_path / "b.txt").write_text("Iranian Foreign Minister Javad Zarif met Chinese President Xi Jinping.")
    out = tmp_path / "out"
    run_kg("build", tmp_path / "a.txt", "-o", out, "--jobs", "1", check=True)
    assert json.loads((out / "facts.jsonl").read_text().splitlines()[0])["killing"] is True
    same = run_kg("build", tmp_path / "b.txt", "-o", out, "--update", "--jobs", "1", check=True)
    assert "killing inference" not in same.stderr
    other = run_kg("build", tmp_path / "b.txt", "-o", out, "--update", "--jobs", "1", "--no-killing-inference",
                   check=True)
    [warning] = [line for line in other.stderr.splitlines() if "killing inference" in line]
    assert "extracted with the killing inference, the new articles without it" in warning
    assert json.loads((out / "facts.jsonl").read_text().splitlines()[0])["killing"] is False
