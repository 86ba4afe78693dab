"""Errors of the corpus store, each naming the database file.

They join the :mod:`warta.errors` tree under :class:`StorageError` (``W5xx``)::

    WartaError
    └── StorageError               W501: the store cannot be opened, read or written
        ├── CorruptStoreError      W502 (a damaged SQLite file)
        ├── ForeignStoreError      W503 (not SQLite, or SQLite without warta's tables)
        └── StoreVersionError      W504 (written by a newer warta)
"""

from __future__ import annotations

from warta.errors import WartaError

__all__ = ["CorruptStoreError", "ForeignStoreError", "StorageError", "StoreVersionError"]


class StorageError(WartaError):
    code = "W501"


class CorruptStoreError(StorageError):
    code = "W502"


class ForeignStoreError(StorageError):
    code = "W503"


class StoreVersionError(StorageError):
    code = "W504"
