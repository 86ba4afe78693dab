"""CSV exports of scraped news, read row by row.

Spreadsheet exports differ from the Python defaults in three ways that matter:
a UTF-8 BOM, ``;`` as the delimiter (Excel in Indonesian and most European
locales), and article bodies longer than the csv module's 128 KiB field limit.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from warta.article import Article
from warta.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
)

from ._decode import repair_surrogates, sniff_encoding
from ._files import open_binary
from ._records import FieldMap, article_from_record
from ._rejects import Reject

__all__ = ["iter_csv_file", "sniff_delimiter"]

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
        fh.seek(0)
        # surrogateescape + repair: a few stray cp1252 bytes in a UTF-8 export do not stop the file.
        errors = "surrogateescape" if encoding == "utf-8" else "strict"
        text = io.TextIOWrapper(fh, encoding=encoding, errors=errors, newline="")
        yield from _rows(text, display=display, fields=fields, limit=limit)


def _rows(
    text: io.TextIOWrapper, *, display: str, fields: FieldMap, limit: int
) -> Iterator[Article | Reject]:
    header_line = text.readline()
    if header_line.startswith("\ufeff"):
        header_line = header_line[1:]
    delimiter = sniff_delimiter(header_line)
    header = _header(next(csv.reader([header_line], delimiter=delimiter), []), fields)
    if not any(name in header for name in fields.text):
        tried, has = ", ".join(fields.text), ", ".join(header) or "nothing"
        raise MalformedInputError(f"no text column (tried: {tried}; the header has: {has})", source=display)
    # csv's field limit is process-wide; raise it (never lower it) so long bodies fit,
    # and let our own max_input_bytes decide what is too large.
    if csv.field_size_limit() < limit + 1:
        csv.field_size_limit(limit + 1)
    reader = csv.reader(text, delimiter=delimiter)
    rows = 0
    while True:
        start = reader.line_num + 2  # first physical line of the next row (header read apart)
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
                f"near line {start}: not valid {text.encoding}: {exc.reason}", source=display
            ) from exc
        if row is None:
            break
        line = start
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # blank line
        rows += 1
        where = f"{display}:{line}"
        label = f"row {rows} (line {line})"
        record = {name: repair_surrogates(value) for name, value in zip(header, row, strict=False)}
        if len(row) < len(header) and not any(n in record for n in fields.text):
            yield Reject(
                where,
                MalformedInputError.code,
                f"{label}: no text: the row has {len(row)} of the header's {len(header)} columns",
            )
            continue
        try:
            yield article_from_record(
                record, fields=fields, source=where, default_id=where, input_format="csv", max_bytes=limit
            )
        except InputError as exc:
            yield Reject(where, exc.code, f"{label}: {exc.message}")
    if rows == 0:
        raise EmptyInputError("no rows after the header", source=display)


def _header(names: list[str], fields: FieldMap) -> list[str]:
    """Header names, stripped; a name matching a known field but for case takes the field's spelling."""
    known = {name.lower(): name for name in fields.names()}
    return [known.get(n.strip().lower(), n.strip()) for n in names]
