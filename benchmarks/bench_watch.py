"""Throughput of ``warta watch``: N invented articles served on 127.0.0.1, collected end to end.

Reports articles per second end to end (fetch, extract, analyse with the default pipeline,
store) and fetch-only (the polite fetcher alone, no delay between requests to the one host).

    python benchmarks/bench_watch.py --articles 300 --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "watch"))

from newssite import NewsSite

from warta.config import load_settings
from warta.watch import parse_sources, watch
from warta.watch.fetch import Fetcher


class BenchSite(NewsSite):
    """The test site with ``n`` articles, listed in one sitemap."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.versions = {i: 1 for i in range(1, n + 1)}

    def _sitemap(self) -> str:
        body = "".join(f"<url><loc>{self.url(f'/berita/{i}')}</loc></url>" for i in self.versions)
        return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'


async def _fetch_only(site: BenchSite, settings: object) -> float:
    started = time.perf_counter()
    async with Fetcher(settings) as f:  # type: ignore[arg-type]
        pages = await asyncio.gather(*(f.fetch(site.url(f"/berita/{i}")) for i in site.versions))
    assert all(p.status == "ok" for p in pages)
    return len(pages) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    site = BenchSite(args.articles).start()
    settings = load_settings(watch_host_delay=0.0, watch_host_concurrency=8)
    try:
        fetch_rate = asyncio.run(_fetch_only(site, settings))
        sources = parse_sources(
            {
                "source": [
                    {
                        "name": "bench",
                        "kind": "sitemap",
                        "url": site.url("/sitemap-daerah.xml"),
                        "max_articles": args.articles,
                    }
                ]
            },
            origin="bench",
        )
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            report = watch(sources, db=str(Path(tmp) / "bench.db"), settings=settings, workers=args.workers)
            seconds = time.perf_counter() - started
    finally:
        site.stop()
    (r,) = report.rounds
    result = {
        "articles": args.articles,
        "workers": args.workers,
        "stored": r.inserted,
        "end_to_end_seconds": round(seconds, 2),
        "end_to_end_articles_per_second": round(r.inserted / seconds, 1),
        "fetch_only_articles_per_second": round(fetch_rate, 1),
        "pipeline": list(settings.pipeline),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
