"""Tables derived from the tidy outside-evidence tables, joined through the entity registry."""
from __future__ import annotations

import pandas as pd
import yaml

from .. import paths, registry
from ..errors import InputError, MappingError
from .common import validate
from .schemas import (AcceleratorSpecs, ApiPrices, ClusterShare, ComputeByCountryYear, FrontierGap, HumanoidProducts,
                      ModelListCounts, ModelListFirstSeen, OrganisationsByNotableModels)

GAP_CATEGORIES = ("full", "chinese")
NOT_STATED = "（未注明）"
PAIRS = paths.READINGS / "api_arena_pairs.yml"


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


# ---- the community list of Chinese large models ----

def _first_stated(values: pd.Series) -> str | None:
    stated = values.dropna()
    return stated.iloc[0] if len(stated) else None


def model_list_first_seen(china_model_list: pd.DataFrame) -> pd.DataFrame:
    """One row per model of the list (its name as written, with its organisation: the registry id where the company
    is registered, else the company as written, so that two makers' 盘古 or 星汉 stay apart): the first and last
    version date that lists it, and its province and category as first stated."""
    rows = china_model_list.sort_values(["version_date", "file", "line"]).copy()
    rows["organisation"] = rows["organisation_id"].fillna(rows["company"]).fillna("")
    last = rows["version_date"].max()
    frame = rows.groupby(["model", "organisation"], sort=False).agg(
        company=("company", "first"), organisation_id=("organisation_id", "first"),
        first_seen=("version_date", "first"), first_file=("file", "first"), last_seen=("version_date", "last"),
        versions=("file", "nunique"), province=("province", _first_stated), category=("category", _first_stated),
    ).reset_index()
    frame["in_last_version"] = frame["last_seen"] == last
    frame = frame.sort_values(["first_seen", "first_file", "model"]).reset_index(drop=True)
    return validate("model_list_first_seen", ModelListFirstSeen, frame)


def model_list_counts(model_list_first_seen: pd.DataFrame) -> pd.DataFrame:
    """Models by the date they first appear in the list, per province and per category, with running totals."""
    parts = []
    for dimension in ("province", "category"):
        counts = (model_list_first_seen.assign(value=model_list_first_seen[dimension].fillna(NOT_STATED))
                  .groupby(["value", "first_seen"]).size().rename("new_models").reset_index())
        grid = pd.MultiIndex.from_product([counts["value"].unique(), sorted(counts["first_seen"].unique())],
                                          names=["value", "first_seen"])
        counts = counts.set_index(["value", "first_seen"]).reindex(grid, fill_value=0).reset_index()
        counts["cumulative"] = counts.groupby("value")["new_models"].cumsum()
        parts.append(counts.assign(dimension=dimension))
    frame = pd.concat(parts, ignore_index=True)[["first_seen", "dimension", "value", "new_models", "cumulative"]]
    return validate("model_list_counts", ModelListCounts, frame.sort_values(["dimension", "first_seen", "value"]))


# ---- robots ----

def humanoid_products(robot_products: pd.DataFrame) -> pd.DataFrame:
    """The humanoid robots, with the maker's registry name and country."""
    humanoids = robot_products[robot_products["category"].eq("humanoid")]
    orgs = registry.entries("organisation")
    frame = pd.DataFrame({
        "product_id": humanoids["product_id"], "name": humanoids["name"], "maker_id": humanoids["brand_id"],
        "maker": humanoids["brand_id"].map(lambda i: orgs.at[i, "zh_hans"] if pd.notna(orgs.at[i, "zh_hans"]) else orgs.at[i, "en"]),
        "country": humanoids["country"], "is_china": humanoids["country"].eq("CN"),
        "price_as_written": humanoids["price_as_written"], "price": humanoids["price"],
        "currency": humanoids["currency"], "release_date": humanoids["release_date"],
        "release_precision": humanoids["release_precision"],
    }).reset_index(drop=True)
    return validate("humanoid_products", HumanoidProducts, frame)


# ---- API prices against Arena ratings ----

def arena_pairs() -> pd.DataFrame:
    """The listed pairs of models.dev cards and LMArena keys (data/readings/api_arena_pairs.yml)."""
    entries = yaml.safe_load(PAIRS.read_text(encoding="utf-8")) or []
    columns = ["provider", "model_id", "arena_key"]
    bad = [n for n, e in enumerate(entries, 1) if not isinstance(e, dict) or any(not isinstance(e.get(c), str) for c in columns)]
    if bad:
        raise InputError(f"{PAIRS}: entry {bad[0]} needs text fields {', '.join(columns)}")
    return pd.DataFrame(entries, columns=[*columns, "why"])[columns]


def api_prices(api_models: pd.DataFrame, arena_ratings: pd.DataFrame) -> pd.DataFrame:
    """Cards with an input price, joined to the latest leaderboard (category full) where the card's id is a key
    (letter case aside) or the pair is listed; both sides must name the same registry family."""
    latest = arena_ratings[arena_ratings["snapshot_date"].eq(arena_ratings["snapshot_date"].max())
                           & arena_ratings["category"].eq("full")]
    keys = dict(zip(latest["model_key"].str.casefold(), latest["model_key"]))
    priced = api_models[api_models["input_price_usd"].notna()].copy()
    listed = arena_pairs().set_index(["provider", "model_id"])["arena_key"]
    unknown = sorted(set(listed) - set(latest["model_key"]))
    if unknown:
        raise InputError(f"{PAIRS}: arena_key {', '.join(map(repr, unknown))} not in the latest leaderboard (category full)")
    pairs = [listed.get((p, m)) for p, m in zip(priced["provider"], priced["model_id"])]
    same = priced["model_id"].str.casefold().map(keys)
    priced["arena_key"] = [p if p is not None else s for p, s in zip(pairs, same)]
    priced["pairing"] = ["listed_pair" if p is not None else "same_id" if isinstance(s, str) else None
                         for p, s in zip(pairs, same)]
    priced["arena_key"] = priced["arena_key"].where(priced["pairing"].notna(), None)
    joined = priced["arena_key"].notna()
    priced["family_id"] = None
    priced.loc[joined, "family_id"] = registry.harmonize(priced.loc[joined, "arena_key"], "model", "arena_leaderboard (category full)")
    card_family = priced["model_id"].map(lambda m: registry.resolve(m, "model"))
    clash = joined & card_family.notna() & (card_family != priced["family_id"])
    if clash.any():
        row = priced[clash].iloc[0]
        raise MappingError(f"models_dev {row['provider']}/{row['model_id']} is family {card_family[clash].iloc[0]!r} but is paired "
                           f"with Arena key {row['arena_key']!r} of family {row['family_id']!r}: check {PAIRS} and "
                           f"{registry.file_of('model')}")
    ratings = latest.set_index("model_key")
    for column, source in (("arena_rating", "rating"), ("arena_q025", "rating_q025"), ("arena_q975", "rating_q975")):
        priced[column] = priced["arena_key"].map(lambda k: ratings.at[k, source] if isinstance(k, str) else None).astype(float)
    priced["arena_snapshot"] = priced["arena_key"].map(lambda k: latest["snapshot_date"].iloc[0] if isinstance(k, str) else None)
    frame = priced[list(ApiPrices.to_schema().columns)].reset_index(drop=True)
    return validate("api_prices", ApiPrices, frame)


def organisations_by_notable_models(epoch_models: pd.DataFrame) -> pd.DataFrame:
    """Per registry organisation: Epoch's notable models from China it took part in, and those it made alone."""
    china = epoch_models[(epoch_models["dataset"] == "notable") & epoch_models["is_china"]]
    ids = china["organisation_ids"].str.split(" | ", regex=False)
    alone = ids[ids.str.len() == 1].str[0].value_counts()
    counts = ids.explode().value_counts()
    orgs = registry.entries("organisation")
    frame = pd.DataFrame({
        "organisation_id": counts.index,
        "organisation": [orgs.at[i, "zh_hans"] if pd.notna(orgs.at[i, "zh_hans"]) else orgs.at[i, "en"] for i in counts.index],
        "country": [orgs.at[i, "country"] if pd.notna(orgs.at[i, "country"]) else None for i in counts.index],
        "kind": [orgs.at[i, "kind"] for i in counts.index],
        "notable_models": counts.to_numpy(),
        "sole_models": [int(alone.get(i, 0)) for i in counts.index],
    }).sort_values(["notable_models", "organisation_id"], ascending=[False, True]).reset_index(drop=True)
    return validate("organisations_by_notable_models", OrganisationsByNotableModels, frame)
