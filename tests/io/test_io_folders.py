from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from iohelpers import TEKS, jsonl, record

from warta.article import Article
from warta.config import Settings, load_settings
from warta.errors import EmptyInputError
from warta.io import Reject, read_inputs, read_path

Writer = Callable[[str, str | bytes], Path]

HALAMAN = "<html><body><article><p>" + TEKS.replace("\n\n", "</p><p>") + "</p></article></body></html>"


def sources(items: list[Article | Reject]) -> list[str]:
    return [i.source.path or "" if isinstance(i, Article) else i.source for i in items]


def test_folder_is_read_recursively_in_sorted_order(
    write: Writer, settings: Settings, tmp_path: Path
) -> None:
    for name in ["b.txt", "a/z.txt", "a.txt", "a/c/d.jsonl"]:
        write(name, TEKS if name.endswith(".txt") else jsonl(record(1)))
    items = list(read_path(tmp_path, settings=settings))
    assert sources(items) == [
        f"{tmp_path}/a/c/d.jsonl:1",
        f"{tmp_path}/a/z.txt",
        f"{tmp_path}/a.txt",
        f"{tmp_path}/b.txt",
    ]


@pytest.mark.parametrize("hidden", [".draf.txt", ".cache/berita.txt", "a/.git/berita.txt"])
def test_hidden_files_and_folders_are_skipped(
    write: Writer, settings: Settings, tmp_path: Path, hidden: str
) -> None:
    write("berita.txt", TEKS)
    write(hidden, TEKS)
    assert sources(list(read_path(tmp_path, settings=settings))) == [f"{tmp_path}/berita.txt"]


@pytest.mark.parametrize("name", ["foto.jpg", "LISENSI", "arsip.tar.gz"])
def test_unsupported_file_in_a_folder_is_a_w105_reject(
    write: Writer, settings: Settings, tmp_path: Path, name: str
) -> None:
    write(name, b"\x00\x01")
    write("berita.txt", TEKS)
    items = list(read_path(tmp_path, settings=settings))
    (reject,) = [i for i in items if isinstance(i, Reject)]
    assert len(items) == 2
    assert (reject.source, reject.code) == (f"{tmp_path}/{name}", "W105")
    assert reject.reason.startswith("unsupported input type")


def test_suffix_left_out_of_settings_is_a_w105_reject(write: Writer, tmp_path: Path) -> None:
    write("berita.jsonl", jsonl(record(1)))
    items = list(read_path(tmp_path, settings=load_settings(suffixes=[".txt"])))
    assert items == [
        Reject(f"{tmp_path}/berita.jsonl", "W105", "suffix '.jsonl' is not in settings.suffixes")
    ]


def test_a_bad_file_in_a_folder_is_a_reject_and_reading_goes_on(
    write: Writer, settings: Settings, tmp_path: Path
) -> None:
    write("a.txt", "")
    write("b.html", HALAMAN)
    items = list(read_path(tmp_path, settings=settings))
    assert items[0] == Reject(f"{tmp_path}/a.txt", "W101", "empty file (0 bytes)")
    assert isinstance(items[1], Article)


def test_a_bad_single_file_raises(write: Writer, settings: Settings) -> None:
    with pytest.raises(EmptyInputError):
        list(read_path(write("a.txt", ""), settings=settings))


def test_read_inputs_turns_every_failure_into_a_reject(
    write: Writer, settings: Settings, tmp_path: Path
) -> None:
    good = write("berita.txt", TEKS)
    empty = write("kosong.txt", "")
    pdf = write("laporan.pdf", b"%PDF-1.4")
    items = list(read_inputs([tmp_path / "hilang.txt", empty, pdf, str(good)], settings=settings))
    assert [(i.source, i.code) for i in items if isinstance(i, Reject)] == [
        (f"{tmp_path}/hilang.txt", "W100"),
        (str(empty), "W101"),
        (str(pdf), "W105"),
    ]
    assert isinstance(items[-1], Article)


def test_read_inputs_keeps_input_order_across_kinds(
    write: Writer, settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "folder"
    write("folder/b.txt", TEKS)
    data = write("data.jsonl", jsonl(record(1), record(2)))
    ids = [i.id for i in read_inputs([data, folder], settings=settings) if isinstance(i, Article)]
    assert ids == ["uji-1", "uji-2", f"{folder}/b.txt"]
