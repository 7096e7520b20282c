"""The official documents of the snapshot cac_miit_tc260 as corpus documents: the AI rule that chooses them
(data/dict/official_ai.yml) and the manifest entries made from the snapshot's metadata (data/raw/official.yml).

`python -m cnai.corpus.official` writes data/raw/official.yml; `--check` only says whether it is current. The file
is generated, never edited by hand: the manifest stays the one source of truth, and a test checks that it is what
this module makes from the snapshot and the rule.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from .. import paths
from ..errors import CorpusError
from . import rows

SNAPSHOT = "cac_miit_tc260"
MANIFEST = paths.RAW / "official.yml"
RULE = paths.DICT_DIR / "official_ai.yml"


class Site(BaseModel):
    table: str
    short: str
    outlet: str
    layout: str


SITES = {
    "cac": Site(table="cac_all_policies.csv", short="网信办", outlet="国家互联网信息办公室", layout="cac_page"),
    "miit": Site(table="miit_all_policies.csv", short="工信部", outlet="工业和信息化部", layout="miit_page"),
    "tc260": Site(table="tc260_all_policies.csv", short="网安标委", outlet="全国网络安全标准化技术委员会",
                  layout="tc260_page"),
}


class AiRule(BaseModel):
    """data/dict/official_ai.yml: terms, and how often a title or a text must name them."""
    model_config = ConfigDict(extra="forbid")
    terms: list[str] = Field(min_length=1)
    title_min: int = Field(ge=1)
    text_min: int = Field(ge=1)

    def hits(self, text: str) -> int:
        """Occurrences of the terms, longest first and without overlap."""
        pattern = "|".join(re.escape(t) for t in sorted(self.terms, key=len, reverse=True))
        return len(re.findall(pattern, text))

    def is_ai(self, title: str, text: str) -> bool:
        return self.hits(title) >= self.title_min or self.hits(text.replace(title, "")) >= self.text_min


def read_rule(path: Path = RULE) -> AiRule:
    try:
        return AiRule.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except Exception as exc:  # a malformed rule file, whatever the parser says
        raise CorpusError(f"{path}: malformed AI rule: {exc}") from None


def doc_id(site: str, date: str, url: str) -> str:
    """Stable id: site, date and a short hash of the URL (the row's key)."""
    return f"{site}_{date.replace('-', '')}_{hashlib.sha1(url.encode()).hexdigest()[:6]}"


def _core(title: str) -> str:
    """The title without the issuer's 'X关于' and the 'the notice on issuing …' wrapper."""
    core = re.sub(r"^.*?关于(?:印发|发布|公布|开展)?", "", title.strip().lstrip("\u200b"))
    core = re.sub(r"的(?:通知|公告|通告)(?=（|$)", "", core).replace("中华人民共和国工业和信息化部", "").replace("已备案信息", "备案")
    return core or title


def _label(site: Site, title: str, date: str, used: set[str]) -> str:
    label = f"{site.short} {_core(title)}"
    if len(label) > 30:
        label = label[:29] + "…"
    if label in used:
        label = f"{site.short} {date} {_core(title)}"[:29] + "…"
    if label in used:
        raise CorpusError(f"two official documents get the label {label!r}; make _label tell them apart")
    used.add(label)
    return label


def entries(external_dir: Path = paths.EXTERNAL, rule: AiRule | None = None) -> list[dict]:
    """Manifest entries of the snapshot rows the AI rule keeps, in site and date order."""
    rule = rule or read_rule()
    _, text_column = rows.fields(SNAPSHOT)
    out: list[dict] = []
    used: set[str] = set()
    for key, site in SITES.items():
        table = rows.table_rows(SNAPSHOT, site.table, external_dir)
        chosen = [r for r in table.values() if rule.is_ai(r["title"], r[text_column])]
        for row in sorted(chosen, key=lambda r: (r["publication_date"], r["url"])):
            title, date, url = row["title"].strip().lstrip("\u200b"), row["publication_date"], row["url"]
            out.append({
                "id": doc_id(key, date, url),
                "label": _label(site, title, date, used),
                "snapshot": SNAPSHOT, "table": site.table, "row_key": url,
                "kind": "official_document", "layout": site.layout,
                "outlet": site.outlet, "issuer": row["issuing_department"] or None,
                "outlet_evidence": f"published on the {site.short} site ({url.split('/')[2]})",
                "date": date, "date_precision": "day",
                "date_note": "publication_date of the collection"
                             + ("; on MIIT pages it is the 成文日期 (the page's 发布日期 is in the metadata table)"
                                if key == "miit" else ""),
                "language": "zh", "script": "Hans", "url": url,
                "extraction": "text of the web page as collected (snapshot cac_miit_tc260), site navigation and "
                              "footer included",
                "title": title,
            })
    return out


HEADER = """\
# Official documents of the snapshot data/raw/external/cac_miit_tc260 that join the corpus: GENERATED by
# `python -m cnai.corpus.official` from the snapshot's metadata and the AI rule data/dict/official_ai.yml; do not
# edit by hand. Each document is one row of a snapshot file (snapshot, table, row_key = the row's url), covered by
# the snapshot's checksums. data/raw/sources.yml includes this file.
"""


def render(documents: list[dict]) -> str:
    body = yaml.safe_dump({"documents": documents}, allow_unicode=True, sort_keys=False, width=120)
    return HEADER + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if data/raw/official.yml is not current")
    args = parser.parse_args(argv)
    text = render(entries())
    current = MANIFEST.read_text(encoding="utf-8") if MANIFEST.exists() else ""
    if args.check:
        print("current" if text == current else f"{MANIFEST} is stale: run python -m cnai.corpus.official")
        return 0 if text == current else 1
    MANIFEST.write_text(text, encoding="utf-8")
    print(f"{MANIFEST}: {text.count('- id: ')} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
