"""Shared fixtures: temporary copies of the corpus and of the whole book."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cnai import paths
from cnai.site.build import toc_files  # noqa: F401  (tests import it from here)
from cnai.data import Sources
from cnai.corpus.manifest import Document

ROOT = paths.ROOT


def make_document(**overrides) -> Document:
    """A manifest entry for fixture texts; override what a test needs."""
    fields = dict(
        id="fixture", label="fixture doc", file="fixture.txt", sha256="0" * 64, kind="newspaper_page",
        layout="single_article", outlet="测试报", outlet_evidence="fixture", date="2024-01-01",
        date_precision="day", language="zh", script="Hans", extraction="fixture", title="测试标题",
    )
    fields.update(overrides)
    return Document.model_validate(fields)


@pytest.fixture
def corpus_copy(tmp_path) -> Sources:
    """A writable copy of data/raw and data/dict with its own cache folder."""
    raw = tmp_path / "raw"
    shutil.copytree(paths.RAW, raw)
    for path in raw.iterdir():
        path.chmod(0o644)
    shutil.copytree(paths.DICT_DIR, tmp_path / "dict")
    pieces = paths.PROCESSED / "docs"
    if pieces.is_dir():  # the per-document cache: a test's new or changed document is the only one processed anew
        shutil.copytree(pieces, tmp_path / "processed" / "docs")
    return Sources(raw_dir=raw, dict_dir=tmp_path / "dict", cache_dir=tmp_path / "processed")


@pytest.fixture
def mappings_copy(tmp_path, monkeypatch):
    """A writable copy of data/mappings that the code reads instead of the real one. Returns an editor that drops
    the lines of one file that start with a given text; `.folder` is the copy."""
    folder = tmp_path / "mappings"
    shutil.copytree(paths.MAPPINGS, folder)
    monkeypatch.setattr(paths, "MAPPINGS", folder)

    def drop_lines(name: str, start: str) -> None:
        path = folder / f"{name}.yml"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if not line.startswith(start)]
        assert len(kept) < len(lines), f"no line of {name}.yml starts with {start!r}"
        path.write_text("".join(kept), encoding="utf-8")

    drop_lines.folder = folder
    return drop_lines


def copy_snapshot(name: str, dest: Path) -> Path:
    """A writable copy of one outside snapshot, its record and the licence list, in a folder laid out like
    data/raw/external."""
    folder = dest / "external"
    folder.mkdir(exist_ok=True)
    shutil.copytree(paths.EXTERNAL / name, folder / name)
    for file in (f"{name}.meta.yml", "licences.yml"):
        shutil.copy(paths.EXTERNAL / file, folder / file)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return folder


@pytest.fixture
def snapshot_copy(tmp_path):
    """A writable copy of one small snapshot (Epoch's ML hardware)."""
    return copy_snapshot("epoch_hardware", tmp_path)


def tracked_files() -> list[str]:
    if (ROOT / ".git").exists():
        out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
        return [line for line in out.splitlines() if line and (ROOT / line).is_file()]
    return [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file() and "_build" not in p.parts]


def copy_book(dest: Path) -> Path:
    """The repository's files (tracked or new, not ignored) copied to dest: a clean checkout to build."""
    for rel in tracked_files():
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    return dest


SITE_URL = "https://example.org/cnai-book/"  # tests build the book for a published URL, as the Pages workflow does


def build_env(book: Path) -> dict:
    return dict(os.environ, PYTHONPATH=str(book / "src"), CNAI_SITE_URL=SITE_URL)


class BuildResult:
    def __init__(self, returncode: int, output: str):
        self.returncode, self.output = returncode, output


class Build:
    """`python -m cnai.site.build` on a copied book, importing the copy's own package, running in the background;
    its output goes to a file beside the book."""

    def __init__(self, book: Path):
        self.book, self.log = book, book.parent / f"{book.name}-build.log"
        with self.log.open("w", encoding="utf-8") as out:
            self.process = subprocess.Popen([sys.executable, "-m", "cnai.site.build"], cwd=book, env=build_env(book),
                                            stdout=out, stderr=subprocess.STDOUT, text=True)

    def finish(self) -> BuildResult:
        returncode = self.process.wait(timeout=1200)
        return BuildResult(returncode, self.log.read_text(encoding="utf-8"))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def pytest_collection_modifyitems(items):
    """Every test that uses the built book carries the `build` marker, so `pytest -m "not build"` runs the rest;
    those tests run last (in their order), while the book builds."""
    for item in items:
        if "built" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.build)
    items.sort(key=lambda item: item.get_closest_marker("build") is not None)


def pytest_collection_finish(session):
    """Start the book's build once the selection is final (after -m and -k), if a selected test needs it."""
    if any("built" in getattr(item, "fixturenames", ()) for item in session.items):
        book = session.config._tmp_path_factory.mktemp("book")
        session.config.stash[BUILD_KEY] = Build(copy_book(book))


def pytest_sessionfinish(session):
    build = session.config.stash.get(BUILD_KEY, None)
    if build is not None:
        build.stop()


BUILD_KEY = pytest.StashKey[Build]()


@pytest.fixture(scope="session")
def built(request) -> Path:
    """The book built once per test session from a clean copy of the repository, started at collection: the tests
    that do not need the book run on the other core meanwhile, and the ones that do (ordered last) wait for it."""
    build = request.config.stash[BUILD_KEY]
    result = build.finish()
    assert result.returncode == 0, result.output[-6000:]
    return build.book


@pytest.fixture
def registry_copy(tmp_path, monkeypatch):
    """A writable copy of data/registry (main files and parts) that the code reads instead of the real one. Returns
    an editor that drops the entry with a given id from one file (`drop("organisations_epoch.yml", "aalto_university")`);
    `.folder` is the copy."""
    folder = tmp_path / "registry"
    shutil.copytree(paths.REGISTRY, folder)
    monkeypatch.setattr(paths, "REGISTRY", folder)

    def drop(name: str, entry_id: str) -> None:
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if not line.startswith(f"- {{id: {entry_id},")]
        assert len(kept) == len(lines) - 1, f"{name} has no one-line entry {entry_id!r}"
        path.write_text("".join(kept), encoding="utf-8")

    drop.folder = folder
    return drop
