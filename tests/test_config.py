from __future__ import annotations

from pathlib import Path

import pytest

from warta.config import Settings, load_settings
from warta.errors import InputError


def test_defaults_come_from_the_shipped_file() -> None:
    s = Settings()
    assert s.pipeline[0] == "warta.clean.v1"
    assert "text" in s.text_fields


def test_user_file_overlays_defaults(tmp_path: Path) -> None:
    cfg = tmp_path / "warta.toml"
    cfg.write_text("max_input_bytes = 1234\n", encoding="utf-8")
    s = load_settings(cfg)
    assert s.max_input_bytes == 1234
    assert s.pipeline == Settings().pipeline


def test_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "warta.toml"
    cfg.write_text("max_input_bytes = 1234\n", encoding="utf-8")
    monkeypatch.setenv("WARTA_MAX_INPUT_BYTES", "999")
    assert load_settings(cfg).max_input_bytes == 999


@pytest.mark.parametrize(("content", "message"), [(None, "not found"), ("x = = 1", "not valid TOML")])
def test_bad_config_file(tmp_path: Path, content: str | None, message: str) -> None:
    cfg = tmp_path / "warta.toml"
    if content is not None:
        cfg.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_settings(cfg)


def test_unknown_setting_rejected(tmp_path: Path) -> None:
    cfg = tmp_path / "warta.toml"
    cfg.write_text("colour = 'blue'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="colour"):
        load_settings(cfg)
