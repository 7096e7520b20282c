"""Build the book: `python -m cnai.site.build [extra jupyter-book args]`.

Jupyter Book 1 re-executes a notebook only when its code cells change. The notebooks also depend on the data,
the dictionaries, the curated tables, the mappings and every module of this package, so the execution cache is
cleared whenever their hash (`cnai.data.cache_key`) changes. The build runs
with -n -W --keep-going: a failing cell or any Sphinx warning fails it.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from .. import data, paths

STAMP_NAME = ".inputs-key"


EXECUTION_STATE = (".jupyter_cache", "jupyter_execute", ".doctrees", ".site_static")


def prepare_execution_cache(build_dir: Path, key: str) -> bool:
    """Forget executed notebooks if the inputs changed since they ran; True if anything was cleared.

    Sphinx re-reads (and so re-executes) only changed source files, and jupyter-cache keys on code cells, so
    both caches go, together with the chart files the notebooks wrote.
    """
    stamp = build_dir / STAMP_NAME
    if stamp.exists() and stamp.read_text().strip() == key and (build_dir / ".site_static").is_dir():
        return False
    for name in EXECUTION_STATE:
        shutil.rmtree(build_dir / name, ignore_errors=True)
    build_dir.mkdir(parents=True, exist_ok=True)
    stamp.write_text(key + "\n")
    return True


SITE_STAMP = ".site-assets-key"


def site_assets_key(folders: tuple[Path, ...] | None = None) -> str:
    """A hash of the site's own static files and theme templates (cnai/site/static, cnai/site/templates)."""
    from .sphinx_ext import STATIC, TEMPLATES

    digest = hashlib.sha256()
    for folder in folders or (STATIC, TEMPLATES):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def prepare_site(build_dir: Path, key: str) -> bool:
    """Remove the written site if the static files or templates changed; True if it did. When no page is out
    of date Sphinx stops before copying static files, so a changed stylesheet or script would never reach the
    site; with the pages gone, Sphinx writes them all (from its saved doctrees, without running notebooks)."""
    stamp = build_dir / SITE_STAMP
    if stamp.exists() and stamp.read_text().strip() == key:
        return False
    shutil.rmtree(build_dir / "html", ignore_errors=True)
    build_dir.mkdir(parents=True, exist_ok=True)
    stamp.write_text(key + "\n")
    return True


def toc_files(book: Path = paths.ROOT) -> list[str]:
    """The book's pages in _toc.yml order (landing page first), without suffix."""
    import yaml

    toc = yaml.safe_load((book / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


def command(book: Path, extra: list[str]) -> list[str]:
    exe = Path(sys.executable).with_name("jupyter-book")
    return [str(exe), "build", str(book), "--builder", "html", "-n", "-W", "--keep-going", *extra]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    key = data.refresh()  # tables first, so notebooks never race to build them; the key covers every input
    if prepare_execution_cache(paths.BUILD, key):
        print("cnai.site.build: inputs changed, notebook execution cache cleared", flush=True)
    if prepare_site(paths.BUILD, site_assets_key()):
        print("cnai.site.build: site assets changed, every page will be written again", flush=True)
    return subprocess.call(command(paths.ROOT, argv))


if __name__ == "__main__":
    sys.exit(main())
