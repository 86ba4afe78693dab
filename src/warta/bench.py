"""Throughput per stage: the library side of ``warta bench``.

Words are counted on the raw input (whitespace-separated), so every stage is measured
against the same denominator. Time is process CPU time, so the figure is words per
second *per core* even on a busy machine; wall time is reported beside it.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import resource
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from warta.api_analyze import build_pipeline, make_article
from warta.article import Article
from warta.config import Settings, pipeline_specs
from warta.engines import DaskEngine, Engine, EngineKind, LocalEngine
from warta.errors import InputError
from warta.pipeline import StepStats
from warta.registry import StepRef

__all__ = ["bench", "bench_engines", "iter_texts"]


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
    return _to_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _to_mb(maxrss: int) -> float:
    # Linux reports KiB, macOS bytes.
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def _articles(records: Sequence[dict[str, Any]]) -> list[Article]:
    return [
        make_article(r["text"], id=str(r.get("id") or i), title=r.get("title") or None)
        for i, r in enumerate(records)
    ]


def _worker_peak_mb(engine: Engine) -> float | None:
    """The largest peak RSS among the engine's worker processes (MB), where it can be read."""
    if isinstance(engine, DaskEngine):
        peaks = engine.client.run(resource.getrusage, resource.RUSAGE_SELF)
        return max(_to_mb(r.ru_maxrss) for r in peaks.values())
    if isinstance(engine, LocalEngine) and not engine.in_process:
        engine.close()  # the pool's workers must have exited to be counted
        return _to_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return None


def _cpu_model() -> str:
    """The processor's name (``/proc/cpuinfo`` on Linux), so results from different hosts can be
    told apart: the same code runs at different speeds on different virtual machines."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                if key.strip() == "model name":
                    return value.strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _cpu_seconds() -> float:
    """CPU time of this process and all its live descendants (pool or LocalCluster workers)."""
    import psutil

    total = time.process_time()
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
        except psutil.Error:  # exited between listing and reading
            continue
        total += t.user + t.system
    return total


def _run_engine(
    kind: EngineKind, workers: int, records: Sequence[dict[str, Any]], keys: list[StepRef], words: int
) -> dict[str, Any]:
    """One timed run of the whole pipeline on one engine, after its warm-up."""
    engine: Engine = (
        DaskEngine(workers=workers) if kind == "dask" else LocalEngine(workers=workers, in_process=False)
    )
    try:
        for _ in engine.run(_articles(records[: 4 * workers]), steps=keys):
            pass
        articles = _articles(records)
        cpu0 = _cpu_seconds()
        t0 = time.perf_counter()
        n = sum(1 for _ in engine.run(articles, steps=keys))
        wall = time.perf_counter() - t0
        cpu = _cpu_seconds() - cpu0
        peak = _worker_peak_mb(engine)
    finally:
        engine.close()
    return {
        "engine": kind,
        "workers": workers,
        "articles": n,
        "wall_seconds": round(wall, 3),
        "articles_per_second": round(n / wall, 1),
        "words_per_second": round(words / wall),
        # CPU of this process and every worker (and Dask's scheduler) during the run.
        "cpu_seconds": round(cpu, 3),
        "words_per_second_per_core": round(words / cpu) if cpu > 0 else None,
        "worker_peak_rss_mb": None if peak is None else round(peak, 1),
    }


def bench_engines(
    records: Sequence[dict[str, Any]],
    *,
    steps: Sequence[StepRef] | None = None,
    engines: Sequence[tuple[EngineKind, int]] = (("local", 1), ("local", 2), ("dask", 2)),
    repeat: int = 1,
) -> list[dict[str, Any]]:
    """Whole-pipeline throughput (wall time) on each engine, after a warm-up.

    Each engine has its default batch sizes, as ``warta analyze`` builds it. Every engine
    runs in worker processes (``local:1`` is a pool of one), so each starts
    with cold caches and pays for moving articles between processes alike. The warm-up
    (a few articles per worker) starts the workers and loads their models, so the timed
    run measures steady throughput. ``speedup`` is against the first engine.

    With ``repeat`` > 1 the engines run in turn that many rounds (1, 2, 3, 1, 2, 3, ...) and
    each keeps its fastest run: a virtual machine's speed drifts by minutes, and rounds
    spread that drift over every engine instead of charging it to whichever ran last.

    Returns:
        One ``{"engine", "workers", "wall_seconds", "articles_per_second",
        "words_per_second", "speedup", "worker_peak_rss_mb", "wall_seconds_runs"}`` per engine.
    """
    keys = list(steps) if steps is not None else list(pipeline_specs(Settings()))
    words = sum(len(r["text"].split()) for r in records)
    runs: list[list[dict[str, Any]]] = [[] for _ in engines]
    for _ in range(max(1, repeat)):
        for i, (kind, workers) in enumerate(engines):
            runs[i].append(_run_engine(kind, workers, records, keys, words))
    out: list[dict[str, Any]] = []
    for tries in runs:
        best = dict(min(tries, key=lambda r: r["wall_seconds"]))
        best["wall_seconds_runs"] = [r["wall_seconds"] for r in tries]
        out.append(best)
    base = out[0]["words_per_second"] if out else 0
    for row in out:
        row["speedup"] = round(row["words_per_second"] / base, 2) if base else None
    return out


def bench(
    data: Path,
    *,
    steps: Sequence[StepRef] | None = None,
    limit: int | None = None,
    repeat: int = 1,
    engines: Sequence[tuple[EngineKind, int]] = (),
) -> dict[str, Any]:
    """Time each step over the articles in ``data``; then the whole pipeline on ``engines``.

    Returns:
        ``{"articles", "words", "stages": {name: {"seconds", "words_per_second"}},
        "pipeline": {...}, "peak_rss_mb", "engines": [...], ...}``; the best of
        ``repeat`` runs per stage and per engine (engines in rounds, see :func:`bench_engines`).
    """
    records = list(iter_texts(data, limit=limit))
    if not records:
        raise InputError("no records with a text field", source=str(data))
    pipe = build_pipeline(steps)
    words = sum(len(r["text"].split()) for r in records)
    best: dict[str, float] = {}
    best_wall = float("inf")
    best_total = float("inf")
    step_stats: dict[str, dict[str, Any]] = {}
    for _ in range(max(1, repeat)):
        articles = _articles(records)
        pipe.stats = StepStats()  # the pipeline times its steps (CPU seconds) and counts failures
        wall0 = time.perf_counter()
        cpu0 = time.process_time()
        for a in articles:
            pipe(a)
        total = time.process_time() - cpu0
        per = {name: pipe.stats.seconds.get(name, 0.0) for name in pipe.names}
        step_stats = pipe.stats.as_dict()
        best_wall = min(best_wall, time.perf_counter() - wall0)
        best_total = min(best_total, total)
        for k, v in per.items():
            best[k] = min(best.get(k, float("inf")), v)
    stages = {
        k: {"seconds": round(v, 4), "words_per_second": round(words / v) if v > 0 else None}
        for k, v in best.items()
    }
    peak_rss = _peak_rss_mb()
    return {
        "data": str(data),
        "articles": len(records),
        "words": words,
        "steps": pipe.names,
        "repeat": repeat,
        "stages": stages,
        "step_stats": step_stats,
        "pipeline": {
            "cpu_seconds": round(best_total, 4),
            "wall_seconds": round(best_wall, 4),
            "words_per_second_per_core": round(words / best_total) if best_total > 0 else None,
            "articles_per_second": round(len(records) / best_total, 1) if best_total > 0 else None,
        },
        "peak_rss_mb": round(peak_rss, 1),
        "engines": bench_engines(records, steps=steps, engines=engines, repeat=repeat) if engines else [],
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu": _cpu_model(),
        "cpus": os.cpu_count(),
    }
