"""Export stored articles to JSONL (full Article records), CSV or Parquet (flat rows).

JSONL writes each article's complete record, as ``warta analyze --jsonl`` does. CSV and
Parquet write one flat row per article (id, url, outlet, title, published, topic,
word count, keywords, people, text) for spreadsheets and dataframes; Parquet needs
pyarrow.

Example:
    >>> with Store.open("warta.db") as store:  # doctest: +SKIP
    ...     export_articles(store, "berita.parquet", format="parquet", outlet="tempo")
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal

import sqlalchemy as sa

from warta.article import Article, to_json

from . import tables as t
from .errors import StorageError
from .queries.entities import resolve_entity
from .repository import Store
from .writer import decode_doc

__all__ = ["EXPORT_FIELDS", "ExportFormat", "export_articles", "iter_articles"]

ExportFormat = Literal["jsonl", "csv", "parquet"]

EXPORT_FIELDS = (
    "id",
    "doc_id",
    "url",
    "outlet",
    "title",
    "published",
    "topic",
    "word_count",
    "keywords",
    "people",
    "quotes",
    "text",
)
_BATCH = 500


def iter_articles(
    store: Store,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    outlet: str | None = None,
    entity: str | None = None,
    limit: int | None = None,
) -> Iterator[tuple[int, Article]]:
    """Stored articles (row id, record) matching the filters, oldest first."""
    a = t.articles.c
    stmt = sa.select(a.id, a.doc).order_by(a.published, a.id)
    if date_from is not None:
        stmt = stmt.where(a.day >= date_from.isoformat())
    if date_to is not None:
        stmt = stmt.where(a.day <= date_to.isoformat())
    if outlet:
        stmt = stmt.where(sa.func.lower(a.outlet).contains(outlet.casefold()))
    with store.connect() as conn:
        if entity:
            ids = [r[0] for r in resolve_entity(conn, entity)[:1]]
            ae = t.article_entities.c
            stmt = stmt.where(sa.exists().where(ae.article_id == a.id, ae.entity_id.in_(ids)))
        if limit is not None:
            stmt = stmt.limit(limit)
        for row in conn.execution_options(stream_results=True, yield_per=_BATCH).execute(stmt):
            yield int(row.id), decode_doc(row.doc)


def _flat(row_id: int, article: Article) -> dict[str, Any]:
    people = [e.name for e in article.entities if e.label == "PER"]
    return {
        "id": row_id,
        "doc_id": article.id,
        "url": article.source.url,
        "outlet": article.source.outlet or article.source.site,
        "title": article.title,
        "published": article.published.value.isoformat() if article.published.value else None,
        "topic": article.topic.label if article.topic else None,
        "word_count": article.word_count,
        "keywords": "; ".join(k.text for k in article.keywords),
        "people": "; ".join(people),
        "quotes": len(article.quotes),
        "text": article.text,
    }


def export_articles(
    store: Store,
    target: str | Path | IO[bytes],
    *,
    format: ExportFormat = "jsonl",
    date_from: date | None = None,
    date_to: date | None = None,
    outlet: str | None = None,
    entity: str | None = None,
    limit: int | None = None,
) -> int:
    """Write the matching articles to ``target``; return how many.

    ``target`` is a path (``.gz`` compresses JSONL and CSV) or, for JSONL and CSV, a
    binary stream.

    Raises:
        StorageError: Parquet to a stream, or pyarrow missing.
    """
    items = iter_articles(
        store, date_from=date_from, date_to=date_to, outlet=outlet, entity=entity, limit=limit
    )
    if format == "parquet":
        if not isinstance(target, str | Path):
            raise StorageError("Parquet export needs a file path", source=store.name)
        return _parquet(items, Path(target), store.name)
    if isinstance(target, str | Path):
        path = Path(target)
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "wb") as gz:
                return _write(items, gz, format)
        with path.open("wb") as fh:
            return _write(items, fh, format)
    return _write(items, target, format)


def _write(items: Iterator[tuple[int, Article]], fh: IO[bytes] | gzip.GzipFile, format: ExportFormat) -> int:
    count = 0
    if format == "jsonl":
        for _rid, article in items:
            fh.write(to_json(article) + b"\n")
            count += 1
        return count
    import io

    text = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    for rid, article in items:
        writer.writerow(_flat(rid, article))
        count += 1
    text.flush()
    text.detach()
    return count


def _parquet(items: Iterator[tuple[int, Article]], path: Path, name: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise StorageError("Parquet export needs pyarrow (pip install pyarrow)", source=name) from exc
    schema = pa.schema(
        [
            ("id", pa.int64()),
            ("doc_id", pa.string()),
            ("url", pa.string()),
            ("outlet", pa.string()),
            ("title", pa.string()),
            ("published", pa.string()),
            ("topic", pa.string()),
            ("word_count", pa.int64()),
            ("keywords", pa.string()),
            ("people", pa.string()),
            ("quotes", pa.int64()),
            ("text", pa.string()),
        ]
    )
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        rows: list[dict[str, Any]] = []
        for rid, article in items:
            rows.append(_flat(rid, article))
            if len(rows) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count += len(rows)
                rows = []
        if rows or count == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count
