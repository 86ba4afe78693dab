"""``warta eval html``: article-body extraction scores on news pages, beside trafilatura."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warta.cli._common import echo_json, run_scorer

__all__ = ["html_cmd"]


def html_cmd(
    data: Annotated[Path, typer.Option("--data", help="The folder of the pages (../shared/data/news-html).")],
    gold: Annotated[Path, typer.Option("--gold", help="The body gold (block indices per page).")] = Path(
        "eval/gold/html-bodies.jsonl"
    ),
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score article bodies (4-word shingle P/R/F1, averaged over pages) for warta and trafilatura."""
    from warta.evaluation.html_gold import evaluate_html

    result = run_scorer(lambda: evaluate_html(data, gold=gold))
    if json_:
        echo_json(result)
        return
    t = Table(title=escape(f"warta eval html — {data} ({result['pages']} pages)"))
    for col in ("system", "precision", "recall", "F1", "pages/s"):
        t.add_column(col, justify="left" if col == "system" else "right")
    for name, s in result["systems"].items():
        t.add_row(
            name, f"{s['precision']:.4f}", f"{s['recall']:.4f}", f"{s['f1']:.4f}", f"{s['pages_per_second']}"
        )
    Console().print(t)
