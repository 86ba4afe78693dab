"""Versioned registry keys for steps: ``"warta.clean.v1"`` -> step factory.

A run names its steps by key (see :mod:`warta.config`), so a saved configuration
can rebuild exactly the same pipeline later. Factories import their stage lazily:
looking a key up never loads a model.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from warta.errors import UnknownStepError
from warta.pipeline import Step

__all__ = ["StepFactory", "available_steps", "make_step", "register"]

StepFactory = Callable[..., Step]

# key -> "module:attribute"; resolved on first use so that importing warta stays cheap.
_LAZY: dict[str, str] = {
    "warta.clean.v1": "warta.stages.clean.step:CleanStep",
    "warta.segment.v1": "warta.stages.segment.step:SegmentStep",
    "warta.entities.v1": "warta.stages.entities.step:EntityStep",
    "warta.dates.v1": "warta.stages.dates.step:DatesStep",
    "warta.ner.crf.v1": "warta.stages.ner.step:NerStep",
    "warta.summary.v1": "warta.stages.summary.step:SummaryStep",
    "warta.quotes.v1": "warta.stages.quotes.step:QuoteStep",
}
_FACTORIES: dict[str, StepFactory] = {}


def register(key: str, factory: StepFactory) -> None:
    """Register a step factory under a versioned key (e.g. ``"myorg.filter.v1"``)."""
    _FACTORIES[key] = factory


def available_steps() -> list[str]:
    return sorted(set(_LAZY) | set(_FACTORIES))


def make_step(key: str, **options: Any) -> Step:
    """Build the step registered under ``key`` with keyword options."""
    factory = _FACTORIES.get(key)
    if factory is None:
        target = _LAZY.get(key)
        if target is None:
            raise UnknownStepError(f"no step registered as '{key}' (known: {', '.join(available_steps())})")
        module, _, attr = target.partition(":")
        factory = getattr(import_module(module), attr)
        _FACTORIES[key] = factory
    return factory(**options)
