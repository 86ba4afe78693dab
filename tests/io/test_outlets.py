"""Outlet profiles, the extraction cascade, teaser grids and paging.

Every page here is written for the test in the shape of an outlet's template (its body
container and furniture classes); the text is invented.
"""

from __future__ import annotations

import pytest

from warta.errors import EmptyInputError
from warta.io import article_from_html
from warta.io.outlets import next_page_url, profile_for, profiles, to_xpath

STORY = [
    "Pemerintah Kabupaten Sukamaju mulai memperbaiki jembatan gantung di Desa Cibeber yang rusak diterjang "
    "banjir bandang akhir bulan lalu.",
    '"Kami targetkan jembatan bisa dilalui warga lagi sebelum tahun ajaran baru," kata Kepala Dinas Pekerjaan '
    "Umum Sukamaju, Hendra Wiguna, di lokasi perbaikan.",
    "Selama jembatan putus, anak-anak sekolah harus memutar sejauh tujuh kilometer melewati jalan desa yang "
    "berlumpur saat hujan turun.",
    "Hendra menyebut perbaikan memakan anggaran sekitar Rp 850 juta yang diambil dari dana tanggap darurat "
    "kabupaten tahun ini.",
]
RELATED = [
    "Harga Cabai di Sukamaju Turun Lagi",
    "Banjir Rendam Tiga Desa di Cibeber",
    "Bupati Resmikan Pasar Baru",
]


def _page(
    host: str, body: str, *, extra_head: str = "", path: str = "/read/2025/01/15/jembatan-cibeber"
) -> str:
    related = "".join(f'<li><a href="/read/{i}">{t}</a></li>' for i, t in enumerate(RELATED))
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Jembatan Cibeber Diperbaiki</title>
<link rel="canonical" href="https://{host}{path}">
<meta property="og:site_name" content="Kabar Uji">{extra_head}
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<h1>Jembatan Cibeber Diperbaiki</h1>
{body}
<div class="sidebar"><h3>Terpopuler</h3><ul>{related}</ul></div>
<footer><p>Hak cipta Kabar Uji.</p></footer>
</body></html>"""


def _paragraphs() -> str:
    return "".join(f"<p>{p}</p>" for p in STORY)


# (host, body as the outlet's template writes it, profile name)
TEMPLATES = [
    (
        "news.detik.com",
        '<div class="detail__body-text itp_bodycontent"><strong>Jakarta</strong> - '
        + _paragraphs()
        + '<table class="linksisip"><tr><td>Baca juga: <a href="/x">Harga Cabai Turun</a></td></tr></table>'
        + '<div class="detail__body-tag"><a href="/tag/banjir">banjir</a><a href="/tag/jembatan">jembatan</a></div></div>',
        "detik",
    ),
    (
        "regional.kompas.com",
        '<div class="read__content"><div class="clearfix">'
        + _paragraphs()
        + '<div class="inner-link-baca-juga">Baca juga: <a href="/y">Banjir Rendam Tiga Desa</a></div></div></div>',
        "kompas",
    ),
    (
        "www.cnnindonesia.com",
        '<div class="detail-text">'
        + _paragraphs()
        + '<table class="linksisip"><tr><td><a href="/z">Bupati Resmikan Pasar Baru</a></td></tr></table></div>',
        "cnnindonesia",
    ),
    (
        "www.liputan6.com",
        '<div class="article-content-body__item-content">'
        + _paragraphs()
        + '<div class="baca-juga-collections"><h4>Baca Juga</h4><ul>'
        + "".join(f'<li><a href="/r{i}">{t}</a></li>' for i, t in enumerate(RELATED))
        + "</ul></div></div>",
        "kly",
    ),
    (
        "nasional.okezone.com",
        '<div id="contentx">'
        + _paragraphs()
        + '<div class="box-gnews">Ikuti berita kami di Google News</div></div>',
        "okezone",
    ),
    (
        "www.antaranews.com",
        '<div class="wrap__article-detail-content post-content">'
        + _paragraphs()
        + '<p class="text-muted">Pewarta: Rina Lestari<br>Editor: Budi Hartono</p></div>',
        "antara",
    ),
    (
        "www.tribunnews.com",
        '<div class="side-article txt-article">'
        + _paragraphs()
        + '<p class="baca">Baca: <a href="/b">Harga Cabai Turun</a></p></div>',
        "tribunnews",
    ),
    ("nasional.sindonews.com", '<div id="detail-desc">' + _paragraphs() + "</div>", "sindonews"),
    ("www.suara.com", '<div class="detail--content">' + _paragraphs() + "</div>", "suara"),
    (
        "www.viva.co.id",
        '<div class="main-content-detail">'
        + _paragraphs()
        + '<div class="article-related"><a href="/q">Bupati Resmikan Pasar Baru</a></div></div>',
        "viva",
    ),
]


@pytest.mark.parametrize(("host", "body", "name"), TEMPLATES, ids=[t[2] for t in TEMPLATES])
def test_a_template_is_read_by_its_profile_without_its_furniture(host: str, body: str, name: str) -> None:
    a = article_from_html(_page(host, body), id="p", source=f"{name}.html")
    assert a.source.extractor == f"profile:{name}"
    for paragraph in STORY:
        assert paragraph in a.raw
    for furniture in [*RELATED, "Baca juga", "Google News", "Editor: Budi", "banjir jembatan", "Hak cipta"]:
        assert furniture not in a.raw
    assert a.source.url == f"https://{host}/read/2025/01/15/jembatan-cibeber"


def test_every_profile_has_hosts_and_valid_selectors() -> None:
    names = [p.name for p in profiles()]
    assert len(names) == len(set(names)) >= 15
    for p in profiles():
        assert p.hosts and p.body
        assert all(h == h.lower() and "/" not in h for h in p.hosts)


def test_profiles_match_subdomains_only_on_a_dot() -> None:
    assert profile_for("https://finance.detik.com/x").name == "detik"
    assert profile_for("detik.com").name == "detik"
    assert profile_for("https://notdetik.com/x") is None
    assert profile_for(None) is None


def test_selector_subset_and_what_it_refuses() -> None:
    assert to_xpath("div[itemprop=articleBody]") == "//div[@itemprop='articleBody']"
    assert to_xpath("#isi") == "//*[@id='isi']"
    with pytest.raises(ValueError, match="unsupported selector"):
        to_xpath("div > p")


def test_a_profile_that_finds_no_story_leaves_the_page_to_the_generic_path() -> None:
    # The template's container is there, but empty (the story sits elsewhere on this page).
    body = '<div class="detail__body-text"></div><article>' + _paragraphs() + "</article>"
    a = article_from_html(_page("news.detik.com", body), id="p", source="p.html")
    assert a.source.extractor is not None and a.source.extractor.startswith("trafilatura:")
    assert STORY[0] in a.raw


def test_without_profiles_the_generic_path_reads_the_page() -> None:
    body = '<div class="read__content">' + _paragraphs() + "</div>"
    a = article_from_html(_page("regional.kompas.com", body), id="p", source="p.html", profiles=False)
    assert a.source.extractor is not None and a.source.extractor.startswith("trafilatura:")
    assert STORY[0] in a.raw


def test_a_photo_page_keeps_its_captions_as_the_story() -> None:
    captions = [
        "Warga bergotong royong mengangkut bambu untuk jembatan darurat di Desa Cibeber, Sukamaju, pada Rabu pagi.",
        "Anak-anak sekolah menyeberangi sungai dengan rakit bambu selama jembatan gantung di desa mereka putus.",
        "Petugas Dinas Pekerjaan Umum Sukamaju mengukur tiang jembatan yang rusak diterjang banjir bandang.",
    ]
    figures = "".join(
        f'<figure><img src="{i}.jpg"><figcaption>{c}</figcaption></figure>' for i, c in enumerate(captions)
    )
    a = article_from_html(
        _page("news.detik.com", f'<div class="detail__body-text">{figures}</div>'), id="p", source="foto.html"
    )
    assert a.source.extractor == "profile:detik"
    for c in captions:
        assert c in a.raw


def test_an_index_page_of_teasers_is_no_article() -> None:
    teasers = [
        "Harga cabai rawit di pasar induk turun tajam setelah panen raya di sentra produksi Jawa Barat.",
        "Tim nasional sepak bola putri menang tipis atas tuan rumah dalam laga persahabatan semalam.",
        "Pemerintah provinsi membuka pendaftaran beasiswa untuk mahasiswa berprestasi mulai pekan depan.",
        "Gempa bermagnitudo lima mengguncang pesisir selatan tanpa menimbulkan kerusakan berarti.",
        "Penyanyi muda asal Medan merilis album perdana berisi sepuluh lagu berbahasa daerah.",
        "Bank sentral mempertahankan suku bunga acuan di tengah ketidakpastian ekonomi global.",
        "Ribuan pelari mengikuti lomba maraton internasional yang melintasi kawasan kota tua.",
        "Petugas pemadam berhasil menjinakkan api yang melalap gudang mebel di kawasan industri.",
        "Kementerian kesehatan mengingatkan warga mewaspadai lonjakan kasus demam berdarah.",
        "Komunitas pecinta sepeda tua menggelar parade keliling alun-alun pada akhir pekan.",
    ]
    grid = "".join(
        f'<div class="item"><h2><a href="/read/{i}">Judul {i}</a></h2><p>{t}</p></div>'
        for i, t in enumerate(teasers)
    )
    page = _page("www.kabaruji.example", f"<main>{grid}</main>", path="/indeks")
    with pytest.raises(EmptyInputError, match="list of teasers"):
        article_from_html(page, id="p", source="indeks.html")


def test_a_story_of_short_paragraphs_is_not_a_teaser_grid() -> None:
    body = (
        "<article>"
        + "".join(
            f"<p>Jembatan gantung di Desa Cibeber kembali dibahas warga dalam rapat ke-{i} di balai desa Sukamaju.</p>"
            for i in range(10)
        )
        + "</article>"
    )
    a = article_from_html(_page("www.kabaruji.example", body), id="p", source="p.html")
    assert "Cibeber" in a.raw


def _tree(html: str):  # type: ignore[no-untyped-def]
    from lxml import html as lxml_html

    return lxml_html.fromstring(html)


def test_the_next_page_of_a_story_is_reported() -> None:
    body = (
        '<div class="read__content">'
        + _paragraphs()
        + '<div class="read__paging"><a href="?page=1">1</a><a href="?page=2">2</a>'
        + '<a href="?page=2">Selanjutnya</a></div></div>'
    )
    a = article_from_html(_page("regional.kompas.com", body), id="p", source="p.html")
    assert a.source.next_page == "https://regional.kompas.com/read/2025/01/15/jembatan-cibeber?page=2"
    assert "Selanjutnya" not in a.raw


def test_next_page_rules() -> None:
    url = "https://kabar.example/read/55/jembatan"
    rel = _tree('<html><head><link rel="next" href="/read/55/jembatan/2"></head><body></body></html>')
    assert next_page_url(rel, url) == "https://kabar.example/read/55/jembatan/2"
    on_two = _tree(
        '<html><body><a href="/read/55/jembatan/1">1</a><a href="/read/55/jembatan/3">3</a></body></html>'
    )
    assert (
        next_page_url(on_two, "https://kabar.example/read/55/jembatan/2")
        == "https://kabar.example/read/55/jembatan/3"
    )
    # "Selanjutnya" to another story is no next page; nor is anything without the page's address.
    other = _tree('<html><body><a href="/read/56/pasar">Selanjutnya</a></body></html>')
    assert next_page_url(other, url) is None
    assert next_page_url(_tree('<html><body><a href="?page=2">2</a></body></html>'), None) is None
