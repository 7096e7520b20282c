"""The one loader: `load(name)` returns a validated table from whichever stage makes it.

- corpus tables (documents, parts, paragraphs, cleaning_report, metadata) and text tables (tokens, keywords,
  paragraph_topics, topic_keywords) are built from data/raw and cached in data/processed;
- curated fact tables (models, funding_deals …) are read from data/curated and checked against the paragraphs;
- derived fact tables (growth_checks, rate_checks, funding_amounts) are computed from the curated ones;
- outside-evidence tables (epoch_models, accelerators, arena_ratings …) are made from the snapshots under
  data/raw/external by cnai.external (checked on every load, not cached), and derived ones (frontier_gap …) from them.

The cache is keyed by a hash of everything that made it (raw files, manifest, dictionaries, mappings, every module
of this package and the versions of the libraries that shape the output), so an edit to any of them rebuilds it on
the next load.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Callable

import pandas as pd

from . import paths
from .corpus.schemas import SCHEMAS as CORPUS_SCHEMAS
from .corpus.tables import clean_piece, corpus_tables, validate
from .external.tables import DERIVED as EXTERNAL_DERIVED
from .external.tables import TIDY as EXTERNAL
from .facts import derived, entities
from .facts.provenance import document_dates, load_curated, paragraph_keys
from .facts.schemas import CURATED
from .text.schemas import SCHEMAS as TEXT_SCHEMAS
from .text.segment import tagged_paragraphs
from .text.tables import dict_lexicon, text_tables

PIPELINE_SCHEMAS = {**CORPUS_SCHEMAS, **TEXT_SCHEMAS}
TABLES = tuple(PIPELINE_SCHEMAS)
LIBRARIES = ("cn2an", "jieba", "opencc", "pandas", "stopwordsiso")
# Tables computed from curated ones: name → (function, the curated tables it takes, in order).
DERIVED: dict[str, tuple[Callable[..., pd.DataFrame], tuple[str, ...]]] = {
    "growth_checks": (derived.growth_checks, ("market_metrics",)),
    "rate_checks": (derived.rate_checks, ("market_metrics", "rates")),
    "funding_amounts": (derived.funding_amounts, ("funding_deals",)),
    "entity_links": (entities.entity_links, ("companies", "models", "chips")),
    **EXTERNAL_DERIVED,
}


@dataclass(frozen=True)
class Sources:
    """Where the inputs live; tests point this at a temporary copy."""
    raw_dir: Path = paths.RAW
    dict_dir: Path = paths.DICT_DIR
    cache_dir: Path = paths.PROCESSED
    curated_dir: Path = paths.CURATED
    mappings_dir: Path = paths.MAPPINGS

    @property
    def manifest(self) -> Path:
        return self.raw_dir / "sources.yml"


def _stamps(folder: Path, suffix: str = "") -> list[tuple[str, int, int]]:
    """(path, modification time, size) of every file under `folder` (ending in `suffix`), in path order; one stat
    per file, since every `load` asks."""
    found = []
    for top, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in names:
            if name.endswith(suffix):
                stat = os.stat(os.path.join(top, name))
                found.append((os.path.join(top, name), stat.st_mtime_ns, stat.st_size))
    return sorted(found)


def _input_stamps(sources: Sources) -> list[tuple[str, int, int]]:
    folders = (sources.raw_dir, sources.dict_dir, sources.curated_dir, sources.mappings_dir, paths.REGISTRY,
               paths.READINGS)
    return [stamp for folder in folders for stamp in _stamps(folder)] + _stamps(paths.PACKAGE_DIR, ".py")


def input_files(sources: Sources = Sources()) -> list[Path]:
    """Every file whose content shapes a table `load` returns: the raw corpus, its manifest and the outside
    snapshots, the dictionaries, the curated tables, the mappings, the entity registry, the readings of irregular
    outside rows, and every module of the package (subpackages included)."""
    return [Path(name) for name, _, _ in _input_stamps(sources)]


def cache_key(sources: Sources = Sources()) -> str:
    """A hash of every input's content (and the library versions); recomputed only when a file's size or
    modification time changes, so that a load does not read every input again."""
    return _content_key(tuple(_input_stamps(sources)))


@lru_cache(maxsize=8)
def _content_key(stamps: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for name, _, _ in stamps:
        path = Path(name)
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for lib in LIBRARIES:
        digest.update(f"{lib}={importlib_metadata.version(lib)}".encode())
    return digest.hexdigest()


def document_key(sources: Sources = Sources()) -> str:
    """What shapes one document's cleaning and tagging besides its own text and manifest entry: the corpus and
    text modules, the dictionaries and the library versions."""
    after_tagging = {paths.STOP_WORDS.name, paths.TOPICS.name}  # applied to the tagged words, not to each document
    stamps = [*(st for st in _stamps(sources.dict_dir) if Path(st[0]).name not in after_tagging),
              *_stamps(paths.PACKAGE_DIR / "corpus", ".py"), *_stamps(paths.PACKAGE_DIR / "text", ".py")]
    return _content_key(tuple(stamps))


class DocumentCache:
    """Per-document pieces (cleaned tables and tagged paragraphs) in <cache>/docs/<hash>.pkl, keyed by the
    document's text, its manifest entry and `document_key`: adding or changing one document cleans and tags
    that document only."""

    def __init__(self, sources: Sources):
        self.folder = sources.cache_dir / "docs"
        self.key = document_key(sources)
        self.lexicon = lambda: dict_lexicon(sources.dict_dir)
        self.used: set[Path] = set()

    def __call__(self, doc, raw: str) -> dict:
        digest = hashlib.sha256(f"{self.key}\0{doc.model_dump_json()}\0{raw}".encode()).hexdigest()
        path = self.folder / f"{digest}.pkl"
        self.used.add(path)
        if path.exists():
            return pickle.loads(path.read_bytes())
        piece = clean_piece(doc, raw)
        piece["tagged"] = tagged_paragraphs(piece["paragraphs"], self.lexicon())
        _write_atomic(path, pickle.dumps(piece, protocol=5))
        return piece

    def prune(self) -> None:
        """Drop the pieces of documents no longer in the corpus (or of an older key)."""
        for path in self.folder.glob("*.pkl"):
            if path not in self.used:
                path.unlink(missing_ok=True)


def build_tables(sources: Sources = Sources()) -> dict[str, pd.DataFrame]:
    """Run the corpus and text stages: manifest check, cleaning, segmentation, keywords, topics; cleaning and
    tagging come from the per-document cache where a document is unchanged."""
    cache = DocumentCache(sources)
    pieces: list[dict] = []

    def piece(doc, raw):
        pieces.append(cache(doc, raw))
        return pieces[-1]

    tables = corpus_tables(sources.manifest, sources.raw_dir, piece)
    tagged = pd.concat([p["tagged"] for p in pieces], ignore_index=True)
    tables |= text_tables(tables["paragraphs"], tables["documents"], sources.dict_dir, tagged)
    cache.prune()
    return tables


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
    """Rebuild the cached pipeline tables unless they are current; returns the cache key."""
    key = cache_key(sources)
    if force or not _cache_is_current(sources, key):
        tables = build_tables(sources)
        for name, frame in tables.items():
            _write_atomic(sources.cache_dir / f"{name}.pkl", pickle.dumps(frame, protocol=5))
        _write_atomic(sources.cache_dir / "key.json", json.dumps({"key": key}).encode())
    return key


def _pipeline_table(name: str, sources: Sources) -> pd.DataFrame:
    return _validated_table(name, sources, refresh(sources)).copy()


@lru_cache(maxsize=32)
def _validated_table(name: str, sources: Sources, key: str) -> pd.DataFrame:
    """A cached pipeline table, validated once per process and cache key (chapters load the same tables often)."""
    frame = pickle.loads((sources.cache_dir / f"{name}.pkl").read_bytes())
    return validate(name, PIPELINE_SCHEMAS[name], frame)


@lru_cache(maxsize=2)
def _curated_tables(sources: Sources, key: str) -> dict[str, pd.DataFrame]:
    keys = paragraph_keys(_pipeline_table("paragraphs", sources))
    return load_curated(sources.curated_dir, keys, document_dates(_pipeline_table("documents", sources)))


def load(name: str, sources: Sources = Sources()) -> pd.DataFrame:
    """A validated table by name; `names()` lists them all."""
    if name in TABLES:
        return _pipeline_table(name, sources)
    if name in CURATED:
        return _curated_tables(sources, cache_key(sources))[name].copy()
    if name in EXTERNAL:
        return EXTERNAL[name]()
    if name in DERIVED:
        function, inputs = DERIVED[name]
        return function(*(load(table, sources) for table in inputs))
    raise KeyError(f"unknown table {name!r}; choose one of {', '.join(names())}")


def names() -> tuple[str, ...]:
    """Every table `load` knows, by stage: corpus and text, curated facts, outside evidence, derived tables."""
    return TABLES + tuple(CURATED) + tuple(EXTERNAL) + tuple(DERIVED)
