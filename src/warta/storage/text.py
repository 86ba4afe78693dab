"""Words, stems and content hashes, shared by the indexer, the searcher and the dupes finder."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache

__all__ = ["content_hash", "index_stems", "make_stemmer", "normalise_text", "word_spans", "words"]

# The word characters of SQLite's unicode61 tokenizer (letters and digits; "_" splits).
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-cased words as the FTS5 tokenizer sees them.

    Example:
        >>> words("Investasi asing-nya naik 5%.")
        ['investasi', 'asing', 'nya', 'naik', '5']
    """
    return [m.group().casefold() for m in _WORD.finditer(text)]


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, lower-cased word) for each word of ``text``."""
    for m in _WORD.finditer(text):
        yield m.start(), m.end(), m.group().casefold()


@cache
def make_stemmer() -> Callable[[str], str]:
    """The Indonesian stemmer (a shipped Sastrawi table, Sastrawi itself for the rest), cached per word.

    One per process: its cache grows with the corpus vocabulary, a few MB.
    """
    from warta.stages.summary.terms import Stemmer

    return Stemmer()


def index_stems(text: str, stem: Callable[[str], str]) -> str:
    """The stems of ``text`` that differ from their word, once each, for the FTS ``stems`` column.

    Example:
        >>> index_stems("Warga berinvestasi, investasinya naik", {"berinvestasi": "investasi",
        ...     "investasinya": "investasi"}.get)
        'investasi'
    """
    out: dict[str, None] = {}
    for w in words(text):
        s = stem(w)
        if s and s != w:
            out[s] = None
    return " ".join(out)


def normalise_text(text: str) -> str:
    """Text reduced to its words: NFKC, case-folded, punctuation and spacing ignored."""
    return " ".join(words(unicodedata.normalize("NFKC", text)))


def content_hash(text: str) -> str:
    """SHA-1 of :func:`normalise_text`: equal for copies that differ only in spacing, case or punctuation."""
    return hashlib.sha1(normalise_text(text).encode("utf-8", "surrogatepass")).hexdigest()
