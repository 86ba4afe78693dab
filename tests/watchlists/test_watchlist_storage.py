"""Watchlists in the store, on SQLite and PostgreSQL: kinds and filters match what they say,
items are recorded once, deliveries per channel, marking as seen, removal."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alerthelpers import Q_BARU, Q_CUACA, Q_KAPAL, Q_PELABUHAN, Q_TERIMA_KASIH, SARI, YUSUF, store_articles

from warta.errors import WatchlistError
from warta.storage import Store
from warta.storage import tables as t
from warta.storage.migrations import HEAD
from warta.storage.watchlists import (
    add_watchlist,
    found_items,
    get_watchlist,
    list_watchlists,
    live_matches,
    make_spec,
    mark_seen,
    pending_items,
    record_delivery,
    record_new,
    remove_watchlist,
)


@pytest.fixture
def filled(store: Store) -> Store:
    store_articles(store, "pelabuhan", "kapal", "cuaca", "ekspor")
    return store


def _titles(store: Store, name: str) -> list[str]:
    return [m.title or "" for m in live_matches(store, name, limit=50).items]


@pytest.mark.parametrize(
    ("kind", "value", "filters", "expected"),
    [
        ("speaker", SARI, {}, [Q_BARU, Q_KAPAL, Q_PELABUHAN]),
        ("speaker", SARI, {"date_to": "2025-04-02"}, [Q_KAPAL, Q_PELABUHAN]),
        ("speaker", SARI, {"outlet": "timur"}, [Q_BARU, Q_KAPAL]),
        ("speaker", YUSUF, {}, [Q_TERIMA_KASIH]),
        ("about", SARI, {}, [Q_TERIMA_KASIH]),
        ("speaker", "Orang Tak Dikenal", {}, []),
    ],
)
def test_quote_watchlists_match_the_quotes(
    filled: Store, kind: str, value: str, filters: dict[str, str], expected: list[str]
) -> None:
    add_watchlist(filled, make_spec("w", kind, value, **filters))
    page = live_matches(filled, "w", limit=50)
    assert [m.quote for m in page.items] == expected  # newest first
    assert page.total == len(expected)
    if expected:
        assert all(m.quote_idx is not None and m.key.startswith("q:") for m in page.items)


@pytest.mark.parametrize(
    ("kind", "value", "filters", "expected"),
    [
        (
            "query",
            "pelabuhan",
            {},
            ["Ekspor Tuna Melonjak", "Menteri Resmikan Pelabuhan Ikan <b>Tanjung Lestari</b>"],
        ),
        ("query", '"kapal pendingin"', {}, ["Seratus Kapal Pendingin untuk Nelayan"]),
        (
            "entity",
            YUSUF,
            {},
            [
                "Seratus Kapal Pendingin untuk Nelayan",
                "Menteri Resmikan Pelabuhan Ikan <b>Tanjung Lestari</b>",
            ],
        ),
        (
            "outlet",
            "PESISIR",
            {},
            [
                "Gelombang Tinggi, Nelayan Diminta Waspada",
                "Menteri Resmikan Pelabuhan Ikan <b>Tanjung Lestari</b>",
            ],
        ),
        ("topic", "Cuaca", {}, ["Gelombang Tinggi, Nelayan Diminta Waspada"]),
        (
            "entity",
            SARI,
            {"date_from": "2025-04-02", "outlet": "timur"},
            ["Ekspor Tuna Melonjak", "Seratus Kapal Pendingin untuk Nelayan"],
        ),
    ],
)
def test_article_watchlists_match_the_articles(
    filled: Store, kind: str, value: str, filters: dict[str, str], expected: list[str]
) -> None:
    add_watchlist(filled, make_spec("w", kind, value, **filters))
    assert _titles(filled, "w") == expected
    assert all(m.quote is None and m.key == "" for m in live_matches(filled, "w").items)


def test_items_are_recorded_once_with_a_pending_delivery_per_channel(filled: Store) -> None:
    add_watchlist(filled, make_spec("sari", "speaker", SARI))
    ((w, items),) = record_new(filled, channels=["digest", "webhook"], now="2025-04-05T08:00:00")
    assert sorted(i.quote or "" for i in items) == sorted([Q_PELABUHAN, Q_KAPAL, Q_BARU])
    assert w.mark is not None and w.checked_at == "2025-04-05T08:00:00"
    assert record_new(filled, channels=["digest", "webhook"])[0][1] == []
    assert len(pending_items(filled, "digest")) == 3 and pending_items(filled, "email") == []

    ids = [i.id for i in items]
    record_delivery(filled, "digest", ids)
    record_delivery(filled, "webhook", ids[:1], error="HTTP 503", max_attempts=2)
    assert pending_items(filled, "digest") == []
    assert len(pending_items(filled, "webhook")) == 3
    record_delivery(filled, "webhook", ids[:1], error="HTTP 503", max_attempts=2)  # given up
    assert [i.id for i in pending_items(filled, "webhook")] == ids[1:]
    record_delivery(filled, "digest", ids)  # already sent: nothing changes
    with filled.connect() as conn:
        d = t.watch_deliveries.c
        rows = conn.execute(
            sa.select(d.channel, d.status, d.attempts, d.last_error).order_by(d.item_id)
        ).all()
    assert sorted((r.channel, r.status, r.attempts) for r in rows) == sorted(
        [("digest", "sent", 1)] * 3
        + [("webhook", "failed", 2), ("webhook", "pending", 0), ("webhook", "pending", 0)]
    )
    assert {r.last_error for r in rows if r.status == "failed"} == {"HTTP 503"}


def test_new_items_are_unseen_until_marked_seen(filled: Store) -> None:
    add_watchlist(filled, make_spec("sari", "speaker", SARI))
    record_new(filled, channels=[])
    (w,) = list_watchlists(filled)
    assert (w.found, w.unseen) == (3, 3)
    assert all(i.new for i in found_items(filled, "sari"))
    assert mark_seen(filled, "sari") == 3
    assert get_watchlist(filled, "sari").unseen == 0 and found_items(filled, "sari", only_new=True) == []
    store_articles(filled, "pelabuhan")  # written again: nothing new
    assert record_new(filled, channels=[])[0][1] == []
    assert mark_seen(filled, "sari") == 0


def test_remove_forgets_items_and_deliveries(filled: Store) -> None:
    add_watchlist(filled, make_spec("sari", "speaker", SARI))
    add_watchlist(filled, make_spec("cuaca", "query", "gelombang"))
    found = record_new(filled, channels=["email"])
    assert [len(items) for _w, items in found] == [1, 3]  # by name: cuaca, sari
    assert found[0][1][0].title == "Gelombang Tinggi, Nelayan Diminta Waspada"
    assert found[0][1][0].quote is None
    remove_watchlist(filled, "sari")
    assert [w.name for w in list_watchlists(filled)] == ["cuaca"]
    counts = filled.counts()
    assert (counts["watch_items"], counts["watch_deliveries"]) == (1, 1)
    with pytest.raises(WatchlistError, match="no watchlist called 'sari'"):
        remove_watchlist(filled, "sari")


def test_names_and_definitions_are_checked(store: Store) -> None:
    add_watchlist(store, make_spec("sari", "speaker", SARI))
    with pytest.raises(WatchlistError, match="'sari' exists"):
        add_watchlist(store, make_spec("sari", "about", SARI))
    with pytest.raises(WatchlistError, match="kind 'orang' is not one of"):
        make_spec("x", "orang", SARI)
    with pytest.raises(WatchlistError, match="date_from: '2025-13-01' is not a day"):
        make_spec("x", "speaker", SARI, date_from="2025-13-01")
    with pytest.raises(WatchlistError, match="the speaker to watch is empty"):
        make_spec("x", "speaker", "   ")
    with pytest.raises(WatchlistError, match=r"name '\.\./x'"):
        make_spec("../x", "speaker", SARI)
    with pytest.raises(WatchlistError, match="no watchlist called 'tiada'"):
        record_new(store, channels=[], names=["tiada"])


def test_a_new_store_has_the_watchlist_tables_at_the_newest_revision(store: Store) -> None:
    from warta.storage.migrations import current_revision

    assert int(HEAD) == t.SCHEMA_VERSION
    with store.connect() as conn:
        names = set(sa.inspect(conn).get_table_names())
        assert current_revision(conn) == HEAD
    assert {"watchlists", "watch_items", "watch_deliveries"} <= names


def test_cuaca_quote_is_not_anyones_but_maria_ulfas(filled: Store) -> None:
    add_watchlist(filled, make_spec("maria", "speaker", "Maria Ulfa"))
    assert [m.quote for m in live_matches(filled, "maria").items] == [Q_CUACA]
