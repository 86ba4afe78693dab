"""A small invented Indonesian news site on 127.0.0.1, for the collector's tests.

"Kabar Nusantara Uji" publishes a feed, a sitemap index (a plain sitemap and a news
sitemap), a front page and article pages, with the troubles real sites have: a robots.txt
that forbids a folder, conditional GETs (ETag, 304), a missing page, a page that fails
once with 500, a page slower than the timeout, redirect chains (one too long), a page
whose bytes are windows-1252 while it declares UTF-8 (and one the other way round), a
page too large, an index page that is no article, and one article under several URLs
(tracking parameters, the mobile host, a copy at another path). All text is written for
these tests.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

__all__ = ["NewsSite", "article_html"]

_PLACES = [
    "Kupang",
    "Ambon",
    "Jayapura",
    "Kendari",
    "Ternate",
    "Mataram",
    "Palu",
    "Sorong",
    "Tarakan",
    "Bima",
]
_PEOPLE = ["Rahmat Sitanggang", "Yohana Mbeti", "Arif Lamasi", "Dewi Kaunang", "Budi Harjanto", "Nurul Aini"]
_TOPICS = ["harga cabai", "jalan desa", "air bersih", "sekolah dasar", "pelabuhan ikan", "listrik desa"]


def article_html(n: int, version: int = 1, *, charset: str = "utf-8") -> str:
    """An invented news page; ``n`` picks the place, person and topic, ``version`` the update."""
    place, person, topic = _PLACES[n % len(_PLACES)], _PEOPLE[n % len(_PEOPLE)], _TOPICS[n % len(_TOPICS)]
    extra = (
        f"<p>Pembaruan ke-{version}: pemerintah daerah menambah anggaran untuk {topic} "
        f"sebesar Rp{version + n} miliar setelah rapat dengan DPRD {place}.</p>"
        if version > 1
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="{charset}">
<title>Warga {place} Menanti Perbaikan {topic.title()} (Berita {n})</title>
<meta property="og:site_name" content="Kabar Nusantara Uji">
<meta property="article:published_time" content="2025-03-{1 + n % 27:02d}T08:00:00+08:00">
</head><body>
<nav><a href="/">Beranda</a> <a href="/kanal/daerah">Daerah</a></nav>
<article>
<h1>Warga {place} Menanti Perbaikan {topic.title()} (Berita {n})</h1>
<p>{place.upper()}, KABAR UJI - Warga di sejumlah kelurahan di {place} mengeluhkan {topic} yang belum
juga membaik sejak awal tahun. Mereka meminta pemerintah kota segera turun tangan sebelum
musim hujan tiba, karena keadaan selama ini menyulitkan kegiatan sehari-hari.</p>
<p>"Kami sudah tiga kali menyampaikan keluhan ini kepada kelurahan, tetapi belum ada jawaban
yang jelas," kata {person}, tokoh masyarakat setempat, pada Senin pagi di balai warga.</p>
<p>Kepala dinas terkait mengatakan pihaknya telah menyiapkan rencana perbaikan dan akan
memulai pekerjaan bulan depan. Ia berjanji melibatkan warga dalam pengawasan agar hasilnya
sesuai kebutuhan dan anggaran digunakan dengan hemat.</p>
<p>Menurut catatan dinas, sedikitnya {12 + n} rukun tetangga terdampak. Anggota DPRD dari
daerah pemilihan itu meminta laporan perkembangan disampaikan secara terbuka setiap bulan.</p>
{extra}
</article>
<footer>Hak cipta Kabar Nusantara Uji. Semua tulisan di situs ini rekaan untuk pengujian.</footer>
</body></html>
"""


_INDEX_PAGE = (
    """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Indeks Berita</title></head>
<body><ul>"""
    + "".join(f'<li><a href="/berita/{i}">Berita {i}</a></li>' for i in range(1, 9))
    + "</ul></body></html>"
)


class NewsSite:
    """The site: ``start()`` serves it on a free port; ``url(path)`` is an address on it
    (host ``localhost``); ``hits`` counts answers by (path, status); ``bump(n)`` publishes
    a new version of article ``n`` (new text, new date, new ETag) in the listings."""

    def __init__(self, *, slow_seconds: float = 1.5, big_bytes: int = 400_000) -> None:
        self.slow_seconds = slow_seconds
        self.big_bytes = big_bytes
        self.versions: dict[int, int] = {n: 1 for n in range(1, 9)}
        self.hits: Counter[tuple[str, int]] = Counter()
        self.hosts: Counter[str] = Counter()
        self.failing_once: set[str] = {"/berita/rusak"}
        self.lock = threading.Lock()
        self.base_time = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    # -- serving -------------------------------------------------------------------------

    def start(self) -> NewsSite:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site._handle(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def url(self, path: str, *, host: str = "localhost") -> str:
        return f"http://{host}:{self.port}{path}"

    def bump(self, n: int) -> None:
        with self.lock:
            self.versions[n] += 1

    def article_hits(self, status: int = 200) -> Counter[str]:
        return Counter({p: c for (p, s), c in self.hits.items() if s == status and p.startswith("/berita/")})

    # -- content -------------------------------------------------------------------------

    def lastmod(self, n: int) -> datetime:
        # A new version is dated ten days later, past every other article's date.
        return self.base_time + timedelta(days=n % 27 + 10 * (self.versions[n] - 1))

    def _pages(self) -> dict[str, tuple[bytes, str, datetime | None]]:
        """path -> (body, content type, date)."""
        html = "text/html; charset=utf-8"
        pages: dict[str, tuple[bytes, str, datetime | None]] = {}
        for n, v in self.versions.items():
            pages[f"/berita/{n}"] = (article_html(n, v).encode("utf-8"), html, self.lastmod(n))
        pages["/berita/2-salinan"] = pages["/berita/2"]  # the same story at another address
        pages["/berita/rusak"] = (article_html(11).encode("utf-8"), html, None)
        pages["/berita/tujuan"] = (article_html(12).encode("utf-8"), html, None)
        # Windows-1252 bytes (curly quotes) under a UTF-8 declaration, in page and header.
        cp = article_html(13).replace('"Kami', "\u201cKami").replace('jelas,"', "jelas,\u201d")
        pages["/berita/cp1252"] = (cp.encode("cp1252"), html, None)
        # UTF-8 bytes under a latin-1 declaration.
        latin = article_html(14, charset="iso-8859-1").replace(
            "Senin pagi", "Senin pagi \u2014 sambil tersenyum \u2014"
        )
        pages["/berita/latin"] = (latin.encode("utf-8"), "text/html; charset=iso-8859-1", None)
        pages["/berita/indeks"] = (_INDEX_PAGE.encode("utf-8"), html, None)
        pages["/berita/besar"] = (
            (article_html(15) + "<!-- " + "isi " * (self.big_bytes // 4) + " -->").encode("utf-8"),
            html,
            None,
        )
        pages["/rahasia/1"] = (article_html(16).encode("utf-8"), html, None)
        pages["/robots.txt"] = (b"User-agent: *\nDisallow: /rahasia/\n", "text/plain", None)
        pages["/rss.xml"] = (self._feed().encode("utf-8"), "application/rss+xml", None)
        pages["/sitemap.xml"] = (self._index().encode("utf-8"), "application/xml", None)
        pages["/sitemap-daerah.xml"] = (self._sitemap().encode("utf-8"), "application/xml", None)
        pages["/sitemap-news.xml"] = (self._news().encode("utf-8"), "application/xml", None)
        pages["/depan"] = (self._front().encode("utf-8"), html, None)
        return pages

    def _feed(self) -> str:
        items = [
            ("/berita/1", self.lastmod(1)),
            ("/berita/2?utm_source=rss&utm_medium=feed", self.lastmod(2)),
            ("/berita/3", self.lastmod(3)),
            ("/berita/rusak", None),
            ("/berita/pindah", None),
            ("/berita/hilang", None),
            ("/berita/lambat", None),
            ("/rahasia/1", None),
            ("/berita/latin", None),
        ]
        out = [
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>',
            "<title>Kabar Nusantara Uji</title><link>/</link><description>Berita daerah rekaan</description>",
        ]
        for path, when in items:
            date = f"<pubDate>{format_datetime(when)}</pubDate>" if when else ""
            out.append(f"<item><title>Berita {path}</title><link>{self.url(path)}</link>{date}</item>")
        out.append("</channel></rss>")
        return "".join(out)

    def _sitemap_lastmod(self) -> str:
        return max(self.lastmod(n) for n in (4, 5)).isoformat()

    def _index(self) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{self.url('/sitemap-daerah.xml')}</loc><lastmod>{self._sitemap_lastmod()}</lastmod></sitemap>"
            f"<sitemap><loc>{self.url('/sitemap-news.xml')}</loc></sitemap>"
            "</sitemapindex>"
        )

    def _sitemap(self) -> str:
        urls = [
            (self.url("/berita/4"), self.lastmod(4).isoformat()),
            (self.url("/berita/5"), self.lastmod(5).isoformat()),
            (self.url("/berita/2-salinan"), None),
            (self.url("/berita/besar"), None),
            (self.url("/berita/putar/0"), None),
        ]
        body = "".join(
            f"<url><loc>{loc}</loc>" + (f"<lastmod>{mod}</lastmod>" if mod else "") + "</url>"
            for loc, mod in urls
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'
        )

    def _news(self) -> str:
        entries = [
            (self.url("/berita/6"), self.lastmod(6)),
            (self.url("/berita/cp1252"), None),
            (self.url("/berita/1/"), self.lastmod(1)),  # also in the feed, with a trailing slash
            (self.url("/berita/2", host="m.localhost"), self.lastmod(2)),  # the mobile host
        ]
        body = "".join(
            f"<url><loc>{loc}</loc><news:news><news:publication><news:name>Kabar Nusantara Uji</news:name>"
            "<news:language>id</news:language></news:publication>"
            + (f"<news:publication_date>{when.isoformat()}</news:publication_date>" if when else "")
            + "<news:title>Berita</news:title></news:news></url>"
            for loc, when in entries
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{body}</urlset>'
        )

    def _front(self) -> str:
        links = [
            "/berita/7",
            "/berita/8?fbclid=abc123",
            "/berita/1#komentar",
            "/berita/indeks",
            "/tentang-kami",
            "https://example.com/berita/99",
        ]
        items = "".join(f'<li><a href="{href}">Tautan {i}</a></li>' for i, href in enumerate(links))
        return (
            '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Kabar Nusantara Uji</title></head>'
            f"<body><h1>Kabar Nusantara Uji</h1><ul>{items}</ul></body></html>"
        )

    # -- one request -----------------------------------------------------------------------

    def _handle(self, req: BaseHTTPRequestHandler) -> None:
        path = urlsplit(req.path).path
        self.hosts[req.headers.get("Host", "")] += 1

        def answer(
            status: int, body: bytes = b"", headers: dict[str, str] | None = None, *, length: bool = True
        ) -> None:
            if path != "/berita/lambat":
                with self.lock:
                    self.hits[(path, status)] += 1
            req.send_response(status)
            for k, v in (headers or {}).items():
                req.send_header(k, v)
            if length:
                req.send_header("Content-Length", str(len(body)))
            req.end_headers()
            if body:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    req.wfile.write(body)

        if path == "/berita/lambat":
            # Counted when asked (as 200 would be), not when answered after the client left.
            with self.lock:
                self.hits[(path, 200)] += 1
            time.sleep(self.slow_seconds)
            answer(200, article_html(17).encode("utf-8"), {"Content-Type": "text/html"})
            return
        with self.lock:
            if path in self.failing_once:
                self.failing_once.discard(path)
                fail = True
            else:
                fail = False
        if fail:
            answer(500, b"galat server")
            return
        if path == "/berita/pindah":
            answer(301, headers={"Location": "/berita/pindah-2"})
            return
        if path == "/berita/pindah-2":
            answer(302, headers={"Location": self.url("/berita/tujuan")})
            return
        if path.startswith("/berita/putar/"):
            n = int(path.rsplit("/", 1)[1])
            answer(302, headers={"Location": f"/berita/putar/{n + 1}"})
            return
        with self.lock:
            pages = self._pages()
        found = pages.get(path)
        if found is None:
            answer(404, b"tidak ditemukan")
            return
        body, ctype, when = found
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        headers = {"Content-Type": ctype, "ETag": etag}
        if when is not None:
            headers["Last-Modified"] = format_datetime(when, usegmt=True)
        if req.headers.get("If-None-Match") == etag:
            answer(304, headers={"ETag": etag})
            return
        # The big page has no Content-Length: the collector must stop reading it by itself.
        answer(200, body, headers, length=path != "/berita/besar")
