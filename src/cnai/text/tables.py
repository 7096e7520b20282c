"""The text stage's tables: tokens, keywords and topics of the cleaned paragraphs."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import paths
from ..corpus.tables import validate
from .keywords import keywords
from .schemas import SCHEMAS
from .segment import lexicon, tagged_paragraphs, token_frame
from .topics import paragraph_topics, read_topics


def dict_lexicon(dict_dir: Path):
    return lexicon(dict_dir / paths.USER_DICT.name, dict_dir / paths.STOP_WORDS.name)


def text_tables(paragraphs: pd.DataFrame, documents: pd.DataFrame, dict_dir: Path,
                tagged: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Segment every body paragraph once (unless `tagged` holds them already, e.g. from the per-document cache),
    then count tokens, keywords per document and part, and topics."""
    lex = dict_lexicon(dict_dir)
    if tagged is None:
        tagged = tagged_paragraphs(paragraphs, lex)
    tables = {"tokens": token_frame(tagged, lex)}
    by_doc = keywords(tagged, by=["doc_id"], lex=lex).assign(part_id=None)
    by_part = keywords(tagged, by=["doc_id", "part_id"], lex=lex)
    tables["keywords"] = pd.concat([by_doc, by_part], ignore_index=True)[
        ["doc_id", "part_id", "method", "rank", "word", "weight"]]
    topics = read_topics(dict_dir / paths.TOPICS.name)
    tables["paragraph_topics"] = paragraph_topics(tagged, topics)
    in_topic = tagged.merge(tables["paragraph_topics"][["para_id", "topic"]], on="para_id")
    tables["topic_keywords"] = keywords(in_topic, by=["topic"], lex=lex)
    return {name: validate(name, SCHEMAS[name], frame, documents) for name, frame in tables.items()}
