"""Articles as Parquet partitions (pyarrow): ``DIR/part-00000.parquet``, ``part-00001`` ...

Each row is one article: a few flat columns to filter and count on (``id``, ``title``,
``topic``, counts), and ``record``, the whole Article as JSON (:func:`warta.article.to_json`),
so that a partition gives back exactly the records that were written, whichever engine
produced them. Nested Arrow structs would need one schema for every optional field
and empty list; the JSON column keeps the schema fixed.

``pyarrow`` is imported on first use: ``pip install warta[dask]``.

Example:
    >>> paths = write_parquet("hasil/", articles, rows_per_partition=5000)  # doctest: +SKIP
    >>> back = list(read_parquet("hasil/"))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from warta.article import Article, from_json, to_json
from warta.errors import WartaError

__all__ = ["ParquetWriter", "read_parquet", "write_parquet"]

_COLUMNS = ("id", "title", "topic", "words", "sentences", "entities", "quotes", "errors", "record")


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise WartaError("Parquet output needs pyarrow: pip install 'warta[dask]'") from exc
    return pa, pq


class ParquetWriter:
    """Writes articles into numbered partitions of ``rows_per_partition`` rows.

    Args:
        folder: created if missing; existing ``part-*.parquet`` files in it are replaced.
        rows_per_partition: rows per file (the last may have fewer).
    """

    def __init__(self, folder: str | Path, *, rows_per_partition: int = 5000) -> None:
        if rows_per_partition < 1:
            raise ValueError(f"rows_per_partition must be at least 1, got {rows_per_partition}")
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("part-*.parquet"):
            old.unlink()
        self.rows_per_partition = rows_per_partition
        self.paths: list[Path] = []
        self.count = 0
        self._rows: dict[str, list[Any]] = {c: [] for c in _COLUMNS}

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, article: Article) -> None:
        r = self._rows
        r["id"].append(article.id)
        r["title"].append(article.title)
        r["topic"].append(article.topic.label if article.topic else None)
        r["words"].append(article.word_count)
        r["sentences"].append(len(article.sentences))
        r["entities"].append(len(article.entities))
        r["quotes"].append(len(article.quotes))
        r["errors"].append(len(article.errors))
        r["record"].append(to_json(article).decode("utf-8"))
        self.count += 1
        if len(r["id"]) >= self.rows_per_partition:
            self._flush()

    def _flush(self) -> None:
        if not self._rows["id"]:
            return
        pa, pq = _pyarrow()
        ints = pa.int32()
        schema = pa.schema(
            [
                ("id", pa.string()),
                ("title", pa.string()),
                ("topic", pa.string()),
                ("words", ints),
                ("sentences", ints),
                ("entities", ints),
                ("quotes", ints),
                ("errors", ints),
                ("record", pa.string()),
            ]
        )
        table = pa.Table.from_pydict(self._rows, schema=schema)
        path = self.folder / f"part-{len(self.paths):05d}.parquet"
        pq.write_table(table, path, compression="zstd")
        self.paths.append(path)
        self._rows = {c: [] for c in _COLUMNS}

    def close(self) -> None:
        self._flush()


def write_parquet(
    folder: str | Path, articles: Iterable[Article], *, rows_per_partition: int = 5000
) -> list[Path]:
    """Write ``articles`` as partitions in ``folder``; return the files written."""
    with ParquetWriter(folder, rows_per_partition=rows_per_partition) as writer:
        for a in articles:
            writer.add(a)
    return writer.paths


def read_parquet(folder: str | Path) -> Iterator[Article]:
    """The articles of every partition in ``folder``, in partition and row order."""
    _, pq = _pyarrow()
    for path in sorted(Path(folder).glob("part-*.parquet")):
        for record in pq.read_table(path, columns=["record"]).column("record").to_pylist():
            yield from_json(record)
