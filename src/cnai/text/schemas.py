"""Schemas of the tables the text pipeline makes from the cleaned paragraphs."""
from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series


class Tokens(pa.DataFrameModel):
    """One row per content word (jieba with the project dictionary, stop words removed)."""
    para_id: Series[str] = pa.Field(title="段落编号", description="doc_id:part_id:para_no")
    doc_id: Series[str] = pa.Field(title="来源文档", description="readable id of the source document (data/raw/sources.yml)")
    part_id: Series[str] = pa.Field(title="章节")
    position: Series[int] = pa.Field(title="位置", description="position of the token among the paragraph's content tokens, from 0", ge=0)
    token: Series[str] = pa.Field(title="词", description="content word", str_length={"min_value": 2})
    pos: Series[str] = pa.Field(title="词性", description="jieba part-of-speech tag (nz: model or product, nt: organisation …)")

    class Config:
        strict = True


class Keywords(pa.DataFrameModel):
    """Top keywords per document or per part, by TF-IDF and by TextRank."""
    doc_id: Series[str] = pa.Field(title="来源文档", description="readable id of the source document (data/raw/sources.yml)")
    part_id: Series[str] = pa.Field(title="章节", nullable=True, description="null for whole-document keywords")
    method: Series[str] = pa.Field(title="方法", description="tfidf or textrank", isin=["tfidf", "textrank"])
    rank: Series[int] = pa.Field(title="排名", description="rank within the group, from 1", ge=1)
    word: Series[str] = pa.Field(title="关键词")
    weight: Series[float] = pa.Field(title="权重", description="the method's score", ge=0)

    class Config:
        strict = True
        unique = ["doc_id", "part_id", "method", "rank"]


TOPICS = ["race", "policy", "chips", "robotics", "commercialization"]


class ParagraphTopics(pa.DataFrameModel):
    """Which chapter topics a body paragraph speaks to (data/dict/topics.yml: any of the topic's terms)."""
    para_id: Series[str] = pa.Field(title="段落编号", description="doc_id:part_id:para_no")
    doc_id: Series[str] = pa.Field(title="来源文档", description="readable id of the source document (data/raw/sources.yml)")
    topic: Series[str] = pa.Field(title="主题", description="chapter topic key (data/dict/topics.yml)", isin=TOPICS)
    topic_name: Series[str] = pa.Field(title="主题名", description="Chinese name of the topic")
    hits: Series[int] = pa.Field(title="命中次数", ge=1, description="occurrences of the topic's terms in the paragraph")

    class Config:
        strict = True
        unique = ["para_id", "topic"]


class TopicKeywords(pa.DataFrameModel):
    """Top keywords of all paragraphs on a topic, by TF-IDF and by TextRank."""
    topic: Series[str] = pa.Field(title="主题", description="chapter topic key (data/dict/topics.yml)", isin=TOPICS)
    method: Series[str] = pa.Field(title="方法", description="tfidf or textrank", isin=["tfidf", "textrank"])
    rank: Series[int] = pa.Field(title="排名", description="rank within the group, from 1", ge=1)
    word: Series[str] = pa.Field(title="关键词")
    weight: Series[float] = pa.Field(title="权重", description="the method's score", ge=0)

    class Config:
        strict = True
        unique = ["topic", "method", "rank"]


SCHEMAS = {
    "tokens": Tokens,
    "keywords": Keywords,
    "paragraph_topics": ParagraphTopics,
    "topic_keywords": TopicKeywords,
}
