"""A check finds the new matches of a watchlist and alerts once on every channel: digest
files, a signed webhook, an e-mail; nothing twice, nothing missed (both backends)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alerthelpers import (
    Q_BARU,
    Q_KAPAL,
    Q_PELABUHAN,
    SARI,
    smtp_server,
    store_articles,
    webhook_receiver,
)

from warta.config import Settings, load_settings
from warta.storage import Store
from warta.storage.watchlists import add_watchlist, make_spec, pending_items, record_new
from warta.watchlists import check_watchlists

SECRET = "rahasia-uji"


def _settings(tmp_path: Path, **more: Any) -> Settings:
    values: dict[str, Any] = {
        "alert_base_url": "https://warta.test",
        "alert_digest_dir": str(tmp_path / "digest"),
        "alert_webhook_backoff": 0.01,
        **more,
    }
    return load_settings(**values)


def _digest(tmp_path: Path) -> tuple[list[str], list[dict[str, Any]]]:
    """The Markdown digests' texts and every JSON Lines record, oldest digest first."""
    folder = tmp_path / "digest"
    md = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))]
    records = [
        json.loads(line) for p in sorted(folder.glob("*.jsonl")) for line in p.read_text().splitlines()
    ]
    return md, records


def _quotes(webhook_bodies: list[dict[str, Any]]) -> list[str]:
    return [i["quote"] for b in webhook_bodies for w in b["watchlists"] for i in w["items"]]


def test_a_watchlist_on_a_person_alerts_on_every_channel_once(store: Store, tmp_path: Path) -> None:
    store_articles(store, "pelabuhan", "kapal", "cuaca")
    add_watchlist(store, make_spec("sari", "speaker", SARI))
    with webhook_receiver(SECRET) as (url, hook), smtp_server() as (port, mails):
        settings = _settings(
            tmp_path,
            alert_webhook_url=url,
            alert_webhook_secret=SECRET,
            alert_smtp_host="127.0.0.1",
            alert_smtp_port=port,
            alert_smtp_security="none",
            alert_mail_from="warta@uji.test",
            alert_mail_to=["redaksi@uji.test"],
        )
        result = check_watchlists(store, settings)
        assert result.new == 2
        assert {(c.channel, c.sent, c.failed) for c in result.channels} == {
            ("digest", 2, 0),
            ("webhook", 2, 0),
            ("email", 2, 0),
        }

        # The digest: Markdown and JSON Lines with the two quotes by Sari Wulandari, linked.
        md, records = _digest(tmp_path)
        assert len(md) == 1
        assert Q_PELABUHAN in md[0] and Q_KAPAL in md[0] and "Nelayan jangan" not in md[0]
        assert "## sari: speaker Sari Wulandari" in md[0]
        assert "<b>" not in md[0] and "&lt;b&gt;Tanjung Lestari&lt;/b&gt;" in md[0]  # scraped markup escaped
        assert sorted(r["quote"] for r in records) == sorted([Q_PELABUHAN, Q_KAPAL])
        assert {r["speaker"] for r in records} == {SARI}
        assert {r["outlet"] for r in records} == {"Kabar Pesisir", "Suara Timur"}
        for r in records:
            assert r["link"] == f"https://warta.test/article/{r['article_id']}"
            assert f"(https://warta.test/article/{r['article_id']})" in md[0]
            assert r["day"] in ("2025-04-01", "2025-04-02") and r["title"]

        # The webhook: one signed POST with the same two quotes.
        assert len(hook.requests) == 1 and hook.requests[0]["signed"]
        assert sorted(_quotes(hook.delivered)) == sorted([Q_PELABUHAN, Q_KAPAL])
        assert hook.requests[0]["delivery"] == hook.delivered[0]["delivery"]

        # The mail: one digest to the recipient.
        assert len(mails) == 1
        mail = mails[0]
        assert mail["To"] == "redaksi@uji.test" and "2 new matches in 1 watchlist" in mail["Subject"]
        body = mail.get_payload(decode=True).decode("utf-8")
        assert Q_PELABUHAN in body and Q_KAPAL in body and "Nelayan jangan" not in body

        # A second check finds and sends nothing.
        again = check_watchlists(store, settings)
        assert again.new == 0 and all(c.sent == 0 for c in again.channels)
        assert len(hook.requests) == 1 and len(mails) == 1 and len(_digest(tmp_path)[0]) == 1

        # A new article with a new quote: only that one is sent, on every channel.
        store_articles(store, "ekspor")
        third = check_watchlists(store, settings)
        assert third.new == 1 and [i.quote for i in third.watchlists[0].items] == [Q_BARU]
        assert _quotes([hook.delivered[-1]]) == [Q_BARU] and len(hook.requests) == 2
        assert len(mails) == 2 and Q_BARU in mails[1].get_payload(decode=True).decode("utf-8")
        assert Q_PELABUHAN not in mails[1].get_payload(decode=True).decode("utf-8")
        md, records = _digest(tmp_path)
        assert len(md) == 2 and [r["quote"] for r in records].count(Q_BARU) == 1
        assert len(records) == 3


def test_a_failing_webhook_is_retried_and_then_delivered_once(store: Store, tmp_path: Path) -> None:
    store_articles(store, "pelabuhan", "kapal")
    add_watchlist(store, make_spec("sari", "speaker", SARI))
    # Fails twice, then accepts: the retries within one check deliver it.
    with webhook_receiver(SECRET, fail_first=2) as (url, hook):
        settings = _settings(
            tmp_path, alert_webhook_url=url, alert_webhook_secret=SECRET, alert_digest_dir=""
        )
        result = check_watchlists(store, settings)
        assert [(c.channel, c.sent, c.failed) for c in result.channels] == [("webhook", 2, 0)]
        assert [r["status"] for r in hook.requests] == [500, 500, 200]
        assert len({r["delivery"] for r in hook.requests}) == 1  # the same delivery, tried again
        check_watchlists(store, settings)
        assert len(hook.requests) == 3 and len(hook.delivered) == 1


def test_a_webhook_down_for_a_whole_check_is_delivered_at_the_next(store: Store, tmp_path: Path) -> None:
    store_articles(store, "pelabuhan", "kapal")
    add_watchlist(store, make_spec("sari", "speaker", SARI))
    with webhook_receiver(SECRET, fail_first=3) as (url, hook):
        settings = _settings(
            tmp_path,
            alert_webhook_url=url,
            alert_webhook_secret=SECRET,
            alert_webhook_retries=2,
            alert_digest_dir="",
        )
        first = check_watchlists(store, settings)
        (channel,) = first.channels
        assert (channel.sent, channel.failed) == (0, 2) and "3 tries failed" in (channel.error or "")
        assert len(pending_items(store, "webhook")) == 2  # recorded, not lost
        second = check_watchlists(store, settings)
        assert second.new == 0 and [(c.sent, c.failed) for c in second.channels] == [(2, 0)]
        assert [r["status"] for r in hook.requests] == [500, 500, 500, 200]
        assert sorted(_quotes(hook.delivered)) == sorted([Q_PELABUHAN, Q_KAPAL])
        check_watchlists(store, settings)
        assert len(hook.requests) == 4


def test_a_crash_between_found_and_sent_loses_nothing(store: Store, tmp_path: Path) -> None:
    store_articles(store, "pelabuhan", "kapal")
    add_watchlist(store, make_spec("sari", "speaker", SARI))
    settings = _settings(tmp_path)
    # The first half of a check, as a process killed before it sent anything leaves it.
    found = record_new(store, channels=["digest"], max_items=settings.watch_max_items)
    assert [len(items) for _w, items in found] == [2]
    result = check_watchlists(store, settings)
    assert result.new == 0 and [(c.channel, c.sent) for c in result.channels] == [("digest", 2)]
    _md, records = _digest(tmp_path)
    assert sorted(r["quote"] for r in records) == sorted([Q_PELABUHAN, Q_KAPAL])


def test_a_check_reports_at_most_max_items_and_the_rest_next_time(store: Store, tmp_path: Path) -> None:
    store_articles(store, "pelabuhan", "kapal", "ekspor")
    add_watchlist(store, make_spec("sari", "speaker", SARI))
    settings = _settings(tmp_path, watch_max_items=2)
    first = check_watchlists(store, settings)
    second = check_watchlists(store, settings)
    third = check_watchlists(store, settings)
    assert (first.new, second.new, third.new) == (2, 1, 0)
    quotes = [i.quote for r in (first, second) for i in r.watchlists[0].items]
    assert sorted(quotes) == sorted([Q_PELABUHAN, Q_KAPAL, Q_BARU])


def test_an_article_analysed_again_is_not_reported_again(store: Store, tmp_path: Path) -> None:
    store_articles(store, "pelabuhan")
    add_watchlist(store, make_spec("pesisir", "outlet", "pesisir"))
    add_watchlist(store, make_spec("sari", "speaker", SARI))
    settings = _settings(tmp_path)
    assert check_watchlists(store, settings).new == 2
    store_articles(store, "pelabuhan")  # the same article, written again (a re-analysis)
    assert check_watchlists(store, settings).new == 0


def test_two_checks_at_once_never_send_one_item_twice(store: Store, tmp_path: Path) -> None:
    """A check claims what it sends: another check at the same time finds nothing to send,
    and a claim left by a check that died is taken over once it lapses."""
    import threading

    from warta.storage.watchlists import claim_pending

    store_articles(store, "pelabuhan", "kapal", "cuaca")
    add_watchlist(store, make_spec("sari", "speaker", SARI))
    record_new(store, channels=["digest"])
    first = claim_pending(store, "digest", "cek-satu", now="2025-05-01T08:00:00")
    assert len(first) == 2
    assert claim_pending(store, "digest", "cek-dua", now="2025-05-01T08:05:00") == []
    retaken = claim_pending(store, "digest", "cek-dua", now="2025-05-01T08:20:00")
    assert sorted(i.id for i in retaken) == sorted(i.id for i in first)

    # Checks running together, each with the digest on: every item in exactly one digest.
    add_watchlist(store, make_spec("kapal", "query", "kapal"))
    settings = _settings(tmp_path)
    results: list[Any] = []
    threads = [
        threading.Thread(target=lambda: results.append(check_watchlists(store, settings))) for _ in range(3)
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    _md, records = _digest(tmp_path)
    keys = [(r["watchlist"], r["article_id"], r.get("quote")) for r in records]
    assert len(keys) == len(set(keys)) and keys
    assert sum(c.sent for r in results for c in r.channels) == len(records)


def test_a_check_killed_between_digest_and_record_leaves_each_item_in_one_digest(
    store: Store, tmp_path: Path
) -> None:
    """Digests are written under pending names and published once the store recorded them:
    pending files a dead check left are published when their batch was recorded, and
    deleted (their items sent again) when it was not."""
    from datetime import UTC, datetime

    from warta.storage.watchlists import claim_pending, record_delivery
    from warta.watchlists.channels import write_digest

    store_articles(store, "pelabuhan", "kapal", "cuaca")
    add_watchlist(store, make_spec("sari", "speaker", SARI))
    settings = _settings(tmp_path, alert_claim_timeout=0.01)
    record_new(store, channels=["digest"])
    items = claim_pending(store, "digest", "mati", now="2025-05-01T08:00:00")
    when = datetime(2025, 5, 1, 8, 0, tzinfo=UTC)
    # Killed after writing, before recording: the pending files are dropped, the items sent again.
    write_digest(items, settings, now=when, batch="aa11-0")
    assert _digest(tmp_path) == ([], [])
    import time

    time.sleep(0.05)
    first = check_watchlists(store, settings)
    assert sum(c.sent for c in first.channels) == 2
    # Killed after recording, before publishing: the next check publishes the files.
    store_articles(store, "ekspor")
    add_watchlist(store, make_spec("tuna", "query", "tuna"))
    record_new(store, channels=["digest"])
    more = claim_pending(store, "digest", "mati2", now="2025-05-01T09:00:00")
    write_digest(more, settings, now=when.replace(hour=9), batch="bb22-0")
    record_delivery(store, "digest", [i.id for i in more], batch="bb22-0")
    time.sleep(0.05)
    check_watchlists(store, settings)
    _md, records = _digest(tmp_path)
    keys = [(r["watchlist"], r["article_id"], r.get("quote")) for r in records]
    assert len(keys) == len(set(keys)) == 2 + len(more)
    assert not list((tmp_path / "digest").glob(".*.pending"))
