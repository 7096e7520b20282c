"""The community list of Chinese large models, every version (snapshot awesome_llms_in_china,
history/README_<date>_<commit>.md) → the tidy table `china_model_list`: one row per model entry and version.

Each version holds Markdown tables (序号|公司|大模型|…, one early one without 序号) under the headings 大模型列表 and (in May 2023)
大模型无官方链接; the table under 国外大模型 (models from abroad) is not read. Early versions lack the columns 省市,
类别 and 官网: those cells stay blank. Rows that hold nothing but their number (placeholders the list kept in
mid-2023) are not entries and are left out. A row whose cells do not line up with its header fails the load unless
data/readings/awesome_llms_in_china.yml says how to read it.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
import yaml

from .. import paths, snapshots
from ..errors import InputError
from .common import organisation_ids, snapshot_file, validate
from .schemas import ChinaModelList

SOURCE = "awesome_llms_in_china"
VERSION = re.compile(r"^history/README_(\d{4}-\d{2}-\d{2})_([0-9a-f]{7})\.md$")
SECTIONS = ("大模型列表", "大模型无官方链接")
COLUMNS = {"序号": "number", "公司": "company", "大模型": "model_as_written", "省市": "province",
           "类别": "category", "官网": "official_site", "说明": "note"}
LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
READINGS = paths.READINGS / "awesome_llms_in_china.yml"
PART = "model_list"  # the registry part for the list's organisations: data/registry/organisations_model_list.yml
PARTNERS = re.compile(r"\s*[、+＋&]\s*")  # how the list joins the partners of a joint model: 山西大学、山西农业大学, 慧言科技+天津大学


def cells(line: str) -> list[str]:
    """The cells of a Markdown table row: one outer | on each side removed, split on every | not escaped."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", body)]


def organisations(company: str | None) -> list[str]:
    """The organisations a 公司 cell names, in its order: one, or the partners of a joint model (joined by 、 + &)."""
    return [p for p in PARTNERS.split(company) if p] if company else []


def plain(markdown: str) -> str:
    """A cell's text with every link written as its label, spaces collapsed."""
    return re.sub(r"\s+", " ", LINK.sub(lambda m: m[1], markdown)).strip()


@lru_cache(maxsize=4)
def _readings(stamp: tuple[int, int]) -> dict[str, list[str]]:
    try:
        entries = yaml.safe_load(READINGS.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise InputError(f"{READINGS}: not valid YAML: {exc}") from None
    readings = {}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("line"), str) or not isinstance(entry.get("cells"), list):
            raise InputError(f"{READINGS}: entry {number} needs a text `line` and a list `cells`")
        readings[entry["line"].strip()] = [str(c).strip() for c in entry["cells"]]
    return readings


def readings() -> dict[str, list[str]]:
    """Irregular rows as written → the cells to read (data/readings/awesome_llms_in_china.yml)."""
    stat = READINGS.stat()
    return _readings((stat.st_mtime_ns, stat.st_size))


def _aligned(values: list[str], header: list[str], line: str, where: str) -> list[str]:
    """The row's cells, one per header column: empty cells past the header are dropped (as Markdown does); any
    other mismatch must be listed in the readings file."""
    if line.strip() in readings():
        fixed = readings()[line.strip()]
        if len(fixed) != len(header):
            raise InputError(f"{READINGS}: the reading of {where} has {len(fixed)} cells for {len(header)} columns")
        return fixed
    while len(values) > len(header) and values[-1] == "":
        values = values[:-1]
    if len(values) != len(header):
        column = header[len(values)] if len(values) < len(header) else f"beyond {header[-1]}"  # the first without a cell
        raise InputError(f"{where}, column {column!r}: {len(values)} cells for the {len(header)} columns "
                         f"{'|'.join(header)}; the row reads {line.strip()!r}. If it is written wrongly in the "
                         f"source, say how to read it in {READINGS}")
    return values


def version_rows(relative: str) -> list[dict]:
    """The model entries of one version of the list, with the line each comes from."""
    path = snapshot_file(SOURCE, relative)
    date, commit = VERSION.match(relative).groups()
    rows, section, header = [], None, None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            section, header = line.strip("# ").strip(), None
            continue
        if not line.lstrip().startswith("|"):
            header = header if not line.strip() else None
            continue
        values = cells(line)
        if "大模型" in values:
            header = values if section in SECTIONS else None
            unknown = [v for v in values if v not in COLUMNS] if header else []
            if unknown:
                raise InputError(f"{path.name}: line {number}, column {unknown[0]!r}: not a column the list is known to have")
            continue
        if header is None or re.fullmatch(r"[\s|:-]*", line) or not any(values[1:]):
            continue  # not in a model table, the delimiter row, or a placeholder (a number and empty cells)
        where = f"{path.name}: line {number}"
        row = dict(zip((COLUMNS[h] for h in header), _aligned(values, header, line, where)))
        if "number" in row and not row["number"].isdigit():
            raise InputError(f"{where}, column '序号': {row['number']!r} is not a number")
        if not plain(row.get("model_as_written", "")):
            raise InputError(f"{where}, column '大模型': empty")
        rows.append({"version_date": date, "commit": commit, "file": relative, "line": number, "section": section,
                     **row})
    return rows


def china_model_list() -> pd.DataFrame:
    files = sorted(f.path for f in snapshots.snapshot(SOURCE).files if VERSION.match(f.path))
    frame = pd.DataFrame([row for relative in files for row in version_rows(relative)])
    for column in COLUMNS.values():
        if column not in frame:
            frame[column] = ""
    frame["number"] = pd.to_numeric(frame["number"].replace("", None)).astype("Int64")
    frame["model"] = frame["model_as_written"].map(plain)
    frame["links"] = frame["model_as_written"].map(lambda v: " | ".join(m[2] for m in LINK.finditer(v)) or None)
    frame["company"] = frame["company"].map(plain)
    for column in ("province", "category", "official_site", "note", "company"):
        frame[column] = frame[column].fillna("").astype(str).str.strip().replace("", None)
    # every organisation of every 公司 cell maps to a registry id, or the load fails naming the file to edit; a joint
    # model keeps every partner in organisation_ids, and organisation_id is the first named (the list's lead)
    frame["organisation_ids"] = organisation_ids(frame["company"], organisations, f"{SOURCE} (column 公司)", PART)
    frame["organisation_id"] = frame["organisation_ids"].map(lambda v: v.split(" | ")[0], na_action="ignore")
    return validate("china_model_list", ChinaModelList, frame[list(ChinaModelList.to_schema().columns)])
