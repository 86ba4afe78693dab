"""Recording the pipeline's accuracy on the reviewed quotes, one row per run
(``review_evals``; see :func:`warta.review_accuracy.evaluate_store`), read back by
:func:`warta.storage.queries.accuracy.review_accuracy`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from warta.errors import StorageError

from . import tables as t
from .repository import Store

__all__ = ["record_review_eval", "review_eval_record"]

# The result keys a run must give (what evaluate_reviewed returns).
_NEEDED = ("articles", "gold", "uncertain", "predicted", "found", "span", "speaker_accuracy", "joint")


def review_eval_record(row: Any) -> Any:
    """A ``review_evals`` row as a :class:`~warta.storage.queries.records.ReviewEval`."""
    from .queries.records import ReviewEval

    return ReviewEval(
        id=int(row.id),
        created_at=str(row.created_at),
        pipeline=str(row.pipeline),
        warta=str(row.warta),
        steps={str(k): str(v) for k, v in json.loads(row.steps).items()},
        articles=int(row.articles),
        items=int(row.items),
        uncertain=int(row.uncertain),
        predicted=int(row.predicted),
        found=int(row.found),
        span_precision=float(row.span_precision),
        span_recall=float(row.span_recall),
        span_f1=float(row.span_f1),
        speaker_accuracy=float(row.speaker_accuracy),
        joint_f1=float(row.joint_f1),
    )


def record_review_eval(
    store: Store, result: dict[str, Any], *, version: dict[str, Any], at: datetime | None = None
) -> Any:
    """Keep one scoring run in the store and return it as a ``ReviewEval``.

    Args:
        result: what :func:`warta.evaluation.quote_gold.evaluate_reviewed` returned.
        version: :func:`warta.versions.describe_version` of the pipeline that was scored.
        at: when it ran (default: now, UTC).

    Raises:
        StorageError: ``result`` lacks a score, or ``version`` its hashes (W2xx).
    """
    missing = [k for k in _NEEDED if k not in result]
    if missing or "version" not in version or "steps" not in version:
        gone = ", ".join(missing) or "the version's hashes"
        raise StorageError(f"cannot record the accuracy run: it has no {gone}", source=store.name)
    when = (at or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S")
    values = {
        "created_at": when,
        "pipeline": str(version["version"]),
        "warta": str(version.get("warta") or ""),
        "steps": json.dumps(version["steps"], ensure_ascii=False, sort_keys=True),
        "articles": int(result["articles"]),
        "items": int(result["gold"]),
        "uncertain": int(result["uncertain"]),
        "predicted": int(result["predicted"]),
        "found": int(result["found"]),
        "span_precision": float(result["span"]["precision"]),
        "span_recall": float(result["span"]["recall"]),
        "span_f1": float(result["span"]["f1"]),
        "speaker_accuracy": float(result["speaker_accuracy"]),
        "joint_f1": float(result["joint"]["f1"]),
    }
    with store.transaction() as conn:
        new_id = conn.execute(t.review_evals.insert().values(**values).returning(t.review_evals.c.id))
        row = conn.execute(sa.select(t.review_evals).where(t.review_evals.c.id == new_id.scalar_one())).one()
    return review_eval_record(row)
