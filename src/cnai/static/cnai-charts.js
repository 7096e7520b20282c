// Embeds every chart on the page from its inline Vega-Lite spec, with the locally served Vega bundle.
(function () {
  function render() {
    document.querySelectorAll(".cnai-vega[data-spec]").forEach(function (el) {
      var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
      window.vegaEmbed(el, spec, { actions: false, renderer: "svg" }).then(function () {
        el.dataset.rendered = "true";
      }).catch(function (err) {
        el.dataset.rendered = "error";
        console.error("chart " + el.dataset.spec + ": " + err);
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
})();
