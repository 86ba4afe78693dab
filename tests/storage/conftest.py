from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from warta.storage import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A new, empty corpus in tmp_path."""
    with Store.open(tmp_path / "korpus.db") as s:
        yield s
