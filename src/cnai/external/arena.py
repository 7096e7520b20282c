"""LMArena's text leaderboards at five dates and its scatterplot file (snapshot arena_leaderboard) → the tidy tables
`arena_ratings` and `arena_models`."""
from __future__ import annotations

import json
import math
import re

import pandas as pd

from .. import registry, snapshots
from ..errors import InputError
from .common import numbers, snapshot_file, text, validate
from .schemas import ArenaModels, ArenaRatings

SOURCE = "arena_leaderboard"
LEADERBOARD = re.compile(r"^leaderboard-text_(\d{4}-\d{2}-\d{2})\.json$")
FIELDS = ("rating", "rating_q025", "rating_q975")


def _read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path.name}: not valid JSON: {exc}") from None


def _number(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError(f"{where}: {value!r} is not a number")
    return float(value)


def _rows(name: str, date: str):
    path = snapshot_file(SOURCE, name)
    for category, models in _read_json(path).items():
        for key, values in models.items():
            where = f"{name}: row {category}/{key}"
            missing = [f for f in FIELDS if f not in values]
            if missing:
                raise InputError(f"{where}, column {missing[0]!r}: missing")
            yield {"snapshot_date": date, "category": category, "model_key": key,
                   **{f: _number(values[f], f"{where}, column {f!r}") for f in FIELDS}}


def arena_ratings() -> pd.DataFrame:
    files = sorted(f.path for f in snapshots.snapshot(SOURCE).files if LEADERBOARD.match(f.path))
    frame = pd.DataFrame([row for name in files for row in _rows(name, LEADERBOARD.match(name)[1])])
    return validate("arena_ratings", ArenaRatings, frame)


def arena_models() -> pd.DataFrame:
    path = snapshot_file(SOURCE, "scatterplot-data.json")
    raw = pd.DataFrame(_read_json(path)).fillna("").astype(str)
    raw.index = pd.RangeIndex(1, len(raw) + 1)
    frame = pd.DataFrame({
        "model_key": raw["model_api_name"], "name": raw["name"], "organisation": raw["organization"],
        "organisation_id": registry.harmonize(raw["organization"], "organisation", f"{SOURCE}/scatterplot-data.json"),
        "licence": text(raw, "license"),
        "input_price_usd": numbers(raw, "input_token_price", path, key="model_api_name"),
        "output_price_usd": numbers(raw, "output_token_price", path, key="model_api_name"),
        "price_source": text(raw, "price_source"), "model_source": text(raw, "model_source"),
    })
    return validate("arena_models", ArenaModels, frame)
