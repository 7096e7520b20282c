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
