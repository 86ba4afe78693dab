"""The correction log: reviewers' corrections of quotes, newest first, with filters
(written by :mod:`warta.storage.corrections`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Literal

import msgspec
import sqlalchemy as sa

from warta.article import Article
from warta.errors import CorrectionError
from warta.storage import tables as t
from warta.storage.corrections import correction_record
from warta.storage.entity_corrections import entity_correction_record
from warta.storage.repository import Store
from warta.storage.writer import decode_doc

from .records import CorrectionPage, EntityCorrectionPage

__all__ = [
    "ReviewedArticle",
    "ReviewedQuote",
    "correction_log",
    "entity_correction_log",
    "reviewed_articles",
    "reviewed_quotes",
]

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
    target: list[sa.ColumnElement[bool]] = [c.article_id == article_id] if article_id is not None else []
    total, rows = _log(store, t.corrections, target, reviewer, action, status, limit, offset)
    return CorrectionPage(total=total, limit=limit, offset=offset, items=[correction_record(r) for r in rows])


def entity_correction_log(
    store: Store,
    *,
    entity_id: int | None = None,
    reviewer: str | None = None,
    action: str | None = None,
    status: Status = "all",
    limit: int = 50,
    offset: int = 0,
) -> EntityCorrectionPage:
    """Entity corrections, newest first: of one entity (as the source or the target), by one
    reviewer, of one action; ``status`` as :func:`correction_log` (``orphaned``: a split none
    of whose mentions a reanalysis found again)."""
    c = t.entity_corrections.c
    target: list[sa.ColumnElement[bool]] = []
    if entity_id is not None:
        target.append((c.entity_id == entity_id) | (c.target_id == entity_id))
    total, rows = _log(store, t.entity_corrections, target, reviewer, action, status, limit, offset)
    return EntityCorrectionPage(
        total=total, limit=limit, offset=offset, items=[entity_correction_record(r) for r in rows]
    )


def _log(
    store: Store,
    table: sa.Table,
    conds: list[sa.ColumnElement[bool]],
    reviewer: str | None,
    action: str | None,
    status: Status,
    limit: int,
    offset: int,
) -> tuple[int, Sequence[sa.Row[Any]]]:
    """A page of an event log (quote or entity corrections), newest first, and its total."""
    c = table.c
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
        total = int(conn.execute(sa.select(sa.func.count()).select_from(table).where(*conds)).scalar_one())
        rows = conn.execute(
            sa.select(table).where(*conds).order_by(c.id.desc()).limit(limit).offset(offset)
        ).all()
    return total, rows


class ReviewedQuote(msgspec.Struct):
    """A quote as the store holds it after review: its corrected span (offsets into the
    article's text), kind and speaker; ``reviewed`` when a person confirmed or corrected it,
    ``reviewers`` who did (their live corrections), ``corrected`` what they changed
    (``speaker``, ``span``)."""

    idx: int
    start: int
    end: int
    kind: str
    speaker: str | None
    speaker_label: str | None  # the speaker entity's label (PER, ORG), None for a typed name
    anonymous: bool
    rejected: bool
    reviewed: bool
    reviewers: list[str] = msgspec.field(default_factory=list)
    corrected: list[str] = msgspec.field(default_factory=list)

    @property
    def state(self) -> Literal["rejected", "corrected", "confirmed", "unreviewed"]:
        """What review made of it: ``rejected`` (no quote), ``corrected`` (a speaker or span
        changed), ``confirmed``, or ``unreviewed``."""
        if self.rejected:
            return "rejected"
        if self.corrected:
            return "corrected"
        return "confirmed" if self.reviewed else "unreviewed"


class ReviewedArticle(msgspec.Struct):
    """An article with its quotes as reviewed: its row id and address, its stored Article
    (offsets of quotes, entities and tokens are into ``article.text``), its quotes in order."""

    id: int
    url: str | None
    article: Article
    quotes: list[ReviewedQuote]


def reviewed_articles(store: Store, *, article_ids: Sequence[int] | None = None) -> list[ReviewedArticle]:
    """Every article with a reviewed quote (or the articles ``article_ids``, in that order),
    each with all its quotes in the corrected state (those rejected included, marked).

    Raises:
        CorrectionError: an id of ``article_ids`` names no article (``missing``).
    """
    q, e, c = t.quotes.c, t.entities.c, t.corrections.c
    with store.connect() as conn:
        if article_ids is None:
            ids = [
                int(i)
                for i in conn.execute(
                    sa.select(q.article_id).where(q.reviewed).distinct().order_by(q.article_id)
                ).scalars()
            ]
        else:
            ids = list(dict.fromkeys(article_ids))
        out: list[ReviewedArticle] = []
        for aid in ids:
            row = conn.execute(
                sa.select(t.articles.c.doc, t.articles.c.url).where(t.articles.c.id == aid)
            ).first()
            if row is None:
                raise CorrectionError(f"no article with id {aid}", source=store.name, missing=True)
            who: dict[int, set[str]] = defaultdict(set)
            changed: dict[int, set[str]] = defaultdict(set)
            for idx, reviewer, action in conn.execute(
                sa.select(c.quote_idx, c.reviewer, c.action).where(
                    c.article_id == aid, c.undone_at.is_(None), c.orphaned_at.is_(None)
                )
            ):
                who[int(idx)].add(str(reviewer))
                if action in ("speaker", "span"):
                    changed[int(idx)].add(str(action))
            rows = conn.execute(
                sa.select(
                    q.idx,
                    q.start,
                    q.end,
                    q.kind,
                    sa.func.coalesce(e.name, q.speaker_name).label("speaker"),
                    e.label,
                    q.anonymous,
                    q.rejected,
                    q.reviewed,
                )
                .select_from(t.quotes.outerjoin(t.entities, e.id == q.speaker_id))
                .where(q.article_id == aid)
                .order_by(q.idx)
            ).all()
            quotes = [
                ReviewedQuote(
                    idx=int(r.idx),
                    start=int(r.start),
                    end=int(r.end),
                    kind=str(r.kind),
                    speaker=r.speaker,
                    speaker_label=r.label,
                    anonymous=bool(r.anonymous),
                    rejected=bool(r.rejected),
                    reviewed=bool(r.reviewed),
                    reviewers=sorted(who.get(int(r.idx), ())),
                    corrected=sorted(changed.get(int(r.idx), ())),
                )
                for r in rows
            ]
            out.append(ReviewedArticle(id=aid, url=row.url, article=decode_doc(row.doc), quotes=quotes))
    return out


def reviewed_quotes(store: Store) -> list[tuple[int, Article, list[ReviewedQuote]]]:
    """Every article with a reviewed quote: its row id, its stored Article, and all its quotes
    in the corrected state (those rejected included, marked), in order."""
    return [(r.id, r.article, r.quotes) for r in reviewed_articles(store)]
