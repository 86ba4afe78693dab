"""Answers kept on a :class:`~warta.storage.Store` until the store changes.

Corpus-wide aggregates (the home page's counts, articles per entity, a clustering of the
whole corpus) take from a tenth of a second to several seconds; the read layer
(:mod:`warta.storage.queries`) keeps them here, keyed by the store's state (its article
count, newest id and newest change time), so the next reader gets them at once and a
written article makes them stale. Each store has its own memo (``store.memo``): nothing
is kept in a module, and closing the store lets it go.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["Memo"]

T = TypeVar("T")


class Memo:
    """A bounded, thread-safe map from (state, key) to a kept answer.

    ``size`` answers at most; the one used least recently is dropped first. With
    ``single_flight``, callers asking for the same missing answer wait for one
    computation instead of each running it (for the long ones: clusterings).
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Hashable, ...], Any] = OrderedDict()
        self._lock = threading.Lock()
        self._flights: dict[tuple[Hashable, ...], threading.Lock] = {}

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def _get(self, full: tuple[Hashable, ...]) -> tuple[bool, Any]:
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return True, self._items[full]
        return False, None

    def _put(self, full: tuple[Hashable, ...], value: Any) -> None:
        with self._lock:
            self._items[full] = value
            self._items.move_to_end(full)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def get(
        self,
        state: Hashable,
        key: tuple[Hashable, ...],
        compute: Callable[[], T],
        *,
        single_flight: bool = False,
    ) -> T:
        """The answer kept for ``key`` in store state ``state``, computed when missing."""
        full = (state, *key)
        found, value = self._get(full)
        if found:
            return value  # type: ignore[no-any-return]
        if not single_flight:
            computed = compute()
            self._put(full, computed)
            return computed
        with self._lock:
            flight = self._flights.setdefault(full, threading.Lock())
        try:
            with flight:
                found, value = self._get(full)
                if not found:
                    value = compute()
                    self._put(full, value)
                return value  # type: ignore[no-any-return]
        finally:
            with self._lock:
                self._flights.pop(full, None)
