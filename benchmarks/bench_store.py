"""Search latency over a corpus store: p50/p95/max over benchmarks/search_queries.txt.

Usage:
    python benchmarks/bench_store.py warta.db [--queries benchmarks/search_queries.txt] [--limit 10] [--repeat 1]

Each query runs once to warm the stemmer and SQLite's cache, then ``--repeat`` times timed;
the time includes ranking, filters and snippets (what ``warta search`` does).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date
from pathlib import Path

from warta.storage import Store
from warta.storage.queries.text_search import search


def _parse(line: str) -> tuple[str, dict[str, object]]:
    query, _, rest = line.partition(" | ")
    filters: dict[str, object] = {}
    for part in rest.split():
        key, _, value = part.partition("=")
        if key in ("from", "to"):
            filters["date_" + key] = date.fromisoformat(value)
        else:
            filters[key] = value
    return query.strip(), filters


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--queries", default=str(Path(__file__).with_name("search_queries.txt")))
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    lines = [
        x
        for x in Path(args.queries).read_text(encoding="utf-8").splitlines()
        if x.strip() and not x.startswith("#")
    ]
    times: list[float] = []
    slowest: list[tuple[float, str, int]] = []
    with Store.open(args.db, create=False) as store:
        articles = store.counts()["articles"]
        for line in lines:
            query, filters = _parse(line)
            search(store, query, limit=args.limit, **filters)  # type: ignore[arg-type]
            for _ in range(args.repeat):
                start = time.perf_counter()
                hits = search(store, query, limit=args.limit, **filters)  # type: ignore[arg-type]
                elapsed = (time.perf_counter() - start) * 1000
                times.append(elapsed)
                slowest.append((elapsed, line, len(hits)))
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    slowest.sort(reverse=True)
    print(
        json.dumps(
            {
                "db": args.db,
                "articles": articles,
                "queries": len(lines),
                "runs": len(times),
                "p50_ms": round(statistics.median(times), 2),
                "p95_ms": round(p95, 2),
                "max_ms": round(times[-1], 2),
                "slowest": [(round(t, 1), q, n) for t, q, n in slowest[:5]],
            },
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
