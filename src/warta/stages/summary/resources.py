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
    "boilerplate_cues",
    "idf_table",
    "load_ranker",
    "load_topic_model",
    "stem_table",
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


def _tsv(name: str) -> list[list[str]]:
    return [ln.split("\t") for ln in resource_lines(STAGE, name)]


@cache
def stem_table() -> dict[str, str]:
    """word -> stem for frequent news words whose stem differs (precomputed with Sastrawi)."""
    return {row[0]: row[1] for row in _tsv("stems.tsv") if len(row) == 2}


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


@cache
def load_ranker() -> RankerModel:
    """The supervised sentence scorer trained on IndoSum's extractive labels."""
    try:
        data = json.loads(read_resource(STAGE, "ranker.json"))
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
