"""Schemas of the tables the cleaning pipeline makes from data/raw."""
from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

PARAGRAPH_KINDS = ["body", "heading", "caption", "note", "figure_title", "table"]
PART_KINDS = ["news", "feature", "commentary", "page_lead", "captions", "article", "front_matter",
              "chapter", "section", "appendix"]


class Documents(pa.DataFrameModel):
    """One row per document of the corpus, from the manifest and the cleaning pipeline."""
    doc_id: Series[str] = pa.Field(title="来源文档", unique=True, description="readable id of the document")
    label: Series[str] = pa.Field(title="来源", unique=True, description="short name used in charts")
    title: Series[str] = pa.Field(title="标题", description="title(s); several articles are joined with ' / '")
    outlet: Series[str] = pa.Field(title="媒体", nullable=True, description="publisher, null where the text does not say")
    kind: Series[str] = pa.Field(title="类型", isin=["newspaper_page", "research_report", "web_article", "official_document"])
    date: Series[str] = pa.Field(title="日期", str_matches=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date, as precise as the text allows")
    date_precision: Series[str] = pa.Field(title="日期精度", description="how precise the date is: day, month, year, or not_before (the date is a lower bound)", isin=["day", "month", "year", "not_before"])
    language: Series[str] = pa.Field(title="语言", description="language of the text", isin=["zh", "en"])
    script: Series[str] = pa.Field(title="文字", isin=["Hans", "Hant", "Latn"], description="writing system of the raw text")
    url: Series[str] = pa.Field(title="网址", description="where the document was published, where known", nullable=True)
    n_articles: Series[int] = pa.Field(title="文章数", ge=1, description="articles, or report sections, after splitting")
    raw_lines: Series[int] = pa.Field(title="原始行数", description="lines of the raw file", ge=1)
    raw_chars: Series[int] = pa.Field(title="原始字符数", description="characters of the raw file", ge=1)
    clean_chars: Series[int] = pa.Field(title="清洗后字符数", ge=1, description="characters in all cleaned paragraphs")
    n_paragraphs: Series[int] = pa.Field(title="段落数", description="cleaned paragraphs", ge=1)
    sha256: Series[str] = pa.Field(title="校验和", description="sha256 of the raw file, as in the manifest; of the row's text for a snapshot row", str_matches=r"^[0-9a-f]{64}$")

    class Config:
        strict = True


class Parts(pa.DataFrameModel):
    """One row per article (newspaper and web documents), report section, or group of photo captions."""
    doc_id: Series[str] = pa.Field(title="来源文档", description="readable id of the source document (data/raw/sources.yml)")
    part_id: Series[str] = pa.Field(title="章节")
    part_kind: Series[str] = pa.Field(title="章节类型", description="kind of part: news, feature, commentary, report chapter or section, captions …", isin=PART_KINDS)
    title: Series[str] = pa.Field(title="标题", nullable=True)
    authors: Series[str] = pa.Field(title="作者", nullable=True, description="bylines from the manifest, separated by ' | '")
    n_paragraphs: Series[int] = pa.Field(title="段落数", description="cleaned paragraphs", ge=1)
    n_chars: Series[int] = pa.Field(title="字符数", description="characters of cleaned text", ge=1)
    line_start: Series[int] = pa.Field(title="起始行", ge=1)
    line_end: Series[int] = pa.Field(title="结束行", description="last raw line", ge=1)

    class Config:
        strict = True
        unique = ["doc_id", "part_id"]


class Paragraphs(pa.DataFrameModel):
    """One row per cleaned paragraph."""
    para_id: Series[str] = pa.Field(title="段落编号", unique=True, description="doc_id:part_id:para_no")
    doc_id: Series[str] = pa.Field(title="来源文档", description="readable id of the source document (data/raw/sources.yml)")
    part_id: Series[str] = pa.Field(title="章节", description="article id (a1 …), report section (1.1 …), captions, appendix")
    part_kind: Series[str] = pa.Field(title="章节类型", description="kind of part: news, feature, commentary, report chapter or section, captions …", isin=PART_KINDS)
    part_title: Series[str] = pa.Field(title="章节标题", description="title of the article or report section", nullable=True)
    para_no: Series[int] = pa.Field(title="段落序号", ge=1, description="position within the part, from 1")
    kind: Series[str] = pa.Field(title="类型", isin=PARAGRAPH_KINDS)
    text: Series[str] = pa.Field(title="正文", str_length={"min_value": 1}, description="cleaned text, Simplified Chinese")
    text_original: Series[str] = pa.Field(title="原文（原文字）", description="cleaned text in the document's own script")
    n_chars: Series[int] = pa.Field(title="字符数", description="characters of cleaned text", ge=1)
    line_start: Series[int] = pa.Field(title="起始行", ge=1, description="first raw line of the paragraph")
    line_end: Series[int] = pa.Field(title="结束行", description="last raw line", ge=1)

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
    doc_id: Series[str] = pa.Field(title="来源文档", description="readable id of the source document (data/raw/sources.yml)")
    rule: Series[str] = pa.Field(title="规则", description="cleaning rule (kept:* rows count raw lines by what became of them)")
    lines: Series[int] = pa.Field(title="行数", ge=0, description="raw lines removed (or, for kept:*, kept)")
    chars: Series[int] = pa.Field(title="字符数", ge=0, description="characters removed")
    changes: Series[int] = pa.Field(title="次数", ge=0, description="times the rule applied")

    class Config:
        strict = True
        unique = ["doc_id", "rule"]


class Metadata(pa.DataFrameModel):
    """Text moved out of the articles: crawler fields, figure sources."""
    doc_id: Series[str] = pa.Field(title="来源文档", description="readable id of the source document (data/raw/sources.yml)")
    field: Series[str] = pa.Field(title="字段", description="metadata field name as in the raw text (标题, 链接, figure_source …)")
    value: Series[str] = pa.Field(title="数值")
    line: Series[int] = pa.Field(title="行号", description="raw line the value was read from", ge=1)

    class Config:
        strict = True


SCHEMAS = {
    "documents": Documents,
    "parts": Parts,
    "paragraphs": Paragraphs,
    "cleaning_report": CleaningReport,
    "metadata": Metadata,
}
