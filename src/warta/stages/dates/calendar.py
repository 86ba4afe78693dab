"""Calendar arithmetic for TimeML values, relative to an anchor date."""

from __future__ import annotations

from datetime import date, timedelta

__all__ = [
    "add_months",
    "closest_year",
    "iso_week",
    "month_value",
    "shift",
    "weekday_near",
]


def iso_week(d: date) -> str:
    """``2022-W07`` for 2022-02-20."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(d: date, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months after ``d``'s month."""
    m = d.month - 1 + n
    return d.year + m // 12, m % 12 + 1


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift(anchor: date, n: float, unit: str) -> str:
    """The TimeML value ``n`` units after the anchor (negative: before), at the unit's grain.

    Example:
        >>> shift(date(2022, 2, 20), -2, "D"), shift(date(2022, 2, 20), -1, "W"), shift(date(2022, 2, 20), 1, "Y")
        ('2022-02-18', '2022-W06', '2023')
    """
    k = round(n)
    if unit == "D":
        return (anchor + timedelta(days=k)).isoformat()
    if unit == "W":
        return iso_week(anchor + timedelta(weeks=k))
    if unit == "M":
        return month_value(*add_months(anchor, k))
    if unit == "Y":
        return f"{anchor.year + k:04d}"
    if unit == "DE":
        return f"{(anchor.year + 10 * k) // 10:03d}"
    if unit == "CE":
        return f"{(anchor.year + 100 * k) // 100:02d}"
    if unit in ("H", "MIN", "S"):
        return anchor.isoformat()
    return anchor.isoformat()


def weekday_near(anchor: date, weekday: int, *, direction: str) -> date:
    """The day with ISO ``weekday`` near the anchor.

    ``direction``: ``"past"`` (on or before), ``"before"`` (strictly before), ``"future"``
    (on or after), ``"after"`` (strictly after), ``"week"`` (in the anchor's ISO week).
    """
    delta = weekday - anchor.isoweekday()
    if direction == "week":
        return anchor + timedelta(days=delta)
    if direction in ("past", "before"):
        back = (-delta) % 7
        if back == 0 and direction == "before":
            back = 7
        return anchor - timedelta(days=back)
    fwd = delta % 7
    if fwd == 0 and direction == "after":
        fwd = 7
    return anchor + timedelta(days=fwd)


def closest_year(anchor: date, month: int, day: int) -> date | None:
    """The date with this month and day closest to the anchor (a year is often left out)."""
    best: date | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - anchor).days) < abs((best - anchor).days):
            best = d
    return best
