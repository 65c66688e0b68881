"""Bad and odd input through the installed `kg` command (issue 7): refused in one line, or built."""

from __future__ import annotations

import os

import pytest
import rdflib

from conftest import run_kg
from kg.namespace import KG

ARTICLE = ("Iranian Foreign Minister Javad Zarif condemned the strike on Friday. "
           "The United States killed General Qassem Soleimani near Baghdad airport.\n\n"
           "Iraqi Prime Minister Adel Abdul Mahdi said the attack violated the sovereignty of Iraq.\n")


def _one_line_error(result) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.stderr
    return lines[0]


def _make_missing(tmp_path):
    return tmp_path / "no-such-folder"


def _make_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    return tmp_path / "empty"


def _make_random_bytes(tmp_path):
    folder = tmp_path / "random"
    folder.mkdir()
    for name in ("a.txt", "b.html", "c.md", "d.jsonl"):
        (folder / name).write_bytes(os.urandom(4096))
    return folder


def _make_blank_file(tmp_path):
    (tmp_path / "blank.txt").write_text(" \n\n\t \n")
    return tmp_path / "blank.txt"


@pytest.mark.parametrize("make, says", [
    (_make_missing, "no such file or directory"),
    (_make_empty_folder, "no readable articles"),
    (_make_random_bytes, "binary data"),
    (_make_blank_file, "no text"),
])
def test_bad_input_is_refused_in_one_line_and_leaves_no_output(tmp_path, make, says):
    out = tmp_path / "out"
    line = _one_line_error(run_kg("build", make(tmp_path), "-o", out))
    assert says in line
    assert not out.exists()


def test_output_path_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "taken").write_text("not a folder")
    assert "not a folder" in _one_line_error(run_kg("build", tmp_path / "a.txt", "-o", tmp_path / "taken"))


HTML_PAGE = f"""<!DOCTYPE html>
<html><head><title>Strike in Baghdad</title>
<script>var analytics = "Scriptia Quantelbury"; document.write("Scriptia Quantelbury");</script>
<style>body {{ font-family: sans-serif; }}</style></head>
<body>
<nav><a href="/">Navora Home</a> <a href="/world">World</a> Subscribe to Navora Weekly</nav>
<article><h1>Strike in Baghdad</h1>
{"".join(f"<p>{line}</p>" for line in ARTICLE.split(chr(10)) if line)}
<p>Protesters gathered in Tehran on Saturday, and the crowds mourned the general for hours.</p>
</article>
<footer>Copyright Footeria Holdings Ltd. Contact Mr. Wendell Footeridge for licensing.</footer>
</body></html>"""


@pytest.mark.slow
def test_odd_but_valid_input_builds_and_a_bad_file_is_skipped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "latin1.txt").write_bytes(
        "Le président François Hollande a reçu à Paris le Premier ministre québécois, à l'Élysée, "
        "où les deux hommes ont évoqué la coopération économique et culturelle.".encode("latin-1"))
    (corpus / "page.html").write_text(HTML_PAGE)
    (corpus / "quiet.txt").write_text("It rained all day and then it stopped. Nothing else happened.\n")
    (corpus / "broken.txt").write_bytes(os.urandom(2048))
    (corpus / "zarif.md").write_text("# Zarif\n\n" + ARTICLE)

    out = tmp_path / "out"
    result = run_kg("build", corpus, "-o", out, "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "4 articles" in result.stdout
    warnings = result.stderr.splitlines()
    assert len([w for w in warnings if "broken.txt" in w]) == 1
    assert any("latin1.txt is not UTF-8" in w for w in warnings)
    assert any("latin1.txt does not look like English" in w for w in warnings)

    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "François" in turtle  # decoded, not mangled
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    evidence_sources = {str(s) for s in graph.objects(None, KG.source)
                        if (None, KG.document, next(graph.subjects(KG.source, s))) in graph}
    assert "page.html" in evidence_sources  # the page's article text gave facts
    for chrome in ("Scriptia", "Quantelbury", "Navora", "Footeria", "Footeridge", "font-family"):
        assert chrome not in turtle, chrome
    assert "page.html" in turtle and "quiet.txt" in turtle and "broken.txt" not in turtle

    again = tmp_path / "again"
    run_kg("build", corpus, "-o", again, "--jobs", "1", check=True)
    assert (again / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


@pytest.mark.slow
def test_progress_bar_only_on_a_terminal(tmp_path):
    import pty
    import subprocess
    import threading

    from conftest import KG

    (tmp_path / "a.txt").write_text(ARTICLE)
    controller, terminal = pty.openpty()
    seen = bytearray()

    def read_terminal() -> None:  # drain the terminal while kg runs, so its writes never block
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the other end is closed
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=read_terminal, daemon=True)
    reader.start()
    process = subprocess.Popen([str(KG), "build", tmp_path / "a.txt", "-o", tmp_path / "tty"],
                               stdout=subprocess.PIPE, stderr=terminal)
    os.close(terminal)
    stdout, _ = process.communicate(timeout=300)
    reader.join(timeout=30)
    os.close(controller)
    assert process.returncode == 0
    assert b"articles/s" in seen and b"1/1" in seen and b"1 worker" in seen
    assert b"articles/s" not in stdout

    piped = run_kg("build", tmp_path / "a.txt", "-o", tmp_path / "piped", check=True)
    assert "articles/s" not in piped.stderr and "\x1b[" not in piped.stderr


# ----------------------------------------------------------------------------- issue 16


def _documents(out) -> tuple[int, int, int]:
    """How many documents each output of a build describes: graph.ttl, report.json, facts.jsonl."""
    import json

    graph = rdflib.Graph().parse(out / "graph.ttl")
    documents = len(set(graph.subjects(rdflib.RDF.type, KG.Document)))
    report = json.loads((out / "report.json").read_text())["summary"]["documents"]
    facts = json.loads((out / "facts.jsonl").read_text().splitlines()[0])["articles"]
    return documents, report, facts


def _corpus(folder, count: int):
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"doc-{number:03d}.txt").write_text(ARTICLE.replace("Friday", f"day {number}"))
    return folder


def _leftovers(out) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith("."))


@pytest.mark.slow
@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_an_interrupted_build_leaves_the_previous_set_whole_and_no_temporary_file(tmp_path, stop):
    import signal
    import subprocess
    import time

    from conftest import KG

    out = tmp_path / "out"
    run_kg("build", _corpus(tmp_path / "small", 2), "-o", out, "--jobs", "1", check=True)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert _documents(out) == (2, 2, 2)

    big = _corpus(tmp_path / "big", 60)
    process = subprocess.Popen([str(KG), "build", big, "-o", out, "--jobs", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Stop it once it has begun to write its outputs (rendering them takes seconds; writing them, and
    # the interrupt after the first file, is test_an_error_after_the_first_output_leaves_the_old_set).
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if any(out.glob(".kg-staging-*")):
            break
        time.sleep(0.01)
    assert process.poll() is None, "the build ended before it could be interrupted"
    process.send_signal(getattr(signal, stop))
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + getattr(signal, stop)
    assert stderr.strip().splitlines()[-1] == "kg: interrupted" and "Traceback" not in stderr
    assert _leftovers(out) == []
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before

    # Uninterrupted, the new set replaces the old one as a whole.
    run_kg("build", big, "-o", out, "--jobs", "1", check=True)
    assert _documents(out) == (60, 60, 60) and _leftovers(out) == []
    assert all(before[p.name] != p.read_bytes() for p in out.iterdir())


def test_an_error_after_the_first_output_leaves_the_old_set(tmp_path):
    from kg.errors import Interrupted
    from kg.files import output_set

    for name in ("graph.ttl", "report.json"):
        (tmp_path / name).write_text(f"old {name}")
    with pytest.raises(Interrupted):
        with output_set(tmp_path) as stage:
            (stage / "graph.ttl").write_text("new graph.ttl")
            raise Interrupted(15)  # SIGTERM between two files
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {"graph.ttl": "old graph.ttl",
                                                                   "report.json": "old report.json"}


def test_an_unwritable_output_folder_fails_before_the_parse(tmp_path):
    import time

    (tmp_path / "a.txt").write_text(ARTICLE)
    started = time.monotonic()
    line = _one_line_error(run_kg("build", tmp_path / "a.txt", "-o", "/proc/kgout"))
    assert "cannot write to /proc/kgout" in line
    assert time.monotonic() - started < 20  # no model was loaded, nothing was parsed
    (tmp_path / "file").write_text("x")
    assert "is not a folder" in _one_line_error(run_kg("build", tmp_path / "a.txt", "-o", tmp_path / "file" / "out"))


@pytest.mark.slow
def test_an_output_folder_inside_the_input_is_not_read_again(tmp_path):
    corpus = _corpus(tmp_path / "corpus", 2)
    first = run_kg("build", corpus, "-o", corpus / "out", "--jobs", "1", check=True)
    second = run_kg("build", corpus, "-o", corpus / "out", "--jobs", "1", check=True)
    assert first.stdout.splitlines()[-1] == second.stdout.splitlines()[-1]
    assert first.stdout.splitlines()[-1].startswith("2 articles, ")
    # Nor is an older output folder beside it.
    third = run_kg("build", corpus, "-o", corpus / "out2", "--jobs", "1", check=True)
    assert third.stdout.splitlines()[-1] == first.stdout.splitlines()[-1]
    assert "it holds kg's outputs" in third.stderr


@pytest.mark.slow
def test_a_latin1_file_gives_the_person_its_name(tmp_path):
    text = ("José Müller, the mayor of Besançon, met President Emmanuel Macron in Paris on Friday. "
            "Müller said the talks went well.\n")
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    out = tmp_path / "out"
    result = run_kg("build", tmp_path / "latin.txt", "-o", out, "--jobs", "1", check=True)
    assert "latin.txt is not UTF-8; decoded as Latin-1 (ISO-8859-1)" in result.stderr
    graph = rdflib.Graph().parse(out / "graph.ttl")
    people = {str(graph.value(p, rdflib.SKOS.prefLabel)) for p in graph.subjects(rdflib.RDF.type, KG.Person)}
    assert "José Müller" in people


class _NoScan(list):
    """A list of people that refuses to be walked: a lookup per person must not scan them all."""

    def __iter__(self):
        raise AssertionError("scanned every person: quadratic in the article's length")


def test_shared_titles_look_up_partners_without_scanning_every_person(nlp):
    from kg.extract.roles import Title, _shared_titles

    doc = nlp("Bellona members Nils Bemer and Tomas Nilsen visited the plant on Friday.")
    people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    assert [p.text for p in people] == ["Nils Bemer", "Tomas Nilsen"]
    title = Title("member", None, False, 0, 15)
    found = {people[0].start: [title], people[1].start: []}
    assert _shared_titles(people[1], _NoScan(people), found) == [title]
    assert _shared_titles(people[0], _NoScan(people), {people[0].start: [], people[1].start: []}) == []


class _Listener:
    """A loopback TCP listener that must receive nothing: it counts every connection."""

    def __init__(self):
        import socket
        import threading

        self.connections = 0
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"

        def serve():
            while True:
                try:
                    connection, _ = self.socket.accept()
                except OSError:
                    return
                self.connections += 1
                connection.close()

        threading.Thread(target=serve, daemon=True).start()

    def close(self):
        self.socket.close()


def test_a_jsonld_graph_with_a_remote_context_is_refused_without_a_fetch(tmp_path):
    import json

    listener = _Listener()
    try:
        (tmp_path / "remote.jsonld").write_text(json.dumps(
            {"@context": f"{listener.url}/context.jsonld", "@id": "http://example.org/a", "name": "A"}))
        for store in ("memory", "oxigraph"):
            from kg.errors import KgError
            from kg.rdf import load_graph

            with pytest.raises(KgError, match="cannot parse .*remote context"):
                load_graph(tmp_path / "remote.jsonld", store=store)
        for command in (["query", tmp_path / "remote.jsonld", "entities"], ["validate", tmp_path / "remote.jsonld"],
                        ["convert", tmp_path / "remote.jsonld", "-o", tmp_path / "out.ttl"]):
            assert "cannot parse" in _one_line_error(run_kg(*command))
    finally:
        listener.close()
    assert listener.connections == 0


def test_a_service_query_runs_only_when_allowed(seed_build, monkeypatch):
    from kg.errors import KgError
    from kg.query import run_query
    from kg.rdf import load_graph

    listener = _Listener()
    query = f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?s ?p ?o }} }}"
    try:
        for store in ("memory", "oxigraph"):
            with pytest.raises(KgError, match="KG_ALLOW_SERVICE=1"):
                run_query(load_graph(seed_build / "graph.ttl", store=store), query)
        assert "remote SERVICE" in _one_line_error(run_kg("query", seed_build / "graph.ttl", query))
        assert listener.connections == 0
        monkeypatch.setenv("KG_ALLOW_SERVICE", "1")  # explicitly allowed: the query goes out
        with pytest.raises(KgError):
            run_query(load_graph(seed_build / "graph.ttl"), query)
        assert listener.connections >= 1
    finally:
        listener.close()


def test_a_bad_turtle_files_message_is_whole(tmp_path):
    (tmp_path / "junk.ttl").write_text("this is not turtle <<< ;\n")
    line = _one_line_error(run_kg("query", tmp_path / "junk.ttl", "roles"))
    assert "line 1" in line and "not a valid subject" in line


@pytest.fixture(scope="module")
def many(tmp_path_factory, seed_build):
    """The seed graph with one mention count that is not a number."""
    folder = tmp_path_factory.mktemp("many")
    turtle = (seed_build / "graph.ttl").read_text()
    import re

    bad, count = re.subn(r'kg:mentionCount "?\d+"?(\^\^xsd:integer)?', 'kg:mentionCount "many"^^xsd:integer', turtle, count=1)
    assert count == 1
    (folder / "graph.ttl").write_text(bad)
    return folder / "graph.ttl"


@pytest.mark.parametrize("command", [
    ["viz", "{graph}", "-o", "{out}/page.html"], ["analyze", "{graph}", "-o", "{out}"],
    ["path", "{graph}", "Trump", "Soleimani"], ["query", "{graph}", "entities"],
    ["convert", "{graph}", "-o", "{out}/graph.graphml"], ["validate", "{graph}"],
])
def test_a_literal_that_is_not_its_datatype_is_one_line_everywhere(many, tmp_path, command):
    args = [part.format(graph=many, out=tmp_path) for part in command]
    line = _one_line_error(run_kg(*args))
    assert "'many' is not a valid xsd:integer" in line and "mentionCount" in line


def test_the_fast_store_refuses_the_same_literal(many):
    from kg.errors import KgError
    from kg.rdf import load_graph

    with pytest.raises(KgError, match="'many' is not a valid xsd:integer"):
        load_graph(many, store="oxigraph")


def test_a_parameter_ending_in_a_quote_after_a_line_break_binds_on_both_stores(seed_build):
    from kg.query import run_query
    from kg.rdf import load_graph

    value = '\n x\\"'
    for store in ("memory", "oxigraph"):
        result = run_query(load_graph(seed_build / "graph.ttl", store=store), "SELECT ?name WHERE { ?s ?p ?name }",
                           {"name": value})
        assert result.rows == ()  # bound as data: no triple has it, and no syntax error


def test_a_thousand_nested_folders_build(tmp_path):
    deep = tmp_path / "corpus"
    deep.mkdir()
    for _ in range(1100):
        deep = deep / "d"
        deep.mkdir()
    (deep / "a.txt").write_text(ARTICLE)
    try:
        result = run_kg("build", tmp_path / "corpus", "-o", tmp_path / "out", "--jobs", "1")
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert result.stdout.splitlines()[-1].startswith("1 article, ")
    finally:  # pytest's clean-up (shutil.rmtree) recurses
        (deep / "a.txt").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


def test_a_killed_builds_staging_folder_is_removed_by_the_next_build(tmp_path):
    import subprocess

    from kg.files import STAGE_PREFIX, output_set

    dead = subprocess.Popen(["true"])
    dead.wait()
    abandoned = tmp_path / f"{STAGE_PREFIX}{dead.pid}-abcd"
    abandoned.mkdir()
    (abandoned / "graph.ttl").write_text("half")
    running = tmp_path / f"{STAGE_PREFIX}{os.getpid()}-efgh"  # a build that is still at work
    running.mkdir()
    with output_set(tmp_path) as stage:
        (stage / "report.md").write_text("new")
    assert not abandoned.exists() and running.exists()
    assert (tmp_path / "report.md").read_text() == "new"
