// warta review page: keyboard review of quotes, each action a correction through the API
// (POST /api/v1/articles/{id}/quotes/{idx}/corrections, undo: POST /api/v1/corrections/{id}/undo).
// No page reload; text from the page or the server is written with textContent only.
(function () {
  "use strict";
  var list = document.getElementById("review-list");
  if (!list) { return; }
  var items = Array.prototype.slice.call(list.querySelectorAll(".review-item"));
  var status = document.getElementById("review-status");
  var token = document.getElementById("review-token");
  var name = document.getElementById("review-name");
  var at = 0;
  var done = [];  // correction ids, newest last, with their item

  token.value = sessionStorage.getItem("warta-review-token") || "";
  name.value = sessionStorage.getItem("warta-review-name") || "";
  token.addEventListener("change", function () { sessionStorage.setItem("warta-review-token", token.value); });
  name.addEventListener("change", function () { sessionStorage.setItem("warta-review-name", name.value); });

  function say(text) { status.textContent = text; }

  function focus(i) {
    if (!items.length) { return; }
    at = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (el, j) { el.classList.toggle("current", j === at); });
    items[at].focus();
    items[at].scrollIntoView({block: "nearest"});
  }

  function headers() {
    return {
      "Content-Type": "application/json",
      "Authorization": "Bearer " + token.value,
      "X-Reviewer": name.value || "reviewer"
    };
  }

  function mark(el, text, cls) {
    el.querySelector(".state").textContent = text;
    el.classList.remove("confirmed", "rejected", "reassigned");
    if (cls) { el.classList.add(cls); }
  }

  function send(el, body, text, cls) {
    var url = "/api/v1/articles/" + el.dataset.article + "/quotes/" + el.dataset.idx + "/corrections";
    return fetch(url, {method: "POST", headers: headers(), body: JSON.stringify(body)})
      .then(function (r) {
        return r.json().then(function (data) { return {ok: r.ok, data: data}; });
      })
      .then(function (res) {
        if (!res.ok) {
          say("Not saved: " + ((res.data && res.data.error && res.data.error.message) || "error"));
          return;
        }
        done.push({id: res.data.id, el: el});
        mark(el, text, cls);
        say("Saved: " + text);
        focus(items.indexOf(el) + 1);
      })
      .catch(function () { say("Not saved: the server did not answer"); });
  }

  function reassign(el) {
    var who = window.prompt("Speaker (a name the corpus knows):", el.dataset.speaker || "");
    if (!who) { return; }
    fetch("/api/v1/entities?label=PER&limit=1&q=" + encodeURIComponent(who))
      .then(function (r) { return r.json(); })
      .then(function (page) {
        var hit = page.items && page.items[0];
        if (hit) {
          send(el, {action: "speaker", speaker_id: hit.id}, "speaker: " + hit.name, "reassigned");
        } else {
          send(el, {action: "speaker", speaker_name: who}, "speaker: " + who, "reassigned");
        }
      })
      .catch(function () { say("Not saved: the server did not answer"); });
  }

  function undo() {
    var last = done.pop();
    if (!last) { say("Nothing to undo"); return; }
    fetch("/api/v1/corrections/" + last.id + "/undo", {method: "POST", headers: headers()})
      .then(function (r) {
        if (!r.ok) { done.push(last); say("Not undone"); return; }
        mark(last.el, "", null);
        say("Undone");
        focus(items.indexOf(last.el));
      })
      .catch(function () { done.push(last); say("Not undone: the server did not answer"); });
  }

  document.addEventListener("keydown", function (ev) {
    var tag = (ev.target && ev.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var el = items[at];
    switch (ev.key) {
      case "j": focus(at + 1); break;
      case "k": focus(at - 1); break;
      case "c": send(el, {action: "confirm"}, "confirmed", "confirmed"); break;
      case "x": send(el, {action: "reject"}, "rejected", "rejected"); break;
      case "a": send(el, {action: "speaker", anonymous: true}, "speaker: anonymous", "reassigned"); break;
      case "s": reassign(el); break;
      case "u": undo(); break;
      default: return;
    }
    ev.preventDefault();
  });
  items.forEach(function (el, j) { el.addEventListener("click", function () { focus(j); }); });
  focus(0);
})();
