"""Web latency over a corpus store: p50/p95/max per endpoint of the API (and the pages).

Usage:
    python benchmarks/bench_web.py --db warta.db [--db postgresql://...] [-n 40]
        [--out benchmarks/web_results.json] [--server http://127.0.0.1:8000] [--no-pages] [--seed 1]

``--db`` may be given twice (a SQLite file and a copy of it on PostgreSQL, ``warta db
copy``): both are timed in the same run, one after the other, with the same sampling.

In-process by default (Starlette's TestClient over ``create_app``: the whole ASGI stack,
no network); ``--server`` times a running ``warta serve`` over HTTP instead. Requests are
sampled with a fixed seed: random articles; entities half at random (among those in two
articles or more) and half the most written about (the heaviest profiles); searches from
benchmarks/search_queries.txt; quotes of the most quoted and of random speakers; the
home page's queries. Each kind runs once untimed first (warm caches), then ``-n`` timed
requests. A request that does not answer 200 is counted under ``errors``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent


def _engine(db: str) -> Any:
    import sqlalchemy as sa

    from warta.storage.repository import database_url

    return sa.create_engine(database_url(db))


def _sample(db: str, n: int, seed: int) -> dict[str, list[str]]:
    """URLs to time, per kind."""
    import sqlalchemy as sa

    rng = random.Random(seed)
    engine = _engine(db)
    conn = engine.connect()

    def one(sql: str, *a: object) -> list[Any]:
        params = {f"p{i}": v for i, v in enumerate(a)}
        for i in range(len(a)):
            sql = sql.replace("?", f":p{i}", 1)
        return [r[0] for r in conn.execute(sa.text(sql), params)]

    articles = one("SELECT id FROM articles")
    common = one("SELECT entity_id FROM article_entities GROUP BY entity_id HAVING count(*) >= 2")
    top = one(
        "SELECT entity_id FROM article_entities GROUP BY entity_id ORDER BY count(*) DESC, entity_id LIMIT ?",
        n,
    )
    speakers_top = one(
        "SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id "
        "ORDER BY count(*) DESC, speaker_id LIMIT ?",
        n,
    )
    speakers = one("SELECT DISTINCT speaker_id FROM quotes WHERE speaker_id IS NOT NULL ORDER BY speaker_id")
    articles.sort()
    common.sort()
    conn.close()
    engine.dispose()
    pick = lambda xs, k: rng.sample(xs, min(k, len(xs))) if xs else []  # noqa: E731
    queries = []
    for line in (HERE / "search_queries.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        q, _, rest = line.partition(" | ")
        params = {"q": q.strip()}
        for part in rest.split():
            key, _, value = part.partition("=")
            params[{"from": "date_from", "to": "date_to"}.get(key, key)] = value
        queries.append("/api/v1/articles?" + urlencode(params))
    half = max(1, n // 2)
    ents = pick(common, half) + top[: n - half]
    return {
        "article": [f"/api/v1/articles/{i}" for i in pick(articles, n)],
        "article_list": [f"/api/v1/articles?offset={rng.randrange(0, 2000)}&limit=20" for _ in range(n)],
        "entity_profile": [f"/api/v1/entities/{i}" for i in ents],
        "entity_profile_top": [f"/api/v1/entities/{i}" for i in top[:n]],
        "entity_timeline": [f"/api/v1/entities/{i}/timeline" for i in ents],
        "entity_network": [f"/api/v1/entities/{i}/network" for i in ents],
        "entity_search": [
            f"/api/v1/entities?q={q}"
            for q in pick(
                [
                    "pra",
                    "jokowi",
                    "sri",
                    "bank",
                    "jakarta",
                    "kpk",
                    "dpr",
                    "menteri",
                    "anies",
                    "polisi",
                    "a",
                    "su",
                ],
                n,
            )
        ],
        "search": pick(queries, n),
        "quotes_by_speaker": [
            f"/api/v1/quotes?speaker_id={i}" for i in (speakers_top[:half] + pick(speakers, n - half))
        ],
        "quotes_about": [f"/api/v1/quotes?about_id={i}" for i in top[:n]],
        "home_stats": ["/api/v1/stats"] * n,
        "home_top_speakers": ["/api/v1/quotes/top-speakers?days=7"] * n,
        "home_rising": ["/api/v1/entities/rising?days=7"] * n,
        "home_latest": ["/api/v1/articles?limit=15"] * n,
        "home_quotes_by_outlet": ["/api/v1/quotes/by-outlet"] * n,
        "home_network": ["/api/v1/entities/network"] * n,
        "page_home": ["/"] * n,
        "page_article": [f"/article/{i}" for i in pick(articles, n)],
        "page_entity": [f"/entity/{i}" for i in ents],
        "page_search": [u.replace("/api/v1/articles", "/search") for u in pick(queries, n)],
        "page_quotes": ["/quotes"] * n,
    }


def _getter(db: str, server: str | None) -> tuple[Callable[[str], int], Callable[[], None]]:
    if server:
        import httpx

        http = httpx.Client(base_url=server, timeout=60)
        return (lambda url: http.get(url).status_code), http.close
    from starlette.exceptions import StarletteDeprecationWarning

    from warta.config import load_settings
    from warta.web.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StarletteDeprecationWarning)
        from fastapi.testclient import TestClient
    client = TestClient(create_app(load_settings(db=db)), raise_server_exceptions=False)
    client.__enter__()
    return (lambda url: client.get(url).status_code), lambda: client.__exit__(None, None, None)


def _stats(ms: list[float], errors: int) -> dict[str, Any]:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, max(0, round(0.95 * len(ms)) - 1))] if ms else None
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 1) if ms else None,
        "p95_ms": round(p95, 1) if p95 is not None else None,
        "max_ms": round(ms[-1], 1) if ms else None,
        "errors": errors,
    }


def _run(db: str, args: argparse.Namespace) -> dict[str, Any]:
    """Every kind of request against one store: its size and p50/p95/max per kind."""
    urls = _sample(db, args.n, args.seed)
    if args.no_pages:
        urls = {k: v for k, v in urls.items() if not k.startswith("page_")}
    if args.only:
        wanted = set(args.only.split(","))
        urls = {k: v for k, v in urls.items() if k in wanted}
    started = time.perf_counter()
    get, close = _getter(db, args.server)
    print(f"{db}: app ready in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    results: dict[str, Any] = {}
    try:
        for kind, todo in urls.items():
            if not todo:
                continue
            first = get(todo[0])  # warm-up, untimed
            if first == 404 and kind.startswith("page_"):
                continue  # no such page in this version
            times: list[float] = []
            errors = 0
            for url in todo:
                t0 = time.perf_counter()
                status = get(url)
                times.append(1000 * (time.perf_counter() - t0))
                errors += status != 200
            results[kind] = _stats(times, errors)
            r = results[kind]
            print(
                f"{kind:24} n={r['n']:3}  p50 {r['p50_ms']:8.1f} ms  p95 {r['p95_ms']:8.1f} ms  "
                f"max {r['max_ms']:8.1f} ms  errors {r['errors']}",
                file=sys.stderr,
            )
    finally:
        close()
    import sqlalchemy as sa

    engine = _engine(db)
    with engine.connect() as conn:
        size = {
            name: int(conn.execute(sa.text(f"SELECT count(*) FROM {name}")).scalar_one())
            for name in ("articles", "entities", "quotes")
        }
    engine.dispose()
    shown = engine.url.render_as_string(hide_password=True) if "://" in db else db
    return {"db": shown, "backend": engine.dialect.name, "store": size, "results": results}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--db", action="append", required=True, help="A store: a file or a URL (twice: both timed)."
    )
    ap.add_argument("-n", type=int, default=40, help="Timed requests per kind.")
    ap.add_argument("--out", type=Path, default=None, help="Write the results here (JSON).")
    ap.add_argument("--server", default=None, help="Time a running server at this base URL instead.")
    ap.add_argument("--no-pages", action="store_true", help="Only the API.")
    ap.add_argument("--only", default=None, help="Comma-separated kinds to run.")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    for db in args.db:
        if "://" not in db and not Path(db).is_file():
            print(f"error: {db}: no such corpus database", file=sys.stderr)
            return 2
    runs = [_run(db, args) for db in args.db]
    report = {
        "command": "python benchmarks/bench_web.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "when": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "mode": "http" if args.server else "in-process TestClient",
        "machine": {
            "cpus": os.cpu_count(),
            "load_avg": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
        },
        "stores": runs,
    }
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    else:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
