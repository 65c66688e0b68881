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


@pytest.fixture()
def server(tmp_path):
    """A fresh `oxigraph serve` on a free loopback port; yields its base URL and stops it after."""
    port = free_port()
    process = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path / "store"),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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


def test_push_refused_by_the_server_is_one_line(seed_build, server):
    # The query endpoint takes neither graphs nor updates: the server's refusal is the message.
    result = run_kg("push", seed_build / "graph.ttl", "--endpoint", server + "/query")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "refused the graph: HTTP 415" in result.stderr and "Traceback" not in result.stderr


def test_push_rejects_a_bad_endpoint(seed_build):
    result = run_kg("push", seed_build / "graph.ttl", "--endpoint", "localhost:7878")
    assert result.returncode == 1 and "http://" in result.stderr
