"""Tables for chapter 3, chips and compute (芯片与算力). Two lines of evidence: Epoch AI's datasets (ML Hardware,
Notable AI Models, GPU Clusters: how Chinese accelerators compare with NVIDIA's, what hardware trains China's
notable models, China's share of known cluster capacity) and the corpus's curated facts (the industry chain,
accelerator figures, phone makers' chip strategies and the "make or buy" commentary), with a check of one against
the other.

Every function returns a small DataFrame (or a dict of headline values). Countries come from the entity registry
(data/registry, through entity_links), with a flag where the text itself does not state them. Helpers that other chapters may want as well: `origin_of` (domestic / foreign / not stated, with
the basis of the call), `paragraph_of` (the cleaned paragraph a curated quote comes from) and `sentence_in`
(the one verbatim sentence of an article that holds a phrase, for quoting in the prose).

Curation decisions are read from data/mappings: spec_names.yml (Chinese name and kind of each spec_name),
chain_layers.yml (order of the chain's layers), report_sections.yml (titles of the report's sections) and
labels.yml (chip_use, spec_kind, investment_metric, country_code, training_hardware_group), key_chips.yml (the
accelerators the first chart draws and labels) and corpus_epoch_pairs.yml (which Epoch row each corpus figure is
checked against). Column titles come from the schemas (views.columns).
"""
from __future__ import annotations

import re

import pandas as pd

from .. import registry
from ..data import load
from ..errors import MappingError
from .columns import column_titles
from ..facts import mappings
from ..facts.provenance import number_forms, quote_key

# --- shared helpers ---------------------------------------------------------------------------------------------

DOMESTIC, FOREIGN, UNKNOWN = "中国", "国外", "未注明"
CHINA_CODES = ("CN", "HK")  # registry country codes the chapter counts as 中国 (Epoch's is_china does the same)
TEXT_STATES = "原文写明"
REGISTRY_ONLY = "国别据实体登记表，原文未写"


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


def origin_of(registry_country, text_country, report_column) -> tuple[str, str]:
    """中国 (registry country CN or HK), 国外 (any other) or 未注明, and whether the text states it.

    The country is the entity registry's (data/registry/organisations.yml, one country per organisation for the
    whole book); where the registry has none, the text's own (companies.csv or the row), else the column of the
    report's 6.4 table that names it (domestic / foreign). The basis is 原文写明 where the text gives a country
    or a column, else 国别据实体登记表，原文未写; 无 where nothing does. A blank is never read as foreign."""
    def filled(value) -> bool:
        return isinstance(value, str) and bool(value)

    text_says = filled(text_country) or report_column in ("domestic", "foreign")
    if filled(registry_country):
        origin = DOMESTIC if registry_country in CHINA_CODES else FOREIGN
    elif filled(text_country):
        origin = DOMESTIC if text_country in CHINA_CODES else FOREIGN
    elif report_column in ("domestic", "foreign"):
        origin = DOMESTIC if report_column == "domestic" else FOREIGN
    else:
        return UNKNOWN, "无"
    return origin, (TEXT_STATES if text_says else REGISTRY_ONLY)


def _links(table: str) -> pd.DataFrame:
    """entity_links rows of one curated table (companies, chips), by the table's key."""
    links = load("entity_links")
    return links[links["table"] == table].set_index("key")


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


# --- 0. outside data: Epoch AI's accelerators, training hardware and clusters ----------------------------------

def _key_chips() -> dict:
    keys = mappings.read("key_chips")
    names = set(load("accelerator_specs")["name"])
    missing = sorted((set(keys["nvidia"]) | set(keys["china"])) - names)
    if missing:
        raise MappingError(f"{mappings.path_of('key_chips')}: not in Epoch's ML Hardware: "
                           + ", ".join(map(repr, missing)) + "; fix the names there")
    return keys


def accelerator_frontier() -> pd.DataFrame:
    """16-bit compute by release date: every accelerator of a maker in China with both figures, and the NVIDIA
    chips of data/mappings/key_chips.yml; with memory, bandwidth and the short label of the points the chart
    names (blank for the others)."""
    specs = load("accelerator_specs")
    keys = _key_chips()
    china = specs["group"].eq("china")
    rows = specs[(china | specs["name"].isin(keys["nvidia"])) & specs["fp16_flops"].notna()
                 & specs["release_date"].notna()]
    labels = {**keys["nvidia"], **keys["china"]}
    group = ["国产" if c == "china" else "英伟达中国特供" if m else "英伟达"
             for c, m in zip(rows["group"], rows["china_market"])]
    return pd.DataFrame({
        "name": rows["name"], "maker": rows["maker"], "maker_group": group,
        "release_date": rows["release_date"], "tflops": rows["fp16_flops"] / 1e12,
        "flops_precision": rows["fp16_basis"].map({"tensor_fp16_bf16": "张量 FP16/BF16", "fp16": "FP16"}),
        "memory_gb": rows["memory_bytes"] / 1e9, "bandwidth_tbs": rows["memory_bandwidth"] / 1e12,
        "short_label": rows["name"].map(lambda n: labels.get(n)),
    }).reset_index(drop=True)


def flagship_gap() -> pd.DataFrame:
    """Each labelled chip of a maker in China against NVIDIA's comparison line: the best NVIDIA chip released by
    the same date (China-market chips left out), the chip's compute as a share of it, and the first NVIDIA chip
    that had reached the chip's compute, with the years between the two releases (negative: the domestic chip
    came first)."""
    chips = accelerator_frontier()
    nvidia = chips[chips["maker_group"] == "英伟达"].sort_values("release_date")
    rows = []
    for chip in chips[(chips["maker_group"] == "国产") & chips["short_label"].notna()].itertuples():
        before = nvidia[nvidia["release_date"] <= chip.release_date]
        best = before.loc[before["tflops"].idxmax()]
        reached = nvidia[nvidia["tflops"] >= chip.tflops]
        first = reached.iloc[0] if len(reached) else None
        lag = None if first is None else (pd.Timestamp(chip.release_date) - pd.Timestamp(first["release_date"])).days / 365.25
        rows.append({"short_label": chip.short_label, "name": chip.name, "maker": chip.maker, "release_date": chip.release_date,
                     "tflops": chip.tflops, "memory_gb": chip.memory_gb, "bandwidth_tbs": chip.bandwidth_tbs,
                     "nvidia_best": best["short_label"] or best["name"], "nvidia_best_tflops": best["tflops"],
                     "share_of_nvidia": chip.tflops / best["tflops"],
                     "nvidia_reached": None if first is None else (first["short_label"] or first["name"]),
                     "nvidia_reached_date": None if first is None else first["release_date"],
                     "years_behind": None if lag is None else round(lag, 1)})
    return pd.DataFrame(rows).sort_values("release_date").reset_index(drop=True)


def key_chip_specs() -> pd.DataFrame:
    """The labelled chips side by side: 16-bit compute, memory and bandwidth, each as a share of the H100's."""
    chips = accelerator_frontier().dropna(subset=["short_label"]).sort_values("release_date")
    h100 = chips.set_index("name").loc["NVIDIA H100 SXM5 80GB"]
    return chips.assign(
        tflops_vs_h100=(chips["tflops"] / h100["tflops"]).round(2),
        memory_vs_h100=(chips["memory_gb"] / h100["memory_gb"]).round(2),
        bandwidth_vs_h100=(chips["bandwidth_tbs"] / h100["bandwidth_tbs"]).round(2),
        tflops=chips["tflops"].round(0), bandwidth_tbs=chips["bandwidth_tbs"].round(2),
    )[["short_label", "maker_group", "release_date", "tflops", "memory_gb", "bandwidth_tbs", "tflops_vs_h100",
       "memory_vs_h100", "bandwidth_vs_h100", "name"]].reset_index(drop=True)


HARDWARE_SOURCE = "Epoch AI Notable AI Models, training hardware (epoch_models.training_hardware)"


def training_hardware() -> pd.DataFrame:
    """Epoch's notable models with an organisation in China, one row each (none dropped), with the makers of
    their training hardware from the registry (data/registry/chips.yml; a name it lacks stops with an error
    naming the file) and the group: NVIDIA, domestic (maker in China), other foreign, mixed, or not stated."""
    models = load("epoch_models").query("dataset == 'notable' and is_china").copy()
    parts = models["training_hardware"].str.split(",").explode().str.strip()
    parts = parts[parts.notna() & (parts != "")]
    ids = registry.harmonize(parts, "chip", HARDWARE_SOURCE)
    makers = registry.attribute(ids, "chip", "maker")
    countries = registry.attribute(makers, "organisation", "country")
    kinds = pd.Series(["nvidia" if m == "nvidia" else "domestic" if c in CHINA_CODES else "other_foreign"
                       for m, c in zip(makers, countries)], index=parts.index)
    per_model = kinds.groupby(level=0).agg(lambda k: sorted(set(k)))

    def group(found) -> str:
        if not isinstance(found, list):
            return "not_stated"
        if len(found) == 1:
            return found[0]
        if found == ["domestic", "nvidia"]:
            return "mixed"
        raise MappingError(f"{HARDWARE_SOURCE}: hardware of makers {found} has no group in data/mappings/labels.yml "
                           "block training_hardware_group; add one")
    models["hardware_group"] = [group(per_model.get(i)) for i in models.index]
    models["hardware_group_name"] = mappings.display(models["hardware_group"], "training_hardware_group")
    models["hardware_makers"] = makers.groupby(level=0).agg(lambda m: "、".join(dict.fromkeys(m))).reindex(models.index)
    models["year"] = models["publication_date"].str[:4].astype(int)
    return models[["model", "organisation", "year", "publication_date", "training_hardware", "hardware_quantity",
                   "hardware_makers", "hardware_group", "hardware_group_name", "training_compute_flop", "row"]].reset_index(drop=True)


def hardware_by_year() -> pd.DataFrame:
    """Notable models from China per publication year and hardware group (counts; groups with none left out)."""
    models = training_hardware()
    counts = models.groupby(["year", "hardware_group", "hardware_group_name"], as_index=False).agg(
        models=("model", "size"), names=("model", lambda m: "、".join(m)))
    order = list(mappings.labels("training_hardware_group"))
    counts["group_rank"] = counts["hardware_group"].map(order.index)
    return counts.sort_values(["year", "group_rank"]).reset_index(drop=True)


RECENT_YEAR = 2024  # the prose's "recent" models: published this year or later

MIN_CLUSTERS = 10  # the share is drawn from the first year Epoch records at least this many new clusters worldwide


def cluster_share_years() -> pd.DataFrame:
    """China's cumulative share of known GPU-cluster capacity by first operational year, from the first year with
    at least MIN_CLUSTERS new clusters worldwide (before it the share rests on a handful of clusters)."""
    share = load("cluster_share").sort_values("year")
    start = share.loc[share["world_clusters"] >= MIN_CLUSTERS, "year"].min()
    shown = share[share["year"] >= start].copy()
    shown["share_text"] = shown["china_share"].map(lambda v: f"{v:.0%}")
    return shown.reset_index(drop=True)


def china_clusters() -> dict[str, int]:
    """Clusters Epoch places in China, and how many of them it names no owner for (anonymised)."""
    clusters = load("gpu_clusters")
    china = clusters[clusters["is_china"]]
    return {"clusters": len(china), "anonymised": int(china["owner"].isna().sum()),
            "anonymised_name": int((china["name"] == "Anonymized Chinese System").sum())}


def corpus_vs_epoch() -> pd.DataFrame:
    """The corpus's accelerator figures beside Epoch's for the same chip and quantity
    (data/mappings/corpus_epoch_pairs.yml), with the ratio corpus / Epoch."""
    pairs = pd.DataFrame(mappings.read("corpus_epoch_pairs")["pairs"])
    chips = load("chips").set_index("chip_id")
    specs = load("accelerator_specs").set_index("name")
    unknown = sorted(set(pairs["epoch"]) - set(specs.index)) + sorted(set(pairs["chip_id"]) - set(chips.index))
    if unknown:
        raise MappingError(f"{mappings.path_of('corpus_epoch_pairs')}: unknown names {unknown}; fix them there")
    stated = chips.loc[pairs["chip_id"]]
    epoch = [specs.at[name, measure] / scale for name, measure, scale in zip(pairs["epoch"], pairs["measure"], pairs["scale"])]
    frame = pd.DataFrame({
        "chip_id": pairs["chip_id"].values, "chip": stated["chip"].values,
        "spec": spec_entries(stated["spec_name"].reset_index(drop=True))["spec"].values,
        "corpus_value": stated["spec_value"].values, "unit": pairs["unit"].values,
        "epoch_name": pairs["epoch"].values, "epoch_value": epoch,
    })
    frame["ratio"] = frame["corpus_value"] / frame["epoch_value"]
    frame["agree"] = (frame["ratio"] - 1).abs() <= 0.05
    frame["verdict"] = frame["agree"].map({True: "一致", False: "不一致"})
    frame["quote"] = stated["quote"].values
    frame["source"] = stated["doc_id"].map(_labels()).values
    return frame


# --- 1. the industry chain ---------------------------------------------------------------------------------------

def chain_rows() -> pd.DataFrame:
    """Every industry_chain row (none dropped) with its report section, the registry's country of its company,
    its origin (中国 / 国外 / 未注明) and whether the text states it (see `origin_of`)."""
    chain = load("industry_chain")
    links = _links("companies")
    countries = load("companies").set_index("company_id")["country"]
    company_country = chain["company_id"].map(countries)
    registry_country = chain["company_id"].map(links["country_registry"])
    text_country = company_country.where(company_country.notna(), chain["country"])
    calls = [origin_of(r, t, k) for r, t, k in zip(registry_country, text_country, chain["report_column"])]
    frame = chain.assign(
        company_country=company_country, registry_country=registry_country,
        origin=[c[0] for c in calls], origin_basis=[c[1] for c in calls],
        section=chain["report_section"], section_name=mappings.harmonize(chain["report_section"], "report_sections"),
        source=chain["doc_id"].map(_labels()),
    )
    return frame[["row_id", "section", "section_name", "layer", "layer_en", "company", "company_id",
                  "company_country", "country", "registry_country", "origin", "origin_basis", "source", "doc_id",
                  "quote"]]


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


def layer_companies() -> pd.DataFrame:
    """Distinct companies the report names in each layer of its chain (any section; a company named in one layer
    by two sections counts once), by origin, with the names and how many of them the text gives no country for."""
    rows = chain_layer_rows().dropna(subset=["company_id"]).drop_duplicates(["layer", "company_id"])
    grouped = rows.groupby(["layer", "origin"], as_index=False).agg(
        company_count=("company_id", "size"), names=("company", lambda s: "、".join(s)),
        registry_only=("origin_basis", lambda s: int((s == REGISTRY_ONLY).sum())))
    grouped["layer_rank"] = mappings.harmonize(grouped["layer"], "chain_layers")
    return grouped.sort_values(["layer_rank", "origin"]).reset_index(drop=True)


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


MAKE_OWN, BUY_SOC, INVEST = "自研（造）", "SoC 靠买", "资本（投）"
NO_AMOUNT = "（未给数额）"

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
        "strategy": chips["use"].map(lambda u: BUY_SOC if u == "phone_soc" else MAKE_OWN),
        "item": [{"isp": "ISP", "phone_soc": "SoC"}.get(u, c) for u, c in zip(chips["use"], chips["chip"])],
        "as_written": chips["chip"], "country": chips["chip_id"].map(_links("chips")["country_registry"]),
        "para_id": chips["para_id"], "quote": chips["quote"],
    })
    inv = load("chip_investments").query("doc_id == @doc").copy()
    inv["para_id"] = [paragraph_of(doc, q) for q in inv["quote"]]
    inv = inv[inv["para_id"].str.startswith(f"{doc}:{part}:", na=False)]
    inv_moves = pd.DataFrame({
        "fact_id": inv["fact_id"], "actor": inv["investor"], "strategy": INVEST,
        "item": mappings.display(inv["metric"], "investment_metric"),
        "as_written": [amount_as_written(q, v, u) or NO_AMOUNT for q, v, u in
                       zip(inv["quote"], inv["value"], inv["unit"])],
        "country": [registry.attribute(pd.Series([registry.resolve(i, "organisation")]), "organisation", "country")[0]
                    for i in inv["investor"]],
        "para_id": inv["para_id"], "quote": inv["quote"],
    })
    moves = pd.concat([chip_moves, inv_moves], ignore_index=True)
    moves["country"] = mappings.display(moves["country"], "country_code").fillna(UNKNOWN)
    moves["para_no"] = moves["para_id"].str.rsplit(":", n=1).str[-1].astype(int)
    moves["source"] = labels[doc]
    moves["doc_id"] = doc
    moves["row_label"] = [f"{a}：{i if w == NO_AMOUNT else w}" for a, i, w in
                          zip(moves["actor"], moves["item"], moves["as_written"])]
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
        flags.append("引语已换成相邻段落的一句")
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
    links = _links("chips").reindex(chips["chip_id"])
    registry_country = links["country_registry"]
    country = mappings.display(registry_country, "country_code").fillna(UNKNOWN)
    basis = [("无" if not isinstance(r, str) else REGISTRY_ONLY if silent else TEXT_STATES)
             for r, silent in zip(registry_country, links["text_silent"])]
    table = pd.DataFrame({
        "chip_id": chips["chip_id"], "chip": chips["chip"], "vendor": chips["vendor"],
        "country": country.values, "origin_basis": basis, "use": mappings.display(chips["use"], "chip_use").fillna(UNKNOWN),
        "spec": entries["spec"].fillna(""), "value_text": value_text, "date": chips["date"].fillna(""), "flags": flags,
        "source": chips["doc_id"].map(_labels()), "doc_id": chips["doc_id"], "quote": chips["quote"],
    })
    return table


EXPORT_CONTROL_TERMS = ("出口管制", "出口限制", "禁令", "制裁", "实体清单", "禁售", "断供", "H20", "H800", "A800")


def export_control_mentions() -> pd.DataFrame:
    """Paragraphs of the corpus (cleaned text) that name any of EXPORT_CONTROL_TERMS: US export rules on chips,
    the China-market NVIDIA chips they produced."""
    paras = load("paragraphs")
    hits = paras["text"].map(lambda t: [w for w in EXPORT_CONTROL_TERMS if w.casefold() in t.casefold()])
    return paras.assign(terms=hits.map("、".join))[hits.map(bool)][["para_id", "doc_id", "terms", "text"]]


def _pct(value: float) -> str:
    return f"{value:.0%}"


def _num(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:.1f}".rstrip("0").rstrip(".")


def headline_numbers() -> dict[str, object]:
    """Every number or quoted phrase the chapter's prose uses, computed here (glued into the text)."""
    out: dict[str, object] = {}
    # --- accelerators (Epoch AI ML Hardware)
    gap = flagship_gap().set_index("name")
    specs = key_chip_specs().set_index("name")
    frontier = accelerator_frontier()
    out["acc_china_chips"] = int((frontier["maker_group"] == "国产").sum())
    out["acc_china_makers"] = int(frontier.loc[frontier["maker_group"] == "国产", "maker"].nunique())
    for key, name in (("a910b", "Huawei Ascend 910B"), ("a910c", "Huawei Ascend 910C"), ("a920", "Huawei Ascend 920"),
                      ("br100", "Biren BR100")):
        row = gap.loc[name]
        out[f"{key}_tflops"] = _num(row["tflops"])
        out[f"{key}_year"] = int(row["release_date"][:4])
        out[f"{key}_vs"] = row["nvidia_best"]
        out[f"{key}_share"] = _pct(row["share_of_nvidia"])
        out[f"{key}_reached"] = row["nvidia_reached"]
        out[f"{key}_years"] = _num(abs(row["years_behind"]))
    out["b200_tflops"] = _num(specs.loc["NVIDIA B200", "tflops"])
    out["h100_tflops"] = _num(specs.loc["NVIDIA H100 SXM5 80GB", "tflops"])
    h20 = specs.loc["NVIDIA HGX H20"]
    out["h20_tflops"] = _num(h20["tflops"])
    out["h20_vs_h100"] = _pct(h20["tflops_vs_h100"])
    out["h20_vs_910b"] = _pct(h20["tflops"] / specs.loc["Huawei Ascend 910B", "tflops"])
    out["h20_memory"] = _num(h20["memory_gb"])
    out["h20_bandwidth"] = _num(h20["bandwidth_tbs"])
    out["h100_memory"] = _num(specs.loc["NVIDIA H100 SXM5 80GB", "memory_gb"])
    out["h100_bandwidth"] = _num(specs.loc["NVIDIA H100 SXM5 80GB", "bandwidth_tbs"])
    out["a910b_memory"] = _num(specs.loc["Huawei Ascend 910B", "memory_gb"])
    out["a910b_bandwidth"] = _num(specs.loc["Huawei Ascend 910B", "bandwidth_tbs"])
    out["a910c_memory"] = _num(specs.loc["Huawei Ascend 910C", "memory_gb"])
    out["a910c_bandwidth"] = _num(specs.loc["Huawei Ascend 910C", "bandwidth_tbs"])
    out["b200_bandwidth"] = _num(specs.loc["NVIDIA B200", "bandwidth_tbs"])
    plain = frontier[(frontier["maker_group"] == "国产") & (frontier["flops_precision"] == "FP16")]
    out["acc_china_plain_fp16"] = len(plain)

    # --- training hardware (Epoch AI Notable AI Models)
    models = training_hardware()
    counts = models["hardware_group"].value_counts()
    out["hw_models"] = len(models)
    out["hw_not_stated"] = int(counts.get("not_stated", 0))
    out["hw_not_stated_share"] = _pct(counts.get("not_stated", 0) / len(models))
    out["hw_stated"] = len(models) - out["hw_not_stated"]
    out["hw_nvidia"] = int(counts.get("nvidia", 0))
    out["hw_nvidia_share"] = _pct(counts.get("nvidia", 0) / out["hw_stated"])
    out["hw_domestic"] = int(counts.get("domestic", 0))
    out["hw_mixed"] = int(counts.get("mixed", 0))
    out["hw_google"] = int(counts.get("other_foreign", 0))
    domestic = models[models["hardware_group"].isin(["domestic", "mixed"])].sort_values("publication_date")
    out["hw_domestic_models"] = "、".join(f"{m}（{y}）" for m, y in zip(domestic["model"], domestic["year"]))
    out["hw_with_domestic"] = out["hw_domestic"] + out["hw_mixed"]
    out["hw_recent_year"] = RECENT_YEAR
    recent = models[models["year"] >= RECENT_YEAR]
    out["hw_recent_models"] = len(recent)
    out["hw_recent_not_stated"] = int((recent["hardware_group"] == "not_stated").sum())
    out["hw_first_year"], out["hw_last_year"] = int(models["year"].min()), int(models["year"].max())

    # --- clusters (Epoch AI GPU Clusters)
    share = cluster_share_years().set_index("year")
    peak = share["china_share"].idxmax()
    last = share.index.max()
    out["cl_start"], out["cl_peak_year"], out["cl_last_year"] = int(share.index.min()), int(peak), int(last)
    out["cl_peak_share"] = share.loc[peak, "share_text"]
    out["cl_last_share"] = share.loc[last, "share_text"]
    out["cl_min_clusters"] = MIN_CLUSTERS
    earlier = load("cluster_share").query("year < @out['cl_start']")
    out["cl_before_clusters"] = int(earlier["world_clusters"].sum())
    out["cl_china_h100e"] = _num(share.loc[last, "china_cumulative"])
    out["cl_world_h100e"] = _num(share.loc[last, "world_cumulative"])
    clusters = china_clusters()
    out["cl_china_clusters"] = clusters["clusters"]
    out["cl_china_anonymised"] = clusters["anonymised"]

    # --- the corpus: the chain
    layers = layer_companies().set_index(["layer", "origin"])["company_count"]
    for key, layer in (("app", "应用层"), ("chip", "芯片层"), ("compute", "算力层"), ("fab", "制造层"), ("model", "模型层")):
        out[f"lc_{key}_cn"] = int(layers.get((layer, DOMESTIC), 0))
        out[f"lc_{key}_foreign"] = int(layers.get((layer, FOREIGN), 0))
    ahead = [layer for layer in layer_order() if layers.get((layer, DOMESTIC), 0) > layers.get((layer, FOREIGN), 0)]
    out["lc_cn_ahead"] = "、".join(ahead)
    out["lc_chip_cn_names"] = layer_companies().query("layer == '芯片层' and origin == @DOMESTIC")["names"].iloc[0]
    balance = table_64_balance().set_index("layer")
    out["t64_chip_cn"] = int(balance.loc["芯片层", DOMESTIC])
    out["t64_chip_foreign"] = int(balance.loc["芯片层", FOREIGN])
    rows = chain_layer_rows().dropna(subset=["company"])
    out["chain_rows"] = len(rows)
    out["chain_registry_only"] = int((rows["origin_basis"] == REGISTRY_ONLY).sum())
    out["chain_unknown"] = int((rows["origin"] == UNKNOWN).sum())
    out["conflict_names"] = "、".join(dict.fromkeys(layer_conflicts()["company"]))
    multi = multi_layer_companies()
    out["multi_top_name"], out["multi_top_layers"] = multi.iloc[0]["name"], int(multi.iloc[0]["layers"])
    out["multi_cn_max"] = int(multi.loc[multi["origin"] == DOMESTIC, "layers"].max())

    # --- the corpus: chips rows, and the check against Epoch
    chips = load("chips")
    table = chips_table()
    out["chips_rows"] = len(chips)
    out["chips_text_country"] = int(chips["country"].notna().sum())
    out["chips_registry_only"] = int((table["origin_basis"] == REGISTRY_ONLY).sum())
    check = corpus_vs_epoch()
    out["ce_pairs"] = len(check)
    out["ce_agree"] = int(check["agree"].sum())
    compute = check[check["chip_id"] == "chip_027"].iloc[0]
    out["ce_bw_compute"] = f"{compute['corpus_value']:g} {compute['unit']}"
    out["ce_b200_compute"] = f"{compute['epoch_value']:g} {compute['unit']}"
    out["ce_bw_ratio"] = _num(compute["ratio"])
    kunlun = check[check["chip_id"] == "chip_003"].iloc[0]
    out["ce_kunlun"] = f"{kunlun['corpus_value']:g} {kunlun['unit']}"
    out["gpu_ratio"] = spec_ratio("count to train 1.8T-param GPT", "Blackwell GPU", "Hopper GPU")
    out["hopper_blackwell_gpus"] = _num(1 / out["gpu_ratio"])
    out["b200_vs_h100"] = _num(specs.loc["NVIDIA B200", "tflops"] / specs.loc["NVIDIA H100 SXM5 80GB", "tflops"])
    out["quote_fix_rows"] = len(quote_fix_rows())
    gaps = provenance_gaps()
    out["vendor_not_in_quote"] = int(gaps["vendor_in_quote"].eq(False).sum())
    out["year_not_in_quote"] = int(gaps["year_in_quote"].eq(False).sum())
    out["export_control_paras"] = len(export_control_mentions())
    out["export_control_terms"] = "、".join(f"“{t}”" for t in EXPORT_CONTROL_TERMS)
    out["corpus_paras"] = len(load("paragraphs"))

    # --- the corpus: phone makers and the commentary
    moves = phone_chip_moves()
    out["phone_facts"] = len(moves)
    out["phone_made_items"] = "、".join(dict.fromkeys(moves.loc[moves["strategy"] == MAKE_OWN, "item"]))
    out["soc_actor"] = "、".join(moves.loc[moves["item"] == "SoC", "actor"])
    port = portfolios().set_index("investor")
    out["xiaomi_portfolio"] = port.loc["小米产投", "as_written"]
    out["xiaomi_counts"] = port.loc["小米产投", "counts"]
    hubble = port.index[port.index.str.startswith("哈勃")][0]
    out["hubble_portfolio"] = port.loc[hubble, "as_written"]
    out["hubble_counts"] = port.loc[hubble, "counts"]
    out["huawei_rd"] = moves[moves["item"] == "芯片研发投入"].iloc[0]["as_written"]
    paras = load("paragraphs")
    for key, article, needle in QUOTED_PHRASES:
        out[key] = sentence_in(article, needle, paras)
    order = argument_order()
    out["make_only_para"] = int(order.loc[order["focus"] == "造", "para_no"].iloc[0])
    out["buy_only_para"] = int(order.loc[order["focus"] == "买", "para_no"].iloc[0])
    out["commentary_paras"] = len(order)
    dates = load("documents").set_index("doc_id")["date"]
    gap_days = pd.Timestamp(dates["hti_report_2024_06"]) - pd.Timestamp(dates["zqrb_2023_07"])
    out["zqrb_hti_months"] = round(gap_days.days / 30.44)
    return out
