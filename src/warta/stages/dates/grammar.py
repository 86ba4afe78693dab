"""The grammar of Indonesian time expressions: one regular expression per shape."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from warta.stages.dates.lexicon import lexicon

__all__ = ["Candidate", "candidates"]


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: str
    match: re.Match[str]
    day_before: bool = False  # a day name written just before the date


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _grammar() -> list[tuple[str, re.Pattern[str], bool]]:
    """(shape, pattern, runs on the lower-cased text).

    Shapes that do not depend on capitals run case-sensitively on a lower-cased copy of
    the text: IGNORECASE alternations cost the regex engine several times more. Day names
    ("Minggu" is Sunday, "minggu" a week) and capitalised months run on the text itself.
    """
    lx = lexicon()
    month_any = _alt(list(lx.months))
    month_full = _alt([m for m in lx.months if len(m) >= 4 or m == "mei"])
    days = _alt([d.capitalize() for d in lx.days] + [d.upper() for d in lx.days])
    parts = _alt(list(lx.parts_of_day))
    units = _alt(list(lx.units))
    # A number in digits, a digit word with an optional scale and digit ("dua puluh satu"),
    # or a word of ten and more ("sebelas").
    digits = _alt([w for w, n in lx.numbers.items() if n < 10])
    tens = _alt([w for w, n in lx.numbers.items() if n >= 10])
    numw = (
        rf"(?:\d+(?:,\d+)?|(?:(?:{digits})(?:\s+(?:belas|puluh|ratus))?"
        rf"(?:\s+(?:{digits}))?)|{tens})"
    )
    zones = _alt(list(lx.time_zones))
    zones_any = _alt([*(z.lower() for z in lx.time_zones), *lx.time_zones])
    clock = rf"(?:pukul|jam|pkl\.?)\s+(?P<h>\d{{1,2}})(?:[.:](?P<mi>\d{{2}}))?(?:\s*(?P<tz>{zones}))?"
    tail = (
        rf"(?:\s*,?\s+(?:pukul|jam)\s+(?P<th>\d{{1,2}})(?:[.:](?P<tmi>\d{{2}}))?(?:\s*(?P<ttz>{zones_any}))?)?"
        rf"(?:\s+(?P<part>{parts})\b)?(?:\s+(?P<kemarin>kemarin))?"
    )
    capital_months = _alt([m.capitalize() for m in lx.months if len(m) >= 4 or m == "mei"])
    # "[Pp]ada|[Ss]ejak|...": the opener in lower case, or capitalised at a sentence start.
    month_openers = "|".join(
        f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}"
        for w in sorted(set(lx.month_openers), key=len, reverse=True)
    )
    calendar = _alt(list(lx.calendar_units))
    # "setiap pagi": the parts of the day news repeats (not "subuh", "dini hari", "petang").
    set_parts = ("pagi", "siang", "sore", "malam")
    g: list[tuple[str, str, bool]] = [
        # A day name before a date ("Minggu (20/2/2022)", "Senin, 3 Maret") is found by
        # looking back from the date (see _DAY_BEFORE): a leading optional group would
        # make the engine try every position of the text.
        (
            "numdate",
            rf"\(?(?<![\d/.])(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}})"
            rf"(?:[/-](?P<y>\d{{4}}|\d{{2}}))?(?![\d/])\)?{tail}",
            True,
        ),
        (
            "textdate",
            rf"(?<![\d.])(?P<d>\d{{1,2}})\s+"
            rf"(?P<mon>{month_any})\.?(?:\s+(?P<y>\d{{4}}))?\b{tail}",
            True,
        ),
        (
            "monthyear",
            rf"\b(?:(?P<mod>awal|pertengahan|akhir|medio)\s+)?(?:bulan\s+)?"
            rf"(?P<mon>{month_full})\s+(?P<y>\d{{4}})\b",
            True,
        ),
        (
            "month",
            rf"\b(?P<prep>{month_openers})\s+(?:(?:bulan)\s+)?(?P<mon>{_alt([m.capitalize() for m in lx.months if len(m) >= 3])})\b"
            rf"(?!\s+\d)",
            False,
        ),
        (
            "monthrel",
            rf"\b(?P<mon>{capital_months})\s+(?P<rel>{_alt(list(lx.month_relative))})\b",
            False,
        ),
        (
            "quarter",
            rf"\b(?:kuartal|triwulan|semester|caturwulan)\s+(?P<q>{_alt(list(lx.quarters))})"
            r"(?:\s+(?:tahun\s+)?(?P<y>\d{4}))?\b",
            True,
        ),
        (
            "year",
            r"\b(?:(?P<mod>awal|pertengahan|akhir)\s+)?(?:tahun|thn\.?)\s+(?P<y>\d{4})(?P<dec>-?an)?\b",
            True,
        ),
        ("bareyear", r"(?<![\d.,/:\w-])(?P<y>(?:19|20)\d{2})(?P<dec>-an)?(?![\d/:%]|[.,]\d|-\d)", True),
        (
            "relative",
            rf"\b(?:(?P<mod>awal|pertengahan|akhir)\s+)?(?P<unit>akhir pekan|{calendar})"
            rf"\s+(?P<rel>{_alt(list(lx.relative))})\b",
            True,
        ),
        (
            "ago",
            rf"\b(?P<n>{numw}|beberapa)\s+(?P<unit>{units})\s+(?:yang\s+)?"
            rf"(?P<rel>{_alt(list(lx.ago))})\b",
            True,
        ),
        (
            "word",
            rf"\b(?P<w>{_alt([*lx.deictic, *lx.present, *lx.past])})\b",
            True,
        ),
        (
            "dayname",
            rf"(?:(?:[Hh]ari)\s+)?(?P<day>{days})\b(?:\s+(?P<rel>lalu|kemarin|depan|mendatang|ini))?{tail}",
            False,
        ),
        (
            "clock",
            rf"\b(?:{clock}|(?P<h2>\d{{1,2}})[.:](?P<mi2>\d{{2}})\s*(?P<tz2>{zones}))"
            rf"(?:\s+(?P<part>{parts})\b)?(?:\s+(?P<kemudian>kemudian))?",
            False,
        ),
        (
            "duration",
            rf"\b(?P<n>{numw}|beberapa|puluhan|ratusan|belasan)\s+(?P<unit>{units})\b"
            r"(?:\s+(?P<post>terakhir|belakangan))?",
            True,
        ),
        ("seduration", rf"\bse(?P<unit>{_alt(list(lx.se_units))})\b", True),
        (
            "redupduration",
            rf"\bber(?P<unit>{_alt(list(lx.ber_units))})[- ](?P=unit)\b|\bsejenak\b",
            True,
        ),
        (
            "set",
            rf"\b(?:setiap|tiap|saban)\s+(?P<unit>{_alt([*lx.calendar_units, *set_parts, *lx.days])})\b",
            True,
        ),
        ("season", rf"\bmusim\s+(?P<season>{_alt(list(lx.seasons))})\b", True),
        ("holiday", r"\b(?P<eve>malam\s+)?(?:hari\s+(?:raya\s+)?)?(?P<h>natal|tahun\s+baru)\b", True),
    ]
    return [(name, re.compile(rx), low) for name, rx, low in g]


@cache
def _day_before() -> re.Pattern[str]:
    days = _alt(list(lexicon().days))
    return re.compile(rf"\b(?:{days})\s*,?\s*(?:(?:tanggal|tgl\.?)\s+)?$|\b(?:tanggal|tgl\.?)\s+$")


# Longer spans win; on a tie, the earlier shape in the grammar.
_PRIORITY = {
    name: i
    for i, name in enumerate(
        [
            "numdate",
            "textdate",
            "monthyear",
            "month",
            "monthrel",
            "quarter",
            "year",
            "ago",
            "relative",
            "word",
            "dayname",
            "clock",
            "duration",
            "seduration",
            "redupduration",
            "set",
            "season",
            "holiday",
            "bareyear",
        ]
    )
}


def candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" grows when lowered; keep offsets aligned
        lowered = text.replace("İ", "I").lower()
    day_before = _day_before()
    for name, rx, on_lower in _grammar():
        for m in rx.finditer(lowered if on_lower else text):
            if m.end() > m.start():
                c = Candidate(m.start(), m.end(), name, m)
                if name in ("numdate", "textdate"):
                    prefix = day_before.search(lowered, max(0, c.start - 24), c.start)
                    if prefix is not None:
                        c.start, c.day_before = prefix.start(), True
                found.append(c)
    found.sort(key=lambda c: (c.start, -(c.end - c.start), _PRIORITY[c.kind]))
    kept: list[Candidate] = []
    for c in found:
        if kept and c.start < kept[-1].end:
            prev = kept[-1]
            if (c.end - c.start) > (prev.end - prev.start):
                kept[-1] = c
            continue
        kept.append(c)
    return kept
