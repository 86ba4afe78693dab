"""A store of schema 6 (before corrections) is upgraded in place to the newest schema: its quotes start
unreviewed and can be corrected."""

from __future__ import annotations

import sqlalchemy as sa
from reviewhelpers import pasar_article, write

from warta.storage import Store
from warta.storage import queries as Q
from warta.storage import tables as t
from warta.storage.corrections import add_correction
from warta.storage.migrations import HEAD


def test_a_store_of_schema_6_gets_the_correction_log(review_target: str) -> None:
    with Store.open(review_target) as store:
        aid = write(store, pasar_article())
        with store.transaction() as conn:
            conn.exec_driver_sql("DROP TABLE corrections")
            for column in ("reviewed", "rejected", "original"):
                conn.exec_driver_sql(f"ALTER TABLE quotes DROP COLUMN {column}")
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0006'")
            conn.execute(t.meta.update().where(t.meta.c.key == "version").values(value="6"))
    with Store.open(review_target, create=False) as store:
        with store.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == HEAD == "0009"
        assert [r.reviewed for r in Q.quote_page(store).items] == [False, False]
        add_correction(store, aid, 0, "reject", reviewer="dewi")
        assert Q.quote_page(store).total == 1
