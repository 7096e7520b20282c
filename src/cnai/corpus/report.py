"""Layout of a PDF-extracted broker report: numbered sections, figures and tables, running headers, legal
disclosures (page footers are removed for every layout, by cnai.corpus.hazards)."""
from __future__ import annotations

import re
from . import rules
from .cleaner import DocCleaner, Part

RUNNING_HEADER = re.compile(r"^\s*\[Table_[A-Za-z0-9]+\].*$")
SOURCE_LINE = re.compile(r"^\s*(Source|资料来源)\s*[:：]\s*(.*)$")
CROSS_REFERENCE = re.compile(r"^\s*\(Please see APPENDIX \d+ for English summary\)\s*$")
APPENDIX = re.compile(r"^\s*APPENDIX\s+(\d+)\s*$")
DISCLOSURES_START = re.compile(r"在此保证|certify that")
CHAPTER = re.compile(r"^\s*([1-9])\.\s+(\S.{0,60}?)\s*$")
SECTION = re.compile(r"^\s*([1-9])\.(\d{1,2})\s+(\S.{0,80}?)\s*$")
SUBSECTION = re.compile(r"^\s*[1-9]\.\d{1,2}\.\d{1,2}\s+\S.{0,100}$")


def _is_title_text(text: str) -> bool:
    return rules.has_cjk(text) and not text.rstrip().endswith("。") and not re.match(r"[\d.]*\s*[米亿万个%]", text)


def find_sections(lines: list[str], stop: int) -> list[tuple[int, str, str]]:
    """(line index, part id, title) of chapter and section headings, in order.

    Numbered lines are headings only when they continue the numbering (chapter n+1, or section n.k+1 inside
    chapter n): this rejects wrapped body text such as "3.5 的重要经验" or table cells such as "1.5 米".
    """
    found = []
    chapter, section = 0, 0
    for i, line in enumerate(lines[:stop]):
        sec = SECTION.match(line)
        if sec and int(sec.group(1)) == chapter and int(sec.group(2)) > section and _is_title_text(sec.group(3)):
            section = int(sec.group(2))
            found.append((i, f"{chapter}.{section}", sec.group(3).strip()))
            continue
        chap = CHAPTER.match(line)
        if chap and int(chap.group(1)) == chapter + 1 and _is_title_text(chap.group(2)):
            chapter, section = chapter + 1, 0
            found.append((i, str(chapter), chap.group(2).strip()))
    return found


def _figure_blocks(cleaner: DocCleaner, source_lines: list[int], heading_lines: set[int]) -> list[list[int]]:
    """For each Source line, the figure or table block above it: its title and, for tables, the cell lines.

    Walking up from the Source line, the block ends at a heading, at another figure's Source line, or at the end
    of a prose sentence or clause (a line ending in 。！？；： belongs to the text, not to the figure).
    """
    blocks = []
    taken: set[int] = set()
    for src in source_lines:
        block: list[int] = []
        j = src - 1
        while j >= 0 and j not in heading_lines and j not in taken and cleaner.disposition[j] != "metadata":
            line = cleaner.lines[j]
            if cleaner.is_open(j):
                if block and (rules.ends_sentence(line) or rules.ends_clause(line)):
                    break
                block.append(j)
            j -= 1
        block.reverse()
        taken.update(block)
        if block:
            blocks.append(block)
    return blocks


def layout_report(cleaner: DocCleaner) -> list[Part]:
    lines = cleaner.lines
    n = len(lines)
    appendix = next((i for i, l in enumerate(lines) if APPENDIX.match(l)), n)
    disclosures = next((i for i in range(appendix, n) if DISCLOSURES_START.search(lines[i])), n)
    for i in range(disclosures, n):
        if cleaner.is_open(i):
            cleaner.remove(i, "legal_disclosures")
    source_lines = []
    for i in range(disclosures):
        if not cleaner.is_open(i):
            continue
        line = lines[i]
        if RUNNING_HEADER.match(line):
            cleaner.remove(i, "running_header")
        elif CROSS_REFERENCE.match(line):
            cleaner.remove(i, "cross_reference")
        elif SOURCE_LINE.match(line):
            cleaner.keep_metadata(i, "figure_source", SOURCE_LINE.match(line).group(2))
            source_lines.append(i)

    sections = find_sections(lines, appendix)
    starts = [(0, "0", "front_matter", None)]
    starts += [(i, pid, "chapter" if "." not in pid else "section", title) for i, pid, title in sections]
    if appendix < n:
        cleaner.mark(appendix, "title")
        starts.append((appendix, "appendix", "appendix", "APPENDIX 1 (English summary)"))
    for i, _, _, _ in starts[1:]:
        cleaner.mark(i, "title")
    heading_lines = {i for i, *_ in starts[1:]}

    parts = []
    bounds = [s[0] for s in starts[1:]] + [disclosures]
    for (start, pid, kind, title), end in zip(starts, bounds):
        parts.append(Part(pid, kind, title, list(range(start, end))))
    part_of = {i: part for part in parts for i in part.lines}

    for block in _figure_blocks(cleaner, source_lines, heading_lines):
        part = part_of[block[0]]
        cleaner.add_paragraph(part, "figure_title", [block[0]], lines[block[0]])
        cells = [i for i in block[1:] if cleaner.is_open(i)]
        if cells:
            cleaner.add_paragraph(part, "table", cells, "\n".join(lines[i] for i in cells))
    for i in range(disclosures):
        if cleaner.is_open(i) and SUBSECTION.match(lines[i]) and not lines[i].rstrip().endswith("。"):
            cleaner.add_paragraph(part_of[i], "heading", [i], lines[i])
    return parts
