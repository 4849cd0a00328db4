// The drill-down page (/explore) lets a leader question the map and the charts: a tooltip with an
// area's name, value and counts (data-* attributes the server writes on each area), wheel zoom and
// drag pan of the map's viewBox with a reset button, and the values of a chart's nearest bucket
// (its data-points). All bound here by delegation: the page's Content-Security-Policy refuses inline
// handlers, and Blazor replaces the map's markup whenever its values change.
(function () {
  "use strict";

  var mapSelector = "#explore-map svg";
  var tip = null;
  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "cs-tooltip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    return tip;
  }
  function show(lines, clientX, clientY) {
    var t = tooltip();
    t.replaceChildren.apply(t, lines.map(function (line, i) {
      var div = document.createElement(i === 0 ? "strong" : "div");
      div.textContent = line;
      return div;
    }));
    t.style.display = "block";
    // Beside the pointer, flipped to its other side near the window's right or bottom edge.
    var x = clientX + 14, y = clientY + 14;
    if (x + t.offsetWidth > window.innerWidth) x = clientX - t.offsetWidth - 14;
    if (y + t.offsetHeight > window.innerHeight) y = clientY - t.offsetHeight - 14;
    t.style.left = Math.max(0, x) + "px";
    t.style.top = Math.max(0, y) + "px";
  }
  function hide() { if (tip) tip.style.display = "none"; }

  // The map's view: kept per page address, so a re-rendered map keeps its zoom and another area starts whole.
  var view = null;   // { path, box: [x, y, w, h], base: [x, y, w, h] }
  function baseBox(svg) {
    if (!svg.dataset.baseViewBox) svg.dataset.baseViewBox = svg.getAttribute("viewBox");
    return svg.dataset.baseViewBox.split(/[\s,]+/).map(Number);
  }
  function apply(svg, box) {
    view = { path: location.pathname, box: box, base: baseBox(svg) };
    svg.setAttribute("viewBox", box.join(" "));
  }
  function restore() {
    if (!view) return;   // nothing zoomed: costs nothing on the wall, which loads this file too
    var svg = document.querySelector(mapSelector);
    if (!svg || view.path !== location.pathname) return;
    baseBox(svg);
    if (svg.getAttribute("viewBox") !== view.box.join(" ")) svg.setAttribute("viewBox", view.box.join(" "));
  }
  new MutationObserver(restore).observe(document.documentElement, { childList: true, subtree: true });

  function toSvg(svg, clientX, clientY) {
    var m = svg.getScreenCTM();
    if (!m) return null;
    var p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y, scale: m.a };
  }

  document.addEventListener("wheel", function (e) {
    var svg = e.target.closest && e.target.closest(mapSelector);
    if (!svg) return;
    e.preventDefault();
    var base = baseBox(svg), box = svg.getAttribute("viewBox").split(/[\s,]+/).map(Number);
    var p = toSvg(svg, e.clientX, e.clientY);
    if (!p) return;
    // From the whole map (1x) to 20x; the point under the pointer stays where it is.
    var factor = Math.pow(1.0015, e.deltaY);
    var w = Math.min(base[2], Math.max(base[2] / 20, box[2] * factor));
    var f = w / box[2];
    apply(svg, [p.x - (p.x - box[0]) * f, p.y - (p.y - box[1]) * f, w, box[3] * f].map(round));
  }, { passive: false });

  function round(v) { return Math.round(v * 100) / 100; }

  // Drag pan: a press that moves more than a few pixels pans, and its click does not drill down.
  var press = null, dragged = false;
  document.addEventListener("pointerdown", function (e) {
    var svg = e.button === 0 && e.target.closest && e.target.closest(mapSelector);
    press = svg ? { svg: svg, x: e.clientX, y: e.clientY, box: svg.getAttribute("viewBox").split(/[\s,]+/).map(Number) } : null;
    dragged = false;
  });
  window.addEventListener("pointermove", function (e) {
    if (!press || !(e.buttons & 1)) return;
    var dx = e.clientX - press.x, dy = e.clientY - press.y;
    if (!dragged && Math.abs(dx) + Math.abs(dy) < 5) return;
    dragged = true;
    hide();
    var m = press.svg.getScreenCTM();
    if (!m) return;
    var b = press.box;
    apply(press.svg, [b[0] - dx / m.a, b[1] - dy / m.d, b[2], b[3]].map(round));
  });
  window.addEventListener("pointerup", function () { press = null; });
  document.addEventListener("click", function (e) {
    if (dragged && e.target.closest && e.target.closest(mapSelector)) {
      e.stopImmediatePropagation();
      e.preventDefault();
    }
    dragged = false;
  }, true);

  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("[data-map-reset]");
    if (!button) return;
    var svg = document.querySelector(button.getAttribute("data-map-reset"));
    if (svg) apply(svg, baseBox(svg));
    view = null;
  });

  // Hover: an area of the map, or the nearest bucket of a chart on this page.
  document.addEventListener("pointermove", function (e) {
    if (press && dragged) return;
    var t = e.target;
    var area = t.closest && t.closest(mapSelector + " [data-area-id]");
    if (area) {
      var title = area.querySelector("title");
      if (title) title.remove();   // the browser's own tooltip would double ours
      var lines = [area.getAttribute("data-name"), "数值：" + area.getAttribute("data-value")];
      var counts = area.getAttribute("data-counts");
      if (counts) lines.push("计数：" + counts);
      show(lines, e.clientX, e.clientY);
      return;
    }
    var chart = t.closest && t.closest(".explore-charts svg[data-points]");
    if (chart) {
      var points = chart._points || (chart._points = JSON.parse(chart.getAttribute("data-points")));
      var p = toSvg(chart, e.clientX, e.clientY);
      if (p && points.length) {
        var nearest = points.reduce(function (a, b) { return Math.abs(b.x - p.x) < Math.abs(a.x - p.x) ? b : a; });
        show([nearest.t].concat(nearest.values.map(function (v) { return v.name + "：" + v.v; })), e.clientX, e.clientY);
        return;
      }
    }
    hide();
  });
  document.addEventListener("pointerleave", hide);
})();
