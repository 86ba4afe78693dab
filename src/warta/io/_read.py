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
from ._decode import decode_bytes_noted, note_lossy_decode
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
    folders, symlinks that lead outside it and a file whose suffix is not in
    ``settings.suffixes`` are not read and are reported as W105 Rejects (see
    :func:`folder_files`), and a file that fails as another Reject.

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

    A guessed encoding is noted on the Article as a ``lossy-decode`` warning.

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
    text, note = (data, None) if isinstance(data, str) else decode_bytes_noted(data, source=_STDIN_SOURCE)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return note_lossy_decode(read_text(text, source=_STDIN_SOURCE, id=f"stdin-{digest}"), note)


def _read_file(
    path: Path, display: str, fmt: Format, gz: bool, settings: Settings
) -> Iterator[Article | Reject]:
    limit = settings.max_input_bytes
    if fmt == "text":
        data = read_whole(path, gz=gz, source=display, limit=limit)
        text, note = decode_bytes_noted(data, source=display)
        yield note_lossy_decode(read_text(text, source=display), note)
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
    for entry in _walk(folder):
        if isinstance(entry, Reject):
            yield entry
        else:
            yield from read_folder_file(entry, settings)


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


def folder_files(folder: Path) -> Iterator[Path | Reject]:
    """The files a folder read visits, in its order, and a W105 Reject for each entry it passes over.

    Passed over, so that nothing is left out silently:

    - hidden files and folders (a name starting with "."): a folder is not entered;
    - a symlink that leads outside the folder, or to the folder itself: not followed;
    - a symlink to a folder inside the folder: not followed, so no file is read twice
      and a link back up cannot loop;
    - a symlink to a file inside the folder that the read visits anyway: that file is
      read under its own name. A symlink to a file that the read does not visit (one
      in a hidden folder) is read, once, however many links lead to it.

    Example:
        >>> [str(e) if isinstance(e, Path) else e.reason for e in folder_files(Path("berita"))]  # doctest: +SKIP
        ['berita/banjir.txt', 'hidden file, not read']
    """
    return _walk(folder)


def _walk(folder: Path) -> Iterator[Path | Reject]:
    """Files under ``folder`` in sorted path order, and Rejects for what is passed over."""
    try:
        root = folder.resolve()
    except OSError as exc:
        raise InputError(f"cannot list folder: {exc.strerror or exc}", source=str(folder)) from exc
    return _walk_in(folder, root, {})


def _walk_in(folder: Path, root: Path, linked: dict[Path, str]) -> Iterator[Path | Reject]:
    """:func:`_walk` below ``folder``; ``linked`` maps files read through a symlink to that link."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise InputError(f"cannot list folder: {exc.strerror or exc}", source=str(folder)) from exc
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            what = "folder" if entry.is_dir() else "file"  # not entered either way
            yield Reject(str(path), UnsupportedInputError.code, f"hidden {what}, not read")
        elif entry.is_symlink():
            yield _symlink(path, root, linked)
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk_in(path, root, linked)
        else:
            yield path


def _symlink(path: Path, root: Path, linked: dict[Path, str]) -> Path | Reject:
    """A symlink met in the folder: the path to read it by, or a Reject saying why not."""
    try:
        # A loop of links raises RuntimeError before Python 3.13; later versions give the
        # path back, and reading it fails and is reported like any unreadable file.
        target = path.resolve()
        inside = target.relative_to(root) if target.is_relative_to(root) else None
        is_dir = target.is_dir()
    except (OSError, RuntimeError):
        return Reject(
            str(path), UnsupportedInputError.code, "symlink that cannot be resolved (a loop?), not followed"
        )
    if inside is None or inside == Path("."):
        # Outside, or the folder itself (a link back to the top would loop).
        where = "outside the folder" if inside is None else "the folder itself"
        return Reject(str(path), UnsupportedInputError.code, f"symlink to {where}, not followed ({target})")
    if is_dir:
        return Reject(
            str(path),
            UnsupportedInputError.code,
            f"symlink to a folder inside the folder ({inside}), not followed (no file is read twice)",
        )
    if not any(part.startswith(".") for part in inside.parts) and target.exists():
        return Reject(
            str(path),
            UnsupportedInputError.code,
            f"symlink to {inside} in the folder, read under its own name",
        )
    first = linked.setdefault(target, str(path))
    if first != str(path):
        return Reject(str(path), UnsupportedInputError.code, f"symlink to {inside}, read already as {first}")
    return path  # a file the read does not visit (in a hidden folder), or a broken link: its read reports it


def _unsupported(suffix: str) -> str:
    shown = suffix or "no suffix"
    return f"unsupported input type ({shown}); readable: {', '.join(SUPPORTED_SUFFIXES)}"
