"""Throughput per stage: the library side of ``warta bench``.

Words are counted on the raw input (whitespace-separated), so every stage is measured
against the same denominator. Time is process CPU time, so the figure is words per
second *per core* even on a busy machine; wall time is reported beside it.
"""

from __future__ import annotations

import gzip
import json
import platform
import resource
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from warta.api_analyze import build_pipeline, make_article
from warta.article import Article
from warta.errors import InputError

__all__ = ["bench", "iter_texts"]


def iter_texts(path: Path, *, limit: int | None = None, field: str = "text") -> Iterator[dict[str, Any]]:
    """Records with a non-empty text field from a JSONL or JSONL.gz file."""
    opener = gzip.open if path.suffix == ".gz" else open
    n = 0
    try:
        fh = opener(path, "rt", encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError("benchmark data not found", source=str(path)) from exc
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"line {lineno}: {exc.msg}", source=str(path)) from exc
            if isinstance(rec, dict) and isinstance(rec.get(field), str) and rec[field].strip():
                yield rec
                n += 1
                if limit is not None and n >= limit:
                    return


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bench(
    data: Path,
    *,
    steps: Sequence[str] | None = None,
    limit: int | None = None,
    repeat: int = 1,
) -> dict[str, Any]:
    """Time each step over the articles in ``data``.

    Returns:
        ``{"articles", "words", "stages": {name: {"seconds", "words_per_second"}},
        "pipeline": {...}, "peak_rss_mb", ...}``; the best of ``repeat`` runs per stage.
    """
    records = list(iter_texts(data, limit=limit))
    if not records:
        raise InputError("no records with a text field", source=str(data))
    pipe = build_pipeline(steps)
    words = sum(len(r["text"].split()) for r in records)
    best: dict[str, float] = {}
    best_wall = float("inf")
    best_total = float("inf")
    for _ in range(max(1, repeat)):
        articles: list[Article] = [
            make_article(r["text"], id=str(r.get("id") or i), title=r.get("title") or None)
            for i, r in enumerate(records)
        ]
        per: dict[str, float] = {s.name: 0.0 for s in pipe.steps}
        wall0 = time.perf_counter()
        cpu0 = time.process_time()
        for a in articles:
            for step in pipe.steps:
                t0 = time.process_time()
                a = step(a)
                per[step.name] += time.process_time() - t0
        total = time.process_time() - cpu0
        best_wall = min(best_wall, time.perf_counter() - wall0)
        best_total = min(best_total, total)
        for k, v in per.items():
            best[k] = min(best.get(k, float("inf")), v)
    stages = {
        k: {"seconds": round(v, 4), "words_per_second": round(words / v) if v > 0 else None}
        for k, v in best.items()
    }
    return {
        "data": str(data),
        "articles": len(records),
        "words": words,
        "steps": pipe.names,
        "repeat": repeat,
        "stages": stages,
        "pipeline": {
            "cpu_seconds": round(best_total, 4),
            "wall_seconds": round(best_wall, 4),
            "words_per_second_per_core": round(words / best_total) if best_total > 0 else None,
            "articles_per_second": round(len(records) / best_total, 1) if best_total > 0 else None,
        },
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
