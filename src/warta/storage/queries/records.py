"""The read layer's result records (msgspec structs: encode them with ``msgspec.json.encode``),
the same for the CLI's ``--json``, the REST API and the dashboard."""

from __future__ import annotations

import msgspec

from warta.storage.corrections import Correction
from warta.storage.entity_corrections import EntityCorrection
from warta.storage.recycled import Cluster

__all__ = [
    "ArticleItem",
    "ArticleLinks",
    "ArticlePage",
    "ClusterPage",
    "CorpusStats",
    "CorrectedQuote",
    "CorrectionPage",
    "EntityCorrectionPage",
    "EntityHit",
    "EntityLink",
    "EntityPage",
    "EntityProfile",
    "Network",
    "NetworkEdge",
    "NetworkNode",
    "OutletCount",
    "OutletQuotes",
    "Provenance",
    "QuotePage",
    "QuoteRow",
    "ReviewEval",
    "ReviewEvalPage",
    "RisingEntity",
    "RoleSeen",
    "SpeakerCount",
    "TimelinePoint",
    "WatchStatus",
    "WatchedHost",
    "WatchedSource",
]


class RoleSeen(msgspec.Struct):
    role: str
    count: int
    first_day: str | None
    last_day: str | None


class CorrectedQuote(msgspec.Struct):
    """A quote's speaker and content span as a reviewer corrected them."""

    speaker_id: int | None
    speaker_name: str | None
    anonymous: bool
    start: int
    end: int
    text: str


class QuoteRow(msgspec.Struct):
    """A quote with where and when it appeared."""

    text: str
    kind: str
    speaker: str | None
    speaker_id: int | None
    cue: str | None
    article_id: int
    title: str | None
    outlet: str | None
    day: str | None
    url: str | None
    confidence: float = 1.0  # the probability that the attribution is right
    needs_review: bool = False  # confidence below the review threshold
    idx: int = 0  # the quote's index in its article (the page's anchor #q-<idx>)
    reviewed: bool = False  # a reviewer confirmed or corrected it (warta.storage.corrections)


class OutletQuotes(msgspec.Struct):
    """One outlet's quotes by a speaker: how many, and the latest few."""

    outlet: str
    total: int
    quotes: list[QuoteRow]


class EntityProfile(msgspec.Struct):
    """One entity across the corpus.

    ``by_outlet`` and ``by_day`` count mentions; ``co_mentioned`` lists the entities
    most often in the same articles, as ``(name, label, articles)``.
    """

    id: int
    name: str
    label: str
    articles: int
    mentions: int
    aliases: list[tuple[str, int]]
    by_outlet: list[tuple[str, int]]
    by_day: list[tuple[str, int]]
    roles: list[RoleSeen]
    co_mentioned: list[tuple[str, str, int]]
    latest_quotes: list[QuoteRow]
    other_candidates: list[
        tuple[int, str, str, int]
    ]  # (id, name, label, articles): other entities the name may mean
    quotes: int = 0  # quotes the corpus attributes to it


class ArticleItem(msgspec.Struct):
    """One article in a list. ``score``, ``snippet`` and ``marks`` are set for a text search
    (``marks``: ``(start, end)`` offsets of the query words in ``snippet``)."""

    id: int
    title: str | None
    outlet: str | None
    published: str | None
    day: str | None
    url: str | None
    word_count: int
    topic: str | None
    quotes: int
    score: float | None = None
    snippet: str | None = None
    marks: list[tuple[int, int]] = msgspec.field(default_factory=list)


class ArticlePage(msgspec.Struct):
    """A page of articles: ``total`` matches in all, ``items`` from ``offset`` on."""

    total: int
    limit: int
    offset: int
    items: list[ArticleItem]


class Provenance(msgspec.Struct):
    """Where and when a stored article was seen (``sources``: every URL or file it came
    from, oldest first)."""

    id: int
    url: str | None
    outlet: str | None
    published: str | None
    day: str | None
    first_seen: str
    updated_at: str
    sources: list[str]


class EntityLink(msgspec.Struct):
    """Entity ``idx`` of an Article (``Article.entities[idx]``) is corpus entity ``entity_id``."""

    idx: int
    entity_id: int
    name: str
    label: str
    mentions: int


class ArticleLinks(msgspec.Struct):
    """Corpus ids for the parts of one stored article, to link them to their pages.

    ``quote_speakers`` maps a quote (``Article.quotes[idx]``) to its speaker's entity id
    (only for quotes whose speaker is a known person), as corrected by reviewers;
    ``reviewed`` lists the quotes a reviewer confirmed or corrected, ``rejected`` those a
    reviewer said are no quotes (left out of ``quote_speakers`` and of every list), and
    ``corrected`` the speaker and span of each quote whose speaker or span a reviewer changed
    (``Article.quotes`` holds the machine's).
    """

    article_id: int
    entities: list[EntityLink]
    quote_speakers: dict[int, int]
    reviewed: list[int] = msgspec.field(default_factory=list)
    rejected: list[int] = msgspec.field(default_factory=list)
    corrected: dict[int, CorrectedQuote] = msgspec.field(default_factory=dict)


class EntityHit(msgspec.Struct):
    id: int
    name: str
    label: str
    articles: int


class EntityPage(msgspec.Struct):
    total: int
    limit: int
    offset: int
    items: list[EntityHit]


class QuotePage(msgspec.Struct):
    """A page of quotes, newest first (``total`` is the number of matching quotes)."""

    total: int
    limit: int
    offset: int
    items: list[QuoteRow]


class SpeakerCount(msgspec.Struct):
    """A person and how often they were quoted (``quotes``), in how many articles."""

    entity_id: int
    name: str
    quotes: int
    articles: int


class RisingEntity(msgspec.Struct):
    """An entity mentioned more in the recent window than in the one before it.

    ``recent`` and ``previous`` count articles; ``ratio`` is (recent + 1) / (previous + 1).
    """

    entity_id: int
    name: str
    label: str
    recent: int
    previous: int
    ratio: float


class TimelinePoint(msgspec.Struct):
    """One day of an entity: ``mentions`` (sum over articles), ``articles``, ``quotes`` it gave."""

    day: str
    mentions: int
    articles: int
    quotes: int


class NetworkNode(msgspec.Struct):
    id: int
    name: str
    label: str
    articles: int


class NetworkEdge(msgspec.Struct):
    """Two entities named in ``weight`` of the same articles."""

    source: int
    target: int
    weight: int


class Network(msgspec.Struct):
    """A co-mention network: the centre (when one was asked for) and its neighbours."""

    center: int | None
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class OutletCount(msgspec.Struct):
    outlet: str
    quotes: int
    articles: int


class CorrectionPage(msgspec.Struct):
    """A page of the correction log, newest first (``total`` matching corrections)."""

    total: int
    limit: int
    offset: int
    items: list[Correction]


class EntityCorrectionPage(msgspec.Struct):
    """A page of the entity correction log, newest first (``total`` matching corrections)."""

    total: int
    limit: int
    offset: int
    items: list[EntityCorrection]


class CorpusStats(msgspec.Struct):
    articles: int
    entities: int
    quotes: int
    outlets: int
    first_day: str | None
    last_day: str | None


class ClusterPage(msgspec.Struct):
    """A page of duplicate clusters (largest first); ``total`` clusters in all."""

    total: int
    limit: int
    offset: int
    items: list[Cluster]


class WatchedSource(msgspec.Struct):
    """One source of the news collector (``warta watch``): its last poll and success, its
    last error, the new articles it brought, its errors, and its URLs by state."""

    name: str
    kind: str
    url: str
    last_poll: str | None
    last_ok: str | None
    last_error: str | None
    polls: int
    new_articles: int
    errors: int
    urls: dict[str, int]


class WatchedHost(msgspec.Struct):
    host: str
    requests: int
    errors: int
    last_request: str | None
    last_error: str | None
    last_error_at: str | None


class WatchStatus(msgspec.Struct):
    """The news collector's sources and hosts."""

    sources: list[WatchedSource]
    hosts: list[WatchedHost]


class ReviewEval(msgspec.Struct):
    """One run of ``warta eval quotes --db ... --reviewed``: when (UTC), which pipeline
    (``pipeline``: its analysis version; ``warta``: warta's version; ``steps``: each step's
    fingerprint, a hash of its code and model files), the reviewed gold it was scored on
    (``articles``; ``items``: confirmed or corrected quotes; ``uncertain``: quotes nobody
    reviewed, neither rewarded nor punished) and the scores (0 to 1)."""

    id: int
    created_at: str
    pipeline: str
    warta: str
    steps: dict[str, str]
    articles: int
    items: int
    uncertain: int
    predicted: int
    found: int
    span_precision: float
    span_recall: float
    span_f1: float
    speaker_accuracy: float
    joint_f1: float


class ReviewEvalPage(msgspec.Struct):
    """The newest runs (at most ``limit``), oldest first; ``total``: every run recorded."""

    total: int
    limit: int
    items: list[ReviewEval]
