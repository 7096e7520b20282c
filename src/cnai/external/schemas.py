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
