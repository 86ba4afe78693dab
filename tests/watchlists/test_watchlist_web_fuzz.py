"""Property-based tests of the watchlist API (schemathesis, as tests/web/test_schemathesis.py
does for the rest): generated requests, with the write token, never get a 5xx answer."""

from __future__ import annotations

import pytest
import schemathesis
from alerthelpers import SARI, store_articles
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error

from warta.config import load_settings
from warta.storage import Store
from warta.storage.watchlists import add_watchlist, make_spec
from warta.web.app import create_app

TOKEN = "token-uji-rahasia"


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])
def test_no_server_errors(store: Store, mode: schemathesis.GenerationMode) -> None:
    store_articles(store, "pelabuhan", "kapal")
    add_watchlist(store, make_spec("sari", "speaker", SARI))
    app = create_app(load_settings(db=store.name, api_token=TOKEN, cors_origins=[]), store=store)
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    operations = [r.ok() for r in schema.get_all_operations()]
    operations = [op for op in operations if op.path.startswith("/api/v1/watchlists")]
    assert len(operations) == 5  # list, create, change, remove, matches
    failures: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=15,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=[not_a_server_error])

        try:
            run()
        except Unsatisfiable:
            continue
        except Exception as exc:  # one failing operation must not hide the others
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    assert not failures, "\n\n".join(failures)
