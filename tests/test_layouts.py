"""Each document layout on a small fixture that reproduces the corpus's hazards."""
import pytest

from cnai.corpus.clean import clean_document
from cnai.errors import CorpusError

from conftest import make_document

NEWSPAPER = """今年以来，我国大模型产业蓬勃
发展。现在全国已有80余个大模
型公开发布，赛道热度不断高涨。

企业争相布局

在我国大模型产业领域，阿

里、华为、腾讯等公司布局相对较
早，均先后发布了大模型产品。

“百模大战”愈演愈烈

本报记者 何文英

近日，人形机器人产业链迎来历
史性发展机遇，多家公司积极布
局，在软硬件方面率先发力。

人形机器人热度高涨

贾 丽

国产手机厂商造芯之路道阻且长
，有的成果初现，有的折戟退出。

手机芯片是“造”还是“买”？
"""

NEWSPAPER_ARTICLES = [
    {"id": "a1", "kind": "news", "title": "“百模大战”愈演愈烈", "authors": []},
    {"id": "a2", "kind": "news", "title": "人形机器人热度高涨", "authors": ["何文英"]},
    {"id": "a3", "kind": "commentary", "title": "手机芯片是“造”还是“买”？", "authors": ["贾丽"]},
]


def clean(text, **doc):
    return clean_document(make_document(**doc), text)


def newspaper(text=NEWSPAPER, articles=NEWSPAPER_ARTICLES):
    return clean(text, layout="titles_after_body", articles=articles, title=None)


def test_newspaper_page_splits_into_articles_with_titles_after_bodies():
    paras = newspaper().paragraphs
    assert list(paras["part_id"].unique()) == ["a1", "a2", "a3"]
    assert paras.loc[paras["part_id"] == "a2", "part_title"].iloc[0] == "人形机器人热度高涨"
    assert paras.loc[paras["part_id"] == "a3", "text"].tolist() == ["国产手机厂商造芯之路道阻且长，有的成果初现，有的折戟退出。"]
    joined = "".join(paras["text"])
    for structural in ("本报记者", "何文英", "贾丽", "愈演愈烈", "热度高涨"):
        assert structural not in joined


def test_lines_broken_mid_sentence_are_joined_even_across_blank_lines():
    paras = newspaper().paragraphs
    assert "在我国大模型产业领域，阿里、华为、腾讯等公司布局相对较早，均先后发布了大模型产品。" in paras["text"].tolist()
    assert "今年以来，我国大模型产业蓬勃发展。现在全国已有80余个大模型公开发布，赛道热度不断高涨。" in paras["text"].tolist()


def test_sub_headings_are_kept_as_headings():
    paras = newspaper().paragraphs
    assert paras.loc[paras["kind"] == "heading", "text"].tolist() == ["企业争相布局"]


def test_every_raw_line_is_accounted_for():
    result = newspaper()
    lines = result.report.loc[:, "lines"].sum()
    # NEWSPAPER, counted by eye: 17 lines of text and 10 blank ones, each ending in a newline (27), and the empty
    # string after the last newline, which the cleaner reports as a blank line → 28
    assert lines == 28
    assert result.report.set_index("rule").loc["kept:blank", "lines"] == 11


def test_missing_title_and_wrong_article_count_are_clear_errors():
    wrong_title = [dict(NEWSPAPER_ARTICLES[0], title="不存在的标题")] + NEWSPAPER_ARTICLES[1:]
    with pytest.raises(CorpusError, match="title '不存在的标题' .* not found"):
        newspaper(articles=wrong_title)
    with pytest.raises(CorpusError, match=r":14: byline '本报记者 何文英' follows no title listed in the manifest"):
        newspaper(articles=NEWSPAPER_ARTICLES[1:])
    with pytest.raises(CorpusError, match="found 3 article bodies .* lists 4 articles"):
        newspaper(articles=NEWSPAPER_ARTICLES + [{"id": "a4", "kind": "page_lead", "title": None}])


FEATURE = """国产大模型面临的机遇与挑战
本报记者 李治国

科大讯飞 的“ 星 火 ”、腾 讯 的“ 混 元 ”等大模型

相继发布，我国有至少 130 家公司研究大模型产品。

99 月月 1515 日日，，参观者在参观者在展会上了解展会上了解 AIAI 大模型大模型。。

新华社记者新华社记者 陈泽国陈泽国摄摄
以语言大模型为代表的大模型方向已成为人工智能的主赛道。
（作者系科大讯飞副总裁、研究院院长）
正 视 差 距
刘 聪
"""


def test_feature_page_undoubles_captions_and_despaces_spaced_out_text():
    articles = [
        {"id": "a1", "kind": "feature", "title": "国产大模型面临的机遇与挑战", "title_position": "before", "authors": ["李治国"]},
        {"id": "a2", "kind": "commentary", "title": "正视差距", "authors": ["刘聪"]},
    ]
    result = clean_document(make_document(layout="titles_after_body", articles=articles, title=None), FEATURE)
    paras = result.paragraphs.set_index("part_id")
    assert paras.loc["a1", "text"] == "科大讯飞的“星火”、腾讯的“混元”等大模型相继发布，我国有至少130家公司研究大模型产品。"
    assert paras.loc["captions", "text"] == "9月15日，参观者在展会上了解AI大模型。新华社记者陈泽国摄"
    assert paras.loc["captions", "kind"] == "caption"
    commentary = result.paragraphs[result.paragraphs["part_id"] == "a2"]
    assert commentary["kind"].tolist() == ["body", "note"]
    report = result.report.set_index("rule")
    assert report.loc["doubled_characters", "changes"] > 0
    assert report.loc["whitespace", "chars"] > 0


REPORT = """ (Please see APPENDIX 1 for English summary) 

摘要第一段，生成式 AI 正是本次工业革命的核心突
破。

 1. 人工智能将带来第四次工业革命 

纵观人类历史，生产力的革命是人类发展的核心动力。

1.1 历史上的工业革命 

全球 GDP 已从 18 世纪的 7,510 亿
美元增长到 2022 年的 139.4 万亿美元，在这一过

12 Jun 2024 8 

[Table_header1]  中国互联网 

程中增速最为显著。
3.5 的重要经验，而且速度更快。
各家人形机器人对比 
Atlas 1.5 米  89kg 2.5 米/秒 

Source: 公司官网，HTI 

1.2 科技的发展和生产率的提升 

\uf0d8 AI 技术进步带来效率提升。
 APPENDIX 1 

Summary 

Chapter 1 of this report briefly describes the progress. 
 我，  杨林，在此保证本研究报告中的意见准确反映了我们的观点。
Haitong has received compensatio n in the past 12 months.
"""


def report():
    return clean(REPORT, kind="research_report", layout="report_sections", title="研报")


def test_report_splits_into_numbered_sections_and_rejects_false_headings():
    paras = report().paragraphs
    assert list(paras["part_id"].unique()) == ["0", "1", "1.1", "1.2", "appendix"]
    assert "3.5的重要经验，而且速度更快。" in paras["text"].tolist()


def test_report_removes_footers_headers_and_disclosures_and_joins_across_page_breaks():
    result = report()
    text = "".join(result.paragraphs["text"])
    assert "全球GDP已从18世纪的7,510亿美元增长到2022年的139.4万亿美元，在这一过程中增速最为显著。" in text
    for boilerplate in ("12 Jun 2024", "Table_header1", "在此保证", "compensatio", "Please see APPENDIX"):
        assert boilerplate not in text
    rules = result.report.set_index("rule")
    assert rules.loc["page_footer", "lines"] == 1
    assert rules.loc["running_header", "lines"] == 1
    assert rules.loc["legal_disclosures", "lines"] == 2
    assert rules.loc["private_use_glyphs", "changes"] == 1


def test_report_keeps_figures_apart_and_moves_sources_to_metadata():
    result = report()
    paras = result.paragraphs.set_index("kind")
    assert paras.loc["figure_title", "text"] == "各家人形机器人对比"
    assert paras.loc["table", "text"] == "Atlas 1.5 米 89kg 2.5 米/秒"
    assert result.metadata[["field", "value"]].values.tolist() == [["figure_source", "公司官网，HTI"]]
    appendix = result.paragraphs[result.paragraphs["part_id"] == "appendix"]
    # the English appendix is kept as text; its one-word heading runs into the sentence (no terminal punctuation)
    assert appendix["text"].tolist() == ["Summary Chapter 1 of this report briefly describes the progress."]


CRAWLER = """标题: 大模型产业方兴未艾
链接: https://example.com/a
总结: 以大模型为核心的人工智能技术飞速发展。市场前景广阔市场前景广阔工信部披露，大模型近200个。更多精彩资讯请在应用市场下载“央广网”客户端。欢迎提供新闻线索，24小时报料热线400-800-0088；消费者也可通过央广网“啄木鸟消费者投诉平台”线上投诉。版权声明：本文章版权归属央广网所有，未经授权不得转载。转载请联系：cnrbanquan@cnr.cn，不尊重原创的行为我们将追究责任。举报/反馈
关键词: 大模型产业,  人工智能
重大事件摘要: 这篇文章主要讨论了以下事件：

1. 工信部披露近200个大模型。
"""


def test_crawler_record_keeps_summaries_as_metadata_and_drops_notices():
    result = clean(CRAWLER, kind="web_article", layout="crawler_record", title="大模型产业方兴未艾")
    paras = result.paragraphs
    assert paras[["kind", "text"]].values.tolist() == [
        ["body", "以大模型为核心的人工智能技术飞速发展。"],
        ["heading", "市场前景广阔"],
        ["body", "工信部披露，大模型近200个。"],
    ]
    fields = result.metadata.groupby("field")["value"].apply(list).to_dict()
    assert fields["关键词"] == ["大模型产业,  人工智能"]
    assert fields["重大事件摘要"] == ["这篇文章主要讨论了以下事件：", "1. 工信部披露近200个大模型。"]
    rules = result.report.set_index("rule")
    for rule in ("copyright_notice", "tip_off_notice", "app_promotion", "report_link"):
        assert rules.loc[rule, "changes"] == 1


def test_crawler_line_outside_any_field_is_an_error():
    with pytest.raises(CorpusError, match=r":2: line outside any crawler field"):
        clean("标题: 题\n没有字段的一行\n总结: 正文。", kind="web_article", layout="crawler_record", title="题")


TRADITIONAL = """政策資本齊發力,國產大模型產業走到了哪一步?
1年前

本月初,2023年世界人工智能大會在上海舉辦,人形機器人核心零部件需求大增。

目前大模型各領域中的部分產品


1、 從BAT到國家隊

據不完全統計,國內已經有上百個大模型產品問世。

追加內容

本文作者可以追加內容哦 !

鄭重聲明:本文版權歸原作者所有,轉載文章僅為傳播信息之目的。

標題:政策資本齊發力,國產大模型產業走到了哪一步?

地址:https://www.breakthing.com/post/81622.html
"""


def test_traditional_web_article_is_simplified_and_keeps_its_original():
    result = clean(TRADITIONAL, kind="web_article", layout="single_article", script="Hant",
                   title="政策資本齊發力,國產大模型產業走到了哪一步?")
    paras = result.paragraphs
    assert paras["kind"].tolist() == ["body", "caption", "heading", "body"]
    first = paras.iloc[0]
    assert first["text"] == "本月初，2023年世界人工智能大会在上海举办，人形机器人核心零部件需求大增。"  # 核心 kept (by character)
    assert first["text_original"] == "本月初，2023年世界人工智能大會在上海舉辦，人形機器人核心零部件需求大增。"
    assert "鄭重聲明" not in "".join(paras["text_original"])
    assert result.metadata.set_index("field").loc["地址", "value"] == "https://www.breakthing.com/post/81622.html"
    rules = result.report.set_index("rule")
    assert rules.loc["site_boilerplate", "lines"] == 3
    assert rules.loc["relative_date", "lines"] == 1  # the crawler's "1年前"
    assert rules.loc["traditional_to_simplified", "changes"] > 0
