"""Schemas of the curated fact tables in data/curated (one CSV per table, transcribed from the corpus)."""
from __future__ import annotations

from typing import NamedTuple

import pandera.pandas as pa
from pandera.typing import Series

from .mappings import labels

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# Geography codes: the ones labels.yml names (data/mappings/labels.yml, block `geography`), so that a code and
# its Chinese name are added in one place.
GEOGRAPHIES = list(labels("geography"))
COUNTRY = r"^[A-Z]{2}$"
PRECISION = ["day", "month", "quarter", "year"]
# how a value the quote does not state was obtained; the loader checks each against its rule
# (document_date: the document's date in data/raw/sources.yml, at the value's precision; context_quote: the
# value's words are in the row's context_quote, another verbatim passage of the same document; reading: the
# curator's reading of the passage, declared and counted but not checkable)
DERIVATIONS = ["document_date", "context_quote", "reading"]
SPAN = "exact words of the quote that state "
# codes of the words that qualify a number (data/mappings/anchor_words.yml, block qualifiers); exact = no such word
QUALIFIERS = ["exact", "more_than", "at_least", "nearly", "approx", "up_to"]
# said of a coded category: the loader checks it is a known code, not that the quote says it
CODED = "; the curator's judgement (coded from the passage, not read from a span)"


def _derived(what: str, title: str):
    return pa.Field(title=title, nullable=True, isin=DERIVATIONS, description=(
        f"how {what} was obtained where the quote does not state it: document_date (the document's date in "
        "data/raw/sources.yml, or its year where the words omit the year), context_quote (read from the row's "
        "context_quote; the document's year where those words omit the year) or reading (the curator's reading of the passage, which the loader cannot check; the notes "
        "say how); blank where the quote states it"))


def _context():
    return pa.Field(title="上下文引语", nullable=True, str_length={"min_value": 2, "max_value": 200}, description=(
        "a second verbatim passage of the same document that states a value the quote does not "
        "(its column's derivation says context_quote)"))


class Curated(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(title="来源文档", description="source document (data/raw/sources.yml)")
    quote: Series[str] = pa.Field(title="原文引语", str_length={"min_value": 4, "max_value": 200},
                                  description="verbatim quote (≤ 200 characters) from the cleaned text holding the row's values")
    notes: Series[str] = pa.Field(title="备注", nullable=True, description="reading decisions, disagreements, caveats")

    class Config:
        strict = True
        coerce = True


class Companies(Curated):
    """Companies and organisations the other tables refer to."""
    company_id: Series[str] = pa.Field(title="公司编号", unique=True, str_matches=r"^[a-z0-9_]+$", description="key used by the other tables")
    name: Series[str] = pa.Field(title="名称", description="name as most often written")
    aliases: Series[str] = pa.Field(title="别名", nullable=True, description="other spellings in the tables, ' | '-separated")
    country: Series[str] = pa.Field(title="国家", nullable=True, str_matches=COUNTRY, description="ISO 3166 code, where a text says")
    roles: Series[str] = pa.Field(title="角色", description="model_developer, startup_funded, chip_vendor, chip_investor, chain_member, robot_maker, robot_component_supplier" + CODED)
    listed: Series[str] = pa.Field(title="上市", nullable=True, isin=["yes"], description="yes where a text says it is listed")
    listing: Series[str] = pa.Field(title="上市依据", nullable=True, isin=list(labels("listing")), description=(
        "whether the company is listed and who says so: text (a corpus text calls it listed; listed = yes), curator "
        "(listed on a stock market by the curator's knowledge, the texts silent), not_listed (the curator knows it is "
        "not, or it is a unit of an unlisted group); blank where not checked (units of listed groups, small firms)" + CODED))
    exchange: Series[str] = pa.Field(title="交易所", description="market as written (A股, 港股 …), or as the curator knows it where listing = curator ('美股 | 港股')", nullable=True)
    ticker: Series[str] = pa.Field(title="股票代码", description="ticker where stated", nullable=True)

    @pa.dataframe_check(error="listing = text exactly where listed = yes (a text calls the company listed)")
    def listing_text_is_listed(cls, frame):
        return bool(((frame["listing"] == "text") == (frame["listed"] == "yes")).all())


class Models(Curated):
    """Large models the corpus names, one row per model and claim (several sizes: one row per size)."""
    row_id: Series[str] = pa.Field(title="编号", description="row key", unique=True, str_matches=r"^m-\d{3}$")
    model: Series[str] = pa.Field(title="模型", description="canonical model name" + CODED)
    name_as_written: Series[str] = pa.Field(title="原文名称", description="model name exactly as in the quote")
    developer: Series[str] = pa.Field(title="开发者", description="developer as written in the quote (or an alias of its company)", nullable=True)
    developer_derived_from: Series[str] = pa.Field(title="开发者来源", nullable=True, isin=["context_quote", "reading"], description=(
        "where developer comes from where the quote does not write it: context_quote (written in the row's "
        "context_quote) or reading (the curator's reading: a table section's company, the subject of a previous "
        "sentence; the notes say how); blank where the quote writes it"))
    company_id: Series[str] = pa.Field(title="公司编号", nullable=True, description="→ companies")
    developer_type: Series[str] = pa.Field(title="开发者类型", description="kind of developer" + CODED, nullable=True, isin=[
        "internet_platform", "listed_ai_company", "startup", "research_institute", "other_listed_company", "foreign", "other"])
    country: Series[str] = pa.Field(title="国家", description="ISO 3166 alpha-2 code, where a text or the row says so; else the curator's knowledge (entity_links sets the registry's country beside it and flags disagreements)", nullable=True, str_matches=COUNTRY)
    release_date: Series[str] = pa.Field(title="发布时间", description="first release date as written", nullable=True, str_matches=ISO_DATE)
    release_date_precision: Series[str] = pa.Field(title="发布时间精度", description="precision of release_date", nullable=True, isin=PRECISION)
    release_date_text: Series[str] = pa.Field(title="发布时间（原文）", nullable=True, description=(
        SPAN + "release_date (2023 年 3 月 13 日, 2022.5, 三月); anchors release_date and release_date_precision"))
    release_year_text: Series[str] = pa.Field(title="发布年份（原文）", nullable=True, description=(
        "exact words that give a year-less release_date_text its year (2021 年 of 2021 年 1 月…；同年12 月), in the "
        "quote, or in context_quote where release_date_derived_from says context_quote; blank otherwise"))
    release_date_derived_from: Series[str] = _derived("release_date (or its year)", "发布时间来源")
    context_quote: Series[str] = _context()
    params_b: Series[float] = pa.Field(title="参数（十亿）", nullable=True, ge=0, description="parameters in billions, as params_text states them")
    params_text: Series[str] = pa.Field(title="参数（原文）", nullable=True, description=(
        SPAN + "the parameter count (1750 亿, 1.2 万亿参数, 70B, 10/38/71/100 in the report's table, in billions): "
        "anchors params_b (one of the sizes where several are written)"))
    training_data: Series[str] = pa.Field(title="训练数据", description="training data as written", nullable=True)
    modality: Series[str] = pa.Field(title="模态", description="text, image, video, multimodal …" + CODED, nullable=True, isin=["text", "multimodal", "image", "video", "speech", "code", "other"])
    scope: Series[str] = pa.Field(title="范围", description="general (通用) or industry (行业) model, where the text says" + CODED, nullable=True, isin=["general", "industry"])
    industry: Series[str] = pa.Field(title="行业", description="industry of an industry model" + CODED, nullable=True)
    open_source: Series[str] = pa.Field(title="开源", description="open or closed source, where stated" + CODED, nullable=True, isin=["open", "closed"])
    filing_status: Series[str] = pa.Field(title="备案", nullable=True, isin=["filed"], description="备案 (filing) where stated" + CODED)


class ModelCounts(Curated):
    """Claims about how many large models or model companies exist."""
    row_id: Series[str] = pa.Field(title="编号", description="row key", unique=True, str_matches=r"^c-\d{3}$")
    as_of_date: Series[str] = pa.Field(title="日期", description="date the count refers to", str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(title="日期精度", description=(
        "precision of the date; not_before where the date is the document's and the count is only known to "
        "stand on that day or earlier"), isin=PRECISION + ["not_before"])
    date_text: Series[str] = pa.Field(title="日期（原文）", nullable=True, description=SPAN + "as_of_date (7月3日)")
    date_derived_from: Series[str] = _derived("as_of_date (or its year)", "日期来源")
    context_quote: Series[str] = _context()
    value: Series[float] = pa.Field(title="数值", description="number as written", ge=0)
    value_text: Series[str] = pa.Field(title="数值（原文）", description=SPAN + "value (80, 百, 一百三十)")
    qualifier: Series[str] = pa.Field(title="限定", description="how the text qualifies the number (超 = more_than, 至少 = at_least, 近 = nearly …)", isin=["exact", "more_than", "at_least", "nearly", "approx"])
    qualifier_text: Series[str] = pa.Field(title="限定（原文）", nullable=True, description=(
        SPAN + "the qualifier (余, 超, 上, 至少, 近; meanings in data/mappings/anchor_words.yml); blank = exact"))
    unit_counted: Series[str] = pa.Field(title="所数对象", description="models or companies", isin=["models", "companies"])
    scope: Series[str] = pa.Field(title="范围", description="what is counted")
    population: Series[str] = pa.Field(title="统计对象", description=(
        "what kind of set the count is of (the curator's coding): released_models (models released in a place), "
        "filed_services (services filed or registered with the regulator), developers (companies or institutions), "
        "company_family (one company's model family), benchmark_roster (models one benchmark evaluated), "
        "event_roster (models shown at one event)"), isin=list(labels("count_population")))
    geography: Series[str] = pa.Field(title="地域", description="area the figure covers (codes named in data/mappings/labels.yml)", isin=GEOGRAPHIES)
    definition_text: Series[str] = pa.Field(title="定义（原文）", nullable=True, description="the defining words as written")
    claimant: Series[str] = pa.Field(title="说法出处", description="who made the claim", nullable=True)


# deals in the funding tables that are not funding rounds: deal_type → the words of the round that say so
DEAL_WORDS = {"acquisition": "并购", "planned_acquisition": "拟收购", "equity_transfer": "股权转让", "new_venture": "出资设立"}


class FundingDeals(Curated):
    """Financing deals of 1Q24 listed in the HTI report's tables (and its text)."""
    deal_id: Series[str] = pa.Field(title="编号", description="row key (cn- domestic, fx- foreign, nar- from the text)", unique=True, str_matches=r"^(cn|fx|nar)-\d{3}$")
    table: Series[str] = pa.Field(title="所在表", description="which table of the report", isin=["domestic", "foreign", "other"])
    report_no: Series[float] = pa.Field(title="研报序号", nullable=True, ge=1, description="the report's own row number")
    report_no_text: Series[str] = pa.Field(title="研报序号（原文）", nullable=True, description=SPAN + "report_no")
    company: Series[str] = pa.Field(title="公司", description="company as written")
    company_id: Series[str] = pa.Field(title="公司编号", nullable=True, description="→ companies")
    business: Series[str] = pa.Field(title="业务", description="business as written", nullable=True)
    city: Series[str] = pa.Field(title="城市", description="city as written", nullable=True)
    country: Series[str] = pa.Field(title="国家", description="ISO 3166 alpha-2 code, where a text or the row says so; else the curator's knowledge (entity_links sets the registry's country beside it and flags disagreements)", nullable=True, str_matches=COUNTRY)
    round: Series[str] = pa.Field(title="轮次", description="financing round as written", nullable=True)
    deal_type: Series[str] = pa.Field(title="交易类型", isin=["financing", *DEAL_WORDS], description=(
        "financing (a funding round), or a deal that is not one, named by the round's words, which the quote must "
        "contain: acquisition (并购), planned_acquisition (拟收购), equity_transfer (股权转让), new_venture (出资设立)"))
    date: Series[str] = pa.Field(title="日期", description="ISO date, as precise as written", nullable=True, str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(title="日期精度", description="precision of the date", nullable=True, isin=PRECISION)
    date_text: Series[str] = pa.Field(title="日期（原文）", nullable=True, description=SPAN + "the date (2024.3.20)")
    amount_text: Series[str] = pa.Field(title="金额（原文）", description=(
        SPAN + "the amount (超 10 亿人民币, 未披露 = undisclosed): anchors amount_value, amount_unit, currency and amount_status"))
    amount_value: Series[float] = pa.Field(title="金额数值", nullable=True, gt=0, description="number as written, in amount_unit")
    amount_unit: Series[str] = pa.Field(title="金额单位", description="unit of amount_value as written", nullable=True, isin=["万美元", "亿美元", "万人民币", "亿人民币"])
    currency: Series[str] = pa.Field(title="币种", description="currency of the amount", nullable=True, isin=["USD", "CNY"])
    amount_status: Series[str] = pa.Field(title="金额状态", description="disclosed, approximate (数千万 …) or undisclosed (未披露)", isin=["disclosed", "approximate", "undisclosed"])
    investors: Series[str] = pa.Field(title="投资方", nullable=True, description="as written, ' | '-separated")

    @pa.dataframe_check(error="deal_type other than financing needs its words (DEAL_WORDS) as the round and in the quote")
    def deal_type_in_the_words(cls, frame):
        words = frame["deal_type"].map(DEAL_WORDS)
        named = words.notna()
        anchored = [w == r and w in q for w, r, q in zip(words[named], frame.loc[named, "round"], frame.loc[named, "quote"])]
        unmarked = ~named & frame["round"].isin(DEAL_WORDS.values())
        return bool(all(anchored)) and not unmarked.any()


class Chips(Curated):
    """Accelerators and phone chips, one row per stated specification."""
    chip_id: Series[str] = pa.Field(title="编号", description="row key", unique=True)
    chip: Series[str] = pa.Field(title="芯片", description="chip as written")
    vendor: Series[str] = pa.Field(title="厂商", description="vendor as written", nullable=True)
    company_id: Series[str] = pa.Field(title="公司编号", description="→ companies.company_id", nullable=True)
    country: Series[str] = pa.Field(title="国家", description="ISO 3166 alpha-2 code, where a text or the row says so; else the curator's knowledge (entity_links sets the registry's country beside it and flags disagreements)", nullable=True, str_matches=COUNTRY)
    use: Series[str] = pa.Field(title="用途", description="training, inference, phone SoC, ISP … (the curator's coding of the text's words)", nullable=True, isin=["training", "inference", "phone_soc", "isp", "npu", "other"])
    spec_name: Series[str] = pa.Field(title="规格", description="specification stated", nullable=True)
    spec_value: Series[float] = pa.Field(title="规格数值", description="its value", nullable=True)
    spec_unit: Series[str] = pa.Field(title="规格单位", description="its unit as written", nullable=True)
    value_text: Series[str] = pa.Field(title="规格数值（原文）", nullable=True, description=(
        SPAN + "spec_value and spec_unit (7nm, 256TOPS@INT8, 1040 亿个); blank where no value is stated"))
    spec_qualifier: Series[str] = pa.Field(title="规格限定", nullable=True, isin=QUALIFIERS, description=(
        "how the quote qualifies spec_value (约 = approx, 超过/以上 = more_than); exact where no word qualifies it; "
        "blank where spec_value is blank"))
    qualifier_text: Series[str] = pa.Field(title="限定（原文）", nullable=True, description=(
        SPAN + "the qualifier (meanings in data/mappings/anchor_words.yml); blank = exact"))
    date: Series[str] = pa.Field(title="日期", description="ISO date, as precise as written", nullable=True, str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(title="日期精度", description="precision of the date", nullable=True, isin=PRECISION)
    date_text: Series[str] = pa.Field(title="日期（原文）", nullable=True, description=SPAN + "the date (2021 年, 2024 年底, GTC 2024's 2024)")
    date_derived_from: Series[str] = _derived("the date", "日期来源")
    quote_fixed: Series[str] = pa.Field(title="引语已修正", isin=["yes", "no"], description=(
        "yes where the curators replaced a quote that joined two paragraphs by one of them (QUOTE FIX)"))
    chip_derived_from: Series[str] = _derived("the chip's name", "芯片来源")
    vendor_derived_from: Series[str] = _derived("the vendor", "厂商来源")
    context_quote: Series[str] = _context()
    chip_ambiguous: Series[str] = pa.Field(title="归属不明", isin=["yes", "no"], description=(
        "yes where the text does not say which product the chip name means (Blackwell: architecture, die, B100 or GB200)"))
    company_figure: Series[str] = pa.Field(title="公司层面数据", isin=["yes", "no"], description=(
        "yes where the figure belongs to the company, not to a chip (a market share)"))
    misprint: Series[str] = pa.Field(title="原文笔误", nullable=True, description="a misprint of the source kept verbatim in the quote, as written")
    value_as_written: Series[str] = pa.Field(title="数值（原文）", nullable=True, description=(
        "the value as the quote writes it where spec_value is blank because it is in words or a range"))


class ChipInvestments(Curated):
    """Chip-related investment facts (portfolios, amounts)."""
    fact_id: Series[str] = pa.Field(title="编号", description="row key", unique=True)
    investor: Series[str] = pa.Field(title="投资方", description="investor as written")
    company_id: Series[str] = pa.Field(title="公司编号", description="→ companies.company_id", nullable=True)
    metric: Series[str] = pa.Field(title="指标", description="what is measured")
    value: Series[float] = pa.Field(title="数值", description="number as written", nullable=True)
    unit: Series[str] = pa.Field(title="单位", description="unit as written", nullable=True)
    value_text: Series[str] = pa.Field(title="数值（原文）", nullable=True, description=(
        SPAN + "value and unit (110家, 7 万亿美元; 数百亿元: a unit and no number); blank where none is stated"))
    qualifier: Series[str] = pa.Field(title="限定", nullable=True, isin=QUALIFIERS, description=(
        "how the quote qualifies value (约 = approx, 超 = more_than, 高达 = up_to); exact where no word qualifies "
        "it; blank where value is blank"))
    qualifier_text: Series[str] = pa.Field(title="限定（原文）", nullable=True, description=(
        SPAN + "the qualifier (meanings in data/mappings/anchor_words.yml); blank = exact"))
    date: Series[str] = pa.Field(title="日期", description="ISO date, as precise as written", nullable=True, str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(title="日期精度", description="precision of the date", nullable=True, isin=PRECISION)
    date_text: Series[str] = pa.Field(title="日期（原文）", nullable=True, description=SPAN + "the date; blank where none is stated")


class IndustryChain(Curated):
    """Companies the report places in each layer of the AI industry chain."""
    row_id: Series[str] = pa.Field(title="编号", description="row key", unique=True)
    layer: Series[str] = pa.Field(title="层级", description="industry-chain layer as written")
    layer_en: Series[str] = pa.Field(title="层级（英文）", description="layer in English")
    chain_layer: Series[str] = pa.Field(title="产业链层级", isin=["yes", "no"], description=(
        "yes where layer is one of the six layers of the report's chain (6.3.1, 6.3.2, 6.4); no for the groups the "
        "curators took from the report's rankings, AI 公有云服务厂商 (4.1.4) and 光模块 (4.4.3), which the report does "
        "not call layers of the chain (the curator's judgement)"))
    company: Series[str] = pa.Field(title="公司", nullable=True, description="blank where the report names the layer only")
    company_id: Series[str] = pa.Field(title="公司编号", description="→ companies.company_id", nullable=True)
    country: Series[str] = pa.Field(title="国家", description="ISO 3166 alpha-2 code, where a text or the row says so; else the curator's knowledge (entity_links sets the registry's country beside it and flags disagreements)", nullable=True, str_matches=COUNTRY)
    report_section: Series[str] = pa.Field(title="研报章节", str_matches=r"^\d+(\.\d+)*$", description=(
        "the section of the report the row comes from (6.3.1 six-layer chain, 6.3.2 commentary, 6.4 investment table, "
        "4.1.4 public-cloud ranking, 4.4.3 optical-module ranking)"))
    report_column: Series[str] = pa.Field(title="研报栏目", nullable=True, isin=["domestic", "foreign"], description=(
        "the column (国内 / 国外) of the report's 6.4 investment table that names the company; blank elsewhere"))


class Robots(Curated):
    """Humanoid robot products and their stated specifications."""
    robot_id: Series[str] = pa.Field(title="编号", description="row key", unique=True)
    product: Series[str] = pa.Field(title="产品", nullable=True, description="blank where the text names the maker only")
    product_derived_from: Series[str] = _derived("the product's name", "产品来源")
    maker: Series[str] = pa.Field(title="厂商", description="maker as written", nullable=True)
    company_id: Series[str] = pa.Field(title="公司编号", description="→ companies.company_id", nullable=True)
    country: Series[str] = pa.Field(title="国家", description="ISO 3166 alpha-2 code, where a text or the row says so; else the curator's knowledge (entity_links sets the registry's country beside it and flags disagreements)", nullable=True, str_matches=COUNTRY)
    year: Series[float] = pa.Field(title="年份", description="year stated", nullable=True, ge=1950, le=2030)
    year_text: Series[str] = pa.Field(title="年份（原文）", nullable=True, description=SPAN + "the year (2021 年, 2022 年 9月)")
    height_m: Series[float] = pa.Field(title="身高（米）", description="height in metres", nullable=True, gt=0, lt=3)
    height_text: Series[str] = pa.Field(title="身高（原文）", nullable=True, description=SPAN + "the height (1.5 米)")
    weight_kg: Series[float] = pa.Field(title="体重（千克）", description="weight in kg", nullable=True, gt=0, lt=500)
    weight_text: Series[str] = pa.Field(title="体重（原文）", nullable=True, description=(
        SPAN + "the weight (89kg; 35kg+ is at least 35 kg, a qualifier no column records yet)"))
    speed_text: Series[str] = pa.Field(title="速度（原文）", description="walking speed as written", nullable=True)
    dof: Series[float] = pa.Field(title="自由度", description="degrees of freedom (number)", nullable=True, ge=1)
    dof_text: Series[str] = pa.Field(title="自由度（原文）", nullable=True, description=(
        SPAN + "degrees of freedom (42 个自由度) or joints (28 个关节, which leave dof blank), or a range (23-43)"))
    drive: Series[str] = pa.Field(title="驱动", description="drive system as written", nullable=True)
    price_value: Series[float] = pa.Field(title="价格", description="price", nullable=True)
    price_unit: Series[str] = pa.Field(title="价格单位", description="price unit", nullable=True)
    price_text: Series[str] = pa.Field(title="价格（原文）", nullable=True, description=SPAN + "price_value and price_unit")
    report_table: Series[str] = pa.Field(title="研报表格", nullable=True, str_matches=r"^\d+(\.\d+)+$",
                                         description="section number of the HTI report table the row was transcribed "
                                                     "from (4.7.3: the 各家人形机器人对比 spec table; 4.1.5: the 1Q24 "
                                                     "financing tables); blank for rows read from running text or a caption")
    context_quote: Series[str] = _context()


class RobotSupplyChain(Curated):
    """Humanoid-robot components and the companies named for each."""
    row_id: Series[str] = pa.Field(title="编号", description="row key", unique=True)
    component: Series[str] = pa.Field(title="零部件", description="component as written")
    component_derived_from: Series[str] = _derived("the component (a heading of the report's table or section)", "零部件来源")
    component_en: Series[str] = pa.Field(title="零部件（英文）", description="component in English")
    company: Series[str] = pa.Field(title="公司", description="company as written")
    company_derived_from: Series[str] = _derived("the company's name", "公司来源")
    company_id: Series[str] = pa.Field(title="公司编号", description="→ companies.company_id", nullable=True)
    listed: Series[str] = pa.Field(title="上市", description=(
        "yes where a text says the company is listed (the curator's reading of the article, e.g. an article on "
        "A股上市公司; the notes say which)"), nullable=True, isin=["yes", "no"])
    ticker: Series[str] = pa.Field(title="股票代码", description="ticker where stated", nullable=True)
    context_quote: Series[str] = _context()


class Policies(Curated):
    """Laws, regulations, plans, standards and support measures, Chinese and foreign."""
    policy_id: Series[str] = pa.Field(title="政策编号", description="policy key", unique=True, str_matches=r"^p-\d{3}$")
    title: Series[str] = pa.Field(title="标题", nullable=True, description="official title as written in the quote; blank where the text gives none")
    title_en: Series[str] = pa.Field(title="英文标题", description="English rendering")
    date: Series[str] = pa.Field(title="日期", description="ISO date, as precise as written", nullable=True, str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(title="日期精度", description="precision of the date", nullable=True, isin=PRECISION)
    date_text: Series[str] = pa.Field(title="日期（原文）", nullable=True, description=(
        SPAN + "the date (2023/1/10, 2023年6月, 6月28日, 四月底); blank where the quote writes none"))
    date_filled_from: Series[str] = _derived("the date (or its year)", "日期来源")
    context_quote: Series[str] = _context()
    jurisdiction: Series[str] = pa.Field(title="适用地区", description="where it applies (geography codes)" + CODED, isin=GEOGRAPHIES)
    level: Series[str] = pa.Field(title="层级", description="national, provincial, municipal …" + CODED, isin=["national", "provincial", "municipal", "supranational", "foreign_national"])
    issuers: Series[str] = pa.Field(title="发布机构", description="issuing bodies as written in the quote, ' | '-separated", nullable=True)
    names_derived_from: Series[str] = pa.Field(title="名称来源", nullable=True, isin=["context_quote", "reading"], description=(
        "where title and issuers come from where the quote does not write them: context_quote (written in the row's "
        "context_quote) or reading (the curator's reading of the passage; the notes say how); blank where the quote "
        "writes them"))
    kind: Series[str] = pa.Field(title="类型", description="law, regulation, plan, standard …" + CODED, isin=["law", "regulation", "plan", "standard", "standard_body", "guideline",
                                       "support_measure", "other"])
    period: Series[str] = pa.Field(title="期间", description="period the measure covers, as written in the title (2023-2025年); not anchored", nullable=True)


class PolicyTargets(Curated):
    """Quantitative targets a policy states."""
    target_id: Series[str] = pa.Field(title="编号", description="row key", unique=True)
    policy_id: Series[str] = pa.Field(title="政策编号", description="→ policies")
    target_year: Series[float] = pa.Field(title="目标年份", description="year the target is for", nullable=True, ge=2000, le=2050)
    target_year_text: Series[str] = pa.Field(title="目标年份（原文）", nullable=True, description=(
        SPAN + "target_year (2025年 of 到2025年底, 2023年 of 自2023年起)"))
    metric: Series[str] = pa.Field(title="指标", description="what is measured, in English" + CODED)
    value_low: Series[float] = pa.Field(title="下限", description="lower bound")
    value_high: Series[float] = pa.Field(title="上限", description="upper bound (= value_low for a single number)")
    unit: Series[str] = pa.Field(title="单位", description="unit as written")
    lower_bound: Series[str] = pa.Field(title="下限值", isin=["yes", "no"],
                                        description="yes where the text gives the figure as a floor (超过, 以上, 不低于: the "
                                                    "qualifier words of data/mappings/anchor_words.yml whose meaning is in "
                                                    "its block lower_bounds)")
    value_text: Series[str] = pa.Field(title="数值（原文）", description=(
        SPAN + "the target (3-5个, 100个, 超过300EFlops): anchors value_low, value_high, unit and lower_bound"))


class MarketMetrics(Curated):
    """Market sizes, growth rates, users, usage and firm counts."""
    metric_id: Series[str] = pa.Field(title="指标编号", description="row key", unique=True, str_matches=r"^mm-\d{3}$")
    subject: Series[str] = pa.Field(title="对象", description="what the figure is about")
    metric: Series[str] = pa.Field(title="指标", description="what is measured", isin=["market_size", "growth_rate", "cagr", "users", "usage", "firm_count",
                                         "revenue", "investment", "other"])
    geography: Series[str] = pa.Field(title="地域", description="area the figure covers (codes named in data/mappings/labels.yml)", isin=GEOGRAPHIES)
    period_start: Series[str] = pa.Field(title="起始期", description="start of the period", nullable=True, str_matches=ISO_DATE)
    period_end: Series[str] = pa.Field(title="截止期", description="end of the period (= start for a point figure)", nullable=True, str_matches=ISO_DATE)
    period_text: Series[str] = pa.Field(title="期间（原文）", nullable=True, description=(
        SPAN + "the period (2022年-2027年, 2023年, 截至7月3日's 7月3日): anchors period_start and period_end"))
    period_end_text: Series[str] = pa.Field(title="截止期（原文）", nullable=True, description=(
        SPAN + "the end of the period where the quote writes it apart from the start (从2020年…增长至2022年: "
        "period_text 2020年, period_end_text 2022年); blank otherwise"))
    period_derived_from: Series[str] = _derived("the period (or its year)", "期间来源")
    context_quote: Series[str] = _context()
    value: Series[float] = pa.Field(title="数值", description="number as written")
    value_text: Series[str] = pa.Field(title="数值（原文）", description=SPAN + "value and unit (780亿元, 52.04%, 80余个)")
    unit: Series[str] = pa.Field(title="单位", description="unit as written")
    unit_text: Series[str] = pa.Field(title="单位（原文）", nullable=True, description=(
        SPAN + "the unit where value_text does not end with it (亿元 after 39.1/46.8/56.4/68.2亿元); blank otherwise"))
    kind: Series[str] = pa.Field(title="类型", description="actual, forecast or estimate, as the passage presents the figure" + CODED, nullable=True, isin=["actual", "forecast", "estimate"])
    source_body: Series[str] = pa.Field(title="数据机构", description="analyst or body the figure is attributed to", nullable=True)
    stated_derived: Series[str] = pa.Field(title="原文陈述为比率", description="yes if the text states it as a rate", isin=["yes", "no"])
    base_metric_id: Series[str] = pa.Field(title="期初指标", nullable=True, description="→ market_metrics: start value of a stated rate")
    end_metric_id: Series[str] = pa.Field(title="期末指标", nullable=True, description="→ market_metrics: end value of a stated rate")


class Rates(Curated):
    """Rates the corpus states together with the total they derive from (e.g. questions per minute from a daily
    total), so that code can recompute them."""
    rate_id: Series[str] = pa.Field(title="编号", description="row key", unique=True, str_matches=r"^r-\d{3}$")
    metric_id: Series[str] = pa.Field(title="指标编号", description="→ market_metrics: the stated rate")
    total_metric_id: Series[str] = pa.Field(title="总量指标", description="→ market_metrics: the total it is a rate of")
    period_value: Series[float] = pa.Field(title="期间长度", gt=0, description="length of the period the total covers")
    period_unit: Series[str] = pa.Field(title="期间单位", description="unit of period_value", isin=["minute", "hour", "day"])
    period_text: Series[str] = pa.Field(title="期间（原文）", description=(
        SPAN + "period_value and period_unit (24小时; unit words in data/mappings/anchor_words.yml, block time_units)"))
    per_unit: Series[str] = pa.Field(title="按每", isin=["minute", "hour", "day"], description="the rate is per one of these")
    per_text: Series[str] = pa.Field(title="按每（原文）", description=SPAN + "per_unit (1分钟)")


class Filings(Curated):
    """The regulator's counts of generative-AI services filed (备案) with the national Cyberspace Administration and of
    apps or features registered (登记) with its local offices, as its filing announcements state them."""
    row_id: Series[str] = pa.Field(title="编号", description="row key", unique=True, str_matches=r"^f-\d{3}$")
    as_of_date: Series[str] = pa.Field(title="日期", description="date the count refers to (截至…, or the end of the period)", str_matches=ISO_DATE)
    date_precision: Series[str] = pa.Field(title="日期精度", description="precision of as_of_date", isin=PRECISION)
    date_text: Series[str] = pa.Field(title="日期（原文）", description=(
        SPAN + "as_of_date (2024年12月31日; 11月1日 takes the document's year); for a period's new count, the "
        "截至 date of the same announcement that closes the period, in context_quote"))
    date_derived_from: Series[str] = _derived("as_of_date (or its year)", "日期来源")
    context_quote: Series[str] = _context()
    period_start: Series[str] = pa.Field(title="起始期", nullable=True, str_matches=ISO_DATE,
                                         description="first day of the period a new (non-cumulative) count covers; blank for cumulative counts "
                                                     "(the curator's reading of 4月至6月, 本阶段, 2025年全年: not anchored)")
    count: Series[int] = pa.Field(title="数量", ge=0, description="number as written")
    count_text: Series[str] = pa.Field(title="数量（原文）", description=SPAN + "count (302)")
    unit: Series[str] = pa.Field(title="单位", isin=["services", "apps"],
                                 description="services (生成式人工智能服务) or apps and features (生成式人工智能应用或功能)" + CODED)
    kind: Series[str] = pa.Field(title="类别", isin=["filed", "registered"],
                                 description="filed (备案, with the national 网信办) or registered (登记, with local 网信办 offices)" + CODED)
    geography: Series[str] = pa.Field(title="地域", isin=GEOGRAPHIES,
                                      description="area the count covers: CN for the national total, a province where stated (codes in data/mappings/labels.yml)" + CODED)
    cumulative: Series[str] = pa.Field(title="累计", isin=["yes", "no"],
                                       description="yes for a running total (累计, 截至…共), no for the period's new count (新增)" + CODED)


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
    "filings": Filings,
}


class Anchor(NamedTuple):
    """A span column and the values it anchors: the span occurs in the quote (as whole words) and reads, through
    spans.READERS[reader], as the row's values."""
    span: str
    reader: str
    values: dict[str, str]  # field the reader returns → column that must equal it
    derived: str | None = None  # column saying how the values were obtained where the span is blank or partial
    blank: dict[str, str] = {}  # column → value a blank span implies (no qualifier word = exact)
    elsewhere: dict[str, str] = {}  # field → span column that states it where this span does not (39.1 of 39.1/46.8亿元)
    optional: bool = False  # a blank span checks nothing (it only completes another span)
    split: tuple[str, str] | None = None  # (span column, field): where that span is filled, it states the field
    when: str | None = None  # a column the anchor needs: where it is blank, the anchored columns are blank too
    year: str | None = None  # span column with the quote's words that give a year-less date its year (2021 年 of 同年12 月)


# Every value read from a quote, with the words it was read from (src/cnai/facts/provenance.py checks them).
ANCHORS: dict[str, list[Anchor]] = {
    "model_counts": [
        Anchor("value_text", "number", {"number": "value"}),
        Anchor("qualifier_text", "qualifier", {"qualifier": "qualifier"}, blank={"qualifier": "exact"}),
        Anchor("date_text", "date", {"date": "as_of_date", "precision": "date_precision"}, "date_derived_from"),
    ],
    "funding_deals": [
        Anchor("report_no_text", "number", {"number": "report_no"}),
        Anchor("amount_text", "amount", {"number": "amount_value", "unit": "amount_unit", "currency": "currency",
                                         "status": "amount_status"}),
        Anchor("date_text", "date", {"date": "date", "precision": "date_precision"}),
    ],
    "market_metrics": [
        Anchor("value_text", "measure", {"number": "value", "unit": "unit"}, elsewhere={"unit": "unit_text"}),
        Anchor("unit_text", "unit", {"unit": "unit"}, optional=True),
        Anchor("period_text", "period", {"start": "period_start", "end": "period_end"}, "period_derived_from",
               split=("period_end_text", "end")),
        Anchor("period_end_text", "period", {"end": "period_end"}, "period_derived_from", optional=True),
    ],
    "chip_investments": [
        Anchor("value_text", "measure", {"number": "value", "unit": "unit"}),
        Anchor("qualifier_text", "qualifier", {"qualifier": "qualifier"}, blank={"qualifier": "exact"}, when="value"),
        Anchor("date_text", "date", {"date": "date", "precision": "date_precision"}),
    ],
    "robots": [
        Anchor("year_text", "year_of", {"number": "year"}),
        Anchor("height_text", "metres", {"number": "height_m"}),
        Anchor("weight_text", "kilograms", {"number": "weight_kg"}),
        Anchor("dof_text", "dof", {"number": "dof"}),
        Anchor("price_text", "measure", {"number": "price_value", "unit": "price_unit"}),
    ],
    "chips": [
        Anchor("value_text", "measure", {"number": "spec_value", "unit": "spec_unit"}),
        Anchor("qualifier_text", "qualifier", {"qualifier": "spec_qualifier"}, blank={"spec_qualifier": "exact"},
               when="spec_value"),
        Anchor("date_text", "date", {"date": "date", "precision": "date_precision"}, "date_derived_from"),
    ],
    "policy_targets": [
        Anchor("value_text", "range", {"low": "value_low", "high": "value_high", "unit": "unit",
                                       "lower_bound": "lower_bound"}),
        Anchor("target_year_text", "year", {"number": "target_year"}),
    ],
    "rates": [
        Anchor("period_text", "duration", {"number": "period_value", "unit": "period_unit"}),
        Anchor("per_text", "duration", {"unit": "per_unit"}),
    ],
    "models": [
        Anchor("release_date_text", "date", {"date": "release_date", "precision": "release_date_precision"},
               "release_date_derived_from", year="release_year_text"),
        Anchor("params_text", "params", {"billions": "params_b"}),
    ],
    "policies": [
        Anchor("date_text", "date", {"date": "date", "precision": "date_precision"}, "date_filled_from"),
    ],
    "filings": [
        Anchor("count_text", "number", {"number": "count"}),
        Anchor("date_text", "date", {"date": "as_of_date", "precision": "date_precision"}, "date_derived_from"),
    ],
}
# name columns: the name, or an alias of its company (companies.aliases), occurs in the quote (or, where the row
# has a column <name column>_derived_from, as that says: in the context_quote, or the curator's reading)
NAMES: dict[str, list[str]] = {
    "funding_deals": ["company"],
    "chips": ["chip", "vendor"],
    "robots": ["product", "maker"],
    "robot_supply_chain": ["company", "component"],
    "industry_chain": ["company"],
    "companies": ["name"],
    "models": ["name_as_written", "developer"],
    "policies": ["title", "issuers"],
}

# name columns whose words may stand outside the quote, and the column that says where (context_quote: the row's
# context_quote writes them; reading: the curator's reading, declared; blank: the quote writes them). A name column X
# not listed here is governed by a column X_derived_from where the table has one.
NAMES_DERIVED: dict[str, dict[str, str]] = {
    "policies": {"title": "names_derived_from", "issuers": "names_derived_from"},
}
# name columns that may be the curator's reading (X_derived_from = reading) but must then agree with the entity
# registry: (table, column) → the column naming the entity the registry knows (the model, for its developer)
READINGS_IN_REGISTRY: dict[tuple[str, str], str] = {("models", "developer"): "model"}

# numeric columns not yet anchored by a span, whose value must appear, in some written form, in the row's quote
QUOTED_NUMBERS = {
}
# string columns that must appear verbatim in the quote
QUOTED_TEXT: dict[str, list[str]] = {"chips": ["misprint", "value_as_written"], "robots": ["speed_text", "drive"]}
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
