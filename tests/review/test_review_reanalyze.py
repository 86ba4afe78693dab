"""Corrections survive `warta.reanalyze`: the real pipeline analyses the stored article again,
its quotes are written anew, and the reviewer's correction is found again and applied."""

from __future__ import annotations

import json
from pathlib import Path

from warta.config import load_settings
from warta.ingest import ingest
from warta.reanalyze import reanalyze
from warta.storage import Store
from warta.storage import queries as Q
from warta.storage.corrections import add_correction

RECORD = {
    "id": "tinjau-1",
    "url": "https://kabar-lembah.test/jembatan-gantung",
    "source": "Kabar Lembah",
    "date": "2025-04-10",
    "title": "Jembatan Gantung Desa Karang Asri Diperbaiki",
    "text": (
        "Karang Asri - Kepala Desa Karang Asri Wahyu Nugroho memastikan jembatan gantung di desanya "
        'selesai diperbaiki bulan depan. "Anak-anak tidak perlu lagi menyeberang sungai dengan rakit," '
        "kata Wahyu Nugroho di balai desa, Kamis (10/4/2025).\n\nWarga menyambut baik perbaikan itu."
    ),
}


def test_a_correction_survives_reanalysis(review_target: str, tmp_path: Path) -> None:
    data = tmp_path / "berita.jsonl"
    data.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    settings = load_settings()
    assert ingest([data], db=review_target, settings=settings, workers=1).inserted == 1
    with Store.open(review_target, create=False) as store:
        page = Q.quote_page(store)
        assert page.total >= 1, "the pipeline found no quote in the invented article"
        quote = next(q for q in page.items if "rakit" in q.text)
        made = add_correction(
            store, quote.article_id, quote.idx, "speaker", reviewer="dewi", speaker_name="Warga Karang Asri"
        )
    report = reanalyze(review_target, settings=settings, stale_only=False)
    assert report.done == 1
    with Store.open(review_target, create=False) as store:
        (log,) = Q.correction_log(store).items
        assert log.id == made.id and not log.orphaned
        again = [q for q in Q.quote_page(store).items if "rakit" in q.text]
        assert [(q.speaker, q.reviewed) for q in again] == [("Warga Karang Asri", True)]


def test_eval_quotes_scores_the_pipeline_against_what_reviewers_said(
    review_target: str, tmp_path: Path
) -> None:
    """`warta eval quotes --db ... --reviewed`: a confirmed quote counts as right, one a
    reviewer gave another speaker counts as a wrong speaker, unreviewed quotes count for nothing."""
    from typer.testing import CliRunner

    from warta.cli import app

    data = tmp_path / "berita.jsonl"
    data.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    settings = load_settings()
    ingest([data], db=review_target, settings=settings, workers=1)
    runner = CliRunner()
    refused = runner.invoke(app, ["eval", "quotes", "--db", review_target, "--reviewed"])
    assert refused.exit_code != 0 and "no reviewed quotes" in " ".join(refused.output.split())
    with Store.open(review_target, create=False) as store:
        quote = next(q for q in Q.quote_page(store).items if "rakit" in q.text)
        add_correction(store, quote.article_id, quote.idx, "confirm", reviewer="dewi")
    right = json.loads(
        runner.invoke(app, ["eval", "quotes", "--db", review_target, "--reviewed", "--json"]).stdout
    )
    assert (right["articles"], right["gold"], right["speaker_accuracy"]) == (1, 1, 1.0)
    with Store.open(review_target, create=False) as store:
        add_correction(
            store, quote.article_id, quote.idx, "speaker", reviewer="dewi", speaker_name="Warga Karang Asri"
        )
    wrong = json.loads(
        runner.invoke(app, ["eval", "quotes", "--db", review_target, "--reviewed", "--json"]).stdout
    )
    assert (wrong["gold"], wrong["found"], wrong["speaker_accuracy"]) == (1, 1, 0.0)
