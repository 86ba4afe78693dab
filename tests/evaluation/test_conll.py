"""NER gold readers and the entity-level scorer, on hand-written fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import EvaluationError
from warta.evaluation.conll import entity_spans, entity_types, read_ner_file, read_ner_text, score_entities

TSV = "Gubernur\tO\nAnies\tB-PERSON\nBaswedan\tI-PERSON\nke\tO\nBekasi\tB-LOCATION\n\nPT Maju Jaya\tB-ORGANIZATION\nrugi\tO\n"
CONLL = "Warga PROPN O\nBogor PROPN B-LOC\nantre NOUN O\n\nKPK PROPN B-ORG\n"


def test_tsv_splits_on_tabs_only() -> None:
    sents = read_ner_text(TSV, format="tsv")
    assert [s.tokens for s in sents] == [
        ["Gubernur", "Anies", "Baswedan", "ke", "Bekasi"],
        ["PT Maju Jaya", "rugi"],
    ]
    assert sents[1].labels == ["B-ORGANIZATION", "O"]


def test_conll_takes_first_and_last_column() -> None:
    sents = read_ner_text(CONLL, format="conll")
    assert [s.tokens for s in sents] == [["Warga", "Bogor", "antre"], ["KPK"]]
    assert [s.labels for s in sents] == [["O", "B-LOC", "O"], ["B-ORG"]]
    assert entity_types(sents) == {"LOC", "ORG"}


@pytest.mark.parametrize(
    ("content", "fmt"),
    [("Bogor B-LOC\n", "tsv"), ("Bogor\n", "conll"), ("Bogor\tLOC\n", "tsv")],
)
def test_malformed_lines_fail_loudly(content: str, fmt: str) -> None:
    with pytest.raises(EvaluationError):
        read_ner_text(content, format=fmt)  # type: ignore[arg-type]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="not found"):
        read_ner_file(tmp_path / "tidak-ada.tsv", format="tsv")


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O"], [(0, 2, "PER")]),
        (["I-LOC", "I-LOC"], [(0, 2, "LOC")]),  # IOB1: I- after O starts a chunk
        (["B-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),
        (["B-ORG", "I-PER"], [(0, 1, "ORG"), (1, 2, "PER")]),  # type change ends the chunk
        (["S-PER", "B-ORG", "E-ORG", "I-ORG"], [(0, 1, "PER"), (1, 3, "ORG"), (3, 4, "ORG")]),
        (["O", "O"], []),
    ],
)
def test_entity_spans(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert entity_spans(tags) == spans


def test_scores_by_hand() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O", "B-PER"]]
    system = [["B-PER", "I-PER", "O", "B-ORG"], ["B-ORG", "O", "O"]]
    # gold: PER 2, LOC 1, ORG 1; system: PER 1 (correct), ORG 2 (1 correct)
    r = score_entities(gold, system)
    assert r["support"] == 4
    assert r["precision"] == pytest.approx(2 / 3)
    assert r["recall"] == pytest.approx(2 / 4)
    assert r["f1"] == pytest.approx(2 * 2 / (4 + 3))
    assert r["per_label"]["PER"] == {
        "precision": 1.0,
        "recall": 0.5,
        "f1": pytest.approx(2 / 3),
        "support": 2,
    }
    assert r["per_label"]["LOC"]["f1"] == 0.0
    assert r["per_label"]["ORG"]["precision"] == 0.5


def test_partial_span_is_wrong() -> None:
    r = score_entities([["B-PER", "I-PER"]], [["B-PER", "O"]])
    assert r["f1"] == 0.0


def test_misaligned_input_fails() -> None:
    with pytest.raises(EvaluationError):
        score_entities([["O"]], [["O", "O"]])
