from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from storagehelpers import BERITA_BANJIR, BERITA_INVESTASI, person_article

from warta.article import from_json
from warta.storage import Store
from warta.storage.export import EXPORT_FIELDS, export_articles
from warta.storage.writer import article_fingerprint


@pytest.fixture
def filled(store: Store) -> Store:
    arts = [
        person_article(
            id="a",
            url="https://a.test/1",
            outlet="Warta Kita",
            day="2025-03-03",
            text=BERITA_INVESTASI,
            people=[("Andi Pratama", [], [])],
        ),
        person_article(
            id="b", url="https://b.test/2", outlet="Kabar Desa", day="2025-04-05", text=BERITA_BANJIR
        ),
    ]
    store.write_batch([(a, article_fingerprint(a, pipeline="p")) for a in arts])
    return store


def test_jsonl_round_trips(filled: Store) -> None:
    buf = io.BytesIO()
    assert export_articles(filled, buf, format="jsonl") == 2
    records = [from_json(line) for line in buf.getvalue().splitlines()]
    assert [r.id for r in records] == ["a", "b"] and records[0].entities[0].name == "Andi Pratama"


def test_csv_with_filters(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "hasil.csv"
    assert export_articles(filled, path, format="csv", outlet="kabar", date_from=date(2025, 4, 1)) == 1
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert tuple(rows[0]) == EXPORT_FIELDS and rows[0]["doc_id"] == "b"


def test_parquet(filled: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "hasil.parquet"
    assert export_articles(filled, path, format="parquet", entity="Andi Pratama") == 1
    table = pq.read_table(path)
    assert table.column("people").to_pylist() == ["Andi Pratama"]
