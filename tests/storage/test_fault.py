"""Kill an ingest at random points, run it again, and check the store after each kill."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dupegen import base_article

from pghelpers import is_url
from warta.storage import Store

RUNNER = """
import sys
from warta.config import load_settings
from warta.ingest import ingest
ingest([sys.argv[1]], db=sys.argv[2], settings=load_settings(), steps=["warta.clean.v1", "warta.segment.v1"],
       batch_size=7)
"""


def _check(db: str) -> dict[str, int]:
    with Store.open(db) as store:
        assert store.integrity_check() == "ok"
        counts = store.counts()
        with store.connect() as conn:
            index = "articles_fts" if store.is_sqlite else "articles_text"
            fts = conn.exec_driver_sql(f"SELECT count(*) FROM {index}").scalar_one()
            dup_keys = conn.exec_driver_sql(
                "SELECT count(*) - count(DISTINCT key) FROM articles"
            ).scalar_one()
    assert fts == counts["articles"], "search index out of step with the articles"
    assert dup_keys == 0
    assert counts["article_sources"] == counts["articles"]
    return counts


def _stored_now(db: str) -> int:
    if is_url(db):
        import sqlalchemy as sa

        from warta.storage.repository import database_url

        engine = sa.create_engine(database_url(db))
        try:
            with engine.connect() as conn:
                return int(conn.exec_driver_sql("SELECT count(*) FROM articles").scalar_one())
        except sa.exc.SQLAlchemyError:
            return 0  # not created yet
        finally:
            engine.dispose()
    if not Path(db).exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet


@pytest.mark.slow
def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path, store_target: str) -> None:
    rng = random.Random(2025)
    n = 600
    data = tmp_path / "berita.jsonl"
    with data.open("w", encoding="utf-8") as fh:
        for i in range(n):
            record = {
                "id": str(i),
                "url": f"https://uji.test/{i}",
                "source": "Uji",
                "date": "2025-01-01",
                "text": "\n\n".join(base_article(rng)),
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    db = store_target
    stored = 0
    kills = 0
    for run in range(10):
        proc = subprocess.Popen([sys.executable, "-c", RUNNER, str(data), str(db)])
        if run % 3 == 0:
            # Some kills during start-up or the first batches, at a random time.
            time.sleep(rng.uniform(0.2, 2.0))
        else:
            # The others at a random point of progress, whatever the machine's speed:
            # once the store holds `target` articles (that is, while the next batch is
            # being analysed or written).
            target = min(n - 10, stored + int((n - stored) / (11 - run) * rng.uniform(0.5, 1.5)) + 1)
            while proc.poll() is None and _stored_now(db) < target:
                time.sleep(0.01)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        if is_url(db) or Path(db).exists():
            now = _check(db)["articles"]
            assert now >= stored, "committed rows were lost"
            print(f"kill {kills}: {now} articles stored, store sound")
            stored = now
    assert kills >= 8, f"only {kills} runs could be killed before they finished"
    subprocess.run([sys.executable, "-c", RUNNER, str(data), str(db)], check=True)
    assert _check(db)["articles"] == n
