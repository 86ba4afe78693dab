"""A time and memory budget per article, enforced in the process that analyses it.

Every stage is linear in its input or capped (see :class:`~warta.article.Limit`), so an
article's cost grows with its size; the budget is the backstop for what no cap foresaw. A
:class:`Watchdog` runs a function (the pipeline on one article) in the calling thread while
a helper thread watches the clock, the process's resident memory and a cancel flag. When
the article runs over, the watchdog raises :class:`OverBudget` inside the working thread
(CPython's ``PyThreadState_SetAsyncExc``; it lands at the next bytecode, so a long call
into C finishes first, which the stages' linear bounds keep short), and :meth:`Watchdog.run`
turns it into an :class:`~warta.errors.OverBudgetError` (W205) naming the limit.

``OverBudget`` derives from ``BaseException``, so that the steps' own ``except Exception``
handlers and the pipeline's per-step error records let it through.

Example:
    >>> dog = Watchdog(Budget(seconds=0.2))
    >>> dog.run(sum, [1, 2, 3])
    6
    >>> def spin() -> None:
    ...     while True:
    ...         pass
    >>> dog.run(spin)
    Traceback (most recent call last):
    ...
    warta.errors.OverBudgetError: [W205] over the time budget of 0.2 s per article
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from warta.article import Article, StepError
from warta.errors import OverBudgetError
from warta.io import Reject

if TYPE_CHECKING:
    from warta.config import Settings

__all__ = [
    "BUDGET_STEP",
    "Budget",
    "OverBudget",
    "Watchdog",
    "analyse_within",
    "over_budget_reject",
    "process_rss_mb",
    "watchdog_for",
]

T = TypeVar("T")

# How often the helper thread looks (seconds): a budget overrun is caught within this.
_INTERVAL = 0.02


class OverBudget(BaseException):
    """Raised inside the working thread when its article runs over budget or is cancelled."""


@dataclass(frozen=True)
class Budget:
    """What one article may cost: wall seconds, and growth of resident memory in MB.

    ``None`` means no limit of that kind.
    """

    seconds: float | None = None
    memory_mb: float | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> Budget:
        return cls(seconds=settings.article_seconds or None, memory_mb=settings.article_memory_mb or None)

    @property
    def unlimited(self) -> bool:
        return self.seconds is None and self.memory_mb is None


def process_rss_mb() -> float:
    """Resident memory of this process, in MB."""
    import psutil

    return float(psutil.Process().memory_info().rss) / 2**20


class _Job:
    __slots__ = ("base_mb", "cancelled", "fired", "started", "tid")

    def __init__(self, base_mb: float) -> None:
        self.tid = threading.get_ident()
        self.started = time.monotonic()
        self.base_mb = base_mb
        self.fired: str | None = None
        self.cancelled = False


def _raise_in(tid: int, exc: type[BaseException] | None) -> None:
    """Schedule ``exc`` in thread ``tid`` (None clears a scheduled one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(exc) if exc else None)


class Watchdog:
    """Runs functions under a :class:`Budget`, one at a time per thread that calls :meth:`run`.

    Args:
        budget: the limits.
        cancel: a callable polled with the checks; when it returns True the running article
            is stopped as cancelled (a server whose client went away).

    The helper thread starts on the first :meth:`run` and stops with the process (daemon).
    """

    def __init__(self, budget: Budget, *, cancel: Callable[[], bool] | None = None) -> None:
        self.budget = budget
        self.cancel_check = cancel
        self._lock = threading.Lock()
        self._jobs: dict[int, _Job] = {}
        self._thread: threading.Thread | None = None

    def run(self, fn: Callable[..., T], /, *args: Any) -> T:
        """``fn(*args)`` within the budget.

        Raises:
            OverBudgetError: it ran over the time or memory budget, or was cancelled (W205).
        """
        if self.budget.unlimited and self.cancel_check is None:
            return fn(*args)
        job = _Job(process_rss_mb() if self.budget.memory_mb is not None else 0.0)
        self._start()
        try:
            try:
                with self._lock:
                    self._jobs[job.tid] = job
                result = fn(*args)
            finally:
                with self._lock:
                    self._jobs.pop(job.tid, None)
                if job.fired is not None:
                    _raise_in(job.tid, None)  # fired, but not landed yet: take it back
        except OverBudget:
            raise OverBudgetError(job.fired or "stopped") from None
        if job.fired is not None:
            raise OverBudgetError(job.fired)
        return result

    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            with self._lock:
                if self._thread is None or not self._thread.is_alive():
                    self._thread = threading.Thread(target=self._watch, name="warta-watchdog", daemon=True)
                    self._thread.start()

    def _watch(self) -> None:
        while True:
            time.sleep(_INTERVAL)
            with self._lock:
                if not self._jobs:
                    continue
                rss = process_rss_mb() if self.budget.memory_mb is not None else 0.0
                cancelled = self.cancel_check is not None and self.cancel_check()
                now = time.monotonic()
                for job in self._jobs.values():
                    if job.fired is None:
                        job.fired = self._verdict(job, now=now, rss=rss, cancelled=cancelled)
                        if job.fired is not None:
                            _raise_in(job.tid, OverBudget)

    def _verdict(self, job: _Job, *, now: float, rss: float, cancelled: bool) -> str | None:
        b = self.budget
        if cancelled:
            return "cancelled: the client went away"
        if b.seconds is not None and now - job.started > b.seconds:
            return f"over the time budget of {b.seconds:g} s per article"
        if b.memory_mb is not None and rss - job.base_mb > b.memory_mb:
            return (
                f"over the memory budget of {b.memory_mb:g} MB per article "
                f"(the process grew by {rss - job.base_mb:,.0f} MB)"
            )
        return None


# One watchdog per process and budget: its helper thread serves every article of the process.
_WATCHDOGS: dict[Budget, Watchdog] = {}
_WATCHDOGS_LOCK = threading.Lock()

# The step name under which an over-budget article records its W205 error.
BUDGET_STEP = "budget"


def watchdog_for(budget: Budget) -> Watchdog:
    """This process's watchdog for ``budget``."""
    with _WATCHDOGS_LOCK:
        dog = _WATCHDOGS.get(budget)
        if dog is None:
            dog = _WATCHDOGS[budget] = Watchdog(budget)
        return dog


def analyse_within(pipe: Callable[[Article], Article], article: Article, budget: Budget | None) -> Article:
    """``pipe(article)`` within ``budget``.

    An article over budget comes back stripped to its id and source, with a W205
    :class:`~warta.article.StepError` of step ``budget``: what the steps had done is dropped,
    and :func:`over_budget_reject` turns it into a reject.
    """
    if budget is None or budget.unlimited:
        return pipe(article)
    try:
        return watchdog_for(budget).run(pipe, article)
    except OverBudgetError as exc:
        return Article(
            id=article.id,
            raw="",
            input_format=article.input_format,
            source=article.source,
            errors=[StepError(step=BUDGET_STEP, code=exc.code, message=exc.message)],
        )


def over_budget_reject(article: Article) -> Reject | None:
    """The reject of an article that ran over budget (see :func:`analyse_within`), else None."""
    for error in article.errors:
        if error.step == BUDGET_STEP and error.code == OverBudgetError.code:
            return Reject(article.source.path or article.id, error.code, error.message)
    return None
