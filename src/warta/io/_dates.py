"""Publication dates as inputs give them in metadata fields.

Only forms that name one day without doubt become a ``datetime``: ISO 8601,
year-first numbers, dates with a month name (Indonesian or English), and
day/month numbers where one part is over 12 (or both are equal). ``02/07/2025``
is left as ``None``: Kompas writes day first and detik's exports month first, and
guessing wrong is worse than not knowing. Dates inside the article text are the
dates stage's job, not this module's.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

__all__ = ["parse_metadata_date"]

# Month names and the abbreviations news metadata uses. The full Indonesian calendar
# lexicon for the text lives with the dates stage; this closed set only reads metadata.
_MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip

# Indonesian time zones as outlets print them, and the UTC spellings.
_ZONES: dict[str, int] = {"wib": 7, "wita": 8, "wit": 9, "utc": 0, "gmt": 0}

_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_YMD = re.compile(r"(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_DAY_MONTH = re.compile(
    rf"(?<!\d)(\d{{1,2}})[\s-]+({_MONTH})\.?[\s,-]+(\d{{4}}|\d{{2}})(?!\d)", re.IGNORECASE
)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
_TIME = re.compile(
    r"(?<!\d)(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?!\d)(?:\s*(WIB|WITA|WIT|UTC|GMT)\b)?", re.IGNORECASE
)


def parse_metadata_date(raw: str) -> datetime | None:
    """The moment a metadata date string names, or ``None`` when it is unclear.

    A zone given as an offset or as WIB/WITA/WIT gives an aware datetime; otherwise
    the result is naive (the outlet's local time, unknown to us).

    Example:
        >>> parse_metadata_date("Senin, 3 Maret 2025 14.05 WIB").isoformat()
        '2025-03-03T14:05:00+07:00'
        >>> parse_metadata_date("02/07/2025, 10:42 WIB") is None
        True
    """
    text = raw.strip()
    if not text:
        return None
    if _ISO.fullmatch(text):
        try:
            return datetime.fromisoformat(text.replace(",", "."))
        except ValueError:
            return None
    found = _find_day(text)
    if found is None:
        return None
    (year, month, day), rest = found
    hour = minute = second = 0
    zone: timezone | None = None
    time = _TIME.search(rest)
    if time is not None:
        hour, minute = int(time.group(1)), int(time.group(2))
        second = int(time.group(3) or 0)
        if time.group(4):
            zone = timezone(timedelta(hours=_ZONES[time.group(4).lower()]))
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:  # 31 Februari, 25:00 and the like
        return None


def _find_day(text: str) -> tuple[tuple[int, int, int], str] | None:
    """(year, month, day) and the text after the date, or None."""
    if m := _YMD.search(text):
        return (int(m.group(1)), int(m.group(2)), int(m.group(3))), text[m.end() :]
    if m := _DAY_MONTH.search(text):
        return (_year(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))), text[m.end() :]
    if m := _MONTH_DAY.search(text):
        return (int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))), text[m.end() :]
    if m := _NUMERIC.search(text):
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if first == second or (first > 12 >= second):
            return (year, second, first), text[m.end() :]
        if second > 12 >= first:
            return (year, first, second), text[m.end() :]
    return None


def _year(digits: str) -> int:
    # Two-digit years ("10-Sep-19") follow strptime's %y pivot: 00-68 -> 20xx.
    if len(digits) == 4:
        return int(digits)
    return 2000 + int(digits) if int(digits) < 69 else 1900 + int(digits)
