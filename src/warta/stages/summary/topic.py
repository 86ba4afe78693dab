"""Topic of an article: a linear classifier over hashed content terms.

Features are the article's stemmed content terms (the same terms the summary ranker
uses), hashed with CRC-32 into ``dim`` buckets, counted sub-linearly and L2-normalised;
the shipped weights come from :func:`warta.training.summary.train_topic`.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Iterable
from typing import Any

from warta.stages.summary.resources import TopicModel

__all__ = ["classify_topic", "hashed_features"]


# Per term: its CRC-32 (the bucket is this modulo ``dim``). Cleared when full.
_CRC: dict[str, int] = {}
_CRC_LIMIT = 200_000


def _crc(term: str) -> int:
    h = zlib.crc32(term.encode("utf-8"))
    if len(_CRC) >= _CRC_LIMIT:
        _CRC.clear()
    _CRC[term] = h
    return h


def hashed_features(terms: Iterable[str], dim: int) -> dict[int, float]:
    """Bucket -> weight: ``1 + ln(count)`` per term, L2-normalised.

    Example:
        >>> f = hashed_features(["harga", "harga", "beras"], 1024)
        >>> round(sum(v * v for v in f.values()), 6)
        1.0
    """
    crc = _CRC
    counts: Counter[int] = Counter([(crc[t] if t in crc else _crc(t)) % dim for t in terms])
    vec = {b: 1.0 + math.log(c) for b, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {b: v / norm for b, v in vec.items()} if norm else {}


# The weights of each model seen, as a (dim, labels) matrix over the same memory.
_MATRICES: dict[int, tuple[TopicModel, Any]] = {}


def _matrix(model: TopicModel) -> Any:
    import numpy as np

    held = _MATRICES.get(id(model))
    if held is None or held[0] is not model:
        w = np.frombuffer(model.weights, dtype=np.float32).reshape(model.dim, len(model.labels))
        held = _MATRICES[id(model)] = (model, w)
    return held[1]


def classify_topic(terms: Iterable[str], model: TopicModel) -> tuple[str, float] | None:
    """The most probable label and its softmax probability, or None for an empty text."""
    import numpy as np

    feats = hashed_features(terms, model.dim)
    if not feats:
        return None
    w = _matrix(model)
    values = np.fromiter(feats.values(), dtype=np.float64, count=len(feats))
    rows = w[np.fromiter(feats.keys(), dtype=np.intp, count=len(feats))]
    scores = (np.asarray(model.bias) + values @ rows).tolist()
    n = len(model.labels)
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    best = max(range(n), key=scores.__getitem__)
    return model.labels[best], exps[best] / sum(exps)
