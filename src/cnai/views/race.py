"""Tables for chapter 1, the hundred-model race (百模大战)."""
from __future__ import annotations

import pandas as pd

from ..facts.mappings import display, read
from ..data import load
from ..dates import to_timestamp


def _labels() -> pd.Series:
    return load("documents").set_index("doc_id")["label"]


def count_claims() -> pd.DataFrame:
    """Every claim about how many models or model companies exist, with its date, definition and source."""
    counts = load("model_counts")
    counts = counts.assign(
        date=counts["as_of_date"].map(to_timestamp),
        counted=display(counts["unit_counted"], "unit_counted"),
        qualifier_name=display(counts["qualifier"], "qualifier"),
        geography_name=display(counts["geography"], "geography"),
        source=counts["doc_id"].map(_labels()),
    )
    return counts[["row_id", "date", "as_of_date", "value", "qualifier_name", "counted", "geography", "geography_name", "scope",
                   "definition_text", "claimant", "source", "quote"]].reset_index(drop=True)


def origin(country: str | None) -> str:
    return "中国" if country == "CN" else "国外" if isinstance(country, str) else "未注明"


def releases_by_year() -> pd.DataFrame:
    """Distinct models with a stated release year, per year and origin (China or abroad)."""
    models = load("models").dropna(subset=["release_date"])
    models = models.assign(year=models["release_date"].str[:4].astype(int), origin=models["country"].map(origin))
    first = models.sort_values("release_date").drop_duplicates("model")
    return first.groupby(["year", "origin"], as_index=False).agg(models=("model", "nunique"),
                                                                 names=("model", lambda s: "、".join(sorted(s))))


def parameters_over_time() -> pd.DataFrame:
    """Models with both a release date and a stated parameter count (one point per model and size)."""
    models = load("models").dropna(subset=["release_date", "params_b"])
    frame = models.assign(date=models["release_date"].map(to_timestamp), origin=models["country"].map(origin),
                          source=models["doc_id"].map(_labels()))
    return frame[["model", "developer", "origin", "date", "release_date", "params_b", "params_text", "source",
                  "quote"]].drop_duplicates(["model", "params_b", "release_date"]).reset_index(drop=True)


def developers_by_type() -> pd.DataFrame:
    """Distinct Chinese models per kind of developer (foreign models excluded)."""
    models = load("models")
    chinese = models[(models["country"] == "CN") & models["developer_type"].notna()]
    grouped = chinese.groupby("developer_type", as_index=False).agg(
        models=("model", "nunique"), developers=("developer", lambda s: "、".join(sorted(set(s.dropna())))[:200]))
    return grouped.assign(type_name=display(grouped["developer_type"], "developer_type"))


def general_and_industry() -> pd.DataFrame:
    """Distinct models the corpus calls general (通用) or industry (行业) models, with the industry."""
    models = load("models").dropna(subset=["scope"])
    models = models.assign(scope_name=display(models["scope"], "model_scope"),
                           industry=models["industry"].fillna("（未注明行业）"))
    return models.groupby(["scope_name", "industry"], as_index=False).agg(
        models=("model", "nunique"), names=("model", lambda s: "、".join(sorted(set(s)))))


def regions() -> list[str]:
    """The places whose mentions the chapter counts (data/mappings/regions.yml)."""
    return list(read("regions")["regions"])


def region_mentions() -> pd.DataFrame:
    """Paragraphs on the race (topic race) that name each region, per source document."""
    paras = load("paragraphs").merge(load("paragraph_topics").query("topic == 'race'")[["para_id"]], on="para_id")
    rows = []
    for region in regions():
        hits = paras[paras["text"].str.contains(region, regex=False)]
        for doc_id, group in hits.groupby("doc_id"):
            rows.append({"region": region, "doc_id": doc_id, "paragraphs": len(group)})
    frame = pd.DataFrame(rows, columns=["region", "doc_id", "paragraphs"])
    return frame.assign(source=frame["doc_id"].map(_labels()))


def path_to_use() -> pd.DataFrame:
    """From 生下来 to 用起来: dated claims of models released, models filed (备案) and first usage figures in China."""
    counts = count_claims()
    population = load("model_counts").set_index("row_id")["population"]
    counts = counts[counts["geography"] == "CN"].assign(population=lambda d: d["row_id"].map(population))
    stages = [
        counts[counts["population"] == "released_models"].assign(stage="1 发布：模型数量"),
        counts[counts["population"] == "filed_services"].assign(stage="2 备案：上线服务"),
    ]
    metrics = load("market_metrics")
    model_names = set(load("models")["model"])
    usage = metrics[metrics["metric"].isin(["users", "usage"]) & (metrics["geography"] == "CN")
                    & metrics["period_end"].notna()]
    usage = usage[usage["subject"].map(lambda s: any(name in s for name in model_names) or "generative-AI" in s)]
    usage = usage.assign(date=usage["period_end"].map(to_timestamp), stage="3 使用：用户与调用",
                         source=usage["doc_id"].map(_labels()), as_of_date=usage["period_end"])
    columns = ["stage", "date", "as_of_date", "value", "scope", "source", "quote"]
    usage = usage.rename(columns={"subject": "scope"}).assign(value=usage["value"].map("{:g}".format) + usage["unit"])
    events = pd.concat([s.assign(value=s["value"].map("{:g}".format)) for s in stages] + [usage], ignore_index=True)
    return events[columns].sort_values(["date", "stage"]).reset_index(drop=True)


def model_table() -> pd.DataFrame:
    """The models table with readable columns, for the searchable table."""
    models = load("models")
    return models.assign(origin=models["country"].map(origin), source=models["doc_id"].map(_labels()),
                         scope=display(models["scope"], "model_scope"))[
        ["model", "developer", "origin", "release_date", "params_text", "scope", "industry", "open_source",
         "filing_status", "source", "quote"]]


def headline_numbers() -> dict[str, str]:
    """Numbers the chapter's prose cites, computed here."""
    params = parameters_over_time()
    largest = params.sort_values("params_b").groupby("origin").tail(1).set_index("origin")
    releases = releases_by_year()
    peak = releases[releases["origin"] == "中国"].sort_values("models").iloc[-1]
    types = developers_by_type().sort_values("models", ascending=False).iloc[0]
    industries = general_and_industry()
    return {
        "n_claims": str(len(count_claims())),
        "n_models": str(load("models")["model"].nunique()),
        "cn_largest": f"{largest.loc['中国', 'model']}（{largest.loc['中国', 'params_text']}）",
        "foreign_largest": f"{largest.loc['国外', 'model']}（{largest.loc['国外', 'params_text']}）",
        "cn_peak_year": str(peak["year"]), "cn_peak_models": str(peak["models"]),
        "top_type": str(types["type_name"]), "top_type_models": str(types["models"]),
        "n_industries": str(industries.loc[industries["scope_name"] == "行业大模型", "industry"]
                            .ne("（未注明行业）").sum()),
    }
