"""Chapter 4 (robotics): the humanoid products of the awesome-robots list (maker, country, price, release year) set
against the humanoids the corpus names; the report's specs, component supply chain, market sizes and growth rates;
robot deals.

Every function returns a small DataFrame ready to chart or show. Fact rows keep their `doc_id`, the document's
`label` and the verbatim `quote`, so tooltips and tables can cite them.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from .. import paths, registry
from ..data import load
from ..errors import MappingError
from ..facts.derived import growth_checks
from ..facts.mappings import display, harmonize, label
from ..facts.market_subjects import subject_names

SPEC_TABLE = "4.7.3"  # the HTI report's 各家人形机器人对比 table (robots.report_table)
# Robot-related market_metrics subjects (matched on the English subject); their Chinese names are in
# data/mappings/market_subjects.yml, shared with chapter 5.
ROBOT_SUBJECT = re.compile(r"robot|embodied|reducer|screw|sensor|motor", re.IGNORECASE)
RATE_METRICS = ("cagr", "growth_rate")
UNSTATED_KIND = "未标明"  # a figure whose text does not say whether it is actual, estimated or forecast
ROBOT_BUSINESS = re.compile(r"机器人|人形")


def _labels() -> pd.Series:
    return load("documents").set_index("doc_id")["label"]


def _with_label(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(source=frame["doc_id"].map(_labels()))


# --- the awesome-robots humanoid list (outside data) ---------------------------------------------------------

DATASET = "awesome_robots"


def humanoid_products() -> pd.DataFrame:
    """awesome-robots' humanoid products with the maker's registry country as a Chinese name (`country_name`,
    labels.yml block maker_country), a colour group (中国, 美国, 其他国家和地区: labels.yml block maker_country_group) and the release year where the list
    gives a date. A maker without a country in the registry stops here, naming the registry file."""
    products = load("humanoid_products").copy()
    missing = sorted(set(products.loc[products["country"].isna(), "maker_id"]))
    if missing:
        raise MappingError(f"{DATASET}: maker(s) {', '.join(map(repr, missing))} have no country in "
                           f"{registry.file_of('organisation')}; add it there")
    products["country_name"] = display(products["country"], "maker_country")
    products["country_group"] = display(products["country"], "maker_country_group")
    products["year"] = pd.to_numeric(products["release_date"].str[:4]).astype("Int64")
    products["price_text"] = [f"{p:,.0f} {c}" if pd.notna(p) else None
                              for p, c in zip(products["price"], products["currency"])]
    return products


def humanoids_by_country() -> pd.DataFrame:
    """Humanoid products and makers per maker country, most products first, with how many state a price."""
    products = humanoid_products()
    table = products.groupby(["country_name", "country_group"], as_index=False).agg(
        products=("product_id", "size"), makers=("maker_id", "nunique"), priced=("price", "count"),
        maker_names=("maker", lambda s: "、".join(dict.fromkeys(s))))
    return table.sort_values(["products", "country_name"], ascending=[False, True]).reset_index(drop=True)


def humanoid_price_coverage() -> pd.DataFrame:
    """How many humanoid products state a starting price, per currency (never converted), and how many do not,
    split into 'request' (price on request) and the rest (0 or not for sale)."""
    products = humanoid_products()
    priced = products[products["price"].notna()]
    rows = [{"price_status": "标价", "currency": c, "products": int(n)}
            for c, n in priced["currency"].value_counts().items()]
    unpriced = products[products["price"].isna()]
    on_request = unpriced["price_as_written"].eq("request")
    rows += [{"price_status": "询价", "currency": None, "products": int(on_request.sum())},
             {"price_status": "未标价", "currency": None, "products": int((~on_request).sum())}]
    return pd.DataFrame(rows)


def humanoid_prices(currency: str = "USD") -> pd.DataFrame:
    """The products with a starting price in one currency, cheapest first, with a display name 'maker product'."""
    products = humanoid_products()
    priced = products[products["currency"].eq(currency)].copy()
    priced["robot"] = priced["maker"] + " " + priced["name"]
    return priced.sort_values(["price", "robot"]).reset_index(drop=True)


def humanoid_price_summary(currency: str = "USD") -> pd.DataFrame:
    """Per colour group: products priced in `currency`, their median, lowest and highest starting price."""
    priced = humanoid_prices(currency)
    return priced.groupby("country_group", as_index=False).agg(
        products=("product_id", "size"), median_price=("price", "median"), min_price=("price", "min"),
        max_price=("price", "max"))


def humanoids_by_year() -> pd.DataFrame:
    """Products with a release or announcement date, per year and colour group (undated products left out; see
    humanoid_products for how many)."""
    products = humanoid_products()
    dated = products[products["year"].notna()]
    return (dated.groupby(["year", "country_group"], as_index=False)
            .agg(products=("product_id", "size"), names=("name", lambda s: "、".join(s)))
            .astype({"year": int}))


def _same_product(name: str) -> str:
    """Product names that differ only in spacing are one product (Figure 01 / Figure01)."""
    return re.sub(r"\s+", "", name)


def report_humanoids() -> pd.DataFrame:
    """Each humanoid maker the corpus names (data/curated/robots.csv) through the entity registry, with the products
    the corpus names for it, whether the awesome-robots list has the maker, how many products it lists for it, and
    which named products it has (data/mappings/report_humanoids.yml). Rows without a maker (WL9-DR) are left out.
    A maker the registry lacks, or a product the mapping file lacks, stops here naming the file to edit."""
    robots = load("robots")
    named = robots[robots["maker"].notna()].copy()
    named["maker_id"] = registry.harmonize(named["maker"], "organisation", f"{paths.CURATED / 'robots.csv'} (maker)")
    named["product_id"] = harmonize(named["product"], "report_humanoids")
    products = humanoid_products()
    listed = products.groupby("maker_id").agg(listed_products=("product_id", "size"),
                                              listed_names=("name", lambda s: "、".join(s)))
    names = products.set_index("product_id")["name"]
    rows = []
    for maker_id, group in named.groupby("maker_id", sort=False):
        written = list({_same_product(p): p for p in reversed(group["product"].dropna().tolist())}.values())[::-1]
        matched = list(dict.fromkeys(group["product_id"].dropna()))
        rows.append({
            "maker_id": maker_id, "maker": " / ".join(dict.fromkeys(group["maker"])),
            "report_products": "、".join(written) or "（未点名产品）",
            "in_list": maker_id in listed.index,
            "listed_products": int(listed["listed_products"].get(maker_id, 0)),
            "matched": "、".join(names[m] for m in matched) or "—",
            "n_report_products": len(written), "n_matched": len(matched),
            "report_prices": int(group["price_value"].notna().sum()),
        })
    frame = pd.DataFrame(rows)
    frame["in_list_zh"] = frame["in_list"].map({True: "收录", False: "未收录"})
    return frame.sort_values(["in_list", "listed_products"], ascending=[False, False]).reset_index(drop=True)


def report_products_matched() -> pd.DataFrame:
    """The distinct products the corpus names with a maker, and the list product each is (blank where none)."""
    robots = load("robots")
    named = robots[robots["maker"].notna() & robots["product"].notna()].copy()
    named = named[~named["product"].map(_same_product).duplicated()]
    named["product_id"] = harmonize(named["product"], "report_humanoids")
    return named[["robot_id", "maker", "product", "product_id", "doc_id", "quote"]].reset_index(drop=True)


def humanoid_products_table() -> pd.DataFrame:
    """Every humanoid product of the list with readable columns, for the searchable table (nothing dropped)."""
    return humanoid_products()[["maker", "name", "country_name", "price_as_written", "price", "currency",
                                "release_date", "release_precision", "product_id"]]


# --- humanoid specs in the report ------------------------------------------------------------------------------

def spec_table_robots() -> pd.DataFrame:
    """The robots rows transcribed from the HTI §4.7.3 comparison table (one per model, incl. the electric Atlas
    named in a parenthesis), with a display name "maker product"."""
    robots = load("robots")
    rows = robots[robots["report_table"] == SPEC_TABLE].copy()
    rows["robot"] = rows["maker"].fillna("") + " " + rows["product"].fillna("")
    return _with_label(rows).reset_index(drop=True)


def _as_written(pattern: str, quote: str) -> str | None:
    match = re.search(pattern, quote)
    return match.group(0) if match else None


def humanoid_specs() -> pd.DataFrame:
    """Height, weight and degrees of freedom of the spec-table robots, one row per robot and spec.

    `value` is filled only where the table states a single number for that spec (`plotted` is True). `status`
    says why a cell is not plotted: not given ("--" or undisclosed), a DoF range (23-43), or a joint count that
    the table puts in its combined 关节数/自由度 column (28 个关节, 60+智能柔性关节). `as_written` keeps the
    cell's wording (35kg+ is a lower bound, plotted at 35 and marked).
    """
    rows = []
    for robot in spec_table_robots().itertuples():
        cells = {
            "height": (robot.height_m, _as_written(r"\d+(\.\d+)?\s*米(?!/)", robot.quote)),
            "weight": (robot.weight_kg, _as_written(r"\d+(\.\d+)?\s*kg\+?", robot.quote)),
            "dof": (robot.dof, robot.dof_text if pd.notna(robot.dof_text) else None),
        }
        for key, (value, written) in cells.items():
            if pd.notna(value):
                status = "下限（写作“+”）" if written and written.endswith("+") else "明确给出"
            elif written and "关节" in written:
                status = "关节数，不是自由度"
            elif written and re.search(r"\d\s*-\s*\d", written):
                status = "区间，未分型号"
            else:
                status = "未给出"
            rows.append({
                "robot_id": robot.robot_id, "robot": robot.robot, "maker": robot.maker, "product": robot.product,
                "spec": label("robot_spec", key), "spec_key": key, "value": value if pd.notna(value) else None,
                "plotted": bool(pd.notna(value)), "as_written": written or "—", "status": status,
                "doc_id": robot.doc_id, "source": robot.source, "quote": robot.quote,
            })
    frame = pd.DataFrame(rows)
    frame["value"] = frame["value"].astype(float)
    frame["label_x"] = frame["value"].fillna(0.0)
    unplotted = (frame["as_written"] + "：" + frame["status"]).where(frame["as_written"] != "—", frame["status"])
    frame["label_text"] = frame["as_written"].where(frame["plotted"], unplotted)
    return frame


def spec_table() -> pd.DataFrame:
    """The comparison table as written, one row per robot: height, weight and the 关节数/自由度 cell, with what the
    DoF cell is (a single DoF number, a joint count, a range, or not given)."""
    specs = humanoid_specs()
    wide = specs.pivot_table(index=["robot_id", "robot"], columns="spec_key", values="as_written", aggfunc="first")
    dof_status = specs[specs["spec_key"] == "dof"].set_index("robot_id")["status"]
    wide = wide.reset_index()
    wide["dof_status"] = wide["robot_id"].map(dof_status)
    wide = wide.rename(columns={"height": "height_text", "weight": "weight_text", "dof": "dof_text"})
    return wide[["robot", "height_text", "weight_text", "dof_text", "dof_status"]].rename_axis(columns=None)


def spec_coverage() -> pd.DataFrame:
    """For each spec: how many spec-table robots state one number for it, and how many cells are not plotted
    (by reason)."""
    specs = humanoid_specs()
    table = specs.pivot_table(index="spec", columns="status", values="robot_id", aggfunc="count", fill_value=0)
    table["plotted"] = specs.groupby("spec")["plotted"].sum()
    table["robots"] = specs.groupby("spec")["robot_id"].nunique()
    return table.reset_index()


def tesla_line() -> pd.DataFrame:
    """The dated stages of Tesla's humanoid robot (concept, prototype, …, planned launch) as the report lists them."""
    robots = load("robots")
    tesla = robots[(robots["company_id"] == "tesla") & robots["year"].notna()]
    return _with_label(tesla[["robot_id", "product", "maker", "year", "doc_id", "quote"]]).sort_values("year")


# --- supply chain ------------------------------------------------------------------------------------------------

def supply_chain() -> pd.DataFrame:
    """robot_supply_chain joined to companies: one row per component × company (no row dropped), with the
    component family, the company's country where a text states it, and whether a text calls it listed."""
    chain = load("robot_supply_chain")
    companies = load("companies")[["company_id", "name", "country", "listed", "exchange"]].rename(
        columns={"listed": "company_listed", "name": "company_name"})
    joined = chain.merge(companies, on="company_id", how="left", validate="many_to_one")
    joined["group"] = harmonize(joined["component"], "robot_components")
    # the colour groups of colours.yml block `country`
    joined["region"] = joined["country"].map(lambda c: "未注明" if pd.isna(c) else ("中国" if c == "CN" else "国外"))
    said_listed = (joined["listed"] == "yes") | (joined["company_listed"] == "yes")
    joined["listed_status"] = said_listed.map({True: "文中称上市", False: "未说明是否上市"})
    return _with_label(joined)


def components_by_region() -> pd.DataFrame:
    """Companies named per component family and region, with their names (for an hbar)."""
    chain = supply_chain()
    grouped = chain.groupby(["group", "region"], as_index=False).agg(
        n_companies=("company_id", "nunique"),
        names=("company", lambda s: "、".join(dict.fromkeys(s))),
        listed=("listed_status", lambda s: int((s == "文中称上市").sum())))
    totals = chain.groupby("group")["company_id"].nunique().rename("group_companies")
    return grouped.merge(totals, on="group").sort_values(["group_companies", "group"], ascending=[False, True])


def listed_suppliers() -> pd.DataFrame:
    """Supply-chain companies a text calls listed, with the components they are named for."""
    chain = supply_chain()
    listed = chain[chain["listed_status"] == "文中称上市"]
    return listed.groupby(["company_id", "company"], as_index=False).agg(
        components=("component", "、".join), exchange=("exchange", "first"), source=("source", "first"),
        doc_id=("doc_id", "first"), quote=("quote", "first"))


def multi_component_suppliers() -> pd.DataFrame:
    """Companies named for more than one component, most components first."""
    chain = supply_chain()
    counts = chain.groupby(["company_id", "company"], as_index=False).agg(
        components=("component", "nunique"), component_list=("component", "、".join), region=("region", "first"))
    return counts[counts["components"] > 1].sort_values("components", ascending=False).reset_index(drop=True)


def supply_chain_makers_in_list() -> pd.DataFrame:
    """Supply-chain companies that are also humanoid makers in the awesome-robots list, matched through the entity
    registry (a company the registry lacks stops here, naming the file to edit)."""
    chain = supply_chain().drop_duplicates("company_id")
    chain = chain.assign(maker_id=registry.harmonize(chain["company"], "organisation",
                                                     f"{paths.CURATED / 'robot_supply_chain.csv'} (company)"))
    makers = set(humanoid_products()["maker_id"])
    return chain[chain["maker_id"].isin(makers)][["company_id", "company", "maker_id"]].reset_index(drop=True)


def supply_chain_table() -> pd.DataFrame:
    """The joined supply chain with readable columns, for the searchable table (nothing dropped)."""
    return supply_chain()[["row_id", "group", "component", "company", "region", "country", "listed_status", "exchange",
                           "source", "doc_id", "quote"]]


# --- market size and growth --------------------------------------------------------------------------------------

def _robot_metrics() -> pd.DataFrame:
    metrics = load("market_metrics")
    robot = metrics[metrics["subject"].str.contains(ROBOT_SUBJECT)].copy()
    robot["subject_zh"] = subject_names(robot["subject"])
    return _with_label(robot)


def robot_market_series() -> pd.DataFrame:
    """Robot-related market sizes and volumes (not rates), one row per stated figure, with its year, whether the
    text calls it actual, estimate or forecast (未标明 where it does not), and a series label carrying the unit."""
    levels = _robot_metrics()
    levels = levels[~levels["metric"].isin(RATE_METRICS)].copy()
    levels["year"] = levels["period_end"].str[:4].astype(int)
    levels["kind_zh"] = display(levels["kind"], "metric_kind").fillna(UNSTATED_KIND)
    levels["series"] = levels["subject_zh"] + "（" + levels["unit"] + "）"
    columns = ["metric_id", "series", "subject_zh", "subject", "geography", "year", "value", "unit", "kind_zh",
               "source_body", "source", "doc_id", "quote"]
    return levels[columns].sort_values(["series", "year"]).reset_index(drop=True)


def market_multiples() -> pd.DataFrame:
    """Each robot-related series from its first to its last stated year: the multiple and whether it grows."""
    series = robot_market_series()
    rows = []
    for name, group in series.groupby("series", sort=False):
        first, last = group.iloc[0], group.iloc[-1]
        rows.append({"series": name, "first_year": first["year"], "last_year": last["year"],
                     "first_value": first["value"], "last_value": last["value"],
                     "multiple": round(last["value"] / first["value"], 2), "points": len(group),
                     "forecast_points": int((group["kind_zh"] == "预测").sum())})
    return pd.DataFrame(rows)


FORECAST_KIND = "预测"


def robot_market_lines() -> pd.DataFrame:
    """The segments between consecutive stated years of each robot-related series, two rows (start, end) per
    segment, for a line that is solid between actual or estimated figures and dashed where it runs into a
    forecast year (`segment` 预测), or into or out of a year whose figure is not marked either way (未标明).
    Lines join stated years only; the points of robot_market_series mark them."""
    series = robot_market_series()
    rows = []
    for name, group in series.groupby("series", sort=False):
        group = group.sort_values("year")
        for number, (start, end) in enumerate(zip(group.iloc[:-1].itertuples(), group.iloc[1:].itertuples())):
            if FORECAST_KIND in (end.kind_zh,):
                kind = "预测"
            elif UNSTATED_KIND in (start.kind_zh, end.kind_zh):
                kind = UNSTATED_KIND
            elif FORECAST_KIND == start.kind_zh:
                kind = "预测"
            else:
                kind = "实际或估计"
            for point in (start, end):
                rows.append({"series": name, "segment_id": f"{name}#{number}", "segment": kind,
                             "year": point.year, "value": point.value})
    return pd.DataFrame(rows)


def _implied_years(start: float, end: float, pct: float) -> float:
    return round(math.log(end / start) / math.log(1 + pct / 100), 2)


def robot_growth_checks(tolerance_pp: float = 1.0) -> pd.DataFrame:
    """Stated robot-related CAGRs against the rate recomputed from their endpoints (cnai.facts.derived.growth_checks).

    Where the text states the sizes for other years than the rate's written period, the recomputation uses the
    sizes' own years and `basis` says so. `implied_years` is how many years of compounding at the stated rate
    lead from the start to the end value.
    """
    checks = growth_checks(load("market_metrics"), tolerance_pp)
    frame = checks[checks["subject"].str.contains(ROBOT_SUBJECT)].copy()
    frame["basis"] = [
        "端点已链接，期间与原文一致" if matches else f"期间不一致：原文期间写作{written}，按所列规模的年份计算"
        for matches, written in zip(frame["period_matches"], frame["stated_period"])
    ]
    frame["subject_zh"] = subject_names(frame["subject"])
    frame["implied_years"] = [_implied_years(s, e, p) for s, e, p in
                              zip(frame["base_value"], frame["end_value"], frame["stated_pct"])]
    frame["verdict"] = frame["agrees"].map({True: "相符（差距≤1个百分点）", False: "不符（差距>1个百分点）"})
    frame["period"] = frame["base_period"].astype(str) + "→" + frame["end_period"].astype(str)
    frame["basis_kind"] = frame["period_matches"].map({True: "期间与原文一致", False: "原文期间与规模年份不一致"})
    frame["rate_name"] = frame["subject_zh"].str.replace("复合增长率", "", regex=False)
    frame["label"] = [f"原文 {s:g}% ｜ 复算 {c:g}%" for s, c in zip(frame["stated_pct"], frame["computed_pct"])]
    return _with_label(frame).sort_values("difference_pp").reset_index(drop=True)


def robot_rates_unchecked() -> pd.DataFrame:
    """Robot-related stated rates that cannot be recomputed (no endpoint pair in the corpus)."""
    rates = _robot_metrics()
    rates = rates[rates["metric"].isin(RATE_METRICS)]
    checked = set(robot_growth_checks()["metric_id"])
    return rates[~rates["metric_id"].isin(checked)][["metric_id", "subject_zh", "metric", "value", "unit",
                                                    "period_end", "source", "doc_id", "quote"]]


# --- financing ----------------------------------------------------------------------------------------------------

def robot_deals() -> pd.DataFrame:
    """1Q24 deals whose business mentions 机器人 or 人形, amounts in millions of their own currency (never converted).

    `amount_millions` is blank where the amount is undisclosed or written without a number (近千万美元, 超亿人民币);
    `humanoid` marks businesses that mention 人形.
    """
    deals = load("funding_amounts")
    robot = deals[deals["business"].fillna("").str.contains(ROBOT_BUSINESS)].copy()
    robot["humanoid"] = robot["business"].str.contains("人形")
    robot["kind"] = robot["humanoid"].map({True: "人形机器人", False: "其他机器人"})
    robot["status_zh"] = display(robot["amount_status"], "amount_status")
    robot["table_zh"] = display(robot["table"], "deal_table")
    robot["date"] = pd.to_datetime(robot["date"])
    return _with_label(robot).sort_values("date").reset_index(drop=True)


def robot_deal_counts() -> pd.DataFrame:
    """Robot deals against all deals, per table (domestic/foreign), with how many disclose a number."""
    deals = load("funding_amounts")
    robot = robot_deals()
    total = deals.groupby("table").size().rename("all_deals")
    rows = robot.groupby("table").agg(robot_deals=("deal_id", "size"),
                                      with_number=("amount_millions", "count"),
                                      undisclosed=("amount_status", lambda s: int((s == "undisclosed").sum())))
    return rows.join(total).assign(share=lambda d: (d["robot_deals"] / d["all_deals"]).round(3)).reset_index()


def robot_deal_amounts() -> pd.DataFrame:
    """Robot deals with a number, in millions of their currency; approximate ones (超 = at least) marked."""
    deals = robot_deals()
    amounts = deals[deals["amount_millions"].notna()].copy()
    amounts["currency_zh"] = display(amounts["currency"], "currency") + "（百万）"
    amounts["date_text"] = amounts["date"].dt.strftime("%Y-%m-%d")
    return amounts[["deal_id", "company", "business", "kind", "round", "date_text", "amount_text", "amount_status",
                    "status_zh", "amount_millions", "currency", "currency_zh", "source", "doc_id", "quote"]]


def robot_deal_totals() -> pd.DataFrame:
    """Sum of the robot deal amounts that have a number, per currency (never across currencies). Approximate
    amounts written 超 are lower bounds, so the total is one too."""
    amounts = robot_deal_amounts()
    return amounts.groupby("currency", as_index=False).agg(
        deals=("deal_id", "size"), total_millions=("amount_millions", "sum"),
        approximate=("amount_status", lambda s: int((s == "approximate").sum())),
        humanoid_millions=("amount_millions", lambda s: float(s[amounts.loc[s.index, "kind"] == "人形机器人"].sum())))


def robot_deals_table() -> pd.DataFrame:
    """Every robot deal with its amount as written, in date order (the chapter's deal table)."""
    deals = robot_deals()
    return deals.assign(date_text=deals["date"].dt.strftime("%Y-%m-%d"))[
        ["date_text", "company", "kind", "round", "amount_text", "status_zh", "table_zh", "business", "source",
         "quote"]]


def largest_robot_deals() -> pd.DataFrame:
    """Per currency: how many robot deals state a number, the largest, whether its company is a humanoid maker and
    whether its amount is only a lower bound (超). The basis of any "largest deal" claim."""
    amounts = robot_deal_amounts()
    rows = []
    for currency, group in amounts.groupby("currency"):
        top = group.sort_values("amount_millions").iloc[-1]
        rows.append({"currency": currency, "currency_zh": display(pd.Series([currency]), "currency").iloc[0],
                     "deals": len(group), "company": top["company"], "amount_text": top["amount_text"],
                     "amount_millions": top["amount_millions"], "humanoid": top["kind"] == "人形机器人",
                     "lower_bound": top["amount_status"] == "approximate"})
    return pd.DataFrame(rows)


def embodied_deals_outside_filter() -> pd.DataFrame:
    """Deals about 具身智能 that the 机器人/人形 filter leaves out (named in the caveats)."""
    deals = load("funding_amounts")
    business = deals["business"].fillna("")
    return deals[business.str.contains("具身") & ~business.str.contains(ROBOT_BUSINESS)][
        ["deal_id", "company", "business", "amount_text", "doc_id", "quote"]]
