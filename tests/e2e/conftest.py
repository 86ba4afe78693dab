"""End-to-end fixtures: the web tests' corpus served by uvicorn, and headless Chromium.

The corpus and the app are the web tests' own fixtures (tests/web/conftest.py), loaded
here by file path so that both folders test the same data. The server runs in a
background thread on a free localhost port; the browser is Debian's chromium driven by
Playwright. Without either, every test here is skipped with the reason.
"""

from __future__ import annotations

import importlib.util
import shutil
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


_WEB_TESTS = Path(__file__).resolve().parents[1] / "web"
# The web tests' helpers (webhelpers) are imported by name, here and by their conftest.
if str(_WEB_TESTS) not in sys.path:
    sys.path.insert(0, str(_WEB_TESTS))


def _web_fixtures() -> Any:
    path = _WEB_TESTS / "conftest.py"
    spec = importlib.util.spec_from_file_location("warta_web_fixture_corpus", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_web = _web_fixtures()
# The same fixtures as the web tests (pytest finds fixtures by their name in a conftest).
web_db = _web.web_db
web_store = _web.web_store
web_settings = _web.web_settings
web_app = _web.web_app
web_ids = _web.web_ids


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip every end-to-end test, with the reason, when the browser or its driver is missing."""
    reason = None
    if importlib.util.find_spec("playwright") is None:
        reason = "Playwright's Python package is not installed (pip install -e '.[test]')"
    elif not CHROMIUM.exists() and shutil.which("chromium") is None:
        reason = f"no Chromium at {CHROMIUM} (Debian: apt-get install -y chromium)"
    if reason is None:
        return
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def server(web_app: Any) -> Iterator[str]:
    """The app served by uvicorn in a background thread; yields its base URL."""
    yield from serve(web_app)


@pytest.fixture(scope="session")
def serve_app() -> Callable[[Any], Iterator[str]]:
    """:func:`serve`, for tests that serve an app of their own (a fixture, because a test
    module's ``from conftest import`` gets whichever conftest pytest imported last when
    several test folders run together)."""
    return serve


def serve(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a background thread; yields its base URL, then stops it."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page (1280×900); console errors are collected in ``page.errors``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    yield pg
    context.close()
