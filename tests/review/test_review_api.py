"""The corrections API: writes need the token (the reviewer is the X-Reviewer header), the
log lists them newest first, an undo restores, and GET /quotes answers with corrected quotes."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from reviewhelpers import KUTIPAN_JOKO, KUTIPAN_SARI, ORANG, person_id
from starlette.exceptions import StarletteDeprecationWarning

from warta.config import load_settings
from warta.storage import Store
from warta.storage import queries as Q
from warta.web.app import create_app

# Starlette warns once, on import, that its TestClient will move to httpx2 (as tests/web/conftest.py
# says); nothing about warta.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

TOKEN = "rahasia-uji"
AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Reviewer": "dewi"}


def _client(store: Store, token: str) -> TestClient:
    settings = load_settings(db=store.name, api_token=token, cors_origins=[])
    return TestClient(create_app(settings, store=store), raise_server_exceptions=False)


@pytest.fixture
def api(review_store: Store) -> Iterator[tuple[TestClient, Store, int]]:
    with _client(review_store, TOKEN) as c:
        yield c, review_store, Q.list_articles(review_store, limit=1).items[0].id


def test_writes_without_the_token_are_refused(
    api: tuple[TestClient, Store, int], review_store: Store
) -> None:
    c, _store, aid = api
    url = f"/api/v1/articles/{aid}/quotes/1/corrections"
    assert c.post(url, json={"action": "reject"}).status_code == 401
    assert (
        c.post(url, json={"action": "reject"}, headers={"Authorization": "Bearer salah"}).status_code == 403
    )
    assert c.post("/api/v1/corrections/1/undo").status_code == 401
    with _client(review_store, "") as off:
        assert off.post(url, json={"action": "reject"}, headers=AUTH).status_code == 403
    assert c.get("/api/v1/corrections").json()["total"] == 0
    assert c.get("/api/v1/quotes").json()["total"] == 2


def test_a_correction_through_the_api_is_applied_logged_and_undone(
    api: tuple[TestClient, Store, int],
) -> None:
    c, store, aid = api
    joko = person_id(store, ORANG[1])
    r = c.post(
        f"/api/v1/articles/{aid}/quotes/1/corrections",
        json={"action": "speaker", "speaker_id": joko},
        headers=AUTH,
    )
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["reviewer"] == "dewi" and made["action"] == "speaker" and made["after"]["speaker_id"] == joko
    quotes = c.get("/api/v1/quotes", params={"speaker_id": joko}).json()["items"]
    assert [(q["text"], q["reviewed"]) for q in quotes] == [(KUTIPAN_JOKO, True)]
    assert [q["text"] for q in c.get("/api/v1/quotes", params={"verified": "true"}).json()["items"]] == [
        KUTIPAN_JOKO
    ]
    profile = c.get(f"/api/v1/entities/{joko}").json()
    assert [q["text"] for q in profile["latest_quotes"]] == [KUTIPAN_JOKO]
    assert c.get(f"/api/v1/articles/{aid}").json()["links"]["quote_speakers"]["1"] == joko

    r = c.post(f"/api/v1/articles/{aid}/quotes/0/corrections", json={"action": "reject"}, headers=AUTH)
    assert r.status_code == 201
    log = c.get("/api/v1/corrections").json()
    assert log["total"] == 2 and [i["action"] for i in log["items"]] == ["reject", "speaker"]
    assert c.get("/api/v1/corrections", params={"action": "reject"}).json()["total"] == 1
    assert [q["text"] for q in c.get("/api/v1/quotes").json()["items"]] == [KUTIPAN_JOKO]

    r = c.post(f"/api/v1/corrections/{made['id']}/undo", headers={**AUTH, "X-Reviewer": "budi"})
    assert r.status_code == 200, r.text
    assert r.json()["undone_by"] == "budi"
    assert c.get("/api/v1/quotes", params={"speaker_id": joko}).json()["total"] == 0
    assert c.post(f"/api/v1/corrections/{made['id']}/undo", headers=AUTH).status_code == 409
    assert c.get("/api/v1/corrections", params={"status": "live"}).json()["total"] == 1
    assert KUTIPAN_SARI not in [q["text"] for q in c.get("/api/v1/quotes").json()["items"]]


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/quotes/9/corrections", {"action": "confirm"}, 404),
        ("/quotes/0/corrections", {"action": "speaker", "speaker_id": 99999}, 422),
        ("/quotes/0/corrections", {"action": "span", "start": 4, "end": 2}, 422),
        ("/quotes/0/corrections", {"action": "rename"}, 422),
        ("/quotes/0/corrections", {"action": "confirm", "extra": 1}, 422),
    ],
)
def test_bad_corrections_are_refused(
    api: tuple[TestClient, Store, int], path: str, body: dict[str, object], status: int
) -> None:
    c, _store, aid = api
    r = c.post(f"/api/v1/articles/{aid}{path}", json=body, headers=AUTH)
    assert r.status_code == status, r.text
    assert (
        c.post(
            "/api/v1/articles/99999/quotes/0/corrections", json={"action": "confirm"}, headers=AUTH
        ).status_code
        == 404
    )
    assert c.post("/api/v1/corrections/99999/undo", headers=AUTH).status_code == 404


def test_the_openapi_schema_lists_the_correction_records(api: tuple[TestClient, Store, int]) -> None:
    c, _store, _aid = api
    schemas = c.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert {"Correction", "CorrectionPage"} <= set(schemas)
