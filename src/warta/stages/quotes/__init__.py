"""Quotes: who said what. Direct, indirect, mixed and partial quotes with their speakers.

The step (:class:`warta.stages.quotes.step.QuoteStep`) is an adapter over plain functions:
:mod:`.marks` pairs quote marks, :mod:`.speakers` reads a speaker phrase into name, role
and affiliation, :mod:`.attribute` ties quotes to cues and speakers, :mod:`.repeats` links
repeated quotes and :mod:`.citations` finds cited sources.
"""

from __future__ import annotations

__all__: list[str] = []
