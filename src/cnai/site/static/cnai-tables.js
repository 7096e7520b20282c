// An ES module, imported by cnai-itables.js (which cnai.site.sphinx_ext writes for the installed itables version).
// Searchable tables are itables' offline DataTables. Its bundle is the heaviest script on a chapter page and the
// tables sit near the end, so it loads, with its stylesheet, only when a table comes near the screen. Until then
// a table shows its caption and header, and its CSV link works.
export function loadWhenNear(flag, readyEvent) {
  const load = () => {
    if (window[flag]) return;
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("./dt_bundle.css", import.meta.url).href;
    document.head.append(css);
    window[flag] = import("./dt_bundle.js");
    window[flag].then(() => window.dispatchEvent(new Event(readyEvent)));
  };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      load();
    }
  }, { rootMargin: "800px 0px" });
  document.querySelectorAll(".cnai-table").forEach((box) => observer.observe(box));
}

// DataTables labels every pager <nav> "pagination"; on a page with two tables the landmarks are ambiguous
// (axe: landmark-unique). Name each pager after its table's caption.
function labelPagers() {
  document.querySelectorAll(".cnai-table").forEach((box) => {
    const nav = box.querySelector("nav[aria-label='pagination']");
    const caption = box.querySelector("caption");
    if (nav) nav.setAttribute("aria-label", "分页：" + (caption ? caption.textContent.trim() : box.id));
  });
}
new MutationObserver(labelPagers).observe(document.documentElement, { childList: true, subtree: true });
