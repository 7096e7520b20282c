"""Small aggregations the chapters chart: aggregate here, so pages stay light and cells stay short."""
from __future__ import annotations

import pandas as pd

from .data import load


def document_overview() -> pd.DataFrame:
    """One row per document: outlet, date, sizes before and after cleaning."""
    docs = load("documents")
    overview = docs[["doc_id", "label", "title", "outlet", "kind", "date", "date_precision", "script", "n_articles",
                     "n_paragraphs", "raw_chars", "clean_chars"]].copy()
    overview["outlet"] = overview["outlet"].fillna("（文中未署）")
    overview["kept_share"] = (overview["clean_chars"] / overview["raw_chars"]).round(3)
    return overview


def removed_by_rule() -> pd.DataFrame:
    """Characters each cleaning rule removed or moved to metadata, per document (rules that removed nothing drop out)."""
    report = load("cleaning_report")
    removed = report[~report["rule"].str.startswith("kept:") & (report["chars"] > 0)]
    labels = load("documents")[["doc_id", "label"]]
    return removed[["doc_id", "rule", "lines", "chars", "changes"]].merge(labels, on="doc_id")


def line_accounts() -> pd.DataFrame:
    """Raw lines per document by what became of them; every line is counted once."""
    report = load("cleaning_report")
    return report.pivot_table(index="doc_id", columns="rule", values="lines", aggfunc="sum", fill_value=0)


def paragraph_counts(doc_id: str | None = None) -> pd.DataFrame:
    """Paragraphs and characters per document and part (article or report section), by paragraph kind."""
    paras = load("paragraphs")
    if doc_id:
        paras = paras[paras["doc_id"] == doc_id]
    grouped = paras.groupby(["doc_id", "part_id", "part_title", "kind"], dropna=False, sort=False)
    return grouped.agg(paragraphs=("para_id", "size"), chars=("n_chars", "sum")).reset_index()


def top_keywords(method: str = "tfidf", top: int = 10) -> pd.DataFrame:
    """The top keywords of each whole document."""
    kw = load("keywords")
    chosen = kw[kw["part_id"].isna() & (kw["method"] == method) & (kw["rank"] <= top)]
    labels = load("documents")[["doc_id", "label"]]
    return chosen.drop(columns=["part_id"]).merge(labels, on="doc_id").reset_index(drop=True)


def corpus_frequencies(top: int = 150) -> dict[str, int]:
    """The most frequent content words of the whole corpus, for the word cloud."""
    tokens = load("tokens")
    return tokens["token"].value_counts().head(top).to_dict()
