"""Titles of the columns the chapter views add to the tables they return, and `column_titles()`: one Chinese
title per column name for every tooltip, table header and CSV header of the book, read from the pandera schemas
(the pipeline's, the curated tables' and the one below)."""
from __future__ import annotations

from functools import lru_cache

import pandera.pandas as pa
from pandera.typing import Series

from ..data import PIPELINE_SCHEMAS
from ..errors import MappingError
from ..facts.schemas import CURATED


class ViewColumns(pa.DataFrameModel):
    """Columns that views compute (counts, shares, display names, recomputed rates). A name that several schemas
    title differently gets its book-wide title here."""
    source: Series[str] = pa.Field(title="来源", description="short name of the source document")
    names: Series[str] = pa.Field(title="名称", description="the names counted, joined with 、")
    models: Series[int] = pa.Field(title="模型数", description="distinct models")
    companies: Series[str] = pa.Field(title="公司", description="companies, joined with 、")
    paragraphs: Series[int] = pa.Field(title="段落数", description="paragraphs")
    deals: Series[int] = pa.Field(title="融资笔数", description="financing deals")
    amount_millions: Series[float] = pa.Field(title="金额（百万，原币种）", description="amount in millions of its own currency")
    origin: Series[str] = pa.Field(title="国别", description="中国, 国外 or 未注明, from the country code")
    region: Series[str] = pa.Field(title="地区", description="place name searched in the paragraphs")
    kind_name: Series[str] = pa.Field(title="类型", description="display name of a kind code")
    series_name: Series[str] = pa.Field(title="系列", description="display name of a market series")
    status_zh: Series[str] = pa.Field(title="状态", description="display name of a status code")
    qualifier_name: Series[str] = pa.Field(title="限定", description="display name of the qualifier")
    counted: Series[str] = pa.Field(title="所数对象", description="models or companies, in Chinese")
    geography_name: Series[str] = pa.Field(title="地域", description="display name of the geography code")
    type_name: Series[str] = pa.Field(title="开发者类型", description="display name of the developer type")
    scope_name: Series[str] = pa.Field(title="类别", description="general or industry model, in Chinese")
    stage: Series[str] = pa.Field(title="阶段", description="stage of a series or of a financing round")
    stated_pct: Series[float] = pa.Field(title="原文 %", description="growth rate as the text states it")
    computed_pct: Series[float] = pa.Field(title="复算 %", description="growth rate recomputed from the stated endpoints")
    difference_pp: Series[float] = pa.Field(title="差（百分点）", description="recomputed minus stated, percentage points")
    years: Series[float] = pa.Field(title="年数", description="years between the endpoints")
    basis: Series[str] = pa.Field(title="依据", description="what a figure or a date rests on")
    kept_share: Series[float] = pa.Field(title="保留比例", description="clean characters over raw characters")
    doc_paragraphs: Series[int] = pa.Field(title="正文段落数", description="body paragraphs of the document")
    share: Series[float] = pa.Field(title="比例", description="a share between 0 and 1")
    year: Series[int] = pa.Field(title="年份", description="calendar year")
    precision: Series[str] = pa.Field(title="日期精度", description="how precise a date is")
    scope: Series[str] = pa.Field(title="范围", description="what a figure covers or what is counted")
    kind: Series[str] = pa.Field(title="类型", description="the kind of a row (document, policy, metric …)")
    spec: Series[str] = pa.Field(title="规格", description="display name of a chip specification")
    value_text: Series[str] = pa.Field(title="数值", description="a value with its unit, as a reader reads it")
    missing: Series[str] = pa.Field(title="不在引语中的字段", description="fields of the row that its quote does not state")
    flags: Series[str] = pa.Field(title="注意", description="caveats on the row")
    as_written: Series[str] = pa.Field(title="原文写法", description="the figure as the text writes it")
    table_name: Series[str] = pa.Field(title="融资表", description="which of the report's deal tables, in Chinese")
    sector: Series[str] = pa.Field(title="领域（按业务归类）", description="sector from the business text (data/mappings/deal_sectors.yml)")
    amount_class: Series[str] = pa.Field(title="金额类别", description="how the amount is written: disclosed, approximate, vague, undisclosed")
    display_title: Series[str] = pa.Field(title="名称", description="the policy's title, or its English rendering where the text gives none")
    date_basis: Series[str] = pa.Field(title="日期依据", description="whether the text states the date or the curator filled it")
    level_group: Series[str] = pa.Field(title="层级", description="China central, China local, foreign national, EU")
    place: Series[str] = pa.Field(title="辖区", description="where the measure applies, in Chinese")
    issuers_text: Series[str] = pa.Field(title="发布机构（原文）", description="issuing bodies as written")
    doc_period: Series[str] = pa.Field(title="来源时期", description="month of the source document")
    group: Series[str] = pa.Field(title="部件大类", description="component family (data/mappings/robot_components.yml)")
    listed_status: Series[str] = pa.Field(title="上市", description="listed or not, where the text says")
    listed_company: Series[str] = pa.Field(title="上市公司", description="a company the corpus says is listed")
    # chapter 5 (commercialization): API prices, forecast growth, adoption, deals, listed companies
    provider_name: Series[str] = pa.Field(title="服务商", description="models.dev provider, in Chinese (labels.yml api_provider)")
    country_name: Series[str] = pa.Field(title="服务商国别", description="the provider's registry country, in Chinese")
    cards: Series[int] = pa.Field(title="卡片数", description="priced models.dev cards")
    direction: Series[str] = pa.Field(title="价格类型", description="输入 or 输出 (input or output tokens)")
    price: Series[float] = pa.Field(title="价格中位数（美元/百万词元）", description="median price per million tokens")
    input_median: Series[float] = pa.Field(title="输入价格中位数（美元/百万词元）", description="median input price")
    output_median: Series[float] = pa.Field(title="输出价格中位数（美元/百万词元）", description="median output price")
    output_min: Series[float] = pa.Field(title="最低输出价格（美元/百万词元）", description="lowest output price of the provider's cards")
    output_max: Series[float] = pa.Field(title="最高输出价格（美元/百万词元）", description="highest output price of the provider's cards")
    card_name: Series[str] = pa.Field(title="模型卡片", description="models.dev card name as written (its id where blank)")
    input_price_usd: Series[float] = pa.Field(title="输入价格（美元/百万词元）", description="price per million input tokens")
    output_price_usd: Series[float] = pa.Field(title="输出价格（美元/百万词元）", description="price per million output tokens")
    arena_rating: Series[float] = pa.Field(title="竞技场评分", description="LMArena rating, category full, latest leaderboard")
    arena_q025: Series[float] = pa.Field(title="评分下限（2.5%）", description="lower end of the 95% interval")
    arena_q975: Series[float] = pa.Field(title="评分上限（97.5%）", description="upper end of the 95% interval")
    cagr_pct: Series[float] = pa.Field(title="年均复合增长率（%，重算）", description="CAGR recomputed from the two endpoints")
    start_year: Series[int] = pa.Field(title="起始年", description="year of the start value")
    start_value: Series[float] = pa.Field(title="起始值", description="start value, in the series' unit")
    start_kind: Series[str] = pa.Field(title="起始值性质", description="actual, estimate, forecast or unstated, in Chinese")
    end_year: Series[int] = pa.Field(title="终止年", description="year of the end value")
    end_value: Series[float] = pa.Field(title="终止值", description="end value, in the series' unit")
    end_kind: Series[str] = pa.Field(title="终止值性质", description="actual, estimate, forecast or unstated, in Chinese")
    multiple: Series[float] = pa.Field(title="倍数", description="end value over start value")
    verdict: Series[str] = pa.Field(title="与原文比较", description="whether the recomputed rate agrees with the stated one")
    population_name: Series[str] = pa.Field(title="口径", description="which population a user figure counts (labels.yml user_population)")
    listing_name: Series[str] = pa.Field(title="上市依据", description="who says the company is listed, in Chinese")
    deal_type_name: Series[str] = pa.Field(title="交易类型", description="funding round or another kind of deal, in Chinese")
    currency_name: Series[str] = pa.Field(title="币种", description="currency, in Chinese")
    card: Series[str] = pa.Field(title="models.dev 卡片", description="the models.dev card compared with a corpus price")
    card_price: Series[float] = pa.Field(title="卡片价格（美元）", description="the card's price")
    model_names: Series[str] = pa.Field(title="模型名称", description="model names, joined with 、")
    sentences: Series[int] = pa.Field(title="点名句数", description="sentences naming the company")
    measure: Series[str] = pa.Field(title="度量", description="what a figure counts: people, customers or usage")


def _titles(model) -> dict[str, str]:
    return {name: column.title for name, column in model.to_schema().columns.items() if column.title}


def merged_titles(models, decided: dict[str, str]) -> dict[str, str]:
    """{column name: title} over `models`; a name they title differently must be in `decided`."""
    seen: dict[str, set[str]] = {}
    for model in models:
        for name, title in _titles(model).items():
            seen.setdefault(name, set()).add(title)
    clashes = {name: sorted(titles) for name, titles in seen.items() if len(titles) > 1 and name not in decided}
    if clashes:
        raise MappingError("columns titled differently by different schemas; give each one title in "
                           f"cnai.views.columns.ViewColumns: {clashes}")
    return {**{name: next(iter(titles)) for name, titles in seen.items()}, **decided}


@lru_cache(maxsize=1)
def column_titles() -> dict[str, str]:
    """{column name: Chinese title} across the book: the pipeline's and the curated tables' schemas, with the
    views' own titles deciding where those disagree and naming the columns views add."""
    return merged_titles([*PIPELINE_SCHEMAS.values(), *CURATED.values()], decided=_titles(ViewColumns))
