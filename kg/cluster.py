"""Extraction on a Dask cluster: article chunks mapped over Dask workers, their facts gathered in order.

    kg build corpus -o out --cluster tcp://scheduler:8786     # a running cluster (see the README)
    kg build corpus -o out --cluster local --jobs 2           # a LocalCluster of 2 worker processes

Each worker loads the spaCy pipeline once, when the build registers `SpacyPlugin` with it (a worker that
joins later loads it as it starts), and sends back only the facts of its chunks, never a `Doc`. The main
process reads the articles, cuts them into the same chunks a local build cuts (so into the same
nlp.pipe batches), and takes the results in input order: the graph is the same, byte for byte, as a
local build's. Every worker needs kg and the same spaCy model installed.

distributed is an optional dependency (`pip install 'kg[cluster]'`): a build without --cluster never
imports it.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from kg.errors import KgError
from kg.extract import ArticleFacts
from kg.ingest import Article

try:
    import distributed
except ImportError:  # pragma: no cover - an install without the extra
    raise KgError("--cluster needs Dask's distributed: pip install 'kg[cluster]'") from None

log = logging.getLogger(__name__)

LOCAL = "local"
# How long to wait for a scheduler before saying it is not there.
CONNECT_SECONDS = 10
PLUGIN_NAME = "kg-spacy"
_ADDRESS = re.compile(r"^(tcp|tls)://[^\s/:]+(:\d{1,5})?$")


def check_address(address: str) -> None:
    """Refuse, in one line, a --cluster that is neither `local` nor a scheduler's tcp:// or tls:// address.

    >>> check_address("tcp://10.0.0.5:8786"), check_address("local")
    (None, None)
    >>> check_address("10.0.0.5")
    Traceback (most recent call last):
    kg.errors.KgError: --cluster takes 'local' or a Dask scheduler's address such as tcp://host:8786, not '10.0.0.5'
    """
    if address != LOCAL and not _ADDRESS.match(address):
        raise KgError(f"--cluster takes 'local' or a Dask scheduler's address such as tcp://host:8786, not {address!r}")


@contextmanager
def connect(address: str, workers: int):
    """A Dask client of the scheduler at `address`, or of a new LocalCluster of `workers` worker
    processes on loopback (`address` == 'local'); closed, and the LocalCluster stopped, at the end."""
    check_address(address)
    # Dask logs every worker's coming and going at INFO, which kg's log (INFO, on stderr) would print.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    cluster = None
    try:
        if address == LOCAL:
            # One thread a worker: a worker parses one chunk at a time (see SpacyPlugin), so more threads
            # would only wait. No dashboard (it needs bokeh), and the scheduler's HTTP server (health,
            # metrics) on a free loopback port rather than 8787, which another cluster may hold.
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                               host="127.0.0.1", dashboard_address=None,
                                               scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                                               silence_logs=logging.ERROR)
            address = cluster.scheduler_address
        try:
            client = distributed.Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise KgError(f"cannot reach the Dask scheduler at {address}: {_first_line(error)}") from None
        try:
            yield client
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


class SpacyPlugin(distributed.WorkerPlugin):
    """Loads kg's spaCy pipeline once in each worker, as the worker starts or the plugin is registered.

    A worker's threads share one pipeline under a lock: a parse's memory zone changes the pipeline's
    vocabulary, which two parses at once would corrupt. Run workers with one thread each
    (`dask worker --nworkers N --nthreads 1`) to use every core.
    """

    def __init__(self, model: str) -> None:
        self.model = model
        self.nlp = None
        self.lock = threading.Lock()

    def __getstate__(self):
        return {"model": self.model}

    def __setstate__(self, state) -> None:
        self.__init__(state["model"])

    def setup(self, worker) -> None:
        from kg.nlp import load_pipeline

        self.nlp = load_pipeline(self.model)

    def teardown(self, worker) -> None:
        self.nlp = None


def _extract_on_worker(articles: list[Article], model: str, killing: bool = True) -> list[ArticleFacts]:
    from distributed import get_worker

    from kg.pipeline import extract_batch

    plugin = get_worker().plugins.get(f"{PLUGIN_NAME}-{model}")
    if plugin is None or plugin.nlp is None:  # never expected: the plugin is registered before any task
        raise KgError(f"the Dask worker has not loaded spaCy model {model}")
    with plugin.lock:
        return extract_batch(plugin.nlp, articles, killing)


def extract_chunks(client, chunks: Iterable[list[Article]], model: str,
                   on_workers: Callable[[int], None] | None = None,
                   killing: bool = True) -> Iterator[list[ArticleFacts]]:
    """The facts of each chunk, parsed and extracted on the cluster's workers, in the chunks' order
    (`killing=False` leaves out the killing inference, as `kg.extract.extract` does).

    No more than two chunks a worker are out at a time, so unparsed text never piles up on the
    scheduler; `on_workers` hears how many workers the cluster has, after every chunk.
    """
    _load_model(client, model)
    pending: deque = deque()
    workers = _count_workers(client)
    try:
        for chunk in chunks:
            pending.append(client.submit(_extract_on_worker, chunk, model, killing, pure=False))
            if len(pending) >= 2 * max(workers, 1):
                yield _result(pending.popleft())
                workers = _count_workers(client)
                if on_workers is not None:
                    on_workers(workers)
        while pending:
            yield _result(pending.popleft())
            if on_workers is not None:
                on_workers(workers)
    finally:
        if pending:  # on an error or an interrupt, parse nothing more
            client.cancel(list(pending))


def _load_model(client, model: str) -> None:
    """Register the plugin, so that every worker loads the model now; a worker that cannot is one line
    (distributed raises the first worker's error here)."""
    try:
        client.register_plugin(SpacyPlugin(model), name=f"{PLUGIN_NAME}-{model}")
    except KgError as error:
        raise KgError(f"a Dask worker: {error}") from None
    except ImportError as error:
        raise KgError(f"a Dask worker cannot import {error.name or 'kg'}: install kg on every worker") from None
    if not _count_workers(client):
        raise KgError("the Dask cluster has no workers: start some with `dask worker SCHEDULER-ADDRESS`")


def _count_workers(client) -> int:
    return len(client.nthreads())


def _result(future) -> list[ArticleFacts]:
    try:
        return future.result()
    except distributed.KilledWorker:
        raise KgError("Dask workers died parsing a chunk of articles (out of memory?): give them more "
                      "memory, or fewer workers a machine") from None
