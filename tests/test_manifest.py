"""Bad input in data/raw gets a clear error that names the file, the line and what is wrong."""
import re

import pytest

from cnai.data import build_tables
from cnai.corpus.manifest import load_manifest, sha256_of
from cnai.errors import CorpusError


def test_real_manifest_matches_raw_files(corpus_copy):
    manifest = load_manifest(corpus_copy.manifest)
    assert [d.id for d in manifest.documents if d.file] == [
        "zqrb_2023_07", "feature_2023", "hti_report_2024_06", "cnr_2024", "breakthing_2023_07"]


def test_file_not_in_utf8_names_file_line_and_column(corpus_copy):
    path = corpus_copy.raw_dir / "cnr_2024.txt"
    path.write_bytes("标题: 题\n链接: x\n总结: ab".encode("utf-8") + "中文正文".encode("gb18030"))
    manifest = corpus_copy.manifest
    old_sha = load_manifest(manifest).get("cnr_2024").sha256
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old_sha, sha256_of(path)), encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"{re.escape(str(path))}:3:7: not UTF-8 \(byte b'\\xd6'"):
        build_tables(corpus_copy)


def test_raw_file_missing_from_manifest(corpus_copy):
    extra = corpus_copy.raw_dir / "unlisted.txt"
    extra.write_text("正文。", encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"{re.escape(str(extra))}: raw file is not listed in .*sources.yml"):
        build_tables(corpus_copy)


def test_manifest_entry_whose_file_is_missing(corpus_copy):
    (corpus_copy.raw_dir / "cnr_2024.txt").unlink()
    with pytest.raises(CorpusError, match=r"document 'cnr_2024' names file 'cnr_2024.txt', which is missing"):
        build_tables(corpus_copy)


def test_edited_raw_file_fails_its_checksum(corpus_copy):
    path = corpus_copy.raw_dir / "cnr_2024.txt"
    path.write_text(path.read_text(encoding="utf-8") + "追加", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"cnr_2024.txt: sha256 .* differs from the manifest"):
        build_tables(corpus_copy)


@pytest.mark.parametrize("old, new, message", [
    ('date: "2023-07-03"', 'date: "2023-13-03"', r"sources.yml:\d+: field documents.0.date: Value error, month must be in 1..12"),
    ("    kind: research_report\n", "    kind: broker_note\n", r"sources.yml:\d+: field documents.2.kind: Input should be"),
    ("    language: zh\n    script: Hant\n", "    script: Hant\n", r"field documents.4.language: Field required"),
    ("  - id: cnr_2024\n", "  - id: CNR 2024\n", r"field documents.3.id: String should match pattern"),
])
def test_malformed_manifest_names_line_and_field(corpus_copy, old, new, message):
    text = corpus_copy.manifest.read_text(encoding="utf-8")
    assert old in text
    corpus_copy.manifest.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        load_manifest(corpus_copy.manifest)


def test_manifest_that_is_not_yaml(corpus_copy):
    corpus_copy.manifest.write_text("documents:\n  - id: a\n   file: [", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"sources.yml: not valid YAML"):
        load_manifest(corpus_copy.manifest)


def test_manifest_line_numbers_point_at_the_bad_field(corpus_copy):
    text = corpus_copy.manifest.read_text(encoding="utf-8")
    corpus_copy.manifest.write_text(text.replace('date: "2024-06-12"', 'date: "12 Jun 2024"'), encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if 'date: "2024-06-12"' in l)
    with pytest.raises(CorpusError, match=rf"sources.yml:{line}: field documents.2.date"):
        load_manifest(corpus_copy.manifest)
