"""Chapter 5's tables (commercialization) against values counted by hand in the curated CSVs and the report text
they summarise, and the mapping files they read failing on a value they lack."""
import re

import pandas as pd
import pytest

from cnai import paths
from cnai.errors import MappingError
from cnai.facts.market_subjects import subject_names
from cnai.data import load
from cnai.views import commercialization as cv
from cnai.views import robotics


# --- market size ------------------------------------------------------------------------------------------------

def test_market_sizes_keep_every_dated_figure_and_one_unit_per_series():
    # Counted by hand in data/curated/market_metrics.csv: 38 rows with metric market_size, 37 of them with a
    # period_end; the one without is mm-169 (the report's ChatGPT scenario). The 37 rows have 20 subjects; the
    # LLM pair (mm-022's 产业规模) and the UPS pair (mm-105's chart title) are merged, so 18 series.
    series = cv.market_size_series()
    assert len(series) == 37 and series["metric_id"].is_unique
    assert list(cv.market_size_without_period()["metric_id"]) == ["mm-169"]
    assert series["series"].nunique() == 18
    assert (series.groupby("series")["unit"].nunique() == 1).all()
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


def test_one_market_has_one_name_in_chapters_4_and_5():
    """The reviewer's complaint: the same market was named differently in the two chapters."""
    five = cv.market_size_series().set_index("metric_id")["series_name"]
    four = robotics.robot_market_series().set_index("metric_id")["series"]
    shared = five.index.intersection(four.index)
    assert len(shared) >= 20  # every robot-related market size is in both chapters
    assert (five[shared] == four[shared]).all()
    # the names the two chapters used to disagree on, as settled in data/mappings/market_subjects.yml
    assert five["mm-131"] == "中国工业机器人用谐波减速机市场规模（亿元）"
    assert five["mm-142"] == "全球力矩传感器市场规模（亿美元）"
    assert five["mm-146"] == "中国六维力传感器销售额（亿元）"


def test_forecasts_are_compared_as_annual_growth_rates_not_multiples():
    """The reader's complaint: the chart compared 15× over 7 years with 3× over 2. Now each pair is a CAGR."""
    growth = cv.forecast_growth().set_index("label")
    # market_metrics.csv: mm-079 AI 芯片 2018 约 60 亿美元, mm-080 2025 900 亿美元: 15× in 7 years,
    # 15 ** (1/7) = e^(ln 15 / 7) = e^(2.70805 / 7) = e^0.386864 = 1.47236 → 47.2 %/yr; the text states 45 %.
    chip = growth.loc["AI 芯片市场规模（含边缘和云端）（2018→2025）"]
    assert chip["multiple"] == 15 and chip["years"] == 7
    assert chip["cagr_pct"] == pytest.approx(47.2, abs=0.05)
    assert chip["stated_pct"] == 45 and chip["verdict"] == "与原文不一致"
    # mm-020 中国大模型 2022 = 70 亿元 (actual), mm-022 2024 = 216 亿元 (forecast), no stated rate:
    # (216 / 70) ** 0.5 = 3.0857 ** 0.5 = 1.75662 → 75.7 %/yr, higher than the chip market's 47.2 % despite 3× < 15×
    llm = growth.loc["中国大模型产业市场规模（2022→2024）"]
    assert llm["cagr_pct"] == pytest.approx(75.7, abs=0.05) and llm["verdict"] == "原文未给增长率"
    assert llm["cagr_pct"] > chip["cagr_pct"] and llm["multiple"] < chip["multiple"]
    # the texts' own rates that disagree with their endpoints by more than 1 pp (appendix C): chips, torque motor,
    # ball screw (mm-155, 六维力传感器销量, is a volume series, not a market size)
    assert set(growth.loc[growth["verdict"] == "与原文不一致", "rate_id"]) == {"mm-081", "mm-122", "mm-138"}
    assert (growth["end_year"] > growth["start_year"]).all()
    numbers = cv.headline_numbers()
    assert numbers["llm_fc_cagr"] == "75.7%" and numbers["chip_cagr"] == "47.2%" and numbers["chip_multiple"] == "15"


def test_market_growth_checks_against_hand_computed_cagrs():
    checks = cv.market_growth_checks().set_index("metric_id")
    assert len(checks) == 12  # the stated CAGRs of appendix C whose base is a charted market size
    # (end/start)^(1/years) - 1, endpoints from market_metrics.csv:
    # mm-021 大模型 (mm-019 → mm-020): (70 / 15)^(1/2) - 1 = 2.1602 - 1 = 116.02 %, stated 116.02 %
    assert checks.loc["mm-021", "computed_pct"] == pytest.approx(116.02, abs=0.01)
    # mm-081 AI 芯片: (900 / 60)^(1/7) - 1 = 15^(0.142857) - 1 = 47.24 %, stated 45 % → off by more than 1 pp
    assert checks.loc["mm-081", "computed_pct"] == pytest.approx(47.24, abs=0.01)
    assert set(checks.index[~checks["agrees"]]) == {"mm-081", "mm-122", "mm-138"}
    assert checks.loc["mm-021", "series_name"] == "中国大模型产业市场规模（亿元）"


# --- adoption ---------------------------------------------------------------------------------------------------

def test_adoption_keeps_every_user_and_usage_figure_and_converts_counts():
    adoption = cv.adoption_figures().set_index("metric_id")
    # market_metrics.csv: 22 rows with metric users or usage, plus the 5 firm counts of customers below.
    assert len(adoption) == 27
    assert set(adoption.index[adoption["measure"] == "客户（家）"]) == {"mm-013", "mm-015", "mm-053", "mm-064", "mm-066"}
    # mm-037 中国网民 10.8亿 = 1,080,000,000; mm-011 讯飞星火 100万 = 1,000,000; mm-107 (users, but 19868 辆 of vehicles) is usage, not counted
    assert adoption.loc["mm-037", "count"] == 1.08e9 and adoption.loc["mm-011", "count"] == 1e6
    assert adoption.loc["mm-107", "measure"] == "使用量" and pd.isna(adoption.loc["mm-107", "count"])
    assert adoption.loc["mm-037", "name"] == "中国网民"


def test_adoption_keeps_internet_users_apart_from_ai_users():
    """The reader's complaint: the chart mixed 中国网民 with AI-service users. Each user figure now has a population."""
    people = cv.adoption_figures().query("measure == '用户（人）'").set_index("metric_id")
    assert people["population"].notna().all()
    # mm-037 (CNNIC 网民 10.8亿) is the background; mm-018 (6亿 registered users of filed services) a total;
    # mm-052 飞桨 and mm-170 OpenAI API are developers; the other 7 are one product's users
    assert people.loc["mm-037", "population"] == "internet"
    assert people.loc["mm-018", "population"] == "ai_services"
    assert set(people.index[people["population"] == "developers"]) == {"mm-052", "mm-170"}
    assert (people["population"] == "product").sum() == 7
    numbers = cv.headline_numbers()
    assert numbers["ai_service_users"] == "6亿" and numbers["top_product_value"] == "5.8亿"  # mm-065 京东言犀终端用户


def test_adoption_claims_in_the_prose():
    people = cv.adoption_figures().query("measure == '用户（人）'").set_index("metric_id")
    ranked = people.sort_values("count", ascending=False)
    assert list(ranked.index[:2]) == ["mm-037", "mm-018"]  # 网民 first (background), then filed gen-AI services
    products = people.drop(["mm-037", "mm-018"])["count"]
    assert products.min() >= 1e6 and products.max() < 1e9  # “单个产品的数字在百万到亿级之间”


def test_question_rate_recomputed_from_the_24_hour_total():
    rate = cv.question_rate().iloc[0]
    # 3342 万 questions in 24 hours: 3342 / 1440 minutes = 2.32 万 per minute; the text says 2.3 万余
    assert rate["由 24 小时总数重算（万个/分钟）"] == 2.32
    assert rate["是否一致（5% 以内）"] == "一致"
    assert rate["指标"] == "文心一言开放首日平均每分钟回复的问题"  # the same name as in the adoption chart
    assert "doc_id" not in cv.question_rate().columns  # a source label, not a document key, in the table


# --- financing deals --------------------------------------------------------------------------------------------

def test_deal_rows_in_equal_rows_out():
    # data/curated/funding_deals.csv: 140 rows, 80 in the domestic table, 59 in the foreign one, 1 narrative (nar-001)
    assert len(cv.deals()) == 140 == len(cv.deal_table())
    table = cv.table_deals()
    assert len(table) == 139 and "nar-001" not in set(table["deal_id"])


def test_stages_recounted_by_hand():
    stages = cv.table_deals().groupby(["table", "stage"]).size()
    # round column of funding_deals.csv, domestic: 天使轮 19 + 种子轮 3 + 天使+ 3 = 25 种子与天使;
    # A轮 16 + Pre-A轮 7 + A+轮 3 + A++轮 2 + A++++轮 1 = 29 Pre-A 至 A 轮. Foreign: 种子轮 17 + 天使轮 5 = 22;
    # A轮 10 + A+轮 3 + Pre-A轮 1 = 14.
    assert stages["domestic"]["种子与天使"] == 25 and stages["domestic"]["Pre-A 至 A 轮"] == 29
    assert stages["foreign"]["种子与天使"] == 22 and stages["foreign"]["Pre-A 至 A 轮"] == 14
    assert stages.sum() == 139 and "未注明" not in set(stages.index.get_level_values("stage"))
    assert cv.deals().set_index("deal_id").loc["nar-001", "stage"] == "未注明"  # its round is blank
    assert cv.stage_order()[0] == "种子与天使" and cv.stage_order()[-1] == "未注明"


def test_each_deal_gets_one_sector():
    table = cv.table_deals()
    assert cv.deals_by_sector()["deals"].sum() == len(table) == cv.deals_by_city()["deals"].sum()
    assert cv.sector("AI 人形机器人研发商") == "智能机器人" and cv.sector("人工智能初创公司") == "其他 AI 应用"
    assert cv.sector("医疗机器人") == "智能机器人"  # the rules are tried in the file's order; 机器人 comes first


def test_sector_claims_in_the_prose():
    counts = cv.table_deals().groupby(["table", "sector"]).size()
    assert counts["domestic"]["智能机器人"] > 10 * counts["foreign"].get("智能机器人", 0)
    assert counts["foreign"]["医疗健康"] > 3 * counts["domestic"].get("医疗健康", 0)


def test_amount_classes_counted_by_hand():
    counts = cv.amount_status_counts()
    # funding_deals.csv, domestic table: amount_status undisclosed 47; approximate without amount_value 18 (数千万 …),
    # approximate with a value 6; disclosed 9. Foreign: disclosed 45, undisclosed 13, approximate with a value 1.
    assert counts.loc["国内"].tolist() == [9, 6, 18, 47, 80]
    assert counts.loc["国外"].tolist() == [45, 1, 0, 13, 59]
    assert list(counts.columns) == cv.amount_order() + ["合计"]


def test_disclosed_domestic_totals_summed_by_hand():
    totals = cv.amount_totals().set_index(["table_name", "currency", "amount_status"])
    # the 9 disclosed domestic rows of funding_deals.csv, in millions: CNY 336.51万 3.3651 (股权转让) + 180万 1.8
    # (拟收购) + 3.69亿 369 + 5000万 50 + 4000万 40 + 1000万 10; without the two that are not funding rounds:
    # 369 + 50 + 40 + 10 = 469 in 4 deals. USD 1530万 15.3 (拟收购) + 670万 6.7 + 550万 5.5 → 12.2 in 2 deals
    assert totals.loc[("国内", "CNY", "disclosed"), "millions"] == 469
    assert totals.loc[("国内", "CNY", "disclosed"), "deals"] == 4
    assert totals.loc[("国内", "USD", "disclosed"), "millions"] == 12.2
    assert totals.loc[("国内", "USD", "disclosed"), "deals"] == 2
    assert ("国外", "CNY", "disclosed") not in totals.index  # the foreign table is all in dollars


def test_vizio_is_an_acquisition_and_not_the_biggest_funding_round():
    """The reader's complaint: Vizio's 23 亿美元 is an M&A deal (the table's round reads 并购), not AI funding."""
    deals = cv.deals().set_index("deal_id")
    assert deals.loc["fx-031", "company"] == "Vizio" and deals.loc["fx-031", "deal_type"] == "acquisition"
    assert "并购" in deals.loc["fx-031", "quote"]
    # funding_deals.csv, round column: 并购 6 (cn-047, cn-059, fx-009, fx-016, fx-022, fx-031), 拟收购 3, 股权转让 1,
    # 出资设立 2 = 12 deals that are not funding rounds
    assert len(cv.other_deals()) == 12
    assert "fx-031" not in set(cv.deal_amounts()["deal_id"])
    numbers = cv.headline_numbers()
    # foreign disclosed rows without Vizio: the largest is Figure AI's B轮 6.75 亿美元 = 675 M USD
    assert numbers["for_biggest"] == "Figure AI" and numbers["for_biggest_text"] == "6.75 亿美元"
    assert numbers["other_biggest"] == "Vizio"
    foreign = cv.financing_deals().query("table == 'foreign' and amount_status == 'disclosed'")
    assert foreign["amount_millions"].max() == 675
    assert int(numbers["for_usd_disclosed_n"]) == len(foreign) == 44  # 45 disclosed rows minus Vizio


def test_largest_domestic_amounts_are_approximate():
    table = cv.financing_deals()
    domestic = table[table["table"] == "domestic"].dropna(subset=["amount_millions"])
    for currency in ("CNY", "USD"):
        top = domestic[domestic["currency"] == currency].sort_values("amount_millions").iloc[-1]
        assert top["amount_status"] == "approximate", currency


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


# --- business models --------------------------------------------------------------------------------------------

def test_business_model_mentions_counted_by_hand():
    mentions = cv.business_model_mentions().set_index("model")
    # Counted by hand in the body paragraphs of the report's §6.2 (paragraphs of hti_report_2024_06, part 6.2):
    # "2C" 2 + "C端" 6 − "2C端" 1 (one mention, not two) = 7; "2B" 2 + "B端" 5 − "2B端" 1 = 6;
    # "MaaS" 4 + "订阅制" 2 = 6; "API" 8; "AIDC" 4 + "AI基础设施服务" 1 = 5.
    assert mentions["mentions"].to_dict() == {"2C": 7, "2B": 6, "MaaS": 6, "API": 8, "AIDC": 5}
    assert list(mentions.index) == cv.model_order() == ["2C", "2B", "MaaS", "API", "AIDC"]


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
        spellings += [alias for alias, cid in cv.extra_aliases().items() if cid == row.company_id]
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
    assert [cid for cid, _ in cv.companies_named("百度和讯飞")] == ["baidu", "iflytek"]  # 讯飞: business_models.yml


# --- listed companies -------------------------------------------------------------------------------------------

def test_listed_companies_joined_to_models():
    listed = cv.listed_company_models().set_index("company_id")
    # companies.csv: 13 rows with listed = yes (listing text), 15 coded listing = curator. models.csv: 商汤
    # (sensetime) has 9 distinct model names, 百度 5; the five robot-part suppliers from zqrb_2023_07 have none.
    assert len(listed) == 28 and (listed["listing"] == "text").sum() == 13
    assert listed.loc["sensetime", "models"] == 9 and listed.loc["baidu", "models"] == 5
    without = listed[listed["models"] == 0]
    assert set(without.index) == {"zhongda_lide", "aisidun", "yuhuan_shukong", "tuowei_xinxi", "kelier"}
    assert (without["doc_id"] == "zqrb_2023_07").all()
    assert len(cv.listed_models_table()) == listed["model_rows"].sum()


def test_alibaba_tencent_and_jd_are_listed_and_the_top_claim_is_recomputed():
    """The reader's complaint: Alibaba, Tencent and JD were not coded as listed, so "商汤最多" was wrong."""
    companies = load("companies").set_index("company_id")
    for company in ("alibaba", "tencent", "jd"):
        assert companies.loc[company, "listing"] == "curator", company
        assert pd.isna(companies.loc[company, "listed"])  # no corpus text calls them listed
    assert (companies["listing"].eq("text") == companies["listed"].eq("yes")).all()
    listed = cv.listed_company_models().set_index("company_id")
    # models.csv, distinct model names per company_id: google 17, sensetime 9, microsoft 9, meta 5, baidu 5,
    # jd 3, kuaishou 3, alibaba 3, nvidia 3, tencent 1
    assert listed.loc[["google", "alibaba", "jd", "tencent"], "models"].tolist() == [17, 3, 3, 1]
    numbers = cv.headline_numbers()
    assert numbers["listed_top"] == "谷歌" and numbers["listed_top_n"] == "17"
    assert numbers["listed_cn_top"] == "商汤" and numbers["listed_cn_second"] == "百度"


def test_headline_numbers_are_all_filled():
    numbers = cv.headline_numbers()
    assert all(isinstance(v, str) and v for v in numbers.values())
    assert numbers["n_domestic"] == "80" and numbers["n_foreign"] == "59"
    assert numbers["dom_top_stage"] == "Pre-A 至 A 轮" and numbers["dom_top_stage_n"] == "29"


def test_unstated_kinds_are_the_harmonic_reducer_series_and_one_rate_pair_exists():
    series = cv.market_size_series()
    unstated = series[series["kind"].isna()]
    assert set(unstated["series"]) == {"harmonic_global", "harmonic_cn"}
    assert (unstated["kind_name"] == "未标明").all()  # the same word as chapter 4
    assert len(load("rates")) == 1  # “语料中唯一同时给出总量和速率的一对”


# --- the mapping files fail on what they lack -------------------------------------------------------------------

def test_a_subject_missing_from_market_subjects_names_the_file_and_the_subject(mappings_copy):
    mappings_copy("market_subjects", "Optical module market size:")
    with pytest.raises(MappingError, match=r"market_subjects\.yml.*'Optical module market size'"):
        cv.market_size_series()


def test_a_market_size_subject_without_a_series_is_an_error(mappings_copy):
    path = mappings_copy.folder / "market_subjects.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Optical module market size: {series: optical, name:",
                                 "Optical module market size: {name:"), encoding="utf-8")
    with pytest.raises(MappingError, match=r"market_subjects\.yml: no 'series' for 'Optical module market size'"):
        cv.market_size_series()


def test_an_adoption_subject_without_a_name_is_an_error():
    with pytest.raises(MappingError, match=r"market_subjects\.yml.*'Martian users'"):
        subject_names(pd.Series(["Meitu paid users", "Martian users"]))


def test_a_round_no_stage_lists_names_the_file_and_the_round(mappings_copy):
    mappings_copy("funding_stages", "E轮:")
    with pytest.raises(MappingError, match=r"funding_stages\.yml.*'E轮'"):
        cv.deals()


def test_a_short_name_for_an_unknown_company_is_an_error(mappings_copy):
    path = mappings_copy.folder / "business_models.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("讯飞: iflytek", "讯飞: no_such_company"),
                    encoding="utf-8")
    with pytest.raises(MappingError, match=r"business_models\.yml.*no_such_company"):
        cv.companies_named("百度和讯飞")


def test_an_amount_class_without_a_label_is_an_error(mappings_copy):
    mappings_copy("labels", "  approximate_vague:")
    with pytest.raises(MappingError, match=r"'approximate_vague'.*labels\.yml"):
        cv.amount_status_counts()


# --- API prices (models.dev) and Arena ratings -------------------------------------------------------------------

def test_provider_countries_and_median_prices():
    cards = cv.api_price_cards()
    # data/external api_prices: 260 priced cards, 169 of providers the registry places in CN, 91 in US
    assert len(cards) == 260
    assert cards["country_name"].value_counts().to_dict() == {"中国": 169, "美国": 91}
    medians = cv.country_prices()
    # medians over the priced cards of each country (pandas median of the models.dev prices, checked by sorting the
    # 91 US output prices by eye: the 46th is 12.0); CN: input 0.30, output 1.20
    assert medians.loc["中国", "output_median"] == pytest.approx(1.2)
    assert medians.loc["美国", "output_median"] == pytest.approx(12.0)
    providers = cv.provider_prices().set_index("provider")
    # deepseek's four cards: deepseek-chat and deepseek-reasoner 0.28 output, two older ones 0.87 … median 0.28
    assert providers.iloc[0].name == "deepseek" and providers.loc["deepseek", "output_median"] == pytest.approx(0.28)
    assert providers.loc["anthropic", "output_median"] == 15


def test_price_rating_join_counts_and_labels():
    rated = cv.price_rating()
    # api_prices: 59 cards have an Arena rating: 40 whose id is an Arena key, 19 through the pairs of
    # data/readings/api_arena_pairs.yml (19 entries, each card id found once in models.dev), all with an output price
    assert len(rated) == 59
    labelled = set(rated.loc[rated["label"] != "", "family_id"])
    assert labelled == {"deepseek", "qwen", "kimi", "minimax", "gpt", "claude", "gemini"}
    assert not rated["label"].str.contains("/").any()  # siliconflow/deepseek-r1-0528 is labelled deepseek-r1-0528
    tier = cv.top_tier_cheapest(1400)
    # rated ≥ 1400: DeepSeek Reasoner (deepseek-v3.2-thinking, 1417) at 0.28 output; US: gemini-2.5-flash (1415) 2.5
    assert tier.loc["中国", "model_id"] == "deepseek-reasoner" and tier.loc["中国", "output_price_usd"] == 0.28
    assert tier.loc["美国", "model_id"] == "gemini-2.5-flash" and tier.loc["美国", "output_price_usd"] == 2.5


def test_the_corpus_gpt4o_price_agrees_with_the_models_dev_card():
    prices = cv.corpus_prices().set_index("metric_id")
    # HTI §6.2: “输入每百万tokens费用为5美元，输出每百万tokens费用为15美元”; models.dev gpt-4o-2024-05-13: 5 / 15
    assert prices.loc["mm-177", "value"] == prices.loc["mm-177", "card_price"] == 5
    assert prices.loc["mm-178", "value"] == prices.loc["mm-178", "card_price"] == 15
    assert pd.isna(prices.loc["mm-179", "card_price"])  # 豆包: no models.dev card


def test_a_deal_type_not_anchored_in_the_round_fails_the_load(tmp_path):
    from cnai.facts.schemas import FundingDeals
    frame = load("funding_deals").drop(columns=["amount_millions", "currency_from_unit"], errors="ignore")
    frame.loc[frame["deal_id"] == "fx-031", "deal_type"] = "financing"
    with pytest.raises(Exception, match="deal_type"):
        FundingDeals.validate(frame)


def test_a_user_subject_without_a_population_names_the_file(mappings_copy):
    mappings_copy("user_populations", "China internet users")
    with pytest.raises(MappingError, match=r"user_populations\.yml.*China internet users"):
        cv.adoption_figures()


def test_the_chapter_shows_formatted_tables_without_document_keys_and_no_word_cloud():
    """The reader's complaints: raw pandas tables (2.300000, a doc_id column), a word cloud and a keyword dropdown."""
    text = (paths.ROOT / "chapters" / "commercialization.md").read_text(encoding="utf-8")
    assert ".style" not in text and "wordcloud" not in text and "keyword_bars" not in text
    for frame in (cv.deal_table(), cv.question_rate(), cv.deal_count_check(), cv.listed_models_table(), cv.other_deals()):
        assert "doc_id" not in frame.columns
    # no table or column name in the prose (outside code cells)
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    prose = re.sub(r"\{(glue:text|ref)\}`[^`]*`", "", prose)
    assert not re.search(r"market_metrics|funding_deals|companies 表|(?<!})`[A-Za-z_.]+`", prose)
