"""Reviewers' corrections of quotes: an event log, never an overwrite.

A reviewer confirms a quote (``confirm``), says it is no quote (``reject``), gives it another
speaker (``speaker``: a corpus entity, a typed name (the corpus's person of that name, or a
new one), or an anonymous source) or fixes its
content span (``span``). Each correction is a row of ``corrections`` (who, when, the target,
the action, the quote's fields before and after); an undo marks it undone and changes
nothing else. The corrected state is kept on ``quotes`` (``reviewed``, ``rejected``, the
corrected speaker and span, the machine's values in ``original``), written in the same
transaction as the event by :func:`reapply`, which computes an article's quotes afresh from
the machine's values and the live corrections, in order. The read layer
(:mod:`warta.storage.queries`) reads those columns only.

A correction targets quote ``quote_idx`` of an article, anchored by the machine's content
offsets and the sha1 of its text. When the writer rewrites an article's parts (a reanalysis,
the same page ingested again) :func:`reanchor` finds each live correction's quote among the
new ones (the same offsets and text; else the same text elsewhere; else the quote covering
the same content start), moves the anchor there and applies it again; a correction that
fits no quote is marked orphaned (``orphaned_at``): listed for the reviewer, not applied,
and tried again at the next rewrite.

Example:
    >>> with Store.open("warta.db") as store:  # doctest: +SKIP
    ...     add_correction(store, 12, 0, "speaker", reviewer="dewi", speaker_id=7)
"""

from __future__ import annotations

import json
from typing import Any, Literal, get_args

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.errors import CorrectionError

from . import tables as t
from .corrected import FIELDS, machine_values, quote_hash, reanchor, reapply
from .entity_corrections import create_entity
from .events import reviewer_name, utc_now
from .people import EntityResolver
from .repository import Store
from .writer import decode_doc

__all__ = [
    "ACTIONS",
    "Action",
    "Correction",
    "add_correction",
    "correction_record",
    "quote_hash",
    "reanchor",
    "reapply",
    "undo_correction",
]

Action = Literal["confirm", "reject", "speaker", "span"]
ACTIONS: tuple[str, ...] = get_args(Action)

# Names and reviewers are free text, kept short (an entity name is far shorter).
_MAX_NAME = 200


class Correction(msgspec.Struct):
    """One correction of a quote (see the module docstring).

    ``quote_idx`` is the quote's index in the article now (``Article.quotes[quote_idx]``);
    ``quote_start``/``quote_end``/``quote_hash`` the machine's content offsets and the sha1
    of its text, by which a reanalysis finds it again. ``before``/``after`` hold the
    fields the action changed. ``orphaned``: no quote of the article fits it any more.
    """

    id: int
    article_id: int
    quote_idx: int
    quote_start: int
    quote_end: int
    quote_hash: str
    action: str
    before: dict[str, Any]
    after: dict[str, Any]
    reviewer: str
    created_at: str
    undone_at: str | None = None
    undone_by: str | None = None
    orphaned_at: str | None = None
    orphaned: bool = False


def correction_record(row: Any) -> Correction:
    """A ``corrections`` row as a :class:`Correction`."""
    return Correction(
        id=int(row.id),
        article_id=int(row.article_id),
        quote_idx=int(row.quote_idx),
        quote_start=int(row.quote_start),
        quote_end=int(row.quote_end),
        quote_hash=str(row.quote_hash),
        action=str(row.action),
        before=json.loads(row.before),
        after=json.loads(row.after),
        reviewer=str(row.reviewer),
        created_at=str(row.created_at),
        undone_at=row.undone_at,
        undone_by=row.undone_by,
        orphaned_at=row.orphaned_at,
        orphaned=row.orphaned_at is not None,
    )


def add_correction(
    store: Store,
    article_id: int,
    quote_idx: int,
    action: str,
    *,
    reviewer: str,
    speaker_id: int | None = None,
    speaker_name: str | None = None,
    anonymous: bool = False,
    start: int | None = None,
    end: int | None = None,
) -> Correction:
    """Record a correction of quote ``quote_idx`` of article ``article_id`` and apply it, in
    one transaction.

    Args:
        action: ``confirm``, ``reject``, ``speaker`` or ``span``.
        reviewer: who corrects (kept on the event).
        speaker_id, speaker_name, anonymous: for ``speaker``, exactly one of a corpus entity
            id, a typed name ("Rina Kartika") or ``anonymous=True`` (``speaker_name`` is
            then the source's description, "seorang pejabat", and may be left out).
        start, end: for ``span``, the new content offsets into ``Article.text``.

    Raises:
        CorrectionError: no such article or quote (``missing``), an unknown action, or
            fields that do not fit the action.
    """
    if action not in ACTIONS:
        raise CorrectionError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
    who = reviewer_name(reviewer)
    where = f"article {article_id}, quote {quote_idx}"
    with store.transaction() as conn:
        row = conn.execute(
            sa.select(t.quotes).where(t.quotes.c.article_id == article_id, t.quotes.c.idx == quote_idx)
        ).first()
        if row is None:
            exists = conn.execute(sa.select(t.articles.c.id).where(t.articles.c.id == article_id)).first()
            raise CorrectionError(
                "no such quote" if exists is not None else "no such article", source=where, missing=True
            )
        machine = machine_values(row)
        current = {f: (bool(row.anonymous) if f == "anonymous" else getattr(row, f)) for f in FIELDS}
        before: dict[str, Any] = {"reviewed": bool(row.reviewed), "rejected": bool(row.rejected)}
        after: dict[str, Any]
        if action in ("confirm", "reject"):
            if speaker_id is not None or speaker_name or anonymous or start is not None or end is not None:
                raise CorrectionError(f"{action!r} takes no speaker or span", source=where)
            after = {"reviewed": True, "rejected": action == "reject"}
        elif action == "speaker":
            if start is not None or end is not None:
                raise CorrectionError("'speaker' takes no span", source=where)
            after = _speaker_after(conn, where, speaker_id, speaker_name, anonymous)
            before = {k: current[k] for k in ("speaker_id", "speaker_name", "anonymous")}
        else:
            if speaker_id is not None or speaker_name or anonymous:
                raise CorrectionError("'span' takes no speaker", source=where)
            after = _span_after(conn, where, article_id, start, end)
            before = {k: current[k] for k in ("start", "end", "text")}
        new_id = conn.execute(
            t.corrections.insert()
            .values(
                article_id=article_id,
                quote_idx=quote_idx,
                quote_start=int(machine["start"]),
                quote_end=int(machine["end"]),
                quote_hash=quote_hash(str(machine["text"])),
                action=action,
                before=json.dumps(before, ensure_ascii=False),
                after=json.dumps(after, ensure_ascii=False),
                reviewer=who,
                created_at=utc_now(),
            )
            .returning(t.corrections.c.id)
        ).scalar_one()
        reapply(conn, article_id)
        return _get(conn, int(new_id))


def _speaker_after(
    conn: Connection, where: str, speaker_id: int | None, speaker_name: str | None, anonymous: bool
) -> dict[str, Any]:
    name = (speaker_name or "").strip() or None
    if name is not None and len(name) > _MAX_NAME:
        raise CorrectionError(f"a speaker's name must be at most {_MAX_NAME} characters", source=where)
    given = sum((speaker_id is not None, name is not None and not anonymous, anonymous))
    if given != 1:
        raise CorrectionError(
            "'speaker' needs exactly one of an entity id, a name, or anonymous", source=where
        )
    if speaker_id is not None:
        found = conn.execute(sa.select(t.entities.c.name).where(t.entities.c.id == speaker_id)).scalar()
        if found is None:
            raise CorrectionError(f"no entity with id {speaker_id}", source=where)
        return {"speaker_id": speaker_id, "speaker_name": str(found), "anonymous": False}
    if anonymous:
        return {"speaker_id": None, "speaker_name": name, "anonymous": True}
    if name is None:
        raise CorrectionError("'speaker' needs a name", source=where)
    # A typed name is the corpus's person of that name (as the writer resolves a speaker's
    # name), else a new person: the speaker's entity page then lists the quote.
    found_id = EntityResolver().lookup_person(conn, name)
    if found_id is not None:
        target = conn.execute(sa.select(t.entities.c.merged_into).where(t.entities.c.id == found_id)).scalar()
        found_id = int(target) if target is not None else found_id
    else:
        found_id = create_entity(conn, name, "PER")
    return {"speaker_id": found_id, "speaker_name": name, "anonymous": False}


def _span_after(
    conn: Connection, where: str, article_id: int, start: int | None, end: int | None
) -> dict[str, Any]:
    if start is None or end is None:
        raise CorrectionError("'span' needs start and end", source=where)
    doc = conn.execute(sa.select(t.articles.c.doc).where(t.articles.c.id == article_id)).scalar_one()
    body = decode_doc(doc).text
    if not 0 <= start < end <= len(body):
        raise CorrectionError(
            f"span {start}..{end} is not within the article's text (0..{len(body)})", source=where
        )
    content = body[start:end]
    if not content.strip():
        raise CorrectionError(f"span {start}..{end} holds no text", source=where)
    return {"start": start, "end": end, "text": content}


def _get(conn: Connection, correction_id: int) -> Correction:
    row = conn.execute(sa.select(t.corrections).where(t.corrections.c.id == correction_id)).first()
    if row is None:
        raise CorrectionError("no such correction", source=f"correction {correction_id}", missing=True)
    return correction_record(row)


def undo_correction(store: Store, correction_id: int, *, reviewer: str) -> Correction:
    """Mark correction ``correction_id`` undone (by ``reviewer``) and give its quote the
    state the other live corrections make, in one transaction.

    Raises:
        CorrectionError: no such correction (``missing``), or undone already.
    """
    who = reviewer_name(reviewer)
    with store.transaction() as conn:
        found = _get(conn, correction_id)
        if found.undone_at is not None:
            raise CorrectionError(
                f"undone already, by {found.undone_by} at {found.undone_at}",
                source=f"correction {correction_id}",
            )
        conn.execute(
            t.corrections.update()
            .where(t.corrections.c.id == correction_id)
            .values(undone_at=utc_now(), undone_by=who)
        )
        reapply(conn, found.article_id)
        return _get(conn, correction_id)
