"""The sources file of ``warta watch``: which feeds, sitemaps and front pages to poll.

A TOML file with one ``[[source]]`` table per source, and optional ``[defaults]`` that every
source takes unless it says otherwise::

    [defaults]
    interval = "15m"          # seconds (900) or "90s", "15m", "2h"
    max_articles = 200        # article URLs fetched per source and round

    [[source]]
    name = "antara-terkini"   # unique; what status and logs call it
    kind = "rss"              # rss (RSS or Atom) | sitemap (also news sitemaps, indexes) | frontpage
    url = "https://www.antaranews.com/rss/terkini.xml"
    outlet = "ANTARA"         # stored as the articles' outlet
    pattern = "/berita/\\d+"  # article URLs must match (required for a front page)

Every problem is a :class:`~warta.errors.SourcesError` naming the file, the source and what
is wrong with it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal, cast
from urllib.parse import urlsplit

import msgspec

from warta.errors import SourcesError

__all__ = ["SourceKind", "SourceSpec", "load_sources", "parse_interval", "parse_sources"]

SourceKind = Literal["rss", "sitemap", "frontpage"]
_KINDS = ("rss", "sitemap", "frontpage")
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
# Polling a source more often than once a minute is impolite; once a week is the slowest
# that still makes it a news source.
_MIN_INTERVAL, _MAX_INTERVAL = 60.0, 7 * 86400.0
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")

_DEFAULTS: dict[str, Any] = {"interval": 900.0, "max_articles": 200, "max_sitemaps": 20, "max_age_days": 0.0}
_KEYS = {"name", "kind", "url", "outlet", "pattern", *_DEFAULTS}


class SourceSpec(msgspec.Struct, frozen=True):
    """One source to poll.

    Attributes:
        interval: seconds between two polls of the long-running collector.
        pattern: a regular expression article URLs must match (searched, not anchored);
            links elsewhere in a front page, and feed entries outside it, are passed over.
        max_articles: article URLs fetched per round at most (the rest wait for the next).
        max_sitemaps: sitemaps read per round from an index (nested indexes included).
        max_age_days: entries whose date is older are passed over (0: no limit).
    """

    name: str
    kind: SourceKind
    url: str
    outlet: str
    interval: float = 900.0
    pattern: str | None = None
    max_articles: int = 200
    max_sitemaps: int = 20
    max_age_days: float = 0.0

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()

    def matches(self, url: str) -> bool:
        """Whether ``url`` may be an article of this source (its pattern, if any)."""
        return self.pattern is None or re.search(self.pattern, url) is not None


def parse_interval(value: object) -> float:
    """Seconds from ``900``, ``"90s"``, ``"15m"``, ``"2h"`` or ``"1d"``.

    Raises:
        ValueError: anything else.
    """
    if isinstance(value, bool):
        raise ValueError(f"not a duration: {value!r}")
    if isinstance(value, int | float):
        return float(value)
    match = _INTERVAL.match(str(value))
    if match is None:
        raise ValueError(f"not a duration: {value!r} (seconds, or a number with s, m, h or d)")
    return float(match.group(1)) * _UNITS[match.group(2)]


def load_sources(path: str | Path) -> list[SourceSpec]:
    """Read and check a sources file.

    Raises:
        SourcesError: the file is missing, not TOML, or a source is wrong (W107).
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SourcesError("sources file not found", source=str(p)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"cannot read the sources file: {exc}", source=str(p)) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"not valid TOML: {exc}", source=str(p)) from exc
    return parse_sources(data, origin=str(p))


def parse_sources(data: dict[str, Any], *, origin: str) -> list[SourceSpec]:
    """Check the sources of a parsed sources file (``origin`` names it in errors)."""
    unknown = set(data) - {"defaults", "source"}
    if unknown:
        raise SourcesError(
            f"unknown top-level key(s) {', '.join(sorted(unknown))}: expected [defaults] and [[source]]",
            source=origin,
        )
    defaults = dict(_DEFAULTS)
    given = data.get("defaults", {})
    if not isinstance(given, dict):
        raise SourcesError("[defaults] must be a table", source=origin)
    bad = set(given) - set(_DEFAULTS) - {"outlet", "pattern"}
    if bad:
        raise SourcesError(f"[defaults]: unknown key(s) {', '.join(sorted(bad))}", source=origin)
    defaults.update(given)
    items = data.get("source")
    if not isinstance(items, list) or not items:
        raise SourcesError("no [[source]] tables: the file names no source to watch", source=origin)
    out: list[SourceSpec] = []
    seen: set[str] = set()
    for i, item in enumerate(items, 1):
        spec = _source(item, i, defaults, origin)
        if spec.name in seen:
            raise SourcesError(f"source {spec.name!r} (#{i}): the name is used twice", source=origin)
        seen.add(spec.name)
        out.append(spec)
    return out


def _source(item: object, i: int, defaults: dict[str, Any], origin: str) -> SourceSpec:
    if not isinstance(item, dict):
        raise SourcesError(f"source #{i}: must be a table", source=origin)
    label = f"source {item['name']!r} (#{i})" if isinstance(item.get("name"), str) else f"source #{i}"

    def fail(problem: str) -> SourcesError:
        return SourcesError(f"{label}: {problem}", source=origin)

    unknown = set(item) - _KEYS
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(_KEYS))})")
    values = {**defaults, **item}
    for key in ("name", "kind", "url"):
        if not isinstance(values.get(key), str) or not values[key].strip():
            raise fail(f"'{key}' is missing or not a string")
    name, kind, url = values["name"].strip(), values["kind"].strip(), values["url"].strip()
    if not _NAME.match(name):
        raise fail("'name' must be letters, digits, '.', '_' or '-' (at most 128)")
    if kind not in _KINDS:
        raise fail(f"'kind' is {kind!r}; expected one of {', '.join(_KINDS)}")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise fail(f"'url' {url!r} is not an http(s) URL")
    outlet = values.get("outlet") or parts.hostname
    if not isinstance(outlet, str):
        raise fail("'outlet' must be a string")
    pattern = values.get("pattern")
    if pattern is not None:
        if not isinstance(pattern, str):
            raise fail("'pattern' must be a string (a regular expression)")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise fail(f"'pattern' is not a valid regular expression: {exc}") from exc
    elif kind == "frontpage":
        raise fail("a front page needs a 'pattern' (a regular expression its article URLs match)")
    try:
        interval = parse_interval(values["interval"])
    except ValueError as exc:
        raise fail(f"'interval': {exc}") from exc
    if not _MIN_INTERVAL <= interval <= _MAX_INTERVAL:
        raise fail(f"'interval' is {interval:g} s; it must be between 1 minute and 7 days")
    limits: dict[str, Any] = {}
    for key, low in (("max_articles", 1), ("max_sitemaps", 1)):
        v = values[key]
        if isinstance(v, bool) or not isinstance(v, int) or v < low:
            raise fail(f"'{key}' must be a whole number of at least {low}")
        limits[key] = v
    age = values["max_age_days"]
    if isinstance(age, bool) or not isinstance(age, int | float) or age < 0:
        raise fail("'max_age_days' must be a number of days, 0 or more (0: no limit)")
    return SourceSpec(
        name=name,
        kind=cast(SourceKind, kind),
        url=url,
        outlet=outlet.strip(),
        interval=interval,
        pattern=pattern,
        max_age_days=float(age),
        **limits,
    )
