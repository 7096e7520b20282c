"""Build the book from a clean copy of the repository, the way CI and a new reader do, and inspect the site."""
import json
import re
import shutil
from importlib import metadata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
import yaml

from conftest import ROOT, Build, BuildResult, toc_files


def page(book: Path, name: str) -> str:
    return (book / "_build" / "html" / name).read_text(encoding="utf-8")


def warm_copy(built: Path, tmp_path: Path) -> Path:
    """A copy of the built book with its _build folder: the next build redoes only what changed."""
    book = tmp_path / "book"
    shutil.copytree(built, book, symlinks=True)
    return book


def specs(html: str) -> dict[str, dict]:
    found = re.findall(r'<script type="application/json" id="(spec-[^"]+)">(.*?)</script>', html, flags=re.S)
    return {name: json.loads(body.replace("<\\/", "</")) for name, body in found}


def test_build_used_the_copy_not_the_working_tree(built):
    assert (built / "_build" / "html" / "index.html").exists()
    assert (built / "data" / "processed" / "key.json").exists()


def test_corpus_chapter_holds_rendered_chart_specs(built):
    html = page(built, "chapters/corpus.html")
    charts = specs(html)
    assert len(charts) >= 4
    for spec in charts.values():
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
        assert spec["datasets"], "chart without data"
    assert html.count('class="cnai-vega"') == len(charts)
    assert html.count("来源：") >= len(charts)


def test_csv_links_resolve_to_files_with_the_charted_rows(built):
    html = page(built, "chapters/corpus.html")
    links = re.findall(r'href="\.\./(_static/figures/[^"]+\.csv)"', html)
    assert len(links) == len(specs(html))
    for link in links:
        assert (built / "_build" / "html" / link).is_file(), link
    sizes = (built / "_build" / "html" / "_static/figures/corpus-sizes.csv").read_text(encoding="utf-8")
    assert sizes.count("\n") == 1 + 5  # header and one row per document


def test_word_cloud_image_is_in_the_site_with_alt_text(built):
    html = page(built, "chapters/corpus.html")
    match = re.search(r'<img src="\.\./(_static/figures/corpus-wordcloud-race\.png)" alt="(词云：[^"]+)"', html)
    assert match
    png = built / "_build" / "html" / match.group(1)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_site_loads_no_script_from_the_network(built):
    for html_file in (built / "_build" / "html").rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert not re.search(r'<script[^>]+src="(https?:)?//', html), html_file
    corpus = page(built, "chapters/corpus.html")
    assert re.search(r'<script defer="defer" src="\.\./_static/cnai-charts\.js', corpus)
    assert "vega-bundle.js" not in corpus  # loaded by cnai-charts.js when a reader reaches for a chart
    bundle = (built / "_build" / "html" / "_static" / "vega-bundle.js").read_text(encoding="utf-8")
    assert "window.vegaEmbed" in bundle and len(bundle) > 500_000


def test_landing_page_shows_the_corpus_in_numbers(built):
    html = page(built, "index.html")
    assert re.search(r"文档：<span[^>]*>5</span> 份", html)
    assert 'href="chapters/corpus.html"' in html


def test_chinese_search_index_uses_jieba_and_the_project_dictionary(built):
    script = page(built, "searchindex.js")
    terms = json.loads(script[script.index("(") + 1:script.rindex(")")])["terms"]
    assert len(terms) > 300  # without jieba, Sphinx indexes no Chinese at all
    for term in ("人形机器人", "百模大战", "大模型"):  # plain jieba splits 人形/机器人 and 百模/大战
        assert term in terms, term


def test_no_stderr_or_jieba_log_in_pages(built):
    html = page(built, "chapters/corpus.html") + page(built, "index.html")
    assert "Building prefix dict" not in html
    assert "output_stderr" not in html and "stderr" not in html


def add_failing_cell(book: Path) -> None:
    chapter = book / "chapters" / "corpus.md"  # only the changed notebook runs again
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n```{code-cell} ipython3\n1 / 0\n```\n", encoding="utf-8")


def add_unknown_reference(book: Path) -> None:
    index = book / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n见 {ref}`no-such-label`。\n", encoding="utf-8")


def change_a_view_and_a_mapping(book: Path) -> None:
    view = book / "src" / "cnai" / "views" / "race.py"
    view.write_text(view.read_text(encoding="utf-8") + (
        "\n\n_headline_numbers = headline_numbers\n\n\n"
        "def headline_numbers():\n    return {**_headline_numbers(), \"n_claims\": \"4242\"}\n"), encoding="utf-8")
    labels = book / "data" / "mappings" / "labels.yml"
    text = labels.read_text(encoding="utf-8")
    assert "\n  more_than: 超过\n" in text  # the qualifier block: only the race chapter shows qualifiers
    labels.write_text(text.replace("\n  more_than: 超过\n", "\n  more_than: 多于（改）\n"), encoding="utf-8")


EDITS = {"failing-cell": add_failing_cell, "unknown-reference": add_unknown_reference,
         "changed-view": change_a_view_and_a_mapping}


@pytest.fixture(scope="module")
def edited_builds(built, tmp_path_factory) -> dict[str, tuple[Path, BuildResult]]:
    """Warm copies of the built book, each with one edit, built at the same time: the builds are independent, so
    the machine's cores share them instead of running them one after another."""
    started = {}
    for name, edit in EDITS.items():
        book = warm_copy(built, tmp_path_factory.mktemp(name))
        edit(book)
        started[name] = (book, Build(book))
    return {name: (book, build.finish()) for name, (book, build) in started.items()}


@pytest.mark.build
def test_a_failing_cell_fails_the_build(edited_builds):
    _, result = edited_builds["failing-cell"]
    assert result.returncode != 0
    assert "ZeroDivisionError" in result.output


@pytest.mark.build
def test_a_sphinx_warning_fails_the_build(edited_builds):
    _, result = edited_builds["unknown-reference"]
    assert result.returncode != 0
    assert "no-such-label" in result.output


@pytest.mark.build
def test_a_rebuild_renders_a_changed_view_and_mapping_and_nothing_else_moves(built, edited_builds):
    """Edit a module under views/ and a file under data/mappings in a copy of the built book, and build again: every
    notebook runs again (the cache key covers every module and data file; it once hashed only the package's
    top-level modules, so a change under views/ never reached the book). The race page shows both edits; every
    other page comes out with byte-identical chart specs and images, so two builds from the same inputs agree."""

    def snapshot(root: Path):
        chart_specs = {p.name: specs(p.read_text(encoding="utf-8")) for p in (root / "_build" / "html").rglob("*.html")}
        images = {p.name: p.read_bytes() for p in (root / "_build" / "html" / "_static" / "figures").glob("*.png")}
        return chart_specs, images

    before_specs, before_images = snapshot(built)
    assert sum(len(s) for s in before_specs.values()) >= 4 and before_images
    book, result = edited_builds["changed-view"]
    assert result.returncode == 0, result.output[-4000:]
    assert "execution cache cleared" in result.output
    html = page(book, "chapters/race.html")
    assert "4242" in html and "4242" not in page(built, "chapters/race.html")
    assert "多于（改）" in html and "多于（改）" not in page(built, "chapters/race.html")
    after_specs, after_images = snapshot(book)
    assert after_specs["race.html"] != before_specs["race.html"]
    assert {k: v for k, v in after_specs.items() if k != "race.html"} == \
        {k: v for k, v in before_specs.items() if k != "race.html"}
    # chart images (PNG) of other pages and every word cloud stay byte-identical; the race page's charts show the edits
    assert {k: v for k, v in after_images.items() if not k.startswith("race-")} == \
        {k: v for k, v in before_images.items() if not k.startswith("race-")}


def test_jupyter_book_is_pinned_below_2():
    assert int(metadata.version("jupyter-book").split(".")[0]) < 2
    pins = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^jupyter-book==1\.", pins, flags=re.M)


def test_config_sets_the_known_traps():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["sphinx"]["recursive_update"] is True
    assert config["sphinx"]["config"]["language"] == "zh_CN"
    assert config["sphinx"]["config"]["nb_execution_raise_on_error"] is True
    assert config["execute"]["stderr_output"] == "error"
    assert config["execute"]["execute_notebooks"] == "cache"


def test_changed_inputs_clear_the_execution_state(tmp_path):
    from cnai.site.build import EXECUTION_STATE, prepare_execution_cache

    assert prepare_execution_cache(tmp_path, "key-1") is True
    for name in EXECUTION_STATE:
        (tmp_path / name).mkdir()
    assert prepare_execution_cache(tmp_path, "key-1") is False  # same inputs: executed notebooks are kept
    assert all((tmp_path / name).exists() for name in EXECUTION_STATE)
    assert prepare_execution_cache(tmp_path, "key-2") is True  # data, dictionary or package changed
    assert not any((tmp_path / name).exists() for name in EXECUTION_STATE)


def test_changed_site_assets_rewrite_the_site(tmp_path):
    """Sphinx copies static files only when some page is out of date: a changed stylesheet alone must still
    reach the site, so the written pages go when the package's static files or templates change."""
    from cnai.site.build import prepare_site, site_assets_key

    assets = tmp_path / "static"
    assets.mkdir()
    (assets / "a.css").write_text("p { color: #000; }", encoding="utf-8")
    before = site_assets_key((assets,))
    (assets / "a.css").write_text("p { color: #111; }", encoding="utf-8")
    assert site_assets_key((assets,)) != before
    build = tmp_path / "_build"
    assert prepare_site(build, "key-1") is True
    (build / "html").mkdir()
    assert prepare_site(build, "key-1") is False and (build / "html").exists()
    assert prepare_site(build, "key-2") is True and not (build / "html").exists()


def test_appendix_pages_document_and_offer_every_curated_table(built):
    from cnai.facts.schemas import CURATED

    html = page(built, "appendix/data_dictionary.html")
    for name in CURATED:
        assert f'id="table-{name}"' in html, name
        link = f"../_static/tables/{name}.csv"
        assert link in html
        assert (built / "_build" / "html" / "_static" / "tables" / f"{name}.csv").is_file()
    for path in (built / "data" / "mappings").glob("*.yml"):
        assert f'id="mapping-{path.stem}"' in html, path.name
    sources = page(built, "appendix/sources.html")
    assert "hti_report_2024_06" in sources and "breakthing.com" in sources


def analytical_chapters() -> list[str]:
    return [f for f in toc_files() if f.startswith("chapters/") and f != "chapters/corpus"]


def outside_credits() -> list[str]:
    """How a chart's source note credits an outside snapshot (cnai.snapshots.credit_line)."""
    from cnai.snapshots import credit_line, names

    return [credit_line(source) for source in names()]


@pytest.mark.parametrize("chapter", analytical_chapters())
def test_analytical_chapter_page(built, chapter):
    """Two lines of evidence: at least two charts of outside data (their notes credit a snapshot and its licence)
    and two of the corpus, each with its CSV; the findings and English abstract first, a chart in the first
    section after them; no word cloud (they describe the corpus, in its chapter) and no placeholder text."""
    html = page(built, f"{chapter}.html")
    soup = BeautifulSoup(html, "html.parser")
    figures = soup.select("figure.cnai-chart")
    credits = outside_credits()
    outside = [f for f in figures if any(c in f.select_one(".cnai-source").get_text() for c in credits)]
    assert len(outside) >= 2 and len(figures) - len(outside) >= 2, (chapter, len(outside), len(figures))
    for figure in figures:
        link = figure.select_one("a.cnai-csv")["href"].removeprefix("../")
        assert (built / "_build" / "html" / link).is_file(), link
    assert "wordcloud" not in html
    text = re.sub(r"<[^>]+>", " ", html)
    for placeholder in ("TODO", "TBD", "lorem", "待补充", "占位"):
        assert placeholder not in text, placeholder
    assert "要点" in html and "English abstract" in html
    first_section = soup.select("main section section")[0]
    assert first_section.select("figure.cnai-chart"), f"{chapter}: the first section after the abstract has no chart"


def test_pages_carry_open_graph_previews(built):
    html = page(built, "chapters/race.html")
    assert re.search(r'<meta property="og:title" content="第一章 百模大战[^"]*· 中国人工智能产业数据手册"', html)
    description = re.search(r'<meta property="og:description" content="([^"]+)"', html)
    assert description and len(description.group(1)) > 20


def test_chapters_link_where_they_share_a_series(built):
    """Where two pages show the same series or the same claim, each points the reader to the other: robotics and
    commercialisation share the market forecasts (and the methods appendix recomputes their growth rates), race and
    chips share the training hardware, and the race chapter's "近200个" is the claims tracker's first verdict."""
    def links(path: str) -> set[str]:
        soup = BeautifulSoup(page(built, path), "html.parser")
        return {a["href"].split("/")[-1] for a in soup.select("main a[href*='.html#']")}

    assert {"commercialization.html#commercialization-findings", "methods.html#methods-growth"} <= links(
        "chapters/robotics.html")
    assert "robotics.html#robotics-findings" in links("chapters/commercialization.html")
    assert {"chips.html#chips-findings", "claims.html#claims-findings"} <= links("chapters/race.html")
    assert "race.html#race-findings" in links("chapters/chips.html")


def test_notebooks_run_in_parallel_into_the_cache_and_a_failing_one_is_left_to_sphinx(tmp_path, monkeypatch):
    """The build's parallel pass caches what it ran, under the key myst-nb looks up, and leaves out a notebook
    whose cell fails (Sphinx runs that one again and reports the error)."""
    from jupyter_cache import get_cache

    from cnai.site import build

    header = "---\njupytext:\n  text_representation:\n    extension: .md\n    format_name: myst\nkernelspec:\n" \
             "  display_name: Python 3\n  language: python\n  name: python3\n---\n\n"
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(header + "```{code-cell} ipython3\nprint(6 * 7)\n```\n", encoding="utf-8")
    bad.write_text(header + "```{code-cell} ipython3\n1 / 0\n```\n", encoding="utf-8")
    monkeypatch.setattr(build, "JUPYTER_CACHE", tmp_path / "cache")
    assert build.execute_in_parallel([good, bad], workers=2) == [bad]
    cache = get_cache(str(tmp_path / "cache"))
    record = cache.match_cache_notebook(build.read_notebook(good))  # raises KeyError if not cached under this key
    outputs = cache.get_cache_bundle(record.pk).nb.cells[0].outputs
    assert outputs[0]["text"] == "42\n"
    with pytest.raises(KeyError):
        cache.match_cache_notebook(build.read_notebook(bad))
