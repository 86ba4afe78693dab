"""Saved news pages: trafilatura finds the article body and its metadata."""

from __future__ import annotations

import codecs
import re
from typing import Any

from warta.article import Article, Published, Source
from warta.errors import EmptyInputError, MalformedInputError

from ._dates import parse_metadata_date
from ._decode import bom_encoding, check_binary, decode_bytes

__all__ = ["article_from_html", "decode_html"]

# A <meta charset> is declared within the first bytes of any page that has one.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEAD_BYTES = 4096

# Browsers read these labels as windows-1252 (WHATWG Encoding Standard); so do we,
# or curly quotes in pages labelled latin-1 would turn into C1 controls.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819"}

# htmldate, used by trafilatura: prefer the original publication date over an
# update date, and do not scan the body text for date-like strings (that is a
# guess, and dates in the text are the dates stage's job).
_DATE_PARAMS = {"original_date": True, "extensive_search": False}

_SPACES = re.compile(r"\s+")
_MARKERS = {"-", "*", "•"}


def decode_html(data: bytes, *, source: str) -> str:
    """Decode a page: BOM, then UTF-8, then its ``<meta charset>``, then detection.

    UTF-8 is tried before the declared charset because pages that declare latin-1 but
    are served as UTF-8 are far more common than the reverse.
    """
    if bom_encoding(data) is None:
        check_binary(data, source=source)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            declared = _declared_charset(data)
            if declared is not None:
                try:
                    return data.decode(declared)
                except UnicodeDecodeError:
                    pass  # a wrong declaration: fall back to detection
    return decode_bytes(data, source=source)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_HEAD_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def article_from_html(html: str | bytes, *, id: str, source: str, url: str | None = None) -> Article:
    """Extract the article in a news page.

    Args:
        html: the page (bytes are decoded with :func:`decode_html`).
        id: the Article id.
        source: where the page came from (a path), for ``Source.path`` and messages.
        url: the page's address when known (helps trafilatura; ``Source.url`` falls
            back to the page's canonical or og:url link).

    Returns:
        An Article whose ``raw`` is the main text, paragraphs (and list items, table
        rows) separated by a blank line; with title, date, author, URL, the site name
        as ``Source.outlet`` and the host name as ``Source.site``.

    Raises:
        EmptyInputError: no main text found, e.g. an index page (W101).
        MalformedInputError: the page cannot be parsed (W104).

    Example:
        >>> page = "<html><body><article><p>Harga beras naik lagi di pasar.</p></article></body></html>"
        >>> article_from_html(page, id="p1", source="p1.html").raw  # doctest: +SKIP
        'Harga beras naik lagi di pasar.'
    """
    text = decode_html(html, source=source) if isinstance(html, bytes) else html
    if not text.strip():
        raise EmptyInputError("empty page", source=source)
    doc = _extract(text, url=url, source=source)
    title = _clean(doc.title) if doc is not None else None
    blocks = _blocks(doc.text, title) if doc is not None else []
    if not blocks:
        raise EmptyInputError(
            "no article text found in the page (an index page or an empty article?)", source=source
        )
    date = _clean(doc.date)
    page_url = url or _clean(doc.url)
    return Article(
        id=id,
        raw="\n\n".join(blocks),
        title=title,
        input_format="html",
        source=Source(
            outlet=_clean(doc.sitename),
            url=page_url,
            author=_clean(doc.author),
            site=_clean(doc.hostname),
            path=source,
        ),
        published=(
            Published(value=parse_metadata_date(date), method="metadata", raw=date)
            if date is not None
            else Published()
        ),
    )


def _extract(text: str, *, url: str | None, source: str) -> Any:
    import trafilatura  # heavy: imported when the first page is read
    from lxml.etree import LxmlError  # type: ignore[import-untyped]

    try:
        return trafilatura.bare_extraction(
            text,
            url=url,
            with_metadata=True,
            include_comments=False,  # reader comments are not the article
            date_extraction_params=_DATE_PARAMS,
        )
    except (LxmlError, ValueError) as exc:
        raise MalformedInputError(f"cannot parse the HTML: {exc}", source=source) from exc


def _blocks(text: Any, title: str | None) -> list[str]:
    """The extracted text's paragraphs, stripped, without blank ones.

    trafilatura ends every block (paragraph, heading, list item, table row) and every
    ``<br>`` with a newline. Pages that write paragraphs as ``<br><br>`` inside a
    single ``<p>`` or ``<div>`` are common in Indonesian outlets, so each non-blank
    line counts as a paragraph, whatever element it came from.
    """
    if not isinstance(text, str):
        return []
    # A lone "-" is trafilatura's marker of a list item whose text starts on the next line.
    blocks = [b for b in (line.strip() for line in text.splitlines()) if b and b not in _MARKERS]
    # trafilatura keeps the page's <h1> as the first block; it is the title, not body text.
    if blocks and title is not None and _SPACES.sub(" ", blocks[0]) == _SPACES.sub(" ", title):
        del blocks[0]
    return blocks


def _clean(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
