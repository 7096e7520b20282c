"""Search in both scripts: a reader who types 網信辦 or 网信办 finds the same pages, in the site's search and in
its searchable tables.

Two halves meet in the middle. The search index holds every word in Simplified script as well as written (and in
Traditional, OpenCC s2t), so the words of a Traditional page are found by a Simplified query. The browser, which has
no OpenCC, turns what the reader types into Simplified one character at a time (`each_character`) with a map
written at build time (`_static/cnai-t2s.js`, defining `window.cnaiSimplified`): the search page converts the query
(the index's stemmer, below), the searchable tables convert both the query and the rows (static/cnai-tables.js).
The map holds only the characters whose Simplified form occurs in the site's index or tables: a character whose
Simplified form occurs nowhere cannot make a query match by being converted.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.search.zh import JIEBA, SearchChinese, js_porter_stemmer

from .. import paths, registry
from ..corpus.script import character_map, each_character, to_simplified, to_traditional
from ..facts.mappings import read

MAP_SCRIPT = "cnai-t2s.js"  # in _static

# Sphinx's search page stems every query word with the index language's JS `Stemmer`: this one converts the word
# to Simplified first (cnai-t2s.js, loaded on the search page) and then applies the Porter stemmer of SearchChinese,
# which the Python side applies to the index's words.
QUERY_STEMMER = js_porter_stemmer.replace("var Stemmer = function", "var PorterStemmer = function", 1) + """
var Stemmer = function() {
  var porter = new PorterStemmer();
  this.stemWord = function(w) {
    return porter.stemWord(window.cnaiSimplified ? window.cnaiSimplified(w) : w);
  };
};
"""


CJK = re.compile(r"^[\u4e00-\u9fff·]{2,}$")


def _registry_names() -> set[str]:
    """The Chinese names of every organisation, model family and chip in the entity registry, and of every issuing
    body (data/mappings/issuers.yml): the names a reader searches for."""
    names = set()
    for kind in registry.KINDS:
        table = registry.entries(kind)
        for column in ("zh_hans", "aliases"):
            for cell in table[column].dropna():
                names |= {name.strip() for name in str(cell).split(" | ")}
    for spelling, entry in read("issuers").items():
        names |= {spelling, entry["body"]}
    return {to_simplified(name) for name in names if CJK.match(to_simplified(name))}


def search_dictionary(target: Path) -> Path:
    """The site search's jieba dictionary: the project dictionary (data/dict/userdict.txt) and the registry's and
    issuers' Chinese names, so that 智元机器人 or 国家标准委 is one word of the index and of a query. The corpus's
    text pipeline keeps its own dictionary; this one only decides how the site's pages are indexed."""
    own = paths.USER_DICT.read_text(encoding="utf-8").splitlines()
    known = {line.split(" ")[0] for line in own if line.strip()}
    added = [f"{name} 1000 nt" for name in sorted(_registry_names() - known)]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(own + added) + "\n", encoding="utf-8")
    return target


def word_forms(word: str, as_written: str | None = None) -> list[str]:
    """A word of the Simplified text, as the index keeps it: itself, converted character by character (what a
    query becomes in the browser), in Traditional script, and as the page writes it."""
    forms = [word, each_character(word), to_traditional(word)]
    if as_written is not None:
        forms.append(as_written)
    return list(dict.fromkeys(forms))


class SearchChineseBothScripts(SearchChinese):
    """Sphinx's Chinese search language (jieba with the project dictionary) segmenting the text in Simplified
    script — jieba splits Traditional text badly (網信辦 into 網信/辦) — and indexing each word in every form
    `word_forms` gives. Registered for zh by cnai.site.sphinx_ext."""

    js_stemmer_code = QUERY_STEMMER

    def split(self, input: str) -> list[str]:
        if not JIEBA:  # Sphinx's own: it indexes no Chinese then
            return super().split(input)
        import jieba

        simplified = to_simplified(input)
        aligned = len(simplified) == len(input)  # then a word's offsets give its spelling on the page
        chinese = [form for word, start, end in jieba.tokenize(simplified, mode="search")
                   for form in word_forms(word, input[start:end] if aligned else None)]
        latin = [term.strip() for term in self.latin1_letters.findall(input)]
        self.latin_terms.extend(latin)
        return chinese + latin


def index_words(site: Path) -> set[str]:
    """The words of the written search index (searchindex.js), body and titles."""
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    return set(index["terms"]) | set(index["titleterms"])


def site_characters(site: Path, tables: Path) -> set[str]:
    """Every character of the search index's words and of the CSV files the site's tables and charts are made
    from (a searchable table carries its Simplified companion columns there, cnai.site.tables)."""
    characters = set("".join(index_words(site)))
    for path in sorted(tables.glob("*.csv")):
        characters |= set(path.read_text(encoding="utf-8"))
    return characters


def query_map(characters: set[str]) -> dict[str, str]:
    """The part of character_map a query needs: characters whose Simplified form occurs in `characters`."""
    return {c: s for c, s in character_map().items() if s in characters}


def map_script(table: dict[str, str]) -> str:
    """cnai-t2s.js: `window.cnaiSimplified(text)`, the map as two strings of equal length. A classic script that is
    also a valid module, so the search page loads it with <script> and cnai-tables.js with import()."""
    keys = sorted(table)
    if any(len(k) != 1 or len(table[k]) != 1 for k in keys):
        raise ValueError("the character map must map single characters to single characters")
    return ("// Written by cnai.site.search at build time from OpenCC t2s: Traditional -> Simplified, character by\n"
            "// character, for the characters whose Simplified form occurs in this site's search index or tables.\n"
            "window.cnaiSimplified = (() => {\n"
            f"  const from = Array.from({json.dumps(''.join(keys), ensure_ascii=False)});\n"
            f"  const to = Array.from({json.dumps(''.join(table[k] for k in keys), ensure_ascii=False)});\n"
            "  const map = new Map(from.map((c, i) => [c, to[i]]));\n"
            "  return (text) => Array.from(String(text), (c) => map.get(c) || c).join(\"\");\n"
            "})();\n")


def write_map_script(site: Path, tables: Path) -> Path:
    """Write _static/cnai-t2s.js for the built site in `site` (after its search index is written)."""
    path = site / "_static" / MAP_SCRIPT
    path.write_text(map_script(query_map(site_characters(site, tables))), encoding="utf-8")
    return path
