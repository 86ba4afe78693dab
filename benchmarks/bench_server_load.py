"""Does the server keep answering while it analyses a huge text? A bounded load test.

Usage:
    python benchmarks/bench_server_load.py [--db warta.db] [--chars 990000] [--seconds 20]
        [--flood 8] [--json out.json]

Starts ``warta serve`` (uvicorn, a real socket) over a store (``--db``; by default a small
one is built in a temporary folder from generated articles), warms the analysis worker up,
then posts one text of ``--chars`` characters (ordinary news, repeated) to
``POST /api/v1/analyze`` and, while it runs, asks ``GET /api/v1/health``,
``GET /api/v1/health/live`` and article pages in turn, one request at a time, timing each.
It reports p50/p95/max per kind of request during the analysis, and the analysis's own
status and time. ``--flood N`` then posts N large texts at once and counts how many were
refused with 503 (admission control) and how many analysed.

The done-when of issue 15: health and article pages answer within 200 ms p95 while a 1 MB
analysis runs. Exit status 1 when that does not hold.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

_P95_LIMIT_MS = 200.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _news(chars: int) -> str:
    text = (
        Path(__file__)
        .resolve()
        .parents[1]
        .joinpath("src/warta/examples/artikel-contoh.txt")
        .read_text("utf-8")
    )
    unit = text.strip() + "\n\n"
    return (unit * (chars // len(unit) + 1))[:chars]


def _build_store(folder: Path) -> Path:
    """A small store: 40 articles made from the bundled example with other numbers and names."""
    rng = random.Random(3)
    base = (
        Path(__file__)
        .resolve()
        .parents[1]
        .joinpath("src/warta/examples/artikel-contoh.txt")
        .read_text("utf-8")
    )
    data = folder / "korpus"
    data.mkdir()
    for i in range(40):
        text = (
            base.replace("2025", str(2000 + i % 25))
            + f"\n\nCatatan redaksi nomor {i} {rng.randint(0, 10**6)}."
        )
        (data / f"berita-{i:02d}.txt").write_text(text, encoding="utf-8")
    db = folder / "korpus.db"
    subprocess.run(
        [sys.executable, "-m", "warta.cli", "ingest", str(data), "--db", str(db)],
        check=True,
        capture_output=True,
    )
    return db


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(q * len(ordered)) - 1)]


def _summary(ms: list[float]) -> dict[str, Any]:
    if not ms:
        return {"n": 0}
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(_pct(ms, 0.95), 1),
        "max_ms": round(max(ms), 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--db", type=Path, help="a corpus store (default: a small one built for the run)")
    ap.add_argument("--chars", type=int, default=990_000, help="characters of the large text")
    ap.add_argument("--seconds", type=float, default=60.0, help="the longest the large analysis may take")
    ap.add_argument(
        "--flood", type=int, default=8, help="large texts posted at once after the timing (0: none)"
    )
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args(argv)

    tmp = tempfile.TemporaryDirectory()
    db = args.db or _build_store(Path(tmp.name))
    port = _free_port()
    env = dict(os.environ, WARTA_ARTICLE_SECONDS=str(args.seconds))
    server = subprocess.Popen(
        [sys.executable, "-m", "warta.cli", "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    results: dict[str, Any] = {"chars": args.chars, "db": str(db)}
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            for _ in range(300):
                try:
                    if client.get("/api/v1/health/live").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            ids = [a["id"] for a in client.get("/api/v1/articles", params={"limit": 20}).json()["items"]]
            if not ids:
                raise SystemExit("the store has no articles to page through")
            warm = client.post("/api/v1/analyze", json={"text": "Harga cabai naik, kata Budi."})
            if warm.status_code != 200:
                raise SystemExit(f"warm-up analysis failed: HTTP {warm.status_code} {warm.text[:200]}")

            big = _news(args.chars)
            outcome: dict[str, Any] = {}

            def heavy() -> None:
                t0 = time.perf_counter()
                with httpx.Client(base_url=base, timeout=600) as c:
                    r = c.post("/api/v1/analyze", json={"text": big})
                outcome.update(
                    status=r.status_code,
                    seconds=round(time.perf_counter() - t0, 2),
                    response_bytes=len(r.content),
                )

            worker = threading.Thread(target=heavy)
            worker.start()
            time.sleep(0.3)  # let the request reach the worker
            timings: dict[str, list[float]] = {"health": [], "live": [], "article": []}
            i = 0
            while worker.is_alive():
                kind = ("health", "live", "article")[i % 3]
                path = {
                    "health": "/api/v1/health",
                    "live": "/api/v1/health/live",
                    "article": f"/article/{ids[i % len(ids)]}",
                }[kind]
                t0 = time.perf_counter()
                r = client.get(path)
                timings[kind].append((time.perf_counter() - t0) * 1000)
                if r.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {r.status_code} during the analysis")
                i += 1
                time.sleep(0.02)
            worker.join()
            results["analysis"] = outcome
            results["during"] = {k: _summary(v) for k, v in timings.items()}

            if args.flood:
                statuses: list[int] = []
                lock = threading.Lock()

                def post() -> None:
                    with httpx.Client(base_url=base, timeout=600) as c:
                        code = c.post("/api/v1/analyze", json={"text": big[: args.chars // 4]}).status_code
                    with lock:
                        statuses.append(code)

                threads = [threading.Thread(target=post) for _ in range(args.flood)]
                for th in threads:
                    th.start()
                for th in threads:
                    th.join()
                results["flood"] = {str(code): statuses.count(code) for code in sorted(set(statuses))}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        tmp.cleanup()

    ok = outcome.get("status") == 200 and all(
        s.get("p95_ms", 0) <= _P95_LIMIT_MS for s in results["during"].values() if s.get("n")
    )
    results["pass"] = ok
    print(json.dumps(results, indent=1))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
