"""Report: what a build found, as Markdown for people, JSON for tools, and a PNG picture of the network
for places where HTML cannot go.

The picture is drawn with matplotlib's object API on an Agg canvas (no pyplot, no global backend), and
saved without metadata, so the same network always gives the same bytes.
"""

from __future__ import annotations

import io
import json
import math
import textwrap
from dataclasses import dataclass
from html import escape
from collections import Counter
from pathlib import Path

from typing import TYPE_CHECKING

import networkx as nx

from kg.analyze import (IMPORTANCE_WEIGHTS, centrality, communities, components, cooperative_pairs, entity_graph,
                        hostile_pairs, ranked)
from kg.files import atomic_path, write_text
from kg.rdf import write_graph
from kg.readers import EventRecord, RoleRecord, document_count, facts_in_text_order, published_dates
from kg.viz import EDGE_STYLES, OTHER_TYPE_STYLE, TYPE_STYLES, edge_category, edge_label, render_html

if TYPE_CHECKING:  # matplotlib takes a quarter of a second to import: only the picture needs it
    from matplotlib.figure import Figure
    from rdflib import Graph

    from kg.rdf import CorpusStore

PICTURE = "graph.png"
PICTURE_NODES = 40  # entities in the picture: more would be unreadable on a page
MARKDOWN_EVENTS = 500  # events listed in report.md
# Events listed in report.json, the first in text order; its summary and event types count them all. A
# sample, so that the report of a million articles is as small as that of a thousand.
REPORT_EVENTS = 1000
EDGE_LABELS_MAX = 80  # above this many edges the picture leaves their labels out
MARKERS = {"dot": "o", "square": "s", "triangle": "^", "diamond": "D", "star": "*"}


IMPORTANCE_TEXT = (
    "Ranked by importance, a blend of how often the corpus names an entity ({mentions:.0%}), in how many "
    "articles it takes part in a fact ({articles:.0%}), both on a log scale, and its PageRank over the relations "
    "the text asserts ({centrality:.0%}; a negated or hypothetical event makes no one more central), each "
    "scaled by the network's largest, so 1 is the top of every measure."
).format(**IMPORTANCE_WEIGHTS)
PROFILES = 5  # key people and key organizations with a profile in report.md
COUNTERPARTS = 3  # counterparts named in a profile
ACTS = 5  # events with no target named in a profile
TIMELINE_MARKDOWN = 200  # dated events listed in report.md's timeline


def report_data(graph, network: nx.MultiDiGraph, top: int = 10, scores: dict | None = None,
                tally: _ReportTally | None = None) -> dict:
    """The report's content: key people and organizations (ranked by importance, each with a profile: roles,
    top counterparts, first and last seen), who holds which role where, the first `REPORT_EVENTS` events in
    text order and the counts of all by type, communities, components, and the most hostile and most
    cooperative pairs. The graph's facts are read one at a time (`kg.readers.facts_in_text_order`): the
    report's memory does not grow with the events of the corpus. `tally`: the facts gathered already, as
    `render_outputs` gathers them while the network reads them (`report_tally`)."""
    scores = scores if scores is not None else centrality(network)
    name = {node: data.get("name", node) for node, data in network.nodes(data=True)}
    if tally is None:
        tally = report_tally(graph, name)
        for fact in facts_in_text_order(graph):
            tally.add(fact)
    groups = communities(network)
    parts = components(network)
    return {
        "summary": {
            "documents": document_count(graph),
            "entities": network.number_of_nodes(),
            "relations": network.number_of_edges(),
            "roles": tally.roles,
            "events": tally.events,
            "communities": sum(len(c) > 1 for c in groups),
            "components": len(parts),
        },
        "importance": {"weights": IMPORTANCE_WEIGHTS, "description": IMPORTANCE_TEXT},
        "key_people": _key_entities(network, scores, tally.seen(), {"Person"}, top),
        "key_organizations": _key_entities(network, scores, tally.seen(), {"Organization", "Country"}, top),
        "roles": sorted(tally.held.values(), key=lambda r: (r["person"], r["organization"], r["role"], r["former"])),
        "events": tally.listed,
        # Counts only: the events themselves are listed once, above (report.md groups them and dates them).
        "event_types": _type_counts(tally.types),
        "dated_events": tally.dated,
        "communities": [[name[n] for n in ranked(network.subgraph(c), scores)] for c in groups if len(c) > 1],
        "unlinked_entities": sum(len(c) == 1 for c in groups),
        "component_sizes": [len(c) for c in parts],
        "hostile_pairs": [_pair(p) for p in hostile_pairs(network, top)],
        "cooperative_pairs": [_pair(p) for p in cooperative_pairs(network, top)],
        "picture": PICTURE,
    }


def _key_entities(network: nx.MultiDiGraph, scores: dict, seen: dict[str, dict], types: set[str], top: int) -> list[dict]:
    """The `top` most important entities of `types`, each with its measures and profile."""
    return [
        {"name": network.nodes[n].get("name", n), "type": network.nodes[n]["type"],
         "aliases": network.nodes[n].get("aliases", []),
         "mentions": network.nodes[n].get("mentions", 0), "articles": network.nodes[n].get("articles", 0),
         "degree": scores[n]["degree"], "pagerank": round(scores[n]["pagerank"], 4),
         "betweenness": round(scores[n]["betweenness"], 4), "importance": round(scores[n]["importance"], 4),
         "roles": network.nodes[n].get("roles", []), "acts": network.nodes[n].get("acts", []),
         "counterparts": _counterparts(network, n),
         **seen.get(n, {"first_seen": "", "last_seen": ""})}
        for n in ranked(network, scores) if network.nodes[n].get("type") in types
    ][:top]


def report_tally(graph, names: dict[str, str]) -> _ReportTally:
    """An empty tally of what the report gathers from the facts of `graph` (`names`: the entities' by IRI)."""
    return _ReportTally(names, published_dates(graph))


class _ReportTally:
    """What the report gathers from the facts, read one at a time in text order: counts, who holds which
    role where (with how many sentences say so and the first), the first `REPORT_EVENTS` events, the
    count of each event type, and when each entity is first and last seen."""

    def __init__(self, names: dict[str, str], published: dict[str, str]):
        self.names, self.published = names, published
        self.roles = self.events = self.dated = 0
        self.held: dict[tuple, dict] = {}
        self.listed: list[dict] = []
        self.types: Counter[tuple[str, str]] = Counter()
        # The earliest and latest date of the facts each entity takes part in (an event's own date, else its
        # article's publication date), and the first and last source of those with no date at all.
        self.dated_span: dict[str, tuple[str, str]] = {}
        self.undated_span: dict[str, tuple[str, str]] = {}

    def add(self, fact: RoleRecord | EventRecord) -> None:
        if isinstance(fact, RoleRecord):
            self._role(fact)
            parties, date = (fact.person, fact.organization), ""
        else:
            self._event(fact)
            parties, date = (fact.actor, fact.target), fact.date
        date = date or self.published.get(fact.source, "")
        spans, value = (self.dated_span, date) if date else (self.undated_span, fact.source)
        for party in parties:
            if party:
                first, last = spans.get(party, (value, value))
                spans[party] = (min(first, value), max(last, value))

    def _role(self, fact: RoleRecord) -> None:
        self.roles += 1
        key = (self.names.get(fact.person, fact.person), fact.role, self.names.get(fact.organization, ""), fact.former)
        entry = self.held.setdefault(key, {"person": key[0], "role": key[1], "organization": key[2], "former": key[3],
                                           "sentences": 0, "source": fact.source, "sentence": fact.sentence})
        entry["sentences"] += 1

    def _event(self, fact: EventRecord) -> None:
        self.events += 1
        self.dated += bool(fact.date)
        self.types[(fact.event_class, fact.event_type)] += 1
        if len(self.listed) < REPORT_EVENTS:
            self.listed.append(_event_row(fact, self.names))

    def seen(self) -> dict[str, dict]:
        """When each entity is first and last seen: by the dates of its facts, or, with no date at all, by
        the first and last article (in source order) that states one."""
        return {node: {"first_seen": first, "last_seen": last}
                for node, (first, last) in {**self.undated_span, **self.dated_span}.items()}


def _event_row(event: EventRecord, name: dict[str, str]) -> dict:
    """An event as the report lists it: its parties and place by name."""
    return {"source": event.source, "start": event.start, "end": event.end, "actor": name.get(event.actor, event.actor),
            "action": event.action, "target": name.get(event.target, event.target), "event_type": event.event_type,
            "event_class": event.event_class, "negated": event.negated, "modality": event.modality,
            "date": event.date, "place": name.get(event.place, ""), "sentence": event.sentence}


def _counterparts(network: nx.MultiDiGraph, node: str) -> list[dict]:
    """The entities `node` has the most sentences of relations with, either way, and what they are."""
    count: dict[str, int] = {}
    labels: dict[str, set[str]] = {}
    for source, target, data in (*network.out_edges(node, data=True), *network.in_edges(node, data=True)):
        other = target if source == node else source
        if other == node:
            continue
        count[other] = count.get(other, 0) + data.get("count", 1)
        labels.setdefault(other, set()).add(("not " if data.get("negated") else "") + data.get("label", ""))
    best = sorted(count, key=lambda other: (-count[other], network.nodes[other].get("name", other), other))
    return [{"name": network.nodes[other].get("name", other), "sentences": count[other],
             "relations": sorted(labels[other])} for other in best[:COUNTERPARTS]]


# CAMEO's classes in the order the report lists events by type: conflict first; untyped events last.
TYPE_ORDER = ("material conflict", "verbal conflict", "material cooperation", "verbal cooperation")


def _type_counts(types: Counter[tuple[str, str]]) -> list[dict]:
    """The count of each (CAMEO class, type) of event, conflict first, the most frequent first within a
    class, untyped last.

    >>> _type_counts(Counter({("verbal cooperation", "Consult"): 2, ("", ""): 1, ("material conflict", "Assault"): 1}))[0]
    {'event_class': 'material conflict', 'event_type': 'Assault', 'count': 1}
    """
    order = {c: i for i, c in enumerate(TYPE_ORDER)}
    keys = sorted(types, key=lambda k: (order.get(k[0], len(order)), -types[k], k))
    return [{"event_class": c or "no CAMEO class", "event_type": t or "untyped", "count": types[(c, t)]} for c, t in keys]


def _by_type(event_types: list[dict], events: list[dict]) -> list[dict]:
    """The groups of `event_types` (class, type and count of all the events), in order, each with those of
    `events` (the events listed, in text order) that are of its type."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for event in events:
        groups.setdefault((event["event_class"] or "no CAMEO class", event["event_type"] or "untyped"), []).append(event)
    return [{**group, "events": groups.get((group["event_class"], group["event_type"]), [])} for group in event_types]


def _pair(pair: dict) -> dict:
    first = pair["evidence"][0] if pair["evidence"] else {"sentence": "", "source": ""}
    return {"actor": pair["actor"], "target": pair["target"], "counts": pair["counts"], "actions": pair["actions"],
            "sentence": first["sentence"], "source": first["source"]}


def report_markdown(data: dict) -> str:
    """The report as Markdown. Article text is escaped, so a sentence is shown, never rendered as markup."""
    summary = data["summary"]
    communities_md = [f"{i}. " + _cell(", ".join(c)) for i, c in enumerate(data["communities"], start=1)]
    lines = [
        "# Knowledge graph report", "",
        f"{summary['documents']} document{'' if summary['documents'] == 1 else 's'}, {summary['entities']} entities, {summary['relations']} relations between "
        f"them, {summary['roles']} role facts, {summary['events']} events; {summary['communities']} communities, "
        f"{summary['components']} connected components.", "",
        f"![The entity network: the most important entities and the relations among them]({data['picture']})",
        "",
        "## Key people", "",
        _cell(data["importance"]["description"]), "",
        *_table(["name", "importance", "mentions", "articles", "degree", "pagerank", "betweenness"], data["key_people"]), "",
        *_profiles(data["key_people"][:PROFILES]),
        "## Key organizations and countries", "",
        *_table(["name", "type", "importance", "mentions", "articles", "degree", "pagerank", "betweenness"],
                data["key_organizations"]), "",
        *_profiles(data["key_organizations"][:PROFILES]),
        "## Who holds which role where", "",
        *_table(["person", "role", "organization", "former", "sentences", "source"], data["roles"]), "",
        *_timeline(_dated(data["events"]), data["dated_events"], _listed(data)),
        "## Events by type", "",
        "CAMEO classes, conflict first; within a type, in text order. Negated and hypothetical events are listed "
        "as the text states them; they never count as acts below.", "",
        *_events_by_type(_by_type(data["event_types"], data["events"]), MARKDOWN_EVENTS, _listed(data)),
        "## Most hostile pairs", "",
        "Asserted conflict events from actor to target (CAMEO quad classes).", "",
        *_table(["actor", "target", "material conflict", "verbal conflict", "actions", "sentence"],
                _pair_rows(data["hostile_pairs"])), "",
        "## Most cooperative pairs", "",
        "Asserted cooperation between two parties: public statements (CAMEO 01, \"said\", \"told\") and what is "
        "said to a news organization (an interview) do not count.", "",
        *_table(["actor", "target", "material cooperation", "verbal cooperation", "actions", "sentence"],
                _pair_rows(data["cooperative_pairs"])), "",
        "## Communities", "",
        "Louvain communities of the entity network (seeded), most important member first.", "",
        *(communities_md or ["(none)"]), "",
        f"{data['unlinked_entities']} entities have no relation to another entity.", "",
    ]
    return "\n".join(lines)


def _profiles(entities: list[dict]) -> list[str]:
    """A short paragraph per entity: roles, top counterparts, first and last seen."""
    lines = []
    for entity in entities:
        parts = [f"**{_cell(entity['name'])}** ({_cell(entity['type'])}; {entity['mentions']} mention"
                 f"{'' if entity['mentions'] == 1 else 's'} in "
                 f"{entity['articles']} article{'' if entity['articles'] == 1 else 's'})."]
        if entity.get("aliases"):
            parts.append("Also: " + _cell("; ".join(entity["aliases"])) + ".")
        if entity.get("roles"):
            parts.append("Roles: " + _cell("; ".join(entity["roles"])) + ".")
        if entity.get("acts"):
            parts.append("Other events: " + _cell("; ".join(entity["acts"][:ACTS])) +
                         (f" and {len(entity['acts']) - ACTS} more" if len(entity["acts"]) > ACTS else "") + ".")
        if entity.get("counterparts"):
            parts.append("Most related: " + "; ".join(
                f"{_cell(c['name'])} ({_cell(', '.join(c['relations']))}: {c['sentences']} sentence"
                f"{'' if c['sentences'] == 1 else 's'})" for c in entity["counterparts"]) + ".")
        if entity.get("first_seen"):
            same = entity["first_seen"] == entity["last_seen"]
            parts.append(f"Seen: {_cell(entity['first_seen'])}." if same else
                         f"First seen {_cell(entity['first_seen'])}, last seen {_cell(entity['last_seen'])}.")
        lines += ["- " + " ".join(part[:-1] if part.endswith("..") else part for part in parts)]  # "U.S.."
    return [*lines, ""] if lines else []


def _dated(events: list[dict]) -> list[dict]:
    """The events the text dates, earliest first (a day before its month: "2020-01" < "2020-01-08")."""
    return sorted((e for e in events if e.get("date")), key=lambda e: (e["date"], e["source"], e["start"]))


def _listed(data: dict) -> str:
    """Where the events left out of report.md are: all in report.json, or only the first in text order."""
    listed, total = len(data["events"]), data["summary"]["events"]
    return "report.json lists them all" if listed >= total else \
        f"report.json lists the first {listed} of them in text order"


def _timeline(events: list[dict], dated: int, listed: str) -> list[str]:
    """The timeline of the dated `events`, of `dated` in all (`listed`: where the rest are)."""
    if not events:
        return []
    shown = events[:TIMELINE_MARKDOWN]
    return ["## Timeline", "", "Events the text dates (sem:hasTimeStamp), earliest first.", "",
            *_table(["date", "actor", "action", "target", "place", "negated", "modality", "source", "sentence"], shown),
            *(["", f"The first {len(shown)} of {dated} dated events; {listed}."] if dated > len(shown) else []), ""]


def _events_by_type(groups: list[dict], limit: int, listed: str) -> list[str]:
    lines, shown_in_all, total = [], 0, sum(g["count"] for g in groups)
    for group in groups:
        lines += [f"### {_cell(group['event_type'])} ({_cell(group['event_class'])}): {group['count']}", ""]
        shown = group["events"][:max(limit - shown_in_all, 0)]
        shown_in_all += len(shown)
        columns = ["actor", "action", "target", "negated", "modality", "source", "sentence"]
        if any(e["date"] or e["place"] for e in group["events"]):
            columns[3:3] = ["date", "place"]
        lines += [*(_table(columns, shown) if shown else [f"({group['count']} events: see report.json)"]), ""]
    if total > shown_in_all:
        lines += [f"The first {shown_in_all} of {total} events; {listed}.", ""]
    return lines or ["(none)", ""]


def _pair_rows(pairs: list[dict]) -> list[dict]:
    """Pairs as table rows: one column per event class, the actions in one cell."""
    return [{**pair, **pair["counts"], "actions": ", ".join(pair["actions"])} for pair in pairs]


def _cell(value: object) -> str:
    """Text safe in a Markdown table cell: no line break, no column break, no markup."""
    text = " ".join(str(value).split())
    text = escape(text, quote=False).replace("\\", "\\\\")
    for char in "|*_`[]":
        text = text.replace(char, "\\" + char)
    return text


def _table(columns: list[str], rows: list[dict]) -> list[str]:
    if not rows:
        return ["(none)"]
    return [
        "| " + " | ".join(columns) + " |",
        "|" + "---|" * len(columns),
        *("| " + " | ".join(_cell(row.get(c, "")) for c in columns) + " |" for row in rows),
    ]


def render_picture(network: nx.MultiDiGraph, scores: dict | None = None, max_nodes: int = PICTURE_NODES) -> bytes:
    """A PNG of the network's `max_nodes` most important linked entities and the relations among them (see
    `picture_figure`).

    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("a", {"name": "A", "type": "Person"}), ("b", {"name": "B $x$", "type": "Country"})])
    >>> _ = g.add_edge("a", "b", kind="event", label="attack", event_class="material conflict", negated=False,
    ...                modality="asserted", count=1)
    >>> render_picture(g)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """
    return _png(picture_figure(network, scores, max_nodes))


# Where a name may go around its entity, in order of preference: below, above, right, left, the corners.
LABEL_SPOTS = ((0, -1, "center", "top"), (0, 1, "center", "bottom"), (1, 0, "left", "center"),
               (-1, 0, "right", "center"), (1, -1, "left", "top"), (-1, -1, "right", "top"),
               (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"))
LABEL_WIDTH = 22  # characters per line of a name: longer names wrap instead of running across the picture


def picture_figure(network: nx.MultiDiGraph, scores: dict | None = None, max_nodes: int = PICTURE_NODES) -> Figure:
    """The picture as a matplotlib Figure: colour and shape by type, size by PageRank, edges coloured by event
    class, arrows actor → target. Names and edge labels are placed so that none overlaps another, a marker
    or the legend, or leaves the frame: each name takes the first free spot around its entity (most important
    entities first), long names wrap, and a label with no free spot is left out (the page and report.json
    have every name)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    scores = scores if scores is not None else centrality(network)
    linked = [n for n in ranked(network, scores) if scores[n]["degree"] > 0]
    shown = network.subgraph(_linked_among(network, linked, max_nodes))
    figure = Figure(figsize=(12, 9), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 0.95))
    axes.set_axis_off()
    figure.suptitle(f"{shown.number_of_nodes()} of {network.number_of_nodes()} entities "
                    f"(the most important linked ones)", fontsize=12)
    if not shown.number_of_nodes():
        axes.text(0.5, 0.5, "No relations between entities", ha="center", va="center", fontsize=14)
        return figure
    # Fixed limits, so that a label's place on the canvas is known while the picture is drawn.
    axes.set_xlim(-1.25, 1.25)
    axes.set_ylim(-1.2, 1.15)
    top = max(scores[n]["pagerank"] for n in shown) or 1.0
    size = {n: 80 + 900 * scores[n]["pagerank"] / top for n in shown}
    position = _picture_layout(shown, size, figure.dpi)
    renderer = figure.canvas.get_renderer()
    taken = [_legend(axes, shown).get_window_extent(renderer)]
    for node in shown:  # markers are obstacles too: a square of the marker's size around its centre
        x, y = axes.transData.transform(position[node])
        half = math.sqrt(size[node]) / 2 * figure.dpi / 72
        taken.append(_box(x - half, y - half, x + half, y + half))
    placing = _Placing(axes, renderer, axes.get_window_extent(renderer), taken)
    _draw_markers(axes, shown, position, size)
    _draw_names(placing, shown, position, size, {node: index for index, node in enumerate(linked)})
    _draw_edges(placing, shown, position, size)
    return figure


def _picture_layout(shown: nx.MultiDiGraph, size: dict[str, float], dpi: float) -> dict:
    """Where each entity goes: a seeded ForceAtlas2 layout scaled to the frame, markers pushed apart."""
    layout_graph = nx.Graph()
    layout_graph.add_nodes_from(sorted(shown.nodes))
    layout_graph.add_edges_from(sorted((u, v) for u, v in shown.edges() if u != v))
    # ForceAtlas2's gravity keeps small components near the big one instead of at the picture's edges.
    position = nx.forceatlas2_layout(layout_graph, seed=7, max_iter=300, gravity=2.0, scaling_ratio=4.0,
                                     strong_gravity=True, node_size={n: 1.0 for n in layout_graph})
    position = nx.rescale_layout_dict(position)
    # A marker's radius in data units (the axes' smaller scale: 855 px for 2.35 units), and some room.
    units = dpi * 9 * 0.95 / 2.35
    return _spread(position, {n: (math.sqrt(size[n]) / 2 * dpi / 72 + 8) / units for n in shown})


def _legend(axes, shown: nx.MultiDiGraph):
    """The legend of the entity types and edge categories the picture shows."""
    from matplotlib.lines import Line2D

    types = sorted({shown.nodes[n].get("type", "") for n in shown})
    categories = [edge_category(data) for _, _, data in shown.edges(data=True)]
    handles = [Line2D([], [], linestyle="", marker=MARKERS[TYPE_STYLES.get(t, OTHER_TYPE_STYLE)["shape"]],
                      color=TYPE_STYLES.get(t, OTHER_TYPE_STYLE)["color"], markersize=9, label=t) for t in types]
    handles += [Line2D([], [], color=EDGE_STYLES[c]["color"], linestyle="--" if EDGE_STYLES[c]["dashes"] else "-",
                       label=EDGE_STYLES[c]["label"]) for c in EDGE_STYLES if c in categories]
    return axes.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)


@dataclass(frozen=True)
class _Placing:
    """What a label is placed among: the axes, their renderer and frame, and the boxes already taken."""

    axes: object
    renderer: object
    frame: object
    taken: list

    def fits(self, label) -> bool:
        return _fits(label, self.renderer, self.frame, self.taken)


def _draw_markers(axes, shown: nx.MultiDiGraph, position: dict, size: dict[str, float]) -> None:
    for entity_type in sorted({shown.nodes[n].get("type", "") for n in shown}):
        style = TYPE_STYLES.get(entity_type, OTHER_TYPE_STYLE)
        members = [n for n in sorted(shown) if shown.nodes[n].get("type", "") == entity_type]
        axes.scatter([position[n][0] for n in members], [position[n][1] for n in members],
                     s=[size[n] for n in members], c=style["color"], marker=MARKERS[style["shape"]],
                     edgecolors="white", linewidths=0.8, zorder=2)


def _draw_names(placing: _Placing, shown: nx.MultiDiGraph, position: dict, size: dict[str, float],
                order: dict[str, int]) -> None:
    """Each entity's name at the first free spot around it, the most important entities first."""
    axes, dpi = placing.axes, placing.axes.figure.dpi
    for node in sorted(shown, key=order.get):
        name = "\n".join(textwrap.wrap(shown.nodes[node].get("name", node), LABEL_WIDTH)) or node
        gap = (math.sqrt(size[node]) / 2 + 3) * dpi / 72
        x, y = axes.transData.transform(position[node])
        for dx, dy, ha, va in LABEL_SPOTS:
            label = axes.text(0, 0, _plain(name), ha=ha, va=va, fontsize=8, zorder=3, linespacing=1.0,
                              transform=None)
            label.set_position((x + dx * gap, y + dy * gap))
            if placing.fits(label):
                break
            label.remove()


def _draw_edges(placing: _Placing, shown: nx.MultiDiGraph, position: dict, size: dict[str, float]) -> None:
    """Each relation as a curved arrow (parallel ones bent further), labelled where the label fits."""
    from matplotlib.patches import FancyArrowPatch

    axes = placing.axes
    parallel: dict[tuple[str, str], int] = {}
    for source, target, data in sorted(shown.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("label", ""))):
        category = edge_category(data)
        nth = parallel[(source, target)] = parallel.get((source, target), -1) + 1
        bend = 0.08 + 0.12 * nth
        color = EDGE_STYLES[category]["color"]
        axes.add_patch(FancyArrowPatch(
            position[source], position[target], arrowstyle="-|>", mutation_scale=12,
            connectionstyle=f"arc3,rad={bend}", color=color,
            linestyle="--" if EDGE_STYLES[category]["dashes"] else "-", linewidth=1.2, zorder=1,
            shrinkA=math.sqrt(size[source]) / 2 + 2, shrinkB=math.sqrt(size[target]) / 2 + 2))
        if shown.number_of_edges() <= EDGE_LABELS_MAX:
            # The middle of an arc3 curve: half way from the chord's middle to its control point.
            (x1, y1), (x2, y2) = position[source], position[target]
            label = axes.text((x1 + x2) / 2 + bend * (y2 - y1) / 2, (y1 + y2) / 2 - bend * (x2 - x1) / 2,
                              _plain(edge_label(data)), fontsize=6.5, color=color, ha="center", va="center", zorder=3,
                              bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.7})
            if not placing.fits(label):
                label.remove()


def _linked_among(network: nx.MultiDiGraph, candidates: list[str], count: int) -> list[str]:
    """Up to `count` of `candidates` (most important first), each with a relation to another one chosen:
    the first `count`, then, while some of them have no relation among the chosen, those are replaced by
    the next candidates that have one.

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "x"), ("d", "b")])
    >>> _linked_among(g, ["a", "b", "c", "d", "x"], 3)
    ['a', 'b', 'd']
    """
    def neighbours(node: str) -> set[str]:
        return (set(network.successors(node)) | set(network.predecessors(node))) - {node}

    chosen = list(candidates[:count])
    rest = list(candidates[count:])
    while True:
        members = set(chosen)
        alone = [n for n in chosen if not neighbours(n) & members]
        if not alone or not rest:
            return [n for n in chosen if n not in alone] if alone else chosen
        chosen = [n for n in chosen if n not in alone]
        members = set(chosen)
        added = [n for n in rest if neighbours(n) & members][:count - len(chosen)]
        if not added:
            return chosen
        rest = [n for n in rest if n not in added]
        chosen = [n for n in candidates if n in members or n in added]


def _spread(position: dict, radius: dict, rounds: int = 60) -> dict:
    """The layout with overlapping markers pushed apart (each pair by half its overlap per round), kept in
    the square [-1, 1]; deterministic, in node order.

    >>> moved = _spread({"a": (0.0, 0.0), "b": (0.01, 0.0)}, {"a": 0.1, "b": 0.1})
    >>> round(moved["b"][0] - moved["a"][0], 2)
    0.2
    """
    import numpy as np

    nodes = sorted(position)
    points = np.array([position[n] for n in nodes], dtype=float)
    radii = np.array([radius[n] for n in nodes])
    for _ in range(rounds):
        moved = False
        for i in range(len(nodes)):
            for j in range(i + 1, len(nodes)):
                gap = points[j] - points[i]
                distance = float(np.hypot(*gap))
                overlap = radii[i] + radii[j] - distance
                if overlap > 1e-9:
                    direction = gap / distance if distance > 1e-12 else np.array([1.0, 0.0])
                    points[i] -= direction * overlap / 2
                    points[j] += direction * overlap / 2
                    moved = True
        np.clip(points, -1.0, 1.0, out=points)
        if not moved:
            break
    return {n: (float(points[k][0]), float(points[k][1])) for k, n in enumerate(nodes)}


def _box(x0: float, y0: float, x1: float, y1: float):
    from matplotlib.transforms import Bbox

    return Bbox([[x0, y0], [x1, y1]])


def _fits(label, renderer, frame, taken: list) -> bool:
    """Whether a text lies inside the frame and clear of everything placed so far (then it is placed)."""
    box = label.get_window_extent(renderer).padded(1)
    inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
    if inside and not any(box.overlaps(other) for other in taken):
        taken.append(box)
        return True
    return False


def _plain(text: str) -> str:
    """Text matplotlib draws as is: a "$" would otherwise start mathtext."""
    return text.replace("$", r"\$")


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def write_reports(data: dict, markdown_path: str | Path, json_path: str | Path, picture: bytes | None = None) -> None:
    """Write the Markdown and JSON reports, and the picture (PNG bytes, if given) beside the Markdown under the
    name the Markdown refers to. Each file is written atomically."""
    if picture is not None:
        with atomic_path(Path(markdown_path).parent / data["picture"]) as tmp:
            tmp.write_bytes(picture)
    write_text(markdown_path, report_markdown(data))
    write_text(json_path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@dataclass(frozen=True)
class Rendered:
    """What `render_outputs` wrote, and the report's summary (entities, relations, communities, ...)."""

    files: tuple[Path, ...]
    summary: dict


def render_outputs(graph: Graph | CorpusStore, out: Path, *, report_only: bool = False) -> Rendered:
    """Write into `out` what a build writes of a graph: graph.ttl, graph.html, report.md, report.json and
    the picture; with `report_only`, as `kg analyze` does, the report and the picture alone."""
    # The facts are read once, for the network and the report together.
    tallies: list[_ReportTally] = []

    def listener(names: dict[str, str]):
        tallies.append(report_tally(graph, names))
        return tallies[0].add

    network = entity_graph(graph, listener)
    data = report_data(graph, network, tally=tallies[0])
    reports = (out / "report.md", out / "report.json", out / PICTURE)
    write_reports(data, *reports[:2], render_picture(network))
    if report_only:
        return Rendered(reports, data["summary"])
    paths = (out / "graph.ttl", out / "graph.html", *reports)
    write_graph(graph, paths[0])
    write_text(paths[1], render_html(network))
    return Rendered(paths, data["summary"])
