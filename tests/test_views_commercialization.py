"""Chapter 5's tables (commercialization) recomputed from the curated rows and the report text they summarise."""
import re

import pandas as pd
import pytest

from cnai.facts import derived
from cnai.views import corpus as summaries
from cnai.data import load
from cnai.views import commercialization as cv

MILLIONS = {"万": 0.01, "亿": 100.0}


def test_market_sizes_keep_every_dated_figure_and_one_unit_per_series():
    sizes = load("market_metrics").query("metric == 'market_size'")
    series = cv.market_size_series()
    assert set(series["metric_id"]) == set(sizes.loc[sizes["period_end"].notna(), "metric_id"])
    assert len(series) + len(cv.market_size_without_period()) == len(sizes)
    assert (series.groupby("series")["unit"].nunique() == 1).all()
    assert set(sizes["subject"][sizes["period_end"].notna()]) <= set(cv.MARKET_SERIES), "a subject has no Chinese name"
    assert series["series_name"].str.endswith("）").all()


def test_market_size_kinds_as_stated_in_the_prose():
    series = cv.market_size_series()
    numbers = cv.headline_numbers()
    assert int(numbers["n_market_forecast"]) > int(numbers["n_market_actual"])
    llm = series[series["series"] == "cn_llm"].set_index("metric_id")
    assert list(llm.sort_values("year")["kind"]) == ["actual", "actual", "forecast"]
    assert "产业规模" in llm.loc["mm-022", "quote"] and "市场规模" not in llm.loc["mm-022", "quote"]


def test_ups_chart_title_and_text_disagree_and_both_are_charted():
    ups = cv.market_size_series().query("series == 'ups'").set_index("metric_id")
    assert {"mm-104", "mm-105"} <= set(ups.index)
    assert ups.loc["mm-104", "year"] != ups.loc["mm-105", "year"]
    assert ups.loc["mm-104", "value"] != ups.loc["mm-105", "value"]


def test_forecast_multiples_recomputed_from_the_raw_rows():
    metrics = load("market_metrics").set_index("metric_id")
    multiples = cv.forecast_multiples().set_index("series")
    assert multiples.loc["cn_robot", "multiple"] == pytest.approx(metrics.loc["mm-005", "value"] / metrics.loc["mm-004", "value"], abs=0.01)
    assert multiples.loc["cn_llm", "multiple"] == pytest.approx(216 / 70, abs=0.01)
    assert (multiples["forecast_year"] > multiples["actual_year"]).all()
    assert multiples.index.is_unique


def test_market_growth_checks_are_the_market_rows_of_appendix_c():
    checks = cv.market_growth_checks()
    everything = load("growth_checks")
    assert set(checks["metric_id"]) <= set(everything["metric_id"])
    assert (~checks["agrees"]).sum() == int(cv.headline_numbers()["n_growth_off"])


def test_adoption_keeps_every_user_and_usage_figure_and_converts_counts():
    metrics = load("market_metrics")
    adoption = cv.adoption_figures()
    expected = set(metrics.loc[metrics["metric"].isin(["users", "usage"]), "metric_id"])
    assert expected <= set(adoption["metric_id"])
    assert set(adoption.loc[adoption["measure"] == "客户（家）", "metric_id"]) == {"mm-013", "mm-015", "mm-053", "mm-064", "mm-066"}
    people = adoption[adoption["measure"] == "用户（人）"]
    for row in people.itertuples():
        assert row.count == pytest.approx(row.value * {"万": 1e4, "亿": 1e8}[row.unit])
    assert adoption.loc[adoption["measure"] == "使用量", "count"].isna().all()
    assert adoption["name"].str.contains(r"[\u4e00-\u9fff]").all()


def test_adoption_claims_in_the_prose():
    people = cv.adoption_figures().query("measure == '用户（人）'").set_index("metric_id")
    ranked = people.sort_values("count", ascending=False)
    assert list(ranked.index[:2]) == ["mm-037", "mm-018"]  # 网民 first (background), then filed gen-AI services
    products = people.drop(["mm-037", "mm-018"])["count"]
    assert products.min() >= 1e6 and products.max() < 1e9  # “单个产品的数字在百万到亿级之间”


def test_question_rate_recomputed_from_the_24_hour_total():
    rate = cv.question_rate().iloc[0]
    assert rate["由 24 小时总数重算（万个/分钟）"] == pytest.approx(round(3342 / (24 * 60), 2))
    assert rate["是否一致（5% 以内）"] == "一致"


def test_deal_rows_in_equal_rows_out():
    raw = load("funding_deals")
    assert len(cv.deals()) == len(raw) == len(cv.deal_table())
    table = cv.table_deals()
    assert len(table) == len(raw[raw["table"] != "other"])
    assert "nar-001" not in set(table["deal_id"])


def test_each_deal_gets_one_sector_and_one_stage():
    table = cv.table_deals()
    by_sector = cv.deals_by_sector()
    assert by_sector["deals"].sum() == len(table)
    assert set(table["sector"]) <= {name for name, _ in cv.SECTOR_RULES} | {cv.OTHER_SECTOR}
    assert (table["stage"] != "未注明").all(), "a round is missing from STAGES"
    assert cv.deals_by_stage()["deals"].sum() == len(table) == cv.deals_by_city()["deals"].sum()
    assert cv.sector("AI 人形机器人研发商") == "智能机器人" and cv.sector("人工智能初创公司") == cv.OTHER_SECTOR


def test_sector_claims_in_the_prose():
    counts = cv.table_deals().groupby(["table", "sector"]).size()
    assert counts["domestic"]["智能机器人"] > 10 * counts["foreign"].get("智能机器人", 0)
    assert counts["foreign"]["医疗健康"] > 3 * counts["domestic"].get("医疗健康", 0)


def test_amount_classes_recounted_from_the_raw_table():
    raw = load("funding_deals").query("table != 'other'")
    counts = cv.amount_status_counts()
    assert counts["合计"].sum() == len(raw)
    domestic = raw[raw["table"] == "domestic"]
    assert counts.loc["国内", "未披露"] == (domestic["amount_text"].str.strip() == "未披露").sum()
    vague = domestic[(domestic["amount_status"] == "approximate") & domestic["amount_value"].isna()]
    assert counts.loc["国内", "模糊（数千万、超亿等）"] == len(vague)
    assert domestic["amount_value"].isna().sum() > len(domestic) / 2  # “国内交易多数没有可用的金额”


def test_amount_totals_never_mix_currencies_or_statuses():
    raw = load("funding_deals").dropna(subset=["amount_value"]).query("table != 'other'")
    totals = cv.amount_totals().set_index(["table_name", "currency", "amount_status"])
    for (table, name) in (("domestic", "国内"), ("foreign", "国外")):
        for currency in ("CNY", "USD"):
            for status in ("disclosed", "approximate"):
                rows = raw[(raw["table"] == table) & (raw["currency"] == currency) & (raw["amount_status"] == status)]
                expected = sum(v * MILLIONS[u[0]] for v, u in zip(rows["amount_value"], rows["amount_unit"]))
                got = totals["millions"].get((name, currency, status), 0.0)
                assert got == pytest.approx(expected, abs=0.01), (table, currency, status)
    deals = cv.deals().dropna(subset=["amount_millions"])
    assert (deals["currency"] == deals["currency_from_unit"]).all()


def test_largest_domestic_amounts_are_approximate_and_vizio_dominates_abroad():
    table = cv.table_deals()
    domestic = table[table["table"] == "domestic"].dropna(subset=["amount_millions"])
    for currency in ("CNY", "USD"):
        top = domestic[domestic["currency"] == currency].sort_values("amount_millions").iloc[-1]
        assert top["amount_status"] == "approximate", currency
    foreign = table[(table["table"] == "foreign") & (table["amount_status"] == "disclosed")]
    assert foreign["amount_millions"].max() / foreign["amount_millions"].sum() > 0.5
    assert foreign.loc[foreign["amount_millions"].idxmax(), "company"] == "Vizio"


def test_deal_numbering_81_against_80_rows():
    check = cv.deal_count_check().set_index("表")
    assert check.loc["国内", "正文所说（起）"] == 81 and check.loc["国内", "表中行数"] == 80
    assert check.loc["国内", "缺失的序号"] == "7"
    assert check.loc["国外", "正文所说（起）"] == check.loc["国外", "表中行数"] == 59


def test_over_100m_list_against_the_table():
    items = cv.over_100m_list()
    assert len(items) == 14
    check = cv.over_100m_check()
    assert check["in_list"].sum() == len(items)  # every listed project matched to one table row
    assert set(check.loc[check["in_list"] & ~check["written_in_yi"], "company"]) == {"芯控智能", "神马工场"}
    assert set(check.loc[~check["in_list"] & check["written_in_yi"], "company"]) == {"复睿智行", "高特电子"}


def test_moonshot_table_and_narrative_differ():
    claims = cv.moonshot_claims().set_index("deal_id")
    assert claims.loc["cn-034", "amount_text"].replace(" ", "") == "超10亿美元"
    assert claims.loc["nar-001", "amount_text"].replace(" ", "") == "10亿美元"


def test_possible_duplicates_look_alike():
    deals = cv.deals().set_index("deal_id")
    assert deals.loc["cn-065", "amount_text"] == deals.loc["fx-051", "amount_text"]
    gap = abs(pd.Timestamp(deals.loc["cn-065", "date"]) - pd.Timestamp(deals.loc["fx-051", "date"]))
    assert gap <= pd.Timedelta(days=3)


def test_business_model_mentions_recounted_from_the_report_text():
    paras = load("paragraphs")
    body = paras[(paras["doc_id"] == "hti_report_2024_06") & (paras["part_id"] == "6.2") & (paras["kind"] == "body")]
    text = "".join(body["text"])
    mentions = cv.business_model_mentions().set_index("model")
    assert mentions.loc["AIDC", "mentions"] == len(re.findall("AIDC|AI基础设施服务", text))
    assert mentions.loc["API", "mentions"] == text.count("API")
    for side in ("C", "B"):  # “2C端” is one mention, not two
        expected = text.count(f"2{side}") + text.count(f"{side}端") - text.count(f"2{side}端")
        assert mentions.loc[f"2{side}", "mentions"] == expected, side
    assert mentions.loc["MaaS", "mentions"] == text.count("MaaS") + text.count("订阅制")
    assert list(mentions.index) == cv.MODEL_ORDER


def test_business_model_companies_are_quoted_not_invented():
    paras = load("paragraphs")
    section = "".join(paras.loc[(paras["doc_id"] == "hti_report_2024_06") & (paras["part_id"] == "6.2"), "text"])
    companies = load("companies").set_index("company_id")
    links = cv.business_model_companies()
    assert len(links) > 0
    for row in links.itertuples():
        assert row.quote in section
        spellings = [companies.loc[row.company_id, "name"]]
        aliases = companies.loc[row.company_id, "aliases"]
        spellings += [a.strip() for a in aliases.split("|")] if isinstance(aliases, str) else []
        spellings += [alias for alias, cid in cv.EXTRA_ALIASES.items() if cid == row.company_id]
        assert any(s in row.quote for s in spellings), (row.company, row.quote)
    assert "intel" not in set(links["company_id"])  # "Artificial Intelligence" is not Intel
    assert "tencent_cloud" not in set(links["company_id"])  # 腾讯云 appears only in a figure title


def test_business_model_claims_in_the_prose():
    mentions = cv.business_model_mentions().set_index("model")
    assert mentions.loc["MaaS", "company_names"] == "OpenAI"
    assert set(mentions.loc["AIDC", "company_names"].split("、")) == {"商汤", "英伟达"}
    top_two = mentions["companies"].sort_values(ascending=False).index[:2]
    assert set(top_two) == {"2C", "2B"}
    assert mentions[["companies"]].loc[["MaaS", "AIDC"]].max().item() <= 2


def test_companies_named_prefers_the_longer_name():
    assert [cid for cid, _ in cv.companies_named("腾讯云技术架构")] == ["tencent_cloud"]
    assert cv.companies_named("Artificial Intelligence Data Center") == []
    assert [cid for cid, _ in cv.companies_named("百度和讯飞")] == ["baidu", "iflytek"]


def test_listed_companies_joined_to_models():
    listed = cv.listed_company_models()
    companies = load("companies")
    models = load("models")
    assert set(listed["company_id"]) == set(companies.loc[companies["listed"] == "yes", "company_id"])
    for row in listed.itertuples():
        assert row.models == models.loc[models["company_id"] == row.company_id, "model"].nunique()
    without = listed[listed["models"] == 0]
    assert without["roles"].str.contains("robot_component_supplier").all()
    assert (without["doc_id"] == "zqrb_2023_07").all()
    assert len(cv.listed_models_table()) == listed["model_rows"].sum()


def test_keyword_claims_in_the_prose():
    kw = summaries.topic_keywords_by_source("commercialization")
    words = kw.groupby("doc_id")["word"].apply(set)
    for doc_id in ("zqrb_2023_07", "feature_2023", "breakthing_2023_07"):
        assert {"落地", "场景"} <= words[doc_id], doc_id
    assert {"用户", "数据"} <= words["hti_report_2024_06"]
    assert "落地" not in words["hti_report_2024_06"]


def test_headline_numbers_are_all_filled():
    numbers = cv.headline_numbers()
    assert all(isinstance(v, str) and v for v in numbers.values())
    assert numbers["n_domestic"] == "80" and numbers["n_foreign"] == "59"


def test_unstated_kinds_are_the_harmonic_reducer_series_and_one_rate_pair_exists():
    series = cv.market_size_series()
    unstated = series[series["kind"].isna()]
    assert set(unstated["series"]) == {"harmonic_global", "harmonic_cn"}
    assert len(load("rates")) == 1  # “语料中唯一同时给出总量和速率的一对”
