"""Lazy, cached language data of the segmenter (``resources/``).

Nothing is read at import time: :func:`load_resources` reads the word lists on its
first call and keeps them for the life of the process (one copy per worker).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from warta.errors import ResourceError
from warta.resources import resource_words

__all__ = ["SegmentResources", "load_resources"]


@dataclass(frozen=True, slots=True)
class SegmentResources:
    """The word lists the sentence splitter and tokenizer consult (all lower case).

    Attributes:
        titles: abbreviations that never end a sentence (``jl``, ``no``, ``prof``).
        name_abbreviations: abbreviations next to a name that may end one (``pt``, ``rs``).
        abbreviations: other abbreviations (``dll``, ``tbk``, ``s.h``); a period after one
            ends a sentence only when the next word starts with a capital.
        sentence_starters: words that often open a sentence (``namun``, ``ia``, ``pada``).
        tlds: top-level domains, for tokens such as ``detik.com``.
        hyphenated_words: hyphenated dictionary words, one token each (``asal-usul``).
        hyphen_prefixes: morphemes a hyphen joins before a word (``se``, ``non``, ``ke``).
        hyphen_suffixes: morphemes a hyphen joins after a word (``nya``, ``an``).
    """

    titles: frozenset[str]
    name_abbreviations: frozenset[str]
    abbreviations: frozenset[str]
    sentence_starters: frozenset[str]
    tlds: tuple[str, ...]
    hyphenated_words: frozenset[str]
    hyphen_prefixes: frozenset[str]
    hyphen_suffixes: frozenset[str]


def _words(name: str) -> frozenset[str]:
    return resource_words("segment", name)


def _affixes(kind: str) -> frozenset[str]:
    pairs = [line.split() for line in _words("hyphen_affixes.txt")]
    bad = [" ".join(p) for p in pairs if len(p) != 2 or p[0] not in ("prefix", "suffix")]
    if bad:
        raise ResourceError(f"stages/segment/resources/hyphen_affixes.txt: bad lines {bad}")
    return frozenset(p[1] for p in pairs if p[0] == kind)


@cache
def load_resources() -> SegmentResources:
    """Read the segmenter's word lists once per process."""
    return SegmentResources(
        titles=_words("titles.txt"),
        name_abbreviations=_words("name_abbreviations.txt"),
        abbreviations=_words("abbreviations.txt"),
        sentence_starters=_words("sentence_starters.txt"),
        # Longest first, so that a regex alternation prefers "co.id" over "co".
        tlds=tuple(sorted(_words("tlds.txt"), key=lambda t: (-len(t), t))),
        hyphenated_words=_words("hyphenated_words.txt"),
        hyphen_prefixes=_affixes("prefix"),
        hyphen_suffixes=_affixes("suffix"),
    )
