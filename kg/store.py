"""Store: read and write graph files in every RDF format, in rdflib's memory store or in Oxigraph.

rdflib's memory store serves the small graphs of a few hundred articles well and keeps its whole API.
Large graphs load into Oxigraph (pyoxigraph, seen through rdflib as the oxrdflib store): the same
`Graph` API and `graph.query(...)`, but parsing, SPARQL and serialising run in Rust, many times faster
(`bench/rdf_store.py` measures how much).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Dataset, Graph
from rdflib.term import BNode, Literal, Node, URIRef

from kg.errors import KgError
from kg.files import atomic_path

# Files at least this big load into Oxigraph when the caller leaves the choice to `load_graph`:
# about 100 000 triples of Turtle, where rdflib's parser starts to take seconds.
FAST_STORE_BYTES = 8 * 1024 * 1024

STORES = ("auto", "memory", "oxigraph")


@dataclass(frozen=True)
class RdfFormat:
    """One RDF serialisation: its name in rdflib and in pyoxigraph, and whether it holds named graphs."""

    rdflib: str
    oxigraph: ox.RdfFormat
    quads: bool
    media_type: str


RDF_FORMATS = {
    ".ttl": RdfFormat("turtle", ox.RdfFormat.TURTLE, False, "text/turtle"),
    ".nt": RdfFormat("nt", ox.RdfFormat.N_TRIPLES, False, "application/n-triples"),
    ".nq": RdfFormat("nquads", ox.RdfFormat.N_QUADS, True, "application/n-quads"),
    ".trig": RdfFormat("trig", ox.RdfFormat.TRIG, True, "application/trig"),
    ".jsonld": RdfFormat("json-ld", ox.RdfFormat.JSON_LD, True, "application/ld+json"),
    ".rdf": RdfFormat("xml", ox.RdfFormat.RDF_XML, False, "application/rdf+xml"),
    ".owl": RdfFormat("xml", ox.RdfFormat.RDF_XML, False, "application/rdf+xml"),
}


def rdf_format(path: str | Path) -> RdfFormat:
    """The RDF format of a file, from its extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        suffix = ".jsonld"
    if suffix not in RDF_FORMATS:
        raise KgError(f"unknown RDF file type {suffix or '(none)'} for {path}: use one of {', '.join(RDF_FORMATS)}")
    return RDF_FORMATS[suffix]


def new_graph(store: str = "memory", prefixes: dict[str, str] | None = None) -> Graph:
    """An empty graph in rdflib's memory store or in Oxigraph, with `prefixes` bound.

    The memory store is rdflib's SimpleMemory: it indexes triples as the default store does, without the
    bookkeeping of which named graphs hold each triple, which a single graph never needs; it takes half
    the time to add a triple (bench/speed.py's 105,000: 0.74 s to 0.40 s) and to look one up.
    """
    graph = Graph(store="Oxigraph" if store == "oxigraph" else "SimpleMemory")
    for prefix, namespace in (prefixes or {}).items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def choose_store(path: Path, store: str) -> str:
    if store not in STORES:
        raise KgError(f"unknown store {store!r}: use one of {', '.join(STORES)}")
    if store == "auto":
        return "oxigraph" if path.stat().st_size >= FAST_STORE_BYTES else "memory"
    return store


def load_into(graph: Graph, path: Path) -> None:
    """Parse `path` into `graph`; the triples of every named graph of a quad format join the one graph."""
    fmt = rdf_format(path)
    try:
        if is_oxigraph(graph):
            inner = graph.store._inner  # the pyoxigraph Store under oxrdflib
            target = _to_ox(graph.identifier)
            if fmt.quads:
                inner.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, target)
                                  for q in ox.parse(path=str(path), format=fmt.oxigraph))
            else:
                inner.bulk_load(path=str(path), format=fmt.oxigraph, to_graph=target)
        elif fmt.quads:
            dataset = Dataset()
            dataset.parse(str(path), format=fmt.rdflib)
            graph.addN((s, p, o, graph) for s, p, o, _ in dataset.quads((None, None, None, None)))
        else:
            graph.parse(str(path), format=fmt.rdflib)
    except KgError:
        raise
    except Exception as error:  # every parser raises its own types; all mean a malformed file
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise KgError(f"cannot parse {path}: {message}") from None


def is_oxigraph(graph: Graph) -> bool:
    """Whether `graph` lives in Oxigraph (oxrdflib's store) rather than rdflib's memory store."""
    # rdflib imports oxrdflib when it makes the first graph in Oxigraph: a build never needs it (50 ms).
    oxrdflib = sys.modules.get("oxrdflib")
    return oxrdflib is not None and isinstance(graph.store, oxrdflib.OxigraphStore)


def oxigraph_select(graph: Graph, query: str, prefixes: dict[str, str] | None = None) -> list[tuple[str | None, ...]]:
    """The rows of a SELECT run by Oxigraph itself over a graph in Oxigraph, each value as its plain
    string (an IRI, a literal's lexical form; None when unbound): no rdflib term is made on the way."""
    solutions = graph.store._inner.query(query, default_graph=_to_ox(graph.identifier), prefixes=prefixes)
    width = len(solutions.variables)
    return [tuple(None if solution[i] is None else solution[i].value for i in range(width)) for solution in solutions]


def named_graph_quads(graph: Graph) -> Iterator[tuple[Node, Node, Node, URIRef]]:
    """Every triple of `graph` with the one named graph it belongs to in a TriG or N-Quads export or
    on a server (`kg push`): each triple in exactly one graph, so that a union of the graphs (a store's
    union default graph) is `graph` itself, no triple counted twice.

    Each document has a graph of its own, named by the document's IRI: the document node, its evidence,
    every `kg:evidence` link to that evidence, and the facts only that document states (its events, a
    membership no other document states), so one article's facts can be dropped or replaced alone.
    What documents share is in the graph `ENTITIES_GRAPH`: the entities (names, aliases, mention
    counts), roles, CAMEO concepts, and a fact several documents state, described once there while
    each document's graph holds its own evidence link.
    """
    from kg.namespace import ENTITIES_GRAPH, KG  # the vocabulary: only where named graphs are made

    documents = set(graph.subjects(RDF.type, KG.Document))
    document_of_evidence = {evidence: document for evidence, document in graph.subject_objects(KG.document)}
    documents_of_fact: dict[Node, set[Node]] = {}
    for fact, evidence in graph.subject_objects(KG.evidence):
        if evidence in document_of_evidence:
            documents_of_fact.setdefault(fact, set()).add(document_of_evidence[evidence])
    for s, p, o in graph:
        if s in documents:
            yield s, p, o, s
        elif s in document_of_evidence:
            yield s, p, o, document_of_evidence[s]
        elif p == KG.evidence and o in document_of_evidence:
            yield s, p, o, document_of_evidence[o]
        elif s in documents_of_fact and len(documents_of_fact[s]) == 1:
            yield s, p, o, next(iter(documents_of_fact[s]))
        else:
            yield s, p, o, ENTITIES_GRAPH


def sorted_quads(quads) -> Iterator[ox.Quad]:
    """rdflib (s, p, o, graph name) tuples as pyoxigraph quads in a stable order, for byte-identical files.

    The quads go over as sorted N-Quads lines that Oxigraph parses: each distinct term is converted once,
    and no quad is built from Python (for 100,000 triples, a third of a second instead of a second). The
    quads are parsed as they are read, so that a million-triple graph never exists a second time as
    Python objects (for the 1.06 million triples of 3,000 generated articles, 400 MB less at the peak).
    """
    text: dict[Node, str] = {}

    def nquads(term: Node) -> str:
        try:
            return text[term]
        except KeyError:
            text[term] = written = str(_to_ox(term))
            return written

    # Bytes sort as their text does: UTF-8 keeps the order of code points.
    lines = [(f"{nquads(s)} {nquads(p)} {nquads(o)} {nquads(g)} .\n" if g is not None else
              f"{nquads(s)} {nquads(p)} {nquads(o)} .\n").encode("utf-8") for s, p, o, g in quads]
    text.clear()
    lines.sort()
    document = b"".join(lines)
    del lines
    return ox.parse(document, format=ox.RdfFormat.N_QUADS)


def oxigraph_quads(graph: Graph) -> list[ox.Quad]:
    """The triples of a graph in Oxigraph, straight from its store (no rdflib terms), in a stable order."""
    inner = graph.store._inner
    return sorted((ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                   for q in inner.quads_for_pattern(None, None, None, _to_ox(graph.identifier))), key=str)


def write_quads(quads: Iterable[ox.Quad], path: str | Path, fmt: RdfFormat, prefixes: dict[str, str]) -> None:
    """Serialise quads (or, for a triple format, their triples) with Oxigraph's fast writers, atomically."""
    with atomic_path(path) as tmp:
        if fmt.quads:
            ox.serialize(quads, str(tmp), fmt.oxigraph, prefixes=prefixes)
        else:
            ox.serialize((q.triple for q in quads), str(tmp), fmt.oxigraph, prefixes=prefixes)


def _to_ox(term: Node):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise KgError(f"cannot store the RDF term {term!r}")
