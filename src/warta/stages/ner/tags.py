"""BIO/BILOU tags and the entity spans they mark, as conlleval reads them.

Used by the tagger (:mod:`warta.stages.ner.model`) and by the NER evaluation alike, so that
both read chunks the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["entity_spans"]


def _split(tag: str) -> tuple[str, str]:
    if tag == "O" or len(tag) < 3:
        return "O", ""
    return tag[0], tag[2:]


def entity_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Chunks ``(start, end, type)`` (end exclusive) as conlleval reads the tags.

    Example:
        >>> entity_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"])
        [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'LOC'), (5, 6, 'ORG')]
    """
    spans: list[tuple[int, int, str]] = []
    start = -1
    prev_kind, prev_type = "O", ""
    for i, tag in enumerate(labels):
        kind, typ = _split(tag)
        # conlleval endOfChunk / startOfChunk
        ends = start >= 0 and (kind in ("O", "B", "S") or typ != prev_type or prev_kind in ("E", "S"))
        if ends:
            spans.append((start, i, prev_type))
            start = -1
        if kind != "O" and start < 0:
            start = i
        prev_kind, prev_type = kind, typ
    if start >= 0:
        spans.append((start, len(labels), prev_type))
    return spans
