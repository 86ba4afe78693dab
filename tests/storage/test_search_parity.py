"""BM25 on PostgreSQL ranks as FTS5's bm25() does on SQLite: the same articles in both
stores give the same order for words, stems, several words and phrases."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from pghelpers import postgres_database
from warta.article import Article, Published, Source
from warta.storage import Store
from warta.storage.queries.text_search import search
from warta.storage.writer import article_fingerprint

pytestmark = pytest.mark.postgres

_FILLER = (
    "warga desa menunggu kabar dari kantor kecamatan tentang jalan yang rusak sejak musim hujan "
    "lalu pedagang pasar mengeluhkan sepinya pembeli pada pagi hari"
).split()
_TOPICS = [
    "investasi",
    "berinvestasi",
    "investasinya",
    "banjir",
    "harga beras",
    "bank sentral",
    "pajak",
    "sekolah",
]


def _articles(n: int = 60) -> list[Article]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        words: list[str] = []
        for _ in range(rng.randint(20, 160)):
            words.append(rng.choice(_TOPICS) if rng.random() < 0.12 else rng.choice(_FILLER))
        text = " ".join(words).capitalize() + "."
        title = " ".join(rng.sample(_TOPICS, 2)).title() if rng.random() < 0.5 else "Kabar Desa Hari Ini"
        out.append(
            Article(
                id=f"a{i}",
                raw=text,
                text=text,
                title=title,
                source=Source(url=f"https://uji.test/{i}", outlet="Kabar Uji"),
                published=Published(value=None, method="none"),
            )
        )
    return out


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    for url in postgres_database():
        with Store.open(tmp_path / "a.db") as lite, Store.open(url) as pg:
            for store in (lite, pg):
                store.write_batch([(a, article_fingerprint(a, pipeline="p")) for a in _articles()])
            yield lite, pg


@pytest.mark.parametrize(
    "query", ["investasi", "berinvestasi", "banjir pajak", '"harga beras"', '"bank sentral" sekolah', "pajak"]
)
def test_the_same_order_on_both_backends(pair: tuple[Store, Store], query: str) -> None:
    lite, pg = pair
    a, b = search(lite, query, limit=10), search(pg, query, limit=10)
    assert a, query
    assert [h.url for h in a] == [h.url for h in b]
    for x, y in zip(a, b, strict=True):
        assert y.score == pytest.approx(x.score, rel=0.1)
