"""The correction log: reviewers' corrections of quotes, newest first, with filters
(written by :mod:`warta.storage.corrections`)."""

from __future__ import annotations

from typing import Literal

import sqlalchemy as sa

from warta.storage import tables as t
from warta.storage.corrections import correction_record
from warta.storage.repository import Store

from .records import CorrectionPage

__all__ = ["correction_log"]

Status = Literal["live", "undone", "orphaned", "all"]


def correction_log(
    store: Store,
    *,
    article_id: int | None = None,
    reviewer: str | None = None,
    action: str | None = None,
    status: Status = "all",
    limit: int = 50,
    offset: int = 0,
) -> CorrectionPage:
    """Corrections, newest first: of one article, by one reviewer, of one action; ``status``
    ``live`` (applied: not undone, not orphaned), ``undone``, ``orphaned`` (not undone, but
    no quote of its article fits it any more: for the reviewer to look at) or ``all``."""
    c = t.corrections.c
    conds: list[sa.ColumnElement[bool]] = []
    if article_id is not None:
        conds.append(c.article_id == article_id)
    if reviewer:
        conds.append(c.reviewer == reviewer)
    if action:
        conds.append(c.action == action)
    if status == "live":
        conds += [c.undone_at.is_(None), c.orphaned_at.is_(None)]
    elif status == "undone":
        conds.append(c.undone_at.is_not(None))
    elif status == "orphaned":
        conds += [c.undone_at.is_(None), c.orphaned_at.is_not(None)]
    with store.connect() as conn:
        total = int(
            conn.execute(sa.select(sa.func.count()).select_from(t.corrections).where(*conds)).scalar_one()
        )
        rows = conn.execute(
            sa.select(t.corrections).where(*conds).order_by(c.id.desc()).limit(limit).offset(offset)
        ).all()
    return CorrectionPage(total=total, limit=limit, offset=offset, items=[correction_record(r) for r in rows])
