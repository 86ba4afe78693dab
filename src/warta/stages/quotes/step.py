"""The quote step: wires the quote functions to an Article."""

from __future__ import annotations

from typing import ClassVar

from warta.article import Article, Quote, Timex
from warta.stages.quotes.attribute import find_quotes, known_names
from warta.stages.quotes.boundaries import MentionIndex, refine_speaker
from warta.stages.quotes.citations import find_citations
from warta.stages.quotes.people import introductions
from warta.stages.quotes.repeats import link_repeats
from warta.stages.quotes.resolve import build_quotes

__all__ = ["QuoteStep", "date_quotes"]


def date_quotes(quotes: list[Quote], timexes: list[Timex], default: str | None) -> None:
    """Date each quote by a calendar date in its sentence, else by ``default`` (in place)."""
    by_sentence: dict[int, str] = {}
    for t in timexes:
        if t.sentence is not None and t.sentence not in by_sentence and t.type in ("DATE", "TIME") and t.value[:1].isdigit():
            by_sentence[t.sentence] = t.value
    for q in quotes:
        q.date = by_sentence.get(q.sentence, default) if q.sentence is not None else default


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

    def __call__(self, article: Article) -> Article:
        text = article.text
        spans = [(s.start, s.end) for s in article.sentences]
        names = known_names(text)
        for m in article.mentions:
            if m.label == "PER":
                names.update(w for w in m.text.split() if w[:1].isupper())
        found = find_quotes(text, sentences=spans or None, known=names)
        # Only people introduced as a sentence's subject are candidates for "-nya" and
        # pronouns; a role phrase inside a clause ("menjadi Presiden X") is a mention.
        people = [p for p in introductions(text, spans, known=names) if p.subject] if spans else []
        if article.mentions:
            index = MentionIndex(article.mentions)
            for p in [f.speaker for f in found if f.speaker is not None] + people:
                refine_speaker(text, p, index)
        quotes = build_quotes(
            text, found, sentences=spans, mentions=article.mentions, entities=article.entities, people=people
        )
        link_repeats(quotes)
        default = article.published.value.date().isoformat() if article.published.value else None
        date_quotes(quotes, article.timexes, default)
        article.quotes = quotes
        article.citations = find_citations(text)
        return article
