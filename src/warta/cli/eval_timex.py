"""``warta eval timex``: TIMEX3 recognition and normalisation scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape

from warta.cli._common import echo_json, prf_table, run_scorer
from warta.evaluation.indotimex import evaluate_timex

__all__ = ["timex_cmd"]


def timex_cmd(
    data: Annotated[Path, typer.Option("--data", help="IndoTimex-style JSONL (text, dct_value, timexes).")],
    format_: Annotated[Literal["indotimex"], typer.Option("--format", help="Gold layout.")] = "indotimex",
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    show_errors: Annotated[
        bool, typer.Option("--errors", help="List misses, spurious and wrong values.")
    ] = False,
) -> None:
    """Score time expressions: strict and relaxed spans, type and value accuracy."""
    result = run_scorer(lambda: evaluate_timex(data))
    if json_:
        echo_json(result)
        return
    t = prf_table(
        f"warta eval timex — {data} ({result['documents']} documents)",
        [
            ("strict", result["strict"]),
            ("relaxed", result["relaxed"]),
            *((f"  {k}", v) for k, v in result["per_label"].items()),
        ],
    )
    console = Console()
    console.print(t)
    console.print(
        f"type accuracy {result['type_accuracy']:.4f}   value accuracy {result['value_accuracy']:.4f}   "
        f"{result['words'] / max(result['seconds'], 1e-9):,.0f} words/s"
    )
    if show_errors:
        for e in result["errors"]:
            console.print(escape(json.dumps(e, ensure_ascii=False)))
