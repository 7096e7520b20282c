"""Tables for chapter 5, commercialization (商业化): API prices against Arena ratings (outside data), market-size
forecasts as annual growth rates, adoption, financing deals, business models and the products of listed companies.

Money is never converted between currencies: deal amounts stay in millions of their own currency (万 = 0.01 M,
亿 = 100 M, from `cnai.facts.derived.funding_amounts`), and market sizes stay in the unit the text writes. Where a
function groups or labels rows by a rule of its own (a deal's sector, a market series, a round's stage), the rule
is a file under data/mappings and every row keeps the text it was read from.
"""
from __future__ import annotations

import re

import pandas as pd

from ..data import load
from ..dates import to_timestamp
from ..errors import MappingError
from ..facts.mappings import display, harmonize, label, labels, path_of, read, section
from ..facts.market_subjects import subject_names, subject_series

REPORT = "hti_report_2024_06"
UNSTATED = "未标明"  # a figure whose text does not say whether it is actual, estimated or forecast


def _labels() -> pd.Series:
    return load("documents").set_index("doc_id")["label"]


# --- API prices (models.dev) and Arena ratings (LMArena) ------------------------------------------------------

# The model families whose best-rated priced card the price-rating chart labels directly.
KEY_FAMILIES = ["deepseek", "qwen", "kimi", "minimax", "gpt", "claude", "gemini"]
LABEL_MARGIN = 15  # rating points


def api_price_cards() -> pd.DataFrame:
    """Every models.dev card with an input price (one row per card), with the provider's Chinese name (labels.yml,
    block api_provider) and its country as the registry gives it (labels.yml, block api_country)."""
    prices = load("api_prices")
    return prices.assign(
        provider_name=display(prices["provider"], "api_provider"),
        country_name=display(prices["country"], "api_country"),
        card_name=prices["name"].fillna(prices["model_id"]),
    ).reset_index(drop=True)


def provider_prices() -> pd.DataFrame:
    """Per provider: priced cards and the median, lowest and highest price per million input and output tokens
    (USD), cheapest median output first. Cards without an output price count for the input price only."""
    cards = api_price_cards()
    grouped = cards.groupby(["provider", "provider_name", "country_name"], as_index=False).agg(
        cards=("model_id", "size"),
        input_median=("input_price_usd", "median"), output_median=("output_price_usd", "median"),
        output_min=("output_price_usd", "min"), output_max=("output_price_usd", "max"))
    return grouped.sort_values(["output_median", "provider"]).reset_index(drop=True)


def provider_price_points() -> pd.DataFrame:
    """provider_prices in long form for a dot chart: one row per provider and direction (输入/输出)."""
    wide = provider_prices()
    rows = []
    for direction, column in (("输入", "input_median"), ("输出", "output_median")):
        rows.append(wide.assign(direction=direction, price_per_mtok=wide[column]))
    return pd.concat(rows, ignore_index=True)[
        ["provider_name", "country_name", "cards", "direction", "price_per_mtok", "output_min", "output_max"]]


def country_prices() -> pd.DataFrame:
    """Median price per million input and output tokens over all priced cards of providers of each country."""
    cards = api_price_cards()
    return cards.groupby("country_name").agg(
        cards=("model_id", "size"), input_median=("input_price_usd", "median"),
        output_median=("output_price_usd", "median"))


def price_rating() -> pd.DataFrame:
    """The priced cards that join an Arena rating (category full of the latest leaderboard), one row per card,
    with a label on one card of each key family (KEY_FAMILIES): the cheapest of its cards rated within LABEL_MARGIN
    points of the family's best."""
    cards = api_price_cards()
    rated = cards[cards["arena_rating"].notna() & cards["output_price_usd"].notna()].copy()
    # per key family, the cheapest card rated within LABEL_MARGIN points of the family's best: the point that shows
    # what the family's top tier costs
    top = rated.groupby("family_id")["arena_rating"].transform("max")
    near = rated[(rated["arena_rating"] >= top - LABEL_MARGIN) & rated["family_id"].isin(KEY_FAMILIES)]
    best = near.sort_values(["output_price_usd", "arena_rating"], ascending=[True, False]).drop_duplicates("family_id")
    rated["label"] = ""
    rated.loc[best.index, "label"] = best["card_name"].str.split("/").str[-1]  # siliconflow/deepseek-r1 → deepseek-r1
    return rated[["provider_name", "country_name", "model_id", "card_name", "family_id", "arena_key", "input_price_usd",
                  "output_price_usd", "arena_rating", "arena_q025", "arena_q975", "arena_snapshot", "label"]
                 ].reset_index(drop=True)


def top_tier_cheapest(floor: float = 1400) -> pd.DataFrame:
    """Among cards rated at least `floor`, the one with the lowest output price from each country."""
    rated = price_rating()
    top = rated[rated["arena_rating"] >= floor].sort_values(["output_price_usd", "arena_rating"], ascending=[True, False])
    return top.drop_duplicates("country_name").set_index("country_name")


def corpus_prices() -> pd.DataFrame:
    """The API prices per million tokens the corpus quotes (market_metrics rows whose subject names a price per
    million tokens), with the models.dev card of the same model and release where there is one."""
    metrics = load("market_metrics")
    rows = metrics[metrics["subject"].str.contains("price per million", case=False)]
    cards = api_price_cards().set_index("model_id")
    pairs = {"GPT-4o API price per million input tokens": ("gpt-4o-2024-05-13", "input_price_usd"),
             "GPT-4o API price per million output tokens": ("gpt-4o-2024-05-13", "output_price_usd")}
    out = []
    for row in rows.itertuples():
        card, column = pairs.get(row.subject, (None, None))
        card_price = float(cards.loc[card, column]) if card in cards.index else None
        out.append({"metric_id": row.metric_id, "name": subject_names(pd.Series([row.subject])).iloc[0],
                    "value": row.value, "unit": row.unit, "card": card or "（models.dev 无此卡片）",
                    "card_price": card_price, "source": _labels()[row.doc_id], "quote": row.quote})
    return pd.DataFrame(out)


# --- market size ------------------------------------------------------------------------------------------------

DEFAULT_SERIES = "cn_llm"


def market_size_series() -> pd.DataFrame:
    """Every market-size figure that names its period, one row per figure, grouped into series of one unit each.

    `series_name` carries the unit, so a chart that shows one series at a time never mixes units or currencies.
    Figures with no period (the report's hypothetical ChatGPT market, mm-169) are left out: they have no place on a
    time axis (see `market_size_without_period`).
    """
    sizes = load("market_metrics").query("metric == 'market_size'")
    sizes = sizes[sizes["period_end"].notna()]
    frame = sizes.assign(
        series=subject_series(sizes["subject"]),
        series_name=subject_names(sizes["subject"]) + "（" + sizes["unit"] + "）",
        date=sizes["period_end"].map(to_timestamp),
        year=sizes["period_end"].str[:4].astype(int),
        kind_name=display(sizes["kind"], "metric_kind").fillna(UNSTATED),
        source=sizes["doc_id"].map(_labels()),
        source_body=sizes["source_body"].fillna("（未注明）"),
    )
    columns = ["metric_id", "series", "series_name", "subject", "geography", "period_start", "period_end", "date",
               "year", "value", "unit", "kind", "kind_name", "source_body", "source", "doc_id", "quote"]
    return frame[columns].sort_values(["series", "date", "metric_id"]).reset_index(drop=True)


def market_size_without_period() -> pd.DataFrame:
    """Market-size figures the chart leaves out because they name no period."""
    sizes = load("market_metrics").query("metric == 'market_size'")
    return sizes[sizes["period_end"].isna()][["metric_id", "subject", "value", "unit", "kind", "doc_id", "quote"]]


def cagr_pct(start: float, end: float, years: float) -> float:
    """Compound annual growth rate in per cent: (end / start) ** (1 / years) - 1."""
    return ((end / start) ** (1 / years) - 1) * 100


def forecast_growth() -> pd.DataFrame:
    """Market-size forecasts as annual growth rates, one row per pair of endpoints: every pair the texts state a
    CAGR for (their own endpoints), and for each series with a later forecast that no stated rate covers, its latest
    actual (or estimated) value to its last forecast. `cagr_pct` is recomputed from the two values and the years
    between them; `stated_pct` is the text's own rate where it gives one, and `verdict` says whether they agree
    (within 1 percentage point, as appendix C)."""
    sizes = market_size_series().drop_duplicates("metric_id").set_index("metric_id")
    checks = load("growth_checks")
    checks = checks[checks["base_metric_id"].isin(sizes.index) & checks["end_metric_id"].isin(sizes.index)]
    pairs = [(r.base_metric_id, r.end_metric_id, r.stated_pct, r.agrees, r.metric_id) for r in checks.itertuples()]
    covered = {sizes.loc[end, "series"] for _, end, *_ in pairs if sizes.loc[end, "kind"] == "forecast"}
    for series, group in sizes.reset_index().groupby("series", sort=False):
        if series in covered:
            continue
        actual = group[group["kind"].isin(["actual", "estimate"])].sort_values(["date", "metric_id"])
        if actual.empty:
            continue
        base = actual.iloc[-1]
        later = group[(group["kind"] == "forecast") & (group["date"] > base["date"])].sort_values(["date", "metric_id"])
        if not later.empty:
            pairs.append((base["metric_id"], later.iloc[-1]["metric_id"], None, None, None))
    rows = []
    for base_id, end_id, stated, agrees, rate_id in pairs:
        base, end = sizes.loc[base_id], sizes.loc[end_id]
        years = int(end["year"]) - int(base["year"])
        name = base["series_name"].rsplit("（", 1)[0]
        verdict = "原文未给增长率" if stated is None else ("与原文一致" if agrees else "与原文不一致")
        rows.append({
            "series": base["series"], "series_name": base["series_name"], "unit": base["unit"],
            "label": f"{name}（{int(base['year'])}→{int(end['year'])}）",
            "start_year": int(base["year"]), "start_value": base["value"], "start_kind": base["kind_name"],
            "end_year": int(end["year"]), "end_value": end["value"], "end_kind": end["kind_name"], "years": years,
            "cagr_pct": round(cagr_pct(base["value"], end["value"], years), 1),
            "multiple": round(end["value"] / base["value"], 2),
            "stated_pct": stated, "verdict": verdict, "rate_id": rate_id, "base_id": base_id, "end_id": end_id,
            "source_body": base["source_body"], "source": base["source"],
            "quote": base["quote"] if base["quote"] == end["quote"] else base["quote"] + " / " + end["quote"],
        })
    return pd.DataFrame(rows).sort_values("cagr_pct", ascending=False).reset_index(drop=True)


def market_growth_checks() -> pd.DataFrame:
    """The stated growth rates of market-size series recomputed from their own endpoints (cnai.facts.derived.growth_checks),
    with the series name; these are the market rows of appendix C."""
    checks = load("growth_checks")
    names = market_size_series().drop_duplicates("metric_id").set_index("metric_id")["series_name"]
    checks = checks[checks["base_metric_id"].isin(names.index)]
    return checks.assign(series_name=checks["base_metric_id"].map(names))[
        ["metric_id", "series_name", "stated_pct", "computed_pct", "difference_pp", "base_value", "base_period",
         "end_value", "end_period", "unit", "agrees", "doc_id", "quote"]].reset_index(drop=True)


# --- adoption ---------------------------------------------------------------------------------------------------

# Firm counts whose subject says they are customers or users of a product count as adoption; the others (how
# many AI firms exist) do not.
CUSTOMER_PATTERN = r"customer|client|merchant|served|co-developing"
SCALE = {"万": 1e4, "亿": 1e8, "家": 1.0, "个": 1.0}


def adoption_figures() -> pd.DataFrame:
    """Users, customers and usage figures (metric users or usage, and customer firm counts), one row per figure.

    `measure` sorts them by what they count: 用户（人） for people in 万 or 亿, 客户（家） for organisations served,
    使用量 for everything else (questions, applications, vehicles, shares), whose units differ and are never put on
    one axis. `count` is the figure as a plain number (100万 → 1,000,000) where the measure is people or customers.
    """
    metrics = load("market_metrics")
    customers = (metrics["metric"] == "firm_count") & metrics["subject"].str.contains(CUSTOMER_PATTERN, case=False)
    rows = metrics[metrics["metric"].isin(["users", "usage"]) | customers].copy()
    people = (rows["metric"] == "users") & rows["unit"].isin(["万", "亿"])
    rows["measure"] = "使用量"
    rows.loc[people, "measure"] = "用户（人）"
    rows.loc[customers.loc[rows.index], "measure"] = "客户（家）"
    counted = rows["measure"] != "使用量"
    rows["count"] = (rows["value"] * rows["unit"].map(SCALE)).where(counted)
    population = pd.Series(None, index=rows.index, dtype=object)
    population[people] = harmonize(rows.loc[people, "subject"], "user_populations")
    rows["population"] = population
    rows["population_name"] = display(population, "user_population")
    rows["name"] = subject_names(rows["subject"])
    rows["as_written"] = rows["value"].map("{:g}".format) + rows["unit"]
    rows["geography_name"] = display(rows["geography"], "geography")
    rows["kind_name"] = display(rows["kind"], "metric_kind").fillna(UNSTATED)
    rows["period"] = rows["period_end"].fillna("（未注明）")
    rows["source"] = rows["doc_id"].map(_labels())
    return rows[["metric_id", "measure", "population", "population_name", "name", "subject", "metric", "geography",
                 "geography_name", "period", "value", "unit", "as_written", "count", "kind_name", "source", "doc_id",
                 "quote"]].reset_index(drop=True)


def population_order() -> list[str]:
    """The user populations from the largest kind to the smallest (labels.yml, block user_population)."""
    return list(labels("user_population").values())


def question_rate() -> pd.DataFrame:
    """文心一言's opening-day rate: the stated per-minute figure next to the one recomputed from the 24-hour total
    (cnai.facts.derived.rate_checks), in 万 questions per minute."""
    checks = load("rate_checks")
    return pd.DataFrame({
        "指标": subject_names(checks["subject"]),
        "原文所述（万个/分钟）": checks["stated"],
        "由 24 小时总数重算（万个/分钟）": checks["computed"].round(2),
        "总数（万个）": checks["total"],
        "时段": checks["period"].str.replace(" hour", " 小时").str.replace(" day", " 天"),
        "是否一致（5% 以内）": checks["agrees"].map({True: "一致", False: "不一致"}),
        "来源": checks["doc_id"].map(_labels()), "原文引语": checks["quote"],
    })


# --- financing deals --------------------------------------------------------------------------------------------

# A deal's sector (data/mappings/deal_sectors.yml), the stage of its round (funding_stages.yml) and the class of its
# amount (labels.yml, block amount_class).
UNSTATED_ROUND = "未注明"


def other_sector() -> str:
    """The sector of a deal that no rule of deal_sectors.yml matches."""
    return read("deal_sectors")["other"]


def stage_order() -> list[str]:
    """The stages in the order funding_stages.yml lists them, then 未注明."""
    return list(dict.fromkeys(read("funding_stages").values())) + [UNSTATED_ROUND]


def amount_order() -> list[str]:
    """The classes of amount, from a number to none (labels.yml, block amount_class)."""
    return list(labels("amount_class").values())


def sector(business: str | None) -> str:
    """The report's sector a business description falls in (first matching rule of deal_sectors.yml)."""
    text = business or ""
    for rule in read("deal_sectors")["rules"]:
        if re.search(rule["words"], text):
            return rule["sector"]
    return other_sector()


def stages(rounds: pd.Series) -> pd.Series:
    """The stage of each round (funding_stages.yml); 未注明 where the round is blank, an error where the file lacks
    it."""
    return harmonize(rounds, "funding_stages").fillna(UNSTATED_ROUND)


def amount_class(status: str, value: float | None) -> str:
    if status == "approximate":
        return label("amount_class", "approximate_number" if pd.notna(value) else "approximate_vague")
    return label("amount_class", status)


def deals() -> pd.DataFrame:
    """All 1Q24 deal rows (both report tables and the narrative row nar-001) with amounts in millions of their own
    currency, the sector, the stage of the round and the class of the amount."""
    frame = load("funding_amounts")
    return frame.assign(
        table_name=display(frame["table"], "deal_table"),
        sector=frame["business"].map(sector),
        stage=stages(frame["round"]),
        amount_class=[amount_class(s, v) for s, v in zip(frame["amount_status"], frame["amount_value"])],
        currency_name=display(frame["currency"], "currency"),
        deal_type_name=display(frame["deal_type"], "deal_type"),
        date_ts=frame["date"].map(to_timestamp),
        source=frame["doc_id"].map(_labels()),
    )


def table_deals() -> pd.DataFrame:
    """The deals of the two report tables only: the narrative row nar-001 restates cn-034 and is not a deal."""
    frame = deals()
    return frame[frame["table"] != "other"].reset_index(drop=True)


def financing_deals() -> pd.DataFrame:
    """The table deals that are funding rounds: acquisitions, equity transfers and new ventures (deal_type, anchored
    in the round the table writes) are left out of every claim about the size of AI funding."""
    frame = table_deals()
    return frame[frame["deal_type"] == "financing"].reset_index(drop=True)


def other_deals() -> pd.DataFrame:
    """The table deals that are not funding rounds (并购, 拟收购, 股权转让, 出资设立), as the report writes them."""
    frame = table_deals()
    frame = frame[frame["deal_type"] != "financing"]
    return frame[["deal_id", "table_name", "company", "business", "round", "deal_type_name", "date", "amount_text",
                  "amount_millions", "currency", "source", "quote"]].reset_index(drop=True)


def amount_status_counts() -> pd.DataFrame:
    """Deals per table and class of amount: disclosed, approximate with a number, vague, undisclosed."""
    frame = table_deals()
    counts = frame.groupby(["table_name", "amount_class"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=amount_order(), fill_value=0)
    counts["合计"] = counts.sum(axis=1)
    counts.index.name = "表"
    counts.columns.name = None
    return counts


def amount_totals() -> pd.DataFrame:
    """Sums of the amounts that have a number, per table, currency and status, in millions of that currency.
    Disclosed and approximate amounts are summed apart and currencies are never added together; deals that are not
    funding rounds (acquisitions …) are left out."""
    frame = financing_deals().dropna(subset=["amount_millions"])
    totals = frame.groupby(["table_name", "currency", "amount_status"], as_index=False).agg(
        deals=("deal_id", "size"), millions=("amount_millions", "sum"), largest=("amount_millions", "max"))
    return totals.assign(millions=totals["millions"].round(2))


def deals_by_stage() -> pd.DataFrame:
    """Deals per table, stage of the round and class of amount, with the rounds as written."""
    frame = table_deals()
    grouped = frame.groupby(["table_name", "stage", "amount_class"], as_index=False).agg(
        deals=("deal_id", "size"),
        rounds=("round", lambda s: "、".join(f"{r}×{n}" for r, n in s.value_counts().items())),
        companies=("company", lambda s: "、".join(s)))
    return grouped.assign(stage_rank=grouped["stage"].map(stage_order().index),
                          amount_rank=grouped["amount_class"].map(amount_order().index))


def deals_by_city() -> pd.DataFrame:
    """Deals per table, city and class of amount."""
    frame = table_deals()
    frame = frame.assign(city=frame["city"].fillna("未注明"))
    grouped = frame.groupby(["table_name", "city", "amount_class"], as_index=False).agg(
        deals=("deal_id", "size"), companies=("company", lambda s: "、".join(s)))
    return grouped.assign(amount_rank=grouped["amount_class"].map(amount_order().index))


def _sum_text(group: pd.DataFrame, currency: str) -> str:
    rows = group[group["currency"] == currency].dropna(subset=["amount_millions"])
    if rows.empty:
        return "—"
    disclosed = rows.loc[rows["amount_status"] == "disclosed", "amount_millions"].sum()
    approx = rows.loc[rows["amount_status"] == "approximate", "amount_millions"].sum()
    return f"已披露 {disclosed:,.2f}，约数 {approx:,.2f}"


def deals_by_sector() -> pd.DataFrame:
    """Deals per table and sector, with the disclosed and approximate sums kept apart in each currency."""
    frame = table_deals()
    rows = []
    for (table_name, sector_name), group in frame.groupby(["table_name", "sector"]):
        rows.append({
            "table_name": table_name, "sector": sector_name, "deals": len(group),
            "with_amount": int(group["amount_millions"].notna().sum()),
            "cny_millions": _sum_text(group, "CNY"), "usd_millions": _sum_text(group, "USD"),
            "examples": "、".join(group["company"].head(4)),
        })
    return pd.DataFrame(rows)


def deal_amounts() -> pd.DataFrame:
    """Funding rounds whose amount has a number, in millions of their currency (one currency per chart panel);
    acquisitions and other deals that are not funding rounds are left out (see `other_deals`)."""
    frame = financing_deals().dropna(subset=["amount_millions"])
    frame = frame.assign(axis_currency=frame["currency_name"])
    return frame[["deal_id", "table_name", "company", "business", "sector", "city", "round", "date_ts", "date",
                  "amount_text", "amount_millions", "currency", "axis_currency", "amount_class", "source",
                  "doc_id", "quote"]].reset_index(drop=True)


def deal_table() -> pd.DataFrame:
    """Every deal row (no row dropped) with the columns a reader searches; the quote is the row as the table
    writes it, so it is left out of the page (the chart data and curated CSV keep it)."""
    frame = deals()
    return frame[["table_name", "company", "business", "round", "date", "amount_text"]]


def deal_count_check() -> pd.DataFrame:
    """The report's stated deal counts (mm-067, mm-068) against the rows and the numbering of its tables."""
    metrics = load("market_metrics").set_index("metric_id")
    frame = table_deals()
    rows = []
    for metric_id, table in (("mm-067", "domestic"), ("mm-068", "foreign")):
        rows_ = frame[frame["table"] == table]
        numbers = set(rows_["report_no"].astype(int))
        top = max(numbers)
        missing = sorted(set(range(1, top + 1)) - numbers)
        rows.append({"表": label("deal_table", table), "正文所说（起）": int(metrics.loc[metric_id, "value"]),
                     "表中行数": len(rows_), "表中最大序号": top,
                     "缺失的序号": "、".join(map(str, missing)) or "无",
                     "来源": _labels()[metrics.loc[metric_id, "doc_id"]], "原文引语": metrics.loc[metric_id, "quote"]})
    return pd.DataFrame(rows)


def over_100m_list() -> list[str]:
    """The report's list of domestic 投资金额过亿的项目 (§4.1), one item per project, as written."""
    paras = load("paragraphs")
    text = next(t for t in paras.loc[paras["doc_id"] == REPORT, "text"] if "投资金额过亿的项目" in t)
    listed = text.split("投资金额过亿的项目具体如下：", 1)[1].split("。", 1)[0]
    return [item.strip() for item in listed.split("，") if item.strip()]


def over_100m_check() -> pd.DataFrame:
    """The 过亿 list against the domestic table: every listed company and every deal whose amount is written in 亿
    (other than 近亿, nearly 1 亿), with whether the list names it."""
    items = over_100m_list()
    domestic = table_deals().query("table == 'domestic'")

    def listed(company: str) -> bool:
        return any(item.startswith(company) or company.startswith(item.split("的")[0]) for item in items)

    compact = domestic["amount_text"].str.replace(" ", "", regex=False)
    in_list = domestic["company"].map(listed)
    written_yi = compact.str.contains("亿") & ~compact.str.contains("近亿")
    rows = domestic[in_list | written_yi]
    return pd.DataFrame({
        "deal_id": rows["deal_id"], "company": rows["company"], "amount_text": rows["amount_text"],
        "in_list": in_list[rows.index], "written_in_yi": written_yi[rows.index], "quote": rows["quote"],
    }).reset_index(drop=True)


def moonshot_claims() -> pd.DataFrame:
    """月之暗面's round as the table writes it (cn-034) and as the narrative does (nar-001)."""
    frame = deals()
    rows = frame[frame["company"] == "月之暗面"]
    return rows[["deal_id", "table_name", "round", "date", "amount_text", "amount_status", "doc_id", "quote"]]


# --- business models --------------------------------------------------------------------------------------------

def business_models() -> list[dict]:
    """The five business models of the report's §6.2 in its order: key, name, the words that mention each and the
    subsection that treats it (data/mappings/business_models.yml)."""
    return read("business_models")["models"]


def model_order() -> list[str]:
    return [model["key"] for model in business_models()]


def extra_aliases() -> dict[str, str]:
    """Short names §6.2 uses for a company that the companies table does not list: short name → company_id."""
    return section("business_models", "company_aliases")
def section_paragraphs() -> pd.DataFrame:
    """The body paragraphs of the report's §6.2 (商业模式), each with the business model of its subsection
    (blank for the two overview paragraphs before 6.2.1)."""
    paras = load("paragraphs")
    part = paras[(paras["doc_id"] == REPORT) & (paras["part_id"] == "6.2")].sort_values("para_no")
    by_heading = {model["subsection"]: model["key"] for model in business_models()}
    current, subsection = None, []
    for kind, text in zip(part["kind"], part["text"]):
        if kind == "heading":
            number = re.match(r"\d+\.\d+\.\d+", text)
            current = by_heading.get(number.group(0)) if number else None
        subsection.append(current)
    part = part.assign(subsection_model=subsection)
    return part[part["kind"] == "body"][["para_id", "para_no", "subsection_model", "text"]].reset_index(drop=True)


def _company_patterns() -> list[tuple[str, str, re.Pattern]]:
    """(company_id, name, pattern) for every name and alias, longest first; Latin names match whole words only."""
    companies = load("companies")
    names = {cid: name for cid, name in zip(companies["company_id"], companies["name"])}
    pairs = []
    for cid, name, aliases in zip(companies["company_id"], companies["name"], companies["aliases"]):
        spellings = [name] + ([a.strip() for a in aliases.split("|")] if isinstance(aliases, str) else [])
        pairs += [(cid, s) for s in spellings if s]
    aliases = extra_aliases()
    unknown = sorted(set(aliases.values()) - set(names))
    if unknown:
        raise MappingError(f"{path_of('business_models')}: company_aliases name company_id(s) not in companies.csv: "
                           + ", ".join(unknown))
    pairs += [(cid, alias) for alias, cid in aliases.items()]
    patterns = []
    for cid, spelling in sorted(set(pairs), key=lambda p: -len(p[1])):
        escaped = re.escape(spelling)
        if re.search(r"[A-Za-z]$", spelling):
            escaped += r"(?![A-Za-z])"
        if re.match(r"[A-Za-z]", spelling):
            escaped = r"(?<![A-Za-z])" + escaped
        patterns.append((cid, names[cid], re.compile(escaped)))
    return patterns


def companies_named(text: str, patterns=None) -> list[tuple[str, str]]:
    """(company_id, name) of the companies a text names, in order of first mention; a longer name is matched
    before a shorter one inside it (腾讯云 is not also 腾讯)."""
    patterns = patterns or _company_patterns()
    found: dict[str, tuple[int, str]] = {}
    masked = text
    for cid, name, pattern in patterns:
        for match in pattern.finditer(masked):
            found.setdefault(cid, (match.start(), name))
            found[cid] = (min(found[cid][0], match.start()), name)
        masked = pattern.sub(lambda m: "\0" * len(m.group(0)), masked)
    return [(cid, name) for cid, (_, name) in sorted(found.items(), key=lambda kv: kv[1][0])]


def clauses(text: str) -> list[str]:
    """A paragraph cut after every 。 and ； that stands outside brackets, each piece verbatim."""
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += char in "（(" and 1 or char in "）)" and -1 or 0
        if char in "。；" and depth <= 0:
            pieces.append(text[start:index + 1])
            start = index + 1
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def section_sentences() -> pd.DataFrame:
    """The clauses of §6.2 (see `clauses`), each with the business models it is about: those whose words it
    uses, or else the model of its subsection."""
    rows = []
    for para in section_paragraphs().itertuples():
        for sentence in clauses(para.text):
            mentioned = [model["key"] for model in business_models() if re.search(model["words"], sentence)]
            models = mentioned or ([para.subsection_model] if para.subsection_model else [])
            rows.append({"para_id": para.para_id, "subsection_model": para.subsection_model, "sentence": sentence,
                         "models": models, "mentioned": mentioned})
    return pd.DataFrame(rows)


def business_model_mentions() -> pd.DataFrame:
    """Per business model: how often §6.2's body text mentions it, in how many paragraphs, which companies the
    clauses about it name, and the report's first sentence on it."""
    paras = section_paragraphs()
    sentences = section_sentences()
    links = business_model_companies()
    rows = []
    for model in business_models():
        key, name, pattern, number = model["key"], model["name"], model["words"], model["subsection"]
        counts = paras["text"].map(lambda t: len(re.findall(pattern, t)))
        named = links[links["model"] == key].sort_values("sentences", ascending=False)
        own = sentences[sentences["subsection_model"] == key]
        own = own[own["mentioned"].map(lambda m: key in m)] if own["mentioned"].map(lambda m: key in m).any() else own
        rows.append({"model": key, "model_name": name, "subsection": number, "mentions": int(counts.sum()),
                     "paragraphs": int((counts > 0).sum()), "companies": len(named),
                     "company_names": "、".join(named["company"]) or "（未点名）",
                     "quote": own["sentence"].iloc[0] if len(own) else ""})
    return pd.DataFrame(rows)


def business_model_companies() -> pd.DataFrame:
    """One row per business model and company named in a clause about it, with the number of such clauses and
    the first of them, verbatim."""
    patterns = _company_patterns()
    rows = []
    for sentence in section_sentences().itertuples():
        for cid, name in companies_named(sentence.sentence, patterns):
            for model in sentence.models:
                rows.append({"model": model, "company_id": cid, "company": name, "para_id": sentence.para_id,
                             "quote": sentence.sentence})
    frame = pd.DataFrame(rows, columns=["model", "company_id", "company", "para_id", "quote"])
    grouped = frame.groupby(["model", "company_id", "company"], as_index=False, sort=False).agg(
        sentences=("quote", "size"), quote=("quote", "first"), para_id=("para_id", "first"))
    grouped = grouped.assign(model_rank=grouped["model"].map(model_order().index), doc_id=REPORT)
    return grouped.sort_values(["model_rank", "sentences"], ascending=[True, False]).reset_index(drop=True)


# --- listed companies -------------------------------------------------------------------------------------------

LISTED = ["text", "curator"]


def listed_company_models() -> pd.DataFrame:
    """Every company coded as listed (companies.listing: text = a corpus text calls it listed, curator = the texts
    are silent and the curator codes it from public knowledge), with the distinct models the corpus names for it
    (0 where none), its country (the registry's, else the curated one) and the quote of its row."""
    companies = load("companies")
    companies = companies[companies["listing"].isin(LISTED)]
    links = load("entity_links").query("table == 'companies'").set_index("key")
    models = load("models")
    rows = []
    for company in companies.itertuples():
        own = models[models["company_id"] == company.company_id]
        names = sorted(own["model"].unique())
        country = links["country_registry"].get(company.company_id)
        country = country if isinstance(country, str) else company.country
        rows.append({"company_id": company.company_id, "company": company.name,
                     "exchange": company.exchange if isinstance(company.exchange, str) else "（未注明）",
                     "listing": company.listing, "listing_name": label("listing", company.listing),
                     "country": country if isinstance(country, str) else None,
                     "origin": "中国" if country in ("CN", "HK") else ("国外" if isinstance(country, str) else "未注明"),
                     "roles": company.roles, "models": len(names), "model_rows": len(own),
                     "model_names": "、".join(names) or "（语料未点名模型）",
                     "source": _labels()[company.doc_id], "doc_id": company.doc_id, "quote": company.quote})
    return pd.DataFrame(rows).sort_values(["models", "company"], ascending=[False, True]).reset_index(drop=True)


def listed_models_table() -> pd.DataFrame:
    """The model rows of companies coded as listed, readable, for a searchable table."""
    companies = load("companies")
    listed = companies[companies["listing"].isin(LISTED)][["company_id", "name", "exchange", "listing"]]
    models = load("models").merge(listed, on="company_id")
    return models.assign(source=models["doc_id"].map(_labels()), listed_company=models["name"],
                         listing_name=display(models["listing"], "listing"),
                         scope_name=display(models["scope"], "model_scope"))[
        ["listed_company", "listing_name", "model", "release_date", "scope_name", "source"]]


# --- numbers the prose cites ------------------------------------------------------------------------------------

def _fmt(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _usd(value: float) -> str:
    return f"{_fmt(value)} 美元"


def headline_numbers() -> dict[str, str]:
    """Numbers the chapter's prose cites, computed here and glued into the text."""
    out: dict[str, str] = {}
    # API prices and ratings (models.dev, LMArena)
    cards = api_price_cards()
    by_country = country_prices()
    cn, us = by_country.loc["中国"], by_country.loc["美国"]
    rated = price_rating()
    providers = provider_prices()
    tier = top_tier_cheapest(1400)
    best = rated.sort_values("arena_rating", ascending=False).iloc[0]
    out.update(
        n_cards=str(len(cards)), n_cards_cn=str(int(cn["cards"])), n_cards_us=str(int(us["cards"])),
        n_providers=str(cards["provider"].nunique()),
        n_providers_cn=str(cards.loc[cards["country"] == "CN", "provider"].nunique()),
        n_providers_us=str(cards.loc[cards["country"] == "US", "provider"].nunique()),
        cn_input_median=_usd(cn["input_median"]), us_input_median=_usd(us["input_median"]),
        cn_output_median=_usd(cn["output_median"]), us_output_median=_usd(us["output_median"]),
        output_ratio=_fmt(round(us["output_median"] / cn["output_median"], 1)),
        input_ratio=_fmt(round(us["input_median"] / cn["input_median"], 1)),
        cheapest_provider=providers.iloc[0]["provider_name"], cheapest_provider_output=_usd(providers.iloc[0]["output_median"]),
        dearest_provider=providers.iloc[-1]["provider_name"], dearest_provider_output=_usd(providers.iloc[-1]["output_median"]),
        n_joined=str(len(rated)), n_joined_keys=str(rated["arena_key"].nunique()),
        n_joined_cn=str(int((rated["country_name"] == "中国").sum())),
        n_joined_us=str(int((rated["country_name"] == "美国").sum())),
        arena_snapshot=rated["arena_snapshot"].iloc[0],
        tier_floor="1400", tier_cn_model=tier.loc["中国", "card_name"], tier_cn_price=_usd(tier.loc["中国", "output_price_usd"]),
        tier_cn_rating=str(round(tier.loc["中国", "arena_rating"])),
        tier_us_model=tier.loc["美国", "card_name"], tier_us_price=_usd(tier.loc["美国", "output_price_usd"]),
        tier_us_rating=str(round(tier.loc["美国", "arena_rating"])),
        tier_ratio=_fmt(round(tier.loc["美国", "output_price_usd"] / tier.loc["中国", "output_price_usd"], 1)),
        best_model=best["card_name"], best_rating=str(round(best["arena_rating"])), best_price=_usd(best["output_price_usd"]),
    )
    top_rated = rated[rated["arena_rating"] >= 1400].groupby("country_name")["output_price_usd"].median()
    out.update(tier_cn_median=_usd(top_rated["中国"]), tier_us_median=_usd(top_rated["美国"]))
    quoted = corpus_prices().set_index("metric_id")
    gpt4o = cards.set_index("model_id")
    out.update(
        gpt4o_input=_usd(quoted.loc["mm-177", "value"]), gpt4o_output=_usd(quoted.loc["mm-178", "value"]),
        gpt4o_card_input=_usd(quoted.loc["mm-177", "card_price"]), gpt4o_card_output=_usd(quoted.loc["mm-178", "card_price"]),
        gpt4o_now_input=_usd(gpt4o.loc["gpt-4o", "input_price_usd"]), gpt4o_now_output=_usd(gpt4o.loc["gpt-4o", "output_price_usd"]),
        doubao_price=f"{_fmt(quoted.loc['mm-179', 'value'])}{quoted.loc['mm-179', 'unit']}",
        flash_price=_usd(quoted.loc["mm-180", "value"]),
    )
    # market sizes and their growth
    sizes = market_size_series()
    llm = sizes[sizes["series"] == "cn_llm"].sort_values("date")
    actual = llm[llm["kind"] == "actual"]
    forecast = llm[llm["kind"] == "forecast"].iloc[-1]
    out.update(
        llm_first=f"{_fmt(actual.iloc[0]['value'])}{actual.iloc[0]['unit']}（{actual.iloc[0]['year']} 年）",
        llm_last=f"{_fmt(actual.iloc[-1]['value'])}{actual.iloc[-1]['unit']}（{actual.iloc[-1]['year']} 年）",
        llm_forecast=f"{_fmt(forecast['value'])}{forecast['unit']}（{forecast['year']} 年）",
        n_market_figures=str(len(sizes)), n_market_series=str(sizes["series"].nunique()),
        n_market_units=str(sizes["unit"].nunique()),
        n_market_forecast=str(int((sizes["kind"] == "forecast").sum())),
        n_market_actual=str(int((sizes["kind"] == "actual").sum())),
        n_market_unstated=str(int(sizes["kind"].isna().sum())),
    )
    growth = forecast_growth()
    by_label = growth.set_index(["series", "start_year", "end_year"])
    llm_fc = growth[(growth["series"] == "cn_llm") & (growth["end_kind"] == "预测")].iloc[0]
    chip = growth[growth["series"] == "ai_chip"].iloc[0]
    off = growth[growth["verdict"] == "与原文不一致"]
    stated = growth[growth["stated_pct"].notna()]
    out.update(
        growth_min_years=str(growth["years"].min()), growth_max_years=str(growth["years"].max()),
        n_growth_pairs=str(len(growth)), n_growth_stated=str(len(stated)), n_growth_disagree=str(len(off)),
        growth_disagree_names="、".join(f"{r.label}（原文 {_fmt(r.stated_pct)}%，重算 {_fmt(r.cagr_pct)}%）" for r in off.itertuples()),
        llm_fc_cagr=f"{_fmt(llm_fc['cagr_pct'])}%", llm_fc_years=f"{llm_fc['start_year']}→{llm_fc['end_year']}",
        llm_fc_multiple=_fmt(llm_fc["multiple"]), llm_fc_span=str(llm_fc["years"]),
        chip_cagr=f"{_fmt(chip['cagr_pct'])}%", chip_stated=f"{_fmt(chip['stated_pct'])}%",
        chip_multiple=_fmt(chip["multiple"]), chip_span=str(chip["years"]),
        chip_years=f"{chip['start_year']}→{chip['end_year']}",
        top_growth=growth.iloc[0]["label"], top_growth_cagr=f"{_fmt(growth.iloc[0]['cagr_pct'])}%",
        min_growth=growth.iloc[-1]["label"], min_growth_cagr=f"{_fmt(growth.iloc[-1]['cagr_pct'])}%",
    )
    # adoption
    adoption = adoption_figures()
    people = adoption[adoption["measure"] == "用户（人）"]
    internet = people[people["population"] == "internet"].iloc[0]
    services = people[people["population"] == "ai_services"].iloc[0]
    products = people[people["population"] == "product"].sort_values("count", ascending=False)
    customers = adoption[adoption["measure"] == "客户（家）"].sort_values("count", ascending=False)
    out.update(
        internet_users=f"{internet['as_written']}（{internet['period']}）", ai_service_users=services["as_written"],
        ai_service_name=services["name"], top_product=products.iloc[0]["name"], top_product_value=products.iloc[0]["as_written"],
        n_products=str(len(products)), top_customers=customers.iloc[0]["name"],
        top_customers_value=customers.iloc[0]["as_written"],
    )
    rate = load("rate_checks").iloc[0]
    out.update(rate_stated=_fmt(rate["stated"]), rate_computed=_fmt(round(rate["computed"], 2)),
               rate_total=_fmt(rate["total"]))
    # deals
    table = table_deals()
    status = amount_status_counts()
    domestic, foreign = table[table["table"] == "domestic"], table[table["table"] == "foreign"]
    out.update(
        n_deals=str(len(table)), n_domestic=str(len(domestic)), n_foreign=str(len(foreign)),
        dom_undisclosed=str(status.loc["国内", label("amount_class", "undisclosed")]),
        dom_vague=str(status.loc["国内", label("amount_class", "approximate_vague")]),
        dom_disclosed=str(status.loc["国内", label("amount_class", "disclosed")]),
        for_disclosed=str(status.loc["国外", label("amount_class", "disclosed")]),
    )
    others = other_deals()
    vizio = others.sort_values("amount_millions", ascending=False).iloc[0]
    out.update(n_other_deals=str(len(others)), n_other_domestic=str(int((others["table_name"] == "国内").sum())),
               n_other_foreign=str(int((others["table_name"] == "国外").sum())),
               other_biggest=vizio["company"], other_biggest_text=vizio["amount_text"], other_biggest_type=vizio["deal_type_name"])
    stages = table.groupby(["table_name", "stage"]).size()
    out.update(dom_top_stage=stages["国内"].idxmax(), dom_top_stage_n=str(stages["国内"].max()),
               for_top_stage=stages["国外"].idxmax(), for_top_stage_n=str(stages["国外"].max()))
    cities = domestic["city"].value_counts()
    top_four = cities.head(4)
    out.update(top_city=cities.index[0], top_city_n=str(cities.iloc[0]), n_cities=str(domestic["city"].nunique()),
               top4_cities="、".join(top_four.index), top4_share=f"{top_four.sum() / len(domestic):.0%}")
    foreign_cities = foreign["city"].value_counts()
    out.update(for_top_city=foreign_cities.index[0], for_top_city_n=str(foreign_cities.iloc[0]))
    sectors = table.groupby(["table_name", "sector"]).size()
    other = other_sector()
    named = sectors.drop(other, level="sector")

    def leaders(table_name: str) -> str:
        counts = named[table_name]
        return "、".join(counts[counts == counts.max()].index)

    out.update(dom_top_sector=leaders("国内"), dom_top_sector_n=str(named["国内"].max()),
               for_top_sector=leaders("国外"), for_top_sector_n=str(named["国外"].max()),
               dom_other_n=str(sectors["国内"].get(other, 0)), for_other_n=str(sectors["国外"].get(other, 0)),
               dom_robot_n=str(sectors["国内"].get("智能机器人", 0)), for_robot_n=str(sectors["国外"].get("智能机器人", 0)),
               for_robot_names="、".join(foreign.loc[foreign["sector"] == "智能机器人", "company"]),
               for_health_n=str(sectors["国外"].get("医疗健康", 0)), dom_health_n=str(sectors["国内"].get("医疗健康", 0)))
    totals = amount_totals().set_index(["table_name", "currency", "amount_status"])
    foreign_usd = totals.loc[("国外", "USD", "disclosed")]
    funding = financing_deals()
    foreign_rounds = funding[(funding["table"] == "foreign") & (funding["amount_status"] == "disclosed")]
    biggest = foreign_rounds.loc[foreign_rounds["amount_millions"].idxmax()]
    out.update(for_usd_disclosed=_fmt(foreign_usd["millions"]), for_usd_disclosed_n=str(int(foreign_usd["deals"])),
               for_biggest=biggest["company"], for_biggest_text=biggest["amount_text"], for_biggest_round=biggest["round"],
               for_biggest_share=f"{biggest['amount_millions'] / foreign_usd['millions']:.0%}")
    dom_cny = totals.loc[("国内", "CNY", "disclosed")]
    dom_usd = totals.loc[("国内", "USD", "disclosed")]
    out.update(dom_cny_disclosed=_fmt(dom_cny["millions"]), dom_cny_disclosed_n=str(int(dom_cny["deals"])),
               dom_usd_disclosed=_fmt(dom_usd["millions"]), dom_usd_disclosed_n=str(int(dom_usd["deals"])))
    dom_funding = funding[funding["table"] == "domestic"]
    dom_cny_top = dom_funding[dom_funding["currency"] == "CNY"].sort_values("amount_millions", ascending=False).iloc[0]
    dom_usd_top = dom_funding[dom_funding["currency"] == "USD"].sort_values("amount_millions", ascending=False).iloc[0]
    out.update(dom_cny_top=dom_cny_top["company"], dom_cny_top_text=dom_cny_top["amount_text"],
               dom_usd_top=dom_usd_top["company"], dom_usd_top_text=dom_usd_top["amount_text"])
    count = deal_count_check().set_index("表")
    out.update(stated_domestic=str(count.loc["国内", "正文所说（起）"]), rows_domestic=str(count.loc["国内", "表中行数"]),
               top_no_domestic=str(count.loc["国内", "表中最大序号"]), missing_domestic=count.loc["国内", "缺失的序号"],
               stated_foreign=str(count.loc["国外", "正文所说（起）"]), rows_foreign=str(count.loc["国外", "表中行数"]))
    moon = moonshot_claims().set_index("deal_id")
    out.update(moon_table=moon.loc["cn-034", "amount_text"], moon_narrative=moon.loc["nar-001", "amount_text"])
    check = over_100m_check()
    out.update(
        n_over_list=str(len(over_100m_list())),
        list_not_yi="、".join(f"{r.company}（{r.amount_text}）" for r in check[check["in_list"] & ~check["written_in_yi"]].itertuples()),
        yi_not_list="、".join(f"{r.company}（{r.amount_text}）" for r in check[~check["in_list"] & check["written_in_yi"]].itertuples()),
    )
    # business models
    mentions = business_model_mentions().set_index("model")
    most = mentions["mentions"].idxmax()
    most_companies = mentions["companies"].idxmax()
    out.update(bm_most=most, bm_most_n=str(mentions.loc[most, "mentions"]),
               bm_most_companies=most_companies, bm_most_companies_n=str(mentions.loc[most_companies, "companies"]),
               bm_aidc_names=mentions.loc["AIDC", "company_names"], bm_maas_names=mentions.loc["MaaS", "company_names"],
               bm_api_names=mentions.loc["API", "company_names"], bm_2c_names=mentions.loc["2C", "company_names"],
               n_bm_paragraphs=str(len(section_paragraphs())))
    # listed companies
    listed = listed_company_models()
    with_models = listed[listed["models"] > 0]
    chinese = with_models[with_models["origin"] == "中国"]
    out.update(n_listed=str(len(listed)), n_listed_text=str(int((listed["listing"] == "text").sum())),
               n_listed_curator=str(int((listed["listing"] == "curator").sum())),
               n_listed_with_models=str(len(with_models)),
               listed_top=with_models.iloc[0]["company"], listed_top_n=str(with_models.iloc[0]["models"]),
               listed_cn_top=chinese.iloc[0]["company"], listed_cn_top_n=str(chinese.iloc[0]["models"]),
               listed_cn_second=chinese.iloc[1]["company"], listed_cn_second_n=str(chinese.iloc[1]["models"]),
               listed_curator_names="、".join(listed.loc[(listed["listing"] == "curator") & (listed["origin"] == "中国"), "company"]),
               listed_without="、".join(listed.loc[listed["models"] == 0, "company"]))
    return out
