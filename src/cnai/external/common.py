"""What every tidy step shares: reading a checked snapshot file, parsing numbers and dates with errors that name
the file, the row and the column, and validating the result against its schema."""
from __future__ import annotations

import csv
import re
from datetime import datetime
from pathlib import Path
from typing import Callable

import pandas as pd
import pandera.errors
import pandera.pandas as pa

from .. import registry, snapshots
from ..errors import InputError


def snapshot_file(source: str, relative: str) -> Path:
    """A file of a checked snapshot (a changed byte, a missing or unlisted file stops here)."""
    return snapshots.snapshot(source).path(relative)


def read_csv(path: Path) -> pd.DataFrame:
    """A CSV as text, blanks as empty strings; the index is the record number (1 = first row after the header), and
    attrs["lines"] maps it to the line the record starts on (quoted fields span lines)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="row")
    with path.open(encoding="utf-8", newline="") as handle:
        reader, ends = csv.reader(handle), []
        for _ in reader:
            ends.append(reader.line_num)
    frame.attrs["lines"] = dict(zip(frame.index, (end + 1 for end in ends[:-1])))
    return frame


def _where(frame: pd.DataFrame, path: Path, row, column: str, key: str | None) -> str:
    line = frame.attrs.get("lines", {}).get(row)
    return (f"{path.name if path else '?'}: row {row}" + (f" (line {line})" if line else "")
            + (f" ({key} {frame.at[row, key]!r})" if key else "") + f", column {column!r}")


def numbers(frame: pd.DataFrame, column: str, path: Path, key: str | None = None) -> pd.Series:
    """A text column as floats; blanks are missing, anything else that is not a number is an error."""
    text = frame[column].astype("string").str.strip().str.replace(",", "", regex=False)
    values = pd.to_numeric(text.mask(text == ""), errors="coerce")
    bad = values.isna() & (text.fillna("") != "")
    if bad.any():
        row = bad.idxmax()
        raise InputError(f"{_where(frame, path, row, column, key)}: {frame.at[row, column]!r} is not a number "
                         f"({int(bad.sum())} such row(s))")
    return values.astype(float)


def dates(frame: pd.DataFrame, column: str, path: Path, formats: tuple[str, ...] = ("%Y-%m-%d",),
          key: str | None = None) -> pd.Series:
    """A text column of dates (any of `formats`) as ISO strings; blanks stay blank, anything else is an error."""
    out = []
    for row, value in frame[column].items():
        text = str(value).strip()
        if not text:
            out.append(None)
            continue
        for fmt in formats:
            try:
                out.append(datetime.strptime(text, fmt).date().isoformat())
                break
            except ValueError:
                continue
        else:
            raise InputError(f"{_where(frame, path, row, column, key)}: {value!r} is not a date "
                             f"({' or '.join(formats)})")
    return pd.Series(out, index=frame.index, dtype=object)


def split_list(values: pd.Series, pattern: str = r"\s*,\s*") -> pd.Series:
    """A comma-joined text column as ' | '-joined text (blanks stay blank)."""
    return values.map(lambda v: " | ".join(p for p in re.split(pattern, v) if p) if isinstance(v, str) and v.strip() else None)


def validate(name: str, schema: type[pa.DataFrameModel], frame: pd.DataFrame) -> pd.DataFrame:
    """A tidy table checked against its schema; the error lists the failing rows and columns."""
    try:
        return schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases[["column", "check", "index", "failure_case"]].head(20)
        raise InputError(f"table {name!r} fails its schema:\n{cases.to_string(index=False)}") from None


def text(frame: pd.DataFrame, column: str) -> pd.Series:
    """A text column as written (outer spaces trimmed), blanks as None."""
    values = frame[column].astype(str).str.strip()
    return values.astype(object).where(values != "", None)


def organisation_ids(values: pd.Series, split: Callable[[str | None], list[str]], source: str, part: str) -> pd.Series:
    """Registry ids of the organisations each cell names (`split` reads a cell into names: one, or the partners of a
    collaboration), ' | '-joined in the cell's order, a name written twice counted once; blank where the cell names
    none. Every distinct name is looked up once; any the registry lacks fail together, naming the source, the names
    and the registry part to edit (data/registry/organisations_<part>.yml)."""
    names = values.map(lambda v: split(v) if isinstance(v, str) else [])
    distinct = pd.Series(sorted({n for row in names for n in row}), dtype=object)
    found = dict(zip(distinct, registry.harmonize(distinct, "organisation", source, part=part)))
    return names.map(lambda row: " | ".join(dict.fromkeys(found[n] for n in row)) or None).astype(object)
