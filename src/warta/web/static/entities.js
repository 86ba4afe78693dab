// warta article page: reviewers correct the article's entities through the API
// (POST /api/v1/entities/{id}/corrections: type, merge, split; undo:
// POST /api/v1/entity-corrections/{id}/undo), with the write token and the reviewer's name
// kept as the /review page keeps them. No page reload; names from the article or the server
// are written with textContent only.
(function () {
  "use strict";
  var box = document.getElementById("entity-review");
  var form = document.getElementById("entity-form");
  if (!box || !form) { return; }
  var article = parseInt(box.dataset.article, 10);
  var rows = Array.prototype.slice.call(document.querySelectorAll(".ent-row[data-entity]"));
  var status = document.getElementById("entity-status");
  var token = document.getElementById("review-token");
  var name = document.getElementById("review-name");
  var labels = {PER: "person", ORG: "organisation", LOC: "place", EVT: "event", MISC: "other"};
  var at = 0;
  var open = null;  // {row, act} while the form is shown
  var done = [];  // {id, row, snaps}, newest last

  token.value = sessionStorage.getItem("warta-review-token") || "";
  name.value = sessionStorage.getItem("warta-review-name") || "";
  token.addEventListener("change", function () { sessionStorage.setItem("warta-review-token", token.value); });
  name.addEventListener("change", function () { sessionStorage.setItem("warta-review-name", name.value); });

  function say(text) { status.textContent = text; }

  function headers() {
    return {
      "Content-Type": "application/json",
      "Authorization": "Bearer " + token.value,
      "X-Reviewer": name.value || "reviewer"
    };
  }

  function problem(data) {
    return (data && data.error && data.error.message) || (data && data.message) || "error";
  }

  // fetch + JSON, resolved as {ok, status, data} (a body that is not JSON reads as null).
  function call(url, options) {
    return fetch(url, options).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (data) {
        return {ok: r.ok, status: r.status, data: data};
      });
    });
  }

  function focus(i) {
    if (!rows.length) { return; }
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (el, j) { el.classList.toggle("current", j === at); });
    var details = rows[at].closest("details");
    if (details) { details.open = true; }
    rows[at].focus();
    rows[at].scrollIntoView({block: "nearest"});
  }

  function rowName(row) { return row.dataset.name; }

  function setLabel(row, label) {
    row.dataset.label = label;
    var pill = row.querySelector(".pill");
    pill.className = "pill " + label;
    pill.textContent = label;
    pill.title = labels[label] || label;
  }

  function setEntity(row, id) {
    row.dataset.entity = String(id);
    var link = row.querySelector(".ent-link");
    if (link) { link.setAttribute("href", "/entity/" + id); }
  }

  function snap(row) {
    return {
      row: row,
      entity: row.dataset.entity,
      label: row.dataset.label,
      state: row.querySelector(".ent-state").textContent
    };
  }

  function restore(s) {
    setEntity(s.row, s.entity);
    setLabel(s.row, s.label);
    s.row.querySelector(".ent-state").textContent = s.state;
  }

  function showUndo(row) {
    var mine = done.some(function (d) { return d.row === row; });
    row.querySelector("button[data-act=undo]").hidden = !mine;
  }

  function close() {
    form.hidden = true;
    open = null;
  }

  function shown(el, act) {
    var wanted = (el.dataset.for || "").split(" ");
    el.hidden = wanted.indexOf(act) < 0;
  }

  function openForm(row, act) {
    focus(rows.indexOf(row));
    open = {row: row, act: act};
    row.querySelector("td").appendChild(form);
    Array.prototype.forEach.call(form.querySelectorAll("[data-for]"), function (el) { shown(el, act); });
    var select = form.elements.label;
    if (act === "type") {
      var current = row.dataset.label;
      Array.prototype.forEach.call(select.options, function (o) { o.disabled = o.value === current; });
      select.value = current === "PER" ? "ORG" : "PER";
    } else {
      var target = form.elements.target;
      while (target.firstChild) { target.removeChild(target.firstChild); }
      var none = document.createElement("option");
      none.value = "";
      none.textContent = "— one of this article's entities —";
      target.appendChild(none);
      var seen = {};
      seen[row.dataset.entity] = true;
      rows.forEach(function (other) {
        var id = other.dataset.entity;
        if (seen[id]) { return; }
        seen[id] = true;
        var o = document.createElement("option");
        o.value = id;
        o.textContent = rowName(other) + " (" + other.dataset.label + ")";
        target.appendChild(o);
      });
      form.elements.lookup.value = "";
      form.elements.new_name.value = act === "split" ? rowName(row) : "";
    }
    form.hidden = false;
    (act === "type" ? select : form.elements.target).focus();
  }

  // The entity a reviewer named: one of the article's (the select), else a corpus id or name.
  function resolveTarget() {
    var picked = form.elements.target.value;
    var typed = form.elements.lookup.value.trim();
    if (picked && !typed) {
      var row = rows.filter(function (r) { return r.dataset.entity === picked; })[0];
      return Promise.resolve({id: parseInt(picked, 10), name: row ? rowName(row) : picked});
    }
    if (!typed) { return Promise.resolve(null); }
    if (/^[0-9]+$/.test(typed)) {
      return call("/api/v1/entities/" + typed).then(function (res) {
        if (!res.ok) { throw new Error(problem(res.data)); }
        return {id: res.data.id, name: res.data.name};
      });
    }
    return call("/api/v1/entities?limit=1&q=" + encodeURIComponent(typed)).then(function (res) {
      var hit = res.ok && res.data.items && res.data.items[0];
      if (!hit) { throw new Error("the corpus has no entity called " + typed); }
      return {id: hit.id, name: hit.name};
    });
  }

  function post(row, body) {
    return call("/api/v1/entities/" + row.dataset.entity + "/corrections",
      {method: "POST", headers: headers(), body: JSON.stringify(body)})
      .then(function (res) {
        if (!res.ok) { throw new Error(problem(res.data)); }
        return res.data;
      });
  }

  // Apply the answer to the rows it changes; remember how they were, for an undo.
  function applied(row, made) {
    var source = row.dataset.entity;
    var touched = made.action === "split" ? [row] : rows.filter(function (r) { return r.dataset.entity === source; });
    var snaps = touched.map(snap);
    var text;
    if (made.action === "type") {
      text = "type: " + made.before.label + " → " + made.after.label;
      touched.forEach(function (r) { setLabel(r, made.after.label); });
    } else if (made.action === "merge") {
      text = "merged into " + made.after.target_name;
      touched.forEach(function (r) { setEntity(r, made.target_id); });
    } else {
      text = "split off to " + made.after.target_name + (made.after.created ? " (a new entity)" : "");
      setEntity(row, made.target_id);
    }
    touched.forEach(function (r) { r.querySelector(".ent-state").textContent = text; });
    done.push({id: made.id, row: row, snaps: snaps});
    touched.forEach(showUndo);
    say("Saved: " + rowName(row) + " " + text);
  }

  function submit() {
    if (!open) { return; }
    var row = open.row;
    var act = open.act;
    var work;
    if (act === "type") {
      work = post(row, {action: "type", label: form.elements.label.value});
    } else {
      work = resolveTarget().then(function (target) {
        if (act === "merge") {
          if (!target) { throw new Error("pick the entity to merge it into"); }
          return post(row, {action: "merge", target_id: target.id});
        }
        var body = {action: "split", articles: [article], names: [rowName(row)]};
        var fresh = form.elements.new_name.value.trim();
        if (target) { body.target_id = target.id; } else if (fresh) { body.new_name = fresh; } else {
          throw new Error("name the entity these mentions go to");
        }
        return post(row, body);
      });
    }
    work.then(function (made) { close(); applied(row, made); focus(rows.indexOf(row)); })
      .catch(function (err) {
        say("Not saved: " + (err instanceof TypeError ? "the server did not answer" : err.message));
      });
  }

  function undo(entry) {
    if (!entry) { say("Nothing to undo"); return; }
    call("/api/v1/entity-corrections/" + entry.id + "/undo", {method: "POST", headers: headers()})
      .then(function (res) {
        if (!res.ok) { say("Not undone: " + problem(res.data)); return; }
        done = done.filter(function (d) { return d !== entry; });
        entry.snaps.forEach(restore);
        entry.snaps.forEach(function (s) { showUndo(s.row); });
        say("Undone: " + rowName(entry.row) + " is as it was");
        focus(rows.indexOf(entry.row));
      })
      .catch(function () { say("Not undone: the server did not answer"); });
  }

  function lastOf(row) {
    var mine = done.filter(function (d) {
      return d.row === row || d.snaps.some(function (s) { return s.row === row; });
    });
    return mine[mine.length - 1];
  }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); submit(); });
  form.querySelector("button[data-act=cancel]").addEventListener("click", close);
  rows.forEach(function (row, j) {
    row.addEventListener("click", function (ev) {
      var button = ev.target.closest("button[data-act]");
      if (!button || form.contains(button)) {
        if (!form.contains(ev.target)) { focus(j); }
        return;
      }
      if (button.dataset.act === "undo") { undo(lastOf(row)); } else { openForm(row, button.dataset.act); }
    });
  });

  if (rows.length) { rows[0].classList.add("current"); }  // no focus on load: the page stays where it opens

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && open) { close(); focus(at); ev.preventDefault(); return; }
    var tag = (ev.target && ev.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var row = rows[at];
    switch (ev.key) {
      case "j": focus(at + 1); break;
      case "k": focus(at - 1); break;
      case "t": openForm(row, "type"); break;
      case "m": openForm(row, "merge"); break;
      case "s": openForm(row, "split"); break;
      case "u": undo(done[done.length - 1]); break;
      default: return;
    }
    ev.preventDefault();
  });
})();
