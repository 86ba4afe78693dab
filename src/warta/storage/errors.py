"""Errors of the corpus store: :class:`warta.errors.StorageError` and its subclasses (W5xx),
importable from here too."""

from __future__ import annotations

from warta.errors import CorruptStoreError, ForeignStoreError, StorageError, StoreVersionError

__all__ = ["CorruptStoreError", "ForeignStoreError", "StorageError", "StoreVersionError"]
