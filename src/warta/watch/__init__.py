"""``warta watch``: the news collector.

Polls RSS/Atom feeds, sitemaps (news sitemaps and indexes too) and front pages named in a
sources file (:mod:`.sources`), fetches new and changed articles politely (:mod:`.fetch`),
analyses them on the engine's worker processes and stores them incrementally
(:mod:`.collector`), keeping its frontier in the store (:mod:`warta.storage.frontier`).

Other features run after every polling round through :func:`after_round_hooks` (a hook
gets the store and the ids of the round's new articles).

Importing this package opens nothing and touches no network.
"""

from __future__ import annotations

from .collector import AfterRound, RoundReport, WatchReport, after_round_hooks, watch
from .sources import SourceSpec, load_sources, parse_sources
from .urls import HostMap, normalize_url

__all__ = [
    "AfterRound",
    "HostMap",
    "RoundReport",
    "SourceSpec",
    "WatchReport",
    "after_round_hooks",
    "load_sources",
    "normalize_url",
    "parse_sources",
    "watch",
]
