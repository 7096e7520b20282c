"""The data page's package: every table as CSV with a Frictionless descriptor made from the schemas, that
`frictionless validate` accepts and that refuses a wrong value; CITATION.cff valid against the CFF 1.2.0 schema."""
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml
from frictionless import validate

from cnai import data, paths
from cnai.site import citation, datapackage

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    return datapackage.write(tmp_path_factory.mktemp("package"))


def test_frictionless_validates_every_table_of_the_package(package):
    report = validate(package)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    names = {r["name"] for r in descriptor["resources"]}
    # every table the loader serves, except the token-level ones (tokens, paragraph topics), which are large and
    # made again by the text pipeline
    assert names == {n.replace("_", "-") for n in data.names()} - {"tokens", "paragraph-topics"}


def test_each_resource_keeps_its_rows_sources_and_licences(package):
    resources = {r["name"]: r for r in json.loads(package.read_text(encoding="utf-8"))["resources"]}
    # data/curated/filings.csv: 22 lines, one of them the header
    assert resources["filings"]["cnai:rows"] == 21
    assert [l["name"] for l in resources["frontier-gap"]["licenses"]] == ["unlicensed-cite"]
    assert [l["name"] for l in resources["epoch-models"]["licenses"]] == ["CC-BY-4.0"]
    assert resources["epoch-models"]["sources"][0]["path"].startswith("https://epoch.ai")
    assert [l["name"] for l in resources["filings"]["licenses"]] == ["CC-BY-4.0"]
    fields = {f["name"]: f for f in resources["filings"]["schema"]["fields"]}
    assert fields["count"]["type"] == "integer" and fields["count"]["title"] == "数量"
    assert fields["kind"]["constraints"]["enum"] == ["filed", "registered"]


def test_a_value_outside_its_schema_fails_validation(package, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in package.parent.glob("*.csv"):
        (copy / path.name).write_bytes(path.read_bytes())
    (copy / "datapackage.json").write_bytes(package.read_bytes())
    filings = copy / "filings.csv"
    lines = filings.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",filed,", ",filled,", 1)
    filings.write_text("".join(lines), encoding="utf-8")
    report = validate(copy / "datapackage.json")
    assert not report.valid
    errors = report.flatten(["rowNumber", "fieldName", "type"])
    assert [2, "kind", "constraint-error"] in errors


def test_the_zip_holds_the_descriptor_and_every_csv_with_fixed_timestamps(package):
    with zipfile.ZipFile(package.parent / datapackage.ZIP) as archive:
        members = archive.infolist()
    assert {m.filename for m in members} == {"datapackage.json"} | {p.name for p in package.parent.glob("*.csv")}
    assert {m.date_time for m in members} == {datapackage.ZIP_TIME}


def test_citation_file_is_valid_cff_and_gives_bibtex_and_apa():
    schema = json.loads((FIXTURES / "cff" / "schema-1.2.0.json").read_text(encoding="utf-8"))
    book = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    book["date-released"] = str(book["date-released"])
    jsonschema.validate(book, schema)
    assert citation.bibtex().startswith("@misc{cnai_data_book_2026,")
    assert f"version = {{{book['version']}}}" in citation.bibtex()
    assert citation.apa() == (f"China AI Data Book contributors. (2026). {book['title']} (Version {book['version']}) "
                              "[Data set].")


def test_an_invalid_citation_file_is_refused():
    schema = json.loads((FIXTURES / "cff" / "schema-1.2.0.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError, match="authors"):
        jsonschema.validate({"cff-version": "1.2.0", "message": "m", "title": "t"}, schema)


def test_every_table_has_a_chinese_title_and_its_english_description(package):
    resources = {r["name"]: r for r in json.loads(package.read_text(encoding="utf-8"))["resources"]}
    assert resources["filings"]["title"] == "国家网信办公布的生成式人工智能服务备案数"
    assert resources["filings"]["description"].startswith("The regulator's counts")
    assert resources["growth-checks"]["title"].startswith("增长率核对")
    # every title is Chinese (the site is Chinese first); the schema's English docstring is the description
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in r["title"]) for r in resources.values())
    # the data page links each title to the table's entry in the data dictionary, which heads it with the title
    from cnai.site import docs

    page = datapackage.page_html()
    assert '<a href="data_dictionary.html#table-filings">国家网信办公布的生成式人工智能服务备案数</a>' in page
    assert '<a href="data_dictionary.html#table-accelerators">Epoch AI 机器学习硬件（加速器）</a>' in page
    assert ('id="table-filings"><p><strong>国家网信办公布的生成式人工智能服务备案数</strong>（<code>filings</code>）'
            in docs.data_dictionary())


def test_a_table_without_a_title_stops_with_the_file_to_edit(mappings_copy):
    from cnai.errors import MappingError

    mappings_copy("tables", "cluster_share:")
    with pytest.raises(MappingError, match=r"'cluster_share' is not in .*tables\.yml: add it there"):
        datapackage.listing()


def test_the_build_writes_the_package_again_only_when_its_inputs_change(tmp_path, monkeypatch):
    """Writing every table takes seconds: a warm rebuild with the same data and citation reuses the package."""
    from cnai.site import sphinx_ext

    written = []

    def write(target: Path) -> Path:
        written.append(target)
        target.mkdir(parents=True, exist_ok=True)
        return (target / datapackage.DESCRIPTOR).write_text("{}", encoding="utf-8")

    monkeypatch.setattr(sphinx_ext, "TABLES_DIR", tmp_path)
    monkeypatch.setattr(datapackage, "write", write)
    sphinx_ext.export_tables()
    sphinx_ext.export_tables()
    assert written == [tmp_path / "tables"]
    (tmp_path / ".inputs-key").write_text("the key of earlier inputs", encoding="utf-8")
    sphinx_ext.export_tables()
    assert len(written) == 2
