from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from storagehelpers import BERITA_BANJIR, BERITA_INVESTASI, person_article

from warta.io import Reject
from warta.storage import CorruptStoreError, ForeignStoreError, StorageError, Store, StoreVersionError
from warta.storage import tables as t
from warta.storage.writer import article_fingerprint


def _write(store: Store, *articles: object) -> tuple[int, int]:
    items = [(a, article_fingerprint(a, pipeline="p1")) for a in articles]  # type: ignore[arg-type]
    return store.write_batch(items)  # type: ignore[arg-type]


def test_new_store_has_the_schema(store: Store) -> None:
    counts = store.counts()
    assert counts["articles"] == 0 and counts["meta"] == 4
    assert store.integrity_check() == "ok"


def test_same_url_is_updated_not_duplicated(store: Store) -> None:
    a = person_article(
        id="a", url="https://berita.test/a", outlet="Warta Kita", day="2025-03-03", text=BERITA_BANJIR
    )
    assert _write(store, a) == (1, 0)
    changed = person_article(
        id="a",
        url="https://www.berita.test/a/",
        outlet="Warta Kita",
        day="2025-03-03",
        text=BERITA_BANJIR + " Air mulai surut pada Selasa.",
    )
    assert _write(store, changed) == (0, 1)
    assert store.counts()["articles"] == 1
    assert store.get_article(1) is not None and "surut" in store.get_article(1).text  # type: ignore[union-attr]


def test_same_content_elsewhere_is_one_article_with_two_sources(store: Store) -> None:
    a = person_article(id="a", url="https://satu.test/x", outlet="Satu", day="2025-03-03", text=BERITA_BANJIR)
    b = person_article(
        id="b", url="https://dua.test/y", outlet="Dua", day="2025-03-04", text=BERITA_BANJIR.upper()
    )
    _write(store, a)
    assert _write(store, b) == (0, 1)
    counts = store.counts()
    assert counts["articles"] == 1 and counts["article_sources"] == 2


def test_rejects_are_counted_not_duplicated(store: Store) -> None:
    r = Reject("data.jsonl:3", "W104", "line 3: bad JSON")
    store.write_batch([], rejects=[r])
    store.write_batch([], rejects=[r])
    with store.connect() as conn:
        rows = conn.execute(sa.select(t.rejects.c.source, t.rejects.c.count)).all()
    assert [tuple(x) for x in rows] == [("data.jsonl:3", 2)]


def test_readers_keep_working_during_a_write(tmp_path: Path) -> None:
    path = tmp_path / "korpus.db"
    with Store.open(path) as writer, Store.open(path) as reader:
        _write(writer, person_article(id="a", url=None, outlet="X", day="2025-01-01", text=BERITA_BANJIR))
        with writer.transaction() as conn:
            conn.execute(t.meta.insert().values(key="uji", value="1"))
            # The write lock is held; a reader still sees the last commit at once.
            assert reader.counts()["articles"] == 1
            assert reader.counts()["meta"] == 4
        assert reader.counts()["meta"] == 5


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "catatan.db"
    path.write_text("Ini bukan basis data, hanya catatan rapat.\n", encoding="utf-8")
    with pytest.raises(ForeignStoreError, match=r"W503.*catatan\.db.*not a SQLite database"):
        Store.open(path)


def test_someone_elses_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lain.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE pelanggan (id INTEGER, nama TEXT)")
    with pytest.raises(ForeignStoreError, match=r"lain\.db.*not a warta corpus.*pelanggan"):
        Store.open(path)


def test_corrupt_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "rusak.db"
    with Store.open(path) as s:
        _write(s, person_article(id="a", url=None, outlet="X", day="2025-01-01", text=BERITA_INVESTASI))
    data = bytearray(path.read_bytes())
    # Keep the header, wreck the pages behind it.
    data[100:] = b"\xff" * (len(data) - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptStoreError, match=r"W502.*rusak\.db.*damaged"), Store.open(path) as s:
        s.counts()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "baru.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'version'")
    with pytest.raises(StoreVersionError, match="newer warta"):
        Store.open(path)


def test_missing_store_without_create(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="warta ingest"):
        Store.open(tmp_path / "tidak-ada.db", create=False)
