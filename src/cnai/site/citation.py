"""How to cite the book: BibTeX and APA made from CITATION.cff at the repository root (the one place its title,
authors, version and date are kept)."""
from __future__ import annotations

import yaml

from .. import paths


def citation() -> dict:
    return yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def _authors(book: dict) -> list[str]:
    return [a.get("name") or f"{a['family-names']}, {a['given-names']}" for a in book["authors"]]


def bibtex(book: dict | None = None) -> str:
    book = book or citation()
    year = str(book["date-released"])[:4]
    fields = {
        "author": " and ".join("{" + a + "}" if "," not in a else a for a in _authors(book)),
        "title": "{" + book["title"] + "}",
        "year": year,
        "version": str(book["version"]),
        "note": f"Dataset and executable data book, licence {book['license']}",
    }
    if book.get("url"):
        fields["url"] = book["url"]
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items())
    return f"@misc{{cnai_data_book_{year},\n{body}\n}}"


def apa(book: dict | None = None) -> str:
    book = book or citation()
    authors = ", ".join(_authors(book))
    url = f" {book['url']}" if book.get("url") else ""
    return (f"{authors}. ({str(book['date-released'])[:4]}). {book['title']} (Version {book['version']}) "
            f"[Data set].{url}")


def citation_html(book: dict | None = None) -> str:
    """The citation block of the front page and the data page: APA, then BibTeX to copy."""
    import html

    book = book or citation()
    return (f'<div class="cnai-citation"><p><strong>APA</strong>：{html.escape(apa(book))}</p>'
            f"<p><strong>BibTeX</strong>：</p><pre>{html.escape(bibtex(book))}</pre>"
            "<p>引用信息取自仓库根目录的 <code>CITATION.cff</code>。</p></div>")
