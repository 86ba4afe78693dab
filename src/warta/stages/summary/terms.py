"""Content terms of a sentence: lower-cased, stop words out, stemmed.

Stemming looks a word up in a table precomputed with Sastrawi over news corpora
(``resources/stems.tsv``); a word missing from it goes through Sastrawi itself, once per
process, and the result is cached. Sastrawi is slow (about 0.1 ms a word), so the table
keeps the stage fast while its output matches Sastrawi's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from warta.stages.summary.resources import stem_table, stemmer_affixes, stopwords

__all__ = ["Stemmer", "content_terms", "is_word"]

# Words shorter than this carry no affix Sastrawi would strip ("di", "ke", "dan").
_MIN_STEM_LEN = 5


def is_word(token: str) -> bool:
    """True when the token has a letter or digit (punctuation and quote marks are not words)."""
    return any(c.isalnum() for c in token)


@cache
def _may_be_affixed() -> re.Pattern[str]:
    """A word with an affix Sastrawi strips; a word with none comes back unchanged, so it need
    not pay for the call (most unknown words are names)."""
    affixes = stemmer_affixes()
    start = "|".join([*affixes["prefix"], *("." + a for a in affixes["infix"])])
    return re.compile(rf"^(?:{start})|(?:{'|'.join(affixes['suffix'])})$")


class Stemmer:
    """Indonesian stemmer: shipped table first, Sastrawi for the rest (cached).

    Example:
        >>> Stemmer(table={"dicatatkan": "catat"}, fallback=None)("dicatatkan")
        'catat'
    """

    def __init__(
        self,
        *,
        table: dict[str, str] | None = None,
        fallback: Callable[[str], str] | bool | None = True,
    ) -> None:
        self._cache: dict[str, str] = dict(stem_table() if table is None else table)
        self._fallback_opt = fallback
        self._fallback: Callable[[str], str] | None = None

    def _sastrawi(self) -> Callable[[str], str] | None:
        if self._fallback is None and self._fallback_opt is not None and self._fallback_opt is not False:
            if callable(self._fallback_opt):
                self._fallback = self._fallback_opt
            else:
                from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

                stemmer: Any = StemmerFactory().create_stemmer()
                self._fallback = stemmer.stem
        return self._fallback

    def __call__(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            stem = word
            if len(word) >= _MIN_STEM_LEN and word.isalpha() and _may_be_affixed().search(word):
                fallback = self._sastrawi()
                if fallback is not None:
                    stem = fallback(word) or word
            self._cache[word] = stem
        return stem


# Per token text: its lower-cased form when it is a content word, else None (a stop word
# or punctuation). Cleared when full: a corpus has a long tail.
_CONTENT: dict[str, str | None] = {}
_CONTENT_LIMIT = 200_000


def _content(tok: str) -> str | None:
    low = tok.lower()
    out = None if low in stopwords() or not is_word(low) else low
    if len(_CONTENT) >= _CONTENT_LIMIT:
        _CONTENT.clear()
    _CONTENT[tok] = out
    return out


def content_terms(tokens: Iterable[str], stem: Callable[[str], str]) -> list[str]:
    """The stemmed content words of a token sequence.

    Example:
        >>> content_terms(["Polisi", "menangkap", "dua", "tersangka", "."], lambda w: w)
        ['polisi', 'menangkap', 'tersangka']
    """
    known = _CONTENT
    out = []
    for tok in tokens:
        low = known[tok] if tok in known else _content(tok)
        if low is not None:
            out.append(stem(low))
    return out
