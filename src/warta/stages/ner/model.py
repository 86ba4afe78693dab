"""Loading trained NER models from the package, once per process.

A model is two files in ``stages/ner/resources/``: ``<name>.crfsuite`` (the CRF,
python-crfsuite) and ``<name>.json`` (labels, feature groups, data hashes, the
command that trained it, dev scores); an ensemble model adds ``<name>.bilstm.npz``
(a BiLSTM-CRF, :mod:`warta.stages.ner.neural`) whose tag marginals are averaged with
the CRF's. The word classes, gazetteer and word vectors are shared by all models and
loaded at most once. Nothing here runs at import time.
"""

from __future__ import annotations

import json
import logging
import struct
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from warta.errors import ResourceError
from warta.stages.ner.clusters import WordClasses, load_word_classes
from warta.stages.ner.features import FeatureConfig, FeatureExtractor
from warta.stages.ner.gazetteer import Gazetteer, load_gazetteer
from warta.stages.ner.neural import BiLstmTagger, combine, load_embeddings

__all__ = [
    "NerModel",
    "available_models",
    "load_model",
    "model_from_files",
    "shared_classes",
    "shared_gazetteer",
]

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def shared_classes() -> WordClasses:
    """The shipped word classes, read once per process."""
    return load_word_classes()


@lru_cache(maxsize=1)
def shared_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process."""
    return load_gazetteer()


def _attribute_names(crf: bytes) -> frozenset[str] | None:
    """Every attribute a CRFsuite (CRF1d) model knows, read from its attribute database.

    ``None`` when the bytes are not laid out as expected: then nothing is left out.
    """
    try:
        magic, _, kind, _, _, _, num_attrs, _, _, off_attrs = struct.unpack_from("<4sI4sIIIIIII", crf, 0)
        if magic != b"lCRF" or kind != b"FOMC":
            return None
        chunk, _, _, _, bwd_size, bwd_offset = struct.unpack_from("<4sIIIII", crf, off_attrs)
        if chunk != b"CQDB":
            return None
        names: set[str] = set()
        base = off_attrs + bwd_offset
        for offset in struct.unpack_from(f"<{bwd_size}I", crf, base):
            if offset:
                _, size = struct.unpack_from("<iI", crf, off_attrs + offset)
                start = off_attrs + offset + 8
                names.add(crf[start : start + size - 1].decode("utf-8"))
    except (struct.error, UnicodeDecodeError):
        return None
    return frozenset(names) if len(names) == num_attrs else None


class NerModel:
    """A CRF tagger with the feature extractor it was trained with.

    Args:
        crf: the ``.crfsuite`` model bytes.
        meta: the model's metadata (``labels``, ``features``, ...).
    """

    def __init__(self, crf: bytes, meta: dict[str, Any], neural: bytes | None = None) -> None:
        import pycrfsuite

        self.meta = meta
        self.name: str = meta.get("name", "?")
        config = FeatureConfig.from_dict(meta.get("features", {}))
        self.extractor = FeatureExtractor(
            config,
            classes=shared_classes() if config.clusters or config.case_stats else None,
            gazetteer=shared_gazetteer() if config.gazetteer else None,
            known=_attribute_names(crf),
        )
        # CRFsuite reads the model in place: the bytes must live as long as the tagger.
        self._crf = crf
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(crf)
        self._neural: BiLstmTagger | None = None
        self._weight = 0.0
        if neural is not None:
            self._neural = _bilstm(neural, meta["neural"])
            self._weight = float(meta["neural"]["params"]["weight"])
            if sorted(self._tagger.labels()) != self._neural.labels:
                raise ResourceError(f"NER model {self.name}: the CRF and the BiLSTM know different tags")

    @property
    def labels(self) -> list[str]:
        return list(self._tagger.labels())

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags for one tokenised sentence.

        Example:
            >>> load_model("news").tag(["Presiden", "Joko", "Widodo", "tiba", "di", "Surabaya"])
            ['O', 'B-PER', 'I-PER', 'O', 'O', 'B-LOC']
        """
        if not tokens:
            return []
        if self._neural is not None:
            return self.tag_many([tokens])[0]
        return list(self._tagger.tag(self.extractor.attributes(tokens)))

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for many sentences: an ensemble model runs its network on them in batches."""
        return [tags for tags, _ in self._tag_scored(sentences)]

    def _crf_marginals(self, tokens: Sequence[str], labels: Sequence[str]) -> np.ndarray:
        tagger = self._tagger
        tagger.set(self.extractor.attributes(tokens))
        marginal = tagger.marginal
        return np.array([[marginal(lab, i) for lab in labels] for i in range(len(tokens))], dtype=np.float32)

    def _tag_scored(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        """Tags and each tag's marginal probability (for an ensemble, the averaged one)."""
        neural = self._neural
        if neural is None:
            out: list[tuple[list[str], list[float]]] = []
            tagger = self._tagger
            for tokens in sentences:
                if not tokens:
                    out.append(([], []))
                    continue
                tags = list(tagger.tag(self.extractor.attributes(tokens)))
                out.append((tags, [tagger.marginal(t, i) for i, t in enumerate(tags)]))
            return out
        labels = neural.labels
        scored: list[tuple[list[str], list[float]]] = []
        for tokens, net in zip(sentences, neural.marginals(sentences), strict=True):
            if not tokens:
                scored.append(([], []))
                continue
            scored.append(combine([(self._crf_marginals(tokens, labels), 1.0), (net, self._weight)], labels))
        return scored

    def tag_with_scores(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        """Tags and each tag's marginal probability."""
        return self._tag_scored([tokens])[0]

    def tag_spans(self, tokens: Sequence[str]) -> list[tuple[int, int, str, float]]:
        """Entity spans ``(start, end, type, score)``: token offsets, the BIO type and the
        lowest marginal probability of the span's tags.

        For a plain CRF only the tokens inside a span have their marginals computed.

        Example:
            >>> load_model("news").tag_spans(["Presiden", "Joko", "Widodo", "tiba"])[0][:3]
            (1, 3, 'PER')
        """
        return self.tag_spans_many([tokens])[0]

    def tag_spans_many(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str, float]]]:
        """:meth:`tag_spans` of each sentence (an ensemble runs its network on them in batches)."""
        from warta.stages.ner.tags import entity_spans

        if self._neural is not None:
            return [
                [(a, b, typ, min(scores[a:b])) for a, b, typ in entity_spans(tags)]
                for tags, scores in self._tag_scored(sentences)
            ]
        tagger = self._tagger
        marginal = tagger.marginal
        out = []
        for tokens in sentences:
            tags = list(tagger.tag(self.extractor.attributes(tokens))) if tokens else []
            out.append(
                [
                    (start, end, typ, min([marginal(tags[i], i) for i in range(start, end)]))
                    for start, end, typ in entity_spans(tags)
                ]
            )
        return out


def _bilstm(weights: bytes, meta: dict[str, Any]) -> BiLstmTagger:
    import io

    with np.load(io.BytesIO(weights)) as z:
        arrays = {k: z[k] for k in z.files}
    return BiLstmTagger(
        arrays, meta, embeddings=load_embeddings(), classes=shared_classes(), gazetteer=shared_gazetteer()
    )


def _resource(name: str) -> Any:
    return resources.files("warta.stages.ner").joinpath("resources", name)


def available_models() -> list[str]:
    """Names of the models shipped in the package."""
    folder = resources.files("warta.stages.ner").joinpath("resources")
    return sorted(p.name[: -len(".crfsuite")] for p in folder.iterdir() if p.name.endswith(".crfsuite"))


def model_from_files(crf_path: Path) -> NerModel:
    """Load a model from a ``.crfsuite`` file with its ``.json`` (and ``.bilstm.npz``) beside it."""
    meta = json.loads(crf_path.with_suffix(".json").read_text(encoding="utf-8"))
    neural = crf_path.with_suffix(".bilstm.npz").read_bytes() if meta.get("neural") else None
    return NerModel(crf_path.read_bytes(), meta, neural)


@lru_cache(maxsize=8)
def load_model(name: str = "news") -> NerModel:
    """The shipped model ``name``, loaded on first use and cached for the process.

    Raises:
        ResourceError: no such model in the package.
    """
    try:
        crf = _resource(f"{name}.crfsuite").read_bytes()
        meta = json.loads(_resource(f"{name}.json").read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        known = ", ".join(available_models()) or "none"
        raise ResourceError(f"no NER model '{name}' in the package (shipped: {known})") from exc
    try:
        neural = _resource(f"{name}.bilstm.npz").read_bytes() if meta.get("neural") else None
    except FileNotFoundError as exc:
        raise ResourceError(f"NER model '{name}' is missing its network {name}.bilstm.npz") from exc
    logger.debug("loaded NER model %s", name)
    return NerModel(crf, meta, neural)
