"""Schemas of the curated fact tables in data/curated (one CSV per table, transcribed from the corpus)."""
from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from .mappings import labels

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# Geography codes: the ones labels.yml names (data/mappings/labels.yml, block `geography`), so that a code and
# its Chinese name are added in one place.
GEOGRAPHIES = list(labels("geography"))
COUNTRY = r"^[A-Z]{2}$"
PRECISION = ["day", "month", "quarter", "year"]


class Curated(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(description="source document (data/raw/sources.yml)")
    quote: Series[str] = pa.Field(str_length={"min_value": 4, "max_value": 200},
                                  description="verbatim quote (≤ 200 characters) from the cleaned text holding the row's values")
    notes: Series[str] = pa.Field(nullable=True, description="reading decisions, disagreements, caveats")

    class Config:
        strict = True
        coerce = True


class Companies(Curated):
    """Companies and organisations the other tables refer to."""
    company_id: Series[str] = pa.Field(unique=True, str_matches=r"^[a-z0-9_]+$", description="key used by the other tables")
    name: Series[str] = pa.Field(description="name as most often written")
    aliases: Series[str] = pa.Field(nullable=True, description="other spellings in the tables, ' | '-separated")
    country: Series[str] = pa.Field(nullable=True, str_matches=COUNTRY, description="ISO 3166 code, where a text says")
    roles: Series[str] = pa.Field(description="model_developer, startup_funded, chip_vendor, chip_investor, chain_member, robot_maker, robot_component_supplier")
    listed: Series[str] = pa.Field(nullable=True, isin=["yes"], description="yes where a text says it is listed")
    exchange: Series[str] = pa.Field(nullable=True)
    ticker: Series[str] = pa.Field(nullable=True)


class Models(Curated):
    """Large models the corpus names, one row per model and claim (several sizes: one row per size)."""
    row_id: Series[str] = pa.Field(unique=True, str_matches=r"^m-\d{3}$")
    model: Series[str] = pa.Field(description="canonical model name")
    name_as_written: Series[str]
    developer: Series[str] = pa.Field(nullable=True)
    company_id: Series[str] = pa.Field(nullable=True, description="→ companies")
    developer_type: Series[str] = pa.Field(nullable=True, isin=[
        "internet_platform", "listed_ai_company", "startup", "research_institute", "other_listed_company", "foreign", "other"])
    country: Series[str] = pa.Field(nullable=True, str_matches=COUNTRY)
    release_date: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    release_date_precision: Series[str] = pa.Field(nullable=True, isin=PRECISION)
    params_b: Series[float] = pa.Field(nullable=True, ge=0, description="parameters in billions, computed from params_text")
    params_text: Series[str] = pa.Field(nullable=True, description="parameter count as written")
    training_data: Series[str] = pa.Field(nullable=True)
    modality: Series[str] = pa.Field(nullable=True, isin=["text", "multimodal", "image", "video", "speech", "code", "other"])
    scope: Series[str] = pa.Field(nullable=True, isin=["general", "industry"])
    industry: Series[str] = pa.Field(nullable=True)
    open_source: Series[str] = pa.Field(nullable=True, isin=["open", "closed"])
    filing_status: Series[str] = pa.Field(nullable=True, isin=["filed"], description="备案 (filing) where stated")


class ModelCounts(Curated):
    """Claims about how many large models or model companies exist."""
    row_id: Series[str] = pa.Field(unique=True, str_matches=r"^c-\d{3}$")
    as_of_date: Series[str] = pa.Field(str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(isin=PRECISION)
    value: Series[float] = pa.Field(ge=0)
    qualifier: Series[str] = pa.Field(isin=["exact", "more_than", "at_least", "nearly", "approx"])
    unit_counted: Series[str] = pa.Field(isin=["models", "companies"])
    scope: Series[str] = pa.Field(description="what is counted")
    geography: Series[str] = pa.Field(isin=GEOGRAPHIES)
    definition_text: Series[str] = pa.Field(nullable=True, description="the defining words as written")
    claimant: Series[str] = pa.Field(nullable=True)


class FundingDeals(Curated):
    """Financing deals of 1Q24 listed in the HTI report's tables (and its text)."""
    deal_id: Series[str] = pa.Field(unique=True, str_matches=r"^(cn|fx|nar)-\d{3}$")
    table: Series[str] = pa.Field(isin=["domestic", "foreign", "other"])
    report_no: Series[float] = pa.Field(nullable=True, ge=1, description="the report's own row number")
    company: Series[str]
    company_id: Series[str] = pa.Field(nullable=True, description="→ companies")
    business: Series[str] = pa.Field(nullable=True)
    city: Series[str] = pa.Field(nullable=True)
    country: Series[str] = pa.Field(nullable=True, str_matches=COUNTRY)
    round: Series[str] = pa.Field(nullable=True)
    date: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(nullable=True, isin=PRECISION)
    amount_text: Series[str] = pa.Field(description="amount as written (未披露 = undisclosed)")
    amount_value: Series[float] = pa.Field(nullable=True, gt=0, description="number as written, in amount_unit")
    amount_unit: Series[str] = pa.Field(nullable=True, isin=["万美元", "亿美元", "万人民币", "亿人民币"])
    currency: Series[str] = pa.Field(nullable=True, isin=["USD", "CNY"])
    amount_status: Series[str] = pa.Field(isin=["disclosed", "approximate", "undisclosed"])
    investors: Series[str] = pa.Field(nullable=True, description="as written, ' | '-separated")


class Chips(Curated):
    """Accelerators and phone chips, one row per stated specification."""
    chip_id: Series[str] = pa.Field(unique=True)
    chip: Series[str]
    vendor: Series[str] = pa.Field(nullable=True)
    company_id: Series[str] = pa.Field(nullable=True)
    country: Series[str] = pa.Field(nullable=True, str_matches=COUNTRY)
    use: Series[str] = pa.Field(nullable=True, isin=["training", "inference", "phone_soc", "isp", "npu", "other"])
    spec_name: Series[str] = pa.Field(nullable=True)
    spec_value: Series[float] = pa.Field(nullable=True)
    spec_unit: Series[str] = pa.Field(nullable=True)
    date: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(nullable=True, isin=PRECISION)
    quote_fixed: Series[str] = pa.Field(isin=["yes", "no"], description=(
        "yes where the curators replaced a quote that joined two paragraphs by one of them (QUOTE FIX)"))
    not_in_quote: Series[str] = pa.Field(nullable=True, str_matches=r"^(vendor|date|chip)( \| (vendor|date|chip))*$",
                                         description="the row's fields its quote does not state (taken from a "
                                                     "neighbouring paragraph or the section), ' | '-separated")
    chip_ambiguous: Series[str] = pa.Field(isin=["yes", "no"], description=(
        "yes where the text does not say which product the chip name means (Blackwell: architecture, die, B100 or GB200)"))
    company_figure: Series[str] = pa.Field(isin=["yes", "no"], description=(
        "yes where the figure belongs to the company, not to a chip (a market share)"))
    misprint: Series[str] = pa.Field(nullable=True, description="a misprint of the source kept verbatim in the quote, as written")
    value_as_written: Series[str] = pa.Field(nullable=True, description=(
        "the value as the quote writes it where spec_value is blank because it is in words or a range"))


class ChipInvestments(Curated):
    """Chip-related investment facts (portfolios, amounts)."""
    fact_id: Series[str] = pa.Field(unique=True)
    investor: Series[str]
    company_id: Series[str] = pa.Field(nullable=True)
    metric: Series[str]
    value: Series[float] = pa.Field(nullable=True)
    unit: Series[str] = pa.Field(nullable=True)
    date: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(nullable=True, isin=PRECISION)


class IndustryChain(Curated):
    """Companies the report places in each layer of the AI industry chain."""
    row_id: Series[str] = pa.Field(unique=True)
    layer: Series[str]
    layer_en: Series[str]
    company: Series[str] = pa.Field(nullable=True, description="blank where the report names the layer only")
    company_id: Series[str] = pa.Field(nullable=True)
    country: Series[str] = pa.Field(nullable=True, str_matches=COUNTRY)
    report_section: Series[str] = pa.Field(str_matches=r"^\d+(\.\d+)*$", description=(
        "the section of the report the row comes from (6.3.1 six-layer chain, 6.3.2 commentary, 6.4 investment table, "
        "4.1.4 public-cloud ranking, 4.4.3 optical-module ranking)"))
    report_column: Series[str] = pa.Field(nullable=True, isin=["domestic", "foreign"], description=(
        "the column (国内 / 国外) of the report's 6.4 investment table that names the company; blank elsewhere"))


class Robots(Curated):
    """Humanoid robot products and their stated specifications."""
    robot_id: Series[str] = pa.Field(unique=True)
    product: Series[str] = pa.Field(nullable=True, description="blank where the text names the maker only")
    maker: Series[str] = pa.Field(nullable=True)
    company_id: Series[str] = pa.Field(nullable=True)
    country: Series[str] = pa.Field(nullable=True, str_matches=COUNTRY)
    year: Series[float] = pa.Field(nullable=True, ge=1950, le=2030)
    height_m: Series[float] = pa.Field(nullable=True, gt=0, lt=3)
    weight_kg: Series[float] = pa.Field(nullable=True, gt=0, lt=500)
    speed_text: Series[str] = pa.Field(nullable=True)
    dof: Series[float] = pa.Field(nullable=True, ge=1)
    dof_text: Series[str] = pa.Field(nullable=True)
    drive: Series[str] = pa.Field(nullable=True)
    price_value: Series[float] = pa.Field(nullable=True)
    price_unit: Series[str] = pa.Field(nullable=True)
    report_table: Series[str] = pa.Field(nullable=True, str_matches=r"^\d+(\.\d+)+$",
                                         description="section number of the HTI report table the row was transcribed "
                                                     "from (4.7.3: the 各家人形机器人对比 spec table; 4.1.5: the 1Q24 "
                                                     "financing tables); blank for rows read from running text or a caption")


class RobotSupplyChain(Curated):
    """Humanoid-robot components and the companies named for each."""
    row_id: Series[str] = pa.Field(unique=True)
    component: Series[str]
    component_en: Series[str]
    company: Series[str]
    company_id: Series[str] = pa.Field(nullable=True)
    listed: Series[str] = pa.Field(nullable=True, isin=["yes", "no"])
    ticker: Series[str] = pa.Field(nullable=True)


class Policies(Curated):
    """Laws, regulations, plans, standards and support measures, Chinese and foreign."""
    policy_id: Series[str] = pa.Field(unique=True, str_matches=r"^p-\d{3}$")
    title: Series[str] = pa.Field(nullable=True, description="official title as written; blank where the text gives none")
    title_en: Series[str]
    date: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(nullable=True, isin=PRECISION)
    date_filled_from: Series[str] = pa.Field(
        nullable=True, isin=["document_date"],
        description="document_date where the text omits the year (or month) and the curator took it from the "
                    "document's date in data/raw/sources.yml; blank where the date is as written or absent")
    jurisdiction: Series[str] = pa.Field(isin=GEOGRAPHIES)
    level: Series[str] = pa.Field(isin=["national", "provincial", "municipal", "supranational", "foreign_national"])
    issuers: Series[str] = pa.Field(nullable=True)
    kind: Series[str] = pa.Field(isin=["law", "regulation", "plan", "standard", "standard_body", "guideline",
                                       "support_measure", "other"])
    period: Series[str] = pa.Field(nullable=True)


class PolicyTargets(Curated):
    """Quantitative targets a policy states."""
    target_id: Series[str] = pa.Field(unique=True)
    policy_id: Series[str] = pa.Field(description="→ policies")
    target_year: Series[float] = pa.Field(nullable=True, ge=2000, le=2050)
    metric: Series[str]
    value_low: Series[float]
    value_high: Series[float]
    unit: Series[str]
    lower_bound: Series[str] = pa.Field(isin=["yes", "no"],
                                        description="yes where the text gives the figure as a floor (超过)")


class MarketMetrics(Curated):
    """Market sizes, growth rates, users, usage and firm counts."""
    metric_id: Series[str] = pa.Field(unique=True, str_matches=r"^mm-\d{3}$")
    subject: Series[str]
    metric: Series[str] = pa.Field(isin=["market_size", "growth_rate", "cagr", "users", "usage", "firm_count",
                                         "revenue", "investment", "other"])
    geography: Series[str] = pa.Field(isin=GEOGRAPHIES)
    period_start: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    period_end: Series[str] = pa.Field(nullable=True, str_matches=ISO_DATE)
    value: Series[float]
    unit: Series[str]
    kind: Series[str] = pa.Field(nullable=True, isin=["actual", "forecast", "estimate"])
    source_body: Series[str] = pa.Field(nullable=True)
    stated_derived: Series[str] = pa.Field(isin=["yes", "no"])
    base_metric_id: Series[str] = pa.Field(nullable=True, description="→ market_metrics: start value of a stated rate")
    end_metric_id: Series[str] = pa.Field(nullable=True, description="→ market_metrics: end value of a stated rate")


class Rates(Curated):
    """Rates the corpus states together with the total they derive from (e.g. questions per minute from a daily
    total), so that code can recompute them."""
    rate_id: Series[str] = pa.Field(unique=True, str_matches=r"^r-\d{3}$")
    metric_id: Series[str] = pa.Field(description="→ market_metrics: the stated rate")
    total_metric_id: Series[str] = pa.Field(description="→ market_metrics: the total it is a rate of")
    period_value: Series[float] = pa.Field(gt=0, description="length of the period the total covers")
    period_unit: Series[str] = pa.Field(isin=["minute", "hour", "day"])
    per_unit: Series[str] = pa.Field(isin=["minute", "hour", "day"], description="the rate is per one of these")


CURATED = {
    "companies": Companies,
    "models": Models,
    "model_counts": ModelCounts,
    "funding_deals": FundingDeals,
    "chips": Chips,
    "chip_investments": ChipInvestments,
    "industry_chain": IndustryChain,
    "robots": Robots,
    "robot_supply_chain": RobotSupplyChain,
    "policies": Policies,
    "policy_targets": PolicyTargets,
    "market_metrics": MarketMetrics,
    "rates": Rates,
}

# numeric columns whose value must appear, in some written form, in the row's quote
QUOTED_NUMBERS = {
    "model_counts": ["value"],
    "funding_deals": ["amount_value", "report_no"],
    "chips": ["spec_value"],
    "chip_investments": ["value"],
    "robots": ["height_m", "weight_kg", "dof", "year"],
    "policy_targets": ["value_low", "value_high", "target_year"],
    "market_metrics": ["value"],
    "rates": ["period_value"],
}
# string columns that must appear verbatim in the quote
QUOTED_TEXT = {"models": ["params_text"]}
# (table, column) → (table, key column)
FOREIGN_KEYS = {
    ("models", "company_id"): ("companies", "company_id"),
    ("funding_deals", "company_id"): ("companies", "company_id"),
    ("chips", "company_id"): ("companies", "company_id"),
    ("chip_investments", "company_id"): ("companies", "company_id"),
    ("industry_chain", "company_id"): ("companies", "company_id"),
    ("robots", "company_id"): ("companies", "company_id"),
    ("robot_supply_chain", "company_id"): ("companies", "company_id"),
    ("policy_targets", "policy_id"): ("policies", "policy_id"),
    ("market_metrics", "base_metric_id"): ("market_metrics", "metric_id"),
    ("market_metrics", "end_metric_id"): ("market_metrics", "metric_id"),
    ("rates", "metric_id"): ("market_metrics", "metric_id"),
    ("rates", "total_metric_id"): ("market_metrics", "metric_id"),
}
