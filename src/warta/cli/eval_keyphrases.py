"""``warta eval keyphrases``: keyphrase extraction scores (KEPS)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console

from warta.cli._common import echo_json, prf_table, run_scorer

__all__ = ["keyphrases_cmd"]


def keyphrases_cmd(
    data: Annotated[
        Path, typer.Option("--data", help="KEPS file (token<TAB>B/I/O, blank line between texts).")
    ],
    format_: Annotated[Literal["keps"], typer.Option("--format", help="Gold layout.")] = "keps",
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score keyphrases: exact span P/R/F1 and phrase-string P/R/F1 per text."""
    from warta.evaluation.keyphrases import evaluate_keps

    result = run_scorer(lambda: evaluate_keps(data))
    if json_:
        echo_json(result)
        return
    spans = {**result, "support": result["gold"]}
    Console().print(
        prf_table(
            f"warta eval keyphrases — {data} ({result['documents']} texts)",
            [("spans", spans), ("phrases", result["per_label"]["phrase"])],
        )
    )
