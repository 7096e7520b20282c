"""Aggregations for the policy chapter (第二章), two lines of evidence: the official texts (documents of kind
official_document, from the snapshot cac_miit_tc260, with the curated `filings` counts) and the corpus's curated
`policies` and `policy_targets` rows. Rows that name one measure are merged (data/mappings/same_policy.yml, with
official titles and date roles); term use is counted with the project's segmentation (data/mappings/
policy_language.yml).

Every function returns a small DataFrame; nothing prints. Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) become a span
(`date_start` to `date_end`) and a plotting point (`date_mid`, the middle of the span); rows with no date keep
all three blank and are left off the timeline, never given a date.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import dates
from ..data import load
from ..errors import MappingError
from ..facts import mappings
from . import corpus

# The curation behind this chapter is data: display names and groupings in data/mappings/labels.yml (blocks
# policy_kind, policy_level, policy_level_group, date_precision, geography, date_basis, policy_repeat), issuers in
# data/mappings/issuers.yml, repeated policies in data/mappings/same_policy.yml, target metrics in
# data/mappings/target_metrics.yml. The two orders the charts sort by are those of their labels.yml blocks.
LEVEL_GROUPS = list(dict.fromkeys(mappings.labels("policy_level_group").values()))
DATE_BASIS = list(mappings.labels("date_basis").values())
REPORT = "hti_report_2024_06"


# --- helpers ------------------------------------------------------------------------------------------------

def _labels() -> pd.Series:
    return load("documents").set_index("doc_id")["label"]


def document_periods() -> pd.Series:
    """Each source document's period (doc_id → label): the month of its date in the manifest; documents of one month
    share it. A month whose documents are all dated not_before (the latest date their text mentions) reads
    "YYYY-MM 起"."""
    docs = load("documents").set_index("doc_id").loc[corpus.chapter_documents()]
    month = docs["date"].str[:7]
    open_ended = (docs["date_precision"] == "not_before").groupby(month).transform("all")
    return (month + open_ended.map({True: " 起", False: ""})).rename("period")


def date_basis_codes(pol: pd.DataFrame) -> pd.Series:
    """How each row got its date: undated, filled from the document date (date_filled_from), or as written."""
    basis = pol["date_filled_from"].fillna("as_written").where(pol["date"].notna(), "undated")
    return basis.rename("date_basis")


# --- the policies table -------------------------------------------------------------------------------------

def policy_frame() -> pd.DataFrame:
    """Every curated policy row (none dropped) with readable kind, level, jurisdiction, source label, date span
    and how the date was obtained."""
    pol = load("policies").copy()
    spans = pol["date"].map(dates.span)
    pol["date_start"] = [s[0] for s in spans]
    pol["date_mid"] = [s[1] for s in spans]
    pol["date_end"] = [s[2] for s in spans]
    pol["date_basis"] = mappings.display(date_basis_codes(pol), "date_basis")
    pol["precision"] = mappings.display(pol["date_precision"], "date_precision").fillna("无")
    pol["kind_name"] = mappings.display(pol["kind"], "policy_kind")
    pol["level_name"] = mappings.display(pol["level"], "policy_level")
    pol["level_group"] = mappings.display(pol["level"], "policy_level_group")
    pol["place"] = mappings.display(pol["jurisdiction"], "geography")
    pol["label"] = pol["doc_id"].map(_labels())
    pol["period"] = pol["doc_id"].map(document_periods())
    untitled = "（原文无标题）" + pol["quote"].str[:20] + "…"
    pol["display_title"] = pol["title"].fillna(untitled)
    pol["issuers_text"] = pol["issuers"].fillna("（未写明）")
    return pol


def policy_timeline() -> pd.DataFrame:
    """Dated policy rows only, with their date span and the fields the timeline's tooltips show."""
    pol = policy_frame()
    dated = pol[pol["date"].notna()]
    return dated[["policy_id", "display_title", "date", "precision", "date_basis", "date_start", "date_mid",
                  "date_end", "level_group", "place", "kind_name", "issuers_text", "label", "doc_id", "quote"]
                 ].reset_index(drop=True)


def dating_by_source() -> pd.DataFrame:
    """Policy rows per source document by how their date was obtained (written, partly filled, none)."""
    pol = policy_frame()
    counts = pol.groupby(["label", "date_basis"], as_index=False).size().rename(columns={"size": "rows"})
    totals = pol.groupby("label").size().rename("doc_rows")
    counts = counts.merge(totals, on="label")
    counts["basis_order"] = counts["date_basis"].map(DATE_BASIS.index)
    return counts.sort_values(["label", "basis_order"]).reset_index(drop=True)


def kinds_by_level() -> pd.DataFrame:
    """Policy rows per kind and level group (China central, China local, foreign national, EU)."""
    pol = policy_frame()
    counts = pol.groupby(["kind_name", "level_group"], as_index=False).size().rename(columns={"size": "rows"})
    counts["kind_rows"] = counts.groupby("kind_name")["rows"].transform("sum")
    return counts.sort_values(["kind_rows", "kind_name", "level_group"], ascending=[False, True, True]
                              ).reset_index(drop=True)


def repeat_groups() -> pd.DataFrame:
    """data/mappings/same_policy.yml as rows (kind, group, policy_id): the policies data/NOTES.md names as one policy
    in several documents (same_policy) or as possible duplicates (possible_duplicate). Every policy_id must be a
    row of policies.csv."""
    known = set(load("policies")["policy_id"])
    rows = [{"kind": kind, "group": group, "policy_id": pid}
            for kind in mappings.labels("policy_repeat")
            for group, ids in mappings.section("same_policy", kind).items() for pid in ids]
    unknown = [row["policy_id"] for row in rows if row["policy_id"] not in known]
    if unknown:
        raise MappingError(f"{mappings.path_of('same_policy')}: policy_id(s) not in data/curated/policies.csv: "
                           + ", ".join(map(repr, unknown)) + "; correct them there")
    return pd.DataFrame(rows, columns=["kind", "group", "policy_id"])


def repeated_policies() -> pd.DataFrame:
    """Rows that data/NOTES.md names as one policy in several documents, or as possible US duplicates."""
    groups = repeat_groups()
    pol = policy_frame()[["policy_id", "display_title", "date", "label"]].rename(columns={"display_title": "title"})
    out = groups.merge(pol, on="policy_id", how="left", validate="many_to_one")
    out["relation"] = mappings.display(out["kind"], "policy_repeat")
    return out[["group", "relation", "policy_id", "title", "date", "label"]]


def distinct_policy_counts() -> pd.DataFrame:
    """Rows, and the number of distinct policies once the repeats named in data/NOTES.md are merged: first the
    certain cross-document repeats, then also the possible US duplicates."""
    n = len(load("policies"))
    merged = repeat_groups().groupby("kind")["group"].agg(lambda g: len(g) - g.nunique())
    same, dup = int(merged.get("same_policy", 0)), int(merged.get("possible_duplicate", 0))
    return pd.DataFrame({"measure": ["rows", "distinct_after_cross_document", "distinct_after_possible_duplicates"],
                         "count": [n, n - same, n - same - dup]})


# --- issuers ------------------------------------------------------------------------------------------------

def issuer_rows() -> pd.DataFrame:
    """One row per (policy, named issuer): issuers split on ' | ', each mapped to a body and a body type through
    data/mappings/issuers.yml (a spelling it lacks raises MappingError). Rows with no issuer get the body （未写明）."""
    pol = policy_frame()
    rows = []
    for rec in pol.itertuples(index=False):
        names = [] if pd.isna(rec.issuers) else [s.strip() for s in rec.issuers.split("|") if s.strip()]
        for name in names or [None]:
            rows.append({"policy_id": rec.policy_id, "issuer_as_written": name, "level_group": rec.level_group,
                         "display_title": rec.display_title, "label": rec.label})
    rows = pd.DataFrame(rows)
    bodies = mappings.harmonize(rows["issuer_as_written"], "issuers")
    rows.insert(2, "body", [b["body"] if b else "（未写明）" for b in bodies])
    rows.insert(3, "body_type", [b["type"] if b else "未写明" for b in bodies])
    return rows


def issuer_counts() -> pd.DataFrame:
    """Policy rows per issuing body (a row issued jointly counts once for each body), with the spellings merged
    and example titles; rows with no issuer named are left out (see unnamed_issuer_rows)."""
    rows = issuer_rows()
    named = rows[rows["issuer_as_written"].notna()]
    out = named.groupby(["body", "body_type"], as_index=False).agg(
        rows=("policy_id", "nunique"),
        spellings=("issuer_as_written", lambda s: "、".join(sorted(set(s)))),
        titles=("display_title", lambda s: "；".join(list(dict.fromkeys(s))[:4])),
    )
    return out.sort_values(["rows", "body"], ascending=[False, True]).reset_index(drop=True)


def unnamed_issuer_rows() -> pd.DataFrame:
    """Policy rows whose text names no issuer, per level group."""
    pol = policy_frame()
    return (pol[pol["issuers"].isna()].groupby("level_group", as_index=False).size()
            .rename(columns={"size": "rows"}))


# --- targets ------------------------------------------------------------------------------------------------

def _wording(quote: str) -> str:
    for word in ("力争", "预计", "要求"):
        if word in quote:
            return word
    return "（无）"


def policy_targets() -> pd.DataFrame:
    """Every quantitative target joined to its policy: Chinese metric name, value as written (a range where the
    text gives one), whether the figure is a lower bound (超过), and the quote's verb (力争 / 预计 / 要求)."""
    targets = load("policy_targets")
    pol = policy_frame()[["policy_id", "display_title", "date", "place", "level_group", "issuers_text"]]
    out = targets.merge(pol, on="policy_id", how="left", validate="many_to_one")
    out["metric_name"] = mappings.harmonize(out["metric"], "target_metrics")
    out["target_year"] = out["target_year"].astype("Int64")
    out["value_text"] = [
        (f"{lo:g}–{hi:g}" if lo != hi else f"{lo:g}") + (unit if unit == "%" else f" {unit}")
        for lo, hi, unit in zip(out["value_low"], out["value_high"], out["unit"])]
    out["lower_bound"] = out["lower_bound"].map({"yes": "是（超过）", "no": "否"})
    out["wording"] = out["quote"].map(_wording)
    out["label"] = out["doc_id"].map(_labels())
    out["row_label"] = out["metric_name"] + "（" + out["target_year"].astype(str) + "）"
    return out[["target_id", "policy_id", "display_title", "place", "level_group", "issuers_text", "target_year",
                "metric_name", "row_label", "value_low", "value_high", "unit", "value_text", "lower_bound",
                "wording", "label", "doc_id", "quote"]]


# --- one measure, several rows: official titles, date roles, official documents that cite it -----------------

def _simplified(title) -> str | None:
    from ..corpus.rules import to_simplified

    return None if title is None or pd.isna(title) else to_simplified(str(title)).replace(" ", "")


def policy_measures() -> pd.DataFrame:
    """Every policy row with the measure it belongs to (data/mappings/same_policy.yml): `measure` is the group's
    name for rows of a same_policy group, else the row's official title (block official_title), else its title in
    Simplified script; `official_title` where the mapping gives one; `date_role` (发布, 施行 …; blank = the date the
    text gives for the row). Raises MappingError when one measure is split under two names: two measures whose
    rows share an official or Simplified title."""
    pol = policy_frame()
    groups = repeat_groups().query("kind == 'same_policy'").set_index("policy_id")["group"]
    official = mappings.section("same_policy", "official_title")
    roles = mappings.section("same_policy", "date_role")
    known = set(pol["policy_id"])
    unknown = sorted((set(official) | set(roles)) - known)
    if unknown:
        raise MappingError(f"{mappings.path_of('same_policy')}: policy_id(s) not in data/curated/policies.csv: "
                           + ", ".join(map(repr, unknown)) + "; correct them there")
    pol["official_title"] = pol["policy_id"].map(official)
    pol["date_role"] = pol["policy_id"].map(roles)
    names = pol["official_title"].fillna(pol["title"].map(_simplified))
    pol["measure"] = pol["policy_id"].map(groups).fillna(names).fillna(pol["display_title"])
    keys = pd.concat([pd.DataFrame({"name": names, "measure": pol["measure"]}),
                      pd.DataFrame({"name": pol["title"].map(_simplified), "measure": pol["measure"]})]).dropna()
    split = keys.groupby("name")["measure"].nunique()
    if (split > 1).any():
        name = split[split > 1].index[0]
        measures = sorted(keys.loc[keys["name"] == name, "measure"].unique())
        raise MappingError(f"the measure {name!r} is split under {len(measures)} names ({'、'.join(measures)}): "
                           f"merge its rows in one group of {mappings.path_of('same_policy')} (block same_policy)")
    return pol


def official_documents() -> pd.DataFrame:
    """The official texts in the corpus (data/raw/official.yml, snapshot cac_miit_tc260): one row per document with
    its date, year, half-year, issuer (the site that publishes it) and whether it is a filing announcement."""
    docs = load("documents").query("kind == 'official_document'")
    filing_docs = set(load("filings")["doc_id"])
    out = docs[["doc_id", "label", "title", "outlet", "date", "url"]].copy()
    out["year"] = out["date"].str[:4].astype(int)
    out["half"] = out["date"].str[:4] + "年" + out["date"].str[5:7].astype(int).map(lambda m: "上半年" if m <= 6 else "下半年")
    out["filing"] = out["doc_id"].isin(filing_docs)
    return out.sort_values(["date", "doc_id"]).reset_index(drop=True)


def official_by_half_year() -> pd.DataFrame:
    """Official texts per half-year and issuer (every half-year from the first to the last, zeros kept)."""
    docs = official_documents()
    halves = [f"{y}年{h}" for y in range(docs["year"].min(), docs["year"].max() + 1) for h in ("上半年", "下半年")]
    grid = pd.MultiIndex.from_product([halves, sorted(docs["outlet"].unique())], names=["half", "outlet"])
    counts = docs.groupby(["half", "outlet"]).size().reindex(grid, fill_value=0).rename("documents").reset_index()
    first, last = docs["half"].min(), docs["half"].max()
    counts = counts[(counts["half"].map(halves.index) >= halves.index(first))
                    & (counts["half"].map(halves.index) <= halves.index(last))]
    return counts.reset_index(drop=True)


def _paragraph_texts(doc_ids) -> pd.DataFrame:
    """The paragraphs the text pipeline segments (those with tokens), for these documents."""
    paras = load("paragraphs")
    segmented = set(load("tokens")["para_id"])
    return paras[paras["doc_id"].isin(set(doc_ids)) & paras["para_id"].isin(segmented)][["para_id", "doc_id", "text"]]


@lru_cache(maxsize=4096)
def _token_set(text: str) -> frozenset[str]:
    from ..text.segment import segment

    return frozenset(segment(text))


def _term_hits(doc_ids) -> pd.DataFrame:
    """(para_id, doc_id, term) for each term of data/mappings/policy_language.yml that the jieba segmentation of a
    paragraph (domain dictionary, stop words kept) yields as a token."""
    terms = list(mappings.section("policy_language", "terms"))
    rows = []
    for rec in _paragraph_texts(doc_ids).itertuples(index=False):
        tokens = _token_set(rec.text)
        rows += [(rec.para_id, rec.doc_id, term) for term in terms if term in tokens]
    return pd.DataFrame(rows, columns=["para_id", "doc_id", "term"])


def official_term_shares() -> pd.DataFrame:
    """Per year of the official texts and term: documents mentioning the term, the year's documents, and the share;
    `year_label` carries the year's number of documents (small-n caveat)."""
    docs = official_documents()
    terms = mappings.section("policy_language", "terms")
    hits = _term_hits(docs["doc_id"]).drop_duplicates(["doc_id", "term"])
    hits = hits.merge(docs[["doc_id", "year"]], on="doc_id")
    totals = docs.groupby("year").size().rename("year_documents")
    grid = pd.MultiIndex.from_product([totals.index, list(terms)], names=["year", "term"]).to_frame(index=False)
    counts = hits.groupby(["year", "term"]).size().rename("documents").reset_index()
    out = grid.merge(counts, on=["year", "term"], how="left").fillna({"documents": 0}).merge(totals, on="year")
    out["documents"] = out["documents"].astype(int)
    out["share"] = (out["documents"] / out["year_documents"]).round(3)
    out["term_name"] = out["term"].map(terms)
    out["year_label"] = out["year"].astype(str) + "年（" + out["year_documents"].astype(str) + " 份）"
    return out


def corpus_term_shares() -> pd.DataFrame:
    """Per kind of corpus source (news against the broker report, policy_language.yml block source_kind) and term:
    paragraphs mentioning the term, the kind's segmented paragraphs, and the share."""
    docs = load("documents").set_index("doc_id").loc[corpus.chapter_documents()]
    kinds = mappings.harmonize(docs["kind"], "policy_language", "source_kind")
    terms = mappings.section("policy_language", "terms")
    paras = _paragraph_texts(docs.index).assign(source_kind=lambda p: p["doc_id"].map(kinds))
    hits = _term_hits(docs.index).assign(source_kind=lambda h: h["doc_id"].map(kinds))
    totals = paras.groupby("source_kind").agg(kind_paragraphs=("para_id", "size"), kind_documents=("doc_id", "nunique"))
    grid = pd.MultiIndex.from_product([totals.index, list(terms)], names=["source_kind", "term"]).to_frame(index=False)
    counts = hits.groupby(["source_kind", "term"])["para_id"].nunique().rename("paragraphs").reset_index()
    out = (grid.merge(counts, on=["source_kind", "term"], how="left").fillna({"paragraphs": 0})
           .merge(totals.reset_index(), on="source_kind"))
    out["paragraphs"] = out["paragraphs"].astype(int)
    out["share"] = (out["paragraphs"] / out["kind_paragraphs"]).round(3)
    out["term_name"] = out["term"].map(terms)
    out["kind_label"] = (out["source_kind"] + "（" + out["kind_documents"].astype(str) + " 份，"
                         + out["kind_paragraphs"].astype(str) + " 段）")
    return out


def citing_documents() -> pd.DataFrame:
    """For each Chinese measure the corpus names: the official text that is the measure itself (an official text
    whose title contains the measure's name: its label and date), and the official texts whose paragraphs cite it
    in 《》 (their number and the first of them: date, label, url)."""
    measures = policy_measures()
    names = list(dict.fromkeys(measures.loc[measures["jurisdiction"].str.startswith("CN"), "measure"]))
    docs = official_documents()
    paras = load("paragraphs")
    paras = paras[paras["doc_id"].isin(set(docs["doc_id"]))]
    rows = []
    for name in names:
        itself = docs[docs["title"].str.contains(name, regex=False)].head(1)
        cited = set(paras.loc[paras["text"].str.contains(f"《{name}》", regex=False), "doc_id"])
        first = docs[docs["doc_id"].isin(cited)].head(1)
        rows.append({"measure": name,
                     "official_text": itself["label"].iloc[0] if len(itself) else None,
                     "official_date": itself["date"].iloc[0] if len(itself) else None,
                     "citing_documents": len(cited),
                     "first_citing_date": first["date"].iloc[0] if len(first) else None,
                     "first_citing": first["label"].iloc[0] if len(first) else None,
                     "first_citing_url": first["url"].iloc[0] if len(first) else None})
    return pd.DataFrame(rows)


def measure_table() -> pd.DataFrame:
    """Chinese national measures the corpus names, one row per measure: the title shown (official where known),
    the corpus's own titles, the dated rows as 'date role（source）', and the official texts citing it."""
    pol = policy_measures()
    pol = pol[pol["jurisdiction"].str.startswith("CN")]
    cites = citing_documents().set_index("measure")
    rows = []
    for measure, g in pol.groupby("measure", sort=False):
        dated = g[g["date"].notna()].sort_values("date_start")
        rows.append({
            "measure": measure,
            # the corpus's own titles, where they differ from the measure's name
            "corpus_titles": "；".join(t for t in dict.fromkeys(g["display_title"]) if t != measure) or None,
            "dates_text": "；".join(f"{d}{' ' + r if isinstance(r, str) else ''}（{lab}）"
                                    for d, r, lab in zip(dated["date"], dated["date_role"], dated["label"])) or "（未注明）",
            "first_date": dated["date_start"].min() if len(dated) else None,
            "rows": len(g), "sources": "、".join(dict.fromkeys(g["label"])),
            "level_group": g["level_group"].iloc[0], "kind_name": g["kind_name"].iloc[0],
            "official_text": cites.loc[measure, "official_text"], "official_date": cites.loc[measure, "official_date"],
            "citing_documents": int(cites.loc[measure, "citing_documents"]),
            "first_citing": cites.loc[measure, "first_citing"],
        })
    out = pd.DataFrame(rows)
    return out.sort_values(["first_date", "measure"], na_position="last").reset_index(drop=True)


# --- the state's AI documents, and the filing regime, on one timeline ----------------------------------------

def regime_milestones() -> pd.DataFrame:
    """The filing regime on one time axis: the corpus rows of the two regulations that carry a date role
    (深度合成管理规定 in force, the generative-AI measures issued and in force, first filed models opened), and each
    official generative-AI filing announcement with the running total of filed services (filings table)."""
    pol = policy_measures()
    corpus_rows = pol[pol["date_role"].notna() & pol["date"].notna()]
    corpus_events = pd.DataFrame({
        "date": corpus_rows["date_mid"], "date_text": corpus_rows["date"],
        "event": corpus_rows["measure"].str.replace("互联网信息服务", "", regex=False)
                 .str.replace("生成式人工智能服务管理暂行办法", "暂行办法", regex=False)
                 + " " + corpus_rows["date_role"],
        "evidence": "语料", "source_label": corpus_rows["label"], "quote": corpus_rows["quote"]})
    filings = load("filings").query("kind == 'filed' and unit == 'services' and cumulative == 'yes'")
    docs = official_documents().set_index("doc_id")
    official_events = pd.DataFrame({
        "date": filings["doc_id"].map(docs["date"]), "date_text": filings["as_of_date"],
        "event": "累计备案 " + filings["count"].astype(int).astype(str) + " 款",
        "evidence": "官方与数据集", "source_label": filings["doc_id"].map(docs["label"]), "quote": filings["quote"],
        "filed": filings["count"].astype(int)})
    out = pd.concat([corpus_events, official_events], ignore_index=True)
    out["filed"] = out["filed"].astype("Int64")
    return out.sort_values("date").reset_index(drop=True)


def state_timeline_table() -> pd.DataFrame:
    """The long list of official texts, oldest first: date, issuer, title (the corpus's dated Chinese measures are
    in measure_table)."""
    docs = official_documents()
    return docs[["date", "outlet", "title"]].rename(columns={"outlet": "issuers_text"}).reset_index(drop=True)


# --- the searchable table -----------------------------------------------------------------------------------

def policy_table() -> pd.DataFrame:
    """All policy rows with the columns the page's table shows, in the order of policy_id."""
    pol = policy_frame()
    table = pol.rename(columns={"label": "source"})
    return table[["policy_id", "display_title", "date", "place", "kind_name", "issuers_text", "source",
                  "quote"]].reset_index(drop=True)


# --- numbers the prose quotes -------------------------------------------------------------------------------

def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}"


def official_credit() -> str:
    """The credit line (with licence) of the snapshot the official texts come from."""
    from ..snapshots import credit_line

    return credit_line("cac_miit_tc260")


def headline_numbers() -> dict[str, str | int]:
    """Every number and name the chapter's prose states, computed here (glued into the text)."""
    pol = policy_frame()
    tl = policy_timeline()
    years = tl["date"].str[:4].astype(int)
    basis = date_basis_codes(pol)
    from_report = pol["doc_id"] == REPORT
    foreign = pol[pol["level"].isin(["foreign_national", "supranational"])]
    china = pol[pol["jurisdiction"].str.startswith("CN")]
    china_kinds = china["kind"].value_counts()
    laws = pol[pol["kind"] == "law"]
    targets = policy_targets()
    issuers = issuer_counts()
    unnamed = int(pol["issuers"].isna().sum())
    distinct = distinct_policy_counts().set_index("measure")["count"]
    local = pol[pol["level"].isin(["provincial", "municipal"])]["place"].value_counts()
    measures = measure_table().set_index("measure")
    genai, deep = "生成式人工智能服务管理暂行办法", "互联网信息服务深度合成管理规定"
    docs = official_documents()
    per_year = docs.groupby("year").size()
    halves = official_by_half_year()
    terms = official_term_shares().set_index(["year", "term"])
    source_terms = corpus_term_shares().set_index(["source_kind", "term"])
    ms = regime_milestones()
    filed = ms[ms["evidence"] == "官方与数据集"]
    cac = docs[docs["outlet"] == "国家互联网信息办公室"]
    notices_2025 = docs[(docs["year"] == 2025) & docs["title"].str.contains("备案信息")]
    numbers: dict[str, str | int] = {
        "n_rows": len(pol),
        "n_dated": len(tl),
        "n_undated": int(pol["date"].isna().sum()),
        "n_filled": int((basis == "document_date").sum()),
        "filled_ids": "、".join(pol.loc[basis == "document_date", "policy_id"]),
        "n_dated_2023_24": int(years.between(2023, 2024).sum()),
        "first_year": int(years.min()),
        "n_report_rows": int(from_report.sum()),
        "n_report_undated": int((from_report & (basis == "undated")).sum()),
        "n_news_rows": int((~from_report).sum()),
        "n_news_written": int((~from_report & (basis == "as_written")).sum()),
        "n_foreign": len(foreign),
        "n_foreign_from_report": int((foreign["doc_id"] == REPORT).sum()),
        "n_us": int((pol["jurisdiction"] == "US").sum()),
        "us_share": _share(int((pol["jurisdiction"] == "US").sum()), len(pol)),
        "n_china": len(china),
        "n_china_local": int(local.sum()),
        "local_places": "、".join(local.index),
        "n_laws": len(laws),
        "n_laws_foreign": int(laws["level"].isin(["foreign_national", "supranational"]).sum()),
        "n_china_other": int(china_kinds.get("other", 0)),
        "n_china_plan": int(china_kinds.get("plan", 0)),
        "n_other": int((pol["kind"] == "other").sum()),
        "n_targets": len(targets),
        "n_target_policies": targets["policy_id"].nunique(),
        "n_targets_2025": int((targets["target_year"] == 2025).sum()),
        "n_targets_china": int(targets["place"].isin(["中国", "北京"]).sum()),
        "n_targets_yuji": int((targets["wording"] == "预计").sum()),
        "n_targets_lower": int((load("policy_targets")["lower_bound"] == "yes").sum()),
        "n_targets_beijing": int((targets["place"] == "北京").sum()),
        "top_body": issuers.loc[0, "body"],
        "top_body_rows": int(issuers.loc[0, "rows"]),
        "second_body": issuers.loc[1, "body"],
        "second_body_rows": int(issuers.loc[1, "rows"]),
        "n_unnamed_issuer": unnamed,
        "unnamed_share": _share(unnamed, len(pol)),
        "n_distinct": int(distinct["distinct_after_cross_document"]),
        "n_distinct_min": int(distinct["distinct_after_possible_duplicates"]),
        "n_cn_measures": len(measures),
        "genai_rows": int(measures.loc[genai, "rows"]),
        "genai_dates": measures.loc[genai, "dates_text"],
        "genai_n_dates": len(measures.loc[genai, "dates_text"].split("；")),
        "deep_date": pol.set_index("policy_id").loc["p-027", "date"],
        "filed_first_published": filed["date"].iloc[0],
        "n_corpus_milestones": int((ms["evidence"] == "语料").sum()),
        "genai_citing": int(measures.loc[genai, "citing_documents"]),
        "deep_citing": int(measures.loc[deep, "citing_documents"]),
        "deep_first_citing": measures.loc[deep, "first_citing"],
        "n_measures_official_text": int(measures["official_text"].notna().sum()),
        "n_measures_cited": int((measures["citing_documents"] > 0).sum()),
        "future_official_date": measures.loc["关于推动未来产业创新发展的实施意见", "official_date"],
        "future_corpus_date": measures.loc["关于推动未来产业创新发展的实施意见", "first_date"][:7],
        "n_cac_notices": int(cac["title"].str.contains("备案信息").sum()),
        "corpus_last": load("documents").set_index("doc_id").loc[corpus.chapter_documents(), "date"].max()[:7],
        "n_official_after_corpus": int((docs["date"].str[:7] > load("documents").set_index("doc_id")
                                        .loc[corpus.chapter_documents(), "date"].max()[:7]).sum()),
        "n_official": len(docs),
        "n_official_cac": len(cac),
        "n_official_miit": int((docs["outlet"] == "工业和信息化部").sum()),
        "official_first": docs["date"].min(),
        "official_last": docs["date"].max(),
        "first_cac": cac["date"].min(),
        "n_official_2025": int(per_year.get(2025, 0)),
        "n_official_2022_23": int(per_year[per_year.index <= 2023].sum()),
        "n_notices_2025": len(notices_2025),
        "peak_half": halves.groupby("half")["documents"].sum().idxmax(),
        "peak_half_docs": int(halves.groupby("half")["documents"].sum().max()),
        "n_filing_announcements": len(filed),
        "filed_first": int(filed["filed"].iloc[0]),
        "filed_first_asof": filed["date_text"].iloc[0],
        "filed_last": int(filed["filed"].iloc[-1]),
        "filed_last_asof": filed["date_text"].iloc[-1],
    }
    for year in per_year.index:
        numbers[f"n_official_{year}"] = int(per_year[year])
    for term, key in [("安全", "anquan"), ("发展", "fazhan"), ("治理", "zhili"), ("大模型", "damoxing"),
                      ("备案", "beian"), ("标识", "biaoshi"), ("具身智能", "jushen"), ("算力", "suanli")]:
        for year in (2024, 2025):
            numbers[f"{key}_{year}"] = f"{terms.loc[(year, term), 'share']:.0%}"
        numbers[f"{key}_{year}_docs"] = int(terms.loc[(2025, term), "documents"])
        for kind, short in [("券商研报", "report"), ("新闻报道", "news")]:
            numbers[f"{key}_{short}"] = f"{source_terms.loc[(kind, term), 'share']:.1%}"
    numbers["report_paras"] = int(source_terms.loc[("券商研报", "安全"), "kind_paragraphs"])
    numbers["news_paras"] = int(source_terms.loc[("新闻报道", "安全"), "kind_paragraphs"])
    numbers["n_news_docs"] = int(source_terms.loc[("新闻报道", "安全"), "kind_documents"])
    for kind, short in [("券商研报", "report"), ("新闻报道", "news")]:
        numbers[f"jianguan_{short}"] = f"{source_terms.loc[(kind, '监管'), 'share']:.1%}"
        numbers[f"jianguan_{short}_n"] = int(source_terms.loc[(kind, "监管"), "paragraphs"])
    return numbers
