"""The dashboard: server-rendered pages over the store.

Pages: ``/`` (latest articles, most-quoted speakers, rising names), ``/article/{id}``
(the text with entities, quotes, cues, speakers and dates highlighted, and the cleaning
report), ``/entity/{id}`` (roles, timeline chart, co-mention network, quotes by outlet),
``/search``, ``/quotes``, ``/analyze`` (analyse a pasted text without storing it), ``/review``
(reviewing quotes with the keyboard) and ``/review/accuracy`` (the pipeline's scores on the
reviewed quotes over time, as an inline SVG chart drawn here: :mod:`warta.web.svg`).

Safety: templates autoescape; article text reaches HTML only through
:mod:`warta.web.highlight`, which escapes every piece. Every page is sent with a
Content-Security-Policy that allows scripts from this server only (no inline script),
so a payload that slipped through could not run anyway. Plotly's JavaScript is served
from the installed ``plotly`` package (:func:`plotly_js`), never from a CDN.
"""

from __future__ import annotations

import hmac
import secrets
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import plotly
from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from warta.article import Article, from_json
from warta.config import Settings, as_of_day
from warta.errors import WartaError
from warta.lang.id import readable_time
from warta.storage import Store, queries
from warta.storage.errors import StorageError
from warta.storage.queries import resolve_entity

from . import views
from .analysis import AnalysisPool
from .api import run_analysis
from .deps import get_analysis, get_settings, get_store
from .errors import ApiError
from .highlight import render_paragraphs, speaker_name
from .svg import line_chart

__all__ = ["CSP", "TEMPLATES_DIR", "render_error", "router", "templates"]

router = APIRouter(include_in_schema=False)

TEMPLATES_DIR = Path(__file__).parent / "templates"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

# Scripts only from this server (no inline script, no eval); Plotly writes inline styles.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

KIND_LABELS = {"direct": "direct", "indirect": "indirect", "mixed": "mixed", "partial": "partial"}
LABEL_NAMES = {"PER": "person", "ORG": "organisation", "LOC": "place", "EVT": "event", "MISC": "other"}

# autoescape=True for every template, whatever its name: nothing is written unescaped
# unless it is Markup built by our own code.
templates = Jinja2Templates(
    env=Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=StrictUndefined)
)

templates.env.globals["label_names"] = LABEL_NAMES
templates.env.filters["readable_time"] = readable_time

StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
AnalysisDep = Annotated[AnalysisPool, Depends(get_analysis)]


def _page(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers.update(_HEADERS)
    return response


def _not_found(request: Request, what: str) -> HTMLResponse:
    return _page(request, "notfound.html", {"title": "Not found", "what": what}, status_code=404)


# SQLite integers are 64-bit: a larger id names nothing (and would overflow the query).
_MAX_ID = 2**63 - 1


def _page_number(page: int) -> int:
    """Pages 1 to 200 (past that, narrow the filters): out-of-range numbers are clamped, not refused."""
    return min(max(page, 1), 200)


def _day(value: str | None, field: str, errors: list[str]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        errors.append(f"{field}: {value!r} is not a date (YYYY-MM-DD)")
        return None


# -- static -------------------------------------------------------------------------------


@router.get("/static/vendor/plotly.min.js")
def plotly_js() -> FileResponse:
    """Plotly's bundle, streamed from the installed plotly package (nothing is fetched from a CDN)."""
    return FileResponse(
        PLOTLY_JS,
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"},
    )


# -- home ---------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    stats = queries.corpus_stats(store)
    week_end = as_of_day(settings)
    return _page(
        request,
        "home.html",
        {
            "title": "warta",
            "stats": stats,
            "latest": queries.latest_articles(store, limit=15),
            "speakers": queries.top_speakers(store, days=7, limit=10, end=week_end),
            "rising": queries.rising_entities(store, days=7, limit=10, end=week_end),
            "week_end": week_end.isoformat(),
            "as_of": bool(settings.as_of),
            "newest": queries.latest_day(store),
        },
    )


# -- sources ------------------------------------------------------------------------------


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, store: StoreDep) -> HTMLResponse:
    """The news collector's health: each source's last poll, success and error, its new
    articles and its URLs by state; requests and errors per host."""
    return _page(request, "sources.html", {"title": "Sources", "status": queries.watch_status(store)})


# -- article ------------------------------------------------------------------------------


def _article_context(
    article: Article,
    *,
    entity_links: dict[int, str],
    day: str | None,
    speaker_links: dict[int, str] | None = None,
    corpus: dict[int, queries.EntityLink] | None = None,
) -> dict[str, Any]:
    """What the article template shows, for a stored or a freshly analysed article.

    ``speaker_links``: quote index -> the page of its speaker as the store resolved it;
    ``corpus``: entity index -> its corpus entity as corrected (id and label; stored articles).
    """
    speaker_links = speaker_links or {}
    corpus = corpus or {}
    paragraphs = render_paragraphs(article, entity_links=entity_links, speaker_links=speaker_links)
    quotes = []
    for i, q in enumerate(article.quotes):
        sp = q.speaker
        ent = sp.entity if sp is not None else None
        quotes.append(
            {
                "i": i,
                "q": q,
                "speaker": speaker_name(article, i) or "unknown speaker",
                "href": speaker_links.get(i) or (entity_links.get(ent) if ent is not None else None),
                "date": readable_time(q.date) if q.date else day,
            }
        )
    counts = Counter(m.entity for m in article.mentions if m.entity is not None)
    ranked = sorted(
        enumerate(article.entities), key=lambda ie: (-counts.get(ie[0], len(ie[1].mentions)), ie[1].name)
    )
    entities = [
        {
            "i": i,
            "e": e,
            "n": counts.get(i, len(e.mentions)),
            "href": entity_links.get(i),
            "roles": list(dict.fromkeys(r.text for r in e.roles)),
            # The corpus entity as reviewers corrected it (its type may differ from the machine's).
            "eid": corpus[i].entity_id if i in corpus else None,
            "label": corpus[i].label if i in corpus else e.label,
        }
        for i, e in ranked
    ]
    summary = [
        article.text[article.sentences[i].start : article.sentences[i].end]
        for i in article.summary
        if 0 <= i < len(article.sentences)
    ]
    timeline = [
        {"value": readable_time(e.value), "text": article.text[e.start : e.end]} for e in article.timeline
    ]
    return {
        "article": article,
        "paragraphs": paragraphs,
        "quotes": quotes,
        "entities": entities,
        "summary": summary,
        "timeline": timeline,
        "kinds": Counter(q.kind for q in article.quotes),
        "labels": Counter(m.label for m in article.mentions),
    }


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: int, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    """A stored article; with a write token configured, its entities carry the reviewers'
    controls (static/entities.js: type, merge, split and undo through the API)."""
    if not 0 < article_id <= _MAX_ID:
        return _not_found(request, f"article {article_id}")
    article = store.get_article(article_id)
    links = queries.article_links(store, article_id)
    if article is None or links is None:
        return _not_found(request, f"article {article_id}")
    entity_links = {x.idx: f"/entity/{x.entity_id}" for x in links.entities}
    row = queries.article_item(store, article_id)
    day = row.day if row else None
    speaker_links = {i: f"/entity/{eid}" for i, eid in links.quote_speakers.items()}
    ctx = _article_context(
        article,
        entity_links=entity_links,
        day=day,
        speaker_links=speaker_links,
        corpus={x.idx: x for x in links.entities},
    )
    return _page(
        request,
        "article.html",
        {
            "title": article.title or f"Article {article_id}",
            "row": row,
            "stored": True,
            "article_id": article_id,
            # Without a token the API refuses every write: the controls are not shown.
            "writable": bool(settings.api_token),
            **ctx,
        },
    )


# -- entity -------------------------------------------------------------------------------


@router.get("/entity", response_class=HTMLResponse, response_model=None)
def entity_by_name(request: Request, store: StoreDep, name: str = "") -> Response:
    """A name (from an analysed text, or a co-mention) -> the page of the entity it most likely means."""
    if name.strip():
        with store.connect() as conn:
            found = resolve_entity(conn, name)
        if found:
            return RedirectResponse(f"/entity/{found[0][0]}", status_code=303)
    return _not_found(request, f"an entity called {name!r}" if name.strip() else "an entity without a name")


def _charts(page: views.EntityPage) -> dict[str, Any]:
    """The data the two charts draw (read by static/charts.js from a JSON block)."""
    net = page.network
    return {
        "timeline": {
            "days": [d for d, _n in page.articles_by_day],
            "articles": [n for _d, n in page.articles_by_day],
            "quote_days": [d for d, _n in page.quotes_by_day],
            "quotes": [n for _d, n in page.quotes_by_day],
        },
        "network": {
            "nodes": [
                {
                    "id": n.id,
                    "name": n.name,
                    "label": n.label,
                    "articles": n.articles,
                    "href": f"/entity/{n.id}",
                }
                for n in net.nodes
            ],
            "edges": [list(e) for e in net.edges],
        },
    }


@router.get("/entity/{entity_id}", response_class=HTMLResponse, response_model=None)
def entity_page(request: Request, entity_id: int, store: StoreDep, verified: bool = False) -> Response:
    """An entity's page; a merged entity's (entity corrections) sends the reader to its target's."""
    target = queries.merged_into(store, entity_id) if 0 < entity_id <= _MAX_ID else None
    if target is not None:
        return RedirectResponse(f"/entity/{target}" + ("?verified=true" if verified else ""), status_code=307)
    page = views.entity_page(store, entity_id, verified=verified) if 0 < entity_id <= _MAX_ID else None
    if page is None:
        return _not_found(request, f"entity {entity_id}")
    return _page(
        request,
        "entity.html",
        {
            "title": page.profile.name,
            "page": page,
            "charts": _charts(page),
            "verified": verified,
        },
    )


# -- search and quotes --------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: StoreDep,
    q: str = "",
    outlet: str = "",
    entity: str = "",
    speaker: str = "",
    date_from: Annotated[str, Query(alias="from")] = "",
    date_to: Annotated[str, Query(alias="to")] = "",
    page: int = 1,
) -> HTMLResponse:
    errors: list[str] = []
    page = _page_number(page)
    d0, d1 = _day(date_from, "from", errors), _day(date_to, "to", errors)
    size = 20
    result = None
    asked = any(x.strip() for x in (q, outlet, entity, speaker, date_from, date_to))
    if asked and not errors:
        try:
            result = queries.list_articles(
                store,
                q=q or None,
                outlet=outlet or None,
                entity=entity or None,
                speaker=speaker or None,
                date_from=d0,
                date_to=d1,
                limit=size,
                offset=(page - 1) * size,
            )
        except StorageError as exc:
            errors.append(str(exc))
    params = {
        "q": q,
        "outlet": outlet,
        "entity": entity,
        "speaker": speaker,
        "from": date_from,
        "to": date_to,
    }
    base = "/search?" + urlencode({k: v for k, v in params.items() if v})
    return _page(
        request,
        "search.html",
        {
            "title": "Search",
            "result": result,
            "errors": errors,
            "form": params,
            "page": page,
            "size": size,
            "base": base,
            "outlets": [o for o, _n in queries.list_outlets(store)],
            "asked": asked,
        },
    )


REVIEW_PAGE = 50
# The accuracy page draws the newest runs (a chart of more would be unreadable).
ACCURACY_RUNS = 200


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    """Quotes to review with the keyboard (static/review.js): those below the review
    threshold that nobody reviewed yet first, then the others not yet reviewed, newest first.
    Each action is a correction through the API, with the write token."""
    low = queries.quote_page(
        store, needs_review=True, verified=False, review_below=settings.review_below, limit=REVIEW_PAGE
    )
    items = list(low.items)
    if len(items) < REVIEW_PAGE:
        rest = queries.quote_page(
            store,
            needs_review=False,
            verified=False,
            review_below=settings.review_below,
            limit=REVIEW_PAGE - len(items),
        )
        items += rest.items
    return _page(request, "review.html", {"title": "Review quotes", "items": items, "pending": low.total})


@router.get("/review/accuracy", response_class=HTMLResponse)
def review_accuracy_page(request: Request, store: StoreDep) -> HTMLResponse:
    """The pipeline's scores on the reviewed quotes, run after run (``warta eval quotes --db
    ... --reviewed`` records them): a line chart (inline SVG) and the table."""
    page = queries.review_accuracy(store, limit=ACCURACY_RUNS)
    runs = page.items
    chart = line_chart(
        [
            ("span F1", [r.span_f1 for r in runs]),
            ("speaker acc.", [r.speaker_accuracy for r in runs]),
            ("joint F1", [r.joint_f1 for r in runs]),
        ],
        labels=[r.created_at.replace("T", " ")[:16] for r in runs],
        title="Accuracy on the reviewed quotes, run after run",
    )
    return _page(
        request,
        "review_accuracy.html",
        {
            "title": "Accuracy on the reviewed quotes",
            "runs": list(reversed(runs)),
            "total": page.total,
            "chart": chart,
        },
    )


# The quotes page's review filter: what a reviewer confirmed or corrected, or the attributions
# below the review threshold (not yet reviewed or not).
REVIEW_FILTERS = {"verified": "verified by a reviewer", "needs-review": "needs review"}


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    speaker: str = "",
    about: str = "",
    outlet: str = "",
    kind: str = "",
    date_from: Annotated[str, Query(alias="from")] = "",
    date_to: Annotated[str, Query(alias="to")] = "",
    review: str = "",
    page: int = 1,
) -> HTMLResponse:
    errors: list[str] = []
    page = _page_number(page)
    d0, d1 = _day(date_from, "from", errors), _day(date_to, "to", errors)
    if kind and kind not in KIND_LABELS:
        errors.append(f"kind: {kind!r} is not one of {', '.join(KIND_LABELS)}")
    if review and review not in REVIEW_FILTERS:
        errors.append(f"review: {review!r} is not one of {', '.join(REVIEW_FILTERS)}")
    size = 25
    result = None
    if not errors:
        result = queries.quote_page(
            store,
            speaker=speaker or None,
            about=about or None,
            outlet=outlet or None,
            kind=kind or None,  # type: ignore[arg-type]  # checked against KIND_LABELS above
            date_from=d0,
            date_to=d1,
            limit=size,
            offset=(page - 1) * size,
            verified=True if review == "verified" else None,
            needs_review=True if review == "needs-review" else None,
            review_below=settings.review_below,
        )
    params = {
        "speaker": speaker,
        "about": about,
        "outlet": outlet,
        "kind": kind,
        "from": date_from,
        "to": date_to,
        "review": review,
    }
    base = "/quotes?" + urlencode({k: v for k, v in params.items() if v})
    return _page(
        request,
        "quotes.html",
        {
            "title": "Quotes",
            "result": result,
            "errors": errors,
            "form": params,
            "page": page,
            "size": size,
            "base": base,
            "kinds": list(KIND_LABELS),
            "reviews": REVIEW_FILTERS,
            "outlets": [o for o, _n in queries.list_outlets(store)],
        },
    )


# -- analyse a text -----------------------------------------------------------------------


# The "analyse your text" form is protected against cross-site posts twice: the browser's
# Origin (or Referer) must be this server, and the form must echo the token set in a
# SameSite=Strict cookie when the form was shown (a double-submit token).
_CSRF_COOKIE = "warta_csrf"


def _csrf_token(request: Request) -> str:
    token = request.cookies.get(_CSRF_COOKIE, "")
    return token if len(token) == 32 and token.isalnum() else secrets.token_hex(16)


def _with_csrf(response: HTMLResponse, token: str) -> HTMLResponse:
    response.set_cookie(_CSRF_COOKIE, token, httponly=True, samesite="strict", path="/analyze")
    # The form's post then carries this server's Origin (under no-referrer it would be "null").
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def _same_origin(request: Request) -> bool:
    """The post does not come from another site's page (by Origin, else Referer).

    An absent or "null" Origin (what browsers send under a no-referrer policy) tells nothing
    either way: the form token decides.
    """
    sent = request.headers.get("origin")
    if not sent or sent == "null":
        sent = request.headers.get("referer")
    if not sent or sent == "null":
        return True
    parts = urlsplit(sent)
    return parts.scheme in ("http", "https") and parts.netloc == request.headers.get(
        "host", request.url.netloc
    )


def _form_context(settings: Settings, **extra: Any) -> dict[str, Any]:
    return {
        "title": "Analyse a text",
        "text": "",
        "errors": [],
        "result": None,
        "max_chars": settings.max_form_chars,
        **extra,
    }


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request, settings: SettingsDep) -> HTMLResponse:
    token = _csrf_token(request)
    return _with_csrf(_page(request, "analyze.html", _form_context(settings, csrf=token)), token)


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_text(
    request: Request,
    settings: SettingsDep,
    analysis: AnalysisDep,
    text: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Analyse the posted text and show it like an article page; nothing is stored."""
    cookie = request.cookies.get(_CSRF_COOKIE, "")
    if not _same_origin(request) or not cookie or not hmac.compare_digest(cookie, csrf):
        token = _csrf_token(request)
        ctx = _form_context(
            settings,
            text=text,
            csrf=token,
            errors=[
                "the form has expired or was sent from another site; it is shown again, send it once more"
            ],
        )
        return _with_csrf(_page(request, "analyze.html", ctx, status_code=403), token)
    errors: list[str] = []
    limit = settings.max_form_chars
    if not text.strip():
        errors.append("text: empty; paste an article (a headline line first, then the body)")
    elif len(text) > limit:
        errors.append(f"text: {len(text):,} characters, more than the limit of {limit:,}")
    ctx = _form_context(settings, text=text, csrf=cookie)
    if not errors:
        try:
            data = await run_analysis(request, lambda gone: analysis.analyse({"text": text}, is_gone=gone))
        except ApiError as exc:
            if exc.error == "busy":
                raise
            errors.append(exc.message)
        except WartaError as exc:
            errors.append(str(exc))
        else:
            article = await run_in_threadpool(from_json, data)
            links = {i: "/entity?" + urlencode({"name": e.name}) for i, e in enumerate(article.entities)}
            day = article.published.value.date().isoformat() if article.published.value else None
            ctx["result"] = await run_in_threadpool(_article_context, article, entity_links=links, day=day)
            ctx["day"] = day
    ctx["errors"] = errors
    status = 422 if errors else 200
    return await run_in_threadpool(_page, request, "analyze.html", ctx, status_code=status)


def render_error(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    """An error as a dashboard page (errors on paths outside /api/ are pages, not JSON)."""
    ctx = {"title": f"Error {status}", "status": status, "code": code, "message": message}
    response = _page(request, "error.html", ctx, status_code=status)
    if status == 503 and code == "busy":
        response.headers["Retry-After"] = "5"
    return response
