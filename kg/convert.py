"""Convert: write a graph in the format its file name asks for.

RDF: Turtle, N-Triples, RDF/XML, N-Quads and TriG (one named graph per document), JSON-LD with a
compact context. Networks, for Gephi and other graph tools: GraphML, GEXF and a CSV of edges, from the
entity network of `kg.analyze.entity_graph`. Every file is written atomically and is the same, byte
for byte, for the same graph.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
from rdflib import Graph
from rdflib.namespace import ORG, SDO, SKOS, XSD

from kg.analyze import entity_graph
from kg.errors import KgError
from kg.files import atomic_path, write_text
from kg.namespace import CAMEO, KG, KGR, NIF
from kg.rdf import PREFIX_IRIS, write_dataset, write_graph
from kg.store import is_oxigraph, oxigraph_quads, rdf_format, sorted_quads, write_quads

NETWORK_SUFFIXES = (".graphml", ".gexf", ".csv")
SUFFIXES = (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", *NETWORK_SUFFIXES)

# The JSON-LD context: prefixes, and a short term for each property kg writes, typed so that
# compaction turns IRIs, integers and booleans into plain JSON values.
_ID, _INT, _BOOL = "@id", XSD.integer, XSD.boolean
JSONLD_TERMS = {
    "name": (SKOS.prefLabel, None), "alias": (SKOS.altLabel, None), "mentions": (KG.mentionCount, _INT),
    "member": (ORG.member, _ID), "organization": (ORG.organization, _ID), "role": (ORG.role, _ID),
    "former": (KG.former, _BOOL), "actor": (KG.actor, _ID), "target": (KG.target, _ID), "action": (KG.action, None),
    "eventType": (KG.eventType, _ID), "eventClass": (KG.eventClass, _ID), "negated": (KG.negated, _BOOL),
    "modality": (KG.modality, None), "evidence": (KG.evidence, _ID), "document": (KG.document, _ID),
    "sentence": (KG.sentence, None), "sentenceStart": (KG.sentenceStart, _INT), "sentenceEnd": (KG.sentenceEnd, _INT),
    "begin": (NIF.beginIndex, _INT), "end": (NIF.endIndex, _INT), "source": (KG.source, None),
    "title": (SDO.name, None), "published": (SDO.datePublished, None),
}


def jsonld_context() -> dict:
    """The compact JSON-LD context of kg graphs (embedded in every .jsonld file kg writes)."""
    context: dict = {prefix: iri for prefix, iri in PREFIX_IRIS.items()}
    context["kgr"] = str(KGR)
    context["cameo"] = str(CAMEO)
    for term, (iri, kind) in JSONLD_TERMS.items():
        context[term] = {"@id": str(iri), **({"@type": str(kind)} if kind else {})}
    return context


def convert(graph: Graph, path: str | Path) -> Path:
    """Write `graph` to `path` in the format its extension names (see `SUFFIXES`)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise KgError(f"cannot write {path}: unknown extension {suffix or '(none)'}; use one of {', '.join(SUFFIXES)}")
    if suffix == ".ttl":
        write_graph(graph, path, "turtle")
    elif suffix == ".rdf":
        write_graph(graph, path, "xml")
    elif suffix == ".nt":
        quads = oxigraph_quads(graph) if is_oxigraph(graph) else sorted_quads((s, p, o, None) for s, p, o in graph)
        write_quads(quads, path, rdf_format(path), PREFIX_IRIS)
    elif suffix in {".nq", ".trig"}:
        write_dataset(graph, path)
    elif suffix == ".jsonld":
        write_text(path, to_jsonld(graph))
    else:
        write_network(entity_graph(graph), path)
    return path


def to_jsonld(graph: Graph) -> str:
    """`graph` as compact JSON-LD, nodes sorted by id and values by their JSON, for stable files."""
    text = graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    document = json.loads(text)
    nodes = document.get("@graph", [])
    if isinstance(nodes, list):
        document["@graph"] = sorted((_sorted_values(node) for node in nodes), key=lambda n: str(n.get("@id", "")))
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _sorted_values(node: dict) -> dict:
    # Values of a property are a set in JSON-LD (kg writes no @list), so their order carries nothing.
    return {key: sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
            if isinstance(value, list) else value for key, value in node.items()}


def flat_network(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The network with list attributes joined into text, as GraphML and GEXF hold no lists.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", name="A", aliases=["A", "Aa"])
    >>> g.add_edge("a", "a", evidence=[("x.txt", "A did it.")])
    0
    >>> flat = flat_network(g)
    >>> flat.nodes["a"]["label"], flat.nodes["a"]["aliases"], flat.edges["a", "a", 0]["evidence"]
    ('A', 'A | Aa', 'x.txt: A did it.')
    """
    flat = nx.MultiDiGraph()
    for node, data in network.nodes(data=True):
        attributes = {key: _flat(value) for key, value in data.items()}
        # Gephi shows a node's `label`; without one it shows the IRI.
        if "name" in data:
            attributes.setdefault("label", data["name"])
        flat.add_node(node, **attributes)
    for source, target, key, data in network.edges(keys=True, data=True):
        attributes = {name: _flat(value) for name, value in data.items()}
        if "evidence" in data:  # the evidence is the first sentences (kg.analyze.EDGE_EVIDENCE); the count is of all
            attributes["evidence_count"] = data.get("count", len(data["evidence"]))
        flat.add_edge(source, target, key=key, **attributes)
    return flat


def _flat(value):
    if isinstance(value, (list, tuple)):
        return " | ".join(_flat_item(item) for item in value)
    return value


def _flat_item(item) -> str:
    # An evidence item, a (source, sentence) pair or a dict with them, reads "source: sentence".
    if isinstance(item, dict) and "sentence" in item:
        return f"{item.get('source', '')}: {item['sentence']}"
    if isinstance(item, (list, tuple)):
        return ": ".join(map(str, item))
    return str(item)


def write_network(network: nx.MultiDiGraph, path: Path) -> None:
    """GraphML, GEXF or CSV edges of the entity network."""
    suffix = path.suffix.lower()
    flat = flat_network(network)
    if suffix == ".csv":
        write_text(path, edges_csv(flat))
        return
    with atomic_path(path) as tmp:
        if suffix == ".graphml":
            nx.write_graphml(flat, tmp, encoding="utf-8", prettyprint=True)
        else:
            # networkx stamps GEXF files with today's date; the file says when the graph was made, not written.
            writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
            writer.add_graph(flat)
            for meta in writer.xml.findall(".//{*}meta") + writer.xml.findall("meta"):
                meta.attrib.pop("lastmodifieddate", None)
            writer.write(tmp)


EDGE_COLUMNS = ("source", "target", "kind", "label", "event_class", "negated", "modality",
                "evidence_count", "evidence", "source_iri", "target_iri")


def edges_csv(network: nx.MultiDiGraph) -> str:
    """One row per edge: the two entities by name, what links them, and the evidence."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS)
    for source, target, data in network.edges(data=True):
        writer.writerow([
            network.nodes[source].get("name", source), network.nodes[target].get("name", target),
            data.get("kind", ""), data.get("label", ""), data.get("event_class", ""),
            str(data.get("negated", "")).lower(), data.get("modality", ""),
            data.get("evidence_count", 0), data.get("evidence", ""), source, target,
        ])
    return out.getvalue()
