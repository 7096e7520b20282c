"""Official documents (rows of the snapshot cac_miit_tc260): the AI rule, the generated manifest, the page layouts,
the filing counts, and the per-document cache that makes adding one document cheap.

Fixtures under tests/fixtures/official/ are byte copies of one row's full_text each (the row named in each test),
plus one made-up CAC page with the site's header and footer.
"""
from __future__ import annotations

import csv
import re
import textwrap
from pathlib import Path

import pytest

from cnai import data, paths
from cnai.corpus import official, tables
from cnai.corpus.clean import clean_document
from cnai.corpus.manifest import check_corpus, load_manifest, sha256_of
from cnai.errors import CorpusError
from tests.conftest import make_document

FIXTURES = Path(__file__).parent / "fixtures" / "official"
SNAPSHOT = paths.EXTERNAL / "cac_miit_tc260"


def _row(table: str, url: str) -> dict[str, str]:
    with (SNAPSHOT / table).open(encoding="utf-8-sig", newline="") as handle:
        return next(r for r in csv.DictReader(handle) if r["url"] == url)


# --- the AI rule ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("table, url, expected", [
    # 国家互联网信息办公室关于发布2024年生成式人工智能服务已备案信息的公告 (2025-01-08): in by its title
    ("cac_all_policies.csv", "https://www.cac.gov.cn/2025-01/08/c_1738034725920930.htm", True),
    # 工业和信息化部等七部门关于推动未来产业创新发展的实施意见 (2024-01-18): no term in the title, 7 in the text
    ("miit_all_policies.csv", "https://www.miit.gov.cn/jgsj/kjs/wjfb/art/2024/art_a9950c3b3cbe47b4b45519ce4a376687.html", True),
    # 第二十一批境内区块链信息服务备案编号的公告 (2026-01-15): a filing notice, but of blockchain services
    ("cac_all_policies.csv", "https://www.cac.gov.cn/2026-01/15/c_1770207736136310.htm", False),
    # 《网络安全技术 SM9密码算法加密签名消息格式》 (TC260, 2025-04-25): 算法 three times, a cryptographic one
    ("tc260_all_policies.csv", "https://www.tc260.org.cn/portal/suggestion-detail/20250427104726", False),
])
def test_ai_rule_on_hand_picked_rows(table, url, expected):
    try:
        row = _row(table, url)
    except StopIteration:
        pytest.fail(f"fixture row {url} not in {table}")
    assert official.read_rule().is_ai(row["title"], row["full_text"]) is expected


def test_the_generated_manifest_is_current():
    assert official.MANIFEST.read_text(encoding="utf-8") == official.render(official.entries()), \
        "data/raw/official.yml is stale: run python -m cnai.corpus.official"


def test_all_six_filing_announcements_are_in_the_corpus():
    with (SNAPSHOT / "cac_all_policies.csv").open(encoding="utf-8-sig", newline="") as handle:
        announcements = {r["url"] for r in csv.DictReader(handle) if "生成式人工智能服务已备案信息" in r["title"]}
    assert len(announcements) == 6  # 2025-01-08, 04-08, 07-11, 09-10, 11-11 and 2026-01-09 (read in the CSV)
    keys = {d.row_key for d in load_manifest().documents if d.snapshot}
    assert announcements <= keys


# --- the manifest ---------------------------------------------------------------------------------------------

def test_a_row_key_missing_from_the_snapshot_names_the_manifest_line(corpus_copy):
    path = corpus_copy.raw_dir / "official.yml"
    text = path.read_text(encoding="utf-8")
    first_key = re.search(r"row_key: (\S+)", text).group(1)
    path.write_text(text.replace(first_key, "https://www.cac.gov.cn/no-such-page.htm", 1), encoding="utf-8")
    entry_line = text.splitlines().index(next(l for l in text.splitlines() if l.startswith("- id: "))) + 1
    with pytest.raises(CorpusError, match=rf"official\.yml:{entry_line}: .*no-such-page\.htm.* is not a row of"):
        check_corpus(load_manifest(corpus_copy.manifest), corpus_copy.raw_dir)


def test_a_document_is_a_file_or_a_row_not_both():
    with pytest.raises(ValueError, match="either a file"):
        make_document(snapshot="cac_miit_tc260", table="cac_all_policies.csv", row_key="https://x")
    with pytest.raises(ValueError, match="either a file"):
        make_document(file=None, sha256=None, snapshot="cac_miit_tc260")


# --- layouts ----------------------------------------------------------------------------------------------------

def _official(layout: str, title: str, **extra):
    return make_document(file=None, sha256=None, snapshot="cac_miit_tc260", table="cac_all_policies.csv",
                         row_key="https://example.org/x", kind="official_document", layout=layout, title=title, **extra)


def test_cac_page_keeps_the_body_and_moves_the_fields():
    raw = (FIXTURES / "cac_filing_2024.txt").read_text(encoding="utf-8")
    doc = _official("cac_page", "国家互联网信息办公室关于发布2024年生成式人工智能服务已备案信息的公告")
    cleaned = clean_document(doc, raw)
    texts = list(cleaned.paragraphs["text"])
    # the body as read in the fixture: two paragraphs, between 【纠错】 and 附件：
    assert len(texts) == 2
    assert texts[0].startswith("促进生成式人工智能服务创新发展和规范应用，2024年，网信部门")
    assert "截至2024年12月31日，共302款生成式人工智能服务在国家网信办完成备案" in texts[0]
    assert texts[1].startswith("提供具有舆论属性") and texts[1].endswith("注明模型名称、备案号或上线编号。")
    assert not any(w in t for t in texts for w in ("设为首页", "当前位置", "【打印】", "版权所有", "京ICP备", "publishdate"))
    fields = dict(zip(cleaned.metadata["field"], cleaned.metadata["value"]))
    assert fields == {"发布时间": "2025年01月08日 19:47", "来源": "中国网信网", "publishdate": "2025/02/11 16:33:09",
                      "附件": "国家互联网信息办公室关于发布生成式人工智能服务已备案信息的公告"}
    rules = set(cleaned.report.loc[cleaned.report["chars"] > 0, "rule"])
    assert {"site_navigation", "site_footer"} <= rules


def test_cac_page_made_up_row_splits_items_and_answers():
    header = ("测试办法_中央网络安全和信息化委员会办公室 设为首页 加入收藏 手机版 繁体 搜索 首 页 时政要闻 网信政务 互动服务 热点专题 "
              "当前位置： 首页 > 正文 首页 时政要闻 网信政务 互动服务 热点专题 测试办法 2025年03月01日 10:00 来源： 中国网信网 【打印】 【纠错】 ")
    footer = (" 关闭 中央网络安全和信息化委员会办公室 中华人民共和国国家互联网信息办公室 © 版权所有 联系我们 承办：国家互联网应急中心 "
              "返回顶部 PC版 publishdate:2025/03/01 10:01:02")
    body = "为了规范测试，制定本办法。 一、总则 第一条 本办法适用于 测试服务。 问：为何制定？ 答： 为了测试。"
    cleaned = clean_document(_official("cac_page", "测试办法"), header + body + footer)
    rows = list(zip(cleaned.paragraphs["kind"], cleaned.paragraphs["text"]))
    assert rows == [("body", "为了规范测试，制定本办法。"), ("heading", "一、总则"), ("body", "第一条本办法适用于测试服务。"),
                    ("body", "问：为何制定？"), ("body", "答：为了测试。")]


def test_cac_page_without_the_site_header_is_an_error():
    with pytest.raises(CorpusError, match="lacks the site's header"):
        clean_document(_official("cac_page", "测试"), "测试 正文。 关闭 中央网络安全和信息化委员会办公室")


def test_miit_page_fields_title_and_body():
    raw = (FIXTURES / "miit_humanoid_2023.txt").read_text(encoding="utf-8")
    cleaned = clean_document(_official("miit_page", "工业和信息化部关于印发《人形机器人创新发展指导意见》的通知"), raw)
    fields = dict(zip(cleaned.metadata["field"], cleaned.metadata["value"]))
    # values as they stand in the fixture, each on the line after its label
    assert fields["发文字号"] == "工信部科〔2023〕193号" and fields["成文日期"] == "2023-10-20"
    assert fields["发布日期"] == "2023-11-02" and fields["分类"] == "高技术管理" and fields["来源"] == "科技司"
    texts = list(cleaned.paragraphs["text"])
    assert texts[0].startswith("各省、自治区、直辖市及计划单列市") and "印发给你们" in texts[0]
    assert not any(w in t for t in texts for w in ("首页", "【返回顶部】", "发文机关"))
    report = cleaned.report.set_index("rule")["lines"]
    assert report["site_footer"] == 3 and report["site_navigation"] == 9  # 首页 > 工业和信息化部 > 机关司局 > 科技司 > 文件发布
    assert report["kept:title"] == 2  # the first line and the title above 发布时间


def test_tc260_page_attachments_and_contacts():
    raw = (FIXTURES / "tc260_sm9_2025.txt").read_text(encoding="utf-8")
    cleaned = clean_document(_official("tc260_page", "关于国家标准《网络安全技术 SM9密码算法加密签名消息格式》征求意见稿征求意见的通知"), raw)
    assert list(cleaned.metadata["field"]) == ["附件", "附件"]  # the two '- name: url' lines of the fixture
    report = cleaned.report.set_index("rule")["lines"]
    assert report["contact_details"] == 3  # 联系人：王姣 / 13661025214 / wangjiao@cesi.cn
    texts = " ".join(cleaned.paragraphs["text"])
    assert "王姣" not in texts and "cesi.cn" not in texts
    assert "恳切希望您对该标准提出宝贵意见" in texts


# --- the filing counts --------------------------------------------------------------------------------------------

# (as of, kind, cumulative) → count, as read in the six announcements' raw text on www.cac.gov.cn:
# 2024年…已备案信息的公告 (2025-01-08): 截至2024年12月31日，共302款…完成备案，其中2024年新增238款；2024年共105款…登记
# …（2025年1月至3月） (2025-04-08): 截至2025年3月31日，共有346款…备案；共有159款…登记
# …（2025年4月至6月） (2025-07-11): 新增93款…备案 … 新增77款完成登记 … 累计有439款…备案，236款…登记
# …（2025年7月至8月） (2025-09-10): 新增99款 … 新增27款 … 累计有538款 … 263款
# …（2025年9月至10月） (2025-11-11): 新增73款 … 新增35款 … 累计有611款 … 306款
# 2025年…已备案信息的公告 (2026-01-09): 新增446款 … 新增330款 … 累计有748款 … 435款
READ = {
    ("2024-12-31", "filed", "yes"): 302, ("2024-12-31", "filed", "no"): 238, ("2024-12-31", "registered", "no"): 105,
    ("2025-03-31", "filed", "yes"): 346, ("2025-03-31", "registered", "yes"): 159,
    ("2025-06-30", "filed", "no"): 93, ("2025-06-30", "registered", "no"): 77,
    ("2025-06-30", "filed", "yes"): 439, ("2025-06-30", "registered", "yes"): 236,
    ("2025-08-31", "filed", "no"): 99, ("2025-08-31", "registered", "no"): 27,
    ("2025-08-31", "filed", "yes"): 538, ("2025-08-31", "registered", "yes"): 263,
    ("2025-11-01", "filed", "no"): 73, ("2025-11-01", "registered", "no"): 35,
    ("2025-11-01", "filed", "yes"): 611, ("2025-11-01", "registered", "yes"): 306,
    ("2025-12-31", "filed", "no"): 446, ("2025-12-31", "registered", "no"): 330,
    ("2025-12-31", "filed", "yes"): 748, ("2025-12-31", "registered", "yes"): 435,
}


def test_filings_hold_every_count_of_the_six_announcements():
    filings = data.load("filings")
    got = {(r.as_of_date, r.kind, r.cumulative): r.count for r in filings.itertuples()}
    assert got == READ
    assert set(filings.loc[filings["kind"] == "filed", "unit"]) == {"services"}
    assert set(filings.loc[filings["kind"] == "registered", "unit"]) == {"apps"}
    # every announcement is a document of the corpus, and each holds four counts (three the first, two the second)
    per_doc = filings.groupby("doc_id").size().sort_values()
    assert list(per_doc) == [2, 3, 4, 4, 4, 4]


def test_running_totals_add_up_where_the_regulator_says_so():
    # 346 + 93 = 439, 439 + 99 = 538, 538 + 73 = 611, 302 + 446 = 748 (services);
    # 159 + 77 = 236, 236 + 27 = 263, 105 + 330 = 435 (apps); 263 + 35 = 298 ≠ 306, noted in f-015
    filings = data.load("filings").set_index(["as_of_date", "kind", "cumulative"])["count"]
    assert filings["2025-03-31", "filed", "yes"] + filings["2025-06-30", "filed", "no"] == filings["2025-06-30", "filed", "yes"]
    assert filings["2024-12-31", "filed", "yes"] + filings["2025-12-31", "filed", "no"] == filings["2025-12-31", "filed", "yes"]
    assert filings["2024-12-31", "registered", "no"] + filings["2025-12-31", "registered", "no"] \
        == filings["2025-12-31", "registered", "yes"]


def test_official_documents_reach_paragraph_topics():
    docs = data.load("documents")
    official_ids = set(docs.loc[docs["kind"] == "official_document", "doc_id"])
    topics = data.load("paragraph_topics")
    assert official_ids & set(topics["doc_id"])
    assert "policy" in set(topics.loc[topics["doc_id"].isin(official_ids), "topic"])


# --- the per-document cache ---------------------------------------------------------------------------------------

ARTICLE = "测试新闻标题\n\n今年以来，具身智能成为人工智能产业的新热点。\n"


def test_adding_one_document_cleans_only_that_document(corpus_copy, monkeypatch):
    data.refresh(corpus_copy)
    pieces = corpus_copy.cache_dir / "docs"
    first = set(pieces.glob("*.pkl"))
    n_docs = len(load_manifest(corpus_copy.manifest).documents)
    assert len(first) == n_docs

    calls: list[str] = []
    real = tables.clean_document
    monkeypatch.setattr(tables, "clean_document", lambda doc, raw: calls.append(doc.id) or real(doc, raw))
    path = corpus_copy.raw_dir / "extra_2024_05.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    entry = textwrap.dedent(f"""
      - id: extra_2024_05
        label: 示例 2024-05
        file: extra_2024_05.txt
        sha256: {sha256_of(path)}
        kind: web_article
        layout: single_article
        outlet: 示例网
        outlet_evidence: fixture
        date: "2024-05-20"
        date_precision: day
        language: zh
        script: Hans
        extraction: plain text
        title: 测试新闻标题
    """)
    with corpus_copy.manifest.open("a", encoding="utf-8") as handle:
        handle.write(textwrap.indent(entry, "  "))
    data.refresh(corpus_copy)
    assert calls == ["extra_2024_05"]
    assert len(set(pieces.glob("*.pkl")) - first) == 1 and first <= set(pieces.glob("*.pkl"))
    assert "extra_2024_05" in set(data.load("paragraphs", corpus_copy)["doc_id"])
