"""The claims appendix: every count/forecast row has a decision in data/mappings/claims.yml, a decision that names
a row that does not exist fails naming the file, and the pairs the page shows agree with the raw files.

Values marked "csv module" were read with `csv.DictReader` from the named raw or curated file (not through the
loader or the view), so that a reader can check them by eye."""
import csv
import re

import pandas as pd
import pytest
import yaml

from cnai import paths
from cnai.errors import MappingError
from cnai.views import claims


@pytest.fixture(autouse=True)
def fresh():
    """Tests that edit the decisions or the curated rows see the view recomputed (the outside tables stay
    cached: no test changes them)."""
    claims._claims.cache_clear()
    claims._known_ids.cache_clear()
    yield
    claims._claims.cache_clear()
    claims._known_ids.cache_clear()


def _csv_row(path, column, value) -> dict:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row[column] == value]
    assert len(rows) == 1, (path, value)
    return rows[0]


def _edited(monkeypatch, old: str, new: str) -> None:
    """The view reads data/mappings/claims.yml with `old` replaced by `new` (the file itself is untouched)."""
    text = (paths.MAPPINGS / "claims.yml").read_text(encoding="utf-8")
    assert old in text, old
    content = yaml.safe_load(text.replace(old, new))
    monkeypatch.setattr(claims, "read", lambda name: content)


def _claim(ref: str) -> pd.Series:
    return claims.claims().set_index("claim").loc[ref]


# --- hand-checked pairs ---------------------------------------------------------------------------------------

def test_near_200_filed_services_stand_beside_the_regulators_302_at_the_end_of_2024():
    # csv module over data/curated/model_counts.csv, row c-012: value 200, qualifier nearly (近), as_of 2024-10-19,
    # quote "...已有近200个生成式人工智能服务大模型完成备案并上线..." (央广网, reporting MIIT)
    c012 = _csv_row(paths.CURATED / "model_counts.csv", "row_id", "c-012")
    assert (c012["value"], c012["qualifier_text"], c012["as_of_date"]) == ("200", "近", "2024-10-19")
    assert "近200个" in c012["quote"] and "备案" in c012["quote"]
    # csv module over data/curated/filings.csv, row f-001: 302 services filed with the CAC by 2024-12-31, quote
    # "截至2024年12月31日，共302款生成式人工智能服务在国家网信办完成备案"
    f001 = _csv_row(paths.CURATED / "filings.csv", "row_id", "f-001")
    assert (f001["count"], f001["as_of_date"], f001["unit"], f001["cumulative"]) == ("302", "2024-12-31", "services", "yes")
    assert "共302款" in f001["quote"]

    row = _claim("model_counts/c-012")
    assert (row["claimed"], row["later"]) == (200, 302)
    assert row["later_date"] == pd.Timestamp("2024-12-31")
    assert row["definition"] == "相同"
    # 200 / 302 = 0.662, more than 10 % short: 低估; 2024-10-19 → 2024-12-31 is 73 days = 2.4 months of 30.44 days
    assert row["verdict"] == "低估"
    assert row["gap_months"] == 2.4
    assert "共302款" in row["later_detail"]
    # the same sentence recorded as market_metrics mm-017 (200个, 工信部) gets the same check
    assert _claim("market_metrics/mm-017")[["later", "verdict"]].tolist() == [302, "低估"]


def test_kunlun_ii_int8_and_fp16_match_epochs_hardware_database():
    # csv module over data/curated/chips.csv: chip_002 is 256 TOPS@INT8, chip_003 128 TFLOPS@FP16 (昆仑2代)
    assert _csv_row(paths.CURATED / "chips.csv", "chip_id", "chip_002")["spec_value"] == "256"
    assert _csv_row(paths.CURATED / "chips.csv", "chip_id", "chip_003")["spec_value"] == "128"
    # csv module over the raw snapshot data/raw/external/epoch_hardware/ml_hardware.csv, row "Baidu Kunlun II":
    # INT8 performance 2.56e14 OP/s = 256 TOPS, FP16 performance 1.28e14 FLOP/s = 128 TFLOPS
    raw = _csv_row(paths.EXTERNAL / "epoch_hardware" / "ml_hardware.csv", "Hardware name", "Baidu Kunlun II")
    assert float(raw["INT8 performance (OP/s)"]) == 2.56e14
    assert float(raw["FP16 (half precision) performance (FLOP/s)"]) == 1.28e14
    for ref, later in (("chips/chip_002", 256), ("chips/chip_003", 128)):
        row = _claim(ref)
        assert row["later"] == pytest.approx(later)
        assert row["verdict"] == "基本相符"


def test_a100_80gb_memory_matches_and_blackwell_memory_is_within_ten_percent():
    # csv module over ml_hardware.csv: "NVIDIA A100 SXM4 80 GB" Memory 8.0e10 bytes = 80 GB (the report: 80GB);
    # "NVIDIA B200" Memory 1.8e11 bytes = 180 GB against the report's 192 GB: 192 / 180 = 1.067, inside ±10 %
    raw = paths.EXTERNAL / "epoch_hardware" / "ml_hardware.csv"
    assert float(_csv_row(raw, "Hardware name", "NVIDIA A100 SXM4 80 GB")["Memory (bytes)"]) == 8.0e10
    assert float(_csv_row(raw, "Hardware name", "NVIDIA B200")["Memory (bytes)"]) == 1.8e11
    assert _claim("chips/chip_020")[["later", "verdict"]].tolist() == [pytest.approx(80), "基本相符"]
    assert _claim("chips/chip_028")[["claimed", "later", "verdict"]].tolist() == [192, pytest.approx(180), "基本相符"]


def test_gpt3_gpu_count_is_shown_beside_epochs_record_without_a_verdict():
    # the report (chips.csv chip_017): 1024 块 A100 for 34 days, an estimate; csv module over the raw
    # data/raw/external/epoch_models/notable_ai_models.csv, row "GPT-3 175B (davinci)": Hardware quantity 10000
    # (of V100s): a different definition, so no verdict
    raw = _csv_row(paths.EXTERNAL / "epoch_models" / "notable_ai_models.csv", "Model", "GPT-3 175B (davinci)")
    assert float(raw["Hardware quantity"]) == 10000
    row = _claim("chips/chip_017")
    assert (row["claimed"], row["later"], row["definition"], row["verdict"]) == (1024, 10000, "不同", "口径不同")
    assert row["difference"] and "V100" in row["difference"]


def test_verdict_rule():
    # the rule stated on the page: within ±10 % 基本相符, otherwise 低估 / 高估; a different definition gets none
    assert claims.verdict(91, 100, True) == "基本相符"
    assert claims.verdict(110, 100, True) == "基本相符"
    assert claims.verdict(89, 100, True) == "低估"
    assert claims.verdict(111, 100, True) == "高估"
    assert claims.verdict(50, 100, False) == "口径不同"


# --- completeness and the decisions file ----------------------------------------------------------------------

def test_every_count_and_forecast_row_has_a_decision():
    missing = claims.undecided()
    assert not missing, (f"no decision for {missing}: add each to data/mappings/claims.yml (a check, or "
                         "checkable: no with a reason)")
    frame = claims.claims()
    # csv module: model_counts.csv has 21 rows (c-001…c-021), market_metrics.csv 180 (mm-001…mm-180),
    # policy_targets.csv 9; chip_investments.csv has 3 rows with a value (inv_001, inv_002, inv_006) and chips.csv
    # 23 rows with a spec_value; robots.csv one row whose year is after its document's (robot_013, 2025)
    counts = frame["claim"].str.split("/").str[0].value_counts().to_dict()
    assert counts == {"market_metrics": 180, "chips": 23, "model_counts": 21, "policy_targets": 9,
                      "chip_investments": 3, "robots": 1}
    checked = frame[frame["later"].notna()]
    unchecked = frame[frame["later"].isna()]
    assert unchecked["reason"].notna().all() and (unchecked["verdict"] == "用这些来源无法核对").all()
    assert checked["reason"].isna().all() and checked["later_source"].notna().all()


def test_a_new_curated_row_without_a_decision_fails_saying_to_add_it(monkeypatch):
    real_load = claims.load
    metrics = real_load("market_metrics")
    extra = metrics.iloc[[0]].assign(metric_id="mm-999")
    grown = pd.concat([metrics, extra], ignore_index=True)
    monkeypatch.setattr(claims, "load", lambda name: grown if name == "market_metrics" else real_load(name))
    assert claims.undecided() == ["market_metrics/mm-999"]
    with pytest.raises(MappingError, match=r"claims\.yml: no decision for \['market_metrics/mm-999'\]: add each"):
        claims.claims()


def test_an_unknown_claim_row_id_names_the_file(monkeypatch):
    _edited(monkeypatch, "rows: [model_counts/c-015]", "rows: [model_counts/c-099]")
    with pytest.raises(MappingError, match=r"claims\.yml entry \d+: 'model_counts/c-099': no row 'c-099' in "
                                           r"data/curated/model_counts\.csv"):
        claims.claims()


def test_an_unknown_check_row_id_names_the_file(monkeypatch):
    _edited(monkeypatch, "{table: filings, row: f-001}", "{table: filings, row: f-999}")
    with pytest.raises(MappingError, match=r"claims\.yml entry 1: filings has 0 rows for \{'row_id': 'f-999'\}"):
        claims.claims()


def test_a_claim_decided_twice_is_refused(monkeypatch):
    _edited(monkeypatch, "rows: [model_counts/c-004]", "rows: [model_counts/c-004, model_counts/c-012]")
    with pytest.raises(MappingError, match=r"decided more than once: \['model_counts/c-012'\]"):
        claims.claims()


def test_a_reason_code_missing_from_the_labels_file_names_it(monkeypatch):
    _edited(monkeypatch, "rows: [model_counts/c-015]\n    checkable: no\n    reason: regional",
            "rows: [model_counts/c-015]\n    checkable: no\n    reason: city_only")
    with pytest.raises(MappingError, match=r"'city_only' is not in .*labels\.yml under 'claim_reason'"):
        claims.claims()


# --- the page -------------------------------------------------------------------------------------------------

def test_every_glued_number_of_the_page_comes_from_the_view():
    page = (paths.ROOT / "appendix" / "claims.md").read_text(encoding="utf-8")
    used = set(re.findall(r"\{glue:text\}`(\w+)`", page))
    assert used and used <= set(claims.headline_numbers())


def test_headline_counts_add_up():
    numbers = claims.headline_numbers()
    # 233 claims = 27 with a later figure + 206 marked not checkable; 27 = 13 same-definition + 14 different
    assert int(numbers["n_checkable"]) + int(numbers["n_unchecked"]) == int(numbers["n_claims"])
    assert int(numbers["n_same"]) + int(numbers["n_different"]) == int(numbers["n_checkable"])
    assert (int(numbers["n_under"]) + int(numbers["n_match"]) + int(numbers["n_over"])) == int(numbers["n_same"])
    assert (numbers["filed_claimed"], numbers["filed_later"]) == ("200", "302")
