"""The library API: build a knowledge graph from articles, as the CLI and the notebooks do.

    >>> from kg import build                                          # doctest: +SKIP
    >>> result = build(["seeds"], "output")                           # doctest: +SKIP
    >>> result.summary()                                              # doctest: +SKIP
    '1 article, 53 entities, 22 role facts, 76 events'

A build streams articles through spaCy in chunks, in `jobs` worker processes, and keeps only the
extracted facts (never a `Doc`, never an article's text), so memory grows with the graph, not with the
corpus. It also writes the facts of every article to `facts.jsonl` in the output folder, so that
`build(..., update=True)` can add articles to a graph without reading the old ones again.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache, cached_property
from itertools import chain, islice
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph
from spacy.language import Language

from kg.errors import KgError
from kg.extract import ArticleFacts, extract
from kg.files import atomic_path, check_writable_folder, is_url, output_set, url_output
from kg.ingest import Article, estimate_articles, iter_articles
from kg.nlp import choose_model, load_pipeline, parse
from kg.rdf import corpus_graph, corpus_store, role_labels
from kg.report import render_outputs
from kg.resolve import Resolution, resolve

log = logging.getLogger(__name__)

# Articles handed to a worker at a time: enough to keep nlp.pipe's batches full, few enough that the
# workers finish together and a memory zone frees the parse's strings often.
CHUNK_SIZE = 16
# An article longer than this is parsed and extracted in pieces cut at paragraph breaks (see extract_batch),
# and no batch given to nlp.pipe holds more text than this: spaCy's parse memory grows with the text of
# a batch, and nlp.max_length refuses a text past 1,000,000 characters.
LONG_ARTICLE_PIECE = 100_000

# The facts cache that `--update` reads: a header line, then one article's facts per line.
FACTS_FILE = "facts.jsonl"
FACTS_FORMAT = "kg-facts"
FACTS_VERSION = 2  # 2: the header's checksum of the lines after it; articles know their file

# Called after each article with (articles done, articles expected, workers parsing); the expectation
# is an estimate, and a Dask cluster's workers may come and go.
Progress = Callable[[int, int, int], None]


@dataclass(frozen=True)
class Totals:
    """How much a build found: articles, entities, role facts and events.

    >>> Totals(1, 53, 22, 76).summary()
    '1 article, 53 entities, 22 role facts, 76 events'
    """

    articles: int
    entities: int
    roles: int
    events: int

    def summary(self) -> str:
        return (f"{self.articles} article{'s' if self.articles != 1 else ''}, {self.entities} entities, "
                f"{self.roles} role facts, {self.events} events")


@dataclass(frozen=True)
class Corpus:
    """A built corpus in memory: the facts of each article, the entities they name, and the RDF graph.

    The articles in `facts` carry their metadata but not their text, which the graph does not need.
    """

    facts: tuple[ArticleFacts, ...]
    resolution: Resolution
    graph: Graph
    model: str

    def summary(self) -> str:
        return Totals(len(self.facts), len(self.resolution.entities), sum(len(f.roles) for f in self.facts),
                      sum(len(f.events) for f in self.facts)).summary()


@dataclass(frozen=True)
class BuildResult:
    """What `build` wrote into `folder`, and how much it found."""

    totals: Totals
    files: tuple[Path | str, ...]  # str: a file published to a URL
    folder: Path

    def summary(self) -> str:
        return self.totals.summary()

    @cached_property
    def corpus(self) -> Corpus:
        """The build's corpus in memory, read back from its facts cache, for notebooks and small corpora (a
        build itself keeps none of it: see `build`)."""
        cached = read_facts(self.folder / FACTS_FILE)
        resolution = resolve(cached.facts)
        return Corpus(cached.facts, resolution, corpus_graph(cached.facts, resolution), cached.model)


@contextmanager
def rare_collections() -> Iterator[None]:
    """Let Python's cyclic garbage collector run rarely while a build allocates.

    A build makes millions of small objects that live to its end (facts, RDF terms, the store's index
    entries). At the default threshold, a collection every 700 new objects, the collector walks them
    again and again: a second of the 300-article benchmark (bench/speed.py), a fifth of the time after
    the parse. Nothing the build makes is cyclic garbage in bulk, so collecting every 20,000 objects
    costs no memory to speak of (mypy raises the threshold the same way).
    """
    previous = gc.get_threshold()
    gc.set_threshold(20_000, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def available_cpus() -> int:
    """The CPUs this process may run on (fewer than the machine's under a container's CPU limit)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_articles(articles: Iterable[Article], model: str | None = None, jobs: int = 1, *,
                     cluster: str | None = None, on_workers: Callable[[int], None] | None = None,
                     killing: bool = True) -> Iterator[ArticleFacts]:
    """Parse and extract each article, in input order, with `jobs` worker processes, or on the Dask
    cluster whose scheduler is at `cluster` ('local': a LocalCluster of `jobs` workers, see kg.cluster).

    The facts are the same whatever `jobs` or `cluster` is: the articles are cut into the same chunks,
    and so into the same nlp.pipe batches, in every process, and the results come back in input order.
    `on_workers` hears how many workers parse. `killing=False` leaves out the killing inference (see
    `kg.extract.extract`).
    """
    chosen = choose_model(model)
    log.info("spaCy model: %s", chosen)
    if cluster is not None:
        from kg.cluster import connect, extract_chunks

        with connect(cluster, jobs) as client:
            for facts in extract_chunks(client, _chunks(articles, CHUNK_SIZE), chosen, on_workers, killing):
                yield from facts
        return
    if on_workers is not None:
        on_workers(max(jobs, 1))
    if jobs <= 1:
        nlp = load_pipeline(chosen)
        for chunk in _chunks(articles, CHUNK_SIZE):
            yield from extract_batch(nlp, chunk, killing)
        return
    # fork: workers start in milliseconds with spaCy already imported, and load the model once each.
    # An executor, unlike multiprocessing.Pool, reports a worker that died (killed for memory, say)
    # instead of waiting for it forever.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(chosen, killing)) as pool:
        pending: deque[Future[list[ArticleFacts]]] = deque()
        try:
            for chunk in _chunks(articles, CHUNK_SIZE):
                pending.append(pool.submit(_extract_chunk, chunk))
                # Two chunks a worker keep every worker busy; no more, so unparsed text never piles up.
                if len(pending) >= 2 * jobs:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool:
            raise KgError(f"a worker process died (out of memory?): try fewer --jobs than {jobs}") from None
        finally:
            pool.shutdown(cancel_futures=True)  # on an error, parse nothing more


_worker_nlp = None
_worker_killing = True


def _start_worker(model: str, killing: bool = True) -> None:
    global _worker_nlp, _worker_killing
    # Ctrl-C and SIGTERM are the main process's to handle (it cleans up and stops the workers); a
    # worker that took them too would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker_nlp = load_pipeline(model)
    _worker_killing = killing


def _extract_chunk(articles: list[Article]) -> list[ArticleFacts]:
    return extract_batch(_worker_nlp, articles, _worker_killing)


def extract_batch(nlp: Language, articles: list[Article], killing: bool = True) -> list[ArticleFacts]:
    """Parse and extract a few articles with a loaded pipeline (`kg.nlp.load_pipeline`), in order.

    An article longer than `LONG_ARTICLE_PIECE` is parsed and extracted piece by piece (cut at
    paragraph breaks, see `split_text`), and the facts of its pieces are joined with their offsets in
    the whole text: the time and memory of an article grow with its length, not with its square, and
    no more than a piece's Doc exists at a time. What reaches across pieces, a pronoun whose name is a
    hundred thousand characters back, is lost; that far back, it is no longer read as the same person.
    """
    # The memory zone frees the strings the parse added to the vocabulary: without it a long run's
    # StringStore grows with every new word of the corpus. No Doc leaves the zone, only facts.
    with nlp.memory_zone():
        pieces = [split_text(article.text, LONG_ARTICLE_PIECE) for article in articles]
        offsets = [[sum(map(len, parts[:n])) for n in range(len(parts))] for parts in pieces]
        texts = [replace(article, text=piece) for article, parts in zip(articles, pieces) for piece in parts]
        parsed = (pair for batch in _batches(texts, LONG_ARTICLE_PIECE) for pair in parse(nlp, batch, len(batch)))
        results = []
        for article, starts in zip(articles, offsets):
            facts = [shift_offsets(extract(doc, article, killing), start) for (doc, _), start in zip(islice(parsed, len(starts)), starts)]
            results.append(facts[0] if len(facts) == 1 else join_facts(article, facts))
        return results


def shift_offsets(record, by: int):
    """`record` (a fact, a mention, an evidence, or what holds them) with every character offset in it
    moved on by `by`: the int fields named `start`, `end` or ending in `_start` / `_end`, at any depth.

    >>> from kg.extract import Mention
    >>> shift_offsets((Mention("Iran", "Place", 3, 7), None), 10)
    (Mention(text='Iran', type='Place', start=13, end=17), None)
    """
    if not by:
        return record
    if isinstance(record, tuple):
        return tuple(shift_offsets(item, by) for item in record)
    if not dataclasses.is_dataclass(record) or isinstance(record, Article):
        return record
    changes = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if isinstance(value, int) and not isinstance(value, bool) and _is_offset(field.name):
            changes[field.name] = value + by
        elif isinstance(value, tuple) or dataclasses.is_dataclass(value):
            changes[field.name] = shift_offsets(value, by)
    return replace(record, **changes)


def _is_offset(name: str) -> bool:
    return name in {"start", "end"} or name.endswith(("_start", "_end"))


def join_facts(article: Article, parts: list[ArticleFacts]) -> ArticleFacts:
    """The facts of an article's pieces (offsets already in the whole text) as the article's facts."""
    fields = {field.name: tuple(chain.from_iterable(getattr(part, field.name) for part in parts))
              for field in dataclasses.fields(ArticleFacts) if field.name != "article"}
    return ArticleFacts(article=article, **fields)


def _batches(articles: list[Article], characters: int) -> Iterator[list[Article]]:
    """Consecutive articles in batches of at most `characters` characters (or of one longer article).

    spaCy's memory for a batch grows with its text: about 4 GB for one batch of 1.25 million characters.
    """
    batch: list[Article] = []
    size = 0
    for article in articles:
        if batch and size + len(article.text) > characters:
            yield batch
            batch, size = [], 0
        batch.append(article)
        size += len(article.text)
    if batch:
        yield batch


def split_text(text: str, limit: int) -> list[str]:
    """Cut `text` into pieces of at most `limit` characters that join back into `text`.

    A piece ends after a paragraph break if it can, else after a line break, else after a space; only
    a run of `limit` characters with no whitespace at all is cut in the middle.

    >>> split_text("one two.\\n\\nthree four.\\n\\nfive", 14)
    ['one two.\\n\\n', 'three four.\\n\\n', 'five']
    >>> "".join(split_text("a b c d e f", 3)) == "a b c d e f"
    True
    """
    pieces = []
    while len(text) > limit:
        window = text[:limit]
        cut = next((window.rfind(sep) + len(sep) for sep in ("\n\n", "\n", " ") if window.rfind(sep) > 0), limit)
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text] if text or not pieces else pieces


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_inputs(inputs: Sequence[str | Path], model: str, jobs: int | None = None, *,
                   taken: dict[str, str] | None = None, progress: Progress | None = None,
                   exclude: Sequence[str | Path] = (), cluster: str | None = None,
                   killing: bool = True) -> Iterator[ArticleFacts]:
    """Read, parse and extract `inputs` (files or folders), article by article in input order, each
    article's facts without its text (which nothing after extraction needs). `taken`: the ids of
    articles extracted before, with their files (see `kg.ingest`); the folders in `exclude` are never read.

    A missing path, a mistyped cluster address or a corpus with nothing readable fails on the first
    `next()`, before a worker starts.
    """
    articles = iter_articles(inputs, exclude=exclude, taken=taken or {})
    if cluster is not None:
        from kg.cluster import check_address

        check_address(cluster)
    first = next(articles)
    expected = estimate_articles(inputs, exclude=exclude)
    jobs = max(1, min(jobs or available_cpus(), -(-expected // CHUNK_SIZE)))  # no idle workers
    workers = [jobs]

    def count_workers(count: int) -> None:
        workers[0] = count

    stream = extract_articles(chain([first], articles), model, jobs, cluster=cluster, on_workers=count_workers,
                              killing=killing)
    for done, facts in enumerate(stream, start=1):
        yield replace(facts, article=replace(facts.article, text=""))
        if progress is not None:
            progress(done, max(expected, done), workers[0])


@rare_collections()  # a contextmanager is a decorator too
def build_corpus(inputs: Sequence[str | Path], model: str | None = None, jobs: int | None = None, *,
                 previous: Sequence[ArticleFacts] = (), progress: Progress | None = None,
                 exclude: Sequence[str | Path] = (), cluster: str | None = None, killing: bool = True) -> Corpus:
    """Read, parse, extract and resolve `inputs` (files or folders) into one graph, in memory: for
    notebooks and tests (a build of any size streams instead, see `build`).

    `previous` are facts extracted before (from `read_facts`): the new articles are added to them, an
    article read again from the file of a previous one replaces it (a namesake from another file is
    kept beside it, see `kg.ingest`), and the entities are resolved over all of them. The folders in
    `exclude` (the output folder) are never read. With `cluster` (a Dask scheduler's address, or
    'local') the articles are parsed on a Dask cluster's workers (see `kg.cluster`).
    """
    chosen = choose_model(model)
    by_id: dict[str, ArticleFacts] = {facts.article.id: facts for facts in previous}
    taken = {facts.article.id: facts.article.file for facts in previous}
    for facts in extract_inputs(inputs, chosen, jobs, taken=taken, progress=progress, exclude=exclude, cluster=cluster,
                                killing=killing):
        by_id[facts.article.id] = facts  # its id is unique among the new ones (kg.ingest sees to it)
    facts = tuple(by_id.values())
    resolution = resolve(facts)
    return Corpus(facts, resolution, corpus_graph(facts, resolution), chosen)


# The folder in a build's staging folder that holds its work files: the new facts of an update, the
# sorted triples and the on-disk store. Removed before the outputs move into place.
WORK_FOLDER = "work"


@rare_collections()  # a contextmanager is a decorator too
def build(inputs: Sequence[str | Path], out_dir: str | Path, model: str | None = None,
          jobs: int | None = None, *, update: bool = False, progress: Progress | None = None,
          cluster: str | None = None, killing: bool = True) -> BuildResult:
    """Build `inputs` into `out_dir`: graph.ttl, graph.html, report.md, report.json, graph.png and facts.jsonl.

    A build streams, so that its memory does not grow with the corpus: each article's facts go to
    facts.jsonl as they are extracted; the entities are resolved from it (names, types and counts);
    the graph is written from it article by article into an on-disk store (`kg.rdf.corpus_store`),
    which graph.ttl, the page and the report are read from. With `update=True` the articles are added to
    the graph already in `out_dir` (see `build_corpus`), from the facts it cached, without reading the
    old articles again. With `cluster` the articles are parsed on a Dask cluster (see `build_corpus`);
    the outputs are the same, byte for byte. `out_dir` may be an fsspec URL: the outputs are built in a
    local folder, then published to it as one set. `killing=False` leaves out the killing inference (see
    `kg.extract.extract`; `kg build --no-killing-inference`).
    """
    if is_url(out_dir):
        with url_output(out_dir, fetch=(FACTS_FILE,) if update else ()) as local:
            built = build(inputs, local, model, jobs, update=update, progress=progress, cluster=cluster, killing=killing)
        return replace(built, files=tuple(f"{out_dir.rstrip('/')}/{path.name}" for path in built.files))
    out = Path(out_dir)
    check_writable_folder(out)  # before the parse: an unwritable -o fails in a second, not after an hour
    chosen = choose_model(model)
    previous = _previous_articles(out / FACTS_FILE, chosen, killing) if update else None
    # Every output is written into a staging folder first and all replace the old ones together: an
    # interrupted or failed build leaves the previous complete set (see kg.files.output_set).
    new = extract_inputs(inputs, chosen, jobs, taken=previous, progress=progress, exclude=[out], cluster=cluster,
                         killing=killing)
    # A missing input, a mistyped or unreachable cluster, a corpus with nothing readable: they fail on
    # the first article, before the output folder is made.
    new = chain([next(new)], new)
    with output_set(out) as stage:
        work = stage / WORK_FOLDER
        work.mkdir()
        try:
            counted = _Counted(new if previous is None else _updated(out / FACTS_FILE, new, work))
            facts_path = stage / FACTS_FILE
            write_facts(counted, chosen, facts_path, killing)
            written = FactsFile(facts_path)
            resolution = resolve(written)  # names, types and counts: no key per mention (see kg.resolve)
            store = corpus_store(written, resolution, role_labels(written), work)
            # The graph has the entities now: the resolution's tables of names are free for reading the
            # store, rather than held beside it.
            entities = len(resolution.entities)
            del resolution
            files = render_outputs(store, stage).files
            del store  # closes the store's files before its folder goes
        finally:
            shutil.rmtree(work, ignore_errors=True)
    totals = Totals(counted.articles, entities, counted.roles, counted.events)
    return BuildResult(totals, tuple(out / path.name for path in (*files, facts_path)), out)


class _Counted:
    """The facts of a stream as they pass, counted: articles, role facts, events."""

    def __init__(self, facts: Iterable[ArticleFacts]):
        self.facts = facts
        self.articles = self.roles = self.events = 0

    def __iter__(self) -> Iterator[ArticleFacts]:
        for facts in self.facts:
            self.articles += 1
            self.roles += len(facts.roles)
            self.events += len(facts.events)
            yield facts


def _previous_articles(path: Path, model: str, killing: bool = True) -> dict[str, str]:
    """The id and file of each article of the facts cache an update adds to (read through, so that a
    damaged cache fails before anything is parsed)."""
    header = facts_header(path)
    if header.get("model") != model:
        log.warning("the graph in %s was extracted with spaCy model %s, the new articles with %s",
                    path.parent, header.get("model") or "", model)
    # A cache written before the header said so was extracted with the inference, then always on.
    if header.get("killing", True) != killing:
        before, now = ("without", "with") if killing else ("with", "without")
        log.warning("the graph in %s was extracted %s the killing inference, the new articles %s it",
                    path.parent, before, now)
    return {facts.article.id: facts.article.file for facts in iter_facts(path)}


def _updated(path: Path, new: Iterable[ArticleFacts], work: Path) -> Iterator[ArticleFacts]:
    """The cached facts of `path` with the `new` ones added, as `build_corpus` adds them: an article read
    again takes the place of its old facts, the others come after the old ones, in input order. The new
    facts wait in a file of `work`, found again by their place in it."""
    adapter = _facts_adapter()
    places: dict[str, tuple[int, int]] = {}
    with (work / "new.jsonl").open("w+b") as waiting:
        for facts in new:
            line = adapter.dump_json(facts)
            places[facts.article.id] = (waiting.tell(), len(line))
            waiting.write(line)

        def waiting_facts(article_id: str) -> ArticleFacts:
            start, length = places.pop(article_id)
            waiting.seek(start)
            return adapter.validate_json(waiting.read(length))

        for old in iter_facts(path):
            yield waiting_facts(old.article.id) if old.article.id in places else old
        for article_id in list(places):
            yield waiting_facts(article_id)


def write_outputs(graph: Graph, out_dir: str | Path) -> tuple[Path, ...]:
    """Everything a user needs from one graph, written as one set (see `kg.files.output_set`)."""
    out = Path(out_dir)
    check_writable_folder(out)
    with output_set(out) as stage, rare_collections():
        files = render_outputs(graph, stage).files
    return tuple(out / path.name for path in files)


def extract_text(text: str, model: str | None = None, source: str = "<text>") -> ArticleFacts:
    """The facts of one piece of text, for quick looks."""
    article = Article(id=source, source=source, text=text)
    return next(extract_articles([article], model, jobs=1))


@cache
def _facts_adapter():
    from pydantic import TypeAdapter

    return TypeAdapter(ArticleFacts)


def facts_schema() -> str:
    """A fingerprint of the facts' record types: a cache written with other types cannot be read back."""
    schema = json.dumps(_facts_adapter().json_schema(), sort_keys=True)
    return hashlib.sha1(schema.encode("utf-8")).hexdigest()[:16]


def write_facts(facts: Iterable[ArticleFacts], model: str, path: str | Path, killing: bool = True) -> None:
    """Write the facts cache atomically: a header line, then one article's facts per line, in order.

    The header says how many lines follow and their SHA-256, so that a cache cut short or edited is
    refused rather than read as a smaller corpus, and whether the facts were extracted with the killing
    inference (`killing`), so that an update made the other way is told. The facts are written as they
    come: none is kept.
    """
    import tempfile

    from kg import __version__

    adapter = _facts_adapter()
    digest = hashlib.sha256()
    count = 0
    # The lines go to an unnamed temporary file first, as the header that counts them comes before them.
    with tempfile.TemporaryFile(dir=Path(path).parent) as body:
        for article_facts in facts:
            line = adapter.dump_json(article_facts) + b"\n"
            digest.update(line)
            body.write(line)
            count += 1
        body.seek(0)
        header = {"format": FACTS_FORMAT, "version": FACTS_VERSION, "schema": facts_schema(),
                  "kg": __version__, "model": model, "killing": killing, "articles": count,
                  "sha256": digest.hexdigest()}
        with atomic_path(path) as tmp, tmp.open("wb") as stream:
            stream.write(json.dumps(header, sort_keys=True).encode("utf-8") + b"\n")
            shutil.copyfileobj(body, stream, 1 << 20)


class FactsFile:
    """A facts cache that is read again, one article at a time, each time it is iterated: what resolution
    and the graph read in passes (see `kg.resolve.resolve`), never all in memory."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def __iter__(self) -> Iterator[ArticleFacts]:
        return iter_facts(self.path)


@dataclass(frozen=True)
class CachedFacts:
    """The facts cache of a build: the model that parsed the articles, and their facts in order."""

    model: str
    facts: tuple[ArticleFacts, ...]


def read_facts(path: str | Path) -> CachedFacts:
    """Read a facts cache written by `write_facts`, all of it; anything else is a one-line `KgError`."""
    return CachedFacts(str(facts_header(path).get("model") or ""), tuple(iter_facts(path)))


def facts_header(path: str | Path) -> dict:
    """The header of a facts cache written by `write_facts`, checked; anything else is a one-line `KgError`."""
    with _open_cache(Path(path)) as stream:
        return _header(Path(path), stream)


def iter_facts(path: str | Path) -> Iterator[ArticleFacts]:
    """The facts of a cache written by `write_facts`, one article at a time, in order. A cache cut short,
    damaged or altered is a one-line `KgError`, at its first bad line or, for a count or a checksum that
    does not match, once the last line is read."""
    from pydantic import ValidationError

    path = Path(path)
    with _open_cache(path) as stream:
        header = _header(path, stream)
        adapter = _facts_adapter()
        digest = hashlib.sha256()
        count = 0
        for number, line in enumerate(stream, start=2):
            digest.update(line)
            try:
                facts = adapter.validate_json(line)
            except ValidationError:
                raise KgError(f"{path}:{number} is damaged: {_rebuild(path)}") from None
            count += 1
            yield facts
    if count != header.get("articles"):
        raise KgError(f"{path} is cut short or altered: its header says {header.get('articles')} articles, "
                      f"it holds {count}: {_rebuild(path)}")
    if digest.hexdigest() != header.get("sha256"):
        raise KgError(f"{path} is altered: its lines do not match the checksum in its header: {_rebuild(path)}")


def _rebuild(path: Path) -> str:
    return f"build {path.parent} again without --update"


def _open_cache(path: Path) -> BinaryIO:
    if not path.is_file():
        raise KgError(f"cannot update {path.parent}: it has no {path.name} (build it once without --update)")
    return path.open("rb")


def _header(path: Path, stream) -> dict:
    first = stream.readline()
    try:
        header = json.loads(first)
    except (json.JSONDecodeError, UnicodeDecodeError):
        header = None
    if not isinstance(header, dict) or header.get("format") != FACTS_FORMAT:
        raise KgError(f"{path} is not a kg facts cache: {_rebuild(path)}")
    if not first.endswith(b"\n"):  # every line is written whole; the facts' own newlines are in the checksum
        raise KgError(f"{path} is cut short: {_rebuild(path)}")
    if header.get("version") != FACTS_VERSION or header.get("schema") != facts_schema():
        raise KgError(f"{path} was written by another version of kg: {_rebuild(path)}")
    return header
