"""Kill the collector with SIGKILL at random points, start it again; in the end every
article of the site is stored exactly once, the frontier agrees with the store, and a
watchlist's digests hold every matching article exactly once (none twice, none missed)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from newssite import NewsSite
from watchhelpers import STORED

from warta.storage import Store
from warta.storage import tables as t
from warta.storage.watchlists import add_watchlist, make_spec

RUNNER = """
import sys
sys.path.insert(0, sys.argv[3])
from watchhelpers import STEPS, fast_settings
from warta.watch import after_round_hooks, load_sources, watch
settings = fast_settings(watch_retry_after=0.0, alert_digest_dir=sys.argv[4], alert_claim_timeout=0.2)
watch(load_sources(sys.argv[1]), db=sys.argv[2], settings=settings, steps=STEPS, batch_size=2,
      after_round=after_round_hooks(settings))
"""


@pytest.mark.slow
def test_a_killed_collector_resumes_without_loss_or_duplicates(
    site: NewsSite, sources_file: Path, db: str
) -> None:
    rng = random.Random(20)
    here = str(Path(__file__).parent)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(Path(here).parents[1] / "src"), here, str(Path(here).parent)]),
    }
    digests = Path(sources_file).parent / "digest"
    with Store.open(db) as store:
        add_watchlist(store, make_spec("perbaikan", "query", "perbaikan"))
    command = [sys.executable, "-c", RUNNER, str(sources_file), db, here, str(digests)]
    for _ in range(5):
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))  # somewhere between start-up and the last commit
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    time.sleep(0.3)  # the claims and pending digests of the killed runs lapse
    final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert final.returncode == 0, final.stderr[-2000:]

    with Store.open(db) as store, store.connect() as conn:
        assert store.integrity_check() == "ok"
        articles = conn.execute(sa.select(t.articles.c.id)).scalars().all()
        rows = conn.execute(
            sa.select(
                t.watch_urls.c.url, t.watch_urls.c.state, t.watch_urls.c.article_id, t.watch_urls.c.kind
            )
        ).all()
        dup_keys = conn.exec_driver_sql("SELECT count(*) - count(DISTINCT key) FROM articles").scalar_one()
    # Every article exactly once.
    assert len(articles) == len(STORED) and dup_keys == 0
    by_path = {"/" + url.split("/", 3)[3]: (state, aid) for url, state, aid, _ in rows}
    stored = {p for p, (_, aid) in by_path.items() if aid is not None}
    # (/berita/tujuan is stored as what /berita/pindah redirects to; the copy of 2 is 2.)
    assert stored == (STORED - {"/berita/tujuan"}) | {"/berita/pindah", "/berita/2-salinan"}
    # The frontier agrees: nothing left half-way, every stored URL points at a stored article.
    assert not [p for p, (state, _) in by_path.items() if state == "seen"]
    assert {aid for _, aid in by_path.values() if aid is not None} == set(articles)
    # The watchlist: every matching article in exactly one digest.
    with Store.open(db) as store, store.connect() as conn:
        matching = {
            int(i)
            for i, title in conn.execute(sa.select(t.articles.c.id, t.articles.c.title))
            if title and "perbaikan" in title.casefold()
        }
    sent = [
        json.loads(line)["article_id"]
        for f in sorted(digests.glob("*.jsonl"))
        for line in f.read_text(encoding="utf-8").splitlines()
    ]
    assert matching and sorted(sent) == sorted(matching)
    assert not list(digests.glob(".*.pending"))
