// The interactive relation network (Cytoscape.js from /static/vendor, installed by `make setup`):
// the same data as the page's tables, from its JSON twin. Nodes are coloured by camp and sized by
// ties; a green edge is cooperation, a red one conflict. Click a node to open the actor, an edge to
// read the events behind it.
(function () {
  "use strict";
  var CAMPS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#9c755f", "#edc948"];
  var MAX_NODES = 150;
  var box = document.getElementById("graph");
  if (!box || typeof cytoscape === "undefined") { return; }
  var api = box.getAttribute("data-api");
  var params = new URLSearchParams(location.search);
  fetch(api, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); }).then(function (net) {
    var nodes = net.nodes.slice(0, MAX_NODES);
    var keep = {};
    nodes.forEach(function (n) { keep[n.id] = true; });
    var elements = nodes.map(function (n) {
      return { data: { id: n.id, label: n.name, colour: CAMPS[n.camp % CAMPS.length], size: 12 + 4 * Math.sqrt(n.degree) } };
    });
    net.edges.forEach(function (e, i) {
      if (!keep[e.source] || !keep[e.target]) { return; }
      elements.push({ data: { id: "e" + i, source: e.source, target: e.target, events: e.events,
        colour: e.weight >= 0 ? "#3b8b3b" : "#c0392b", width: Math.min(1 + Math.log(1 + e.events) * 1.5, 10),
        label: e.source_name + " – " + e.target_name + ": " + e.events + " events" } });
    });
    var cy = cytoscape({
      container: box,
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", width: "data(size)", height: "data(size)",
          "font-size": 9, "text-valign": "bottom", "text-margin-y": 2 } },
        { selector: "edge", style: { "line-color": "data(colour)", width: "data(width)", opacity: 0.6, "curve-style": "haystack" } },
        { selector: "edge:selected, edge.hover", style: { opacity: 1, label: "data(label)", "font-size": 9, "text-background-color": "#fff", "text-background-opacity": 1 } }
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 8000; }, numIter: 600 }
    });
    cy.on("tap", "node", function (evt) { location.href = "/actors/" + encodeURIComponent(evt.target.id()); });
    cy.on("tap", "edge", function (evt) {
      var e = evt.target.data();
      var query = new URLSearchParams({ actor: e.source, other: e.target });
      ["since", "until"].forEach(function (k) { if (params.get(k)) { query.set(k, params.get(k)); } });
      location.href = "/events?" + query.toString();
    });
    cy.on("mouseover", "edge", function (evt) { evt.target.addClass("hover"); });
    cy.on("mouseout", "edge", function (evt) { evt.target.removeClass("hover"); });
    window.powermapNetwork = cy; // for the browser tests
    box.setAttribute("data-ready", "true");
  });
}());
