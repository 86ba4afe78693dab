from __future__ import annotations

import json
import subprocess
import sys

import warta
from warta import Article, analyze, article_json_schema, from_json, to_json


def test_all_is_exactly_the_public_surface() -> None:
    public = {n for n in dir(warta) if not n.startswith("_")} - {"annotations"}
    modules = {n for n in public if type(getattr(warta, n)).__name__ == "module"}
    assert set(warta.__all__) - {"__version__"} == public - modules


def test_import_is_cheap() -> None:
    code = (
        "import sys, warta; "
        "heavy = [m for m in ('ftfy', 'trafilatura', 'warta.stages.clean.step', 'warta.stages.segment.step', "
        "'lxml', 'charset_normalizer') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_analyze_and_json_round_trip(contoh_text: str) -> None:
    a = analyze(contoh_text)
    assert a.title and a.text and a.sentences
    back = from_json(to_json(a))
    assert back == a
    assert isinstance(back, Article)


def test_spans_point_into_text(contoh_text: str) -> None:
    a = analyze(contoh_text)
    for s in a.sentences:
        assert a.text[s.start : s.end].strip() == a.text[s.start : s.end]
        for t in s.tokens:
            assert a.text[t.start : t.end] == t.text
    for p in a.paragraphs:
        assert a.text[p.start : p.end]


def test_schema_is_json_schema() -> None:
    schema = article_json_schema()
    json.dumps(schema)
    assert "Article" in json.dumps(schema)
