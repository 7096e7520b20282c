"""Small aggregations the chapters chart: aggregate here, so pages stay light and cells stay short."""
from __future__ import annotations

import pandas as pd

from ..data import load
from ..facts import mappings


def chapter_documents() -> pd.Series:
    """The documents the chapters' text analyses read: the news and report corpus. The official documents (kind
    official_document, rows of the snapshot cac_miit_tc260) are in the corpus tables but no chapter reads them yet."""
    docs = load("documents")
    return docs.loc[docs["kind"] != "official_document", "doc_id"]


def _corpus(name: str) -> pd.DataFrame:
    """A pipeline table restricted to the news and report documents (the five seed documents)."""
    table = load(name)
    return table[table["doc_id"].isin(chapter_documents())]


def official_overview() -> pd.DataFrame:
    """The official documents in the corpus, per issuing body and year of publication: documents, paragraphs and
    characters after cleaning, and how many are generative-AI filing announcements (rows of the filings table)."""
    docs = load("documents").query("kind == 'official_document'")
    filing_docs = set(load("filings")["doc_id"])
    docs = docs.assign(year=docs["date"].str[:4].astype(int), filing=docs["doc_id"].isin(filing_docs))
    return (docs.groupby(["outlet", "year"], as_index=False)
            .agg(documents=("doc_id", "size"), filing_announcements=("filing", "sum"),
                 paragraphs=("n_paragraphs", "sum"), clean_chars=("clean_chars", "sum")))


def document_overview() -> pd.DataFrame:
    """One row per document: outlet, date, sizes before and after cleaning."""
    docs = _corpus("documents")
    overview = docs[["doc_id", "label", "title", "outlet", "kind", "date", "date_precision", "script", "n_articles",
                     "n_paragraphs", "raw_chars", "clean_chars"]].copy()
    overview["outlet"] = overview["outlet"].fillna("（文中未署）")
    overview["kept_share"] = (overview["clean_chars"] / overview["raw_chars"]).round(3)
    return overview


def removed_by_rule() -> pd.DataFrame:
    """Characters each cleaning rule removed or moved to metadata, per document (rules that removed nothing drop out)."""
    report = _corpus("cleaning_report")
    removed = report[~report["rule"].str.startswith("kept:") & (report["chars"] > 0)]
    labels = load("documents")[["doc_id", "label"]]
    return removed[["doc_id", "rule", "lines", "chars", "changes"]].merge(labels, on="doc_id")


def line_fate(rule: str) -> str:
    """What became of the raw lines a cleaning-report rule counts (a code of the labels.yml block line_fate)."""
    if rule == "kept:paragraph":
        return "paragraph"
    if rule in ("kept:title", "kept:byline"):
        return "title_byline"
    if rule == "kept:blank":
        return "blank"
    return "metadata" if rule.startswith("to_metadata:") else "removed"


def line_accounts() -> pd.DataFrame:
    """Raw lines per document by what became of them; the parts add up to the file's line count."""
    report = _corpus("cleaning_report")
    docs = _corpus("documents").set_index("doc_id")

    fates = mappings.labels("line_fate")
    table = (report.assign(fate=mappings.display(report["rule"].map(line_fate), "line_fate"))
             .pivot_table(index="doc_id", columns="fate", values="lines", aggfunc="sum", fill_value=0))
    table = table.reindex(columns=list(fates.values()), fill_value=0)
    table["合计"] = table.sum(axis=1)
    table["原始行数"] = docs["raw_lines"]
    table.index = docs.loc[table.index, "label"]
    table.index.name = "文档"
    return table


def paragraph_counts(doc_id: str | None = None) -> pd.DataFrame:
    """Paragraphs and characters per document and part (article or report section), by paragraph kind."""
    paras = load("paragraphs")
    if doc_id:
        paras = paras[paras["doc_id"] == doc_id]
    grouped = paras.groupby(["doc_id", "part_id", "part_title", "kind"], dropna=False, sort=False)
    return grouped.agg(paragraphs=("para_id", "size"), chars=("n_chars", "sum")).reset_index()


def top_keywords(method: str = "tfidf", top: int = 10) -> pd.DataFrame:
    """The top keywords of each whole document."""
    kw = _corpus("keywords")
    chosen = kw[kw["part_id"].isna() & (kw["method"] == method) & (kw["rank"] <= top)]
    labels = load("documents")[["doc_id", "label"]]
    return chosen.drop(columns=["part_id"]).merge(labels, on="doc_id").reset_index(drop=True)


def corpus_frequencies(top: int = 150) -> dict[str, int]:
    """The most frequent content words of the news and report documents, for the word cloud."""
    tokens = _corpus("tokens")
    return tokens["token"].value_counts().head(top).to_dict()


def paragraphs_by_kind() -> pd.DataFrame:
    """Paragraph counts per document and paragraph kind (body text, headings, captions, tables …)."""
    paras = _corpus("paragraphs").merge(load("documents")[["doc_id", "label"]], on="doc_id")
    counts = paras.groupby(["label", "kind"], as_index=False).size().rename(columns={"size": "paragraphs"})
    return counts.assign(kind_name=mappings.display(counts["kind"], "paragraph_kind"))


def topic_coverage() -> pd.DataFrame:
    """Body paragraphs per document and chapter topic, and their share of the document's body paragraphs."""
    topics = _corpus("paragraph_topics")
    paras = _corpus("paragraphs")
    body = paras[paras["kind"].isin(["body", "heading"])].groupby("doc_id").size().rename("doc_paragraphs")
    counts = topics.groupby(["doc_id", "topic", "topic_name"], as_index=False).size().rename(columns={"size": "paragraphs"})
    counts = counts.merge(body, on="doc_id").merge(load("documents")[["doc_id", "label"]], on="doc_id")
    return counts.assign(share=(counts["paragraphs"] / counts["doc_paragraphs"]).round(3))


def topic_tokens(topic: str) -> pd.DataFrame:
    """Content words of the body paragraphs on one chapter topic, with each paragraph's document."""
    tokens = load("tokens")
    paras = load("paragraph_topics").query("topic == @topic and doc_id in @chapter_documents()")[["para_id"]]
    return tokens.merge(paras, on="para_id")


def topic_frequencies(topic: str, top: int = 120) -> dict[str, int]:
    """The most frequent words of one topic's paragraphs, for its word cloud."""
    return topic_tokens(topic)["token"].value_counts().head(top).to_dict()


def topic_keywords_by_source(topic: str, top: int = 8) -> pd.DataFrame:
    """TF-IDF keywords of one topic's paragraphs, computed separately for each source document."""
    from ..text.keywords import tfidf_keywords
    from ..text.segment import stop_words

    tokens = topic_tokens(topic)
    labels = load("documents").set_index("doc_id")["label"]
    rows = []
    for doc_id, group in tokens.groupby("doc_id", sort=True):
        sequence = list(zip(group["token"], group["pos"]))
        for rank, (word, weight) in enumerate(tfidf_keywords([sequence], top, stop_words()), start=1):
            rows.append({"doc_id": doc_id, "label": labels[doc_id], "rank": rank, "word": word,
                         "weight": round(weight, 6), "paragraphs": group["para_id"].nunique()})
    return pd.DataFrame(rows)


# --- the corpus as a whole: news, report and official texts (issue 13) ----------------------------------------

def document_group(documents: pd.DataFrame) -> pd.Series:
    """The group each document belongs to in the word comparisons (a code of the labels.yml block corpus_group):
    the 2023 newspaper pages and web articles, the 2024 broker report, the official texts. Documents outside these
    (the 2024 web article) get no group."""
    year = documents["date"].str[:4]
    news = documents["kind"].isin(["newspaper_page", "web_article"])
    group = pd.Series(None, index=documents.index, dtype=object)
    group[news & (year == "2023")] = "news_2023"
    group[documents["kind"] == "research_report"] = "report_2024"
    group[documents["kind"] == "official_document"] = "official"
    return group


def corpus_composition() -> pd.DataFrame:
    """What the corpus is: news pages and web articles, the broker report, the official texts; documents,
    paragraphs and characters after cleaning for each."""
    docs = load("documents")
    kind = docs["kind"].map({"newspaper_page": "news", "web_article": "news", "research_report": "report",
                             "official_document": "official"})
    return (docs.assign(part=kind).groupby("part")
            .agg(documents=("doc_id", "size"), paragraphs=("n_paragraphs", "sum"), clean_chars=("clean_chars", "sum"),
                 first=("date", "min"), last=("date", "max")))


def group_documents(group: str) -> list[str]:
    """The documents of one comparison group (a code of the labels.yml block corpus_group)."""
    docs = load("documents")
    mappings.label("corpus_group", group)  # an unknown group is an error naming the file
    return sorted(docs.loc[document_group(docs) == group, "doc_id"])


def group_word_counts(group: str) -> pd.Series:
    """How often each content word (jieba with the project dictionary, stop words removed) occurs in a group."""
    tokens = load("tokens")
    return tokens.loc[tokens["doc_id"].isin(group_documents(group)), "token"].value_counts()


def distinctive_words(first: str, second: str, top: int = 10, min_count: int = 10) -> pd.DataFrame:
    """The words most typical of each of two groups of documents by the weighted log-odds ratio with an
    informative Dirichlet prior (cnai.text.logodds): the prior's proportions are the two groups' pooled word
    frequencies, its size the smaller group's word count (so the large report does not swamp the small group);
    words seen fewer than `min_count` times in both groups together are left out. `top` words each side, with
    their counts and z-score (positive: typical of `first`)."""
    from ..text.logodds import log_odds

    a, b = group_word_counts(first), group_word_counts(second)
    table = log_odds(a, b, prior_size=min(a.sum(), b.sum()), min_count=min_count)
    ends = pd.concat([table.head(top).assign(group=first), table.tail(top).iloc[::-1].assign(group=second)])
    ends = ends[(ends["group"] == first) == (ends["z"] > 0)]
    return pd.DataFrame({
        "word": ends["word"], "group": ends["group"],
        "lean": mappings.display(ends["group"], "corpus_group"),
        "own_count": ends["first"].where(ends["group"] == first, ends["second"]).astype(int),
        "other_count": ends["second"].where(ends["group"] == first, ends["first"]).astype(int),
        "z_score": ends["z"].round(2),
    }).reset_index(drop=True)


def group_sizes() -> pd.DataFrame:
    """Documents and content words of each comparison group."""
    rows = [{"group": g, "group_name": mappings.label("corpus_group", g), "documents": len(group_documents(g)),
             "words": int(group_word_counts(g).sum())} for g in mappings.labels("corpus_group")]
    return pd.DataFrame(rows).set_index("group")


def topic_names() -> list[str]:
    """The chapter topics' Chinese names, in the book's chapter order."""
    from ..text.schemas import TOPICS

    names = load("paragraph_topics").drop_duplicates("topic").set_index("topic")["topic_name"]
    return [names[topic] for topic in TOPICS]


def topic_word_clouds(top: int = 100) -> dict[str, dict[str, int]]:
    """{topic name: word frequencies} for one word cloud per chapter topic, in the book's chapter order."""
    from ..text.schemas import TOPICS

    return {name: topic_frequencies(topic, top) for topic, name in zip(TOPICS, topic_names())}


def keywords_by_source_and_topic(top: int = 8) -> pd.DataFrame:
    """TF-IDF keywords of each news and report document: of its whole body text (topic 全部正文) and of its
    paragraphs on each chapter topic, for a chart that picks one source and one topic."""
    from ..text.schemas import TOPICS

    whole = top_keywords("tfidf", top).assign(topic_option="全部正文")[["label", "topic_option", "rank", "word", "weight"]]
    names = load("paragraph_topics").drop_duplicates("topic").set_index("topic")["topic_name"]
    parts = [topic_keywords_by_source(topic, top).assign(topic_option=names[topic])[
        ["label", "topic_option", "rank", "word", "weight"]] for topic in TOPICS]
    return pd.concat([whole, *parts], ignore_index=True)


def cleaning_rule(rule: str) -> str:
    """The code (labels.yml block cleaning_rule) of what a removing or moving rule of the cleaning report did."""
    if rule.startswith("to_metadata:"):
        return "figure_source" if rule == "to_metadata:figure_source" else "crawler_fields"
    return rule


def removed_by_rule_named() -> pd.DataFrame:
    """Characters and lines each cleaning rule removed or moved to metadata, per document, with the rule's Chinese
    name; largest first."""
    removed = removed_by_rule()
    removed = removed.assign(rule_name=mappings.display(removed["rule"].map(cleaning_rule), "cleaning_rule"))
    grouped = removed.groupby(["rule_name", "label"], as_index=False)[["lines", "chars"]].sum()
    return grouped.sort_values(["chars", "rule_name"], ascending=[False, True], ignore_index=True)


def report_sections() -> pd.DataFrame:
    """Paragraphs and characters per section of the broker report, with a short label (number and the title up to
    its first colon or comma, at most 9 characters) for a phone-width axis."""
    counts = paragraph_counts("hti_report_2024_06")
    sections = counts.groupby(["part_id", "part_title"], as_index=False, sort=False)[["paragraphs", "chars"]].sum()
    short = sections["part_title"].str.split(r"[：，？（(]", regex=True).str[0].str.strip()
    short = short.where(short.str.len() <= 9, short.str.slice(0, 8) + "…")
    number = sections["part_id"].replace({"appendix": "附录"})
    return sections.assign(section=number + " " + short.where(sections["part_id"] != "appendix", "英文摘要"))


def per_thousand(count: int, total: int) -> str:
    return f"{1000 * count / total:.1f}"


def headline_numbers() -> dict[str, str]:
    """The corpus chapter's numbers in prose: what the corpus is, what cleaning removed, and the words that set the
    groups of documents apart."""
    parts = corpus_composition()
    official_dates = load("documents").query("kind == 'official_document'")["date"]
    seed = parts.loc[["news", "report"], "clean_chars"].sum()
    removed = removed_by_rule_named()
    disclosure = int(removed.loc[removed["rule_name"] == mappings.label("cleaning_rule", "legal_disclosures"),
                                 "chars"].sum())
    sizes = group_sizes()
    words = distinctive_words("news_2023", "report_2024")
    news, report = words[words["group"] == "news_2023"], words[words["group"] == "report_2024"]
    official = distinctive_words("official", "news_2023")
    news_side = official[official["group"] == "news_2023"]
    official = official[official["group"] == "official"]
    n_news, n_report = sizes.loc["news_2023", "words"], sizes.loc["report_2024", "words"]
    numbers = {
        "n_documents": len(load("documents")),
        "n_news": int(parts.loc["news", "documents"]), "n_report": int(parts.loc["report", "documents"]),
        "n_official": int(parts.loc["official", "documents"]),
        "n_seed_docs": int(parts.loc[["news", "report"], "documents"].sum()),
        "news_years": f"{parts.loc['news', 'first'][:4]}—{parts.loc['news', 'last'][:4]}",
        "n_pages": int((load("documents")["kind"] == "newspaper_page").sum()),
        "n_web": int((load("documents")["kind"] == "web_article").sum()),
        "report_share": f"{parts.loc['report', 'clean_chars'] / seed:.0%}",
        "official_chars": f"{int(parts.loc['official', 'clean_chars']):,}",
        "seed_chars": f"{int(seed):,}",
        "official_first": official_dates.min()[:7], "official_last": official_dates.max()[:7],
        "disclosure_chars": f"{disclosure:,}", "disclosure_share": f"{disclosure / removed['chars'].sum():.0%}",
        "n_news_docs_2023": int(sizes.loc["news_2023", "documents"]),
        "news_words": f"{n_news:,}", "report_words": f"{n_report:,}",
        "official_words": f"{sizes.loc['official', 'words']:,}",
    }
    for side, rows, own, other in (("news", news, n_news, n_report), ("report", report, n_report, n_news)):
        top = rows.iloc[0]
        numbers |= {f"{side}_word": top["word"], f"{side}_word2": rows.iloc[1]["word"],
                    f"{side}_word3": rows.iloc[2]["word"], f"{side}_z": f"{abs(top['z_score']):.1f}",
                    f"{side}_rate_own": per_thousand(top["own_count"], own),
                    f"{side}_rate_other": per_thousand(top["other_count"], other)}
    numbers |= {"official_word": official.iloc[0]["word"], "official_word2": official.iloc[1]["word"],
                "official_word3": official.iloc[2]["word"], "official_other_word": news_side.iloc[0]["word"],
                "official_other_word2": news_side.iloc[1]["word"]}
    return {key: str(value) for key, value in numbers.items()}


def topic_terms() -> pd.DataFrame:
    """Each chapter topic with the terms that put a paragraph on it (data/dict/topics.yml)."""
    from .. import paths
    from ..text.topics import read_topics

    topics = read_topics(paths.TOPICS)
    return pd.DataFrame([{"topic_name": spec["name"], "terms": "、".join(spec["terms"])} for spec in topics.values()])


def prior_sensitivity(first: str = "news_2023", second: str = "report_2024", top: int = 5) -> pd.DataFrame:
    """The `top` distinctive words of each group under the chapter's prior (size of the smaller group) and under
    the prior as large as both groups together (tidylo's default), side by side, with their z-scores."""
    from ..text.logodds import log_odds

    a, b = group_word_counts(first), group_word_counts(second)
    rows = []
    for prior_name, size in (("较小一组的词数", min(a.sum(), b.sum())), ("两组合计词数", a.sum() + b.sum())):
        table = log_odds(a, b, prior_size=size, min_count=10)
        for group, ends in ((first, table.head(top)), (second, table.tail(top).iloc[::-1])):
            for rank, row in enumerate(ends.itertuples(), start=1):
                rows.append({"prior": prior_name, "lean": mappings.label("corpus_group", group), "rank": rank,
                             "word": row.word, "z_score": round(row.z, 2)})
    return pd.DataFrame(rows)
