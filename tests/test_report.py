"""The report (issue 5): report.md, report.json and graph.png from `kg build` and `kg analyze`."""

from __future__ import annotations

import io
import json
import re

from matplotlib.image import imread
from rdflib import Graph

from conftest import run_kg
from kg.analyze import entity_graph
from kg.report import render_picture, report_data, report_markdown
from test_analyze import SAMPLE_TTL


def sample_report() -> dict:
    graph = Graph().parse(data=SAMPLE_TTL, format="turtle")
    return report_data(graph, entity_graph(graph))


def test_build_writes_the_report_with_its_picture(seed_build):
    markdown = (seed_build / "report.md").read_text()
    data = json.loads((seed_build / "report.json").read_text())
    assert "![" in markdown and "](graph.png)" in markdown
    picture = imread(io.BytesIO((seed_build / "graph.png").read_bytes()), format="png")
    assert picture.shape[0] >= 600 and picture.shape[1] >= 800
    assert (picture[:, :, :3] < 0.9).any(axis=2).mean() > 0.01  # something is drawn, not a blank canvas
    for heading in ("## Key people", "## Key organizations and countries", "## Who holds which role where",
                    "## Events by type", "## Most hostile pairs", "## Most cooperative pairs", "## Communities"):
        assert heading in markdown
    assert {"summary", "key_people", "key_organizations", "roles", "events", "communities", "hostile_pairs",
            "cooperative_pairs", "component_sizes", "picture"} <= set(data)
    # Who holds which role where: the same facts as the bundled `roles` query, one row per distinct role.
    listed = run_kg("query", seed_build / "graph.ttl", "roles", "--format", "json", check=True)
    expected = {(r["person"], r["role"], r["organization"] or "") for r in json.loads(listed.stdout)}
    assert {(r["person"], ("former " if r["former"] else "") + r["role"], r["organization"]) for r in data["roles"]} \
        == expected
    assert len(expected) >= 10
    positions = [(e["source"], e["start"]) for e in data["events"]]
    assert positions == sorted(positions) and len(positions) == data["summary"]["events"] >= 10
    assert [p["importance"] for p in data["key_people"]] == sorted((p["importance"] for p in data["key_people"]), reverse=True)
    assert data["summary"]["entities"] == sum(data["component_sizes"])


def test_analyze_rewrites_the_same_report_from_the_graph(seed_build, tmp_path):
    result = run_kg("analyze", seed_build / "graph.ttl", "-o", tmp_path, check=True)
    assert [line for line in result.stdout.splitlines() if line.startswith("wrote")] == [
        f"wrote {tmp_path / name}" for name in ("report.md", "report.json", "graph.png")]
    for name in ("report.md", "report.json", "graph.png"):
        assert (tmp_path / name).read_bytes() == (seed_build / name).read_bytes(), name


def test_analyze_bad_input_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    for args in ((tmp_path / "missing.ttl",), (bad,)):
        result = run_kg("analyze", *args, "-o", tmp_path / "out")
        assert result.returncode == 1 and result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
        assert not (tmp_path / "out").exists()


def test_report_content_on_a_known_graph():
    data = sample_report()
    assert data["summary"] == {"documents": 1, "entities": 5, "relations": 6, "roles": 2, "events": 7,
                               "communities": 1, "components": 2}
    assert [(p["actor"], p["target"], p["counts"]["material conflict"]) for p in data["hostile_pairs"]] == [
        ("Iran", "Israel", 2), ("Javad Zarif", "Israel", 0)]
    assert data["hostile_pairs"][0]["sentence"] == "Iran attacked Israel <b onmouseover=x>first</b>."
    assert [(p["actor"], p["target"]) for p in data["cooperative_pairs"]] == [("Iran", "United Nations")]
    assert [(r["person"], r["role"], r["organization"], r["former"]) for r in data["roles"]] == [
        ("Javad Zarif", "envoy", "", True), ("Javad Zarif", "Foreign Minister", "Iran", False)]
    assert [(e["actor"], e["action"], e["target"], e["negated"], e["modality"]) for e in data["events"][2:4]] == [
        ("Israel", "attack", "Iran", True, "asserted"), ("Israel", "attack", "Iran", False, "hypothetical")]
    assert data["communities"] == [["Israel", "Iran", "Javad Zarif", "United Nations"]]  # most important first
    assert data["unlinked_entities"] == 1


def test_markdown_shows_article_text_and_never_renders_it():
    markdown = report_markdown(sample_report())
    assert "<b" not in markdown and "&lt;b onmouseover=x&gt;first&lt;/b&gt;" in markdown
    events = markdown.split("## Events by type")[1].split("## Most")[0]
    header = next(line for line in events.splitlines() if line.startswith("| actor"))
    rows = [line for line in events.splitlines() if line.startswith("| ") and not line.startswith("| actor")]
    assert len(rows) == 7 and all(len(re.findall(r"(?<!\\)\|", r)) == len(re.findall(r"\|", header)) for r in rows)


def test_picture_is_deterministic_and_survives_odd_names():
    graph = Graph().parse(data=SAMPLE_TTL.replace('"Javad Zarif"', '"Javad $Zarif_ {"'), format="turtle")
    network = entity_graph(graph)
    first = render_picture(network)
    assert first == render_picture(network) and first[:4] == b"\x89PNG"
    assert b"Software" not in first[:200] and b"matplotlib" not in first


def test_markdown_lists_the_first_events_of_a_large_corpus():
    data = sample_report()
    data["events"] = data["events"] * 100
    data["summary"]["events"] *= 100
    data["event_types"] = [{**group, "count": group["count"] * 100} for group in data["event_types"]]
    markdown = report_markdown(data)
    events = markdown.split("## Events by type")[1].split("## Most")[0]
    assert len([line for line in events.splitlines() if line.startswith("| ") and not line.startswith("| actor")]) == 500
    assert "The first 500 of 700 events; report.json lists them all." in events


def many_events_ttl(count: int) -> str:
    """A document of `count` attacks of Iran on Israel, each stated by a sentence of its own, and one role."""
    events = "".join(f"kgr:ev{n} a kg:Event ; kg:actor kgr:iran ; kg:target kgr:israel ; kg:action \"attack\" ; "
                     f"kg:evidence kgr:s{n} .\nkgr:s{n} kg:document kgr:doc ; kg:sentence \"Attack {n}.\" ; "
                     f"nif:beginIndex {10 * n} ; nif:endIndex {10 * n + 9} .\n" for n in range(count))
    return SAMPLE_TTL.split("kgr:ev1 a kg:Event")[0] + events


def test_the_report_of_many_events_lists_a_sample_and_counts_them_all():
    from kg.report import REPORT_EVENTS

    graph = Graph().parse(data=many_events_ttl(REPORT_EVENTS + 150), format="turtle")
    network = entity_graph(graph)
    attack = network.edges["https://w3id.org/kg-news/id/iran", "https://w3id.org/kg-news/id/israel", "event:attack"]
    assert attack["count"] == REPORT_EVENTS + 150 and len(attack["evidence"]) == 20  # the first 20 sentences
    assert [e["sentence"] for e in attack["evidence"][:2]] == ["Attack 0.", "Attack 1."]
    data = report_data(graph, network)
    assert data["summary"]["events"] == REPORT_EVENTS + 150 and len(data["events"]) == REPORT_EVENTS
    assert [e["start"] for e in data["events"]] == [10 * n for n in range(REPORT_EVENTS)]  # the first, in text order
    assert data["event_types"] == [{"event_class": "no CAMEO class", "event_type": "untyped", "count": REPORT_EVENTS + 150}]
    markdown = report_markdown(data)
    assert f"The first 500 of {REPORT_EVENTS + 150} events; report.json lists the first {REPORT_EVENTS} of them " \
           "in text order." in markdown
    assert "Attack 499." in markdown and "Attack 500." not in markdown


DATED_TTL = SAMPLE_TTL + """
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix schema: <https://schema.org/> .
kgr:doc schema:datePublished "2020-01-10" .
kgr:tehran a kg:Place ; skos:prefLabel "Tehran" ; kg:mentionCount 1 .
kgr:ev1 sem:hasTimeStamp "2020-01-08"^^xsd:date ; sem:hasPlace kgr:tehran .
kgr:ev5 sem:hasTimeStamp "2020-01"^^xsd:gYearMonth .
"""


def test_profiles_timeline_and_events_by_type():
    graph = Graph().parse(data=DATED_TTL, format="turtle")
    data = report_data(graph, entity_graph(graph))
    zarif = next(p for p in data["key_people"] if p["name"] == "Javad Zarif")
    assert zarif["roles"] == ["Foreign Minister, Iran", "former envoy"]
    assert zarif["counterparts"] == [{"name": "Iran", "sentences": 1, "relations": ["Foreign Minister"]},
                                     {"name": "Israel", "sentences": 1, "relations": ["criticize"]}]
    # First and last seen: the event's own date, else its article's.
    assert (zarif["first_seen"], zarif["last_seen"]) == ("2020-01", "2020-01-10")
    assert [(e["date"], e["actor"], e["action"], e["place"]) for e in data["events"] if e["date"]] == [
        ("2020-01-08", "Iran", "attack", "Tehran"), ("2020-01", "Javad Zarif", "criticize", "")]  # text order
    assert data["dated_events"] == 2
    assert [(g["event_class"], g["event_type"], g["count"]) for g in data["event_types"]] == [
        ("material conflict", "Assault", 4), ("verbal conflict", "Disapprove", 1),
        ("verbal cooperation", "Engage in diplomatic cooperation", 1), ("no CAMEO class", "untyped", 1)]
    markdown = report_markdown(data)
    timeline = markdown.split("## Timeline")[1].split("##")[0]
    assert [line.split(" | ")[:3] for line in timeline.splitlines() if line.startswith("| 2020")] == [
        ["| 2020-01", "Javad Zarif", "criticize"], ["| 2020-01-08", "Iran", "attack"]]  # earliest first
    assert "| 2020-01-08 | Iran | attack | Israel | Tehran |" in timeline
    assert "### Assault (material conflict): 4" in markdown
    assert "- **Javad Zarif** (Person; 2 mentions in 1 article). Also: Zarif. Roles: Foreign Minister, Iran; former envoy." in markdown
    assert "First seen 2020-01, last seen 2020-01-10." in markdown
    assert "Ranked by importance, a blend of how often the corpus names an entity (40%)" in markdown
    # Without dates there is no timeline, and an entity is seen in its articles.
    undated = sample_report()
    assert undated["dated_events"] == 0 and "## Timeline" not in report_markdown(undated)
    assert undated["key_people"][0]["first_seen"] == "a.txt"


def test_picture_labels_neither_collide_nor_leave_the_frame(seed_build):
    from kg.rdf import load_graph
    from kg.report import picture_figure

    network = entity_graph(load_graph(seed_build / "graph.ttl"))
    figure = picture_figure(network)
    renderer = figure.canvas.get_renderer()
    axes = figure.axes[0]
    frame = axes.get_window_extent(renderer)
    boxes = [text.get_window_extent(renderer) for text in axes.texts]
    names = {text.get_text().replace("\n", " ") for text in axes.texts}
    assert "Foundation for the Defense of Democracies" in names and "Qassem Soleimani" in names
    assert len(boxes) >= 40  # names and edge labels
    for box in boxes:
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b)]
    assert overlapping == []
    legend = axes.get_legend().get_window_extent(renderer)
    assert not any(box.overlaps(legend) for box in boxes)


def test_picture_entities_each_have_a_relation_in_it_and_no_markers_overlap(tmp_path):
    import networkx as nx

    from kg.report import picture_figure

    # A hub and a string of pairs: the first 40 by importance include entities whose partner is left out.
    network = nx.MultiDiGraph()
    edge = dict(kind="event", label="meet", event_type="Consult", event_class="verbal cooperation", negated=False,
                modality="asserted", count=1, evidence=[])
    for i in range(120):
        network.add_node(f"n{i:03d}", name=f"E{i}", type="Person", aliases=[], mentions=200 - i, articles=1, roles=[])
    for i in range(1, 30):
        network.add_edge(f"n{i:03d}", "n000", **edge)
    for i in range(30, 120, 2):
        network.add_edge(f"n{i:03d}", f"n{119 - (i - 30) // 2:03d}", **edge)
    figure = picture_figure(network)
    axes = figure.axes[0]
    drawn = {text.get_text() for text in axes.texts} - {"meet"}
    shown = {n for n, data in network.nodes(data=True) if data["name"] in drawn}
    assert len(shown) >= 30
    assert all(any(other in shown for other in nx.all_neighbors(network, node)) for node in shown)
    # No two markers overlap: centres on the canvas at least the sum of their radii apart.
    markers = [(axes.transData.transform(offset), (size ** 0.5) / 2 * figure.dpi / 72)
               for collection in axes.collections for offset, size in zip(collection.get_offsets(), collection.get_sizes())]
    assert len(markers) == len(shown) >= 30
    assert all(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 >= ra + rb - 0.5
               for i, (a, ra) in enumerate(markers) for b, rb in markers[i + 1:])
