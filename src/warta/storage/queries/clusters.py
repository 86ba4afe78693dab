"""Near-duplicate articles and quotes, and stories, as pages (kept on the store until it
changes)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from warta.storage.recycled import Cluster, find_recycled, find_stories
from warta.storage.repository import Store

from ._sql import Day, iso
from .records import ClusterPage

__all__ = ["duplicate_clusters"]


def duplicate_clusters(
    store: Store,
    *,
    what: Literal["articles", "quotes", "stories"] = "articles",
    date_from: Day = None,
    date_to: Day = None,
    min_size: int = 2,
    limit: int = 20,
    offset: int = 0,
    threshold: float | None = None,
    window_days: int = 3,
) -> ClusterPage:
    """Near-duplicate articles or quotes, or stories (see :mod:`warta.storage.recycled`),
    largest cluster first.

    Clustering the whole corpus takes seconds: it runs once per store state and set of
    arguments (one caller computes, others wait for it), and later pages and calls read
    the answer kept on the store until an article is added or changed. ``threshold`` is
    the estimated Jaccard similarity of copies (None: the default), ``window_days`` the
    days between two articles of one story.
    """
    start = date.fromisoformat(iso(date_from) or "") if date_from is not None else None
    stop = date.fromisoformat(iso(date_to) or "") if date_to is not None else None

    def run() -> list[Cluster]:
        if what == "stories":
            return find_stories(
                store, window_days=window_days, date_from=start, date_to=stop, min_size=min_size
            )
        return find_recycled(
            store, what=what, threshold=threshold, date_from=start, date_to=stop, min_size=min_size
        )

    key = ("clusters", what, start, stop, min_size, threshold, window_days if what == "stories" else None)
    clusters = store.remember(key, run, single_flight=True)
    return ClusterPage(
        total=len(clusters), limit=limit, offset=offset, items=clusters[offset : offset + limit]
    )
