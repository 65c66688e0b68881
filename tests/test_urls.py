"""`kg build` reads its articles from fsspec URLs and publishes its outputs to one (issue 14), on real
files through fsspec's local filesystem, plain (`file://`) and chained (`simplecache::file://`)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import run_kg

ARTICLES = {
    "a.txt": "Iranian Foreign Minister Javad Zarif condemned the strike on Friday.\n",
    "day2/b.txt": "Defense Secretary Mark Esper met Iraqi Prime Minister Adel Abdul-Mahdi in Baghdad.\n",
    ".drafts/c.txt": "Secretary of State Mike Pompeo praised the deal.\n",  # hidden: never read
}
OUTPUTS = ["facts.jsonl", "graph.html", "graph.png", "graph.ttl", "report.json", "report.md"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("urls") / "news"
    for name, text in ARTICLES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_build(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    run_kg("build", corpus, "-o", out, "--jobs", "1", check=True)
    return out


def test_a_build_from_a_url_to_a_url_is_the_local_build(corpus, local_build, tmp_path):
    out = tmp_path / "published"
    result = run_kg("build", corpus.as_uri(), "-o", out.as_uri(), "--jobs", "1", check=True)
    assert result.stdout.splitlines()[:-1] == [f"wrote {out.as_uri()}/{name}" for name in
                                               ("graph.ttl", "graph.html", "report.md", "report.json", "graph.png", "facts.jsonl")]
    assert sorted(p.name for p in out.iterdir()) == OUTPUTS  # no staging folder left behind
    for name in ("graph.ttl", "report.md", "graph.html"):
        assert (out / name).read_bytes() == (local_build / name).read_bytes(), name
    articles = [json.loads(line)["article"] for line in (out / "facts.jsonl").read_text().splitlines()[1:]]
    assert [(a["id"], a["file"]) for a in articles] == [("a.txt", f"{corpus.as_uri()}/a.txt"),
                                                        ("day2/b.txt", f"{corpus.as_uri()}/day2/b.txt")]


def test_a_chained_url_reads_through_its_cache(corpus, local_build, tmp_path):
    out = tmp_path / "out"
    run_kg("build", f"simplecache::{corpus.as_uri()}", "-o", out, "--jobs", "1", check=True)
    assert (out / "graph.ttl").read_bytes() == (local_build / "graph.ttl").read_bytes()


def test_an_update_at_a_url_reads_the_facts_published_there(corpus, local_build, tmp_path):
    out = tmp_path / "out"
    run_kg("build", (corpus / "a.txt").as_uri(), "-o", out.as_uri(), "--jobs", "1", check=True)
    updated = run_kg("build", (corpus / "day2").as_uri(), "-o", out.as_uri(), "--update", "--jobs", "1", check=True)
    assert updated.stdout.splitlines()[-1].startswith("2 articles, ")
    assert sorted(p.name for p in out.iterdir()) == OUTPUTS


def test_a_url_folder_that_holds_a_build_is_not_read_as_articles(corpus, local_build, tmp_path):
    mixed = tmp_path / "mixed"
    (mixed / "news").mkdir(parents=True)
    (mixed / "news" / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    run_kg("build", mixed / "news", "-o", mixed / "built", "--jobs", "1", check=True)  # report.md is no article
    again = run_kg("build", mixed.as_uri(), "-o", tmp_path / "out", "--jobs", "1", check=True)
    assert again.stdout.splitlines()[-1].startswith("1 article, ")


def test_a_failed_build_leaves_the_published_set_as_it_was(corpus, tmp_path):
    out = tmp_path / "out"
    run_kg("build", (corpus / "a.txt").as_uri(), "-o", out.as_uri(), "--jobs", "1", check=True)
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    (tmp_path / "empty").mkdir()
    failed = run_kg("build", (tmp_path / "empty").as_uri(), "-o", out.as_uri(), "--jobs", "1")
    assert failed.returncode == 1 and failed.stderr.startswith("kg: error: no readable articles in ")
    assert {name: (out / name).read_bytes() for name in sorted(p.name for p in out.iterdir())} == before


@pytest.mark.parametrize("args, message", [
    (("foo://news", "-o", "OUT"), "kg: error: cannot open foo://news: Protocol not known: foo"),
    (("file:///no/such/news", "-o", "OUT"), "kg: error: no such file or directory: file:///no/such/news"),
    (("CORPUS", "-o", "file:///proc/kg-out"), "kg: error: cannot write to file:///proc/kg-out: "),
    (("CORPUS", "-o", "file://CORPUS/a.txt"), "kg: error: output path is not a folder: file://CORPUS/a.txt"),
])
def test_a_bad_url_is_one_line(corpus, tmp_path, args, message):
    fill = lambda text: text.replace("CORPUS", str(corpus)).replace("OUT", str(tmp_path / "out"))  # noqa: E731
    result = run_kg("build", *map(fill, args), "--jobs", "1")
    assert result.returncode == 1 and result.stderr.count("\n") <= 2, result.stderr  # the model's line, the error
    assert result.stderr.splitlines()[-1].startswith(fill(message)), result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(importlib.util.find_spec("s3fs") is not None, reason="s3fs is installed here")
def test_a_protocol_whose_package_is_missing_says_which(corpus, tmp_path):
    for args in (("s3://news/2024", "-o", tmp_path / "out"), (corpus, "-o", "s3://news/built")):
        result = run_kg("build", *args, "--jobs", "1")
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stderr.splitlines()[-1].startswith("kg: error: cannot open s3://news/") \
            and "Install s3fs to access S3" in result.stderr
