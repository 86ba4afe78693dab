"""Read, analyse and store a corpus: the library side of ``warta ingest``.

Inputs go through the readers (files, folders, JSONL/CSV, HTML, feeds, WARC), the
pipeline (``settings.pipeline`` on a :class:`~warta.engines.LocalEngine`, one pipeline
per worker process) and into a :class:`~warta.storage.Store`, in batches, each batch in
one transaction.

- Idempotent: an article already stored under the same URL (or file and line) and
  content hash, analysed by the same steps, is skipped without being analysed again; a
  changed one is updated in place. A second run over the same inputs adds no row.
- Resumable: a batch is committed as a whole or not at all. What the progress reports
  as stored has been committed; an interrupted run, started again, skips it and goes on.
- Bad inputs go to the ``rejects`` table with their reason, and the run goes on. An
  article over the per-article budget (``article_seconds``, ``article_memory_mb``) is a
  W205 reject, and is remembered (``over_budget``): a later run skips it and says so.
- Stoppable: when ``stop`` is set (the CLI sets it on SIGINT and SIGTERM), or on
  KeyboardInterrupt, the articles analysed so far and the rejects are committed, the
  workers are stopped, and the report says ``interrupted``; the same command resumes.

Example:
    >>> report = ingest(["berita.jsonl.gz"], db="warta.db", settings=load_settings(), workers=2)  # doctest: +SKIP
    >>> report.inserted, report.unchanged  # doctest: +SKIP
    (1200, 0)
"""

from __future__ import annotations

import gzip
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import msgspec

from warta.article import Article
from warta.budget import Budget, over_budget_reject
from warta.config import Settings, pipeline_specs
from warta.engines import LocalEngine
from warta.io import Reject, read_inputs
from warta.io._read import folder_files
from warta.registry import StepRef
from warta.storage import Store
from warta.storage.writer import Fingerprint, Writer, article_fingerprint, pipeline_hash

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

__all__ = [
    "Committed",
    "IngestProgress",
    "IngestReport",
    "KnownLookup",
    "analyse_and_store",
    "count_records",
    "ingest",
]

logger = logging.getLogger(__name__)

# Commit at least this often, so that a slow pipeline still makes steady, resumable progress.
_COMMIT_SECONDS = 5.0


class IngestProgress(msgspec.Struct):
    """Counts so far. ``done`` counts every record handled (stored, skipped or rejected)."""

    done: int = 0
    total: int | None = None
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    skipped_over_budget: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def analysed(self) -> int:
        return self.inserted + self.updated

    @property
    def rate(self) -> float:
        """Articles analysed and stored per second."""
        return self.analysed / self.seconds if self.seconds > 0 else 0.0


class IngestReport(IngestProgress):
    """The final counts, with the store's name and size on disk."""

    db: str = ""
    size_bytes: int = 0
    workers: int = 1
    interrupted: bool = False


def ingest(
    paths: Sequence[str | Path],
    *,
    db: str | Path,
    settings: Settings,
    workers: int = 1,
    batch_size: int = 200,
    steps: Sequence[StepRef] | None = None,
    total: int | None = None,
    on_progress: Callable[[IngestProgress], None] | None = None,
    stop: threading.Event | None = None,
    retry_over_budget: bool = False,
) -> IngestReport:
    """Analyse every article under ``paths`` and store it in ``db``.

    Args:
        paths: files and folders (anything :func:`warta.io.read_inputs` reads).
        db: a SQLite file (created when missing) or a database URL.
        settings: reader settings and the default pipeline.
        workers: pipeline processes (1 runs in this process).
        batch_size: articles per transaction.
        steps: registry keys of the pipeline (default: ``settings.pipeline``).
        total: the number of records, when known (see :func:`count_records`), for progress.
        on_progress: called after each commit (and while skipping stored articles).
        stop: when set, stop reading, commit what is analysed and return (``interrupted``).
        retry_over_budget: analyse again the records that ran over budget in earlier runs.

    Raises:
        StorageError: the database cannot be opened or written (see warta.storage.errors).
    """
    keys = tuple(steps) if steps is not None else pipeline_specs(settings)
    progress = IngestProgress(total=total)
    started = time.perf_counter()
    stop = stop or threading.Event()

    def report() -> None:
        progress.seconds = time.perf_counter() - started
        if on_progress is not None:
            on_progress(progress)

    store = Store.open(db)
    try:
        from warta.versions import describe_version

        store.record_version(describe_version(keys))
        engine = LocalEngine(workers=workers, budget=Budget.from_settings(settings))
        try:
            interrupted = analyse_and_store(
                read_inputs(paths, settings=settings),
                store=store,
                engine=engine,
                steps=keys,
                progress=progress,
                report=report,
                known=store.known(),
                poisoned=set() if retry_over_budget else store.over_budget(),
                batch_size=batch_size,
                stop=stop,
            )
        finally:
            engine.close()
        report()
    finally:
        store.close()
    size = _size(db)
    return IngestReport(
        **msgspec.structs.asdict(progress),
        db=str(db),
        size_bytes=size,
        workers=workers,
        interrupted=interrupted,
    )


class KnownLookup(Protocol):
    """What is stored, by source key (and ``sha1:<hash>``): a dict from :meth:`Store.known`,
    or a lookup that asks the store per key."""

    def get(self, key: str, /) -> tuple[str, str] | None: ...


@dataclass
class Committed:
    """What one transaction of :func:`analyse_and_store` wrote, for ``on_commit``: the
    articles with their row id and whether the row is new, the rejects, the articles over
    budget (with the reason), and the articles skipped since then as already stored."""

    articles: list[tuple[Article, Fingerprint, int, bool]] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    over_budget: list[tuple[Article, str]] = field(default_factory=list)
    skipped: list[tuple[Article, Fingerprint]] = field(default_factory=list)


def analyse_and_store(
    items: Iterable[Article | Reject],
    *,
    store: Store,
    engine: LocalEngine,
    steps: tuple[StepRef, ...],
    progress: IngestProgress,
    report: Callable[[], None],
    known: KnownLookup,
    poisoned: set[tuple[str, str]],
    batch_size: int,
    stop: threading.Event,
    on_commit: Callable[[Connection, Committed], None] | None = None,
) -> bool:
    """Analyse ``items`` on ``engine`` and store them in batches: the heart of
    :func:`ingest`, shared with the news collector (:mod:`warta.watch`).

    Articles already stored with the same content by the same steps are skipped; the
    same record twice in ``items`` is analysed once; rejects are stored with the next
    batch. ``on_commit`` runs inside each batch's transaction, after its writes. The
    engine is left open (the caller closes it, and may run it again).

    Returns:
        True when ``stop`` cut the run short (what was analysed is committed).
    """
    pipe = pipeline_hash(steps)
    interrupted = False
    rejects: deque[Reject] = deque()
    skipped: deque[tuple[Article, Fingerprint]] = deque()
    # Fingerprints of the articles sent to the engine, in order (results come back in order).
    sent: deque[Fingerprint] = deque()
    # Bounds the articles read ahead of the writer (the pool's feeder reads eagerly).
    slots = threading.Semaphore(max(4 * batch_size, 32 * engine.workers))
    lock = threading.Lock()

    def feed() -> Iterator[Article]:
        queued: dict[str, str] = {}
        queued_hashes: set[str] = set()
        for item in items:
            if stop.is_set():
                return
            if isinstance(item, Reject):
                rejects.append(item)
                continue
            fp = article_fingerprint(item, pipeline=pipe)
            if (fp.source_key, fp.content_hash) in poisoned:
                logger.warning(
                    "%s: skipped, it ran over the per-article budget in an earlier run "
                    "(--retry-over-budget analyses it again)",
                    fp.source_key,
                )
                with lock:
                    progress.skipped_over_budget += 1
                    progress.done += 1
                continue
            skip = _queued(fp, queued, queued_hashes) or _stored(fp, known)
            queued.setdefault(fp.source_key, fp.content_hash)
            queued_hashes.add(fp.content_hash)
            if skip:
                if on_commit is not None:
                    skipped.append((item, fp))
                with lock:
                    progress.unchanged += 1
                    progress.done += 1
                    count = progress.unchanged
                if count % 500 == 0:
                    report()
                continue
            # Wait for room, but never past a stop: the pool's feeder thread runs this, and
            # stopping the pool waits for that thread.
            while not slots.acquire(timeout=0.1):
                if stop.is_set():
                    return
            sent.append(fp)
            yield item

    writer = Writer()
    batch: list[tuple[Article, Fingerprint]] = []
    heavy: list[tuple[Fingerprint, str]] = []
    heavy_articles: list[tuple[Article, str]] = []
    last = time.perf_counter()

    def flush() -> None:
        nonlocal last
        taken = list(rejects)
        passed = list(skipped)
        if not batch and not taken and not heavy and not passed:
            return
        after = None
        if on_commit is not None:
            hook = on_commit

            def after(conn: Connection, written: list[tuple[int, bool]]) -> None:
                done = [(a, fp, row, new) for (a, fp), (row, new) in zip(batch, written, strict=True)]
                hook(conn, Committed(done, taken, list(heavy_articles), passed))

        try:
            inserted, updated = store.write_batch(
                batch, rejects=taken, over_budget=heavy, writer=writer, after=after
            )
        except BaseException:
            writer.resolver.clear()  # the ids it cached were rolled back
            raise
        for _ in taken:
            rejects.popleft()
        for _ in passed:
            skipped.popleft()
        with lock:
            progress.inserted += inserted
            progress.updated += updated
            progress.rejected += len(taken)
            progress.words += sum(a.word_count for a, _ in batch)
            progress.done += len(batch) + len(taken)
        batch.clear()
        heavy.clear()
        heavy_articles.clear()
        last = time.perf_counter()
        report()

    try:
        for article in engine.run(feed(), steps=steps):
            slots.release()
            fp = sent.popleft()
            rejected = over_budget_reject(article)
            if rejected is not None:
                rejects.append(rejected)
                heavy.append((fp, rejected.reason))
                heavy_articles.append((article, rejected.reason))
            else:
                batch.append((article, fp))
            if len(batch) >= batch_size or time.perf_counter() - last > _COMMIT_SECONDS:
                flush()
            if stop.is_set():
                interrupted = True
                break
        # Rejects met while reading after the last article (or all of them, with none to analyse).
        if stop.is_set():
            interrupted = True
        flush()
    except KeyboardInterrupt:
        # Keep what is done: the analysed articles and the rejects so far are committed
        # (a write the interrupt cut short was rolled back, and its batch is still here).
        stop.set()
        engine.terminate()
        flush()
        raise
    except BaseException:
        # Stop the workers now rather than let them finish the queue (errors downstream).
        stop.set()
        engine.terminate()
        raise
    if interrupted:
        engine.terminate()
    return interrupted


def _stored(fp: Fingerprint, known: KnownLookup) -> bool:
    """Already stored with the same content by the same steps?"""
    same = (fp.content_hash, fp.pipeline)
    found = known.get(fp.source_key)
    if found is not None:
        return found == same
    # A page never seen whose content is stored: analyse it only when it has a URL, so
    # that the new URL is recorded as another source of the stored article.
    return fp.url_key is None and known.get(f"sha1:{fp.content_hash}") == same


def _queued(fp: Fingerprint, queued: dict[str, str], hashes: set[str]) -> bool:
    """Already sent for analysis in this run (the same record twice in the inputs)?

    The first record of a URL wins: a later one in the same run with other content is
    skipped, so that every run over the same inputs stores the same version.
    """
    if fp.source_key in queued:
        return True
    return fp.url_key is None and fp.content_hash in hashes


def _size(db: str | Path) -> int:
    text = str(db)
    if "://" in text:
        return 0
    return sum(p.stat().st_size for p in (Path(text), Path(text + "-wal")) if p.exists())


def count_records(paths: Sequence[str | Path], *, settings: Settings) -> int | None:
    """A quick count of the records under ``paths``, for a progress bar's total.

    JSONL files count their non-blank lines, CSV files their lines less the header, other
    files count one; feeds and WARC files make it unknown (None).
    """
    total = 0
    enabled = {s.lower() for s in settings.suffixes}
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            # The files a folder read visits (hidden entries and outside links are passed over).
            files.extend(f for f in folder_files(p) if isinstance(f, Path))
        elif p.is_file():
            files.append(p)
        else:
            return None
    for f in files:
        name = f.name.lower()
        if name.endswith((".xml", ".rss", ".atom", ".warc", ".warc.gz", ".arc.gz")):
            return None
        base = name.removesuffix(".gz")
        if base.endswith((".jsonl", ".csv", ".json")):
            opener = gzip.open if name.endswith(".gz") else open
            try:
                with opener(f, "rb") as fh:
                    n = sum(1 for line in fh if line.strip())
            except OSError:
                continue
            total += n - 1 if base.endswith(".csv") else n
        elif any(name.endswith(s) for s in enabled):
            total += 1
    return total
