"""Settings: shipped defaults, overlaid by a user TOML file, overridden by environment.

Nothing is read at import time: call :func:`load_settings` (or build ``Settings``
directly) and pass the object on.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from warta.errors import InputError

__all__ = ["Settings", "load_settings"]


class Settings(BaseSettings):
    """All of warta's settings. Environment variables are ``WARTA_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="WARTA_", extra="forbid")

    max_input_bytes: int = Field(default=20_000_000, gt=0)
    pipeline: list[str] = Field(default_factory=lambda: ["warta.clean.v1", "warta.segment.v1"])
    text_fields: list[str] = Field(default_factory=lambda: ["text"])
    title_fields: list[str] = Field(default_factory=lambda: ["title"])
    id_fields: list[str] = Field(default_factory=lambda: ["id"])
    url_fields: list[str] = Field(default_factory=lambda: ["url"])
    date_fields: list[str] = Field(default_factory=lambda: ["date"])
    outlet_fields: list[str] = Field(default_factory=lambda: ["source"])
    author_fields: list[str] = Field(default_factory=lambda: ["author"])
    suffixes: list[str] = Field(default_factory=lambda: [".txt", ".html", ".htm", ".jsonl", ".csv"])


def _defaults() -> dict[str, Any]:
    text = resources.files("warta").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Shipped defaults, then the user file at ``path`` (partial is fine), then ``overrides``.

    Environment variables (``WARTA_MAX_INPUT_BYTES=...``) win over both files.
    """
    values = _defaults()
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
    import os

    for key in list(values):
        if f"{env}{key.upper()}" in os.environ:
            values.pop(key)
    return Settings(**values)
