"""The unit every cleaning function returns: a proposed edit with its reason."""

from __future__ import annotations

from dataclasses import dataclass

from warta.article import ChangeKind

__all__ = ["Fix"]


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace ``text[start:end]`` with ``after`` (``""`` removes it).

    ``before`` is the text being replaced, kept for the cleaning report.
    """

    start: int
    end: int
    after: str
    kind: ChangeKind
    rule: str
    reason: str
    before: str = ""
