"""Link repeated quotes: the same words quoted again later in one article."""

from __future__ import annotations

import re
from collections.abc import Sequence

from warta.article import Quote

__all__ = ["link_repeats", "normalise"]

_WORD = re.compile(r"\w+")
# Near-identical: this share of the shorter quote's words (as a set) is in the longer one.
# 0.8 lets an article drop or change a word or two when it repeats a quote.
_OVERLAP = 0.8
_MIN_WORDS = 4  # shorter quotes repeat by chance ("Kami siap")


def normalise(s: str) -> list[str]:
    """Lower-case words, no punctuation or quote marks."""
    return _WORD.findall(s.lower())


def link_repeats(quotes: Sequence[Quote]) -> None:
    """Set ``repeat_of`` on each quote that repeats an earlier one (in place).

    Example:
        >>> from warta.article import Quote
        >>> qs = [Quote(kind="direct", start=0, end=1, text="Kami akan menindak tegas pelanggar"),
        ...       Quote(kind="direct", start=9, end=10, text="kami akan menindak tegas para pelanggar.")]
        >>> link_repeats(qs); qs[1].repeat_of
        0
    """
    seen: list[tuple[int, list[str], set[str]]] = []
    for i, q in enumerate(quotes):
        if q.kind == "partial":
            continue
        words = normalise(q.text)
        if len(words) < _MIN_WORDS:
            continue
        bag = set(words)
        for j, other, other_bag in seen:
            if other == words:
                q.repeat_of = j
                break
            small, big = (bag, other_bag) if len(bag) <= len(other_bag) else (other_bag, bag)
            if len(small) >= _MIN_WORDS and len(small & big) >= _OVERLAP * len(small):
                q.repeat_of = j
                break
        seen.append((i, words, bag))
