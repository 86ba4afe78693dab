"""Reading the language data shipped inside the package (``stages/*/resources/``).

Stages call these from their own lazy, cached loaders; nothing is read at import time.
"""

from __future__ import annotations

from importlib import resources

from warta.errors import ResourceError

__all__ = ["read_resource", "resource_lines", "resource_words"]


def read_resource(stage: str, name: str) -> str:
    """The text of ``stages/<stage>/resources/<name>``.

    Raises:
        ResourceError: the file is not in the installed package.
    """
    try:
        return (
            resources.files(f"warta.stages.{stage}").joinpath("resources", name).read_text(encoding="utf-8")
        )
    except FileNotFoundError as exc:
        raise ResourceError(f"packaged resource missing: stages/{stage}/resources/{name}") from exc


def resource_lines(stage: str, name: str) -> list[str]:
    """Non-empty lines of a resource, without ``#`` comment lines, stripped."""
    return [
        ln.strip() for ln in read_resource(stage, name).splitlines() if ln.strip() and not ln.startswith("#")
    ]


def resource_words(stage: str, name: str) -> frozenset[str]:
    """The lines of a word-list resource, lower case; an empty list is a packaging error."""
    words = frozenset(ln.lower() for ln in resource_lines(stage, name))
    if not words:
        raise ResourceError(f"packaged resource is empty: stages/{stage}/resources/{name}")
    return words
