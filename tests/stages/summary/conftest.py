"""Fixtures for the summary stage: short Indonesian news texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from warta.article import Article
from warta.stages.segment.step import SegmentStep

BERITA_BANJIR = (
    "Banjir besar merendam ratusan rumah warga di Kabupaten Bandung sejak Selasa malam. "
    "Badan Penanggulangan Bencana Daerah mencatat lebih dari 500 keluarga terpaksa mengungsi ke balai desa.\n\n"
    "Kepala BPBD Kabupaten Bandung, Dadang Suherman, mengatakan air mulai naik setelah hujan deras turun "
    'selama enam jam. "Kami sudah menyiapkan perahu karet dan dapur umum. '
    'Bantuan logistik juga terus berdatangan," kata Dadang.\n\n'
    "Baca juga: Hujan Deras, Jalan Tol Padaleunyi Tergenang\n\n"
    "Menurut Suherman, banjir tahun ini lebih parah dibandingkan tahun lalu. "
    "Warga berharap pemerintah segera menormalisasi sungai yang dangkal.\n\n"
    "Sementara itu, sekolah di tiga kecamatan diliburkan hingga air surut."
)


def segmented(text: str, *, title: str | None = None) -> Article:
    return SegmentStep()(Article(id="t", raw=text, text=text, title=title))


@pytest.fixture
def seg() -> Callable[..., Article]:
    """Segment a text into an Article (sentences and tokens), as the pipeline would."""
    return segmented


@pytest.fixture
def banjir_text() -> str:
    return BERITA_BANJIR


@pytest.fixture
def banjir() -> Article:
    return segmented(BERITA_BANJIR, title="Banjir Rendam Ratusan Rumah di Bandung")
