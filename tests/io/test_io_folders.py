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


@pytest.mark.parametrize(
    ("hidden", "reported", "reason"),
    [
        (".draf.txt", ".draf.txt", "hidden file, not read"),
        (".cache/berita.txt", ".cache", "hidden folder, not read"),
        ("a/.git/berita.txt", "a/.git", "hidden folder, not read"),
    ],
)
def test_hidden_files_and_folders_are_skipped_and_reported(
    write: Writer, settings: Settings, tmp_path: Path, hidden: str, reported: str, reason: str
) -> None:
    write("berita.txt", TEKS)
    write(hidden, TEKS)
    items = list(read_path(tmp_path, settings=settings))
    # A hidden folder is reported once and not entered: its files are not listed one by one.
    assert [i for i in items if isinstance(i, Reject)] == [Reject(f"{tmp_path}/{reported}", "W105", reason)]
    assert [i.source.path for i in items if isinstance(i, Article)] == [f"{tmp_path}/berita.txt"]


def test_hidden_entries_are_reported_in_folder_order(
    write: Writer, settings: Settings, tmp_path: Path
) -> None:
    for name in ["b.txt", ".a.txt", "c/.d.txt", "c/e.txt"]:
        write(name, TEKS)
    assert sources(list(read_path(tmp_path, settings=settings))) == [
        f"{tmp_path}/.a.txt",
        f"{tmp_path}/b.txt",
        f"{tmp_path}/c/.d.txt",
        f"{tmp_path}/c/e.txt",
    ]


# ---- symlinks ----


def _link(link: Path, target: Path) -> Path:
    link.parent.mkdir(parents=True, exist_ok=True)
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError) as exc:  # pragma: no cover - e.g. Windows without the privilege
        pytest.skip(f"cannot make symlinks here: {exc}")
    return link


def rejects(items: list[Article | Reject]) -> dict[str, tuple[str, str]]:
    return {i.source: (i.code, i.reason) for i in items if isinstance(i, Reject)}


def articles(items: list[Article | Reject]) -> list[str]:
    return [i.source.path or "" for i in items if isinstance(i, Article)]


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_symlink_out_of_the_folder_is_reported_not_followed(
    write: Writer, settings: Settings, tmp_path: Path, kind: str
) -> None:
    outside = write("luar/rahasia.txt", "Catatan pribadi di luar folder berita, jangan dibaca.")
    write("berita/a.txt", TEKS)
    link = _link(tmp_path / "berita/tautan", outside if kind == "file" else outside.parent)
    items = list(read_path(tmp_path / "berita", settings=settings))
    assert articles(items) == [f"{tmp_path}/berita/a.txt"]
    code, reason = rejects(items)[str(link)]
    assert code == "W105"
    assert reason.startswith("symlink to outside the folder, not followed")
    assert all("Catatan pribadi" not in i.raw for i in items if isinstance(i, Article))


def test_symlink_to_a_file_inside_does_not_read_it_twice(
    write: Writer, settings: Settings, tmp_path: Path
) -> None:
    real = write("berita/2025/banjir.txt", TEKS)
    link = _link(tmp_path / "berita/a-terbaru.txt", real)
    items = list(read_path(tmp_path / "berita", settings=settings))
    assert articles(items) == [str(real)]  # read once, under its own name
    assert rejects(items) == {
        str(link): ("W105", "symlink to 2025/banjir.txt in the folder, read under its own name")
    }


def test_symlinks_to_a_hidden_file_read_it_once(write: Writer, settings: Settings, tmp_path: Path) -> None:
    real = write("berita/.arsip/lama.txt", TEKS)
    first = _link(tmp_path / "berita/satu.txt", real)
    second = _link(tmp_path / "berita/dua.txt", real)
    items = list(read_path(tmp_path / "berita", settings=settings))
    # "dua.txt" sorts first: it is the link the file is read through.
    assert articles(items) == [str(second)]
    assert rejects(items) == {
        f"{tmp_path}/berita/.arsip": ("W105", "hidden folder, not read"),
        str(first): ("W105", f"symlink to .arsip/lama.txt, read already as {second}"),
    }


@pytest.mark.parametrize("target", [".", "..", "../..", "../../lain"])
def test_symlink_folders_inside_are_not_followed_so_cycles_end(
    write: Writer, settings: Settings, tmp_path: Path, target: str
) -> None:
    write("berita/sub/deeper/a.txt", TEKS)
    (tmp_path / "berita/lain").mkdir()
    # A link back up (".", "..") would loop forever if followed; one across would read files twice.
    link = _link(tmp_path / "berita/sub/deeper/putar", Path(target))
    items = list(read_path(tmp_path / "berita", settings=settings))
    assert articles(items) == [f"{tmp_path}/berita/sub/deeper/a.txt"]
    code, reason = rejects(items)[str(link)]
    assert code == "W105"
    assert "not followed" in reason


def test_symlink_to_the_folder_itself_is_not_followed(
    write: Writer, settings: Settings, tmp_path: Path
) -> None:
    write("berita/a.txt", TEKS)
    link = _link(tmp_path / "berita/lagi", tmp_path / "berita")
    items = list(read_path(tmp_path / "berita", settings=settings))
    assert articles(items) == [f"{tmp_path}/berita/a.txt"]
    assert rejects(items)[str(link)][1].startswith("symlink to the folder itself, not followed")


def test_symlink_loop_is_reported(write: Writer, settings: Settings, tmp_path: Path) -> None:
    write("berita/a.txt", TEKS)
    _link(tmp_path / "berita/x.txt", Path("y.txt"))
    _link(tmp_path / "berita/y.txt", Path("x.txt"))
    items = list(read_path(tmp_path / "berita", settings=settings))
    assert articles(items) == [f"{tmp_path}/berita/a.txt"]
    assert set(rejects(items)) == {f"{tmp_path}/berita/x.txt", f"{tmp_path}/berita/y.txt"}


def test_a_folder_reached_through_a_symlink_is_read_whole(
    write: Writer, settings: Settings, tmp_path: Path
) -> None:
    # The folder named on the command line may itself be a link: its files are inside it.
    write("data/berita/a.txt", TEKS)
    folder = _link(tmp_path / "pintasan", tmp_path / "data/berita")
    items = list(read_path(folder, settings=settings))
    assert articles(items) == [f"{folder}/a.txt"]
    assert rejects(items) == {}


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
