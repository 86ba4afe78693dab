from __future__ import annotations

import io
from pathlib import Path

import pytest

from warta.article import Article
from warta.config import Settings
from warta.errors import MalformedInputError
from warta.io import Reject, read_path

PAGE = """<html><head><title>Pasar Murah Digelar</title></head><body>
<article><h1>Pasar Murah Digelar di Alun-alun</h1>
<p>Pemerintah Kabupaten Sukamaju menggelar pasar murah di alun-alun pada Senin pagi.</p>
<p>Ratusan warga antre membeli beras, minyak goreng, dan gula dengan harga lebih rendah.</p>
<p>Kepala dinas perdagangan mengatakan kegiatan serupa akan digelar di setiap kecamatan.</p>
</article></body></html>"""


def _warc(path: Path, pages: list[tuple[str, str, str]]) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for uri, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles(tmp_path: Path, settings: Settings, name: str) -> None:
    path = _warc(
        tmp_path / name,
        [
            ("https://kabar.test/pasar-murah", "text/html; charset=utf-8", PAGE),
            ("https://kabar.test/logo.png", "image/png", "PNG"),
            ("https://kabar.test/indeks", "text/html", "<html><body></body></html>"),
        ],
    )
    items = list(read_path(path, settings=settings))
    arts = [i for i in items if isinstance(i, Article)]
    assert len(arts) == 1
    assert arts[0].source.url == "https://kabar.test/pasar-murah"
    assert "pasar murah di alun-alun" in arts[0].raw
    rejects = [i for i in items if isinstance(i, Reject)]
    assert [r.source.split("#", 1)[1] for r in rejects] == ["https://kabar.test/indeks"]


def test_not_a_warc(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "palsu.warc"
    path.write_text("Ini bukan arsip WARC.\n", encoding="utf-8")
    with pytest.raises(MalformedInputError, match="not a WARC"):
        list(read_path(path, settings=settings))


def test_response_without_target_uri_is_a_clear_error(tmp_path: Path, settings: Settings) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "tanpa-uri.warc"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        record = writer.create_warc_record(
            "https://kabar.test/a", "response", payload=io.BytesIO(PAGE.encode()), http_headers=headers
        )
        record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    with pytest.raises(MalformedInputError, match="malformed WARC record") as info:
        list(read_path(path, settings=settings))
    assert info.value.source == str(path)
