"""Chatbot Arena (LMArena) ratings over time (snapshot arena_history, 105 leaderboard versions 2023-05 → 2025-03)
→ the tidy table `arena_history` and the derived `arena_history_gap`.

Every model key maps to a family in data/registry/models.yml, and through it to an organisation and a country
(data/registry/organisations.yml), as `arena.frontier_gap` does; a key no family lists fails the load naming the
registry file. Ratings of different leaderboard versions are not on one scale, so the derived table only takes
differences within one version."""
from __future__ import annotations

import pandas as pd

from .. import registry
from ..errors import InputError
from .common import dates, numbers, read_csv, snapshot_file, text, validate
from .schemas import ArenaHistory, ArenaHistoryGap

SOURCE = "arena_history"
FILE = "alltime.csv"
COLUMNS = ("key", "Model", "rating", "License", "Organization", "date")


def arena_history() -> pd.DataFrame:
    path = snapshot_file(SOURCE, FILE)
    raw = read_csv(path)
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        raise InputError(f"{path.name}: column {missing[0]!r} missing")
    families = registry.harmonize(raw["key"], "model", f"{SOURCE}/{FILE}")
    organisations = registry.attribute(families, "model", "organisation")
    frame = pd.DataFrame({
        "snapshot_date": dates(raw, "date", path, formats=("%Y%m%d",), key="key"),
        "model_key": raw["key"], "name": text(raw, "Model"),
        "rating": numbers(raw, "rating", path, key="key"),
        "licence": text(raw, "License"), "organisation_as_written": text(raw, "Organization"),
        "family_id": families, "organisation_id": organisations,
        "country": registry.attribute(organisations, "organisation", "country"),
    }).reset_index(drop=True)
    if frame["snapshot_date"].isna().any() or frame["rating"].isna().any():
        raise InputError(f"{path.name}: a row without a date or a rating")
    return validate("arena_history", ArenaHistory, frame)


def win_share(gap: float) -> float:
    """The share of head-to-head votes the lower-rated model is expected to win, for a rating gap (Elo scale,
    base 10, 400 points: the scale LMArena reports)."""
    return 1 / (1 + 10 ** (gap / 400))


def arena_history_gap(arena_history: pd.DataFrame) -> pd.DataFrame:
    """Per leaderboard version: the best model against the best one from an organisation whose registry country is
    CN, the gap in rating points and the Chinese model's rank (versions without a Chinese model are left out)."""
    rows = []
    for date, group in arena_history.groupby("snapshot_date", sort=True):
        china = group[group["country"] == "CN"]
        if china.empty:
            continue
        best, top = group.loc[group["rating"].idxmax()], china.loc[china["rating"].idxmax()]
        gap = float(best["rating"] - top["rating"])
        rows.append({"snapshot_date": date, "models": len(group), "best_model": best["model_key"],
                     "best_organisation": best["organisation_id"], "best_rating": best["rating"],
                     "china_model": top["model_key"], "china_organisation": top["organisation_id"],
                     "china_rating": top["rating"], "gap": gap,
                     "china_rank": int((group["rating"] > top["rating"]).sum()) + 1,
                     "china_win_share": win_share(gap)})
    return validate("arena_history_gap", ArenaHistoryGap, pd.DataFrame(rows))
