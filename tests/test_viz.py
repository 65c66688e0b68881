"""The page as HTML (issue 5): self-contained, article text escaped, legend, colours, --focus and --max-nodes.
What it does in a browser is checked in test_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import networkx as nx
import pytest
from rdflib import Graph

from conftest import run_kg
from kg.analyze import centrality, entity_graph, ranked
from kg.viz import EDGE_STYLES, render_html
from test_analyze import SAMPLE_TTL

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)


def page_data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def star(size: int) -> nx.MultiDiGraph:
    """A hub with `size` - 1 spokes, each spoke linked to the next: PageRank falls along the spokes."""
    network = nx.MultiDiGraph()
    for i in range(size):
        network.add_node(f"n{i:04d}", name=f"Entity {i}", type="Person" if i % 2 else "Organization",
                         aliases=[], mentions=1, roles=[])
    edge = dict(kind="event", label="meet", event_type="", event_class="verbal cooperation", negated=False,
                modality="asserted", evidence=[])
    for i in range(1, size):
        network.add_edge(f"n{i:04d}", "n0000", key="event:meet", count=1, **edge)
        if i + 1 < size:
            network.add_edge(f"n{i:04d}", f"n{i + 1:04d}", key="event:meet", count=1, **edge)
    return network


@pytest.fixture(scope="module")
def sample_html() -> str:
    return render_html(entity_graph(Graph().parse(data=SAMPLE_TTL, format="turtle")), "Sample <i>graph</i>")


def test_page_loads_nothing_from_outside_and_allows_only_its_own_scripts(sample_html):
    markup = SCRIPT.sub("", sample_html)
    assert not re.search(r"<link\b", markup, re.I)
    assert not re.search(r"\b(src|href|action)\s*=", markup, re.I)  # no attribute that could fetch anything
    assert not re.search(r"@import|url\((?!\"?data:)", sample_html)
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', sample_html).group(1)
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy and "unsafe-inline'; img" in policy
    script_policy = re.search(r"script-src ([^;]*);", policy).group(1)
    assert "unsafe" not in script_policy
    executable = [body for attributes, body in SCRIPT.findall(sample_html) if "application/json" not in attributes]
    assert len(executable) == 2 and "vis-network" in executable[0] and "var network;" in executable[1]
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'" for b in executable}
    assert hashes == set(script_policy.split())


def test_article_text_is_data_never_markup(sample_html):
    # The sentence with markup is in the page only inside the JSON block, with < and > escaped.
    assert "onmouseover=x" in sample_html and "<b onmouseover" not in sample_html
    assert "<title>Sample &lt;i&gt;graph&lt;/i&gt;</title>" in sample_html
    network = nx.MultiDiGraph()
    breakout = 'Iran said </script><script>window.bad = 1</script><!-- "quoted" & \u2028 done'
    network.add_node("a", name="</script><script>alert(1)</script>", type="Person", aliases=[breakout], mentions=1, roles=[])
    network.add_node("b", name="B", type="Country", aliases=[], mentions=1, roles=[])
    network.add_edge("a", "b", kind="event", label="say", event_type="", event_class="", negated=False,
                     modality="asserted", count=1, evidence=[{"source": "x.txt", "sentence": breakout, "start": 0, "end": 9}])
    html = render_html(network)
    assert len(SCRIPT.findall(html)) == 3  # the data block, vis-network and the page's script: nothing injected
    data = page_data(html)
    assert data["nodes"][0]["label"] == "</script><script>alert(1)</script>"
    assert data["nodes"][0]["aliases"] == [breakout] and breakout in data["edges"][0]["title"]


def test_legend_colours_shapes_sizes_and_edge_styles(sample_html):
    data = page_data(sample_html)
    nodes = {n["label"]: n for n in data["nodes"]}
    assert nodes["Javad Zarif"]["shape"] == "dot" and nodes["Iran"]["shape"] == "triangle"
    assert nodes["United Nations"]["shape"] == "square"
    assert nodes["Iran"]["size"] > nodes["Ali Khamenei"]["size"]  # by PageRank
    assert "also: Iranian" in nodes["Iran"]["title"] and "role: Foreign Minister, Iran" in nodes["Javad Zarif"]["title"]
    edges = {(e["label"], e["kgClass"]): e for e in data["edges"]}
    conflict = edges[("attack ×2", "material conflict")]
    cooperation = edges[("meet", "verbal cooperation")]
    assert conflict["color"]["color"] != cooperation["color"]["color"]
    assert conflict["arrows"] == "to" and conflict["from"].endswith("/iran") and conflict["to"].endswith("/israel")
    assert edges[("not attack", "not asserted")]["dashes"] is True and edges[("attack?", "not asserted")]["dashes"]
    assert edges[("Foreign Minister", "role")]["color"]["color"] == EDGE_STYLES["role"]["color"]
    assert "a.txt, characters 100–120" in conflict["title"]
    assert conflict["title"].index("<b onmouseover=x>first</b>") < conflict["title"].index("Israel again")
    legend = re.findall(r'data-filter="edge" value="([^"]+)"', sample_html)
    assert legend == ["role", "verbal cooperation", "verbal conflict", "material conflict", "not asserted"]
    assert re.findall(r'data-filter="type" value="([^"]+)"', sample_html) == ["Country", "Organization", "Person"]


def test_max_nodes_keeps_the_most_important_and_says_what_was_left_out():
    network = star(620)
    html = render_html(network)
    data = page_data(html)
    top = ranked(network, centrality(network))[:500]
    assert sorted(n["id"] for n in data["nodes"]) == sorted(top)
    kept = set(top)
    assert len(data["edges"]) == sum(u in kept and v in kept for u, v in network.edges())
    note = re.search(r'<p class="note" id="left-out">(.*?)</p>', html, re.S).group(1)
    assert "Showing the 500 most important entities of 620" in note
    assert "left out: 120 entities" in note and "the Turtle keeps them all" in note
    assert "left-out" not in render_html(star(30))


def test_focus_and_depth_keep_the_ego_network(sample_html):
    network = entity_graph(Graph().parse(data=SAMPLE_TTL, format="turtle"))
    one = {n["label"] for n in page_data(render_html(network, focus="U.N.", depth=1))["nodes"]}
    two = {n["label"] for n in page_data(render_html(network, focus="United Nations", depth=2))["nodes"]}
    assert one == {"United Nations", "Iran"}
    assert two == {"United Nations", "Iran", "Israel", "Javad Zarif"}


def test_same_network_gives_the_same_page(sample_html):
    network = entity_graph(Graph().parse(data=SAMPLE_TTL, format="turtle"))
    assert render_html(network, "Sample <i>graph</i>") == sample_html
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}", sample_html.split("<script>")[0])  # no random ids
    assert all(re.fullmatch(r"e\d+", e["id"]) for e in page_data(sample_html)["edges"])


def test_kg_viz_focus_and_errors(seed_build, tmp_path):
    page = tmp_path / "iran.html"
    result = run_kg("viz", seed_build / "graph.ttl", "-o", page, "--focus", "Iranian", "--depth", "1", check=True)
    assert result.stdout.strip() == f"wrote {page}"
    labels = {n["label"] for n in page_data(page.read_text())["nodes"]}
    assert "Iran" in labels and 1 < len(labels) < 20
    small = tmp_path / "small.html"
    run_kg("viz", seed_build / "graph.ttl", "-o", small, "--max-nodes", "5", check=True)
    assert len(page_data(small.read_text())["nodes"]) == 5 and 'id="left-out"' in small.read_text()
    for args, message in [(("--focus", "Nobody"), "no entity named 'Nobody'"), ((), "must be an .html file")]:
        out = tmp_path / ("bad.html" if args else "bad.txt")
        bad = run_kg("viz", seed_build / "graph.ttl", "-o", out, *args)
        assert bad.returncode == 1 and bad.stderr.strip().count("\n") == 0 and message in bad.stderr
        assert not out.exists()


def test_page_data_for_the_unlinked_toggle_slider_and_panel():
    linked = star(30)
    for i in range(40):  # more entities without a relation than with one: hidden by default
        linked.add_node(f"z{i:03d}", name=f"Alone {i}", type="Place", aliases=[], mentions=1, roles=[])
    html = render_html(linked)
    data = page_data(html)
    assert data["page"] == {"hideUnlinked": True, "threshold": False}
    assert re.search(r'<input id="hide-unlinked" type="checkbox" checked>', html)
    assert sum(not n["linked"] for n in data["nodes"]) == 40
    assert sorted(n["rank"] for n in data["nodes"]) == list(range(70))
    assert render_html(star(30)).count('id="hide-unlinked" type="checkbox">') == 1  # all linked: shown
    assert page_data(render_html(star(120)))["page"]["threshold"] is True
    edge = data["edges"][0]
    assert {"fullLabel", "count", "dates", "places", "sources", "kgKind"} <= set(edge)


def test_every_relation_class_has_its_own_colour():
    colours = [style["color"] for style in EDGE_STYLES.values()]
    assert len(set(colours)) == len(colours)
    assert EDGE_STYLES["other event"]["color"] != EDGE_STYLES["role"]["color"]
