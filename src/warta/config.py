"""Settings: shipped defaults, overlaid by a user TOML file, overridden by environment.

The defaults are written once, in the shipped ``defaults.toml``. Nothing is read at
import time: call :func:`load_settings` (or build ``Settings`` directly) and pass the
object on.
"""

from __future__ import annotations

import os
import tomllib
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from warta.errors import InputError

__all__ = ["Settings", "as_of_day", "load_settings", "pipeline_specs"]


@cache
def _defaults() -> dict[str, Any]:
    """The shipped ``defaults.toml`` (read once, on first use)."""
    text = resources.files("warta").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _default(key: str) -> Any:
    value = _defaults()[key]
    return list(value) if isinstance(value, list) else value


class Settings(BaseSettings):
    """All of warta's settings. Environment variables are ``WARTA_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="WARTA_", extra="forbid")

    max_input_bytes: int = Field(default_factory=lambda: _default("max_input_bytes"), gt=0)
    pipeline: list[str] = Field(default_factory=lambda: _default("pipeline"))
    # Options of the pipeline's steps, by registry key: {"warta.ner.v1": {"model": "news"}}.
    steps: dict[str, dict[str, Any]] = Field(default_factory=lambda: dict(_default("steps")))
    text_fields: list[str] = Field(default_factory=lambda: _default("text_fields"))
    title_fields: list[str] = Field(default_factory=lambda: _default("title_fields"))
    id_fields: list[str] = Field(default_factory=lambda: _default("id_fields"))
    url_fields: list[str] = Field(default_factory=lambda: _default("url_fields"))
    date_fields: list[str] = Field(default_factory=lambda: _default("date_fields"))
    outlet_fields: list[str] = Field(default_factory=lambda: _default("outlet_fields"))
    author_fields: list[str] = Field(default_factory=lambda: _default("author_fields"))
    suffixes: list[str] = Field(default_factory=lambda: _default("suffixes"))
    db: str = Field(default_factory=lambda: _default("db"))
    api_token: str = Field(default_factory=lambda: _default("api_token"))
    cors_origins: list[str] = Field(default_factory=lambda: _default("cors_origins"))
    max_request_bytes: int = Field(default_factory=lambda: _default("max_request_bytes"), gt=0)
    analyze_workers: int = Field(default_factory=lambda: _default("analyze_workers"), ge=1)
    analyze_queue: int = Field(default_factory=lambda: _default("analyze_queue"), ge=0)
    analyze_requires_token: bool = Field(default_factory=lambda: _default("analyze_requires_token"))
    max_analyze_chars: int = Field(default_factory=lambda: _default("max_analyze_chars"), gt=0)
    max_form_chars: int = Field(default_factory=lambda: _default("max_form_chars"), gt=0)
    review_below: float = Field(default_factory=lambda: _default("review_below"), ge=0, le=1)
    as_of: str = Field(default_factory=lambda: _default("as_of"), pattern=r"^(\d{4}-\d{2}-\d{2})?$")
    article_seconds: float = Field(default_factory=lambda: _default("article_seconds"), ge=0)
    article_memory_mb: float = Field(default_factory=lambda: _default("article_memory_mb"), ge=0)
    # Watchlists and their alerts (warta.watchlists); secrets come best from the environment
    # (WARTA_ALERT_WEBHOOK_SECRET, WARTA_ALERT_SMTP_PASSWORD).
    watch_max_items: int = Field(default_factory=lambda: _default("watch_max_items"), ge=1)
    alert_base_url: str = Field(default_factory=lambda: _default("alert_base_url"))
    alert_max_attempts: int = Field(default_factory=lambda: _default("alert_max_attempts"), ge=1)
    alert_claim_timeout: float = Field(default_factory=lambda: _default("alert_claim_timeout"), gt=0)
    alert_digest_dir: str = Field(default_factory=lambda: _default("alert_digest_dir"))
    alert_webhook_url: str = Field(default_factory=lambda: _default("alert_webhook_url"))
    alert_webhook_secret: str = Field(default_factory=lambda: _default("alert_webhook_secret"))
    alert_webhook_retries: int = Field(default_factory=lambda: _default("alert_webhook_retries"), ge=0, le=10)
    alert_webhook_backoff: float = Field(default_factory=lambda: _default("alert_webhook_backoff"), ge=0)
    alert_webhook_timeout: float = Field(default_factory=lambda: _default("alert_webhook_timeout"), gt=0)
    alert_smtp_host: str = Field(default_factory=lambda: _default("alert_smtp_host"))
    alert_smtp_port: int = Field(default_factory=lambda: _default("alert_smtp_port"), ge=1, le=65535)
    alert_smtp_security: Literal["starttls", "ssl", "none"] = Field(
        default_factory=lambda: _default("alert_smtp_security")
    )
    alert_smtp_username: str = Field(default_factory=lambda: _default("alert_smtp_username"))
    alert_smtp_password: str = Field(default_factory=lambda: _default("alert_smtp_password"))
    alert_smtp_timeout: float = Field(default_factory=lambda: _default("alert_smtp_timeout"), gt=0)
    alert_mail_from: str = Field(default_factory=lambda: _default("alert_mail_from"))
    alert_mail_to: list[str] = Field(default_factory=lambda: _default("alert_mail_to"))
    # warta watch: how the news collector fetches (see defaults.toml).
    watch_user_agent: str = Field(default_factory=lambda: _default("watch_user_agent"), min_length=1)
    watch_timeout: float = Field(default_factory=lambda: _default("watch_timeout"), gt=0)
    watch_max_bytes: int = Field(default_factory=lambda: _default("watch_max_bytes"), gt=0)
    watch_max_redirects: int = Field(default_factory=lambda: _default("watch_max_redirects"), ge=0)
    watch_retries: int = Field(default_factory=lambda: _default("watch_retries"), ge=0)
    watch_backoff: float = Field(default_factory=lambda: _default("watch_backoff"), ge=0)
    watch_host_delay: float = Field(default_factory=lambda: _default("watch_host_delay"), ge=0)
    watch_host_concurrency: int = Field(default_factory=lambda: _default("watch_host_concurrency"), ge=1)
    watch_concurrency: int = Field(default_factory=lambda: _default("watch_concurrency"), ge=1)
    watch_max_attempts: int = Field(default_factory=lambda: _default("watch_max_attempts"), ge=1)
    watch_retry_after: float = Field(default_factory=lambda: _default("watch_retry_after"), ge=0)
    watch_max_crawl_delay: float = Field(default_factory=lambda: _default("watch_max_crawl_delay"), ge=0)


def as_of_day(settings: Settings) -> date:
    """The day "this week" ends on: ``settings.as_of`` (an archive), else today."""
    return date.fromisoformat(settings.as_of) if settings.as_of else date.today()


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Shipped defaults, then the user file at ``path`` (partial is fine), then ``overrides``.

    Environment variables (``WARTA_MAX_INPUT_BYTES=...``) win over both files.
    """
    values: dict[str, Any] = {}
    if path is not None:
        p = Path(path)
        try:
            values.update(tomllib.loads(p.read_text(encoding="utf-8")))
        except FileNotFoundError as exc:
            raise InputError("config file not found", source=str(p)) from exc
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"config file is not valid TOML: {exc}", source=str(p)) from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    # Environment beats files: drop file values that the environment sets.
    env = Settings.model_config.get("env_prefix", "WARTA_")
    for key in list(values):
        if f"{env}{key.upper()}" in os.environ:
            values.pop(key)
    return Settings(**values)


def pipeline_specs(settings: Settings) -> tuple[Any, ...]:
    """The pipeline of ``settings`` as step specs with their options (``[steps."KEY"]`` of the
    settings, and the settings a step reads: the quote step's ``review_below``)."""
    from warta.registry import step_spec

    out = []
    for key in settings.pipeline:
        spec = step_spec(key)
        options: dict[str, Any] = {}
        if spec.key == "warta.quotes.v1":
            options["review_below"] = settings.review_below
        options.update(settings.steps.get(key, {}))
        options.update(settings.steps.get(spec.key, {}) if spec.key != key else {})
        out.append(step_spec(spec, options))
    return tuple(out)
