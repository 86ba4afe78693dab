"""``warta analyze PATH...``: analyse articles; a readable report, or JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from warta.api_analyze import build_pipeline
from warta.article import Article, to_json
from warta.budget import Budget
from warta.config import load_settings
from warta.engines import EngineKind, LocalEngine, make_engine
from warta.errors import WartaError
from warta.io import Reject, RejectSink
from warta.io.parquet import ParquetWriter
from warta.render.terminal import render_article, render_step_stats, render_summary_table
from warta.runner import analyze_inputs

from ._signals import graceful_stop

__all__ = ["analyze_cmd"]


def analyze_cmd(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders (.txt .html .jsonl .csv), or - for stdin.")
    ],
    json_: Annotated[
        bool, typer.Option("--json", help="Print the Article record as JSON (an array for several).")
    ] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One Article JSON per line.")] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write JSON/JSONL here instead of stdout.")
    ] = None,
    rejects: Annotated[
        Path | None, typer.Option("--rejects", help="Write inputs that could not be read here (JSONL).")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="A TOML file overlaying the defaults.")
    ] = None,
    text_field: Annotated[
        list[str] | None, typer.Option("--text-field", help="JSONL/CSV field holding the text.")
    ] = None,
    title_field: Annotated[
        list[str] | None, typer.Option("--title-field", help="JSONL/CSV field holding the title.")
    ] = None,
    id_field: Annotated[
        list[str] | None, typer.Option("--id-field", help="JSONL/CSV field holding the id.")
    ] = None,
    engine_kind: Annotated[
        EngineKind, typer.Option("--engine", help="local (this machine) or dask.")
    ] = "local",
    workers: Annotated[
        int, typer.Option("--workers", help="Worker processes (local pool, or the Dask LocalCluster).")
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler tcp://HOST:PORT (default: a LocalCluster)."),
    ] = None,
    parquet: Annotated[
        Path | None,
        typer.Option("--parquet", help="Also write the articles as Parquet partitions in this folder."),
    ] = None,
    stats: Annotated[
        bool,
        typer.Option(
            "--stats", help="After the run, print per step: articles seen, failed, skipped, CPU time."
        ),
    ] = False,
) -> None:
    """Analyse Indonesian news articles: who said what, about whom, when; a report, or JSON."""
    err = Console(stderr=True)
    try:
        settings = load_settings(
            config,
            text_fields=text_field or None,
            title_fields=title_field or None,
            id_fields=id_field or None,
        )
    except WartaError as exc:
        err.print(f"[red]error[/] {exc}", markup=True, highlight=False)
        raise typer.Exit(2) from exc
    machine = json_ or jsonl
    out = output.open("wb") if output and machine else sys.stdout.buffer
    report_file = output.open("w", encoding="utf-8") if output and not machine else None
    report = Console(file=report_file) if report_file else Console()
    sink = RejectSink(rejects) if rejects else None
    try:
        engine = (
            make_engine(
                engine_kind, workers=workers, scheduler=scheduler, budget=Budget.from_settings(settings)
            )
            if (engine_kind != "local" or workers > 1)
            else None
        )
    except ValueError as exc:
        err.print(f"[red]error[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    table = ParquetWriter(parquet) if parquet else None
    n_ok = n_bad = 0
    summary: list[tuple[str, int, int, int, int]] = []
    articles: list[Article] = []
    only: Article | None = None
    many = (
        len(paths) > 1
        or any(Path(p).is_dir() for p in paths if p != "-")
        or any(str(p).endswith((".jsonl", ".jsonl.gz", ".csv", ".json")) for p in paths)
    )
    progress = Progress(
        TextColumn("[cyan]analyse"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not many or not err.is_terminal,
    )
    interrupted = False
    pipe = None

    def stopping(name: str) -> None:
        err.print(f"[yellow]{name}[/]: stopping after the current article (Ctrl-C again to quit now)")

    try:
        with progress, graceful_stop(stopping) as stop:
            task = progress.add_task("analyse", total=None, rate="")
            pipe = build_pipeline(settings=settings) if stats and engine is None else None
            for item in analyze_inputs(
                paths, settings=settings, pipeline=pipe, stdin=sys.stdin, engine=engine
            ):
                if stop.is_set():
                    interrupted = True
                    break
                if isinstance(item, Reject):
                    n_bad += 1
                    if sink:
                        sink.add(item)
                    err.print(
                        f"[yellow]rejected[/] {item.source}: [{item.code}] {item.reason}", highlight=False
                    )
                    continue
                n_ok += 1
                progress.update(
                    task,
                    advance=1,
                    rate=f"{progress.tasks[0].completed / max(progress.tasks[0].elapsed or 1e-9, 1e-9):.0f}/s",
                )
                if table:
                    table.add(item)
                    if not machine:
                        continue
                if jsonl:
                    out.write(to_json(item) + b"\n")
                elif json_:
                    articles.append(item)
                elif many:
                    summary.append(
                        (
                            item.id,
                            item.word_count,
                            len(item.sentences),
                            len(item.cleaning.removed),
                            len(item.cleaning.repaired),
                        )
                    )
                    only = item if n_ok == 1 else None  # shown in full when it stays the only one
                else:
                    render_article(item, report)
        if json_:
            if len(articles) == 1 and not many:
                out.write(to_json(articles[0]) + b"\n")
            else:
                out.write(b"[" + b",\n".join(to_json(a) for a in articles) + b"]\n")
        if only is not None and len(summary) == 1:
            # One record in a JSONL/CSV file, or one file in a folder: its report, not a table of one.
            render_article(only, report)
        elif summary:
            render_summary_table(summary, report)
    except WartaError as exc:
        err.print(f"[red]error[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    finally:
        if engine:
            if interrupted and isinstance(engine, LocalEngine):
                engine.terminate()
            engine.close()
        if table:
            table.close()
        if sink:
            sink.close()
        if output and machine:
            out.close()
        if report_file:
            report_file.close()
    if table:
        err.print(
            f"{table.count} articles written to {len(table.paths)} Parquet partitions in {parquet}",
            highlight=False,
        )
    if machine or many or interrupted:
        err.print(
            f"{n_ok} analysed, {n_bad} rejected" + (f" (see {rejects})" if rejects and n_bad else ""),
            highlight=False,
        )
    if stats:
        if pipe is not None:
            render_step_stats(pipe.stats.as_dict(), n_ok, err)
        else:
            err.print("--stats: the steps ran in worker processes; run with --workers 1 to see them")
    if interrupted:
        where = f" in {output}" if output else ""
        err.print(
            f"[yellow]interrupted[/]: the {n_ok} articles above are written{where}; the inputs after them "
            "were not analysed (run again on those, or use `warta ingest`, which resumes)"
        )
        raise typer.Exit(130)
    if n_ok == 0 and n_bad:
        raise typer.Exit(1)
