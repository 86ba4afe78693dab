"""Watchlists and alerts: named saved searches kept in the store, checked for new matches,
which are sent as digest files, a signed webhook and an e-mail.

- :func:`check_watchlists` (:mod:`.check`): one check; a news collector calls it after each
  polling round, ``warta watchlist check`` runs it from the command line;
- :mod:`warta.storage.watchlists`: the watchlists themselves (add, list, remove, matches,
  what was reported and delivered);
- :mod:`.channels` and :mod:`.render`: the alert channels and what they say.

Example:
    >>> from warta.config import load_settings
    >>> from warta.storage import Store
    >>> from warta.storage.watchlists import add_watchlist, make_spec
    >>> with Store.open("warta.db") as store:  # doctest: +SKIP
    ...     add_watchlist(store, make_spec("mendag", "speaker", "Rina Kartika"))
    ...     result = check_watchlists(store, load_settings(alert_digest_dir="digests"))
    ...     print(result.new)
"""

from __future__ import annotations

from .check import ChannelResult, CheckResult, WatchlistResult, check_watchlists, deliver_pending

__all__ = ["ChannelResult", "CheckResult", "WatchlistResult", "check_watchlists", "deliver_pending"]
