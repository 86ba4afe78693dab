"""Structured logs of the collector: every record is an event with fields, written as
``key=value`` pairs (the default) or one JSON object per line (``warta watch --log-json``).

Example:
    >>> log_event(logger, logging.INFO, "fetched", url="https://a.test/1", status=200)  # doctest: +SKIP
    ... event=fetched url=https://a.test/1 status=200
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

__all__ = ["JsonFormatter", "KeyValueFormatter", "kv", "log_event"]


def _value(v: Any) -> str:
    text = str(v)
    if text == "" or any(c in text for c in ' "=\n\t'):
        return json.dumps(text, ensure_ascii=False)
    return text


def kv(event: str, fields: dict[str, Any]) -> str:
    """``event=NAME key=value ...``, quoting values with spaces, quotes or ``=``."""
    pairs = [f"event={_value(event)}"]
    pairs.extend(f"{k}={_value(v)}" for k, v in fields.items() if v is not None)
    return " ".join(pairs)


def log_event(logger: logging.Logger, level: int, event: str, **fields: Any) -> None:
    """Log ``event`` with ``fields`` (kept on the record for :class:`JsonFormatter`)."""
    if logger.isEnabledFor(level):
        logger.log(level, "%s", kv(event, fields), extra={"event": event, "fields": fields})


class KeyValueFormatter(logging.Formatter):
    """``time=... level=... logger=... event=... key=value ...``."""

    def format(self, record: logging.LogRecord) -> str:
        head = (
            f"time={datetime.fromtimestamp(record.created, UTC).strftime('%Y-%m-%dT%H:%M:%SZ')} "
            f"level={record.levelname.lower()} logger={record.name}"
        )
        if hasattr(record, "event"):
            return f"{head} {record.getMessage()}"
        return f"{head} msg={_value(record.getMessage())}"


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, event (or msg) and the fields."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        if hasattr(record, "event"):
            out["event"] = record.event
            out.update({k: v for k, v in getattr(record, "fields", {}).items() if v is not None})
        else:
            out["msg"] = record.getMessage()
        return json.dumps(out, ensure_ascii=False, default=str)
