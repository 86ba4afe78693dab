"""``warta bench --data FILE.jsonl[.gz]``: words per second per core for each stage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from warta.bench import bench
from warta.engines import EngineKind
from warta.errors import WartaError

__all__ = ["bench_cmd"]


def bench_cmd(
    data: Annotated[Path, typer.Option("--data", help="JSONL or JSONL.gz with a 'text' field per record.")],
    limit: Annotated[int | None, typer.Option("--limit", help="Use the first N records.")] = None,
    repeat: Annotated[
        int,
        typer.Option(
            "--repeat",
            help="Runs per stage and per engine (engines take turns, round by round); the best is kept.",
        ),
    ] = 1,
    step: Annotated[
        list[str] | None, typer.Option("--step", help="Registry keys of the steps (default pipeline).")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Also write the JSON result here.")
    ] = None,
    engine: Annotated[
        list[str] | None,
        typer.Option(
            "--engine",
            help="Also time the whole pipeline on KIND:WORKERS (local:1, local:2, dask:2); repeatable.",
        ),
    ] = None,
) -> None:
    """Measure throughput per stage (CPU time, so per core) and peak memory."""
    try:
        engines = [_engine_spec(e) for e in engine or []]
    except ValueError as exc:
        Console(stderr=True).print(f"[red]error[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    try:
        result = bench(data, steps=step or None, limit=limit, repeat=repeat, engines=engines)
    except WartaError as exc:
        Console(stderr=True).print(f"[red]error[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
    if json_:
        typer.echo(text)
        return
    t = Table(title=f"warta bench — {result['articles']} articles, {result['words']:,} words")
    t.add_column("stage")
    t.add_column("seconds", justify="right")
    t.add_column("words/s/core", justify="right")
    for name, s in result["stages"].items():
        t.add_row(name, f"{s['seconds']:.3f}", f"{s['words_per_second']:,}")
    p = result["pipeline"]
    t.add_row("[bold]pipeline", f"{p['cpu_seconds']:.3f}", f"[bold]{p['words_per_second_per_core']:,}")
    Console().print(t)
    Console().print(
        f"peak memory {result['peak_rss_mb']} MB; {result['cpu']} ({result['cpus']} CPUs), Python {result['python']}"
    )
    if result["engines"]:
        e = Table(title="whole pipeline per engine (wall time; cpu = this process and its workers)")
        for col in (
            "engine",
            "workers",
            "articles/s",
            "words/s",
            "speedup",
            "words/s/core",
            "worker peak MB",
        ):
            e.add_column(col, justify="left" if col == "engine" else "right")
        for r in result["engines"]:
            e.add_row(
                r["engine"],
                str(r["workers"]),
                f"{r['articles_per_second']:,}",
                f"{r['words_per_second']:,}",
                f"{r['speedup']}x",
                f"{r['words_per_second_per_core']:,}",
                str(r["worker_peak_rss_mb"] or "-"),
            )
        Console().print(e)


def _engine_spec(spec: str) -> tuple[EngineKind, int]:
    kind, _, n = spec.partition(":")
    if kind not in ("local", "dask") or not n.isdigit() or int(n) < 1:
        raise ValueError(f"--engine takes KIND:WORKERS with KIND local or dask, got {spec!r}")
    return ("dask" if kind == "dask" else "local"), int(n)
