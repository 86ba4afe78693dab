"""Normalisers: one per grammar shape, from a match to a TIMEX3 type and value."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import cast

from warta.article import TimexType
from warta.stages.dates.calendar import closest_year, iso_week, month_value, shift, weekday_near
from warta.stages.dates.grammar import Candidate
from warta.stages.dates.lexicon import lexicon, parse_number

__all__ = ["NORMALISERS", "Context"]

_MODS = {"awal": "START", "pertengahan": "MID", "medio": "MID", "akhir": "END"}
_YEAR_AFTER = re.compile(r"(?:\s*[-–]\s*[A-Z][a-z]+)?\s+tahun\s+(ini|lalu|depan)\b")


@dataclass(slots=True)
class Context:
    text: str
    anchor: date | None
    sentence_start: int
    sentence_end: int
    ref: date | None  # the last day-level date the text mentioned (not the dateline)


Normaliser = Callable[[Candidate, Context], tuple[TimexType, str, str | None, str | None] | None]


def _future(ctx: Context, start: int, end: int) -> bool:
    before = ctx.text[ctx.sentence_start : start].lower().split()
    after = ctx.text[end : min(ctx.sentence_end, end + 20)].lower().split()[:1]
    fut = lexicon().future
    return any(w.strip(",.") in fut for w in before[-8:]) or any(
        w.strip(",.") in ("depan", "mendatang") for w in after
    )


def _clock(h: str | None, mi: str | None) -> str | None:
    if h is None:
        return None
    hh = int(h)
    mm = int(mi) if mi else 0
    if hh > 24 or mm > 59:
        return None
    return f"T{hh:02d}:{mm:02d}"


def _with_tail(m: re.Match[str], d: date) -> tuple[TimexType, str, str | None]:
    """A day plus an optional clock time or part of day."""
    clock = _clock(m.group("th"), m.group("tmi"))
    if clock:
        tz = m.group("ttz")
        return "TIME", d.isoformat() + clock, lexicon().time_zones.get(tz.upper()) if tz else None
    part = m.group("part")
    if part:
        return "TIME", d.isoformat() + "T" + lexicon().parts_of_day[part.lower()], None
    return "DATE", d.isoformat(), None


def _calendar_day(ctx: Context, year: int | None, month: int, day: int) -> date | str | None:
    """The date written, its year taken from the anchor when the text leaves it out.

    Returns a date, a TimeML value with an unknown year ("XXXX-03-14") when there is no
    anchor, or None when no such day exists.
    """
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if ctx.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    return closest_year(ctx.anchor, month, day)


def _dated(m: re.Match[str], day: date | str | None) -> tuple[TimexType, str, str | None, str | None] | None:
    if day is None:
        return None
    if isinstance(day, str):
        return "DATE", day, None, None
    typ, value, off = _with_tail(m, day)
    return typ, value, None, off


def _n_numdate(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    y, mo, d = m.group("y"), int(m.group("m")), int(m.group("d"))
    if not c.day_before and not y:
        return None  # "3/4" alone is a fraction or a score as often as a date
    if not 1 <= mo <= 12 or not 1 <= d <= 31:
        return None
    return _dated(m, _calendar_day(ctx, int(y) + (2000 if len(y) == 2 else 0) if y else None, mo, d))


def _n_textdate(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    mo = lexicon().months[m.group("mon").lower()]
    y = m.group("y")
    return _dated(m, _calendar_day(ctx, int(y) if y else None, mo, int(m.group("d"))))


def _n_monthyear(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    mo = lexicon().months[m.group("mon").lower()]
    mod = _MODS.get((m.group("mod") or "").lower())
    return "DATE", month_value(int(m.group("y")), mo), mod, None


def _n_month(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    prep = m.group("prep").lower()
    mo = lexicon().months[m.group("mon").lower()]
    mod = _MODS.get(prep)
    if ctx.anchor is None:
        return "DATE", f"XXXX-{mo:02d}", mod, None
    a = ctx.anchor
    said_year = _YEAR_AFTER.match(ctx.text, c.end)
    if said_year is not None:  # "pada Agustus-September tahun ini"
        year = a.year + {"ini": 0, "lalu": -1, "depan": 1}[said_year.group(1)]
    elif _future(ctx, c.start, c.end):
        year = a.year if mo >= a.month else a.year + 1
    else:
        year = a.year if mo <= a.month else a.year - 1
    return "DATE", month_value(year, mo), mod, None


def _n_monthrel(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    mo = lexicon().months[m.group("mon").lower()]
    sign = lexicon().month_relative[m.group("rel").lower()]
    if ctx.anchor is None:
        return "DATE", f"XXXX-{mo:02d}", None, None
    a = ctx.anchor
    if sign < 0:
        year = a.year if mo < a.month else a.year - 1
    elif sign > 0:
        year = a.year if mo > a.month else a.year + 1
    else:
        year = a.year
    return "DATE", month_value(year, mo), None, None


def _n_quarter(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    kind = m.group(0).split()[0].lower()
    n = lexicon().quarters[m.group("q").lower()]
    year = m.group("y") or (f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX")
    if kind == "semester":
        return ("DATE", f"{year}-H{n}", None, None) if n <= 2 else None
    if kind == "caturwulan":
        return ("DATE", f"{year}-T{n}", None, None) if n <= 3 else None
    return "DATE", f"{year}-Q{n}", None, None


def _n_year(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    y = m.group("y")
    if m.group("dec"):
        return "DATE", y[:3], None, None
    mod = _MODS.get((m.groupdict().get("mod") or "").lower())
    return "DATE", y, mod, None


def _n_bareyear(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    lx = lexicon()
    before = ctx.text[max(0, c.start - 6) : c.start].lower()
    if before.rstrip().endswith(lx.not_year_before):
        return None
    after = ctx.text[c.end : c.end + 12].lower().lstrip()
    if after.startswith(lx.not_year_after):
        return None
    y = m.group("y")
    return ("DATE", y[:3], None, None) if m.group("dec") else ("DATE", y, None, None)


def _n_relative(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    unit_word = ctx.text[m.start("unit") : m.end("unit")]
    if unit_word == "Minggu" and c.start > ctx.sentence_start:
        return None  # "Minggu lalu" mid-sentence is the day, Sunday
    rel = m.group("rel").lower()
    mod = _MODS.get((m.group("mod") or "").lower())
    unit = unit_word.lower()
    if mod == "END" and unit == "pekan":  # "akhir pekan ini": the weekend, not the end of the week
        unit, mod = "akhir pekan", None
    if rel == "itu":
        if unit == "hari" and ctx.ref is not None:
            return "DATE", ctx.ref.isoformat(), mod, ctx.ref.isoformat()
        return "DATE", "PAST_REF", mod, None
    if ctx.anchor is None:
        return "DATE", "XXXX-XX-XX", mod, None
    sign = lexicon().relative[rel]
    if unit == "akhir pekan":
        week = iso_week(ctx.anchor) if sign == 0 else shift(ctx.anchor, sign, "W")
        return "DATE", week + "-WE", mod, None
    if unit == "hari" and sign == 0:
        return "DATE", ctx.anchor.isoformat(), mod, None
    return "DATE", shift(ctx.anchor, sign, lexicon().units[unit]), mod, None


def _n_ago(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    unit = lexicon().units[m.group("unit").lower()]
    rel = m.group("rel").lower()
    sign = -1 if lexicon().ago[rel] < 0 else 1
    n_text = m.group("n").lower()
    if n_text == "beberapa":
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None
    n = parse_number(n_text)
    if n is None:
        return None
    base = ctx.ref if rel in ("sebelumnya", "kemudian") and ctx.ref else ctx.anchor
    if base is None:
        return "DATE", "XXXX-XX-XX", None, None
    if unit in ("H", "M", "S") and m.group("unit").lower() in ("jam", "menit", "detik"):
        return "DATE", base.isoformat(), None, None
    return "DATE", shift(base, sign * n, unit), None, base.isoformat()


def _n_word(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    w = c.match.group("w").lower()
    lx = lexicon()
    if w in lx.present:
        return "DATE", "PRESENT_REF", None, None
    if w in lx.past:
        return "DATE", "PAST_REF", None, None
    a = ctx.anchor
    if a is None:
        return "DATE", "XXXX-XX-XX", None, None
    typ, days, part = lx.deictic[w]
    value = shift(a, days, "D")
    return cast(TimexType, typ), value + (f"T{part}" if part else ""), None, None


def _n_dayname(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    if ctx.anchor is None:
        return "DATE", "XXXX-XX-XX", None, None
    weekday = lexicon().days[m.group("day").lower()]
    rel = (m.group("rel") or "").lower()
    if rel in ("lalu", "kemarin"):
        direction = "before"
    elif rel in ("depan", "mendatang"):
        direction = "after"
    elif rel == "ini":
        direction = "week"
    else:
        direction = "future" if _future(ctx, c.start, c.end) else "past"
    d = weekday_near(ctx.anchor, weekday, direction=direction)
    typ, value, off = _with_tail(m, d)
    return typ, value, None, off


def _n_clock(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    h, mi, tz = (
        (m.group("h"), m.group("mi"), m.group("tz"))
        if m.group("h")
        else (m.group("h2"), m.group("mi2"), m.group("tz2"))
    )
    clock = _clock(h, mi)
    if clock is None:
        return None
    base = ctx.ref or ctx.anchor
    day = base.isoformat() if base else "XXXX-XX-XX"
    return "TIME", day + clock, None, lexicon().time_zones.get(tz) if tz else None


def _duration(n: float | None, unit: str) -> str:
    if n is None:
        return f"P{'T' if unit in ('H', 'S') else ''}X{unit}"
    num = f"{n:g}"
    if unit in ("H", "S"):
        return f"PT{num}{unit}"
    if unit == "8Y":
        return f"P{n * 8:g}Y"
    return f"P{num}{unit}"


def _n_duration(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    m = c.match
    if (
        "derajat" in ctx.text[max(0, c.start - 14) : c.start]
        or "°" in ctx.text[max(0, c.start - 6) : c.start]
    ):
        return None  # "08 derajat 50 menit": a map coordinate, not a duration
    word = m.group("unit").lower()
    unit = lexicon().units[word]
    if word == "menit":
        unit = "TM"
    n_text = m.group("n").lower()
    n = None if n_text in ("beberapa", "puluhan", "ratusan", "belasan") else parse_number(n_text)
    if n_text not in ("beberapa", "puluhan", "ratusan", "belasan") and n is None:
        return None
    if unit == "TM":
        return "DURATION", f"PT{'X' if n is None else f'{n:g}'}M", None, None
    return "DURATION", _duration(n, unit), None, None


def _n_seduration(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    unit = lexicon().units[c.match.group("unit").lower()]
    return "DURATION", _duration(1, unit), None, None


def _n_redup(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    if c.match.group("unit") is None:  # "sejenak": a short, unspecified while
        return "DURATION", "PXX", None, None
    unit = lexicon().units[c.match.group("unit").lower()]
    return "DURATION", _duration(None, unit), None, None


def _n_set(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    unit = ctx.text[c.match.start("unit") : c.match.end("unit")]
    low = unit.lower()
    days = lexicon().days
    if low in days and unit[0].isupper():
        return "SET", f"XXXX-WXX-{days[low]}", None, None
    parts = lexicon().parts_of_day
    if low in parts:
        return "SET", f"XXXX-XX-XXT{parts[low]}", None, None
    return "SET", f"P1{lexicon().units[low]}", None, None


def _n_season(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    code = lexicon().seasons[c.match.group("season").lower()]
    year = ctx.anchor.year if ctx.anchor else None
    return "DATE", f"{year:04d}-{code}" if year else f"XXXX-{code}", None, None


def _n_holiday(c: Candidate, ctx: Context) -> tuple[TimexType, str, str | None, str | None] | None:
    """Christmas and New Year, the fixed-date holidays news counts days to ("malam tahun baru")."""
    m = c.match
    if ctx.text[c.start : c.end][:1].islower() and "tahun" in m.group("h") and not m.group("eve"):
        return None  # "tahun baru" in lower case is "a new year", not the holiday
    month, day = (12, 25) if m.group("h") == "natal" else (1, 1)
    if m.group("eve"):
        month, day = (12, 24) if month == 12 else (12, 31)
    d = closest_year(ctx.anchor, month, day) if ctx.anchor else None
    value = d.isoformat() if d else f"XXXX-{month:02d}-{day:02d}"
    return ("TIME", value + "TNI", None, None) if m.group("eve") else ("DATE", value, None, None)


NORMALISERS: dict[str, Normaliser] = {
    "numdate": _n_numdate,
    "textdate": _n_textdate,
    "monthyear": _n_monthyear,
    "month": _n_month,
    "monthrel": _n_monthrel,
    "quarter": _n_quarter,
    "year": _n_year,
    "bareyear": _n_bareyear,
    "relative": _n_relative,
    "ago": _n_ago,
    "word": _n_word,
    "dayname": _n_dayname,
    "clock": _n_clock,
    "duration": _n_duration,
    "seduration": _n_seduration,
    "redupduration": _n_redup,
    "set": _n_set,
    "season": _n_season,
    "holiday": _n_holiday,
}
