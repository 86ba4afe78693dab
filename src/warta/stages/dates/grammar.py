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
    days_low = _alt(list(lx.days))
    days = _alt([d.capitalize() for d in lx.days] + [d.upper() for d in lx.days])
    parts = _alt(list(lx.parts_of_day))
    units = _alt(list(lx.units))
    numw = (
        r"(?:\d+(?:,\d+)?|(?:(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)(?:\s+(?:belas|puluh|ratus))?"
        r"(?:\s+(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?)|sepuluh|sebelas|seratus)"
    )
    clock = r"(?:pukul|jam|pkl\.?)\s+(?P<h>\d{1,2})(?:[.:](?P<mi>\d{2}))?(?:\s*(?P<tz>WIB|WITA|WIT))?"
    tail = (
        rf"(?:\s*,?\s+(?:pukul|jam)\s+(?P<th>\d{{1,2}})(?:[.:](?P<tmi>\d{{2}}))?(?:\s*(?P<ttz>wib|wita|wit|WIB|WITA|WIT))?)?"
        rf"(?:\s+(?P<part>{parts})\b)?(?:\s+(?P<kemarin>kemarin))?"
    )
    capital_months = _alt([m.capitalize() for m in lx.months if len(m) >= 4 or m == "mei"])
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
            rf"\b(?P<prep>[Pp]ada|[Ss]ejak|[Hh]ingga|[Ss]ampai|[Aa]wal|[Aa]khir|[Pp]ertengahan|[Bb]ulan|[Mm]edio|"
            rf"[Ss]elama)\s+(?:(?:bulan)\s+)?(?P<mon>{_alt([m.capitalize() for m in lx.months if len(m) >= 3])})\b"
            rf"(?!\s+\d)",
            False,
        ),
        (
            "monthrel",
            rf"\b(?P<mon>{capital_months})\s+(?P<rel>lalu|silam|depan|mendatang|nanti|ini)\b",
            False,
        ),
        (
            "quarter",
            r"\b(?:kuartal|triwulan|semester|caturwulan)\s+(?P<q>iv|iii|ii|i|[1-4]|pertama|kedua|ketiga|keempat)"
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
            r"\b(?:(?P<mod>awal|pertengahan|akhir)\s+)?(?P<unit>akhir pekan|hari|pekan|minggu|bulan|tahun)"
            r"\s+(?P<rel>ini|lalu|depan|kemarin|mendatang|silam|itu|sebelumnya)\b",
            True,
        ),
        (
            "ago",
            rf"\b(?P<n>{numw}|beberapa)\s+(?P<unit>{units})\s+(?:yang\s+)?"
            r"(?P<rel>lalu|silam|sebelumnya|lagi|mendatang|kemudian)\b",
            True,
        ),
        (
            "word",
            r"\b(?P<w>kemarin lusa|kemarin|besok|esok hari|esok|lusa|hari ini|tadi malam|tadi pagi|tadi siang|"
            r"tadi sore|pagi tadi|siang tadi|sore tadi|malam tadi|semalam|pagi ini|siang ini|sore ini|malam ini|"
            r"nanti malam|saat ini|kini|sekarang|dewasa ini|belakangan ini|selama ini|saat itu|waktu itu|ketika itu|"
            r"kala itu|beberapa waktu lalu|baru-baru ini)\b",
            True,
        ),
        (
            "dayname",
            rf"(?:(?:[Hh]ari)\s+)?(?P<day>{days})\b(?:\s+(?P<rel>lalu|kemarin|depan|mendatang|ini))?{tail}",
            False,
        ),
        (
            "clock",
            rf"\b(?:{clock}|(?P<h2>\d{{1,2}})[.:](?P<mi2>\d{{2}})\s*(?P<tz2>WIB|WITA|WIT))"
            rf"(?:\s+(?P<part>{parts})\b)?(?:\s+(?P<kemudian>kemudian))?",
            False,
        ),
        (
            "duration",
            rf"\b(?P<n>{numw}|beberapa|puluhan|ratusan|belasan)\s+(?P<unit>{units})\b"
            r"(?:\s+(?P<post>terakhir|belakangan))?",
            True,
        ),
        ("seduration", r"\bse(?P<unit>tahun|bulan|minggu|pekan|hari|jam|abad|dekade)\b", True),
        (
            "redupduration",
            r"\bber(?P<unit>tahun|bulan|minggu|hari|jam|abad)[- ](?P=unit)\b|\bsejenak\b",
            True,
        ),
        (
            "set",
            rf"\b(?:setiap|tiap|saban)\s+(?P<unit>hari|minggu|pekan|bulan|tahun|pagi|siang|sore|malam|{days_low})\b",
            True,
        ),
        ("season", r"\bmusim\s+(?P<season>hujan|penghujan|kemarau|panas|dingin|semi|gugur)\b", True),
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
