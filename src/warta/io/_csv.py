"""CSV exports of scraped news, read row by row.

Spreadsheet exports differ from the Python defaults in three ways that matter:
a UTF-8 BOM, ``;`` as the delimiter (Excel in Indonesian and most European
locales), and article bodies longer than the csv module's 128 KiB field limit.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import IO

from warta.article import Article
from warta.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
)

from ._decode import DecodeNote, bom_encoding, repair_surrogates, sniff_encoding, stray_bytes
from ._files import open_binary
from ._records import FieldMap, article_from_record
from ._rejects import Reject

__all__ = ["csv_row_ranges", "iter_csv_file", "iter_csv_range", "sniff_delimiter"]

_SAMPLE = 1 << 16
_DELIMITERS = (",", ";", "\t", "|")


def sniff_delimiter(header: str) -> str:
    """The delimiter of a CSV header line: the candidate seen most outside quotes.

    The header is judged rather than a sample of rows because article bodies are full
    of commas and semicolons, while header names hardly ever hold any; csv.Sniffer
    reads such samples wrongly.

    Example:
        >>> sniff_delimiter("judul;isi;tanggal")
        ';'
    """
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])  # ties keep the first: ","
    return best if counts[best] else ","


def iter_csv_file(
    path: Path, *, gz: bool, display: str, fields: FieldMap, limit: int
) -> Iterator[Article | Reject]:
    """Rows of a CSV file with a header line; bad rows become Rejects (``display:line``).

    Raises:
        MalformedInputError: no text column in the header, or a row the csv module
            cannot parse (W104).
        InputTooLargeError: a field over ``limit`` (W103).
        EmptyInputError: no rows (W101); BinaryInputError (W102); EncodingError (W106).
    """
    with open_binary(path, gz=gz, source=display) as fh:
        sample = fh.read(_SAMPLE)
        if not sample.strip():
            raise EmptyInputError("empty file", source=display)
        encoding = sniff_encoding(sample, source=display)
        # Not UTF-8 and no BOM: charset detection picked the encoding, a guess noted on every row.
        guessed = encoding != "utf-8" and bom_encoding(sample) is None
        fh.seek(0)
        # surrogateescape + repair: a few stray cp1252 bytes in a UTF-8 export do not stop the file.
        errors = "surrogateescape" if encoding == "utf-8" else "strict"
        text = io.TextIOWrapper(fh, encoding=encoding, errors=errors, newline="")
        header, delimiter = _read_header(text.readline(), fields, display)
        rows = yield from _rows(
            text,
            header=header,
            delimiter=delimiter,
            display=display,
            fields=fields,
            limit=limit,
            encoding=encoding,
            guessed=guessed,
        )
    if rows == 0:
        raise EmptyInputError("no rows after the header", source=display)


def iter_csv_range(
    path: Path,
    *,
    start: int,
    end: int,
    first_line: int,
    first_row: int,
    display: str,
    fields: FieldMap,
    limit: int,
) -> Iterator[Article | Reject]:
    """The rows in bytes ``[start, end)`` of a UTF-8 CSV file, as a whole-file read gives them.

    ``start`` and ``end`` must be row boundaries (see :func:`csv_row_ranges`);
    ``first_line`` and ``first_row`` number the row at ``start``, so ids, sources and
    reasons match :func:`iter_csv_file`'s.
    """
    with open_binary(path, gz=False, source=display) as fh:
        head = fh.readline()
        # As iter_csv_file decodes: strictly after a BOM ("utf-8-sig"), leniently without.
        bom = head.startswith(codecs.BOM_UTF8)
        errors = "strict" if bom else "surrogateescape"
        header, delimiter = _read_header(head.decode("utf-8", errors), fields, display)
        fh.seek(start)
        lines = _utf8_lines(fh, end - start, errors)
        yield from _rows(
            lines,
            header=header,
            delimiter=delimiter,
            display=display,
            fields=fields,
            limit=limit,
            encoding="utf-8-sig" if bom else "utf-8",
            first_line=first_line,
            first_row=first_row,
        )


def csv_row_ranges(path: Path, *, target: int) -> list[tuple[int, int, int, int]] | None:
    """Cut an uncompressed UTF-8 CSV file at row boundaries into ranges of about ``target`` bytes.

    Returns ``(start, end, first_line, first_row)`` per range, or None when the file
    should be read whole: not UTF-8, bare carriage returns as line ends, a row the csv
    module cannot parse, or no header (the whole-file read then reports the problem).
    The file is parsed once with the csv module, so quoted fields that hold newlines
    never straddle a cut.
    """
    with path.open("rb") as fh:
        sample = fh.read(_SAMPLE)
        try:
            if not sample.strip() or sniff_encoding(sample, source=str(path)) not in ("utf-8", "utf-8-sig"):
                return None
        except InputError:
            return None
        fh.seek(0)
        head = fh.readline()
        if b"\r" in head.removesuffix(b"\r\n").removesuffix(b"\n"):
            return None
        delimiter = sniff_delimiter(head.decode("utf-8", "surrogateescape").lstrip("\ufeff"))
        pos = len(head)
        counted = _Counted(fh, pos)
        reader = csv.reader(counted, delimiter=delimiter)
        ranges: list[tuple[int, int, int, int]] = []
        start, first_line, first_row, rows = pos, 2, 1, 0
        try:
            for row in reader:
                if row and not (len(row) == 1 and not row[0].strip()):
                    rows += 1
                if counted.pos - start >= target:
                    ranges.append((start, counted.pos, first_line, first_row))
                    start, first_line, first_row = counted.pos, reader.line_num + 2, rows + 1
        except (csv.Error, _BareCarriageReturn):
            return None
        if counted.pos > start:
            ranges.append((start, counted.pos, first_line, first_row))
    return ranges


class _BareCarriageReturn(Exception):
    """A line ends in a lone ``\\r``, which a text-mode read would split on."""


class _Counted:
    """Lines of a binary file decoded as UTF-8, counting the bytes handed out."""

    def __init__(self, fh: IO[bytes], pos: int) -> None:
        self.fh, self.pos = fh, pos

    def __iter__(self) -> Iterator[str]:
        for raw in self.fh:
            self.pos += len(raw)
            if b"\r" in raw.removesuffix(b"\r\n").removesuffix(b"\n"):
                raise _BareCarriageReturn
            yield raw.decode("utf-8", "surrogateescape")


def _utf8_lines(fh: IO[bytes], size: int, errors: str) -> Iterator[str]:
    while size > 0 and (raw := fh.readline(size)):
        size -= len(raw)
        yield raw.decode("utf-8", errors)


def _read_header(header_line: str, fields: FieldMap, display: str) -> tuple[list[str], str]:
    if header_line.startswith("\ufeff"):
        header_line = header_line[1:]
    delimiter = sniff_delimiter(header_line)
    header = _header(next(csv.reader([header_line], delimiter=delimiter), []), fields)
    if not any(name in header for name in fields.text):
        tried, has = ", ".join(fields.text), ", ".join(header) or "nothing"
        raise MalformedInputError(f"no text column (tried: {tried}; the header has: {has})", source=display)
    return header, delimiter


def _rows(
    lines: Iterable[str],
    *,
    header: list[str],
    delimiter: str,
    display: str,
    fields: FieldMap,
    limit: int,
    encoding: str,
    first_line: int = 2,
    first_row: int = 1,
    guessed: bool = False,
) -> Generator[Article | Reject, None, int]:
    """The rows after the header; returns how many there were (blank lines aside).

    ``guessed``: charset detection chose ``encoding``. A row's Article then carries a
    ``lossy-decode`` warning, as does a UTF-8 row with stray bytes read as cp1252.
    """
    # csv's field limit is process-wide; raise it (never lower it) so long bodies fit,
    # and let our own max_input_bytes decide what is too large.
    if csv.field_size_limit() < limit + 1:
        csv.field_size_limit(limit + 1)
    reader = csv.reader(lines, delimiter=delimiter)
    rows = 0
    while True:
        start = reader.line_num + first_line  # first physical line of the next row
        try:
            row = next(reader, None)
        except csv.Error as exc:
            where = f"line {start}"
            if "field larger than field limit" in str(exc):
                raise InputTooLargeError(
                    f"{where}: a field is over max_input_bytes ({limit:,})", source=display
                ) from exc
            raise MalformedInputError(f"{where}: {exc}", source=display) from exc
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"near line {start}: not valid {encoding}: {exc.reason}", source=display
            ) from exc
        if row is None:
            break
        line = start
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # blank line
        rows += 1
        where = f"{display}:{line}"
        label = f"row {rows + first_row - 1} (line {line})"
        record = {}
        stray = 0
        for name, value in zip(header, row, strict=False):
            record[name] = repaired = repair_surrogates(value)
            if repaired is not value:  # it returns its argument when there is nothing to repair
                stray += stray_bytes(value)
        decoded = None
        if guessed or stray:
            decoded = DecodeNote(encoding, guessed=guessed, stray=stray)
        if len(row) < len(header) and not any(n in record for n in fields.text):
            yield Reject(
                where,
                MalformedInputError.code,
                f"{label}: no text: the row has {len(row)} of the header's {len(header)} columns",
            )
            continue
        try:
            yield article_from_record(
                record,
                fields=fields,
                source=where,
                default_id=where,
                input_format="csv",
                max_bytes=limit,
                decoded=decoded,
            )
        except InputError as exc:
            yield Reject(where, exc.code, f"{label}: {exc.message}")
    return rows


def _header(names: list[str], fields: FieldMap) -> list[str]:
    """Header names, stripped; a name matching a known field but for case takes the field's spelling."""
    known = {name.lower(): name for name in fields.names()}
    return [known.get(n.strip().lower(), n.strip()) for n in names]
