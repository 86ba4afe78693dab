"""The watchlists' API and pages: reads for everyone, writes only with the token (and, from
a form, with the CSRF cookie echoed, from this site); scraped text escaped. Both backends."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

import pytest
from alerthelpers import Q_KAPAL, Q_PELABUHAN, SARI, store_articles
from starlette.exceptions import StarletteDeprecationWarning

from warta.config import load_settings
from warta.storage import Store
from warta.storage.watchlists import add_watchlist, list_watchlists, make_spec, record_new
from warta.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

TOKEN = "token-uji-rahasia"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _client(store: Store, token: str = TOKEN) -> TestClient:
    settings = load_settings(db=store.name, api_token=token, cors_origins=[])
    return TestClient(create_app(settings, store=store), raise_server_exceptions=False)


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    store_articles(store, "pelabuhan", "kapal", "cuaca")
    with _client(store) as c:
        yield c


BODY = {"name": "sari", "kind": "speaker", "value": SARI}


def test_api_writes_need_the_token(client: TestClient, store: Store) -> None:
    assert client.post("/api/v1/watchlists", json=BODY).status_code == 401
    r = client.post("/api/v1/watchlists", json=BODY, headers={"Authorization": "Bearer salah"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "invalid_token"
    assert list_watchlists(store) == []
    with _client(store, token="") as off:
        r = off.post("/api/v1/watchlists", json=BODY, headers=AUTH)
        assert r.status_code == 403 and r.json()["error"]["code"] == "writes_disabled"
    add_watchlist(store, make_spec("ada", "topic", "cuaca"))
    assert client.delete("/api/v1/watchlists/ada").status_code == 401
    assert (
        client.delete("/api/v1/watchlists/ada", headers={"Authorization": "Bearer salah"}).status_code == 403
    )
    assert [w.name for w in list_watchlists(store)] == ["ada"]


def test_api_create_list_matches_and_delete(client: TestClient) -> None:
    r = client.post("/api/v1/watchlists", json={**BODY, "date_from": "2025-04-01"}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert r.json()["name"] == "sari" and r.json()["date_from"] == "2025-04-01"
    r = client.post("/api/v1/watchlists", json=BODY, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "watchlist_exists"
    r = client.post("/api/v1/watchlists", json={**BODY, "name": "x", "date_to": "2025-99-01"}, headers=AUTH)
    assert r.status_code == 422 and "date_to" in r.json()["error"]["message"]
    r = client.post("/api/v1/watchlists", json={**BODY, "kind": "orang"}, headers=AUTH)
    assert r.status_code == 422

    assert [w["name"] for w in client.get("/api/v1/watchlists").json()] == ["sari"]
    page = client.get("/api/v1/watchlists/sari/matches", params={"limit": 1}).json()
    assert page["total"] == 2 and [m["quote"] for m in page["items"]] == [Q_KAPAL]
    assert page["items"][0]["speaker"] == SARI and page["items"][0]["reported"] is False
    r = client.get("/api/v1/watchlists/tiada/matches")
    assert r.status_code == 404 and r.json()["error"]["code"] == "watchlist_not_found"

    assert client.delete("/api/v1/watchlists/sari", headers=AUTH).status_code == 204
    assert client.delete("/api/v1/watchlists/sari", headers=AUTH).status_code == 404
    assert client.get("/api/v1/watchlists").json() == []


def test_the_api_is_in_the_openapi_document(client: TestClient) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/watchlists", "/api/v1/watchlists/{name}", "/api/v1/watchlists/{name}/matches"} <= set(
        doc["paths"]
    )
    assert {"Watchlist", "MatchPage", "MatchItem"} <= set(doc["components"]["schemas"])


def _csrf(client: TestClient, path: str = "/watchlists") -> str:
    html = client.get(path).text
    found = re.search(r'name="csrf" value="([0-9a-f]{32})"', html)
    assert found, html
    return found.group(1)


FORM = {"name": "sari", "kind": "speaker", "value": SARI, "date_from": "", "date_to": "", "outlet": ""}


def test_the_page_creates_a_watchlist_only_with_the_token_and_the_form_token(
    client: TestClient, store: Store
) -> None:
    csrf = _csrf(client)
    r = client.post("/watchlists", data={**FORM, "csrf": csrf, "token": ""}, follow_redirects=False)
    assert r.status_code == 403 and "write token is not valid" in r.text
    r = client.post("/watchlists", data={**FORM, "csrf": csrf, "token": "salah"}, follow_redirects=False)
    assert r.status_code == 403
    r = client.post("/watchlists", data={**FORM, "csrf": "0" * 32, "token": TOKEN}, follow_redirects=False)
    assert r.status_code == 403 and "expired" in r.text
    r = client.post(
        "/watchlists",
        data={**FORM, "csrf": csrf, "token": TOKEN},
        headers={"Origin": "https://situs-jahat.test"},
        follow_redirects=False,
    )
    assert r.status_code == 403
    assert list_watchlists(store) == []

    r = client.post("/watchlists", data={**FORM, "csrf": csrf, "token": TOKEN}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/watchlists/sari"
    assert [w.name for w in list_watchlists(store)] == ["sari"]
    r = client.post("/watchlists", data={**FORM, "kind": "orang", "name": "b", "csrf": csrf, "token": TOKEN})
    assert r.status_code == 422 and "kind &#39;orang&#39; is not one of" in r.text


def test_the_page_shows_new_matches_and_marks_them_seen(client: TestClient, store: Store) -> None:
    add_watchlist(store, make_spec("sari", "speaker", SARI))
    add_watchlist(store, make_spec("pesisir", "outlet", "Pesisir"))
    record_new(store, channels=[])
    listing = client.get("/watchlists").text
    assert "2 new" in listing and '<a href="/watchlists/sari">sari</a>' in listing

    page = client.get("/watchlists/pesisir").text
    # The fixture title carries markup: shown as text, never as HTML.
    assert "<b>Tanjung Lestari</b>" not in page and "&lt;b&gt;Tanjung Lestari&lt;/b&gt;" in page
    page = client.get("/watchlists/sari").text
    assert page.count('<strong class="new">new</strong>') == 2 and Q_PELABUHAN in page

    csrf = _csrf(client, "/watchlists/sari")
    r = client.post("/watchlists/sari/seen", data={"csrf": csrf, "token": ""}, follow_redirects=False)
    assert r.status_code == 403
    assert {w.name: w.unseen for w in list_watchlists(store)}["sari"] == 2
    r = client.post("/watchlists/sari/seen", data={"csrf": csrf, "token": TOKEN}, follow_redirects=False)
    assert r.status_code == 303
    assert {w.name: w.unseen for w in list_watchlists(store)} == {"sari": 0, "pesisir": 2}
    assert '<strong class="new">' not in client.get("/watchlists/sari").text

    r = client.post("/watchlists/sari/remove", data={"csrf": csrf, "token": "salah"}, follow_redirects=False)
    assert r.status_code == 403
    r = client.post("/watchlists/sari/remove", data={"csrf": csrf, "token": TOKEN}, follow_redirects=False)
    assert r.status_code == 303 and [w.name for w in list_watchlists(store)] == ["pesisir"]
    assert client.get("/watchlists/sari").status_code == 404


def test_a_value_with_markup_is_escaped_on_the_pages(client: TestClient, store: Store) -> None:
    add_watchlist(store, make_spec("jahat", "query", "<script>alert(1)</script> pelabuhan"))
    for path in ("/watchlists", "/watchlists/jahat"):
        html = client.get(path).text
        assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_watchlist_is_changed_with_the_token_by_api_page_and_cli(client: TestClient, store: Store) -> None:
    """A changed watchlist keeps what it reported and goes over the store again under its
    new definition; without the token nothing changes."""
    from typer.testing import CliRunner

    from warta.cli import app
    from warta.storage.watchlists import get_watchlist, record_new

    store_articles(store, "pelabuhan", "kapal", "cuaca")
    add_watchlist(store, make_spec("sari", "speaker", SARI))
    record_new(store, channels=[])
    assert get_watchlist(store, "sari").mark is not None
    edit = {"kind": "query", "value": "pelabuhan"}
    assert client.put("/api/v1/watchlists/sari", json=edit).status_code == 401
    assert client.put("/api/v1/watchlists/tiada", json=edit, headers=AUTH).status_code == 404
    assert (
        client.put("/api/v1/watchlists/sari", json={**edit, "kind": "orang"}, headers=AUTH).status_code == 422
    )
    r = client.put("/api/v1/watchlists/sari", json=edit, headers=AUTH)
    assert r.status_code == 200 and (r.json()["kind"], r.json()["value"]) == ("query", "pelabuhan")
    changed = get_watchlist(store, "sari")
    assert changed.mark is None and changed.found == 2  # what it reported stays

    csrf = _csrf(client, "/watchlists/sari")
    form = {"kind": "speaker", "value": SARI, "date_from": "", "date_to": "", "outlet": "", "csrf": csrf}
    r = client.post("/watchlists/sari/edit", data={**form, "token": "salah"}, follow_redirects=False)
    assert r.status_code == 403 and get_watchlist(store, "sari").kind == "query"
    r = client.post("/watchlists/sari/edit", data={**form, "token": TOKEN}, follow_redirects=False)
    assert r.status_code == 303 and get_watchlist(store, "sari").kind == "speaker"

    db = store.name if "://" not in store.name else store.engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(
        app, ["watchlist", "add", "sari", "--topic", "ekonomi", "--replace", "--db", db]
    )
    assert result.exit_code == 0 and "changed watchlist sari (topic: ekonomi)" in result.output
