"""How fast a review action answers: 50 corrections through the API, on a copy of a store.

Usage:
    python benchmarks/bench_review.py --db all.db [--n 50] [--out benchmarks/review_results.json]

The store is copied first (SQLite: a file backup into a temporary folder), so that the
timed corrections never touch it. The quotes reviewed are those the review page lists
first (below the review threshold, not reviewed); the actions cycle through confirm,
reject, another speaker (the corpus's most quoted person) and anonymous, with an undo
after every fifth. Each request's time is the whole ASGI stack (in-process TestClient).

Entity corrections are timed apart (``--entities``, default 20 of each kind): another type for
an entity of the middle of the corpus, a merge of such an entity into one of the most quoted
people, a split of one article's mentions of a most-mentioned entity into a new entity, each
undone right after (the undo is timed too).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from warta.config import load_settings
from warta.storage import Store, queries
from warta.web.app import create_app

TOKEN = "bench-token"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="A SQLite store (copied before it is timed).")
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--entities", type=int, default=20, help="Entity corrections of each kind.")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "review.db")
        with sqlite3.connect(f"file:{args.db}?mode=ro", uri=True) as src, sqlite3.connect(db) as dst:
            src.backup(dst)
        settings = load_settings(db=db, api_token=TOKEN, cors_origins=[])
        with Store.open(db, create=False) as store:
            todo = queries.quote_page(store, needs_review=True, verified=False, limit=args.n).items
            speaker = queries.top_speakers(store, limit=1)[0].entity_id
            from starlette.exceptions import StarletteDeprecationWarning

            with warnings.catch_warnings():
                warnings.simplefilter("ignore", StarletteDeprecationWarning)
                from fastapi.testclient import TestClient
            headers = {"Authorization": f"Bearer {TOKEN}", "X-Reviewer": "bench"}
            bodies = [
                {"action": "confirm"},
                {"action": "reject"},
                {"action": "speaker", "speaker_id": speaker},
                {"action": "speaker", "anonymous": True},
            ]
            times: list[float] = []
            with TestClient(create_app(settings, store=store)) as client:
                for i, q in enumerate(todo):
                    t0 = time.perf_counter()
                    r = client.post(
                        f"/api/v1/articles/{q.article_id}/quotes/{q.idx}/corrections",
                        json=bodies[i % len(bodies)],
                        headers=headers,
                    )
                    times.append(1000 * (time.perf_counter() - t0))
                    assert r.status_code == 201, r.text
                    if i % 5 == 4:
                        t0 = time.perf_counter()
                        u = client.post(f"/api/v1/corrections/{r.json()['id']}/undo", headers=headers)
                        times.append(1000 * (time.perf_counter() - t0))
                        assert u.status_code == 200, u.text
                entity_times = _entity_actions(client, store, headers, args.entities)
            articles = queries.article_count(store)
    report = {
        "command": "python benchmarks/bench_review.py "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "articles": articles,
        "actions": len(times),
        **_percentiles(times),
        "entities": {kind: {"actions": len(ts), **_percentiles(ts)} for kind, ts in entity_times.items()},
        "load_avg": [round(x, 2) for x in os.getloadavg()],
    }
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


def _percentiles(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    if not times:
        return {}
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(times[-1], 1),
    }


def _entity_actions(client: Any, store: Store, headers: dict[str, str], n: int) -> dict[str, list[float]]:
    """Time ``n`` corrections of each kind (and their undos) on entities of the corpus."""
    page = queries.search_entities(store, limit=max(200, 4 * n))
    ranked = list(page.items)
    big = ranked[:n]
    middle = ranked[len(ranked) // 2 : len(ranked) // 2 + n]
    target = queries.top_speakers(store, limit=1)[0].entity_id
    out: dict[str, list[float]] = {"type": [], "merge": [], "split": [], "undo": []}

    def post(url: str, body: dict[str, Any] | None, kind: str) -> dict[str, Any]:
        t0 = time.perf_counter()
        r = client.post(url, json=body, headers=headers)
        out[kind].append(1000 * (time.perf_counter() - t0))
        assert r.status_code in (200, 201), r.text
        return dict(r.json())

    def correct(entity_id: int, body: dict[str, Any]) -> None:
        made = post(f"/api/v1/entities/{entity_id}/corrections", body, body["action"])
        post(f"/api/v1/entity-corrections/{made['id']}/undo", None, "undo")

    for e in middle:
        correct(e.id, {"action": "type", "label": "MISC" if e.label != "MISC" else "ORG"})
        if e.id != target:
            correct(e.id, {"action": "merge", "target_id": target})
    for e in big:
        ids = [a.id for a in queries.list_articles(store, entity_id=e.id, limit=1).items]
        if ids:
            correct(e.id, {"action": "split", "articles": ids, "new_name": f"{e.name} (lain)"})
    return out


if __name__ == "__main__":
    raise SystemExit(main())
