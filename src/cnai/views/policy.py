"""Aggregations for the policy chapter (第二章): the curated `policies` and `policy_targets` tables, and the
policy-topic paragraphs of the corpus grouped into the periods of their source documents.

Every function returns a small DataFrame; nothing prints. Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) become a span
(`date_start` to `date_end`) and a plotting point (`date_mid`, the middle of the span); rows with no date keep
all three blank and are left off the timeline, never given a date.
"""
from __future__ import annotations


import pandas as pd

from .. import dates
from ..data import load
from . import corpus

# --- readable names for the curated codes -------------------------------------------------------------------

KIND_NAMES = {
    "law": "法律与法案", "regulation": "法规与监管规定", "plan": "规划与行动方案", "guideline": "指导意见与指南",
    "standard": "标准", "standard_body": "标准化机构", "support_measure": "扶持措施",
    "other": "其他（白皮书、会议、机构等）",
}
LEVEL_NAMES = {"national": "国家级", "provincial": "省级", "municipal": "市级", "supranational": "超国家",
               "foreign_national": "外国国家级"}
LEVEL_GROUPS = ["中国·中央", "中国·地方", "外国·国家", "欧盟"]
PRECISION_NAMES = {"day": "日", "month": "月", "year": "年", "quarter": "季"}
JURISDICTION_NAMES = {"CN": "中国", "CN-BJ": "北京", "CN-SH": "上海", "CN-GD": "广东", "CN-SZ": "深圳",
                      "CN-CD": "成都", "US": "美国", "EU": "欧盟", "GB": "英国", "SG": "新加坡"}

# How a row got its date (the curators flag the partly filled ones in notes; data/NOTES.md §4 "Dates").
FILLED_MARK = "filled from the document date"
DATE_BASIS = ["原文写明", "年份或月份取自文档日期", "未注明日期"]

# Source documents as periods (their dates in data/raw/sources.yml: 2023-07-03 not_before, 2023-07 month,
# 2023-09-15 not_before, 2024-06-12 day, 2024-10-19 not_before).
PERIODS = {
    "zqrb_2023_07": "2023-07", "breakthing_2023_07": "2023-07", "feature_2023": "2023-09 起",
    "hti_report_2024_06": "2024-06", "cnr_2024": "2024-10",
}

# Rows that data/NOTES.md §3 names as one policy cited by several documents, or as possible duplicates.
SAME_POLICY = {
    "生成式人工智能服务管理暂行办法": ["p-006", "p-017", "p-025"],
    "算力基础设施高质量发展行动计划": ["p-007", "p-030"],
    "2024年政府工作报告": ["p-010", "p-029"],
}
POSSIBLE_DUPLICATES = {
    "美国 AI 安全行政命令（2023-10-30 与 2024-01-29 两行）": ["p-037", "p-054"],
    "美国联邦机构 AI 政策（OMB 与副总统哈里斯两行）": ["p-055", "p-056"],
}

# Issuers as written → (body, type). The spellings differ by source (traditional script, abbreviations,
# "等七部门"); this merge is the chapter's reading, and test_views_policy checks every spelling is covered.
CN_CENTRAL, CN_LOCAL, INSTITUTE, COMPANY, US_FED, EUROPE = (
    "中国中央党政机关与部委", "中国地方政府", "研究机构、标准组织与高校", "企业", "美国联邦机构", "欧盟与英国")
ISSUER_BODIES = {
    "北京市人民政府办公厅": ("北京市政府及其部门", CN_LOCAL), "北京市": ("北京市政府及其部门", CN_LOCAL),
    "北京": ("北京市政府及其部门", CN_LOCAL), "北京市发展改革委等": ("北京市政府及其部门", CN_LOCAL),
    "北京市經濟和信息化局": ("北京市政府及其部门", CN_LOCAL), "深圳市": ("深圳市政府", CN_LOCAL),
    "上海": ("上海市政府", CN_LOCAL), "广东省办公厅": ("广东省政府", CN_LOCAL),
    "6 部门": ("六部门（原文未写名称）", CN_CENTRAL),
    "工信部等七部门": ("工业和信息化部", CN_CENTRAL), "工业和信息化部等六部门": ("工业和信息化部", CN_CENTRAL),
    "中央网信办等部门": ("网信办", CN_CENTRAL), "網信辦等七部門": ("网信办", CN_CENTRAL),
    "国家网信办": ("网信办", CN_CENTRAL), "国家发改委等七部门": ("国家发展改革委", CN_CENTRAL),
    "國家標准委": ("国家标准委", CN_CENTRAL), "中共中央政治局": ("中共中央政治局", CN_CENTRAL),
    "中央財經委員會": ("中央财经委员会", CN_CENTRAL), "十四届全国人大二次会议": ("全国人大（政府工作报告）", CN_CENTRAL),
    "中国信息通信研究院": ("中国信通院", INSTITUTE), "中国信通院": ("中国信通院", INSTITUTE),
    "中国信通院华东分院": ("中国信通院", INSTITUTE), "工业和信息化部电子第五研究所": ("工信部电子五所", INSTITUTE),
    "國家人工智能標准化總體組": ("国家人工智能标准化总体组", INSTITUTE),
    "上海人工智能實驗室": ("上海人工智能实验室", INSTITUTE), "中国国家智能网联汽车创新中心": ("国家智能网联汽车创新中心", INSTITUTE),
    "清华大学": ("清华大学", INSTITUTE), "西安交通大学": ("西安交通大学", INSTITUTE),
    "华为": ("华为", COMPANY), "華爲": ("华为", COMPANY), "百度": ("百度", COMPANY), "阿裏": ("阿里巴巴", COMPANY),
    "騰訊": ("腾讯", COMPANY), "OPPO": ("OPPO", COMPANY), "蚂蚁集团": ("蚂蚁集团", COMPANY),
    "私营人工智能实验室": ("私营人工智能实验室", COMPANY),
    "美国参议院": ("美国国会（参众两院、立法者）", US_FED), "众议院": ("美国国会（参众两院、立法者）", US_FED),
    "美国立法者": ("美国国会（参众两院、立法者）", US_FED), "美国政策制定者": ("美国国会（参众两院、立法者）", US_FED),
    "拜登总统": ("白宫（总统、副总统、政府）", US_FED), "副总统哈里斯": ("白宫（总统、副总统、政府）", US_FED),
    "拜登-哈里斯政府": ("白宫（总统、副总统、政府）", US_FED), "白宫": ("白宫（总统、副总统、政府）", US_FED),
    "OMB": ("白宫管理和预算办公室（OMB）", US_FED), "美国商务部": ("NIST 及美国商务部", US_FED),
    "国家标准与技术研究院（NIST）": ("NIST 及美国商务部", US_FED),
    "欧盟": ("欧盟机构", EUROPE), "欧盟理事会": ("欧盟机构", EUROPE), "欧盟委员会": ("欧盟机构", EUROPE),
    "英国": ("英国政府", EUROPE),
}

TARGET_METRICS = {
    "advanced, usable, self-controllable foundation large-model products": "先进可用、自主可控的基础大模型产品",
    "excellent industry large-model products": "优秀的行业大模型产品",
    "industry success cases": "行业成功案例",
    "national computing power": "全国算力规模",
    "share of intelligent computing in total computing power": "智能算力占算力比重",
    "data-centre electricity consumption": "数据中心耗电量",
    "renewable-energy share in public-organisation data centres": "公共机构数据中心可再生能源比例",
    "L2-L3 intelligent connected vehicles share of total vehicle sales": "L2-L3 级智能网联汽车销量占比",
    "L2-L3 vehicles share of total vehicle sales": "L2-L3 级车辆销量占比",
}


# --- helpers ------------------------------------------------------------------------------------------------

def level_group(level: str, jurisdiction: str) -> str:
    """China central / China local / foreign national / EU, from the curated level (which follows the issuer)."""
    if level == "supranational":
        return "欧盟"
    if level == "foreign_national":
        return "外国·国家"
    if level in ("provincial", "municipal") and str(jurisdiction).startswith("CN"):
        return "中国·地方"
    return "中国·中央"


def date_basis(date: str | None, notes: str | None) -> str:
    if date is None or pd.isna(date):
        return "未注明日期"
    if notes is not None and not pd.isna(notes) and FILLED_MARK in notes:
        return "年份或月份取自文档日期"
    return "原文写明"


def _labels() -> pd.Series:
    return load("documents").set_index("doc_id")["label"]


# --- the policies table -------------------------------------------------------------------------------------

def policy_frame() -> pd.DataFrame:
    """Every curated policy row (none dropped) with readable kind, level, jurisdiction, source label, date span
    and how the date was obtained."""
    pol = load("policies").copy()
    spans = pol["date"].map(dates.span)
    pol["date_start"] = [s[0] for s in spans]
    pol["date_mid"] = [s[1] for s in spans]
    pol["date_end"] = [s[2] for s in spans]
    pol["date_basis"] = [date_basis(d, n) for d, n in zip(pol["date"], pol["notes"])]
    pol["precision"] = pol["date_precision"].map(PRECISION_NAMES).fillna("无")
    pol["kind_name"] = pol["kind"].map(KIND_NAMES)
    pol["level_name"] = pol["level"].map(LEVEL_NAMES)
    pol["level_group"] = [level_group(lv, j) for lv, j in zip(pol["level"], pol["jurisdiction"])]
    pol["place"] = pol["jurisdiction"].map(JURISDICTION_NAMES).fillna(pol["jurisdiction"])
    pol["label"] = pol["doc_id"].map(_labels())
    pol["period"] = pol["doc_id"].map(PERIODS)
    untitled = "（原文无标题）" + pol["quote"].str[:20] + "…"
    pol["display_title"] = pol["title"].fillna(untitled)
    pol["issuers_text"] = pol["issuers"].fillna("（未写明）")
    return pol


def policy_timeline() -> pd.DataFrame:
    """Dated policy rows only, with their date span and the fields the timeline's tooltips show."""
    pol = policy_frame()
    dated = pol[pol["date"].notna()]
    return dated[["policy_id", "display_title", "date", "precision", "date_basis", "date_start", "date_mid",
                  "date_end", "level_group", "place", "kind_name", "issuers_text", "label", "doc_id", "quote"]
                 ].reset_index(drop=True)


def dating_by_source() -> pd.DataFrame:
    """Policy rows per source document by how their date was obtained (written, partly filled, none)."""
    pol = policy_frame()
    counts = pol.groupby(["label", "date_basis"], as_index=False).size().rename(columns={"size": "rows"})
    totals = pol.groupby("label").size().rename("doc_rows")
    counts = counts.merge(totals, on="label")
    counts["basis_order"] = counts["date_basis"].map(DATE_BASIS.index)
    return counts.sort_values(["label", "basis_order"]).reset_index(drop=True)


def kinds_by_level() -> pd.DataFrame:
    """Policy rows per kind and level group (China central, China local, foreign national, EU)."""
    pol = policy_frame()
    counts = pol.groupby(["kind_name", "level_group"], as_index=False).size().rename(columns={"size": "rows"})
    counts["kind_rows"] = counts.groupby("kind_name")["rows"].transform("sum")
    return counts.sort_values(["kind_rows", "kind_name", "level_group"], ascending=[False, True, True]
                              ).reset_index(drop=True)


def rows_by_place() -> pd.DataFrame:
    """Policy rows per jurisdiction, with how many come from the research report."""
    pol = policy_frame()
    out = pol.groupby(["jurisdiction", "place", "level_group"], as_index=False).agg(
        rows=("policy_id", "size"), from_report=("doc_id", lambda s: int((s == "hti_report_2024_06").sum())))
    return out.sort_values("rows", ascending=False).reset_index(drop=True)


def dated_by_year() -> pd.DataFrame:
    """Dated policy rows per year (of the written or filled date) and level group."""
    tl = policy_timeline()
    tl["year"] = tl["date"].str[:4].astype(int)
    return tl.groupby(["year", "level_group"], as_index=False).size().rename(columns={"size": "rows"})


def repeated_policies() -> pd.DataFrame:
    """Rows that data/NOTES.md names as one policy in several documents, or as possible US duplicates."""
    pol = policy_frame().set_index("policy_id")
    rows = []
    for relation, groups in (("同一政策见于多份文档", SAME_POLICY), ("可能重复（美国）", POSSIBLE_DUPLICATES)):
        for name, ids in groups.items():
            for pid in ids:
                rows.append({"group": name, "relation": relation, "policy_id": pid,
                             "title": pol.loc[pid, "display_title"], "date": pol.loc[pid, "date"],
                             "label": pol.loc[pid, "label"]})
    return pd.DataFrame(rows)


def distinct_policy_counts() -> pd.DataFrame:
    """Rows, and the number of distinct policies once the repeats named in data/NOTES.md are merged: first the
    certain cross-document repeats, then also the possible US duplicates."""
    n = len(load("policies"))
    same = sum(len(ids) - 1 for ids in SAME_POLICY.values())
    dup = sum(len(ids) - 1 for ids in POSSIBLE_DUPLICATES.values())
    return pd.DataFrame({"measure": ["rows", "distinct_after_cross_document", "distinct_after_possible_duplicates"],
                         "count": [n, n - same, n - same - dup]})


# --- issuers ------------------------------------------------------------------------------------------------

def issuer_rows() -> pd.DataFrame:
    """One row per (policy, named issuer): issuers split on ' | ', each mapped to a body and a body type.
    Rows with no issuer get the body （未写明）."""
    pol = policy_frame()
    rows = []
    for rec in pol.itertuples(index=False):
        names = [] if pd.isna(rec.issuers) else [s.strip() for s in rec.issuers.split("|") if s.strip()]
        for name in names or [None]:
            body, kind = ISSUER_BODIES.get(name, (name, "其他")) if name else ("（未写明）", "未写明")
            rows.append({"policy_id": rec.policy_id, "issuer_as_written": name, "body": body, "body_type": kind,
                         "level_group": rec.level_group, "display_title": rec.display_title, "label": rec.label})
    return pd.DataFrame(rows)


def issuer_counts() -> pd.DataFrame:
    """Policy rows per issuing body (a row issued jointly counts once for each body), with the spellings merged
    and example titles; rows with no issuer named are left out (see unnamed_issuer_rows)."""
    rows = issuer_rows()
    named = rows[rows["issuer_as_written"].notna()]
    out = named.groupby(["body", "body_type"], as_index=False).agg(
        rows=("policy_id", "nunique"),
        spellings=("issuer_as_written", lambda s: "、".join(sorted(set(s)))),
        titles=("display_title", lambda s: "；".join(list(dict.fromkeys(s))[:4])),
    )
    return out.sort_values(["rows", "body"], ascending=[False, True]).reset_index(drop=True)


def unnamed_issuer_rows() -> pd.DataFrame:
    """Policy rows whose text names no issuer, per level group."""
    pol = policy_frame()
    return (pol[pol["issuers"].isna()].groupby("level_group", as_index=False).size()
            .rename(columns={"size": "rows"}))


# --- targets ------------------------------------------------------------------------------------------------

def _wording(quote: str) -> str:
    for word in ("力争", "预计", "要求"):
        if word in quote:
            return word
    return "（无）"


def policy_targets() -> pd.DataFrame:
    """Every quantitative target joined to its policy: Chinese metric name, value as written (a range where the
    text gives one), whether the figure is a lower bound (超过), and the quote's verb (力争 / 预计 / 要求)."""
    targets = load("policy_targets")
    pol = policy_frame()[["policy_id", "display_title", "date", "place", "level_group", "issuers_text"]]
    out = targets.merge(pol, on="policy_id", how="left", validate="many_to_one")
    out["metric_name"] = out["metric"].map(TARGET_METRICS).fillna(out["metric"])
    out["target_year"] = out["target_year"].astype("Int64")
    out["value_text"] = [
        (f"{lo:g}–{hi:g}" if lo != hi else f"{lo:g}") + (unit if unit == "%" else f" {unit}")
        for lo, hi, unit in zip(out["value_low"], out["value_high"], out["unit"])]
    out["lower_bound"] = out["notes"].fillna("").str.contains("lower bound").map({True: "是（超过）", False: "否"})
    out["wording"] = out["quote"].map(_wording)
    out["label"] = out["doc_id"].map(_labels())
    out["row_label"] = out["metric_name"] + "（" + out["target_year"].astype(str) + "）"
    return out[["target_id", "policy_id", "display_title", "place", "level_group", "issuers_text", "target_year",
                "metric_name", "row_label", "value_low", "value_high", "unit", "value_text", "lower_bound",
                "wording", "label", "doc_id", "quote"]]


# --- language of the policy paragraphs -----------------------------------------------------------------------

def policy_paragraphs_by_period() -> pd.DataFrame:
    """Policy-topic paragraphs per period and source document."""
    topics = load("paragraph_topics").query("topic == 'policy'")
    counts = topics.groupby("doc_id", as_index=False).size().rename(columns={"size": "paragraphs"})
    counts["period"] = counts["doc_id"].map(PERIODS)
    counts["label"] = counts["doc_id"].map(_labels())
    return counts.sort_values(["period", "doc_id"]).reset_index(drop=True)


def keywords_by_period(top: int = 8) -> pd.DataFrame:
    """TF-IDF keywords of the policy-topic paragraphs, computed separately for each period (documents of the
    same month pooled), like corpus.topic_keywords_by_source but grouped by period."""
    from ..text.keywords import tfidf_keywords
    from ..text.segment import stop_words

    tokens = corpus.topic_tokens("policy")
    tokens = tokens.assign(period=tokens["doc_id"].map(PERIODS))
    labels = _labels()
    rows = []
    for period, group in tokens.groupby("period", sort=True):
        docs = "、".join(labels[d] for d in sorted(group["doc_id"].unique()))
        sequences = [list(zip(g["token"], g["pos"])) for _, g in group.groupby("para_id", sort=False)]
        for rank, (word, weight) in enumerate(tfidf_keywords(sequences, top, stop_words()), start=1):
            rows.append({"period": period, "documents": docs, "rank": rank, "word": word,
                         "weight": round(weight, 6), "paragraphs": group["para_id"].nunique()})
    return pd.DataFrame(rows)


def term_shares_by_period() -> pd.DataFrame:
    """For each policy-topic term (data/dict/topics.yml) and period: how many of the period's policy paragraphs
    use it, and their share. Terms no policy paragraph uses are left out."""
    from ..paths import TOPICS
    from ..text.topics import read_topics

    terms = read_topics(TOPICS)["policy"]["terms"]
    tokens = corpus.topic_tokens("policy")
    tokens = tokens.assign(period=tokens["doc_id"].map(PERIODS))
    totals = tokens.groupby("period")["para_id"].nunique().rename("period_paragraphs")
    used = tokens[tokens["token"].isin(terms)]
    counts = used.groupby(["period", "token"])["para_id"].nunique().rename("paragraphs").reset_index()
    grid = pd.MultiIndex.from_product([sorted(totals.index), sorted(counts["token"].unique())],
                                      names=["period", "token"]).to_frame(index=False)
    out = grid.merge(counts, on=["period", "token"], how="left").fillna({"paragraphs": 0})
    out["paragraphs"] = out["paragraphs"].astype(int)
    out = out.merge(totals, on="period")
    out["share"] = (out["paragraphs"] / out["period_paragraphs"]).round(3)
    return out.rename(columns={"token": "term"})


# Policy terms that in the report's prose often mean something else: a technical solution (方案), a technical
# specification (标准), a robot's motion planning (规划).
AMBIGUOUS_TERMS = {"方案", "标准", "规划"}


def ambiguous_topic_paragraphs() -> pd.DataFrame:
    """Per period: policy paragraphs, how many matched the policy topic only through AMBIGUOUS_TERMS, and how
    many occurrences of 机器人 those paragraphs hold (of all 机器人 in the period's policy paragraphs)."""
    from ..paths import TOPICS
    from ..text.topics import read_topics

    terms = set(read_topics(TOPICS)["policy"]["terms"])
    tokens = corpus.topic_tokens("policy")
    used = tokens[tokens["token"].isin(terms)].groupby("para_id")["token"].apply(set)
    ambiguous = set(used[used.map(lambda words: words <= AMBIGUOUS_TERMS)].index)
    paras = tokens.drop_duplicates("para_id")[["para_id", "doc_id"]]
    paras = paras.assign(period=paras["doc_id"].map(PERIODS), ambiguous=paras["para_id"].isin(ambiguous))
    robot = tokens[tokens["token"] == "机器人"].assign(period=lambda t: t["doc_id"].map(PERIODS),
                                                      ambiguous=lambda t: t["para_id"].isin(ambiguous))
    robots = robot.groupby("period").agg(robot_mentions=("token", "size"), robot_in_ambiguous=("ambiguous", "sum"))
    out = (paras.groupby("period", as_index=False).agg(paragraphs=("para_id", "size"), ambiguous=("ambiguous", "sum"))
           .merge(robots, on="period", how="left").fillna({"robot_mentions": 0, "robot_in_ambiguous": 0}))
    return out.astype({"ambiguous": int, "robot_mentions": int, "robot_in_ambiguous": int})


def policy_word_frequencies(top: int = 120) -> dict[str, int]:
    """The word cloud's frequencies: corpus.topic_frequencies for the policy topic."""
    return corpus.topic_frequencies("policy", top)


# --- the searchable table -----------------------------------------------------------------------------------

def policy_table() -> pd.DataFrame:
    """All policy rows with readable Chinese column names, in the order of policy_id."""
    pol = policy_frame()
    table = pol[["policy_id", "display_title", "title_en", "date", "precision", "date_basis", "level_group",
                 "place", "kind_name", "issuers_text", "period", "label", "doc_id", "quote"]]
    return table.rename(columns={
        "policy_id": "编号", "display_title": "名称", "title_en": "英文名", "date": "日期", "precision": "日期精度",
        "date_basis": "日期依据", "level_group": "层级", "place": "辖区", "kind_name": "类型",
        "issuers_text": "发布机构（原文）", "period": "来源时期", "label": "来源文档", "doc_id": "doc_id",
        "quote": "原文引文"}).reset_index(drop=True)


def distinctive_keywords(top: int = 8) -> pd.DataFrame:
    """Per period, the words of its top-`top` keyword list that no other period's list contains."""
    kw = keywords_by_period(top)
    lists = kw.groupby("period")["word"].apply(list)
    rows = []
    for period, words in lists.items():
        others = set().union(*(set(w) for p, w in lists.items() if p != period))
        rows.append({"period": period, "words": [w for w in words if w not in others],
                     "shared_by_all": [w for w in words if all(w in v for v in lists)]})
    return pd.DataFrame(rows)


# --- numbers the prose quotes -------------------------------------------------------------------------------

def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}"


def headline_numbers() -> dict[str, str | int]:
    """Every number and name the chapter's prose states, computed here (glued into the text)."""
    pol = policy_frame()
    tl = policy_timeline()
    years = tl["date"].str[:4].astype(int)
    foreign = pol[pol["level_group"].isin(["外国·国家", "欧盟"])]
    china = pol[pol["jurisdiction"].str.startswith("CN")]
    china_kinds = china["kind_name"].value_counts()
    laws = pol[pol["kind"] == "law"]
    targets = policy_targets()
    issuers = issuer_counts()
    unnamed = int(pol["issuers"].isna().sum())
    distinct = distinct_policy_counts().set_index("measure")["count"]
    paras = policy_paragraphs_by_period().groupby("period")["paragraphs"].sum()
    shares = term_shares_by_period().set_index(["period", "term"])["share"]
    distinctive = distinctive_keywords().set_index("period")
    local = pol[pol["level_group"] == "中国·地方"]["place"].value_counts()
    numbers: dict[str, str | int] = {
        "n_rows": len(pol),
        "n_docs": pol["doc_id"].nunique(),
        "n_dated": len(tl),
        "n_undated": int(pol["date"].isna().sum()),
        "n_filled": int((pol["date_basis"] == "年份或月份取自文档日期").sum()),
        "filled_ids": "、".join(pol.loc[pol["date_basis"] == "年份或月份取自文档日期", "policy_id"]),
        "n_dated_2023_24": int(years.between(2023, 2024).sum()),
        "first_year": int(years.min()),
        "n_day": int((pol["date_precision"] == "day").sum()),
        "n_month": int((pol["date_precision"] == "month").sum()),
        "n_year": int((pol["date_precision"] == "year").sum()),
        "n_report_rows": int((pol["doc_id"] == "hti_report_2024_06").sum()),
        "n_report_undated": int(((pol["doc_id"] == "hti_report_2024_06") & pol["date"].isna()).sum()),
        "n_news_rows": int((pol["doc_id"] != "hti_report_2024_06").sum()),
        "n_news_written": int(((pol["doc_id"] != "hti_report_2024_06") & (pol["date_basis"] == "原文写明")).sum()),
        "n_foreign": len(foreign),
        "n_foreign_from_report": int((foreign["doc_id"] == "hti_report_2024_06").sum()),
        "n_us": int((pol["jurisdiction"] == "US").sum()),
        "us_share": _share(int((pol["jurisdiction"] == "US").sum()), len(pol)),
        "n_us_dated": int((tl["place"] == "美国").sum()),
        "n_china": len(china),
        "n_china_local": int(local.sum()),
        "local_places": "、".join(local.index),
        "n_laws": len(laws),
        "n_laws_foreign": int(laws["level_group"].isin(["外国·国家", "欧盟"]).sum()),
        "n_china_other": int(china_kinds.get(KIND_NAMES["other"], 0)),
        "n_china_plan": int(china_kinds.get(KIND_NAMES["plan"], 0)),
        "n_other": int((pol["kind"] == "other").sum()),
        "n_targets": len(targets),
        "n_target_policies": targets["policy_id"].nunique(),
        "n_targets_2025": int((targets["target_year"] == 2025).sum()),
        "n_targets_china": int(targets["place"].isin(["中国", "北京"]).sum()),
        "n_targets_yuji": int((targets["wording"] == "预计").sum()),
        "n_targets_lower": int(targets["lower_bound"].str.startswith("是").sum()),
        "n_targets_beijing": int((targets["place"] == "北京").sum()),
        "top_body": issuers.loc[0, "body"],
        "top_body_rows": int(issuers.loc[0, "rows"]),
        "second_body": issuers.loc[1, "body"],
        "second_body_rows": int(issuers.loc[1, "rows"]),
        "n_bodies": len(issuers),
        "n_unnamed_issuer": unnamed,
        "unnamed_share": _share(unnamed, len(pol)),
        "n_distinct": int(distinct["distinct_after_cross_document"]),
        "n_distinct_min": int(distinct["distinct_after_possible_duplicates"]),
    }
    for period, key in (("2023-07", "p2307"), ("2023-09 起", "p2309"), ("2024-06", "p2406"), ("2024-10", "p2410")):
        numbers[f"paras_{key}"] = int(paras[period])
        numbers[f"kw_{key}"] = "、".join(distinctive.loc[period, "words"]) or "（无）"
    numbers["report_para_ratio"] = f"{paras['2024-06'] / (paras.sum() - paras['2024-06']):.1f}"
    amb = ambiguous_topic_paragraphs().set_index("period")
    numbers["ambiguous_p2406"] = int(amb.loc["2024-06", "ambiguous"])
    numbers["robot_p2406"] = int(amb.loc["2024-06", "robot_mentions"])
    numbers["robot_amb_p2406"] = int(amb.loc["2024-06", "robot_in_ambiguous"])
    numbers["kw_shared"] = "、".join(distinctive["shared_by_all"].iloc[0]) or "（无）"
    numbers["zhengce_2307"] = f"{shares[('2023-07', '政策')]:.0%}"
    numbers["zhengce_2406"] = f"{shares[('2024-06', '政策')]:.0%}"
    numbers["jianguan_2406"] = f"{shares[('2024-06', '监管')]:.0%}"
    return numbers
