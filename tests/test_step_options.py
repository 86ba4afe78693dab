"""Step options in the settings reach the step wherever it runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.api_analyze import build_pipeline, make_article
from warta.config import load_settings, pipeline_specs
from warta.engines import LocalEngine
from warta.errors import PipelineError, UnknownStepError
from warta.registry import StepSpec, make_step, step_spec
from warta.storage.writer import pipeline_hash

TEKS = (
    "Harga cabai di Pasar Sukamaju naik dua kali lipat sejak awal pekan. "
    "Pedagang menyebut pasokan dari petani berkurang karena hujan deras. "
    "Dinas Perdagangan Sukamaju akan menggelar operasi pasar pada Kamis. "
    "Warga diminta tidak membeli cabai dalam jumlah besar."
)


def _settings(tmp_path: Path, body: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "warta.toml"
    path.write_text(body, encoding="utf-8")
    return load_settings(path)


def test_options_from_a_settings_file_reach_the_step(tmp_path: Path) -> None:
    settings = _settings(tmp_path, '[steps."warta.summary.v1"]\nk = 1\n')
    specs = pipeline_specs(settings)
    assert StepSpec("warta.summary.v1", (("k", 1),)) in specs
    article = build_pipeline(settings=settings)(make_article(TEKS))
    assert len(article.summary) == 1
    # The same spec on an engine builds the same step.
    with LocalEngine(workers=1) as engine:
        (out,) = engine.run([make_article(TEKS)], steps=specs)
    assert len(out.summary) == 1


def test_the_quote_step_gets_the_review_setting(tmp_path: Path) -> None:
    settings = _settings(tmp_path, "review_below = 0.5\n")
    assert StepSpec("warta.quotes.v1", (("review_below", 0.5),)) in pipeline_specs(settings)


def test_an_unknown_option_or_key_is_refused_clearly() -> None:
    with pytest.raises(PipelineError, match=r"warta.summary.v1.*no option colour.*k"):
        make_step("warta.summary.v1", colour="red")
    with pytest.raises(UnknownStepError, match="no step registered"):
        make_step("warta.tidak.ada.v1")


def test_an_old_key_names_the_same_step_and_options_change_the_pipeline_hash() -> None:
    assert step_spec("warta.ner.crf.v1").key == "warta.ner.v1"
    assert make_step("warta.ner.crf.v1").name == make_step("warta.ner.v1").name
    plain = pipeline_hash(["warta.clean.v1", "warta.summary.v1"])
    assert plain == pipeline_hash(["warta.clean.v1", StepSpec("warta.summary.v1")])
    assert plain != pipeline_hash(["warta.clean.v1", step_spec("warta.summary.v1", {"k": 5})])
