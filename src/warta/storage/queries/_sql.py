"""What the read layer's queries share: filters built up as SQL, day bounds, the narrow
articles index, answers kept on the store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from warta.storage.repository import Store

__all__ = [
    "Day",
    "Where",
    "add_days",
    "anchor",
    "days_before",
    "iso",
    "like",
    "narrow_articles",
]

Day = date | str | None

# What counts and groups call articles without an outlet.
UNKNOWN_OUTLET = "(unknown)"

# The schema's narrow articles index (migration 0003) lets a join read an article's day and
# outlet without touching its row, which holds the compressed Article (SQLite then reads one
# small index page, not a big row). SQLite's planner needs telling.
_NARROW = "ix_articles_narrow"


def narrow_articles(conn: Connection, store: Store, alias: str = "a") -> str:
    """``articles <alias>`` for a join that reads only id, day and outlet: through the
    narrow index on SQLite."""
    return f"articles {alias} INDEXED BY {_NARROW}" if store.is_sqlite else f"articles {alias}"


def iso(day: Day) -> str | None:
    if day is None:
        return None
    return day.isoformat() if isinstance(day, date) else str(day)


class Where:
    """SQL conditions and their bound values, built up one filter at a time."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: dict[str, Any] = {}

    def add(self, sql: str, **params: Any) -> None:
        self.parts.append(sql)
        self.params.update(params)

    def ids(self, template: str, prefix: str, values: Sequence[int]) -> None:
        """``template`` with ``{}`` replaced by bound ids (no ids: matches nothing)."""
        if not values:
            self.parts.append("0 = 1")
            return
        names = []
        for i, v in enumerate(values):
            self.params[f"{prefix}{i}"] = int(v)
            names.append(f":{prefix}{i}")
        self.parts.append(template.format(", ".join(names)))

    def sql(self, lead: str = " AND ") -> str:
        return "".join(f"{lead}{p}" for p in self.parts)


def add_days(where: Where, column: str, date_from: Day, date_to: Day) -> None:
    if date_from is not None:
        where.add(f"{column} >= :date_from", date_from=iso(date_from))
    if date_to is not None:
        where.add(f"{column} <= :date_to", date_to=iso(date_to))


def like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def anchor(end: Day) -> date:
    """The last day of a window of recent days: ``end``, else today."""
    return date.fromisoformat(str(iso(end))) if end is not None else date.today()


def days_before(day: date, days: int) -> date:
    """``day`` less ``days`` days, or the first day of the calendar when that is earlier."""
    return day - timedelta(days=days) if (day - date.min).days >= days else date.min
