"""The pipeline's accuracy on the reviewed quotes over time: the runs of ``warta eval quotes
--db ... --reviewed`` kept in ``review_evals`` (written by :mod:`warta.storage.review_evals`)."""

from __future__ import annotations

import sqlalchemy as sa

from warta.storage import tables as t
from warta.storage.repository import Store
from warta.storage.review_evals import review_eval_record

from .records import ReviewEvalPage

__all__ = ["review_accuracy"]


def review_accuracy(store: Store, *, limit: int = 100) -> ReviewEvalPage:
    """The newest ``limit`` scoring runs, oldest first (a series to draw), and how many there are."""
    r = t.review_evals.c
    with store.connect() as conn:
        total = int(conn.execute(sa.select(sa.func.count()).select_from(t.review_evals)).scalar_one())
        rows = conn.execute(
            sa.select(t.review_evals).order_by(r.created_at.desc(), r.id.desc()).limit(limit)
        ).all()
    return ReviewEvalPage(total=total, limit=limit, items=[review_eval_record(row) for row in reversed(rows)])
