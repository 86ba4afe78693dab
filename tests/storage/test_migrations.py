"""A store written by an older warta is brought to the newest schema in place."""

from __future__ import annotations

import sqlalchemy as sa
from storagehelpers import BERITA_INVESTASI, person_article
from typer.testing import CliRunner

from warta.cli import app
from warta.storage import Store
from warta.storage import tables as t
from warta.storage.migrations import HEAD
from warta.storage.queries.text_search import search
from warta.storage.writer import article_fingerprint


def _make_old(target: str) -> None:
    """A store as warta 0.1 left it: schema version 1, no migrations table, and on
    PostgreSQL no text index."""
    a = person_article(
        id="inv",
        url="https://a.test/1",
        outlet="Warta Kita",
        day="2025-03-03",
        text=BERITA_INVESTASI,
        title="Bupati Ajak Warga Menanam Modal",
    )
    with Store.open(target) as store:
        store.write_batch([(a, article_fingerprint(a, pipeline="p"))])
        with store.transaction() as conn:
            conn.exec_driver_sql("DROP TABLE alembic_version")
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("DROP TABLE articles_text")
            conn.execute(t.meta.update().where(t.meta.c.key == "version").values(value="1"))


def test_an_old_store_is_upgraded_in_place_and_keeps_its_articles(store_target: str) -> None:
    _make_old(store_target)
    runner = CliRunner()
    assert "before migrations" in runner.invoke(app, ["db", "current", "--db", store_target]).stdout
    result = runner.invoke(app, ["db", "upgrade", "--db", store_target])
    assert result.exit_code == 0, result.output
    with Store.open(store_target, create=False) as store:
        with store.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == HEAD
            assert conn.execute(sa.select(t.meta.c.value).where(t.meta.c.key == "version")).scalar() == str(
                t.SCHEMA_VERSION
            )
        assert store.counts()["articles"] == 1
        # The text index the new schema added is filled from the stored articles.
        assert [h.title for h in search(store, "investasi")] == ["Bupati Ajak Warga Menanam Modal"]
    assert "(newest)" in runner.invoke(app, ["db", "current", "--db", store_target]).stdout


def test_a_new_store_starts_at_the_newest_revision(store_target: str) -> None:
    with Store.open(store_target) as store, store.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == HEAD
