// Charts drawn from the tables the page already shows (table.chart-data), with Chart.js from
// /static/vendor (installed by `make setup` from package-lock.json). The table stays below the chart.
(function () {
  "use strict";
  var COLOURS = ["#4e79a7", "#59a14f", "#f28e2b", "#e15759", "#76b7b2", "#b07aa1", "#9c755f", "#edc948"];
  var SHAPES = {
    dyad: function (name, i) {
      var colours = ["#8cc084", "#3b8b3b", "#f2a36b", "#c0392b"];
      return i < 4 ? { type: "bar", stack: "events", backgroundColor: colours[i], yAxisID: "y" }
                   : { type: "line", borderColor: "#1d2330", backgroundColor: "#1d2330", yAxisID: "y1", tension: 0.2 };
    },
    timeline: function (name, i) {
      return i === 0 ? { type: "bar", backgroundColor: "#c9d3e0", yAxisID: "y", order: 2 }
                     : { type: "line", borderColor: COLOURS[i], backgroundColor: COLOURS[i], yAxisID: "y", tension: 0.2, order: 1 };
    }
  };
  document.querySelectorAll("table.chart-data").forEach(function (table) {
    if (typeof Chart === "undefined") { return; }
    var shape = SHAPES[table.getAttribute("data-chart")] || SHAPES.timeline;
    var heads = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var numeric = heads.map(function (th, i) { return th.classList.contains("num") ? i : -1; }).filter(function (i) { return i > 0; });
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var labels = rows.map(function (tr) { return tr.cells[0].textContent; });
    var datasets = numeric.map(function (col, i) {
      var set = shape(heads[col].textContent, i);
      set.label = heads[col].textContent;
      set.data = rows.map(function (tr) { return parseFloat(tr.cells[col].textContent) || 0; });
      return set;
    });
    var box = document.createElement("div");
    box.className = "chart";
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "chart of the table below");
    box.appendChild(canvas);
    table.parentNode.insertBefore(box, table);
    var scales = { x: { stacked: true }, y: { stacked: true, beginAtZero: true } };
    if (datasets.some(function (d) { return d.yAxisID === "y1"; })) {
      scales.y1 = { position: "right", grid: { drawOnChartArea: false } };
    }
    if (table.getAttribute("data-chart") !== "dyad") { scales = { y: { beginAtZero: true } }; }
    new Chart(canvas, {
      data: { labels: labels, datasets: datasets },
      options: { animation: false, maintainAspectRatio: false, interaction: { mode: "index", intersect: false }, scales: scales }
    });
  });
}());
