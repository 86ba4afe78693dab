"""The time vocabulary (``resources/lexicon.toml``), loaded once per process."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from warta.resources import read_resource

__all__ = ["Lexicon", "lexicon", "parse_number"]


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    days: dict[str, int]
    parts_of_day: dict[str, str]
    numbers: dict[str, int]
    units: dict[str, str]
    future: frozenset[str]


@cache
def lexicon() -> Lexicon:
    data = tomllib.loads(read_resource("dates", "lexicon.toml"))
    return Lexicon(
        months={k.lower(): int(v) for k, v in data["months"].items()},
        days={k.lower(): int(v) for k, v in data["days"].items()},
        parts_of_day={k.lower(): str(v) for k, v in data["parts_of_day"].items()},
        numbers={k.lower(): int(v) for k, v in data["numbers"].items()},
        units={k.lower(): str(v) for k, v in data["units"].items()},
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
