"""Partitioned reading: a large input cut into pieces that workers can read on their own.

Large inputs are cut into byte ranges of about ``target_bytes``, each read on its own:

- uncompressed JSON Lines at line boundaries;
- uncompressed UTF-8 CSV at row boundaries, found by parsing the file once with the
  csv module (quoted fields may hold newlines);
- WARC files at record boundaries (``.warc``, and ``.warc.gz`` written one gzip member
  per record, as crawlers write them).

Each :class:`Partition` remembers the numbers of its first line, row or page, so the
records it yields carry the same ids, ``file:line`` sources and reject reasons as a
whole-file read, and the partitions of all inputs, read in order, give exactly what
:func:`~warta.io.read_inputs` gives. Gzipped JSONL or CSV, HTML, text and feeds stay
whole: one partition each, read as a stream; :func:`batched` groups records.

Example:
    >>> parts = plan_partitions(["berita.jsonl"], target_bytes=64 << 20)  # doctest: +SKIP
    >>> items = [x for p in parts for x in read_partition(p, settings=load_settings())]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Literal, TypeVar

import msgspec

from warta.article import Article
from warta.config import Settings
from warta.errors import InputError, InputTooLargeError

from ._csv import csv_row_ranges, iter_csv_range
from ._files import suffix_of
from ._jsonl import _record
from ._read import folder_files, read_folder_file, read_path
from ._records import FieldMap
from ._rejects import Reject
from .warc import iter_warc_range, warc_record_ranges

__all__ = ["Partition", "batched", "plan_partitions", "read_partition"]

T = TypeVar("T")

# Block size used to find line boundaries and count lines while planning.
_BLOCK = 1 << 20


class Partition(msgspec.Struct, frozen=True):
    """A piece of one input: ``[start, end)`` bytes of a JSONL, CSV or WARC file, or the whole file.

    ``end`` None means "to the end of the file, read by its own reader"; ``first_line``
    is the 1-based number of the line at ``start``; ``first_item`` the 1-based number
    of the CSV row there, or the count of WARC pages before it. ``in_folder`` marks a
    file found in a folder, which is read by the folder rules (suffixes not in
    ``settings.suffixes`` become W105 rejects). ``reject`` is set for a folder entry
    that a folder read passes over (a hidden file, a symlink out of the folder): the
    partition yields just that Reject.
    """

    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1
    first_item: int = 1
    format: Literal["jsonl", "csv", "warc"] = "jsonl"
    in_folder: bool = False
    reject: Reject | None = None


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter), consumed lazily."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def plan_partitions(paths: Sequence[str | Path], *, target_bytes: int = 32 << 20) -> list[Partition]:
    """Cut large JSONL, CSV and WARC files into byte ranges; other inputs stay whole.

    A folder is listed one file per partition (or more for a large file), in the order
    a folder read visits them. Planning reads each file it cuts once: JSONL block by
    block for line ends, CSV through the csv module, WARC record by record.
    """
    parts: list[Partition] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for f in folder_files(p):
                if isinstance(f, Reject):
                    parts.append(Partition(path=f.source, in_folder=True, reject=f))
                else:
                    parts.extend(_plan_file(f, target_bytes, in_folder=True))
        else:
            parts.extend(_plan_file(p, target_bytes, in_folder=False))
    return parts


def _plan_file(f: Path, target: int, *, in_folder: bool) -> list[Partition]:
    whole = [Partition(path=str(f), in_folder=in_folder)]
    try:
        if not f.is_file() or f.stat().st_size <= target:
            return whole
    except OSError:
        return whole
    suffix = suffix_of(f)
    if suffix == ".jsonl":
        return [msgspec.structs.replace(r, in_folder=in_folder) for r in _jsonl_ranges(f, target)]
    if suffix == ".csv":
        rows = csv_row_ranges(f, target=target)
        return (
            whole
            if rows is None
            else [
                Partition(
                    path=str(f),
                    start=a,
                    end=b,
                    first_line=line,
                    first_item=row,
                    format="csv",
                    in_folder=in_folder,
                )
                for a, b, line, row in rows
            ]
        )
    if suffix in (".warc", ".warc.gz"):
        records = warc_record_ranges(f, target=target)
        return (
            whole
            if records is None
            else [
                Partition(path=str(f), start=a, end=b, first_item=n, format="warc", in_folder=in_folder)
                for a, b, n in records
            ]
        )
    return whole


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
    """The Articles and Rejects of one partition, as :func:`~warta.io.read_inputs` gives them."""
    if part.reject is not None:
        yield part.reject
        return
    if part.end is None:
        if part.in_folder:
            yield from read_folder_file(Path(part.path), settings)
            return
        try:
            yield from read_path(part.path, settings=settings)
        except InputError as exc:
            yield Reject.from_error(exc)
        return
    try:
        if part.format == "csv":
            yield from iter_csv_range(
                Path(part.path),
                start=part.start,
                end=part.end,
                first_line=part.first_line,
                first_row=part.first_item,
                display=part.path,
                fields=FieldMap.from_settings(settings),
                limit=settings.max_input_bytes,
            )
        elif part.format == "warc":
            yield from iter_warc_range(
                Path(part.path),
                start=part.start,
                end=part.end,
                first_index=part.first_item,
                display=part.path,
                limit=settings.max_input_bytes,
            )
        else:
            yield from _jsonl_range(part, settings)
    except InputError as exc:
        yield Reject.from_error(exc)


def _jsonl_range(part: Partition, settings: Settings) -> Iterator[Article | Reject]:
    assert part.end is not None
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
                yield Reject(
                    f"{part.path}:{lineno}",
                    InputTooLargeError.code,
                    f"line {lineno}: record of {size:,} bytes is over max_input_bytes ({limit:,})",
                )
                continue
            if lineno == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line.strip():
                continue
            where = f"{part.path}:{lineno}"
            yield _record(line, where=where, label=f"line {lineno}", fields=fields, limit=limit)
