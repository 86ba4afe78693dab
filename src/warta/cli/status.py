"""``warta status`` and ``warta reanalyze``: what analysed a store, and bringing it up to date."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import msgspec
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from warta.errors import WartaError

from ._signals import graceful_stop

__all__ = ["db_app", "reanalyze_cmd", "status_cmd", "store_status"]


def store_status(db: str | Path, settings: Any) -> dict[str, Any]:
    """Counts of a store, and its articles per analysis version, the current one marked."""
    from warta.config import pipeline_specs
    from warta.storage import Store
    from warta.storage.queries import watch_status
    from warta.storage.writer import pipeline_hash

    current = pipeline_hash(pipeline_specs(settings))
    with Store.open(db, create=False) as store:
        counts = store.counts()
        versions = store.versions()
        watched = msgspec.to_builtins(watch_status(store))
    for v in versions:
        v["current"] = v["version"] == current
    return {
        "db": str(db),
        "articles": counts.get("articles", 0),
        "quotes": counts.get("quotes", 0),
        "entities": counts.get("entities", 0),
        "rejects": counts.get("rejects", 0),
        "over_budget": counts.get("over_budget", 0),
        "current_version": current,
        "stale": sum(v["articles"] for v in versions if not v["current"]),
        "versions": versions,
        # warta watch: per source and per host (empty lists for a store nobody watched into).
        "watch": watched,
    }


def status_cmd(
    db: Annotated[
        str, typer.Option("--db", help="The corpus database: a SQLite file or a postgresql:// URL.")
    ] = "warta.db",
    json_: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False,
    config: Annotated[
        Path | None, typer.Option("--config", help="A TOML file overlaying the defaults.")
    ] = None,
) -> None:
    """What a store holds, and which analysis version produced its articles (stale ones are
    analysed again by `warta reanalyze` or the next `warta ingest` of their inputs)."""
    from warta.config import load_settings

    err = Console(stderr=True)
    try:
        status = store_status(db, load_settings(config))
    except WartaError as exc:
        err.print(f"[red]error[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    if json_:
        typer.echo(json.dumps(status, ensure_ascii=False, indent=2))
        return
    out = Console()
    out.print(
        f"{escape(str(db))}: {status['articles']:,} articles, {status['quotes']:,} quotes, "
        f"{status['entities']:,} entities; {status['rejects']:,} rejects, {status['over_budget']:,} over budget",
        highlight=False,
    )
    table = Table(title="articles per analysis version", title_justify="left")
    for col in ("version", "articles", "analysed", "warta", "state"):
        table.add_column(col, justify="right" if col == "articles" else "left")
    for v in status["versions"]:
        when = f"{(v['first'] or '')[:10]} .. {(v['last'] or '')[:10]}"
        table.add_row(
            v["version"],
            f"{v['articles']:,}",
            when,
            v.get("warta") or "?",
            "[green]current[/]" if v["current"] else "[yellow]stale[/]",
        )
    out.print(table)
    _print_watch(out, status["watch"])
    if status["stale"]:
        out.print(f"{status['stale']:,} stale: `warta reanalyze --db {escape(str(db))}` analyses them again")


def _print_watch(out: Console, watched: dict[str, Any]) -> None:
    """The collector's sources and hosts (``warta watch``), when it ran on this store."""
    if watched["sources"]:
        table = Table(title="sources (warta watch)", title_justify="left")
        for col in (
            "source",
            "last poll",
            "last ok",
            "new articles",
            "errors",
            "urls seen/fetched/failed/forbidden",
        ):
            table.add_column(col)
        for src in watched["sources"]:
            u = src["urls"]
            table.add_row(
                escape(src["name"]),
                src["last_poll"] or "never",
                src["last_ok"] or "never",
                f"{src['new_articles']:,}",
                f"{src['errors']:,}" + (f" ({escape(src['last_error'][:60])})" if src["last_error"] else ""),
                f"{u['seen']:,}/{u['fetched']:,}/{u['failed']:,}/{u['forbidden']:,}",
            )
        out.print(table)
    if watched["hosts"]:
        table = Table(title="hosts", title_justify="left")
        for col in ("host", "requests", "errors", "last error"):
            table.add_column(col)
        for h in watched["hosts"]:
            table.add_row(
                escape(h["host"]),
                f"{h['requests']:,}",
                f"{h['errors']:,}",
                escape((h["last_error"] or "")[:60]),
            )
        out.print(table)


def reanalyze_cmd(
    db: Annotated[
        str, typer.Option("--db", help="The corpus database: a SQLite file or a postgresql:// URL.")
    ] = "warta.db",
    all_: Annotated[bool, typer.Option("--all", help="Every article, not only the stale ones.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Pipeline processes.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = 100,
    config: Annotated[
        Path | None, typer.Option("--config", help="A TOML file overlaying the defaults.")
    ] = None,
) -> None:
    """Analyse stored articles again with today's pipeline: the stale ones (an older version
    analysed them), or --all. Interrupted, it resumes on the next run."""
    from warta.config import load_settings
    from warta.reanalyze import ReanalyzeReport, reanalyze

    err = Console(stderr=True)
    progress = _progress(err, "reanalyse")
    try:
        settings = load_settings(config)
        with (
            progress,
            graceful_stop(lambda name: err.print(f"[yellow]{name}[/]: stopping after this batch")) as stop,
        ):
            task = progress.add_task("reanalyse", total=None)

            def show(r: ReanalyzeReport) -> None:
                progress.update(task, total=r.stale, completed=r.done + r.over_budget)

            report = reanalyze(
                db,
                settings=settings,
                stale_only=not all_,
                workers=workers,
                batch_size=batch_size,
                stop=stop,
                on_progress=show,
            )
    except WartaError as exc:
        err.print(f"[red]error[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    err.print(
        f"{report.done:,} of {report.stale:,} articles analysed again with version {report.version} "
        f"in {report.seconds:,.1f} s"
        + (f"; {report.over_budget:,} over budget, left as they were" if report.over_budget else ""),
        highlight=False,
    )
    if report.interrupted:
        err.print("[yellow]interrupted[/]: run it again to go on")
        raise typer.Exit(130)


def _progress(err: Console, label: str) -> Progress:
    """A progress bar on standard error (none when it is not a terminal)."""
    return Progress(
        TextColumn(f"[cyan]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


db_app = typer.Typer(
    help="The corpus database: its schema revision, upgrading it, copying it to another store.",
    no_args_is_help=True,
)


@db_app.command("upgrade")
def db_upgrade_cmd(
    db: Annotated[
        str, typer.Option("--db", help="The corpus database: a SQLite file or a postgresql:// URL.")
    ] = "warta.db",
) -> None:
    """Bring a store written by an older warta to this warta's schema, in place (opening a
    store does it too; this runs it on its own, e.g. before deploying a new version)."""
    from warta.storage import Store
    from warta.storage.migrations import HEAD

    err = Console(stderr=True)
    try:
        with Store.open(db, create=False):
            pass
    except WartaError as exc:
        err.print(f"[red]error[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    err.print(f"{escape(str(db))}: schema at revision {HEAD}", highlight=False)


@db_app.command("current")
def db_current_cmd(
    db: Annotated[
        str, typer.Option("--db", help="The corpus database: a SQLite file or a postgresql:// URL.")
    ] = "warta.db",
) -> None:
    """The store's schema revision, without changing anything."""
    import sqlalchemy as sa

    from warta.storage.migrations import HEAD, current_revision
    from warta.storage.repository import database_url

    text = str(db)
    if "://" not in text and not Path(text).exists():
        Console(stderr=True).print(f"[red]error[/] {escape(text)}: no such corpus database")
        raise typer.Exit(2)
    engine = sa.create_engine(database_url(text))
    with engine.connect() as conn:
        rev = current_revision(conn)
    engine.dispose()
    typer.echo(
        f"{rev or '0001 (before migrations)'}" + (" (newest)" if rev == HEAD else f" (newest: {HEAD})")
    )


@db_app.command("copy")
def db_copy_cmd(
    source: Annotated[str, typer.Argument(help="The store to copy: a SQLite file or a postgresql:// URL.")],
    to: Annotated[
        str, typer.Option("--to", help="The store to copy into (created when missing): a file or a URL.")
    ],
) -> None:
    """Copy a corpus store into another as analysed (nothing is analysed again): moving a
    SQLite file onto a PostgreSQL server, or back. Articles keep their analysis version
    and sources; rejects and over-budget records come along. Interrupted, it resumes."""
    from warta.storage import Store
    from warta.storage.copy import copy_store
    from warta.storage.queries import article_count

    err = Console(stderr=True)
    progress = _progress(err, "copy")
    try:
        with Store.open(source, create=False) as src, Store.open(to) as dst, progress:
            if src.name == dst.name:
                err.print("[red]error[/] the source and the target are the same store")
                raise typer.Exit(2)
            task = progress.add_task("copy", total=article_count(src))
            result = copy_store(src, dst, progress=lambda n: progress.advance(task, n))
    except WartaError as exc:
        err.print(f"[red]error[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    err.print(
        f"{result.articles:,} articles copied ({result.sources:,} sources), {result.skipped:,} already there; "
        f"{result.rejects:,} rejects, {result.over_budget:,} over budget, {result.corrections:,} corrections, "
        f"{result.review_evals:,} accuracy runs",
        highlight=False,
    )
