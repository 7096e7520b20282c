"""Curated fact tables (data/curated/*.csv): loading, validation and provenance checks.

A row loads only if it fits its schema, its foreign keys resolve, its quote occurs in one cleaned paragraph of
its source document, every value anchored by a span (schemas.ANCHORS) is what the span's words say, every name
(schemas.NAMES) occurs in the quote, and every other stated number occurs in the quote. Any failure names the
file, the CSV line, the column, the value and what the quote says instead; rows are never dropped.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pandera.errors

import cn2an

from .. import dates, registry
from ..corpus import rules
from ..errors import FactError
from . import entities, spans
from .schemas import (ANCHORS, CURATED, FOREIGN_KEYS, ISO_DATE, NAMES, NAMES_DERIVED, QUOTED_NUMBERS, QUOTED_TEXT,
                      READINGS_IN_REGISTRY, Anchor)

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


# what may follow a one-character Chinese numeral for it to be a number (三个, 百家), not a name (三星)
MEASURE_WORDS = "个個家种種款项項名位年月日倍成%万萬亿億余餘多级級台部颗顆辆輛套起次"


def number_in_quote(value: float, quote: str) -> bool:
    """Whether the quote writes `value` as a whole number: 52 is not in 52.04, 10 not in 幾十, 3 not in 三星."""
    key = rules.normalize_width(str(quote))[0]  # spaces kept: they separate table cells such as "2024.3.21 250"
    for form in number_forms(value):
        if spans.occurs_in(form, key) and (form[0].isdigit() or len(form) > 1 or _measured(form, key)):
            return True
    return False


def _measured(numeral: str, text: str) -> bool:
    return re.search(rf"{re.escape(numeral)}\s*[{MEASURE_WORDS}]", text) is not None


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


def document_dates(documents: pd.DataFrame) -> dict[str, str]:
    """Each document's date as the manifest gives it (data/raw/sources.yml)."""
    return dict(zip(documents["doc_id"], documents["date"]))


def registry_aliases(name: str) -> set[str]:
    """Other names of the organisation `name` resolves to in the entity registry (data/registry), so a quote that
    writes 阿里 matches a row naming 阿里巴巴. Model families are left out: their names are of different models
    (GPT-3 and GPT-4 are one family), so a family name in the quote does not show that it names the row's model."""
    return registry.other_names(name, ("organisation",)) - {name}


def company_names(companies: pd.DataFrame) -> dict[str, set[str]]:
    """company_id → its name and its aliases (companies.csv)."""
    names = {}
    for row in companies.itertuples():
        aliases = [] if _blank(row.aliases) else [a.strip() for a in row.aliases.split("|") if a.strip()]
        names[row.company_id] = {row.name, *aliases}
    return names


def _blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _same(stated, recorded) -> bool:
    if isinstance(stated, tuple):  # the words state several values (10/38/71/100), one row each
        return any(_same(one, recorded) for one in stated)
    if _blank(stated) or _blank(recorded):
        return _blank(stated) and _blank(recorded)
    if isinstance(stated, float):
        return abs(float(recorded) - stated) <= 1e-9 * max(1.0, abs(stated))
    return spans.key(stated) == spans.key(recorded)


def _precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}[len(value)]


def _document_date_problems(anchor: Anchor, row, document_date: str | None) -> list[str]:
    """Values the row says it took from the document's date: the date at its own precision, and a precision that
    is the date's own or not_before."""
    problems = []
    for field, column in anchor.values.items():
        value = row[column]
        if field == "precision":
            date_column = anchor.values.get("date") or anchor.values.get("start")
            allowed = {"not_before"} | ({_precision(row[date_column])} if not _blank(row[date_column]) else set())
            if value not in allowed:
                problems.append(f"column {column}: {value!r} but a date from the document's date is "
                                f"{' or '.join(sorted(allowed))}")
        elif _blank(value) or not document_date or not document_date.startswith(str(value)):
            problems.append(f"column {column}: {value!r} but {anchor.derived} = document_date, and the document's "
                            f"date is {document_date!r}")
    return problems


def _with_year(stated: dict, year: int) -> dict:
    """A date or period read without a year, in `year`."""
    first, last = stated.get("months") or (stated["month"], stated["month"])
    date = spans.iso(year, stated["month"], stated["day"])
    return {**stated, "year": year, "date": date, "start": spans.iso(year, first, stated["day"]),
            "end": spans.iso(year, last, stated["day"])}


def anchor_problems(anchor: Anchor, row, quote: str, document_date: str | None,
                    context_found: bool | None = None) -> list[str]:
    """What is wrong with the values `anchor` ties to its span in this row (empty if nothing)."""
    span = row[anchor.span]
    derived = row[anchor.derived] if anchor.derived else None
    if anchor.when and _blank(row[anchor.when]):
        return [f"column {column}: {row[column]!r} but {anchor.when} is blank, so it must be blank too"
                for column in [anchor.span, *anchor.values.values()] if not _blank(row[column])]
    if _blank(span):
        if anchor.optional:
            return []
        if derived == "document_date":
            return _document_date_problems(anchor, row, document_date)
        if derived == "context_quote":
            return [f"column {anchor.span}: blank, but {anchor.derived} = context_quote needs the words"]
        if derived == "reading":
            return []  # the curator's reading, declared as such: nothing here to check it against
        problems = []
        for field, column in anchor.values.items():
            if anchor.split and field == anchor.split[1] and not _blank(row[anchor.split[0]]):
                continue
            implied = anchor.blank.get(column)
            if not _same(implied, row[column]):
                says = f"implies {implied!r}" if implied else "is blank"
                problems.append(f"column {column}: {row[column]!r} but its words, column {anchor.span}, are "
                                f"blank (the quote's words are needed); a blank {anchor.span} {says}")
        return problems
    if derived == "context_quote" and (_blank(row.get("context_quote")) or not context_found):
        return [f"column context_quote: {row.get('context_quote')!r} is not in one cleaned paragraph of {row['doc_id']}"]
    year_apart = anchor.year is not None and not _blank(row[anchor.year])
    # context_quote holds the span's words, or, where a year span is filled, the words of the year
    where, text = ("context_quote", row["context_quote"]) if derived == "context_quote" and not year_apart else ("quote", quote)
    if not spans.occurs_in(span, text):
        return [f"column {anchor.span}: {span!r} does not occur as whole words in the {where}"]
    try:
        stated = spans.READERS[anchor.reader](span)
    except spans.SpanError as exc:
        return [f"column {anchor.span}: {exc}"]
    if anchor.reader in ("date", "period") and stated.get("year") is None and stated.get("month"):
        if year_apart:
            problems = _year_span_problems(anchor, row, *(("context_quote", row["context_quote"])
                                                          if derived == "context_quote" else ("quote", quote)))
            year = int(spans.read_year(row[anchor.year])["number"]) if not problems else None
            return problems or _stated_problems(anchor, row, span, where, _with_year(stated, year))
        if derived not in ("document_date", "context_quote") or not document_date:
            return [f"column {anchor.span}: {span!r} has no year; {anchor.derived} must say where it comes from"]
        stated = _with_year(stated, int(document_date[:4]))
    return _stated_problems(anchor, row, span, where, stated)


def _year_span_problems(anchor: Anchor, row, where: str, text: str) -> list[str]:
    """The words that give a year-less date its year (2021 年 of 2021 年 1 月 …；同年12 月), in the quote or, where the
    anchor's derivation says context_quote, in the context_quote."""
    words = row[anchor.year]
    if not spans.occurs_in(words, text):
        return [f"column {anchor.year}: {words!r} does not occur as whole words in the {where}"]
    try:
        spans.read_year(words)
    except spans.SpanError as exc:
        return [f"column {anchor.year}: {exc}"]
    return []


def _stated_problems(anchor: Anchor, row, span: str, where: str, stated: dict) -> list[str]:
    """The row's values that differ from what the span states."""
    problems = []
    for field, column in anchor.values.items():
        if anchor.split and field == anchor.split[1] and not _blank(row[anchor.split[0]]):
            continue
        other = anchor.elsewhere.get(field)
        if stated[field] is None and other:
            if _blank(row[other]):
                problems.append(f"column {column}: {row[column]!r} but {anchor.span} {span!r} states no {field} "
                                f"and {other} is blank")
        elif not _same(stated[field], row[column]):
            problems.append(f"column {column}: {row[column]!r} but the {where} says {span!r} "
                            f"({field} {stated[field]!r})")
    return problems


def name_problems(table: str, row, columns: list[str], quote: str, companies: dict[str, set[str]],
                  context_found: bool | None = None) -> list[str]:
    """Names that occur in the quote neither as written nor as an alias of the row's company or the registry's. A
    name column may stand outside the quote where its derivation column says so (NAMES_DERIVED, else a column
    X_derived_from): context_quote (then the quote or the row's context_quote must write it) or reading (the
    curator's reading, declared, not checked). A cell may hold several ' | '-separated names."""
    problems = []
    for column in columns:
        if _blank(row[column]):
            continue
        derived = row.get(NAMES_DERIVED.get(table, {}).get(column, f"{column}_derived_from"))
        if derived == "reading":
            problems += _reading_problems(table, row, column)
            continue
        where, text = "quote", quote
        if derived == "context_quote":
            if _blank(row.get("context_quote")) or not context_found:
                problems.append(f"column context_quote: {row.get('context_quote')!r} is not in one cleaned "
                                f"paragraph of {row['doc_id']}")
                continue
            where, text = "quote or the context_quote", quote + "\n" + quote_key(row["context_quote"])
        company = companies.get(row.get("company_id"), set())
        own = row.get("aliases")  # companies.csv: a company's own aliases
        own = set() if _blank(own) else {a.strip() for a in own.split("|")}
        for name in _names(row[column]):
            forms = {name} | registry_aliases(name) | (company if name in company else set()) | own
            if not any(spans.key(form) in text for form in forms if form):
                problems.append(f"column {column}: {name!r} occurs in the {where} neither as written nor as an alias")
    return problems


def _reading_problems(table: str, row, column: str) -> list[str]:
    """A name that is the curator's reading still has to agree with the entity registry where the registry knows
    the entity (READINGS_IN_REGISTRY): a developer read from the report's table must be one that built the model.
    A joint developer (华为联合鹏城实验室) passes when it names one of them."""
    if (table, column) not in READINGS_IN_REGISTRY:
        return []
    model = row[READINGS_IN_REGISTRY[(table, column)]]
    built = registry.developers(model)
    if built is None:
        return []
    value = str(row[column])
    if registry.resolve(value, "organisation") in built:
        return []
    names = {n for org in built for n in registry.other_names(org, ("organisation",))}
    if any(spans.key(n) in spans.key(value) for n in names if len(n) > 1):
        return []
    return [f"column {column}: {value!r} is the curator's reading, but the registry says {model!r} was built by "
            f"{', '.join(sorted(built))} (data/registry/models.yml)"]


def _names(value: str) -> list[str]:
    """The names a cell holds: one, or several ' | '-separated (issuers)."""
    return [name.strip() for name in str(value).split(" | ") if name.strip()]


def in_paragraph(text: str, paragraphs: list[str]) -> bool:
    key = quote_key(text)
    return any(key in para for para in paragraphs)


def check_provenance(name: str, frame: pd.DataFrame, path: Path, keys: dict[str, list[str]],
                     documents: dict[str, str] | None = None, companies: dict[str, set[str]] | None = None) -> None:
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
        problems += [f"{where}: {p}" for p in row_anchor_problems(name, row, keys, documents or {}, companies or {})]
    if problems:
        raise FactError(f"{path}: {len(problems)} problem(s)\n" + "\n".join(problems[:30]))


def row_anchor_problems(name: str, row, keys: dict[str, list[str]], documents: dict[str, str],
                        companies: dict[str, set[str]]) -> list[str]:
    """Every anchor and name check of one row whose quote is known to be in its document."""
    quote = quote_key(row["quote"])
    context = row.get("context_quote")
    found = None if _blank(context) else in_paragraph(context, keys[row["doc_id"]])
    problems = []
    for anchor in ANCHORS.get(name, []):
        problems += anchor_problems(anchor, row, row["quote"], documents.get(row["doc_id"]), found)
    return problems + name_problems(name, row, NAMES.get(name, []), quote, companies, found)


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


def load_table(directory: Path, name: str, keys: dict[str, list[str]], documents: dict[str, str],
               companies: dict[str, set[str]]) -> pd.DataFrame:
    """One curated table, validated and provenance-checked (foreign keys are checked across tables)."""
    path = directory / f"{name}.csv"
    raw = read_csv(path)
    frame = validate_schema(name, raw, path)
    if len(frame) != len(raw):
        raise FactError(f"{path}: {len(raw)} rows read but {len(frame)} validated")
    check_provenance(name, frame, path, keys, documents, companies)
    return frame


def load_curated(directory: Path, keys: dict[str, list[str]],
                 documents: dict[str, str]) -> dict[str, pd.DataFrame]:
    """Every curated table, validated, provenance-checked against the paragraphs' `keys` and the documents' dates
    (document_dates), foreign keys resolved."""
    tables: dict[str, pd.DataFrame] = {}
    for name in CURATED:
        companies = company_names(tables["companies"]) if "companies" in tables else {}
        tables[name] = load_table(directory, name, keys, documents, companies)
    check_foreign_keys(tables, directory)
    entities.entity_links(tables["companies"], tables["models"], tables["chips"], curated=directory)  # unmapped names fail
    return tables
