"""The killing inference's switch, through the installed command: `kg build --no-killing-inference`."""

from __future__ import annotations

import csv
import io

from conftest import run_kg

KILLING = "Sirhan Sirhan was convicted of Kennedy's killing.\n"


def _events(tmp_path, *options: str) -> set[tuple[str, str, str]]:
    out = tmp_path / ("out" + "".join(options))
    jobs = ("--jobs", "2") if "--cluster" in options else ("--jobs", "1")
    run_kg("build", tmp_path / "in", "-o", out, *jobs, *options, check=True)
    table = run_kg("query", out / "graph.ttl", "events", "--format", "csv", check=True).stdout
    return {(r["actor"], r["action"], r["target"]) for r in csv.DictReader(io.StringIO(table))}


def test_the_switch_turns_the_killing_inference_off(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "sirhan.txt").write_text(KILLING, encoding="utf-8")
    # On (the default): the one convicted of the killing is its culprit.
    assert _events(tmp_path) == {("", "convict", "Sirhan Sirhan"), ("Sirhan Sirhan", "kill", "Kennedy")}
    # Off: the text writes no killer beside "killing", so the killing has an unknown actor.
    assert _events(tmp_path, "--no-killing-inference") == {("", "convict", "Sirhan Sirhan"), ("", "kill", "Kennedy")}


def test_the_switch_reaches_the_workers_of_a_cluster(tmp_path):
    # A local Dask cluster of two workers on loopback: its workers extract with the switch as given.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "sirhan.txt").write_text(KILLING, encoding="utf-8")
    assert _events(tmp_path, "--no-killing-inference", "--cluster", "local") == {
        ("", "convict", "Sirhan Sirhan"), ("", "kill", "Kennedy")}
