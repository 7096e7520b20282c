"""Searchable tables match a name in either script."""
import json
import re

import pandas as pd

from cnai.site import tables


def test_a_traditional_name_gets_a_hidden_simplified_column(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "SITE_DATA", tmp_path)
    frame = pd.DataFrame({"公司名": ["攜程", "百度"], "note": ["问道", "文心一言"], "n": [1, 2]})
    table = tables.searchable(frame, name="t", caption="测试", source="测试")
    # 攜程 -> 携程 by hand (攜 is the Traditional form of 携); the all-Simplified column gets no companion
    csv = pd.read_csv(tmp_path / "t.csv")
    assert list(csv.columns) == ["公司名", "公司名（简体）", "note", "n"]
    assert csv["公司名（简体）"].tolist() == ["携程", "百度"]
    rows = json.loads(json.loads(re.search(r'"data_json": ("(?:[^"\\]|\\.)*")', table.body).group(1)))
    assert rows[0][:2] == ["攜程", "携程"]  # the data DataTables searches holds both forms
    defs = re.search(r'"columnDefs": (\[\{.*?\}\])', table.body)
    assert defs and json.loads(defs.group(1)) == [{"targets": [1], "visible": False}]


def test_a_table_all_in_simplified_has_no_extra_column():
    frame = pd.DataFrame({"name": ["携程"], "n": [1.0]})
    assert tables.with_simplified(frame).equals(frame)
