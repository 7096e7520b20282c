"""The entity registry: one id for each organisation, model family and chip the outside sources name, kept as data
in data/registry/*.yml: one main file per kind (organisations.yml, models.yml, chips.yml) and, beside it, any number
of parts named <main stem>_<part>.yml (organisations_epoch.yml, organisations_model_list.yml …) that hold bulk entries
for one source, so that curators' edits to the main file and to a part merge cleanly. The parts of a kind are read
with the main file, in name order, as one registry: an id or a name used twice anywhere fails, naming the files.

`lookup(name, kind)` tries the name as written, then in letter case and spacing normalised, then in Simplified
script, so 智譜 / 智谱 and "Zhipu AI" / "zhipu ai" need no entry of their own. `harmonize(values, kind, source)` maps a
column and raises MappingError naming the source, every unmapped name and the registry file to edit. The registry
reads only its own files: the stages that use it (cnai.external, cnai.facts) sit above it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from . import paths
from .corpus.rules import to_simplified
from .errors import MappingError

ID = r"^[a-z0-9_]+$"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader where built: the registry is ~900 entries


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=ID)
    en: str | None = None
    zh_hans: str | None = None
    zh_hant: str | None = None
    aliases: list[str] = []

    @model_validator(mode="after")
    def _named(self):
        if not (self.en or self.zh_hans):
            raise ValueError("give en or zh_hans (or both)")
        return self

    def names(self) -> list[str]:
        return [self.id, *(n for n in (self.en, self.zh_hans, self.zh_hant) if n), *self.aliases]


class Organisation(Entry):
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    # who says where the organisation is: an outside dataset, the corpus's own words (companies.csv), or the
    # curator's knowledge where neither does
    country_source: Literal["dataset", "corpus", "curator"] = "dataset"
    kind: str = Field(pattern=r"^(company|university|lab|government|community)$")


class Model(Entry):
    organisation: str | None = Field(default=None, pattern=ID)  # None: no text or dataset names the developer
    # organisations that built a version jointly with `organisation` (鹏城实验室 for 鹏城·盘古): a text may name any
    co_developers: list[str] = []


class Chip(Entry):
    maker: str = Field(pattern=ID)
    china_market: bool = False


KINDS: dict[str, tuple[str, type[Entry]]] = {
    "organisation": ("organisations.yml", Organisation),
    "model": ("models.yml", Model),
    "chip": ("chips.yml", Chip),
}


def file_of(kind: str, directory: Path | None = None, part: str | None = None) -> Path:
    """The main registry file of a kind, or (with `part`) its part <stem>_<part>.yml, e.g. organisations_epoch.yml."""
    if kind not in KINDS:
        raise KeyError(f"unknown registry kind {kind!r}; choose one of {', '.join(KINDS)}")
    main = (directory or paths.REGISTRY) / KINDS[kind][0]
    return main if part is None else main.with_name(f"{main.stem}_{part}{main.suffix}")


def files_of(kind: str, directory: Path | None = None) -> list[Path]:
    """The main file of a kind, then its parts in name order."""
    main = file_of(kind, directory)
    return [main, *sorted(main.parent.glob(f"{main.stem}_*{main.suffix}"))]


def normalise(name: str) -> str:
    """Letter case and spacing do not distinguish names."""
    return re.sub(r"\s+", " ", name).strip().casefold()


def _parse(path: Path, model: type[Entry], main: bool) -> tuple[list[Entry], list[str]]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    except yaml.YAMLError as exc:
        raise MappingError(f"{path}: not valid YAML: {exc}") from None
    if raw is None and not main:  # an empty part is allowed, an empty main file is not
        return [], []
    if not isinstance(raw, list):
        raise MappingError(f"{path}: expected a list of entries")
    entries, problems = [], []
    for number, item in enumerate(raw, 1):
        try:
            entries.append(model.model_validate(item))
        except ValidationError as exc:
            problems += [f"{path}: entry {number} ({item.get('id') if isinstance(item, dict) else item!r}): field "
                         f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
    return entries, problems


@lru_cache(maxsize=16)
def _read(files: tuple[Path, ...], kind: str, stamp: tuple) -> tuple[tuple[Entry, ...], dict[str, str], dict[str, str]]:
    model = KINDS[kind][1]
    entries, problems, where = [], [], {}
    for path in files:
        found, bad = _parse(path, model, path == files[0])
        problems += bad
        for entry in found:
            if entry.id in where:
                problems.append(f"{path}: id {entry.id!r} is also used in {where[entry.id]}; keep one entry")
            where.setdefault(entry.id, path)
        entries += found
    exact, loose = {}, {}
    for entry in entries:
        for name in entry.names():
            for table, key in ((exact, name), (loose, normalise(to_simplified(name)))):
                if table.get(key, entry.id) != entry.id:
                    other = table[key]
                    files_named = " and ".join(dict.fromkeys(str(where[i]) for i in (other, entry.id)))
                    problems.append(f"{files_named}: {name!r} names both {other!r} and {entry.id!r}; keep it in one entry")
                table[key] = entry.id
    if problems:
        raise MappingError("\n".join(dict.fromkeys(problems)))
    return tuple(entries), exact, loose


def _key(kind: str, directory: Path | None) -> tuple[tuple[Path, ...], str, tuple]:
    files = files_of(kind, directory)
    if not files[0].exists():
        raise MappingError(f"{files[0]}: registry file not found")
    return tuple(files), kind, tuple((p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def _registry(kind: str, directory: Path | None = None):
    return _read(*_key(kind, directory))


@lru_cache(maxsize=16)
def _table(files: tuple[Path, ...], kind: str, stamp: tuple) -> pd.DataFrame:
    rows = [e.model_dump() | {"aliases": " | ".join(e.aliases)} for e in _read(files, kind, stamp)[0]]
    return pd.DataFrame(rows).set_index("id", drop=False)


def entries(kind: str, directory: Path | None = None) -> pd.DataFrame:
    """The registry of one kind (main file and parts) as a table, one row per id (aliases joined by ' | ')."""
    return _table(*_key(kind, directory)).copy()


def _find(name: str, exact: dict[str, str], loose: dict[str, str]) -> str | None:
    if name in exact:
        return exact[name]
    return loose.get(normalise(name)) or loose.get(normalise(to_simplified(name)))


def resolve(name: str, kind: str, directory: Path | None = None) -> str | None:
    """The id a name stands for (as written, then normalised, then in Simplified script), or None."""
    _, exact, loose = _registry(kind, directory)
    return _find(name, exact, loose)


def other_names(name: str, kinds: tuple[str, ...] = tuple(KINDS), directory: Path | None = None) -> set[str]:
    """Every name of each entry `name` resolves to, in each of `kinds` (empty where it resolves in none)."""
    names: set[str] = set()
    for kind in kinds:
        found = resolve(name, kind, directory)
        if found is not None:
            entry = next(e for e in _registry(kind, directory)[0] if e.id == found)
            names |= set(entry.names()) - {entry.id}
    return names


def lookup(name: str, kind: str, source: str, directory: Path | None = None, part: str | None = None) -> str:
    found = resolve(name, kind, directory)
    if found is None:
        raise MappingError(f"{source}: {kind} name {name!r} is not in the registry; add it to "
                           f"{file_of(kind, directory, part)}")
    return found


def harmonize(values: pd.Series, kind: str, source: str, directory: Path | None = None,
              part: str | None = None) -> pd.Series:
    """Registry ids of every non-blank value; blanks stay blank. All unmapped names are reported at once, with the
    source they come from and the registry file to edit: the main file, or the part (<stem>_<part>.yml) that
    holds the source's bulk entries (an alias of an entry elsewhere may go in that entry instead)."""
    blank = values.isna() | (values.astype("string").str.strip() == "")
    ids, missing, known = [], [], {}
    _, exact, loose = _registry(kind, directory)  # read (and stat) the registry once, not once per name
    for value, empty in zip(values, blank):  # by position: an index may repeat
        if not empty and str(value) not in known:
            known[str(value)] = _find(str(value), exact, loose)
        ids.append(None if empty else known[str(value)])
        if not empty and ids[-1] is None:
            missing.append(str(value))
    if missing:
        raise MappingError(f"{source}: {len(set(missing))} {kind} name(s) not in the registry: "
                           + ", ".join(repr(v) for v in sorted(set(missing)))
                           + f"; add them to {file_of(kind, directory, part)}"
                           + ("" if part is None else " (or as aliases of their entries in another registry file)"))
    return pd.Series(ids, index=values.index, dtype=object, name=values.name)


def attribute(ids: pd.Series, kind: str, column: str, directory: Path | None = None) -> pd.Series:
    """One attribute (country, organisation, maker …) of each id; blanks stay blank."""
    table = entries(kind, directory)
    return ids.map(lambda i: None if i is None or pd.isna(i) else table.at[i, column])


def developers(model: str, directory: Path | None = None) -> set[str] | None:
    """The organisation ids that built the model family `model` names (its organisation and co-developers), or None
    where the registry does not know the model or its developer."""
    family = resolve(model, "model", directory)
    if family is None:
        return None
    entry = next(e for e in _registry("model", directory)[0] if e.id == family)
    return {entry.organisation, *entry.co_developers} if entry.organisation else None


def model_country(ids: pd.Series, directory: Path | None = None) -> pd.Series:
    """The developer's country of each model family id (organisations.yml through models.yml)."""
    return attribute(attribute(ids, "model", "organisation", directory), "organisation", "country", directory)


def check_references(directory: Path | None = None) -> None:
    """Every organisation a model or chip entry names exists in organisations.yml."""
    known = set(entries("organisation", directory)["id"])
    for kind, column in (("model", "organisation"), ("chip", "maker")):
        named = entries(kind, directory)[column].dropna()
        if column == "organisation":
            named = pd.concat([named, entries(kind, directory)["co_developers"].explode().dropna()])
        unknown = sorted(set(named) - known)
        if unknown:
            raise MappingError(f"{file_of(kind, directory)}: {column} {', '.join(map(repr, unknown))} not in "
                               f"{file_of('organisation', directory)}; add it there")
