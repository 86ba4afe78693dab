"""A news article written for these tests: quote styles, runs, titles, anonymous sources."""

from __future__ import annotations

import pytest

from warta.article import Article
from warta.stages.quotes.step import QuoteStep
from warta.stages.segment.step import SegmentStep

ARTIKEL = (
    "SURABAYA, KOMPAS — Kepala Dinas Perhubungan Kota Surabaya Rudi Hartono meminta warga menunda perjalanan "
    "selama libur panjang.\n"
    "”Kami sudah menyiapkan 40 bus tambahan. Jadwalnya akan diumumkan besok,” kata Rudi di Surabaya, Senin (3/5/2021).\n"
    '“Terminal akan dijaga petugas selama 24 jam."\n'
    '"Pemeriksaan kesehatan tetap berlaku."\n'
    "“Penumpang tanpa surat keterangan akan diminta pulang,” tambahnya.\n"
    "Menurut Rudi, jumlah penumpang tahun ini diperkirakan turun separuh.\n"
    "Ia mengatakan: ”Kami tidak ingin ada kerumunan di terminal.”\n"
    "Dinas juga memutar ulang program ”Mudik Aman” di radio. Warga menyebut terminal itu ”pasar malam” karena ramai.\n"
    "Seorang pejabat AS yang enggan disebut namanya mengatakan, kerja sama transportasi kedua kota akan berlanjut.\n"
    "Dalam sebuah pernyataan, Istana Elysee mengatakan, kunjungan itu ditunda.\n"
    "Mengutip CNN, pertemuan itu berlangsung tertutup. Dikutip dari , harga tiket naik.\n"
    "”Kami sudah menyiapkan 40 bus tambahan,” ujar Rudi lagi.\n"
)


@pytest.fixture(scope="module")
def analysed() -> Article:
    article = SegmentStep()(Article(id="uji", raw=ARTIKEL, text=ARTIKEL))
    return QuoteStep()(article)
