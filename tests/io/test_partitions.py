"""Partitioned reading gives the records of a whole-file read, with the same ids and sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.article import Article, to_json
from warta.config import load_settings
from warta.io import Reject, read_path
from warta.io.partitions import Partition, batched, plan_partitions, read_partition


def _corpus(tmp_path: Path) -> Path:
    lines = []
    for i in range(40):
        if i % 7 == 3:
            lines.append("{rusak")
        elif i % 11 == 5:
            lines.append("")
        else:
            lines.append(json.dumps({"text": f"Berita ke-{i}: harga cabai naik di Pasar Minggu."}))
    path = tmp_path / "berita.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _key(item: Article | Reject) -> bytes | tuple[str, str, str]:
    return to_json(item) if isinstance(item, Article) else (item.source, item.code, item.reason)


@pytest.mark.parametrize("target", [1, 200, 1000, 1 << 30])
def test_partitions_read_like_the_whole_file(tmp_path: Path, target: int) -> None:
    path = _corpus(tmp_path)
    settings = load_settings(None)
    whole = [_key(x) for x in read_path(path, settings=settings)]
    parts = plan_partitions([path], target_bytes=target)
    assert [_key(x) for p in parts for x in read_partition(p, settings=settings)] == whole
    if target == 1000:
        assert len(parts) > 1
        assert parts[0].start == 0 and parts[-1].end == path.stat().st_size


def test_other_inputs_stay_whole(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Harga beras naik.", encoding="utf-8")
    (tmp_path / "b.csv").write_text("text\nHarga cabai naik.\n", encoding="utf-8")
    parts = plan_partitions([tmp_path], target_bytes=1)
    assert parts == [Partition(path=str(tmp_path / "a.txt")), Partition(path=str(tmp_path / "b.csv"))]


def test_unreadable_partition_is_a_reject(tmp_path: Path) -> None:
    items = list(read_partition(Partition(path=str(tmp_path / "hilang.jsonl")), settings=load_settings(None)))
    assert len(items) == 1 and isinstance(items[0], Reject)


def test_batched() -> None:
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
