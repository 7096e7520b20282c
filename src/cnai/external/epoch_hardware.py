"""Epoch AI's ML Hardware (snapshot epoch_hardware) → the tidy table `accelerators`, makers joined to the registry."""
from __future__ import annotations

import pandas as pd

from .. import registry
from .common import dates, numbers, read_csv, snapshot_file, text, validate
from .schemas import Accelerators

SOURCE = "epoch_hardware"
FILE = "ml_hardware.csv"
NUMBERS = {"tensor_fp16_bf16_flops": "Tensor-FP16/BF16 performance (FLOP/s)", "fp16_flops": "FP16 (half precision) performance (FLOP/s)",
           "fp8_flops": "FP8 performance (FLOP/s)", "int8_ops": "INT8 performance (OP/s)", "memory_bytes": "Memory (bytes)",
           "memory_bandwidth": "Memory bandwidth (byte/s)", "tdp_watts": "TDP (W)"}


def chip_ids(names: pd.Series, countries: pd.Series, makers: pd.Series) -> pd.Series:
    """The registry id of every chip of a maker in China (an unmapped one fails) and of the NVIDIA chips the
    registry lists; other chips stay blank."""
    must = countries.eq("CN")
    ids = registry.harmonize(names[must], "chip", f"{SOURCE}/{FILE}").reindex(names.index)
    nvidia = makers.eq("nvidia")
    ids[nvidia] = names[nvidia].map(lambda n: registry.resolve(n, "chip"))
    return ids.astype(object).where(ids.notna(), None)


def accelerators() -> pd.DataFrame:
    path = snapshot_file(SOURCE, FILE)
    raw = read_csv(path)
    makers = registry.harmonize(text(raw, "Manufacturer"), "organisation", f"{SOURCE}/{FILE}")
    countries = registry.attribute(makers, "organisation", "country")
    frame = pd.DataFrame({
        "row": raw.index, "name": raw["Hardware name"].str.strip(), "manufacturer": text(raw, "Manufacturer"),
        "maker_id": makers, "maker_country": countries,
        "chip_id": chip_ids(raw["Hardware name"].str.strip(), countries, makers),
        "type": text(raw, "Type"), "release_date": dates(raw, "Release date", path, key="Hardware name"),
        **{name: numbers(raw, column, path, key="Hardware name") for name, column in NUMBERS.items()},
        "link": text(raw, "Link to datasheet"),
    })
    return validate("accelerators", Accelerators, frame)
