// letapis UI: small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Reader: clicking a highlighted span shows the facts it belongs to.
  function showFacts(mark) {
    var panel = document.getElementById("fact-panel");
    if (!panel) return;
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    var heading = document.createElement("h3");
    heading.textContent = "Selected span";
    panel.appendChild(heading);
    var lines = (mark.getAttribute("title") || "").split("\n");
    lines.forEach(function (line) {
      var p = document.createElement("p");
      p.textContent = line;
      panel.appendChild(p);
    });
    (mark.getAttribute("data-facts") || "").split(" ").forEach(function (id) {
      var card = id && document.getElementById(id);
      if (!card) return;
      var copy = card.cloneNode(true);
      copy.removeAttribute("id");
      panel.appendChild(copy);
    });
    panel.hidden = false;
    panel.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("click", function (e) {
    var mark = e.target.closest && e.target.closest("mark.hl");
    if (mark) showFacts(mark);
  });

  // Review queue: j/k move between cards, c/r/e act on the focused card.
  var cards = Array.prototype.slice.call(document.querySelectorAll(".queue .fact"));
  var current = -1;
  function focusCard(i) {
    if (!cards.length) return;
    current = Math.max(0, Math.min(cards.length - 1, i));
    cards.forEach(function (c, k) { c.classList.toggle("focused", k === current); });
    cards[current].focus();
  }
  if (cards.length) focusCard(0);
  document.addEventListener("keydown", function (e) {
    if (!cards.length || e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = (e.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") return;
    if (e.key === "j") { focusCard(current + 1); e.preventDefault(); return; }
    if (e.key === "k") { focusCard(current - 1); e.preventDefault(); return; }
    if (current < 0) return;
    var target = cards[current].querySelector('[data-key="' + e.key + '"]');
    if (target) { target.click(); e.preventDefault(); }
  });
})();
