"""The book's one name for each market_metrics subject, and the series (market) it belongs to, read from
data/mappings/market_subjects.yml; chapters 4 and 5 both use it, so a market is called the same in both."""
from __future__ import annotations

import pandas as pd

from ..errors import MappingError
from .mappings import harmonize, path_of

FILE = "market_subjects"


def _field(subjects: pd.Series, field: str) -> pd.Series:
    entries = harmonize(subjects, FILE)
    values = pd.Series([entry.get(field) if isinstance(entry, dict) else None for entry in entries],
                       index=subjects.index, name=subjects.name, dtype=object)
    lacking = sorted({s for s, v in zip(subjects, values) if isinstance(s, str) and v is None})
    if lacking:
        raise MappingError(f"{path_of(FILE)}: no {field!r} for " + ", ".join(map(repr, lacking)) + "; add it there")
    return values


def subject_names(subjects: pd.Series) -> pd.Series:
    """The Chinese display name of each subject; MappingError naming the file and every subject it lacks."""
    return _field(subjects, "name")


def subject_series(subjects: pd.Series) -> pd.Series:
    """The series key of each subject (subjects of one market share it)."""
    return _field(subjects, "series")
