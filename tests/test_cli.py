"""The product end to end, through the installed `kg` command (issue 2)."""

from __future__ import annotations

import csv
import io
import json
import re

import rdflib

from conftest import SEEDS, run_kg


def test_build_writes_all_outputs(seed_build):
    for name in ("graph.ttl", "graph.html", "report.md", "report.json"):
        assert (seed_build / name).stat().st_size > 0, name
    report = json.loads((seed_build / "report.json").read_text())
    assert report["summary"]["roles"] >= 10
    assert report["summary"]["events"] >= 10


def test_build_prints_files_and_summary(tmp_path):
    result = run_kg("build", SEEDS / "voa-soleimani.txt", "-o", tmp_path, "--jobs", "1", check=True)
    assert f"wrote {tmp_path / 'graph.ttl'}" in result.stdout
    assert re.search(r"^1 article, \d+ entities, \d+ role facts, \d+ events$", result.stdout, re.M)


def test_graph_is_valid_turtle_with_enough_triples(seed_build):
    graph = rdflib.Graph().parse(seed_build / "graph.ttl", format="turtle")
    assert len(graph) >= 200


def test_page_loads_nothing_from_outside(seed_build):
    html = (seed_build / "graph.html").read_text()
    assert not re.search(r"<(script|link)\b[^>]*(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
    assert "vis.Network" in html


def test_roles_query_columns_and_rows(seed_build):
    result = run_kg("query", seed_build / "graph.ttl", "roles", "--format", "csv", check=True)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["person", "role", "organization", "source", "sentence"]
    assert any(r["person"] == "Javad Zarif" and r["role"] == "Foreign Minister" and r["organization"] == "Iran"
               for r in rows)
    assert all("voa-soleimani.txt" in r["source"] for r in rows)


def test_events_query_columns(seed_build):
    result = run_kg("query", seed_build / "graph.ttl", "events", "--format", "json", check=True)
    rows = json.loads(result.stdout)
    assert list(rows[0]) == ["actor", "action", "target", "negated", "source", "sentence", "place", "date"]
    assert {r["negated"] for r in rows} <= {True, False}  # typed: JSON booleans (issue 15)
    assert any(r["action"] == "seize" and r["actor"] == "Iran" for r in rows)


def test_query_list_names_roles_and_events():
    result = run_kg("query", "--list", check=True)
    names = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert {"roles", "events"} <= set(names)
    assert all("\t" in line and line.split("\t")[1] for line in result.stdout.splitlines())


def test_extract_prints_json_lines():
    result = run_kg("extract", "Iranian Foreign Minister Javad Zarif condemned the strike.", check=True)
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    role = next(f for f in facts if f["kind"] == "role")
    assert role["person"]["text"] == "Javad Zarif"
    assert role["role"] == "Foreign Minister"


def test_every_command_has_help_with_an_example():
    for command in ("build", "query", "extract"):
        result = run_kg(command, "--help", check=True)
        assert "Example: kg " + command in result.stdout


def test_missing_input_is_one_line_error(tmp_path):
    result = run_kg("build", tmp_path / "nope", "-o", tmp_path / "out")
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "no such file" in result.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_broken_query_is_one_line_error(seed_build):
    result = run_kg("query", seed_build / "graph.ttl", "SELECT ?x WHERE { ?x ?y }")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "syntax error" in result.stderr and "Traceback" not in result.stderr


def test_same_input_gives_byte_identical_turtle(seed_build, tmp_path):
    run_kg("build", SEEDS, "-o", tmp_path, "--jobs", "2", check=True)
    assert (tmp_path / "graph.ttl").read_bytes() == (seed_build / "graph.ttl").read_bytes()
