from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from storagehelpers import BERITA_BANJIR, BERITA_INVESTASI, BERITA_PASAR

from warta.config import load_settings
from warta.ingest import count_records, ingest
from warta.storage import Store
from warta.storage import tables as t

STEPS = ["warta.clean.v1", "warta.segment.v1"]


def _jsonl(path: Path, records: list[dict[str, str]], extra: str = "") -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records) + extra, encoding="utf-8"
    )
    return path


RECORDS = [
    {
        "id": "1",
        "url": "https://warta.test/1",
        "source": "Warta Uji",
        "date": "2025-03-03",
        "title": "Ajak Investasi",
        "text": BERITA_INVESTASI,
    },
    {
        "id": "2",
        "url": "https://warta.test/2",
        "source": "Warta Uji",
        "date": "2025-03-04",
        "title": "Banjir",
        "text": BERITA_BANJIR,
    },
    {"id": "3", "source": "Kabar Uji", "date": "2025-03-05", "title": "Cabai", "text": BERITA_PASAR},
]


def test_ingest_stores_then_skips(tmp_path: Path, store_target: str) -> None:
    data = _jsonl(tmp_path / "berita.jsonl", RECORDS, extra='{"id": "4", "text": ""}\n{rusak\n')
    db = store_target
    settings = load_settings()
    assert count_records([data], settings=settings) == 5
    first = ingest([data], db=db, settings=settings, steps=STEPS, batch_size=2)
    assert (first.inserted, first.updated, first.unchanged, first.rejected) == (3, 0, 0, 2)
    with Store.open(db) as store:
        before = store.counts()
    second = ingest([data], db=db, settings=settings, steps=STEPS)
    assert (second.inserted, second.updated, second.unchanged) == (0, 0, 3)
    with Store.open(db) as store:
        assert store.counts() == before
        with store.connect() as conn:
            reasons = conn.execute(sa.select(t.rejects.c.code)).scalars().all()
    assert sorted(reasons) == ["W101", "W104"]


def test_changed_article_is_updated(tmp_path: Path, store_target: str) -> None:
    db = store_target
    settings = load_settings()
    ingest([_jsonl(tmp_path / "a.jsonl", RECORDS)], db=db, settings=settings, steps=STEPS)
    changed = [dict(RECORDS[1], text=BERITA_BANJIR + " Air mulai surut pada Rabu siang.")]
    report = ingest([_jsonl(tmp_path / "b.jsonl", changed)], db=db, settings=settings, steps=STEPS)
    assert (report.inserted, report.updated) == (0, 1)
    with Store.open(db) as store:
        assert store.counts()["articles"] == 3


def test_other_steps_analyse_again(tmp_path: Path, store_target: str) -> None:
    db = store_target
    data = _jsonl(tmp_path / "a.jsonl", RECORDS)
    settings = load_settings()
    ingest([data], db=db, settings=settings, steps=STEPS[:1])
    report = ingest([data], db=db, settings=settings, steps=STEPS)
    assert (report.inserted, report.updated, report.unchanged) == (0, 3, 0)


@pytest.mark.slow
def test_two_workers_store_the_same(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "a.jsonl", RECORDS)
    settings = load_settings()
    one = ingest([data], db=tmp_path / "satu.db", settings=settings, steps=STEPS)
    two = ingest([data], db=tmp_path / "dua.db", settings=settings, steps=STEPS, workers=2)
    assert one.inserted == two.inserted == 3
    with Store.open(tmp_path / "satu.db") as a, Store.open(tmp_path / "dua.db") as b:
        assert [a.get_article(i) for i in (1, 2, 3)] == [b.get_article(i) for i in (1, 2, 3)]


def test_first_record_of_a_url_wins_every_run(tmp_path: Path, store_target: str) -> None:
    db = store_target
    twice = [RECORDS[0], dict(RECORDS[0], text=BERITA_BANJIR)]
    data = _jsonl(tmp_path / "a.jsonl", twice)
    settings = load_settings()
    first = ingest([data], db=db, settings=settings, steps=STEPS)
    second = ingest([data], db=db, settings=settings, steps=STEPS)
    assert (first.inserted, first.unchanged) == (1, 1)
    assert (second.inserted, second.updated, second.unchanged) == (0, 0, 2)
    with Store.open(db) as store:
        stored = store.get_article(1)
    assert stored is not None and stored.raw == BERITA_INVESTASI
