"""The dashboard pages over the fixture corpus (tests/web/conftest.py), through a TestClient."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import plotly
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from warta.config import load_settings
from warta.storage import Store
from warta.storage import queries as Q
from warta.web.app import create_app
from warta.web.pages import CSP, templates

# The payloads of the fixture corpus's hostile article (tests/web/conftest.py).
SCRIPT_PAYLOAD = "<script>alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"


def _main(html: str) -> str:
    return html.split("<main>", 1)[1].split("</main>", 1)[0]


def test_templates_autoescape() -> None:
    env = templates.env
    assert env.autoescape is True
    assert str(env.from_string("{{ x }}").render(x="<b>")) == "&lt;b&gt;"


@pytest.mark.parametrize("path", ["/", "/search", "/quotes", "/analyze"])
def test_pages_answer_with_security_headers(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    assert "script-src 'self';" in CSP and "unsafe-inline" not in CSP.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"
    # No inline script anywhere: every <script> has a src or is a JSON data block.
    for tag in re.findall(r"<script[^>]*>", r.text):
        assert 'src="/static/' in tag or 'type="application/json"' in tag, tag
    # Every asset is local: no script, stylesheet or icon from another host.
    for tag in re.findall(r"<(?:script|link|img)[^>]*>", r.text):
        assert "//" not in tag, tag


def test_article_and_entity_pages_load_only_local_scripts(
    client: TestClient, web_ids: dict[str, int]
) -> None:
    for path in (
        f"/article/{web_ids['quoted_article']}",
        f"/article/{web_ids['hostile']}",
        f"/entity/{web_ids['speaker']}",
    ):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP
        for tag in re.findall(r"<(?:script|link|img)[^>]*>", r.text):
            assert "//" not in tag and (
                "<script" not in tag or 'src="/static/' in tag or "application/json" in tag
            ), tag


def test_home_shows_latest_articles_speakers_and_counts(client: TestClient, web_ids: dict[str, int]) -> None:
    page = _main(client.get("/").text)
    assert f'href="/article/{web_ids["hostile"]}"' in page
    assert "Pemerintah Jaga Harga Beras Jelang Ramadan" in page
    assert "Most quoted this week" in page and "Rising names" in page
    assert "6</b><span>articles" in page


def test_this_week_is_this_week_unless_the_server_browses_an_archive(web_store: Store, web_db: str) -> None:
    # Today (no as-of day): the March 2025 quotes are not this week's; the page says how to look back.
    today = create_app(load_settings(db=str(web_db), api_token="", cors_origins=[]), store=web_store)
    with TestClient(today) as c:
        page = _main(c.get("/").text)
    assert "Nobody was quoted by name in these 7 days" in page and "--as-of 2025-03-22" in page
    # As of the corpus's newest day: its week, with the speaker quoted in it.
    archive = create_app(
        load_settings(db=str(web_db), api_token="", cors_origins=[], as_of="2025-03-22"), store=web_store
    )
    with TestClient(archive) as c:
        page = _main(c.get("/").text)
        api = c.get("/api/v1/quotes/top-speakers", params={"days": 7}).json()
    assert "7 days to 2025-03-22 (the server's as-of day)" in page
    assert "Nobody was quoted" not in page and api


def test_article_page_highlights_quote_and_links_speaker(client: TestClient, web_ids: dict[str, int]) -> None:
    r = client.get(f"/article/{web_ids['quoted_article']}")
    assert r.status_code == 200
    page = _main(r.text)
    quote = re.search(r'<span class="q q-direct"[^>]*data-speaker="Rina Kartika"[^>]*>', page)
    assert quote is not None, page
    assert 'data-date="2025-03-03"' in quote.group(0)
    assert f'href="/entity/{web_ids["speaker"]}"' in page
    assert 'class="cue"' in page and 'class="tx"' in page
    assert 'class="legend"' in page and "Cleaning report" in page
    assert "Menteri Perdagangan" in page  # the role, in the entity list


def test_hostile_article_is_escaped_everywhere(client: TestClient, web_ids: dict[str, int]) -> None:
    text = client.get(f"/article/{web_ids['hostile']}").text
    assert SCRIPT_PAYLOAD not in text
    assert IMG_PAYLOAD not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<img" not in text and "onerror=" not in text.replace("onerror=alert(1)&gt;", "")
    # The <title> carries the hostile headline escaped too.
    assert "<title>Situs Palsu Sebar Tautan Berbahaya &lt;script&gt;" in text


def test_entity_page_has_charts_roles_and_quotes(client: TestClient, web_ids: dict[str, int]) -> None:
    r = client.get(f"/entity/{web_ids['speaker']}")
    assert r.status_code == 200
    page = r.text
    assert "<h1>Rina Kartika" in page
    assert '<script src="/static/vendor/plotly.min.js"></script>' in page
    block = re.search(r'<script type="application/json" id="chart-data">(.*?)</script>', page, re.S)
    assert block is not None
    charts = json.loads(block.group(1))
    assert charts["timeline"]["days"] == ["2025-03-03", "2025-03-05"]
    assert sum(charts["timeline"]["quotes"]) >= 2
    nodes = charts["network"]["nodes"]
    assert nodes[0]["id"] == web_ids["speaker"] and len(nodes) > 1
    assert all(n["href"] == f"/entity/{n['id']}" for n in nodes)
    assert "Menteri Perdagangan" in page  # roles
    assert "Latest quotes by outlet" in page and "Kabar Uji" in page


def test_chart_data_cannot_close_its_script_block(client: TestClient, web_ids: dict[str, int]) -> None:
    # Names from the hostile article go into the JSON block; </script> inside it would end the block.
    with_payload = [
        m for m in re.findall(r'href="/entity/(\d+)"', client.get(f"/article/{web_ids['hostile']}").text)
    ]
    for eid in set(with_payload):
        page = client.get(f"/entity/{eid}").text
        block = page.split('<script type="application/json" id="chart-data">', 1)[1].split("</script>", 1)[0]
        assert "<" not in block
        json.loads(block)


def test_entity_by_name_redirects_or_says_not_found(client: TestClient, web_ids: dict[str, int]) -> None:
    r = client.get("/entity", params={"name": "Rina Kartika"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/entity/{web_ids['speaker']}"
    missing = client.get("/entity", params={"name": "Tokoh Yang Tidak Ada"})
    assert missing.status_code == 404 and "Not found" in missing.text


@pytest.mark.parametrize(
    "path",
    [
        "/article/999999",
        "/entity/999999",
        "/article/0",
        "/entity/-3",
        "/article/99999999999999999999",
        "/entity/99999999999999999999",
    ],
)
def test_unknown_ids_give_a_404_page(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "The corpus has no" in r.text and r.headers["content-security-policy"] == CSP


def test_search_page_finds_and_marks_words(client: TestClient, web_ids: dict[str, int]) -> None:
    page = _main(client.get("/search", params={"q": "beras"}).text)
    assert "<h2>1 article</h2>" in page
    assert f'href="/article/{web_ids["quoted_article"]}"' in page
    assert "<mark>beras</mark>" in page


def test_search_filters_and_bad_dates(client: TestClient, web_ids: dict[str, int]) -> None:
    page = _main(client.get("/search", params={"outlet": "Warta Lain"}).text)
    assert f'href="/article/{web_ids["other_outlet"]}"' in page
    assert f'href="/article/{web_ids["quoted_article"]}"' not in page
    bad = client.get("/search", params={"q": "beras", "from": "kemarin"})
    assert bad.status_code == 200 and "is not a date (YYYY-MM-DD)" in bad.text
    assert client.get("/search", params={"q": "beras", "page": 0}).status_code == 200
    assert client.get("/quotes", params={"page": 10**9}).status_code == 200
    empty = _main(client.get("/search").text)
    assert "Type words to search" in empty


def test_quotes_page_filters_by_speaker_and_kind(client: TestClient, web_ids: dict[str, int]) -> None:
    page = _main(client.get("/quotes", params={"speaker": "Rina Kartika"}).text)
    assert "quotes, newest first" in page
    assert page.count(f'href="/entity/{web_ids["speaker"]}"') >= 2
    assert "Bambang" not in re.sub(r"<td><a href=\"/article/.*?</td>", "", page)
    bad = client.get("/quotes", params={"kind": "rumor"})
    assert "is not one of direct, indirect, mixed, partial" in bad.text
    assert "is not one of verified, needs-review" in client.get("/quotes", params={"review": "x"}).text


def test_quotes_page_filters_by_review_state(client: TestClient, web_store: Store) -> None:
    from warta.storage.corrections import add_correction

    everything = Q.quote_page(web_store, limit=100)
    doubtful = Q.quote_page(web_store, needs_review=True, limit=100)
    shown = _main(client.get("/quotes", params={"review": "needs-review"}).text)
    assert f"{doubtful.total:,} quote" in shown and 'class="pill review"' in shown
    assert doubtful.total < everything.total
    first = everything.items[0]
    made = add_correction(web_store, first.article_id, first.idx, "confirm", reviewer="uji")
    try:
        verified = _main(client.get("/quotes", params={"review": "verified"}).text)
        assert "1 quote, newest first" in verified and 'class="pill verified"' in verified
    finally:
        from warta.storage.corrections import undo_correction

        undo_correction(web_store, made.id, reviewer="uji")


def _post_form(client: TestClient, text: str, **headers: str) -> Any:
    """Post the "analyse your text" form as a browser does: after loading it (its token)."""
    form = client.get("/analyze")
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', form.text)
    assert token is not None
    return client.post("/analyze", data={"text": text, "csrf": token.group(1)}, headers=headers)


def test_analyze_renders_without_storing(client: TestClient, web_store: Store) -> None:
    def count() -> int:
        with web_store.connect() as conn:
            return int(conn.execute(sa.text("SELECT count(*) FROM articles")).scalar_one())

    before = count()
    text = (
        "Sekolah Baru Dibuka di Sukamaju\n\n"
        "Kepala Dinas Pendidikan Sari Wulandari meresmikan sekolah baru pada Senin (7/4/2025). "
        f'"Anak-anak kini tidak perlu berjalan jauh," kata Sari Wulandari. Komentar palsu {SCRIPT_PAYLOAD}.'
    )
    r = _post_form(client, text, origin="http://testserver")
    assert r.status_code == 200
    page = _main(r.text)
    assert 'class="q q-direct"' in page and 'data-speaker="Sari Wulandari"' in page
    assert 'href="/entity?name=Sari+Wulandari"' in page
    assert SCRIPT_PAYLOAD not in r.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert count() == before


def test_analyze_refuses_empty_and_oversized_text(client: TestClient, web_store: Store) -> None:
    r = _post_form(client, "   ")
    assert r.status_code == 422 and "text: empty" in r.text
    small = create_app(load_settings(max_form_chars=1000, api_token="", cors_origins=[]), store=web_store)
    with TestClient(small) as c:
        big = _post_form(c, "kata " * 300)
    assert big.status_code == 422 and "text: 1,500 characters, more than the limit of 1,000" in big.text


@pytest.mark.parametrize(
    "headers",
    [
        {},  # no token from the form: a post built elsewhere
        {"origin": "https://penyerang.test"},  # a page of another site posting here
        {"referer": "https://penyerang.test/jebakan.html"},
    ],
)
def test_analyze_form_refuses_cross_site_posts(client: TestClient, headers: dict[str, str]) -> None:
    if headers:
        form = client.get("/analyze")
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', form.text)
        assert token is not None
        r = client.post(
            "/analyze", data={"text": "Harga cabai naik.", "csrf": token.group(1)}, headers=headers
        )
    else:
        fresh = TestClient(client.app)
        r = fresh.post("/analyze", data={"text": "Harga cabai naik.", "csrf": "0" * 32})
    assert r.status_code == 403
    assert "sent from another site" in r.text and 'name="csrf"' in r.text  # the form again, to resend


def test_plotly_is_served_from_the_installed_package(client: TestClient) -> None:
    r = client.get("/static/vendor/plotly.min.js")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/javascript")
    bundled = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert r.content == bundled.read_bytes()


@pytest.mark.parametrize("name", ["warta.css", "warta.js", "charts.js", "favicon.svg"])
def test_own_static_files_are_served(client: TestClient, name: str) -> None:
    assert client.get(f"/static/{name}").status_code == 200


def test_no_copy_of_plotly_in_the_package() -> None:
    static = Path(__file__).resolve().parents[2] / "src" / "warta" / "web" / "static"
    assert not list(static.rglob("plotly*.js"))


def test_dashboard_errors_are_pages(client: TestClient) -> None:
    r = client.get("/search", params={"page": "banyak"})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("text/html")
    assert "<h1>Error 422</h1>" in r.text and "invalid_request" in r.text
    missing = client.get("/tidak-ada")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    api = client.get("/api/v1/tidak-ada")
    assert api.status_code == 404 and api.headers["content-type"].startswith("application/json")


def test_the_sources_page_escapes_what_the_collector_recorded(client: TestClient, web_store: Store) -> None:
    """An error message from a hostile host reaches the page as text, never as markup."""
    import sqlalchemy as sa

    from warta.storage import tables as t

    row = {
        "name": "kabar-uji",
        "kind": "rss",
        "url": "https://kabar.test/rss",
        "last_poll": "2025-03-03T08:00:00",
        "last_error": "HTTP 500 <script>alert(1)</script>",
        "polls": 3,
        "new_articles": 7,
        "errors": 1,
    }
    with web_store.transaction() as conn:
        conn.execute(sa.insert(t.watch_sources), [row])
    try:
        page = client.get("/sources")
    finally:
        with web_store.transaction() as conn:
            conn.execute(sa.delete(t.watch_sources).where(t.watch_sources.c.name == "kabar-uji"))
    assert page.status_code == 200
    body = _main(page.text)
    assert (
        "kabar-uji" in body
        and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
        and "<script>alert" not in body
    )
    assert client.get("/sources").text.count("kabar-uji") == 0
