"""Analyze: project the RDF graph onto an entity network and measure it with networkx.

Nodes are entities; edges are roles (person → organization) and events (actor → target). Every
function here is a pure function of its arguments.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import Graph

ENTITY_QUERY = """
PREFIX kg:   <https://w3id.org/kg-news/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?node ?type ?name ?mentions ?alias WHERE {
    ?node kg:mentionCount ?mentions ; skos:prefLabel ?name ; a ?class .
    BIND(STRAFTER(STR(?class), "#") AS ?type)
    OPTIONAL { ?node skos:altLabel ?alias }
}"""

ROLE_QUERY = """
PREFIX kg:   <https://w3id.org/kg-news/ontology#>
PREFIX org:  <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?person ?organization ?role ?former ?source ?sentence WHERE {
    ?m a org:Membership ; org:member ?person ; org:organization ?organization ;
       org:role/skos:prefLabel ?role ; kg:former ?former ; kg:evidence ?e .
    ?e kg:sentence ?sentence ; kg:document/kg:source ?source .
}"""

EVENT_QUERY = """
PREFIX kg:   <https://w3id.org/kg-news/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX nif:  <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?actor ?target ?action ?negated ?modality ?eventClass ?source ?sentence ?start WHERE {
    ?ev a kg:Event ; kg:actor ?actor ; kg:target ?target ; kg:action ?action ;
        kg:negated ?negated ; kg:modality ?modality ; kg:evidence ?e .
    OPTIONAL { ?ev kg:eventType/kg:eventClass/skos:prefLabel ?eventClass }
    ?e kg:sentence ?sentence ; kg:document/kg:source ?source ; nif:beginIndex ?start .
}"""


def entity_graph(graph: Graph) -> nx.MultiDiGraph:
    """The entity network of an RDF graph.

    Node attributes: `name`, `type`, `aliases` (sorted list), `mentions`. Edge attributes: `kind`
    ("role" or "event"), `label` (the role or the action), `event_class` (events only, "" if untyped),
    `negated`, `modality`, and `evidence`, a sorted list of (source, sentence) pairs.
    """
    network = nx.MultiDiGraph()
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(ENTITY_QUERY):
        node = str(row.node)
        network.add_node(node, name=str(row.name), type=str(row.type), mentions=int(row.mentions))
        if row.alias is not None:
            aliases[node].add(str(row.alias))
    for node in network.nodes:
        network.nodes[node]["aliases"] = sorted(aliases[node])

    edges: dict[tuple, set[tuple[str, str]]] = defaultdict(set)
    for row in graph.query(ROLE_QUERY):
        label = ("former " if row.former.toPython() else "") + str(row.role)
        edges[(str(row.person), str(row.organization), "role", label, "", False, "asserted")].add(
            (str(row.source), str(row.sentence)))
    for row in graph.query(EVENT_QUERY):
        key = (str(row.actor), str(row.target), "event", str(row.action), str(row.eventClass or ""),
               bool(row.negated.toPython()), str(row.modality))
        edges[key].add((str(row.source), str(row.sentence)))
    for (source, target, kind, label, event_class, negated, modality), evidence in sorted(edges.items()):
        if source in network and target in network:
            network.add_edge(source, target, kind=kind, label=label, event_class=event_class,
                             negated=negated, modality=modality, evidence=sorted(evidence))
    return network


def centrality(network: nx.MultiDiGraph) -> dict[str, dict[str, float]]:
    """Degree, PageRank and betweenness centrality of every node.

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b")])
    >>> round(centrality(g)["b"]["pagerank"], 3)
    0.574
    """
    simple = nx.DiGraph(network)
    degree = dict(network.degree())
    pagerank = nx.pagerank(simple) if simple.number_of_nodes() else {}
    betweenness = nx.betweenness_centrality(simple.to_undirected())
    return {
        node: {"degree": degree[node], "pagerank": pagerank.get(node, 0.0), "betweenness": betweenness.get(node, 0.0)}
        for node in network.nodes
    }


def communities(network: nx.MultiDiGraph, seed: int = 42) -> list[list[str]]:
    """Louvain communities of the undirected network, largest first; seeded so the result is stable."""
    undirected = nx.Graph(network.to_undirected())
    found = nx.community.louvain_communities(undirected, seed=seed) if undirected.number_of_edges() else []
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))
