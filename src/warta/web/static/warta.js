// warta dashboard: tooltips for highlighted spans, quotes lit together with their list entry.
// Everything shown comes from data-* attributes and is written with textContent (never HTML).
(function () {
  "use strict";
  var tip = document.createElement("div");
  tip.className = "tip";
  tip.id = "tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);

  function line(label, value) {
    var row = document.createElement("div");
    var b = document.createElement("b");
    b.textContent = label + " ";
    row.appendChild(b);
    row.appendChild(document.createTextNode(value));
    return row;
  }

  function fill(el) {
    tip.textContent = "";
    if (el.classList.contains("q")) {
      tip.appendChild(line("Speaker", el.getAttribute("data-speaker") || "unknown"));
      tip.appendChild(line("Date", el.getAttribute("data-date") || "unknown"));
      tip.appendChild(line("Kind", el.getAttribute("data-kind") || ""));
    } else {
      tip.appendChild(document.createTextNode(el.getAttribute("data-tip") || ""));
    }
  }

  function place(el) {
    var r = el.getBoundingClientRect();
    tip.hidden = false;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
  }

  function quotePieces(q) {
    return document.querySelectorAll('.q[data-q="' + q + '"], .quote-list li[data-q="' + q + '"]');
  }

  function light(q, on) {
    quotePieces(q).forEach(function (x) { x.classList.toggle("hot", on); });
  }

  // The innermost highlighted element under the pointer wins (a name inside a quote shows the name).
  function target(node) {
    while (node && node !== document.body) {
      if (node.nodeType === 1 && (node.hasAttribute("data-tip") || node.classList.contains("q"))) { return node; }
      node = node.parentNode;
    }
    return null;
  }

  var current = null;
  function show(ev) {
    var el = target(ev.target);
    if (el === current) { return; }
    if (current && current.classList.contains("q")) { light(current.getAttribute("data-q"), false); }
    current = el;
    if (!el) { tip.hidden = true; return; }
    fill(el);
    place(el);
    var q = el.closest(".q");
    if (q) { light(q.getAttribute("data-q"), true); }
  }
  function hide() {
    if (current) {
      var q = current.closest(".q");
      if (q) { light(q.getAttribute("data-q"), false); }
    }
    current = null;
    tip.hidden = true;
  }

  document.querySelectorAll(".text").forEach(function (box) {
    box.addEventListener("mouseover", show);
    box.addEventListener("mouseleave", hide);
    box.addEventListener("focusin", show);
    box.addEventListener("focusout", hide);
  });
  document.querySelectorAll(".quote-list li[data-q]").forEach(function (li) {
    li.addEventListener("mouseenter", function () { light(li.getAttribute("data-q"), true); });
    li.addEventListener("mouseleave", function () { light(li.getAttribute("data-q"), false); });
  });
})();
