"""Training helpers, a tiny CRF trained on hand-written sentences, and the shipped models on dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.stages.ner.features import FeatureConfig
from warta.stages.ner.model import model_from_files
from warta.training.ner import CrfParams, harmonise, recase, train_crf

PLAIN = FeatureConfig(clusters=False, case_stats=False, gazetteer=False)

# Hand-written training sentences (tokens, tags).
TINY = [
    (
        ["Bupati", "Budi", "Santoso", "meninjau", "Desa", "Sukamaju", "."],
        ["O", "B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O"],
    ),
    (["Petugas", "PLN", "datang", "ke", "Cianjur", "."], ["O", "B-ORG", "O", "O", "B-LOC", "O"]),
    (["Kata", "Rina", "Wulandari", "kepada", "wartawan", "."], ["O", "B-PER", "I-PER", "O", "O", "O"]),
    (
        ["Bupati", "Agus", "Salim", "tiba", "di", "Garut", "."],
        ["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"],
    ),
]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PERSON", "I-PERSON"], ["B-PER", "I-PER"]),
        (["B-PLACE", "B-ORGANISATION"], ["B-LOC", "B-ORG"]),
        (["B-PLC", "B-IND", "B-EVT", "B-FNB"], ["B-LOC", "B-ORG", "B-EVT", "O"]),
        (["B-QUANTITY", "I-TIME", "O"], ["O", "O", "O"]),
    ],
)
def test_harmonise(tags: list[str], expected: list[str]) -> None:
    assert harmonise(tags) == expected


def test_recase_uses_news_capitalisation() -> None:
    caps = {"surabaya": ("1", "1", "1", "10", "12"), "kota": ("2", "2", "2", "1", "14")}
    assert recase(["warga", "kota", "surabaya"], caps) == ["Warga", "kota", "Surabaya"]


def test_train_tiny_crf(tmp_path: Path) -> None:
    out = tmp_path / "kecil.crfsuite"
    info = train_crf(TINY * 3, out, config=PLAIN, params=CrfParams(c1=0.0, c2=0.01, max_iterations=50))
    assert info["sentences"] == 12 and "B-PER" in info["labels"]
    out.with_suffix(".json").write_text(json.dumps({"name": "kecil", "features": PLAIN.as_dict()}))
    model = model_from_files(out)
    tags = model.tag(["Bupati", "Budi", "Santoso", "tiba", "di", "Cianjur", "."])
    assert tags[1:3] == ["B-PER", "I-PER"]
    assert model.tag([]) == []


def _write_tsv(path: Path, sentences: list[tuple[list[str], list[str]]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "".join(
            "".join(f"{t}\t{g}\n" for t, g in zip(toks, tags, strict=True)) + "\n" for toks, tags in sentences
        ),
        encoding="utf-8",
    )


def test_borrowed_sentences_take_the_target_case_and_labels(tmp_path: Path) -> None:
    from warta.training.ner import borrowed_sentences

    _write_tsv(
        tmp_path / "ner-nerui" / "train.01.tsv",
        [(["Joko", "Widodo", "tiba", "di", "Solo"], ["B-PERSON", "I-PERSON", "O", "O", "B-LOCATION"])],
    )
    _write_tsv(
        tmp_path / "ner-nerugm" / "train.01.tsv",
        [
            (
                ["Tiga", "hari", "di", "Bank", "Mandiri"],
                ["B-QUANTITY", "B-TIME", "O", "B-ORGANIZATION", "I-ORGANIZATION"],
            )
        ],
    )
    pairs, paths = borrowed_sentences(tmp_path, "nerp", ("nerui", "nerugm"))
    assert pairs == [
        (["joko", "widodo", "tiba", "di", "solo"], ["B-PPL", "I-PPL", "O", "O", "B-PLC"]),
        (["tiga", "hari", "di", "bank", "mandiri"], ["O", "O", "O", "B-IND", "I-IND"]),
    ]
    assert [p.name for p in paths] == ["train.01.tsv", "train.01.tsv"]
    pairs, _ = borrowed_sentences(tmp_path, "nergrit", ("nerui",))
    assert pairs == [
        (["Joko", "Widodo", "tiba", "di", "Solo"], ["B-PERSON", "I-PERSON", "O", "O", "B-PLACE"])
    ]


GRIT = [
    (
        ["Bupati", "Budi", "Santoso", "meninjau", "Garut", "."],
        ["O", "B-PERSON", "I-PERSON", "O", "B-PLACE", "O"],
    ),
    (["Petugas", "PLN", "datang", "ke", "Cianjur", "."], ["O", "B-ORGANISATION", "O", "O", "B-PLACE", "O"]),
]


def _grit_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    _write_tsv(data / "ner-nergrit" / "train_preprocess.txt", GRIT * 3)
    _write_tsv(data / "ner-nergrit" / "valid_preprocess.txt", GRIT[:1])
    return data


def test_train_benchmark_names_the_refit_and_its_twin(tmp_path: Path) -> None:
    from warta.training.ner import Recipe, train_benchmark, twin_name

    data = _grit_data(tmp_path)
    params = CrfParams(c1=0.0, c2=0.01, max_iterations=20)
    recipe = Recipe(params=params)  # the CRF alone (the shipped recipe adds a network, see below)
    twin = train_benchmark(data, "nergrit", tmp_path / "out", recipe=recipe)
    refit = train_benchmark(data, "nergrit", tmp_path / "out", recipe=recipe, include_dev=True)
    assert twin["name"] == twin_name("nergrit") == "nergrit-train" and twin["twin_of"] == "nergrit"
    assert twin["command"] == "warta train ner --benchmark nergrit" and not twin["dev_in_training"]
    assert refit["name"] == "nergrit" and refit["twin_of"] is None and refit["dev_in_training"]
    assert refit["command"] == "warta train ner --benchmark nergrit --include-dev"
    assert sorted(refit["data"]) == [
        "data/ner-nergrit/train_preprocess.txt",
        "data/ner-nergrit/valid_preprocess.txt",
    ]
    assert list(twin["data"]) == ["data/ner-nergrit/train_preprocess.txt"]
    assert refit["training"]["sentences"] == twin["training"]["sentences"] + 1
    assert {p.name for p in (tmp_path / "out").iterdir()} == {
        "nergrit.crfsuite",
        "nergrit.json",
        "nergrit-train.crfsuite",
        "nergrit-train.json",
    }
    # A learning-curve model: a share of train, named and recorded as such, never taken for the refit.
    part = train_benchmark(
        data, "nergrit", tmp_path / "lc", recipe=recipe, include_dev=True, fraction=0.5, seed=1
    )
    assert part["name"] == "nergrit-0.5-seed1" and part["twin_of"] == "nergrit"
    assert part["training"]["sentences"] == 3 + 1 and part["train_fraction"] == 0.5
    assert part["command"].endswith(f"--include-dev --fraction 0.5 --seed 1 --output {tmp_path / 'lc'}")


@pytest.mark.model
def test_train_benchmark_with_a_network_ships_an_ensemble(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    from warta.training.ner import Recipe, train_benchmark
    from warta.training.neural import NeuralParams

    data = _grit_data(tmp_path)
    recipe = Recipe(
        params=CrfParams(c1=0.0, c2=0.01, max_iterations=20),
        neural=NeuralParams(hidden=8, epochs=3, threads=1),
    )
    meta = train_benchmark(data, "nergrit", tmp_path / "out", recipe=recipe)
    assert (tmp_path / "out" / "nergrit-train.bilstm.npz").is_file()
    assert meta["neural"]["file"] == "nergrit-train.bilstm.npz" and meta["recipe"]["neural"] is True
    assert meta["neural"]["params"]["hidden"] == 8 and meta["neural"]["labels"] == meta["training"]["labels"]
    model = model_from_files(tmp_path / "out" / "nergrit-train.crfsuite")
    tags, scores = model.tag_with_scores(GRIT[0][0])
    assert len(tags) == len(scores) == 6 and all(0.0 <= s <= 1.0 for s in scores)
    assert model.tag_many([GRIT[1][0], [], GRIT[0][0]])[2] == tags


def test_subsample_is_a_seeded_share_in_order() -> None:
    from warta.evaluation.conll import NerSentence
    from warta.training.ner import subsample

    sents = [NerSentence([f"kata{i}"], ["O"]) for i in range(18)]
    a, b = subsample(sents, 8 / 9, 0), subsample(sents, 8 / 9, 0)
    assert a == b and len(a) == 16
    assert [s.tokens[0] for s in a] == sorted((s.tokens[0] for s in a), key=lambda t: int(t[4:]))
    assert subsample(sents, 8 / 9, 1) != a
    assert subsample(sents, 1.0, 0) == sents
