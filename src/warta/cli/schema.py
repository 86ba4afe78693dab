"""``warta schema``: print the JSON Schema of the Article record."""

from __future__ import annotations

import json

import typer

from warta.article import article_json_schema

__all__ = ["schema_cmd"]


def schema_cmd() -> None:
    """Print the JSON Schema of the Article record."""
    typer.echo(json.dumps(article_json_schema(), indent=2, ensure_ascii=False))
