"""``warta eval ner`` on a hand-written file, and the shipped models on the dev splits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import app
from warta.evaluation.ner import evaluate_ner, pick_model
from warta.stages.ner.model import available_models, load_model
from warta.training.ner import BENCHMARKS, twin_name

GOLD = (
    "Ketua\tO\nKPU\tB-ORGANIZATION\nHasyim\tB-PERSON\nAsy'ari\tI-PERSON\nberada\tO\ndi\tO\n"
    "Makassar\tB-LOCATION\n.\tO\n"
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("types", "model"),
    [
        ({"PERSON", "LOCATION", "ORGANIZATION"}, "nerui"),
        ({"PERSON", "LOCATION", "ORGANIZATION", "QUANTITY", "TIME"}, "nerugm"),
        ({"PPL", "PLC", "IND", "EVT", "FNB"}, "nerp"),
        ({"PERSON", "PLACE", "ORGANISATION"}, "nergrit"),
        ({"PER", "ORG", "LOC"}, "idner"),
        ({"DISEASE"}, "news"),
    ],
)
def test_pick_model(types: set[str], model: str) -> None:
    assert pick_model(types) == model


@pytest.mark.model
@pytest.mark.parametrize("bench", sorted(BENCHMARKS))
def test_each_benchmark_ships_a_refit_and_its_train_only_twin(bench: str) -> None:
    refit, twin = load_model(bench).meta, load_model(twin_name(bench)).meta
    assert refit["dev_in_training"] is True and refit["twin_of"] is None
    assert refit["command"] == f"warta train ner --benchmark {bench} --include-dev"
    assert twin["dev_in_training"] is False and twin["twin_of"] == bench
    assert twin["command"] == f"warta train ner --benchmark {bench}"
    assert refit["source_types"] == twin["source_types"]
    assert refit["params"] == twin["params"] and refit["recipe"] == twin["recipe"]
    # The refit read the dev file as well; the twin did not.
    assert set(refit["data"]) - set(twin["data"]) == {
        f"data/{BENCHMARKS[bench].folder}/{BENCHMARKS[bench].dev}"
    }
    # Picked by its labels is the refit, never the twin.
    assert pick_model(set(twin["source_types"])) == bench


@pytest.mark.model
def test_twins_are_never_picked() -> None:
    twins = [m for m in available_models() if m.endswith("-train")]
    assert len(twins) == len(BENCHMARKS)
    for name in twins:
        types = set(load_model(name).meta["source_types"])
        for subset in (types, set(list(sorted(types))[:1])):
            assert not pick_model(subset).endswith("-train")


@pytest.mark.model
def test_cli_json(tmp_path: Path) -> None:
    gold = tmp_path / "kecil.tsv"
    gold.write_text(GOLD, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "ner", "--data", str(gold), "--format", "tsv", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["model"] == "nerui" and out["support"] == 3
    assert 0.0 <= out["f1"] <= 1.0
    assert set(out["per_label"]) >= {"PERSON", "LOCATION", "ORGANIZATION"}
    for v in out["per_label"].values():
        assert set(v) == {"precision", "recall", "f1", "support"}


@pytest.mark.model
def test_cli_named_model_harmonises(tmp_path: Path) -> None:
    gold = tmp_path / "kecil.tsv"
    gold.write_text(GOLD, encoding="utf-8")
    out = evaluate_ner(gold, format="tsv", model="news")
    assert out["model"] == "news"
    assert set(out["per_label"]) <= {"PER", "ORG", "LOC", "EVT"}


def test_cli_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.tsv"
    bad.write_text("Makassar LOC\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "ner", "--data", str(bad), "--format", "tsv"])
    assert result.exit_code == 2


# Held-out dev F1 floors of the train-only twins, a little under their scores (eval/baseline.json
# pins them exactly). The refit models saw dev in training, so they are not scored on it.
DEV = [
    ("ner-nerui/dev.01.tsv", "tsv", "nerui", 0.85),
    ("ner-nerugm/dev.01.tsv", "tsv", "nerugm", 0.78),
    ("ner-nerp/valid_preprocess.txt", "tsv", "nerp", 0.75),
    ("ner-nergrit/valid_preprocess.txt", "tsv", "nergrit", 0.72),
    ("ner-idner-news-2k/dev.txt", "conll", "idner", 0.70),
]


@pytest.mark.data
@pytest.mark.model
@pytest.mark.parametrize(("rel", "fmt", "bench", "floor"), DEV)
def test_dev_scores(shared_data: Path, rel: str, fmt: str, bench: str, floor: float) -> None:
    from warta.evaluation.conll import entity_types, read_ner_file

    assert pick_model(entity_types(read_ner_file(shared_data / rel, format=fmt))) == bench  # type: ignore[arg-type]
    out = evaluate_ner(shared_data / rel, format=fmt, model=twin_name(bench))  # type: ignore[arg-type]
    assert out["model"] == twin_name(bench)
    assert out["f1"] >= floor
