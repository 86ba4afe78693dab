"""The dates step: anchor date, time expressions and the timeline of an Article."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from warta.article import Article, Published, TimelineEntry, Timex
from warta.stages.dates.anchor import infer_anchor
from warta.stages.dates.recognize import find_timexes

__all__ = ["DatesStep", "build_timeline"]


def build_timeline(timexes: list[Timex], sentences: list[tuple[int, int]]) -> list[TimelineEntry]:
    """One entry per sentence that carries a concrete date, ordered by date then position.

    A sentence's date is its first DATE or TIME expression with a calendar value (not
    PRESENT_REF, not a duration).
    """
    entries: dict[int, TimelineEntry] = {}
    for i, t in enumerate(timexes):
        if t.sentence is None or t.sentence in entries or t.type not in ("DATE", "TIME"):
            continue
        if not t.value[:1].isdigit():
            continue
        s, e = sentences[t.sentence]
        entries[t.sentence] = TimelineEntry(value=t.value, sentence=t.sentence, start=s, end=e, timex=i)
    return sorted(entries.values(), key=lambda x: (x.value, x.sentence))


class DatesStep:
    """Resolve time expressions against the article's date (inferred when metadata lacks it)."""

    name: ClassVar[str] = "dates"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences")
    provides: ClassVar[tuple[str, ...]] = ("timexes", "timeline")

    def __call__(self, article: Article) -> Article:
        anchor: date | None = article.published.value.date() if article.published.value else None
        if anchor is None:
            guess = infer_anchor(article.text)
            if guess is not None:
                anchor = guess.value
                article.published = Published(
                    value=datetime(anchor.year, anchor.month, anchor.day),
                    method="text",
                    raw=article.published.raw,
                    evidence_start=guess.start,
                    evidence_end=guess.end,
                )
        spans = [(s.start, s.end) for s in article.sentences]
        article.timexes = find_timexes(article.text, anchor=anchor, sentences=spans or None)
        article.timeline = build_timeline(article.timexes, spans) if spans else []
        return article
