"""Errors as the API gives them: ``{"error": {"code": "...", "message": "..."}}``.

- :class:`ApiError` is raised by endpoints with a status, a stable machine-readable
  ``code`` (snake case) and a message for people;
- :func:`install` registers the handlers: HTTP errors (404, 405 ...), request validation
  (422, with the failing fields in ``details``), warta's input errors (400/413) and store
  errors (400 for a query the store cannot run, 503 when it cannot be read);
- :class:`CatchAll` answers any other exception with a generic 500 and logs it: no stack
  trace or internal message ever reaches a client;
- :class:`BodyLimit` refuses request bodies over ``max_request_bytes`` with 413 before
  the app reads them.

Pages (paths outside ``/api/``) may render errors as HTML: the app passes its renderer to
:func:`install` (``pages=``), so this module never imports the pages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import msgspec
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from warta.errors import EmptyInputError, InputError, InputTooLargeError, StorageError, WartaError, WebError

__all__ = ["ApiError", "BodyLimit", "CatchAll", "ErrorBody", "ErrorInfo", "error_response", "install"]

logger = logging.getLogger("warta.web")

API_PREFIX = "/api/"


class ErrorInfo(msgspec.Struct, omit_defaults=True):
    """``code``: stable, machine-readable; ``message``: for people; ``details``: the
    fields that failed validation (422 only)."""

    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorBody(msgspec.Struct):
    error: ErrorInfo


class ApiError(WebError):
    """An error an endpoint answers with: HTTP ``status``, a machine-readable ``error`` (snake
    case, the ``code`` of the JSON body) and a ``message``. Its warta code is W401."""

    code = "W401"

    def __init__(
        self, status: int, error: str, message: str, *, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.headers = headers


# HTTP statuses raised by Starlette/FastAPI themselves, and their codes.
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "request_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


def error_response(
    status: int,
    code: str,
    message: str,
    *,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """The JSON error response."""
    body = msgspec.json.encode(ErrorBody(error=ErrorInfo(code=code, message=message, details=details)))
    return Response(body, status_code=status, media_type="application/json", headers=headers)


# Renders an error as an HTML page for paths outside the API (set by :func:`install`):
# (request, status, code, message) -> a response, or None for the JSON answer.
PageRenderer = Callable[[Request, int, str, str], Response | None]


def _render(request: Request, status: int, code: str, message: str, **kw: Any) -> Response:
    render: PageRenderer | None = getattr(request.app.state, "error_page", None)
    if render is not None and not request.url.path.startswith(API_PREFIX):
        try:
            page = render(request, status, code, message)
        except Exception:  # an error page must never fail the error path
            logger.exception("render_error failed for %s", request.url.path)
            page = None
        if page is not None:
            return page
    return error_response(status, code, message, **kw)


def _location(loc: Any) -> str:
    return ".".join(str(p) for p in loc) if isinstance(loc, list | tuple) else str(loc)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors():
        # Only the location, the message and the error type: never the input echoed back.
        out.append(
            {
                "loc": _location(err.get("loc", ())),
                "msg": str(err.get("msg", "")),
                "type": str(err.get("type", "")),
            }
        )
    return out


def install(app: FastAPI, *, pages: PageRenderer | None = None) -> None:
    """Register the error handlers on ``app``; ``pages`` renders errors on paths outside
    ``/api/`` as HTML pages (the web app passes its own)."""
    app.state.error_page = pages

    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return _render(request, exc.status, exc.error, exc.message, headers=exc.headers)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        status = exc.status_code
        code = _HTTP_CODES.get(status, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if status == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return _render(request, status, code, message, headers=dict(exc.headers or {}))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        details = _validation_details(exc)
        first = details[0] if details else {"loc": "request", "msg": "invalid"}
        message = f"invalid request: {first['loc']}: {first['msg']}"
        return _render(request, 422, "invalid_request", message, details=details)

    async def on_warta(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WartaError)
        if isinstance(exc, InputTooLargeError):
            return _render(request, 413, "input_too_large", exc.message)
        if isinstance(exc, EmptyInputError):
            return _render(request, 400, "empty_input", exc.message)
        if isinstance(exc, InputError):
            return _render(request, 400, "invalid_input", exc.message)
        logger.error("warta error on %s: %s", request.url.path, exc)
        return _render(request, 500, "internal_error", "internal server error")

    async def on_storage(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StorageError)
        logger.error("store error on %s: %s", request.url.path, exc)
        return _render(request, 503, "store_unavailable", "the corpus database cannot be read right now")

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StorageError, on_storage)
    app.add_exception_handler(WartaError, on_warta)


class CatchAll:
    """Any exception an endpoint did not handle becomes a logged, generic JSON 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception:
            logger.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:  # too late for a clean answer; the server closes the connection
                raise
            response = error_response(500, "internal_error", "internal server error")
            await response(scope, receive, send)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413, before the app sees them.

    A declared ``Content-Length`` over the limit is refused at once; otherwise the body is
    read (up to the limit) and handed to the app as one message.
    """

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        too_large = error_response(
            413, "request_too_large", f"the request body is over the limit of {self.limit:,} bytes"
        )
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await error_response(400, "bad_request", "invalid Content-Length header")(
                        scope, receive, send
                    )
                    return
                if declared > self.limit:
                    await too_large(scope, receive, send)
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
