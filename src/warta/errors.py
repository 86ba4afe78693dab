"""The warta exception tree.

Every error warta raises on purpose derives from :class:`WartaError` and carries a
short stable code (``W1xx`` input, ``W2xx`` pipeline, ``W3xx`` resources, ``W4xx``
evaluation) so that scripts and rejects files can match on it::

    WartaError
    ├── InputError                 W1xx: a file, record or byte string we cannot read
    │   ├── EmptyInputError        W101
    │   ├── BinaryInputError       W102
    │   ├── InputTooLargeError     W103
    │   ├── MalformedInputError    W104 (bad JSON line, CSV row, HTML)
    │   ├── UnsupportedInputError  W105
    │   └── EncodingError          W106
    ├── PipelineError              W2xx: a pipeline that cannot be built or run
    │   ├── PipelineOrderError     W201 (a step needs a field nobody provides)
    │   ├── UnknownStepError       W202 (registry key not found)
    │   ├── StepFailedError        W203 (wraps an exception raised inside a step)
    │   ├── EngineError            W204 (an engine cannot start: no Dask scheduler at the address)
    │   └── OverBudgetError        W205 (an article over its time or memory budget, or cancelled)
    ├── ResourceError              W301: a packaged lexicon or model is missing or corrupt
    └── EvaluationError            W401: gold data missing or in an unexpected format
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "EmptyInputError",
    "EncodingError",
    "EngineError",
    "EvaluationError",
    "InputError",
    "InputTooLargeError",
    "MalformedInputError",
    "OverBudgetError",
    "PipelineError",
    "PipelineOrderError",
    "ResourceError",
    "StepFailedError",
    "UnknownStepError",
    "UnsupportedInputError",
    "WartaError",
]


class WartaError(Exception):
    """Base of every error warta raises on purpose."""

    code = "W000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"[{self.code}] {where}{message}")


class InputError(WartaError):
    code = "W100"


class EmptyInputError(InputError):
    code = "W101"


class BinaryInputError(InputError):
    code = "W102"


class InputTooLargeError(InputError):
    code = "W103"


class MalformedInputError(InputError):
    code = "W104"


class UnsupportedInputError(InputError):
    code = "W105"


class EncodingError(InputError):
    code = "W106"


class PipelineError(WartaError):
    code = "W200"


class PipelineOrderError(PipelineError):
    code = "W201"


class UnknownStepError(PipelineError):
    code = "W202"


class StepFailedError(PipelineError):
    code = "W203"


class EngineError(PipelineError):
    code = "W204"


class OverBudgetError(PipelineError):
    """An article ran over its time or memory budget (``article_seconds``, ``article_memory_mb``),
    or its analysis was cancelled; in batch work it becomes a reject and the batch goes on."""

    code = "W205"


class ResourceError(WartaError):
    code = "W301"


class EvaluationError(WartaError):
    code = "W401"
