"""The deterministic block splitter behind the HTML body gold, and the body scorer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from warta.errors import EvaluationError
from warta.evaluation.html_gold import GoldPage, body_f1, evaluate_html, shingles
from warta.io.html_blocks import page_blocks

HALAMAN = """<html><head><title>Banjir Surut</title><script>var x = "bukan teks";</script></head>
<body><nav><a href="/">Beranda</a> &gt; <a href="/daerah">Daerah</a></nav>
<h1>Banjir di Sukamaju Mulai Surut</h1><div class="tanggal">Senin, 3 Maret 2025 10:00 WIB</div>
<article><p>SUKAMAJU, KABAR UJI - Banjir yang merendam tiga desa di Sukamaju mulai surut pada Senin pagi.</p>
<p>Kepala desa Budi Santoso mengatakan warga sudah kembali ke rumah masing-masing sejak pukul enam.</p>
Warga membersihkan lumpur bersama relawan.<br><br>"Kami bersyukur air cepat turun," kata Budi.
<div class="baca">Baca juga: <a href="/x">Jembatan Baru Dibuka</a></div></article>
<footer>Hak cipta Kabar Uji</footer></body></html>"""


def test_blocks_follow_block_elements_and_line_breaks() -> None:
    texts = [b.text for b in page_blocks(HALAMAN)]
    assert "bukan teks" not in " ".join(texts)  # scripts give no text
    assert "Warga membersihkan lumpur bersama relawan." in texts
    assert '"Kami bersyukur air cepat turun," kata Budi.' in texts
    assert texts == [b.text for b in page_blocks(HALAMAN)]  # the same every time
    assert [b.index for b in page_blocks(HALAMAN)] == list(range(len(texts)))


def test_deep_pages_are_cut_into_blocks_too() -> None:
    deep = (
        "<html><body>"
        + "<div>" * 3000
        + "<p>Harga beras naik lagi di pasar.</p>"
        + "</div>" * 3000
        + "</body></html>"
    )
    assert [b.text for b in page_blocks(deep)] == ["Harga beras naik lagi di pasar."]


def test_shingles_and_f1() -> None:
    assert sum(shingles("satu dua tiga empat lima").values()) == 2
    assert body_f1("", "") == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert body_f1("", "satu dua tiga empat")["f1"] == 0.0
    half = body_f1("satu dua tiga empat lima", "satu dua tiga empat lima enam tujuh")
    assert half["precision"] == 1.0 and half["recall"] == 0.5


def test_scores_warta_and_trafilatura_on_a_page(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "uji.html").write_text(HALAMAN, encoding="utf-8")
    blocks = page_blocks(HALAMAN)
    body = [b.index for b in blocks if b.text.startswith(("SUKAMAJU", "Kepala desa", "Warga", '"Kami'))]
    sha = hashlib.sha256(HALAMAN.encode("utf-8")).hexdigest()
    gold = tmp_path / "gold.jsonl"
    import msgspec

    gold.write_bytes(
        msgspec.json.encode(GoldPage(file="pages/uji.html", sha256=sha, outlet="uji", body=body)) + b"\n"
    )
    r = evaluate_html(tmp_path, gold=gold)
    assert r["pages"] == 1 and set(r["systems"]) == {
        "warta",
        "warta_generic",
        "trafilatura",
        "trafilatura_precision",
    }
    assert r["systems"]["warta"]["f1"] > 0.8
    (pages / "uji.html").write_text(HALAMAN + " ", encoding="utf-8")
    with pytest.raises(EvaluationError, match="not the annotated one"):
        evaluate_html(tmp_path, gold=gold)


def test_warm_up_reads_the_pages_the_gold_does_not_score(tmp_path: Path) -> None:
    from warta.evaluation.html_gold import _warm_up

    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("uji.html", "indeks.html", "catatan.txt"):
        (pages / name).write_text(HALAMAN, encoding="utf-8")
    gold = [GoldPage(file="pages/uji.html", sha256="", outlet="uji", body=[0])]
    assert [file for _raw, file in _warm_up(tmp_path, gold)] == ["pages/indeks.html"]
    (pages / "indeks.html").unlink()
    assert _warm_up(tmp_path, gold) == []  # the caller then warms up on the first scored page


LEDE_APART = """<html><head><title>Pianis Muda Tampil</title></head><body>
<div class="lead"><strong>KABARUJI.co.id - Pianis muda asal Sukamaju, Rina Lestari, tampil memukau di panggung festival musik nasional semalam.</strong></div>
<figure><img src="a.jpg"><figcaption>Rina Lestari di atas panggung.</figcaption></figure>
<article><p>Setelah tampil di babak penyisihan, remaja berusia 14 tahun ini mendapat kesempatan tampil di panggung utama festival.</p>
<p>Penonton berdiri dan bertepuk tangan panjang setelah ia menutup penampilannya dengan lagu daerah Sukamaju.</p>
<p>"Saya tidak menyangka bisa sampai di sini," kata Rina kepada wartawan usai tampil di gedung kesenian kota.</p></article>
<aside><h3>Berita lain</h3><ul><li><a href="/1">Harga Beras Naik</a></li></ul></aside></body></html>"""


def test_a_lede_set_apart_from_the_body_is_put_back() -> None:
    from warta.io._html import article_from_html

    a = article_from_html(LEDE_APART, id="p", source="p.html")
    assert a.raw.startswith("KABARUJI.co.id - Pianis muda asal Sukamaju")
    assert "Rina Lestari di atas panggung" not in a.raw  # the caption between stays out
