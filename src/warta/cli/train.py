"""``warta train ner`` (also ``warta build ner``): train the NER models from the shared data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from warta.errors import WartaError

__all__ = ["train_app"]

train_app = typer.Typer(help="Train a stage's model from ../shared/data.", no_args_is_help=True)


def _resources_dir() -> Path:
    import warta.stages.ner

    return Path(warta.stages.ner.__file__).resolve().parent / "resources"


@train_app.command("ner")
def ner_cmd(
    benchmark: Annotated[
        str | None,
        typer.Option(
            "--benchmark",
            help="nerui, nerugm, nerp, nergrit or idner: that benchmark's train-only model NAME-train "
            "(held-out dev scores; the dev gates use it), or with --include-dev the shipped refit NAME "
            "that 'warta eval ner' picks.",
        ),
    ] = None,
    production: Annotated[
        bool, typer.Option("--production", help="The production model 'news' (harmonised union of all sets).")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", help="Folder for the model (default: the package's resources).")
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option("--data", help="The shared data folder (default: $WARTA_DATA, else ../shared/data)."),
    ] = None,
    include_dev: Annotated[
        bool,
        typer.Option(
            "--include-dev",
            help="Train on train+dev (dev scores are then not held out): with --benchmark, the refit NAME.",
        ),
    ] = False,
    fraction: Annotated[
        float,
        typer.Option(
            "--fraction",
            min=0.0,
            max=1.0,
            help="With --benchmark: train on this random share of the train split (learning curves).",
        ),
    ] = 1.0,
    seed: Annotated[int, typer.Option("--seed", help="With --fraction: the random draw.")] = 0,
) -> None:
    """Train a NER model; its JSON records data hashes, parameters and this command.

    Each benchmark ships two models with one recipe: NAME-train (train only) and NAME (train+dev).
    The nergrit and nerp recipes add a BiLSTM-CRF to the CRF, which needs PyTorch to train
    (pip install 'warta[ner-neural]').
    """
    from warta.training.ner import BENCHMARKS, train_benchmark, train_production

    console = Console(stderr=True)
    if production == (benchmark is not None):
        console.print("[red]error[/] give exactly one of --benchmark NAME or --production")
        raise typer.Exit(2)
    if benchmark is not None and benchmark not in BENCHMARKS:
        console.print(f"[red]error[/] unknown benchmark {escape(benchmark)} (known: {', '.join(BENCHMARKS)})")
        raise typer.Exit(2)
    if fraction < 1.0 and (production or output is None):
        console.print("[red]error[/] --fraction trains a learning-curve model: give --benchmark and --output")
        raise typer.Exit(2)
    if fraction <= 0.0:
        console.print("[red]error[/] --fraction must be above 0")
        raise typer.Exit(2)
    folder = output or _resources_dir()
    from warta.paths import data_root

    data = data_root(data)
    try:
        if benchmark is not None:
            meta = train_benchmark(
                data, benchmark, folder, include_dev=include_dev, fraction=fraction, seed=seed
            )
        else:
            meta = train_production(data, folder, include_dev=include_dev)
    except (WartaError, FileNotFoundError) as exc:
        console.print(f"[red]error[/] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    typer.echo(json.dumps({k: meta[k] for k in ("name", "command", "training", "dev")}, ensure_ascii=False))
