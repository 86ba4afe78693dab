"""KEPS keyphrase scoring on an invented file."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import EvaluationError
from warta.evaluation.keyphrases import _gold_spans, evaluate_keps, read_keps

KEPS = "harga\tB\ncabai\tI\nnaik\tO\ndi\tO\npasar\tB\nbaru\tI\n\nharga\tB\ncabai\tI\nturun\tO\nlagi\tO\n\n"


def test_gold_spans() -> None:
    assert _gold_spans(["B", "I", "O", "B", "B", "I"]) == {(0, 2), (3, 4), (4, 6)}
    assert _gold_spans(["I", "O"]) == {(0, 1)}


def test_scores_a_keps_file(tmp_path: Path) -> None:
    path = tmp_path / "keps.txt"
    path.write_text(KEPS, encoding="utf-8")
    assert len(read_keps(path)) == 2
    r = evaluate_keps(path)
    assert r["documents"] == 2 and r["gold"] == 3
    assert 0.0 <= r["f1"] <= 1.0 and 0.0 <= r["per_label"]["phrase"]["f1"] <= 1.0


def test_a_bad_line_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "keps.txt"
    path.write_text("harga\tX\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="line 1"):
        read_keps(path)
