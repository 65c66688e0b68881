"""kg: build an evidence-backed knowledge graph of roles and events from news articles.

The library API, used by the command line and the notebooks alike:

    >>> import kg                                                   # doctest: +SKIP
    >>> result = kg.build(["seeds"], "output")                      # doctest: +SKIP
    >>> graph = kg.load_graph("output/graph.ttl")                   # doctest: +SKIP
    >>> kg.run_query(graph, "roles").rows[0]                        # doctest: +SKIP
"""

from importlib import import_module

__version__ = "0.1.0"

# Names are imported on first use so that `kg query` does not pay for loading spaCy. Validation,
# conversion and pushing live in the modules kg.validate, kg.convert and kg.push (their functions share
# the modules' names, so they are not exported here).
_API = {
    "build": "kg.pipeline",
    "build_corpus": "kg.pipeline",
    "extract_text": "kg.pipeline",
    "write_outputs": "kg.pipeline",
    "load_graph": "kg.rdf",
    "run_query": "kg.query",
    "bundled_queries": "kg.query",
    "entity_graph": "kg.analyze",
    "centrality": "kg.analyze",
    "communities": "kg.analyze",
    "components": "kg.analyze",
    "find_entity": "kg.analyze",
    "shortest_path": "kg.analyze",
    "simple_paths": "kg.analyze",
    "path_steps": "kg.analyze",
    "ego_network": "kg.analyze",
    "hostile_pairs": "kg.analyze",
    "cooperative_pairs": "kg.analyze",
    "render_html": "kg.viz",
    "report_data": "kg.report",
    "KgError": "kg.errors",
}

__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
