"""Hand-built articles for the entity stage: text, sentences and tagged mentions.

Imported by name (``from entityhelpers import ...``), like ``tests/io/iohelpers.py``.

The NER stage is not run here; each test states the mentions a tagger would give,
mistakes included, as spaCy's conventions ask.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from warta.article import Article, EntityLabel, Mention, Sentence

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences_of(text: str) -> list[Sentence]:
    """Naive sentence spans (split after . ! ? and a space); enough for these tests."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append(Sentence(start=start, end=m.start(), paragraph=0))
        start = m.end()
    if start < len(text):
        out.append(Sentence(start=start, end=len(text.rstrip()), paragraph=0))
    return out


def tag(text: str, tagged: Sequence[tuple[str, EntityLabel]]) -> list[Mention]:
    """Mentions for ``tagged`` surfaces, found left to right in ``text``, none overlapping."""
    mentions, pos = [], 0
    for surface, label in tagged:
        start = text.index(surface, pos)
        mentions.append(Mention(start=start, end=start + len(surface), text=surface, label=label))
        pos = start + len(surface)
    return mentions


def article(text: str, tagged: Sequence[tuple[str, EntityLabel]], *, id: str = "t1") -> Article:
    """An Article with sentences and mentions filled by hand."""
    return Article(
        id=id,
        raw=text,
        text=text,
        sentences=sentences_of(text),
        mentions=tag(text, tagged),
        provided=["text", "sentences", "mentions"],
    )
