"""The `kg` command line: a thin layer over the library API (see `kg/__init__.py`)."""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.errors import KgError

app = typer.Typer(
    help="Build an evidence-backed knowledge graph of roles and events from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

ModelOption = Annotated[Optional[str], typer.Option(
    "--model", help="spaCy pipeline to use (default: the best installed en_core_web_* model).")]


@app.command()
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .html, .jsonl) or folders of them.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write graph.ttl, graph.html, report.md, report.json into.")],
    model: ModelOption = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: CPU count).")] = None,
) -> None:
    """Build articles into a graph (Turtle), an interactive page and a report.

    Example: kg build seeds -o output
    """
    from kg.pipeline import build as build_graph

    result = build_graph(inputs, out, model=model, jobs=jobs)
    for path in result.files:
        typer.echo(f"wrote {path}")
    typer.echo(result.summary())


@app.command()
def query(
    graph: Annotated[Optional[Path], typer.Argument(help="A graph file (.ttl, .nt, .trig, .jsonld, ...).")] = None,
    query: Annotated[Optional[str], typer.Argument(help="SPARQL text, a .rq file, or a bundled query's name.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    list_queries: Annotated[bool, typer.Option("--list", help="List the bundled queries and exit.")] = False,
) -> None:
    """Ask a graph a SPARQL question.

    Example: kg query output/graph.ttl roles --format csv
    """
    from kg.query import bundled_queries, format_result, run_query

    if list_queries:
        for bundled in bundled_queries().values():
            typer.echo(f"{bundled.name}\t{bundled.description}")
        return
    if graph is None or query is None:
        raise KgError("give a graph file and a query (or --list to see the bundled queries)")
    from kg.rdf import load_graph

    typer.echo(format_result(run_query(load_graph(graph), query), format), nl=False)


@app.command()
def extract(
    text_or_file: Annotated[str, typer.Argument(help="The text itself, or a file to read it from.")],
    model: ModelOption = None,
) -> None:
    """Print the facts of one text as JSON lines (roles, then events), for quick looks and pipes.

    Example: kg extract "Iranian Foreign Minister Javad Zarif condemned the strike."
    """
    from kg.ingest import iter_articles
    from kg.pipeline import extract_articles

    path = Path(text_or_file)
    if len(text_or_file) < 4096 and "\n" not in text_or_file and path.is_file():
        articles = list(iter_articles([path]))
    else:
        from kg.ingest import Article

        articles = [Article(id="<text>", source="<text>", text=text_or_file)]
    if not articles or not any(a.text.strip() for a in articles):
        raise KgError("no text to read")
    for facts in extract_articles(articles, model, jobs=1):
        for role in facts.roles:
            typer.echo(json.dumps({"kind": "role", "source": facts.article.source, **asdict(role)}, ensure_ascii=False))
        for event in facts.events:
            typer.echo(json.dumps({"kind": "event", "source": facts.article.source, **asdict(event)}, ensure_ascii=False))


def main() -> None:
    """Entry point: turn every failure into one line on stderr and a non-zero exit."""
    logging.basicConfig(level=logging.INFO, format="kg: %(message)s", stream=sys.stderr)
    try:
        app()
    except KgError as error:
        typer.echo(f"kg: error: {error}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("kg: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # a bug: still one line, the traceback only on request
        if os.environ.get("KG_DEBUG"):
            raise
        typer.echo(f"kg: internal error: {type(error).__name__}: {error} (set KG_DEBUG=1 for the traceback)", err=True)
        sys.exit(2)
