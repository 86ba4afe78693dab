"""A check of the watchlists: find what is new, send the alerts, record what was sent.

:func:`check_watchlists` is what ``warta watchlist check`` runs, and what a collector calls
after each polling round. It works in two steps, each recorded in the store:

1. :func:`warta.storage.watchlists.record_new`: the matches no check has reported are kept,
   with a pending delivery on every channel the settings turn on (one transaction);
2. every pending delivery of every active channel is sent (the new items, and those a
   failed or interrupted earlier check left) and recorded: sent once, never again; a
   failure is counted and tried at the next check, up to ``alert_max_attempts``.

A crash between the two steps loses nothing: the next check sends what was left pending. A
crash after a send but before it is recorded sends those items again (at least once); the
webhook's ``X-Warta-Delivery`` id lets a receiver drop such a repeat.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec

from warta.config import Settings
from warta.errors import AlertError
from warta.storage import Store
from warta.storage.watchlists import (
    Channel,
    FoundItem,
    batch_sent,
    claim_pending,
    record_delivery,
    record_new,
)

from .channels import (
    active_channels,
    check_channels,
    publish_digests,
    recover_digests,
    send_email,
    send_webhook,
    write_digest,
)

__all__ = ["ChannelResult", "CheckResult", "WatchlistResult", "check_watchlists", "deliver_pending"]

logger = logging.getLogger(__name__)

# Items one webhook POST carries (a larger backlog goes in several, each recorded alone).
WEBHOOK_BATCH = 200
# Items one digest or mail carries at most (the rest at the next check).
DIGEST_BATCH = 5000


class WatchlistResult(msgspec.Struct):
    """One watchlist checked: the items it found now (``new``)."""

    name: str
    kind: str
    value: str
    new: int
    items: list[FoundItem]


class ChannelResult(msgspec.Struct):
    """One channel's deliveries in a check: items sent, items whose delivery failed (tried
    again at the next check), the error, and the digest files written."""

    channel: Channel
    sent: int = 0
    failed: int = 0
    error: str | None = None
    files: list[str] = msgspec.field(default_factory=list)


class CheckResult(msgspec.Struct):
    checked_at: str
    watchlists: list[WatchlistResult]
    channels: list[ChannelResult]

    @property
    def new(self) -> int:
        """Items found by this check, over all watchlists."""
        return sum(w.new for w in self.watchlists)

    @property
    def failed(self) -> int:
        return sum(c.failed for c in self.channels)


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    return now if now.tzinfo is not None else now.replace(tzinfo=UTC)


def _send(
    channel: Channel, items: Sequence[FoundItem], settings: Settings, when: datetime, batch: str
) -> list[str]:
    if channel == "digest":
        return [str(p) for p in write_digest(items, settings, now=when, batch=batch)]
    if channel == "webhook":
        send_webhook(items, settings, now=when)
        return []
    send_email(items, settings, now=when)
    return []


def deliver_pending(store: Store, settings: Settings, *, now: datetime | None = None) -> list[ChannelResult]:
    """Send every pending delivery of the active channels and record each outcome."""
    when = _now(now)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S")
    out = []
    claimant = secrets.token_hex(8)  # this check: two checks at once send different items
    channels = active_channels(settings)
    if "digest" in channels:  # what a killed check left half-way
        recover_digests(settings, lambda tag: batch_sent(store, "digest", tag))
    for channel in channels:
        result = ChannelResult(channel=channel)
        out.append(result)
        pending = claim_pending(
            store,
            channel,
            claimant,
            limit=DIGEST_BATCH,
            now=stamp,
            stale_after=timedelta(seconds=settings.alert_claim_timeout),
        )
        size = WEBHOOK_BATCH if channel == "webhook" else DIGEST_BATCH
        for n, start in enumerate(range(0, len(pending), size)):
            batch = pending[start : start + size]
            ids = [i.id for i in batch]
            tag = f"{claimant}-{n}"
            try:
                files = _send(channel, batch, settings, when, tag)
            except AlertError as exc:
                logger.warning("%s: %d items not delivered: %s", channel, len(batch), exc.message)
                record_delivery(
                    store,
                    channel,
                    ids,
                    error=exc.message,
                    max_attempts=settings.alert_max_attempts,
                    now=stamp,
                )
                result.failed += len(batch)
                result.error = exc.message
                break  # the channel is down: the rest waits for the next check
            record_delivery(store, channel, ids, now=stamp, batch=tag)
            result.files += [str(p) for p in publish_digests([Path(f) for f in files])]
            result.sent += len(batch)
    return out


def check_watchlists(
    store: Store,
    settings: Settings,
    *,
    now: datetime | None = None,
    names: Sequence[str] | None = None,
) -> CheckResult:
    """Check the watchlists (all, or those called ``names``) for new matches and alert.

    Finds the matches no earlier check reported, records them, sends them on every channel
    the settings turn on (digest files, webhook, e-mail) together with deliveries left
    pending by earlier checks, and records each delivery. Call it after each polling round.

    Args:
        store: the corpus store (its watchlist tables are read and written).
        settings: the ``alert_*`` channels and ``watch_max_items``.
        now: the time of the check (UTC; default: now), used in digests and records.
        names: only these watchlists (a delivery pending on a channel is sent whatever
            watchlist it belongs to).

    Returns:
        What each watchlist found and what each channel sent.

    Raises:
        AlertError: the settings turn a channel on without what it needs (W402); a channel
            that fails to deliver does not raise, its failure is in the result.
        WatchlistError: a name that names no watchlist (W109).

    Example:
        >>> result = check_watchlists(store, load_settings())  # doctest: +SKIP
        >>> result.new, [(c.channel, c.sent) for c in result.channels]  # doctest: +SKIP
        (2, [('webhook', 2)])
    """
    check_channels(settings)
    when = _now(now)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S")
    found = record_new(
        store,
        channels=active_channels(settings),
        names=names,
        max_items=settings.watch_max_items,
        now=stamp,
    )
    watched = [WatchlistResult(w.name, w.kind, w.value, len(items), items) for w, items in found]
    channels = deliver_pending(store, settings, now=when)
    return CheckResult(checked_at=stamp, watchlists=watched, channels=channels)
