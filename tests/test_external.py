"""Outside evidence: the tidy tables read their snapshots faithfully, the registry joins names or fails naming what to
add, and the derived tables hold the values read off the raw files by hand."""
import hashlib
import shutil

import pandas as pd
import pytest
import yaml

from cnai import data, paths, registry
from cnai.errors import CorpusError, InputError, MappingError
from cnai.external import derived
from cnai.external.arena import arena_models, arena_ratings
from cnai.external.epoch_clusters import gpu_clusters
from cnai.external.epoch_hardware import accelerators
from cnai.external.epoch_models import countries, epoch_models


# ---- tidy steps ----

def test_epoch_models_keep_epochs_values_and_flag_china():
    models = epoch_models()
    notable = models[models["dataset"] == "notable"]
    # RECEIVED.md: 954 notable rows, 131 from organisations in China (Epoch's country field names China or Hong Kong)
    assert len(notable) == 954 and notable["is_china"].sum() == 131
    # first data row of notable_ai_models.csv, read in a text editor
    pangu = notable.set_index("model").loc["Pangu Ultra"]
    assert (pangu["organisation"], pangu["publication_date"], pangu["parameters"], pangu["training_compute_flop"],
            pangu["training_hardware"], pangu["confidence"], pangu["link"], pangu["row"]) == (
        "Huawei", "2025-04-10", 135e9, 1.0692e25, "Huawei Ascend 910B", "Confident", "https://arxiv.org/abs/2504.07866", 1)
    assert pangu["region"] == "CN"


def test_epoch_country_lists_keep_hong_kong_china_whole():
    assert countries("China,Hong Kong,China,China") == ["China", "Hong Kong,China"]
    assert countries("Korea (Republic of),China,United States of America") == [
        "Korea (Republic of)", "China", "United States of America"]


def test_accelerators_hold_the_h20_and_the_ascend_910b_as_epoch_gives_them():
    chips = accelerators().set_index("name")
    # ml_hardware.csv line 60: NVIDIA HGX H20, 2023-11-09, tensor FP16/BF16 1.48e14, memory 9.6e10, bandwidth 4e12, TDP 400
    h20 = chips.loc["NVIDIA HGX H20"]
    assert (h20["release_date"], h20["tensor_fp16_bf16_flops"], h20["memory_bytes"], h20["memory_bandwidth"],
            h20["tdp_watts"], h20["maker_id"], h20["chip_id"]) == (
        "2023-11-09", 1.48e14, 9.6e10, 4e12, 400.0, "nvidia", "nvidia_hgx_h20")
    ascend = chips.loc["Huawei Ascend 910B"]
    assert ascend["maker_country"] == "CN" and ascend["fp16_flops"] == 3.76e14
    assert pd.isna(ascend["tensor_fp16_bf16_flops"])


def test_gpu_clusters_read_american_dates_and_count_china():
    clusters = gpu_clusters()
    # RECEIVED.md: 786 clusters, 253 in China
    assert len(clusters) == 786 and clusters["is_china"].sum() == 253
    # gpu_clusters.csv record 62 (line 149, a China row): first operational 12/15/2024, 30000 H100e, Existing, Confirmed
    row = clusters.set_index("row").loc[62]
    assert (row["country"], row["first_operational_date"], row["h100_equivalents"], row["status"], row["certainty"]) == (
        "China", "2024-12-15", 30000.0, "Existing", "Confirmed")
    assert pd.isna(row["owner"])  # anonymised by Epoch


def test_arena_ratings_hold_every_file_and_the_scatterplot_prices():
    ratings = arena_ratings()
    assert sorted(ratings["snapshot_date"].unique()) == ["2025-03-07", "2025-04-04", "2025-05-27", "2025-11-05", "2025-12-11"]
    models = arena_models().set_index("model_key")
    # scatterplot-data.json, first record: GPT-4o, OpenAI, 2.5 / 10 USD per million tokens
    assert tuple(models.loc["chatgpt-4o-latest-20241120", ["organisation_id", "input_price_usd", "output_price_usd"]]) == (
        "openai", 2.5, 10.0)


# ---- derived tables ----

def test_frontier_gap_on_the_last_leaderboard():
    gap = data.load("frontier_gap").set_index(["snapshot_date", "category"])
    row = gap.loc[("2025-12-11", "full")]
    # leaderboard-text_2025-12-11.json, category full, sorted by rating by hand (jq): gemini-3-pro 1486.6027 leads;
    # the first key of a Chinese developer down the list is ernie-5.0-preview-1103 at 1445.8128 (Baidu), 6th place
    assert (row["best_model"], row["china_model"], row["china_organisation"]) == (
        "gemini-3-pro", "ernie-5.0-preview-1103", "baidu")
    assert row["best_rating"] == pytest.approx(1486.6027, abs=1e-4)
    assert row["china_rating"] == pytest.approx(1445.8128, abs=1e-4)
    assert row["gap"] == pytest.approx(40.79, abs=0.01)
    # ernie's interval [1436.98, 1454.64] does not reach gemini's lower end 1480.40
    assert not row["intervals_overlap"]


def test_accelerator_specs_compare_chinese_makers_with_nvidia():
    specs = data.load("accelerator_specs").set_index("name")
    assert specs.loc["NVIDIA HGX H20", "china_market"] and specs.loc["NVIDIA HGX H20", "group"] == "nvidia"
    # Ascend 910B has no tensor FP16/BF16 figure in the CSV, only FP16 (half precision) 3.76e14
    assert (specs.loc["Huawei Ascend 910B", "fp16_flops"], specs.loc["Huawei Ascend 910B", "fp16_basis"]) == (3.76e14, "fp16")
    assert set(specs["group"]) == {"china", "nvidia"}


def _models(rows):
    columns = ["dataset", "model", "publication_date", "region", "training_compute_flop", "open_weights"]
    return pd.DataFrame(rows, columns=columns).astype({"open_weights": "boolean"})


def test_compute_by_country_year_counts_and_largest_run():
    frame = _models([
        ("notable", "a", "2024-01-01", "CN", 1e24, True),
        ("notable", "b", "2024-05-01", "CN", 3e24, False),
        ("notable", "c", "2024-06-01", "CN", None, None),
        ("notable", "d", "2024-02-01", "US", 5e25, False),
        ("large_scale", "e", "2024-02-01", "US", 9e26, True),  # not a notable row: left out
    ])
    out = derived.compute_by_country_year(frame).set_index("region")
    # by hand: CN has 3 models, 2 with compute, the largest b at 3e24, 1 open of 2 known
    assert tuple(out.loc["CN", ["models", "with_compute", "largest_model", "largest_compute_flop", "open_weights",
                                "accessibility_known", "open_share"]]) == (3, 2, "b", 3e24, 1, 2, 0.5)
    assert out.loc["US", "largest_model"] == "d"


def test_cluster_share_is_cumulative_and_leaves_out_planned_and_duplicates():
    columns = ["name", "is_china", "h100_equivalents", "first_operational_date", "status", "possible_duplicate"]
    frame = pd.DataFrame([
        ("a", True, 100.0, "2022-03-01", "Existing", False),
        ("b", False, 300.0, "2022-05-01", "Existing", False),
        ("c", True, 200.0, "2023-01-01", "Decommissioned", False),
        ("d", True, 999.0, "2023-01-01", "Planned", False),
        ("e", False, 999.0, "2023-01-01", "Existing", True),
        ("f", False, 400.0, "2023-07-01", "Existing", False),
    ], columns=columns)
    out = derived.cluster_share(frame).set_index("year")
    # by hand: 2022 China 100 of 400 (0.25); 2023 adds China 200, world 600: 300 of 1000 (0.3)
    assert out.loc[2022, "china_share"] == 0.25 and out.loc[2023, "china_share"] == 0.3
    assert out.loc[2023, "world_clusters"] == 2


def test_the_new_tables_are_listed_by_the_loader():
    assert {"epoch_models", "accelerators", "gpu_clusters", "arena_ratings", "arena_models", "frontier_gap",
            "accelerator_specs", "compute_by_country_year", "cluster_share"} <= set(data.names())


# ---- registry ----

def test_registry_lookup_tries_case_and_script():
    assert registry.lookup("智譜", "organisation", "test") == "zhipu"  # Traditional script
    assert registry.lookup("  zhipu   AI ", "organisation", "test") == "zhipu"  # case and spacing
    assert registry.lookup("文心一言", "model", "test") == "ernie"
    assert registry.lookup("昇騰910B", "chip", "test") == "huawei_ascend_910b"


def test_models_registry_agrees_with_lmarenas_own_organisation_field():
    # two sources for the same fact: scatterplot-data.json names an organisation for 116 leaderboard keys,
    # models.yml (written independently, by key prefix) gives each key's family and its organisation
    models = arena_models()
    keys = set(arena_ratings()["model_key"])
    shared = models[models["model_key"].isin(keys)]
    families = registry.harmonize(shared["model_key"], "model", "test")
    ours = registry.attribute(families, "model", "organisation")
    assert len(shared) > 100 and (ours == shared["organisation_id"]).all(), shared[ours != shared["organisation_id"]]


def test_every_model_and_chip_names_a_registered_organisation():
    registry.check_references()


@pytest.fixture
def small_registry(tmp_path):
    folder = tmp_path / "registry"
    folder.mkdir()
    (folder / "organisations.yml").write_text(
        "- {id: baidu, zh_hans: 百度, en: Baidu, aliases: [], country: CN, kind: company}\n", encoding="utf-8")
    return folder


def test_an_unmapped_name_fails_naming_source_names_and_file(small_registry):
    values = pd.Series(["Baidu", "Acme Robotics", "Zeta Labs", None])
    with pytest.raises(MappingError) as caught:
        registry.harmonize(values, "organisation", "awesome_robots/brands.json", small_registry)
    message = str(caught.value)
    assert "awesome_robots/brands.json" in message and "'Acme Robotics'" in message and "'Zeta Labs'" in message
    assert str(small_registry / "organisations.yml") in message and "'Baidu'" not in message


def test_a_name_given_to_two_entries_fails(small_registry):
    with (small_registry / "organisations.yml").open("a", encoding="utf-8") as handle:
        handle.write("- {id: other, en: Other, aliases: [百度], country: CN, kind: company}\n")
    with pytest.raises(MappingError, match="'百度' names both 'baidu' and 'other'"):
        registry.entries("organisation", small_registry)


# ---- damaged snapshots ----

@pytest.fixture
def hardware_copy(tmp_path, monkeypatch):
    """A writable copy of the epoch_hardware snapshot that the tidy step reads instead of data/raw/external."""
    folder = tmp_path / "external"
    folder.mkdir()
    shutil.copytree(paths.EXTERNAL / "epoch_hardware", folder / "epoch_hardware")
    for name in ("epoch_hardware.meta.yml", "licences.yml"):
        shutil.copy(paths.EXTERNAL / name, folder / name)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    monkeypatch.setattr(paths, "EXTERNAL", folder)
    return folder


def _damage(folder, old: bytes, new: bytes, update_record: bool) -> None:
    csv = folder / "epoch_hardware" / "ml_hardware.csv"
    content = csv.read_bytes()
    assert content.count(old) == 1
    csv.write_bytes(content.replace(old, new))
    if update_record:
        record = folder / "epoch_hardware.meta.yml"
        meta = yaml.safe_load(record.read_text(encoding="utf-8"))
        meta["files"][0]["sha256"] = hashlib.sha256(csv.read_bytes()).hexdigest()
        record.write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")


def test_a_non_number_fails_naming_file_row_and_column(hardware_copy):
    # the H20's TDP "400.0" (file line 60, the 25th record: earlier records span several lines) becomes "400 W"; the record's checksum is updated to match
    _damage(hardware_copy, b"96000000000.0,4000000000000.0,,,400.0,", b"96000000000.0,4000000000000.0,,,400 W,", True)
    with pytest.raises(InputError) as caught:
        accelerators()
    message = str(caught.value)
    assert "ml_hardware.csv: row 25 (line 60) (Hardware name 'NVIDIA HGX H20'), column 'TDP (W)'" in message
    assert "'400 W' is not a number" in message


def test_a_bad_date_fails_naming_file_row_and_column(hardware_copy):
    _damage(hardware_copy, b"NVIDIA HGX H20,NVIDIA,GPU,,2023-11-09,", b"NVIDIA HGX H20,NVIDIA,GPU,,Nov 2023,", True)
    with pytest.raises(InputError, match=r"ml_hardware.csv: row 25 \(line 60\) .*column 'Release date'.*'Nov 2023' is not a date"):
        accelerators()


def test_a_changed_byte_stops_the_tidy_step(hardware_copy):
    _damage(hardware_copy, b"NVIDIA HGX H20,", b"NVIDIA HGX H21,", False)
    with pytest.raises(CorpusError, match="ml_hardware.csv: sha256 .* differs from the record"):
        accelerators()


def test_api_models_read_the_cards_and_follow_copied_links():
    cards = data.load("api_models").set_index(["provider", "model_id"])
    # providers/deepseek/models/deepseek-chat.toml: release 2025-12-01, open weights, 0.14 / 0.28 USD, context 1_000_000
    chat = cards.loc[("deepseek", "deepseek-chat")]
    assert (chat["release_date"], bool(chat["open_weights"]), chat["input_price_usd"], chat["output_price_usd"],
            chat["context_tokens"], chat["country"]) == ("2025-12-01", True, 0.14, 0.28, 1e6, "CN")
    # providers/alibaba-cn/models/qwen3-coder-plus.toml holds only "../../alibaba/models/qwen3-coder-plus.toml"
    linked = cards.loc[("alibaba-cn", "qwen3-coder-plus")]
    assert linked["card_found"] and linked["input_price_usd"] == cards.loc[("alibaba", "qwen3-coder-plus"), "input_price_usd"]
    # the zhipuai cards link to providers/zai, which the snapshot does not hold: kept, values blank
    assert not cards.loc[("zhipuai", "glm-4.6"), "card_found"]
