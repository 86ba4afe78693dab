"""Lazy, cached language data and models of the summary stage (``resources/``).

Nothing is read at import time: each loader reads its file on first call and keeps it
for the life of the process (one copy per worker).
"""

from __future__ import annotations

import json
import zlib
from array import array
from dataclasses import dataclass
from functools import cache
from importlib import resources as _res
from typing import Any

from warta.errors import ResourceError
from warta.resources import read_resource, resource_lines

__all__ = [
    "RankerModel",
    "TopicModel",
    "TreeRanker",
    "boilerplate_cues",
    "dangling_openers",
    "idf_table",
    "load_ranker",
    "load_topic_model",
    "stem_table",
    "stemmer_affixes",
    "stopwords",
]

STAGE = "summary"


@cache
def stopwords() -> frozenset[str]:
    """Indonesian stop words (lower case), derived from ../shared/data/lexicon-stopwords."""
    return frozenset(resource_lines(STAGE, "stopwords.txt"))


@cache
def boilerplate_cues() -> tuple[str, ...]:
    """Lower-case phrases that mark a sentence as boilerplate ("baca juga", "foto:")."""
    return tuple(resource_lines(STAGE, "boilerplate_cues.txt"))


@cache
def dangling_openers() -> tuple[str, ...]:
    """Sentence openers that point back at someone named before ("Menurutnya", "Hal itu"),
    as written; the third-person pronouns are in :func:`warta.lang.id.pronouns`."""
    return tuple(resource_lines(STAGE, "dangling_openers.txt"))


@cache
def stemmer_affixes() -> dict[str, tuple[str, ...]]:
    """The affixes Sastrawi strips, by kind: ``prefix``, ``infix`` (after a word's first
    letter) and ``suffix``."""
    out: dict[str, list[str]] = {"prefix": [], "infix": [], "suffix": []}
    for line in resource_lines(STAGE, "stemmer_affixes.txt"):
        kind, _, affix = line.partition(" ")
        if kind not in out or not affix.strip().isalpha():
            raise ResourceError(f"stages/summary/resources/stemmer_affixes.txt: bad line {line!r}")
        out[kind].append(affix.strip())
    return {kind: tuple(v) for kind, v in out.items()}


def _tsv(name: str) -> list[list[str]]:
    return [ln.split("\t") for ln in resource_lines(STAGE, name)]


@cache
def stem_table() -> dict[str, str]:
    """word -> stem for frequent news words (precomputed with Sastrawi); a bare word in the
    file is its own stem."""
    table = {}
    for line in read_resource(STAGE, "stems.tsv").splitlines():
        if line and not line.startswith("#"):
            word, _, stem = line.strip().partition("\t")
            if word and "\t" not in stem:
                table[word] = stem or word
    return table


@cache
def idf_table() -> tuple[dict[str, float], float]:
    """stem -> inverse document frequency, and the idf given to unseen stems."""
    rows = _tsv("idf.tsv")
    table = {row[0]: float(row[1]) for row in rows if len(row) == 2}
    default = max(table.values()) if table else 1.0
    return table, default


@dataclass(frozen=True, slots=True)
class RankerModel:
    """A logistic sentence scorer: ``weights`` per feature name, plus ``bias``."""

    weights: dict[str, float]
    bias: float
    meta: dict[str, Any]


# Walks this deep are not checked for being done (few paths are shorter).
_CHECK_LEAVES_FROM = 4


class TreeRanker:
    """Gradient-boosted regression trees that predict each sentence's share of words in the
    reference summary (its ROUGE-1 precision), from the named features.

    The trees are flattened into parallel arrays over all nodes: a leaf has feature ``-1``
    and points to itself, so every sentence walks ``depth`` steps, all trees at once.
    ``reference_words`` is the reference length the selection assumes.

    Example:
        >>> t = TreeRanker(features=["idx"], base=0.5, roots=[0], feature=[0, -1, -1],
        ...                threshold=[0.5, 0.0, 0.0], left=[1, 1, 2], right=[2, 1, 2],
        ...                value=[0.0, 0.25, -0.25], depth=1, reference_words=45, meta={})
        >>> t.predict([{"idx": 0.0}, {"idx": 3.0}])
        [0.75, 0.25]
    """

    def __init__(
        self,
        *,
        features: list[str],
        base: float,
        roots: list[int],
        feature: list[int],
        threshold: list[float],
        left: list[int],
        right: list[int],
        value: list[float],
        depth: int,
        reference_words: float,
        meta: dict[str, Any],
    ) -> None:
        import numpy as np

        self.features = list(features)
        self.index = {name: j for j, name in enumerate(self.features)}
        self.base = float(base)
        self.depth = int(depth)
        self.reference_words = float(reference_words)
        self.meta = meta
        n = len(feature)
        if not (len(threshold) == len(left) == len(right) == len(value) == n) or not roots:
            raise ValueError("tree arrays differ in length")
        self._roots = np.asarray(roots, dtype=np.intp)
        feat = np.asarray(feature, dtype=np.intp)
        self._leaf = feat < 0
        self._feature = np.where(self._leaf, 0, feat)
        # A leaf never moves: its threshold is +inf and both children are itself.
        self._threshold = np.where(self._leaf, np.inf, np.asarray(threshold, dtype=np.float64))
        self._left = np.asarray(left, dtype=np.intp)
        self._right = np.asarray(right, dtype=np.intp)
        self._value = np.asarray(value, dtype=np.float64)
        bad = (self._left < 0) | (self._left >= n) | (self._right < 0) | (self._right >= n)
        if bad.any() or (self._feature >= len(self.features)).any():
            raise ValueError("tree arrays point outside the model")
        # child[2 * node] is the left child, child[2 * node + 1] the right one.
        self._child = np.stack([self._left, self._right], axis=1).ravel()

    def matrix(self, rows: list[dict[str, float]]) -> Any:
        """The feature matrix of ``rows`` (features the model does not know are ignored)."""
        import numpy as np

        x = np.zeros((len(rows), len(self.features)))
        index = self.index
        for i, row in enumerate(rows):
            xi = x[i]
            for name, v in row.items():
                j = index.get(name)
                if j is not None:
                    xi[j] = v
        return x

    def predict(self, rows: list[dict[str, float]]) -> list[float]:
        """The predicted score of each feature row."""
        import numpy as np

        if not rows:
            return []
        x = self.matrix(rows).ravel()
        n, trees = len(rows), len(self._roots)
        # One flat walk: entry r * trees + t is row r's position in tree t.
        node = np.tile(self._roots, n)
        offset = np.repeat(np.arange(n) * len(self.features), trees)
        feature, threshold, child = self._feature, self._threshold, self._child
        leaf = self._leaf
        for step in range(self.depth):
            right = x.take(feature.take(node) + offset) > threshold.take(node)
            node = child.take(2 * node + right)
            # Most paths are short: stop once every row has reached a leaf in every tree.
            if step >= _CHECK_LEAVES_FROM and leaf.take(node).all():
                break
        out: list[float] = (self.base + self._value.take(node).reshape(n, trees).sum(axis=1)).tolist()
        return out


@cache
def load_ranker() -> RankerModel | TreeRanker:
    """The supervised sentence scorer trained on IndoSum (``resources/ranker.json``).

    A file with ``"kind": "trees"`` holds a :class:`TreeRanker`; otherwise it is a
    logistic :class:`RankerModel`.
    """
    try:
        data = json.loads(read_resource(STAGE, "ranker.json"))
        if data.get("kind") == "trees":
            t = data["trees"]
            return TreeRanker(
                features=list(data["features"]),
                base=float(data["base"]),
                roots=t["roots"],
                feature=t["feature"],
                threshold=t["threshold"],
                left=t["left"],
                right=t["right"],
                value=t["value"],
                depth=int(t["depth"]),
                reference_words=float(data["select"]["reference_words"]),
                meta=data.get("meta", {}),
            )
        return RankerModel(weights=dict(data["weights"]), bias=float(data["bias"]), meta=data.get("meta", {}))
    except (KeyError, TypeError, ValueError) as exc:
        raise ResourceError("summary ranker model is corrupt: stages/summary/resources/ranker.json") from exc


@dataclass(frozen=True, slots=True)
class TopicModel:
    """A linear topic classifier over hashed terms.

    ``weights`` is a flat float32 array of ``dim * len(labels)`` entries, row-major by
    hashed feature; ``bias`` has one entry per label.
    """

    labels: tuple[str, ...]
    dim: int
    weights: array[float]
    bias: tuple[float, ...]
    meta: dict[str, Any]


@cache
def load_topic_model() -> TopicModel:
    """The shipped topic classifier (``topic.json`` metadata + ``topic.bin`` weights)."""
    try:
        meta = json.loads(read_resource(STAGE, "topic.json"))
        blob = _res.files(f"warta.stages.{STAGE}").joinpath("resources", "topic.bin").read_bytes()
        weights = array("f")
        weights.frombytes(zlib.decompress(blob))
        labels = tuple(meta["labels"])
        dim = int(meta["dim"])
    except FileNotFoundError as exc:
        raise ResourceError("packaged resource missing: stages/summary/resources/topic.bin") from exc
    except (KeyError, TypeError, ValueError, zlib.error) as exc:
        raise ResourceError("summary topic model is corrupt: stages/summary/resources/topic.*") from exc
    if len(weights) != dim * len(labels):
        raise ResourceError("summary topic model is corrupt: weights do not match labels x dim")
    return TopicModel(labels=labels, dim=dim, weights=weights, bias=tuple(meta["bias"]), meta=meta)
