"""Numbers computed from the curated tables, never typed: unit conversions and rates recomputed from endpoints."""
from __future__ import annotations

import math

import pandas as pd

from .. import dates
from .spans import params_in_billions  # noqa: F401 (the one reader of parameter counts, in spans.py for the loader)

AMOUNT_UNITS = {"万美元": (0.01, "USD"), "亿美元": (100.0, "USD"), "万人民币": (0.01, "CNY"), "亿人民币": (100.0, "CNY")}


def params_mismatches(table: pd.DataFrame) -> pd.DataFrame:
    """Model rows whose typed params_b is not what their params_text says (should be none)."""
    wrong = [
        index for index, (text, typed) in enumerate(zip(table["params_text"], table["params_b"]))
        if pd.notna(typed) and not any(math.isclose(c, typed, rel_tol=1e-9) for c in params_in_billions(text))
    ]
    return table.iloc[wrong]


def funding_amounts(deals: pd.DataFrame) -> pd.DataFrame:
    """Deals with their amounts in millions of their currency (万 = 0.01 million, 亿 = 100 million)."""
    deals = deals.copy()
    factors = deals["amount_unit"].map(lambda u: AMOUNT_UNITS.get(u, (None, None))[0])
    deals["amount_millions"] = (deals["amount_value"] * factors.astype(float)).round(4)
    deals["currency_from_unit"] = deals["amount_unit"].map(lambda u: AMOUNT_UNITS.get(u, (None, None))[1])
    return deals


def _year(value: str | None) -> float | None:
    found = dates.year(value)
    return None if found is None else float(found)


def _written_period(rate: pd.Series) -> str:
    start = rate["period_start"] if pd.notna(rate["period_start"]) else None
    return f"{start}-{rate['period_end']}" if start and start != rate["period_end"] else f"至{rate['period_end']}"


def _period_matches(rate: pd.Series, base: pd.Series, end: pd.Series) -> bool:
    """Whether the rate's written period spans exactly the endpoints' years."""
    same_end = _year(rate["period_end"]) == _year(end["period_end"])
    if pd.isna(rate["period_start"]) or rate["period_start"] == rate["period_end"]:
        return bool(same_end)
    return bool(same_end and _year(rate["period_start"]) == _year(base["period_end"]))


def growth_checks(market_metrics: pd.DataFrame, tolerance_pp: float = 1.0) -> pd.DataFrame:
    """Every stated growth rate whose endpoints the corpus also states, recomputed from those endpoints.

    CAGR = (end / start) ** (1 / years) - 1 over the endpoints' own years; a one-period growth rate is
    end / start - 1. `agrees` is False where the stated rate and the recomputed one differ by more than
    `tolerance_pp` percentage points; `period_matches` is False where the rate's written period is not the span
    of its endpoints (the text states sizes for other years than the rate).
    """
    metrics = market_metrics.set_index("metric_id")
    rows = []
    linked = metrics[metrics["base_metric_id"].notna() & metrics["end_metric_id"].notna()]
    for metric_id, rate in linked.iterrows():
        base, end = metrics.loc[rate["base_metric_id"]], metrics.loc[rate["end_metric_id"]]
        years = _year(end["period_end"]) - _year(base["period_end"])
        if rate["metric"] == "cagr" and years:
            computed = ((end["value"] / base["value"]) ** (1 / years) - 1) * 100
        else:
            computed = (end["value"] / base["value"] - 1) * 100
        rows.append({
            "metric_id": metric_id, "subject": rate["subject"], "metric": rate["metric"],
            "stated_pct": rate["value"], "computed_pct": round(computed, 2),
            "difference_pp": round(computed - rate["value"], 2),
            "base_metric_id": rate["base_metric_id"], "base_value": base["value"], "base_period": base["period_end"],
            "end_metric_id": rate["end_metric_id"], "end_value": end["value"], "end_period": end["period_end"],
            "unit": base["unit"], "years": years, "doc_id": rate["doc_id"], "quote": rate["quote"],
            "stated_period": _written_period(rate), "period_matches": _period_matches(rate, base, end),
        })
    checks = pd.DataFrame(rows)
    if len(checks):
        checks["agrees"] = checks["difference_pp"].abs() <= tolerance_pp
    return checks


MINUTES = {"minute": 1, "hour": 60, "day": 1440}


def rate_checks(market_metrics: pd.DataFrame, rates: pd.DataFrame, tolerance: float = 0.05) -> pd.DataFrame:
    """Stated rates recomputed from their totals: total / (period in the rate's unit). `agrees` is False where the
    stated rate is off by more than `tolerance` (relative)."""
    metrics = market_metrics.set_index("metric_id")
    rows = []
    for rate in rates.itertuples():
        stated, total = metrics.loc[rate.metric_id], metrics.loc[rate.total_metric_id]
        periods = rate.period_value * MINUTES[rate.period_unit] / MINUTES[rate.per_unit]
        computed = total["value"] / periods
        rows.append({"rate_id": rate.rate_id, "subject": stated["subject"], "stated": stated["value"],
                     "computed": round(computed, 4), "unit": stated["unit"], "per": rate.per_unit,
                     "total": total["value"], "total_unit": total["unit"], "period": f"{rate.period_value:g} {rate.period_unit}",
                     "agrees": abs(computed - stated["value"]) <= tolerance * stated["value"],
                     "doc_id": rate.doc_id, "quote": rate.quote})
    return pd.DataFrame(rows)
