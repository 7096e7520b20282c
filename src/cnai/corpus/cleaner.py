"""The bookkeeping of one document while its layout works on it: every raw line ends with one disposition (kept in
a paragraph, kept as metadata, a structural line, blank, or removed by a named rule), and the rule counts."""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from . import rules
from .manifest import Document

KEPT = {"paragraph", "title", "byline", "blank"}  # metadata lines are counted by their to_metadata:* rule


@dataclass
class Para:
    part_id: str
    part_kind: str
    part_title: str | None
    kind: str
    lines: list[int]
    text: str


@dataclass
class Part:
    part_id: str
    part_kind: str
    title: str | None
    lines: list[int] = field(default_factory=list)


class DocCleaner:
    """Holds one document's lines, their dispositions and the rule counts while layouts work on them."""

    def __init__(self, doc: Document, text: str):
        self.doc = doc
        self.lines = text.split("\n")
        self.disposition: list[str | None] = [None] * len(self.lines)
        self.counts: Counter = Counter()
        self.paragraphs: list[Para] = []
        self.metadata: list[tuple[str, str, int]] = []
        for i, line in enumerate(self.lines):
            if not line.strip():
                self.disposition[i] = "blank"

    # -- bookkeeping -------------------------------------------------------------------------------------------
    def remove(self, i: int, rule: str) -> None:
        if self.disposition[i] not in (None, "blank"):
            raise AssertionError(f"line {i + 1} already has disposition {self.disposition[i]}")
        self.disposition[i] = rule
        self.counts[(rule, "lines")] += 1
        self.counts[(rule, "chars")] += len(self.lines[i])
        self.counts[(rule, "changes")] += 1

    def mark(self, i: int, disposition: str) -> None:
        self.disposition[i] = disposition

    def keep_metadata(self, i: int, name: str, value: str) -> None:
        """Move a line out of the text into the metadata table (crawler fields, figure sources)."""
        self.metadata.append((name, value.strip(), i + 1))
        self.mark(i, "metadata")
        self.counts[(f"to_metadata:{name}", "lines")] += 1
        self.counts[(f"to_metadata:{name}", "chars")] += len(self.lines[i])
        self.counts[(f"to_metadata:{name}", "changes")] += 1

    def span_to_metadata(self, name: str, value: str, chars: int, i: int) -> None:
        """Move part of a line (`chars` characters of it) to the metadata table; the rest of the line stays."""
        self.metadata.append((name, value.strip(), i + 1))
        self.count(f"to_metadata:{name}", chars, 1)

    def count(self, rule: str, chars: int, changes: int) -> None:
        self.counts[(rule, "chars")] += chars
        self.counts[(rule, "changes")] += changes

    def is_open(self, i: int) -> bool:
        return self.disposition[i] is None

    # -- text rules applied to kept text -----------------------------------------------------------------------
    def normalize(self, text: str) -> str:
        text, n = rules.drop_private_use(text)
        self.count("private_use_glyphs", n, n)
        before = len(text)
        text, n = rules.normalize_width(text)
        if n:
            self.count("width_forms", 0, n)
        text, n = rules.despace(text)
        self.count("whitespace", before - len(text), n)
        return text

    def add_paragraph(self, part: Part, kind: str, line_numbers: list[int], text: str) -> None:
        if kind == "table":  # cells are separated by spaces: keep one space, one line per row
            text, n = rules.normalize_width(text)
            text = "\n".join(" ".join(row.split()) for row in text.split("\n") if row.strip())
        else:
            text = self.normalize(text)
        if text:
            self.paragraphs.append(Para(part.part_id, part.part_kind, part.title, kind, line_numbers, text))
            for i in line_numbers:
                if self.disposition[i] is None:
                    self.disposition[i] = "paragraph"

    def median_line_length(self) -> float:
        lengths = [len(rules.despace(l)[0]) for i, l in enumerate(self.lines) if self.is_open(i)]
        return statistics.median(lengths) if lengths else 20.0


# --- paragraph assembly -------------------------------------------------------------------------------------------

def join_lines(parts: list[str]) -> str:
    """Join hard-wrapped lines; a space only where a Latin word or number would otherwise run into the next."""
    out = ""
    for piece in (p.strip() for p in parts):
        if out and piece and re.match(r"[A-Za-z0-9]", piece[0]) and re.search(r"[A-Za-z0-9%]$", out):
            out += " "
        out += piece
    return out


def is_heading(line: str, next_line: str | None, median: float, blank_after: bool) -> bool:
    """A sub-heading inside an article: a line with no punctuation that starts a paragraph, is clearly shorter
    than the column (or a little shorter and set off by a blank line), and is followed by a full-length line."""
    text = rules.despace(line)[0]
    if not text or not rules.has_cjk(text) or re.search(r"[，。、；：！？,;:!?“”\"]", text):
        return False
    limit = 0.8 * median if blank_after else 0.6 * median
    if len(text) > max(4, limit) or next_line is None:
        return False
    following = rules.despace(next_line)[0]
    return len(following) >= 0.6 * median or rules.ends_sentence(following)
