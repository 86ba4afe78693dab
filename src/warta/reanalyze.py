"""Analyse stored articles again: those an older analysis version produced (stale), or all.

``warta reanalyze --db warta.db`` reads each stale article's stored record, rebuilds the
input it came from (raw text, given title, source, publication date from metadata), runs
today's pipeline on it and updates it in place, a batch per transaction. Interrupted, it
resumes where it stopped: what is done is no longer stale.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import msgspec

from warta.article import Article, Published
from warta.budget import Budget, over_budget_reject
from warta.config import Settings, pipeline_specs
from warta.engines.local import LocalEngine
from warta.storage import Store
from warta.storage.writer import Writer, article_fingerprint, pipeline_hash

__all__ = ["ReanalyzeReport", "reanalyze", "stored_input"]


class ReanalyzeReport(msgspec.Struct):
    version: str
    stale: int  # stale articles found when the run began
    done: int = 0
    over_budget: int = 0
    seconds: float = 0.0
    interrupted: bool = False


def stored_input(article: Article) -> Article:
    """The input a stored analysis was made from: its raw text, the title the input gave (a
    title the clean stage found in the text is found again), its source and a publication
    date that came from metadata."""
    first = article.raw.lstrip().split("\n", 1)[0].strip()
    title = article.title if article.title and article.title.strip() != first else None
    published = article.published if article.published.method == "metadata" else Published()
    source = msgspec.structs.replace(article.source, dateline=None, place=None, credits=[])
    return Article(
        id=article.id,
        raw=article.raw,
        title=title,
        input_format=article.input_format,
        source=source,
        published=published,
    )


def reanalyze(
    db: str | Path,
    *,
    settings: Settings,
    stale_only: bool = True,
    workers: int = 1,
    batch_size: int = 100,
    stop: threading.Event | None = None,
    on_progress: Callable[[ReanalyzeReport], None] | None = None,
) -> ReanalyzeReport:
    """Analyse the stale (or, with ``stale_only=False``, all) articles of ``db`` again.

    Raises:
        StorageError: the database cannot be opened or written.
    """
    from warta.versions import describe_version

    keys = pipeline_specs(settings)
    version = pipeline_hash(keys)
    stop = stop or threading.Event()
    started = time.perf_counter()
    with Store.open(db, create=False) as store:
        store.record_version(describe_version(keys))
        target = "" if not stale_only else version  # every row differs from "": all of them
        report = ReanalyzeReport(
            version=version, stale=sum(v["articles"] for v in store.versions() if v["version"] != target)
        )
        writer = Writer()
        with LocalEngine(workers=workers, budget=Budget.from_settings(settings)) as engine:
            after = 0
            while not stop.is_set():
                ids = store.stale_ids(target, after=after, limit=batch_size)
                if not ids:
                    break
                after = ids[-1]
                stored = [a for a in (store.get_article(i) for i in ids) if a is not None]
                items = []
                for article in engine.run([stored_input(a) for a in stored], steps=keys):
                    if over_budget_reject(article) is not None:
                        report.over_budget += 1  # kept as it was; the next run tries again
                        continue
                    items.append((article, article_fingerprint(article, pipeline=version)))
                store.write_batch(items, writer=writer)
                report.done += len(items)
                report.seconds = time.perf_counter() - started
                if on_progress is not None:
                    on_progress(report)
    report.interrupted = stop.is_set()
    report.seconds = time.perf_counter() - started
    return report
