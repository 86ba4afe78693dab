from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from iohelpers import TEKS

from warta.article import Article, Source, from_json
from warta.errors import EmptyInputError
from warta.io import Reject, RejectSink, write_jsonl, write_rejects

ARTICLES = [
    Article(id="a1", raw=TEKS, title="Pasar Murah", source=Source(outlet="Kabar Sukamaju")),
    Article(id="a2", raw="Hujan deras melanda Bogor sejak sore.", input_format="jsonl"),
]
REJECTS = [
    Reject("data.jsonl:3", "W104", "line 3: Expecting ',' delimiter (column 16)"),
    Reject("foto.jpg", "W105", "unsupported input type (.jpg)"),
]


@pytest.mark.parametrize("name", ["hasil.jsonl", "hasil.jsonl.gz"])
def test_write_jsonl_round_trips_articles(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert write_jsonl(path, iter(ARTICLES)) == 2
    data = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
    assert [from_json(line) for line in data.splitlines()] == ARTICLES


@pytest.mark.parametrize("stream", [io.BytesIO(), io.StringIO()], ids=["binary", "text"])
def test_write_jsonl_writes_to_open_streams(stream: io.BytesIO | io.StringIO) -> None:
    write_jsonl(stream, ARTICLES)
    value = stream.getvalue()
    lines = (value.decode() if isinstance(value, bytes) else value).splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a1", "a2"]


def test_write_rejects_writes_one_json_object_per_line(tmp_path: Path) -> None:
    path = tmp_path / "rejects.jsonl"
    path.write_text("lama\n")
    assert write_rejects(path, REJECTS) == 2
    assert [json.loads(line) for line in path.read_text().splitlines()] == [
        {"source": "data.jsonl:3", "code": "W104", "reason": "line 3: Expecting ',' delimiter (column 16)"},
        {"source": "foto.jpg", "code": "W105", "reason": "unsupported input type (.jpg)"},
    ]


def test_reject_sink_appends_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "rejects.jsonl"
    for reject in REJECTS:
        with RejectSink(path) as sink:
            sink.add(reject)
    assert len(path.read_text().splitlines()) == 2


def test_reject_sink_diverts_rejects_and_passes_articles(tmp_path: Path) -> None:
    with RejectSink(tmp_path / "rejects.jsonl") as sink:
        passed = list(sink.divert([ARTICLES[0], REJECTS[0], ARTICLES[1]]))
    assert (passed, sink.count) == (ARTICLES, 1)


def test_reject_sink_without_a_with_block_opens_on_first_add(tmp_path: Path) -> None:
    path = tmp_path / "rejects.jsonl"
    sink = RejectSink(path)
    assert not path.exists()
    sink.add(REJECTS[0])
    sink.close()
    assert len(path.read_text().splitlines()) == 1


def test_reject_from_error_keeps_code_source_and_message() -> None:
    error = EmptyInputError("empty file (0 bytes)", source="kosong.txt")
    assert Reject.from_error(error) == Reject("kosong.txt", "W101", "empty file (0 bytes)")
