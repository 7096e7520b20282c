"""The corpus stage's tables: documents, parts, paragraphs, the cleaning report and metadata, from data/raw."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pandas as pd
import pandera.errors

from ..errors import CorpusError
from .clean import clean_document
from .manifest import Document, Manifest, check_corpus, load_manifest, read_raw, text_sha256
from .schemas import SCHEMAS


def validate(name: str, model, frame: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Check a table against its schema, and its doc_id against the documents table; say which rows fail."""
    try:
        frame = model.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases[["column", "check", "index", "failure_case"]].head(20)
        raise CorpusError(f"table {name!r} fails its schema:\n{cases.to_string(index=False)}") from None
    if documents is not None and "doc_id" in frame and name != "documents":
        unknown = frame.loc[~frame["doc_id"].isin(documents["doc_id"]), "doc_id"]
        if len(unknown):
            raise CorpusError(f"table {name!r} rows {list(unknown.index[:10])} name unknown doc_id {sorted(set(unknown))}")
    return frame


def _titles(doc) -> str:
    return " / ".join(t for t in doc.titles if t)


def clean_piece(doc: Document, raw: str) -> dict[str, pd.DataFrame | dict]:
    """One document's share of the corpus tables: its paragraphs, cleaning report, metadata and documents row."""
    cleaned = clean_document(doc, raw)
    row = {
        "doc_id": doc.id, "label": doc.label, "title": _titles(doc), "outlet": doc.outlet, "kind": doc.kind,
        "date": doc.date, "date_precision": doc.date_precision, "language": doc.language,
        "script": doc.script, "url": doc.url,
        "n_articles": int(cleaned.paragraphs.loc[cleaned.paragraphs["part_kind"] != "captions", "part_id"].nunique()),
        "raw_lines": raw.count("\n") + 1, "raw_chars": len(raw),
        "clean_chars": int(cleaned.paragraphs["n_chars"].sum()),
        "n_paragraphs": len(cleaned.paragraphs), "sha256": doc.sha256 or text_sha256(raw),
    }
    return {"paragraphs": cleaned.paragraphs, "cleaning_report": cleaned.report, "metadata": cleaned.metadata,
            "document": row}


Piece = Callable[[Document, str], dict]


def corpus_tables(manifest_path: Path, raw_dir: Path, piece: Piece = clean_piece) -> dict[str, pd.DataFrame]:
    """Check the manifest against data/raw, clean every document (through `piece`, which may cache), and return
    the corpus tables, validated."""
    manifest: Manifest = load_manifest(manifest_path)
    check_corpus(manifest, raw_dir)
    pieces = [piece(doc, read_raw(doc, raw_dir)) for doc in manifest.documents]
    all_paragraphs = pd.concat([p["paragraphs"] for p in pieces], ignore_index=True)
    tables = {
        "documents": pd.DataFrame([p["document"] for p in pieces]),
        "parts": _parts(manifest, all_paragraphs),
        "paragraphs": all_paragraphs,
        "cleaning_report": pd.concat([p["cleaning_report"] for p in pieces], ignore_index=True),
        "metadata": pd.concat([p["metadata"] for p in pieces], ignore_index=True),
    }
    return {name: validate(name, SCHEMAS[name], frame, tables["documents"]) for name, frame in tables.items()}


def _parts(manifest: Manifest, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """One row per article or report section, with its title and authors from the manifest."""
    authors = {(doc.id, art.id): " | ".join(art.authors) for doc in manifest.documents for art in doc.articles}
    parts = (paragraphs.groupby(["doc_id", "part_id", "part_kind"], sort=False, dropna=False)
             .agg(title=("part_title", "first"), n_paragraphs=("para_id", "size"), n_chars=("n_chars", "sum"),
                  line_start=("line_start", "min"), line_end=("line_end", "max"))
             .reset_index())
    parts["authors"] = [authors.get(key) or None for key in zip(parts["doc_id"], parts["part_id"])]
    return parts[["doc_id", "part_id", "part_kind", "title", "authors", "n_paragraphs", "n_chars", "line_start", "line_end"]]
