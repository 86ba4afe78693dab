"""``warta serve``: the REST API and the dashboard over a corpus database, with uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from warta.config import load_settings
from warta.errors import WartaError

__all__ = ["serve_cmd"]


def _warm_up_in_background(store: Any, err: Console) -> None:
    """Compute the corpus-wide answers (home page, duplicate clusters) while the server
    starts taking requests, so that the first visitor does not wait for them."""
    import threading

    from warta.storage.queries import warm_up

    def run() -> None:
        try:
            seconds = warm_up(store)
        except Exception as exc:  # a failed warm-up only means a slower first request
            err.print(f"[yellow]warning[/] warm-up failed: {exc}", highlight=False, soft_wrap=True)
            return
        err.print(f"warta serve: corpus-wide answers ready in {seconds:.1f}s", highlight=False)

    threading.Thread(target=run, name="warta-warm-up", daemon=True).start()


def serve_cmd(
    db: Annotated[
        str | None, typer.Option("--db", help="The corpus database (default: the `db` setting).")
    ] = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    config: Annotated[
        Path | None, typer.Option("--config", help="A TOML file overlaying the defaults.")
    ] = None,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="YYYY-MM-DD: the day the dashboard's 'this week' ends on (default: today)."
        ),
    ] = None,
) -> None:
    """Serve the API (/api/v1, schema at /api/v1/openapi.json) and the dashboard (/).

    Read-only unless the `api_token` setting (WARTA_API_TOKEN) is set; CORS is off unless
    `cors_origins` is set.
    """
    err = Console(stderr=True)
    try:
        settings = load_settings(config, db=db, as_of=as_of)
    except WartaError as exc:
        err.print(f"[red]error[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    target = settings.db
    if "://" not in target and not Path(target).is_file():
        reason = "is a folder, not a database file" if Path(target).is_dir() else "no such corpus database"
        err.print(
            f"[red]error[/] {target}: {reason}; build one with `warta ingest FILES --db {target}` "
            "or pass --db",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(2)

    import uvicorn

    from warta.web.app import create_app

    try:
        app = create_app(settings)
    except WartaError as exc:
        err.print(f"[red]error[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    _warm_up_in_background(app.state.store, err)
    writes = "on (token set)" if settings.api_token else "off (no api_token)"
    err.print(
        f"warta serve: {target} at http://{host}:{port}/ (API /api/v1, writes {writes})", highlight=False
    )
    uvicorn.run(app, host=host, port=port, log_level=log_level)
