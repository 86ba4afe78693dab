"""How far PostgreSQL's ranking agrees with SQLite's: top-10 overlap over a fixed query list.

Usage:
    python benchmarks/search_overlap.py --db warta.db --db postgresql://.../warta [--queries 30] [--limit 10]

The same articles in both stores (``warta db copy``): for each of the first ``--queries``
queries of benchmarks/search_queries.txt (filters included), the share of the first
store's top ``--limit`` that the second store also ranks in its top ``--limit``, matched by
the article's key (its URL, or its content hash), since row ids may differ between stores.
Prints each query's overlap and the mean; ``--out`` writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from warta.storage import Store
from warta.storage import tables as t
from warta.storage.queries import search

HERE = Path(__file__).resolve().parent


def _queries(path: Path, n: int) -> list[tuple[str, dict[str, object]]]:
    out: list[tuple[str, dict[str, object]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        query, _, rest = line.partition(" | ")
        filters: dict[str, object] = {}
        for part in rest.split():
            key, _, value = part.partition("=")
            filters["date_" + key if key in ("from", "to") else key] = (
                date.fromisoformat(value) if key in ("from", "to") else value
            )
        out.append((query.strip(), filters))
    return out[:n]


def _top(store: Store, query: str, filters: dict[str, object], limit: int) -> list[str]:
    hits = search(store, query, limit=limit, **filters)  # type: ignore[arg-type]
    ids = [h.article_id for h in hits]
    with store.connect() as conn:
        keys = dict(
            conn.execute(sa.select(t.articles.c.id, t.articles.c.key).where(t.articles.c.id.in_(ids))).all()
        )
    return [str(keys[i]) for i in ids]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", action="append", required=True, help="Two stores: the reference, then the other.")
    ap.add_argument("--queries", type=int, default=30)
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--file", type=Path, default=HERE / "search_queries.txt")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    if len(args.db) != 2:
        print("error: give --db twice (the reference store, then the other)", file=sys.stderr)
        return 2
    rows = []
    with Store.open(args.db[0], create=False) as a, Store.open(args.db[1], create=False) as b:
        for query, filters in _queries(args.file, args.queries):
            first, second = _top(a, query, filters, args.limit), _top(b, query, filters, args.limit)
            share = len(set(first) & set(second)) / len(first) if first else (1.0 if not second else 0.0)
            rows.append(
                {
                    "query": query,
                    "filters": {k: str(v) for k, v in filters.items()},
                    "hits": [len(first), len(second)],
                    "overlap": round(share, 3),
                }
            )
            print(f"{share:6.0%}  {len(first):2}/{len(second):2}  {query}", file=sys.stderr)
    mean = statistics.mean(r["overlap"] for r in rows) if rows else 0.0
    print(f"mean top-{args.limit} overlap over {len(rows)} queries: {mean:.1%}")
    if args.out:
        args.out.write_text(
            json.dumps(
                {
                    "command": "python benchmarks/search_overlap.py " + " ".join(argv or sys.argv[1:]),
                    "mean": round(mean, 4),
                    "queries": rows,
                },
                ensure_ascii=False,
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
