"""Dashboard page latency over a corpus store: p50/p95/max render time of article and entity pages.

Usage:
    python benchmarks/bench_pages.py warta.db [--articles 200] [--entities 100] [--seed 0] [--repeat 1]

The app is built by ``create_app`` over the store and driven in process (Starlette's
TestClient), so a time is the whole request: routing, the store queries, the highlighting
and the template, without network. Article ids are drawn at random (``--seed``); entities
are the most mentioned ones (the heaviest pages). Every page is fetched once to warm
SQLite's cache and the templates, then ``--repeat`` times timed.

The app adds its indexes to the store on start (``ensure_indexes``): benchmark a copy when
the store is being written.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from warta.config import load_settings
from warta.storage import Store
from warta.web.app import create_app


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(q * len(ordered)) - 1)]


def _time(client: TestClient, paths: list[str], repeat: int) -> dict[str, Any]:
    times: list[tuple[float, str]] = []
    for path in paths:
        warm = client.get(path)
        if warm.status_code != 200:
            raise SystemExit(f"{path}: HTTP {warm.status_code}")
        for _ in range(repeat):
            start = time.perf_counter()
            r = client.get(path)
            times.append(((time.perf_counter() - start) * 1000, path))
            if r.status_code != 200:
                raise SystemExit(f"{path}: HTTP {r.status_code}")
    ms = [t for t, _p in times]
    return {
        "pages": len(paths),
        "runs": len(ms),
        "p50_ms": round(statistics.median(ms), 1) if ms else None,
        "p95_ms": round(_percentile(ms, 0.95), 1) if ms else None,
        "max_ms": round(max(ms), 1) if ms else None,
        "slowest": [{"ms": round(t, 1), "path": p} for t, p in sorted(times, reverse=True)[:5]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--entities", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with Store.open(args.db, create=False) as store:
        with store.connect() as conn:
            ids = [int(i) for (i,) in conn.execute(sa.text("SELECT id FROM articles ORDER BY id"))]
            top = [
                int(i)
                for (i,) in conn.execute(
                    sa.text(
                        "SELECT entity_id FROM article_entities GROUP BY entity_id ORDER BY sum(mentions) DESC LIMIT :n"
                    ),
                    {"n": args.entities},
                )
            ]
        sample = random.Random(args.seed).sample(ids, min(args.articles, len(ids)))
        app = create_app(load_settings(db=args.db, api_token="", cors_origins=[]), store=store)
        with TestClient(app) as client:
            client.get("/")
            result = {
                "db": args.db,
                "articles_in_store": len(ids),
                "seed": args.seed,
                "article_page": _time(client, [f"/article/{i}" for i in sample], args.repeat),
                "entity_page": _time(client, [f"/entity/{i}" for i in top], args.repeat),
                # The other pages, once each (the home page's aggregates are the heaviest).
                "other_pages": {
                    path: _time(client, [path], args.repeat)["p50_ms"]
                    for path in (
                        "/",
                        "/search?q=harga+beras",
                        "/search?outlet=kompas&q=banjir",
                        "/quotes",
                        "/quotes?speaker=Joko+Widodo",
                        "/search?entity=Jakarta",
                        "/analyze",
                    )
                },
            }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
