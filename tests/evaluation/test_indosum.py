from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from warta.errors import EvaluationError
from warta.evaluation.indosum import RougeMean, evaluate_summary, indosum_article, indosum_split, read_indosum

DOC = {
    "id": "contoh-1",
    "paragraphs_tokens": [
        [
            ["Harga", "beras", "di", "Pasar", "Induk", "naik", "tajam", "pekan", "ini", "."],
            ["Pedagang", "menyebut", "pasokan", "dari", "Jawa", "Tengah", "berkurang", "."],
        ],
        [["Baca", "juga", ":", "Harga", "Cabai", "Turun"]],
        [["Pemerintah", "berjanji", "menggelar", "operasi", "pasar", "mulai", "Senin", "depan", "."]],
    ],
    "summary_tokens": [
        ["Harga", "beras", "di", "Pasar", "Induk", "naik", "tajam", "."],
        ["Pemerintah", "akan", "menggelar", "operasi", "pasar", "."],
    ],
    "gold_labels": [[True, False], [False], [True]],
}


def test_article_sentences_are_indosum_sentences() -> None:
    a = indosum_article(DOC)
    assert len(a.sentences) == 4
    assert [s.paragraph for s in a.sentences] == [0, 0, 1, 2]
    for s in a.sentences:
        assert [t.text for t in s.tokens] == a.text[s.start : s.end].split(" ")
        for t in s.tokens:
            assert a.text[t.start : t.end] == t.text


def test_rouge_identical_is_one() -> None:
    r = RougeMean()
    r.add([["Harga", "naik", "."]], [["harga", "naik"]])
    assert r.as_dict()["rouge1"]["f1"] == 1.0


def test_split_is_stable() -> None:
    assert indosum_split("contoh-1") == indosum_split("contoh-1")
    assert {indosum_split(f"id-{i}") for i in range(50)} == {"dev", "train"}


def test_evaluate_on_a_small_file(tmp_path: Path) -> None:
    path = tmp_path / "kecil.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(DOC) + "\n")
    result = evaluate_summary(path, k=2)
    assert result["support"] == 1 and 0 < result["f1"] <= 1
    assert set(result["per_label"]) == {"rouge1", "rouge2", "rougeL"}
    assert result["oracle"]["f1"] > 0.5 and "lead3" in result


def test_rejects_other_layouts(tmp_path: Path) -> None:
    path = tmp_path / "salah.jsonl"
    path.write_text(json.dumps({"text": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError):
        read_indosum(path)


@pytest.mark.data
@pytest.mark.slow
def test_dev_beats_lead3(shared_data: Path, tmp_path: Path) -> None:
    path = shared_data / "news-indosum" / "indosum_articles.jsonl.gz"
    docs = read_indosum(path, split="dev")[:80]
    small = tmp_path / "dev80.jsonl"
    small.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    result = evaluate_summary(small, k=4, target_words=55)
    assert result["f1"] > result["lead3"]["f1"]
