"""``warta eval ner``: entity-level scores of a shipped NER model on a gold file."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from warta.cli._common import echo_json, prf_table, run_scorer

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
        str | None,
        typer.Option(
            "--model",
            help="Shipped model name (default: the one matching the file's labels, refit on train+dev; "
            "name NAME-train, e.g. nergrit-train, for held-out dev scores).",
        ),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score named entities (conlleval/seqeval semantics): micro and per-type P/R/F1."""
    from warta.evaluation.ner import evaluate_ner

    result = run_scorer(lambda: evaluate_ner(data, format=format_.value, model=model))
    if json_:
        echo_json(result)
        return
    t = prf_table(
        f"warta eval ner — {data} (model {result['model']})",
        [*result["per_label"].items(), ("micro", result)],
        first="label",
    )
    t.caption = f"{result['tokens']:,} tokens, {result['tokens_per_second']:,} tokens/s"
    Console().print(t)
