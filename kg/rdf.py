"""RDF: map extracted facts and resolved entities onto the ontology, and serialise the graph.

Every IRI is derived from canonical names, document ids and character offsets, never from counters or
random ids, so the same input always gives the same graph, byte for byte.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SDO, SKOS
from rdflib.term import Node

from kg.data import table_rows
from kg.errors import KgError
from kg.files import atomic_path
from kg.names import slug
from kg.namespace import CAMEO, ENTITIES_GRAPH, KG, KGR, NIF, SEM
from kg import store as stores
from kg.store import RDF_FORMATS, choose_store, load_into, rdf_format, sorted_quads, write_quads

if TYPE_CHECKING:  # extract and resolve load spaCy, which reading and querying a graph never needs
    from kg.extract import ArticleFacts, EventFact, Evidence, Mention, RoleFact
    from kg.extract.facts import NominalParty
    from kg.resolve import Entity, Resolution

ENTITY_CLASSES = {
    "Person": KG.Person,
    "Organization": KG.Organization,
    "Country": KG.Country,
    "Place": KG.Place,
}

PREFIXES = {
    "kg": KG._NS, "kgr": KGR, "cameo": CAMEO, "org": ORG, "prov": PROV, "skos": SKOS,
    "schema": SDO, "sem": SEM._NS, "nif": NIF._NS, "xsd": XSD,
}
# Prefixes for Oxigraph's writers: the vocabularies only, as instance IRIs hold "/" that a prefixed
# name would have to escape ("kgr:graph\\/entities").
PREFIX_IRIS = {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items()) if prefix != "kgr"}


@cache
def cameo_roots() -> dict[str, tuple[str, str]]:
    """CAMEO root code → (label, quad class)."""
    rows = table_rows("cameo_roots.tsv")
    return {row["code"]: (row["label"], row["quad_class"]) for row in rows}


def new_graph(store: str = "memory") -> Graph:
    """An empty graph with the project's prefixes, in rdflib's memory store or in Oxigraph."""
    return stores.new_graph(store, PREFIXES)


def entity_iri(entity: Entity) -> URIRef:
    return KGR[entity.key]


def document_iri(article_id: str) -> URIRef:
    return KGR["document/" + quote(article_id, safe="-._~")]


def corpus_graph(corpus: Sequence[ArticleFacts], resolution: Resolution) -> Graph:
    """The whole corpus as one RDF graph in memory: entities, documents, roles, events and their evidence."""
    graph = new_graph()
    # Straight to the store: Graph.addN would check again that each term is an rdflib node.
    graph.store.addN((s, p, o, graph) for s, p, o in corpus_triples(corpus, resolution, role_labels(corpus)))
    return graph


def corpus_triples(corpus: Iterable[ArticleFacts], resolution: Resolution,
                   labels: dict[str, str]) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of the corpus graph, the entities' first and then article by article (`labels`: the
    `role_labels` of the corpus). A triple two articles share comes once from each: a graph keeps one."""
    for entity in resolution.entities:
        triples = _Triples()
        _add_entity(triples, entity)
        yield from triples.items
    for facts in corpus:
        triples = _Triples()
        _add_article(triples, facts, _entities_in(resolution, facts), labels)
        yield from triples.items


def role_labels(corpus: Iterable[ArticleFacts]) -> dict[str, str]:
    """The label of each role node (by slug): the spelling the corpus writes most, then the first in
    sort order, so that neither the order of the articles nor an update changes it."""

    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for facts in corpus:
        for role in facts.roles:
            spellings[slug(role.role)][role.role] += 1
    return {key: min(counts, key=lambda spelling: (-counts[spelling], spelling)) for key, counts in spellings.items()}


@dataclass(frozen=True)
class CorpusStore:
    """A corpus graph on disk, as a build writes it: its triples as sorted, distinct N-Triples lines (the
    order of graph.ttl) and an on-disk Oxigraph store loaded from them, which `kg.readers` reads."""

    triples: Path
    store: ox.Store


def corpus_store(corpus: Iterable[ArticleFacts], resolution: Resolution, labels: dict[str, str],
                 folder: Path) -> CorpusStore:
    """Write the corpus graph (`corpus_triples`) into `folder`, article by article, as a `CorpusStore`.

    No more than `SORT_RUN_BYTES` of N-Triples are in memory at a time: the lines go to sorted runs on
    disk, merged into one file (`merge_sorted_lines`), which Oxigraph's bulk loader reads into the store.
    """
    path = folder / "graph.nt"
    merge_sorted_lines(_ntriples(corpus_triples(corpus, resolution, labels)), path, folder)
    store = ox.Store(str(folder / "store"))
    # A few megabytes at a time: Oxigraph's bulk loader holds all it is given in memory (900 MB for a
    # file of a million triples); in chunks the store of a million triples is made in 90 MB.
    with path.open("rb") as lines:
        while chunk := lines.readlines(STORE_CHUNK_BYTES):
            store.bulk_load(input=b"".join(chunk), format=ox.RdfFormat.N_TRIPLES)
    return CorpusStore(path, store)


# N-Triples handed to Oxigraph's bulk loader at a time.
STORE_CHUNK_BYTES = 4 * 2**20


# N-Triples kept in memory before they are sorted into a run on disk: a few times this in Python objects.
# 4 MB rather than 16: the store of 1,000 generated articles is made in 40 MB less, in the same time.
SORT_RUN_BYTES = 4 * 2**20


def _ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> Iterator[bytes]:
    """Each triple as an N-Triples line, written as `kg.store.sorted_quads` writes it (so sorted the same)."""
    text: dict[Node, str] = {}
    for triple in triples:
        if len(text) > 100_000:  # the terms of the last few articles: most terms recur within an article
            text.clear()
        yield (" ".join(text.get(term) or text.setdefault(term, _ntriples_term(term)) for term in triple)
               + " .\n").encode("utf-8")


def _ntriples_term(term: Node) -> str:
    return str(ox.NamedNode(str(term))) if isinstance(term, URIRef) else stores.sparql_literal(term)


def merge_sorted_lines(lines: Iterable[bytes], path: Path, work: Path, run_bytes: int = SORT_RUN_BYTES) -> int:
    """Write `lines` to `path` sorted (as bytes, so as their text) and each once; return how many.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> merge_sorted_lines([b"c\\n", b"a\\n", b"c\\n", b"b\\n"], folder / "out", folder, run_bytes=2)
    3
    >>> (folder / "out").read_bytes()
    b'a\\nb\\nc\\n'
    """
    runs: list[Path] = []
    batch: list[bytes] = []
    size = 0
    for line in lines:
        batch.append(line)
        size += len(line)
        if size >= run_bytes:
            runs.append(_write_run(sorted(set(batch)), work / f"run-{len(runs)}"))
            batch, size = [], 0
    runs.append(_write_run(sorted(set(batch)), work / f"run-{len(runs)}"))
    del batch
    streams = [run.open("rb") for run in runs]
    written, last = 0, None
    try:
        with path.open("wb") as out:
            for line in heapq.merge(*streams):
                if line != last:
                    out.write(line)
                    written += 1
                    last = line
    finally:
        for stream in streams:
            stream.close()
        for run in runs:
            run.unlink()
    return written


def _write_run(lines: list[bytes], path: Path) -> Path:
    with path.open("wb") as stream:
        stream.writelines(lines)
    return path


def _entities_in(resolution: Resolution, facts: ArticleFacts) -> Callable[[Mention | None], Entity | None]:
    """The entity each mention of one article names (None for none), by the article's keys, worked out
    when the article is written (`Resolution.keys_in`): no table of every mention of the corpus is kept."""
    by_key = resolution.by_key
    keys = resolution.keys_in(facts)

    def entity_of(mention: Mention | None) -> Entity | None:
        key = keys.get((mention.start, mention.end)) if mention is not None else None
        return by_key.get(key) if key else None

    return entity_of


class _Triples:
    """The triples of a graph being built, each once, in the order first added.

    The nodes many facts share (roles, CAMEO concepts, an evidence sentence several facts cite) are
    described the first time only, and the literals many triples share are made once: rdflib's memory
    store and its terms cost microseconds each, and a corpus adds hundreds of thousands of triples.
    """

    def __init__(self) -> None:
        self.items: list[tuple[Node, Node, Node]] = []
        self.described: set[str] = set()
        self.literals: dict[tuple, Literal] = {}

    def add(self, subject: Node, predicate: Node, value: Node) -> None:
        self.items.append((subject, predicate, value))

    def first_time(self, node: str) -> bool:
        """Whether `node` is new here (and from now on, not)."""
        if node in self.described:
            return False
        self.described.add(node)
        return True

    def literal(self, value: object, **kind: str) -> Literal:
        key = (type(value), value, *kind.items())  # type too: True == 1, but "true" is not "1"
        if key not in self.literals:
            self.literals[key] = Literal(value, **kind)
        return self.literals[key]


def _add_entity(triples: _Triples, entity: Entity) -> None:
    node = entity_iri(entity)
    triples.add(node, RDF.type, ENTITY_CLASSES[entity.type])
    triples.add(node, SKOS.prefLabel, Literal(entity.name))
    for alias in entity.aliases:
        triples.add(node, SKOS.altLabel, Literal(alias))
    triples.add(node, KG.mentionCount, Literal(entity.mentions))


def _add_article(triples: _Triples, facts: ArticleFacts, entity_of: Callable[[Mention | None], Entity | None],
                 role_labels: dict[str, str]) -> None:
    document = _add_document(triples, facts.article)
    for role in facts.roles:
        _add_role(triples, document, role, entity_of, role_labels)
    for event in facts.events:
        _add_event(triples, document, event, entity_of)


@dataclass(frozen=True)
class _Document:
    """The document a fact comes from: its article's id, its node, and the digest its evidence is named by."""

    id: str
    node: URIRef
    digest: str


def _add_document(triples: _Triples, article) -> _Document:
    document = document_iri(article.id)
    triples.add(document, RDF.type, KG.Document)
    triples.add(document, KG.source, Literal(article.source))
    if article.title:
        triples.add(document, SDO.name, Literal(article.title))
    if article.url:
        triples.add(document, SDO.url, Literal(article.url, datatype=XSD.anyURI))
    if article.published:
        triples.add(document, SDO.datePublished, Literal(article.published))
    return _Document(article.id, document, _digest(article.id))


def _add_role(triples: _Triples, document: _Document, role: RoleFact,
              entity_of: Callable[[Mention | None], Entity | None], role_labels: dict[str, str]) -> None:

    person = entity_of(role.person)
    organization = entity_of(role.organization)
    if person is None or person.type != "Person":
        return
    role_slug = slug(role.role)
    role_node = KGR["role/" + role_slug]
    if triples.first_time(role_node):
        triples.add(role_node, RDF.type, ORG.Role)
        triples.add(role_node, SKOS.prefLabel, triples.literal(role_labels[role_slug]))
    parts = [person.key, role_slug, organization.key if organization else "-"]
    if role.former:
        parts.append("former")
    membership = KGR["membership/" + _digest(*parts)]
    if triples.first_time(membership):  # a membership several sentences state: one more evidence each
        triples.add(membership, RDF.type, ORG.Membership)
        triples.add(membership, ORG.member, entity_iri(person))
        triples.add(membership, ORG.role, role_node)
        if organization is not None:
            triples.add(membership, ORG.organization, entity_iri(organization))
        triples.add(membership, KG.former, triples.literal(role.former))
    triples.add(membership, KG.evidence, _add_evidence(triples, document, role.evidence))
    # "Treasury Secretary Steven Mnuchin": the Department of the Treasury is part of the United States.
    state = entity_of(role.state)
    if organization is not None and state is not None and state.key != organization.key \
            and triples.first_time(f"part/{organization.key}/{state.key}"):
        triples.add(entity_iri(organization), ORG.subOrganizationOf, entity_iri(state))


def _add_event(triples: _Triples, document: _Document, event: EventFact,
               entity_of: Callable[[Mention | None], Entity | None]) -> None:
    actor = _event_party(triples, document.digest, entity_of(event.actor), event.actor_party)
    target = _event_party(triples, document.digest, entity_of(event.target), event.target_party)
    if actor is None and (event.actor.text or target is None):
        return  # a named actor that resolved to no entity, or no party at all
    node = KGR["event/" + _digest(document.id, event.evidence.start, event.evidence.end, actor or "-",
                                  event.action, target or "-")]
    triples.add(node, RDF.type, KG.Event)
    if actor is not None:  # an actor the text does not write is left out: the event has no kg:actor
        triples.add(node, KG.actor, actor)
    if target is not None:
        triples.add(node, KG.target, target)
    triples.add(node, KG.action, triples.literal(event.action))
    triples.add(node, KG.negated, triples.literal(event.negated))
    triples.add(node, KG.modality, triples.literal(event.modality))
    if event.cameo:
        _add_event_type(triples, node, event.cameo)
    place = entity_of(event.place)
    if place is not None:
        triples.add(node, SEM.hasPlace, entity_iri(place))
    if event.when is not None:
        triples.add(node, KG.timeText, triples.literal(event.when.text))
        if event.when.value:
            triples.add(node, SEM.hasTimeStamp, triples.literal(event.when.value, datatype=DATE_TYPES[len(event.when.value)]))
    triples.add(node, KG.evidence, _add_evidence(triples, document, event.evidence))


# An ISO date's length → its XML Schema type: a day, a month, a year.
DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


def _event_party(triples: _Triples, document_digest: str, entity: Entity | None,
                 nominal: NominalParty | None) -> URIRef | None:
    """The node of an event's actor or target: its entity, or a party of its article named by a noun phrase
    ("several oil tankers"), described the first time it is met."""
    if entity is not None:
        return entity_iri(entity)
    if nominal is None:
        return None
    node = KGR[f"party/{document_digest}/{nominal.start}-{nominal.end}"]
    if triples.first_time(node):
        triples.add(node, RDF.type, KG.NominalParty)
        triples.add(node, SKOS.prefLabel, triples.literal(nominal.text))
        triples.add(node, KG.headLemma, triples.literal(nominal.head))
        triples.add(node, KG.kind, triples.literal(nominal.kind))
        if nominal.quantity is not None:
            triples.add(node, KG.quantity, triples.literal(nominal.quantity))
            if nominal.qualifier:
                triples.add(node, KG.quantityQualifier, triples.literal(nominal.qualifier))
    return node


def _add_event_type(triples: _Triples, event: URIRef, code: str) -> None:
    concept = CAMEO[code]
    triples.add(event, KG.eventType, concept)
    if not triples.first_time(concept):
        return
    label, quad_class = cameo_roots()[code]
    event_class = CAMEO[quad_class.replace(" ", "-")]
    triples.add(concept, RDF.type, SKOS.Concept)
    triples.add(concept, SKOS.prefLabel, Literal(label, lang="en"))
    triples.add(concept, KG.eventClass, event_class)
    if triples.first_time(event_class):
        triples.add(event_class, RDF.type, KG.EventClass)
        triples.add(event_class, SKOS.prefLabel, Literal(quad_class, lang="en"))


def _add_evidence(triples: _Triples, document: _Document, evidence: Evidence) -> URIRef:
    node = KGR[f"evidence/{document.digest}/{evidence.start}-{evidence.end}"]
    if triples.first_time(node):
        triples.add(node, RDF.type, KG.Evidence)
        triples.add(node, KG.document, document.node)
        triples.add(node, KG.sentence, Literal(evidence.sentence.strip()))
        triples.add(node, KG.sentenceStart, triples.literal(evidence.sentence_start))
        triples.add(node, KG.sentenceEnd, triples.literal(evidence.sentence_end))
        triples.add(node, NIF.beginIndex, triples.literal(evidence.start))
        triples.add(node, NIF.endIndex, triples.literal(evidence.end))
    return node


def _digest(*parts: object) -> str:
    """A short, stable name for a fact made of several parts."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def document_quads(graph: Graph) -> Iterator[tuple[Node, Node, Node, URIRef]]:
    """Every triple of `graph` with the one named graph it belongs to: see `kg.store.named_graph_quads`."""
    return stores.named_graph_quads(graph)


def write_graph(graph: Graph | CorpusStore, path: str | Path, format: str = "turtle") -> None:
    """Serialise `graph` to `path` atomically (`format` is rdflib's name of it).

    Turtle, N-Triples and RDF/XML are written by Oxigraph's serialisers (for 100,000 triples a few
    hundredths of a second, against seconds for rdflib's), in sorted order, so that the file is the same
    byte for byte on every run; any other format by rdflib's.
    """
    fmt = next((f for f in RDF_FORMATS.values() if f.rdflib == format and not f.quads), None)
    if isinstance(graph, CorpusStore):  # its lines are in the order of the file already: streamed
        if fmt is None:
            raise KgError(f"a build writes its graph as Turtle, N-Triples or RDF/XML, not {format}")
        write_quads(ox.parse(path=str(graph.triples), format=ox.RdfFormat.N_TRIPLES), path, fmt, PREFIX_IRIS)
        return
    if fmt is not None:
        quads = stores.oxigraph_quads(graph) if stores.is_oxigraph(graph) else sorted_quads((s, p, o, None) for s, p, o in graph)
        write_quads(quads, path, fmt, PREFIX_IRIS)
        return
    with atomic_path(path) as tmp:
        graph.serialize(destination=str(tmp), format=format, encoding="utf-8")


def write_dataset(graph: Graph, path: str | Path) -> None:
    """Write `graph` as N-Quads or TriG, one named graph per document (see `document_quads`)."""
    fmt = rdf_format(path)
    if not fmt.quads or fmt.rdflib == "json-ld":
        raise KgError(f"{path} is not a TriG or N-Quads file")
    write_quads(sorted_quads(document_quads(graph)), path, fmt, PREFIX_IRIS)


def load_graph(path: str | Path, store: str = "auto") -> Graph:
    """Parse a graph file, its format known by its extension (.ttl .nt .nq .trig .jsonld .rdf).

    `store` is "memory" (rdflib's), "oxigraph" (fast, for large graphs) or "auto": Oxigraph for files of
    `FAST_STORE_BYTES` or more. Either way the result is an rdflib `Graph`; the triples of every named
    graph of a TriG or N-Quads file are merged into it.
    """
    path = Path(path)
    if not path.is_file():
        raise KgError(f"no such graph file: {path}")
    graph = new_graph(choose_store(path, store))
    load_into(graph, path)
    return graph
