"""Partial ISO dates ("2024", "2024-02", "2024-02-05"), parsed in one place as pandas Periods of their own
precision, so that every stage reads a year, a month or a day the same way."""
from __future__ import annotations

import re

import pandas as pd

PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_FREQ = {1: "Y", 2: "M", 3: "D"}


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or not str(value).strip()


def period(value: str | None) -> pd.Period | None:
    """The year, month or day a partial ISO date names; None for a blank. Raises ValueError for a string that is
    not a partial ISO date or names no real day (2023-02-30, 2023-13)."""
    if _missing(value):
        return None
    text = str(value).strip()
    if not re.fullmatch(PARTIAL_DATE, text):
        raise ValueError(f"{text!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in text.split("-")]
    pd.Timestamp(parts[0], *(parts[1:] + [1, 1])[:2])  # raises ValueError on 2023-13 or 2023-02-30
    return pd.Period(text, freq=_FREQ[len(parts)])


def to_timestamp(value: str | None) -> pd.Timestamp | None:
    """The first day a partial date can mean (2023 → 2023-01-01)."""
    found = period(value)
    return None if found is None else found.start_time


def year(value: str | None) -> int | None:
    found = period(value)
    return None if found is None else found.year


def span(value: str | None) -> tuple[str | None, str | None, str | None]:
    """(first day, middle day, last day) a partial date can mean, as ISO strings: 2023 → 2023-01-01 / 2023-07-02 /
    2023-12-31; a full date is itself three times; a blank gives three blanks."""
    found = period(value)
    if found is None:
        return None, None, None
    start, end = found.start_time.normalize(), found.end_time.normalize()
    middle = start + (end - start) / 2
    return start.strftime("%Y-%m-%d"), middle.strftime("%Y-%m-%d"), end.strftime("%Y-%m-%d")
