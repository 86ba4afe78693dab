"""Turn a quote's raw confidence into the probability that its attribution is right.

The quote stage scores each attribution by how it was found (a named speaker after a cue,
a pronoun, a run, a quote with no cue at all); those raw scores order attributions well
but are not probabilities. ``resources/calibration.json`` maps them to the share of
attributions that were right (span and speaker) on rounds of warta's real-text gold as the
rules first saw them, before any rule was changed on those rounds (rules tuned on a round are
right more often there than on unseen articles), by isotonic regression (pool adjacent
violators), so that "0.8" means right about four times in five. It is fitted by
``python scripts/fit_quote_calibration.py`` on the frozen first looks in ``eval/calibration/``
and records their gold's hashes, the rules' commits and the command.

Example:
    >>> c = Calibration(points=[(0.3, 0.2), (0.8, 0.7), (0.95, 0.9)])
    >>> c(0.3), c(0.9), c(0.2), c(0.99)
    (0.2, 0.8333, 0.2, 0.9)
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from warta.resources import read_resource

__all__ = ["Calibration", "fit_isotonic", "load_calibration"]


@dataclass(frozen=True)
class Calibration:
    """A monotone map from raw confidence to probability: linear between fitted points,
    flat beyond the first and last."""

    points: Sequence[tuple[float, float]]

    def __call__(self, raw: float) -> float:
        pts = self.points
        if not pts:
            return raw
        xs = [x for x, _ in pts]
        i = bisect_right(xs, raw)
        if i == 0:
            return pts[0][1]
        if i == len(pts):
            return pts[-1][1]
        (x0, y0), (x1, y1) = pts[i - 1], pts[i]
        return round(y0 + (y1 - y0) * (raw - x0) / (x1 - x0), 4) if x1 > x0 else y1


def fit_isotonic(samples: Sequence[tuple[float, float]], *, prior: float = 2.0) -> list[tuple[float, float]]:
    """Isotonic regression of outcomes (0/1) on raw scores: one point per block of equal value.

    Each distinct raw score starts as a block whose mean is smoothed toward the overall mean
    by ``prior`` pseudo-observations (a score seen twice should not say 0 or 1); adjacent
    blocks that break monotonicity are pooled.

    Example:
        >>> fit_isotonic([(0.3, 0), (0.3, 1), (0.8, 1), (0.8, 1), (0.9, 0), (0.9, 1)], prior=0)
        [(0.3, 0.5), (0.85, 0.75)]
    """
    if not samples:
        return []
    overall = sum(y for _, y in samples) / len(samples)
    by_x: dict[float, list[float]] = {}
    for x, y in samples:
        by_x.setdefault(x, []).append(y)
    # Blocks: [sum of x weighted, total weight, sum of y (smoothed)]
    blocks: list[list[float]] = []
    for x in sorted(by_x):
        ys = by_x[x]
        w = len(ys)
        blocks.append([x * w, float(w), sum(ys) + prior * overall, w + prior])
        while len(blocks) > 1 and blocks[-2][2] / blocks[-2][3] > blocks[-1][2] / blocks[-1][3]:
            b = blocks.pop()
            a = blocks[-1]
            a[0] += b[0]
            a[1] += b[1]
            a[2] += b[2]
            a[3] += b[3]
    return [(round(b[0] / b[1], 4), round(b[2] / b[3], 4)) for b in blocks]


@cache
def load_calibration() -> Calibration:
    """The shipped calibration (``resources/calibration.json``).

    Raises:
        ResourceError: the file is missing from the installed package.
    """
    data = json.loads(read_resource("quotes", "calibration.json"))
    return Calibration(points=[(float(x), float(y)) for x, y in data["points"]])
