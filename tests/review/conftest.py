"""Fixtures of the review tests: a new store on each backend the run has, holding the
invented article of :mod:`reviewhelpers`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from reviewhelpers import pasar_article, write

from pghelpers import BACKENDS, postgres_database
from warta.storage import Store


@pytest.fixture(params=BACKENDS)
def review_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a new store goes: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "tinjau.db")
        return
    yield from postgres_database()


@pytest.fixture
def review_store(review_target: str) -> Iterator[Store]:
    """A store on each backend with the article of :func:`reviewhelpers.pasar_article`."""
    with Store.open(review_target) as store:
        write(store, pasar_article())
        yield store
