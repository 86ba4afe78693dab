"""The corpus store: analysed articles in SQLite (or PostgreSQL), searchable and linked.

- :class:`Store` opens a database and writes articles (:mod:`.repository`, :mod:`.writer`);
- :func:`search` ranks articles by BM25 with Indonesian stems (:mod:`.search`);
- :func:`entity_profile` and :func:`list_quotes`: one page per person (:mod:`.profiles`);
- :func:`find_recycled` and :func:`find_stories`: copies and stories (:mod:`.recycled`);
- :func:`export_articles`: JSONL, CSV, Parquet (:mod:`.export`).

Importing this package opens nothing.
"""

from __future__ import annotations

from .errors import CorruptStoreError, ForeignStoreError, StorageError, StoreVersionError
from .repository import Store

__all__ = [
    "CorruptStoreError",
    "ForeignStoreError",
    "StorageError",
    "Store",
    "StoreVersionError",
]
