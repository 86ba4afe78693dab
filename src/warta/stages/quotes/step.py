"""The quote step: wires the quote functions to an Article."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from typing import ClassVar

from warta.article import REVIEW_BELOW, Article, Quote, Timex
from warta.stages.quotes.attribute import find_quotes, known_names
from warta.stages.quotes.boundaries import MentionIndex, refine_speaker
from warta.stages.quotes.calibration import load_calibration
from warta.stages.quotes.citations import find_citations
from warta.stages.quotes.people import introductions
from warta.stages.quotes.repeats import link_repeats
from warta.stages.quotes.resolve import build_quotes
from warta.stages.quotes.resources import role_words
from warta.stages.quotes.speakers import ParsedSpeaker

__all__ = ["QuoteStep", "date_quotes"]

# A TIMEX3 value that names a day: "2025-06-30", "2025-06-30T14:00".
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_quotes(quotes: list[Quote], timexes: list[Timex], default: str | None) -> None:
    """Date each quote by the day written next to it, else by ``default`` (in place).

    The day is a calendar day (``2025-06-30``, or a time on one) in the quote's sentence but
    outside what was said ("kata Budi, Senin (30/6/2025)"): a date inside the content is
    what the speaker talked about ("UU Nomor 8 Tahun 1981", "pekan depan"), and a year or
    a week alone names no day.
    """
    by_sentence: dict[int, list[Timex]] = {}
    for t in timexes:
        if t.sentence is not None and t.type in ("DATE", "TIME") and _DAY.match(t.value):
            by_sentence.setdefault(t.sentence, []).append(t)
    written: list[str | None] = []
    for q in quotes:
        day = None
        for t in by_sentence.get(q.sentence, ()) if q.sentence is not None else ():
            if t.end <= q.start or t.start >= q.end:
                day = t.value
                break
        written.append(day)
    # A speaker's other statements without a day of their own were made on the same occasion
    # as the nearest one that names it ("..., kata Budi, Senin (9/9/2019)" then "Budi
    # menambahkan ..."): that day, rather than the article's date.
    keys = [_speaker_key(q) for q in quotes]
    dated: dict[str, list[int]] = {}
    for i, (key, day) in enumerate(zip(keys, written, strict=True)):
        if key is not None and day is not None:
            dated.setdefault(key, []).append(i)
    for i, q in enumerate(quotes):
        if written[i] is not None:
            q.date = written[i]
            continue
        near = None
        others = dated.get(keys[i] or "", [])
        if others:
            k = bisect_left(others, i)
            # The nearest by position; the earlier one on a tie.
            candidates = [
                j
                for j in (others[k - 1] if k else None, others[k] if k < len(others) else None)
                if j is not None
            ]
            near = written[min(candidates, key=lambda j: (abs(j - i), j > i))]
        q.date = near or default


# How far before its publication a story's day may be (days): a story names the day it
# reports ("..., Selasa (9/5)") and runs that day or in the few days after it.
_STORY_REACH = 7


def story_day(quotes: list[Quote], timexes: list[Timex], published: str | None) -> str | None:
    """The day the story reports: the first calendar day the text names outside what was said,
    on or up to :data:`_STORY_REACH` days before the publication date ("Polisi menangkap NYD
    di Semarang, Selasa (9/5)" in a story of 10 May). Statements with no day of their own
    were made then, not on the day the story ran. None without a publication date or such a
    day."""
    if published is None:
        return None
    try:
        pub = date.fromisoformat(published)
    except ValueError:
        return None
    spans = sorted((q.start, q.end) for q in quotes)
    starts = [s for s, _ in spans]
    for t in sorted(timexes, key=lambda t: t.start):
        if t.type not in ("DATE", "TIME") or not _DAY.match(t.value):
            continue
        k = bisect_left(starts, t.start + 1) - 1
        if k >= 0 and spans[k][0] <= t.start < spans[k][1]:
            continue  # a day inside what was said is what it was about
        try:
            day = date.fromisoformat(t.value[:10])
        except ValueError:
            continue
        if timedelta(0) <= pub - day <= timedelta(days=_STORY_REACH):
            return day.isoformat()
    return None


# What may stand between reported speech and a day that closes its sentence: a comma, a
# place ("di Jakarta"), a time of day.
_BEFORE_DAY = re.compile(r",\s*(?:(?:di|ke)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*,?\s*)?(?:pada\s+)?$")


def _trim_trailing_days(text: str, quotes: list[Quote], timexes: list[Timex]) -> None:
    """End indirect speech before a day that closes its sentence ("..., Senin (3/3/2025)"):
    the day says when it was said, it is not part of what was said."""
    days = sorted((t.start, t.end) for t in timexes if t.type in ("DATE", "TIME") and _DAY.match(t.value))
    starts = [d[0] for d in days]
    for q in quotes:
        if q.kind not in ("indirect", "mixed"):
            continue
        i = bisect_left(starts, q.start)
        while i < len(days) and days[i][0] < q.end:
            ts, te = days[i]
            if not text[te : q.end].strip(" .,;)"):
                m = _BEFORE_DAY.search(text, q.start, ts)
                if m is not None and m.start() > q.start:
                    q.end = m.start()
                    q.text = text[q.start : q.end]
                break
            i += 1


def _speaker_key(q: Quote) -> str | None:
    sp = q.speaker
    if sp is None:
        return None
    if sp.entity is not None:
        return f"e{sp.entity}"
    return sp.name.lower() if sp.name else None


class QuoteStep:
    """Find quotes with speakers, and cited sources.

    Uses ``Article.mentions``/``entities`` (to link speakers) and ``timexes`` (to date
    quotes) when an earlier step filled them, but does not need them.

    Example:
        >>> from warta.stages.segment.step import SegmentStep
        >>> a = SegmentStep()(Article(id="a", raw="", text="”Stok aman,” kata Budi."))
        >>> [(q.text, q.speaker.name) for q in QuoteStep()(a).quotes]
        [('Stok aman,', 'Budi')]
    """

    name: ClassVar[str] = "quotes"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    provides: ClassVar[tuple[str, ...]] = ("quotes", "citations")

    def __init__(self, *, calibrate: bool = True, review_below: float = REVIEW_BELOW) -> None:
        """
        Args:
            calibrate: map raw confidences to probabilities (``resources/calibration.json``);
                off only to fit that map.
            review_below: attributions whose confidence is below this are flagged ``needs_review``.
        """
        self.calibrate = calibrate
        self.review_below = review_below

    def __call__(self, article: Article) -> Article:
        text = article.text
        spans = [(s.start, s.end) for s in article.sentences]
        names = known_names(text)
        for m in article.mentions:
            if m.label == "PER":
                # (Not a title the tagger took into the name: "Menbud" of "Menbud Fadli".)
                names.update(w for w in m.text.split() if w[:1].isupper() and w.lower() not in role_words())
        silent: list[ParsedSpeaker] = []
        found = find_quotes(text, sentences=spans or None, known=names, silent=silent)
        # Only people introduced as a sentence's subject are candidates for "-nya" and
        # pronouns; a role phrase inside a clause ("menjadi Presiden X") is a mention. So is
        # the subject of a reporting verb with a noun object ("Budi menegaskan pentingnya ...").
        people = [p for p in introductions(text, spans, known=names) if p.subject] if spans else []
        named = [p for p in silent if p.kind in ("person", "org") and (p.name is not None or p.kind == "org")]
        if named:
            people = sorted([*people, *named], key=lambda p: (p.start, p.end))
        if article.mentions:
            index = MentionIndex(article.mentions)
            for p in [f.speaker for f in found if f.speaker is not None] + people:
                refine_speaker(text, p, index)
        quotes = build_quotes(
            text, found, sentences=spans, mentions=article.mentions, entities=article.entities, people=people
        )
        _trim_trailing_days(text, quotes, article.timexes)
        link_repeats(quotes)
        published = article.published.value.date().isoformat() if article.published.value else None
        date_quotes(quotes, article.timexes, story_day(quotes, article.timexes, published) or published)
        if self.calibrate:
            calibrated = load_calibration()
            for q in quotes:
                q.confidence = calibrated(q.confidence)
        for q in quotes:
            q.needs_review = q.confidence < self.review_below
        article.quotes = quotes
        article.citations = find_citations(text)
        return article
