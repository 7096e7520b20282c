"""Chapter 2 (policy): the view tables recomputed from the curated CSVs and the corpus, and the prose claims checked."""
import pandas as pd
import pytest

from cnai import paths
from cnai.data import load
from cnai.views import policy

CURATED = paths.DATA / "curated"


@pytest.fixture(scope="module")
def raw():
    """policies.csv read directly, not through the loader or the views."""
    return pd.read_csv(CURATED / "policies.csv", dtype=str, keep_default_na=False).replace("", None)


@pytest.fixture(scope="module")
def raw_targets():
    return pd.read_csv(CURATED / "policy_targets.csv", dtype={"target_year": float})


def foreign(frame):
    return frame["level"].isin(["foreign_national", "supranational"])


# --- nothing dropped, dates handled -------------------------------------------------------------------------

def test_frame_and_table_keep_every_policy_row(raw):
    assert list(policy.policy_frame()["policy_id"]) == list(raw["policy_id"])
    table = policy.policy_table()
    assert list(table["编号"]) == list(raw["policy_id"])
    assert table["原文引文"].tolist() == raw["quote"].tolist()
    assert table["doc_id"].tolist() == raw["doc_id"].tolist()


def test_timeline_holds_exactly_the_dated_rows_within_their_spans(raw):
    tl = policy.policy_timeline()
    assert set(tl["policy_id"]) == set(raw.loc[raw["date"].notna(), "policy_id"])
    assert (tl["date_start"] <= tl["date_mid"]).all() and (tl["date_mid"] <= tl["date_end"]).all()
    assert (tl["date_start"].str[: 4] == tl["date"].str[:4]).all()
    assert all(start.startswith(date) for start, date in zip(tl["date_start"], tl["date"]))


def test_undated_rows_are_never_given_a_date(raw):
    frame = policy.policy_frame().set_index("policy_id")
    undated = raw.loc[raw["date"].isna(), "policy_id"]
    assert frame.loc[undated, "date_mid"].isna().all()
    assert (frame.loc[undated, "date_basis"] == "未注明日期").all()


def test_filled_dates_are_the_rows_data_notes_lists():
    # data/NOTES.md §4: "p-001, p-011 to p-013, p-020, p-022 to p-025" take their year from the document
    frame = policy.policy_frame()
    filled = set(frame.loc[frame["date_basis"] == "年份或月份取自文档日期", "policy_id"])
    assert filled == {"p-001", "p-011", "p-012", "p-013", "p-020", "p-022", "p-023", "p-024", "p-025"}


def test_dating_by_source_adds_up_per_document(raw):
    dating = policy.dating_by_source()
    assert dating["rows"].sum() == len(raw)
    labels = load("documents").set_index("doc_id")["label"]
    per_doc = dating.groupby("label")["rows"].sum()
    assert per_doc.to_dict() == raw["doc_id"].map(labels).value_counts().to_dict()


def test_report_rows_mostly_have_written_dates_and_news_rows_mostly_do_not():
    # title of policy-dating
    frame = policy.policy_frame()
    report = frame[frame["doc_id"] == "hti_report_2024_06"]
    assert (report["date_basis"] == "原文写明").mean() > 0.5
    for doc_id, rows in frame[frame["doc_id"] != "hti_report_2024_06"].groupby("doc_id"):
        written = (rows["date_basis"] == "原文写明").sum()
        assert written < len(rows) - written, doc_id


def test_most_dated_rows_fall_in_2023_and_2024(raw):
    years = raw["date"].dropna().str[:4].astype(int)
    numbers = policy.headline_numbers()
    assert numbers["n_dated"] == len(years)
    assert numbers["n_dated_2023_24"] == int(years.between(2023, 2024).sum())
    assert numbers["n_dated_2023_24"] > len(years) / 2


# --- kinds, levels, coverage --------------------------------------------------------------------------------

def test_kinds_by_level_counts_every_row_once(raw):
    counts = policy.kinds_by_level()
    assert counts["rows"].sum() == len(raw)
    recount = raw["kind"].map(policy.KIND_NAMES).value_counts()
    assert counts.groupby("kind_name")["rows"].sum().sort_index().to_dict() == recount.sort_index().to_dict()


def test_all_laws_are_foreign_and_china_has_mostly_other_and_plans(raw):
    laws = raw[raw["kind"] == "law"]
    assert len(laws) > 0 and foreign(laws).all()
    china = raw[raw["jurisdiction"].str.startswith("CN")]
    top_two = china["kind"].value_counts().index[:2]
    assert set(top_two) == {"other", "plan"}


def test_every_foreign_row_comes_from_the_report(raw):
    rows = raw[foreign(raw)]
    assert (rows["doc_id"] == "hti_report_2024_06").all()
    numbers = policy.headline_numbers()
    assert numbers["n_foreign"] == len(rows) == numbers["n_foreign_from_report"]
    assert numbers["n_us"] == int((raw["jurisdiction"] == "US").sum())


def test_level_groups_follow_level():
    frame = policy.policy_frame()
    assert set(frame["level_group"]) <= set(policy.LEVEL_GROUPS)
    local = frame[frame["level_group"] == "中国·地方"]
    assert set(local["level"]) <= {"provincial", "municipal"}
    assert frame.loc[frame["policy_id"].isin(["p-014", "p-015"]), "level_group"].eq("中国·中央").all()


# --- issuers ------------------------------------------------------------------------------------------------

def test_every_issuer_spelling_is_mapped(raw):
    spellings = {s.strip() for cell in raw["issuers"].dropna() for s in cell.split("|")}
    assert spellings <= set(policy.ISSUER_BODIES), spellings - set(policy.ISSUER_BODIES)


def test_issuer_counts_recomputed(raw):
    counts = policy.issuer_counts().set_index("body")["rows"]
    us_congress = {"美国参议院", "众议院", "美国立法者", "美国政策制定者"}
    named = raw.dropna(subset=["issuers"])
    hits = named["issuers"].map(lambda c: bool({s.strip() for s in c.split("|")} & us_congress))
    assert counts["美国国会（参众两院、立法者）"] == hits.sum()
    beijing = named["issuers"].str.contains("北京")
    assert counts["北京市政府及其部门"] == beijing.sum()
    assert policy.headline_numbers()["n_unnamed_issuer"] == raw["issuers"].isna().sum()


def test_top_issuer_rows_are_all_bills_from_the_report_timeline():
    rows = policy.issuer_rows()
    top = policy.issuer_counts().iloc[0]
    ids = rows.loc[rows["body"] == top["body"], "policy_id"]
    frame = policy.policy_frame().set_index("policy_id").loc[ids]
    assert (frame["kind"] == "law").all() and (frame["doc_id"] == "hti_report_2024_06").all()
    assert frame["notes"].str.contains("美国监管事件时间轴").all()


def test_most_us_rows_come_from_the_report_timeline(raw):
    us = raw[raw["jurisdiction"] == "US"]
    assert us["notes"].str.contains("美国监管事件时间轴|US timeline table").sum() > len(us) / 2


def test_issuer_rows_keep_rows_without_issuer(raw):
    rows = policy.issuer_rows()
    assert set(rows["policy_id"]) == set(raw["policy_id"])
    assert (rows["body"] == "（未写明）").sum() == raw["issuers"].isna().sum()


# --- targets ------------------------------------------------------------------------------------------------

def test_targets_join_keeps_every_target(raw_targets, raw):
    joined = policy.policy_targets()
    assert list(joined["target_id"]) == list(raw_targets["target_id"])
    assert joined["display_title"].notna().all()
    assert joined["quote"].tolist() == raw_targets["quote"].tolist()


def test_target_claims(raw_targets, raw):
    places = raw.set_index("policy_id").loc[raw_targets["policy_id"], "jurisdiction"]
    assert places.str.startswith("CN").all()  # all targets come from Chinese policies
    numbers = policy.headline_numbers()
    assert numbers["n_targets_2025"] == int((raw_targets["target_year"] == 2025).sum())
    assert numbers["n_targets_2025"] > len(raw_targets) / 2
    assert numbers["n_targets_yuji"] == int(raw_targets["quote"].str.contains("预计").sum())
    assert numbers["n_target_policies"] == raw_targets["policy_id"].nunique()


def test_range_targets_are_written_as_ranges(raw_targets):
    joined = policy.policy_targets().set_index("target_id")
    ranges = raw_targets[raw_targets["value_low"] != raw_targets["value_high"]]["target_id"]
    assert all("–" in joined.loc[t, "value_text"] for t in ranges)
    assert joined.loc["t-001", "value_text"] == "3–5 个"


# --- language of the policy paragraphs -----------------------------------------------------------------------

def test_every_document_has_a_period_matching_its_date():
    docs = load("documents").set_index("doc_id")
    assert set(policy.PERIODS) == set(docs.index)
    for doc_id, period in policy.PERIODS.items():
        assert docs.loc[doc_id, "date"][:7] == period[:7]


def test_paragraphs_per_period_add_up():
    paras = policy.policy_paragraphs_by_period()
    topics = load("paragraph_topics").query("topic == 'policy'")
    assert paras["paragraphs"].sum() == len(topics)


def test_big_model_is_a_top_three_keyword_in_every_period():
    kw = policy.keywords_by_period()
    assert kw["period"].nunique() == 4
    assert (kw.groupby("period").size() == 8).all()
    top3 = kw[kw["rank"] <= 3].groupby("period")["word"].apply(set)
    assert all("大模型" in words for words in top3)


def shares_recomputed():
    topics = load("paragraph_topics").query("topic == 'policy'")[["para_id", "doc_id"]]
    tokens = load("tokens").merge(topics[["para_id"]], on="para_id")
    tokens["period"] = tokens["doc_id"].map(policy.PERIODS)
    totals = tokens.groupby("period")["para_id"].nunique()
    return lambda period, term: tokens.loc[(tokens["period"] == period) & (tokens["token"] == term),
                                           "para_id"].nunique() / totals[period]


def test_term_shares_recomputed_and_prose_claims_hold():
    share = shares_recomputed()
    table = policy.term_shares_by_period().set_index(["period", "term"])["share"]
    assert table[("2023-07", "政策")] == round(share("2023-07", "政策"), 3)
    assert table[("2024-06", "监管")] == round(share("2024-06", "监管"), 3)
    assert share("2023-07", "政策") > 0.5
    periods = sorted(policy.PERIODS.values())
    for term in ("法案", "治理"):  # only in the report
        assert share("2024-06", term) > 0
        assert all(share(p, term) == 0 for p in periods if p != "2024-06")
    for term in ("工信部", "网信办", "行动计划"):  # 2024-10 names ministries and action plans most
        assert share("2024-10", term) == max(share(p, term) for p in set(periods))
    assert share("2024-06", "政策") < share("2023-07", "政策")


def test_ambiguous_paragraphs_recomputed():
    amb = policy.ambiguous_topic_paragraphs().set_index("period")
    assert amb["paragraphs"].sum() == len(load("paragraph_topics").query("topic == 'policy'"))
    topics = load("paragraph_topics").query("topic == 'policy' and doc_id == 'hti_report_2024_06'")
    tokens = load("tokens").merge(topics[["para_id"]], on="para_id")
    terms = {"政策", "监管", "法案", "办法", "条例", "方案", "行动计划", "实施意见", "规划", "标准", "标准化", "治理",
             "算力券", "工信部", "网信办", "政府"}
    found = tokens[tokens["token"].isin(terms)].groupby("para_id")["token"].apply(set)
    ambiguous = {pid for pid, words in found.items() if words <= {"方案", "标准", "规划"}}
    assert amb.loc["2024-06", "ambiguous"] == len(ambiguous)
    assert 0 < amb.loc["2024-06", "ambiguous"] < amb.loc["2024-06", "paragraphs"]
    robot = tokens[tokens["token"] == "机器人"]
    assert amb.loc["2024-06", "robot_mentions"] == len(robot)
    # prose: most 机器人 of the report's policy paragraphs sit in paragraphs that matched only an ambiguous term
    assert robot["para_id"].isin(ambiguous).sum() == amb.loc["2024-06", "robot_in_ambiguous"] > len(robot) / 2


# --- repeats and duplicates ---------------------------------------------------------------------------------

def test_repeated_policies_span_documents_and_counts_follow(raw):
    docs = raw.set_index("policy_id")["doc_id"]
    for ids in policy.SAME_POLICY.values():
        assert docs.loc[ids].nunique() == len(ids)
    for ids in policy.POSSIBLE_DUPLICATES.values():
        assert docs.loc[ids].nunique() == 1 and (raw.set_index("policy_id").loc[ids, "jurisdiction"] == "US").all()
    counts = policy.distinct_policy_counts().set_index("measure")["count"]
    assert counts["rows"] == len(raw)
    assert counts["distinct_after_cross_document"] == len(raw) - 4
    assert counts["distinct_after_possible_duplicates"] == len(raw) - 6
    assert len(policy.repeated_policies()) == 11


def test_other_kind_count(raw):
    assert policy.headline_numbers()["n_other"] == int((raw["kind"] == "other").sum())
