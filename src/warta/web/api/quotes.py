"""Quotes: by speaker, about an entity, by date; the most quoted; quotes per outlet."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from warta.config import as_of_day
from warta.storage import queries as Q

from .common import (
    JSON,
    DateFrom,
    DateTo,
    Limit,
    Name,
    Offset,
    OptionalId,
    SettingsDep,
    StoreDep,
    check_dates,
    responds,
)

router = APIRouter()

# -- quotes ------------------------------------------------------------------------------


@router.get(
    "/quotes",
    summary="Quotes by speaker, about an entity, by date",
    tags=["quotes"],
    **responds(Q.QuotePage, "Newest first", 422),
)
def quotes(
    store: StoreDep,
    settings: SettingsDep,
    speaker: Name = None,
    speaker_id: OptionalId = None,
    about: Name = None,
    about_id: OptionalId = None,
    outlet: Name = None,
    kind: Literal["direct", "indirect", "mixed", "partial"] | None = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    needs_review: Annotated[
        bool | None,
        Query(
            description="Only attributions below (true) or at or above (false) the review threshold (the review_below setting)."
        ),
    ] = None,
    verified: Annotated[
        bool | None,
        Query(description="Only quotes a reviewer confirmed or corrected (true), or none reviewed (false)."),
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSON:
    """``speaker``: a name (the person it most likely means); ``about``: quotes whose text
    names that entity. Each quote carries ``confidence`` (the probability that its
    attribution is right), ``needs_review`` and ``reviewed``. Quotes are as reviewers
    corrected them: a rejected quote is never listed, a reassigned one is its new speaker's."""
    check_dates(date_from, date_to)
    return JSON(
        Q.quote_page(
            store,
            speaker=speaker,
            speaker_id=speaker_id,
            about=about,
            about_id=about_id,
            outlet=outlet,
            kind=kind,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
            needs_review=needs_review,
            review_below=settings.review_below,
            verified=verified,
        )
    )


@router.get(
    "/quotes/top-speakers",
    summary="The people quoted most",
    tags=["quotes"],
    **responds(list[Q.SpeakerCount], "Most quoted first", 422),
)
def top_speakers(
    store: StoreDep,
    settings: SettingsDep,
    days: Annotated[
        int | None,
        Query(
            ge=1,
            le=3650,
            description="The latest days up to today, or the server's as-of day (instead of dates).",
        ),
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 10,
) -> JSON:
    check_dates(date_from, date_to)
    return JSON(
        Q.top_speakers(
            store, date_from=date_from, date_to=date_to, days=days, limit=limit, end=as_of_day(settings)
        )
    )


@router.get(
    "/quotes/by-outlet",
    summary="Quotes per outlet",
    tags=["quotes"],
    **responds(list[Q.OutletCount], "Most quotes first", 422),
)
def quotes_by_outlet(
    store: StoreDep,
    speaker_id: OptionalId = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 20,
) -> JSON:
    check_dates(date_from, date_to)
    return JSON(
        Q.quotes_by_outlet(store, speaker_id=speaker_id, date_from=date_from, date_to=date_to, limit=limit)
    )
