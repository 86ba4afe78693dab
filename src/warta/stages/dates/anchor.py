"""The article's anchor date: from metadata, or inferred from the text's own dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from warta.stages.dates.lexicon import lexicon

__all__ = ["AnchorGuess", "infer_anchor"]


@dataclass(frozen=True, slots=True)
class AnchorGuess:
    value: date
    start: int
    end: int
    how: str


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lx = lexicon()
    days = "|".join(sorted({d.capitalize() for d in lx.days}, key=len, reverse=True))
    months = "|".join(sorted(lx.months, key=len, reverse=True))
    with_day = re.compile(
        rf"(?P<day>{days})\s*,?\s*(?:\((?P<d1>\d{{1,2}})/(?P<m1>\d{{1,2}})/(?P<y1>\d{{4}})\)"
        rf"|(?P<d2>\d{{1,2}})\s+(?P<mon2>(?i:{months}))\s+(?P<y2>\d{{4}}))"
    )
    any_full = re.compile(
        rf"(?<![\d/])(?:(?P<d1>\d{{1,2}})/(?P<m1>\d{{1,2}})/(?P<y1>\d{{4}})"
        rf"|(?P<d2>\d{{1,2}})\s+(?P<mon2>(?i:{months}))\s+(?P<y2>\d{{4}}))(?![\d/])"
    )
    return with_day, any_full


@cache
def _day_and_month() -> re.Pattern[str]:
    days = "|".join(sorted({d.capitalize() for d in lexicon().days}, key=len, reverse=True))
    return re.compile(rf"(?P<day>{days})\s*,?\s*\((?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\)")


def _year_from_weekday(m: re.Match[str], *, today: date) -> date | None:
    """The latest year, up to today, in which this day and month fall on this weekday."""
    weekday = lexicon().days[m.group("day").lower()]
    for year in range(today.year, today.year - 12, -1):
        try:
            d = date(year, int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None
        if d.isoweekday() == weekday and d <= today:
            return d
    return None


def _date_of(m: re.Match[str]) -> date | None:
    try:
        if m.group("d1"):
            return date(int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
        return date(int(m.group("y2")), lexicon().months[m.group("mon2").lower()], int(m.group("d2")))
    except ValueError:
        return None


def _planned(text: str, pos: int) -> bool:
    """Does a future marker ("akan", "dijadwalkan") precede ``pos`` in its sentence?"""
    window = text[max(0, pos - 120) : pos]
    cut = max(window.rfind(". "), window.rfind("\n"))
    words = window[cut + 1 :].lower().split()
    future = lexicon().future
    return any(w.strip(",.") in future for w in words)


def infer_anchor(text: str, *, today: date | None = None) -> AnchorGuess | None:
    """Guess the publication date from the text.

    The latest explicit date written with its day name ("Minggu (20/2/2022)") is the
    dateline or the day of the reported event, so the article appeared on or just after
    it; a plain date may be a plan for later ("akan bertemu pada 24 Februari 2022").
    Without a day name, the latest full date is the fallback; without any year, a day
    name with its day and month gives the most recent year (up to ``today``) in which
    they match.

    Example:
        >>> g = infer_anchor("Rapat digelar Senin (14/3/2022). Menteri akan datang 20 Maret 2022.")
        >>> g.value.isoformat(), g.how
        ('2022-03-14', 'latest date written with its day name')
    """
    with_day, any_full = _patterns()
    for rx, how in (
        (with_day, "latest date written with its day name"),
        (any_full, "latest full date in the text"),
    ):
        best: AnchorGuess | None = None
        for m in rx.finditer(text):
            if _planned(text, m.start()):
                continue  # "akan digelar pada Senin (14/3/2022)": a plan, not the news day
            d = _date_of(m)
            if d is not None and (best is None or d > best.value):
                best = AnchorGuess(d, m.start(), m.end(), how)
        if best is not None:
            return best
    # "Senin (30/6)" without a year: the weekday pins the year down (the most recent fit).
    found: AnchorGuess | None = None
    for m in _day_and_month().finditer(text):
        if _planned(text, m.start()):
            continue
        d = _year_from_weekday(m, today=today or date.today())
        if d is not None and (found is None or d > found.value):
            found = AnchorGuess(d, m.start(), m.end(), "day name and date; the year from the weekday")
    return found
