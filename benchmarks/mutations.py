"""Mutation benchmark of the curated tables' provenance checks; writes a section of benchmarks/RESULTS.md.

    python benchmarks/mutations.py [--n 300] [--seed 11] [--write]

Each mutation changes one cell of a curated table (in memory) from a value anchored in its quote to a plausible
wrong one, of five kinds: another number of the same quote; a year shifted by one; another unit; another
qualifier; another name from the same column. The loader's checks (schema, then provenance against the
paragraphs, read once) run on the changed table; a mutation is refused if they raise. Target: at least 95%
refused in every kind. Survivors are listed with the reason each cannot be caught.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cnai import paths  # noqa: E402
from cnai.data import load  # noqa: E402
from cnai.errors import FactError  # noqa: E402
from cnai.facts import provenance as pv  # noqa: E402
from cnai.facts import spans  # noqa: E402
from cnai.facts.schemas import CURATED  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
BEGIN, END = "<!-- benchmarks/mutations.py: begin -->", "<!-- benchmarks/mutations.py: end -->"

# the cells each kind changes: table → columns
NUMBERS = {"model_counts": ["value"], "funding_deals": ["amount_value", "report_no"], "market_metrics": ["value"],
           "chips": ["spec_value"], "chip_investments": ["value"], "robots": ["height_m", "weight_kg", "dof"],
           "models": ["params_b"], "policy_targets": ["value_low", "value_high"], "rates": ["period_value"],
           "filings": ["count"]}
DATES = {"model_counts": ["as_of_date"], "funding_deals": ["date"], "market_metrics": ["period_start", "period_end"],
         "chips": ["date"], "robots": ["year"], "models": ["release_date"], "policies": ["date"],
         "policy_targets": ["target_year"], "filings": ["as_of_date"]}
UNITS = {"funding_deals": ["amount_unit"], "market_metrics": ["unit"], "chips": ["spec_unit"],
         "chip_investments": ["unit"], "policy_targets": ["unit"], "rates": ["period_unit"]}
QUALIFIERS = {"model_counts": ["qualifier"], "funding_deals": ["amount_status"], "chips": ["spec_qualifier"],
              "chip_investments": ["qualifier"], "policy_targets": ["lower_bound"]}
NAMES = {"funding_deals": ["company"], "chips": ["chip", "vendor"], "robots": ["product", "maker"],
         "robot_supply_chain": ["company", "component"], "industry_chain": ["company"], "companies": ["name"],
         "models": ["name_as_written", "developer"], "policies": ["title", "issuers"]}
KINDS = {"number": NUMBERS, "year": DATES, "unit": UNITS, "qualifier": QUALIFIERS, "name": NAMES}
TABLES = sorted({t for cells in KINDS.values() for t in cells})


def _numbers_of(quote: str) -> set[float]:
    found = set()
    for match in re.finditer(spans.NUMBER, quote):
        try:
            found.add(spans.number(match[0]))
        except spans.SpanError:
            pass
    return found


def _wrong(kind: str, table: str, column: str, value: str, row, frame, rng: random.Random) -> str | None:
    """A plausible wrong value for one cell, or None where this kind has none for it."""
    if kind == "number":
        others = sorted(n for n in _numbers_of(row["quote"]) if n != float(value))
        return f"{rng.choice(others):g}" if others else None
    if kind == "year":
        return f"{int(value[:4]) + rng.choice([-1, 1])}{value[4:]}"
    if kind == "unit":
        swapped = value.replace("亿", "\0").replace("万", "亿").replace("\0", "万")
        if swapped != value:
            return swapped
        others = sorted(set(frame[column].dropna()) - {value})
        return rng.choice(others)
    if kind == "qualifier":
        spec = CURATED[table].to_schema().columns[column]
        allowed = next(c.statistics["allowed_values"] for c in spec.checks if "allowed_values" in c.statistics)
        return rng.choice(sorted(set(allowed) - {value}))
    others = sorted(set(frame[column].dropna()) - {value})
    return rng.choice(others)


def mutations(frames: dict, n: int, seed: int) -> list[tuple]:
    """`n` single-cell changes, spread evenly over the kinds: (kind, table, index, column, old, new)."""
    rng = random.Random(seed)
    out, per_kind = [], -(-n // len(KINDS))
    for kind, cells in KINDS.items():
        candidates = [(t, i, c) for t, cols in cells.items() for c in cols
                      for i, v in frames[t][c].items() if isinstance(v, str)]
        rng.shuffle(candidates)
        picked = 0
        for table, index, column in candidates:
            frame = frames[table]
            new = _wrong(kind, table, column, frame.at[index, column], frame.loc[index], frame, rng)
            if new is None or new == frame.at[index, column]:
                continue
            out.append((kind, table, index, column, frame.at[index, column], new))
            picked += 1
            if picked == per_kind:
                break
    return out


def refused(frame, table: str, keys, documents, companies) -> bool:
    path = paths.CURATED / f"{table}.csv"
    try:
        checked = pv.validate_schema(table, frame, path)
        pv.check_provenance(table, checked, path, keys, documents, companies)
    except FactError:
        return True
    return False


# why a surviving mutation cannot be caught: (derivation column, its value) → reason
REASONS = {
    ("period_derived_from", "reading"): "period_derived_from = reading: the period is the curator's reading (a "
                                        "series position or a date in another paragraph), so there are no words to check",
}


def reason(row, column: str, new: str) -> str:
    if row.get(f"{column}_derived_from") == "reading":
        return f"{column}_derived_from = reading: the name is the curator's reading, so there are no words to check"
    if spans.key(new) in pv.quote_key(row["quote"]):
        return f"{new!r} is also written in this row's quote, so the quote names it too"
    names = pv._names(new)
    if len(names) > 1 and all(spans.key(name) in pv.quote_key(row["quote"]) for name in names):
        return f"each of the {len(names)} names of {new!r} is also written in this row's quote, so the quote names them too"
    if isinstance(row.get("context_quote"), str) and spans.key(new) in pv.quote_key(row["context_quote"]):
        return (f"{new!r} is written inside the row's context_quote ({row['context_quote']!r}): names are matched as "
                "substrings, not whole words")
    return next((text for (col, value), text in REASONS.items() if row.get(col) == value),
                "not explained: a gap in the checks")


def run(n: int, seed: int) -> tuple[Counter, Counter, list]:
    keys = pv.paragraph_keys(load("paragraphs"))
    documents = pv.document_dates(load("documents"))
    companies = pv.company_names(pv.read_csv(paths.CURATED / "companies.csv"))
    frames = {t: pv.read_csv(paths.CURATED / f"{t}.csv") for t in TABLES}
    for table, frame in frames.items():
        assert not refused(frame, table, keys, documents, companies), f"{table} does not load unchanged"
    total, caught, survivors = Counter(), Counter(), []
    for kind, table, index, column, old, new in mutations(frames, n, seed):
        frame = frames[table].copy()
        frame.at[index, column] = new
        total[kind] += 1
        if refused(frame, table, keys, documents, companies):
            caught[kind] += 1
        else:
            survivors.append((kind, table, index + 2, column, old, new, reason(frames[table].loc[index], column, new)))
    return total, caught, survivors


def section(total: Counter, caught: Counter, survivors: list, n: int, seed: int) -> str:
    lines = [BEGIN, "## Provenance checks: mutation benchmark", "",
             f"Written by `python benchmarks/mutations.py --n {n} --seed {seed} --write` on {date.today()}. Each "
             f"mutation changes one cell of {', '.join(TABLES)} (the tables with value anchors or checked names) to a "
             "plausible wrong value; the loader's schema and provenance checks run on the changed table. Target: ≥ "
             "95% refused in every kind.", "",
             "| kind | mutations | refused | share refused |", "| --- | --- | --- | --- |"]
    for kind in KINDS:
        share = caught[kind] / total[kind] if total[kind] else float("nan")
        lines.append(f"| {kind} | {total[kind]} | {caught[kind]} | {share:.1%} |")
    lines.append(f"| all | {sum(total.values())} | {sum(caught.values())} | "
                 f"{sum(caught.values()) / sum(total.values()):.1%} |")
    lines += ["", f"Survivors ({len(survivors)}):", ""]
    lines += [f"- {kind}: {table}.csv line {line}, column {column}: {old!r} → {new!r}. {reason}"
              for kind, table, line, column, old, new, reason in survivors] or ["- none"]
    return "\n".join(lines + [END])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    text = section(*run(args.n, args.seed), args.n, args.seed)
    print(text)
    if args.write:
        results = RESULTS.read_text(encoding="utf-8")
        if BEGIN in results:
            results = results[:results.index(BEGIN)] + text + results[results.index(END) + len(END):]
        else:
            results = results.rstrip("\n") + "\n\n" + text + "\n"
        RESULTS.write_text(results, encoding="utf-8")


if __name__ == "__main__":
    main()
