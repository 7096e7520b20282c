"""The one text pipeline: jieba with the project dictionary and stop words, segmentation and keywords."""
from __future__ import annotations

import logging
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .manifest import CorpusError

KEYWORD_POS = ("n", "nz", "nt", "ns", "nr", "vn", "eng")
_DICT_LINE = re.compile(r"^(\S+)(?: (\d+))?(?: ([a-z]+))?$")
_CONTENT = re.compile(r"^(?:[\u4e00-\u9fff]{2,}|[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9.+#\-]*[A-Za-z0-9\u4e00-\u9fff])$")


def read_user_dict(path: Path = paths.USER_DICT) -> list[tuple[str, int | None, str | None]]:
    """Entries of a jieba user dictionary, checked line by line (jieba itself silently misreads bad lines)."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _DICT_LINE.match(line)
        if not match:
            raise CorpusError(
                f"{path}:{number}: malformed dictionary line {line!r}: expected 'word [freq] [pos]' separated by single spaces"
            )
        word, freq, pos = match.groups()
        if pos is None:
            raise CorpusError(f"{path}:{number}: {word!r} has no part-of-speech tag; keyword filters would drop it")
        entries.append((word, int(freq) if freq else None, pos))
    return entries


def read_stop_words(path: Path = paths.STOP_WORDS) -> frozenset[str]:
    """Project stop words plus the stopwordsiso Chinese list (MIT licence)."""
    import stopwordsiso

    own = {
        line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines()
        if line.strip() and not line.startswith("#")
    }
    return frozenset(own | set(stopwordsiso.stopwords("zh")))


class Lexicon:
    """jieba loaded with one user dictionary, plus one stop-word list."""

    def __init__(self, user_dict: Path, stop_file: Path):
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)  # jieba logs to stderr on first use otherwise
        entries = read_user_dict(user_dict)
        self.stops = read_stop_words(stop_file)
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.initialize()
        for word, freq, _ in entries:
            self.tokenizer.add_word(word, freq)
        self.pos = jieba.posseg.POSTokenizer(self.tokenizer)
        for word, _, tag in entries:
            self.pos.word_tag_tab[word] = tag


def lexicon(user_dict: Path = paths.USER_DICT, stop_file: Path = paths.STOP_WORDS) -> Lexicon:
    """The lexicon for these files, reused while their contents stay the same."""
    return _lexicon(user_dict, stop_file, user_dict.read_bytes() + b"\0" + stop_file.read_bytes())


@lru_cache(maxsize=4)
def _lexicon(user_dict: Path, stop_file: Path, contents: bytes) -> Lexicon:
    return Lexicon(user_dict, stop_file)


def tokenizer():
    return lexicon().tokenizer


def pos_tokenizer():
    return lexicon().pos


def stop_words() -> frozenset[str]:
    return lexicon().stops


def segment(text: str) -> list[str]:
    """All tokens of a text, punctuation included."""
    return tokenizer().lcut(text)


def is_content(token: str, stops: frozenset[str]) -> bool:
    """A word worth counting: two or more characters, not a number or punctuation, not a stop word."""
    return bool(_CONTENT.match(token)) and token not in stops and token.lower() not in stops


def content_tokens(text: str) -> list[str]:
    stops = stop_words()
    return [t for t in segment(text) if is_content(t, stops)]


def tag(text: str, lex: Lexicon | None = None) -> list[tuple[str, str]]:
    """(word, part of speech) for every token of a text."""
    return [(pair.word, pair.flag) for pair in (lex or lexicon()).pos.lcut(text)]


def tagged_paragraphs(paragraphs: pd.DataFrame, lex: Lexicon | None = None,
                      kinds: tuple[str, ...] = ("body", "heading")) -> pd.DataFrame:
    """The chosen paragraphs with a `tagged` column; tagging is the slow step, so it runs once per paragraph."""
    chosen = paragraphs[paragraphs["kind"].isin(kinds)]
    return chosen.assign(tagged=[tag(text, lex) for text in chosen["text"]])


def token_frame(tagged: pd.DataFrame, lex: Lexicon | None = None) -> pd.DataFrame:
    """One row per content token, in reading order."""
    stops = (lex or lexicon()).stops
    rows = [
        (para.para_id, para.doc_id, para.part_id, position, word, pos)
        for para in tagged.itertuples(index=False)
        for position, (word, pos) in enumerate((w, f) for w, f in para.tagged if is_content(w, stops))
    ]
    return pd.DataFrame(rows, columns=["para_id", "doc_id", "part_id", "position", "token", "pos"])


def frequencies(tokens: pd.DataFrame, top: int | None = None) -> Counter:
    counts = Counter(tokens["token"])
    return Counter(dict(counts.most_common(top))) if top else counts


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
