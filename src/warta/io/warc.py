"""WARC files from web crawls (warcio): one Article per HTML response.

Each ``response`` record with status 200 and an HTML content type goes through the HTML
reader (trafilatura), with the record's target URI as the page URL. Other records
(requests, metadata, images, redirects) are not articles and are passed over; a page in
which no article text is found becomes a Reject, and reading goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from warta.article import Article
from warta.errors import InputError, MalformedInputError

from ._files import open_binary
from ._html import article_from_html
from ._rejects import Reject

__all__ = ["iter_warc_file", "iter_warc_stream"]

logger = logging.getLogger(__name__)


def iter_warc_stream(fh: IO[bytes], *, display: str, limit: int) -> Iterator[Article | Reject]:
    """Articles in an open WARC stream (plain or gzip: warcio tells them apart).

    Raises:
        MalformedInputError: the stream is not a WARC file (W104).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    index = 0
    try:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{display}#{index}"
            status = record.http_headers.get_statuscode()
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if status != "200" or "html" not in ctype:
                continue
            index += 1
            where = f"{display}#{uri}"
            data = record.content_stream().read(limit + 1)
            if len(data) > limit:
                yield Reject(where, "W103", f"page over max_input_bytes ({limit:,})")
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


def iter_warc_file(path: Path, *, display: str, limit: int) -> Iterator[Article | Reject]:
    """Articles of a ``.warc`` or ``.warc.gz`` file (see :func:`iter_warc_stream`)."""
    with open_binary(path, gz=False, source=display) as fh:
        yield from iter_warc_stream(fh, display=display, limit=limit)
