"""`kg validate`: the project's output satisfies its SHACL shapes, and the shapes catch what they should."""

from __future__ import annotations

import rdflib
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from conftest import run_kg

KG = Namespace("https://w3id.org/kg-news/ontology#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ORG = Namespace("http://www.w3.org/ns/org#")


def test_seed_graph_conforms(seed_build):
    result = run_kg("validate", seed_build / "graph.ttl")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("conforms: ") and result.stdout.count("\n") == 1


def test_converted_graph_conforms_too(seed_build, tmp_path):
    run_kg("convert", seed_build / "graph.ttl", "-o", tmp_path / "graph.trig", check=True)
    assert run_kg("validate", tmp_path / "graph.trig").returncode == 0


def test_broken_facts_are_reported_one_per_line(seed_build, tmp_path):
    graph = rdflib.Graph().parse(seed_build / "graph.ttl")
    event = sorted(graph.subjects(RDF.type, KG.Event))[0]
    graph.remove((event, KG.evidence, None))                      # a fact without evidence
    graph.set((event, KG.modality, Literal("rumoured")))          # not a modality
    evidence = sorted(graph.subjects(RDF.type, KG.Evidence))[0]
    begin = graph.value(evidence, NIF.beginIndex).toPython()
    graph.set((evidence, NIF.endIndex, Literal(begin - 1)))        # ends before it begins
    membership = sorted(graph.subjects(RDF.type, ORG.Membership))[0]
    graph.set((membership, ORG.member, URIRef("https://w3id.org/kg-news/id/country/iran")))  # a country is no person
    entity = sorted(graph.subjects(RDF.type, KG.Person))[0]
    graph.set((entity, KG.mentionCount, Literal("many", datatype=XSD.string)))
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")

    result = run_kg("validate", broken)
    assert result.returncode == 1
    verdict, *violations = result.stdout.splitlines()
    assert verdict.startswith("does not conform: ")
    assert int(verdict.split()[3]) == len(violations) >= 5
    text = "\n".join(violations)
    for node, path in ((event, "kg:evidence"), (event, "kg:modality"), (evidence, "nif:beginIndex"),
                       (membership, "org:member"), (entity, "kg:mentionCount")):
        assert any(f"<{node}> {path}" in line for line in violations), (node, path, text)
    assert "Traceback" not in result.stderr


def test_missing_graph_is_one_line_error(tmp_path):
    result = run_kg("validate", tmp_path / "nope.ttl")
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "no such graph file" in result.stderr
