"""PostgreSQL for the store's tests (imported by name: ``from pghelpers import ...``).

The store's tests run on SQLite and, when ``WARTA_TEST_POSTGRES`` names a server (a URL of a
database the tests may create databases from, e.g. ``postgresql://postgres@127.0.0.1:5432/postgres``),
on PostgreSQL too; ``.ci/run`` starts a throwaway server and sets it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

PG_ENV = "WARTA_TEST_POSTGRES"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def is_url(target: object) -> bool:
    return "://" in str(target)


def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database (dropped afterwards), as a URL; skips without a server."""
    import sqlalchemy as sa

    from warta.storage.repository import database_url

    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"no PostgreSQL server for the tests ({PG_ENV} unset)")
    name = f"warta_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(database_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
