from __future__ import annotations

import pytest

from warta.stages.clean.characters import find_character_fixes, find_mojibake
from warta.stages.clean.citations import find_dangling_citations
from warta.stages.clean.clean import clean_text
from warta.stages.clean.lost_characters import find_lost_capitals
from warta.stages.clean.title import detect_title


def test_contoh_article(contoh_text: str) -> None:
    r = clean_text(contoh_text)
    assert r.title == "Harga Beras Melonjak, Menteri Siap Temui Pedagang Asalkan Stok Aman"
    assert "Tinggalkan Balasan" not in r.text
    assert "dipublikasikan" not in r.text
    reds = sorted(c.after for c in r.cleaning.repaired if c.kind == "reduplication")
    assert reds == ["benar-benar", "kehati-hatian", "negara-negara", "sama-sama"]
    assert "back to back" in r.text
    assert [c.after for c in r.cleaning.repaired if c.kind == "lost-character"] == ["Élysée"]
    cues = [w.cue for w in r.cleaning.warnings if w.kind == "dangling-citation"]
    assert cues == ["Mengutip", "Dikutip dari"]


def test_every_change_points_back_to_raw(contoh_text: str) -> None:
    r = clean_text(contoh_text)
    for c in r.cleaning.removed + r.cleaning.repaired:
        assert contoh_text[c.raw_start : c.raw_end].strip() == c.before.strip()
        if c.after:
            assert r.text[c.start : c.end] == c.after


def test_unchanged_characters_map_to_themselves(contoh_text: str) -> None:
    r = clean_text(contoh_text)
    changed = {i for c in r.cleaning.repaired for i in range(c.start, c.end)}
    for i, ch in enumerate(r.text):
        if i not in changed:
            assert contoh_text[r.offsets(i)] == ch


def test_nothing_else_changes() -> None:
    raw = 'Warga antre sejak pagi. “Kami menunggu," kata Ani.'
    r = clean_text(raw, detect_headline=False)
    assert r.text == raw
    assert r.cleaning.removed == [] and r.cleaning.repaired == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Mengutip , harga beras naik.", "Mengutip"),
        ("Dikutip dari , menteri menolak.", "Dikutip dari"),
        ("Seperti dilansir dari , polisi masih berjaga.", "Seperti dilansir dari"),
        ("Hal itu dilansir , Senin.", "dilansir"),
    ],
)
def test_dangling_citation_flagged(text: str, cue: str) -> None:
    assert [w.cue for w in find_dangling_citations(text)] == [cue]


@pytest.mark.parametrize("text", ["Mengutip CNN, harga naik.", "Dilansir dari Reuters, Senin."])
def test_named_citation_not_flagged(text: str) -> None:
    assert find_dangling_citations(text) == []


def test_mojibake_repaired_quotes_kept() -> None:
    fixes = find_mojibake("Ia berkata â€œsiapâ€\x9d dan “tenang”.")
    assert [f.after for f in fixes] == ["“siap”"]


def test_invisible_and_odd_spaces() -> None:
    fixes = find_character_fixes("Harga\u00a0naik\u200b.\r\n")
    assert [(f.rule, f.after) for f in fixes] == [
        ("odd-space", " "),
        ("invisible", ""),
        ("line-ending", "\n"),
    ]


def test_styled_letters_become_plain_letters() -> None:
    styled = "".join(chr(0x1D5D4 + ord(c) - ord("A")) for c in "PROMO")  # sans-serif bold capitals
    digits = "".join(chr(0x1D7EC + int(c)) for c in "2026")  # sans-serif bold digits
    result = clean_text(f"Akun itu menulis {styled} GRATIS {digits} lalu dihapus.")
    assert result.text == "Akun itu menulis PROMO GRATIS 2026 lalu dihapus."
    assert [(c.rule, c.after) for c in result.cleaning.repaired] == [
        ("styled-letters", "PROMO"),
        ("styled-letters", "2026"),
    ]


def test_lost_capital_needs_evidence() -> None:
    assert find_lost_capitals("Menurut Istana lysée, rapat batal.") != []  # in the name list
    assert find_lost_capitals("Ia tinggal di Kota lùmière bersama keluarga.") == []  # no evidence


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Harga Cabai Naik Jelang Lebaran\n\nHarga cabai naik tajam.", "Harga Cabai Naik Jelang Lebaran"),
        (
            "Warga antre minyak goreng\n\nSejak pagi ratusan warga sudah antre di depan toko.",
            "Warga antre minyak goreng",
        ),
    ],
)
def test_title_detected(text: str, title: str) -> None:
    span = detect_title(text)
    assert span is not None and text[span[0] : span[1]] == title


@pytest.mark.parametrize(
    "text",
    [
        "Harga cabai naik tajam pekan ini, kata pedagang.\nPembeli mengeluh.",
        "Satu baris saja tanpa judul",
        "Harga naik.\n\nPedagang mengeluh.",
    ],
)
def test_no_title(text: str) -> None:
    assert detect_title(text) is None


def test_byline_goes_to_metadata() -> None:
    r = clean_text(
        "Harga naik tajam pekan ini.\nEditor: Siti Rahmawati\nPenulis: Andi Pratama", detect_headline=False
    )
    assert r.editor == "Siti Rahmawati" and r.author == "Andi Pratama"
    assert r.text == "Harga naik tajam pekan ini."
