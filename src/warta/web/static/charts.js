// Entity page charts (Plotly, served locally). Data comes from a JSON block, never from inline script.
(function () {
  "use strict";
  var block = document.getElementById("chart-data");
  if (!block || typeof Plotly === "undefined") { return; }
  var data = JSON.parse(block.textContent);
  // Plotly reads a few HTML-like tags in labels (<b>, <a href>): names from articles are
  // escaped so that they show as written and can never become a link or markup.
  function esc(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
  var config = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["select2d", "lasso2d"] };
  var font = { family: "Segoe UI, Noto Sans, Helvetica Neue, Arial, sans-serif", size: 12, color: "#1d232b" };

  // Counts per day summed into weeks or months when the span is long (thin daily bars are unreadable).
  function bucket(days, counts, unit) {
    if (unit === "day") { return { x: days, y: counts }; }
    var sums = {}, order = [];
    days.forEach(function (d, i) {
      var key;
      if (unit === "month") { key = d.slice(0, 7) + "-01"; } else {
        var t = new Date(d + "T00:00:00Z"), back = (t.getUTCDay() + 6) % 7;  // back to Monday
        key = new Date(t.getTime() - back * 86400000).toISOString().slice(0, 10);
      }
      if (!(key in sums)) { sums[key] = 0; order.push(key); }
      sums[key] += counts[i];
    });
    return { x: order, y: order.map(function (k) { return sums[k]; }) };
  }

  var tl = document.getElementById("timeline");
  var t = data.timeline;
  if (tl && t.days.length + t.quote_days.length > 0) {
    var all = t.days.concat(t.quote_days).sort();
    var span = (Date.parse(all[all.length - 1]) - Date.parse(all[0])) / 86400000;
    var unit = span > 540 ? "month" : (span > 120 ? "week" : "day");
    var art = bucket(t.days, t.articles, unit), quo = bucket(t.quote_days, t.quotes, unit);
    var xaxis = { type: "date", gridcolor: "#eef1f4", tickformat: unit === "month" ? "%b %Y" : "%-d %b %Y",
      hoverformat: unit === "month" ? "%B %Y" : (unit === "week" ? "week of %-d %b %Y" : "%-d %b %Y") };
    if (span < 10) {
      // A short span gets one tick per day (no hours), with a day of room on each side.
      xaxis.dtick = 86400000;
      xaxis.range = [Date.parse(all[0]) - 86400000, Date.parse(all[all.length - 1]) + 86400000];
    }
    Plotly.newPlot(tl, [
      { type: "bar", name: "articles naming it", x: art.x, y: art.y,
        marker: { color: "#4a7fd6" }, hovertemplate: "%{x}<br>%{y} articles<extra></extra>" },
      { type: "bar", name: "quotes it gave", x: quo.x, y: quo.y,
        marker: { color: "#e0a100" }, hovertemplate: "%{x}<br>%{y} quotes<extra></extra>" }
    ], {
      font: font, margin: { l: 50, r: 16, t: 10, b: 40 }, bargap: 0.2, barmode: "group",
      legend: { orientation: "h", y: 1.12, x: 0 }, xaxis: xaxis,
      yaxis: { title: { text: "per " + unit }, rangemode: "tozero", gridcolor: "#eef1f4", tickformat: ",d" },
      plot_bgcolor: "#fff", paper_bgcolor: "#fff"
    }, config);
  }

  var net = document.getElementById("network");
  var nodes = data.network.nodes;
  if (net && nodes.length > 1) {
    // The entity in the middle, its co-mentioned names on a circle (heaviest first, clockwise).
    var xs = [0], ys = [0], n = nodes.length - 1;
    for (var i = 0; i < n; i++) {
      var a = Math.PI / 2 - 2 * Math.PI * i / n;
      xs.push(Math.cos(a)); ys.push(Math.sin(a));
    }
    var maxw = 1;
    data.network.edges.forEach(function (e) { maxw = Math.max(maxw, e[2]); });
    var traces = data.network.edges.map(function (e) {
      return { type: "scatter", mode: "lines", hoverinfo: "skip", showlegend: false,
        x: [xs[e[0]], xs[e[1]]], y: [ys[e[0]], ys[e[1]]],
        line: { width: 0.6 + 5 * e[2] / maxw, color: e[0] === 0 ? "rgba(74,127,214,0.55)" : "rgba(120,130,140,0.25)" } };
    });
    var colours = { PER: "#4a7fd6", ORG: "#8e4bb8", LOC: "#3c9a5a", EVT: "#d27a1e", MISC: "#d27a1e" };
    var maxa = 1;
    nodes.slice(1).forEach(function (x) { maxa = Math.max(maxa, x.articles); });
    traces.push({
      type: "scatter", mode: "markers+text", showlegend: false, x: xs, y: ys,
      text: nodes.map(function (x) { return esc(x.name); }), textposition: "bottom center",
      customdata: nodes.map(function (x) { return x.href; }),
      hovertext: nodes.map(function (x, k) { return k === 0 ? esc(x.name) : esc(x.name) + " (" + x.label + "): " + x.articles + " shared articles"; }),
      hoverinfo: "text",
      marker: { size: nodes.map(function (x, k) { return k === 0 ? 30 : 10 + 18 * x.articles / maxa; }),
        color: nodes.map(function (x) { return colours[x.label] || "#777"; }), line: { color: "#fff", width: 1.5 } }
    });
    Plotly.newPlot(net, traces, {
      font: font, margin: { l: 10, r: 10, t: 10, b: 10 }, hovermode: "closest",
      xaxis: { visible: false, range: [-1.45, 1.45] }, yaxis: { visible: false, range: [-1.3, 1.2], scaleanchor: "x" },
      plot_bgcolor: "#fff", paper_bgcolor: "#fff"
    }, config);
    net.on("plotly_click", function (ev) {
      var href = ev.points && ev.points[0] && ev.points[0].customdata;
      if (typeof href === "string" && href.indexOf("/entity/") === 0) { window.location.href = href; }
    });
  }
})();
