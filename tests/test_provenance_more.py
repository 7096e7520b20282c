"""Value anchors of models, policies, policy_targets, rates and filings: a value its words do not state stops loading
with file, line, column, the value and what the quote says instead.

Expected values were read by hand off data/curated/*.csv (line numbers count the header as line 1), off the quotes
themselves, and, for dates the words give without a year, off the document's date in data/raw/sources.yml.
"""
import pytest

from cnai.errors import FactError
from cnai.facts import spans
from cnai.facts.provenance import load_table

from test_provenance import changed, evidence  # noqa: F401 (the fixture and the one-cell copy of data/curated)


@pytest.mark.parametrize("table, line, column, value, message", [
    # m-059 (line 60): 其参数达到了 1750 亿 = 175 billion
    ("models", 60, "params_b", "17.5", r"column params_b: 17.5 but the quote says '1750 亿' \(billions 175.0\)"),
    # m-092 (line 93): the report's table writes four sizes, 10/38/71/100 (billions); 39 is none of them
    ("models", 93, "params_b", "39", r"column params_b: 39.0 but the quote says '10/38/71/100' \(billions \(10.0, 38.0, 71.0, 100.0\)\)"),
    # m-062 (line 63): 2021 年 1 月，…；同年12 月 → December 2021
    ("models", 63, "release_date", "2022-12", r"column release_date: '2022-12' but the quote says '12 月' \(date '2021-12'\)"),
    ("models", 63, "release_year_text", "2022 年", r"column release_year_text: '2022 年' does not occur as whole words in the quote"),
    ("models", 63, "release_year_text", "", r"column release_date_text: '12 月' has no year; release_date_derived_from must say where it comes from"),
    # m-115 (line 116): 同年 7 月; the year is in the previous sentence, its context_quote (2023 年 2 月 … Llama-1)
    ("models", 116, "release_year_text", "2024 年", r"column release_year_text: '2024 年' does not occur as whole words in the context_quote"),
    # m-109 (line 110): 今年 2 月, in a report dated 2024-06-12
    ("models", 110, "release_date", "2023-02", r"column release_date: '2023-02' but the quote says '2 月' \(date '2024-02'\)"),
    # m-059: the quote names GPT-3 and OpenAI, not GPT-4 or 谷歌
    ("models", 60, "name_as_written", "GPT-4", r"column name_as_written: 'GPT-4' occurs in the quote neither as written nor as an alias"),
    ("models", 60, "developer", "谷歌", r"column developer: '谷歌' occurs in the quote neither as written nor as an alias"),
    # m-071 (line 72): PaLM, from the report's table of foreign models; the developer 谷歌 is the curator's reading,
    # and data/registry/models.yml says the palm family is google's: another company is refused
    ("models", 72, "developer", "值得买科技", r"column developer: '值得买科技' is the curator's reading, but the registry says 'PaLM' was built by google"),
    # m-097 (line 98): 书生 is shanghai_ai_lab's with sensetime (co_developers); 百度 built neither
    ("models", 98, "developer", "百度", r"column developer: '百度' is the curator's reading, but the registry says '书生' was built by sensetime, shanghai_ai_lab"),
    # m-007 (line 8): the quote does not name 百度; without its declared reading the name must be in the quote
    ("models", 8, "developer_derived_from", "", r"column developer: '百度' occurs in the quote neither as written nor as an alias"),
    # p-001 (line 2): 6月28日 in a 2023 article
    ("policies", 2, "date", "2022-06-28", r"column date: '2022-06-28' but the quote says '6月28日' \(date '2023-06-28'\)"),
    # p-027 (line 28): 2023/1/10 is a day
    ("policies", 28, "date_precision", "month", r"column date_precision: 'month' but the quote says '2023/1/10' \(precision 'day'\)"),
    # p-025 (line 26): 本月中 (this month) takes the document's date, 2023-07
    ("policies", 26, "date", "2023-08", r"column date: '2023-08' but date_filled_from = document_date, and the document's date is '2023-07'"),
    # p-002 (line 3): title and issuer as the quote writes them
    ("policies", 3, "title", "北京市人工智能行动方案", r"column title: '北京市人工智能行动方案' occurs in the quote neither as written nor as an alias"),
    ("policies", 3, "issuers", "北京市 | 上海市", r"column issuers: '上海市' occurs in the quote neither as written nor as an alias"),
    # p-037 (line 38): 拜登总统 is in the timeline row, its context_quote, not in the quote
    ("policies", 38, "names_derived_from", "", r"column issuers: '拜登总统' occurs in the quote neither as written nor as an alias"),
    ("policies", 38, "context_quote", "拜登总统宣布", r"column context_quote: '拜登总统宣布' is not in one cleaned paragraph of hti_report_2024_06"),
    # t-001 (line 2): 到2025年底，力争形成3-5个
    ("policy_targets", 2, "value_high", "6", r"column value_high: 6.0 but the quote says '3-5个' \(high 5.0\)"),
    ("policy_targets", 2, "lower_bound", "yes", r"column lower_bound: 'yes' but the quote says '3-5个' \(lower_bound 'no'\)"),
    ("policy_targets", 2, "target_year", "2024", r"column target_year: 2024.0 but the quote says '2025年' \(number 2025.0\)"),
    # t-004 (line 5): 将超过300EFlops — 超过 makes it a floor
    ("policy_targets", 5, "lower_bound", "no", r"column lower_bound: 'no' but the quote says '超过300EFlops' \(lower_bound 'yes'\)"),
    ("policy_targets", 5, "unit", "PFlops", r"column unit: 'PFlops' but the quote says '超过300EFlops' \(unit 'EFlops'\)"),
    # r-001 (line 2): 短短24小时内 … 平均1分钟
    ("rates", 2, "period_unit", "minute", r"column period_unit: 'minute' but the quote says '24小时' \(unit 'hour'\)"),
    ("rates", 2, "period_value", "12", r"column period_value: 12.0 but the quote says '24小时' \(number 24.0\)"),
    ("rates", 2, "per_unit", "hour", r"column per_unit: 'hour' but the quote says '1分钟' \(unit 'minute'\)"),
    # f-001 (line 2): 截至2024年12月31日，共302款
    ("filings", 2, "count", "303", r"column count: .*303.* but the quote says '302'"),
    ("filings", 2, "as_of_date", "2024-12-30", r"column as_of_date: '2024-12-30' but the quote says '2024年12月31日'"),
    # f-006 (line 7): 4月至6月 closes with the announcement's 截至2025年6月30日, its context_quote
    ("filings", 7, "as_of_date", "2025-06-29", r"column as_of_date: '2025-06-29' but the context_quote says '2025年6月30日'"),
    # f-016 (line 17): 截至11月1日 in an announcement dated 2025-11-11
    ("filings", 17, "as_of_date", "2024-11-01", r"column as_of_date: '2024-11-01' but the quote says '11月1日' \(date '2025-11-01'\)"),
])
def test_a_value_its_words_do_not_state_stops_loading(tmp_path, evidence, table, line, column, value, message):  # noqa: F811
    directory = changed(tmp_path, table, line, column, value)
    with pytest.raises(FactError, match=rf"{table}.csv:line {line}: {message}"):
        load_table(directory, table, *evidence)


@pytest.mark.parametrize("reader, span, stated", [
    # worked by hand: 亿 is 0.1 billion, 万亿 1000 billion; B is billions; the table's plain numbers are billions
    ("params", "1750 亿", {"billions": 175.0}),
    ("params", "1.2 万亿参数", {"billions": 1200.0}),
    ("params", "两千亿稠密参数", {"billions": 200.0}),
    ("params", "8B（80 亿参数）", {"billions": 8.0}),
    ("params", "10/38/71/100", {"billions": (10.0, 38.0, 71.0, 100.0)}),
    ("params", "GPT-3 的 500 倍", {"billions": None}),
    ("range", "3-5个", {"low": 3.0, "high": 5.0, "unit": "个", "lower_bound": "no"}),
    ("range", "1000家以上", {"low": 1000.0, "high": 1000.0, "unit": "家", "lower_bound": "yes"}),
    ("range", "不低于50%", {"low": 50.0, "high": 50.0, "unit": "%", "lower_bound": "yes"}),
    ("range", "约3500亿千瓦时", {"low": 3500.0, "unit": "亿千瓦时", "qualifier": "approx", "lower_bound": "no"}),
    ("duration", "24小时", {"number": 24.0, "unit": "hour"}),
    ("date", "四月底", {"month": 4, "year": None, "precision": "month"}),
    ("date", "十二月", {"month": 12, "precision": "month"}),
    ("date", "2023/1/10", {"date": "2023-01-10", "precision": "day"}),
])
def test_spans_read_as_the_values_they_state(reader, span, stated):
    read = spans.READERS[reader](span)
    assert {k: read[k] for k in stated} == stated


def test_a_duration_in_an_unknown_unit_is_an_error():
    with pytest.raises(spans.SpanError, match=r"'秒' is not in .*anchor_words.yml \(block time_units\)"):
        spans.read_duration("3秒")
