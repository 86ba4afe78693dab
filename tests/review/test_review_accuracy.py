"""Accuracy over time: each `warta eval quotes --db ... --reviewed` run is kept in the store
(review_evals) with the pipeline's version and hashes; the read layer lists the runs, the
API answers them as JSON, /review/accuracy draws them (table and inline SVG, escaped), and
`warta db copy` carries them."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from reviewhelpers import pasar_article, write
from typer.testing import CliRunner

from pghelpers import is_url, postgres_database
from warta.cli import app
from warta.config import load_settings
from warta.errors import StorageError
from warta.ingest import ingest
from warta.storage import Store
from warta.storage import queries as Q
from warta.storage.copy import copy_store
from warta.storage.corrections import add_correction
from warta.storage.review_evals import record_review_eval
from warta.web.app import create_app
from warta.web.svg import line_chart

with warnings.catch_warnings():
    from starlette.exceptions import StarletteDeprecationWarning

    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

RECORD = {
    "id": "akurasi-1",
    "url": "https://kabar-lembah.test/irigasi-baru",
    "source": "Kabar Lembah",
    "date": "2025-05-02",
    "title": "Saluran Irigasi Desa Mekar Sari Rampung",
    "text": (
        "Mekar Sari - Kepala Dinas Pertanian Lembah Hijau Rudi Hartanto meninjau saluran irigasi baru "
        'di Desa Mekar Sari. "Sawah seluas dua ratus hektare kini bisa panen dua kali setahun," '
        "kata Rudi Hartanto di lokasi, Jumat (2/5/2025).\n\nPetani setempat menyambut gembira "
        "saluran itu."
    ),
}

VERSION = {"version": "abc123", "warta": "0.2.0", "steps": {"warta.quotes.v1": "f00d"}}


def _result(span: float, speaker: float, joint: float) -> dict[str, object]:
    return {
        "articles": 2,
        "gold": 5,
        "uncertain": 1,
        "predicted": 6,
        "found": 4,
        "span": {"precision": span, "recall": span, "f1": span},
        "speaker_accuracy": speaker,
        "joint": {"precision": joint, "recall": joint, "f1": joint},
    }


def test_eval_reviewed_records_each_run_with_the_pipeline_version(review_target: str, tmp_path: Path) -> None:
    data = tmp_path / "berita.jsonl"
    data.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    settings = load_settings()
    ingest([data], db=review_target, settings=settings, workers=1)
    with Store.open(review_target, create=False) as store:
        quote = next(q for q in Q.quote_page(store).items if "panen" in q.text)
        add_correction(store, quote.article_id, quote.idx, "confirm", reviewer="dewi")
    runner = CliRunner()
    first = runner.invoke(app, ["eval", "quotes", "--db", review_target, "--reviewed", "--json"])
    assert first.exit_code == 0, first.output
    result = json.loads(first.stdout)
    assert result["recorded"]["joint_f1"] == result["joint"]["f1"] == 1.0
    # Not recorded when asked not to.
    again = runner.invoke(
        app, ["eval", "quotes", "--db", review_target, "--reviewed", "--no-record", "--json"]
    )
    assert again.exit_code == 0 and "recorded" not in json.loads(again.stdout)
    with Store.open(review_target, create=False) as store:
        page = Q.review_accuracy(store)
        (version,) = [v for v in store.versions() if v["articles"]]
    assert page.total == 1
    (run,) = page.items
    assert (run.articles, run.items, run.found) == (1, result["gold"], result["found"]) and run.items >= 1
    assert (run.span_f1, run.speaker_accuracy, run.joint_f1) == (1.0, 1.0, 1.0)
    # The pipeline scored is the one that analysed the store (the same analysis version).
    assert run.pipeline == version["version"]
    assert run.steps and all(len(fp) == 16 for fp in run.steps.values())


def test_runs_are_listed_oldest_first_and_refused_when_incomplete(review_store: Store) -> None:
    store = review_store
    for day, f1 in ((3, 0.7), (1, 0.5), (2, 0.6)):
        record_review_eval(store, _result(f1, f1, f1), version=VERSION, at=datetime(2025, 6, day, 9))
    page = Q.review_accuracy(store)
    assert page.total == 3 and [r.span_f1 for r in page.items] == [0.5, 0.6, 0.7]
    assert [r.span_f1 for r in Q.review_accuracy(store, limit=2).items] == [0.6, 0.7]  # the newest two
    with pytest.raises(StorageError, match="speaker_accuracy"):
        record_review_eval(
            store, {k: v for k, v in _result(1, 1, 1).items() if k != "speaker_accuracy"}, version=VERSION
        )


@pytest.fixture
def client(review_store: Store) -> Iterator[TestClient]:
    settings = load_settings(db=review_store.name, api_token="", cors_origins=[])
    with TestClient(create_app(settings, store=review_store), raise_server_exceptions=False) as c:
        yield c


def test_the_api_and_the_page_show_the_series(client: TestClient, review_store: Store) -> None:
    empty = client.get("/review/accuracy")
    assert empty.status_code == 200 and "No run yet" in empty.text and "<svg" not in empty.text
    hostile = {**VERSION, "version": "<script>alert(1)</script>", "warta": '0.2"><b>'}
    record_review_eval(review_store, _result(0.8, 0.7, 0.6), version=hostile, at=datetime(2025, 6, 1, 9))
    record_review_eval(review_store, _result(0.9, 0.8, 0.7), version=VERSION, at=datetime(2025, 6, 2, 9))
    api = client.get("/api/v1/review/accuracy")
    assert api.status_code == 200
    body = api.json()
    assert body["total"] == 2 and [r["joint_f1"] for r in body["items"]] == [0.6, 0.7]
    assert body["items"][1]["steps"] == VERSION["steps"] and body["items"][1]["items"] == 5
    assert client.get("/api/v1/review/accuracy?limit=0").status_code == 422
    page = client.get("/review/accuracy")
    assert page.status_code == 200
    assert page.text.count("<svg") == 1 and page.text.count("<polyline") == 3
    assert (
        "<script>alert(1)</script>" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    )
    assert '0.2"><b>' not in page.text
    assert "2025-06-02 09:00" in page.text and "0.700" in page.text
    assert 'href="/review/accuracy"' in client.get("/review").text
    assert "/api/v1/review/accuracy" in client.get("/api/v1/openapi.json").json()["paths"]


def test_the_chart_escapes_labels_and_refuses_uneven_series() -> None:
    svg = str(line_chart([("F1 <b>", [0.5, 1.0])], labels=["a&b", "<i>"], title='"judul"'))
    assert "<b>" not in svg and "<i>" not in svg and "&lt;b&gt;" in svg and "a&amp;b" in svg
    assert str(line_chart([], labels=[], title="x")) == ""
    with pytest.raises(ValueError, match="2 values for 3 labels"):
        line_chart([("F1", [0.1, 0.2])], labels=["a", "b", "c"], title="x")


@pytest.fixture
def other_target(review_target: str, tmp_path: Path) -> Iterator[str]:
    """A target on the other backend: PostgreSQL for a SQLite store, a file for PostgreSQL."""
    if is_url(review_target):
        yield str(tmp_path / "salinan.db")
    else:
        yield from postgres_database()


def test_db_copy_carries_the_runs_once(review_target: str, other_target: str) -> None:
    with Store.open(review_target) as store:
        write(store, pasar_article())
        record_review_eval(store, _result(0.8, 0.7, 0.6), version=VERSION, at=datetime(2025, 6, 1, 9))
        record_review_eval(store, _result(0.9, 0.8, 0.7), version=VERSION, at=datetime(2025, 6, 2, 9))
        with Store.open(other_target) as target:
            assert copy_store(store, target).review_evals == 2
            assert copy_store(store, target).review_evals == 0  # a second copy adds none
            copied = Q.review_accuracy(target).items
        assert [(r.created_at, r.joint_f1, r.steps) for r in copied] == [
            (r.created_at, r.joint_f1, r.steps) for r in Q.review_accuracy(store).items
        ]
