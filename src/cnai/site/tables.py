"""Searchable, sortable tables that work offline: itables' DataTables bundle served from the site's _static."""
from __future__ import annotations

import hashlib
import html

import pandas as pd
from pandas.io.formats.style import Styler

from ..corpus.script import to_simplified
from ..views.columns import column_titles
from .charts import SITE_DATA, site_prefix


SIMPLIFIED = "（简体）"


def with_simplified(frame: pd.DataFrame) -> pd.DataFrame:
    """Next to every text column with a value written in Traditional script, its Simplified form (column title +
    （简体）), so that a reader who searches 携程 finds a row written 攜程."""
    out = frame.copy()
    for position, column in reversed(list(enumerate(frame.columns))):
        if not (pd.api.types.is_object_dtype(frame[column]) or pd.api.types.is_string_dtype(frame[column])):
            continue
        simplified = frame[column].map(lambda v: to_simplified(v) if isinstance(v, str) else v)
        if not simplified.equals(frame[column]):
            out.insert(position + 1, f"{column}{SIMPLIFIED}", simplified)
    return out


class Table:
    def __init__(self, frame: pd.DataFrame, name: str, caption: str, source: str):
        from itables import to_html_datatable

        self.name = name
        frame = frame.rename(columns=column_titles())  # headers of the table and its CSV: the schemas' titles
        frame = with_simplified(frame)
        # the Simplified forms are searched, not shown (DataTables searches hidden columns too)
        hidden = [i for i, column in enumerate(frame.columns) if str(column).endswith(SIMPLIFIED)]
        SITE_DATA.mkdir(parents=True, exist_ok=True)
        frame.to_csv(SITE_DATA / f"{name}.csv", index=False, encoding="utf-8")
        shown = frame.astype(object).where(frame.notna(), "")  # blank cells, not NaN/None
        self.body = to_html_datatable(
            shown, connected=False, showIndex=False, maxBytes=0, pageLength=10, caption=caption,
            classes="display compact", columnDefs=[{"targets": hidden, "visible": False}] if hidden else [],
            layout={"topStart": "pageLength", "topEnd": "search",
                                               "bottomStart": "info", "bottomEnd": "paging"},
            language={"search": "搜索：", "lengthMenu": "每页 _MENU_ 行", "info": "第 _START_–_END_ 行，共 _TOTAL_ 行",
                      "infoEmpty": "无记录", "zeroRecords": "没有匹配的记录", "infoFiltered": "（从 _MAX_ 行中筛选）"},
        )
        self.caption, self.source = caption, source

    def _repr_html_(self) -> str:
        link = f"{site_prefix()}/_static/figures/{self.name}.csv"
        return (f'<div class="cnai-table" id="table-{self.name}">{self.body}'
                f'<p class="cnai-table-note">来源：{html.escape(self.source)} · '
                f'<a class="cnai-csv" href="{link}" download>下载全表（CSV）</a></p></div>')


def searchable(frame: pd.DataFrame, *, name: str, caption: str, source: str) -> Table:
    """A table readers can search and sort in the browser, with its CSV; no network needed. Column names get their
    Chinese titles from the schemas (cnai.views.columns), in the page and in the CSV."""
    return Table(frame, name, caption, source)


def _cell(value) -> str:
    """Numbers as written in prose: 2.3 rather than 2.300000, whole numbers without a decimal point."""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


class PlainTable:
    def __init__(self, frame: pd.DataFrame, caption: str):
        self.frame, self.caption = frame, caption

    def _repr_html_(self) -> str:
        uuid = hashlib.sha256(self.caption.encode()).hexdigest()[:8]  # stable ids: two builds give the same page
        return (Styler(self.frame, uuid=uuid, cell_ids=False)
                .hide(axis="index")
                .format(_cell, na_rep="")
                .set_caption(self.caption)
                .set_table_attributes('class="dataframe cnai-plain"')  # the theme pads .dataframe tables
                .to_html())


def plain(frame: pd.DataFrame, *, caption: str, columns: dict[str, str] | None = None) -> PlainTable:
    """A small static table with a caption: named index levels become ordinary columns, column names get their
    Chinese titles (`columns`, else the titles the schemas give), empty cells stay empty (no NaN)."""
    named_index = any(name is not None for name in frame.index.names)
    shown = frame.reset_index() if named_index else frame.reset_index(drop=True)
    shown.columns = [(columns or {}).get(c, column_titles().get(c, c)) for c in shown.columns]
    return PlainTable(shown, caption)
