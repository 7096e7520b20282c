"""Curated fact tables: every row traceable to a quote, every bad row a clear error, derived numbers computed."""
import math
import shutil

import pandas as pd
import pytest

from cnai import paths
from cnai.facts import derived
from cnai.facts.schemas import CURATED
from cnai.data import load
from cnai.errors import FactError
from cnai.facts.provenance import document_dates, load_curated, number_in_quote, paragraph_keys


@pytest.fixture
def curated_copy(tmp_path):
    shutil.copytree(paths.CURATED, tmp_path / "curated")
    return tmp_path / "curated"


def edit(directory, table, row, column, value):
    path = directory / f"{table}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[row, column] = value
    frame.to_csv(path, index=False)
    return path


def test_every_curated_table_loads_with_all_its_rows():
    tables = load_curated(paths.CURATED, paragraph_keys(load("paragraphs")), document_dates(load("documents")))
    for name, frame in tables.items():
        assert len(frame) == len(pd.read_csv(paths.CURATED / f"{name}.csv", dtype=str)), name
        assert len(frame) > 0, name


def test_load_returns_curated_tables_through_the_one_loader():
    models = load("models")
    assert {"文心一言", "通义千问", "混元", "盘古大模型", "Kimi"} <= set(models["model"])


@pytest.mark.parametrize("value, quote, expected", [
    (3342, "文心一言共计回复网友超 3342 万个问题", True),
    (3342, "共计33420000个问题", False),
    (7510, "全球 GDP 已从 18 世纪的 7,510 亿美元", True),
    (2.3, "平均 1 分钟回复 2.3 万余个问题", True),
    (200, "两千亿稠密参数", False),
    (2000, "两千亿稠密参数", True),
    (100, "国内已有上百个大模型", True),
    (80, "已有 800 个", False),
    (52, "份额达 52.04%", False),  # part of a larger number
    (52.04, "份额达 52.04%", True),
    (10, "幾十家企業", False),  # 十 of a vague 幾十 is not ten
    (3, "三星电子", False),  # 三 of a name is not three
    (3, "三家公司", True),
])
def test_numbers_are_found_in_any_written_form(value, quote, expected):
    assert number_in_quote(value, quote) is expected


@pytest.mark.parametrize("table, column, value, message", [
    ("models", "release_date", "2023-13-40", r"models.csv:line 2: column release_date: '2023-13-40' is not a date"),
    ("models", "release_date", "July 2023", r"models.csv:line 2: column release_date: str_matches"),
    ("policies", "date", "2203-01-01", r"policies.csv:line 2: column date: '2203-01-01' is outside 1950–2035"),
    ("policies", "level", "city", r"policies.csv:line 2: column level: isin"),
    ("model_counts", "quote", "", r"model_counts.csv:line 2: column quote: not_nullable"),
    ("funding_deals", "amount_status", "secret", r"funding_deals.csv:line 2: column amount_status: isin"),
    ("model_counts", "quote", "全国已有 800 余个大模型公开发布",
     r"model_counts.csv:line 2: column quote: not found in one cleaned paragraph"),
    ("model_counts", "value", "81", r"model_counts.csv:line 2: column value: 81.0 but the quote says '80'"),
    ("policy_targets", "policy_id", "p-999", r"policy_targets.csv:line 2: column policy_id: 'p-999' is not a policy_id"),
    ("robots", "doc_id", "no_such_doc", r"robots.csv:line 2: column doc_id: unknown document 'no_such_doc'"),
])
def test_bad_rows_are_errors_naming_file_line_and_column(curated_copy, table, column, value, message):
    """Unparseable date, unknown category, missing quote, quote not in the corpus, value not in its quote,
    dangling key, unknown document: each stops loading with file, line, column and reason."""
    edit(curated_copy, table, 0, column, value)
    with pytest.raises(FactError, match=message):
        load_curated(curated_copy, paragraph_keys(load("paragraphs")), document_dates(load("documents")))


def test_curated_file_not_in_utf8_is_an_error(curated_copy):
    path = curated_copy / "policies.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(FactError, match=r"policies.csv: not UTF-8"):
        load_curated(curated_copy, paragraph_keys(load("paragraphs")), document_dates(load("documents")))


def test_every_table_has_a_schema_and_a_csv():
    assert {p.stem for p in paths.CURATED.glob("*.csv")} == set(CURATED)


def test_parameters_are_computed_from_their_written_form():
    assert derived.params_in_billions("1750 亿") == [175.0]
    assert derived.params_in_billions("两千亿稠密参数") == [200.0]
    assert derived.params_in_billions("1.2 万亿参数") == [1200.0]
    assert derived.params_in_billions("70B（700 亿参数）") == [70.0]
    assert derived.params_in_billions("10/38/71/100") == [10.0, 38.0, 71.0, 100.0]
    assert derived.params_mismatches(load("models")).empty


def test_funding_amounts_are_converted_by_code():
    deals = load("funding_amounts")
    # csv module over data/curated/funding_deals.csv, column table: 80 domestic, 59 foreign, 1 other
    # (as data/NOTES.md says: "80 domestic, 59 foreign, 1 narrative")
    assert (deals["table"] == "domestic").sum() == 80
    assert (deals["table"] == "foreign").sum() == 59
    disclosed = deals[deals["amount_value"].notna()]
    assert (disclosed["currency"] == disclosed["currency_from_unit"]).all()
    quilt = deals[deals["company"] == "Quilt AI"].iloc[0]  # fx-001: "250 万美元" → 2.5 million USD
    assert quilt["amount_text"].replace(" ", "") == "250万美元" and math.isclose(quilt["amount_millions"], 2.5)
    undisclosed = deals[deals["amount_status"] == "undisclosed"]
    assert undisclosed["amount_millions"].isna().all()


@pytest.mark.parametrize("metric_id, computed, agrees", [
    # mm-021 (cnr_2024): 15 亿元 in 2020 (mm-019) to 70 亿元 in 2022 (mm-020), 2 years:
    # (70 / 15) ** (1/2) = 4.6667 ** 0.5 = 2.16025 → 116.02 %, as stated (116.02)
    ("mm-021", 116.02, True),
    # mm-006 (zqrb): 76 亿元 in 2022 (mm-004) to 536 亿元 in 2027 (mm-005), 5 years:
    # (536 / 76) ** (1/5) = 7.0526 ** 0.2 = 1.47799 → 47.80 %, stated 47.9: 0.10 pp apart, agrees
    ("mm-006", 47.80, True),
    # mm-081 (hti): 60 亿美元 in 2018 (mm-079) to 900 亿美元 in 2025 (mm-080), 7 years:
    # 15 ** (1/7) = exp(2.70805 / 7) = exp(0.38686) = 1.47236 → 47.24 %, stated 45: 2.24 pp apart, disagrees
    ("mm-081", 47.24, False),
    # mm-138 (hti): 15.71 亿美元 in 2019 (mm-136) to 20.44 亿美元 in 2027 (mm-137), 8 years:
    # (20.44 / 15.71) ** (1/8) = 1.30108 ** 0.125 = 1.03345 → 3.34 %, stated 5.1: 1.76 pp apart, disagrees
    ("mm-138", 3.34, False),
])
def test_stated_growth_rates_are_recomputed_from_their_endpoints(metric_id, computed, agrees):
    checks = load("growth_checks").set_index("metric_id")
    assert checks.loc[metric_id, "computed_pct"] == pytest.approx(computed, abs=0.005)
    assert bool(checks.loc[metric_id, "agrees"]) is agrees


def test_every_rate_with_both_endpoints_is_checked():
    # csv module over data/curated/market_metrics.csv: 13 rows have both base_metric_id and end_metric_id
    # (mm-006, mm-021, mm-081, mm-102, mm-122, mm-125, mm-130, mm-135, mm-138, mm-141, mm-143, mm-155, mm-156)
    checks = load("growth_checks")
    assert sorted(checks["metric_id"]) == ["mm-006", "mm-021", "mm-081", "mm-102", "mm-122", "mm-125", "mm-130",
                                           "mm-135", "mm-138", "mm-141", "mm-143", "mm-155", "mm-156"]


def test_a_one_period_growth_rate_is_end_over_start():
    """No linked growth_rate row in the corpus yet: a hand-made one over two years, 80 → 100 is +25 % (not
    annualised: a CAGR would be 1.25 ** 0.5 - 1 = 11.8 %), stated 20, so 5 pp off."""
    metrics = pd.DataFrame({
        "metric_id": ["x-1", "x-2", "x-3"], "subject": ["s", "s", "s growth"],
        "metric": ["market_size", "market_size", "growth_rate"], "period_start": [None, None, "2022"],
        "period_end": ["2022", "2024", "2024"], "value": [80.0, 100.0, 20.0], "unit": ["亿元", "亿元", "%"],
        "base_metric_id": [None, None, "x-1"], "end_metric_id": [None, None, "x-2"], "doc_id": ["d"] * 3,
        "quote": ["q"] * 3})
    check = derived.growth_checks(metrics).iloc[0]
    assert (check["computed_pct"], check["difference_pp"], check["agrees"]) == (25.0, 5.0, False)
    assert check["period_matches"]


def test_stated_per_minute_rates_are_recomputed():
    checks = load("rate_checks")
    ernie = checks[checks["rate_id"] == "r-001"].iloc[0]
    assert math.isclose(ernie["computed"], 3342 / 1440, abs_tol=1e-4)  # 3342万 questions in 24 h → 万 per minute
    assert ernie["agrees"]
