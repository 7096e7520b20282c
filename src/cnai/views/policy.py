"""Aggregations for the policy chapter (第二章): the curated `policies` and `policy_targets` tables, and the
policy-topic paragraphs of the corpus grouped into the periods of their source documents.

Every function returns a small DataFrame; nothing prints. Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) become a span
(`date_start` to `date_end`) and a plotting point (`date_mid`, the middle of the span); rows with no date keep
all three blank and are left off the timeline, never given a date.
"""
from __future__ import annotations


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


# --- language of the policy paragraphs -----------------------------------------------------------------------

def policy_paragraphs_by_period() -> pd.DataFrame:
    """Policy-topic paragraphs per period and source document."""
    topics = load("paragraph_topics").query("topic == 'policy' and doc_id in @corpus.chapter_documents()")
    counts = topics.groupby("doc_id", as_index=False).size().rename(columns={"size": "paragraphs"})
    counts["period"] = counts["doc_id"].map(document_periods())
    counts["label"] = counts["doc_id"].map(_labels())
    return counts.sort_values(["period", "doc_id"]).reset_index(drop=True)


def keywords_by_period(top: int = 8) -> pd.DataFrame:
    """TF-IDF keywords of the policy-topic paragraphs, computed separately for each period (documents of the
    same month pooled), like corpus.topic_keywords_by_source but grouped by period."""
    from ..text.keywords import tfidf_keywords
    from ..text.segment import stop_words

    tokens = corpus.topic_tokens("policy")
    tokens = tokens.assign(period=tokens["doc_id"].map(document_periods()))
    labels = _labels()
    rows = []
    for period, group in tokens.groupby("period", sort=True):
        docs = "、".join(labels[d] for d in sorted(group["doc_id"].unique()))
        sequences = [list(zip(g["token"], g["pos"])) for _, g in group.groupby("para_id", sort=False)]
        for rank, (word, weight) in enumerate(tfidf_keywords(sequences, top, stop_words()), start=1):
            rows.append({"period": period, "documents": docs, "rank": rank, "word": word,
                         "weight": round(weight, 6), "paragraphs": group["para_id"].nunique()})
    return pd.DataFrame(rows)


def term_shares_by_period() -> pd.DataFrame:
    """For each policy-topic term (data/dict/topics.yml) and period: how many of the period's policy paragraphs
    use it, and their share. Terms no policy paragraph uses are left out."""
    from ..paths import TOPICS
    from ..text.topics import read_topics

    terms = read_topics(TOPICS)["policy"]["terms"]
    tokens = corpus.topic_tokens("policy")
    tokens = tokens.assign(period=tokens["doc_id"].map(document_periods()))
    totals = tokens.groupby("period")["para_id"].nunique().rename("period_paragraphs")
    used = tokens[tokens["token"].isin(terms)]
    counts = used.groupby(["period", "token"])["para_id"].nunique().rename("paragraphs").reset_index()
    grid = pd.MultiIndex.from_product([sorted(totals.index), sorted(counts["token"].unique())],
                                      names=["period", "token"]).to_frame(index=False)
    out = grid.merge(counts, on=["period", "token"], how="left").fillna({"paragraphs": 0})
    out["paragraphs"] = out["paragraphs"].astype(int)
    out = out.merge(totals, on="period")
    out["share"] = (out["paragraphs"] / out["period_paragraphs"]).round(3)
    return out.rename(columns={"token": "term"})


# Policy terms that in the report's prose often mean something else: a technical solution (方案), a technical
# specification (标准), a robot's motion planning (规划).
AMBIGUOUS_TERMS = {"方案", "标准", "规划"}


def ambiguous_topic_paragraphs() -> pd.DataFrame:
    """Per period: policy paragraphs, how many matched the policy topic only through AMBIGUOUS_TERMS, and how
    many occurrences of 机器人 those paragraphs hold (of all 机器人 in the period's policy paragraphs)."""
    from ..paths import TOPICS
    from ..text.topics import read_topics

    terms = set(read_topics(TOPICS)["policy"]["terms"])
    tokens = corpus.topic_tokens("policy")
    used = tokens[tokens["token"].isin(terms)].groupby("para_id")["token"].apply(set)
    ambiguous = set(used[used.map(lambda words: words <= AMBIGUOUS_TERMS)].index)
    paras = tokens.drop_duplicates("para_id")[["para_id", "doc_id"]]
    periods = document_periods()
    paras = paras.assign(period=paras["doc_id"].map(periods), ambiguous=paras["para_id"].isin(ambiguous))
    robot = tokens[tokens["token"] == "机器人"].assign(period=lambda t: t["doc_id"].map(periods),
                                                      ambiguous=lambda t: t["para_id"].isin(ambiguous))
    robots = robot.groupby("period").agg(robot_mentions=("token", "size"), robot_in_ambiguous=("ambiguous", "sum"))
    out = (paras.groupby("period", as_index=False).agg(paragraphs=("para_id", "size"), ambiguous=("ambiguous", "sum"))
           .merge(robots, on="period", how="left").fillna({"robot_mentions": 0, "robot_in_ambiguous": 0}))
    return out.astype({"ambiguous": int, "robot_mentions": int, "robot_in_ambiguous": int})


def policy_word_frequencies(top: int = 120) -> dict[str, int]:
    """The word cloud's frequencies: corpus.topic_frequencies for the policy topic."""
    return corpus.topic_frequencies("policy", top)


# --- the searchable table -----------------------------------------------------------------------------------

def policy_table() -> pd.DataFrame:
    """All policy rows with readable Chinese column names, in the order of policy_id."""
    pol = policy_frame()
    table = pol.rename(columns={"period": "doc_period", "label": "source"})
    return table[["policy_id", "display_title", "title_en", "date", "precision", "date_basis", "level_group",
                  "place", "kind_name", "issuers_text", "doc_period", "source", "doc_id", "quote"]].reset_index(drop=True)


def distinctive_keywords(top: int = 8) -> pd.DataFrame:
    """Per period, the words of its top-`top` keyword list that no other period's list contains."""
    kw = keywords_by_period(top)
    lists = kw.groupby("period")["word"].apply(list)
    rows = []
    for period, words in lists.items():
        others = set().union(*(set(w) for p, w in lists.items() if p != period))
        rows.append({"period": period, "words": [w for w in words if w not in others],
                     "shared_by_all": [w for w in words if all(w in v for v in lists)]})
    return pd.DataFrame(rows)


# --- numbers the prose quotes -------------------------------------------------------------------------------

def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}"


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
    paras = policy_paragraphs_by_period().groupby("period")["paragraphs"].sum()
    shares = term_shares_by_period().set_index(["period", "term"])["share"]
    distinctive = distinctive_keywords().set_index("period")
    local = pol[pol["level"].isin(["provincial", "municipal"])]["place"].value_counts()
    numbers: dict[str, str | int] = {
        "n_rows": len(pol),
        "n_docs": pol["doc_id"].nunique(),
        "n_dated": len(tl),
        "n_undated": int(pol["date"].isna().sum()),
        "n_filled": int((basis == "document_date").sum()),
        "filled_ids": "、".join(pol.loc[basis == "document_date", "policy_id"]),
        "n_dated_2023_24": int(years.between(2023, 2024).sum()),
        "first_year": int(years.min()),
        "n_day": int((pol["date_precision"] == "day").sum()),
        "n_month": int((pol["date_precision"] == "month").sum()),
        "n_year": int((pol["date_precision"] == "year").sum()),
        "n_report_rows": int(from_report.sum()),
        "n_report_undated": int((from_report & (basis == "undated")).sum()),
        "n_news_rows": int((~from_report).sum()),
        "n_news_written": int((~from_report & (basis == "as_written")).sum()),
        "n_foreign": len(foreign),
        "n_foreign_from_report": int((foreign["doc_id"] == REPORT).sum()),
        "n_us": int((pol["jurisdiction"] == "US").sum()),
        "us_share": _share(int((pol["jurisdiction"] == "US").sum()), len(pol)),
        "n_us_dated": int((tl["place"] == "美国").sum()),
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
        "n_bodies": len(issuers),
        "n_unnamed_issuer": unnamed,
        "unnamed_share": _share(unnamed, len(pol)),
        "n_distinct": int(distinct["distinct_after_cross_document"]),
        "n_distinct_min": int(distinct["distinct_after_possible_duplicates"]),
    }
    for period in paras.index:  # keys p2307, p2309, p2406, p2410: the period's year and month
        key = f"p{period[2:4]}{period[5:7]}"
        numbers[f"paras_{key}"] = int(paras[period])
        numbers[f"kw_{key}"] = "、".join(distinctive.loc[period, "words"]) or "（无）"
    numbers["report_para_ratio"] = f"{paras['2024-06'] / (paras.sum() - paras['2024-06']):.1f}"
    amb = ambiguous_topic_paragraphs().set_index("period")
    numbers["ambiguous_p2406"] = int(amb.loc["2024-06", "ambiguous"])
    numbers["robot_p2406"] = int(amb.loc["2024-06", "robot_mentions"])
    numbers["robot_amb_p2406"] = int(amb.loc["2024-06", "robot_in_ambiguous"])
    numbers["kw_shared"] = "、".join(distinctive["shared_by_all"].iloc[0]) or "（无）"
    numbers["zhengce_2307"] = f"{shares[('2023-07', '政策')]:.0%}"
    numbers["zhengce_2406"] = f"{shares[('2024-06', '政策')]:.0%}"
    numbers["jianguan_2406"] = f"{shares[('2024-06', '监管')]:.0%}"
    return numbers
