// The wall runs unattended: scale the design canvas to the screen, drill down on map clicks,
// never give up reconnecting, show how old the picture is while cut off, and reload when the
// server no longer knows this circuit (it restarted).
(function () {
  "use strict";

  // fit: the whole canvas, letterboxed; fill: cover the screen, cropping the overflow; real: 1:1,
  // centred. One scale for both axes always, so text is never squashed on odd spliced walls.
  function fit() {
    document.querySelectorAll(".stage").forEach(function (stage) {
      var w = +stage.dataset.canvasWidth || 1920, h = +stage.dataset.canvasHeight || 1080;
      var mode = stage.dataset.scale || "fit";
      var sx = window.innerWidth / w, sy = window.innerHeight / h;
      var s = mode === "fill" ? Math.max(sx, sy) : mode === "real" ? 1 : Math.min(sx, sy);
      var canvas = stage.querySelector(".canvas");
      if (!canvas) return;
      canvas.style.transform = "scale(" + s + ")";
      canvas.style.left = Math.round((window.innerWidth - w * s) / 2) + "px";
      canvas.style.top = Math.round((window.innerHeight - h * s) / 2) + "px";
    });
  }
  window.addEventListener("resize", fit);
  new MutationObserver(fit).observe(document.documentElement, { childList: true, subtree: true });

  // A click on an area of a map drills down: on the wall to its wall page, in the drill-down
  // page (data-drill) to its drill-down page. The wall keeps its own presentation (layout, scale)
  // and nothing else of its address: credentials never travel in links.
  var keptOnDrillDown = ["layout", "scale"];
  function presentation() {
    var from = new URLSearchParams(location.search), kept = new URLSearchParams();
    keptOnDrillDown.forEach(function (name) { if (from.has(name)) kept.set(name, from.get(name)); });
    var query = kept.toString();
    return query ? "?" + query : "";
  }
  document.addEventListener("click", function (e) {
    var area = e.target.closest && e.target.closest("#wall-map [data-area-id], [data-drill] [data-area-id]");
    if (!area) return;
    var drill = area.closest("[data-drill]");
    var base = drill ? drill.getAttribute("data-drill") : "/screen/";
    var target = base + encodeURIComponent(area.getAttribute("data-area-id")) + (drill ? "" : presentation());
    if (window.Blazor && Blazor.navigateTo) Blazor.navigateTo(target);
    else location.href = target;
  });

  // PNG export of a map or chart: the SVG drawn onto a canvas at twice its size, then downloaded.
  window.cityScreen = {
    exportPng: function (selector, fileName) {
      var svg = document.querySelector(selector);
      if (!svg) return;
      var box = svg.getBoundingClientRect();
      var clone = svg.cloneNode(true);
      clone.setAttribute("width", box.width);
      clone.setAttribute("height", box.height);
      var url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: "image/svg+xml" }));
      var img = new Image();
      img.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = box.width * 2; canvas.height = box.height * 2;
        var g = canvas.getContext("2d");
        g.fillStyle = "#0b1a2e"; g.fillRect(0, 0, canvas.width, canvas.height);
        g.drawImage(img, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        canvas.toBlob(function (blob) {
          var a = document.createElement("a");
          a.href = URL.createObjectURL(blob); a.download = fileName; a.click();
        }, "image/png");
      };
      img.src = url;
    }
  };

  // The fleet view (/admin/walls) asks each wall, through its circuit, who and how big it is. The
  // id is this tab's, kept across reloads (sessionStorage) so a reloaded wall stays the same wall;
  // the heap size only where the browser tells it (Chromium's performance.memory).
  var wallId = null;
  function newWallId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);   // unlike randomUUID, also on plain http inside a city's network
    return "w-" + Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }
  window.cityScreen.wallProbe = function () {
    if (!wallId) {
      try {
        wallId = sessionStorage.getItem("cityscreen.wall-id");
        if (!wallId) { wallId = newWallId(); sessionStorage.setItem("cityscreen.wall-id", wallId); }
      } catch (e) {
        wallId = wallId || newWallId();   // storage refused: an id for this page's life
      }
    }
    var memory = performance.memory;
    return { id: wallId, width: window.innerWidth, height: window.innerHeight, memoryBytes: memory ? memory.usedJSHeapSize : null };
  };

  // Export buttons (data-export-png): bound here, since the page's Content-Security-Policy
  // refuses inline handlers.
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("[data-export-png]");
    if (button) window.cityScreen.exportPng(button.getAttribute("data-export-png"), button.getAttribute("data-file-name"));
  });

  function markStale() {
    var canvas = document.querySelector(".canvas");
    var at = canvas && canvas.getAttribute("data-data-at");
    var label = document.getElementById("stale-since");
    if (label) label.textContent = "数据截至 " + (at || "--:--:--");
    document.documentElement.classList.add("stale");
  }

  function reloadWhenServerIsBack() {
    // The circuit is gone for good: wait until the server answers, then start afresh.
    fetch("/healthz", { cache: "no-store" })
      .then(function (r) { if (r.ok) location.reload(); else setTimeout(reloadWhenServerIsBack, 2000); })
      .catch(function () { setTimeout(reloadWhenServerIsBack, 2000); });
  }

  var modal = document.getElementById("components-reconnect-modal");
  if (modal) {
    modal.addEventListener("components-reconnect-state-changed", function (e) {
      var state = e.detail && e.detail.state;
      if (state === "show" || state === "retrying") markStale();
      else if (state === "hide") document.documentElement.classList.remove("stale");
      else if (state === "failed" || state === "rejected") { markStale(); reloadWhenServerIsBack(); }
    });
  }

  Blazor.start({
    circuit: {
      reconnectionOptions: {
        maxRetries: 1000000000,
        retryIntervalMilliseconds: function (attempt) { return Math.min(1000 * attempt, 5000); }
      }
    }
  }).catch(function () {
    // The server went away between sending the page and opening the circuit: keep the
    // prerendered picture, mark it stale, and start again once the server answers.
    markStale();
    document.getElementById("components-reconnect-modal")?.classList.add("components-reconnect-show");
    reloadWhenServerIsBack();
  });
})();
