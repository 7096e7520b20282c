"""Distinctive words: the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008), checked on a toy table computed by hand, and its use in the corpus chapter."""
import math

import pandas as pd
import pytest

from cnai.text.logodds import log_odds
from cnai.views import corpus as summaries

# Toy table: first group 甲 4, 乙 1, 丙 1 (n1 = 6); second group 甲 1, 乙 3, 丙 2, 丁 1 (n2 = 7).
# Default prior = pooled counts: a = 甲 5, 乙 4, 丙 3, 丁 1, a0 = 13. By hand:
#   甲: y1+a = 9, y2+a = 6; delta = ln(9 / (6+13-9)) - ln(6 / (7+13-6)) = ln(0.9) - ln(3/7) = ln(2.1) = 0.741937
#       var = 1/9 + 1/6 = 0.277778, z = 0.741937 / 0.527046 = 1.407727
#   乙: 5 and 7; delta = ln(5/14) - ln(7/13) = ln(65/98) = -0.410580; var = 1/5 + 1/7; z = -0.701199
#   丙: 4 and 5; delta = ln(4/15) - ln(5/15) = ln(0.8) = -0.223144; var = 1/4 + 1/5 = 0.45; z = -0.332643
#   丁: 1 and 2; delta = ln(1/18) - ln(2/18) = ln(0.5); var = 1 + 1/2 = 1.5; z = -0.565952
FIRST = pd.Series({"甲": 4, "乙": 1, "丙": 1})
SECOND = pd.Series({"甲": 1, "乙": 3, "丙": 2, "丁": 1})


def test_log_odds_matches_the_hand_computed_toy_table():
    table = log_odds(FIRST, SECOND).set_index("word")
    assert list(table.index) == ["甲", "丙", "丁", "乙"]  # by z, highest first
    assert table.loc["甲", "delta"] == pytest.approx(0.741937, abs=1e-6)
    assert table.loc["甲", "z"] == pytest.approx(1.407727, abs=1e-6)
    assert table.loc["乙", "delta"] == pytest.approx(-0.410580, abs=1e-6)
    assert table.loc["乙", "z"] == pytest.approx(-0.701199, abs=1e-6)
    assert table.loc["丙", "z"] == pytest.approx(-0.332643, abs=1e-6)
    assert table.loc["丁", "z"] == pytest.approx(-0.565952, abs=1e-6)
    assert table.loc["丁", ["first", "second"]].tolist() == [0, 1]


def test_minimum_count_drops_rare_words_but_they_still_count_in_the_totals():
    table = log_odds(FIRST, SECOND, min_count=2).set_index("word")
    assert "丁" not in table.index
    assert table.loc["甲", "z"] == pytest.approx(1.407727, abs=1e-6)  # n2 = 7 still includes 丁


def test_prior_size_rescales_the_prior():
    # prior pooled counts rescaled to a0 = 26 (twice): a = 甲 10 …; 甲: y1+a = 14, y2+a = 11;
    # delta = ln(14 / (6+26-14)) - ln(11 / (7+26-11)) = ln(14/18) - ln(11/22) = ln(14/9) = 0.441833
    table = log_odds(FIRST, SECOND, prior_size=26).set_index("word")
    assert table.loc["甲", "delta"] == pytest.approx(math.log(14 / 9), abs=1e-9)
    assert table.loc["甲", "variance"] == pytest.approx(1 / 14 + 1 / 11, abs=1e-9)


def test_a_word_without_prior_is_an_error():
    with pytest.raises(ValueError, match="positive prior count"):
        log_odds(FIRST, SECOND, prior=pd.Series({"甲": 1, "乙": 1, "丙": 1}))


def test_comparison_groups_follow_the_manifest():
    # data/raw/sources.yml: the newspaper pages and web articles dated 2023 are zqrb_2023_07 (2023-07-03),
    # feature_2023 (2023-09-15) and breakthing_2023_07 (2023-07); cnr_2024 (2024-10-19) is in no group.
    assert summaries.group_documents("news_2023") == ["breakthing_2023_07", "feature_2023", "zqrb_2023_07"]
    assert summaries.group_documents("report_2024") == ["hti_report_2024_06"]
    assert len(summaries.group_documents("official")) == 37  # grep -c "kind: official_document" data/raw/official.yml → 37


def test_news_lean_on_big_models_and_the_report_on_ai():
    # By hand, grep -o on the raw files: "大模型" occurs 48 + 79 + 53 = 180 times in the three 2023 news files
    # (7761 + 6189 + 3648 = 17598 characters, ~10 per 1000) against 231 times in the report's 177452 characters
    # (~1.3 per 1000); "AI" occurs 3 + 32 + 9 = 44 times in the news (~2.5 per 1000) against 917 in the report
    # (~5.2 per 1000). So 大模型 must lead the news side and AI must be among the report side's first two.
    words = summaries.distinctive_words("news_2023", "report_2024", top=10)
    news = words[words["group"] == "news_2023"]
    report = words[words["group"] == "report_2024"]
    assert news["word"].iloc[0] == "大模型"
    assert "AI" in set(report["word"].iloc[:2])
    assert (news["z_score"] > 0).all() and (report["z_score"] < 0).all()
    assert (words[["own_count", "other_count"]].sum(axis=1) >= 10).all()  # the minimum count


def test_the_top_three_words_do_not_depend_on_the_prior_size():
    # the chapter's caveat: with the prior as large as both groups together the z-scores shrink but each side's
    # first three words stay the same
    table = summaries.prior_sensitivity(top=3)
    by_prior = table.groupby("prior").apply(lambda t: list(zip(t["lean"], t["word"])), include_groups=False)
    assert by_prior["较小一组的词数"] == by_prior["两组合计词数"]
    small = table[table["prior"] == "较小一组的词数"].set_index("word")["z_score"].abs()
    large = table[table["prior"] == "两组合计词数"].set_index("word")["z_score"].abs()
    assert (large < small).all()


def test_official_texts_lean_on_labelling_and_the_news_on_big_models():
    # By hand: reading the 37 rows of the snapshot files (data/raw/official.yml gives table and url; csv module,
    # full_text and title columns), "标识" occurs 175 times and "合成" 192 times in the official texts; in the three
    # 2023 news files grep -o finds "标识"/"標識" 0 times and "合成" once. "大模型" occurs 86 times in the official
    # rows against 180 in the much shorter news (see above). So 标识 and 合成 must be among the official side's
    # first three words and 大模型 must lead the news side.
    words = summaries.distinctive_words("official", "news_2023", top=10)
    official = words[words["group"] == "official"]
    news = words[words["group"] == "news_2023"]
    assert {"标识", "合成"} <= set(official["word"].iloc[:3])
    assert news["word"].iloc[0] == "大模型"
