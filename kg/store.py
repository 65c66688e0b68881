"""Store: read and write graph files in every RDF format, in rdflib's memory store or in Oxigraph.

rdflib's memory store serves the small graphs of a few hundred articles well and keeps its whole API.
Large graphs load into Oxigraph (pyoxigraph, seen through rdflib as the oxrdflib store): the same
`Graph` API and `graph.query(...)`, but parsing, SPARQL and serialising run in Rust, many times faster
(`bench/rdf_store.py` measures how much).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Graph
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
    """Parse `path` into `graph`; the triples of every named graph of a quad format join the one graph.

    Every format is parsed by Oxigraph, which reads a file offline: a JSON-LD `@context` on the web is
    refused, never fetched (rdflib's parser would fetch it), and no XML entity is resolved. A literal
    that is not a value of its datatype (`"many"^^xsd:integer`) is refused too, in one line, rather
    than break whatever reads the graph later.
    """
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
            _check_values_in_store(inner, target, path)
        else:
            graph.store.addN((*triple, graph) for triple in _rdflib_triples(path, fmt))
    except KgError:
        raise
    except Exception as error:  # every parser raises its own types; all mean a malformed file
        message = " ".join(str(error).split()) or type(error).__name__
        raise KgError(f"cannot parse {path}: {message[:400]}") from None


# The lexical forms of the XSD datatypes whose values kg reads as numbers, truth values and dates.
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER = r"[+-]?[0-9]+"
_LEXICAL = {
    _XSD + "integer": _INTEGER, _XSD + "int": _INTEGER, _XSD + "long": _INTEGER,
    _XSD + "nonNegativeInteger": r"\+?[0-9]+", _XSD + "positiveInteger": r"\+?[0-9]*[1-9][0-9]*",
    _XSD + "decimal": r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)",
    _XSD + "double": r"[+-]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|INF)|-INF|NaN",
    _XSD + "float": r"[+-]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|INF)|-INF|NaN",
    _XSD + "boolean": r"true|false|1|0",
    _XSD + "date": r"-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-][0-9]{2}:[0-9]{2})?",
    _XSD + "gYearMonth": r"-?[0-9]{4,}-(0[1-9]|1[0-2])(Z|[+-][0-9]{2}:[0-9]{2})?",
    _XSD + "gYear": r"-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?",
}
_LEXICAL_RE = {datatype: re.compile(pattern) for datatype, pattern in _LEXICAL.items()}


def _bad_value(path: Path, subject: str, predicate: str, value: str, datatype: str) -> KgError:
    name = datatype.removeprefix(_XSD)
    return KgError(f"{path}: {value[:60]!r} is not a valid xsd:{name} (the {predicate} of {subject}); "
                   "fix or remove that triple")


def _rdflib_triples(path: Path, fmt: RdfFormat) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of a file, parsed by Oxigraph, as rdflib terms (each distinct term made once)."""
    terms: dict = {}
    for quad in ox.parse(path=str(path), format=fmt.oxigraph):
        value = quad.object
        if isinstance(value, ox.Literal) and value not in terms:
            pattern = _LEXICAL_RE.get(value.datatype.value)
            if pattern is not None and not pattern.fullmatch(value.value):
                raise _bad_value(path, str(quad.subject), str(quad.predicate), value.value, value.datatype.value)
        yield _from_ox(quad.subject, terms), _from_ox(quad.predicate, terms), _from_ox(value, terms)


def _from_ox(term, terms: dict):
    try:
        return terms[term]
    except KeyError:
        pass
    if isinstance(term, ox.NamedNode):
        made = URIRef(term.value)
    elif isinstance(term, ox.BlankNode):
        made = BNode(term.value)
    elif isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language:
            made = Literal(term.value, lang=term.language)
        elif datatype == _XSD + "string":
            made = Literal(term.value)
        else:
            made = Literal(term.value, datatype=URIRef(datatype))
    else:
        raise KgError("kg reads no RDF-star triple terms")
    terms[term] = made
    return made


def _check_values_in_store(store: ox.Store, graph_name, path: Path) -> None:
    """The first literal of a checked datatype whose text is not a value of it, found by Oxigraph itself."""
    tests = " || ".join(f'(DATATYPE(?o) = <{datatype}> && !REGEX(STR(?o), "^({escaped})$"))'
                        for datatype, pattern in _LEXICAL.items() for escaped in [pattern.replace("\\", "\\\\")])
    query = f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(isLiteral(?o) && ({tests})) }} LIMIT 1"
    for solution in store.query(query, default_graph=graph_name):
        o = solution["o"]
        raise _bad_value(path, str(solution["s"]), str(solution["p"]), o.value, o.datatype.value)


def sparql_literal(value: Literal) -> str:
    """A literal as SPARQL (and N-Triples) text, every quote, backslash and line break escaped.

    rdflib's `Literal.n3()` writes a value with a line break between triple quotes, which a value
    ending in a quote breaks: '\\n x\\"' came out as four quotes in a row.

    >>> print(sparql_literal(Literal('line\\n ends in \\\\"')))
    "line\\n ends in \\\\\\""
    """
    return str(_to_ox(value))


def check_offline_query(text: str) -> None:
    """Refuse a query that would fetch from the web (a SERVICE clause) unless KG_ALLOW_SERVICE=1.

    kg reads offline; both query engines (rdflib's, Oxigraph's) would send a SERVICE clause to the URL
    it names, so a query file from elsewhere could make kg call any server.
    """
    if os.environ.get("KG_ALLOW_SERVICE") == "1" or not re.search(r"\bSERVICE\b", text, re.IGNORECASE):
        return
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except Exception:
        return  # the engine reports the syntax error, and runs nothing
    if "ServiceGraphPattern" in repr(tree):
        raise KgError("the query asks a remote SERVICE, and kg reads offline: set KG_ALLOW_SERVICE=1 "
                      "to let this query call that server")


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


class _NQuadsTerms(dict):
    """rdflib terms' N-Quads text, each distinct term converted once (a graph names each entity, document
    and datatype thousands of times)."""

    def __missing__(self, term: Node) -> str:
        self[term] = text = str(_to_ox(term))
        return text


def sorted_quads(quads) -> Iterator[ox.Quad]:
    """rdflib (s, p, o, graph name) tuples as pyoxigraph quads in a stable order, for byte-identical files.

    The quads go over as sorted N-Quads lines that Oxigraph parses: each distinct term is converted once,
    and no quad is built from Python (for 100,000 triples, a third of a second instead of a second). The
    quads are parsed as they are read, so that a million-triple graph never exists a second time as
    Python objects (for the 1.06 million triples of 3,000 generated articles, 400 MB less at the peak).
    """
    text = _NQuadsTerms()
    # Bytes sort as their text does: UTF-8 keeps the order of code points.
    lines = [(f"{text[s]} {text[p]} {text[o]} {text[g]} .\n" if g is not None else
              f"{text[s]} {text[p]} {text[o]} .\n").encode("utf-8") for s, p, o, g in quads]
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


def open_store(location: str | Path) -> ox.Store:
    """The on-disk Oxigraph store at `location` (one `kg load` made), opened read-only: a query never
    changes it, and a server may serve it meanwhile."""
    location = Path(location)
    if not location.is_dir():
        raise KgError(f"no such store folder: {location}")
    try:
        return ox.Store.read_only(str(location))
    except OSError as error:
        # A folder with no store in it lacks RocksDB's CURRENT file; anything else is worth its words.
        reason = "" if "CURRENT" in str(error) else ": " + " ".join(str(error).split())[:200]
        raise KgError(f"{location} is not an Oxigraph store (make one with kg load){reason}") from None


@dataclass(frozen=True)
class LoadedStore:
    """What `load_store` put into an on-disk store."""

    location: Path
    triples: int
    graphs: int

    def summary(self) -> str:
        return (f"loaded {self.triples} triples in {self.graphs} graphs into {self.location}; serve them with: "
                f"oxigraph serve --location {self.location} --union-default-graph")


def load_store(graph: Graph, location: str | Path, *, replace: bool = False) -> LoadedStore:
    """Bulk-load `graph` into a new on-disk Oxigraph store at `location`, laid out in named graphs as
    `kg push` lays them out (`named_graph_quads`: one graph per document, the shared entities' graph),
    so that `oxigraph serve --location ... --union-default-graph` answers the bundled queries with the
    rows the file gives.

    The quads stream to an N-Quads file that Oxigraph's bulk loader reads (it writes the store's index
    files directly, without a transaction), into a new folder beside `location` that then takes its
    place: a failed or interrupted load leaves no half-filled store. An existing store is replaced only
    with `replace=True`; a server must not have it open.
    """
    import shutil
    import tempfile

    from kg.files import signals_held

    location = Path(location)
    if location.exists() and not location.is_dir():
        raise KgError(f"the store must be a folder: {location} is a file")
    if location.is_dir() and any(location.iterdir()) and not replace:
        raise KgError(f"{location} is not empty: give --replace to replace the store in it, or a new folder")
    location.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{location.name}.kg-load-", dir=location.parent))
    try:
        quads = work / "graph.nq"
        text = _NQuadsTerms()
        names = set()
        with quads.open("w", encoding="utf-8") as stream:
            for s, p, o, g in named_graph_quads(graph):
                names.add(g)
                stream.write(f"{text[s]} {text[p]} {text[o]} {text[g]} .\n")
        text.clear()
        store = ox.Store(str(work / "store"))
        store.bulk_load(path=str(quads), format=ox.RdfFormat.N_QUADS)
        count = len(store)
        del store  # closes the store's files before the folder moves
        quads.unlink()
        old = work / "old"
        with signals_held():  # the old store moves aside and the new one in, both or neither
            if location.exists():
                os.replace(location, old)
            os.replace(work / "store", location)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return LoadedStore(location, count, len(names))
