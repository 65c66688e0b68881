// The page's behaviour: draw the network, find an entity, filter by type and relation, freeze the layout.
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
  network.once("stabilizationIterationsDone", function () { setFrozen(true); });
  network.on("stabilizationProgress", function (progress) {
    layoutStatus.textContent = "laying out… " + Math.round(100 * progress.iterations / progress.total) + "%";
  });
  freezeButton.addEventListener("click", function () {
    setFrozen(document.body.dataset.layout !== "frozen");
  });
  if (data.nodes.length === 0) setFrozen(true);

  // Selecting an entity (by click or search) fades everything but it, its neighbours and their edges.
  function highlight(id) {
    const near = id === null ? null : new Set([id].concat(network.getConnectedNodes(id)));
    nodes.update(nodes.getIds().map(function (node) {
      return { id: node, opacity: near === null || near.has(node) ? 1 : 0.15 };
    }));
    edges.update(edges.get().map(function (edge) {
      const shown = near === null || edge.from === id || edge.to === id;
      return { id: edge.id, color: Object.assign({}, edge.color, { opacity: shown ? 1 : 0.1 }) };
    }));
  }
  network.on("selectNode", function (params) { highlight(params.nodes[0]); });
  network.on("deselectNode", function () { highlight(null); });

  // Search: by name or alias, case- and accent-insensitive; an exact name wins over a partial one.
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[.\u2019']/g, "")
      .replace(/[\s\-\u2013\u2014_]+/g, " ").trim();
  }
  const names = document.getElementById("entity-names");
  const searchable = data.nodes.map(function (node) {
    const option = document.createElement("option");
    option.value = node.label;
    names.appendChild(option);
    return { id: node.id, keys: [node.label].concat(node.aliases || []).map(fold) };
  });
  const searchBox = document.getElementById("search");
  const searchResult = document.getElementById("search-result");
  function find() {
    const wanted = fold(searchBox.value);
    if (!wanted) { searchResult.textContent = ""; network.unselectAll(); highlight(null); return; }
    const exact = searchable.filter(function (s) { return s.keys.indexOf(wanted) >= 0; });
    const partial = searchable.filter(function (s) {
      return s.keys.some(function (key) { return key.indexOf(wanted) >= 0; });
    });
    const found = exact.length ? exact : partial;
    if (!found.length) { searchResult.textContent = "no entity matches"; return; }
    const node = nodes.get(found[0].id);
    network.selectNodes([node.id]);
    highlight(node.id);
    network.focus(node.id, { scale: 1.4, animation: { duration: 400 } });
    searchResult.textContent = (found.length > 1 ? found.length + " match; showing " : "") + node.label +
      (node.hidden ? " (hidden by a filter)" : "");
  }
  searchBox.addEventListener("change", find);
  searchBox.addEventListener("keydown", function (event) { if (event.key === "Enter") find(); });

  // Filters: entity types and relation classes. Hidden nodes take their edges with them.
  function checked(kind) {
    const boxes = document.querySelectorAll('input[data-filter="' + kind + '"]');
    return new Set(Array.prototype.filter.call(boxes, function (b) { return b.checked; })
      .map(function (b) { return b.value; }));
  }
  function applyFilters() {
    const types = checked("type");
    const classes = checked("edge");
    const hiddenNodes = new Set();
    nodes.update(nodes.get().map(function (node) {
      const hidden = !types.has(node.kgType);
      if (hidden) hiddenNodes.add(node.id);
      return { id: node.id, hidden: hidden };
    }));
    edges.update(edges.get().map(function (edge) {
      return { id: edge.id, hidden: !classes.has(edge.kgClass) || hiddenNodes.has(edge.from) || hiddenNodes.has(edge.to) };
    }));
  }
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
})();
