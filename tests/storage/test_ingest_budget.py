"""Ingest under a per-article budget, and stopped by a signal: nothing lost, poison remembered."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import ClassVar

import pytest
import sqlalchemy as sa
from dupegen import base_article
from typer.testing import CliRunner

from warta.article import Article
from warta.cli import app
from warta.config import load_settings
from warta.ingest import ingest
from warta.registry import register
from warta.storage import Store
from warta.storage import tables as t


class _SlowStep:
    """Spins for 2 s per MB of text: a stage whose cost grows with the article, on demand."""

    name: ClassVar[str] = "slow"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    provides: ClassVar[tuple[str, ...]] = ()

    def __call__(self, article: Article) -> Article:
        until = time.monotonic() + 2.0 * len(article.text) / 1e6
        while time.monotonic() < until:
            pass
        return article


register("warta.test.slow.v1", _SlowStep)
STEPS = ["warta.clean.v1", "warta.segment.v1", "warta.test.slow.v1"]


def _folder(root: Path, n: int, *, big_bytes: int = 0) -> Path:
    rng = random.Random(15)
    root.mkdir()
    for i in range(n):
        (root / f"berita-{i:03d}.txt").write_text("\n\n".join(base_article(rng)), encoding="utf-8")
    if big_bytes:
        # One line, no paragraph breaks: what a broken export or a hostile post looks like.
        line = " ".join(" ".join(base_article(rng)) for _ in range(3)) + " "
        (root / "zz-besar.txt").write_text(line * (big_bytes // len(line) + 1), encoding="utf-8")
    return root


def _rejects(db: Path) -> list[tuple[str, str]]:
    with Store.open(db) as store, store.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.select(t.rejects.c.source, t.rejects.c.code))]  # type: ignore[misc]


def test_the_article_over_budget_is_rejected_and_the_rest_analysed(tmp_path: Path) -> None:
    data = _folder(tmp_path / "korpus", 70, big_bytes=10_000_000)
    db = tmp_path / "korpus.db"
    settings = load_settings(article_seconds=2.0)
    report = ingest([data], db=db, settings=settings, steps=STEPS)
    assert (report.inserted, report.rejected) == (70, 1)
    ((source, code),) = _rejects(db)
    assert source.endswith("zz-besar.txt") and code == "W205"
    with Store.open(db) as store:
        assert store.counts()["articles"] == 70
        assert len(store.over_budget()) == 1

    # A resumed run skips the poison record and says so, without analysing it again.
    started = time.monotonic()
    again = ingest([data], db=db, settings=settings, steps=STEPS)
    assert (again.inserted, again.unchanged, again.skipped_over_budget) == (0, 70, 1)
    assert time.monotonic() - started < 10


def test_cli_says_it_skipped_the_record_over_budget_and_retries_it(tmp_path: Path) -> None:
    data = _folder(tmp_path / "korpus", 2, big_bytes=1_000_000)
    db = tmp_path / "korpus.db"
    ingest([data], db=db, settings=load_settings(article_seconds=0.5), steps=STEPS)
    config = tmp_path / "warta.toml"
    config.write_text(
        'pipeline = ["warta.clean.v1", "warta.segment.v1", "warta.test.slow.v1"]\narticle_seconds = 0.5\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["ingest", str(data), "--db", str(db), "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "skipped 1 record(s) that ran over the per-article budget" in " ".join(result.output.split())

    # With a larger budget, --retry-over-budget analyses it.
    retried = ingest(
        [data], db=db, settings=load_settings(article_seconds=60.0), steps=STEPS, retry_over_budget=True
    )
    assert (retried.inserted, retried.skipped_over_budget) == (1, 0)


RUNNER = """
import sys
from warta.cli import main
sys.argv = ["warta", "ingest", sys.argv[1], "--db", sys.argv[2], "--batch-size", "3", "--config", sys.argv[3]]
main()
"""


def _stored_now(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_the_ingest_and_keeps_what_is_done(tmp_path: Path, sig: signal.Signals) -> None:
    data = _folder(tmp_path / "korpus", 60)
    (data / "a-rusak.json").write_text("{rusak", encoding="utf-8")  # a reject read early (sorted first)
    db = tmp_path / "korpus.db"
    config = tmp_path / "warta.toml"
    # The full pipeline, so that the run lasts long enough to be stopped half-way.
    config.write_text("article_seconds = 60\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(data), str(db), str(config)], stderr=subprocess.PIPE, text=True
    )
    while proc.poll() is None and _stored_now(db) < 3:
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest finished before it could be stopped"
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "run the same command to resume" in " ".join(err.split())
    stored = _stored_now(db)
    assert 3 <= stored < 60
    assert [code for _s, code in _rejects(db)] == ["W104"]  # the reject met before the stop is kept

    # The same command resumes: every article once, the reject once.
    subprocess.run(
        [sys.executable, "-c", RUNNER, str(data), str(db), str(config)], check=True, capture_output=True
    )
    with Store.open(db) as store:
        counts = store.counts()
    assert counts["articles"] == 60 and counts["article_sources"] == 60
    assert len(_rejects(db)) == 1
