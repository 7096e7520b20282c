"""Epoch AI's GPU Clusters (snapshot epoch_clusters) → the tidy table `gpu_clusters`."""
from __future__ import annotations

import pandas as pd

from .common import dates, numbers, read_csv, snapshot_file, text, validate
from .schemas import GpuClusters

SOURCE = "epoch_clusters"
FILE = "gpu_clusters.csv"


def gpu_clusters() -> pd.DataFrame:
    path = snapshot_file(SOURCE, FILE)
    raw = read_csv(path)
    frame = pd.DataFrame({
        "row": raw.index, "name": raw["Name"].str.strip(), "owner": text(raw, "Owner"), "country": text(raw, "Country"),
        "is_china": raw["Country"].str.strip().eq("China"),
        "h100_equivalents": numbers(raw, "H100 equivalents", path, key="Name"),
        "chip_type": text(raw, "Chip type (primary)"), "chip_quantity": numbers(raw, "Chip quantity (primary)", path, key="Name"),
        "first_operational_date": dates(raw, "First Operational Date", path, formats=("%m/%d/%Y",), key="Name"),
        "status": raw["Status"].str.strip(), "certainty": text(raw, "Certainty"),
        "possible_duplicate": raw["Possible Duplicate"].str.strip().str.upper().eq("TRUE"),
        "single_cluster": text(raw, "Single cluster?"), "source": text(raw, "Source 1"),
    })
    return validate("gpu_clusters", GpuClusters, frame)
