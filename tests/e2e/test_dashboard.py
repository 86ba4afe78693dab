"""The dashboard in a real browser: highlights, hover, links, charts, and hostile text kept inert.

Screenshots of the article and entity pages go to the folder named by WARTA_SCREENSHOTS
(``WARTA_SCREENSHOTS=docs/screenshots python -m pytest tests/e2e`` refreshes the committed
ones), else to the test's temporary folder, so that a test run leaves the checkout as it was.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from webhelpers import IMG_PAYLOAD, SCRIPT_PAYLOAD


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("WARTA_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _no_console_errors(page: Any) -> None:
    # A CSP violation (an inline script or style the policy refused) shows up here too.
    assert page.errors == [], page.errors


def test_article_quote_hover_speaker_link_and_entity_chart(
    page: Any, server: str, web_ids: dict[str, int], shots: Path
) -> None:
    page.goto(f"{server}/article/{web_ids['quoted_article']}")
    quote = page.locator('.text .q-direct[data-speaker="Rina Kartika"]').first
    assert quote.is_visible()
    assert "menjaga harga beras" in quote.inner_text()

    quote.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert "Rina Kartika" in tip.inner_text()
    assert "2025-03-03" in tip.inner_text()
    # The quote is lit together with its entry in the quote list.
    index = quote.get_attribute("data-q")
    assert "hot" in (page.locator(f'.quote-list li[data-q="{index}"]').get_attribute("class") or "")
    page.screenshot(path=str(shots / "article.png"))
    _no_console_errors(page)

    speaker = page.locator(".quote-list a.who", has_text="Rina Kartika").first
    speaker.click()
    page.wait_for_url(re.compile(rf"/entity/{web_ids['speaker']}$"))
    assert page.locator("h1").inner_text().startswith("Rina Kartika")
    # Plotly drew both charts (its SVG roots exist inside the chart divs).
    page.locator("#timeline .main-svg").first.wait_for(state="attached", timeout=15000)
    page.locator("#network .main-svg").first.wait_for(state="attached", timeout=15000)
    assert page.locator("#timeline .bars path, #timeline .trace.bars").count() > 0
    page.screenshot(path=str(shots / "entity.png"), full_page=True)
    assert (shots / "article.png").stat().st_size > 10_000 and (shots / "entity.png").stat().st_size > 10_000
    _no_console_errors(page)


def test_hostile_article_renders_inert(page: Any, server: str, web_ids: dict[str, int]) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/article/{web_ids['hostile']}")
    page.wait_for_load_state("networkidle")
    text = page.locator("#text").inner_text()
    # The payloads are shown as text, exactly as written...
    assert SCRIPT_PAYLOAD in text
    assert IMG_PAYLOAD in text
    assert SCRIPT_PAYLOAD in page.locator("h1").inner_text()
    # ...and nothing they describe exists or ran.
    assert dialogs == []
    assert page.locator("img").count() == 0
    assert page.evaluate("document.querySelectorAll('[onerror]').length") == 0
    sources = page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))")
    assert all(s is not None and s.startswith("/static/") for s in sources), sources
    assert page.title().endswith("· warta") and "<script>" in page.title()
    _no_console_errors(page)


@pytest.mark.parametrize("path", ["/", "/search?q=beras", "/quotes?speaker=Rina+Kartika", "/analyze"])
def test_pages_load_without_errors(page: Any, server: str, path: str) -> None:
    response = page.goto(server + path)
    assert response is not None and response.status == 200
    assert page.locator("header.nav a.brand").is_visible()
    _no_console_errors(page)


def test_analyse_a_pasted_text(page: Any, server: str) -> None:
    page.goto(f"{server}/analyze")
    page.fill(
        "textarea[name=text]",
        (
            "Warga Sukamaju Tanam Seribu Pohon\n\n"
            "Bupati Sukamaju Andi Pratama mengajak warga menanam pohon di lereng bukit. "
            '"Setiap keluarga menanam satu pohon," kata Andi Pratama, Minggu (6/4/2025).'
        ),
    )
    page.click("form[action='/analyze'] button")
    page.wait_for_url(re.compile(r"/analyze$"))
    quote = page.locator(".text .q").first
    quote.wait_for(state="visible")
    assert "Setiap keluarga menanam satu pohon" in quote.inner_text()
    assert "Andi Pratama" in (quote.get_attribute("data-speaker") or "")
    assert page.locator(".text .m-per").count() >= 1
    _no_console_errors(page)
