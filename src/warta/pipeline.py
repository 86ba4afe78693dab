"""Steps and the pipeline that runs them.

A step is a callable ``Article -> Article`` with a ``name`` and the fields it
``requires`` and ``provides``. :class:`Pipeline` checks the order when it is built,
so a pipeline that would run NER before segmentation fails at construction, not
halfway through a corpus. A step that raises on one article records a
:class:`~warta.article.StepError` on that article; the steps that needed its
output are skipped for that article and the batch goes on.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar, Protocol, runtime_checkable

from warta.article import Article, StepError
from warta.errors import PipelineOrderError, StepFailedError, StepSkippedError, WartaError

__all__ = ["BASE_FIELDS", "Pipeline", "Step", "StepStats"]

logger = logging.getLogger(__name__)

# Fields a freshly read Article already has.
BASE_FIELDS: tuple[str, ...] = ("raw", "source", "published")


@runtime_checkable
class Step(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    provides: ClassVar[tuple[str, ...]]

    def __call__(self, article: Article) -> Article: ...


class StepStats:
    """Per step: articles seen, failed, skipped (with the codes of why), and CPU seconds.

    ``warta analyze --stats`` prints them and ``warta bench`` reports them.
    """

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()
        self.failed: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        self.reasons: Counter[tuple[str, str]] = Counter()
        self.seconds: dict[str, float] = {}

    def as_dict(self) -> dict[str, dict[str, Any]]:
        """``{step: {"seen", "failed", "skipped", "seconds", "reasons": {code: n}}}``, in step order."""
        names = list(dict.fromkeys([*self.seen, *self.failed, *self.skipped]))
        return {
            n: {
                "seen": self.seen[n],
                "failed": self.failed[n],
                "skipped": self.skipped[n],
                "seconds": round(self.seconds.get(n, 0.0), 4),
                "reasons": {code: k for (step, code), k in sorted(self.reasons.items()) if step == n},
            }
            for n in names
        }


class Pipeline:
    """An ordered list of steps whose contracts have been checked.

    Args:
        steps: the steps, in the order they run.
        initial: fields present before the first step runs.

    Raises:
        PipelineOrderError: a step requires a field that no earlier step provides.
    """

    def __init__(self, steps: Sequence[Step], *, initial: Iterable[str] = BASE_FIELDS) -> None:
        available = set(initial)
        for i, step in enumerate(steps):
            missing = [f for f in step.requires if f not in available]
            if missing:
                raise PipelineOrderError(
                    f"step {i} '{step.name}' requires {', '.join(missing)}, which no earlier step provides "
                    f"(available: {', '.join(sorted(available))})"
                )
            available.update(step.provides)
        self.steps: list[Step] = list(steps)
        self.provides = frozenset(available)
        self.stats = StepStats()

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]

    def __call__(self, article: Article) -> Article:
        failed_fields: set[str] = set()
        for step in self.steps:
            self.stats.seen[step.name] += 1
            lacking = [f for f in step.requires if f in failed_fields]
            if lacking:
                self.stats.skipped[step.name] += 1
                article.errors.append(
                    StepError(
                        step=step.name,
                        code=StepSkippedError.code,
                        message=f"skipped: {', '.join(lacking)} missing",
                    )
                )
                self.stats.reasons[(step.name, StepSkippedError.code)] += 1
                failed_fields.update(step.provides)
                continue
            began = time.process_time()
            try:
                article = step(article)
            except WartaError as exc:
                self._record(article, step, exc.code, exc.message)
                failed_fields.update(step.provides)
            except Exception as exc:  # the engine boundary: record id and step, go on
                logger.exception("step %s failed on article %s", step.name, article.id)
                self._record(article, step, StepFailedError.code, f"{type(exc).__name__}: {exc}")
                failed_fields.update(step.provides)
            else:
                article.provided.extend(f for f in step.provides if f not in article.provided)
            finally:
                self.stats.seconds[step.name] = (
                    self.stats.seconds.get(step.name, 0.0) + time.process_time() - began
                )
        return article

    def _record(self, article: Article, step: Step, code: str, message: str) -> None:
        self.stats.failed[step.name] += 1
        self.stats.reasons[(step.name, code)] += 1
        article.errors.append(StepError(step=step.name, code=code, message=message))

    def process_batch(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run every article through the pipeline; failures are recorded, never raised."""
        for article in articles:
            yield self(article)
