"""The front page's headline findings: each a small table from an outside dataset or official text, and the
numbers its sentence states (computed here, so the front page cannot drift from the chapters' data)."""
from __future__ import annotations

import pandas as pd

from ..data import load
from ..dates import to_timestamp
from . import chips, robotics


def filed_services() -> pd.DataFrame:
    """The CAC's cumulative count of filed generative-AI services at each as-of date of its announcements."""
    filings = load("filings").query("kind == 'filed' and unit == 'services' and cumulative == 'yes'")
    return filings.assign(date=filings["as_of_date"].map(to_timestamp))[["date", "as_of_date", "count", "row_id", "quote"]]


def frontier_gaps() -> pd.DataFrame:
    """Rating gap between the best model and the best Chinese model on each LMArena leaderboard, overall and on
    Chinese prompts, with whether their 95% intervals overlap."""
    gap = load("frontier_gap")
    names = {"full": "全部提示", "chinese": "中文提示"}
    return gap.assign(date=pd.to_datetime(gap["snapshot_date"]), category_name=gap["category"].map(names),
                      gap=gap["gap"].round(1))[
        ["date", "snapshot_date", "category", "category_name", "best_model", "china_model", "gap", "intervals_overlap"]]


def chip_shares() -> pd.DataFrame:
    """Huawei's Ascend accelerators' 16-bit compute as a share of the best NVIDIA chip released by then (Epoch AI)."""
    gap = chips.flagship_gap()
    ascend = gap[gap["short_label"].str.startswith("昇腾")]
    return ascend.assign(share_pct=(100 * ascend["share_of_nvidia"]).round(0))[
        ["short_label", "release_date", "tflops", "nvidia_best", "nvidia_best_tflops", "share_pct"]]


def humanoid_countries() -> pd.DataFrame:
    """Humanoid products in the awesome-robots list by the maker's country: China, the US, and the rest together."""
    by_country = robotics.humanoids_by_country()
    grouped = by_country.groupby("country_group", as_index=False).agg(products=("products", "sum"),
                                                                      makers=("makers", "sum"),
                                                                      countries=("country_name", "、".join))
    return grouped.sort_values("products", ascending=False, ignore_index=True)


def numbers() -> dict[str, object]:
    """The figures the front page's sentences state."""
    filed = filed_services().sort_values("date")
    gaps = frontier_gaps().sort_values("date")
    full, chinese = gaps[gaps["category"] == "full"], gaps[gaps["category"] == "chinese"]
    shares = chip_shares().set_index("short_label")
    humanoids = humanoid_countries().set_index("country_group")
    return {
        "filed_first": int(filed["count"].iloc[0]), "filed_first_date": filed["as_of_date"].iloc[0],
        "filed_last": int(filed["count"].iloc[-1]), "filed_last_date": filed["as_of_date"].iloc[-1],
        "filed_ratio": f"{filed['count'].iloc[-1] / filed['count'].iloc[0]:.1f}",
        "gap_full_first": f"{full['gap'].iloc[0]:.0f}", "gap_full_last": f"{full['gap'].iloc[-1]:.0f}",
        "gap_chinese_last": f"{chinese['gap'].iloc[-1]:.0f}", "gap_last_date": full["snapshot_date"].iloc[-1],
        "gap_last_china_model": full["china_model"].iloc[-1],
        "ascend_910c_pct": f"{shares.at['昇腾910C', 'share_pct']:.0f}",
        "ascend_910c_vs": shares.at["昇腾910C", "nvidia_best"],
        "ascend_910c_years": f"{chips.flagship_gap().set_index('short_label').at['昇腾910C', 'years_behind']:.1f}",
        "gap_chinese_overlap": "两者的 95% 置信区间重叠" if chinese["intervals_overlap"].iloc[-1] else "两者的 95% 置信区间不重叠",
        "humanoids_cn": int(humanoids.at["中国", "products"]), "humanoids_all": int(humanoids["products"].sum()),
        "humanoids_us": int(humanoids.at["美国", "products"]),
    }
