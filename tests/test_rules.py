"""Each text rule on the hazards the corpus actually contains."""
import pytest

from cnai.corpus import rules


@pytest.mark.parametrize("doubled, expected", [
    ("99 月月 1515 日日，，参观者在参观者在 20232023 世界计算大会世界计算大会", "9 月 15 日，参观者在 2023 世界计算大会"),
    ("新华社记者新华社记者 陈泽国陈泽国摄摄", "新华社记者 陈泽国摄"),
    ("智能智能（（AIAI））大模型大模型 33..00。。", "智能（AI）大模型 3.0。"),
])
def test_undouble_restores_double_printed_lines(doubled, expected):
    assert rules.undouble(doubled)[0] == expected
    assert rules.is_doubled(doubled)


@pytest.mark.parametrize("line", ["哈哈大笑，我们都很开心开心。", "大模型大模型", "ChatGPT掀起了大模型浪潮。", "2020"])
def test_undouble_leaves_ordinary_text_alone(line):
    assert rules.undouble(line) == (line, 0)


def test_despace_joins_spaced_out_chinese_but_keeps_latin_words():
    assert rules.despace("科大讯飞 的“ 星 火 ”、华 为 技 术")[0] == "科大讯飞的“星火”、华为技术"
    assert rules.despace("我国有至少 130 家公司")[0] == "我国有至少130家公司"
    assert rules.despace("开源图学习系统 Ant Graph Learning（AGL）")[0] == "开源图学习系统Ant Graph Learning（AGL）"


def test_normalize_width_keeps_chinese_punctuation_and_fixes_mixed_forms():
    text, changes = rules.normalize_width("國產大模型產業走到了哪一步?通用人工智能(AGI)發展,ＡＩ４ 規模６,０００ 增长５０％")
    assert text == "國產大模型產業走到了哪一步？通用人工智能（AGI）發展，AI4 規模6,000 增长50%"
    assert changes > 0
    assert rules.normalize_width("你好，世界。")[0] == "你好，世界。"


def test_sentence_and_clause_ends():
    assert rules.ends_sentence("能够胜出。”")
    assert rules.ends_sentence("未来如何突围发展？ ")
    assert not rules.ends_sentence("百度的")
    assert rules.ends_clause("资本主义经济体系逐渐确立；")


def test_traditional_to_simplified_maps_characters_not_words():
    # by hand, character by character (導→导, 體→体, 應→应, 鏈→链); 核心 and 晶片 are not rewritten (tests/test_script.py)
    assert rules.to_simplified("核心晶片的半導體供應鏈") == "核心晶片的半导体供应链"


def test_private_use_glyphs_are_dropped():
    assert rules.drop_private_use("\uf0d8 第一点") == (" 第一点", 1)
