"""Run one chapter notebook on its own and report what the book build would: `python -m cnai.check_notebook PATH`.

Fails on a cell error or any stderr output, and counts the charts, word clouds and searchable tables the page
will hold. Quicker than a full build while writing a chapter; the build itself stays the authority.
"""
from __future__ import annotations

import sys
from pathlib import Path


def check(path: Path) -> dict[str, int]:
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(path)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent.resolve())}}).execute()
    counts = {"charts": 0, "wordclouds": 0, "tables": 0, "stderr": 0}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("name") == "stderr":
                counts["stderr"] += 1
                print(f"stderr: {output.get('text', '')[:300]}")
            html = output.get("data", {}).get("text/html", "")
            counts["charts"] += html.count('class="cnai-vega"')
            counts["wordclouds"] += html.count('class="cnai-wordcloud"')
            counts["tables"] += html.count('class="cnai-table"')
    return counts


def main() -> int:
    path = Path(sys.argv[1])
    counts = check(path)
    print(f"{path}: {counts}")
    return 1 if counts["stderr"] else 0


if __name__ == "__main__":
    sys.exit(main())
