"""`kg load`: a build bulk-loaded into an on-disk Oxigraph store that the real `oxigraph serve` serves (issue 14)."""

from __future__ import annotations

import pytest

from conftest import run_kg
from test_push import ARTICLES, _serve, build_shared, graph_names, server_rows


@pytest.fixture(scope="module")
def shared_out(tmp_path_factory):
    """The three articles of test_push that share a fact (Zarif's role), built into a folder."""
    return build_shared(tmp_path_factory.mktemp("load"))


def test_a_loaded_store_serves_every_bundled_query_with_the_files_rows(shared_out, tmp_path):
    from kg.query import bundled_queries, run_query
    from kg.rdf import load_graph

    loaded = run_kg("load", shared_out, "--store", tmp_path / "store", check=True)
    local = load_graph(shared_out / "graph.ttl")
    assert loaded.stdout.startswith(f"loaded {len(local)} triples in 4 graphs into {tmp_path / 'store'}; ")
    for base in _serve(tmp_path, "--union-default-graph"):
        # One graph per document and the entities' graph, as `kg push` lays them out.
        assert graph_names(base) == {"https://w3id.org/kg-news/id/graph/entities",
                                     *(f"https://w3id.org/kg-news/id/document/{name}"
                                       for name in ARTICLES)}
        assert server_rows(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [(str(len(local)),)]
        for name, bundled in bundled_queries().items():
            assert server_rows(base, bundled.text) == sorted(run_query(local, name).rows), name


def test_a_store_in_use_is_replaced_only_when_asked(shared_out, seed_build, tmp_path):
    store = tmp_path / "store"
    run_kg("load", seed_build, "--store", store, check=True)
    again = run_kg("load", shared_out, "--store", store)
    assert again.returncode == 1
    assert again.stderr.strip() == f"kg: error: {store} is not empty: give --replace to replace the store in it, or a new folder"
    replaced = run_kg("load", shared_out / "graph.ttl", "--store", store, "--replace", check=True)
    assert " in 4 graphs " in replaced.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # no work folder left beside it


def test_a_folder_without_a_graph_is_one_line(tmp_path):
    result = run_kg("load", tmp_path, "--store", tmp_path / "store")
    assert result.returncode == 1
    assert result.stderr.strip() == f"kg: error: {tmp_path} holds no graph.ttl: give a build's output folder or a graph file"


def test_kg_query_answers_from_the_store_as_from_the_file(seed_build, tmp_path):
    """`kg query STORE NAME`: the store's folder in place of the graph file gives every bundled query's
    rows (a GROUP_CONCAT cell's values compared as a set: their order is each engine's own)."""
    import csv
    import io

    from kg.query import bundled_queries

    store = tmp_path / "store"
    run_kg("load", seed_build, "--store", store, check=True)
    normal = lambda text: [[" | ".join(sorted(c.split(" | "))) for c in row] for row in csv.reader(io.StringIO(text))]  # noqa: E731
    for name in bundled_queries():
        from_store = normal(run_kg("query", store, name, "--format", "csv", check=True).stdout)
        from_file = normal(run_kg("query", seed_build / "graph.ttl", name, "--format", "csv", check=True).stdout)
        if name == "timeline":  # its ORDER BY leaves the events of one sentence in each engine's own order
            from_store, from_file = sorted(from_store), sorted(from_file)
        assert from_store == from_file and len(from_store) >= 2, name
    esper = run_kg("query", store, "entity-facts", "--param", "entity=esper", "--format", "json", check=True).stdout
    assert esper == run_kg("query", seed_build / "graph.ttl", "entity-facts", "--param", "entity=esper",
                           "--format", "json", check=True).stdout
    construct = run_kg("query", store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert construct.stderr == "kg: error: only SELECT and ASK queries print rows; this is a CONSTRUCT query\n"
    bad = run_kg("query", store, "SELECT ?x WHERE { ?x")
    assert bad.returncode == 1 and bad.stderr.startswith("kg: error: SPARQL syntax error at line 1, column ")
    not_a_store = run_kg("query", tmp_path, "roles")
    assert not_a_store.stderr == f"kg: error: {tmp_path} is not an Oxigraph store (make one with kg load)\n"
