from __future__ import annotations

import codecs
import gzip
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from iohelpers import TEKS

from warta.article import Article
from warta.config import Settings
from warta.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    UnsupportedInputError,
)
from warta.io import Reject, read_inputs, read_path

Writer = Callable[[str, str | bytes], Path]


def only(items: list[Article | Reject]) -> Article:
    assert len(items) == 1
    assert isinstance(items[0], Article)
    return items[0]


@pytest.mark.parametrize("name", ["berita.txt", "berita.TXT", "berita.txt.gz"])
def test_text_file_is_read_whole_as_raw(write: Writer, settings: Settings, name: str) -> None:
    path = write(name, "Pasar Murah Dibuka\n\n" + TEKS + "\n")
    article = only(list(read_path(path, settings=settings)))
    assert article.raw == "Pasar Murah Dibuka\n\n" + TEKS + "\n"
    assert (article.input_format, article.title) == ("text", None)


def test_text_file_id_and_source_path_come_from_the_path(write: Writer, settings: Settings) -> None:
    path = write("kota/berita.txt", TEKS)
    article = only(list(read_path(path, settings=settings)))
    assert article.id == article.source.path == str(path)


def test_text_file_byte_order_mark_is_dropped(write: Writer, settings: Settings) -> None:
    path = write("bom.txt", codecs.BOM_UTF8 + TEKS.encode())
    assert only(list(read_path(path, settings=settings))).raw == TEKS


@pytest.mark.parametrize(
    ("name", "content"),
    [("kosong.txt", b""), ("kosong.txt", b"  \n\n\t "), ("kosong.txt.gz", b"")],
    ids=["zero", "blank", "empty-gz"],
)
def test_empty_text_file_raises_w101_naming_the_file(
    write: Writer, settings: Settings, name: str, content: bytes
) -> None:
    path = write(name, content)
    with pytest.raises(EmptyInputError, match=r"\[W101\] .*kosong\.txt(\.gz)?: "):
        list(read_path(path, settings=settings))


def test_binary_text_file_raises_w102(write: Writer, settings: Settings) -> None:
    path = write("gambar.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(BinaryInputError, match=r"gambar\.txt: looks binary"):
        list(read_path(path, settings=settings))


def test_text_file_over_the_limit_raises_w103(
    write: Writer, small_settings: Callable[[int], Settings]
) -> None:
    path = write("panjang.txt", TEKS * 20)
    with pytest.raises(InputTooLargeError, match=r"panjang\.txt: .* over max_input_bytes \(100\)"):
        list(read_path(path, settings=small_settings(100)))


def test_gzip_text_over_the_limit_once_decompressed_raises_w103(
    write: Writer, small_settings: Callable[[int], Settings]
) -> None:
    path = write("padat.txt.gz", "banjir " * 5000)  # compresses far below the limit
    with pytest.raises(InputTooLargeError, match="once decompressed"):
        list(read_path(path, settings=small_settings(1000)))


def test_corrupt_gzip_raises_w104(write: Writer, settings: Settings) -> None:
    path = write("rusak.txt.gz", b"")
    path.write_bytes(gzip.compress(TEKS.encode())[:-12])
    with pytest.raises(InputError, match=r"\[W104\] .*rusak\.txt\.gz: corrupt gzip data"):
        list(read_path(path, settings=settings))


def test_undecodable_text_file_raises_w106(write: Writer, settings: Settings) -> None:
    path = write("acak.txt", bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(EncodingError, match=r"acak\.txt: cannot decode"):
        list(read_path(path, settings=settings))


def test_missing_file_raises_at_once(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(InputError, match=r"\[W100\] .*hilang\.txt: no such file"):
        read_path(tmp_path / "hilang.txt", settings=settings)


@pytest.mark.parametrize("name", ["laporan.pdf", "catatan", "data.tar.gz"])
def test_unsupported_suffix_raises_w105(write: Writer, settings: Settings, name: str) -> None:
    path = write(name, TEKS)
    with pytest.raises(UnsupportedInputError, match=r"\[W105\] .*unsupported input type"):
        read_path(path, settings=settings)


@pytest.mark.parametrize("stream", [io.BytesIO(TEKS.encode()), io.StringIO(TEKS)], ids=["bytes", "text"])
def test_stdin_is_read_as_one_text(settings: Settings, stream: io.IOBase) -> None:
    article = only(list(read_inputs(["-"], settings=settings, stdin=stream)))  # type: ignore[arg-type]
    assert article.raw == TEKS
    assert article.source.path == "<stdin>"
    assert article.id.startswith("stdin-")


def test_stdin_id_is_stable_for_the_same_text(settings: Settings) -> None:
    first = only(list(read_inputs(["-"], settings=settings, stdin=io.BytesIO(TEKS.encode()))))
    second = only(list(read_inputs(["-"], settings=settings, stdin=io.BytesIO(TEKS.encode()))))
    assert first.id == second.id


def test_empty_stdin_is_a_w101_reject(settings: Settings) -> None:
    assert list(read_inputs(["-"], settings=settings, stdin=io.BytesIO(b""))) == [
        Reject("<stdin>", "W101", "no text (empty or only whitespace)")
    ]
