"""The Dask engine gives the same records as the local engine (a LocalCluster with 2 workers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta import Article, make_article, to_json
from warta.config import Settings
from warta.engines import DaskEngine, Engine, LocalEngine, make_engine

pytest.importorskip("distributed")

# A fixture corpus written for these tests: quotes, names, dates and a title line.
TEXTS = [
    "Warga Antre Minyak Goreng\n\nWarga antre minyak goreng sejak pagi di Pasar Minggu, kata Ani.",
    "Harga cabai naik benar benar tinggi pekan ini. \"Kami rugi besar,\" ujar Budi Santoso, pedagang.",
    "Polisi menahan dua tersangka Senin (3/3/2025). Kapolda Metro Jaya Irjen Karyoto mengatakan kasus itu "
    "masih didalami.",
    "Presiden Prabowo Subianto tiba di Surabaya pada 17 Agustus 2025. Ia disambut Gubernur Khofifah.",
    "Menteri Keuangan Sri Mulyani menyebut defisit anggaran terkendali. Menurut dia, penerimaan pajak naik.",
    "Banjir merendam ratusan rumah di Bekasi, Jawa Barat, Kamis kemarin. BPBD mencatat 1.200 warga mengungsi.",
]


def _articles() -> list[Article]:
    return [make_article(t, id=f"a{i}") for i, t in enumerate(TEXTS * 3)]


def test_is_an_engine() -> None:
    assert isinstance(DaskEngine(), Engine)


def test_make_engine_picks_the_kind() -> None:
    assert isinstance(make_engine("dask", workers=2), DaskEngine)
    assert isinstance(make_engine("local"), LocalEngine)
    with pytest.raises(ValueError, match="scheduler"):
        make_engine("local", scheduler="tcp://127.0.0.1:8786")


def test_rejects_bad_sizes() -> None:
    with pytest.raises(ValueError, match="workers"):
        DaskEngine(workers=0)
    with pytest.raises(ValueError, match="batch_size"):
        DaskEngine(batch_size=0)


@pytest.mark.slow
def test_local_cluster_gives_the_local_records(tmp_path: Path) -> None:
    steps = Settings().pipeline
    with LocalEngine() as local:
        expected = [to_json(a) for a in local.run(_articles(), steps=steps)]
    # Small batches and a short queue so that several tasks run on both workers.
    with DaskEngine(workers=2, batch_size=2, in_flight=3) as engine:
        got = [to_json(a) for a in engine.run(_articles(), steps=steps)]
        assert engine.n_workers() == 2
    assert got == expected
