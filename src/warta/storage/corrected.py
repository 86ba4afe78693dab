"""The corrected state of an article's quotes, computed from the machine's values and the
live corrections (see :mod:`.corrections`); what the writer calls after rewriting an
article's quotes (:func:`reanchor`), kept apart from :mod:`.corrections` so that the writer
needs nothing above it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.article import Article, Quote

from . import tables as t

__all__ = ["FIELDS", "machine_values", "quote_hash", "reanchor", "reapply"]

# The quote's fields a correction may change, as ``quotes`` columns; ``original`` keeps these.
FIELDS = ("speaker_id", "speaker_name", "anonymous", "start", "end", "text")


def quote_hash(text: str) -> str:
    """The sha1 of a quote's text (hex), an anchor of its corrections."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def machine_values(row: Any) -> dict[str, Any]:
    """The machine's values of a ``quotes`` row: ``original`` where a correction changed them."""
    if row.original is not None:
        found: dict[str, Any] = json.loads(row.original)
        return found
    return {f: (bool(row.anonymous) if f == "anonymous" else getattr(row, f)) for f in FIELDS}


def _live(conn: Connection, article_id: int) -> list[Any]:
    c = t.corrections.c
    return list(
        conn.execute(
            sa.select(t.corrections).where(c.article_id == article_id, c.undone_at.is_(None)).order_by(c.id)
        )
    )


def reapply(conn: Connection, article_id: int) -> None:
    """Give the quotes of article ``article_id`` the state its live, fitting corrections make
    (applied in order over the machine's values); rows already in that state are left alone."""
    events: dict[int, list[Any]] = {}
    for ev in _live(conn, article_id):
        if ev.orphaned_at is None:
            events.setdefault(int(ev.quote_idx), []).append(ev)
    q = t.quotes.c
    rows = conn.execute(
        sa.select(t.quotes).where(
            q.article_id == article_id, (q.original.is_not(None)) | q.reviewed | q.rejected
        )
    ).all()
    touched = {int(r.idx): r for r in rows}
    if events:
        extra = [i for i in events if i not in touched]
        if extra:
            for r in conn.execute(sa.select(t.quotes).where(q.article_id == article_id, q.idx.in_(extra))):
                touched[int(r.idx)] = r
    for idx, row in touched.items():
        machine = machine_values(row)
        state: dict[str, Any] = {**machine, "reviewed": False, "rejected": False}
        for ev in events.get(idx, []):
            after = json.loads(ev.after)
            state["reviewed"] = True
            if ev.action == "confirm":
                state["rejected"] = False
            elif ev.action == "reject":
                state["rejected"] = True
            else:
                state.update(after)
        changed = any(state[f] != machine[f] for f in FIELDS)
        values = {**state, "original": json.dumps(machine, ensure_ascii=False) if changed else None}
        current = {k: getattr(row, k) for k in values}
        current["anonymous"], current["reviewed"], current["rejected"] = (
            bool(row.anonymous),
            bool(row.reviewed),
            bool(row.rejected),
        )
        if current != values:
            conn.execute(t.quotes.update().where(q.article_id == article_id, q.idx == idx).values(**values))


def _match(quotes: Sequence[Quote], start: int, end: int, digest: str) -> int | None:
    """The quote a correction anchored at (start, end, digest) now is: the same offsets and
    text, else the same text elsewhere (the text moved), else the quote whose content covers
    the same start (its span changed)."""
    hashes = [quote_hash(q.text) for q in quotes]
    for i, q in enumerate(quotes):
        if q.start == start and q.end == end and hashes[i] == digest:
            return i
    for i in range(len(quotes)):
        if hashes[i] == digest:
            return i
    for i, q in enumerate(quotes):
        if q.start <= start < q.end:
            return i
    return None


def reanchor(conn: Connection, article_id: int, article: Article) -> None:
    """After the writer rewrote article ``article_id``'s quotes from ``article``: find each
    live correction's quote among the new ones (:func:`_match`), move its anchor there and
    apply the corrections again; one that fits no quote (or a span correction whose text is
    no longer at its offsets) is marked orphaned, never dropped."""
    live = _live(conn, article_id)
    if not live:
        return
    now = _now()
    c = t.corrections.c
    for ev in live:
        idx = _match(article.quotes, int(ev.quote_start), int(ev.quote_end), str(ev.quote_hash))
        fits = idx is not None
        if fits and ev.action == "span":
            after = json.loads(ev.after)
            fits = article.text[after["start"] : after["end"]] == after["text"]
        if idx is not None and fits:
            q = article.quotes[idx]
            values: dict[str, Any] = {
                "quote_idx": idx,
                "quote_start": q.start,
                "quote_end": q.end,
                "quote_hash": quote_hash(q.text),
                "orphaned_at": None,
            }
        else:
            values = {"orphaned_at": ev.orphaned_at or now}
        conn.execute(t.corrections.update().where(c.id == ev.id).values(**values))
    reapply(conn, article_id)
