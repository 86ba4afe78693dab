"""The warta exception tree, and its one table of codes.

Every error warta raises on purpose derives from :class:`WartaError` and carries a
short stable code, so that scripts, rejects files and API clients can match on it. Each
code names one thing (:data:`CODES`; a test checks that every code raised or recorded
anywhere in warta is in it)::

    WartaError
    ├── InputError                 W1xx: a file, record or byte string we cannot read
    │   ├── EmptyInputError        W101
    │   ├── BinaryInputError       W102
    │   ├── InputTooLargeError     W103
    │   ├── MalformedInputError    W104 (bad JSON line, CSV row, HTML)
    │   ├── UnsupportedInputError  W105
    │   ├── EncodingError          W106
    │   ├── SourcesError           W107 (a sources file of `warta watch` that cannot be used)
    │   ├── FetchError             W108 (a page that could not be fetched: HTTP error, timeout,
    │   │                                too many redirects, refused by robots.txt)
    │   ├── WatchlistError         W109 (a watchlist that cannot be made, or no such watchlist)
    │   └── CorrectionError        W110 (a quote correction that cannot be made or undone:
    │                                    no such quote or correction, a bad action or span)
    ├── PipelineError              W2xx: a pipeline or engine that cannot be built or run
    │   ├── PipelineOrderError     W201 (a step needs a field nobody provides)
    │   ├── UnknownStepError       W202 (registry key not found)
    │   ├── StepFailedError        W203 (an exception raised inside a step)
    │   ├── EngineError            W204 (an engine cannot start: no Dask scheduler at the address)
    │   ├── OverBudgetError        W205 (an article over its time or memory budget, or cancelled)
    │   └── StepSkippedError       W206 (a step not run: what it needs failed earlier)
    ├── ResourceError              W3xx: a packaged lexicon or model is missing or corrupt (W301)
    │   ├── EvaluationError        W302 (gold data missing or in an unexpected format)
    │   └── MissingExtraError      W303 (an optional dependency not installed: names the extra)
    ├── WebError                   W4xx: a request the web app or the API refuses
    │   ├── ApiError               W401 (an API answer with an HTTP status; warta.web.errors)
    │   └── AlertError             W402 (an alert channel misconfigured, or refusing a delivery)
    └── StorageError               W5xx: the store cannot be opened, read or written (W501)
        ├── CorruptStoreError      W502 (a damaged SQLite file)
        ├── ForeignStoreError      W503 (not SQLite, or SQLite without warta's tables)
        └── StoreVersionError      W504 (written by a newer warta)
"""

from __future__ import annotations

__all__ = [
    "CODES",
    "AlertError",
    "BinaryInputError",
    "CorrectionError",
    "CorruptStoreError",
    "EmptyInputError",
    "EncodingError",
    "EngineError",
    "EvaluationError",
    "FetchError",
    "ForeignStoreError",
    "InputError",
    "InputTooLargeError",
    "MalformedInputError",
    "MissingExtraError",
    "OverBudgetError",
    "PipelineError",
    "PipelineOrderError",
    "ResourceError",
    "SourcesError",
    "StepFailedError",
    "StepSkippedError",
    "StorageError",
    "StoreVersionError",
    "UnknownStepError",
    "UnsupportedInputError",
    "WartaError",
    "WatchlistError",
    "WebError",
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


class SourcesError(InputError):
    """A sources file (``warta watch --sources``) that is missing, not TOML, or describes a
    source wrongly; the message names the file, the source and the problem."""

    code = "W107"


class FetchError(InputError):
    """A page the news collector could not fetch (an HTTP error, a timeout, too many
    redirects, a page over the size limit, or one robots.txt forbids)."""

    code = "W108"


class WatchlistError(InputError):
    """A watchlist definition that cannot be used (a bad name, kind, value or date), a name
    already taken, or a name that names no watchlist; the message names the input."""

    code = "W109"


class CorrectionError(InputError):
    """A correction of a quote that cannot be made (no such article or quote, an unknown
    action, a speaker or span that does not fit) or undone (no such correction, or undone
    already); the message names the input. ``missing`` is True when the input names
    nothing in the store (an API answers 404), False when it is refused (422/409)."""

    code = "W110"

    def __init__(self, message: str, *, source: str | None = None, missing: bool = False) -> None:
        super().__init__(message, source=source)
        self.missing = missing


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


class StepSkippedError(PipelineError):
    """A step that was not run because a field it requires failed in an earlier step."""

    code = "W206"


class ResourceError(WartaError):
    code = "W301"


class EvaluationError(ResourceError):
    """Gold data for an evaluation is missing or not in the expected format."""

    code = "W302"


class MissingExtraError(ResourceError):
    """An optional dependency a feature needs is not installed; the message names the
    package and the extra that brings it (``pip install 'warta[spacy]'``)."""

    code = "W303"

    def __init__(self, package: str, *, extra: str, needed_for: str) -> None:
        super().__init__(
            f"{needed_for} needs {package}, which is not installed: pip install 'warta[{extra}]'",
            source=package,
        )
        self.extra = extra


class WebError(WartaError):
    """A request the web app or the API refuses (see :class:`warta.web.errors.ApiError`)."""

    code = "W400"


class AlertError(WebError):
    """An alert channel (digest folder, webhook, SMTP server) that is misconfigured or refused
    a delivery; a failed delivery is recorded and tried again at the next check."""

    code = "W402"


class StorageError(WartaError):
    """The corpus store cannot be opened, read or written; the message names the file."""

    code = "W501"


class CorruptStoreError(StorageError):
    code = "W502"


class ForeignStoreError(StorageError):
    code = "W503"


class StoreVersionError(StorageError):
    code = "W504"


def _codes() -> dict[str, str]:
    """Every code of the tree, with the class that carries it."""
    out: dict[str, str] = {}
    todo: list[type[WartaError]] = [WartaError]
    while todo:
        cls = todo.pop()
        out[cls.code] = cls.__name__
        todo.extend(cls.__subclasses__())
    return out


# The table: code -> the error class that stands for it (W401 is ApiError, defined with the
# web app, which registers it on import).
CODES: dict[str, str] = {**_codes(), "W401": "ApiError"}
