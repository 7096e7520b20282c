"""The corpus manifest (data/raw/sources.yml): schema, checks and error messages that name file, line and field."""
from __future__ import annotations

import hashlib
from enum import Enum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from .. import dates, paths
from . import rows
from ..errors import CorpusError
from ..records import line_of, read_yaml, validate


class Layout(str, Enum):
    titles_after_body = "titles_after_body"
    report_sections = "report_sections"
    crawler_record = "crawler_record"
    single_article = "single_article"
    cac_page = "cac_page"
    miit_page = "miit_page"
    tc260_page = "tc260_page"


class Article(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: Literal["news", "feature", "commentary", "page_lead"]
    title: str | None
    title_position: Literal["before", "after"] = "after"
    authors: list[str] = []


class Document(BaseModel):
    """One document: a file of data/raw (`file` + `sha256`), or one row of an outside snapshot (`snapshot` +
    `table` + `row_key`, the row's URL), whose checksum is the snapshot record's."""
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=2, max_length=30, description="short name for charts and tables")
    file: str | None = Field(None, pattern=r"^[^/\\]+\.txt$")
    received_as: str | None = None
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")
    snapshot: str | None = Field(None, pattern=r"^[a-z][a-z0-9_]*$", description="data/raw/external/<snapshot>")
    table: str | None = Field(None, description="the snapshot's file holding the row")
    row_key: str | None = Field(None, description="the row's key in that file (its url)")
    kind: Literal["newspaper_page", "research_report", "web_article", "official_document"]
    layout: Layout
    outlet: str | None
    issuer: str | None = Field(None, description="issuing department as the snapshot gives it")
    outlet_evidence: str
    date: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    date_precision: Literal["day", "month", "year", "not_before"]
    date_note: str | None = None
    language: Literal["zh", "en"]
    script: Literal["Hans", "Hant", "Latn"]
    url: str | None = None
    extraction: str
    notes: str | None = None
    title: str | None = None
    articles: list[Article] = []

    @field_validator("date")
    @classmethod
    def _real_date(cls, value: str) -> str:
        dates.period(value)  # raises ValueError on 2023-13 or 2023-02-30
        return value

    @model_validator(mode="after")
    def _source(self) -> "Document":
        in_file, in_row = (self.file, self.sha256), (self.snapshot, self.table, self.row_key)
        if all(in_file) and not any(in_row):
            return self
        if all(in_row) and not any(in_file):
            return self
        raise ValueError("a document is either a file ('file' and 'sha256') or a snapshot row "
                         "('snapshot', 'table' and 'row_key'), not both nor part of either")

    @model_validator(mode="after")
    def _titles(self) -> "Document":
        if self.layout == Layout.titles_after_body and not self.articles:
            raise ValueError("layout titles_after_body needs an 'articles' list")
        if self.layout != Layout.titles_after_body and not self.title:
            raise ValueError(f"layout {self.layout.value} needs a 'title'")
        return self

    _where: str = PrivateAttr("")

    @property
    def where(self) -> str:
        """file:line of the document's manifest entry, for error messages."""
        return self._where

    @property
    def path(self) -> Path:
        if self.snapshot:
            return paths.EXTERNAL / self.snapshot / self.table
        return paths.RAW / self.file

    @property
    def key(self) -> str:
        """The document's source key: its raw file, or snapshot/table#row_key."""
        return self.file or f"{self.snapshot}/{self.table}#{self.row_key}"

    @property
    def titles(self) -> list[str]:
        return [a.title for a in self.articles if a.title] if self.articles else [self.title or ""]


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    include: list[str] = Field([], description="further manifest files beside this one, read after it")
    documents: list[Document]

    @model_validator(mode="after")
    def _unique(self) -> "Manifest":
        for key in ("id", "key"):
            seen: set[str] = set()
            for doc in self.documents:
                value = getattr(doc, key)
                if value in seen:
                    raise ValueError(f"duplicate document {key} {value!r}")
                seen.add(value)
        return self

    def get(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)


def _manifest_file(path: Path) -> Manifest:
    """One manifest file, validated; each document remembers the line of its entry."""
    root, raw = read_yaml(path, "manifest")
    manifest = validate(path, root, raw, Manifest, "manifest")
    for number, doc in enumerate(manifest.documents):
        doc._where = f"{path}:{line_of(root, ('documents', number)) or '?'}"
    return manifest


def load_manifest(path: Path = paths.MANIFEST) -> Manifest:
    """Parse and validate the manifest and the files it includes; any problem raises CorpusError naming file,
    line and field."""
    manifest = _manifest_file(path)
    documents = list(manifest.documents)
    for name in manifest.include:
        included = _manifest_file(path.parent / name)
        if included.include:
            raise CorpusError(f"{path.parent / name}: an included manifest cannot include others")
        documents += included.documents
    for key in ("id", "key"):
        first: dict[str, Document] = {}
        for doc in documents:
            value = getattr(doc, key)
            if value in first:
                raise CorpusError(f"{doc.where}: duplicate document {key} {value!r} (first at {first[value].where})")
            first[value] = doc
    return Manifest.model_construct(include=manifest.include, documents=documents)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_raw(doc: Document, raw_dir: Path | None = None) -> str:
    """The raw text of a document, decoded strictly as UTF-8 (a leading BOM is dropped); a snapshot row's text."""
    if doc.snapshot:
        row = _row(doc, (raw_dir or paths.RAW) / "external")
        return row[rows.fields(doc.snapshot)[1]]
    path = (raw_dir or paths.RAW) / doc.file
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start:exc.start].decode("utf-8", errors="replace")) + 1  # in characters
        raise CorpusError(
            f"{path}:{line}:{column}: not UTF-8 (byte {data[exc.start:exc.start + 1]!r} cannot be decoded: "
            f"{exc.reason}); convert the file to UTF-8 before adding it"
        ) from None
    return text.removeprefix("\ufeff")


def _row(doc: Document, external_dir: Path) -> dict[str, str]:
    found = rows.table_rows(doc.snapshot, doc.table, external_dir)
    if doc.row_key not in found:
        raise CorpusError(f"{doc.where}: document {doc.id!r}: row_key {doc.row_key!r} is not a row of "
                          f"{external_dir / doc.snapshot / doc.table}")
    return found[doc.row_key]


def text_sha256(text: str) -> str:
    """The checksum of a document's text as read (a snapshot row's own checksum)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_corpus(manifest: Manifest, raw_dir: Path | None = None) -> None:
    """Raise CorpusError unless manifest and data/raw agree file for file and every checksum matches, and every
    snapshot row the manifest names is in its (checked) snapshot."""
    raw_dir = raw_dir or paths.RAW
    problems = []
    for doc in manifest.documents:
        if doc.snapshot:
            try:
                _row(doc, raw_dir / "external")
            except CorpusError as exc:
                problems.append(str(exc))
    listed = {doc.file for doc in manifest.documents if doc.file}
    on_disk = {p.name for p in raw_dir.glob("*.txt")}
    problems += [
        f"{raw_dir / name}: raw file is not listed in {raw_dir / 'sources.yml'}; add an entry for it"
        for name in sorted(on_disk - listed)
    ]
    for doc in manifest.documents:
        if doc.snapshot:
            continue
        path = raw_dir / doc.file
        if doc.file not in on_disk:
            problems.append(f"{raw_dir / 'sources.yml'}: document {doc.id!r} names file {doc.file!r}, which is missing")
        elif sha256_of(path) != doc.sha256:
            problems.append(
                f"{path}: sha256 {sha256_of(path)} differs from the manifest's {doc.sha256} "
                "(data/raw is immutable: add a new file instead of editing one)"
            )
    if problems:
        raise CorpusError("\n".join(problems))
