"""Curation decisions kept as data: the YAML files under data/mappings (display names of codes, name
normalisations, groupings). Every lookup fails loudly on a value the file does not cover, naming the file and
the value to add, the way OWID's harmonize step asks for a name to be added to its mapping.

Names that differ only in script (攜程 / 携程) need no entry of their own: a value is looked up as written, then in
Simplified script.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from .. import paths
from ..corpus.rules import to_simplified
from ..errors import MappingError


@lru_cache(maxsize=32)
def _read(path: Path, stamp: tuple[int, int]) -> dict:
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise MappingError(f"{path}: not valid YAML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise MappingError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    if not isinstance(content, dict) or not content:
        raise MappingError(f"{path}: expected a mapping at the top level")
    return content


def path_of(name: str, directory: Path | None = None) -> Path:
    return (directory or paths.MAPPINGS) / f"{name}.yml"


def read(name: str, directory: Path | None = None) -> dict:
    """The whole mapping file data/mappings/<name>.yml; re-read when the file changes."""
    path = path_of(name, directory)
    if not path.exists():
        raise MappingError(f"{path}: mapping file not found")
    stat = path.stat()
    return _read(path, (stat.st_mtime_ns, stat.st_size))


def section(name: str, key: str, directory: Path | None = None) -> dict:
    """One block of a mapping file (e.g. the `qualifier` block of labels.yml)."""
    content = read(name, directory)
    if key not in content or not isinstance(content[key], dict):
        raise MappingError(f"{path_of(name, directory)}: no block {key!r}; add it")
    return content[key]


def lookup(mapping: dict, value, where: str):
    """The entry for `value` (as written, else in Simplified script); MappingError naming `where` if absent."""
    if value in mapping:
        return mapping[value]
    if isinstance(value, str) and to_simplified(value) in mapping:
        return mapping[to_simplified(value)]
    raise MappingError(f"{value!r} is not in {where}: add it there")


def label(code_list: str, code: str) -> str:
    """The Chinese display name of a code (labels.yml)."""
    return lookup(section("labels", code_list), code, f"{path_of('labels')} under {code_list!r}")


def table_title(name: str) -> str:
    """The Chinese title of one of the book's tables (tables.yml)."""
    return lookup(read("tables"), name, f"{path_of('tables')}")


def labels(code_list: str) -> dict[str, str]:
    return dict(section("labels", code_list))


def harmonize(values: pd.Series, name: str, key: str | None = None) -> pd.Series:
    """Map every non-blank value through data/mappings/<name>.yml (or one block of it). All values the file lacks
    are reported at once, with the file to edit; blanks stay blank."""
    mapping = section(name, key) if key else read(name)
    where = f"{path_of(name)}" + (f" under {key!r}" if key else "")
    missing, out = [], []
    for value in values:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            out.append(None)
            continue
        try:
            out.append(lookup(mapping, value, where))
        except MappingError:
            missing.append(value)
            out.append(None)
    if missing:
        raise MappingError(f"{len(set(missing))} value(s) missing from {where}: "
                           + ", ".join(repr(v) for v in sorted(set(map(str, missing)))) + "; add them there")
    return pd.Series(out, index=values.index, name=values.name)


def display(values: pd.Series, code_list: str) -> pd.Series:
    """Codes as their Chinese display names (labels.yml), failing on any code without one."""
    return harmonize(values, "labels", code_list)
