"""Listings to links: the article URLs (and child sitemaps) a feed, a sitemap or a front page
names, normalised, with the date each gives.

- RSS and Atom feeds (feedparser): each entry's link, and its updated (else published) date;
- sitemaps (lxml, without entities or network): ``<urlset>`` entries with ``<lastmod>`` or
  a Google news sitemap's ``<news:publication_date>``; a ``<sitemapindex>`` names child
  sitemaps (fetched by the collector in turn); gzipped sitemaps are read too;
- front pages: every ``<a href>`` on the source's own host matching the source's pattern.

A source's ``pattern`` filters the article links of every kind; ``max_age_days`` drops
entries dated earlier.
"""

from __future__ import annotations

import calendar
import io
import warnings
import zlib
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from warta.errors import InputTooLargeError, MalformedInputError
from warta.storage.frontier import Link, time_text

from .sources import SourceSpec
from .urls import HostMap, host_of, normalize_url

__all__ = ["Listing", "discover", "parse_lastmod"]

_GZIP_MAGIC = b"\x1f\x8b"


class Listing(NamedTuple):
    """What one listing named: article links and, for a sitemap index, child sitemaps."""

    articles: list[Link]
    sitemaps: list[Link]


def parse_lastmod(value: str | None) -> str | None:
    """A W3C / ISO 8601 date or time as the store writes times (UTC), else None.

    Example:
        >>> parse_lastmod("2025-03-04T10:00:00+07:00")
        '2025-03-04T03:00:00'
    """
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return time_text(when)


def discover(
    spec: SourceSpec, content: bytes, *, url: str, hosts: HostMap, now: datetime, max_bytes: int
) -> Listing:
    """The links in a listing of ``spec`` fetched from ``url``.

    Raises:
        MalformedInputError: the listing cannot be parsed as its kind (W104).
        InputTooLargeError: a gzipped sitemap unpacks to more than ``max_bytes`` (W103).
    """
    if spec.kind == "rss":
        found = _feed(content, url=url, hosts=hosts)
    elif spec.kind == "sitemap":
        found = _sitemap(content, url=url, hosts=hosts, max_bytes=max_bytes)
    else:
        found = _frontpage(content, url=url, hosts=hosts, own=hosts.main(host_of(spec.url)))
    oldest = time_text(now - timedelta(days=spec.max_age_days)) if spec.max_age_days else None
    articles = [
        link
        for link in found.articles
        if spec.matches(link.url) and (oldest is None or link.lastmod is None or link.lastmod >= oldest)
    ]
    return Listing(articles, found.sitemaps)


def _feed(content: bytes, *, url: str, hosts: HostMap) -> Listing:
    import feedparser

    parsed: Any = feedparser.parse(content)
    entries = list(parsed.get("entries") or [])
    if not entries and parsed.get("bozo"):
        raise MalformedInputError(f"not an RSS or Atom feed ({parsed.get('bozo_exception')})", source=url)
    out: list[Link] = []
    for entry in entries:
        link = entry.get("link") or entry.get("id") or ""
        target = normalize_url(link, base=url, hosts=hosts) if link else None
        if target is None:
            continue
        with warnings.catch_warnings():
            # feedparser warns that "updated" falls back to "published"; that is what we want.
            warnings.simplefilter("ignore", DeprecationWarning)
            stamp = entry.get("updated_parsed") or entry.get("published_parsed")
        lastmod = time_text(datetime.fromtimestamp(calendar.timegm(stamp), UTC)) if stamp else None
        out.append(Link(target, lastmod))
    return Listing(out, [])


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _unpack(content: bytes, *, url: str, max_bytes: int) -> bytes:
    if not content.startswith(_GZIP_MAGIC):
        return content
    # Bounded: a small gzip can unpack to gigabytes.
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(content, max_bytes + 1)
    except zlib.error as exc:
        raise MalformedInputError(f"a broken gzipped sitemap ({exc})", source=url) from exc
    if len(data) > max_bytes:
        raise InputTooLargeError(f"the gzipped sitemap unpacks to over {max_bytes:,} bytes", source=url)
    return data


def _sitemap(content: bytes, *, url: str, hosts: HostMap, max_bytes: int) -> Listing:
    from lxml import etree  # type: ignore[import-untyped]

    data = _unpack(content, url=url, max_bytes=max_bytes)
    # No entities, no DTDs from the network, no huge trees: a sitemap is plain data.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.parse(io.BytesIO(data), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise MalformedInputError(f"not a sitemap: {exc}", source=url) from exc
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise MalformedInputError(f"not a sitemap: its root is <{kind}>", source=url)
    articles: list[Link] = []
    sitemaps: list[Link] = []
    for entry in root:
        if _local(entry.tag) not in ("url", "sitemap"):
            continue
        loc: str | None = None
        dates: list[str] = []
        for el in entry.iter():
            name = _local(el.tag)
            text = (el.text or "").strip()
            if name == "loc" and loc is None:
                loc = text
            elif name in ("lastmod", "publication_date") and (stamp := parse_lastmod(text)):
                dates.append(stamp)
        target = normalize_url(loc, base=url, hosts=hosts) if loc else None
        if target is None:
            continue
        lastmod = max(dates) if dates else None
        if kind == "sitemapindex":
            sitemaps.append(Link(target, lastmod, kind="sitemap"))
        else:
            articles.append(Link(target, lastmod))
    return Listing(articles, sitemaps)


def _frontpage(content: bytes, *, url: str, hosts: HostMap, own: str) -> Listing:
    import lxml.html  # type: ignore[import-untyped]
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(content)
    except (etree.ParserError, ValueError) as exc:
        raise MalformedInputError(f"not an HTML page: {exc}", source=url) from exc
    out: list[Link] = []
    seen: set[str] = set()
    for href in root.xpath("//a/@href"):
        target = normalize_url(str(href), base=url, hosts=hosts)
        # A front page links everywhere; only its own host's pages are its articles.
        if target is None or host_of(target) != own or target in seen:
            continue
        seen.add(target)
        out.append(Link(target))
    return Listing(out, [])
