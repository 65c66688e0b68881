"""Query: run SPARQL over a graph, with a set of bundled queries for the common questions.

A bundled query is a `.rq` file in `kg/queries/`; its leading `#` comment is its description.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

from kg.errors import KgError

FORMATS = ("table", "csv", "tsv", "json")


@dataclass(frozen=True)
class BundledQuery:
    name: str
    description: str
    text: str


@dataclass(frozen=True)
class QueryResult:
    """A SELECT result as plain strings: column names, then one tuple per row ("" for unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@cache
def bundled_queries() -> dict[str, BundledQuery]:
    """The bundled queries by name, in name order."""
    queries = {}
    for entry in sorted(resources.files("kg.queries").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        description = " ".join(
            line.lstrip("#").strip() for line in text.splitlines()
            if line.startswith("#")
        )
        name = entry.name.removesuffix(".rq")
        queries[name] = BundledQuery(name, description, text)
    return queries


def query_text(query: str) -> str:
    """SPARQL text from a bundled query's name, a `.rq` file, or the text itself."""
    if query in bundled_queries():
        return bundled_queries()[query].text
    if query.endswith(".rq") or (len(query) < 256 and "\n" not in query and Path(query).is_file()):
        path = Path(query)
        if not path.is_file():
            raise KgError(f"no such query file: {query}")
        return path.read_text(encoding="utf-8")
    if not any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        known = ", ".join(bundled_queries())
        raise KgError(f"unknown query {query!r}: not SPARQL, a .rq file, or a bundled query ({known})")
    return query


def run_query(graph: Graph, query: str) -> QueryResult:
    """Run a SELECT (or ASK) query; SPARQL syntax errors become a one-line `KgError`."""
    text = query_text(query)
    try:
        result = graph.query(text)
        if result.type == "ASK":
            return QueryResult(("answer",), ((str(bool(result.askAnswer)).lower(),),))
        if result.type != "SELECT":
            raise KgError(f"only SELECT and ASK queries print rows; this is a {result.type} query")
        columns = tuple(str(v) for v in result.vars)
        rows = tuple(tuple(_text(row[i]) for i in range(len(columns))) for row in result)
    except KgError:
        raise
    except Exception as error:  # pyparsing and rdflib raise many types; all mean a bad query
        raise KgError(_describe_error(error)) from None
    return QueryResult(columns, rows)


def _describe_error(error: Exception) -> str:
    line = getattr(error, "lineno", None)
    column = getattr(error, "col", None)
    message = str(getattr(error, "msg", "") or error).splitlines()[0] if str(error) else type(error).__name__
    if line is not None and column is not None:
        return f"SPARQL syntax error at line {line}, column {column}: {message}"
    return f"query failed: {message}"


def _text(term: Node | None) -> str:
    return "" if term is None else str(term)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as an aligned table, CSV, TSV or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, row)) for row in result.rows], ensure_ascii=False, indent=2) + "\n"
    if fmt in {"csv", "tsv"}:
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
        return out.getvalue()
    if fmt == "table":
        return _table(result)
    raise KgError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def _table(result: QueryResult, max_width: int = 60) -> str:
    cell = lambda value: value if len(value) <= max_width else value[: max_width - 1] + "…"  # noqa: E731
    rows = [tuple(cell(v.replace("\n", " ")) for v in row) for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(result.columns)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(result.columns), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
