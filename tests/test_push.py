"""`kg push` into a real Oxigraph server that the tests start on loopback and stop (issue 4)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from conftest import run_kg

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
DOCUMENT = "https://w3id.org/kg-news/id/document/voa-soleimani.txt"
ENTITIES = "https://w3id.org/kg-news/id/graph/entities"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(tmp_path, *options: str):
    """A fresh `oxigraph serve` on a free loopback port; yields its base URL and stops it after."""
    port = free_port()
    process = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path / "store"),
                                "--bind", f"127.0.0.1:{port}", *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"oxigraph serve exited: {process.stderr.read().decode()}")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture()
def server(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the push journal
    yield from _serve(tmp_path)


@pytest.fixture()
def union_server(tmp_path, monkeypatch):
    """`oxigraph serve --union-default-graph`, as the README sets it up."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    yield from _serve(tmp_path, "--union-default-graph")


def sparql(base: str, query: str, accept: str) -> bytes:
    request = urllib.request.Request(base + "/query?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def server_triples(base: str, where: str = "GRAPH ?g { ?s ?p ?o }") -> rdflib.Graph:
    data = sparql(base, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}", "application/n-triples")
    return rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")


def graph_names(base: str) -> set[str]:
    rows = sparql(base, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "text/csv").decode().splitlines()
    return set(rows[1:])


def test_push_puts_every_triple_in_one_graph_per_document(seed_build, server):
    graph = rdflib.Graph().parse(seed_build / "graph.ttl")
    result = run_kg("push", seed_build / "graph.ttl", "--endpoint", server + "/store", check=True)
    assert f"pushed {len(graph)} triples in 2 graphs" in result.stdout and "graph store" in result.stdout
    assert isomorphic(server_triples(server), graph)
    assert graph_names(server) == {DOCUMENT, ENTITIES}
    # The document's graph holds its facts and evidence; the entities' graph none of them.
    assert len(server_triples(server, f"GRAPH <{ENTITIES}> {{ ?s a <https://w3id.org/kg-news/ontology#Event> . ?s ?p ?o }}")) == 0
    assert len(server_triples(server, f"GRAPH <{DOCUMENT}> {{ ?s a <https://w3id.org/kg-news/ontology#Event> . ?s ?p ?o }}")) > 100


def test_push_again_replaces_rather_than_duplicates(seed_build, server):
    run_kg("push", seed_build / "graph.ttl", "--endpoint", server + "/store", check=True)
    first = sparql(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "text/csv")
    run_kg("push", seed_build / "graph.ttl", "--endpoint", server + "/store", check=True)
    assert sparql(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "text/csv") == first


def test_push_into_one_named_graph_through_sparql_update(seed_build, server):
    graph = rdflib.Graph().parse(seed_build / "graph.ttl")
    result = run_kg("push", seed_build / "graph.ttl", "--endpoint", server + "/update",
                    "--graph", "http://example.org/news", check=True)
    assert "SPARQL update" in result.stdout
    assert graph_names(server) == {"http://example.org/news"}
    assert isomorphic(server_triples(server, "GRAPH <http://example.org/news> { ?s ?p ?o }"), graph)


def test_push_to_a_server_that_is_down_is_one_line(seed_build):
    result = run_kg("push", seed_build / "graph.ttl", "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "cannot reach" in result.stderr


def test_push_refused_by_the_server_is_one_line(seed_build, server, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    # The query endpoint takes neither graphs nor updates: the server's refusal is the message.
    result = run_kg("push", seed_build / "graph.ttl", "--endpoint", server + "/query")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "refused the graph: HTTP 415" in result.stderr and "Traceback" not in result.stderr


def test_push_rejects_a_bad_endpoint(seed_build):
    result = run_kg("push", seed_build / "graph.ttl", "--endpoint", "localhost:7878")
    assert result.returncode == 1 and "http://" in result.stderr


# ----------------------------------------------------------------------------- issue 16

SHARED = "Iranian Foreign Minister Javad Zarif condemned the strike on Friday."
ARTICLES = {
    "iran.txt": f"{SHARED} Iraqi Prime Minister Adel Abdul Mahdi said the attack violated the sovereignty of Iraq.\n",
    "talks.txt": f"{SHARED} Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Moscow.\n",
    "more.txt": f"{SHARED} The United States killed General Qassem Soleimani near Baghdad airport on Friday.\n",
}


def build_shared(folder: Path) -> Path:
    """Build `ARTICLES` from `folder`/in into `folder`/out; returns the output folder."""
    for name, text in ARTICLES.items():
        (folder / "in" / name).parent.mkdir(exist_ok=True)
        (folder / "in" / name).write_text(text)
    run_kg("build", folder / "in", "-o", folder / "out", "--jobs", "1", check=True)
    return folder / "out"


@pytest.fixture(scope="module")
def shared_build(tmp_path_factory):
    """Three articles that state one fact (Zarif's role) each: the fact is shared, its evidence is not."""
    return build_shared(tmp_path_factory.mktemp("shared")) / "graph.ttl"


def server_rows(base: str, query: str) -> list[tuple[str, ...]]:
    import json

    answer = json.loads(sparql(base, query, "application/sparql-results+json"))
    columns = answer["head"]["vars"]
    return sorted(tuple(row.get(c, {}).get("value", "") for c in columns) for row in answer["results"]["bindings"])


def test_every_bundled_query_gives_the_files_rows_from_a_union_default_graph(shared_build, union_server):
    from kg.query import bundled_queries, run_query
    from kg.rdf import load_graph

    run_kg("push", shared_build, "--endpoint", union_server + "/store", check=True)
    local = load_graph(shared_build)
    assert len(run_query(local, "roles").rows) >= 3  # Zarif's role, once per article that states it
    for name, bundled in bundled_queries().items():
        expected = sorted(run_query(local, name).rows)
        assert server_rows(union_server, bundled.text) == expected, name


def test_trig_export_holds_each_triple_once(shared_build, tmp_path):
    run_kg("convert", shared_build, "-o", tmp_path / "graph.nq", check=True)
    triples = [line.rsplit(" ", 2)[0] for line in (tmp_path / "graph.nq").read_text().splitlines()]
    assert len(triples) == len(set(triples)) == len(rdflib.Graph().parse(shared_build))


def test_a_second_build_never_strips_the_first_builds_labels(tmp_path, union_server):
    for name, text in (("a", ARTICLES["iran.txt"]), ("b", ARTICLES["talks.txt"])):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(text)
        run_kg("build", tmp_path / name, "-o", tmp_path / f"out-{name}", "--jobs", "1", check=True)
    first = rdflib.Graph().parse(tmp_path / "out-a" / "graph.ttl")
    run_kg("push", tmp_path / "out-a" / "graph.ttl", "--endpoint", union_server + "/store", check=True)
    run_kg("push", tmp_path / "out-b" / "graph.ttl", "--endpoint", union_server + "/store", check=True)
    on_server = server_triples(union_server)
    SKOS_PREF = rdflib.SKOS.prefLabel
    for entity, label in first.subject_objects(SKOS_PREF):
        assert (entity, SKOS_PREF, label) in on_server, label
    assert server_rows(union_server, "SELECT ?s WHERE { ?s a <https://w3id.org/kg-news/ontology#Document> }") == [
        ("https://w3id.org/kg-news/id/document/a.txt",), ("https://w3id.org/kg-news/id/document/b.txt",)]


def test_push_to_an_oxigraph_base_url_finds_its_store(seed_build, server):
    result = run_kg("push", seed_build / "graph.ttl", "--endpoint", server, check=True)
    assert f"to {server}/store (graph store); the server holds them all" in result.stdout
    assert graph_names(server) == {DOCUMENT, ENTITIES}


@pytest.mark.parametrize("args, says", [
    (["--endpoint", "http://127.0.0.1:abc/store"], "bad endpoint"),
    (["--endpoint", "http://127.0.0.1:7878/my store"], "no spaces"),
    (["--endpoint", "http://[::1/store"], "bad endpoint"),
    (["--endpoint", "http://127.0.0.1:9/store", "--graph", "not an iri"], "bad --graph IRI"),
    (["--endpoint", "http://127.0.0.1:9/store", "--graph", "relative/name"], "absolute"),
])
def test_bad_urls_and_iris_are_one_line(seed_build, args, says):
    result = run_kg("push", seed_build / "graph.ttl", *args)
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and says in result.stderr and "Traceback" not in result.stderr


# A server of kg's own making, for the faults a real one does not show on demand.
class _FaultyStore:
    """A Graph Store on loopback that can refuse the Nth PUT, lose what it is sent, or misbehave."""

    def __init__(self, refuse_put: int | None = None, keep: bool = True, raw: bytes | None = None, drip: bool = False,
                 port: int = 0, graphs: dict[str, int] | None = None):
        import http.server
        import threading

        self.puts: list[str] = []
        self.graphs: dict[str, int] = {} if graphs is None else graphs  # graph name → triples held
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _raw(self) -> bool:
                if raw is not None:
                    self.wfile.write(raw)
                    self.wfile.flush()
                    self.close_connection = True
                    return True
                if drip:
                    self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                    for _ in range(600):
                        self.wfile.write(b"X")
                        self.wfile.flush()
                        time.sleep(0.5)
                    return True
                return False

            def _answer(self, status: int, body: bytes = b"") -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_HEAD(self):
                if not self._raw():
                    self._answer(200)

            def do_GET(self):
                if self._raw():
                    return
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                if self.path.startswith("/query"):
                    import json

                    names = __import__("re").findall(r"<([^>]+)>", query["query"][0])
                    rows = [{"g": {"type": "uri", "value": n}, "n": {"type": "literal", "value": str(outer.graphs[n])}}
                            for n in names if n in outer.graphs]
                    self._answer(200, json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": rows}}).encode())
                else:
                    self._answer(404)

            def do_PUT(self):
                if self._raw():
                    return
                body = self.rfile.read(int(self.headers["Content-Length"]))
                name = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0]
                outer.puts.append(name)
                if refuse_put is not None and len(outer.puts) == refuse_put:
                    self._answer(500, b"disk full")
                    return
                if keep:
                    outer.graphs[name] = body.count(b"\n")
                self._answer(201)

        class Server(http.server.ThreadingHTTPServer):
            allow_reuse_address = True
            daemon_threads = True

            def handle_error(self, request, client_address):  # a client that hung up on a drip: expected
                pass

        self.httpd = Server(("127.0.0.1", port), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_a_push_refused_midway_says_what_landed_and_a_rerun_sends_the_rest(shared_build, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    refusing = _FaultyStore(refuse_put=3)
    try:
        result = run_kg("push", shared_build, "--endpoint", refusing.base + "/store")
    finally:
        refusing.close()
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert "HTTP 500" in result.stderr and "disk full" in result.stderr
    assert "graph 3 of 4" in result.stderr and "landed: 2 of 4 graphs, the entities graph first" in result.stderr
    assert refusing.puts[0] == ENTITIES  # the shared entities first, so every document that lands finds them

    accepting = _FaultyStore(port=refusing.httpd.server_address[1], graphs=refusing.graphs)  # back on its feet
    try:
        again = run_kg("push", shared_build, "--endpoint", accepting.base + "/store", check=True)
    finally:
        accepting.close()
    assert "2 had landed before and were not sent again" in again.stdout
    assert len(accepting.puts) == 2 and ENTITIES not in accepting.puts


def test_a_server_that_loses_graphs_fails_the_final_count(shared_build, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    losing = _FaultyStore(keep=False)
    try:
        result = run_kg("push", shared_build, "--endpoint", losing.base + "/store")
    finally:
        losing.close()
    assert result.returncode == 1 and "accepted the push but holds 0 triples" in result.stderr


@pytest.mark.parametrize("fault, says", [
    (dict(raw=b"\x00\x1b[31mSSH-2.0-OpenSSH\r\n\x07garbage"), "did not answer in HTTP"),
    (dict(raw=b"HTTP/1.1 204 No Content\r\n"), "cut its answer off"),
    (dict(raw=b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"), "cut its answer off"),
    (dict(drip=True), "within the push deadline of 3 s"),
])
def test_broken_answers_are_one_line_failures(seed_build, tmp_path, monkeypatch, fault, says):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    faulty = _FaultyStore(**fault)
    started = time.monotonic()
    try:
        result = run_kg("push", seed_build / "graph.ttl", "--endpoint", faulty.base + "/store", "--timeout", "3")
    finally:
        faulty.close()
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and says in result.stderr, result.stderr
    assert all(ch.isprintable() for ch in result.stderr.strip())
    assert time.monotonic() - started < 60


def test_one_graph_on_top_of_the_document_graphs_is_refused(seed_build, union_server):
    run_kg("push", seed_build / "graph.ttl", "--endpoint", union_server + "/store", check=True)
    result = run_kg("push", seed_build / "graph.ttl", "--endpoint", union_server + "/store", "--graph", "default")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "count every fact twice" in result.stderr
    count = sparql(union_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv").decode().split()[-1]
    assert int(count) == len(rdflib.Graph().parse(seed_build / "graph.ttl"))  # nothing doubled


def test_through_sparql_update_the_graphs_are_the_same(shared_build, union_server, tmp_path):
    from kg.query import bundled_queries, run_query
    from kg.rdf import load_graph

    result = run_kg("push", shared_build, "--endpoint", union_server + "/update", check=True)
    assert "(SPARQL update); the server holds them all" in result.stdout
    run_kg("push", shared_build, "--endpoint", union_server + "/update", check=True)  # again: nothing doubles
    local = load_graph(shared_build)
    for name, bundled in bundled_queries().items():
        assert server_rows(union_server, bundled.text) == sorted(run_query(local, name).rows), name
