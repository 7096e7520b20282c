"""Hazards of extracted text that any document can carry, whatever its layout: detectors that run for every layout.

Each detector gives the lines it handles their one disposition and counts its rule in the cleaning report:

- page footers of a PDF ("12 Jun 2025 3") are removed (rule page_footer);
- lines the PDF extraction printed twice ("66月月1818日日") are photo captions: undoubled and kept apart, in the
  part "captions" (rule doubled_characters);
- a reporter's byline on a line of its own ("本報記者 某某") is a byline, not text: its name goes to the metadata
  table (field byline, rule bylines);
- lines broken mid-sentence are joined (`line_runs`, rule line_joins), also across blank and removed lines.

Un-spacing ("华 为 技 术") and width forms apply to every paragraph a layout keeps (`DocCleaner.normalize`). A
layout adds only what is specific to it (titles, sections, fields, boilerplate of one site).
"""
from __future__ import annotations

import re

from . import rules
from .cleaner import DocCleaner, Part, is_heading, join_lines

MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
PAGE_FOOTER = re.compile(rf"^\s*\d{{1,2}} ({MONTHS}) \d{{4}}\s+\d{{1,3}}\s*$")
_REPORTER = r"本[报報][记記]者\s*|(?:[记記]者|通[讯訊][员員])\s+"  # a bare 记者 needs a space: 记者手记 is a heading
_NAME = f"[{rules.CJK}](?:[\\s、·]*[{rules.CJK}]){{1,11}}"
BYLINE = re.compile(rf"^\s*(?:{_REPORTER})({_NAME})\s*$")
_PHOTO_CREDIT = re.compile(r"[摄攝]\s*$")
NOTE = re.compile(r"\s*（作者系.*）\s*")
# a line cannot start with these: the line before it was broken mid-sentence
CONTINUES = "、，。！？；：）」』”’》%…"
WRAPPED_SHARE = 0.8  # a line at least this share of the median line is full width: the text ran on


def remove_page_footers(cleaner: DocCleaner) -> None:
    for i, line in enumerate(cleaner.lines):
        if cleaner.is_open(i) and PAGE_FOOTER.match(line):
            cleaner.remove(i, "page_footer")


def undouble_captions(cleaner: DocCleaner) -> None:
    """Lines the PDF extraction printed twice are photo captions: undo the doubling and keep them apart."""
    part = Part("captions", "captions", None)
    run: list[int] = []
    for i, line in enumerate(cleaner.lines + ["end"]):
        if cleaner.disposition[i:i + 1] == ["blank"]:
            continue  # a caption and its photo credit may stand on lines apart
        doubled = i < len(cleaner.lines) and cleaner.is_open(i) and rules.is_doubled(line)
        if doubled:
            run.append(i)
            continue
        if run:
            texts = []
            for j in run:
                undoubled, n = rules.undouble(cleaner.lines[j])
                cleaner.count("doubled_characters", len(cleaner.lines[j]) - len(undoubled), n)
                texts.append(undoubled)
            cleaner.add_paragraph(part, "caption", list(run), join_lines(texts))
            run = []


def byline_name(line: str) -> str | None:
    """The name(s) of a reporter's byline line ("本報記者 林曉雲" -> "林曉雲"); None for any other line."""
    match = BYLINE.match(line)
    if not match or _PHOTO_CREDIT.search(match.group(1)):
        return None
    return rules.despace(match.group(1))[0]


def mark_bylines(cleaner: DocCleaner) -> None:
    for i, line in enumerate(cleaner.lines):
        name = byline_name(line) if cleaner.is_open(i) else None
        if name:
            cleaner.mark(i, "byline")
            cleaner.metadata.append(("byline", name, i + 1))
            cleaner.count("bylines", 0, 1)


DETECTORS = (remove_page_footers, undouble_captions, mark_bylines)


def detect(cleaner: DocCleaner) -> None:
    """Run every line detector, before the layout sees the document."""
    for detector in DETECTORS:
        detector(cleaner)


def ends_paragraph(line: str) -> bool:
    return rules.ends_sentence(line) or NOTE.fullmatch(line) is not None


def runs_on(line: str, next_line: str | None, median: float) -> bool:
    """Free text (not set in columns): a line without a sentence end runs on only if it is full width or the next
    line starts with a mark no line can start with. Short lines (captions, headings, list items) stand alone."""
    if next_line is not None and next_line.strip()[:1] in CONTINUES:
        return True
    return len(rules.despace(line)[0]) >= WRAPPED_SHARE * median


def line_runs(cleaner: DocCleaner, lines: list[int], column_text: bool = True) -> list[list[int]]:
    """The open lines among `lines`, grouped into paragraphs: a line broken mid-sentence joins the next open line,
    across blank and removed lines. A paragraph ends at a sentence end, or at a clause end (；：) followed by a
    blank line. In `column_text` (newspaper columns, report pages) every other line runs on, however short, as the
    columns flow around pictures; in free text only full-width lines do (`runs_on`)."""
    median = cleaner.median_line_length()
    body = [i for i in lines if cleaner.disposition[i] in (None, "blank")]
    open_lines = [i for i in body if cleaner.is_open(i)]
    next_open = dict(zip(open_lines, open_lines[1:]))
    runs: list[list[int]] = []
    current: list[int] = []

    def close():
        if current:
            runs.append(list(current))
            current.clear()

    for i in body:
        line = cleaner.lines[i]
        if cleaner.disposition[i] == "blank":
            if current and rules.ends_clause(cleaner.lines[current[-1]]):
                close()
            continue
        current.append(i)
        following = cleaner.lines[next_open[i]] if i in next_open else None
        if ends_paragraph(line) or (not column_text and not runs_on(line, following, median)):
            close()
    close()
    return runs


def add_run(cleaner: DocCleaner, part: Part, kind: str, run: list[int]) -> None:
    """One paragraph from a run of lines, counting the line breaks joined."""
    cleaner.count("line_joins", 0, len(run) - 1)
    cleaner.add_paragraph(part, kind, run, join_lines([cleaner.lines[i] for i in run]))


def assemble(cleaner: DocCleaner, part: Part, detect_headings: bool = True, column_text: bool = True) -> None:
    """Turn a part's open lines into paragraphs (`line_runs`); a sub-heading (`is_heading`) that starts a run
    stands alone, and a run that is the author's note "（作者系…）" is a note."""
    median = cleaner.median_line_length()
    open_lines = [i for i in part.lines if cleaner.is_open(i)]
    next_open = dict(zip(open_lines, open_lines[1:]))
    for run in line_runs(cleaner, part.lines, column_text):
        while detect_headings and run:
            i = run[0]
            blank_after = i + 1 < len(cleaner.lines) and cleaner.disposition[i + 1] == "blank"
            following = cleaner.lines[next_open[i]] if i in next_open else None
            if not is_heading(cleaner.lines[i], following, median, blank_after):
                break
            add_run(cleaner, part, "heading", [i])
            run = run[1:]
        if run:
            kind = "note" if NOTE.fullmatch(rules.despace(cleaner.lines[run[0]])[0]) else "body"
            add_run(cleaner, part, kind, run)
