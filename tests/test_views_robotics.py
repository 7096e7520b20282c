"""Tests of the robotics chapter's views against values counted by hand in the curated CSVs, and of the mapping
files they read failing on a value they lack."""
import csv
import math
import re
import shutil

import pandas as pd
import pytest

from cnai import paths
from cnai.errors import MappingError

from cnai.views import robotics


def raw_rows(name: str) -> list[dict]:
    with open(paths.ROOT / "data" / "curated" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


CHAPTER = paths.ROOT / "chapters" / "robotics.md"


# --- the awesome-robots humanoid list (outside data) ------------------------------------------------------------
# Hand counts below come from data/raw/external/awesome_robots/robots.json (records with category "humanoid"),
# each brand looked up by eye in data/registry/organisations.yml for its country.

def test_humanoids_per_country_counted_from_the_snapshot():
    # 82 humanoid records; CN brands (AgiBot 10, UBTech 7, Unitree 6, EngineAI 4, Galaxea AI 3 + GALAXEA AI 1,
    # Booster 3, Fourier 3, Deep Robotics 2, UniX AI 2, Noetix 2 and 11 brands with one) = 54 products by 21 makers;
    # US (Figure AI 2, K-Scale 2, Boston Dynamics, Tesla, Agility, Apptronik, TRI, Fauna, Sunday) = 11 by 9 makers
    by_country = robotics.humanoids_by_country().set_index("country_name")
    assert by_country["products"].sum() == 82 and len(by_country) == 15
    assert by_country.loc["中国", ["products", "makers"]].tolist() == [54, 21]
    assert by_country.loc["美国", ["products", "makers"]].tolist() == [11, 9]
    assert by_country.loc["日本", "products"] == 3  # SoftBank Pepper and NAO, Honda ASIMO
    # Hanson Robotics: registry HK, not CN; grouped by labels.yml block maker_country_group with the other places
    assert by_country.loc["中国香港", "country_group"] == "其他国家和地区"


def test_price_coverage_per_currency_never_converted():
    # price.starting: a positive number with currency USD in 32 records, EUR in 1 (NEURA 4NE1 Mini, 19999),
    # "request" in 38, 0 in 11
    coverage = robotics.humanoid_price_coverage()
    assert coverage.dropna(subset=["currency"]).set_index(["price_status", "currency"])["products"].to_dict() == {
        ("标价", "USD"): 32, ("标价", "EUR"): 1}
    rest = coverage[coverage["currency"].isna()].set_index("price_status")["products"].to_dict()
    assert rest == {"询价": 38, "未标价": 11}
    usd = robotics.humanoid_prices("USD")
    assert len(usd) == 32 and "neura-4ne1-mini" not in set(usd["product_id"])
    assert robotics.humanoid_prices("EUR")["price"].tolist() == [19999]


def test_usd_price_medians_by_hand():
    # USD prices of CN makers, sorted: 1370 4900 5400 5500 5999 6800 16000 18000 20000 | 25000 25000 29900 30000
    # 35000 100000 130000 150000 150000 (18; median (20000 + 25000) / 2 = 22500); US: 1000 9000 10000 20000 30000
    # 130000 250000 (7; median 20000)
    summary = robotics.humanoid_price_summary("USD").set_index("country_group")
    assert summary.loc["中国", ["products", "median_price", "min_price", "max_price"]].tolist() == [18, 22500, 1370, 150000]
    assert summary.loc["美国", ["products", "median_price", "min_price", "max_price"]].tolist() == [7, 20000, 1000, 250000]


def test_release_years_by_hand():
    # releaseDate, else timeline.releasedAt/announcedAt: 19 records dated; 2022 1 (Ameca), 2023 1 (H1), 2024 3
    # (G1, Walker S1, Digit), 2025 14 of which CN 9 (Walker S2, R1, T1, K1, H2, A2, Bumi, A2-Max, DR02)
    by_year = robotics.humanoids_by_year()
    assert by_year.groupby("year")["products"].sum().to_dict() == {2022: 1, 2023: 1, 2024: 3, 2025: 14}
    assert by_year.set_index(["year", "country_group"]).loc[(2025, "中国"), "products"] == 9
    assert robotics.humanoid_products()["year"].isna().sum() == 82 - 19


def _registry_copy(tmp_path, monkeypatch, edit):
    folder = tmp_path / "registry"
    shutil.copytree(paths.REGISTRY, folder)
    path = folder / "organisations.yml"
    text = path.read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    monkeypatch.setattr(paths, "REGISTRY", folder)


def test_an_unmapped_maker_fails_naming_the_registry_file(tmp_path, monkeypatch):
    _registry_copy(tmp_path, monkeypatch,
                   lambda text: "".join(l for l in text.splitlines(True) if not l.startswith("- {id: unitree,")))
    with pytest.raises(MappingError, match=r"'Unitree'.*organisations\.yml"):
        robotics.humanoid_products()


def test_a_maker_without_a_country_fails_naming_the_registry_file(tmp_path, monkeypatch):
    _registry_copy(tmp_path, monkeypatch, lambda text: re.sub(r"(- \{id: unitree,.*?), country: CN", r"\1", text))
    with pytest.raises(MappingError, match=r"'unitree'.*organisations\.yml"):
        robotics.humanoid_products()


def test_a_maker_country_without_a_chinese_name_names_labels_yml(mappings_copy):
    mappings_copy("labels", "  VN:")
    with pytest.raises(MappingError, match=r"labels\.yml.*maker_country"):
        robotics.humanoid_products()


# --- the corpus's humanoids against the list ----------------------------------------------------------------------

def test_report_makers_in_the_list():
    # robots.csv makers: 波士顿动力, 特斯拉, Figure / Figure AI (one registry id), 小米, 傅利叶智能, 宇树科技, 达闼,
    # 优必选, 智元机器人, 星动纪元 = 10; robots.json has no product by 达闼 (CloudMinds) or 星动纪元 (Robotera)
    report = robotics.report_humanoids().set_index("maker")
    assert len(report) == 10
    assert set(report.index[~report["in_list"]]) == {"达闼", "星动纪元"}
    assert report.loc["智元机器人", "listed_products"] == 10 and report.loc["Figure / Figure AI", "listed_products"] == 2
    assert report["report_prices"].sum() == 0  # robots.csv: price_value is blank in all 19 rows ("No price in table")


def test_report_products_matched_through_the_mapping_file():
    # data/mappings/report_humanoids.yml: 5 of the 11 distinct products (Figure 01 = Figure01) have a list id
    matched = robotics.report_products_matched()
    assert len(matched) == 11
    assert set(matched.loc[matched["product_id"].notna(), "product"]) == {
        "电动版 Atlas", "CyberOne", "GR-1", "G1/G1 EDU", "Walker S"}


def test_a_report_product_without_a_mapping_names_the_file(mappings_copy):
    mappings_copy("report_humanoids", "XR4:")
    with pytest.raises(MappingError, match=r"report_humanoids\.yml.*'XR4'"):
        robotics.report_humanoids()


def test_no_supply_chain_company_makes_a_listed_humanoid():
    # robot_supply_chain.csv names component makers (埃斯顿, 昊志机电, 绿的谐波, 英伟达 …); none of them is a brand of
    # a humanoid record in robots.json (the brand list above): the two lines of evidence do not meet here
    assert robotics.supply_chain_makers_in_list().empty


# --- humanoid specs ---------------------------------------------------------------------------------------------

def test_spec_table_rows_are_robot_001_to_008():
    # data/curated/robots.csv: the 8 rows with report_table 4.7.3 (the 各家人形机器人对比 table, 电动版 Atlas from
    # its parenthesis); robot_017 to robot_019 come from the 4.1.5 deal tables and are not spec rows.
    assert robotics.spec_table_robots()["robot_id"].tolist() == [f"robot_{i:03d}" for i in range(1, 9)]


def test_every_spec_cell_is_kept_and_plotted_values_match_the_table():
    specs = robotics.humanoid_specs()
    assert len(specs) == 8 * 3
    robots = {row["robot_id"]: row for row in raw_rows("robots")}
    columns = {"height": "height_m", "weight": "weight_kg", "dof": "dof"}
    for row in specs.itertuples():
        cell = robots[row.robot_id][columns[row.spec_key]]
        if cell:
            assert row.plotted and math.isclose(row.value, float(cell))
        else:
            assert not row.plotted and pd.isna(row.value)
    assert set(specs["spec"]) == {"身高（米）", "体重（千克）", "自由度（个）"}  # labels.yml, block robot_spec


def test_joint_counts_and_ranges_are_never_plotted_as_dof():
    specs = robotics.humanoid_specs()
    dof = specs[specs["spec_key"] == "dof"].set_index("robot_id")
    for robot_id in ("robot_001", "robot_008"):      # 28 个关节, 60+智能柔性关节
        assert not dof.loc[robot_id, "plotted"] and dof.loc[robot_id, "status"].startswith("关节数")
    assert not dof.loc["robot_007", "plotted"] and dof.loc["robot_007", "status"].startswith("区间")
    for row in dof[dof["plotted"]].itertuples():
        assert "自由度" in row.as_written and "关节" not in row.as_written


def test_lower_bound_weight_is_marked():
    specs = robotics.humanoid_specs()
    g1 = specs[(specs["robot_id"] == "robot_007") & (specs["spec_key"] == "weight")].iloc[0]
    assert g1["as_written"] == "35kg+" and g1["status"].startswith("下限") and g1["value"] == 35


def test_prose_claims_on_dof():
    """Three robots state one DoF number; Optimus Gen2 has the most (42), CyberOne the fewest (21)."""
    # robots.csv, spec rows: dof filled for robot_003 (42), robot_005 (21) and robot_006; height_m for 6 of the 8,
    # weight_kg for 7 (electric Atlas has neither).
    coverage = robotics.spec_coverage().set_index("spec")
    assert coverage.loc["自由度（个）", "plotted"] == 3 and coverage.loc["身高（米）", "plotted"] == 6
    assert coverage.loc["体重（千克）", "plotted"] == 7
    dof = robotics.humanoid_specs().query("spec_key == 'dof' and plotted").set_index("product")["value"]
    assert dof.idxmax() == "Optimus Gen2" and dof.max() == 42 and dof.idxmin() == "CyberOne" and dof.min() == 21


def test_tesla_line_passes_no_notes():
    tesla = robotics.tesla_line()
    # robots.csv: company_id tesla with a year: robot_009 (2021), 010 (2022), 011 and 012 (2023), 013 (2025)
    assert tesla["robot_id"].tolist() == ["robot_009", "robot_010", "robot_011", "robot_012", "robot_013"]
    assert "notes" not in tesla.columns


# --- supply chain -----------------------------------------------------------------------------------------------

def test_supply_chain_join_keeps_every_row_and_resolves_every_company():
    # data/curated/robot_supply_chain.csv has 48 rows naming 42 companies
    chain = robotics.supply_chain()
    assert len(chain) == 48 and chain["row_id"].is_unique and chain["company_id"].nunique() == 42
    assert chain["company_name"].notna().all()
    assert len(robotics.supply_chain_table()) == 48


def test_companies_per_family_counted_by_hand():
    # robot_supply_chain.csv, components grouped as data/mappings/robot_components.yml says, distinct company_id per
    # family: 传感器 12 (六维力/力矩传感器 11 rows + 力矩传感器 1; 6 CN, and ATI US, SCHUNK DE, Robotiq CA, OnRobot DK,
    # Sintokogio and WACOH-TECH JP abroad), 丝杠 11, 电机 11, 减速器 7, 控制与算力 3, 驱动器与编码器 1.
    by_region = robotics.components_by_region()
    totals = by_region.drop_duplicates("group").set_index("group")["group_companies"].to_dict()
    assert totals == {"传感器": 12, "丝杠": 11, "电机": 11, "减速器": 7, "控制与算力": 3, "驱动器与编码器": 1}
    sensors = by_region[by_region["group"] == "传感器"].set_index("region")["n_companies"].to_dict()
    assert sensors == {"中国": 6, "国外": 6}


def test_listed_suppliers_are_the_five_zqrb_names():
    # robot_supply_chain.csv listed = yes, or companies.csv listed = yes: 埃斯顿, 科力尔, 拓维信息, 宇环数控, 中大力德
    listed = robotics.listed_suppliers()
    assert set(listed["company_id"]) == {"aisidun", "kelier", "tuowei_xinxi", "yuhuan_shukong", "zhongda_lide"}
    assert set(listed["doc_id"]) == {"zqrb_2023_07"}


def test_haozhi_is_named_for_five_components():
    # robot_supply_chain.csv: 昊志机电 is in 5 rows with 5 different components, 伟创电气 in 3; nobody else in two
    multi = robotics.multi_component_suppliers()
    assert multi[["company", "components"]].values.tolist() == [["昊志机电", 5], ["伟创电气", 3]]


# --- market size and growth -------------------------------------------------------------------------------------

def test_every_robot_related_level_row_is_charted():
    # market_metrics.csv, subjects about robots, embodied AI, reducers, screws, sensors or motors, rates left out:
    # 25 market_size rows (cn robot 2, embodied 2, torque motor 2, coreless 2, harmonic global 4 and China 4,
    # ball screw 2, roller screw 2, torque sensor 2, six-axis value 2 and robot-industry value 1) and 6 other rows
    # (industrial robot installations 2, six-axis volume 2 and robot-industry volume 2): 31 rows in 14 series.
    series = robotics.robot_market_series()
    assert len(series) == 31 and series["metric_id"].is_unique and series["series"].nunique() == 14
    assert not series["subject_zh"].str.contains("[A-Za-z]{4}", regex=True).any()
    assert (series["kind_zh"] == "未标明").sum() == 8  # the two harmonic-reducer series, 4 years each


def test_every_series_with_two_years_grows():
    multiples = robotics.market_multiples()
    growing = multiples[multiples["points"] >= 2]
    assert len(growing) == 13 and (growing["last_value"] > growing["first_value"]).all()
    top = growing.sort_values("multiple").iloc[-1]
    # mm-145 8360 套 (2022) → mm-153 84000 套 (2027): 84000 / 8360 = 10.05
    assert top["series"] == "中国六维力传感器销量（套）" and top["multiple"] == pytest.approx(10.05, abs=0.005)


def test_growth_checks_against_hand_computed_cagrs():
    checks = robotics.robot_growth_checks().set_index("metric_id")
    # (end/start)^(1/years) - 1 with the endpoints in market_metrics.csv:
    # mm-122 力矩电机 mm-120 6.12 (2022) → mm-121 8.99 (2028): (8.99/6.12)^(1/6) = 1.46895^0.16667 = 1.0662 → 6.62 %
    # mm-138 滚珠丝杠 mm-136 15.71 (2019) → mm-137 20.44 (2027): (20.44/15.71)^(1/8) = 1.30108^0.125 = 1.0334 → 3.34 %
    # mm-155 六维力销量 mm-145 8360 (2022) → mm-153 84000 (2027): (84000/8360)^(1/5) = 10.0478^0.2 = 1.5864 → 58.64 %
    # mm-006 智能机器人 mm-004 76 (2022) → mm-005 536 (2027): (536/76)^(1/5) = 7.05263^0.2 = 1.4780 → 47.80 %
    expected = {"mm-122": 6.62, "mm-138": 3.34, "mm-155": 58.64, "mm-006": 47.80}
    for metric_id, pct in expected.items():
        assert checks.loc[metric_id, "computed_pct"] == pytest.approx(pct, abs=0.01), metric_id
    # stated 8.01, 5.1 and 60 %: more than 1 pp off; stated 47.9 %: within
    assert not checks.loc[["mm-122", "mm-138", "mm-155"], "agrees"].any() and checks.loc["mm-006", "agrees"]


def test_mismatched_periods_use_the_sizes_stated_with_the_rate():
    metrics = {row["metric_id"]: row for row in raw_rows("market_metrics")}
    checks = robotics.robot_growth_checks()
    mismatched = checks[~checks["period_matches"]]
    assert set(mismatched["metric_id"]) == {"mm-125", "mm-130", "mm-135", "mm-143"}
    assert mismatched["basis"].str.startswith("期间不一致").all()
    for row in mismatched.itertuples():
        rate, base, end = metrics[row.metric_id], metrics[row.base_metric_id], metrics[row.end_metric_id]
        assert rate["metric"] == "cagr"
        assert base["doc_id"] == end["doc_id"] == rate["doc_id"]
        assert base["unit"] == end["unit"] and base["source_body"] == end["source_body"] == rate["source_body"]
        assert int(base["period_end"][:4]) < int(end["period_end"][:4])


def test_three_rates_disagree_as_the_prose_says():
    checks = robotics.robot_growth_checks()
    assert len(checks) == 10
    assert set(checks.loc[~checks["agrees"], "metric_id"]) == {"mm-122", "mm-138", "mm-155"}
    torque = checks.set_index("metric_id").loc["mm-122"]
    # ln(8.99/6.12) / ln(1.0801) = 0.38456 / 0.07705 = 4.99 years at the stated rate: "像是把 6 年少算了一年"
    assert torque["implied_years"] == pytest.approx(5.0, abs=0.05)
    assert torque["subject_zh"] == "全球力矩电机市场复合增长率"


def test_unchecked_rates_are_the_yoy_sensor_growths():
    unchecked = robotics.robot_rates_unchecked()
    # market_metrics.csv: mm-147, mm-148, mm-151, mm-152, the 2022 yoy growths of six-axis sensors
    assert set(unchecked["metric_id"]) == {"mm-147", "mm-148", "mm-151", "mm-152"}
    assert (unchecked["metric"] == "growth_rate").all() and unchecked["subject_zh"].str.contains("六维力").all()


# --- financing --------------------------------------------------------------------------------------------------

def test_robot_deals_counted_by_hand():
    # funding_deals.csv rows whose business contains 机器人 or 人形: 17 in the domestic table, fx-025 (Figure AI) in
    # the foreign one
    expected = {"cn-002", "cn-003", "cn-005", "cn-011", "cn-024", "cn-026", "cn-027", "cn-028", "cn-030", "cn-036",
                "cn-049", "cn-052", "cn-059", "cn-061", "cn-062", "cn-067", "cn-080", "fx-025"}
    deals = robotics.robot_deals()
    assert set(deals["deal_id"]) == expected
    counts = robotics.robot_deal_counts().set_index("table")
    assert counts.loc["domestic", "robot_deals"] == 17 and counts.loc["domestic", "all_deals"] == 80
    assert set(deals["table_zh"]) == {"国内", "国外"}  # labels.yml, block deal_table, as in chapter 5


def test_amounts_are_millions_of_their_own_currency():
    amounts = robotics.robot_deal_amounts().set_index("deal_id")
    # amount_text in funding_deals.csv: 超 10 亿人民币 = 1000, 3.69 亿人民币 = 369, 超 2 亿人民币 = 200,
    # 336.51 万人民币 = 3.3651 million yuan; 6.75 亿美元 = 675 million dollars
    assert amounts["amount_millions"].to_dict() == pytest.approx(
        {"cn-011": 1000, "cn-062": 369, "cn-080": 200, "cn-028": 3.3651, "fx-025": 675})
    assert amounts.loc["fx-025", "currency"] == "USD" and amounts.loc["fx-025", "currency_zh"] == "美元（百万）"


def test_totals_never_mix_currencies():
    totals = robotics.robot_deal_totals().set_index("currency")
    assert list(totals.index) == ["CNY", "USD"]
    assert totals.loc["CNY", "total_millions"] == pytest.approx(3.3651 + 369 + 1000 + 200)
    assert totals.loc["USD", "total_millions"] == 675
    assert totals.loc["CNY", "humanoid_millions"] == 1000  # 智元机器人 only


def test_undisclosed_and_numberless_deals():
    deals = robotics.robot_deals()
    assert (deals["amount_status"] == "undisclosed").sum() == 11
    numberless = deals[(deals["amount_status"] == "approximate") & deals["amount_millions"].isna()]
    assert set(numberless["amount_text"]) == {"超亿人民币", "近千万美元"}


def test_embodied_deals_outside_the_filter_do_not_mention_robots():
    embodied = robotics.embodied_deals_outside_filter()
    assert len(embodied) == 1 and not embodied["business"].str.contains("机器人|人形").any()


# --- the errors a reader found, pinned -----------------------------------------------------------------------------

def test_largest_deal_claim_rests_on_a_lower_bound_and_a_single_dollar_deal():
    """The old claim "人民币和美元的最大一笔都属于人形机器人公司": the yuan top is 超 10 亿 (a lower bound, and 星动纪元's
    超亿 has no number), and only one dollar deal has a number."""
    # robot deals with a number (funding_deals.csv): CNY cn-011 超 10 亿, cn-062 3.69 亿, cn-080 超 2 亿,
    # cn-028 336.51 万; USD fx-025 6.75 亿 only (汉阳科技's 近千万美元 has no number)
    largest = robotics.largest_robot_deals().set_index("currency")
    assert largest.loc["CNY", ["deals", "company", "lower_bound"]].tolist() == [4, "智元机器人", True]
    assert largest.loc["USD", ["deals", "company", "lower_bound"]].tolist() == [1, "Figure AI", False]
    text = CHAPTER.read_text(encoding="utf-8")
    assert "最大一笔都属于人形机器人公司" not in text
    assert "{glue:text}`usd_n` 笔" in text and "这是下限" in text


def test_forecast_segments_are_dashed_and_join_stated_years_only():
    # market_metrics.csv: 13 robot series with two or more years; the two harmonic-reducer series have 4 unmarked
    # years each (3 segments each = 6 未标明), the other 11 run from an actual or estimate to one forecast (11 预测)
    lines = robotics.robot_market_lines()
    per_segment = lines.groupby("segment_id")["segment"].first()
    assert per_segment.value_counts().to_dict() == {"预测": 11, "未标明": 6}
    series = robotics.robot_market_series()
    stated = set(zip(series["series"], series["year"], series["value"]))
    assert all((r.series, r.year, r.value) in stated for r in lines.itertuples())
    assert (lines.groupby("segment_id").size() == 2).all()
    forecast_years = set(zip(series.loc[series["kind_zh"] == "预测", "series"], series.loc[series["kind_zh"] == "预测", "year"]))
    ends = lines.groupby("segment_id").nth(1)
    for row in ends.itertuples():
        if (row.series, row.year) in forecast_years:
            assert row.segment == "预测"


def test_deals_table_shows_every_amount():
    # funding_deals.csv robot rows: 18, amount_text as written (未披露 for the 11 undisclosed)
    table = robotics.robot_deals_table()
    assert len(table) == 18 and table["amount_text"].notna().all()
    assert table.set_index("company").loc["Figure AI", "amount_text"] == "6.75 亿美元"
    assert (table["amount_text"] == "未披露").sum() == 11


def test_chapter_has_no_word_cloud_keywords_or_deal_timeline():
    text = CHAPTER.read_text(encoding="utf-8")
    for gone in ("wordcloud", "keyword", "dot_timeline", "robotics-deals-timeline", "robotics-deals-amounts"):
        assert gone not in text, gone
    assert not hasattr(robotics, "keywords_by_source")


def _prose(text: str) -> str:
    """The chapter without its front matter and code cells."""
    text = re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.S)
    return text.split("---", 2)[2]


def test_prose_names_no_code_column_or_table():
    prose = _prose(CHAPTER.read_text(encoding="utf-8"))
    bare = re.sub(r"\{(glue:text|ref|doc|term)\}`[^`]*`", "", prose)
    bare = re.sub(r"^```.*$", "", bare, flags=re.M)  # admonition fences
    assert "`" not in bare
    for name in ("market_metrics", "funding_deals", "robot_supply_chain", "companies 表", "cnai.", "robots.csv",
                 "humanoid_products", "data/"):
        assert name not in prose, name


def test_links_point_to_labels_that_exist():
    prose = _prose(CHAPTER.read_text(encoding="utf-8"))
    refs = re.findall(r"\{ref\}`[^`<]*<([^>]+)>`", prose)
    assert "commercialization-findings" in refs
    labels = set()
    for path in [*(paths.ROOT / "chapters").glob("*.md"), *(paths.ROOT / "appendix").glob("*.md")]:
        labels |= set(re.findall(r"^\(([^)]+)\)=$", path.read_text(encoding="utf-8"), flags=re.M))
    assert set(refs) <= labels
    docs = re.findall(r"\{doc\}`[^`<]*<([^>]+)>`", prose)
    assert docs and all((CHAPTER.parent / f"{d}.md").resolve().exists() for d in docs)


def test_charts_fit_a_phone():
    text = CHAPTER.read_text(encoding="utf-8")
    widths = [int(w) for w in re.findall(r"width=(\d+)", text)]
    assert all(w <= 340 for w in widths), widths
    assert text.count('width="container"') >= 6


def test_chart_frames_carry_no_curator_notes_and_chinese_labels():
    frames = {"products": robotics.humanoid_products(), "series": robotics.robot_market_series(),
              "checks": robotics.robot_growth_checks(), "chain": robotics.components_by_region(),
              "deals": robotics.robot_deals_table(), "report": robotics.report_humanoids(),
              "lines": robotics.robot_market_lines()}
    for name, frame in frames.items():
        assert "notes" not in frame.columns, name
    for frame, column in ((frames["products"], "country_name"), (frames["products"], "country_group"),
                          (frames["lines"], "segment"), (frames["checks"], "verdict"), (frames["chain"], "region"),
                          (frames["chain"], "group"), (frames["report"], "in_list_zh")):
        assert not frame[column].str.contains("[A-Za-z]").any(), column


# --- the mapping files fail on what they lack -------------------------------------------------------------------

def test_a_component_without_a_family_names_the_file_and_the_component(mappings_copy):
    mappings_copy("robot_components", "编码器:")
    with pytest.raises(MappingError, match=r"robot_components\.yml.*'编码器'"):
        robotics.supply_chain()


def test_a_robot_subject_without_a_name_names_the_file_and_the_subject(mappings_copy):
    mappings_copy("market_subjects", "Global industrial robot installations:")
    with pytest.raises(MappingError, match=r"market_subjects\.yml.*'Global industrial robot installations'"):
        robotics.robot_market_series()


def test_a_rate_subject_without_a_name_stops_the_growth_checks(mappings_copy):
    mappings_copy("market_subjects", "Global torque motor market CAGR:")
    with pytest.raises(MappingError, match=r"market_subjects\.yml.*'Global torque motor market CAGR'"):
        robotics.robot_growth_checks()


def test_a_maker_country_without_a_colour_group_stops_with_the_file_to_edit(mappings_copy):
    from cnai.errors import MappingError

    mappings_copy("labels", "  HK: 其他国家和地区")
    with pytest.raises(MappingError, match=r"missing from .*labels\.yml under 'maker_country_group': 'HK'; add them there"):
        robotics.humanoid_products()
