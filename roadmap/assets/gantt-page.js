/* The Gantt page's script (roadmap/gantt/page.py inlines it): rows, labels, views, print.
 *
 * The figure from Python counts rows: row r is centred on y = r, its edges at r +- 0.5.
 * This script decides how tall each row is and which rows show, then maps every y in
 * the figure to those positions and draws it:
 *   - a row is as tall as its label needs (names wrap, never cut), at least one unit;
 *   - a collapsed phase hides its packages, "nur Meilensteine und Beschlüsse" hides
 *     the tasks; points on hidden rows are dropped, a link touching one is dropped;
 *   - presentation mode: larger unit and fonts (>= 16 px), float tails hidden, phases
 *     collapsed, the page's other content hidden;
 *   - print: the chart at the page's width.
 * After every drawing (and zoom, resize, print) each label is placed at its row's
 * centre as plotly itself computes it (_fullLayout: plot area and y axis), so a label
 * cannot drift from its row, whatever the window, zoom or legend does; holiday names
 * that would run into each other or out of the plot are hidden.
 * Plan text reaches the DOM only as escaped HTML (from Python) or via textContent.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var div = document.getElementById("gantt");
  var chart = div.parentElement;
  var column = document.getElementById("gantt-rows");
  var spec = JSON.parse(document.getElementById("gantt-spec").textContent);
  var labels = Array.prototype.slice.call(column.querySelectorAll("[data-row]"));
  var rows = spec.rows; // [kind, phase, milestone (0/1)] per row
  var n = rows.length;
  var phases = [];
  rows.forEach(function (r) { if (r[0] === "phase") { phases.push(r[1]); } });
  var state = {present: false, milestones: false, collapsed: {}, links: spec.links, chain: null,
               print: false};
  var view = null, drawing = null, again = false, first = true, zoomed = false;
  var POINT_KEYS = ["x", "y", "base", "customdata", "hovertext", "text"];
  var MARKER_KEYS = ["size", "symbol", "color"];

  function mode() { return spec.sizes[state.print ? "print" : state.present ? "present" : "normal"]; }

  /* ---- rows: visibility, heights from the labels, positions in units ------------------ */

  /* The printed page's content box in CSS px, from the last @page rule (size and margin):
     while the print media change fires, the layout still has the window's width. */
  function paper() {
    var size = "a3 landscape", margin = 10, sheets = document.styleSheets;
    for (var i = 0; i < sheets.length; i++) {
      var rules = sheets[i].cssRules || [];
      for (var j = 0; j < rules.length; j++) {
        if (rules[j].type !== 6) { continue; } // CSSRule.PAGE_RULE
        var style = rules[j].style;
        if (style.size) { size = style.size.toLowerCase(); }
        if (/mm$/.test(style.marginLeft || "")) { margin = parseFloat(style.marginLeft); }
      }
    }
    var named = {a3: [297, 420], a4: [210, 297], a5: [148, 210], letter: [215.9, 279.4]};
    var words = size.split(/\s+/), dims = null;
    words.forEach(function (w) { if (named[w]) { dims = named[w].slice(); } });
    if (!dims) {
      var mm = words.filter(function (w) { return /mm$/.test(w); }).map(parseFloat);
      dims = mm.length === 2 ? mm : named.a3;
    }
    if (words.indexOf("landscape") >= 0 && dims[0] < dims[1]) { dims.reverse(); }
    var px = 96 / 25.4;
    return {width: (dims[0] - 2 * margin) * px, height: (dims[1] - 2 * margin) * px};
  }

  function layoutRows() {
    var m = mode();
    var sheet = state.print ? paper() : null;
    var width = sheet ? Math.floor(sheet.width) : chart.clientWidth;
    var share = sheet && sheet.height > sheet.width && m.col_share_portrait ? m.col_share_portrait : m.col_share;
    var col = Math.round(Math.min(m.col_max, Math.max(m.col_min, width * share)));
    chart.style.setProperty("--col", col + "px");
    var visible = rows.map(function (r) {
      if (r[0] !== "package") { return true; }
      if (state.collapsed[r[1]]) { return false; }
      return !(state.milestones && !r[2]);
    });
    labels.forEach(function (el, i) { el.hidden = !visible[i]; });
    // Print: the largest (label font, row unit, line height) whose chart fits below the header on the
    // first sheet; if none does, the largest, and the chart continues on the next sheet.
    var heights, unit = m.unit;
    if (state.print) {
      var room = sheet.height - chart.offsetTop - m.top - m.bottom - 8;
      var fits = spec.print_fit, k;
      for (k = 0; k < fits.length; k++) {
        chart.style.setProperty("--print-font", fits[k][0] + "px");
        chart.style.setProperty("--print-line", String(fits[k][2] || 1.2));
        heights = measureRows(visible);
        if (rowPixels(heights, visible, fits[k][1], m.pad) <= room) { break; }
      }
      if (k === fits.length) {
        k = 0;
        chart.style.setProperty("--print-font", fits[0][0] + "px");
        chart.style.setProperty("--print-line", String(fits[0][2] || 1.2));
        heights = measureRows(visible);
      }
      unit = fits[k][1];
    } else {
      heights = measureRows(visible);
    }
    var top = new Array(n), height = new Array(n), pos = 0;
    for (var i = 0; i < n; i++) {
      top[i] = pos;
      height[i] = visible[i] ? Math.max(1, (heights[i] + m.pad) / unit) : 0;
      pos += height[i];
    }
    pos = Math.max(pos, 1);
    if (state.present && !state.print) { // fill the screen: taller rows while they fit, up to 1.6 x
      var screen = window.innerHeight - chart.offsetTop - m.top - m.bottom - 4;
      unit = Math.max(m.unit, Math.min(1.6 * m.unit, screen / pos));
    }
    return {visible: visible, top: top, height: height, total: pos, unit: unit,
            col: col, width: width, m: m};
  }

  function measureRows(visible) {
    return labels.map(function (el, i) { return visible[i] ? el.offsetHeight : 0; });
  }

  function rowPixels(heights, visible, unit, pad) {
    var sum = 0;
    for (var i = 0; i < n; i++) { if (visible[i]) { sum += Math.max(unit, heights[i] + pad); } }
    return sum;
  }

  function mapY(v) {
    if (typeof v !== "number") { return v; }
    var r = Math.round(v), d = v - r;
    if (Math.abs(Math.abs(d) - 0.5) < 1e-6) { // a row's edge: the rows above it end here
      var below = Math.round(v + 0.5);
      return below <= 0 ? 0 : below >= n ? view.total : view.top[below];
    }
    r = Math.min(n - 1, Math.max(0, r));
    if (!view.visible[r]) { return NaN; }
    var h = view.height[r];
    return view.top[r] + h / 2 + Math.max(-h / 2, Math.min(h / 2, d));
  }

  /* ---- the figure for the current view ------------------------------------------------ */
  function keepPoints(trace, keep) {
    var out = Object.assign({}, trace);
    POINT_KEYS.forEach(function (k) {
      if (Array.isArray(trace[k])) { out[k] = trace[k].filter(function (_, i) { return keep[i]; }); }
    });
    ["marker", "textfont"].forEach(function (part) {
      if (!trace[part]) { return; }
      out[part] = Object.assign({}, trace[part]);
      MARKER_KEYS.forEach(function (k) {
        if (Array.isArray(trace[part][k])) {
          out[part][k] = trace[part][k].filter(function (_, i) { return keep[i]; });
        }
      });
      if (trace[part].line && Array.isArray(trace[part].line.color)) {
        out[part].line = Object.assign({}, trace[part].line,
          {color: trace[part].line.color.filter(function (_, i) { return keep[i]; })});
      }
    });
    return out;
  }

  function mapTrace(trace, m) { // the trace for the current view (a copy where it changes)
    var meta = trace.meta || {};
    var role = meta.role;
    var out = trace;
    if (role === "chain") {
      var c = state.chain && spec.chains[state.chain];
      out = Object.assign({}, trace, {x: c ? c.x : [], y: c ? c.y : []});
    }
    var ys = out.y;
    if (Array.isArray(ys)) {
      var y = ys.map(mapY), keep = y.map(function (v) { return v === null || !isNaN(v); });
      if (meta.segments) { // polylines split by null: a polyline touching a hidden row goes
        var start = 0;
        for (var i = 0; i <= y.length; i++) {
          if (i < y.length && y[i] !== null) { continue; }
          var ok = true;
          for (var j = start; j < i; j++) { ok = ok && keep[j]; }
          if (!ok) {
            for (j = start; j < i; j++) { keep[j] = false; }
            if (i < y.length) { keep[i] = false; }
          }
          start = i + 1;
        }
      }
      out = keepPoints(Object.assign({}, out, {y: y}), keep);
    }
    var visible = out.visible;
    if (role === "float") { visible = !state.present; }
    if (role === "links-all") { visible = state.links === "all"; }
    if (role === "links-critical") { visible = state.links !== "none"; }
    if (visible !== out.visible) { out = Object.assign({}, out, {visible: visible}); }
    var scale = view.unit / spec.sizes.normal.unit;
    if (meta.scale && out.marker && typeof out.marker.size === "number" && scale !== 1) {
      out = Object.assign({}, out, {marker: Object.assign({}, out.marker, {size: out.marker.size * scale})});
    }
    if (meta.text && out.textfont) {
      out = Object.assign({}, out, {textfont: Object.assign({}, out.textfont, {size: m.text})});
    }
    return out;
  }

  function derive() {
    var m = view.m, base = spec.figure.layout;
    var data = spec.figure.data.map(function (t) { return mapTrace(t, m); });
    var layout = Object.assign({}, base);
    var range = zoomed && div.layout && div.layout.xaxis && Array.isArray(div.layout.xaxis.range)
      ? div.layout.xaxis.range.slice() : null;
    var step = monthStep(range ? months(range) : spec.months, view.width - view.col - base.margin.r, m.tick);
    layout.width = view.width;
    layout.height = Math.round(m.top + m.bottom + view.total * view.unit);
    layout.margin = Object.assign({}, base.margin, {l: view.col, t: m.top, b: m.bottom});
    layout.font = Object.assign({}, base.font, {size: m.font});
    layout.hoverlabel = Object.assign({}, base.hoverlabel,
      {font: Object.assign({}, base.hoverlabel.font, {size: Math.max(m.font, 13)})});
    layout.xaxis = Object.assign({}, base.xaxis, {
      dtick: "M" + step, tickformat: step < 12 ? "%b\n%Y" : "%Y",
      tickfont: Object.assign({}, base.xaxis.tickfont, {size: m.tick})});
    if (range) { layout.xaxis.range = range; } // keep a zoom across redraws
    layout.yaxis = Object.assign({}, base.yaxis, {range: [view.total, 0], showticklabels: false});
    layout.shapes = (base.shapes || []).map(function (s) {
      if (s.yref && s.yref !== "y") { return s; }
      var y0 = mapY(s.y0), y1 = mapY(s.y1);
      return Object.assign({}, s, {y0: y0, y1: y1, visible: !(isNaN(y0) || isNaN(y1))});
    });
    layout.annotations = (base.annotations || []).map(function (a) {
      var out = Object.assign({}, a, {font: Object.assign({}, a.font,
        {size: a.name === "window" ? m.note : m.font})});
      if (!a.yref || a.yref === "y") { out.y = mapY(a.y); out.visible = !isNaN(out.y); }
      return out;
    });
    return {data: data, layout: layout};
  }

  /* Months per tick label, so that month names keep apart (frame.month_step in Python). */
  function monthStep(count, plotWidth, font) {
    return [1, 2, 3, 6, 12].filter(function (s) { return s * plotWidth / count >= 2.8 * font; })[0] || 12;
  }

  function months(range) {
    return Math.max(0.25, (new Date(range[1]) - new Date(range[0])) / (30.44 * 864e5));
  }

  /* After a zoom: month labels for the new span. */
  function retick() {
    var xa = div._fullLayout.xaxis, step = monthStep(months(xa.range), div._fullLayout._size.w, view.m.tick);
    if (xa.dtick !== "M" + step) {
      Plotly.relayout(div, {"xaxis.dtick": "M" + step, "xaxis.tickformat": step < 12 ? "%b\n%Y" : "%Y"});
    }
  }

  /* ---- after every drawing: labels on their rows, no overlapping names ----------------- */
  function place() {
    var full = div._fullLayout;
    if (!full || !view || !full.yaxis) { return; }
    var top = div.offsetTop + full._size.t, ya = full.yaxis;
    for (var i = 0; i < n; i++) {
      if (!view.visible[i]) { continue; }
      labels[i].style.top = (top + ya.l2p(view.top[i] + view.height[i] / 2)).toFixed(2) + "px";
    }
    column.style.height = div.offsetHeight + "px";
  }

  function declutter() {
    var full = div._fullLayout;
    if (!full) { return; }
    var box = div.getBoundingClientRect();
    var left = box.left + full._size.l, right = left + full._size.w;
    var shown = [];
    var notes = div.querySelectorAll("g.annotation");
    Array.prototype.forEach.call(notes, function (g) {
      var index = +g.getAttribute("data-index");
      var note = full.annotations[index];
      if (!note || note.name !== "window") { return; }
      g.style.display = "";
      var r = g.getBoundingClientRect();
      var clash = r.left < left - 0.5 || r.right > right + 0.5 || shown.some(function (o) {
        return r.left < o.right + 2 && o.left < r.right + 2 && r.top < o.bottom && o.top < r.bottom;
      });
      if (clash) { g.style.display = "none"; } else { shown.push(r); }
    });
  }

  function after() { place(); declutter(); }

  /* ---- drawing ------------------------------------------------------------------------ */
  function render() {
    if (drawing) { again = true; return drawing; }
    root.removeAttribute("data-gantt-ready");
    document.body.classList.toggle("presenting", state.present);
    view = layoutRows();
    var fig = derive();
    drawing = Plotly.react(div, fig.data, fig.layout, spec.config).then(function () {
      after();
      drawing = null;
      if (again) { again = false; return render(); }
      if (first) {
        first = false;
        root.setAttribute(spec.rendered, String(performance.now()));
        div.on("plotly_afterplot", after);
        div.on("plotly_relayout", function (e) {
          var ranged = e && (e["xaxis.range[0]"] || e["xaxis.range"]);
          if (ranged) { zoomed = true; }
          if (e && e["xaxis.autorange"]) { zoomed = false; }
          if (ranged || (e && e["xaxis.autorange"])) { retick(); }
          after();
        });
        div.on("plotly_click", function (e) {
          var p = e && e.points && e.points[0];
          if (p && spec.chains[p.customdata]) { showChain(p.customdata); }
        });
      }
      root.setAttribute("data-gantt-ready", "");
    });
    return drawing;
  }

  /* ---- views and controls ------------------------------------------------------------- */
  var $ = function (id) { return document.getElementById(id); };
  var saved = null;

  function sync() {
    $("g-present").setAttribute("aria-pressed", String(state.present));
    $("g-milestones").setAttribute("aria-pressed", String(state.milestones));
    var button = $("g-phases");
    button.firstChild.nodeValue = (anyCollapsed() ? button.getAttribute("data-expand")
                                                  : button.getAttribute("data-collapse")) + " ";
    labels.forEach(function (el) {
      var p = el.getAttribute("data-phase");
      if (p !== null) { el.setAttribute("aria-expanded", String(!state.collapsed[p])); }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-links]"), function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-links") === state.links));
    });
    var tokens = [];
    if (state.present) { tokens.push("praesentation"); }
    if (state.milestones) { tokens.push("meilensteine"); }
    var hash = tokens.length ? "#" + tokens.join("+") : "";
    if (hash !== location.hash && (hash || location.hash)) {
      history.replaceState(null, "", hash || location.pathname + location.search);
    }
  }

  function present(on, gesture) {
    if (on === state.present) { return; }
    state.present = on;
    if (on) {
      saved = Object.assign({}, state.collapsed);
      phases.forEach(function (p) { state.collapsed[p] = true; });
      if (gesture && root.requestFullscreen && !document.fullscreenElement) {
        root.requestFullscreen().catch(function () {});
      }
    } else {
      state.collapsed = saved || {};
      if (document.fullscreenElement && document.exitFullscreen) { document.exitFullscreen().catch(function () {}); }
    }
    update();
  }

  function update() { sync(); render(); }

  function anyCollapsed() { return phases.some(function (p) { return state.collapsed[p]; }); }

  function togglePhases() { // any phase folded: open all; else fold all
    var fold = !anyCollapsed();
    phases.forEach(function (p) { state.collapsed[p] = fold; });
    update();
  }

  function milestonesOnly(on) { // the milestones of every phase: open the folded ones
    state.milestones = on;
    if (on) { state.collapsed = {}; }
    update();
  }

  function showChain(id) {
    var c = spec.chains[id];
    if (!c) { return; }
    state.chain = id;
    $("g-chain-title").textContent = spec.text.chain_of.replace("{name}", c.name);
    var list = $("g-chain-steps");
    list.textContent = "";
    c.steps.forEach(function (s) { var li = document.createElement("li"); li.textContent = s; list.appendChild(li); });
    $("g-chain").hidden = false;
    labels.forEach(function (el, i) { el.classList.toggle("in-chain", c.rows.indexOf(i) >= 0); });
    render();
  }

  function hideChain() {
    state.chain = null;
    $("g-chain").hidden = true;
    labels.forEach(function (el) { el.classList.remove("in-chain"); });
    render();
  }

  function fromHash() {
    var tokens = decodeURIComponent(location.hash.replace(/^#/, "")).toLowerCase().split(/[+,&]/);
    var wantPresent = tokens.indexOf("praesentation") >= 0 || tokens.indexOf("präsentation") >= 0 ||
                      tokens.indexOf("presentation") >= 0;
    var wantMilestones = tokens.indexOf("meilensteine") >= 0 || tokens.indexOf("milestones") >= 0;
    if (wantPresent !== state.present) { present(wantPresent, false); }
    if (wantMilestones !== state.milestones) { milestonesOnly(wantMilestones); } else { update(); }
  }

  $("g-present").addEventListener("click", function () { present(!state.present, true); });
  $("g-milestones").addEventListener("click", function () { milestonesOnly(!state.milestones); });
  $("g-phases").addEventListener("click", togglePhases);
  $("g-chain-close").addEventListener("click", hideChain);
  Array.prototype.forEach.call(document.querySelectorAll("[data-links]"), function (b) {
    b.addEventListener("click", function () { state.links = b.getAttribute("data-links"); update(); });
  });
  column.addEventListener("click", function (e) {
    var el = e.target.closest ? e.target.closest("button.label") : null;
    if (!el) { return; }
    var phase = el.getAttribute("data-phase"), id = el.getAttribute("data-id");
    if (phase !== null) { state.collapsed[phase] = !state.collapsed[phase]; update(); }
    else if (id !== null) { if (state.chain === id) { hideChain(); } else { showChain(id); } }
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) { return; }
    var key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (key === "p") { present(!state.present, true); }
    else if (key === "m") { milestonesOnly(!state.milestones); }
    else if (key === "a") { togglePhases(); }
    else if (key === "Escape") { if (state.chain) { hideChain(); } else if (state.present) { present(false, false); } }
    else { return; }
    e.preventDefault();
  });
  window.addEventListener("hashchange", fromHash);
  var pending = 0;
  window.addEventListener("resize", function () {
    if (state.print) { return; }
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () { render(); });
  });
  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement && state.present && !state.print) { render(); }
  });

  /* ---- print: the chart at the width of the paper, and back --------------------------- */
  function printing(on, media) {
    // beforeprint comes while the screen's layout still holds; the media change to print
    // comes with the paper's width: draw again then.
    if (on === state.print && !media) { return; }
    state.print = on;
    document.body.classList.toggle("printing", on);
    drawing = null; // draw now: the page is printed as soon as this handler returns
    view = layoutRows();
    var fig = derive();
    Plotly.react(div, fig.data, fig.layout, spec.config);
    after();
  }
  var query = window.matchMedia("print");
  if (query.addEventListener) { query.addEventListener("change", function (e) { printing(e.matches, true); }); }
  window.addEventListener("beforeprint", function () { printing(true); });
  window.addEventListener("afterprint", function () { printing(false); });

  if (location.hash) { fromHash(); } else { sync(); render(); }
})();
