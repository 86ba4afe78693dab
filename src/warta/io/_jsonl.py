"""JSON Lines and JSON files, read one record at a time.

A JSONL file is never loaded whole: lines are read one by one, and a line over
``max_input_bytes`` is skipped in chunks and reported. A JSON array has to be
parsed whole, so its file must fit under ``max_input_bytes``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, AnyStr

import msgspec

from warta.article import Article
from warta.errors import (
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
)

from ._decode import DecodeNote, bom_encoding, check_binary, decode_bytes_noted
from ._files import open_binary, read_whole
from ._records import FieldMap, article_from_record
from ._rejects import Reject

__all__ = ["iter_json_file", "iter_jsonl_file", "iter_jsonl_stream"]

_decoder = msgspec.json.Decoder()
_SKIP_CHUNK = 1 << 20
# Enough of a file's head for the binary test and the BOM.
_HEAD = 1 << 16


def iter_jsonl_file(
    path: Path, *, gz: bool, display: str, fields: FieldMap, limit: int
) -> Iterator[Article | Reject]:
    """Records of a JSONL file; bad records become Rejects (``display:line``).

    Raises:
        BinaryInputError, EmptyInputError, InputError: for the file as a whole.
    """
    with open_binary(path, gz=gz, source=display) as fh:
        yield from iter_jsonl_stream(fh, display=display, fields=fields, limit=limit)


def iter_jsonl_stream(
    fh: IO[bytes], *, display: str, fields: FieldMap, limit: int
) -> Iterator[Article | Reject]:
    """Records of an open binary JSONL stream (see :func:`iter_jsonl_file`)."""
    head = _peek(fh)
    bom = bom_encoding(head)
    lines: Iterator[bytes | str | int]
    if bom in ("utf-16", "utf-32"):
        # Not line-splittable as bytes: decode as a text stream instead.
        lines = _lines(io.TextIOWrapper(fh, encoding=bom, newline=""), limit)
    else:
        check_binary(head, source=display)
        lines = _lines(fh, limit)
    records = 0
    for lineno, line in enumerate(lines, start=1):
        where = f"{display}:{lineno}"
        if isinstance(line, int):
            records += 1
            yield Reject(
                where,
                InputTooLargeError.code,
                f"line {lineno}: record of {line:,} bytes is over max_input_bytes ({limit:,})",
            )
            continue
        if lineno == 1:
            line = (
                line.removeprefix(b"\xef\xbb\xbf") if isinstance(line, bytes) else line.removeprefix("\ufeff")
            )
        if not line.strip():
            continue  # blank lines between records are allowed
        records += 1
        yield _record(line, where=where, label=f"line {lineno}", fields=fields, limit=limit)
    if records == 0:
        raise EmptyInputError("no records (the file has only blank lines)", source=display)


def _peek(fh: IO[bytes]) -> bytes:
    """The head of a stream without consuming it."""
    peek = getattr(fh, "peek", None)
    if peek is not None:
        head: bytes = peek(_HEAD)[:_HEAD]
        return head
    if fh.seekable():
        pos = fh.tell()
        head = fh.read(_HEAD)
        fh.seek(pos)
        return head
    return b""


def _lines(fh: IO[AnyStr], limit: int) -> Iterator[AnyStr | int]:
    """The stream's lines; a line over ``limit`` is skipped in chunks and given as its size.

    The limit counts bytes for byte streams, characters for UTF-16/32 text streams
    (close enough for a safety limit).
    """
    while line := fh.readline(limit + 1):
        if len(line) > limit and line[-1:] not in ("\n", b"\n"):
            size = len(line)
            while rest := fh.readline(_SKIP_CHUNK):
                size += len(rest)
                if rest[-1:] in ("\n", b"\n"):
                    break
            yield size
        else:
            yield line


def _record(line: bytes | str, *, where: str, label: str, fields: FieldMap, limit: int) -> Article | Reject:
    try:
        value, decoded = _loads(line, source=where)
    except InputError as exc:
        return Reject(where, exc.code, f"{label}: {exc.message}")
    return _record_from(value, where=where, label=label, fields=fields, limit=limit, decoded=decoded)


def _record_from(
    value: Any, *, where: str, label: str, fields: FieldMap, limit: int, decoded: DecodeNote | None = None
) -> Article | Reject:
    """An Article from a decoded JSON value, or a Reject saying why not.

    ``decoded``: how the value's bytes were read, when not as plain UTF-8.
    """
    if not isinstance(value, dict):
        return Reject(
            where, MalformedInputError.code, f"{label}: expected a JSON object, got {_json_type(value)}"
        )
    try:
        return article_from_record(
            value,
            fields=fields,
            source=where,
            default_id=where,
            input_format="jsonl",
            max_bytes=limit,
            decoded=decoded,
        )
    except InputError as exc:
        return Reject(where, exc.code, f"{label}: {exc.message}")


def _loads(data: bytes | str, *, source: str) -> tuple[Any, DecodeNote | None]:
    """Parse JSON with msgspec; on failure, let the standard library explain (or accept) it.

    Returns the value, and how its bytes were decoded when they were not UTF-8.
    """
    decoded = None
    if isinstance(data, bytes):
        try:
            return _decoder.decode(data), None
        except (UnicodeDecodeError, msgspec.DecodeError):
            # msgspec < 0.19 raises UnicodeDecodeError on invalid UTF-8, newer releases a
            # DecodeError; either way, stray non-UTF-8 bytes on this line are decoded like a
            # file's and the text parsed, so the outcome does not depend on msgspec's version.
            if not _is_utf8(data):
                data, decoded = decode_bytes_noted(data, source=source)
    try:
        return _decoder.decode(data), decoded
    except msgspec.DecodeError:
        pass
    try:
        # json explains with "Expecting ',' delimiter" and a column, and it accepts
        # NaN/Infinity, which some Python exporters write.
        return json.loads(data), decoded
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if exc.lineno == 1 else f"line {exc.lineno}, column {exc.colno}"
        raise MalformedInputError(f"{exc.msg} ({where})", source=source) from exc
    except UnicodeDecodeError as exc:
        raise MalformedInputError(f"invalid bytes: {exc.reason}", source=source) from exc


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _json_type(value: Any) -> str:
    names = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def iter_json_file(
    path: Path, *, gz: bool, display: str, fields: FieldMap, limit: int
) -> Iterator[Article | Reject]:
    """A ``.json`` file: an array of records, one object, or JSON Lines under a .json name.

    JSON Lines are streamed; an array or a multi-line object is parsed whole, so
    that file must fit under ``limit``.

    Raises:
        MalformedInputError: the file is not JSON (with line and column) (W104).
        InputTooLargeError, EmptyInputError, BinaryInputError, EncodingError: for the file.
    """
    with open_binary(path, gz=gz, source=display) as fh:
        first = _peek(fh).lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        # One complete object on the first line means JSON Lines.
        lines = first == b"{" and _is_json(fh.readline(limit + 1))
    if first not in (b"[", b"{") or lines:
        yield from iter_jsonl_file(path, gz=gz, display=display, fields=fields, limit=limit)
        return
    data = read_whole(path, gz=gz, source=display, limit=limit)
    text, decoded = decode_bytes_noted(data, source=display)
    value, _ = _loads(text.lstrip("\ufeff"), source=display)
    if isinstance(value, dict):
        yield _record_from(
            value, where=display, label="the object", fields=fields, limit=limit, decoded=decoded
        )
        return
    if not isinstance(value, list):
        raise MalformedInputError(f"expected a JSON array or object, got {_json_type(value)}", source=display)
    if not value:
        raise EmptyInputError("empty JSON array", source=display)
    for index, item in enumerate(value):
        where = f"{display}#/{index}"
        yield _record_from(
            item, where=where, label=f"item {index}", fields=fields, limit=limit, decoded=decoded
        )


def _is_json(line: bytes) -> bool:
    try:
        _decoder.decode(line.removeprefix(b"\xef\xbb\xbf"))
    except (msgspec.DecodeError, UnicodeDecodeError):
        return False
    return True
