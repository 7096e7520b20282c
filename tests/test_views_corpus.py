"""The corpus chapter's views: what the corpus is, what cleaning removed, word clouds and keywords per topic."""
from cnai.views import corpus as summaries


def test_composition_counts_the_three_kinds_of_text():
    # grep -c "kind: newspaper_page\|kind: web_article" data/raw/sources.yml → 4; "kind: research_report" → 1;
    # grep -c "kind: official_document" data/raw/official.yml → 37
    parts = summaries.corpus_composition()
    assert parts["documents"].to_dict() == {"news": 4, "official": 37, "report": 1}
    numbers = summaries.headline_numbers()
    assert (numbers["n_documents"], numbers["n_pages"], numbers["n_web"]) == ("42", "2", "2")
    # grep "^  date:" data/raw/official.yml | sort → first '2022-10-14', last '2026-01-09'
    assert (numbers["official_first"], numbers["official_last"]) == ("2022-10", "2026-01")
    # the news dates in data/raw/sources.yml: 2023-07-03, 2023-09-15, 2023-07, 2024-10-19
    assert (numbers["news_years"], numbers["n_seed_docs"]) == ("2023—2024", "5")


def test_legal_disclosures_are_the_largest_removal_and_counted_by_hand():
    # By hand: the report's disclosures start at the first line after "APPENDIX 1" (line 6917) matching
    # 在此保证|certify that, line 6931; from there to the end, `grep -cv '^\s*$'` → 390 non-blank lines of
    # 43,715 characters together (summing the lines' lengths).
    removed = summaries.removed_by_rule_named()
    top = removed.iloc[0]
    assert (top["rule_name"], top["label"], top["lines"], top["chars"]) == (
        "研报末尾的法律披露", "海通国际研报 2024-06", 390, 43715)
    assert summaries.headline_numbers()["disclosure_chars"] == "43,715"
    # every removing rule has a Chinese name, and naming loses no characters
    assert removed["chars"].sum() == summaries.removed_by_rule()["chars"].sum()
    assert not removed["rule_name"].str.contains(r"[a-z_]{4,}").any()


def test_one_word_cloud_per_topic_in_chapter_order():
    clouds = summaries.topic_word_clouds(40)
    assert list(clouds) == ["百模大战", "政策与监管", "芯片与算力", "机器人", "商业化"]
    assert all(len(freqs) == 40 for freqs in clouds.values())
    assert next(iter(clouds["机器人"])) == "机器人"  # the robotics topic's own term leads its paragraphs


def test_keywords_by_source_and_topic_cover_each_source():
    kw = summaries.keywords_by_source_and_topic(top=8)
    assert set(kw["topic_option"]) == {"全部正文", *summaries.topic_names()}
    whole = kw[kw["topic_option"] == "全部正文"]
    assert whole.groupby("label").size().eq(8).all() and whole["label"].nunique() == 5
    # the feature page has no paragraph on robotics (its text never names 机器人 or a robotics term)
    feature = kw[kw["label"] == "大模型特稿版面 2023"]
    assert "机器人" not in set(feature["topic_option"])


def test_report_sections_get_short_labels():
    sections = summaries.report_sections().set_index("part_id")["section"]
    assert sections["4.7"] == "4.7 人形机器人"
    assert sections["4.1"] == "4.1 互联网"
    assert sections.str.len().max() <= 15
