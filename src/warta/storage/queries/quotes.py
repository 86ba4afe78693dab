"""Quotes: pages of quotes by speaker, about an entity, from an outlet; the most quoted;
quotes per outlet.

Every answer is of the corrected quotes (:mod:`warta.storage.corrections`): a quote a
reviewer rejected is left out, a reassigned one counts for its new speaker, and each row
says whether a reviewer confirmed or corrected it (``reviewed``)."""

from __future__ import annotations

from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.article import REVIEW_BELOW
from warta.storage.people import candidates, entity_key
from warta.storage.repository import Store

from ._sql import UNKNOWN_OUTLET, Day, Where, add_days, anchor, days_before, iso, narrow_articles
from .articles import add_outlet
from .records import OutletCount, OutletQuotes, QuotePage, QuoteRow, SpeakerCount

# -- quotes ------------------------------------------------------------------------------


def quote_rows(
    conn: Connection,
    where: str,
    params: dict[str, Any],
    *,
    limit: int,
    offset: int,
    review_below: float = REVIEW_BELOW,
) -> list[QuoteRow]:
    """The quotes ``where`` (SQL over ``q``, ``a``) selects, newest first; never a rejected one."""
    rows = conn.execute(
        sa.text(
            "SELECT q.text, q.kind, coalesce(e.name, q.speaker_name) AS speaker, q.speaker_id, q.cue, q.article_id, "
            "a.title, a.outlet, q.day, a.url, q.confidence, q.idx, q.reviewed FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"LEFT JOIN entities e ON e.id = q.speaker_id WHERE NOT q.rejected AND ({where}) "
            "ORDER BY q.day DESC, q.article_id DESC, q.idx LIMIT :limit OFFSET :offset"
        ),
        {**params, "limit": limit, "offset": offset},
    )
    return [
        QuoteRow(
            text=r.text,
            kind=r.kind,
            speaker=r.speaker,
            speaker_id=r.speaker_id,
            cue=r.cue,
            article_id=int(r.article_id),
            title=r.title,
            outlet=r.outlet,
            day=r.day,
            url=r.url,
            confidence=float(r.confidence),
            needs_review=float(r.confidence) < review_below,
            idx=int(r.idx),
            reviewed=bool(r.reviewed),
        )
        for r in rows
    ]


def quote_page(
    store: Store,
    *,
    speaker_id: int | None = None,
    about_id: int | None = None,
    speaker: str | None = None,
    about: str | None = None,
    outlet: str | None = None,
    kind: Literal["direct", "indirect", "mixed", "partial"] | None = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: int = 20,
    offset: int = 0,
    needs_review: bool | None = None,
    review_below: float = REVIEW_BELOW,
    verified: bool | None = None,
) -> QuotePage:
    """Quotes, newest first: by a speaker (id, or a name: the people it may mean), about an
    entity (quotes whose text names it), from an outlet, of a kind, within dates; with
    ``needs_review``, only the attributions below (True) or at and above (False) the review
    threshold; with ``verified``, only the quotes a reviewer confirmed or corrected (True) or
    not (False). Rejected quotes are never listed."""
    w = Where()
    w.add("NOT q.rejected")
    with store.connect() as conn:
        if verified is not None:
            w.add("q.reviewed" if verified else "NOT q.reviewed")
        if speaker_id is not None:
            w.add("q.speaker_id = :sid", sid=speaker_id)
        if speaker:
            ids = candidates(conn, speaker, labels=("PER",))
            exact = [
                i
                for i in ids[:1]
                if conn.execute(sa.text("SELECT key FROM entities WHERE id = :i"), {"i": i}).scalar()
                == entity_key(speaker, "PER")
            ]
            w.ids("q.speaker_id IN ({})", "sn", exact or ids)
        # Driven by quote_entities' entity index: the quotes naming the entity, not every quote.
        if about_id is not None:
            w.add(
                "(q.article_id, q.idx) IN (SELECT qe.article_id, qe.quote_idx FROM quote_entities qe "
                "WHERE qe.entity_id = :aid)",
                aid=about_id,
            )
        if about:
            w.ids(
                "(q.article_id, q.idx) IN (SELECT qe2.article_id, qe2.quote_idx FROM quote_entities qe2 "
                "WHERE qe2.entity_id IN ({}))",
                "an",
                candidates(conn, about),
            )
        if kind:
            w.add("q.kind = :kind", kind=kind)
        if needs_review is not None:
            w.add("q.confidence < :rb" if needs_review else "q.confidence >= :rb", rb=review_below)
        add_days(w, "q.day", date_from, date_to)
        add_outlet(w, "a.outlet", outlet, store)
        cond = " AND ".join(w.parts) or "1 = 1"
        join = " JOIN articles a ON a.id = q.article_id" if outlet else ""
        total = int(
            conn.execute(sa.text(f"SELECT count(*) FROM quotes q{join} WHERE {cond}"), w.params).scalar_one()
        )
        items = quote_rows(conn, cond, w.params, limit=limit, offset=offset, review_below=review_below)
    return QuotePage(total=total, limit=limit, offset=offset, items=items)


def list_quotes(
    store: Store,
    *,
    speaker: str | None = None,
    about: str | None = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: int = 50,
    verified: bool | None = None,
) -> list[QuoteRow]:
    """Quotes by ``speaker`` (the person that name most likely means), optionally about
    ``about`` (quotes whose text names the entity), newest first: the items of
    :func:`quote_page`, for the CLI. With ``verified=True`` only reviewed quotes (then
    ``speaker`` and ``about`` may both be left out: all reviewed quotes)."""
    if not speaker and not about and not verified:
        return []
    page = quote_page(
        store,
        speaker=speaker,
        about=about,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        verified=verified,
    )
    return page.items


def top_speakers(
    store: Store,
    *,
    date_from: Day = None,
    date_to: Day = None,
    limit: int = 10,
    days: int | None = None,
    end: Day = None,
) -> list[SpeakerCount]:
    """The people quoted most, within dates; ``days`` means the ``days`` days up to ``end``
    (default: today)."""
    return list(
        store.remember(
            ("speakers", iso(date_from), iso(date_to), limit, days, iso(anchor(end))),
            lambda: _top_speakers(store, date_from, date_to, limit, days, end),
        )
    )


def _top_speakers(
    store: Store, date_from: Day, date_to: Day, limit: int, days: int | None, end: Day
) -> list[SpeakerCount]:
    with store.connect() as conn:
        if days is not None and date_from is None:
            last = anchor(end)
            date_from = days_before(last, days - 1)
            date_to = date_to or last
        w = Where()
        add_days(w, "q.day", date_from, date_to)
        rows = conn.execute(
            sa.text(
                "SELECT e.id, e.name, c.n, c.arts FROM ("
                "SELECT q.speaker_id AS sid, count(*) AS n, count(DISTINCT q.article_id) AS arts FROM quotes q "
                f"WHERE q.speaker_id IS NOT NULL AND NOT q.rejected{w.sql()} GROUP BY q.speaker_id"
                ") c JOIN entities e ON e.id = c.sid ORDER BY c.n DESC, e.id LIMIT :limit"
            ),
            {**w.params, "limit": limit},
        ).all()
    return [
        SpeakerCount(entity_id=int(r.id), name=r.name, quotes=int(r.n), articles=int(r.arts)) for r in rows
    ]


def quotes_by_outlet(
    store: Store,
    *,
    speaker_id: int | None = None,
    date_from: Day = None,
    date_to: Day = None,
    limit: int = 20,
) -> list[OutletCount]:
    """Quotes per outlet (all quotes, or one speaker's), the most first."""
    return list(
        store.remember(
            ("by_outlet", speaker_id, iso(date_from), iso(date_to), limit),
            lambda: _quotes_by_outlet(store, speaker_id, date_from, date_to, limit),
        )
    )


def _quotes_by_outlet(
    store: Store, speaker_id: int | None, date_from: Day, date_to: Day, limit: int
) -> list[OutletCount]:
    w = Where()
    w.add("NOT q.rejected")
    if speaker_id is not None:
        w.add("q.speaker_id = :sid", sid=speaker_id)
    add_days(w, "q.day", date_from, date_to)
    with store.connect() as conn:
        arts = narrow_articles(conn, store)
        # Quotes counted per article first (in key order), then per outlet.
        rows = conn.execute(
            sa.text(
                f"SELECT coalesce(a.outlet, '{UNKNOWN_OUTLET}') AS o, sum(per.n) AS n, count(*) AS arts FROM ("
                f"  SELECT q.article_id, count(*) AS n FROM quotes q WHERE 1 = 1{w.sql()} GROUP BY q.article_id"
                f") per JOIN {arts} ON a.id = per.article_id GROUP BY o ORDER BY n DESC, o LIMIT :limit"
            ),
            {**w.params, "limit": limit},
        ).all()
    return [OutletCount(outlet=str(r.o), quotes=int(r.n), articles=int(r.arts)) for r in rows]


def speaker_quotes_by_outlet(
    store: Store, speaker_id: int, *, per_outlet: int = 3, outlets: int = 6
) -> list[OutletQuotes]:
    """A speaker's quotes grouped by outlet: the ``outlets`` outlets quoting them most
    (:func:`quotes_by_outlet`), each with its count and its latest ``per_outlet`` quotes."""
    groups: list[OutletQuotes] = []
    counts = quotes_by_outlet(store, speaker_id=speaker_id, limit=outlets)
    with store.connect() as conn:
        for count in counts:
            params: dict[str, Any]
            if count.outlet == UNKNOWN_OUTLET:
                where, params = "q.speaker_id = :sid AND a.outlet IS NULL", {"sid": speaker_id}
            else:
                where, params = (
                    "q.speaker_id = :sid AND a.outlet = :o",
                    {"sid": speaker_id, "o": count.outlet},
                )
            items = quote_rows(conn, where, params, limit=per_outlet, offset=0)
            groups.append(OutletQuotes(outlet=count.outlet, total=count.quotes, quotes=items))
    return groups
