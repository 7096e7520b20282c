"""Value anchors: every value read from a quote is what its span's words say, and every failure names file, line,
column, the value and what the quote says instead.

Expected values below were read by hand off data/curated/*.csv (the line numbers count the header as line 1) and
off the quotes themselves.
"""
import csv
import io
import shutil

import pytest

from cnai import paths
from cnai.data import load
from cnai.errors import FactError
from cnai.facts import spans
from cnai.facts.provenance import company_names, document_dates, load_table, paragraph_keys, read_csv


@pytest.fixture(scope="module")
def evidence():
    companies = company_names(read_csv(paths.CURATED / "companies.csv"))
    return paragraph_keys(load("paragraphs")), document_dates(load("documents")), companies


def changed(tmp_path, table, line, column, value):
    """A copy of data/curated with one cell of `table` changed (csv module: quoting and line endings kept)."""
    directory = tmp_path / "curated"
    shutil.copytree(paths.CURATED, directory)
    path = directory / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[line - 1][rows[0].index(column)] = value
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return directory


@pytest.mark.parametrize("table, line, column, value, message", [
    # c-001 (line 2): quote 现在全国已有80余个; value_text 80
    ("model_counts", 2, "value", "81", r"column value: 81.0 but the quote says '80' \(number 80.0\)"),
    # c-005 (line 6): 至少 130 家; 13 is part of 130, not a number of the quote
    ("model_counts", 6, "value_text", "13", r"column value_text: '13' does not occur as whole words in the quote"),
    # c-001: 余 means more than
    ("model_counts", 2, "qualifier", "exact", r"column qualifier: 'exact' but the quote says '余' \(qualifier 'more_than'\)"),
    ("model_counts", 2, "qualifier_text", "", r"column qualifier: 'more_than' but its words, column qualifier_text, are blank"),
    ("model_counts", 2, "qualifier_text", "已有", r"column qualifier_text: '已有' is not a qualifier in .*anchor_words.yml"),
    # c-016 (line 17): 2022 年 11 月
    ("model_counts", 17, "as_of_date", "2023-11", r"column as_of_date: '2023-11' but the quote says '2022 年 11 月'"),
    ("model_counts", 17, "date_precision", "day", r"column date_precision: 'day' but the quote says '2022 年 11 月' \(precision 'month'\)"),
    # c-005: no date in the quote; taken from feature_2023's date in data/raw/sources.yml, 2023-09-15
    ("model_counts", 6, "as_of_date", "2023-09-16", r"column as_of_date: '2023-09-16' but date_derived_from = document_date, and the document's date is '2023-09-15'"),
    ("model_counts", 6, "date_precision", "month", r"column date_precision: 'month' but a date from the document's date is day or not_before"),
    # c-002 (line 3): 截至7月3日 has no year; the row must say it takes the document's
    ("model_counts", 3, "date_derived_from", "", r"column date_text: '7月3日' has no year; date_derived_from must say where it comes from"),
    # c-018 (line 19): the year 2023 is in the context passage, which must be in the document
    ("model_counts", 19, "context_quote", "2023 华为开发者大会发布面向全球的盘古", r"column context_quote: .* is not in one cleaned paragraph of hti_report_2024_06"),
    # cn-011 (line 11; the report has no row 7): 超 10 亿人民币, 2024.3.13
    ("funding_deals", 11, "amount_unit", "万人民币", r"column amount_unit: '万人民币' but the quote says '超 10 亿人民币' \(unit '亿人民币'\)"),
    ("funding_deals", 11, "currency", "USD", r"column currency: 'USD' but the quote says '超 10 亿人民币' \(currency 'CNY'\)"),
    ("funding_deals", 11, "amount_status", "disclosed", r"column amount_status: 'disclosed' but the quote says '超 10 亿人民币' \(status 'approximate'\)"),
    ("funding_deals", 11, "date", "2023-03-13", r"column date: '2023-03-13' but the quote says '2024.3.13'"),
    ("funding_deals", 11, "report_no", "12", r"column report_no: 12.0 but the quote says '11'"),
    # cn-001 (line 2): 交泰智能's row does not name 中科慧灵
    ("funding_deals", 2, "company", "中科慧灵", r"column company: '中科慧灵' occurs in the quote neither as written nor as an alias"),
    # mm-004 (line 5): 2022年 … 76亿元
    ("market_metrics", 5, "value", "536", r"column value: 536.0 but the quote says '76亿元'"),
    ("market_metrics", 5, "unit", "万元", r"column unit: '万元' but the quote says '76亿元' \(unit '亿元'\)"),
    ("market_metrics", 5, "period_start", "2021", r"column period_start: '2021' but the quote says '2022年'"),
    ("market_metrics", 5, "period_text", "", r"column period_start: '2022' but its words, column period_text, are blank"),
    # chip_001 (line 2): 采用 7nm 制程
    ("chips", 2, "spec_value", "8", r"column spec_value: 8.0 but the quote says '7nm' \(number 7.0\)"),
    ("chips", 2, "spec_unit", "μm", r"column spec_unit: 'μm' but the quote says '7nm' \(unit 'nm'\)"),
    # chip_015 (line 16): 其功率仅增加约 3 倍
    ("chips", 16, "spec_qualifier", "exact", r"column spec_qualifier: 'exact' but the quote says '约' \(qualifier 'approx'\)"),
    # chip_005 (line 6) states no value, so it can have no qualifier
    ("chips", 6, "spec_qualifier", "exact", r"column spec_qualifier: 'exact' but spec_value is blank, so it must be blank too"),
    # chip_011 (line 12): 将在 2024 年底 (December) 面向用户推出
    ("chips", 12, "date", "2024", r"column date: '2024' but the quote says '2024 年底' \(date '2024-12'\)"),
    # chip_022 (line 23): vendor and year from the context passage GTC2024，英伟达发布…
    ("chips", 23, "vendor", "AMD", r"column vendor: 'AMD' occurs in the quote or the context_quote neither as written nor as an alias"),
    ("chips", 23, "vendor_derived_from", "", r"column vendor: '英伟达' occurs in the quote neither as written nor as an alias"),
    ("chips", 23, "date", "2023", r"column date: '2023' but the context_quote says '2024'"),
    # inv_006 (line 7): 高达 7 万亿美元 (as much as)
    ("chip_investments", 7, "unit", "亿美元", r"column unit: '亿美元' but the quote says '7 万亿美元' \(unit '万亿美元'\)"),
    ("chip_investments", 7, "qualifier", "exact", r"column qualifier: 'exact' but the quote says '高达' \(qualifier 'up_to'\)"),
    # robot_001 (line 2): 1.5 米  89kg … 28 个关节 (joints, so no degrees of freedom)
    ("robots", 2, "height_m", "1.6", r"column height_m: 1.6 but the quote says '1.5 米' \(number 1.5\)"),
    ("robots", 2, "weight_kg", "98", r"column weight_kg: 98.0 but the quote says '89kg' \(number 89.0\)"),
    ("robots", 2, "dof", "28", r"column dof: 28.0 but the quote says '28 个关节' \(number None\)"),
    # robot_003 (line 4): 42 个自由度
    ("robots", 4, "dof", "24", r"column dof: 24.0 but the quote says '42 个自由度' \(number 42.0\)"),
    # robot_010 (line 11): 2022 年 9月; the product 擎天柱 is named in the context passage
    ("robots", 11, "year", "2023", r"column year: 2023.0 but the quote says '2022 年 9月' \(number 2022.0\)"),
    ("robots", 11, "product", "Optimus", r"column product: 'Optimus' occurs in the quote or the context_quote neither as written nor as an alias"),
    ("robots", 11, "context_quote", "特斯拉公布了人形机器人“擎天柱”的构想", r"column context_quote: .* is not in one cleaned paragraph of hti_report_2024_06"),
    # rsc_002 (line 3): 宇环数控作为数控机床的主要供应商
    ("robot_supply_chain", 3, "company", "科力尔", r"column company: '科力尔' occurs in the quote neither as written nor as an alias"),
    # chain_002 (line 3): 半导体设备（例如ASML、Applied Materials、 Lam Research等）
    ("industry_chain", 3, "company", "Nikon", r"column company: 'Nikon' occurs in the quote neither as written nor as an alias"),
    # abridge (line 2): 26 Abridge 医疗对话 AI 研发商 …
    ("companies", 2, "name", "Abridged AI", r"column name: 'Abridged AI' occurs in the quote neither as written nor as an alias"),
])
def test_a_value_its_words_do_not_state_stops_loading(tmp_path, evidence, table, line, column, value, message):
    directory = changed(tmp_path, table, line, column, value)
    with pytest.raises(FactError, match=rf"{table}.csv:line {line}: {message}"):
        load_table(directory, table, *evidence)


@pytest.mark.parametrize("span, occurs", [
    ("52", False),  # part of 52.04
    ("52.04%", True),
    ("十", False),  # part of 幾十
    ("3", True),
])
def test_spans_occur_only_as_whole_words(span, occurs):
    assert spans.occurs_in(span, "份额 52.04%，幾十家，第 3 名") is occurs


@pytest.mark.parametrize("reader, span, stated", [
    # worked by hand: 亿 and 人民币 are the unit and its currency; 超 makes the amount approximate
    ("amount", "超 10 亿人民币", {"number": 10.0, "unit": "亿人民币", "currency": "CNY", "status": "approximate"}),
    ("amount", "1530 万美元", {"number": 1530.0, "unit": "万美元", "currency": "USD", "status": "disclosed"}),
    ("amount", "数千万人民币", {"number": None, "unit": None, "currency": "CNY", "status": "approximate"}),
    ("measure", "2.3万余个", {"number": 2.3, "unit": "万个", "qualifier": "more_than"}),
    ("measure", "一百三十家", {"number": 130.0, "unit": "家", "qualifier": None}),
    ("date", "2024.3.20", {"date": "2024-03-20", "precision": "day"}),
    ("date", "2022 年 11 月", {"date": "2022-11", "precision": "month"}),
    ("date", "21年底", {"date": "2021-12", "precision": "month"}),
    ("period", "2Q22", {"start": "2022-04", "end": "2022-06"}),  # second quarter: April to June
    ("period", "2024年前三季度", {"start": "2024-01", "end": "2024-09"}),
    ("period", "2022年-2027年", {"start": "2022", "end": "2027"}),
    ("qualifier", "至少", {"qualifier": "at_least"}),
    # the readers added for chips, chip_investments and robots, worked by hand
    ("measure", "256TOPS@INT8", {"number": 256.0, "unit": "TOPS@INT8"}),
    ("measure", "1040 亿个", {"number": 1040.0, "unit": "亿个"}),  # 亿 is part of the unit, as in 780亿元
    ("measure", "两倍", {"number": 2.0, "unit": "倍"}),
    ("measure", "2-3 万张", {"number": None, "low": 2.0, "high": 3.0, "unit": "万张"}),  # a range: no one number
    ("measure", "数百亿元", {"number": None, "unit": "亿元", "qualifier": "approx"}),
    ("metres", "1.68 米", {"number": 1.68}),
    ("metres", "168cm", {"number": 1.68}),  # 168 centimetres
    ("kilograms", "35kg+", {"number": 35.0, "qualifier": "at_least"}),
    ("dof", "42 个自由度", {"number": 42.0}),
    ("dof", "28 个关节", {"number": None}),  # joints are not degrees of freedom
    ("dof", "23-43 个自由度", {"number": None}),
    ("year_of", "2025 年底", {"number": 2025.0}),
    ("year_of", "2022 年 9月", {"number": 2022.0}),
])
def test_spans_read_as_the_values_they_state(reader, span, stated):
    read = spans.READERS[reader](span)
    assert {k: read[k] for k in stated} == stated


def test_a_span_that_reads_as_no_value_is_an_error():
    with pytest.raises(spans.SpanError, match="is not a date"):
        spans.read_date("2024.13.2")
    with pytest.raises(spans.SpanError, match="names no currency"):
        spans.read_amount("10 亿")
    with pytest.raises(spans.SpanError, match="is not a length"):
        spans.read_metres("2.5 米/秒")  # a speed
    with pytest.raises(spans.SpanError, match="states no degrees of freedom"):
        spans.read_dof("电机驱动")
    with pytest.raises(spans.SpanError, match="names no year"):
        spans.read_year_of("5 月")
