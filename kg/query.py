"""Query: run SPARQL over a graph, with a set of bundled queries for the common questions.

A bundled query is a `.rq` file in `kg/queries/`. Its leading `#` comment is its description; a
`# @param NAME text` line declares a parameter, the variable `?NAME` of the query, and a
`# @entity NAME text` line a parameter that names an entity: its value is matched against the graph's
entities as `kg viz --focus` matches ("esper" finds Mark Esper) and bound as that entity's canonical
name, and a name that matches no entity or several is a one-line error. A parameter's value
is bound as an RDF literal, never pasted into the text, so no value can change what the query does:
through rdflib's `initBindings` on rdflib's engine, and through a `VALUES` block at the top of the
WHERE clause on Oxigraph's (whose own substitution binds projected variables only). A parameter
left out stays unbound, and every bundled query then answers for all entities.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import XSD, Graph, Literal
from rdflib.term import Node

from kg.errors import KgError
from kg.store import check_offline_query, is_oxigraph, sparql_literal

FORMATS = ("table", "csv", "tsv", "json")


# A parameter's name: a SPARQL variable name.
PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Where a VALUES block goes: just inside the WHERE clause's opening brace (a comment line never counts).
WHERE_BRACE = re.compile(r"^(?:[^#\n]*?)\bWHERE\s*\{", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class QueryParam:
    name: str
    description: str
    entity: bool = False  # the value names an entity (declared by `# @entity`)


@dataclass(frozen=True)
class BundledQuery:
    name: str
    description: str
    text: str
    params: tuple[QueryParam, ...] = ()


@dataclass(frozen=True)
class QueryResult:
    """A SELECT result as plain strings: column names, then one tuple per row ("" for unbound), and each
    cell's XSD datatype IRI ("" for an IRI, a plain or language-tagged string, or unbound) so that JSON
    output can give numbers and booleans their own types."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    datatypes: tuple[tuple[str, ...], ...] = ()


@cache
def bundled_queries() -> dict[str, BundledQuery]:
    """The bundled queries by name, in name order."""
    queries = {}
    for entry in sorted(resources.files("kg.queries").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        name = entry.name.removesuffix(".rq")
        description, params = _header(text)
        queries[name] = BundledQuery(name, description, text, params)
    return queries


def _header(text: str) -> tuple[str, tuple[QueryParam, ...]]:
    """The description and parameters declared by a query's leading comment lines."""
    description, params = [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comment = line.lstrip("#").strip()
        kind, _, declaration = comment.partition(" ")
        if kind in {"@param", "@entity"}:
            name, _, about = declaration.strip().partition(" ")
            params.append(QueryParam(name, about.strip(), entity=kind == "@entity"))
        elif comment:
            description.append(comment)
    return " ".join(description), tuple(params)


def query_text(query: str) -> str:
    """SPARQL text from a bundled query's name, a `.rq` file, or the text itself."""
    if query in bundled_queries():
        return bundled_queries()[query].text
    if query.endswith(".rq") or (len(query) < 256 and "\n" not in query and Path(query).is_file()):
        path = Path(query)
        if not path.is_file():
            raise KgError(f"no such query file: {query}")
        return path.read_text(encoding="utf-8")
    known = ", ".join(bundled_queries())
    if re.fullmatch(r"[\w.-]+", query):
        raise KgError(f"unknown bundled query {query!r}; known: {known}")
    if not any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise KgError(f"unknown query {query!r}: not SPARQL, a .rq file, or a bundled query ({known})")
    return query


def parse_params(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """`name=value` strings (the CLI's `--param`) as a dict.

    >>> parse_params(["org=Quds Force", "a=x=y"])
    {'org': 'Quds Force', 'a': 'x=y'}
    """
    params = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not PARAM_NAME.match(name.strip()):
            raise KgError(f"bad --param {pair!r}: write it as name=value")
        params[name.strip()] = value
    return params


def check_params(query: str, text: str, params: Mapping[str, str]) -> dict[str, Literal]:
    """The parameters as RDF literals, once each is known to be a variable of the query."""
    declared = bundled_queries()[query].params if query in bundled_queries() else None
    for name in params:
        if declared is not None and name not in {p.name for p in declared}:
            expected = ", ".join(p.name for p in declared) or "none"
            raise KgError(f"query {query!r} has no parameter {name!r}; its parameters: {expected}")
        if not PARAM_NAME.match(name) or not re.search(rf"[?$]{name}\b", text):
            raise KgError(f"the query has no variable ?{name} to bind")
    return {name: Literal(value) for name, value in sorted(params.items())}


def with_values(text: str, bindings: Mapping[str, Literal]) -> str:
    """`text` with the bindings in a VALUES block just inside its WHERE clause.

    Each value goes in as a term (its N-Triples form, quotes and backslashes escaped), so a value is
    always data, never SPARQL.

    >>> print(with_values("SELECT ?x WHERE { ?x ?p ?name }", {"name": Literal('Iran" } #')}))
    SELECT ?x WHERE { VALUES (?name) { ("Iran\\" } #") } ?x ?p ?name }
    """
    if not bindings:
        return text
    where = WHERE_BRACE.search(text)
    if where is None:
        raise KgError("cannot bind parameters: the query has no WHERE clause")
    names = sorted(bindings)
    values = (f"VALUES ({' '.join('?' + n for n in names)}) "
              f"{{ ({' '.join(sparql_literal(bindings[n]) for n in names)}) }}")
    return f"{text[:where.end()]} {values}{text[where.end():]}"


def run_query(graph: Graph, query: str, params: Mapping[str, str] | None = None) -> QueryResult:
    """Run a SELECT (or ASK) query with `params` bound; SPARQL syntax errors become a one-line `KgError`."""
    text = query_text(query)
    check_offline_query(text)
    params = dict(params or {})
    entity_params = [p.name for p in _header(text)[1] if p.entity and p.name in params]
    if entity_params:
        from kg.analyze import entity_named  # networkx: only when a query names an entity

        params.update({name: entity_named(graph, params[name]) for name in entity_params})
    bindings = check_params(query, text, params)
    if bindings and is_oxigraph(graph):
        text, bindings = with_values(text, bindings), {}
    try:
        result = graph.query(text, initBindings=bindings)
        if result.type == "ASK":
            return QueryResult(("answer",), ((str(bool(result.askAnswer)).lower(),),), ((str(XSD.boolean),),))
        if result.type != "SELECT":
            raise KgError(f"only SELECT and ASK queries print rows; this is a {result.type} query")
        columns = tuple(str(v) for v in result.vars)
        found = [tuple(row[i] for i in range(len(columns))) for row in result]
    except KgError:
        raise
    except Exception as error:  # pyparsing and rdflib raise many types; all mean a bad query
        raise KgError(_describe_error(error)) from None
    return QueryResult(columns, tuple(tuple(_text(term) for term in row) for row in found),
                       tuple(tuple(_datatype(term) for term in row) for row in found))


def _datatype(term: Node | None) -> str:
    return str(term.datatype) if isinstance(term, Literal) and term.datatype else ""


def is_endpoint(location: str) -> bool:
    """Whether `kg query` was given a SPARQL endpoint's URL rather than a graph file.

    >>> is_endpoint("http://127.0.0.1:7878/query"), is_endpoint("output/graph.ttl")
    (True, False)
    """
    return re.match(r"https?://", str(location), re.IGNORECASE) is not None


# The entities of a graph, as `kg.analyze` reads them, for looking up an @entity parameter at an endpoint or in a store.
_ENDPOINT_ENTITIES = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?entity ?type ?name ?alias WHERE {
    VALUES ?type { kg:Person kg:Organization kg:Country kg:Place }
    ?entity a ?type ; skos:prefLabel ?name ; kg:mentionCount ?mentions .
    OPTIONAL { ?entity skos:altLabel ?alias }
}"""


def run_endpoint_query(url: str, query: str, params: Mapping[str, str] | None = None,
                       timeout: float = 60.0) -> QueryResult:
    """Run a query at a SPARQL 1.1 endpoint (the SPARQL 1.1 Protocol: an URL-encoded POST, results as
    SPARQL JSON), bundled queries and parameters working as `run_query`'s do: a parameter goes in as a
    term of a VALUES block, an @entity parameter is looked up among the endpoint's entities first."""
    select = lambda text: _endpoint_select(url, text, timeout)  # noqa: E731
    text = _bound_text(select, query, params)
    form = _query_form(text)
    if form not in {None, "SelectQuery", "AskQuery"}:
        raise KgError(f"only SELECT and ASK queries print rows; this is a {form.removesuffix('Query').upper()} query")
    return select(text)


def run_store_query(location: str | Path, query: str, params: Mapping[str, str] | None = None) -> QueryResult:
    """Run a query on an on-disk Oxigraph store that `kg load` made, over the union of its named graphs
    (as `oxigraph serve --union-default-graph` answers it), parameters bound as at an endpoint.

    Oxigraph answers straight from its on-disk indexes: nothing is loaded first, so a million-triple
    store answers in the time of the query (`bench/query_speed.py`), and the store is opened read-only,
    so a server may serve it meanwhile.
    """
    from kg.store import open_store

    store = open_store(location)
    text = _bound_text(lambda text: _store_select(store, text), query, params)
    check_offline_query(text)
    return _store_select(store, text)


def _bound_text(select, query: str, params: Mapping[str, str] | None) -> str:
    """The text of `query` with `params` in a VALUES block, an @entity parameter first looked up among
    the entities that `select` (a function from SPARQL text to its `QueryResult`) finds."""
    text = query_text(query)
    params = dict(params or {})
    entity_params = [p.name for p in _header(text)[1] if p.entity and p.name in params]
    if entity_params:
        from kg.analyze import entity_named_among

        entities: dict[str, tuple[str, str, list[str]]] = {}
        for entity, entity_type, name, alias in select(_ENDPOINT_ENTITIES).rows:
            known = entities.setdefault(entity, (name, entity_type.rsplit("#", 1)[-1], []))
            if alias:
                known[2].append(alias)
        params.update({name: entity_named_among(entities, params[name]) for name in entity_params})
    return with_values(text, check_params(query, text, params))


# Literals whose datatype `QueryResult` leaves out, as SPARQL JSON results do: text, not a typed value.
_TEXT_DATATYPES = {str(XSD.string), "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}


def _store_select(store, text: str) -> QueryResult:
    """A SELECT or ASK answered by a pyoxigraph store over the union of its graphs, as plain strings."""
    import pyoxigraph as ox

    try:
        result = store.query(text, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(("answer",), ((str(bool(result)).lower(),),), ((str(XSD.boolean),),))
        if not isinstance(result, ox.QuerySolutions):
            form = (_query_form(text) or "ConstructQuery").removesuffix("Query").upper()
            raise KgError(f"only SELECT and ASK queries print rows; this is a {form} query")
        columns = tuple(variable.value for variable in result.variables)
        found = [tuple(solution) for solution in result]
    except KgError:
        raise
    except (SyntaxError, OSError, ValueError) as error:  # a bad query, or a failure reading the store
        raise KgError(_describe_error(error)) from None
    return QueryResult(columns, tuple(tuple("" if term is None else term.value for term in row) for row in found),
                       tuple(tuple(_store_datatype(term) for term in row) for row in found))


def _store_datatype(term) -> str:
    datatype = getattr(term, "datatype", None)  # only a literal has one
    return "" if datatype is None or datatype.value in _TEXT_DATATYPES else datatype.value


def _query_form(text: str) -> str | None:
    """The form of a query as rdflib's parser reads it ("SelectQuery", ...), or None where rdflib cannot
    parse it: the endpoint then judges it, and says what is wrong in its own words."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(text).algebra.name
    except Exception:  # pyparsing and rdflib raise many types; the endpoint's answer says more
        return None


def _query_endpoint(url: str) -> str:
    """Where Oxigraph answers SPARQL queries on the server of `url`.

    >>> _query_endpoint("http://127.0.0.1:7878/store")
    'http://127.0.0.1:7878/query'
    """
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/query", "", ""))


def _endpoint_select(url: str, text: str, timeout: float) -> QueryResult:
    import urllib.error
    import urllib.parse
    import urllib.request

    request = urllib.request.Request(
        url, data=urllib.parse.urlencode({"query": text}).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                 "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        detail = " ".join(error.read().decode("utf-8", "replace").split())[:300]
        if error.code == 400 and re.match(r"error at \d+:\d+", detail):  # Oxigraph's syntax error, as locally
            raise KgError(_describe_error(ValueError(detail[:160]))) from None
        # A server's base URL or its graph store answers "not found" or "unsupported media type".
        hint = (f" (give the server's SPARQL query endpoint, for Oxigraph {_query_endpoint(url)})"
                if error.code in {404, 405, 415} else "")
        raise KgError(f"the endpoint {url} answered {error.code} {error.reason}" + (f": {detail}" if detail else "")
                      + hint) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise KgError(f"cannot reach the SPARQL endpoint {url}: {reason}") from None
    try:
        answer = json.loads(body)
        if "boolean" in answer:
            return QueryResult(("answer",), ((str(bool(answer["boolean"])).lower(),),), ((str(XSD.boolean),),))
        columns = tuple(answer["head"]["vars"])
        bindings = answer["results"]["bindings"]
    except (ValueError, KeyError, TypeError):
        raise KgError(f"the endpoint {url} did not answer with SPARQL JSON results: is it a SPARQL query endpoint?") from None
    cells = [tuple(binding.get(column) or {} for column in columns) for binding in bindings]
    return QueryResult(columns, tuple(tuple(cell.get("value", "") for cell in row) for row in cells),
                       tuple(tuple(cell.get("datatype", "") if cell.get("type") in {"literal", "typed-literal"} else ""
                                   for cell in row) for row in cells))


def _describe_error(error: Exception) -> str:
    """One line: rdflib's parser (pyparsing) gives line and column; Oxigraph's message starts "error at L:C"."""
    line = getattr(error, "lineno", None)
    column = getattr(error, "col", None)
    message = str(getattr(error, "msg", "") or error).strip()
    message = message.splitlines()[0] if message else type(error).__name__
    if line is not None and column is not None:
        return f"SPARQL syntax error at line {line}, column {column}: {message}"
    position = re.match(r"error at (\d+):(\d+)(?:-\d+:\d+)?:\s*(.*)", message)
    if position:
        return f"SPARQL syntax error at line {position[1]}, column {position[2]}: {position[3]}"
    return f"query failed: {message}"


def _text(term: Node | None) -> str:
    return "" if term is None else str(term)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as an aligned table, CSV, TSV or JSON (a list of objects)."""
    if fmt == "json":
        datatypes = result.datatypes or tuple(("",) * len(row) for row in result.rows)
        objects = [{column: _json_value(value, datatype) for column, value, datatype in zip(result.columns, row, types)}
                   for row, types in zip(result.rows, datatypes)]
        return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"
    if fmt in {"csv", "tsv"}:
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
        return out.getvalue()
    if fmt == "table":
        return _table(result)
    raise KgError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


_INTEGERS = {str(XSD[name]) for name in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                           "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                           "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
_DECIMALS = {str(XSD.decimal), str(XSD.double), str(XSD.float)}


def _json_value(value: str, datatype: str) -> object:
    """A cell as JSON: an xsd integer, decimal, double or boolean as a JSON number or boolean, else text.

    >>> _json_value("19", str(XSD.integer)), _json_value("true", str(XSD.boolean)), _json_value("19", "")
    (19, True, '19')
    """
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype in _DECIMALS:
            number = float(value)
            return number if number == number and abs(number) != float("inf") else value  # JSON has no NaN
    except ValueError:
        return value
    if datatype == str(XSD.boolean) and value in {"true", "false", "1", "0"}:
        return value in {"true", "1"}
    return value


def _table(result: QueryResult, max_width: int = 60) -> str:
    cell = lambda value: value if len(value) <= max_width else value[: max_width - 1] + "…"  # noqa: E731
    rows = [tuple(cell(v.replace("\n", " ")) for v in row) for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(result.columns)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(result.columns), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
