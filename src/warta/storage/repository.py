"""The corpus store: one object in front of the database, whatever the backend.

:class:`Store` opens (or creates) the database, checks that it is a warta store, and
writes analysed articles in transactions. Queries live in their own modules
(:mod:`.search`, :mod:`.people`, :mod:`.dupes`, :mod:`.export`) and take a Store.

SQLite is the embedded backend: one file, WAL journal so that readers (search, the
API) keep working while an ingest writes. A PostgreSQL URL (``postgresql://...``)
gets the same tables; only full-text search is SQLite-specific for now.

Example:
    >>> with Store.open("warta.db") as store:  # doctest: +SKIP
    ...     store.write_batch([(article, article_fingerprint(article))], rejects=[])
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from warta.article import Article
from warta.io import Reject

from . import migrations
from . import tables as t
from .dupes import SIGNATURE_VERSION
from .errors import CorruptStoreError, ForeignStoreError, StorageError, StoreVersionError
from .events import utc_now
from .memo import Memo
from .writer import Fingerprint, Writer

T = TypeVar("T")

__all__ = ["Store"]

logger = logging.getLogger(__name__)

_SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every warta store has; a SQLite file with other tables only is someone else's.
_OUR_TABLES = {"meta", "articles"}


def database_url(target: str) -> sa.URL:
    """The SQLAlchemy URL of a store given as a URL (``postgresql://`` uses psycopg 3, the
    maintained driver) or a SQLite file path."""
    if "://" not in target:
        return sa.engine.make_url(f"sqlite:///{target}")
    url = sa.engine.make_url(target)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL: readers see the last commit while a writer works; NORMAL sync is durable
    # against a killed process (the WAL is in the OS's hands at commit).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # Wait for another writer's lock instead of failing at once (a second ingest).
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def _sqlite_writer_engine(path: Path) -> Engine:
    """An engine whose transactions start with BEGIN IMMEDIATE.

    The write lock is taken when the transaction starts, so a second writer waits
    (busy_timeout) instead of failing half-way when a read lock cannot be upgraded.
    Readers use the other engine and never take the lock.
    """
    engine = sa.create_engine(f"sqlite:///{path}")

    def on_connect(dbapi_conn: Any, record: Any) -> None:
        _sqlite_pragmas(dbapi_conn, record)
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves

    def on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    sa.event.listen(engine, "connect", on_connect)
    sa.event.listen(engine, "begin", on_begin)
    return engine


class Store:
    """A warta corpus database.

    Use :meth:`open`; close it (or use ``with``) when done.

    Attributes:
        engine: the SQLAlchemy engine, for queries.
        name: what messages call the database (the file path, or the URL without password).
        memo: answers the read layer keeps until the store changes (:class:`~warta.storage.memo.Memo`).
    """

    def __init__(self, engine: Engine, *, name: str, writer_engine: Engine | None = None) -> None:
        self.engine = engine
        self.name = name
        self._writer_engine = writer_engine or engine
        self.memo = Memo()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @classmethod
    def open(cls, target: str | Path, *, create: bool = True) -> Store:
        """Open the store at ``target`` (a file path or a database URL), creating it if allowed.

        Raises:
            ForeignStoreError: the file is not SQLite, or SQLite without warta's tables (W503).
            CorruptStoreError: the SQLite file is damaged (W502).
            StoreVersionError: written by a newer warta (W504).
            StorageError: missing and ``create`` is False, or cannot be opened (W501).
        """
        text = str(target)
        writer: Engine | None = None
        if "://" in text:
            url = database_url(text)
            name = url.render_as_string(hide_password=True)
            engine = sa.create_engine(url, pool_pre_ping=True)
        else:
            path = Path(text)
            name = str(path)
            _check_file(path, create=create)
            engine = sa.create_engine(f"sqlite:///{path}")
            sa.event.listen(engine, "connect", _sqlite_pragmas)
            writer = _sqlite_writer_engine(path)
        store = cls(engine, name=name, writer_engine=writer)
        try:
            store._init_schema()
        except sa.exc.DatabaseError as exc:
            store.close()
            raise _translate(exc, name) from exc
        except StorageError:
            store.close()
            raise
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()
        self._writer_engine.dispose()

    def state(self, conn: Connection | None = None) -> tuple[Any, ...]:
        """A value that changes whenever an article is added, updated or removed, or a
        correction is made or undone: the article count, the newest id, the newest change
        time, the newest correction and the undone ones, of quotes and of entities (index lookups)."""
        if conn is None:
            with self.connect() as own:
                return self.state(own)
        return tuple(
            conn.execute(
                sa.text(
                    "SELECT (SELECT count(*) FROM articles), (SELECT max(id) FROM articles), "
                    "(SELECT max(updated_at) FROM articles), (SELECT max(id) FROM corrections), "
                    "(SELECT count(undone_at) FROM corrections), (SELECT max(id) FROM entity_corrections), "
                    "(SELECT count(undone_at) FROM entity_corrections)"
                )
            ).one()
        )

    def remember(self, key: tuple[Any, ...], compute: Callable[[], T], *, single_flight: bool = False) -> T:
        """``compute()``, kept in :attr:`memo` until the store changes."""
        return self.memo.get(self.state(), key, compute, single_flight=single_flight)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A read connection; database errors become StorageErrors naming the store."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except sa.exc.DatabaseError as exc:
            raise _translate(exc, self.name) from exc

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction: committed when the block ends, rolled back on an error."""
        try:
            with self._writer_engine.begin() as conn:
                yield conn
        except sa.exc.DatabaseError as exc:
            raise _translate(exc, self.name) from exc

    def _init_schema(self) -> None:
        with self.transaction() as conn:
            names = set(sa.inspect(conn).get_table_names())
            if names and not names >= _OUR_TABLES:
                shown = ", ".join(sorted(names)[:8])
                raise ForeignStoreError(
                    f"a database, but not a warta corpus (its tables: {shown}); "
                    "choose another --db or move the file away",
                    source=self.name,
                )
            if names:
                self._check_version(conn)
                # An older store is brought to the newest schema in place (warta.storage.migrations).
                before, after = migrations.upgrade(conn)
                if before != after:
                    logger.warning("%s: upgraded the store's schema from %s to %s", self.name, before, after)
                    conn.execute(
                        t.meta.update().where(t.meta.c.key == "version").values(value=str(t.SCHEMA_VERSION))
                    )
                return
            t.metadata.create_all(conn)
            if self.is_sqlite:
                conn.exec_driver_sql(t.FTS_DDL)
            elif conn.dialect.name == "postgresql":
                t.pg_metadata.create_all(conn)
                conn.exec_driver_sql(t.PG_TEXT_INDEX)
                t.compress_tsv_lz4(conn)
            conn.execute(
                t.meta.insert(),
                [
                    {"key": "schema", "value": t.SCHEMA_NAME},
                    {"key": "version", "value": str(t.SCHEMA_VERSION)},
                    {"key": "created", "value": utc_now()},
                    {"key": "signatures", "value": SIGNATURE_VERSION},
                ],
            )
            migrations.upgrade(conn, new=True)

    def _check_version(self, conn: Connection) -> None:
        found = dict(conn.execute(sa.select(t.meta.c.key, t.meta.c.value)).all())
        if found.get("schema") != t.SCHEMA_NAME:
            raise ForeignStoreError(
                f"has a 'meta' table but is not a warta corpus (schema={found.get('schema')!r})",
                source=self.name,
            )
        version = int(found.get("version", "0"))
        if version > t.SCHEMA_VERSION:
            raise StoreVersionError(
                f"written by a newer warta (schema version {version}; this warta reads up to "
                f"{t.SCHEMA_VERSION}); upgrade warta",
                source=self.name,
            )

    # -- writing ---------------------------------------------------------------------

    def write_batch(
        self,
        items: Sequence[tuple[Article, Fingerprint]],
        *,
        rejects: Sequence[Reject] = (),
        over_budget: Sequence[tuple[Fingerprint, str]] = (),
        writer: Writer | None = None,
        after: Callable[[Connection, list[tuple[int, bool]]], None] | None = None,
    ) -> tuple[int, int]:
        """Store analysed articles, rejects and records over budget in one transaction.

        An article already stored under the same URL or the same content hash is
        updated in place (its parts replaced), never duplicated. ``over_budget`` lists
        the records (by fingerprint, with the reason) that a later ingest skips.
        ``after`` runs last in the same transaction, with each article's (row id, inserted),
        for rows that must change with the articles (the news collector's frontier).

        Returns:
            (inserted, updated) article counts.
        """
        w = writer or Writer()
        inserted = updated = 0
        with self.transaction() as conn:
            written: list[tuple[int, bool]] = []
            for article, fp in items:
                new = w.write_article(conn, article, fp)
                if new:
                    inserted += 1
                else:
                    updated += 1
                written.append((w.last_id or 0, new))
            now = utc_now()
            for reject in rejects:
                _write_reject(conn, reject, now)
            for fp, reason in over_budget:
                _write_over_budget(conn, fp, reason, now)
            if after is not None:
                after(conn, written)
        return inserted, updated

    # -- reading ---------------------------------------------------------------------

    def known(self) -> dict[str, tuple[str, str]]:
        """Every source key and content hash stored -> (content hash, pipeline hash).

        Keys are the normalised URLs (and files, for inputs without a URL) from
        ``article_sources``, plus ``sha1:<hash>`` for every article, so that an ingest can
        skip what is already stored without reading it again.
        """
        out: dict[str, tuple[str, str]] = {}
        with self.connect() as conn:
            rows = conn.execute(
                sa.select(
                    t.article_sources.c.source_key, t.articles.c.content_hash, t.articles.c.pipeline
                ).join(t.articles, t.articles.c.id == t.article_sources.c.article_id)
            )
            for key, chash, pipe in rows:
                out[key] = (chash, pipe)
            for chash, pipe in conn.execute(sa.select(t.articles.c.content_hash, t.articles.c.pipeline)):
                out[f"sha1:{chash}"] = (chash, pipe)
        return out

    def over_budget(self) -> set[tuple[str, str]]:
        """(source key, content hash) of every record that ran over the per-article budget."""
        ob = t.over_budget.c
        with self.connect() as conn:
            return {(k, h) for k, h in conn.execute(sa.select(ob.source_key, ob.content_hash))}

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self.connect() as conn:
            return {
                table.name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
                for table in t.metadata.sorted_tables
            }

    def record_version(self, description: dict[str, Any]) -> None:
        """Keep what an analysis version stands for (``meta`` key ``analysis:<version>``), so
        that ``warta status`` can say which steps changed since."""
        key = f"analysis:{description['version']}"
        value = json.dumps(description, ensure_ascii=False, sort_keys=True)
        with self.transaction() as conn:
            found = conn.execute(sa.select(t.meta.c.value).where(t.meta.c.key == key)).scalar()
            if found is None:
                conn.execute(t.meta.insert().values(key=key, value=value))

    def versions(self) -> list[dict[str, Any]]:
        """Articles per analysis version (newest first), with what each version stood for
        when it was recorded."""
        a = t.articles.c
        with self.connect() as conn:
            rows = conn.execute(
                sa.select(a.pipeline, sa.func.count(), sa.func.min(a.updated_at), sa.func.max(a.updated_at))
                .group_by(a.pipeline)
                .order_by(sa.func.max(a.updated_at).desc())
            ).all()
            known = {
                k.removeprefix("analysis:"): json.loads(v)
                for k, v in conn.execute(
                    sa.select(t.meta.c.key, t.meta.c.value).where(t.meta.c.key.like("analysis:%"))
                )
            }
        return [
            {
                "version": v,
                "articles": int(n),
                "first": first,
                "last": last,
                "steps": known.get(v, {}).get("steps"),
                "warta": known.get(v, {}).get("warta"),
            }
            for v, n, first, last in rows
        ]

    def stale_ids(self, version: str, *, after: int = 0, limit: int = 1000) -> list[int]:
        """Row ids of articles analysed by another version than ``version``, in id order."""
        a = t.articles.c
        with self.connect() as conn:
            return [
                int(i)
                for i in conn.execute(
                    sa.select(a.id).where(a.pipeline != version, a.id > after).order_by(a.id).limit(limit)
                ).scalars()
            ]

    def get_article(self, article_id: int) -> Article | None:
        """The stored Article record of row ``article_id``."""
        from .writer import decode_doc

        with self.connect() as conn:
            doc = conn.execute(sa.select(t.articles.c.doc).where(t.articles.c.id == article_id)).scalar()
        return None if doc is None else decode_doc(doc)

    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` answer (``ok`` for a sound file)."""
        if not self.is_sqlite:
            return "ok"
        with self.connect() as conn:
            return "; ".join(str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check"))


def _write_reject(conn: Connection, reject: Reject, now: str) -> None:
    existing = conn.execute(
        sa.select(t.rejects.c.id).where(t.rejects.c.source == reject.source, t.rejects.c.code == reject.code)
    ).scalar()
    if existing is None:
        conn.execute(
            t.rejects.insert().values(
                source=reject.source,
                code=reject.code,
                reason=reject.reason,
                first_seen=now,
                last_seen=now,
                count=1,
            )
        )
    else:
        conn.execute(
            t.rejects.update()
            .where(t.rejects.c.id == existing)
            .values(reason=reject.reason, last_seen=now, count=t.rejects.c.count + 1)
        )


def _write_over_budget(conn: Connection, fp: Fingerprint, reason: str, now: str) -> None:
    ob = t.over_budget.c
    key = (ob.source_key == fp.source_key) & (ob.content_hash == fp.content_hash)
    if conn.execute(sa.select(ob.count).where(key)).first() is None:
        conn.execute(
            t.over_budget.insert().values(
                source_key=fp.source_key,
                content_hash=fp.content_hash,
                reason=reason,
                first_seen=now,
                last_seen=now,
                count=1,
            )
        )
    else:
        conn.execute(
            t.over_budget.update().where(key).values(reason=reason, last_seen=now, count=ob.count + 1)
        )


def _check_file(path: Path, *, create: bool) -> None:
    if not path.exists():
        if not create:
            raise StorageError("no such corpus database; run `warta ingest` first", source=str(path))
        if not path.parent.exists():
            raise StorageError(f"folder {path.parent} does not exist", source=str(path))
        return
    if path.is_dir():
        raise StorageError("is a folder, not a database file", source=str(path))
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StorageError(f"cannot read: {exc.strerror or exc}", source=str(path)) from exc
    if head and head != _SQLITE_MAGIC:
        raise ForeignStoreError(
            "not a SQLite database (wrong file header); not a warta corpus", source=str(path)
        )


def _translate(exc: sa.exc.DatabaseError, name: str) -> StorageError:
    orig = exc.orig
    message = str(orig) if orig is not None else str(exc)
    if isinstance(orig, sqlite3.DatabaseError) and (
        "malformed" in message or "not a database" in message or "corrupt" in message
    ):
        return CorruptStoreError(
            f"the database file is damaged ({message}); restore a backup or re-run the ingest into a new file",
            source=name,
        )
    if "locked" in message or "busy" in message:
        return StorageError(f"the database is locked by another writer ({message})", source=name)
    return StorageError(f"database error: {message}", source=name)
