"""The Chatbot Arena history snapshot as a tidy table, checked against the raw CSV read with the csv module."""

import csv
import shutil

import pytest

from cnai import paths, registry
from cnai.errors import MappingError
from cnai.external.arena_history import arena_history, arena_history_gap, win_share

RAW = paths.EXTERNAL / "arena_history" / "alltime.csv"
# organisations that alltime.csv's own Organization column names and that are in China (read off the column's
# 48 distinct values by hand)
CHINESE_AS_WRITTEN = {"01 AI", "Alibaba", "DeepSeek", "DeepSeek AI", "InternLM", "StepFun", "Tencent", "Tsinghua",
                      "Zhipu", "Zhipu AI"}


def raw_rows() -> list[dict]:
    with RAW.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_row_is_kept_with_its_date_and_rating():
    table = arena_history()
    rows = raw_rows()
    # 13,434 rows and 105 dates (20230508 … 20250326), as the snapshot record says
    assert len(table) == len(rows) == 13434
    assert table["snapshot_date"].nunique() == 105
    assert (table["snapshot_date"].min(), table["snapshot_date"].max()) == ("2023-05-08", "2025-03-26")
    first = table[(table["snapshot_date"] == "2023-05-08") & (table["model_key"] == "chatglm-6b")]
    assert first["rating"].item() == pytest.approx(918.2202296788714)


def test_registry_countries_agree_with_the_datasets_own_organisations():
    table = arena_history()
    registry_cn = set(table.loc[table["country"] == "CN", "model_key"])
    written_cn = {r["key"] for r in raw_rows() if r["Organization"] in CHINESE_AS_WRITTEN}
    assert registry_cn == written_cn


def test_an_unmapped_key_fails_naming_the_registry_file(tmp_path, monkeypatch):
    folder = tmp_path / "registry"
    shutil.copytree(paths.REGISTRY, folder)
    models = folder / "models.yml"
    models.write_text(models.read_text(encoding="utf-8").replace("aliases: [athene-70b, ", "aliases: ["),
                      encoding="utf-8")
    monkeypatch.setattr(paths, "REGISTRY", folder)
    with pytest.raises(MappingError, match=r"arena_history/alltime\.csv.*'athene-70b'.*models\.yml"):
        arena_history()
    assert registry.resolve("athene-70b", "model") is None


def test_win_share_on_the_elo_scale():
    # 1 / (1 + 10^(400/400)) = 1/11; equal ratings split the votes
    assert win_share(400) == pytest.approx(1 / 11)
    assert win_share(0) == 0.5


def test_gap_rank_of_the_first_leaderboard():
    gap = arena_history_gap(arena_history()).set_index("snapshot_date")
    # alltime.csv 20230508: 13 models; chatglm-6b (918.22) is the only Chinese one and 7 models rate higher
    rows = [r for r in raw_rows() if r["date"] == "20230508"]
    higher = sum(float(r["rating"]) > 918.2202296788714 for r in rows)
    assert (gap.loc["2023-05-08", "models"], higher) == (13, 7)
    assert gap.loc["2023-05-08", "china_rank"] == 8
