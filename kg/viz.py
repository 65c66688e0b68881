"""Viz: the entity network as an interactive, self-contained HTML page (pyvis and vis-network).

pyvis builds the node and edge records; the page itself comes from kg's own template (`kg/assets/`), not
pyvis's, which links Bootstrap and tom-select from CDNs and renders labels as HTML in its select menu.
The page inlines vis-network (the copy pyvis ships) and loads nothing from the network, so it opens
offline from `file://`; a Content-Security-Policy allows only the page's own scripts (by hash) and no
connection at all. Article text reaches the page only as JSON data, escaped by Jinja's `tojson` (so a
`</script>` inside a sentence cannot end the data block), and is shown through vis-network's tooltips,
which set plain strings as text, and the side panel, which sets `textContent`: never as HTML.

For large graphs the page hides the entities without a relation (by default when they are most of it),
keeps only the most important ones by a slider, draws names only once they are legible and an edge's
label only where it fits along the edge.
"""

from __future__ import annotations

import base64
import hashlib
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from kg.analyze import centrality, ego_network, find_entity, ranked
from kg.files import write_text

DEFAULT_MAX_NODES = 500

# Colour and shape by entity type; anything else is grey.
TYPE_STYLES = {
    "Person": {"color": "#4C78A8", "shape": "dot", "symbol": "●"},
    "Organization": {"color": "#F58518", "shape": "square", "symbol": "■"},
    "Country": {"color": "#54A24B", "shape": "triangle", "symbol": "▲"},
    "Place": {"color": "#B279A2", "shape": "diamond", "symbol": "◆"},
}
OTHER_TYPE_STYLE = {"color": "#999999", "shape": "star", "symbol": "★"}

# Edge colour by what the edge is: cooperation in blues and greens, conflict in oranges and reds; events the
# text negates or only supposes are grey and dashed, whatever their class.
EDGE_STYLES = {
    "role": {"color": "#7F7F7F", "dashes": False, "label": "role (person → organization)"},
    "verbal cooperation": {"color": "#3A8FD9", "dashes": False, "label": "verbal cooperation"},
    "material cooperation": {"color": "#1B7F3B", "dashes": False, "label": "material cooperation"},
    "verbal conflict": {"color": "#F28E2B", "dashes": False, "label": "verbal conflict"},
    "material conflict": {"color": "#C62828", "dashes": False, "label": "material conflict"},
    # Brown, not another grey: the role grey and this were told apart by shade alone.
    "other event": {"color": "#8C564B", "dashes": False, "label": "other event (no CAMEO class)"},
    "not asserted": {"color": "#C7C7C7", "dashes": True, "label": "negated or hypothetical event"},
}

# The page hides the entities without a relation by default when they are more than this share of it.
UNLINKED_HIDDEN_SHARE = 0.5
# Above this many entities the page offers a slider that keeps only the most important ones.
THRESHOLD_MIN_NODES = 100
# Documents listed per entity and per relation in the side panel.
PANEL_DOCUMENTS = 20

# Evidence sentences shown in one edge's tooltip; the Turtle has them all.
TOOLTIP_SENTENCES = 5

VIS_NETWORK = "templates/lib/vis-9.1.2"
ASSETS = Path(__file__).parent / "assets"


@dataclass(frozen=True)
class PageContent:
    """What the page shows: the pyvis network, and what was left out to keep it usable."""

    net: Network
    shown_nodes: int
    total_nodes: int
    left_out_nodes: tuple[str, ...]  # names, most important first
    left_out_edges: int
    focus: str | None


def edge_category(edge: dict) -> str:
    """The legend entry of an edge.

    >>> edge_category({"kind": "event", "event_class": "material conflict", "negated": False, "modality": "asserted"})
    'material conflict'
    >>> edge_category({"kind": "event", "event_class": "material conflict", "negated": True, "modality": "asserted"})
    'not asserted'
    """
    if edge.get("kind") == "role":
        return "role"
    if edge.get("negated") or edge.get("modality", "asserted") != "asserted":
        return "not asserted"
    return edge.get("event_class") or "other event"


def _node_tooltip(data: dict, score: dict) -> str:
    lines = [f"{data.get('name', '')} ({data.get('type', '')})"]
    if data.get("aliases"):
        lines.append("also: " + "; ".join(data["aliases"]))
    lines += [f"role: {role}" for role in data.get("roles", ())]
    lines.append(f"mentions: {data.get('mentions', 0)} · links: {score['degree']} · PageRank: {score['pagerank']:.3f}"
                 f" · importance: {score.get('importance', 0.0):.2f}")
    return "\n".join(lines)


def edge_label(edge: dict) -> str:
    """The label of an edge: its role or action, "not" when negated, "?" when hypothetical, and its count.

    >>> edge_label({"label": "attack", "negated": True, "modality": "hypothetical", "count": 2})
    'not attack? ×2'
    """
    label = ("not " if edge.get("negated") else "") + edge.get("label", "")
    if edge.get("modality", "asserted") != "asserted":
        label += "?"
    return label + (f" ×{edge['count']}" if edge.get("count", 1) > 1 else "")


def _edge_tooltip(edge: dict, source_name: str, target_name: str) -> str:
    kind = edge.get("event_type") or edge.get("event_class") or edge.get("kind", "")
    lines = [f"{source_name} → {edge_label(edge)} → {target_name}  [{kind}; {edge_category(edge)}]"]
    evidence = edge.get("evidence", ())
    stated = edge.get("count", len(evidence))  # the evidence is the first sentences; the count is of them all
    for item in evidence[:TOOLTIP_SENTENCES]:
        when = "".join(f", {item[key]}" for key in ("date", "place") if item.get(key))
        lines += ["", f"“{item['sentence']}”", f"— {item['source']}, characters {item['start']}–{item['end']}{when}"]
    if stated > TOOLTIP_SENTENCES:
        lines += ["", f"… and {stated - TOOLTIP_SENTENCES} more sentences"]
    return "\n".join(lines)


def page_content(network: nx.MultiDiGraph, focus: str | None = None, depth: int = 1,
                 max_nodes: int = DEFAULT_MAX_NODES, scores: dict | None = None) -> PageContent:
    """The nodes and edges the page shows: the ego network of `focus` (a name or alias) within `depth` hops
    if given, then at most `max_nodes` entities, the most important (`kg.analyze.importance`)."""
    scores = scores if scores is not None else centrality(network)
    focus_node = find_entity(network, focus) if focus else None
    view = ego_network(network, focus_node, depth) if focus_node else network
    order = ranked(view, scores)
    kept = set(order[:max_nodes])
    shown = view.subgraph(kept)
    top = max((scores[n]["pagerank"] for n in kept), default=1.0) or 1.0

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    rank = {node: index for index, node in enumerate(node for node in order if node in kept)}
    linked = {node for edge in shown.edges() for node in edge}
    for node in sorted(kept):
        data = shown.nodes[node]
        style = TYPE_STYLES.get(data.get("type"), OTHER_TYPE_STYLE)
        net.add_node(node, label=data.get("name", node), title=_node_tooltip(data, scores[node]),
                     color=style["color"], shape=style["shape"],
                     size=round(10 + 30 * math.sqrt(scores[node]["pagerank"] / top), 2),
                     borderWidth=4 if node == focus_node else 1,
                     kgType=data.get("type", ""), aliases=list(data.get("aliases", ())),
                     roles=list(data.get("roles", ())), acts=list(data.get("acts", ())), mentions=data.get("mentions", 0),
                     articles=data.get("articles", 0), rank=rank[node], linked=node in linked,
                     importance=round(scores[node].get("importance", 0.0), 4))
    parallel: Counter = Counter()
    for index, (source, target, data) in enumerate(sorted(shown.edges(data=True), key=_edge_order)):
        category = edge_category(data)
        style = EDGE_STYLES[category]
        nth = parallel[(source, target)]
        parallel[(source, target)] += 1
        evidence = data.get("evidence", ())
        net.add_edge(source, target, id=f"e{index}", label=edge_label(data), fullLabel=edge_label(data),
                     title=_edge_tooltip(data, shown.nodes[source].get("name", source),
                                         shown.nodes[target].get("name", target)),
                     color={"color": style["color"], "highlight": style["color"], "hover": style["color"]},
                     dashes=style["dashes"], width=round(1 + math.log2(data.get("count", 1)), 2),
                     smooth={"enabled": True, "type": "curvedCW", "roundness": round(0.1 + 0.2 * nth, 2)},
                     arrows="to", kgClass=category, kgKind=data.get("event_type") or data.get("kind", ""),
                     count=data.get("count", 1),
                     # Of the sentences the edge keeps (kg.analyze.EDGE_EVIDENCE), the first in text order.
                     dates=sorted({e["date"] for e in evidence if e.get("date")}),
                     places=sorted({e["place"] for e in evidence if e.get("place")}),
                     sources=sorted({e["source"] for e in evidence})[:PANEL_DOCUMENTS])
    left_out = [view.nodes[n].get("name", n) for n in order[max_nodes:]]
    left_out_edges = view.number_of_edges() - shown.number_of_edges()
    return PageContent(net, len(kept), view.number_of_nodes(), tuple(left_out), left_out_edges,
                       network.nodes[focus_node].get("name") if focus_node else None)


def _edge_order(edge: tuple) -> tuple:
    source, target, data = edge
    return source, target, data.get("kind", ""), data.get("label", ""), bool(data.get("negated")), data.get("modality", "")


def vis_options(nodes: int) -> dict:
    """vis-network options: physics that settles (stabilisation, then frozen by the page), a fixed seed so the
    layout is the same on every load, tooltips and hover highlighting."""
    return {
        "layout": {"randomSeed": 7, "improvedLayout": nodes <= 150},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.4},
            # Fewer rounds for more nodes: 3,000 linked entities settle in about 15 s in headless Chromium.
            "stabilization": {"enabled": True, "iterations": 600 if nodes <= 200 else 300 if nodes <= 1000 else 150,
                              "updateInterval": 50},
            "minVelocity": 0.75,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "keyboard": False,
                        "multiselect": False, "hideEdgesOnDrag": nodes > 1000},
        # A label smaller than drawThreshold pixels on screen is not drawn: names appear as one zooms in.
        "nodes": {"font": {"size": 14, "face": "sans-serif", "color": LABEL_COLOR}, "borderWidthSelected": 4,
                  "scaling": {"label": {"drawThreshold": 6}}},
        # Edge labels need more room: they show from 10 px, and the page leaves out those longer than their edge.
        "edges": {"font": {"size": 12, "align": "middle", "face": "sans-serif", "color": LABEL_COLOR,
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "selectionWidth": 2, "scaling": {"label": {"drawThreshold": 10}},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}},
    }


LABEL_COLOR = "#222222"


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(ASSETS), autoescape=select_autoescape(default=True),
                       keep_trailing_newline=True)


@cache
def _inline_scripts() -> tuple[str, str, str]:
    """vis-network's script and stylesheet (as pyvis ships them) and the page's own script."""
    vis = resources.files("pyvis").joinpath(VIS_NETWORK)
    scripts = (vis.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
               vis.joinpath("vis-network.css").read_text(encoding="utf-8"),
               (ASSETS / "graph.js").read_text(encoding="utf-8"))
    for text in scripts:
        # Inside <script> and <style>, these would end the element or change how the browser parses it.
        if "</script" in text.lower() or "</style" in text.lower() or "<!--" in text:
            raise RuntimeError("an inlined asset contains markup that would break its element")
    return scripts


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(network: nx.MultiDiGraph, title: str = "Knowledge graph", *, focus: str | None = None,
                depth: int = 1, max_nodes: int = DEFAULT_MAX_NODES, scores: dict | None = None) -> str:
    """The page for an entity network, as an HTML string (see `page_content` for focus and max_nodes).

    >>> import re
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("x", name="<b>X</b>", type="Person", aliases=[], mentions=1, roles=[])
    >>> html = render_html(g)
    >>> "<b>X</b>" in html, "\\\\u003cb\\\\u003eX" in html, bool(re.search(r"(src|href)=.?https?:", html))
    (False, True, False)
    """
    content = page_content(network, focus, depth, max_nodes, scores)
    vis_js, vis_css, page_js = _inline_scripts()
    nodes, edges = content.net.nodes, content.net.edges
    types_present = sorted({n["kgType"] for n in nodes})
    categories_present = [c for c in EDGE_STYLES if any(e["kgClass"] == c for e in edges)]
    unlinked = sum(not n["linked"] for n in nodes)
    page = {"hideUnlinked": bool(nodes) and unlinked > UNLINKED_HIDDEN_SHARE * len(nodes),
            "threshold": len(nodes) > THRESHOLD_MIN_NODES}
    return _environment().get_template("graph.html.jinja").render(
        title=title, page=page, unlinked=unlinked,
        data={"nodes": nodes, "edges": edges, "options": vis_options(len(nodes)), "page": page},
        vis_js=Markup(vis_js), vis_css=Markup(vis_css), page_js=Markup(page_js),
        script_hashes=Markup(" ".join(_csp_hash(s) for s in (vis_js, page_js))),  # base64: nothing to escape
        types=[(t, TYPE_STYLES.get(t, OTHER_TYPE_STYLE)) for t in types_present],
        categories=[(c, EDGE_STYLES[c]) for c in categories_present],
        content=content, edge_count=len(edges),
    )


def write_html(network: nx.MultiDiGraph, path: str | Path, title: str = "Knowledge graph", **options) -> None:
    """Write the page for `network` to `path` atomically; `options` as for `render_html`."""
    write_text(path, render_html(network, title, **options))
