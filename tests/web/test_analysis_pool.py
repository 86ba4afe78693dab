"""The server's analysis pool: worker processes, admission control, cancellation, budget."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from warta.budget import Budget
from warta.config import load_settings
from warta.errors import EmptyInputError, OverBudgetError
from warta.storage import Store
from warta.web.analysis import AnalysisPool, Busy, Cancelled, WorkerFailed
from warta.web.app import create_app

STEPS = ["warta.clean.v1", "warta.segment.v1"]
# Big enough that cleaning and segmenting it takes seconds.
BESAR = "Warga kota menanti kabar baik dari pemerintah daerah pekan ini. " * 120_000


def _run(coro: Any) -> Any:
    """``asyncio.run`` in a thread of its own: the browser tests leave an event loop running
    in the main thread (Playwright's sync API)."""
    with concurrent.futures.ThreadPoolExecutor(1) as ex:
        return ex.submit(asyncio.run, coro).result()


async def _never_gone() -> bool:
    return False


def _gone_after(seconds: float):  # type: ignore[no-untyped-def]
    until = time.monotonic() + seconds

    async def gone() -> bool:
        return time.monotonic() > until

    return gone


@pytest.fixture(scope="module")
def pool() -> AnalysisPool:
    p = AnalysisPool(STEPS, workers=1, queue=1, budget=Budget(seconds=60))
    yield p
    p.close()


def test_a_text_is_analysed_in_a_worker(pool: AnalysisPool) -> None:
    data = _run(pool.analyse({"text": "Harga Cabai Naik\n\nHarga cabai naik lagi."}, is_gone=_never_gone))
    assert b'"title":"Harga Cabai Naik"' in data
    assert pool.loaded and pool.admitted == 0


def test_input_errors_come_back_as_warta_errors(pool: AnalysisPool) -> None:
    with pytest.raises(EmptyInputError):
        _run(pool.analyse({"text": "   "}, is_gone=_never_gone))


def test_a_client_that_goes_away_stops_its_analysis(pool: AnalysisPool) -> None:
    started = time.monotonic()
    with pytest.raises(Cancelled):
        _run(pool.analyse({"text": BESAR}, is_gone=_gone_after(0.3)))
    assert time.monotonic() - started < 3.0
    # The worker lived through it and serves the next request.
    data = _run(pool.analyse({"text": "Hujan turun."}, is_gone=_never_gone))
    assert b"Hujan turun." in data


def test_a_full_pool_refuses_at_once() -> None:
    async def scenario() -> None:
        p = AnalysisPool(STEPS, workers=1, queue=0, budget=Budget(seconds=60))
        try:
            slow = asyncio.ensure_future(p.analyse({"text": BESAR}, is_gone=_gone_after(1.0)))
            await asyncio.sleep(0.05)
            with pytest.raises(Busy):
                await p.analyse({"text": "Hujan turun."}, is_gone=_never_gone)
            with pytest.raises(Cancelled):
                await slow
        finally:
            p.close()

    _run(scenario())


def test_an_analysis_over_budget_is_an_error_and_the_worker_goes_on() -> None:
    p = AnalysisPool(STEPS, workers=1, queue=0, budget=Budget(seconds=0.3))
    try:
        _run(p.analyse({"text": "Hujan turun."}, is_gone=_never_gone))  # loads the steps
        with pytest.raises(OverBudgetError, match=r"time budget of 0\.3 s"):
            _run(p.analyse({"text": BESAR}, is_gone=_never_gone))
        assert b"Hujan" in _run(p.analyse({"text": "Hujan turun."}, is_gone=_never_gone))
    finally:
        p.close()


def test_a_worker_that_dies_is_replaced() -> None:
    async def scenario(p: AnalysisPool) -> None:
        job = asyncio.ensure_future(p.analyse({"text": BESAR}, is_gone=_never_gone))
        while not p._all or not p._all[0].ready:
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)
        os.kill(p._all[0].process.pid, signal.SIGKILL)
        with pytest.raises(WorkerFailed):
            await job
        assert b"Hujan" in await p.analyse({"text": "Hujan turun."}, is_gone=_never_gone)

    p = AnalysisPool(STEPS, workers=1, queue=0, budget=Budget(seconds=60))
    try:
        _run(scenario(p))
    finally:
        p.close()


def _error(r, status: int, code: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    assert r.status_code == status, r.text
    body = r.json()
    assert body["error"]["code"] == code
    return body  # type: ignore[no-any-return]


def test_api_answers_busy_with_503_and_retry_after(web_store: Store) -> None:
    app = create_app(load_settings(api_token="", cors_origins=[], analyze_queue=0), store=web_store)
    with TestClient(app) as c:
        pool: AnalysisPool = app.state.analysis
        pool._admitted = pool.workers + pool.queue  # every slot taken
        r = c.post("/api/v1/analyze", json={"text": "Hujan turun."})
        pool._admitted = 0
    _error(r, 503, "busy")
    assert r.headers["retry-after"] == "5"


def test_api_limits_the_text_and_can_require_the_token(web_store: Store) -> None:
    app = create_app(
        load_settings(
            api_token="rahasia", cors_origins=[], max_analyze_chars=100, analyze_requires_token=True
        ),
        store=web_store,
    )
    with TestClient(app) as c:
        _error(c.post("/api/v1/analyze", json={"text": "Hujan turun."}), 401, "missing_token")
        auth = {"Authorization": "Bearer rahasia"}
        _error(c.post("/api/v1/analyze", json={"text": "kata " * 30}, headers=auth), 413, "text_too_large")


def test_health_live_and_ready(client: TestClient) -> None:
    live = client.get("/api/v1/health/live")
    assert live.status_code == 200 and live.json()["status"] == "ok"
    ready = client.get("/api/v1/health/ready")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ready" and body["store"] == "ok" and body["articles"] > 0
    assert set(body["analysis"]) >= {"workers", "admitted", "capacity"}


def test_ready_says_503_when_the_store_fails(tmp_path: Path) -> None:
    db = tmp_path / "korpus.db"
    Store.open(db).close()
    store = Store.open(db)
    app = create_app(load_settings(api_token="", cors_origins=[]), store=store)
    with TestClient(app) as c:
        store.engine.dispose()
        db.unlink()
        db.write_bytes(b"bukan basis data" * 100)  # the file is replaced by junk
        r = c.get("/api/v1/health/ready")
    _error(r, 503, "store_unavailable")
    assert c.get("/api/v1/health/live").status_code == 200
