"""``warta watchlist add|list|show|remove|check``: saved searches and their alerts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warta.config import load_settings
from warta.errors import WartaError
from warta.storage import Store
from warta.storage.watchlists import (
    add_watchlist,
    get_watchlist,
    list_watchlists,
    live_matches,
    make_spec,
    remove_watchlist,
    update_watchlist,
)
from warta.watchlists import check_watchlists

from .corpus import DbOpt, FromOpt, JsonOpt, ToOpt, _day, _emit_json

__all__ = ["watchlist_app"]

watchlist_app = typer.Typer(
    help="Watchlists: named saved searches, checked for new matches that are sent as alerts.",
    no_args_is_help=True,
)

NameArg = Annotated[str, typer.Argument(help="The watchlist's name (letters, digits, '-', '_', '.').")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="A TOML file overlaying the defaults.")]


def _fail(exc: WartaError) -> typer.Exit:
    Console(stderr=True).print(f"[red]error[/] {escape(str(exc))}", highlight=False)
    return typer.Exit(2)


def _open(db: str) -> Store:
    return Store.open(db, create=False)


@watchlist_app.command("add")
def add_cmd(
    name: NameArg,
    db: DbOpt = "warta.db",
    query: Annotated[
        str | None, typer.Option("--query", help='Articles a text query finds (words, "phrases").')
    ] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Articles that name this entity.")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Quotes by this person.")] = None,
    about: Annotated[str | None, typer.Option("--about", help="Quotes that name this entity.")] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Articles of outlets whose name contains this.")
    ] = None,
    topic: Annotated[str | None, typer.Option("--topic", help="Articles of this topic.")] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    only_outlet: Annotated[
        str | None, typer.Option("--only-outlet", help="Only articles of outlets whose name contains this.")
    ] = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Change the watchlist of that name (what it reported stays)."),
    ] = False,
) -> None:
    """Keep a new watchlist: exactly one of --query, --entity, --speaker, --about, --outlet, --topic.
    Its first check reports the matches the store already holds. With --replace, an existing
    watchlist gets the new definition; what it reported is not reported again."""
    given = {
        k: v
        for k, v in {
            "query": query,
            "entity": entity,
            "speaker": speaker,
            "about": about,
            "outlet": outlet,
            "topic": topic,
        }.items()
        if v is not None
    }
    if len(given) != 1:
        Console(stderr=True).print(
            "[red]error[/] give exactly one of --query, --entity, --speaker, --about, --outlet, --topic"
            + (f" (got {', '.join('--' + k for k in given)})" if given else "")
        )
        raise typer.Exit(2)
    ((kind, value),) = given.items()
    try:
        spec = make_spec(
            name, kind, value, date_from=_day(date_from), date_to=_day(date_to), outlet=only_outlet
        )
        with _open(db) as store:
            added = update_watchlist(store, spec) if replace else add_watchlist(store, spec)
    except WartaError as exc:
        raise _fail(exc) from exc
    typer.echo(f"{'changed' if replace else 'added'} watchlist {added.name} ({added.kind}: {added.value})")


@watchlist_app.command("list")
def list_cmd(db: DbOpt = "warta.db", json_: JsonOpt = False) -> None:
    """The watchlists, with what they found and when they were last checked."""
    try:
        with _open(db) as store:
            found = list_watchlists(store)
    except WartaError as exc:
        raise _fail(exc) from exc
    if json_:
        _emit_json(found)
        return
    if not found:
        typer.echo("no watchlists; add one with `warta watchlist add NAME --speaker ...`")
        return
    table = Table(title="Watchlists")
    for col in ("name", "kind", "watches", "filters", "found", "unseen", "last checked"):
        table.add_column(col)
    for w in found:
        filters = ", ".join(
            x
            for x in (
                f"from {w.date_from}" if w.date_from else "",
                f"to {w.date_to}" if w.date_to else "",
                f"outlet ~ {w.outlet}" if w.outlet else "",
            )
            if x
        )
        table.add_row(
            escape(w.name),
            w.kind,
            escape(w.value),
            escape(filters),
            str(w.found),
            str(w.unseen),
            w.checked_at or "never",
        )
    Console().print(table)


@watchlist_app.command("show")
def show_cmd(
    name: NameArg,
    db: DbOpt = "warta.db",
    limit: Annotated[int, typer.Option("--limit", min=1, max=100, help="Latest matches shown.")] = 10,
    json_: JsonOpt = False,
) -> None:
    """A watchlist and its latest matches in the store (newest first)."""
    try:
        with _open(db) as store:
            watch = get_watchlist(store, name)
            page = live_matches(store, name, limit=limit)
    except WartaError as exc:
        raise _fail(exc) from exc
    if json_:
        _emit_json({"watchlist": watch, "matches": page})
        return
    out = Console(highlight=False)
    out.print(f"[bold]{escape(watch.name)}[/]: {watch.kind} {escape(watch.value)}")
    out.print(
        f"found {watch.found} ({watch.unseen} unseen), last checked {watch.checked_at or 'never'}; "
        f"{page.total} matches in the store"
    )
    for m in page.items:
        mark = " " if m.reported else "*"
        out.print(
            f"{mark} [{m.article_id}] {escape(m.title or '(no title)')} · {escape(m.outlet or '?')} · {m.day or '?'}"
        )
        if m.quote is not None:
            out.print(f'    "{escape(m.quote)}" ({escape(m.speaker or "unknown speaker")})')
    if any(not m.reported for m in page.items):
        out.print("* not reported by a check yet")


@watchlist_app.command("remove")
def remove_cmd(name: NameArg, db: DbOpt = "warta.db") -> None:
    """Forget a watchlist, what it reported and its pending alerts."""
    try:
        with _open(db) as store:
            remove_watchlist(store, name)
    except WartaError as exc:
        raise _fail(exc) from exc
    typer.echo(f"removed watchlist {name}")


@watchlist_app.command("check")
def check_cmd(
    name: Annotated[str | None, typer.Argument(help="Only this watchlist (default: all).")] = None,
    db: DbOpt = "warta.db",
    digest_dir: Annotated[
        Path | None, typer.Option("--digest-dir", help="Write the digest files here (alert_digest_dir).")
    ] = None,
    config: ConfigOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Find the matches no check reported yet, send them on the alert channels of the
    settings (digest files, webhook, e-mail) with deliveries earlier checks left, and record
    them. Exit code 1 when a delivery failed (it is tried again at the next check)."""
    try:
        settings = load_settings(config, alert_digest_dir=str(digest_dir) if digest_dir else None)
        with _open(db) as store:
            result = check_watchlists(store, settings, names=[name] if name else None)
    except WartaError as exc:
        raise _fail(exc) from exc
    if json_:
        _emit_json(result)
    else:
        out = Console(highlight=False)
        for w in result.watchlists:
            out.print(f"{escape(w.name)}: {w.new} new")
        for c in result.channels:
            line = f"{c.channel}: {c.sent} sent"
            if c.failed:
                line += f", {c.failed} failed ({escape(c.error or '')}), tried again at the next check"
            out.print(line)
            for f in c.files:
                out.print(f"  {escape(f)}")
        if not result.channels:
            out.print("no alert channel is configured (alert_digest_dir, alert_webhook_url, alert_smtp_host)")
    if result.failed:
        raise typer.Exit(1)
