"""``warta watch --once`` against the invented news site, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from newssite import NewsSite
from typer.testing import CliRunner
from watchhelpers import STEPS, STORED, fast_settings

from warta.cli import app
from warta.storage import Store
from warta.storage import tables as t
from warta.watch import load_sources, watch


def _stored_paths(db: str) -> dict[str, int]:
    """Stored articles: the path of every URL they were fetched under -> article id."""
    with Store.open(db) as store, store.connect() as conn:
        rows = conn.execute(
            sa.select(t.watch_urls.c.url, t.watch_urls.c.article_id).where(
                t.watch_urls.c.article_id.is_not(None)
            )
        ).all()
    return {"/" + url.split("/", 3)[3]: int(i) for url, i in rows}


def _articles(db: str) -> list[tuple[int, str, str]]:
    with Store.open(db) as store, store.connect() as conn:
        return [
            tuple(r) for r in conn.execute(sa.select(t.articles.c.id, t.articles.c.url, t.articles.c.title))
        ]


def test_once_collects_every_allowed_article_once_and_nothing_forbidden(
    site: NewsSite, sources_file: Path, db: str
) -> None:
    report = watch(load_sources(sources_file), db=db, settings=fast_settings(), steps=STEPS)
    (r,) = report.rounds
    stored = _stored_paths(db)
    articles = _articles(db)
    # Every allowed article once: the copy at /berita/2-salinan, /berita/2?utm_source=... and
    # m.localhost/berita/2 are one article; /berita/pindah is stored as /berita/tujuan.
    assert len(articles) == len(STORED) == r.inserted
    assert sorted(r.new_article_ids) == sorted(a[0] for a in articles)
    assert stored["/berita/2"] == stored["/berita/2-salinan"]
    assert {u for _, u, _ in articles} >= {site.url("/berita/tujuan"), site.url("/berita/rusak")}
    # robots.txt: never asked for what it forbids; the mobile host was never asked for at all.
    assert not [p for p, _ in site.hits if p.startswith("/rahasia/")]
    assert set(site.hosts) == {f"localhost:{site.port}"}
    # Each page fetched once (the 500 once more), the mobile and tracking spellings never.
    hits = site.article_hits()
    assert hits.pop("/berita/lambat") == 2  # too slow twice: the first try and one retry
    assert all(n == 1 for n in hits.values())
    assert site.hits[("/berita/rusak", 500)] == 1
    # The frontier says what happened to each URL, with its reason.
    with Store.open(db) as store, store.connect() as conn:
        states = {
            "/" + u.split("/", 3)[3]: (s, e)
            for u, s, e in conn.execute(
                sa.select(t.watch_urls.c.url, t.watch_urls.c.state, t.watch_urls.c.last_error)
            )
        }
        rejects = conn.execute(sa.select(t.rejects.c.source, t.rejects.c.code)).all()
    assert states["/rahasia/1"][0] == "forbidden"
    assert states["/berita/hilang"] == ("failed", "HTTP 404")
    assert states["/berita/lambat"][0] == "failed" and "timeout" in states["/berita/lambat"][1]
    assert states["/berita/besar"][0] == "failed" and "W103" in states["/berita/besar"][1]
    assert states["/berita/putar/0"] == ("failed", "too many redirects (more than 3)")
    assert states["/berita/indeks"][0] == "fetched" and states["/berita/indeks"][1].startswith("W101")
    assert rejects == [(site.url("/berita/indeks"), "W101")]
    # The big page was not read to its end (it has no Content-Length): the limit stopped it.
    assert site.hits[("/berita/besar", 200)] == 1


def test_a_page_in_the_wrong_charset_is_read_right(site: NewsSite, sources_file: Path, db: str) -> None:
    watch(load_sources(sources_file), db=db, settings=fast_settings(), steps=STEPS)
    stored = _stored_paths(db)
    with Store.open(db) as store:
        cp = store.get_article(stored["/berita/cp1252"])
        latin = store.get_article(stored["/berita/latin"])
    assert cp is not None and latin is not None
    assert "\u201cKami sudah tiga kali" in cp.text  # windows-1252 bytes declared as UTF-8
    assert "Senin pagi \u2014 sambil tersenyum \u2014" in latin.text  # UTF-8 declared as latin-1


def test_a_second_run_fetches_nothing_until_an_article_changes(
    site: NewsSite, sources_file: Path, db: str
) -> None:
    specs = load_sources(sources_file)
    watch(specs, db=db, settings=fast_settings(), steps=STEPS)
    site.hits.clear()
    (again,) = watch(specs, db=db, settings=fast_settings(), steps=STEPS).rounds
    assert again.fetched == 0 and again.inserted == 0 and not site.article_hits()
    # Listings answer 304 to the conditional GET.
    assert site.hits[("/rss.xml", 304)] == site.hits[("/sitemap.xml", 304)] == site.hits[("/depan", 304)] == 1
    before = {i: title for i, _, title in _articles(db)}

    site.bump(4)  # a new version of one article: new text, a newer date in the sitemaps
    site.hits.clear()
    (changed,) = watch(specs, db=db, settings=fast_settings(), steps=STEPS).rounds
    assert site.article_hits() == {"/berita/4": 1}
    assert (changed.fetched, changed.inserted, changed.updated) == (1, 0, 1)
    stored = _stored_paths(db)
    with Store.open(db) as store:
        a4 = store.get_article(stored["/berita/4"])
    assert a4 is not None and "Pembaruan ke-2" in a4.text
    assert {i: title for i, _, title in _articles(db)} == before  # updated in place, nothing added


def test_failed_urls_are_tried_again_with_backoff_up_to_the_limit(
    site: NewsSite, sources_file: Path, db: str
) -> None:
    specs = load_sources(sources_file)
    settings = fast_settings(watch_retry_after=0.0, watch_max_attempts=2)
    for _ in range(3):
        watch(specs, db=db, settings=settings, steps=STEPS)
    # Two attempts (each of two tries), then left alone with its reason.
    assert site.hits[("/berita/hilang", 404)] == 2 * 2 - 2  # a 404 is not retried within a request
    with Store.open(db) as store, store.connect() as conn:
        row = conn.execute(
            sa.select(t.watch_urls.c.state, t.watch_urls.c.attempts, t.watch_urls.c.last_error).where(
                t.watch_urls.c.url == site.url("/berita/hilang")
            )
        ).one()
    assert tuple(row) == ("failed", 2, "HTTP 404")


def test_status_and_health_show_each_source(site: NewsSite, sources_file: Path, db: str) -> None:
    watch(load_sources(sources_file), db=db, settings=fast_settings(), steps=STEPS)
    result = CliRunner().invoke(app, ["status", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    status = json.loads(result.stdout)["watch"]
    by_name = {s["name"]: s for s in status["sources"]}
    assert set(by_name) == {"uji-rss", "uji-sitemap", "uji-depan"}
    assert sum(s["new_articles"] for s in by_name.values()) == len(STORED)
    assert all(s["last_ok"] and s["polls"] == 1 for s in by_name.values())
    assert by_name["uji-rss"]["urls"]["forbidden"] == 1
    (host,) = status["hosts"]
    assert host["host"] == f"localhost:{site.port}" and host["errors"] >= 4 and host["requests"] > 20
    text = CliRunner().invoke(app, ["status", "--db", db])
    assert "uji-sitemap" in text.stdout and "sources (warta watch)" in text.stdout

    from fastapi.testclient import TestClient

    from warta.web.app import create_app

    with Store.open(db) as store, TestClient(create_app(fast_settings(), store=store)) as client:
        health = client.get("/api/v1/health").json()
        page = client.get("/sources")
    assert {s["name"] for s in health["sources"]} == set(by_name)
    assert health["hosts"][0]["errors"] == host["errors"]
    # The dashboard's sources page: every source, and the hosts with their errors.
    assert page.status_code == 200
    assert all(name in page.text for name in by_name) and "Hosts" in page.text


def test_the_cli_runs_once_and_reports(site: NewsSite, sources_file: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    config = tmp_path / "warta.toml"
    config.write_text(
        'pipeline = ["warta.clean.v1", "warta.segment.v1"]\nwatch_host_delay = 0.0\nwatch_timeout = 0.5\n'
        "watch_retries = 1\nwatch_backoff = 0.05\nwatch_max_bytes = 200000\nwatch_max_redirects = 3\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app,
        [
            "watch",
            "--sources",
            str(sources_file),
            "--db",
            db,
            "--once",
            "--config",
            str(config),
            "--log-json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"{len(STORED)} new articles" in result.output
    events = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert {"round_start", "listing", "round_end"} <= {e.get("event") for e in events}


def test_a_wrong_sources_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "x"\nkind = "koran"\nurl = "https://a.test/"\n', encoding="utf-8")
    result = CliRunner().invoke(
        app, ["watch", "--sources", str(bad), "--db", str(tmp_path / "k.db"), "--once"]
    )
    assert result.exit_code == 2
    assert "W107" in result.output and "source 'x' (#1)" in result.output and "koran" in result.output


def test_a_new_store_has_the_watch_tables(db: str) -> None:
    with Store.open(db) as store:
        counts = store.counts()
    assert {"watch_sources", "watch_urls", "watch_hosts"} <= set(counts)


def test_a_round_runs_the_watchlists_check(
    site: NewsSite, sources_file: Path, db: str, tmp_path: Path
) -> None:
    """After each round the collector checks the watchlists: the new articles that match a
    saved search reach the digest once; the next round, with nothing new, sends nothing."""
    from warta.storage.watchlists import add_watchlist, make_spec
    from warta.watch import after_round_hooks

    digests = tmp_path / "digest"
    settings = fast_settings(alert_digest_dir=str(digests))
    with Store.open(db) as store:
        add_watchlist(store, make_spec("perbaikan", "query", "perbaikan"))
    watch(
        load_sources(sources_file),
        db=db,
        settings=settings,
        steps=STEPS,
        after_round=after_round_hooks(settings),
    )
    titles = [title for _id, _url, title in _articles(db) if title and "Perbaikan" in title]
    assert titles
    sent = [
        json.loads(line)
        for f in sorted(digests.glob("*.jsonl"))
        for line in f.read_text("utf-8").splitlines()
    ]
    assert sorted(x["title"] for x in sent) == sorted(titles)
    watch(
        load_sources(sources_file),
        db=db,
        settings=settings,
        steps=STEPS,
        after_round=after_round_hooks(settings),
    )
    assert len(list(digests.glob("*.jsonl"))) == 1
