"""The API's analysis and write endpoints, request limits, CORS and ``warta serve``."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from pghelpers import is_url, postgres_database
from warta.config import Settings, load_settings
from warta.storage import Store, queries
from warta.web.app import create_app

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

API = "/api/v1"
TOKEN = "rahasia-uji-123"

BERITA = (
    "Harga Cabai Turun di Pasar Sukamaju\n\n"
    "Sukamaju - Harga cabai rawit di Pasar Sukamaju turun dua ribu rupiah per kilogram pekan ini. "
    '"Pasokan dari petani sudah normal lagi," kata Kepala Dinas Perdagangan Sukamaju Yuni Astuti, Selasa (8/4/2025).'
)
HALAMAN = (
    "<html><head><title>Jembatan Baru Dibuka | Kabar Uji</title>"
    '<meta property="og:site_name" content="Kabar Uji"></head><body><nav>Beranda | Daerah</nav>'
    "<article><h1>Jembatan Baru Dibuka</h1>"
    "<p>Jembatan penghubung dua desa di Kecamatan Sukamaju resmi dibuka pada Kamis pagi setelah dibangun "
    "selama delapan bulan.</p>"
    '<p>"Anak-anak kini tidak perlu menyeberang sungai dengan rakit lagi," kata Camat Sukamaju Agus Salim '
    "di lokasi.</p></article><footer>Hak cipta</footer></body></html>"
)


def _error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code


def _count(db: str | Path) -> int:
    with Store.open(db, create=False) as store:
        return store.counts()["articles"]


@pytest.fixture
def writable(web_db: str, tmp_path: Path, filler: Callable[[str | Path, Path], None]) -> Iterator[str]:
    """A copy of the fixture corpus that a test may write to (on the same backend)."""
    if not is_url(web_db):
        copy = tmp_path / "salinan.db"
        with sqlite3.connect(web_db) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)
        yield str(copy)
        return
    for url in postgres_database():
        filler(url, tmp_path)
        yield url


def _app(db: str | Path, **settings: Any) -> tuple[FastAPI, Settings]:
    s = load_settings(db=str(db), **settings)
    return create_app(s), s


@pytest.fixture
def token_client(writable: str, make_client: Callable[..., TestClient]) -> Iterator[TestClient]:
    app, _ = _app(writable, api_token=TOKEN)
    with make_client(app) as c:
        yield c


# -- analyse (read-only) -----------------------------------------------------------------


def test_analyze_text(client: TestClient, web_db: str) -> None:
    before = _count(web_db)
    r = client.post(f"{API}/analyze", json={"text": BERITA, "outlet": "Kabar Uji", "date": "2025-04-08"})
    assert r.status_code == 200, r.text
    article = r.json()
    assert article["title"] == "Harga Cabai Turun di Pasar Sukamaju"
    assert article["source"]["outlet"] == "Kabar Uji"
    assert article["published"]["value"].startswith("2025-04-08")
    assert any(q["speaker"] and q["speaker"]["name"] == "Yuni Astuti" for q in article["quotes"])
    assert {e["name"] for e in article["entities"]} >= {"Yuni Astuti"}
    assert _count(web_db) == before  # nothing stored


def test_analyze_html(client: TestClient) -> None:
    r = client.post(f"{API}/analyze", json={"html": HALAMAN, "url": "https://kabar-uji.test/daerah/jembatan"})
    assert r.status_code == 200, r.text
    article = r.json()
    assert article["input_format"] == "html" and "rakit" in article["text"]
    assert "Beranda" not in article["text"] and "Hak cipta" not in article["text"]
    assert article["source"]["url"] == "https://kabar-uji.test/daerah/jembatan"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({}, 422, "invalid_request"),
        ({"text": "a", "html": "<p>a</p>"}, 422, "invalid_request"),
        ({"text": 12}, 422, "invalid_request"),
        ({"text": "a", "warna": "merah"}, 422, "invalid_request"),
        ({"text": "   \n "}, 400, "empty_input"),
        ({"html": "<html><body><script>var a = 1;</script></body></html>"}, 400, "empty_input"),
    ],
)
def test_analyze_bad_bodies(client: TestClient, body: dict[str, Any], status: int, code: str) -> None:
    _error(client.post(f"{API}/analyze", json=body), status, code)


def test_analyze_malformed_json(client: TestClient) -> None:
    r = client.post(f"{API}/analyze", content=b'{"text": "a"', headers={"content-type": "application/json"})
    _error(r, 422, "invalid_request")


def test_body_limit(web_db: str, make_client: Callable[..., TestClient]) -> None:
    app, _ = _app(web_db, max_request_bytes=1000)
    with make_client(app) as c:
        _error(c.post(f"{API}/analyze", json={"text": "kata " * 400}), 413, "request_too_large")

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts what arrives
            yield b'{"text": "'
            for _ in range(50):
                yield b"kata " * 10
            yield b'"}'

        r = c.post(f"{API}/analyze", content=chunks(), headers={"content-type": "application/json"})
        _error(r, 413, "request_too_large")
        assert c.post(f"{API}/analyze", json={"text": BERITA[:300]}).status_code == 200


# -- writes ------------------------------------------------------------------------------


def test_writes_are_off_without_a_token(client: TestClient) -> None:
    _error(client.post(f"{API}/articles", json={"text": BERITA}), 403, "writes_disabled")
    _error(
        client.post(f"{API}/articles", json={"text": BERITA}, headers={"Authorization": "Bearer x"}),
        403,
        "writes_disabled",
    )
    _error(client.post(f"{API}/ingest", json={"records": [{"text": BERITA}]}), 403, "writes_disabled")


def test_token_is_checked(token_client: TestClient) -> None:
    r = token_client.post(f"{API}/articles", json={"text": BERITA})
    _error(r, 401, "missing_token")
    assert r.headers["www-authenticate"] == "Bearer"
    _error(
        token_client.post(
            f"{API}/articles", json={"text": BERITA}, headers={"Authorization": "Basic " + TOKEN}
        ),
        401,
        "missing_token",
    )
    _error(
        token_client.post(
            f"{API}/articles", json={"text": BERITA}, headers={"Authorization": "Bearer salah"}
        ),
        403,
        "invalid_token",
    )


def test_store_article(token_client: TestClient, writable: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = _count(writable)
    body = {
        "text": BERITA,
        "url": "https://kabar-uji.test/ekonomi/cabai",
        "outlet": "Kabar Uji",
        "date": "2025-04-08",
    }
    r = token_client.post(f"{API}/articles", json=body, headers=auth)
    assert r.status_code == 201, r.text
    stored = r.json()
    assert stored["inserted"] is True and stored["quotes"] >= 1
    assert _count(writable) == before + 1
    got = token_client.get(f"{API}/articles/{stored['id']}").json()
    assert got["url"] == body["url"] and got["day"] == "2025-04-08" and got["outlet"] == "Kabar Uji"
    assert (
        token_client.get(f"{API}/articles", params={"q": "cabai rawit"}).json()["items"][0]["id"]
        == stored["id"]
    )
    again = token_client.post(f"{API}/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json() == {**stored, "inserted": False}
    assert _count(writable) == before + 1


def test_ingest_records(token_client: TestClient, writable: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = _count(writable)
    records = [
        {
            "text": BERITA,
            "title": "Cabai Turun",
            "url": "https://warta-lain.test/cabai",
            "source": "Warta Lain",
        },
        {"text": "  "},
        {"judul": "tanpa isi"},
    ]
    r = token_client.post(f"{API}/ingest", json={"records": records}, headers=auth)
    assert r.status_code == 200, r.text
    result = r.json()
    assert (result["inserted"], result["updated"]) == (1, 0) and len(result["ids"]) == 1
    assert [(x["index"], x["code"]) for x in result["rejected"]] == [(1, "W101"), (2, "W104")]
    assert _count(writable) == before + 1
    _error(token_client.post(f"{API}/ingest", json={"records": []}, headers=auth), 422, "invalid_request")
    too_many = {"records": [{"text": "x"}] * 101}
    _error(token_client.post(f"{API}/ingest", json=too_many, headers=auth), 422, "invalid_request")


# -- CORS --------------------------------------------------------------------------------


def test_cors_off_by_default(client: TestClient) -> None:
    r = client.get(f"{API}/stats", headers={"Origin": "https://lain.test"})
    assert "access-control-allow-origin" not in r.headers


def test_cors_when_configured(web_db: str, make_client: Callable[..., TestClient]) -> None:
    app, _ = _app(web_db, cors_origins=["https://dasbor.test"])
    with make_client(app) as c:
        ok = c.get(f"{API}/stats", headers={"Origin": "https://dasbor.test"})
        assert ok.headers["access-control-allow-origin"] == "https://dasbor.test"
        other = c.get(f"{API}/stats", headers={"Origin": "https://lain.test"})
        assert "access-control-allow-origin" not in other.headers
        pre = c.options(
            f"{API}/articles",
            headers={
                "Origin": "https://dasbor.test",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization",
            },
        )
        assert pre.status_code == 200 and "POST" in pre.headers["access-control-allow-methods"]


# -- warta serve -------------------------------------------------------------------------


def test_serve_needs_an_existing_store(tmp_path: Path) -> None:
    from warta.cli import app

    missing = tmp_path / "tidak-ada.db"
    result = CliRunner().invoke(app, ["serve", "--db", str(missing)])
    assert result.exit_code == 2
    assert "no such corpus database" in result.output and str(missing.name) in result.output
    assert not missing.exists()
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in result.output


def test_serve_runs_uvicorn(web_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from warta.cli import app

    seen: dict[str, Any] = {}

    def fake_run(asgi: FastAPI, *, host: str, port: int, log_level: str) -> None:
        seen.update(app=asgi, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    warmed = threading.Event()
    monkeypatch.setattr(queries, "warm_up", lambda store: warmed.set() or 0.0)
    result = CliRunner().invoke(app, ["serve", "--db", str(web_db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert warmed.wait(10)  # the corpus-wide answers are computed in the background
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    store: Store = seen["app"].state.store
    with Store.open(web_db, create=False) as same:
        assert store.name == same.name
    assert seen["app"].state.settings.api_token == ""
    store.close()


def test_warm_up_fills_the_kept_answers(web_store: Store) -> None:
    import sqlalchemy as sa

    statements: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    # Start cold: other tests may have filled the kept answers of this store already.
    web_store.memo.clear()
    sa.event.listen(web_store.engine, "before_cursor_execute", count)
    try:
        queries.warm_up(web_store)
        first = len(statements)
        statements.clear()
        queries.warm_up(web_store)  # everything is kept now: only the checks that it is still current
        assert first > 0 and len(statements) < first / 2
    finally:
        sa.event.remove(web_store.engine, "before_cursor_execute", count)
