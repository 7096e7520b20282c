"""Chapter 2 (policy): the view tables against values counted by hand in the curated CSVs and the manifest, the
prose claims, and the mapping files the view reads (data/mappings/issuers.yml, same_policy.yml, target_metrics.yml)
failing on values they do not cover.

Hand counts were made by reading data/curated/policies.csv (74 rows, p-001 to p-074) and policy_targets.csv
(9 rows) row by row; each test says which rows it counted.
"""

import pandas as pd
import pytest

from cnai import paths
from cnai.data import load
from cnai.errors import MappingError
from cnai.views import policy

CURATED = paths.DATA / "curated"
REPORT = "hti_report_2024_06"


def ids(*spans: str) -> list[str]:
    """Policy ids from spans written as in data/NOTES.md: "p-011" or "p-044:p-048"."""
    out = []
    for span in spans:
        first, _, last = span.partition(":")
        out += [f"p-{n:03d}" for n in range(int(first[2:]), int((last or first)[2:]) + 1)]
    return out


@pytest.fixture(scope="module")
def raw():
    """policies.csv read directly, not through the loader or the views."""
    return pd.read_csv(CURATED / "policies.csv", dtype=str, keep_default_na=False).replace("", None)


@pytest.fixture(scope="module")
def frame():
    return policy.policy_frame()


@pytest.fixture(scope="module")
def numbers():
    return policy.headline_numbers()


@pytest.fixture
def mapping_copy(mappings_copy):
    """The folder of the writable copy of data/mappings (conftest.mappings_copy)."""
    return mappings_copy.folder


def drop_line(path, starts_with: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(starts_with)]
    assert len(kept) == len(lines) - 1, starts_with
    path.write_text("".join(kept), encoding="utf-8")


# --- nothing dropped, dates handled -------------------------------------------------------------------------

def test_frame_and_table_keep_every_policy_row(raw, frame):
    assert list(frame["policy_id"]) == ids("p-001:p-074") == list(raw["policy_id"])
    table = policy.policy_table()
    assert list(table["policy_id"]) == list(raw["policy_id"])
    assert table["quote"].tolist() == raw["quote"].tolist()
    labels = load("documents").set_index("doc_id")["label"]
    assert table["source"].tolist() == raw["doc_id"].map(labels).tolist()


# counted by hand in policies.csv: rows with a blank date
UNDATED = ids("p-002:p-005", "p-007:p-009", "p-014:p-019", "p-031", "p-032", "p-034", "p-035", "p-038:p-043", "p-060", "p-062",
              "p-072:p-074")


def test_timeline_holds_exactly_the_dated_rows_within_their_spans(frame, numbers):
    assert len(UNDATED) == 28 == numbers["n_undated"]
    tl = policy.policy_timeline()
    assert set(tl["policy_id"]) == set(ids("p-001:p-074")) - set(UNDATED)
    assert len(tl) == 46 == numbers["n_dated"]
    assert (tl["date_start"] <= tl["date_mid"]).all() and (tl["date_mid"] <= tl["date_end"]).all()
    assert all(start.startswith(date) for start, date in zip(tl["date_start"], tl["date"]))
    # p-067 "2019" is a year: drawn over the whole year
    p067 = tl.set_index("policy_id").loc["p-067"]
    assert (p067["date_start"], p067["date_end"]) == ("2019-01-01", "2019-12-31")


def test_undated_rows_are_never_given_a_date(frame):
    rows = frame.set_index("policy_id").loc[UNDATED]
    assert rows["date_mid"].isna().all()
    assert (rows["date_basis"] == "未注明日期").all()


# data/NOTES.md §4 "Dates": "p-001, p-011 to p-013, p-020, p-022 to p-025" take their year from the document;
# p-006 ("8月31日", the first filings under the generative-AI measures) too, since this issue
FILLED = ids("p-001", "p-006", "p-011:p-013", "p-020", "p-022:p-025")


def test_filled_dates_are_the_rows_data_notes_lists(raw, frame, numbers):
    assert list(raw.loc[raw["date_filled_from"] == "document_date", "policy_id"]) == FILLED
    # p-029's date 2024/3/5 is the timeline's date cell, a paragraph of its own (its notes): context_quote
    assert list(raw.loc[raw["date_filled_from"] == "context_quote", "policy_id"]) == ["p-029"]
    assert set(raw["date_filled_from"].dropna()) == {"document_date", "context_quote"}
    assert set(frame.loc[frame["date_basis"] == "年份或月份取自文档日期", "policy_id"]) == set(FILLED)
    assert numbers["n_filled"] == 10 and numbers["filled_ids"] == "、".join(FILLED)


def test_dating_by_source_matches_the_hand_count():
    # by hand, per document (policy_id ranges by doc_id): zqrb p-001..p-005, feature p-006..p-009,
    # cnr p-010..p-017, breakthing p-018..p-025, report p-026..p-074; written / filled / undated as below
    expected = {
        ("证券日报版面 2023-07", "年份或月份取自文档日期"): 1, ("证券日报版面 2023-07", "未注明日期"): 4,
        ("大模型特稿版面 2023", "年份或月份取自文档日期"): 1, ("大模型特稿版面 2023", "未注明日期"): 3,
        ("央广网 2024", "原文写明"): 1, ("央广网 2024", "年份或月份取自文档日期"): 3, ("央广网 2024", "未注明日期"): 4,
        ("breakthing 繁体文章 2023-07", "原文写明"): 1, ("breakthing 繁体文章 2023-07", "年份或月份取自文档日期"): 5,
        ("breakthing 繁体文章 2023-07", "未注明日期"): 2,
        ("海通国际研报 2024-06", "原文写明"): 33, ("海通国际研报 2024-06", "未注明日期"): 15,
        ("海通国际研报 2024-06", "取自同一文档的另一段原文"): 1,  # p-029: the date cell above its quote
    }
    dating = policy.dating_by_source()
    assert dating.set_index(["label", "date_basis"])["rows"].to_dict() == expected
    assert dating.groupby("label")["doc_rows"].first().to_dict() == {
        "证券日报版面 2023-07": 5, "大模型特稿版面 2023": 4, "央广网 2024": 8, "breakthing 繁体文章 2023-07": 8,
        "海通国际研报 2024-06": 49}


def test_news_rows_rarely_have_written_dates(numbers):
    # the two news rows dated as written: p-010 ("2024年") and p-021 ("2023年")
    assert (numbers["n_news_rows"], numbers["n_news_written"]) == (25, 2)
    assert (numbers["n_report_rows"], numbers["n_report_undated"]) == (49, 15)


def test_most_dated_rows_fall_in_2023_and_2024(numbers):
    # by hand: the dated rows outside 2023-2024 are p-033 (2020), p-064 (2020), p-065/p-066 (2022), p-067 (2019),
    # p-068 (2022-05), p-069 (2021-07), p-070 (2022-07): 8 of 46
    assert numbers["n_dated_2023_24"] == 46 - 8
    assert numbers["first_year"] == 2019
    assert policy.policy_timeline()["date"].str[:4].astype(int).value_counts().to_dict() == {
        2019: 1, 2020: 2, 2021: 1, 2022: 4, 2023: 26, 2024: 12}


def test_precision_counts(frame):
    # counted by hand in policies.csv, column date_precision: 24 day (p-006 included), 15 month, 7 year (28 blank)
    assert frame["date_precision"].value_counts().to_dict() == {"day": 24, "month": 15, "year": 7}


# --- kinds, levels, coverage --------------------------------------------------------------------------------

def test_all_laws_are_foreign_and_china_has_mostly_other_and_plans(frame, numbers):
    # by hand: kind=law rows are p-032 (EU AI Act), p-033 (US Energy Act 2020), p-044..p-048 and p-050..p-052
    # (US bills), p-059 (EU directive)
    laws = ids("p-032", "p-033", "p-044:p-048", "p-050:p-052", "p-059")
    assert list(frame.loc[frame["kind"] == "law", "policy_id"]) == laws
    assert frame.set_index("policy_id").loc[laws, "level_group"].isin(["外国·国家", "欧盟"]).all()
    assert (numbers["n_laws"], numbers["n_laws_foreign"]) == (11, 11)
    # Chinese rows (jurisdiction CN*): p-001..p-031, p-034..p-036, p-064..p-072 = 43; of them kind=other are
    # p-005, p-008, p-009, p-010, p-014, p-015, p-022, p-023, p-024, p-026, p-029, p-036, p-067 (13) and kind=plan
    # p-001, p-002, p-003, p-007, p-012, p-013, p-030, p-034, p-068, p-070, p-071, p-072 (12)
    assert (numbers["n_china"], numbers["n_china_other"], numbers["n_china_plan"]) == (43, 13, 12)
    kinds = policy.kinds_by_level()
    assert kinds["rows"].sum() == 74
    assert kinds.groupby("kind_name")["rows"].sum().idxmax() == "其他（白皮书、会议、机构等）"


def test_every_foreign_row_comes_from_the_report(numbers):
    # by hand: 74 rows - 43 Chinese = 31 foreign, all doc_id hti_report_2024_06: US 24 (p-033, p-037..p-058,
    # p-074), EU 3 (p-032, p-059, p-060), GB 3 (p-061..p-063), SG 1 (p-073)
    assert numbers["n_foreign"] == 31 == numbers["n_foreign_from_report"]
    assert numbers["n_us"] == 24 and numbers["us_share"] == "32%"


def test_level_groups_follow_level(frame):
    assert list(policy.LEVEL_GROUPS) == ["中国·中央", "中国·地方", "外国·国家", "欧盟"]
    local = frame[frame["level_group"] == "中国·地方"]
    # by hand: provincial/municipal rows p-001..p-005, p-013, p-016, p-024, p-068..p-071
    assert list(local["policy_id"]) == ids("p-001:p-005", "p-013", "p-016", "p-024", "p-068:p-071")
    # Chengdu's two national pilot zones are coded national, so they count as central
    assert frame.loc[frame["policy_id"].isin(["p-014", "p-015"]), "level_group"].eq("中国·中央").all()


# --- issuers ------------------------------------------------------------------------------------------------

def test_issuer_counts_match_the_hand_count(numbers):
    counts = policy.issuer_counts().set_index("body")["rows"]
    # by hand in policies.csv, column issuers: 美国参议院/众议院/美国立法者/美国政策制定者 on p-044..p-048 and
    # p-050..p-052 (8); 北京/北京市/北京市人民政府办公厅/北京市发展改革委等/北京市經濟和信息化局 on p-001, p-002,
    # p-004, p-005, p-013, p-024, p-068 (7); 国家网信办/中央网信办等部门/網信辦等七部門 on p-012, p-017, p-025 (3)
    assert counts["美国国会（参众两院、立法者）"] == 8
    assert counts["北京市政府及其部门"] == 7
    assert counts["网信办"] == 3
    assert (numbers["top_body"], numbers["top_body_rows"]) == ("美国国会（参众两院、立法者）", 8)
    assert (numbers["second_body"], numbers["second_body_rows"]) == ("北京市政府及其部门", 7)


def test_traditional_spellings_reach_their_simplified_entry():
    # p-020 names 上海人工智能實驗室 | 百度 | 阿裏 | 騰訊 | 華爲; p-025 網信辦等七部門 (breakthing, Traditional script)
    rows = policy.issuer_rows().set_index("issuer_as_written")["body"]
    assert rows[["阿裏", "騰訊", "華爲", "上海人工智能實驗室", "網信辦等七部門"]].tolist() == [
        "阿里巴巴", "腾讯", "华为", "上海人工智能实验室", "网信办"]


def test_top_issuer_rows_are_the_us_bills_of_the_report_timeline():
    # by hand: the US-congress rows p-044..p-048, p-050..p-052 are bills (kind=law) from the report's US timeline
    rows = policy.issuer_rows()
    top = policy.issuer_counts().iloc[0]
    assert sorted(rows.loc[rows["body"] == top["body"], "policy_id"]) == ids("p-044:p-048", "p-050:p-052")


def test_most_us_rows_come_from_the_report_timeline(frame):
    # by hand: the report's US timeline table gives p-037 and p-044..p-058 (16 of the 24 US rows), each dated to
    # the day
    timeline = frame.set_index("policy_id").loc[ids("p-037", "p-044:p-058")]
    assert (timeline["jurisdiction"] == "US").all() and (timeline["doc_id"] == REPORT).all()
    assert (timeline["date_precision"] == "day").all()
    assert len(timeline) > 24 / 2


def test_issuer_rows_keep_rows_without_issuer(numbers):
    rows = policy.issuer_rows()
    assert set(rows["policy_id"]) == set(ids("p-001:p-074"))
    # counted by hand in policies.csv: 22 rows with a blank issuers cell
    assert (rows["body"] == "（未写明）").sum() == 22 == numbers["n_unnamed_issuer"]
    assert numbers["unnamed_share"] == "30%"


@pytest.mark.parametrize("entry, as_written", [("深圳市:", "深圳市"), ("腾讯:", "騰訊")])
def test_an_issuer_missing_from_the_mapping_stops_the_view(mapping_copy, entry, as_written):
    drop_line(mapping_copy / "issuers.yml", entry)
    with pytest.raises(MappingError, match=rf"issuers\.yml.*'{as_written}'"):
        policy.issuer_rows()


# --- repeats and duplicates ---------------------------------------------------------------------------------

def test_repeated_policies_span_documents_and_counts_follow(frame, numbers):
    repeated = policy.repeated_policies()
    # data/NOTES.md §3: p-006/p-017/p-025, p-007/p-030, p-010/p-029 are one policy each; p-037/p-054 and
    # p-055/p-056 may be; p-028 (the report's 2023-08-15 row) is the generative-AI measures in force (issue 13)
    assert repeated.groupby("relation")["policy_id"].apply(list).to_dict() == {
        "同一政策见于多份文档": ["p-006", "p-017", "p-025", "p-028", "p-007", "p-030", "p-010", "p-029"],
        "可能重复（美国）": ["p-037", "p-054", "p-055", "p-056"]}
    docs = frame.set_index("policy_id")["doc_id"]
    for _, group in repeated[repeated["relation"] == "同一政策见于多份文档"].groupby("group"):
        assert docs[group["policy_id"]].nunique() >= 2  # cited by several documents
    assert (numbers["n_distinct"], numbers["n_distinct_min"]) == (74 - 5, 74 - 7)


def test_an_unknown_policy_id_in_same_policy_stops_the_view(mapping_copy):
    path = mapping_copy / "same_policy.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("p-030", "p-999"), encoding="utf-8")
    with pytest.raises(MappingError, match=r"same_policy\.yml.*'p-999'"):
        policy.repeated_policies()


def test_other_kind_count(numbers):
    # by hand: kind=other rows are the 13 Chinese ones above plus p-049, p-053, p-057, p-058 (US), p-062, p-063 (GB)
    assert numbers["n_other"] == 19


# --- targets ------------------------------------------------------------------------------------------------

def test_targets_join_keeps_every_target():
    joined = policy.policy_targets()
    assert list(joined["target_id"]) == [f"t-{n:03d}" for n in range(1, 10)]
    assert joined["display_title"].notna().all()
    assert joined.set_index("target_id").loc["t-007", "metric_name"] == "公共机构数据中心可再生能源比例"


def test_target_claims(numbers):
    # by hand in policy_targets.csv: 9 targets of p-013 (t-001..t-003, Beijing), p-030 (t-004..t-006),
    # p-031 (t-007) and p-034 (t-008, t-009), all Chinese; target_year 2025 except t-007 (2023) and t-009 (2030);
    # the quotes of t-004..t-006 and t-008/t-009 say 预计
    assert (numbers["n_targets"], numbers["n_target_policies"]) == (9, 4)
    assert numbers["n_targets_china"] == 9 and numbers["n_targets_beijing"] == 3
    assert numbers["n_targets_2025"] == 7
    assert numbers["n_targets_yuji"] == 5


def test_lower_bounds_are_the_targets_written_with_超过():
    # by hand: 将超过300EFlops (t-004), 超过50% (t-008), 预计超过70% (t-009)
    joined = policy.policy_targets().set_index("target_id")["lower_bound"]
    assert list(joined[joined == "是（超过）"].index) == ["t-004", "t-008", "t-009"]
    assert (joined.drop(["t-004", "t-008", "t-009"]) == "否").all()
    assert policy.headline_numbers()["n_targets_lower"] == 3


def test_range_targets_are_written_as_ranges():
    joined = policy.policy_targets().set_index("target_id")
    assert joined.loc["t-001", "value_text"] == "3–5 个"  # the only range: "3-5个"
    assert joined.loc["t-004", "value_text"] == "300 EFlops"
    assert joined.loc["t-005", "value_text"] == "35%"


def test_a_metric_missing_from_the_mapping_stops_the_view(mapping_copy):
    drop_line(mapping_copy / "target_metrics.yml", "industry success cases:")
    with pytest.raises(MappingError, match=r"target_metrics\.yml.*'industry success cases'"):
        policy.policy_targets()


def test_the_view_does_not_read_notes(monkeypatch, frame):
    def without_notes(name, *args, **kwargs):
        table = load(name, *args, **kwargs)
        return table.assign(notes=None) if "notes" in table else table

    targets = policy.policy_targets()
    monkeypatch.setattr(policy, "load", without_notes)
    pd.testing.assert_frame_equal(policy.policy_frame().drop(columns="notes"), frame.drop(columns="notes"))
    pd.testing.assert_frame_equal(policy.policy_targets(), targets)


# --- issue 13: one measure per regulation, official titles, the official texts ---------------------------------

import re  # noqa: E402

CHAPTER = paths.ROOT / "chapters" / "policy.md"
GENAI = "生成式人工智能服务管理暂行办法"
DEEP = "互联网信息服务深度合成管理规定"


def test_the_generative_ai_measures_are_one_measure_with_three_dates():
    # corrected claim: p-006, p-017, p-025 (Traditional title) and p-028 (its in-force date, filed by the report
    # under 生成式人工智能措施的网络空间管理政策) are one measure; dates by hand from policies.csv: p-025 2023-07
    # (issued, 本月中時 in a July 2023 article), p-028 2023-08-15 (in force), p-006 8月31日 + the feature's 2023
    measures = policy.policy_measures().set_index("policy_id")["measure"]
    assert set(measures[measures == GENAI].index) == {"p-006", "p-017", "p-025", "p-028"}
    table = policy.measure_table()
    row = table[table["measure"].str.contains("生成式人工智能")]
    assert len(row) == 1 and row["rows"].iloc[0] == 4
    entries = row["dates_text"].iloc[0].split("；")
    assert [re.match(r"[\d-]+", e).group() for e in entries] == ["2023-07", "2023-08-15", "2023-08-31"]
    assert [e.split("（")[0].split(" ", 1)[1] for e in entries] == ["发布", "施行", "首批备案模型开放"]


def test_a_measure_split_under_two_names_stops_the_view(mapping_copy):
    # rename the group and leave p-025 (whose Simplified title is the measure's title) outside it
    path = mapping_copy / "same_policy.yml"
    text = path.read_text(encoding="utf-8").replace(
        f"  {GENAI}: [p-006, p-017, p-025, p-028]", "  生成式AI暂行办法: [p-006, p-017, p-028]")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError, match="split under 2 names"):
        policy.policy_measures()


def test_the_reports_deep_synthesis_regulation_shows_its_official_title():
    # p-027's quote says 互联网深度合成管理条例; the official title is 互联网信息服务深度合成管理规定
    row = policy.policy_measures().set_index("policy_id").loc["p-027"]
    assert "互联网深度合成管理条例" in row["quote"] and row["title"] == "互联网深度合成管理条例"
    assert (row["official_title"], row["measure"]) == (DEEP, DEEP)
    # official texts citing 《互联网信息服务深度合成管理规定》, by hand from data/raw/official.yml titles: the eight
    # deep-synthesis filing notices (第八批 … 第十五批) and the three texts of the 标识办法 of 2025-03-14
    cites = policy.citing_documents().set_index("measure")
    assert cites.loc[DEEP, "citing_documents"] == 8 + 3
    assert cites.loc[DEEP, "first_citing_date"] == "2024-11-01"  # the 第八批 notice


def test_official_documents_per_year_match_the_manifest():
    # by hand from data/raw/official.yml (37 documents; dates): 2022 one (MIIT 2022-10-14), 2023 two, 2024 ten,
    # 2025 twenty-one, 2026 three; 23 on the CAC site, 14 on the MIIT site
    docs = policy.official_documents()
    assert docs["year"].value_counts().sort_index().to_dict() == {2022: 1, 2023: 2, 2024: 10, 2025: 21, 2026: 3}
    assert docs["outlet"].value_counts().to_dict() == {"国家互联网信息办公室": 23, "工业和信息化部": 14}
    assert policy.official_by_half_year()["documents"].sum() == 37
    terms = policy.official_term_shares()
    assert set(terms["year_label"]) == {"2022年（1 份）", "2023年（2 份）", "2024年（10 份）", "2025年（21 份）", "2026年（3 份）"}


def test_every_2025_filing_notice_mentions_filing():
    # the ten 2025 notices whose title says 备案信息 (5 deep-synthesis batches, 5 generative-AI announcements, by
    # hand from official.yml) are among the 2025 documents the segmentation finds 备案 in
    docs = policy.official_documents()
    notices = set(docs.loc[(docs["year"] == 2025) & docs["title"].str.contains("备案信息"), "doc_id"])
    assert len(notices) == 10
    hits = policy._term_hits(docs["doc_id"])
    assert notices <= set(hits.loc[hits["term"] == "备案", "doc_id"])
    share = policy.official_term_shares().set_index(["year", "term"])["documents"]
    assert share[(2025, "备案")] >= 10


def test_corpus_terms_compare_kinds_of_source_not_years():
    # corrected claim: the report's "转向监管" compared a broker report with news pages. The chart's columns are
    # the two kinds of source: news (zqrb, feature, cnr, breakthing: 4 documents) and the report (1)
    src = policy.corpus_term_shares()
    assert src.groupby("source_kind")["kind_documents"].first().to_dict() == {"券商研报": 1, "新闻报道": 4}
    text = CHAPTER.read_text(encoding="utf-8")
    assert "转向“监管”" not in text and "转向监管" not in text.replace("不能把它和 2023 年的新闻相比说成措辞“转向监管”", "")
    assert "是两类来源之别" in text


def test_regime_milestones_hold_the_regulations_and_the_filing_totals():
    ms = policy.regime_milestones()
    corpus_rows = ms[ms["evidence"] == "语料"]
    assert list(corpus_rows["date_text"]) == ["2023-01-10", "2023-07", "2023-08-15", "2023-08-31"]
    # running totals of filed services, by hand from filings.csv rows f-001, f-004, f-008, f-012, f-016, f-020
    totals = ms.loc[ms["evidence"] == "官方与数据集", "filed"].tolist()
    assert totals == [302, 346, 439, 538, 611, 748]


def _prose(text: str) -> str:
    """The chapter without its code cells and roles ({glue:text}`…`, {ref}`…`)."""
    text = re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.S)
    return re.sub(r"\{(glue:text|ref|doc|term)\}`[^`]*`", "", text)


def test_chapter_keeps_code_names_out_of_prose_and_targets_out_of_facets():
    text = CHAPTER.read_text(encoding="utf-8")
    prose = _prose(text)
    assert "`" not in prose.split("```{admonition} 要点")[1].replace("```", "")  # no inline code in prose
    for name in ("ISSUER_BODIES", "policies 表", "policy_targets", "data/NOTES.md"):
        assert name not in prose
    # the targets are a table, not a faceted chart with independent axes
    assert "resolve_scale" not in text and ".facet(" not in text
    # the word cloud and the keyword dropdown moved to the corpus chapter
    assert "wordcloud" not in text and "keyword_bars" not in text


def test_nominal_colours_come_from_the_book_palette():
    # one palette per concept: every nominal colour goes through charts.colour (data/mappings/colours.yml)
    text = CHAPTER.read_text(encoding="utf-8")
    assert not re.search(r'alt\.Color\("[^"]*:N"', text)
    assert text.count("charts.colour(") == 3


def test_chapter_refs_exist_on_main():
    labels = {m for md in (paths.DATA.parent / "chapters").glob("*.md")
              for m in re.findall(r"^\(([\w-]+)\)=$", md.read_text(encoding="utf-8"), flags=re.M)}
    refs = set(re.findall(r"\{ref\}`([\w-]+)`", CHAPTER.read_text(encoding="utf-8")))
    assert refs and refs <= labels


def test_tooltips_and_tables_carry_no_english_notes():
    frames = [policy.policy_table(), policy.measure_table(), policy.state_timeline_table(), policy.regime_milestones(),
              policy.policy_targets()]
    for frame in frames:
        assert "notes" not in frame.columns and "title_en" not in frame.columns


def test_the_pages_colour_concepts_do_not_share_colours():
    # a colour means one thing on this page: issuer, level and line of evidence use disjoint colours, and the levels
    # keep the country colours where they mean the same (China central = 中国, foreign national = 国外)
    from cnai.facts.mappings import section

    blocks = {name: section("colours", name) for name in ("official_issuer", "policy_level_group", "evidence")}
    for a in blocks:
        for b in blocks:
            if a < b:
                assert not set(blocks[a].values()) & set(blocks[b].values()), (a, b)
    country = section("colours", "country")
    assert blocks["policy_level_group"]["中国·中央"] == country["中国"]
    assert blocks["policy_level_group"]["外国·国家"] == country["国外"]


def test_every_glued_key_of_the_chapter_is_computed(numbers):
    # the build runs with -W: a glue key the views do not compute would fail it
    keys = set(re.findall(r"\{glue:text\}`(\w+)`", CHAPTER.read_text(encoding="utf-8")))
    assert keys and keys <= set(numbers)
