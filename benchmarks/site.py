"""Measure the built site in headless Chromium and with Lighthouse; write a section of benchmarks/RESULTS.md.

    python benchmarks/site.py [--html DIR] [--runs 3] [--write]

DIR defaults to the book's _build/html. Without --write the markdown is only printed. The pages are the landing page
and every file in _toc.yml. Each page is measured --runs times and the median reported:

- first visit, fresh browser context, on `python -m http.server` (no compression; Last-Modified but no
  Cache-Control): bytes transferred, split into shared (every `.js`/`.mjs` and font file: the same URLs on every
  page, cacheable) and page-specific (everything else: HTML with the inline chart specs, CSS, images, data). The
  visit includes the lazily loaded images and tables, as a reader who scrolls to the end gets them;
- repeat visit, a new tab in the same context (warm HTTP cache): bytes transferred, and how many responses were
  revalidated (304) or taken from the cache;
- both again on a server that behaves like GitHub Pages (gzip for text, `Cache-Control: max-age=600`);
- charts drawn: every chart arrives as an SVG in the HTML, so the time from navigation start (and from the end of
  the load event) until all of them are in the page with their marks and painted: the later of DOMContentLoaded and
  first contentful paint;
- charts made live: the visit then points at each chart in turn, as a reader would, and records the time from the
  first pointer event on it until vega-embed has replaced the static chart (a script installed before any page
  script stamps both with performance.now()). The first chart's time includes loading the Vega bundle (its download
  starts at the reader's first scroll); the others' is vega-embed alone.

Bytes are Chromium's own count of what came over the wire for each response (headers and body as sent):
`encodedDataLength` of the DevTools protocol event Network.loadingFinished. 1 KB = 1,000 bytes.

Lighthouse (benchmarks/node_modules/.bin/lighthouse, from `npm ci --prefix benchmarks`, with CHROME_PATH set to
Debian's Chromium) runs on every page, on both servers, with its default (mobile, simulated throttling) and desktop
presets; for the judged pair (gzip host, mobile) the run with the median performance score of --runs is reported, the
others run once. Budgets are judged on the gzip host (what the site gets from GitHub Pages,
where it is published) and the mobile preset; http.server and desktop are shown too.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from functools import lru_cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from cnai.site.browser import CHARTS_DRAWN, make_charts_live  # noqa: E402
from cnai.site.build import toc_files  # noqa: E402
from cnai.paths import BUILD  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"  # npm ci --prefix benchmarks
SHARED_SUFFIXES = (".js", ".mjs", ".woff2", ".woff", ".ttf", ".otf")
GZIP_SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".csv", ".txt", ".xml", ".map")
PAGES_MAX_AGE = 600  # what GitHub Pages sends
HOSTS = {"http.server": False, "gzip host": True}  # name: behaves like GitHub Pages
PRESETS = ("mobile", "desktop")
BUDGET = {"performance": 0.95, "accessibility": 1.0, "page_kb": 400, "charts_s": 1.0}  # issues 13 and 14
JUDGED = ("gzip host", "mobile")  # the server and preset the budgets are judged on
BEGIN, END = "<!-- benchmarks/site.py: begin -->", "<!-- benchmarks/site.py: end -->"

# Installed before any page script: when a reader first points at each chart, and when it became live (-1: failed).
CHARTS_CLOCK = """
window.__charts = {pointed: {}, settled: {}};
document.addEventListener('pointerover', event => {
  const el = event.target.closest && event.target.closest('.cnai-vega');
  if (el && !(el.dataset.spec in window.__charts.pointed)) window.__charts.pointed[el.dataset.spec] = performance.now();
}, true);
new MutationObserver(records => {
  for (const record of records) {
    const state = record.target.dataset.rendered;
    if (state === 'live' || state === 'error')
      window.__charts.settled[record.target.dataset.spec] = state === 'live' ? performance.now() : -1;
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-rendered']});
"""
# When every chart was on the page, drawn: the static SVGs arrive with the HTML (parsed by DOMContentLoaded) and
# show with the first paint, so the later of the two; null if a chart has no marks.
CHARTS_DRAWN_AT = f"""(() => {{
  if (!({CHARTS_DRAWN})) return null;
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return Math.max(nav.domContentLoadedEventEnd, paint ? paint.startTime : 0);
}})()"""


def pages() -> list[str]:
    """The landing page and every file in _toc.yml, in book order."""
    return [f"{f}.html" for f in toc_files()]


def lighthouse_pages() -> list[str]:
    """Every page: the budgets hold on every page, appendices included."""
    return pages()


class GitHubPagesLike(SimpleHTTPRequestHandler):
    """http.server plus what GitHub Pages adds: gzip for text files and Cache-Control: max-age=600."""

    def end_headers(self):
        self.send_header("Cache-Control", f"max-age={PAGES_MAX_AGE}")
        super().end_headers()

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if not (path.is_file() and path.suffix in GZIP_SUFFIXES and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzipped(path, path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@lru_cache(maxsize=None)
def gzipped(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6)


# cnai.site.browser (Chromium's flags, the local server) is imported where used: it loads pandas and altair, which the
# gzip host's process (this script with --serve) does without.
def served(html: Path, pages_like: bool) -> contextlib.AbstractContextManager[str]:
    """Base URL of `html` served on 127.0.0.1 by a subprocess: python -m http.server, or the GitHub Pages-like one."""
    from cnai.site import browser

    if not pages_like:
        return browser.served(html)
    port = browser.free_port()
    return browser.serving([sys.executable, __file__, "--html", str(html), "--serve", str(port)], port)


def chromium() -> tuple[str, list[str]]:
    """Debian's Chromium and the flags it needs on this kind of machine."""
    from cnai.site import browser

    path = browser.chromium_path()
    if path is None:
        raise SystemExit("Chromium is not installed (Debian's chromium package)")
    return path, browser.CHROMIUM_ARGS


class Traffic:
    """Every response of one tab, from the DevTools protocol: URL, status, MIME type, bytes over the wire."""

    def __init__(self, context, page):
        self.responses, self.bytes, self.pending = {}, {}, set()
        cdp = context.new_cdp_session(page)
        cdp.on("Network.requestWillBeSent", lambda e: self.pending.add(e["requestId"]))
        cdp.on("Network.responseReceived", lambda e: self.responses.__setitem__(e["requestId"], e["response"]))
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", lambda e: self.pending.discard(e["requestId"]))
        cdp.send("Network.enable")

    def _finished(self, event):
        self.bytes[event["requestId"]] = event["encodedDataLength"]
        self.pending.discard(event["requestId"])

    def rows(self, base: str) -> list[dict]:
        """One row per response from the site: path (no query), status, MIME type, bytes, whether from a cache."""
        return [{"path": site_path(r["url"]), "status": r["status"], "type": r["mimeType"],
                 "bytes": self.bytes.get(rid, 0), "cached": bool(r.get("fromDiskCache") or r.get("fromMemoryCache"))
                 or self.bytes.get(rid, 0) == 0}
                for rid, r in sorted(self.responses.items()) if r["url"].startswith(base)]


def site_path(url: str) -> str:
    """/_static/x.js for http://127.0.0.1:1234/_static/x.js?v=1; anything that is not a URL unchanged."""
    return urlsplit(url).path if url.startswith("http") else url


def is_shared(path: str) -> bool:
    return path.endswith(SHARED_SUFFIXES)


def visit(context, base: str, path: str, live: bool) -> dict:
    """One visit in a new tab: the responses (lazy images and the tables' DataTables included, as a reader who
    reads to the end gets them) and, if the page has charts, when they were drawn; with `live`, each chart is then
    pointed at in turn (which loads the Vega bundle) and the time until it is live recorded."""
    page = context.new_page()
    traffic = Traffic(context, page)
    page.goto(f"{base}/{path}", wait_until="load")
    charts, drawn, load_end = page.evaluate(
        f"[document.querySelectorAll('.cnai-vega').length, {CHARTS_DRAWN_AT},"
        " performance.getEntriesByType('navigation')[0].loadEventEnd]")
    page.evaluate("for (const img of document.images) img.loading = 'eager'")
    page.evaluate("document.querySelectorAll('.cnai-table').forEach(el => el.scrollIntoView())")  # DataTables loads
    page.wait_for_function("Array.from(document.images).every(i => i.complete)", timeout=30_000)
    went_live = []
    if live and charts:
        make_charts_live(page, timeout_ms=30_000)
        clock = page.evaluate("window.__charts")
        went_live = [clock["settled"][name] - clock["pointed"][name] if clock["settled"][name] >= 0 else None
                     for name in page.evaluate("Array.from(document.querySelectorAll('.cnai-vega'), el => el.dataset.spec)")]
    quiet = 0
    while quiet < 3:  # no request in flight for 3 checks in a row
        page.wait_for_timeout(200)
        quiet = quiet + 1 if not traffic.pending else 0
    page.close()
    failed = bool(charts) and (drawn is None or None in went_live)
    return {"rows": traffic.rows(base), "charts": charts, "failed": failed,
            "ms": drawn if charts and drawn is not None else None,
            "after_load_ms": drawn - load_end if charts and drawn is not None else None,
            "first_live_ms": went_live[0] if went_live and not failed else None,
            "other_live_ms": max(went_live[1:]) if len(went_live) > 1 and not failed else None}


def median_or_none(values: list) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def page_figures(browser, base: str, path: str, runs: int) -> dict:
    """Medians over `runs` of: first-visit page and shared bytes, repeat-visit bytes and statuses, chart timings."""
    samples = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(CHARTS_CLOCK)
        first, repeat = visit(context, base, path, live=True), visit(context, base, path, live=False)
        context.close()
        samples.append({
            "page": sum(r["bytes"] for r in first["rows"] if not is_shared(r["path"])),
            "shared": sum(r["bytes"] for r in first["rows"] if is_shared(r["path"])),
            "requests": len(first["rows"]),
            "repeat": sum(r["bytes"] for r in repeat["rows"]),
            "revalidated": sum(r["status"] == 304 for r in repeat["rows"]),
            "from_cache": sum(r["cached"] and r["status"] != 304 for r in repeat["rows"]),
            "ms": first["ms"], "after_load_ms": first["after_load_ms"], "failed": first["failed"],
            "first_live_ms": first["first_live_ms"], "other_live_ms": first["other_live_ms"],
            "charts": first["charts"], "rows": first["rows"]})
    figures = {k: median_or_none([s[k] for s in samples]) for k in samples[0] if k not in ("rows", "failed")}
    figures.update(failed=any(s["failed"] for s in samples), rows=samples[0]["rows"])
    return figures


def lighthouse_run(url: str, preset: str) -> dict:
    executable, flags = chromium()
    cmd = [str(LIGHTHOUSE), url, "--output=json", "--quiet", "--only-categories=performance,accessibility",
           f"--chrome-flags=--headless=new {' '.join(flags)}"]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    out = subprocess.run(cmd, env=dict(os.environ, CHROME_PATH=executable), capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{out.stderr[-2000:]}")
    report = json.loads(out.stdout)
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse on {url}: {report['runtimeError']}")
    return lighthouse_summary(report)


def lighthouse_summary(report: dict) -> dict:
    """Scores, metrics, failing accessibility audits, top opportunities and scripts of one Lighthouse report."""
    audits, categories = report["audits"], report["categories"]
    opportunities = sorted(((a["details"]["overallSavingsMs"], a["id"]) for a in audits.values()
                            if (a.get("details") or {}).get("type") == "opportunity" and (a["score"] or 0) < 1
                            and a["details"].get("overallSavingsMs", 0) > 0), reverse=True)
    return {"performance": categories["performance"]["score"],
            "accessibility": categories["accessibility"]["score"],
            "fcp": audits["first-contentful-paint"]["numericValue"],
            "lcp": audits["largest-contentful-paint"]["numericValue"],
            "tbt": audits["total-blocking-time"]["numericValue"],
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "failing_accessibility": sorted(ref["id"] for ref in categories["accessibility"]["auditRefs"]
                                            if (audits[ref["id"]]["score"] is not None
                                                and audits[ref["id"]]["score"] < 1)),
            "opportunities": [(audit, ms) for ms, audit in opportunities[:4]],
            "scripts": sorted(((site_path(i["url"]), i["scripting"]) for i in audits["bootup-time"]["details"]["items"]
                               if i["url"].startswith("http")), key=lambda item: -item[1])[:3],
            "benchmark_index": report["environment"]["benchmarkIndex"],
            "version": report["lighthouseVersion"]}


def lighthouse_figures(url: str, preset: str, runs: int) -> dict:
    """The run with the median performance score (its metrics belong together)."""
    reports = sorted((lighthouse_run(url, preset) for _ in range(runs)), key=lambda r: r["performance"])
    return reports[len(reports) // 2]


def kb(n: float | None) -> str:
    return "–" if n is None else f"{n / 1000:,.0f}"


def ms(n: float | None) -> str:
    return "–" if n is None else f"{n:,.0f}"


def charts_time(figures: dict, key: str) -> str:
    if not figures["charts"]:
        return "–"
    return "FAILED" if figures["failed"] else ms(figures[key])


def check(ok: bool, shown: str) -> str:
    return f"{shown} pass" if ok else f"**{shown} FAIL**"


def verdict_row(path: str, host: str, figures: dict, lh: dict, desktop: dict) -> str:
    """One row of the budget table: each budget shown with its figure, then the overall verdict."""
    checks = [
        check(lh["performance"] >= BUDGET["performance"], f"{lh['performance']:.2f}"),
        check(lh["accessibility"] >= BUDGET["accessibility"], f"{lh['accessibility']:.2f}"),
        check(figures["page"] <= BUDGET["page_kb"] * 1000, f"{kb(figures['page'])} KB"),
    ]
    if figures["charts"]:
        checks.append(check(not figures["failed"] and figures["ms"] <= BUDGET["charts_s"] * 1000,
                            f"{charts_time(figures, 'ms')} ms"))
    else:
        checks.append("no charts")
    overall = "pass" if not any("FAIL" in c for c in checks) else "**FAIL**"
    return f"| {path} | {host} | {' | '.join(checks)} | {overall} | {desktop['performance']:.2f} |"


def pages_count(samples: list) -> str:
    return "1 page" if len(samples) == 1 else f"{len(samples)} pages"


def worst_first(samples: dict[str, list[float]]) -> list[tuple[str, list[float]]]:
    return sorted(samples.items(), key=lambda item: (-max(item[1]), item[0]))


def lighthouse_findings(lighthouse: dict) -> list[str]:
    """Per server and preset: the pages below the performance budget with what Lighthouse says would help most
    (its opportunities, and the scripts that take the most main-thread time), and any failing accessibility audit."""
    lines = []
    for host in HOSTS:
        for preset in PRESETS:
            runs = {path: lighthouse[host, preset, path] for path in lighthouse_pages()}
            slow = [r for r in runs.values() if r["performance"] < BUDGET["performance"]]
            savings, scripts = {}, {}
            for r in slow:
                for audit, saving in r["opportunities"]:
                    savings.setdefault(audit, []).append(saving)
                for script, scripting in r["scripts"]:
                    scripts.setdefault(script, []).append(scripting)
            if slow:
                scores = sorted(r["performance"] for r in slow)
                lines.append(
                    f"- {host}, {preset}: {len(slow)} of {len(runs)} pages below {BUDGET['performance']:.2f} "
                    f"({scores[0]:.2f}–{scores[-1]:.2f}). Opportunities, by estimated FCP/LCP saving: "
                    + ", ".join(f"`{a}` up to {max(v) / 1000:.1f} s ({pages_count(v)})"
                                for a, v in worst_first(savings))
                    + ". Script execution ≥ 50 ms (Lighthouse bootup-time): "
                    + ", ".join(f"`{s}` up to {max(v):,.0f} ms ({pages_count(v)})"
                                for s, v in worst_first(scripts) if max(v) >= 50) + ".")
            for path, r in runs.items():
                if r["failing_accessibility"]:
                    lines.append(f"- {host}, {preset}, {path}: accessibility {r['accessibility']:.2f}; failing "
                                 f"audits: {', '.join(r['failing_accessibility'])}")
    return lines


def heaviest_assets(figures: dict, most: int = 15) -> list[tuple[str, str, int, int, int]]:
    """(path, type, bytes on http.server, bytes gzip host, pages that load it) of the largest first-visit responses."""
    seen: dict[str, list] = {}
    for (host, page_path), page in sorted(figures.items()):
        column = 1 if host == "http.server" else 2
        for row in page["rows"]:
            entry = seen.setdefault(row["path"], [row["type"], 0, 0, set()])
            entry[column] = max(entry[column], row["bytes"])
            entry[3].add(page_path)
    ranked = sorted(seen.items(), key=lambda item: (-item[1][1], item[0]))[:most]
    return [(path, kind, plain, gz, len(where)) for path, (kind, plain, gz, where) in ranked]


def newest_file_age_minutes(html: Path) -> float:
    return (time.time() - max(p.stat().st_mtime for p in html.rglob("*") if p.is_file())) / 60


def markdown(html: Path, runs: int, chromium_version: str, load: float, figures: dict, lighthouse: dict) -> str:
    lh_version = next(iter(lighthouse.values()))["version"]
    byte_rows = []
    for path in pages():
        plain, gz = figures["http.server", path], figures["gzip host", path]
        byte_rows.append(
            f"| {path} | {plain['charts']:.0f} | {kb(plain['page'])} | {kb(plain['shared'])} | {plain['requests']:.0f} "
            f"| {kb(plain['repeat'])} | {plain['revalidated']:.0f} / {plain['from_cache']:.0f} "
            f"| {kb(gz['page'])} | {kb(gz['shared'])} | {kb(gz['repeat'])} "
            f"| {charts_time(plain, 'ms')} | {charts_time(plain, 'after_load_ms')} "
            f"| {charts_time(plain, 'first_live_ms')} | {charts_time(plain, 'other_live_ms')} |")
    lh_rows = [f"| {path} | {host} | {preset} | {r['performance']:.2f} | {r['accessibility']:.2f} "
               f"| {r['fcp'] / 1000:.1f} | {r['lcp'] / 1000:.1f} | {r['tbt']:,.0f} | {r['cls']:.3f} |"
               for (host, preset, path), r in lighthouse.items()]
    benchmark_index = statistics.median(r["benchmark_index"] for r in lighthouse.values())
    verdicts = [verdict_row(path, host, figures[host, path], lighthouse[host, "mobile", path],
                            lighthouse[host, "desktop", path])
                for path in lighthouse_pages() for host in HOSTS]
    assets = [f"| {path} | {kind} | {kb(plain)} | {kb(gz)} | {n} | {'shared' if is_shared(path) else 'page'} |"
              for path, kind, plain, gz, n in heaviest_assets(figures)]
    nl = "\n"
    return f"""{BEGIN}
## Built site in the browser

Written by `python benchmarks/site.py --runs {runs} --write` on {time.strftime('%Y-%m-%d')} against
`{html.relative_to(ROOT) if html.is_relative_to(ROOT) else html}` ({len(pages())} pages); medians of {runs} runs. Machine: {os.cpu_count()} cores (load average {load:.1f} at the
start: other work shares them), Chromium {chromium_version} headless, Lighthouse {lh_version} (its CPU benchmarkIndex
{benchmark_index:.0f}). 1 KB = 1,000 bytes.

Bytes are what Chromium counts as received for each response, headers included (DevTools protocol,
`Network.loadingFinished.encodedDataLength`). **Shared** = every `.js`/`.mjs` and font file (`.woff2`, `.woff`,
`.ttf`, `.otf`) — the same URLs on every page, so a reader's cache keeps them; on a chapter this includes the Vega
bundle, which the visit loads by pointing at the charts. **Page** = everything else the page loads: HTML (with the inline chart specs),
CSS, images and DataTables (lazy ones included: the visit loads them as a reader scrolling to the end would), data. A first visit
is a fresh browser context; the repeat visit is a new tab in the same context. Two servers:
**http.server** (`python -m http.server`: no compression, Last-Modified but no Cache-Control, so Chromium
revalidates (304) or, for files older than a few minutes, reuses them by its heuristic of 10 % of the file's age;
the newest file was {newest_file_age_minutes(html):.0f} min old at the end of this run) and **gzip host** (what
GitHub Pages does: gzip for text files, `Cache-Control: max-age={PAGES_MAX_AGE}`). Charts arrive drawn, as SVG
in the HTML (rendered at build time by vl-convert): **drawn** = from navigation start, and from the end of the load
event (negative: before it), until every chart is in the page with its marks and painted (the later of
DOMContentLoaded and first contentful paint). The page runs no chart code until a reader points at a chart; **live**
= from the first pointer event on a chart until vega-embed has swapped in the interactive chart (tooltips,
widgets), stamped in the page with `performance.now()`: for the first chart pointed at (it includes loading the Vega
bundle, whose download begins at the reader's first scroll) and the slowest of the others.

### Bytes and chart rendering

| page | charts | http.server first visit: page KB | shared KB | requests | repeat visit KB | repeat: 304 / from cache | gzip host first visit: page KB | shared KB | repeat visit KB | all charts drawn (ms from navigation) | (ms after load event) | first chart live (ms after pointing) | other charts live (slowest, ms) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
{nl.join(byte_rows)}

### Lighthouse

Every page, on both servers; mobile = Lighthouse's default (Moto G Power, simulated slow 4G and 4x CPU slowdown),
desktop = `--preset=desktop`. FCP/LCP in s, TBT in ms. The judged rows (gzip host, mobile) are the run with the median
performance score of {runs}; the other rows, shown for comparison, are one run each.

| page | server | preset | performance | accessibility | FCP | LCP | TBT | CLS |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
{nl.join(lh_rows)}

{nl.join(lighthouse_findings(lighthouse)) or f"Every page scores performance ≥ {BUDGET['performance']:.2f} and accessibility 1.00."}

### Budgets per page

Judged on Lighthouse's default mobile preset (desktop performance in the last column). The budget verdict is the
**gzip host** row, which serves the site the way GitHub Pages, where it is published, does; the **http.server**
row shows an uncompressed local server. Page bytes ≤ {BUDGET['page_kb']}
KB exclude the shared JavaScript and fonts; charts drawn ≤ {BUDGET['charts_s']} s from navigation start (stricter than
from the load event).

| page | server | performance ≥ {BUDGET['performance']:.2f} | accessibility = {BUDGET['accessibility']:.2f} | page bytes ≤ {BUDGET['page_kb']} KB | charts ≤ {BUDGET['charts_s'] * 1000:.0f} ms | verdict | desktop performance (not judged) |
| --- | --- | --- | --- | --- | --- | --- | --- |
{nl.join(verdicts)}

### Heaviest assets on a first visit

The largest responses over all pages (KB as transferred by each server; pages = how many of the {len(pages())} load it).

| path | type | KB http.server | KB gzip host | pages | counted as |
| --- | --- | --- | --- | --- | --- |
{nl.join(assets)}
{END}
"""


def write_section(section: str) -> None:
    """Replace the section between the markers in RESULTS.md, or append it."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section.rstrip("\n") + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--html", type=Path, default=BUILD / "html")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)  # the gzip host, for served()
    args = parser.parse_args()
    html = args.html.resolve()
    if args.serve:
        handler = partial(GitHubPagesLike, directory=str(html))
        ThreadingHTTPServer(("127.0.0.1", args.serve), handler).serve_forever()
    missing = [p for p in pages() if not (html / p).is_file()]
    if missing:
        raise SystemExit(f"not in {html}: {missing}")
    from playwright.sync_api import sync_playwright

    load = os.getloadavg()[0]
    figures, lighthouse = {}, {}
    with contextlib.ExitStack() as stack:  # both servers at once, page by page, so other load hits both alike
        bases = {host: stack.enter_context(served(html, pages_like)) for host, pages_like in HOSTS.items()}
        with sync_playwright() as playwright:
            executable, flags = chromium()
            browser = playwright.chromium.launch(executable_path=executable, args=flags)
            version = browser.version
            for path in pages():
                for host, base in bases.items():
                    figures[host, path] = page_figures(browser, base, path, args.runs)
            browser.close()
        for path in lighthouse_pages():
            for preset in PRESETS:
                for host, base in bases.items():
                    runs = args.runs if (host, preset) == JUDGED else 1
                    lighthouse[host, preset, path] = lighthouse_figures(f"{base}/{path}", preset, runs)
    section = markdown(html, args.runs, version, load, figures, lighthouse)
    if args.write:
        write_section(section)
    print(section)


if __name__ == "__main__":
    main()
