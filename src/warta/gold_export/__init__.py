"""Reviewed articles as gold: warta's quote gold, CoNLL NER, spaCy and Label Studio.

``warta export-gold --format FORMAT`` writes the reviewed articles of a store (every article
with a quote a reviewer confirmed or corrected, or the articles asked for). The exports sit
above both the store (they ask its read layer) and :mod:`warta.evaluation` (whose gold
schema they write), which never import each other.

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
- ``spacy``: a ``DocBin`` (:mod:`warta.gold_export.docbin`).
- ``label-studio``: tasks for Label Studio (:mod:`warta.storage.gold`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal, get_args

from warta.errors import CorrectionError
from warta.storage import Store
from warta.storage.gold import export_label_studio

from .common import gold_articles
from .formats import conll_lines, export_conll, export_warta

__all__ = [
    "GOLD_FORMATS",
    "GoldFormat",
    "conll_lines",
    "export_conll",
    "export_gold",
    "export_label_studio",
    "export_warta",
    "gold_articles",
]

GoldFormat = Literal["warta", "label-studio", "conll", "spacy"]
GOLD_FORMATS: tuple[str, ...] = get_args(GoldFormat)


def export_gold(
    store: Store, out: Path, *, format: GoldFormat, article_ids: Iterable[int] | None = None
) -> int:
    """Write the reviewed articles (or ``article_ids``) of ``store`` to ``out`` as ``format``
    gold (see the module docstring); returns how many articles (tasks for Label Studio).

    Raises:
        CorrectionError: an unknown format, an id that names no article, or nothing reviewed (W110).
        MissingExtraError: ``spacy`` without spaCy installed (W303).
    """
    if format == "warta":
        return export_warta(store, out, article_ids=article_ids)
    if format == "conll":
        return export_conll(store, out, article_ids=article_ids)
    if format == "spacy":
        # spaCy is optional: imported only when asked for.
        from .docbin import export_spacy

        return export_spacy(store, out, article_ids=article_ids)
    if format == "label-studio":
        return export_label_studio(store, out, article_ids=article_ids)
    raise CorrectionError(
        f"unknown gold format {format!r}; one of {', '.join(GOLD_FORMATS)}", source=str(out)
    )
