// The document page: a table row jumps to its fact's place in the text; the marks of the fact
// named in the address (#text-REF or #fact-REF) are lit. Without this script the links do the same jumps.
(function () {
  "use strict";
  function light() {
    var hash = decodeURIComponent(location.hash.slice(1));
    var ref = hash.replace(/^(text|fact)-/, "");
    document.querySelectorAll("#text a.mark.lit").forEach(function (m) { m.classList.remove("lit"); });
    if (!ref || ref === hash) { return; }
    document.querySelectorAll("#text a.mark").forEach(function (m) {
      if ((m.getAttribute("data-refs") || "").split(" ").indexOf(ref) >= 0) { m.classList.add("lit"); }
    });
  }
  document.querySelectorAll("tr.fact").forEach(function (row) {
    row.addEventListener("click", function (event) {
      if (event.target.closest("a, button, input, select, textarea, form")) { return; }
      location.hash = "text-" + row.getAttribute("data-ref");
    });
  });
  window.addEventListener("hashchange", light);
  light();
}());
