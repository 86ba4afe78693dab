"""Reviewing quotes in a real browser, with the keyboard: a reviewer gives a quote another
speaker; the new speaker's entity lists it and the old one's no longer does; the API and
``warta quotes`` agree; written again by another analysis version, the article keeps the
correction; and no action reloads the page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from conftest import serve
from warta.cli import app as cli
from warta.config import load_settings
from warta.storage import Store
from warta.storage.copy import copy_store
from warta.storage.writer import article_fingerprint
from warta.web.app import create_app

TOKEN = "token-tinjau"


@pytest.fixture
def review(web_db: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A copy of the web tests' corpus (the corrections stay in this test), served with a
    write token; yields (base URL, the copy's file)."""
    db = str(tmp_path / "tinjau.db")
    with Store.open(web_db, create=False) as source, Store.open(db) as target:
        copy_store(source, target)
    settings = load_settings(db=db, api_token=TOKEN, cors_origins=[], as_of="2025-03-22")
    with Store.open(db, create=False) as store:
        yield from ((url, db) for url in serve(create_app(settings, store=store)))


def _quotes(base: str, entity: int) -> list[str]:
    page = httpx.get(f"{base}/api/v1/entities/{entity}/quotes", params={"limit": 100}).json()
    return [q["text"] for q in page["items"]]


def _person(base: str, name: str) -> int:
    return int(
        httpx.get(f"{base}/api/v1/entities", params={"q": name, "label": "PER"}).json()["items"][0]["id"]
    )


def test_a_reviewer_gives_a_quote_another_speaker(page: Any, review: tuple[str, str]) -> None:
    base, db = review
    old = _person(base, "Rina Kartika")
    others = httpx.get(f"{base}/api/v1/entities", params={"label": "PER", "limit": 100}).json()["items"]
    new = next(e for e in others if e["id"] != old and e["articles"] > 0)
    before = _quotes(base, old)
    assert before

    page.goto(f"{base}/review")
    page.evaluate("window.__stayed = true")  # gone if the page reloads
    page.fill("#review-token", TOKEN)
    page.fill("#review-name", "rina-redaksi")
    item = page.locator('.review-item[data-speaker="Rina Kartika"]').first
    text = item.locator("blockquote").inner_text().strip("“”…")
    item.click()
    page.once("dialog", lambda dialog: dialog.accept(new["name"]))
    page.keyboard.press("s")
    item.locator(".state").get_by_text(f"speaker: {new['name']}").wait_for(timeout=10_000)
    # The next quote is confirmed with one key, still without a reload.
    page.keyboard.press("c")
    page.locator(".review-item.confirmed").first.wait_for(timeout=10_000)
    assert page.evaluate("window.__stayed") is True
    assert page.errors == [], page.errors

    moved = [q for q in _quotes(base, new["id"]) if q.startswith(text[:40])]
    assert moved, "the new speaker's quotes list the quote"
    assert not [q for q in _quotes(base, old) if q.startswith(text[:40])]
    log = httpx.get(f"{base}/api/v1/corrections").json()
    assert {c["reviewer"] for c in log["items"]} == {"rina-redaksi"}

    result = CliRunner().invoke(cli, ["quotes", "--speaker", new["name"], "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert any(q["text"] == moved[0] for q in json.loads(result.stdout))

    # Analysed again (written by another analysis version): the correction stays applied.
    with Store.open(db, create=False) as store:
        (article_id,) = {c["article_id"] for c in log["items"] if c["action"] == "speaker"}
        article = store.get_article(article_id)
        assert article is not None
        fingerprint = article_fingerprint(article, pipeline="versi-baru")
        store.write_batch([(article, fingerprint)])
    assert [q for q in _quotes(base, new["id"]) if q.startswith(text[:40])]
    assert not [q for q in _quotes(base, old) if q.startswith(text[:40])]


def test_writes_from_the_review_page_need_the_token(page: Any, review: tuple[str, str]) -> None:
    base, _db = review
    page.goto(f"{base}/review")
    page.fill("#review-token", "salah")
    page.locator(".review-item").first.click()
    page.keyboard.press("c")
    page.locator("#review-status").get_by_text("Not saved").wait_for(timeout=10_000)
    assert httpx.get(f"{base}/api/v1/corrections").json()["total"] == 0
