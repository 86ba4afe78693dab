"""PFSA-ID reader, entity decoding, projection and scores; a small file written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import EvaluationError
from warta.evaluation.pfsa import LABELS, evaluate_pfsa, gold_entities, read_pfsa

# Two invented articles in PFSA-ID's layout (token<TAB>label, blank line between sentences).
_ROWS = """\
SURABAYA O
, O
KOMPAS O
— O
Kepala B-ROLE
Dinas B-AFFILIATION
Sosial L-AFFILIATION
Rudi B-PERSON
Hartono L-PERSON
meminta O
warga O
tenang O
. O
” B-STATEMENT

Bantuan I-STATEMENT
sudah I-STATEMENT
disalurkan I-STATEMENT
. I-STATEMENT

Semua I-STATEMENT
warga I-STATEMENT
terdata I-STATEMENT
, I-STATEMENT
” L-STATEMENT
kata U-CUE
Rudi U-PERSONCOREF
. O

BOGOR O
, O
KOMPAS O
— O
Hujan O
turun O
. O
” B-STATEMENT
Air I-STATEMENT
mulai I-STATEMENT
surut I-STATEMENT
, I-STATEMENT
” L-STATEMENT
ujarnya U-CUECOREF
. O
"""


@pytest.fixture()
def pfsa_file(tmp_path: Path) -> Path:
    path = tmp_path / "mini.txt"
    path.write_text(_ROWS.replace(" ", "\t").replace("\t\n", "\n"), encoding="utf-8")
    return path


def test_articles_split_at_datelines(pfsa_file: Path) -> None:
    docs = read_pfsa(pfsa_file)
    assert len(docs) == 2
    assert docs[0].text.startswith("SURABAYA , KOMPAS —")
    assert all(docs[0].text[s:e] for s, e in docs[0].tokens)


def test_bilou_entities_run_over_sentences() -> None:
    labels = ["O", "B-STATEMENT", "I-STATEMENT", "L-STATEMENT", "U-CUE", "B-PERSON", "L-PERSON"]
    assert gold_entities(labels) == [("STATEMENT", 1, 4), ("CUE", 4, 5), ("PERSON", 5, 7)]


def test_broken_sequences_still_decode() -> None:
    assert gold_entities(["I-ROLE", "L-ROLE", "O", "B-CUE"]) == [("ROLE", 0, 2), ("CUE", 3, 4)]


def test_scores_on_the_mini_file(pfsa_file: Path) -> None:
    r = evaluate_pfsa(pfsa_file)
    assert set(r["per_label"]) == set(LABELS)
    assert r["per_label"]["STATEMENT"]["f1"] == 1.0
    assert r["per_label"]["CUE"]["f1"] == 1.0 and r["per_label"]["CUECOREF"]["f1"] == 1.0
    assert r["per_label"]["PERSONCOREF"]["f1"] == 1.0
    # The second article's "ujarnya" has no earlier speaker: not counted.
    assert r["attribution"] == {"accuracy": 1.0, "correct": 1, "total": 1}


def test_bad_line_is_an_evaluation_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("kata\n", encoding="utf-8")
    with pytest.raises(EvaluationError):
        read_pfsa(path)


@pytest.mark.slow
@pytest.mark.data
def test_dev_split_floors(shared_data: Path) -> None:
    path = shared_data / "pfsa-id" / "dev-40.txt"
    if not path.exists():
        pytest.skip("PFSA-ID dev split not found")
    r = evaluate_pfsa(path)
    assert r["per_label"]["STATEMENT"]["f1"] >= 0.92
    assert r["per_label"]["CUE"]["f1"] >= 0.94
    assert r["attribution"]["accuracy"] >= 0.90


_ROLE_ONLY = """\
MEDAN O
, O
KOMPAS O
— O
Gubernur U-ROLE
Sumatera B-AFFILIATION
Utara L-AFFILIATION
Bobby B-PERSON
Nasution L-PERSON
meninjau O
lokasi O
banjir O
. O
” B-STATEMENT
Tanggul I-STATEMENT
akan I-STATEMENT
diperbaiki I-STATEMENT
pekan I-STATEMENT
depan I-STATEMENT
, I-STATEMENT
” L-STATEMENT
kata U-CUE
Gubernur U-PERSONCOREF
. O
"""


def test_speaker_named_by_a_role_alone_is_one_personcoref(tmp_path: Path) -> None:
    # "kata Gubernur": the role word is the mention of the speaker, labelled once (PERSONCOREF),
    # never also ROLE, as PFSA-ID annotates it.
    path = tmp_path / "role.txt"
    path.write_text(_ROLE_ONLY.replace(" ", "\t").replace("\t\n", "\n"), encoding="utf-8")
    r = evaluate_pfsa(path)
    assert r["per_label"]["STATEMENT"]["f1"] == 1.0 and r["per_label"]["CUE"]["f1"] == 1.0
    assert r["per_label"]["PERSONCOREF"]["f1"] == 1.0
    assert r["precision"] == 1.0  # no ROLE predicted on the speaker's "Gubernur"
