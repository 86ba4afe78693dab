from __future__ import annotations

import json
from pathlib import Path

from storagehelpers import BERITA_BANJIR, BERITA_INVESTASI
from typer.testing import CliRunner

from warta.cli import app

runner = CliRunner()


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "berita.jsonl"
    data.write_text(
        "".join(
            json.dumps(r) + "\n"
            for r in [
                {
                    "id": "1",
                    "url": "https://uji.test/1",
                    "source": "Warta Uji",
                    "date": "2025-03-03",
                    "title": "Investasi",
                    "text": BERITA_INVESTASI,
                },
                {
                    "id": "2",
                    "url": "https://uji.test/2",
                    "source": "Warta Uji",
                    "date": "2025-03-04",
                    "title": "Banjir",
                    "text": BERITA_BANJIR,
                },
            ]
        ),
        encoding="utf-8",
    )
    config = tmp_path / "cepat.toml"
    config.write_text('pipeline = ["warta.clean.v1", "warta.segment.v1"]\n', encoding="utf-8")
    return data, config


def test_ingest_search_export(tmp_path: Path, store_target: str) -> None:
    data, config = _setup(tmp_path)
    db = store_target
    result = runner.invoke(app, ["ingest", str(data), "--db", db, "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.output
    again = runner.invoke(app, ["ingest", str(data), "--db", db, "--config", str(config)])
    assert "0 new, 0 updated, 2 unchanged" in again.output
    found = runner.invoke(app, ["search", "investasi", "--db", db])
    assert found.exit_code == 0 and "berinvestasi" in found.output
    for args in (
        ["dupes", "--db", db],
        ["dupes", "--what", "stories", "--db", db],
        ["quotes", "--speaker", "Andi Pratama", "--db", db],
    ):
        assert runner.invoke(app, args).exit_code == 0, args
    assert runner.invoke(app, ["entity", "Orang Tak Dikenal", "--db", db]).exit_code == 1
    out = tmp_path / "hasil.csv"
    assert runner.invoke(app, ["export", str(out), "--format", "csv", "--db", db]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("id,doc_id,url")


def test_foreign_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "foto.db"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    result = runner.invoke(app, ["search", "banjir", "--db", str(bad)])
    assert result.exit_code == 2
    assert "W503" in result.output and "foto.db" in result.output


def test_the_corpus_commands_speak_json_and_status_counts_versions(tmp_path: Path, store_target: str) -> None:
    data, config = _setup(tmp_path)
    db = store_target
    assert runner.invoke(app, ["ingest", str(data), "--db", db, "--config", str(config)]).exit_code == 0
    hits = json.loads(runner.invoke(app, ["search", "investasi", "--db", db, "--json"]).stdout)
    assert hits and hits[0]["title"] == "Investasi" and "snippet" in hits[0]
    for args in (["dupes", "--db", db, "--json"], ["quotes", "--about", "banjir", "--db", db, "--json"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and isinstance(json.loads(result.stdout), list), args
    assert runner.invoke(app, ["quotes", "--db", db]).exit_code == 2  # neither --speaker nor --about
    status = json.loads(runner.invoke(app, ["status", "--db", db, "--json", "--config", str(config)]).stdout)
    assert status["articles"] == 2 and status["stale"] == 0
    assert [v["current"] for v in status["versions"]] == [True]
    # With another pipeline, what is stored is stale.
    other = json.loads(runner.invoke(app, ["status", "--db", db, "--json"]).stdout)
    assert other["stale"] == 2
