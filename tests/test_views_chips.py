"""Chapter 3's tables (chips and compute) checked against values counted by hand in data/curated/industry_chain.csv,
chips.csv and the cleaned paragraphs, and against the claims the prose makes; failing inputs for the mapping files
and the sentence finder."""
import pandas as pd
import pytest

from cnai.data import load
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


def test_origin_follows_companies_then_row_then_report_column():
    assert chips.origin_of("US", None, "domestic") == (chips.FOREIGN, "companies.country")
    assert chips.origin_of(None, "CN", "foreign") == (chips.DOMESTIC, "行内 country")
    assert chips.origin_of(None, None, "foreign") == (chips.FOREIGN, "研报国外栏")
    assert chips.origin_of(None, None, "domestic") == (chips.DOMESTIC, "研报国内栏")
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
    # 芯片层 091–094 / 088–090, 制造层 098–099 / 095–097.
    balance = chips.table_64_balance().set_index("layer")
    expected = {"应用层": (16, 8), "模型层": (3, 5), "算力层": (4, 4), "芯片层": (4, 3), "制造层": (2, 3)}
    assert list(balance.index) == list(expected)  # in the order of data/mappings/chain_layers.yml
    assert {layer: (int(r[chips.DOMESTIC]), int(r[chips.FOREIGN])) for layer, r in balance.iterrows()} == expected
    assert balance[chips.UNKNOWN].sum() == 0  # the 6.4 table gives every name a column
    assert (numbers["t64_app_cn"], numbers["t64_app_foreign"]) == (16, 8)
    assert (numbers["t64_cn_total"], numbers["t64_foreign_total"]) == (29, 23)
    assert numbers["t64_cn_ahead"] == "应用层、芯片层" and numbers["t64_cn_behind"] == "模型层、制造层"
    assert numbers["t64_chip_cn"] == "寒武纪、海光信息、景嘉微、龙芯中科"  # chain_091–094


def test_unknown_origins_are_the_rows_without_any_country(numbers):
    # 113 rows name a company (chain_001 does not). Known origin: the 52 rows of the 6.4 table, and 9 rows elsewhere
    # whose company has a country in companies.csv or whose own country is filled: chain_028 OpenAI, chain_030
    # 科大讯飞, chain_031 腾讯, chain_032 阿里巴巴, chain_034 百度 (6.3.1), chain_041 Groq, chain_043 OpenAI (6.3.2),
    # chain_107 华为（海思）, chain_114 武汉电信器件 (4.4.3). 113 − 52 − 9 = 52 unknown; in 6.3.1, 34 − 5 = 29.
    assert numbers["chain_rows"] == 113
    assert numbers["chain_unknown"] == 52 and numbers["chain_unknown_share"] == "46%"
    assert (numbers["s631_rows"], numbers["s631_unknown"]) == (34, 29)
    rows = chips.chain_rows().dropna(subset=["company"])
    known_elsewhere = rows[(rows["section"] != "6.4") & (rows["origin"] != chips.UNKNOWN)]
    assert set(known_elsewhere["row_id"]) == {"chain_028", "chain_030", "chain_031", "chain_032", "chain_034",
                                              "chain_041", "chain_043", "chain_107", "chain_114"}


def test_multi_layer_companies_match_the_hand_count(numbers):
    # distinct layers per company_id in industry_chain.csv, rows with chain_layer yes (awk over the company_id and
    # layer columns, sort -u): intel 4 (its 光模块 row chain_112 is not a chain layer), samsung 4, apple 3, google
    # 3, and 2 each for alibaba, baidu, meta, microsoft, tencent, tesla, tsmc.
    multi = chips.multi_layer_companies().set_index("company_id")["layers"].to_dict()
    assert multi == {"intel": 4, "samsung": 4, "apple": 3, "google": 3, "alibaba": 2, "baidu": 2, "meta": 2,
                     "microsoft": 2, "tencent": 2, "tesla": 2, "tsmc": 2}
    # samsung and intel tie at 4 (制造层, 基建层, 算力层, 芯片层); ties are listed by name, 三星 before 英特尔
    assert (numbers["multi_top_name"], numbers["multi_top_layers"]) == ("三星", 4)
    assert numbers["multi_top_list"] == "算力层、芯片层、制造层、基建层"
    assert (numbers["multi_second_name"], numbers["multi_second_layers"]) == ("英特尔", 4)
    # the prose: domestic companies span at most two layers, and only 应用层 and 模型层
    assert numbers["multi_cn_max"] == 2
    assert set(numbers["multi_cn_names"].split("、")) == {"百度", "腾讯", "阿里巴巴"}
    assert numbers["multi_cn_layers"] == "应用层、模型层"


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

def test_spec_counts_match_the_hand_count(numbers):
    # chips.csv: 23 rows have a spec_value, under 20 spec_names; only the three "… to train 1.8T-param GPT" names
    # are stated for two chips (Hopper GPU chip_031–033, Blackwell GPU chip_034–036). Hardware specs with a value:
    # process nm, INT8 TOPS, FP16 TFLOPS, memory GB, memory GB (HBM3e), memory bandwidth, transistors, AI compute.
    assert numbers["spec_values"] == len(chips.spec_rows()) == 23
    assert numbers["spec_names"] == 20
    assert numbers["spec_comparable"] == 3
    assert numbers["spec_comparable_chips"] == "Hopper GPU与Blackwell GPU"
    assert numbers["hw_specs"] == 8
    hardware = chips.specs_overview().query("kind == '硬件规格'")
    assert set(hardware["spec_name"]) == {"process nm", "INT8 TOPS", "FP16 TFLOPS", "memory GB", "memory GB (HBM3e)",
                                          "memory bandwidth", "transistors", "AI compute"}
    assert (hardware["chips"] == 1).all()


def test_hopper_blackwell_figures_from_the_quotes(numbers):
    # chip_031–036: Hopper 8000 张, 15 兆瓦, 90 天; Blackwell 2000 张, 4 兆瓦, 90 天
    assert numbers["gpu_ratio"] == pytest.approx(2000 / 8000)
    assert numbers["power_ratio"] == pytest.approx(4 / 15)
    assert numbers["days_ratio"] == 1.0
    assert (numbers["hopper_gpus"], numbers["blackwell_gpus"]) == ("8000 张", "2000 张")
    assert (numbers["hopper_power"], numbers["blackwell_power"], numbers["hopper_days"]) == ("15 兆瓦", "4 兆瓦", "90 天")
    comparable = chips.comparable_specs()
    assert set(comparable["chip"]) == {"Hopper GPU", "Blackwell GPU"} and len(comparable) == 6


def test_the_domestic_accelerator_shares_no_spec_with_foreign_chips(numbers):
    # chips.csv: the only CN rows with a spec_value are 昆仑2代's chip_001–003 (process nm, INT8 TOPS, FP16 TFLOPS),
    # and no other chip states any of these three
    assert numbers["cn_spec_chips"] == "昆仑2代"
    assert numbers["cn_foreign_shared_specs"] == 0
    assert numbers["kunlun_fp16"] == "128 TFLOPS@FP16"


def test_a100_and_blackwell_memory_sit_under_different_spec_names(numbers):
    # chip_020 (A100 80GB, memory GB, 80 GB) and chip_028 (Blackwell, memory GB (HBM3e), 192 GB)
    assert (numbers["a100_memory"], numbers["blackwell_memory"], numbers["blackwell_compute"]) == (
        "80 GB", "192 GB", "20 PFLOPS")


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


def test_blank_countries_are_counted_not_guessed(numbers):
    # chips.csv: country filled on 11 rows (chip_001–004, 040, 047, 049–053), blank on 43 of 54
    assert (numbers["chips_rows"], numbers["chips_no_country"], numbers["chips_no_country_share"]) == (54, 43, "80%")
    assert (chips.chips_table()["country"] == "未注明").sum() == 43


def test_quote_fix_rows_and_provenance_gaps(numbers):
    # quote_fixed is yes on chip_022–024 and chip_026, whose vendor_derived_from and date_derived_from are
    # context_quote (chip_derived_from blank)
    fixed = chips.quote_fix_rows()
    assert fixed["chip_id"].tolist() == ["chip_022", "chip_023", "chip_024", "chip_026"]
    assert numbers["quote_fix_ids"] == "chip_022、chip_023、chip_024、chip_026" and numbers["quote_fix_rows"] == 4
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
    for frame in (chips.chain_by_origin(), chips.multi_layer_companies(), chips.specs_overview(),
                  chips.comparable_specs(), chips.phone_chip_moves(), chips.commentary_terms()):
        assert not frame.isna().any().any()
