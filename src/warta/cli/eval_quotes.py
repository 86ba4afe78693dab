"""``warta eval quotes``: quote and speaker attribution scores (PFSA-ID)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console

from warta.cli._common import echo_json, prf_table, run_scorer
from warta.evaluation.pfsa import evaluate_pfsa

__all__ = ["quotes_cmd"]


def quotes_cmd(
    data: Annotated[Path, typer.Option("--data", help="PFSA-ID file (token<TAB>label, blank line between sentences).")],
    format_: Annotated[Literal["pfsa"], typer.Option("--format", help="Gold layout.")] = "pfsa",
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score quotes, cues and speakers: entity-level P/R/F1 and speaker-attribution accuracy."""
    result = run_scorer(lambda: evaluate_pfsa(data))
    if json_:
        echo_json(result)
        return
    t = prf_table(f"warta eval quotes — {data} ({result['documents']} articles)",
                  [("micro", result), *((f"  {k}", v) for k, v in result["per_label"].items())])
    console = Console()
    console.print(t)
    a = result["attribution"]
    console.print(
        f"speaker attribution {a['accuracy']:.4f} ({a['correct']}/{a['total']})   "
        f"{result['words_per_second']:,.0f} words/s (quote step)"
    )
