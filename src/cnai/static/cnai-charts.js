// Draws every chart on the page from its inline Vega-Lite spec, with the locally served Vega bundle. Charts are
// drawn one task at a time, those on screen first, so that drawing a dozen charts never blocks the page for long.
(function () {
  function nextTask() {
    return new Promise(function (resolve) { setTimeout(resolve, 0); });
  }

  function onScreen(el) {
    var box = el.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0;
  }

  function draw(el) {
    var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
    return window.vegaEmbed(el, spec, { actions: false, renderer: "svg" }).then(function () {
      el.dataset.rendered = "true";
    }).catch(function (err) {
      el.dataset.rendered = "error";
      console.error("chart " + el.dataset.spec + ": " + err);
    });
  }

  async function render() {
    var charts = Array.from(document.querySelectorAll(".cnai-vega[data-spec]"));
    var first = charts.filter(onScreen);
    var queue = first.concat(charts.filter(function (el) { return first.indexOf(el) < 0; }));
    for (var i = 0; i < queue.length; i++) {
      await draw(queue[i]);
      await nextTask();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
})();
