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
    const simplified = import("./cnai-t2s.js").catch(() => null); // written with the site (cnai.site.search)
    window[flag] = Promise.all([import("./dt_bundle.js"), simplified]).then(([bundle]) => {
      searchInBothScripts(bundle.default);
      return bundle;
    });
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

// A reader who types 攜程 finds the rows written 携程, and the reverse: DataTables passes both the search text and
// every cell through one normaliser (DataTable.util.diacritics); this one is DataTables' own (accents removed; with
// `both`, the text as written kept too) followed by cnaiSimplified, Traditional to Simplified by character.
function searchInBothScripts(DataTable) {
  const simplified = window.cnaiSimplified;
  if (!simplified || !DataTable || !DataTable.util) return;
  DataTable.util.diacritics((text, both) => {
    if (typeof text !== "string") return text;
    const decomposed = text.normalize("NFD");
    const plain = decomposed.length === text.length ? decomposed
      : (both === true ? text + " " : "") + decomposed.replace(/[\u0300-\u036f]/g, "");
    return simplified(plain);
  });
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
