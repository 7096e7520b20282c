"""Search in both scripts (cnai.site.search, cnai.corpus.script): the index's word forms, the character map the
browser gets, and the two scripts the site runs with it (checked in node, where installed).

Expected values are the standard Simplified and Traditional forms of the characters, as in any dictionary
(攜/携, 辦/办, 網/网, 騰/腾), not outputs copied from the code."""
import json
import logging
import shutil
import subprocess

import pytest

from cnai import paths
from cnai.site import search
from cnai.corpus.script import character_map, each_character, to_simplified, to_traditional
from cnai.site.search import (MAP_SCRIPT, QUERY_STEMMER, SearchChineseBothScripts, map_script, query_map,
                              write_map_script)

NODE = shutil.which("node")


def test_character_map_maps_traditional_characters_only():
    table = character_map()
    assert {c: table[c] for c in "攜辦網騰昇"} == {"攜": "携", "辦": "办", "網": "网", "騰": "腾", "昇": "升"}
    assert not set("携办网腾升人") & set(table)  # Simplified characters (and 人, the same in both) stay
    assert all(len(s) == 1 for s in table.values())


def test_each_character_ignores_phrases_and_protected_names():
    # OpenCC's phrase table keeps 乾隆 (the emperor) and the protected list keeps 昇腾; one character at a time
    # turns them into 干隆 and 升腾, as the browser does.
    assert to_simplified("乾隆 昇騰") == "乾隆 昇腾"
    assert each_character("乾隆 昇騰") == "干隆 升腾"
    assert each_character("網信辦") == "网信办"


def test_to_traditional():
    assert to_traditional("网信办 携程") == "網信辦 攜程"


@pytest.fixture(scope="module")
def language():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return SearchChineseBothScripts({"dict": str(paths.USER_DICT)})


def test_index_holds_every_word_in_both_scripts(language):
    words = language.split("國家網信辦發布暫行辦法")
    # 网信办 is one word of the project dictionary; jieba, given the Traditional text, split it as 網信/辦
    assert {"网信办", "網信辦", "暂行办法", "暫行辦法", "办法", "辦法"} <= set(words)
    assert "網信" not in words
    assert {"携程", "攜程"} <= set(language.split("携程的大模型"))


def test_index_holds_what_a_query_becomes_in_the_browser(language):
    words = set(language.split("昇騰芯片"))
    assert {"昇腾", "昇騰"} <= words  # the protected name, in Simplified and as written
    assert "升腾" in words  # a query 昇騰 or 昇腾, converted character by character


def test_registry_and_issuer_names_are_single_words_of_the_search_index(tmp_path):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    path = search.search_dictionary(tmp_path / "search_dict.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == paths.USER_DICT.read_text(encoding="utf-8").splitlines()[:3]  # the project's own first
    language = SearchChineseBothScripts({"dict": str(path)})
    # 智元机器人: data/registry/organisations.yml (agibot); 国家标准委: data/mappings/issuers.yml. With the project
    # dictionary alone jieba splits both (智元/机器人, 国家标准/委).
    assert {"智元机器人", "國家標準委", "国家标准委"} <= set(language.split("智元机器人与國家標準委"))


def test_index_keeps_latin_words(language):
    assert {"GPT", "Ascend"} <= set(language.split("GPT 与 Ascend"))


def test_query_map_keeps_characters_whose_simplified_form_occurs():
    assert query_map(set("携程")) == {"攜": "携"}  # 程 is the same in both scripts; 網 → 网 is not on the site


def run_node(script: str) -> str:
    if NODE is None:
        pytest.skip("node is not installed")
    return subprocess.run([NODE, "-e", script], capture_output=True, text=True, check=True, timeout=30).stdout.strip()


def test_map_script_converts_the_listed_characters(tmp_path):
    path = tmp_path / MAP_SCRIPT
    path.write_text(map_script({"攜": "携", "辦": "办"}), encoding="utf-8")
    out = run_node(f"globalThis.window = globalThis; require('vm').runInThisContext("
                   f"require('fs').readFileSync({json.dumps(str(path))}, 'utf8'));"
                   "console.log(window.cnaiSimplified('攜程網辦'))")
    assert out == "携程網办"  # 網 is not in this map


def test_query_stemmer_converts_before_stemming():
    out = run_node("globalThis.window = {cnaiSimplified: (w) => w.replace('網', '网').replace('辦', '办')};"
                   + QUERY_STEMMER + "; const s = new Stemmer();"
                   "console.log(s.stemWord('網信辦'), s.stemWord('models'))")
    assert out == "网信办 model"  # the Porter stemmer still stems English words


def test_write_map_script_reads_the_index_and_the_tables(tmp_path):
    site, tables = tmp_path / "html", tmp_path / "figures"
    (site / "_static").mkdir(parents=True)
    tables.mkdir()
    index = {"docnames": ["a"], "terms": {"网信办": 0}, "titleterms": {"携程": 0}}
    (site / "searchindex.js").write_text("Search.setIndex(" + json.dumps(index) + ")", encoding="utf-8")
    (tables / "t.csv").write_text("名称,名称（简体）\n國家標準委,国家标准委\n", encoding="utf-8")
    text = write_map_script(site, tables).read_text(encoding="utf-8")
    from_, to = (json.loads(line.split("Array.from(", 1)[1].rsplit(")", 1)[0])
                 for line in text.splitlines() if "Array.from(" in line and "const" in line)
    table = dict(zip(from_, to))
    # the Traditional forms of 网, 信 (the same), 办, 携, 国, 家 (the same), 标, 准
    assert {"網": "网", "辦": "办", "攜": "携", "國": "国", "標": "标", "準": "准"}.items() <= table.items()
    assert "愛" not in table  # 爱 occurs nowhere
