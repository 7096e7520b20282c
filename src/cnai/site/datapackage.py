"""The book's data as one Frictionless Data Package: every table a chapter draws on (curated, derived, and the
outside datasets' tidy and derived tables) as CSV, a `datapackage.json` whose field schemas come from the pandera
schemas (titles, descriptions, types, allowed values), sources and licences, and one zip of it all.

Written by the build into `_static/tables/` (cnai.site.sphinx_ext); the data page (appendix/data.md) lists it, and
`frictionless validate` accepts it (tests/test_datapackage.py).
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pandas as pd
from .. import snapshots
from .citation import citation
from ..data import PIPELINE_SCHEMAS, load
from ..external.tables import SCHEMAS as EXTERNAL_SCHEMAS
from ..external.tables import snapshots_of
from ..facts.entities import EntityLinks
from ..facts.mappings import table_title
from ..facts.schemas import CURATED
from ..views.columns import column_titles

DESCRIPTOR = "datapackage.json"
ZIP = "cnai-data.zip"
# the pipeline tables a reader can use on their own (tokens and topic labels are large and rebuilt by the code)
PIPELINE = ("documents", "parts", "paragraphs", "cleaning_report", "metadata", "keywords", "topic_keywords")
# a fixed timestamp for every zip member, so that two builds write the same bytes
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


# derived fact tables that are computed, not validated, so have no schema model: their fields take the pandas types
# and the columns' titles (cnai.views.columns)
UNCHECKED = {"growth_checks": "Stated growth rates against the rates recomputed from their end points.",
             "rate_checks": "Stated rates against the rates recomputed from the totals they derive from.",
             "funding_amounts": "Each funding deal's amount converted to millions of its currency."}


def schemas() -> dict[str, object]:
    """Every table of the package, in the order the data page lists them, with its pandera schema model (None for
    the computed tables of UNCHECKED)."""
    return {**CURATED, **dict.fromkeys(UNCHECKED), "entity_links": EntityLinks,
            **{name: PIPELINE_SCHEMAS[name] for name in PIPELINE}, **EXTERNAL_SCHEMAS}


def _doc(name: str) -> str:
    model = schemas()[name]
    return UNCHECKED[name] if model is None else (model.__doc__ or name).strip()


def kind_of(name: str) -> str:
    if name in CURATED:
        return "curated"
    if name in EXTERNAL_SCHEMAS:
        return "outside"
    return "pipeline" if name in PIPELINE else "derived"


def _field_type(dtype) -> str:
    text = str(dtype).lower()
    if "int" in text:
        return "integer"
    if "float" in text:
        return "number"
    if "bool" in text:
        return "boolean"
    return "string"


def _field(name: str, column) -> dict:
    field = {"name": name, "type": _field_type(column.dtype)}
    if column.title:
        field["title"] = column.title
    if column.description:
        field["description"] = column.description
    constraints = {}
    if not column.nullable:
        constraints["required"] = True
    for check in column.checks:
        allowed = (check.statistics or {}).get("allowed_values")
        if allowed is not None:
            constraints["enum"] = [str(v) if field["type"] == "string" else v for v in allowed]
    if constraints:
        field["constraints"] = constraints
    return field


def _licences(name: str, book: dict) -> tuple[list[dict], list[dict]]:
    """Sources and licences of one table: the snapshots (and their licences) for outside data, the book's own
    data licence and corpus for the rest."""
    if kind_of(name) != "outside":
        return ([{"title": "本书语料与整理 The book's corpus and curation (sources appendix)"}],
                [{"name": book["license"], "path": f"https://spdx.org/licenses/{book['license']}.html"}])
    terms = snapshots.licences()
    sources, licences = [], []
    for source in snapshots_of(name):
        record = snapshots.snapshot(source)
        sources.append({"title": f"{record.credit} ({record.title})", "path": record.origin.primary})
        licence = {"name": record.licence, "title": terms[record.licence]["name"]}
        if terms[record.licence].get("url"):
            licence["path"] = terms[record.licence]["url"]
        licences.append(licence)
    return sources, licences


def _frame(name: str) -> pd.DataFrame:
    frame = load(name)
    model = schemas()[name]
    if model is None:
        return frame
    columns = list(model.to_schema().columns)
    return frame[[c for c in columns if c in frame.columns]]


def _fields(name: str, frame: pd.DataFrame) -> list[dict]:
    model = schemas()[name]
    if model is not None:
        columns = model.to_schema().columns
        return [_field(c, columns[c]) for c in frame.columns]
    titles = column_titles()
    return [{"name": c, "type": _field_type(frame[c].dtype), **({"title": titles[c]} if c in titles else {})}
            for c in frame.columns]


def resource(name: str, frame: pd.DataFrame, book: dict) -> dict:
    sources, licences = _licences(name, book)
    doc = _doc(name)
    return {
        "name": name.replace("_", "-"), "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8", "title": table_title(name), "description": doc,
        "schema": {"fields": _fields(name, frame)},
        "sources": sources, "licenses": licences, "cnai:kind": kind_of(name), "cnai:rows": len(frame),
    }


def descriptor(resources: list[dict], book: dict) -> dict:
    return {
        "name": "cnai-data", "title": book["title"], "version": str(book["version"]),
        "description": book["abstract"],
        "licenses": [{"name": book["license"], "path": f"https://spdx.org/licenses/{book['license']}.html"}],
        "contributors": [{"title": a.get("name") or f"{a['given-names']} {a['family-names']}", "role": "author"}
                         for a in book["authors"]],
        "resources": resources,
    }


def write(target: Path) -> Path:
    """Write every table as CSV, the descriptor and the zip into `target`; returns the descriptor's path."""
    target.mkdir(parents=True, exist_ok=True)
    book = citation()
    resources = []
    for name in schemas():
        frame = _frame(name)
        frame.to_csv(target / f"{name}.csv", index=False, encoding="utf-8")
        resources.append(resource(name, frame, book))
    path = target / DESCRIPTOR
    path.write_text(json.dumps(descriptor(resources, book), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with zipfile.ZipFile(target / ZIP, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member in [DESCRIPTOR] + [r["path"] for r in resources]:
            info = zipfile.ZipInfo(member, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (target / member).read_bytes())
    return path


def listing(prefix: str = "..") -> pd.DataFrame:
    """One row per table of the package for the data page: what it is, its rows, licence and download link."""
    book = citation()
    rows = []
    for name in schemas():
        _, licences = _licences(name, book)
        rows.append({"table": name, "kind": kind_of(name), "title": table_title(name),
                     "rows": len(load(name)), "licence": "；".join(l.get("title", l["name"]) for l in licences),
                     "csv": f"{prefix}/_static/tables/{name}.csv"})
    return pd.DataFrame(rows)


KIND_NAMES = {"curated": "事实表（语料整理）", "derived": "派生核对表", "pipeline": "语料流程表", "outside": "外部数据表"}


def page_html(prefix: str = "..") -> str:
    """The data page's list: one row per table, grouped by kind: its Chinese title (linked to the data dictionary),
    kind, rows, licence and CSV link."""
    import html

    rows = []
    for item in listing(prefix).itertuples():
        title = html.escape(item.title)
        if schemas()[item.table] is not None:  # the data dictionary documents the tables that have a schema
            title = f'<a href="data_dictionary.html#table-{item.table}">{title}</a>'
        rows.append(f"<tr><td>{title}</td><td>{html.escape(KIND_NAMES[item.kind])}</td>"
                    f'<td class="cnai-num">{item.rows:,}</td><td>{html.escape(item.licence)}</td>'
                    f'<td><a href="{item.csv}" download><code>{html.escape(item.table)}.csv</code></a></td></tr>')
    head = "<tr><th>内容 contents</th><th>类别 kind</th><th>行数 rows</th><th>许可 licence</th><th>下载 file</th></tr>"
    return (f'<div class="cnai-scroll"><table class="dataframe cnai-plain cnai-datapackage">'
            f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table></div>")


def downloads_html(prefix: str = "..") -> str:
    """The two whole-package links of the data page."""
    return (f'<p class="cnai-downloads"><a href="{prefix}/_static/tables/{ZIP}" download>下载全部数据（zip）</a> · '
            f'<a href="{prefix}/_static/tables/{DESCRIPTOR}" download>数据包描述（{DESCRIPTOR}）</a></p>')
