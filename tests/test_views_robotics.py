"""Tests of the robotics chapter's views: recomputed independently from the curated tables."""
import csv
import math

import pandas as pd
import pytest

from cnai import paths
from cnai.data import load

from cnai.views import robotics


def raw_rows(name: str) -> list[dict]:
    with open(paths.ROOT / "data" / "curated" / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- humanoid specs ---------------------------------------------------------------------------------------------

def test_spec_table_rows_are_robot_001_to_008():
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
    stated = [(float(r["dof"]), r["product"]) for r in raw_rows("robots") if r["dof"]]
    assert len(stated) == 3
    assert max(stated) == (42.0, "Optimus Gen2") and min(stated) == (21.0, "CyberOne")
    coverage = robotics.spec_coverage().set_index("spec")
    assert coverage.loc["自由度（个）", "plotted"] == 3 and coverage.loc["身高（米）", "plotted"] == 6
    assert coverage.loc["体重（千克）", "plotted"] == 7


# --- supply chain -----------------------------------------------------------------------------------------------

def test_supply_chain_join_keeps_every_row_and_resolves_every_company():
    chain = robotics.supply_chain()
    raw = raw_rows("robot_supply_chain")
    assert len(chain) == len(raw) and sorted(chain["row_id"]) == sorted(r["row_id"] for r in raw)
    assert chain["company_name"].notna().all()
    assert (chain["group"] != "其他").all(), "every component needs a family in COMPONENT_GROUPS"
    assert len(robotics.supply_chain_table()) == len(raw)


def test_companies_per_group_and_region_recount():
    raw = raw_rows("robot_supply_chain")
    countries = {r["company_id"]: r["country"] for r in raw_rows("companies")}
    expected = {}
    for row in raw:
        country = countries[row["company_id"]]
        region = "文中未注明" if not country else ("中国" if country == "CN" else "海外")
        expected.setdefault((robotics.COMPONENT_GROUPS[row["component"]], region), set()).add(row["company_id"])
    got = robotics.components_by_region().set_index(["group", "region"])["companies"].to_dict()
    assert got == {key: len(ids) for key, ids in expected.items()}


def test_sensors_name_the_most_companies():
    by_region = robotics.components_by_region()
    totals = by_region.drop_duplicates("group").set_index("group")["group_companies"]
    assert totals.idxmax() == "传感器" and totals.max() == 12


def test_listed_suppliers_are_exactly_those_a_text_calls_listed_and_all_from_zqrb():
    listed_companies = {r["company_id"] for r in raw_rows("companies") if r["listed"] == "yes"}
    expected = {r["company_id"] for r in raw_rows("robot_supply_chain")
                if r["listed"] == "yes" or r["company_id"] in listed_companies}
    listed = robotics.listed_suppliers()
    assert set(listed["company_id"]) == expected and len(listed) == 5
    assert set(listed["doc_id"]) == {"zqrb_2023_07"}


def test_haozhi_is_named_for_five_components():
    counts = {}
    for row in raw_rows("robot_supply_chain"):
        counts.setdefault(row["company"], set()).add(row["component"])
    multi = robotics.multi_component_suppliers()
    assert multi.iloc[0]["company"] == "昊志机电" and multi.iloc[0]["components"] == len(counts["昊志机电"]) == 5
    assert len(multi) == sum(len(c) > 1 for c in counts.values())


# --- market size and growth -------------------------------------------------------------------------------------

def test_market_series_values_come_from_market_metrics_and_rates_are_excluded():
    series = robotics.robot_market_series()
    metrics = load("market_metrics").set_index("metric_id")
    assert not metrics.loc[series["metric_id"], "metric"].isin(["cagr", "growth_rate"]).any()
    assert (metrics.loc[series["metric_id"], "value"].to_numpy() == series["value"].to_numpy()).all()
    assert not series["subject_zh"].str.contains("[A-Za-z]{4}", regex=True).any(), "every subject needs a Chinese name"


def test_every_robot_related_level_row_is_charted():
    selected = [r["metric_id"] for r in raw_rows("market_metrics")
                if r["metric"] not in ("cagr", "growth_rate")
                and any(w in r["subject"].lower() for w in ("robot", "embodied", "reducer", "screw", "sensor", "motor"))]
    assert sorted(robotics.robot_market_series()["metric_id"]) == sorted(selected)


def test_every_series_with_two_years_grows():
    multiples = robotics.market_multiples()
    growing = multiples[multiples["points"] >= 2]
    assert len(growing) == 13 and (growing["last_value"] > growing["first_value"]).all()
    top = growing.sort_values("multiple").iloc[-1]
    assert top["series"] == "中国六维力传感器销量（套）" and round(84000 / 8360) == round(top["multiple"]) == 10


def cagr(start: float, end: float, years: float) -> float:
    return ((end / start) ** (1 / years) - 1) * 100


def test_growth_checks_recompute_independently():
    checks = robotics.robot_growth_checks()
    for row in checks.itertuples():
        years = int(str(row.end_period)[:4]) - int(str(row.base_period)[:4])
        assert row.computed_pct == pytest.approx(cagr(row.base_value, row.end_value, years), abs=0.01)
        assert row.agrees == (abs(row.computed_pct - row.stated_pct) <= 1.0)


def test_checks_are_growth_checks_rows():
    checks = robotics.robot_growth_checks().set_index("metric_id")
    reference = load("growth_checks").set_index("metric_id").loc[checks.index]
    assert (checks["computed_pct"] == reference["computed_pct"]).all()
    assert (checks["basis"].str.startswith("期间不一致") == ~reference["period_matches"]).all()


def test_mismatched_periods_use_the_sizes_stated_with_the_rate():
    metrics = load("market_metrics").set_index("metric_id")
    checks = robotics.robot_growth_checks()
    mismatched = checks[~checks["period_matches"]]
    assert set(mismatched["metric_id"]) == {"mm-125", "mm-130", "mm-135", "mm-143"}
    for row in mismatched.itertuples():
        rate, base, end = metrics.loc[row.metric_id], metrics.loc[row.base_metric_id], metrics.loc[row.end_metric_id]
        assert rate["metric"] == "cagr"
        assert base["doc_id"] == end["doc_id"] == rate["doc_id"]
        assert base["unit"] == end["unit"] and base["source_body"] == end["source_body"] == rate["source_body"]
        assert int(base["period_end"][:4]) < int(end["period_end"][:4])


def test_three_rates_disagree_as_the_prose_says():
    checks = robotics.robot_growth_checks()
    assert len(checks) == 10
    assert set(checks.loc[~checks["agrees"], "metric_id"]) == {"mm-122", "mm-138", "mm-155"}
    torque = checks.set_index("metric_id").loc["mm-122"]
    assert torque["implied_years"] == pytest.approx(5.0, abs=0.05)     # "像是把 6 年少算了一年"


def test_unchecked_rates_are_the_yoy_sensor_growths():
    unchecked = robotics.robot_rates_unchecked()
    assert len(unchecked) == 4
    assert (unchecked["metric"] == "growth_rate").all() and unchecked["subject_zh"].str.contains("六维力").all()


# --- financing --------------------------------------------------------------------------------------------------

def test_robot_deals_recount_from_the_csv():
    expected = {r["deal_id"] for r in raw_rows("funding_deals") if "机器人" in r["business"] or "人形" in r["business"]}
    deals = robotics.robot_deals()
    assert set(deals["deal_id"]) == expected and len(deals) == 18
    counts = robotics.robot_deal_counts().set_index("table")
    assert counts.loc["domestic", "robot_deals"] == 17 and counts.loc["domestic", "all_deals"] == 80


def test_amounts_are_millions_of_their_own_currency():
    factor = {"万": 0.01, "亿": 100.0}
    for row in robotics.robot_deal_amounts().itertuples():
        raw = next(r for r in raw_rows("funding_deals") if r["deal_id"] == row.deal_id)
        expected = float(raw["amount_value"]) * factor[raw["amount_unit"][0]]
        assert row.amount_millions == pytest.approx(expected)
        assert row.currency == ("USD" if raw["amount_unit"].endswith("美元") else "CNY")


def test_totals_never_mix_currencies():
    totals = robotics.robot_deal_totals().set_index("currency")
    amounts = robotics.robot_deal_amounts()
    assert list(totals.index) == sorted(amounts["currency"].unique())
    for currency, group in amounts.groupby("currency"):
        assert totals.loc[currency, "total_millions"] == pytest.approx(group["amount_millions"].sum())
    assert totals.loc["CNY", "total_millions"] == pytest.approx(3.3651 + 369 + 1000 + 200)


def test_largest_deal_in_each_currency_is_a_humanoid_maker():
    amounts = robotics.robot_deal_amounts()
    for _, group in amounts.groupby("currency"):
        assert "人形" in group.sort_values("amount_millions").iloc[-1]["business"]


def test_undisclosed_and_numberless_deals():
    deals = robotics.robot_deals()
    assert (deals["amount_status"] == "undisclosed").sum() == 11
    numberless = deals[(deals["amount_status"] == "approximate") & deals["amount_millions"].isna()]
    assert set(numberless["amount_text"]) == {"超亿人民币", "近千万美元"}


def test_embodied_deals_outside_the_filter_do_not_mention_robots():
    embodied = robotics.embodied_deals_outside_filter()
    assert len(embodied) == 1 and not embodied["business"].str.contains("机器人|人形").any()


# --- tables and keywords ------------------------------------------------------------------------------------------

def test_robots_table_keeps_every_row():
    assert len(robotics.robots_table()) == len(raw_rows("robots"))


def test_keyword_sources_split_by_paragraph_count():
    kept, dropped = robotics.keywords_by_source(), robotics.keyword_sources_dropped()
    assert set(kept["doc_id"]) == {"zqrb_2023_07", "hti_report_2024_06"}
    assert set(dropped["doc_id"]) == {"cnr_2024", "breakthing_2023_07"} and (dropped["paragraphs"] < 5).all()
