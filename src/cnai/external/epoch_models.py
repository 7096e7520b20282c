"""Epoch AI's Notable AI Models and Large-Scale AI Models (snapshot epoch_models) → the tidy table `epoch_models`."""
from __future__ import annotations

import pandas as pd

from .. import registry
from .common import dates, numbers, read_csv, snapshot_file, text, validate
from .schemas import EpochModels

SOURCE = "epoch_models"
FILES = {"notable": "notable_ai_models.csv", "large_scale": "large_scale_ai_models.csv"}
CHINA = {"China", "Hong Kong,China"}
US = "United States of America"


def countries(text: str) -> list[str]:
    """Epoch joins one country per organisation with commas, and writes Hong Kong as 'Hong Kong,China': split on
    the commas, keeping that one whole; distinct countries in order."""
    parts = [p.strip() for p in text.split(",")] if text else []
    merged = []
    for part in parts:
        if part == "China" and merged and merged[-1] == "Hong Kong":
            merged[-1] = "Hong Kong,China"
        elif part:
            merged.append(part)
    return list(dict.fromkeys(merged))


def region(names: list[str]) -> str:
    china, us = bool(CHINA & set(names)), US in names
    return "CN+US" if china and us else "CN" if china else "US" if us else "other"


def organisation_ids(organisations: pd.Series, china: pd.Series, source: str) -> pd.Series:
    """Registry ids of the comma-joined organisations of each model from China, ' | '-joined; other rows blank.
    An organisation the registry lacks fails, naming the source and the name."""
    names = organisations[china].fillna("").map(lambda o: [n.strip() for n in o.split(",") if n.strip()]).explode()
    names = names.dropna()
    ids = registry.harmonize(names.reset_index(drop=True), "organisation", source).set_axis(names.index)
    joined = ids.groupby(level=0).agg(lambda i: " | ".join(dict.fromkeys(i)))
    return joined.reindex(organisations.index).astype(object).where(lambda s: s.notna(), None)


def _tidy(dataset: str) -> pd.DataFrame:
    path = snapshot_file(SOURCE, FILES[dataset])
    raw = read_csv(path)
    listed = raw["Country (of organization)"].map(countries)
    blank = lambda column: text(raw, column)  # noqa: E731
    access = blank("Model accessibility")
    return pd.DataFrame({
        "dataset": dataset,
        "row": raw.index,
        "model": raw["Model"],
        "organisation": blank("Organization"),
        "country_as_written": blank("Country (of organization)"),
        "organisation_ids": organisation_ids(blank("Organization"), listed.map(lambda c: bool(CHINA & set(c))),
                                             f"{SOURCE}/{FILES[dataset]} (column Organization)"),
        "countries": listed.map(lambda c: " | ".join(c) or None),
        "is_china": listed.map(lambda c: bool(CHINA & set(c))),
        "region": listed.map(region),
        "publication_date": dates(raw, "Publication date", path, key="Model"),
        "domain": blank("Domain"),
        "parameters": numbers(raw, "Parameters", path, key="Model"),
        "training_compute_flop": numbers(raw, "Training compute (FLOP)", path, key="Model"),
        "training_hardware": blank("Training hardware"),
        "hardware_quantity": numbers(raw, "Hardware quantity", path, key="Model"),
        "accessibility": access,
        "open_weights": access.map(lambda a: None if a is None else a.startswith("Open weights"), na_action="ignore").astype("boolean"),
        "confidence": blank("Confidence"),
        "link": blank("Link"),
    })


def epoch_models() -> pd.DataFrame:
    frame = pd.concat([_tidy(d) for d in FILES], ignore_index=True)
    return validate("epoch_models", EpochModels, frame)
