"""Segmentation: jieba loaded with the project dictionary and stop words, tagging and content tokens."""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import CorpusError

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


def stop_words() -> frozenset[str]:
    return lexicon().stops


def segment(text: str) -> list[str]:
    """All tokens of a text, punctuation included."""
    return tokenizer().lcut(text)


def is_content(token: str, stops: frozenset[str]) -> bool:
    """A word worth counting: two or more characters, not a number or punctuation, not a stop word."""
    return bool(_CONTENT.match(token)) and token not in stops and token.lower() not in stops


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
