/* Search result snippets come from the page's text (searchtools.js, Search.htmlToText). A chart's static SVG
   (axis labels, tick values), its data table and its download links are text too, and would fill the snippet with
   numbers: drop them before Sphinx takes the text. Loaded on the search page only (cnai.site.sphinx_ext). */
(function () {
  // searchtools.js declares `const Search`: a global binding, not a property of window
  if (typeof Search === "undefined" || !Search.htmlToText) return;
  var original = Search.htmlToText;
  Search.htmlToText = function (htmlString, anchor) {
    var doc = new DOMParser().parseFromString(htmlString, "text/html");
    doc.querySelectorAll(".cnai-vega, .cnai-data, .cnai-downloads, .cnai-wordcloud").forEach(function (el) { el.remove(); });
    return original(doc.documentElement.outerHTML, anchor);
  };
})();
