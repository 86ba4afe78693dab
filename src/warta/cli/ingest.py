"""``warta ingest PATH...``: analyse articles and store them in a corpus database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from warta.config import load_settings
from warta.errors import WartaError
from warta.ingest import IngestProgress, count_records, ingest

from ._signals import graceful_stop

__all__ = ["ingest_cmd"]


def ingest_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders: .txt .html .jsonl .csv .json, feeds (.rss .atom .xml), .warc, gzipped too."
        ),
    ],
    db: Annotated[
        str,
        typer.Option(
            "--db", help="The corpus database: a SQLite file (created when missing), or a postgresql:// URL."
        ),
    ] = "warta.db",
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Pipeline processes (one model copy each).")
    ] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = 200,
    config: Annotated[
        Path | None, typer.Option("--config", help="A TOML file overlaying the defaults.")
    ] = None,
    retry_over_budget: Annotated[
        bool,
        typer.Option(
            "--retry-over-budget",
            help="Analyse again the records that ran over the per-article budget before.",
        ),
    ] = False,
) -> None:
    """Analyse articles and store them; re-running skips what is stored, an interrupted run resumes."""
    err = Console(stderr=True)
    try:
        settings = load_settings(config)
        total = count_records(paths, settings=settings)
        progress = Progress(
            TextColumn("[cyan]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} art/s"),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=err,
            disable=not err.is_terminal,
        )
        with progress:
            task = progress.add_task("ingest", total=total, rate="-", counts="")

            def show(p: IngestProgress) -> None:
                progress.update(
                    task,
                    completed=p.done,
                    rate=f"{p.rate:.1f}",
                    counts=f"new {p.inserted} upd {p.updated} same {p.unchanged} rej {p.rejected}",
                )

            def stopping(name: str) -> None:
                err.print(f"[yellow]{name}[/]: stopping, committing what is done (Ctrl-C again to quit now)")

            with graceful_stop(stopping) as stop:
                report = ingest(
                    paths,
                    db=db,
                    settings=settings,
                    workers=workers,
                    batch_size=batch_size,
                    total=total,
                    on_progress=show,
                    stop=stop,
                    retry_over_budget=retry_over_budget,
                )
    except WartaError as exc:
        err.print(f"[red]error[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/]: committed batches are kept; run the same command to resume")
        raise typer.Exit(130) from None
    err.print(
        f"{report.inserted} new, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.rejected} rejected in {report.seconds:.1f}s ({report.rate:.1f} articles/s, "
        f"{report.words / max(report.seconds, 1e-9):,.0f} words/s, {workers} worker(s)); "
        f"{report.db}: {report.size_bytes / 1e6:,.1f} MB",
        highlight=False,
    )
    if report.skipped_over_budget:
        err.print(
            f"[yellow]skipped[/] {report.skipped_over_budget} record(s) that ran over the per-article "
            "budget in an earlier run (see the rejects; --retry-over-budget to analyse them again)"
        )
    if report.interrupted:
        err.print(
            "[yellow]interrupted[/]: what is counted above is committed; run the same command to resume"
        )
        raise typer.Exit(130)
