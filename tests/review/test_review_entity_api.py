"""Entity corrections through the API (token, X-Reviewer, clear 4xx), the CLI (`warta
corrections merge|split|entity-type|list|undo`) and the pages (a merged entity's page sends
the reader to its target's; the verified toggle)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import msgspec
import pytest
from reviewhelpers import KUTIPAN_JOKO, KUTIPAN_SARI, ORANG, person_id
from starlette.exceptions import StarletteDeprecationWarning
from typer.testing import CliRunner

from warta.cli import app
from warta.config import load_settings
from warta.storage import Store
from warta.storage import queries as Q
from warta.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

TOKEN = "rahasia-uji"
AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Reviewer": "dewi"}


@pytest.fixture
def api(review_store: Store) -> Iterator[tuple[TestClient, Store]]:
    settings = load_settings(db=review_store.name, api_token=TOKEN, cors_origins=[])
    with TestClient(create_app(settings, store=review_store), raise_server_exceptions=False) as c:
        yield c, review_store


def test_an_entity_merge_through_the_api(api: tuple[TestClient, Store]) -> None:
    c, store = api
    sari, joko = person_id(store, ORANG[0]), person_id(store, ORANG[1])
    url = f"/api/v1/entities/{joko}/corrections"
    assert c.post(url, json={"action": "merge", "target_id": sari}).status_code == 401
    bad = c.post(url, json={"action": "merge"}, headers=AUTH)
    assert bad.status_code == 422 and "needs the target entity's id" in bad.json()["error"]["message"]
    assert (
        c.post(
            "/api/v1/entities/999999/corrections", json={"action": "type", "label": "ORG"}, headers=AUTH
        ).status_code
        == 404
    )
    assert c.post(url, json={"action": "type", "label": "ORANG"}, headers=AUTH).status_code == 422

    r = c.post(url, json={"action": "merge", "target_id": sari}, headers=AUTH)
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["reviewer"] == "dewi" and made["target_id"] == sari
    # The merged entity's profile and page send the reader to the target.
    moved = c.get(f"/api/v1/entities/{joko}", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == f"/api/v1/entities/{sari}"
    assert c.get(f"/api/v1/entities/{joko}").json()["id"] == sari
    page = c.get(f"/entity/{joko}", follow_redirects=False)
    assert page.status_code == 307 and page.headers["location"] == f"/entity/{sari}"
    gone = c.get(f"/api/v1/entities/{joko}/quotes")
    assert gone.status_code == 404 and f"merged into entity {sari}" in gone.text
    quotes = c.get(f"/api/v1/entities/{sari}/quotes").json()
    assert sorted(q["text"] for q in quotes["items"]) == [KUTIPAN_JOKO, KUTIPAN_SARI]
    log = c.get("/api/v1/entity-corrections").json()
    assert log["total"] == 1 and log["items"][0]["id"] == made["id"]

    undone = c.post(f"/api/v1/entity-corrections/{made['id']}/undo", headers=AUTH)
    assert undone.status_code == 200 and undone.json()["undone_by"] == "dewi"
    assert c.post(f"/api/v1/entity-corrections/{made['id']}/undo", headers=AUTH).status_code == 409
    assert c.get(f"/api/v1/entities/{joko}", follow_redirects=False).status_code == 200


def test_verified_quotes_of_an_entity(api: tuple[TestClient, Store]) -> None:
    c, store = api
    sari = person_id(store, ORANG[0])
    aid = Q.list_articles(store, limit=1).items[0].id
    assert c.get(f"/api/v1/entities/{sari}/quotes?verified=true").json()["total"] == 0
    assert (
        c.post(
            f"/api/v1/articles/{aid}/quotes/0/corrections", json={"action": "confirm"}, headers=AUTH
        ).status_code
        == 201
    )
    verified = c.get(f"/api/v1/entities/{sari}/quotes?verified=true").json()
    assert [q["text"] for q in verified["items"]] == [KUTIPAN_SARI]
    assert c.get(f"/api/v1/entities/{sari}/quotes?verified=false").json()["total"] == 1
    html = c.get(f"/entity/{sari}?verified=true").text
    assert "Verified quotes" in html and "Pasar ini kami bangun" in html
    assert f'href="/entity/{sari}?verified=true#verified"' in c.get(f"/entity/{sari}").text


def test_entity_corrections_from_the_cli(review_store: Store) -> None:
    store = review_store
    sari, joko = person_id(store, ORANG[0]), person_id(store, ORANG[1])
    run = CliRunner()
    out = run.invoke(
        app,
        ["corrections", "entity-type", str(joko), "ORG", "--db", store.name, "--reviewer", "dewi", "--json"],
    )
    assert out.exit_code == 0, out.output
    made = msgspec.json.decode(out.stdout)
    assert made["after"] == {"label": "ORG"}
    out = run.invoke(app, ["entity", ORANG[1], "--db", store.name, "--json"])
    assert out.exit_code == 0, out.output
    assert msgspec.json.decode(out.stdout)["label"] == "ORG"
    bad = run.invoke(app, ["corrections", "merge", str(joko), str(joko), "--db", store.name])
    assert bad.exit_code == 2 and "cannot merge an entity into itself" in bad.output
    listed = run.invoke(app, ["corrections", "list", "--db", store.name])
    assert listed.exit_code == 0 and f"E{made['id']}" in listed.output
    assert run.invoke(app, ["corrections", "undo", "X1", "--db", store.name]).exit_code == 2
    undone = run.invoke(app, ["corrections", "undo", f"E{made['id']}", "--db", store.name])
    assert undone.exit_code == 0, undone.output
    assert Q.entity_profile_by_id(store, joko).label == "PER"  # type: ignore[union-attr]
    out = run.invoke(app, ["corrections", "merge", str(joko), str(sari), "--db", store.name])
    assert out.exit_code == 0, out.output
    log = run.invoke(
        app, ["corrections", "list", "--kind", "entity", "--status", "live", "--db", store.name, "--json"]
    )
    assert [i["action"] for i in msgspec.json.decode(log.stdout)["items"]] == ["merge"]
