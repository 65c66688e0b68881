"""Push: load a graph into a SPARQL 1.1 server.

The Graph Store HTTP Protocol first: one `PUT ENDPOINT?graph=IRI` of N-Triples per named graph, which
replaces that graph, so pushing a rebuilt article again replaces its facts and nothing else. Where
the endpoint is not a graph store (the server answers 404, 405 or 415), the same graphs go as SPARQL
Update (`DROP SILENT GRAPH`, then `INSERT DATA` in batches) to the same URL. Without `--graph`, each
document goes to its own named graph and shared entities to `ENTITIES_GRAPH` (see
`kg.rdf.document_quads`); with it, every triple goes to that one graph.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.errors import KgError
from kg.rdf import document_quads
from kg.store import sorted_quads

# Status codes by which a URL says "I am not a graph store here": then try SPARQL Update.
NOT_A_GRAPH_STORE = frozenset({404, 405, 415, 501})
# Triples per INSERT DATA request: small enough for any server's request limit.
UPDATE_BATCH = 20_000
TIMEOUT_SECONDS = 300
DEFAULT_GRAPH = "default"


@dataclass(frozen=True)
class PushResult:
    endpoint: str
    protocol: str  # "graph store" or "SPARQL update"
    graphs: int
    triples: int

    def summary(self) -> str:
        return (f"pushed {self.triples} triples in {self.graphs} graph{'s' if self.graphs != 1 else ''} "
                f"to {self.endpoint} ({self.protocol})")


def push(graph: Graph, endpoint: str, graph_iri: str | None = None) -> PushResult:
    """Load `graph` into the server at `endpoint`, into `graph_iri` ("default" for the default graph)
    or, by default, one named graph per document."""
    _check_url(endpoint)
    if graph_iri is not None and graph_iri != DEFAULT_GRAPH:
        _check_url(graph_iri, what="graph IRI")
    graphs = _graphs(graph, graph_iri)
    try:
        for name, triples in graphs.items():
            _put(endpoint, name, triples)
        protocol = "graph store"
    except _NotAGraphStore:
        for name, triples in graphs.items():
            _update(endpoint, name, triples)
        protocol = "SPARQL update"
    return PushResult(endpoint, protocol, len(graphs), sum(len(t) for t in graphs.values()))


def _graphs(graph: Graph, graph_iri: str | None) -> dict[str | None, list[ox.Triple]]:
    """Sorted triples by target graph (None is the default graph), in graph name order."""
    if graph_iri is not None:
        name = None if graph_iri == DEFAULT_GRAPH else graph_iri
        return {name: [q.triple for q in sorted_quads((s, p, o, None) for s, p, o in graph)]}
    by_graph: dict[str | None, list[ox.Triple]] = defaultdict(list)
    for quad in sorted_quads(document_quads(graph)):
        by_graph[quad.graph_name.value].append(quad.triple)
    return dict(sorted(by_graph.items()))


class _NotAGraphStore(Exception):
    pass


def _put(endpoint: str, name: str | None, triples: list[ox.Triple]) -> None:
    query = "default" if name is None else urllib.parse.urlencode({"graph": name})
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    _send(urllib.request.Request(url, data=body, method="PUT",
                                 headers={"Content-Type": "application/n-triples"}), endpoint, graph_store=True)


def _update(endpoint: str, name: str | None, triples: list[ox.Triple]) -> None:
    target = "DEFAULT" if name is None else f"GRAPH {URIRef(name).n3()}"
    statements = []
    for start in range(0, len(triples), UPDATE_BATCH):
        data = ox.serialize(triples[start:start + UPDATE_BATCH], format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        statements.append(f"INSERT DATA {{ {data} }}" if name is None else f"INSERT DATA {{ {target} {{ {data} }} }}")
    # The graph is emptied in the same request as its first batch goes in, so it is never seen empty.
    statements[0] = f"{'CLEAR SILENT DEFAULT' if name is None else 'DROP SILENT ' + target} ;\n{statements[0]}"
    for statement in statements:
        _send(urllib.request.Request(endpoint, data=statement.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/sparql-update"}), endpoint, graph_store=False)


def _send(request: urllib.request.Request, endpoint: str, graph_store: bool) -> None:
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            response.read()
    except urllib.error.HTTPError as error:
        if graph_store and error.code in NOT_A_GRAPH_STORE:
            raise _NotAGraphStore() from None
        detail = " ".join(error.read(300).decode("utf-8", "replace").split())
        raise KgError(f"{endpoint} refused the graph: HTTP {error.code} {error.reason}"
                      + (f": {detail}" if detail else "")) from None
    except urllib.error.URLError as error:
        raise KgError(f"cannot reach {endpoint}: {error.reason}") from None
    except (TimeoutError, ConnectionError) as error:
        raise KgError(f"cannot reach {endpoint}: {error}") from None


def _check_url(url: str, what: str = "endpoint") -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise KgError(f"bad {what} {url!r}: give an http:// or https:// URL")
