"""RDF: map extracted facts and resolved entities onto the ontology, and serialise the graph.

Every IRI is derived from canonical names, document ids and character offsets, never from counters or
random ids, so the same input always gives the same graph, byte for byte.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SDO, SKOS

from kg.extract import ArticleFacts, Evidence
from kg.files import atomic_path
from kg.namespace import CAMEO, KG, KGR, NIF, SEM
from kg.resolve import Entity, Resolution, slug

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


@cache
def cameo_roots() -> dict[str, tuple[str, str]]:
    """CAMEO root code → (label, quad class)."""
    text = resources.files("kg.data").joinpath("cameo_roots.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {row["code"]: (row["label"], row["quad_class"]) for row in rows}


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def entity_iri(entity: Entity) -> URIRef:
    return KGR[entity.key]


def document_iri(article_id: str) -> URIRef:
    return KGR["document/" + quote(article_id, safe="-._~")]


def corpus_graph(corpus: Sequence[ArticleFacts], resolution: Resolution) -> Graph:
    """The whole corpus as one RDF graph: entities, documents, roles, events and their evidence."""
    graph = new_graph()
    for entity in resolution.entities:
        _add_entity(graph, entity)
    for facts in corpus:
        _add_article(graph, facts, resolution)
    return graph


def _add_entity(graph: Graph, entity: Entity) -> None:
    node = entity_iri(entity)
    graph.add((node, RDF.type, ENTITY_CLASSES[entity.type]))
    graph.add((node, SKOS.prefLabel, Literal(entity.name)))
    for alias in entity.aliases:
        graph.add((node, SKOS.altLabel, Literal(alias)))
    graph.add((node, KG.mentionCount, Literal(entity.mentions)))


def _add_article(graph: Graph, facts: ArticleFacts, resolution: Resolution) -> None:
    article = facts.article
    document = document_iri(article.id)
    graph.add((document, RDF.type, KG.Document))
    graph.add((document, KG.source, Literal(article.source)))
    if article.title:
        graph.add((document, SDO.name, Literal(article.title)))
    if article.url:
        graph.add((document, SDO.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.published:
        graph.add((document, SDO.datePublished, Literal(article.published)))

    for role in facts.roles:
        person = resolution.entity_of(article.id, role.person)
        organization = resolution.entity_of(article.id, role.organization)
        if person is None or person.type != "Person":
            continue
        role_node = KGR["role/" + slug(role.role)]
        graph.add((role_node, RDF.type, ORG.Role))
        graph.add((role_node, SKOS.prefLabel, Literal(role.role)))
        parts = [person.key, slug(role.role), organization.key if organization else "-"]
        if role.former:
            parts.append("former")
        membership = KGR["membership/" + _digest(*parts)]
        graph.add((membership, RDF.type, ORG.Membership))
        graph.add((membership, ORG.member, entity_iri(person)))
        graph.add((membership, ORG.role, role_node))
        if organization is not None:
            graph.add((membership, ORG.organization, entity_iri(organization)))
        graph.add((membership, KG.former, Literal(role.former)))
        graph.add((membership, KG.evidence, _add_evidence(graph, document, article.id, role.evidence)))

    for event in facts.events:
        actor = resolution.entity_of(article.id, event.actor)
        target = resolution.entity_of(article.id, event.target)
        if actor is None:
            continue
        node = KGR["event/" + _digest(article.id, event.evidence.start, event.evidence.end, actor.key,
                                      event.action, target.key if target else "-")]
        graph.add((node, RDF.type, KG.Event))
        graph.add((node, KG.actor, entity_iri(actor)))
        if target is not None:
            graph.add((node, KG.target, entity_iri(target)))
        graph.add((node, KG.action, Literal(event.action)))
        graph.add((node, KG.negated, Literal(event.negated)))
        graph.add((node, KG.modality, Literal(event.modality)))
        if event.cameo:
            _add_event_type(graph, node, event.cameo)
        graph.add((node, KG.evidence, _add_evidence(graph, document, article.id, event.evidence)))


def _add_event_type(graph: Graph, event: URIRef, code: str) -> None:
    label, quad_class = cameo_roots()[code]
    concept = CAMEO[code]
    event_class = CAMEO[quad_class.replace(" ", "-")]
    graph.add((event, KG.eventType, concept))
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.prefLabel, Literal(label, lang="en")))
    graph.add((concept, KG.eventClass, event_class))
    graph.add((event_class, RDF.type, KG.EventClass))
    graph.add((event_class, SKOS.prefLabel, Literal(quad_class, lang="en")))


def _add_evidence(graph: Graph, document: URIRef, article_id: str, evidence: Evidence) -> URIRef:
    node = KGR[f"evidence/{_digest(article_id)}/{evidence.start}-{evidence.end}"]
    graph.add((node, RDF.type, KG.Evidence))
    graph.add((node, KG.document, document))
    graph.add((node, KG.sentence, Literal(evidence.sentence.strip())))
    graph.add((node, KG.sentenceStart, Literal(evidence.sentence_start)))
    graph.add((node, KG.sentenceEnd, Literal(evidence.sentence_end)))
    graph.add((node, NIF.beginIndex, Literal(evidence.start)))
    graph.add((node, NIF.endIndex, Literal(evidence.end)))
    return node


def _digest(*parts: object) -> str:
    """A short, stable name for a fact made of several parts."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def write_graph(graph: Graph, path: str | Path, format: str = "turtle") -> None:
    """Serialise `graph` to `path` atomically."""
    with atomic_path(path) as tmp:
        graph.serialize(destination=str(tmp), format=format, encoding="utf-8")


def load_graph(path: str | Path) -> Graph:
    """Parse a graph file (format guessed from its extension)."""
    from rdflib.util import guess_format

    from kg.errors import KgError

    path = Path(path)
    if not path.is_file():
        raise KgError(f"no such graph file: {path}")
    graph = new_graph()
    try:
        graph.parse(str(path), format=guess_format(str(path)) or "turtle")
    except Exception as error:  # rdflib raises many parser-specific types
        raise KgError(f"cannot parse {path}: {str(error).splitlines()[0] if str(error) else type(error).__name__}") from None
    return graph
