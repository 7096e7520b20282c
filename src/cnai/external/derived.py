"""Tables derived from the tidy outside-evidence tables, joined through the entity registry."""
from __future__ import annotations

import pandas as pd

from .. import registry
from .common import validate
from .schemas import AcceleratorSpecs, ClusterShare, ComputeByCountryYear, FrontierGap

GAP_CATEGORIES = ("full", "chinese")


def _best(group: pd.DataFrame, prefix: str) -> dict:
    top = group.loc[group["rating"].idxmax()]
    return {f"{prefix}_model": top["model_key"], f"{prefix}_organisation": top["organisation_id"],
            f"{prefix}_rating": top["rating"], f"{prefix}_q025": top["rating_q025"], f"{prefix}_q975": top["rating_q975"]}


def frontier_gap(arena_ratings: pd.DataFrame) -> pd.DataFrame:
    """Per snapshot and category (full, chinese): the best model against the best one from an organisation whose
    registry country is CN. Every model key must map to a family in data/registry/models.yml."""
    ratings = arena_ratings[arena_ratings["category"].isin(GAP_CATEGORIES)].copy()
    families = registry.harmonize(ratings["model_key"], "model", "arena_leaderboard (categories full, chinese)")
    ratings["organisation_id"] = registry.attribute(families, "model", "organisation")
    ratings["country"] = registry.attribute(ratings["organisation_id"], "organisation", "country")
    rows = []
    for (date, category), group in ratings.groupby(["snapshot_date", "category"], sort=True):
        best, china = _best(group, "best"), _best(group[group["country"] == "CN"], "china")
        rows.append({"snapshot_date": date, "category": category, "models": len(group), **best, **china,
                     "gap": best["best_rating"] - china["china_rating"],
                     "intervals_overlap": china["china_q975"] >= best["best_q025"]})
    return validate("frontier_gap", FrontierGap, pd.DataFrame(rows))


def accelerator_specs(accelerators: pd.DataFrame) -> pd.DataFrame:
    """Chips of makers in China and NVIDIA's, with one 16-bit figure each (tensor FP16/BF16, else plain FP16)."""
    chips = accelerators[accelerators["maker_country"].eq("CN") | accelerators["maker_id"].eq("nvidia")].copy()
    orgs = registry.entries("organisation")
    china_market = registry.entries("chip")["china_market"]
    tensor = chips["tensor_fp16_bf16_flops"]
    frame = pd.DataFrame({
        "name": chips["name"], "maker_id": chips["maker_id"],
        "maker": chips["maker_id"].map(lambda i: orgs.at[i, "zh_hans"] or orgs.at[i, "en"]),
        "group": chips["maker_country"].map(lambda c: "china" if c == "CN" else "nvidia"),
        "china_market": chips["chip_id"].map(lambda i: bool(china_market.get(i, False)) if i else False),
        "release_date": chips["release_date"],
        "fp16_flops": tensor.fillna(chips["fp16_flops"]),
        "fp16_basis": tensor.notna().map({True: "tensor_fp16_bf16", False: "fp16"}).where(
            tensor.notna() | chips["fp16_flops"].notna(), None),
        "memory_bytes": chips["memory_bytes"], "memory_bandwidth": chips["memory_bandwidth"],
    }).sort_values(["release_date", "name"], na_position="last").reset_index(drop=True)
    return validate("accelerator_specs", AcceleratorSpecs, frame)


def _largest(group: pd.DataFrame) -> pd.Series:
    known = group.dropna(subset=["training_compute_flop"])
    top = known.loc[known["training_compute_flop"].idxmax()] if len(known) else None
    access = group["open_weights"].dropna()
    return pd.Series({
        "models": len(group), "with_compute": len(known),
        "largest_compute_flop": None if top is None else top["training_compute_flop"],
        "largest_model": None if top is None else top["model"],
        "accessibility_known": len(access), "open_weights": int(access.sum()),
        "open_share": access.mean() if len(access) else None})


def compute_by_country_year(epoch_models: pd.DataFrame) -> pd.DataFrame:
    """Epoch's notable models per publication year and region (CN, US, CN+US, other)."""
    notable = epoch_models[epoch_models["dataset"].eq("notable")].copy()
    notable["year"] = notable["publication_date"].str[:4].astype(int)
    frame = notable.groupby(["year", "region"]).apply(_largest, include_groups=False).reset_index()
    return validate("compute_by_country_year", ComputeByCountryYear, frame)


def cluster_share(gpu_clusters: pd.DataFrame) -> pd.DataFrame:
    """China's share of the capacity of clusters that are or were operational, counted from their first
    operational year (rows Epoch flags as possible duplicates and planned clusters left out; decommissioning is
    not subtracted)."""
    built = gpu_clusters[gpu_clusters["status"].isin(["Existing", "Decommissioned"]) & ~gpu_clusters["possible_duplicate"]
                         & gpu_clusters["first_operational_date"].notna() & gpu_clusters["h100_equivalents"].notna()].copy()
    built["year"] = built["first_operational_date"].str[:4].astype(int)
    built["china"] = built["h100_equivalents"].where(built["is_china"], 0.0)
    frame = built.groupby("year").agg(china_h100e=("china", "sum"), world_h100e=("h100_equivalents", "sum"),
                                      china_clusters=("is_china", "sum"), world_clusters=("name", "size")).reset_index()
    frame["china_cumulative"] = frame["china_h100e"].cumsum()
    frame["world_cumulative"] = frame["world_h100e"].cumsum()
    frame["china_share"] = frame["china_cumulative"] / frame["world_cumulative"]
    return validate("cluster_share", ClusterShare, frame)
