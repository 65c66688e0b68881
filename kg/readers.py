"""Readers: the entities, role facts and event facts of an RDF graph, read back as frozen records.

Analysis, the report and the page read a graph only through this module. A graph in rdflib's memory
store is read by triple lookups (several times faster there than SPARQL); a graph in Oxigraph (an
oxrdflib graph, a `pyoxigraph.Store`, a build's on-disk `kg.rdf.CorpusStore`) by Oxigraph's own SPARQL,
where each lookup through rdflib's API would cost more, one document at a time: the records stream, in
text order, and reading a graph of any size takes the memory of its largest document.

    >>> graph = Graph().parse(format="turtle", data='''
    ... @prefix kg: <https://w3id.org/kg-news/ontology#> . @prefix kgr: <https://w3id.org/kg-news/id/> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... @prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
    ... kgr:us a kg:Country ; skos:prefLabel "United States" ; kg:mentionCount 2 .
    ... kgr:e a kg:Event ; kg:actor kgr:us ; kg:action "warn" ; kg:evidence kgr:x .
    ... kgr:x kg:sentence "The U.S. warned." ; kg:document kgr:d ; nif:beginIndex 0 ; nif:endIndex 15 .
    ... kgr:d kg:source "a.txt" .''')
    >>> [(e.name, e.mentions) for e in entity_records(graph)]
    [('United States', 2)]
    >>> [(e.actor.rsplit("/", 1)[1], e.action, e.source, e.sentence) for e in event_records(graph)]
    [('us', 'warn', 'a.txt', 'The U.S. warned.')]
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby

import pyoxigraph as ox
from rdflib import RDF, Graph
from rdflib.namespace import ORG, SDO, SKOS

from kg.namespace import KG, NIF, SEM
from kg.rdf import PREFIX_IRIS, CorpusStore
from kg.store import is_oxigraph, oxigraph_select

# The entity classes of the ontology; a node typed with several keeps the first.
ENTITY_CLASSES = ("Person", "Organization", "Country", "Place")


@dataclass(frozen=True)
class EntityRecord:
    """An entity of the graph: a node of one of kg's entity classes with a name and a mention count."""

    iri: str
    name: str
    type: str
    mentions: int
    aliases: tuple[str, ...]  # sorted


@dataclass(frozen=True, order=True)
class RoleRecord:
    """One sentence stating that a person holds a role (org:Membership): IRIs, "" where the graph has none."""

    person: str
    organization: str
    role: str  # the role's label
    former: bool
    source: str
    start: int
    end: int
    sentence: str


@dataclass(frozen=True, order=True)
class EventRecord:
    """One sentence stating an event: actor and target IRIs ("" if none), CAMEO type and class labels ("" if
    untyped), the date (sem:hasTimeStamp's lexical form: "2020-01-03", "2020-01", "2020") and the place
    (sem:hasPlace's IRI), "" when the graph does not say."""

    actor: str
    target: str
    action: str
    event_type: str
    event_class: str
    negated: bool
    modality: str
    date: str
    place: str
    source: str
    start: int
    end: int
    sentence: str


def text_order(record: RoleRecord | EventRecord) -> tuple:
    """Where a record's sentence stands: by source, offsets and sentence, then by the record's fields (facts
    stated by the same words, coordinated subjects, in the order of their fields)."""
    return record.source, record.start, record.end, record.sentence, record


def _in_text_order(records: set) -> Iterator:
    return iter(sorted(records, key=text_order))


def _properties(graph: Graph, subject) -> dict:
    """Every property of `subject` with its values, by predicate: one index lookup instead of one per property."""
    found: dict = defaultdict(list)
    for predicate, value in graph.predicate_objects(subject):
        found[predicate].append(value)
    return found


def _first(values: list) -> str:
    return str(min(values)) if values else ""


def _flag(values: list) -> bool:
    return bool(values) and values[0].toPython() is True


class _Lookup:
    """Labels of the few nodes many facts share (documents, roles, event types), each looked up once."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.cache: dict = {}

    def value(self, node, *path) -> str:
        key = (node, path)
        if key not in self.cache:
            here = node
            for predicate in path:
                here = min(self.graph.objects(here, predicate), default=None) if here is not None else None
            self.cache[key] = "" if here is None else str(here)
        return self.cache[key]

    def evidence(self, node) -> tuple | None:
        """(source, start, end, sentence) of an evidence node, None if it lacks a sentence or offsets."""
        properties = _properties(self.graph, node)
        if not (properties[KG.sentence] and properties[NIF.beginIndex] and properties[NIF.endIndex]):
            return None
        source = self.value(min(properties[KG.document]), KG.source) if properties[KG.document] else ""
        return (source, int(properties[NIF.beginIndex][0]), int(properties[NIF.endIndex][0]),
                _first(properties[KG.sentence]))


def role_records(graph) -> Iterator[RoleRecord]:
    """Every role fact of a graph, one record per sentence stating it, in text order (`text_order`)."""
    if _in_oxigraph(graph):
        return _role_records_in_oxigraph(graph, _Layout.of(graph))
    lookup, facts = _Lookup(graph), set()
    for membership in graph.subjects(RDF.type, ORG.Membership):
        properties = _properties(graph, membership)
        if not (properties[ORG.member] and properties[ORG.role]):
            continue
        role = lookup.value(min(properties[ORG.role]), SKOS.prefLabel)
        fact = (_first(properties[ORG.member]), _first(properties[ORG.organization]), role,
                _flag(properties[KG.former]))
        for node in properties[KG.evidence]:
            if evidence := lookup.evidence(node):
                facts.add(RoleRecord(*fact, *evidence))
    return _in_text_order(facts)


def event_records(graph) -> Iterator[EventRecord]:
    """Every event of a graph, one record per sentence stating it, in text order (`text_order`). An event
    with no actor written ("X was killed") is still an event."""
    if _in_oxigraph(graph):
        return _event_records_in_oxigraph(graph, _Layout.of(graph))
    lookup, facts = _Lookup(graph), set()
    for event in graph.subjects(RDF.type, KG.Event):
        properties = _properties(graph, event)
        if not properties[KG.action]:
            continue
        event_type = min(properties[KG.eventType], default=None)
        fact = (_first(properties[KG.actor]), _first(properties[KG.target]), _first(properties[KG.action]),
                lookup.value(event_type, SKOS.prefLabel) if event_type else "",
                lookup.value(event_type, KG.eventClass, SKOS.prefLabel) if event_type else "",
                _flag(properties[KG.negated]), _first(properties[KG.modality]) or "asserted",
                _first(properties[SEM.hasTimeStamp]), _first(properties[SEM.hasPlace]))
        for node in properties[KG.evidence]:
            if evidence := lookup.evidence(node):
                facts.add(EventRecord(*fact, *evidence))
    return _in_text_order(facts)


def facts_in_text_order(graph) -> Iterator[RoleRecord | EventRecord]:
    """Every role and event record of a graph, source by source (a source's roles first, then its events),
    each kind in text order: what a reader that counts articles or keeps the first sentences needs."""
    if _in_oxigraph(graph):  # the documents, and whether some evidence has none: asked once for both kinds
        layout = _Layout.of(graph)
        roles, events = _role_records_in_oxigraph(graph, layout), _event_records_in_oxigraph(graph, layout)
    else:
        roles, events = role_records(graph), event_records(graph)
    return heapq.merge(roles, events, key=lambda record: record.source)


def entity_records(graph) -> Iterator[EntityRecord]:
    """Each entity of a graph, in the order of `ENTITY_CLASSES` and then of the graph."""
    if _in_oxigraph(graph):
        yield from _entity_records_in_oxigraph(graph)
        return
    seen = set()
    for entity_class in ENTITY_CLASSES:
        for node in graph.subjects(RDF.type, KG[entity_class]):
            properties = _properties(graph, node)
            if node not in seen and properties[SKOS.prefLabel] and properties[KG.mentionCount]:
                seen.add(node)
                yield EntityRecord(str(node), _first(properties[SKOS.prefLabel]), entity_class,
                                   int(properties[KG.mentionCount][0]),
                                   tuple(sorted({str(a) for a in properties[SKOS.altLabel]})))


def published_dates(graph) -> dict[str, str]:
    """Each document's publication date (schema:datePublished) by its source, where the graph gives one."""
    if _in_oxigraph(graph):
        return dict(_select(graph, _PUBLISHED))
    sources = dict(graph.subject_objects(KG.source))
    return {str(sources[document]): str(date) for document, date in graph.subject_objects(SDO.datePublished)
            if document in sources}


def document_count(graph) -> int:
    """How many documents the graph holds, whether or not a fact came from them."""
    if _in_oxigraph(graph):
        return int(_select(graph, _DOCUMENTS)[0][0])
    return len(set(graph.subjects(RDF.type, KG.Document)))


# The same readings as the triple lookups above, in SPARQL (the prefixes are `PREFIX_IRIS`): each
# property's smallest value, as `_first` takes. The facts are read one document at a time (`document`),
# and those whose evidence has no document in one more query (`loose`), asked only when the graph has
# such evidence at all (`_LOOSE_EVIDENCE`: a build's never has), so that a graph of any size is read in
# bounded memory. The document comes first: Oxigraph then starts from it (a few milliseconds a
# query, where a query that starts from the evidence reads all of it).
_ROLE_ROWS = """
SELECT (MIN(STR(?src)) AS ?source) (MIN(STR(?p)) AS ?person) (MIN(STR(?o)) AS ?organization) (MIN(STR(?r)) AS ?role)
       (SAMPLE(STR(?f)) AS ?former) (MIN(STR(?s)) AS ?sentence) (SAMPLE(STR(?b)) AS ?start) (SAMPLE(STR(?e)) AS ?end)
WHERE { %(document)s ?evidence kg:sentence ?s ; nif:beginIndex ?b ; nif:endIndex ?e . %(loose)s
        ?fact kg:evidence ?evidence ; a org:Membership ; org:member ?p ; org:role ?r .
        OPTIONAL { ?fact org:organization ?o } OPTIONAL { ?fact kg:former ?f } }
GROUP BY ?fact ?evidence"""
_EVENT_ROWS = """
SELECT (MIN(STR(?src)) AS ?source) (MIN(STR(?a)) AS ?actor) (MIN(STR(?t)) AS ?target) (MIN(STR(?x)) AS ?action)
       (MIN(STR(?y)) AS ?type) (SAMPLE(STR(?n)) AS ?negated) (MIN(STR(?m)) AS ?modality) (MIN(STR(?w)) AS ?date)
       (MIN(STR(?l)) AS ?place) (MIN(STR(?s)) AS ?sentence) (SAMPLE(STR(?b)) AS ?start) (SAMPLE(STR(?e)) AS ?end)
WHERE { %(document)s ?evidence kg:sentence ?s ; nif:beginIndex ?b ; nif:endIndex ?e . %(loose)s
        ?fact kg:evidence ?evidence ; a kg:Event ; kg:action ?x .
        OPTIONAL { ?fact kg:actor ?a } OPTIONAL { ?fact kg:target ?t } OPTIONAL { ?fact kg:eventType ?y }
        OPTIONAL { ?fact kg:negated ?n } OPTIONAL { ?fact kg:modality ?m }
        OPTIONAL { ?fact sem:hasTimeStamp ?w } OPTIONAL { ?fact sem:hasPlace ?l } }
GROUP BY ?fact ?evidence"""
_THIS_DOCUMENT = "?evidence kg:document <%s> . OPTIONAL { <%s> kg:source ?src }"
_NO_DOCUMENT = "OPTIONAL { ?evidence kg:document ?d OPTIONAL { ?d kg:source ?src } } FILTER(!BOUND(?d) || !isIRI(?d))"
_LOOSE_EVIDENCE = ("SELECT ?evidence WHERE { ?evidence kg:sentence ?s . OPTIONAL { ?evidence kg:document ?d } "
                   "FILTER(!BOUND(?d) || !isIRI(?d)) } LIMIT 1")
_DOCUMENT_SOURCES = """
SELECT ?d (MIN(STR(?src)) AS ?source) WHERE { ?evidence kg:document ?d FILTER(isIRI(?d)) OPTIONAL { ?d kg:source ?src } }
GROUP BY ?d"""
_LABELS = "SELECT ?node (MIN(STR(?v)) AS ?label) WHERE { ?fact %s ?node . ?node skos:prefLabel ?v } GROUP BY ?node"
_EVENT_CLASSES = """
SELECT ?node (MIN(STR(?v)) AS ?label)
WHERE { { SELECT DISTINCT ?node WHERE { ?fact kg:eventType ?node } } ?node kg:eventClass ?c . ?c skos:prefLabel ?v }
GROUP BY ?node"""
_ENTITIES = """
SELECT ?node ?class (MIN(STR(?name)) AS ?label) (SAMPLE(STR(?count)) AS ?mentions)
WHERE { ?node a ?class ; skos:prefLabel ?name ; kg:mentionCount ?count . VALUES ?class { %s } }
GROUP BY ?node ?class"""
_ALIASES = "SELECT DISTINCT ?node (STR(?alias) AS ?name) WHERE { ?node a ?class ; skos:altLabel ?alias . VALUES ?class { %s } }"
_PUBLISHED = "SELECT (STR(?source) AS ?s) (STR(?date) AS ?d) WHERE { ?document kg:source ?source ; schema:datePublished ?date }"
_DOCUMENTS = "SELECT (COUNT(DISTINCT ?document) AS ?n) WHERE { ?document a kg:Document }"

def _in_oxigraph(graph) -> bool:
    return isinstance(graph, (ox.Store, CorpusStore)) or is_oxigraph(graph)


def _select(graph, query: str) -> list[tuple[str | None, ...]]:
    """The rows of a SELECT, each value its plain string (None when unbound), over a `pyoxigraph.Store`'s
    default graph (a `CorpusStore`'s store) or an oxrdflib graph."""
    if isinstance(graph, CorpusStore):
        graph = graph.store
    if not isinstance(graph, ox.Store):
        return oxigraph_select(graph, query, PREFIX_IRIS)
    solutions = graph.query(query, prefixes=PREFIX_IRIS)
    width = len(solutions.variables)
    return [tuple(None if row[i] is None else row[i].value for i in range(width)) for row in solutions]


@dataclass(frozen=True)
class _Layout:
    """How an Oxigraph graph's evidence is laid out: the documents it cites with their sources, in source
    order, and whether some evidence has no document (an IRI). Each is one scan of the evidence."""

    documents: tuple[tuple[str, str], ...]  # (source, document IRI)
    loose: bool

    @classmethod
    def of(cls, graph) -> _Layout:
        documents = sorted((source or "", document) for document, source in _select(graph, _DOCUMENT_SOURCES))
        return cls(tuple(documents), bool(_select(graph, _LOOSE_EVIDENCE)))


def _records_in_oxigraph(graph, query: str, record: Callable[[tuple], RoleRecord | EventRecord], layout: _Layout) -> Iterator:
    """The records of `query`'s rows in text order: the few facts whose evidence has no document (an
    IRI) first, if the graph has such evidence at all, merged with those of the documents, read one at a
    time in source order (the records of the documents of one source sorted together)."""
    rows = _select(graph, query % {"document": "", "loose": _NO_DOCUMENT}) if layout.loose else []
    without_document = sorted({record(row) for row in rows}, key=text_order)
    return heapq.merge(without_document, _documents_in_oxigraph(graph, query, record, layout.documents), key=text_order)


def _documents_in_oxigraph(graph, query: str, record: Callable[[tuple], RoleRecord | EventRecord],
                           documents: tuple[tuple[str, str], ...]) -> Iterator:
    for _, same_source in groupby(documents, key=lambda pair: pair[0]):
        yield from sorted({record(row) for _, document in same_source
                           for row in _select(graph, query % {"document": _THIS_DOCUMENT % (document, document),
                                                              "loose": ""})}, key=text_order)


def _role_records_in_oxigraph(graph, layout: _Layout) -> Iterator[RoleRecord]:
    label = dict(_select(graph, _LABELS % "org:role"))

    def record(row: tuple) -> RoleRecord:
        source, person, organization, role, former, sentence, start, end = row
        return RoleRecord(person, organization or "", label.get(role, ""), former in {"true", "1"},
                          source or "", int(start), int(end), sentence)

    return _records_in_oxigraph(graph, _ROLE_ROWS, record, layout)


def _event_records_in_oxigraph(graph, layout: _Layout) -> Iterator[EventRecord]:
    label = dict(_select(graph, _LABELS % "kg:eventType"))
    event_class = dict(_select(graph, _EVENT_CLASSES))

    def record(row: tuple) -> EventRecord:
        source, actor, target, action, kind, negated, modality, date, place, sentence, start, end = row
        return EventRecord(actor or "", target or "", action, label.get(kind, "") if kind else "",
                           event_class.get(kind, "") if kind else "", negated in {"true", "1"},
                           modality or "asserted", date or "", place or "", source or "", int(start), int(end),
                           sentence)

    return _records_in_oxigraph(graph, _EVENT_ROWS, record, layout)


def _entity_records_in_oxigraph(graph) -> Iterable[EntityRecord]:
    classes = {str(KG[name]): name for name in ENTITY_CLASSES}
    values = " ".join(f"<{c}>" for c in classes)
    aliases: dict[str, set[str]] = defaultdict(set)
    for node, alias in _select(graph, _ALIASES % values):
        aliases[node].add(alias)
    found: dict[str, EntityRecord] = {}
    for node, entity_class, name, mentions in _select(graph, _ENTITIES % values):
        record = EntityRecord(node, name, classes[entity_class], int(mentions), tuple(sorted(aliases[node])))
        if node not in found or ENTITY_CLASSES.index(record.type) < ENTITY_CLASSES.index(found[node].type):
            found[node] = record
    return sorted(found.values(), key=lambda e: (ENTITY_CLASSES.index(e.type), e.iri))
