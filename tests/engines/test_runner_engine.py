"""analyze_inputs on an engine: the same Articles and Rejects, in the same order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.article import Article, to_json
from warta.config import load_settings
from warta.engines import LocalEngine
from warta.io import Reject
from warta.runner import analyze_inputs


def _corpus(tmp_path: Path) -> Path:
    rows = [
        {"id": "b1", "text": "Harga beras naik di Pasar Minggu, kata pedagang."},
        {"id": "b2", "text": ""},
        {"id": "b3", "text": "Polisi menahan dua tersangka Senin (3/3/2025)."},
        {"id": "b4", "text": "   "},
    ]
    path = tmp_path / "berita.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{bukan json\n", encoding="utf-8")
    return path


def _key(item: Article | Reject) -> bytes | tuple[str, str]:
    return to_json(item) if isinstance(item, Article) else (item.source, item.code)


@pytest.mark.slow
def test_engine_keeps_rejects_in_place(tmp_path: Path) -> None:
    settings = load_settings(None)
    settings.pipeline = ["warta.clean.v1", "warta.segment.v1", "warta.dates.v1"]
    path = _corpus(tmp_path)
    plain = [_key(x) for x in analyze_inputs([path], settings=settings)]
    with LocalEngine(workers=2, chunksize=1) as engine:
        pooled = [_key(x) for x in analyze_inputs([path], settings=settings, engine=engine)]
    assert pooled == plain
    assert [type(k) for k in plain] == [bytes, tuple, bytes, tuple, tuple]
