"""Partitioned reading gives the records of a whole-file read, with the same ids and sources."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import msgspec
import pytest

from warta.article import Article, to_json
from warta.config import load_settings
from warta.io import Reject, read_inputs, read_path
from warta.io.partitions import Partition, batched, plan_partitions, read_partition


def _corpus(tmp_path: Path) -> Path:
    lines = []
    for i in range(40):
        if i % 7 == 3:
            lines.append("{rusak")
        elif i % 11 == 5:
            lines.append("")
        else:
            lines.append(json.dumps({"text": f"Berita ke-{i}: harga cabai naik di Pasar Minggu."}))
    path = tmp_path / "berita.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _key(item: Article | Reject) -> bytes | tuple[str, str, str]:
    return to_json(item) if isinstance(item, Article) else (item.source, item.code, item.reason)


@pytest.mark.parametrize("target", [1, 200, 1000, 1 << 30])
def test_partitions_read_like_the_whole_file(tmp_path: Path, target: int) -> None:
    path = _corpus(tmp_path)
    settings = load_settings(None)
    whole = [_key(x) for x in read_path(path, settings=settings)]
    parts = plan_partitions([path], target_bytes=target)
    assert [_key(x) for p in parts for x in read_partition(p, settings=settings)] == whole
    if target == 1000:
        assert len(parts) > 1
        assert parts[0].start == 0 and parts[-1].end == path.stat().st_size


def test_other_inputs_stay_whole(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Harga beras naik.", encoding="utf-8")
    (tmp_path / "b.csv.gz").write_bytes(gzip.compress(b"text\nHarga cabai naik.\n"))
    parts = plan_partitions([tmp_path], target_bytes=1)
    assert parts == [
        Partition(path=str(tmp_path / "a.txt"), in_folder=True),
        Partition(path=str(tmp_path / "b.csv.gz"), in_folder=True),
    ]


def _csv_corpus(tmp_path: Path, *, bom: bool = False) -> Path:
    rows = ["id,title,text"]
    for i in range(30):
        if i % 9 == 4:
            rows.append("")  # a blank line
        elif i % 8 == 6:
            rows.append(f"rusak-{i},Judul saja")  # too few columns: a reject
        elif i % 5 == 2:
            # A quoted body holding newlines, commas and doubled quotes.
            rows.append(f'k-{i},"Banjir, lagi",""Air naik,"" kata warga.\n\nHujan turun sejak pagi ke-{i}."')
        else:
            rows.append(f"k-{i},Harga cabai,Harga cabai di Pasar Minggu naik lagi hari ke-{i}.")
    path = tmp_path / "berita.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + ("\r\n".join(rows) + "\r\n").encode("utf-8"))
    return path


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("target", [1, 150, 600, 1 << 30])
def test_csv_partitions_read_like_the_whole_file(tmp_path: Path, target: int, bom: bool) -> None:
    path = _csv_corpus(tmp_path, bom=bom)
    settings = load_settings(None)
    whole = [_key(x) for x in read_path(path, settings=settings)]
    assert any(isinstance(x, tuple) for x in whole) and len(whole) > 20
    parts = plan_partitions([path], target_bytes=target)
    assert [_key(x) for p in parts for x in read_partition(p, settings=settings)] == whole
    if target == 150:
        assert len(parts) > 3 and all(p.format == "csv" for p in parts)


def test_csv_that_cannot_be_cut_stays_whole(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(b"text\r" + b"Harga naik.\r" * 50)  # bare carriage returns end its lines
    assert plan_partitions([path], target_bytes=10) == [Partition(path=str(path))]
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"text\n" + "Caf\u00e9 ramai lagi.\n".encode("cp1252") * 50)
    assert plan_partitions([latin], target_bytes=10) == [Partition(path=str(latin))]


def _warc(path: Path, n: int) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for i in range(n):
            html = (
                f"<html><head><title>Jembatan baru ke-{i}</title></head><body><article>"
                f"<p>Jembatan baru di Desa Sukamaju ke-{i} diresmikan bupati pada Selasa pagi.</p>"
                "<p>Warga menyambut jembatan itu dengan gembira karena jarak ke pasar lebih dekat.</p>"
                "</article></body></html>"
            ).encode()
            status = "200 OK" if i % 4 != 3 else "404 Not Found"
            headers = StatusAndHeaders(
                status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            uri = f"https://kabar.example/berita/{i}"
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(html), http_headers=headers)
            )
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
@pytest.mark.parametrize("target", [1, 2000, 1 << 30])
def test_warc_partitions_read_like_the_whole_file(tmp_path: Path, target: int, name: str) -> None:
    path = _warc(tmp_path / name, 12)
    settings = load_settings(None)
    whole = [_key(x) for x in read_path(path, settings=settings)]
    assert len(whole) == 9
    parts = plan_partitions([path], target_bytes=target)
    assert [_key(x) for p in parts for x in read_partition(p, settings=settings)] == whole
    if target == 1:
        assert len(parts) == 12 and all(p.format == "warc" for p in parts)


def test_single_stream_gzip_warc_stays_whole(tmp_path: Path) -> None:
    plain = _warc(tmp_path / "crawl.warc", 6)
    path = tmp_path / "satu.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    assert plan_partitions([path], target_bytes=10) == [Partition(path=str(path))]


def test_folder_partitions_read_like_read_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "masuk"
    (folder / "a").mkdir(parents=True)
    (folder / "a-b").mkdir()
    _corpus(folder / "a")
    _csv_corpus(folder / "a-b")
    _warc(folder / "a-b" / "c.warc.gz", 5)
    (folder / "catatan.md").write_text("bukan berita", encoding="utf-8")
    (folder / ".tersembunyi.txt").write_text("Harga naik.", encoding="utf-8")
    (folder / "z.txt").write_text("Harga garam naik di Pasar Baru.", encoding="utf-8")
    settings = load_settings(None)
    paths = [folder, tmp_path / "hilang.jsonl"]
    whole = [_key(x) for x in read_inputs(paths, settings=settings)]
    parts = plan_partitions(paths, target_bytes=300)
    assert len(parts) > 8
    assert [_key(x) for p in parts for x in read_partition(p, settings=settings)] == whole


def test_folder_entries_passed_over_are_reported_by_partitions_too(tmp_path: Path) -> None:
    folder = tmp_path / "masuk"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "catatan.txt").write_text("Catatan internal.", encoding="utf-8")
    (folder / ".draf.txt").write_text("Draf berita banjir.", encoding="utf-8")
    (folder / "b.txt").write_text("Harga garam naik di Pasar Baru.", encoding="utf-8")
    outside = tmp_path / "luar.txt"
    outside.write_text("Catatan di luar folder.", encoding="utf-8")
    try:
        (folder / "a-luar.txt").symlink_to(outside)
        (folder / "c-sama.txt").symlink_to(folder / "b.txt")
    except (OSError, NotImplementedError) as exc:  # pragma: no cover - no symlinks here
        pytest.skip(f"cannot make symlinks here: {exc}")
    settings = load_settings(None)
    whole = [_key(x) for x in read_inputs([folder], settings=settings)]
    parts = plan_partitions([folder], target_bytes=1)
    # A passed-over entry is a partition that only reports it; it survives the trip to a worker.
    assert [msgspec.json.decode(msgspec.json.encode(p), type=Partition) for p in parts] == parts
    assert [_key(x) for p in parts for x in read_partition(p, settings=settings)] == whole
    assert [k[0] for k in whole if isinstance(k, tuple)] == [
        str(folder / ".draf.txt"),
        str(folder / ".git"),
        str(folder / "a-luar.txt"),
        str(folder / "c-sama.txt"),
    ]


def test_unreadable_partition_is_a_reject(tmp_path: Path) -> None:
    items = list(read_partition(Partition(path=str(tmp_path / "hilang.jsonl")), settings=load_settings(None)))
    assert len(items) == 1 and isinstance(items[0], Reject)


def test_batched() -> None:
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
