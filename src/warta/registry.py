"""Versioned registry keys for steps: ``"warta.clean.v1"`` -> step factory, and step specs.

A run names its steps by key, each with its options (a :class:`StepSpec`), so a saved
configuration rebuilds exactly the same pipeline later, on any engine: in this process, in
a worker pool, on a Dask cluster, in the server. In a settings file::

    pipeline = ["warta.clean.v1", "warta.segment.v1", "warta.ner.v1", ...]

    [steps."warta.ner.v1"]
    model = "nergrit"

    [steps."warta.summary.v1"]
    k = 5

Factories import their stage lazily: looking a key up never loads a model.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from warta.errors import PipelineError, UnknownStepError
from warta.pipeline import Step

__all__ = [
    "StepFactory",
    "StepRef",
    "StepSpec",
    "available_steps",
    "make_step",
    "register",
    "step_module",
    "step_spec",
]

StepFactory = Callable[..., Step]

# key -> "module:attribute"; resolved on first use so that importing warta stays cheap.
_LAZY: dict[str, str] = {
    "warta.clean.v1": "warta.stages.clean.step:CleanStep",
    "warta.segment.v1": "warta.stages.segment.step:SegmentStep",
    "warta.entities.v1": "warta.stages.entities.step:EntityStep",
    "warta.dates.v1": "warta.stages.dates.step:DatesStep",
    # The tagger: a CRF, or a CRF with a BiLSTM-CRF in an ensemble, by its ``model``.
    "warta.ner.v1": "warta.stages.ner.step:NerStep",
    "warta.summary.v1": "warta.stages.summary.step:SummaryStep",
    "warta.quotes.v1": "warta.stages.quotes.step:QuoteStep",
}
# Keys saved by warta 0.1 configurations, and the step they name now.
_ALIASES = {"warta.ner.crf.v1": "warta.ner.v1"}
_FACTORIES: dict[str, StepFactory] = {}


@dataclass(frozen=True)
class StepSpec:
    """A step by registry key with its options: hashable and picklable, so engines and
    worker processes receive it as it is and build the same step."""

    key: str
    options: tuple[tuple[str, Any], ...] = field(default=())

    def __str__(self) -> str:
        opts = ", ".join(f"{k}={v!r}" for k, v in self.options)
        return f"{self.key}({opts})" if opts else self.key


# A step as the engines and the settings name it: a registry key, or a key with options.
StepRef = str | StepSpec


def step_spec(step: str | StepSpec, options: Mapping[str, Any] | None = None) -> StepSpec:
    """A :class:`StepSpec` from a key (with ``options``) or a spec (``options`` added to its own).

    Example:
        >>> str(step_spec("warta.summary.v1", {"k": 5}))
        "warta.summary.v1(k=5)"
    """
    if isinstance(step, StepSpec):
        merged = {**dict(step.options), **dict(options or {})}
        key = step.key
    else:
        merged = dict(options or {})
        key = step
    return StepSpec(_ALIASES.get(key, key), tuple(sorted(merged.items())))


def register(key: str, factory: StepFactory) -> None:
    """Register a step factory under a versioned key (e.g. ``"myorg.filter.v1"``)."""
    _FACTORIES[key] = factory


def available_steps() -> list[str]:
    return sorted(set(_LAZY) | set(_FACTORIES))


def _factory(key: str) -> StepFactory:
    key = _ALIASES.get(key, key)
    factory = _FACTORIES.get(key)
    if factory is None:
        target = _LAZY.get(key)
        if target is None:
            raise UnknownStepError(f"no step registered as '{key}' (known: {', '.join(available_steps())})")
        module, _, attr = target.partition(":")
        factory = getattr(import_module(module), attr)
        _FACTORIES[key] = factory
    return factory


def step_module(key: str) -> str:
    """The module that defines the step registered under ``key`` (without importing it when
    the key is one of warta's own)."""
    key = _ALIASES.get(key, key)
    target = _LAZY.get(key)
    if target is not None:
        return target.partition(":")[0]
    return str(getattr(_factory(key), "__module__", ""))


def make_step(step: str | StepSpec, **options: Any) -> Step:
    """Build the step registered under a key (or described by a spec) with keyword options.

    Raises:
        UnknownStepError: no step is registered under the key (W202).
        PipelineError: the step takes no such option (W200).
    """
    spec = step_spec(step, options)
    factory = _factory(spec.key)
    opts = dict(spec.options)
    try:
        params = inspect.signature(factory).parameters
    except (TypeError, ValueError):
        params = None
    if params is not None and not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        unknown = sorted(set(opts) - set(params))
        if unknown:
            known = (
                ", ".join(n for n, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY) or "none"
            )
            raise PipelineError(
                f"step '{spec.key}' takes no option {', '.join(unknown)} (its options: {known})"
            )
    return factory(**opts)
