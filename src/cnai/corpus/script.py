"""Traditional to Simplified script, character by character, keeping the words.

OpenCC's `t2s` maps characters only (OpenCC's `tw2sp` also rewrites words: 核心→内核, 資料來源→数据源, which changes
the meaning of mainland text reposted in Traditional characters, the usual case in this corpus). Two short lists kept
as data adjust it: names mainland writing keeps with a character t2s would change (data/dict/script_protected.yml,
昇腾 not 升腾), and the Taiwan-only terms the corpus's Traditional documents use (data/dict/script_terms.yml).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .. import paths
from ..errors import CorpusError

PROTECTED = paths.DICT_DIR / "script_protected.yml"
TERMS = paths.DICT_DIR / "script_terms.yml"


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def by_character(text: str) -> str:
    """OpenCC t2s alone: characters only, no word rewriting."""
    return _t2s().convert(text)


@dataclass(frozen=True)
class ScriptRules:
    replacements: dict[str, str]  # a spelling found in the text -> what the Simplified text writes
    pattern: re.Pattern | None


def _nodes(path: Path):
    """The YAML mapping's (key node, value node) pairs, so errors can name the line and column."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: not valid YAML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    if root is None or not isinstance(root, yaml.MappingNode):
        raise CorpusError(f"{path}:1:1: expected a mapping at the top level")
    return root.value


def _where(path: Path, node) -> str:
    return f"{path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def _scalar(path: Path, node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise CorpusError(f"{_where(path, node)}: {what} must be a non-empty string")
    return str(node.value).strip()


def read_protected(path: Path) -> dict[str, str]:
    """Every spelling of a protected name -> the name. A name t2s leaves unchanged needs no protection: error."""
    out: dict[str, str] = {}
    for key, value in _nodes(path):
        name = _scalar(path, key, "a protected name")
        if not isinstance(value, yaml.SequenceNode):
            raise CorpusError(f"{_where(path, value)}: the spellings of {name!r} must be a list, e.g. [昇騰]")
        spellings = [name] + [_scalar(path, item, f"a spelling of {name!r}") for item in value.value]
        if all(by_character(s) == name for s in spellings):
            raise CorpusError(f"{_where(path, key)}: {name!r} comes through t2s unchanged in every spelling "
                              "listed; it needs no protection, remove it")
        out.update({s: name for s in spellings})
    return out


def read_terms(path: Path) -> dict[str, str]:
    """Taiwan term -> mainland term. A term t2s already converts so is redundant: error."""
    out: dict[str, str] = {}
    for key, value in _nodes(path):
        term = _scalar(path, key, "a Taiwan term")
        mainland = _scalar(path, value, f"the mainland term for {term!r}")
        if by_character(term) == mainland:
            raise CorpusError(f"{_where(path, key)}: t2s already turns {term!r} into {mainland!r}; remove the entry")
        out[term] = mainland
    return out


@lru_cache(maxsize=8)
def _rules(protected: Path, terms: Path, stamps: tuple) -> ScriptRules:
    replacements = read_terms(terms)
    replacements.update(read_protected(protected))
    if not replacements:
        return ScriptRules({}, None)
    alternatives = sorted(replacements, key=len, reverse=True)  # longest spelling first: 昇启科技 before 昇启
    return ScriptRules(replacements, re.compile("|".join(map(re.escape, alternatives))))


def script_rules(protected: Path = PROTECTED, terms: Path = TERMS) -> ScriptRules:
    """The two lists, re-read when a file changes."""
    stamps = tuple((p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else None for p in (protected, terms))
    for p, stamp in zip((protected, terms), stamps):
        if stamp is None:
            raise CorpusError(f"{p}: script conversion list not found")
    return _rules(protected, terms, stamps)


def to_simplified(text: str, rules: ScriptRules | None = None) -> str:
    """Simplified script by character (t2s), with protected names kept and the listed Taiwan terms mapped."""
    rules = rules or script_rules()
    if rules.pattern is None:
        return by_character(text)
    out, start = [], 0
    for match in rules.pattern.finditer(text):
        out.append(by_character(text[start:match.start()]))
        out.append(rules.replacements[match.group(0)])
        start = match.end()
    out.append(by_character(text[start:]))
    return "".join(out)


# The CJK characters of the Basic Multilingual Plane: unified ideographs, extension A, compatibility ideographs.
CJK_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@lru_cache(maxsize=1)
def character_map() -> dict[str, str]:
    """Every CJK character t2s changes when it stands alone -> its Simplified form. This is the conversion a
    browser can do without OpenCC (cnai.site.search sends it to the site's pages for the queries readers type)."""
    characters = (chr(point) for first, last in CJK_BLOCKS for point in range(first, last + 1))
    return {c: s for c in characters if (s := by_character(c)) != c}


def each_character(text: str) -> str:
    """Simplified one character at a time through character_map: no phrases (乾隆 becomes 干隆), no protected names
    (昇腾 becomes 升腾). What the site's pages do to a query, so the search index holds this form too."""
    table = character_map()
    return "".join(table.get(c, c) for c in text)


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Traditional script (OpenCC s2t, characters and OpenCC's phrase table): 网信办 → 網信辦."""
    return _s2t().convert(text)
