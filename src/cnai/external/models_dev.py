"""models.dev provider and model cards (snapshot models_dev, TOML) → the tidy table `api_models`."""
from __future__ import annotations

import posixpath
import re
import tomllib

import pandas as pd

from .. import registry, snapshots
from ..errors import InputError
from .common import snapshot_file, validate
from .schemas import ApiModels

SOURCE = "models_dev"


LINK = re.compile(r"^(\.\./)+[\w./-]+\.toml\s*$")


def link_target(relative: str, snapshot: snapshots.Snapshot | None = None) -> str | None:
    """A file holding only a relative path is a git symbolic link copied as text: the path it names."""
    path = snapshot.path(relative) if snapshot else snapshot_file(SOURCE, relative)
    content = path.read_text(encoding="utf-8")
    return posixpath.normpath(posixpath.join(posixpath.dirname(relative), content.strip())) if LINK.match(content) else None


def _toml(relative: str, snapshot: snapshots.Snapshot) -> dict:
    """A card (following a link to a card the snapshot holds; {} where the linked card is not in the snapshot).
    `snapshot` is the record checked once per load (checking it again for each of ~300 cards cost ~20 s)."""
    path = snapshot.path(relative)
    target = link_target(relative, snapshot)
    if target is not None:
        listed = {f.path for f in snapshot.files}
        return _toml(target, snapshot) if target in listed else {}
    content = path.read_text(encoding="utf-8")
    try:
        return tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML: {exc}") from None


def _number(card: dict, table: str, key: str, where: str) -> float | None:
    value = card.get(table, {}).get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"{where}, column {table}.{key}: {value!r} is not a number")
    return float(value)


def _row(relative: str, providers: dict, snapshot: snapshots.Snapshot) -> dict:
    card, provider = _toml(relative, snapshot), relative.split("/")[1]
    open_weights = card.get("open_weights")
    if open_weights is not None and not isinstance(open_weights, bool):
        raise InputError(f"{relative}, column open_weights: {open_weights!r} is not true or false")
    return {"provider": provider, "provider_name": providers[provider], "model_id": relative.rsplit("/", 1)[1][:-5],
            "name": card.get("name"), "family": card.get("family"), "release_date": card.get("release_date"),
            "open_weights": open_weights, "input_price_usd": _number(card, "cost", "input", relative),
            "output_price_usd": _number(card, "cost", "output", relative),
            "context_tokens": _number(card, "limit", "context", relative), "file": relative,
            "linked_to": link_target(relative, snapshot), "card_found": bool(card)}


def api_models() -> pd.DataFrame:
    snapshot = snapshots.snapshot(SOURCE)
    files = sorted(f.path for f in snapshot.files if f.path.endswith(".toml"))
    providers = {f.split("/")[1]: _toml(f, snapshot)["name"] for f in files if f.endswith("/provider.toml")}
    frame = pd.DataFrame([_row(f, providers, snapshot) for f in files if "/models/" in f])
    frame["organisation_id"] = registry.harmonize(frame["provider"], "organisation", f"{SOURCE} providers")
    frame["country"] = registry.attribute(frame["organisation_id"], "organisation", "country")
    frame["open_weights"] = frame["open_weights"].astype("boolean")
    return validate("api_models", ApiModels, frame[list(ApiModels.to_schema().columns)])
