"""Rejects: inputs (files or records) that could not become an Article, and why."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO

import msgspec

from warta.article import Article
from warta.errors import WartaError

__all__ = ["Reject", "RejectSink", "write_rejects"]

logger = logging.getLogger(__name__)


class Reject(msgspec.Struct, frozen=True):
    """An input that was not read, with the error code and a human reason.

    ``source`` is the file (``berita.txt``), or the record inside it: ``data.jsonl:3``
    (line), ``data.csv:5`` (line where the row starts), ``data.json#/2`` (array item).
    """

    source: str
    code: str
    reason: str

    @classmethod
    def from_error(cls, error: WartaError, *, source: str | None = None) -> Reject:
        """A reject for ``error``; ``source`` defaults to the error's own."""
        return cls(source=source or error.source or "?", code=error.code, reason=error.message)


_encoder = msgspec.json.Encoder()


def write_rejects(path: str | Path, rejects: Iterable[Reject]) -> int:
    """Write ``rejects`` to ``path`` as JSON Lines (replacing the file); return the count."""
    with RejectSink(path, mode="w") as sink:
        for reject in rejects:
            sink.add(reject)
        return sink.count


class RejectSink:
    """A rejects file that grows as a run goes, one JSON line per reject.

    Appends by default, so several runs can share one file. Each line is flushed, so
    an interrupted run keeps what it rejected so far. Use it in a ``with`` block, or
    call :meth:`close` when done (the file is then opened on the first reject).

    Example:
        >>> with RejectSink(tmp / "rejects.jsonl") as sink:  # doctest: +SKIP
        ...     articles = list(sink.divert(read_inputs(paths, settings=settings)))
    """

    def __init__(self, path: str | Path, *, mode: str = "a") -> None:
        if mode not in ("a", "w"):
            raise ValueError(f"mode must be 'a' or 'w', not {mode!r}")
        self.path = Path(path)
        self.mode = mode
        self.count = 0
        self._fh: IO[bytes] | None = None

    def __enter__(self) -> RejectSink:
        self._open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _open(self) -> IO[bytes]:
        if self._fh is None:
            self._fh = self.path.open(self.mode + "b")
            # A second open (after close) must not truncate what the first one wrote.
            self.mode = "a"
        return self._fh

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def add(self, reject: Reject) -> None:
        fh = self._open()
        fh.write(_encoder.encode(reject) + b"\n")
        fh.flush()
        self.count += 1
        logger.info("rejected %s: [%s] %s", reject.source, reject.code, reject.reason)

    def divert(self, items: Iterable[Article | Reject]) -> Iterator[Article]:
        """Yield the articles of ``items``; write its rejects here."""
        for item in items:
            if isinstance(item, Reject):
                self.add(item)
            else:
                yield item
