"""Raw documents to clean paragraphs, with an account of what every rule did.

Every raw line ends with exactly one disposition: kept in a paragraph, kept as metadata, a structural line
(title, byline), blank, or removed by a named rule. `clean_document` checks that the dispositions add up to
the file's line count, so no line is lost silently.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from . import hazards, pages, report, rules
from ..errors import CorpusError
from .cleaner import KEPT, DocCleaner, Part
from .hazards import assemble
from .manifest import Document, Layout

PARAGRAPH_COLUMNS = [
    "para_id", "doc_id", "part_id", "part_kind", "part_title", "para_no", "kind",
    "text", "text_original", "n_chars", "line_start", "line_end",
]
REPORT_COLUMNS = ["doc_id", "rule", "lines", "chars", "changes"]
METADATA_COLUMNS = ["doc_id", "field", "value", "line"]

# --- layouts ------------------------------------------------------------------------------------------------------

_BYLINE = re.compile(r"^\s*(本报记者|记者)?\s*([\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3})\s*$")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _find_title(cleaner: DocCleaner, title: str) -> list[int]:
    """Line numbers of the one or two consecutive lines that spell the title (spaces ignored)."""
    want = _squash(title)
    n = len(cleaner.lines)
    for i in range(n):
        if not cleaner.is_open(i):
            continue
        run = _squash(cleaner.lines[i])
        if run == want:
            return [i]
        if i + 1 < n and cleaner.is_open(i + 1) and run + _squash(cleaner.lines[i + 1]) == want:
            return [i, i + 1]
    raise CorpusError(f"{cleaner.doc.path}: title {title!r} of document {cleaner.doc.id!r} (from the manifest) not found in the text")


def layout_titles_after_body(cleaner: DocCleaner) -> list[Part]:
    doc = cleaner.doc
    authors = {_squash(a) for art in doc.articles for a in art.authors}
    reporter_bylines = {i for i, disp in enumerate(cleaner.disposition) if disp == "byline"}  # found by hazards
    for article in doc.articles:
        if not article.title:
            continue
        title_lines = _find_title(cleaner, article.title)
        for i in title_lines:
            cleaner.mark(i, "title")
        j = title_lines[-1] + 1
        while j < len(cleaner.lines) and cleaner.disposition[j] == "blank":
            j += 1
        if j < len(cleaner.lines) and (cleaner.is_open(j) or j in reporter_bylines):
            match = _BYLINE.match(cleaner.lines[j])
            if match and _squash(match.group(2)) in authors:
                cleaner.mark(j, "byline")
                reporter_bylines.discard(j)
    for i, line in enumerate(cleaner.lines):
        if i in reporter_bylines or (cleaner.is_open(i) and re.match(r"^\s*本报记者", line)):
            raise CorpusError(
                f"{doc.path}:{i + 1}: byline {line.strip()!r} follows no title listed in the manifest; "
                "add the article it belongs to"
            )
    # Body segments are the runs of open lines between titles, bylines and captions; one per article, in order.
    segments: list[list[int]] = []
    current: list[int] = []
    for i, disp in enumerate(cleaner.disposition):
        if disp in ("title", "byline", "paragraph"):
            if any(cleaner.is_open(k) for k in current):
                segments.append(current)
            current = []
        else:
            current.append(i)
    if any(cleaner.is_open(k) for k in current):
        segments.append(current)
    if len(segments) != len(doc.articles):
        spans = ", ".join(f"lines {s[0] + 1}-{s[-1] + 1}" for s in segments)
        raise CorpusError(
            f"{doc.path}: found {len(segments)} article bodies ({spans}) but the manifest lists "
            f"{len(doc.articles)} articles for {doc.id!r}"
        )
    parts = []
    for article, segment in zip(doc.articles, segments):
        parts.append(Part(article.id, article.kind, article.title, segment))
    return parts


_CRAWLER_FIELD = re.compile(r"^(标题|链接|总结|关键词|AI技术|行业|重大事件摘要)\s*[:：]\s*(.*)$")
_CNR_BOILERPLATE = [
    ("app_promotion", re.compile(r"更多精彩资讯请在应用市场下载“央广网”客户端。")),
    ("tip_off_notice", re.compile(r"欢迎提供新闻线索，24小时报料热线[\d-]+；消费者也可通过央广网“啄木鸟消费者投诉平台”线上投诉。")),
    ("copyright_notice", re.compile(r"版权声明：本文章版权归属央广网所有，未经授权不得转载。转载请联系：\S+?@\S+?，不尊重原创的行为我们将追究责任。")),
    ("report_link", re.compile(r"举报/反馈\s*$")),
]
_DOUBLED_HEADING = re.compile(r"(?<=[。！？”])([\u4e00-\u9fff]{3,14})\1")


def layout_crawler_record(cleaner: DocCleaner) -> list[Part]:
    """A crawler's record: 标题/链接 fields, the article in the 总结 field, then keyword and summary fields."""
    part = Part("a1", "article", cleaner.doc.title)
    body_line = None
    current_field = None
    for i, line in enumerate(cleaner.lines):
        if not cleaner.is_open(i):
            continue
        match = _CRAWLER_FIELD.match(line)
        if match:
            current_field = match.group(1)
            if current_field == "总结":
                body_line = i
                continue
            cleaner.keep_metadata(i, current_field, match.group(2))
        elif current_field == "重大事件摘要":
            cleaner.keep_metadata(i, "重大事件摘要", line)
        else:
            raise CorpusError(f"{cleaner.doc.path}:{i + 1}: line outside any crawler field: {line[:40]!r}")
    if body_line is None:
        raise CorpusError(f"{cleaner.doc.path}: crawler record has no 总结 field holding the article")
    text = _CRAWLER_FIELD.match(cleaner.lines[body_line]).group(2)
    for rule, pattern in _CNR_BOILERPLATE:
        removed = sum(len(m.group(0)) for m in pattern.finditer(text))
        text, n = pattern.subn("", text)
        cleaner.count(rule, removed, n)
    chunks = _DOUBLED_HEADING.split(text)
    cleaner.add_paragraph(part, "body", [body_line], chunks[0])
    for heading, paragraph in zip(chunks[1::2], chunks[2::2]):
        cleaner.count("doubled_headings", len(heading), 1)
        cleaner.add_paragraph(part, "heading", [body_line], heading)
        cleaner.add_paragraph(part, "body", [body_line], paragraph)
    return []


_WEB_BOILERPLATE = [
    ("site_boilerplate", re.compile(r"^\s*(追加內容|追加内容|本文作者可以追加內容哦\s*!|本文作者可以追加内容哦\s*!|鄭重聲明.*|郑重声明.*)\s*$")),
    ("relative_date", re.compile(r"^\s*\d+\s*(年|個月|个月|天|小時|小时)前\s*$")),
]
_WEB_FIELD = re.compile(r"^\s*(標題|标题|地址)\s*[:：]\s*(.*)$")
_NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}\s*[、.]\s*\S.{0,30}$")


def layout_single_article(cleaner: DocCleaner) -> list[Part]:
    """A web page: the title line, paragraphs one per line, numbered headings, captions of lost images."""
    doc = cleaner.doc
    part = Part("a1", "article", doc.title)
    for i in _find_title(cleaner, doc.title):
        cleaner.mark(i, "title")
    for i, line in enumerate(cleaner.lines):
        if not cleaner.is_open(i):
            continue
        field_match = _WEB_FIELD.match(line)
        if field_match:
            cleaner.keep_metadata(i, field_match.group(1), field_match.group(2))
            continue
        for rule, pattern in _WEB_BOILERPLATE:
            if pattern.match(line):
                cleaner.remove(i, rule)
                break
    for run in hazards.line_runs(cleaner, list(range(len(cleaner.lines))), column_text=False):
        text = cleaner.lines[run[0]].strip()
        if len(run) > 1:
            kind = "body"
        elif _NUMBERED_HEADING.match(text) and not rules.ends_sentence(text):
            kind = "heading"
        elif len(text) <= 40 and not rules.ends_sentence(text) and not re.search(r"[，,。]", text):
            kind = "caption"
        else:
            kind = "body"
        hazards.add_run(cleaner, part, kind, run)
    return []


LAYOUTS = {
    Layout.titles_after_body: layout_titles_after_body,
    Layout.crawler_record: layout_crawler_record,
    Layout.single_article: layout_single_article,
    Layout.report_sections: report.layout_report,
    Layout.cac_page: pages.layout_cac_page,
    Layout.miit_page: pages.layout_miit_page,
    Layout.tc260_page: pages.layout_tc260_page,
}


# --- the document pipeline ----------------------------------------------------------------------------------------

@dataclass
class CleanDocument:
    paragraphs: pd.DataFrame
    report: pd.DataFrame
    metadata: pd.DataFrame


def clean_document(doc: Document, text: str) -> CleanDocument:
    cleaner = DocCleaner(doc, text)
    hazards.detect(cleaner)
    parts = LAYOUTS[doc.layout](cleaner)
    for part in parts:
        # report sub-headings are numbered (found by the layout); short table cells would pass for headings
        assemble(cleaner, part, detect_headings=doc.layout != Layout.report_sections)
    leftover = [i + 1 for i, d in enumerate(cleaner.disposition) if d is None]
    if leftover:
        raise CorpusError(f"{doc.path}: lines {leftover[:10]} were neither kept nor removed by any rule")
    return CleanDocument(_paragraph_frame(cleaner), _report_frame(cleaner), _metadata_frame(cleaner))


def _paragraph_frame(cleaner: DocCleaner) -> pd.DataFrame:
    doc = cleaner.doc
    rows = []
    numbers: Counter = Counter()
    ordered = sorted(enumerate(cleaner.paragraphs), key=lambda item: (min(item[1].lines), item[0]))
    for _, para in ordered:
        numbers[para.part_id] += 1
        original = para.text
        text = rules.to_simplified(original) if doc.script == "Hant" else original
        if text != original:
            cleaner.count("traditional_to_simplified", 0, sum(a != b for a, b in zip(text, original)))
        rows.append({
            "para_id": f"{doc.id}:{para.part_id}:{numbers[para.part_id]}",
            "doc_id": doc.id,
            "part_id": para.part_id,
            "part_kind": para.part_kind,
            "part_title": para.part_title,
            "para_no": numbers[para.part_id],
            "kind": para.kind,
            "text": text,
            "text_original": original,
            "n_chars": len(text),
            "line_start": min(para.lines) + 1,
            "line_end": max(para.lines) + 1,
        })
    return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)


def _report_frame(cleaner: DocCleaner) -> pd.DataFrame:
    rules_seen = sorted({rule for rule, _ in cleaner.counts})
    rows = [
        {"doc_id": cleaner.doc.id, "rule": rule, "lines": cleaner.counts[(rule, "lines")],
         "chars": cleaner.counts[(rule, "chars")], "changes": cleaner.counts[(rule, "changes")]}
        for rule in rules_seen
    ]
    dispositions = Counter(cleaner.disposition)
    for disp in sorted(KEPT):
        rows.append({"doc_id": cleaner.doc.id, "rule": f"kept:{disp}", "lines": dispositions.get(disp, 0),
                     "chars": 0, "changes": 0})
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


def _metadata_frame(cleaner: DocCleaner) -> pd.DataFrame:
    rows = [{"doc_id": cleaner.doc.id, "field": f, "value": v, "line": n} for f, v, n in cleaner.metadata]
    return pd.DataFrame(rows, columns=METADATA_COLUMNS).astype({"line": "int64"})
