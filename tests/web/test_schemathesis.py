"""Property-based API tests: schemathesis generates requests from the OpenAPI schema
(valid and invalid parameters and bodies) and sends them in-process to the app over the
fixture corpus. No request may get a 5xx answer.

schemathesis's pytest plugin (``@schema.parametrize``) does not run under this pytest
version, so the test walks the operations itself with schemathesis's Python API: each
operation's Hypothesis strategy, in both generation modes, a bounded number of examples.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error

EXAMPLES = 10


def _operations(app: FastAPI) -> list[schemathesis.APIOperation]:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_schema_covers_the_api(web_app: FastAPI) -> None:
    labels = {f"{op.method.upper()} {op.path}" for op in _operations(web_app)}
    assert {
        "GET /api/v1/articles",
        "GET /api/v1/articles/{article_id}",
        "POST /api/v1/analyze",
        "GET /api/v1/entities/{entity_id}",
        "GET /api/v1/quotes",
        "GET /api/v1/duplicates",
    } <= labels


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])
def test_no_server_errors(web_app: FastAPI, mode: schemathesis.GenerationMode) -> None:
    failures: list[str] = []
    for operation in _operations(web_app):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        try:
            run()
        except Unsatisfiable:  # nothing to send in this mode: no parameters, no body
            continue
        except Exception as exc:  # one failing operation must not hide the others
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    assert not failures, "\n\n".join(failures)
