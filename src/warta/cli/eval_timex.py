"""``warta eval timex``: TIMEX3 recognition and normalisation scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warta.errors import WartaError
from warta.evaluation.indotimex import evaluate_timex

__all__ = ["timex_cmd"]


def timex_cmd(
    data: Annotated[Path, typer.Option("--data", help="IndoTimex-style JSONL (text, dct_value, timexes).")],
    format_: Annotated[Literal["indotimex"], typer.Option("--format", help="Gold layout.")] = "indotimex",
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    show_errors: Annotated[bool, typer.Option("--errors", help="List misses, spurious and wrong values.")] = False,
) -> None:
    """Score time expressions: strict and relaxed spans, type and value accuracy."""
    try:
        result = evaluate_timex(data)
    except WartaError as exc:
        Console(stderr=True).print(f"[red]error[/] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    if json_:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    t = Table(title=f"warta eval timex — {escape(str(data))} ({result['documents']} documents)")
    for col in ("", "precision", "recall", "F1", "support"):
        t.add_column(col, justify="left" if not col else "right")
    for name in ("strict", "relaxed"):
        s = result[name]
        t.add_row(name, f"{s['precision']:.4f}", f"{s['recall']:.4f}", f"{s['f1']:.4f}", str(s["support"]))
    for label, s in result["per_label"].items():
        t.add_row(f"  {label}", f"{s['precision']:.4f}", f"{s['recall']:.4f}", f"{s['f1']:.4f}", str(s["support"]))
    console = Console()
    console.print(t)
    console.print(f"type accuracy {result['type_accuracy']:.4f}   value accuracy {result['value_accuracy']:.4f}   "
                  f"{result['words'] / max(result['seconds'], 1e-9):,.0f} words/s")
    if show_errors:
        for e in result["errors"]:
            console.print(escape(json.dumps(e, ensure_ascii=False)))
