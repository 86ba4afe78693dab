"""Partitioned reading: a large input cut into pieces that workers can read on their own.

An uncompressed JSON Lines file is cut at line boundaries into byte ranges of about
``target_bytes``; each :class:`Partition` remembers the number of its first line, so
the records it yields carry the same ids and ``file:line`` sources as a whole-file read.
Gzipped JSONL, CSV (whose quoted fields may hold newlines), HTML, text and WARC-like
inputs cannot be cut by bytes: each is one partition, read as a stream, and
:func:`batched` groups its records for the engine.

Example:
    >>> parts = plan_partitions(["berita.jsonl"], target_bytes=64 << 20)  # doctest: +SKIP
    >>> items = [x for p in parts for x in read_partition(p, settings=load_settings())]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TypeVar

import msgspec

from warta.article import Article
from warta.config import Settings
from warta.errors import InputError, InputTooLargeError

from ._files import suffix_of
from ._jsonl import _record
from ._read import read_path
from ._records import FieldMap
from ._rejects import Reject

__all__ = ["Partition", "batched", "plan_partitions", "read_partition"]

T = TypeVar("T")

# Block size used to find line boundaries and count lines while planning.
_BLOCK = 1 << 20


class Partition(msgspec.Struct, frozen=True):
    """A piece of one input: ``[start, end)`` bytes of a JSONL file, or the whole file.

    ``end`` None means "to the end of the file, read by its own reader"; ``first_line``
    is the 1-based number of the line at ``start``.
    """

    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter), consumed lazily."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def plan_partitions(paths: Sequence[str | Path], *, target_bytes: int = 32 << 20) -> list[Partition]:
    """Cut plain ``.jsonl`` files into byte ranges; other inputs stay whole.

    A folder is listed one file per partition (hidden names skipped). Planning reads
    each JSONL file once, block by block, to find line boundaries.
    """
    parts: list[Partition] = []
    for path in paths:
        p = Path(path)
        files = sorted(f for f in p.rglob("*") if f.is_file() and not _hidden(f, p)) if p.is_dir() else [p]
        for f in files:
            if suffix_of(f) == ".jsonl" and f.stat().st_size > target_bytes:
                parts.extend(_jsonl_ranges(f, target_bytes))
            else:
                parts.append(Partition(path=str(f)))
    return parts


def _hidden(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts)


def _jsonl_ranges(path: Path, target: int) -> Iterator[Partition]:
    start, first_line, line = 0, 1, 1
    pos = 0
    with path.open("rb") as fh:
        while block := fh.read(_BLOCK):
            base = pos
            pos += len(block)
            i = 0
            while pos - start >= target:
                # The first newline after start + target ends this partition.
                cut = block.find(b"\n", max(i, start + target - base - 1))
                if cut < 0:
                    break
                line += block.count(b"\n", i, cut + 1)
                i = cut + 1
                yield Partition(path=str(path), start=start, end=base + i, first_line=first_line)
                start, first_line = base + i, line
            line += block.count(b"\n", i)
    if pos > start:
        yield Partition(path=str(path), start=start, end=pos, first_line=first_line)


def read_partition(part: Partition, *, settings: Settings) -> Iterator[Article | Reject]:
    """The Articles and Rejects of one partition, as :func:`~warta.io.read_path` gives them."""
    if part.end is None:
        try:
            yield from read_path(part.path, settings=settings)
        except InputError as exc:
            yield Reject.from_error(exc)
        return
    fields = FieldMap.from_settings(settings)
    limit = settings.max_input_bytes
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        remaining = part.end - part.start
        lineno = part.first_line - 1
        while remaining > 0 and (line := fh.readline(min(remaining, limit + 1))):
            remaining -= len(line)
            lineno += 1
            if len(line) > limit and not line.endswith(b"\n"):
                size = len(line)
                while remaining > 0 and (rest := fh.readline(min(remaining, _BLOCK))):
                    remaining -= len(rest)
                    size += len(rest)
                    if rest.endswith(b"\n"):
                        break
                yield Reject(f"{part.path}:{lineno}", InputTooLargeError.code,
                             f"line {lineno}: record of {size:,} bytes is over max_input_bytes ({limit:,})")
                continue
            if lineno == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line.strip():
                continue
            where = f"{part.path}:{lineno}"
            yield _record(line, where=where, label=f"line {lineno}", fields=fields, limit=limit)
