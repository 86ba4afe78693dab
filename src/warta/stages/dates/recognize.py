"""Recognise Indonesian time expressions and normalise them to TIMEX3 values.

Candidates come from a small grammar of regular expressions (one per shape, each
starting with a literal or a short alternation so the scan runs at C speed); each
shape has a normaliser. Overlapping candidates keep the longest. A second pass walks
the expressions in order to resolve those that depend on a date the text mentioned
just before ("hari itu", "pukul 13.25 kemudian").

Conventions follow TimeML and the IndoTimex annotation: the span does not include a
leading preposition ("pada", "sejak"); a day name with its date in brackets and a clock
time or part of day is one expression; bare day names and months take the reading
nearest the anchor in the direction the sentence's tense points (past by default, as
news reports what happened).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from warta.article import Timex
from warta.stages.dates.grammar import candidates
from warta.stages.dates.normalize import NORMALISERS, Context

__all__ = ["find_timexes"]


# Shapes whose span starts with a preposition that TimeML leaves outside the expression.
_LEADING = re.compile(r"(?:[Pp]ada|[Ss]ejak|[Hh]ingga|[Ss]ampai|[Ss]elama)\s+")
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def find_timexes(
    text: str,
    *,
    anchor: date | None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Timex]:
    """Find and normalise the time expressions in ``text``.

    Args:
        text: the article text.
        anchor: the date relative expressions resolve against (usually the publication date).
        sentences: ``(start, end)`` spans; tense and back-references look inside the sentence.

    Example:
        >>> [(t.text, t.value) for t in find_timexes("Ia tiba kemarin, Minggu (20/2/2022) malam.", anchor=date(2022, 2, 21))]
        [('kemarin', '2022-02-20'), ('Minggu (20/2/2022) malam', '2022-02-20TNI')]
    """
    spans = list(sentences) if sentences else [(0, len(text))]
    out: list[Timex] = []
    ref: date | None = None
    si = 0
    sent_ref: date | None = None
    for c in candidates(text):
        while si + 1 < len(spans) and c.start >= spans[si][1]:
            si += 1
            sent_ref = None
        s_start, s_end = spans[si]
        ctx = Context(text, anchor, s_start, s_end, sent_ref or ref)
        result = NORMALISERS[c.kind](c, ctx)
        if result is None:
            continue
        typ, value, mod, offset = result
        start = c.start
        if c.kind == "month":
            lead = _LEADING.match(text, start)
            if lead is not None:
                start = lead.end()
        day = _DAY_VALUE.match(value)
        if day is not None and c.kind not in ("clock",):
            d = date.fromisoformat(day.group())
            sent_ref = d
            if d != anchor:
                ref = d  # the dateline repeats the anchor; narrative dates move the reference
        out.append(
            Timex(
                start=start,
                end=c.end,
                text=text[start : c.end],
                type=typ,
                value=value,
                mod=mod,
                anchor=anchor.isoformat() if anchor else None,
                offset=offset,
                sentence=si if sentences else None,
            )
        )
    return out
