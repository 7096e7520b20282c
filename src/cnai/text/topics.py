"""Topics: which chapter topic a paragraph speaks to, from the terms listed in data/dict/topics.yml."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from ..errors import CorpusError


def read_topics(path: Path) -> dict[str, dict]:
    """Topic definitions: {key: {"name": 中文名, "terms": [...]}}; a malformed file is an error naming it."""
    import yaml

    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    topics = raw.get("topics") if isinstance(raw, dict) else None
    if not isinstance(topics, dict) or not topics:
        raise CorpusError(f"{path}: expected a mapping 'topics' of topic keys")
    for key, spec in topics.items():
        if not isinstance(spec, dict) or not spec.get("name") or not spec.get("terms"):
            raise CorpusError(f"{path}: topic {key!r} needs a 'name' and a non-empty list of 'terms'")
    return topics


def paragraph_topics(tagged: pd.DataFrame, topics: dict[str, dict]) -> pd.DataFrame:
    """(paragraph, topic) pairs: the paragraph's words include at least one of the topic's terms."""
    rows = []
    for para in tagged.itertuples(index=False):
        words = Counter(word for word, _ in para.tagged)
        for key, spec in topics.items():
            hits = sum(words[term] for term in spec["terms"])
            if hits:
                rows.append((para.para_id, para.doc_id, key, spec["name"], hits))
    return pd.DataFrame(rows, columns=["para_id", "doc_id", "topic", "topic_name", "hits"])
