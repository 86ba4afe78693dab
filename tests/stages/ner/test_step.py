"""The NER step on hand-built Articles, with the shipped production model."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

from warta.article import Article, Sentence, Token
from warta.pipeline import Pipeline
from warta.registry import make_step
from warta.stages.ner.step import NerStep


def _article(text: str) -> Article:
    """One sentence, tokens split on spaces with a final full stop split off."""
    tokens: list[Token] = []
    pos = 0
    for word in text.rstrip(".").split(" "):
        start = text.index(word, pos)
        tokens.append(Token(start, start + len(word), word))
        pos = start + len(word)
    if text.endswith("."):
        tokens.append(Token(len(text) - 1, len(text), "."))
    return Article(id="uji", raw=text, text=text, sentences=[Sentence(0, len(text), 0, tokens)])


@pytest.mark.model
def test_mentions_point_into_text() -> None:
    a = _article("Wali Kota Surabaya Eri Cahyadi meninjau banjir bersama petugas BPBD Jawa Timur.")
    a = NerStep()(a)
    assert a.mentions
    for m in a.mentions:
        assert a.text[m.start : m.end] == m.text
        assert m.label in ("PER", "ORG", "LOC", "EVT")
        assert 0.0 < m.score <= 1.0
        assert m.sentence == 0
    found = {(m.text, m.label) for m in a.mentions}
    assert ("Eri Cahyadi", "PER") in found
    assert ("Surabaya", "LOC") in found


@pytest.mark.model
def test_article_without_sentences_gets_no_mentions() -> None:
    a = NerStep()(Article(id="kosong", raw="", text=""))
    assert a.mentions == []


@pytest.mark.model
def test_benchmark_model_labels_are_harmonised() -> None:
    a = NerStep(model="nerui")(_article("Presiden Joko Widodo berkunjung ke Medan."))
    assert {m.label for m in a.mentions} <= {"PER", "ORG", "LOC"}
    assert any(m.label == "PER" for m in a.mentions)


def test_step_pickles_without_model() -> None:
    step = NerStep(model="news")
    data = pickle.dumps(step)
    assert len(data) < 200
    assert pickle.loads(data).model == "news"


def test_contract_and_registry() -> None:
    step = make_step("warta.ner.crf.v1")
    assert step.name == "ner" and step.requires == ("sentences",) and step.provides == ("mentions",)
    Pipeline([make_step("warta.clean.v1"), make_step("warta.segment.v1"), step])


def test_import_warta_loads_no_ner_model() -> None:
    code = (
        "import sys, warta, warta.registry; warta.registry.make_step('warta.ner.crf.v1'); "
        "print([m for m in ('pycrfsuite', 'warta.stages.ner.model', 'gensim', 'numpy') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.model
def test_analyze_with_ner() -> None:
    import warta

    a = warta.analyze(
        "Menteri Keuangan Sri Mulyani Indrawati menghadiri rapat di Gedung DPR, Jakarta, Selasa pagi. "
        "Ia didampingi pejabat Bank Indonesia.",
        steps=["warta.clean.v1", "warta.segment.v1", "warta.ner.crf.v1"],
    )
    assert "mentions" in a.provided
    texts = {m.text for m in a.mentions}
    assert "Sri Mulyani Indrawati" in texts
    assert "Bank Indonesia" in texts


@pytest.mark.model
def test_an_ensemble_benchmark_model_tags_an_article() -> None:
    # nergrit is a CRF + BiLSTM-CRF ensemble with NERGrit's labels, mapped onto PER/ORG/LOC.
    text = "Gubernur Ridwan Kamil meresmikan jembatan di Kabupaten Garut bersama warga."
    a = NerStep(model="nergrit")(_article(text))
    plain = NerStep(model="news")(_article(text))
    assert a.mentions and {m.label for m in a.mentions} <= {"PER", "ORG", "LOC"}
    for m in a.mentions:
        assert a.text[m.start : m.end] == m.text and 0.0 < m.score <= 1.0
    assert ("Ridwan Kamil", "PER") in {(m.text, m.label) for m in a.mentions}
    assert plain.mentions
