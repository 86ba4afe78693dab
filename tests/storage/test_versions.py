"""Analysis versions: a store knows which articles an older pipeline analysed, and brings
them up to date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import warta.versions as versions
from warta.config import Settings, pipeline_specs
from warta.ingest import ingest
from warta.reanalyze import reanalyze, stored_input
from warta.storage import Store
from warta.storage.writer import pipeline_hash

STEPS = ["warta.clean.v1", "warta.segment.v1"]

BERITA = [
    {
        "id": "b1",
        "title": "Jembatan Cibeber Diperbaiki",
        "url": "https://kabar.example/1",
        "text": "Pemerintah Kabupaten Sukamaju mulai memperbaiki jembatan gantung di Desa Cibeber. Warga menyambut baik.",
    },
    {
        "id": "b2",
        "title": "Harga Cabai Naik",
        "url": "https://kabar.example/2",
        "text": "Harga cabai di Pasar Sukamaju naik dua kali lipat sejak awal pekan. Pedagang mengeluh sepi.",
    },
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "berita.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in BERITA), encoding="utf-8")
    return path


def test_a_changed_resource_makes_the_stored_articles_stale_until_reanalysed(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch, store_target: str
) -> None:
    settings = Settings(pipeline=STEPS)
    db = store_target
    ingest([corpus], db=db, settings=settings)
    old = pipeline_hash(pipeline_specs(settings))
    with Store.open(db) as store:
        (only,) = store.versions()
        assert only["version"] == old and only["articles"] == 2
        assert set(only["steps"]) == set(STEPS)  # what the version stood for is kept

    # A word list of the clean stage changes (as a retrained model or an edited list would).
    real = versions._tree_hash.__wrapped__

    def changed(path: Path) -> str:
        return real(path) + ("x" if path.name == "clean" else "")

    versions._tree_hash.cache_clear()
    versions.step_fingerprint.cache_clear()
    monkeypatch.setattr(versions, "_tree_hash", changed)
    new = pipeline_hash(pipeline_specs(settings))
    assert new != old
    with Store.open(db) as store:
        assert store.stale_ids(new) != [] and len(store.stale_ids(new)) == 2

    report = reanalyze(db, settings=settings)
    assert (report.stale, report.done, report.version) == (2, 2, new)
    with Store.open(db) as store:
        assert store.stale_ids(new) == []
        assert [v["version"] for v in store.versions()] == [new]
        assert store.counts()["articles"] == 2  # updated in place, never duplicated
        titles = sorted(a.title for a in (store.get_article(i) for i in (1, 2)) if a)
    assert titles == ["Harga Cabai Naik", "Jembatan Cibeber Diperbaiki"]
    # Nothing stale: a second run has nothing to do.
    assert reanalyze(db, settings=settings).done == 0
    versions.step_fingerprint.cache_clear()


def test_the_input_of_a_stored_analysis_is_rebuilt() -> None:
    from warta.api_analyze import make_article

    a = make_article("Judul Berita Ini\n\nIsi berita pertama.")
    a.title = "Judul Berita Ini"  # found in the text by the clean stage: found again
    assert stored_input(a).title is None
    a.title = "Judul dari Metadata"  # given by the input: kept
    assert stored_input(a).title == "Judul dari Metadata"
