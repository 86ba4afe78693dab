"""The corpus store: analysed articles in SQLite (or PostgreSQL), searchable and linked.

- :class:`Store` opens a database and writes articles (:mod:`.repository`, :mod:`.writer`);
- :mod:`.queries` is the read layer: search (BM25 with Indonesian stems), entity
  profiles, quotes, duplicates, for the CLI, the API and the pages alike;
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
