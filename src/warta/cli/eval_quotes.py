"""``warta eval quotes``: quote and speaker attribution scores (PFSA-ID)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warta.errors import WartaError
from warta.evaluation.pfsa import evaluate_pfsa

__all__ = ["quotes_cmd"]


def quotes_cmd(
    data: Annotated[Path, typer.Option("--data", help="PFSA-ID file (token<TAB>label, blank line between sentences).")],
    format_: Annotated[Literal["pfsa"], typer.Option("--format", help="Gold layout.")] = "pfsa",
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score quotes, cues and speakers: entity-level P/R/F1 and speaker-attribution accuracy."""
    try:
        result = evaluate_pfsa(data)
    except WartaError as exc:
        Console(stderr=True).print(f"[red]error[/] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    if json_:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    t = Table(title=f"warta eval quotes — {escape(str(data))} ({result['documents']} articles)")
    for col in ("", "precision", "recall", "F1", "support"):
        t.add_column(col, justify="left" if not col else "right")
    t.add_row("micro", f"{result['precision']:.4f}", f"{result['recall']:.4f}", f"{result['f1']:.4f}", str(result["support"]))
    for label, s in result["per_label"].items():
        t.add_row(f"  {label}", f"{s['precision']:.4f}", f"{s['recall']:.4f}", f"{s['f1']:.4f}", str(s["support"]))
    console = Console()
    console.print(t)
    a = result["attribution"]
    console.print(
        f"speaker attribution {a['accuracy']:.4f} ({a['correct']}/{a['total']})   "
        f"{result['words_per_second']:,.0f} words/s (quote step)"
    )
