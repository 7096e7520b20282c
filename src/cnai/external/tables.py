"""The outside-evidence tables `cnai.data.load` serves: tidy tables (name → the step that makes it from its
snapshot) and derived ones (name → function and the tables it takes, in order)."""
from __future__ import annotations

from typing import Callable

import pandas as pd

from . import derived
from .arena import arena_models, arena_ratings
from .epoch_clusters import gpu_clusters
from .epoch_hardware import accelerators
from .epoch_models import epoch_models

TIDY: dict[str, Callable[[], pd.DataFrame]] = {
    "epoch_models": epoch_models,
    "accelerators": accelerators,
    "gpu_clusters": gpu_clusters,
    "arena_ratings": arena_ratings,
    "arena_models": arena_models,
}
DERIVED: dict[str, tuple[Callable[..., pd.DataFrame], tuple[str, ...]]] = {
    "frontier_gap": (derived.frontier_gap, ("arena_ratings",)),
    "accelerator_specs": (derived.accelerator_specs, ("accelerators",)),
    "compute_by_country_year": (derived.compute_by_country_year, ("epoch_models",)),
    "cluster_share": (derived.cluster_share, ("gpu_clusters",)),
}
