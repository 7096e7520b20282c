"""Drafts of registry entries for a curator to review: every organisation name an outside source writes that the
registry (data/registry/organisations*.yml) does not resolve, as YAML lines built from the source's own fields.

    python -m cnai.registry_tools epoch_models        # Epoch's organisations, country from 'Country (of organization)'
    python -m cnai.registry_tools china_model_list    # the community list's 公司, country from its 省市 column

prints the drafts; a curator checks each line (merging a name into an existing entry as an alias where it is the
same organisation written differently) and appends it to the source's registry part (organisations_epoch.yml,
organisations_model_list.yml). The load never uses this module: the checked-in YAML is the data, and a name it lacks
fails the load.

Drafted fields: `en` (Epoch) or `zh_hans` (the list) is the name as written; `country` is the source's reading where
all the rows that give the name a country give the same one (Epoch: the row's country where the row names one organisation and one country, or
as many organisations as countries; the list: CN for a mainland 省市, HK, MO, TW for those; data/readings/countries.yml
turns Epoch's country names into codes) with `country_source: dataset`, else blank with `country_source: curator`
for the curator to fill or leave blank; `kind` is guessed from the name's ending (大学/University → university,
研究院/实验室/Institute/Lab → lab, else company) and must be checked.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
import unicodedata
from collections import defaultdict

import yaml

from . import paths, registry, snapshots
from .external import epoch_models as em
from .external import llm_list
from .external.common import read_csv, snapshot_file

UNIVERSITY = re.compile(r"大学|学院|University|College|Universit|École|Ecole|School|Institute of Technology|KAIST", re.I)
LAB = re.compile(r"研究院|研究所|实验室|研究室|中心|Lab|Institute|Centre|Center|Research|Academy|Laboratories", re.I)
REGIONS = {"香港": "HK", "澳门": "MO", "台湾": "TW"}


def kind_of(name: str) -> str:
    return "university" if UNIVERSITY.search(name) else "lab" if LAB.search(name) else "company"


def slug(name: str) -> str:
    """An id from an English name (lower case, a-z0-9_); a name without Latin letters gets `org_` and 8 hex digits
    of its hash (the curator may rename it)."""
    latin = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", "_", latin.casefold()).strip("_")
    if not re.search(r"[a-z]", text) or re.search(r"[^\x00-\x7f]", latin):
        return "org_" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return text[:48].rstrip("_")


def epoch_readings() -> dict[str, set[str | None]]:
    """Each organisation name in Epoch's two datasets → the country codes the rows give it (None: not one)."""
    codes = yaml.safe_load((paths.READINGS / "countries.yml").read_text(encoding="utf-8"))
    readings: dict[str, set[str | None]] = defaultdict(set)
    for file in em.FILES.values():
        raw = read_csv(snapshot_file(em.SOURCE, file))
        for organisation, country in zip(raw["Organization"], raw["Country (of organization)"]):
            for name, written in em.organisation_countries(organisation, country):
                readings[name].add(codes.get(written) if written else None)
    return readings


def model_list_readings() -> dict[str, set[str | None]]:
    """Each organisation the community list's 公司 cells name → the countries its 省市 cells give (None: blank)."""
    readings: dict[str, set[str | None]] = defaultdict(set)
    files = sorted(f.path for f in snapshots.snapshot(llm_list.SOURCE).files if llm_list.VERSION.match(f.path))
    for relative in files:
        for row in llm_list.version_rows(relative):
            province = (row.get("province") or "").strip()
            country = next((code for key, code in REGIONS.items() if key in province), "CN") if province else None
            for name in llm_list.organisations(llm_list.plain(row.get("company", ""))):
                readings[name].add(country)
    return readings


READERS = {"epoch_models": (epoch_readings, "en"), "china_model_list": (model_list_readings, "zh_hans")}


def draft(source: str) -> str:
    """YAML lines, one per name the registry does not resolve, sorted by name."""
    reader, field = READERS[source]
    lines = []
    for name, countries in sorted(reader().items(), key=lambda item: item[0].casefold()):
        if registry.resolve(name, "organisation") is not None:
            continue
        known = {c for c in countries if c}
        country = next(iter(known)) if len(known) == 1 else None  # rows that give no reading do not count
        entry = {"id": slug(name), field: name, "aliases": [], "country": country,
                 "country_source": "dataset" if country else "curator", "kind": kind_of(name)}
        text = "- " + yaml.safe_dump({k: v for k, v in entry.items() if v is not None}, allow_unicode=True,
                                     default_flow_style=True, sort_keys=False, width=1000).strip()
        readings = ", ".join(sorted(c or "none" for c in countries))
        lines.append(text + ("" if country else f"  # source's countries: {readings}"))
    return "\n".join(lines) + ("\n" if lines else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", choices=sorted(READERS))
    args = parser.parse_args(argv)
    sys.stdout.write(draft(args.source))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
