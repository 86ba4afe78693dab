"""``warta eval seed``: acceptance check of one hand-annotated article."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warta.cli._common import echo_json, run_scorer
from warta.evaluation.seed import check_seed

__all__ = ["seed_cmd"]


def seed_cmd(
    data: Annotated[
        Path | None, typer.Option("--data", help="A folder with article.txt and expected.json.")
    ] = None,
    article: Annotated[
        Path | None, typer.Option("--article", help="The article text (default: DATA/article.txt).")
    ] = None,
    expected: Annotated[
        Path | None, typer.Option("--expected", help="Its annotation (default: DATA/expected.json).")
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score the pipeline on one hand-annotated article and list unmet expectations."""
    article = article or (data / "article.txt" if data else None)
    expected = expected or (data / "expected.json" if data else None)
    if article is None or expected is None:
        Console(stderr=True).print("[red]error[/] give --data DIR, or --article and --expected")
        raise typer.Exit(2)
    article_path, expected_path = article, expected
    result = run_scorer(lambda: check_seed(article_path, expected_path))
    if json_:
        echo_json(result)
        return
    t = Table(title=f"seed check — {escape(str(article))}")
    for col in ("part", "precision", "recall", "f1", "support"):
        t.add_column(col, justify="left" if col == "part" else "right")
    for name, s in result["per_label"].items():
        t.add_row(name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", str(s["support"]))
    t.add_row(
        "[bold]all",
        f"{result['precision']:.3f}",
        f"{result['recall']:.3f}",
        f"[bold]{result['f1']:.3f}",
        str(result["support"]),
    )
    console = Console()
    console.print(t)
    for f in result["failures"]:
        console.print(f"[yellow]✗[/] {escape(f)}")
