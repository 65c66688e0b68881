"""rdflib's memory store against Oxigraph (pyoxigraph through oxrdflib) on a large generated kg graph.

    .venv/bin/python bench/rdf_store.py                    # 1 000 000 triples
    .venv/bin/python bench/rdf_store.py --triples 200000   # a quicker look
    .venv/bin/python bench/rdf_store.py --budget 60        # more of rdflib's query times measured, ~10 min

The graph has the shape `kg build` gives a large corpus (bench/corpus.py's articles scaled up): people,
organizations and countries with names, aliases and mention counts; documents; role memberships and
CAMEO-typed events, each with its evidence (sentence, offsets). It is generated from a fixed seed,
so every run measures the same file. Then, for each store, in one process, one after the other:

- parse: `kg.rdf.load_graph(FILE, store=...)` of the Turtle file;
- query: every bundled query as `kg query` runs it (`kg.query.run_query`), without parameters, then
  the parameterised ones with a parameter bound. rdflib's SPARQL engine takes minutes to hours for
  some of them on a graph this size, so each rdflib query runs in a forked child with a time budget
  (`--budget`, default 5 s); one that overruns is stopped and counted at the budget, which makes its
  ratio a lower bound (printed with ">=");
- serialise: `kg.rdf.write_graph` to Turtle, as `kg build` and `kg convert` do.

It prints seconds per step and store and the ratio rdflib / Oxigraph (how many times faster the fast
store is), and checks that both stores give the same number of rows for every query.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import random
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.query import bundled_queries, run_query  # noqa: E402
from kg.rdf import PREFIX_IRIS, load_graph, write_graph  # noqa: E402

KG = "https://w3id.org/kg-news/ontology#"
ID = "https://w3id.org/kg-news/id/"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
SCHEMA = "https://schema.org/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
CAMEO_CLASSES = {"01": "verbal-cooperation", "04": "verbal-cooperation", "07": "material-cooperation",
                 "11": "verbal-conflict", "13": "verbal-conflict", "17": "material-conflict", "18": "material-conflict"}
ACTIONS = {"01": "say", "04": "meet", "07": "aid", "11": "criticize", "13": "threaten", "17": "seize", "18": "kill"}
ROLES = ("President", "Foreign Minister", "Commander", "spokesman", "Secretary", "analyst", "senior fellow")
WORDS = ("Amir", "Hassan", "Karim", "Nadia", "Omar", "Layla", "Reza", "Sara", "Tariq", "Yusuf", "Zahra", "Jamal")


def iri(local: str) -> ox.NamedNode:
    return ox.NamedNode(ID + local)


def term(vocabulary: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(vocabulary + local)


def literal(value) -> ox.Literal:
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(value)


def generate(target: int, seed: int = 7) -> list[ox.Triple]:
    """About `target` triples in kg's shape, the same for the same target and seed."""
    rng = random.Random(seed)
    triples: list[ox.Triple] = []
    add = lambda s, p, o: triples.append(ox.Triple(s, p, o))  # noqa: E731
    entities: dict[str, list[ox.NamedNode]] = {"Person": [], "Organization": [], "Country": []}
    names: dict[ox.NamedNode, str] = {}
    entity_count = max(60, target // 40)
    for number in range(entity_count):
        kind = ("Person", "Person", "Organization", "Country")[number % 4]
        name = f"{rng.choice(WORDS)} {rng.choice(WORDS)}{number}" if kind == "Person" else f"{kind} {number}"
        node = iri(f"{kind.lower()}/{number}")
        entities[kind].append(node)
        names[node] = name
        add(node, RDF_TYPE, term(KG, kind))
        add(node, term(SKOS, "prefLabel"), literal(name))
        for alias in range(rng.randrange(3)):
            add(node, term(SKOS, "altLabel"), literal(f"{name.split()[-1]} {alias}"))
        add(node, term(KG, "mentionCount"), literal(rng.randrange(1, 50)))
    for code, quad_class in CAMEO_CLASSES.items():
        concept = ox.NamedNode("https://w3id.org/kg-news/cameo/" + code)
        add(concept, RDF_TYPE, term(SKOS, "Concept"))
        add(concept, term(SKOS, "prefLabel"), ox.Literal(ACTIONS[code].capitalize(), language="en"))
        add(concept, term(KG, "eventClass"), ox.NamedNode("https://w3id.org/kg-news/cameo/" + quad_class))
        add(ox.NamedNode("https://w3id.org/kg-news/cameo/" + quad_class), term(SKOS, "prefLabel"),
            ox.Literal(quad_class.replace("-", " "), language="en"))
    for role in ROLES:
        add(iri("role/" + role.lower().replace(" ", "-")), RDF_TYPE, term(ORG, "Role"))
        add(iri("role/" + role.lower().replace(" ", "-")), term(SKOS, "prefLabel"), literal(role))
    agents = entities["Person"] + entities["Organization"] + entities["Country"]
    document_number = 0
    while len(triples) < target:
        document = iri(f"document/article-{document_number:06d}.txt")
        add(document, RDF_TYPE, term(KG, "Document"))
        add(document, term(KG, "source"), literal(f"article-{document_number:06d}.txt"))
        add(document, term(SCHEMA, "name"), literal(f"Report {document_number}"))
        add(document, term(SCHEMA, "datePublished"), literal(f"2020-01-{1 + document_number % 28:02d}"))
        offset = 0
        for fact in range(30):
            start, end = offset + rng.randrange(0, 40), offset + rng.randrange(60, 200)
            evidence = iri(f"evidence/{document_number}/{start}-{end}")
            if fact % 5 == 0:
                person, organization = rng.choice(entities["Person"]), rng.choice(entities["Organization"] + entities["Country"])
                role = rng.choice(ROLES)
                node = iri(f"membership/{document_number}-{fact}")
                add(node, RDF_TYPE, term(ORG, "Membership"))
                add(node, term(ORG, "member"), person)
                add(node, term(ORG, "organization"), organization)
                add(node, term(ORG, "role"), iri("role/" + role.lower().replace(" ", "-")))
                add(node, term(KG, "former"), literal(False))
                sentence = f"{role} {names[person]} of {names[organization]} spoke on day {fact}."
            else:
                actor, target_node = rng.choice(agents), rng.choice(agents)
                code = rng.choice(tuple(ACTIONS))
                node = iri(f"event/{document_number}-{fact}")
                add(node, RDF_TYPE, term(KG, "Event"))
                add(node, term(KG, "actor"), actor)
                if fact % 3:
                    add(node, term(KG, "target"), target_node)
                add(node, term(KG, "action"), literal(ACTIONS[code]))
                add(node, term(KG, "negated"), literal(fact % 11 == 0))
                add(node, term(KG, "modality"), literal("hypothetical" if fact % 7 == 0 else "asserted"))
                add(node, term(KG, "eventType"), ox.NamedNode("https://w3id.org/kg-news/cameo/" + code))
                sentence = f"{names[actor]} will {ACTIONS[code]} {names[target_node]}, officials said on day {fact}."
            add(node, term(KG, "evidence"), evidence)
            add(evidence, RDF_TYPE, term(KG, "Evidence"))
            add(evidence, term(KG, "document"), document)
            add(evidence, term(KG, "sentence"), literal(sentence))
            add(evidence, term(KG, "sentenceStart"), literal(offset))
            add(evidence, term(KG, "sentenceEnd"), literal(offset + 220))
            add(evidence, term(NIF, "beginIndex"), literal(start))
            add(evidence, term(NIF, "endIndex"), literal(end))
            offset += 230
        document_number += 1
    return triples


def timed(action):
    gc.collect()
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def timed_with_budget(action, budget: float):
    """(seconds, rows) of `action` run in a forked child, or (budget, None) if it overran and was stopped."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def work() -> None:
        seconds, result = timed(action)
        sender.send((seconds, len(result.rows)))

    child = context.Process(target=work)
    child.start()
    try:
        if receiver.poll(budget):
            return receiver.recv()
        return budget, None
    finally:
        child.kill()
        child.join()


def example_params() -> dict[str, dict[str, str]]:
    """A parameter value for each parameterised query: names that are in the generated graph."""
    return {"members": {"org": "Organization 2"}, "between": {"a": "Country 3", "b": "Organization 2"},
            "entity-facts": {"entity": "Country 3"}, "conflict-cooperation": {"class": "material conflict"}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the generated graph (default 1 000 000)")
    parser.add_argument("--budget", type=float, default=5.0,
                        help="seconds each rdflib query may take before it is stopped (default 5)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kg-bench-rdf-") as folder:
        graph_file = Path(folder) / "graph.ttl"
        seconds, triples = timed(lambda: generate(args.triples))
        ox.serialize(sorted(triples, key=str), str(graph_file), ox.RdfFormat.TURTLE, prefixes=PREFIX_IRIS)
        size = graph_file.stat().st_size
        print(f"generated {len(triples):,} triples ({size / 2**20:.0f} MiB of Turtle) in {seconds:.1f} s")
        del triples

        steps: dict[str, dict[str, float]] = {}
        rows: dict[str, dict[str, int]] = {}
        params = example_params()
        overran: set[str] = set()
        for store in ("memory", "oxigraph"):
            seconds, graph = timed(lambda: load_graph(graph_file, store=store))
            steps.setdefault("parse", {})[store] = seconds
            print(f"{store:9} parse       {seconds:8.2f} s  ({len(graph):,} triples)", flush=True)
            runs = [(name, {}) for name in bundled_queries()] + [(name, p) for name, p in sorted(params.items())]
            for name, bound in runs:
                label = name + ("(" + ",".join(f"{k}={v}" for k, v in bound.items()) + ")" if bound else "")
                query = lambda: run_query(graph, name, bound)  # noqa: E731
                if store == "memory":
                    seconds, count = timed_with_budget(query, args.budget)
                else:
                    seconds, result = timed(query)
                    count = len(result.rows)
                steps.setdefault("query " + label, {})[store] = seconds
                if count is None:
                    overran.add("query " + label)
                    print(f"{store:9} query {label:40} > {seconds:6.2f} s  (stopped)", flush=True)
                else:
                    rows.setdefault(label, {})[store] = count
                    print(f"{store:9} query {label:40} {seconds:8.2f} s  ({count:,} rows)", flush=True)
            seconds, _ = timed(lambda: write_graph(graph, Path(folder) / f"out-{store}.ttl"))
            steps.setdefault("serialise", {})[store] = seconds
            print(f"{store:9} serialise   {seconds:8.2f} s", flush=True)
            del graph

    print()
    print(f"{'step':50} {'rdflib s':>10} {'oxigraph s':>11} {'ratio':>8}")
    totals = {"memory": 0.0, "oxigraph": 0.0}
    for step, by_store in steps.items():
        if len(by_store) < 2:
            continue
        for store in totals:
            totals[store] += by_store[store]
        ratio = by_store["memory"] / max(by_store["oxigraph"], 1e-9)
        bound = ">=" if step in overran else "  "
        print(f"{step:50} {bound}{by_store['memory']:8.2f} {by_store['oxigraph']:11.3f} {bound}{ratio:6.1f}x")
    bound = ">=" if overran else "  "
    print(f"{'all steps':50} {bound}{totals['memory']:8.2f} {totals['oxigraph']:11.3f} "
          f"{bound}{totals['memory'] / max(totals['oxigraph'], 1e-9):6.1f}x")
    if overran:
        print(f"(>= : rdflib overran its {args.budget:g} s budget and was stopped; the ratio is a lower bound)")
    mismatched = [label for label, by_store in rows.items() if len(set(by_store.values())) > 1]
    if mismatched:
        print("row counts differ between the stores for: " + ", ".join(mismatched))
        sys.exit(1)


if __name__ == "__main__":
    main()
