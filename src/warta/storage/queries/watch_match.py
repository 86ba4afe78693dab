"""The SQL of a watchlist's matches, on SQLite and PostgreSQL (used by :mod:`.watchlists`).

- ``query``: articles the full-text index finds (:func:`warta.storage.queries.text_search.full_text`, the
  search SQL of the CLI, the API and the pages);
- ``entity``: articles naming any entity the name may mean (:func:`.people.candidates`);
- ``speaker``: quotes by a person of that name; ``about``: quotes whose text names the entity;
- ``outlet``: articles of outlets whose name contains the value (any case);
- ``topic``: articles of that topic (any case).

Names are resolved at every check, so an entity the corpus learns later is watched too.
The filters (days, outlet) apply to the article. A check reads the matches in the order their
articles changed (``updated_at``), since a time; the dashboard and the API read them newest
first, a page at a time.
"""

from __future__ import annotations

import hashlib
from typing import Any, Protocol

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warta.storage.errors import StorageError
from warta.storage.people import candidates
from warta.storage.repository import Store
from warta.storage.text import make_stemmer

from .text_search import full_text, parse_query

__all__ = ["MatchItem", "Window", "item_key", "match_rows"]


class _Spec(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def date_from(self) -> str | None: ...
    @property
    def date_to(self) -> str | None: ...
    @property
    def outlet(self) -> str | None: ...


class MatchItem(msgspec.Struct):
    """An article (``quote_idx`` None) or a quote that matches a watchlist. ``key`` tells the
    items of one article apart ("" for the article, "q:<hash>" for a quote, by its text)."""

    article_id: int
    quote_idx: int | None
    key: str
    title: str | None
    outlet: str | None
    published: str | None
    day: str | None
    url: str | None
    quote: str | None
    speaker: str | None
    updated_at: str
    reported: bool = False


class Window(msgspec.Struct, frozen=True):
    """Which matches to read: changed since ``since`` (oldest change first, at most ``limit``),
    or a page of them newest first."""

    since: str | None = None
    newest_first: bool = False
    limit: int | None = None
    offset: int = 0


def item_key(quote: str | None) -> str:
    """The key of an item of an article: "" for the article, "q:" and a hash of the quote's
    words (case and spacing aside) for a quote.

    Example:
        >>> item_key(None), item_key("Harga  beras STABIL") == item_key("harga beras stabil")
        ('', True)
    """
    if quote is None:
        return ""
    norm = " ".join(quote.casefold().split())
    return "q:" + hashlib.sha1(norm.encode("utf-8")).hexdigest()


def _like(text: str) -> str:
    return "%" + text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _ids(name: str, values: list[int], params: dict[str, Any]) -> str:
    """``IN (...)`` over bound ids; none: a condition that holds for nothing."""
    if not values:
        return "IN (NULL)"
    for i, v in enumerate(values):
        params[f"{name}{i}"] = int(v)
    return "IN (" + ", ".join(f":{name}{i}" for i in range(len(values))) + ")"


_ARTICLE = "a.title, a.outlet, a.published, a.day, a.url, a.updated_at"


def match_rows(conn: Connection, store: Store, spec: _Spec, window: Window) -> tuple[int, list[MatchItem]]:
    """The matches of ``spec`` in ``window``, and how many there are in all (for a page;
    for a ``since`` window, the number read).

    Raises:
        StorageError: a text query the index cannot run.
    """
    params: dict[str, Any] = {}
    where: list[str] = []
    source = "articles a"
    quotes = spec.kind in ("speaker", "about")
    if spec.kind == "query":
        text = full_text(store, parse_query(spec.value), make_stemmer())
        source = text.source
        where.append(text.condition)
        params.update(text.params)
    elif spec.kind == "entity":
        ids = _ids("ent", candidates(conn, spec.value), params)
        where.append(f"a.id IN (SELECT ae.article_id FROM article_entities ae WHERE ae.entity_id {ids})")
    elif spec.kind == "speaker":
        where.append("q.speaker_id " + _ids("spk", candidates(conn, spec.value, labels=("PER",)), params))
    elif spec.kind == "about":
        ids = _ids("abt", candidates(conn, spec.value), params)
        where.append(
            "EXISTS (SELECT 1 FROM quote_entities qe WHERE qe.article_id = q.article_id "
            f"AND qe.quote_idx = q.idx AND qe.entity_id {ids})"
        )
    elif spec.kind == "outlet":
        where.append("lower(a.outlet) LIKE :kind_outlet ESCAPE '\\'")
        params["kind_outlet"] = _like(spec.value)
    elif spec.kind == "topic":
        where.append("lower(a.topic) = :topic")
        params["topic"] = spec.value.casefold()
    else:
        raise StorageError(f"unknown watchlist kind {spec.kind!r}", source=store.name)
    if spec.date_from:
        where.append("a.day >= :date_from")
        params["date_from"] = spec.date_from
    if spec.date_to:
        where.append("a.day <= :date_to")
        params["date_to"] = spec.date_to
    if spec.outlet:
        where.append("lower(a.outlet) LIKE :outlet ESCAPE '\\'")
        params["outlet"] = _like(spec.outlet)
    if window.since is not None:
        where.append("a.updated_at >= :since")
        params["since"] = window.since
    if quotes:
        columns = f"a.id AS article_id, q.idx AS quote_idx, q.text AS quote, COALESCE(e.name, q.speaker_name) AS speaker, {_ARTICLE}"
        source = f"quotes q JOIN {source} ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id"
        where.append("NOT q.rejected")  # a quote a reviewer rejected is no quote
        tie = ", q.idx"
    else:
        columns = f"a.id AS article_id, NULL AS quote_idx, NULL AS quote, NULL AS speaker, {_ARTICLE}"
        tie = ""
    base = f"FROM {source} WHERE " + " AND ".join(where)
    if window.newest_first:
        # Undated articles last on both backends (their NULL ordering differs).
        order = f"ORDER BY a.published IS NULL, a.published DESC, a.id DESC{tie}"
    else:
        order = f"ORDER BY a.updated_at, a.id{tie}"
    page = ""
    if window.limit is not None:
        page = " LIMIT :limit OFFSET :offset"
        params.update(limit=int(window.limit), offset=int(window.offset))
    try:
        rows = conn.execute(sa.text(f"SELECT {columns} {base} {order}{page}"), params).all()
        if window.newest_first:
            count = {k: v for k, v in params.items() if k not in ("limit", "offset")}
            total = int(conn.execute(sa.text(f"SELECT count(*) {base}"), count).scalar_one())
        else:
            total = len(rows)
    except (sa.exc.OperationalError, sa.exc.ProgrammingError) as exc:
        raise StorageError(f"watchlist query {spec.value!r} failed: {exc.orig}", source=store.name) from exc
    items = [
        MatchItem(
            article_id=int(r.article_id),
            quote_idx=None if r.quote_idx is None else int(r.quote_idx),
            key=item_key(r.quote if quotes else None),
            title=r.title,
            outlet=r.outlet,
            published=r.published,
            day=r.day,
            url=r.url,
            quote=r.quote,
            speaker=r.speaker,
            updated_at=str(r.updated_at),
        )
        for r in rows
    ]
    return total, items
