"""README's recipe for a sixth document, done on a temporary copy."""
import textwrap

from cnai import data
from cnai import paths
from cnai.corpus.manifest import load_manifest, sha256_of

ARTICLE = """具身智能成为大模型落地新方向
本报记者 王五

今年以来，具身智能成为人工智能产业的新热点。多家企业发布人形机器人产品，
算力券政策也在更多城市落地。业内人士认为，具身智能将推动大模型从屏幕走向物理世界。

专家表示，人形机器人的核心零部件国产化率仍待提升，具身智能的商业化尚需时日。
"""


def test_a_sixth_document_reaches_paragraphs_and_keywords(corpus_copy):
    path = corpus_copy.raw_dir / "example_2024_05.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    entry = textwrap.dedent(f"""
      - id: example_2024_05
        label: 示例报道 2024-05
        file: example_2024_05.txt
        sha256: {sha256_of(path)}
        kind: newspaper_page
        layout: titles_after_body
        outlet: 示例日报
        outlet_evidence: fixture
        date: "2024-05-20"
        date_precision: day
        language: zh
        script: Hans
        extraction: plain text
        articles:
          - id: a1
            kind: news
            title: 具身智能成为大模型落地新方向
            title_position: before
            authors: [王五]
    """)
    with corpus_copy.manifest.open("a", encoding="utf-8") as handle:
        handle.write(textwrap.indent(entry, "  "))
    paragraphs = data.load("paragraphs", corpus_copy)
    mine = paragraphs[paragraphs["doc_id"] == "example_2024_05"]
    assert len(mine) == 2  # ARTICLE's body: the two lines broken mid-sentence join into one, then 专家表示…
    assert mine["text"].iloc[0].startswith("今年以来，具身智能成为人工智能产业的新热点。多家企业发布人形机器人产品，算力券")
    keywords = data.load("keywords", corpus_copy)
    words = set(keywords.loc[keywords["doc_id"] == "example_2024_05", "word"])
    assert "具身智能" in words
    before = len(load_manifest(paths.MANIFEST).documents)  # the five files, the official rows, and now one more
    assert len(data.load("documents", corpus_copy)) == before + 1


# A new single-article PDF text in Traditional script, written for this test (not from the corpus), with the hazards
# the seed layouts used to handle only for their own documents: a byline line, lines broken mid-sentence (而減速 /
# 器、伺服電機), a doubled caption, a page footer inside a sentence, spaced-out characters (擴 大 產 能).
ARTICLE_HANT = """人形機器人產業鏈加速國產替代
本報記者 林曉雲

今年以來，多家人形機器人整機企業密集發布新品，帶動
上游核心零部件需求快速增長。業內人士介紹，一臺人形機
器人的成本主要集中在關節模組，其國產化程度不一，而減速
器、伺服電機和控制器的國產化率仍有較大提升空間。

66月月1818日日，，參觀者在展台前參觀者在展台前了解人形機器人了解人形機器人。。

據一家券商測算，國產減速器的價格已比進口產品低三成
左右，部分企業的產能利用率超過八成。不過，業內引用的
資料來源多為企業自行披露，統計口徑並不統一，相關數據

12 Jun 2025 3

仍需進一步核實。

多家零部件企業計劃擴 大 產 能。一位企業負責人對記者說，
公司明年上半年的訂單已經排滿，供應鏈穩定比價格更重要。
"""


def test_a_new_traditional_pdf_article_is_cleaned_by_the_shared_hazard_detectors(corpus_copy):
    path = corpus_copy.raw_dir / "example_2025_06.txt"
    path.write_text(ARTICLE_HANT, encoding="utf-8")
    entry = textwrap.dedent(f"""
      - id: example_2025_06
        label: 示例繁体报道 2025-06
        file: example_2025_06.txt
        sha256: {sha256_of(path)}
        kind: web_article
        layout: single_article
        outlet: null
        outlet_evidence: fixture
        date: "2025-06-12"
        date_precision: day
        language: zh
        script: Hant
        extraction: PDF text of one article
        title: 人形機器人產業鏈加速國產替代
    """)
    with corpus_copy.manifest.open("a", encoding="utf-8") as handle:
        handle.write(textwrap.indent(entry, "  "))
    paragraphs = data.load("paragraphs", corpus_copy)
    mine = paragraphs[paragraphs["doc_id"] == "example_2025_06"]
    # written out by hand from ARTICLE_HANT: wrapped lines joined, converted character by character
    assert mine[["kind", "text", "line_start", "line_end"]].values.tolist() == [
        ["body", "今年以来，多家人形机器人整机企业密集发布新品，带动上游核心零部件需求快速增长。业内人士介绍，一台人形"
                 "机器人的成本主要集中在关节模组，其国产化程度不一，而减速器、伺服电机和控制器的国产化率仍有较大提升空间。", 4, 7],
        ["caption", "6月18日，参观者在展台前了解人形机器人。", 9, 9],
        ["body", "据一家券商测算，国产减速器的价格已比进口产品低三成左右，部分企业的产能利用率超过八成。不过，业内引用的"
                 "资料来源多为企业自行披露，统计口径并不统一，相关数据仍需进一步核实。", 11, 17],
        ["body", "多家零部件企业计划扩大产能。一位企业负责人对记者说，公司明年上半年的订单已经排满，供应链稳定比价格更重要。", 19, 20],
    ]
    assert mine["text_original"].iloc[1] == "6月18日，參觀者在展台前了解人形機器人。"
    text = "".join(mine["text"])
    assert "核心零部件" in text and "资料来源" in text and "内核" not in text and "数据源" not in text
    for gone in ("12 Jun 2025", "林晓云", "林曉雲", "本报记者"):
        assert gone not in text and gone not in "".join(mine["text_original"])
    metadata = data.load("metadata", corpus_copy)
    assert metadata.loc[metadata["doc_id"] == "example_2025_06", ["field", "value", "line"]].values.tolist() == [
        ["byline", "林曉雲", 2]]
    report = data.load("cleaning_report", corpus_copy).query("doc_id == 'example_2025_06'").set_index("rule")
    assert report.loc["page_footer", "lines"] == 1
    assert report.loc["kept:byline", "lines"] == 1
    assert report.loc["doubled_characters", "changes"] > 0
    assert report.loc["line_joins", "changes"] == 7  # 4→5→6→7, 11→12→13→17 (across the footer), 19→20
    assert report["lines"].sum() == ARTICLE_HANT.count("\n") + 1  # every raw line has exactly one disposition
