"""warta.storage.queries directly: kept answers follow the store, and the queries work on a
store of an older schema gets the read layer's indexes by migration."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from warta.article import Article, Published, Source
from warta.storage import Store, queries
from warta.storage.writer import article_fingerprint


def _copy(src: Path, dst: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def test_kept_answers_follow_the_store(sqlite_db: str, tmp_path: Path) -> None:
    with Store.open(_copy(Path(sqlite_db), tmp_path / "k.db"), create=False) as store:
        before = queries.corpus_stats(store)
        outlets = dict(queries.list_outlets(store))
        text = "Gubernur Sinta Maharani meresmikan pasar baru di Sukamaju."
        article = Article(
            id="baru",
            raw=text,
            text=text,
            title="Pasar Baru",
            source=Source(outlet="Kabar Baru", url="https://kabar-baru.test/1"),
            published=Published(value=datetime(2025, 3, 23), method="metadata"),
        )
        store.write_batch([(article, article_fingerprint(article, pipeline="uji"))])
        after = queries.corpus_stats(store)
        assert after.articles == before.articles + 1 and after.last_day == "2025-03-23"
        assert dict(queries.list_outlets(store)) == {**outlets, "Kabar Baru": 1}
        assert queries.list_articles(store, outlet="baru").total == 1


def test_a_store_without_the_read_indexes_gets_them(
    sqlite_db: str, tmp_path: Path, web_ids: dict[str, int]
) -> None:
    """A store of schema 2 (warta 0.2, whose web app made these indexes on demand) is
    brought to revision 0003 on open: the indexes exist and the answers are the same."""
    from warta.storage.migrations import HEAD
    from warta.storage.migrations.versions.v0003_read_indexes import INDEXES

    db = _copy(Path(sqlite_db), tmp_path / "lama.db")
    with Store.open(sqlite_db, create=False) as indexed:
        want = queries.entity_profile_by_id(indexed, web_ids["speaker"])
        want_net = queries.entity_network(indexed, web_ids["speaker"])
    with sqlite3.connect(db) as conn:
        for name, _table, _columns in INDEXES:
            conn.execute(f"DROP INDEX IF EXISTS {name}")
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'version'")
    with Store.open(db, create=False) as old:
        assert queries.entity_profile_by_id(old, web_ids["speaker"]) == want
        assert queries.entity_network(old, web_ids["speaker"]) == want_net
        assert queries.quotes_by_outlet(old, speaker_id=web_ids["speaker"])[0].outlet == "Kabar Uji"
    with sqlite3.connect(db) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {name for name, _t, _c in INDEXES} <= names
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
