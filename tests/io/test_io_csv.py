from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from iohelpers import BERITA, TEKS

from warta.article import Article
from warta.config import Settings, load_settings
from warta.errors import EmptyInputError, InputTooLargeError, MalformedInputError
from warta.io import Reject, read_path
from warta.io._csv import sniff_delimiter

Writer = Callable[[str, str | bytes], Path]


def table(rows: list[list[str]], *, delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


HEADER = ["id", "title", "text", "date", "source", "url", "author"]


def row(n: int, text: str = TEKS) -> list[str]:
    return [
        f"uji-{n}",
        f"Jembatan Putus ({n})",
        text,
        "3 Maret 2025",
        "Kabar Sukamaju",
        f"https://kabar.example/{n}",
        "Ani",
    ]


def articles(items: list[Article | Reject]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def rejects(items: list[Article | Reject]) -> list[Reject]:
    return [i for i in items if isinstance(i, Reject)]


@pytest.fixture
def csv_limit() -> Iterator[None]:
    """Restore the csv module's process-wide field limit after a test changes it."""
    before = csv.field_size_limit()
    yield
    csv.field_size_limit(before)


@pytest.mark.parametrize("name", ["ekspor.csv", "ekspor.csv.gz"])
def test_csv_rows_fill_the_article(write: Writer, settings: Settings, name: str) -> None:
    path = write(name, table([HEADER, row(1)]))
    (article,) = articles(list(read_path(path, settings=settings)))
    assert (article.id, article.title, article.raw) == ("uji-1", "Jembatan Putus (1)", TEKS)
    assert (article.input_format, article.source.path) == ("csv", f"{path}:2")
    assert (article.source.outlet, article.source.site, article.source.author) == (
        "Kabar Sukamaju",
        "kabar.example",
        "Ani",
    )
    assert article.published.value == datetime(2025, 3, 3)


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"], ids=["comma", "semicolon", "tab", "pipe"])
def test_delimiter_is_sniffed(write: Writer, settings: Settings, delimiter: str) -> None:
    path = write("ekspor.csv", table([HEADER, row(1), row(2)], delimiter=delimiter))
    assert [a.title for a in articles(list(read_path(path, settings=settings)))] == [
        "Jembatan Putus (1)",
        "Jembatan Putus (2)",
    ]


def test_multiline_fields_keep_line_numbers_of_row_starts(write: Writer, settings: Settings) -> None:
    path = write("ekspor.csv", table([HEADER, row(1), row(2)]))
    found = articles(list(read_path(path, settings=settings)))
    assert found[0].raw == TEKS  # "\n\n" inside a quoted field
    assert [a.source.path for a in found] == [f"{path}:2", f"{path}:7"]


def test_utf8_bom_header_is_read(write: Writer, settings: Settings) -> None:
    path = write("ekspor.csv", codecs.BOM_UTF8 + table([HEADER, row(1)]).encode())
    assert [a.id for a in articles(list(read_path(path, settings=settings)))] == ["uji-1"]


def test_cp1252_export_is_read(write: Writer, settings: Settings) -> None:
    text = "Rapat di café “Sentosa” ditunda hingga pekan depan, kata Héru."
    path = write("ekspor.csv", table([["judul", "isi"], ["Rapat Ditunda", text]]).encode("cp1252"))
    (article,) = articles(list(read_path(path, settings=settings)))
    assert article.raw == text


def test_header_names_match_regardless_of_case(write: Writer, settings: Settings) -> None:
    path = write("ekspor.csv", table([["Judul", " ISI "], ["Sawah Terendam", TEKS]]))
    (article,) = articles(list(read_path(path, settings=settings)))
    assert (article.title, article.raw) == ("Sawah Terendam", TEKS)


def test_fields_over_the_csv_module_default_limit_are_read(
    write: Writer, settings: Settings, csv_limit: None
) -> None:
    csv.field_size_limit(131072)  # the module default
    long_text = "\n\n".join(BERITA * 1500)
    assert len(long_text) > 131072
    path = write("ekspor.csv", table([["text"], [long_text]]))
    (article,) = articles(list(read_path(path, settings=settings)))
    assert article.raw == long_text


def test_row_with_empty_text_is_a_w101_reject_with_its_row(write: Writer, settings: Settings) -> None:
    path = write("ekspor.csv", table([HEADER, row(1), row(2, text=" "), row(3)]))
    items = list(read_path(path, settings=settings))
    assert [a.id for a in articles(items)] == ["uji-1", "uji-3"]
    (reject,) = rejects(items)
    assert (reject.source, reject.code) == (f"{path}:7", "W101")
    assert reject.reason.startswith("row 2 (line 7): empty text in field 'text'")


def test_short_row_without_the_text_column_is_a_w104_reject(write: Writer, settings: Settings) -> None:
    path = write("ekspor.csv", table([["id", "title", "text"], ["uji-1", "Judul Saja"]]))
    assert rejects(list(read_path(path, settings=settings))) == [
        Reject(f"{path}:2", "W104", "row 1 (line 2): no text: the row has 2 of the header's 3 columns")
    ]


def test_text_over_the_limit_is_a_w103_reject(write: Writer, csv_limit: None) -> None:
    csv.field_size_limit(10**7)  # csv's own limit above ours: our check decides
    path = write("ekspor.csv", table([["id", "text"], ["uji-1", TEKS * 20], ["uji-2", TEKS]]))
    items = list(read_path(path, settings=load_settings(max_input_bytes=1000)))
    assert [a.id for a in articles(items)] == ["uji-2"]
    assert [(r.code, r.source) for r in rejects(items)] == [("W103", f"{path}:2")]


def test_field_over_the_csv_limit_raises_w103(write: Writer, csv_limit: None) -> None:
    csv.field_size_limit(10)  # raised to max_input_bytes + 1 by the reader
    path = write("ekspor.csv", table([["id", "text"], ["uji-1", TEKS * 20]]))
    with pytest.raises(InputTooLargeError, match=r"ekspor\.csv: line 2: a field is over max_input_bytes"):
        list(read_path(path, settings=load_settings(max_input_bytes=1000)))


def test_csv_without_a_text_column_raises_w104_naming_the_fields_tried(
    write: Writer, settings: Settings
) -> None:
    path = write("ekspor.csv", table([["kode", "judul"], ["1", "Sawah Terendam"]]))
    with pytest.raises(
        MalformedInputError,
        match=r"no text column \(tried: text, content, body, isi; the header has: kode, judul\)",
    ):
        list(read_path(path, settings=settings))


@pytest.mark.parametrize("content", ["", "id,title,text\r\n"], ids=["empty", "header-only"])
def test_csv_without_rows_raises_w101(write: Writer, settings: Settings, content: str) -> None:
    path = write("ekspor.csv", content)
    with pytest.raises(EmptyInputError, match=r"ekspor\.csv: "):
        list(read_path(path, settings=settings))


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("judul,isi,tanggal", ","),
        ("judul;isi;tanggal", ";"),
        ('"judul, utama";isi', ";"),
        ("judul\tisi", "\t"),
        ("isi", ","),
    ],
)
def test_sniff_delimiter_reads_the_header(header: str, expected: str) -> None:
    assert sniff_delimiter(header) == expected
