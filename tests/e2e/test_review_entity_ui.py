"""Correcting entities from the article page in a real browser: a reviewer merges two
entities that are one person written differently; the target's page lists the merged one's
quotes and mentions, the merged one's page sends the reader to the target's, and
``warta entity`` agrees; an undo sets the two apart again. A type change shows on the
entity's page. No action reloads the page."""

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
from warta.storage import queries as Q
from warta.storage.copy import copy_store
from warta.web.app import create_app

TOKEN = "token-entitas"
# One person written two ways: in full, then by the initials the article gives him (which
# the pipeline takes for an organisation).
FULL, SHORT = "Hendra Gunawan Prasetyo", "HGP"
SHORT_SAYS = "Tahun depan kami bangun gudang pendingin"
RECORD = {
    "id": "entitas-e2e",
    "url": "https://warta-pesisir.test/pelabuhan-ikan-e2e",
    "source": "Warta Pesisir",
    "date": "2025-03-21",
    "title": "Pelabuhan Ikan Tanjung Sari Diperluas",
    "text": (
        "Tanjung Sari - Bupati Tanjung Sari Hendra Gunawan Prasetyo meresmikan perluasan pelabuhan "
        'ikan di pesisir utara, Jumat (21/3/2025). "Nelayan kini bisa bersandar tanpa antre sampai '
        'malam," kata Hendra Gunawan Prasetyo di dermaga.\n\nMenurut Bupati HGP, biaya perluasan '
        'berasal dari anggaran daerah. "Tahun depan kami bangun gudang pendingin," ujar HGP kepada '
        "wartawan.\n\nDinas Kelautan dan Perikanan mencatat hasil tangkapan naik tahun ini."
    ),
}


@pytest.fixture
def corpus(
    web_db: str, tmp_path: Path, serve_app: Callable[[Any], Iterator[str]]
) -> Iterator[tuple[str, str, int]]:
    """A copy of the web tests' corpus with one more article, analysed by the real pipeline,
    served with a write token; yields (base URL, the copy's file, the article's id)."""
    db = str(tmp_path / "entitas.db")
    with Store.open(web_db, create=False) as source, Store.open(db) as target:
        copy_store(source, target)
    data = tmp_path / "berita.jsonl"
    data.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    ingest([data], db=db, settings=load_settings(), workers=1)
    settings = load_settings(db=db, api_token=TOKEN, cors_origins=[], as_of="2025-03-22")
    with Store.open(db, create=False) as store:
        article = Q.list_articles(store, q="gudang pendingin", limit=1).items[0].id
        yield from ((url, db, article) for url in serve_app(create_app(settings, store=store)))


def _entity(base: str, name: str) -> dict[str, Any]:
    hit = httpx.get(f"{base}/api/v1/entities", params={"q": name, "limit": 1}).json()["items"][0]
    assert hit["name"] == name, hit
    return dict(hit)


def _cli_entity(db: str, name: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["entity", name, "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


def _aliases_on(html: str) -> str:
    """The entity page's "also written as" line (the spellings, case-folded, of its mentions)."""
    return html.split("also written as:", 1)[1].split("</p>", 1)[0] if "also written as:" in html else ""


def _open(page: Any, base: str, article: int) -> None:
    page.goto(f"{base}/article/{article}")
    page.evaluate("window.__stayed = true")  # gone if the page reloads
    page.fill("#review-token", TOKEN)
    page.fill("#review-name", "sinta-redaksi")


def _row(page: Any, name: str) -> Any:
    return page.locator(".ent-row", has=page.locator(".ent-link", has_text=name)).first


def test_a_reviewer_merges_two_names_of_one_person_and_undoes_it(
    page: Any, corpus: tuple[str, str, int]
) -> None:
    base, db, article = corpus
    full, short = _entity(base, FULL)["id"], _entity(base, SHORT)["id"]
    assert full != short
    assert SHORT_SAYS not in httpx.get(f"{base}/entity/{full}").text

    _open(page, base, article)
    row = _row(page, SHORT)
    # Merged into itself (its own id typed): the API's refusal is shown, nothing changes.
    row.locator("button[data-act=merge]").click()
    page.fill("#entity-form input[name=lookup]", str(short))
    page.click("#entity-form button[type=submit]")
    page.locator("#entity-status").get_by_text("cannot merge an entity into itself").wait_for(timeout=10_000)
    assert httpx.get(f"{base}/api/v1/entity-corrections").json()["total"] == 0

    # With the keyboard: m on the row, the article's other entity picked from the list.
    page.fill("#entity-form input[name=lookup]", "")
    page.keyboard.press("Escape")
    row.click()
    page.keyboard.press("m")
    page.select_option("#entity-form select[name=target]", str(full))
    page.click("#entity-form button[type=submit]")
    row.locator(".ent-state").get_by_text(f"merged into {FULL}").wait_for(timeout=10_000)
    assert row.locator(".ent-link").get_attribute("href") == f"/entity/{full}"
    assert page.evaluate("window.__stayed") is True

    target_page = httpx.get(f"{base}/entity/{full}").text
    assert SHORT_SAYS in target_page  # its quote
    assert SHORT.casefold() in _aliases_on(target_page)  # its mentions, under its name
    moved = httpx.get(f"{base}/entity/{short}", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == f"/entity/{full}"
    profile = _cli_entity(db, FULL)
    assert profile["id"] == full
    assert SHORT.casefold() in [a for a, _n in profile["aliases"]]
    assert any(SHORT_SAYS in q["text"] for q in profile["latest_quotes"])
    assert _cli_entity(db, SHORT)["id"] == full
    log = httpx.get(f"{base}/api/v1/entity-corrections").json()
    assert [(c["action"], c["reviewer"]) for c in log["items"]] == [("merge", "sinta-redaksi")]

    # Undone with the key the review page uses: the two are apart again.
    page.keyboard.press("u")
    page.locator("#entity-status").get_by_text("Undone").wait_for(timeout=10_000)
    assert row.locator(".ent-link").get_attribute("href") == f"/entity/{short}"
    assert row.locator(".ent-state").inner_text() == ""
    assert httpx.get(f"{base}/entity/{short}", follow_redirects=False).status_code == 200
    assert SHORT_SAYS not in httpx.get(f"{base}/entity/{full}").text
    assert SHORT_SAYS in httpx.get(f"{base}/entity/{short}").text
    assert _cli_entity(db, SHORT)["id"] == short
    assert SHORT.casefold() not in [a for a, _n in _cli_entity(db, FULL)["aliases"]]
    assert SHORT.casefold() not in _aliases_on(httpx.get(f"{base}/entity/{full}").text)
    assert page.evaluate("window.__stayed") is True
    # The one error the browser saw: the refused merge into itself.
    assert page.errors == [
        "Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"
    ], page.errors


def test_a_type_change_from_the_article_page_shows_on_the_entity_page(
    page: Any, corpus: tuple[str, str, int]
) -> None:
    base, _db, article = corpus
    short = _entity(base, SHORT)
    assert short["label"] == "ORG"
    _open(page, base, article)
    row = _row(page, SHORT)
    row.locator("button[data-act=type]").click()
    page.select_option("#entity-form select[name=label]", "PER")
    page.click("#entity-form button[type=submit]")
    row.locator(".ent-state").get_by_text("type: ORG → PER").wait_for(timeout=10_000)
    assert row.locator(".pill").inner_text() == "PER"
    assert page.evaluate("window.__stayed") is True
    assert page.errors == [], page.errors

    heading = httpx.get(f"{base}/entity/{short['id']}").text.split("</h1>")[0]
    assert 'class="pill PER"' in heading
    assert httpx.get(f"{base}/api/v1/entities/{short['id']}").json()["label"] == "PER"
    # The article page, opened again, shows the corrected type too.
    page.reload()
    assert _row(page, SHORT).locator(".pill").inner_text() == "PER"


def test_without_a_token_the_article_page_has_no_entity_controls(
    page: Any, server: str, web_ids: dict[str, int]
) -> None:
    """The web tests' server has no write token: the API would refuse every correction."""
    page.goto(f"{server}/article/{web_ids['quoted_article']}")
    assert page.locator(".ent-row").count() > 0
    assert page.locator("#entity-review, #entity-form, .ent-tools").count() == 0
    assert page.errors == [], page.errors


def test_a_split_sends_this_articles_mentions_to_another_entity_or_a_new_one(
    page: Any, corpus: tuple[str, str, int]
) -> None:
    base, _db, article = corpus
    full, short = _entity(base, FULL)["id"], _entity(base, SHORT)["id"]
    _open(page, base, article)
    row = _row(page, SHORT)

    # To a corpus entity typed by name; undone with the row's own undo button.
    row.locator("button[data-act=split]").click()
    page.fill("#entity-form input[name=lookup]", FULL)
    page.click("#entity-form button[type=submit]")
    row.locator(".ent-state").get_by_text(f"split off to {FULL}").wait_for(timeout=10_000)
    assert row.locator(".ent-link").get_attribute("href") == f"/entity/{full}"
    assert SHORT_SAYS in httpx.get(f"{base}/entity/{full}").text
    row.locator("button[data-act=undo]").click()
    page.locator("#entity-status").get_by_text("Undone").wait_for(timeout=10_000)
    assert row.locator("button[data-act=undo]").is_hidden()
    assert SHORT_SAYS not in httpx.get(f"{base}/entity/{full}").text

    # To a new entity: it has the quote; once undone, no list offers the emptied entity.
    row.locator("button[data-act=split]").click()
    page.fill("#entity-form input[name=new_name]", "Hendra Tanjung")
    page.click("#entity-form button[type=submit]")
    row.locator(".ent-state").get_by_text("split off to Hendra Tanjung (a new entity)").wait_for(
        timeout=10_000
    )
    created = int(row.locator(".ent-link").get_attribute("href").rsplit("/", 1)[1])
    assert created not in (full, short) and SHORT_SAYS in httpx.get(f"{base}/entity/{created}").text
    assert [
        h["id"] for h in httpx.get(f"{base}/api/v1/entities", params={"q": "Hendra Tanjung"}).json()["items"]
    ] == [created]
    page.keyboard.press("u")
    page.locator("#entity-status").get_by_text("Undone").wait_for(timeout=10_000)
    assert row.locator(".ent-link").get_attribute("href") == f"/entity/{short}"
    assert SHORT_SAYS in httpx.get(f"{base}/entity/{short}").text
    assert httpx.get(f"{base}/api/v1/entities", params={"q": "Hendra Tanjung"}).json()["items"] == []
    assert page.evaluate("window.__stayed") is True
    assert page.errors == [], page.errors
