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
    # corpus chapter: cleaning rules, distinctive words (log-odds), keywords by source and topic
    rule_name: Series[str] = pa.Field(title="清洗规则", description="display name of a cleaning rule")
    lean: Series[str] = pa.Field(title="更常见于", description="the group of documents a word is typical of")
    own_count: Series[int] = pa.Field(title="本组出现次数", description="occurrences in the group the word is typical of")
    other_count: Series[int] = pa.Field(title="另一组出现次数", description="occurrences in the other group")
    z_score: Series[float] = pa.Field(title="z 值", description="weighted log-odds z-score (Monroe et al. 2008)")
    topic_option: Series[str] = pa.Field(title="主题", description="a chapter topic's name, or 全部正文")
    # chapter 3 (chips): Epoch AI's accelerators, training hardware and clusters, and the corpus checked against them
    maker_group: Series[str] = pa.Field(title="厂商类别", description="国产, 英伟达 or 英伟达中国特供")
    tflops: Series[float] = pa.Field(title="16位算力（TFLOPS）", description="16-bit compute, 10^12 FLOP/s")
    flops_precision: Series[str] = pa.Field(title="算力口径", description="tensor FP16/BF16 or plain FP16, as Epoch gives it")
    memory_gb: Series[float] = pa.Field(title="显存（GB）", description="memory, 10^9 bytes")
    bandwidth_tbs: Series[float] = pa.Field(title="显存带宽（TB/s）", description="memory bandwidth, 10^12 bytes/s")
    short_label: Series[str] = pa.Field(title="简称", description="the short name a chart writes beside a point")
    tflops_vs_h100: Series[float] = pa.Field(title="算力（H100 = 1）", description="16-bit compute over the H100 SXM5's")
    memory_vs_h100: Series[float] = pa.Field(title="显存（H100 = 1）", description="memory over the H100 SXM5's")
    bandwidth_vs_h100: Series[float] = pa.Field(title="带宽（H100 = 1）", description="bandwidth over the H100 SXM5's")
    nvidia_best: Series[str] = pa.Field(title="同期英伟达旗舰", description="the best NVIDIA chip released by the same date")
    nvidia_best_tflops: Series[float] = pa.Field(title="同期英伟达旗舰算力（TFLOPS）", description="its 16-bit compute")
    share_of_nvidia: Series[float] = pa.Field(title="为同期英伟达旗舰的", description="compute over the NVIDIA flagship's")
    nvidia_reached: Series[str] = pa.Field(title="英伟达首款达到该算力的芯片", description="first NVIDIA chip with at least this compute")
    nvidia_reached_date: Series[str] = pa.Field(title="其发布日期", description="its release date")
    years_behind: Series[float] = pa.Field(title="晚于英伟达（年）", description="years after that NVIDIA chip (negative: earlier)")
    hardware_group: Series[str] = pa.Field(title="硬件类别代码", description="nvidia, domestic, other_foreign, mixed, not_stated")
    hardware_group_name: Series[str] = pa.Field(title="训练硬件类别", description="display name of the hardware group")
    hardware_makers: Series[str] = pa.Field(title="硬件厂商", description="registry ids of the hardware makers")
    organisation: Series[str] = pa.Field(title="机构", description="organisation(s) as written")
    training_hardware: Series[str] = pa.Field(title="训练硬件（原文）", description="training hardware as Epoch writes it")
    hardware_quantity: Series[float] = pa.Field(title="硬件数量", description="number of chips used in training")
    company_count: Series[int] = pa.Field(title="公司数（家）", description="distinct companies")
    registry_only: Series[int] = pa.Field(title="其中国别仅据登记表（家）", description="companies the text gives no country for")
    origin_basis: Series[str] = pa.Field(title="国别依据", description="whether the text states the country or only the registry does")
    registry_country: Series[str] = pa.Field(title="登记表国别", description="the entity registry's country code")
    china_share: Series[float] = pa.Field(title="中国累计占比", description="China's cumulative share of known capacity")
    share_text: Series[str] = pa.Field(title="中国累计占比", description="the share, as a percentage")
    china_cumulative: Series[float] = pa.Field(title="中国累计（H100等效）", description="China's capacity up to the year")
    world_cumulative: Series[float] = pa.Field(title="全球累计（H100等效）", description="all capacity up to the year")
    corpus_value: Series[float] = pa.Field(title="语料数值", description="the figure the corpus states")
    epoch_name: Series[str] = pa.Field(title="Epoch 芯片", description="the Epoch AI row it is checked against")
    epoch_value: Series[float] = pa.Field(title="Epoch 数值", description="Epoch's figure, in the corpus row's unit")
    ratio: Series[float] = pa.Field(title="语料 ÷ Epoch", description="corpus figure over Epoch's")
    actor: Series[str] = pa.Field(title="公司", description="the firm a phone-chip fact is about")
    strategy: Series[str] = pa.Field(title="做法", description="make, rely on a vendor, or invest")
    item: Series[str] = pa.Field(title="芯片或投入", description="what is made, bought or invested in")
    row_label: Series[str] = pa.Field(title="公司与芯片", description="the firm and the chip or investment, as the chart's row")
    # chapter 4 (robotics): the awesome-robots humanoid list and the report's humanoids
    country_name: Series[str] = pa.Field(title="厂商所在国家或地区", description="maker's registry country in Chinese (labels.yml maker_country)")
    country_group: Series[str] = pa.Field(title="国别", description="中国, 美国 or 其他国家 (colours.yml block country)")
    products: Series[int] = pa.Field(title="产品数", description="products counted")
    makers: Series[int] = pa.Field(title="厂商数", description="distinct makers")
    priced: Series[int] = pa.Field(title="标价产品数", description="products with a stated starting price")
    maker_names: Series[str] = pa.Field(title="厂商", description="makers, joined with 、")
    price_status: Series[str] = pa.Field(title="价格状态", description="标价, 询价 (on request) or 未标价")
    median_price: Series[float] = pa.Field(title="起售价中位数", description="median starting price, in its currency")
    min_price: Series[float] = pa.Field(title="最低起售价", description="lowest starting price, in its currency")
    max_price: Series[float] = pa.Field(title="最高起售价", description="highest starting price, in its currency")
    price: Series[float] = pa.Field(title="起售价", description="starting price, in its currency")
    price_as_written: Series[str] = pa.Field(title="价格（原文）", description="price as the outside list writes it")
    release_precision: Series[str] = pa.Field(title="日期精度", description="year, month or day")
    product_id: Series[str] = pa.Field(title="产品编号", description="the product's id in the outside list")
    report_products: Series[str] = pa.Field(title="语料点名的产品", description="products the corpus names for the maker")
    in_list_zh: Series[str] = pa.Field(title="清单是否收录该厂商", description="whether the outside list has the maker")
    listed_products: Series[int] = pa.Field(title="清单中的产品数", description="humanoid products the outside list has for the maker")
    matched: Series[str] = pa.Field(title="清单中的同一产品", description="list products that are products the corpus names")
    robot: Series[str] = pa.Field(title="机型", description="maker and product")
    dof_status: Series[str] = pa.Field(title="关节数/自由度一栏的口径", description="what the table's DoF cell states")
    segment: Series[str] = pa.Field(title="线段", description="actual or estimate, forecast, or not marked")
    series: Series[str] = pa.Field(title="市场（单位）", description="market series with its unit")
    rate_name: Series[str] = pa.Field(title="增长率", description="which stated growth rate")
    verdict: Series[str] = pa.Field(title="结论", description="whether a stated figure agrees with its check (recomputed rate, outside dataset, later data: 低估, 基本相符, 高估, 口径不同 or 无法核对)")
    implied_years: Series[float] = pa.Field(title="按原文增速所需年数", description="years of compounding at the stated rate from start to end value")
    table_zh: Series[str] = pa.Field(title="融资表", description="domestic or foreign deal table, in Chinese")
    kind_zh: Series[str] = pa.Field(title="原文口径", description="actual, estimate or forecast as the text says (未标明 where it does not)")
    n_companies: Series[int] = pa.Field(title="企业数", description="distinct companies")
    # policy chapter (official texts, measures, term shares)
    measure: Series[str] = pa.Field(title="措施", description="one measure, its rows merged (data/mappings/same_policy.yml)")
    official_title: Series[str] = pa.Field(title="正式名称", description="the measure's official title where the corpus names it otherwise")
    date_role: Series[str] = pa.Field(title="日期的含义", description="what a row's date marks for its measure (issued, in force …)")
    event: Series[str] = pa.Field(title="事件", description="a milestone, in Chinese")
    evidence: Series[str] = pa.Field(title="证据来源", description="official texts and datasets, or the news and report corpus")
    source_label: Series[str] = pa.Field(title="出处", description="short name of the document a milestone comes from")
    half: Series[str] = pa.Field(title="半年", description="half-year of publication")
    documents: Series[int] = pa.Field(title="文件数", description="documents")
    year_documents: Series[int] = pa.Field(title="当年文件数", description="official texts published that year")
    term_name: Series[str] = pa.Field(title="用词", description="a term counted in the texts (data/mappings/policy_language.yml)")
    year_label: Series[str] = pa.Field(title="年份（文件数）", description="year with its number of documents")
    kind_label: Series[str] = pa.Field(title="来源类型（文档、段落数）", description="kind of corpus source with its documents and paragraphs")
    kind_paragraphs: Series[int] = pa.Field(title="段落总数", description="segmented paragraphs of that kind of source")
    kind_documents: Series[int] = pa.Field(title="文档数", description="documents of that kind of source")
    corpus_titles: Series[str] = pa.Field(title="语料中的写法", description="the titles the corpus rows give the measure")
    dates_text: Series[str] = pa.Field(title="日期（含义，出处）", description="the measure's dated rows")
    sources: Series[str] = pa.Field(title="来源文档", description="source documents, joined with 、")
    citing_documents: Series[int] = pa.Field(title="引用它的官方文本（份）", description="official texts citing the measure in 《》")
    first_citing: Series[str] = pa.Field(title="最早引用它的官方文本", description="the earliest official text citing the measure")
    metric_name: Series[str] = pa.Field(title="指标", description="target metric, in Chinese (data/mappings/target_metrics.yml)")
    wording: Series[str] = pa.Field(title="措辞", description="the quote's verb: 力争, 预计 or 要求")
    rows: Series[int] = pa.Field(title="条目数", description="rows of a curated table counted")
    official_text: Series[str] = pa.Field(title="官方文本", description="the official text that is the measure itself, where the corpus holds it")
    official_date: Series[str] = pa.Field(title="官方文本日期", description="publication date of that official text")
    # claims appendix (cnai.views.claims)
    claim_ref: Series[str] = pa.Field(title="说法编号", description="the claim's curated table and row id")
    claimed_text: Series[str] = pa.Field(title="原文数字", description="the figure the text states, with its unit")
    later_text: Series[str] = pa.Field(title="后来的数字", description="the later figure that checks the claim")
    later_source: Series[str] = pa.Field(title="后来数字的来源", description="the dataset or official text of the later figure")
    later_detail: Series[str] = pa.Field(title="后来数字的出处", description="the row, quote or rule the later figure comes from")
    definition: Series[str] = pa.Field(title="口径是否相同", description="whether claim and check count the same thing")
    reason_text: Series[str] = pa.Field(title="说明", description="how the definitions differ, or why the claim cannot be checked")
    claim_label: Series[str] = pa.Field(title="说法", description="a short name of the claim (data/mappings/claims.yml)")
    ratio_pct: Series[float] = pa.Field(title="原文数字占后来数字 %", description="claimed over later figure, in per cent")
    gap_months: Series[float] = pa.Field(title="相隔月数", description="months from the claim's date to the later figure's date")
    claims: Series[int] = pa.Field(title="说法数", description="number of claims")
    claim: Series[str] = pa.Field(title="说法编号", description="the claim's curated table and row id")
    claim_date: Series[str] = pa.Field(title="说法所指日期", description="the date or period the claim refers to")
    claimed: Series[float] = pa.Field(title="原文数值", description="the number the text states")
    later: Series[float] = pa.Field(title="后来的数值", description="the later figure set beside the claim")
    reason: Series[str] = pa.Field(title="无法核对的原因", description="why the claim cannot be checked with these sources")


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
