"""The per-article budget: time, memory and cancellation, enforced from a helper thread."""

from __future__ import annotations

import contextlib
import signal
import time

import pytest

from warta.article import Article, Source
from warta.budget import Budget, Watchdog, analyse_within, over_budget_reject
from warta.errors import OverBudgetError


def _spin() -> None:
    while True:
        pass


def test_quick_work_returns_its_result() -> None:
    assert Watchdog(Budget(seconds=5.0, memory_mb=500)).run(sorted, [3, 1, 2]) == [1, 2, 3]


def test_work_over_the_time_budget_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(OverBudgetError, match=r"\[W205\] over the time budget of 0.2 s"):
        Watchdog(Budget(seconds=0.2)).run(_spin)
    assert time.monotonic() - started < 2.0


def test_work_over_the_memory_budget_is_stopped() -> None:
    def hog() -> list[bytes]:
        held = []
        for _ in range(2000):  # up to 2 GB, written so the pages are resident
            held.append(b"x" * (1 << 20))
        return held

    with pytest.raises(OverBudgetError, match="over the memory budget of 64 MB"):
        Watchdog(Budget(memory_mb=64)).run(hog)


def test_a_handler_for_exception_does_not_swallow_the_stop() -> None:
    def stubborn() -> None:
        while True:
            with contextlib.suppress(Exception):  # a step's own error handling must not keep it running
                time.sleep(0.001)

    with pytest.raises(OverBudgetError):
        Watchdog(Budget(seconds=0.1)).run(stubborn)


def test_cancel_stops_the_work() -> None:
    flag = {"cancel": False}

    def work() -> None:
        flag["cancel"] = True
        _spin()

    with pytest.raises(OverBudgetError, match="cancelled"):
        Watchdog(Budget(), cancel=lambda: flag["cancel"]).run(work)


def test_no_stop_lands_after_the_work_ends() -> None:
    # Work that ends right around its budget, many times: a stop fired as it ends must not
    # surface later, in the caller's own code.
    dog = Watchdog(Budget(seconds=0.02))
    outcomes = set()
    for _ in range(40):
        try:
            dog.run(time.sleep, 0.02)
            outcomes.add("ok")
        except OverBudgetError:
            outcomes.add("over")
        for _ in range(20_000):  # plenty of bytecodes for a stray exception to land in
            pass
    assert outcomes <= {"ok", "over"}


def test_an_article_over_budget_becomes_a_reject() -> None:
    article = Article(id="a1", raw="Hujan turun.", source=Source(path="korpus/a1.txt"))

    def pipeline(a: Article) -> Article:
        a.text = "partial"
        _spin()
        return a

    out = analyse_within(pipeline, article, Budget(seconds=0.1))
    assert out.raw == "" and out.text == ""  # what the steps did is dropped
    reject = over_budget_reject(out)
    assert reject is not None
    assert (reject.source, reject.code) == ("korpus/a1.txt", "W205")
    assert "time budget" in reject.reason


def test_an_article_within_budget_is_no_reject() -> None:
    article = Article(id="a1", raw="Hujan turun.")
    out = analyse_within(lambda a: a, article, Budget(seconds=5.0))
    assert out is article and over_budget_reject(out) is None


class _Spin:
    name = "spin"
    requires = ("raw",)
    provides = ()

    def __call__(self, article: Article) -> Article:
        if "lama" in article.raw:
            _spin()
        return article


def test_engine_workers_apply_the_budget() -> None:
    # The functions each worker process runs, called here: a pool's worker and a Dask task.
    from warta.article import from_json, to_json
    from warta.engines import dask as dask_engine
    from warta.engines import local
    from warta.registry import register

    register("warta.test.spin.v1", _Spin)
    budget = Budget(seconds=0.1)
    slow = to_json(Article(id="b", raw="proses lama", source=Source(path="b.txt")))
    quick = to_json(Article(id="a", raw="cepat", source=Source(path="a.txt")))
    previous = signal.getsignal(signal.SIGINT)
    try:
        local._init_worker(("warta.test.spin.v1",), budget)  # it ignores SIGINT, as a worker does
    finally:
        signal.signal(signal.SIGINT, previous)
    out = [from_json(local._work(p)) for p in (quick, slow)]
    assert [over_budget_reject(a) is None for a in out] == [True, False]
    out = [from_json(p) for p in dask_engine._run_batch(("warta.test.spin.v1",), [quick, slow], budget)]
    assert [over_budget_reject(a) is None for a in out] == [True, False]
