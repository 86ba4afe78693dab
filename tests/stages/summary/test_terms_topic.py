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
