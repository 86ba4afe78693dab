"""Run the pipeline over inputs: the library side of ``warta analyze``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from warta.api_analyze import build_pipeline
from warta.article import Article
from warta.config import Settings
from warta.io import Reject, read_inputs
from warta.pipeline import Pipeline

__all__ = ["analyze_inputs"]


def analyze_inputs(
    paths: Sequence[str | Path],
    *,
    settings: Settings,
    pipeline: Pipeline | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Article | Reject]:
    """Read every input and run it through the pipeline; bad inputs come out as Rejects.

    Args:
        paths: files, folders, or ``-`` for standard input.
        settings: reader limits and field mappings, and the default pipeline.
        pipeline: the pipeline to run (default: ``settings.pipeline``).
        stdin: the stream ``-`` reads.
    """
    pipe = pipeline or build_pipeline(settings=settings)
    for item in read_inputs(paths, settings=settings, stdin=stdin):
        if isinstance(item, Reject):
            yield item
        else:
            yield pipe(item)
