"""warta bench: words per second per stage, and whole-pipeline throughput per engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.bench import bench, bench_engines

STEPS = ["warta.clean.v1", "warta.segment.v1"]
TEXTS = [
    "Harga beras naik di Pasar Minggu, kata pedagang.",
    "Polisi menahan dua tersangka Senin (3/3/2025).",
    "Warga antre minyak goreng sejak pagi.",
    "Banjir merendam ratusan rumah di Bekasi.",
]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "berita.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(TEXTS)), encoding="utf-8"
    )
    return path


def test_stages_and_pipeline(corpus: Path) -> None:
    result = bench(corpus, steps=STEPS)
    assert result["articles"] == 4
    assert result["words"] == sum(len(t.split()) for t in TEXTS)
    assert list(result["stages"]) == ["clean", "segment"]
    assert result["pipeline"]["words_per_second_per_core"] > 0
    assert result["peak_rss_mb"] > 0
    assert result["engines"] == []
    # The host is named: the same code runs at different speeds on different machines.
    assert result["cpu"] and result["cpus"] >= 1


@pytest.mark.slow
def test_engines_report_throughput_and_memory() -> None:
    records = [{"id": str(i), "text": t} for i, t in enumerate(TEXTS * 2)]
    rows = bench_engines(records, steps=STEPS, engines=[("local", 1), ("local", 2)], repeat=2)
    assert [(r["engine"], r["workers"], r["articles"]) for r in rows] == [("local", 1, 8), ("local", 2, 8)]
    # Two rounds; each engine keeps its fastest.
    assert all(
        len(r["wall_seconds_runs"]) == 2 and r["wall_seconds"] == min(r["wall_seconds_runs"]) for r in rows
    )
    assert rows[0]["speedup"] == 1.0
    assert all(r["worker_peak_rss_mb"] > 0 and r["words_per_second"] > 0 for r in rows)
