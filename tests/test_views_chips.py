"""Chapter 3's tables (chips and compute) recomputed from the curated rows they summarise, and the prose's
claims checked against the data."""
import re

import pandas as pd
import pytest

from cnai.data import load
from cnai.facts.provenance import quote_key
from cnai.views import chips


@pytest.fixture(scope="module")
def numbers():
    return chips.headline_numbers()


# --- the industry chain ---------------------------------------------------------------------------------------

def test_chain_rows_keep_every_row_and_know_each_section():
    rows = chips.chain_rows()
    assert len(rows) == len(load("industry_chain"))
    assert rows["section"].notna().all() and rows["section_name"].notna().all()
    assert set(rows["origin"]) <= {chips.DOMESTIC, chips.FOREIGN, chips.UNKNOWN}


def test_origin_follows_companies_then_row_then_report_column():
    assert chips.origin_of("US", None, "国内 (domestic) column") == (chips.FOREIGN, "companies.country")
    assert chips.origin_of(None, "CN", None) == (chips.DOMESTIC, "行内 country")
    assert chips.origin_of(None, None, "Report 6.4 … 国外 (foreign) column; specific country not stated.") == (
        chips.FOREIGN, "研报国外栏")
    assert chips.origin_of(None, None, "Report 6.3.1 …") == (chips.UNKNOWN, "无")
    assert chips.origin_of(float("nan"), float("nan"), float("nan")) == (chips.UNKNOWN, "无")


def test_no_source_of_origin_contradicts_another():
    chain = load("industry_chain")
    countries = load("companies").set_index("company_id")["country"]
    company_country = chain["company_id"].map(countries)
    both = chain["country"].notna() & company_country.notna()
    assert (chain.loc[both, "country"] == company_country[both]).all()
    # a company the 6.4 table puts in its 国外 column is never CN in companies.csv, and vice versa
    foreign_col = chain["notes"].str.contains("国外 (foreign) column", regex=False, na=False)
    domestic_col = chain["notes"].str.contains("国内 (domestic) column", regex=False, na=False)
    assert not (company_country[foreign_col] == "CN").any()
    assert company_country[domestic_col].dropna().eq("CN").all()
    # every company gets one origin across all its rows
    rows = chips.chain_rows()
    known = rows[rows["origin"] != chips.UNKNOWN]
    assert known.groupby("company_id")["origin"].nunique().max() == 1


def test_chain_counts_add_up_to_the_named_rows():
    counts = chips.chain_by_origin()
    chain = load("industry_chain")
    assert counts["companies"].sum() == chain["company"].notna().sum()
    domestic = chips.chain_rows().query("origin == @chips.DOMESTIC and company.notna()")
    assert counts.loc[counts["origin"] == chips.DOMESTIC, "companies"].sum() == len(domestic)


def test_table_64_balance_recounted_from_the_report_columns(numbers):
    chain = load("industry_chain")
    table = chain[chain["notes"].str.startswith("Report 6.4")]
    countries = load("companies").set_index("company_id")["country"]
    domestic = table["company_id"].map(countries).eq("CN") | table["notes"].str.contains("国内 (domestic)", regex=False)
    app = table["layer"] == "应用层"
    assert numbers["t64_app_cn"] == int((app & domestic).sum()) == 16
    assert numbers["t64_app_foreign"] == int((app & ~domestic).sum()) == 8
    assert numbers["t64_cn_total"] + numbers["t64_foreign_total"] == len(table)
    balance = chips.table_64_balance()
    assert balance[chips.UNKNOWN].sum() == 0  # the 6.4 table gives every name a column
    assert set(numbers["t64_cn_ahead"].split("、")) == {"应用层", "芯片层"}
    assert set(numbers["t64_cn_behind"].split("、")) == {"模型层", "制造层"}


def test_multi_layer_companies_recount_layers_and_domestic_ones_stay_in_models_and_apps(numbers):
    multi = chips.multi_layer_companies().set_index("company_id")
    chain = load("industry_chain").dropna(subset=["company_id"])
    layers = chain.groupby("company_id")["layer"].nunique()
    assert multi["layers"].to_dict() == layers[layers >= 2].to_dict()
    assert numbers["multi_top_name"] == "英特尔" and numbers["multi_top_layers"] == layers.max() == 5
    domestic = multi[multi["origin"] == chips.DOMESTIC]
    for layer_list in domestic["layer_list"]:
        assert set(layer_list.split("、")) <= {"应用层", "模型层"}
    assert numbers["multi_cn_max"] == 2


def test_layer_conflicts_are_the_foundry_placements_of_631_and_632(numbers):
    conflicts = chips.layer_conflicts()
    assert set(conflicts["company_id"]) == {"tsmc", "samsung", "intel"}
    for company_id, group in conflicts.groupby("company_id"):
        placed = dict(zip(group["section"], group["layer"]))
        assert placed["6.3.1"] == "制造层" and placed["6.3.2"] == "基建层"
    assert set(numbers["conflict_names"].split("、")) == {"台积电", "三星", "英特尔"}


# --- accelerator specifications --------------------------------------------------------------------------------

def test_spec_rows_are_every_row_with_a_value():
    rows = chips.spec_rows()
    assert len(rows) == load("chips")["spec_value"].notna().sum()
    assert rows["kind"].notna().all() and rows["spec"].notna().all()
    assert chips.specs_overview()["values"].sum() == len(rows)


def test_only_like_with_like_is_compared(numbers):
    comparable = chips.comparable_specs()
    values = load("chips").dropna(subset=["spec_value"])
    per_name = values.groupby("spec_name")["chip"].nunique()
    assert set(comparable["spec_name"]) == set(per_name[per_name >= 2].index)
    assert comparable.groupby("spec_name")["spec_unit"].nunique().max() == 1
    assert numbers["spec_comparable"] == (per_name >= 2).sum() == 3
    assert numbers["spec_names"] == len(per_name)
    assert set(comparable["chip"]) == {"Hopper GPU", "Blackwell GPU"}


def test_hopper_blackwell_ratios_recomputed(numbers):
    chips_table = load("chips").dropna(subset=["spec_value"]).set_index(["spec_name", "chip"])["spec_value"]
    gpus = chips_table[("count to train 1.8T-param GPT", "Blackwell GPU")] / chips_table[("count to train 1.8T-param GPT", "Hopper GPU")]
    power = chips_table[("power to train 1.8T-param GPT", "Blackwell GPU")] / chips_table[("power to train 1.8T-param GPT", "Hopper GPU")]
    assert numbers["gpu_ratio"] == pytest.approx(gpus) == pytest.approx(0.25)
    assert numbers["power_ratio"] == pytest.approx(power)
    assert numbers["days_ratio"] == 1.0


def test_the_domestic_accelerator_shares_no_spec_with_foreign_chips(numbers):
    values = load("chips").dropna(subset=["spec_value"])
    domestic = set(values.loc[values["country"] == "CN", "spec_name"])
    other = set(values.loc[values["country"] != "CN", "spec_name"])
    assert domestic and not domestic & other
    assert numbers["cn_spec_chips"] == "昆仑2代"
    assert numbers["cn_foreign_shared_specs"] == 0


def test_hardware_specs_each_have_one_chip(numbers):
    overview = chips.specs_overview()
    hardware = overview[overview["kind"] == "硬件规格"]
    assert (hardware["chips"] == 1).all()
    assert numbers["hw_specs"] == len(hardware)


def test_quote_fix_rows_and_provenance_gaps(numbers):
    notes = load("chips")["notes"].fillna("")
    assert numbers["quote_fix_rows"] == notes.str.contains("QUOTE FIX").sum() == 4
    gaps = chips.provenance_gaps()
    assert len(gaps) == len(load("chips"))
    # every QUOTE FIX row has a year missing from its quote, and only those
    assert set(gaps.loc[gaps["year_in_quote"].eq(False), "chip_id"]) == set(gaps.loc[gaps["quote_fix"], "chip_id"])
    # recount vendors missing from quotes independently: the A100 rows name no vendor
    a100 = load("chips").query("chip == 'A100'")
    assert not any("英伟达" in quote_key(q) or "NVIDIA" in quote_key(q) for q in a100["quote"])
    assert numbers["vendor_not_in_quote"] >= len(a100)


def test_blackwell_rows_cover_every_blackwell_name():
    rows = chips.blackwell_rows()
    names = set(rows["chip"])
    assert {"Blackwell", "Blackwell 小芯片", "Blackwell GPU", "B100", "GB200 超级芯片"} <= names
    listed = load("chips")["chip"]
    assert len(rows) == (listed.str.startswith("Blackwell") | listed.isin(["B100", "GB200 超级芯片"])).sum()


def test_a100_and_blackwell_memory_sit_under_different_spec_names():
    values = load("chips").dropna(subset=["spec_value"])
    a100 = values.query("chip == 'A100 80GB'")["spec_name"].tolist()
    blackwell = values.query("chip == 'Blackwell' and spec_unit == 'GB'")["spec_name"].tolist()
    assert a100 and blackwell and not set(a100) & set(blackwell)


# --- phone makers and the commentary ---------------------------------------------------------------------------

def test_phone_moves_are_every_fact_of_the_phone_article():
    moves = chips.phone_chip_moves()
    zqrb_chips = load("chips").query("doc_id == 'zqrb_2023_07'")
    zqrb_inv = load("chip_investments").query("doc_id == 'zqrb_2023_07'")
    # every zqrb chip and investment row comes from the phone-chip article, so none may be dropped
    assert len(moves) == len(zqrb_chips) + len(zqrb_inv)
    assert moves["para_id"].str.startswith("zqrb_2023_07:a3:").all()
    paras = load("paragraphs").set_index("para_id")["text"]
    for para_id, quote in zip(moves["para_id"], moves["quote"]):
        assert quote_key(quote) in quote_key(paras[para_id])


def test_phone_makers_make_small_chips_and_the_soc_row_is_a_chip_vendor(numbers):
    zqrb = load("chips").query("doc_id == 'zqrb_2023_07'")
    soc = zqrb[zqrb["use"] == "phone_soc"]
    assert soc["vendor"].tolist() == ["联发科"] and numbers["soc_actor"] == "联发科"
    made = numbers["phone_made_items"].split("、")
    assert "ISP" in made and "DSP" in made and "SoC" not in made
    # the chart title says phone makers start from ISP and DSP: both are made by 小米 and vivo
    makers = zqrb[zqrb["chip"].str.contains("ISP|DSP")]
    assert set(makers["vendor"]) == {"小米", "vivo"}


def test_portfolio_wording_is_taken_from_the_quotes(numbers):
    folio = chips.portfolios().set_index("investor")
    for investor, row in folio.iterrows():
        assert row["as_written"] in re.sub(r"\s+", "", row["quote"])
        assert str(int(row["value"])) in row["as_written"]
    assert numbers["xiaomi_portfolio"] == "约110家" and numbers["hubble_portfolio"] == "超60家"
    assert numbers["huawei_rd"] == "数百亿元"


def test_amount_as_written():
    assert chips.amount_as_written("共投资了约 110家芯片", 110.0, "家") == "约110家"
    assert chips.amount_as_written("已投资超60家半导体企业", 60.0, "家") == "超60家"
    assert chips.amount_as_written("投入数百亿元的研发费用", float("nan"), "亿元") == "数百亿元"
    assert chips.amount_as_written("高达 7 万亿美元的资金", 7.0, "万亿美元") == "高达7万亿美元"
    assert chips.amount_as_written("no amount", float("nan"), float("nan")) is None


def test_commentary_terms_recount_the_paragraphs(numbers):
    terms = chips.commentary_terms()
    paras = load("paragraphs").query("doc_id == 'zqrb_2023_07' and part_id == 'a5' and kind == 'body'")
    assert len(terms) == 2 * len(paras) and numbers["commentary_paras"] == len(paras)
    total_make = sum(text.count("“造”") for text in paras["text"])
    assert terms.loc[terms["term"] == chips.MAKE, "mentions"].sum() == total_make
    # the chart title's reading: a paragraph on 造 alone comes before one on 买 alone; the last says 从“买”到“造”
    assert numbers["make_only_para"] < numbers["buy_only_para"]
    last = paras.sort_values("para_no")["text"].iloc[-1]
    assert "从“买”到“造”" in last


def test_quoted_sentences_are_verbatim(numbers):
    paras = load("paragraphs")
    text = " ".join(paras.loc[paras["doc_id"] == "zqrb_2023_07", "text"])
    for key, value in numbers.items():
        if key.startswith("q_"):
            assert value and value in text, key
    with pytest.raises(KeyError):
        chips.sentence_with("zqrb_2023_07:a5:1", "不在段落里的字")


# --- the table and the caveats ---------------------------------------------------------------------------------

def test_chips_table_keeps_every_row_with_doc_and_quote():
    table = chips.chips_table()
    curated = load("chips")
    assert len(table) == len(curated)
    assert table["编号"].tolist() == curated["chip_id"].tolist()
    assert table["原文"].tolist() == curated["quote"].tolist()
    assert table["doc_id"].notna().all()


def test_blank_countries_are_counted_not_guessed(numbers):
    curated = load("chips")
    assert numbers["chips_no_country"] == curated["country"].isna().sum()
    assert (chips.chips_table()["国家"] == "未注明").sum() == numbers["chips_no_country"]
    rows = chips.chain_rows().dropna(subset=["company"])
    assert numbers["chain_unknown"] == (rows["origin"] == chips.UNKNOWN).sum()
    # unknown rows really have no country anywhere and no 6.4 column
    unknown = rows[rows["origin"] == chips.UNKNOWN]
    assert unknown["company_country"].isna().all() and unknown["country"].isna().all()
    assert unknown["section"].ne("6.4").all()


def test_chart_frames_have_no_missing_values():
    for frame in (chips.chain_by_origin(), chips.multi_layer_companies(), chips.specs_overview(),
                  chips.comparable_specs(), chips.phone_chip_moves(), chips.commentary_terms()):
        assert not frame.isna().any().any()
        assert isinstance(frame, pd.DataFrame)
