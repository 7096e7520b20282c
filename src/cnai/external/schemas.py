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
