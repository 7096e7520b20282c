"""The built site in a real browser (Debian's Chromium driven by playwright), the way readers use it: offline,
every chart drawn, tooltips, images with alt text, Chinese search, no console errors. Screenshots of every page
go to test-artifacts/screenshots/."""
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def pages() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [f"{f}.html" for f in files] + ["search.html"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def site(built):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(built / "_build" / "html")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                import time
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    if executable is None:
        message = "Chromium is not installed (.ci/run installs Debian's chromium package)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Visit:
    """One page load, recording console errors, page errors and every request that would leave 127.0.0.1."""

    def __init__(self, browser, url: str):
        self.errors, self.outside = [], []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(url, wait_until="networkidle")

    def _route(self, route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


@pytest.mark.parametrize("path", pages())
def test_page_renders_offline_without_errors(site, browser, path):
    visit = Visit(browser, f"{site}/{path}")
    page = visit.page
    charts = page.locator(".cnai-vega")
    page.wait_for_function(
        "document.querySelectorAll('.cnai-vega').length === document.querySelectorAll('.cnai-vega[data-rendered]').length",
        timeout=20_000)
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.get_attribute("data-rendered") == "true", f"chart {i} failed to render"
        assert chart.locator("svg g[class*='mark-'] > *").count() > 0, f"chart {i} has no marks"
    for i in range(page.locator("img").count()):  # word clouds load lazily: bring each into view
        page.locator("img").nth(i).scroll_into_view_if_needed()
    page.wait_for_function("Array.from(document.images).every(i => i.complete)", timeout=10_000)
    images = page.evaluate("Array.from(document.images).map(i => [i.currentSrc, i.naturalWidth > 0, i.alt])")
    for src, loaded, alt in images:
        assert loaded, f"image did not load: {src}"
        assert alt.strip(), f"image without alt text: {src}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / (path.replace("/", "_").replace(".html", ".png"))), full_page=True)
    assert visit.errors == [], visit.errors
    assert visit.outside == [], visit.outside
    page.close()


@pytest.mark.parametrize("path", [p for p in pages() if p.startswith("chapters/")])
def test_hovering_a_mark_shows_its_tooltip(site, browser, path):
    page = Visit(browser, f"{site}/{path}").page
    page.wait_for_function("document.querySelector('.cnai-vega[data-rendered=true]') !== null", timeout=20_000)
    mark = page.locator(".cnai-vega[data-rendered=true] svg g.mark-symbol path, "
                        ".cnai-vega[data-rendered=true] svg g.mark-rect path").first
    mark.scroll_into_view_if_needed()
    mark.hover(force=True)
    tooltip = page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for(timeout=5_000)
    assert tooltip.inner_text().strip()
    page.close()


@pytest.mark.parametrize("query, chapter", [("文心一言", "chapters/race.html"), ("人形机器人", "chapters/robotics.html")])
def test_chinese_search_finds_the_right_chapter(site, browser, query, chapter):
    page = Visit(browser, f"{site}/search.html?q={query}").page
    page.wait_for_function("document.querySelectorAll('#search-results a').length > 0", timeout=20_000)
    links = page.evaluate("Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href'))")
    assert any(link.split("?")[0].split("#")[0].endswith(chapter) for link in links), links
    page.close()
