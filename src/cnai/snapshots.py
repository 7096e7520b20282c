"""Outside sources as immutable snapshots: data/raw/external/<source>/ holds the files exactly as received, and
<source>.meta.yml beside it records their origin (repository, commit, paths), snapshot date, licence, attribution
and the sha256 of every file, the way OWID's etl keeps a .dvc file per snapshot.

`snapshot(name)` checks a source before anything reads it: a changed byte, a missing file, a file the record does
not list, a malformed record or a licence that licences.yml does not define is an error naming the file (and the
line and field, for the record). Nothing is fetched at run time.
"""
from __future__ import annotations

import hashlib
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from . import paths
from .errors import CorpusError
from .records import read_yaml, validate


class SnapshotFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    path: str = Field(min_length=1)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class Origin(BaseModel):
    model_config = ConfigDict(extra="forbid")
    repository: str = Field(pattern=r"^[\w.-]+/[\w.-]+$")
    commit: str = Field(pattern=r"^[0-9a-f]{40}$")
    paths: list[str] = Field(min_length=1)
    primary: str = Field(description="the data's own publisher, where the copying repository is not it")


class Snapshot(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str
    credit: str = Field(description="the source's short Chinese name, used in every chart's source note")
    description: str
    is_not: str = Field(description="what the source is not: its limits, said where its data is used")
    origin: Origin
    snapshot_date: date
    retrieval: str
    licence: str
    attribution: str
    files: list[SnapshotFile] = Field(min_length=1)
    _folder: Path = PrivateAttr()

    @property
    def folder(self) -> Path:
        return self._folder

    def path(self, relative: str) -> Path:
        """A file of the snapshot, checked to be one the record lists."""
        if relative not in {f.path for f in self.files}:
            raise CorpusError(f"{self._folder}: {relative!r} is not a file of snapshot {self.source!r}")
        return self._folder / relative


def licences(directory: Path | None = None) -> dict[str, dict]:
    path = (directory or paths.EXTERNAL) / "licences.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def credit_line(source: str) -> str:
    """'Epoch AI 模型数据库（CC BY 4.0）': how a chart's source note names a snapshot and its licence."""
    record = snapshot(source)
    return f"{record.credit}（{licences()[record.licence]['short']}）"


def read_record(path: Path) -> Snapshot:
    """A snapshot record, validated; errors name the file, the line and the field."""
    root, raw = read_yaml(path, "snapshot record")
    record = validate(path, root, raw, Snapshot, "snapshot record")
    text = path.read_text(encoding="utf-8")
    known = licences(path.parent)
    if record.licence not in known:
        line = next((i for i, l in enumerate(text.splitlines(), 1) if l.startswith("licence:")), "?")
        raise CorpusError(f"{path}:{line}: field licence: {record.licence!r} is not a licence defined in "
                          f"{path.parent / 'licences.yml'} ({', '.join(known)})")
    if record.source != path.name.removesuffix(".meta.yml"):
        raise CorpusError(f"{path}: field source: {record.source!r} differs from the file's name")
    record._folder = path.parent / record.source
    return record


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(record: Snapshot) -> None:
    """Every listed file is there with its checksum, and no other file is in the folder."""
    folder = record.folder
    listed = {f.path: f.sha256 for f in record.files}
    on_disk = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()} if folder.is_dir() else set()
    problems = [f"{folder / name}: not listed in {folder}.meta.yml; add it with its sha256 (data/raw is immutable)"
                for name in sorted(on_disk - set(listed))]
    for name, digest in listed.items():
        if name not in on_disk:
            problems.append(f"{folder}.meta.yml: lists {name!r}, which is missing from {folder}")
        elif _sha256(folder / name) != digest:
            problems.append(f"{folder / name}: sha256 {_sha256(folder / name)} differs from the record's {digest} "
                            "(a snapshot is immutable: add a new snapshot instead of editing one)")
    if problems:
        raise CorpusError("\n".join(problems))


@lru_cache(maxsize=32)
def _checked(path: Path, stamp: tuple) -> Snapshot:
    record = read_record(path)
    check(record)
    return record


def snapshot(name: str, directory: Path | None = None) -> Snapshot:
    """The checked record of data/raw/external/<name>; checked again whenever a file of it changes."""
    directory = directory or paths.EXTERNAL
    path = directory / f"{name}.meta.yml"
    folder = directory / name
    files = sorted(folder.rglob("*")) if folder.is_dir() else []
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in [path, *files] if p.exists())
    return _checked(path, stamp)


def names(directory: Path | None = None) -> list[str]:
    """Every snapshot the folder holds a record for."""
    return sorted(p.name.removesuffix(".meta.yml") for p in (directory or paths.EXTERNAL).glob("*.meta.yml"))
