"""Corrections: reviewers correct quotes, read the correction log and undo a correction.

``POST /api/v1/articles/{article_id}/quotes/{idx}/corrections`` (token) records a correction
of an article's quote (``confirm``, ``reject``, ``speaker``, ``span``) and applies it at once;
``GET /api/v1/corrections`` lists the log, newest first; ``POST /api/v1/corrections/{id}/undo``
(token) undoes one; ``GET /api/v1/review/accuracy`` gives the pipeline's scores on the reviewed
quotes, run after run (``warta eval quotes --db ... --reviewed`` records them). ``POST /api/v1/entities/{entity_id}/corrections`` (token) corrects an
entity (``type``, ``merge``, ``split``), ``GET /api/v1/entity-corrections`` lists those and
``POST /api/v1/entity-corrections/{id}/undo`` (token) undoes one. The writes need ``Authorization: Bearer <api_token>``; the reviewer
recorded on the event is the request's ``X-Reviewer`` header (1 to 64 characters), or
``api`` (the holder of the server's one token) without it. Every read endpoint answers with
the corrected quotes (see :mod:`warta.storage.corrections`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from warta.errors import CorrectionError
from warta.storage import queries as Q
from warta.storage.corrections import Correction, add_correction, undo_correction
from warta.storage.entity_corrections import EntityCorrection, add_entity_correction, undo_entity_correction
from warta.storage.queries.corrections import Status

from ..deps import require_token
from ..errors import ApiError
from .common import JSON, MAX_ID, Limit, Offset, OptionalId, StoreDep, responds

router = APIRouter(tags=["corrections"])

# Who a correction is recorded for when the request does not say (the token's holder).
DEFAULT_REVIEWER = "api"

Reviewer = Annotated[
    str | None,
    Header(
        alias="X-Reviewer",
        min_length=1,
        max_length=64,
        description="Who corrects (recorded on the event); 'api' when left out.",
    ),
]


class CorrectionCreate(BaseModel):
    """A correction of one quote: the ``action`` and the fields it takes.

    ``confirm`` (the quote is right) and ``reject`` (it is no quote) take nothing else.
    ``speaker`` takes exactly one of ``speaker_id`` (a corpus entity), ``speaker_name`` (a
    typed name, kept without an entity) or ``anonymous: true`` (with ``speaker_name`` as the
    source's description, optional). ``span`` takes ``start`` and ``end``: the content's
    new offsets into the article's text.
    """

    model_config = ConfigDict(extra="forbid")

    action: Literal["confirm", "reject", "speaker", "span"]
    speaker_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    speaker_name: str | None = Field(default=None, max_length=200)
    anonymous: bool = False
    start: int | None = Field(default=None, ge=0, le=MAX_ID)
    end: int | None = Field(default=None, ge=0, le=MAX_ID)


def _refused(exc: CorrectionError, status: int = 422) -> ApiError:
    """404 for an article, quote or correction the store does not hold; else ``status``."""
    message = f"{exc.source}: {exc.message}" if exc.source else exc.message
    if exc.missing:
        return ApiError(404, "not_found", message)
    return ApiError(status, "invalid_correction", message)


# The filters both correction logs take (``Status``: the read layer's).
ReviewerFilter = Annotated[str | None, Query(max_length=64, description="Only this reviewer's corrections.")]
_STATUS = "live (applied), undone, orphaned ({}), or all."


@router.post(
    "/articles/{article_id}/quotes/{idx}/corrections",
    summary="Correct a quote (token)",
    dependencies=[Depends(require_token)],
    **responds(Correction, "Recorded and applied", 401, 403, 404, 422, 503, status=201),
)
def api_correct(
    article_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    idx: Annotated[int, Path(ge=0, le=MAX_ID, description="The quote's index in the article.")],
    body: CorrectionCreate,
    store: StoreDep,
    reviewer: Reviewer = None,
) -> JSON:
    """Records the correction (who, when, the quote's fields before and after) and applies
    it: lists, profiles and the article's links show the corrected quote at once."""
    try:
        made = add_correction(
            store,
            article_id,
            idx,
            body.action,
            reviewer=reviewer or DEFAULT_REVIEWER,
            speaker_id=body.speaker_id,
            speaker_name=body.speaker_name,
            anonymous=body.anonymous,
            start=body.start,
            end=body.end,
        )
    except CorrectionError as exc:
        raise _refused(exc) from exc
    return JSON(made, status_code=201)


@router.get(
    "/corrections",
    summary="The correction log",
    **responds(Q.CorrectionPage, "Newest first", 422, 503),
)
def api_log(
    store: StoreDep,
    article_id: OptionalId = None,
    reviewer: ReviewerFilter = None,
    action: Literal["confirm", "reject", "speaker", "span"] | None = None,
    status: Annotated[
        Status, Query(description=_STATUS.format("no quote of its article fits it any more"))
    ] = "all",
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSON:
    return JSON(
        Q.correction_log(
            store,
            article_id=article_id,
            reviewer=reviewer,
            action=action,
            status=status,
            limit=limit,
            offset=offset,
        )
    )


@router.post(
    "/corrections/{correction_id}/undo",
    summary="Undo a correction (token)",
    dependencies=[Depends(require_token)],
    **responds(Correction, "Undone", 401, 403, 404, 409, 422, 503),
)
def api_undo(
    correction_id: Annotated[int, Path(ge=1, le=MAX_ID)], store: StoreDep, reviewer: Reviewer = None
) -> JSON:
    """Marks it undone (by the reviewer) and gives its quote the state the other live
    corrections make; the event stays in the log."""
    try:
        return JSON(undo_correction(store, correction_id, reviewer=reviewer or DEFAULT_REVIEWER))
    except CorrectionError as exc:
        raise _refused(exc, 409) from exc


class EntityCorrectionCreate(BaseModel):
    """A correction of one corpus entity: the ``action`` and the fields it takes.

    ``type`` takes ``label`` (PER, ORG, LOC, EVT, MISC). ``merge`` takes ``target_id``: the
    entity it is merged into (its mentions, quotes and aliases count for the target). ``split``
    takes the mentions to move, ``articles`` (ids) and/or ``names`` (the names they go by),
    and where they go: ``target_id`` (an existing entity) or ``new_name`` (a new entity,
    labelled ``new_label`` or as the entity is).
    """

    model_config = ConfigDict(extra="forbid")

    action: Literal["type", "merge", "split"]
    label: Literal["PER", "ORG", "LOC", "EVT", "MISC"] | None = None
    target_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    articles: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(default_factory=list, max_length=500)
    names: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=500
    )
    new_name: str | None = Field(default=None, max_length=200)
    new_label: Literal["PER", "ORG", "LOC", "EVT", "MISC"] | None = None


@router.post(
    "/entities/{entity_id}/corrections",
    summary="Correct an entity (token)",
    dependencies=[Depends(require_token)],
    **responds(EntityCorrection, "Recorded and applied", 401, 403, 404, 422, 503, status=201),
)
def api_correct_entity(
    entity_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    body: EntityCorrectionCreate,
    store: StoreDep,
    reviewer: Reviewer = None,
) -> JSON:
    """Records the correction (who, when, before and after) and applies it: the entity's
    page, profiles, lists and quotes show the corrected entities at once."""
    try:
        made = add_entity_correction(
            store,
            entity_id,
            body.action,
            reviewer=reviewer or DEFAULT_REVIEWER,
            label=body.label,
            target_id=body.target_id,
            articles=body.articles,
            names=body.names,
            new_name=body.new_name,
            new_label=body.new_label,
        )
    except CorrectionError as exc:
        raise _refused(exc) from exc
    return JSON(made, status_code=201)


@router.get(
    "/entity-corrections",
    summary="The entity correction log",
    **responds(Q.EntityCorrectionPage, "Newest first", 422, 503),
)
def api_entity_log(
    store: StoreDep,
    entity_id: OptionalId = None,
    reviewer: ReviewerFilter = None,
    action: Literal["type", "merge", "split"] | None = None,
    status: Annotated[
        Status, Query(description=_STATUS.format("a split none of whose mentions is found any more"))
    ] = "all",
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSON:
    return JSON(
        Q.entity_correction_log(
            store,
            entity_id=entity_id,
            reviewer=reviewer,
            action=action,
            status=status,
            limit=limit,
            offset=offset,
        )
    )


@router.post(
    "/entity-corrections/{correction_id}/undo",
    summary="Undo an entity correction (token)",
    dependencies=[Depends(require_token)],
    **responds(EntityCorrection, "Undone", 401, 403, 404, 409, 422, 503),
)
def api_undo_entity(
    correction_id: Annotated[int, Path(ge=1, le=MAX_ID)], store: StoreDep, reviewer: Reviewer = None
) -> JSON:
    """Marks it undone (by the reviewer) and gives the entities the state the other live
    corrections make; the event stays in the log."""
    try:
        return JSON(undo_entity_correction(store, correction_id, reviewer=reviewer or DEFAULT_REVIEWER))
    except CorrectionError as exc:
        raise _refused(exc, 409) from exc


@router.get(
    "/review/accuracy",
    summary="Accuracy on the reviewed quotes over time",
    **responds(Q.ReviewEvalPage, "The newest runs, oldest first", 422, 503),
)
def api_accuracy(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many runs (the newest).")] = 100,
) -> JSON:
    """Each run of ``warta eval quotes --db ... --reviewed``: when, which pipeline (its
    version and its steps' fingerprints), how many reviewed articles and items, span F1,
    speaker accuracy and joint F1."""
    return JSON(Q.review_accuracy(store, limit=limit))
