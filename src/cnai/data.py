"""The one loader: `load("paragraphs")` and friends return validated DataFrames.

Derived tables are built from data/raw by the cleaning and text pipelines and cached in data/processed. The
cache is keyed by a hash of everything that made it (raw files, manifest, dictionaries, this package's code and
the versions of the libraries that shape the output), so an edit to any of them rebuilds it on the next load.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import dataclass
from importlib import metadata as importlib_metadata
from pathlib import Path

import pandas as pd
import pandera.errors

from . import paths, schemas, text
from .corpus import clean_document
from .manifest import CorpusError, Manifest, check_corpus, load_manifest, read_raw

TABLES = tuple(schemas.SCHEMAS)
LIBRARIES = ("jieba", "opencc", "pandas", "stopwordsiso")


@dataclass(frozen=True)
class Sources:
    """Where the inputs live; tests point this at a temporary copy."""
    raw_dir: Path = paths.RAW
    dict_dir: Path = paths.DICT_DIR
    cache_dir: Path = paths.PROCESSED

    @property
    def manifest(self) -> Path:
        return self.raw_dir / "sources.yml"


def input_files(sources: Sources = Sources()) -> list[Path]:
    """Every file whose content shapes the derived tables."""
    files = sorted(sources.raw_dir.glob("*.txt")) + [sources.manifest]
    files += sorted(sources.dict_dir.glob("*.txt")) + sorted(sources.dict_dir.glob("*.yml"))
    files += sorted(paths.PACKAGE_DIR.glob("*.py"))
    return files


def cache_key(sources: Sources = Sources()) -> str:
    digest = hashlib.sha256()
    for path in input_files(sources):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for lib in LIBRARIES:
        digest.update(f"{lib}={importlib_metadata.version(lib)}".encode())
    return digest.hexdigest()


def _titles(doc) -> str:
    return " / ".join(t for t in doc.titles if t)


def build_tables(sources: Sources = Sources()) -> dict[str, pd.DataFrame]:
    """Run the whole pipeline on a corpus: manifest check, cleaning, segmentation, keywords."""
    manifest: Manifest = load_manifest(sources.manifest)
    check_corpus(manifest, sources.raw_dir)
    paragraphs, reports, metas, docs = [], [], [], []
    for doc in manifest.documents:
        raw = read_raw(doc, sources.raw_dir)
        cleaned = clean_document(doc, raw)
        paragraphs.append(cleaned.paragraphs)
        reports.append(cleaned.report)
        metas.append(cleaned.metadata)
        docs.append({
            "doc_id": doc.id, "label": doc.label, "title": _titles(doc), "outlet": doc.outlet, "kind": doc.kind,
            "date": doc.date, "date_precision": doc.date_precision, "language": doc.language,
            "script": doc.script, "url": doc.url,
            "n_articles": int(cleaned.paragraphs.loc[cleaned.paragraphs["part_kind"] != "captions", "part_id"].nunique()),
            "raw_lines": raw.count("\n") + 1, "raw_chars": len(raw),
            "clean_chars": int(cleaned.paragraphs["n_chars"].sum()),
            "n_paragraphs": len(cleaned.paragraphs), "sha256": doc.sha256,
        })
    tables = {
        "documents": pd.DataFrame(docs),
        "parts": _parts(manifest, pd.concat(paragraphs, ignore_index=True)),
        "paragraphs": pd.concat(paragraphs, ignore_index=True),
        "cleaning_report": pd.concat(reports, ignore_index=True),
        "metadata": pd.concat(metas, ignore_index=True),
    }
    lex = text.lexicon(sources.dict_dir / paths.USER_DICT.name, sources.dict_dir / paths.STOP_WORDS.name)
    tagged = text.tagged_paragraphs(tables["paragraphs"], lex)
    tables["tokens"] = text.token_frame(tagged, lex)
    by_doc = text.keywords(tagged, by=["doc_id"], lex=lex).assign(part_id=None)
    by_part = text.keywords(tagged, by=["doc_id", "part_id"], lex=lex)
    tables["keywords"] = pd.concat([by_doc, by_part], ignore_index=True)[
        ["doc_id", "part_id", "method", "rank", "word", "weight"]]
    topics = text.read_topics(sources.dict_dir / paths.TOPICS.name)
    tables["paragraph_topics"] = text.paragraph_topics(tagged, topics)
    in_topic = tagged.merge(tables["paragraph_topics"][["para_id", "topic"]], on="para_id")
    tables["topic_keywords"] = text.keywords(in_topic, by=["topic"], lex=lex)
    return {name: validate(name, frame, tables["documents"]) for name, frame in tables.items()}


def _parts(manifest: Manifest, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """One row per article or report section, with its title and authors from the manifest."""
    authors = {(doc.id, art.id): " | ".join(art.authors) for doc in manifest.documents for art in doc.articles}
    parts = (paragraphs.groupby(["doc_id", "part_id", "part_kind"], sort=False, dropna=False)
             .agg(title=("part_title", "first"), n_paragraphs=("para_id", "size"), n_chars=("n_chars", "sum"),
                  line_start=("line_start", "min"), line_end=("line_end", "max"))
             .reset_index())
    parts["authors"] = [authors.get(key) or None for key in zip(parts["doc_id"], parts["part_id"])]
    return parts[["doc_id", "part_id", "part_kind", "title", "authors", "n_paragraphs", "n_chars", "line_start", "line_end"]]


def validate(name: str, frame: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Check a table against its schema, and its doc_id against the documents table; say which rows fail."""
    try:
        frame = schemas.SCHEMAS[name].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases[["column", "check", "index", "failure_case"]].head(20)
        raise CorpusError(f"table {name!r} fails its schema:\n{cases.to_string(index=False)}") from None
    if documents is not None and "doc_id" in frame and name != "documents":
        unknown = frame.loc[~frame["doc_id"].isin(documents["doc_id"]), "doc_id"]
        if len(unknown):
            raise CorpusError(f"table {name!r} rows {list(unknown.index[:10])} name unknown doc_id {sorted(set(unknown))}")
    return frame


def _write_atomic(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)
    os.replace(tmp, path)


def _cache_is_current(sources: Sources, key: str) -> bool:
    stamp = sources.cache_dir / "key.json"
    if not stamp.exists():
        return False
    if json.loads(stamp.read_text())["key"] != key:
        return False
    return all((sources.cache_dir / f"{name}.pkl").exists() for name in TABLES)


def refresh(sources: Sources = Sources(), force: bool = False) -> str:
    """Rebuild the cached tables unless they are current; returns the cache key."""
    key = cache_key(sources)
    if force or not _cache_is_current(sources, key):
        tables = build_tables(sources)
        for name, frame in tables.items():
            _write_atomic(sources.cache_dir / f"{name}.pkl", pickle.dumps(frame, protocol=5))
        _write_atomic(sources.cache_dir / "key.json", json.dumps({"key": key}).encode())
    return key


def load(name: str, sources: Sources = Sources()) -> pd.DataFrame:
    """A validated table: a derived one (documents, parts, paragraphs, cleaning_report, metadata, tokens, keywords,
    paragraph_topics, topic_keywords) or a curated fact table from data/curated (models, funding_deals …)."""
    from .curated_schemas import CURATED

    if name in CURATED and sources == Sources():
        from .facts import curated

        return curated(name)
    if name not in TABLES:
        raise KeyError(f"unknown table {name!r}; choose one of {', '.join(TABLES + tuple(CURATED))}")
    refresh(sources)
    frame = pickle.loads((sources.cache_dir / f"{name}.pkl").read_bytes())
    return validate(name, frame)
