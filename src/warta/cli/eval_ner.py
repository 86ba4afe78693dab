"""``warta eval ner``: entity-level scores of a shipped NER model on a gold file."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warta.errors import WartaError

__all__ = ["ner_cmd"]


class NerFileFormat(StrEnum):
    tsv = "tsv"
    conll = "conll"


def ner_cmd(
    data: Annotated[Path, typer.Option("--data", help="Gold file: one token per line, label last.")],
    format_: Annotated[
        NerFileFormat,
        typer.Option("--format", help="tsv: columns split on tabs (IndoNLU, IndoLEM); conll: on whitespace."),
    ] = NerFileFormat.tsv,
    model: Annotated[
        str | None, typer.Option("--model", help="Shipped model name (default: the one matching the file's labels).")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score named entities (conlleval/seqeval semantics): micro and per-type P/R/F1."""
    from warta.stages.ner.evaluate import evaluate_ner

    try:
        result = evaluate_ner(data, format=format_.value, model=model)
    except WartaError as exc:
        Console(stderr=True).print(f"[red]error[/] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    if json_:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    t = Table(title=f"warta eval ner — {escape(str(data))} (model {result['model']})")
    for col in ("label", "precision", "recall", "f1", "support"):
        t.add_column(col, justify="left" if col == "label" else "right")
    for name, s in result["per_label"].items():
        t.add_row(name, f"{s['precision']:.4f}", f"{s['recall']:.4f}", f"{s['f1']:.4f}", str(s["support"]))
    t.add_row("[bold]micro", f"{result['precision']:.4f}", f"{result['recall']:.4f}", f"[bold]{result['f1']:.4f}",
              str(result["support"]))
    t.caption = f"{result['tokens']:,} tokens, {result['tokens_per_second']:,} tokens/s"
    Console().print(t)
