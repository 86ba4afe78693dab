"""Fixtures of the review tests: a new store on each backend the run has, holding the
invented article of :mod:`reviewhelpers`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from reviewhelpers import pasar_article, write

from warta.storage import Store


@pytest.fixture
def review_target(store_target: str) -> str:
    """Where the review store goes (tests/conftest.py: a SQLite file, or a new PostgreSQL database)."""
    return store_target


@pytest.fixture
def review_store(review_target: str) -> Iterator[Store]:
    """A store on each backend with the article of :func:`reviewhelpers.pasar_article`."""
    with Store.open(review_target) as store:
        write(store, pasar_article())
        yield store
