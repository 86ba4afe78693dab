"""warta.web.queries directly: kept answers follow the store, and the queries work on a
store without the web indexes (as written by an older warta, or read-only)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from warta.article import Article, Published, Source
from warta.storage import Store
from warta.storage.writer import article_fingerprint
from warta.web import queries


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


def test_queries_without_the_web_indexes(sqlite_db: str, tmp_path: Path, web_ids: dict[str, int]) -> None:
    db = _copy(Path(sqlite_db), tmp_path / "lama.db")
    with Store.open(sqlite_db, create=False) as indexed:
        queries.ensure_indexes(indexed)
        want = queries.entity_profile_by_id(indexed, web_ids["speaker"])
        want_net = queries.entity_network(indexed, web_ids["speaker"])
    with sqlite3.connect(db) as conn:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'")
        ]
        for ddl in queries._INDEXES:
            name = queries._index_name(ddl)
            if name in names:
                conn.execute(f"DROP INDEX {name}")
    with Store.open(db, create=False) as old:
        queries._HAS_NARROW.pop(old.name, None)
        assert queries.entity_profile_by_id(old, web_ids["speaker"]) == want
        assert queries.entity_network(old, web_ids["speaker"]) == want_net
        assert queries.quotes_by_outlet(old, speaker_id=web_ids["speaker"])[0].outlet == "Kabar Uji"
        assert queries.ensure_indexes(old) is True
        assert queries.entity_profile_by_id(old, web_ids["speaker"]) == want
