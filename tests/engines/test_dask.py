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
    'Harga cabai naik benar benar tinggi pekan ini. "Kami rugi besar," ujar Budi Santoso, pedagang.',
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


def _inputs(tmp_path: Path) -> list[str]:
    """A JSONL file large enough to be cut, a CSV, a bad record, a folder and a missing path."""
    import csv
    import json

    big = tmp_path / "besar.jsonl"
    lines = [json.dumps({"id": f"j{i}", "text": t}) for i, t in enumerate(TEXTS * 3)]
    lines.insert(4, "{rusak")
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = tmp_path / "map"
    folder.mkdir()
    with (folder / "tabel.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "text"])
        writer.writerows([f"c{i}", t] for i, t in enumerate(TEXTS))
    (folder / "catatan.md").write_text("bukan berita", encoding="utf-8")
    # A gzipped file cannot be cut: it is read here and its records go out in batches.
    import gzip

    packed = tmp_path / "padat.jsonl.gz"
    rows = [json.dumps({"id": f"g{i}", "text": t}) for i, t in enumerate(TEXTS * 2)]
    rows.insert(3, "{rusak")
    packed.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode("utf-8")))
    return [str(big), str(folder), str(packed), str(tmp_path / "hilang.txt")]


@pytest.mark.slow
def test_workers_read_their_own_partitions(tmp_path: Path) -> None:
    from warta.io import Reject
    from warta.io.partitions import plan_partitions
    from warta.runner import analyze_inputs

    settings = Settings()
    paths = _inputs(tmp_path)

    def key(item: Article | Reject) -> bytes | Reject:
        return to_json(item) if isinstance(item, Article) else item

    expected = [key(x) for x in analyze_inputs(paths, settings=settings)]
    assert sum(isinstance(x, Reject) for x in expected) == 4
    # Small partitions, so that the JSONL and CSV files are cut and both workers read.
    assert len(plan_partitions(paths, target_bytes=400)) > 5
    with DaskEngine(workers=2, in_flight=3, partition_bytes=400, batch_size=2) as engine:
        got = [key(x) for x in analyze_inputs(paths, settings=settings, engine=engine)]
    assert got == expected


def test_unreachable_scheduler_is_a_clear_error() -> None:
    from warta.errors import EngineError

    engine = DaskEngine(scheduler="tcp://127.0.0.1:9", connect_timeout=1)
    with pytest.raises(EngineError, match=r"W204.*tcp://127\.0\.0\.1:9.*cannot reach a Dask scheduler"):
        _ = engine.client


@pytest.mark.slow
def test_a_running_scheduler_by_address(tmp_path: Path) -> None:
    """``--engine dask --scheduler tcp://HOST:PORT`` joins a cluster started elsewhere."""
    import json

    import distributed
    from typer.testing import CliRunner

    from warta.cli import app

    corpus = tmp_path / "berita.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"s{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS * 2)),
        encoding="utf-8",
    )
    runner = CliRunner()
    local = runner.invoke(app, ["analyze", str(corpus), "--jsonl", "-o", str(tmp_path / "local.jsonl")])
    assert local.exit_code == 0, local.output
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://")
        with DaskEngine(scheduler=address, batch_size=2, in_flight=3) as engine:
            assert engine.n_workers() == 2
            got = [to_json(a) for a in engine.run(_articles(), steps=Settings().pipeline)]
        with LocalEngine() as same:
            assert got == [to_json(a) for a in same.run(_articles(), steps=Settings().pipeline)]
        remote = runner.invoke(
            app,
            [
                "analyze",
                str(corpus),
                "--engine",
                "dask",
                "--scheduler",
                address,
                "--jsonl",
                "-o",
                str(tmp_path / "dask.jsonl"),
            ],
        )
        assert remote.exit_code == 0, remote.output
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
