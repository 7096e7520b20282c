"""The outside-evidence tables `cnai.data.load` serves: tidy tables (name → the step that makes it from its
snapshot) and derived ones (name → function and the tables it takes, in order)."""
from __future__ import annotations

from typing import Callable

import pandas as pd

from . import derived, schemas
from .arena import arena_models, arena_ratings
from .arena_history import arena_history, arena_history_gap
from .epoch_clusters import gpu_clusters
from .epoch_hardware import accelerators
from .epoch_models import epoch_models
from .llm_list import china_model_list
from .models_dev import api_models
from .robots import robot_products

TIDY: dict[str, Callable[[], pd.DataFrame]] = {
    "epoch_models": epoch_models,
    "accelerators": accelerators,
    "gpu_clusters": gpu_clusters,
    "arena_ratings": arena_ratings,
    "arena_models": arena_models,
    "api_models": api_models,
    "china_model_list": china_model_list,
    "robot_products": robot_products,
    "arena_history": arena_history,
}
# the snapshots each tidy table is read from: their licences and attributions apply to it and to what derives from it
SNAPSHOTS: dict[str, tuple[str, ...]] = {
    "epoch_models": ("epoch_models",), "accelerators": ("epoch_hardware",), "gpu_clusters": ("epoch_clusters",),
    "arena_ratings": ("arena_leaderboard",), "arena_models": ("arena_leaderboard",), "api_models": ("models_dev",),
    "china_model_list": ("awesome_llms_in_china",), "robot_products": ("awesome_robots",),
    "arena_history": ("arena_history",),
}
DERIVED: dict[str, tuple[Callable[..., pd.DataFrame], tuple[str, ...]]] = {
    "frontier_gap": (derived.frontier_gap, ("arena_ratings",)),
    "accelerator_specs": (derived.accelerator_specs, ("accelerators",)),
    "compute_by_country_year": (derived.compute_by_country_year, ("epoch_models",)),
    "cluster_share": (derived.cluster_share, ("gpu_clusters",)),
    "model_list_first_seen": (derived.model_list_first_seen, ("china_model_list",)),
    "model_list_counts": (derived.model_list_counts, ("model_list_first_seen",)),
    "humanoid_products": (derived.humanoid_products, ("robot_products",)),
    "api_prices": (derived.api_prices, ("api_models", "arena_ratings")),
    "organisations_by_notable_models": (derived.organisations_by_notable_models, ("epoch_models",)),
    "arena_history_gap": (arena_history_gap, ("arena_history",)),
}
SCHEMAS = {
    "epoch_models": schemas.EpochModels, "accelerators": schemas.Accelerators, "gpu_clusters": schemas.GpuClusters,
    "arena_ratings": schemas.ArenaRatings, "arena_models": schemas.ArenaModels, "api_models": schemas.ApiModels,
    "frontier_gap": schemas.FrontierGap,
    "accelerator_specs": schemas.AcceleratorSpecs, "compute_by_country_year": schemas.ComputeByCountryYear,
    "cluster_share": schemas.ClusterShare,
    "china_model_list": schemas.ChinaModelList, "model_list_first_seen": schemas.ModelListFirstSeen,
    "model_list_counts": schemas.ModelListCounts, "robot_products": schemas.RobotProducts,
    "humanoid_products": schemas.HumanoidProducts, "api_prices": schemas.ApiPrices,
    "organisations_by_notable_models": schemas.OrganisationsByNotableModels,
    "arena_history": schemas.ArenaHistory, "arena_history_gap": schemas.ArenaHistoryGap,
}


def snapshots_of(name: str) -> tuple[str, ...]:
    """The snapshots a tidy or derived outside table is made from, in order."""
    if name in SNAPSHOTS:
        return SNAPSHOTS[name]
    return tuple(dict.fromkeys(s for table in DERIVED[name][1] for s in snapshots_of(table)))


def source_note(*names: str) -> str:
    """The snapshots the given outside tables come from, each with its licence, for a chart's source note."""
    from ..snapshots import credit_line

    sources = dict.fromkeys(s for name in names for s in snapshots_of(name))
    return "；".join(credit_line(source) for source in sources)
