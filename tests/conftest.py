"""Shared fixtures: small Indonesian news texts written for these tests, and a new store on
each backend the run has (SQLite always; PostgreSQL when ``WARTA_TEST_POSTGRES`` names a
server, a URL of a database the tests may create databases from, e.g.
``postgresql://postgres@127.0.0.1:54329/postgres``; ``.ci/run`` starts a throwaway server
and sets it, so CI runs the store's tests on both)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pghelpers import BACKENDS, postgres_database
from warta.storage import Store

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or skip the test with a clear message when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"gold data not found at {SHARED_DATA}; evaluation tests skipped")
    return SHARED_DATA


@pytest.fixture(scope="session")
def contoh_text() -> str:
    """The example article shipped with the package (written by the warta authors)."""
    from importlib import resources

    return resources.files("warta").joinpath("examples/artikel-contoh.txt").read_text(encoding="utf-8")


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a new store goes: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "korpus.db")
        return
    yield from postgres_database()


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    """A new, empty corpus on each backend."""
    with Store.open(store_target) as s:
        yield s
