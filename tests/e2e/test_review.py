"""Reviewing quotes in a real browser, with the keyboard: a reviewer gives a quote another
speaker; the new speaker's entity page lists it and the old one's no longer does; the API
and ``warta quotes`` agree; after ``warta reanalyze`` the correction is still applied; and no
action reloads the page."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from warta.cli import app as cli
from warta.config import load_settings
from warta.ingest import ingest
from warta.storage import Store
from warta.storage.copy import copy_store
from warta.web.app import create_app

TOKEN = "token-tinjau"
RECORD = {
    "id": "tinjau-e2e",
    "url": "https://kabar-lembah.test/jembatan-gantung-e2e",
    "source": "Kabar Lembah",
    "date": "2025-03-20",
    "title": "Jembatan Gantung Desa Karang Asri Diperbaiki",
    "text": (
        "Karang Asri - Kepala Desa Karang Asri Wahyu Nugroho memastikan jembatan gantung di desanya "
        'selesai diperbaiki bulan depan. "Anak-anak tidak perlu lagi menyeberang sungai dengan rakit," '
        "kata Wahyu Nugroho di balai desa, Kamis (20/3/2025).\n\nWarga menyambut baik perbaikan itu."
    ),
}


@pytest.fixture
def review(
    web_db: str, tmp_path: Path, serve_app: Callable[[Any], Iterator[str]]
) -> Iterator[tuple[str, str]]:
    """A copy of the web tests' corpus (the corrections stay in this test), served with a
    write token; yields (base URL, the copy's file)."""
    db = str(tmp_path / "tinjau.db")
    with Store.open(web_db, create=False) as source, Store.open(db) as target:
        copy_store(source, target)
    # One article analysed by the real pipeline, so that `warta reanalyze` finds its quote again.
    data = tmp_path / "berita.jsonl"
    data.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    ingest([data], db=db, settings=load_settings(), workers=1)
    settings = load_settings(db=db, api_token=TOKEN, cors_origins=[], as_of="2025-03-22")
    with Store.open(db, create=False) as store:
        yield from ((url, db) for url in serve_app(create_app(settings, store=store)))


def _quotes(base: str, entity: int) -> list[str]:
    page = httpx.get(f"{base}/api/v1/entities/{entity}/quotes", params={"limit": 100}).json()
    return [q["text"] for q in page["items"]]


def _person(base: str, name: str) -> int:
    return int(
        httpx.get(f"{base}/api/v1/entities", params={"q": name, "label": "PER"}).json()["items"][0]["id"]
    )


def _page_lists(base: str, entity: int, words: str) -> bool:
    return words in httpx.get(f"{base}/entity/{entity}").text


def test_a_reviewer_gives_a_quote_another_speaker(page: Any, review: tuple[str, str]) -> None:
    base, db = review
    old = _person(base, "Wahyu Nugroho")
    new = _person(base, "Rina Kartika")
    words = "menyeberang sungai dengan rakit"
    assert words in " ".join(_quotes(base, old)) and _page_lists(base, old, words)

    page.goto(f"{base}/review")
    page.evaluate("window.__stayed = true")  # gone if the page reloads
    page.fill("#review-token", TOKEN)
    page.fill("#review-name", "rina-redaksi")
    item = page.locator(".review-item", has_text=words).first
    item.click()
    page.once("dialog", lambda dialog: dialog.accept("Rina Kartika"))
    page.keyboard.press("s")
    item.locator(".state").get_by_text("speaker: Rina Kartika").wait_for(timeout=10_000)
    # The next quote is confirmed with one key, still without a reload.
    page.keyboard.press("c")
    page.locator(".review-item.confirmed").first.wait_for(timeout=10_000)
    assert page.evaluate("window.__stayed") is True
    assert page.errors == [], page.errors

    def moved() -> None:
        assert words in " ".join(_quotes(base, new)) and _page_lists(base, new, words)
        assert words not in " ".join(_quotes(base, old)) and not _page_lists(base, old, words)
        result = CliRunner().invoke(cli, ["quotes", "--speaker", "Rina Kartika", "--db", db, "--json"])
        assert result.exit_code == 0, result.output
        assert any(words in q["text"] for q in json.loads(result.stdout))

    moved()
    log = httpx.get(f"{base}/api/v1/corrections").json()
    assert {c["reviewer"] for c in log["items"]} == {"rina-redaksi"}

    # Analysed again by `warta reanalyze`: the correction is found again and still applied.
    result = CliRunner().invoke(cli, ["reanalyze", "--db", db, "--all"])
    assert result.exit_code == 0, result.output
    moved()
    live = httpx.get(f"{base}/api/v1/corrections", params={"status": "live"}).json()
    assert "speaker" in [c["action"] for c in live["items"]]


def test_writes_from_the_review_page_need_the_token(page: Any, review: tuple[str, str]) -> None:
    base, _db = review
    page.goto(f"{base}/review")
    page.fill("#review-token", "salah")
    page.locator(".review-item").first.click()
    page.keyboard.press("c")
    page.locator("#review-status").get_by_text("Not saved: the bearer token is not valid").wait_for(
        timeout=10_000
    )
    assert httpx.get(f"{base}/api/v1/corrections").json()["total"] == 0
