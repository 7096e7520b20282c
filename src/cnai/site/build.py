"""Build the book: `python -m cnai.site.build [extra jupyter-book args]`.

Jupyter Book 1 re-executes a notebook only when its code cells change. The notebooks also depend on the data,
the dictionaries, the curated tables, the mappings and every module of this package, so the execution cache is
cleared whenever their hash (`cnai.data.cache_key`) changes. Sphinx then executes the notebooks one at a time;
the wrapper first runs them in parallel, one per core, into Jupyter Book's execution cache, which Sphinx reads
instead. The build runs with -n -W --keep-going: a failing cell or any Sphinx warning fails it.
"""
from __future__ import annotations

import hashlib
import os
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


JUPYTER_CACHE = paths.BUILD / ".jupyter_cache"  # where Jupyter Book keeps executed notebooks (nb_execution_cache_path)


def notebooks_to_run(book: Path = paths.ROOT) -> list[Path]:
    """The book's pages that are notebooks (a kernel in their front matter) and are not in the execution cache."""
    from jupyter_cache import get_cache

    cache = get_cache(str(JUPYTER_CACHE))
    pending = []
    for name in toc_files(book):
        path = book / f"{name}.md"
        notebook = read_notebook(path)
        if "kernelspec" in notebook.metadata and not _in_cache(cache, notebook):
            pending.append(path)
    return pending


def read_notebook(path: Path):
    """A MyST notebook as myst-nb reads it for execution, so that its cache entry is the one Sphinx looks up."""
    from myst_nb.core.read import read_myst_markdown_notebook

    return read_myst_markdown_notebook(path.read_text(encoding="utf-8"), add_source_map=True, path=str(path))


def _in_cache(cache, notebook) -> bool:
    try:
        cache.match_cache_notebook(notebook)
    except KeyError:
        return False
    return True


def _execute(path: Path, timeout: int):
    """One notebook executed as myst-nb executes it (local working directory, errors not allowed)."""
    from jupyter_cache.executors.utils import single_nb_execution

    notebook = read_notebook(path)
    result = single_nb_execution(notebook, cwd=str(path.parent), allow_errors=False, timeout=timeout,
                                 meta_override=True)
    return notebook, result.time, result.err is None


def execute_in_parallel(paths_: list[Path], workers: int, timeout: int = 600) -> list[Path]:
    """Execute notebooks `workers` at a time and cache the ones that succeed; returns those that failed, which are
    left for Sphinx, so that it runs them again and reports their errors as in any build."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(JUPYTER_CACHE))
    failed = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = {path: pool.submit(_execute, path, timeout) for path in paths_}
        for path, future in futures.items():  # cached in book order, whatever order they finish in
            try:
                notebook, seconds, succeeded = future.result()
            except Exception:  # e.g. front matter that does not parse: Sphinx reads it again and says where
                succeeded = False
            if not succeeded:
                failed.append(path)
                continue
            cache.cache_notebook_bundle(CacheBundleIn(notebook, str(path), data={"execution_seconds": seconds}),
                                        check_validity=False, overwrite=True)
    return failed


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
    pending = notebooks_to_run()
    workers = min(len(pending), os.cpu_count() or 1)
    if workers > 1:
        failed = execute_in_parallel(pending, workers)
        print(f"cnai.site.build: {len(pending) - len(failed)} of {len(pending)} notebooks executed, {workers} at a "
              "time", flush=True)
    return subprocess.call(command(paths.ROOT, argv))


if __name__ == "__main__":
    sys.exit(main())
