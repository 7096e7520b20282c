// DataTables labels every pager <nav> "pagination"; on a page with two tables the landmarks are ambiguous
// (axe: landmark-unique). Name each pager after its table's caption.
(function () {
  function label(root) {
    root.querySelectorAll(".cnai-table").forEach(function (box) {
      var nav = box.querySelector("nav[aria-label='pagination']");
      var caption = box.querySelector("caption");
      if (nav) nav.setAttribute("aria-label", "分页：" + (caption ? caption.textContent.trim() : box.id));
    });
  }
  new MutationObserver(function () { label(document); })
    .observe(document.documentElement, { childList: true, subtree: true });
})();
