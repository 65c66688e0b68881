"""The graph as RDF: evidence on every fact, one named graph per document, every format, the fast store (issue 4)."""

from __future__ import annotations

import csv
import io
import json
import shutil

import networkx as nx
import pytest
import rdflib
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic

from conftest import SEEDS, run_kg
from kg.analyze import entity_graph
from kg.errors import KgError
from kg.rdf import ENTITIES_GRAPH, load_graph

KG = rdflib.Namespace("https://w3id.org/kg-news/ontology#")
SECOND_ARTICLE = """Iraq Summons U.S. Ambassador

Iraqi Prime Minister Adel Abdul Mahdi condemned the strike on Friday. Iran's Foreign Minister Javad Zarif
called it an act of terrorism. The Iraqi parliament demanded that U.S. troops leave the country.
"""


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory):
    """The seed and a second short article built together; returns the graph file."""
    corpus = tmp_path_factory.mktemp("two-articles")
    shutil.copy(SEEDS / "voa-soleimani.txt", corpus / "voa-soleimani.txt")
    (corpus / "iraq.txt").write_text(SECOND_ARTICLE)
    run_kg("build", corpus, "-o", corpus / "out", "--jobs", "1", check=True)
    return corpus / "out" / "graph.ttl"


def test_every_fact_has_evidence_with_document_sentence_and_offsets(seed_build):
    graph = load_graph(seed_build / "graph.ttl")
    missing = graph.query("""
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?fact WHERE {
            { ?fact a org:Membership } UNION { ?fact a kg:Event }
            FILTER NOT EXISTS {
                ?fact kg:evidence ?e .
                ?e kg:document/kg:source ?source ; kg:sentence ?s ; nif:beginIndex ?b ; nif:endIndex ?end ;
                   kg:sentenceStart ?ss ; kg:sentenceEnd ?se .
            }
        }""")
    assert len(graph) > 500 and list(missing) == []


def test_evidence_offsets_point_at_the_sentence_in_the_article(seed_build):
    text = (SEEDS / "voa-soleimani.txt").read_text()
    graph = load_graph(seed_build / "graph.ttl")
    for evidence in graph.subjects(rdflib.RDF.type, KG.Evidence):
        start, end = (graph.value(evidence, KG[p]).toPython() for p in ("sentenceStart", "sentenceEnd"))
        assert text[start:end] == str(graph.value(evidence, KG.sentence))


def test_trig_and_nquads_hold_one_named_graph_per_document(two_articles, tmp_path):
    graph = load_graph(two_articles)
    documents = set(graph.subjects(rdflib.RDF.type, KG.Document))
    assert len(documents) == 2
    for suffix in (".trig", ".nq"):
        out = tmp_path / f"graph{suffix}"
        run_kg("convert", two_articles, "-o", out, check=True)
        dataset = Dataset()
        dataset.parse(out, format="trig" if suffix == ".trig" else "nquads")
        names = {g.identifier for g in dataset.graphs() if len(g)}
        assert names == documents | {ENTITIES_GRAPH}, suffix
        union = rdflib.Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        assert isomorphic(union, graph), suffix


def test_dropping_one_documents_graph_removes_its_facts_and_keeps_a_valid_graph(two_articles, tmp_path):
    out = tmp_path / "graph.nq"
    run_kg("convert", two_articles, "-o", out, check=True)
    iraq = URIRef("https://w3id.org/kg-news/id/document/iraq.txt")
    kept = "".join(line for line in out.read_text().splitlines(keepends=True) if not line.rstrip().endswith(f"<{iraq}> ."))
    (tmp_path / "dropped.nq").write_text(kept)
    dropped = load_graph(tmp_path / "dropped.nq")
    assert (iraq, None, None) not in dropped
    assert not list(dropped.subjects(KG.document, iraq))
    assert list(dropped.subjects(rdflib.RDF.type, KG.Event))
    assert run_kg("validate", tmp_path / "dropped.nq").returncode == 0


def test_jsonld_round_trip_is_isomorphic_with_a_compact_context(seed_build, tmp_path):
    out = tmp_path / "graph.jsonld"
    run_kg("convert", seed_build / "graph.ttl", "-o", out, check=True)
    document = json.loads(out.read_text())
    assert document["@context"]["actor"] == {"@id": str(KG.actor), "@type": "@id"}
    assert any("actor" in node and "evidence" in node for node in document["@graph"])
    original = rdflib.Graph().parse(seed_build / "graph.ttl")
    assert isomorphic(rdflib.Graph().parse(out, format="json-ld"), original)
    run_kg("convert", out, "-o", tmp_path / "back.ttl", check=True)
    assert isomorphic(rdflib.Graph().parse(tmp_path / "back.ttl"), original)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld"])
def test_rdf_formats_round_trip_and_are_byte_identical(seed_build, tmp_path, suffix):
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    run_kg("convert", seed_build / "graph.ttl", "-o", first, check=True)
    run_kg("convert", seed_build / "graph.ttl", "-o", second, check=True)
    assert first.read_bytes() == second.read_bytes()
    assert isomorphic(load_graph(first), load_graph(seed_build / "graph.ttl"))


def test_graphml_and_gexf_load_in_networkx_with_flat_attributes(seed_build, tmp_path):
    network = entity_graph(load_graph(seed_build / "graph.ttl"))
    for suffix, read in ((".graphml", nx.read_graphml), (".gexf", nx.read_gexf)):
        out = tmp_path / f"graph{suffix}"
        run_kg("convert", seed_build / "graph.ttl", "-o", out, check=True)
        loaded = read(out)
        assert loaded.number_of_nodes() == network.number_of_nodes(), suffix
        assert loaded.number_of_edges() == network.number_of_edges() > 0, suffix
        node = next(n for n, data in network.nodes(data=True) if data["aliases"])
        assert loaded.nodes[node]["aliases"] == " | ".join(network.nodes[node]["aliases"]), suffix
        assert all(isinstance(v, (str, int, float, bool)) for _, _, d in loaded.edges(data=True) for v in d.values())
        run_kg("convert", seed_build / "graph.ttl", "-o", tmp_path / f"again{suffix}", check=True)
        assert (tmp_path / f"again{suffix}").read_bytes() == out.read_bytes(), suffix


def test_csv_edges_name_both_ends_and_the_evidence(seed_build, tmp_path):
    out = tmp_path / "edges.csv"
    run_kg("convert", seed_build / "graph.ttl", "-o", out, check=True)
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows and list(rows[0])[:4] == ["source", "target", "kind", "label"]
    assert any(r["source"] == "Javad Zarif" and r["target"] == "Iran" and r["kind"] == "role" for r in rows)
    assert all("voa-soleimani.txt: " in r["evidence"] and int(r["evidence_count"]) >= 1 for r in rows)


def test_unknown_output_extension_is_one_line_and_writes_nothing(seed_build, tmp_path):
    result = run_kg("convert", seed_build / "graph.ttl", "-o", tmp_path / "graph.xlsx")
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and ".jsonld" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_malformed_graph_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n")
    with pytest.raises(KgError, match="cannot parse"):
        load_graph(bad)
    with pytest.raises(KgError, match="cannot parse"):
        load_graph(bad, store="oxigraph")


def test_fast_store_holds_the_same_triples(seed_build):
    memory = load_graph(seed_build / "graph.ttl", store="memory")
    fast = load_graph(seed_build / "graph.ttl", store="oxigraph")
    assert type(fast.store).__name__ == "OxigraphStore" and len(fast) == len(memory)
    # Oxigraph types plain literals as xsd:string (RDF 1.1); the same triples once that is undone.
    plain = rdflib.Graph()
    for s, p, o in fast:
        if isinstance(o, rdflib.Literal) and o.datatype == rdflib.XSD.string:
            o = rdflib.Literal(str(o))
        plain.add((s, p, o))
    assert isomorphic(plain, memory)


def test_a_role_is_labelled_as_the_corpus_writes_it_most_whatever_the_order(nlp):
    from kg.extract import extract
    from kg.ingest import Article
    from kg.rdf import corpus_graph
    from kg.resolve import resolve

    texts = ["Mark Esper, the defense secretary, spoke on Monday.", "Defense Secretary Mark Esper arrived in Baghdad.",
             "Defense Secretary Mark Esper left Baghdad on Tuesday."]
    facts = [extract(nlp(text), Article(id=f"a{n}", source=f"a{n}", text=text)) for n, text in enumerate(texts)]
    query = "SELECT ?label WHERE { ?role a <http://www.w3.org/ns/org#Role> ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }"
    for order in (facts, facts[::-1]):
        graph = corpus_graph(order, resolve(order))
        assert [str(row.label) for row in graph.query(query)] == ["Defense Secretary"]
