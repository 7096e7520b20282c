"""The entity registry joins the corpus's curated rows and Epoch's organisations: hand-checked ids and countries,
the provenance names check through the registry's aliases, and an unmapped name that fails naming what to edit."""
import csv
import shutil

import pandas as pd
import pytest

from cnai import data, paths, registry
from cnai.errors import MappingError
from cnai.external import tables
from cnai.facts import entities, provenance
from cnai.site import docs


@pytest.fixture(scope="module")
def links():
    return data.load("entity_links").set_index(["table", "key"])


def test_every_curated_company_model_and_chip_row_is_linked(links):
    # row counts of data/curated/companies.csv, models.csv, chips.csv (wc -l minus the header)
    assert links.groupby(level="table").size().to_dict() == {"companies": 295, "models": 187, "chips": 54}
    assert links["registry_id"].notna().all()


def test_alibabas_names_and_units_are_one_organisation(links):
    # companies.csv: 阿里巴巴 (alias 阿里), 阿里云 and 阿里巴巴达摩院 (alias 阿里达摩院) are the group and two of its units
    assert {registry.resolve(n, "organisation") for n in ("阿里", "阿里巴巴", "阿里达摩院", "阿里巴巴达摩院", "阿里云")} == {"alibaba"}
    assert {links.at[("companies", k), "registry_id"] for k in ("alibaba", "alibaba_cloud", "alibaba_damo")} == {"alibaba"}


def test_jd_in_both_scripts_is_one_organisation(links):
    assert registry.resolve("京东", "organisation") == registry.resolve("京東", "organisation") == "jd"
    assert links.at[("companies", "jd"), "registry_id"] == links.at[("companies", "jd_cloud"), "registry_id"] == "jd"


def test_countries_from_the_registry_with_the_texts_silence_flagged(links):
    huawei = links.loc[("companies", "huawei")]  # companies.csv: 华为, country CN
    assert (huawei["country_curated"], huawei["country_registry"], huawei["countries_agree"]) == ("CN", "CN", True)
    # the chips reviewer's cases: 三星 and 英伟达 have no country in companies.csv; 酷睿 Ultra (chips.csv chip_…) by 英特尔
    samsung = links.loc[("companies", "samsung")]
    assert (samsung["text_silent"], samsung["country_registry"], samsung["country_source"]) == (True, "KR", "curator")
    assert links.loc[("companies", "nvidia"), ["text_silent", "country_registry"]].tolist() == [True, "US"]
    intel_chip = links[(links["name"] == "酷睿 Ultra")].iloc[0]
    assert (intel_chip["organisation_id"], intel_chip["country_registry"], intel_chip["text_silent"]) == ("intel", "US", True)
    # Epoch places SenseTime in Hong Kong, the corpus (industry_chain's 国内 column) in China: kept, flagged
    sensetime = links.loc[("companies", "sensetime")]
    assert (sensetime["country_curated"], sensetime["country_registry"], sensetime["countries_agree"]) == ("CN", "HK", False)


def test_ernie_bot_and_wenxin_yiyan_are_one_family(links):
    assert registry.resolve("文心一言", "model") == registry.resolve("ERNIE Bot", "model") == "ernie"
    # models.csv m-003: 文心一言, developer 百度
    assert links.loc[("models", "m-003"), ["registry_id", "organisation_id"]].tolist() == ["ernie", "baidu"]


def test_a_generic_chip_name_resolves_with_its_vendor(links):
    # chips.csv writes DSP for both vivo and 小米
    dsp = links[links["name"] == "DSP"].set_index("organisation_id")["registry_id"].to_dict()
    assert dsp == {"vivo": "vivo_dsp", "xiaomi": "xiaomi_dsp"}


def test_registry_aliases_let_a_quote_name_the_organisation_another_way():
    # data/registry/organisations.yml: alibaba has the names 阿里巴巴, 阿里 and Alibaba
    assert {"阿里", "Alibaba"} <= provenance.registry_aliases("阿里巴巴")
    assert provenance.registry_aliases("no such name") == set()
    # models.csv m-001 (通义千问, developer 阿里), its quote rewritten to say Alibaba: the developer is still found
    models = pd.read_csv(paths.CURATED / "models.csv", dtype=str, keep_default_na=False).set_index("row_id")
    row = models.loc["m-001"].to_dict()
    quote = provenance.quote_key("2019年Alibaba进行了大模型研究")
    assert provenance.name_problems("models", row, ["developer"], quote, {}) == []
    # a model family is not an alias: GPT-3 in the quote does not vouch for a row naming GPT-4
    row["developer"], row["name_as_written"] = "阿里", "GPT-4"
    assert provenance.name_problems("models", row, ["name_as_written"], provenance.quote_key("OpenAI 推出 GPT-3"), {}) != []


def test_an_unmapped_company_name_fails_naming_the_file_the_name_and_the_registry(tmp_path):
    folder = tmp_path / "curated"
    shutil.copytree(paths.CURATED, folder)
    path = folder / "companies.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\naerotech,Aerotech,", "\naerotech,Zyxwv Robotics,", 1), encoding="utf-8")
    tables = {name: provenance.read_csv(folder / f"{name}.csv") for name in ("companies", "models", "chips")}
    with pytest.raises(MappingError) as caught:
        entities.entity_links(tables["companies"], tables["models"], tables["chips"], curated=folder)
    message = str(caught.value)
    assert str(path) in message and "'Zyxwv Robotics'" in message and str(registry.file_of("organisation")) in message


def test_an_alias_naming_another_organisation_fails(tmp_path):
    companies = pd.DataFrame({"company_id": ["jd"], "name": ["京东"], "aliases": ["百度"], "country": ["CN"]})
    with pytest.raises(MappingError, match="alias '百度' is 'baidu'"):
        entities.company_organisations(companies, tmp_path / "companies.csv")


def test_epochs_organisations_of_models_from_every_country_map():
    models = data.load("epoch_models")
    # every row that names an organisation has ids, in China or not; blank only where Epoch names none
    assert (models["organisation_ids"].notna() == models["organisation"].notna()).all()
    china = models[models["is_china"]]
    # notable row 'Pangu Ultra' (first data row): Organization Huawei
    assert china.set_index("model").loc["Pangu Ultra", "organisation_ids"].iloc[0] == "huawei"


def test_organisations_by_notable_models_counts_what_the_raw_file_says():
    table = data.load("organisations_by_notable_models").set_index("organisation_id")
    with (paths.EXTERNAL / "epoch_models" / "notable_ai_models.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if "China" in r["Country (of organization)"]]
    # independent count on the raw file: rows from China whose Organization names Alibaba (Alibaba, Alibaba DAMO
    # Academy), and those where it is Alibaba alone; Tsinghua likewise
    alibaba = [r for r in rows if "alibaba" in r["Organization"].lower()]
    assert table.at["alibaba", "notable_models"] == len(alibaba) == 17
    assert table.at["alibaba", "sole_models"] == sum(r["Organization"].strip() == "Alibaba" for r in alibaba) == 14
    assert table.at["tsinghua", "notable_models"] == sum("tsinghua" in r["Organization"].lower() for r in rows) == 24


def test_the_data_dictionary_lists_the_registry_and_the_licences():
    section = docs._mapping_section(paths.REGISTRY / "organisations.yml", "data/registry")
    assert "data/registry/organisations.yml" in section and "country_source" in section
    note = docs._licence_note("api_prices")  # made from models_dev and arena_leaderboard
    assert "models_dev" in note and "arena_leaderboard" in note


# ---- every organisation name of every outside source maps (issue 12) ----

def test_every_source_maps_every_organisation_it_names():
    # coverage computed from the loaded tables: a row names an organisation exactly when it has registry ids
    epoch = data.load("epoch_models")
    assert (epoch["organisation_ids"].notna() == epoch["organisation"].notna()).all()
    listed = data.load("china_model_list")
    assert listed["company"].notna().all() and listed["organisation_id"].notna().all()
    assert (listed["organisation_ids"].str.split(" | ", regex=False).str[0] == listed["organisation_id"]).all()
    assert data.load("api_models")["organisation_id"].notna().all()
    assert data.load("robot_products")["brand_id"].notna().all()
    assert data.load("arena_models")["organisation_id"].notna().all()


def test_epoch_collaborations_keep_every_partner_in_epochs_order():
    rows = data.load("epoch_models").set_index(["dataset", "row"])["organisation_ids"]
    # notable_ai_models.csv record 98 'Aya': Organization "Cohere for AI,Brown University,Cohere,Carnegie Mellon
    # University (CMU),Massachusetts Institute of Technology (MIT)": Cohere For AI is Cohere's lab, so four partners
    assert rows[("notable", 98)] == "cohere | brown_university | cmu | mit"
    # record 731 'DOT(S)-RNN': "Aalto University,University of Montreal / Université de Montréal" (Finland, Canada)
    assert rows[("notable", 731)] == "aalto_university | umontreal"
    # record 354 'ViT-G/14': "Google Brain,Google Research": two units of one company, counted once
    assert rows[("notable", 354)] == "google"
    # large_scale_ai_models.csv record 153 'DeepSeek Coder 33B': "DeepSeek,Peking University"
    assert rows[("large_scale", 153)] == "deepseek | pku"
    # record 155 'Jais': "Cerebras Systems,Mohamed bin Zayed University of Artificial Intelligence (MBZUAI),Inception":
    # that Inception is G42's, in Abu Dhabi, not Inception Labs (US), which record 8 'Mercury' names in full
    assert rows[("notable", 155)] == "cerebras_systems | mbzuai | g42_inception"
    assert rows[("notable", 8)] == "inception_labs"
    countries = registry.entries("organisation").set_index("id")["country"]
    assert (countries["g42_inception"], countries["inception_labs"]) == ("AE", "US")


def test_the_lists_joint_models_keep_every_partner():
    rows = data.load("china_model_list").set_index(["file", "line"])
    # README_2024-11-30_f2a1119.md line 251: |214|慧言科技+天津大学|[海河·谛听](…)|天津|科研 |✘| |
    joint = rows.loc[("history/README_2024-11-30_f2a1119.md", 251)]
    assert (joint["organisation_ids"], joint["organisation_id"]) == ("huiyan_keji | tju", "huiyan_keji")
    # line 240: |203|上海市人工智能实验室|[浦医](…)| and line 41: |5|上海人工智能实验室|[书生](…)|: one lab
    assert rows.loc[("history/README_2024-11-30_f2a1119.md", 240), "organisation_id"] == "shanghai_ai_lab"
    assert rows.loc[("history/README_2024-11-30_f2a1119.md", 41), "organisation_id"] == "shanghai_ai_lab"


def test_one_chinese_company_is_one_id_across_epoch_the_list_and_models_dev():
    epoch = data.load("epoch_models").set_index(["dataset", "row"])["organisation_ids"]
    listed = data.load("china_model_list").set_index(["file", "line"])["organisation_id"]
    cards = data.load("api_models").drop_duplicates("provider").set_index("provider")["organisation_id"]
    last = "history/README_2024-11-30_f2a1119.md"
    # DeepSeek: notable record 18 'DeepSeek-R1' (Organization "DeepSeek"); the list's line 43 |7|深度求索|…; the
    # models.dev folder providers/deepseek
    assert epoch[("notable", 18)] == listed[(last, 43)] == cards["deepseek"] == "deepseek"
    # Zhipu: notable record 54 'GLM-4-Plus' ("Zhipu AI"); line 38 |2|智谱华章|[清言]…; providers/zhipuai
    assert epoch[("notable", 54)] == listed[(last, 38)] == cards["zhipuai"] == "zhipu"
    # Alibaba: models.dev writes the China region as its own provider alibaba-cn
    assert cards["alibaba"] == cards["alibaba-cn"] == "alibaba"


@pytest.mark.parametrize("file, entry, load, source, name", [
    ("organisations_epoch.yml", "aalto_university", "epoch_models",
     "epoch_models/notable_ai_models.csv (column Organization)", "Aalto University"),
    ("organisations_model_list.yml", "huiyan_keji", "china_model_list", "awesome_llms_in_china (column 公司)", "慧言科技"),
    ("organisations.yml", "stepfun", "api_models", "models_dev providers", "stepfun"),
    ("organisations.yml", "unitree", "robot_products", "awesome_robots/robots.json (brand)", "Unitree"),
    ("organisations.yml", "xai", "arena_models", "arena_leaderboard/scatterplot-data.json", "xAI"),
])
def test_an_unmapped_name_from_each_source_fails_naming_the_file_to_edit(registry_copy, file, entry, load, source, name):
    registry_copy(file, entry)  # the copy of data/registry without the entry (conftest.registry_copy)
    with pytest.raises(MappingError) as caught:
        tables.TIDY[load]()
    message = str(caught.value)
    assert source in message and repr(name) in message and str(registry_copy.folder / file) in message


def test_the_registrys_countries_agree_with_epoch_wherever_epoch_gives_one():
    from cnai import registry_tools

    orgs = registry.entries("organisation")
    disagree = {}
    for name, readings in registry_tools.epoch_readings().items():
        known = {c for c in readings if c}
        entry = registry.resolve(name, "organisation")
        if known and orgs.at[entry, "country"] not in known:
            disagree[name] = (entry, orgs.at[entry, "country"], known)
    # two units merged into a parent elsewhere: DeepMind (Epoch: United Kingdom) in Google (US), and CUHK's
    # Shenzhen Research Institute (Epoch: China) in CUHK (Hong Kong); and G42's Inception, whose only row (Jais:
    # "Cerebras Systems,MBZUAI,Inception") lists its countries out of order ("Multinational,United Arab Emirates,
    # United States of America"), so that reading position by position gives Inception the US
    assert disagree == {"DeepMind": ("google", "US", {"GB"}), "CUHK Shenzhen Research Institute": ("cuhk", "HK", {"CN"}),
                        "Inception": ("g42_inception", "AE", {"US"})}
