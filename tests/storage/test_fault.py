"""Kill an ingest at random points, run it again, and check the store after each kill."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dupegen import base_article

from warta.storage import Store

RUNNER = """
import sys
from warta.config import load_settings
from warta.ingest import ingest
ingest([sys.argv[1]], db=sys.argv[2], settings=load_settings(), steps=["warta.clean.v1", "warta.segment.v1"],
       batch_size=7)
"""


def _check(db: Path) -> dict[str, int]:
    with Store.open(db) as store:
        assert store.integrity_check() == "ok"
        counts = store.counts()
        with store.connect() as conn:
            fts = conn.exec_driver_sql("SELECT count(*) FROM articles_fts").scalar_one()
            dup_keys = conn.exec_driver_sql("SELECT count(*) - count(DISTINCT key) FROM articles").scalar_one()
    assert fts == counts["articles"], "search index out of step with the articles"
    assert dup_keys == 0
    assert counts["article_sources"] == counts["articles"]
    return counts


@pytest.mark.slow
def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    rng = random.Random(2025)
    n = 600
    data = tmp_path / "berita.jsonl"
    with data.open("w", encoding="utf-8") as fh:
        for i in range(n):
            record = {"id": str(i), "url": f"https://uji.test/{i}", "source": "Uji", "date": "2025-01-01",
                      "text": "\n\n".join(base_article(rng))}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    db = tmp_path / "korpus.db"
    stored = 0
    kills = 0
    for _ in range(10):
        proc = subprocess.Popen([sys.executable, "-c", RUNNER, str(data), str(db)])
        # Import and start-up take about a second; kill anywhere from then to the end.
        time.sleep(rng.uniform(1.0, 5.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        if db.exists():
            now = _check(db)["articles"]
            assert now >= stored, "committed rows were lost"
            print(f"kill {kills}: {now} articles stored, store sound")
            stored = now
    assert kills >= 5, "the ingest finished before it could be killed: make the input larger"
    subprocess.run([sys.executable, "-c", RUNNER, str(data), str(db)], check=True)
    assert _check(db)["articles"] == n
