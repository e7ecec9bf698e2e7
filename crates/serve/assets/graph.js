// newsgraph actor network: fetches /api/graph, lays it out with a small force simulation and
// draws SVG. Every text goes in through textContent, never as HTML.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var svg = document.getElementById("graph");
  var panel = document.getElementById("evidence");
  var form = document.getElementById("graph-filter");
  var W = 900, H = 600;

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function html(tag, text, parent) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function query() {
    var p = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (String(v).trim()) p.set(k, String(v).trim()); });
    return p;
  }

  function layout(nodes, edges) {
    var n = nodes.length, i, j, it;
    var index = {};
    nodes.forEach(function (d, i) {
      index[d.id] = i;
      var a = 2 * Math.PI * i / Math.max(n, 1);
      d.x = W / 2 + 200 * Math.cos(a); d.y = H / 2 + 200 * Math.sin(a);
    });
    var k = Math.sqrt(W * H / Math.max(n, 1)) * 0.5;
    var t = W / 10;
    for (it = 0; it < 300; it++) {
      var dx = new Float64Array(n), dy = new Float64Array(n);
      for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) {
        var ex = nodes[i].x - nodes[j].x, ey = nodes[i].y - nodes[j].y;
        var d2 = Math.max(ex * ex + ey * ey, 0.01), f = k * k / d2;
        dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
      }
      edges.forEach(function (e) {
        var a = index[e.source], b = index[e.target];
        if (a === undefined || b === undefined) return;
        var ex = nodes[a].x - nodes[b].x, ey = nodes[a].y - nodes[b].y;
        var d = Math.max(Math.sqrt(ex * ex + ey * ey), 0.1), f = d / k;
        dx[a] -= ex * f; dy[a] -= ey * f; dx[b] += ex * f; dy[b] += ey * f;
      });
      for (i = 0; i < n; i++) {
        // Gravity keeps separate groups of actors near the middle.
        dx[i] -= (nodes[i].x - W / 2) * 0.03 * n;
        dy[i] -= (nodes[i].y - H / 2) * 0.03 * n;
      }
      for (i = 0; i < n; i++) {
        var len = Math.max(Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]), 0.01);
        nodes[i].x = Math.min(W - 30, Math.max(30, nodes[i].x + dx[i] / len * Math.min(len, t)));
        nodes[i].y = Math.min(H - 20, Math.max(20, nodes[i].y + dy[i] / len * Math.min(len, t)));
      }
      t *= 0.985;
    }
    return index;
  }

  function showEdge(e, byId, line) {
    Array.prototype.forEach.call(svg.querySelectorAll("line.selected"), function (l) { l.classList.remove("selected"); });
    line.classList.add("selected");
    clear(panel);
    html("h2", byId[e.source].name + " → " + byId[e.target].name, panel);
    html("p", (e.types || []).join(", "), panel).className = "muted";
    fetch("/api/graph/edge?source=" + encodeURIComponent(e.source) + "&target=" + encodeURIComponent(e.target))
      .then(function (r) { return r.json(); })
      .then(function (d) {
        if (d.error) { html("p", d.error.message, panel); return; }
        html("h3", "Events", panel);
        var ul = html("ul", null, panel);
        (d.events || []).forEach(function (v) {
          var li = html("li", null, ul);
          html("b", v.type + " ", li);
          html("span", (v.date || "") + " “" + v.trigger + "” ", li);
          html("span", v.article, li).className = "muted";
        });
        html("h3", "Relations", panel);
        var ur = html("ul", null, panel);
        (d.relations || []).forEach(function (r) {
          var li = html("li", null, ur);
          html("b", r.type + " ", li);
          html("span", "“" + r.evidence + "”", li);
        });
      })
      .catch(function () { html("p", "The evidence could not be loaded.", panel); });
  }

  function draw(data) {
    clear(svg);
    var nodes = data.nodes || [], edges = data.edges || [];
    if (!nodes.length) {
      el("text", { x: 20, y: 30 }, svg).textContent = "No actors match these filters.";
      return;
    }
    var index = layout(nodes, edges), byId = {};
    nodes.forEach(function (d) { byId[d.id] = d; });
    var gl = el("g", {}, svg), gn = el("g", {}, svg);
    edges.forEach(function (e) {
      var a = nodes[index[e.source]], b = nodes[index[e.target]];
      if (!a || !b) return;
      var line = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y,
        "stroke-width": Math.min(1 + e.weight, 8), "data-source": e.source, "data-target": e.target }, gl);
      if (!e.events) line.classList.add("relation");
      el("title", {}, line).textContent = a.name + " → " + b.name + ": " + (e.types || []).join(", ");
      line.addEventListener("click", function () { showEdge(e, byId, line); });
    });
    nodes.forEach(function (d) {
      var g = el("g", { transform: "translate(" + d.x + "," + d.y + ")" }, gn);
      var c = el("circle", { r: Math.min(5 + 2 * Math.sqrt(d.num_articles || 1), 16) }, g);
      c.setAttribute("class", d.type);
      el("title", {}, c).textContent = d.name + " (" + d.type + (d.kb_id ? ", " + d.kb_id : "") + ")";
      var label = el("text", { x: 9, y: 4 }, g);
      label.textContent = d.name;
      var go = function () { window.location.href = "/entity/" + encodeURIComponent(d.id); };
      c.addEventListener("click", go);
      label.addEventListener("click", go);
    });
    if (data.truncated) el("text", { x: 10, y: H - 10 }, svg).textContent = "Showing the first " + nodes.length + " actors.";
    // A link may name an edge to open (?edge=SOURCE-TARGET).
    var want = new URLSearchParams(window.location.search).get("edge");
    if (want) {
      var lines = svg.querySelectorAll("line");
      Array.prototype.forEach.call(lines, function (line) {
        var key = line.getAttribute("data-source") + "-" + line.getAttribute("data-target");
        if (key === want) line.dispatchEvent(new MouseEvent("click"));
      });
    }
  }

  function load() {
    fetch("/api/graph?" + query().toString())
      .then(function (r) { return r.json(); })
      .then(function (d) {
        if (d.error) { clear(svg); el("text", { x: 20, y: 30 }, svg).textContent = d.error.message; return; }
        draw(d);
      })
      .catch(function () { clear(svg); el("text", { x: 20, y: 30 }, svg).textContent = "The network could not be loaded."; });
  }

  var initial = new URLSearchParams(window.location.search);
  initial.forEach(function (v, k) { if (form.elements[k]) form.elements[k].value = v; });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    history.replaceState(null, "", "/graph?" + query().toString());
    load();
  });
  load();
})();
