"""The built site's HTML, read as files: every internal link and anchor resolves, and every chart carries a text
alternative (a description, its source, its data as a table or CSV)."""
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pandas as pd
import pytest
from bs4 import BeautifulSoup

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


def parsed(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def anchors(soup: BeautifulSoup) -> set[str]:
    return {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}


def site_pages(site: Path) -> list[Path]:
    """The site's pages (the theme also copies Jinja macro files named *.html into _static: not pages)."""
    return [p for p in sorted(site.rglob("*.html")) if "_static" not in p.relative_to(site).parts]


def broken_links(site: Path) -> list[str]:
    """Every internal href/src in every page whose file, or whose #anchor in that file, does not exist."""
    soups = {path: parsed(path) for path in site_pages(site)}
    broken = []
    for path, soup in soups.items():
        for tag_name, attribute in LINK_ATTRIBUTES.items():
            for tag in soup.find_all(tag_name, attrs={attribute: True}):
                url = urlsplit(tag[attribute])
                if url.scheme or url.netloc or tag[attribute].startswith(("data:", "javascript:")):
                    continue
                target = (path.parent / unquote(url.path)).resolve() if url.path else path
                if target.is_dir():
                    target = target / "index.html"
                where = f"{path.relative_to(site)}: <{tag_name} {attribute}={tag[attribute]!r}>"
                if not target.is_file():
                    broken.append(f"{where} → no file {target}")
                elif url.fragment and target.suffix == ".html":
                    soup_there = soups.get(target) or parsed(target)
                    if unquote(url.fragment) not in anchors(soup_there):
                        broken.append(f"{where} → no anchor #{url.fragment} in {target.name}")
    return broken


def test_link_check_finds_missing_files_and_anchors(tmp_path):
    (tmp_path / "a.html").write_text('<a href="b.html#here">ok</a><a href="b.html#gone">anchor</a>'
                                     '<a href="c.html">file</a><img src="x.png"><a href="https://example.org/">out</a>'
                                     '<a href="#top">self</a><p id="top"></p>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<h1 id="here">b</h1>', encoding="utf-8")
    found = broken_links(tmp_path)
    assert len(found) == 3
    assert "#gone" in found[0] and "c.html" in found[1] and "x.png" in found[2]


def test_every_internal_link_and_anchor_resolves(built):
    site = built / "_build" / "html"
    assert len(site_pages(site)) >= 10
    assert broken_links(site) == []


def chart_figures(site: Path):
    for path in site_pages(site):
        for figure in parsed(path).select("figure.cnai-chart"):
            yield path, figure


def test_every_chart_has_a_text_alternative(built):
    """Each chart: drawn in the page (a static SVG with marks) inside role=img with its description as accessible
    name, its widgets outside it; the description and source in the caption, a CSV of its data, and the data as an
    HTML table when it has at most 40 rows."""
    from cnai.site.charts import TABLE_ROWS_INLINE

    from cnai.site.datapackage import schemas

    site = built / "_build" / "html"
    figures = list(chart_figures(site))
    assert len(figures) >= 40
    # "model_counts 表", "chips、…": readers see the tables' Chinese titles (data/mappings/tables.yml), not code
    code_names = re.compile(rf"(?<![A-Za-z_.])({'|'.join(schemas())})(?= ?[表、，；）])")
    assert code_names.search("来源：model_counts、chips 表") and not code_names.search("来源：models.dev 模型卡片")
    for path, figure in figures:
        name = f"{path.relative_to(site)}#{figure['id']}"
        chart = figure.select_one(".cnai-vega > .cnai-vega-chart")
        description = figure.select_one("figcaption .cnai-desc").get_text(strip=True)
        assert chart["role"] == "img" and chart["aria-label"] == description and len(description) >= 10, name
        assert chart.select("svg g[class*='mark-'] > *"), f"{name}: no static chart"
        assert not chart.select("select, input"), f"{name}: a widget inside role=img is hidden from screen readers"
        source = figure.select_one("figcaption .cnai-source").get_text(strip=True)
        assert source.startswith("来源："), name
        assert not code_names.search(source), f"{name}: the source note names a table by its code name: {source}"
        csv = (path.parent / figure.select_one("a.cnai-csv")["href"]).resolve()
        rows = len(pd.read_csv(csv))
        table = figure.select_one("details.cnai-data table")
        if rows <= TABLE_ROWS_INLINE:
            assert table is not None and len(table.select("tbody tr")) == rows, name
        else:
            assert table is None, name


def test_every_chart_can_be_linked_and_taken_away_as_svg_and_png(built):
    """Each chart: a visible permalink to its own stable id (fig-<name>, not a running number), and its image as the
    SVG drawn on the page and as a PNG at twice its size."""
    from PIL import Image

    site = built / "_build" / "html"
    for path, figure in chart_figures(site):
        name = figure["id"].removeprefix("fig-")
        assert figure.select_one("a.cnai-permalink")["href"] == f"#fig-{name}"
        svg = (path.parent / figure.select_one("a.cnai-svg")["href"]).resolve()
        on_page = figure.select_one(".cnai-vega-chart > svg")
        assert str(BeautifulSoup(svg.read_text(encoding="utf-8"), "html.parser").svg) == str(on_page), name
        png = Image.open((path.parent / figure.select_one("a.cnai-png")["href"]).resolve())
        width = float(on_page["width"])
        assert abs(png.width - 2 * width) <= 1, name


def test_static_charts_on_a_page_share_no_ids(built):
    """Vega numbers clip paths and gradients from 1 in every chart; on a page of several static charts a shared id
    would make one chart clip to another's path. Every url(#id) must point into its own chart."""
    site = built / "_build" / "html"
    checked = 0
    for path in site_pages(site):
        seen = {}
        for svg in parsed(path).select(".cnai-vega-chart > svg"):
            ids = [el["id"] for el in svg.select("[id]")]
            for id_ in ids:
                assert id_ not in seen, f"{path.name}: id {id_} twice"
                seen[id_] = svg
            for ref in re.findall(r"url\(#([^)]+)\)", str(svg)):
                assert ref in ids, f"{path.name}: url(#{ref}) points outside its chart"
                checked += 1
    assert checked >= 1  # at least one chart on the site clips or fills by reference


def test_icon_fonts_keep_every_glyph_the_stylesheets_use_and_no_more(built):
    """The theme's Font Awesome fonts are cut to the icons its trimmed stylesheet can still draw (icon classes and
    the --pst-icon-* characters): every one of those glyphs is kept, nothing else."""
    from fontTools.ttLib import TTFont

    from cnai.site.sphinx_ext import ICON_FONTS, icon_codepoints, theme_static

    site = built / "_build" / "html"
    points = icon_codepoints(site)
    assert {0xF002, 0xF0C9} <= points  # the search and menu icons of the header
    originals = sorted((theme_static() / ICON_FONTS).glob("*.woff2"))
    assert len(originals) == 3
    total = 0
    for original in originals:
        cut = site / "_static" / ICON_FONTS / original.name
        assert set(TTFont(cut).getBestCmap()) == set(TTFont(original).getBestCmap()) & points, original.name
        total += cut.stat().st_size
    assert total < 20_000, total  # from about 300 KB


def test_no_script_blocks_the_first_paint_but_documentation_options(built):
    """Scripts in <head> without defer, async or type=module hold the first paint; on every page but search.html
    (whose searchtools.js needs doctools.js as it loads) only the few bytes of documentation_options.js may."""
    site = built / "_build" / "html"
    for path in site_pages(site):
        head = parsed(path).head
        blocking = [s["src"].split("?")[0].rsplit("/", 1)[-1] for s in head.select("script[src]")
                    if not (s.has_attr("defer") or s.has_attr("async") or s.get("type") == "module")]
        if path.name == "search.html":
            assert "doctools.js" in blocking  # searchtools.js, in the page's body, calls it as it loads
        else:
            assert blocking == ["documentation_options.js"], f"{path.relative_to(site)}: {blocking}"
        assert not head.select("link[rel=preload][as=script]"), path


def test_one_search_field_per_page(built):
    """Wide screens showed two search fields, one above the other: the sidebar's and the page header's persistent
    one. _config.yml empties navbar_persistent; narrow screens keep the article header's search icon."""
    site = built / "_build" / "html"
    for path in site_pages(site):
        assert len(parsed(path).select("button.search-button-field")) == 1, path.relative_to(site)


def test_the_data_page_offers_the_package_the_zip_and_every_table(built):
    site = built / "_build" / "html"
    soup = parsed(site / "appendix" / "data.html")
    links = {a["href"] for a in soup.find_all("a", href=True)}
    assert {"../_static/tables/cnai-data.zip", "../_static/tables/datapackage.json"} <= links
    import json

    descriptor = json.loads((site / "_static" / "tables" / "datapackage.json").read_text(encoding="utf-8"))
    assert {f"../_static/tables/{r['path']}" for r in descriptor["resources"]} <= links
    assert "@misc{cnai_data_book_" in soup.get_text()  # the citation block


def test_no_section_anchor_is_auto_numbered(built):
    # Sphinx names a section whose heading has no Latin letters #id1, #id2 … in page order: a link to it breaks
    # when a section moves. Every section of a chapter or appendix carries an explicit label instead.
    site = built / "_build" / "html"
    numbered = [f"{path.relative_to(site)}#{section['id']}" for path in site_pages(site)
                for section in parsed(path).find_all("section", id=re.compile(r"^id\d+$"))]
    assert numbered == []


def test_each_chapter_offers_its_notebook_source_and_how_to_run_it(built):
    site = built / "_build" / "html"
    for path in sorted((site / "chapters").glob("*.html")):
        note = parsed(path).select_one("p.cnai-notebook")
        assert note is not None, path.name
        source = (path.parent / note.select_one("a[download]")["href"]).resolve()
        assert source.read_bytes() == (built / "chapters" / f"{path.stem}.md").read_bytes()


def test_chapters_link_glossary_terms_on_first_use(built):
    site = built / "_build" / "html"
    entries = parsed(site / "appendix" / "glossary.html").select("dl.glossary dt[id]")
    assert len(entries) >= 15
    # anchored by the term's own words, not Sphinx's running number (#term-0), which moves when a term is added
    for dt in entries:
        dt.select_one("a.headerlink").decompose()
    assert [dt["id"] for dt in entries] == [f"term-{'-'.join(dt.get_text().split())}" for dt in entries]
    assert {"term-百模大战", "term-API-价格"} <= {dt["id"] for dt in entries}
    terms = {dt["id"] for dt in entries}
    linked = {}
    for path in sorted((site / "chapters").glob("*.html")):
        for a in parsed(path).select('a[href*="glossary.html#term-"]'):
            linked.setdefault(a["href"].split("#")[1], set()).add(path.stem)
    assert set(linked) <= terms
    assert len(linked) >= 12, sorted(linked)
    # the race chapter links 备案 and 口径 where it first uses them
    race = parsed(site / "chapters" / "race.html").select('a[href*="glossary.html#term-"]')
    assert {"备案", "口径"} <= {a.get_text() for a in race}
