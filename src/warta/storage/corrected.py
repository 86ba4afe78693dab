"""The corrected state of an article's quotes, computed from the machine's values and the
live corrections (see :mod:`.corrections`); what the writer calls after rewriting an
article's quotes (:func:`reanchor`), kept apart from :mod:`.corrections` so that the writer
needs nothing above it."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.article import Article, Quote, from_json

from . import tables as t
from .entity_state import entity_pass, live_entity_events, touched_by
from .events import utc_now

__all__ = ["FIELDS", "apply_corrections", "machine_values", "quote_hash", "reanchor", "reapply"]

# The quote's fields a correction may change, as ``quotes`` columns; ``original`` keeps these.
FIELDS = ("speaker_id", "speaker_name", "anonymous", "start", "end", "text")


def quote_hash(text: str) -> str:
    """The sha1 of a quote's text (hex), an anchor of its corrections."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


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


def reapply(conn: Connection, article_id: int, article: Article | None = None) -> None:
    """Give the quotes of article ``article_id`` the state its live, fitting corrections make
    (applied in order over the machine's values), with the speakers the entity corrections
    make (:mod:`.entity_state`: an article entity's corrected id, a merged entity's target),
    and the "about" links of the entities mentioned inside each quote's corrected span;
    rows already in that state are left alone. ``article``: the stored Article (read from
    the store when not given)."""
    events: dict[int, list[Any]] = {}
    for ev in _live(conn, article_id):
        if ev.orphaned_at is None:
            events.setdefault(int(ev.quote_idx), []).append(ev)
    q = t.quotes.c
    rows = conn.execute(sa.select(t.quotes).where(q.article_id == article_id).order_by(q.idx)).all()
    if not rows:
        return
    ae = t.article_entities.c
    # The article's entities: resolver id -> corrected ids (with the name, to choose between two).
    by_machine: dict[int, list[tuple[str, int]]] = {}
    current_ids: dict[int, int] = {}
    for r in conn.execute(
        sa.select(ae.idx, ae.entity_id, ae.machine_entity_id, ae.name).where(ae.article_id == article_id)
    ):
        resolved = int(r.machine_entity_id if r.machine_entity_id is not None else r.entity_id)
        by_machine.setdefault(resolved, []).append((str(r.name), int(r.entity_id)))
        current_ids[int(r.idx)] = int(r.entity_id)
    e = t.entities.c
    speakers = {int(r.speaker_id) for r in rows if r.speaker_id is not None}
    for r in rows:
        given = machine_values(r).get("speaker_id")
        if given is not None:
            speakers.add(int(given))
    for evs in events.values():
        for ev in evs:
            sid = json.loads(ev.after).get("speaker_id")
            if sid is not None:
                speakers.add(int(sid))
    merged = {
        int(i): int(m)
        for i, m in conn.execute(
            sa.select(e.id, e.merged_into).where(e.id.in_(sorted(speakers)), e.merged_into.is_not(None))
        )
    }
    spans: dict[int, tuple[int, int]] = {}
    for row in rows:
        idx = int(row.idx)
        machine = machine_values(row)
        state: dict[str, Any] = {**machine, "reviewed": False, "rejected": False}
        by_reviewer = False
        for ev in events.get(idx, []):
            after = json.loads(ev.after)
            state["reviewed"] = True
            if ev.action == "confirm":
                state["rejected"] = False
            elif ev.action == "reject":
                state["rejected"] = True
            else:
                state.update(after)
                by_reviewer = by_reviewer or ev.action == "speaker"
        sid = state["speaker_id"]
        if sid is not None:
            choices = by_machine.get(int(sid)) if not by_reviewer else None
            if choices:
                named = [
                    cur for name, cur in choices if state["speaker_name"] and name == state["speaker_name"]
                ]
                state["speaker_id"] = (named or [choices[0][1]])[0]
            else:
                state["speaker_id"] = merged.get(int(sid), int(sid))
        spans[idx] = (int(state["start"]), int(state["end"]))
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
    _about(conn, article_id, article, spans, current_ids)


def _about(
    conn: Connection,
    article_id: int,
    article: Article | None,
    spans: dict[int, tuple[int, int]],
    ids: dict[int, int],
) -> None:
    """The entities mentioned inside each quote's (corrected) span, as the writer links them."""
    if article is None:
        doc = conn.execute(sa.select(t.articles.c.doc).where(t.articles.c.id == article_id)).scalar()
        if doc is None:
            return
        article = from_json(zlib.decompress(doc))
    wanted = sorted(
        (idx, eid)
        for idx, (start, end) in spans.items()
        for eid in {
            ids[m.entity] for m in article.mentions if m.entity in ids and start <= m.start and m.end <= end
        }
    )
    qe = t.quote_entities.c
    have = sorted(
        (int(i), int(x))
        for i, x in conn.execute(sa.select(qe.quote_idx, qe.entity_id).where(qe.article_id == article_id))
    )
    if wanted != have:
        conn.execute(t.quote_entities.delete().where(qe.article_id == article_id))
        if wanted:
            conn.execute(
                t.quote_entities.insert(),
                [{"article_id": article_id, "quote_idx": i, "entity_id": x} for i, x in wanted],
            )


def apply_corrections(conn: Connection, article_id: int, article: Article, *, rewritten: bool) -> None:
    """What the writer calls after writing article ``article_id``'s parts: the live entity
    corrections that name its entities (or anchor a split in it) are applied, and, for a
    ``rewritten`` article, the quote corrections found again (:func:`reanchor`)."""
    entity_events = live_entity_events(conn)
    touched = False
    if entity_events:
        ids = sorted(touched_by(entity_events))
        anchored = any(int(a["article_id"]) == article_id for ev in entity_events for a in ev.anchors)
        ae, q = t.article_entities.c, t.quotes.c
        touched = anchored or (
            conn.execute(
                sa.select(ae.idx).where(ae.article_id == article_id, ae.entity_id.in_(ids)).limit(1)
            ).first()
            is not None
            or conn.execute(
                sa.select(q.idx).where(q.article_id == article_id, q.speaker_id.in_(ids)).limit(1)
            ).first()
            is not None
        )
        if touched:
            entity_pass(conn, article_id, article, entity_events, rewritten=rewritten)
    if rewritten and _live(conn, article_id):
        reanchor(conn, article_id, article)
    elif touched:
        reapply(conn, article_id, article)


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
    now = utc_now()
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
    reapply(conn, article_id, article)
