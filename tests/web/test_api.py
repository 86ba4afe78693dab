"""The REST API over the fixture corpus (tests/web/conftest.py), read endpoints."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from fastapi import FastAPI
from webhelpers import IMG_PAYLOAD, SCRIPT_PAYLOAD

from warta.storage import queries

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

API = "/api/v1"


def _error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return dict(body["error"])


# -- service -----------------------------------------------------------------------------


def test_health_and_stats(client: TestClient) -> None:
    health = client.get(f"{API}/health").json()
    assert health["status"] == "ok" and health["articles"] == 6
    stats = client.get(f"{API}/stats").json()
    assert stats["articles"] == 6 and stats["outlets"] == 2
    assert (stats["first_day"], stats["last_day"]) == ("2025-03-03", "2025-03-22")
    assert stats["quotes"] > 0 and stats["entities"] > 0


def test_app_does_not_load_the_pipeline(web_app: FastAPI) -> None:
    from warta.web.app import create_app

    app = create_app(web_app.state.settings, store=web_app.state.store)
    assert app.state.analysis.loaded is False


def test_outlets(client: TestClient) -> None:
    assert client.get(f"{API}/outlets").json() == [
        {"outlet": "Kabar Uji", "articles": 3},
        {"outlet": "Warta Lain", "articles": 3},
    ]


def test_security_headers(client: TestClient) -> None:
    r = client.get(f"{API}/stats")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


# -- articles ----------------------------------------------------------------------------


def test_list_articles_newest_first_with_pages(client: TestClient) -> None:
    page = client.get(f"{API}/articles", params={"limit": 2}).json()
    assert page["total"] == 6 and page["limit"] == 2 and page["offset"] == 0
    days = [a["day"] for a in page["items"]]
    assert days == sorted(days, reverse=True) and days[0] == "2025-03-22"
    rest = client.get(f"{API}/articles", params={"limit": 100, "offset": 2}).json()
    assert len(rest["items"]) == 4
    ids = [a["id"] for a in page["items"] + rest["items"]]
    assert len(set(ids)) == 6


def test_list_filters(client: TestClient, web_ids: dict[str, int]) -> None:
    by_outlet = client.get(f"{API}/articles", params={"outlet": "warta lain"}).json()
    assert by_outlet["total"] == 3 and {a["outlet"] for a in by_outlet["items"]} == {"Warta Lain"}
    march = client.get(f"{API}/articles", params={"date_from": "2025-03-04", "date_to": "2025-03-20"}).json()
    assert {a["day"] for a in march["items"]} == {"2025-03-05", "2025-03-20"}
    spoken = client.get(f"{API}/articles", params={"speaker_id": web_ids["speaker"]}).json()
    assert spoken["total"] == 2 and web_ids["quoted_article"] in {a["id"] for a in spoken["items"]}
    assert all(a["quotes"] > 0 for a in spoken["items"])
    by_name = client.get(f"{API}/articles", params={"speaker": "Rina Kartika"}).json()
    assert {a["id"] for a in by_name["items"]} == {a["id"] for a in spoken["items"]}
    naming = client.get(f"{API}/articles", params={"entity": "Bank Indonesia"}).json()
    assert naming["total"] == 2
    unknown = client.get(f"{API}/articles", params={"entity": "Nama Yang Tidak Ada"}).json()
    assert unknown == {"total": 0, "limit": 20, "offset": 0, "items": []}


def test_search_ranks_and_marks(client: TestClient, web_ids: dict[str, int]) -> None:
    page = client.get(f"{API}/articles", params={"q": "harga beras"}).json()
    assert page["total"] >= 1
    top = page["items"][0]
    assert top["id"] == web_ids["quoted_article"] and top["score"] > 0
    for start, end in top["marks"]:
        assert top["snippet"][start:end].casefold() in {"harga", "beras"}
    # A stem matches its derived forms: "mudik" finds "pemudik".
    stems = client.get(f"{API}/articles", params={"q": "pemudik"}).json()
    assert {a["id"] for a in stems["items"]} == {web_ids["dupe_a"], web_ids["dupe_b"]}
    both = client.get(f"{API}/articles", params={"q": "posko", "outlet": "kabar"}).json()
    assert [a["id"] for a in both["items"]] == [web_ids["dupe_a"]]
    phrase = client.get(f"{API}/articles", params={"q": '"gula pasir"'}).json()
    assert phrase["total"] == 1


@pytest.mark.parametrize(
    "query", ['"', "AND OR NOT", "*", "-", "harga\x00beras", "(((", "NEAR(a b)", "é" * 50]
)
def test_odd_queries_are_not_errors(client: TestClient, query: str) -> None:
    r = client.get(f"{API}/articles", params={"q": query})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": 10_001}, "offset"),
        ({"date_from": "kemarin"}, "date_from"),
        ({"q": "x" * 501}, "q"),
    ],
)
def test_bad_parameters_are_422(client: TestClient, params: dict[str, Any], field: str) -> None:
    error = _error(client.get(f"{API}/articles", params=params), 422, "invalid_request")
    assert any(d["loc"].endswith(field) for d in error["details"])


def test_dates_out_of_order_are_422(client: TestClient) -> None:
    _error(
        client.get(f"{API}/articles", params={"date_from": "2025-03-10", "date_to": "2025-03-01"}),
        422,
        "invalid_request",
    )


def test_one_article(client: TestClient, web_ids: dict[str, int]) -> None:
    body = client.get(f"{API}/articles/{web_ids['quoted_article']}").json()
    assert body["id"] == web_ids["quoted_article"] and body["outlet"] == "Kabar Uji"
    assert body["day"] == "2025-03-03" and body["sources"] == ["kabar-uji.test/ekonomi/harga-beras"]
    article = body["article"]
    assert article["title"] == "Pemerintah Jaga Harga Beras Jelang Ramadan"
    assert any(q["speaker"]["name"] == "Rina Kartika" for q in article["quotes"] if q["speaker"])
    links = body["links"]
    names = {e["name"]: e["entity_id"] for e in links["entities"]}
    assert names["Rina Kartika"] == web_ids["speaker"]
    assert web_ids["speaker"] in links["quote_speakers"].values()
    # Every link points at the Article's entity of the same index.
    for link in links["entities"]:
        assert article["entities"][link["idx"]]["name"] == link["name"]


def test_missing_and_bad_article_ids(client: TestClient) -> None:
    _error(client.get(f"{API}/articles/999999"), 404, "article_not_found")
    _error(client.get(f"{API}/articles/abc"), 422, "invalid_request")
    _error(client.get(f"{API}/articles/0"), 422, "invalid_request")
    _error(client.get(f"{API}/articles/{2**70}"), 422, "invalid_request")


def test_unknown_path_and_method(client: TestClient) -> None:
    _error(client.get(f"{API}/tidak-ada"), 404, "not_found")
    _error(client.delete(f"{API}/articles/1"), 405, "method_not_allowed")


def test_hostile_article_comes_back_as_data(client: TestClient, web_ids: dict[str, int]) -> None:
    r = client.get(f"{API}/articles/{web_ids['hostile']}")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    body = r.json()
    assert SCRIPT_PAYLOAD in body["article"]["title"]
    assert IMG_PAYLOAD in body["article"]["raw"]
    listed = client.get(f"{API}/articles", params={"q": "situs palsu"}).json()
    assert listed["items"][0]["title"] == body["article"]["title"]


# -- entities ----------------------------------------------------------------------------


def test_entity_search(client: TestClient, web_ids: dict[str, int]) -> None:
    hits = client.get(f"{API}/entities", params={"q": "rina"}).json()
    assert hits["items"][0] == {
        "id": web_ids["speaker"],
        "name": "Rina Kartika",
        "label": "PER",
        "articles": 2,
    }
    # A later word of the name is found too, and a title in front does not matter.
    assert (
        client.get(f"{API}/entities", params={"q": "kartika"}).json()["items"][0]["id"] == web_ids["speaker"]
    )
    assert (
        client.get(f"{API}/entities", params={"q": "Menteri Rina Kartika"}).json()["items"][0]["id"]
        == web_ids["speaker"]
    )
    orgs = client.get(f"{API}/entities", params={"label": "ORG"}).json()
    assert orgs["total"] >= 1 and {e["label"] for e in orgs["items"]} == {"ORG"}
    everything = client.get(f"{API}/entities", params={"limit": 100}).json()
    counts = [e["articles"] for e in everything["items"]]
    assert counts == sorted(counts, reverse=True)
    assert client.get(f"{API}/entities", params={"q": "zzzz"}).json()["total"] == 0


def test_entity_profile(client: TestClient, web_ids: dict[str, int]) -> None:
    profile = client.get(f"{API}/entities/{web_ids['speaker']}").json()
    assert profile["name"] == "Rina Kartika" and profile["articles"] == 2
    assert [r["role"] for r in profile["roles"]] == ["Menteri Perdagangan"]
    assert (
        profile["roles"][0]["first_day"] == "2025-03-03" and profile["roles"][0]["last_day"] == "2025-03-05"
    )
    assert [d for d, _n in profile["by_day"]] == ["2025-03-03", "2025-03-05"]
    assert profile["by_outlet"][0][0] == "Kabar Uji"
    assert any(name == "Bank Indonesia" for name, _label, _n in profile["co_mentioned"])
    quotes = profile["latest_quotes"]
    assert quotes and all(q["speaker_id"] == web_ids["speaker"] for q in quotes)
    assert quotes[0]["day"] == "2025-03-05"  # newest first
    _error(client.get(f"{API}/entities/999999"), 404, "entity_not_found")


def test_entity_timeline(client: TestClient, web_ids: dict[str, int]) -> None:
    points = client.get(f"{API}/entities/{web_ids['speaker']}/timeline").json()
    assert [p["day"] for p in points] == ["2025-03-03", "2025-03-05"]
    assert all(p["articles"] == 1 and p["mentions"] >= 1 and p["quotes"] >= 1 for p in points)
    later = client.get(
        f"{API}/entities/{web_ids['speaker']}/timeline", params={"date_from": "2025-03-04"}
    ).json()
    assert [p["day"] for p in later] == ["2025-03-05"]
    _error(client.get(f"{API}/entities/999999/timeline"), 404, "entity_not_found")


def test_entity_network(client: TestClient, web_ids: dict[str, int]) -> None:
    net = client.get(f"{API}/entities/{web_ids['speaker']}/network").json()
    assert net["center"] == web_ids["speaker"] and net["nodes"][0]["id"] == web_ids["speaker"]
    ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids and e["weight"] >= 1 for e in net["edges"])
    bank = next(n["id"] for n in net["nodes"] if n["name"] == "Bank Indonesia")
    pair = sorted((web_ids["speaker"], bank))
    assert any([e["source"], e["target"]] == pair and e["weight"] == 2 for e in net["edges"])
    small = client.get(f"{API}/entities/{web_ids['speaker']}/network", params={"limit": 1}).json()
    assert len(small["nodes"]) == 2
    heavy = client.get(f"{API}/entities/{web_ids['speaker']}/network", params={"min_weight": 2}).json()
    assert all(e["weight"] >= 2 for e in heavy["edges"])


def test_corpus_network_and_rising(client: TestClient) -> None:
    net = client.get(f"{API}/entities/network").json()
    assert net["center"] is None and net["nodes"]
    rising = client.get(f"{API}/entities/rising", params={"days": 7}).json()
    # The latest week (03-16..03-22) against the one before (03-09..03-15, no articles).
    assert rising and all(r["recent"] > r["previous"] for r in rising)
    assert all(r["recent"] >= 2 for r in rising)
    ratios = [r["ratio"] for r in rising]
    assert ratios == sorted(ratios, reverse=True)


# -- quotes ------------------------------------------------------------------------------


def test_quotes_by_speaker(client: TestClient, web_ids: dict[str, int]) -> None:
    by_id = client.get(f"{API}/quotes", params={"speaker_id": web_ids["speaker"]}).json()
    assert by_id["total"] >= 3 and all(q["speaker"] == "Rina Kartika" for q in by_id["items"])
    days = [q["day"] for q in by_id["items"]]
    assert days == sorted(days, reverse=True)
    by_name = client.get(f"{API}/quotes", params={"speaker": "Rina Kartika"}).json()
    assert by_name["total"] == by_id["total"]
    own = client.get(f"{API}/entities/{web_ids['speaker']}/quotes", params={"limit": 1}).json()
    assert own["total"] == by_id["total"] and len(own["items"]) == 1


def test_quotes_about_an_entity_and_dates(client: TestClient, web_ids: dict[str, int]) -> None:
    about = client.get(f"{API}/quotes", params={"about": "Bank Indonesia"}).json()
    assert about["total"] >= 1 and all("Bank Indonesia" in q["text"] for q in about["items"])
    first_day = client.get(
        f"{API}/quotes", params={"speaker_id": web_ids["speaker"], "date_to": "2025-03-03"}
    ).json()
    assert first_day["total"] >= 1 and {q["day"] for q in first_day["items"]} == {"2025-03-03"}
    direct = client.get(f"{API}/quotes", params={"kind": "direct"}).json()
    assert direct["total"] >= 1 and {q["kind"] for q in direct["items"]} == {"direct"}
    other = client.get(f"{API}/quotes", params={"outlet": "warta lain"}).json()
    assert other["total"] >= 1 and {q["outlet"] for q in other["items"]} == {"Warta Lain"}
    assert client.get(f"{API}/quotes", params={"speaker": "Tidak Dikenal"}).json()["total"] == 0


def test_top_speakers_and_quotes_by_outlet(client: TestClient, web_ids: dict[str, int]) -> None:
    top = client.get(f"{API}/quotes/top-speakers").json()
    assert top[0]["entity_id"] == web_ids["speaker"] and top[0]["articles"] == 2
    recent = client.get(f"{API}/quotes/top-speakers", params={"days": 7}).json()
    assert web_ids["speaker"] not in {s["entity_id"] for s in recent}  # quoted in early March only
    outlets = client.get(f"{API}/quotes/by-outlet").json()
    assert {o["outlet"] for o in outlets} == {"Kabar Uji", "Warta Lain"}
    mine = client.get(f"{API}/quotes/by-outlet", params={"speaker_id": web_ids["speaker"]}).json()
    assert [o["outlet"] for o in mine] == ["Kabar Uji"]


# -- duplicates --------------------------------------------------------------------------


def test_duplicate_clusters(client: TestClient, web_ids: dict[str, int]) -> None:
    page = client.get(f"{API}/duplicates").json()
    assert page["total"] == 1
    cluster = page["items"][0]
    assert cluster["kind"] == "syndicated" and cluster["outlets"] == ["Kabar Uji", "Warta Lain"]
    assert [m["article_id"] for m in cluster["members"]] == [
        web_ids["dupe_a"],
        web_ids["dupe_b"],
    ]  # first seen first
    assert client.get(f"{API}/duplicates", params={"date_to": "2025-03-20"}).json()["total"] == 0
    quotes = client.get(f"{API}/duplicates", params={"what": "quotes"}).json()
    assert all(len(c["members"]) >= 2 for c in quotes["items"])
    assert client.get(f"{API}/duplicates", params={"what": "stories"}).status_code == 200
    _error(client.get(f"{API}/duplicates", params={"what": "semua"}), 422, "invalid_request")


# -- schema and failures -----------------------------------------------------------------


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(v) for v in node))
    return set()


def test_openapi_schema_is_complete(client: TestClient) -> None:
    schema = client.get(f"{API}/openapi.json").json()
    paths = schema["paths"]
    assert {
        "/api/v1/articles",
        "/api/v1/articles/{article_id}",
        "/api/v1/analyze",
        "/api/v1/entities/{entity_id}",
        "/api/v1/quotes",
        "/api/v1/duplicates",
    } <= set(paths)
    assert all(not p.startswith("/static") and p.startswith("/api/v1/") for p in paths)
    names = set(schema["components"]["schemas"])
    assert {"Article", "ArticlePage", "EntityProfile", "QuotePage", "ErrorBody"} <= names
    assert {ref.rsplit("/", 1)[1] for ref in _refs(schema)} <= names  # no dangling reference
    ok = paths["/api/v1/articles/{article_id}"]["get"]["responses"]
    assert ok["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/StoredArticle"
    }
    assert ok["404"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorBody"}
    assert client.get(f"{API}/docs").status_code == 200


def test_docs_load_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get(f"{API}/docs")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "<script>" not in page.text  # no inline script: the CSP would block it
    srcs = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert srcs and all(s.startswith("/") for s in srcs)  # no CDN
    for s in srcs:
        assert client.get(s).status_code == 200, s


@pytest.mark.parametrize("end", ["0001-01-01", "0001-01-05", "9999-12-31"])
def test_rising_at_the_ends_of_the_calendar(client: TestClient, end: str) -> None:
    r = client.get(f"{API}/entities/rising", params={"end": end, "days": 365})
    assert r.status_code == 200 and r.json() == []


def test_server_errors_are_generic(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_a: Any, **_k: Any) -> Any:
        raise RuntimeError("rahasia: /etc/kunci dan baris 42")

    monkeypatch.setattr(queries, "corpus_stats", broken)
    r = client.get(f"{API}/stats")
    _error(r, 500, "internal_error")
    assert "rahasia" not in r.text and "Traceback" not in r.text and "RuntimeError" not in r.text


def test_quotes_carry_confidence_and_filter_on_review(client: TestClient) -> None:
    everything = client.get(f"{API}/quotes", params={"limit": 100}).json()
    assert everything["items"] and all(0.0 <= q["confidence"] <= 1.0 for q in everything["items"])
    flagged = client.get(f"{API}/quotes", params={"needs_review": "true", "limit": 100}).json()
    sure = client.get(f"{API}/quotes", params={"needs_review": "false", "limit": 100}).json()
    assert flagged["total"] + sure["total"] == everything["total"]
    assert all(q["needs_review"] for q in flagged["items"]) and not any(
        q["needs_review"] for q in sure["items"]
    )


def test_the_cli_and_the_api_give_the_same_numbers(
    client: TestClient, web_db: str, web_ids: dict[str, int]
) -> None:
    import json

    from typer.testing import CliRunner

    from warta.cli import app

    runner = CliRunner()
    cli = json.loads(runner.invoke(app, ["entity", "Rina Kartika", "--db", web_db, "--json"]).stdout)
    api = client.get(f"{API}/entities/{web_ids['speaker']}").json()
    for key in (
        "id",
        "name",
        "articles",
        "mentions",
        "by_outlet",
        "by_day",
        "roles",
        "co_mentioned",
        "aliases",
    ):
        assert cli[key] == api[key], key
    hits = json.loads(
        runner.invoke(app, ["search", "beras", "--db", web_db, "--json", "--limit", "20"]).stdout
    )
    page = client.get(f"{API}/articles", params={"q": "beras", "limit": 20}).json()
    assert [h["article_id"] for h in hits] == [a["id"] for a in page["items"]] and hits
    for what in ("articles", "quotes", "stories"):
        clusters = json.loads(runner.invoke(app, ["dupes", "--what", what, "--db", web_db, "--json"]).stdout)
        listed = client.get(f"{API}/duplicates", params={"what": what}).json()
        assert clusters == listed["items"], what
    quotes = json.loads(
        runner.invoke(app, ["quotes", "--speaker", "Rina Kartika", "--db", web_db, "--json"]).stdout
    )
    api_quotes = client.get(f"{API}/quotes", params={"speaker_id": web_ids["speaker"], "limit": 50}).json()
    assert [q["text"] for q in quotes] == [q["text"] for q in api_quotes["items"]] and quotes
