// The page's behaviour: draw the network, find an entity and step through the matches, filter by type,
// relation, linkedness and importance, fit the view, freeze the layout, and show an entity's panel.
// Article text arrives as JSON data and is only ever set as text (textContent, option values, vis-network's
// string tooltips), never as HTML.
"use strict";

// pyvis's globals, kept so that tools and tests can reach the network as they do on any pyvis page.
var nodes;
var edges;
var network;

(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  nodes = new vis.DataSet(data.nodes);
  edges = new vis.DataSet(data.edges);
  network = new vis.Network(document.getElementById("graph"), { nodes: nodes, edges: edges }, data.options);
  const byId = new Map(data.nodes.map(function (node) { return [node.id, node]; }));
  const LABEL = data.options.nodes.font.color;
  const FADED_LABEL = "rgba(34, 34, 34, 0.15)";

  function text(id, value) { document.getElementById(id).textContent = value; }

  // Physics settles (vis-network's stabilisation), then the layout is frozen so the page stays still;
  // the button lets it move again, or freezes it earlier.
  const freezeButton = document.getElementById("freeze");
  const layoutStatus = document.getElementById("layout-status");
  function setFrozen(frozen) {
    network.setOptions({ physics: { enabled: !frozen } });
    freezeButton.textContent = frozen ? "Unfreeze layout" : "Freeze layout";
    freezeButton.setAttribute("aria-pressed", String(frozen));
    layoutStatus.textContent = frozen ? "layout frozen" : "layout moving";
    document.body.dataset.layout = frozen ? "frozen" : "moving";
  }
  network.once("stabilizationIterationsDone", function () {
    setFrozen(true);
    fitVisible();
    placeEdgeLabels();
  });
  network.on("stabilizationProgress", function (progress) {
    layoutStatus.textContent = "laying out… " + Math.round(100 * progress.iterations / progress.total) + "%";
  });
  freezeButton.addEventListener("click", function () {
    setFrozen(document.body.dataset.layout !== "frozen");
  });
  network.on("dragEnd", function (params) { if (params.nodes.length) placeEdgeLabels(); });

  // Which entities and relations are shown: entity types, relation classes, entities without a relation,
  // and the slider's most important N (ranked by importance: see the report). A hidden entity takes its
  // relations with it.
  const hideUnlinked = document.getElementById("hide-unlinked");
  const threshold = document.getElementById("threshold");
  function checked(kind) {
    const boxes = document.querySelectorAll('input[data-filter="' + kind + '"]');
    return new Set(Array.prototype.filter.call(boxes, function (b) { return b.checked; })
      .map(function (b) { return b.value; }));
  }
  function visibleNodeIds() {
    return nodes.get({ filter: function (node) { return !node.hidden; }, fields: ["id"] })
      .map(function (node) { return node.id; });
  }
  function applyFilters() {
    const types = checked("type");
    const classes = checked("edge");
    const unlinkedHidden = hideUnlinked.checked;
    const most = Number(threshold.value);
    const hiddenNodes = new Set();
    nodes.update(data.nodes.map(function (node) {
      const hidden = !types.has(node.kgType) || (unlinkedHidden && !node.linked) || node.rank >= most;
      if (hidden) hiddenNodes.add(node.id);
      return { id: node.id, hidden: hidden, physics: !hidden };
    }));
    let shownEdges = 0;
    edges.update(data.edges.map(function (edge) {
      const hidden = !classes.has(edge.kgClass) || hiddenNodes.has(edge.from) || hiddenNodes.has(edge.to);
      if (!hidden) shownEdges += 1;
      return { id: edge.id, hidden: hidden };
    }));
    text("threshold-value", most + " of " + data.nodes.length);
    text("visible-count", "showing " + (data.nodes.length - hiddenNodes.size) + " entities, " + shownEdges + " relations");
    placeEdgeLabels();
  }
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  hideUnlinked.addEventListener("change", function () { applyFilters(); fitVisible(); });
  threshold.addEventListener("input", applyFilters);
  threshold.addEventListener("change", function () { fitVisible(); });

  // Fit: zoom so that every visible entity is on screen (also what clearing the search does).
  function fitVisible() {
    const ids = visibleNodeIds();
    network.fit({ nodes: ids.length ? ids : undefined, animation: false });
  }
  document.getElementById("fit").addEventListener("click", fitVisible);

  // Edge labels only where they fit: a label longer than its edge, or one that would cover a more
  // frequent relation's label, is left out; the rest are drawn once they are legible (vis-network's
  // drawThreshold: 10 px on screen), so they appear as one zooms in. Hovering an edge always shows its text.
  const FONT = data.options.edges.font.size;
  function placeEdgeLabels() {
    const shown = data.edges.filter(function (edge) { return !edges.get(edge.id).hidden; });
    shown.sort(function (a, b) { return b.count - a.count || (a.id < b.id ? -1 : 1); });
    const positions = network.getPositions();
    const cell = 4 * FONT;
    const grid = new Map();
    const updates = [];
    shown.forEach(function (edge) {
      const from = positions[edge.from];
      const to = positions[edge.to];
      const body = network.body.edges[edge.id];
      let fits = false;
      if (from && to && body && edge.from !== edge.to) {
        const width = 0.56 * FONT * edge.fullLabel.length + 4;
        const height = FONT + 4;
        const room = Math.hypot(to.x - from.x, to.y - from.y) - byId.get(edge.from).size - byId.get(edge.to).size;
        const middle = body.edgeType.getPoint(0.5);
        const box = { x0: middle.x - width / 2, x1: middle.x + width / 2, y0: middle.y - height / 2, y1: middle.y + height / 2 };
        fits = room > width && !overlaps(grid, cell, box);
        if (fits) remember(grid, cell, box);
      }
      const label = fits ? edge.fullLabel : "";
      if (edges.get(edge.id).label !== label) updates.push({ id: edge.id, label: label });
    });
    data.edges.forEach(function (edge) {
      if (edges.get(edge.id).hidden && edges.get(edge.id).label !== "") updates.push({ id: edge.id, label: "" });
    });
    if (updates.length) edges.update(updates);
  }
  function cellsOf(cell, box, visit) {
    for (let i = Math.floor(box.x0 / cell); i <= Math.floor(box.x1 / cell); i++) {
      for (let j = Math.floor(box.y0 / cell); j <= Math.floor(box.y1 / cell); j++) {
        if (visit(i + "," + j)) return true;
      }
    }
    return false;
  }
  function overlaps(grid, cell, box) {
    return cellsOf(cell, box, function (key) {
      return (grid.get(key) || []).some(function (other) {
        return box.x0 < other.x1 && other.x0 < box.x1 && box.y0 < other.y1 && other.y0 < box.y1;
      });
    });
  }
  function remember(grid, cell, box) {
    cellsOf(cell, box, function (key) {
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key).push(box);
      return false;
    });
  }

  // Selecting an entity (by click or search) fades everything but it, its neighbours and their edges,
  // labels included, and opens its panel.
  function highlight(id) {
    const near = id === null ? null : new Set([id].concat(network.getConnectedNodes(id)));
    nodes.update(data.nodes.map(function (node) {
      const shown = near === null || near.has(node.id);
      return { id: node.id, opacity: shown ? 1 : 0.15, font: { color: shown ? LABEL : FADED_LABEL } };
    }));
    edges.update(data.edges.map(function (edge) {
      const shown = near === null || edge.from === id || edge.to === id;
      return { id: edge.id, color: Object.assign({}, edge.color, { opacity: shown ? 1 : 0.1 }),
               font: { color: shown ? LABEL : FADED_LABEL, strokeColor: shown ? "#ffffff" : "rgba(255, 255, 255, 0.15)" } };
    }));
  }
  function select(id) {
    network.selectNodes([id]);
    highlight(id);
    showPanel(id);
  }
  network.on("selectNode", function (params) { highlight(params.nodes[0]); showPanel(params.nodes[0]); });
  network.on("deselectNode", function () { highlight(null); hidePanel(); });

  // The side panel: names, roles, relations and events with no target (with their dates and places when the
  // graph has them) and the documents of the relations, all set as text.
  const panel = document.getElementById("panel");
  function list(id, items) {
    const element = document.getElementById(id);
    element.replaceChildren();
    if (!items.length) items = ["none"];
    items.forEach(function (item) {
      const li = document.createElement("li");
      if (typeof item === "string") li.textContent = item;
      else li.append.apply(li, item);
      element.appendChild(li);
    });
  }
  function showPanel(id) {
    const node = byId.get(id);
    if (!node) return;
    panel.hidden = false;
    panel.dataset.entity = id;
    text("panel-name", node.label);
    text("panel-type", node.kgType);
    text("panel-aliases", node.aliases.length ? "also: " + node.aliases.join("; ") : "");
    text("panel-counts", node.mentions + " mention" + (node.mentions === 1 ? "" : "s") + " in " + node.articles +
      " article" + (node.articles === 1 ? "" : "s") + " · importance " + node.importance.toFixed(2) +
      " (#" + (node.rank + 1) + " of " + data.nodes.length + ")");
    list("panel-roles", node.roles.slice());
    list("panel-acts", node.acts.slice());
    const mine = data.edges.filter(function (edge) { return edge.from === id || edge.to === id; });
    mine.sort(function (a, b) { return b.count - a.count || (a.id < b.id ? -1 : 1); });
    list("panel-relations", mine.map(function (edge) {
      const outgoing = edge.from === id;
      const other = byId.get(outgoing ? edge.to : edge.from);
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.textContent = other ? other.label : "?";
      button.addEventListener("click", function () { if (other) { select(other.id); network.focus(other.id, { animation: { duration: 300 } }); } });
      const about = [edge.kgClass].concat(edge.dates, edge.places);
      const relation = outgoing ? "→ " + edge.fullLabel + " → " : "← " + edge.fullLabel + " ← ";
      return [relation, button, " (" + about.join("; ") + ")"];
    }));
    const documents = new Set();
    mine.forEach(function (edge) { edge.sources.forEach(function (source) { documents.add(source); }); });
    list("panel-documents", Array.from(documents).sort());
  }
  function hidePanel() { panel.hidden = true; delete panel.dataset.entity; }
  document.getElementById("panel-close").addEventListener("click", function () {
    network.unselectAll();
    highlight(null);
    hidePanel();
  });

  // Search: by name or alias, case- and accent-insensitive; exact names before partial ones, most
  // important first. Enter (or ▶) steps to the next match, ◀ to the previous one.
  function fold(value) {
    return value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[.\u2019']/g, "")
      .replace(/[\s\-\u2013\u2014_]+/g, " ").trim();
  }
  const names = document.getElementById("entity-names");
  const searchable = data.nodes.slice().sort(function (a, b) { return a.rank - b.rank; }).map(function (node) {
    const option = document.createElement("option");
    option.value = node.label;
    names.appendChild(option);
    return { id: node.id, keys: [node.label].concat(node.aliases || []).map(fold) };
  });
  const searchBox = document.getElementById("search");
  const searchResult = document.getElementById("search-result");
  let matches = [];
  let matched = null;
  let current = -1;
  function find(step) {
    const wanted = fold(searchBox.value);
    if (!wanted) {
      matches = []; matched = null; current = -1;
      searchResult.textContent = "";
      network.unselectAll(); highlight(null); hidePanel(); fitVisible();
      return;
    }
    if (wanted !== matched) {
      const exact = searchable.filter(function (s) { return s.keys.indexOf(wanted) >= 0; });
      const partial = searchable.filter(function (s) {
        return s.keys.indexOf(wanted) < 0 && s.keys.some(function (key) { return key.indexOf(wanted) >= 0; });
      });
      matches = exact.concat(partial).map(function (s) { return s.id; });
      matched = wanted;
      current = -1;
    }
    if (!matches.length) { searchResult.textContent = "no entity matches"; return; }
    current = (current + step + matches.length) % matches.length;
    const node = nodes.get(matches[current]);
    select(node.id);
    network.focus(node.id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300 } });
    searchResult.textContent = (matches.length > 1 ? (current + 1) + " of " + matches.length + ": " : "") + node.label +
      (node.hidden ? " (hidden by a filter)" : "");
  }
  searchBox.addEventListener("change", function () { if (fold(searchBox.value) !== matched) find(1); });
  searchBox.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); find(event.shiftKey ? -1 : 1); }
  });
  searchBox.addEventListener("input", function () { if (!searchBox.value) find(1); });
  document.getElementById("search-next").addEventListener("click", function () { find(1); });
  document.getElementById("search-previous").addEventListener("click", function () { find(-1); });

  applyFilters();
  if (data.nodes.length === 0) setFrozen(true);
})();
