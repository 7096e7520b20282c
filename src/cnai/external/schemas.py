"""Schemas of the outside-evidence tables: the tidy tables (one per source) and the tables derived from them. Every
column has a Chinese title (what a reader sees) and an English description."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
COUNTRY = r"^[A-Z]{2}$"
REGIONS = ["CN", "US", "CN+US", "other"]


class Tidy(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = True


class EpochModels(Tidy):
    """Epoch AI's Notable AI Models and Large-Scale AI Models, one row per model and dataset."""
    dataset: Series[str] = pa.Field(title="数据集", isin=["notable", "large_scale"], description="which Epoch dataset: notable_ai_models.csv or large_scale_ai_models.csv")
    row: Series[int] = pa.Field(title="行号", ge=1, description="record number in the CSV (1 = first row after the header)")
    model: Series[str] = pa.Field(title="模型", description="model as Epoch writes it (Epoch's row key, unique within a dataset)")
    organisation: Series[str] = pa.Field(title="机构", nullable=True, description="organisation(s) as written, comma-joined for collaborations")
    country_as_written: Series[str] = pa.Field(title="国家（原文）", nullable=True, description="Epoch's 'Country (of organization)' as written")
    organisation_ids: Series[str] = pa.Field(title="机构编号", nullable=True, description=(
        "the organisations as data/registry/organisations*.yml ids, ' | '-joined in Epoch's order (a collaboration "
        "keeps every partner); blank only where Epoch names no organisation"))
    countries: Series[str] = pa.Field(title="国家", nullable=True, description="the distinct countries, ' | '-joined ('Hong Kong,China' kept as one)")
    is_china: Series[bool] = pa.Field(title="中国参与", description="an organisation in China (mainland or Hong Kong) took part, per Epoch's country field")
    region: Series[str] = pa.Field(title="地区", isin=REGIONS, description="CN (China, no US organisation), US (US, no Chinese one), CN+US (both), other")
    publication_date: Series[str] = pa.Field(title="发布日期", nullable=True, str_matches=ISO_DATE, description="publication date (ISO)")
    domain: Series[str] = pa.Field(title="领域", nullable=True, description="Epoch's domain (Language, Vision …)")
    parameters: Series[float] = pa.Field(title="参数量", nullable=True, ge=0, description="parameters (count)")
    training_compute_flop: Series[float] = pa.Field(title="训练算力（FLOP）", nullable=True, ge=0, description="training compute in FLOP")
    training_hardware: Series[str] = pa.Field(title="训练硬件", nullable=True, description="training hardware as written")
    hardware_quantity: Series[float] = pa.Field(title="硬件数量", nullable=True, ge=0, description="number of chips used in training")
    accessibility: Series[str] = pa.Field(title="可获取性", nullable=True, description="Epoch's model accessibility as written (Open weights (unrestricted), API access, Unreleased …)")
    open_weights: Series[pd.BooleanDtype] = pa.Field(title="开放权重", nullable=True, description="weights released (accessibility starts 'Open weights'); blank where Epoch gives no accessibility")
    confidence: Series[str] = pa.Field(title="置信度", nullable=True, description="Epoch's confidence in the compute estimate (Confident, Likely, Speculative, Unknown)")
    link: Series[str] = pa.Field(title="来源链接", nullable=True, description="link to the primary source, as Epoch gives it")


class Accelerators(Tidy):
    """Epoch AI's ML Hardware: one row per accelerator."""
    row: Series[int] = pa.Field(title="行号", ge=1, description="record number in ml_hardware.csv")
    name: Series[str] = pa.Field(title="芯片", unique=True, description="hardware name as Epoch writes it (Epoch's row key)")
    manufacturer: Series[str] = pa.Field(title="厂商（原文）", nullable=True, description="manufacturer as written")
    maker_id: Series[str] = pa.Field(title="厂商编号", nullable=True, description="→ data/registry/organisations.yml")
    maker_country: Series[str] = pa.Field(title="厂商国家", nullable=True, str_matches=COUNTRY, description="the maker's country in the registry")
    chip_id: Series[str] = pa.Field(title="芯片编号", nullable=True, description="→ data/registry/chips.yml (every chip of a maker in China, and NVIDIA's compared ones)")
    type: Series[str] = pa.Field(title="类型", nullable=True, description="GPU, TPU, NPU … as written")
    release_date: Series[str] = pa.Field(title="发布日期", nullable=True, str_matches=ISO_DATE, description="release date (ISO)")
    tensor_fp16_bf16_flops: Series[float] = pa.Field(title="张量FP16/BF16算力（FLOP/s）", nullable=True, ge=0, description="Tensor-FP16/BF16 performance (FLOP/s)")
    fp16_flops: Series[float] = pa.Field(title="FP16算力（FLOP/s）", nullable=True, ge=0, description="FP16 (half precision) performance (FLOP/s)")
    fp8_flops: Series[float] = pa.Field(title="FP8算力（FLOP/s）", nullable=True, ge=0, description="FP8 performance (FLOP/s)")
    int8_ops: Series[float] = pa.Field(title="INT8算力（OP/s）", nullable=True, ge=0, description="INT8 performance (OP/s)")
    memory_bytes: Series[float] = pa.Field(title="显存（字节）", nullable=True, ge=0, description="memory (bytes)")
    memory_bandwidth: Series[float] = pa.Field(title="显存带宽（字节/秒）", nullable=True, ge=0, description="memory bandwidth (byte/s)")
    tdp_watts: Series[float] = pa.Field(title="功耗（瓦）", nullable=True, ge=0, description="thermal design power (W)")
    link: Series[str] = pa.Field(title="来源链接", nullable=True, description="link to the datasheet, as Epoch gives it")


class GpuClusters(Tidy):
    """Epoch AI's GPU Clusters: one row per cluster (names repeat: the row number is the key)."""
    row: Series[int] = pa.Field(title="行号", ge=1, unique=True, description="record number in gpu_clusters.csv (the key: names repeat, and Chinese ones are anonymised)")
    name: Series[str] = pa.Field(title="名称", description="cluster name as written ('Anonymized Chinese System' for most in China)")
    owner: Series[str] = pa.Field(title="所有者", nullable=True, description="owner as written (blank where Epoch anonymises it, as for most clusters in China)")
    country: Series[str] = pa.Field(title="国家", nullable=True, description="country as written")
    is_china: Series[bool] = pa.Field(title="位于中国", description="country is China")
    h100_equivalents: Series[float] = pa.Field(title="H100等效数", nullable=True, ge=0, description="capacity in H100-equivalents")
    chip_type: Series[str] = pa.Field(title="主要芯片", nullable=True, description="primary chip type as written")
    chip_quantity: Series[float] = pa.Field(title="芯片数量", nullable=True, ge=0, description="primary chip quantity")
    first_operational_date: Series[str] = pa.Field(title="首次运行日期", nullable=True, str_matches=ISO_DATE, description="first operational date (ISO; Epoch writes M/D/YYYY)")
    status: Series[str] = pa.Field(title="状态", isin=["Existing", "Planned", "Decommissioned"], description="Existing, Planned or Decommissioned")
    certainty: Series[str] = pa.Field(title="确定性", nullable=True, isin=["Confirmed", "Likely", "Unlikely"], description="Epoch's certainty")
    possible_duplicate: Series[bool] = pa.Field(title="可能重复", description="Epoch flags the row as a possible duplicate")
    single_cluster: Series[str] = pa.Field(title="单一集群", nullable=True, description="Epoch's 'Single cluster?' (Yes, No, Unclear)")
    source: Series[str] = pa.Field(title="来源链接", nullable=True, description="Epoch's first source link")


class ArenaRatings(Tidy):
    """LMArena's text leaderboards: one row per snapshot, category and model."""
    snapshot_date: Series[str] = pa.Field(title="快照日期", str_matches=ISO_DATE, description="date of the leaderboard file (leaderboard-text_<date>.json)")
    category: Series[str] = pa.Field(title="类别", description="leaderboard category (full, chinese, coding …)")
    model_key: Series[str] = pa.Field(title="模型键", description="LMArena's model key (the file's row key)")
    rating: Series[float] = pa.Field(title="评分", description="rating")
    rating_q025: Series[float] = pa.Field(title="评分下限（2.5%）", description="lower end of the 95% interval")
    rating_q975: Series[float] = pa.Field(title="评分上限（97.5%）", description="upper end of the 95% interval")


class ArenaModels(Tidy):
    """LMArena's scatterplot-data.json: organisation, licence and API price per model, where it gives them."""
    model_key: Series[str] = pa.Field(title="模型键", unique=True, description="LMArena's model key (model_api_name)")
    name: Series[str] = pa.Field(title="名称", description="display name as written")
    organisation: Series[str] = pa.Field(title="机构（原文）", description="organisation as written")
    organisation_id: Series[str] = pa.Field(title="机构编号", description="→ data/registry/organisations.yml")
    licence: Series[str] = pa.Field(title="许可", nullable=True, description="licence as written")
    input_price_usd: Series[float] = pa.Field(title="输入价格（美元/百万词元）", nullable=True, ge=0, description="API price per million input tokens (USD)")
    output_price_usd: Series[float] = pa.Field(title="输出价格（美元/百万词元）", nullable=True, ge=0, description="API price per million output tokens (USD)")
    price_source: Series[str] = pa.Field(title="价格来源", nullable=True, description="link the price comes from")
    model_source: Series[str] = pa.Field(title="模型来源", nullable=True, description="link describing the model")


class FrontierGap(Tidy):
    """Per LMArena snapshot and category: the best model overall against the best from an organisation in China."""
    snapshot_date: Series[str] = pa.Field(title="快照日期", str_matches=ISO_DATE, description="date of the leaderboard file")
    category: Series[str] = pa.Field(title="类别", isin=["full", "chinese"], description="leaderboard category")
    models: Series[int] = pa.Field(title="模型数", ge=1, description="models rated in the category")
    best_model: Series[str] = pa.Field(title="最佳模型", description="model key with the highest rating")
    best_organisation: Series[str] = pa.Field(title="最佳模型机构", description="its organisation (registry id)")
    best_rating: Series[float] = pa.Field(title="最佳评分", description="its rating")
    best_q025: Series[float] = pa.Field(title="最佳评分下限", description="lower end of its 95% interval")
    best_q975: Series[float] = pa.Field(title="最佳评分上限", description="upper end of its 95% interval")
    china_model: Series[str] = pa.Field(title="中国最佳模型", description="highest-rated model of an organisation with registry country CN")
    china_organisation: Series[str] = pa.Field(title="中国最佳模型机构", description="its organisation (registry id)")
    china_rating: Series[float] = pa.Field(title="中国最佳评分", description="its rating")
    china_q025: Series[float] = pa.Field(title="中国最佳评分下限", description="lower end of its 95% interval")
    china_q975: Series[float] = pa.Field(title="中国最佳评分上限", description="upper end of its 95% interval")
    gap: Series[float] = pa.Field(title="差距", ge=0, description="best_rating − china_rating (same snapshot and category)")
    intervals_overlap: Series[bool] = pa.Field(title="区间重叠", description="the two 95% intervals overlap (china_q975 ≥ best_q025)")


class AcceleratorSpecs(Tidy):
    """Accelerators of makers in China against NVIDIA's, by release date."""
    name: Series[str] = pa.Field(title="芯片", description="hardware name as Epoch writes it")
    maker_id: Series[str] = pa.Field(title="厂商编号", description="→ data/registry/organisations.yml")
    maker: Series[str] = pa.Field(title="厂商", description="maker's name (Chinese where the registry has one)")
    group: Series[str] = pa.Field(title="组别", isin=["china", "nvidia"], description="china (a maker in China) or nvidia")
    china_market: Series[bool] = pa.Field(title="中国特供", description="an NVIDIA chip cut down for sale in China (registry chips.yml)")
    release_date: Series[str] = pa.Field(title="发布日期", nullable=True, str_matches=ISO_DATE, description="release date (ISO)")
    fp16_flops: Series[float] = pa.Field(title="16位算力（FLOP/s）", nullable=True, ge=0, description="Tensor-FP16/BF16 FLOP/s where Epoch gives it, else FP16 (half precision)")
    fp16_basis: Series[str] = pa.Field(title="16位算力口径", nullable=True, isin=["tensor_fp16_bf16", "fp16"], description="which of Epoch's columns fp16_flops comes from")
    memory_bytes: Series[float] = pa.Field(title="显存（字节）", nullable=True, ge=0, description="memory (bytes)")
    memory_bandwidth: Series[float] = pa.Field(title="显存带宽（字节/秒）", nullable=True, ge=0, description="memory bandwidth (byte/s)")


class ComputeByCountryYear(Tidy):
    """Epoch's notable models per publication year and region: counts, the largest training run, open weights."""
    year: Series[int] = pa.Field(title="年份", description="publication year")
    region: Series[str] = pa.Field(title="地区", isin=REGIONS, description="CN, US, CN+US (collaboration), other")
    models: Series[int] = pa.Field(title="模型数", ge=0, description="notable models published")
    with_compute: Series[int] = pa.Field(title="有算力数据", ge=0, description="of which Epoch gives training compute")
    largest_compute_flop: Series[float] = pa.Field(title="最大训练算力（FLOP）", nullable=True, ge=0, description="largest training compute among them")
    largest_model: Series[str] = pa.Field(title="最大训练算力模型", nullable=True, description="the model with it")
    accessibility_known: Series[int] = pa.Field(title="可获取性已知", ge=0, description="models whose accessibility Epoch gives")
    open_weights: Series[int] = pa.Field(title="开放权重数", ge=0, description="of which released with open weights")
    open_share: Series[float] = pa.Field(title="开放权重占比", nullable=True, ge=0, le=1, description="open_weights / accessibility_known")


class ClusterShare(Tidy):
    """China's share of the known GPU-cluster capacity (H100-equivalents), by first operational year, cumulative."""
    year: Series[int] = pa.Field(title="年份", description="first operational year")
    china_h100e: Series[float] = pa.Field(title="中国新增（H100等效）", ge=0, description="capacity first operational that year in China")
    world_h100e: Series[float] = pa.Field(title="全球新增（H100等效）", ge=0, description="capacity first operational that year, all countries (blank country included)")
    china_cumulative: Series[float] = pa.Field(title="中国累计", ge=0, description="China's capacity first operational up to that year")
    world_cumulative: Series[float] = pa.Field(title="全球累计", ge=0, description="all capacity first operational up to that year")
    china_share: Series[float] = pa.Field(title="中国累计占比", ge=0, le=1, description="china_cumulative / world_cumulative")
    china_clusters: Series[int] = pa.Field(title="中国集群数", ge=0, description="clusters in China first operational that year")
    world_clusters: Series[int] = pa.Field(title="全球集群数", ge=0, description="clusters first operational that year")


class ApiModels(Tidy):
    """models.dev model cards: one row per provider and model."""
    provider: Series[str] = pa.Field(title="服务商", description="provider folder name (models.dev's key)")
    provider_name: Series[str] = pa.Field(title="服务商名称", description="provider name as provider.toml gives it")
    organisation_id: Series[str] = pa.Field(title="机构编号", description="→ data/registry/organisations.yml")
    country: Series[str] = pa.Field(title="国家", nullable=True, str_matches=COUNTRY, description="the provider's country in the registry")
    model_id: Series[str] = pa.Field(title="模型编号", description="model id (file name without .toml: models.dev's row key)")
    name: Series[str] = pa.Field(title="名称", nullable=True, description="model name as written")
    family: Series[str] = pa.Field(title="系列", nullable=True, description="models.dev's family as written")
    release_date: Series[str] = pa.Field(title="发布日期", nullable=True, str_matches=r"^\d{4}-\d{2}(-\d{2})?$", description="release date as written (ISO, month or day)")
    open_weights: Series[pd.BooleanDtype] = pa.Field(title="开放权重", nullable=True, description="weights released, as the card says")
    input_price_usd: Series[float] = pa.Field(title="输入价格（美元/百万词元）", nullable=True, ge=0, description="price per million input tokens (USD)")
    output_price_usd: Series[float] = pa.Field(title="输出价格（美元/百万词元）", nullable=True, ge=0, description="price per million output tokens (USD)")
    context_tokens: Series[float] = pa.Field(title="上下文长度", nullable=True, ge=0, description="context limit in tokens")
    file: Series[str] = pa.Field(title="文件", description="the card's path in the snapshot")
    linked_to: Series[str] = pa.Field(title="链接目标", nullable=True, description="where the file is a git symbolic link (copied as text): the card it names")
    card_found: Series[bool] = pa.Field(title="有卡片", description="false where the file links to a card outside the snapshot (models.dev's zai folder): its values are blank")


class ChinaModelList(Tidy):
    """The community list of Chinese large models (awesome-LLMs-In-China): one row per model entry and version."""
    version_date: Series[str] = pa.Field(title="版本日期", str_matches=ISO_DATE, description="commit date of the version (from the file name README_<date>_<commit>.md)")
    commit: Series[str] = pa.Field(title="提交", str_matches=r"^[0-9a-f]{7}$", description="abbreviated commit hash of the version (from the file name)")
    file: Series[str] = pa.Field(title="文件", description="the version's path in the snapshot")
    line: Series[int] = pa.Field(title="行号", ge=1, description="line of the table row in the file")
    section: Series[str] = pa.Field(title="栏目", isin=["大模型列表", "大模型无官方链接"], description="the heading the table sits under (大模型无官方链接: models without an official link, May 2023 only)")
    number: Series[pd.Int64Dtype] = pa.Field(title="序号", nullable=True, ge=1, description="the row's number as written (blank in the one early table without it)")
    company: Series[str] = pa.Field(title="公司", nullable=True, description="company or institution as written (links written as their label)")
    organisation_id: Series[str] = pa.Field(title="机构编号", nullable=True, description="→ data/registry/organisations*.yml: the company's, or for a joint model (公司 joined by 、 + &) the first partner's; blank only where the 公司 cell is")
    organisation_ids: Series[str] = pa.Field(title="全部机构编号", nullable=True, description="every organisation the 公司 cell names, as registry ids, ' | '-joined in the list's order (one for most rows)")
    model: Series[str] = pa.Field(title="大模型", description="model name(s) as written, links written as their label (one cell may name several, e.g. '智脑,一见')")
    model_as_written: Series[str] = pa.Field(title="大模型（原文）", description="the model cell as written in Markdown")
    links: Series[str] = pa.Field(title="链接", nullable=True, description="the links of the model cell, ' | '-joined")
    province: Series[str] = pa.Field(title="省市", nullable=True, description="province/city as written (blank before the column existed, 2023-05-28)")
    category: Series[str] = pa.Field(title="类别", nullable=True, description="category as written (通用, 金融, 医学 …; blank before the column existed, 2023-07-24)")
    official_site: Series[str] = pa.Field(title="官网", nullable=True, description="the 官网 mark as written (✔ has an official site, ✘ has none)")
    note: Series[str] = pa.Field(title="说明", nullable=True, description="the note as written (Markdown)")


class ModelListFirstSeen(Tidy):
    """When each model first appears in the community list of Chinese large models: one row per model name and
    organisation (a company renamed in the list, not in the registry, starts a new row)."""
    class Config:
        strict = True
        coerce = True
        unique = ["model", "organisation"]

    model: Series[str] = pa.Field(title="大模型", description="model name(s) as written (the list's own name)")
    organisation: Series[str] = pa.Field(title="机构", description="the registry id where the company is registered, else the company as written (with the model, the key)")
    company: Series[str] = pa.Field(title="公司", nullable=True, description="company as written where the model first appears")
    organisation_id: Series[str] = pa.Field(title="机构编号", nullable=True, description="→ data/registry/organisations.yml where the company is in the registry")
    first_seen: Series[str] = pa.Field(title="首次列入日期", str_matches=ISO_DATE, description="date of the first version that lists the model (when the list added it, not when it was released)")
    first_file: Series[str] = pa.Field(title="首次列入文件", description="that version's file (the first by name where several versions share the date)")
    last_seen: Series[str] = pa.Field(title="最后列入日期", str_matches=ISO_DATE, description="date of the last version that lists it")
    versions: Series[int] = pa.Field(title="列入版本数", ge=1, description="number of versions that list it")
    province: Series[str] = pa.Field(title="省市", nullable=True, description="province/city as first stated (early versions lack the column: then the first version that gives one)")
    category: Series[str] = pa.Field(title="类别", nullable=True, description="category as first stated (the column exists from 2023-07-24)")
    in_last_version: Series[bool] = pa.Field(title="仍在最新版", description="listed in the last version (2024-11-30)")


class ModelListCounts(Tidy):
    """Models of the community list by the date they first appear, by province or by category, with running totals."""
    first_seen: Series[str] = pa.Field(title="首次列入日期", str_matches=ISO_DATE, description="version date")
    dimension: Series[str] = pa.Field(title="维度", isin=["province", "category"], description="what `value` is: province or category")
    value: Series[str] = pa.Field(title="取值", description="province/city or category as written ('（未注明）' where none is stated)")
    new_models: Series[int] = pa.Field(title="新列入模型数", ge=0, description="models first appearing on that date")
    cumulative: Series[int] = pa.Field(title="累计模型数", ge=0, description="models first appearing up to that date")


class RobotProducts(Tidy):
    """awesome-robots' robot products (robots.json), with the brand's country (brands.json, registry)."""
    product_id: Series[str] = pa.Field(title="产品编号", unique=True, description="the product's id in robots.json (its row key)")
    name: Series[str] = pa.Field(title="产品", description="product name as written")
    chinese_name: Series[str] = pa.Field(title="中文名", nullable=True, description="Chinese name where given")
    brand: Series[str] = pa.Field(title="品牌（原文）", description="brand as written")
    brand_id: Series[str] = pa.Field(title="品牌编号", description="→ data/registry/organisations.yml")
    category: Series[str] = pa.Field(title="类别", isin=["humanoid", "quadruped", "other"], description="humanoid, quadruped or other, as written")
    country_as_written: Series[str] = pa.Field(title="国家（原文）", nullable=True, description="the brand's country in brands.json as written (blank for most brands)")
    brands_country: Series[str] = pa.Field(title="品牌表国家", nullable=True, str_matches=COUNTRY, description="country_as_written as an ISO code (data/readings/countries.yml)")
    country: Series[str] = pa.Field(title="国家", nullable=True, str_matches=COUNTRY, description="the brand's country in the registry")
    countries_agree: Series[pd.BooleanDtype] = pa.Field(title="国家一致", nullable=True, description="brands.json and the registry give the same country; blank where either gives none")
    price_as_written: Series[str] = pa.Field(title="价格（原文）", description="price.starting as written (a number, 'request' …)")
    model_prices_as_written: Series[str] = pa.Field(title="型号价格（原文）", nullable=True, description="price.models as written, 'name: price' ' | '-joined")
    price_note: Series[str] = pa.Field(title="价格说明", nullable=True, description="price.note as written")
    price: Series[float] = pa.Field(title="起售价", nullable=True, gt=0, description="starting price as a number where stated (a 0 with every model 'request' or 'not for sale' is not a price)")
    currency: Series[str] = pa.Field(title="币种", nullable=True, str_matches=r"^[A-Z]{3}$", description="currency of the price, where a price is stated")
    release_date: Series[str] = pa.Field(title="发布日期", nullable=True, str_matches=ISO_DATE, description="release or announcement date as written (releaseDate, else timeline.releasedAt, else timeline.announcedAt)")
    release_field: Series[str] = pa.Field(title="日期字段", nullable=True, isin=["releaseDate", "timeline.releasedAt", "timeline.announcedAt"], description="the field the date comes from")
    release_precision: Series[str] = pa.Field(title="日期精度", nullable=True, isin=["year", "month", "day"], description="how precise the date is taken to be: a 1 January is read as a year, another first of the month as a month (the list writes unknown parts as 01)")
    official_url: Series[str] = pa.Field(title="官网", nullable=True, description="officialUrl as written")


class HumanoidProducts(Tidy):
    """The humanoid robots of awesome-robots, with maker, country, price and release date where stated."""
    product_id: Series[str] = pa.Field(title="产品编号", unique=True, description="the product's id in robots.json")
    name: Series[str] = pa.Field(title="产品", description="product name as written")
    maker_id: Series[str] = pa.Field(title="厂商编号", description="→ data/registry/organisations.yml")
    maker: Series[str] = pa.Field(title="厂商", description="maker's name (Chinese where the registry has one)")
    country: Series[str] = pa.Field(title="国家", nullable=True, str_matches=COUNTRY, description="the maker's country in the registry")
    is_china: Series[bool] = pa.Field(title="中国厂商", description="the maker's registry country is CN")
    price_as_written: Series[str] = pa.Field(title="价格（原文）", description="price.starting as written")
    price: Series[float] = pa.Field(title="起售价", nullable=True, gt=0, description="starting price where stated")
    currency: Series[str] = pa.Field(title="币种", nullable=True, str_matches=r"^[A-Z]{3}$", description="its currency")
    release_date: Series[str] = pa.Field(title="发布日期", nullable=True, str_matches=ISO_DATE, description="release or announcement date as written")
    release_precision: Series[str] = pa.Field(title="日期精度", nullable=True, isin=["year", "month", "day"], description="year, month or day (see robot_products)")


class ApiPrices(Tidy):
    """API prices per million tokens (models.dev) by provider and country, with the model's LMArena rating where the
    model is paired with a leaderboard key."""
    provider: Series[str] = pa.Field(title="服务商", description="models.dev provider folder")
    organisation_id: Series[str] = pa.Field(title="机构编号", description="→ data/registry/organisations.yml (the provider)")
    country: Series[str] = pa.Field(title="国家", nullable=True, str_matches=COUNTRY, description="the provider's country in the registry")
    model_id: Series[str] = pa.Field(title="模型编号", description="models.dev model id")
    name: Series[str] = pa.Field(title="名称", nullable=True, description="model name as written")
    release_date: Series[str] = pa.Field(title="发布日期", nullable=True, str_matches=r"^\d{4}-\d{2}(-\d{2})?$", description="release date as the card gives it")
    input_price_usd: Series[float] = pa.Field(title="输入价格（美元/百万词元）", ge=0, description="price per million input tokens (USD)")
    output_price_usd: Series[float] = pa.Field(title="输出价格（美元/百万词元）", nullable=True, ge=0, description="price per million output tokens (USD)")
    file: Series[str] = pa.Field(title="文件", description="the card's path in the snapshot (a provider may list a model id twice, e.g. under two folders)")
    arena_key: Series[str] = pa.Field(title="竞技场模型键", nullable=True, description="the LMArena key the model is paired with: the same id (letter case aside), or a pair in data/readings/api_arena_pairs.yml")
    pairing: Series[str] = pa.Field(title="配对方式", nullable=True, isin=["same_id", "listed_pair"], description="how the pair was made")
    family_id: Series[str] = pa.Field(title="模型系列", nullable=True, description="→ data/registry/models.yml: the Arena key's family (must agree with the model id's family where the registry knows it)")
    arena_snapshot: Series[str] = pa.Field(title="竞技场快照", nullable=True, str_matches=ISO_DATE, description="the leaderboard file the rating comes from (the latest)")
    arena_rating: Series[float] = pa.Field(title="竞技场评分", nullable=True, description="rating in category full of the latest leaderboard")
    arena_q025: Series[float] = pa.Field(title="评分下限（2.5%）", nullable=True, description="lower end of the 95% interval")
    arena_q975: Series[float] = pa.Field(title="评分上限（97.5%）", nullable=True, description="upper end of the 95% interval")


class OrganisationsByNotableModels(Tidy):
    """Organisations by the number of Epoch's notable models from China they took part in (registry ids: a
    collaboration counts once for each of its organisations)."""
    organisation_id: Series[str] = pa.Field(title="机构编号", unique=True, description="→ data/registry/organisations.yml")
    organisation: Series[str] = pa.Field(title="机构", description="the registry's Chinese name, else its English one")
    country: Series[str] = pa.Field(title="国家", nullable=True, str_matches=COUNTRY, description="the organisation's country in the registry")
    kind: Series[str] = pa.Field(title="类别", description="company, university, lab, government, community (registry)")
    notable_models: Series[int] = pa.Field(title="重要模型数", ge=1, description="notable models from China it took part in")
    sole_models: Series[int] = pa.Field(title="独立开发模型数", ge=0, description="of which it is the only organisation Epoch names")


class ArenaHistory(Tidy):
    """Chatbot Arena (LMArena) ratings over time: one row per leaderboard version and model (snapshot
    arena_history). Ratings of different versions are not on one scale: compare within one snapshot_date."""
    snapshot_date: Series[str] = pa.Field(title="榜单日期", str_matches=ISO_DATE, description="date of the leaderboard version")
    model_key: Series[str] = pa.Field(title="模型键", description="LMArena's model key")
    name: Series[str] = pa.Field(title="模型", nullable=True, description="model name as the history writes it")
    rating: Series[float] = pa.Field(title="评分", description="arena rating in that version (Elo scale)")
    licence: Series[str] = pa.Field(title="许可", nullable=True, description="licence as written")
    organisation_as_written: Series[str] = pa.Field(title="机构（原文）", nullable=True, description="organisation as written")
    family_id: Series[str] = pa.Field(title="模型系列", description="→ data/registry/models.yml")
    organisation_id: Series[str] = pa.Field(title="机构编号", nullable=True, description="the family's organisation (registry)")
    country: Series[str] = pa.Field(title="国家", nullable=True, str_matches=COUNTRY, description="the organisation's country (registry)")


class ArenaHistoryGap(Tidy):
    """Per Chatbot Arena leaderboard version (2023-05 → 2025-03): the best model against the best from an
    organisation in China; a difference within one version, never across versions."""
    snapshot_date: Series[str] = pa.Field(title="榜单日期", str_matches=ISO_DATE, unique=True, description="date of the leaderboard version")
    models: Series[int] = pa.Field(title="模型数", ge=1, description="models rated in the version")
    best_model: Series[str] = pa.Field(title="最佳模型", description="model key with the highest rating")
    best_organisation: Series[str] = pa.Field(title="最佳模型机构", description="its organisation (registry id)")
    best_rating: Series[float] = pa.Field(title="最佳评分", description="its rating")
    china_model: Series[str] = pa.Field(title="中国最佳模型", description="highest-rated model of an organisation with registry country CN")
    china_organisation: Series[str] = pa.Field(title="中国最佳模型机构", description="its organisation (registry id)")
    china_rating: Series[float] = pa.Field(title="中国最佳评分", description="its rating")
    gap: Series[float] = pa.Field(title="差距（分）", ge=0, description="best_rating − china_rating within the version")
    china_rank: Series[int] = pa.Field(title="中国最佳模型名次", ge=1, description="1 + models rated strictly higher than China's best")
    china_win_share: Series[float] = pa.Field(title="中国最佳模型预期胜率", ge=0, le=0.5, description="1 / (1 + 10^(gap/400)): share of head-to-head votes China's best is expected to win against the best")
