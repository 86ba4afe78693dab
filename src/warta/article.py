"""The ``Article`` record and its parts.

One ``Article`` travels through every stage. Each stage fills a typed field; every
span is a pair of character offsets ``[start, end)`` into ``Article.text`` (the
cleaned body). ``Article.raw`` keeps the input exactly as read, and
``Article.offsets`` maps cleaned positions back to it (see :mod:`warta.offsets`).

The records are ``msgspec.Struct`` classes: they are created by the hundred
thousand per second on a hot path, and they give a JSON round trip and a JSON
Schema (``warta schema``) for free.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import msgspec

from warta.offsets import OffsetMap

__all__ = [
    "REVIEW_BELOW",
    "Article",
    "Change",
    "ChangeKind",
    "Citation",
    "Cleaning",
    "CleaningWarning",
    "Entity",
    "EntityLabel",
    "Keyword",
    "Limit",
    "Mention",
    "Paragraph",
    "Published",
    "Quote",
    "Role",
    "Sentence",
    "Source",
    "Span",
    "Speaker",
    "StepError",
    "TimelineEntry",
    "Timex",
    "TimexType",
    "Token",
    "Topic",
    "article_json_schema",
    "from_json",
    "to_json",
]

ChangeKind = Literal[
    "boilerplate",  # a line or phrase removed from the body
    "metadata",  # a byline/editor/credit line moved out of the body into metadata
    "mojibake",  # wrongly decoded characters repaired
    "control",  # control or zero-width characters removed, odd spaces and styled letters normalised
    "reduplication",  # a hyphen restored in a reduplicated word
    "lost-character",  # a character the scraper dropped, restored
    "spelling",  # a reporting verb misspelt by one letter, put right
    "whitespace",  # line endings normalised, document trimmed
]


class Token(msgspec.Struct, frozen=True):
    """A token: its surface text and its span in ``Article.text``."""

    start: int
    end: int
    text: str


class Sentence(msgspec.Struct):
    """A sentence with its tokens; ``paragraph`` indexes ``Article.paragraphs``."""

    start: int
    end: int
    paragraph: int
    tokens: list[Token] = msgspec.field(default_factory=list)


class Paragraph(msgspec.Struct, frozen=True):
    start: int
    end: int


EntityLabel = Literal["PER", "ORG", "LOC", "EVT", "MISC"]


class Mention(msgspec.Struct):
    """A named-entity mention: a span of ``Article.text`` with its type.

    ``entity`` indexes ``Article.entities`` once mentions are merged.
    """

    start: int
    end: int
    text: str
    label: EntityLabel
    sentence: int = 0
    score: float = 1.0
    entity: int | None = None


class Role(msgspec.Struct):
    """A role the article gives an entity ("Sekretaris Pers Gedung Putih"), with its span."""

    text: str
    start: int
    end: int


class Entity(msgspec.Struct):
    """One person, organisation or place in an article, with every mention of it.

    ``name`` is the canonical (longest full) form; ``mentions`` index ``Article.mentions``.
    """

    id: str
    name: str
    label: EntityLabel
    mentions: list[int] = msgspec.field(default_factory=list)
    aliases: list[str] = msgspec.field(default_factory=list)
    roles: list[Role] = msgspec.field(default_factory=list)


class Span(msgspec.Struct, frozen=True):
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


class Speaker(msgspec.Struct):
    """Who a quote is attributed to.

    ``mention`` is the span next to the cue ("Psaki", "dia", "pejabat itu"); ``entity``
    indexes ``Article.entities`` when the speaker resolves to one; an anonymous source
    keeps its description ("pejabat AS") with ``anonymous=True``.
    """

    name: str | None = None
    mention: Span | None = None
    entity: int | None = None
    anonymous: bool = False
    description: str | None = None
    roles: list[Span] = msgspec.field(default_factory=list)
    affiliations: list[Span] = msgspec.field(default_factory=list)


# The default review threshold: attributions less likely than this to be right are flagged
# ``needs_review`` (the ``review_below`` setting overrides it).
REVIEW_BELOW = 0.9


class Quote(msgspec.Struct):
    """A statement reported in the article.

    ``kind``: ``direct`` (in quote marks), ``indirect`` (reported speech), ``mixed``
    (indirect speech with a quoted fragment). ``start``/``end`` cover the content.
    ``repeat_of`` points to an earlier quote with the same or nearly the same words;
    ``inside`` to the indirect quote a partial quote belongs to. ``confidence`` is the
    probability that the attribution (content and speaker) is right, calibrated on real
    articles; ``needs_review`` flags the ones below the review threshold.
    """

    kind: Literal["direct", "indirect", "mixed", "partial"]
    start: int
    end: int
    text: str
    cue: Span | None = None
    speaker: Speaker | None = None
    confidence: float = 1.0
    sentence: int | None = None
    date: str | None = None
    repeat_of: int | None = None
    inside: int | None = None
    needs_review: bool = False


class Citation(msgspec.Struct):
    """A source the article cites ("mengutip CNN"); ``source`` is None when the name was lost."""

    cue: Span
    source: Span | None = None
    dangling: bool = False


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class Timex(msgspec.Struct):
    """A time expression normalised to a TimeML TIMEX3 value.

    ``value`` follows TimeML: ``2022-02-20``, ``2022-02``, ``2022-W07-WE``,
    ``2022-02-20TNI``, ``2022-02-20T14:30``, ``P3Y``, ``PRESENT_REF``. ``anchor`` is the
    date the expression was resolved against (the article's date, or a date the text
    mentioned just before), ``mod`` a TimeML modifier (START, MID, END, APPROX).
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    anchor: str | None = None
    offset: str | None = None  # UTC offset of a WIB/WITA/WIT clock time, e.g. "+07:00"
    sentence: int | None = None


class TimelineEntry(msgspec.Struct):
    """A dated sentence: what the article says happened (or will happen) when."""

    value: str
    sentence: int
    start: int
    end: int
    timex: int  # index into Article.timexes


class Keyword(msgspec.Struct):
    """A keyphrase of the article ("pertemuan puncak"), its score in [0, 1] and where it occurs."""

    text: str
    score: float
    spans: list[Span] = msgspec.field(default_factory=list)


class Topic(msgspec.Struct):
    """The article's topic label ("politik", "olahraga", ...) and the classifier's probability."""

    label: str
    score: float


class Change(msgspec.Struct):
    """One change the cleaner made, with its reason and where it happened.

    ``raw_start``/``raw_end`` locate the original characters in ``Article.raw``.
    ``start``/``end`` locate the result in ``Article.text``; a removal has
    ``start == end`` (the place where the removed text used to be).
    """

    kind: ChangeKind
    rule: str
    reason: str
    before: str
    after: str
    raw_start: int
    raw_end: int
    start: int = 0
    end: int = 0


class CleaningWarning(msgspec.Struct):
    """Something wrong with the text that cleaning could not repair.

    ``lossy-decode`` comes from the reader: the input's encoding was guessed, stray
    bytes were read by a guess, or characters stand as U+FFFD replacement characters.
    It points at the first U+FFFD in ``Article.text`` when there is one, else at 0.
    """

    kind: Literal["dangling-citation", "truncated", "missing-space", "empty-body", "lossy-decode"]
    message: str
    start: int
    end: int
    cue: str = ""


class Cleaning(msgspec.Struct):
    removed: list[Change] = msgspec.field(default_factory=list)
    repaired: list[Change] = msgspec.field(default_factory=list)
    warnings: list[CleaningWarning] = msgspec.field(default_factory=list)


class Source(msgspec.Struct):
    """Where the article came from."""

    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    editor: str | None = None
    site: str | None = None
    path: str | None = None  # file the article was read from, with ``:line`` for JSONL/CSV
    credits: list[str] = msgspec.field(default_factory=list)  # photo/byline lines moved out of the body
    dateline: str | None = None  # the dateline moved out of the body ("JAKARTA, KOMPAS.com -")
    place: str | None = None  # where the story was filed, from its dateline ("JAKARTA")
    extractor: str | None = None  # how a page's body was found: "profile:detik", "trafilatura:precision"
    next_page: str | None = None  # the address of the story's next page, when it runs over several


class Published(msgspec.Struct):
    """Publication time and how we know it."""

    value: datetime | None = None
    method: Literal["metadata", "text", "unknown"] = "unknown"
    raw: str | None = None  # the date string as given by the input
    evidence_start: int | None = None
    evidence_end: int | None = None


class Limit(msgspec.Struct):
    """A cap that bounded the work on this article, and what it left out.

    Every stage is linear in its input or capped; a cap that bites is recorded here so
    that nothing is skipped silently. ``limit`` is the cap, ``found`` what the article had
    ("sentences ranked for the summary": 400 of 52,118).
    """

    step: str
    what: str
    limit: int
    found: int


class StepError(msgspec.Struct):
    """A step that failed on this article; the rest of the batch went on."""

    step: str
    code: str
    message: str


class Article(msgspec.Struct, kw_only=True):
    """One analysed article.

    ``raw`` is the input as read: the file's text for plain text, the main text that
    trafilatura extracted for HTML, the text field for JSONL/CSV records.

    Example:
        >>> a = Article(id="a1", raw="Isi berita.", text="Isi berita.")
        >>> a.raw_span(0, 3)
        (0, 3)
    """

    id: str
    raw: str
    text: str = ""
    title: str | None = None
    language: str = "id"
    input_format: Literal["text", "html", "jsonl", "csv"] = "text"
    source: Source = msgspec.field(default_factory=Source)
    published: Published = msgspec.field(default_factory=Published)
    # Anchor pairs [clean, raw] (see warta.offsets.OffsetMap); [[0, 0]] means identity.
    offsets: list[tuple[int, int]] = msgspec.field(default_factory=lambda: [(0, 0)])
    cleaning: Cleaning = msgspec.field(default_factory=Cleaning)
    paragraphs: list[Paragraph] = msgspec.field(default_factory=list)
    sentences: list[Sentence] = msgspec.field(default_factory=list)
    mentions: list[Mention] = msgspec.field(default_factory=list)
    entities: list[Entity] = msgspec.field(default_factory=list)
    quotes: list[Quote] = msgspec.field(default_factory=list)
    citations: list[Citation] = msgspec.field(default_factory=list)
    timexes: list[Timex] = msgspec.field(default_factory=list)
    timeline: list[TimelineEntry] = msgspec.field(default_factory=list)
    summary: list[int] = msgspec.field(default_factory=list)  # indices into sentences, in article order
    keywords: list[Keyword] = msgspec.field(default_factory=list)
    topic: Topic | None = None
    errors: list[StepError] = msgspec.field(default_factory=list)
    limits: list[Limit] = msgspec.field(default_factory=list)
    # Names of the fields that steps have filled, in order (see warta.pipeline).
    provided: list[str] = msgspec.field(default_factory=list)
    # For experiments only; stable outputs get a typed field.
    extras: dict[str, Any] = msgspec.field(default_factory=dict)

    def offsets_map(self) -> OffsetMap:
        """The map from positions in ``text`` to positions in ``raw``."""
        return OffsetMap.from_anchors(self.offsets, clean_len=len(self.text), raw_len=len(self.raw))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Where the cleaned span ``[start, end)`` came from in ``raw``."""
        return self.offsets_map().span(start, end)

    @property
    def tokens(self) -> list[Token]:
        return [t for s in self.sentences for t in s.tokens]

    @property
    def word_count(self) -> int:
        return sum(len(s.tokens) for s in self.sentences) if self.sentences else len(self.text.split())


_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(Article)


def to_json(article: Article) -> bytes:
    """Serialise an article to JSON bytes."""
    return _encoder.encode(article)


def from_json(data: bytes | str) -> Article:
    """Read an article back from :func:`to_json` output (validated against the schema)."""
    return _decoder.decode(data)


def article_json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Article` (``warta schema`` prints it)."""
    schema: dict[str, Any] = msgspec.json.schema(Article)
    return schema
