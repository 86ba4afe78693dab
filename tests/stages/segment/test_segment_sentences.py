"""Sentence splitting: abbreviations, initials, numbers, quotes, brackets, lost spaces."""

from __future__ import annotations

import pytest

from warta.stages.segment import split_paragraphs, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rapat dimulai pukul 09.00. Semua peserta hadir.",
            ["Rapat dimulai pukul 09.00.", "Semua peserta hadir."],
        ),
        (
            "Kenapa harga naik? Pedagang tidak tahu! Mereka bingung.",
            ["Kenapa harga naik?", "Pedagang tidak tahu!", "Mereka bingung."],
        ),
        ("Hujan deras turun sejak pagi", ["Hujan deras turun sejak pagi"]),
    ],
)
def test_plain_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kantornya berada di Jl. Merdeka No. 12 Jakarta Pusat.",
        "Acara dibuka oleh Prof. Dr. Ir. Sutrisno dan Drs. Ahmad.",
        "Ia tinggal di Kec. Cibodas, Kab. Bandung Barat.",
        "Surat ditujukan kepada Sdr. Wahyu dan Bpk. Hartono.",
        "Pengirimnya a.n. Siti Rahma, bukan orang lain.",
        "Jemaah dipimpin KH. Abdul Karim dan H. Mansur.",
        "Harga tiketnya Rp. 150.000 per orang.",
    ],
)
def test_titles_never_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Presiden Susilo B. Yudhoyono membuka acara itu.",
        "Pidato disampaikan John F. Kennedy di Berlin.",
        "Pengacaranya, Budi Santoso, S.H., M.Si. mengajukan banding.",
        "Kuasa hukum Andi S.H. Siregar menolak tuduhan itu.",
        "Proyek digarap PT. Karya Abadi dan RS. Harapan Kita.",
    ],
)
def test_initials_and_name_abbreviations_stay_inside(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rumah itu ada di Blok A. Namun pemiliknya sudah pindah.",
            ["Rumah itu ada di Blok A.", "Namun pemiliknya sudah pindah."],
        ),
        (
            "Surat itu ditandatangani Hendra Wijaya, S.H. Ia kemudian pergi.",
            ["Surat itu ditandatangani Hendra Wijaya, S.H.", "Ia kemudian pergi."],
        ),
    ],
)
def test_initial_before_a_sentence_starter_ends_the_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pasar menjual sayur, buah, ikan, dll. Pembeli datang sejak subuh.",
            ["Pasar menjual sayur, buah, ikan, dll.", "Pembeli datang sejak subuh."],
        ),
        ("Pasar menjual sayur, buah, dll. yang segar.", ["Pasar menjual sayur, buah, dll. yang segar."]),
        (
            "Saham PT Sumber Rejeki Tbk. (SRJK) naik tajam hari ini.",
            ["Saham PT Sumber Rejeki Tbk. (SRJK) naik tajam hari ini."],
        ),
        (
            "Penelitian itu ditulis Hartono dkk. dan terbit tahun lalu.",
            ["Penelitian itu ditulis Hartono dkk. dan terbit tahun lalu."],
        ),
    ],
)
def test_other_abbreviations_end_a_sentence_only_before_a_capital(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ia lahir pada (20/2/2022). Bayinya sehat.",
            ["Ia lahir pada (20/2/2022).", "Bayinya sehat."],
        ),
        (
            "Harga naik 3,5 persen menjadi Rp10.000. Pembeli mengeluh.",
            ["Harga naik 3,5 persen menjadi Rp10.000.", "Pembeli mengeluh."],
        ),
        (
            "Nilai proyek mencapai Rp 1,5 triliun pada 2023. Angka itu naik.",
            ["Nilai proyek mencapai Rp 1,5 triliun pada 2023.", "Angka itu naik."],
        ),
        ("Jumlah pengunjung 2.000 orang per hari.", ["Jumlah pengunjung 2.000 orang per hari."]),
        ("Kereta berangkat pukul 14.30 dari Gambir.", ["Kereta berangkat pukul 14.30 dari Gambir."]),
    ],
)
def test_numbers_times_and_dates(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Warga menunggu... Bantuan tidak kunjung tiba.",
            ["Warga menunggu...", "Bantuan tidak kunjung tiba."],
        ),
        ("Ia berkata… entahlah, mungkin besok.", ["Ia berkata… entahlah, mungkin besok."]),
        ("Mereka menunggu... lalu pulang.", ["Mereka menunggu... lalu pulang."]),
    ],
)
def test_ellipsis(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Kami siap. Kami juga siap," kata Budi.', ['"Kami siap. Kami juga siap," kata Budi.']),
        ("“Kami siap. Kami juga siap,” kata Budi.", ["“Kami siap. Kami juga siap,” kata Budi."]),
        ('"Siapa yang datang?" tanya Rina.', ['"Siapa yang datang?" tanya Rina.']),
        (
            'Ia menutup pintu. "Kami pulang dulu." Semua diam.',
            ["Ia menutup pintu.", '"Kami pulang dulu."', "Semua diam."],
        ),
        (
            "Lurah itu berkata, “Air sudah surut.” Warga lega.",
            ["Lurah itu berkata, “Air sudah surut.”", "Warga lega."],
        ),
        (
            '"Kami siap," kata Budi. "Kami juga," tambah Rina.',
            ['"Kami siap," kata Budi.', '"Kami juga," tambah Rina.'],
        ),
    ],
)
def test_quotes(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An opening quote that never closes in the paragraph does not stop splitting.
        ('"Kami siap. Kami juga siap.', ['"Kami siap.', "Kami juga siap."]),
        # A closing quote cut off by a space stays with its sentence.
        ('Kami siap. " Semua bersorak.', ['Kami siap. "', "Semua bersorak."]),
        ('Kami siap. "', ['Kami siap. "']),
    ],
)
def test_stray_quote_marks(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tanaman itu (lihat gbr. A. Bagian atas) tumbuh cepat.",
            ["Tanaman itu (lihat gbr. A. Bagian atas) tumbuh cepat."],
        ),
        ("Kebakaran melanda pasar. (ant/rzn)", ["Kebakaran melanda pasar. (ant/rzn)"]),
    ],
)
def test_brackets(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acara selesai.Kemudian warga pulang.", ["Acara selesai.", "Kemudian warga pulang."]),
        (
            "Kunjungi detik.com atau Kompas.com setiap hari.",
            ["Kunjungi detik.com atau Kompas.com setiap hari."],
        ),
        ("Kantornya di Jl.Sudirman dekat stasiun.", ["Kantornya di Jl.Sudirman dekat stasiun."]),
        ("Nilainya Rp10.000.Besok naik lagi.", ["Nilainya Rp10.000.Besok naik lagi."]),
    ],
)
def test_missing_space_after_period(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Baca selengkapnya di https://www.contoh.co.id/berita/a.b. Lalu bagikan.",
            ["Baca selengkapnya di https://www.contoh.co.id/berita/a.b.", "Lalu bagikan."],
        ),
        (
            "Kirim ke redaksi@contoh.id. Kami membalas dalam sehari.",
            ["Kirim ke redaksi@contoh.id.", "Kami membalas dalam sehari."],
        ),
    ],
)
def test_urls_and_emails(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_numbered_item_is_not_a_sentence() -> None:
    text = "1. Siapkan dokumen lengkap."
    assert sentences(text) == [text]


def test_lower_case_after_a_plain_word_is_a_new_sentence() -> None:
    # Scraped user posts often drop capitals; a plain word and a period still end one.
    assert sentences("Banjir sudah surut. warga mulai bersih-bersih.") == [
        "Banjir sudah surut.",
        "warga mulai bersih-bersih.",
    ]


def test_spans_are_offsets_into_the_whole_text() -> None:
    text = "Judul berita\nHujan turun. Jalan banjir.\n\nWarga mengungsi."
    spans = [sp for p_start, p_end in split_paragraphs(text) for sp in split_sentences(text, p_start, p_end)]
    assert [text[s:e] for s, e in spans] == [
        "Judul berita",
        "Hujan turun.",
        "Jalan banjir.",
        "Warga mengungsi.",
    ]


def test_empty_paragraph_gives_no_sentence() -> None:
    assert split_sentences("   ", 0, 0) == []


def test_an_opening_glyph_glued_after_a_full_stop_closes_the_quotation() -> None:
    text = "“Jalur yang bagus membuat atlet maju.“ Rina mengatakan jalur itu penting. Ia lalu pergi."
    assert [s[:4] for s in sentences(text)] == ["“Jal", "Rina", "Ia l"]
    # With a space before it, the glyph opens the next sentence's quotation as usual.
    assert sentences("Ia pergi. “Saya pulang,” katanya.") == ["Ia pergi.", "“Saya pulang,” katanya."]
