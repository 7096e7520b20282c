"""Documents that are rows of an outside snapshot (data/raw/external/<source>/<table>): the rows, read through
the snapshot's checked record, by key."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from .. import snapshots
from ..errors import CorpusError

# snapshot → (the column that keys a row, the column holding its text)
ROW_FIELDS = {"cac_miit_tc260": ("url", "full_text")}


def fields(snapshot: str) -> tuple[str, str]:
    if snapshot not in ROW_FIELDS:
        raise CorpusError(f"snapshot {snapshot!r} has no row documents: add its key and text columns to "
                          f"cnai.corpus.rows.ROW_FIELDS")
    return ROW_FIELDS[snapshot]


def table_rows(snapshot: str, table: str, external_dir: Path) -> dict[str, dict[str, str]]:
    """The rows of one file of a snapshot by their key, after the snapshot's checksums are checked."""
    record = snapshots.snapshot(snapshot, external_dir)
    path = record.path(table)
    stat = path.stat()
    return _rows(path, fields(snapshot)[0], (stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=8)
def _rows(path: Path, key: str, stamp: tuple) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:  # the files start with a BOM
        reader = csv.DictReader(handle)
        if key not in (reader.fieldnames or []):
            raise CorpusError(f"{path}: no column {key!r} to key its rows")
        rows: dict[str, dict[str, str]] = {}
        for number, row in enumerate(reader, start=2):
            if row[key] in rows:
                raise CorpusError(f"{path}: row {number}: key {row[key]!r} occurs twice")
            rows[row[key]] = row
    return rows
