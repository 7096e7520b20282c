"""Tables for chapter 1, the hundred-model race (百模大战): how many services China has approved, how far its best
models are behind the frontier, who builds them and how much is released openly — each question answered from an
outside dataset and from the corpus's curated facts."""
from __future__ import annotations

import pandas as pd

from .. import registry
from ..data import load
from ..dates import to_timestamp
from ..facts.mappings import display, harmonize, read

FILED, REGISTERED = "备案的生成式人工智能服务", "登记的生成式人工智能应用"
HISTORY, LEADERBOARD = "Chatbot Arena 历史榜单", "LMArena 2025 年总榜"


def _labels() -> pd.Series:
    return load("documents").set_index("doc_id")["label"]


def _organisation_names(ids: pd.Series) -> pd.Series:
    orgs = registry.entries("organisation")
    return ids.map(lambda i: None if not isinstance(i, str) else
                   orgs.at[i, "zh_hans"] if isinstance(orgs.at[i, "zh_hans"], str) else orgs.at[i, "en"])


# ---- how many: the regulator's filings against the corpus's counts ----

def filings_over_time() -> pd.DataFrame:
    """The CAC's running totals of filed generative-AI services and registered apps (curated from its
    announcements), with the end-2023 total of services that the end-2024 total minus the year's new filings
    implies (marked derived)."""
    filings = load("filings")
    labels = _labels()
    totals = filings[filings["cumulative"] == "yes"]
    frame = pd.DataFrame({
        "as_of_date": totals["as_of_date"], "series": totals["kind"].map({"filed": FILED, "registered": REGISTERED}),
        "count": totals["count"].astype(int), "derived": False, "basis": "公告原文",
        "source": totals["doc_id"].map(labels), "quote": totals["quote"]})
    new_2024 = filings[(filings["kind"] == "filed") & (filings["cumulative"] == "no")
                       & (filings["period_start"] == "2024-01-01") & (filings["as_of_date"] == "2024-12-31")]
    end_2024 = totals[(totals["kind"] == "filed") & (totals["as_of_date"] == "2024-12-31")]
    if len(new_2024) == 1 and len(end_2024) == 1:
        frame = pd.concat([pd.DataFrame([{
            "as_of_date": "2023-12-31", "series": FILED,
            "count": int(end_2024["count"].item() - new_2024["count"].item()), "derived": True,
            "basis": f"推算：2024 年底累计 {int(end_2024['count'].item())} 款减去 2024 年新增 {int(new_2024['count'].item())} 款",
            "source": labels[new_2024["doc_id"].item()], "quote": new_2024["quote"].item()}]), frame], ignore_index=True)
    frame["date"] = frame["as_of_date"].map(to_timestamp)
    return frame.sort_values(["series", "date"]).reset_index(drop=True)


CLAIM = "语料说法：备案上线的模型"


def filings_and_claim() -> pd.DataFrame:
    """The regulator's running totals with the corpus's one claim of the same population (filed services, all of
    China) as a row of its own series, for one chart; `ends` marks the year-end totals labelled on the chart."""
    filed = filings_over_time()
    claim = national_claims().query("population == 'filed_services'")
    claim = pd.DataFrame({"as_of_date": claim["as_of_date"], "series": CLAIM, "count": claim["value"].astype(int),
                          "derived": False, "basis": "语料原文：" + claim["qualifier_name"] + claim["value"].map("{:g}".format),
                          "source": claim["source"], "quote": claim["quote"], "date": claim["date"]})
    frame = pd.concat([filed, claim], ignore_index=True)
    frame["end_of_year"] = (frame["series"] != CLAIM) & ~frame["derived"] & frame["as_of_date"].str.endswith("-12-31")
    frame["segment"] = frame["derived"].map({True: "推算", False: "公告"})
    # the derived segment runs from the derived end-2023 total to the announced end-2024 one (drawn dashed)
    joint = frame[(frame["series"] == FILED) & (frame["as_of_date"] == "2024-12-31")]
    if frame["derived"].any() and len(joint) == 1:
        frame = pd.concat([frame, joint.assign(segment="推算", end_of_year=False)], ignore_index=True)
    return frame


def count_claims() -> pd.DataFrame:
    """Every claim of the corpus about how many models or model companies exist, with what it counts
    (population, labels.yml block count_population), its date and source."""
    counts = load("model_counts")
    counts = counts.assign(
        date=counts["as_of_date"].map(to_timestamp),
        counted=display(counts["unit_counted"], "unit_counted"),
        population_name=display(counts["population"], "count_population"),
        qualifier_name=display(counts["qualifier"], "qualifier"),
        geography_name=display(counts["geography"], "geography"),
        source=counts["doc_id"].map(_labels()),
    )
    return counts[["row_id", "date", "as_of_date", "value", "value_text", "qualifier", "qualifier_name", "counted", "population",
                   "population_name", "geography", "geography_name", "scope", "definition_text", "claimant", "source",
                   "quote"]].reset_index(drop=True)


def national_claims() -> pd.DataFrame:
    """The corpus's counts for all of China, one point each, labelled by what they count (a claim about one
    company's family, one benchmark or one fair is a different population from the national counts)."""
    claims = count_claims()
    claims = claims[claims["geography"] == "CN"]
    qualifier = claims["qualifier_name"].where(claims["qualifier"] != "exact", "")
    claims = claims.assign(label=qualifier + claims["value"].map("{:g}".format)).reset_index(drop=True)
    # claims of one population in one month sit on one spot of the chart and share a label ("11、36"), written once
    claims["month"] = claims["as_of_date"].str[:7]
    grouped = claims.groupby(["population", "month"], sort=False)["label"]
    claims["group_label"] = grouped.transform(lambda s: "、".join(dict.fromkeys(s)))
    claims["first_of_group"] = ~claims.duplicated(["population", "month"])
    return claims


def near_200_against_filings() -> dict[str, object]:
    """Where the corpus's “近200个” filed services (2024) sits between the regulator's running totals."""
    claim = count_claims().query("population == 'filed_services' and geography == 'CN'")
    filed = filings_over_time().query("series == @FILED")
    claim_date = claim["date"].item()
    before = filed[filed["date"] <= claim_date].iloc[-1]
    after = filed[filed["date"] >= claim_date].iloc[0]
    return {"claim": claim.iloc[0], "before": before, "after": after}


# ---- how far behind ----

def frontier_gap_over_time() -> pd.DataFrame:
    """Rating points between the best model and China's best, within each leaderboard version: Chatbot Arena's
    history 2023-05 → 2025-03 and the 2025 LMArena text leaderboards (category full, with 95% intervals)."""
    history = load("arena_history_gap")
    board = load("frontier_gap").query("category == 'full'")
    columns = ["series", "snapshot_date", "gap", "best_model", "best_organisation", "china_model", "china_organisation",
               "models", "overlap"]
    frame = pd.concat([
        history.assign(series=HISTORY, overlap="无区间"),
        board.assign(series=LEADERBOARD, overlap=board["intervals_overlap"].map({True: "95% 区间重叠",
                                                                                  False: "95% 区间不重叠"})),
    ], ignore_index=True)[columns]
    frame["china_organisation"] = _organisation_names(frame["china_organisation"])
    frame["best_organisation"] = _organisation_names(frame["best_organisation"])
    frame["date"] = frame["snapshot_date"].map(to_timestamp)
    history = frame.index[frame["series"] == HISTORY]
    labelled = {history[0], frame.loc[history, "gap"].idxmin(), frame.index[frame["series"] == LEADERBOARD][-1]}
    frame["labelled"] = frame.index.isin(labelled)
    return frame


def largest_compute() -> pd.DataFrame:
    """Training compute of the largest Chinese and US notable model per year (Epoch), 2016 on."""
    compute = load("compute_by_country_year")
    compute = compute[compute["region"].isin(["CN", "US"]) & (compute["year"] >= 2016)
                      & compute["largest_compute_flop"].notna()]
    return compute.assign(country=compute["region"].map({"CN": "中国", "US": "美国"}))[
        ["year", "country", "largest_model", "largest_compute_flop", "models", "with_compute"]].reset_index(drop=True)


# ---- who builds them ----

def organisations(top: int = 12) -> pd.DataFrame:
    """Organisations in China by the notable models (Epoch) they took part in, the largest first."""
    orgs = load("organisations_by_notable_models")
    orgs = orgs[orgs["country"].isin(["CN", "HK", "TW"])].head(top)
    return orgs.assign(kind_name=display(orgs["kind"], "organisation_kind"))[
        ["organisation", "kind", "kind_name", "notable_models", "sole_models"]].reset_index(drop=True)


def corpus_developers() -> pd.DataFrame:
    """Chinese models the corpus names, per developer merged through the entity registry (京东/京東, 阿里/阿里巴巴/
    阿里达摩院 count as one), with the curator's developer type of each as a secondary label."""
    models = load("models")
    links = load("entity_links").query("table == 'models'").set_index("key")
    chinese = models[models["country"] == "CN"].copy()
    organisation = links["company_organisation_id"].fillna(links["organisation_id"])
    chinese["organisation_id"] = chinese["row_id"].map(organisation)
    chinese = chinese.dropna(subset=["organisation_id"])
    chinese["types"] = display(chinese["developer_type"], "developer_type")
    frame = chinese.groupby("organisation_id", as_index=False).agg(
        models=("model", "nunique"), names=("model", lambda s: "、".join(sorted(set(s)))),
        written=("developer", lambda s: "、".join(sorted(set(s.dropna())))),
        types=("types", lambda s: "、".join(sorted(set(s.dropna())))))
    frame["organisation"] = _organisation_names(frame["organisation_id"])
    return frame.sort_values(["models", "organisation_id"], ascending=[False, True]).reset_index(drop=True)


def list_over_time() -> pd.DataFrame:
    """The community list of Chinese large models: models listed so far at each version date, general (通用) against
    all the others."""
    seen = load("model_list_first_seen")
    seen = seen.assign(kind=seen["category"].map(lambda c: "通用模型" if c == "通用" else "行业及其他"))
    counts = seen.groupby(["first_seen", "kind"]).size().unstack(fill_value=0).cumsum()
    frame = counts.stack().rename("models").reset_index()
    frame["date"] = frame["first_seen"].map(to_timestamp)
    return frame


def list_by_province(top: int = 10) -> pd.DataFrame:
    """Models of the community list by the place it gives its developer (as written, province and city), the
    largest first; the rest pooled."""
    seen = load("model_list_first_seen")
    place = seen["province"].fillna("（未注明）")
    counts = place.value_counts()
    head = counts.head(top)
    rest = counts.iloc[top:].sum()
    frame = head.rename_axis("place").rename("models").reset_index()
    if rest:
        frame = pd.concat([frame, pd.DataFrame([{"place": "其他地方", "models": int(rest)}])], ignore_index=True)
    return frame


def industries() -> pd.DataFrame:
    """Industries the corpus's Chinese industry models serve (labels split into industries through
    data/mappings/industries.yml, so 零售、金融 counts for 零售 and for 金融)."""
    models = load("models")
    chinese = models[(models["country"] == "CN") & (models["scope"] == "industry")]
    named = chinese.dropna(subset=["industry"])
    named = named.assign(industry=harmonize(named["industry"], "industries")).explode("industry")
    return named.groupby("industry", as_index=False).agg(
        models=("model", "nunique"), names=("model", lambda s: "、".join(sorted(set(s))))).sort_values(
        ["models", "industry"], ascending=[False, True]).reset_index(drop=True)


def unnamed_industry_models() -> list[str]:
    """Chinese industry models for which no row of the corpus names the industry."""
    models = load("models")
    chinese = models[(models["country"] == "CN") & (models["scope"] == "industry")]
    named = set(chinese.dropna(subset=["industry"])["model"])
    return sorted(set(chinese["model"]) - named)


def general_models() -> list[str]:
    """Chinese models the corpus calls general (通用大模型)."""
    models = load("models")
    return sorted(set(models[(models["country"] == "CN") & (models["scope"] == "general")]["model"]))


# ---- how open ----

def open_share() -> pd.DataFrame:
    """Open-weight share of Epoch's notable models from China and the US per year, among those whose
    accessibility Epoch records (open weights: unrestricted, restricted use or non-commercial)."""
    compute = load("compute_by_country_year")
    frame = compute[compute["region"].isin(["CN", "US"]) & (compute["year"].between(2019, 2025))
                    & (compute["accessibility_known"] > 0)]
    frame = frame.assign(country=frame["region"].map({"CN": "中国", "US": "美国"}),
                         label=frame["open_weights"].astype(str) + "/" + frame["accessibility_known"].astype(str))
    return frame[["year", "country", "models", "accessibility_known", "open_weights", "open_share",
                  "label"]].reset_index(drop=True)


def open_pooled(first: int = 2023, last: int = 2025) -> pd.DataFrame:
    """The open-weight share pooled over `first`–`last` (yearly counts of China are small)."""
    frame = open_share().query("@first <= year <= @last").groupby("country")[["accessibility_known", "open_weights"]].sum()
    return frame.assign(open_share=frame["open_weights"] / frame["accessibility_known"])


# ---- corpus figures kept as tables ----

def parameter_claims() -> pd.DataFrame:
    """Every parameter count the corpus states, as written, with the model's origin. Sparse (mixture-of-experts)
    and dense counts are not comparable, and the report's table gives figures that the developers did not publish
    (GPT-4's 1.8 万亿): the chapter lists them rather than charting them."""
    models = load("models").dropna(subset=["params_b"])
    frame = models.assign(origin=models["country"].map(origin), source=models["doc_id"].map(_labels()))
    return frame[["model", "developer", "origin", "release_date", "params_text", "params_b", "source",
                  "quote"]].drop_duplicates(["model", "params_b", "release_date"]).sort_values(
        "params_b", ascending=False).reset_index(drop=True)


def origin(country: str | None) -> str:
    return "中国" if country == "CN" else "国外" if isinstance(country, str) else "未注明"


def headline_numbers() -> dict[str, str]:
    """Numbers the chapter's prose cites, computed here."""
    filed = filings_over_time()
    services = filed[(filed["series"] == FILED) & ~filed["derived"]].set_index("as_of_date")["count"]
    apps = filed[filed["series"] == REGISTERED].set_index("as_of_date")["count"]
    end_2023 = filed[filed["derived"]]["count"].item()
    near = near_200_against_filings()
    claims = count_claims()
    gap = frontier_gap_over_time()
    history = gap[gap["series"] == HISTORY]
    board = gap[gap["series"] == LEADERBOARD]
    first, last_h = history.iloc[0], history.iloc[-1]
    smallest = history.loc[history["gap"].idxmin()]
    last_b = board.iloc[-1]
    compute = largest_compute().pivot(index="year", columns="country", values="largest_compute_flop")
    models = largest_compute().pivot(index="year", columns="country", values="largest_model")
    orgs = organisations()
    companies = orgs[orgs["kind"] == "company"]
    developers = corpus_developers()
    pooled = open_pooled()
    fangsheng = claims[claims["population"] == "benchmark_roster"].set_index("row_id")
    open_roster = claims[(claims["population"] == "benchmark_roster")
                         & claims["scope"].str.contains("open-source", regex=False)]
    total_roster = claims[(claims["population"] == "benchmark_roster") & claims["scope"].str.startswith("large models")]
    listed = load("model_list_first_seen")
    list_categories = listed.loc[listed["category"].notna() & (listed["category"] != "通用"), "category"].value_counts()
    over_time = list_over_time()
    general_last = over_time[over_time["kind"] == "通用模型"]["models"].iloc[-1]
    industries_table = industries()
    largest_param = parameter_claims().iloc[0]
    year_2024 = compute.loc[2024]
    return {
        "filed_2024": str(services["2024-12-31"]), "filed_2025": str(services["2025-12-31"]),
        "filed_end_2023": str(end_2023), "filed_new_2025": str(services["2025-12-31"] - services["2024-12-31"]),
        "filed_ratio": f"{services['2025-12-31'] / services['2024-12-31']:.1f}",
        "apps_2025": str(apps["2025-12-31"]),
        "n_claims": str(len(claims)), "n_populations": str(claims["population"].nunique()),
        "near_value": f"{near['claim']['value']:g}", "near_date": near["claim"]["as_of_date"],
        "near_before": str(near["before"]["count"]), "near_after": str(near["after"]["count"]),
        "gap_first": f"{first['gap']:.0f}", "gap_first_date": first["snapshot_date"][:7],
        "gap_first_model": first["china_model"],
        "gap_min": f"{smallest['gap']:.0f}", "gap_min_date": smallest["snapshot_date"],
        "gap_min_model": smallest["china_model"],
        "gap_last_history": f"{last_h['gap']:.0f}", "gap_last_history_date": last_h["snapshot_date"],
        "gap_last": f"{last_b['gap']:.0f}", "gap_last_date": last_b["snapshot_date"],
        "gap_last_model": last_b["china_model"], "gap_last_overlap": last_b["overlap"], "gap_last_best": last_b["best_model"],
        "compute_2024_cn": f"{year_2024['中国']:.1e}", "compute_2024_us": f"{year_2024['美国']:.1e}",
        "compute_2024_cn_model": models.loc[2024, "中国"], "compute_2024_us_model": models.loc[2024, "美国"],
        "compute_2024_ratio": f"{year_2024['美国'] / year_2024['中国']:.2f}",
        "top_org": orgs.iloc[0]["organisation"], "top_org_models": str(orgs.iloc[0]["notable_models"]),
        "top_company": companies.iloc[0]["organisation"], "top_company_models": str(companies.iloc[0]["notable_models"]),
        "universities_in_top": str((orgs["kind"] == "university").sum()), "orgs_shown": str(len(orgs)),
        "corpus_top_developer": developers.iloc[0]["organisation"],
        "corpus_top_models": str(developers.iloc[0]["models"]),
        "corpus_developers": str(len(developers)),
        "list_models": str(len(listed)), "list_first": listed["first_seen"].min(), "list_last": listed["first_seen"].max(),
        "list_beijing": str((listed["province"] == "北京").sum()), "list_general": str(general_last),
        "open_cn": f"{pooled.loc['中国', 'open_share']:.0%}", "open_us": f"{pooled.loc['美国', 'open_share']:.0%}",
        "open_cn_n": str(int(pooled.loc["中国", "accessibility_known"])),
        "open_us_n": str(int(pooled.loc["美国", "accessibility_known"])),
        "roster_open": f"{open_roster['value'].item():g}", "roster_total": f"{total_roster['value'].item():g}",
        "n_industries": str(len(industries_table)),
        "largest_param_model": largest_param["model"], "largest_param_text": largest_param["params_text"],
        "gpt4_params": parameter_claims().query("model == 'GPT-4'")["params_text"].iloc[0],
        "general_list": "、".join(general_models()),
        "list_top_category": list_categories.index[0], "list_top_category_n": str(list_categories.iloc[0]), "top_industry": industries_table.iloc[0]["industry"],
        "beijing_claim": f"{claims.loc[claims['geography'] == 'CN-BJ', 'value'].item():g}",
    }
