"""Shared fixtures: small Indonesian news texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

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
