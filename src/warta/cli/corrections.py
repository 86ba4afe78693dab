"""``warta corrections list|undo``: the reviewers' correction log of quotes, and undoing one."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warta.errors import WartaError
from warta.storage import Store
from warta.storage.corrections import ACTIONS, undo_correction
from warta.storage.entity_corrections import (
    ENTITY_ACTIONS,
    EntityCorrection,
    add_entity_correction,
    undo_entity_correction,
)
from warta.storage.queries import correction_log, entity_correction_log

from .corpus import DbOpt, JsonOpt, _emit_json

__all__ = ["corrections_app"]

corrections_app = typer.Typer(
    help="Reviewers' corrections of quotes and entities: the log (newest first), correcting an "
    "entity (type, merge, split), and undoing one.",
    no_args_is_help=True,
)

_STATUSES = ("live", "undone", "orphaned", "all")


def _fail(exc: WartaError) -> typer.Exit:
    Console(stderr=True).print(f"[red]error[/] {escape(str(exc))}", highlight=False)
    return typer.Exit(2)


@corrections_app.command("list")
def list_cmd(
    db: DbOpt = "warta.db",
    article: Annotated[int | None, typer.Option("--article", min=1, help="Of this article id.")] = None,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="By this reviewer.")] = None,
    action: Annotated[str | None, typer.Option("--action", help="confirm, reject, speaker or span.")] = None,
    status: Annotated[
        str,
        typer.Option(
            "--status",
            help="live (applied), undone, orphaned (no quote of its article fits it any more), or all.",
        ),
    ] = "all",
    limit: Annotated[int, typer.Option("--limit", min=1)] = 50,
    kind: Annotated[
        str, typer.Option("--kind", help="quote, entity, or all (--json: quote unless told).")
    ] = "all",
    json_: JsonOpt = False,
) -> None:
    """The correction log, newest first: of quotes, then of entities (ids E1, E2, ...)."""
    err = Console(stderr=True)
    if kind not in ("quote", "entity", "all"):
        err.print(f"[red]error[/] --kind must be one of quote, entity, all, not {escape(repr(kind))}")
        raise typer.Exit(2)
    if kind == "entity" or (kind == "all" and action in ENTITY_ACTIONS):
        _entity_list(db, article, reviewer, action, status, limit, json_)
        return
    if action is not None and action not in ACTIONS:
        err.print(f"[red]error[/] --action must be one of {', '.join(ACTIONS)}, not {escape(repr(action))}")
        raise typer.Exit(2)
    if status not in _STATUSES:
        err.print(f"[red]error[/] --status must be one of {', '.join(_STATUSES)}, not {escape(repr(status))}")
        raise typer.Exit(2)
    chosen: Literal["live", "undone", "orphaned", "all"] = (
        "live"
        if status == "live"
        else "undone"
        if status == "undone"
        else "orphaned"
        if status == "orphaned"
        else "all"
    )
    try:
        with Store.open(db, create=False) as store:
            page = correction_log(
                store, article_id=article, reviewer=reviewer, action=action, status=chosen, limit=limit
            )
    except WartaError as exc:
        raise _fail(exc) from exc
    if json_:
        _emit_json(page)
        return
    table = Table(title=f"corrections ({page.total})")
    for name in ("id", "when", "reviewer", "article", "quote", "action", "after", "state"):
        table.add_column(name, overflow="fold")
    for c in page.items:
        state = "undone" if c.undone_at else "orphaned" if c.orphaned else "live"
        after = ", ".join(f"{k}={v}" for k, v in c.after.items() if k not in ("reviewed", "rejected"))
        table.add_row(
            str(c.id),
            c.created_at,
            escape(c.reviewer),
            str(c.article_id),
            str(c.quote_idx),
            c.action,
            escape(after),
            state,
        )
    Console().print(table)
    if kind == "all" and article is None and action is None:
        _entity_list(db, None, reviewer, action, status, limit, False)


def _status(status: str) -> Literal["live", "undone", "orphaned", "all"]:
    return (
        "live"
        if status == "live"
        else "undone"
        if status == "undone"
        else "orphaned"
        if status == "orphaned"
        else "all"
    )


def _entity_list(
    db: str,
    article: int | None,
    reviewer: str | None,
    action: str | None,
    status: str,
    limit: int,
    json_: bool,
) -> None:
    err = Console(stderr=True)
    if article is not None:
        err.print("[red]error[/] --article lists quote corrections; entity corrections are listed by entity")
        raise typer.Exit(2)
    if action is not None and action not in ENTITY_ACTIONS:
        err.print(
            f"[red]error[/] --action of an entity must be one of {', '.join(ENTITY_ACTIONS)}, not {escape(repr(action))}"
        )
        raise typer.Exit(2)
    if status not in _STATUSES:
        err.print(f"[red]error[/] --status must be one of {', '.join(_STATUSES)}, not {escape(repr(status))}")
        raise typer.Exit(2)
    try:
        with Store.open(db, create=False) as store:
            page = entity_correction_log(
                store, reviewer=reviewer, action=action, status=_status(status), limit=limit
            )
    except WartaError as exc:
        raise _fail(exc) from exc
    if json_:
        _emit_json(page)
        return
    table = Table(title=f"entity corrections ({page.total})")
    for name in ("id", "when", "reviewer", "entity", "action", "after", "state"):
        table.add_column(name, overflow="fold")
    for c in page.items:
        state = "undone" if c.undone_at else "orphaned" if c.orphaned else "live"
        after = ", ".join(f"{k}={v}" for k, v in c.after.items())
        if c.anchors:
            after += f" ({len(c.anchors)} article entit{'y' if len(c.anchors) == 1 else 'ies'})"
        table.add_row(
            f"E{c.id}", c.created_at, escape(c.reviewer), str(c.entity_id), c.action, escape(after), state
        )
    Console().print(table)


def _made(made: EntityCorrection, json_: bool) -> None:
    if json_:
        _emit_json(made)
        return
    Console(stderr=True).print(
        f"entity correction E{made.id}: {made.action} of entity {made.entity_id} "
        + ", ".join(f"{k}={v}" for k, v in made.after.items()),
        highlight=False,
    )


Reviewer = Annotated[str, typer.Option("--reviewer", help="Who corrects (recorded).")]


def _correct_entity(db: str, entity: int, action: str, reviewer: str, json_: bool, **fields: Any) -> None:
    """Record one entity correction and report it (the three entity commands)."""
    try:
        with Store.open(db, create=False) as store:
            made = add_entity_correction(store, entity, action, reviewer=reviewer, **fields)
    except WartaError as exc:
        raise _fail(exc) from exc
    _made(made, json_)


@corrections_app.command("entity-type")
def entity_type_cmd(
    entity: Annotated[int, typer.Argument(min=1, help="The entity's id.")],
    label: Annotated[str, typer.Argument(help="PER, ORG, LOC, EVT or MISC.")],
    db: DbOpt = "warta.db",
    reviewer: Reviewer = "cli",
    json_: JsonOpt = False,
) -> None:
    """Give an entity another type (an event in the log; undo with `warta corrections undo E<id>`)."""
    _correct_entity(db, entity, "type", reviewer, json_, label=label)


@corrections_app.command("merge")
def merge_cmd(
    entity: Annotated[int, typer.Argument(min=1, help="The entity to merge away.")],
    into: Annotated[
        int, typer.Argument(min=1, help="The entity it is (its mentions, quotes and names go there).")
    ],
    db: DbOpt = "warta.db",
    reviewer: Reviewer = "cli",
    json_: JsonOpt = False,
) -> None:
    """Merge one entity into another."""
    _correct_entity(db, entity, "merge", reviewer, json_, target_id=into)


@corrections_app.command("split")
def split_cmd(
    entity: Annotated[int, typer.Argument(min=1, help="The entity wrongly merged.")],
    article: Annotated[
        list[int] | None,
        typer.Option("--article", min=1, help="Move its mentions in this article (repeatable)."),
    ] = None,
    name: Annotated[
        list[str] | None, typer.Option("--name", help="Move its mentions under this name (repeatable).")
    ] = None,
    into: Annotated[int | None, typer.Option("--into", min=1, help="To this existing entity.")] = None,
    new_name: Annotated[str | None, typer.Option("--new-name", help="To a new entity of this name.")] = None,
    new_label: Annotated[str | None, typer.Option("--new-label", help="The new entity's label.")] = None,
    db: DbOpt = "warta.db",
    reviewer: Reviewer = "cli",
    json_: JsonOpt = False,
) -> None:
    """Split a wrong merge: move the chosen mentions to another entity, or a new one."""
    _correct_entity(
        db,
        entity,
        "split",
        reviewer,
        json_,
        articles=article or [],
        names=name or [],
        target_id=into,
        new_name=new_name,
        new_label=new_label,
    )


@corrections_app.command("undo")
def undo_cmd(
    correction: Annotated[
        str,
        typer.Argument(
            help="The correction's id (see `warta corrections list`): 12 of a quote, E12 of an entity."
        ),
    ],
    db: DbOpt = "warta.db",
    reviewer: Annotated[str, typer.Option("--reviewer", help="Who undoes it (recorded).")] = "cli",
    json_: JsonOpt = False,
) -> None:
    """Undo a correction: it stays in the log, marked undone, and its quote (or entity) gets
    the state the other live corrections make."""
    of_entity = correction[:1] in ("E", "e")
    number = correction[1:] if of_entity else correction
    if not number.isdigit() or int(number) < 1:
        Console(stderr=True).print(
            f"[red]error[/] {escape(repr(correction))} is no correction id: 12 (a quote's) or E12 (an entity's)"
        )
        raise typer.Exit(2)
    try:
        with Store.open(db, create=False) as store:
            if of_entity:
                done = undo_entity_correction(store, int(number), reviewer=reviewer)
            else:
                undone = undo_correction(store, int(number), reviewer=reviewer)
    except WartaError as exc:
        raise _fail(exc) from exc
    if of_entity:
        if json_:
            _emit_json(done)
        else:
            Console(stderr=True).print(
                f"undid entity correction E{done.id} ({done.action} of entity {done.entity_id})",
                highlight=False,
            )
        return
    if json_:
        _emit_json(undone)
        return
    Console(stderr=True).print(
        f"undid correction {undone.id} ({undone.action} of quote {undone.quote_idx} of article {undone.article_id})",
        highlight=False,
    )


def export_gold_cmd(
    output: Annotated[
        str,
        typer.Argument(
            help="The file to write: JSON Lines (warta), CoNLL text (conll), a DocBin (spacy, .spacy) "
            "or a JSON list of tasks (label-studio)."
        ),
    ],
    db: DbOpt = "warta.db",
    format: Annotated[
        Literal["warta", "label-studio", "conll", "spacy"],
        typer.Option(
            "--format",
            help="warta (quote gold, with each article's text: keep it out of public repositories), "
            "label-studio, conll (NER, and the quotes' review state) or spacy (needs warta[spacy]).",
        ),
    ] = "label-studio",
    article: Annotated[
        list[int] | None,
        typer.Option("--article", min=1, help="These articles (default: every reviewed one)."),
    ] = None,
) -> None:
    """Write the reviewed articles as gold (see warta.gold_export): warta's quote
    gold (which 'warta eval quotes --data FILE --format warta' scores), CoNLL NER, a spaCy
    DocBin, or Label Studio tasks (warta's quotes as the prediction, the reviewed state as
    the annotation)."""
    from pathlib import Path

    from warta.gold_export import export_gold

    try:
        with Store.open(db, create=False) as store:
            n = export_gold(store, Path(output), format=format, article_ids=article or None)
    except WartaError as exc:
        raise _fail(exc) from exc
    except OSError as exc:
        Console(stderr=True).print(f"[red]error[/] cannot write {escape(output)}: {escape(str(exc))}")
        raise typer.Exit(2) from exc
    what = "task(s)" if format == "label-studio" else "article(s)"
    Console(stderr=True).print(f"{n} {what} -> {escape(output)} ({format})", highlight=False)


def import_gold_cmd(
    path: Annotated[str, typer.Argument(help="A Label Studio export (JSON) of tasks warta exported.")],
    reviewer: Annotated[str, typer.Option("--reviewer", help="Whose corrections these are.")],
    db: DbOpt = "warta.db",
    json_: JsonOpt = False,
) -> None:
    """Read Label Studio annotations back as corrections (only what differs from the store)."""
    from pathlib import Path

    from warta.storage.gold import import_label_studio

    try:
        with Store.open(db, create=False) as store:
            result = import_label_studio(store, Path(path), reviewer=reviewer)
    except WartaError as exc:
        raise _fail(exc) from exc
    if json_:
        _emit_json(result)
        return
    Console(stderr=True).print(
        f"{result.tasks} task(s): {result.corrections} correction(s) recorded, {result.unchanged} quote(s) unchanged",
        highlight=False,
    )
