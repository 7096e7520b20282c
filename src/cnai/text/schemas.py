"""Schemas of the tables the text pipeline makes from the cleaned paragraphs."""
from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series


class Tokens(pa.DataFrameModel):
    """One row per content word (jieba with the project dictionary, stop words removed)."""
    para_id: Series[str]
    doc_id: Series[str]
    part_id: Series[str]
    position: Series[int] = pa.Field(ge=0)
    token: Series[str] = pa.Field(str_length={"min_value": 2})
    pos: Series[str] = pa.Field(description="jieba part-of-speech tag (nz: model or product, nt: organisation …)")

    class Config:
        strict = True


class Keywords(pa.DataFrameModel):
    """Top keywords per document or per part, by TF-IDF and by TextRank."""
    doc_id: Series[str]
    part_id: Series[str] = pa.Field(nullable=True, description="null for whole-document keywords")
    method: Series[str] = pa.Field(isin=["tfidf", "textrank"])
    rank: Series[int] = pa.Field(ge=1)
    word: Series[str]
    weight: Series[float] = pa.Field(ge=0)

    class Config:
        strict = True
        unique = ["doc_id", "part_id", "method", "rank"]


TOPICS = ["race", "policy", "chips", "robotics", "commercialization"]


class ParagraphTopics(pa.DataFrameModel):
    """Which chapter topics a body paragraph speaks to (data/dict/topics.yml: any of the topic's terms)."""
    para_id: Series[str]
    doc_id: Series[str]
    topic: Series[str] = pa.Field(isin=TOPICS)
    topic_name: Series[str]
    hits: Series[int] = pa.Field(ge=1, description="occurrences of the topic's terms in the paragraph")

    class Config:
        strict = True
        unique = ["para_id", "topic"]


class TopicKeywords(pa.DataFrameModel):
    """Top keywords of all paragraphs on a topic, by TF-IDF and by TextRank."""
    topic: Series[str] = pa.Field(isin=TOPICS)
    method: Series[str] = pa.Field(isin=["tfidf", "textrank"])
    rank: Series[int] = pa.Field(ge=1)
    word: Series[str]
    weight: Series[float] = pa.Field(ge=0)

    class Config:
        strict = True
        unique = ["topic", "method", "rank"]


SCHEMAS = {
    "tokens": Tokens,
    "keywords": Keywords,
    "paragraph_topics": ParagraphTopics,
    "topic_keywords": TopicKeywords,
}
