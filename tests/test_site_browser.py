"""The built site in a real browser (Debian's Chromium driven by playwright), the way readers use it: offline,
every chart drawn when the page loads and live once pointed at (tooltips, widgets), images with alt text, Chinese
search, no console errors, no accessibility violations (axe-core, injected from node_modules). Screenshots of every page go to test-artifacts/screenshots/,
axe's full reports to test-artifacts/axe/."""
import json
import os

import pytest

from cnai.site.browser import (CHARTS_DRAWN, CHROMIUM_ARGS, chromium_path, fontconfig_with_cjk, make_charts_live, served,
                          wait_until_live)
from conftest import ROOT, toc_files

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
AXE_REPORTS = ROOT / "test-artifacts" / "axe"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def pages() -> list[str]:
    return [f"{f}.html" for f in toc_files()] + ["search.html"]


def missing(message: str):
    """Fail under CI (where .ci/run installs everything), skip on a developer machine without the tool."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def site(built):
    with served(built / "_build" / "html") as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = chromium_path()
    if executable is None:
        missing("Chromium is not installed (.ci/run installs Debian's chromium package)")
    from playwright.sync_api import sync_playwright

    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_with_cjk(tmp_path_factory.mktemp("fonts"))))
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, env=env)
        yield instance
        instance.close()


class Visit:
    """One page load, recording console errors, page errors and every request that would leave 127.0.0.1."""

    def __init__(self, browser, url: str):
        self.errors, self.outside, self.requested = [], [], []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda request: self.requested.append(request.url))
        self.page.route("**/*", self._route)
        self.page.goto(url, wait_until="networkidle")

    def fetched(self, name: str) -> bool:
        return any(url.split("?")[0].endswith(name) for url in self.requested)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


def wait_for_charts(page) -> None:
    page.wait_for_function(CHARTS_DRAWN, timeout=20_000)


def chart_states(page) -> list[str]:
    return page.evaluate("Array.from(document.querySelectorAll('.cnai-vega'), el => el.dataset.rendered)")


def reveal_tables(page) -> int:
    """Scroll to each searchable table (DataTables loads only when one comes near) and wait until it has rows."""
    boxes = page.locator(".cnai-table")
    for i in range(boxes.count()):
        boxes.nth(i).scroll_into_view_if_needed()
        page.wait_for_function("box => box.querySelector('table.dataTable tbody tr td') !== null",
                               arg=boxes.nth(i).element_handle(), timeout=20_000)
    return boxes.count()


@pytest.mark.parametrize("path", pages())
def test_page_renders_offline_without_errors(site, browser, path):
    """Charts are drawn as the page loads, with no chart code run (the Vega bundle is not even fetched); pointing
    at each makes it live, with marks, and without errors."""
    visit = Visit(browser, f"{site}/{path}")
    page = visit.page
    charts = page.locator(".cnai-vega")
    assert set(chart_states(page)) <= {"static"}
    wait_for_charts(page)
    assert not visit.fetched("vega-bundle.js")
    make_charts_live(page)
    assert set(chart_states(page)) <= {"live"}, chart_states(page)
    for i in range(charts.count()):
        assert charts.nth(i).locator(".cnai-vega-chart svg g[class*='mark-'] > *").count() > 0, f"chart {i} has no marks"
    assert visit.fetched("vega-bundle.js") == (charts.count() > 0)
    reveal_tables(page)
    blank_icons = page.evaluate("""Array.from(document.querySelectorAll('[class*="fa-"]'))
        .filter(el => /\\bfa-(solid|regular|brands)\\b|\\bfas\\b|\\bfab\\b/.test(el.className))
        .filter(el => ['none', 'normal', '""'].includes(getComputedStyle(el, '::before').content))
        .map(el => el.className)""")
    assert blank_icons == [], f"icons without a glyph (the theme's icon CSS was trimmed too far): {blank_icons}"
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
    # data marks (not legend symbols) drawn with an area, so that a pointer can rest on them
    marks = "svg g.role-mark.mark-symbol path, svg g.role-mark.mark-rect path"
    chart = page.locator(".cnai-vega", has=page.locator(marks)).first.element_handle()

    def visible_mark():
        return next(m for m in chart.query_selector_all(marks)
                    if (box := m.bounding_box()) and box["width"] > 2 and box["height"] > 2)

    chart.scroll_into_view_if_needed()
    visible_mark().hover(force=True)  # the first pointer over a chart makes it live: vega-embed replaces the static SVG
    wait_until_live(page, chart)
    visible_mark().hover(force=True)
    tooltip = page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for(timeout=5_000)
    assert tooltip.inner_text().strip()
    page.close()


def widget_chart(page):
    return page.locator(".cnai-vega", has=page.locator("form.vega-bindings select")).first


def test_option_chosen_on_the_static_chart_carries_into_the_live_one(site, browser):
    """A reader may pick an option before the chart is live: the live chart shows that option, filtered."""
    visit = Visit(browser, f"{site}/chapters/corpus.html")
    page = visit.page
    chart = widget_chart(page)
    static_text = chart.locator("svg").text_content()
    select = chart.locator("select").first
    values = select.locator("option").evaluate_all("options => options.map(o => o.value)")
    assert len(values) >= 2 and chart.get_attribute("data-rendered") == "static"
    choice = next(v for v in values if v != select.input_value())
    select.select_option(choice)
    wait_until_live(page, chart.element_handle())
    assert chart.locator("form.vega-bindings select").first.input_value() == choice
    assert chart.locator("svg").text_content() != static_text  # drawn for the chosen source, not the first
    assert visit.errors == []
    page.close()


@pytest.mark.parametrize("target, focused", [("select", "SELECT"), (".cnai-vega-chart", "DIV")])
def test_keyboard_focus_stays_where_it_was_when_the_chart_goes_live(site, browser, target, focused):
    """Focusing a chart (it scrolls sideways on phones, so it takes focus) or its widget makes it live; the live
    chart or widget that replaces it keeps the focus."""
    visit = Visit(browser, f"{site}/chapters/corpus.html")
    page = visit.page
    chart = widget_chart(page)
    chart.locator(target).first.focus()
    wait_until_live(page, chart.element_handle())
    assert page.evaluate("document.activeElement.tagName") == focused
    assert page.evaluate("el => el.contains(document.activeElement)", chart.element_handle())
    assert page.evaluate("document.activeElement.isConnected")
    page.close()


def search_results(browser, site: str, query: str) -> list[str]:
    visit = Visit(browser, f"{site}/search.html?q={query}")
    page = visit.page
    page.wait_for_function("document.querySelectorAll('#search-results a').length > 0", timeout=20_000)
    links = page.evaluate("Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href'))")
    assert visit.errors == [], visit.errors
    page.close()
    return [link.split("?")[0].split("#")[0] for link in links]


@pytest.mark.parametrize("query, chapter", [
    ("文心一言", "chapters/race.html"), ("人形机器人", "chapters/robotics.html"),
    # names from the entity registry and the issuers' list are single words of the index (cnai.site.search)
    ("智元机器人", "chapters/robotics.html"), ("国家标准委", "appendix/data_dictionary.html"),
])
def test_chinese_search_finds_the_right_chapter(site, browser, query, chapter):
    links = search_results(browser, site, query)
    assert any(link.endswith(chapter) for link in links), links


def test_search_snippets_leave_out_chart_text(site, browser):
    """A result's snippet is the page's prose, not a chart's axis labels, data table or download links."""
    visit = Visit(browser, f"{site}/search.html?q=备案")
    page = visit.page
    page.wait_for_function("document.querySelectorAll('#search-results p.context').length > 0", timeout=20_000)
    snippets = page.evaluate("Array.from(document.querySelectorAll('#search-results p.context'), p => p.innerText)")
    assert snippets and not any("下载数据" in s or "本图链接" in s or "数据表" in s for s in snippets), snippets
    assert visit.errors == [], visit.errors
    page.close()


@pytest.mark.parametrize("query, chapter", [
    ("網信辦", "chapters/policy.html"),  # the chapter writes 网信办 (and 網信辦 once, which jieba split as 網信/辦)
    ("网信办", "chapters/policy.html"),
    ("携程", "chapters/race.html"),  # the race chapter's sources write 攜程
    ("人形機器人", "chapters/robotics.html"),  # the robotics chapter writes 人形机器人
    # 发布 in Traditional is 發佈 to OpenCC's s2t (so in the index) but 發布 to many writers: found because the
    # browser turns the query into Simplified (_static/cnai-t2s.js)
    ("發布", "chapters/robotics.html"),
])
def test_search_finds_a_chapter_in_either_script(site, browser, query, chapter):
    links = search_results(browser, site, query)
    assert any(link.endswith(chapter) for link in links), links


def filter_table(page, table, query: str) -> list[str]:
    """Type `query` into a searchable table's search box; the text of the rows it then shows."""
    info = table.locator(".dt-info")
    before = info.inner_text()
    table.locator("input[type=search]").fill(query)
    page.wait_for_function("([el, text]) => el.innerText !== text", arg=[info.element_handle(), before], timeout=5_000)
    rows = table.locator("table.dataTable tbody tr")
    return [rows.nth(i).inner_text() for i in range(rows.count())]


@pytest.mark.parametrize("chapter, name, query, written", [
    ("race", "race-parameters", "騰訊", "腾讯"),  # the parameter claims name 腾讯 (混元) once
    ("policy", "policy-table", "暫行辦法", "暂行办法"),  # p-025's example
])
def test_searchable_table_matches_either_script(site, browser, chapter, name, query, written):
    """A query in one script finds the rows written in the other (and those written as typed)."""
    visit = Visit(browser, f"{site}/chapters/{chapter}.html")
    page = visit.page
    reveal_tables(page)
    rows = filter_table(page, page.locator(f"#table-{name}"), query)
    assert rows and all(query in row or written in row for row in rows), rows
    assert any(written in row for row in rows), rows
    assert visit.errors == []
    page.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        missing("axe-core is not installed: run `npm ci` (.ci/run does)")
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, axe_source: str) -> list[dict]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    return page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]


def described(violations: list[dict]) -> list[str]:
    return [f"{v['impact']} {v['id']} ({v['help']}): {[n['target'] for n in v['nodes']][:5]}" for v in violations]


def test_axe_reports_a_page_with_known_violations(browser, axe_source):
    """The harness itself: an unnamed button and grey-on-grey text must be reported."""
    page = browser.new_page()
    page.set_content('<html lang="zh"><title>t</title><main><button></button>'
                     '<p style="color:#aaa;background:#bbb">浅灰色文字</p></main></html>')
    found = {v["id"] for v in axe_violations(page, axe_source)}
    assert {"button-name", "color-contrast"} <= found, found
    page.close()


@pytest.mark.parametrize("path", pages())
def test_page_has_no_accessibility_violations(site, browser, axe_source, path):
    """axe-core on the page as a reader sees it: searchable tables loaded, every chart's data table (<details>)
    opened; once with the charts as they arrive (static) and once with every chart live. The issue asks for no
    serious or critical violation; the site has none of any impact, and this keeps it so."""
    page = Visit(browser, f"{site}/{path}").page
    wait_for_charts(page)
    reveal_tables(page)
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    static = axe_violations(page, axe_source)
    make_charts_live(page)
    live = axe_violations(page, axe_source)
    AXE_REPORTS.mkdir(parents=True, exist_ok=True)
    (AXE_REPORTS / path.replace("/", "_").replace(".html", ".json")).write_text(
        json.dumps({"static charts": static, "live charts": live}, ensure_ascii=False, indent=1), encoding="utf-8")
    assert described(static) == [] and described(live) == []
    page.close()


def test_searchable_table_loads_when_near_and_filters(site, browser):
    """DataTables is fetched only once a table comes near the screen; then searching narrows the rows."""
    visit = Visit(browser, f"{site}/chapters/race.html")
    page = visit.page
    wait_for_charts(page)
    assert not visit.fetched("dt_bundle.js") and not visit.fetched("dt_bundle.css")
    assert reveal_tables(page) >= 1
    assert visit.fetched("dt_bundle.js") and visit.fetched("dt_bundle.css")
    table = page.locator(".cnai-table").first
    info = table.locator(".dt-info")
    before = info.inner_text()
    table.locator("input[type=search]").fill("文心一言")
    page.wait_for_function("([el, text]) => el.innerText !== text", arg=[info.element_handle(), before], timeout=5_000)
    rows = table.locator("table.dataTable tbody tr")
    assert rows.count() >= 1
    for i in range(rows.count()):
        assert "文心一言" in rows.nth(i).inner_text()
    assert visit.errors == []
    page.close()


# the smallest scale a chart may be drawn at to fit a phone's column: 12 px labels stay at least 9.6 px
MIN_CHART_SCALE = 0.8


@pytest.mark.parametrize("width", [360, 412])
@pytest.mark.parametrize("path", pages())
def test_page_and_every_chart_fit_a_phone(site, browser, path, width):
    """On a phone no page scrolls sideways, and every chart fits its column: drawn no wider than the column, and
    designed narrow enough that fitting it shrinks its text by at most a fifth."""
    page = browser.new_page(viewport={"width": width, "height": 800}, device_scale_factor=1)
    page.goto(f"{site}/{path}", wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} at {width} px is {overflow} px wider than the screen"
    charts = page.evaluate("""Array.from(document.querySelectorAll('figure.cnai-chart'), figure => {
        const svg = figure.querySelector('.cnai-vega-chart svg');
        return [figure.id, svg.getBoundingClientRect().width, parseFloat(svg.getAttribute('width')),
                figure.querySelector('.cnai-vega-chart').clientWidth];
    })""")
    for name, drawn, designed, column in charts:
        assert drawn <= column + 1, f"{path}#{name}: drawn {drawn:.0f} px in a {column} px column at {width} px"
        assert designed * MIN_CHART_SCALE <= column, (
            f"{path}#{name}: designed {designed:.0f} px wide, shrunk below {MIN_CHART_SCALE:.0%} in a {column} px "
            f"column at {width} px: make it narrower (container width, vertical layout or fewer categories)")
    page.close()


def test_a_chart_permalink_leads_to_the_chart(site, browser):
    page = Visit(browser, f"{site}/chapters/race.html").page
    figure = page.locator("figure.cnai-chart").first
    name = figure.get_attribute("id")
    figure.locator("a.cnai-permalink").click()
    assert page.evaluate("location.hash") == f"#{name}"
    assert page.evaluate("id => { const r = document.getElementById(id).getBoundingClientRect();"
                         " return r.top >= -1 && r.top < window.innerHeight; }", name)
    page.close()


def download(page, link) -> "tuple[str, bytes]":
    """Click a download link as a reader does; the file's suggested name and its bytes."""
    with page.expect_download() as info:
        link.click()
    item = info.value
    assert item.failure() is None, item.failure()
    return item.suggested_filename, open(item.path(), "rb").read()


def test_a_chart_is_taken_away_as_csv_svg_and_png(site, browser):
    """The links under a chart hand the reader its data and its image: the image is the chart on the page (same
    size; the PNG drawn at twice it), the data has the rows it draws."""
    import csv
    import io
    import struct
    from xml.etree import ElementTree

    page = Visit(browser, f"{site}/chapters/race.html").page
    figure = page.locator("figure.cnai-chart").first
    name = figure.get_attribute("id").removeprefix("fig-")  # the anchor is fig-<chart>, the files <chart>.*
    shown = figure.locator(".cnai-vega-chart svg").first
    width, height = (float(shown.get_attribute(a)) for a in ("width", "height"))

    filename, body = download(page, figure.locator("a.cnai-svg"))
    assert filename == f"{name}.svg"
    svg = ElementTree.fromstring(body)
    assert (float(svg.get("width")), float(svg.get("height"))) == (width, height)

    filename, body = download(page, figure.locator("a.cnai-png"))
    assert filename == f"{name}.png" and body[:8] == b"\x89PNG\r\n\x1a\n"
    png_width, png_height = struct.unpack(">II", body[16:24])  # the IHDR chunk
    assert abs(png_width - 2 * width) <= 1 and abs(png_height - 2 * height) <= 1, (png_width, png_height)

    filename, body = download(page, figure.locator("a.cnai-csv"))
    assert filename == f"{name}.csv"
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert rows and all(any(value for value in row.values()) for row in rows)
    page.close()


def test_the_data_page_hands_over_every_table_and_the_whole_package(site, browser):
    """Each CSV link of the data page downloads a table with as many rows as the page says; the zip holds the
    package descriptor and every table the page lists."""
    import csv
    import io
    import zipfile

    page = Visit(browser, f"{site}/appendix/data.html").page
    listed = page.evaluate("""Array.from(document.querySelectorAll('table.cnai-datapackage tbody tr'), tr =>
        [tr.querySelector('a[download]').textContent, parseInt(tr.querySelector('td.cnai-num').textContent.replace(/,/g, ''))])""")
    assert len(listed) >= 40
    links = page.locator("table.cnai-datapackage tbody tr a[download]")
    for i in (0, len(listed) // 2, len(listed) - 1):  # the first, a middle and the last table
        filename, body = download(page, links.nth(i))
        assert filename == listed[i][0]
        assert len(list(csv.DictReader(io.StringIO(body.decode("utf-8"))))) == listed[i][1], filename

    filename, body = download(page, page.locator("p.cnai-downloads a", has_text="zip"))
    assert filename.endswith(".zip")
    names = set(zipfile.ZipFile(io.BytesIO(body)).namelist())
    assert "datapackage.json" in names
    assert {file for file, _ in listed} <= names
    page.close()


def test_a_glossary_link_leads_to_its_term(site, browser):
    """The first glossary link of a chapter opens the glossary at that term, anchored by the term's own words."""
    page = Visit(browser, f"{site}/chapters/race.html").page
    link = page.locator('a[href*="glossary.html#term-"]').first
    term = link.inner_text().strip()
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("decodeURIComponent(location.hash)") == f"#term-{term}"
    entry = page.locator(f'dl.glossary dt[id="term-{term}"]')
    assert entry.inner_text().strip().startswith(term)
    assert page.evaluate("id => { const r = document.getElementById(id).getBoundingClientRect();"
                         " return r.top >= -1 && r.top < window.innerHeight; }", f"term-{term}")
    page.close()
