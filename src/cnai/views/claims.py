"""Tables for the claims appendix: what the 2023–24 texts said, against what happened.

Which curated rows are claims (`SCOPE`), and for each one which later figure checks it, is a curation decision kept
as data in data/mappings/claims.yml: a claim is paired with a row of an outside table or of the regulator's
announcements, or with a named rule over an outside table (`RULES`), and the file says whether the two count the
same thing; or it is marked `checkable: no` with a reason code (display names in labels.yml, block
`claim_reason`). The verdict is computed here from the two values, only where the definitions are the same.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..data import load
from ..dates import to_timestamp
from ..errors import MappingError
from ..facts.mappings import label, path_of, read

CLAIMS_FILE = "claims"

# The tables whose rows are claims, the column holding each row's id, and which rows count: every count,
# amount, share and forecast the texts state. The regulator's filing announcements (filings) are not claims
# here: they are the record the claims are checked against.
SCOPE: dict[str, str] = {
    "model_counts": "row_id",
    "market_metrics": "metric_id",
    "policy_targets": "target_id",
    "chip_investments": "fact_id",
    "chips": "chip_id",
    "robots": "robot_id",
}

# Tables a check may name directly, with the column that identifies a row (or None: the key is given as
# {column: value} in claims.yml), the value column unless claims.yml names another, and the date column.
CHECK_TABLES: dict[str, dict] = {
    "filings": {"id": "row_id", "value": "count", "date": "as_of_date", "outside": ()},
    "accelerators": {"id": None, "value": None, "date": "release_date", "outside": ("accelerators",)},
    "epoch_models": {"id": None, "value": None, "date": "publication_date", "outside": ("epoch_models",)},
}

TOLERANCE = 0.10  # a stated figure within ±10 % of the later one 基本相符
VERDICT_RULE = ("只在两边口径相同时下结论：原文数字（“超”“余”“近”等限定词不计）与后来的数字相差不超过 10% 为“基本相符”，"
                "低于后来数字 10% 以上为“低估”，高于 10% 以上为“高估”；口径不同的只并列两个数字，不下结论。")

VERDICT_ORDER = ["低估", "基本相符", "高估", "口径不同", "用这些来源无法核对"]


def _claim_rows(table: str) -> pd.DataFrame:
    """The rows of one claim table that are claims (a stated number; for robots, a planned year later than
    the document's date)."""
    rows = load(table)
    if table == "chip_investments":
        rows = rows[rows["value"].notna()]
    elif table == "chips":
        rows = rows[rows["spec_value"].notna()]
    elif table == "robots":
        doc_year = rows["doc_id"].map(load("documents").set_index("doc_id")["date"]).astype(str).str[:4]
        rows = rows[rows["year"].notna() & (rows["year"].astype("Int64").astype(str) > doc_year)]
    return rows


def in_scope() -> list[str]:
    """Every claim as `table/row_id`, in table order."""
    return [f"{table}/{row_id}" for table, id_column in SCOPE.items() for row_id in _claim_rows(table)[id_column]]


@dataclass(frozen=True)
class Check:
    value: float | None
    date: pd.Timestamp | None
    source: str
    detail: str
    outside: tuple[str, ...]


# --- rules: later figures computed from an outside table ------------------------------------------------------

@lru_cache(maxsize=8)
def _outside(name: str) -> pd.DataFrame:
    """An outside table, loaded once per process for the dozens of checks that read it (cnai.load re-reads
    outside tables on every call)."""
    return load(name)


@lru_cache(maxsize=1)
def _list_versions() -> pd.Series:
    return pd.Series(sorted(_outside("china_model_list")["version_date"].unique())).map(to_timestamp)


def _list_at(at: pd.Timestamp, province: str | None) -> tuple[pd.DataFrame, pd.Timestamp]:
    versions = _list_versions()
    earlier = versions[versions <= at]
    if earlier.empty:
        raise MappingError(f"{path_of(CLAIMS_FILE)}: the community list has no version on or before {at:%Y-%m-%d}")
    version = earlier.max()
    seen = _outside("model_list_first_seen")
    seen = seen[seen["first_seen"].map(to_timestamp) <= version]
    if province is not None:
        seen = seen[seen["province"] == province]
    return seen, version


def _rule_list_models(at: pd.Timestamp, province: str | None = None) -> Check:
    seen, version = _list_at(at, province)
    where = f"{province}的" if province else ""
    return Check(float(len(seen)), version, "awesome-LLMs-In-China 社区大模型列表",
                 f"{version:%Y-%m-%d} 版列表中已出现过的{where}模型 {len(seen)} 个", ("model_list_first_seen",))


def _rule_list_organisations(at: pd.Timestamp, province: str | None = None) -> Check:
    seen, version = _list_at(at, province)
    n = seen["company"].fillna(seen["organisation"]).nunique()
    where = f"{province}的" if province else ""
    return Check(float(n), version, "awesome-LLMs-In-China 社区大模型列表",
                 f"{version:%Y-%m-%d} 版列表中已出现过模型的{where}机构 {n} 家", ("model_list_first_seen",))


def _rule_epoch_open_share(at: pd.Timestamp, year: int) -> Check:
    models = _outside("epoch_models")
    models = models[models["dataset"] == "notable"]
    models = models[models["publication_date"].astype(str).str[:4] == str(year)]
    known = models[models["open_weights"].notna()]
    share = 100 * known["open_weights"].astype(bool).sum() / len(known)
    return Check(round(share, 1), pd.Timestamp(f"{year}-12-31"), "Epoch AI 重要模型数据",
                 f"{year} 年发布、开放情况已知的 {len(known)} 个重要模型中开放权重的占 {share:.1f}%", ("epoch_models",))


RULES = {
    "list_models_at": _rule_list_models,
    "list_organisations_at": _rule_list_organisations,
    "epoch_open_share": _rule_epoch_open_share,
}


def _row_check(spec: dict, where: str) -> Check:
    table = spec.get("table")
    if table not in CHECK_TABLES:
        raise MappingError(f"{where}: check table {table!r} is not one of {sorted(CHECK_TABLES)}")
    meta = CHECK_TABLES[table]
    rows = _outside(table) if meta["outside"] else load(table)
    if meta["id"] is not None:
        key = {meta["id"]: spec.get("row")}
    else:
        key = spec.get("key") or {}
    match = rows
    for column, value in key.items():
        if column not in rows.columns:
            raise MappingError(f"{where}: {table} has no column {column!r}")
        match = match[match[column].astype(str) == str(value)]
    if len(match) != 1 or not key:
        raise MappingError(f"{where}: {table} has {len(match)} rows for {key} (need exactly one): "
                           f"no such row id in {table}; fix data/mappings/claims.yml")
    row = match.iloc[0]
    column = spec.get("column", meta["value"])
    value = float(row[column]) * float(spec.get("scale", 1))
    date = to_timestamp(str(row[meta["date"]])[:10]) if pd.notna(row[meta["date"]]) else None
    if table == "filings":
        doc = load("documents").set_index("doc_id")["label"][row["doc_id"]]
        return Check(value, date, doc, f"「{row['quote']}」", ())
    name = row["name"] if table == "accelerators" else row["model"]
    source = "Epoch AI 硬件数据" if table == "accelerators" else "Epoch AI 重要模型数据"
    return Check(value, date, source, f"{name}：{column} = {value:g}", meta["outside"])


# --- the decisions file ---------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _known_ids() -> dict[str, set[str]]:
    return {table: set(load(table)[id_column].astype(str)) for table, id_column in SCOPE.items()}


def decisions() -> pd.DataFrame:
    """One row per claim named in claims.yml with its decision; fails on a row id that does not exist, on a claim
    named twice, and on an entry that is neither paired nor marked, naming the file."""
    where = str(path_of(CLAIMS_FILE))
    entries = read(CLAIMS_FILE).get("claims")
    if not isinstance(entries, list):
        raise MappingError(f"{where}: expected a list under 'claims'")
    known, out = _known_ids(), []
    for number, entry in enumerate(entries, start=1):
        here = f"{where} entry {number}"
        refs = entry.get("rows") or []
        if "check" in entry:
            if entry.get("definition") not in ("same", "different"):
                raise MappingError(f"{here}: definition must be 'same' or 'different'")
            if entry["definition"] == "different":
                label("claim_difference", entry.get("difference"))
        elif entry.get("checkable") is False:
            label("claim_reason", entry.get("reason"))
        else:
            raise MappingError(f"{here}: give either a check or checkable: no with a reason")
        for ref in refs:
            table, _, row_id = str(ref).partition("/")
            if table not in known:
                raise MappingError(f"{here}: {ref!r}: {table!r} is not a claim table ({', '.join(SCOPE)})")
            if row_id not in known[table]:
                raise MappingError(f"{here}: {ref!r}: no row {row_id!r} in data/curated/{table}.csv")
            out.append({"claim": ref, "entry": number, **{k: v for k, v in entry.items() if k != "rows"}})
    frame = pd.DataFrame(out)
    twice = frame.loc[frame["claim"].duplicated(), "claim"].tolist()
    if twice:
        raise MappingError(f"{where}: claims decided more than once: {twice}")
    return frame


def undecided() -> list[str]:
    """Claims (count, amount, share or forecast rows) that claims.yml neither pairs nor marks."""
    decided = set(decisions()["claim"])
    return [ref for ref in in_scope() if ref not in decided]


def _claim_facts() -> pd.DataFrame:
    """Per claim: value, unit, the date it refers to, quote and source."""
    labels = load("documents").set_index("doc_id")["label"]
    parts = []
    for table, id_column in SCOPE.items():
        rows = _claim_rows(table)
        if table == "model_counts":
            value, unit, date = rows["value"], rows["unit_counted"].map({"models": "个", "companies": "家"}), rows["as_of_date"]
        elif table == "market_metrics":
            value, unit, date = rows["value"], rows["unit"], rows["period_end"]
        elif table == "policy_targets":
            value, unit, date = rows["value_high"], rows["unit"], rows["target_year"].astype("Int64").astype(str)
        elif table == "chip_investments":
            value, unit, date = rows["value"], rows["unit"], rows["date"]
        elif table == "chips":
            value, unit, date = rows["spec_value"], rows["spec_unit"], rows["date"]
        else:
            value, unit, date = rows["year"], "年", rows["year"].astype("Int64").astype(str)
        parts.append(pd.DataFrame({
            "claim": table + "/" + rows[id_column].astype(str),
            "claimed": pd.to_numeric(value, errors="coerce").astype(float),
            "unit": unit,
            "claim_date": date.where(date.notna(), None),
            "quote": rows["quote"],
            "source": rows["doc_id"].map(labels),
        }))
    return pd.concat(parts, ignore_index=True)


def _check(entry: pd.Series, at: pd.Timestamp | None) -> Check:
    spec = entry["check"]
    where = f"{path_of(CLAIMS_FILE)} entry {entry['entry']}"
    if "rule" in spec:
        if spec["rule"] not in RULES:
            raise MappingError(f"{where}: unknown rule {spec['rule']!r}; rules: {sorted(RULES)}")
        params = {k: v for k, v in spec.items() if k not in ("rule", "at")}
        when = to_timestamp(str(spec["at"])) if "at" in spec else at
        return RULES[spec["rule"]](when, **params)
    return _row_check(spec, where)


def verdict(claimed: float, later: float, same_definition: bool) -> str:
    """The rule in VERDICT_RULE."""
    if not same_definition:
        return "口径不同"
    ratio = claimed / later
    if round(abs(ratio - 1), 9) <= TOLERANCE:  # rounded: 110 / 100 - 1 is 0.10000000000000009 in floating point
        return "基本相符"
    return "低估" if ratio < 1 else "高估"


@lru_cache(maxsize=1)
def _claims() -> pd.DataFrame:
    missing = undecided()
    if missing:
        raise MappingError(f"{path_of(CLAIMS_FILE)}: no decision for {missing}: add each to claims.yml, paired "
                           "with a check or marked checkable: no with a reason")
    facts = _claim_facts().set_index("claim")
    rows = []
    for _, entry in decisions().iterrows():
        fact = facts.loc[entry["claim"]]
        at = to_timestamp(fact["claim_date"]) if isinstance(fact["claim_date"], str) else None
        row = {"claim": entry["claim"], **fact.to_dict(), "label": entry.get("label")}
        if isinstance(entry.get("check"), dict):
            check = _check(entry, at)
            same = entry["definition"] == "same"
            row.update(later=check.value, later_date=check.date, later_source=check.source, later_detail=check.detail,
                       outside=check.outside, definition="相同" if same else "不同",
                       difference=None if same else label("claim_difference", entry["difference"]),
                       verdict=verdict(fact["claimed"], check.value, same), reason=None, ratio=fact["claimed"] / check.value)
        else:
            row.update(later=None, later_date=None, later_source=None, later_detail=None, outside=(),
                       definition=None, difference=None, verdict="用这些来源无法核对",
                       reason=label("claim_reason", entry["reason"]), ratio=None)
        rows.append(row)
    out = pd.DataFrame(rows)
    out["claim_date"] = out["claim_date"].astype(object)
    claim_at = out["claim_date"].map(lambda d: to_timestamp(d) if isinstance(d, str) else pd.NaT)
    later_at = pd.to_datetime(out["later_date"])
    out["gap_months"] = ((later_at - claim_at).dt.days / 30.44).round(1)
    order = {ref: i for i, ref in enumerate(in_scope())}
    return out.sort_values("claim", key=lambda s: s.map(order)).reset_index(drop=True)


def claims() -> pd.DataFrame:
    """Every claim with its later figure (or why there is none) and the verdict."""
    return _claims().copy()


def paired(same_definition: bool | None = None) -> pd.DataFrame:
    """Claims set beside a later figure, one row per chart label (claims that say the same thing share one):
    the short label, the two values, the claimed value as a percentage of the later one, and the verdict."""
    frame = claims()
    frame = frame[frame["later"].notna()]
    if same_definition is not None:
        frame = frame[(frame["definition"] == "相同") == same_definition]
    frame = frame.drop_duplicates("label").reset_index(drop=True)
    return frame.assign(claim_label=frame["label"], ratio_pct=(100 * frame["ratio"]).round(1))[
        ["claim", "claim_label", "claimed", "later", "unit", "ratio_pct", "gap_months", "verdict", "source",
         "later_source"]]


def outside_tables(same_definition: bool | None = None) -> tuple[str, ...]:
    """The outside tables the checks draw on, of all paired claims or of those with the same definition or
    not (for the credit lines of the charts that show them)."""
    frame = claims()
    if same_definition is not None:
        frame = frame[frame["later"].notna() & ((frame["definition"] == "相同") == same_definition)]
    return tuple(dict.fromkeys(name for names in frame["outside"] for name in names))


def verdict_counts() -> pd.DataFrame:
    counts = claims()["verdict"].value_counts()
    return pd.DataFrame({"verdict": VERDICT_ORDER, "claims": [int(counts.get(v, 0)) for v in VERDICT_ORDER]})


def reason_counts() -> pd.DataFrame:
    reasons = claims()["reason"].dropna().value_counts()
    return reasons.rename_axis("reason").reset_index(name="claims")


def claim_table() -> pd.DataFrame:
    """The searchable table: one row per claim, with quote, source, later figure, its source and the verdict."""
    frame = claims()

    def number(value, unit) -> str:
        if value is None or pd.isna(value):
            return ""
        return f"{value:g}" + (unit if isinstance(unit, str) else "")

    return pd.DataFrame({
        "claim_ref": frame["claim"],
        "claim_date": frame["claim_date"].fillna("").astype(str),
        "quote": frame["quote"],
        "source": frame["source"],
        "claimed_text": [number(v, u) for v, u in zip(frame["claimed"], frame["unit"])],
        "later_text": [number(v, u) if pd.notna(v) else "" for v, u in zip(frame["later"], frame["unit"])],
        "later_source": frame["later_source"].fillna(""),
        "later_detail": frame["later_detail"].fillna(""),
        "gap_months": frame["gap_months"],
        "definition": frame["definition"].fillna(""),
        "verdict": frame["verdict"],
        "reason_text": frame["difference"].fillna(frame["reason"]).fillna(""),
    })


def headline_numbers() -> dict[str, str]:
    frame = claims()
    counts = frame["verdict"].value_counts()
    c012 = frame.set_index("claim").loc["model_counts/c-012"]
    same = paired(same_definition=True)
    same_chips = same[same["claim"].str.startswith("chips/")]
    same_counts = same[~same["claim"].str.startswith("chips/")]
    return {
        "n_claims": str(len(frame)),
        "n_checkable": str(int(frame["later"].notna().sum())),
        "n_same": str(int((frame["definition"] == "相同").sum())),
        "n_different": str(int(counts.get("口径不同", 0))),
        "n_unchecked": str(int(counts.get("用这些来源无法核对", 0))),
        "n_under": str(int(counts.get("低估", 0))),
        "n_match": str(int(counts.get("基本相符", 0))),
        "n_over": str(int(counts.get("高估", 0))),
        "filed_claimed": f"{c012['claimed']:g}",
        "filed_later": f"{c012['later']:g}",
        "filed_gap_months": f"{c012['gap_months']:g}",
        "n_count_pairs": str(len(same_counts)),
        "n_count_under": str(int((same_counts["verdict"] == "低估").sum())),
        "n_chip_pairs": str(len(same_chips)),
        "n_chip_match": str(int((same_chips["verdict"] == "基本相符").sum())),
        "filed_claim_month": f"{c012['claim_date'][:4]} 年 {int(c012['claim_date'][5:7])} 月",
        "filed_later_date": f"{c012['later_date'].year} 年 {c012['later_date'].month} 月 {c012['later_date'].day} 日",
    }
