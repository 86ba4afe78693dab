"""``warta eval summary``: ROUGE of extractive summaries against IndoSum, beside Lead-3 and the oracle."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warta.cli._common import echo_json, run_scorer
from warta.evaluation.indosum import evaluate_summary

__all__ = ["summary_cmd"]


def summary_cmd(
    data: Annotated[
        Path, typer.Option("--data", help="IndoSum-style JSONL(.gz): paragraphs_tokens, summary_tokens.")
    ],
    format_: Annotated[Literal["indosum"], typer.Option("--format", help="Gold layout.")] = "indosum",
    k: Annotated[int, typer.Option("--k", help="Sentences per summary (the cap with --words).")] = 3,
    words: Annotated[
        int | None,
        typer.Option("--words", help="Add sentences by score until the summary has this many words."),
    ] = None,
    split: Annotated[
        Literal["all", "dev", "train"],
        typer.Option("--split", help="Score one split of the shared file (dev/train)."),
    ] = "all",
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score summaries with ROUGE-1/2/L F1 (lower-cased tokens, no stemming)."""
    result = run_scorer(lambda: evaluate_summary(data, k=k, target_words=words, split=split))
    if json_:
        echo_json(result)
        return
    t = Table(
        title=f"warta eval summary — {escape(str(data))} ({result['documents']} documents, split {split})"
    )
    t.add_column("")
    for col in ("ROUGE-1", "ROUGE-2", "ROUGE-L"):
        t.add_column(col, justify="right")
    for name, block in (("warta", result), ("Lead-3", result["lead3"]), ("oracle", result["oracle"])):
        per = block["per_label"]
        t.add_row(name, *(f"{100 * per[m]['f1']:.2f}" for m in ("rouge1", "rouge2", "rougeL")))
    console = Console()
    console.print(t)
    rate = result["words_per_second"]
    console.print(
        f"F1 means over documents; {escape(result['rouge'])}" + (f"; {rate:,} words/s" if rate else "")
    )
