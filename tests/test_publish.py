"""Publishing: canonical links, og:url and the sitemap for the site's URL, and the GitHub Pages workflow."""
import re
from types import SimpleNamespace
from xml.etree import ElementTree

import yaml

from cnai.site import sphinx_ext
from conftest import ROOT, SITE_URL, toc_files

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def head_link(html: str, pattern: str) -> str | None:
    match = re.search(pattern, html)
    return match.group(1) if match else None


def test_every_page_has_its_canonical_url_as_canonical_link_and_og_url(built):
    for name in toc_files():
        html = (built / "_build" / "html" / f"{name}.html").read_text(encoding="utf-8")
        assert head_link(html, r'<link rel="canonical" href="([^"]+)"') == f"{SITE_URL}{name}.html", name
        assert head_link(html, r'<meta property="og:url" content="([^"]+)"') == f"{SITE_URL}{name}.html", name


def test_sitemap_lists_exactly_the_pages_of_the_book(built):
    root = ElementTree.parse(built / "_build" / "html" / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    urls = [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]
    assert sorted(urls) == sorted(f"{SITE_URL}{name}.html" for name in toc_files())


def test_site_url_comes_from_the_environment_and_ends_with_a_slash(monkeypatch):
    monkeypatch.delenv("CNAI_SITE_URL", raising=False)
    assert sphinx_ext.site_url() == ""
    monkeypatch.setenv("CNAI_SITE_URL", "https://owner.github.io/repo")
    assert sphinx_ext.site_url() == "https://owner.github.io/repo/"
    monkeypatch.setenv("CNAI_SITE_URL", "https://owner.github.io/repo/")
    assert sphinx_ext.site_url() == "https://owner.github.io/repo/"


def test_without_a_site_url_there_is_no_base_url_og_url_or_sitemap(monkeypatch, tmp_path):
    monkeypatch.delenv("CNAI_SITE_URL", raising=False)
    config = SimpleNamespace(html_baseurl="", html_title="书", project="书")
    sphinx_ext._set_baseurl(None, config)
    assert config.html_baseurl == ""  # so Sphinx writes no canonical link
    app = SimpleNamespace(config=config, outdir=str(tmp_path), builder=SimpleNamespace(name="html"))
    context = {"title": "第一章", "body": "<p>" + "正文" * 20 + "</p>", "pageurl": None}
    sphinx_ext._open_graph(app, "chapters/race", "page.html", context, None)
    assert 'property="og:title"' in context["metatags"] and "og:url" not in context["metatags"]
    (tmp_path / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")  # from an earlier published build
    sphinx_ext._write_sitemap(app, None)
    assert not (tmp_path / "sitemap.xml").exists()


def workflow() -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))


def test_pages_workflow_tests_with_ci_run_then_builds_and_deploys_the_site():
    flow = workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    steps = flow["jobs"]["test"]["steps"]
    runs = [step.get("run", "") for step in steps]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    ci, build = runs.index("bash .ci/run"), next(i for i, run in enumerate(runs) if "python -m cnai.site.build" in run)
    pages = uses.index("actions/configure-pages")
    upload = uses.index("actions/upload-pages-artifact")
    assert ci < pages < build < upload  # nothing is built or uploaded unless the tests passed
    assert ". .venv/bin/activate" in runs[build]  # the environment .ci/run installed from requirements.txt
    assert steps[build]["env"]["CNAI_SITE_URL"] == "${{ steps.%s.outputs.base_url }}" % steps[pages]["id"]
    assert steps[upload]["with"]["path"] == "_build/html"
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "test" and deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
