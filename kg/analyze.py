"""Analyze: project the RDF graph onto an entity network and measure it with networkx.

Nodes are entities; edges are roles (person → organization) and events (actor → target), one edge per
distinct relation between two entities, with the count of sentences that state it and their evidence.
Every function here is a pure function of its arguments, in the style of networkx:

    >>> network = nx.MultiDiGraph()
    >>> network.add_node("a", name="Iran", type="Country", aliases=["Iranian"], mentions=3, roles=[])
    >>> network.add_node("b", name="Israel", type="Country", aliases=[], mentions=1, roles=[])
    >>> _ = network.add_edge("a", "b", kind="event", label="attack", event_class="material conflict",
    ...                      negated=False, modality="asserted", count=1, evidence=[])
    >>> find_entity(network, "iranian")
    'a'
    >>> [pair["actor"] for pair in hostile_pairs(network)]
    ['Iran']
"""

from __future__ import annotations

import math
import re
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import cache

import networkx as nx
from rdflib import Graph

from kg.data import word_list
from kg.errors import KgError
from kg.names import fold
from kg.rdf import cameo_roots
from kg.readers import EventRecord, RoleRecord, entity_records, facts_in_text_order

# CAMEO's quad classes, cooperation first, as the RDF labels them.
EVENT_CLASSES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
CONFLICT_CLASSES = ("material conflict", "verbal conflict")  # most severe first: ranks hostile pairs
COOPERATION_CLASSES = ("material cooperation", "verbal cooperation")
UNKNOWN_ACTOR = "(actor unknown)"  # an event the text tells with no actor, as listed on its target

# Importance, the order of "key people and organizations": a blend of how often the corpus names an entity,
# in how many articles it takes part in a fact, and its PageRank over asserted relations, each scaled to
# 0..1 by the network's largest (mentions and articles on a log scale: the tenth mention adds less than the
# second). Centrality alone ranked a name said once above one said twelve times when the single sentence
# linked it to a hub; mentions alone would rank a much-named bystander first.
IMPORTANCE_WEIGHTS = {"mentions": 0.4, "articles": 0.2, "centrality": 0.4}

# A public statement (CAMEO 01: "say", "tell", "report") is no cooperation between two parties, and a
# verbal event addressed to the press ("told VOA", "said in an interview with Reuters") is an interview:
# neither counts in the hostile and cooperative pairs. An act against the press (an arrest, a ban) does.
STATEMENT_CODE = "01"
NEWS_ORGANIZATIONS = "news_organizations.txt"

# Exact betweenness costs O(nodes × edges); above this many nodes it is estimated from a seeded sample.
BETWEENNESS_EXACT_MAX_NODES = 1000
BETWEENNESS_SAMPLE = 300


def _evidence_order(evidence: dict) -> tuple:
    return evidence["source"], evidence["start"], evidence["end"], evidence["sentence"]


def entity_graph(graph, listener: Callable[[dict[str, str]], Callable[[RoleRecord | EventRecord], None]] | None = None
                 ) -> nx.MultiDiGraph:
    """The entity network of an RDF graph (an rdflib `Graph`, a `pyoxigraph.Store` or a build's
    `kg.rdf.CorpusStore`), read fact by fact (`kg.readers.facts_in_text_order`) in bounded memory.

    `listener`, given the entities' names by IRI, returns a function that hears each fact as the network
    reads it: a caller that gathers more from the facts (the report) reads them once, not twice.

    Node attributes: `name`, `type`, `aliases` (sorted list), `mentions`, `articles` (in how many articles it
    takes part in a fact), `roles` (sorted "role, organization" strings), `acts` (its events with no target,
    "action ×count (dates; places)" strings, the most stated first). Edge attributes: `kind` ("role" or
    "event"), `label` (the role or the action), `event_class` and `event_type` (events only, "" if untyped),
    `negated`, `modality`, `count` (how many sentences state it) and `evidence`, the first `EDGE_EVIDENCE` of
    those sentences in text order as {source, sentence, start, end} dicts, with the event's `date` and `place`
    (by name) when the graph has them. Edge keys are stable
    strings such as "event:kill" or "role:President". Nodes and edges are added in sorted order, so the
    same graph always gives the same network.

    >>> turtle = '''
    ... @prefix kg: <https://w3id.org/kg-news/ontology#> . @prefix kgr: <https://w3id.org/kg-news/id/> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... @prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
    ... kgr:us a kg:Country ; skos:prefLabel "United States" ; skos:altLabel "U.S." ; kg:mentionCount 2 .
    ... kgr:iran a kg:Country ; skos:prefLabel "Iran" ; kg:mentionCount 1 .
    ... kgr:e a kg:Event ; kg:actor kgr:us ; kg:target kgr:iran ; kg:action "warn" ; kg:evidence kgr:x .
    ... kgr:x kg:sentence "The U.S. warned Iran." ; kg:document kgr:d ; nif:beginIndex 0 ; nif:endIndex 20 .
    ... kgr:d kg:source "a.txt" .
    ... '''
    >>> network = entity_graph(Graph().parse(data=turtle, format="turtle"))
    >>> network.nodes["https://w3id.org/kg-news/id/us"]["aliases"]
    ['U.S.']
    >>> [(key, data["count"], data["evidence"][0]["sentence"]) for _, _, key, data in network.edges(keys=True, data=True)]
    [('event:warn', 1, 'The U.S. warned Iran.')]
    """
    nodes = {entity.iri: entity for entity in entity_records(graph)}
    names = {iri: entity.name for iri, entity in nodes.items()}
    tally = _Tally(names)
    hear = listener(names) if listener is not None else None
    for fact in facts_in_text_order(graph):
        tally.add(fact)
        if hear is not None:
            hear(fact)
    network = nx.MultiDiGraph()
    for node in sorted(nodes):
        entity = nodes[node]
        network.add_node(node, name=entity.name, type=entity.type, mentions=entity.mentions,
                         aliases=list(entity.aliases), roles=sorted(tally.held[node]),
                         articles=tally.articles[node], acts=_acts(tally.acts.get(node, {})))
    for (source, target, kind, label, event_type, event_class, negated, modality), (count, evidence) in sorted(
            tally.relations.items()):
        if source not in network or target not in network:
            continue
        qualifier = ("not " if negated else "") + ("" if modality == "asserted" else f"{modality} ")
        network.add_edge(source, target, key=f"{kind}:{qualifier}{label}", kind=kind, label=label,
                         event_type=event_type, event_class=event_class, negated=negated, modality=modality,
                         count=count, evidence=evidence)
    return network


# Evidence sentences an edge keeps, the first in text order (its `count` counts them all): what the page's
# tooltips and side panel and the report's pairs show, and no more, so that a relation a corpus states
# ten thousand times costs no more memory than one it states twenty times.
EDGE_EVIDENCE = 20


class _Tally:
    """What the network gathers from the facts, read one at a time in text order: each person's roles, in
    how many articles each entity takes part in a fact, the relations between two parties (how many
    sentences, the first `EDGE_EVIDENCE`) and the acts of one (how many, their dates and places)."""

    def __init__(self, names: dict[str, str]):
        self.names = names  # entity IRI -> name
        self.held: dict[str, set[str]] = defaultdict(set)
        self.articles: Counter[str] = Counter()
        self.last_source: dict[str, str] = {}  # the facts come source by source: a new one is one more article
        self.relations: dict[tuple, tuple[int, list[dict]]] = {}
        self.acts: dict[str, dict[str, tuple[int, set[str], set[str]]]] = defaultdict(dict)

    def add(self, fact: RoleRecord | EventRecord) -> None:
        if isinstance(fact, RoleRecord):
            self._role(fact)
        else:
            self._event(fact)

    def _in_article(self, node: str, source: str) -> None:
        if self.last_source.get(node) != source:
            self.last_source[node] = source
            self.articles[node] += 1

    def _relation(self, key: tuple, fact: RoleRecord | EventRecord) -> None:
        count, evidence = self.relations.get(key, (0, []))
        if len(evidence) < EDGE_EVIDENCE:
            evidence.append(_evidence_item(fact, self.names))
        self.relations[key] = (count + 1, evidence)

    def _act(self, node: str, label: str, fact: EventRecord) -> None:
        count, dates, places = self.acts[node].get(label, (0, set(), set()))
        if fact.date:
            dates.add(fact.date)
        if fact.place:
            places.add(self.names.get(fact.place, ""))
        self.acts[node][label] = (count + 1, dates, places)

    def _role(self, fact: RoleRecord) -> None:
        label = ("former " if fact.former else "") + fact.role
        organization = self.names.get(fact.organization)
        self.held[fact.person].add(f"{label}, {organization}" if organization else label)
        self._in_article(fact.person, fact.source)
        self._in_article(fact.organization, fact.source)
        if fact.organization:
            self._relation((fact.person, fact.organization, "role", label, "", "", False, "asserted"), fact)

    def _event(self, fact: EventRecord) -> None:
        self._in_article(fact.actor, fact.source)
        self._in_article(fact.target, fact.source)
        # Events with one party: no target ("the Pentagon confirmed"), or no actor written ("X was arrested").
        if not fact.actor:  # "Tamerlan was killed": no actor written, so the event is told on its target
            if fact.target:
                label = f"{fact.action} {UNKNOWN_ACTOR}"
                self._act(fact.target, _relation({"label": label, "negated": fact.negated,
                                                  "modality": fact.modality}), fact)
        elif not fact.target:
            self._act(fact.actor, _relation({"label": fact.action, "negated": fact.negated,
                                             "modality": fact.modality}), fact)
        else:
            key = (fact.actor, fact.target, "event", fact.action, fact.event_type, fact.event_class,
                   fact.negated, fact.modality)
            self._relation(key, fact)


def _acts(acts: dict[str, tuple[int, set[str], set[str]]]) -> list[str]:
    """An entity's events with no target ("the Pentagon confirmed"), one line per action (label: how many
    sentences state it, their dates and their places' names), the most stated first.

    >>> _acts({"confirm": (2, {"2020-01-03"}, {"Baghdad", ""}), "deny": (1, set(), set())})
    ['confirm ×2 (2020-01-03; Baghdad)', 'deny']
    """
    lines = []
    for label, (count, dates, places) in sorted(acts.items(), key=lambda item: (-item[1][0], item[0])):
        about = sorted(dates) + sorted(places - {""})
        lines.append(label + (f" ×{count}" if count > 1 else "") + (f" ({'; '.join(about)})" if about else ""))
    return lines


def _evidence_item(fact: RoleRecord | EventRecord, names: dict[str, str]) -> dict:
    """A fact's evidence for an edge: source, sentence and offsets, and the event's date and place (by
    name) when the graph gives them."""
    item = {"source": fact.source, "sentence": fact.sentence, "start": fact.start, "end": fact.end}
    if getattr(fact, "date", ""):
        item["date"] = fact.date
    if getattr(fact, "place", ""):
        item["place"] = names.get(fact.place, "")
    return item


def _weighted(network: nx.MultiDiGraph, directed: bool, asserted_only: bool = False) -> nx.Graph:
    """The network with parallel edges merged, `weight` the number of sentences behind them; with
    `asserted_only`, without the edges of negated or hypothetical events ("did not attack", "may attack")."""
    simple = nx.DiGraph() if directed else nx.Graph()
    simple.add_nodes_from(network.nodes)
    for source, target, data in network.edges(data=True):
        if source == target or asserted_only and not _asserted(data):
            continue
        count = data.get("count", 1)
        weight = simple.edges[source, target]["weight"] if simple.has_edge(source, target) else 0
        simple.add_edge(source, target, weight=weight + count)
    return simple


def centrality(network: nx.MultiDiGraph) -> dict[str, dict[str, float]]:
    """Degree (distinct neighbours), PageRank (directed, weighted by sentences) and betweenness centrality
    (undirected) of every node, over what the text asserts: roles, and events neither negated nor
    hypothetical; and its `importance` (see `IMPORTANCE_WEIGHTS`). Betweenness is exact up to
    `BETWEENNESS_EXACT_MAX_NODES` nodes, above that estimated from a seeded sample of sources, so the
    result is still stable.

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "b")])
    >>> _ = g.add_edge("d", "b", negated=True)  # "d did not attack b"
    >>> scores = centrality(g)
    >>> round(scores["b"]["pagerank"], 3), scores["b"]["degree"], round(scores["b"]["betweenness"], 3), scores["d"]["degree"]
    (0.474, 2, 0.333, 0)

    The page, the report and the picture of one build all ask for the same network's scores: they are
    computed once per network and kept while its nodes, edges and edge counts stay as they were.
    """
    fingerprint = (tuple(network.nodes(data="mentions")), tuple(network.nodes(data="articles")),
                   tuple(network.edges(keys=True, data="count", default=1)))
    cached = _centrality_cache.get(network)
    if cached is None or cached[0] != fingerprint:
        cached = _centrality_cache[network] = (fingerprint, _centrality(network))
    return {node: dict(scores) for node, scores in cached[1].items()}


_centrality_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _asserted(edge: dict) -> bool:
    return not edge.get("negated", False) and edge.get("modality", "asserted") == "asserted"


def _centrality(network: nx.MultiDiGraph) -> dict[str, dict[str, float]]:
    # What a text says did not happen, or only might, makes no one more central.
    directed = _weighted(network, directed=True, asserted_only=True)
    undirected = _weighted(network, directed=False, asserted_only=True)
    pagerank = nx.pagerank(directed, weight="weight") if directed.number_of_nodes() else {}
    sample = None if undirected.number_of_nodes() <= BETWEENNESS_EXACT_MAX_NODES else BETWEENNESS_SAMPLE
    betweenness = nx.betweenness_centrality(undirected, k=sample, seed=0 if sample else None)
    scores = {
        node: {"degree": undirected.degree(node), "pagerank": pagerank.get(node, 0.0),
               "betweenness": betweenness.get(node, 0.0)}
        for node in network.nodes
    }
    for node, value in importance(network, scores).items():
        scores[node]["importance"] = value
    return scores


def importance(network: nx.MultiDiGraph, scores: dict[str, dict[str, float]]) -> dict[str, float]:
    """Each node's importance, 0..1: `IMPORTANCE_WEIGHTS` of its mentions, its articles (node attributes)
    and its PageRank (from `scores`; 0 for an entity with no asserted relation), each scaled by the
    network's largest.

    >>> g = nx.MultiDiGraph([("once", "hub"), ("often", "hub")])
    >>> nx.set_node_attributes(g, {"hub": 9, "once": 1, "often": 6}, "mentions")
    >>> nx.set_node_attributes(g, 1, "articles")
    >>> ranked(g)  # "once" and "often" are equally central; "often" is named six times
    ['hub', 'often', 'once']
    """
    def scaled(values: dict[str, float]) -> dict[str, float]:
        top = max(values.values(), default=0.0)
        return {node: value / top if top else 0.0 for node, value in values.items()}

    parts = {
        "mentions": scaled({n: math.log1p(network.nodes[n].get("mentions", 0)) for n in network}),
        "articles": scaled({n: math.log1p(network.nodes[n].get("articles", 0)) for n in network}),
        "centrality": scaled({n: scores[n]["pagerank"] if scores[n]["degree"] else 0.0 for n in network}),
    }
    return {node: round(sum(weight * parts[part][node] for part, weight in IMPORTANCE_WEIGHTS.items()), 12)
            for node in network}


def ranked(network: nx.MultiDiGraph, scores: dict[str, dict[str, float]] | None = None) -> list[str]:
    """The nodes, most important first (`importance`); ties by PageRank, then more mentions, then name.

    >>> g = nx.MultiDiGraph([("a", "b")])
    >>> nx.set_node_attributes(g, {"a": "A", "b": "B"}, "name")
    >>> ranked(g)
    ['b', 'a']
    """
    scores = scores if scores is not None else centrality(network)
    return sorted(network.nodes, key=lambda n: (-scores[n].get("importance", 0.0),
                                                -round(scores[n]["pagerank"], 12),
                                                -network.nodes[n].get("mentions", 0),
                                                network.nodes[n].get("name", n), n))


def communities(network: nx.MultiDiGraph, seed: int = 42) -> list[list[str]]:
    """Louvain communities of the undirected network (weighted by sentences), largest first, each sorted;
    seeded so the result is stable. Entities with no edge are communities of one.

    >>> communities(nx.MultiDiGraph([("a", "b"), ("c", "d"), ("d", "e")]))
    [['c', 'd', 'e'], ['a', 'b']]
    """
    undirected = _weighted(network, directed=False, asserted_only=True)
    if not undirected.number_of_edges():
        return [[node] for node in sorted(undirected.nodes)]
    found = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def components(network: nx.MultiDiGraph) -> list[list[str]]:
    """Weakly connected components, largest first, each sorted.

    >>> components(nx.MultiDiGraph([("a", "b"), ("c", "b"), ("d", "e")]))
    [['a', 'b', 'c'], ['d', 'e']]
    """
    return sorted((sorted(c) for c in nx.weakly_connected_components(network)), key=lambda c: (-len(c), c))


def find_entity(network: nx.MultiDiGraph, name: str) -> str:
    """The node named `name` by its canonical name or any alias, ignoring case, accents and punctuation; failing
    that, the one entity whose name contains `name` as whole words ("Trump" → "Donald Trump"). A name that
    matches nothing, or several entities, is a KgError that says so in one line.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("t", name="Donald Trump", aliases=["Trump"], type="Person")
    >>> g.add_node("m", name="Abu Mahdi al-Muhandis", aliases=[], type="Person")
    >>> g.add_node("u", name="United States", aliases=["U.S."], type="Country")
    >>> find_entity(g, "trump"), find_entity(g, "al Muhandis"), find_entity(g, "US")
    ('t', 'm', 'u')
    >>> find_entity(g, "Abu")
    'm'
    >>> find_entity(g, "Khamenei")
    Traceback (most recent call last):
    kg.errors.KgError: no entity named 'Khamenei'
    """
    nodes = ((node, data.get("name", node), data.get("type", "?"), data.get("aliases", ()))
             for node, data in network.nodes(data=True))
    return _match_entity(nodes, name)


def entity_named(graph: Graph, name: str) -> str:
    """The canonical name of the entity of an RDF graph that `name` names, matched as `find_entity` does.

    >>> graph = Graph().parse(format="turtle", data='''
    ... @prefix kg: <https://w3id.org/kg-news/ontology#> . @prefix kgr: <https://w3id.org/kg-news/id/> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... kgr:esper a kg:Person ; skos:prefLabel "Mark Esper" ; kg:mentionCount 1 .
    ... kgr:us a kg:Country ; skos:prefLabel "United States" ; skos:altLabel "U.S." ; kg:mentionCount 3 .''')
    >>> entity_named(graph, "esper"), entity_named(graph, "US")
    ('Mark Esper', 'United States')
    """
    entities = {entity.iri: (entity.name, entity.type, entity.aliases) for entity in entity_records(graph)}
    return entities[_match_entity(((iri, *about) for iri, about in entities.items()), name)][0]


def entity_named_among(entities: dict[str, tuple[str, str, Iterable[str]]], name: str) -> str:
    """The canonical name of the one of `entities` (IRI → name, type, aliases) that `name` names, matched
    as `find_entity` does: how `kg query` looks up an entity at a SPARQL endpoint.

    >>> entity_named_among({"e": ("Mark Esper", "Person", ["Esper"])}, "esper")
    'Mark Esper'
    """
    return entities[_match_entity(((iri, *about) for iri, about in entities.items()), name)][0]


def _match_entity(entities: Iterable[tuple[str, str, str, Iterable[str]]], name: str) -> str:
    """The one of `entities` (node, name, type, aliases) that `name` names: see `find_entity`."""
    wanted = fold(name)
    if not wanted:
        raise KgError("give an entity's name")
    exact, partial, described = set(), set(), {}
    pattern = re.compile(r"(?:^| )" + re.escape(wanted) + r"(?: |$)")
    for node, canonical, entity_type, aliases in entities:
        described[node] = f"{canonical} ({entity_type})"
        for candidate in (canonical, *aliases):
            folded = fold(candidate)
            if folded == wanted:
                exact.add(node)
            elif pattern.search(folded):
                partial.add(node)
    found = exact or partial
    if not found:
        raise KgError(f"no entity named {name!r}")
    if len(found) > 1:
        names = sorted(described[n] for n in found)
        shown = "; ".join(names[:8]) + ("; ..." if len(names) > 8 else "")
        raise KgError(f"{name!r} names {len(names)} entities: {shown}. Give the full name")
    return found.pop()


def shortest_path(network: nx.MultiDiGraph, source: str, target: str) -> list[str]:
    """A shortest path between two nodes, along edges in either direction. No path is a KgError.

    >>> shortest_path(nx.MultiDiGraph([("a", "b"), ("c", "b")]), "a", "c")
    ['a', 'b', 'c']
    """
    try:
        return nx.shortest_path(_weighted(network, directed=False), source, target)
    except nx.NetworkXNoPath:
        raise KgError(f"no path between {_name(network, source)} and {_name(network, target)}") from None


def simple_paths(network: nx.MultiDiGraph, source: str, target: str, max_length: int = 4,
                 limit: int = 10) -> list[list[str]]:
    """Up to `limit` simple paths of at most `max_length` edges between two nodes, shortest first, along
    edges in either direction.

    >>> simple_paths(nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "d"), ("d", "e"), ("e", "c")]), "a", "c")
    [['a', 'b', 'c'], ['a', 'd', 'e', 'c']]
    >>> simple_paths(nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "d"), ("d", "e"), ("e", "c")]), "a", "c", 2)
    [['a', 'b', 'c']]
    """
    undirected = _weighted(network, directed=False)
    if source == target or not nx.has_path(undirected, source, target):
        return []
    found = []
    for path in nx.shortest_simple_paths(undirected, source, target):
        if len(path) - 1 > max_length or len(found) >= limit:
            break
        found.append(path)
    return found


def path_steps(network: nx.MultiDiGraph, path: list[str]) -> list[dict]:
    """Each hop of a path: the two entities' names and the relations between them, arrows showing who acts.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("a", {"name": "A"}), ("b", {"name": "B"})])
    >>> _ = g.add_edge("b", "a", kind="event", label="attack", negated=False, modality="asserted", count=2)
    >>> _ = g.add_edge("b", "a", kind="event", label="attack", negated=True, modality="asserted", count=1)
    >>> path_steps(g, ["a", "b"])
    [{'from': 'A', 'to': 'B', 'relations': ['<-[attack ×2; not attack]-']}]
    """
    steps = []
    for here, there in zip(path, path[1:]):
        forward = [_relation(d) for d in network.get_edge_data(here, there, default={}).values()]
        backward = [_relation(d) for d in network.get_edge_data(there, here, default={}).values()]
        relations = ([f"-[{'; '.join(forward)}]->"] if forward else []) + ([f"<-[{'; '.join(backward)}]-"] if backward else [])
        steps.append({"from": _name(network, here), "to": _name(network, there), "relations": relations})
    return steps


def _relation(edge: dict) -> str:
    label = ("not " if edge.get("negated") else "") + edge.get("label", "")
    if edge.get("modality", "asserted") != "asserted":
        label += f" ({edge['modality']})"
    count = edge.get("count", 1)
    return label + (f" ×{count}" if count > 1 else "")


def _name(network: nx.MultiDiGraph, node: str) -> str:
    return network.nodes[node].get("name", node)


def ego_network(network: nx.MultiDiGraph, node: str, radius: int = 1) -> nx.MultiDiGraph:
    """The entities within `radius` hops of `node` (edges in either direction), with every edge among them.

    >>> sorted(ego_network(nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")]), "a", 2))
    ['a', 'b', 'c']
    """
    return nx.ego_graph(network, node, radius=radius, undirected=True)


def asserted_events(network: nx.MultiDiGraph) -> Iterable[tuple[str, str, dict]]:
    """Event edges the text asserts: neither negated nor hypothetical ("will not tolerate" is no hostile act)."""
    for source, target, data in network.edges(data=True):
        if data.get("kind") == "event" and _asserted(data):
            yield source, target, data


def news_organizations(network: nx.MultiDiGraph) -> set[str]:
    """The nodes that are news organizations (`kg/data/news_organizations.txt`), by name or any alias.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("v", name="Voice of America", aliases=["VOA"], type="Organization")
    >>> g.add_node("n", name="NATO", aliases=[], type="Organization")
    >>> sorted(news_organizations(g))
    ['v']
    """
    known = _news_names()
    return {node for node, data in network.nodes(data=True)
            if any(fold(name) in known for name in (data.get("name", ""), *data.get("aliases", ())))}


@cache
def _news_names() -> frozenset[str]:
    return frozenset(fold(name) for name in word_list(NEWS_ORGANIZATIONS))


def is_relation_between_parties(edge: dict, press: bool) -> bool:
    """Whether an asserted event counts as a relation between two parties: not a public statement (CAMEO
    01, "Iran said ..."), and not a verbal event addressed to the press (`press`: either end is a news
    organization), which reports an interview ("Bill Roggio told VOA").

    >>> is_relation_between_parties({"event_type": "Make public statement", "event_class": "verbal cooperation"}, False)
    False
    >>> is_relation_between_parties({"event_type": "Consult", "event_class": "verbal cooperation"}, True)
    False
    >>> is_relation_between_parties({"event_type": "Coerce", "event_class": "material conflict"}, True)
    True
    """
    if edge.get("event_type") == cameo_roots()[STATEMENT_CODE][0]:
        return False
    return not (press and edge.get("event_class", "").startswith("verbal"))


def event_pairs(network: nx.MultiDiGraph) -> list[dict]:
    """Every (actor, target) pair with asserted typed events between parties (`is_relation_between_parties`):
    counts by CAMEO event class, the actions and the evidence, in node order."""
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    actions: dict[tuple[str, str], set[str]] = defaultdict(set)
    evidence: dict[tuple[str, str], list[dict]] = defaultdict(list)
    press = news_organizations(network)
    for source, target, data in asserted_events(network):
        if data.get("event_class") in EVENT_CLASSES and is_relation_between_parties(
                data, source in press or target in press):
            pair = (source, target)
            counts[pair][data["event_class"]] += data.get("count", 1)
            actions[pair].add(data["label"])
            evidence[pair].extend(data.get("evidence", ()))
    return [
        {"actor": _name(network, source), "target": _name(network, target), "actor_id": source, "target_id": target,
         "counts": {c: counts[(source, target)][c] for c in EVENT_CLASSES}, "actions": sorted(actions[(source, target)]),
         "evidence": sorted(evidence[(source, target)], key=_evidence_order)}
        for source, target in sorted(counts)
    ]


def _pairs_by(network: nx.MultiDiGraph, classes: tuple[str, ...], top: int) -> list[dict]:
    pairs = [pair for pair in event_pairs(network) if any(pair["counts"][c] for c in classes)]
    pairs.sort(key=lambda p: (-sum(p["counts"][c] for c in classes), *(-p["counts"][c] for c in classes),
                              p["actor"], p["target"]))
    return pairs[:top]


def hostile_pairs(network: nx.MultiDiGraph, top: int = 10) -> list[dict]:
    """The `top` (actor, target) pairs with the most asserted conflict events (material, then verbal, breaks
    ties). Negated and hypothetical events do not count.

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("a", {"name": "A"}), ("b", {"name": "B"}), ("c", {"name": "C"})])
    >>> edge = dict(kind="event", negated=False, modality="asserted", count=1, evidence=[])
    >>> _ = g.add_edge("a", "b", label="attack", event_class="material conflict", **edge)
    >>> _ = g.add_edge("c", "b", label="condemn", event_class="verbal conflict", **edge)
    >>> _ = g.add_edge("c", "a", label="attack", event_class="material conflict", **{**edge, "negated": True})
    >>> [(p["actor"], p["target"]) for p in hostile_pairs(g)]
    [('A', 'B'), ('C', 'B')]
    """
    return _pairs_by(network, CONFLICT_CLASSES, top)


def cooperative_pairs(network: nx.MultiDiGraph, top: int = 10) -> list[dict]:
    """The `top` (actor, target) pairs with the most asserted cooperation events (material first).

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("a", {"name": "A"}), ("b", {"name": "B"})])
    >>> _ = g.add_edge("a", "b", kind="event", label="aid", event_class="material cooperation", negated=False,
    ...                modality="asserted", count=3, evidence=[])
    >>> [(p["actor"], p["target"], p["counts"]["material cooperation"]) for p in cooperative_pairs(g)]
    [('A', 'B', 3)]
    """
    return _pairs_by(network, COOPERATION_CLASSES, top)
