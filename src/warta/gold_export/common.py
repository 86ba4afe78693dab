"""What every gold export starts from: the articles to write."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from warta.errors import CorrectionError
from warta.storage import Store
from warta.storage.queries.corrections import ReviewedArticle, reviewed_articles

__all__ = ["gold_articles"]


def gold_articles(store: Store, article_ids: Iterable[int] | None, out: Path) -> list[ReviewedArticle]:
    """The articles to export to ``out``: ``article_ids``, or every reviewed one.

    Raises:
        CorrectionError: an id names no article, or no quote is reviewed (W110).
    """
    found = reviewed_articles(store, article_ids=list(article_ids) if article_ids is not None else None)
    if not found:
        raise CorrectionError(
            f"no reviewed quote in the store: review some first (or name articles with --article); {out} not written",
            source=store.name,
        )
    return found
