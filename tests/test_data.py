"""The loader on the real corpus: validated tables, nothing lost, a cache that notices every input."""
import pandas as pd
import pytest

from cnai import data, paths
from cnai.data import load


def test_every_table_loads_and_validates():
    for name in data.TABLES:
        frame = load(name)
        assert isinstance(frame, pd.DataFrame) and len(frame) > 0, name


def test_unknown_table_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown table 'paragraph'; choose one of documents"):
        load("paragraph")


def test_row_counts_in_equal_row_counts_out():
    """Every raw line is counted once: kept in a paragraph, as metadata, title, byline or blank, or removed."""
    docs = load("documents").set_index("doc_id")
    report = load("cleaning_report")
    lines = report.groupby("doc_id")["lines"].sum()
    assert lines.to_dict() == docs["raw_lines"].to_dict()
    # wc -l data/raw/*.txt counts newlines; each file ends in one, so the lines split on "\n" are one more
    # (the empty string after the last newline, reported as a blank line)
    assert docs.loc[docs["kind"] != "official_document", "raw_lines"].to_dict() == {"zqrb_2023_07": 562 + 1, "feature_2023": 570 + 1,
                                           "hti_report_2024_06": 7451 + 1, "cnr_2024": 15 + 1,
                                           "breakthing_2023_07": 56 + 1}


def test_documents_split_as_the_manifest_says():
    paras = load("paragraphs")
    zqrb = paras[paras["doc_id"] == "zqrb_2023_07"]
    assert sorted(zqrb["part_id"].unique()) == ["a1", "a2", "a3", "a4", "a5"]
    report = paras[paras["doc_id"] == "hti_report_2024_06"]
    sections = [p for p in report["part_id"].unique() if p.count(".") == 1]
    # the report's numbered section headings, read in data/raw/hti_report_2024_06.txt: 1.1–1.6, 3.1–3.2, 4.1–4.8,
    # 5.1–5.5, 6.1–6.4 (chapter 2 is one map, without sections) → 25
    assert sections == [f"{chapter}.{n}" for chapter, last in ((1, 6), (3, 2), (4, 8), (5, 5), (6, 4))
                        for n in range(1, last + 1)]


def test_parts_carry_titles_and_bylines():
    parts = load("parts").set_index(["doc_id", "part_id"])
    assert parts.loc[("zqrb_2023_07", "a2"), "authors"] == "何文英"
    assert parts.loc[("feature_2023", "a1"), "title"] == "国产大模型面临的机遇与挑战"
    assert parts.loc[("hti_report_2024_06", "4.7"), "title"] == "人形机器人"
    assert parts["n_paragraphs"].sum() == len(load("paragraphs"))


def test_boilerplate_is_gone_from_the_text():
    text = "\n".join(load("paragraphs")["text"])
    for gone in ("12 Jun 2024", "Table_header1", "版权声明", "报料热线", "鄭重聲明", "郑重声明", "在此保证",
                 "重大事件摘要", "compensatio", "99 月月", "新华社记者新华社记者"):
        assert gone not in text, gone


def test_crawler_summary_is_metadata_not_text():
    meta = load("metadata")
    summary = meta[(meta["doc_id"] == "cnr_2024") & (meta["field"] == "重大事件摘要")]
    # data/raw/cnr_2024.txt: the 重大事件摘要 field's own line (line 7) and its seven numbered events (lines 9–15)
    assert len(summary) == 8
    cnr = load("paragraphs").query("doc_id == 'cnr_2024'")
    assert not cnr["text"].str.contains("这篇文章主要讨论了").any()


def test_traditional_document_is_simplified_with_original_kept():
    paras = load("paragraphs").query("doc_id == 'breakthing_2023_07'")
    assert paras["text"].str.contains("国产大模型").any()
    assert paras["text_original"].str.contains("國產大模型").any()
    assert not paras["text"].str.contains("國").any()


def test_report_tables_are_kept_as_table_paragraphs():
    paras = load("paragraphs").query("doc_id == 'hti_report_2024_06' and kind == 'table'")
    deals = paras[paras["text"].str.contains("交泰智能 工业智能服务商 合肥市")]
    assert len(deals) == 1


def test_cache_is_rebuilt_when_any_input_changes(corpus_copy):
    key = data.refresh(corpus_copy)
    assert data.refresh(corpus_copy) == key  # nothing changed: cache reused
    stamp = corpus_copy.cache_dir / "key.json"
    before = stamp.stat().st_mtime_ns
    data.load("documents", corpus_copy)
    assert stamp.stat().st_mtime_ns == before
    with (corpus_copy.dict_dir / "stopwords.txt").open("a", encoding="utf-8") as handle:
        handle.write("大模型\n")
    assert data.cache_key(corpus_copy) != key
    tokens = data.load("tokens", corpus_copy)
    assert "大模型" not in set(tokens["token"])
    assert stamp.stat().st_mtime_ns != before


def test_cache_key_covers_raw_files_manifest_dictionaries_curation_and_every_module(corpus_copy):
    files = set(data.input_files(corpus_copy))
    assert {corpus_copy.raw_dir / "zqrb_2023_07.txt", corpus_copy.manifest, corpus_copy.dict_dir / "userdict.txt",
            corpus_copy.dict_dir / "stopwords.txt", corpus_copy.curated_dir / "models.csv"} <= files
    # modules of subpackages too: a view module once escaped the key (the glob was not recursive)
    assert {paths.PACKAGE_DIR / "views" / "race.py", paths.PACKAGE_DIR / "corpus" / "clean.py",
            paths.PACKAGE_DIR / "site" / "charts.py"} <= files
