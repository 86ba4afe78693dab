"""Feature extraction on sentences written for these tests."""

from __future__ import annotations

import pytest

from warta.stages.ner.clusters import read_word_classes
from warta.stages.ner.features import FeatureConfig, FeatureExtractor, word_shape
from warta.stages.ner.gazetteer import Gazetteer, read_gazetteer

PLAIN = FeatureConfig(clusters=False, case_stats=False, gazetteer=False)
# word, k0, k1, k2, cap (tenths), log2 frequency
CLASSES = read_word_classes(
    text="bupati\t1\t10\t100\t1\t9\nsleman\t2\t20\t200\t10\t7\nmeresmikan\t3\t30\t300\t0\t8\n"
)
GAZ = read_gazetteer("jawa tengah\tprov\nsleman\tkab\n")


@pytest.mark.parametrize(
    ("word", "shape"),
    [("Semarang", "Xx"), ("DPR", "X"), ("2024", "d"), ("Rp1.500", "Xxd.d"), ("e-KTP", "x-X"), (",", ",")],
)
def test_word_shape(word: str, shape: str) -> None:
    assert word_shape(word) == shape


def test_window_and_bigrams() -> None:
    feats = FeatureExtractor(PLAIN).sentence(["Bupati", "Sleman", "meresmikan", "pasar", "baru"])
    mid = feats[2]
    assert "w=meresmikan" in mid
    assert "-2:w=bupati" in mid and "-1:w=sleman" in mid
    assert "+1:w=pasar" in mid and "+2:w=baru" in mid
    assert "b-=sleman|meresmikan" in mid and "b+=meresmikan|pasar" in mid
    assert "BOS" in feats[0] and "EOS" in feats[-1]
    assert "c=T" in feats[1] and "c=L" in mid


def test_affixes_catch_indonesian_morphology() -> None:
    feats = FeatureExtractor(PLAIN).sentence(["Warga", "menyaksikan", "pertandingan"])
    assert "p3=men" in feats[1] and "s3=kan" in feats[1]
    assert "s3=gan" in feats[2] and "s4=ngan" in feats[2]


def test_word_classes_and_case_stats() -> None:
    fx = FeatureExtractor(FeatureConfig(gazetteer=False), classes=CLASSES)
    feats = fx.sentence(["bupati", "sleman", "Ngawur"])
    assert {"k0=2", "k1=20", "k2=200", "cap=10", "fq=7"} <= set(feats[1])
    assert "-1:k1=20" in feats[2] and "-1:cap=10" in feats[2]
    assert "k=?" in feats[2]  # a word the news corpus never had


def test_gazetteer_longest_match_and_context() -> None:
    fx = FeatureExtractor(FeatureConfig(clusters=False, case_stats=False), gazetteer=GAZ)
    feats = fx.sentence(["Hujan", "di", "Jawa", "Tengah", "dan", "Sleman"])
    assert "g=B:prov" in feats[2] and "g=I:prov" in feats[3]
    assert "+1:g=B:prov" in feats[1] and "-1:g=I:prov" in feats[4]
    assert "g=B:kab" in feats[5]


def test_gazetteer_prefers_longer_phrase() -> None:
    g = Gazetteer()
    g.add(("jawa",), "kec")
    g.add(("jawa", "tengah"), "prov")
    assert g.match(["jawa", "tengah", "jawa"]) == ["B:prov", "I:prov", "B:kec"]


def test_same_word_gives_same_features_from_cache() -> None:
    fx = FeatureExtractor(PLAIN)
    first = fx.sentence(["Polisi", "menangkap", "Polisi"])
    again = fx.sentence(["Polisi", "menangkap", "Polisi"])
    assert first == again
    assert [f for f in first[0] if not f.startswith(("+", "b+", "BOS", "EOS"))] == [
        f for f in first[2] if not f.startswith(("-", "b-", "BOS", "EOS"))
    ]


def test_empty_sentence() -> None:
    assert FeatureExtractor(PLAIN).sentence([]) == []


def test_config_round_trip() -> None:
    cfg = FeatureConfig(clusters=False)
    assert FeatureConfig.from_dict(cfg.as_dict()) == cfg
