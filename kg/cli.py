"""The `kg` command line: a thin layer over the library API (see `kg/__init__.py`)."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.errors import Interrupted, KgError

app = typer.Typer(
    help="Build an evidence-backed knowledge graph of roles and events from news articles.",
    # \b keeps click from rewrapping the example's lines.
    epilog="\b\nExample:\n  kg build seeds -o output\n  kg query output/graph.ttl roles --format csv\n"
           "  kg query http://127.0.0.1:7878/query events",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

ModelOption = Annotated[Optional[str], typer.Option(
    "--model", help="spaCy pipeline to use (default: the best installed en_core_web_* model).")]


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"kg {version('kg')}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Print kg's version and exit.")] = False,
) -> None:
    """Build an evidence-backed knowledge graph of roles and events from news articles."""


@app.command()
def build(
    inputs: Annotated[list[str], typer.Argument(help="Article files (.txt, .md, .html, .jsonl) or folders of them, or fsspec URLs of them (s3://bucket/news/).")],
    out: Annotated[str, typer.Option("--out", "-o", help="Folder (or fsspec URL) to write graph.ttl, graph.html, report.md, report.json into.")],
    model: ModelOption = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: CPU count).")] = None,
    update: Annotated[bool, typer.Option("--update", help="Add the articles to the graph already in --out (from its facts.jsonl) instead of starting afresh.")] = False,
    cluster: Annotated[Optional[str], typer.Option("--cluster", help="Parse on a Dask cluster: its scheduler's address (tcp://host:8786), or 'local' for a LocalCluster of --jobs workers.")] = None,
    killing: Annotated[bool, typer.Option("--killing-inference/--no-killing-inference", help="Infer a killing's culprit or victim written away from its word (the one convicted of it, the victim of the sentence's other killing).")] = True,
) -> None:
    """Build articles into a graph (Turtle), an interactive page and a report.

    Example: kg build seeds -o output
    """
    from kg.pipeline import build as build_graph

    with _progress_bar() as progress:
        result = build_graph(inputs, out, model=model, jobs=jobs, update=update, progress=progress, cluster=cluster,
                             killing=killing)
    for path in result.files:
        typer.echo(f"wrote {path}")
    typer.echo(result.summary())


@app.command()
def query(
    graph: Annotated[Optional[str], typer.Argument(help="A graph file (.ttl, .nt, .trig, .jsonld, ...), an on-disk store made by kg load (its folder), or a SPARQL endpoint's URL (http://host:7878/query).")] = None,
    query: Annotated[Optional[str], typer.Argument(help="SPARQL text, a .rq file, or a bundled query's name.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    list_queries: Annotated[bool, typer.Option("--list", help="List the bundled queries and exit.")] = False,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="name=value: bind a query parameter (see --list), as an RDF literal.")] = None,
) -> None:
    """Ask a graph, an on-disk store, or a SPARQL 1.1 endpoint, a SPARQL question.

    Example: kg query output/graph.ttl roles --format csv
    """
    from kg.query import (bundled_queries, format_result, is_endpoint, parse_params, run_endpoint_query, run_query,
                          run_store_query)

    if list_queries:
        for bundled in bundled_queries().values():
            params = "".join(f" [--param {p.name}=...: {p.description}]" for p in bundled.params)
            typer.echo(f"{bundled.name}\t{bundled.description}{params}")
        return
    if graph is None or query is None:
        raise KgError("give a graph file (or an endpoint URL) and a query (or --list to see the bundled queries)")
    params = parse_params(param or [])
    if is_endpoint(graph):
        result = run_endpoint_query(graph, query, params)
    elif Path(graph).is_dir():
        result = run_store_query(graph, query, params)
    else:
        from kg.rdf import load_graph

        result = run_query(load_graph(Path(graph)), query, params)
    typer.echo(format_result(result, format), nl=False)


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


GraphArgument = Annotated[Path, typer.Argument(help="A graph file written by kg build (.ttl, ...).")]


@app.command()
def analyze(
    graph: GraphArgument,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder for report.md, report.json and graph.png (default: the graph's folder).")] = None,
) -> None:
    """Measure a graph's entity network and write the report: key people and organizations, roles, events,
    communities, conflict pairs, and a picture.

    Example: kg analyze output/graph.ttl -o output
    """
    from kg.rdf import load_graph
    from kg.report import render_outputs

    rdf = load_graph(graph)
    out = out if out is not None else graph.parent
    if out.exists() and not out.is_dir():
        raise KgError(f"output path is not a folder: {out}")
    rendered = render_outputs(rdf, out, report_only=True)
    for path in rendered.files:
        typer.echo(f"wrote {path}")
    summary = rendered.summary
    typer.echo(f"{summary['entities']} entities, {summary['relations']} relations, "
               f"{summary['communities']} communities, {summary['components']} components")


@app.command()
def viz(
    graph: GraphArgument,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")],
    focus: Annotated[Optional[str], typer.Option("--focus", help="Show only this entity's network (any of its names).")] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, help="With --focus: how many hops around the entity.")] = 1,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="Keep at most this many entities, the most important (see the report).")] = 500,
) -> None:
    """Write the interactive page of a graph: self-contained, opens offline.

    Example: kg viz output/graph.ttl -o output/iran.html --focus Iran --depth 2
    """
    from kg.analyze import entity_graph
    from kg.files import write_text
    from kg.rdf import load_graph
    from kg.viz import render_html

    if out.suffix.lower() not in (".html", ".htm"):
        raise KgError(f"the page must be an .html file: {out}")
    network = entity_graph(load_graph(graph))
    title = f"Knowledge graph: {focus}" if focus else "Knowledge graph"
    write_text(out, render_html(network, title, focus=focus, depth=depth, max_nodes=max_nodes))
    typer.echo(f"wrote {out}")


@app.command()
def path(
    graph: GraphArgument,
    source: Annotated[str, typer.Argument(help="An entity, by its name or any alias.")],
    target: Annotated[str, typer.Argument(help="Another entity, by its name or any alias.")],
    max_length: Annotated[int, typer.Option("--max-length", min=1, help="Longest path to list, in hops.")] = 4,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many paths to list at most.")] = 5,
) -> None:
    """How two entities are connected: the shortest paths first, each hop with its roles and events.

    Example: kg path output/graph.ttl "Trump" "al-Muhandis"
    """
    from kg.analyze import entity_graph, find_entity, path_steps, shortest_path, simple_paths
    from kg.rdf import load_graph

    network = entity_graph(load_graph(graph))
    start, end = find_entity(network, source), find_entity(network, target)
    if start == end:
        raise KgError(f"{source!r} and {target!r} name the same entity")
    shortest = shortest_path(network, start, end)  # a clear error when there is none
    # The shortest path is listed even when it is longer than --max-length.
    for number, found in enumerate(simple_paths(network, start, end, max_length, limit) or [shortest], start=1):
        steps = path_steps(network, found)
        line = steps[0]["from"]
        for step in steps:
            line += f" {' / '.join(step['relations'])} {step['to']}"
        typer.echo(f"{number}. ({len(steps)} hop{'s' if len(steps) != 1 else ''}) {line}")


@contextmanager
def _progress_bar():
    """A progress bar with articles per second on stderr, only when stderr is a terminal: never in a pipe or a log."""
    if not sys.stderr.isatty():
        yield None
        return
    import time

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("kg: parsing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TextColumn("{task.fields[workers]}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("parsing", total=None, rate="", workers="")
        started = time.perf_counter()
        # While the bar is live, warnings go through its console (sys.stderr now) so they print above it.
        handlers = [h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler)]
        streams = [h.setStream(sys.stderr) for h in handlers]

        def update(done: int, expected: int, workers: int) -> None:
            rate = done / max(time.perf_counter() - started, 1e-9)
            bar.update(task, completed=done, total=expected, rate=f"{rate:.1f} articles/s",
                       workers=f"{workers} worker{'s' if workers != 1 else ''}")

        try:
            yield update
        finally:
            for handler, stream in zip(handlers, streams):
                handler.setStream(stream)


@app.command()
def validate(
    graph: Annotated[Path, typer.Argument(help="A graph file (.ttl, .nt, .nq, .trig, .jsonld).")],
    shapes: Annotated[Optional[Path], typer.Option("--shapes", help="SHACL shapes to check against (default: ontology/shapes.ttl).")] = None,
) -> None:
    """Check a graph against the SHACL shapes: a one-line verdict, then one line per violation.

    Exits 1 when the graph does not conform. Example: kg validate output/graph.ttl
    """
    from kg.rdf import load_graph
    from kg.validate import validate as validate_graph

    result = validate_graph(load_graph(graph), shapes)
    typer.echo(result.verdict())
    for violation in result.violations:
        typer.echo(str(violation))
    if not result.conforms:
        raise typer.Exit(1)


@app.command()
def convert(
    graph: Annotated[Path, typer.Argument(help="A graph file (.ttl, .nt, .nq, .trig, .jsonld).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write; its extension picks the format: .ttl .nt .nq .trig .jsonld .rdf .graphml .gexf .csv")],
) -> None:
    """Write a graph in another format: RDF (.nq and .trig with one named graph per document), or the entity network for Gephi.

    Example: kg convert output/graph.ttl -o output/graph.trig
    """
    from kg.convert import convert as convert_graph
    from kg.rdf import load_graph

    typer.echo(f"wrote {convert_graph(load_graph(graph), out)}")


@app.command()
def push(
    graph: Annotated[Path, typer.Argument(help="A graph file (.ttl, .nt, .nq, .trig, .jsonld).")],
    endpoint: Annotated[str, typer.Option("--endpoint", help="The server's Graph Store (or SPARQL Update) URL, e.g. http://127.0.0.1:7878/store; an Oxigraph server's base URL finds its /store.")],
    graph_iri: Annotated[Optional[str], typer.Option("--graph", help="Put every triple in this named graph ('default': the default graph) instead of one graph per document.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.001, help="Seconds the whole push may take.")] = 600.0,
) -> None:
    """Load a graph into a SPARQL 1.1 server (Graph Store HTTP Protocol, else SPARQL Update).

    Each document's graph replaces the one already there; the shared entities graph is merged. A push
    cut off says what landed, and running it again sends the rest. Example: kg push output/graph.ttl --endpoint http://127.0.0.1:7878/store
    """
    from kg.push import check_iri, check_url, push as push_graph
    from kg.rdf import load_graph

    check_url(endpoint)  # before the graph is read
    if graph_iri not in (None, "default"):
        check_iri(graph_iri)
    typer.echo(push_graph(load_graph(graph), endpoint, graph_iri, deadline=timeout).summary())


@app.command()
def load(
    build: Annotated[Path, typer.Argument(help="A build's output folder (its graph.ttl), or a graph file (.ttl, .nt, .nq, .trig, .jsonld).")],
    store: Annotated[Path, typer.Option("--store", help="The folder of the on-disk Oxigraph store to make.")],
    replace: Annotated[bool, typer.Option("--replace", help="Replace the store already in --store (stop its server first).")] = False,
) -> None:
    """Bulk-load a build's graph into an on-disk Oxigraph store, one named graph per document as `kg push`
    lays them out, for `oxigraph serve --location DIR --union-default-graph`.

    Example: kg load output --store /srv/kg-store
    """
    from kg.rdf import load_graph
    from kg.store import load_store

    path = build / "graph.ttl" if build.is_dir() else build
    if build.is_dir() and not path.is_file():
        raise KgError(f"{build} holds no graph.ttl: give a build's output folder or a graph file")
    if store.is_dir() and any(store.iterdir()) and not replace:  # before the graph is read
        raise KgError(f"{store} is not empty: give --replace to replace the store in it, or a new folder")
    typer.echo(load_store(load_graph(path), store, replace=replace).summary())


def _stop(signum: int, frame) -> None:
    raise Interrupted(signum)


def main() -> None:
    """Entry point: turn every failure into one line on stderr and a non-zero exit."""
    logging.basicConfig(level=logging.INFO, format="kg: %(message)s", stream=sys.stderr)
    for stop in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(stop) is not signal.SIG_IGN:  # a shell's background job keeps ignoring Ctrl-C
            signal.signal(stop, _stop)
    try:
        app()
    except KgError as error:
        typer.echo(f"kg: error: {_one_line(str(error))}", err=True)
        sys.exit(1)
    except Interrupted as stopped:
        typer.echo("kg: interrupted", err=True)
        sys.exit(128 + stopped.signum)
    except OSError as error:  # the machine said no: a full disk, a folder kg may not write in
        where = f": {error.filename}" if error.filename else ""
        typer.echo(f"kg: error: {_one_line(error.strerror or str(error))}{where}", err=True)
        sys.exit(1)
    except RecursionError:
        typer.echo("kg: error: the input is nested too deeply to read", err=True)
        sys.exit(1)
    except Exception as error:  # a bug: still one line, the traceback only on request
        if os.environ.get("KG_DEBUG"):
            raise
        typer.echo(f"kg: internal error: {type(error).__name__}: {_one_line(str(error))} "
                   "(set KG_DEBUG=1 for the traceback)", err=True)
        sys.exit(2)


def _one_line(message: str) -> str:
    """A message as one line of printable text: a server's or a file's bytes may hold anything.

    >>> _one_line("bad\\r\\n\\x1b[31mred\\x00 line")
    'bad [31mred line'
    """
    return " ".join("".join(ch if ch.isprintable() else " " for ch in message).split())
