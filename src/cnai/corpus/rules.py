"""Small, pure text rules of the cleaning pipeline. Each returns the new text and how many changes it made."""
from __future__ import annotations

import re

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014\u00b7"
_CJK_OR_PUNCT = f"[{CJK}{CJK_PUNCT}]"

TERMINAL = "。！？!?…"
CLOSERS = "”’」』）)】》\"'"
_ENDS_SENTENCE = re.compile(f"[{re.escape(TERMINAL)}][{re.escape(CLOSERS)}]*$")
_ENDS_CLAUSE = re.compile(f"[；;：:][{re.escape(CLOSERS)}]*$")


def ends_sentence(line: str) -> bool:
    return bool(_ENDS_SENTENCE.search(line.rstrip()))


def ends_clause(line: str) -> bool:
    return bool(_ENDS_CLAUSE.search(line.rstrip()))


def has_cjk(text: str) -> bool:
    return re.search(f"[{CJK}]", text) is not None


# --- doubled characters: "99 月月 1515 日日" -> "9 月 15 日" -------------------------------------------------

def _doubled_parse(s: str) -> list[str] | None:
    """Split s into blocks that are whitespace or a string written twice (ww); None if impossible.

    Dynamic programming from the end; prefers the longest doubled block at each position, so a line that
    merely contains a repeated character ("哈哈") is never parsed unless the whole line is doubled.
    """
    n = len(s)
    best: list[list[str] | None] = [None] * (n + 1)
    best[n] = []
    for i in range(n - 1, -1, -1):
        if s[i].isspace():
            j = i
            while j < n and s[j].isspace():
                j += 1
            if best[j] is not None:
                best[i] = [s[i:j]] + best[j]
            continue
        for length in range((n - i) // 2, 0, -1):
            end = i + 2 * length
            if best[end] is not None and s[i:i + length] == s[i + length:end]:
                best[i] = [s[i:i + length]] + best[end]
                break
    return best[0]


def undouble(line: str, min_blocks: int = 3) -> tuple[str, int]:
    """Undo PDF double-printing of a whole line ("参观者在参观者在" -> "参观者在"); other lines pass unchanged."""
    stripped = line.strip()
    if len(stripped.replace(" ", "")) < 2 * min_blocks:
        return line, 0
    blocks = _doubled_parse(stripped)
    if blocks is None:
        return line, 0
    words = [b for b in blocks if not b.isspace()]
    if len(words) < min_blocks:
        return line, 0
    return "".join(blocks), len(words)


def is_doubled(line: str) -> bool:
    return undouble(line)[1] > 0


# --- whitespace -----------------------------------------------------------------------------------------------

_SPACE_NEAR_CJK = re.compile(f"(?<={_CJK_OR_PUNCT})[ \\t\\u00a0\\u3000]+|[ \\t\\u00a0\\u3000]+(?={_CJK_OR_PUNCT})")
_MULTISPACE = re.compile(r"[ \t\u00a0\u3000]{2,}")


def despace(text: str) -> tuple[str, int]:
    """Remove spaces next to Chinese characters or punctuation ("华 为 技 术" -> "华为技术", "至少 130 家" -> "至少130家").

    Spaces between two Latin words or numbers ("Ant Graph Learning", "12 Jun 2024") stay.
    """
    out, n = _SPACE_NEAR_CJK.subn("", text)
    out, m = _MULTISPACE.subn(" ", out)
    return out.strip(), n + m


# --- full-width / half-width ----------------------------------------------------------------------------------

_FULLWIDTH_ALNUM = {cp: cp - 0xFEE0 for cp in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_FULLWIDTH_ALNUM.update({cp: cp - 0xFEE0 for cp in (0xFF05, 0xFF0B, 0xFF0D, 0xFF0E, 0xFF0F, 0xFF1C, 0xFF1D, 0xFF1E)})
_FULLWIDTH_ALNUM[0x3000] = ord(" ")
_ASCII_TO_CJK_PUNCT = {",": "，", "?": "？", "!": "！", ":": "：", ";": "；"}
_ASCII_PUNCT_AFTER_CJK = re.compile(f"(?<=[{CJK}”）])([,?!:;])")
_PAREN_AFTER_CJK = re.compile(f"(?<=[{CJK}])\\(([^()\\n]{{1,40}})\\)|\\(([^()\\n]{{1,40}})\\)(?=[{CJK}])")


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def drop_private_use(text: str) -> tuple[str, int]:
    """Remove private-use glyphs (Wingdings bullets such as U+F0D8 left by PDF extraction)."""
    return _PRIVATE_USE.subn("", text)


def normalize_width(text: str) -> tuple[str, int]:
    """Full-width letters, digits, % + - . / < = > and the ideographic space become half-width; half-width , ? ! : ; ( )
    written inside Chinese text become the full-width forms Chinese typesetting uses (Chinese punctuation such as
    "，" is kept, which plain NFKC would turn into ",")."""
    changes = sum(1 for ch in text if ord(ch) in _FULLWIDTH_ALNUM)
    out = text.translate(_FULLWIDTH_ALNUM)
    out, n = _ASCII_PUNCT_AFTER_CJK.subn(lambda m: _ASCII_TO_CJK_PUNCT[m.group(1)], out)
    out, p = _PAREN_AFTER_CJK.subn(lambda m: f"（{m.group(1) or m.group(2)}）", out)
    return out, changes + n + p


# --- Traditional -> Simplified ------------------------------------------------------------------------------------

from .script import to_simplified  # noqa: E402,F401  (by character, keeping names; see corpus/script.py)
