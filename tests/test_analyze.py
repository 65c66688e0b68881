"""The entity network and its measures (issue 5): projection from RDF, centrality, communities, paths, pairs."""

from __future__ import annotations

import networkx as nx
import pyoxigraph
import pytest
from rdflib import Graph

from conftest import run_kg
from kg.analyze import (centrality, communities, components, cooperative_pairs, ego_network, entity_graph,
                        find_entity, hostile_pairs, ranked, shortest_path, simple_paths)
from kg.errors import KgError
from kg.rdf import load_graph
from kg.readers import document_count, entity_records, event_records, published_dates, role_records

# A small graph in the project's vocabulary, written by hand so each projection rule is checked on its own:
# one relation stated twice (count 2, evidence in text order), a negated and a hypothetical attack (never
# hostile acts), a role without organization, an event without target, and an organization with an alias.
SAMPLE_TTL = """
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix kgr: <https://w3id.org/kg-news/id/> .
@prefix cameo: <https://w3id.org/kg-news/cameo/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .

kgr:doc a kg:Document ; kg:source "a.txt" .
kgr:iran a kg:Country ; skos:prefLabel "Iran" ; skos:altLabel "Iranian" ; kg:mentionCount 3 .
kgr:israel a kg:Country ; skos:prefLabel "Israel" ; kg:mentionCount 2 .
kgr:zarif a kg:Person ; skos:prefLabel "Javad Zarif" ; skos:altLabel "Zarif" ; kg:mentionCount 2 .
kgr:un a kg:Organization ; skos:prefLabel "United Nations" ; skos:altLabel "U.N." ; kg:mentionCount 1 .
kgr:alone a kg:Person ; skos:prefLabel "Ali Khamenei" ; kg:mentionCount 1 .

kgr:fm a org:Role ; skos:prefLabel "Foreign Minister" .
kgr:envoy a org:Role ; skos:prefLabel "envoy" .
kgr:m1 a org:Membership ; org:member kgr:zarif ; org:organization kgr:iran ; org:role kgr:fm ;
    kg:former false ; kg:evidence kgr:e1 .
kgr:m2 a org:Membership ; org:member kgr:zarif ; org:role kgr:envoy ; kg:former true ; kg:evidence kgr:e2 .

cameo:18 skos:prefLabel "Assault"@en ; kg:eventClass cameo:material-conflict .
cameo:11 skos:prefLabel "Disapprove"@en ; kg:eventClass cameo:verbal-conflict .
cameo:05 skos:prefLabel "Engage in diplomatic cooperation"@en ; kg:eventClass cameo:verbal-cooperation .
cameo:material-conflict skos:prefLabel "material conflict"@en .
cameo:verbal-conflict skos:prefLabel "verbal conflict"@en .
cameo:verbal-cooperation skos:prefLabel "verbal cooperation"@en .

kgr:ev1 a kg:Event ; kg:actor kgr:iran ; kg:target kgr:israel ; kg:action "attack" ; kg:eventType cameo:18 ;
    kg:negated false ; kg:modality "asserted" ; kg:evidence kgr:e3 .
kgr:ev2 a kg:Event ; kg:actor kgr:iran ; kg:target kgr:israel ; kg:action "attack" ; kg:eventType cameo:18 ;
    kg:negated false ; kg:modality "asserted" ; kg:evidence kgr:e4 .
kgr:ev3 a kg:Event ; kg:actor kgr:israel ; kg:target kgr:iran ; kg:action "attack" ; kg:eventType cameo:18 ;
    kg:negated true ; kg:modality "asserted" ; kg:evidence kgr:e5 .
kgr:ev4 a kg:Event ; kg:actor kgr:israel ; kg:target kgr:iran ; kg:action "attack" ; kg:eventType cameo:18 ;
    kg:negated false ; kg:modality "hypothetical" ; kg:evidence kgr:e6 .
kgr:ev5 a kg:Event ; kg:actor kgr:zarif ; kg:target kgr:israel ; kg:action "criticize" ; kg:eventType cameo:11 ;
    kg:negated false ; kg:modality "asserted" ; kg:evidence kgr:e7 .
kgr:ev6 a kg:Event ; kg:actor kgr:iran ; kg:target kgr:un ; kg:action "meet" ; kg:eventType cameo:05 ;
    kg:negated false ; kg:modality "asserted" ; kg:evidence kgr:e8 .
kgr:ev7 a kg:Event ; kg:actor kgr:israel ; kg:action "say" ; kg:negated false ; kg:modality "asserted" ;
    kg:evidence kgr:e9 .

kgr:e1 kg:document kgr:doc ; kg:sentence "Iranian Foreign Minister Javad Zarif spoke." ; nif:beginIndex 0 ; nif:endIndex 36 .
kgr:e2 kg:document kgr:doc ; kg:sentence "Zarif, a former envoy, left." ; nif:beginIndex 40 ; nif:endIndex 60 .
kgr:e3 kg:document kgr:doc ; kg:sentence "Iran attacked Israel again." ; nif:beginIndex 300 ; nif:endIndex 320 .
kgr:e4 kg:document kgr:doc ; kg:sentence "Iran attacked Israel <b onmouseover=x>first</b>." ; nif:beginIndex 100 ; nif:endIndex 120 .
kgr:e5 kg:document kgr:doc ; kg:sentence "Israel did not attack Iran." ; nif:beginIndex 400 ; nif:endIndex 420 .
kgr:e6 kg:document kgr:doc ; kg:sentence "Israel may attack Iran." ; nif:beginIndex 500 ; nif:endIndex 520 .
kgr:e7 kg:document kgr:doc ; kg:sentence "Zarif criticized Israel." ; nif:beginIndex 600 ; nif:endIndex 620 .
kgr:e8 kg:document kgr:doc ; kg:sentence "Iran met the U.N." ; nif:beginIndex 700 ; nif:endIndex 716 .
kgr:e9 kg:document kgr:doc ; kg:sentence "Israel said so." ; nif:beginIndex 800 ; nif:endIndex 814 .
"""

IRI = "https://w3id.org/kg-news/id/"


@pytest.fixture(scope="module")
def sample() -> nx.MultiDiGraph:
    return entity_graph(Graph().parse(data=SAMPLE_TTL, format="turtle"))


@pytest.fixture(scope="module")
def seed_network(seed_build) -> nx.MultiDiGraph:
    return entity_graph(load_graph(seed_build / "graph.ttl"))


def test_nodes_carry_type_name_aliases_mentions_and_roles(sample):
    zarif = sample.nodes[IRI + "zarif"]
    assert (zarif["name"], zarif["type"], zarif["aliases"], zarif["mentions"]) == ("Javad Zarif", "Person", ["Zarif"], 2)
    assert zarif["roles"] == ["Foreign Minister, Iran", "former envoy"]
    assert sample.nodes[IRI + "un"]["aliases"] == ["U.N."]
    assert sample.number_of_nodes() == 5


def test_edges_are_roles_and_events_with_counts_and_evidence_in_text_order(sample):
    keys = sorted((sample.nodes[u]["name"], k, sample.nodes[v]["name"]) for u, v, k in sample.edges(keys=True))
    assert keys == [
        ("Iran", "event:attack", "Israel"), ("Iran", "event:meet", "United Nations"),
        ("Israel", "event:hypothetical attack", "Iran"), ("Israel", "event:not attack", "Iran"),
        ("Javad Zarif", "event:criticize", "Israel"), ("Javad Zarif", "role:Foreign Minister", "Iran"),
    ]
    attack = sample.edges[IRI + "iran", IRI + "israel", "event:attack"]
    assert attack["count"] == 2 and attack["event_class"] == "material conflict" and attack["event_type"] == "Assault"
    assert [e["start"] for e in attack["evidence"]] == [100, 300]
    assert attack["evidence"][0] == {"source": "a.txt", "sentence": "Iran attacked Israel <b onmouseover=x>first</b>.",
                                     "start": 100, "end": 120}
    role = sample.edges[IRI + "zarif", IRI + "iran", "role:Foreign Minister"]
    assert role["kind"] == "role" and role["label"] == "Foreign Minister" and role["count"] == 1


def test_events_without_target_stay_in_the_event_list(sample):
    facts = list(event_records(Graph().parse(data=SAMPLE_TTL, format="turtle")))
    assert [f.action for f in facts] == ["attack", "attack", "attack", "attack", "criticize", "meet", "say"]
    assert facts[-1].target == ""


def test_negated_and_hypothetical_events_are_no_hostile_acts(sample):
    hostile = [(p["actor"], p["target"], p["counts"]["material conflict"], p["counts"]["verbal conflict"])
               for p in hostile_pairs(sample)]
    assert hostile == [("Iran", "Israel", 2, 0), ("Javad Zarif", "Israel", 0, 1)]
    assert [(p["actor"], p["target"]) for p in cooperative_pairs(sample)] == [("Iran", "United Nations")]


def test_centrality_ranks_the_attacked_and_the_linked(sample):
    scores = centrality(sample)
    assert scores[IRI + "israel"]["degree"] == 2 and scores[IRI + "alone"]["degree"] == 0
    order = ranked(sample, scores)
    # Targets of the most sentences that assert something: "Israel did not attack Iran" and "Israel may
    # attack Iran" make Iran no more central.
    assert order[:2] == [IRI + "israel", IRI + "iran"] and order[-1] == IRI + "alone"
    assert max(scores, key=lambda n: scores[n]["betweenness"]) == IRI + "iran"  # on every path between the others
    assert sum(s["pagerank"] for s in scores.values()) == pytest.approx(1.0)
    asserted = sample.copy()
    asserted.remove_edges_from([(u, v, k) for u, v, k, d in sample.edges(keys=True, data=True)
                                if d["negated"] or d.get("modality", "asserted") != "asserted"])
    assert asserted.number_of_edges() == sample.number_of_edges() - 2 and centrality(asserted) == scores


def test_communities_and_components_cover_every_entity_and_are_stable(seed_network):
    found = communities(seed_network)
    assert sorted(n for c in found for n in c) == sorted(seed_network.nodes)
    assert found == communities(seed_network) == communities(seed_network.copy())
    parts = components(seed_network)
    assert sorted(n for c in parts for n in c) == sorted(seed_network.nodes)
    assert [len(c) for c in parts] == sorted((len(c) for c in parts), reverse=True)


def test_find_entity_by_any_alias_and_refuses_ambiguity(sample, seed_network):
    assert find_entity(sample, "U.N.") == find_entity(sample, "united nations") == IRI + "un"
    assert seed_network.nodes[find_entity(seed_network, "Trump")]["name"] == "Donald Trump"
    assert seed_network.nodes[find_entity(seed_network, "al-Muhandis")]["name"] == "Abu Mahdi al-Muhandis"
    with pytest.raises(KgError, match="no entity named 'Nobody'"):
        find_entity(sample, "Nobody")
    ambiguous = nx.MultiDiGraph()
    ambiguous.add_node("p", name="Qassem Soleimani", aliases=["Soleimani"], type="Person")
    ambiguous.add_node("q", name="Soleimani", aliases=[], type="Place")
    with pytest.raises(KgError, match=r"names 2 entities: Qassem Soleimani \(Person\); Soleimani \(Place\)"):
        find_entity(ambiguous, "soleimani")


def test_paths_and_ego_network(sample):
    zarif, un, alone = IRI + "zarif", IRI + "un", IRI + "alone"
    assert shortest_path(sample, zarif, un) == [zarif, IRI + "iran", un]
    assert simple_paths(sample, zarif, un) == [[zarif, IRI + "iran", un], [zarif, IRI + "israel", IRI + "iran", un]]
    assert simple_paths(sample, zarif, un, max_length=2) == [[zarif, IRI + "iran", un]]
    with pytest.raises(KgError, match="no path between Javad Zarif and Ali Khamenei"):
        shortest_path(sample, zarif, alone)
    assert sorted(ego_network(sample, un, 1)) == [IRI + "iran", un]
    assert sorted(ego_network(sample, un, 2)) == sorted([IRI + "iran", un, zarif, IRI + "israel"])


def test_kg_path_names_entities_by_alias(seed_build):
    result = run_kg("path", seed_build / "graph.ttl", "Trump", "al-Muhandis", check=True)
    first = result.stdout.splitlines()[0]
    assert first.startswith("1. (") and "Donald Trump" in first and first.endswith("Abu Mahdi al-Muhandis")
    assert "-[" in first or "<-[" in first


@pytest.mark.parametrize("names, message", [
    (("Nobody", "Iran"), "no entity named 'Nobody'"),
    (("Iran", "Iranian"), "name the same entity"),
])
def test_kg_path_bad_names_are_one_line_errors(seed_build, names, message):
    result = run_kg("path", seed_build / "graph.ttl", *names)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("graph_file", ["sample", "seed"])
def test_facts_read_the_same_from_either_store(graph_file, seed_build, tmp_path):
    path = seed_build / "graph.ttl"
    if graph_file == "sample":  # a role with no organization, a former one, untyped, negated and hypothetical events
        path = tmp_path / "sample.ttl"
        path.write_text(SAMPLE_TTL, encoding="utf-8")
    memory, fast = load_graph(path, store="memory"), load_graph(path, store="oxigraph")
    assert type(fast.store).__name__ == "OxigraphStore"
    roles, events = list(role_records(memory)), list(event_records(memory))
    assert roles and events
    assert list(role_records(fast)) == roles and list(event_records(fast)) == events
    entities = sorted(entity_records(memory), key=lambda e: e.iri)
    assert entities and sorted(entity_records(fast), key=lambda e: e.iri) == entities
    assert (published_dates(fast), document_count(fast)) == (published_dates(memory), document_count(memory))
    # An on-disk pyoxigraph Store, as a build writes, reads the same too.
    store = pyoxigraph.Store(str(tmp_path / "store"))
    store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert list(role_records(store)) == roles and list(event_records(store)) == events
    assert sorted(entity_records(store), key=lambda e: e.iri) == entities


def test_key_people_on_the_seed_are_named_more_than_once(seed_build):
    """Issue 15: PageRank alone ranked Osama bin Laden (one mention) second of the seed's people."""
    network = entity_graph(load_graph(seed_build / "graph.ttl"))
    people = [n for n in ranked(network) if network.nodes[n]["type"] == "Person"]
    assert [network.nodes[n]["name"] for n in people[:3]] == ["Qassem Soleimani", "Donald Trump", "Abu Mahdi al-Muhandis"]
    assert all(network.nodes[n]["mentions"] > 1 for n in people[:3])


def test_importance_blends_mentions_articles_and_centrality():
    g = nx.MultiDiGraph()
    for node, mentions, articles in (("hub", 20, 5), ("once", 1, 1), ("often", 12, 4), ("alone", 30, 6)):
        g.add_node(node, name=node, type="Person", mentions=mentions, articles=articles)
    g.add_edge("once", "hub", kind="event", negated=False, modality="asserted", count=1)
    g.add_edge("often", "hub", kind="event", negated=False, modality="asserted", count=1)
    scores = centrality(g)
    # "once" is as central as "often" but named once; "alone" is much named but in no relation.
    assert ranked(g, scores) == ["hub", "often", "alone", "once"]
    assert scores["alone"]["importance"] == pytest.approx(0.4 + 0.2)
    assert 0 < scores["once"]["importance"] < scores["often"]["importance"] < scores["hub"]["importance"] <= 1


def test_pairs_count_relations_between_parties_not_interviews_or_statements():
    g = nx.MultiDiGraph()
    for node, name, aliases in (("r", "Bill Roggio", []), ("v", "Voice of America", ["VOA"]), ("i", "Iran", []),
                                ("u", "United States", []), ("b", "BBC", [])):
        g.add_node(node, name=name, aliases=aliases, type="Person" if node == "r" else "Organization")
    edge = dict(kind="event", negated=False, modality="asserted", count=1, evidence=[])
    g.add_edge("r", "v", label="tell", event_type="Make public statement", event_class="verbal cooperation", **edge)
    g.add_edge("r", "v", label="thank", event_type="Express intent to cooperate", event_class="verbal cooperation", **edge)
    g.add_edge("i", "u", label="say", event_type="Make public statement", event_class="verbal cooperation", **edge)
    g.add_edge("i", "u", label="meet", event_type="Consult", event_class="verbal cooperation", **edge)
    g.add_edge("i", "b", label="ban", event_type="Coerce", event_class="material conflict", **edge)
    assert [(p["actor"], p["target"], p["actions"]) for p in cooperative_pairs(g)] == [("Iran", "United States", ["meet"])]
    assert [(p["actor"], p["target"]) for p in hostile_pairs(g)] == [("Iran", "BBC")]  # an act against the press counts


def test_no_press_interview_among_the_seeds_cooperative_pairs(seed_build):
    network = entity_graph(load_graph(seed_build / "graph.ttl"))
    pairs = cooperative_pairs(network)
    assert pairs and all("VOA" not in (p["actor"], p["target"]) for p in pairs)
    assert all("tell" not in p["actions"] and "say" not in p["actions"] for p in pairs)


def test_events_with_no_target_are_the_actors_acts(sample):
    assert sample.nodes[IRI + "israel"]["acts"] == ["say"]
    assert sample.nodes[IRI + "iran"]["acts"] == [] and sample.nodes[IRI + "iran"]["articles"] == 1


UNKNOWN_ACTOR_TTL = """
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix kgr: <https://w3id.org/kg-news/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .

kgr:doc a kg:Document ; kg:source "a.txt" .
kgr:tamerlan a kg:Person ; skos:prefLabel "Tamerlan Tsarnaev" ; kg:mentionCount 2 .
kgr:ev1 a kg:Event ; kg:target kgr:tamerlan ; kg:action "kill" ; kg:negated false ; kg:modality "asserted" ;
    kg:evidence kgr:e1 .
kgr:e1 kg:document kgr:doc ; kg:sentence "Tamerlan Tsarnaev was killed." ; nif:beginIndex 0 ; nif:endIndex 29 .
"""


def test_an_event_with_no_actor_is_read_from_either_store_and_told_on_its_target(tmp_path):
    path = tmp_path / "unknown.ttl"
    path.write_text(UNKNOWN_ACTOR_TTL, encoding="utf-8")
    memory, fast = load_graph(path, store="memory"), load_graph(path, store="oxigraph")
    events = list(event_records(memory))
    assert [(e.actor, e.target, e.action) for e in events] == [("", IRI + "tamerlan", "kill")]
    assert list(event_records(fast)) == events
    network = entity_graph(memory)
    assert network.number_of_edges() == 0
    assert network.nodes[IRI + "tamerlan"]["acts"] == ["kill (actor unknown)"]
    assert network.nodes[IRI + "tamerlan"]["articles"] == 1
