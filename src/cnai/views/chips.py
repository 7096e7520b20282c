"""Tables for chapter 3, chips and compute (芯片与算力): the industry chain, accelerator specifications, phone
makers' chip strategies and the "make or buy" commentary.

Every function returns a small DataFrame (or a dict of headline values) built only from the curated tables and the
paragraphs table. Helpers that other chapters may want as well: `origin_of` (domestic / foreign / not stated, with
the basis of the call), `paragraph_of` (the cleaned paragraph a curated quote comes from) and `sentence_in`
(the one verbatim sentence of an article that holds a phrase, for quoting in the prose).

Curation decisions are read from data/mappings: spec_names.yml (Chinese name and kind of each spec_name),
chain_layers.yml (order of the chain's layers), report_sections.yml (titles of the report's sections) and
labels.yml (chip_use, spec_kind, investment_metric). Column titles come from the schemas (views.columns).
"""
from __future__ import annotations

import re

import pandas as pd

from ..data import load
from .columns import column_titles
from ..facts import mappings
from ..facts.provenance import number_forms, quote_key
from .corpus import topic_keywords_by_source

# --- shared helpers ---------------------------------------------------------------------------------------------

DOMESTIC, FOREIGN, UNKNOWN = "国内", "国外", "未注明"


def layer_order() -> list[str]:
    """The chain's layers in the order charts list them (data/mappings/chain_layers.yml)."""
    ranks = mappings.read("chain_layers")
    return sorted(ranks, key=ranks.get)


def section_titles() -> dict[str, str]:
    """Report section → title, in the order of the chapter's section menu (data/mappings/report_sections.yml)."""
    return dict(mappings.read("report_sections"))


def spec_entries(spec_names: pd.Series) -> pd.DataFrame:
    """The Chinese name (spec), kind code (spec_kind) and kind name (kind) of each spec_name
    (data/mappings/spec_names.yml); blank names stay blank, and a name the file lacks raises MappingError naming
    the file and the name."""
    entries = mappings.harmonize(spec_names, "spec_names")
    name = entries.map(lambda e: e["name"] if isinstance(e, dict) else None)
    code = entries.map(lambda e: e["kind"] if isinstance(e, dict) else None)
    return pd.DataFrame({"spec": name, "spec_kind": code, "kind": mappings.display(code, "spec_kind")},
                        index=spec_names.index)


PHONE_ARTICLE = ("zqrb_2023_07", "a3")  # 国产手机厂商迎“造芯分水岭” 未来如何突围发展？
COMMENTARY = ("zqrb_2023_07", "a5")     # 手机芯片是“造”还是“买”？
# The sentences the prose quotes, each found by a phrase only it contains: (glue key, article, phrase).
QUOTED_PHRASES = [
    ("q_soc_hard", PHONE_ARTICLE, "SoC集成芯片难度重重"),
    ("q_isp_low", PHONE_ARTICLE, "ISP芯片进入门槛相对较低"),
    ("q_rd", PHONE_ARTICLE, "数百亿元"),
    ("q_cautious", PHONE_ARTICLE, "不可盲目进入芯片领域"),
    ("q_invest", PHONE_ARTICLE, "重点支持国产芯片企业"),
    ("q_question", COMMENTARY, "应该“造”还是“买”"),
    ("q_make_risk", COMMENTARY, "选择造芯的确应该慎重"),
    ("q_buy_hard", COMMENTARY, "依赖进口"),
    ("q_verdict", COMMENTARY, "因时制宜"),
    ("q_strategy", COMMENTARY, "以“买”为主"),
    ("q_long_run", COMMENTARY, "从长远来看"),
]


def _labels() -> pd.Series:
    return load("documents").set_index("doc_id")["label"]


def origin_of(company_country, row_country, report_column) -> tuple[str, str]:
    """Domestic, foreign or not stated, and the basis of the call, in this order of precedence:
    companies.country (CN → 国内, any other code → 国外); else the row's own country; else the column of the
    report's 6.4 table that names it (industry_chain.report_column: domestic / foreign); else 未注明. A blank
    country is never read as foreign."""
    for value, basis in ((company_country, "companies.country"), (row_country, "行内 country")):
        if isinstance(value, str) and value:
            return (DOMESTIC if value == "CN" else FOREIGN), basis
    if report_column == "domestic":
        return DOMESTIC, "研报国内栏"
    if report_column == "foreign":
        return FOREIGN, "研报国外栏"
    return UNKNOWN, "无"


def paragraph_of(doc_id: str, quote: str) -> str | None:
    """The para_id of the cleaned paragraph that holds a curated quote (first match), or None."""
    paras = load("paragraphs")
    key = quote_key(quote)
    for row in paras[paras["doc_id"] == doc_id].itertuples():
        if key in quote_key(row.text) or key in quote_key(row.text_original):
            return row.para_id
    return None


def sentence_in(article: tuple[str, str], needle: str, paragraphs: pd.DataFrame | None = None) -> str:
    """The one sentence (ending in 。！？ or its paragraph's end) of an article (doc_id, part_id) that contains
    `needle`, verbatim, for quoting in the prose. Raises LookupError naming the article and the needle if no
    sentence or more than one contains it."""
    doc, part = article
    paras = load("paragraphs") if paragraphs is None else paragraphs
    texts = paras.loc[(paras["doc_id"] == doc) & (paras["part_id"] == part), "text"]
    found = [sentence.strip() for text in texts for sentence in re.findall(r"[^。！？]*[。！？]?", text)
             if needle and needle in sentence]
    if len(found) != 1:
        raise LookupError(f"{len(found)} sentences of {doc} part {part} contain {needle!r}; "
                          "the prose quotes exactly one: change the phrase")
    return found[0]


def amount_as_written(quote: str, value, unit) -> str | None:
    """A stated amount as the quote writes it, with its qualifier: 约110家, 超60家, 数百亿元, 7 万亿美元."""
    text = str(quote)
    if pd.notna(unit):
        unit_pattern = r"\s*".join(map(re.escape, str(unit)))
        if pd.notna(value):
            for form in sorted(number_forms(float(value)), key=len, reverse=True):
                found = re.search(rf"(约|超过?|近|高达)?\s*(?<![\d.]){re.escape(form)}\s*{unit_pattern}", text)
                if found:
                    return re.sub(r"\s+", "", found.group(0))
        else:
            found = re.search(rf"数[十百千万]+\s*{unit_pattern}", text)
            if found:
                return re.sub(r"\s+", "", found.group(0))
    return None


# --- 1. the industry chain ---------------------------------------------------------------------------------------

def chain_rows() -> pd.DataFrame:
    """Every industry_chain row (none dropped) with its report section, domestic/foreign origin and the basis
    of that call (see `origin_of`)."""
    chain = load("industry_chain")
    countries = load("companies").set_index("company_id")["country"]
    company_country = chain["company_id"].map(countries)
    calls = [origin_of(c, r, k) for c, r, k in zip(company_country, chain["country"], chain["report_column"])]
    frame = chain.assign(
        company_country=company_country,
        origin=[c[0] for c in calls], origin_basis=[c[1] for c in calls],
        section=chain["report_section"], section_name=mappings.harmonize(chain["report_section"], "report_sections"),
        source=chain["doc_id"].map(_labels()),
    )
    return frame[["row_id", "section", "section_name", "layer", "layer_en", "company", "company_id",
                  "company_country", "country", "origin", "origin_basis", "source", "doc_id", "quote"]]


def chain_by_origin() -> pd.DataFrame:
    """Company rows per report section, layer and origin, with the names; rows without a company (the bare
    基建层 of 6.3.1) and rows of groups that are not layers of the chain (chain_layer no) are left out."""
    rows = chain_layer_rows().dropna(subset=["company"])
    grouped = rows.groupby(["section", "section_name", "layer", "origin"], as_index=False).agg(
        companies=("row_id", "size"), names=("company", lambda s: "、".join(s)))
    grouped["layer_rank"] = mappings.harmonize(grouped["layer"], "chain_layers")
    return grouped.sort_values(["section", "layer_rank", "origin"]).reset_index(drop=True)


def table_64_balance() -> pd.DataFrame:
    """The 6.4 investment table layer by layer: domestic and foreign names side by side."""
    counts = chain_by_origin().query("section == '6.4'")
    wide = counts.pivot_table(index="layer", columns="origin", values="companies", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=[DOMESTIC, FOREIGN, UNKNOWN], fill_value=0)
    wide = wide.reindex([layer for layer in layer_order() if layer in wide.index])
    return wide.rename_axis(columns=None).reset_index()


def chain_layer_rows() -> pd.DataFrame:
    """The chain_rows whose layer is a layer of the report's chain (industry_chain.chain_layer yes)."""
    layers = load("industry_chain").set_index("row_id")["chain_layer"]
    rows = chain_rows()
    return rows[rows["row_id"].map(layers).eq("yes")]


def company_origins() -> pd.DataFrame:
    """One origin per company: the first call made on a basis other than 无 (rows of one company never disagree;
    the tests check this)."""
    rows = chain_rows().dropna(subset=["company_id"])
    known = rows[rows["origin"] != UNKNOWN].drop_duplicates("company_id").set_index("company_id")
    return pd.DataFrame({"company_id": rows["company_id"].unique()}).assign(
        origin=lambda d: d["company_id"].map(known["origin"]).fillna(UNKNOWN),
        origin_basis=lambda d: d["company_id"].map(known["origin_basis"]).fillna("无"))


def multi_layer_companies(min_layers: int = 2) -> pd.DataFrame:
    """Companies the report places in at least `min_layers` different layers of its chain (any section), with the
    layers."""
    rows = chain_layer_rows().dropna(subset=["company_id"])
    names = load("companies").set_index("company_id")["name"]
    order = layer_order()
    grouped = rows.groupby("company_id").agg(
        layers=("layer", "nunique"),
        layer_list=("layer", lambda s: "、".join(sorted(set(s), key=order.index))),
        sections=("section", lambda s: "、".join(sorted(set(s)))),
        rows=("row_id", "size"))
    grouped = grouped[grouped["layers"] >= min_layers].reset_index()
    grouped = grouped.merge(company_origins(), on="company_id")
    grouped["name"] = grouped["company_id"].map(names)
    return grouped.sort_values(["layers", "name"], ascending=[False, True]).reset_index(drop=True)


def layer_conflicts(first: str = "制造层", second: str = "基建层") -> pd.DataFrame:
    """Companies one section of the report puts in `first` and another section in `second` (data/NOTES.md:
    台积电/三星/英特尔 are 制造层 in 6.3.1 but 基建层 in 6.3.2), with the rows of both placements."""
    rows = chain_rows().dropna(subset=["company_id"])
    placed = rows[rows["layer"].isin([first, second])]
    in_first = placed[placed["layer"] == first].groupby("company_id")["section"].agg(set)
    in_second = placed[placed["layer"] == second].groupby("company_id")["section"].agg(set)
    both = [cid for cid in in_first.index.intersection(in_second.index) if in_first[cid] != in_second[cid]]
    picked = placed[placed["company_id"].isin(both)]
    return picked[["company_id", "company", "section", "layer", "quote"]].sort_values(
        ["company_id", "section"]).reset_index(drop=True)


# --- 2. accelerator specifications -------------------------------------------------------------------------------

def spec_rows() -> pd.DataFrame:
    """Every chips row with a stated numeric value (none dropped), with a Chinese spec name, kind and the
    number of distinct chips stated for the same spec_name."""
    chips = load("chips").dropna(subset=["spec_value"])
    frame = chips.join(spec_entries(chips["spec_name"])).assign(
        value_text=[f"{v:g} {u}" for v, u in zip(chips["spec_value"], chips["spec_unit"])],
        date=chips["date"].fillna("未注明"),
        source=chips["doc_id"].map(_labels()),
        quote_fix=chips["quote_fixed"].eq("yes"),
    )
    frame["chips_with_spec"] = frame.groupby("spec_name")["chip"].transform("nunique")
    return frame[["chip_id", "chip", "vendor", "country", "spec_name", "spec", "kind", "spec_value", "spec_unit",
                  "value_text", "chips_with_spec", "date", "quote_fix", "source", "doc_id", "quote"]].reset_index(drop=True)


def specs_overview() -> pd.DataFrame:
    """One row per spec_name with a stated value: how many chips state it, which, and with what values."""
    rows = spec_rows()
    return rows.groupby(["spec_name", "spec", "kind"], as_index=False).agg(
        chips=("chip", "nunique"), values=("value_text", "size"),
        stated=("chip", lambda s: "；".join(f"{c} {v}" for c, v in zip(s, rows.loc[s.index, "value_text"]))),
        sources=("source", lambda s: "、".join(sorted(set(s))))
    ).sort_values(["chips", "kind", "spec"], ascending=[False, True, True]).reset_index(drop=True)


def comparable_specs() -> pd.DataFrame:
    """Spec rows whose spec_name is stated for two or more chips: the only like-with-like comparisons, with
    each value as a share of the largest value of its spec."""
    rows = spec_rows().query("chips_with_spec >= 2").drop(columns=["country"])
    rows["share_of_max"] = (rows["spec_value"] / rows.groupby("spec_name")["spec_value"].transform("max")).round(3)
    rows["panel"] = [f"{spec.split('：')[-1]}（{unit}）" for spec, unit in zip(rows["spec"], rows["spec_unit"])]
    return rows.reset_index(drop=True)


def spec_ratio(spec_name: str, chip: str, base: str) -> float:
    """value(chip) / value(base) for one spec_name stated for both chips."""
    rows = spec_rows().query("spec_name == @spec_name").set_index("chip")["spec_value"]
    return float(rows[chip] / rows[base])


def domestic_foreign_spec_overlap() -> pd.DataFrame:
    """Spec names stated for chips the text calls Chinese (country CN) and for all other chips, and whether any
    spec is stated on both sides."""
    rows = spec_rows()
    domestic = rows["country"] == "CN"
    return pd.DataFrame({
        "side": [DOMESTIC, "国外或未注明"],
        "chips": [rows.loc[domestic, "chip"].nunique(), rows.loc[~domestic, "chip"].nunique()],
        "spec_names": ["、".join(sorted(set(rows.loc[domestic, "spec_name"]))),
                       "、".join(sorted(set(rows.loc[~domestic, "spec_name"])))],
        "shared": [len(set(rows.loc[domestic, "spec_name"]) & set(rows.loc[~domestic, "spec_name"]))] * 2,
    })


def quote_fix_rows() -> pd.DataFrame:
    """Chips rows whose quote the curators replaced by one of the two paragraphs it joined (QUOTE FIX), with the
    fields the new quote does not state (their Chinese column titles: those whose *_derived_from is filled)."""
    chips = load("chips")
    fixed = chips[chips["quote_fixed"] == "yes"]
    derived = ["chip", "vendor", "date"]  # the fields with a <field>_derived_from column
    missing = fixed.apply(lambda row: "、".join(
        column_titles()[f] for f in derived if isinstance(row[f"{f}_derived_from"], str)), axis=1)
    return fixed.assign(missing=missing, value_text=fixed["spec_value"].map(lambda v: "" if pd.isna(v) else f"{v:g}"))[
        ["chip_id", "chip", "vendor", "spec_name", "value_text", "spec_unit", "date", "missing", "quote"]
    ].reset_index(drop=True)


def blackwell_rows() -> pd.DataFrame:
    """Every chips row whose chip name starts with Blackwell or is B100 or GB200: which thing each figure
    belongs to is not said (data/NOTES.md)."""
    chips = load("chips")
    picked = chips[chips["chip"].str.startswith("Blackwell") | chips["chip"].str.contains("B100|GB200")]
    return picked.assign(spec=spec_entries(picked["spec_name"])["spec"].fillna("（无规格）"),
                         value_text=[("" if pd.isna(v) else f"{v:g} {u}") for v, u in
                                     zip(picked["spec_value"], picked["spec_unit"])])[
        ["chip_id", "chip", "spec", "value_text", "quote"]].reset_index(drop=True)


# --- 3. phone makers --------------------------------------------------------------------------------------------

def phone_chip_moves() -> pd.DataFrame:
    """The chip moves of the 证券日报 phone-chip article: its chips rows (what chip each firm makes or relies on)
    and its chip_investments rows (portfolios, R&D spend), one row per curated fact, none dropped."""
    doc, part = PHONE_ARTICLE
    labels = _labels()
    chips = load("chips").query("doc_id == @doc").copy()
    chips["para_id"] = [paragraph_of(doc, q) for q in chips["quote"]]
    chips = chips[chips["para_id"].str.startswith(f"{doc}:{part}:", na=False)]
    chip_moves = pd.DataFrame({
        "fact_id": chips["chip_id"], "actor": chips["vendor"],
        "strategy": chips["use"].map(lambda u: "依靠芯片厂商的 SoC（买）" if u == "phone_soc" else "自研芯片（造）"),
        "item": [{"isp": "ISP", "phone_soc": "SoC"}.get(u, c) for u, c in zip(chips["use"], chips["chip"])],
        "as_written": chips["chip"], "country": chips["country"], "para_id": chips["para_id"], "quote": chips["quote"],
    })
    inv = load("chip_investments").query("doc_id == @doc").copy()
    inv["para_id"] = [paragraph_of(doc, q) for q in inv["quote"]]
    inv = inv[inv["para_id"].str.startswith(f"{doc}:{part}:", na=False)]
    inv_moves = pd.DataFrame({
        "fact_id": inv["fact_id"], "actor": inv["investor"], "strategy": "资本投入（投）",
        "item": mappings.display(inv["metric"], "investment_metric"),
        "as_written": [amount_as_written(q, v, u) or "（未给数额）" for q, v, u in
                       zip(inv["quote"], inv["value"], inv["unit"])],
        "country": None, "para_id": inv["para_id"], "quote": inv["quote"],
    })
    moves = pd.concat([chip_moves, inv_moves], ignore_index=True)
    moves["country"] = moves["country"].fillna(UNKNOWN)
    moves["para_no"] = moves["para_id"].str.rsplit(":", n=1).str[-1].astype(int)
    moves["source"] = labels[doc]
    moves["doc_id"] = doc
    return moves


def portfolios() -> pd.DataFrame:
    """Stated sizes of chip investment portfolios (companies invested in), with the wording and what is counted."""
    inv = load("chip_investments").query("metric == 'semiconductor_companies_invested'")
    return pd.DataFrame({
        "investor": inv["investor"], "value": inv["value"], "unit": inv["unit"],
        "as_written": [amount_as_written(q, v, u) for q, v, u in zip(inv["quote"], inv["value"], inv["unit"])],
        "counts": inv["quote"].str.extract(r"(芯片半导体与电子相关企业|半导体企业)", expand=False),
        "source": inv["doc_id"].map(_labels()), "doc_id": inv["doc_id"], "quote": inv["quote"],
    }).reset_index(drop=True)


# --- 4. make or buy ---------------------------------------------------------------------------------------------

MAKE, BUY = "“造”", "“买”"


def commentary_terms() -> pd.DataFrame:
    """For each paragraph of the commentary 手机芯片是“造”还是“买”？: how often it writes “造” and “买” (in
    quotation marks, as the commentary does), in long form with the paragraph text."""
    doc, part = COMMENTARY
    paras = load("paragraphs").query("doc_id == @doc and part_id == @part and kind == 'body'")
    rows = []
    for para in paras.itertuples():
        for term in (MAKE, BUY):
            rows.append({"para_no": int(para.para_no), "para_id": para.para_id, "term": term,
                         "mentions": para.text.count(term), "text": para.text, "title": para.part_title})
    frame = pd.DataFrame(rows)
    frame["source"] = _labels()[doc]
    frame["doc_id"] = doc
    return frame


def argument_order() -> pd.DataFrame:
    """One row per commentary paragraph: mentions of each term and which one it is about (造, 买, both, neither)."""
    wide = commentary_terms().pivot_table(index="para_no", columns="term", values="mentions", aggfunc="sum")
    focus = []
    for make, buy in zip(wide[MAKE], wide[BUY]):
        focus.append("两者" if make and buy else "造" if make else "买" if buy else "均未提")
    return wide.assign(focus=focus).rename_axis(columns=None).reset_index()


# --- 5. the searchable table and headline numbers ---------------------------------------------------------------

def provenance_gaps() -> pd.DataFrame:
    """For every chips row (none dropped): is the vendor (its name or an alias in companies) written in the
    row's own quote, is the year of its date, and did the curators replace its quote (QUOTE FIX)?"""
    chips = load("chips")
    companies = load("companies").set_index("company_id")

    def names(company_id, vendor) -> list[str]:
        out = [vendor] if isinstance(vendor, str) else []
        if isinstance(company_id, str) and company_id in companies.index:
            out.append(companies.loc[company_id, "name"])
            aliases = companies.loc[company_id, "aliases"]
            out += aliases.split(" | ") if isinstance(aliases, str) else []
        return [quote_key(n) for n in out]

    keys = chips["quote"].map(quote_key)
    vendor_in = [any(n in k for n in names(c, v)) if isinstance(v, str) else None
                 for c, v, k in zip(chips["company_id"], chips["vendor"], keys)]
    year_in = [(str(d)[:4] in k) if isinstance(d, str) else None for d, k in zip(chips["date"], keys)]
    return pd.DataFrame({"chip_id": chips["chip_id"], "chip": chips["chip"], "vendor": chips["vendor"],
                         "vendor_in_quote": vendor_in, "date": chips["date"], "year_in_quote": year_in,
                         "quote_fix": chips["quote_fixed"].eq("yes")})


def _flags(row, kind, gaps) -> str:
    """The caveats of one chips row, from its typed columns and its provenance gaps."""
    flags = []
    if gaps.quote_fix:
        flags.append("QUOTE FIX：引语换成了相邻段落的一句")
    if gaps.vendor_in_quote is False:
        flags.append("厂商不在引语中（取自上下文）")
    if gaps.year_in_quote is False:
        flags.append("年份不在引语中（取自相邻段落）")
    if row.chip_ambiguous == "yes":
        flags.append(f"{row.chip} 指架构、小芯片、B100 还是 GB200 未说明")
    if kind == "training_usage":
        flags.append("训练用量，非硬件规格")
    if row.company_figure == "yes":
        flags.append("公司层面份额，非芯片规格")
    if isinstance(row.misprint, str):
        flags.append(f"原文笔误（{row.misprint}），照录")
    if isinstance(row.value_as_written, str):
        flags.append("数值为文字或区间，未录")
    return "；".join(flags)


def chips_table() -> pd.DataFrame:
    """All chips rows (none dropped), readable columns for the searchable table."""
    chips = load("chips")
    gaps = provenance_gaps()
    entries = spec_entries(chips["spec_name"])
    value_text = [("" if pd.isna(v) else f"{v:g}") + ("" if pd.isna(u) else f" {u}") for v, u in
                  zip(chips["spec_value"], chips["spec_unit"])]
    flags = [_flags(row, kind, g) for row, kind, g in zip(chips.itertuples(), entries["spec_kind"], gaps.itertuples())]
    table = pd.DataFrame({
        "chip_id": chips["chip_id"], "chip": chips["chip"], "vendor": chips["vendor"],
        "country": chips["country"].fillna(UNKNOWN), "use": mappings.display(chips["use"], "chip_use").fillna(UNKNOWN),
        "spec": entries["spec"].fillna(""), "value_text": value_text, "date": chips["date"].fillna(""), "flags": flags,
        "source": chips["doc_id"].map(_labels()), "doc_id": chips["doc_id"], "quote": chips["quote"],
    })
    return table


def headline_numbers() -> dict[str, object]:
    """Every number or quoted phrase the chapter's prose uses, computed here (glued into the text)."""
    out: dict[str, object] = {}
    balance = table_64_balance().set_index("layer")
    out["t64_app_cn"] = int(balance.loc["应用层", DOMESTIC])
    out["t64_app_foreign"] = int(balance.loc["应用层", FOREIGN])
    out["t64_cn_total"] = int(balance[DOMESTIC].sum())
    out["t64_foreign_total"] = int(balance[FOREIGN].sum())
    ahead = balance[balance[DOMESTIC] > balance[FOREIGN]].index.tolist()
    behind = balance[balance[DOMESTIC] < balance[FOREIGN]].index.tolist()
    out["t64_cn_ahead"] = "、".join(ahead)
    out["t64_cn_behind"] = "、".join(behind)
    out["t64_chip_cn"] = chain_by_origin().query("section == '6.4' and layer == '芯片层' and origin == @DOMESTIC")[
        "names"].iloc[0]

    rows = chain_rows()
    named = rows.dropna(subset=["company"])
    out["chain_rows"] = len(named)
    out["chain_unknown"] = int((named["origin"] == UNKNOWN).sum())
    out["chain_unknown_share"] = f"{(named['origin'] == UNKNOWN).mean():.0%}"
    sec631 = named[named["section"] == "6.3.1"]
    out["s631_rows"] = len(sec631)
    out["s631_unknown"] = int((sec631["origin"] == UNKNOWN).sum())

    out["conflict_names"] = "、".join(dict.fromkeys(layer_conflicts()["company"]))
    multi = multi_layer_companies()
    top = multi.iloc[0]
    out["multi_top_name"], out["multi_top_layers"] = top["name"], int(top["layers"])
    out["multi_top_list"] = top["layer_list"]
    second = multi.iloc[1]
    out["multi_second_name"], out["multi_second_layers"] = second["name"], int(second["layers"])
    domestic_multi = multi[multi["origin"] == DOMESTIC]
    out["multi_cn_max"] = int(domestic_multi["layers"].max())
    out["multi_cn_names"] = "、".join(domestic_multi["name"])
    out["multi_cn_layers"] = "、".join(sorted(set("、".join(domestic_multi["layer_list"]).split("、")),
                                             key=layer_order().index))

    specs = spec_rows()
    overview = specs_overview()
    out["spec_values"] = len(specs)
    out["spec_names"] = len(overview)
    out["spec_comparable"] = int((overview["chips"] >= 2).sum())
    comparable = comparable_specs()
    out["spec_comparable_chips"] = "与".join(sorted(comparable["chip"].unique(), reverse=True))
    out["hw_specs"] = int((overview["kind"] == "硬件规格").sum())
    out["gpu_ratio"] = spec_ratio("count to train 1.8T-param GPT", "Blackwell GPU", "Hopper GPU")
    out["power_ratio"] = spec_ratio("power to train 1.8T-param GPT", "Blackwell GPU", "Hopper GPU")
    out["days_ratio"] = spec_ratio("days to train 1.8T-param GPT", "Blackwell GPU", "Hopper GPU")
    values = comparable.set_index(["spec_name", "chip"])["value_text"]
    out["hopper_gpus"] = values[("count to train 1.8T-param GPT", "Hopper GPU")]
    out["blackwell_gpus"] = values[("count to train 1.8T-param GPT", "Blackwell GPU")]
    out["hopper_power"] = values[("power to train 1.8T-param GPT", "Hopper GPU")]
    out["blackwell_power"] = values[("power to train 1.8T-param GPT", "Blackwell GPU")]
    out["hopper_days"] = values[("days to train 1.8T-param GPT", "Hopper GPU")]
    overlap = domestic_foreign_spec_overlap().set_index("side")
    out["cn_spec_chips"] = "、".join(sorted(specs.loc[specs["country"] == "CN", "chip"].unique()))
    out["cn_foreign_shared_specs"] = int(overlap.loc[DOMESTIC, "shared"])
    chips = load("chips")
    out["chips_rows"] = len(chips)
    out["chips_no_country"] = int(chips["country"].isna().sum())
    out["chips_no_country_share"] = f"{chips['country'].isna().mean():.0%}"
    out["quote_fix_rows"] = len(quote_fix_rows())
    out["quote_fix_ids"] = "、".join(quote_fix_rows()["chip_id"])
    gaps = provenance_gaps()
    out["vendor_not_in_quote"] = int(gaps["vendor_in_quote"].eq(False).sum())
    out["year_not_in_quote"] = int(gaps["year_in_quote"].eq(False).sum())
    a100 = specs.set_index(["chip", "spec_name"])["value_text"]
    out["a100_memory"] = a100[("A100 80GB", "memory GB")]
    out["blackwell_memory"] = a100[("Blackwell", "memory GB (HBM3e)")]
    out["blackwell_compute"] = a100[("Blackwell", "AI compute")]
    out["kunlun_fp16"] = a100[("昆仑2代", "FP16 TFLOPS")]

    moves = phone_chip_moves()
    out["phone_facts"] = len(moves)
    out["phone_made_items"] = "、".join(dict.fromkeys(moves.loc[moves["strategy"] == "自研芯片（造）", "item"]))
    soc = moves[moves["item"] == "SoC"]
    out["soc_actor"] = "、".join(soc["actor"])
    port = portfolios().set_index("investor")
    out["xiaomi_portfolio"] = port.loc["小米产投", "as_written"]
    out["xiaomi_counts"] = port.loc["小米产投", "counts"]
    hubble = port.index[port.index.str.startswith("哈勃")][0]
    out["hubble_portfolio"] = port.loc[hubble, "as_written"]
    out["hubble_counts"] = port.loc[hubble, "counts"]
    rd = moves[moves["item"] == "芯片研发投入"].iloc[0]
    out["huawei_rd"] = rd["as_written"]

    paras = load("paragraphs")
    for key, article, needle in QUOTED_PHRASES:
        out[key] = sentence_in(article, needle, paras)
    order = argument_order()
    out["make_only_para"] = int(order.loc[order["focus"] == "造", "para_no"].iloc[0])
    out["buy_only_para"] = int(order.loc[order["focus"] == "买", "para_no"].iloc[0])
    out["commentary_paras"] = len(order)

    topics = load("paragraph_topics").query("topic == 'chips' and doc_id == 'zqrb_2023_07'")
    phone_parts = topics["para_id"].str.startswith(tuple(f"{doc}:{part}:" for doc, part in (PHONE_ARTICLE, COMMENTARY)))
    out["zqrb_chip_paras"] = len(topics)
    out["zqrb_phone_paras"] = int(phone_parts.sum())
    dates = load("documents").set_index("doc_id")["date"]
    gap = pd.Timestamp(dates["hti_report_2024_06"]) - pd.Timestamp(dates["zqrb_2023_07"])
    out["zqrb_hti_months"] = round(gap.days / 30.44)

    keywords = topic_keywords_by_source("chips")
    for doc_id, key in (("zqrb_2023_07", "kw_zqrb"), ("hti_report_2024_06", "kw_hti"), ("feature_2023", "kw_feature")):
        words = keywords.query("doc_id == @doc_id").sort_values("rank")["word"].head(4)
        out[key] = "、".join(words)
    return out
