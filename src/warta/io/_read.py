"""Entry points: files, folders and stdin to Articles, by suffix.

Two error regimes, so that nothing is dropped silently:

- :func:`read_path` raises an :class:`~warta.errors.InputError` when the file it was
  named cannot be read (missing, unsupported, empty, binary, too large,
  undecodable). Bad *records* inside a JSONL/CSV file, and bad files inside a
  folder, come out as :class:`Reject` items and reading goes on.
- :func:`read_inputs` never raises an InputError: every failure becomes a Reject.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from warta.article import Article, Source
from warta.config import Settings
from warta.errors import EmptyInputError, InputError, InputTooLargeError, UnsupportedInputError

from ._csv import iter_csv_file
from ._decode import decode_bytes
from ._files import SUPPORTED_SUFFIXES, Format, format_of, read_whole, suffix_of
from ._html import article_from_html
from ._jsonl import iter_json_file, iter_jsonl_file
from ._records import FieldMap
from ._rejects import Reject
from .feeds import iter_feed_file
from .warc import iter_warc_file

__all__ = ["STDIN", "read_inputs", "read_path", "read_stdin", "read_text"]

logger = logging.getLogger(__name__)

# The name a path list uses for standard input, and the name stdin gets in messages.
STDIN = "-"
_STDIN_SOURCE = "<stdin>"


def read_path(path: str | Path, *, settings: Settings) -> Iterator[Article | Reject]:
    """Read one file or folder.

    Files are dispatched by suffix (any of :data:`SUPPORTED_SUFFIXES`): ``.txt``,
    ``.html``/``.htm``, ``.jsonl``, ``.json``, ``.csv``, and each of them gzipped
    (``.jsonl.gz``). A folder is read recursively in sorted order; hidden files and
    folders are skipped; a file whose suffix is not in ``settings.suffixes`` is
    reported as a W105 Reject, and a file that fails as another Reject.

    Args:
        path: a file or a folder.
        settings: ``max_input_bytes``, the JSONL/CSV field names and folder suffixes.

    Returns:
        An iterator of Articles (not yet cleaned) and Rejects, in input order.

    Raises:
        InputError: a missing path or an unsupported suffix (at once), or a file
            that cannot be read (while iterating). See :mod:`warta.errors` for codes.

    Example:
        >>> for item in read_path("berita/", settings=load_settings()):  # doctest: +SKIP
        ...     print(item.id if isinstance(item, Article) else item.reason)
    """
    p = Path(path)
    display = str(p)
    if p.is_dir():
        return _read_folder(p, display, settings)
    if not p.exists():
        raise InputError("no such file or directory", source=display)
    suffix = suffix_of(p)
    found = format_of(suffix)
    if found is None:
        raise UnsupportedInputError(_unsupported(suffix), source=display)
    fmt, gz = found
    return _read_file(p, display, fmt, gz, settings)


def read_inputs(
    paths: Sequence[str | Path],
    *,
    settings: Settings,
    stdin: IO[bytes] | IO[str] | None = None,
) -> Iterator[Article | Reject]:
    """Read many inputs; every failure becomes a Reject and reading goes on.

    Args:
        paths: files, folders, or ``"-"`` for standard input (read as plain text).
        settings: as for :func:`read_path`.
        stdin: the stream ``"-"`` reads (default: ``sys.stdin``).

    Example:
        >>> settings = load_settings()
        >>> items = read_inputs(["berita.jsonl.gz", "halaman/", "-"], settings=settings)  # doctest: +SKIP
    """
    for path in paths:
        if isinstance(path, str) and path == STDIN:
            try:
                yield read_stdin(stdin, settings=settings)
            except InputError as exc:
                yield _reject(exc)
            continue
        try:
            yield from read_path(path, settings=settings)
        except InputError as exc:
            yield _reject(exc)


def _reject(exc: InputError) -> Reject:
    reject = Reject.from_error(exc)
    logger.debug("reject %s: [%s] %s", reject.source, reject.code, reject.reason)
    return reject


def read_text(text: str, *, source: str, id: str | None = None) -> Article:
    """Wrap a plain text as an Article (``raw`` = the text exactly; title left to the cleaner).

    Raises:
        EmptyInputError: the text is blank (W101).
    """
    if not text.strip():
        raise EmptyInputError("no text (empty or only whitespace)", source=source)
    return Article(id=id or source, raw=text, input_format="text", source=Source(path=source))


def read_stdin(stream: IO[bytes] | IO[str] | None = None, *, settings: Settings) -> Article:
    """Standard input as one plain-text article; its id is a hash of the text.

    Raises:
        InputTooLargeError (W103), EmptyInputError (W101), BinaryInputError (W102),
        EncodingError (W106).
    """
    limit = settings.max_input_bytes
    fh: IO[bytes] | IO[str] = stream if stream is not None else sys.stdin
    # Read the bytes under a text stream (sys.stdin) when there are any: decode_bytes
    # copes with BOMs and cp1252, the locale's decoder does not.
    fh = getattr(fh, "buffer", fh)
    data = fh.read(limit + 1)
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > limit:
        raise InputTooLargeError(f"over max_input_bytes ({limit:,})", source=_STDIN_SOURCE)
    text = data if isinstance(data, str) else decode_bytes(data, source=_STDIN_SOURCE)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return read_text(text, source=_STDIN_SOURCE, id=f"stdin-{digest}")


def _read_file(
    path: Path, display: str, fmt: Format, gz: bool, settings: Settings
) -> Iterator[Article | Reject]:
    limit = settings.max_input_bytes
    if fmt == "text":
        data = read_whole(path, gz=gz, source=display, limit=limit)
        yield read_text(decode_bytes(data, source=display), source=display)
    elif fmt == "html":
        data = read_whole(path, gz=gz, source=display, limit=limit)
        yield article_from_html(data, id=display, source=display)
    elif fmt == "feed":
        yield from iter_feed_file(path, gz=gz, display=display, limit=limit)
    elif fmt == "warc":
        yield from iter_warc_file(path, display=display, limit=limit)
    else:
        reader = {"jsonl": iter_jsonl_file, "json": iter_json_file, "csv": iter_csv_file}[fmt]
        yield from reader(path, gz=gz, display=display, fields=FieldMap.from_settings(settings), limit=limit)


def _read_folder(folder: Path, display: str, settings: Settings) -> Iterator[Article | Reject]:
    for path in _walk(folder):
        yield from read_folder_file(path, settings)


def read_folder_file(path: Path, settings: Settings) -> Iterator[Article | Reject]:
    """One file met in a folder: a W105 Reject for a suffix not read, any failure a Reject."""
    name = str(path)
    suffix = suffix_of(path)
    found = format_of(suffix)
    if found is None or suffix not in {s.lower() for s in settings.suffixes}:
        reason = _unsupported(suffix) if found is None else f"suffix {suffix!r} is not in settings.suffixes"
        yield Reject(name, UnsupportedInputError.code, reason)
        return
    try:
        yield from _read_file(path, name, *found, settings)
    except InputError as exc:
        yield _reject(exc)


def folder_files(folder: Path) -> Iterator[Path]:
    """The files a folder read visits, in its order (see :func:`read_path`)."""
    return _walk(folder)


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in sorted path order, skipping hidden names.

    Symlinked folders are not entered (no loops); symlinked files are read.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise InputError(f"cannot list folder: {exc.strerror or exc}", source=str(folder)) from exc
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        else:
            yield Path(entry.path)


def _unsupported(suffix: str) -> str:
    shown = suffix or "no suffix"
    return f"unsupported input type ({shown}); readable: {', '.join(SUPPORTED_SUFFIXES)}"
