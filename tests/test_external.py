"""Outside evidence: the tidy tables read their snapshots faithfully, the registry joins names or fails naming what to
add, and the derived tables hold the values read off the raw files by hand."""
import hashlib

import pandas as pd
import pytest
import yaml
from conftest import copy_snapshot

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
def hardware_copy(snapshot_copy, monkeypatch):
    """The copy of the epoch_hardware snapshot (conftest.snapshot_copy), read by the tidy step instead of data/raw."""
    monkeypatch.setattr(paths, "EXTERNAL", snapshot_copy)
    return snapshot_copy


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


# ---- the community list of Chinese large models ----

def test_china_model_list_counts_the_rows_of_the_first_and_the_last_version():
    rows = data.load("china_model_list")
    per_file = rows.groupby("file").size()
    # README_2023-05-22_00475a6.md, read by hand: rows 1-13 of 大模型列表 (rows 14-99 are placeholders "|25| | | |")
    # and 2 rows (知乎, 晓多科技) in the table under 大模型无官方链接; the 国外大模型 table is not read
    assert per_file["history/README_2023-05-22_00475a6.md"] == 15
    # README_2024-11-30_f2a1119.md: `awk 'NR>36 && NR<286' … | grep -c '^|'` (the rows between the delimiter line 36
    # and the heading 国外大模型 at line 286) gives 247
    assert per_file["history/README_2024-11-30_f2a1119.md"] == 247
    # `ls history | cut -d_ -f2 | sort -u | wc -l`: 35 dates; 57 files, of which README_2023-05-22_f2439e2.md holds no table
    assert rows["version_date"].nunique() == 35 and rows["file"].nunique() == 56
    first = rows[(rows["file"] == "history/README_2024-11-30_f2a1119.md") & (rows["number"] == 1)].iloc[0]
    # line 37: |1|百度| [文心一言](https://yiyan.baidu.com)|北京|通用|✔|有APP|
    assert (first["line"], first["company"], first["organisation_id"], first["model"], first["links"], first["province"],
            first["category"], first["official_site"], first["note"]) == (
        37, "百度", "baidu", "文心一言", "https://yiyan.baidu.com", "北京", "通用", "✔", "有APP")


def test_an_irregular_row_is_read_as_the_readings_file_says():
    rows = data.load("china_model_list").set_index(["file", "line"])
    # README_2023-11-05_3817c7b.md line 203 "|180|北京理工大学东南信息技术研究院|明德|福建莆田|通用|MindLLM|" leaves out the
    # 官网 cell; data/readings/awesome_llms_in_china.yml moves MindLLM to 说明
    row = rows.loc[("history/README_2023-11-05_3817c7b.md", 203)]
    assert (row["model"], row["province"], row["category"], row["note"]) == ("明德", "福建莆田", "通用", "MindLLM")
    assert pd.isna(row["official_site"])


def test_model_list_first_seen_dates_read_off_the_files():
    seen = data.load("model_list_first_seen").set_index(["model", "organisation"])
    # `grep -l '文心一言' history/*.md | head -1` and the same for the others (file names sort by date)
    assert seen.loc[("文心一言", "baidu"), "first_seen"] == "2023-05-22"
    assert seen.loc[("通义千问", "alibaba"), "first_seen"] == "2023-05-22"
    assert seen.loc[("豆包", "bytedance"), "first_seen"] == "2023-09-09"  # README_2023-09-09_61a82a3.md
    doubao = seen.loc[("Deepseek Coder", "deepseek")]  # README_2023-11-05_3817c7b.md line 30: 浙江杭州|代码
    assert (doubao["first_seen"], doubao["province"], doubao["category"]) == ("2023-11-05", "浙江杭州", "代码")
    # 通义千问 is listed from the start without a province; 省市 first appears in README_2023-05-28_*.md as 浙江杭州
    assert seen.loc[("通义千问", "alibaba"), "province"] == "浙江杭州"


def test_model_list_counts_run_up_to_the_number_of_models():
    counts = data.load("model_list_counts")
    seen = data.load("model_list_first_seen")
    last = counts[counts["first_seen"] == counts["first_seen"].max()]
    for dimension in ("province", "category"):
        assert last[last["dimension"] == dimension]["cumulative"].sum() == len(seen)


@pytest.fixture
def llm_list_copy(tmp_path, monkeypatch):
    """A writable copy of the awesome_llms_in_china snapshot that the tidy step reads instead of data/raw/external."""
    folder = copy_snapshot("awesome_llms_in_china", tmp_path)
    monkeypatch.setattr(paths, "EXTERNAL", folder)
    return folder


def test_a_malformed_list_row_fails_naming_file_line_and_column(llm_list_copy):
    relative = "history/README_2024-11-30_f2a1119.md"
    path = llm_list_copy / "awesome_llms_in_china" / relative
    old = "|4|阿里云|[通义千问](https://tongyi.aliyun.com/)|浙江杭州|通用|"
    content = path.read_text(encoding="utf-8")
    assert content.count(old) == 1
    path.write_text(content.replace(old, "|4|阿里云|[通义千问](https://tongyi.aliyun.com/)|浙江杭州|"), encoding="utf-8")
    record = llm_list_copy / "awesome_llms_in_china.meta.yml"
    meta = yaml.safe_load(record.read_text(encoding="utf-8"))
    for entry in meta["files"]:
        if entry["path"] == relative:
            entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    record.write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    from cnai.external.llm_list import version_rows
    # the row (line 40) loses its 类别 cell: 6 cells for 7 columns, so 说明 is the first column without one
    with pytest.raises(InputError, match=r"README_2024-11-30_f2a1119.md: line 40, column '说明': 6 cells for the 7 columns"):
        version_rows(relative)


# ---- robots ----

def test_robot_products_keep_the_price_as_written_and_as_a_number():
    robots = data.load("robot_products").set_index("product_id")
    # robots.json, first record: unitree-go2, price {"starting": 1600, "currency": "USD", models AIR 1600, PRO 2800,
    # EDU "request"}, timeline.releasedAt 2023-07-01
    go2 = robots.loc["unitree-go2"]
    assert (go2["price_as_written"], go2["price"], go2["currency"], go2["model_prices_as_written"], go2["brand_id"],
            go2["country"], go2["release_date"], go2["release_field"]) == (
        "1600", 1600.0, "USD", "AIR: 1600 | PRO: 2800 | EDU: request", "unitree", "CN", "2023-07-01", "timeline.releasedAt")
    # xiaomi-cyberone: starting 0 with its one model "not for sale": no price
    cyberone = robots.loc["xiaomi-cyberone"]
    assert cyberone["price_as_written"] == "0" and pd.isna(cyberone["price"]) and pd.isna(cyberone["currency"])
    # noetix-bumi: releaseDate 2025-10-22, a day
    assert tuple(robots.loc["noetix-bumi", ["release_date", "release_precision"]]) == ("2025-10-22", "day")


def test_humanoid_products_count_and_chinese_makers():
    humanoids = data.load("humanoid_products")
    # `jq '[.[] | select(.category=="humanoid")] | length' robots.json` gives 82 (RECEIVED.md says the same)
    assert len(humanoids) == 82
    # brands.json and the registry agree wherever both give a country
    robots = data.load("robot_products")
    assert not robots["countries_agree"].eq(False).any()


# ---- API prices against Arena ratings ----

def test_api_prices_join_arena_ratings_by_same_id_and_listed_pairs():
    prices = data.load("api_prices").set_index(["provider", "model_id"])
    # providers/anthropic/models/claude-opus-4-5-20251101.toml: [cost] input 5.00, output 25.00; the key is the same
    # in leaderboard-text_2025-12-11.json, category full: rating 1446.431063509376
    opus = prices.loc[("anthropic", "claude-opus-4-5-20251101")]
    assert (opus["input_price_usd"], opus["output_price_usd"], opus["pairing"], opus["country"]) == (5.0, 25.0, "same_id", "US")
    assert opus["arena_rating"] == pytest.approx(1446.431063509376)
    # deepseek-chat (0.14 / 0.28 USD) is paired in data/readings/api_arena_pairs.yml with deepseek-v3.2: 1416.8274464930687
    chat = prices.loc[("deepseek", "deepseek-chat")]
    assert (chat["arena_key"], chat["pairing"], chat["family_id"], chat["input_price_usd"]) == (
        "deepseek-v3.2", "listed_pair", "deepseek", 0.14)
    assert chat["arena_rating"] == pytest.approx(1416.8274464930687)
    # the zhipuai cards link outside the snapshot: no price, so not in the table
    assert ("zhipuai", "glm-4.6") not in prices.index


# ---- registry parts and drafts (issue 12) ----

def test_a_registry_part_is_read_with_the_main_file_and_named_when_a_name_is_missing(small_registry):
    (small_registry / "organisations_epoch.yml").write_text(
        "- {id: aalto_university, en: Aalto University, aliases: [], country: FI, kind: university}\n", encoding="utf-8")
    assert registry.resolve("aalto university", "organisation", small_registry) == "aalto_university"
    assert registry.resolve("百度", "organisation", small_registry) == "baidu"
    with pytest.raises(MappingError) as caught:
        registry.harmonize(pd.Series(["Aalto University", "Zeta Labs"]), "organisation", "epoch_models", small_registry,
                           part="epoch")
    assert str(small_registry / "organisations_epoch.yml") in str(caught.value) and "'Zeta Labs'" in str(caught.value)


def test_an_id_or_a_name_in_two_registry_files_fails_naming_both(small_registry):
    part = small_registry / "organisations_model_list.yml"
    part.write_text("- {id: baidu, zh_hans: 百度二, aliases: [], country: CN, kind: company}\n", encoding="utf-8")
    with pytest.raises(MappingError, match="id 'baidu' is also used in"):
        registry.entries("organisation", small_registry)
    part.write_text("- {id: du_xiaoman, zh_hans: 度小满, aliases: [百度], country: CN, kind: company}\n", encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        registry.entries("organisation", small_registry)
    assert "'百度' names both 'baidu' and 'du_xiaoman'" in str(caught.value)
    assert str(small_registry / "organisations.yml") in str(caught.value) and str(part) in str(caught.value)


def test_the_draft_takes_the_country_from_epoch_where_it_gives_one(registry_copy):
    from cnai import registry_tools

    registry_copy("organisations_epoch.yml", "aalto_university")
    registry_copy("organisations_epoch.yml", "cerebras_systems")
    lines = registry_tools.draft("epoch_models").splitlines()
    # notable_ai_models.csv record 731 'DOT(S)-RNN': "Aalto University,University of Montreal / …", "Finland,Canada"
    assert ("- {id: aalto_university, en: Aalto University, aliases: [], country: FI, country_source: dataset, "
            "kind: university}") in lines
    # Cerebras Systems' two rows (notable records 155 Jais and 242 GenSLM) line up organisations and countries, and
    # both give it "Multinational", which is not a country: no country, for the curator
    cerebras = next(line for line in lines if "Cerebras Systems" in line)
    assert "country:" not in cerebras.split("#")[0] and "country_source: curator" in cerebras
    assert len(lines) == 2  # every other name Epoch writes is in the registry


def test_every_listed_api_arena_pair_exists_on_both_sides():
    pairs = derived.arena_pairs()
    cards = data.load("api_models")
    ratings = data.load("arena_ratings")
    latest = ratings[(ratings["snapshot_date"] == ratings["snapshot_date"].max()) & (ratings["category"] == "full")]
    priced = set(zip(cards.loc[cards["input_price_usd"].notna(), "provider"], cards.loc[cards["input_price_usd"].notna(), "model_id"]))
    assert len(pairs) >= 19 and not pairs.duplicated(["provider", "model_id"]).any()
    for pair in pairs.itertuples():
        assert (pair.provider, pair.model_id) in priced, pair
        assert pair.arena_key in set(latest["model_key"]), pair
    joined = data.load("api_prices").set_index(["provider", "model_id"])
    # providers/openai/models/gpt-4.1.toml: release_date 2025-04-14; the leaderboard key gpt-4.1-2025-04-14
    assert joined.loc[("openai", "gpt-4.1"), ["arena_key", "pairing", "family_id"]].tolist() == [
        "gpt-4.1-2025-04-14", "listed_pair", "gpt"]
    # providers/alibaba/models/qwen3-max.toml: release_date 2025-09-23; the key qwen3-max-2025-09-23
    assert joined.loc[("alibaba", "qwen3-max"), "arena_key"] == "qwen3-max-2025-09-23"
