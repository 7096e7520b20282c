"""Column metadata lives in the pandera schemas: every column has a title, tooltips and table headers read them."""
import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.typing import Series

from cnai.data import PIPELINE_SCHEMAS
from cnai.errors import MappingError
from cnai.facts.schemas import CURATED
from cnai.views import columns


def test_every_column_of_every_schema_has_a_title():
    untitled = [(name, col) for name, model in {**PIPELINE_SCHEMAS, **CURATED, "views": columns.ViewColumns}.items()
                for col, spec in model.to_schema().columns.items() if not spec.title]
    assert untitled == []


def test_every_curated_column_says_what_it_holds():
    undescribed = [(name, col) for name, model in CURATED.items()
                   for col, spec in model.to_schema().columns.items() if not spec.description]
    assert undescribed == []


def test_one_name_has_one_title_across_the_book():
    titles = columns.column_titles()
    # written in the schemas: models.quote, paragraphs.doc_id, the views' own scope (models and counts disagree)
    assert titles["quote"] == "原文引语" and titles["doc_id"] == "来源文档" and titles["scope"] == "范围"


def test_two_schemas_titling_a_name_differently_is_an_error():
    class A(pa.DataFrameModel):
        scope: Series[str] = pa.Field(title="范围")

    class B(pa.DataFrameModel):
        scope: Series[str] = pa.Field(title="通用/行业")

    with pytest.raises(MappingError, match=r"ViewColumns: {.scope.: \[.范围., .通用/行业.\]}"):
        columns.merged_titles([A, B], decided={})
    assert columns.merged_titles([A, B], decided={"scope": "类别"})["scope"] == "类别"


def test_tooltips_and_table_headers_take_the_schema_titles(tmp_path, monkeypatch):
    import altair as alt

    from cnai.site import charts, tables

    monkeypatch.setattr(charts, "SITE_DATA", tmp_path)
    monkeypatch.setattr(tables, "SITE_DATA", tmp_path)
    frame = pd.DataFrame({"model": ["文心一言"], "params_b": [260.0], "quote": ["文心一言……2600亿参数"]})
    chart = alt.Chart(frame).mark_point().encode(x="params_b:Q", tooltip=["model", "quote"])
    figure = charts.show(chart, name="t", source="测试", description="测试")
    tooltip = figure.spec["encoding"]["tooltip"]
    assert [t["title"] for t in tooltip] == ["模型", "原文引语"]
    tables.searchable(frame, name="t2", caption="测试", source="测试")
    assert (tmp_path / "t2.csv").read_text(encoding="utf-8").splitlines()[0] == "模型,参数（十亿）,原文引语"


def test_each_view_column_is_titled_once():
    # a class body that names a column twice keeps only the last title, silently: chapters then show another
    # chapter's meaning in their tooltips
    import ast
    import inspect

    from cnai.views import columns

    tree = ast.parse(inspect.getsource(columns.ViewColumns))
    names = [node.target.id for node in ast.walk(tree) if isinstance(node, ast.AnnAssign)]
    assert sorted({n for n in names if names.count(n) > 1}) == []
