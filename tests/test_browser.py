"""The page in a real browser (issue 5): Debian's headless Chromium driven by Playwright, no network.

Every request that is not a local file is counted and must be zero; console errors, page errors and dialogs
are recorded and must be none. The seed's page must draw a coloured graph; an article whose sentences carry
`<script>`, `onerror=` and `onmouseover=` markup must run none of it on load or when every node and edge is
hovered, while a control page shows the same markup does run when a browser parses it as HTML.

At scale (issue 15), on a 40-article corpus, a 500-entity corpus and a 500-entity network shaped like real news:
the unlinked toggle hides every entity without an edge, fit shows every visible entity, search steps through
its matches, a click opens the entity's panel with its relations, and hostile text runs nothing on click or search.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_kg

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# Each payload would set window.__kgInjected and open a dialog if the page ever ran it.
HOSTILE_ARTICLE = """\
Israeli Prime Minister Benjamin Netanyahu condemned Iran <script>window.__kgInjected = "script"; alert("script")</script> on Monday.

Iran attacked Israel <img src=x onerror="window.__kgInjected = 'onerror'; alert('onerror')"> near the border.

Iranian Foreign Minister Javad Zarif criticized Israel <b onmouseover="window.__kgInjected = 'onmouseover'; alert('onmouseover')">loudly</b> in Tehran.

Hezbollah praised Iran </script><script>window.__kgInjected = "breakout"; alert("breakout")</script> for its support.
"""
PAYLOADS = ("<script>window.__kgInjected", "onerror=", "onmouseover=", "</script><script>")

SPRAY = """() => {
  // Pixels of the canvas in each entity type's colour: a drawn graph, and a coloured one.
  const canvas = document.querySelector("#graph canvas");
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = {Person: [76, 120, 168], Country: [84, 162, 75], Organization: [245, 133, 24]};
  const counts = {painted: 0};
  for (const name in colours) counts[name] = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] === 0) continue;
    counts.painted += 1;
    for (const name in colours) {
      const [r, g, b] = colours[name];
      if (Math.abs(pixels[i] - r) < 4 && Math.abs(pixels[i + 1] - g) < 4 && Math.abs(pixels[i + 2] - b) < 4) counts[name] += 1;
    }
  }
  return counts;
}"""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing; CI installs the Debian package chromium")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A page opened from file://, with everything that went wrong on it recorded."""

    def __init__(self, browser, url: str | None = None):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route(lambda url: not url.startswith(("file:", "data:")), self._refuse)
        self.page = self.context.new_page()
        self.page.on("request", self._request)
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        if url:
            self.page.goto(url)
            self.page.wait_for_function("() => document.body.dataset.layout === 'frozen'", timeout=60_000)

    def _request(self, request) -> None:
        if not request.url.startswith(("file:", "data:")):
            self.outside.append(request.url)

    def _refuse(self, route) -> None:
        self.outside.append(route.request.url)
        route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    run_kg("build", folder / "hostile.txt", "-o", folder / "out", "--jobs", "1", check=True)
    return folder / "out"


def painted_pixels(page) -> dict:
    """SPRAY's counts once the canvas shows a drawing (or after 20 s): vis-network paints on an animation
    frame after the layout settles, which on a busy machine comes a moment later."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(f"() => ({SPRAY})().painted > 20000", timeout=20_000)
    except PlaywrightTimeout:
        pass  # the caller's assertion says what was drawn
    return page.evaluate(SPRAY)


def test_seed_page_draws_a_coloured_graph_offline(browser, seed_build):
    visit = Visit(browser, (seed_build / "graph.html").as_uri())
    page = visit.page
    assert page.evaluate("network.body.data.nodes.length") > 20
    assert page.evaluate("network.body.data.edges.length") > 5
    pixels = painted_pixels(page)
    assert pixels["painted"] > 20_000, pixels
    assert min(pixels["Person"], pixels["Country"], pixels["Organization"]) > 50, pixels
    legend = page.evaluate("[...document.querySelectorAll('input[data-filter=type]')].map(box => box.value)")
    assert legend == ["Country", "Organization", "Person", "Place"]
    assert visit.outside == [] and visit.errors == [] and visit.dialogs == []
    visit.close()


def test_search_filters_and_freeze(browser, seed_build):
    visit = Visit(browser, (seed_build / "graph.html").as_uri())
    page = visit.page
    page.fill("#search", "trump")
    page.press("#search", "Enter")
    selected = page.evaluate("network.getSelectedNodes().map(id => nodes.get(id).label)")
    assert selected == ["Donald Trump"]
    assert "Donald Trump" in page.locator("#search-result").inner_text()
    faded = page.evaluate("""() => {
        const trump = network.getSelectedNodes()[0], near = new Set([trump, ...network.getConnectedNodes(trump)]);
        return nodes.get().map(n => [near.has(n.id), n.opacity]); }""")
    assert {opacity for is_near, opacity in faded if is_near} == {1}
    assert {opacity for is_near, opacity in faded if not is_near} == {0.15}

    page.locator('input[data-filter="type"][value="Person"]').uncheck()
    hidden = page.evaluate("""() => ({
        people: nodes.get().filter(n => n.kgType === "Person").map(n => n.hidden),
        others: nodes.get().filter(n => n.kgType !== "Person").map(n => n.hidden),
        edgesOfPeople: edges.get().filter(e => nodes.get(e.from).kgType === "Person").map(e => e.hidden)})""")
    assert hidden["people"] and all(hidden["people"]) and not any(hidden["others"])
    assert hidden["edgesOfPeople"] and all(hidden["edgesOfPeople"])
    page.locator('input[data-filter="edge"][value="role"]').uncheck()
    assert all(page.evaluate("edges.get().filter(e => e.kgClass === 'role').map(e => e.hidden)"))

    assert page.evaluate("network.physics.options.enabled") is False
    page.click("#freeze")
    assert page.evaluate("network.physics.options.enabled") is True
    assert page.locator("#freeze").inner_text() == "Freeze layout"
    page.click("#freeze")
    assert page.evaluate("network.physics.options.enabled") is False
    assert visit.outside == [] and visit.errors == [] and visit.dialogs == []
    visit.close()


def test_hostile_markup_runs_when_parsed_as_html(browser):
    """The control: the same payloads do run when a browser parses them, so the next test can fail."""
    visit = Visit(browser)
    visit.page.set_content("<p>" + HOSTILE_ARTICLE.replace("\n\n", "</p><p>") + "</p>")
    visit.page.hover("b")
    assert visit.page.evaluate("window.__kgInjected") is not None
    assert len(visit.dialogs) >= 2
    visit.close()


def test_hostile_text_stays_text_on_load_and_hover(browser, hostile_build):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    visit = Visit(browser, (hostile_build / "graph.html").as_uri())
    page = visit.page
    items = page.evaluate("""() => { const data = JSON.parse(document.getElementById("kg-data").textContent);
        return {nodes: data.nodes.map(n => ({id: n.id, text: n.label})),
                edges: data.edges.map(e => ({id: e.id, title: e.title}))}; }""")
    titles = "\n".join(edge["title"] for edge in items["edges"])
    assert all(payload in titles for payload in PAYLOADS), "the build lost a hostile sentence: the test proves nothing"
    assert page.evaluate("window.__kgInjected") is None

    box = page.locator("#graph canvas").bounding_box()

    def hover(points_js: str, item_id: str, expected: str) -> None:
        """Move the mouse onto each candidate point of an item until its tooltip shows `expected`."""
        for point in page.evaluate(f"(id) => {points_js}.map(p => network.canvasToDOM(p))", item_id):
            page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
            try:
                page.wait_for_function(
                    """(expected) => { const tip = document.querySelector(".vis-tooltip");
                        return tip && tip.style.visibility === "visible" && tip.textContent.includes(expected); }""",
                    arg=expected, timeout=2_000)
                break
            except PlaywrightTimeout:
                continue  # another node or edge lies over this point: try the next one
        else:
            pytest.fail(f"no tooltip showing {expected!r} for {item_id}")
        # Shown as text: the tooltip holds text and line breaks only, no element the markup would make.
        assert page.evaluate("document.querySelector('.vis-tooltip').querySelectorAll(':not(br)').length") == 0
        page.mouse.move(box["x"] + 2, box["y"] + 2)

    for node in items["nodes"]:
        hover("[network.getPosition(id)]", node["id"], node["text"])
    for edge in items["edges"]:
        sentence = edge["title"].split("\n")[2]  # the first evidence sentence, markup and all
        hover("[0.5, 0.35, 0.65, 0.2, 0.8].map(t => network.body.edges[id].edgeType.getPoint(t))", edge["id"], sentence)

    assert page.evaluate("window.__kgInjected") is None
    assert visit.dialogs == [] and visit.outside == [] and visit.errors == []
    visit.close()


def test_large_graph_is_cut_to_max_nodes_and_settles(browser, tmp_path):
    import networkx as nx

    from kg.viz import write_html

    random = nx.gnm_random_graph(700, 2100, seed=3, directed=True)
    network = nx.MultiDiGraph()
    for node in random:
        network.add_node(f"n{node}", name=f"Entity {node}", type=("Person", "Organization", "Country")[node % 3],
                         aliases=[], mentions=1, roles=[])
    for source, target in random.edges():
        network.add_edge(f"n{source}", f"n{target}", kind="event", label="meet", event_type="",
                         event_class=("verbal cooperation", "material conflict")[(source + target) % 2],
                         negated=False, modality="asserted", count=1, evidence=[])
    write_html(network, tmp_path / "large.html")
    visit = Visit(browser, (tmp_path / "large.html").as_uri())
    assert visit.page.evaluate("network.body.data.nodes.length") == 500
    assert "left out: 200 entities" in visit.page.locator("#left-out").inner_text()
    assert painted_pixels(visit.page)["painted"] > 20_000
    assert visit.outside == [] and visit.errors == [] and visit.dialogs == []
    visit.close()


# Issue 15: the page at scale. Two graphs: one built from many generated articles (bench/corpus.py), and a
# 500-entity network shaped like real news (most entities without a relation), with hostile names and text.

VISIBLE_ON_SCREEN = """() => {
  const canvas = document.querySelector("#graph canvas").getBoundingClientRect();
  const ids = nodes.get({filter: n => !n.hidden}).map(n => n.id);
  const off = ids.filter(id => { const p = network.canvasToDOM(network.getPosition(id));
    return p.x < 0 || p.y < 0 || p.x > canvas.width || p.y > canvas.height; });
  return {visible: ids.length, off: off};
}"""


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory) -> Path:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from corpus import write_corpus

    folder = tmp_path_factory.mktemp("many-documents")
    write_corpus(folder / "articles", count=40)
    run_kg("build", folder / "articles", "-o", folder / "out", "--jobs", "1", check=True)
    return folder / "out"


# Names for generated articles: person n is FIRST[n % 40] LAST[(n // 40 + n) % 40], so no two articles share one.
FIRST = ("James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan "
         "Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Margaret Donald "
         "Sandra Steven Ashley Paul Kimberly Andrew Emily Joshua Donna Kenneth Michelle").split()
LAST = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
        "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis "
        "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores").split()
COUNTRIES = ("France Germany Japan Brazil Canada Mexico India Egypt Kenya Norway Poland Spain Italy Turkey Chile "
             "Peru Ghana Nigeria Sweden Finland").split()
ROLES = ("Foreign Minister", "Defense Minister", "Ambassador", "Prime Minister", "Finance Minister")


def generated_news(count: int) -> list[str]:
    """`count` short articles, four new people each: 125 make a corpus of about 500 entities, half of them
    without a relation (a spokesman who only speaks), as in real news."""
    texts = []
    for number in range(count):
        people = [f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST) + n) % len(LAST)]}"
                  for n in range(4 * number, 4 * number + 4)]
        country, other = COUNTRIES[number % len(COUNTRIES)], COUNTRIES[(number * 7 + 3) % len(COUNTRIES)]
        texts.append(
            f"{country}'s {ROLES[number % len(ROLES)]} {people[0]} met {people[1]} in the capital on Monday.\n\n"
            f"{people[2]}, a spokesman, said the talks had been useful.\n\n"
            f"{country} accused {other} of violating the agreement, {people[3]} told reporters.\n")
    return texts


@pytest.fixture(scope="module")
def corpus_500_build(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus-500")
    (folder / "articles").mkdir()
    for number, text in enumerate(generated_news(125)):
        (folder / "articles" / f"article-{number:04d}.txt").write_text(text, encoding="utf-8")
    run_kg("build", folder / "articles", "-o", folder / "out", "--jobs", "1", check=True)
    return folder / "out"


def news_like_network(size: int = 500):
    """`size` entities, most without a relation (as in real news), the others in small stars; names and
    sentences carry the hostile markup, and two entities share the word 'Harbour' for the search test."""
    import networkx as nx

    network = nx.MultiDiGraph()
    payloads = [p.strip() for p in HOSTILE_ARTICLE.split("\n\n")]
    for i in range(size):
        name = {7: "North Harbour Authority", 11: "South Harbour Police"}.get(i, f"Entity {i} <b onmouseover=\"window.__kgInjected='name'\">x</b>")
        network.add_node(f"n{i:04d}", name=name, type=("Person", "Organization", "Country", "Place")[i % 4],
                         aliases=[], mentions=1 + i % 7, articles=1 + i % 3, roles=[])
    edge = dict(kind="event", event_type="Consult", negated=False, modality="asserted", count=1)
    for i in range(0, size, 10):
        for j in (i + 7, i + 11):
            if j < size:
                network.add_edge(f"n{i:04d}", f"n{j:04d}", key="event:meet", label="meet",
                                 event_class=("verbal cooperation", "material conflict")[j % 2], **edge,
                                 evidence=[{"source": f"doc{i}.txt", "sentence": payloads[j % len(payloads)],
                                            "start": 0, "end": 10, "date": "2020-01-03", "place": "Tehran"}])
    return network


def click_node(page, node_id: str, strict: bool = True) -> bool:
    """Click an entity (centred at 1.5x) and wait for its panel; False, with strict off, if another lies over it."""
    box = page.locator("#graph canvas").bounding_box()
    page.evaluate("(id) => { document.activeElement.blur(); network.focus(id, {scale: 1.5}); }", node_id)
    point = page.evaluate("(id) => network.canvasToDOM(network.getPosition(id))", node_id)
    on_top = page.evaluate("(p) => network.getNodeAt(p)", point)
    if not strict and on_top != node_id:
        return False
    assert on_top == node_id
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function("(id) => document.getElementById('panel').dataset.entity === id", arg=node_id, timeout=5_000)
    return True


def check_page_at_scale(visit, search: str) -> None:
    page = visit.page
    # The unlinked toggle hides every entity without an edge, and only those.
    page.locator("#hide-unlinked").check()
    state = page.evaluate("""() => { const linked = new Set(edges.get().flatMap(e => [e.from, e.to]));
        return nodes.get().map(n => [linked.has(n.id), !!n.hidden]); }""")
    assert any(hidden for _, hidden in state) or all(linked for linked, _ in state)
    assert all(hidden == (not linked) for linked, hidden in state)
    # Fit shows every visible entity.
    page.evaluate("network.moveTo({position: {x: 5000, y: 5000}, scale: 3})")
    page.click("#fit")
    on_screen = page.evaluate(VISIBLE_ON_SCREEN)
    assert on_screen["visible"] > 0 and on_screen["off"] == []
    # Search steps through the matches (two or more), round to the first, and back.
    page.fill("#search", search)
    page.press("#search", "Enter")
    found = int(page.locator("#search-result").inner_text().split(" of ")[1].split(":")[0])
    assert found >= 2 and page.locator("#search-result").inner_text().startswith(f"1 of {found}: ")
    seen = [page.evaluate("network.getSelectedNodes()[0]")]
    for _ in range(found):
        page.press("#search", "Enter")
        seen.append(page.evaluate("network.getSelectedNodes()[0]"))
    assert len(set(seen[:found])) == found and seen[found] == seen[0]
    page.click("#search-previous")
    assert page.evaluate("network.getSelectedNodes()[0]") == seen[found - 1]
    # Clearing the search resets the view to fit.
    page.fill("#search", "")
    assert page.evaluate("network.getSelectedNodes()") == [] and page.evaluate(VISIBLE_ON_SCREEN)["off"] == []
    # A click opens the entity's panel with its relations, set as text.
    hub = page.evaluate("""() => { const degree = {}; edges.get().forEach(e => { degree[e.from] = (degree[e.from] || 0) + 1;
        degree[e.to] = (degree[e.to] || 0) + 1; }); return Object.keys(degree).sort((a, b) => degree[b] - degree[a])[0]; }""")
    click_node(page, hub)
    relations = page.evaluate("(id) => edges.get().filter(e => e.from === id || e.to === id).length", hub)
    assert page.locator("#panel-name").inner_text() == page.evaluate("(id) => nodes.get(id).label", hub)
    assert page.locator("#panel-relations li").count() == relations > 0
    assert page.locator("#panel-documents li").count() >= 1
    acts = page.evaluate("(id) => nodes.get(id).acts", hub)
    assert [li.inner_text() for li in page.locator("#panel-acts li").all()] == (acts or ["none"])
    # Faded entities' labels fade with them.
    colours = page.evaluate("""(id) => { const near = new Set([id, ...network.getConnectedNodes(id)]);
        return nodes.get().map(n => [near.has(n.id), n.font.color]); }""", hub)
    assert {c for near, c in colours if not near} == {"rgba(34, 34, 34, 0.15)"} and {c for near, c in colours if near} == {"#222222"}
    # Edge labels only where they fit: no two drawn labels overlap, and some are left out on a crowded page.
    assert page.evaluate("""() => { const boxes = edges.get().filter(e => e.label && !e.hidden).map(e => {
            const m = network.body.edges[e.id].edgeType.getPoint(0.5), w = 0.56 * 12 * e.label.length + 4;
            return [m.x - w / 2, m.x + w / 2, m.y - 8, m.y + 8]; });
        return boxes.every((a, i) => boxes.every((b, j) => i === j || !(a[0] < b[1] && b[0] < a[1] && a[2] < b[3] && b[2] < a[3]))); }""")
    assert visit.outside == [] and visit.errors == [] and visit.dialogs == []


def test_a_many_document_page_hides_fits_steps_and_explains(browser, corpus_build):
    visit = Visit(browser, (corpus_build / "graph.html").as_uri())
    assert visit.page.evaluate("network.body.data.nodes.length") > 40
    check_page_at_scale(visit, "mark")  # Mark Esper, Mark Milley
    visit.close()


def test_a_500_entity_corpus_page(browser, corpus_500_build):
    visit = Visit(browser, (corpus_500_build / "graph.html").as_uri())
    assert visit.page.evaluate("network.body.data.nodes.length") == 500  # --max-nodes' default of 522
    assert visit.page.locator("#threshold").is_visible()
    check_page_at_scale(visit, "garcia")
    visit.close()


def test_a_500_entity_page_of_mostly_unlinked_entities(browser, tmp_path):
    from kg.viz import write_html

    write_html(news_like_network(500), tmp_path / "news.html")
    visit = Visit(browser, (tmp_path / "news.html").as_uri())
    page = visit.page
    assert page.evaluate("network.body.data.nodes.length") == 500
    # Most entities have no relation: the toggle is on from the start, and they are hidden.
    assert page.locator("#hide-unlinked").is_checked()
    assert page.evaluate("nodes.get().filter(n => !n.linked).every(n => n.hidden)")
    assert page.evaluate(VISIBLE_ON_SCREEN)["off"] == []
    # The slider keeps only the most important entities.
    assert page.locator("#threshold").is_visible()
    page.locator("#threshold").fill("50")
    assert page.evaluate("nodes.get().filter(n => !n.hidden).every(n => n.rank < 50)")
    assert page.evaluate("nodes.get().filter(n => n.rank < 50 && n.linked).every(n => !n.hidden)")
    page.locator("#threshold").fill("500")
    check_page_at_scale(visit, "harbour")
    # The panel shows each relation's date and place.
    click_node(page, "n0000")
    assert "2020-01-03; Tehran" in page.locator("#panel-relations").inner_text()
    assert page.evaluate("window.__kgInjected") is None
    visit.close()


def test_hostile_text_stays_text_on_click_and_search(browser, hostile_build, tmp_path):
    from kg.viz import write_html

    write_html(news_like_network(60), tmp_path / "names.html")
    for url in ((hostile_build / "graph.html").as_uri(), (tmp_path / "names.html").as_uri()):
        visit = Visit(browser, url)
        page = visit.page
        page.locator("#hide-unlinked").uncheck()
        ids = page.evaluate("nodes.getIds()")
        clicked = 0
        for node in ids:
            clicked += click_node(page, node, strict=False)
            # Only the panel's own elements: no element the article's markup would make.
            assert page.evaluate("document.querySelectorAll('#panel :not(button, h2, h3, p, ul, li)').length") == 0
        assert clicked >= len(ids) / 2  # the others lie under another entity
        for query in ("<script>", "onerror", "<b onmouseover", "entity", "iran"):
            page.fill("#search", query)
            page.press("#search", "Enter")
            page.press("#search", "Enter")
        assert page.evaluate("window.__kgInjected") is None
        assert visit.dialogs == [] and visit.outside == [] and visit.errors == []
        visit.close()
