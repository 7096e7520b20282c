"""awesome-robots' product and brand files (snapshot awesome_robots: src/data/robots.json, brands.json) → the tidy
table `robot_products`: one row per product, with its brand's registry id and country."""
from __future__ import annotations

import json
import math

import pandas as pd
import yaml

from .. import paths, registry
from ..errors import InputError
from .common import snapshot_file, validate
from .schemas import RobotProducts

SOURCE = "awesome_robots"
COUNTRIES = paths.READINGS / "countries.yml"
RELEASE_FIELDS = (("releaseDate",), ("timeline", "releasedAt"), ("timeline", "announcedAt"))


def _read_json(name: str) -> list[dict]:
    path = snapshot_file(SOURCE, name)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON: {exc}") from None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise InputError(f"{name}: expected a list of objects")
    return records


def country_codes(names: pd.Series) -> pd.Series:
    """Country names as written → ISO codes through data/readings/countries.yml; blanks stay blank."""
    table = yaml.safe_load(COUNTRIES.read_text(encoding="utf-8")) or {}
    missing = sorted({n for n in names.dropna() if n not in table})
    if missing:
        raise InputError(f"{SOURCE}/brands.json, column 'country': {', '.join(map(repr, missing))} not in {COUNTRIES}; add it there")
    return names.map(lambda n: None if n is None or pd.isna(n) else table[n])


def _written(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def price_fields(price: dict, where: str) -> dict:
    """price.starting as written and, where it is a positive number, as a price with its currency."""
    if not isinstance(price, dict) or "starting" not in price:
        raise InputError(f"{where}, column 'price.starting': missing")
    starting, currency = price["starting"], price.get("currency")
    number = isinstance(starting, (int, float)) and not isinstance(starting, bool)
    if not number and not isinstance(starting, str):
        raise InputError(f"{where}, column 'price.starting': {starting!r} is neither a number nor a text")
    if number and (not math.isfinite(starting) or starting < 0):
        raise InputError(f"{where}, column 'price.starting': {starting!r} is not a price")
    stated = number and starting > 0
    if stated and not (isinstance(currency, str) and len(currency) == 3):
        raise InputError(f"{where}, column 'price.currency': {currency!r} is not a currency code")
    models = price.get("models") or []
    return {"price_as_written": _written(starting),
            "model_prices_as_written": " | ".join(f"{m.get('name')}: {_written(m.get('price'))}" for m in models) or None,
            "price_note": price.get("note"), "price": float(starting) if stated else None,
            "currency": currency if stated else None}


def precision(date: str) -> str:
    """A 1 January stands for a year, another first of a month for a month: the list writes unknown parts as 01."""
    return "year" if date.endswith("-01-01") else "month" if date.endswith("-01") else "day"


def release_fields(record: dict, where: str) -> dict:
    for field in RELEASE_FIELDS:
        value = record
        for key in field:
            value = value.get(key) if isinstance(value, dict) else None
        if value:
            name = ".".join(field)
            try:
                date = pd.Timestamp(value).date().isoformat()
            except ValueError:
                raise InputError(f"{where}, column {name!r}: {value!r} is not a date") from None
            if date != value:
                raise InputError(f"{where}, column {name!r}: {value!r} is not a date written YYYY-MM-DD")
            return {"release_date": value, "release_field": name, "release_precision": precision(value)}
    return {"release_date": None, "release_field": None, "release_precision": None}


def robot_products() -> pd.DataFrame:
    brands = {b["name"]: b for b in _read_json("brands.json")}
    rows = []
    for number, record in enumerate(_read_json("robots.json"), 1):
        where = f"robots.json: record {number} (id {record.get('id')!r})"
        for key in ("id", "name", "brand", "category", "price"):
            if not record.get(key) and record.get(key) != 0:
                raise InputError(f"{where}, column {key!r}: missing")
        rows.append({"product_id": record["id"], "name": record["name"], "chinese_name": record.get("chineseName"),
                     "brand": record["brand"], "category": record["category"],
                     "country_as_written": brands.get(record["brand"], {}).get("country"),
                     **price_fields(record["price"], where), **release_fields(record, where),
                     "official_url": record.get("officialUrl") or None})
    frame = pd.DataFrame(rows)
    frame["brand_id"] = registry.harmonize(frame["brand"], "organisation", f"{SOURCE}/robots.json (brand)")
    frame["country"] = registry.attribute(frame["brand_id"], "organisation", "country")
    frame["brands_country"] = country_codes(frame["country_as_written"])
    known = frame["brands_country"].notna() & frame["country"].notna()
    frame["countries_agree"] = (frame["brands_country"] == frame["country"]).astype("boolean").where(known, pd.NA)
    return validate("robot_products", RobotProducts, frame[list(RobotProducts.to_schema().columns)])
