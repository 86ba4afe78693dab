"""Topic of an article: a linear classifier over hashed content terms.

Features are the article's stemmed content terms (the same terms the summary ranker
uses), hashed with CRC-32 into ``dim`` buckets, counted sub-linearly and L2-normalised;
the shipped weights come from :func:`warta.stages.summary.train.train_topic`.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Iterable

from warta.stages.summary.resources import TopicModel

__all__ = ["classify_topic", "hashed_features"]


def hashed_features(terms: Iterable[str], dim: int) -> dict[int, float]:
    """Bucket -> weight: ``1 + ln(count)`` per term, L2-normalised.

    Example:
        >>> f = hashed_features(["harga", "harga", "beras"], 1024)
        >>> round(sum(v * v for v in f.values()), 6)
        1.0
    """
    counts: Counter[int] = Counter(zlib.crc32(t.encode("utf-8")) % dim for t in terms)
    vec = {b: 1.0 + math.log(c) for b, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {b: v / norm for b, v in vec.items()} if norm else {}


def classify_topic(terms: Iterable[str], model: TopicModel) -> tuple[str, float] | None:
    """The most probable label and its softmax probability, or None for an empty text."""
    feats = hashed_features(terms, model.dim)
    if not feats:
        return None
    n = len(model.labels)
    scores = list(model.bias)
    w = model.weights
    for b, v in feats.items():
        row = b * n
        for j in range(n):
            scores[j] += v * w[row + j]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    best = max(range(n), key=scores.__getitem__)
    return model.labels[best], exps[best] / sum(exps)
