"""The front page's findings, against values read by hand off the sources."""
import pytest

from cnai.views import front


@pytest.fixture(scope="module")
def numbers():
    return front.numbers()


def test_filed_services_are_the_regulators_running_totals(numbers):
    # data/curated/filings.csv f-001 and f-020: 截至2024年12月31日，共302款 … 截至2025年12月31日 … 748款
    assert (numbers["filed_first"], numbers["filed_first_date"]) == (302, "2024-12-31")
    assert (numbers["filed_last"], numbers["filed_last_date"]) == (748, "2025-12-31")
    assert front.filed_services()["count"].is_monotonic_increasing
    assert numbers["filed_ratio"] == "2.5"  # 748 / 302 = 2.48


def test_latest_frontier_gap(numbers):
    # leaderboard-text_2025-12-11.json: full: gemini-3-pro 1486.60 vs ernie-5.0-preview-1103 1445.81 → 40.8;
    # chinese: 1525.10 vs 1509.36 → 15.7, intervals 1504.7–1545.5 and 1476.8–1541.9 overlap
    assert numbers["gap_last_date"] == "2025-12-11" and numbers["gap_last_china_model"] == "ernie-5.0-preview-1103"
    assert (numbers["gap_full_last"], numbers["gap_chinese_last"]) == ("41", "16")
    assert numbers["gap_chinese_overlap"] == "两者的 95% 置信区间重叠"


def test_ascend_910c_against_the_h100(numbers):
    # ml_hardware.csv: Huawei Ascend 910C 800 TFLOP/s FP16 (2024-10-15); NVIDIA H100 SXM5 989.4 (2022-09-20):
    # 800 / 989.4 = 80.9 %, and the H100 came 2.07 years earlier
    assert (numbers["ascend_910c_pct"], numbers["ascend_910c_vs"], numbers["ascend_910c_years"]) == ("81", "H100", "2.1")


def test_humanoid_products_by_country(numbers):
    # robots.json, humanoid products with brands mapped to countries (tests/test_views_robotics.py counts them):
    # 54 Chinese, 11 American, 82 in all
    assert (numbers["humanoids_cn"], numbers["humanoids_us"], numbers["humanoids_all"]) == (54, 11, 82)
    assert front.humanoid_countries()["country_group"].tolist() == ["中国", "其他国家和地区", "美国"]
