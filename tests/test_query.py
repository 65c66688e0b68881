"""Bundled SPARQL queries, parameters bound as RDF terms, and one-line errors for bad queries (issue 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_kg
from kg.errors import KgError
from kg.query import bundled_queries, run_query, run_store_query
from kg.rdf import load_graph


@pytest.fixture(scope="module")
def seed_graph(seed_build):
    return load_graph(seed_build / "graph.ttl", store="memory")


def listed_names() -> list[str]:
    lines = run_kg("query", "--list", check=True).stdout.splitlines()
    return [line.split("\t")[0] for line in lines]


def test_list_names_at_least_eight_queries_beyond_roles_and_events():
    lines = run_kg("query", "--list", check=True).stdout.splitlines()
    names = [line.split("\t")[0] for line in lines]
    assert {"roles", "events"} <= set(names) and len(set(names) - {"roles", "events"}) >= 8
    assert all(len(line.split("\t")[1]) > 20 for line in lines)
    assert "--param org=" in next(line for line in lines if line.startswith("members\t"))


def test_every_listed_query_runs_with_json_and_no_params(seed_build):
    for name in listed_names():
        result = run_kg("query", seed_build / "graph.ttl", name, "--format", "json")
        assert result.returncode == 0, (name, result.stderr)
        rows = json.loads(result.stdout)
        assert isinstance(rows, list) and rows, name


def test_members_of_an_organization_by_alias_in_any_case(seed_graph):
    rows = run_query(seed_graph, "members", {"org": "iran"}).rows
    assert rows and {r[0] for r in rows} == {"Iran"}
    assert ("Iran", "Javad Zarif", "Foreign Minister") in {r[:3] for r in rows}
    assert run_query(seed_graph, "members", {"org": "Iranian"}).rows == rows  # an alias names it too


def test_a_param_value_is_data_never_sparql(seed_graph):
    hostile = 'conflict" } ?s ?p ?o { FILTER(true) '
    assert run_query(seed_graph, "conflict-cooperation", {"class": hostile}).rows == ()
    assert run_query(seed_graph, "conflict-cooperation", {"class": "\\"}).rows == ()
    with pytest.raises(KgError, match="no entity named"):  # an entity's name is looked up before any SPARQL
        run_query(seed_graph, "members", {"org": hostile})


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_an_entity_param_finds_the_entity_by_part_of_its_name(seed_build, store):
    graph = load_graph(seed_build / "graph.ttl", store=store)
    rows = run_query(graph, "entity-facts", {"entity": "esper"}).rows
    assert rows and {r[0] for r in rows} == {"Mark Esper"}
    assert ("Mark Esper", "role", "Mark Esper", "Defense Secretary") in {r[:4] for r in rows}
    with pytest.raises(KgError, match=r"^'Mark' names 2 entities: Mark Esper \(Person\); Mark Milley \(Person\)"):
        run_query(graph, "between", {"a": "Mark", "b": "Iran"})


def test_an_entity_param_in_a_query_file(seed_build, tmp_path):
    query = tmp_path / "roles-of.rq"
    query.write_text("# The roles of one person.\n# @entity who  the person\n"
                     "PREFIX org: <http://www.w3.org/ns/org#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                     "SELECT ?role WHERE { ?m org:member/skos:prefLabel ?who ; org:role/skos:prefLabel ?role }\n")
    result = run_kg("query", seed_build / "graph.ttl", query, "--param", "who=zarif", "--format", "csv", check=True)
    assert result.stdout.splitlines() == ["role", "Foreign Minister"]
    missing = run_kg("query", seed_build / "graph.ttl", query, "--param", "who=Khomeini")
    assert missing.returncode == 1 and missing.stderr == "kg: error: no entity named 'Khomeini'\n"


def test_between_two_entities_either_way_round(seed_graph):
    forward = run_query(seed_graph, "between", {"a": "al-Qaida", "b": "Osama bin Laden"})
    backward = run_query(seed_graph, "between", {"a": "osama bin laden", "b": "al-qaida"})
    assert forward.rows == backward.rows
    assert ("Osama bin Laden", "founder", "al-Qaida", "role") in {r[:4] for r in forward.rows}
    everything = run_query(seed_graph, "between").rows
    assert set(forward.rows) < set(everything)


def test_entity_facts_carry_their_evidence_sentences(seed_graph):
    result = run_query(seed_graph, "entity-facts", {"entity": "javad zarif"})
    rows = [dict(zip(result.columns, row)) for row in result.rows]
    assert rows and {r["name"] for r in rows} == {"Javad Zarif"}
    assert all(r["source"] == "voa-soleimani.txt" and "Zarif" in r["sentence"] for r in rows)
    assert {"role", "event"} <= {r["kind"] for r in rows} or len(rows) >= 1


def test_conflict_cooperation_pairs_filter_by_class(seed_graph):
    every = run_query(seed_graph, "conflict-cooperation")
    conflict = run_query(seed_graph, "conflict-cooperation", {"class": "CONFLICT"})
    classes = {row[every.columns.index("event_class")] for row in conflict.rows}
    assert conflict.rows and classes <= {"verbal conflict", "material conflict"}
    assert set(conflict.rows) <= set(every.rows)


def test_unknown_param_names_the_declared_ones(seed_build):
    result = run_kg("query", seed_build / "graph.ttl", "members", "--param", "organisation=Iran")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "its parameters: org" in result.stderr


def test_param_on_a_sparql_text_binds_its_variable(seed_build):
    query = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?n WHERE { ?x skos:prefLabel ?name . BIND(STR(?name) AS ?n) }"
    result = run_kg("query", seed_build / "graph.ttl", query, "--param", "name=Iraq", "--format", "json", check=True)
    assert json.loads(result.stdout) == [{"n": "Iraq"}]


def test_broken_query_is_one_line_with_position(seed_build, tmp_path):
    broken = tmp_path / "broken.rq"
    broken.write_text("SELECT ?x\nWHERE { ?x ?y ?z . FILTER( }\n")
    result = run_kg("query", seed_build / "graph.ttl", broken)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "SPARQL syntax error at line 2, column" in result.stderr and "Traceback" not in result.stderr


def test_broken_query_on_the_fast_store_is_one_line_too(seed_build):
    graph = load_graph(seed_build / "graph.ttl", store="oxigraph")
    with pytest.raises(KgError, match=r"^SPARQL syntax error at line 1, column \d+: "):
        run_query(graph, "SELECT ?x WHERE { ?x ?y }")


def test_unknown_bundled_name_lists_the_known_ones(seed_build):
    result = run_kg("query", seed_build / "graph.ttl", "memberz")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "unknown bundled query 'memberz'" in result.stderr
    assert all(name in result.stderr for name in bundled_queries())


def test_fast_store_answers_every_query_as_rdflib_does(seed_build, seed_graph):
    fast = load_graph(seed_build / "graph.ttl", store="oxigraph")
    assert type(fast.store).__name__ == "OxigraphStore"
    for name, query in bundled_queries().items():
        params = {p.name: "Iran" for p in query.params[:1]}
        expected, got = run_query(seed_graph, name, params), run_query(fast, name, params)
        assert got.columns == expected.columns, name
        # GROUP_CONCAT's order is the engine's own; compare those cells as sets.
        normal = lambda rows: sorted(tuple(" | ".join(sorted(c.split(" | "))) for c in r) for r in rows)  # noqa: E731
        assert normal(got.rows) == normal(expected.rows), name


@pytest.fixture()
def union_server(tmp_path):
    """`oxigraph serve --union-default-graph` on a free loopback port (as the README tells teams to run it);
    yields its base URL and stops it after."""
    from test_push import _serve

    yield from _serve(tmp_path, "--union-default-graph")


def test_query_a_sparql_endpoint_gives_the_rows_of_the_local_file(seed_build, union_server):
    """Issue 15: `kg query http://HOST:PORT/query roles` after `kg push`, with bundled queries and --param."""
    run_kg("push", seed_build / "graph.ttl", "--endpoint", union_server + "/store", check=True)
    endpoint = union_server + "/query"
    for args in (("roles",), ("events",), ("documents",), ("members", "--param", "org=iranian"),
                 ("between", "--param", "a=Trump", "--param", "b=iran"), ("entity-facts", "--param", "entity=esper"), ("unasserted",)):
        for fmt in ("csv", "json"):
            remote = run_kg("query", endpoint, *args, "--format", fmt, check=True).stdout
            local = run_kg("query", seed_build / "graph.ttl", *args, "--format", fmt, check=True).stdout
            assert remote == local and len(remote.splitlines()) >= 2, (args, fmt)
    ambiguous = run_kg("query", endpoint, "between", "--param", "a=Mark", "--param", "b=Iran")
    assert ambiguous.returncode == 1 and ambiguous.stderr.startswith("kg: error: 'Mark' names 2 entities")
    bad = run_kg("query", endpoint, "SELECT ?x WHERE { ?x")
    assert bad.returncode == 1 and bad.stderr.startswith("kg: error: SPARQL syntax error at line 1, column 21: ")
    assert bad.stderr.count("\n") == 1
    construct = run_kg("query", endpoint, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert construct.stderr == "kg: error: only SELECT and ASK queries print rows; this is a CONSTRUCT query\n"
    base = run_kg("query", union_server, "roles")  # the server's base URL, not its query endpoint
    assert base.returncode == 1 and base.stderr.endswith(f"(give the server's SPARQL query endpoint, for Oxigraph {endpoint})\n")
    unreachable = run_kg("query", "http://127.0.0.1:9/query", "roles")
    assert unreachable.returncode == 1 and unreachable.stderr.startswith("kg: error: cannot reach the SPARQL endpoint")


def test_json_gives_numbers_and_booleans_their_types(seed_build):
    rows = json.loads(run_kg("query", seed_build / "graph.ttl", "documents", "--format", "json", check=True).stdout)
    built = json.loads((seed_build / "report.json").read_text())["summary"]
    assert (rows[0]["roles"], rows[0]["events"]) == (built["roles"], built["events"])  # typed: JSON numbers
    events = json.loads(run_kg("query", seed_build / "graph.ttl", "events", "--format", "json", check=True).stdout)
    assert {row["negated"] for row in events} <= {True, False} and any(row["negated"] is False for row in events)
    assert run_kg("query", seed_build / "graph.ttl", "ASK { ?s ?p ?o }", "--format", "json", check=True).stdout \
        == '[\n  {\n    "answer": true\n  }\n]\n'


def test_documents_counts_roles_as_build_does(seed_build):
    summary = run_kg("query", seed_build / "graph.ttl", "documents", "--format", "csv", check=True).stdout
    built = (seed_build / "report.json").read_text()
    assert json.loads(built)["summary"]["roles"] == int(summary.splitlines()[1].split(",")[-2])


def test_version_and_an_example_in_help():
    from importlib.metadata import version

    assert run_kg("--version", check=True).stdout == f"kg {version('kg')}\n"
    assert "kg query http://127.0.0.1:7878/query events" in run_kg("--help", check=True).stdout
    assert "SPARQL 1.1 endpoint" in run_kg("query", "--help", check=True).stdout


def test_convert_writes_rdf_xml_that_reads_back_as_the_same_graph(seed_build, tmp_path):
    from rdflib.compare import isomorphic

    run_kg("convert", seed_build / "graph.ttl", "-o", tmp_path / "graph.rdf", check=True)
    assert (tmp_path / "graph.rdf").read_text().startswith('<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF')
    assert isomorphic(load_graph(tmp_path / "graph.rdf", store="memory"), load_graph(seed_build / "graph.ttl", store="memory"))
    again = run_kg("convert", seed_build / "graph.ttl", "-o", tmp_path / "again.rdf", check=True)
    assert again.returncode == 0 and (tmp_path / "again.rdf").read_bytes() == (tmp_path / "graph.rdf").read_bytes()


# The bundled queries as they were before they were rewritten for speed on a large store (issue 14).
REFERENCE_QUERIES = Path(__file__).resolve().parent / "reference_queries"
# A value for each parameter of the parameterised queries, as a user would name the seed's entities.
REFERENCE_PARAMS = {"between": {"a": "Trump", "b": "iran"}, "entity-facts": {"entity": "esper"},
                    "members": {"org": "Quds Force"}, "conflict-cooperation": {"class": "conflict"}}


@pytest.fixture(scope="module")
def seed_store(seed_build, tmp_path_factory):
    store = tmp_path_factory.mktemp("seed-store") / "store"
    run_kg("load", seed_build, "--store", store, check=True)
    return store


@pytest.mark.parametrize("name", sorted(bundled_queries()))
@pytest.mark.parametrize("bound", [False, True])
def test_a_rewritten_query_answers_as_before(seed_build, seed_graph, seed_store, name, bound):
    """Each bundled query gives the columns, rows and order its text before issue 14 gave, on rdflib's
    engine, on Oxigraph's in memory and from an on-disk store; only the order of the values inside a
    GROUP_CONCAT cell is each engine's own, so those cells compare as sets."""
    if bound and name not in REFERENCE_PARAMS:
        pytest.skip("no parameters")
    params = REFERENCE_PARAMS[name] if bound else {}
    reference = str(REFERENCE_QUERIES / f"{name}.rq")
    concatenated = [i for i, column in enumerate(run_query(seed_graph, name, params).columns)
                    if column in {"aliases", "actions"}]

    def cells(rows):
        return [tuple(" | ".join(sorted(c.split(" | "))) if i in concatenated else c for i, c in enumerate(row))
                for row in rows]

    fast = load_graph(seed_build / "graph.ttl", store="oxigraph")
    for engine, run in (("rdflib", lambda q: run_query(seed_graph, q, params)),
                        ("oxigraph", lambda q: run_query(fast, q, params)),
                        ("store", lambda q: run_store_query(seed_store, q, params))):
        before, now = run(reference), run(name)
        assert now.columns == before.columns, (engine, name)
        assert len(now.rows) == len(before.rows) and now.rows, (engine, name)
        assert cells(now.rows) == cells(before.rows), (engine, name)
