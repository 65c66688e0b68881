"""The library API: build a knowledge graph from articles, as the CLI and the notebooks do.

    >>> from kg import build                                          # doctest: +SKIP
    >>> result = build(["seeds"], "output")                           # doctest: +SKIP
    >>> result.summary()                                              # doctest: +SKIP
    '1 article, 40 entities, 16 role facts, 30 events'
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from rdflib import Graph

from kg.analyze import entity_graph
from kg.errors import KgError
from kg.extract import ArticleFacts, extract
from kg.ingest import Article, iter_articles
from kg.nlp import choose_model, load_pipeline, parse
from kg.rdf import corpus_graph, write_graph
from kg.report import PICTURE, render_picture, report_data, write_reports
from kg.resolve import Resolution, resolve
from kg.viz import render_html
from kg.files import write_text

log = logging.getLogger(__name__)

# Articles handed to a worker at a time: large enough to keep nlp.pipe's batches full.
CHUNK_SIZE = 16


@dataclass(frozen=True)
class Corpus:
    """A built corpus: the facts of each article, the entities they name, and the RDF graph."""

    facts: tuple[ArticleFacts, ...]
    resolution: Resolution
    graph: Graph
    model: str

    def summary(self) -> str:
        articles = len(self.facts)
        return (f"{articles} article{'s' if articles != 1 else ''}, {len(self.resolution.entities)} entities, "
                f"{sum(len(f.roles) for f in self.facts)} role facts, {sum(len(f.events) for f in self.facts)} events")


@dataclass(frozen=True)
class BuildResult:
    corpus: Corpus
    files: tuple[Path, ...]

    def summary(self) -> str:
        return self.corpus.summary()


def extract_articles(articles: Iterable[Article], model: str | None = None, jobs: int = 1) -> Iterator[ArticleFacts]:
    """Parse and extract each article, in input order, with `jobs` worker processes."""
    chosen = choose_model(model)
    log.info("spaCy model: %s", chosen)
    if jobs <= 1:
        nlp = load_pipeline(chosen)
        for doc, article in parse(nlp, articles):
            yield extract(doc, article)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_start_worker, initargs=(chosen,)) as pool:
        for chunk in pool.imap(_extract_chunk, _chunks(articles, CHUNK_SIZE)):
            yield from chunk


_worker_nlp = None


def _start_worker(model: str) -> None:
    global _worker_nlp
    _worker_nlp = load_pipeline(model)


def _extract_chunk(articles: list[Article]) -> list[ArticleFacts]:
    return [extract(doc, article) for doc, article in parse(_worker_nlp, articles)]


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def build_corpus(inputs: Sequence[str | Path], model: str | None = None, jobs: int | None = None) -> Corpus:
    """Read, parse, extract and resolve `inputs` (files or folders) into one graph."""
    chosen = choose_model(model)
    facts = tuple(extract_articles(iter_articles(inputs), chosen, jobs or os.cpu_count() or 1))
    if not facts:
        raise KgError("no readable articles in " + ", ".join(str(i) for i in inputs))
    resolution = resolve(facts)
    return Corpus(facts, resolution, corpus_graph(facts, resolution), chosen)


def build(inputs: Sequence[str | Path], out_dir: str | Path, model: str | None = None,
          jobs: int | None = None) -> BuildResult:
    """Build `inputs` into `out_dir`: graph.ttl, graph.html, report.md and report.json."""
    corpus = build_corpus(inputs, model, jobs)
    return BuildResult(corpus, write_outputs(corpus.graph, out_dir))


def write_outputs(graph: Graph, out_dir: str | Path) -> tuple[Path, ...]:
    """Everything a user needs from one graph. All content is rendered before the first file is written."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise KgError(f"output path is not a folder: {out}")
    network = entity_graph(graph)
    html = render_html(network)
    data = report_data(graph, network)
    picture = render_picture(network)
    paths = (out / "graph.ttl", out / "graph.html", out / "report.md", out / "report.json", out / PICTURE)
    write_graph(graph, paths[0])
    write_text(paths[1], html)
    write_reports(data, paths[2], paths[3], picture)
    return paths


def extract_text(text: str, model: str | None = None, source: str = "<text>") -> ArticleFacts:
    """The facts of one piece of text, for quick looks."""
    article = Article(id=source, source=source, text=text)
    return next(extract_articles([article], model, jobs=1))
