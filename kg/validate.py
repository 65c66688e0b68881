"""Validate: check a graph against the project's SHACL shapes (`ontology/shapes.ttl`) with pySHACL.

The ontology (`ontology/kg.ttl`) is mixed into the data for the check, so that class membership
follows its subclass axioms (a kg:Country is a kg:Place) and CAMEO codes resolve to its concepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import KgError

# kg/ontology links to the repository's ontology/ folder and ships inside the wheel.
ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    """One failed constraint: the node, the property path, and what is wrong."""

    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}"


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    triples: int
    violations: tuple[Violation, ...]

    def verdict(self) -> str:
        if self.conforms:
            return f"conforms: {self.triples} triples satisfy the shapes"
        count = len(self.violations)
        return f"does not conform: {count} violation{'s' if count != 1 else ''} in {self.triples} triples"


def read_turtle(path: Path, what: str) -> Graph:
    if not path.is_file():
        raise KgError(f"no {what} file at {path}")
    try:
        return Graph().parse(str(path), format="turtle")
    except Exception as error:  # the parser's many error types all mean a malformed file
        raise KgError(f"cannot parse {what} {path}: {str(error).splitlines()[0]}") from None


def validate(graph: Graph, shapes: Path | None = None) -> ValidationResult:
    """Check `graph` against the shapes (the project's by default); violations sorted by node and path."""
    from pyshacl import validate as shacl_validate

    shapes_graph = read_turtle(Path(shapes) if shapes else SHAPES, "shapes")
    ontology = read_turtle(ONTOLOGY, "ontology")
    # The data with the ontology mixed in, in rdflib's memory store (which pySHACL walks fastest).
    data = Graph()
    data += graph
    data += ontology
    conforms, report, _ = shacl_validate(data, shacl_graph=shapes_graph, inference="none",
                                         advanced=True, allow_warnings=True)
    violations = set()
    for result in report.subjects(SH.resultSeverity, None):
        path = report.value(result, SH.resultPath)
        violations.add(Violation(
            focus=str(report.value(result, SH.focusNode)),
            path=_path_text(report, path, graph),
            message=str(report.value(result, SH.resultMessage) or report.value(result, SH.sourceConstraintComponent)),
            severity=str(report.value(result, SH.resultSeverity)).rpartition("#")[2],
        ))
    return ValidationResult(bool(conforms), len(graph), tuple(sorted(violations, key=lambda v: (v.focus, v.path, v.message))))


def _path_text(report: Graph, path: Node | None, graph: Graph) -> str:
    """A result's property path as SPARQL writes it: `kg:evidence`, or `^kg:evidence` for an inverse."""
    if isinstance(path, URIRef):
        return path.n3(graph.namespace_manager)
    if isinstance(path, BNode) and isinstance(inverse := report.value(path, SH.inversePath), URIRef):
        return "^" + inverse.n3(graph.namespace_manager)
    return ""
