"""URLs in one spelling per page, so that a page linked several ways is fetched once.

courlan does the general part (lower-case host, default ports, tracking parameters such as
``utm_*`` and ``fbclid`` off, query parameters sorted); here the fragment and a trailing
slash go too, and a mobile host (``m.``, ``mobile.``) becomes the outlet's main host when the
sources name it, else the bare domain.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit, urlunsplit

__all__ = ["HostMap", "host_of", "normalize_url"]

_MOBILE = ("m.", "mobile.", "amp.")


def host_of(url: str) -> str:
    """The host (with a port other than the default) of ``url``, lower-case."""
    parts = urlsplit(url)
    return (parts.netloc.rsplit("@", 1)[-1] or "").lower()


class HostMap:
    """Where a mobile host goes: the host a source's URL uses for the same domain.

    Example:
        >>> hosts = HostMap(["https://www.berita.co.id/rss"])
        >>> hosts.main("m.berita.co.id")
        'www.berita.co.id'
        >>> hosts.main("m.lain.co.id")
        'lain.co.id'
    """

    def __init__(self, urls: Iterable[str]) -> None:
        self._by_domain: dict[str, str] = {}
        for url in urls:
            host = host_of(url)
            self._by_domain.setdefault(_bare(host), host)

    def main(self, host: str) -> str:
        """The host to fetch instead of ``host`` (``host`` itself unless it is a mobile one)."""
        for prefix in _MOBILE:
            if not host.startswith(prefix):
                continue
            rest = host[len(prefix) :]
            known = self._by_domain.get(_bare(rest))
            if known is not None:
                return known
            # "m.co.id" is no mobile host of anything: a domain must be left over.
            if "." in rest.partition(":")[0].removeprefix("www."):
                return rest
        return host


def _bare(host: str) -> str:
    return host.removeprefix("www.")


def normalize_url(url: str, *, base: str | None = None, hosts: HostMap | None = None) -> str | None:
    """The one spelling of ``url`` (made absolute against ``base``), or None for a URL that
    is not http(s).

    Example:
        >>> normalize_url("https://m.berita.co.id/a/1/?utm_source=fb&b=2&a=1#atas",
        ...               hosts=HostMap(["https://www.berita.co.id/"]))
        'https://www.berita.co.id/a/1?a=1&b=2'
    """
    import courlan

    text = url.strip()
    if base is not None:
        text = urljoin(base, text)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    try:
        clean = courlan.normalize_url(text, strict=False)
    except ValueError:
        return None
    parts = urlsplit(clean)
    host = parts.netloc.lower()
    if hosts is not None:
        host = hosts.main(host)
    path = parts.path
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    if not path:
        path = "/"
    return urlunsplit((parts.scheme, host, path, parts.query, ""))
