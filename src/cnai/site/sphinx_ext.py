"""Sphinx extension: serve the Vega bundle, chart data and word clouds from the site's own _static; link previews,
canonical links and the sitemap of the published site."""
from __future__ import annotations

import html
import os
import posixpath
import re
import shutil
from importlib import metadata
from pathlib import Path
from xml.etree import ElementTree

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.references import SphinxDomains

from .. import paths
from .charts import SITE_DATA
from .search import MAP_SCRIPT, SearchChineseBothScripts, search_dictionary, write_map_script

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"  # overrides of theme components, found before the theme's own
BUNDLE_DIR = paths.BUILD / ".vega"


def vega_bundle() -> Path:
    """vega, vega-lite and vega-embed in one script, from vl-convert-python; rebuilt when its version changes."""
    version = metadata.version("vl-convert-python")
    path = BUNDLE_DIR / version / "vega-bundle.js"
    if not path.exists():
        import vl_convert

        path.parent.mkdir(parents=True, exist_ok=True)
        # Wrapped in a function so the bundle's top-level names cannot clash with other scripts.
        path.write_text("(function(){\n" + vl_convert.javascript_bundle() + "\n})();\n", encoding="utf-8")
    return path.parent


TABLES_DIR = paths.BUILD / ".site_tables"


def export_tables() -> Path:
    """The data package (every table as CSV, datapackage.json and one zip; cnai.site.datapackage), for download
    from _static/tables/; written again only when its inputs changed (the data's cache key and CITATION.cff), as
    writing it takes seconds that a warm rebuild otherwise does not."""
    import hashlib

    from . import datapackage
    from ..data import refresh

    target, stamp = TABLES_DIR / "tables", TABLES_DIR / ".inputs-key"
    key = refresh() + hashlib.sha256((paths.ROOT / "CITATION.cff").read_bytes()).hexdigest()
    if not (stamp.exists() and stamp.read_text() == key and (target / datapackage.DESCRIPTOR).exists()):
        datapackage.write(target)
        stamp.write_text(key)
    return TABLES_DIR


ITABLES_DIR = paths.BUILD / ".itables"


def itables_assets() -> Path:
    """itables' DataTables bundle, and the module that loads it when a table comes near the screen and announces
    it the way itables' offline tables expect (static/cnai-tables.js)."""
    import itables

    source = Path(itables.__file__).parent / "html"
    target = ITABLES_DIR / itables.__version__
    target.mkdir(parents=True, exist_ok=True)
    for name in ("dt_bundle.js", "dt_bundle.css"):
        if not (target / name).exists():
            shutil.copyfile(source / name, target / name)
    flag = "_itables_" + itables.__version__.replace(".", "_")
    (target / "cnai-itables.js").write_text(
        'import { loadWhenNear } from "./cnai-tables.js";\n'
        f'loadWhenNear("{flag}", "itables-{itables.__version__}-ready");\n', encoding="utf-8")
    return target


def site_url() -> str:
    """Where the site is published, from CNAI_SITE_URL (e.g. https://owner.github.io/repo/), ending in "/";
    "" when unset: local builds carry no canonical links and no sitemap."""
    url = os.environ.get("CNAI_SITE_URL", "").strip()
    return url.rstrip("/") + "/" if url else ""


def _set_baseurl(app, config) -> None:
    """html_baseurl from CNAI_SITE_URL: Sphinx then writes <link rel="canonical"> on every page. It is an "html"
    config value, so a build with another URL (or none) rewrites every page; no clean build is needed."""
    if site_url():
        config.html_baseurl = site_url()


def _config_inited(app, config) -> None:
    SITE_DATA.mkdir(parents=True, exist_ok=True)
    config.html_static_path = list(config.html_static_path) + [
        str(STATIC), str(vega_bundle()), str(SITE_DATA.parent), str(export_tables()), str(itables_assets())]
    export_notebooks()
    config.html_favicon = str(STATIC / "favicon.svg")
    config.templates_path = [str(TEMPLATES)] + list(config.templates_path)
    options = dict(config.html_search_options or {})
    options["dict"] = str(search_dictionary(paths.BUILD / "search_dict.txt"))
    config.html_search_options = options


def _is_thebe(asset) -> bool:
    text = f"{getattr(asset, 'filename', '') or ''} {getattr(asset, 'attributes', {})}"
    return "thebe" in text.lower()


def _asset_name(asset) -> str:
    return str(getattr(asset, "filename", asset) or "").split("?")[0].rsplit("/", 1)[-1]


def _unused_assets(body: str) -> set[str]:
    """Theme and extension files a page does not use: the site has no live kernels (thebe) and shows no code
    (copy buttons, syntax colours). (fontawesome.js goes in templates/static/webpack-macros.html.)"""
    unused = {"sphinx-thebe.js", "sphinx-thebe.css"}
    if 'class="highlight' not in body:
        unused |= {"copybutton.js", "copybutton.css", "clipboard.min.js", "pygments.css"}
    if not re.search(r'class="[^"]*\b(toggle|dropdown)\b', body):
        unused |= {"togglebutton.js", "togglebutton.css"}
    if 'class="sd-' not in body:
        unused |= {"sphinx-design.min.css", "design-tabs.js"}
    return unused


# Sphinx's and the book theme's scripts in <head> block the first paint; none of them needs to run before the page
# is parsed (their work waits for DOMContentLoaded, which deferred scripts precede, in order). documentation_options.js
# stays: inline scripts after it set DOCUMENTATION_OPTIONS.pagename as the page is parsed. The search page keeps
# them all as they are: its template's searchtools.js calls doctools.js as it loads.
DEFERRABLE_SCRIPTS = {"doctools.js", "sphinx_highlight.js", "sphinx-book-theme.js", "translations.js"}


def _defer_head_scripts(app, pagename, templatename, context, doctree) -> None:
    if templatename == "search.html":  # adds searchtools.js in the template, after script_files
        return
    from sphinx.builders.html._assets import _JavaScript

    # New objects: the builder shares its asset objects between pages (the search page must not get these).
    context["script_files"] = [
        _JavaScript(a.filename, priority=a.priority, **{**a.attributes, "defer": "defer"})
        if isinstance(a, _JavaScript) and _asset_name(a) in DEFERRABLE_SCRIPTS else a
        for a in context.get("script_files", [])]


def _drop_unused_assets(app, pagename, templatename, context, doctree) -> None:
    """Leave out what a page does not use (_unused_assets); sphinx-thebe's scripts also threw "Identifier
    'THEBE_JS_URL' has already been declared" (added twice)."""
    unused = _unused_assets(context.get("body", ""))
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if _asset_name(a) not in unused and not _is_thebe(a)]


def _description(body: str, limit: int = 160) -> str:
    """The page's first paragraph as plain text, for link previews."""
    for paragraph in re.findall(r"<p>(.*?)</p>", body, flags=re.S):
        text = html.unescape(re.sub(r"<[^>]+>", "", paragraph)).strip()
        if len(text) > 20:
            return text[:limit].rstrip() + ("…" if len(text) > limit else "")
    return ""


def _open_graph(app, pagename, templatename, context, doctree) -> None:
    """Open Graph title and description per page, so shared links preview well."""
    site = app.config.html_title or app.config.project
    title = html.unescape(re.sub(r"<[^>]+>", "", context.get("title", "")))
    tags = [("og:title", f"{title} · {site}" if title and title != site else site),
            ("og:description", _description(context.get("body", ""))), ("og:url", context.get("pageurl") or ""),
            ("og:type", "article"), ("og:locale", "zh_CN"), ("og:site_name", site)]
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<meta property="{name}" content="{html.escape(value, quote=True)}" />' for name, value in tags if value)


def _write_sitemap(app, exception) -> None:
    """sitemap.xml with the canonical URL of every page of the book (not the search and index pages), written
    from the environment so that an incremental build still lists all pages; removed when there is no base URL."""
    if exception or app.builder.name != "html":
        return
    sitemap, base = Path(app.outdir) / "sitemap.xml", app.config.html_baseurl
    if not base:
        sitemap.unlink(missing_ok=True)  # left by an earlier build for a published URL
        return
    urlset = ElementTree.Element("urlset", xmlns="http://www.sitemaps.org/schemas/sitemap/0.9")
    for doc in sorted(app.env.found_docs):
        # the URL of Sphinx's canonical link (StandaloneHTMLBuilder.handle_page)
        ElementTree.SubElement(ElementTree.SubElement(urlset, "url"), "loc").text = posixpath.join(
            base, doc + app.builder.out_suffix)
    ElementTree.ElementTree(urlset).write(sitemap, encoding="utf-8", xml_declaration=True)


THEME_CSS = "_static/styles/pydata-sphinx-theme.css"
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:before,?)+)\{content:"[^"]*"\}')


def _keep_used_icons(app, exception) -> None:
    """The theme's stylesheet carries all ~1,900 Font Awesome icon rules (86 KB of its 397 KB); keep those whose
    class appears in a page or script of the site. The stylesheet blocks rendering, so this is weight every
    reader waits for."""
    css_path = Path(app.outdir) / THEME_CSS
    if exception or app.builder.name != "html" or not css_path.exists():
        return
    used = set()
    for path in Path(app.outdir).rglob("*"):
        if path.suffix in (".html", ".js") and path.is_file():
            used |= set(re.findall(r"fa-[a-z0-9-]+", path.read_text(encoding="utf-8", errors="ignore")))

    def rule(match) -> str:
        names = re.findall(r"\.(fa-[a-z0-9-]+):before", match.group(1))
        return match.group(0) if used & set(names) else ""

    css = css_path.read_text(encoding="utf-8")
    css_path.write_text(re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", ICON_RULE.sub(rule, css)), encoding="utf-8")


ICON_FONTS = "vendor/fontawesome/webfonts"  # in _static
ICON_CODEPOINT = re.compile(r"\\([0-9a-fA-F]{4,6})|([\ue000-\uf8ff])")  # a CSS escape, or the character itself


def icon_codepoints(site: Path) -> set[int]:
    """Every Font Awesome glyph the site's stylesheets can draw: private-use code points, escaped ("\\f002") or
    literal (the theme's --pst-icon-* variables)."""
    points = set()
    for css in (site / "_static").rglob("*.css"):
        for escaped, literal in ICON_CODEPOINT.findall(css.read_text(encoding="utf-8", errors="ignore")):
            point = int(escaped, 16) if escaped else ord(literal)
            if 0xE000 <= point <= 0xF8FF:
                points.add(point)
    return points


def theme_static() -> Path:
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"


def _subset_icon_fonts(app, exception) -> None:
    """Cut the theme's Font Awesome web fonts (300 KB, fetched before the first paint) down to the glyphs its
    stylesheets still use once _keep_used_icons has run. Always cut from the theme package's own files, so that
    rebuilding gives the same bytes."""
    target = Path(app.outdir) / "_static" / ICON_FONTS
    if exception or app.builder.name != "html" or not target.exists():
        return
    from fontTools import subset

    points = icon_codepoints(Path(app.outdir))
    fonts = sorted((theme_static() / ICON_FONTS).glob("*.woff2"))
    if not fonts:
        raise RuntimeError(f"no Font Awesome fonts in {theme_static() / ICON_FONTS}: has the theme moved them?")
    for font in fonts:
        options = subset.Options(flavor="woff2", layout_features=[], name_IDs=["*"], notdef_outline=True)
        subsetter = subset.Subsetter(options)
        loaded = subset.load_font(str(font), options)
        subsetter.populate(unicodes=points)
        subsetter.subset(loaded)
        subset.save_font(loaded, str(target / font.name), options)


def _write_query_map(app, exception) -> None:
    """_static/cnai-t2s.js, the map that turns a reader's query into Simplified (cnai.site.search), from the written
    search index and the tables' CSV files."""
    if exception or app.builder.name != "html" or not (Path(app.outdir) / "searchindex.js").exists():
        return
    write_map_script(Path(app.outdir), SITE_DATA)


def export_notebooks() -> None:
    """The chapters' notebook sources (MyST Markdown, jupytext) for download from _static/notebooks/."""
    target = TABLES_DIR / "notebooks"
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted((paths.ROOT / "chapters").glob("*.md")):
        shutil.copyfile(path, target / path.name)


def notebook_note(pagename: str) -> str:
    """The line under a chapter that offers its executable source and says how to run it."""
    name = posixpath.basename(pagename)
    return (f'<p class="cnai-notebook">本章是可执行的笔记本：<a href="../_static/notebooks/{name}.md" download>'
            f"下载本章源文件（MyST Markdown）</a> · "
            f'<a href="../appendix/data.html#run-locally">如何在本地重新运行</a></p>')


def _page_context(app, pagename, templatename, context, doctree) -> None:
    if pagename.startswith("chapters/") and "body" in context:
        context["body"] += notebook_note(pagename)
    if pagename == "search":  # the search index's Stemmer converts the query with it (cnai.site.search)
        app.add_js_file(MAP_SCRIPT)
        app.add_js_file("cnai-search.js", loading_method="defer")  # snippets without chart text
    body = context.get("body", "")
    if "cnai-vega" in body:  # cnai-charts.js loads vega-bundle.js itself, when a reader reaches for a chart
        app.add_js_file("cnai-charts.js", loading_method="defer")
    if "cnai-table" in body:
        app.add_js_file("cnai-itables.js", type="module")


def glossary_anchor(term: str) -> str:
    """A glossary term's anchor, from its own words: term-百模大战, term-API-价格."""
    return "term-" + re.sub(r"\s+", "-", term.strip())


class GlossaryAnchors(SphinxTransform):
    """Sphinx anchors a glossary term by its ASCII letters only: the Chinese terms get running numbers (#term-0,
    #term-1…), which change when a term is added above, and "API 价格" becomes #term-API. Anchor each term by all
    its words instead, and point the cross-references there; before the domains record the index entries."""

    default_priority = SphinxDomains.default_priority - 1

    def apply(self, **kwargs) -> None:
        std = self.env.get_domain("std")
        for glossary in self.document.findall(addnodes.glossary):
            for term in glossary.findall(nodes.term):
                _anchor_term(std, self.env.docname, term)


def _anchor_term(std, docname: str, term: nodes.term) -> None:
    text = term.astext()
    old, anchor = term["ids"][0], glossary_anchor(text)
    term["ids"][0] = anchor
    for index in term.findall(addnodes.index):
        index["entries"] = [(kind, value, anchor if target == old else target, *rest)
                            for kind, value, target, *rest in index["entries"]]
    std.objects["term", text] = (docname, anchor)
    std._terms[text.lower()] = (docname, anchor)


def setup(app):
    app.connect("config-inited", _config_inited)
    app.add_transform(GlossaryAnchors)
    app.connect("config-inited", _set_baseurl)
    app.connect("html-page-context", _page_context)
    app.connect("html-page-context", _open_graph)
    app.connect("html-page-context", _drop_unused_assets, priority=900)  # after the extensions have added theirs
    app.connect("html-page-context", _defer_head_scripts, priority=900)
    app.connect("build-finished", _write_sitemap)
    app.connect("build-finished", _write_query_map)
    app.connect("build-finished", _keep_used_icons)
    app.connect("build-finished", _subset_icon_fonts)  # after _keep_used_icons: the glyphs its rules still use
    app.add_css_file("cnai.css")
    app.add_search_language(SearchChineseBothScripts)  # language zh_CN: Sphinx falls back to the "zh" entry
    return {"parallel_read_safe": True, "parallel_write_safe": True}


class VegaLiteForJupyterLab:
    """myst-nb mime plugin: chart outputs also carry the Vega-Lite mimetype so that JupyterLab draws them when a
    reader reruns a notebook; the site draws the HTML part instead, so this renders the mimetype to nothing."""

    mime_priority_overrides = [("*", "application/vnd.vegalite.v6+json", None)]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type.startswith("application/vnd.vegalite."):
            return []
        return None
