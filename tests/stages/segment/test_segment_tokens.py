"""Tokens: UD Indonesian GSD surface tokens, with offsets into the text."""

from __future__ import annotations

import pytest

from warta.stages.segment import tokenize


def forms(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anak-anak bermain layang-layang.", ["Anak-anak", "bermain", "layang-layang", "."]),
        ("Era 1990-an penuh kenangan.", ["Era", "1990-an", "penuh", "kenangan", "."]),
        ("Bukunya tertinggal di mobilmu.", ["Bukunya", "tertinggal", "di", "mobilmu", "."]),
        ("Warga salat Jum'at di masjid.", ["Warga", "salat", "Jum'at", "di", "masjid", "."]),
    ],
)
def test_words_keep_clitics_and_apostrophes(text: str, expected: list[str]) -> None:
    assert forms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pukul 14.30 WIB", ["Pukul", "14.30", "WIB"]),
        ("Harganya Rp10.000 saja", ["Harganya", "Rp", "10.000", "saja"]),
        ("Nilainya Rp 1,5 triliun", ["Nilainya", "Rp", "1,5", "triliun"]),
        ("Naik 3,5% tahun ini", ["Naik", "3,5", "%", "tahun", "ini"]),
        ("Sebanyak 2.000 orang", ["Sebanyak", "2.000", "orang"]),
        ("Senin (20/2/2022) malam", ["Senin", "(", "20/2/2022", ")", "malam"]),
        ("Tanggal 20-02-2022 pagi", ["Tanggal", "20-02-2022", "pagi"]),
        ("Harga US$5,2 per barel", ["Harga", "US", "$", "5,2", "per", "barel"]),
        ("Skor akhir 2-1.", ["Skor", "akhir", "2", "-", "1", "."]),
        ("Telepon 0812-3456-7890", ["Telepon", "0812-3456-7890"]),
    ],
)
def test_numbers_money_and_dates(text: str, expected: list[str]) -> None:
    assert forms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anak-anak", ["Anak-anak"]),
        ("cita-citanya", ["cita-citanya"]),
        ("berbeda-beda", ["berbeda-beda"]),
        ("kehati-hatian", ["kehati-hatian"]),
        ("terus-menerus", ["terus-menerus"]),
        ("sayur-mayur", ["sayur-mayur"]),
        ("bolak-balik", ["bolak-balik"]),
        ("asal-usul", ["asal-usul"]),
        ("ke-17", ["ke-17"]),
        ("se-Jawa", ["se-Jawa"]),
        ("non-Muslim", ["non-Muslim"]),
        ("APBD-nya", ["APBD-nya"]),
        ("anak-anaknya", ["anak-anaknya"]),
        ("Rusia-Ukraina", ["Rusia", "-", "Ukraina"]),
        ("Jakarta-Bandung-Surabaya", ["Jakarta", "-", "Bandung", "-", "Surabaya"]),
        ("Januari-Maret", ["Januari", "-", "Maret"]),
        ("2019-2024", ["2019", "-", "2024"]),
        ("Rp5.000-Rp7.000", ["Rp", "5.000", "-", "Rp", "7.000"]),
        ("Covid-19", ["Covid", "-", "19"]),
        ("20-02-2022", ["20-02-2022"]),
        ("di-update", ["di-update"]),
        ("pro-Israel", ["pro-Israel"]),
        ("Huntley-Brinkley", ["Huntley", "-", "Brinkley"]),
        ("Luluk-Lukman", ["Luluk", "-", "Lukman"]),
    ],
)
def test_hyphens_follow_gsd(text: str, expected: list[str]) -> None:
    assert forms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Buka https://www.contoh.co.id/berita/1?a=b.",
            ["Buka", "https://www.contoh.co.id/berita/1?a=b", "."],
        ),
        ("Lihat www.contoh.com/foto, ya", ["Lihat", "www.contoh.com/foto", ",", "ya"]),
        ("Tulis ke redaksi@contoh.co.id sekarang", ["Tulis", "ke", "redaksi@contoh.co.id", "sekarang"]),
        (
            "Dikutip dari detik.com dan Kompas.com.",
            ["Dikutip", "dari", "detik.com", "dan", "Kompas.com", "."],
        ),
        (
            "Tagar #SaveHutan ramai, kata @warga_kota.",
            ["Tagar", "#SaveHutan", "ramai", ",", "kata", "@warga_kota", "."],
        ),
    ],
)
def test_urls_emails_domains_hashtags_mentions(text: str, expected: list[str]) -> None:
    assert forms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Siti", ["Dr", ".", "Siti"]),
        ("Jl. Kenanga No. 5", ["Jl", ".", "Kenanga", "No", ".", "5"]),
        ("Budi, S.H., M.Si.", ["Budi", ",", "S.H", ".", ",", "M.Si", "."]),
        ("a.n. Rina", ["a.n", ".", "Rina"]),
        ("sayur, buah, dll.", ["sayur", ",", "buah", ",", "dll", "."]),
        ("Jl.Sudirman", ["Jl", ".", "Sudirman"]),
        ("selesai.Kemudian", ["selesai", ".", "Kemudian"]),
    ],
)
def test_abbreviation_periods_are_tokens(text: str, expected: list[str]) -> None:
    assert forms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Siap!" katanya.', ['"', "Siap", "!", '"', "katanya", "."]),
        ("“Siap,” ujarnya…", ["“", "Siap", ",", "”", "ujarnya", "…"]),
        ("Tunggu...", ["Tunggu", ".", ".", "."]),
        ("Apa?!", ["Apa", "?", "!"]),
        ("Ia -- katanya -- pergi", ["Ia", "--", "katanya", "--", "pergi"]),
        ("Jakarta–Bandung", ["Jakarta", "–", "Bandung"]),
    ],
)
def test_punctuation(text: str, expected: list[str]) -> None:
    assert forms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rapat dibuka Prof. Dr. Hartono pukul 09.15 di Jl. Kenanga No. 5.",
        "“Harga cabai naik 20%,” kata Bu Sri (45) di Pasar Minggu, Senin (3/3/2025).",
        "Info: https://contoh.id/a?b=1 #BanjirJakarta @bpbd_dki… selesai.Kemudian",
        "  spasi   ganda\tdan tab  ",
        "",
    ],
)
def test_offsets_always_match_the_text(text: str) -> None:
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert "".join(t.text for t in tokens) == "".join(text.split())


def test_a_span_limits_the_tokens() -> None:
    text = "Satu dua. Tiga empat."
    assert [t.text for t in tokenize(text, 10, len(text))] == ["Tiga", "empat", "."]
    assert tokenize(text, 10)[0].start == 10
