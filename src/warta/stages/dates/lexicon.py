"""The time vocabulary: the stage's own tables (``resources/lexicon.toml``) and the month,
day and number words of :mod:`warta.lang.id`, loaded once per process."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from warta.errors import ResourceError
from warta.lang import id as lang_id
from warta.resources import read_resource

__all__ = ["Lexicon", "lexicon", "parse_number"]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The dates stage's words, lower case unless noted.

    Attributes:
        months: month names, abbreviations and English names -> month number.
        days: day names (also with a typographic apostrophe, "jum’at") -> ISO weekday.
        parts_of_day: "pagi", "dini hari" ... -> TimeML part-of-day code.
        numbers: number words -> value.
        units: duration units -> TimeML unit.
        calendar_units, se_units, ber_units: the units relative dates and sets count in
            ("pekan lalu"), those that take se- ("setahun") and those written ber-X-X
            ("bertahun-tahun").
        relative, month_relative, ago: the words after a unit, a month name or a number of
            units that date it -> direction (-1, 0, 1).
        deictic: "kemarin", "tadi malam" ... -> (TIMEX3 type, days from the anchor, part of day).
        present, past: words that refer to the present, or to the past, without a date.
        quarters: "iii", "pertama", "2" ... -> the number of a quarter or half-year.
        seasons: words after "musim" -> TimeML season code.
        month_openers: words before a bare month name that make it a date ("pada", "awal").
        not_year_before, not_year_after: words that make a four-digit number no year.
        time_zones: "WIB", "WITA", "WIT" (upper case) -> UTC offset.
        future: words that move a bare month or day name to the future.
    """

    months: dict[str, int]
    days: dict[str, int]
    parts_of_day: dict[str, str]
    numbers: dict[str, int]
    units: dict[str, str]
    calendar_units: tuple[str, ...]
    se_units: tuple[str, ...]
    ber_units: tuple[str, ...]
    relative: dict[str, int]
    month_relative: dict[str, int]
    ago: dict[str, int]
    deictic: dict[str, tuple[str, int, str]]
    present: frozenset[str]
    past: frozenset[str]
    quarters: dict[str, int]
    seasons: dict[str, str]
    month_openers: tuple[str, ...]
    not_year_before: tuple[str, ...]
    not_year_after: tuple[str, ...]
    time_zones: dict[str, str]
    future: frozenset[str]


def _days() -> dict[str, int]:
    out: dict[str, int] = {}
    for name, weekday in lang_id.days().items():
        out[name.lower()] = weekday
        if "'" in name:  # "Jum’at": the same name with a typographic apostrophe
            out[name.lower().replace("'", "’")] = weekday
    return out


def _unit_list(data: dict[str, Any], units: dict[str, str], use: str) -> tuple[str, ...]:
    words = tuple(str(w).lower() for w in data["unit_uses"][use])
    unknown = [w for w in words if w not in units]
    if unknown:
        raise ResourceError(f"stages/dates/resources/lexicon.toml: unit_uses.{use} names no unit: {unknown}")
    return words


def _signs(table: dict[str, Any]) -> dict[str, int]:
    return {k.lower(): int(v) for k, v in table.items()}


@cache
def lexicon() -> Lexicon:
    data = tomllib.loads(read_resource("dates", "lexicon.toml"))
    units = {k.lower(): str(v) for k, v in data["units"].items()}
    months = {name.lower(): n for name, n in lang_id.months().items()}
    months.update({k.lower(): int(v) for k, v in data["english_months"].items()})
    return Lexicon(
        months=months,
        days=_days(),
        parts_of_day={k.lower(): str(v) for k, v in data["parts_of_day"].items()},
        numbers=dict(lang_id.numbers()),
        units=units,
        calendar_units=_unit_list(data, units, "calendar"),
        se_units=_unit_list(data, units, "se"),
        ber_units=_unit_list(data, units, "ber"),
        relative=_signs(data["relative"]),
        month_relative=_signs(data["month_relative"]),
        ago=_signs(data["ago"]),
        deictic={k.lower(): (str(t), int(n), str(p)) for k, (t, n, p) in data["deictic"].items()},
        present=frozenset(w.lower() for w in data["references"]["present"]),
        past=frozenset(w.lower() for w in data["references"]["past"]),
        quarters={k.lower(): int(v) for k, v in data["quarters"].items()},
        seasons={k.lower(): str(v) for k, v in data["seasons"].items()},
        month_openers=tuple(w.lower() for w in data["month"]["openers"]),
        not_year_before=tuple(w.lower() for w in data["not_a_year"]["before"]),
        not_year_after=tuple(w.lower() for w in data["not_a_year"]["after"]),
        time_zones={k.upper(): str(v) for k, v in data["time_zones"].items()},
        future=frozenset(w.lower() for w in data["tense"]["future"]),
    )


def parse_number(words: str) -> float | None:
    """``"3"``, ``"1,5"``, ``"tiga"``, ``"dua belas"``, ``"tiga puluh lima"``, ``"se"`` -> a number.

    Example:
        >>> parse_number("dua puluh satu"), parse_number("1,5"), parse_number("sebelas")
        (21.0, 1.5, 11.0)
    """
    w = words.strip().lower()
    if not w:
        return None
    if w[0].isdigit():
        try:
            return float(w.replace(".", "").replace(",", ".")) if "," in w else float(w.replace(".", ""))
        except ValueError:
            return None
    if w == "se":
        return 1.0
    nums = lexicon().numbers
    total = 0.0
    current = 0.0
    for part in w.split():
        if part in nums:
            current += nums[part]
        elif part == "belas":
            current = (current or 1) + 10
        elif part == "puluh":
            current = (current or 1) * 10
        elif part == "ratus":
            current = (current or 1) * 100
        elif part == "ribu":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return total + current
