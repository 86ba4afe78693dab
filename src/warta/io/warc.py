"""WARC files from web crawls (warcio): one Article per HTML response.

Each ``response`` record with status 200 and an HTML content type goes through the HTML
reader (trafilatura), with the record's target URI as the page URL. Other records
(requests, metadata, images, redirects) are not articles and are passed over; a page in
which no article text is found becomes a Reject, and reading goes on.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from warta.article import Article
from warta.errors import InputError, InputTooLargeError, MalformedInputError

from ._files import open_binary
from ._html import article_from_html
from ._rejects import Reject

__all__ = ["iter_warc_file", "iter_warc_range", "iter_warc_stream", "warc_record_ranges"]

logger = logging.getLogger(__name__)


def _is_page(record: Any) -> bool:
    """A ``response`` record with status 200 and an HTML body: an article candidate."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    return bool(record.http_headers.get_statuscode() == "200" and "html" in ctype)


def iter_warc_stream(
    fh: IO[bytes], *, display: str, limit: int, first_index: int = 0
) -> Iterator[Article | Reject]:
    """Articles in an open WARC stream (plain or gzip: warcio tells them apart).

    ``first_index`` counts the HTML responses before the stream's first record (a
    partition of a larger file), so URI-less pages get the same fallback ids.

    Raises:
        MalformedInputError: the stream is not a WARC file (W104).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    index = first_index
    try:
        for record in _records(ArchiveIterator(fh), display):
            if not _is_page(record):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{display}#{index}"
            index += 1
            where = f"{display}#{uri}"
            data = record.content_stream().read(limit + 1)
            if len(data) > limit:
                yield Reject(where, InputTooLargeError.code, f"page over max_input_bytes ({limit:,})")
                continue
            try:
                article = article_from_html(data, id=uri, source=where, url=uri)
            except InputError as exc:
                yield Reject(where, exc.code, exc.message)
                continue
            if not article.source.url:
                article.source.url = uri
            yield article
    except ArchiveLoadFailed as exc:
        raise MalformedInputError(f"not a WARC file ({exc})", source=display) from exc
    if index == 0:
        logger.info("%s: no HTML responses in the WARC file", display)


def _records(records: Iterator[Any], display: str) -> Iterator[Any]:
    """warcio's records; its crashes on malformed headers become W104 errors naming the file."""
    while True:
        try:
            record = next(records, None)
        except (AttributeError, TypeError, ValueError) as exc:
            # e.g. a response record without WARC-Target-URI: warcio fails inside its parser.
            raise MalformedInputError(
                f"malformed WARC record ({type(exc).__name__}: {exc})", source=display
            ) from exc
        if record is None:
            return
        yield record


def iter_warc_file(path: Path, *, display: str, limit: int) -> Iterator[Article | Reject]:
    """Articles of a ``.warc`` or ``.warc.gz`` file (see :func:`iter_warc_stream`)."""
    with open_binary(path, gz=False, source=display) as fh:
        yield from iter_warc_stream(fh, display=display, limit=limit)


def warc_record_ranges(path: Path, *, target: int) -> list[tuple[int, int, int]] | None:
    """Cut a WARC file at record boundaries into ranges of about ``target`` bytes.

    Returns ``(start, end, first_index)`` per range (``first_index``: HTML responses
    before ``start``), or None when the file must be read as one stream: a ``.warc.gz``
    compressed as a single gzip member rather than one member per record, or a file
    warcio cannot read (the whole-file read then reports it).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    size = path.stat().st_size
    ranges: list[tuple[int, int, int]] = []
    start, first, index = 0, 0, 0
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                offset = records.get_record_offset()
                if offset - start >= target:
                    ranges.append((start, offset, first))
                    start, first = offset, index
                if _is_page(record):
                    index += 1
            cuts = [s for s, _, _ in ranges[1:]] + ([start] if ranges else [])
            for cut in cuts:
                fh.seek(cut)
                if not fh.read(5).startswith((b"\x1f\x8b", b"WARC/")):
                    return None  # not a record (or gzip member) boundary
    except (ArchiveLoadFailed, OSError, AttributeError, TypeError, ValueError):
        return None  # the whole-file read reports what is wrong
    ranges.append((start, size, first))
    return ranges


def iter_warc_range(
    path: Path, *, start: int, end: int, first_index: int, display: str, limit: int
) -> Iterator[Article | Reject]:
    """The articles of bytes ``[start, end)`` of a WARC file (see :func:`warc_record_ranges`)."""
    with open_binary(path, gz=False, source=display) as fh:
        fh.seek(start)
        yield from iter_warc_stream(
            io.BufferedReader(_Bounded(fh, end - start)),
            display=display,
            limit=limit,
            first_index=first_index,
        )


class _Bounded(io.RawIOBase):
    """At most ``size`` bytes of ``fh``, from where it stands."""

    def __init__(self, fh: IO[bytes], size: int) -> None:
        super().__init__()
        self._fh, self._left = fh, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        n = min(len(view), self._left)
        if n <= 0:
            return 0
        data = self._fh.read(n)
        view[: len(data)] = data
        self._left -= len(data)
        return len(data)
