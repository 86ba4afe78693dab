"""An analysed article as escaped HTML: entities, quotes, cues, speakers and dates highlighted.

Scraped text is hostile. Every character of ``Article.text`` reaches the page through
:func:`markupsafe.escape`, one piece at a time; the only markup is the ``<span>``/``<a>``
tags written here, whose attribute values are escaped too. Nothing of the article is
ever marked safe as a whole.

Highlights come from character offsets that may nest (a name inside a quote) or cross
(a speaker mention that runs past the end of a quote). :func:`layout` turns them into a
properly nested sequence: the text is cut at every boundary and, piece by piece, the
open elements are closed and reopened where they must be, so a crossing mark becomes
two elements sharing the same ``data-*`` attributes and the HTML is always well formed.

Example:
    >>> from warta.article import Article
    >>> a = Article(id="x", raw="<b>Hai</b>", text="<b>Hai</b>")
    >>> str(render_paragraphs(a)[0])
    '&lt;b&gt;Hai&lt;/b&gt;'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape

from warta.article import Article

__all__ = ["Mark", "entity_name", "layout", "marks_of", "render_paragraphs", "speaker_name"]

# Outer to inner when two marks share a start and an end: a quote holds its speaker and
# cue, which hold names, which hold dates and repairs.
RANK = {"quote": 0, "cue": 1, "speaker": 1, "mention": 2, "timex": 3, "repair": 4}


@dataclass(frozen=True)
class Mark:
    """One highlight: ``[start, end)`` of the text, its kind, its CSS classes and attributes.

    ``href`` makes the element a link (only when no link is open around it: links do not nest).
    ``attrs`` names are ours (``data-*``, ``id``); values are escaped when written.
    """

    start: int
    end: int
    kind: str
    classes: str
    attrs: tuple[tuple[str, str], ...] = ()
    href: str | None = None
    # Written on the first element of a mark only (an id must be unique).
    first_attrs: tuple[tuple[str, str], ...] = field(default=())

    @property
    def order(self) -> tuple[int, int, int]:
        return (self.start, -self.end, RANK.get(self.kind, 9))


def entity_name(article: Article, index: int | None) -> str | None:
    if index is None or not 0 <= index < len(article.entities):
        return None
    return article.entities[index].name


def speaker_name(article: Article, quote_index: int) -> str | None:
    """Who said quote ``quote_index``: the entity's name, else the name, description or mention."""
    sp = article.quotes[quote_index].speaker
    if sp is None:
        return None
    name = (
        entity_name(article, sp.entity)
        or sp.name
        or sp.description
        or (sp.mention.text if sp.mention else None)
    )
    if name and sp.anonymous:
        return f"{name} (anonymous)"
    return name


def marks_of(
    article: Article,
    *,
    entity_href: Callable[[int], str | None] = lambda _i: None,
    quote_date: Callable[[int], str | None] | None = None,
    speaker_href: Mapping[int, str] | None = None,
) -> list[Mark]:
    """Every highlight of ``article`` whose offsets are valid, in document order.

    Args:
        entity_href: the link of ``Article.entities[i]`` (its entity page), or None.
        quote_date: the date shown for quote ``i`` (default: the quote's own date).
        speaker_href: the link of quote ``i``'s speaker when the store knows better than
            the article (default: the link of the speaker's entity).
    """
    n = len(article.text)
    out: list[Mark] = []

    def ok(start: int, end: int) -> bool:
        return 0 <= start < end <= n

    for i, q in enumerate(article.quotes):
        who = speaker_name(article, i) or "unknown speaker"
        when = (quote_date(i) if quote_date else None) or q.date or ""
        sp = q.speaker
        ent = sp.entity if sp is not None else None
        href = (speaker_href or {}).get(i) or (entity_href(ent) if ent is not None else None)
        common: tuple[tuple[str, str], ...] = (("data-q", str(i)),)
        if ok(q.start, q.end):
            attrs = (*common, ("data-kind", q.kind), ("data-speaker", who), ("data-date", when))
            if q.needs_review:
                attrs = (*attrs, ("data-review", f"{q.confidence:.0%} likely right: check"))
            css = f"q q-{q.kind}" + (" q-review" if q.needs_review else "")
            out.append(
                Mark(q.start, q.end, "quote", css, attrs, first_attrs=(("id", f"q-{i}"), ("tabindex", "0")))
            )
        if q.cue is not None and ok(q.cue.start, q.cue.end):
            out.append(
                Mark(
                    q.cue.start, q.cue.end, "cue", "cue", (*common, ("data-tip", f"cue of a quote by {who}"))
                )
            )
        if sp is not None and sp.mention is not None and ok(sp.mention.start, sp.mention.end):
            out.append(
                Mark(
                    sp.mention.start,
                    sp.mention.end,
                    "speaker",
                    "spk",
                    (*common, ("data-tip", f"speaker: {who}")),
                    href=href,
                )
            )
    for m in article.mentions:
        if not ok(m.start, m.end):
            continue
        name = entity_name(article, m.entity) or m.text
        tip: tuple[tuple[str, str], ...] = (("data-tip", f"{m.label} · {name}"),)
        if m.entity is not None:
            tip = (("data-e", str(m.entity)), *tip)
        href = entity_href(m.entity) if m.entity is not None else None
        out.append(Mark(m.start, m.end, "mention", f"m m-{m.label.lower()}", tip, href=href))
    for tx in article.timexes:
        if ok(tx.start, tx.end):
            value = tx.value + (f" ({tx.mod})" if tx.mod else "")
            out.append(Mark(tx.start, tx.end, "timex", "tx", (("data-tip", f"{tx.type} {value}"),)))
    for c in article.cleaning.repaired:
        if ok(c.start, c.end):
            out.append(
                Mark(c.start, c.end, "repair", "rep", (("data-tip", f"repaired: {c.before} → {c.after}"),))
            )
    out.sort(key=lambda mk: mk.order)
    return out


def _open(mark: Mark, first: bool, in_link: bool) -> str:
    tag = "a" if mark.href and not in_link else "span"
    parts = [f'<{tag} class="{escape(mark.classes)}"']
    if tag == "a":
        parts.append(f' href="{escape(mark.href)}"')
    for name, value in (*mark.attrs, *(mark.first_attrs if first else ())):
        parts.append(f' {name}="{escape(value)}"')
    parts.append(">")
    return "".join(parts)


def layout(text: str, marks: Sequence[Mark], start: int, end: int) -> Markup:
    """``text[start:end]`` as escaped HTML with ``marks`` (clipped to the range) properly nested.

    Marks that cross are split: the inner one is closed where the outer one ends and
    reopened right after, so the elements always nest.
    """
    clipped = sorted((mk for mk in marks if mk.start < end and mk.end > start), key=lambda mk: mk.order)
    cuts = {start, end}
    for mk in clipped:
        cuts.add(max(mk.start, start))
        cuts.add(min(mk.end, end))
    points = sorted(cuts)
    html: list[str] = []
    stack: list[Mark] = []  # open elements, outermost first
    tags: list[str] = []  # their closing tags
    opened: set[int] = set()  # ids of marks already written once (for first_attrs)
    active: list[Mark] = []  # marks covering the current piece (a sweep: linear in marks + pieces)
    nxt = 0
    for a, b in pairwise(points):
        while nxt < len(clipped) and clipped[nxt].start <= a:
            active.append(clipped[nxt])
            nxt += 1
        active = [mk for mk in active if mk.end > a]
        want = sorted(active, key=lambda mk: mk.order)
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        while len(stack) > keep:
            stack.pop()
            html.append(tags.pop())
        for mk in want[keep:]:
            in_link = "</a>" in tags
            first = id(mk) not in opened
            opened.add(id(mk))
            tag = _open(mk, first and mk.start >= start, in_link)
            html.append(tag)
            tags.append("</a>" if tag.startswith("<a ") else "</span>")
            stack.append(mk)
        html.append(str(escape(text[a:b])))
    html.extend(reversed(tags))
    # Every piece above is either our own tag or escaped text.
    return Markup("".join(html))


def _paragraph_spans(article: Article) -> list[tuple[int, int]]:
    n = len(article.text)
    spans = [(p.start, p.end) for p in article.paragraphs if 0 <= p.start < p.end <= n]
    if spans:
        return spans
    # No paragraphs (segmentation did not run or failed): blank lines separate them.
    out: list[tuple[int, int]] = []
    pos = 0
    for block in article.text.split("\n\n"):
        s = pos + (len(block) - len(block.lstrip()))
        e = pos + len(block.rstrip())
        if e > s:
            out.append((s, e))
        pos += len(block) + 2
    return out


def render_paragraphs(
    article: Article,
    *,
    marks: Iterable[Mark] | None = None,
    entity_links: Mapping[int, str] | None = None,
    speaker_links: Mapping[int, str] | None = None,
) -> list[Markup]:
    """The article's paragraphs as escaped HTML with its highlights.

    ``entity_links`` maps an index of ``Article.entities`` to the URL of its page,
    ``speaker_links`` an index of ``Article.quotes`` to its speaker's page.
    """
    links = entity_links or {}
    found = (
        list(marks)
        if marks is not None
        else marks_of(article, entity_href=links.get, speaker_href=speaker_links)
    )
    return [layout(article.text, found, s, e) for s, e in _paragraph_spans(article)]
