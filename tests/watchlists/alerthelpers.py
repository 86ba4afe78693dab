"""Hand-built analysed Articles for the watchlist tests, and local receivers for the alerts.

Imported by name (``from alerthelpers import ...``). The news text is invented for these
tests: Menteri Kelautan Sari Wulandari, Bupati Yusuf Hakim of Tanjung Lestari and the outlets
Kabar Pesisir and Suara Timur do not exist.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from warta.article import Article, Entity, Mention, Published, Quote, Source, Span, Speaker, Topic
from warta.storage import Store
from warta.storage.writer import article_fingerprint

SARI = "Sari Wulandari"
YUSUF = "Yusuf Hakim"

Q_PELABUHAN = "Pelabuhan ini akan memangkas biaya angkut nelayan hingga separuh"
Q_KAPAL = "Kami menyiapkan seratus kapal pendingin untuk nelayan kecil tahun ini"
Q_TERIMA_KASIH = "Kami berterima kasih kepada Sari Wulandari atas dukungannya"
Q_CUACA = "Nelayan jangan melaut dulu sampai gelombang reda"
Q_BARU = "Ekspor ikan tuna naik dua kali lipat sejak pelabuhan dibuka"

TEXT_1 = (
    f"Tanjung Lestari - Menteri Kelautan {SARI} meresmikan pelabuhan ikan baru di Tanjung Lestari, Selasa. "
    f'"{Q_PELABUHAN}," kata {SARI}. Bupati Tanjung Lestari {YUSUF} hadir dalam peresmian itu.'
)
TEXT_2 = (
    f"Tanjung Lestari - Pemerintah pusat menambah bantuan bagi nelayan di pesisir timur. "
    f'"{Q_KAPAL}," ujar {SARI} di kantornya, Rabu. '
    f'Bupati {YUSUF} menyambut bantuan itu. "{Q_TERIMA_KASIH}," kata {YUSUF}.'
)
TEXT_3 = (
    "Tanjung Lestari - Badan cuaca memperingatkan gelombang tinggi di perairan selatan pekan ini. "
    f'"{Q_CUACA}," kata Kepala Stasiun Cuaca Maria Ulfa. Peringatan berlaku sampai Minggu.'
)
TEXT_4 = (
    f"Tanjung Lestari - Ekspor perikanan dari pelabuhan baru melonjak pada bulan pertama. "
    f'"{Q_BARU}," kata {SARI} dalam jumpa pers, Jumat.'
)


def berita(
    *,
    id: str,
    outlet: str,
    day: str,
    title: str,
    text: str,
    people: Sequence[str] = (),
    quotes: Sequence[tuple[str, int]] = (),
    topic: str = "ekonomi",
) -> Article:
    """An analysed article: every occurrence of each name in ``people`` is a mention of that
    person; each quote is (its text, found in ``text``; the index of its speaker)."""
    mentions: list[Mention] = []
    entities: list[Entity] = []
    for i, name in enumerate(people):
        idxs = []
        start = text.find(name)
        while start >= 0:
            idxs.append(len(mentions))
            mentions.append(Mention(start=start, end=start + len(name), text=name, label="PER", entity=i))
            start = text.find(name, start + 1)
        entities.append(Entity(id=f"e{i}", name=name, label="PER", mentions=idxs))
    found = []
    for qtext, speaker in quotes:
        start = text.index(qtext)
        found.append(
            Quote(
                kind="direct",
                start=start,
                end=start + len(qtext),
                text=qtext,
                cue=Span(0, 4, text[:4]),
                speaker=Speaker(name=people[speaker], entity=speaker),
            )
        )
    return Article(
        id=id,
        raw=text,
        text=text,
        title=title,
        source=Source(
            outlet=outlet, url=f"https://{outlet.lower().replace(' ', '-')}.test/{id}", path=f"uji:{id}"
        ),
        published=Published(value=datetime.fromisoformat(day), method="metadata"),
        mentions=mentions,
        entities=entities,
        quotes=found,
        topic=Topic(label=topic, score=0.9),
    )


ARTICLES = {
    "pelabuhan": lambda: berita(
        id="pelabuhan",
        outlet="Kabar Pesisir",
        day="2025-04-01",
        title="Menteri Resmikan Pelabuhan Ikan <b>Tanjung Lestari</b>",
        text=TEXT_1,
        people=[SARI, YUSUF],
        quotes=[(Q_PELABUHAN, 0)],
    ),
    "kapal": lambda: berita(
        id="kapal",
        outlet="Suara Timur",
        day="2025-04-02",
        title="Seratus Kapal Pendingin untuk Nelayan",
        text=TEXT_2,
        people=[SARI, YUSUF],
        quotes=[(Q_KAPAL, 0), (Q_TERIMA_KASIH, 1)],
    ),
    "cuaca": lambda: berita(
        id="cuaca",
        outlet="Kabar Pesisir",
        day="2025-04-03",
        title="Gelombang Tinggi, Nelayan Diminta Waspada",
        text=TEXT_3,
        people=["Maria Ulfa"],
        quotes=[(Q_CUACA, 0)],
        topic="cuaca",
    ),
    "ekspor": lambda: berita(
        id="ekspor",
        outlet="Suara Timur",
        day="2025-04-04",
        title="Ekspor Tuna Melonjak",
        text=TEXT_4,
        people=[SARI],
        quotes=[(Q_BARU, 0)],
    ),
}


def store_articles(store: Store, *names: str) -> None:
    """Write the named fixture articles (as an ingest would)."""
    items = [(a, article_fingerprint(a, pipeline="uji")) for a in (ARTICLES[n]() for n in names)]
    store.write_batch(items)


# -- a webhook receiver -----------------------------------------------------------------------


class Receiver:
    """What the local webhook receiver got: each request's body, headers, whether its
    signature was right, and the status it answered."""

    def __init__(self, secret: str, fail_first: int = 0) -> None:
        self.secret = secret
        self.fail_first = fail_first
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    @property
    def delivered(self) -> list[dict[str, Any]]:
        """The bodies of the requests answered 200 with a good signature."""
        return [r["json"] for r in self.requests if r["status"] == 200 and r["signed"]]


@contextmanager
def webhook_receiver(secret: str, *, fail_first: int = 0) -> Iterator[tuple[str, Receiver]]:
    """An HTTP server thread on 127.0.0.1 that checks the HMAC-SHA256 signature of each POST
    and answers 500 to the first ``fail_first`` ones, 401 to a bad signature, else 200."""
    got = Receiver(secret, fail_first)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
            signed = hmac.compare_digest(expected, self.headers.get("X-Warta-Signature", ""))
            with got.lock:
                status = 500 if len(got.requests) < got.fail_first else 200 if signed else 401
                got.requests.append(
                    {
                        "json": json.loads(body),
                        "signed": signed,
                        "status": status,
                        "delivery": self.headers.get("X-Warta-Delivery"),
                    }
                )
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", got
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# -- an SMTP server ---------------------------------------------------------------------------


@contextmanager
def smtp_server() -> Iterator[tuple[int, list[Any]]]:
    """A local aiosmtpd server on 127.0.0.1; yields its port and the messages it received
    (``email.message.Message`` objects)."""
    import socket

    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received: list[Any] = []

    class Keep(Message):  # type: ignore[misc]
        def handle_message(self, message: Any) -> None:
            received.append(message)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()
