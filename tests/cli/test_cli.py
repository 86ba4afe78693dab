from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import app

runner = CliRunner()

ARTIKEL = (
    "Pemkot Tambah Armada Bus Sekolah\n\n"
    "Pemerintah kota menambah sepuluh bus sekolah mulai Senin (3/3/2025). "
    "Kepala dinas perhubungan, Rudi Hartono, mengatakan bus itu benar benar gratis bagi pelajar.\n\n"
    "ADVERTISEMENT\n\n"
    '"Kami ingin anak anak aman di jalan," kata Rudi.\n'
)


@pytest.fixture
def artikel(tmp_path: Path) -> Path:
    p = tmp_path / "bus.txt"
    p.write_text(ARTIKEL, encoding="utf-8")
    return p


def test_analyze_report(artikel: Path) -> None:
    r = runner.invoke(app, ["analyze", str(artikel)])
    assert r.exit_code == 0, r.output
    assert "Pemkot Tambah Armada Bus Sekolah" in r.output
    assert "benar-benar" in r.output
    assert "sentences" in r.output


def test_analyze_json(artikel: Path) -> None:
    r = runner.invoke(app, ["analyze", str(artikel), "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["title"] == "Pemkot Tambah Armada Bus Sekolah"
    assert "ADVERTISEMENT" not in data["text"]
    assert {c["after"] for c in data["cleaning"]["repaired"]} == {"benar-benar", "anak-anak"}
    for s in data["sentences"]:
        for t in s["tokens"]:
            assert data["text"][t["start"] : t["end"]] == t["text"]


def test_analyze_jsonl_folder_with_rejects(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bus.txt").write_text(ARTIKEL, encoding="utf-8")
    (corpus / "kosong.txt").write_text("", encoding="utf-8")
    (corpus / "data.jsonl").write_text(
        json.dumps({"id": "r1", "title": "Banjir Surut", "text": "Air mulai surut sejak pagi."})
        + "\n{rusak\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    rejects = tmp_path / "rejects.jsonl"
    r = runner.invoke(app, ["analyze", str(corpus), "--jsonl", "-o", str(out), "--rejects", str(rejects)])
    assert r.exit_code == 0, r.output
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert "r1" in ids and len(ids) == 2
    bad = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert sorted(b["code"] for b in bad) == ["W101", "W104"]
    assert "2 rejected" in r.stderr


def test_analyze_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    r = runner.invoke(app, ["analyze", str(tmp_path / "tidak-ada.txt")])
    assert r.exit_code != 0
    assert "tidak-ada.txt" in r.stderr


def test_analyze_stdin() -> None:
    r = runner.invoke(app, ["analyze", "-", "--json"], input="Warga antre sejak pagi di pasar.\n")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["text"] == "Warga antre sejak pagi di pasar."


def test_schema() -> None:
    r = runner.invoke(app, ["schema"])
    assert r.exit_code == 0
    assert "Article" in json.loads(r.stdout)["$defs"]


def test_bench_json(tmp_path: Path) -> None:
    data = tmp_path / "corpus.jsonl"
    data.write_text(
        "\n".join(json.dumps({"id": str(i), "text": ARTIKEL}) for i in range(3)) + "\n", encoding="utf-8"
    )
    r = runner.invoke(app, ["bench", "--data", str(data), "--json"])
    assert r.exit_code == 0, r.output
    result = json.loads(r.stdout)
    assert result["articles"] == 3
    assert {"clean", "segment", "dates"} <= set(result["stages"])
    assert result["pipeline"]["words_per_second_per_core"] > 0


def test_bench_missing_data(tmp_path: Path) -> None:
    r = runner.invoke(app, ["bench", "--data", str(tmp_path / "nope.jsonl")])
    assert r.exit_code == 2
    assert "nope.jsonl" in r.stderr
