from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from iohelpers import BERITA, TEKS, jsonl, record

from warta.article import Article
from warta.config import Settings, load_settings
from warta.errors import BinaryInputError, EmptyInputError, MalformedInputError
from warta.io import Reject, read_path

Writer = Callable[[str, str | bytes], Path]


def articles(items: list[Article | Reject]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def rejects(items: list[Article | Reject]) -> list[Reject]:
    return [i for i in items if isinstance(i, Reject)]


@pytest.mark.parametrize("name", ["korpus.jsonl", "korpus.jsonl.gz", "korpus.json"])
def test_corpus_shaped_records_fill_the_article(write: Writer, settings: Settings, name: str) -> None:
    path = write(name, jsonl(record(1), record(2)))
    first = read_path(path, settings=settings).__next__()
    assert isinstance(first, Article)
    assert (first.id, first.raw, first.title) == ("uji-1", TEKS, "Pasar Murah Dibuka di Sukamaju (1)")
    assert first.input_format == "jsonl"
    assert first.source.outlet == "Kabar Sukamaju"
    assert first.source.url == "https://www.kabarsukamaju.example/berita/1"
    assert first.source.site == "kabarsukamaju.example"
    assert first.source.author == "Rina Lestari"
    assert first.source.path == f"{path}:1"


def test_record_date_is_kept_raw_and_parsed(write: Writer, settings: Settings) -> None:
    path = write("korpus.jsonl", jsonl(record(1)))
    (article,) = articles(list(read_path(path, settings=settings)))
    assert article.published.raw == "2025/03/03 09:15:00"
    assert article.published.method == "metadata"
    assert article.published.value == datetime(2025, 3, 3, 9, 15)


def test_ambiguous_record_date_keeps_raw_without_value(write: Writer, settings: Settings) -> None:
    path = write("korpus.jsonl", jsonl(record(1, date="Kompas.com- 02/07/2025, 10:42 WIB")))
    (article,) = articles(list(read_path(path, settings=settings)))
    assert (article.published.raw, article.published.value) == ("Kompas.com- 02/07/2025, 10:42 WIB", None)


@pytest.mark.parametrize(
    "fields",
    [
        {
            "judul": "Jalan Rusak",
            "isi": TEKS,
            "tanggal": "3 Maret 2025",
            "penulis": "Ani",
            "media": "Warta Desa",
        },
        {
            "headline": "Jalan Rusak",
            "content": TEKS,
            "published_at": "2025-03-03",
            "reporter": "Ani",
            "outlet": "Warta Desa",
        },
        {
            "title": "Jalan Rusak",
            "body": TEKS,
            "datetime": "2025-03-03T00:00:00",
            "author": "Ani",
            "site": "Warta Desa",
        },
    ],
    ids=["indonesian", "english", "mixed"],
)
def test_shipped_field_names_are_recognised(
    write: Writer, settings: Settings, fields: dict[str, str]
) -> None:
    path = write("korpus.jsonl", jsonl(fields))
    (article,) = articles(list(read_path(path, settings=settings)))
    assert (article.title, article.raw) == ("Jalan Rusak", TEKS)
    assert (article.source.author, article.source.outlet) == ("Ani", "Warta Desa")
    assert article.published.value == datetime(2025, 3, 3)


def test_user_field_names_come_from_settings(write: Writer) -> None:
    settings = load_settings(text_fields=["isi_berita"], title_fields=["judul_berita"], id_fields=["kode"])
    path = write("korpus.jsonl", jsonl({"kode": 77, "judul_berita": "Sawah Terendam", "isi_berita": TEKS}))
    (article,) = articles(list(read_path(path, settings=settings)))
    assert (article.id, article.title, article.raw) == ("77", "Sawah Terendam", TEKS)


def test_first_present_non_empty_field_wins(write: Writer, settings: Settings) -> None:
    path = write(
        "korpus.jsonl", jsonl({"text": "  ", "content": TEKS, "title": "", "judul": "Sawah Terendam"})
    )
    (article,) = articles(list(read_path(path, settings=settings)))
    assert (article.raw, article.title) == (TEKS, "Sawah Terendam")


def test_paragraph_list_becomes_text_with_blank_lines(write: Writer, settings: Settings) -> None:
    path = write("korpus.jsonl", jsonl({"text": BERITA}))
    (article,) = articles(list(read_path(path, settings=settings)))
    assert article.raw == TEKS


def test_missing_id_is_derived_from_path_and_line_and_stable(write: Writer, settings: Settings) -> None:
    path = write("korpus.jsonl", jsonl(record(1), {"text": TEKS}))
    ids = [a.id for a in articles(list(read_path(path, settings=settings)))]
    again = [a.id for a in articles(list(read_path(path, settings=settings)))]
    assert ids == again == ["uji-1", f"{path}:2"]


def test_blank_lines_are_skipped_and_line_numbers_kept(write: Writer, settings: Settings) -> None:
    path = write("korpus.jsonl", "\n" + jsonl(record(1)) + "\n\n" + jsonl({"text": TEKS}))
    found = articles(list(read_path(path, settings=settings)))
    assert [a.source.path for a in found] == [f"{path}:2", f"{path}:5"]


def test_malformed_line_is_a_w104_reject_with_its_line_and_reading_goes_on(
    write: Writer, settings: Settings
) -> None:
    path = write("korpus.jsonl", jsonl(record(1), record(2), '{"id": "uji-3" "text": "x"}', record(4)))
    items = list(read_path(path, settings=settings))
    assert [a.id for a in articles(items)] == ["uji-1", "uji-2", "uji-4"]
    assert rejects(items) == [Reject(f"{path}:3", "W104", "line 3: Expecting ',' delimiter (column 16)")]


@pytest.mark.parametrize(
    ("line", "code", "reason"),
    [
        (
            {"judul": "Tanpa Isi"},
            "W104",
            "no text field (tried: text, content, body, isi; the record has: judul)",
        ),
        ({"text": "   "}, "W101", "empty text in field 'text'"),
        ({"text": None, "isi": ""}, "W101", "empty text in field 'text'"),
        ({"text": 12}, "W104", "field 'text' holds int, not text"),
        ('["bukan", "objek"]', "W104", "expected a JSON object, got an array"),
    ],
    ids=["no-text-field", "blank-text", "null-text", "number-text", "array"],
)
def test_bad_record_is_a_reject_naming_why(
    write: Writer, settings: Settings, line: object, code: str, reason: str
) -> None:
    path = write("korpus.jsonl", jsonl(line))
    (reject,) = rejects(list(read_path(path, settings=settings)))
    assert (reject.source, reject.code) == (f"{path}:1", code)
    assert reject.reason.startswith(f"line 1: {reason}")


def test_line_over_the_limit_is_a_w103_reject_and_reading_goes_on(write: Writer) -> None:
    settings = load_settings(max_input_bytes=2000)
    path = write("korpus.jsonl", jsonl(record(1, text=TEKS * 30), record(2)))
    items = list(read_path(path, settings=settings))
    assert [a.id for a in articles(items)] == ["uji-2"]
    (reject,) = rejects(items)
    assert (reject.source, reject.code) == (f"{path}:1", "W103")
    assert "over max_input_bytes (2,000)" in reject.reason


def test_file_larger_than_the_limit_streams_when_each_record_fits(write: Writer) -> None:
    settings = load_settings(max_input_bytes=2000)
    path = write("korpus.jsonl", jsonl(*(record(n) for n in range(50))))
    assert path.stat().st_size > 10 * 2000
    assert len(articles(list(read_path(path, settings=settings)))) == 50


def test_utf16_jsonl_with_bom_is_read(write: Writer, settings: Settings) -> None:
    path = write("korpus.jsonl", jsonl(record(1), record(2)).encode("utf-16"))
    assert [a.id for a in articles(list(read_path(path, settings=settings)))] == ["uji-1", "uji-2"]


def test_utf8_bom_on_the_first_line_is_ignored(write: Writer, settings: Settings) -> None:
    path = write("korpus.jsonl", codecs.BOM_UTF8 + jsonl(record(1)).encode())
    assert [a.id for a in articles(list(read_path(path, settings=settings)))] == ["uji-1"]


def test_stray_cp1252_bytes_in_a_line_are_decoded(write: Writer, settings: Settings) -> None:
    line = json.dumps({"text": "Rapat di café “Sentosa” ditunda."}, ensure_ascii=False)
    path = write("korpus.jsonl", line.encode("cp1252") + b"\n")
    (article,) = articles(list(read_path(path, settings=settings)))
    assert article.raw == "Rapat di café “Sentosa” ditunda."


def test_jsonl_with_only_blank_lines_raises_w101(write: Writer, settings: Settings) -> None:
    path = write("kosong.jsonl", "\n\n  \n")
    with pytest.raises(EmptyInputError, match=r"kosong\.jsonl: no records"):
        list(read_path(path, settings=settings))


def test_binary_jsonl_raises_w102(write: Writer, settings: Settings) -> None:
    path = write("arsip.jsonl", b"PK\x03\x04\x00\x00\x08\x00" * 10)
    with pytest.raises(BinaryInputError, match=r"arsip\.jsonl: looks binary"):
        list(read_path(path, settings=settings))


def test_json_array_items_are_records(write: Writer, settings: Settings) -> None:
    path = write("korpus.json", json.dumps([record(1), "bukan objek", {"text": TEKS}], indent=2))
    items = list(read_path(path, settings=settings))
    assert [a.id for a in articles(items)] == ["uji-1", f"{path}#/2"]
    assert rejects(items) == [Reject(f"{path}#/1", "W104", "item 1: expected a JSON object, got a string")]


def test_json_object_file_is_one_record(write: Writer, settings: Settings) -> None:
    path = write("satu.json", json.dumps(record(9), indent=2))
    assert [a.id for a in articles(list(read_path(path, settings=settings)))] == ["uji-9"]


def test_malformed_json_file_raises_w104_with_line_and_column(write: Writer, settings: Settings) -> None:
    path = write("rusak.json", '[\n  {"text": "Banjir"},\n  {"text": "Longsor"\n]\n')
    with pytest.raises(
        MalformedInputError, match=r"rusak\.json: Expecting ',' delimiter \(line 4, column 1\)"
    ):
        list(read_path(path, settings=settings))


def test_empty_json_array_raises_w101(write: Writer, settings: Settings) -> None:
    path = write("kosong.json", "[]")
    with pytest.raises(EmptyInputError, match="empty JSON array"):
        list(read_path(path, settings=settings))
