// Charts arrive drawn: each .cnai-vega holds an SVG rendered at build time (cnai.site.charts.static_svg) and its input
// widgets as plain HTML, so a page runs no chart code while it loads. A chart becomes live (tooltips, filters,
// legend selection) when a reader points at it, touches it or focuses one of its widgets: this script then loads
// the Vega bundle (once per page; it starts loading on the reader's first scroll, key or pointer move) and swaps
// the static chart for one drawn by vega-embed from the inline spec, keeping any option already chosen.
// data-rendered: "static" (as built), "loading", "live", or "error" (the static chart stays).
(function () {
  var bundleUrl = new URL("vega-bundle.js", document.currentScript.src).href;
  var bundle = null;

  function loadBundle() {
    if (!bundle) {
      bundle = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = bundleUrl;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("could not load " + bundleUrl)); };
        document.head.append(script);
      });
    }
    return bundle;
  }

  function chosenOptions(el) {
    var chosen = {};
    el.querySelectorAll("form.vega-bindings select").forEach(function (select) {
      chosen[select.name] = select.selectedIndex;
    });
    return chosen;
  }

  async function goLive(el) {
    if (el.dataset.rendered !== "static") return;
    el.dataset.rendered = "loading";
    try {
      await loadBundle();
      var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
      var old = el.querySelector(".cnai-vega-chart");
      var chart = old.cloneNode(false);
      // In the page while it is drawn, so that a chart whose width follows its container can measure the column
      // (detached, it measured 0 and drew nothing); hidden and without height until it replaces the static one.
      chart.style.cssText += ";height:0;overflow:hidden;visibility:hidden";
      old.after(chart);
      var form = document.createElement("form");
      form.className = "vega-bindings";
      var result = await window.vegaEmbed(chart, spec, { actions: false, renderer: "svg", bind: form });
      var chosen = chosenOptions(el);
      var focused = el.contains(document.activeElement) ? document.activeElement : null;
      // vega-view's select sets its parameter to options[selectedIndex] on "change", keeping the option's type.
      form.querySelectorAll("select").forEach(function (select) {
        if (select.name in chosen && select.selectedIndex !== chosen[select.name]) {
          select.selectedIndex = chosen[select.name];
          select.dispatchEvent(new Event("change"));
        }
      });
      await result.view.runAsync();
      ["height", "overflow", "visibility"].forEach(function (name) { chart.style.removeProperty(name); });
      el.replaceChildren(chart);
      if (form.childElementCount) el.append(form);
      if (focused === old) chart.focus();  // keyboard focus stays where the reader put it: the chart, or its widget
      else if (focused) form.querySelector("select[name='" + focused.name + "']").focus();
      el.dataset.rendered = "live";
    } catch (err) {
      el.dataset.rendered = "error";
      console.error("chart " + el.dataset.spec + ": " + err);
    }
  }

  function wake(event) {
    var el = event.target.closest && event.target.closest(".cnai-vega");
    if (el) goLive(el);
  }

  function warmUp(event) {
    // a table's own scroller (DataTables sets its scroll position as it draws) is not the reader scrolling
    if (event && event.type === "scroll" && event.target !== document) return;
    ["scroll", "keydown", "pointermove", "touchstart"].forEach(function (type) {
      window.removeEventListener(type, warmUp, true);
    });
    if (document.querySelector(".cnai-vega")) loadBundle().catch(function () {});
  }

  ["pointerover", "touchstart", "focusin", "change"].forEach(function (type) {
    document.addEventListener(type, wake, { capture: true, passive: true });
  });
  ["scroll", "keydown", "pointermove", "touchstart"].forEach(function (type) {
    window.addEventListener(type, warmUp, { capture: true, passive: true });
  });
})();
