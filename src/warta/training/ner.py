"""Training the NER CRFs from ``../shared/data`` (``warta train ner``).

Two models per benchmark, with the benchmark's own labels, for measurement: ``<bench>``,
refit on train+dev once the recipe was chosen (``--include-dev``; the one ``warta eval
ner`` picks for a file with that benchmark's labels, meant for its held-out test split),
and its twin ``<bench>-train`` (:func:`twin_name`), trained on train only with the same
recipe, whose dev scores are held out (the dev gates name it with ``--model``). A recipe
may add a BiLSTM-CRF (:mod:`~warta.training.neural`, PyTorch) trained on the same
sentences, written beside the CRF; the model then tags with both. And the
production model ``news`` for cased news text, trained on the union of all five training
sets with their labels harmonised to PER, ORG, LOC and EVT (:data:`HARMONISE`). Each
model's JSON records the sha256 of every data file it read, its parameters and the exact
command, so the command rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import platform
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warta.errors import ResourceError
from warta.evaluation.conll import NerFormat, NerSentence, entity_types, read_ner_file, score_entities
from warta.evaluation.ner import recase, tag_sentences
from warta.stages.ner.features import FeatureConfig, FeatureExtractor
from warta.stages.ner.labels import HARMONISE, harmonise
from warta.stages.ner.model import shared_classes, shared_gazetteer
from warta.training.neural import NeuralParams

__all__ = [
    "BENCHMARKS",
    "HARMONISE",
    "RECIPES",
    "Benchmark",
    "CrfParams",
    "Recipe",
    "borrowed_sentences",
    "harmonise",
    "load_split",
    "make_extractor",
    "recase",
    "subsample",
    "tag_sentences",
    "train_benchmark",
    "train_crf",
    "train_production",
    "twin_name",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Benchmark:
    """Where a NER benchmark's files are in ``../shared/data`` and how they are laid out."""

    name: str
    folder: str
    train: str
    dev: str
    format: NerFormat
    # The benchmark's own names of the harmonised types, for sentences borrowed from other sets.
    types: dict[str, str]
    lowercase: bool = False  # the text is lower-cased (NERP)


_UI_TYPES = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}

BENCHMARKS: dict[str, Benchmark] = {
    "nerui": Benchmark("nerui", "ner-nerui", "train.01.tsv", "dev.01.tsv", "tsv", _UI_TYPES),
    "nerugm": Benchmark("nerugm", "ner-nerugm", "train.01.tsv", "dev.01.tsv", "tsv", _UI_TYPES),
    "nerp": Benchmark(
        "nerp",
        "ner-nerp",
        "train_preprocess.txt",
        "valid_preprocess.txt",
        "tsv",
        {"PER": "PPL", "LOC": "PLC", "ORG": "IND"},
        lowercase=True,
    ),
    "nergrit": Benchmark(
        "nergrit",
        "ner-nergrit",
        "train_preprocess.txt",
        "valid_preprocess.txt",
        "tsv",
        {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORGANISATION"},
    ),
    "idner": Benchmark(
        "idner",
        "ner-idner-news-2k",
        "train.txt",
        "dev.txt",
        "conll",
        {"PER": "PER", "LOC": "LOC", "ORG": "ORG"},
    ),
}


@dataclass(frozen=True, slots=True)
class CrfParams:
    """CRFsuite L-BFGS parameters. L1 (``c1``) also prunes: features with zero weight are dropped."""

    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 150
    min_freq: int = 1  # attributes seen fewer times than this in training are not generated

    def crfsuite(self) -> dict[str, Any]:
        return {
            "c1": self.c1,
            "c2": self.c2,
            "max_iterations": self.max_iterations,
            "feature.minfreq": self.min_freq,
            "feature.possible_transitions": True,
        }


@dataclass(frozen=True, slots=True)
class Recipe:
    """How one benchmark's model is trained, so that ``warta train ner --benchmark NAME`` rebuilds it.

    Attributes:
        params: the CRF parameters.
        augment: other benchmarks whose training sentences are added, their PER/ORG/LOC
            mapped onto this benchmark's types (other types become ``O``); lower-cased for a
            lower-cased benchmark, recased (:func:`recase`) when they are lower-cased and it is not.
        copies: how many times the benchmark's own sentences go in: weighs them against the
            borrowed ones, whose annotation conventions differ.
        neural: when set, a BiLSTM-CRF (:mod:`~warta.stages.ner.neural`) is trained on the
            benchmark's own sentences too, and the model tags with both, their marginals
            averaged (needs PyTorch to train: ``pip install warta[ner-neural]``).
    """

    params: CrfParams = CrfParams()
    augment: tuple[str, ...] = ()
    copies: int = 1
    neural: NeuralParams | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"augment": list(self.augment), "copies": self.copies, "neural": self.neural is not None}


# Chosen on each dev split (models trained on train only; the issue 3 notes give every run):
# NERGrit: a stronger L1 (c1 0.2) prunes the model to a quarter of its features and scores 75.1
#   against 74.5; c1 0.1 gave 74.2, 0.4 gave 74.3; borrowing NER-UI, NER-UGM and IDNER
#   (74.9, or 74.6 with NERGrit twice) costs 3x the training and is not better.
# NERP: a weaker L1 (c1 0.02) keeps more of the rare lower-cased cues: 77.0 against 76.4 (c1
#   0.1 gave 76.0); lower-cased copies of the four cased sets cost 3.6 F1 (72.8: their ORG and
#   event conventions differ).
# Tried against these recipes for issue 3 (dev F1, train only, same features unless said) and
# not kept, since none beat them:
#   NERGrit (75.1): 300 iterations 74.0 (so 75.1 is partly where L-BFGS stops; the spread of
#   the runs below is about that size); c2 0.1 74.4, c1 0.15/c2 0.03 74.2, c1 0.25/c2 0.003
#   74.0; attribute min-freq 2 72.5; BIOES tags 73.6; words at +-3 and neighbours' suffixes
#   73.5; word/shape/cap conjunctions 73.4; a lexicon of the other sets' entity phrases and
#   words 73.6 (phrases seen twice, alone, 74.6); NER-UI, NER-UGM and IDNER borrowed with
#   domain-tagged feature copies 73.8; the tags of a CRF trained on the four other sets as
#   features (stacking) 74.2; no gazetteer 73.3.
#   NERP (77.0): 300 iterations 76.9; c1 0.005 76.6, c1 0.01/c2 0.003 76.3; BIOES 76.0;
#   conjunctions 76.9; features read off recased tokens 76.7; stacking on the four cased
#   sets 76.7; the other sets' entity phrases 76.3; NER-UI, NER-UGM and IDNER lower-cased with
#   domain-tagged feature copies 76.2; no gazetteer 76.6.
# The 90% bootstrap intervals of the shipped models' dev F1 are 72.2-78.2 (NERGrit) and
# 75.2-78.8 (NERP): most of these differences are within them.
# Refit: with its recipe chosen, each benchmark's shipped model is retrained on train+dev
# (``<bench>``; its train-only twin ``<bench>-train`` keeps the dev scores above). What that is
# worth, from a learning curve on dev (``warta train ner --benchmark B --fraction 0.8889 --seed S
# --output DIR``: 8/9 of train, as train is 8/9 of train+dev): NERGrit 73.3, 74.0, 73.0 (seeds
# 0-2; all of train 75.1), NERP 75.3, 75.9 (seeds 0-1; all of train 77.0): about +1.7 and +1.4.
# Tried later against the same recipes (dev F1, train only) and not kept, none gaining 0.7:
#   NERGrit (75.10): ensembles whose per-token marginals are averaged and decoded by a valid-BIO
#   Viterbi, over the recipe (75.04 alone, so decoded), c1 0.05 (74.46), BIOES (73.63), no
#   affixes (73.39), c1 0.1 without word classes (74.02): every pair, triple and more 73.8-74.9
#   (best recipe + BIOES 74.90, all five 74.67); word2vec (100 dims, retrained as for the
#   classes) cut by PCA to 24 dims, in quarter-std steps, as weighted attributes of the token
#   75.48 (16 dims 75.45, 32 dims at half weight 74.21; of the token and +-1 74.30, with
#   tagging down to 28k tokens/s); that model averaged with the recipe 75.00, with it and
#   BIOES 75.40; 4,096 finer k-means classes of those vectors 74.03 (at +-1 too 73.82);
#   other CRFsuite trainers: averaged perceptron (30 epochs) 74.88, passive-aggressive 74.81,
#   AROW 63.24, L2 SGD (c2 1) 75.62 but 11 MB, having no L1 to prune it.
#   Self-training: the train-only model's tags of news-2025 sentences whose every token's
#   marginal is 0.9 or more (748 sentences) added to train 74.17; at 0.95 (396) 74.54.
#   NERP (76.95): the 24-dim word2vec attributes 77.22; ensembles of the recipe (77.12 alone),
#   c1 0.1 (75.98) and BIOES (76.26): 77.05, 77.26, 76.83, all three 77.07; with the word2vec
#   model, it and the recipe 77.12, the recipe, BIOES and it 77.60 (+0.65, for three CRFs).
#   Mention replacement (Dai & Adel 2020: a copy of train whose entity spans are swapped, each
#   with probability p, for a random span of the same type from train): NERGrit p 0.5 73.34,
#   p 0.2 74.19 (the same script with no copy gives the recipe's 75.10).
# Session 4: a BiLSTM-CRF (neural.py: frozen word2vec vectors of the news corpora, a character
# CNN, case class, news capitalisation ratio and gazetteer match; 64 LSTM units a direction,
# dropout 0.5, Adam 0.002, 25 epochs, batches of 16) whose tag marginals are averaged with the
# CRF's, the network weighted 1.5, and decoded by a valid-BIO Viterbi. Dev F1 (train only) by
# the network's weight, 0 being the CRF alone and 1000 the network alone:
#   NERGrit: 0 75.04, 0.5 76.42, 1 78.57, 1.5 78.78, 2 78.72, 3 78.79, 5 77.89, 1000 76.58.
#   NERP:    0 77.12, 0.5 78.15, 1 78.80, 1.5 79.26, 2 78.92, 3 78.49, 5 78.07, 1000 77.28.
# With 128 units (and the network's tagging 2.4x slower): NERGrit 77.48 at 1.5 (alone 74.89),
# NERP 79.07 (alone 77.57). Runs differ by more than that: a second seed of the 128-unit
# network scored 77.14 alone on NERGrit, and both seeds in one ensemble 77.2-77.4, so a
# second network is not worth its time; a first run outside the package (other word2vec run,
# no length-bucketed batches) 76.4 alone and 78.12 with the CRF.
RECIPES: dict[str, Recipe] = {
    "nergrit": Recipe(params=CrfParams(c1=0.2, c2=0.01), neural=NeuralParams()),
    "nerp": Recipe(params=CrfParams(c1=0.02, c2=0.01), neural=NeuralParams()),
}


def twin_name(benchmark: str) -> str:
    """The name of a benchmark's train-only model (its refit on train+dev is named ``benchmark``).

    Example:
        >>> twin_name("nergrit")
        'nergrit-train'
    """
    return f"{benchmark}-train"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_split(data_dir: Path, benchmark: str, split: str) -> tuple[Path, list[NerSentence]]:
    """The path and sentences of ``split`` (``train`` or ``dev``) of a benchmark."""
    b = BENCHMARKS[benchmark]
    path = data_dir / b.folder / (b.train if split == "train" else b.dev)
    return path, read_ner_file(path, format=b.format)


def make_extractor(config: FeatureConfig) -> FeatureExtractor:
    return FeatureExtractor(
        config,
        classes=shared_classes() if config.clusters or config.case_stats else None,
        gazetteer=shared_gazetteer() if config.gazetteer else None,
    )


def train_crf(
    sentences: Iterable[tuple[Sequence[str], Sequence[str]]],
    output: Path,
    *,
    config: FeatureConfig,
    params: CrfParams,
) -> dict[str, Any]:
    """Train a CRF on ``(tokens, tags)`` pairs and write it to ``output`` (``.crfsuite``).

    Returns:
        ``sentences``, ``tokens``, ``seconds`` and the model's ``labels``.
    """
    import pycrfsuite

    extractor = make_extractor(config)
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(params.crfsuite())
    n_sent = n_tok = 0
    began = time.perf_counter()
    for tokens, tags in sentences:
        trainer.append(extractor.sentence(tokens), list(tags))
        n_sent += 1
        n_tok += len(tokens)
    output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(output))
    seconds = time.perf_counter() - began
    tagger = pycrfsuite.Tagger()
    tagger.open(str(output))
    labels = sorted(tagger.labels())
    tagger.close()
    logger.info("trained %s on %d sentences in %.0f s", output.name, n_sent, seconds)
    return {"sentences": n_sent, "tokens": n_tok, "seconds": round(seconds, 1), "labels": labels}


def _write_meta(output: Path, meta: dict[str, Any]) -> None:
    output.with_suffix(".json").write_text(
        json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def _dev_scores(crf_path: Path, meta: dict[str, Any], dev: Sequence[NerSentence]) -> dict[str, Any]:
    from warta.stages.ner.model import model_from_files

    _write_meta(crf_path, meta)
    model = model_from_files(crf_path)
    tags, seconds = tag_sentences(model.tag_many, dev)
    scores = score_entities([s.labels for s in dev], tags)
    n_tok = sum(len(s.tokens) for s in dev)
    return {**scores, "tokens_per_second": round(n_tok / seconds) if seconds else None}


def _command(args: list[str]) -> str:
    return " ".join(["warta", "train", "ner", *args])


def _base_meta(name: str, config: FeatureConfig, params: CrfParams, command: str) -> dict[str, Any]:
    return {
        "name": name,
        "format": "python-crfsuite",
        "features": config.as_dict(),
        "params": params.crfsuite(),
        "command": command,
        "python": platform.python_version(),
    }


def train_benchmark(
    data_dir: Path,
    benchmark: str,
    output_dir: Path,
    *,
    config: FeatureConfig | None = None,
    params: CrfParams | None = None,
    include_dev: bool = False,
    name: str | None = None,
    extra_args: Sequence[str] = (),
    recipe: Recipe | None = None,
    fraction: float = 1.0,
    seed: int = 0,
) -> dict[str, Any]:
    """Train the model of one benchmark on its train split (and dev, with ``include_dev``).

    With ``include_dev`` the model is ``benchmark`` (the shipped refit); without, it is the
    train-only twin :func:`twin_name`, whose metadata names the refit in ``twin_of`` (so
    that :func:`~warta.evaluation.ner.pick_model` leaves it to be named; so does a
    learning-curve model). ``name`` overrides either.

    The benchmark's :data:`RECIPES` entry (or ``recipe``) sets the parameters, the sentences
    borrowed from other benchmarks and the weight of its own; ``params`` overrides its parameters.

    The dev split is always scored; with ``include_dev`` that score is not a held-out
    measure, and the metadata says so (``dev_in_training``).

    ``fraction`` < 1 keeps that share of the train split, drawn at random with ``seed``
    (:func:`subsample`), for learning curves; the model's name then says so
    (``nergrit-train-0.8889-seed0``).

    Returns:
        The model's metadata (also written as JSON beside the model).
    """
    config = config or FeatureConfig()
    recipe = recipe or RECIPES.get(benchmark, Recipe())
    params = params or recipe.params
    if not 0.0 < fraction <= 1.0:
        raise ValueError(f"fraction of the train split must be in (0, 1], not {fraction}")
    name = name or (benchmark if include_dev else twin_name(benchmark))
    if fraction < 1.0:
        name = f"{name}-{fraction:g}-seed{seed}"
    b = BENCHMARKS[benchmark]
    train_path, train = load_split(data_dir, benchmark, "train")
    if fraction < 1.0:
        train = subsample(train, fraction, seed)
    dev_path, dev = load_split(data_dir, benchmark, "dev")
    used = [train_path, *([dev_path] if include_dev else [])]
    own = train + (dev if include_dev else [])
    pairs = [(s.tokens, s.labels) for s in own] * recipe.copies
    borrowed, borrowed_paths = borrowed_sentences(data_dir, benchmark, recipe.augment)
    args = ["--benchmark", benchmark, *(["--include-dev"] if include_dev else []), *extra_args]
    if fraction < 1.0:
        # Learning-curve models are not shipped: the command names the folder they went to.
        args += ["--fraction", f"{fraction:g}", "--seed", str(seed), "--output", str(output_dir)]
    crf_path = output_dir / f"{name}.crfsuite"
    meta = _base_meta(name, config, params, _command(args))
    meta.update(
        benchmark=benchmark,
        **({"train_fraction": fraction, "train_seed": seed} if fraction < 1.0 else {}),
        source_types=sorted(entity_types(train)),
        harmonised=False,
        lowercase=b.lowercase,
        recipe=recipe.as_dict(),
        twin_of=None if include_dev and fraction == 1.0 else benchmark,
        data={str(p.relative_to(data_dir.parent)): _sha256(p) for p in [*used, *borrowed_paths]},
    )
    meta["training"] = train_crf([*pairs, *borrowed], crf_path, config=config, params=params)
    if recipe.neural is not None:
        meta["neural"] = _train_network(own, crf_path, recipe.neural)
    meta["dev_in_training"] = include_dev
    meta["dev"] = _dev_scores(crf_path, meta, dev)
    _write_meta(crf_path, meta)
    return meta


def _train_network(sentences: Sequence[NerSentence], crf_path: Path, params: NeuralParams) -> dict[str, Any]:
    """Train the ensemble's BiLSTM-CRF and write it beside the CRF (``<name>.bilstm.npz``)."""
    from importlib.util import find_spec

    from warta.stages.ner.neural import load_embeddings
    from warta.training.neural import train_bilstm

    if find_spec("torch") is None:
        raise ResourceError(
            f"{crf_path.stem}: this recipe trains a BiLSTM-CRF, which needs PyTorch: pip install 'warta[ner-neural]'"
        )
    weights, meta = train_bilstm(
        [(s.tokens, s.labels) for s in sentences],
        params=params,
        embeddings=load_embeddings(),
        classes=shared_classes(),
        gazetteer=shared_gazetteer(),
    )
    path = crf_path.with_suffix(".bilstm.npz")
    path.write_bytes(weights)
    emb = load_embeddings().meta
    logger.info("trained %s in %.0f s", path.name, meta["seconds"])
    return {
        **meta,
        "file": path.name,
        "embeddings": {"vocabulary": emb.get("vocabulary"), "data": emb.get("data")},
    }


def subsample(sentences: Sequence[NerSentence], fraction: float, seed: int) -> list[NerSentence]:
    """A random ``fraction`` of ``sentences`` (rounded down), in their original order.

    Example:
        >>> len(subsample([NerSentence(["a"], ["O"])] * 9, 8 / 9, 0))
        8
    """
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    return [sentences[i] for i in sorted(order[: int(len(sentences) * fraction)])]


def borrowed_sentences(
    data_dir: Path, benchmark: str, sources: Sequence[str]
) -> tuple[list[tuple[list[str], list[str]]], list[Path]]:
    """Training sentences of ``sources`` as ``benchmark`` would write and label them.

    Example: for NERP (lower-cased, PPL/PLC/IND), NER-UI's "Joko Widodo" (PERSON) comes as
    ``joko widodo`` tagged ``B-PPL I-PPL``.
    """
    target = BENCHMARKS[benchmark]
    caps = shared_classes().table
    pairs: list[tuple[list[str], list[str]]] = []
    paths: list[Path] = []
    for source in sources:
        path, sents = load_split(data_dir, source, "train")
        paths.append(path)
        for s in sents:
            tokens = list(s.tokens)
            if target.lowercase:
                tokens = [t.lower() for t in tokens]
            elif BENCHMARKS[source].lowercase:
                tokens = recase(tokens, caps)
            tags = []
            for t in harmonise(s.labels):
                typ = target.types.get(t[2:]) if t != "O" else None
                tags.append(f"{t[:2]}{typ}" if typ else "O")
            pairs.append((tokens, tags))
    return pairs, paths


def _production_tags(labels: Sequence[str]) -> list[str]:
    # EVT is annotated in NERP only and scored 26 F1 on its dev split in the union
    # model: not reliable enough to ship, so the production model learns PER/ORG/LOC.
    return [t if not t.endswith("-EVT") else "O" for t in harmonise(labels)]


def _production_data(
    data_dir: Path, *, include_dev: bool, nerp_mode: str
) -> tuple[list[tuple[list[str], list[str]]], list[Path]]:
    caps = shared_classes().table
    pairs: list[tuple[list[str], list[str]]] = []
    used: list[Path] = []
    for name, b in BENCHMARKS.items():
        if b.lowercase and nerp_mode == "skip":
            continue
        for split in ("train", "dev") if include_dev else ("train",):
            path, sents = load_split(data_dir, name, split)
            used.append(path)
            for s in sents:
                tokens = recase(s.tokens, caps) if b.lowercase and nerp_mode == "recase" else s.tokens
                pairs.append((tokens, _production_tags(s.labels)))
    return pairs, used


def train_production(
    data_dir: Path,
    output_dir: Path,
    *,
    config: FeatureConfig | None = None,
    params: CrfParams | None = None,
    include_dev: bool = False,
    nerp_mode: str = "recase",
    name: str = "news",
    extra_args: Sequence[str] = (),
) -> dict[str, Any]:
    """Train the production model on the harmonised union of all five training sets (PER, ORG, LOC).

    Args:
        nerp_mode: how NERP's lower-cased text joins cased news: ``recase`` (capitals
            restored from news statistics, see :func:`recase`), ``keep`` or ``skip``.

    Returns:
        The model's metadata, with harmonised dev scores per benchmark under ``dev``.
    """
    config = config or FeatureConfig()
    params = params or CrfParams()
    pairs, used = _production_data(data_dir, include_dev=include_dev, nerp_mode=nerp_mode)
    args = ["--production", *(["--include-dev"] if include_dev else []), *extra_args]
    crf_path = output_dir / f"{name}.crfsuite"
    meta = _base_meta(name, config, params, _command(args))
    meta.update(
        benchmark=None,
        source_types=["LOC", "ORG", "PER"],
        harmonised=True,
        lowercase=False,
        nerp_mode=nerp_mode,
        data={str(p.relative_to(data_dir.parent)): _sha256(p) for p in used},
    )
    meta["training"] = train_crf(pairs, crf_path, config=config, params=params)
    meta["dev_in_training"] = include_dev
    meta["dev"] = {}
    from warta.stages.ner.model import model_from_files

    _write_meta(crf_path, meta)
    model = model_from_files(crf_path)
    caps = shared_classes().table
    for bname, b in BENCHMARKS.items():
        _, dev = load_split(data_dir, bname, "dev")
        gold = [_production_tags(s.labels) for s in dev]
        if b.lowercase:
            tags, _ = tag_sentences(lambda ss: model.tag_many([recase(t, caps) for t in ss]), dev)
        else:
            tags, _ = tag_sentences(model.tag_many, dev)
        meta["dev"][bname] = score_entities(gold, tags)
    _write_meta(crf_path, meta)
    return meta
