"""The REST API, version 1, mounted at ``/api/v1``.

Read endpoints (no token): articles (list, full-text search with filters, one article),
entities (search, profile, timeline, co-mention network, rising names), quotes (by
speaker, about an entity, by date, top speakers, per outlet), duplicate clusters, corpus
statistics. ``POST /analyze`` analyses a posted text or HTML page and returns the
Article without storing it. Write endpoints (``POST /articles``, ``POST /ingest``, corrections of quotes and their
undo) need
``Authorization: Bearer <api_token>`` and are off while no token is configured.

Responses are msgspec structs encoded by msgspec; their JSON Schemas go into the OpenAPI
document (see :func:`openapi_components`), so the schema describes what is sent.

One router a resource (:mod:`.service`, :mod:`.analyze`, :mod:`.articles`, :mod:`.entities`,
:mod:`.quotes`, :mod:`.corrections`, :mod:`.clusters`, :mod:`.watchlists`), each asking the read layer (:mod:`warta.storage.queries`);
:mod:`.common` holds what they share.
"""

from __future__ import annotations

from fastapi import APIRouter

from . import analyze, articles, clusters, corrections, entities, quotes, service, watchlists
from .analyze import run_analysis
from .common import RESPONSE_TYPES, components, openapi_components

__all__ = ["RESPONSE_TYPES", "components", "openapi_components", "router", "run_analysis"]

router = APIRouter(prefix="/api/v1")
for _part in (service, analyze, articles, entities, quotes, corrections, clusters, watchlists):
    router.include_router(_part.router)
