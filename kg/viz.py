"""Viz: the entity network as an interactive, self-contained HTML page (pyvis and vis-network).

The page inlines vis-network and loads nothing from the network, so it opens offline from `file://`.
Tooltips are plain strings, which vis-network shows as text: article text is never parsed as HTML.
"""

from __future__ import annotations

import re
from html import escape as html_escape
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.analyze import centrality
from kg.files import write_text

TYPE_STYLES = {
    "Person": {"color": "#4C78A8", "shape": "dot"},
    "Organization": {"color": "#F58518", "shape": "square"},
    "Country": {"color": "#54A24B", "shape": "triangle"},
    "Place": {"color": "#B279A2", "shape": "diamond"},
}
EVENT_CLASS_COLORS = {
    "verbal cooperation": "#72B7B2",
    "material cooperation": "#2E7D32",
    "verbal conflict": "#E45756",
    "material conflict": "#9D0208",
    "": "#888888",
}
ROLE_COLOR = "#BBBBBB"

# pyvis 0.3.2 links Bootstrap from a CDN even when told to inline its resources; the page uses none of it.
_REMOTE_RESOURCE = re.compile(r"<(link|script)\b[^>]*\b(?:href|src)\s*=\s*\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.I)


def render_html(network: nx.MultiDiGraph, title: str = "Knowledge graph") -> str:
    """The page for an entity network, as an HTML string."""
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line", heading="")
    scores = centrality(network)
    for node, data in sorted(network.nodes(data=True)):
        style = TYPE_STYLES.get(data["type"], {"color": "#999999", "shape": "dot"})
        tooltip = "\n".join([f"{data['name']} ({data['type']})", *(f"also: {a}" for a in data["aliases"])])
        net.add_node(node, label=data["name"], title=tooltip, color=style["color"], shape=style["shape"],
                     size=10 + 40 * scores[node]["pagerank"] ** 0.5)
    for source, target, data in network.edges(data=True):
        color = ROLE_COLOR if data["kind"] == "role" else EVENT_CLASS_COLORS.get(data["event_class"], "#888888")
        label = ("not " if data["negated"] else "") + data["label"]
        tooltip = "\n\n".join(f"{sentence}\n— {source_file}" for source_file, sentence in data["evidence"])
        net.add_edge(source, target, label=label, title=tooltip, color=color, arrows="to",
                     dashes=data["kind"] == "role" or data["negated"])
    net.toggle_physics(True)
    html = net.generate_html(notebook=False)
    html = _REMOTE_RESOURCE.sub("", html)
    return html.replace("<head>", f"<head>\n<title>{html_escape(title)}</title>", 1)


def write_html(network: nx.MultiDiGraph, path: str | Path, title: str = "Knowledge graph") -> None:
    write_text(path, render_html(network, title))
