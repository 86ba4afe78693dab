"""Schema migrations of the corpus store (Alembic), for SQLite and PostgreSQL alike.

:func:`upgrade` brings a store to the newest schema in place; ``Store.open`` calls it, and
``warta db upgrade --db ...`` runs it on its own. A store made before migrations existed
(schema version 1, no ``alembic_version`` table) is stamped at the baseline first. To add
a migration: a new module in ``versions/`` (``revision``, ``down_revision``, ``upgrade()``),
written for both backends, and ``SCHEMA_VERSION`` in ``storage/tables.py`` raised to match.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["HEAD", "current_revision", "upgrade"]

HEAD = "0009"
_BASELINE = "0001"
_HERE = Path(__file__).resolve().parent


def _config(conn: Any) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    cfg.attributes["connection"] = conn
    return cfg


def current_revision(conn: Any) -> str | None:
    """The store's revision, None for a store made before migrations existed."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def upgrade(conn: Any, *, new: bool = False) -> tuple[str | None, str]:
    """Bring the store on ``conn`` to :data:`HEAD` (in the caller's transaction); a ``new``
    store, just made with the newest tables, is only stamped. Returns (from, to)."""
    from alembic import command

    cfg = _config(conn)
    before = current_revision(conn)
    if new:
        command.stamp(cfg, HEAD)
        return before, HEAD
    if before is None:
        command.stamp(cfg, _BASELINE)  # a store of schema version 1, from before migrations
        before = _BASELINE
    if before != HEAD:
        command.upgrade(cfg, HEAD)
    return before, HEAD
