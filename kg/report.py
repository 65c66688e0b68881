"""Report: what a build found, as Markdown for people and JSON for tools."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.analyze import centrality, communities
from kg.files import write_text
from kg.query import run_query


def report_data(graph: Graph, network: nx.MultiDiGraph, top: int = 10) -> dict:
    """The report's content: key entities, roles, events in text order, communities."""
    scores = centrality(network)
    ranked = sorted(network.nodes, key=lambda n: (-scores[n]["pagerank"], network.nodes[n]["name"]))

    def key_entities(types: set[str]) -> list[dict]:
        return [
            {"name": network.nodes[n]["name"], "type": network.nodes[n]["type"],
             "mentions": network.nodes[n]["mentions"], "pagerank": round(scores[n]["pagerank"], 4),
             "degree": scores[n]["degree"]}
            for n in ranked if network.nodes[n]["type"] in types
        ][:top]

    roles = run_query(graph, "roles")
    events = run_query(graph, "events")
    documents = {row[roles.columns.index("source")] for row in roles.rows} | {
        row[events.columns.index("source")] for row in events.rows}
    return {
        "summary": {
            "documents": len(documents),
            "entities": network.number_of_nodes(),
            "roles": len(roles.rows),
            "events": len(events.rows),
        },
        "key_people": key_entities({"Person"}),
        "key_organizations": key_entities({"Organization", "Country"}),
        "roles": [dict(zip(roles.columns, row)) for row in roles.rows],
        "events": [dict(zip(events.columns, row)) for row in events.rows],
        "communities": [[network.nodes[n]["name"] for n in c] for c in communities(network)],
    }


def report_markdown(data: dict) -> str:
    summary = data["summary"]
    lines = [
        "# Knowledge graph report", "",
        f"{summary['entities']} entities, {summary['roles']} role facts, {summary['events']} events.", "",
        "## Key people", "",
        *_table(["name", "mentions", "degree", "pagerank"], data["key_people"]), "",
        "## Key organizations and countries", "",
        *_table(["name", "type", "mentions", "degree", "pagerank"], data["key_organizations"]), "",
        "## Who holds which role where", "",
        *_table(["person", "role", "organization", "source"], data["roles"]), "",
        "## Events in text order", "",
        *_table(["actor", "action", "target", "negated", "source"], data["events"]), "",
        "## Communities", "",
        *(f"{i}. " + ", ".join(c) for i, c in enumerate(data["communities"], start=1)), "",
    ]
    return "\n".join(lines)


def _table(columns: list[str], rows: list[dict]) -> list[str]:
    if not rows:
        return ["(none)"]
    cell = lambda v: str(v).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    return [
        "| " + " | ".join(columns) + " |",
        "|" + "---|" * len(columns),
        *("| " + " | ".join(cell(row.get(c, "")) for c in columns) + " |" for row in rows),
    ]


def write_reports(data: dict, markdown_path: str | Path, json_path: str | Path) -> None:
    write_text(markdown_path, report_markdown(data))
    write_text(json_path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
