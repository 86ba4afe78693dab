"""RSS and Atom feeds (feedparser): one Article per entry.

An entry's text is its full content when the feed carries it (``content:encoded``,
Atom ``content``), else its summary; HTML is reduced to paragraphs separated by blank
lines. The entry's link, title, date and author, and the feed's title as the outlet,
go into the Article's metadata.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warta.article import Article, Published, Source
from warta.errors import EmptyInputError, MalformedInputError

from ._decode import DecodeNote, note_lossy_decode
from ._files import read_whole
from ._rejects import Reject

__all__ = ["articles_from_feed", "html_to_text", "iter_feed_file", "looks_like_feed"]

_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "article",
    "section",
}
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of an XML file open an RSS, Atom or RDF feed."""
    return _FEED_ROOT.search(head[:4096]) is not None


def html_to_text(html: str) -> str:
    """Paragraph text of an HTML fragment: block elements become blank-line breaks.

    Example:
        >>> html_to_text("<p>Harga naik.</p><p>Warga <b>antre</b> minyak.</p>")
        'Harga naik.\\n\\nWarga antre minyak.'
    """
    if "<" not in html:
        return html.strip()
    import lxml.html  # type: ignore[import-untyped]

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    parts: list[str] = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in _BLOCKS:
            parts.append("\n\n")
        if el.text and tag:
            parts.append(el.text)
        if el.tail and el is not root:
            parts.append(el.tail)
    text = "".join(parts)
    paragraphs = (_SPACES.sub(" ", p).strip() for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: Any) -> tuple[datetime | None, str | None]:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).replace(tzinfo=None), raw
        if raw:
            return None, raw
    return None, None


def articles_from_feed(data: bytes, *, display: str) -> Iterator[Article | Reject]:
    """The entries of a feed document as Articles (entries without text as Rejects).

    Raises:
        MalformedInputError: not a feed, or XML too broken to yield any entry (W104).
        EmptyInputError: a feed with no entries (W101).
    """
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not parsed.get("feed"):
            raise MalformedInputError(
                f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})", source=display
            )
        raise EmptyInputError("the feed has no entries", source=display)
    feed = parsed.get("feed") or {}
    outlet = feed.get("title") or None
    # feedparser falls back to another encoding when the declared one fails: a guess.
    override = isinstance(parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride)
    decoded = DecodeNote(str(parsed.get("encoding") or "?"), guessed=True) if override else None
    for i, entry in enumerate(entries):
        where = f"{display}#{i}"
        contents = entry.get("content") or []
        html = next((c.get("value") for c in contents if c.get("value")), None) or entry.get("summary") or ""
        text = html_to_text(html)
        if not text:
            yield Reject(where, EmptyInputError.code, f"entry {i}: no text (neither content nor summary)")
            continue
        link = entry.get("link") or None
        value, raw_date = _entry_date(entry)
        article = Article(
            id=entry.get("id") or link or where,
            raw=text,
            title=entry.get("title") or None,
            input_format="text",
            source=Source(
                outlet=outlet, url=link, author=entry.get("author") or None, site=_host(link), path=where
            ),
            published=Published(value=value, method="metadata", raw=raw_date) if raw_date else Published(),
        )
        yield note_lossy_decode(article, decoded)


def _host(url: str | None) -> str | None:
    from urllib.parse import urlsplit

    if not url or "//" not in url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def iter_feed_file(path: Path, *, gz: bool, display: str, limit: int) -> Iterator[Article | Reject]:
    """The entries of an ``.rss``/``.atom``/``.xml`` feed file (see :func:`articles_from_feed`)."""
    data = read_whole(path, gz=gz, source=display, limit=limit)
    yield from articles_from_feed(data, display=display)
