"""Reviewed articles as warta's quote gold and as CoNLL NER (see :mod:`warta.gold_export`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import msgspec

from warta.article import Article
from warta.errors import CorrectionError
from warta.evaluation.quote_gold import gold_of_reviewed
from warta.storage import Store
from warta.storage.queries.corrections import ReviewedQuote

from .common import gold_articles

__all__ = ["conll_lines", "export_conll", "export_warta"]

_SPACE = re.compile(r"\s")


def export_warta(store: Store, out: Path, *, article_ids: Iterable[int] | None = None) -> int:
    """warta's quote gold (JSON Lines) of the reviewed articles, each carrying its text."""
    found = gold_articles(store, article_ids, out)
    enc = msgspec.json.Encoder()
    with out.open("wb") as fh:
        for r in found:
            fh.write(enc.encode(gold_of_reviewed(r.id, r.article, r.quotes, source=store.name, url=r.url)))
            fh.write(b"\n")
    return len(found)


def _bio(tokens: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tags of ``tokens`` (offsets) for ``spans`` (start, end, type), in order: a token is
    in a span when they overlap; a span over tokens another took already is left out (CoNLL
    has one tag a token)."""
    tags = ["O"] * len(tokens)
    for start, end, typ in spans:
        inside = [i for i, (ts, te) in enumerate(tokens) if ts < end and start < te]
        if not inside or any(tags[i] != "O" for i in inside):
            continue
        for n, i in enumerate(inside):
            tags[i] = f"{'B' if n == 0 else 'I'}-{typ}"
    return tags


def conll_lines(aid: int, article: Article, quotes: Sequence[ReviewedQuote]) -> list[str]:
    """One article as CoNLL lines: its ``-DOCSTART-`` line, then each sentence's tokens
    (``token QUOTE-TAG NER-TAG``) and a blank line.

    Raises:
        CorrectionError: the stored article has no sentences or tokens (analysed without
            the segmenter: nothing to write).
    """
    if not any(s.tokens for s in article.sentences):
        raise CorrectionError("the stored analysis has no tokens to write", source=f"article {aid}")
    mentions = sorted((m.start, m.end, m.label) for m in article.mentions)
    live = sorted((q.start, q.end, q.state.upper()) for q in quotes if not q.rejected)
    lines = [f"-DOCSTART- article={aid} O", ""]
    for sentence in article.sentences:
        tokens = [t for t in sentence.tokens if t.text.strip()]
        if not tokens:
            continue
        offsets = [(t.start, t.end) for t in tokens]
        ner = _bio(offsets, mentions)
        said = _bio(offsets, live)
        # A token holds no whitespace in CoNLL (columns are split on it).
        lines += [f"{_SPACE.sub('_', t.text)} {q} {n}" for t, q, n in zip(tokens, said, ner, strict=True)]
        lines.append("")
    return lines


def export_conll(store: Store, out: Path, *, article_ids: Iterable[int] | None = None) -> int:
    """CoNLL-2003-style NER of the reviewed articles, with their quotes' review state."""
    found = gold_articles(store, article_ids, out)
    lines: list[str] = []
    for r in found:
        lines += conll_lines(r.id, r.article, r.quotes)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(found)
