"""Layouts of official web pages (rows of the snapshot cac_miit_tc260): each strips its site's navigation and
footer, moves the page's fields (date, source, document number, attachments) to the metadata table, removes
contact details, and keeps the document's body.

- cac_page: www.cac.gov.cn pages come as ONE line, "<title>_中央网络安全和信息化委员会办公室 设为首页 … 【打印】 【纠错】
  <body> 关闭 中央网络安全和信息化委员会办公室 … publishdate:…". Header and footer are cut from the line and counted
  by rule; the body's paragraphs are the runs between spaces that end a sentence or start a numbered item.
- miit_page: www.miit.gov.cn pages, one field per line: the title, the breadcrumb (首页 > … > 文件发布), label/value
  pairs (发文机关： / value …), the title again, 发布时间 and 来源, the body, and 【返回顶部】【关闭窗口】【打印本页】.
- tc260_page: www.tc260.org.cn notices: the body, then "--- 相关附件 ---" and one "- name: url" line per attachment.
"""
from __future__ import annotations

import re

from ..errors import CorpusError
from .cleaner import DocCleaner, Part

_CAC_SITE = "中央网络安全和信息化委员会办公室"
_CAC_HEADER = re.compile(
    rf"^(?P<page_title>.*?)_{_CAC_SITE} 设为首页 加入收藏 手机版 繁体 搜索 首 页 时政要闻 网信政务 互动服务 热点专题 "
    r"当前位置： 首页 > 正文 首页 时政要闻 网信政务 互动服务 热点专题 (?P<title>.*?) "
    r"(?P<published>\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}) 来源： (?P<source>\S+) 【打印】 【纠错】\s?")
_CAC_FOOTER = re.compile(rf"\s?关闭 {_CAC_SITE} 中华人民共和国国家互联网信息办公室 © 版权所有 .*? "
                         r"publishdate:(?P<stamp>\S+ \S+)\s*$")
_CAC_PDF_VIEWER = re.compile(r"^(?://www\.cac\.gov\.cn/\S+\.pdf\s*)+")
_CAC_ATTACHMENT = re.compile(r"\s?附件：\s?(?P<name>[^。]*?)\s*$")
# where a new paragraph starts inside a CAC body: after a sentence end, or at a numbered item or a question
_ITEM = re.compile(r"^(?:第[一二三四五六七八九十百]+[章节条]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|"
                   r"\d{1,2}[.．、]|问\d*：|[一二三四五六七八九十]+、问：|答：)")
_ENDS = "。！？；：”）"
# contact details of officials (names, phones, mail): not the document's content, and personal; matched on the
# line with its spaces removed
_CONTACT = re.compile(r"^[（(]?(?:联系人|联系电话|联系方式|咨询电话|系统咨询|材料报送电子邮箱|申报平台技术支持)\S*[:：]|"
                      r"^[\w.-]+@[\w.-]+$|^.{0,40}?(?:\d{3,4}-\d{7,8}|1\d{10})\S{0,30}$")
_NUMBERED_HEADING = re.compile(r"^[一二三四五六七八九十]+、[^，。；：！？,;:]{1,20}$")


def _segments(body: str) -> list[tuple[str, str]]:
    """(kind, text) paragraphs of a one-line CAC body."""
    paragraphs: list[list[str]] = []
    for piece in body.split():
        lead_in = bool(paragraphs) and bool(re.fullmatch(r"(?:[一二三四五六七八九十]+、)?(?:问\d*|答)：", paragraphs[-1][-1]))
        starts = not paragraphs or (not lead_in and (paragraphs[-1][-1][-1] in _ENDS or bool(_ITEM.match(piece))))
        if starts:
            paragraphs.append([piece])
        else:
            paragraphs[-1].append(piece)
    out = []
    for words in paragraphs:
        text = " ".join(words)
        short = len(text) <= 30 and not re.search(r"[，。；！？]", text)
        out.append(("heading" if short and _ITEM.match(text) else "body", text))
    return out


def layout_cac_page(cleaner: DocCleaner) -> list[Part]:
    doc = cleaner.doc
    open_lines = [i for i in range(len(cleaner.lines)) if cleaner.is_open(i)]
    if len(open_lines) != 1:
        raise CorpusError(f"{doc.where}: CAC page {doc.id!r} should be one line of text, not {len(open_lines)}")
    i = open_lines[0]
    line = cleaner.lines[i]
    header = _CAC_HEADER.match(line)
    footer = _CAC_FOOTER.search(line)
    if not header or not footer:
        missing = "header (…【打印】 【纠错】)" if not header else "footer (关闭 中央网络安全和信息化委员会办公室 …)"
        raise CorpusError(f"{doc.where}: CAC page {doc.id!r} lacks the site's {missing}")
    cleaner.span_to_metadata("发布时间", header["published"], len(header["published"]), i)
    cleaner.span_to_metadata("来源", header["source"], len(header["source"]), i)
    cleaner.count("site_navigation", len(header.group(0)) - len(header["published"]) - len(header["source"]), 1)
    cleaner.span_to_metadata("publishdate", footer["stamp"], len(footer["stamp"]), i)
    cleaner.count("site_footer", len(footer.group(0)) - len(footer["stamp"]), 1)
    body = line[header.end():footer.start()]
    viewer = _CAC_PDF_VIEWER.match(body)
    if viewer:
        cleaner.count("pdf_viewer_links", len(viewer.group(0)), 1)
        body = body[viewer.end():]
    attachment = _CAC_ATTACHMENT.search(body)
    if attachment:
        cleaner.span_to_metadata("附件", attachment["name"], len(attachment.group(0)), i)
        body = body[:attachment.start()]
    part = Part("a1", "article", doc.title)
    for kind, text in _segments(body):
        cleaner.add_paragraph(part, kind, [i], text)
    if cleaner.disposition[i] is None:
        raise CorpusError(f"{doc.where}: CAC page {doc.id!r} has no text between the site's header and footer")
    return []


_MIIT_BREADCRUMB = ["首页", ">", "工业和信息化部", ">", "机关司局", ">"]
_MIIT_FOOTER = ["【返回顶部】", "【关闭窗口】", "【打印本页】"]
_MIIT_LABEL = re.compile(r"^([\u4e00-\u9fff\u3000]{2,8})：$")
_MIIT_STAMP = re.compile(r"^(发布时间|来源)：(.*)$")


def _squash(text: str) -> str:
    return re.sub(r"[\s\u200b]+", "", text)


def _remove_contacts(cleaner: DocCleaner, lines: list[int]) -> None:
    for i in lines:
        if cleaner.is_open(i) and _CONTACT.match(_squash(cleaner.lines[i])):
            cleaner.remove(i, "contact_details")


def _numbered_headings(cleaner: DocCleaner, part: Part) -> None:
    """一、… lines without punctuation head a section: kept apart, not joined to the paragraph after them."""
    for i in part.lines:
        if cleaner.is_open(i) and _NUMBERED_HEADING.match(_squash(cleaner.lines[i])):
            cleaner.add_paragraph(part, "heading", [i], cleaner.lines[i])


def layout_miit_page(cleaner: DocCleaner) -> list[Part]:
    doc = cleaner.doc
    lines = [line.strip() for line in cleaner.lines]
    if lines[1:7] != _MIIT_BREADCRUMB or lines[-3:] != _MIIT_FOOTER:
        raise CorpusError(f"{doc.where}: MIIT page {doc.id!r} lacks the site's breadcrumb (首页 > 工业和信息化部 > …) "
                          "or its footer (【返回顶部】【关闭窗口】【打印本页】)")
    if _squash(lines[0]) != _squash(doc.title):
        raise CorpusError(f"{doc.where}: MIIT page {doc.id!r} does not start with its title {doc.title!r}")
    cleaner.mark(0, "title")
    for i in range(len(lines) - 3, len(lines)):
        cleaner.remove(i, "site_footer")
    i = 1
    while not _MIIT_LABEL.match(lines[i]):  # the breadcrumb runs to the first field label
        cleaner.remove(i, "site_navigation")
        i += 1
    while _MIIT_LABEL.match(lines[i]):  # label/value pairs (a label right before another is an empty field)
        label, value = _squash(_MIIT_LABEL.match(lines[i]).group(1)), lines[i + 1]
        if _MIIT_LABEL.match(value):
            cleaner.keep_metadata(i, label, "")
            i += 1
        else:
            cleaner.remove(i, "field_labels")
            cleaner.keep_metadata(i + 1, label, value.lstrip("\u200b"))
            i += 2
    heading = i
    while i < len(lines) - 3 and not _MIIT_STAMP.match(lines[i]):  # the page's heading: the title, maybe broken
        i += 1
    if i == len(lines) - 3 or i == heading:
        raise CorpusError(f"{doc.where}: MIIT page {doc.id!r}: no title and 发布时间 line after its fields "
                          f"(line {heading + 1})")
    for j in range(heading, i):
        if cleaner.is_open(j):
            cleaner.mark(j, "title")
    while _MIIT_STAMP.match(lines[i]):
        match = _MIIT_STAMP.match(lines[i])
        cleaner.keep_metadata(i, match.group(1), match.group(2))
        i += 1
    numbers = {value for name, value, _ in cleaner.metadata if name == "发文字号"}
    if lines[i] and _squash(lines[i]) in {_squash(n) for n in numbers}:
        cleaner.keep_metadata(i, "正文文号", lines[i])
    part = Part("a1", "article", doc.title, list(range(i, len(lines) - 3)))
    _remove_contacts(cleaner, part.lines)
    _numbered_headings(cleaner, part)
    return [part]


_TC260_ATTACHMENTS = "--- 相关附件 ---"
_TC260_ATTACHMENT = re.compile(r"^- (?P<name>.+?): (?P<url>https?://\S+)$")


def layout_tc260_page(cleaner: DocCleaner) -> list[Part]:
    doc = cleaner.doc
    lines = [line.strip() for line in cleaner.lines]
    if _TC260_ATTACHMENTS not in lines:
        raise CorpusError(f"{doc.where}: TC260 page {doc.id!r} lacks its attachment list ({_TC260_ATTACHMENTS})")
    start = lines.index(_TC260_ATTACHMENTS)
    cleaner.remove(start, "attachment_heading")
    for i in range(start + 1, len(lines)):
        if not cleaner.is_open(i):
            continue
        match = _TC260_ATTACHMENT.match(lines[i])
        if not match:
            raise CorpusError(f"{doc.where}: TC260 page {doc.id!r}: line {i + 1} of its attachment list is not "
                              f"'- name: url': {lines[i][:40]!r}")
        cleaner.keep_metadata(i, "附件", f"{match['name']} {match['url']}")
    part = Part("a1", "article", doc.title, list(range(start)))
    _remove_contacts(cleaner, part.lines)
    _numbered_headings(cleaner, part)
    return [part]
