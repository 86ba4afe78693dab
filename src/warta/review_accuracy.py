"""The pipeline's accuracy on what reviewers said, run after run: ``warta eval quotes --db
STORE --reviewed`` scores today's pipeline against the reviewed quotes of a store
(:func:`warta.evaluation.quote_gold.evaluate_reviewed`) and keeps the scores in the store,
with the pipeline's version and its steps' fingerprints (:func:`warta.versions.describe_version`),
so that ``/review/accuracy`` and ``GET /api/v1/review/accuracy`` show how accuracy moves as
the models change and the reviewed gold grows.

Example:
    >>> result = evaluate_store("warta.db")  # doctest: +SKIP
    >>> result["joint"]["f1"], result["recorded"]["id"]
"""

from __future__ import annotations

from typing import Any

import msgspec

from warta.config import Settings, pipeline_specs
from warta.evaluation.quote_gold import evaluate_reviewed
from warta.storage import Store
from warta.storage.queries.corrections import reviewed_quotes
from warta.storage.review_evals import record_review_eval
from warta.versions import describe_version

__all__ = ["evaluate_store"]


def evaluate_store(
    db: str, *, errors: bool = False, record: bool = True, settings: Settings | None = None
) -> dict[str, Any]:
    """Score the default pipeline against the reviewed quotes of the store ``db`` and, with
    ``record``, keep the run in it (the result's ``recorded``: the stored row).

    Raises:
        EvaluationError: no quote of the store is reviewed (W302).
        StorageError: the store cannot be opened or written.
    """
    settings = settings or Settings()
    with Store.open(db, create=False) as store:
        found = reviewed_quotes(store)
        name = store.name
    # The store is closed while the pipeline runs (minutes on a big review), opened again to write.
    result = evaluate_reviewed(found, source=name, errors=errors)
    version = describe_version(pipeline_specs(settings))
    result["pipeline"] = version
    if record:
        with Store.open(db, create=False) as store:
            row = record_review_eval(store, result, version=version)
        result["recorded"] = msgspec.to_builtins(row)
    return result
