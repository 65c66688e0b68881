"""Push: load a graph into a SPARQL 1.1 server, so that it lands whole or says exactly what landed.

The Graph Store HTTP Protocol first: one `PUT ENDPOINT?graph=IRI` of N-Triples per named graph, which
replaces that graph, so pushing a rebuilt article again replaces its facts and nothing else. Where
the endpoint is not a graph store (`HEAD ENDPOINT?default` is refused), the same graphs go as SPARQL
Update to the same URL. An Oxigraph server's base URL (`http://host:7878`) stands for its store,
`/store`. Without `--graph`, each document goes to its own named graph and what documents share to
`ENTITIES_GRAPH` (see `kg.store.named_graph_quads`: every triple in exactly one graph, so a union
default graph answers as the file does); with it, every triple goes to that one graph.

What documents share is merged, not replaced: the entities graph on the server keeps the entities of
other pushes (another build's), and loses only the old descriptions of what this push describes
(their aliases are kept). It goes first, so that every document graph that lands finds its entities.
Then the documents, then a count of every graph on the server against what was sent. A push cut off
(a refusal, the deadline) says which graphs landed, and records them in a journal, so that running it
again sends only the others. One deadline covers the whole push (`deadline`, seconds), and a server
has `CONNECT_TIMEOUT` seconds to accept a connection.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import socket
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import KgError
from kg.namespace import ENTITIES_GRAPH
from kg.store import named_graph_quads, sorted_quads

# Triples per INSERT DATA request: small enough for any server's request limit.
UPDATE_BATCH = 20_000
# Subjects per DELETE of old descriptions in the entities graph, through SPARQL Update.
SUBJECT_BATCH = 1_000
DEFAULT_DEADLINE = 600.0
CONNECT_TIMEOUT = 10.0
DEFAULT_GRAPH = "default"
ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
# Graph names per verification query.
COUNT_BATCH = 200


@dataclass(frozen=True)
class PushResult:
    endpoint: str
    protocol: str  # "graph store" or "SPARQL update"
    graphs: int
    triples: int
    skipped: int = 0  # graphs a journal said had landed in an earlier, cut-off run
    verified: bool = False

    def summary(self) -> str:
        resumed = f"; {self.skipped} had landed before and were not sent again" if self.skipped else ""
        check = "; the server holds them all" if self.verified else "; not verified (no query endpoint)"
        return (f"pushed {self.triples} triples in {self.graphs} graph{'s' if self.graphs != 1 else ''} "
                f"to {self.endpoint} ({self.protocol}){resumed}{check}")


def push(graph: Graph, endpoint: str, graph_iri: str | None = None, *, deadline: float = DEFAULT_DEADLINE,
         journal_dir: str | Path | None = None) -> PushResult:
    """Load `graph` into the server at `endpoint`, into `graph_iri` ("default" for the default graph)
    or, by default, one named graph per document (see the module's docstring)."""
    check_url(endpoint)
    if graph_iri is not None and graph_iri != DEFAULT_GRAPH:
        check_iri(graph_iri)
    if deadline <= 0:
        raise KgError(f"the push deadline must be more than 0 seconds, not {deadline}")
    client = _Client(deadline)
    target, protocol = _find_store(client, endpoint)
    if graph_iri is not None:
        _refuse_a_second_copy(client, target, graph_iri)
    graphs = _graphs(graph, graph_iri)
    journal = _Journal(journal_dir, target, graphs)
    order = sorted(graphs, key=lambda name: (name != str(ENTITIES_GRAPH), name or ""))  # entities first
    expected = {name: (len(triples), True) for name, triples in graphs.items()}  # (triples, exactly?)
    landed = skipped = 0
    for number, name in enumerate(order, start=1):
        if journal.landed(name):
            skipped += 1
            expected[name] = (len(graphs[name]), name != str(ENTITIES_GRAPH))
            continue
        try:
            if name == str(ENTITIES_GRAPH) and graph_iri is None:
                expected[name] = _merge_shared(client, target, protocol, graphs)
            else:
                _send_graph(client, target, protocol, name, graphs[name])
        except KgError as error:
            done = landed + skipped
            what = ("none" if not done else f"{done} of {len(order)} graphs"
                    + (", the entities graph first" if graph_iri is None and number > 1 else ""))
            raise KgError(f"{error}; graph {number} of {len(order)} ({name or 'the default graph'}) did not land, "
                          f"landed: {what}; run the same push again to send the rest") from None
        journal.add(name)
        landed += 1
    verified = _verify(client, target, expected)
    journal.finish()
    return PushResult(target, protocol, len(graphs), sum(len(t) for t in graphs.values()), skipped, verified)


def _graphs(graph: Graph, graph_iri: str | None) -> dict[str | None, list[ox.Triple]]:
    """Sorted triples by target graph (None is the default graph)."""
    if graph_iri is not None:
        name = None if graph_iri == DEFAULT_GRAPH else graph_iri
        return {name: [q.triple for q in sorted_quads((s, p, o, None) for s, p, o in graph)]}
    by_graph: dict[str | None, list[ox.Triple]] = defaultdict(list)
    for quad in sorted_quads(named_graph_quads(graph)):
        by_graph[quad.graph_name.value].append(quad.triple)
    return dict(by_graph)


# ----------------------------------------------------------------------------- where the store is


def _find_store(client: _Client, endpoint: str) -> tuple[str, str]:
    """The URL to send graphs to and its protocol: a graph store answers `HEAD URL?default`."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.path in ("", "/") and not parts.query:
        store = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/store", "", ""))
        if _is_graph_store(client, store):
            return store, "graph store"
        raise KgError(f"{endpoint} has no graph store at {store}: give the server's Graph Store URL "
                      f"(for Oxigraph, {store}) or its SPARQL Update URL")
    if _is_graph_store(client, endpoint):
        return endpoint, "graph store"
    return endpoint, "SPARQL update"


def _is_graph_store(client: _Client, url: str) -> bool:
    status, _, _ = client.request("HEAD", _with_query(url, "default"), accept_errors=True)
    return 200 <= status < 300


def _with_query(url: str, query: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{query}"


def _graph_query(name: str | None) -> str:
    return "default" if name is None else urllib.parse.urlencode({"graph": name})


def _refuse_a_second_copy(client: _Client, target: str, graph_iri: str) -> None:
    """Refuse to push into one graph a server that holds kg's document graphs: a union default graph
    would count every fact twice (once per copy). Asked through the query endpoint, when there is one."""
    query_url = _query_url(target)
    if query_url is None:
        return
    other = "" if graph_iri == DEFAULT_GRAPH else f"FILTER(?g != {ox.NamedNode(graph_iri)})"
    query = f"ASK {{ GRAPH ?g {{ ?d a <https://w3id.org/kg-news/ontology#Document> }} {other} }}"
    status, _, data = client.request("GET", _with_query(query_url, urllib.parse.urlencode({"query": query})),
                                     headers={"Accept": "application/sparql-results+json"}, accept_errors=True)
    try:
        held = 200 <= status < 300 and json.loads(data).get("boolean") is True
    except ValueError:
        held = False
    if held:
        raise KgError(f"{target} already holds kg's documents in their own named graphs: pushing them into "
                      f"{'the default graph' if graph_iri == DEFAULT_GRAPH else graph_iri} too would make a union "
                      "default graph count every fact twice; push without --graph, or drop those graphs first")


# ----------------------------------------------------------------------------- sending


def _send_graph(client: _Client, target: str, protocol: str, name: str | None, triples: list[ox.Triple]) -> None:
    if protocol == "graph store":
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        client.request("PUT", _with_query(target, _graph_query(name)), body, {"Content-Type": "application/n-triples"})
        return
    where = "DEFAULT" if name is None else f"GRAPH {ox.NamedNode(name)}"
    statements = [_insert(name, triples[start:start + UPDATE_BATCH]) for start in range(0, len(triples), UPDATE_BATCH)]
    # The graph is emptied in the same request as its first batch goes in, so it is never seen empty.
    clear = "CLEAR SILENT DEFAULT" if name is None else f"DROP SILENT {where}"
    statements = [f"{clear} ;\n{statements[0]}" if statements else clear, *statements[1:]]
    for statement in statements:
        _update(client, target, statement)


def _insert(name: str | None, triples: list[ox.Triple]) -> str:
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    return f"INSERT DATA {{ {data} }}" if name is None else f"INSERT DATA {{ GRAPH {ox.NamedNode(name)} {{ {data} }} }}"


def _update(client: _Client, target: str, statement: str) -> None:
    client.request("POST", target, statement.encode("utf-8"), {"Content-Type": "application/sparql-update"})


def _merge_shared(client: _Client, target: str, protocol: str, graphs: dict[str | None, list[ox.Triple]]) -> tuple[int, bool]:
    """Put the entities graph, merged with the one on the server; returns how many triples the server
    now holds in it, and whether exactly that many (else at least).

    Old triples about a subject this push describes (in any of its graphs) go, except the subject's
    aliases; everything else the graph held stays.
    """
    shared = str(ENTITIES_GRAPH)
    ours = {triple.subject for triples in graphs.values() for triple in triples}
    if protocol == "graph store":
        status, _, data = client.request("GET", _with_query(target, _graph_query(shared)),
                                         headers={"Accept": "application/n-triples"}, accept_errors=True)
        if status == 404:
            old: list[ox.Triple] = []
        elif 200 <= status < 300:
            try:
                old = [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
            except (SyntaxError, ValueError) as error:
                raise KgError(f"{target} sent its entities graph in a form kg cannot read: {error}") from None
        else:
            raise KgError(f"{target} refused to send its entities graph: HTTP {status}")
        kept = [t for t in old if t.subject not in ours or t.predicate.value == ALT_LABEL]
        merged = sorted(set(kept) | set(graphs[shared]), key=str)
        _send_graph(client, target, protocol, shared, merged)
        return len(merged), True
    # SPARQL Update: the server does the merge; the count check reads back what it holds.
    subjects = sorted(ours, key=str)
    for start in range(0, len(subjects), SUBJECT_BATCH):
        values = " ".join(str(s) for s in subjects[start:start + SUBJECT_BATCH] if isinstance(s, ox.NamedNode))
        _update(client, target, f"DELETE {{ GRAPH <{shared}> {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} "
                                f"GRAPH <{shared}> {{ ?s ?p ?o }} FILTER(?p != <{ALT_LABEL}>) }}")
    for start in range(0, len(graphs[shared]), UPDATE_BATCH):
        _update(client, target, _insert(shared, graphs[shared][start:start + UPDATE_BATCH]))
    return len(graphs[shared]), False  # and what other pushes left there


# ----------------------------------------------------------------------------- checking what landed


def _verify(client: _Client, target: str, expected: dict[str | None, tuple[int, bool]]) -> bool:
    """Count every pushed graph on the server through its SPARQL query endpoint (Oxigraph's `/query`
    beside `/store` or `/update`); a missing or short graph is a one-line error. False when the server
    has no query endpoint kg can find, or the push went to the default graph."""
    query_url = _query_url(target)
    names = [name for name in expected if name is not None]
    if query_url is None or len(names) != len(expected):
        return False
    counts: dict[str, int] = {}
    for start in range(0, len(names), COUNT_BATCH):
        values = " ".join(str(ox.NamedNode(n)) for n in names[start:start + COUNT_BATCH])
        query = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
        status, _, data = client.request("GET", _with_query(query_url, urllib.parse.urlencode({"query": query})),
                                         headers={"Accept": "application/sparql-results+json"}, accept_errors=True)
        if not 200 <= status < 300:
            return False
        try:
            for row in json.loads(data)["results"]["bindings"]:
                counts[row["g"]["value"]] = int(row["n"]["value"])
        except (ValueError, KeyError, TypeError):
            return False
    wrong = [(name, counts.get(name, 0), sent) for name, (sent, exactly) in expected.items()
             if counts.get(name, 0) < sent or (exactly and counts.get(name, 0) != sent)]
    if wrong:
        name, held, sent = wrong[0]
        raise KgError(f"{target} accepted the push but holds {held} triples in {name}, where {sent} were sent"
                      + (f" (and {len(wrong) - 1} more graphs differ)" if len(wrong) > 1 else ""))
    return True


def _query_url(target: str) -> str | None:
    parts = urllib.parse.urlsplit(target)
    for suffix in ("/store", "/update"):
        if parts.path.endswith(suffix):
            return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path[: -len(suffix)] + "/query", "", ""))
    return None


# ----------------------------------------------------------------------------- the journal


class _Journal:
    """Which graphs of a push landed, kept while the push is unfinished so that a rerun sends the rest."""

    def __init__(self, folder: str | Path | None, target: str, graphs: dict[str | None, list[ox.Triple]]) -> None:
        self.digests = {name: hashlib.sha256(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)).hexdigest()
                        for name, triples in graphs.items()}
        whole = hashlib.sha256(json.dumps([target, sorted((n or "", d) for n, d in self.digests.items())]).encode())
        folder = Path(folder) if folder is not None else _cache_folder()
        self.path = folder / f"push-{whole.hexdigest()[:24]}.json"
        try:
            self.done: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.done = {}

    def landed(self, name: str | None) -> bool:
        return self.done.get(name or "") == self.digests[name]

    def add(self, name: str | None) -> None:
        self.done[name or ""] = self.digests[name]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.done), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            pass  # without a journal a rerun sends everything again, which is correct too

    def finish(self) -> None:
        self.path.unlink(missing_ok=True)


def _cache_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"


# ----------------------------------------------------------------------------- HTTP with a deadline


class _Client:
    """HTTP requests under one deadline for all of them, each answer read whole or refused."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.ends = time.monotonic() + deadline

    def request(self, method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
                accept_errors: bool = False) -> tuple[int, str, bytes]:
        """(status, reason, body) of one request; an HTTP error status is a `KgError` unless `accept_errors`."""
        remaining = self.ends - time.monotonic()
        if remaining <= 0:
            raise KgError(f"no answer from {url} within the push deadline of {self.deadline:g} s (--timeout)")
        parts = urllib.parse.urlsplit(url)
        kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        connection = kind(parts.hostname, parts.port, timeout=min(CONNECT_TIMEOUT, remaining))
        expired = threading.Event()

        def expire() -> None:  # the deadline passed mid-answer (a server that drips bytes): cut it off
            expired.set()
            if connection.sock is not None:
                try:
                    connection.sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        timer = threading.Timer(remaining, expire)
        timer.daemon = True
        timer.start()
        where = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
        try:
            try:
                connection.connect()
            except (TimeoutError, socket.timeout):
                raise KgError(f"cannot reach {where}: no connection within {min(CONNECT_TIMEOUT, remaining):g} s") from None
            connection.sock.settimeout(max(remaining, 0.001))
            path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read() if method != "HEAD" else b""
            if not response.headers.keys() and not expired.is_set():
                raise http.client.IncompleteRead(data)  # the answer stopped after its status line
        except KgError:
            raise
        except Exception as error:
            if expired.is_set():
                raise KgError(f"no complete answer from {where} within the push deadline of {self.deadline:g} s (--timeout)") from None
            raise KgError(_describe(error, where)) from None
        finally:
            timer.cancel()
            connection.close()
        if expired.is_set():
            raise KgError(f"no complete answer from {where} within the push deadline of {self.deadline:g} s (--timeout)")
        if not accept_errors and not 200 <= response.status < 300:
            detail = " ".join(data[:300].decode("utf-8", "replace").split())
            raise KgError(f"{where} refused the graph: HTTP {response.status} {_printable(response.reason)}"
                          + (f": {_printable(detail)}" if detail else ""))
        return response.status, response.reason, data


def _describe(error: Exception, where: str) -> str:
    if isinstance(error, (http.client.BadStatusLine, http.client.LineTooLong, http.client.UnknownProtocol)):
        return f"{where} did not answer in HTTP"
    if isinstance(error, (http.client.IncompleteRead, http.client.RemoteDisconnected)):
        return f"{where} cut its answer off before the end"
    if isinstance(error, http.client.HTTPException):
        return f"{where} sent a broken HTTP answer ({type(error).__name__})"
    if isinstance(error, socket.gaierror):
        return f"cannot reach {where}: unknown host"
    if isinstance(error, ConnectionRefusedError):
        return f"cannot reach {where}: connection refused"
    if isinstance(error, (TimeoutError, socket.timeout)):
        return f"cannot reach {where}: it stopped answering"
    if isinstance(error, OSError):
        return f"cannot reach {where}: {error.strerror or type(error).__name__}"
    return f"cannot talk to {where}: {type(error).__name__}"


def _printable(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


# ----------------------------------------------------------------------------- what the user gives


def check_url(url: str, what: str = "endpoint") -> None:
    """A one-line `KgError` unless `url` is an http(s) URL with a host (and a number for a port)."""
    bad = f"bad {what} {_printable(repr(url))}"
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise KgError(f"{bad}: a URL has no spaces or control characters (write a space as %20)")
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as error:
        raise KgError(f"{bad}: {error}") from None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise KgError(f"{bad}: give an http:// or https:// URL")


def check_iri(iri: str) -> None:
    """A one-line `KgError` unless `iri` is an absolute IRI (a graph's name)."""
    try:
        ox.NamedNode(iri)
    except ValueError as error:
        raise KgError(f"bad --graph IRI {_printable(repr(iri))}: {_printable(str(error))}") from None
    if not urllib.parse.urlsplit(iri).scheme:
        raise KgError(f"bad --graph IRI {_printable(repr(iri))}: it must be absolute (http://example.org/news)")

