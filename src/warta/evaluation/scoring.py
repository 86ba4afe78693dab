"""Precision, recall and F1 over counts, and the span matching of the CoNLL 2018 UD scorer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Score", "match_spans"]


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of gold items, system items and items both agree on.

    Example:
        >>> s = Score(gold=4, system=5, correct=3)
        >>> round(s.precision, 2), round(s.recall, 2), round(s.f1, 3)
        (0.6, 0.75, 0.667)
    """

    gold: int
    system: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.gold + self.system
        return 2 * self.correct / total if total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """``precision``, ``recall``, ``f1`` and ``support`` (the number of gold items)."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "support": self.gold}


def match_spans(gold: Sequence[tuple[int, int]], system: Sequence[tuple[int, int]]) -> Score:
    """Count the spans that gold and system share, both sorted by start.

    The walk of ``conll18_ud_eval.py`` (``spans_score``): a span is correct when a span
    with the same start and the same end is on the other side.

    Example:
        >>> match_spans([(0, 3), (3, 5), (6, 9)], [(0, 3), (3, 9)])
        Score(gold=3, system=2, correct=1)
    """
    correct = gi = si = 0
    while gi < len(gold) and si < len(system):
        if system[si][0] < gold[gi][0]:
            si += 1
        elif gold[gi][0] < system[si][0]:
            gi += 1
        else:
            correct += gold[gi][1] == system[si][1]
            gi += 1
            si += 1
    return Score(gold=len(gold), system=len(system), correct=correct)
