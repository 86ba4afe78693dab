"""What every engine offers: run a pipeline, named by registry keys, over many articles.

Steps do not know where they run. An engine receives the *keys* of the steps (not step
objects), so each worker builds its own pipeline once and loads models once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, runtime_checkable

from warta.article import Article
from warta.registry import StepRef

__all__ = ["Engine"]


@runtime_checkable
class Engine(Protocol):
    """Runs the steps named by ``steps`` over ``articles``, yielding results in input order.

    A step that fails on one article records a StepError on it (see warta.pipeline);
    engines never drop an article.
    """

    def run(self, articles: Iterable[Article], *, steps: Sequence[StepRef]) -> Iterator[Article]: ...

    def close(self) -> None: ...
