"""Reference pages generated from the code: the data dictionary (from the schemas) and the source list (from
the manifest), so the documentation cannot drift from the data."""
from __future__ import annotations

import html

import pandas as pd

from . import schemas
from .curated_schemas import CURATED, FOREIGN_KEYS
from .manifest import load_manifest

DOWNLOADABLE_DERIVED = ("documents", "parts", "paragraphs", "cleaning_report", "metadata", "keywords", "topic_keywords")


def _allowed(column) -> str:
    parts = []
    for check in column.checks:
        stats = check.statistics or {}
        if "allowed_values" in stats:
            parts.append("、".join(map(str, stats["allowed_values"])))
        elif "pattern" in stats:
            parts.append(f"pattern {stats['pattern']}")
        elif check.name in ("greater_than_or_equal_to", "greater_than", "less_than", "less_than_or_equal_to", "in_range"):
            parts.append(f"{check.name} {stats}")
        elif check.name == "str_length":
            parts.append(f"length {stats}")
    return "; ".join(parts)


def columns_table(model) -> pd.DataFrame:
    schema = model.to_schema()
    rows = []
    for name, column in schema.columns.items():
        rows.append({"列 column": name, "类型 type": str(column.dtype), "可空 nullable": "yes" if column.nullable else "",
                     "唯一 unique": "yes" if column.unique else "", "说明 description": column.description or "",
                     "取值 allowed": _allowed(column)})
    return pd.DataFrame(rows)


def _table_section(name: str, model, rows: int, link: str | None, keys: list[str]) -> str:
    doc = html.escape((model.__doc__ or "").strip())
    download = f' · <a href="{link}" download>下载 CSV</a>' if link else ""
    key_text = f"<br>外键 foreign keys：{html.escape('；'.join(keys))}" if keys else ""
    table = columns_table(model).to_html(index=False, border=0, classes="cnai-dictionary", escape=True)
    return (f'<section class="cnai-table-doc" id="table-{name}"><p><strong><code>{name}</code></strong>：{doc}'
            f"（{rows} 行）{download}{key_text}</p>{table}</section>")


def data_dictionary(prefix: str = "..") -> str:
    """HTML describing every table: its purpose, row count, columns, types and allowed values."""
    from .data import load

    out = ['<h2 id="curated">事实表 Curated fact tables (data/curated)</h2>']
    for name, model in CURATED.items():
        keys = [f"{col} → {target}.{key}" for (table, col), (target, key) in FOREIGN_KEYS.items() if table == name]
        out.append(_table_section(name, model, len(load(name)), f"{prefix}/_static/tables/{name}.csv", keys))
    out.append('<h2 id="derived">派生表 Derived tables (built from data/raw by the pipeline)</h2>')
    for name, model in schemas.SCHEMAS.items():
        link = f"{prefix}/_static/tables/{name}.csv" if name in DOWNLOADABLE_DERIVED else None
        out.append(_table_section(name, model, len(load(name)), link, []))
    return "\n".join(out)


def sources() -> pd.DataFrame:
    """The corpus documents as the manifest describes them."""
    rows = []
    for doc in load_manifest().documents:
        rows.append({
            "id": doc.id, "标题 title": " / ".join(doc.titles), "来源 outlet": doc.outlet or "（文中未署）",
            "作者 authors": " / ".join(a for art in doc.articles for a in art.authors) or "",
            "日期 date": doc.date, "精度 precision": doc.date_precision, "语言 script": f"{doc.language}-{doc.script}",
            "类型 kind": doc.kind, "网址 URL": doc.url or "", "说明 notes": " ".join(
                x for x in (doc.outlet_evidence, doc.date_note, doc.extraction, doc.notes) if x),
        })
    return pd.DataFrame(rows)
