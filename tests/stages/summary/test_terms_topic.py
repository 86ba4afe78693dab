from __future__ import annotations

import pytest

from warta.stages.summary.terms import Stemmer, content_terms, is_word
from warta.stages.summary.topic import classify_topic, hashed_features


def test_content_terms_drop_stop_words_and_punctuation() -> None:
    terms = content_terms(["Polisi", "menangkap", "dua", "tersangka", "di", "Bekasi", "."], lambda w: w)
    assert terms == ["polisi", "menangkap", "tersangka", "bekasi"]


def test_stemmer_uses_table_then_fallback() -> None:
    calls: list[str] = []

    def fake(word: str) -> str:
        calls.append(word)
        return word.removeprefix("me")

    stem = Stemmer(table={"dicatatkan": "catat"}, fallback=fake)
    assert stem("dicatatkan") == "catat"
    assert stem("membangun") == "mbangun"
    assert stem("membangun") == "mbangun"
    assert calls == ["membangun"]  # cached after the first call


def test_stemmer_real_sastrawi() -> None:
    assert Stemmer(table={})("pembangunan") == "bangun"


@pytest.mark.parametrize(("token", "expected"), [("Rp10", True), ("—", False), ('"', False), ("2025", True)])
def test_is_word(token: str, expected: bool) -> None:
    assert is_word(token) is expected


def test_hashed_features_are_normalised_and_stable() -> None:
    a = hashed_features(["harga", "beras", "harga"], 1 << 10)
    assert a == hashed_features(["beras", "harga", "harga"], 1 << 10)
    assert abs(sum(v * v for v in a.values()) - 1) < 1e-9


@pytest.mark.model
@pytest.mark.parametrize(
    ("words", "label"),
    [
        ("striker gol menit babak kedua pelatih laga liga klub skor".split(), "olahraga"),
        ("saham rupiah inflasi investor bursa ekspor bank suku bunga".split(), "ekonomi"),
        ("film aktris album konser penyanyi sinetron penggemar".split(), "hiburan"),
    ],
)
def test_shipped_topic_model(words: list[str], label: str) -> None:
    from warta.stages.summary.resources import load_topic_model

    found = classify_topic(words, load_topic_model())
    assert found is not None and found[0] == label and 0 < found[1] <= 1


def test_empty_text_has_no_topic() -> None:
    from warta.stages.summary.resources import load_topic_model

    assert classify_topic([], load_topic_model()) is None


def test_classify_topic_is_a_softmax_over_hashed_terms() -> None:
    import math
    from array import array

    from warta.stages.summary.resources import TopicModel

    dim, labels = 8, ("a", "b")
    weights = array("f", [0.5 * ((i * 7) % 5 - 2) for i in range(dim * len(labels))])
    model = TopicModel(labels=labels, dim=dim, weights=weights, bias=(0.1, -0.1), meta={})
    terms = ["harga", "beras", "harga", "pasar"]
    feats = hashed_features(terms, dim)
    scores = [model.bias[j] + sum(v * weights[b * 2 + j] for b, v in feats.items()) for j in range(2)]
    best = max(range(2), key=scores.__getitem__)
    prob = math.exp(scores[best]) / sum(math.exp(s) for s in scores)
    found = classify_topic(terms, model)
    assert found is not None and found[0] == labels[best] and found[1] == pytest.approx(prob)


def test_stem_table_lists_words_that_are_their_own_stem() -> None:
    from warta.stages.summary.resources import stem_table

    table = stem_table()
    assert table["menteri"] == "menteri"  # listed bare: no Sastrawi call at run time
    assert table["pembangunan"] == "bangun"
    assert any(stem != word for word, stem in table.items())


def test_tfidf_matrix_matches_the_sparse_vectors() -> None:
    from warta.stages.summary.features import (
        cosine_similarities,
        similarity_matrix,
        tfidf_matrix,
        tfidf_vectors,
    )

    terms = [["harga", "beras", "harga"], ["beras", "pasar"], [], ["pasar", "banjir"]]
    idf = {"harga": 2.0, "beras": 1.5, "pasar": 1.0}
    m, _ = tfidf_matrix(terms, idf, 3.0)
    dense = cosine_similarities(m)
    sparse = similarity_matrix(tfidf_vectors(terms, idf, 3.0))
    assert dense == [pytest.approx(row) for row in sparse]
    assert dense[0][0] == 0.0 and dense[2] == [0.0] * 4
