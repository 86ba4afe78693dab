"""``warta watch``: collect the news of the sources in a TOML file into a store."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from warta.errors import WartaError

from ._signals import graceful_stop

__all__ = ["watch_cmd"]


def watch_cmd(
    sources: Annotated[Path, typer.Option("--sources", help="The sources file (TOML: [[source]] tables).")],
    db: Annotated[
        str, typer.Option("--db", help="The corpus database: a SQLite file or a postgresql:// URL.")
    ] = "warta.db",
    once: Annotated[
        bool,
        typer.Option("--once", help="Poll every source once and exit (for cron); else run until stopped."),
    ] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Analysis processes.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = 50,
    rounds: Annotated[
        int | None, typer.Option("--rounds", min=1, help="Stop after this many rounds (without --once).")
    ] = None,
    log_json: Annotated[bool, typer.Option("--log-json", help="Log one JSON object per line.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every request too.")] = False,
    config: Annotated[
        Path | None, typer.Option("--config", help="A TOML file overlaying the defaults.")
    ] = None,
) -> None:
    """Collect the news: poll feeds, sitemaps and front pages, fetch new and changed articles
    politely (robots.txt, rate limits, conditional GET), analyse and store them. Stopped
    (Ctrl-C, SIGTERM) or killed, it resumes where it was on the next run."""
    from warta.config import load_settings
    from warta.watch import RoundReport, after_round_hooks, load_sources, watch
    from warta.watch.logs import JsonFormatter, KeyValueFormatter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if log_json else KeyValueFormatter())
    root = logging.getLogger("warta")
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    err = Console(stderr=True)

    def show(r: RoundReport) -> None:
        err.print(
            f"round {r.round}: {len(r.sources)} sources, {r.new_links:,} new links, {r.fetched:,} pages fetched "
            f"({r.not_modified:,} not modified, {r.failed:,} failed, {r.forbidden:,} forbidden); "
            f"{r.inserted:,} new articles, {r.updated:,} updated, {r.rejected:,} rejected in {r.seconds:,.1f} s",
            highlight=False,
        )

    try:
        settings = load_settings(config)
        specs = load_sources(sources)
        with graceful_stop(
            lambda name: err.print(f"[yellow]{name}[/]: stopping, keeping what is done")
        ) as stop:
            report = watch(
                specs,
                db=db,
                settings=settings,
                once=once,
                workers=workers,
                batch_size=batch_size,
                stop=stop,
                after_round=after_round_hooks(settings),
                max_rounds=rounds,
                on_round=show,
            )
    except WartaError as exc:
        err.print(f"[red]error[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    finally:
        root.removeHandler(handler)
    if report.interrupted:
        err.print("[yellow]interrupted[/]: run it again to go on")
        raise typer.Exit(130)
