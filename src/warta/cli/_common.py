"""What the ``warta eval`` commands share: running a scorer, printing JSON, a P/R/F1 table."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warta.errors import WartaError

__all__ = ["echo_json", "prf_table", "run_scorer"]

T = TypeVar("T")


def run_scorer(fn: Callable[[], T]) -> T:
    """Run a scorer; a WartaError becomes a one-line message on stderr and exit code 2."""
    try:
        return fn()
    except WartaError as exc:
        Console(stderr=True).print(f"[red]error[/] {escape(str(exc))}")
        raise typer.Exit(2) from exc


def echo_json(result: dict[str, Any]) -> None:
    """Print exactly one JSON object (the contract of every ``warta eval ... --json``)."""
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2))


def prf_table(title: str, rows: Iterable[tuple[str, dict[str, Any]]], *, first: str = "") -> Table:
    """A table with one row per label: precision, recall, F1, support."""
    t = Table(title=escape(title))
    t.add_column(first)
    for col in ("precision", "recall", "F1", "support"):
        t.add_column(col, justify="right")
    for name, s in rows:
        t.add_row(name, f"{s['precision']:.4f}", f"{s['recall']:.4f}", f"{s['f1']:.4f}", str(s["support"]))
    return t
