"""Reference pages generated from the code: the data dictionary (from the schemas) and the source list (from
the manifest), so the documentation cannot drift from the data."""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import yaml

from .. import paths

from ..corpus.manifest import load_manifest
from ..data import PIPELINE_SCHEMAS
from ..external.tables import SCHEMAS as EXTERNAL_SCHEMAS
from ..external.tables import snapshots_of
from ..facts.entities import EntityLinks
from ..facts.mappings import table_title
from ..facts.schemas import CURATED, FOREIGN_KEYS
from .datapackage import PIPELINE as DOWNLOADABLE_DERIVED



def _allowed(column) -> str:
    parts = []
    for check in column.checks:
        stats = check.statistics or {}
        if "allowed_values" in stats:
            parts.append("、".join(map(str, stats["allowed_values"])))
        elif "pattern" in stats:
            parts.append(f"pattern {stats['pattern']}")
        elif check.name in _BOUNDS:
            parts.append(f"{_BOUNDS[check.name]} {next(iter(stats.values())):g}")
        elif check.name == "str_length":
            low, high = stats.get("min_value"), stats.get("max_value")
            parts.append(f"{low or 0}–{high} characters" if high else f"≥ {low} characters")
    return "; ".join(parts)


_BOUNDS = {"greater_than_or_equal_to": "≥", "greater_than": ">", "less_than": "<", "less_than_or_equal_to": "≤"}


def _type(dtype) -> str:
    name = str(dtype)
    return "text" if "str" in name else "integer" if "int" in name else "number" if "float" in name else name


def columns_table(model) -> pd.DataFrame:
    schema = model.to_schema()
    rows = []
    provenance = ["doc_id", "quote", "notes"]
    ordered = [c for c in schema.columns if c not in provenance] + [c for c in provenance if c in schema.columns]
    for name in ordered:
        column = schema.columns[name]
        rows.append({"列 column": name, "标题 title": column.title or "", "类型 type": _type(column.dtype),
                     "可空 nullable": "yes" if column.nullable else "", "唯一 unique": "yes" if column.unique else "",
                     "说明 description": column.description or "",
                     "取值 allowed": _allowed(column)})
    return pd.DataFrame(rows)


def _table_section(name: str, model, rows: int, link: str | None, keys: list[str], note: str = "") -> str:
    doc = html.escape((model.__doc__ or "").strip())
    download = f' · <a href="{link}" download>下载 CSV</a>' if link else ""
    key_text = f"<br>外键 foreign keys：{html.escape('；'.join(keys))}" if keys else ""
    table = columns_table(model).to_html(index=False, border=0, classes="cnai-dictionary", escape=True)
    return (f'<section class="cnai-table-doc" id="table-{name}"><p><strong>{html.escape(table_title(name))}</strong>'
            f"（<code>{name}</code>）：{doc}"
            f"（{rows} 行）{download}{key_text}{note}</p>{table}</section>")


def data_dictionary(prefix: str = "..") -> str:
    """HTML describing every table: its purpose, row count, columns, types and allowed values."""
    from ..data import load

    out = ['<h2 id="curated">事实表 Curated fact tables (data/curated)</h2>']
    for name, model in CURATED.items():
        keys = [f"{col} → {target}.{key}" for (table, col), (target, key) in FOREIGN_KEYS.items() if table == name]
        out.append(_table_section(name, model, len(load(name)), f"{prefix}/_static/tables/{name}.csv", keys))
    out.append('<h2 id="derived">派生表 Derived tables (built from data/raw by the pipeline)</h2>')
    for name, model in PIPELINE_SCHEMAS.items():
        link = f"{prefix}/_static/tables/{name}.csv" if name in DOWNLOADABLE_DERIVED else None
        out.append(_table_section(name, model, len(load(name)), link, []))
    out.append('<h2 id="external">外部证据表 Outside evidence (data/raw/external snapshots, data/registry)</h2>')
    out += [_table_section(name, model, len(load(name)), f"{prefix}/_static/tables/{name}.csv", [], _licence_note(name))
            for name, model in EXTERNAL_SCHEMAS.items()]
    out.append('<h2 id="mappings">映射表 Curation mappings (data/mappings)</h2>')
    out.append("<p>Display names, name normalisations and groupings the curators decided, kept as data. A value a "
               "table uses and its mapping lacks stops the loader, naming the file to edit.</p>")
    out += [_mapping_section(path) for path in sorted(paths.MAPPINGS.glob("*.yml"))]
    out.append('<h2 id="registry">实体登记 Entity registry (data/registry)</h2>')
    out.append("<p>One id for each organisation, model family and chip, with every name the corpus and the outside "
               "sources give it. A name a source writes that the registry lacks stops the loader, naming the source, "
               "the name and the file to edit.</p>")
    out.append(_table_section("entity_links", EntityLinks, len(load("entity_links")), None,
                              ["registry_id → data/registry/*.yml", "organisation_id → organisations.yml"]))
    out += [_mapping_section(path, "data/registry") for path in sorted(paths.REGISTRY.glob("*.yml"))]
    return "\n".join(out)


def _licence_note(name: str) -> str:
    """The snapshots an outside table is made from, with each one's licence and the attribution it asks for."""
    from .. import snapshots

    terms = snapshots.licences()
    parts = []
    for source in snapshots_of(name):
        record = snapshots.snapshot(source)
        parts.append(f"{source}：{terms[record.licence]['name']}（{record.attribution}）")
    return "<br>快照与许可 snapshots and licences：" + html.escape("；".join(parts))


def _header_comment(text: str) -> str:
    """The comment lines a mapping file opens with: what it maps and who decided it."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return " ".join(lines)


def mapping_rows(content) -> pd.DataFrame:
    """A mapping file's content as rows: key → value pairs, blocks of them (block, key, value), or records."""
    if isinstance(content, list):
        return pd.json_normalize(content)
    if all(not isinstance(v, (dict, list)) for v in content.values()):
        return pd.DataFrame({"key": list(content), "value": list(content.values())})
    rows = []
    for key, value in content.items():
        if isinstance(value, dict) and all(not isinstance(v, (dict, list)) for v in value.values()):
            rows += [{"block": key, "key": k, "value": v} for k, v in value.items()]
        else:
            rows.append({"key": key, "value": yaml.safe_dump(value, allow_unicode=True, sort_keys=False).strip()})
    return pd.DataFrame(rows)


def _mapping_section(path: Path, folder: str = "data/mappings") -> str:
    text = path.read_text(encoding="utf-8")
    table = mapping_rows(yaml.safe_load(text)).to_html(index=False, border=0, classes="cnai-dictionary", na_rep="")
    anchor = "mapping" if folder == "data/mappings" else "registry"
    return (f'<section class="cnai-table-doc" id="{anchor}-{path.stem}"><p><strong><code>{folder}/{path.name}'
            f"</code></strong>：{html.escape(_header_comment(text))}</p>{table}</section>")


def sources() -> pd.DataFrame:
    """The corpus documents as the manifest describes them."""
    rows = []
    for doc in load_manifest().documents:
        rows.append({
            "id": doc.id, "标题 title": " / ".join(doc.titles), "来源 outlet": doc.outlet or "（文中未署）",
            "作者 authors": " / ".join(a for art in doc.articles for a in art.authors) or "",
            "日期 date": doc.date, "精度 precision": doc.date_precision, "语言 script": f"{doc.language}-{doc.script}",
            "类型 kind": doc.kind, "网址 URL": doc.url or "", "说明 notes": " ".join(
                x for x in (f"发布部门 issuer: {doc.issuer}." if doc.issuer else None, doc.outlet_evidence,
                            doc.date_note, doc.extraction, doc.notes) if x),
        })
    return pd.DataFrame(rows)


def snapshot_sources() -> pd.DataFrame:
    """Every outside snapshot with its origin, date, licence and the attribution it asks for (from the records)."""
    from .. import snapshots

    terms = snapshots.licences()
    rows = []
    for name in snapshots.names():
        record = snapshots.snapshot(name)
        rows.append({
            "来源 source": name, "内容 what": record.title,
            "出处 origin": f"{record.origin.repository} @ {record.origin.commit[:10]}",
            "快照日期 snapshot": f"{record.snapshot_date:%Y-%m-%d}", "文件 files": len(record.files),
            "许可 licence": terms[record.licence]["name"], "署名 attribution": record.attribution,
            "局限 limits": record.is_not,
        })
    return pd.DataFrame(rows)


def check_summary() -> pd.DataFrame:
    """Per curated table: rows, rows with a checked quote, values checked against the words of their quote (a value
    anchored by a span, or a number searched for in the quote) and names checked."""
    from ..data import load
    from ..facts.schemas import ANCHORS, NAMES, QUOTED_NUMBERS, QUOTED_TEXT

    rows = []
    for name in CURATED:
        frame = load(name)
        anchored = sum(int(frame[a.span].notna().sum()) * len(a.values) for a in ANCHORS.get(name, []))
        searched = sum(int(frame[c].notna().sum()) for c in QUOTED_NUMBERS.get(name, []) + QUOTED_TEXT.get(name, []))
        names = sum(int(frame[c].notna().sum()) for c in NAMES.get(name, []))
        rows.append({"表 table": name, "行数 rows": len(frame), "引语已核对 quotes checked": int(frame["quote"].notna().sum()),
                     "锚定值 values anchored": anchored, "数字已查找 numbers found": searched, "名称已核对 names": names,
                     "来源文档 documents": "、".join(sorted(frame["doc_id"].unique()))})
    return pd.DataFrame(rows)
