from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from iohelpers import SHARED_DATA

from warta.article import Article
from warta.config import Settings
from warta.errors import EmptyInputError
from warta.io import Reject, article_from_html, read_path
from warta.io._tree import flatten_html
from warta.io._tree import too_deep as _too_deep

Writer = Callable[[str, str | bytes], Path]

PARAGRAPHS = [
    "GARUT - Ratusan petani di Kecamatan Cikajang memanen cabai merah sejak Senin pagi, setelah tiga bulan "
    "menunggu cuaca membaik.",
    '"Hasilnya lebih banyak dari tahun lalu, harganya juga bagus," kata Ujang Suparman, ketua kelompok tani '
    "setempat, kepada wartawan.",
    "Dinas Pertanian Kabupaten Garut mencatat luas panen tahun ini mencapai dua ribu hektare, naik dibanding "
    "musim sebelumnya.",
    "Menurut Ujang, sebagian hasil panen akan dikirim ke pasar induk di Jakarta dan Bandung pekan depan.",
]
NAV = ["Beranda", "Politik", "Ekonomi", "Olahraga"]
FOOTER = "Hak cipta Kabar Priangan. Seluruh isi dilindungi undang-undang."
COMMENT_FORM = ["Tinggalkan Komentar", "Kirim Komentar"]


def page(*, charset: str = "utf-8", body: str | None = None) -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    article = (
        body
        if body is not None
        else f"<article><h1>Petani Garut Panen Raya Cabai</h1>\n{paragraphs}</article>"
    )
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="{charset}">
<title>Petani Garut Panen Raya Cabai - Kabar Priangan</title>
<meta property="og:site_name" content="Kabar Priangan">
<meta name="author" content="Rina Lestari">
<meta property="article:published_time" content="2024-03-05T09:30:00+07:00">
<link rel="canonical" href="https://www.kabarpriangan.example/ekonomi/petani-garut-panen-cabai">
</head><body>
<nav><ul>{nav}</ul></nav>
<header><div class="logo">Kabar Priangan</div></header>
<main>{article}
<section id="comments"><h3>{COMMENT_FORM[0]}</h3>
<form><label>Nama</label><input name="nama"><textarea>Tulis komentar Anda</textarea>
<button>{COMMENT_FORM[1]}</button></form></section></main>
<footer><p>{FOOTER}</p><a href="/kontak">Kontak Redaksi</a></footer>
</body></html>"""


def read_one(path: Path, settings: Settings) -> Article:
    (item,) = list(read_path(path, settings=settings))
    assert isinstance(item, Article)
    return item


@pytest.mark.parametrize("name", ["halaman.html", "halaman.htm", "halaman.html.gz"])
def test_article_body_is_extracted_as_paragraphs(write: Writer, settings: Settings, name: str) -> None:
    article = read_one(write(name, page()), settings)
    assert article.raw == "\n\n".join(PARAGRAPHS)
    assert article.input_format == "html"


@pytest.mark.parametrize("boilerplate", [*NAV, FOOTER, *COMMENT_FORM, "Kontak Redaksi", "Tulis komentar"])
def test_navigation_footer_and_comment_form_are_left_out(
    write: Writer, settings: Settings, boilerplate: str
) -> None:
    assert boilerplate not in read_one(write("halaman.html", page()), settings).raw


def test_page_metadata_fills_title_source_and_date(write: Writer, settings: Settings) -> None:
    article = read_one(write("halaman.html", page()), settings)
    assert article.title == "Petani Garut Panen Raya Cabai"
    assert article.source.outlet == "Kabar Priangan"
    assert article.source.site == "kabarpriangan.example"
    assert article.source.author == "Rina Lestari"
    assert article.source.url == "https://www.kabarpriangan.example/ekonomi/petani-garut-panen-cabai"
    assert article.published.method == "metadata"
    assert article.published.value is not None
    assert article.published.value.date() == date(2024, 3, 5)


def test_id_and_path_come_from_the_file(write: Writer, settings: Settings) -> None:
    path = write("halaman.html", page())
    article = read_one(path, settings)
    assert article.id == article.source.path == str(path)


def test_declared_latin1_page_is_decoded_as_cp1252(write: Writer, settings: Settings) -> None:
    text = "Pengunjung kafe “Sentosa” di Garut memprotes kenaikan harga menu, kata pemiliknya, Héru Gunawan."
    body = f"<article><p>{text}</p><p>{PARAGRAPHS[2]}</p></article>"
    path = write("lama.html", page(charset="iso-8859-1", body=body).encode("cp1252"))
    assert text in read_one(path, settings).raw


@pytest.mark.parametrize(
    "content",
    [
        "<html><head><title>Kosong</title></head><body><div></div></body></html>",
        "<html><body><script>muat();</script></body></html>",
    ],
    ids=["empty-body", "script-only"],
)
def test_page_without_article_text_raises_w101(write: Writer, settings: Settings, content: str) -> None:
    path = write("indeks.html", content)
    with pytest.raises(EmptyInputError, match=r"indeks\.html: no article text found"):
        list(read_path(path, settings=settings))


def test_article_from_html_accepts_bytes_and_a_url(settings: Settings) -> None:
    article = article_from_html(
        page().encode("utf-8"), id="p1", source="p1.html", url="https://kabarpriangan.example/p1"
    )
    assert article.source.url == "https://kabarpriangan.example/p1"
    assert article.raw.startswith("GARUT - ")


# ---- the saved news pages in ../shared/data (skipped when absent) ----

NEWS_HTML = SHARED_DATA / "news-html"


def _manifest() -> list[dict[str, str]]:
    if not (NEWS_HTML / "manifest.jsonl").exists():
        return []
    with (NEWS_HTML / "manifest.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _title_core(title: str) -> str:
    """The longest part of a page title split at its site separators (" - ", " | ", ": ")."""
    parts = re.split(r"\s+[-|]\s+|\s+::\s+|: ", html.unescape(title))
    return " ".join(max(parts, key=len).split()).lower()


needs_data = pytest.mark.skipif(not NEWS_HTML.exists(), reason=f"{NEWS_HTML} is absent")
MANIFEST = _manifest()


@pytest.mark.data
@needs_data
@pytest.mark.parametrize(
    "entry", [m for m in MANIFEST if m["page_type"] == "article"], ids=lambda m: Path(m["file"]).stem
)
def test_news_article_pages_give_a_body_and_the_manifest_title(
    settings: Settings, entry: dict[str, str]
) -> None:
    article = read_one(NEWS_HTML / entry["file"], settings)
    assert len(article.raw) > 500
    assert "\n\n" in article.raw
    assert article.title is not None
    assert _title_core(entry["title"]) in " ".join(article.title.split()).lower()


@pytest.mark.data
@needs_data
@pytest.mark.parametrize(
    "entry", [m for m in MANIFEST if m["page_type"] == "index"], ids=lambda m: Path(m["file"]).stem
)
def test_news_index_pages_give_an_article_or_w101(settings: Settings, entry: dict[str, str]) -> None:
    try:
        items: list[Article | Reject] = list(read_path(NEWS_HTML / entry["file"], settings=settings))
    except EmptyInputError:
        return
    assert len(items) == 1
    assert isinstance(items[0], Article)
    assert items[0].raw.strip()


_META_FIELDS = ("title", "author", "url", "hostname", "sitename", "date")


def _metadata_fields(text: str, url: str | None) -> tuple[dict[str, object], dict[str, object]]:
    """The Article's metadata fields of a page: by the reader, and by trafilatura's whole
    ``extract_metadata`` (the reader leaves out the steps whose fields it does not keep)."""
    from trafilatura.metadata import extract_metadata

    from warta.io._html import _DATE_PARAMS, _metadata
    from warta.io._tree import parse

    ours, theirs = _metadata(parse(text), url), extract_metadata(parse(text), url, _DATE_PARAMS, False)
    return {f: getattr(ours, f) for f in _META_FIELDS}, {f: getattr(theirs, f) for f in _META_FIELDS}


def test_reader_metadata_is_trafilaturas() -> None:
    ours, theirs = _metadata_fields(page(), None)
    assert ours == theirs
    assert ours["author"] == "Rina Lestari"
    assert ours["date"] == "2024-03-05"


@pytest.mark.data
@needs_data
@pytest.mark.parametrize("entry", MANIFEST, ids=lambda m: Path(m["file"]).stem)
def test_reader_metadata_is_trafilaturas_on_news_pages(entry: dict[str, str]) -> None:
    from warta.io._html import decode_html

    path = NEWS_HTML / entry["file"]
    text = decode_html(path.read_bytes(), source=str(path))
    for url in (None, entry.get("url")):  # read from a file, and with its address known
        ours, theirs = _metadata_fields(text, url)
        assert ours == theirs


# ---- pages nested deeper than libxml2 builds (256 levels; 2,048 with huge_tree) ----

DALAM = [
    "Warga Desa Sukamaju bergotong royong membersihkan saluran air menjelang musim hujan.",
    "Kepala desa, Budi Santoso, mengatakan kegiatan itu digelar setiap bulan sejak tahun lalu.",
    "Sampah plastik yang terkumpul akan dipilah dan dijual ke bank sampah kecamatan.",
]


def nested_page(levels: int, inner: str | None = None, after: str = "") -> str:
    inner = inner if inner is not None else "".join(f"<p>{p}</p>" for p in DALAM)
    return (
        "<html><head><title>Gotong Royong di Sukamaju</title></head><body>"
        + "<div>" * levels
        + inner
        + "</div>" * levels
        + after
        + "</body></html>"
    )


@pytest.mark.parametrize("levels", [300, 2_000, 5_000])
def test_deeply_nested_page_still_gives_its_text(levels: int) -> None:
    article = article_from_html(nested_page(levels), id="dalam", source="dalam.html")
    assert article.raw.split("\n\n") == DALAM
    assert article.title == "Gotong Royong di Sukamaju"


def test_text_after_a_deep_part_is_kept() -> None:
    # libxml2 stops parsing at its depth limit: without flattening, what follows is lost too.
    after = "<p>Kegiatan serupa akan digelar di desa tetangga pekan depan, kata Budi.</p>"
    article = article_from_html(nested_page(3_000, after=after), id="dalam", source="dalam.html")
    assert article.raw.split("\n\n") == [
        *DALAM,
        "Kegiatan serupa akan digelar di desa tetangga pekan depan, kata Budi.",
    ]


def test_unclosed_divs_keep_every_paragraph_apart() -> None:
    # Each paragraph opens a <div> that is never closed: the page nests one level more per paragraph.
    body = "".join(
        f"<div>Laporan ke-{i}: air sungai di Sukamaju naik lagi setelah hujan semalam.\n"
        for i in range(3_000)
    )
    page = f"<html><head><title>Banjir</title></head><body>{body}</body></html>"
    article = article_from_html(page, id="banjir", source="banjir.html")
    paragraphs = article.raw.split("\n\n")
    assert len(paragraphs) > 2_500  # trafilatura leaves out a few at the top, as on a shallow page
    assert paragraphs[-1] == "Laporan ke-2999: air sungai di Sukamaju naik lagi setelah hujan semalam."
    assert len(set(paragraphs)) == len(paragraphs)


def test_deep_page_takes_linear_time() -> None:
    # 5,000 and 50,000 levels: quadratic work would take minutes for the larger one.
    started = time.perf_counter()
    article_from_html(nested_page(5_000), id="dalam", source="dalam.html")
    small = time.perf_counter() - started
    started = time.perf_counter()
    article = article_from_html(nested_page(50_000), id="dalam", source="dalam.html")
    large = time.perf_counter() - started
    assert article.raw.split("\n\n") == DALAM
    assert small < 5 and large < 10


def test_deep_page_without_text_names_the_depth(write: Writer, settings: Settings) -> None:
    path = write("dalam.html", nested_page(4_000, inner="<script>muat();</script>"))
    with pytest.raises(
        EmptyInputError,
        match=r"dalam\.html: no article text found in the page, which nests elements 4,00\d levels deep",
    ):
        list(read_path(path, settings=settings))


def test_shallow_page_is_not_rewritten() -> None:
    # Real pages never reach the depth: the flattening path is not even entered.
    assert not _too_deep(page())
    assert _too_deep(nested_page(300))


@pytest.mark.parametrize(
    ("html_in", "expected"),
    [
        # A block nested in a block: the text after it goes into a copy of the outer one.
        (
            "<div><div>Banjir surut.<div><p>Warga pulang.</p></div>Sekolah buka.</div></div>",
            "<div><div>Banjir surut.</div><p>Warga pulang.</p><div>Sekolah buka.</div></div>",
        ),
        # Inline elements give their text to the paragraph; <br> and entities are kept.
        (
            "<div><div><p>Harga <b>cabai</b> &amp; <a href='/x'>bawang</a><br/>naik.</p></div></div>",
            "<div><p>Harga cabai &amp; bawang<br>naik.</p></div>",
        ),
        # Empty wrappers leave nothing; comments are dropped; attributes of a kept tag stay.
        (
            '<div><div><div><section class="komentar"><!-- x --><p>Setuju.</p></section></div></div></div>',
            "<div><p>Setuju.</p></div>",
        ),
        (
            '<div><span><h2 class="judul">Rapat desa</h2>Dimulai pukul sembilan.</span></div>',
            '<div><h2 class="judul">Rapat desa</h2>Dimulai pukul sembilan.</div>',
        ),
    ],
    ids=["nested-blocks", "inline", "wrappers", "heading"],
)
def test_flatten_html_keeps_text_and_block_breaks(html_in: str, expected: str) -> None:
    assert flatten_html(html_in, max_depth=1)[0] == expected


def test_flatten_html_leaves_unclosed_paragraphs_and_list_items_alone() -> None:
    # They close at the next one, as in HTML: a page full of them is not deep, and the
    # levels above max_depth are written back as they came.
    page = "<div><p>Satu<p>Dua<ul><li>tiga<li>empat</ul></div>" * 500
    assert flatten_html(page, max_depth=3) == (page, 3)


def test_flatten_html_reports_the_depth_and_is_linear() -> None:
    def timed(levels: int) -> float:
        page = "<div>" * levels + "<p>Air surut.</p>" + "</div>" * levels
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            flat, depth = flatten_html(page, max_depth=10)
            best = min(best, time.perf_counter() - started)
        assert depth == levels + 1
        assert flat == "<div>" * 10 + "<p>Air surut.</p>" + "</div>" * 10
        return best

    small, large = timed(10_000), timed(80_000)
    assert large < 30 * small  # 8 times the page: linear, not quadratic (64 times)


_STORY = "".join(
    f"<p>Paragraf {i} tentang harga cabai yang naik menjelang Lebaran di pasar kota.</p>" for i in range(8)
)


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        (
            "Harga Cabai Naik Jelang Lebaran - Kabarkota.com Regional",
            "kabarkota.com",
            "Harga Cabai Naik Jelang Lebaran",
        ),
        (
            "Harga Cabai Naik Jelang Lebaran | Kabarkota Online",
            "kabarkota.co.id",
            "Harga Cabai Naik Jelang Lebaran",
        ),
        (
            "Kabarkota.com: Harga Cabai Naik Jelang Lebaran",
            "kabarkota.com",
            "Harga Cabai Naik Jelang Lebaran",
        ),
    ],
)
def test_the_site_name_around_a_headline_is_left_out(title: str, site: str, expected: str) -> None:
    page = (
        f'<html><head><title>{title}</title><meta property="og:url" content="https://www.{site}/read/1">'
        f"</head><body><article>{_STORY}</article></body></html>"
    )
    assert article_from_html(page, id="t", source="t.html").title == expected


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Pewarta Rina Wulandari", "Rina Wulandari"),
        ("Kabarkota Cyber Media", None),
        ("Web Design; Development", None),
        ("Budi Santoso", "Budi Santoso"),
    ],
)
def test_the_author_is_a_person_not_a_label_or_the_outlet(author: str, expected: str | None) -> None:
    page = (
        f'<html><head><title>Harga Cabai Naik</title><meta name="author" content="{author}">'
        '<meta property="og:url" content="https://www.kabarkota.com/read/1">'
        f"</head><body><article>{_STORY}</article></body></html>"
    )
    assert article_from_html(page, id="t", source="t.html").source.author == expected
