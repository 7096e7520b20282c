"""Schemas of the tables the cleaning pipeline makes from data/raw."""
from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

PARAGRAPH_KINDS = ["body", "heading", "caption", "note", "figure_title", "table"]
PART_KINDS = ["news", "feature", "commentary", "page_lead", "captions", "article", "front_matter",
              "chapter", "section", "appendix"]


class Documents(pa.DataFrameModel):
    """One row per document of the corpus, from the manifest and the cleaning pipeline."""
    doc_id: Series[str] = pa.Field(unique=True, description="readable id of the document")
    label: Series[str] = pa.Field(unique=True, description="short name used in charts")
    title: Series[str] = pa.Field(description="title(s); several articles are joined with ' / '")
    outlet: Series[str] = pa.Field(nullable=True, description="publisher, null where the text does not say")
    kind: Series[str] = pa.Field(isin=["newspaper_page", "research_report", "web_article"])
    date: Series[str] = pa.Field(str_matches=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date, as precise as the text allows")
    date_precision: Series[str] = pa.Field(isin=["day", "month", "year", "not_before"])
    language: Series[str] = pa.Field(isin=["zh", "en"])
    script: Series[str] = pa.Field(isin=["Hans", "Hant", "Latn"], description="writing system of the raw text")
    url: Series[str] = pa.Field(nullable=True)
    n_articles: Series[int] = pa.Field(ge=1, description="articles, or report sections, after splitting")
    raw_lines: Series[int] = pa.Field(ge=1)
    raw_chars: Series[int] = pa.Field(ge=1)
    clean_chars: Series[int] = pa.Field(ge=1, description="characters in all cleaned paragraphs")
    n_paragraphs: Series[int] = pa.Field(ge=1)
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")

    class Config:
        strict = True


class Parts(pa.DataFrameModel):
    """One row per article (newspaper and web documents), report section, or group of photo captions."""
    doc_id: Series[str]
    part_id: Series[str]
    part_kind: Series[str] = pa.Field(isin=PART_KINDS)
    title: Series[str] = pa.Field(nullable=True)
    authors: Series[str] = pa.Field(nullable=True, description="bylines from the manifest, separated by ' | '")
    n_paragraphs: Series[int] = pa.Field(ge=1)
    n_chars: Series[int] = pa.Field(ge=1)
    line_start: Series[int] = pa.Field(ge=1)
    line_end: Series[int] = pa.Field(ge=1)

    class Config:
        strict = True
        unique = ["doc_id", "part_id"]


class Paragraphs(pa.DataFrameModel):
    """One row per cleaned paragraph."""
    para_id: Series[str] = pa.Field(unique=True, description="doc_id:part_id:para_no")
    doc_id: Series[str]
    part_id: Series[str] = pa.Field(description="article id (a1 …), report section (1.1 …), captions, appendix")
    part_kind: Series[str] = pa.Field(isin=PART_KINDS)
    part_title: Series[str] = pa.Field(nullable=True)
    para_no: Series[int] = pa.Field(ge=1, description="position within the part, from 1")
    kind: Series[str] = pa.Field(isin=PARAGRAPH_KINDS)
    text: Series[str] = pa.Field(str_length={"min_value": 1}, description="cleaned text, Simplified Chinese")
    text_original: Series[str] = pa.Field(description="cleaned text in the document's own script")
    n_chars: Series[int] = pa.Field(ge=1)
    line_start: Series[int] = pa.Field(ge=1, description="first raw line of the paragraph")
    line_end: Series[int] = pa.Field(ge=1)

    @pa.dataframe_check
    def n_chars_is_length(cls, df):
        return df["n_chars"] == df["text"].str.len()

    @pa.dataframe_check
    def lines_in_order(cls, df):
        return df["line_end"] >= df["line_start"]

    class Config:
        strict = True


class CleaningReport(pa.DataFrameModel):
    """What each cleaning rule did to each document; kept:* rows count raw lines by what became of them."""
    doc_id: Series[str]
    rule: Series[str]
    lines: Series[int] = pa.Field(ge=0, description="raw lines removed (or, for kept:*, kept)")
    chars: Series[int] = pa.Field(ge=0, description="characters removed")
    changes: Series[int] = pa.Field(ge=0, description="times the rule applied")

    class Config:
        strict = True
        unique = ["doc_id", "rule"]


class Metadata(pa.DataFrameModel):
    """Text moved out of the articles: crawler fields, figure sources."""
    doc_id: Series[str]
    field: Series[str]
    value: Series[str]
    line: Series[int] = pa.Field(ge=1)

    class Config:
        strict = True


SCHEMAS = {
    "documents": Documents,
    "parts": Parts,
    "paragraphs": Paragraphs,
    "cleaning_report": CleaningReport,
    "metadata": Metadata,
}
