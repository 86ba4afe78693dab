"""The numpy BiLSTM-CRF and the marginal-averaging ensemble (no PyTorch needed, except where said)."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest

from warta.stages.ner.clusters import WordClasses
from warta.stages.ner.gazetteer import Gazetteer
from warta.stages.ner.neural import (
    BiLstmTagger,
    Embeddings,
    bio_constraints,
    case_class_id,
    combine,
    decode_valid,
)

LABELS = ["B-LOC", "B-PER", "I-LOC", "I-PER", "O"]

# Hand-written sentences (tokens, tags).
SENTENCES = [
    (
        ["Wali", "Kota", "Bima", "Arya", "meninjau", "pasar", "di", "Semarang", "."],
        ["O", "O", "B-PER", "I-PER", "O", "O", "O", "B-LOC", "O"],
    ),
    (["Warga", "Kampung", "Melayu", "mengungsi", "."], ["O", "B-LOC", "I-LOC", "O", "O"]),
    (
        ["Menurut", "Siti", "Aminah", ",", "air", "surut", "di", "Bekasi", "."],
        ["O", "B-PER", "I-PER", "O", "O", "O", "O", "B-LOC", "O"],
    ),
    (["Hujan", "deras", "mengguyur", "Depok", "sejak", "pagi", "."], ["O", "O", "O", "B-LOC", "O", "O", "O"]),
]


def _embeddings() -> Embeddings:
    rng = np.random.default_rng(0)
    words = sorted({t.lower() for tokens, _ in SENTENCES for t in tokens})
    vectors = rng.standard_normal((len(words), 12)).astype(np.float32)
    buf = io.BytesIO()
    Embeddings.write(buf, words, vectors, {"vocabulary": len(words)})
    return Embeddings.read(buf.getvalue())


def _gazetteer() -> Gazetteer:
    g = Gazetteer()
    g.add(("semarang",), "kota")
    g.add(("bekasi",), "kota")
    return g


def _random_tagger(hidden: int = 6) -> BiLstmTagger:
    rng = np.random.default_rng(1)
    emb = _embeddings()
    width = emb.dim + 5 + 3 + 3 + 4
    n = len(LABELS)

    def r(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.5).astype(np.float16)

    weights = {
        "char_emb": r(40, 4),
        "conv_w": r(5, 4, 3),
        "conv_b": r(5),
        "case_emb": r(7, 3),
        "cap_emb": r(13, 3),
        "gaz_emb": r(2, 4),
        "w_ih": r(width, 8 * hidden),
        "b_ih": r(8 * hidden),
        "w_hh_f": r(hidden, 4 * hidden),
        "w_hh_b": r(hidden, 4 * hidden),
        "out_w": r(2 * hidden, n),
        "out_b": r(n),
        "trans": r(n, n),
        "start": r(n),
        "end": r(n),
    }
    chars = sorted({c for tokens, _ in SENTENCES for t in tokens for c in t})
    meta = {"labels": LABELS, "chars": chars, "gazetteer_types": ["B:kota"]}
    classes = WordClasses(granularities=(0,), table={"bekasi": ("1", "10", "9"), "pasar": ("2", "0", "12")})
    return BiLstmTagger(weights, meta, embeddings=emb, classes=classes, gazetteer=_gazetteer())


def test_embeddings_round_trip_as_int8_unit_vectors() -> None:
    emb = _embeddings()
    assert emb.row("SEMARANG") == emb.row("semarang") > 0
    assert emb.row("tidak-ada") == 0
    assert np.allclose(np.linalg.norm(emb.vectors[1:], axis=1), 1.0, atol=0.02)
    assert not emb.vectors[0].any()


def test_case_classes() -> None:
    assert [case_class_id(w) for w in ["PBB", "A", "Bima", "pasar", "2024", "iPhone", "-"]] == [
        1,
        2,
        2,
        3,
        4,
        5,
        6,
    ]


def test_bio_constraints_forbid_inside_after_outside_or_other_type() -> None:
    allowed, first = bio_constraints(tuple(LABELS))
    i_per, o, b_loc, b_per = (
        LABELS.index("I-PER"),
        LABELS.index("O"),
        LABELS.index("B-LOC"),
        LABELS.index("B-PER"),
    )
    assert not allowed[o, i_per] and not allowed[b_loc, i_per] and allowed[b_per, i_per]
    assert not first[i_per] and first[b_loc]


def test_decode_valid_repairs_an_inside_tag_after_outside() -> None:
    # Token-wise argmax would be O, I-PER: the valid best is O, B-PER or O, O.
    p = np.full((2, len(LABELS)), 0.01)
    p[0, LABELS.index("O")] = 0.9
    p[1, LABELS.index("I-PER")] = 0.6
    p[1, LABELS.index("B-PER")] = 0.3
    path = decode_valid(p, *bio_constraints(tuple(LABELS)))
    assert [LABELS[i] for i in path] == ["O", "B-PER"]


def test_combine_weights_the_parts() -> None:
    a = np.array([[0.0, 0.8, 0.0, 0.0, 0.2]])
    b = np.array([[0.7, 0.0, 0.0, 0.0, 0.3]])
    assert combine([(a, 1.0), (b, 1.0)], LABELS) == (["B-PER"], [pytest.approx(0.4)])
    assert combine([(a, 1.0), (b, 3.0)], LABELS) == (["B-LOC"], [pytest.approx(0.525)])


def test_marginals_are_distributions_and_do_not_depend_on_the_batch() -> None:
    tagger = _random_tagger()
    sentences = [tokens for tokens, _ in SENTENCES] + [[]]
    together = tagger.marginals(sentences)
    assert together[-1].shape == (0, len(LABELS))
    for tokens, table in zip(sentences[:-1], together[:-1], strict=True):
        assert table.shape == (len(tokens), len(LABELS))
        assert np.allclose(table.sum(axis=1), 1.0, atol=1e-4)
        alone = tagger.marginals([tokens])[0]
        assert np.allclose(alone, table, atol=1e-5)


def test_unknown_words_and_characters_are_tagged() -> None:
    tagger = _random_tagger()
    table = tagger.marginals([["Ζεύς", "datang", "ke", "Xyzabc", "!"]])[0]
    assert table.shape == (5, len(LABELS)) and np.isfinite(table).all()


def test_trained_network_learns_the_sentences(tmp_path: object) -> None:
    pytest.importorskip("torch")
    from warta.training.neural import NeuralParams, train_bilstm

    emb = _embeddings()
    classes = WordClasses(granularities=(0,), table={})
    params = NeuralParams(hidden=16, epochs=40, batch=2, dropout=0.0, learning_rate=0.02, threads=1)
    blob, meta = train_bilstm(
        SENTENCES, params=params, embeddings=emb, classes=classes, gazetteer=_gazetteer()
    )
    assert meta["labels"] == sorted({t for _, tags in SENTENCES for t in tags})
    with np.load(io.BytesIO(blob)) as z:
        weights = {k: z[k] for k in z.files}
    assert all(v.dtype == np.float16 for v in weights.values())
    tagger = BiLstmTagger(weights, meta, embeddings=emb, classes=classes, gazetteer=_gazetteer())
    labels = tagger.labels
    for tokens, tags in SENTENCES:
        table = tagger.marginals([tokens])[0]
        assert combine([(table, 1.0)], labels)[0] == tags
    json.dumps(meta)  # the metadata goes into the model's JSON


def test_a_full_word_cache_is_cleared_without_changing_results(monkeypatch: pytest.MonkeyPatch) -> None:
    import warta.stages.ner.neural as neural

    sentences = [tokens for tokens, _ in SENTENCES]
    expected = _random_tagger().marginals(sentences)
    monkeypatch.setattr(neural, "_CACHE_LIMIT", 5)
    monkeypatch.setattr(neural, "_BATCH", 1)
    tagger = _random_tagger()
    for table, want in zip(tagger.marginals(sentences), expected, strict=True):
        assert np.allclose(table, want, atol=1e-6)
    assert len(tagger._cache) <= max(len(s) for s in sentences)
