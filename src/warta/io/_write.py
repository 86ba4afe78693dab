"""Writers: Articles to JSON Lines."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Protocol

from warta.article import Article, to_json

__all__ = ["write_jsonl"]


def write_jsonl(target: str | Path | IO[bytes] | IO[str], articles: Iterable[Article]) -> int:
    """Write one JSON object per line (:func:`warta.article.to_json`); return the count.

    Args:
        target: a path (gzip-compressed when it ends in ``.gz``; replaced if present)
            or an open stream, binary or text (``sys.stdout``); a stream is not closed.
        articles: the articles, consumed lazily.

    Example:
        >>> write_jsonl("hasil.jsonl.gz", read_inputs(["berita/"], settings=s))  # doctest: +SKIP
    """
    if isinstance(target, str | Path):
        path = Path(target)
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "wb") as fh:
                return _write(fh, articles)
        with path.open("wb") as fh:
            return _write(fh, articles)
    return _write(target, articles)


class _Writer(Protocol):
    def write(self, data: Any, /) -> int | None: ...


def _write(fh: _Writer, articles: Iterable[Article]) -> int:
    # A text stream (sys.stdout) takes str; any other stream takes bytes.
    text = isinstance(fh, io.TextIOBase)
    count = 0
    for article in articles:
        line = to_json(article) + b"\n"
        fh.write(line.decode("utf-8") if text else line)
        count += 1
    return count
