from __future__ import annotations

import pytest

from warta.stages.clean.boilerplate import find_boilerplate, headline_end


def removed(text: str) -> list[str]:
    return [text[f.start : f.end].strip() for f in find_boilerplate(text)]


@pytest.mark.parametrize(
    "line",
    [
        "Tinggalkan Balasan",
        "Alamat email Anda tidak akan dipublikasikan.",
        "Baca juga: Pemerintah Siapkan Bantuan untuk Petani",
        "BACA JUGA: Harga Emas Hari Ini Turun",
        "SCROLL TO CONTINUE WITH CONTENT",
        "ADVERTISEMENT",
        "Simak juga Video 'Banjir Rendam Ratusan Rumah':",
        'Tonton juga video "Warga Serbu Pasar Murah" di sini:',
        "Ikuti berita terkini dari kami di Google News",
        "Editor: Siti Rahmawati",
        "Penulis: Andi Pratama",
        "(Foto: ANTARA/Rudi Hartono)",
    ],
)
def test_removes_boilerplate_lines(line: str) -> None:
    text = f"Harga cabai naik tajam pekan ini.\n{line}\nPedagang mengeluh sepi pembeli."
    assert removed(text) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Oleh karena itu, pemerintah menambah stok beras di pasar.",
        "Menurut dia, warga harus membaca juga aturan yang baru.",
        "Komentar itu memicu perdebatan di media sosial selama sepekan.",
        "Editor senior itu mengatakan redaksi tetap independen.",
        "Video amatir warga memperlihatkan air naik dengan cepat.",
    ],
)
def test_keeps_body_lines(line: str) -> None:
    text = f"Harga cabai naik tajam pekan ini.\n{line}\nPedagang mengeluh sepi pembeli."
    assert removed(text) == []


def test_inline_ads_removed_with_one_space() -> None:
    text = "Harga naik. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Warga mengeluh."
    fixes = find_boilerplate(text)
    out = text
    for f in sorted(fixes, key=lambda f: -f.start):
        out = out[: f.start] + out[f.end :]
    assert out == "Harga naik. Warga mengeluh."


def test_read_also_glued_headline_keeps_next_sentence() -> None:
    text = (
        "Harga naik, kata dia. Baca juga:Harga Cabai Naik Jelang Lebaran Pedagang mengeluhkan sepi pembeli."
    )
    (fix,) = find_boilerplate(text)
    assert text[fix.end :] == "Pedagang mengeluhkan sepi pembeli."
    assert text[fix.start : fix.end].startswith("Baca juga:")


def test_headline_stops_at_a_quotation() -> None:
    text = 'Warga Padati Pasar Murah "Kami senang," kata Ani.'
    assert text[: headline_end(text, 0, len(text))].strip() == "Warga Padati Pasar Murah"


@pytest.mark.parametrize(
    "line",
    [
        "Baca Juga",
        "TERKAIT",
        "Jangan Lewatkan!!!",
        "KOMENTARI ARTIKEL INI",
        "BACA ARTIKEL MENARIK LAINNYA",
        "Home > Nasional > Hukum",
        "Beranda » Ekonomi",
        "1.250 Shares",
        "Fotografer: Rina Lestari",
        "Redaksi: Budi Hartono",
        "KONTAK: humas@kabaruji.example",
        "https://www.kabaruji.example/program",
        "- Kamis, 05/11/2015 09:25 WIB",
        "Artikel ini telah naik di detikUji dengan judul Jembatan Cibeber Diperbaiki.",
        "Warga menyeberangi sungai dengan rakit. Foto: Rina Lestari",
    ],
)
def test_removes_page_furniture_lines(line: str) -> None:
    text = f"Harga cabai naik tajam pekan ini.\n{line}\nPedagang mengeluh sepi pembeli."
    assert removed(text) == [line]


def test_a_signature_in_capitals_goes_only_at_the_end() -> None:
    body = "Harga cabai naik tajam pekan ini.\nPEDAGANG MENGELUH\nPembeli juga berkurang sejak Senin."
    assert removed(body) == []  # a heading in capitals mid-text stays
    assert removed(body + "\nRINA LESTARI") == ["RINA LESTARI"]
    assert removed(body + "\nANTARA\n") == ["ANTARA"]
    assert removed(body + "\nRINA LESTARI\nSumber: Dinas Pertanian") == [
        "RINA LESTARI",
        "Sumber: Dinas Pertanian",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Terkait hal itu, pemerintah daerah akan menambah armada bus sekolah.",
        "Komentar warga di media sosial ramai sejak pagi.",
        "Selengkapnya, warga diminta mendaftar ke kantor desa.",
        "Redaksi menerima banyak surat pembaca tentang jembatan itu.",
    ],
)
def test_story_lines_that_open_like_furniture_stay(line: str) -> None:
    text = f"Harga cabai naik tajam pekan ini.\n{line}\nPedagang mengeluh sepi pembeli."
    assert removed(text) == []
