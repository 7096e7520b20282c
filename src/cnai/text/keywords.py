"""Keywords: jieba's TF-IDF and TextRank on text tagged once by the segmentation step."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

import pandas as pd

from .segment import Lexicon, is_content, lexicon

KEYWORD_POS = ("n", "nz", "nt", "ns", "nr", "vn", "eng")


@lru_cache(maxsize=1)
def _idf() -> tuple[dict[str, float], float]:
    import jieba.analyse

    return jieba.analyse.TFIDF().idf_loader.get_idf()


def _candidate(word: str, pos: str, stops: frozenset[str]) -> bool:
    return pos in KEYWORD_POS and is_content(word, stops)


def tfidf_keywords(sequences: list[list[tuple[str, str]]], top: int, stops: frozenset[str]) -> list[tuple[str, float]]:
    """jieba's TF-IDF (its bundled IDF table; unknown words get the median IDF) on pre-tagged text."""
    idf, median = _idf()
    counts = Counter(w for seq in sequences for w, p in seq if _candidate(w, p, stops))
    total = sum(counts.values()) or 1
    scored = {w: c * idf.get(w, median) / total for w, c in counts.items()}
    return sorted(scored.items(), key=lambda item: (-item[1], item[0]))[:top]


def textrank_keywords(sequences: list[list[tuple[str, str]]], top: int, stops: frozenset[str],
                      span: int = 5) -> list[tuple[str, float]]:
    """jieba's TextRank (co-occurrence within `span` tokens, its weighted graph) on pre-tagged text."""
    from jieba.analyse.textrank import UndirectWeightedGraph

    pairs: Counter = Counter()
    for seq in sequences:
        for i, (word, pos) in enumerate(seq):
            if not _candidate(word, pos, stops):
                continue
            for j in range(i + 1, min(i + span, len(seq))):
                if _candidate(*seq[j], stops):
                    pairs[(word, seq[j][0])] += 1
    graph = UndirectWeightedGraph()
    for (a, b), weight in pairs.items():
        graph.addEdge(a, b, weight)
    ranks = graph.rank() if pairs else {}
    return sorted(ranks.items(), key=lambda item: (-item[1], item[0]))[:top]


def keywords(tagged: pd.DataFrame, by: list[str], top: int = 20, lex: Lexicon | None = None) -> pd.DataFrame:
    """TF-IDF and TextRank keywords per group of tagged paragraphs, e.g. by=["doc_id"] or ["doc_id", "part_id"]."""
    stops = (lex or lexicon()).stops
    rows = []
    for key, group in tagged.groupby(by, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        sequences = list(group["tagged"])
        for method, extract in (("tfidf", tfidf_keywords), ("textrank", textrank_keywords)):
            for rank, (word, weight) in enumerate(extract(sequences, top, stops), start=1):
                rows.append((*key, method, rank, word, round(float(weight), 6)))
    return pd.DataFrame(rows, columns=[*by, "method", "rank", "word", "weight"])
