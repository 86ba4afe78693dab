"""The read layer: the only code that reads the corpus store.

The CLI (``warta search|entity|quotes|dupes``), the REST API and the dashboard's pages all
ask these functions, so the same question gets the same answer everywhere. One module a
resource, each function a few SQL statements that the schema's indexes answer (never a
loop over every row in Python), each returning the records of :mod:`.records` (msgspec
structs; ``msgspec.json.encode`` gives the API's and ``--json``'s shapes):

- :mod:`.articles`: lists with filters and totals, an article's links, outlets, counts;
- :mod:`.text_search`: BM25 full-text search with Indonesian stems (FTS5 or a tsvector);
- :mod:`.entities`: resolving a name, name search, profiles, timelines, networks, rising names;
- :mod:`.quotes`: quotes by speaker, about an entity, per outlet; the most quoted;
- :mod:`.corrections`: the reviewers' correction log (every answer above is of the
  corrected quotes);
- :mod:`.accuracy`: the pipeline's scores on the reviewed quotes, run after run;
- :mod:`.clusters`: near-duplicate articles and quotes, and stories;
- :mod:`.sources`: the news collector's sources and hosts;
- :mod:`.watch_match`: what a watchlist matches.

Corpus-wide answers that take long (the home page's counts, clusterings) are kept on the
store (``store.memo``) until an article is added or changed. Dates are ``YYYY-MM-DD``
strings or :class:`datetime.date`; windows of recent days ("this week") end on the day
given (``end``), by default today.

Example:
    >>> with Store.open("warta.db") as store:  # doctest: +SKIP
    ...     page = list_articles(store, outlet="kompas", limit=10)
    ...     page.total, [a.title for a in page.items]
"""

from __future__ import annotations

import time

from warta.storage.repository import Store

from .accuracy import review_accuracy
from .articles import (
    MAX_OFFSET,
    article_count,
    article_ids_by_source,
    article_item,
    article_links,
    article_provenance,
    corpus_stats,
    latest_articles,
    latest_day,
    list_articles,
    list_outlets,
)
from .clusters import duplicate_clusters
from .corrections import correction_log, entity_correction_log
from .entities import (
    CO_MENTION_ARTICLES,
    NETWORK_ARTICLES,
    entity_articles,
    entity_exists,
    entity_network,
    entity_profile,
    entity_profile_by_id,
    entity_timeline,
    merged_into,
    resolve_entity,
    rising_entities,
    search_entities,
)
from .quotes import list_quotes, quote_page, quotes_by_outlet, speaker_quotes_by_outlet, top_speakers
from .records import *  # noqa: F403 (the records are part of this package's interface)
from .records import __all__ as _records
from .sources import watch_status
from .text_search import Hit, SearchQuery, parse_query, search

__all__ = [
    *_records,
    "CO_MENTION_ARTICLES",
    "MAX_OFFSET",
    "NETWORK_ARTICLES",
    "Hit",
    "SearchQuery",
    "article_count",
    "article_ids_by_source",
    "article_item",
    "article_links",
    "article_provenance",
    "corpus_stats",
    "correction_log",
    "duplicate_clusters",
    "entity_articles",
    "entity_exists",
    "entity_network",
    "entity_profile",
    "entity_profile_by_id",
    "entity_timeline",
    "latest_articles",
    "latest_day",
    "list_articles",
    "list_outlets",
    "list_quotes",
    "parse_query",
    "quote_page",
    "quotes_by_outlet",
    "entity_correction_log",
    "merged_into",
    "resolve_entity",
    "review_accuracy",
    "rising_entities",
    "search",
    "search_entities",
    "speaker_quotes_by_outlet",
    "top_speakers",
    "warm_up",
    "watch_status",
]


def warm_up(store: Store) -> float:
    """Compute and keep the corpus-wide answers a first visitor would otherwise wait for
    (the home page's aggregates, articles per entity for name searches, the duplicate
    clusters); returns the seconds it took.

    ``warta serve`` runs it in a background thread at start.
    """
    started = time.perf_counter()
    corpus_stats(store)
    list_outlets(store)
    entity_articles(store)
    top_speakers(store, days=7)
    rising_entities(store, days=7)
    entity_network(store)
    quotes_by_outlet(store)
    duplicate_clusters(store, what="articles")
    duplicate_clusters(store, what="quotes")
    duplicate_clusters(store, what="stories")
    return time.perf_counter() - started
