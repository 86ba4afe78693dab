"""What every event the store writes shares: its clock, and the reviewer who made it.

Every time the store writes (a correction, a watchlist's delivery, when the store was
created) is UTC to the second, as ``YYYY-MM-DDTHH:MM:SS``, so that its text sorts in time
order on both backends. A reviewer's name is kept on each correction as given, stripped.
"""

from __future__ import annotations

from datetime import UTC, datetime

from warta.errors import CorrectionError

__all__ = ["MAX_REVIEWER", "reviewer_name", "utc_now"]

MAX_REVIEWER = 64


def utc_now() -> str:
    """Now, in the store's format."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def reviewer_name(reviewer: str) -> str:
    """The reviewer's name as kept on an event: stripped, 1 to 64 characters.

    Raises:
        CorrectionError: blank or too long.
    """
    name = reviewer.strip()
    if not name or len(name) > MAX_REVIEWER:
        raise CorrectionError(f"a reviewer's name must be 1 to {MAX_REVIEWER} characters, not {reviewer!r}")
    return name
