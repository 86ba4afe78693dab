"""``warta build``: the one way to build warta's artefacts from the shared data.

    warta build resources clean|segment|ner|quotes [--data DIR]   # word lists, abbreviations, NER word classes
    warta build ner --benchmark NAME | --production ...    # the CRF (+ BiLSTM-CRF) taggers
    warta build summary lexicon|ranker|topic [--data DIR]  # stop words, stems, idf; the ranker; the topic model

The data root is ``--data``, else ``$WARTA_DATA``, else ``../shared/data``. Every artefact
records its data's hashes and the command that built it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from warta.cli.train import ner_cmd

__all__ = ["build_app"]

build_app = typer.Typer(
    help="Build warta's artefacts (models, word lists) from the shared data.", no_args_is_help=True
)
build_app.command("ner")(ner_cmd)

_RESOURCES = ("clean", "segment", "ner", "quotes")
_SUMMARY = ("lexicon", "ranker", "topic")


def _data_args(data: Path | None) -> list[str]:
    return ["--data", str(data)] if data is not None else []


@build_app.command("resources")
def resources_cmd(
    what: Annotated[str, typer.Argument(help="clean, segment, ner or quotes")],
    data: Annotated[Path | None, typer.Option("--data", help="The shared data folder.")] = None,
    only: Annotated[
        str | None, typer.Option("--only", help="With ner: clusters, embeddings or gazetteer only.")
    ] = None,
) -> None:
    """Word lists and tables a stage reads: clean (Indonesian words, function words), segment
    (abbreviations, sentence starters), ner (word classes, embeddings, gazetteer), quotes
    (words that open a sentence as an adverbial)."""
    if what not in _RESOURCES:
        raise typer.BadParameter(f"unknown resources {what!r} (known: {', '.join(_RESOURCES)})")
    args = _data_args(data)
    if what == "clean":
        from warta.training.clean_resources import main as build_clean

        build_clean(args)
    elif what == "quotes":
        from warta.training.quote_resources import main as build_quotes

        build_quotes(args)
    elif what == "segment":
        from warta.training.segment_resources import main as build_segment

        build_segment(args)
    else:
        from warta.training.ner_resources import main as build_ner

        raise typer.Exit(build_ner(args + (["--only", only] if only else [])))


@build_app.command("summary")
def summary_cmd(
    what: Annotated[str, typer.Argument(help="lexicon, ranker or topic")],
    data: Annotated[Path | None, typer.Option("--data", help="The shared data folder.")] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", help="Folder for the artefacts (default: the package's resources)."),
    ] = None,
) -> None:
    """The summary stage's artefacts: lexicon (stop words, stems, idf), ranker, topic model."""
    if what not in _SUMMARY:
        raise typer.BadParameter(f"unknown summary artefact {what!r} (known: {', '.join(_SUMMARY)})")
    from warta.training.summary import main as build_summary

    raise typer.Exit(build_summary([what, *_data_args(data), *(["--output", str(output)] if output else [])]))
