"""Curated fact tables (data/curated/*.csv): loading, validation and provenance checks.

A row loads only if it fits its schema, its foreign keys resolve, its quote occurs in one cleaned paragraph of
its source document, and every number it states occurs in that quote. Any failure names the file, the CSV line,
the column and the reason; rows are never dropped.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pandera.errors

import cn2an

from .. import dates
from ..corpus import rules
from ..errors import FactError
from .schemas import CURATED, FOREIGN_KEYS, ISO_DATE, QUOTED_NUMBERS, QUOTED_TEXT

FIRST_DATE, LAST_DATE = date(1950, 1, 1), date(2035, 12, 31)  # facts and forecasts in the corpus fall inside


def quote_key(text: str) -> str:
    """Text as quotes are compared: width forms normalised, all whitespace removed."""
    return re.sub(r"\s+", "", rules.normalize_width(str(text))[0])


def _chinese(n: int) -> set[str]:
    """Chinese numerals for whole numbers (cn2an): 200 → 二百, 两百; 100 → 一百, 百; 30 → 三十."""
    if not 0 < n < 100_000:
        return set()
    forms = {cn2an.an2cn(n)}
    forms |= {f.replace("二", "两", 1) for f in forms if f.startswith("二") and len(f) > 1}
    forms |= {f[1:] for f in forms if f.startswith("一") and len(f) > 1 and f[1] in "十百千万"}
    return forms


def number_forms(value: float) -> set[str]:
    """Ways a number can be written: 3342, 3,342, 2.3, 2.30, 三千三百四十二 …"""
    plain = f"{value:f}".rstrip("0").rstrip(".")
    forms = {plain}
    if float(value).is_integer():
        n = int(value)
        forms |= {f"{n:,}"} | _chinese(n)
    else:
        whole, frac = plain.split(".")
        forms |= {f"{int(whole):,}.{frac}", plain + "0"}
    return forms


def number_in_quote(value: float, quote: str) -> bool:
    key = rules.normalize_width(str(quote))[0]  # spaces kept: they separate table cells such as "2024.3.21 250"
    for form in number_forms(value):
        if form[0].isdigit():
            if re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d])", key):
                return True
        elif form in key:
            return True
    return False


def read_csv(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise FactError(f"{path}: curated table not found")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FactError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except pd.errors.ParserError as exc:
        raise FactError(f"{path}: malformed CSV: {exc}") from None
    return frame.replace("", None)


def _line(index) -> int:
    return int(index) + 2  # header is line 1


def _bad_dates(name: str, frame: pd.DataFrame, path: Path) -> list[str]:
    """ISO dates that match the pattern but name no real day or month (2023-13-40)."""
    problems = []
    for column, spec in CURATED[name].to_schema().columns.items():
        if not any((c.statistics or {}).get("pattern") == ISO_DATE for c in spec.checks) or column not in frame:
            continue
        for index, value in frame[column].items():
            if value is None or pd.isna(value) or not re.fullmatch(ISO_DATE, str(value)):
                continue
            try:
                day = dates.to_timestamp(value).date()
            except ValueError as exc:
                problems.append(f"{path}:line {_line(index)}: column {column}: {value!r} is not a date ({exc})")
                continue
            if not FIRST_DATE <= day <= LAST_DATE:
                problems.append(f"{path}:line {_line(index)}: column {column}: {value!r} is outside "
                                f"{FIRST_DATE:%Y}–{LAST_DATE:%Y}")
    return problems


def validate_schema(name: str, frame: pd.DataFrame, path: Path) -> pd.DataFrame:
    dates = _bad_dates(name, frame, path)
    if dates:
        raise FactError(f"{path}: {len(dates)} problem(s)\n" + "\n".join(dates[:30]))
    try:
        return CURATED[name].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        problems = []
        for case in exc.failure_cases.itertuples():
            where = f"line {_line(case.index)}" if case.index is not None and pd.notna(case.index) else "header"
            problems.append(f"{path}:{where}: column {case.column}: {case.check} failed for {case.failure_case!r}")
        raise FactError(f"{path}: {len(problems)} problem(s)\n" + "\n".join(problems[:30])) from None


def paragraph_keys(paragraphs: pd.DataFrame) -> dict[str, list[str]]:
    """Each document's cleaned paragraphs as quotes are compared, in both the converted and the original script."""
    keys: dict[str, list[str]] = {}
    for doc_id, group in paragraphs.groupby("doc_id"):
        keys[doc_id] = [quote_key(t) for t in group["text"]] + [quote_key(t) for t in group["text_original"]]
    return keys


def check_provenance(name: str, frame: pd.DataFrame, path: Path, keys: dict[str, list[str]]) -> None:
    problems = []
    for index, row in frame.iterrows():
        where = f"{path}:line {_line(index)}"
        if row["doc_id"] not in keys:
            problems.append(f"{where}: column doc_id: unknown document {row['doc_id']!r}")
            continue
        quote = quote_key(row["quote"])
        if not any(quote in para for para in keys[row["doc_id"]]):
            problems.append(f"{where}: column quote: not found in one cleaned paragraph of {row['doc_id']}: {row['quote'][:40]!r}…")
            continue
        for column in QUOTED_NUMBERS.get(name, []):
            if pd.notna(row[column]) and not number_in_quote(float(row[column]), row["quote"]):
                problems.append(f"{where}: column {column}: value {float(row[column]):g} does not occur in the quote")
        for column in QUOTED_TEXT.get(name, []):
            if pd.notna(row[column]) and quote_key(row[column]) not in quote:
                problems.append(f"{where}: column {column}: {row[column]!r} does not occur in the quote")
    if problems:
        raise FactError(f"{path}: {len(problems)} problem(s)\n" + "\n".join(problems[:30]))


def check_foreign_keys(tables: dict[str, pd.DataFrame], directory: Path) -> None:
    problems = []
    for (table, column), (target, key) in FOREIGN_KEYS.items():
        if table not in tables or target not in tables or column not in tables[table]:
            continue
        known = set(tables[target][key])
        for index, value in tables[table][column].items():
            if pd.notna(value) and value not in known:
                problems.append(f"{directory / (table + '.csv')}:line {_line(index)}: column {column}: "
                                f"{value!r} is not a {key} in {target}.csv")
    if problems:
        raise FactError(f"{len(problems)} dangling key(s)\n" + "\n".join(problems[:30]))


def load_curated(directory: Path, keys: dict[str, list[str]]) -> dict[str, pd.DataFrame]:
    """Every curated table, validated, provenance-checked against the paragraphs' `keys`, foreign keys resolved."""
    tables = {}
    for name in CURATED:
        path = directory / f"{name}.csv"
        raw = read_csv(path)
        frame = validate_schema(name, raw, path)
        if len(frame) != len(raw):
            raise FactError(f"{path}: {len(raw)} rows read but {len(frame)} validated")
        check_provenance(name, frame, path, keys)
        tables[name] = frame
    check_foreign_keys(tables, directory)
    return tables
