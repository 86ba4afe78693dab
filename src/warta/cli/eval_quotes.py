"""``warta eval quotes``: quote and speaker attribution scores (PFSA-ID, or warta's real-text gold)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from warta.cli._common import echo_json, prf_table, run_scorer

__all__ = ["quotes_cmd"]


def quotes_cmd(
    data: Annotated[
        Path | None,
        typer.Option("--data", help="PFSA-ID file (token<TAB>label), or a warta quote gold file (JSONL)."),
    ] = None,
    format_: Annotated[Literal["pfsa", "warta"], typer.Option("--format", help="Gold layout.")] = "pfsa",
    json_: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    data_root: Annotated[
        Path | None,
        typer.Option(
            "--data-root",
            help="warta gold: the folder of the corpora (default: $WARTA_DATA or ../shared/data).",
        ),
    ] = None,
    split: Annotated[
        Literal["dev", "heldout", "all"],
        typer.Option(
            "--split", help="warta gold: which articles (score 'heldout' only at the end of a session)."
        ),
    ] = "dev",
    errors: Annotated[
        bool, typer.Option("--errors", help="warta gold: list every miss, false quote and wrong speaker.")
    ] = False,
    db: Annotated[
        str | None, typer.Option("--db", help="With --reviewed: the corpus store (a file or a URL).")
    ] = None,
    reviewed: Annotated[
        bool,
        typer.Option("--reviewed", help="Score against what reviewers confirmed or corrected in --db."),
    ] = False,
    record: Annotated[
        bool,
        typer.Option(
            "--record/--no-record",
            help="With --reviewed: keep the scores in the store (accuracy over time, /review/accuracy).",
        ),
    ] = True,
) -> None:
    """Score quotes and speakers: PFSA-ID entity-level P/R/F1 and attribution accuracy, or, on
    warta's gold of real articles (or on what reviewers confirmed or corrected in a store, with
    --db --reviewed), span P/R/F1, speaker accuracy, joint F1 and calibration."""
    if reviewed or db is not None:
        if not (reviewed and db):
            Console(stderr=True).print("[red]error[/] --reviewed and --db go together")
            raise typer.Exit(2)
        from warta.review_accuracy import evaluate_store

        store_url = db
        result = run_scorer(lambda: evaluate_store(store_url, errors=errors, record=record))
        if json_:
            echo_json(result)
            return
        _print_warta(result)
        if "recorded" in result:
            Console(stderr=True).print(
                f"recorded as run {result['recorded']['id']} (pipeline {result['recorded']['pipeline']}): "
                "see /review/accuracy",
                highlight=False,
            )
        return
    if data is None:
        Console(stderr=True).print("[red]error[/] give --data (or --db with --reviewed)")
        raise typer.Exit(2)
    if format_ == "warta":
        from warta.evaluation.quote_gold import evaluate_quote_gold

        root = data_root or Path(os.environ.get("WARTA_DATA", "../shared/data"))
        result = run_scorer(lambda: evaluate_quote_gold(data, data_root=root, split=split, errors=errors))
        if json_:
            echo_json(result)
            return
        _print_warta(result)
        return

    from warta.evaluation.pfsa import evaluate_pfsa

    result = run_scorer(lambda: evaluate_pfsa(data))
    if json_:
        echo_json(result)
        return
    t = prf_table(
        f"warta eval quotes — {data} ({result['documents']} articles)",
        [("micro", result), *((f"  {k}", v) for k, v in result["per_label"].items())],
    )
    console = Console()
    console.print(t)
    a = result["attribution"]
    console.print(
        f"speaker attribution {a['accuracy']:.4f} ({a['correct']}/{a['total']})   "
        f"{result['words_per_second']:,.0f} words/s (quote step)"
    )


def _print_warta(result: dict[str, Any]) -> None:
    console = Console()
    t = Table(
        title=escape(
            f"warta eval quotes — {result['gold_file']} ({result['split']}: {result['articles']} "
            f"articles, {result['outlets']} outlets)"
        )
    )
    for col in ("", "gold", "pred", "span P", "span R", "span F1", "speaker acc", "joint F1", "date acc"):
        t.add_column(col, justify="left" if not col else "right")

    def row(name: str, r: dict[str, Any]) -> None:
        date = "-" if r["date_accuracy"] is None else f"{r['date_accuracy']:.3f} ({r['dated']})"
        t.add_row(
            escape(name),
            str(r["gold"]),
            str(r["predicted"]),
            f"{r['span']['precision']:.3f}",
            f"{r['span']['recall']:.3f}",
            f"{r['span']['f1']:.3f}",
            f"{r['speaker_accuracy']:.3f}",
            f"{r['joint']['f1']:.3f}",
            date,
        )

    row("all", result)
    for outlet, r in result["per_outlet"].items():
        row(f"  {outlet}", r)
    console.print(t)
    cal = result["calibration"]
    if cal["ece"] is not None:
        console.print(f"confidence calibration: ECE {cal['ece']:.3f} over {cal['n']} predicted quotes")
    crashed = result.get("step_failures", [])
    if crashed:
        console.print(
            f"[red]a step failed on {len(crashed)} article(s); the scores above count them as missed:[/]",
            highlight=False,
        )
        for line in crashed[:10]:
            console.print(f"  {escape(line)}", highlight=False)
    for e in result.get("errors", []):
        g, p = e.get("gold", {}), e.get("predicted", {})
        what = {"fn": "missed", "fp": "not a gold quote", "tp": "wrong speaker"}[e["status"]]
        console.print(
            f"[yellow]{what}[/] {escape(e['article'])}: gold {escape(str(g.get('speaker')))} "
            f"[{escape(str(g.get('text', ''))[:90])}] | predicted {escape(str(p.get('speaker')))} "
            f"[{escape(str(p.get('text', ''))[:90])}]",
            highlight=False,
        )
