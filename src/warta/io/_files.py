"""Suffixes, opening (plain or gzip) and size limits, with errors that name the file."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Literal

from warta.errors import EmptyInputError, InputError, InputTooLargeError, MalformedInputError

__all__ = ["SUPPORTED_SUFFIXES", "Format", "format_of", "open_binary", "read_whole", "suffix_of"]

Format = Literal["text", "html", "jsonl", "json", "csv", "feed", "warc"]

_FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}

# Every format also reads gzip-compressed, as corpora are shipped (".jsonl.gz").
SUPPORTED_SUFFIXES: tuple[str, ...] = (*_FORMATS, *(s + ".gz" for s in _FORMATS))

# Read buffer; also the most a peek at a file's head returns.
_BUFFER = 1 << 16


def suffix_of(path: Path) -> str:
    """The lower-cased suffix that decides the reader: ``.txt``, or ``.jsonl.gz`` for gzip."""
    suffixes = [s.lower() for s in path.suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz":
        return "".join(suffixes[-2:])
    return suffixes[-1] if suffixes else ""


def format_of(suffix: str) -> tuple[Format, bool] | None:
    """(format, gzipped) for a suffix from :func:`suffix_of`, or None when unsupported."""
    gz = suffix.endswith(".gz")
    fmt = _FORMATS.get(suffix.removesuffix(".gz") if gz else suffix)
    return None if fmt is None else (fmt, gz)


@contextmanager
def open_binary(path: Path, *, gz: bool, source: str) -> Iterator[IO[bytes]]:
    """Open ``path`` for reading bytes, decompressing gzip on the fly.

    OS and gzip errors, also those raised while the caller reads, become
    :class:`InputError`/:class:`MalformedInputError` naming ``source``.
    """
    try:
        fh = path.open("rb", buffering=_BUFFER)
    except FileNotFoundError as exc:
        raise InputError("no such file or directory", source=source) from exc
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror or exc}", source=source) from exc
    try:
        with fh:
            if gz:
                with gzip.GzipFile(fileobj=fh, mode="rb") as unzipped:
                    yield unzipped  # type: ignore[misc]  # GzipFile is an IO[bytes] in practice
            else:
                yield fh
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise MalformedInputError(f"corrupt gzip data: {exc}", source=source) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from exc


def read_whole(path: Path, *, gz: bool, source: str, limit: int) -> bytes:
    """All bytes of a one-document file, refusing it before reading when it is too large.

    Raises:
        InputTooLargeError: the file (or, for gzip, its decompressed content) is over
            ``limit`` bytes (W103).
        EmptyInputError: the file has no bytes (W101).
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputError("no such file or directory", source=source) from exc
    if size > limit:
        raise InputTooLargeError(f"{size:,} bytes, over max_input_bytes ({limit:,})", source=source)
    if size == 0:
        raise EmptyInputError("empty file (0 bytes)", source=source)
    with open_binary(path, gz=gz, source=source) as fh:
        # One byte more than allowed tells "too large" without decompressing a gzip bomb whole.
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputTooLargeError(f"over max_input_bytes ({limit:,}) once decompressed", source=source)
    if not data:
        raise EmptyInputError("empty file (nothing inside the gzip)", source=source)
    return data
