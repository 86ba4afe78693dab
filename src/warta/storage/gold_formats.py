"""Reviewed articles as gold in other formats: warta's quote gold, CoNLL NER and spaCy.

``warta export-gold --format FORMAT`` writes the reviewed articles of a store (every article
with a quote a reviewer confirmed or corrected, or the articles asked for):

- ``warta``: warta's quote gold (``docs/gold-quotes.md``), one JSON line per article, which
  ``warta eval quotes --data FILE --format warta`` scores. The articles of a user's store are
  in no corpus of ``../shared``, so each line carries its text (the store's own data, for a
  file kept outside the repository), its sha1, title, address and date; a confirmed or
  corrected quote is an item, an unreviewed one an ``uncertain`` item, a rejected one is
  listed under ``rejected``; each with its review (state, reviewers, fields corrected).
- ``conll``: CoNLL-2003-style NER, ``token QUOTE-TAG NER-TAG`` a line, a blank line between
  sentences, ``-DOCSTART- article=ID O`` before each article. Tokens and sentences are the
  stored analysis's, the NER tags (BIO) its entity mentions; the middle column tags the
  quotes (BIO) with their review state (``B-CONFIRMED``, ``I-CORRECTED``, ``B-UNREVIEWED``;
  rejected quotes are ``O``). warta's own reader (:func:`warta.evaluation.conll.read_ner_file`,
  ``format="conll"``) reads it back: the token is the first column, the tag the last.
- ``spacy``: a ``DocBin`` (:mod:`warta.storage.gold_spacy`).
- ``label-studio``: tasks for Label Studio (:mod:`warta.storage.gold`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal, get_args

import msgspec

from warta.article import Article
from warta.errors import CorrectionError
from warta.evaluation.quote_gold import gold_of_reviewed

from .queries.corrections import ReviewedArticle, ReviewedQuote, reviewed_articles
from .repository import Store

__all__ = [
    "GOLD_FORMATS",
    "GoldFormat",
    "conll_lines",
    "export_conll",
    "export_gold",
    "export_warta",
    "gold_articles",
]

GoldFormat = Literal["warta", "label-studio", "conll", "spacy"]
GOLD_FORMATS: tuple[str, ...] = get_args(GoldFormat)

_SPACE = re.compile(r"\s")


def gold_articles(store: Store, article_ids: Iterable[int] | None, out: Path) -> list[ReviewedArticle]:
    """The articles to export: ``article_ids``, or every reviewed one.

    Raises:
        CorrectionError: an id names no article, or no quote is reviewed (W110).
    """
    found = reviewed_articles(store, article_ids=list(article_ids) if article_ids is not None else None)
    if not found:
        raise CorrectionError(
            "no reviewed quote in the store: review some first (or name articles with --article)",
            source=store.name,
        )
    return found


def export_gold(
    store: Store, out: Path, *, format: GoldFormat, article_ids: Iterable[int] | None = None
) -> int:
    """Write the reviewed articles (or ``article_ids``) of ``store`` to ``out`` as ``format``
    gold (see the module docstring); returns how many articles.

    Raises:
        CorrectionError: an unknown format, an id that names no article, or nothing reviewed (W110).
        MissingExtraError: ``spacy`` without spaCy installed (W303).
    """
    if format == "warta":
        return export_warta(store, out, article_ids=article_ids)
    if format == "conll":
        return export_conll(store, out, article_ids=article_ids)
    if format == "spacy":
        from .gold_spacy import export_spacy

        return export_spacy(store, out, article_ids=article_ids)
    if format == "label-studio":
        from .gold import export_label_studio

        return export_label_studio(store, out, article_ids=article_ids)
    raise CorrectionError(
        f"unknown gold format {format!r}; one of {', '.join(GOLD_FORMATS)}", source=str(out)
    )


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
