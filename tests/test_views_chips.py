"""Chapter 3's tables (chips and compute) checked against values counted by hand in data/curated/industry_chain.csv,
chips.csv, the cleaned paragraphs and Epoch AI's raw CSVs (data/raw/external), and against the claims the prose
makes; failing inputs for the mapping files, the registry and the sentence finder."""
import re
from pathlib import Path

import pandas as pd
import pytest

from cnai.data import load
from cnai.facts import mappings
from cnai.errors import MappingError
from cnai.views import chips


@pytest.fixture(scope="module")
def numbers():
    return chips.headline_numbers()


# --- the industry chain ---------------------------------------------------------------------------------------

def test_chain_rows_keep_every_row_and_title_each_section():
    # industry_chain.csv has 114 data rows, in five runs of report_section: 6.3.1 chain_001–035 (35), 6.3.2
    # chain_036–047 (12), 6.4 chain_048–099 (52), 4.1.4 chain_100–103 (4), 4.4.3 chain_104–114 (11).
    rows = chips.chain_rows()
    assert len(rows) == 114
    assert rows["section"].value_counts().to_dict() == {"6.4": 52, "6.3.1": 35, "6.3.2": 12, "4.4.3": 11, "4.1.4": 4}
    assert rows.set_index("row_id").loc["chain_048", "section_name"] == "6.4 投资机会表（研报分国内、国外两栏）"
    # the section menu opens on the 6.4 table
    assert next(iter(chips.section_titles())) == "6.4"


def test_origin_comes_from_the_registry_and_says_whether_the_text_states_it():
    # the registry's country decides; the basis says whether the text gives a country (companies.csv, the row, or
    # the 6.4 table's column) or only the registry does
    assert chips.origin_of("US", None, None) == (chips.FOREIGN, chips.REGISTRY_ONLY)
    assert chips.origin_of("KR", None, None) == (chips.FOREIGN, chips.REGISTRY_ONLY)
    assert chips.origin_of("HK", "HK", None) == (chips.DOMESTIC, chips.TEXT_STATES)
    assert chips.origin_of("CN", None, "domestic") == (chips.DOMESTIC, chips.TEXT_STATES)
    # where the registry has no country, the text's own, then the report's column
    assert chips.origin_of(None, "CN", "foreign") == (chips.DOMESTIC, chips.TEXT_STATES)
    assert chips.origin_of(None, None, "foreign") == (chips.FOREIGN, chips.TEXT_STATES)
    assert chips.origin_of(None, None, None) == (chips.UNKNOWN, "无")
    assert chips.origin_of(float("nan"), float("nan"), float("nan")) == (chips.UNKNOWN, "无")


def test_report_columns_are_the_64_table_and_agree_with_company_countries():
    chain = load("industry_chain")
    # report_column is filled on exactly the 52 rows of the 6.4 table: 29 domestic, 23 foreign
    assert chain["report_column"].notna().eq(chain["report_section"] == "6.4").all()
    assert chain["report_column"].value_counts().to_dict() == {"domestic": 29, "foreign": 23}
    countries = load("companies").set_index("company_id")["country"]
    company_country = chain["company_id"].map(countries)
    both = chain["country"].notna() & company_country.notna()
    assert (chain.loc[both, "country"] == company_country[both]).all()
    assert not (company_country[chain["report_column"] == "foreign"] == "CN").any()
    assert company_country[chain["report_column"] == "domestic"].dropna().eq("CN").all()
    # every company gets one origin across all its rows
    rows = chips.chain_rows()
    known = rows[rows["origin"] != chips.UNKNOWN]
    assert known.groupby("company_id")["origin"].nunique().max() == 1


def test_table_64_balance_matches_the_hand_count(numbers):
    # counted by hand in industry_chain.csv, rows with report_section 6.4, by layer and report_column
    # (domestic, foreign): 应用层 chain_056–071 / chain_048–055, 模型层 077–079 / 072–076, 算力层 084–087 / 080–083,
    # 芯片层 091–094 / 088–090, 制造层 098–099 / 095–097. The registry's countries agree with the report's columns.
    balance = chips.table_64_balance().set_index("layer")
    expected = {"应用层": (16, 8), "模型层": (3, 5), "算力层": (4, 4), "芯片层": (4, 3), "制造层": (2, 3)}
    assert list(balance.index) == list(expected)  # in the order of data/mappings/chain_layers.yml
    assert {layer: (int(r[chips.DOMESTIC]), int(r[chips.FOREIGN])) for layer, r in balance.iterrows()} == expected
    assert balance[chips.UNKNOWN].sum() == 0  # the 6.4 table gives every name a column
    assert (numbers["t64_chip_cn"], numbers["t64_chip_foreign"]) == (4, 3)


def test_the_headline_counts_every_section_not_one_table(numbers):
    # Error fixed: the old headline read "China leads in chips" from the 6.4 table alone (芯片层 4 domestic, 3
    # foreign). industry_chain.csv, layer 芯片层 and chain_layer yes, distinct company_id over all sections:
    # 6.3.1 chain_010–017 google intel amd nvidia samsung sk_hynix qualcomm apple, 6.3.2 chain_039–041 nvidia amd
    # groq, 6.4 chain_088–094 nvidia amd sk_hynix + hanwuji haiguang_xinxi jingjiawei longxin_zhongke:
    # 9 foreign, 4 Chinese.
    layers = chips.layer_companies().set_index(["layer", "origin"])["company_count"]
    assert (layers[("芯片层", chips.FOREIGN)], layers[("芯片层", chips.DOMESTIC)]) == (9, 4)
    assert (numbers["lc_chip_foreign"], numbers["lc_chip_cn"]) == (9, 4)
    assert numbers["lc_chip_cn_names"] == "寒武纪、海光信息、景嘉微、龙芯中科"
    # Chinese names outnumber foreign ones only in 应用层
    assert numbers["lc_cn_ahead"] == "应用层"
    # the findings box and the abstract lead with the Epoch comparison, not with a count of names
    text = Path(__file__).parents[1].joinpath("chapters", "chips.md").read_text(encoding="utf-8")
    findings = text[text.index("(chips-findings)="):text.index("English abstract")]
    first = findings.split("\n- ")[1]
    assert "Epoch" in first and "算力" in first
    abstract = text[text.index("English abstract"):text.index("本章用两条证据")]
    assert "Epoch" in abstract.split(".")[0] and "leads" not in abstract and "领先" not in findings


def test_country_comes_from_the_registry_with_a_flag_where_the_text_is_silent(numbers):
    # Error fixed: NVIDIA and Huawei had no country in chips.csv (country blank on chip_005, chip_021) though
    # companies.csv / the registry has one; 三星 was 未注明 while 英特尔 was 国外 in the chain. Registry
    # (data/registry/organisations.yml): nvidia US, huawei CN, samsung KR, intel US.
    table = chips.chips_table().set_index("chip_id")
    assert (table.loc["chip_021", "country"], table.loc["chip_021", "origin_basis"]) == ("美国", chips.REGISTRY_ONLY)
    assert (table.loc["chip_005", "country"], table.loc["chip_005", "origin_basis"]) == ("中国", chips.REGISTRY_ONLY)
    # chip_001 昆仑2代 has country CN in chips.csv: the text states it
    assert (table.loc["chip_001", "country"], table.loc["chip_001", "origin_basis"]) == ("中国", chips.TEXT_STATES)
    assert (table["country"] == chips.UNKNOWN).sum() == 0
    rows = chips.chain_rows().set_index("company_id")
    assert set(rows.loc["samsung", "origin"]) == set(rows.loc["intel", "origin"]) == {chips.FOREIGN}
    # chips.csv fills country on 11 rows (chip_001–004, 040, 047, 049–053); the other 43 carry the flag
    assert (numbers["chips_text_country"], numbers["chips_registry_only"]) == (11, 43)
    # industry_chain.csv, chain_layer yes with a company: 98 rows; 39 of them have no country in companies.csv,
    # none of their own and no 6.4 column (awk over the three columns)
    assert (numbers["chain_rows"], numbers["chain_registry_only"], numbers["chain_unknown"]) == (98, 39, 0)


def test_multi_layer_companies_match_the_hand_count(numbers):
    # distinct layers per company_id in industry_chain.csv, rows with chain_layer yes (awk over the company_id and
    # layer columns, sort -u): intel 4 (its 光模块 row chain_112 is not a chain layer), samsung 4, apple 3, google
    # 3, and 2 each for alibaba, baidu, meta, microsoft, tencent, tesla, tsmc.
    multi = chips.multi_layer_companies().set_index("company_id")["layers"].to_dict()
    assert multi == {"intel": 4, "samsung": 4, "apple": 3, "google": 3, "alibaba": 2, "baidu": 2, "meta": 2,
                     "microsoft": 2, "tencent": 2, "tesla": 2, "tsmc": 2}
    # samsung and intel tie at 4; ties are listed by name, 三星 before 英特尔
    assert (numbers["multi_top_name"], numbers["multi_top_layers"]) == ("三星", 4)
    # Chinese companies span at most two layers (alibaba, baidu, tencent)
    assert numbers["multi_cn_max"] == 2


def test_layer_conflicts_are_the_foundry_placements_of_631_and_632(numbers):
    # data/NOTES.md: 台积电/三星/英特尔 are 制造层 in 6.3.1 (chain_007–009) but 基建层 in 6.3.2 (chain_036–038)
    conflicts = chips.layer_conflicts()
    assert set(conflicts["company_id"]) == {"tsmc", "samsung", "intel"}
    for company_id, group in conflicts.groupby("company_id"):
        placed = dict(zip(group["section"], group["layer"]))
        assert placed["6.3.1"] == "制造层" and placed["6.3.2"] == "基建层"
    assert set(numbers["conflict_names"].split("、")) == {"台积电", "三星", "英特尔"}


def test_a_layer_or_section_missing_from_its_mapping_file_stops_the_chain(monkeypatch):
    real = load("industry_chain")
    changed = real.assign(layer=real["layer"].replace({"芯片层": "量子层"}),
                          report_section=real["report_section"].replace({"4.1.4": "9.9"}))
    monkeypatch.setattr(chips, "load", lambda name: changed if name == "industry_chain" else load(name))
    with pytest.raises(MappingError, match=r"report_sections\.yml.*'9\.9'"):
        chips.chain_rows()
    changed["report_section"] = real["report_section"]
    with pytest.raises(MappingError, match=r"chain_layers\.yml.*'量子层'"):
        chips.chain_by_origin()


# --- accelerator specifications --------------------------------------------------------------------------------

def test_spec_counts_match_the_hand_count():
    # chips.csv: 23 rows have a spec_value, under 20 spec_names; only the three "… to train 1.8T-param GPT" names
    # are stated for two chips (Hopper GPU chip_031–033, Blackwell GPU chip_034–036). Hardware specs with a value:
    # process nm, INT8 TOPS, FP16 TFLOPS, memory GB, memory GB (HBM3e), memory bandwidth, transistors, AI compute.
    assert len(chips.spec_rows()) == 23
    overview = chips.specs_overview()
    assert len(overview) == 20 and (overview["chips"] >= 2).sum() == 3
    hardware = overview.query("kind == '硬件规格'")
    assert set(hardware["spec_name"]) == {"process nm", "INT8 TOPS", "FP16 TFLOPS", "memory GB", "memory GB (HBM3e)",
                                          "memory bandwidth", "transistors", "AI compute"}
    assert (hardware["chips"] == 1).all()


def test_hopper_blackwell_figures_from_the_quotes(numbers):
    # chip_031–036: Hopper 8000 张, 15 兆瓦, 90 天; Blackwell 2000 张, 4 兆瓦, 90 天
    assert numbers["gpu_ratio"] == pytest.approx(2000 / 8000)
    assert numbers["hopper_blackwell_gpus"] == "4"
    comparable = chips.comparable_specs()
    assert set(comparable["chip"]) == {"Hopper GPU", "Blackwell GPU"} and len(comparable) == 6
    # ml_hardware.csv: B200 2.25e15 and H100 SXM5 80GB 9.894e14 tensor FP16/BF16 FLOP/s: 2.27, written 2.3
    assert numbers["b200_vs_h100"] == "2.3"


def test_the_domestic_accelerator_shares_no_spec_with_foreign_chips():
    # chips.csv: the only CN rows with a spec_value are 昆仑2代's chip_001–003 (process nm, INT8 TOPS, FP16 TFLOPS),
    # and no other chip states any of these three
    overlap = chips.domestic_foreign_spec_overlap()
    assert overlap["shared"].tolist() == [0, 0] and overlap["chips"].iloc[0] == 1


def test_a100_and_blackwell_memory_sit_under_different_spec_names():
    # chip_020 (A100 80GB, memory GB, 80 GB) and chip_028 (Blackwell, memory GB (HBM3e), 192 GB)
    rows = chips.spec_rows().set_index("chip_id")
    assert (rows.loc["chip_020", "spec_name"], rows.loc["chip_020", "spec_value"]) == ("memory GB", 80.0)
    assert (rows.loc["chip_028", "spec_name"], rows.loc["chip_028", "spec_value"]) == ("memory GB (HBM3e)", 192.0)


def test_spec_names_come_from_the_mapping_file():
    entries = chips.spec_entries(pd.Series(["memory GB", None, "count to train 1.8T-param GPT"]))
    assert entries["spec"].fillna("").tolist() == ["显存容量", "", "训练 1.8 万亿参数 GPT：GPU 数"]
    assert entries["kind"].fillna("").tolist() == ["硬件规格", "", "训练用量"]


def test_a_spec_name_missing_from_spec_names_yml_is_an_error_naming_file_and_value(monkeypatch):
    with pytest.raises(MappingError, match=r"spec_names\.yml.*'warp factor'"):
        chips.spec_entries(pd.Series(["memory GB", "warp factor"]))
    real = load("chips")
    changed = real.assign(spec_name=real["spec_name"].replace({"transistors": "transistor count"}))
    monkeypatch.setattr(chips, "load", lambda name: changed if name == "chips" else load(name))
    with pytest.raises(MappingError, match=r"spec_names\.yml.*'transistor count'"):
        chips.spec_rows()


def test_blackwell_rows_are_the_blackwell_b100_and_gb200_rows():
    # chips.csv rows whose chip is Blackwell 小芯片 (chip_022–023), B100 (024), GB200 超级芯片 (025), Blackwell
    # (027–030) or Blackwell GPU (034–036)
    rows = chips.blackwell_rows()
    assert rows["chip_id"].tolist() == ["chip_022", "chip_023", "chip_024", "chip_025", "chip_027", "chip_028",
                                        "chip_029", "chip_030", "chip_034", "chip_035", "chip_036"]
    assert rows.set_index("chip_id").loc["chip_024", "spec"] == "（无规格）"


# --- phone makers and the commentary ---------------------------------------------------------------------------

def test_phone_moves_are_every_fact_of_the_phone_article(numbers):
    # the zqrb_2023_07 rows: chips chip_047–053 (7) and chip_investments inv_001–005 (5), all from article a3
    moves = chips.phone_chip_moves()
    assert sorted(moves["fact_id"]) == [f"chip_0{n}" for n in range(47, 54)] + [f"inv_00{n}" for n in range(1, 6)]
    assert numbers["phone_facts"] == 12
    assert moves["para_id"].str.startswith("zqrb_2023_07:a3:").all()
    assert moves.set_index("fact_id").loc["inv_003", "item"] == "芯片研发投入"  # labels.yml, investment_metric


def test_phone_makers_make_small_chips_and_the_soc_row_is_a_chip_vendor(numbers):
    # chip_048 (SoC, use phone_soc) is 联发科's; chip_047–053 otherwise are ISP芯片, 影像、功率的小芯片, ISP, DSP, 自有芯片
    assert numbers["soc_actor"] == "联发科"
    assert numbers["phone_made_items"] == "ISP、影像、功率的小芯片、DSP、自有芯片"
    moves = chips.phone_chip_moves().set_index("fact_id")
    assert moves.loc["chip_048", "strategy"] == chips.BUY_SOC
    # 联发科's country: registry TW (chips.csv leaves it blank); the inv_004 row writes no amount, its label the item
    assert moves.loc["chip_048", "country"] == "中国台湾"
    assert moves.loc["inv_004", "row_label"] == f"{moves.loc['inv_004', 'actor']}：扩大芯片投资"


def test_portfolio_wording_is_taken_from_the_quotes(numbers):
    # inv_001 "约 110家芯片半导体与电子相关企业", inv_002 "超60家半导体企业", inv_003 "数百亿元"
    assert (numbers["xiaomi_portfolio"], numbers["xiaomi_counts"]) == ("约110家", "芯片半导体与电子相关企业")
    assert (numbers["hubble_portfolio"], numbers["hubble_counts"]) == ("超60家", "半导体企业")
    assert numbers["huawei_rd"] == "数百亿元"


def test_amount_as_written():
    assert chips.amount_as_written("共投资了约 110家芯片", 110.0, "家") == "约110家"
    assert chips.amount_as_written("已投资超60家半导体企业", 60.0, "家") == "超60家"
    assert chips.amount_as_written("投入数百亿元的研发费用", float("nan"), "亿元") == "数百亿元"
    assert chips.amount_as_written("高达 7 万亿美元的资金", 7.0, "万亿美元") == "高达7万亿美元"
    assert chips.amount_as_written("no amount", float("nan"), float("nan")) is None


def test_argument_order_matches_the_hand_count(numbers):
    # “造” and “买” (with their quotation marks) counted by reading the six paragraphs of zqrb_2023_07 part a5:
    # 1: 1 and 1; 2: 1 and 0; 3: 0 and 1; 4: 3 and 3; 5: none; 6: 1 and 1 (从“买”到“造”)
    order = chips.argument_order().set_index("para_no")
    assert order[chips.MAKE].tolist() == [1, 1, 0, 3, 0, 1]
    assert order[chips.BUY].tolist() == [1, 0, 1, 3, 0, 1]
    assert order["focus"].tolist() == ["两者", "造", "买", "两者", "均未提", "两者"]
    assert (numbers["make_only_para"], numbers["buy_only_para"], numbers["commentary_paras"]) == (2, 3, 6)


def test_quoted_sentences_are_whole_sentences_of_their_article(numbers):
    assert numbers["q_verdict"] == "笔者认为，“造”和“买”，没有绝对的好坏，但要因时制宜。"
    assert numbers["q_question"] == "那么，手机芯片应该“造”还是“买”？"
    assert numbers["q_rd"] == "华为一位工程师对记者透露，对于芯片研发，华为已经投入数百亿元的研发费用。"
    paras = load("paragraphs")
    for key, (doc, part), _ in chips.QUOTED_PHRASES:
        text = "".join(paras.loc[(paras["doc_id"] == doc) & (paras["part_id"] == part), "text"])
        assert numbers[key] in text and numbers[key][-1] in "。！？", key


def test_the_sentence_finder_fails_on_a_phrase_found_nowhere_or_twice():
    paras = pd.DataFrame({"doc_id": ["d", "d", "e"], "part_id": ["a1", "a1", "a1"],
                          "text": ["甲说芯片难。乙说芯片贵！", "丙说算力够", "丁说芯片好。"]})
    assert chips.sentence_in(("d", "a1"), "算力", paras) == "丙说算力够"
    assert chips.sentence_in(("d", "a1"), "芯片贵", paras) == "乙说芯片贵！"
    with pytest.raises(LookupError, match=r"0 sentences of d part a1 contain '芯片好'"):
        chips.sentence_in(("d", "a1"), "芯片好", paras)
    with pytest.raises(LookupError, match=r"2 sentences of d part a1 contain '芯片'"):
        chips.sentence_in(("d", "a1"), "芯片", paras)
    with pytest.raises(LookupError, match=r"zqrb_2023_07 part a5 contain '“造”'"):
        chips.sentence_in(chips.COMMENTARY, "“造”")


# --- the table and the caveats ---------------------------------------------------------------------------------

def test_chips_table_keeps_every_row_with_doc_and_quote():
    table = chips.chips_table()
    curated = load("chips")
    assert len(table) == 54  # chips.csv has 54 data rows
    assert table["chip_id"].tolist() == curated["chip_id"].tolist()
    assert table["quote"].tolist() == curated["quote"].tolist()
    assert table["doc_id"].notna().all()


def test_english_curator_notes_stay_out_of_the_table():
    # Error fixed: the flags read "QUOTE FIX"; the table shows no curated notes column and no English flags
    table = chips.chips_table()
    assert "notes" not in table.columns
    assert not table["flags"].str.contains(r"[A-Z]{3,} [A-Z]{3,}").any()


def test_quote_fix_rows_and_provenance_gaps(numbers):
    # quote_fixed is yes on chip_022–024 and chip_026, whose vendor_derived_from and date_derived_from are
    # context_quote (chip_derived_from blank)
    fixed = chips.quote_fix_rows()
    assert fixed["chip_id"].tolist() == ["chip_022", "chip_023", "chip_024", "chip_026"]
    assert numbers["quote_fix_rows"] == 4
    assert set(fixed["missing"]) == {"厂商、日期"}
    # read in the quotes: the vendor (or an alias in companies.csv) is missing from 23 quotes: chip_010–012,
    # 017–024, 026, 027–036, 045 (其) (chip_053's quote starts at 星纪魅族集团董事长); the year of the date from
    # the 4 QUOTE FIX quotes only
    gaps = chips.provenance_gaps()
    assert numbers["vendor_not_in_quote"] == 23 and numbers["year_not_in_quote"] == 4
    missing_vendor = set(gaps.loc[gaps["vendor_in_quote"].eq(False), "chip_id"])
    assert missing_vendor == {f"chip_{n:03d}" for n in [10, 11, 12, *range(17, 25), 26, *range(27, 37), 45]}
    assert set(gaps.loc[gaps["year_in_quote"].eq(False), "chip_id"]) == set(fixed["chip_id"])


def test_typed_caveat_columns_agree_with_the_quotes():
    chips_rows = load("chips")
    gaps = chips.provenance_gaps().set_index("chip_id")
    # a field the curators derive from elsewhere really is not in the quote, and every vendor missing from its
    # quote says where it comes from
    for row in chips_rows.itertuples():
        if isinstance(row.vendor_derived_from, str):
            assert not gaps.loc[row.chip_id, "vendor_in_quote"], row.chip_id
        if isinstance(row.date_derived_from, str):
            assert not gaps.loc[row.chip_id, "year_in_quote"], row.chip_id
    missing = gaps.loc[gaps["vendor_in_quote"].eq(False)].index
    assert chips_rows.set_index("chip_id").loc[missing, "vendor_derived_from"].notna().all()
    # a misprint kept as written, and a value in words or as a range, are written in the row's quote
    for column in ("misprint", "value_as_written"):
        rows = chips_rows.dropna(subset=[column])
        assert all(value in quote for value, quote in zip(rows[column], rows["quote"])), column
    assert chips_rows.dropna(subset=["value_as_written"])["spec_value"].isna().all()


def test_caveats_in_the_table(numbers):
    flags = chips.chips_table().set_index("chip_id")["flags"]
    assert "Blackwell 指架构、小芯片、B100 还是 GB200 未说明" in flags["chip_027"]
    assert "公司层面份额，非芯片规格" in flags["chip_045"]
    assert "原文笔误（Grop LPU），照录" in flags["chip_040"]
    assert "数值为文字或区间，未录" in flags["chip_019"] and "训练用量，非硬件规格" in flags["chip_019"]
    assert flags["chip_001"] == ""


def test_chart_frames_have_no_missing_values():
    for frame in (chips.layer_companies(), chips.multi_layer_companies(), chips.phone_chip_moves(),
                  chips.hardware_by_year(), chips.cluster_share_years()):
        assert not frame.isna().any().any()




# --- outside data: Epoch AI ---------------------------------------------------------------------------------------
# Values read from data/raw/external with the csv module (python3 -c ..., not through cnai):
# ml_hardware.csv, 16-bit FLOP/s (Tensor-FP16/BF16, else FP16), release date:
#   Huawei Ascend 910B 3.76e14 (FP16 only) 2022-03-17; Ascend 910C 8.0e14 2024-10-15; Ascend 920 9.0e14 2025-10-01;
#   NVIDIA A100 SXM4 80 GB 3.12e14 2020-11-16; H100 SXM5 80GB 9.894e14 2022-09-20; B200 2.25e15 2024-11-15;
#   HGX H20 1.48e14 2023-11-09, memory 96 GB, bandwidth 4.0e12 B/s; Baidu Kunlun II 1.28e14 (FP16).

def test_flagship_gap_against_the_raw_hardware_file(numbers):
    gap = chips.flagship_gap().set_index("name")
    # 910B against the A100, the best NVIDIA line chip released before 2022-03-17: 376 / 312
    assert gap.loc["Huawei Ascend 910B", "share_of_nvidia"] == pytest.approx(376 / 312)
    assert gap.loc["Huawei Ascend 910B", "nvidia_reached"] == "H100"
    # 910C against the H100 (B200 came a month later): 800 / 989.4; the H100 reached 800 on 2022-09-20,
    # 2.07 years before 2024-10-15
    assert gap.loc["Huawei Ascend 910C", "share_of_nvidia"] == pytest.approx(800 / 989.4)
    assert gap.loc["Huawei Ascend 910C", "years_behind"] == pytest.approx(2.1)
    # 920 against the B200: 900 / 2250
    assert gap.loc["Huawei Ascend 920", "share_of_nvidia"] == pytest.approx(0.4)
    assert (numbers["a920_share"], numbers["a910c_share"], numbers["a910b_share"]) == ("40%", "81%", "121%")


def test_h20_is_cut_in_compute_not_in_memory(numbers):
    # H20 148 / H100 989.4 = 15 %; 148 / 910B 376 = 39 %; memory 96 GB > H100 80 GB > 910B 32 GB;
    # bandwidth 4.0 TB/s > H100 3.35 > 910B 1.228
    assert (numbers["h20_vs_h100"], numbers["h20_vs_910b"]) == ("15%", "39%")
    assert (numbers["h20_memory"], numbers["h20_bandwidth"]) == ("96", "4")
    specs = chips.key_chip_specs().set_index("name")
    assert specs.loc["NVIDIA HGX H20", "maker_group"] == "英伟达中国特供"
    assert specs.loc["NVIDIA HGX H20", "memory_vs_h100"] == pytest.approx(1.2)
    # every labelled chip of key_chips.yml is drawn, and only NVIDIA's listed chips join the Chinese makers'
    frontier = chips.accelerator_frontier()
    assert set(frontier.loc[frontier["maker_group"] != "国产", "name"]) <= set(mappings.read("key_chips")["nvidia"])
    assert frontier["short_label"].notna().sum() == 14  # key_chips.yml: 6 labelled NVIDIA chips (3 more drawn unlabelled) + 8 Chinese


def test_a_key_chip_epoch_does_not_list_is_an_error_naming_the_file(monkeypatch):
    real = mappings.read("key_chips")
    monkeypatch.setattr(chips.mappings, "read", lambda name, *a: (
        {**real, "china": {**real["china"], "Huawei Ascend 999": "昇腾999"}} if name == "key_chips" else mappings.read(name, *a)))
    with pytest.raises(MappingError, match=r"key_chips\.yml.*Huawei Ascend 999"):
        chips.accelerator_frontier()


def test_training_hardware_against_the_raw_models_file(numbers):
    # notable_ai_models.csv, rows whose 'Country (of organization)' names China or Hong Kong: 131; 'Training
    # hardware' blank on 83; of the 48 others, 42 name only NVIDIA chips, 3 Google TPU v3, 2 only Huawei Ascend
    # (PanGu-Σ 2023, Pangu Ultra 2025), 1 both (ERNIE 3.0 Titan 2021: V100 DGXS 32 GB and Ascend 910)
    assert (numbers["hw_models"], numbers["hw_not_stated"], numbers["hw_stated"]) == (131, 83, 48)
    assert (numbers["hw_nvidia"], numbers["hw_google"], numbers["hw_domestic"], numbers["hw_mixed"]) == (42, 3, 2, 1)
    assert numbers["hw_domestic_models"] == "ERNIE 3.0 Titan（2021）、PanGu-Σ（2023）、Pangu Ultra（2025）"
    by_year = chips.hardware_by_year()
    assert by_year["models"].sum() == 131


def test_an_unmapped_training_hardware_name_fails_naming_the_registry_file(monkeypatch):
    real = load("epoch_models")
    changed = real.copy()
    first = changed.index[changed["is_china"] & changed["dataset"].eq("notable") & changed["training_hardware"].notna()][0]
    changed.loc[first, "training_hardware"] = "Quantum Abacus 9000"
    monkeypatch.setattr(chips, "load", lambda name: changed if name == "epoch_models" else load(name))
    with pytest.raises(MappingError, match=r"Quantum Abacus 9000.*chips\.yml"):
        chips.training_hardware()


def test_cluster_share_against_the_raw_clusters_file(numbers):
    # gpu_clusters.csv with csv: Existing or Decommissioned, not Possible Duplicate, with a first operational date
    # and H100 equivalents; China's cumulative share to 2019: 3791 / 11086.2 = 34.2 %; to 2025: 203031 / 1786345
    # = 11.4 %. Country China: 253 rows, all named "Anonymized Chinese System" with a blank Owner.
    assert (numbers["cl_peak_year"], numbers["cl_peak_share"]) == (2019, "34%")
    assert (numbers["cl_last_year"], numbers["cl_last_share"]) == (2025, "11%")
    assert (numbers["cl_china_clusters"], numbers["cl_china_anonymised"]) == (253, 253)
    # the chart starts with 2017, the first year with 12 (≥ 10) new clusters worldwide
    assert chips.cluster_share_years()["year"].iloc[0] == 2017


def test_corpus_figures_checked_against_epoch(numbers):
    check = chips.corpus_vs_epoch().set_index(["chip_id", "epoch_name"])
    # chip_003 昆仑2代 128 TFLOPS@FP16 = Kunlun II 1.28e14; chip_020 80 GB = A100 SXM4 80 GB; chip_028 192 GB = B100
    # 192 GB but not B200 180 GB; chip_027 "20 PFLOPS" (precision unstated) against B200 2.25 PFLOPS: 8.9 times
    assert check.loc[("chip_003", "Baidu Kunlun II"), "verdict"] == "一致"
    assert check.loc[("chip_020", "NVIDIA A100 SXM4 80 GB"), "verdict"] == "一致"
    assert check.loc[("chip_028", "NVIDIA B100"), "verdict"] == "一致"
    assert check.loc[("chip_028", "NVIDIA B200"), "verdict"] == "不一致"
    assert check.loc[("chip_027", "NVIDIA B200"), "ratio"] == pytest.approx(20 / 2.25)
    assert (numbers["ce_agree"], numbers["ce_pairs"], numbers["ce_bw_ratio"]) == (5, 7, "8.9")


def test_the_corpus_says_nothing_on_export_controls(numbers, monkeypatch):
    # grep over the cleaned paragraphs for 出口管制, 禁令, 实体清单, H20 … finds none
    assert numbers["export_control_paras"] == 0
    paras = pd.DataFrame({"para_id": ["x:1", "x:2"], "doc_id": ["x", "x"],
                          "text": ["美国出口管制收紧。", "手机芯片依赖进口。"]})
    monkeypatch.setattr(chips, "load", lambda name: paras if name == "paragraphs" else load(name))
    assert chips.export_control_mentions()["para_id"].tolist() == ["x:1"]


def test_prose_has_no_code_names_and_no_word_cloud():
    # Errors fixed: the prose named tables and columns (industry_chain, companies.country …); the chapter had a
    # word cloud and a keyword dropdown (now in the corpus chapter)
    text = Path(__file__).parents[1].joinpath("chapters", "chips.md").read_text(encoding="utf-8")
    prose = re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.S)
    prose = re.sub(r"\{(glue:text|ref|term)\}`[^`]*`", "", prose)
    prose = prose[prose.index("本章用两条证据"):]
    assert "`" not in prose
    assert not re.search(r"[a-z]+_[a-z_]+", prose)
    assert "wordcloud" not in text and "keyword_bars" not in text
    # every {ref} target is a label of this chapter or race-findings (the race label on main)
    refs = set(re.findall(r"<([a-z-]+)>`", text)) | set(re.findall(r"\{ref\}`([a-z-]+)`", text))
    assert refs <= set(re.findall(r"^\(([a-z-]+)\)=$", text, flags=re.M)) | {"race-findings"}
