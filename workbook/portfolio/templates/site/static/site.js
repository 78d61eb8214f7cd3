/* CTO Workbook portfolio: code toggle and site search. Plain JavaScript, no network. */
(function () {
  "use strict";
  var toggle = document.getElementById("toggle-code");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-pressed") !== "true";
      document.querySelectorAll("details.wb-code").forEach(function (d) { d.open = open; });
      toggle.setAttribute("aria-pressed", String(open));
      toggle.textContent = open ? "Hide all code" : "Show all code";
    });
  }

  var results = document.getElementById("wb-search-results");
  var box = document.getElementById("wb-search-box");
  if (!results || !box || !window.PORTFOLIO_SEARCH) { return; }
  var status = document.getElementById("wb-search-status");
  var entries = window.PORTFOLIO_SEARCH;

  function snippet(text, term) {
    var at = text.toLowerCase().indexOf(term);
    var start = Math.max(0, at - 60);
    return (start > 0 ? "… " : "") + text.slice(start, start + 180) + (start + 180 < text.length ? " …" : "");
  }

  function run(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (!terms.length) { status.textContent = "Type words in the search box above."; return; }
    var hits = entries.filter(function (e) {
      var hay = (e.title + " " + e.text).toLowerCase();
      return terms.every(function (t) { return hay.indexOf(t) !== -1; });
    });
    hits.forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.url;
      a.textContent = e.title;
      var p = document.createElement("p");
      p.textContent = snippet(e.text, terms[0]);
      li.appendChild(a);
      li.appendChild(p);
      results.appendChild(li);
    });
    status.textContent = hits.length + (hits.length === 1 ? " page matches " : " pages match ") + "\u201c" + query + "\u201d.";
  }

  var params = new URLSearchParams(window.location.search);
  box.value = params.get("q") || "";
  run(box.value);
  box.addEventListener("input", function () { run(box.value); });
}());
