"""Corpus commands: ``warta search``, ``entity``, ``quotes``, ``dupes``, ``export``."""

from __future__ import annotations

import sys
from datetime import date, datetime
from typing import Annotated, Literal

import msgspec
import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from warta.errors import WartaError
from warta.storage import Store
from warta.storage.export import export_articles
from warta.storage.queries import QuoteRow, duplicate_clusters, entity_profile, list_quotes, search
from warta.storage.recycled import resign

__all__ = ["dupes_cmd", "entity_cmd", "export_cmd", "quotes_cmd", "search_cmd"]

DbOpt = Annotated[
    str, typer.Option("--db", help="The corpus database: a SQLite file, or a postgresql:// URL.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON instead of a report.")]

FromOpt = Annotated[
    datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="From this day (YYYY-MM-DD).")
]
ToOpt = Annotated[
    datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="Up to this day, inclusive.")
]


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def _open(db: str) -> Store:
    return Store.open(db, create=False)


def _emit_json(value: object) -> None:
    """``value`` (msgspec structs, lists of them) as JSON on stdout."""
    sys.stdout.buffer.write(msgspec.json.format(msgspec.json.encode(value), indent=2) + b"\n")
    sys.stdout.flush()


def _fail(err: Console, exc: WartaError) -> typer.Exit:
    err.print(f"[red]error[/] {exc}", highlight=False)
    return typer.Exit(2)


def search_cmd(
    query: Annotated[str, typer.Argument(help='Words (matched with their stems) and "quoted phrases".')],
    db: DbOpt = "warta.db",
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Part of the outlet name.")] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Articles mentioning this entity.")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Articles quoting this person.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 10,
    json_: JsonOpt = False,
) -> None:
    """Full-text search (BM25, Indonesian stems) with highlighted snippets."""
    out, err = Console(), Console(stderr=True)
    try:
        with _open(db) as store:
            hits = search(
                store,
                query,
                date_from=_day(date_from),
                date_to=_day(date_to),
                outlet=outlet,
                entity=entity,
                speaker=speaker,
                limit=limit,
            )
    except WartaError as exc:
        raise _fail(err, exc) from exc
    if json_:
        _emit_json(hits)
        return
    for i, hit in enumerate(hits, 1):
        out.print(
            Text.assemble(
                (f"{i}. ", "dim"),
                (hit.title or "(no title)", "bold"),
                (f"  {hit.outlet or '?'} {(hit.published or '')[:10]}", "cyan"),
            )
        )
        snippet = Text(hit.snippet)
        for start, end in hit.marks:
            snippet.stylize("bold yellow", start, end)
        out.print(snippet)
        if hit.url:
            out.print(Text(hit.url, style="dim"))
    err.print(f"{len(hits)} result(s)", highlight=False)


def _quote_table(rows: list[QuoteRow], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for name in ("day", "speaker", "quote", "outlet", "article"):
        table.add_column(name, overflow="fold")
    for q in rows:
        table.add_row(
            q.day or "", q.speaker or "", q.text, q.outlet or "", f"#{q.article_id} {q.title or ''}"
        )
    return table


def entity_cmd(
    name: Annotated[str, typer.Argument(help="A person, organisation or place.")],
    db: DbOpt = "warta.db",
    json_: JsonOpt = False,
) -> None:
    """The profile of an entity: mentions by outlet and day, roles, co-mentions, latest quotes.

    A name several entities go by opens the most mentioned one; the others are listed."""
    out, err = Console(), Console(stderr=True)
    try:
        with _open(db) as store:
            p = entity_profile(store, name)
    except WartaError as exc:
        raise _fail(err, exc) from exc
    if p is None:
        err.print(f"no entity called {name!r} in {db}", highlight=False)
        raise typer.Exit(1)
    if json_:
        _emit_json(p)
        return
    out.print(
        Text.assemble(
            (p.name, "bold"), f"  [{p.label}] id {p.id}: {p.articles} articles, {p.mentions} mentions"
        )
    )
    out.print("aliases: " + ", ".join(f"{a} ({n})" for a, n in p.aliases))
    if p.roles:
        out.print(
            "roles: "
            + "; ".join(f"{r.role} ({r.count}, {r.first_day or '?'}..{r.last_day or '?'})" for r in p.roles)
        )
    out.print("by outlet: " + ", ".join(f"{o} {n}" for o, n in p.by_outlet))
    if p.by_day:
        out.print("by day: " + ", ".join(f"{d} {n}" for d, n in p.by_day[-14:]))
    out.print("mentioned with: " + ", ".join(f"{n} [{lab}] {c}" for n, lab, c in p.co_mentioned))
    if p.latest_quotes:
        out.print(_quote_table(p.latest_quotes, "latest quotes"))
    if p.other_candidates:
        out.print(
            Text(
                "also called so: "
                + ", ".join(f"{n} [{lab}] ({c} articles)" for _i, n, lab, c in p.other_candidates),
                style="dim",
            )
        )


def quotes_cmd(
    speaker: Annotated[str | None, typer.Option("--speaker", help="Who said it.")] = None,
    about: Annotated[
        str | None, typer.Option("--about", help="Only quotes that mention this entity.")
    ] = None,
    db: DbOpt = "warta.db",
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 50,
    verified: Annotated[
        bool, typer.Option("--verified", help="Only quotes a reviewer confirmed or corrected.")
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """What was said, with article, outlet and date (newest first): by a person (--speaker),
    about someone or something (--about), or both; or every reviewed quote (--verified alone).
    Quotes are as reviewers corrected them (`warta corrections`): a rejected one is left out."""
    out, err = Console(), Console(stderr=True)
    if speaker is None and about is None and not verified:
        err.print("[red]error[/] give --speaker, --about, both, or --verified")
        raise typer.Exit(2)
    try:
        with _open(db) as store:
            rows = list_quotes(
                store,
                speaker=speaker,
                about=about,
                date_from=_day(date_from),
                date_to=_day(date_to),
                limit=limit,
                verified=True if verified else None,
            )
    except WartaError as exc:
        raise _fail(err, exc) from exc
    if json_:
        _emit_json(rows)
        return
    title = " ".join(
        x
        for x in (
            "verified quotes" if verified else "quotes",
            f"by {speaker}" if speaker else "",
            f"about {about}" if about else "",
        )
        if x
    )
    out.print(_quote_table(rows, title))
    err.print(f"{len(rows)} quote(s)", highlight=False)


def dupes_cmd(
    db: DbOpt = "warta.db",
    what: Annotated[str, typer.Option("--what", help="articles, quotes or stories.")] = "articles",
    threshold: Annotated[
        float | None, typer.Option("--threshold", min=0.0, max=1.0, help="Estimated Jaccard similarity.")
    ] = None,
    window: Annotated[int, typer.Option("--window", min=0, help="Stories: days between articles.")] = 3,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Clusters to show.")] = 20,
    resign_: Annotated[
        bool, typer.Option("--resign", help="Re-make the stored signatures first (after an upgrade).")
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """Recycled stories: copies across outlets, republished articles, quotes on many sites, or stories."""
    out, err = Console(), Console(stderr=True)
    if what not in ("articles", "quotes", "stories"):
        err.print(f"[red]error[/] --what must be articles, quotes or stories, not {what!r}")
        raise typer.Exit(2)
    try:
        with _open(db) as store:
            if resign_:
                err.print(f"re-made the signatures of {resign(store)} articles", highlight=False)
            kind: Literal["articles", "quotes", "stories"] = (
                "stories" if what == "stories" else "quotes" if what == "quotes" else "articles"
            )
            page = duplicate_clusters(
                store,
                what=kind,
                threshold=threshold,
                window_days=window,
                date_from=_day(date_from),
                date_to=_day(date_to),
                limit=limit,
            )
            clusters = page.items
    except WartaError as exc:
        raise _fail(err, exc) from exc
    if json_:
        _emit_json(clusters)
        return
    for i, c in enumerate(clusters, 1):
        first = c.first
        head = (first.quote or first.title or "")[:120]
        out.print(
            Text.assemble(
                (f"{i}. {c.kind}", "bold"),
                f" x{len(c.members)} in {len(c.outlets)} outlet(s): ",
                (head, "italic"),
            )
        )
        out.print(
            Text(
                f"   first: {first.outlet or '?'} {first.published or 'undated'}"
                + (f" ({first.speaker})" if first.speaker else ""),
                style="cyan",
            )
        )
        for m in c.members[1:6]:
            out.print(
                Text(
                    f"   then:  {m.outlet or '?'} {m.published or 'undated'} #{m.article_id} {(m.title or '')[:70]}",
                    style="dim",
                )
            )
    err.print(
        f"{page.total} cluster(s)"
        + (f", the largest {len(clusters)} shown" if page.total > len(clusters) else ""),
        highlight=False,
    )


def export_cmd(
    output: Annotated[str, typer.Argument(help="Output file, or - for stdout (jsonl, csv).")],
    format: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    db: DbOpt = "warta.db",
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    outlet: Annotated[str | None, typer.Option("--outlet")] = None,
    entity: Annotated[str | None, typer.Option("--entity")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1)] = None,
) -> None:
    """Export stored articles: full records (jsonl) or flat rows (csv, parquet)."""
    err = Console(stderr=True)
    if format not in ("jsonl", "csv", "parquet"):
        err.print(f"[red]error[/] --format must be jsonl, csv or parquet, not {format!r}")
        raise typer.Exit(2)
    fmt: Literal["jsonl", "csv", "parquet"] = (
        "jsonl" if format == "jsonl" else ("csv" if format == "csv" else "parquet")
    )
    try:
        with _open(db) as store:
            target = sys.stdout.buffer if output == "-" else output
            n = export_articles(
                store,
                target,
                format=fmt,
                date_from=_day(date_from),
                date_to=_day(date_to),
                outlet=outlet,
                entity=entity,
                limit=limit,
            )
    except WartaError as exc:
        raise _fail(err, exc) from exc
    err.print(f"{n} article(s) exported", highlight=False)
