"""Time expressions: recognition, TIMEX3 normalisation, the article's anchor date, the timeline."""

from __future__ import annotations

from warta.stages.dates.anchor import infer_anchor
from warta.stages.dates.recognize import find_timexes

__all__ = ["find_timexes", "infer_anchor"]
