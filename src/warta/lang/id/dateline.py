"""The dateline that opens a news story: where it was filed and by which outlet.

"JAKARTA, KOMPAS.com - ...", "TEMPO.CO, Jakarta - ...", "Jakarta, CNN Indonesia -- ...",
"Jakarta (ANTARA News) - ...", "Merdeka.com - ...", "SURABAYA - ..." and detik's "Jakarta -
...". Left in the text, the outlet reads as the subject of the first sentence ("TEMPO.CO ...
menyatakan"), as an entity and a keyphrase, and opens the summary. The dateline is taken out of
the body as metadata (place and outlet), like a byline, so that no stage reads it; so is the
remnant of one a scraper cut (", , - ...", "- / ...").

Outlets are recognised by a web-domain look ("KOMPAS.com", "iNews.id", "TEMPO.CO") or by name
(``lang/id/outlets.txt``); a place is one to three capitalised words.

Example:
    >>> d = find_dateline("JAKARTA, KOMPAS.com - Harga beras naik.")
    >>> d.place, d.outlet, d.end
    ('JAKARTA', 'KOMPAS.com', 21)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warta.lang.id import outlets

__all__ = ["Dateline", "find_dateline"]


@dataclass(frozen=True, slots=True)
class Dateline:
    """``text[start:end]`` is the dateline (with the dash and the space after it)."""

    start: int
    end: int
    place: str | None
    outlet: str | None


@cache
def _outlets() -> str:
    names = sorted(outlets(), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


# A web-domain outlet: "KOMPAS.com", "TEMPO.CO", "iNews.id", "Liputan6.com", "VIVA.co.id".
_DOMAIN = r"[A-Za-z][\w-]*(?:\.(?:com|co|id|net|org|news|CO|COM|ID|NET))+"
# One to three capitalised words (all capitals or title case), with dots for "KAB." and the like.
_PLACE = r"[A-Z][A-Za-z'’.]*(?:[ \u00a0][A-Z][A-Za-z'’.]*){0,2}"
# A day in words: "23 Februari 2016".
_DATE = r"\d{1,2}[ \u00a0]+[A-Z][a-z]+[ \u00a0]+\d{4}"
# The dash: "-", "–", "—", "--", "- -", with or without spaces, ending the dateline.
_DASH = r"[ \u00a0]*(?:-[ \u00a0]?-|[-–—])[ \u00a0]*"


@cache
def _pattern() -> re.Pattern[str]:
    outlet = rf"(?:{_DOMAIN}|{_outlets()})"
    return re.compile(
        rf"""
        (?:
            (?P<p1>{_PLACE})[ \u00a0]*,[ \u00a0]*(?P<o1>{outlet})              # JAKARTA, KOMPAS.com
          | (?P<o2>{outlet})[ \u00a0]*,[ \u00a0]*(?P<p2>{_PLACE})              # TEMPO.CO, Jakarta
          | (?P<p3>{_PLACE})[ \u00a0]*\([ \u00a0]*(?P<o3>{outlet})[ \u00a0]*\) # Jakarta (ANTARA News)
          | (?P<p6>{_PLACE})[ \u00a0]*,[ \u00a0]*{_DATE}[ \u00a0]*                # ISTANBUL, 23 Februari 2016
            \([ \u00a0]*(?P<o6>{outlet})(?:/[^)\n]{{1,30}})?[ \u00a0]*\)         # (Antara/PRNewswire)
          | (?P<o4>{outlet})                                                   # Merdeka.com
          | (?P<p5>[A-Z][A-Z'’.]+(?:[ \u00a0][A-Z][A-Z'’.]+){{0,2}}|[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+)?)  # SURABAYA / Jakarta
        )
        {_DASH}(?:\n\s*)?(?=[\w“"‘'(])                                      # (alone on its line)
        """,
        re.X,
    )


# The story that follows: a word, a quote mark or a bracket.
_STORY = "(?=[\\w\u201c\"\u2018'(])"
# What a scraper left of a dateline it cut: commas, slashes and a dash before the story.
_REMNANT = re.compile(r"(?:[ \u00a0,/]*[-–—][ \u00a0,/]*|[ \u00a0]*,(?:[ \u00a0]*,)+[ \u00a0]*)" + _STORY)


def find_dateline(text: str, start: int = 0) -> Dateline | None:
    """The dateline opening ``text`` at ``start``, or None.

    A place alone before the dash ("Jakarta - ") must be followed by a capitalised word or a
    quote mark, so that a sentence opening with a range ("Jakarta-Bandung ...") is left alone.
    """
    m = _pattern().match(text, start)
    if m is not None:
        place = m.group("p1") or m.group("p2") or m.group("p3") or m.group("p5") or m.group("p6")
        outlet = m.group("o1") or m.group("o2") or m.group("o3") or m.group("o4") or m.group("o6")
        nxt = text[m.end() : m.end() + 1]
        dash = text[m.end(m.lastgroup or 0) : m.end()].rstrip()
        # A place alone needs a spaced or long dash: "Jakarta-Bandung" is a route.
        spaced = outlet is not None or any(c in dash for c in " \u00a0–—")
        if spaced and (outlet is not None or nxt.isupper() or nxt in "“\"‘'("):
            return Dateline(start, m.end(), place, outlet)
    r = _REMNANT.match(text, start)
    if r is not None and r.end() > start:
        return Dateline(start, r.end(), None, None)
    return None
