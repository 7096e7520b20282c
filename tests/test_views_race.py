"""Chapter 1's tables against values counted independently: in the curated CSVs (data/curated, read with the csv
module), in the raw outside snapshots (read with the csv module) or by hand from the regulator's sentences quoted in
filings.csv. Each error a reader found in the old chapter has a test pinning the corrected claim."""

import csv

import pandas as pd
import pytest

from cnai import paths
from cnai.data import load
from cnai.errors import MappingError
from cnai.views import race



def chapter_text() -> str:
    return (paths.DATA.parent / "chapters" / "race.md").read_text(encoding="utf-8")


def curated(name: str) -> list[dict]:
    with (paths.DATA / "curated" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# ---- how many ----

def test_filings_follow_the_regulators_running_totals():
    filings = race.filings_over_time()
    services = filings[(filings["series"] == race.FILED) & ~filings["derived"]].set_index("as_of_date")["count"]
    # filings.csv, kind filed, cumulative yes: f-001 302 (2024-12-31), f-004 346, f-008 439, f-012 538, f-016 611,
    # f-020 748 (2025-12-31): “截至2025年12月31日，累计有748款生成式人工智能服务完成备案”
    assert services.to_dict() == {"2024-12-31": 302, "2025-03-31": 346, "2025-06-30": 439, "2025-08-31": 538,
                                  "2025-11-01": 611, "2025-12-31": 748}
    apps = filings[filings["series"] == race.REGISTERED].set_index("as_of_date")["count"]
    # f-005 159, f-009 236, f-013 263, f-017 306, f-021 435 (registered apps, cumulative)
    assert apps.tolist() == [159, 236, 263, 306, 435]
    # the end-2023 total is derived: 302 (f-001) − 238 new in 2024 (f-002) = 64, and marked as derived
    derived = filings[filings["derived"]]
    assert derived[["as_of_date", "count"]].values.tolist() == [["2023-12-31", 64]]
    numbers = race.headline_numbers()
    assert (numbers["filed_2024"], numbers["filed_2025"], numbers["filed_new_2025"]) == ("302", "748", "446")


def test_near_200_sits_between_the_regulators_totals():
    """The prose: “近200个”（2024-10-19）落在 2023 年底约 64 款与 2024 年底 302 款之间."""
    near = race.near_200_against_filings()
    # model_counts.csv c-012: nearly 200 filed services, 2024-10-19
    assert (near["claim"]["row_id"], near["claim"]["value"]) == ("c-012", 200)
    assert (near["before"]["count"], near["after"]["count"]) == (64, 302)
    assert near["before"]["count"] < near["claim"]["value"] < near["after"]["count"]


def test_count_claims_keep_their_populations_apart():
    """Error fixed: the count chart drew 文心's 11 and 36, 盘古's 5 L0 models and 方升's 30/12/18 as national counts."""
    claims = race.national_claims().set_index("row_id")
    # model_counts.csv, column population: c-016, c-017, c-018 company_family; c-019–c-021 benchmark_roster;
    # c-011 event_roster; c-012 filed_services; c-001–c-003, c-007, c-009 released_models; c-005, c-006, c-008
    # developers (c-004 is global, c-010 and c-013–c-015 local: not national)
    assert claims.loc[["c-016", "c-017", "c-018"], "population_name"].unique().tolist() == ["单一公司的模型系列"]
    assert claims.loc[["c-019", "c-020", "c-021"], "population_name"].unique().tolist() == ["单一评测的参评模型"]
    assert claims.loc["c-012", "population_name"] == "备案上线的服务"
    assert sorted(claims.index[claims["population"] == "released_models"]) == ["c-001", "c-002", "c-003", "c-007", "c-009"]
    assert len(claims) == 16 and claims["population"].nunique() == 6
    # one label per population and month: 文心's two counts of 2022-11 read “11、36”; by hand from the populations
    # above: released 2023-07 and 2023-09, developers 2023-09, event 2023-07, filed 2024-10, family 2022-11 and
    # 2023, benchmark 2024-06 → 8 labels
    assert claims.loc["c-016", "group_label"] == "11、36" and claims["first_of_group"].sum() == 8
    assert race.headline_numbers()["n_populations"] == "6"


def test_a_population_missing_from_the_labels_file_names_the_file(monkeypatch):
    real_load = race.load
    counts = real_load("model_counts")
    counts.loc[0, "population"] = "guesses"
    monkeypatch.setattr(race, "load", lambda name: counts if name == "model_counts" else real_load(name))
    with pytest.raises(MappingError, match=r"labels\.yml under 'count_population'.*'guesses'"):
        race.count_claims()


# ---- how far behind ----

def test_gap_over_time_is_a_difference_within_each_leaderboard():
    gap = race.frontier_gap_over_time()
    history = gap[gap["series"] == race.HISTORY].set_index("snapshot_date")
    # alltime.csv (csv module): 2023-05-08 gpt-4 1274.1856580388371, best Chinese chatglm-6b (Tsinghua)
    # 918.2202296788714 → 355.97; 2025-02-06 gemini-2.0-flash-thinking-exp-01-21 1383.2100734039186 against
    # deepseek-r1 1361.623644176449 → 21.59, the smallest gap of the history
    assert history.loc["2023-05-08", "gap"] == pytest.approx(355.9654, abs=1e-3)
    assert history.loc["2023-05-08", "china_model"] == "chatglm-6b"
    assert history["gap"].idxmin() == "2025-02-06"
    assert history.loc["2025-02-06", "gap"] == pytest.approx(21.5864, abs=1e-3)
    assert len(history) == 105  # 105 dates in alltime.csv, each with a Chinese model
    numbers = race.headline_numbers()
    assert (numbers["gap_first"], numbers["gap_min"], numbers["gap_min_model"]) == ("356", "22", "deepseek-r1")
    # frontier_gap 2025-12-11, category full: gemini-3-pro's interval starts at 1480.40, ernie-5.0-preview-1103's ends
    # at 1454.64 → the intervals do not overlap (the prose: 区间不重叠)
    assert numbers["gap_last_overlap"] == "95% 区间不重叠"
    assert set(gap.loc[gap["labelled"], "china_model"]) == {"chatglm-6b", "deepseek-r1", "ernie-5.0-preview-1103"}


def test_the_two_arena_sources_agree_where_they_meet():
    """The prose: 两份数据在 2025 年 3 月初重合，同一期的差值相同."""
    gap = race.frontier_gap_over_time()
    history = gap[gap["series"] == race.HISTORY].set_index("snapshot_date")
    board = gap[gap["series"] == race.LEADERBOARD].set_index("snapshot_date")
    # alltime.csv 2025-03-03: grok-3-preview-02-24 1411.5470385735089 − deepseek-r1 1362.9151529699084 = 48.6319
    assert history.loc["2025-03-03", "gap"] == pytest.approx(48.6319, abs=1e-3)
    assert board.loc["2025-03-07", "gap"] == pytest.approx(history.loc["2025-03-03", "gap"], abs=1e-6)


def test_largest_training_runs_of_2024():
    compute = race.largest_compute().set_index(["year", "country"])
    # compute_by_country_year, read off Epoch's notable_ai_models.csv: GLM-4-Plus 3.6e25 (China), GPT-4o 3.81e25 (US)
    assert compute.loc[(2024, "中国"), "largest_model"] == "GLM-4-Plus"
    assert compute.loc[(2024, "美国"), "largest_model"] == "GPT-4o"
    assert race.headline_numbers()["compute_2024_ratio"] == "1.06"


# ---- who builds them ----

def test_corpus_developers_merge_aliases_through_the_registry():
    """Error fixed: 京东/京東 and 阿里/阿里巴巴/阿里达摩院 were counted apart, and the chart depended on the coding."""
    developers = race.corpus_developers().set_index("organisation")
    # csv module over models.csv, country CN: developers 京东, 京東, 京东云旗下言犀人工智能应用平台 → ChatJD, K-PLUG, 言犀;
    # 阿里, 阿里巴巴, 达摩院, 阿里巴巴达摩院, 阿里达摩院联合清华大学 → M6, 通义千问, 通义千问2.0; 华为 and 华为云 (with
    # partners) → 8 盘古 models; 商汤, 商汤科技 → 9 models
    assert developers.loc["京东", "names"].split("、") == ["ChatJD", "K-PLUG", "言犀"]
    assert developers.loc["阿里巴巴", "names"].split("、") == ["M6", "通义千问", "通义千问2.0"]
    assert developers.loc["华为", "models"] == 8 and developers.loc["商汤科技", "models"] == 9
    assert developers.index.is_unique and "京東" not in developers.index
    # the curator's coding stays a secondary label: Huawei is coded other (models.csv developer_type)
    assert developers.loc["华为", "types"] == "其他"


def test_epoch_organisations_are_in_china_and_labelled():
    orgs = race.organisations()
    # organisations_by_notable_models: 清华大学 24, 阿里巴巴 17 (first company), 香港中文大学 12
    assert orgs[["organisation", "notable_models"]].head(3).values.tolist() == [["清华大学", 24], ["阿里巴巴", 17],
                                                                               ["香港中文大学", 12]]
    assert "微软" not in set(orgs["organisation"])  # a US collaborator of Chinese models, not a Chinese builder
    assert set(orgs["kind_name"]) <= {"企业", "高校", "研究机构", "政府机构"}


def test_the_community_list_counts_each_model_once():
    """Error fixed: the release-year chart read as a 2024 decline that was only what five documents name."""
    listed = race.list_over_time()
    last = listed[listed["first_seen"] == listed["first_seen"].max()]
    assert last["models"].sum() == len(load("model_list_first_seen"))
    assert listed.groupby("kind")["models"].apply(lambda s: s.is_monotonic_increasing).all()
    assert not hasattr(race, "releases_by_year")
    assert "race-releases" not in chapter_text()


# ---- general and industry ----

def test_industries_are_counted_as_industries_not_label_strings():
    """Error fixed: “15 个行业” counted label strings (金融 and 零售、金融 apart; two in Traditional script)."""
    industries = race.industries().set_index("industry")
    # models.csv, CN industry models, 15 distinct labels; split on 、 and in Simplified script (industries.yml):
    # 交通, 政务, 公共安全, 税务, 企业数字化转型, 金融, 酒店与旅游, 气象, 大宗商品, 医疗, 煤矿, 电商, 零售, 教育, 营销,
    # 消费, 工业 → 17; 金融 is served by 蚂蚁集团金融大模型 and ChatJD (零售、金融); 政务 by MYAI, 拓尔思, 盘古政务
    assert len(industries) == 17
    assert industries.loc["金融", "names"].split("、") == ["ChatJD", "蚂蚁集团金融大模型"]
    assert industries.loc["政务", "models"] == 3 and industries.index[0] == "政务"
    assert not {"酒店與旅遊", "氣象監測與天氣預報", "零售、金融"} & set(industries.index)
    assert race.unnamed_industry_models() == ["盘古大模型3.0"]
    numbers = race.headline_numbers()
    assert numbers["n_industries"] == "17"
    # model_list_first_seen, category as first stated: 通用 50, then 金融 21 (科研 20, 医疗 19)
    assert (numbers["list_general"], numbers["list_top_category"], numbers["list_top_category_n"]) == ("49", "金融", "21")


def test_an_industry_label_missing_from_the_mapping_names_the_file(mappings_copy):
    mappings_copy("industries", "零售、金融")
    with pytest.raises(MappingError, match=r"industries\.yml.*零售、金融"):
        race.industries()


def test_general_models_are_chinese_only():
    """Error fixed: ChatGPT sat in a chart of Chinese models."""
    # models.csv, country CN, scope general: 文心一言, 混元, 言犀, 讯飞星火, 通义千问 (ChatGPT is US)
    assert race.general_models() == ["文心一言", "混元", "言犀", "讯飞星火", "通义千问"]


def test_integer_axes_tick_by_integers():
    """Error fixed: count axes ticked by 0.5."""
    text = chapter_text()
    for field in ("models:Q", "notable_models:Q", "count:Q"):
        for line in [l for l in text.splitlines() if f'alt.X("{field}"' in l or f'alt.Y("{field}"' in l]:
            assert 'format="d"' in line, line


# ---- how open ----

def test_open_weight_share_2023_to_2025():
    pooled = race.open_pooled()
    # csv module over Epoch's notable_ai_models.csv, publication 2023–2025, 'Model accessibility' not blank; China =
    # a China/Hong Kong/Taiwan organisation and no US one (US the other way round): China 24 open weights of 36,
    # US 44 of 104
    assert pooled.loc["中国", ["open_weights", "accessibility_known"]].tolist() == [24, 36]
    assert pooled.loc["美国", ["open_weights", "accessibility_known"]].tolist() == [44, 104]
    numbers = race.headline_numbers()
    assert (numbers["open_cn"], numbers["open_us"]) == ("67%", "42%")
    # the corpus's 方升 roster (model_counts.csv c-019 30 models, c-021 18 open-source)
    assert (numbers["roster_total"], numbers["roster_open"]) == ("30", "18")


# ---- parameters ----

def test_the_largest_parameter_claim_is_chinese_and_the_chart_is_gone():
    """Error fixed: “参数：国外的最大模型更大”/“国外模型的上限更高” contradicted the corpus (M6 at 10 万亿, “当时全球
    最大”) and treated GPT-4's unpublished 1.8 万亿 as fact across sparse and dense models."""
    params = race.parameter_claims()
    # models.csv: the largest params_b is 10000 (M6: m-086 “10,000”, m-127 and m-154 “10 万亿”), all Chinese;
    # the largest foreign one is GPT-4's 1800 (m-067, the report's table)
    assert params.iloc[0]["params_b"] == 10000 and set(params[params["params_b"] == 10000]["model"]) == {"M6"}
    assert params.iloc[0]["origin"] == "中国"
    numbers = race.headline_numbers()
    assert numbers["largest_param_model"] == "M6" and numbers["gpt4_params"] == "1,800"
    text = chapter_text()
    assert "国外模型的上限更高" not in text and "国外的最大模型更大" not in text
    assert "params_b:Q" not in text  # listed, not charted
    # Epoch records no parameter count for GPT-4 (the prose: Epoch 的数据库也没有记录 GPT-4 的参数量)
    epoch = load("epoch_models")
    assert epoch.loc[(epoch["dataset"] == "notable") & (epoch["model"] == "GPT-4"), "parameters"].isna().all()


def test_word_cloud_keywords_regions_and_path_are_gone():
    text = chapter_text()
    assert "wordcloud" not in text and "keyword_bars" not in text and "region_mentions" not in text
    assert not hasattr(race, "path_to_use") and not hasattr(race, "region_mentions")
