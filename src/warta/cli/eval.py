"""``warta eval STAGE``: score a stage against gold data. One sub-command per stage."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from warta.errors import WartaError

__all__ = ["eval_app"]

eval_app = typer.Typer(help="Score a stage against gold data.", no_args_is_help=True)


class SegmentFormat(StrEnum):
    conllu = "conllu"


@eval_app.command("segment")
def segment_cmd(
    data: Annotated[Path, typer.Option("--data", help="Gold file (UD CoNLL-U).")],
    format_: Annotated[SegmentFormat, typer.Option("--format", help="Format of the gold file.")] = (
        SegmentFormat.conllu
    ),
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score sentence and token segmentation (CoNLL 2018 UD scorer spans)."""
    from warta.evaluation.conllu import evaluate_segmentation

    try:
        result = evaluate_segmentation(data)
    except WartaError as exc:
        Console(stderr=True).print(f"[red]error[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    if json_:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    Console().print(_segment_table(result))


def _segment_table(result: dict[str, Any]) -> Table:
    table = Table(title=f"warta eval segment — {result['data']}")
    for name in ("label", "precision", "recall", "F1", "gold", "system"):
        table.add_column(name, justify="left" if name == "label" else "right")
    for label, score in result["per_label"].items():
        table.add_row(
            label,
            f"{score['precision']:.4f}",
            f"{score['recall']:.4f}",
            f"{score['f1']:.4f}",
            f"{score['support']:,}",
            f"{result['system'][label]:,}",
        )
    rate = result["words_per_second"]
    table.caption = f"{result['words']:,} words, {result['seconds']:.3f} s" + (
        f" ({rate:,.0f} words/s)" if rate else ""
    )
    return table
