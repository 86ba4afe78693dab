"""Fixtures for the web tests: a small corpus analysed by the real pipeline and stored by
the real ingest, an app over it, and the ids tests need.

The articles are written for these tests (invented people and places). They give:
quotes with named speakers (Rina Kartika, Menteri Perdagangan, quoted on two days), a
person with a role, two outlets and several dates, a near-duplicate pair (the same
release on two sites) and one article carrying HTML/JS payloads in its title and text,
for the escaping tests.

Fixtures (session-scoped, built once):

- ``web_db``: the SQLite file;
- ``web_store``: a :class:`~warta.storage.Store` over it;
- ``web_app``: ``create_app`` over that store (no token, CORS off);
- ``client``: a TestClient of ``web_app`` (``make_client(app)`` makes one for another app);
- ``web_ids``: ``{"quoted_article": id of an article with a quote by Rina Kartika,
  "speaker": Rina Kartika's entity id, "hostile": id of the article with the payloads,
  "dupe_a"/"dupe_b": the near-duplicate pair, "other_outlet": an article of the second
  outlet, "role_entity": the entity with a role (= speaker)}``.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from starlette.exceptions import StarletteDeprecationWarning

from pghelpers import BACKENDS, is_url, postgres_database
from warta.config import Settings, load_settings
from warta.ingest import ingest
from warta.storage import Store
from warta.web.app import create_app

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

# Starlette warns, once, when its TestClient module is imported, that the client will move
# from httpx to httpx2 (not installed here). The client works and the notice says nothing
# about warta: import the module here, quietly, before any test module imports it.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    import fastapi.testclient  # noqa: F401

from webhelpers import IMG_PAYLOAD, SCRIPT_PAYLOAD

_RILIS = (
    "Jakarta - Kementerian Perhubungan membuka posko mudik terpadu di Terminal Pulo Tengah mulai Jumat pekan ini. "
    "Posko itu melayani pemudik yang membutuhkan informasi jadwal bus, kondisi jalan dan layanan kesehatan gratis. "
    "Direktur Angkutan Jalan Hendra Saputra mengatakan petugas berjaga selama dua puluh empat jam penuh. "
    '"Kami minta pemudik beristirahat setiap empat jam agar tetap selamat sampai tujuan," kata Hendra Saputra. '
    "Selain posko, pemerintah menyiapkan tiga ratus bus tambahan untuk jalur selatan Jawa dan Sumatera. "
    "Tiket bus tambahan dapat dipesan melalui loket terminal maupun aplikasi resmi tanpa biaya tambahan."
)

RECORDS: list[dict[str, str]] = [
    {
        "id": "uji-1",
        "url": "https://kabar-uji.test/ekonomi/harga-beras",
        "source": "Kabar Uji",
        "date": "2025-03-03",
        "title": "Pemerintah Jaga Harga Beras Jelang Ramadan",
        "text": (
            "Jakarta - Menteri Perdagangan Rina Kartika memastikan pasokan beras di pasar tradisional cukup "
            'menjelang Ramadan. "Kami akan menjaga harga beras tetap stabil sampai Lebaran," kata Rina Kartika '
            "di Jakarta, Senin (3/3/2025).\n\nMenurut Rina, operasi pasar digelar di 120 titik di Pulau Jawa. "
            'Ketua Asosiasi Pedagang Pasar Bambang Wijaya menyambut baik langkah itu. "Pedagang butuh kepastian '
            'pasokan, bukan hanya janji," ujar Bambang.\n\nBank Indonesia mencatat inflasi pangan bergejolak naik '
            "tipis pada Februari."
        ),
    },
    {
        "id": "uji-2",
        "url": "https://kabar-uji.test/ekonomi/gula-pasir",
        "source": "Kabar Uji",
        "date": "2025-03-05",
        "title": "Stok Gula Pasir Aman, Kata Mendag",
        "text": (
            "Jakarta - Menteri Perdagangan Rina Kartika menyebut stok gula pasir nasional aman hingga akhir tahun. "
            '"Stok gula kita cukup untuk enam bulan ke depan, masyarakat tidak perlu memborong," ujar Rina Kartika '
            'di kantornya, Rabu (5/3/2025).\n\nIa menambahkan pemerintah akan menindak penimbun. "Kami juga '
            'sudah berkoordinasi dengan Bank Indonesia soal harga pangan," kata Rina Kartika. Bank Indonesia '
            "sebelumnya memperkirakan harga pangan kembali normal setelah panen raya."
        ),
    },
    {
        "id": "uji-3",
        "url": "https://kabar-uji.test/nasional/posko-mudik",
        "source": "Kabar Uji",
        "date": "2025-03-20",
        "title": "Posko Mudik Terpadu Dibuka di Terminal Pulo Tengah",
        "text": _RILIS,
    },
    {
        "id": "uji-4",
        "url": "https://warta-lain.test/berita/posko-mudik-dibuka",
        "source": "Warta Lain",
        "date": "2025-03-21",
        "title": "Pemerintah Buka Posko Mudik Terpadu",
        "text": _RILIS.replace("mulai Jumat pekan ini", "mulai Jumat").replace(
            "tanpa biaya tambahan.", "tanpa biaya tambahan. Informasi lengkap tersedia di laman kementerian."
        ),
    },
    {
        "id": "uji-5",
        "url": "https://warta-lain.test/berita/banjir-sukamaju",
        "source": "Warta Lain",
        "date": "2025-03-21",
        "title": "Banjir Rendam Tiga Desa di Sukamaju",
        "text": (
            "Sukamaju - Banjir merendam tiga desa di Kecamatan Sukamaju sejak Kamis malam. Bupati Sukamaju Andi "
            'Pratama meninjau lokasi pengungsian pada Jumat pagi. "Bantuan logistik sudah kami kirim ke balai '
            'desa," kata Andi Pratama.\n\nWarga berharap tanggul sungai segera diperbaiki sebelum musim hujan '
            "berikutnya."
        ),
    },
    {
        "id": "uji-6",
        "url": "https://warta-lain.test/berita/komentar-jahat",
        "source": "Warta Lain",
        "date": "2025-03-22",
        "title": f"Situs Palsu Sebar Tautan Berbahaya {SCRIPT_PAYLOAD}",
        "text": (
            f"Jakarta - Polisi menemukan situs palsu yang menyisipkan kode {SCRIPT_PAYLOAD} dan gambar "
            f"{IMG_PAYLOAD} ke halaman komentar. Kepala Unit Siber Dewi Lestari meminta warga tidak membuka "
            'tautan dari pengirim tak dikenal. "Jangan klik tautan yang tidak jelas asalnya," kata Dewi Lestari '
            "di Jakarta, Sabtu (22/3/2025)."
        ),
    },
]


def fill(db: str | Path, folder: Path) -> None:
    """RECORDS through the default pipeline into the store at ``db``."""
    data = folder / "berita.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    report = ingest([data], db=db, settings=load_settings(), workers=1)
    assert report.inserted == len(RECORDS), report


@pytest.fixture(scope="session", params=BACKENDS)
def web_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture corpus in a new store: a SQLite file, or a PostgreSQL database."""
    folder = tmp_path_factory.mktemp("web")
    if request.param == "sqlite":
        db = str(folder / "korpus.db")
        fill(db, folder)
        yield db
        return
    for url in postgres_database():
        fill(url, folder)
        yield url


@pytest.fixture(scope="session")
def filler() -> Callable[[str | Path, Path], None]:
    """:func:`fill`, for tests that need a second copy of the fixture corpus."""
    return fill


@pytest.fixture
def sqlite_db(web_db: str) -> str:
    """The fixture corpus when it is a SQLite file (tests of SQLite itself skip on PostgreSQL)."""
    if is_url(web_db):
        pytest.skip("a test of the SQLite file")
    return web_db


@pytest.fixture(scope="session")
def web_store(web_db: str) -> Iterator[Store]:
    with Store.open(web_db, create=False) as store:
        yield store


@pytest.fixture(scope="session")
def web_settings(web_db: str) -> Settings:
    # The corpus is of March 2025: its "this week" is the week to its newest day.
    return load_settings(db=str(web_db), api_token="", cors_origins=[], as_of="2025-03-22")


@pytest.fixture(scope="session")
def web_app(web_settings: Settings, web_store: Store) -> FastAPI:
    return create_app(web_settings, store=web_store)


def _client(app: FastAPI, **kwargs: Any) -> TestClient:
    """A TestClient of ``app`` that answers server errors as responses (as a server would)."""
    from fastapi.testclient import TestClient

    return TestClient(app, raise_server_exceptions=False, **kwargs)


@pytest.fixture(scope="session")
def client(web_app: FastAPI) -> Iterator[TestClient]:
    with _client(web_app) as c:
        yield c


@pytest.fixture(scope="session")
def make_client() -> Callable[..., TestClient]:
    """``make_client(app)``: a TestClient for another app (use it in a ``with`` block)."""
    return _client


def _article_id(conn: sa.Connection, url: str) -> int:
    found = conn.execute(sa.text("SELECT id FROM articles WHERE url = :u"), {"u": url}).scalar()
    assert found is not None, url
    return int(found)


@pytest.fixture(scope="session")
def web_ids(web_store: Store) -> dict[str, int]:
    """Ids of the fixture corpus that tests link to (see the module docstring)."""
    with web_store.connect() as conn:
        quoted = _article_id(conn, RECORDS[0]["url"])
        speaker = conn.execute(
            sa.text(
                "SELECT q.speaker_id FROM quotes q JOIN entities e ON e.id = q.speaker_id "
                "WHERE q.article_id = :a AND e.name = 'Rina Kartika' LIMIT 1"
            ),
            {"a": quoted},
        ).scalar()
        assert speaker is not None, "the fixture article lost its quote by Rina Kartika"
        return {
            "quoted_article": quoted,
            "speaker": int(speaker),
            "role_entity": int(speaker),
            "hostile": _article_id(conn, RECORDS[5]["url"]),
            "dupe_a": _article_id(conn, RECORDS[2]["url"]),
            "dupe_b": _article_id(conn, RECORDS[3]["url"]),
            "other_outlet": _article_id(conn, RECORDS[4]["url"]),
        }
