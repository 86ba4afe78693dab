"""Parquet partitions give back the records written."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta import make_article, to_json
from warta.io.parquet import read_parquet, write_parquet

pytest.importorskip("pyarrow")


def test_round_trip_in_partitions(tmp_path: Path) -> None:
    articles = [make_article(f"Harga cabai naik {i} persen.", id=f"a{i}", title="Harga") for i in range(5)]
    paths = write_parquet(tmp_path / "out", articles, rows_per_partition=2)
    assert [p.name for p in paths] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert [to_json(a) for a in read_parquet(tmp_path / "out")] == [to_json(a) for a in articles]


def test_rewrite_replaces_old_partitions(tmp_path: Path) -> None:
    write_parquet(tmp_path, [make_article("Satu.", id=str(i)) for i in range(4)], rows_per_partition=1)
    write_parquet(tmp_path, [make_article("Dua.", id="x")], rows_per_partition=1)
    assert [a.id for a in read_parquet(tmp_path)] == ["x"]
