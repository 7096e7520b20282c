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
from cnai.facts.provenance import load_curated, number_in_quote, paragraph_keys


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
    tables = load_curated(paths.CURATED, paragraph_keys(load("paragraphs")))
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
    ("model_counts", "value", "81", r"model_counts.csv:line 2: column value: value 81 does not occur in the quote"),
    ("policy_targets", "policy_id", "p-999", r"policy_targets.csv:line 2: column policy_id: 'p-999' is not a policy_id"),
    ("robots", "doc_id", "no_such_doc", r"robots.csv:line 2: column doc_id: unknown document 'no_such_doc'"),
])
def test_bad_rows_are_errors_naming_file_line_and_column(curated_copy, table, column, value, message):
    """Unparseable date, unknown category, missing quote, quote not in the corpus, value not in its quote,
    dangling key, unknown document: each stops loading with file, line, column and reason."""
    edit(curated_copy, table, 0, column, value)
    with pytest.raises(FactError, match=message):
        load_curated(curated_copy, keys=paragraph_keys(load("paragraphs")))


def test_curated_file_not_in_utf8_is_an_error(curated_copy):
    path = curated_copy / "policies.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(FactError, match=r"policies.csv: not UTF-8"):
        load_curated(curated_copy, keys=paragraph_keys(load("paragraphs")))


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
    assert (deals["table"] == "domestic").sum() == 80
    assert (deals["table"] == "foreign").sum() == 59
    disclosed = deals[deals["amount_value"].notna()]
    assert (disclosed["currency"] == disclosed["currency_from_unit"]).all()
    quilt = deals[deals["company"] == "Quilt AI"].iloc[0]
    assert quilt["amount_text"].replace(" ", "") == "250万美元" and math.isclose(quilt["amount_millions"], 2.5)
    undisclosed = deals[deals["amount_status"] == "undisclosed"]
    assert undisclosed["amount_millions"].isna().all()


def test_stated_growth_rates_are_recomputed_from_their_endpoints():
    checks = load("growth_checks")
    assert len(checks) >= 3
    cnr = checks[checks["quote"].str.contains("116.02")]
    assert len(cnr) == 1 and math.isclose(cnr.iloc[0]["computed_pct"], 116.02, abs_tol=0.05)
    for row in checks.itertuples():
        expected = ((row.end_value / row.base_value) ** (1 / row.years) - 1) * 100 if row.metric == "cagr" \
            else (row.end_value / row.base_value - 1) * 100
        assert math.isclose(row.computed_pct, round(expected, 2), abs_tol=0.01)


def test_stated_per_minute_rates_are_recomputed():
    checks = load("rate_checks")
    ernie = checks[checks["rate_id"] == "r-001"].iloc[0]
    assert math.isclose(ernie["computed"], 3342 / 1440, abs_tol=1e-4)  # 3342万 questions in 24 h → 万 per minute
    assert ernie["agrees"]
