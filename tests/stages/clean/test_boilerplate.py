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
        "Tonton juga video \"Warga Serbu Pasar Murah\" di sini:",
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
    text = "Harga naik, kata dia. Baca juga:Harga Cabai Naik Jelang Lebaran Pedagang mengeluhkan sepi pembeli."
    (fix,) = find_boilerplate(text)
    assert text[fix.end :] == "Pedagang mengeluhkan sepi pembeli."
    assert text[fix.start : fix.end].startswith("Baca juga:")


def test_headline_stops_at_a_quotation() -> None:
    text = 'Warga Padati Pasar Murah "Kami senang," kata Ani.'
    assert text[: headline_end(text, 0, len(text))].strip() == "Warga Padati Pasar Murah"
