"""``warta eval STAGE``: score a stage against gold data. One sub-command per stage."""

from __future__ import annotations

import typer

__all__ = ["eval_app"]

eval_app = typer.Typer(help="Score a stage against gold data.", no_args_is_help=True)
