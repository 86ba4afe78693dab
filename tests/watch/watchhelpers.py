"""What the collector's tests share (imported by name: ``from watchhelpers import ...``)."""

from __future__ import annotations

from newssite import NewsSite

from warta.config import Settings, load_settings

# Only the first steps: these tests are about collecting, not about the analysis.
STEPS = ["warta.clean.v1", "warta.segment.v1"]

# The articles the site publishes that the collector may and can store, by path.
STORED = {
    "/berita/1",
    "/berita/2",
    "/berita/3",
    "/berita/4",
    "/berita/5",
    "/berita/6",
    "/berita/7",
    "/berita/8",
    "/berita/rusak",
    "/berita/tujuan",
    "/berita/cp1252",
    "/berita/latin",
}


def sources_toml(site: NewsSite) -> str:
    return f"""
[defaults]
interval = "5m"
outlet = "Kabar Nusantara Uji"

[[source]]
name = "uji-rss"
kind = "rss"
url = "{site.url("/rss.xml")}"

[[source]]
name = "uji-sitemap"
kind = "sitemap"
url = "{site.url("/sitemap.xml")}"
pattern = "/berita/"

[[source]]
name = "uji-depan"
kind = "frontpage"
url = "{site.url("/depan")}"
pattern = "/berita/[0-9a-z-]+$"
"""


def fast_settings(**overrides: object) -> Settings:
    """Polite, but quick: no delay between requests to the one test host, short timeouts."""
    values: dict[str, object] = {
        "watch_host_delay": 0.0,
        "watch_timeout": 0.5,
        "watch_retries": 1,
        "watch_backoff": 0.05,
        "watch_max_bytes": 200_000,
        "watch_max_redirects": 3,
        "watch_retry_after": 3600.0,
        "watch_max_attempts": 3,
    }
    values.update(overrides)
    return load_settings(**values)
