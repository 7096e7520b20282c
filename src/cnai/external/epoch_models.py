"""Epoch AI's Notable AI Models and Large-Scale AI Models (snapshot epoch_models) → the tidy table `epoch_models`."""
from __future__ import annotations

import pandas as pd

from .common import dates, numbers, organisation_ids, read_csv, snapshot_file, text, validate
from .schemas import EpochModels

SOURCE = "epoch_models"
FILES = {"notable": "notable_ai_models.csv", "large_scale": "large_scale_ai_models.csv"}
CHINA = {"China", "Hong Kong,China"}
US = "United States of America"
PART = "epoch"  # the registry part for Epoch's organisations: data/registry/organisations_epoch.yml


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


def organisation_names(text: str | None) -> list[str]:
    """Epoch's comma-joined organisations of one model (a collaboration names several), in Epoch's order."""
    return [n.strip() for n in text.split(",") if n.strip()] if text else []


def organisation_countries(organisation: str | None, country: str | None) -> list[tuple[str, str | None]]:
    """Each organisation of a row with the country Epoch gives it: where the row names one organisation and one
    country, or as many organisations as countries (Epoch lists one country per organisation), position by
    position; else None (a sole organisation with several countries, e.g. Google DeepMind's five, or lists that do
    not line up). Used to draft registry entries (cnai.registry_tools), not by the load."""
    names, parts = organisation_names(organisation), [p.strip() for p in (country or "").split(",") if p.strip()]
    merged: list[str] = []
    for part in parts:  # 'Hong Kong,China' is one country
        if part == "China" and merged and merged[-1] == "Hong Kong":
            merged[-1] = "Hong Kong,China"
        else:
            merged.append(part)
    if len(names) == 1 and len(set(merged)) == 1:
        return [(names[0], merged[0])]
    if len(names) == len(merged):
        return list(zip(names, merged))
    return [(n, None) for n in names]


def region(names: list[str]) -> str:
    china, us = bool(CHINA & set(names)), US in names
    return "CN+US" if china and us else "CN" if china else "US" if us else "other"


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
        # a collaboration keeps every partner, in Epoch's order (one id per organisation, ' | '-joined)
        "organisation_ids": organisation_ids(blank("Organization"), organisation_names,
                                             f"{SOURCE}/{FILES[dataset]} (column Organization)", PART),
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
