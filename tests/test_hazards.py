"""The hazard detectors that run for every layout, on small fixtures written for these tests (not copies of the
seed documents). Expected values are written out by hand from the fixture text."""
import pytest

from cnai.corpus import hazards
from cnai.corpus.clean import clean_document
from cnai.corpus.cleaner import DocCleaner, Part

from conftest import make_document


def cleaner_of(text, **doc):
    return DocCleaner(make_document(**doc), text)


# --- page footers --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line", ["12 Jun 2025 3", " 3 Mar 2024   117 "])
def test_page_footer_lines_are_removed(line):
    cleaner = cleaner_of(f"正文一句。\n{line}\n正文二句。")
    hazards.remove_page_footers(cleaner)
    assert cleaner.disposition == [None, "page_footer", None]
    assert cleaner.counts[("page_footer", "lines")] == 1


@pytest.mark.parametrize("line", ["12 Jun 2025", "12 June 2025 3", "2025年6月12日 3", "12 Jun 2025 3 点发布会"])
def test_other_lines_are_not_footers(line):
    cleaner = cleaner_of(line)
    hazards.remove_page_footers(cleaner)
    assert cleaner.disposition == [None]


# --- doubled captions ----------------------------------------------------------------------------------------------

def test_doubled_caption_is_undoubled_and_kept_apart():
    cleaner = cleaner_of("园区一角。\n\n33月月22日日，，工人在车间工人在车间调试设备调试设备。。\n\n记者记者 赵一赵一摄摄\n下一段。")
    hazards.undouble_captions(cleaner)
    [caption] = cleaner.paragraphs
    assert (caption.part_id, caption.kind, caption.lines) == ("captions", "caption", [2, 4])
    assert caption.text == "3月2日，工人在车间调试设备。记者赵一摄"
    assert cleaner.disposition[0] is None and cleaner.disposition[5] is None


def test_a_line_with_a_repeated_word_is_not_a_caption():
    cleaner = cleaner_of("我们都很开心开心。\n谢谢谢谢")
    hazards.undouble_captions(cleaner)
    assert cleaner.paragraphs == [] and cleaner.disposition == [None, None]


# --- bylines -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, name", [
    ("本報記者 林曉雲", "林曉雲"), ("本报记者 贾 丽", "贾丽"), ("记者 张三 李四", "张三李四"), ("通讯员 王五", "王五"),
])
def test_byline_names(line, name):
    assert hazards.byline_name(line) == name


@pytest.mark.parametrize("line", ["记者采访时表示：“公司已深入参", "记者 陈某摄", "本报记者", "新闻记者证", "记者手记"])
def test_lines_that_are_not_bylines(line):
    assert hazards.byline_name(line) is None


def test_byline_gets_its_disposition_and_its_name_goes_to_metadata():
    cleaner = cleaner_of("标题\n本報記者 林曉雲\n正文。")
    hazards.mark_bylines(cleaner)
    assert cleaner.disposition == [None, "byline", None]
    assert cleaner.metadata == [("byline", "林曉雲", 2)]
    assert cleaner.counts[("bylines", "changes")] == 1


# --- line joining --------------------------------------------------------------------------------------------------

FREE_TEXT = """第一段的文字排满了整行，到了行尾却没有
结束，下一行接着写完。
短行图注

第二段一行写完。
这一行也是满满一整行的文字，只是缺了
、号开头的下一行接上。
"""


def runs(text, column_text):
    cleaner = cleaner_of(text)
    return cleaner, hazards.line_runs(cleaner, list(range(len(cleaner.lines))), column_text)


def test_free_text_joins_full_width_lines_and_leaves_short_ones_alone():
    # line numbers from FREE_TEXT (0-based): 0-1 one sentence, 2 a short caption, 4 a sentence, 5-6 broken before "、"
    _, found = runs(FREE_TEXT, column_text=False)
    assert found == [[0, 1], [2], [4], [5, 6]]


def test_column_text_joins_every_line_without_a_sentence_end():
    _, found = runs(FREE_TEXT, column_text=True)
    assert found == [[0, 1], [2, 4], [5, 6]]  # the short line 2 runs on into line 4, across the blank line


def test_a_clause_end_before_a_blank_line_ends_the_paragraph():
    _, found = runs("列表如下：\n\n第一项。", column_text=True)
    assert found == [[0], [2]]


def test_lines_join_across_a_removed_footer():
    cleaner = cleaner_of("这一段在页尾被截断，页脚之后\n\n1 Jan 2025 9\n\n才写完。")
    hazards.remove_page_footers(cleaner)
    assert hazards.line_runs(cleaner, list(range(5)), column_text=False) == [[0, 4]]


def test_joins_are_counted_in_the_cleaning_report():
    cleaner, found = runs(FREE_TEXT, column_text=False)
    part = Part("a1", "article", None)
    for run in found:
        hazards.add_run(cleaner, part, "body", run)
    assert cleaner.counts[("line_joins", "changes")] == 2  # [0,1] and [5,6]
    assert cleaner.paragraphs[0].text == "第一段的文字排满了整行，到了行尾却没有结束，下一行接着写完。"


# --- every layout ----------------------------------------------------------------------------------------------------

WEB_PAGE = """一篇网页文章
记者 周七

网页正文一段写在一行里，没有硬换行，句子完整。
12 Jun 2025 3
"""


def test_detectors_run_for_a_layout_that_does_not_mention_them():
    result = clean_document(make_document(layout="single_article", title="一篇网页文章"), WEB_PAGE)
    assert result.paragraphs["text"].tolist() == ["网页正文一段写在一行里，没有硬换行，句子完整。"]
    report = result.report.set_index("rule")
    assert report.loc["page_footer", "lines"] == 1 and report.loc["kept:byline", "lines"] == 1
    assert result.metadata[["field", "value", "line"]].values.tolist() == [["byline", "周七", 2]]
    # WEB_PAGE has 5 lines and a final newline: 6 raw lines, each with one disposition
    assert report["lines"].sum() == 6
