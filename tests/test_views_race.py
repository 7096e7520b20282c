"""Chapter 1's tables against values counted in the curated CSVs and the claims the chapter's prose makes.

Counts marked "csv module" were taken with `csv.DictReader` over the named file (not through the loader or the
view), and are listed so that a reader can check them by eye."""

import pandas as pd
import pytest

from cnai import paths
from cnai.data import load
from cnai.errors import MappingError
from cnai.views import race


def test_every_count_claim_is_charted_once():
    claims = race.count_claims()
    # grep -c '^c-' data/curated/model_counts.csv → 21 (c-001 … c-021)
    assert len(claims) == 21
    assert claims["row_id"].tolist() == [f"c-{i:03d}" for i in range(1, 22)]


def test_count_claims_are_named_in_chinese_from_the_labels_file():
    claims = race.count_claims().set_index("row_id")
    # read off data/curated/model_counts.csv: c-001 more_than/models/CN, c-005 at_least/companies/CN,
    # c-010 exact/models/CN-BJ, c-012 nearly/models/CN
    assert claims.loc["c-001", ["qualifier_name", "counted", "geography_name"]].tolist() == ["超过", "模型数", "中国"]
    assert claims.loc["c-005", ["qualifier_name", "counted"]].tolist() == ["至少", "公司数"]
    assert claims.loc["c-010", ["qualifier_name", "geography_name", "value"]].tolist() == ["正好", "北京", 54]
    assert claims.loc["c-012", ["qualifier_name", "value"]].tolist() == ["近", 200]
    assert claims[["qualifier_name", "counted", "geography_name"]].notna().all().all()


def test_only_beijing_and_chengdu_have_local_counts():
    """The prose: 数量说法中只有北京（54 个）和成都有地方口径."""
    claims = race.count_claims()
    local = claims[~claims["geography"].isin(["CN", "global"])]
    # model_counts.csv: c-010 is CN-BJ (54); c-013, c-014, c-015 are CN-CD
    assert sorted(local["row_id"]) == ["c-010", "c-013", "c-014", "c-015"]
    assert set(local["geography_name"]) == {"北京", "成都"}


def test_a_code_missing_from_the_labels_file_names_the_file_and_the_code(monkeypatch):
    real_load = race.load
    counts = real_load("model_counts")
    counts.loc[0, "qualifier"] = "roughly"
    monkeypatch.setattr(race, "load", lambda name: counts if name == "model_counts" else real_load(name))
    with pytest.raises(MappingError, match=r"labels\.yml under 'qualifier'.*'roughly'"):
        race.count_claims()


def test_releases_count_each_model_once_at_its_earliest_date():
    releases = race.releases_by_year().set_index(["year", "origin"])
    # csv module over data/curated/models.csv: 53 distinct models have a release_date; taking each at its earliest
    # date, 13 Chinese models fall in 2023 (the prose: 语料点名的中国模型在 2023 年最集中), 8 in 2021, 2 in 2024
    assert releases["models"].sum() == 53
    assert releases.loc[(2023, "中国"), "names"].split("、") == sorted([
        "BLUE AI", "Kimi", "商量SenseChat", "子曰", "快意", "文心一言", "文心大模型4.0", "日日新4.0", "混元",
        "盘古大模型3.0", "蚂蚁集团金融大模型", "言犀", "通义千问2.0"])
    assert releases.loc[(2021, "中国"), "models"] == 8
    assert releases.loc[(2024, "中国"), "models"] == 2
    # GPT-3 is dated 2020 in the report's prose (m-059) and 2022-05 in its table (m-066): counted once, in 2020
    assert "GPT-3" in releases.loc[(2020, "国外"), "names"].split("、")
    assert "GPT-3" not in releases.loc[(2022, "国外"), "names"].split("、")


def test_conflicting_release_dates_are_both_drawn():
    """The prose: GPT-3 在表中记为 2022 年 5 月，正文为 2020 年 … 两种说法都画出."""
    params = race.parameters_over_time()
    gpt3 = params[params["model"] == "GPT-3"]
    # models.csv rows m-059 (2020, 1750 亿) and m-066 (2022-05, 175)
    assert sorted(gpt3["release_date"]) == ["2020", "2022-05"]
    assert set(gpt3["params_b"]) == {175.0}
    assert (params["params_b"] > 0).all() and params["date"].notna().all()


def test_largest_models_in_china_and_abroad():
    numbers = race.headline_numbers()
    # models.csv: the largest params_b with a release date is M6 at 10000 (m-086 "10,000", and "10 万亿" in the
    # prose row, which headline_numbers shows) in China, GPT-4 at 1800 (m-067 "1,800") abroad
    assert numbers["cn_largest"] == "M6（10 万亿）"
    assert numbers["foreign_largest"] == "GPT-4（1,800）"


def test_internet_platforms_build_most_chinese_models():
    types = race.developers_by_type().set_index("developer_type")
    # csv module over models.csv, rows with country CN and a developer_type, distinct models per type:
    # internet_platform 20, listed_ai_company 10, other_listed_company 10, other 9, startup 3, research_institute 1
    assert types["models"].to_dict() == {"internet_platform": 20, "listed_ai_company": 10, "other": 9,
                                         "other_listed_company": 10, "research_institute": 1, "startup": 3}
    assert types.loc["internet_platform", "type_name"] == "互联网平台"
    assert types.loc["other_listed_company", "type_name"] == "其他上市公司"
    assert "foreign" not in types.index


def test_industry_models_cover_fifteen_named_industries():
    """The prose: 行业大模型覆盖政务、金融、交通等十多个行业."""
    scopes = race.general_and_industry()
    industry = scopes[scopes["scope_name"] == "行业大模型"]
    # models.csv, scope=industry, distinct non-blank industry values (as written): 交通, 政务, 公共安全、政务、税务、
    # 企业数字化转型, 金融, 酒店與旅遊, 氣象監測與天氣預報, 大宗商品, 医疗保健, 煤矿, 电商（商品文案生成）, 零售、金融, 教育,
    # 营销, 消费, 工业 → 15; 2 industry models name no industry; 6 distinct general models
    assert (industry["industry"] != "（未注明行业）").sum() == 15
    assert {"政务", "金融", "交通", "煤矿"} <= set(industry["industry"])
    assert industry.loc[industry["industry"] == "（未注明行业）", "models"].item() == 2
    assert scopes.loc[scopes["scope_name"] == "通用大模型", "models"].sum() == 6
    assert race.headline_numbers()["n_industries"] == "15"


def test_beijing_is_named_in_race_paragraphs_of_four_documents():
    """The prose: 北京在四份文档中都被提到 (and is the region named most)."""
    regions = race.region_mentions()
    beijing = regions[regions["region"] == "北京"]
    assert beijing["doc_id"].nunique() == 4
    per_region = regions.groupby("region")["paragraphs"].sum()
    assert per_region.idxmax() == "北京"


def test_the_places_searched_are_read_from_the_regions_file(mappings_copy):
    (mappings_copy.folder / "regions.yml").write_text("regions:\n  - 成都\n", encoding="utf-8")
    assert set(race.region_mentions()["region"]) == {"成都"}


def test_path_to_use_runs_from_release_to_filing():
    """The prose: 2023 年 7 月的说法是“80 余个”公开发布 … 到 2024 年备案上线的服务“近 200 个”."""
    path = race.path_to_use()
    released = path[path["stage"] == "1 发布：模型数量"]
    filed = path[path["stage"] == "2 备案：上线服务"]
    # model_counts.csv, geography CN, unit models, scope about all of China and not about filing: c-009 (2023-07,
    # at least 100), c-001 (2023-07-02, 80), c-002 and c-003 (2023-07-03, 80), c-007 (2023-09-15, over 100);
    # the only filed count for all China is c-012 (2024-10-19, nearly 200)
    assert released[["as_of_date", "value"]].values.tolist() == [
        ["2023-07", "100"], ["2023-07-02", "80"], ["2023-07-03", "80"], ["2023-07-03", "80"], ["2023-09-15", "100"]]
    assert filed[["as_of_date", "value"]].values.tolist() == [["2024-10-19", "200"]]
    # Chengdu's filed count (c-015) is local, so it is not on the national path
    assert "7" not in set(filed["value"])
    assert path["quote"].notna().all()
    assert path["date"].is_monotonic_increasing


def test_headline_numbers_match_the_curated_rows():
    numbers = race.headline_numbers()
    # grep -c '^c-' data/curated/model_counts.csv → 21; the models table names 115 distinct models
    # (data/NOTES.md, table of rows: "115 distinct canonical models", recounted with the csv module)
    assert numbers["n_claims"] == "21"
    assert numbers["n_models"] == "115"
    assert (numbers["cn_peak_year"], numbers["cn_peak_models"]) == ("2023", "13")
    assert (numbers["top_type"], numbers["top_type_models"]) == ("互联网平台", "20")


def test_model_table_has_one_row_per_curated_row():
    table = race.model_table()
    # grep -c '^m-' data/curated/models.csv → 187
    assert len(table) == 187
    assert table["quote"].tolist() == load("models")["quote"].tolist()
    # scope codes read as words (labels.yml, block model_scope): m-004 (ChatGPT, 4th row) is coded general;
    # m-001 (通义千问) has no scope in models.csv and stays blank
    assert table.loc[3, "scope"] == "通用大模型" and pd.isna(table.loc[0, "scope"])
