"""The corpus's curated rows joined to the entity registry (data/registry): each companies.csv row to an
organisation, each models.csv model to a model family, each chips.csv chip to a chip, with the registry's country
next to the one the row gives.

The join is by name, as for every outside source: a company's `name` (and every alias of it the registry knows)
must resolve to one organisation, a model's `model` to one family, a chip's `chip` (first as '<vendor> <chip>',
then alone) to one chip. A name the registry lacks fails the load with a MappingError naming the curated file, the
name and the registry file to edit.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from .. import registry
from ..errors import MappingError

KINDS = {"companies": "organisation", "models": "model", "chips": "chip"}


class EntityLinks(pa.DataFrameModel):
    """The curated rows of companies.csv, models.csv and chips.csv with the registry entity each names and its
    organisation's country, from the row (where a text says) and from the registry."""
    table: Series[str] = pa.Field(title="表", isin=list(KINDS), description="curated table the row is in")
    key: Series[str] = pa.Field(title="行键", description="the row's key: company_id, row_id (models) or chip_id")
    name: Series[str] = pa.Field(title="名称", description="the name the row gives: company name, model, chip")
    registry_kind: Series[str] = pa.Field(title="实体类别", isin=list(KINDS.values()),
                                          description="which registry file the name resolves in")
    registry_id: Series[str] = pa.Field(title="实体编号", description="id of the organisation, model family or chip")
    organisation_id: Series[str] = pa.Field(title="机构编号", nullable=True, description=(
        "the organisation the entity belongs to: the company itself, the family's developer, the chip's maker "
        "(blank where no text or dataset names a model's developer)"))
    company_organisation_id: Series[str] = pa.Field(title="公司机构编号", nullable=True, description=(
        "the organisation of the row's company_id (models, chips); it may differ from organisation_id, e.g. a joint "
        "model or a chip made by a subsidiary"))
    country_curated: Series[str] = pa.Field(title="文中国家", nullable=True, description=(
        "the row's own country column: what a text (or the row) says; blank where the text is silent"))
    country_registry: Series[str] = pa.Field(title="登记国家", nullable=True, description=(
        "the organisation's country in data/registry/organisations.yml"))
    country_source: Series[str] = pa.Field(title="登记国家来源", nullable=True, isin=["dataset", "corpus", "curator"],
                                           description="who places the organisation there in the registry")
    text_silent: Series[bool] = pa.Field(title="文中未注明", description="the row gives no country (country_curated blank)")
    countries_agree: Series[pd.BooleanDtype] = pa.Field(title="国家一致", nullable=True, description=(
        "country_curated equals country_registry; blank where either is blank"))

    class Config:
        strict = True
        coerce = True


def _split(aliases) -> list[str]:
    return [] if aliases is None or pd.isna(aliases) else [a.strip() for a in str(aliases).split("|") if a.strip()]


def company_organisations(companies: pd.DataFrame, path: Path, directory: Path | None = None) -> pd.Series:
    """company_id → organisation id. The name must resolve; an alias that resolves must name the same organisation."""
    source = str(path)
    ids = registry.harmonize(companies["name"].reset_index(drop=True), "organisation", f"{source} (column name)",
                             directory)
    clashes = []
    for (row, name, aliases), org in zip(companies[["name", "aliases"]].itertuples(), ids):
        for alias in _split(aliases):
            other = registry.resolve(alias, "organisation", directory)
            if other not in (None, org):
                clashes.append(f"{source}:line {int(row) + 2}: name {name!r} is {org!r} in the registry but its alias "
                               f"{alias!r} is {other!r}")
    if clashes:
        raise MappingError("\n".join(clashes) + f"\n(edit {registry.file_of('organisation', directory)} or the row)")
    return pd.Series(list(ids), index=companies["company_id"].tolist())


def chip_ids(chips: pd.DataFrame, path: Path, directory: Path | None = None) -> pd.Series:
    """Each chips.csv row's chip id: '<vendor> <chip>' first (a generic name such as DSP is registered with its
    maker), then the chip name alone."""
    qualified = [registry.resolve(f"{vendor} {chip}", "chip", directory) if not pd.isna(vendor) else None
                 for vendor, chip in zip(chips["vendor"], chips["chip"])]
    plain = chips["chip"].where([q is None for q in qualified])
    found = registry.harmonize(plain.reset_index(drop=True), "chip", f"{path} (column chip)", directory)
    return pd.Series([q or f for q, f in zip(qualified, found)], index=chips.index)


def entity_links(companies: pd.DataFrame, models: pd.DataFrame, chips: pd.DataFrame,
                 directory: Path | None = None, curated: Path | None = None) -> pd.DataFrame:
    """One row per curated company, model row and chip row: the registry entity it names and the countries."""
    where = (lambda name: (curated / f"{name}.csv") if curated else Path(f"{name}.csv"))  # noqa: E731
    org_of_company = company_organisations(companies, where("companies"), directory)
    families = registry.harmonize(models["model"].reset_index(drop=True), "model", f"{where('models')} (column model)",
                                  directory)
    company_org = lambda ids: [org_of_company.get(i) if isinstance(i, str) else None for i in ids]  # noqa: E731
    parts = [
        pd.DataFrame({"table": "companies", "key": companies["company_id"].tolist(), "name": companies["name"].tolist(),
                      "registry_kind": "organisation", "registry_id": org_of_company.tolist(),
                      "organisation_id": org_of_company.tolist(), "company_organisation_id": org_of_company.tolist(),
                      "country_curated": companies["country"].tolist()}),
        pd.DataFrame({"table": "models", "key": models["row_id"].tolist(), "name": models["model"].tolist(),
                      "registry_kind": "model", "registry_id": families.tolist(),
                      "organisation_id": registry.attribute(families, "model", "organisation", directory).tolist(),
                      "company_organisation_id": company_org(models["company_id"]),
                      "country_curated": models["country"].tolist()}),
    ]
    chip = chip_ids(chips, where("chips"), directory)
    parts.append(pd.DataFrame({"table": "chips", "key": chips["chip_id"].tolist(), "name": chips["chip"].tolist(),
                               "registry_kind": "chip", "registry_id": chip.tolist(),
                               "organisation_id": registry.attribute(chip, "chip", "maker", directory).tolist(),
                               "company_organisation_id": company_org(chips["company_id"]),
                               "country_curated": chips["country"].tolist()}))
    links = pd.concat(parts, ignore_index=True)
    links["country_curated"] = links["country_curated"].where(links["country_curated"].notna(), None)
    orgs = registry.entries("organisation", directory)
    known = links["organisation_id"].notna()
    for column, field in (("country_registry", "country"), ("country_source", "country_source")):
        links[column] = None
        links.loc[known, column] = links.loc[known, "organisation_id"].map(orgs[field])
    links["country_registry"] = links["country_registry"].where(links["country_registry"].notna(), None)
    links.loc[links["country_registry"].isna(), "country_source"] = None
    links["text_silent"] = links["country_curated"].isna()
    both = links["country_curated"].notna() & links["country_registry"].notna()
    links["countries_agree"] = pd.array([a == b if ok else pd.NA for a, b, ok in
                                         zip(links["country_curated"], links["country_registry"], both)], dtype="boolean")
    return EntityLinks.validate(links)

