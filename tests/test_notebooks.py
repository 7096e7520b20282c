"""The README's "rerun in JupyterLab" path, outside the book build: a chapter, read by jupytext as a notebook,
executes with nbclient in a fresh kernel without an error or a line on stderr (cnai.site.check_notebook). One
chapter runs here (each takes 20-40 s, and the book build executes every chapter through nbclient anyway); every
chapter is checked to read as a notebook with a kernel and code cells."""
from pathlib import Path

import jupytext
import pytest

from cnai import paths
from cnai.site.check_notebook import check

CHAPTERS = sorted((paths.ROOT / "chapters").glob("*.md"))


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_chapter_reads_as_a_notebook(path: Path):
    notebook = jupytext.read(path)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    assert sum(cell.cell_type == "code" for cell in notebook.cells) >= 3


@pytest.mark.build
def test_a_chapter_executes_as_a_notebook_outside_the_book():
    counts = check(paths.ROOT / "chapters" / "race.md")
    assert counts["stderr"] == 0
    assert counts["charts"] + counts["wordclouds"] + counts["tables"] > 0  # it drew what the page shows
